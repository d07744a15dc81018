"""An event page's views and downloads (issue 18, part 5): the daily COUNTER rows of the
event's records, counting only those the viewer may open."""

from resource_hub.events.selectors import event_usage
from resource_hub.records.models import AccessLevel
from resource_hub.records.services import record_release

from .test_public_figures import DOWNLOADS, VIEWS, used


def test_an_event_counts_the_use_of_the_records_each_viewer_may_open(
    client, world, postgres_db, settings, make_event, make_record
):
    settings.ELASTICSEARCH_URL = ""  # the page lists from the database; the figures are stats'
    event = make_event()
    public = record_release(user=world.editor_a, record=make_record(event=event))
    members = make_record(event=event, title="Members only", access_level=AccessLevel.INSTITUTION)
    record_release(user=world.editor_a, record=members)
    elsewhere = record_release(user=world.editor_a, record=make_record(title="Elsewhere"))
    draft = make_record(event=event, title="A draft")
    for record, views, downloads in [
        (public, 5, 2),
        (members, 7, 3),
        (elsewhere, 100, 100),
        (draft, 50, 50),
    ]:
        used(record, VIEWS, views)
        used(record, DOWNLOADS, downloads)

    anonymous = event_usage(None, event)
    assert (anonymous.all_time.views, anonymous.all_time.downloads) == (5, 2)
    member = event_usage(world.member_a, event)
    assert (member.all_time.views, member.all_time.downloads) == (12, 5)

    html = client.get(event.url).content.decode()
    assert '<strong class="usage-views">5</strong>' in html
    assert '<strong class="usage-downloads">2</strong>' in html
