"""File names and the bundled samples, as the window sees them (no Qt)."""

from __future__ import annotations

import re
from pathlib import Path

from worksheet import paths
from worksheet.io.atomic import real_path


def suggested_file_name(title: str) -> str:
    """A safe file name from the deal's title ("Acme / 2027" → "Acme - 2027.deal")."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " - ", title).strip(" .-")
    name = re.sub(r"\s+", " ", name)[:80].strip(" .-")
    return f"{name or 'Untitled'}.deal"


def is_bundled_sample(path: Path) -> bool:
    try:
        return real_path(path).parent == real_path(paths.samples_dir())
    except OSError:
        return False


def sample_title(path: Path) -> str:
    return path.stem.replace("-", " ").replace("_", " ").capitalize()
