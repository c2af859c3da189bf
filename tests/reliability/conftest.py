"""Reliability suite: a ledger of the bad inputs tried and of good articles lost.

Every test that feeds communique something broken or hostile records it with
`ledger.tried(...)`; every test that checks what was stored records the good
articles it could not find whole with `ledger.lost(...)`. The session ends
with one line, "reliability: N bad inputs tried, L lost".
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pytest


@dataclass
class Ledger:
    bad_inputs: int = 0
    lost_articles: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def tried(self, kind: str, count: int = 1) -> None:
        self.bad_inputs += count
        self.kinds[kind] = self.kinds.get(kind, 0) + count

    def lost(self, count: int) -> None:
        self.lost_articles += count


_LEDGER = Ledger()


@pytest.fixture(scope="session")
def ledger() -> Ledger:
    return _LEDGER


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    if not _LEDGER.bad_inputs:
        return
    terminalreporter.write_sep("-", "reliability")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(_LEDGER.kinds.items()))
    terminalreporter.write_line(f"({kinds})")
    terminalreporter.write_line(
        f"reliability: {_LEDGER.bad_inputs} bad inputs tried, {_LEDGER.lost_articles} lost", bold=True
    )


def pytest_unconfigure(config) -> None:
    # the very last line of `make reliability`, after pytest's own count of passed tests
    if _LEDGER.bad_inputs and not config.option.collectonly:
        sys.stdout.write(f"{_LEDGER.bad_inputs} bad inputs tried, {_LEDGER.lost_articles} lost\n")
