import datetime as dt

import pytest
import yaml

from bot.knowledge.loader import load_procedures, load_province
from bot.knowledge.model import is_official_url
from tests.factories import PROVINCE, SAMPLE_PROCEDURES, procedure_document, write_knowledge


def _errors(tmp_path, documents):
    root = write_knowledge(tmp_path / "k", documents)
    return [str(e) for e in load_procedures(root / "procedures").errors]


def test_good_files_load(tmp_path):
    root = write_knowledge(tmp_path / "k", SAMPLE_PROCEDURES)
    result = load_procedures(root / "procedures")
    assert result.ok, result.errors
    assert sorted(p.id for p in result.procedures) == sorted(d["id"] for d in SAMPLE_PROCEDURES)


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"name": None}, "dang-ky-khai-sinh.yml: name:"),
        ({"documents": []}, "dang-ky-khai-sinh.yml: documents:"),
        ({"legal_basis": []}, "dang-ky-khai-sinh.yml: legal_basis:"),
        ({"reviewed": "2024-01-01"}, "dang-ky-khai-sinh.yml: reviewed: reviewed before the 1/7/2025 reform"),
        ({"reviewed": (dt.date.today() + dt.timedelta(days=3)).isoformat()}, "reviewed: review date lies in the future"),
        ({"reviewed": "31/12/2025"}, "dang-ky-khai-sinh.yml: reviewed:"),
        ({"online": {"level": "toan-trinh", "url": "http://dichvucong.gov.vn", "channels": []}},
         "dang-ky-khai-sinh.yml: online.url:"),
        ({"online": {"level": "toan-trinh", "url": "https://dichvucongs.top", "channels": []}},
         "online.url: 'https://dichvucongs.top' is not an https link on an official .gov.vn host"),
        ({"online": {"level": "nhanh", "url": "https://dichvucong.gov.vn", "channels": []}}, "online.level:"),
        ({"authority": {"name": "UBND cấp huyện", "level": "huyen"}}, "authority.level:"),
        ({"fees": [{"item": "Lệ phí", "amount": -5}]}, "fees.0.amount:"),
        ({"documents": [{"name": "Tờ khai", "kind": "photo"}]}, "documents.0.kind:"),
        ({"unknown_field": 1}, "dang-ky-khai-sinh.yml: unknown_field: extra fields not permitted"),
        ({"id": "Dang Ky"}, "Dang Ky.yml: id: must be lower-case words joined by hyphens"),
    ],
)
def test_broken_files_name_file_and_field(tmp_path, overrides, expected):
    errors = _errors(tmp_path, [procedure_document(**overrides)])
    assert any(expected in e for e in errors), errors


def test_id_must_match_file_name(tmp_path):
    root = write_knowledge(tmp_path / "k", [procedure_document()])
    (root / "procedures" / "dang-ky-khai-sinh.yml").rename(root / "procedures" / "khac.yml")
    errors = [str(e) for e in load_procedures(root / "procedures").errors]
    assert errors == ["khac.yml: id: 'dang-ky-khai-sinh' must equal the file name 'khac'"]


def test_alias_claimed_by_two_procedures_is_reported(tmp_path):
    errors = _errors(
        tmp_path,
        [procedure_document(), procedure_document(id="dang-ky-lai-khai-sinh", name="Đăng ký lại khai sinh",
                                                   aliases=["KHAI SINH"])],
    )
    assert errors == [
        "dang-ky-lai-khai-sinh.yml: aliases.0: 'KHAI SINH' is also claimed by dang-ky-khai-sinh.yml "
        "(same words without diacritics)"
    ] or any("aliases.0" in e and "also claimed" in e for e in errors)


def test_alias_clash_without_diacritics_is_reported(tmp_path):
    errors = _errors(
        tmp_path,
        [procedure_document(), procedure_document(id="x-y", name="Thủ tục khác", aliases=["khái sinh"])],
    )
    assert any("x-y.yml: aliases.0" in e for e in errors)


def test_yaml_syntax_error_names_the_file(tmp_path):
    root = write_knowledge(tmp_path / "k", [])
    (root / "procedures" / "hong.yml").write_text("id: [unclosed\n", encoding="utf-8")
    (root / "procedures" / "list.yml").write_text("- a\n- b\n", encoding="utf-8")
    errors = [str(e) for e in load_procedures(root / "procedures").errors]
    assert any(e.startswith("hong.yml: -: not valid YAML") for e in errors)
    assert "list.yml: -: the file must hold a mapping" in errors


def test_nfd_text_is_stored_as_nfc(tmp_path):
    import unicodedata

    root = write_knowledge(tmp_path / "k", [procedure_document(name=unicodedata.normalize("NFD", "Đăng ký khai sinh"))])
    [procedure] = load_procedures(root / "procedures").procedures
    assert procedure.name == "Đăng ký khai sinh"


def test_province_profile(tmp_path):
    root = write_knowledge(tmp_path / "k", [])
    profile = load_province(root / "provinces", "test-tinh")
    assert profile.one_stop_centres[0].opening_hours[0].open == "07:30"
    with pytest.raises(FileNotFoundError):
        load_province(root / "provinces", "khong-co")
    bad = dict(PROVINCE, portal_url="http://dichvucong.gov.vn")
    (root / "provinces" / "test-tinh.yml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="portal_url"):
        load_province(root / "provinces", "test-tinh")


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://dichvucong.gov.vn", True),
        ("https://dichvucong.bocongan.gov.vn/x?y=1", True),
        ("https://vneid.gov.vn", True),
        ("http://dichvucong.gov.vn", False),
        ("https://dichvucong.gov.vn.evil.com", False),
        ("https://dichvucongs.top", False),
        ("https://gov.vn@evil.com", False),
        ("javascript:alert(1)", False),
        ("", False),
    ],
)
def test_official_url(url, ok):
    assert is_official_url(url) is ok


def test_the_shipped_knowledge_base_is_valid():
    from bot.settings import Settings

    settings = Settings.from_env({})
    result = load_procedures(settings.procedures_dir)
    assert result.ok, "\n".join(map(str, result.errors))
    assert len(result.procedures) >= 40
    load_province(settings.provinces_dir, settings.province)
