"""The one atomic writer: what it refuses, what it keeps, what it cleans up."""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path

import pytest

from worksheet.io import atomic
from worksheet.io.atomic import (
    FileChangedOnDisk,
    FileStamp,
    WriteRefused,
    refuse_same_paths,
    remove_stale_temps,
    same_file,
    write_atomic,
)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_and_replaces_leaving_only_the_target(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    assert write_atomic(out, b"one") == out
    write_atomic(out, b"two")
    assert out.read_bytes() == b"two"
    assert listing(tmp_path) == ["a.pdf"]


def test_a_writer_function_gets_the_open_file(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    write_atomic(out, lambda fh: fh.write(b"streamed"))
    assert out.read_bytes() == b"streamed"


def test_a_failing_writer_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "c.deal"
    out.write_bytes(b"old")

    def broken(fh) -> None:
        fh.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomic(out, broken)
    assert out.read_bytes() == b"old"
    assert listing(tmp_path) == ["c.deal"]


def test_permissions_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "d.deal"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_atomic(out, b"new")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "e.deal", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "e.deal").stat().st_mode) == 0o640


def test_writes_through_a_link_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert write_atomic(link, b"new") == real
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_dangling_link_creates_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "later.pdf")
    write_atomic(link, b"new")
    assert link.is_symlink() and (tmp_path / "later.pdf").read_bytes() == b"new"


def _fifo(tmp_path: Path) -> Path:
    p = tmp_path / "pipe"
    os.mkfifo(p)
    return p


def _device(tmp_path: Path) -> Path:
    p = tmp_path / "null-like"
    try:
        os.mknod(p, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs CAP_MKNOD")
    return p


def _socket(tmp_path: Path) -> Path:
    p = tmp_path / "sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p))
    s.close()
    return p


@pytest.mark.parametrize(
    ("make", "word"),
    [
        (_fifo, "pipe"),
        (_device, "device"),
        (_socket, "socket"),
        (lambda t: (t / "dir").mkdir() or t / "dir", "folder"),
    ],
    ids=["fifo", "device", "socket", "folder"],
)
def test_refuses_anything_but_a_regular_file(tmp_path: Path, make, word: str) -> None:
    target = make(tmp_path)
    before = target.lstat()
    with pytest.raises(WriteRefused, match=word) as info:
        write_atomic(target, b"x")
    assert "\n" not in str(info.value)
    after = target.lstat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert not [n for n in listing(tmp_path) if n.endswith(".tmp")]
    # Through a link, too.
    link = tmp_path / "link"
    link.symlink_to(target)
    with pytest.raises(WriteRefused, match=word):
        write_atomic(link, b"x")


def test_a_link_loop_is_refused_in_one_line(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(WriteRefused, match="loop"):
        write_atomic(a, b"x")
    assert not same_file(a, tmp_path / "c")


def test_replace_ok_false_refuses_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "f.pdf"
    write_atomic(out, b"first", replace_ok=False)
    with pytest.raises(WriteRefused, match="exists") as info:
        write_atomic(out, b"second", replace_ok=False)
    assert info.value.errno == errno.EEXIST
    assert out.read_bytes() == b"first"
    assert listing(tmp_path) == ["f.pdf"]


def test_stale_temps_of_ours_go_at_the_next_write(tmp_path: Path) -> None:
    out = tmp_path / "g.deal"
    dead_pid = 2**22 + 12345  # above Linux's pid_max
    stale = tmp_path / f".g.deal.~dw{dead_pid}-0123abcd.tmp"
    stale.write_bytes(b"left by a killed save")
    live = tmp_path / f".g.deal.~dw{os.getppid()}-0123abcd.tmp"  # a running process owns it
    live.write_bytes(b"being written")
    foreign = tmp_path / ".g.deal.abcdefgh.tmp"  # not our naming: never touched
    foreign.write_bytes(b"someone else's")
    other = tmp_path / f".h.deal.~dw{dead_pid}-0123abcd.tmp"  # another target's
    other.write_bytes(b"x")
    write_atomic(out, b"new")
    assert not stale.exists()
    assert live.exists() and foreign.exists() and other.exists()
    # At start, the whole folder is swept.
    assert remove_stale_temps(tmp_path) == 1
    assert not other.exists()


def test_long_names_still_get_a_temp_file(tmp_path: Path) -> None:
    out = tmp_path / ("é" * 120 + ".deal")  # 245 bytes: a temp name must be shortened
    write_atomic(out, b"x")
    write_atomic(out, b"y")
    assert out.read_bytes() == b"y"
    assert listing(tmp_path) == [out.name]


def test_refuse_same_paths(tmp_path: Path) -> None:
    src = tmp_path / "s.deal"
    src.write_bytes(b"{}")
    link = tmp_path / "l.deal"
    link.symlink_to(src)
    with pytest.raises(WriteRefused, match="being read"):
        refuse_same_paths([tmp_path / "s.pdf", link], [src])
    with pytest.raises(WriteRefused, match="two outputs"):
        refuse_same_paths([tmp_path / "x", tmp_path / "." / "x"])
    refuse_same_paths([tmp_path / "x.pdf", tmp_path / "x.xlsx"], [src])
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    refuse_same_paths([loop, tmp_path / "y"], [src])  # a loop neither crashes nor matches


def test_file_stamp_notices_changes_but_not_a_touch(tmp_path: Path) -> None:
    p = tmp_path / "s.deal"
    p.write_bytes(b"original")
    stamp = FileStamp.of_file(p)
    assert stamp is not None and not stamp.changed(p)
    os.utime(p, ns=(1, 1))  # same bytes, new time: not a change
    assert not stamp.changed(p)
    p.write_bytes(b"ORIGINAL")  # same size, new bytes
    assert stamp.changed(p)
    with pytest.raises(FileChangedOnDisk):
        write_atomic(p, b"mine", expect=stamp)
    assert p.read_bytes() == b"ORIGINAL"
    p.unlink()
    assert stamp.changed(p)


def test_messages_escape_newlines_in_names(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines"
    odd.mkdir()
    with pytest.raises(WriteRefused) as info:
        write_atomic(odd, b"x")
    assert "\n" not in str(info.value) and "two\\nlines" in str(info.value)
    assert atomic.shown("a\x1b[31mb") == "a\\x1b[31mb"
