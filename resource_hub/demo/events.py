"""The demo's events: two editions of an invented China–ASEAN Education Cooperation Week,
with programmes, each naming several released demo records as released there. Idempotent
(found by slug).

Names, places, dates and programmes are made up for the demo, in the style of the real
week (held yearly in Guizhou); nothing here records a real event. Records are assigned
through the record services, as an administrator would: a new revision naming the event,
then released.
"""

import datetime
from dataclasses import dataclass

from resource_hub.access.records import visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Country, Language
from resource_hub.events.models import EventPage
from resource_hub.events.services import event_create
from resource_hub.records.models import RecordPage
from resource_hub.records.services import record_release, record_update_draft

D = datetime.date


@dataclass(frozen=True)
class EventRow:
    slug: str
    name_en: str
    name_zh: str
    edition: str
    year: int
    start: datetime.date
    end: datetime.date
    place: str
    organisers: tuple[str, ...]  # demo institution slugs
    description: str
    programme: tuple[tuple[str, datetime.date | None, str, str], ...]
    records: slice  # which released public demo records (by id order) it names


OTHER_ORGANISERS = "(Demo) Education ministries of China and the ASEAN member states"

# fmt: off
EVENTS = (
    EventRow(
        "demo-china-asean-education-week-2025",
        "China–ASEAN Education Cooperation Week 2025 (demo)",
        "2025中国—东盟教育交流周（演示）",
        "18th", 2025, D(2025, 8, 25), D(2025, 8, 29),
        "Guiyang, Huaxi University Town (invented for the demo)",
        ("guangxi-zuojiang", "yunnan-agri"),
        "An invented edition of the yearly week, for trying the site: forums on vocational "
        "education and digital skills, the release of joint teaching materials and research, "
        "agreement signings and a skills competition. Not a record of a real event.",
        (
            ("Opening ceremony and keynote forum", D(2025, 8, 25), "Main conference hall",
             "Ministers' and rectors' addresses; presidents' roundtable on talent cooperation."),
            ("Release of cooperation achievements", D(2025, 8, 26), "Hall B",
             "Joint textbooks, course materials and research results presented by their authors."),
            ("Vocational education alliance forum", D(2025, 8, 26), "Hall C",
             "Colleges from eleven countries on dual-apprenticeship and training bases."),
            ("Signing of memorandums of understanding", D(2025, 8, 27), "Hall A",
             "Institutions sign exchange and joint-training agreements."),
            ("China–ASEAN vocational skills competition", D(2025, 8, 28), "Training centre",
             "Teams compete in agricultural drones, e-commerce and new-energy vehicles."),
            ("Closing and youth exchange evening", D(2025, 8, 29), "Campus square", ""),
        ),
        slice(0, 60, 6),
    ),
    EventRow(
        "demo-china-asean-education-week-2026",
        "China–ASEAN Education Cooperation Week 2026 (demo)",
        "2026中国—东盟教育交流周（演示）",
        "19th", 2026, D(2026, 8, 24), D(2026, 8, 28),
        "Nanning, international convention centre (invented for the demo)",
        ("guangxi-zuojiang", "lancang-mekong", "hainan-tropical"),
        "A second invented edition: digital education, green skills and the opening of "
        "overseas training bases, with a day for releasing what partner institutions made "
        "together. Not a record of a real event.",
        (
            ("Opening forum: digital education across borders", D(2026, 8, 24), "Hall 1",
             "How open repositories and shared courses serve learners in the region."),
            ("Release of joint teaching resources", D(2026, 8, 25), "Hall 2",
             "Partner institutions present materials and studies made together."),
            ("Green skills and new energy workshop", D(2026, 8, 25), "Workshop 3", ""),
            ("Opening of overseas training bases", D(2026, 8, 26), "Hall 1",
             "Online link-up with training bases in Laos, Cambodia and Myanmar."),
            ("Students' innovation and skills competition", D(2026, 8, 27), "Exhibition hall",
             ""),
            ("Closing ceremony", D(2026, 8, 28), "Hall 1", ""),
        ),
        slice(0, 60, 6),
    ),
)
# fmt: on


def events_load(*, admin, pages: dict) -> int:
    """Create the demo events that are missing and name their records; how many were created."""
    existing = set(
        EventPage.objects.filter(slug__in=[row.slug for row in EVENTS]).values_list(
            "slug", flat=True
        )
    )
    todo = [row for row in EVENTS if row.slug not in existing]
    if not todo:
        return 0
    public = list(
        visible_records(viewer_of(None), RecordPage.objects.filter(event__isnull=True))
        .order_by("pk")
        .values_list("pk", "year")
    )
    if not public:  # nothing released yet: a later, larger load makes them
        return 0
    chinese, china = Language.objects.get(code="zh"), Country.objects.get(code="CN")
    named: set[int] = set()
    for row in todo:
        event = event_create(
            user=admin,
            name_en=row.name_en,
            name_local=row.name_zh,
            language=chinese,
            edition=row.edition,
            year=row.year,
            start_date=row.start,
            end_date=row.end,
            place=row.place,
            country=china,
            organisers=[pages[slug] for slug in row.organisers if slug in pages],
            other_organisers=OTHER_ORGANISERS,
            description=row.description,
            activities=[
                {"title": title, "date": day, "place": place, "description": text}
                for title, day, place, text in row.programme
            ],
            slug=row.slug,
        )
        # Records made by the week's year at the latest (a record cannot be released before
        # it is made), not named by the other edition.
        fitting = [pk for pk, year in public if year <= row.year and pk not in named]
        named.update(fitting[row.records])
        for record in RecordPage.objects.filter(pk__in=fitting[row.records]).specific():
            record_update_draft(user=admin, record=record, event=event)
            record_release(user=admin, record=record)
    return len(todo)
