"""What the search page shows: result cards, clean snippets, facets with "show more"
and subjects as a tree; on the real node, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resource_hub.core.vocabularies import ResourceType, SubjectField
from search import lifecycle
from search.display import FACET_TOP, clean_snippets, facet_views, subject_tree
from search.labels import facet_labels
from search.results import FacetResult, FacetValue


def test_snippets_are_repaired_and_each_text_shown_once():
    fragments = [
        "Kallang  Poly-\ntechnic\n offers <mark>rice</mark> courses",
        "kallang polytechnic offers <mark>rice</mark> courses",  # the same, from the file
        "A second,   different <mark>rice</mark> passage",
    ]

    cleaned = clean_snippets(fragments)

    assert cleaned == [
        "Kallang Polytechnic offers <mark>rice</mark> courses",
        "A second, different <mark>rice</mark> passage",
    ]


def _facet(name, values):
    return FacetResult(name, name, [FacetValue(v, label, n, s) for v, label, n, s in values])


def test_subjects_nest_broad_narrow_detailed_without_twin_labels():
    facet = _facet(
        "subject",
        [
            ("01", "Education", 3, False),
            ("011", "Education", 3, False),  # the only narrow field of 01, same records
            ("0111", "Education science", 2, False),
            ("0114", "Teacher training with subject specialisation", 1, False),
            ("08", "Agriculture, forestry, fisheries and veterinary", 5, False),
            ("081", "Agriculture", 4, False),
            ("083", "Fisheries", 1, False),
            ("0831", "Fisheries", 1, True),  # selected: kept, and tells its place
        ],
    )

    tree = subject_tree(facet)

    assert [node.value.value for node in tree] == ["08", "01"]  # most records first
    agriculture, education = tree
    assert [child.value.value for child in education.children] == ["0111", "0114"]
    assert [child.value.value for child in agriculture.children] == ["081", "083"]
    fisheries = agriculture.children[1]
    assert [child.value.label for child in fisheries.children] == ["Fisheries (0831)"]
    assert agriculture.open and not education.open
    labels = [n.value.label for n in tree] + [c.value.label for n in tree for c in n.children]
    assert len(labels) == len(set(labels))


def test_a_facet_shows_its_top_values_and_the_rest_behind_show_more():
    values = [(str(n), f"Value {n}", 100 - n, n == 9) for n in range(10)]

    (view,) = facet_views([_facet("language", values)])

    assert len(view.shown) == FACET_TOP and view.selected_count == 1
    assert "9" in [value.value for value in view.shown]  # selected, though not in the top
    assert len(view.more) == 10 - FACET_TOP


def test_resource_types_with_one_name_are_told_apart(db):
    twins = ResourceType.objects.filter(name_en="Dataset").values_list("code", flat=True)
    assert len(twins) == 2, "the shipped vocabulary has a material and an achievement dataset"

    labels = facet_labels("resource_type", list(twins))

    assert len(set(labels.values())) == 2
    assert labels["material-dataset"] == "Dataset (Teaching material)"


@pytest.fixture
def cards_world(es_client, world, make_record, release, text_document):
    with_file = make_record(
        title="Rice paddy irrigation slides", subject=SubjectField.objects.get(code="0811")
    )
    from resource_hub.records.services import file_attach

    document = text_document("paddy irrigation notes")
    document.size = 2_500_000
    document.save(update_fields=["size"])
    file_attach(user=world.teacher_a, record=with_file, document=document)
    release(with_file)
    release(make_record(title="Rice paddy field guide without files"))
    lifecycle.rebuild()


def test_result_cards_say_type_language_institution_files_and_licence(client, cards_world):
    html = client.get(reverse("search"), {"q": "paddy"}).content.decode()

    assert "irrigation slides" in html
    assert '<span class="file-kind">PDF · 2.4\xa0MB</span>' in html
    assert "No files: a description only" in html  # the guide has none
    assert 'title="Creative Commons Attribution 4.0 International">CC-BY-4.0</abbr>' in html
    assert "Chinese" in html  # the record's language
    assert "Yunnan" in html and "云南农业职业技术学院" not in html  # English name in English


def test_an_institution_has_one_name_per_reader_language(client, cards_world):
    html = client.get("/zh-hans/search/", {"q": "paddy"}).content.decode()

    assert "云南农业职业技术学院" in html  # its own name, for readers of Chinese


#: An anonymous search page with hits: view restrictions, the hits' records, the
#: cards' files and institutions. The labels of facets and cards (vocabularies,
#: institution titles) are kept per process after the first page (search/labels.py);
#: they were nine more queries.
PAGE_QUERIES = 4


def test_the_page_costs_the_same_queries_for_more_hits(client, cards_world, make_record, release):
    client.get(reverse("search"), {"q": "paddy"})  # caches filled once per process
    with CaptureQueriesContext(connection) as two:
        client.get(reverse("search"), {"q": "paddy"})
    for n in range(4):
        release(make_record(title=f"Rice paddy notes {n}"))
    lifecycle.rebuild()

    with CaptureQueriesContext(connection) as six:
        html = client.get(reverse("search"), {"q": "paddy"}).content.decode()

    assert "<mark>paddy</mark> notes 3" in html
    assert len(six) == len(two) == PAGE_QUERIES
    # The hits' records are read once: the visibility check reads what the cards show.
    records_read = [q for q in six.captured_queries if 'FROM "records_recordpage"' in q["sql"]]
    assert len(records_read) == 1


def test_filters_sit_behind_a_disclosure_that_counts_the_chosen_ones(client, cards_world):
    html = client.get(reverse("search"), {"q": "paddy", "language": "zh"}).content.decode()

    assert '<details class="filters" id="search-filters">' in html
    assert "Filters (1)" in html
    assert html.index('class="results"') > html.index("search-filters")  # one form, one order
    assert 'class="facet-tree"' in html  # subjects
