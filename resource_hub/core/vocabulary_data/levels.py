"""ISCED 2011 levels of education, and the sectors people in the region file by.

(code, kind, English name, labels). Level names are UNESCO's ISCED 2011 names;
the sectors (basic, vocational, higher, special, lifelong education) are how
ministries and institutions in China and ASEAN divide education.
"""

from . import finish

EDUCATION_LEVELS = [
    (
        "isced-0",
        "level",
        "Early childhood education",
        {
            "zh-hans": "学前教育",
            "th": "การศึกษาปฐมวัย",
            "vi": "Giáo dục mầm non",
            "id": "Pendidikan anak usia dini",
            "ms": "Pendidikan awal kanak-kanak",
        },
    ),
    (
        "isced-1",
        "level",
        "Primary education",
        {
            "zh-hans": "初等教育",
            "th": "การศึกษาระดับประถมศึกษา",
            "vi": "Giáo dục tiểu học",
            "id": "Pendidikan sekolah dasar",
            "ms": "Pendidikan rendah",
        },
    ),
    (
        "isced-2",
        "level",
        "Lower secondary education",
        {
            "zh-hans": "初中教育",
            "th": "การศึกษาระดับมัธยมศึกษาตอนต้น",
            "vi": "Giáo dục trung học cơ sở",
            "id": "Pendidikan menengah pertama",
            "ms": "Pendidikan menengah rendah",
        },
    ),
    (
        "isced-3",
        "level",
        "Upper secondary education",
        {
            "zh-hans": "高中教育",
            "th": "การศึกษาระดับมัธยมศึกษาตอนปลาย",
            "vi": "Giáo dục trung học phổ thông",
            "id": "Pendidikan menengah atas",
            "ms": "Pendidikan menengah atas",
        },
    ),
    (
        "isced-4",
        "level",
        "Post-secondary non-tertiary education",
        {
            "zh-hans": "中等后非高等教育",
            "th": "การศึกษาหลังมัธยมศึกษาที่ไม่ใช่อุดมศึกษา",
            "vi": "Giáo dục sau trung học không thuộc bậc đại học",
            "id": "Pendidikan pasca-menengah non-tinggi",
            "ms": "Pendidikan lepas menengah bukan tertiari",
        },
    ),
    (
        "isced-5",
        "level",
        "Short-cycle tertiary education",
        {
            "zh-hans": "短线高等教育",
            "th": "การศึกษาระดับอุดมศึกษาระยะสั้น",
            "vi": "Giáo dục đại học ngắn hạn",
            "id": "Pendidikan tinggi siklus pendek",
            "ms": "Pendidikan tertiari kitaran pendek",
        },
    ),
    (
        "isced-6",
        "level",
        "Bachelor's or equivalent level",
        {
            "zh-hans": "学士或同等水平",
            "th": "ระดับปริญญาตรีหรือเทียบเท่า",
            "vi": "Trình độ cử nhân hoặc tương đương",
            "id": "Jenjang sarjana atau setara",
            "ms": "Tahap sarjana muda atau setara",
        },
    ),
    (
        "isced-7",
        "level",
        "Master's or equivalent level",
        {
            "zh-hans": "硕士或同等水平",
            "th": "ระดับปริญญาโทหรือเทียบเท่า",
            "vi": "Trình độ thạc sĩ hoặc tương đương",
            "id": "Jenjang magister atau setara",
            "ms": "Tahap sarjana atau setara",
        },
    ),
    (
        "isced-8",
        "level",
        "Doctoral or equivalent level",
        {
            "zh-hans": "博士或同等水平",
            "th": "ระดับปริญญาเอกหรือเทียบเท่า",
            "vi": "Trình độ tiến sĩ hoặc tương đương",
            "id": "Jenjang doktor atau setara",
            "ms": "Tahap doktor falsafah atau setara",
        },
    ),
    (
        "sector-basic",
        "sector",
        "Basic education",
        {
            "zh-hans": "基础教育",
            "th": "การศึกษาขั้นพื้นฐาน",
            "vi": "Giáo dục phổ thông",
            "id": "Pendidikan dasar dan menengah",
            "ms": "Pendidikan asas",
        },
    ),
    (
        "sector-vocational",
        "sector",
        "Vocational education",
        {
            "zh-hans": "职业教育",
            "th": "การอาชีวศึกษา",
            "vi": "Giáo dục nghề nghiệp",
            "id": "Pendidikan vokasi",
            "ms": "Pendidikan vokasional",
        },
    ),
    (
        "sector-higher",
        "sector",
        "Higher education",
        {
            "zh-hans": "高等教育",
            "th": "การอุดมศึกษา",
            "vi": "Giáo dục đại học",
            "id": "Pendidikan tinggi",
            "ms": "Pendidikan tinggi",
        },
    ),
    (
        "sector-special",
        "sector",
        "Special education",
        {
            "zh-hans": "特殊教育",
            "th": "การศึกษาพิเศษ",
            "vi": "Giáo dục đặc biệt",
            "id": "Pendidikan khusus",
            "ms": "Pendidikan khas",
        },
    ),
    (
        "sector-lifelong",
        "sector",
        "Lifelong education",
        {
            "zh-hans": "终身教育",
            "th": "การศึกษาตลอดชีวิต",
            "vi": "Giáo dục suốt đời",
            "id": "Pendidikan sepanjang hayat",
            "ms": "Pembelajaran sepanjang hayat",
        },
    ),
]

ENTRIES = finish(
    [
        {"code": code, "kind": kind, "name_en": name_en, "labels": labels}
        for code, kind, name_en, labels in EDUCATION_LEVELS
    ]
)
