"""Indonesian (id)."""

SENTENCE_GAP = " "

TOPICS = {
    "rice": "budi daya padi",
    "aquaculture": "budi daya ikan air tawar",
    "solar": "instalasi pembangkit listrik tenaga surya",
    "ev": "perawatan kendaraan listrik",
    "elderly-care": "perawatan lansia",
    "tourism": "pariwisata berbasis masyarakat",
    "hotel": "layanan kantor depan hotel",
    "ecommerce": "perdagangan elektronik lintas negara",
    "python": "pemrograman Python",
    "networks": "administrasi jaringan komputer",
    "chinese": "bahasa Mandarin sebagai bahasa asing",
    "maths": "pecahan dan desimal",
    "climate": "perubahan iklim dan risiko banjir",
    "food-safety": "keamanan pangan dan higiene",
    "robotics": "robotika industri",
    "braille": "membaca dan menulis huruf Braille",
    "heritage": "pelestarian warisan budaya",
    "dengue": "pencegahan demam berdarah di masyarakat",
}

LEVELS = {
    "primary": "siswa sekolah dasar",
    "secondary": "siswa sekolah menengah atas",
    "vocational": "mahasiswa vokasi",
    "higher": "mahasiswa sarjana",
    "lifelong": "peserta didik dewasa",
    "special": "peserta didik berkebutuhan khusus",
    "teachers": "mahasiswa calon guru",
}

MATERIAL_TITLES = {
    "lesson-plan": "Rencana pembelajaran {topic} untuk {level}",
    "presentation": "Pengantar {topic} (bahan tayang untuk {level})",
    "textbook": "Buku ajar {topic} untuk {level}",
    "worksheet": "Lembar kerja {topic} untuk {level}",
    "open-course": "Kursus daring terbuka: {topic}",
    "case-study": "Studi kasus {topic}",
    "experiment": "Panduan praktikum {topic} untuk {level}",
    "video": "Video pembelajaran praktik {topic} untuk {level}",
    "syllabus": "Silabus mata kuliah {topic}",
}

ACHIEVEMENT_TITLES = {
    "paper": "Pembelajaran {topic}: studi dengan metode campuran",
    "report": "Laporan tahunan pelatihan {topic}",
    "patent": "Alat peraga dan metode praktik untuk pembelajaran {topic}",
    "software": "Aplikasi seluler untuk belajar {topic}",
    "dataset": "Data survei tentang {topic} di Tiongkok dan ASEAN",
    "award": "Penghargaan pengajaran terbaik untuk mata kuliah {topic}",
    "competition-result": "Medali emas lomba keterampilan bidang {topic}",
    "cooperation-agreement": "Perjanjian kerja sama pelatihan bersama di bidang {topic}",
    "standard": "Standar pelatihan {topic}",
    "textbook": "{topic}, edisi kedua",
}

MATERIAL_ABSTRACTS = (
    "Bahan ajar ini membantu guru memperkenalkan {topic} kepada {level}. Isinya berupa "
    "penjelasan singkat, contoh, dan tugas praktik yang diambil dari dunia kerja setempat. "
    "Guru dapat menyesuaikannya untuk pertemuan 45 atau 90 menit.",
    "Disusun untuk {level}, materi ini membahas konsep inti {topic} langkah demi langkah. "
    "Setiap bagian diakhiri dengan pertanyaan pemahaman dan tugas praktik singkat.",
    "Materi {topic} ini dikembangkan dan diujicobakan bersama {level} selama dua semester, "
    "dilengkapi panduan guru, alokasi waktu, dan contoh penilaian.",
)

ACHIEVEMENT_OPENERS = {
    "paper": "Artikel ini melaporkan penelitian selama dua tahun tentang cara {level} "
    "mempelajari {topic}, dengan menggabungkan observasi kelas, tes, dan wawancara.",
    "report": "Laporan ini meninjau program pelatihan {topic} di lembaga kami, termasuk "
    "jumlah peserta, kelulusan, dan keterserapan lulusan di dunia kerja.",
    "patent": "Invensi ini berupa alat peraga berbiaya rendah yang membantu {level} melatih "
    "keterampilan utama dalam {topic}.",
    "software": "Aplikasi ini menyediakan pelajaran singkat, kuis, dan latihan luring tentang "
    "{topic} untuk {level}, serta dapat berjalan di ponsel murah.",
    "dataset": "Data ini berisi jawaban survei anonim dari guru dan {level} tentang {topic}, "
    "dilengkapi buku kode.",
    "award": "Penghargaan ini diberikan kepada tim pengajar mata kuliah {topic} untuk {level} "
    "atas proyek praktiknya yang menonjol.",
    "competition-result": "Tim {level} meraih medali emas dengan proyek di bidang {topic}, "
    "yang dinilai dari keterampilan, keselamatan, dan kerja sama tim.",
    "cooperation-agreement": "Perjanjian ini mengatur pelatihan bersama, pertukaran staf, dan "
    "berbagi bahan ajar {topic} antara lembaga mitra di Tiongkok dan ASEAN.",
    "standard": "Standar ini menjelaskan pengetahuan, keterampilan, dan metode penilaian "
    "{topic} yang diharapkan dari {level}.",
    "textbook": "Buku ini membahas {topic} dalam dua belas bab, masing-masing dengan contoh, "
    "latihan, dan glosarium, dan ditulis untuk {level}.",
}

ACHIEVEMENT_CLOSERS = (
    "Hasilnya dibagikan secara terbuka agar dapat digunakan kembali oleh lembaga mitra.",
    "Karya ini disusun bersama dunia industri dan sekolah mitra di kawasan.",
)

MATERIAL_SECTIONS = (
    (
        "Tujuan pembelajaran",
        "Setelah mempelajari unit ini, {level} mampu menjelaskan konsep dasar {topic} dan "
        "menerapkannya pada tugas nyata yang sederhana.",
    ),
    (
        "Kegiatan pembelajaran",
        "Peserta didik mendiskusikan sebuah kasus singkat, kemudian mengerjakan tugas praktik "
        "dalam kelompok kecil dan mempresentasikan hasilnya di depan kelas.",
    ),
    (
        "Penilaian",
        "Penilaian terdiri atas kuis tertulis singkat dan pengamatan tugas praktik dengan "
        "daftar periksa di akhir dokumen ini.",
    ),
)

ACHIEVEMENT_SECTIONS = (
    (
        "Latar belakang",
        "Kebutuhan akan keterampilan {topic} meningkat pesat di Tiongkok dan Asia Tenggara, "
        "tetapi bahan ajar dan standar bersama masih terbatas.",
    ),
    (
        "Metode",
        "Tim bekerja sama dengan guru, industri, dan {level} untuk mengumpulkan data, menguji "
        "purwarupa, dan menyempurnakan karya dalam beberapa tahap.",
    ),
    (
        "Hasil",
        "Karya ini telah digunakan oleh beberapa lembaga mitra dan mendapat tanggapan positif "
        "dari guru dan peserta didik.",
    ),
)

LABELS = {"abstract": "Abstrak", "keywords": "Kata kunci", "creators": "Penulis"}

AWARDS = ("Anugerah Dosen Berprestasi Nasional", "Penghargaan Inovasi Pembelajaran")
COMPETITIONS = ("Lomba Kompetensi Siswa Nasional", "Kompetisi Keterampilan ASEAN")

CREATORS = (
    "Siti Rahmawati",
    "Budi Santoso",
    "Dewi Lestari",
    "Agus Prasetyo",
    "Rina Wulandari",
    "Made Suryawan",
    "Nur Hidayah",
    "Andi Saputra",
)
