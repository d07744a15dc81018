"""/oai: read the request (GET or POST), check its arguments, answer in XML.

Every answer is HTTP 200 with an OAI-PMH document; errors are `<error>`
elements as the protocol says (section 3.6), never another status.
"""

import re
from functools import partial
from xml.etree.ElementTree import Element, SubElement

from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from resource_hub.core.xml import xml_text
from resource_hub.records.exports import DC, OAI_DC

from . import verbs
from .errors import OAIError, bad_argument
from .formats.datacite import DATACITE
from .formats.lom import LOM
from .verbs import OAI, XSI

#: The prefixes of an answer (core/xml.py: no other document changes them).
PREFIXES = {OAI: "", XSI: "xsi", OAI_DC: "oai_dc", DC: "dc", DATACITE: "datacite", LOM: "lom"}

#: verb -> (required, optional, exclusive) arguments
ARGUMENTS = {
    "Identify": (set(), set(), None),
    "ListMetadataFormats": (set(), {"identifier"}, None),
    "ListSets": (set(), set(), "resumptionToken"),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), None),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
}
#: The protocol's syntax for these arguments (OAI-PMH.xsd: setSpecType, metadataPrefixType).
#: A well-formed set that does not exist matches no records; an ill-formed one is a bad argument.
_CHARACTER = r"[A-Za-z0-9\-_.!~*'()]"
_SYNTAX = {
    "set": re.compile(rf"{_CHARACTER}+(?::{_CHARACTER}+)*"),
    "metadataPrefix": re.compile(rf"{_CHARACTER}+"),
}
VERBS = {
    "Identify": verbs.identify,
    "ListMetadataFormats": verbs.list_metadata_formats,
    "ListSets": verbs.list_sets,
    "GetRecord": verbs.get_record,
    "ListIdentifiers": partial(verbs.list_items, with_metadata=False),
    "ListRecords": partial(verbs.list_items, with_metadata=True),
}


def _arguments(query) -> tuple[str, dict]:
    """The verb and its arguments, or an OAIError (badVerb, badArgument)."""
    verb_values = query.getlist("verb")
    if len(verb_values) != 1 or verb_values[0] not in ARGUMENTS:
        raise OAIError("badVerb", _("The verb is missing, repeated or not an OAI-PMH verb."))
    verb = verb_values[0]
    args = {}
    for key in query:
        if key == "verb":
            continue
        values = query.getlist(key)
        if len(values) != 1:
            raise bad_argument(_("An argument is repeated."))
        if "\x00" in key or "\x00" in values[0]:  # the database refuses NUL in text
            raise bad_argument(_("An argument holds a character that is not allowed."))
        args[key] = values[0]
    for key, pattern in _SYNTAX.items():
        if key in args and not pattern.fullmatch(args[key]):
            raise bad_argument(_("The %(argument)s is not well formed.") % {"argument": key})
    required, optional, exclusive = ARGUMENTS[verb]
    if exclusive and exclusive in args:
        if len(args) != 1:
            raise bad_argument(_("The resumptionToken must be the only argument."))
        return verb, args
    if set(args) - required - optional:
        raise bad_argument(_("The request has an illegal argument."))
    if required - set(args):
        raise bad_argument(_("The request lacks a required argument."))
    return verb, args


@csrf_exempt
def oai_pmh(request):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    query = request.GET if request.method == "GET" else request.POST
    root = Element(
        f"{{{OAI}}}OAI-PMH",
        {f"{{{XSI}}}schemaLocation": f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"},
    )
    SubElement(root, f"{{{OAI}}}responseDate").text = verbs.utc(timezone.now())
    request_element = SubElement(root, f"{{{OAI}}}request")
    request_element.text = verbs.base_url()
    try:
        verb, args = _arguments(query)
        # Only a request without badVerb/badArgument is echoed in attributes (section 3.2).
        request_element.attrib.update({"verb": verb, **args})
        root.append(VERBS[verb](args))
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()
        SubElement(root, f"{{{OAI}}}error", {"code": error.code}).text = error.message
    body = xml_text(root, PREFIXES, declaration=False)
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + body,
        content_type="text/xml; charset=utf-8",
    )
