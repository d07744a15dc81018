"""Identifiers on records: ORCID iD, DOI, ISBN and patent numbers."""

import pytest
from django.core.exceptions import ValidationError

from resource_hub.core.validators import (
    normalise_doi,
    normalise_isbn,
    normalise_orcid,
    normalise_patent_number,
    validate_doi,
    validate_isbn,
    validate_orcid,
    validate_patent_number,
)


def error_of(validator, value) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validator(value)
    return caught.value


@pytest.mark.parametrize(
    "value",
    [
        "0000-0002-1825-0097",
        "0000-0001-5109-3700",
        "0000-0002-1694-233X",
        "0000-0002-1694-233x",
        "https://orcid.org/0000-0002-1825-0097",
        " http://orcid.org/0000-0001-5109-3700 ",
    ],
)
def test_orcid_accepts_real_ids_bare_or_as_links(value):
    validate_orcid(value)


def test_orcid_is_normalised_to_the_bare_upper_case_id():
    assert normalise_orcid("https://orcid.org/0000-0002-1694-233x") == "0000-0002-1694-233X"
    assert normalise_orcid(" 0000-0002-1825-0097 ") == "0000-0002-1825-0097"


@pytest.mark.parametrize("value", ["0000-0002-1825-0098", "0000-0002-1694-2330"])
def test_orcid_with_a_wrong_check_digit_is_rejected(value):
    error = error_of(validate_orcid, value)

    assert error.code == "orcid_check_digit"
    assert "does not match" in error.messages[0]


@pytest.mark.parametrize(
    "value",
    ["", "0000000218250097", "0000-0002-1825-009", "0000-0002-1825-00977", "abcd-0002-1825-0097"],
)
def test_malformed_orcid_is_rejected_with_the_expected_form(value):
    error = error_of(validate_orcid, value)

    assert error.code == "invalid_orcid"
    assert error.messages == [
        "Enter an ORCID iD in the form 0000-0000-0000-000X, e.g. 0000-0002-1825-0097."
    ]


@pytest.mark.parametrize(
    ("value", "bare"),
    [
        ("10.1000/xyz123", "10.1000/xyz123"),
        ("https://doi.org/10.1038/nphys1170", "10.1038/nphys1170"),
        ("http://dx.doi.org/10.1002/0470841559.ch1", "10.1002/0470841559.ch1"),
        ("doi:10.1016/j.cell.2009.01.002", "10.1016/j.cell.2009.01.002"),
        ("DOI: 10.1000.10/abc(1)", "10.1000.10/abc(1)"),
    ],
)
def test_doi_accepts_bare_dois_links_and_doi_prefix(value, bare):
    validate_doi(value)
    assert normalise_doi(value) == bare


@pytest.mark.parametrize(
    "value",
    [
        "",
        "10.1000",
        "10.1000/",
        "10.10/abc",
        "11.1000/abc",
        "https://example.org/10.1000/abc",
        "10.1000/has space",
    ],
)
def test_malformed_doi_is_rejected(value):
    error = error_of(validate_doi, value)

    assert error.code == "invalid_doi"
    assert error.messages == [
        "Enter a DOI such as 10.1000/xyz123 (a https://doi.org/ link is fine too)."
    ]


@pytest.mark.parametrize(
    "value",
    ["978-3-16-148410-0", "9783161484100", "0-306-40615-2", "0 306 40615 2", "ISBN 0-8044-2957-x"],
)
def test_isbn_10_and_13_with_right_check_digits_are_accepted(value):
    validate_isbn(value)


def test_isbn_is_normalised_to_digits():
    assert normalise_isbn("ISBN-13: 978-3-16-148410-0") == "9783161484100"
    assert normalise_isbn("0-8044-2957-x") == "080442957X"


@pytest.mark.parametrize("value", ["978-3-16-148410-1", "0-306-40615-3", "0-306-40615-X"])
def test_isbn_with_a_wrong_check_digit_is_rejected(value):
    error = error_of(validate_isbn, value)

    assert error.code == "isbn_check_digit"
    assert "check digit does not match" in error.messages[0]


@pytest.mark.parametrize(
    "value", ["", "12345", "978-3-16-148410", "978316148410X", "X-306-40615-2", "97831614841000"]
)
def test_malformed_isbn_is_rejected(value):
    error = error_of(validate_isbn, value)

    assert error.code == "invalid_isbn"
    assert error.messages[0].startswith("Enter an ISBN of 10 or 13 digits")


def test_isbn_13_must_start_with_978_or_979():
    # 977 is the ISSN prefix; the check digit itself is right.
    error = error_of(validate_isbn, "9771234567003")

    assert error.messages == ["An ISBN-13 starts with 978 or 979."]


@pytest.mark.parametrize(
    "value",
    [
        "CN112345678A",
        "US10123456B2",
        "WO2020123456A1",
        "EP1234567B1",
        "JP2020123456A",
        "USD912345S",
        "cn 112345678 a",
        "US 10,123,456 B2",
        "WO 2020/123456 A1",
        "US-2020-0123456-A1",
    ],
)
def test_patent_publication_numbers_are_accepted(value):
    validate_patent_number(value)


def test_patent_number_is_normalised():
    assert normalise_patent_number("US 10,123,456 B2") == "US10123456B2"
    assert normalise_patent_number("WO 2020/123456 A1") == "WO2020123456A1"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "112345678A",
        "C112345678A",
        "CN12",
        "CN-ABCDEFG",
        "CN1234.5",
        "CN112345678AB1",
        "专利123456",
    ],
)
def test_malformed_patent_number_is_rejected_with_examples(value):
    error = error_of(validate_patent_number, value)

    assert error.code == "invalid_patent_number"
    assert "e.g. CN112345678A or US10123456B2" in error.messages[0]
