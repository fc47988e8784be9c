import sqlite3
import uuid

import pytest

from bot.dossiers.demo import DEMO_PHONE, DEMO_STAMP
from tests.conversations.conftest import joined

pytestmark = pytest.mark.e2e

CODE = f"000.00.00.H00-{DEMO_STAMP}-000"
LAST4 = DEMO_PHONE[-4:]


def sender():
    return f"dossier-{uuid.uuid4().hex[:10]}"


def test_lookup_asks_for_digits_reveals_nothing_before_then_answers(servers):
    someone = sender()
    asked = joined(servers.send(someone, f"ho so {CODE}1 den dau roi"))
    assert "4 số cuối" in asked and "OTP" in asked
    assert "Đăng ký tạm trú" not in asked and "N. V." not in asked
    answer = joined(servers.send(someone, LAST4))
    assert f"Hồ sơ {CODE}1 (Đăng ký tạm trú)" in answer and "N. V. M. Họa" in answer
    assert DEMO_PHONE not in answer
    follow = joined(servers.send(someone, "khi nào có kết quả?"))
    assert f"Hồ sơ {CODE}1 hẹn trả kết quả lúc" in follow


def test_code_asked_for_when_missing_and_accepted_in_any_form(servers):
    someone = sender()
    assert "mã hồ sơ" in joined(servers.send(someone, "tra cứu hồ sơ"))
    assert "4 số cuối" in joined(servers.send(someone, f"000.00.00.h00 - {DEMO_STAMP} - 0003"))
    assert "đã có kết quả" in joined(servers.send(someone, "so cuoi la " + " ".join(LAST4)))


def test_wrong_check_and_unknown_code_answer_alike(servers):
    a, b = sender(), sender()
    servers.send(a, f"tra cuu ho so {CODE}1")
    wrong_digits = joined(servers.send(a, "0000"))
    servers.send(b, f"tra cuu ho so 000.00.00.H00-{DEMO_STAMP}-0999")
    unknown = joined(servers.send(b, LAST4))
    assert wrong_digits == unknown and "không tìm thấy hồ sơ khớp" in unknown


def test_lockout_after_five_failures(servers):
    someone = sender()
    for _ in range(5):
        servers.send(someone, f"tra cuu ho so {CODE}1")
        last = joined(servers.send(someone, "0000"))
    assert "tạm dừng 15 phút" in last
    assert "tạm dừng 15 phút" in joined(servers.send(someone, f"tra cuu ho so {CODE}1"))


def test_overdue_and_payment_link_policy(servers):
    someone = sender()
    servers.send(someone, f"tra cuu {CODE}5")
    late = joined(servers.send(someone, LAST4))
    assert "quá hạn" in late and "61/2018/NĐ-CP" in late
    other = sender()
    servers.send(other, f"tra cuu {CODE}7")
    unpaid = joined(servers.send(other, LAST4))
    assert "200.000 đồng" in unpaid and "dichvucongs.top" not in unpaid and "Quản lý hồ sơ đã nộp" in unpaid
    third = sender()
    servers.send(third, f"tra cuu {CODE}6")
    assert "https://dichvucong.gov.vn/" in joined(servers.send(third, LAST4))


def test_provider_failures_give_the_hotline(servers):
    for seq in ("0500", "0401", "0422"):
        someone = sender()
        servers.send(someone, f"tra cuu ho so 000.00.00.H00-{DEMO_STAMP}-{seq}")
        assert "tạm thời gián đoạn" in joined(servers.send(someone, LAST4))


def test_scam_and_link_check(servers):
    assert "lừa đảo" in joined(servers.send(sender(), "co nguoi goi xung cong an bao toi doc ma OTP"))
    warning = joined(servers.send(sender(), "link nay co phai trang chinh thuc ko https://dichvucongs.top/nop-phat"))
    assert "KHÔNG phải trang dịch vụ công chính thức" in warning


def test_tracker_store_and_logs_hold_no_phone_or_verification_digits(servers):
    offsets = servers.log_offsets()
    someone = sender()
    servers.send(someone, f"tra cuu ho so {CODE}1, sdt cua toi la {DEMO_PHONE}, cccd 079203001234")
    servers.send(someone, LAST4)
    with sqlite3.connect(servers.tracker_db) as connection:
        rows = [r[0] for r in connection.execute("select data from events where sender_id = ?", (someone,))]
    dump = "\n".join(rows)
    assert rows and CODE in dump
    log = servers.log_text(since=offsets)
    for secret in (DEMO_PHONE, "079203001234", f'"{LAST4}"', f" {LAST4}"):
        assert secret not in dump
        assert secret not in log


def test_leaving_the_lookup_midway(servers):
    someone = sender()
    servers.send(someone, "tra cuu ho so")
    assert "Đã dừng tra cứu" in joined(servers.send(someone, "thôi"))
    assert "Lệ phí Đăng ký tạm trú" in joined(servers.send(someone, "le phi dang ky tam tru"))
    servers.send(someone, f"tra cuu ho so {CODE}1")
    assert "Đã dừng tra cứu" in joined(servers.send(someone, "/cancel_form"))
    for messages in (servers.send(someone, "tạm biệt"),):
        assert "Chào Anh/Chị" in joined(messages) and "vẫn chưa hiểu" not in joined(messages)
