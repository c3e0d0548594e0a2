"""Load and save `.deal` documents (spec §1): read with strict checks, save atomically.

The checks live in `validate`, the writer in `encode`; this module is the public face and
holds the file system work.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import stat
from pathlib import Path
from typing import Any

from worksheet.domain.deal import Deal
from worksheet.io.encode import deal_to_dict, dumps
from worksheet.io.errors import DealFileError, DealSaveError
from worksheet.io.validate import (
    FORMAT_NAME,
    KNOWN_KEYS,
    MAX_EXTRA_DEPTH,
    MAX_FILE_BYTES,
    SUFFIX,
    _Constant,
    _Number,
    deal_from_dict,
    parse_datetime,
    parse_money,
)

__all__ = [
    "FORMAT_NAME",
    "KNOWN_KEYS",
    "MAX_EXTRA_DEPTH",
    "MAX_FILE_BYTES",
    "SUFFIX",
    "DealFileError",
    "DealSaveError",
    "deal_from_dict",
    "deal_to_dict",
    "dumps",
    "load",
    "loads",
    "parse_datetime",
    "parse_json",
    "parse_money",
    "save",
]

log = logging.getLogger(__name__)


def load(path: str | os.PathLike) -> Deal:
    """Read a `.deal` file. Raises DealFileError (with the file named) for anything wrong."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DealFileError(
                f"the file is {size / 1024 / 1024:.1f} MiB; deal files over 10 MiB are refused",
                file=p,
            )
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except DealFileError:
        raise
    except FileNotFoundError:
        raise DealFileError("no such file", file=p) from None
    except IsADirectoryError:
        raise DealFileError("this is a folder, not a deal file", file=p) from None
    except NotADirectoryError:
        raise DealFileError(
            "no such file: part of the path is a file, not a folder", file=p
        ) from None
    except PermissionError:
        raise DealFileError("permission denied: the file cannot be read", file=p) from None
    except OSError as exc:
        raise DealFileError(f"cannot read the file ({exc.strerror or exc})", file=p) from None
    try:
        return loads(raw)
    except DealFileError as exc:
        exc.file = str(p)
        exc.args = (exc.describe(),)
        raise


def loads(raw: bytes | str) -> Deal:
    """Parse and validate the text of a `.deal` file."""
    data = parse_json(raw)
    return deal_from_dict(data)


def parse_json(raw: bytes | str) -> Any:
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise DealFileError("deal files over 10 MiB are refused")
        # JSON text starts with an ASCII character, so a zero byte among the first two means
        # UTF-16 (or UTF-32) even without a byte-order mark.
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in raw[:2]:
            raise DealFileError("the file is UTF-16 text; deal files must be UTF-8")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DealFileError(
                f"the file is not UTF-8 text (bad byte at offset {exc.start})"
            ) from None
    else:
        # Characters never outnumber UTF-8 bytes, so the cheap count settles most texts.
        if len(raw) > MAX_FILE_BYTES or (
            4 * len(raw) > MAX_FILE_BYTES
            and len(raw.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES
        ):
            raise DealFileError("deal files over 10 MiB are refused")
        text = raw.removeprefix("\ufeff")
    if not text.strip():
        raise DealFileError("the file is empty" if not text else "the file holds only blank space")

    try:
        # NaN and Infinity are kept as markers, not refused here, so that the refusal can name
        # the place in the file where they sit.
        return json.loads(text, parse_float=_Number, parse_int=_Number, parse_constant=_Constant)
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "the file ends too early; is it truncated?" if truncated else exc.msg
        raise DealFileError(
            f"not valid JSON ({what}) at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise DealFileError("not a deal file: the JSON is nested far too deeply") from None


def save(deal: Deal, path: str | os.PathLike) -> None:
    """Write atomically: a temp file in the same folder, flushed and fsynced, then `os.replace`.

    The text is checked with the loader first, so a deal that could not be opened again (an
    amount with 5 decimals, a text over the limit…) is refused instead of written. An existing
    file's permission bits are kept, a new file gets the usual ones (0o666 less the umask), and a
    symbolic link keeps pointing at the file it names. On any failure the original file is
    untouched, the temp file is removed, and DealSaveError says why in plain words.
    """
    shown = Path(path)
    # Replace the file a link points at, not the link itself.
    target = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    text = dumps(deal)
    try:
        loads(text)
    except DealFileError as exc:
        raise DealSaveError(
            errno.EINVAL,
            f"Could not save {shown}: the deal could not be opened again ({exc}). "
            "The file on disk was not changed.",
        ) from exc
    data = text.encode("utf-8")
    folder = target.parent
    try:
        st_mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise DealSaveError(exc.errno, _save_reason(exc, shown)) from exc
    else:
        if stat.S_ISDIR(st_mode):
            raise DealSaveError(
                errno.EISDIR, _save_reason(IsADirectoryError(errno.EISDIR, ""), shown)
            )
        if not stat.S_ISREG(st_mode):
            # A device or a pipe (say /dev/null) must not be swapped for a regular file.
            raise DealSaveError(
                errno.EINVAL,
                f"Could not save {shown}: it is a device or another special file, not a "
                "document. Choose another name with Save As.",
            )
        mode = stat.S_IMODE(st_mode)

    tmp_name: str | None = None
    try:
        import tempfile  # only when saving: keeps random/shutil off the window's start-up

        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file 0o600; give it what the old file had, or what a new one gets.
        os.chmod(tmp_name, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        raise DealSaveError(exc.errno, _save_reason(exc, shown)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    log.info("saved %s (%d bytes)", target, len(data))


def _umask() -> int:
    """The process umask, read without changing it where the system allows.

    Setting the umask to read it back leaves a moment in which another thread (autosave) would
    create files with no umask at all; Linux shows it in /proc instead.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _save_reason(exc: OSError, target: Path) -> str:
    where = str(target)
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return f"Could not save {where}: the disk is full. The file on disk was not changed."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Could not save {where}: the folder {target.parent} is read-only or you lack "
            "permission to write there. Choose another folder with Save As."
        )
    if exc.errno == errno.ENOENT:
        if target.parent.is_dir():  # e.g. /proc: the folder is there but takes no new files
            return (
                f"Could not save {where}: new files cannot be made in the folder "
                f"{target.parent}. Choose another folder with Save As."
            )
        return f"Could not save {where}: the folder {target.parent} does not exist."
    if exc.errno == errno.EISDIR:
        return f"Could not save {where}: a folder has that name."
    if exc.errno == errno.ENOTDIR:
        return f"Could not save {where}: part of that path is a file, not a folder."
    reason = exc.strerror or str(exc)
    return f"Could not save {where}: {reason}. The file on disk was not changed."
