"""The record index: its analyzers and its mapping.

Every text field is indexed once per language family, as sub-fields of one
multi-field, so a query can search them all without knowing the language:

    title          the whole field, a language-neutral analyzer (ICU word breaks
                   when the cluster has `icu_tokenizer`, else the standard tokenizer)
    title.zh       Chinese: full-width folding, Traditional folded to Simplified
                   (ICU's transform, when the cluster has ICU) and CJK bigrams
    title.th       Thai: dictionary word breaks
    title.en       English stemming
    title.id       Indonesian, which also serves Malay
    title.vi       Vietnamese with or without diacritics (ASCII folding)
    title.ngram    2-3 character n-grams: a low-weight fallback for Khmer, Lao
                   and Burmese words the dictionaries do not know

Thai, Lao, Khmer and Burmese, written without spaces, get their words from
the field itself: `icu_tokenizer` breaks them with ICU's dictionaries, so the
field is the word field of these scripts (no separate `.words` sub-field,
which would hold the very same tokens a second time in every text field).
`title.th` stays: the `thai` analyzer is in every distribution's
analysis-common, so Thai keeps real words on a cluster without analysis-icu,
and it drops Thai stop words.

Chinese titles and names also have their pinyin (`search.pinyin`, at index
time) in the `pinyin` object: `pinyin.title.full` ("zhi ye jiao yu" and
"zhiyejiaoyu") and `pinyin.title.initials` ("z y j y"), likewise
`pinyin.creators` and `pinyin.institutions`.

The component names are Elasticsearch's own (`analysis-common`, `analysis-icu`),
which our local node gets from search/es-analysis-plugin, so the same index
body works there and on a production cluster.

The settings are built by pure functions from plain arguments; only
`cluster_has_icu` talks to the cluster.
"""

from elasticsearch import ApiError, Elasticsearch
from elasticsearch_dsl import (
    Boolean,
    Completion,
    Date,
    Integer,
    Keyword,
    Long,
    Mapping,
    Nested,
    Object,
    Text,
)

from resource_hub.access.search import CLAUSES_FIELD, SUGGEST_CONTEXT

#: Bump when the mapping or the analysis changes: `status` shows it, and an
#: index built with another version needs a `rebuild`.
# 3: access clauses (resource_hub.access.search)
# 4: Traditional Chinese folded to Simplified in `.zh` (icu_transform), the
#    `pinyin` fields and pinyin autocomplete inputs; the ICU word field is what
#    Thai, Lao, Khmer and Burmese queries match, n-grams only a fallback (issue 16)
# 5: `event`, where the record was released or presented, and `partner_countries`,
#    the countries of a record's cooperation parties and contributing institutions
#    (issue 18)
MAPPING_VERSION = 5

#: The sub-fields of every multi-language text field, and their analyzers.
LANGUAGE_SUBFIELDS = {
    "zh": "rh_chinese",
    "th": "thai",
    "en": "english",
    "id": "indonesian",
    "vi": "rh_folded",
    "ngram": "rh_ngram",
}

NGRAM_MIN, NGRAM_MAX = 2, 3

# Khmer, Lao, Burmese and Thai vowel signs are marks, not letters: without the
# mark classes the n-gram tokenizer would cut words at every vowel sign.
_NGRAM_TOKEN_CHARS = ["letter", "digit", "non_spacing_mark", "combining_spacing_mark"]


def analysis_settings(*, icu: bool) -> dict:
    """The `analysis` section of the index settings.

    `icu`: the cluster has `icu_tokenizer` and `icu_transform` (Elastic's
    analysis-icu plugin), whose dictionary word breaks suit Thai, Khmer, Lao,
    Burmese and Chinese better than the standard tokenizer, and whose
    Traditional-Simplified transform lets either script find the other.
    No analyzer uses `icu_folding`,
    which strips the Khmer coeng and the Burmese asat and so merges words.
    """
    return {
        "tokenizer": {
            "rh_ngram": {
                "type": "ngram",
                "min_gram": NGRAM_MIN,
                "max_gram": NGRAM_MAX,
                "token_chars": _NGRAM_TOKEN_CHARS,
            },
        },
        "filter": {
            # Elastic's analysis-icu name and settings; our plugin has it too.
            "rh_simplified": {"type": "icu_transform", "id": "Traditional-Simplified"},
        }
        if icu
        else {},
        "analyzer": {
            "rh_text": {
                "type": "custom",
                "tokenizer": "icu_tokenizer" if icu else "standard",
                "filter": ["cjk_width", "lowercase"],
            },
            "rh_chinese": {
                # The built-in `cjk` analyzer without its English stop words.
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["cjk_width", "lowercase"]
                + (["rh_simplified"] if icu else [])
                + ["cjk_bigram"],
            },
            "rh_folded": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            },
            "rh_ngram": {
                "type": "custom",
                "tokenizer": "rh_ngram",
                "filter": ["lowercase"],
            },
            # search.pinyin writes toneless syllables and initials apart.
            "rh_pinyin": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        },
        "normalizer": {
            # Only `lowercase`: our local node cannot use plugin filters in a
            # normalizer (see search/es-analysis-plugin/README.md).
            "rh_lowercase": {"type": "custom", "filter": ["lowercase"]},
        },
    }


def index_settings(*, shards: int, replicas: int, icu: bool) -> dict:
    """The index settings: layout from the project's settings, and the analysis."""
    return {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        # Elasticsearch refuses an n-gram spread above this (default 1).
        "max_ngram_diff": NGRAM_MAX - NGRAM_MIN,
        "analysis": analysis_settings(icu=icu),
    }


def multilingual(*, highlighted: bool = False, **extra) -> Text:
    """A text field with one sub-field per language family (see the module docstring).

    `highlighted`: the fields search snippets come from keep each term's
    character offsets in the index, so the highlighter reads them from there
    instead of analysing the stored text again for every hit and sub-field
    (file text runs to 100,000 characters).
    """
    options = {"index_options": "offsets"} if highlighted else {}
    fields = {
        name: Text(analyzer=analyzer, **options) for name, analyzer in LANGUAGE_SUBFIELDS.items()
    }
    fields.update(extra)
    return Text(analyzer="rh_text", fields=fields, **options)


def _name() -> Text:
    """A searchable name that is also a facet value (`.raw`)."""
    return multilingual(raw=Keyword(ignore_above=256))


def record_mapping() -> Mapping:
    """The fields of a record document; `search.indexing.record_document` fills them."""
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    fields = {
        # what the record is and where it lives
        "id": Integer(),
        "record_type": Keyword(),
        "url_path": Keyword(index=False),
        "version": Long(),  # the live revision's id
        "fingerprint": Keyword(index=False),  # of the indexed content, for `verify`
        # searchable text
        "title": multilingual(
            highlighted=True, raw=Keyword(ignore_above=256, normalizer="rh_lowercase")
        ),
        # Autocomplete on the original and translated titles. A completion
        # field rather than search_as_you_type, which lives in a module
        # (mapper-extras) our local node does not have; the context lets a
        # suggestion be limited to what the viewer may see.
        "suggest": Completion(
            analyzer="rh_text",
            contexts=[{"name": SUGGEST_CONTEXT, "type": "category", "path": "access_suggest"}],
        ),
        "abstract": multilingual(highlighted=True),
        "keywords": _name(),
        "translations": Object(
            properties={"language": Keyword(), "title": multilingual(), "abstract": multilingual()}
        ),
        "creators": Object(
            properties={"name": _name(), "orcid": Keyword(), "affiliation": multilingual()}
        ),
        "institution": Object(properties=_institution_fields()),
        "partners": Object(properties=_institution_fields()),
        "event": Object(
            properties={"id": Keyword(), "name": _name(), "name_local": _name(), "year": Integer()}
        ),
        "file_text": multilingual(highlighted=True),
        # Pinyin of the Chinese titles and names (search.pinyin, at index time)
        "pinyin": Object(
            properties={
                "title": _pinyin(),  # the original and translated titles
                "creators": _pinyin(),
                "institutions": _pinyin(),  # holding and partner institutions, both names
            }
        ),
        # facets, filters and sorting
        "subjects": Keyword(),  # the ISCED-F field and its broad and narrow ancestors
        "levels": Keyword(),  # ISCED 2011 levels and sectors
        "resource_type": Keyword(),
        "language": Keyword(),
        "languages": Keyword(),  # the original and every translation's
        "country": Keyword(),  # the holding institution's
        # its cooperation parties' and contributing institutions' (records/cooperation.py)
        "partner_countries": Keyword(),
        "licence": Keyword(),
        "year": Integer(),
        "has_files": Boolean(),
        "file_count": Integer(),
        # who may see it: see resource_hub.access.search
        "access_level": Keyword(),  # the label shown on results
        CLAUSES_FIELD: Nested(properties={"tokens": Keyword()}),
        "access_suggest": Keyword(),
        "published_at": Date(),
        "first_published_at": Date(),
        "download_count": Long(),
    }
    for name, field in fields.items():
        mapping.field(name, field)
    return mapping


def _pinyin() -> Object:
    return Object(
        properties={"full": Text(analyzer="rh_pinyin"), "initials": Text(analyzer="rh_pinyin")}
    )


def _institution_fields() -> dict:
    return {
        "id": Keyword(),
        "name": _name(),  # English
        "name_local": _name(),  # in its own language
        "country": Keyword(),
    }


def index_body(*, shards: int, replicas: int, icu: bool) -> dict:
    """Settings and mappings for `indices.create`, with the mapping version in `_meta`."""
    mappings = record_mapping().to_dict()
    mappings["_meta"] = {"mapping_version": MAPPING_VERSION, "icu": icu}
    return {
        "settings": index_settings(shards=shards, replicas=replicas, icu=icu),
        "mappings": mappings,
    }


def cluster_has_icu(client: Elasticsearch) -> bool:
    """Whether every node can use `icu_tokenizer` and `icu_transform`.

    Asked by analysing a word with them rather than by plugin name: Elastic's
    `analysis-icu` and our local plugin both provide them under these names
    (our plugin before issue 16 had the tokenizer only: such a node counts
    as without ICU until it is restarted with the new plugin).
    """
    try:
        client.indices.analyze(
            tokenizer="icu_tokenizer",
            filter=[{"type": "icu_transform", "id": "Traditional-Simplified"}],
            text="ทดสอบ",
        )
    except ApiError as error:
        if error.status_code == 400:  # "failed to find global tokenizer"
            return False
        raise
    return True
