"""Messages the NLU should not try to understand: no words at all, or far too long."""

from __future__ import annotations

from typing import Optional

#: Longer messages get a clear "please ask more briefly" instead of a guess.
MAX_MESSAGE_CHARS = 2000

NO_TEXT_CONTENT = "no_text_content"
MESSAGE_TOO_LONG = "message_too_long"


def unreadable_reason(text: Optional[str], max_chars: int = MAX_MESSAGE_CHARS) -> Optional[str]:
    """The intent that describes an unreadable message, or None for normal text.

    >>> unreadable_reason("  😀 ?! "), unreadable_reason("khai sinh"), unreadable_reason("x" * 5000)
    ('no_text_content', None, 'message_too_long')
    """
    text = text or ""
    if text.startswith("/"):  # intent payloads from buttons are left to Rasa
        return None
    if not any(ch.isalnum() for ch in text):
        return NO_TEXT_CONTENT
    if len(text) > max_chars:
        return MESSAGE_TOO_LONG
    return None
