"""Demo dossiers for the built-in store, dated relative to now (see README)."""

from __future__ import annotations

import datetime as dt
from typing import List

from bot.dossiers.model import Dossier, DossierFee

ZONE = dt.timezone(dt.timedelta(hours=7))
#: every demo dossier is registered with this (fictitious) phone number
DEMO_PHONE = "0900001234"
DEMO_STAMP = "251201"


def demo_dossiers(now: dt.datetime) -> List[Dossier]:
    today = now.astimezone(ZONE).replace(hour=8, minute=0, second=0, microsecond=0)
    stamp = DEMO_STAMP  # fixed, so the README can list the codes; dates follow "now"

    def make(seq: str, status: str, received_days: int, due_days: int, *, note=None, finished=False,
             fee=DossierFee(0, False, None), procedure=("dang-ky-tam-tru", "Đăng ký tạm trú"),
             agency="Công an xã (dữ liệu minh họa)") -> Dossier:
        received = today - dt.timedelta(days=received_days)
        due = today + dt.timedelta(days=due_days)
        return Dossier(
            code=f"000.00.00.H00-{stamp}-{seq}", procedure_code=procedure[0], procedure_name=procedure[1],
            applicant_name="Nguyễn Văn Minh Họa", applicant_phone=DEMO_PHONE, status=status,
            received_at=received, due_at=due, finished_at=today - dt.timedelta(hours=2) if finished else None,
            agency=agency, note=note, fee=fee,
        )

    return [
        make("0001", "processing", 1, 2, fee=DossierFee(7000, True, None)),
        make("0002", "additional_docs_required", 2, 3,
             note="Bổ sung bản sao hợp đồng thuê nhà có chữ ký của chủ nhà."),
        make("0003", "ready", 5, 0, finished=True, procedure=("dang-ky-khai-sinh", "Đăng ký khai sinh"),
             agency="UBND xã (dữ liệu minh họa)"),
        make("0004", "rejected", 6, -2, finished=True,
             note="Chỗ ở đề nghị đăng ký không thuộc quyền sở hữu hoặc sử dụng hợp pháp của người đăng ký."),
        make("0005", "processing", 10, -3, procedure=("cap-lai-the-can-cuoc", "Cấp lại thẻ căn cước"),
             agency="Công an tỉnh (dữ liệu minh họa)", fee=DossierFee(35000, True, None)),
        make("0006", "received", 0, 7, procedure=("cap-phieu-ly-lich-tu-phap", "Cấp phiếu lý lịch tư pháp"),
             agency="Công an tỉnh (dữ liệu minh họa)",
             fee=DossierFee(200000, False, "https://dichvucong.gov.vn/p/home/dvc-thanh-toan-truc-tuyen.html")),
        make("0007", "received", 0, 7, procedure=("cap-phieu-ly-lich-tu-phap", "Cấp phiếu lý lịch tư pháp"),
             agency="Công an tỉnh (dữ liệu minh họa)",
             fee=DossierFee(200000, False, "https://dichvucongs.top/thanh-toan")),
    ]
