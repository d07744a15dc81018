"""What search engines and link previews read about a record: schema.org JSON-LD and Open Graph.

Files and thumbnails are described only when the record is public: a link
preview or a crawler must never learn of a members-only file. Every address
starts with SITE_BASE_URL, like the page's own (Wagtail's Site), whichever
host name the request came in on.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale

from resource_hub.core.site_address import absolute_url

SCHEMA = "https://schema.org/"

# Inside <script>, "</script>" or "<!--" in a title must not end the element:
# the same escapes as Django's json_script.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# Open Graph wants language_TERRITORY; the site's languages, with their usual territory.
_OG_LOCALES = {
    "en": "en_US",
    "zh-hans": "zh_CN",
    "th": "th_TH",
    "vi": "vi_VN",
    "id": "id_ID",
    "ms": "ms_MY",
    "km": "km_KH",
    "my": "my_MM",
}


def schema_type(record) -> str:
    """LearningResource for materials; for achievements the schema.org type of their kind."""
    if record.resource_type.applies_to == "material":
        return "LearningResource"
    uri = record.resource_type.uri or ""
    if uri.startswith(SCHEMA) and uri != SCHEMA + "SoftwareSourceCode":
        return uri.removeprefix(SCHEMA)  # ScholarlyArticle, Report, Dataset
    return "CreativeWork"


def _organisation(page, request) -> dict:
    return {"@type": "Organization", "name": page.title, "url": page.get_full_url(request)}


def _person(creator) -> dict:
    person = {"@type": "Person", "name": creator.name}
    if creator.orcid:
        person["@id"] = person["sameAs"] = f"https://orcid.org/{creator.orcid}"
    if creator.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": creator.affiliation}
    return person


def _media(item) -> dict:
    document = item.document
    media = {
        "@type": "MediaObject",
        "name": item.label or document.title,
        # Named with its record, so the download counts for it (usage statistics).
        "contentUrl": absolute_url(
            f"{reverse('files:download', args=[document.pk])}?record={item.record_id}"
        ),
        "encodingFormat": document.mime_type,
    }
    if document.size:
        media["contentSize"] = f"{document.size} B"
    return media


def record_json_ld(record, *, request, context: dict) -> dict:
    """The schema.org description of a record, from the record page's context."""
    data = {
        "@context": "https://schema.org",
        "@type": schema_type(record),
        "@id": context["stable_url"],  # the record, whatever its page's address or language
        "url": context["canonical_url"],
        "name": record.title,
        "description": record.abstract,
        "inLanguage": record.language_id,
        "author": [_person(creator) for creator in context["creators"]],
        "keywords": ", ".join(keyword.name for keyword in context["keywords"]),
        "license": record.licence.url or None,
        "dateCreated": str(record.year),
    }
    if context["translations"]:
        data["alternateName"] = [translation.title for translation in context["translations"]]
    institution = context.get("institution")
    if institution is not None:
        data["publisher"] = data["sourceOrganization"] = _organisation(institution, request)
    if context["partners"]:
        data["contributor"] = [_organisation(partner, request) for partner in context["partners"]]
    if record.first_published_at:
        data["datePublished"] = record.first_published_at.date().isoformat()
    if getattr(record, "achievement_date", None):
        data["datePublished"] = record.achievement_date.isoformat()
    if getattr(record, "doi", ""):
        data["identifier"] = f"https://doi.org/{record.doi}"
        data["sameAs"] = data["identifier"]
    if context["levels"]:
        data["educationalLevel"] = [level.name_en for level in context["levels"]]
    if record.subject_id:
        data["about"] = {"@type": "Thing", "name": record.subject.name_en}
    if record.resource_type.applies_to == "material":
        data["learningResourceType"] = (
            record.resource_type.lrmi_term or record.resource_type.name_en
        )
    if context["is_public"] and context["files"]:
        data["associatedMedia"] = [_media(item) for item in context["files"]]
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def json_ld_script(data: dict) -> str:
    """A <script type="application/ld+json"> element, safe whatever the record's text holds."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def open_graph(record, *, request, context: dict) -> list[tuple[str, str]]:
    """(property, content) pairs; og:image only for a public record with a thumbnail."""
    language = get_language() or "en"
    tags = [
        ("og:type", "article"),
        ("og:title", context["shown"]["title"]),
        ("og:url", context["canonical_url"]),
        ("og:description", Truncator(strip_tags(context["shown"]["abstract"])).chars(200)),
        ("og:locale", _OG_LOCALES.get(language, to_locale(language))),
    ]
    if context.get("institution") is not None:
        tags.append(("og:site_name", context["institution"].title))
    if context["is_public"]:
        thumbnail = next((item for item in context["files"] if item.document.thumbnail), None)
        if thumbnail is not None:
            path = reverse("files:thumbnail", args=[thumbnail.document_id])
            tags.append(("og:image", absolute_url(path)))
    return tags
