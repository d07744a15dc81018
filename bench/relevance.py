"""Precision at 5 on the word relevance set (tests/search/relevance_words.py):
the analysis and query before issue 16 against today's, both in one run on
the same node. Figures, not a test.

    .venv/bin/python bench/relevance.py

Three indices under a fresh prefix (`bench-<random>`, deleted at the end)
hold the same records:
- ngrams: the same as before, on a cluster without ICU (the standard tokenizer
  in the fields themselves): Khmer, Lao and Burmese words reach only the
  n-grams, as the issue describes them;
- before: mapping version 3 as it was: `.zh` without the Traditional-Simplified
  transform, no pinyin fields, and its query: the Khmer/Lao/Burmese n-gram
  clause matching any shared piece (no minimum), no pinyin clause;
- after: `documents.index_body` and `queries.text_query` as they are now.

Each query of the set runs against both (the text query alone: every record
is public, so the access filter would change nothing). Precision at 5 is the
share of expected records among the first five results (or among all of them
when fewer are found; 0 when nothing is); recall at 5 is the share of the
expected records found there. The last line also gives the usual TREC
reading (expected records in the top five, divided by five always), which
cannot tell a short right answer from one padded with wrong records.
"""

import argparse
import os
import statistics
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")
PREFIX = f"bench-{uuid.uuid4().hex[:8]}"
os.environ["ELASTICSEARCH_INDEX_PREFIX"] = PREFIX

import django

django.setup()

from resource_hub.access.search import document_fields as access_fields
from search.client import get_client
from search.documents import cluster_has_icu, index_body
from search.indexing import suggest_inputs
from search.pinyin import pinyin_forms
from search.queries import FUZZY_FIELDS, PHRASE_FIELDS, is_latin, ngram_fields, ngram_words
from search.queries import text_fields as current_text_fields
from search.queries import text_query as current_text_query
from tests.search.relevance_words import QUERIES, RECORDS, abstract_of

K = 5
INSTITUTION = {"id": "1", "name": "Regional Teaching College", "name_local": "", "country": "TH"}


def before_text_query(q: str) -> dict:
    """`queries.text_query` as it was at mapping version 3 (before issue 16)."""
    should = [
        {"multi_match": {"query": q, "fields": current_text_fields(), "type": "best_fields",
                         "tie_breaker": 0.3}},
        {"multi_match": {"query": q, "fields": list(PHRASE_FIELDS), "type": "phrase",
                         "slop": 1, "boost": 3}},
    ]  # fmt: skip
    pieces = ngram_words(q)
    if pieces:
        should.append(
            {"multi_match": {"query": pieces, "fields": ngram_fields(), "type": "best_fields",
                             "tie_breaker": 0.3}}
        )  # fmt: skip
    if is_latin(q):
        should.append(
            {"multi_match": {"query": q, "fields": list(FUZZY_FIELDS), "fuzziness": "AUTO",
                             "prefix_length": 1, "max_expansions": 20, "boost": 0.5}}
        )  # fmt: skip
    return {"bool": {"should": should, "minimum_should_match": 1}}


def before_body(icu: bool) -> dict:
    """Today's index body without the Traditional-Simplified transform (as at version 3)."""
    body = index_body(shards=1, replicas=0, icu=icu)
    analysis = body["settings"]["analysis"]
    chinese = analysis["analyzer"]["rh_chinese"]
    chinese["filter"] = [name for name in chinese["filter"] if name != "rh_simplified"]
    analysis.get("filter", {}).pop("rh_simplified", None)
    return body


def document(number: int, spec: dict, *, pinyin: bool) -> dict:
    """The searched fields of a record document (as `indexing.record_document` fills them)."""
    translations = spec.get("translations", [])
    creators = spec.get("creators", ["Nguyen Van An"])
    titles = [spec["title"], *(t["title"] for t in translations)]
    doc = {
        "id": number,
        "title": spec["title"],
        "abstract": abstract_of(spec),
        "keywords": spec.get("keywords", []),
        "translations": [{**t, "abstract": ""} for t in translations],
        "creators": [{"name": name} for name in creators],
        "institution": INSTITUTION,
        "language": spec["language"],
        "suggest": suggest_inputs(titles) if pinyin else titles,
        **access_fields([], access_level="public"),
    }
    if pinyin:
        doc["pinyin"] = {
            "title": pinyin_forms(titles).as_document(),
            "creators": pinyin_forms(creators).as_document(),
            "institutions": pinyin_forms([INSTITUTION["name"]]).as_document(),
        }
    return doc


def load(client, name: str, body: dict, *, pinyin: bool) -> dict[int, str]:
    client.indices.create(index=name, **body)
    keys = {}
    for number, (key, spec) in enumerate(RECORDS.items(), start=1):
        client.index(index=name, id=str(number), document=document(number, spec, pinyin=pinyin))
        keys[number] = key
    client.indices.refresh(index=name)
    return keys


def measure(client, name: str, keys: dict[int, str], build) -> list[tuple[float, float, list]]:
    figures = []
    for q, expected, _why in QUERIES:
        hits = client.search(index=name, query=build(q), size=K, _source=False)["hits"]["hits"]
        found = [keys[int(hit["_id"])] for hit in hits]
        right = sum(1 for key in found if key in expected)
        precision = right / len(found) if found else 0.0
        recall = right / len(expected)
        figures.append((precision, recall, found, right / K))
    return figures


GROUPS = {
    "Khmer": "km",
    "Lao": "lo",
    "Burmese": "my",
    "Thai": "th",
    "Chinese, other script": "script",
    "pinyin": "pinyin",
    "English": "en",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="list each query's top five")
    args = parser.parse_args()
    client = get_client()
    icu = cluster_has_icu(client)
    setups = {
        # name: (index body, pinyin fields, query)
        "ngrams": (before_body(False), False, before_text_query),
        "before": (before_body(icu), False, before_text_query),
        "after": (index_body(shards=1, replicas=0, icu=icu), True, current_text_query),
    }
    runs = {}
    try:
        for name, (body, pinyin, build) in setups.items():
            keys = load(client, f"{PREFIX}-{name}", body, pinyin=pinyin)
            runs[name] = measure(client, f"{PREFIX}-{name}", keys, build)
    finally:
        client.indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True)

    names = list(runs)
    heading = " ".join(f"{'P@5 ' + n:>11}" for n in names) + " "
    heading += " ".join(f"{'R@5 ' + n:>11}" for n in names)
    print(f"{len(RECORDS)} records, {len(QUERIES)} queries, cluster ICU: {icu}")
    print(f"{'query':<22} {heading}")
    for number, (q, _expected, why) in enumerate(QUERIES):
        row = [runs[n][number] for n in names]
        cells = " ".join(f"{r[0]:>11.2f}" for r in row) + " "
        cells += " ".join(f"{r[1]:>11.2f}" for r in row)
        print(f"{q:<22} {cells}  {why}")
        if args.show:
            for name, r in zip(names, row, strict=True):
                print(f"{'':<22} {name:<7} {r[2]}")
    print(f"\n{'group':<22} {'queries':>7} {heading}")
    for label, group in [*GROUPS.items(), ("all", None)]:
        numbers = [
            number
            for number, (q, expected, _) in enumerate(QUERIES)
            if group is None or _group(q, expected) == group
        ]
        cells = " ".join(f"{statistics.mean(runs[n][i][0] for i in numbers):>11.2f}" for n in names)
        cells += " " + " ".join(
            f"{statistics.mean(runs[n][i][1] for i in numbers):>11.2f}" for n in names
        )
        print(f"{label:<22} {len(numbers):>7} {cells}")
    trec = ", ".join(f"{n} {statistics.mean(r[3] for r in runs[n]):.2f}" for n in names)
    print(f"\nTREC P@5 (right answers / 5), all queries: {trec}")


def _group(q: str, expected: set[str]) -> str:
    language = RECORDS[next(iter(sorted(expected)))]["language"]
    if language == "zh" or any(key.startswith("zh-") for key in expected):
        return "pinyin" if is_latin(q) else "script"
    return language


if __name__ == "__main__":
    main()
