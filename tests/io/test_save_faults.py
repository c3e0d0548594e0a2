"""Atomic save under faults: crashes, a full disk, read-only places, permissions (spec §1)."""

from __future__ import annotations

import errno
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from worksheet.domain.deal import Deal
from worksheet.io import DealSaveError, atomic, dumps, load, save

OLD = Deal(title="Old version", notes="keep me")
NEW = Deal(title="New version — ünïcödé 🚀", notes="x" * 1000)


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "deal.deal"
    save(OLD, path)
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert listing(path.parent) == [path.name]  # no temp file left behind


def _raise(exc: BaseException):
    def raiser(*args, **kwargs):
        raise exc

    return raiser


# --------------------------------------------------------------------------- the happy path


def test_save_writes_exactly_dumps_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "new.deal"
    save(NEW, path)
    assert path.read_text(encoding="utf-8") == dumps(NEW)
    assert listing(tmp_path) == ["new.deal"]
    assert load(path) == NEW


def test_save_replaces_an_existing_file(existing: Path) -> None:
    save(NEW, existing)
    assert load(existing) == NEW
    assert listing(existing.parent) == [existing.name]


# --------------------------------------------------------------------------- crashes


@pytest.mark.parametrize("victim", ["replace", "fsync"])
def test_failure_before_the_replace_keeps_the_old_file(
    existing: Path, monkeypatch, victim: str
) -> None:
    before = existing.read_bytes()
    monkeypatch.setattr(os, victim, _raise(OSError(errno.EIO, "Input/output error")))
    with pytest.raises(DealSaveError) as info:
        save(NEW, existing)
    monkeypatch.undo()
    assert_untouched(existing, before)
    assert str(existing) in str(info.value)
    assert "not changed" in str(info.value)
    assert info.value.errno == errno.EIO


def test_interrupt_in_the_middle_keeps_the_old_file(existing: Path, monkeypatch) -> None:
    # Ctrl+C (or any crash that unwinds) between writing and replacing.
    before = existing.read_bytes()
    monkeypatch.setattr(os, "fsync", _raise(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        save(NEW, existing)
    monkeypatch.undo()
    assert_untouched(existing, before)


def test_the_file_is_never_half_written(existing: Path, monkeypatch) -> None:
    # At the moment of the replace, the old file is still whole and the new one is complete.
    seen: list[tuple[bytes, bytes]] = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((Path(dst).read_bytes(), Path(src).read_bytes()))
        real_replace(src, dst)

    before = existing.read_bytes()
    monkeypatch.setattr(os, "replace", spy)
    save(NEW, existing)
    assert seen == [(before, dumps(NEW).encode("utf-8"))]


# --------------------------------------------------------------------------- full disk


class _FullDisk:
    """A file object whose writes fail the way a full disk makes them fail."""

    def __init__(self, fh, code: int) -> None:
        self._fh, self._code = fh, code

    def write(self, data: bytes) -> int:
        raise OSError(self._code, os.strerror(self._code))

    def __getattr__(self, name: str):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._fh.close()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_full_disk_keeps_the_original(existing: Path, monkeypatch, code: int) -> None:
    before = existing.read_bytes()
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k), code))
    with pytest.raises(DealSaveError) as info:
        save(NEW, existing)
    monkeypatch.undo()
    assert_untouched(existing, before)
    assert "the disk is full" in str(info.value)
    assert "not changed" in str(info.value)


def test_full_disk_at_fsync(existing: Path, monkeypatch) -> None:
    # Many file systems only report ENOSPC when the data is flushed.
    before = existing.read_bytes()
    monkeypatch.setattr(os, "fsync", _raise(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(DealSaveError, match="the disk is full"):
        save(NEW, existing)
    monkeypatch.undo()
    assert_untouched(existing, before)


# --------------------------------------------------------------------------- read-only places


@pytest.mark.parametrize(
    "exc",
    [
        PermissionError(errno.EACCES, "Permission denied"),
        OSError(errno.EROFS, "Read-only file system"),
        PermissionError(errno.EPERM, "Operation not permitted"),
    ],
    ids=["EACCES", "EROFS", "EPERM"],
)
def test_read_only_folder(existing: Path, monkeypatch, exc: OSError) -> None:
    # Root ignores chmod 0o555, so the refusal is staged where the temp file is made.
    before = existing.read_bytes()
    monkeypatch.setattr(atomic, "_make_temp", _raise(exc))
    with pytest.raises(DealSaveError) as info:
        save(NEW, existing)
    monkeypatch.undo()
    assert_untouched(existing, before)
    message = str(info.value)
    assert "read-only or you lack permission" in message
    assert str(existing.parent) in message
    assert "Save As" in message


def test_real_read_only_file_system() -> None:
    # sysfs refuses new files even to root: a real, unstaged refusal.
    with pytest.raises(DealSaveError, match="read-only or you lack permission"):
        save(NEW, "/sys/kernel/deal-worksheet-test.deal")
    assert not Path("/sys/kernel/deal-worksheet-test.deal").exists()


def test_real_folder_that_takes_no_files() -> None:
    # /proc exists but cannot hold new files: say that, not "does not exist".
    with pytest.raises(DealSaveError) as info:
        save(NEW, "/proc/deal-worksheet-test.deal")
    message = str(info.value)
    assert "does not exist" not in message
    # root is told the folder takes no new files; anyone else is refused permission first
    assert (
        "new files cannot be made in the folder /proc" in message
        if os.geteuid() == 0
        else "read-only or you lack permission" in message
    )


def test_path_under_a_file(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("hello")
    with pytest.raises(DealSaveError, match="part of that path is a file"):
        save(NEW, plain / "deal.deal")
    assert plain.read_text() == "hello"
    assert listing(tmp_path) == ["notes.txt"]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DealSaveError) as info:
        save(NEW, tmp_path / "no" / "such" / "deal.deal")
    assert f"the folder {tmp_path / 'no' / 'such'} does not exist" in str(info.value)
    assert listing(tmp_path) == []


def test_a_folder_with_the_name(tmp_path: Path) -> None:
    folder = tmp_path / "deal.deal"
    folder.mkdir()
    (folder / "inside.txt").write_text("x")
    with pytest.raises(DealSaveError, match="a folder has that name"):
        save(NEW, folder)
    assert listing(folder) == ["inside.txt"]
    assert listing(tmp_path) == ["deal.deal"]


# --------------------------------------------------------------------------- permissions


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o644, 0o664])
def test_existing_permissions_are_kept(existing: Path, mode: int) -> None:
    existing.chmod(mode)
    save(NEW, existing)
    assert stat.S_IMODE(existing.stat().st_mode) == mode


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_new_file_follows_the_umask(tmp_path: Path, umask: int, expected: int) -> None:
    old = os.umask(umask)
    try:
        save(NEW, tmp_path / "fresh.deal")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "fresh.deal").stat().st_mode) == expected


def test_umask_is_read_without_being_changed(monkeypatch) -> None:
    # Changing the umask to read it would leave other threads a moment with no umask at all.
    old = os.umask(0o027)
    try:
        calls: list[int] = []
        real = os.umask
        monkeypatch.setattr(os, "umask", lambda m: calls.append(m) or real(m))
        assert atomic._umask() == 0o027
        assert calls == []
    finally:
        monkeypatch.undo()
        os.umask(old)


# --------------------------------------------------------------------------- links and bad deals


def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.deal"
    save(OLD, real)
    link = tmp_path / "link.deal"
    link.symlink_to(real)
    save(NEW, link)
    assert link.is_symlink()
    assert load(real) == NEW
    assert listing(tmp_path) == ["link.deal", "real.deal"]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: setattr(d.anchors, "target", Decimal("1.23456")), "anchors.target"),
        (lambda d: setattr(d.anchors, "walk_away", Decimal("-5")), "anchors.walk_away"),
        (lambda d: setattr(d, "title", "x" * 20_001), "title"),
        (lambda d: setattr(d, "role", "broker"), "role"),
        (lambda d: setattr(d.meeting, "date", "2026-02-30"), "meeting.date"),
    ],
)
def test_a_deal_that_could_not_be_opened_again_is_not_written(
    existing: Path, change, where
) -> None:
    before = existing.read_bytes()
    deal = Deal()
    change(deal)
    with pytest.raises(DealSaveError) as info:
        save(deal, existing)
    assert_untouched(existing, before)
    assert where in str(info.value)
    assert "could not be opened again" in str(info.value)


def test_save_error_reads_as_a_sentence(existing: Path, monkeypatch) -> None:
    monkeypatch.setattr(os, "replace", _raise(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(DealSaveError) as info:
        save(NEW, existing)
    text = str(info.value)
    assert not text.startswith("[Errno")
    assert text.startswith("Could not save ")
    assert isinstance(info.value, OSError) and info.value.errno == errno.ENOSPC


def test_a_device_is_never_replaced() -> None:
    # As root, os.replace would swap /dev/null for a regular file: refuse before that.
    before = os.stat("/dev/null")
    with pytest.raises(DealSaveError, match="special file"):
        save(NEW, "/dev/null")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
