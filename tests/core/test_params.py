"""The shared parameter checks (resource_hub/core/params.py) and the browse pages' 400s."""

import pytest
from django.urls import reverse

from resource_hub.core.params import (
    COUNTRY_CODE,
    InvalidParameter,
    clean_code,
    clean_integer,
    clean_text,
    without_control_characters,
)


@pytest.mark.parametrize("value", ["a\x00b", "\x07", "x\x7f", "\x85", "\ud800"])
def test_text_with_control_characters_is_refused(value):
    with pytest.raises(InvalidParameter, match="control characters") as refusal:
        clean_text("q", value, max_length=None)
    assert refusal.value.parameter == "q"


def test_text_keeps_whitespace_and_format_characters_and_is_bounded():
    # Tabs and line breaks are pasted whitespace; a zero-width joiner belongs to the text.
    assert clean_text("q", "ข้าว\tก\u200dข\n", max_length=20) == "ข้าว\tก\u200dข\n"
    with pytest.raises(InvalidParameter, match="at most 3 characters"):
        clean_text("q", "abcd", max_length=3)
    assert without_control_characters("ri\x00ce\n") == "rice\n"


@pytest.mark.parametrize(
    "value", ["²", "-1", "0", "+5", "1e3", "1.0", "12a", "99999999999999999999", "", " "]
)
def test_integers_are_decimal_and_in_range(value):
    with pytest.raises(InvalidParameter, match="whole number from 1 to 100") as refusal:
        clean_integer("page", value, low=1, high=100)
    assert refusal.value.parameter == "page"


def test_decimal_digits_of_any_script_are_numbers():
    assert clean_integer("page", " 42 ", low=1, high=100) == 42
    assert clean_integer("page", "٤٢", low=1, high=100) == 42  # Arabic-Indic digits


@pytest.mark.parametrize("value", ["vn", "VNM", "V", "V\x00", "VN\n", "ÅÅ"])
def test_codes_match_their_pattern_in_full(value):
    with pytest.raises(InvalidParameter, match="a code like VN"):
        clean_code("country", value, pattern=COUNTRY_CODE, example="VN")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=%00", "country"),
        ("country=Viet%20Nam", "country"),
        ("page=%C2%B2", "page"),  # ²
        ("page=0", "page"),
        ("page=99999999999999999999", "page"),
    ],
)
def test_browse_institutions_refuses_a_bad_parameter_with_a_400_page(
    client, world, query, parameter
):
    page = client.get(f"{reverse('browse_institutions')}?{query}")

    assert page.status_code == 400
    assert parameter in page.content.decode()
    assert "This address cannot be used" in page.content.decode()


def test_browse_institutions_still_filters_and_pages(client, world):
    page = client.get(reverse("browse_institutions"), {"country": "th", "page": "7"})

    html = page.content.decode()
    assert page.status_code == 200
    assert "Chulalongkorn University" in html
    assert "Yunnan Vocational College" not in html
