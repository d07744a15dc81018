"""LOM in a Common Cartridge, as each CC profile allows it.

The manifest's LOM (`ccvXpY_lommanifest_v1p0.xsd`) keeps general, lifeCycle
(contributors only), rights, educational and classification, without
MetaMetadata or Annotation; a resource's LOM (`ccvXpY_lomresource_v1p0.xsd`)
keeps only Educational: one context and the intended end users. The
vocabularies are the profiles' own (roles, contexts, purposes).
"""

from xml.etree import ElementTree

from .contents import Bundle, BundleRecord

# Our education levels and sectors → the context vocabulary the CC profile allows.
_CONTEXTS = {
    "sector-higher": "higher education",
    "sector-basic": "school",
    "sector-special": "school",
    "sector-vocational": "training",
    "sector-lifelong": "training",
}


def lom_context(levels) -> str:
    """LOM educational context of a record from its ISCED 2011 levels or sectors."""
    for level in levels:
        code = level.code
        if code in _CONTEXTS:
            return _CONTEXTS[code]
        if code.startswith("isced-") and code[6:].isdigit():
            number = int(code[6:])
            return "higher education" if number >= 5 else "training" if number == 4 else "school"
    return "other"


def sub(parent, namespace: str, name: str, text: str | None = None, **attributes):
    element = ElementTree.SubElement(parent, f"{{{namespace}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


def _lang_string(parent, namespace: str, name: str, values: list[tuple[str, str]]):
    """A LOM LangString: one <string language="..."> per (language, text)."""
    element = sub(parent, namespace, name)
    for language, text in values:
        string = sub(element, namespace, "string", text)
        if language:
            string.set("language", language)
    return element


def _vcard(name: str) -> str:
    # LOM's entity is a vCard; FN is the one property every reader shows.
    escaped = name.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{escaped}\nEND:VCARD"


def manifest_lom(parent, bundle: Bundle, ns: str) -> None:
    lom = sub(parent, ns, "lom")
    general = sub(lom, ns, "general")
    identifier = sub(general, ns, "identifier")
    sub(identifier, ns, "catalog", "URI")
    sub(identifier, ns, "entry", bundle.url)
    titles = [(entry.record.language_id, entry.record.title) for entry in bundle.records[:1]]
    if bundle.kind == "record":
        titles += [(t.language_id, t.title) for t in bundle.records[0].translations if t.title]
    else:
        titles = [("", bundle.title)]
    _lang_string(general, ns, "title", titles)
    for language in dict.fromkeys(entry.record.language_id for entry in bundle.records):
        sub(general, ns, "language", language)
    if bundle.description:
        _lang_string(general, ns, "description", [("", bundle.description)])
    keywords = dict.fromkeys(word for entry in bundle.records for word in entry.work.keywords)
    for keyword in keywords:
        _lang_string(general, ns, "keyword", [("", keyword)])
    creators = dict.fromkeys(name for entry in bundle.records for name in entry.work.creators)
    publishers = dict.fromkeys(entry.work.publisher for entry in bundle.records)
    if creators or any(publishers):
        life_cycle = sub(lom, ns, "lifeCycle")
        for role, names in (("author", creators), ("publisher", publishers)):
            for name in filter(None, names):
                contribute = sub(life_cycle, ns, "contribute")
                sub(sub(contribute, ns, "role"), ns, "value", role)
                sub(contribute, ns, "entity", _vcard(name))
    rights = sub(lom, ns, "rights")
    restricted = any(not licence.allows_reuse for licence in bundle.licences)
    sub(
        sub(rights, ns, "copyrightAndOtherRestrictions"),
        ns,
        "value",
        "yes" if restricted else "no",
    )
    terms = "; ".join(
        f"{licence.code} ({licence.url})" if licence.url else licence.code
        for licence in bundle.licences
    )
    _lang_string(rights, ns, "description", [("en", terms)])
    subjects = {entry.record.subject_id: entry.record.subject for entry in bundle.records}
    for subject in filter(None, subjects.values()):
        classification = sub(lom, ns, "classification")
        sub(sub(classification, ns, "purpose"), ns, "value", "discipline")
        taxon = sub(sub(classification, ns, "taxonPath"), ns, "taxon")
        sub(taxon, ns, "id", f"ISCED-F 2013: {subject.code}")
        _lang_string(taxon, ns, "entry", [("en", subject.name_en)])


def resource_lom(parent, entry: BundleRecord, ns: str) -> None:
    educational = sub(sub(sub(parent, ns, "metadata"), ns, "lom"), ns, "educational")
    context = sub(educational, ns, "context")
    sub(context, ns, "source", "LOMv1.0")
    sub(context, ns, "value", lom_context(entry.levels))
    role = sub(educational, ns, "intendedEndUserRole")
    sub(role, ns, "source", "IMSGLC_CC_Rolesv1p1")
    sub(role, ns, "value", "Learner")
