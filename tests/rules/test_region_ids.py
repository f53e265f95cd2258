from baohao.load.rules import References, region_ids

from .helpers import data_file, lines

REGIONS = ["hk-mo-tw", "europe", "central-asia"]


def test_an_unknown_region_names_the_file_line_field_and_every_known_id() -> None:
    found = region_ids.check(data_file("code: kg\nregion: central-asa\n"), References(regions=REGIONS))
    assert lines(found) == [
        "data/countries/kg.yml:2:9: region: unknown region id 'central-asa', not in data/regions.yml; "
        "did you mean 'central-asia'? known ids: hk-mo-tw, europe, central-asia"
    ]
    [far] = region_ids.check(data_file("region: northern-europe\n"), References(regions=REGIONS))
    assert str(far).endswith("not in data/regions.yml; known ids: hk-mo-tw, europe, central-asia")


def test_a_known_region_passes_and_nothing_is_checked_when_regions_did_not_load() -> None:
    assert region_ids.check(data_file("region: europe\n"), References(regions=REGIONS)) == []
    assert region_ids.check(data_file("region: nowhere\n"), References(regions=None)) == []
