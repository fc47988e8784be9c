import datetime as dt
import html
import re

import pytest
import segno
from pydantic import ValidationError

from bot import PROJECT_ROOT
from bot.knowledge.answers import load_vocabulary
from bot.knowledge.loader import load_procedures, load_province
from bot.knowledge.model import Procedure, ProvinceProfile
from bot.volunteers.__main__ import main
from bot.volunteers.checklist import ChecklistRenderer, checklist_path, qr_svg, write_checklists
from tests.factories import PROVINCE, SAMPLE_PROCEDURES, procedure_document, write_knowledge
from tests.hostile import HOSTILE_TEXTS

KNOWLEDGE = PROJECT_ROOT / "knowledge"
VOCABULARY = load_vocabulary(str(KNOWLEDGE / "vocabulary.yml"))
LABELS = VOCABULARY["checklist"]
TODAY = dt.date(2026, 11, 23)


def create_profile(**overrides) -> ProvinceProfile:
    document = {**PROVINCE, **overrides}
    return ProvinceProfile.parse_obj(document)


def create_procedure(**overrides) -> Procedure:
    return Procedure.parse_obj(procedure_document(**overrides))


def render(procedure: Procedure, profile: ProvinceProfile = None, today: dt.date = TODAY) -> str:
    return ChecklistRenderer(VOCABULARY, profile or create_profile()).page(procedure, today)


def real_procedures():
    result = load_procedures(KNOWLEDGE / "procedures")
    assert result.procedures
    return result.procedures


def qr_matrix_of(svg: str):
    """Dark modules drawn by segno's stroked SVG path (``M``/``m`` moves, ``h`` runs), quiet zone 4."""
    d = re.search(r'<path stroke="#000" d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", d):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for column in range(int(x), int(x + float(a))):
                dark.add((int(y) - 4, column - 4))
            x += float(a)
    return dark


def test_a_real_procedure_page_has_everything_a_volunteer_needs():
    procedure = next(p for p in real_procedures() if p.id == "cap-the-can-cuoc")
    profile = load_province(KNOWLEDGE / "provinces", "gia-lai")
    page = render(procedure, profile)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in page and '<meta charset="utf-8">' in page
    assert "@media print" in page and "size: A4" in page
    assert f"<h1>{html.escape(procedure.name)}</h1>" in page
    for document in procedure.documents:
        assert html.escape(document.name) in page
    assert page.count("☐") == len(procedure.documents) + len(procedure.online_steps)
    assert html.escape(procedure.fees[0].item) in page and VOCABULARY["free"] in page
    assert html.escape(procedure.processing_time) in page
    assert html.escape(procedure.authority.name) in page
    for item in procedure.legal_basis:
        assert html.escape(item) in page
    assert "23/11/2026" in page and LABELS["reviewed"] in page
    assert LABELS["to_confirm"] in page
    for item in procedure.to_confirm:
        assert html.escape(item) in page
    assert profile.one_stop_centres[0].name in page
    assert LABELS["self_service"] in page and LABELS["secrets"] in page
    assert page.count("<svg") == 1
    assert "<script" not in page.lower()


def test_the_qr_code_encodes_the_official_url():
    procedure = next(p for p in real_procedures() if p.id == "cap-the-can-cuoc")
    page = render(procedure)
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    expected = segno.make(procedure.online.url, error="m", micro=False)
    drawn = qr_matrix_of(svg)
    wanted = {(r, c) for r, row in enumerate(expected.matrix) for c, bit in enumerate(row) if bit}
    assert drawn == wanted
    assert html.escape(procedure.online.url) in page


def test_every_real_procedure_renders_without_leaking_placeholders():
    profile = load_province(KNOWLEDGE / "provinces", "gia-lai")
    codes = [code for centre in profile.one_stop_centres for code in getattr(centre, "volunteer_codes", [])]
    for procedure in real_procedures():
        page = render(procedure, profile)
        assert "None" not in page and "{{" not in page, procedure.id
        assert page.count("<svg") == 1, procedure.id
        for code in codes:
            assert code not in page, "volunteer codes are not for print"


@pytest.mark.parametrize("hostile", [t for t in HOSTILE_TEXTS if t.strip()])
def test_hostile_values_are_escaped(hostile):
    try:
        procedure = create_procedure(
            name=f"{hostile} <script>alert('x')</script>",
            documents=[{"name": f"<img src=x onerror=alert(1)> {hostile}", "kind": "original"}],
            legal_basis=[f"</li><li>{hostile}"],
            online_steps=['"><iframe src=//evil>'],
        )
    except ValidationError:
        pytest.skip("the model refuses it already")
    page = render(procedure)
    assert "<script" not in page.lower()
    assert "<img" not in page and "<iframe" not in page and "<b onmouseover" not in page
    assert "</li><li>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    if "{{7*7}}" in hostile:
        text = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
        assert "{{7*7}}" in text and "49" not in text


def test_a_script_in_the_province_profile_is_escaped_too():
    profile = create_profile(name="<script>x</script>", hotline="<b>1900</b>")
    page = render(create_procedure(), profile)
    assert "<script" not in page and "<b>1900" not in page
    assert "&lt;b&gt;1900&lt;/b&gt;" in page


def test_null_hotline_address_and_phone_are_omitted():
    centre = {**PROVINCE["one_stop_centres"][0], "address": None, "phone": None, "opening_hours": []}
    page = render(create_procedure(), create_profile(hotline=None, one_stop_centres=[centre]))
    assert centre["name"] in page
    for label in ("hotline", "address", "phone", "opening_hours"):
        assert f"<dt>{LABELS[label]}</dt>" not in page
    assert "None" not in page and VOCABULARY["not_updated"] not in page


def test_known_contact_details_are_printed():
    page = render(create_procedure(), create_profile())
    assert f"<dt>{LABELS['hotline']}</dt><dd>1900 0000</dd>" in page
    assert "1 Đường Thử" in page
    assert "Thứ Hai – Thứ Sáu: 07:30–17:00; Thứ Bảy: 07:30–11:30" in page


@pytest.mark.parametrize("url", [
    "http://dichvucong.gov.vn/p/home",
    "https://dichvucong.gov.vn.evil.example/login",
    "https://dichvucong-gov.vn/login",
    "javascript:alert(1)",
])
def test_a_non_official_url_gets_no_qr_and_is_not_printed(url):
    procedure = create_procedure()
    forged = procedure.copy(update={"online": procedure.online.copy(update={"url": url})})
    page = render(forged)
    assert "<svg" not in page
    assert html.escape(url) not in page
    assert LABELS["qr_caption"] not in page


def test_an_extra_official_domain_of_the_profile_gets_a_qr():
    procedure = create_procedure()
    url = "https://cong.tinh-thu.vn/tthc"
    forged = procedure.copy(update={"online": procedure.online.copy(update={"url": url})})
    assert "<svg" not in render(forged)
    assert "<svg" in render(forged, create_profile(official_domains=["dichvucong.gov.vn", "tinh-thu.vn"]))


def test_the_to_confirm_notice_shows_only_when_needed():
    assert LABELS["to_confirm"] not in render(create_procedure())
    page = render(create_procedure(to_confirm=["Thời hạn giải quyết"]))
    assert LABELS["to_confirm"] in page and "Thời hạn giải quyết" in page


def test_fees_are_those_applying_on_the_print_date():
    procedure = Procedure.parse_obj(SAMPLE_PROCEDURES[1])
    before = render(procedure, today=dt.date(2026, 6, 1))
    after = render(procedure, today=dt.date(2027, 2, 1))
    assert "35.000 đ" in before and "70.000 đ" not in before and "01/06/2026" in before
    assert "70.000 đ" in after and "35.000 đ" not in after


def test_checklist_path_is_a_relative_url():
    assert checklist_path("dang-ky-khai-sinh") == "checklists/dang-ky-khai-sinh.html"


@pytest.mark.parametrize("bad", ["", "../x", "a/b", "Dang-Ky", "x.html", "a b", "-x"])
def test_checklist_path_refuses_what_is_not_an_id(bad):
    with pytest.raises(ValueError):
        checklist_path(bad)


def test_qr_svg_is_inline_and_titled_safely():
    svg = qr_svg("https://dichvucong.gov.vn", title="<a>")
    assert svg.startswith("<svg") and "<?xml" not in svg
    assert "<title>&lt;a&gt;</title>" in svg


def test_write_checklists_writes_one_page_per_procedure_and_an_index(tmp_path):
    procedures = [Procedure.parse_obj(document) for document in SAMPLE_PROCEDURES]
    written = write_checklists(procedures, create_profile(), VOCABULARY, tmp_path / "out", TODAY)
    assert sorted(p.name for p in written) == sorted(f"{p.id}.html" for p in procedures)
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for procedure in procedures:
        assert f'href="{procedure.id}.html"' in index
        assert html.escape(procedure.name) in index


def test_the_cli_writes_every_procedure_and_an_index(tmp_path, monkeypatch, capsys):
    knowledge = write_knowledge(tmp_path / "knowledge", SAMPLE_PROCEDURES)
    monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setenv("PROVINCE", PROVINCE["id"])
    out = tmp_path / "web" / "checklists"
    assert main(["checklists", "--out", str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted([f"{d['id']}.html" for d in SAMPLE_PROCEDURES] + ["index.html"])
    assert capsys.readouterr().out.startswith(f"{len(SAMPLE_PROCEDURES)} checklists")
    page = (out / "dang-ky-khai-sinh.html").read_text(encoding="utf-8")
    assert "Tờ khai đăng ký khai sinh" in page and "<svg" in page


def test_the_cli_reports_invalid_files_and_still_writes_the_valid_ones(tmp_path, monkeypatch, capsys):
    broken = procedure_document(id="hong", fees=[])
    knowledge = write_knowledge(tmp_path / "knowledge", [*SAMPLE_PROCEDURES, broken])
    monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setenv("PROVINCE", PROVINCE["id"])
    out = tmp_path / "out"
    assert main(["checklists", "--out", str(out)]) == 1
    assert not (out / "hong.html").exists() and (out / "dang-ky-khai-sinh.html").exists()
    assert "ERROR hong.yml: fees" in capsys.readouterr().err


def test_the_cli_needs_out(capsys):
    with pytest.raises(SystemExit):
        main(["checklists"])
