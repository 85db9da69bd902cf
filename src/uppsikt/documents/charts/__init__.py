"""Charts as accessible SVG, drawn with matplotlib (Agg, no display).

Every chart is a `Chart`: the SVG, its alt text (what the chart shows, in a sentence) and
its data as a table (header row and rows of already formatted cells), so a page can show
the data beside the picture and a screen reader gets both. `documents` stays free of
Django: callers pass plain values.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT = "DejaVu Sans"  # bundled with matplotlib: the same glyphs on every machine
INK = "#1b1b1b"
ACCENT = "#1f4e79"  # dark blue: 8.6:1 on white
SECOND = "#8a4b00"  # dark orange: 5.9:1 on white
GRID = "#d0d0d0"


@dataclass(frozen=True)
class Chart:
    svg: str  # an <svg> element with role="img", <title> and <desc>
    alt: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def new_figure(width_in: float, height_in: float) -> Figure:
    """A figure with the house's font and colours (no pyplot state)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), dpi=96)
    figure.patch.set_facecolor("white")
    return figure


_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_XML_HEAD = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)


def to_svg(figure: Figure, *, title: str, alt: str) -> str:
    """The figure as an inline <svg> with role="img", a <title> and a <desc> (its alt text);
    without the XML prolog, with fixed ids (`svg.hashsalt`) so the same data gives the same
    bytes."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "uppsikt", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = _XML_HEAD.sub("", buffer.getvalue(), count=1)
    opening = _SVG_OPEN.search(svg)
    if opening is None:  # pragma: no cover - matplotlib always writes one
        raise ValueError("matplotlib skrev ingen <svg>")
    tag = opening.group(0)
    labelled = tag[:-1].replace("<svg", '<svg role="img" focusable="false"', 1) + ">"
    head = f"<title>{escape(title)}</title><desc>{escape(alt)}</desc>"
    return svg[: opening.start()] + labelled + head + svg[opening.end() :]
