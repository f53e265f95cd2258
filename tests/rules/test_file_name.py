from baohao.load.rules import References, file_name

from .helpers import data_file, lines


def test_the_code_must_match_the_file_name() -> None:
    file = data_file("code: kz\n", path="data/countries/kg.yml")
    assert lines(file_name.check(file, References())) == [
        "data/countries/kg.yml:1:7: code: is 'kz' but the file is named kg.yml; name it kz.yml or fix the code"
    ]


def test_the_suffix_must_be_yml() -> None:
    file = data_file("code: kg\n", path="data/countries/kg.yaml")
    assert lines(file_name.check(file, References())) == ["data/countries/kg.yaml:1:1: country files must end in .yml"]


def test_a_matching_file_passes() -> None:
    assert file_name.check(data_file("code: kg\n"), References()) == []


def test_a_service_id_must_match_its_file_name() -> None:
    file = data_file("id: wechat\n", path="data/services/weixin.yml", kind="service")
    assert lines(file_name.check(file, References())) == [
        "data/services/weixin.yml:1:5: id: is 'wechat' but the file is named weixin.yml;"
        " name it wechat.yml or fix the id"
    ]
