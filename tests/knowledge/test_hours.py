import datetime as dt

import pytest

from bot.knowledge.hours import VIETNAM, opening_status
from bot.knowledge.model import OpeningHours

HOURS = [OpeningHours(days=["mon", "tue", "wed", "thu", "fri"], open="07:30", close="11:30"),
         OpeningHours(days=["mon", "tue", "wed", "thu", "fri"], open="13:30", close="17:00"),
         OpeningHours(days=["sat"], open="07:30", close="11:30")]


def at(day, clock):
    hour, minute = map(int, clock.split(":"))
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=VIETNAM)  # 23/11/2026 is a Monday


@pytest.mark.parametrize(
    "now, open_now, reopens",
    [
        (at(23, "09:00"), True, None),
        (at(23, "12:00"), False, at(23, "13:30")),
        (at(23, "17:00"), False, at(24, "07:30")),
        (at(28, "10:00"), True, None),            # Saturday morning
        (at(28, "12:00"), False, at(30, "07:30")),  # Saturday noon -> Monday
        (at(29, "09:00"), False, at(30, "07:30")),  # Sunday
    ],
)
def test_opening_status(now, open_now, reopens):
    status = opening_status(HOURS, now)
    assert status.open_now is open_now and status.next_opening == reopens


def test_utc_input_is_read_in_vietnam_time():
    utc = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.timezone.utc)  # 09:00 in Vietnam
    assert opening_status(HOURS, utc).open_now


def test_no_hours_known():
    assert opening_status([], at(23, "09:00")).next_opening is None
