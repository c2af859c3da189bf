"""Tables for the terminal that read at any width, 80 columns included.

Widths are worked out here rather than left to rich's shrinking (which splits "2025-06-27"
into "2025-0/6-27" when a table is too wide): days, codes and numbers keep their full
width and never wrap; labels ("RUS Russia") are cut with an ellipsis past a cap; the long
text (evidence, titles, quotes) gets the width that is left and is cut with an ellipsis,
one line per cell line. With `wide`, nothing is cut or wrapped: every column takes its full
width and a line is as long as it needs (for `less -S`, a file, or a wide window).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

Row = dict[str, Any]

GAP = 3  # between two columns: padding, a blank divider, padding
LONG_MIN = 16  # the long text's least width; below it a table is too wide for the terminal anyway


@dataclass(frozen=True, slots=True)
class Col:
    """A table column: its header, how to get the cell from a row, and how it behaves in width.

    kind: "fixed" (days, codes, numbers: full width, never wrapped), "label" (names: cut
    past `cap`), "words" (wrapped at spaces, up to `cap`: dates in words), "long" (the rest
    of the width, cut with an ellipsis; wrapped with `wide`).
    """

    header: str
    cell: Callable[[Row], str | Text | None]
    kind: str = "fixed"
    cap: int = 20
    style: str | None = None


def key(name: str) -> Callable[[Row], Any]:
    return lambda row: row.get(name)


def render(rows: Sequence[Row], columns: Sequence[Col], console: Console, *, wide: bool = False,
           caption: str | None = None, sections: Callable[[Row, Row], bool] | None = None) -> None:
    """Print `rows` as a table fitted to the console's width; `sections(row, next_row)` rules groups off."""
    cells = [[_as_text(col.cell(row)) for col in columns] for row in rows]
    widths = _widths(columns, cells, console.width, wide)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold",
                  caption=caption, caption_justify="left", caption_style="dim")
    for col, width in zip(columns, widths, strict=True):
        cut = col.kind in ("long", "label") and not wide
        table.add_column(col.header, width=width, no_wrap=col.kind == "fixed" or cut or wide,
                         overflow="ellipsis" if cut else "fold", style=col.style)
    for i, row_cells in enumerate(cells):
        last = i + 1 == len(rows) or (sections is not None and sections(rows[i], rows[i + 1]))
        table.add_row(*row_cells, end_section=sections is not None and last)
    needed = sum(widths) + GAP * (len(widths) - 1)
    # wider than the terminal (--wide, or too many fixed columns): long lines rather than a split day or code
    width = console.width
    console.width = max(width, needed)
    try:
        console.print(table, soft_wrap=False)  # the caption wraps at the table's width
    finally:
        console.width = width


def _as_text(value: str | Text | None) -> Text:
    """Cell values are data, never markup: a "[red]" in an article stays as written."""
    if isinstance(value, Text):
        return value
    return Text("" if value is None else str(value))


def _widths(columns: Sequence[Col], cells: list[list[Text]], total: int, wide: bool) -> list[int]:
    natural = []
    for j, col in enumerate(columns):
        lines = [line for row in cells for line in row[j].plain.splitlines()] or [""]
        longest = max(len(line) for line in lines)
        if col.kind == "fixed":
            width = longest
        elif col.kind == "words" and not wide:
            width = min(longest, max(col.cap, max(len(w) for line in lines for w in line.split() or [""])))
        elif col.kind == "label":
            width = longest if wide else min(longest, col.cap)
        else:
            width = longest
        natural.append(max(width, len(col.header) if col.kind != "long" else 4, 1))
    long_cols = [j for j, c in enumerate(columns) if c.kind == "long"]
    if long_cols and not wide:  # wide: every column at its full width, lines as long as they need
        room = total - GAP * (len(columns) - 1) - sum(w for j, w in enumerate(natural) if j not in long_cols)
        share = max(LONG_MIN, room // len(long_cols))
        for j in long_cols:
            natural[j] = min(natural[j], share) if natural[j] < share else share
    return natural


def lines(*parts: str | Text | None, dim_from: int = 1) -> Text:
    """A cell of several lines; lines after the first are dim (the article id and outlet under evidence)."""
    text = Text()
    for i, part in enumerate(p for p in parts if p):
        if i:
            text.append("\n")
        text.append(part if isinstance(part, Text) else Text(str(part), style="dim" if i >= dim_from else ""))
    return text
