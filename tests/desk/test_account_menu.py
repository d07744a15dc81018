"""The header's account menu, where people land after signing in, and a record's "Edit" link."""

import re

import pytest
from django.urls import reverse

from resource_hub.notifications.account import account_menu
from resource_hub.records.services import record_release, record_submit


def menu_of(html: str) -> str:
    """The account menu's markup, or "" when the header has none."""
    found = re.search(r'<details class="account-menu".*?</details>', html, re.S)
    return found.group(0) if found else ""


@pytest.fixture
def waiting(world, make_record):
    """Two submissions waiting for institution A's editors, one for B's."""
    for title in ["Rice in Yunnan", "Tea in Pu'er"]:
        record_submit(user=world.teacher_a, record=make_record(title=title))
    other = make_record(title="Bangkok canals", author=world.teacher_b, institution=world.inst_b)
    record_submit(user=world.teacher_b, record=other)


def test_a_visitor_sees_sign_in_and_no_menu(world, client):
    html = client.get(reverse("search")).content.decode()
    assert menu_of(html) == ""
    assert 'class="sign-in"' in html


def test_a_teacher_sees_their_links_but_no_review_queue(world, signed_in, waiting):
    html = signed_in(world.teacher_a).get(reverse("search")).content.decode()
    menu = menu_of(html)
    assert menu and 'class="sign-in"' not in html
    assert reverse("desk:submissions") in menu
    assert reverse("desk:membership") in menu
    assert reverse("notifications:settings") in menu
    assert reverse("desk:review") not in menu  # they review nothing: no dead end
    assert "account-count" not in menu
    # Signing out is a POST with a CSRF token, inside the menu.
    form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', menu, re.S)
    assert form.group(1) == reverse("logout")
    assert 'name="csrfmiddlewaretoken"' in form.group(2)


@pytest.mark.parametrize(("editor", "count"), [("editor_a", 2), ("editor_b", 1)])
def test_an_editor_sees_how_many_submissions_wait(world, signed_in, waiting, editor, count):
    html = signed_in(getattr(world, editor)).get(reverse("search")).content.decode()
    menu = menu_of(html)
    review = re.search(r'<a id="account-review" href="([^"]+)">(.*?)</a>', menu, re.S)
    assert review.group(1) == reverse("desk:review")
    assert f'<span class="account-count">{count}</span>' in review.group(2)


def test_an_editor_with_nothing_waiting_still_has_the_queue(world, signed_in):
    menu = menu_of(signed_in(world.editor_a).get(reverse("search")).content.decode())
    assert 'id="account-review"' in menu and '<span class="account-count">0</span>' in menu


def test_the_count_follows_the_queue(world, signed_in, waiting):
    from resource_hub.desk.selectors import review_queue

    record = review_queue(world.editor_a).first()
    record_release(user=world.editor_a, record=record.specific)
    menu = menu_of(signed_in(world.editor_a).get(reverse("search")).content.decode())
    assert '<span class="account-count">1</span>' in menu


@pytest.fixture
def content_types_cached():
    """As on any page after the first: Django caches content types per process."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    ContentType.objects.get_for_model(Page)


def test_the_menu_costs_a_bounded_number_of_queries(
    world, waiting, content_types_cached, django_assert_num_queries
):
    """One query for people who review nothing, three for editors, however long the queue
    and however many reviews are under way at other institutions."""
    with django_assert_num_queries(1):
        teacher = account_menu(world.teacher_a)
    with django_assert_num_queries(3):
        editor = account_menu(world.editor_a)
    assert (teacher.reviews, teacher.waiting) == (False, 0)
    assert (editor.reviews, editor.waiting) == (True, 2)


def test_the_menu_is_looked_up_once_per_page(
    world, waiting, content_types_cached, django_assert_num_queries
):
    """Rendering the header twice (a page that includes it twice) costs nothing more."""
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = world.editor_a
    template = Template("{% load account_tags %}{% account_menu as a %}{% account_menu as b %}")
    with django_assert_num_queries(3):
        template.render(Context({"request": request}))


@pytest.mark.parametrize(
    ("who", "lands_on"), [("editor_a", "desk:review"), ("teacher_a", "desk:submissions")]
)
def test_people_land_where_their_work_is(world, client, who, lands_on):
    user = getattr(world, who)
    response = client.post(reverse("login"), {"username": user.username, "password": "pw"})
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 302 and landing["Location"] == reverse(lands_on)


def test_the_headers_sign_in_link_leads_to_the_landing(world, client):
    html = client.get(reverse("search")).content.decode()
    link = re.search(r'<a class="sign-in" href="([^"]+)">', html).group(1)
    assert link == f"{reverse('login')}?next={reverse('notifications:landing')}"
    form = client.get(link).content.decode()
    assert f'name="next" value="{reverse("notifications:landing")}"' in form
    response = client.post(
        link, {"username": "editor_a", "password": "pw", "next": reverse("notifications:landing")}
    )
    assert client.get(response["Location"])["Location"] == reverse("desk:review")


def test_next_still_wins_over_the_landing(world, client):
    response = client.post(
        reverse("login") + "?next=" + reverse("desk:membership"),
        {"username": "editor_a", "password": "pw"},
    )
    assert response["Location"] == reverse("desk:membership")


def test_a_released_row_keeps_its_withdraw_reason_closed(world, signed_in, make_record):
    record = make_record(title="Released rice", author=world.editor_a)
    record_release(user=world.editor_a, record=record)
    html = signed_in(world.editor_a).get(reverse("desk:submissions")).content.decode()
    row = html[html.index(f'id="desk-submission-{record.pk}"') :]
    row = row[: row.index("</li>")]
    # The reason box sits inside a closed disclosure, opened by the "Withdraw…" button.
    disclosure = re.search(r'<details class="desk-withdraw"[^>]*>(.*?)</details>', row, re.S)
    assert disclosure and " open" not in disclosure.group(0).split(">")[0]
    assert 'name="reason"' in disclosure.group(1)
    assert row.count('name="reason"') == 1


@pytest.mark.parametrize(
    ("who", "sees_edit"),
    [
        ("teacher_a", True),  # the author
        ("editor_a", True),  # the institution's editor
        ("member_a", False),  # another teacher of the same institution
        ("editor_b", False),  # another institution's editor
        (None, False),  # a visitor
    ],
)
def test_the_edit_link_is_for_those_the_policy_lets_change_it(
    world, signed_in, client, make_record, who, sees_edit
):
    record = make_record(title="Released rice")
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()
    viewer = signed_in(getattr(world, who)) if who else client
    response = viewer.get(record.url)
    assert response.status_code == 200
    html = response.content.decode()
    edit = reverse("desk:record-edit", args=[record.pk])
    assert (f'id="record-edit" href="{edit}"' in html) is sees_edit
    if sees_edit:
        assert viewer.get(edit).status_code == 200  # and the link leads somewhere


def test_the_header_links_to_the_collections_and_submissions_say_teaching_material(
    client, world, make_record
):
    from django.urls import reverse

    make_record(title="Rice notes")
    client.force_login(world.teacher_a)

    html = client.get(reverse("desk:submissions")).content.decode()

    assert f'id="header-collections" href="{reverse("browse_collections")}"' in html
    assert "Teaching material" in html and "teaching resource" not in html.lower()
