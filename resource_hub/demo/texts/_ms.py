"""Malay (ms)."""

SENTENCE_GAP = " "

TOPICS = {
    "rice": "penanaman padi",
    "aquaculture": "akuakultur air tawar",
    "solar": "pemasangan sistem fotovolta suria",
    "ev": "penyelenggaraan kenderaan elektrik",
    "elderly-care": "penjagaan warga emas",
    "tourism": "pelancongan berasaskan komuniti",
    "hotel": "operasi kaunter hadapan hotel",
    "ecommerce": "e-dagang rentas sempadan",
    "python": "pengaturcaraan Python",
    "networks": "pentadbiran rangkaian komputer",
    "chinese": "bahasa Cina sebagai bahasa asing",
    "maths": "pecahan dan perpuluhan",
    "climate": "perubahan iklim dan risiko banjir",
    "food-safety": "keselamatan dan kebersihan makanan",
    "robotics": "robotik industri",
    "braille": "membaca dan menulis Braille",
    "heritage": "pemuliharaan warisan budaya",
    "dengue": "pencegahan denggi dalam komuniti",
}

LEVELS = {
    "primary": "murid sekolah rendah",
    "secondary": "pelajar sekolah menengah atas",
    "vocational": "pelajar kolej vokasional",
    "higher": "pelajar ijazah sarjana muda",
    "lifelong": "pelajar dewasa",
    "special": "murid berkeperluan pendidikan khas",
    "teachers": "guru pelatih",
}

MATERIAL_TITLES = {
    "lesson-plan": "Rancangan pengajaran {topic} untuk {level}",
    "presentation": "Pengenalan kepada {topic} (slaid untuk {level})",
    "textbook": "Buku teks {topic} untuk {level}",
    "worksheet": "Lembaran kerja {topic} untuk {level}",
    "open-course": "Kursus dalam talian terbuka: {topic}",
    "case-study": "Kajian kes dalam {topic}",
    "experiment": "Panduan amali {topic} untuk {level}",
    "video": "Video pengajaran amali {topic} untuk {level}",
    "syllabus": "Sukatan pelajaran kursus {topic}",
}

ACHIEVEMENT_TITLES = {
    "paper": "Pengajaran dan pembelajaran {topic}: kajian kaedah campuran",
    "report": "Laporan tahunan latihan {topic}",
    "patent": "Alat bantu mengajar dan kaedah latihan amali {topic}",
    "software": "Aplikasi mudah alih untuk mempelajari {topic}",
    "dataset": "Set data tinjauan {topic} di China dan ASEAN",
    "award": "Anugerah kecemerlangan pengajaran bagi kursus {topic}",
    "competition-result": "Pingat emas pertandingan kemahiran {topic}",
    "cooperation-agreement": "Perjanjian kerjasama latihan bersama dalam {topic}",
    "standard": "Standard latihan {topic}",
    "textbook": "{topic}, edisi kedua",
}

MATERIAL_ABSTRACTS = (
    "Sumber ini membantu guru memperkenalkan {topic} kepada {level}. Ia menggabungkan "
    "penerangan ringkas, contoh dan tugasan amali daripada tempat kerja tempatan. Guru boleh "
    "menyesuaikan aktiviti untuk sesi 45 atau 90 minit.",
    "Direka untuk {level}, bahan ini menerangkan idea teras {topic} langkah demi langkah. "
    "Setiap bahagian diakhiri dengan soalan semakan kefahaman dan tugasan amali ringkas.",
    "Bahan {topic} ini dibangunkan dan diuji bersama {level} selama dua semester, lengkap "
    "dengan panduan guru, cadangan peruntukan masa dan idea penilaian.",
)

ACHIEVEMENT_OPENERS = {
    "paper": "Kertas ini melaporkan kajian selama dua tahun tentang cara {level} mempelajari "
    "{topic}, menggabungkan pemerhatian bilik darjah, ujian dan temu bual.",
    "report": "Laporan ini menilai program latihan {topic} di institusi kami, termasuk "
    "enrolmen, kadar tamat pengajian dan kebolehpasaran graduan.",
    "patent": "Ciptaan ini ialah alat bantu mengajar kos rendah yang membantu {level} melatih "
    "kemahiran utama dalam {topic}.",
    "software": "Aplikasi ini menyediakan pelajaran ringkas, kuiz dan latihan luar talian "
    "tentang {topic} untuk {level}, dan boleh digunakan pada telefon murah.",
    "dataset": "Set data ini mengandungi jawapan tinjauan tanpa nama daripada guru dan {level} "
    "tentang {topic}, berserta buku kod.",
    "award": "Anugerah ini mengiktiraf kursus {topic} untuk {level} oleh pasukan pengajar, "
    "yang terkenal dengan projek amalinya.",
    "competition-result": "Pasukan {level} memenangi pingat emas dengan projek dalam {topic}, "
    "yang dinilai dari segi kemahiran, keselamatan dan kerja berpasukan.",
    "cooperation-agreement": "Perjanjian ini menetapkan latihan bersama, pertukaran kakitangan "
    "dan perkongsian bahan {topic} antara institusi rakan kongsi di China dan ASEAN.",
    "standard": "Standard ini menerangkan pengetahuan, kemahiran dan kaedah penilaian {topic} "
    "yang diharapkan daripada {level}.",
    "textbook": "Buku ini merangkumi {topic} dalam dua belas unit, setiap satu dengan contoh, "
    "latihan dan glosari, ditulis untuk {level}.",
}

ACHIEVEMENT_CLOSERS = (
    "Hasilnya dikongsi secara terbuka supaya institusi rakan kongsi dapat menggunakannya semula.",
    "Ia dihasilkan bersama majikan tempatan dan sekolah rakan kongsi di rantau ini.",
)

MATERIAL_SECTIONS = (
    (
        "Objektif pembelajaran",
        "Pada akhir unit ini, {level} dapat menerangkan idea asas {topic} dan "
        "mengaplikasikannya dalam tugasan sebenar yang mudah.",
    ),
    (
        "Aktiviti",
        "Pelajar membincangkan satu kes ringkas, kemudian melaksanakan tugasan amali dalam "
        "kumpulan kecil dan membentangkan hasilnya kepada kelas.",
    ),
    (
        "Penilaian",
        "Penilaian menggabungkan kuiz bertulis ringkas dan pemerhatian tugasan amali "
        "menggunakan senarai semak di akhir dokumen ini.",
    ),
)

ACHIEVEMENT_SECTIONS = (
    (
        "Latar belakang",
        "Permintaan terhadap kemahiran {topic} meningkat dengan pesat di China dan Asia "
        "Tenggara, tetapi bahan pengajaran dan standard bersama masih terhad.",
    ),
    (
        "Pendekatan",
        "Pasukan bekerjasama dengan guru, majikan dan {level} untuk mengumpul data, menguji "
        "prototaip dan menambah baik hasil kerja dalam beberapa pusingan.",
    ),
    (
        "Hasil",
        "Hasil kerja ini telah digunakan oleh beberapa institusi rakan kongsi dan menerima "
        "maklum balas positif daripada guru dan pelajar.",
    ),
)

LABELS = {"abstract": "Abstrak", "keywords": "Kata kunci", "creators": "Pengarang"}

AWARDS = ("Anugerah Akademik Negara", "Anugerah Inovasi Pengajaran")
COMPETITIONS = ("Pertandingan Kemahiran Kebangsaan", "Pertandingan Kemahiran ASEAN")

CREATORS = (
    "Nur Aisyah binti Ahmad",
    "Muhammad Hafiz bin Ismail",
    "Siti Nurhaliza binti Yusof",
    "Ahmad Faizal bin Hassan",
    "Lim Mei Ling",
    "Kavitha a/p Ramasamy",
    "Abdul Rahman bin Omar",
    "Farah Nadia binti Zainal",
)
