"""Domain-wide properties."""

import yaml

from bot import PROJECT_ROOT


def test_sessions_expire_after_60_minutes():
    config = yaml.safe_load((PROJECT_ROOT / "domain" / "base.yml").read_text(encoding="utf-8"))["session_config"]
    assert config["session_expiration_time"] == 60


def test_no_vietnamese_sentence_asks_for_otp_or_password():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "domain").glob("*.yml")).lower()
    for forbidden in ("cho tôi mã otp", "gửi tôi mã otp", "cung cấp mã otp cho tôi", "cho tôi mật khẩu",
                      "gửi tôi mật khẩu", "nhập mật khẩu vào đây"):
        assert forbidden not in text
