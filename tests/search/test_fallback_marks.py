"""The database fallback marks the words it found (pure functions, no database)."""

from search.fallback import SNIPPET_CHARS, mark, snippet


def test_words_are_marked_whatever_their_case_and_the_rest_is_escaped():
    assert mark("Rice <b>and</b> RICE", ["rice"]) == (
        "<mark>Rice</mark> &lt;b&gt;and&lt;/b&gt; <mark>RICE</mark>"
    )
    assert mark("a < b", []) == "a &lt; b"


def test_a_longer_word_wins_over_a_word_inside_it():
    assert mark("ngữ pháp", ["ngữ", "ngữ pháp"]) == "<mark>ngữ pháp</mark>"


def test_the_snippet_starts_near_the_first_word_found():
    text = "filler " * 100 + "the paddy water lesson " + "more " * 100

    piece = snippet(text, ["paddy"])

    assert piece.startswith("…") and "<mark>paddy</mark>" in piece
    assert len(piece) <= SNIPPET_CHARS + 20  # the ellipsis and the mark tags
    assert snippet("short abstract", ["absent"]) == "short abstract"
