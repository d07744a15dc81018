"""lom: IEEE 1484.12.1 Learning Object Metadata, in its XML binding (IEEE 1484.12.3).

LOM is what learning object repositories and LMSs harvest. Our vocabularies
go where LOM expects them: the levels and sectors become LOM's educational
`context` (its own LOMv1.0 values) and an "educational level" classification
by ISCED 2011; the subject an ISCED-F 2013 "discipline" classification with
the broad, narrow and detailed fields as its taxon path; the licence, rights.
People are vCards, as LOM requires.

The event where a record was released is left out: LOM has no element for it
(a relation's kinds are between learning objects, a contribution's roles are
people's parts in making it, and coverage is what the content is about), and
writing it into one of those would tell harvesters something untrue.
"""

from xml.etree.ElementTree import Element, SubElement

LOM = "http://ltsc.ieee.org/xsd/LOM"
LOM_SCHEMA = "http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd"
VOCABULARY = "LOMv1.0"

#: Our levels and sectors -> LOM's educational context (LOMv1.0 vocabulary).
CONTEXTS = {
    **{f"isced-{n}": "school" for n in range(4)},
    "isced-4": "training",
    **{f"isced-{n}": "higher education" for n in range(5, 9)},
    "sector-basic": "school",
    "sector-special": "school",
    "sector-vocational": "training",
    "sector-higher": "higher education",
    "sector-lifelong": "other",
}
#: Our material types whose LRMI term is also a LOMv1.0 learningResourceType.
RESOURCE_TYPES = {
    "exam": "exam",
    "assessment": "self assessment",
    "experiment": "experiment",
    "simulation": "simulation",
    "presentation": "slide",
    "worksheet": "exercise",
    "recorded-lesson": "lecture",
    "image": "figure",
}


def _el(parent, name, text=None):
    element = SubElement(parent, f"{{{LOM}}}{name}")
    if text is not None:
        element.text = str(text)
    return element


def _lang_string(parent, name, text, language):
    """A LangString: one or more <string language="..."> children."""
    container = _el(parent, name)
    string = _el(container, "string", text)
    if language:
        string.set("language", language)
    return container


def _vocabulary(parent, name, value):
    element = _el(parent, name)
    _el(element, "source", VOCABULARY)
    _el(element, "value", value)
    return element


def _vcard_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", " ")


def vcard(name: str, *, organisation: bool = False) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_vcard_text(name)}"]
    lines.append(f"ORG:{_vcard_text(name)}" if organisation else f"N:{_vcard_text(name)};;;;")
    lines.append("END:VCARD")
    return "\r\n".join(lines)


def _contribute(parent, role, entities, date):
    contribute = _el(parent, "contribute")
    _vocabulary(contribute, "role", role)
    for entity in entities:
        _el(contribute, "entity", entity)
    if date:
        _el(_el(contribute, "date"), "dateTime", date)


def _general(root, source):
    work = source.work
    general = _el(root, "general")
    for catalog, entry in [("URI", work.url), ("DOI", work.doi), ("ISBN", work.isbn)]:
        if entry:
            identifier = _el(general, "identifier")
            _el(identifier, "catalog", catalog)
            _el(identifier, "entry", entry)
    title = _lang_string(general, "title", work.title, work.language)
    for translation in source.translations:
        if translation.title:
            _el(title, "string", translation.title).set("language", translation.language_id)
    _el(general, "language", work.language)
    description = _lang_string(general, "description", work.abstract, work.language)
    for translation in source.translations:
        if translation.abstract:
            _el(description, "string", translation.abstract).set(
                "language", translation.language_id
            )
    for keyword in work.keywords:
        _lang_string(general, "keyword", keyword, "")
    _vocabulary(general, "aggregationLevel", "1")


def _educational(root, source):
    educational = _el(root, "educational")
    slug = source.work.type_code.split("-", 1)[-1]
    if source.work.is_teaching_material and slug in RESOURCE_TYPES:
        _vocabulary(educational, "learningResourceType", RESOURCE_TYPES[slug])
    for context in dict.fromkeys(CONTEXTS.get(level.code, "other") for level in source.levels):
        _vocabulary(educational, "context", context)
    _el(educational, "language", source.work.language)


def _taxon_path(classification, scheme, taxa):
    path = _el(classification, "taxonPath")
    _lang_string(path, "source", scheme, "en")
    for code, name in taxa:
        taxon = _el(path, "taxon")
        _el(taxon, "id", code)
        _lang_string(taxon, "entry", name, "en")


def _classifications(root, source):
    subject = source.record.subject if source.record.subject_id else None
    if subject is not None:
        chain = []
        while subject is not None:
            chain.insert(0, (subject.code, subject.name_en))
            subject = subject.parent
        classification = _el(root, "classification")
        _vocabulary(classification, "purpose", "discipline")
        _taxon_path(classification, "ISCED-F 2013", chain)
    levels = [level for level in source.levels if level.code.startswith("isced-")]
    if levels:
        classification = _el(root, "classification")
        _vocabulary(classification, "purpose", "educational level")
        for level in levels:
            _taxon_path(classification, "ISCED 2011", [(level.code[6:], level.name_en)])


def lom(source) -> Element:
    work, record = source.work, source.record
    root = Element(f"{{{LOM}}}lom")
    _general(root, source)
    life_cycle = _el(root, "lifeCycle")
    if source.creators:
        _contribute(life_cycle, "author", [vcard(c.name) for c in source.creators], work.year)
    if work.publisher:
        released = record.first_published_at.date().isoformat() if record.first_published_at else ""
        _contribute(life_cycle, "publisher", [vcard(work.publisher, organisation=True)], released)
    meta = _el(root, "metaMetadata")
    _el(meta, "metadataSchema", "LOMv1.0")
    technical = _el(root, "technical")
    _el(technical, "location", work.url)
    _educational(root, source)
    rights = _el(root, "rights")
    _vocabulary(rights, "cost", "no")
    licence = record.licence
    restricted = "no" if licence.code == "CC0-1.0" else "yes"
    _vocabulary(rights, "copyrightAndOtherRestrictions", restricted)
    terms = f"{licence.code}: {licence.name_en}" + (f" <{licence.url}>" if licence.url else "")
    _lang_string(rights, "description", terms, "en")
    for url in source.related:
        relation = _el(root, "relation")
        _vocabulary(relation, "kind", "references")
        identifier = _el(_el(relation, "resource"), "identifier")
        _el(identifier, "catalog", "URI")
        _el(identifier, "entry", url)
    _classifications(root, source)
    return root
