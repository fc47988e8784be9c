import pytest

from bot.payments.policy import PaymentLinkPolicy

POLICY = PaymentLinkPolicy(["dichvucong.gov.vn", "dichvucong.bocongan.gov.vn", "vneid.gov.vn", "gialai.gov.vn"])


@pytest.mark.parametrize(
    "url, official",
    [
        ("https://dichvucong.gov.vn/p/home/thanh-toan?ma=1", True),
        ("https://thanhtoan.dichvucong.gov.vn/x", True),
        ("https://dichvucong.gialai.gov.vn", True),
        ("https://DICHVUCONG.GOV.VN.", True),
        ("http://dichvucong.gov.vn", False),
        ("https://dichvucongs.top", False),
        ("https://dichvucongg.top/pay", False),
        ("https://dichvucong.gov.vn.thanhtoan.com", False),
        ("https://evil.com/dichvucong.gov.vn", False),
        ("https://dichvucong.gov.vn@evil.com", False),
        ("https://dichvucong.gov.vn:8443/x", False),
        ("https://xdichvucong.gov.vn", False),
        ("https://hanoi.gov.vn", False),  # a gov.vn host, but not on this province's list
        ("javascript:alert(1)", False),
        ("", False),
        (None, False),
        ("https://[::1", False),
    ],
)
def test_is_official(url, official):
    assert POLICY.is_official(url) is official


def test_links_in_text():
    checks = POLICY.links_in("link nay co dung ko: dichvucongs.top/nop-phat va https://dichvucong.gov.vn.")
    assert [(c.host, c.official) for c in checks] == [("dichvucongs.top", False), ("dichvucong.gov.vn", True)]


def test_empty_allow_list_is_refused():
    with pytest.raises(ValueError):
        PaymentLinkPolicy([" ", ""])
