import unicodedata

import pytest

from bot import PROJECT_ROOT
from bot.knowledge.answers import AnswerFormatter, load_vocabulary
from bot.knowledge.model import Procedure
from bot.text.normalize import default_lexicon
from bot.volunteers.guide import Guide
from tests.factories import SAMPLE_PROCEDURES

GUIDE = Guide.from_file(PROJECT_ROOT / "knowledge" / "guides" / "self-filing.yml")


def procedure_values():
    vocabulary = load_vocabulary(str(PROJECT_ROOT / "knowledge" / "vocabulary.yml"))
    return AnswerFormatter(vocabulary).values(Procedure.parse_obj(SAMPLE_PROCEDURES[3]))


def test_every_step_fills_from_the_procedure():
    values = procedure_values()
    for index in range(len(GUIDE.steps)):
        step = GUIDE.values(index, values)
        assert "{" not in step["step_text"], step
        assert step["step_problems"].startswith("- ")
    assert values["search_term"] in GUIDE.values(2, values)["step_text"]
    assert "Đăng ký tạm trú" in GUIDE.values(2, values)["step_text"]
    assert "15.000 đ" in GUIDE.values(5, values)["step_text"]


def test_steps_are_clamped():
    values = procedure_values()
    assert GUIDE.values(-3, values)["step_number"] == "1"
    assert GUIDE.values(99, values)["step_number"] == str(len(GUIDE.steps))


def test_the_guide_never_asks_for_secrets():
    text = " ".join(s.text for s in GUIDE.steps).lower()
    assert "cho tôi mật khẩu" not in text and "gửi mã otp" not in text and "đọc mã otp cho" not in text


@pytest.mark.parametrize("text, reply", [
    ("xong", "done"), ("Xong rồi ạ", "done"), ("XONG ROI", "done"), ("dc roi", "done"), ("ok", "done"),
    ("chưa được", "stuck"), ("ko dc", "stuck"), ("vẫn chưa được em ơi", "stuck"), ("bị lỗi rồi", "stuck"),
    ("quay lai", "back"), ("lùi lại một bước", "back"), ("xem lại", "repeat"), ("thôi", "stop"),
    (unicodedata.normalize("NFD", "chưa được"), "stuck"),
    ("lệ phí bao nhiêu", None), ("xong thi nop o dau vay em oi", None), ("", None), ("😀😀", None),
    ("<script>xong</script>", None), ("/guide_done", None),
])
def test_typed_replies(text, reply):
    assert GUIDE.typed_reply(text, default_lexicon()) == reply
