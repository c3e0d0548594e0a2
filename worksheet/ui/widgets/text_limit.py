"""Length limits in characters, as Python and the file format count them, not UTF-16 units.

`QLineEdit.setMaxLength` counts UTF-16 code units, so an emoji (two units) uses up two places:
a 12,000-emoji title would be cut to 10,000 by the first keystroke. `limit_characters` gives the
edit room for `limit` characters even if every one is astral, and cuts anything longer to
`limit` characters itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def limit_characters(edit: QLineEdit, limit: int) -> None:
    """Hold `edit` to at most `limit` characters (code points)."""
    # Two UTF-16 units per character at most: Qt's own cut can never bite into `limit` of them.
    edit.setMaxLength(min(2 * limit, 32767 * 1024))

    def enforce(text: str) -> None:
        if len(text) <= limit:
            return
        kept = text[:limit]
        cursor = min(edit.cursorPosition(), utf16_length(kept))
        edit.setText(kept)
        edit.setCursorPosition(cursor)

    edit.textEdited.connect(enforce)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units Qt counts for `text`."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
