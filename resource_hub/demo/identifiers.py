"""Made-up but valid identifiers: ORCID iDs, ISBNs, DOIs and patent numbers.

Each has a correct check digit, so the records pass the same validators as
real ones. DOIs use the prefix 10.5555, which is reserved for tests and
examples and resolves to nothing.
"""

from random import Random

from resource_hub.core.validators import orcid_check_digit

DOI_PREFIX = "10.5555"


def orcid(rng: Random) -> str:
    """An ORCID iD in the ranges ORCID issues (0000-0001 to 0000-0003), check digit included."""
    base = f"0000000{rng.randint(1, 3)}{rng.randint(0, 9_999_999):07d}"
    digits = base + orcid_check_digit(base)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def isbn13(rng: Random) -> str:
    """An ISBN-13 with the 978 prefix and a correct check digit, hyphenated as 978-X-XXXX-XXXX-X."""
    body = f"978{rng.randint(0, 999_999_999):09d}"
    total = sum((1, 3)[i % 2] * int(digit) for i, digit in enumerate(body))
    check = (10 - total % 10) % 10
    return f"{body[:3]}-{body[3]}-{body[4:8]}-{body[8:12]}-{check}"


def doi(*, year: int, number: int) -> str:
    return f"{DOI_PREFIX}/rh-demo.{year}.{number:04d}"


def patent_number(rng: Random, country: str) -> str:
    """A publication number in the office's usual shape, e.g. CN114512345A or TH2101001234A."""
    if country == "CN":
        if rng.random() < 0.6:  # an invention application
            return f"CN{rng.randint(110_000_000, 118_999_999)}A"
        return f"CN{rng.randint(210_000_000, 222_999_999)}U"  # a utility model
    return f"{country}{rng.randint(2_101_000_000, 2_499_999_999)}A"
