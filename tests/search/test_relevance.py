"""Relevance on the real Elasticsearch node: for a fixed multilingual set of released
records, each query finds its record first (or in the top three where a typo or a
missing diacritic makes that the honest promise), above the records that match
it less well. See relevance_data.py.

One corpus, one index, every query: a miss is reported with what came instead.
"""

from resource_hub.core.vocabularies import Language, Licence, ResourceType, SubjectField
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
            translations=[
                {"language": Language.objects.get(code=code), "title": title, "abstract": abstract}
                for code, title, abstract in spec.get("translations", ())
            ],
            subject=SubjectField.objects.get(code=spec["subject"]) if "subject" in spec else None,
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
    for case in QUERIES:
        found = ranked(case.query, corpus)
        if case.expected not in found[: case.rank]:
            misses.append(f"{case.why}: {case.query!r} wanted {case.expected} in the top "
                          f"{case.rank}, got {found[:5]}")  # fmt: skip
        for weaker in case.above:
            if weaker not in found:
                misses.append(f"{case.why}: {case.query!r} should also find {weaker}: {found}")
            elif case.expected in found and found.index(weaker) < found.index(case.expected):
                misses.append(f"{case.why}: {case.query!r} ranked {weaker} above "
                              f"{case.expected}: {found}")  # fmt: skip
    assert not misses, "\n".join(misses)


def ranked(query: str, corpus: dict[int, str]) -> list[str]:
    result = search(SearchParams(q=query, page_size=20))
    assert not result.degraded, result.degraded_reason
    return [corpus.get(hit.id) for hit in result.hits]


def test_the_set_asks_at_least_forty_several_word_queries_in_every_language():
    several = [case for case in QUERIES if len(case.query.split()) > 1 or case.above]
    languages = {RECORDS[case.expected]["language"] for case in several}
    assert len(several) >= 40
    assert languages >= {"zh", "th", "vi", "id", "ms", "km", "lo", "my", "en"}
