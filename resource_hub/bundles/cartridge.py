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

from dataclasses import dataclass
from urllib.parse import quote
from xml.etree import ElementTree

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from resource_hub.core.xml import xml_text
from resource_hub.records.citation import apa, gbt7714

from .archive import LICENSES, licences_text
from .contents import Bundle, BundleRecord
from .lom import manifest_lom, resource_lom, sub
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


def _serialize(element, prefixes: dict[str, str]) -> str:
    """The XML text of `element` with these prefixes (namespace → prefix, "" for the default);
    each version's namespaces differ (core/xml.py keeps them from other documents')."""
    ElementTree.indent(element)
    return xml_text(element, prefixes) + "\n"


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
    metadata = sub(manifest, cp, "metadata")
    sub(metadata, cp, "schema", "IMS Common Cartridge")
    sub(metadata, cp, "schemaversion", version.schema_version)
    manifest_lom(metadata, bundle, version.lom_manifest)

    organization = sub(
        sub(manifest, cp, "organizations"),
        cp,
        "organization",
        identifier="O_1",
        structure="rooted-hierarchy",
    )
    root = sub(organization, cp, "item", identifier="I_root")
    resources = sub(manifest, cp, "resources")
    for entry in bundle.records:
        ids = _record_ids(entry)
        item = sub(root, cp, "item", identifier=ids["item"])
        sub(item, cp, "title", entry.record.title)
        content_item = sub(item, cp, "item", identifier=ids["content_item"])
        content_item.set("identifierref", ids["content"])
        sub(content_item, cp, "title", _("About this record and its files"))
        link_item = sub(item, cp, "item", identifier=ids["link_item"], identifierref=ids["link"])
        sub(link_item, cp, "title", _("Record page on Resource Hub"))

        content = sub(
            resources,
            cp,
            "resource",
            identifier=ids["content"],
            type="webcontent",
            href=href(index_path(entry)),
        )
        resource_lom(content, entry, version.lom_resource)
        sub(content, cp, "file", href=href(index_path(entry)))
        for file in entry.files:
            sub(content, cp, "file", href=href(file.path))
        link = sub(resources, cp, "resource", identifier=ids["link"], type=version.weblink_type)
        sub(link, cp, "file", href=href(weblink_path(entry)))

    licences_item = sub(root, cp, "item", identifier="I_licences", identifierref="R_licences")
    sub(licences_item, cp, "title", _("Licences"))
    licences = sub(
        resources, cp, "resource", identifier="R_licences", type="webcontent", href=LICENSES
    )
    sub(licences, cp, "file", href=LICENSES)
    prefixes = {cp: "", version.lom_manifest: "lomimscc", version.lom_resource: "lom", XSI: "xsi"}
    return _serialize(manifest, prefixes)


def _manifest_id(bundle: Bundle) -> str:
    return f"M_resource_hub_{bundle.kind}_{bundle.object_id}"


def weblink_xml(entry: BundleRecord, version: CartridgeVersion) -> str:
    ns = version.weblink
    link = ElementTree.Element(f"{{{ns}}}webLink")
    link.set(f"{{{XSI}}}schemaLocation", f"{ns} {version.weblink_xsd}")
    sub(link, ns, "title", entry.record.title)
    sub(link, ns, "url", href=entry.stable_url, target="_blank")
    return _serialize(link, {ns: "", XSI: "xsi"})


# --- the record's page inside the package ----------------------------------------------


def index_html(entry: BundleRecord) -> str:
    """A small page an LMS shows for the record: what it is, its files, licence and citation."""
    files = [
        {
            "href": href(file.path.split("/", 1)[1]),  # beside the page, in the record's folder
            "title": file.label or file.title,
            "filename": file.filename,
        }
        for file in entry.files
    ]
    context = {
        "record": entry.record,
        "work": entry.work,
        "files": files,
        "apa": apa(entry.work),
        "gbt7714": gbt7714(entry.work, accessed=timezone.localdate()),
        "url": entry.stable_url,
    }
    return render_to_string("bundles/cartridge_index.html", context)
