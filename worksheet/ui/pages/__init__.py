"""One widget per worksheet section, in the order of the flow, each imported when first shown."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from worksheet.present.forms import SIDEBAR

if TYPE_CHECKING:
    from worksheet.ui.pages.base import Page

#: The flow, in order: (key, sidebar title from `present.forms.SIDEBAR`, module, class).
#: Modules load on first use, so the window's first paint does not wait for tables,
#: delegates and models it does not show yet.
SECTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("deal", SIDEBAR["deal"], "worksheet.ui.pages.deal", "DealPage"),
    ("vision", SIDEBAR["vision"], "worksheet.ui.pages.vision", "VisionPage"),
    ("anchors", SIDEBAR["anchors"], "worksheet.ui.pages.anchors", "AnchorsPage"),
    ("concessions", SIDEBAR["concessions"], "worksheet.ui.pages.concessions", "ConcessionsPage"),
    ("packages", SIDEBAR["packages"], "worksheet.ui.pages.packages", "PackagesPage"),
    ("fallbacks", SIDEBAR["fallbacks"], "worksheet.ui.pages.fallbacks", "FallbacksPage"),
    ("listening", SIDEBAR["listening"], "worksheet.ui.pages.listening", "ListeningPage"),
    ("offers", SIDEBAR["offers"], "worksheet.ui.pages.offers", "OffersPage"),
    ("signoff", SIDEBAR["signoff"], "worksheet.ui.pages.signoff", "SignOffPage"),
    ("notes", SIDEBAR["notes"], "worksheet.ui.pages.notes", "NotesPage"),
    ("debrief", SIDEBAR["debrief"], "worksheet.ui.pages.debrief", "DebriefPage"),
)

KEYS: tuple[str, ...] = tuple(key for key, *_ in SECTIONS)


def page_class(key: str) -> type[Page]:
    for k, _title, module, name in SECTIONS:
        if k == key:
            return getattr(importlib.import_module(module), name)
    raise KeyError(key)


__all__ = ["KEYS", "SECTIONS", "page_class"]
