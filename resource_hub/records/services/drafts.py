import unicodedata

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from resource_hub.access import records as access
from resource_hub.access.documents import can_use_document
from resource_hub.core.indexing import index_later

from ..cooperation import check_cooperation, parties_of
from ..errors import RecordError, RecordPermissionDenied
from ..models import RecordCreator, RecordFile, RecordParty, RecordTranslation


def record_slug(*, institution, title: str, translations=()) -> str:
    """A readable URL slug unique under the institution.

    Django's slugify drops combining marks, which mangles Thai, Khmer, Lao and
    Burmese ("การปลูกข้าว" would become "การปลกขาว"); for titles in those
    scripts the English translation's title is used, else a neutral "record".
    """
    if any(unicodedata.category(char) in {"Mn", "Mc"} for char in title):
        english = [
            t["title"] for t in translations if getattr(t.get("language"), "code", "") == "en"
        ]
        base = slugify(english[0]) if english else ""
    else:
        base = slugify(title, allow_unicode=True)
    base = (base or "record")[:70].strip("-")
    # Only the slugs this one could collide with (the base and its suffixed forms), not
    # every record's: an import reads them once per row, under institutions of thousands.
    siblings = institution.get_children().filter(slug__startswith=base)
    slug, taken = base, set(siblings.values_list("slug", flat=True))
    while slug in taken:
        slug = f"{base}-{get_random_string(6, 'abcdefghijkmnpqrstuvwxyz23456789')}"
    return slug


def _check_resource_type(record) -> None:
    if record.resource_type.applies_to != record.resource_type_kind:
        raise RecordError(
            _("“%(type)s” cannot be used for a record of this kind (%(kind)s).")
            % {"type": record.resource_type, "kind": record._meta.verbose_name}
        )


def _validated(record, *, exclude=("path", "depth", "slug", "url_path"), check_type=True) -> None:
    """full_clean, with Django's field errors turned into one RecordError a person can read."""
    try:
        record.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        details = "; ".join(
            f"{field}: {' '.join(errors)}" for field, errors in exc.message_dict.items()
        )
        raise RecordError(
            _("The record is not complete: %(details)s") % {"details": details}
        ) from exc
    if check_type:
        _check_resource_type(record)
        check_cooperation(
            resource_type=record.resource_type,
            cross_border=getattr(record, "cross_border", False),
            signed_on=getattr(record, "signed_on", None),
            ends_on=getattr(record, "ends_on", None),
            parties=parties_of(record),
        )


def _party_rows(parties) -> list[RecordParty]:
    """RecordParty rows, in the order given, from dicts (institution, role, joined, left)."""
    return [RecordParty(**{"sort_order": n, **party}) for n, party in enumerate(parties)]


def record_check(record) -> None:
    """Check an unsaved record (and its creators) as `record_create_draft` will; writes nothing.

    For a bulk import's dry run, which must report what the service would
    refuse without creating anything. Raises RecordError.
    """
    for creator in record.creators.all():
        _validated(creator, exclude=["record"], check_type=False)
    _validated(record)


#: The first key of the advisory lock drafts under one institution take turns on.
DRAFTS_LOCK = 0x5248_0001


def _take_turns(institution) -> None:
    """Drafts made under one institution at the same moment (teachers, an import, the
    API) take turns from here to the end of their transaction: the slug is chosen, and
    the page's place in the tree taken, so that neither picks what the other is about
    to write (tests/records/test_concurrent_drafts.py).

    A transaction-level advisory lock, not `SELECT ... FOR UPDATE` of the institution's
    row: a row locked again in each savepoint of one long transaction (a test or a
    loader making hundreds of records) makes PostgreSQL build ever larger multixacts,
    and 250 drafts took over ten minutes (tests/interop/test_oai_paging.py). SQLite
    lets one writer at a time anyway.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [DRAFTS_LOCK, institution.pk])


@transaction.atomic
def record_create_draft(
    *,
    user,
    institution,
    record_class,
    creators: list[dict],
    keywords: list[str] = (),
    translations: list[dict] = (),
    education_levels=(),
    contributing_institutions=(),
    parties: list[dict] = (),
    **fields,
):
    """Create a draft record under the institution, owned by `user`.

    Teachers may create drafts only in their own institution: Wagtail's "add"
    permission on the institution page is exactly that. `parties` (dicts of
    institution, role, joined, left) are a cooperation record's parties
    (records/cooperation.py says which records have them, and checks them).
    """
    if not access.can_create_record(user, institution):
        raise RecordPermissionDenied(_("You can only add records to your own institution."))
    if not creators:
        raise RecordError(_("Name at least one creator."))
    _take_turns(institution)
    fields.setdefault(
        "slug",
        record_slug(
            institution=institution, title=fields.get("title", ""), translations=translations
        ),
    )
    record = record_class(owner=user, live=False, **fields)
    # In the order given: Orderable rows made in memory get no sort_order of their own.
    record.creators = [
        RecordCreator(**{"sort_order": n, **creator}) for n, creator in enumerate(creators)
    ]
    record.translations = [
        RecordTranslation(**{"sort_order": n, **translation})
        for n, translation in enumerate(translations)
    ]
    record.education_levels = list(education_levels)
    record.contributing_institutions = list(contributing_institutions)
    record.parties = _party_rows(parties)
    for creator in record.creators.all():
        _validated(creator, exclude=["record"], check_type=False)
    _validated(record)
    record.keywords.set(list(keywords))
    institution.add_child(instance=record)
    # Wagtail logged "wagtail.create" for the owner when the page was added.
    record.save_revision(user=user, log_action=False)
    return record


@transaction.atomic
def record_update_draft(*, user, record, **fields):
    """Save changes as a new revision; a released record stays as released until re-released.

    `parties`, if given, replaces the cooperation record's parties (a list of dicts
    as `record_create_draft` takes).
    """
    record.refresh_from_db()  # callers may hold a stale copy
    if not access.can_edit(user, record):
        raise RecordPermissionDenied()
    draft = record.get_latest_revision_as_object()
    keywords = fields.pop("keywords", None)
    parties = fields.pop("parties", None)
    if parties is not None:
        draft.parties = _party_rows(parties)
    for name, value in fields.items():
        setattr(draft, name, value)
    if keywords is not None:
        draft.keywords.set(list(keywords))  # a tag manager: assigning would be ignored
    _validated(draft)
    draft.save_revision(user=user, log_action=True)
    return draft


@transaction.atomic
def file_attach(*, user, record, document, label: str = ""):
    """Attach a stored document to the record, as a change to review like any other."""
    record.refresh_from_db()  # callers may hold a stale copy
    if not access.can_edit(user, record):
        raise RecordPermissionDenied()
    if not can_use_document(user, document):  # access.can_attach_file, with its own message
        raise RecordPermissionDenied(_("You cannot use this file."))
    draft = record.get_latest_revision_as_object()
    if any(item.document_id == document.pk for item in draft.files.all()):
        raise RecordError(_("This file is already attached to the record."))
    last = max((item.sort_order or 0 for item in draft.files.all()), default=-1)
    draft.files.add(RecordFile(document=document, label=label, sort_order=last + 1))
    if not record.live:
        # A draft's own rows are what its authors and editors see and download.
        draft.files.commit()
    draft.save_revision(user=user, log_action=True)
    # A released record's files change when the revision is published (the
    # page_published handler indexes it then); asking here too keeps the rule
    # simple: every service that changes a record's files re-indexes it.
    index_later([record.pk])
    return draft


@transaction.atomic
def file_detach(*, user, record, document):
    """Take a file off the record, as a change to review like any other.

    The document itself stays (another record may hold it; `files_sweep`
    reports documents no record uses).
    """
    record.refresh_from_db()  # callers may hold a stale copy
    if not access.can_detach_file(user, record):
        raise RecordPermissionDenied()
    draft = record.get_latest_revision_as_object()
    kept = [item for item in draft.files.all() if item.document_id != document.pk]
    if len(kept) == len(draft.files.all()):
        raise RecordError(_("This file is not attached to the record."))
    draft.files = kept
    if not record.live:
        draft.files.commit()  # as file_attach: a draft's own rows are what people download
    draft.save_revision(user=user, log_action=True)
    index_later([record.pk])  # as file_attach
    return draft
