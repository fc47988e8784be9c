"""The procedure and province model: what every knowledge file must hold.

pydantic (v1, Rasa's pin) does the schema checks; ``bot.knowledge.loader``
turns its errors into messages that name the file and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import List, Optional
from urllib.parse import urlparse

from pydantic import BaseModel, Field, root_validator, validator

OFFICIAL_SUFFIX = ".gov.vn"
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOCUMENT_KINDS = ("original", "copy", "either", "show")
AUTHORITY_LEVELS = ("trung-uong", "tinh", "xa", "khac")
ONLINE_LEVELS = ("toan-trinh", "mot-phan", "truc-tiep")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def is_official_url(url: str, extra_domains: tuple = ()) -> bool:
    """https on a *.gov.vn host (or one of ``extra_domains``)."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https" or not host:
        return False
    if host.endswith(OFFICIAL_SUFFIX) or host == OFFICIAL_SUFFIX[1:]:
        return True
    return any(host == d or host.endswith("." + d) for d in extra_domains)


class _Strict(BaseModel):
    class Config:
        extra = "forbid"
        anystr_strip_whitespace = True


class Document(_Strict):
    name: str = Field(..., min_length=2)
    form: Optional[str] = None
    kind: str
    quantity: int = Field(1, ge=1, le=20)
    condition: Optional[str] = None

    @validator("kind")
    def _kind(cls, value: str) -> str:
        if value not in DOCUMENT_KINDS:
            raise ValueError(f"must be one of {', '.join(DOCUMENT_KINDS)}")
        return value


class Fee(_Strict):
    item: str = Field(..., min_length=2)
    amount: Optional[int] = Field(None, ge=0)
    online_amount: Optional[int] = Field(None, ge=0)
    condition: Optional[str] = None
    valid_from: Optional[dt.date] = None
    valid_until: Optional[dt.date] = None
    note: Optional[str] = None

    @root_validator(skip_on_failure=True)
    def _period(cls, values):
        start, end = values.get("valid_from"), values.get("valid_until")
        if start and end and end < start:
            raise ValueError("valid_until is before valid_from")
        return values

    def applies_on(self, day: dt.date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_until and day > self.valid_until:
            return False
        return True


class Authority(_Strict):
    name: str = Field(..., min_length=2)
    level: str

    @validator("level")
    def _level(cls, value: str) -> str:
        if value not in AUTHORITY_LEVELS:
            raise ValueError(f"must be one of {', '.join(AUTHORITY_LEVELS)}")
        return value


class Online(_Strict):
    level: str
    url: str
    channels: List[str] = []
    search_term: Optional[str] = None

    @validator("level")
    def _level(cls, value: str) -> str:
        if value not in ONLINE_LEVELS:
            raise ValueError(f"must be one of {', '.join(ONLINE_LEVELS)}")
        return value

    @validator("url")
    def _url(cls, value: str) -> str:
        if not is_official_url(value):
            raise ValueError(f"'{value}' is not an https link on an official .gov.vn host")
        return value


class Procedure(_Strict):
    id: str
    tthc_code: Optional[str] = None
    name: str = Field(..., min_length=3)
    aliases: List[str] = []
    keywords: List[str] = []
    field: str = Field(..., min_length=2)
    essential_service: bool = False
    authority: Authority
    where_to_submit: str = Field(..., min_length=3)
    documents: List[Document] = Field(..., min_items=1)
    not_required: List[str] = []
    fees: List[Fee] = Field(..., min_items=1)
    processing_time: str = Field(..., min_length=2)
    result: str = Field(..., min_length=2)
    online: Online
    online_steps: List[str] = Field(..., min_items=1)
    legal_basis: List[str] = Field(..., min_items=1)
    reviewed: dt.date
    source_url: str
    to_confirm: List[str] = []

    @validator("id")
    def _id(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("must be lower-case words joined by hyphens")
        return value

    @validator("source_url")
    def _source(cls, value: str) -> str:
        if urlparse(value).scheme != "https":
            raise ValueError("must be an https link")
        return value

    @validator("reviewed")
    def _reviewed(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError("review date lies in the future")
        if value < dt.date(2025, 7, 1):
            raise ValueError("reviewed before the 1/7/2025 reform: review again")
        return value

    @validator("aliases", "keywords", each_item=True)
    def _phrase(cls, value: str) -> str:
        if not value or not value.strip():
            raise ValueError("empty phrase")
        return value

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.to_confirm)


class OpeningHours(_Strict):
    days: List[str] = Field(..., min_items=1)
    open: str
    close: str

    @validator("days", each_item=True)
    def _day(cls, value: str) -> str:
        if value not in WEEKDAYS:
            raise ValueError(f"must be one of {', '.join(WEEKDAYS)}")
        return value

    @validator("open", "close")
    def _time(cls, value: str) -> str:
        dt.datetime.strptime(value, "%H:%M")
        return value


def volunteer_key(code: str) -> str:
    """A volunteer code as compared: upper case, letters and digits only ("gl 5299-01" -> "GL529901")."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


class OneStopCentre(_Strict):
    name: str
    address: Optional[str] = None
    opening_hours: List[OpeningHours] = []
    phone: Optional[str] = None
    #: short codes given to the centre's youth volunteers (Đề án 5299); no personal data
    volunteer_codes: List[str] = []

    @validator("volunteer_codes", each_item=True)
    def _volunteer_code(cls, value: str) -> str:
        if not 4 <= len(volunteer_key(value)) <= 16:
            raise ValueError("a volunteer code has 4 to 16 letters or digits")
        return value


class ProvinceProfile(_Strict):
    id: str
    name: str
    note: Optional[str] = None
    portal_url: str
    hotline: Optional[str] = None
    official_domains: List[str] = []
    one_stop_centres: List[OneStopCentre] = Field(..., min_items=1)
    reviewed: dt.date
    to_confirm: List[str] = []

    @validator("portal_url")
    def _portal(cls, value: str) -> str:
        if not is_official_url(value):
            raise ValueError(f"'{value}' is not an https link on an official .gov.vn host")
        return value

    def volunteer_code(self, text: str) -> Optional[str]:
        """The configured volunteer code that ``text`` spells, whatever its case or separators."""
        key = volunteer_key(text)
        for centre in self.one_stop_centres:
            for code in centre.volunteer_codes:
                if volunteer_key(code) == key:
                    return code
        return None
