"""Loading is bounded and precise: only regular files are opened, odd content is named."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from worksheet.io import DealFileError, load, loads
from worksheet.io.document import load_stamped

SAMPLE = (SAMPLES / "software-renewal.deal").read_text(encoding="utf-8")


def refusal(raw: bytes | str) -> str:
    with pytest.raises(DealFileError) as info:
        loads(raw)
    text = str(info.value)
    assert "\n" not in text
    return text


@pytest.mark.parametrize(
    ("raw", "phrase"),
    [
        (b"\x00" * 4096, "nothing but zero bytes"),
        (b"\x00", "nothing but zero bytes"),
        (b'{"format": "deal-worksheet"\x00\x01\x02}', "binary file, not a deal file (a zero byte"),
        (b"%PDF-1.4\n%\xe2\xe3", "a PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"\x89PNG\r\n\x1a\n", "PNG picture"),
        (SAMPLE.encode("utf-16-le"), "UTF-16"),
        (SAMPLE.encode("utf-16-be"), "UTF-16"),
        (SAMPLE.encode("utf-32"), "UTF-32"),
    ],
    ids=["zeros", "one-zero", "binary", "pdf", "zip", "png", "utf16le", "utf16be", "utf32"],
)
def test_odd_content_is_named_precisely(raw: bytes, phrase: str) -> None:
    assert phrase in refusal(raw)


def test_a_zero_filled_file_is_not_called_utf16() -> None:
    assert "UTF-16" not in refusal(b"\x00" * 100)


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (lambda d: d.replace('"format":', '"format": "x", "format":', 1), "format"),
        (lambda d: d.replace('"version":', '"version": 1, "version":', 1), "version"),
        (lambda d: d.replace('"role":', '"role": "buyer", "role":', 1), "role"),
        (
            lambda d: d.replace('"walk_away":', '"walk_away": "1", "walk_away":', 1),
            "anchors.walk_away",
        ),
    ],
    ids=["format", "version", "role", "walk_away"],
)
def test_duplicate_keys_are_refused_with_their_path(edit, where: str) -> None:
    text = edit(SAMPLE)
    assert text != SAMPLE
    message = refusal(text)
    assert message.startswith(f"{where}: ") and "appears twice" in message


def test_a_duplicate_inside_a_list_names_the_item() -> None:
    data = json.loads(SAMPLE)
    text = json.dumps(data)
    first = json.dumps(data["concessions"][1], ensure_ascii=False)
    doubled = first[:-1] + ', "what": "again"}'
    text = json.dumps(data, ensure_ascii=False).replace(first, doubled, 1)
    assert refusal(text).startswith("concessions[1].what: ")


def test_special_files_are_refused_without_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.deal"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock.deal"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    sock.close()
    loop = tmp_path / "loop.deal"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.deal"
    dangling.symlink_to(tmp_path / "gone.deal")
    cases = {
        fifo: "pipe (FIFO)",
        sock_path: "socket",
        loop: "symbolic links form a loop",
        dangling: "link to a file that does not exist",
        tmp_path: "folder",
    }
    for path, phrase in cases.items():
        with pytest.raises(DealFileError) as info:
            load(path)
        assert phrase in str(info.value), path


def test_the_stamp_is_of_the_bytes_read(tmp_path: Path) -> None:
    path = tmp_path / "s.deal"
    path.write_text(SAMPLE, encoding="utf-8")
    _deal, stamp = load_stamped(path)
    assert stamp.size == len(SAMPLE.encode("utf-8"))
    assert not stamp.changed(path)
    path.write_text(SAMPLE.replace("Renewal", "Renewal!", 1), encoding="utf-8")
    assert stamp.changed(path)
