"""Spreadsheet import/export of the procedure catalogue (danh mục TTHC).

One row per procedure. Column layout (header row required, order free):

=====================  ===================================================
column                 content
=====================  ===================================================
id                     procedure code, e.g. ``dang-ky-khai-sinh``
tthc_code              mã TTHC, may be empty
name                   procedure name
aliases, keywords      phrases separated by ``;``
field                  lĩnh vực
essential_service      ``có``/``không`` (also yes/no, true/false, 1/0)
authority_name         competent authority
authority_level        ``trung-uong`` | ``tinh`` | ``xa`` | ``khac``
where_to_submit        text
documents              one paper per line: ``name | form | kind | quantity | condition``
not_required           one per line
fees                   one per line: ``item | amount | online_amount | condition | valid_from | valid_until | note``
processing_time        text
result                 text
online_level           ``toan-trinh`` | ``mot-phan`` | ``truc-tiep``
online_url             official https link
online_channels        separated by ``;``
online_search_term     text
online_steps           one step per line
legal_basis            one document per line
reviewed               ``YYYY-MM-DD`` or ``DD/MM/YYYY``
source_url             https link
to_confirm             one note per line
=====================  ===================================================

Bad rows are reported with their row number and skipped; good rows are kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

import yaml

from bot.knowledge.loader import KnowledgeError, cross_check, load_procedures, parse_procedure
from bot.knowledge.model import Procedure
from bot.text.normalize import nfc

COLUMNS = [
    "id", "tthc_code", "name", "aliases", "keywords", "field", "essential_service",
    "authority_name", "authority_level", "where_to_submit", "documents", "not_required", "fees",
    "processing_time", "result", "online_level", "online_url", "online_channels",
    "online_search_term", "online_steps", "legal_basis", "reviewed", "source_url", "to_confirm",
]
REQUIRED_COLUMNS = {"id", "name", "documents", "fees", "online_url", "legal_basis", "reviewed"}
_TRUE = {"có", "co", "x", "yes", "y", "true", "1"}
_FALSE = {"không", "khong", "no", "n", "false", "0", ""}


@dataclass
class ImportReport:
    imported: List[str] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value)).strip()


def _list(value: str, separator: str) -> List[str]:
    return [item.strip() for item in value.replace("\r", "").split(separator) if item.strip()]


def _cells(line: str, count: int) -> List[Optional[str]]:
    cells = [c.strip() or None for c in line.split("|")]
    return (cells + [None] * count)[:count]


def _int(value: Optional[str], what: str) -> Optional[int]:
    if value is None:
        return None
    digits = value.replace(".", "").replace(",", "").replace(" ", "").replace("đ", "")
    if not digits.isdigit():
        raise ValueError(f"{what}: '{value}' is not a whole number")
    return int(digits)


def _date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return value  # the model reports it with the field name


def _bool(value: str) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"essential_service: '{value}' is not có/không")


def row_to_document(row: Dict[str, str]) -> Dict[str, Any]:
    """One spreadsheet row → a procedure mapping (validated later)."""
    documents = []
    for line in _list(row.get("documents", ""), "\n"):
        name, form, kind, quantity, condition = _cells(line, 5)
        documents.append({"name": name, "form": form, "kind": kind or "original",
                          "quantity": _int(quantity, "documents quantity") or 1, "condition": condition})
    fees = []
    for line in _list(row.get("fees", ""), "\n"):
        item, amount, online, condition, start, end, note = _cells(line, 7)
        fees.append({"item": item, "amount": _int(amount, "fees amount"),
                     "online_amount": _int(online, "fees online_amount"), "condition": condition,
                     "valid_from": _date(start), "valid_until": _date(end), "note": note})
    return {
        "id": row.get("id", ""),
        "tthc_code": row.get("tthc_code") or None,
        "name": row.get("name", ""),
        "aliases": _list(row.get("aliases", ""), ";"),
        "keywords": _list(row.get("keywords", ""), ";"),
        "field": row.get("field", ""),
        "essential_service": _bool(row.get("essential_service", "")),
        "authority": {"name": row.get("authority_name", ""), "level": row.get("authority_level", "")},
        "where_to_submit": row.get("where_to_submit", ""),
        "documents": documents,
        "not_required": _list(row.get("not_required", ""), "\n"),
        "fees": fees,
        "processing_time": row.get("processing_time", ""),
        "result": row.get("result", ""),
        "online": {"level": row.get("online_level", ""), "url": row.get("online_url", ""),
                   "channels": _list(row.get("online_channels", ""), ";"),
                   "search_term": row.get("online_search_term") or None},
        "online_steps": _list(row.get("online_steps", ""), "\n"),
        "legal_basis": _list(row.get("legal_basis", ""), "\n"),
        "reviewed": _date(row.get("reviewed")) or "",
        "source_url": row.get("source_url", ""),
        "to_confirm": _list(row.get("to_confirm", ""), "\n"),
    }


def procedure_to_row(procedure: Procedure) -> Dict[str, str]:
    def cell(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "id": procedure.id,
        "tthc_code": cell(procedure.tthc_code),
        "name": procedure.name,
        "aliases": "; ".join(procedure.aliases),
        "keywords": "; ".join(procedure.keywords),
        "field": procedure.field,
        "essential_service": "có" if procedure.essential_service else "không",
        "authority_name": procedure.authority.name,
        "authority_level": procedure.authority.level,
        "where_to_submit": procedure.where_to_submit,
        "documents": "\n".join(
            " | ".join([d.name, cell(d.form), d.kind, str(d.quantity), cell(d.condition)]).rstrip(" |")
            for d in procedure.documents
        ),
        "not_required": "\n".join(procedure.not_required),
        "fees": "\n".join(
            " | ".join([f.item, cell(f.amount), cell(f.online_amount), cell(f.condition),
                        cell(f.valid_from), cell(f.valid_until), cell(f.note)]).rstrip(" |")
            for f in procedure.fees
        ),
        "processing_time": procedure.processing_time,
        "result": procedure.result,
        "online_level": procedure.online.level,
        "online_url": procedure.online.url,
        "online_channels": "; ".join(procedure.online.channels),
        "online_search_term": cell(procedure.online.search_term),
        "online_steps": "\n".join(procedure.online_steps),
        "legal_basis": "\n".join(procedure.legal_basis),
        "reviewed": procedure.reviewed.isoformat(),
        "source_url": procedure.source_url,
        "to_confirm": "\n".join(procedure.to_confirm),
    }


def read_rows(path: Path) -> Iterator[Tuple[int, Dict[str, str]]]:
    """(spreadsheet row number, row) pairs; the header is row 1."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [_text(h).lower() for h in next(rows, [])]
        _check_header(header)
        for number, values in enumerate(rows, start=2):
            row = {h: _text(v) for h, v in zip(header, values) if h}
            if any(row.values()):
                yield number, row
        workbook.close()
        return
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    _check_header([(h or "").strip().lower() for h in reader.fieldnames or []])
    for number, values in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): _text(v) for k, v in values.items() if k}
        if any(row.values()):
            yield number, row


def _check_header(header: List[str]) -> None:
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        raise ValueError(f"missing columns: {', '.join(sorted(missing))} (see the layout in bot/knowledge/spreadsheet.py)")


def import_spreadsheet(path: Path, procedures_dir: Path, dry_run: bool = False) -> ImportReport:
    """Validate every row; write the good ones as ``<id>.yml``; report the bad ones."""
    report = ImportReport()
    existing = {p.id: p for p in load_procedures(procedures_dir).procedures}
    accepted: Dict[str, Tuple[int, Procedure]] = {}
    for number, row in read_rows(path):
        label = f"row {number}"
        try:
            document = row_to_document(row)
        except ValueError as error:
            report.errors.append(f"{label}: {error}")
            continue
        procedure, errors = parse_procedure(label, document)
        if errors:
            report.errors.extend(str(e) for e in errors)
            continue
        if procedure.id in accepted:
            report.errors.append(f"{label}: id: '{procedure.id}' already given in row {accepted[procedure.id][0]}")
            continue
        clash = _alias_clash(label, procedure, existing, accepted)
        if clash:
            report.errors.extend(str(e) for e in clash)
            continue
        accepted[procedure.id] = (number, procedure)
    if not dry_run:
        procedures_dir.mkdir(parents=True, exist_ok=True)
        for _, procedure in accepted.values():
            write_procedure(procedure, procedures_dir)
    report.imported = list(accepted)
    return report


def _alias_clash(label: str, procedure: Procedure, existing: Dict[str, Procedure],
                 accepted: Dict[str, Tuple[int, Procedure]]) -> List[KnowledgeError]:
    others = {pid: p for pid, p in existing.items() if pid != procedure.id}
    others.update({pid: p for pid, (_, p) in accepted.items()})
    pairs = [(f"{pid}.yml", p) for pid, p in others.items()] + [(label, procedure)]
    return [e for e in cross_check(pairs) if e.file == label]


def write_procedure(procedure: Procedure, procedures_dir: Path) -> Path:
    import json

    document = json.loads(procedure.json(ensure_ascii=False))
    path = procedures_dir / f"{procedure.id}.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    return path


def export_csv(procedures: Iterable[Procedure], path: Path) -> int:
    rows = [procedure_to_row(p) for p in procedures]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
