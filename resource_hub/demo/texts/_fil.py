"""Filipino (fil)."""

SENTENCE_GAP = " "

TOPICS = {
    "rice": "pagtatanim ng palay",
    "aquaculture": "akuakultura sa tubig-tabang",
    "solar": "pagkakabit ng solar panel",
    "ev": "pagmementena ng de-kuryenteng sasakyan",
    "elderly-care": "pag-aalaga sa matatanda",
    "tourism": "turismong pangkomunidad",
    "hotel": "serbisyo sa front office ng hotel",
    "ecommerce": "cross-border na e-commerce",
    "python": "programming sa Python",
    "networks": "pangangasiwa ng computer network",
    "chinese": "wikang Tsino bilang wikang banyaga",
    "maths": "praksiyon at desimal",
    "climate": "pagbabago ng klima at panganib ng baha",
    "food-safety": "kaligtasan at kalinisan ng pagkain",
    "robotics": "robotikang pang-industriya",
    "braille": "pagbasa at pagsulat ng Braille",
    "heritage": "pangangalaga ng pamanang pangkultura",
    "dengue": "pag-iwas sa dengue sa komunidad",
}

LEVELS = {
    "primary": "mga mag-aaral sa elementarya",
    "secondary": "mga mag-aaral sa senior high school",
    "vocational": "mga mag-aaral sa teknikal-bokasyonal",
    "higher": "mga mag-aaral sa kolehiyo",
    "lifelong": "mga adultong mag-aaral",
    "special": "mga mag-aaral na may espesyal na pangangailangan",
    "teachers": "mga nagsasanay na guro",
}

MATERIAL_TITLES = {
    "lesson-plan": "Banghay-aralin sa {topic} para sa {level}",
    "presentation": "Panimula sa {topic} (slides para sa {level})",
    "textbook": "Batayang aklat sa {topic} para sa {level}",
    "worksheet": "Mga pagsasanay sa {topic} para sa {level}",
    "open-course": "Bukas na online na kurso: {topic}",
    "case-study": "Mga pag-aaral ng kaso sa {topic}",
    "experiment": "Gabay sa praktikal na gawain sa {topic} para sa {level}",
    "video": "Mga video na aralin sa {topic} para sa {level}",
    "syllabus": "Silabus ng kurso sa {topic}",
}

ACHIEVEMENT_TITLES = {
    "paper": "Pagtuturo at pagkatuto ng {topic}: isang mixed-methods na pag-aaral",
    "report": "Taunang ulat sa mga programa ng pagsasanay sa {topic}",
    "patent": "Kagamitang panturo at paraan ng praktikal na pagsasanay sa {topic}",
    "software": "Mobile app para sa pag-aaral ng {topic}",
    "dataset": "Dataset ng sarbey tungkol sa {topic} sa Tsina at ASEAN",
    "award": "Gantimpala sa mahusay na pagtuturo ng kurso sa {topic}",
    "competition-result": "Gintong medalya sa paligsahan ng kasanayan sa {topic}",
    "cooperation-agreement": "Kasunduan sa pakikipagtulungan sa pagsasanay sa {topic}",
    "standard": "Pamantayan sa pagsasanay sa {topic}",
    "textbook": "{topic}: ikalawang edisyon",
}

MATERIAL_ABSTRACTS = (
    "Tinutulungan ng sangguniang ito ang mga guro na ipakilala ang {topic} sa {level}. "
    "Binubuo ito ng maiikling paliwanag, mga halimbawa at praktikal na gawain mula sa mga "
    "lokal na lugar ng trabaho. Maaaring iangkop ng guro ang mga gawain sa 45 o 90 minutong "
    "klase.",
    "Inihanda para sa {level}, ipinapaliwanag ng mga materyales na ito ang mga pangunahing "
    "ideya ng {topic} nang hakbang-hakbang. Nagtatapos ang bawat bahagi sa mga tanong at "
    "isang maikling praktikal na gawain.",
    "Ang mga materyales sa {topic} ay binuo at sinubok kasama ng {level} sa loob ng dalawang "
    "semestre, at may kasamang gabay para sa guro, mungkahing oras at mga ideya sa pagtatasa.",
)

ACHIEVEMENT_OPENERS = {
    "paper": "Iniuulat ng papel na ito ang dalawang-taong pag-aaral kung paano natututo ng "
    "{topic} ang {level}, gamit ang obserbasyon sa klase, mga pagsusulit at panayam.",
    "report": "Sinusuri ng ulat na ito ang mga programa ng pagsasanay sa {topic} ng aming "
    "institusyon, kabilang ang bilang ng nag-enrol, nagtapos at nagkatrabaho.",
    "patent": "Ang imbensiyon ay isang murang kagamitang panturo na tumutulong sa {level} na "
    "sanayin ang mahahalagang kasanayan sa {topic}.",
    "software": "Nag-aalok ang app ng maiikling aralin, pagsusulit at offline na pagsasanay "
    "sa {topic} para sa {level}, at gumagana ito sa murang cellphone.",
    "dataset": "Naglalaman ang dataset ng mga sagot sa sarbey ng mga guro at {level} tungkol "
    "sa {topic}, nang walang pangalan, kasama ang codebook.",
    "award": "Kinikilala ng gantimpalang ito ang kurso sa {topic} para sa {level} ng pangkat "
    "ng mga guro, na kilala sa mga praktikal na proyekto nito.",
    "competition-result": "Nanalo ng gintong medalya ang pangkat ng {level} sa isang proyekto "
    "sa {topic}, na hinusgahan batay sa kasanayan, kaligtasan at pagtutulungan.",
    "cooperation-agreement": "Itinatakda ng kasunduan ang magkasanib na pagsasanay, palitan ng "
    "kawani at pagbabahagi ng mga materyales sa {topic} ng mga katuwang na institusyon sa "
    "Tsina at ASEAN.",
    "standard": "Inilalarawan ng pamantayang ito ang kaalaman, kasanayan at paraan ng "
    "pagtatasa sa {topic} na inaasahan sa {level}.",
    "textbook": "Saklaw ng aklat ang {topic} sa labindalawang yunit, bawat isa ay may "
    "halimbawa, pagsasanay at glosaryo, at isinulat para sa {level}.",
}

ACHIEVEMENT_CLOSERS = (
    "Ibinabahagi nang bukas ang mga resulta upang magamit muli ng mga katuwang na institusyon.",
    "Binuo ito kasama ng mga lokal na employer at katuwang na paaralan sa rehiyon.",
)

MATERIAL_SECTIONS = (
    (
        "Mga layunin sa pagkatuto",
        "Sa pagtatapos ng yunit na ito, maipaliliwanag ng {level} ang mga pangunahing ideya "
        "ng {topic} at mailalapat ang mga ito sa mga simpleng gawain.",
    ),
    (
        "Mga gawain",
        "Unang tatalakayin ng mga mag-aaral ang isang maikling kaso, saka gagawa ng "
        "praktikal na gawain sa maliliit na pangkat at iuulat ang resulta sa klase.",
    ),
    (
        "Pagtatasa",
        "Binubuo ang pagtatasa ng maikling nakasulat na pagsusulit at obserbasyon sa "
        "praktikal na gawain gamit ang checklist sa dulo ng dokumentong ito.",
    ),
)

ACHIEVEMENT_SECTIONS = (
    (
        "Kaligiran",
        "Mabilis na tumataas ang pangangailangan sa kasanayan sa {topic} sa Tsina at "
        "Timog-Silangang Asya, ngunit kulang pa rin ang mga materyales at iisang pamantayan.",
    ),
    (
        "Pamamaraan",
        "Nakipagtulungan ang pangkat sa mga guro, employer at {level} upang mangalap ng datos, "
        "subukin ang mga prototype at paunlarin ang gawa sa ilang yugto.",
    ),
    (
        "Mga resulta",
        "Ginagamit na ang gawa ng ilang katuwang na institusyon at positibo ang puna ng mga "
        "guro at mag-aaral.",
    ),
)

LABELS = {"abstract": "Abstrak", "keywords": "Mga susing salita", "creators": "Mga may-akda"}

AWARDS = ("Gawad sa Natatanging Guro", "Gawad sa Inobasyon sa Pagtuturo")
COMPETITIONS = ("Pambansang Paligsahan sa Kasanayan", "Paligsahan sa Kasanayan ng ASEAN")

CREATORS = (
    "Maria Cristina Santos",
    "Jose Miguel Reyes",
    "Ana Liza Cruz",
    "Ramon Bautista",
    "Josefina Dela Cruz",
    "Mark Anthony Garcia",
    "Rosario Villanueva",
    "Paolo Mendoza",
)
