"""Make one demo record from its spec, only through the services, and walk it to its state.

A teaching resource is written by the institution's demo teacher, who uploads
its files and submits it; the institution's demo editor reviews it. An
achievement is recorded and released by the editor. So permissions, the review
workflow, the view restrictions and the audit log are the real ones.
"""

import io
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from resource_hub.core.vocabularies import EducationLevel, Language, Licence, ResourceType
from resource_hub.files.services import document_create
from resource_hub.records.models import AccessLevel, AchievementPage, TeachingResourcePage
from resource_hub.records.services import (
    file_attach,
    record_create_draft,
    record_reject,
    record_release,
    record_submit,
    record_unpublish,
    record_withdraw,
)

from . import texts
from .specs import RecordSpec, State
from .topics import LEVELS, TOPICS

FILE_LABELS = {
    "pdf": "Full text (PDF)",
    "docx": "Editable document (Word)",
    "pptx": "Slides (PowerPoint)",
}
REVIEW_COMMENTS = (
    "Please add the learning outcomes and check the licence of the photos before release.",
    "The abstract should say who the material is for; please also add an English keyword.",
    "Good work. Please fix the year and add the co-author's ORCID iD, then submit again.",
)
WITHDRAW_REASONS = (
    "Superseded by a revised edition; the authors will submit the new version.",
    "Withdrawn at the authors' request: a partner institution has not yet approved release.",
    "Copyright of some figures could not be confirmed.",
)
ACCESS_LEVELS = {
    State.REGISTERED: AccessLevel.REGISTERED,
    State.INSTITUTION: AccessLevel.INSTITUTION,
}


@dataclass(frozen=True)
class Vocabularies:
    """The vocabulary rows the specs name, read once per load."""

    languages: dict
    resource_types: dict
    licences: dict
    levels: dict

    @classmethod
    def read(cls) -> "Vocabularies":
        return cls(
            languages=Language.objects.in_bulk(),
            resource_types=ResourceType.objects.in_bulk(),
            licences=Licence.objects.in_bulk(),
            levels=EducationLevel.objects.in_bulk(),
        )


def record_load(*, spec: RecordSpec, vocab: Vocabularies, pages: dict, users: dict) -> int:
    """Create the record of `spec` in its workflow state; returns how many files it got.

    All or nothing: a load stopped half-way leaves no half-made record behind,
    so the next load simply makes it again. (A file uploaded before the stop
    stays in storage without its row; the storage sweep reports such orphans.)
    """
    home = pages[spec.institution.slug]
    author = users[(spec.author_role, spec.institution.slug)]
    editor = users[("editor", spec.institution.slug)]
    with transaction.atomic():
        record = _draft(spec, vocab, home, pages, author)
        for file_format in spec.files:
            document = document_create(
                user=author,
                collection=home.collection,
                file=io.BytesIO(_file_bytes(spec, file_format)),
                title=spec.title(),
                original_filename=f"{spec.slug}.{file_format}",
            )
            file_attach(
                user=author, record=record, document=document, label=FILE_LABELS[file_format]
            )
        _advance(spec, record, author, editor)
    return len(spec.files)


def _file_bytes(spec: RecordSpec, file_format: str) -> bytes:
    # The PDF and Office libraries are imported only when files are made, so a
    # load that finds everything in place starts quickly.
    from .documents import render

    return render(spec, file_format)


def _draft(spec: RecordSpec, vocab: Vocabularies, home, pages: dict, author):
    fields = {
        "title": spec.title(),
        "slug": spec.slug,
        "abstract": spec.abstract(),
        "language": vocab.languages[spec.language],
        "subject_id": TOPICS[spec.topic][0],
        "resource_type": vocab.resource_types[spec.resource_type_code],
        "licence": vocab.licences[spec.licence],
        "year": spec.year,
        "access_level": ACCESS_LEVELS.get(spec.state, AccessLevel.PUBLIC),
        **spec.achievement,
    }
    if spec.state == State.EMBARGOED:
        fields["go_live_at"] = timezone.now() + timedelta(days=spec.embargo_days)
    translations = [
        {
            "language": vocab.languages[code],
            "title": spec.title(code),
            "abstract": spec.abstract(code),
        }
        for code in spec.translations
    ]
    return record_create_draft(
        user=author,
        institution=home,
        record_class=AchievementPage if spec.kind == "achievement" else TeachingResourcePage,
        creators=[
            {"name": c.name, "orcid": c.orcid, "affiliation": c.affiliation, "role": c.role}
            for c in spec.creators
        ],
        keywords=texts.keywords(spec.language, topic=spec.topic, level=spec.level),
        translations=translations,
        education_levels=[vocab.levels[code] for code in LEVELS[spec.level]],
        contributing_institutions=[pages[row.slug] for row in spec.contributing],
        **fields,
    )


def _advance(spec: RecordSpec, record, author, editor) -> None:
    """Submit, review and release (or not) as the spec's state says."""
    state = spec.state
    if state == State.DRAFT:
        return
    if spec.reviewed:
        record_submit(user=author, record=record)
    if state == State.IN_REVIEW:
        return
    if state == State.CHANGES_REQUESTED:
        comment = REVIEW_COMMENTS[spec.variant % len(REVIEW_COMMENTS)]
        record_reject(user=editor, record=record, comment=comment)
        return
    reason = WITHDRAW_REASONS[spec.variant % len(WITHDRAW_REASONS)]
    if state == State.WITHDRAWN and spec.index % 2:  # stopped while under review
        record_withdraw(user=editor, record=record, reason=reason)
        return
    record_release(user=editor, record=record)  # scheduled instead when embargoed
    if state == State.UNPUBLISHED:
        record_unpublish(user=editor, record=record)
    elif state == State.WITHDRAWN:
        record_withdraw(user=editor, record=record, reason=reason)
