"""Load the demo content: site, institutions, accounts, records and files. Idempotent.

Everything is created through the services (site_bootstrap, institution_create,
membership_add, record_*, document_create, file_attach; curated collections as
the admin makes them), so the demo shows
real permissions, workflow history and audit log. What exists already (found
by stable slugs and usernames) is skipped, so a second load only reads.
"""

import logging
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.test.utils import override_settings

from resource_hub.core.vocabularies import Country
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.services import institution_create
from resource_hub.portal.services import site_bootstrap
from search.services import index_deferred

from . import accounts
from .collections import collections_load
from .cooperation import cooperation_load
from .events import events_load
from .institutions import INSTITUTIONS, InstitutionRow
from .records import Vocabularies, record_load
from .selectors import demo_record_indices, demo_summary
from .specs import SEED, build_specs
from .usage import UsageReport, usage_load

DEFAULT_RECORDS = 300
NOISY_LOGGERS = ("wagtail", "resource_hub", "fontTools", "pypdf", "fpdf")

Progress = Callable[[str, int, int], None]


@dataclass
class LoadReport:
    institutions_created: int = 0
    accounts_created: int = 0
    records_created: int = 0
    collections_created: int = 0
    events_created: int = 0
    files_created: int = 0
    admin_password_is_demo: bool = True
    accounts: list = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    usage: UsageReport = field(default_factory=UsageReport)


def load_demo(
    *,
    institutions: int = len(INSTITUTIONS),
    records: int = DEFAULT_RECORDS,
    seed: int = SEED,
    progress: Progress | None = None,
    quiet_logs: bool = True,
) -> LoadReport:
    """Create whatever part of the demo content is missing; report what there is."""
    rows = INSTITUTIONS[: max(1, min(institutions, len(INSTITUTIONS)))]
    report = LoadReport(accounts=accounts.listed(rows))
    # The demo's submissions and reviews would otherwise mail every editor and
    # administrator (and print hundreds of mails with the console backend).
    mail = "django.core.mail.backends.dummy.EmailBackend"
    # Index writes are collected and queued once at the end (or left to
    # `search_index ensure` when there is no index yet) instead of a task per
    # publish: hundreds of small requests, or as many "no index" warnings.
    with override_settings(EMAIL_BACKEND=mail), _quiet(quiet_logs), index_deferred():
        site_bootstrap()
        admin, created = accounts.admin_account()
        report.admin_password_is_demo = created or admin.check_password(accounts.DEMO_PASSWORD)
        pages, report.institutions_created = _institutions(admin, rows, progress)
        users, report.accounts_created = accounts.members(admin=admin, pages=pages, rows=rows)
        report.accounts_created += int(created)
        done = demo_record_indices()
        todo = [spec for spec in build_specs(rows, records, seed) if spec.index not in done]
        vocab = Vocabularies.read() if todo else None
        for number, spec in enumerate(todo, start=1):
            report.files_created += record_load(spec=spec, vocab=vocab, pages=pages, users=users)
            report.records_created += 1
            if progress:
                progress("records", number, len(todo))
        if records:  # with the generated records, never instead of them
            report.records_created += cooperation_load(pages=pages, users=users)
        report.collections_created = collections_load(admin=admin, pages=pages)
        report.events_created = events_load(admin=admin, pages=pages)
        report.usage = usage_load(seed=seed)
    report.summary = demo_summary()
    return report


def _institutions(admin, rows: list[InstitutionRow], progress: Progress | None):
    """{slug: InstitutionPage} for the rows, creating those that are missing."""
    pages = {
        page.slug: page for page in InstitutionPage.objects.filter(slug__in=[r.slug for r in rows])
    }
    missing = [row for row in rows if row.slug not in pages]
    countries = Country.objects.in_bulk() if missing else {}
    for number, row in enumerate(missing, start=1):
        pages[row.slug] = institution_create(
            user=admin,
            name_en=row.name_en,
            name_local=row.name_local,
            country=countries[row.country],
            institution_type=row.kind,
            website=row.website,
            profile=f"<p>{row.profile}</p>",
            slug=row.slug,
        )
        if progress:
            progress("institutions", number, len(missing))
    return pages, len(missing)


@contextmanager
def _quiet(enabled: bool):
    """Keep Wagtail's and the font subsetter's INFO lines out of the progress display."""
    if not enabled:
        yield
        return
    loggers = [logging.getLogger(name) for name in NOISY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
