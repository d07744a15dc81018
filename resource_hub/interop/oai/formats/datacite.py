"""oai_datacite: the DataCite Metadata Schema 4.6 kernel (`resource`), as OpenAIRE's
guidelines for data archives harvest it under this prefix.

The identifier is the DOI when the record has one, else its lasting URL; the
vocabularies map onto DataCite's: ISCED-F 2013 subjects with their scheme,
SPDX licences with their identifier and URL, ORCID iDs as name identifiers.
"""

from xml.etree.ElementTree import Element, SubElement

from resource_hub.records.citation import split_name

DATACITE = "http://datacite.org/schema/kernel-4"
DATACITE_SCHEMA = "http://schema.datacite.org/meta/kernel-4.6/metadata.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ISCED_F = "ISCED-F 2013"
ISCED_F_URI = (
    "https://uis.unesco.org/en/topic/international-standard-classification-education-isced"
)
SPDX_URI = "https://spdx.org/licenses/"

#: Our type slug (after "material-" / "achievement-") -> DataCite resourceTypeGeneral.
GENERAL_TYPES = {
    "paper": "JournalArticle",
    "report": "Report",
    "software": "Software",
    "dataset": "Dataset",
    "standard": "Standard",
    "textbook": "Book",
    "award": "Award",
    "video": "Audiovisual",
    "recorded-lesson": "Audiovisual",
    "audio": "Sound",
    "image": "Image",
    "simulation": "InteractiveResource",
    "interactive-resource": "InteractiveResource",
    "game": "InteractiveResource",
    "course": "InteractiveResource",
    "open-course": "InteractiveResource",
    "physical-resource": "PhysicalObject",
}


def general_type(type_code: str, *, is_teaching_material: bool) -> str:
    slug = type_code.split("-", 1)[-1]
    return GENERAL_TYPES.get(slug, "Text" if is_teaching_material else "Other")


def _el(parent, name, text=None, **attrs):
    element = SubElement(parent, f"{{{DATACITE}}}{name}", {k: v for k, v in attrs.items() if v})
    if text is not None:
        element.text = str(text)
    return element


def _creators(root, source):
    creators = _el(root, "creators")
    for creator in source.creators:
        element = _el(creators, "creator")
        _el(element, "creatorName", creator.name, nameType="Personal")
        name = split_name(creator.name)
        if name.given and not name.whole:
            _el(element, "givenName", name.given)
            _el(element, "familyName", name.family)
        if creator.orcid:
            _el(
                element,
                "nameIdentifier",
                f"https://orcid.org/{creator.orcid}",
                nameIdentifierScheme="ORCID",
                schemeURI="https://orcid.org",
            )
        if creator.affiliation:
            _el(element, "affiliation", creator.affiliation)


def _subjects(root, source):
    record, work = source.record, source.work
    subjects = _el(root, "subjects")
    if record.subject_id:
        _el(
            subjects,
            "subject",
            record.subject.name_en,
            subjectScheme=ISCED_F,
            schemeURI=ISCED_F_URI,
            classificationCode=record.subject.code,
            **{XML_LANG: "en"},
        )
    for keyword in work.keywords:
        _el(subjects, "subject", keyword)
    if not len(subjects):
        root.remove(subjects)


def datacite(source) -> Element:
    work, record = source.work, source.record
    root = Element(f"{{{DATACITE}}}resource")
    if work.doi:
        _el(root, "identifier", work.doi, identifierType="DOI")
    else:
        _el(root, "identifier", work.url, identifierType="URL")
    _creators(root, source)
    titles = _el(root, "titles")
    _el(titles, "title", work.title, **{XML_LANG: work.language})
    for translation in source.translations:
        if translation.title:
            _el(
                titles,
                "title",
                translation.title,
                titleType="TranslatedTitle",
                **{XML_LANG: translation.language_id},
            )
    _el(root, "publisher", work.publisher or record.title)
    _el(root, "publicationYear", f"{work.year:04d}")
    _el(
        root,
        "resourceType",
        work.type_label,
        resourceTypeGeneral=general_type(
            work.type_code, is_teaching_material=work.is_teaching_material
        ),
    )
    _subjects(root, source)
    if source.institution is not None:
        contributors = _el(root, "contributors")
        contributor = _el(contributors, "contributor", contributorType="HostingInstitution")
        _el(contributor, "contributorName", source.institution.title, nameType="Organizational")
    dates = _el(root, "dates")
    _el(dates, "date", work.issued.isoformat() if work.issued else work.year, dateType="Issued")
    if record.first_published_at:
        _el(dates, "date", record.first_published_at.date().isoformat(), dateType="Available")
    _el(root, "language", work.language)
    alternates = [("URL", work.url)] if work.doi else []
    alternates += [("ISBN", work.isbn), ("Patent number", work.patent_number)]
    if any(value for _kind, value in alternates):
        element = _el(root, "alternateIdentifiers")
        for kind, value in alternates:
            if value:
                _el(element, "alternateIdentifier", value, alternateIdentifierType=kind)
    if source.related:
        related = _el(root, "relatedIdentifiers")
        for url in source.related:
            _el(related, "relatedIdentifier", url, relatedIdentifierType="URL",
                relationType="References")  # fmt: skip
    rights_list = _el(root, "rightsList")
    licence = record.licence
    spdx = not licence.code.startswith("LicenseRef-")
    _el(
        rights_list,
        "rights",
        licence.name_en,
        rightsURI=licence.url,
        rightsIdentifier=licence.code,
        rightsIdentifierScheme="SPDX" if spdx else "",
        schemeURI=SPDX_URI if spdx else "",
        **{XML_LANG: "en"},
    )
    descriptions = _el(root, "descriptions")
    _el(descriptions, "description", work.abstract, descriptionType="Abstract",
        **{XML_LANG: work.language})  # fmt: skip
    for translation in source.translations:
        if translation.abstract:
            _el(descriptions, "description", translation.abstract, descriptionType="Abstract",
                **{XML_LANG: translation.language_id})  # fmt: skip
    if source.event is not None:
        _event(root, source.event)
    return root


def _event(root, event) -> None:
    """The event where the record was released, as DataCite 4.4+ relates an item to the
    resource it appeared in: a relatedItem of type Event, "IsPublishedIn" (the way a
    conference paper names its conference), with the event page's address and year."""
    items = _el(root, "relatedItems")
    item = _el(items, "relatedItem", relatedItemType="Event", relationType="IsPublishedIn")
    _el(item, "relatedItemIdentifier", event.get_full_url(), relatedItemIdentifierType="URL")
    titles = _el(item, "titles")
    _el(titles, "title", event.title, **{XML_LANG: "en"})
    if event.name_local:
        _el(titles, "title", event.name_local, titleType="TranslatedTitle",
            **{XML_LANG: event.language_id or ""})  # fmt: skip
    _el(item, "publicationYear", f"{event.year:04d}")
