"""Word-level differences between two texts, for comparing versions and periods.

Texts are split into words, runs of whitespace and punctuation, so that a changed word
shows as that word deleted and its replacement inserted, not as a changed line.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "delete", "insert"]
Segment = tuple[Op, str]

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def tokens(text: str) -> list[str]:
    """The words, whitespace runs and punctuation marks of `text`; joined they give it back."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments that turn `old` into `new`: ("equal", text), ("delete", text) from `old`,
    ("insert", text) from `new`. Adjacent segments of the same kind are merged; a
    replaced run gives its deletion before its insertion.

    An unchanged run between two changes that is blank, or no longer than either change,
    becomes part of them (as in diff-match-patch's semantic cleanup): two unrelated
    sentences then read as one replaced phrase, not as words shuffled around spaces."""
    before, after = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    items: list[list[str]] = []  # ["equal", text] or ["change", deleted, inserted]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            items.append(["equal", "".join(before[i1:i2])])
        else:
            items.append(["change", "".join(before[i1:i2]), "".join(after[j1:j2])])
    items = _absorb_small_equalities(items)
    segments: list[Segment] = []
    for item in items:
        if item[0] == "equal":
            _append(segments, "equal", item[1])
        else:
            _append(segments, "delete", item[1])
            _append(segments, "insert", item[2])
    return segments


def _absorb_small_equalities(items: list[list[str]]) -> list[list[str]]:
    merged = True
    while merged:
        merged = False
        for index in range(1, len(items) - 1):
            previous, item, following = items[index - 1], items[index], items[index + 1]
            if item[0] != "equal" or previous[0] != "change" or following[0] != "change":
                continue
            size = min(
                max(len(previous[1]), len(previous[2])), max(len(following[1]), len(following[2]))
            )
            if item[1].strip() and len(item[1]) > size:
                continue
            items[index - 1 : index + 2] = [
                [
                    "change",
                    previous[1] + item[1] + following[1],
                    previous[2] + item[1] + following[2],
                ]
            ]
            merged = True
            break
    return items


def has_changes(segments: list[Segment]) -> bool:
    """Whether a diff holds anything but equal text."""
    return any(op != "equal" for op, _text in segments)


def old_text(segments: list[Segment]) -> str:
    """The first text, rebuilt from its diff."""
    return "".join(text for op, text in segments if op != "insert")


def new_text(segments: list[Segment]) -> str:
    """The second text, rebuilt from its diff."""
    return "".join(text for op, text in segments if op != "delete")


def _append(segments: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if segments and segments[-1][0] == op:
        segments[-1] = (op, segments[-1][1] + text)
    else:
        segments.append((op, text))
