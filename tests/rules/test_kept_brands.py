from baohao.load.rules import References, kept_brands

from .helpers import data_file, lines

FILE = """\
    counted: 2026-12-01
    brands:
      - gb/giffgaff
      - gb/giffgaf
      - nz/skinny
      - us/ultra
    """
PLACES: dict[str, set[str] | None] = {"gb": {"giffgaff", "voxi"}, "us": None}


def test_every_entry_names_a_place_with_a_file_and_one_of_its_operators() -> None:
    found = kept_brands.check(data_file(FILE, "kept_most", "data/kept_most.yml"), References(places=PLACES))
    assert lines(found) == [
        "data/kept_most.yml:4:5: brands[1]: unknown operator id 'giffgaf', not in data/countries/gb.yml; "
        "did you mean gb/giffgaff?",
        "data/kept_most.yml:5:5: brands[2]: no file data/countries/nz.yml; places with a file: gb, us",
    ]  # us/ultra: us.yml did not load, and reports its own problems


def test_nothing_is_checked_before_the_places_are_read() -> None:
    assert kept_brands.check(data_file(FILE, "kept_most", "data/kept_most.yml"), References(places=None)) == []
