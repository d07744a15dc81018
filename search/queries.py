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

from resource_hub.access.search import SUGGEST_CONTEXT, query_filter, suggest_filter
from resource_hub.access.viewers import Viewer

from .facets import FACETS, FACETS_BY_NAME, SORTS
from .params import SearchParams

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
#: The n-gram sub-field matches pieces of words: it serves Khmer, Lao and
#: Burmese, and must not outweigh a whole-word match elsewhere.
NGRAM_WEIGHT = 0.3
NGRAM_SCRIPTS = ("KHMER", "LAO", "MYANMAR")
#: Typo tolerance searches the fields whose analyzers keep whole Latin words.
FUZZY_FIELDS = ("title", "title.vi", "keywords", "keywords.vi", "abstract.vi")
PHRASE_FIELDS = ("title", "title.vi", "translations.title", "abstract", "file_text")

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


def text_fields() -> list[str]:
    """Every searchable field and its word-based language sub-fields, with boosts."""
    fields = []
    for name, boost in BOOSTS.items():
        fields.append(f"{name}^{boost}")
        fields.extend(f"{name}.{language}^{boost}" for language in LANGUAGES)
    return fields


def ngram_fields() -> list[str]:
    """The n-gram sub-fields, weighted down so a whole-word match elsewhere counts more."""
    return [f"{name}.ngram^{round(boost * NGRAM_WEIGHT, 2)}" for name, boost in BOOSTS.items()]


def text_query(q: str) -> dict:
    """Match `q` in any language; a phrase counts more; Latin words forgive a typo."""
    should = [
        {"multi_match": {"query": q, "fields": text_fields(), "type": "best_fields",
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
    The n-gram sub-fields get the words in their scripts as a phrase: the
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
                options["highlight_query"] = {"match_phrase": {field: ngram_words(q)}}
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


def search_body(params: SearchParams) -> dict:
    """The whole search request for `params`."""
    must = text_query(params.q) if params.q else {"match_all": {}}
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
    if is_latin(prefix) and len(prefix) >= 4:
        completion["fuzzy"] = {"fuzziness": 1, "prefix_length": 2}
    return {
        # The full titles: a completion's text is its input cut at the field's
        # max_input_length (50), often inside a word (service.autocomplete).
        "_source": ["id", "title", "translations.title"],
        "suggest": {"titles": {"prefix": prefix, "completion": completion}},
    }
