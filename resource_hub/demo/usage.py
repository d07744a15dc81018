"""A plausible year of usage for the demo's released public records, so the charts show something.

Made the way real usage is: raw events recorded by `stats.recording.record_event`
from made-up browser requests (and a few robots, which it drops), then counted
by the daily aggregation with the COUNTER rules (double clicks, one session an
hour), then the raw events older than STATS_RAW_EVENT_DAYS pruned, as the
worker would. Deterministic for a seed; skipped when the records have usage
already, so a second load only reads.

The shape: a few records are popular and most are not (Zipf-like weights);
more use in term time than in the long holidays and around the new year, and
more on weekdays and in the day than at night; the site grows through the
year. A visit is a record page view; a third of the visits to records with
files go on to a download; some clicks are doubled.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from resource_hub.access.records import visible_records
from resource_hub.records.models import RecordFile
from resource_hub.stats.aggregation import stats_aggregate, stats_prune
from resource_hub.stats.models import DailyUsage, Metric, UsageEvent
from resource_hub.stats.recording import record_event

from .selectors import demo_records

#: the year of usage made: this many days up to yesterday
DAYS = 365
#: average visits (record page views) a record gets in the year, and a cap on all of them
VISITS_PER_RECORD = 30
MAX_VISITS = 5000
#: of the visits to a record with files, how many go on to download one
DOWNLOAD_SHARE = 0.35
#: how many clicks are doubled (a reload or a second click within a few seconds)
DOUBLE_CLICK_SHARE = 0.06
#: how many requests come from robots (recorded as nothing)
ROBOT_SHARE = 0.04
PEOPLE = 700

#: relative use by month (1 = January): term time high, holidays low
_SEASON = {
    1: 0.6,
    2: 0.7,
    3: 1.1,
    4: 1.1,
    5: 1.2,
    6: 0.9,
    7: 0.45,
    8: 0.5,
    9: 1.2,
    10: 1.3,
    11: 1.3,
    12: 0.8,
}
#: relative use by local hour
_HOURS = [0.1] * 7 + [
    0.6,
    1.0,
    1.2,
    1.2,
    1.0,
    0.7,
    0.9,
    1.2,
    1.2,
    1.0,
    0.8,
    0.7,
    0.9,
    1.0,
    0.8,
    0.5,
    0.25,
]

_BROWSERS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
)
_ROBOTS = (
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "python-requests/2.32.3",
)


@dataclass(frozen=True)
class Person:
    address: str
    user_agent: str
    session: str  # a session cookie for those signed in, else ""


@dataclass
class UsageReport:
    records: int = 0
    events: int = 0  # raw events recorded (robots' requests are not)
    days: int = 0
    skipped: bool = False


def usage_load(*, seed: int, today: date | None = None) -> UsageReport:
    """Record and count a year of demo usage of the released public demo records, once."""
    today = today or timezone.localdate()
    first = today - timedelta(days=DAYS)
    records = list(
        visible_records(AnonymousUser(), demo_records()).order_by("pk").values_list("pk", flat=True)
    )
    if not records:
        return UsageReport()
    has_usage = (
        DailyUsage.objects.filter(record_id__in=records).exists()
        or UsageEvent.objects.filter(record_id__in=records).exists()
    )
    if has_usage:
        return UsageReport(records=len(records), skipped=True)
    files: dict[int, list[int]] = {}
    for record_id, document_id in RecordFile.objects.filter(record_id__in=records).values_list(
        "record_id", "document_id"
    ):
        files.setdefault(record_id, []).append(document_id)

    rng = random.Random(seed)  # noqa: S311 - made-up data, the same for a seed
    people = [_person(rng, n) for n in range(PEOPLE)]
    factory = RequestFactory()
    recorded = 0
    with transaction.atomic():
        for person, user_agent, record_id, clicks in _clicks(rng, records, files, people, first):
            request = factory.get("/", HTTP_USER_AGENT=user_agent, REMOTE_ADDR=person.address)
            if person.session:
                request.COOKIES[settings.SESSION_COOKIE_NAME] = person.session
            for moment, metric, document_id in clicks:
                recorded += record_event(
                    request, metric=metric, record_id=record_id, document_id=document_id, at=moment
                )
    days = stats_aggregate(since=first, until=today - timedelta(days=1))
    stats_prune()
    return UsageReport(records=len(records), events=recorded, days=len(days))


def _clicks(rng: random.Random, records, files, people, first: date):
    """Each visit: who, with what browser (or robot), which record, and their clicks.

    A click is (time, metric, document id): the page view, perhaps doubled,
    and for a third of the visits to records with files a download, perhaps doubled.
    """
    for at, record_id in _visits(rng, records, first=first):
        person = rng.choice(people)
        user_agent = rng.choice(_ROBOTS) if rng.random() < ROBOT_SHARE else person.user_agent
        clicks = [(at, Metric.INVESTIGATION, None)]
        if rng.random() < DOUBLE_CLICK_SHARE:
            clicks.append((at + timedelta(seconds=rng.randint(2, 25)), Metric.INVESTIGATION, None))
        documents = files.get(record_id)
        if documents and rng.random() < DOWNLOAD_SHARE:
            later = at + timedelta(seconds=rng.randint(20, 900))
            document_id = rng.choice(documents)
            clicks.append((later, Metric.REQUEST, document_id))
            if rng.random() < DOUBLE_CLICK_SHARE:
                again = later + timedelta(seconds=rng.randint(1, 20))
                clicks.append((again, Metric.REQUEST, document_id))
        yield person, user_agent, record_id, clicks


def _visits(rng: random.Random, records: list[int], *, first: date):
    """(time, record id) of every visit, in time order."""
    # Zipf-like popularity, in a shuffled order so it is not the oldest records that lead.
    order = records[:]
    rng.shuffle(order)
    popularity = {pk: 1 / (rank + 1) ** 0.9 for rank, pk in enumerate(order)}
    count = min(MAX_VISITS, VISITS_PER_RECORD * len(records))
    days = [first + timedelta(days=n) for n in range(DAYS)]
    day_weights = [
        _SEASON[day.month] * (0.35 if day.weekday() >= 5 else 1.0) * (0.6 + 0.8 * n / DAYS)
        for n, day in enumerate(days)
    ]
    chosen_days = rng.choices(days, weights=day_weights, k=count)
    chosen_records = rng.choices(order, weights=[popularity[pk] for pk in order], k=count)
    hours = rng.choices(range(24), weights=_HOURS, k=count)
    visits = []
    for day, record_id, hour in zip(chosen_days, chosen_records, hours, strict=True):
        moment = time(hour, rng.randint(0, 59), rng.randint(0, 59))
        visits.append((timezone.make_aware(datetime.combine(day, moment)), record_id))
    visits.sort()
    return visits


def _person(rng: random.Random, n: int) -> Person:
    # Addresses from the documentation ranges (RFC 5737), never someone's real one.
    network = rng.choice(("192.0.2", "198.51.100", "203.0.113"))
    session = f"demo-session-{n}" if rng.random() < 0.2 else ""
    return Person(
        address=f"{network}.{rng.randint(1, 254)}",
        user_agent=rng.choice(_BROWSERS),
        session=session,
    )
