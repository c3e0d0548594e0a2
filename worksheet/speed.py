"""The speed tricks that measurably pay, each in one place with what it buys.

Every trick here was kept because removing it costs at least 5 % of a benchmark row of
`python -m tests.bench` (CPU time, measured by turning it off and running the row again); the
figures are in docs/benchmarks.md ("Speed tricks"). Tricks that did not pay were removed.

- `collector_paused()`: no cyclic garbage collection while a burst of long-lived objects is
  made (Qt start-up, a parsed font). Nothing is garbage then, so each collection is wasted.
- `freeze_survivors()`: once the window is up, or as the process ends, move every object made
  so far out of the collector's sight, so it is not walked again (at exit: not at all).
- `import_deferring_patterns()`: import a module while a few costly regular expressions it
  compiles at import time, and which we never use, are compiled only if something uses them.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import re
import sys
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause cyclic garbage collection inside the block, restoring the state it had."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def pause_collector() -> None:
    """Pause collection until `freeze_survivors(resume=True)` (for a start-up that spans calls)."""
    gc.disable()


def freeze_survivors(*, resume: bool = False) -> None:
    """Keep every object alive now out of later collections; `resume` turns collection on."""
    gc.freeze()
    if resume:
        gc.enable()


class _LazyPattern:
    """A regular expression compiled on first use; until then it is only its source."""

    def __init__(self, compile_now: Callable, pattern: str, flags: int) -> None:
        self._args = (compile_now, pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            compile_now, pattern, flags = self._args
            self._compiled = compile_now(pattern, flags)
        return getattr(self._compiled, name)


def import_deferring_patterns(module: str, deferrable: Callable[[object], bool]) -> None:
    """Import `module`; the patterns `deferrable` picks are compiled on first use instead.

    Only during this import, and only those patterns: the module then behaves as before.
    """
    if module in sys.modules:
        return
    real_compile = re.compile

    def compile_lazily(pattern, flags=0):
        if deferrable(pattern):
            return _LazyPattern(real_compile, pattern, flags)
        return real_compile(pattern, flags)

    re.compile = compile_lazily  # type: ignore[assignment]
    try:
        importlib.import_module(module)
    finally:
        re.compile = real_compile
