"""What the import does with one parsed row: create, update, leave unchanged, or refuse.

`plan_row` only reads (the database, the files); a dry run stops there, a real
run (services.py) carries the plan out through the record and file services.
A row matches an existing record by its identifier within the institution
(`RecordPage.external_id`); it is unchanged when every column the sheet has
already holds the row's value in the record's latest version (its draft, or
its released version when it has no draft changes).
"""

import posixpath
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from resource_hub.access.records import can_edit
from resource_hub.files.errors import FileError
from resource_hub.files.facts import FileFacts, measure
from resource_hub.files.policy import check_file_allowed
from resource_hub.records.cooperation import party_values
from resource_hub.records.errors import RecordError
from resource_hub.records.models import CreatorRole, RecordCreator, RecordParty, RecordTranslation
from resource_hub.records.services import record_check

from .parsing import ParsedRow
from .report import CREATED, FAILED, ROW, UNCHANGED, UPDATED, RowReport
from .sources import FileSource, MissingFile


@dataclass
class Context:
    """What every row of one import shares."""

    user: object
    institution: object
    source: FileSource
    translation_languages: set[str]
    facts: dict[str, FileFacts | FileError] = field(default_factory=dict)


@dataclass
class WantedFile:
    name: str  # as the sheet writes it
    sha256: str
    path: str | None = None  # in the folder or ZIP; None: kept from the record
    document: object = None  # already attached to the record


@dataclass
class Plan:
    report: RowReport
    parsed: ParsedRow
    record: object = None  # the existing record (specific), if any
    draft: object = None  # its latest version, as an object
    files: list[WantedFile] | None = None  # None: the sheet has no files column


def plan_row(parsed: ParsedRow, record, context: Context, *, check: bool) -> Plan:
    """The plan for one row; `check` also validates the record as the service will (dry run)."""
    report = RowReport(
        row=parsed.number,
        identifier=parsed.identifier,
        status=UPDATED if record is not None else CREATED,
        title=parsed.fields.get("title", ""),
        record_id=record.pk if record is not None else None,
    )
    for column, message in parsed.errors:
        report.fail(column, message)
    plan = Plan(report=report, parsed=parsed, record=record)
    if record is not None:
        if parsed.kind and record.resource_type_kind != parsed.kind:
            report.fail(
                "kind",
                _("The record with this identifier is a %(kind)s; its kind cannot change.")
                % {"kind": record._meta.verbose_name},
            )
            return plan
        plan.draft = record.get_latest_revision_as_object()
    if "files" in parsed.lists:
        plan.files = _wanted_files(parsed, plan.draft, context, report)
    if report.status == FAILED:
        return plan
    if record is None:
        if check:
            _check(report, _new_record(parsed, context))
        return plan
    report.changes = changed_columns(plan.draft, parsed, plan.files, context)
    if not report.changes:
        report.status = UNCHANGED
        return plan
    if not can_edit(context.user, record):
        report.fail(
            ROW,
            _(
                "The record with this identifier cannot be changed by you now "
                "(it is someone else's, or waiting for review)."
            ),
        )
    elif check:
        apply_values(plan.draft, parsed, context)
        _check(report, plan.draft)
    return plan


def _check(report: RowReport, record) -> None:
    try:
        record_check(record)
    except RecordError as error:
        report.fail(ROW, error.message)


def _new_record(parsed: ParsedRow, context: Context):
    record = parsed.record_class(owner=context.user, live=False, **parsed.fields)
    record.creators = [
        RecordCreator(sort_order=n, **c) for n, c in enumerate(parsed.lists.get("creators", []))
    ]
    record.parties = [
        RecordParty(sort_order=n, **party)
        for n, party in enumerate(party_values(parsed.lists.get("parties", [])))
    ]
    return record


def _wanted_files(parsed, draft, context: Context, report: RowReport) -> list[WantedFile]:
    attached = {}
    if draft is not None:
        for item in draft.files.all():
            document = item.document
            attached[posixpath.basename(document.original_filename or "").casefold()] = document
    wanted = []
    for name in parsed.files:
        try:
            path = context.source.resolve(name)
        except MissingFile as error:
            document = attached.get(posixpath.basename(name.replace("\\", "/")).casefold())
            if document is not None:  # attached by an earlier import: kept as it is
                wanted.append(WantedFile(name=name, sha256=document.sha256, document=document))
            else:
                report.fail("files", error)
            continue
        facts = file_facts(path, context)
        if isinstance(facts, FileError):
            report.fail("files", f"{name}: {facts.message}")
            continue
        if any(w.sha256 == facts.sha256 for w in wanted):
            continue  # the same bytes twice: one file
        wanted.append(WantedFile(name=name, sha256=facts.sha256, path=path))
    return wanted


def file_facts(path: str, context: Context) -> FileFacts | FileError:
    """The file's measured facts (or why it is refused), measured once per import."""
    if path not in context.facts:
        try:
            with context.source.open(path) as file:
                facts = measure(file, count_pages=False)
            check_file_allowed(facts)
            context.facts[path] = facts
        except FileError as error:
            context.facts[path] = error
        except MissingFile as error:
            context.facts[path] = FileError(str(error))
    return context.facts[path]


# --- Comparing and applying values ----------------------------------------------------

_SIMPLE = {
    # column -> (record attribute, how a parsed value compares)
    "title": ("title", None),
    "abstract": ("abstract", None),
    "year": ("year", None),
    "language": ("language_id", "pk"),
    "resource_type": ("resource_type_id", "pk"),
    "licence": ("licence_id", "pk"),
    "subject": ("subject_id", "pk"),
    "access": ("access_level", None),
    "event": ("event_id", "pk"),
    "achievement_date": ("achievement_date", None),
    "doi": ("doi", None),
    "isbn": ("isbn", None),
    "patent_number": ("patent_number", None),
    "award": ("award_name", None),
    "cross_border": ("cross_border", None),
    "signed_on": ("signed_on", None),
    "ends_on": ("ends_on", None),
}
_FIELD_COLUMN = {
    attribute.removesuffix("_id"): column for column, (attribute, _h) in _SIMPLE.items()
}


def changed_columns(draft, parsed: ParsedRow, files, context: Context) -> list[str]:
    """The sheet's columns whose value differs from the record's latest version."""
    changes = []
    for name, value in parsed.fields.items():
        column = _FIELD_COLUMN.get(name, name)
        attribute, how = _SIMPLE[column]
        wanted = getattr(value, "pk", None) if how == "pk" else value
        if getattr(draft, attribute) != wanted:
            changes.append(column)
    lists = parsed.lists
    if "creators" in lists and _creators(draft) != [
        (c["name"], c["orcid"], c["affiliation"]) for c in lists["creators"]
    ]:
        changes.append("creators")
    if "keywords" in lists and sorted(t.name for t in draft.keywords.all()) != sorted(
        lists["keywords"]
    ):
        changes.append("keywords")
    for name, column in (
        ("education_levels", "levels"),
        ("contributing_institutions", "contributing_institutions"),
    ):
        if name in lists and sorted(e.pk for e in getattr(draft, name).all()) != sorted(
            e.pk for e in lists[name]
        ):
            changes.append(column)
    if "parties" in lists and [p.institution_id for p in draft.parties.all()] != [
        i.pk for i in lists["parties"]
    ]:
        changes.append("parties")
    if "translations" in lists and _translations(draft) != _translations_wanted(
        draft, lists["translations"], context
    ):
        changes.append("translations")
    if files is not None and sorted(i.document.sha256 for i in draft.files.all()) != sorted(
        f.sha256 for f in files
    ):
        changes.append("files")
    return changes


def _creators(record) -> list[tuple]:
    return [(c.name, c.orcid, c.affiliation) for c in record.creators.all()]


def _translations(record) -> list[tuple]:
    return sorted((t.language_id, t.title, t.abstract) for t in record.translations.all())


def _translations_wanted(record, rows: list[dict], context: Context) -> list[tuple]:
    """The sheet's translations, and the record's own in languages the sheet has no columns for."""
    kept = [t for t in _translations(record) if t[0] not in context.translation_languages]
    return sorted(kept + [(t["language"].pk, t["title"], t["abstract"]) for t in rows])


def update_values(draft, parsed: ParsedRow, context: Context) -> dict:
    """The keyword arguments of `record_update_draft` for the row (the columns the sheet has)."""
    values = dict(parsed.fields)
    lists = parsed.lists
    if "creators" in lists:
        roles = {c.name: c.role for c in draft.creators.all()}  # a creator keeps their role
        values["creators"] = [
            RecordCreator(sort_order=n, **{**c, "role": roles.get(c["name"], CreatorRole.AUTHOR)})
            for n, c in enumerate(lists["creators"])
        ]
    if "translations" in lists:
        kept = [
            {"language": t.language, "title": t.title, "abstract": t.abstract}
            for t in draft.translations.all()
            if t.language_id not in context.translation_languages
        ]
        values["translations"] = [
            RecordTranslation(sort_order=n, **t) for n, t in enumerate(kept + lists["translations"])
        ]
    for name in ("keywords", "education_levels", "contributing_institutions"):
        if name in lists:
            values[name] = list(lists[name])
    if "parties" in lists:
        values["parties"] = party_values(lists["parties"], draft)
    return values


def apply_values(draft, parsed: ParsedRow, context: Context) -> None:
    """Set the row's values on an in-memory version of the record (a dry run's check)."""
    values = update_values(draft, parsed, context)
    # Keywords are left out: setting them makes their tags in the database, and
    # no keyword makes a record invalid.
    values.pop("keywords", None)
    if "parties" in values:
        values["parties"] = [
            RecordParty(sort_order=n, **party) for n, party in enumerate(values["parties"])
        ]
    for name, value in values.items():
        setattr(draft, name, value)
