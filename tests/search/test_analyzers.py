"""The analyzers do what the mapping claims, on the real node (the `_analyze` API)."""

import pytest

from search.documents import LANGUAGE_SUBFIELDS, analysis_settings, cluster_has_icu
from search.lifecycle import create_index


def test_icu_is_used_only_where_the_cluster_has_it():
    with_icu = analysis_settings(icu=True)["analyzer"]["rh_text"]
    without = analysis_settings(icu=False)["analyzer"]["rh_text"]

    assert with_icu["tokenizer"] == "icu_tokenizer"
    assert without["tokenizer"] == "standard"


def test_no_analyzer_folds_with_icu_folding():
    # icu_folding strips the Khmer coeng and the Burmese asat, merging words.
    for icu in (True, False):
        for analyzer in analysis_settings(icu=icu)["analyzer"].values():
            assert "icu_folding" not in analyzer.get("filter", [])


@pytest.fixture
def index(es_client, settings):
    settings.ELASTICSEARCH_SHARDS = 2
    return create_index(es_client)


@pytest.fixture
def tokens(es_client, index):
    def tokens(field_or_analyzer: str, text: str) -> list[str]:
        key = "field" if "." in field_or_analyzer else "analyzer"
        found = es_client.indices.analyze(index=index, text=text, **{key: field_or_analyzer})
        return [token["token"] for token in found["tokens"]]

    return tokens


def test_the_index_takes_its_layout_from_settings(es_client, index):
    found = es_client.indices.get_settings(index=index)[index]["settings"]["index"]

    assert found["number_of_shards"] == "2"
    assert found["number_of_replicas"] == "0"
    assert found["max_ngram_diff"] == "1"


def test_our_node_has_icu_tokenizer(es_client):
    # search/es-analysis-plugin bundles it, as analysis-icu does in production.
    assert cluster_has_icu(es_client) is True


def test_chinese_is_indexed_as_bigrams(tokens):
    assert tokens("title.zh", "水稻栽培技术") == ["水稻", "稻栽", "栽培", "培技", "技术"]
    # full-width Latin letters fold to their usual width
    assert tokens("title.zh", "ＡＢＣ") == ["abc"]


def test_thai_is_broken_into_words(tokens):
    assert tokens("title.th", "ปลูกข้าวหอมมะลิ") == ["ปลูก", "ข้าว", "หอม", "มะลิ"]


def test_vietnamese_matches_with_or_without_diacritics(tokens):
    assert tokens("title.vi", "Tiếng Việt") == tokens("title.vi", "tieng viet") == ["tieng", "viet"]
    assert tokens("title.vi", "Đà Nẵng") == ["da", "nang"]


def test_english_and_indonesian_are_stemmed(tokens):
    assert tokens("title.en", "teaching materials") == ["teach", "materi"]
    assert tokens("title.id", "pembelajaran") == ["ajar"]


def test_khmer_and_burmese_become_two_and_three_character_grams(tokens):
    khmer = tokens("title.ngram", "ភាសាខ្មែរ")
    assert "ភា" in khmer and "ភាស" in khmer
    assert "ខ្ម" in khmer  # the coeng (U+17D2) is kept, not folded away
    assert all(2 <= len(gram) <= 3 for gram in khmer)

    burmese = tokens("title.ngram", "မြန်မာ")
    assert "န်" in burmese  # the asat (U+103A) is kept
    assert all(2 <= len(gram) <= 3 for gram in burmese)


def test_every_text_field_has_every_language_subfield(es_client, index):
    mapping = es_client.indices.get_mapping(index=index)[index]["mappings"]["properties"]
    text_fields = {
        "title": mapping["title"],
        "abstract": mapping["abstract"],
        "keywords": mapping["keywords"],
        "file_text": mapping["file_text"],
        "translations.title": mapping["translations"]["properties"]["title"],
        "creators.name": mapping["creators"]["properties"]["name"],
        "institution.name_local": mapping["institution"]["properties"]["name_local"],
        "partners.name": mapping["partners"]["properties"]["name"],
    }
    for name, field in text_fields.items():
        assert set(LANGUAGE_SUBFIELDS) <= set(field["fields"]), name
