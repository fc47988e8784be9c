"""Contact details of a province profile, as response values."""

from __future__ import annotations

from typing import Dict, List, Mapping

from bot.knowledge.model import WEEKDAYS, OpeningHours, ProvinceProfile


def _day_range(days: List[str], names: Mapping[str, str]) -> str:
    ordered = sorted(days, key=WEEKDAYS.index)
    positions = [WEEKDAYS.index(d) for d in ordered]
    if len(ordered) > 2 and positions == list(range(positions[0], positions[-1] + 1)):
        return f"{names[ordered[0]]} – {names[ordered[-1]]}"
    return ", ".join(names[d] for d in ordered)


def opening_hours_text(hours: List[OpeningHours], names: Mapping[str, str]) -> str:
    """``"Thứ Hai – Thứ Sáu: 07:00–17:00"``, one range per line group."""
    return "; ".join(f"{_day_range(h.days, names)}: {h.open}–{h.close}" for h in hours)


def contact_values(profile: ProvinceProfile, vocabulary: Mapping[str, object]) -> Dict[str, str]:
    unknown = str(vocabulary["not_updated"])
    centre = profile.one_stop_centres[0]
    return {
        "province_name": profile.name,
        "hotline": profile.hotline or unknown,
        "centre_name": centre.name,
        "centre_address": centre.address or unknown,
        "opening_hours": opening_hours_text(centre.opening_hours, vocabulary["weekdays"]) or unknown,
        "portal_url": profile.portal_url,
    }
