"""Words, not pieces, on the real node: each query of relevance_words.py finds
its expected records first (Thai, Lao, Khmer and Burmese words; Chinese in the
other script and in pinyin; English untouched by pinyin). bench/relevance.py
measures the same set's precision at 5 against the analysis before issue 16.
"""

from resource_hub.core.vocabularies import Language, Licence, ResourceType
from resource_hub.records.models import TeachingResourcePage
from resource_hub.records.services import record_create_draft, record_release
from search.lifecycle import rebuild
from search.params import SearchParams
from search.service import search

from .relevance_words import QUERIES, RECORDS, abstract_of


def build_corpus(world) -> dict[int, str]:
    """The set's records, released by institution B (its names share nothing with the queries)."""
    ids = {}
    for key, spec in RECORDS.items():
        record = record_create_draft(
            user=world.teacher_b,
            institution=world.inst_b,
            record_class=TeachingResourcePage,
            title=spec["title"],
            abstract=abstract_of(spec),
            keywords=spec.get("keywords", []),
            translations=[
                {**t, "language": Language.objects.get(code=t["language"]), "abstract": ""}
                for t in spec.get("translations", [])
            ],
            language=Language.objects.get(code=spec["language"]),
            resource_type=ResourceType.objects.filter(applies_to="material").first(),
            licence=Licence.objects.get(code="CC-BY-4.0"),
            year=2025,
            creators=[{"name": name} for name in spec.get("creators", ["Nguyen Van An"])],
        )
        record_release(user=world.editor_b, record=record)
        ids[record.pk] = key
    rebuild()
    return ids


def test_each_query_finds_its_records_first(es_client, world):
    corpus = build_corpus(world)
    misses = []
    for query, expected, why in QUERIES:
        result = search(SearchParams(q=query, page_size=10))
        assert not result.degraded, result.degraded_reason
        found = [corpus.get(hit.id) for hit in result.hits]
        if set(found[: len(expected)]) != expected:
            misses.append(f"{why}: {query!r} wanted {sorted(expected)} first, got {found[:5]}")
    assert not misses, "\n".join(misses)
