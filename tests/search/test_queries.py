"""The request bodies of search.queries, as pure functions (the real node tests behaviour)."""

import pytest

from resource_hub.access.search import query_filter
from resource_hub.access.viewers import Viewer, viewer_of
from search.params import InvalidSearchParameter, parse_params
from search.queries import (
    LANGUAGES,
    autocomplete_body,
    is_latin,
    needs_ngrams,
    ngram_words,
    query_subfields,
    search_body,
    text_fields,
)


def scoring_clauses(search: dict) -> list[dict]:
    """The clauses of the text query that find and score records (the all-words factor aside)."""
    return search["query"]["bool"]["must"][0]["function_score"]["query"]["bool"]["should"]


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
    fuzzy = [c for c in scoring_clauses(latin) if "fuzziness" in str(c)]
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
    clauses = scoring_clauses(khmer)
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


def clauses(q):
    return scoring_clauses(body(q=q))


def test_a_pinyin_clause_only_for_queries_that_are_pinyin_through_and_through():
    (pinyin,) = [c for c in clauses("zhíyè jiàoyù") if "dis_max" in c]
    phrases = [q["match_phrase"] for q in pinyin["dis_max"]["queries"] if "match_phrase" in q]
    assert phrases[0] == {"pinyin.title.full": {"query": "zhi ye jiao yu", "boost": 1.0}}
    assert {"term": {"pinyin.title.full": {"value": "zhiyejiaoyu", "boost": 1.0}}} in (
        pinyin["dis_max"]["queries"]
    )
    (initials,) = [c for c in clauses("zyjy") if "dis_max" in c]
    assert {"match_phrase": {"pinyin.title.initials": {"query": "z y j y", "boost": 1.0}}} in (
        initials["dis_max"]["queries"]
    )
    for q in ("rice cultivation", "水稻", "ภาษาไทย", "pengolahan kopi"):
        assert "pinyin" not in str(clauses(q)), q


def test_khmer_words_reach_the_ngram_fields_as_phrases_only():
    (clause,) = [c for c in clauses("ការអប់រំ") if ".ngram" in str(c)]
    assert clause["multi_match"]["type"] == "phrase"


def test_a_pinyin_prefix_gets_its_own_completion_with_the_same_contexts():
    member = Viewer(tokens=frozenset({"anyone", "authenticated"}))
    suggest = autocomplete_body("zhíyè jiao", member)["suggest"]
    assert suggest["pinyin"]["prefix"] == "zhiyejiao"
    contexts = suggest["pinyin"]["completion"]["contexts"]
    assert contexts == suggest["titles"]["completion"]["contexts"]
    assert "pinyin" not in autocomplete_body("zhiye", member)["suggest"]  # inputs as typed
    assert "pinyin" not in autocomplete_body("Photosynth", member)["suggest"]


@pytest.mark.parametrize(
    ("q", "subfields"),
    [
        ("水稻", ("zh",)),
        ("ข้าว อินทรีย์", ("th",)),
        ("nuôi cá tra", ("en", "id", "vi")),
        ("水稻 rice", ("zh", "en", "id", "vi")),
        ("គណិតវិទ្យា", ()),  # the field itself (ICU words) and the n-grams serve Khmer
        ("2025", LANGUAGES),
    ],
)
def test_a_query_asks_the_language_sub_fields_its_scripts_can_match(q, subfields):
    assert query_subfields(q) == subfields


def test_every_word_and_the_phrase_multiply_the_score_of_the_records_holding_them():
    query = body(q="水稻 病虫害")["query"]["bool"]["must"][0]["function_score"]
    all_words, phrase = query["functions"]
    words = all_words["filter"]["multi_match"]
    assert words["type"] == "cross_fields" and words["operator"] == "and"
    assert "file_text.zh" in words["fields"] and "title.en" not in words["fields"]
    assert phrase["filter"]["multi_match"]["type"] == "phrase"
    assert query["score_mode"] == query["boost_mode"] == "multiply"


def test_khmer_words_beside_latin_ones_need_all_their_ngrams_and_the_other_words():
    query = body(q="គណិតវិទ្យា grade")["query"]["bool"]["must"][0]["function_score"]
    either = query["functions"][0]["filter"]["bool"]["should"]
    by_ngrams = either[1]["bool"]["filter"]
    assert by_ngrams[0]["multi_match"]["query"] == "គណិតវិទ្យា"
    assert all(field.endswith(".ngram") for field in by_ngrams[0]["multi_match"]["fields"])
    assert by_ngrams[1]["multi_match"]["query"] == "grade"


def test_named_vocabulary_codes_add_a_small_constant_clause():
    params = parse_params({"q": ["农业"]}, viewer=viewer_of(None))
    named = search_body(params, vocabulary={"subjects": ("081",), "levels": ()})
    clause = scoring_clauses(named)[-1]["constant_score"]
    assert clause["filter"] == {"bool": {"should": [{"terms": {"subjects": ["081"]}}]}}
    assert clause["boost"] <= 2
    assert "constant_score" not in str(search_body(params)["query"])
