"""The demo institutions: China and every ASEAN member, all five kinds of institution.

The names are invented (plausible, not those of real institutions) and the
websites sit under example domains (RFC 2606), so the demo never points at a
real organisation. The order matters: a small load (`--institutions 4`) takes
the first rows, so the first few are of different countries and kinds.
"""

from dataclasses import dataclass

from resource_hub.institutions.models import InstitutionType as T


@dataclass(frozen=True)
class InstitutionRow:
    slug: str
    country: str  # ISO 3166-1 alpha-2
    kind: str  # InstitutionType value
    name_en: str
    name_local: str
    profile: str  # one sentence, English

    @property
    def website(self) -> str:
        return f"https://{self.slug}.example.edu"


# A table, one institution per block: easier to read than one value a line.
# fmt: off
INSTITUTIONS = [
    InstitutionRow("yunnan-agri", "CN", T.VOCATIONAL_COLLEGE,
                   "Yunnan Highland Agricultural Vocational College",
                   "云南高原农业职业学院",
                   "Trains technicians for highland farming, tea and coffee growing, and runs "
                   "short courses with partner colleges in Laos and Myanmar."),
    InstitutionRow("chao-phraya-tech", "TH", T.UNIVERSITY,
                   "Chao Phraya University of Technology",
                   "มหาวิทยาลัยเทคโนโลยีเจ้าพระยา",
                   "A technology university known for engineering, logistics and hospitality "
                   "programmes with strong links to industry."),
    InstitutionRow("hai-van-school", "VN", T.SCHOOL,
                   "Hai Van High School for the Gifted",
                   "Trường THPT Chuyên Hải Vân",
                   "An upper secondary school for gifted students in mathematics, informatics "
                   "and foreign languages."),
    InstitutionRow("borneo-forestry", "ID", T.RESEARCH_INSTITUTE,
                   "Borneo Centre for Tropical Forestry Research",
                   "Pusat Penelitian Kehutanan Tropis Borneo",
                   "Studies tropical forests, peatland and climate adaptation, and trains forest "
                   "rangers and teachers."),
    InstitutionRow("penang-skills", "MY", T.TRAINING_BASE,
                   "Penang Advanced Skills Training Centre",
                   "Pusat Latihan Kemahiran Lanjutan Pulau Pinang",
                   "Runs practical training in electronics, automation and robotics for school "
                   "leavers and working adults."),
    InstitutionRow("phnom-penh-tech", "KH", T.VOCATIONAL_COLLEGE,
                   "Phnom Penh Institute of Applied Technology",
                   "វិទ្យាស្ថានបច្ចេកវិទ្យាអនុវត្តភ្នំពេញ",
                   "Offers diplomas in electrical work, motor vehicles and ICT, with "
                   "apprenticeships in local firms."),
    InstitutionRow("vientiane-tech", "LA", T.VOCATIONAL_COLLEGE,
                   "Vientiane College of Technology",
                   "ວິທະຍາໄລເຕັກໂນໂລຊີວຽງຈັນ",
                   "A technical college for construction, electrical installation and computing, "
                   "with exchange programmes in Yunnan."),
    InstitutionRow("ayeyarwady-tech", "MM", T.UNIVERSITY,
                   "Ayeyarwady University of Technology",
                   "ဧရာဝတီ နည်းပညာ တက္ကသိုလ်",
                   "An engineering university on the Ayeyarwady delta, strong in civil "
                   "engineering, water resources and agriculture machinery."),
    InstitutionRow("visayas-fisheries", "PH", T.UNIVERSITY,
                   "Visayas College of Fisheries and Marine Sciences",
                   "Kolehiyo ng Pangisdaan at Agham Pandagat ng Visayas",
                   "A state college for fisheries, aquaculture and coastal management."),
    InstitutionRow("kallang-poly", "SG", T.VOCATIONAL_COLLEGE,
                   "Kallang Polytechnic",
                   "加冷理工学院",
                   "A polytechnic for engineering, business and applied health sciences."),
    InstitutionRow("seria-energy", "BN", T.VOCATIONAL_COLLEGE,
                   "Seria Energy Technical College",
                   "Kolej Teknikal Tenaga Seria",
                   "Trains technicians for the energy industry: process plant, instrumentation "
                   "and renewable energy."),
    InstitutionRow("baucau-poly", "TL", T.VOCATIONAL_COLLEGE,
                   "Baucau Polytechnic Institute",
                   "Institutu Politékniku Baucau",
                   "A young polytechnic for agriculture, tourism and construction trades."),
    InstitutionRow("guangxi-zuojiang", "CN", T.UNIVERSITY,
                   "Guangxi Zuojiang University",
                   "广西左江大学",
                   "A comprehensive university near the Viet Nam border, known for ASEAN "
                   "languages, cross-border trade and teacher education."),
    InstitutionRow("lancang-mekong", "CN", T.RESEARCH_INSTITUTE,
                   "Lancang-Mekong Institute for Applied Research",
                   "澜湄应用研究院",
                   "Researches water, agriculture and public health in the Lancang-Mekong basin "
                   "with partners in five countries."),
    InstitutionRow("shenzhen-bay", "CN", T.VOCATIONAL_COLLEGE,
                   "Shenzhen Bay Polytechnic",
                   "深圳湾职业技术学院",
                   "A polytechnic for electronics, new-energy vehicles and cross-border "
                   "e-commerce."),
    InstitutionRow("chengdu-jinjiang", "CN", T.SCHOOL,
                   "Chengdu Jinjiang Foreign Languages Secondary School",
                   "成都锦江外国语中学",
                   "A secondary school teaching English, Thai and Vietnamese alongside the "
                   "national curriculum."),
    InstitutionRow("hainan-tropical", "CN", T.TRAINING_BASE,
                   "Hainan Tropical Agriculture Training Base",
                   "海南热带农业实训基地",
                   "Hosts practical training in tropical crops and aquaculture for farmers and "
                   "students from across ASEAN."),
    InstitutionRow("hangzhou-commerce", "CN", T.VOCATIONAL_COLLEGE,
                   "Hangzhou Digital Commerce College",
                   "杭州数字商贸学院",
                   "A college for digital trade, logistics and online marketing."),
    InstitutionRow("fujian-coastal", "CN", T.UNIVERSITY,
                   "Fujian Coastal University",
                   "福建滨海大学",
                   "A university for marine science, shipping and tourism."),
    InstitutionRow("lanna-poly", "TH", T.VOCATIONAL_COLLEGE,
                   "Lanna Polytechnic College",
                   "วิทยาลัยสารพัดช่างล้านนา",
                   "A vocational college for automotive, electrical and food trades in northern "
                   "Thailand."),
    InstitutionRow("andaman-hospitality", "TH", T.TRAINING_BASE,
                   "Andaman Hospitality Training Centre",
                   "ศูนย์ฝึกอบรมการบริการอันดามัน",
                   "Trains hotel, restaurant and tour staff on the Andaman coast."),
    InstitutionRow("mekong-delta-agri", "VN", T.UNIVERSITY,
                   "Mekong Delta University of Agriculture",
                   "Trường Đại học Nông nghiệp Đồng bằng sông Cửu Long",
                   "A university for rice science, aquaculture and climate adaptation in the "
                   "Mekong Delta."),
    InstitutionRow("hanoi-tech-services", "VN", T.VOCATIONAL_COLLEGE,
                   "Hanoi College of Technology and Services",
                   "Trường Cao đẳng Công nghệ và Dịch vụ Hà Nội",
                   "A college for information technology, hospitality and care services."),
    InstitutionRow("nusantara-tech", "ID", T.UNIVERSITY,
                   "Nusantara Institute of Technology",
                   "Institut Teknologi Nusantara",
                   "A technology university for informatics, energy and civil engineering."),
    InstitutionRow("melaka-vocational", "MY", T.VOCATIONAL_COLLEGE,
                   "Melaka Vocational College of Technology",
                   "Kolej Vokasional Teknologi Melaka",
                   "A vocational college for electrical, automotive and culinary programmes."),
    InstitutionRow("tutong-secondary", "BN", T.SCHOOL,
                   "Tutong Baru Secondary School",
                   "Sekolah Menengah Tutong Baru",
                   "A secondary school with a science stream and a school farm."),
    InstitutionRow("marina-urban", "SG", T.RESEARCH_INSTITUTE,
                   "Marina Institute for Urban Sustainability",
                   "滨海城市可持续发展研究所",
                   "Researches climate-resilient cities, water and public health."),
    InstitutionRow("rochor-hill", "SG", T.SCHOOL,
                   "Rochor Hill Primary School",
                   "梧槽山小学",
                   "A primary school teaching in English with Chinese, Malay and Tamil."),
    InstitutionRow("luzon-tech-training", "PH", T.TRAINING_BASE,
                   "Luzon Technical Skills Training Centre",
                   "Sentro ng Pagsasanay sa Teknikal na Kasanayan ng Luzon",
                   "Offers short courses in electrical installation, welding and care work."),
    InstitutionRow("tonle-sap-agri", "KH", T.RESEARCH_INSTITUTE,
                   "Tonle Sap Institute of Agricultural Research",
                   "វិទ្យាស្ថានស្រាវជ្រាវកសិកម្មទន្លេសាប",
                   "Researches rice, fisheries and floodplain farming around the Tonle Sap."),
    InstitutionRow("nam-ngum-school", "LA", T.SCHOOL,
                   "Nam Ngum Upper Secondary School",
                   "ໂຮງຮຽນມັດທະຍົມຕອນປາຍນ້ຳງື່ມ",
                   "An upper secondary school with boarding places for students from rural "
                   "districts."),
    InstitutionRow("yangon-hospitality", "MM", T.TRAINING_BASE,
                   "Yangon Hospitality and Tourism Training Centre",
                   "ရန်ကုန် ဟိုတယ်နှင့် ခရီးသွားလုပ်ငန်း သင်တန်းကျောင်း",
                   "Trains front office, kitchen and tour guiding staff."),
    InstitutionRow("ermera-agri", "TL", T.TRAINING_BASE,
                   "Ermera Agricultural Training Centre",
                   "Centro de Formação Agrícola de Ermera",
                   "Trains coffee farmers and extension workers in the highlands."),
]
# fmt: on

# Languages records are written in, by the institution's country, with weights.
COUNTRY_LANGUAGES = {
    "CN": {"zh": 90, "en": 10},
    "TH": {"th": 90, "en": 10},
    "VN": {"vi": 90, "en": 10},
    "ID": {"id": 90, "en": 10},
    "MY": {"ms": 65, "en": 25, "zh": 10},
    "BN": {"ms": 60, "en": 40},
    "SG": {"en": 70, "zh": 30},
    "PH": {"fil": 65, "en": 35},
    "KH": {"km": 85, "en": 15},
    "LA": {"lo": 85, "en": 15},
    "MM": {"my": 85, "en": 15},
    "TL": {"en": 100},
}
