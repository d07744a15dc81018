"""What demo records are about, and for whom, in the vocabularies' codes.

The words for each topic and level, in every language, are in `texts/`; here
are only the codes they map to, so a record's subject (ISCED-F) and levels
(ISCED 2011 and sectors) always match what its title says.
"""

# topic -> (ISCED-F detailed field, levels it is taught at)
TOPICS = {
    "rice": ("0811", ("vocational", "higher", "lifelong")),
    "aquaculture": ("0831", ("vocational", "higher")),
    "solar": ("0713", ("vocational", "lifelong")),
    "ev": ("0716", ("vocational", "higher")),
    "elderly-care": ("0913", ("vocational", "higher", "lifelong")),
    "tourism": ("1015", ("vocational", "higher")),
    "hotel": ("1013", ("vocational", "lifelong")),
    "ecommerce": ("0416", ("vocational", "higher", "lifelong")),
    "python": ("0613", ("secondary", "vocational", "higher")),
    "networks": ("0612", ("vocational", "higher")),
    "chinese": ("0231", ("secondary", "higher", "lifelong")),
    "maths": ("0541", ("primary", "secondary", "teachers")),
    "climate": ("0521", ("secondary", "higher")),
    "food-safety": ("0721", ("vocational", "lifelong")),
    "robotics": ("0714", ("secondary", "vocational", "higher")),
    "braille": ("0114", ("special", "teachers")),
    "heritage": ("0222", ("secondary", "higher")),
    "dengue": ("1021", ("secondary", "lifelong")),
}

# level -> education level and sector codes
LEVELS = {
    "primary": ("isced-1", "sector-basic"),
    "secondary": ("isced-3", "sector-basic"),
    "vocational": ("isced-4", "isced-5", "sector-vocational"),
    "higher": ("isced-6", "sector-higher"),
    "lifelong": ("sector-lifelong",),
    "special": ("isced-1", "isced-2", "sector-special"),
    "teachers": ("isced-6", "sector-higher"),
}

# Resource type slugs (the code without "material-" / "achievement-").
MATERIAL_TYPES = (
    "lesson-plan",
    "presentation",
    "textbook",
    "worksheet",
    "open-course",
    "case-study",
    "experiment",
    "video",
    "syllabus",
)
ACHIEVEMENT_TYPES = (
    "paper",
    "report",
    "patent",
    "software",
    "dataset",
    "award",
    "competition-result",
    "cooperation-agreement",
    "standard",
    "textbook",
)

# Which file a record of each type comes with first ("pdf", "docx" or "pptx").
FILE_FORMATS = {
    "lesson-plan": "docx",
    "presentation": "pptx",
    "textbook": "pdf",
    "worksheet": "docx",
    "open-course": "pptx",
    "case-study": "pdf",
    "experiment": "docx",
    "video": "pptx",
    "syllabus": "docx",
    "paper": "pdf",
    "report": "pdf",
    "patent": "pdf",
    "software": "docx",
    "dataset": "docx",
    "award": "pdf",
    "competition-result": "pptx",
    "cooperation-agreement": "pdf",
    "standard": "pdf",
}
