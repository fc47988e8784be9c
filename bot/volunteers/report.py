"""Monthly and per-procedure tables (CSV) and a chart (PNG) of guided sessions."""

from __future__ import annotations

import csv
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List

from bot.volunteers.log import GuidedSession, Rating

COLUMNS = ["sessions", "filed_themselves", "needed_staff", "gave_up", "unfinished",
           "self_filing_rate", "with_volunteer", "ratings", "average_rating"]


@dataclass
class Row:
    sessions: int = 0
    filed_themselves: int = 0
    needed_staff: int = 0
    gave_up: int = 0
    unfinished: int = 0
    with_volunteer: int = 0
    ratings: int = 0
    rating_sum: int = 0

    def add(self, session: GuidedSession) -> None:
        self.sessions += 1
        outcome = session.outcome or "unfinished"
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.with_volunteer += 1 if session.volunteer_code else 0
        if session.rating:
            self.ratings += 1
            self.rating_sum += session.rating

    def as_dict(self) -> Dict[str, object]:
        return {
            "sessions": self.sessions, "filed_themselves": self.filed_themselves,
            "needed_staff": self.needed_staff, "gave_up": self.gave_up, "unfinished": self.unfinished,
            "self_filing_rate": round(self.filed_themselves / self.sessions, 3) if self.sessions else 0.0,
            "with_volunteer": self.with_volunteer, "ratings": self.ratings,
            "average_rating": round(self.rating_sum / self.ratings, 2) if self.ratings else "",
        }


def by_month(sessions: Iterable[GuidedSession]) -> "OrderedDict[str, Row]":
    rows: Dict[str, Row] = defaultdict(Row)
    for session in sessions:
        rows[session.started_at.strftime("%Y-%m")].add(session)
    return OrderedDict(sorted(rows.items()))


def by_procedure(sessions: Iterable[GuidedSession]) -> "OrderedDict[str, Row]":
    rows: Dict[str, Row] = defaultdict(Row)
    for session in sessions:
        rows[session.procedure_code].add(session)
    return OrderedDict(sorted(rows.items(), key=lambda item: (-item[1].sessions, item[0])))


def write_table(rows: "OrderedDict[str, Row]", key: str, path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[key] + COLUMNS)
        writer.writeheader()
        for name, row in rows.items():
            writer.writerow({key: name, **row.as_dict()})


def write_chart(months: "OrderedDict[str, Row]", path: Path, labels: Dict[str, str]) -> None:
    """Bars: sessions per month; line: self-filing rate. ``labels`` from knowledge/vocabulary.yml."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names: List[str] = list(months) or ["-"]
    sessions = [row.sessions for row in months.values()] or [0]
    rates = [100 * row.as_dict()["self_filing_rate"] for row in months.values()] or [0]
    figure, axis = plt.subplots(figsize=(8, 4.5), dpi=100)
    axis.bar(names, sessions, width=0.5, color="#b71c1c", label=labels["sessions"])
    axis.set_ylabel(labels["sessions_axis"])
    rate_axis = axis.twinx()
    rate_axis.plot(names, rates, color="#1565c0", marker="o", label=labels["rate"])
    rate_axis.set_ylim(0, 100)
    rate_axis.set_ylabel(labels["rate"])
    axis.set_title(labels["title"])
    handles = axis.get_legend_handles_labels()[0] + rate_axis.get_legend_handles_labels()[0]
    axis.legend(handles, [h.get_label() for h in handles], loc="upper left")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


RATING_COLUMNS = ["month", "guided_ratings", "guided_average", "conversation_ratings", "conversation_average",
                  "all_ratings", "all_average"]


def ratings_by_month(sessions: Iterable[GuidedSession], ratings: Iterable[Rating]) -> List[Dict[str, object]]:
    """Satisfaction (1–5) per month: after guided sessions, after other conversations, and both."""
    guided: Dict[str, List[int]] = defaultdict(list)
    other: Dict[str, List[int]] = defaultdict(list)
    for session in sessions:
        if session.rating:
            guided[session.started_at.strftime("%Y-%m")].append(session.rating)
    for rating in ratings:
        other[rating.rated_at.strftime("%Y-%m")].append(rating.rating)

    def average(values: List[int]) -> object:
        return round(sum(values) / len(values), 2) if values else ""

    rows = []
    for month in sorted(set(guided) | set(other)):
        both = guided[month] + other[month]
        rows.append({"month": month, "guided_ratings": len(guided[month]), "guided_average": average(guided[month]),
                     "conversation_ratings": len(other[month]), "conversation_average": average(other[month]),
                     "all_ratings": len(both), "all_average": average(both)})
    return rows


def write_report(sessions: List[GuidedSession], directory: Path, labels: Dict[str, str],
                 ratings: Iterable[Rating] = ()) -> List[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    months = by_month(sessions)
    paths = [directory / "sessions_by_month.csv", directory / "sessions_by_procedure.csv",
             directory / "ratings_by_month.csv", directory / "sessions_by_month.png"]
    write_table(months, "month", paths[0])
    write_table(by_procedure(sessions), "procedure_code", paths[1])
    with open(paths[2], "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=RATING_COLUMNS)
        writer.writeheader()
        writer.writerows(ratings_by_month(sessions, ratings))
    write_chart(months, paths[3], labels)
    return paths
