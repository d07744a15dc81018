"""Every address the site answers, public and admin, answers hostile values without a 5xx.

The routes are read from the URL configuration when the test runs, so a view
added later (ours, or Wagtail's after an upgrade) is swept without anyone
listing it. Each route is filled with a real id, an id that does not exist,
a number too big for the database, and text with a NUL byte, and asked with
no query string and with hostile values in the parameters views read (page
numbers, ids, cursors, search text); by an anonymous visitor, a teacher, an
institution editor and a superuser, on the real services. A 400 or a 404 is
an answer; a 500 is a defect (issue 11's rule). What it found when it was
written, all in Wagtail's admin and now answered by core/admin_guard.py: a
NUL in a snippet's text key or a task type's name (500s), and a GET of the
admin's sign-out that deleted the session cookie (the check after the sweep).

`make sweep` runs it wider (`RH_SWEEP=full`): each hostile parameter also on
its own, so one refused early does not hide the others.
"""

import functools
import os
import re
import traceback
from dataclasses import dataclass, field
from itertools import product
from urllib.parse import unquote

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern, RoutePattern

FULL = os.environ.get("RH_SWEEP") == "full"

#: Wagtail's page for trying out the admin's error page: a 500 on purpose.
ON_PURPOSE = {"wagtailadmin_error_test"}

#: Real values for text slots by name, so their views are reached and not only refused.
#: Slots of one route vary one at a time around the first value of each.
TEXT = {
    "app_label": ["wagtailcore"],
    "app_name": ["wagtailcore"],
    "model_name": ["page"],
    "content_type_app_name": ["records"],
    "content_type_model_name": ["recordpage"],
    "action": ["delete", "publish"],
    "action_name": ["approve", "reject"],
    "export_format": ["bibtex", "dc-xml"],
    "section": ["records", "institutions"],
    "filter_spec": ["fill-100x100"],
    "name": ["subjects", "countries"],
    "pk": ["CN", "CC-BY-4.0"],  # the snippets' text keys: a country, a licence
}
HUGE = "9" * 20  # past PostgreSQL's bigint
NUL = "%00"  # percent-encoded: the view receives a real NUL
HOSTILE_QUERIES = [
    "p=%00&page=%00&q=%00&id=%00&cursor=%00&sort=%00&ordering=%00&tag=%00&locale=%00"
    "&collection_id=%00&parent_page_id=%00&next=%00&format=%00&record=%00&lang=%00",
    f"p=1e9&page={HUGE}&id=abc&cursor=!!!&ordering=-nonexistent&collection_id=abc"
    f"&parent_page_id={HUGE}&page_size={HUGE}&record=abc&format=xml&q=%E2%80%AE",
]


@dataclass
class Sweep:
    requests: int = 0
    routes: int = 0
    unfilled: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _routes():
    """(the patterns from the root down, the URLPattern) for every route there is."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                yield (*prefix, pattern.pattern), pattern
            elif isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, (*prefix, pattern.pattern))

    yield from walk(get_resolver().url_patterns, ())


_GROUP = re.compile(r"\((\?P<\w+>)?((?:[^()\\]|\\.|\([^()]*\))*)\)")


def _fill_regex(regex: str, number: str) -> str:
    """A path matching a regular-expression route, its groups filled with plausible values."""

    def group(match):
        body = match.group(2)
        first = body.split("|")[0]
        if first == r"\d+":
            return number
        if re.fullmatch(r"[\w-]+", first):
            return first
        return "x/" if body.endswith(")*") else "x"

    text = _GROUP.sub(group, regex.lstrip("^").rstrip("$"))
    return text.replace(r"\.", ".").replace(r"\-", "-").replace(".*", "x").replace("^", "")


def _paths(parts, ids: dict[str, str]) -> list[str]:
    """Concrete paths for one route: each slot filled in turn with a real value, an id
    that does not exist, a number too big, and text with a NUL."""
    slots = []  # (template piece, [values]) in order
    template = ""
    for part in parts:
        if isinstance(part, RoutePattern):
            text = str(part)
            for name, converter in part.converters.items():
                kind = type(converter).__name__
                if kind == "IntConverter":
                    real = next((v for k, v in ids.items() if k in name), ids["default"])
                    values = [real, "999999999", HUGE]
                elif kind in ("UUIDConverter", "UUIDStrConverter"):
                    values = ["00000000-0000-4000-8000-000000000000"]
                elif kind == "PathConverter":
                    values = ["a/b.txt", f"a/{NUL}"]
                else:
                    values = [*TEXT.get(name, ()), "x", NUL, "a" * 300]
                marker = f"\x01{len(slots)}\x01"
                text = re.sub(rf"<\w+:{name}>|<{name}>", marker, text, count=1)
                slots.append(values)
            template += text
        elif isinstance(part, RegexPattern):
            template += _fill_regex(str(part), ids["default"])
        else:  # the language prefix
            template += str(part)
    if not slots:
        return [template]
    # Each slot's values in turn, the others real: len(values) paths, not their product
    # (five slots of three to six values each would be thousands of paths).
    combos = [
        tuple(values[0] if i != j else value for j, values in enumerate(slots))
        for i, values in enumerate(slots)
        for value in values
    ]
    combos = list(dict.fromkeys(combos))
    paths = []
    for combo in combos:
        path = template
        for i, value in enumerate(combo):
            path = path.replace(f"\x01{i}\x01", value)
        paths.append(path)
    return paths


def _queries() -> list[str]:
    if not FULL:
        return ["", *HOSTILE_QUERIES]
    single = sorted({pair for query in HOSTILE_QUERIES for pair in query.split("&")})
    return ["", *HOSTILE_QUERIES, *single]


@pytest.fixture
def clients(world):
    signed_in = {}
    for name, user in (
        ("teacher", world.teacher_a),
        ("editor", world.editor_a),
        ("superuser", world.admin),
    ):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        signed_in[name] = client
    return {"anonymous": Client(raise_request_exception=False), **signed_in}


def test_no_address_answers_a_hostile_value_with_a_server_error(
    world, released_with_file, clients, settings
):
    settings.DEBUG = False
    record, document = released_with_file()
    ids = {
        "document": str(document.pk),
        "user": str(world.teacher_a.pk),
        "collection": str(world.inst_a.collection.pk),
        "default": str(record.pk),
    }
    errors: list[str] = []

    def keep(sender, request=None, **kwargs):
        errors.append(traceback.format_exc().strip().splitlines()[-1])

    got_request_exception.connect(keep)
    sweep = Sweep()
    try:
        for parts, pattern in _routes():
            if pattern.name in ON_PURPOSE:
                continue
            route = functools.reduce(URLResolver._join_route, map(str, parts))  # as Django joins
            paths = [path for path in _paths(parts, ids) if _resolves_to(path, route)]
            if not paths:
                sweep.unfilled.append(route)
                continue
            sweep.routes += 1
            for path, query, (who, client) in product(paths, _queries(), clients.items()):
                url = f"/{path}" + (f"?{query}" if query else "")
                errors.clear()
                with transaction.atomic():  # whatever a GET changes goes
                    status = client.get(url).status_code
                    transaction.set_rollback(True)
                sweep.requests += 1
                if status >= 500:
                    cause = errors[-1] if errors else "no exception"
                    sweep.failures.append(f"{status} {who} {url[:160]}: {cause[:200]}")
    finally:
        got_request_exception.disconnect(keep)

    print(f"{sweep.requests} requests over {sweep.routes} routes; no path for {sweep.unfilled}")
    # No GET signed anyone out half-way (sign-outs take a POST), so every signed-in
    # request above was made signed in.
    for who, client in clients.items():
        assert who == "anonymous" or SESSION_KEY in client.session, who
    assert not sweep.failures, "\n".join(sweep.failures[:40])
    # The sweep reached the site: every route but a few regular expressions got a path.
    assert sweep.routes >= 350, sweep.routes
    assert len(sweep.unfilled) <= 3, sweep.unfilled


def _resolves_to(path: str, route: str) -> bool:
    """Does `path` reach this route? (A route shadowed by an earlier one with the same
    address, as django-ninja's per-method routes are, is reached by that one's view.)"""
    try:
        return resolve("/" + unquote(path)).route == route
    except Resolver404:
        return False


def test_the_paths_fill_every_kind_of_slot():
    """The filler itself: ints, text and Wagtail's regular expressions become real paths."""
    ids = {"document": "7", "default": "3"}
    route = [RoutePattern("files/<int:document_id>/download")]
    assert _paths(route, ids) == [
        "files/7/download",
        "files/999999999/download",
        f"files/{HUGE}/download",
    ]
    compare = (
        r"^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)"
        r"\.\.\.(?P<revision_id_b>live|latest|\d+)/$"
    )
    assert _fill_regex(compare, "3") == "3/revisions/compare/live...live/"
    assert _fill_regex(r"^((?:[\w\-]+/)*)$", "3") == "x/"
    assert _fill_regex(r"^(\d+)/(.*)$", "3") == "3/x"
