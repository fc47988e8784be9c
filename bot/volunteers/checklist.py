"""Printable checklist pages: one self-contained HTML page per procedure.

Youth volunteers at a one-stop centre (Đề án 5299) print the page and tick
the papers off with the citizen, who then files online on their own phone.
Every label comes from the ``checklist`` section of ``knowledge/vocabulary.yml``;
every value is HTML-escaped by jinja2 (only the fixed CSS and segno's SVG
are marked ``safe``); the QR code only ever encodes an official link.

>>> checklist_path("dang-ky-khai-sinh")
'checklists/dang-ky-khai-sinh.html'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path, PurePosixPath
from typing import Any, Dict, Iterable, List, Mapping, Optional

from jinja2 import Environment, StrictUndefined, Template

from bot.knowledge.answers import AnswerFormatter, format_date
from bot.knowledge.contact import opening_hours_text
from bot.knowledge.model import Procedure, ProvinceProfile, is_official_url

#: Folder of the pages under the web root: ``<web base>/checklists/<id>.html``.
CHECKLIST_DIR = "checklists"
INDEX_NAME = "index.html"
#: Same rule as ``Procedure.id``: a safe file name, never a path.
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def checklist_path(procedure_id: str) -> str:
    """Relative URL path of a procedure's checklist page, for a chat link.

    >>> checklist_path("cap-the-can-cuoc")
    'checklists/cap-the-can-cuoc.html'
    >>> checklist_path("../etc/passwd")
    Traceback (most recent call last):
    ...
    ValueError: not a procedure id: '../etc/passwd'
    """
    if not _ID_RE.match(procedure_id or ""):
        raise ValueError(f"not a procedure id: {procedure_id!r}")
    return f"{CHECKLIST_DIR}/{procedure_id}.html"


def qr_svg(url: str, title: str = "") -> str:
    """An inline ``<svg>`` QR code of ``url`` (error level M, black on white, quiet zone kept)."""
    import segno

    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=4, border=4, dark="#000", light="#fff",
                           svgclass="qr", lineclass=None, title=title or None)


_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; font-size: 12pt; line-height: 1.45;
       color: #111; background: #fff; max-width: 190mm; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.55rem; margin: .15rem 0 .3rem; }
h2 { font-size: 1.1rem; margin: 1.1rem 0 .4rem; padding-bottom: .15rem; border-bottom: 1.5px solid #000; }
.kicker { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; margin: 0; }
.meta { margin: 0; }
nav { display: flex; gap: 1rem; align-items: center; margin-bottom: 1rem; }
nav button { font: inherit; padding: .3rem .9rem; cursor: pointer; }
.notice, .safety { border: 2px solid #000; padding: .5rem .8rem; margin: .8rem 0; }
.safety { border-style: dashed; font-weight: 600; }
.safety p, .notice p { margin: .2rem 0; }
ul.check { list-style: none; padding-left: 0; margin: .3rem 0; }
ul.check li { display: flex; gap: .55rem; margin: .35rem 0; }
.box { font-size: 1.3em; line-height: 1; flex: none; }
.detail { font-size: .92em; }
dl { margin: .3rem 0; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.centre { margin: .5rem 0; }
figure.qr { float: right; width: 42mm; margin: 0 0 .6rem 1rem; text-align: center; }
figure.qr svg { width: 38mm; height: 38mm; display: block; margin: 0 auto; }
figure.qr figcaption { font-size: .8rem; }
.url { font-family: "DejaVu Sans Mono", Consolas, monospace; word-break: break-all; }
.clear { clear: both; }
.lines div { border-bottom: 1px solid #000; height: 9mm; }
footer { margin-top: 1rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid #999; padding: .3rem .4rem; vertical-align: top; }
@page { size: A4; margin: 12mm; }
@media print {
  * { color: #000 !important; background: #fff !important; box-shadow: none !important; }
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  nav, button, .no-print { display: none !important; }
  a { text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  li, .notice, .safety, figure.qr, .centre, tr { break-inside: avoid; page-break-inside: avoid; }
}
"""

_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ p.name }} – {{ t.kicker }}</title>
<style>{{ css|safe }}</style>
</head>
<body>
<nav class="no-print"><a href="{{ index }}">{{ t.back }}</a><button type="button" onclick="window.print()">{{ t.print }}</button></nav>
<header>
<p class="kicker">{{ t.kicker }}</p>
<h1>{{ p.name }}</h1>
<p class="meta">{{ t.field }}: {{ p.field }} · {{ province }}</p>
</header>
{% if to_confirm %}
<div class="notice" role="note">
<p><strong>{{ t.to_confirm }}</strong></p>
<ul>{% for item in to_confirm %}<li>{{ item }}</li>{% endfor %}</ul>
</div>
{% endif %}
<div class="safety" role="note">
<p>{{ t.self_service }}</p>
<p>{{ t.secrets }}</p>
</div>
<section>
<h2>{{ t.documents }}</h2>
<p class="detail">{{ t.documents_hint }}</p>
<ul class="check">
{% for d in documents %}
<li><span class="box" aria-hidden="true">☐</span><span>{{ d.name }}{% if d.details %} <span class="detail">({{ d.details }})</span>{% endif %}{% if d.condition %} – <span class="detail">{{ d.condition }}</span>{% endif %}</span></li>
{% endfor %}
</ul>
{% if not_required %}
<p><strong>{{ t.not_required }}:</strong> {{ not_required|join("; ") }}</p>
{% endif %}
</section>
<section>
<h2>{{ t.fees }} <span class="detail">({{ t.fees_on }} {{ today }})</span></h2>
<ul>{% for fee in fees %}<li>{{ fee }}</li>{% endfor %}</ul>
<dl>
<dt>{{ t.processing_time }}</dt><dd>{{ p.processing_time }}</dd>
<dt>{{ t.result }}</dt><dd>{{ p.result }}</dd>
</dl>
</section>
<section>
<h2>{{ t.where }}</h2>
<dl>
<dt>{{ t.authority }}</dt><dd>{{ p.authority.name }}</dd>
<dt>{{ t.where_to_submit }}</dt><dd>{{ p.where_to_submit }}</dd>
{% if hotline %}<dt>{{ t.hotline }}</dt><dd>{{ hotline }}</dd>{% endif %}
</dl>
{% for c in centres %}
<div class="centre">
<p><strong>{{ c.name }}</strong></p>
{% if c.address or c.phone or c.hours %}
<dl>
{% if c.address %}<dt>{{ t.address }}</dt><dd>{{ c.address }}</dd>{% endif %}
{% if c.phone %}<dt>{{ t.phone }}</dt><dd>{{ c.phone }}</dd>{% endif %}
{% if c.hours %}<dt>{{ t.opening_hours }}</dt><dd>{{ c.hours }}</dd>{% endif %}
</dl>
{% endif %}
</div>
{% endfor %}
{% if province_to_confirm %}
<p class="detail">{{ t.province_to_confirm }} {{ province_to_confirm|join("; ") }}</p>
{% endif %}
</section>
<section>
<h2>{{ t.online }}</h2>
{% if qr %}
<figure class="qr">{{ qr|safe }}<figcaption>{{ t.qr_caption }}: <span class="url">{{ online_url }}</span></figcaption></figure>
{% endif %}
<p>{{ online_level }}</p>
{% if channels %}<p><strong>{{ t.channels }}:</strong> {{ channels|join(", ") }}</p>{% endif %}
<p>{{ search_hint }}</p>
<p><strong>{{ t.online_steps }}</strong></p>
<ul class="check">
{% for step in p.online_steps %}
<li><span class="box" aria-hidden="true">☐</span><span>{{ loop.index }}. {{ step }}</span></li>
{% endfor %}
</ul>
<div class="clear"></div>
</section>
<section>
<h2>{{ t.legal_basis }}</h2>
<ul>{% for item in p.legal_basis %}<li>{{ item }}</li>{% endfor %}</ul>
</section>
<section>
<h2>{{ t.notes }}</h2>
<div class="lines"><div></div><div></div><div></div></div>
</section>
<footer>
<p>{{ t.reviewed }}: <strong>{{ reviewed }}</strong>{% if source_url %} · {{ t.source }}: <span class="url">{{ source_url }}</span>{% endif %}</p>
</footer>
</body>
</html>
"""

_INDEX = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ t.index_title }}</title>
<style>{{ css|safe }}</style>
</head>
<body>
<nav class="no-print"><button type="button" onclick="window.print()">{{ t.print }}</button></nav>
<header>
<p class="kicker">{{ province }}</p>
<h1>{{ t.index_title }}</h1>
<p>{{ t.index_intro }}</p>
<p class="meta">{{ rows|length }} {{ t.count }}</p>
</header>
<table>
<thead><tr><th>{{ t.procedure }}</th><th>{{ t.field }}</th><th>{{ t.reviewed }}</th></tr></thead>
<tbody>
{% for r in rows %}
<tr><td><a href="{{ r.href }}">{{ r.name }}</a></td><td>{{ r.field }}</td><td>{{ r.reviewed }}</td></tr>
{% endfor %}
</tbody>
</table>
</body>
</html>
"""


@functools.lru_cache(maxsize=None)
def _template(source: str) -> Template:
    environment = Environment(autoescape=True, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return environment.from_string(source)


def _file_name(procedure_id: str) -> str:
    return PurePosixPath(checklist_path(procedure_id)).name


class ChecklistRenderer:
    """Pages for one province, labelled from the vocabulary (``knowledge/vocabulary.yml``)."""

    def __init__(self, vocabulary: Mapping[str, Any], profile: ProvinceProfile) -> None:
        self._v = vocabulary
        self._labels: Mapping[str, str] = vocabulary["checklist"]
        self._profile = profile
        self._answers = AnswerFormatter(vocabulary)

    def is_official(self, url: str) -> bool:
        return is_official_url(url, tuple(self._profile.official_domains))

    def _documents(self, procedure: Procedure) -> List[Dict[str, str]]:
        return [{"name": document.name, "details": self._answers.document_details(document),
                 "condition": document.condition or ""} for document in procedure.documents]

    def _centres(self) -> List[Dict[str, str]]:
        weekdays = self._v["weekdays"]
        return [
            {"name": centre.name, "address": centre.address or "", "phone": centre.phone or "",
             "hours": opening_hours_text(centre.opening_hours, weekdays)}
            for centre in self._profile.one_stop_centres
        ]

    def page(self, procedure: Procedure, today: Optional[dt.date] = None) -> str:
        """The checklist page of ``procedure``; fees are those that apply on ``today``."""
        today = today or dt.date.today()
        url = procedure.online.url
        official = self.is_official(url)
        term = procedure.online.search_term or procedure.name
        return _template(_PAGE).render(
            css=_CSS,
            t=self._labels,
            p=procedure,
            index=INDEX_NAME,
            province=self._profile.name,
            to_confirm=list(procedure.to_confirm),
            documents=self._documents(procedure),
            not_required=list(procedure.not_required),
            fees=[line.removeprefix("- ") for line in self._answers.fee_lines(procedure, today)],
            today=format_date(today),
            hotline=self._profile.hotline or "",
            centres=self._centres(),
            province_to_confirm=list(self._profile.to_confirm),
            qr=qr_svg(url, self._labels["qr_title"]) if official else "",
            online_url=url if official else "",
            online_level=self._v["online_levels"][procedure.online.level],
            channels=list(procedure.online.channels),
            search_hint=f"{self._v['search_term']}: \u201c{term}\u201d",
            reviewed=format_date(procedure.reviewed),
            source_url=procedure.source_url if self.is_official(procedure.source_url) else "",
        )

    def index(self, procedures: Iterable[Procedure]) -> str:
        rows = [
            {"href": _file_name(p.id), "name": p.name, "field": p.field, "reviewed": format_date(p.reviewed)}
            for p in sorted(procedures, key=lambda p: p.id)
        ]
        return _template(_INDEX).render(css=_CSS, t=self._labels, province=self._profile.name, rows=rows)


def write_checklists(
    procedures: Iterable[Procedure],
    profile: ProvinceProfile,
    vocabulary: Mapping[str, Any],
    out_dir: Path,
    today: Optional[dt.date] = None,
) -> List[Path]:
    """Write ``<out_dir>/<id>.html`` per procedure and ``<out_dir>/index.html``; return the pages written."""
    renderer = ChecklistRenderer(vocabulary, profile)
    procedures = list(procedures)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for procedure in procedures:
        path = out_dir / _file_name(procedure.id)
        path.write_text(renderer.page(procedure, today), encoding="utf-8")
        written.append(path)
    (out_dir / INDEX_NAME).write_text(renderer.index(procedures), encoding="utf-8")
    return written
