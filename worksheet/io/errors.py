"""The two ways a `.deal` document can fail: it cannot be loaded, or it cannot be saved."""

from __future__ import annotations

import os


class DealFileError(ValueError):
    """A `.deal` file that cannot be loaded; `where` is a JSON path like `concessions[3].what`."""

    def __init__(self, message: str, where: str = "", file: str | os.PathLike | None = None):
        self.message = message
        self.where = where
        self.file = None if file is None else str(file)
        super().__init__(self.describe())

    def describe(self) -> str:
        from worksheet.io.atomic import shown  # one line, whatever the name or key holds

        text = f"{self.where}: {self.message}" if self.where else self.message
        return shown(f"{self.file}: {text}" if self.file else text)


class DealSaveError(OSError):
    """Saving failed; the original file on disk is untouched. `str()` says why in plain words."""

    def __str__(self) -> str:
        # OSError would prefix "[Errno 28]", which means nothing to the person reading the dialog.
        return self.strerror if isinstance(self.strerror, str) else super().__str__()
