import csv

import pytest

from bot.knowledge.__main__ import main
from bot.knowledge.loader import load_procedures
from bot.knowledge.model import Procedure
from bot.knowledge.spreadsheet import COLUMNS, export_csv, import_spreadsheet, procedure_to_row
from tests.factories import SAMPLE_PROCEDURES

PROCEDURES = [Procedure.parse_obj(d) for d in SAMPLE_PROCEDURES]


def _write_csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def test_csv_round_trip(tmp_path):
    exported = tmp_path / "catalogue.csv"
    assert export_csv(PROCEDURES, exported) == len(PROCEDURES)
    target = tmp_path / "procedures"
    report = import_spreadsheet(exported, target)
    assert report.errors == []
    assert sorted(report.imported) == sorted(p.id for p in PROCEDURES)
    loaded = load_procedures(target)
    assert loaded.ok and sorted(loaded.procedures, key=lambda p: p.id) == sorted(PROCEDURES, key=lambda p: p.id)


def test_xlsx_import(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    row = procedure_to_row(PROCEDURES[3])
    row["reviewed"] = "23/11/2026"  # the Vietnamese date format staff type
    sheet.append([row[c] for c in COLUMNS])
    sheet.append([None] * len(COLUMNS))  # empty row: ignored
    path = tmp_path / "danh-muc.xlsx"
    workbook.save(path)
    report = import_spreadsheet(path, tmp_path / "procedures")
    assert report.imported == ["dang-ky-tam-tru"] and report.errors == []
    [procedure] = load_procedures(tmp_path / "procedures").procedures
    assert procedure.fees[0].online_amount == 7000


def test_bad_rows_are_reported_with_row_numbers_and_good_rows_kept(tmp_path):
    good = procedure_to_row(PROCEDURES[0])
    no_url = dict(procedure_to_row(PROCEDURES[3]), online_url="http://dichvucongs.top")
    bad_amount = dict(procedure_to_row(PROCEDURES[1]), fees="Lệ phí | ba mươi nghìn")
    duplicate = dict(good)
    clash = dict(procedure_to_row(PROCEDURES[2]), aliases="khai sinh")
    path = tmp_path / "in.csv"
    _write_csv(path, [good, no_url, bad_amount, duplicate, clash])
    report = import_spreadsheet(path, tmp_path / "procedures")
    assert report.imported == ["dang-ky-khai-sinh"]
    assert any(e.startswith("row 3: online.url:") for e in report.errors), report.errors
    assert "row 4: fees amount: 'ba mươi nghìn' is not a whole number" in report.errors
    assert "row 5: id: 'dang-ky-khai-sinh' already given in row 2" in report.errors
    assert any(e.startswith("row 6: aliases.0: 'khai sinh' is also claimed") for e in report.errors)
    assert [p.id for p in load_procedures(tmp_path / "procedures").procedures] == ["dang-ky-khai-sinh"]


def test_missing_columns_are_refused(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,name\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        import_spreadsheet(path, tmp_path / "procedures")


def test_cli_import_and_export(tmp_path, monkeypatch, capsys):
    knowledge = tmp_path / "knowledge"
    (knowledge / "procedures").mkdir(parents=True)
    monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge))
    source = tmp_path / "in.csv"
    export_csv(PROCEDURES[:2], source)
    assert main(["import", str(source), "--dry-run"]) == 0
    assert list((knowledge / "procedures").iterdir()) == []
    assert main(["import", str(source)]) == 0
    assert main(["export", str(tmp_path / "out.csv")]) == 0
    assert "2 procedures exported" in capsys.readouterr().out
