"""Kill saves at random moments: `python -m tests.io.kill_driver FOLDER KILLS SEED`.

Runs in its own single-threaded process (so `fork` is safe): each round forks a child that
saves the old and the new deal over one file again and again, SIGKILLs it after a random
pause, then checks what is on disk. Prints one JSON object with the findings.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from worksheet.domain.deal import Concession, Deal
from worksheet.io import dumps, load, save


def deals() -> tuple[Deal, Deal]:
    # Big enough that a save takes a while, so kills land in every part of it.
    items = [Concession(what=f"item {i} " + "x" * 200) for i in range(400)]
    old = Deal(title="old", concessions=items)
    new = Deal(title="new", concessions=items[:300], notes="n" * 15_000)
    return old, new


def leftovers(folder: Path) -> list[str]:
    """Anything beside the deal: a temp file of any naming counts."""
    return sorted(n for n in os.listdir(folder) if n != "deal.deal")


def main() -> int:
    folder, kills, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    old, new = deals()
    expected = {dumps(old): "old", dumps(new): "new"}
    target = folder / "deal.deal"
    save(old, target)
    findings = {"kills": 0, "seen": {"old": 0, "new": 0}, "left_temp": 0, "bad": [], "stray": []}
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:  # the child: save for ever, alternating
            try:
                while True:
                    save(new, target)
                    save(old, target)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        findings["kills"] += 1
        text = target.read_text(encoding="utf-8")
        which = expected.get(text)
        if which is None:
            findings["bad"].append(len(text))
        else:
            findings["seen"][which] += 1
            load(target)  # and it loads
        if leftovers(folder):
            findings["left_temp"] += 1
        # The next save removes what the killed one left behind.
        save(old, target)
        stray = leftovers(folder)
        if stray:
            findings["stray"].append(stray)
    print(json.dumps(findings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
