"""The parity test's world: built once through the services, as users build it.

Two institutions and their people (`tests.world`), a registered user without
an institution and an inactive editor; institution A holds one record per
state, each with its own PNG file (with a thumbnail) and a distinctive word;
a curated collection under institution B holds every one of them, one under
institution A holds some (`COLLECTION_A_STATES`), and a collection under
institution A that was never released holds them all.
"""

import datetime
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import PageViewRestriction

from resource_hub.core.vocabularies import Country
from resource_hub.events.services import event_create
from resource_hub.files.derivatives import document_derive
from resource_hub.files.services import document_create
from resource_hub.institutions.services import Role, institution_create, membership_add
from resource_hub.records.models import (
    AccessLevel,
    CuratedCollectionItem,
    CuratedCollectionPage,
    TeachingResourcePage,
)
from resource_hub.records.services import (
    file_attach,
    record_create_draft,
    record_reject,
    record_release,
    record_submit,
    record_unpublish,
    record_update_draft,
    record_withdraw,
)
from tests.files import samples
from tests.world import make_user, record_fields, site_bootstrap  # wherever it lives

#: state -> the record's distinctive word (its title starts with it, search finds it by it)
STATES = {
    "draft": "quokka",
    "in_review": "narwhal",
    "changes_requested": "axolotl",
    "released_public": "pangolin",
    "released_registered": "okapi",
    "released_institution": "tapir",
    "released_password": "dugong",
    "released_pending": "kakapo",
    "embargoed": "gharial",
    "unpublished": "numbat",
    "withdrawn": "wallaby",
}
RELEASED = {state for state in STATES if state.startswith("released")}
#: the records in institution A's own collection: some released, some not
COLLECTION_A_STATES = [
    "draft",
    "released_public",
    "released_registered",
    "released_institution",
    "released_password",
    "withdrawn",
]
#: a word only the unreleased draft of `released_pending` holds
DRAFT_ONLY_WORD = "manatee"
PASSWORD = "open-sesame"  # noqa: S105 - a page password of the test world


@dataclass
class ParityWorld:
    users: dict  # role -> user (None: anonymous)
    records: dict  # state -> record
    documents: dict  # state -> its document
    spare: object  # a document of teacher_a's attached to nothing (for "attach")
    inst_a: object
    inst_b: object
    index: object  # the institutions index page
    collection_page: object
    restrictions: dict = field(default_factory=dict)  # state -> its own restriction
    collection_a: object = None  # institution A's, holding COLLECTION_A_STATES
    collection_unreleased: object = None  # institution A's, never released
    anchor: object = None  # institution B's public record like all the others (similar records)
    event_page: object = None  # the event every record names (its page lists its releases)


def _people():
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    institutions = [
        institution_create(
            user=admin,
            name_en=name,
            country=Country.objects.get(code=code),
            institution_type="university",
        )
        for name, code in [("Parity College A", "CN"), ("Parity University B", "TH")]
    ]
    users = {"anonymous": None, "admin": admin, "registered": make_user("registered")}
    for role, name, institution, kind in [
        ("author", "teacher_a", institutions[0], Role.TEACHER),
        ("colleague", "member_a", institutions[0], Role.TEACHER),
        ("editor", "editor_a", institutions[0], Role.EDITOR),
        ("teacher_other", "teacher_b", institutions[1], Role.TEACHER),
        ("editor_other", "editor_b", institutions[1], Role.EDITOR),
        ("inactive", "inactive_a", institutions[0], Role.EDITOR),
    ]:
        users[role] = make_user(name)
        membership_add(user=admin, member=users[role], institution=institution, role=kind)
    users["inactive"].is_active = False
    users["inactive"].save(update_fields=["is_active"])
    return users, institutions


def _document(author, institution, word):
    document = document_create(
        user=author,
        collection=institution.collection,
        file=ContentFile(samples.png(size=(8, 6)), name=f"{word}.png"),
    )
    document_derive(document=document)  # the task runs after commit; here, now
    document.refresh_from_db()
    assert document.thumbnail, "the PNG must get a thumbnail"
    return document


def _record(users, institution, state, word, event=None, partner=None):
    author, editor = users["author"], users["editor"]
    access = {
        "released_registered": AccessLevel.REGISTERED,
        "released_institution": AccessLevel.INSTITUTION,
    }.get(state, AccessLevel.PUBLIC)
    go_live = timezone.now() + timedelta(days=30) if state == "embargoed" else None
    title = f"{word.capitalize()} parity lesson"
    record = record_create_draft(
        user=author,
        institution=institution,
        record_class=TeachingResourcePage,
        creators=[{"name": "Li Wei"}],
        keywords=[word],
        # A joint record with institution B (Thailand): the cross-border network counts it
        # and search's partner_country facet finds it (issue 18).
        contributing_institutions=[partner] if partner else [],
        **record_fields(
            title=title,
            slug=f"{word}-parity-lesson",
            abstract=f"About the {word}.",
            access_level=access,
            go_live_at=go_live,
            event=event,
        ),
    )
    document = _document(author, institution, word)
    file_attach(user=author, record=record, document=document)
    if state in {"in_review", "changes_requested"}:
        record_submit(user=author, record=record)
    if state == "changes_requested":
        record_reject(user=editor, record=record, comment="Add the licence note.")
    if state in RELEASED or state in {"embargoed", "unpublished", "withdrawn"}:
        record_release(user=editor, record=record)
    if state == "unpublished":
        record_unpublish(user=editor, record=record)
    if state == "withdrawn":
        record_withdraw(user=editor, record=record, reason="Superseded.")
    if state == "released_pending":
        record_update_draft(user=author, record=record, title=f"{title} {DRAFT_ONLY_WORD}")
    record.refresh_from_db()
    return record.specific, document


def build() -> ParityWorld:
    site_bootstrap()
    users, (inst_a, inst_b) = _people()
    records, documents = {}, {}
    event_page = event_create(
        user=users["admin"],
        name_en="Parity week",
        year=2025,
        start_date=datetime.date(2025, 9, 1),
        end_date=datetime.date(2025, 9, 3),
        place="Nanning",
    )
    for state, word in STATES.items():
        records[state], documents[state] = _record(
            users, inst_a, state, word, event_page, partner=inst_b
        )
    restrictions = {
        "released_password": PageViewRestriction.objects.create(
            page=records["released_password"],
            restriction_type=PageViewRestriction.PASSWORD,
            password=PASSWORD,
        )
    }
    collection_page = _collection(users, inst_b, "Parity picks", records.values())
    collection_a = _collection(
        users, inst_a, "Parity A picks", [records[state] for state in COLLECTION_A_STATES]
    )
    collection_unreleased = _collection(
        users, inst_a, "Parity unreleased picks", records.values(), release=False
    )
    anchor = _anchor(users, inst_b)
    inst_a.refresh_from_db()
    inst_b.refresh_from_db()
    return ParityWorld(
        users=users,
        records=records,
        documents=documents,
        spare=_document(users["author"], inst_a, "spare"),
        inst_a=inst_a,
        inst_b=inst_b,
        index=inst_a.get_parent().specific,
        collection_page=collection_page,
        restrictions=restrictions,
        collection_a=collection_a,
        collection_unreleased=collection_unreleased,
        anchor=anchor,
        event_page=event_page,
    )


def _anchor(users, institution):
    """A public record of institution B worded like every parity record ("… parity
    lesson", "About the …"): its page's "Similar records" can list any of them."""
    admin = users["admin"]
    record = record_create_draft(
        user=admin,
        institution=institution,
        record_class=TeachingResourcePage,
        creators=[{"name": "Li Wei"}],
        keywords=["anchor"],
        **record_fields(
            title="Anchor parity lesson", slug="anchor-parity-lesson", abstract="About the anchor."
        ),
    )
    return record_release(user=admin, record=record)


def _collection(users, institution, title, records, *, release=True):
    """A curated collection under `institution` holding `records`, in that order."""
    page = CuratedCollectionPage(title=title, slug=title.lower().replace(" ", "-"), live=release)
    page.items = [
        CuratedCollectionItem(record=record, sort_order=n) for n, record in enumerate(records)
    ]
    institution.add_child(instance=page)
    revision = page.save_revision(user=users["admin"])
    if release:
        revision.publish(user=users["admin"])
    return page
