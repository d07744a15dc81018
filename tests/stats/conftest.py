"""Helpers to record usage as browsers and robots would, at chosen times."""

from datetime import datetime, time, timedelta

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import timezone

from resource_hub.stats.models import Metric
from resource_hub.stats.recording import record_event

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0 Safari/537.36"
)
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def browser_request(*, ip="203.0.113.7", user_agent=BROWSER, session=None, method="get"):
    request = getattr(RequestFactory(), method)("/", HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip)
    if session is not None:
        request.COOKIES[settings.SESSION_COOKIE_NAME] = session
    return request


def visit(*, at, record_id, metric=Metric.INVESTIGATION, document_id=None, kind=None, **who):
    """One event from a browser (see `browser_request` for `who`); returns whether recorded."""
    return record_event(
        browser_request(**who),
        metric=metric,
        record_id=record_id,
        document_id=document_id,
        kind=kind,
        at=at,
    )


@pytest.fixture
def day():
    """A recent day (its raw events are still kept): three days ago."""
    return timezone.localdate() - timedelta(days=3)


@pytest.fixture
def clock(day):
    """`clock(hour, minute, second)`: an instant of `day`."""

    def at(hour, minute=0, second=0):
        return timezone.make_aware(datetime.combine(day, time(hour, minute, second)))

    return at
