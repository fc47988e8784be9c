"""Which links the assistant may show for paying a fee, or call official.

The allow-list lives in the province profile (``official_domains``); a link
is official only when it is https, on port 443, has no user-info part, and its
host is one of those domains or a sub-domain of one. Anything else is never
shown: the citizen is told to pay inside the official portal instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Tuple
from urllib.parse import urlsplit

_URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s<>\"']*)?")


@dataclass(frozen=True)
class LinkCheck:
    url: str
    host: str
    official: bool
    https: bool


class PaymentLinkPolicy:
    """The official-link rule for one province.

    >>> PaymentLinkPolicy(["dichvucong.gov.vn"]).is_official("https://dichvucong.gov.vn/p/x")
    True
    """

    def __init__(self, domains: Iterable[str]) -> None:
        cleaned = tuple(sorted({d.strip().lower().strip(".") for d in domains if d and d.strip()}))
        if not cleaned:
            raise ValueError("the official domain list is empty")
        self.domains: Tuple[str, ...] = cleaned

    def _host_allowed(self, host: str) -> bool:
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def check(self, url: str) -> LinkCheck:
        raw = (url or "").strip()
        candidate = raw if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", raw) else f"https://{raw}" if raw else raw
        try:
            parts = urlsplit(candidate)
            host = (parts.hostname or "").lower().rstrip(".")
            port = parts.port
        except ValueError:
            return LinkCheck(raw, "", False, False)
        https = parts.scheme.lower() == "https" and raw.lower().startswith("https://")
        clean = bool(host) and "@" not in parts.netloc and port in (None, 443)
        official = https and clean and self._host_allowed(host)
        return LinkCheck(raw, host, official, https)

    def is_official(self, url: Optional[str]) -> bool:
        return bool(url) and self.check(url).official

    def links_in(self, text: str) -> Tuple[LinkCheck, ...]:
        """Every link-looking piece of ``text``, checked (for "is this link official?")."""
        return tuple(self.check(m.group(0).rstrip(".,;:!?)")) for m in _URL_RE.finditer(text or ""))
