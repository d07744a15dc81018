"""A strict structural check of a Common Cartridge against the CC 1.1 / 1.3 profiles.

The official profile XSDs could not be obtained from a package registry (see
data/README.md), so this states the rules the manifest must meet, as the
profiles' documents and schemas define them for the elements we write:
namespaces, schema version, the organization's shape, identifiers and
references, every file present, and the LOM elements and vocabularies each
profile permits in the manifest and in resources.
"""

import io
import zipfile
from urllib.parse import unquote
from xml.etree import ElementTree

from resource_hub.bundles.cartridge import VERSIONS

XSI = "{http://www.w3.org/2001/XMLSchema-instance}"

# LOM in the manifest (ccvXpY_lommanifest_v1p0.xsd): MetaMetadata and Annotation
# are prohibited, General has no structure/aggregationLevel, LifeCycle only contribute.
MANIFEST_LOM = {
    "lom": {"general", "lifeCycle", "technical", "educational", "rights", "relation",
            "classification"},
    "general": {"identifier", "title", "language", "description", "keyword", "coverage"},
    "identifier": {"catalog", "entry"},
    "lifeCycle": {"contribute"},
    "contribute": {"role", "entity", "date"},
    "role": {"value"},
    "rights": {"cost", "copyrightAndOtherRestrictions", "description"},
    "copyrightAndOtherRestrictions": {"value"},
    "classification": {"purpose", "taxonPath", "description", "keyword"},
    "purpose": {"value"},
    "taxonPath": {"taxon"},
    "taxon": {"id", "entry"},
    "educational": {"learningResourceType", "context", "intendedEndUserRole"},
}  # fmt: skip
ROLES = {
    "author", "publisher", "unknown", "initiator", "terminator", "validator", "editor",
    "graphical designer", "technical implementor", "content provider", "technical validator",
    "educational validator", "script writer", "instructional designer", "subject matter expert",
}  # fmt: skip
PURPOSES = {
    "discipline", "idea", "prerequisite", "educational objective",
    "accessibility restrictions", "educational level", "skill level", "security level",
    "competency",
}  # fmt: skip
CONTEXTS = {"higher education", "school", "training", "other"}
END_USER_ROLES = {"Instructor", "Learner", "Mentor"}


def local(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def namespace(element) -> str:
    return element.tag[1:].split("}", 1)[0]


def check_cartridge(data: bytes, version_code: str) -> dict:
    """Check the package; return what a test wants to look at further."""
    version = VERSIONS[version_code]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    names = archive.namelist()
    assert "imsmanifest.xml" in names
    root = ElementTree.fromstring(archive.read("imsmanifest.xml"))  # noqa: S314 - our own
    cp = f"{{{version.cp}}}"
    assert root.tag == f"{cp}manifest" and root.get("identifier")
    locations = root.get(f"{XSI}schemaLocation").split()
    pairs = dict(zip(locations[::2], locations[1::2], strict=True))
    assert pairs[version.cp] == version.cp_xsd
    assert pairs[version.lom_manifest] == version.lom_manifest_xsd
    assert pairs[version.lom_resource] == version.lom_resource_xsd

    metadata = root.find(f"{cp}metadata")
    assert metadata.findtext(f"{cp}schema") == "IMS Common Cartridge"
    assert metadata.findtext(f"{cp}schemaversion") == version.schema_version
    (lom,) = [child for child in metadata if local(child) == "lom"]
    assert namespace(lom) == version.lom_manifest
    _check_manifest_lom(lom, version.lom_manifest)

    identifiers = [
        element.get("identifier") for element in root.iter() if element.get("identifier")
    ]
    assert len(identifiers) == len(set(identifiers)), "identifiers must be unique"
    assert all(identifier[0].isalpha() or identifier[0] == "_" for identifier in identifiers)

    (organizations,) = root.findall(f"{cp}organizations")
    (organization,) = organizations.findall(f"{cp}organization")
    assert organization.get("structure") == "rooted-hierarchy"
    (top,) = organization.findall(f"{cp}item")  # one root item
    assert top.get("identifierref") is None
    resources = {r.get("identifier"): r for r in root.find(f"{cp}resources")}
    referenced = set()
    for item in top.iter(f"{cp}item"):
        if item is top:
            continue
        children = item.findall(f"{cp}item")
        assert item.findtext(f"{cp}title"), "every item has a title"
        if children:  # a folder item references nothing (CC profile)
            assert item.get("identifierref") is None
        else:
            assert item.get("identifierref") in resources
            referenced.add(item.get("identifierref"))

    files = {}
    for identifier, resource in resources.items():
        assert resource.get("type") in {"webcontent", version.weblink_type}
        hrefs = [unquote(f.get("href")) for f in resource.findall(f"{cp}file")]
        assert hrefs, identifier
        for href in hrefs:
            assert href in names, href
            files.setdefault(href, []).append(identifier)
        if resource.get("type") == "webcontent":
            assert unquote(resource.get("href")) in hrefs
            for child in resource.findall(f"{cp}metadata"):
                _check_resource_lom(child, version.lom_resource)
        else:
            assert len(hrefs) == 1  # a learning application object: its descriptor only
            _check_weblink(archive.read(hrefs[0]), version)
    assert set(resources) == referenced, "every resource is used by an item"
    assert set(names) - {"imsmanifest.xml"} == set(files), "every file is in a resource"
    return {"archive": archive, "root": root, "resources": resources, "files": files}


def _check_manifest_lom(element, ns: str) -> None:
    for node in element.iter():
        assert namespace(node) == ns, node.tag
        allowed = MANIFEST_LOM.get(local(node))
        if allowed is not None and local(node) != "entry":
            children = {local(child) for child in node}
            assert children <= allowed, (local(node), children - allowed)
    for value in element.findall(
        f"{{{ns}}}lifeCycle/{{{ns}}}contribute/{{{ns}}}role/{{{ns}}}value"
    ):
        assert value.text in ROLES
    for value in element.findall(f"{{{ns}}}classification/{{{ns}}}purpose/{{{ns}}}value"):
        assert value.text in PURPOSES
    for path in element.findall(f"{{{ns}}}classification/{{{ns}}}taxonPath"):
        assert len(path.findall(f"{{{ns}}}taxon")) == 1
    (rights,) = element.findall(f"{{{ns}}}rights")
    copyright_value = rights.findtext(f"{{{ns}}}copyrightAndOtherRestrictions/{{{ns}}}value")
    assert copyright_value in {"yes", "no"}
    for educational in element.findall(f"{{{ns}}}educational"):
        assert (
            educational.findtext(f"{{{ns}}}learningResourceType/{{{ns}}}value")
            == "IMS Common Cartridge"
        )
    titles = element.findall(f"{{{ns}}}general/{{{ns}}}title/{{{ns}}}string")
    assert titles and all(title.text for title in titles)


def _check_resource_lom(metadata, ns: str) -> None:
    (lom,) = list(metadata)
    assert lom.tag == f"{{{ns}}}lom"
    # The resource profile keeps only Educational: one context, then end-user roles.
    assert [local(child) for child in lom] == ["educational"]
    (educational,) = list(lom)
    tags = [local(child) for child in educational]
    assert tags[0] == "context" and set(tags[1:]) == {"intendedEndUserRole"}
    assert educational.findtext(f"{{{ns}}}context/{{{ns}}}source") == "LOMv1.0"
    assert educational.findtext(f"{{{ns}}}context/{{{ns}}}value") in CONTEXTS
    for role in educational.findall(f"{{{ns}}}intendedEndUserRole"):
        assert role.findtext(f"{{{ns}}}source") == "IMSGLC_CC_Rolesv1p1"
        assert role.findtext(f"{{{ns}}}value") in END_USER_ROLES


def _check_weblink(data: bytes, version) -> None:
    link = ElementTree.fromstring(data)  # noqa: S314 - our own
    ns = f"{{{version.weblink}}}"
    assert link.tag == f"{ns}webLink"
    assert [local(child) for child in link] == ["title", "url"]
    assert link.findtext(f"{ns}title")
    url = link.find(f"{ns}url")
    assert url.get("href").startswith("http") and url.get("target") in {"_self", "_blank"}
