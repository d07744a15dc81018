"""What a "Download all files" ZIP holds besides the files, as pure functions of a Bundle.

- `manifest.json`: each record's metadata and its files (name, size,
  SHA-256 and path in the archive), so a script can check what it received;
- `CITATION.txt`: how to cite each record (APA 7 and GB/T 7714-2015, from
  records/citation.py, the same references the record page shows);
- `LICENSES.txt`: each licence once (SPDX id, name, official text's address)
  and the records under it.
"""

import json
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from resource_hub.records.citation import apa, gbt7714

from .contents import Bundle, BundleRecord
from .streaming import Member

MANIFEST = "manifest.json"
CITATION = "CITATION.txt"
LICENSES = "LICENSES.txt"
MANIFEST_VERSION = 1


def zip_members(bundle: Bundle, sizes: dict[str, int]) -> list[Member]:
    """The archive's members: the texts first (small, and read first by people), then the files.

    `sizes` are the stored objects' sizes as the store reported them (`check_objects`).
    """
    accessed = timezone.localdate()
    members = [
        Member(MANIFEST, *_sized(manifest_json(bundle, sizes))),
        Member(CITATION, *_sized(citation_text(bundle, accessed=accessed))),
        Member(LICENSES, *_sized(licences_text(bundle))),
    ]
    members += [Member(file.path, sizes[file.name], name=file.name) for file in bundle.files]
    return members


def _sized(text: str) -> tuple[int, bytes]:
    data = text.encode("utf-8")
    return len(data), data


def record_metadata(entry: BundleRecord, sizes: dict[str, int]) -> dict:
    record, work = entry.record, entry.work
    titles = [{"language": record.language_id, "text": record.title, "original": True}]
    titles += [
        {"language": t.language_id, "text": t.title, "original": False}
        for t in entry.translations
        if t.title
    ]
    return {
        "id": record.pk,
        "title": record.title,
        "titles": titles,
        "abstract": record.abstract,
        "creators": [
            {
                "name": creator.name,
                "orcid": creator.orcid or None,
                "affiliation": creator.affiliation or None,
                "role": creator.role,
            }
            for creator in entry.creators
        ],
        "institution": work.publisher,
        "year": record.year,
        "type": record.resource_type_id,
        "language": record.language_id,
        "subject": record.subject_id,
        "keywords": work.keywords,
        "doi": work.doi or None,
        "licence": {
            "id": record.licence_id,
            "name": record.licence.name_en,
            "url": record.licence.url or None,
        },
        "url": entry.stable_url,
        "files": [
            {
                "name": file.filename,
                "title": file.title,
                "label": file.label or None,
                "media_type": file.mime_type or None,
                "size": sizes[file.name],
                "sha256": file.sha256 or None,
                "path": file.path,
            }
            for file in entry.files
        ],
    }


def manifest_json(bundle: Bundle, sizes: dict[str, int]) -> str:
    document = {
        "manifest_version": MANIFEST_VERSION,
        "kind": bundle.kind,
        "id": bundle.object_id,
        "title": bundle.title,
        "url": bundle.url,
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "records": [record_metadata(entry, sizes) for entry in bundle.records],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def citation_text(bundle: Bundle, *, accessed: date) -> str:
    lines = [_("How to cite the records in this download"), ""]
    for entry in bundle.records:
        lines += [
            f"[{entry.record.pk}] {entry.record.title}",
            f"APA 7: {apa(entry.work)}",
            f"GB/T 7714-2015: {gbt7714(entry.work, accessed=accessed)}",
            "",
        ]
    # CRLF: Notepad on older Windows shows LF-only files as one line.
    return "\r\n".join(lines) + "\r\n"


def licences_text(bundle: Bundle) -> str:
    lines = [
        _("Licences of the records in this download"),
        _("Each file may be reused under the licence of the record it belongs to."),
        "",
    ]
    for licence in bundle.licences:
        lines.append(f"{licence.code}: {licence.name_en}")
        if licence.url:
            lines.append(_("Full text: %(url)s") % {"url": licence.url})
        lines.append(_("Records under this licence:"))
        lines += [
            f"  [{entry.record.pk}] {entry.record.title}"
            for entry in bundle.records
            if entry.record.licence_id == licence.code
        ]
        lines.append("")
    return "\r\n".join(lines) + "\r\n"
