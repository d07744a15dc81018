"""A course package: the bundle as an IMS Common Cartridge, for Moodle (1.1) and Canvas (1.3).

The package is a ZIP (`.imscc`) with `imsmanifest.xml` at its root. For each
record the organization has one item, a folder holding two learning objects:

- a *webcontent* resource: `index.html` (the record's description, citation,
  licence and links to its files) and the files the viewer may download;
- an IMS *web link* resource to the record's public page (its lasting address).

Metadata is LOM as each version's profile allows it (IMS CC profile XSDs
`ccvXpY_lommanifest_v1p0.xsd`, `ccvXpY_lomresource_v1p0.xsd`): the package's
title, description, languages, keywords, creators, licence and ISCED-F
subjects in the manifest; each resource says who it is for (learners) and in
what context (school, higher education, training). The licences are also a
webcontent resource of their own (`LICENSES.txt`), listed last.

Pure functions of a `Bundle` (and the stored sizes), like records/exports.py.
"""

import html
import threading
from dataclasses import dataclass
from urllib.parse import quote
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from .archive import LICENSES, citation_text, licences_text
from .contents import Bundle, BundleRecord
from .streaming import Member

MANIFEST = "imsmanifest.xml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PROFILE = "http://www.imsglobal.org/profile/cc"


@dataclass(frozen=True)
class CartridgeVersion:
    """What differs between Common Cartridge 1.1 and 1.3 for what we write."""

    code: str  # "1.1"
    schema_version: str  # "1.1.0"
    cp: str  # the CC profile of IMS Content Packaging
    lom_manifest: str
    lom_resource: str
    weblink: str
    weblink_type: str
    cp_xsd: str
    lom_manifest_xsd: str
    lom_resource_xsd: str
    weblink_xsd: str


def _version(code: str, weblink: str) -> CartridgeVersion:
    v = "v" + code.replace(".", "p")  # "v1p1"
    return CartridgeVersion(
        code=code,
        schema_version=f"{code}.0",
        cp=f"http://www.imsglobal.org/xsd/imscc{v}/imscp_v1p1",
        lom_manifest=f"http://ltsc.ieee.org/xsd/imscc{v}/LOM/manifest",
        lom_resource=f"http://ltsc.ieee.org/xsd/imscc{v}/LOM/resource",
        weblink=f"http://www.imsglobal.org/xsd/imscc{v}/imswl_{weblink}",
        weblink_type=f"imswl_xml{weblink}",
        cp_xsd=f"{PROFILE}/cc{v}/cc{v}_imscp_v1p2_v1p0.xsd",
        lom_manifest_xsd=f"{PROFILE}/cc{v}/LOM/cc{v}_lommanifest_v1p0.xsd",
        lom_resource_xsd=f"{PROFILE}/cc{v}/LOM/cc{v}_lomresource_v1p0.xsd",
        weblink_xsd=f"{PROFILE}/cc{v}/cc{v}_imswl_{weblink}.xsd",
    )


#: Moodle's importer reads 1.1 (and 1.0); Canvas imports 1.3 as well.
VERSIONS = {"1.1": _version("1.1", "v1p1"), "1.3": _version("1.3", "v1p3")}
DEFAULT_VERSION = "1.3"

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


def _record_ids(entry: BundleRecord) -> dict[str, str]:
    n = entry.record.pk
    return {
        "item": f"I_{n}",
        "content_item": f"I_{n}_content",
        "link_item": f"I_{n}_link",
        "content": f"R_{n}_content",
        "link": f"R_{n}_link",
    }


def index_path(entry: BundleRecord) -> str:
    return f"{entry.folder}/index.html"


def weblink_path(entry: BundleRecord) -> str:
    # A folder of its own: the CC profile (1.4) keeps a learning application object's
    # folder for it and its associated content, so no webcontent file may sit there.
    return f"{entry.folder}/link/weblink.xml"


def cartridge_members(bundle: Bundle, sizes: dict[str, int], version: CartridgeVersion):
    """The package's members: manifest, then per record its page, web link and files."""
    texts = [(MANIFEST, manifest_xml(bundle, version)), (LICENSES, licences_text(bundle))]
    for entry in bundle.records:
        texts += [
            (index_path(entry), index_html(entry)),
            (weblink_path(entry), weblink_xml(entry, version)),
        ]
    members = []
    for path, text in texts:
        data = text.encode("utf-8")
        members.append(Member(path, len(data), data))
    members += [Member(file.path, sizes[file.name], name=file.name) for file in bundle.files]
    return members


# --- imsmanifest.xml -----------------------------------------------------------------


def _sub(parent, namespace: str, name: str, text: str | None = None, **attributes):
    element = ElementTree.SubElement(parent, f"{{{namespace}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


def _lang_string(parent, namespace: str, name: str, values: list[tuple[str, str]]):
    """A LOM LangString: one <string language="..."> per (language, text)."""
    element = _sub(parent, namespace, name)
    for language, text in values:
        string = _sub(element, namespace, "string", text)
        if language:
            string.set("language", language)
    return element


def _vcard(name: str) -> str:
    # LOM's entity is a vCard; FN is the one property every reader shows.
    escaped = name.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{escaped}\nEND:VCARD"


def _manifest_lom(parent, bundle: Bundle, ns: str) -> None:
    lom = _sub(parent, ns, "lom")
    general = _sub(lom, ns, "general")
    identifier = _sub(general, ns, "identifier")
    _sub(identifier, ns, "catalog", "URI")
    _sub(identifier, ns, "entry", bundle.url)
    titles = [(entry.record.language_id, entry.record.title) for entry in bundle.records[:1]]
    if bundle.kind == "record":
        titles += [(t.language_id, t.title) for t in bundle.records[0].translations if t.title]
    else:
        titles = [("", bundle.title)]
    _lang_string(general, ns, "title", titles)
    for language in dict.fromkeys(entry.record.language_id for entry in bundle.records):
        _sub(general, ns, "language", language)
    if bundle.description:
        _lang_string(general, ns, "description", [("", bundle.description)])
    keywords = dict.fromkeys(word for entry in bundle.records for word in entry.work.keywords)
    for keyword in keywords:
        _lang_string(general, ns, "keyword", [("", keyword)])
    creators = dict.fromkeys(name for entry in bundle.records for name in entry.work.creators)
    publishers = dict.fromkeys(entry.work.publisher for entry in bundle.records)
    if creators or any(publishers):
        life_cycle = _sub(lom, ns, "lifeCycle")
        for role, names in (("author", creators), ("publisher", publishers)):
            for name in filter(None, names):
                contribute = _sub(life_cycle, ns, "contribute")
                _sub(_sub(contribute, ns, "role"), ns, "value", role)
                _sub(contribute, ns, "entity", _vcard(name))
    rights = _sub(lom, ns, "rights")
    restricted = any(not licence.allows_reuse for licence in bundle.licences)
    _sub(
        _sub(rights, ns, "copyrightAndOtherRestrictions"),
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
        classification = _sub(lom, ns, "classification")
        _sub(_sub(classification, ns, "purpose"), ns, "value", "discipline")
        taxon = _sub(_sub(classification, ns, "taxonPath"), ns, "taxon")
        _sub(taxon, ns, "id", f"ISCED-F 2013: {subject.code}")
        _lang_string(taxon, ns, "entry", [("en", subject.name_en)])


def _resource_lom(parent, entry: BundleRecord, ns: str) -> None:
    educational = _sub(_sub(_sub(parent, ns, "metadata"), ns, "lom"), ns, "educational")
    context = _sub(educational, ns, "context")
    _sub(context, ns, "source", "LOMv1.0")
    _sub(context, ns, "value", lom_context(entry.levels))
    role = _sub(educational, ns, "intendedEndUserRole")
    _sub(role, ns, "source", "IMSGLC_CC_Rolesv1p1")
    _sub(role, ns, "value", "Learner")


_prefixes_lock = threading.Lock()


def _serialize(element, prefixes: dict[str, str]) -> str:
    """The XML text of `element` with these prefixes (namespace → prefix, "" for the default).

    ElementTree knows prefixes only through its global registry, and each
    version's namespaces differ, so they are set just before writing, under a
    lock so that two packages made at once do not swap them.
    """
    ElementTree.indent(element)
    with _prefixes_lock:
        for namespace, prefix in prefixes.items():
            ElementTree.register_namespace(prefix, namespace)
        text = ElementTree.tostring(element, encoding="unicode", xml_declaration=True)
    return text + "\n"


def href(path: str) -> str:
    """An archive path as a relative URI (`href` is xs:anyURI): spaces and non-ASCII escaped."""
    return quote(path, safe="/")


def manifest_xml(bundle: Bundle, version: CartridgeVersion) -> str:
    cp = version.cp
    manifest = ElementTree.Element(f"{{{cp}}}manifest", {"identifier": _manifest_id(bundle)})
    manifest.set(
        f"{{{XSI}}}schemaLocation",
        " ".join(
            [
                cp,
                version.cp_xsd,
                version.lom_manifest,
                version.lom_manifest_xsd,
                version.lom_resource,
                version.lom_resource_xsd,
            ]
        ),
    )
    metadata = _sub(manifest, cp, "metadata")
    _sub(metadata, cp, "schema", "IMS Common Cartridge")
    _sub(metadata, cp, "schemaversion", version.schema_version)
    _manifest_lom(metadata, bundle, version.lom_manifest)

    organization = _sub(
        _sub(manifest, cp, "organizations"),
        cp,
        "organization",
        identifier="O_1",
        structure="rooted-hierarchy",
    )
    root = _sub(organization, cp, "item", identifier="I_root")
    resources = _sub(manifest, cp, "resources")
    for entry in bundle.records:
        ids = _record_ids(entry)
        item = _sub(root, cp, "item", identifier=ids["item"])
        _sub(item, cp, "title", entry.record.title)
        content_item = _sub(item, cp, "item", identifier=ids["content_item"])
        content_item.set("identifierref", ids["content"])
        _sub(content_item, cp, "title", _("About this record and its files"))
        link_item = _sub(item, cp, "item", identifier=ids["link_item"], identifierref=ids["link"])
        _sub(link_item, cp, "title", _("Record page on Resource Hub"))

        content = _sub(
            resources,
            cp,
            "resource",
            identifier=ids["content"],
            type="webcontent",
            href=href(index_path(entry)),
        )
        _resource_lom(content, entry, version.lom_resource)
        _sub(content, cp, "file", href=href(index_path(entry)))
        for file in entry.files:
            _sub(content, cp, "file", href=href(file.path))
        link = _sub(resources, cp, "resource", identifier=ids["link"], type=version.weblink_type)
        _sub(link, cp, "file", href=href(weblink_path(entry)))

    licences_item = _sub(root, cp, "item", identifier="I_licences", identifierref="R_licences")
    _sub(licences_item, cp, "title", _("Licences"))
    licences = _sub(
        resources, cp, "resource", identifier="R_licences", type="webcontent", href=LICENSES
    )
    _sub(licences, cp, "file", href=LICENSES)
    prefixes = {cp: "", version.lom_manifest: "lomimscc", version.lom_resource: "lom", XSI: "xsi"}
    return _serialize(manifest, prefixes)


def _manifest_id(bundle: Bundle) -> str:
    return f"M_resource_hub_{bundle.kind}_{bundle.object_id}"


def weblink_xml(entry: BundleRecord, version: CartridgeVersion) -> str:
    ns = version.weblink
    link = ElementTree.Element(f"{{{ns}}}webLink")
    link.set(f"{{{XSI}}}schemaLocation", f"{ns} {version.weblink_xsd}")
    _sub(link, ns, "title", entry.record.title)
    _sub(link, ns, "url", href=entry.stable_url, target="_blank")
    return _serialize(link, {ns: "", XSI: "xsi"})


# --- the record's page inside the package ----------------------------------------------


def index_html(entry: BundleRecord) -> str:
    """A small page an LMS shows for the record: what it is, how to cite it, its files."""
    record, escape = entry.record, html.escape
    files = "".join(
        f'<li><a href="{escape(href(file.path.split("/", 1)[1]))}">'
        f"{escape(file.label or file.title)}</a> ({escape(file.filename)})</li>"
        for file in entry.files
    )
    creators = ", ".join(escape(name) for name in entry.work.creators)
    licence = record.licence
    licence_text = (
        f'<a href="{escape(licence.url)}" rel="license">{escape(licence.name_en)}</a>'
        if licence.url
        else escape(licence.name_en)
    )
    citation = citation_text_of(entry)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(record.language_id)}"><head><meta charset="utf-8">'
        f"<title>{escape(record.title)}</title></head><body>\n"
        f"<h1>{escape(record.title)}</h1>\n"
        f"<p>{creators}</p>\n"
        f'<p lang="{escape(record.language_id)}">{escape(record.abstract)}</p>\n'
        f"<h2>{escape(_('Files'))}</h2><ul>{files}</ul>\n"
        f"<h2>{escape(_('Licence'))}</h2><p>{licence_text}</p>\n"
        f"<h2>{escape(_('Cite this'))}</h2><pre>{escape(citation)}</pre>\n"
        f'<p><a href="{escape(entry.stable_url)}">{escape(entry.stable_url)}</a></p>\n'
        "</body></html>\n"
    )


def citation_text_of(entry: BundleRecord) -> str:
    from django.utils import timezone  # the date the package was made, as in CITATION.txt

    single = Bundle("record", entry.record.pk, entry.record.title, "", entry.stable_url, [entry])
    return citation_text(single, accessed=timezone.localdate()).split("\r\n", 2)[2].strip()
