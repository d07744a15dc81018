"""A download's `record` parameter (what the download is counted against) is validated."""

import pytest
from django.urls import reverse

from resource_hub.stats.models import UsageEvent
from tests.stats.conftest import BROWSER


@pytest.fixture
def released(released_with_file):
    return released_with_file()


@pytest.mark.parametrize("value", ["%C2%B2", "%00", "-1", "99999999999999999999", "1e3"])
def test_a_bad_record_is_a_400_naming_it_and_counts_nothing(client, released, value):
    _record, document = released
    client.defaults["HTTP_USER_AGENT"] = BROWSER  # would be counted, were it not refused

    answer = client.get(f"{reverse('files:download', args=[document.pk])}?record={value}")

    assert answer.status_code == 400
    assert "record must be a whole number" in answer.content.decode()
    assert not UsageEvent.objects.exists()


def test_a_good_record_is_counted_and_a_foreign_one_is_not(client, released):
    record, document = released
    url = reverse("files:download", args=[document.pk])
    client.defaults["HTTP_USER_AGENT"] = BROWSER  # a machine's downloads are not counted

    assert client.get(url, {"record": str(record.pk)}).status_code == 302
    assert client.get(url, {"record": "2147483647"}).status_code == 302

    assert list(UsageEvent.objects.values_list("record_id", flat=True)) == [record.pk]
