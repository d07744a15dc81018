"""Content-Security-Policy on every kind of HTML page (settings/security.py): a nonce
for the public site and no inline code without it, no framing, the object store's
origin where the browser reaches it. The browser tests (tests/e2e) prove the pages
work under it."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from resource_hub.core.security_policy import object_store_origins
from resource_hub.files.services import document_create
from resource_hub.records.services import record_release

S3_ENDPOINT = "https://store.example.org:9443"


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


@pytest.fixture
def public_pages(world, make_record):
    record = make_record(title="Rice terraces")
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()
    return {
        "home": world.inst_a.get_parent().get_parent().url,
        "search": reverse("search") + "?q=rice",
        "record": record.url,
        "institution": world.inst_a.url,
        "browse": reverse("browse_institutions"),
        "sign-in": reverse("login"),
        "not found": "/en/no-such-page/",
    }


@pytest.fixture
def desk_pages(world):
    return [reverse("desk:submissions"), reverse("desk:record-new"), reverse("desk:review")]


def test_every_public_page_has_a_strict_policy_with_a_nonce(client, public_pages):
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not found" else 200), name
        directives = policy(response)

        for kind in ("script-src", "style-src"):
            sources = directives[kind]
            assert "'self'" in sources, (name, kind)
            assert any(source.startswith("'nonce-") for source in sources), (name, kind)
            assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, name
        assert directives["frame-ancestors"] == ["'none'"], name
        assert directives["form-action"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"], name


def test_the_nonce_is_new_for_every_response_and_is_the_one_on_the_page(client, public_pages):
    first = client.get(public_pages["search"])
    second = client.get(public_pages["search"])

    nonces = [
        next(s for s in policy(r)["script-src"] if s.startswith("'nonce-")) for r in (first, second)
    ]
    assert nonces[0] != nonces[1]
    assert f'nonce="{nonces[0][7:-1]}"' in first.content.decode()


def test_the_desk_pages_have_the_public_policy(world, desk_pages):
    client = Client()
    client.force_login(world.editor_a)
    for url in desk_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert "'unsafe-inline'" not in directives["script-src"], url
        assert any(source.startswith("'nonce-") for source in directives["script-src"]), url
        assert directives["frame-ancestors"] == ["'none'"], url


def test_the_admin_has_its_own_policy_without_eval_or_inline_style(world):
    client = Client()
    client.force_login(world.editor_a)
    for url in (reverse("wagtailadmin_home"), reverse("files_upload")):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)

        # Wagtail's own inline <script>s need 'unsafe-inline' (settings/security.py),
        # which a nonce would switch off: so no nonce here.
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'self'"]  # the page editor's preview
        assert directives["object-src"] == ["'none'"]


def test_a_page_preview_in_the_admin_keeps_the_public_policy_and_may_be_framed_by_us(
    world, make_record
):
    record = make_record(title="Rice terraces")
    client = Client()
    client.force_login(world.editor_a)

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[record.pk]))

    assert response.status_code == 200
    assert "Rice terraces" in response.content.decode()
    directives = policy(response)
    assert any(source.startswith("'nonce-") for source in directives["script-src"])
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]  # the page editor's live preview


def test_connect_src_allows_the_object_store_when_s3_is_configured(client, world, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "resource_hub.files.storage.S3Storage",
            "OPTIONS": {"bucket_name": "hub", "endpoint_url": S3_ENDPOINT},
        },
    }
    admin = Client()
    admin.force_login(world.editor_a)

    for response in (client.get(reverse("search")), admin.get(reverse("files_upload"))):
        directives = policy(response)
        for kind in ("connect-src", "img-src", "media-src", "frame-src"):
            assert directives[kind][0] == "'self'"
            assert S3_ENDPOINT in directives[kind], kind
        assert S3_ENDPOINT not in directives["script-src"]


def test_without_s3_no_other_origin_is_allowed(client, world, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }

    directives = policy(client.get(reverse("search")))

    assert directives["connect-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]


def test_a_preview_may_be_framed_by_our_own_record_page_only(client, world, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="lesson.pdf"),
    )
    client.force_login(world.teacher_a)

    response = client.get(reverse("files:preview", args=[document.pk]))

    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(client.get(reverse("files:download", args=[document.pk])))["frame-ancestors"] == [
        "'none'"
    ]


@pytest.mark.parametrize(
    ("options", "origins"),
    [
        ({}, ()),
        (
            {"bucket_name": "hub", "endpoint_url": "http://127.0.0.1:59000"},
            ("http://127.0.0.1:59000",),
        ),
        (
            {
                "bucket_name": "hub",
                "endpoint_url": "https://s3.example.org",
                "addressing_style": "virtual",
            },
            ("https://hub.s3.example.org",),
        ),
        (
            {
                "bucket_name": "hub",
                "endpoint_url": "http://10.0.0.5:9000",
                "addressing_style": "virtual",
            },
            ("http://10.0.0.5:9000",),
        ),
        (
            {"bucket_name": "hub", "region_name": "ap-southeast-1"},
            ("https://hub.s3.amazonaws.com", "https://hub.s3.ap-southeast-1.amazonaws.com"),
        ),
        (
            {"bucket_name": "hub", "region_name": "us-east-1"},
            ("https://hub.s3.amazonaws.com", "https://hub.s3.us-east-1.amazonaws.com"),
        ),
        (
            {"bucket_name": "hub", "region_name": "eu-west-1", "addressing_style": "path"},
            ("https://s3.amazonaws.com", "https://s3.eu-west-1.amazonaws.com"),
        ),
        (
            {"bucket_name": "files.example.org", "region_name": "eu-west-1"},
            ("https://s3.amazonaws.com", "https://s3.eu-west-1.amazonaws.com"),
        ),
    ],
)
def test_the_object_store_origins_are_where_botocore_signs_urls(options, origins):
    assert object_store_origins(options) == origins
