"""The demo's curated collections (issue 14, part 7): at least ten, across institutions and
countries, each of released public records, in English with a Chinese translation."""

from collections import Counter

import pytest
from django.utils import translation

from resource_hub.access.records import is_public
from resource_hub.core.vocabularies import SubjectField
from resource_hub.demo.collections import COLLECTIONS
from resource_hub.demo.institutions import INSTITUTIONS
from resource_hub.demo.loader import DEFAULT_RECORDS, load_demo
from resource_hub.demo.specs import State, build_specs
from resource_hub.demo.topics import TOPICS
from resource_hub.institutions.models import InstitutionPage
from resource_hub.records.models import CuratedCollectionPage, TeachingResourcePage
from resource_hub.records.services import record_create_draft, record_release
from tests.world import record_fields


def test_the_table_spans_institutions_and_countries():
    countries = {row.slug: row.country for row in INSTITUTIONS}
    assert len(COLLECTIONS) >= 10
    assert len({row.slug for row in COLLECTIONS}) == len(COLLECTIONS)
    assert len({row.institution for row in COLLECTIONS}) >= 10
    assert len({countries[row.institution] for row in COLLECTIONS}) >= 10
    for row in COLLECTIONS:
        assert set(row.topics) <= set(TOPICS)
        assert row.title_zh and row.description_zh and row.title_zh != row.title


def test_at_full_size_every_themed_collection_has_public_records_to_pick():
    """What `make run` loads: enough public records on each row's topics (no database)."""
    public = Counter(
        TOPICS[spec.topic][0]
        for spec in build_specs(INSTITUTIONS, DEFAULT_RECORDS)
        if spec.state == State.PUBLIC
    )
    for row in COLLECTIONS:
        if row.topics:
            assert sum(public[TOPICS[topic][0]] for topic in row.topics) >= 4, row.slug


@pytest.mark.django_db
def test_the_loader_makes_at_least_ten_collections_once():
    # Every institution and account, no generated records (they take minutes)...
    load_demo(records=0)
    assert not CuratedCollectionPage.objects.exists()  # nothing to pick yet
    # ... then one released public record per topic, from institutions in turn, and
    # one members-only record that no collection may pick.
    institutions = list(InstitutionPage.objects.order_by("pk"))
    admin = institutions[0].owner
    for n, (topic, (subject, _levels)) in enumerate(sorted(TOPICS.items())):
        record = record_create_draft(
            user=admin,
            institution=institutions[n % len(institutions)],
            record_class=TeachingResourcePage,
            creators=[{"name": "Demo Teacher"}],
            **record_fields(title=f"About {topic}", subject=SubjectField.objects.get(code=subject)),
        )
        record_release(user=admin, record=record)

    first = load_demo(records=0)
    again = load_demo(records=0)

    collections = CuratedCollectionPage.objects.live()
    assert first.collections_created == collections.count() >= 10
    assert again.collections_created == 0
    assert len({page.get_parent().pk for page in collections}) == collections.count()
    for page in collections:
        picked = [item.record for item in page.items.select_related("record")]
        assert picked and all(is_public(record) for record in picked)
        with translation.override("zh-hans"):
            shown = page.shown_text(list(page.translations.all()))
        assert shown["language"] == "zh" and shown["title"] != page.title
