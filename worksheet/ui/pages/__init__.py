"""One widget per worksheet section, in the order of the flow."""

from __future__ import annotations

from worksheet.ui.pages.anchors import AnchorsPage
from worksheet.ui.pages.base import Page
from worksheet.ui.pages.concessions import ConcessionsPage
from worksheet.ui.pages.deal import DealPage
from worksheet.ui.pages.fallbacks import FallbacksPage
from worksheet.ui.pages.listening import ListeningPage
from worksheet.ui.pages.notes import NotesPage
from worksheet.ui.pages.offers import OffersPage
from worksheet.ui.pages.vision import VisionPage

#: The flow, in order.
PAGES: tuple[type[Page], ...] = (
    DealPage,
    VisionPage,
    AnchorsPage,
    ConcessionsPage,
    FallbacksPage,
    ListeningPage,
    OffersPage,
    NotesPage,
)

__all__ = ["PAGES", "Page"]
