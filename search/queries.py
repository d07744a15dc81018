"""Search request bodies, built from SearchParams by pure functions.

Nothing here talks to Elasticsearch or the database: `service.py` sends what
these return. The shape of a search:

    query         the text (or match_all) AND what the viewer may see
    post_filter   the facet selections, so they narrow the hits only
    aggs          one filter aggregation per facet holding every *other*
                  facet's selection, so each facet counts as if its own
                  selection were off (multi-select)
"""

import unicodedata
from collections.abc import Mapping

from resource_hub.access.search import SUGGEST_CONTEXT, query_filter, suggest_filter
from resource_hub.access.viewers import Viewer

from .facets import FACETS, FACETS_BY_NAME, SORTS
from .params import SearchParams
from .pinyin import completion_prefix
from .pinyin import parse_query as parse_pinyin

LANGUAGES = ("zh", "th", "en", "id", "vi")

#: Field boosts: title > keywords > abstract > file text. Names and
#: institutions sit between abstract and file text.
BOOSTS = {
    "title": 6,
    "translations.title": 5,
    "keywords": 4,
    "abstract": 2,
    "translations.abstract": 2,
    "creators.name": 2,
    "institution.name": 1.5,
    "institution.name_local": 1.5,
    "partners.name": 1,
    "partners.name_local": 1,
    "file_text": 1,
}
#: The n-gram sub-field matches pieces of words: a fallback for Khmer, Lao and
#: Burmese words that ICU's dictionaries split otherwise (the field itself
#: holds ICU's words), and it must not outweigh a whole-word match elsewhere.
NGRAM_WEIGHT = 0.3
NGRAM_SCRIPTS = ("KHMER", "LAO", "MYANMAR")
#: The pinyin of Chinese titles and names (search.pinyin). The clause weighs
#: little: an English word may read as pinyin too ("rice" is ri ce).
PINYIN_BOOSTS = {"pinyin.title": 1.0, "pinyin.creators": 0.6, "pinyin.institutions": 0.4}
PINYIN_WEIGHT = 1.0
#: Typo tolerance searches the fields whose analyzers keep whole Latin words.
FUZZY_FIELDS = ("title", "title.vi", "keywords", "keywords.vi", "abstract.vi")
PHRASE_FIELDS = (
    "title",
    "title.vi",
    "translations.title",
    "abstract",
    "translations.abstract",
    "file_text",
)

HIGHLIGHTED = {"title": 0, "abstract": 2, "file_text": 2}  # field: fragments (0 = whole)
SNIPPET_CHARS = 160
SOURCE_FIELDS = [
    "id",
    "record_type",
    "title",
    "abstract",
    "language",
    "year",
    "institution.name",
    "institution.name_local",
    "access_level",
    "has_files",
    "first_published_at",
    "download_count",
]


def is_latin(text: str) -> bool:
    """Whether every letter of `text` is Latin (Vietnamese's diacritics included)."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(unicodedata.name(char, "").startswith("LATIN") for char in letters)


def needs_ngrams(text: str) -> bool:
    """Whether `text` has a script written without spaces that only n-grams can split."""
    return bool(ngram_words(text))


def ngram_words(text: str) -> str:
    """The words of `text` in the scripts written without spaces, and only those.

    The n-gram sub-fields get these alone: two- and three-letter pieces of a
    Latin word ("research" → re, es, se, …) match nearly every document and
    cost the highlighter dearly.
    """
    return " ".join(
        word
        for word in text.split()
        if any(unicodedata.name(char, "").startswith(NGRAM_SCRIPTS) for char in word)
    )


def text_fields(subfields: tuple[str, ...] = LANGUAGES) -> list[str]:
    """Every searchable field and its word-based language sub-fields, with boosts.

    `subfields`: the language sub-fields to search (all by default); see
    `query_subfields` for the ones a query's scripts can match.
    """
    fields = []
    for name, boost in BOOSTS.items():
        fields.append(f"{name}^{boost}")
        fields.extend(f"{name}.{language}^{boost}" for language in subfields)
    return fields


def ngram_fields() -> list[str]:
    """The n-gram sub-fields, weighted down so a whole-word match elsewhere counts more."""
    return [f"{name}.ngram^{round(boost * NGRAM_WEIGHT, 2)}" for name, boost in BOOSTS.items()]


#: The word-based language sub-fields that can hold a query's words, by script.
#: Another language's analyzer cuts a script it does not know into single
#: characters (Chinese under the standard tokenizer) or whole runs (Thai), which
#: match by accident, add noise to the score and cost a term query per field.
_SCRIPT_LANGUAGES = (
    (("CJK", "HIRAGANA", "KATAKANA", "HANGUL"), ("zh",)),
    (("THAI",), ("th",)),
    (("LATIN",), ("en", "id", "vi")),
)


def query_subfields(q: str) -> tuple[str, ...]:
    """The language sub-fields (of LANGUAGES) a query in these scripts can match.

    Khmer, Lao and Burmese have none: the field itself (ICU's dictionary
    words) and the n-gram sub-field serve them. Digits and other scripts ask
    every sub-field, as before.
    """
    names = {unicodedata.name(char, "") for char in q if char.isalpha()}
    wanted: list[str] = []
    for prefixes, languages in _SCRIPT_LANGUAGES:
        if any(name.startswith(prefixes) for name in names):
            wanted.extend(languages)
    known = NGRAM_SCRIPTS + tuple(p for prefixes, _ in _SCRIPT_LANGUAGES for p in prefixes)
    if not names or any(not name.startswith(known) for name in names):
        return LANGUAGES
    return tuple(language for language in LANGUAGES if language in wanted)


#: A record holding every word of the query scores this many times what it
#: would score for its words alone, and one holding them as a phrase that many
#: times again. Factors rather than added amounts, so they mean the same
#: whatever the size of the index (BM25 scores grow with the rarity of the
#: words): a record with some of the words in its title passes a record with
#: all of them (say only in its file's text) only when it matches that many
#: times better. Among equals the field boosts decide: titles first.
ALL_WORDS_FACTOR = 10
PHRASE_FACTOR = 3


def all_words_filter(q: str, subfields: tuple[str, ...]) -> dict:
    """Records holding every word of `q` in some field or other, file text included.

    `cross_fields` with `operator: and` takes the fields in groups of one
    analyzer (a language): a record passes when one group holds every word,
    each word in any of the group's fields. A filter, so it costs no scoring.
    Words of Khmer, Lao and Burmese are found by the field itself (ICU's
    dictionary words) or, where the cluster lacks ICU, all their n-grams.
    """
    fields = list(BOOSTS) + [f"{name}.{language}" for name in BOOSTS for language in subfields]
    words = {"multi_match": {"query": q, "fields": fields, "type": "cross_fields",
                             "operator": "and"}}  # fmt: skip
    pieces = ngram_words(q)
    if not pieces:
        return words
    rest = " ".join(word for word in q.split() if word not in pieces.split())
    by_ngrams = [
        {"multi_match": {"query": pieces, "fields": [f"{name}.ngram" for name in BOOSTS],
                         "type": "cross_fields", "operator": "and"}}
    ]  # fmt: skip
    if rest:
        by_ngrams.append({"multi_match": {**words["multi_match"], "query": rest}})
    return {"bool": {"should": [words, {"bool": {"filter": by_ngrams}}], "minimum_should_match": 1}}


def phrase_filter(q: str) -> dict:
    """Records holding the words as a phrase (one word may come between)."""
    return {"multi_match": {"query": q, "fields": list(PHRASE_FIELDS), "type": "phrase",
                            "slop": 1}}  # fmt: skip


#: What naming a record's subject, level or type adds to its score: about one
#: common word in an abstract, far below a word in a title (relevance_data.py
#: holds the cases: "水稻 农业" ranks a 水稻 title above a record filed under
#: agriculture alone).
VOCABULARY_WEIGHT = 2.0


def vocabulary_clause(codes: Mapping[str, tuple[str, ...]]) -> dict | None:
    """Records filed under the subjects, levels or types the query names (see vocabulary.py).

    A constant, small next to a matching word's score: it finds a record
    described in another language by what it is filed under, and lifts a
    little the records that match the words and are filed there too.
    """
    wanted = [{"terms": {field: list(values)}} for field, values in codes.items() if values]
    if not wanted:
        return None
    return {"constant_score": {"filter": {"bool": {"should": wanted}}, "boost": VOCABULARY_WEIGHT}}


def text_query(q: str, *, vocabulary: Mapping[str, tuple[str, ...]] | None = None) -> dict:
    """Match `q` in any language; every word counts most, then a phrase; Latin words forgive a typo.

    A record is found by any of the words (in the language sub-fields its
    scripts can match), scored with titles first; one holding every word is
    then worth ALL_WORDS_FACTOR times as much, and the words as a phrase
    PHRASE_FACTOR times more again.
    `vocabulary`: field → codes the query names (`search.vocabulary`).
    """
    subfields = query_subfields(q)
    should = [
        {"multi_match": {"query": q, "fields": text_fields(subfields), "type": "best_fields",
                         "tie_breaker": 0.3}},
    ]  # fmt: skip
    should.extend(clause for clause in (ngram_clause(q), pinyin_clause(q)) if clause)
    if is_latin(q):
        should.append(
            {"multi_match": {"query": q, "fields": list(FUZZY_FIELDS), "fuzziness": "AUTO",
                             "prefix_length": 1, "max_expansions": 20, "boost": 0.5}}
        )  # fmt: skip
    named = vocabulary_clause(vocabulary or {})
    if named:
        should.append(named)
    return {
        "function_score": {
            "query": {"bool": {"should": should, "minimum_should_match": 1}},
            "functions": [
                {"filter": all_words_filter(q, subfields), "weight": ALL_WORDS_FACTOR},
                {"filter": phrase_filter(q), "weight": PHRASE_FACTOR},
            ],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def ngram_clause(q: str) -> dict | None:
    """The n-gram fallback for the words of `q` in Khmer, Lao or Burmese, if it has any.

    Each word as a phrase of its pieces: the pieces in a row are the word
    itself, found even inside a compound ICU reads as one word (ដាំស្រូវ
    holds ស្រូវ), where the pieces one by one matched any record sharing a
    syllable (ជីវវិទ្យា biology for គណិតវិទ្យា mathematics).
    """
    words = ngram_words(q).split()
    if not words:
        return None
    phrases = [
        {"multi_match": {"query": word, "fields": ngram_fields(), "type": "phrase"}}
        for word in words
    ]
    return phrases[0] if len(phrases) == 1 else {"bool": {"should": phrases}}


def pinyin_clause(q: str) -> dict | None:
    """`q` read as pinyin, against the pinyin of Chinese titles and names.

    Only for a query that is pinyin through and through (`search.pinyin.parse_query`):
    its syllables as a phrase ("zhi ye jiao yu" inside a longer title), or
    the whole joined title, or its initials as a phrase ("z y j y").
    """
    parsed = parse_pinyin(q)
    if parsed is None:
        return None
    queries = []
    for name, boost in PINYIN_BOOSTS.items():
        if parsed.initials:
            phrase = {"query": " ".join(parsed.initials), "boost": boost}
            queries.append({"match_phrase": {f"{name}.initials": phrase}})
            continue
        phrase = {"query": " ".join(parsed.syllables), "boost": boost}
        queries.append({"match_phrase": {f"{name}.full": phrase}})
        queries.append({"term": {f"{name}.full": {"value": parsed.joined, "boost": boost}}})
    return {"dis_max": {"queries": queries, "boost": PINYIN_WEIGHT}}


def facet_filter(name: str, values: tuple[str, ...]) -> dict:
    facet = FACETS_BY_NAME[name]
    if facet.kind == "boolean":
        return {"terms": {facet.field: [value == "true" for value in values]}}
    if facet.kind == "integer":
        return {"terms": {facet.field: [int(value) for value in values]}}
    return {"terms": {facet.field: list(values)}}


def selection_filters(params: SearchParams, *, leave_out: str | None = None) -> list[dict]:
    """One filter per facet with a selection (values within a facet are OR-ed)."""
    return [
        facet_filter(name, values)
        for name, values in params.filters.items()
        if values and name != leave_out
    ]


def facet_aggregations(params: SearchParams) -> dict:
    """Per facet: its value counts under every other facet's selection."""
    aggs = {}
    for facet in FACETS:
        others = selection_filters(params, leave_out=facet.name)
        terms = {"field": facet.field, "size": facet.size}
        if facet.kind == "integer":
            terms["order"] = {"_key": "desc"}  # years: newest first
        aggs[facet.name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": terms}},
        }
    return aggs


#: Which language sub-fields can hold a query's words, by the scripts it is written in.
_SCRIPT_SUBFIELDS = (
    (("CJK", "HIRAGANA", "KATAKANA", "HANGUL"), (".zh",)),
    (("THAI",), (".th",)),
    # Khmer, Lao and Burmese: the field itself holds ICU's words; `.ngram`
    # only for a record found by the fallback (service._best asks it last).
    (NGRAM_SCRIPTS, (".ngram",)),
    (("LATIN",), (".en", ".id", ".vi")),
)


def highlight_subfields(q: str) -> tuple[str, ...]:
    """The field itself, and the language sub-fields a query in these scripts can match.

    Highlighting a sub-field costs time per hit whether or not it matches;
    a Chinese query cannot match the Thai or English sub-fields, so they are
    not asked.
    """
    names = {unicodedata.name(char, "") for char in q if char.isalpha()}
    subfields = [""]
    for prefixes, wanted in _SCRIPT_SUBFIELDS:
        if any(name.startswith(prefixes) for name in names):
            subfields.extend(wanted)
    return tuple(subfields)


def highlight(q: str) -> dict:
    """Snippets of title, abstract and file text, HTML-escaped, matches in <mark>.

    The sub-fields in the query's scripts are highlighted too (they share the
    text of their field); `service.py` keeps the first one that found
    something. Each highlighted field gets a query of its own, on that field
    alone, with the words but no typo tolerance:
    - one query for all the fields made the highlighter weigh every field's
      terms again for every hit and every field (a term lookup in each
      segment): per field, the same snippets cost half as much (bench/README.md);
    - expanding fuzzy terms again for every hit and field cost seconds per
      search, and a snippet marking a word the visitor did not type is no help.
    The n-gram sub-fields get each word in their scripts as a phrase: the
    word's pieces in a row mark the word itself, where the pieces one by one
    would mark every syllable they share.
    """
    fields = {}
    for name, fragments in HIGHLIGHTED.items():
        for sub in highlight_subfields(q):
            field = f"{name}{sub}"
            options = {"number_of_fragments": fragments}
            if fragments:
                options["fragment_size"] = SNIPPET_CHARS
            if sub == ".ngram":
                # Each word as a phrase, as ngram_clause finds it.
                phrases = [{"match_phrase": {field: word}} for word in ngram_words(q).split()]
                options["highlight_query"] = (
                    phrases[0] if len(phrases) == 1 else {"bool": {"should": phrases}}
                )
            else:
                options["highlight_query"] = {"match": {field: q}}
            fields[field] = options
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "fields": fields,
    }


def did_you_mean(q: str) -> dict:
    """A phrase suggester on titles (see `suggestion_check_body` for why it is checked).

    No `collate`: it needs the lang-mustache module, which the test
    distribution of Elasticsearch lacks.
    """
    return {
        "did_you_mean": {
            "text": q,
            "phrase": {
                "field": "title",
                "size": 1,
                "gram_size": 1,
                "max_errors": 2,
                "confidence": 1.0,
                "direct_generator": [
                    {"field": "title", "suggest_mode": "missing", "min_word_length": 3}
                ],
            },
        }
    }


def suggestion_check_body(suggestion: str, viewer: Viewer) -> dict:
    """Does the suggestion find a record the viewer may see? (size 0, a count)

    The suggester draws words from every indexed title, registered-only and
    institution-only ones too; a correction is offered only when it leads to
    something the viewer may open.
    """
    match = {"match": {"title": {"query": suggestion, "operator": "and"}}}
    return {
        "query": {"bool": {"must": [match], "filter": [query_filter(viewer)]}},
        "size": 0,
        "track_total_hits": 1,
    }


def search_body(
    params: SearchParams, *, vocabulary: Mapping[str, tuple[str, ...]] | None = None
) -> dict:
    """The whole search request for `params` (`vocabulary`: see `text_query`)."""
    must = text_query(params.q, vocabulary=vocabulary) if params.q else {"match_all": {}}
    sort = SORTS[params.sort][1]
    if not params.q and params.sort == "relevance":
        sort = SORTS["newest"][1]  # no text, no relevance: newest first
    body = {
        "query": {"bool": {"must": [must], "filter": [query_filter(params.viewer)]}},
        "aggs": facet_aggregations(params),
        "sort": sort,
        "from": params.offset,
        "size": params.page_size,
        "track_total_hits": True,
        "_source": SOURCE_FIELDS,
    }
    if params.search_after:
        del body["from"]
        body["search_after"] = list(params.search_after)
    selected = selection_filters(params)
    if selected:
        body["post_filter"] = {"bool": {"filter": selected}}
    if params.q:
        body["highlight"] = highlight(params.q)
        if is_latin(params.q):
            body["suggest"] = did_you_mean(params.q)
    return body


def autocomplete_body(prefix: str, viewer: Viewer, *, size: int = 8) -> dict:
    """Title completions the viewer may see (the access policy's completion contexts)."""
    completion = {
        "field": "suggest",
        "size": size,
        "skip_duplicates": True,
    }
    completion["contexts"] = {SUGGEST_CONTEXT: suggest_filter(viewer)}
    suggest = {"titles": {"prefix": prefix, "completion": completion}}
    if is_latin(prefix) and len(prefix) >= 4:
        completion["fuzzy"] = {"fuzziness": 1, "prefix_length": 2}
    pinyin = completion_prefix(prefix)
    if pinyin and pinyin != prefix.lower():
        # Chinese titles' pinyin inputs are toneless and joined ("zhiyejiaoyu",
        # search.indexing.suggest_inputs): "zhíyè jiao" asks for "zhiyejiao",
        # with the same contexts, so the policy limits these suggestions too.
        plain = {key: value for key, value in completion.items() if key != "fuzzy"}
        suggest["pinyin"] = {"prefix": pinyin, "completion": plain}
    return {
        # The inputs: a completion's text is its input cut at the field's
        # max_input_length (50), often inside a word, or a title's pinyin;
        # service.autocomplete finds the whole title among them.
        "_source": ["id", "suggest"],
        "suggest": suggest,
    }
