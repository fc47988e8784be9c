import uuid

import pytest

from tests.conversations.conftest import joined

pytestmark = pytest.mark.e2e


def sender():
    return f"proc-{uuid.uuid4().hex[:10]}"


def test_documents_then_follow_ups_then_switch(servers):
    someone = sender()
    papers = joined(servers.send(someone, "dang ky khai sinh can giay to gi"))
    assert "Hồ sơ Đăng ký khai sinh gồm:" in papers and "1. " in papers
    fee = joined(servers.send(someone, "còn lệ phí?"))
    assert "Lệ phí Đăng ký khai sinh" in fee
    where = joined(servers.send(someone, "nộp ở đâu"))
    assert "Nơi nộp hồ sơ Đăng ký khai sinh" in where
    switched = joined(servers.send(someone, "con lam lai cccd thi mat bao nhieu tien"))
    assert "Lệ phí Cấp lại thẻ căn cước" in switched
    time = joined(servers.send(someone, "mat may ngay"))
    assert "Thời hạn giải quyết Cấp lại thẻ căn cước" in time


def test_missing_procedure_is_asked_for_then_answered(servers):
    someone = sender()
    asked = servers.send(someone, "lệ phí bao nhiêu vậy")
    assert "thủ tục" in joined(asked)
    answered = joined(servers.send(someone, "đăng ký tạm trú"))
    assert "Lệ phí Đăng ký tạm trú" in answered


def test_online_filing_steps_with_official_link(servers):
    text = joined(servers.send(sender(), "lam ho chieu online the nao"))
    assert "Các bước tự nộp" in text and "https://" in text and ".gov.vn" in text


def test_legal_basis(servers):
    text = joined(servers.send(sender(), "đăng ký kết hôn theo văn bản pháp luật nào"))
    assert "Căn cứ pháp lý của thủ tục Đăng ký kết hôn" in text


def test_unclear_message_naming_a_procedure_vaguely_gets_procedure_choices(servers):
    someone = sender()
    first = servers.send(someone, "tạm chú người thuê nhà")
    payloads = [b["payload"] for m in first for b in m.get("buttons", [])]
    assert '/inform{"procedure": "dang-ky-tam-tru"}' in payloads, first
    answer = joined(servers.send(someone, '/inform{"procedure": "dang-ky-tam-tru"}'))
    assert "Đăng ký tạm trú" in answer
