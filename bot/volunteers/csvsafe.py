"""CSV cells that a spreadsheet opens as text, never as a formula.

Citizens' questions and complaints are exported for staff, who open them in
Excel or LibreOffice; a cell starting with ``=``, ``+``, ``-`` or ``@`` would
be run as a formula (CSV injection, OWASP). Such cells get a leading
apostrophe, which the spreadsheet hides.

>>> cell('=HYPERLINK("http://x","bấm")')
'\\'=HYPERLINK("http://x","bấm")'
>>> cell("lệ phí bao nhiêu")
'lệ phí bao nhiêu'
"""

from __future__ import annotations

from typing import Any

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
