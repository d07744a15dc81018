"""Folder names inside a bundle: the record's id and its title, cut where a reader expects."""

from types import SimpleNamespace

from resource_hub.bundles.contents import MAX_FOLDER_TITLE, _folder


def test_a_long_title_is_cut_at_a_space():
    title = "Mga pagsasanay sa pag-iwas sa dengue sa komunidad para sa mga mag-aaral sa senior"
    folder = _folder(SimpleNamespace(pk=44, title=title))
    assert folder == "44 Mga pagsasanay sa pag-iwas sa dengue sa komunidad para sa"


def test_a_title_without_spaces_is_cut_at_the_limit():
    title = "云南高原茶园病虫害绿色防控技术研究" * 5
    assert _folder(SimpleNamespace(pk=7, title=title)) == f"7 {title[:MAX_FOLDER_TITLE]}"


def test_a_short_title_is_whole():
    assert _folder(SimpleNamespace(pk=1, title="Rice cultivation")) == "1 Rice cultivation"
