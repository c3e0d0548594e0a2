"""The exporters the app knows, in one place: the command line and the window both look an
exporter up here, by its key, and call it the same way.

Each exporter module is imported only when it is used (reportlab and openpyxl are heavy), and
each writes its file through the one atomic writer, `worksheet.io.atomic.write_atomic`.
Adding an output means one entry below and a module with `export_<key>(deal, path, *,
discreet, **options)`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from worksheet.domain.deal import Deal
from worksheet.i18n import N_


@dataclass(frozen=True)
class Exporter:
    """One kind of output: where it lives, what its files are called, and its options."""

    key: str
    suffix: str
    #: The window's words: the menu/dialog title and the file dialog's filter.
    title: str
    name_filter: str
    module: str
    function: str
    #: Options the exporter takes besides the deal, the path and `discreet` (e.g. paper).
    options: tuple[str, ...] = field(default=())

    def load(self) -> Callable[..., Any]:
        """The export function; ImportError when this build cannot write this kind."""
        return getattr(importlib.import_module(self.module), self.function)

    def run(
        self, deal: Deal, path: str | os.PathLike, *, discreet: bool = False, **options: Any
    ) -> Any:
        """Write `deal` to `path`; returns the exporter's report (notes), or None."""
        writer = self.load()
        given = {k: v for k, v in options.items() if k in self.options}
        return writer(deal, path, discreet=discreet, **given)

    def notes(self, result: Any) -> list[str]:
        return [str(n) for n in (getattr(result, "notes", None) or ())]


EXPORTERS: dict[str, Exporter] = {
    "pdf": Exporter(
        key="pdf",
        suffix=".pdf",
        title=N_("Export PDF Prep Sheet"),
        name_filter=N_("PDF files (*.pdf)"),
        module="worksheet.export.pdf",
        function="export_pdf",
        options=("paper",),
    ),
    "xlsx": Exporter(
        key="xlsx",
        suffix=".xlsx",
        title=N_("Export Excel Workbook"),
        name_filter=N_("Excel workbooks (*.xlsx)"),
        module="worksheet.export.xlsx",
        function="export_xlsx",
    ),
}


def exporter(key: str) -> Exporter:
    """The exporter for `key` ("pdf", "xlsx"); KeyError names the ones there are."""
    try:
        return EXPORTERS[key]
    except KeyError:
        raise KeyError(f"no exporter {key!r}; there are {', '.join(EXPORTERS)}") from None
