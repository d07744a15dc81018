"""English (en)."""

SENTENCE_GAP = " "

TOPICS = {
    "rice": "rice cultivation",
    "aquaculture": "freshwater aquaculture",
    "solar": "solar photovoltaic installation",
    "ev": "electric vehicle maintenance",
    "elderly-care": "elderly care nursing",
    "tourism": "community-based tourism",
    "hotel": "hotel front office operations",
    "ecommerce": "cross-border e-commerce",
    "python": "Python programming",
    "networks": "computer network administration",
    "chinese": "Chinese as a foreign language",
    "maths": "fractions and decimals",
    "climate": "climate change and flood risk",
    "food-safety": "food safety and hygiene",
    "robotics": "industrial robotics",
    "braille": "braille reading and writing",
    "heritage": "cultural heritage conservation",
    "dengue": "dengue prevention in the community",
}

LEVELS = {
    "primary": "primary school pupils",
    "secondary": "upper secondary students",
    "vocational": "vocational students",
    "higher": "undergraduate students",
    "lifelong": "adult learners",
    "special": "learners with special educational needs",
    "teachers": "student teachers",
}

MATERIAL_TITLES = {
    "lesson-plan": "{topic}: a lesson plan for {level}",
    "presentation": "Introduction to {topic} (slides for {level})",
    "textbook": "{topic}: a textbook for {level}",
    "worksheet": "{topic}: practice exercises for {level}",
    "open-course": "{topic}: an open online course",
    "case-study": "Case studies in {topic}",
    "experiment": "{topic}: a practical guide for {level}",
    "video": "{topic} in practice: video lessons for {level}",
    "syllabus": "Course syllabus: {topic}",
}

ACHIEVEMENT_TITLES = {
    "paper": "Teaching and learning {topic}: a mixed-methods study",
    "report": "Annual report on training in {topic}",
    "patent": "Teaching aid and method for practical training in {topic}",
    "software": "A mobile learning app for {topic}",
    "dataset": "Survey dataset on {topic} in China and ASEAN",
    "award": "Teaching excellence award for the course in {topic}",
    "competition-result": "Gold medal in {topic} at a skills competition",
    "cooperation-agreement": "Cooperation agreement on joint training in {topic}",
    "standard": "Training standard for {topic}",
    "textbook": "{topic}: a coursebook, second edition",
}

MATERIAL_ABSTRACTS = (
    "This resource helps teachers introduce {topic} to {level}. It combines short "
    "explanations, worked examples and practical tasks drawn from local workplaces. "
    "Teachers can adapt the activities to a 45- or 90-minute session.",
    "Designed for {level}, these materials cover the core ideas of {topic} step by step. "
    "Each part ends with questions to check understanding and a short practical task.",
    "These materials on {topic} were developed and tested with {level} over two semesters. "
    "They include guidance for teachers, suggested timings and ideas for assessment.",
)

ACHIEVEMENT_OPENERS = {
    "paper": "This paper reports a two-year study of how {level} learn {topic}, combining "
    "classroom observation, tests and interviews.",
    "report": "This report reviews our training programmes in {topic}, including "
    "enrolment, completion and graduate employment.",
    "patent": "The invention is a low-cost teaching aid that helps {level} practise the key "
    "skills of {topic}.",
    "software": "The app offers short lessons, quizzes and offline practice in {topic} for "
    "{level}, and runs on low-cost phones.",
    "dataset": "The dataset holds anonymised survey answers from teachers and {level} about "
    "{topic}, with a codebook.",
    "award": "The award recognises the teaching team's course in {topic} for {level}, "
    "praised for its practical projects.",
    "competition-result": "A team of {level} won the gold medal with a project on {topic}, "
    "judged on skill, safety and teamwork.",
    "cooperation-agreement": "The agreement sets out joint training, staff exchange and "
    "shared materials in {topic} between partner institutions in China and ASEAN.",
    "standard": "The standard describes the knowledge, skills and assessment methods in "
    "{topic} expected of {level}.",
    "textbook": "The coursebook covers {topic} in twelve units, each with worked examples, "
    "exercises and a glossary, written for {level}.",
}

ACHIEVEMENT_CLOSERS = (
    "The results are shared openly so that partner institutions can reuse them.",
    "It was produced together with local employers and partner schools in the region.",
)

MATERIAL_SECTIONS = (
    (
        "Learning objectives",
        "By the end of this unit, {level} will be able to explain the basic ideas of {topic} "
        "and apply them to simple real-world tasks.",
    ),
    (
        "Activities",
        "Learners first discuss a short case, then work in small groups on a practical task, "
        "and finally present their results to the class.",
    ),
    (
        "Assessment",
        "Assessment combines a short written quiz with observation of the practical task, "
        "using the checklist at the end of this document.",
    ),
)

ACHIEVEMENT_SECTIONS = (
    (
        "Background",
        "Demand for skills in {topic} is growing quickly across China and Southeast Asia, "
        "but teaching materials and shared standards are still scarce.",
    ),
    (
        "Approach",
        "The team worked with teachers, employers and {level} to collect data, test "
        "prototypes and revise the work over several rounds.",
    ),
    (
        "Results",
        "The work is now used by several partner institutions, and feedback from teachers "
        "and learners has been positive.",
    ),
)

LABELS = {"abstract": "Abstract", "keywords": "Keywords", "creators": "Authors"}

AWARDS = ("National Teaching Excellence Award", "Innovation in Teaching Award")
COMPETITIONS = ("National Skills Competition", "ASEAN Skills Competition")

CREATORS = (
    "Sarah Tan",
    "David Lim",
    "Priya Nair",
    "Michael Reyes",
    "Nurul Huda Rahman",
    "James Wong",
    "Emily Chua",
    "Daniel Santos",
)
