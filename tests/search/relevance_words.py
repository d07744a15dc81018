"""Words, not pieces: a relevance set for Thai, Lao, Khmer, Burmese and Chinese
in both scripts and in pinyin (issue 16, parts 2 and 3).

Each query has the records that truly contain what it asks for (`expected`);
the other records of its script are there on purpose: they share syllables
with the query's word without containing it (គណិតវិទ្យា mathematics and
ជីវវិទ្យា biology share វិទ្យា; ဓာတုဗေဒ chemistry and ရူပဗေဒ physics share
ဗေဒ; 职业教育 and 高等教育 share 教育), so a search that matches pieces of words
lists them. Chinese records are written in Simplified or Traditional
characters, and searched in the other script and in pinyin.

Used by test_relevance_words.py (every expected record in the top five, on
the real node) and bench/relevance.py (precision at 5, old analysis against
new, in one run). Words checked against ICU's dictionaries (`icu_tokenizer`).
A record without an abstract here has its title as its abstract (a record
needs one); `abstract_of` says so for both users of the set.
"""


def abstract_of(spec: dict) -> str:
    return spec.get("abstract") or spec["title"]


RECORDS = {
    # Khmer
    "km-math": {
        "language": "km",
        "title": "មេរៀនគណិតវិទ្យាថ្នាក់ទី៧",
        "abstract": "សៀវភៅណែនាំគ្រូសម្រាប់បង្រៀនគណិតវិទ្យា",
    },
    "km-math-exercises": {"language": "km", "title": "លំហាត់គណិតវិទ្យាសម្រាប់សិស្ស"},
    "km-biology": {"language": "km", "title": "មេរៀនជីវវិទ្យាថ្នាក់ទី៨"},
    "km-physics": {"language": "km", "title": "ការពិសោធន៍រូបវិទ្យា"},
    "km-chemistry": {"language": "km", "title": "គីមីវិទ្យាសម្រាប់គ្រូ"},
    "km-geography": {"language": "km", "title": "ភូមិវិទ្យាកម្ពុជា"},
    "km-science": {"language": "km", "title": "វិទ្យាសាស្ត្រសម្រាប់កុមារ"},
    "km-rice": {"language": "km", "title": "បច្ចេកទេសដាំដុះស្រូវ"},
    # ICU reads ដាំស្រូវ (planting rice) as one word: only the n-gram fallback finds ស្រូវ here
    "km-rice-organic": {"language": "km", "title": "ការដាំស្រូវសរីរាង្គ"},
    "km-health": {"language": "km", "title": "សុខភាពសិស្សនៅសាលារៀន"},
    # Lao
    "lo-weaving": {
        "language": "lo",
        "title": "ການທໍຜ້າພື້ນເມືອງລາວ",
        "abstract": "ບົດຮຽນກ່ຽວກັບເຕັກນິກການທໍຜ້າແບບດັ້ງເດີມ",
    },
    "lo-silk": {"language": "lo", "title": "ຜ້າໄໝລາວ"},
    "lo-math": {"language": "lo", "title": "ຄະນິດສາດຊັ້ນມັດທະຍົມ"},
    "lo-math-exercises": {"language": "lo", "title": "ແບບຝຶກຫັດຄະນິດສາດ"},
    "lo-science": {"language": "lo", "title": "ວິທະຍາສາດທຳມະຊາດ"},
    "lo-history": {"language": "lo", "title": "ປະຫວັດສາດລາວ"},
    "lo-rice": {"language": "lo", "title": "ການປູກເຂົ້າໜຽວ"},
    "lo-health": {"language": "lo", "title": "ສຸຂະພາບແມ່ແລະເດັກ"},
    # Burmese
    "my-nursing": {
        "language": "my",
        "title": "သူနာပြုသင်တန်း လက်စွဲ",
        "abstract": "ကျန်းမာရေးစောင့်ရှောက်မှုဆိုင်ရာ အခြေခံသင်ခန်းစာများ",
    },
    "my-nursing-basics": {"language": "my", "title": "သူနာပြုလုပ်ငန်းအခြေခံ"},
    "my-chemistry": {"language": "my", "title": "ဓာတုဗေဒလက်တွေ့စမ်းသပ်ချက်များ"},
    "my-physics": {"language": "my", "title": "ရူပဗေဒသင်ခန်းစာ"},
    "my-biology": {"language": "my", "title": "ဇီဝဗေဒအခြေခံ"},
    "my-education": {"language": "my", "title": "ပညာရေးစီမံခန့်ခွဲမှု"},
    "my-health": {"language": "my", "title": "ကျန်းမာရေးပညာပေး"},
    "my-agriculture": {"language": "my", "title": "စိုက်ပျိုးရေးနည်းပညာ"},
    "my-math": {"language": "my", "title": "သင်္ချာသင်ကြားနည်း"},
    # Thai
    "th-math": {"language": "th", "title": "คณิตศาสตร์ชั้นมัธยมศึกษาปีที่ 1"},
    "th-math-exercises": {"language": "th", "title": "แบบฝึกหัดคณิตศาสตร์"},
    "th-science": {"language": "th", "title": "วิทยาศาสตร์สำหรับเด็ก"},
    "th-history": {"language": "th", "title": "ประวัติศาสตร์ไทย"},
    "th-economics": {"language": "th", "title": "เศรษฐศาสตร์เบื้องต้น"},
    "th-rice": {"language": "th", "title": "การปลูกข้าวอินทรีย์สำหรับเกษตรกรรุ่นใหม่"},
    "th-tourism": {"language": "th", "title": "ภาษาอังกฤษเพื่อการท่องเที่ยว"},
    # Chinese, Simplified (s) and Traditional (t)
    "zh-vocational-s": {
        "language": "zh",
        "title": "职业教育课程设计",
        "abstract": "面向中等职业学校教师的课程开发指南。",
    },
    "zh-vocational-t": {"language": "zh", "title": "職業教育與產業合作"},
    "zh-higher-education": {"language": "zh", "title": "高等教育评估方法"},
    "zh-ml-s": {"language": "zh", "title": "机器学习导论"},
    "zh-ml-t": {"language": "zh", "title": "機器學習實務"},
    "zh-learning": {"language": "zh", "title": "学习方法指导"},
    "zh-rice-s": {"language": "zh", "title": "水稻栽培技术", "creators": ["王小明"]},
    "zh-rice-t": {"language": "zh", "title": "水稻栽培技術"},
    "zh-tea": {"language": "zh", "title": "茶叶加工工艺"},
    # An English record with a Chinese translation: the pinyin of translated titles counts too
    "en-tea": {
        "language": "en",
        "title": "Tea processing for smallholders",
        "translations": [{"language": "zh", "title": "小农茶叶加工"}],
    },
    # English: pinyin must not degrade an English search
    "en-rice": {"language": "en", "title": "Rice cultivation in the Mekong delta"},
    "en-rice-pests": {"language": "en", "title": "Managing rice pests without chemicals"},
}

#: (query, the records that answer it, why)
QUERIES = [
    ("គណិតវិទ្យា", {"km-math", "km-math-exercises"}, "Khmer mathematics, not biology or physics"),
    ("ជីវវិទ្យា", {"km-biology"}, "Khmer biology shares វិទ្យា with four other subjects"),
    ("រូបវិទ្យា", {"km-physics"}, "Khmer physics"),
    ("វិទ្យាសាស្ត្រ", {"km-science"}, "Khmer science"),
    ("ស្រូវ", {"km-rice", "km-rice-organic"}, "Khmer rice: a word, and inside a compound"),
    ("សុខភាព", {"km-health"}, "Khmer health"),
    ("ຄະນິດສາດ", {"lo-math", "lo-math-exercises"}, "Lao mathematics, not science or history"),
    ("ວິທະຍາສາດ", {"lo-science"}, "Lao science"),
    ("ປະຫວັດສາດ", {"lo-history"}, "Lao history"),
    ("ທໍຜ້າ", {"lo-weaving"}, "Lao weaving"),
    ("ສຸຂະພາບ", {"lo-health"}, "Lao health"),
    ("ဓာတုဗေဒ", {"my-chemistry"}, "Burmese chemistry shares ဗေဒ with physics and biology"),
    ("ရူပဗေဒ", {"my-physics"}, "Burmese physics"),
    ("ပညာရေး", {"my-education"}, "Burmese education, not health or agriculture (ရေး)"),
    ("သူနာပြု", {"my-nursing", "my-nursing-basics"}, "Burmese nursing"),
    ("ကျန်းမာရေး", {"my-health", "my-nursing"}, "Burmese health (also in an abstract)"),
    ("သင်္ချာ", {"my-math"}, "Burmese mathematics"),
    ("คณิตศาสตร์", {"th-math", "th-math-exercises"}, "Thai mathematics, not other ศาสตร์"),
    ("ประวัติศาสตร์", {"th-history"}, "Thai history"),
    ("ปลูกข้าว", {"th-rice"}, "Thai rice growing"),
    ("ท่องเที่ยว", {"th-tourism"}, "Thai tourism"),
    ("職業教育", {"zh-vocational-s", "zh-vocational-t"}, "Traditional finds Simplified"),
    ("职业教育", {"zh-vocational-s", "zh-vocational-t"}, "Simplified finds Traditional"),
    ("機器學習", {"zh-ml-s", "zh-ml-t"}, "Traditional machine learning"),
    ("栽培技術", {"zh-rice-s", "zh-rice-t"}, "Traditional cultivation techniques"),
    ("zhiye jiaoyu", {"zh-vocational-s", "zh-vocational-t"}, "pinyin, syllables"),
    ("zhíyè jiàoyù", {"zh-vocational-s", "zh-vocational-t"}, "pinyin with tone marks"),
    ("zhi2ye4 jiao4yu4", {"zh-vocational-s", "zh-vocational-t"}, "pinyin with tone numbers"),
    ("zhiyejiaoyu", {"zh-vocational-s", "zh-vocational-t"}, "pinyin joined"),
    ("zyjy", {"zh-vocational-s", "zh-vocational-t"}, "pinyin initials"),
    ("jiqi xuexi", {"zh-ml-s", "zh-ml-t"}, "pinyin of both scripts"),
    ("jqxx", {"zh-ml-s", "zh-ml-t"}, "initials of both scripts"),
    ("shuidao zaipei", {"zh-rice-s", "zh-rice-t"}, "pinyin"),
    ("chaye jiagong", {"zh-tea", "en-tea"}, "pinyin of a translated title"),
    ("wang xiaoming", {"zh-rice-s"}, "pinyin of a creator's name"),
    ("rice cultivation", {"en-rice"}, "English, not degraded by pinyin (ri ce)"),
    ("rice", {"en-rice", "en-rice-pests"}, "one English word that also parses as pinyin"),
]
