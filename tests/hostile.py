"""Hostile inputs every component and the REST channel must survive."""

import unicodedata

HOSTILE_TEXTS = [
    "",
    " ",
    "\n\t",
    "a" * 10_000,
    "đăng ký khai sinh " * 600,
    "😀😀😀🇻🇳👍🏽",
    "👨‍👩‍👧",
    "?!?!...,,,;;;",
    "<script>alert('x')</script>",
    "<b onmouseover=alert(1)>khai sinh</b>",
    "'; DROP TABLE events; --",
    "{{7*7}} ${jndi:ldap://x} {procedure}",
    unicodedata.normalize("NFD", "Đăng ký khai sinh cần giấy tờ gì?"),
    "\u0301\u0300 dấu rời",
    "\x00\x01\x02",
    "\u200b\u200e\ufeff khai sinh",
    "ｋｈａｉ ｓｉｎｈ",
    "/greet",
    "/inform{\"procedure\": \"khong-ton-tai\"}",
]
