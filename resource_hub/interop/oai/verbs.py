"""One function per verb; each returns the verb's element or raises an OAIError."""

import re
from datetime import UTC, datetime, timedelta
from xml.etree.ElementTree import Element, SubElement

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from resource_hub.core.site_address import absolute_url, site_address

from . import selectors
from .errors import (
    OAIError,
    bad_argument,
    bad_resumption_token,
    cannot_disseminate,
    id_does_not_exist,
    no_records_match,
)
from .formats import FORMATS
from .tokens import token_dump, token_load

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _el(parent, name, text=None, **attrs):
    element = SubElement(parent, f"{{{OAI}}}{name}", attrs)
    if text is not None:
        element.text = str(text)
    return element


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def base_url() -> str:
    return absolute_url("/oai")


def oai_identifier(record_id: int) -> str:
    return f"oai:{site_address().hostname}:record/{record_id}"


def _record_id(identifier: str) -> int:
    prefix = f"oai:{site_address().hostname}:record/"
    rest = identifier[len(prefix) :] if identifier.startswith(prefix) else ""
    if not rest.isascii() or not rest.isdigit() or len(rest) > 18:
        raise id_does_not_exist(identifier)
    return int(rest)


def _format(prefix: str):
    if prefix not in FORMATS:
        raise cannot_disseminate(prefix)
    return FORMATS[prefix]


def identify(args: dict) -> Element:
    verb = Element(f"{{{OAI}}}Identify")
    earliest = selectors.items().aggregate(first=Min("datestamp"))["first"] or timezone.now()
    _el(verb, "repositoryName", settings.WAGTAIL_SITE_NAME)
    _el(verb, "baseURL", base_url())
    _el(verb, "protocolVersion", "2.0")
    _el(verb, "adminEmail", settings.OAI_ADMIN_EMAIL)
    _el(verb, "earliestDatestamp", utc(earliest))
    _el(verb, "deletedRecord", "persistent")
    _el(verb, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = _el(verb, "description")
    schema = f"{OAI_IDENTIFIER} {OAI_IDENTIFIER}.xsd"
    ident = SubElement(
        description, f"{{{OAI_IDENTIFIER}}}oai-identifier", {f"{{{XSI}}}schemaLocation": schema}
    )
    for name, value in [
        ("scheme", "oai"),
        ("repositoryIdentifier", site_address().hostname),
        ("delimiter", ":"),
        ("sampleIdentifier", oai_identifier(1)),
    ]:
        SubElement(ident, f"{{{OAI_IDENTIFIER}}}{name}").text = value
    return verb


def list_metadata_formats(args: dict) -> Element:
    if "identifier" in args:
        _get(args["identifier"])  # idDoesNotExist; every item has every format
    verb = Element(f"{{{OAI}}}ListMetadataFormats")
    for prefix, metadata_format in FORMATS.items():
        element = _el(verb, "metadataFormat")
        _el(element, "metadataPrefix", prefix)
        _el(element, "schema", metadata_format.schema)
        _el(element, "metadataNamespace", metadata_format.namespace)
    return verb


def list_sets(args: dict) -> Element:
    if "resumptionToken" in args:  # every set fits one answer: we never give a token
        raise bad_resumption_token()
    verb = Element(f"{{{OAI}}}ListSets")
    institutions = list(selectors.public_institutions().order_by("slug"))
    entries = [
        ("type:teaching_resource", _("Teaching resources")),
        ("type:achievement", _("Achievements")),
    ]
    countries = {i.country.code: i.country.name_en for i in institutions}
    entries += [(f"country:{code}", name) for code, name in sorted(countries.items())]
    entries += [(f"institution:{i.slug}", i.title) for i in institutions]
    entries += [
        (
            f"subject:{code}",
            _("ISCED-F 2013 broad field %(code)s: %(name)s") % {"code": code, "name": name},
        )
        for code, name in selectors.subject_sets()
    ]
    entries.append((selectors.OPENAIRE, _("OpenAIRE: released public achievements")))
    for spec, name in entries:
        element = _el(verb, "set")
        _el(element, "setSpec", spec)
        _el(element, "setName", name)
    return verb


def _get(identifier: str):
    item = selectors.items().filter(record_id=_record_id(identifier)).first()
    if item is None:
        raise id_does_not_exist(identifier)
    return item


def get_record(args: dict) -> Element:
    metadata_format = _format(args["metadataPrefix"])
    record = _get(args["identifier"])
    (item,) = selectors.items_of([record], with_metadata=True, render=metadata_format.render)
    verb = Element(f"{{{OAI}}}GetRecord")
    _record(verb, item)
    return verb


def _header(parent, item):
    attrs = {"status": "deleted"} if item.deleted else {}
    header = _el(parent, "header", **attrs)
    _el(header, "identifier", oai_identifier(item.record_id))
    _el(header, "datestamp", utc(item.datestamp))
    for spec in item.sets:
        _el(header, "setSpec", spec)


def _record(parent, item):
    record = _el(parent, "record")
    _header(record, item)
    if not item.deleted:
        _el(record, "metadata").append(item.metadata)


def _datestamp(value: str | None) -> tuple[datetime, str] | None:
    if value is None:
        return None
    try:
        if _DAY.match(value):
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), "day"
        if _SECOND.match(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), "second"
    except ValueError:
        pass
    raise bad_argument(_("Not a datestamp of this repository's granularity: %s") % value)


def _query(state: dict):
    """The items a list asks for, before paging."""
    _format(state["prefix"])
    queryset = selectors.items()
    since, until = _datestamp(state.get("from")), _datestamp(state.get("until"))
    if since and until and (since[1] != until[1] or since[0] > until[0]):
        raise bad_argument(_("from and until differ in granularity, or from is after until."))
    if since:
        queryset = queryset.filter(datestamp__gte=since[0])
    if until:
        step = timedelta(days=1) if until[1] == "day" else timedelta(seconds=1)
        if until[0] < datetime.max.replace(tzinfo=UTC) - step:  # 9999-12-31: no upper bound
            queryset = queryset.filter(datestamp__lt=until[0] + step)
    if state.get("set"):
        in_set = selectors.set_filter(state["set"])
        if in_set is None:
            raise no_records_match()  # an unknown set holds nothing
        queryset = queryset.filter(in_set)
    return queryset


def list_items(args: dict, *, with_metadata: bool) -> Element:
    """ListIdentifiers and ListRecords: one page, keyset on (datestamp, id)."""
    if "resumptionToken" in args:
        state = token_load(args["resumptionToken"])
        if state.get("metadata") != with_metadata:
            raise bad_resumption_token()
    else:
        state = {
            "prefix": args["metadataPrefix"],
            "from": args.get("from"),
            "until": args.get("until"),
            "set": args.get("set"),
            "metadata": with_metadata,
            "cursor": 0,
        }
    try:
        queryset = _query(state)
    except OAIError as error:
        if "resumptionToken" in args:
            raise bad_resumption_token() from error
        raise
    if "size" not in state:
        state["size"] = queryset.count()
    if state.get("after"):
        stamp, last_id = datetime.fromisoformat(state["after"][0]), state["after"][1]
        queryset = queryset.filter(
            Q(datestamp__gt=stamp) | Q(datestamp=stamp, record_id__gt=last_id)
        )
    size = settings.OAI_PAGE_SIZE
    page = list(queryset.order_by("datestamp", "record_id")[: size + 1])
    if not page:
        raise no_records_match()
    more, page = len(page) > size, page[:size]
    render = _format(state["prefix"]).render
    items = selectors.items_of(page, with_metadata=with_metadata, render=render)
    verb = Element(f"{{{OAI}}}{'ListRecords' if with_metadata else 'ListIdentifiers'}")
    for item in items:
        (_record if with_metadata else _header)(verb, item)
    if more or state["cursor"]:
        _resumption(verb, state, page, more)
    return verb


def _resumption(verb, state, page, more):
    attrs = {"completeListSize": str(state["size"]), "cursor": str(state["cursor"])}
    if not more:  # the last page of an incomplete list: an empty token
        _el(verb, "resumptionToken", **attrs)
        return
    last = page[-1]
    following = {
        **state,
        "after": [last.datestamp.isoformat(), last.record_id],
        "cursor": state["cursor"] + len(page),
    }
    token, expires = token_dump(following)
    _el(verb, "resumptionToken", token, expirationDate=utc(expires), **attrs)
