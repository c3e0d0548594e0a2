"""The one atomic writer every output goes through (.deal save, PDF, workbook, autosave).

`write_atomic(path, data)` writes a temp file beside the target (named `.NAME.~dw<pid>-<hex>.tmp`
so we can recognise our own), flushes and fsyncs it, gives it the old file's permission bits
(or the usual ones for a new file), renames it over the target and fsyncs the folder. A failure
at any moment leaves the target as it was: old or new, never half of each. A symbolic link is
written through to the file it names; anything that is neither a regular file nor a new path
(a folder, FIFO, device, socket) is refused with `WriteRefused` before anything is opened.

Temp files a killed save left behind (ours, by name, from a process that no longer runs) are
removed at the next write beside them, or by `remove_stale_temps(folder)` at start.

`FileStamp` records what a file was when it was loaded (size, mtime, SHA-256) so a later save
can notice that someone else changed it in the meantime.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
import stat
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

#: Marks a temp file as ours: `.<target name>.~dw<pid>-<8 hex>.tmp`.
_TEMP_RE = re.compile(r"^\.(?P<name>.*)\.~dw(?P<pid>\d+)-[0-9a-f]{8}\.tmp$", re.DOTALL)
#: The part of the target's name kept in a temp name, so it stays under NAME_MAX (255 bytes).
_NAME_BYTES = 120

#: A temp file untouched this long is abandoned even if its process id is in use again.
_ABANDONED_S = 24 * 3600

_in_flight: set[str] = set()
_in_flight_lock = threading.Lock()

_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)

Writer = Callable[[BinaryIO], None]


class WriteRefused(OSError):
    """The writer would not write there; `str()` is one plain sentence naming the path."""

    def __init__(self, code: int, message: str, path: str | os.PathLike | None = None):
        super().__init__(code, message)
        self.path = None if path is None else str(path)

    def __str__(self) -> str:
        return self.strerror if isinstance(self.strerror, str) else super().__str__()


class FileChangedOnDisk(WriteRefused):
    """The target no longer matches the stamp taken when it was loaded."""


def shown(path: str | os.PathLike) -> str:
    """A path for a one-line message: control characters (a newline in a name) escaped."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or ch in "\u2028\u2029":
            out.append(repr(ch)[1:-1])
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape
            out.append(f"\\x{code - 0xDC00:02x}")
        else:
            out.append(ch)
    return "".join(out)


def real_path(path: str | os.PathLike) -> Path:
    """The absolute path with links followed as far as they go; never raises on a link loop.

    (`Path.resolve()` raises RuntimeError on a loop before Python 3.13.)
    """
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError, RuntimeError):
        return Path(os.path.abspath(path))


# ---------------------------------------------------------------------- what may be written


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def resolve_target(path: str | os.PathLike) -> tuple[Path, os.stat_result | None]:
    """The file a write to `path` lands in (through links) and its stat, None for a new path.

    Raises WriteRefused for a folder, FIFO, device or socket, a symbolic-link loop, or a link
    whose target folder is missing. Nothing is opened, so a FIFO cannot block here.
    """
    given = Path(path)
    try:
        link = given.lstat()
    except FileNotFoundError:
        return given, None
    except OSError as exc:
        raise _refusal_for(exc, given) from None
    if not stat.S_ISLNK(link.st_mode):
        if not stat.S_ISREG(link.st_mode):
            raise WriteRefused(
                errno.EINVAL,
                f"Will not write {shown(given)}: it is {_kind(link.st_mode)}, not a regular file.",
                given,
            )
        return given, link
    # realpath never raises on a loop (it stops and returns a path); stat then says ELOOP.
    real = Path(os.path.realpath(given))
    try:
        st = os.stat(given)
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise WriteRefused(
                errno.ENOENT,
                f"Will not write {shown(given)}: it is a link into a folder that does not exist.",
                given,
            ) from None
        return real, None  # a dangling link: the write creates the file it names
    except OSError as exc:
        raise _refusal_for(exc, given) from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused(
            errno.EINVAL,
            f"Will not write {shown(given)}: it links to {_kind(st.st_mode)}, not a regular file.",
            given,
        )
    return real, st


def _refusal_for(exc: OSError, path: Path) -> WriteRefused:
    if exc.errno == errno.ELOOP:
        return WriteRefused(
            errno.ELOOP, f"Will not write {shown(path)}: its symbolic links form a loop.", path
        )
    if exc.errno == errno.ENOTDIR:
        return WriteRefused(
            errno.ENOTDIR,
            f"Will not write {shown(path)}: part of that path is a file, not a folder.",
            path,
        )
    reason = exc.strerror or str(exc)
    return WriteRefused(exc.errno or errno.EIO, f"Cannot write {shown(path)}: {reason}.", path)


def check_writable_target(path: str | os.PathLike) -> None:
    """Raise WriteRefused if `path` is neither a regular file (or a link to one) nor new."""
    resolve_target(path)


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether two paths name one file: the same inode if both exist, else the same real path.

    Never raises: a link loop or an unreadable folder simply compares by spelling.
    """
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        pass
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_same_paths(
    outputs: Iterable[str | os.PathLike], sources: Iterable[str | os.PathLike] = ()
) -> None:
    """Raise WriteRefused when two outputs are one file, or an output is one of the sources."""
    outs = [Path(o) for o in outputs]
    for src in sources:
        for out in outs:
            if same_file(out, src):
                raise WriteRefused(
                    errno.EINVAL,
                    f"Will not write {shown(out)}: it is the file being read "
                    f"({shown(src)}); choose another name.",
                    out,
                )
    for i, first in enumerate(outs):
        for second in outs[i + 1 :]:
            if same_file(first, second):
                raise WriteRefused(
                    errno.EINVAL,
                    f"Will not write two outputs to one file: {shown(first)} and "
                    f"{shown(second)} are the same path.",
                    second,
                )


# ---------------------------------------------------------------------- stale temp files


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":
        # os.kill(pid, 0) would send CTRL_C_EVENT there: assume alive, let age decide.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process
    return True


def _temp_prefix(target_name: str) -> str:
    raw = target_name.encode("utf-8", "surrogateescape")[:_NAME_BYTES]
    return "." + raw.decode("utf-8", "ignore")


def remove_stale_temps(folder: str | os.PathLike, target_name: str | None = None) -> int:
    """Remove our temp files in `folder` (for `target_name` only, if given) no process owns.

    A temp file names the process that made it; it is stale when that process has ended or is
    this one and no write here is using it. Returns how many were removed; never raises.
    """
    folder = Path(folder)
    removed = 0
    wanted = None if target_name is None else _temp_prefix(target_name)[1:]
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    me = os.getpid()
    for entry in entries:
        match = _TEMP_RE.match(entry.name)
        if match is None or (wanted is not None and match["name"] != wanted):
            continue
        pid = int(match["pid"])
        full = os.path.join(folder, entry.name)
        with _in_flight_lock:
            busy = full in _in_flight
        if busy:
            continue
        if pid != me and _pid_alive(pid):
            try:  # a process that has not touched its temp file for a day has lost it
                if time.time() - entry.stat(follow_symlinks=False).st_mtime < _ABANDONED_S:
                    continue
            except OSError:
                continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(full)
            removed += 1
        except OSError:
            continue
    if removed:
        log.info("removed %d stale temp file(s) in %s", removed, folder)
    return removed


# ---------------------------------------------------------------------- the writer


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
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _make_temp(folder: Path, target_name: str) -> tuple[int, str]:
    prefix = _temp_prefix(target_name)
    pid = os.getpid()
    for _ in range(100):
        name = f"{prefix}.~dw{pid}-{os.urandom(4).hex()}.tmp"
        full = os.path.join(folder, name)
        try:
            fd = os.open(
                full, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600
            )
        except FileExistsError:
            continue
        return fd, full
    raise FileExistsError(errno.EEXIST, "no free temp file name", str(folder))


def write_atomic(
    path: str | os.PathLike,
    data: bytes | Writer,
    *,
    replace_ok: bool = True,
    expect: FileStamp | None = None,
    mode: int | None = None,
) -> Path:
    """Write `data` (bytes, or a function given the open binary file) to `path` atomically.

    - `replace_ok=False` refuses (WriteRefused, EEXIST) when the target already exists.
    - `expect`: the stamp taken at load; if the file on disk no longer matches it,
      FileChangedOnDisk is raised and nothing is written.
    - `mode`: permission bits for a new file (default 0o666 less the umask); an existing
      file always keeps its own.

    Returns the path actually written (the link's target for a symbolic link). Raises
    WriteRefused for a target that is not a regular file, OSError for what the system refused;
    either way the target is untouched and no temp file is left.
    """
    given = Path(path)
    target, st = resolve_target(given)
    if st is not None and not replace_ok:
        raise WriteRefused(
            errno.EEXIST, f"Will not write {shown(given)}: a file with that name exists.", given
        )
    if expect is not None and expect.changed(target):
        raise FileChangedOnDisk(
            errno.EAGAIN,
            f"Will not write {shown(given)}: it was changed on disk since it was opened.",
            given,
        )
    folder = target.parent if str(target.parent) else Path(".")
    if st is not None:
        new_mode = stat.S_IMODE(st.st_mode)
    else:
        new_mode = (0o666 if mode is None else mode) & ~_umask()
    remove_stale_temps(folder, target.name)

    fd, tmp = _make_temp(folder, target.name)
    with _in_flight_lock:
        _in_flight.add(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                data(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, new_mode)
        if replace_ok:
            os.replace(tmp, target)
        else:
            _place_new(tmp, target, given)
        _fsync_folder(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        with _in_flight_lock:
            _in_flight.discard(tmp)
    return target


def _place_new(tmp: str, target: Path, given: Path) -> None:
    """Move the temp file to a path that must not exist yet, without a window to race in."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise WriteRefused(
            errno.EEXIST, f"Will not write {shown(given)}: a file with that name exists.", given
        ) from None
    except OSError:
        # File systems without hard links: check, then rename (a small window, but no worse).
        if os.path.lexists(target):
            raise WriteRefused(
                errno.EEXIST,
                f"Will not write {shown(given)}: a file with that name exists.",
                given,
            ) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


# ---------------------------------------------------------------------- file stamps


@dataclass(frozen=True)
class FileStamp:
    """What a file was when it was read: size, modification time (ns) and SHA-256."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_bytes(cls, raw: bytes, st: os.stat_result) -> FileStamp:
        return cls(st.st_size, st.st_mtime_ns, hashlib.sha256(raw).hexdigest())

    @classmethod
    def of_file(cls, path: str | os.PathLike) -> FileStamp | None:
        """The stamp of the regular file at `path` now, None if missing or not a regular file."""
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                return None
            digest = hashlib.sha256()
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns, digest.hexdigest())

    def changed(self, path: str | os.PathLike) -> bool:
        """Whether the file at `path` is no longer what this stamp recorded.

        Same size and time: unchanged. A new time with the same bytes (a sync tool touching
        the file) is not a change either; the hash settles it.
        """
        try:
            st = os.stat(path)
        except OSError:
            return True  # gone or unreachable: certainly not what we loaded
        if not stat.S_ISREG(st.st_mode) or st.st_size != self.size:
            return True
        if st.st_mtime_ns == self.mtime_ns:
            return False
        now = FileStamp.of_file(path)
        return now is None or now.sha256 != self.sha256
