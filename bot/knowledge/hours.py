"""Is the one-stop centre open now, and when does it reopen? (Vietnam time)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Optional

from bot.knowledge.model import WEEKDAYS, OpeningHours

VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class OpeningStatus:
    open_now: bool
    next_opening: Optional[dt.datetime]  # Vietnam time; None when no hours are known


def _at(day: dt.date, clock: str) -> dt.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VIETNAM)


def opening_status(hours: List[OpeningHours], now: dt.datetime) -> OpeningStatus:
    """Open now, else the next opening within two weeks.

    >>> from bot.knowledge.model import OpeningHours
    >>> week = [OpeningHours(days=["mon", "tue", "wed", "thu", "fri"], open="07:00", close="17:00")]
    >>> saturday = dt.datetime(2026, 11, 21, 10, 0, tzinfo=VIETNAM)
    >>> opening_status(week, saturday).next_opening.strftime("%a %H:%M")
    'Mon 07:00'
    """
    local = now.astimezone(VIETNAM)
    for offset in range(15):
        day = local.date() + dt.timedelta(days=offset)
        weekday = WEEKDAYS[day.weekday()]
        for slot in sorted((h for h in hours if weekday in h.days), key=lambda h: h.open):
            start, end = _at(day, slot.open), _at(day, slot.close)
            if offset == 0 and start <= local < end:
                return OpeningStatus(True, None)
            if start > local:
                return OpeningStatus(False, start)
    return OpeningStatus(False, None)
