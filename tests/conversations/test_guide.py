"""Guided self-filing, volunteer mode, call-back, complaint and rating, end to end (REST channel)."""

import sqlite3
import unicodedata
import uuid

import pytest

from bot.volunteers.callbacks import CallbackStore
from bot.volunteers.log import AssistanceLog
from tests.conversations.conftest import joined

pytestmark = pytest.mark.e2e


def sender():
    return f"guide-{uuid.uuid4().hex[:10]}"


def payloads(messages):
    return [b["payload"] for m in messages for b in m.get("buttons", [])]


FALLBACK = "vẫn chưa hiểu câu hỏi"  # the core fallback's answer: a rule did not cover the turn


def say(servers, someone, text):
    """Send a message and check the dialogue stayed on its rules (no core fallback)."""
    messages = servers.send(someone, text)
    assert FALLBACK not in joined(messages), (text, joined(messages))
    return messages


def app_log(servers):
    return AssistanceLog(f"sqlite:///{servers.workdir / 'app.db'}")


def sessions_for(servers, procedure, before):
    return [s for s in app_log(servers).all() if s.procedure_code == procedure and s.id not in before]


def test_citizen_walks_through_filing_online_and_rates_it(servers):
    someone, before = sender(), {s.id for s in app_log(servers).all()}
    first = say(servers, someone, "hướng dẫn tôi từng bước tự nộp đăng ký tạm trú trên mạng")
    text = joined(first)
    assert "tự nộp hồ sơ Đăng ký tạm trú" in text and "Bước 1/8" in text and "OTP" in text
    assert {"/guide_done", "/guide_stuck", "/guide_back"} <= set(payloads(first))
    assert "Bước 2/8" in joined(say(servers, someone, "/guide_done"))
    assert "Bước 1/8" in joined(say(servers, someone, "/guide_back"))
    assert "Bước 2/8" in joined(say(servers, someone, "xong roi"))  # typed, not the button
    stuck = joined(say(servers, someone, "/guide_stuck"))
    assert "Lỗi hay gặp ở bước 2" in stuck and "OTP" in stuck
    for number in range(3, 9):
        assert f"Bước {number}/8" in joined(say(servers, someone, "/guide_done"))
    finished = say(servers, someone, "/guide_done")
    assert "Chúc mừng" in joined(finished) and '/rate_session{"rating": "5"}' in payloads(finished)
    assert "Cảm ơn" in joined(say(servers, someone, '/rate_session{"rating": "5"}'))
    [session] = sessions_for(servers, "dang-ky-tam-tru", before)
    assert (session.outcome, session.furthest_step, session.rating, session.channel) == (
        "filed_themselves", 8, 5, "rest")


def test_stuck_twice_hands_over_to_staff(servers):
    someone, before = sender(), {s.id for s in app_log(servers).all()}
    say(servers, someone, '/start_guided_filing{"procedure": "cap-phieu-ly-lich-tu-phap"}')
    assert "Lỗi hay gặp" in joined(say(servers, someone, "/guide_stuck"))
    staff = say(servers, someone, "van chua duoc")
    text = joined(staff)
    assert "cần cán bộ hỗ trợ" in text and "Giờ làm việc" in text
    assert "/request_callback" in payloads(staff)
    [session] = sessions_for(servers, "cap-phieu-ly-lich-tu-phap", before)
    assert session.outcome == "needed_staff"


def test_typed_replies_end_the_walkthrough_without_falling_back(servers):
    someone, before = sender(), {s.id for s in app_log(servers).all()}
    say(servers, someone, "huong dan e tu nop ho so dang ky tam tru tung buoc voi")
    assert "Bước 2/8" in joined(say(servers, someone, "xong r"))
    assert "Lỗi hay gặp" in joined(say(servers, someone, unicodedata.normalize("NFD", "chưa được")))
    assert "cần cán bộ hỗ trợ" in joined(say(servers, someone, "ko dc"))
    assert "Chào Anh/Chị" in joined(say(servers, someone, "tạm biệt"))
    [session] = sessions_for(servers, "dang-ky-tam-tru", before)
    assert session.outcome == "needed_staff"
    other = sender()
    say(servers, other, '/start_guided_filing{"procedure": "dang-ky-khai-sinh"}')
    assert "Đã dừng hướng dẫn" in joined(say(servers, other, "thôi chào nhé"))


def test_online_answer_offers_the_walkthrough(servers):
    someone = sender()
    answer = say(servers, someone, "lam the nao de nop dang ky khai sinh online")
    assert "/start_guided_filing" in payloads(answer)
    assert "Bước 1/8" in joined(say(servers, someone, "/start_guided_filing"))


def test_volunteer_mode_with_centre_code_and_checklist(servers):
    someone, before = sender(), {s.id for s in app_log(servers).all()}
    asked = joined(say(servers, someone, "tôi là tình nguyện viên đề án 5299"))
    assert "mã tình nguyện viên" in asked
    assert "chưa đúng" in joined(say(servers, someone, "ABC-123"))
    ready = say(servers, someone, "gl tnv 01")
    assert "chế độ tình nguyện viên (mã GL-TNV-01)" in joined(ready)
    started = joined(say(servers, someone, '/start_guided_filing{"procedure": "dang-ky-khai-sinh"}'))
    assert "Gợi ý cho tình nguyện viên" in started and "/checklists/dang-ky-khai-sinh.html" in started
    [session] = sessions_for(servers, "dang-ky-khai-sinh", before)
    assert session.volunteer_code == "GL-TNV-01"


def test_callback_request_stores_contact_only_with_consent(servers):
    store = CallbackStore(f"sqlite:///{servers.workdir / 'app.db'}")
    offsets = servers.log_offsets()
    count = len(store.pending())
    refused = sender()
    assert "Anh/Chị đồng ý không" in joined(say(servers, refused, "nhờ cán bộ gọi lại cho tôi"))
    assert "không lưu thông tin nào" in joined(say(servers, refused, "/deny"))
    assert len(store.pending()) == count

    someone = sender()
    say(servers, someone, "/request_callback")
    assert "cần cán bộ hỗ trợ việc gì" in joined(say(servers, someone, "/affirm"))
    assert "Số điện thoại" in joined(say(servers, someone, "Hỏi về giấy phép xây dựng nhà ở"))
    assert "chưa đúng" in joined(say(servers, someone, "khong nho so"))
    saved = joined(say(servers, someone, "0912 345 678"))
    assert "Đã ghi nhận yêu cầu gọi lại" in saved and "30 ngày" in saved
    [request] = [r for r in store.pending()][count:]
    assert (request.kind, request.question, request.contact) == ("callback", "Hỏi về giấy phép xây dựng nhà ở",
                                                                 "+84912345678")
    with sqlite3.connect(servers.tracker_db) as connection:
        dump = "\n".join(r[0] for r in connection.execute("select data from events where sender_id = ?", (someone,)))
    assert dump and "0912 345 678" not in dump and "912345678" not in dump
    log = servers.log_text(since=offsets)
    assert "0912 345 678" not in log and "912345678" not in log


def test_complaint_without_contact_and_official_channel(servers):
    store = CallbackStore(f"sqlite:///{servers.workdir / 'app.db'}")
    count = len(store.pending())
    someone = sender()
    assert "đồng ý" in joined(say(servers, someone, "tôi muốn gửi phản ánh về việc hồ sơ bị trễ hẹn"))
    say(servers, someone, "/affirm")
    say(servers, someone, "Nộp hồ sơ từ tháng trước, quá hẹn không ai báo")
    say(servers, someone, "UBND xã, hồ sơ 000.00.00.H00-251201-0001")
    done = joined(say(servers, someone, "/deny"))
    assert "Đã ghi nhận phản ánh" in done and "https://dichvucong.gov.vn" in done
    [complaint] = store.pending()[count:]
    assert complaint.kind == "complaint" and complaint.contact == "" and "H00-251201-0001" in complaint.subject


def test_other_messages_inside_the_forms_are_answered_and_cancel_stores_nothing(servers):
    store = CallbackStore(f"sqlite:///{servers.workdir / 'app.db'}")
    count = len(store.pending())
    someone = sender()
    say(servers, someone, "nho can bo goi lai cho toi")
    again = joined(say(servers, someone, "toi muon phan anh can bo xa lam cham ho so"))
    assert "Đồng ý" in again or "đồng ý" in again
    say(servers, someone, "ok dong y")
    assert "Tôi chưa đọc được" in joined(say(servers, someone, "😀😀"))
    assert "Đã hủy" in joined(say(servers, someone, "/cancel_form"))
    assert len(store.pending()) == count
    assert "Chào Anh/Chị" in joined(say(servers, someone, "tạm biệt"))  # the form is over

    complaint = sender()
    say(servers, complaint, "/file_complaint")
    say(servers, complaint, "/affirm")
    assert "Đã hủy" in joined(say(servers, complaint, "thôi chào nhé"))
    assert len(store.pending()) == count

    volunteer = sender()
    say(servers, volunteer, "tôi là tình nguyện viên")
    assert "Vâng ạ" in joined(say(servers, volunteer, "thoi khong can"))
    assert "Hồ sơ Đăng ký khai sinh gồm" in joined(say(servers, volunteer, "dang ky khai sinh can giay to gi"))


def test_goodbye_asks_for_a_rating_stored_anonymously(servers):
    someone = sender()
    before = len(app_log(servers).ratings())
    bye = say(servers, someone, "thôi chào nhé, tạm biệt")
    assert "Chào Anh/Chị" in joined(bye) and '/rate_session{"rating": "3"}' in payloads(bye)
    low = joined(say(servers, someone, '/rate_session{"rating": "2"}'))
    assert "xin lỗi" in low.lower()
    ratings = app_log(servers).ratings()
    assert len(ratings) == before + 1 and ratings[-1].rating == 2 and ratings[-1].channel == "rest"
