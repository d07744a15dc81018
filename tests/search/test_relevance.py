"""Relevance on the real Elasticsearch node: for a fixed multilingual set of released
records, each query finds its record first (or in the top three where a typo or a
missing diacritic makes that the honest promise). See relevance_data.py.

One corpus, one index, every query: a miss is reported with what came instead.
"""

from resource_hub.core.vocabularies import Language, Licence, ResourceType
from resource_hub.records.models import TeachingResourcePage
from resource_hub.records.services import file_attach, record_create_draft
from search.lifecycle import rebuild
from search.params import SearchParams
from search.service import search

from .relevance_data import QUERIES, RECORDS


def build_corpus(world, release, text_document) -> dict[int, str]:
    ids = {}
    for key, spec in RECORDS.items():
        record = record_create_draft(
            user=world.teacher_a,
            institution=world.inst_a,
            record_class=TeachingResourcePage,
            title=spec["title"],
            abstract=spec["abstract"],
            keywords=spec["keywords"],
            language=Language.objects.get(code=spec["language"]),
            resource_type=ResourceType.objects.filter(applies_to="material").first(),
            licence=Licence.objects.get(code="CC-BY-4.0"),
            year=2025,
            creators=[{"name": "Nguyen Van An"}],
        )
        if "file_text" in spec:
            document = text_document(spec["file_text"], title=f"{key}.pdf")
            file_attach(user=world.teacher_a, record=record, document=document)
        release(record)
        ids[record.pk] = key
    rebuild()
    return ids


def test_each_query_finds_its_record(es_client, world, release, text_document):
    corpus = build_corpus(world, release, text_document)
    misses = []
    for query, expected, rank, why in QUERIES:
        result = search(SearchParams(q=query, page_size=10))
        assert not result.degraded, result.degraded_reason
        found = [corpus.get(hit.id) for hit in result.hits]
        if expected not in found[:rank]:
            misses.append(f"{why}: {query!r} wanted {expected} in the top {rank}, got {found[:5]}")
    assert not misses, "\n".join(misses)
