"""FAIR Signposting: typed links in a record page's HTTP `Link` header.

A harvester or a reference manager that lands on a record page learns, from
the headers alone, the record's lasting address (`cite-as`), its metadata in
each export format (`describedby`), its files (`item`), licence, authors'
ORCID iDs and type, as Zenodo's record pages do. Level 1 of
https://signposting.org/FAIR/; the link relations are RFC 8288's registry.

Files are named only to a viewer who may download them: the access policy
lets whoever may open a released record download its files
(`access.documents.can_download`), so it is asked once, whether this viewer
may open this record, rather than once a file, which would cost two queries
a file (`test_record_page_queries_do_not_grow_with_files_and_creators`).
The header is sent only on the page Wagtail serves to a viewer who may open
it (`RecordPage.serve`).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.encoding import iri_to_uri

from resource_hub.access.records import can_view_released
from resource_hub.core.site_address import absolute_url

from .exports import FORMATS
from .linked_data import SCHEMA, schema_type


@dataclass(frozen=True)
class Signpost:
    href: str
    rel: str
    type: str = ""  # the media type of what `href` answers, when known

    def __str__(self) -> str:
        link = f'<{iri_to_uri(self.href)}> ; rel="{self.rel}"'
        if self.type:
            link += f' ; type="{_quoted(self.type)}"'
        return link


def _quoted(value: str) -> str:
    """A quoted-string's content (RFC 9110): backslash-escaped, without control characters."""
    value = "".join(char for char in value if char.isprintable())
    return value.replace("\\", "\\\\").replace('"', '\\"')


def record_signposts(record, *, request, context: dict) -> list[Signpost]:
    """The record page's signposts, from the page's context (creators, files, stable_url)."""
    signposts = [Signpost(context["stable_url"], "cite-as")]
    for name, fmt in FORMATS.items():
        export = reverse("record_exports:export", args=[record.pk, name])
        signposts.append(Signpost(absolute_url(export), "describedby", fmt.content_type))
    files = context["files"] if can_view_released(request, record) else []
    for item in files:
        # Named with its record, so the download counts for it (usage statistics).
        download = f"{reverse('files:download', args=[item.document_id])}?record={record.pk}"
        signposts.append(Signpost(absolute_url(download), "item", item.document.mime_type))
    if record.licence.url:
        signposts.append(Signpost(record.licence.url, "license"))
    signposts += [
        Signpost(f"https://orcid.org/{creator.orcid}", "author")
        for creator in context["creators"]
        if creator.orcid
    ]
    signposts.append(Signpost(SCHEMA + schema_type(record), "type"))
    signposts.append(Signpost(SCHEMA + "AboutPage", "type"))
    return signposts


def link_header(signposts: list[Signpost]) -> str:
    """The value of the `Link` header: the links, comma-separated (RFC 8288)."""
    return ", ".join(str(signpost) for signpost in signposts)
