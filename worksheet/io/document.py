"""Load and save `.deal` documents (spec §1): read with strict checks, save atomically.

The checks live in `validate`, the writer in `encode`; this module is the public face and
holds the file system work.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from worksheet.domain.deal import Deal
from worksheet.io.atomic import (
    FileChangedOnDisk,
    FileStamp,
    WriteRefused,
    shown,
    write_atomic,
)
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


def save(
    deal: Deal,
    path: str | os.PathLike,
    *,
    expect: FileStamp | None = None,
    replace_ok: bool = True,
) -> FileStamp:
    """Write atomically through `worksheet.io.atomic`; returns the stamp of the written file.

    The text is checked with the loader first, so a deal that could not be opened again (an
    amount with 5 decimals, a text over the limit…) is refused instead of written. An existing
    file's permission bits are kept, a new file gets the usual ones (0o666 less the umask), and a
    symbolic link keeps pointing at the file it names. `expect` (the stamp taken at load) makes
    the save refuse with FileChangedOnDisk if the file changed since. On any failure the
    original file is untouched, no temp file is left, and DealSaveError says why in plain words.
    """
    shown_path = Path(path)
    text = dumps(deal)
    try:
        loads(text)
    except DealFileError as exc:
        raise DealSaveError(
            errno.EINVAL,
            f"Could not save {shown(shown_path)}: the deal could not be opened again ({exc}). "
            "The file on disk was not changed.",
        ) from exc
    data = text.encode("utf-8")
    try:
        target = write_atomic(shown_path, data, expect=expect, replace_ok=replace_ok)
    except FileChangedOnDisk:
        raise
    except WriteRefused as exc:
        raise DealSaveError(exc.errno, _refusal_reason(exc, shown_path)) from exc
    except OSError as exc:
        raise DealSaveError(exc.errno, _save_reason(exc, shown_path)) from exc
    log.info("saved %s (%d bytes)", target, len(data))
    try:
        st = os.stat(target)
    except OSError:
        return FileStamp(len(data), 0, hashlib.sha256(data).hexdigest())
    return FileStamp.of_bytes(data, st)


def _refusal_reason(exc: WriteRefused, target: Path) -> str:
    where = shown(target)
    if exc.errno == errno.EEXIST:
        return f"Could not save {where}: a file with that name exists."
    if exc.errno == errno.ELOOP:
        return f"Could not save {where}: its symbolic links form a loop."
    if "it is a folder" in str(exc):
        return f"Could not save {where}: a folder has that name."
    if exc.errno == errno.EINVAL:
        return (
            f"Could not save {where}: it is a device or another special file, not a "
            "document. Choose another name with Save As."
        )
    return str(exc)


def _save_reason(exc: OSError, target: Path) -> str:
    where = shown(target)
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
