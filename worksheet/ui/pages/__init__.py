"""One widget per worksheet section, in the order of the flow, each imported when first shown."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from worksheet.ui.pages.base import Page

#: The flow, in order: (key, sidebar title, module, class). Modules load on first use, so the
#: window's first paint does not wait for tables, delegates and models it does not show yet.
SECTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("deal", "Deal", "worksheet.ui.pages.deal", "DealPage"),
    ("vision", "Vision", "worksheet.ui.pages.vision", "VisionPage"),
    ("anchors", "Prices", "worksheet.ui.pages.anchors", "AnchorsPage"),
    ("concessions", "Concessions", "worksheet.ui.pages.concessions", "ConcessionsPage"),
    ("packages", "Packages", "worksheet.ui.pages.packages", "PackagesPage"),
    ("fallbacks", "Fallbacks", "worksheet.ui.pages.fallbacks", "FallbacksPage"),
    ("listening", "Listening", "worksheet.ui.pages.listening", "ListeningPage"),
    ("offers", "Offers", "worksheet.ui.pages.offers", "OffersPage"),
    ("signoff", "Sign-off", "worksheet.ui.pages.signoff", "SignOffPage"),
    ("notes", "Notes", "worksheet.ui.pages.notes", "NotesPage"),
    ("debrief", "Debrief", "worksheet.ui.pages.debrief", "DebriefPage"),
)

KEYS: tuple[str, ...] = tuple(key for key, *_ in SECTIONS)


def page_class(key: str) -> type[Page]:
    for k, _title, module, name in SECTIONS:
        if k == key:
            return getattr(importlib.import_module(module), name)
    raise KeyError(key)


__all__ = ["KEYS", "SECTIONS", "page_class"]
