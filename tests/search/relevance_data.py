"""A fixed multilingual set of released records and the queries that must find them.

Each record is written as a teacher of that language would title and describe
it; each query is what a reader would type. `rank` is the worst place the
expected record may take: 1 (first) or 3 (top three). Used by
test_relevance.py against the real Elasticsearch node.
"""

RECORDS = {
    "zh-rice": {
        "language": "zh",
        "title": "水稻栽培技术",
        "abstract": "本教案介绍水稻育秧、插秧与田间水肥管理，适用于农业职业院校二年级学生。",
        "keywords": ["水稻", "栽培", "农业"],
    },
    "zh-ml": {
        "language": "zh",
        "title": "机器学习导论课件",
        "abstract": "课程涵盖监督学习、神经网络和模型评估的基本概念。",
        "keywords": ["机器学习", "人工智能"],
    },
    "th-rice": {
        "language": "th",
        "title": "การปลูกข้าวอินทรีย์สำหรับเกษตรกรรุ่นใหม่",
        "abstract": "แผนการสอนเรื่องการเตรียมดิน การเพาะกล้า และการจัดการน้ำในนาข้าวอินทรีย์",
        "keywords": ["ข้าว", "เกษตรอินทรีย์"],
    },
    "th-tourism": {
        "language": "th",
        "title": "ภาษาอังกฤษเพื่อการท่องเที่ยว",
        "abstract": "สื่อการสอนสำหรับนักศึกษาสาขาการโรงแรมและการท่องเที่ยว",
        "keywords": ["การท่องเที่ยว", "ภาษาอังกฤษ"],
    },
    "vi-aquaculture": {
        "language": "vi",
        "title": "Kỹ thuật nuôi trồng thủy sản nước ngọt",
        "abstract": "Bài giảng về nuôi cá tra và tôm càng xanh ở đồng bằng sông Cửu Long.",
        "keywords": ["thủy sản", "nuôi cá"],
    },
    "vi-language": {
        "language": "vi",
        "title": "Giáo trình tiếng Việt cho người nước ngoài",
        "abstract": "Tài liệu luyện nghe và nói tiếng Việt trình độ sơ cấp.",
        "keywords": ["tiếng Việt", "ngôn ngữ"],
    },
    "id-coffee": {
        "language": "id",
        "title": "Pengolahan kopi pascapanen untuk petani",
        "abstract": "Modul pelatihan pengolahan biji kopi secara basah dan kering di Sumatera.",
        "keywords": ["kopi", "pertanian"],
    },
    "ms-mangrove": {
        "language": "ms",
        "title": "Pemuliharaan hutan paya bakau di pesisir pantai",
        "abstract": "Nota kuliah tentang ekosistem bakau dan peranannya melindungi pantai.",
        "keywords": ["bakau", "alam sekitar"],
    },
    "km-math": {
        "language": "km",
        "title": "មេរៀនគណិតវិទ្យាថ្នាក់ទី៧",
        "abstract": "សៀវភៅណែនាំគ្រូសម្រាប់បង្រៀនគណិតវិទ្យា",
        "keywords": ["គណិតវិទ្យា"],
    },
    "lo-weaving": {
        "language": "lo",
        "title": "ການທໍຜ້າພື້ນເມືອງລາວ",
        "abstract": "ບົດຮຽນກ່ຽວກັບເຕັກນິກການທໍຜ້າແບບດັ້ງເດີມ",
        "keywords": ["ທໍຜ້າ"],
    },
    "my-nursing": {
        "language": "my",
        "title": "သူနာပြုသင်တန်း လက်စွဲ",
        "abstract": "ကျန်းမာရေးစောင့်ရှောက်မှုဆိုင်ရာ အခြေခံသင်ခန်းစာများ",
        "keywords": ["သူနာပြု"],
    },
    "fil-disaster": {
        "language": "fil",
        "title": "Paghahanda sa sakuna para sa mga paaralan",
        "abstract": "Gabay ng guro sa pagtuturo ng kahandaan sa bagyo at lindol.",
        "keywords": ["sakuna", "bagyo"],
    },
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
}

QUERIES = [
    # (query, expected record, worst allowed rank, why)
    ("水稻", "zh-rice", 1, "Chinese word, bigram analysis"),
    ("机器学习", "zh-ml", 1, "Chinese compound"),
    ("ปลูกข้าว", "th-rice", 1, "Thai, written without spaces"),
    ("การท่องเที่ยว", "th-tourism", 1, "Thai word inside a longer title"),
    ("nuôi trồng thủy sản", "vi-aquaculture", 1, "Vietnamese with diacritics"),
    ("nuoi trong thuy san", "vi-aquaculture", 1, "Vietnamese typed without diacritics"),
    ("tieng viet", "vi-language", 3, "Vietnamese without diacritics"),
    ("pengolahan kopi", "id-coffee", 1, "Indonesian"),
    ("hutan bakau", "ms-mangrove", 1, "Malay"),
    ("គណិតវិទ្យា", "km-math", 1, "Khmer, no spaces (n-grams)"),
    ("ທໍຜ້າ", "lo-weaving", 1, "Lao, no spaces (n-grams)"),
    ("သူနာပြု", "my-nursing", 1, "Burmese (n-grams)"),
    ("paghahanda sa sakuna", "fil-disaster", 1, "Filipino"),
    ("photosynthesis", "en-photosynthesis", 1, "English"),
    ("photosynthsis", "en-photosynthesis", 3, "English with a typo"),
    ("welding safety", "en-welding", 1, "English phrase in the title"),
    ("ground the workpiece before striking the arc", "en-welding", 1, "phrase only inside the PDF"),
]
