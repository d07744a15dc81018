"""Findable and citable (issue 12, part 7): the stable link /r/<id>, the canonical link in
citations and exports, and FAIR Signposting on record pages."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from resource_hub.core.vocabularies import Licence
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.selectors import record_stable_url
from resource_hub.records.services import record_unpublish

from .record_page_helpers import full_record

BASE = "https://hub.example.org"


def page_url(record, language):
    with translation.override(language):
        return record.get_url()


def stable_path(record) -> str:
    return f"/r/{record.pk}"


# --- /r/<id> ----------------------------------------------------------------------


def test_the_stable_url_is_r_and_the_id_under_the_site_base_url(settings, world):
    settings.SITE_BASE_URL = BASE
    record = full_record(world, release=False)

    assert record_stable_url(record) == f"{BASE}/r/{record.pk}"
    assert record_stable_url(record.pk) == f"{BASE}/r/{record.pk}"
    assert reverse("record_stable", args=[record.pk]) == f"/r/{record.pk}"


@pytest.mark.parametrize(
    ("accept", "language"),
    [("en", "en"), ("zh-CN,zh;q=0.9,en;q=0.5", "zh-hans"), ("th,en;q=0.5", "th"), ("", "en")],
)
def test_the_stable_url_redirects_to_the_page_in_the_visitors_language(
    client, world, postgres_db, accept, language
):
    record = full_record(world)

    response = client.get(stable_path(record), HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == page_url(record, language)
    assert response["Location"].startswith(f"/{language}/")
    # Caches keep one answer per language and per visitor (the cookie may choose it).
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert client.get(response["Location"]).status_code == 200


def test_link_checkers_may_ask_with_head(client, world, postgres_db):
    record = full_record(world)

    stable = client.head(stable_path(record), HTTP_ACCEPT_LANGUAGE="th")
    export = client.head(reverse("record_exports:export", args=[record.pk, "ris"]))

    assert stable.status_code == 302 and stable["Location"] == page_url(record, "th")
    assert export.status_code == 200
    assert client.post(stable_path(record)).status_code == 405


def test_the_language_cookie_wins_over_accept_language(client, world, postgres_db, settings):
    record = full_record(world)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"

    response = client.get(stable_path(record), HTTP_ACCEPT_LANGUAGE="th")

    assert response["Location"] == page_url(record, "vi")


def test_the_stable_url_follows_the_page_when_its_address_changes(client, world, postgres_db):
    record = full_record(world)
    old = page_url(record, "en")
    record.slug = "rice-cultivation"
    record.save_revision().publish()
    record.refresh_from_db()

    response = client.get(stable_path(record), HTTP_ACCEPT_LANGUAGE="en")

    assert response["Location"] == page_url(record, "en") != old
    assert response["Location"].endswith("/rice-cultivation/")


def test_a_restricted_record_asks_an_anonymous_visitor_to_sign_in_and_comes_back_here(
    client, world, postgres_db
):
    record = full_record(world, access_level=AccessLevel.REGISTERED)

    response = client.get(stable_path(record), HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(record.url)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next=/r/{record.pk}"
    # The page itself answers the same, naming its own address to come back to.
    assert page["Location"].startswith("/en/accounts/login/?next=/en/institutions/")
    client.force_login(world.teacher_b)
    assert client.get(response["Location"].split("next=")[1])["Location"] == record.url


def test_a_members_only_record_refuses_a_signed_in_outsider_with_403(client, world, postgres_db):
    record = full_record(world, access_level=AccessLevel.INSTITUTION)
    client.force_login(world.teacher_b)

    response = client.get(stable_path(record))

    assert response.status_code == 403
    assert client.get(record.url).status_code == 403  # as the page
    assert record.slug not in response.content.decode()
    client.force_login(world.member_a)
    assert client.get(stable_path(record))["Location"] == page_url(record, "en")


def test_a_members_only_record_asks_an_anonymous_visitor_to_sign_in(client, world, postgres_db):
    record = full_record(world, access_level=AccessLevel.INSTITUTION)

    response = client.get(stable_path(record), HTTP_ACCEPT_LANGUAGE="th")

    assert response.status_code == 302
    assert response["Location"] == f"/th/accounts/login/?next=/r/{record.pk}"


def test_a_password_protected_record_shows_the_password_form_and_then_the_page(
    client, world, postgres_db
):
    record = full_record(world)
    restriction = PageViewRestriction.objects.create(
        page=record, restriction_type=PageViewRestriction.PASSWORD, password="rice"
    )

    form = client.get(stable_path(record))
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, record.pk])
    passed = client.post(action, {"password": "rice", "return_url": stable_path(record)})

    assert form.status_code == 200
    assert f'action="{action}"' in form.content.decode()
    assert f'value="{stable_path(record)}"' in form.content.decode()
    assert record.slug not in form.content.decode()
    assert passed["Location"] == stable_path(record)
    assert client.get(stable_path(record))["Location"] == page_url(record, "en")


def test_drafts_unreleased_and_unknown_records_are_not_found(client, world, postgres_db):
    draft = full_record(world, release=False, title="Secret draft")
    unpublished = full_record(world, title="Taken down")
    record_unpublish(user=world.editor_a, record=unpublished)

    anonymous = [client.get(stable_path(record)) for record in (draft, unpublished)]
    client.force_login(world.teacher_a)  # the author: the public page is a 404 for them too
    author = [client.get(stable_path(record)) for record in (draft, unpublished)]
    unknown = client.get(f"/r/{unpublished.pk + 1000}")

    assert [response.status_code for response in anonymous + author] == [404] * 4
    assert unknown.status_code == 404
    assert all(b"Secret" not in response.content for response in anonymous + author)


@pytest.mark.parametrize(
    "key",
    ["abc", "²", "١٢", "007", "0", "-1", "1.0", "12/", "12/x", "9" * 40, str(2**31), " 12", "%00"],
)
def test_hostile_ids_are_not_found(client, world, postgres_db, key):
    full_record(world)  # some record exists; the odd key must not reach it

    response = client.get(f"/r/{key}")

    assert response.status_code == 404
    assert "Location" not in response


# --- FAIR Signposting ---------------------------------------------------------------


def links_of(response) -> list[str]:
    return response["Link"].split(", ") if "Link" in response else []


def test_a_public_record_page_signposts_identifier_metadata_files_licence_authors_and_type(
    client, world, postgres_db, settings, s3_storage
):
    settings.SITE_BASE_URL = BASE
    record = full_record(world, files=[("lesson.pdf", b"%PDF-1.4 tiny")])
    document = record.files.get().document
    exports = f"{BASE}/records/{record.pk}/export"
    download = f"{BASE}/files/{document.pk}/download?record={record.pk}"  # counted for it
    CSL = "application/vnd.citationstyles.csl+json"

    response = client.get(record.url)

    assert response.status_code == 200
    assert links_of(response) == [
        f'<{BASE}/r/{record.pk}> ; rel="cite-as"',
        f'<{exports}/bibtex> ; rel="describedby" ; type="application/x-bibtex"',
        f'<{exports}/ris> ; rel="describedby" ; type="application/x-research-info-systems"',
        f'<{exports}/csl-json> ; rel="describedby" ; type="{CSL}"',
        f'<{exports}/dc-xml> ; rel="describedby" ; type="application/xml"',
        f'<{download}> ; rel="item" ; type="application/pdf"',
        '<https://creativecommons.org/licenses/by/4.0/> ; rel="license"',
        '<https://orcid.org/0000-0002-1825-0097> ; rel="author"',  # the only creator with one
        '<https://schema.org/LearningResource> ; rel="type"',
        '<https://schema.org/AboutPage> ; rel="type"',
    ]
    # Every signposted address answers.
    assert client.get(f"/r/{record.pk}").status_code == 302
    assert client.get(f"/records/{record.pk}/export/ris").status_code == 200


def test_an_achievement_without_licence_url_or_orcid_signposts_its_schema_type(
    client, world, postgres_db
):
    paper = full_record(
        world,
        record_class=AchievementPage,
        kind="achievement",
        creators=[{"name": "Somchai Jaidee"}],
        licence=Licence.objects.get(code="LicenseRef-All-Rights-Reserved"),
    )

    links = links_of(client.get(paper.url))

    assert '<https://schema.org/ScholarlyArticle> ; rel="type"' in links
    assert not [link for link in links if 'rel="license"' in link or 'rel="author"' in link]
    assert not [link for link in links if 'rel="item"' in link]  # no files


def test_a_members_only_record_signposts_its_files_to_members_only(
    client, world, postgres_db, s3_storage
):
    record = full_record(
        world, access_level=AccessLevel.INSTITUTION, files=[("exam.txt", b"Answers\n")]
    )
    document = record.files.get().document

    anonymous = client.get(record.url)
    client.force_login(world.teacher_b)
    outsider = client.get(record.url)
    client.force_login(world.member_a)
    member = client.get(record.url)

    assert anonymous.status_code == 302 and "Link" not in anonymous
    assert outsider.status_code == 403 and "Link" not in outsider
    download = f"/files/{document.pk}/download?record={record.pk}"
    (item,) = [link for link in links_of(member) if 'rel="item"' in link]
    assert item.endswith(f'{download}> ; rel="item" ; type="text/plain"')
    # The policy agrees: the member may download what the header names, the outsider may not.
    fetched = client.get(download)
    assert fetched.status_code in (200, 302)  # the file, or a signed address of it
    assert "/accounts/login/" not in fetched.get("Location", "")
    client.force_login(world.teacher_b)
    assert client.get(download).status_code == 403


def test_no_signposts_where_the_page_is_not_served(client, world, postgres_db):
    draft = full_record(world, release=False)
    protected = full_record(world)
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="rice"
    )

    responses = [client.get(draft.url), client.get(protected.url), client.get(f"/r/{protected.pk}")]

    assert [response.status_code for response in responses] == [404, 200, 200]  # password forms
    assert not [response for response in responses if "Link" in response]
