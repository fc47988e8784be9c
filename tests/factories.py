"""Builders of valid knowledge documents; tests override what they need."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict, Iterable

import yaml

_BASE: Dict[str, Any] = {
    "id": "dang-ky-khai-sinh",
    "tthc_code": None,
    "name": "Đăng ký khai sinh",
    "aliases": ["khai sinh", "làm giấy khai sinh"],
    "keywords": ["hộ tịch", "giấy chứng sinh"],
    "field": "Hộ tịch",
    "essential_service": True,
    "authority": {"name": "Ủy ban nhân dân cấp xã", "level": "xa"},
    "where_to_submit": "Bộ phận Một cửa UBND cấp xã nơi cư trú của cha hoặc mẹ",
    "documents": [
        {"name": "Tờ khai đăng ký khai sinh", "form": None, "kind": "original", "quantity": 1, "condition": None},
        {"name": "Giấy chứng sinh", "form": None, "kind": "original", "quantity": 1,
         "condition": "nếu không có thì văn bản của người làm chứng"},
    ],
    "not_required": ["Sổ hộ khẩu giấy (đã bỏ)"],
    "fees": [{"item": "Lệ phí đăng ký khai sinh đúng hạn", "amount": 0, "online_amount": None,
              "condition": None, "valid_from": None, "valid_until": None, "note": None}],
    "processing_time": "Trong ngày",
    "result": "Giấy khai sinh",
    "online": {"level": "toan-trinh", "url": "https://dichvucong.gov.vn",
               "channels": ["Cổng Dịch vụ công quốc gia", "VNeID"], "search_term": "đăng ký khai sinh"},
    "online_steps": ["Đăng nhập bằng VNeID", "Tìm thủ tục", "Điền tờ khai", "Nộp và ghi lại mã hồ sơ"],
    "legal_basis": ["Luật Hộ tịch số 60/2014/QH13"],
    "reviewed": "2026-11-23",
    "source_url": "https://dichvucong.gov.vn",
    "to_confirm": [],
}


def procedure_document(**overrides: Any) -> Dict[str, Any]:
    document = copy.deepcopy(_BASE)
    document.update(overrides)
    return document


PROVINCE = {
    "id": "test-tinh",
    "name": "Tỉnh Thử",
    "note": None,
    "portal_url": "https://dichvucong.gov.vn",
    "hotline": "1900 0000",
    "official_domains": ["dichvucong.gov.vn"],
    "one_stop_centres": [
        {"name": "Trung tâm Phục vụ hành chính công tỉnh Thử", "address": "1 Đường Thử",
         "opening_hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "07:30", "close": "17:00"},
                           {"days": ["sat"], "open": "07:30", "close": "11:30"}],
         "phone": None, "volunteer_codes": ["TT-TNV-01"]}
    ],
    "reviewed": "2026-11-23",
    "to_confirm": [],
}


def write_knowledge(root: Path, documents: Iterable[Dict[str, Any]], province: Dict[str, Any] = None) -> Path:
    """A knowledge directory (procedures/, provinces/, vocabulary.yml) under ``root``."""
    from bot import PROJECT_ROOT

    (root / "procedures").mkdir(parents=True, exist_ok=True)
    (root / "provinces").mkdir(parents=True, exist_ok=True)
    for document in documents:
        path = root / "procedures" / f"{document['id']}.yml"
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    profile = province or PROVINCE
    (root / "provinces" / f"{profile['id']}.yml").write_text(
        yaml.safe_dump(profile, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (root / "vocabulary.yml").write_text(
        (PROJECT_ROOT / "knowledge" / "vocabulary.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (root / "guides").mkdir(exist_ok=True)
    (root / "guides" / "self-filing.yml").write_text(
        (PROJECT_ROOT / "knowledge" / "guides" / "self-filing.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return root


SAMPLE_PROCEDURES = [
    procedure_document(),
    procedure_document(
        id="cap-lai-the-can-cuoc", name="Cấp lại thẻ căn cước",
        aliases=["làm lại căn cước", "làm lại cccd", "mất căn cước"], keywords=["căn cước"],
        field="Căn cước", authority={"name": "Công an cấp xã", "level": "xa"},
        fees=[{"item": "Lệ phí cấp lại thẻ căn cước", "amount": 35000, "online_amount": None,
               "condition": None, "valid_from": "2025-07-01", "valid_until": "2026-12-31", "note": None},
              {"item": "Lệ phí cấp lại thẻ căn cước", "amount": 70000, "online_amount": None,
               "condition": None, "valid_from": "2027-01-01", "valid_until": None, "note": None}],
        to_confirm=["Thời hạn giải quyết"],
    ),
    procedure_document(
        id="cap-lai-the-can-cuoc-gan-chip", name="Cấp lại thẻ căn cước gắn chip cho người đã có CCCD",
        aliases=["làm lại căn cước gắn chip"], keywords=[],
    ),
    procedure_document(
        id="dang-ky-tam-tru", name="Đăng ký tạm trú", aliases=["tạm trú", "đăng ký tạm trú online"],
        keywords=["cư trú"], field="Cư trú",
        fees=[{"item": "Lệ phí đăng ký tạm trú", "amount": 15000, "online_amount": 7000,
               "condition": None, "valid_from": None, "valid_until": None, "note": None}],
    ),
]
