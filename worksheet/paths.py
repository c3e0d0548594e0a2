"""Where the app keeps its files: platformdirs folders, with one override for tests."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "deal-worksheet"

_override: Path | None = None


def set_base(path: str | os.PathLike | None) -> None:
    """Point every folder below `path` (tests, portable runs); None restores the real folders."""
    global _override
    _override = None if path is None else Path(path)


def _base() -> Path | None:
    if _override is not None:
        return _override
    env = os.environ.get("DEAL_WORKSHEET_HOME")
    return Path(env) if env else None


def _folder(kind: str) -> Path:
    base = _base()
    if base is not None:
        path = base / kind
    else:
        import platformdirs

        getter = {
            "data": platformdirs.user_data_path,
            "config": platformdirs.user_config_path,
            "log": platformdirs.user_log_path,
            "cache": platformdirs.user_cache_path,
        }[kind]
        path = getter(APP_DIR_NAME, appauthor=False)
    return path


def data_dir() -> Path:
    return _folder("data")


def config_dir() -> Path:
    return _folder("config")


def log_dir() -> Path:
    return _folder("log")


def cache_dir() -> Path:
    """Things that can be rebuilt at any time (parsed fonts); deleting the folder is safe."""
    return _folder("cache")


def documents_dir() -> Path:
    """Where the user keeps their deals by default: the app's folder in their documents."""
    base = _base()
    if base is not None:
        return base / "documents"
    import platformdirs

    return platformdirs.user_documents_path() / "Deal Worksheet"


def library_index_path() -> Path:
    """The deal library's index (rebuilt from the files whenever it is missing or stale)."""
    return cache_dir() / "library-index.json"


def autosave_dir() -> Path:
    """Autosaves live here, never beside the user's own file."""
    return data_dir() / "autosave"


def resources_dir() -> Path:
    """The bundled resources: beside the package in a checkout, inside the bundle when frozen."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def help_dir() -> Path:
    """The user guide, one HTML page per section (read inside the app, offline)."""
    return resources_dir() / "help"


def templates_dir() -> Path:
    """The bundled templates, one per kind of negotiation."""
    return resources_dir() / "templates"


def user_templates_dir() -> Path:
    """Where a user adds templates of their own (`*.dealtemplate`)."""
    return data_dir() / "templates"


def sample_paths() -> list[Path]:
    return sorted(samples_dir().glob("*.deal"))


def default_sample() -> Path:
    """The sample a first start opens."""
    preferred = samples_dir() / "software-renewal.deal"
    if preferred.exists():
        return preferred
    found = sample_paths()
    return found[0] if found else preferred
