"""Word-level diffs: what changed between two texts, word by word."""

from __future__ import annotations

from itertools import pairwise

import pytest

from uppsikt.domain.diff import has_changes, new_text, old_text, tokens, word_diff


def test_equal_texts_are_one_equal_segment() -> None:
    assert word_diff("Malmö stad växer.", "Malmö stad växer.") == [("equal", "Malmö stad växer.")]


def test_a_changed_word_is_deleted_then_inserted() -> None:
    assert word_diff("Kostnaderna ökade kraftigt.", "Kostnaderna minskade kraftigt.") == [
        ("equal", "Kostnaderna "),
        ("delete", "ökade"),
        ("insert", "minskade"),
        ("equal", " kraftigt."),
    ]


def test_added_and_removed_words() -> None:
    assert word_diff("a b", "a x b") == [("equal", "a "), ("insert", "x "), ("equal", "b")]
    assert word_diff("a x b", "a b") == [("equal", "a "), ("delete", "x "), ("equal", "b")]


def test_empty_texts() -> None:
    assert word_diff("", "") == []
    assert word_diff("", "ny text") == [("insert", "ny text")]
    assert word_diff("gammal", "") == [("delete", "gammal")]


def test_punctuation_is_its_own_token() -> None:
    assert tokens("Hej, världen!") == ["Hej", ",", " ", "världen", "!"]
    assert word_diff("slut.", "slut!") == [("equal", "slut"), ("delete", "."), ("insert", "!")]


def test_small_equalities_between_changes_join_them() -> None:
    assert word_diff("a Xxx b Yyy c", "a Ppp b Qqq c") == [
        ("equal", "a "),
        ("delete", "Xxx b Yyy"),
        ("insert", "Ppp b Qqq"),
        ("equal", " c"),
    ]
    assert word_diff("Kostnaderna ökade i år", "Intäkterna minskade i år") == [
        ("delete", "Kostnaderna ökade"),
        ("insert", "Intäkterna minskade"),
        ("equal", " i år"),
    ]


def test_long_equalities_between_changes_stay() -> None:
    segments = word_diff("X är en lång gemensam mening Y", "P är en lång gemensam mening Q")
    assert ("equal", " är en lång gemensam mening ") in segments


def test_has_changes() -> None:
    assert not has_changes(word_diff("a", "a"))
    assert has_changes(word_diff("a", "b"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", ""),
        ("En text\n\n- punkt ett\n- punkt två", "En ny text\n\n- punkt ett\n- punkt 3"),
        ("**fet** och *kursiv*", "fet och kursiv"),
        ("åäö ÅÄÖ 1 234 kr", "åäö 1 235 kr ÅÄÖ"),
        ("  ledande\tblanksteg  ", "ledande blanksteg"),
    ],
)
def test_both_texts_can_be_rebuilt_from_the_diff(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert old_text(segments) == old
    assert new_text(segments) == new
    assert all(text for _op, text in segments)
    assert all(a[0] != b[0] for a, b in pairwise(segments))
