"""Load and save `.deal` documents (spec §1): read with strict checks, save atomically.

The checks live in `validate`, the writer in `encode`; this module is the public face and
holds the file system work.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import stat
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
    return load_stamped(path)[0]


def load_stamped(path: str | os.PathLike) -> tuple[Deal, FileStamp]:
    """Read a `.deal` file and the stamp of what was read (to notice outside changes later)."""
    p = Path(path)
    raw, st = read_bounded(p)
    try:
        deal = loads(raw)
    except DealFileError as exc:
        exc.file = str(p)
        exc.args = (exc.describe(),)
        raise
    return deal, FileStamp.of_bytes(raw, st)


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_bounded(p: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `p` (at most the size limit), and its stat.

    Looked at with stat before anything is opened, so a FIFO, a device or a folder gets its
    one-line refusal at once instead of a read that never returns; the file is opened
    non-blocking and checked again, in case it was swapped in between.
    """
    try:
        st = os.stat(p)
        _refuse_special(st.st_mode, p)
        if st.st_size > MAX_FILE_BYTES:
            raise DealFileError(
                f"the file is {st.st_size / 1024 / 1024:.1f} MiB; "
                "deal files over 10 MiB are refused",
                file=p,
            )
        fd = os.open(p, _OPEN_FLAGS)
        try:
            st = os.fstat(fd)
            _refuse_special(st.st_mode, p)
            with contextlib.suppress(OSError, AttributeError):
                os.set_blocking(fd, True)
            chunks = []
            left = MAX_FILE_BYTES + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            raw = b"".join(chunks)
        finally:
            os.close(fd)
    except DealFileError:
        raise
    except FileNotFoundError:
        if os.path.islink(p):
            raise DealFileError(
                "no such file: it is a link to a file that does not exist", file=p
            ) from None
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
        if exc.errno == errno.ELOOP:
            raise DealFileError("its symbolic links form a loop", file=p) from None
        if exc.errno == errno.ENAMETOOLONG:
            raise DealFileError("the file name is too long", file=p) from None
        raise DealFileError(f"cannot read the file ({exc.strerror or exc})", file=p) from None
    except ValueError:  # a zero byte in the name
        raise DealFileError("no such file: the name holds a zero byte", file=p) from None
    return raw, st


def _refuse_special(mode: int, p: Path) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "a special file"
    raise DealFileError(f"this is {what}, not a deal file", file=p)


def loads(raw: bytes | str) -> Deal:
    """Parse and validate the text of a `.deal` file."""
    data = parse_json(raw)
    return deal_from_dict(data)


def parse_json(raw: bytes | str) -> Any:
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise DealFileError("deal files over 10 MiB are refused")
        _refuse_binary(raw)
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
        dupes: list[tuple[dict, str]] = []
        data = json.loads(
            text,
            parse_float=_Number,
            parse_int=_Number,
            parse_constant=_Constant,
            object_pairs_hook=lambda pairs: _object(pairs, dupes),
        )
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "the file ends too early; is it truncated?" if truncated else exc.msg
        raise DealFileError(
            f"not valid JSON ({what}) at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise DealFileError("not a deal file: the JSON is nested far too deeply") from None
    if dupes:
        holder, key = dupes[0]
        where = _json_path_of(data, holder)
        place = f"{where}.{key}" if where else key
        raise DealFileError(
            f"the key {json.dumps(key, ensure_ascii=False)} appears twice; "
            "a deal file names each key once",
            place,
        )
    return data


_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (an Excel workbook or another office file)"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"\x7fELF", "a program"),
)


def _refuse_binary(raw: bytes) -> None:
    """Name what a file that is not UTF-8 JSON looks like, precisely, before decoding it."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise DealFileError(f"this is {what}, not a deal file")
    if raw[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        raise DealFileError("the file is UTF-32 text; deal files must be UTF-8")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DealFileError("the file is UTF-16 text; deal files must be UTF-8")
    head = raw[:4096]
    if b"\x00" not in head:
        return
    if not raw.strip(b"\x00"):
        raise DealFileError(
            "the file holds nothing but zero bytes; it was probably lost in a crash or an "
            "interrupted copy"
        )
    even = head[0::2][:256]
    odd = head[1::2][:256]
    # JSON is ASCII at heart: UTF-16 puts a zero in every other byte of it.
    if (odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.5 * len(even)) or (
        even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.5 * len(odd)
    ):
        raise DealFileError("the file is UTF-16 text; deal files must be UTF-8")
    at = raw.index(b"\x00")
    raise DealFileError(f"this is a binary file, not a deal file (a zero byte at offset {at})")


def _object(pairs: list[tuple[str, Any]], dupes: list[tuple[dict, str]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs) and not dupes:  # rare: only then find which key it was
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                dupes.append((result, key))
                break
            seen.add(key)
    return result


def _json_path_of(root: Any, target: dict) -> str:
    """The JSON path (`concessions[3].what` style) of the object `target` inside `root`."""
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, where = stack.pop()
        if node is target:
            return where
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, (dict, list)):
                    stack.append((v, f"{where}.{k}" if where else str(k)))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                if isinstance(v, (dict, list)):
                    stack.append((v, f"{where}[{i}]"))
    return ""


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
