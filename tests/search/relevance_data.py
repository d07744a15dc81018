"""A fixed multilingual set of released records and the queries that must find them.

Each record is written as a teacher of that language would title and describe
it; each query is what a reader would type. A `Case` says where its record
must come: `rank` is the worst place it may take, 1 (first) or 3 (top three);
`above` names records that must be found too, and below it. That is how the
ranking's promises are written down:

    all words first   a record holding every word (often only in its file's
                      text) above records with one of them in the title
    phrase first      the words as a phrase above the same words scattered
    title first       among equal matches, the title above the abstract

Most topics have such decoys: a record matching some of the words, or the
same words in a weaker place. Used by test_relevance.py against the real
Elasticsearch node.
"""

from typing import NamedTuple


class Case(NamedTuple):
    query: str
    expected: str
    rank: int
    why: str
    above: tuple[str, ...] = ()


RECORDS = {
    # Chinese
    "zh-rice": {
        "language": "zh",
        "title": "水稻栽培技术",
        "abstract": "本教案介绍水稻育秧、插秧与田间水肥管理，适用于农业职业院校二年级学生。",
        "keywords": ["水稻", "栽培", "农业"],
        "translations": [
            (
                "en",
                "Rice cultivation techniques",
                "Lesson plan on raising seedlings, transplanting and managing water and "
                "fertiliser in paddy fields.",
            )
        ],
        "subject": "0811",
    },
    "zh-rice-variety": {
        "language": "zh",
        "title": "水稻品种图鉴",
        "abstract": "收录南方常见的杂交稻与常规稻品种及其特征。",
        "keywords": ["品种"],
    },
    "zh-pest-file": {
        "language": "zh",
        "title": "植物保护实训指导书",
        "abstract": "实训课程的安排、安全规范与考核要求。",
        "keywords": ["实训"],
        "file_text": "第三章 水稻病虫害综合防治：稻飞虱、稻纵卷叶螟的识别、监测与科学用药。",
    },
    "zh-ml": {
        "language": "zh",
        "title": "机器学习导论课件",
        "abstract": "课程涵盖监督学习、神经网络和模型评估的基本概念。",
        "keywords": ["机器学习", "人工智能"],
    },
    "zh-ml-scattered": {
        "language": "zh",
        "title": "农用机器维修学习手册",
        "abstract": "拖拉机和插秧机的日常保养与故障排除。",
        "keywords": ["农机"],
    },
    "zh-vocational": {
        "language": "zh",
        "title": "职业教育课程改革研究",
        "abstract": "探讨高职院校专业建设与校企合作的路径。",
        "keywords": ["高职"],
    },
    "zh-vocational-abstract": {
        "language": "zh",
        "title": "高职院校教学案例汇编",
        "abstract": "本书收录职业教育课程改革的十二个典型案例。",
        "keywords": ["案例"],
    },
    # Thai
    "th-rice": {
        "language": "th",
        "title": "การปลูกข้าวอินทรีย์สำหรับเกษตรกรรุ่นใหม่",
        "abstract": "แผนการสอนเรื่องการเตรียมดิน การเพาะกล้า และการจัดการน้ำในนาข้าวอินทรีย์",
        "keywords": ["ข้าว", "เกษตรอินทรีย์"],
        "translations": [
            (
                "en",
                "Organic rice farming for young farmers",
                "Lessons on preparing the soil, raising seedlings and managing water.",
            )
        ],
        "subject": "0811",
    },
    "th-rice-market": {
        "language": "th",
        "title": "ตลาดข้าวไทยในอาเซียน",
        "abstract": "บทเรียนเศรษฐศาสตร์การค้าระหว่างประเทศ",
        "keywords": ["การค้า"],
    },
    "th-pest-file": {
        "language": "th",
        "title": "คู่มือฝึกปฏิบัติวิชาอารักขาพืช",
        "abstract": "ตารางการฝึกและเกณฑ์การประเมินผล",
        "keywords": ["อารักขาพืช"],
        "file_text": "การป้องกันกำจัดเพลี้ยกระโดดสีน้ำตาลในนาข้าว และการใช้สารชีวภัณฑ์",
    },
    "th-tourism": {
        "language": "th",
        "title": "ภาษาอังกฤษเพื่อการท่องเที่ยว",
        "abstract": "สื่อการสอนสำหรับนักศึกษาสาขาการโรงแรม",
        "keywords": ["การท่องเที่ยว", "ภาษาอังกฤษ"],
    },
    "th-tourism-abstract": {
        "language": "th",
        "title": "การบริการส่วนหน้าในโรงแรม",
        "abstract": "บทเรียนภาษาอังกฤษเพื่อการท่องเที่ยวสำหรับพนักงานต้อนรับ",
        "keywords": ["โรงแรม"],
    },
    # Vietnamese
    "vi-aquaculture": {
        "language": "vi",
        "title": "Kỹ thuật nuôi trồng thủy sản nước ngọt",
        "abstract": "Bài giảng về nuôi cá tra và tôm càng xanh ở đồng bằng sông Cửu Long.",
        "keywords": ["thủy sản", "nuôi cá"],
    },
    "vi-shrimp-market": {
        "language": "vi",
        "title": "Thị trường tôm xuất khẩu",
        "abstract": "Phân tích giá cả và chuỗi cung ứng hàng thủy sản.",
        "keywords": ["xuất khẩu"],
    },
    "vi-shrimp-file": {
        "language": "vi",
        "title": "Thực hành quản lý trang trại",
        "abstract": "Hướng dẫn thực tập cho sinh viên năm thứ ba.",
        "keywords": ["thực tập"],
        "file_text": "Phòng bệnh đốm trắng trên tôm thẻ chân trắng nuôi trong ao đất.",
    },
    "vi-language": {
        "language": "vi",
        "title": "Giáo trình tiếng Việt cho người nước ngoài",
        "abstract": "Tài liệu luyện nghe và nói trình độ sơ cấp.",
        "keywords": ["ngôn ngữ"],
    },
    "vi-language-abstract": {
        "language": "vi",
        "title": "Tuyển tập bài giảng mẫu",
        "abstract": "Các bài giảng tiếng Việt cho người nước ngoài ở trình độ trung cấp.",
        "keywords": ["bài giảng"],
    },
    # Indonesian
    "id-coffee": {
        "language": "id",
        "title": "Pengolahan kopi pascapanen untuk petani",
        "abstract": "Modul pelatihan pengolahan biji kopi secara basah dan kering di Sumatera.",
        "keywords": ["kopi", "pertanian"],
    },
    "id-coffee-file": {
        "language": "id",
        "title": "Praktikum teknologi hasil pertanian",
        "abstract": "Panduan praktikum untuk mahasiswa semester lima.",
        "keywords": ["praktikum"],
        "file_text": "Fermentasi biji kakao dan pengeringan kopi arabika Gayo dengan rumah jemur.",
    },
    "id-curriculum": {
        "language": "id",
        "title": "Kurikulum Merdeka di sekolah dasar",
        "abstract": "Panduan guru untuk menyusun modul ajar dan asesmen diagnostik.",
        "keywords": ["kurikulum"],
    },
    "id-curriculum-abstract": {
        "language": "id",
        "title": "Kumpulan praktik baik guru",
        "abstract": "Contoh penerapan Kurikulum Merdeka di sekolah dasar negeri.",
        "keywords": ["praktik baik"],
    },
    # Malay
    "ms-mangrove": {
        "language": "ms",
        "title": "Pemuliharaan hutan paya bakau di pesisir pantai",
        "abstract": "Nota kuliah tentang ekosistem bakau dan peranannya melindungi pantai.",
        "keywords": ["bakau", "alam sekitar"],
    },
    "ms-beach": {
        "language": "ms",
        "title": "Pelancongan pantai timur",
        "abstract": "Kajian kes industri pelancongan di Terengganu.",
        "keywords": ["pelancongan"],
    },
    "ms-mangrove-file": {
        "language": "ms",
        "title": "Amali sains sekitaran",
        "abstract": "Buku panduan amali untuk pelajar tingkatan empat.",
        "keywords": ["amali"],
        "file_text": (
            "Penanaman semula anak pokok bakau untuk mengurangkan hakisan pantai di Selangor."
        ),
    },
    "ms-accounting": {
        "language": "ms",
        "title": "Asas perakaunan kewangan",
        "abstract": "Nota kuliah untuk pelajar diploma.",
        "keywords": ["perakaunan"],
    },
    "ms-accounting-abstract": {
        "language": "ms",
        "title": "Himpunan nota kuliah",
        "abstract": "Pengenalan asas perakaunan kewangan bagi pelajar tahun satu.",
        "keywords": ["nota"],
    },
    # Khmer
    "km-math": {
        "language": "km",
        "title": "មេរៀនគណិតវិទ្យាថ្នាក់ទី៧",
        "abstract": "សៀវភៅណែនាំគ្រូសម្រាប់បង្រៀនគណិតវិទ្យា",
        "keywords": ["គណិតវិទ្យា"],
    },
    "km-rice-variety": {
        "language": "km",
        "title": "ពូជស្រូវនៅកម្ពុជា",
        "abstract": "បញ្ជីពូជស្រូវដែលកសិករនិយមដាំ",
        "keywords": ["ពូជស្រូវ"],
    },
    "km-rice-price": {
        "language": "km",
        "title": "តម្លៃស្រូវក្នុងទីផ្សារ",
        "abstract": "របាយការណ៍ប្រចាំខែសម្រាប់អ្នកជំនួញ",
        "keywords": ["ទីផ្សារ"],
    },
    "km-history": {
        "language": "km",
        "title": "ប្រវត្តិសាស្ត្រកម្ពុជា",
        "abstract": "មេរៀនសម្រាប់សិស្សវិទ្យាល័យ",
        "keywords": ["ប្រវត្តិសាស្ត្រ"],
    },
    "km-rice-file": {
        "language": "km",
        "title": "ការអនុវត្តកសិកម្ម",
        "abstract": "ឯកសារសម្រាប់សិស្សសាលាបច្ចេកទេស",
        "keywords": ["កសិកម្ម"],
        "file_text": "ការដាំដុះស្រូវ និងការគ្រប់គ្រងទឹកនៅក្នុងវាលស្រែ",
        "subject": "0811",
    },
    "km-health": {
        "language": "km",
        "title": "ការថែទាំសុខភាពមាតា និងទារក",
        "abstract": "មេរៀនសម្រាប់និស្សិតឆ្មប",
        "keywords": ["ឆ្មប"],
    },
    "km-health-abstract": {
        "language": "km",
        "title": "សៀវភៅមេរៀនឆ្មប",
        "abstract": "ការថែទាំសុខភាពមាតា និងទារកក្រោយពេលសម្រាល",
        "keywords": ["មេរៀន"],
    },
    # Lao
    "lo-weaving": {
        "language": "lo",
        "title": "ການທໍຜ້າພື້ນເມືອງລາວ",
        "abstract": "ບົດຮຽນກ່ຽວກັບເຕັກນິກການທໍຜ້າແບບດັ້ງເດີມ",
        "keywords": ["ທໍຜ້າ"],
    },
    "lo-silk-market": {
        "language": "lo",
        "title": "ຕະຫຼາດຜ້າໄໝລາວ",
        "abstract": "ການຄ້າຜະລິດຕະພັນຫັດຖະກຳ",
        "keywords": ["ການຄ້າ"],
    },
    "lo-silk-file": {
        "language": "lo",
        "title": "ຫັດຖະກຳໃນຊົນນະບົດ",
        "abstract": "ເອກະສານປະກອບການສອນ",
        "keywords": ["ຫັດຖະກຳ"],
        "file_text": "ການລ້ຽງມອນ ແລະ ການຍ້ອມສີໄໝດ້ວຍພືດທຳມະຊາດ",
    },
    "lo-coffee": {
        "language": "lo",
        "title": "ການປູກກາເຟຢູ່ພູພຽງບໍລະເວນ",
        "abstract": "ຄູ່ມືສຳລັບນັກສຶກສາກະສິກຳ",
        "keywords": ["ກາເຟ"],
    },
    "lo-coffee-abstract": {
        "language": "lo",
        "title": "ຄູ່ມືກະສິກຳພາກໃຕ້",
        "abstract": "ການປູກກາເຟ ແລະ ການເກັບກ່ຽວ",
        "keywords": ["ກະສິກຳ"],
    },
    # Burmese
    "my-nursing": {
        "language": "my",
        "title": "သူနာပြုသင်တန်း လက်စွဲ",
        "abstract": "ကျန်းမာရေးစောင့်ရှောက်မှုဆိုင်ရာ အခြေခံသင်ခန်းစာများ",
        "keywords": ["သူနာပြု"],
    },
    "my-rice-market": {
        "language": "my",
        "title": "စပါးဈေးကွက်",
        "abstract": "ကုန်သွယ်ရေးဆိုင်ရာ သင်ခန်းစာ",
        "keywords": ["ကုန်သွယ်ရေး"],
    },
    "my-rice-file": {
        "language": "my",
        "title": "စိုက်ပျိုးရေး လက်တွေ့သင်ခန်းစာ",
        "abstract": "နည်းပညာကောလိပ်ကျောင်းသားများအတွက်",
        "keywords": ["လက်တွေ့"],
        "file_text": "စပါးပိုးမွှားကာကွယ်ရေးနှင့် မြေဆီလွှာထိန်းသိမ်းခြင်း",
    },
    "my-english": {
        "language": "my",
        "title": "အင်္ဂလိပ်စာ သဒ္ဒါ အခြေခံ",
        "abstract": "အလယ်တန်းကျောင်းသားများအတွက် လေ့ကျင့်ခန်းများ",
        "keywords": ["သဒ္ဒါ"],
    },
    "my-english-abstract": {
        "language": "my",
        "title": "ဘာသာစကား လေ့ကျင့်ခန်းစာအုပ်",
        "abstract": "အင်္ဂလိပ်စာ သဒ္ဒါ အခြေခံ လေ့ကျင့်ခန်းများ",
        "keywords": ["ဘာသာစကား"],
    },
    # Filipino
    "fil-disaster": {
        "language": "fil",
        "title": "Paghahanda sa sakuna para sa mga paaralan",
        "abstract": "Gabay ng guro sa pagtuturo ng kahandaan sa bagyo at lindol.",
        "keywords": ["sakuna", "bagyo"],
    },
    # English
    "en-photosynthesis": {
        "language": "en",
        "title": "Photosynthesis for secondary students",
        "abstract": "Slides explaining how plants convert light into chemical energy.",
        "keywords": ["biology", "plants"],
    },
    "en-welding": {
        "language": "en",
        "title": "Welding safety in vocational workshops",
        "abstract": "A checklist and lesson plan for safe arc welding practice.",
        "keywords": ["welding", "safety"],
        # This phrase appears only inside the attached PDF, nowhere in the metadata.
        "file_text": (
            "Always ground the workpiece before striking the arc; "
            "inspect the electrode holder daily."
        ),
    },
    "en-welding-symbols": {
        "language": "en",
        "title": "Welding symbols and blueprints",
        "abstract": "Reading drawings for fabrication work.",
        "keywords": ["drawings"],
    },
    "en-hazards-file": {
        "language": "en",
        "title": "Workshop handbook for first-year students",
        "abstract": "Rules and routines of the mechanical workshop.",
        "keywords": ["handbook"],
        "file_text": (
            "Welding fumes and electric shock are the main hazards; "
            "good ventilation and dry gloves reduce the risk."
        ),
    },
    "en-ml": {
        "language": "en",
        "title": "Introduction to data science",
        "abstract": "Covers machine learning with Python and the basics of statistics.",
        "keywords": ["python"],
    },
    "en-ml-scattered": {
        "language": "en",
        "title": "Learning to repair farm machines",
        "abstract": "Practical sessions on engines and tractors.",
        "keywords": ["tractors"],
    },
    "en-climate": {
        "language": "en",
        "title": "Climate change adaptation in coastal farming",
        "abstract": "Case studies from the Mekong delta.",
        "keywords": ["mekong"],
    },
    "en-climate-abstract": {
        "language": "en",
        "title": "Environmental science reader",
        "abstract": "Readings on climate change adaptation in coastal farming communities.",
        "keywords": ["reader"],
    },
}

QUERIES = [
    # One word, one script: the set this file started with.
    Case("水稻", "zh-rice", 1, "Chinese word, bigram analysis"),
    Case("机器学习", "zh-ml", 1, "Chinese compound"),
    Case("ปลูกข้าว", "th-rice", 1, "Thai, written without spaces"),
    Case("การท่องเที่ยว", "th-tourism", 1, "Thai word inside a longer title"),
    Case("nuôi trồng thủy sản", "vi-aquaculture", 1, "Vietnamese with diacritics"),
    Case("nuoi trong thuy san", "vi-aquaculture", 1, "Vietnamese typed without diacritics"),
    Case("tieng viet", "vi-language", 3, "Vietnamese without diacritics"),
    Case("pengolahan kopi", "id-coffee", 1, "Indonesian"),
    Case("hutan bakau", "ms-mangrove", 1, "Malay"),
    Case("គណិតវិទ្យា", "km-math", 1, "Khmer, no spaces"),
    Case("ທໍຜ້າ", "lo-weaving", 1, "Lao, no spaces"),
    Case("သူနာပြု", "my-nursing", 1, "Burmese"),
    Case("paghahanda sa sakuna", "fil-disaster", 1, "Filipino"),
    Case("photosynthesis", "en-photosynthesis", 1, "English"),
    Case("photosynthsis", "en-photosynthesis", 3, "English with a typo"),
    Case("welding safety", "en-welding", 1, "English phrase in the title"),
    Case("ground the workpiece before striking the arc", "en-welding", 1, "phrase only in the PDF"),
    # Chinese, several words
    Case("水稻 病虫害 防治", "zh-pest-file", 1, "zh all words (file) over 水稻 in a title",
         ("zh-rice", "zh-rice-variety")),
    Case("水稻病虫害防治", "zh-pest-file", 1, "zh all words, typed without spaces",
         ("zh-rice-variety",)),
    Case("机器 学习", "zh-ml", 1, "zh phrase over the words scattered in a title",
         ("zh-ml-scattered",)),
    Case("职业教育 课程改革", "zh-vocational", 1, "zh title over abstract",
         ("zh-vocational-abstract",)),
    Case("职业教育课程改革", "zh-vocational", 1, "zh title over abstract, no spaces",
         ("zh-vocational-abstract",)),
    Case("监督学习 神经网络", "zh-ml", 1, "zh all words in the abstract"),
    Case("水稻 育秧 插秧", "zh-rice", 1, "zh all words over one in a title",
         ("zh-rice-variety",)),
    Case("rice 栽培", "zh-rice", 1, "Chinese and English in one query", ("th-rice",)),
    # Thai
    Case("เพลี้ยกระโดด นาข้าว", "th-pest-file", 1, "th all words (file) over some",
         ("th-rice",)),
    Case("ป้องกันกำจัดเพลี้ยกระโดด", "th-pest-file", 1, "th words run together, file only"),
    Case("ภาษาอังกฤษ การท่องเที่ยว", "th-tourism", 1, "th title over abstract",
         ("th-tourism-abstract",)),
    Case("ข้าวอินทรีย์ เกษตรกร", "th-rice", 1, "th all words in the title", ("th-rice-market",)),
    Case("การเตรียมดิน การเพาะกล้า", "th-rice", 1, "th all words in the abstract"),
    Case("ตลาดข้าว อาเซียน", "th-rice-market", 1, "th all words over ข้าว elsewhere",
         ("th-rice",)),
    # Vietnamese, with and without diacritics
    Case("bệnh đốm trắng tôm", "vi-shrimp-file", 1, "vi all words (file) over tôm in a title",
         ("vi-shrimp-market",)),
    Case("benh dom trang tom", "vi-shrimp-file", 1, "vi without diacritics, file only",
         ("vi-shrimp-market",)),
    Case("tiếng Việt cho người nước ngoài", "vi-language", 1, "vi title over abstract",
         ("vi-language-abstract",)),
    Case("tieng viet cho nguoi nuoc ngoai", "vi-language", 1, "vi title over abstract, folded",
         ("vi-language-abstract",)),
    Case("nuôi cá tra tôm càng xanh", "vi-aquaculture", 1, "vi all words in the abstract",
         ("vi-shrimp-market",)),
    Case("nuoi ca tra dong bang song cuu long", "vi-aquaculture", 1, "vi long, folded"),
    Case("thị trường tôm xuất khẩu", "vi-shrimp-market", 1, "vi whole title"),
    # Indonesian
    Case("pengeringan kopi arabika", "id-coffee-file", 1, "id all words (file) over kopi",
         ("id-coffee",)),
    Case("kurikulum merdeka sekolah dasar", "id-curriculum", 1, "id title over abstract",
         ("id-curriculum-abstract",)),
    Case("modul ajar asesmen diagnostik", "id-curriculum", 1, "id all words in the abstract"),
    Case("biji kopi basah kering", "id-coffee", 1, "id all words over kopi elsewhere",
         ("id-coffee-file",)),
    # Malay
    Case("hakisan pantai bakau", "ms-mangrove-file", 1, "ms all words (file) over pantai titles",
         ("ms-mangrove", "ms-beach")),
    Case("asas perakaunan kewangan", "ms-accounting", 1, "ms title over abstract",
         ("ms-accounting-abstract",)),
    Case("penanaman semula pokok bakau", "ms-mangrove-file", 1, "ms all words in the file",
         ("ms-mangrove",)),
    Case("pelancongan pantai timur", "ms-beach", 1, "ms whole title", ("ms-mangrove",)),
    # Khmer
    Case("ដាំដុះស្រូវ គ្រប់គ្រងទឹក", "km-rice-file", 1, "km all words (file) over ស្រូវ in a title",
         ("km-rice-price",)),
    Case("សុខភាពមាតា ទារក", "km-health", 1, "km title over abstract", ("km-health-abstract",)),
    Case("គណិតវិទ្យា ថ្នាក់ទី៧", "km-math", 1, "km two words"),
    Case("ពូជស្រូវ កម្ពុជា", "km-rice-variety", 1, "km all words over កម្ពុជា alone in a title",
         ("km-history",)),
    # Lao
    Case("ຍ້ອມສີ ໄໝ ພືດທຳມະຊາດ", "lo-silk-file", 1, "lo all words (file) over ໄໝ in a title",
         ("lo-silk-market",)),
    Case("ການປູກກາເຟ", "lo-coffee", 1, "lo title over abstract", ("lo-coffee-abstract",)),
    Case("ທໍຜ້າ ພື້ນເມືອງ", "lo-weaving", 1, "lo two words"),
    Case("ຕະຫຼາດ ຜ້າໄໝ", "lo-silk-market", 1, "lo all words in the title"),
    # Burmese
    Case("စပါး ပိုးမွှား ကာကွယ်ရေး", "my-rice-file", 1, "my all words (file) over စပါး in a title",
         ("my-rice-market",)),
    Case("အင်္ဂလိပ်စာ သဒ္ဒါ", "my-english", 1, "my title over abstract", ("my-english-abstract",)),
    Case("သူနာပြု သင်တန်း", "my-nursing", 1, "my two words"),
    Case("မြေဆီလွှာ ထိန်းသိမ်း", "my-rice-file", 1, "my words only in the file"),
    # English
    Case("welding fumes ventilation", "en-hazards-file", 1, "en all words (file) over titles",
         ("en-welding", "en-welding-symbols")),
    Case("machine learning", "en-ml", 1, "en phrase in an abstract over words in a title",
         ("en-ml-scattered",)),
    Case("climate change adaptation", "en-climate", 1, "en title over abstract",
         ("en-climate-abstract",)),
    Case("inspect the electrode holder", "en-welding", 1, "en phrase only in the file"),
    Case("plants convert light energy", "en-photosynthesis", 1, "en all words, stemmed"),
    # Across languages: a translation's words find the record
    Case("rice cultivation techniques", "zh-rice", 1, "English finds a Chinese record"),
    Case("organic rice farming", "th-rice", 1, "English finds a Thai record"),
    # Across languages: a subject named in any language finds what is filed under it
    # (search.vocabulary), and helps the words without outweighing them.
    Case("农业", "zh-rice", 1, "subject named in Chinese; text and subject first",
         ("km-rice-file", "th-rice")),
    Case("เกษตร", "th-rice", 3, "subject named in Thai finds its records"),
    Case("agriculture", "km-rice-file", 3, "subject named in English finds a Khmer record"),
    Case("nong nghiep", "km-rice-file", 3, "subject in Vietnamese, without diacritics"),
    Case("水稻 农业", "zh-rice", 1, "words and subject", ("zh-rice-variety", "km-rice-file")),
    Case("水稻 农业", "zh-rice-variety", 3, "a word in the title outweighs the subject alone",
         ("km-rice-file", "th-rice")),
]  # fmt: skip
