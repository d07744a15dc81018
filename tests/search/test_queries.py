"""The request bodies of search.queries, as pure functions (the real node tests behaviour)."""

import pytest

from resource_hub.access.search import query_filter
from resource_hub.access.viewers import Viewer, viewer_of
from search.params import InvalidSearchParameter, parse_params
from search.queries import (
    autocomplete_body,
    is_latin,
    needs_ngrams,
    ngram_words,
    search_body,
    text_fields,
)


def body(viewer=None, **query):
    data = {key: value if isinstance(value, list) else [value] for key, value in query.items()}
    return search_body(parse_params(data, viewer=viewer or viewer_of(None)))


@pytest.mark.parametrize(
    ("text", "latin"),
    [("rice", True), ("Tiếng Việt", True), ("水稻", False), ("ข้าว", False), ("rice 水稻", False)],
)
def test_the_script_of_the_query_is_detected(text, latin):
    assert is_latin(text) is latin


def test_typo_tolerance_and_did_you_mean_only_for_latin_queries():
    latin = body(q="cultivaton")
    fuzzy = [
        c for c in latin["query"]["bool"]["must"][0]["bool"]["should"] if "fuzziness" in str(c)
    ]
    assert len(fuzzy) == 1 and "suggest" in latin

    chinese = body(q="水稻")
    assert "fuzziness" not in str(chinese["query"]) and "suggest" not in chinese


def test_title_counts_more_than_keywords_abstract_and_file_text():
    boosts = dict(field.split("^") for field in text_fields())
    assert float(boosts["title.zh"]) > float(boosts["keywords.zh"]) > float(boosts["abstract.zh"])
    assert float(boosts["abstract.zh"]) > float(boosts["file_text.zh"])
    assert not any(".ngram" in field for field in text_fields())
    assert needs_ngrams("ភាសាខ្មែរ") and not needs_ngrams("ภาษาไทย")


def test_only_the_words_written_without_spaces_reach_the_ngram_fields():
    assert ngram_words("ការអប់រំ mathematics ພາສາລາວ") == "ការអប់រំ ພາສາລາວ"
    khmer = body(q="ការអប់រំ mathematics")
    clauses = khmer["query"]["bool"]["must"][0]["bool"]["should"]
    ngram_clauses = [c for c in clauses if ".ngram" in str(c)]
    assert len(ngram_clauses) == 1
    assert ngram_clauses[0]["multi_match"]["query"] == "ការអប់រំ"
    assert ".ngram" not in str(body(q="mathematics")["query"])


def test_highlighting_asks_only_the_sub_fields_a_query_can_match_and_never_fuzzy():
    chinese = body(q="水稻")["highlight"]
    assert set(chinese["fields"]) == {
        f"{field}{sub}" for field in ("title", "abstract", "file_text") for sub in ("", ".zh")
    }
    latin = body(q="giao duc")["highlight"]
    assert "title.vi" in latin["fields"] and "title.th" not in latin["fields"]
    assert "fuzziness" not in str(latin)
    khmer = body(q="ការអប់រំ research")["highlight"]
    assert "file_text.ngram" in khmer["fields"] and "file_text.en" in khmer["fields"]
    assert khmer["fields"]["title.ngram"]["highlight_query"] == {
        "match_phrase": {"title.ngram": "ការអប់រំ"}
    }


def test_each_highlighted_field_has_a_query_on_that_field_alone():
    """One query for every field made the highlighter weigh every field's terms for
    every hit and field; the snippets are the same (bench/README.md, `search.py`)."""
    fields = body(q="ការអប់រំ research")["highlight"]["fields"]

    for name, options in fields.items():
        (query,) = options["highlight_query"].values()
        assert list(query) == [name]


def test_a_selection_filters_hits_and_every_other_facet_but_not_its_own():
    built = body(language=["th", "vi"], year="2024")

    assert built["post_filter"] == {
        "bool": {"filter": [{"terms": {"languages": ["th", "vi"]}}, {"terms": {"year": [2024]}}]}
    }
    assert built["aggs"]["language"]["filter"] == {
        "bool": {"filter": [{"terms": {"year": [2024]}}]}
    }
    assert (
        built["aggs"]["subject"]["filter"]["bool"]["filter"]
        == built["post_filter"]["bool"]["filter"]
    )


def test_access_is_the_policys_filter_for_the_viewer():
    """Every search, suggestion check and completion is filtered as the access policy says."""
    member = Viewer(tokens=frozenset({"anyone", "authenticated", "group:7"}))
    assert body()["query"]["bool"]["filter"] == [query_filter(viewer_of(None))]
    assert body(member)["query"]["bool"]["filter"] == [query_filter(member)]
    contexts = autocomplete_body("Ric", member)["suggest"]["titles"]["completion"]["contexts"]
    assert contexts == {"access": ["anyone", "authenticated", "group:7"]}


def test_pages_and_sorts():
    assert body(page="3", page_size="10")["from"] == 20
    assert body()["sort"][0] == {"first_published_at": {"order": "desc"}}  # no text: newest
    assert body(q="rice")["sort"][0] == "_score"
    with pytest.raises(InvalidSearchParameter, match="first 10000 results"):
        body(page="101", page_size="100")
    with pytest.raises(InvalidSearchParameter) as bad:
        body(q=["a", "b"])
    assert bad.value.parameter == "q"
