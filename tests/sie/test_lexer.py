"""The line lexer (sie.md §3, §12.2–12.5) and the equivalence of its fast paths."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from uppsikt.sie.lexer import TRANS_FAST, VER_FAST, covered_bytes, tokenize


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (b"#KONTO 1930 Bank", [b"#KONTO", b"1930", b"Bank"]),
        (b'#KONTO 1930 "Bank och kassa"', [b"#KONTO", b"1930", b"Bank och kassa"]),
        # tabs, padding, trailing spaces
        (b"#FLAGGA\t\t0", [b"#FLAGGA", b"0"]),
        (b"#RAR 0  20110101   20111231  ", [b"#RAR", b"0", b"20110101", b"20111231"]),
        (b"#GEN 20230822 ", [b"#GEN", b"20230822"]),
        (b"   #TRANS 1930 {} 5", [b"#TRANS", b"1930", (), b"5"]),
        # optional quotes anywhere, "" as a positional placeholder
        (b'#FORMAT "PC8"', [b"#FORMAT", b"PC8"]),
        (b'#ADRESS "" "Box 1" "" ""', [b"#ADRESS", b"", b"Box 1", b"", b""]),
        # \" escapes; a backslash not followed by " is literal
        (b'#PROSA "\\"Norstedts Revision\\""', [b"#PROSA", b'"Norstedts Revision"']),
        (b'#FNR "C:\\ProgramData\\SPCS\\x"', [b"#FNR", b"C:\\ProgramData\\SPCS\\x"]),
        (b'#PROSA "a\\\\"b"', [b"#PROSA", b'a\\"b']),
        (
            b"#TRANS 1229 {} -133 20090731 1820\\A012",
            [b"#TRANS", b"1229", (), b"-133", b"20090731", b"1820\\A012"],
        ),
        # a voucher series that is itself "#"
        (b"#VER # 1 20090731 x", [b"#VER", b"#", b"1", b"20090731", b"x"]),
        # object lists in all spellings
        (b"#TRANS 1 {} 5", [b"#TRANS", b"1", (), b"5"]),
        (b"#TRANS 1 { } 5", [b"#TRANS", b"1", (), b"5"]),
        (b'#TRANS 1 {1 "456" 7 "47"} 5', [b"#TRANS", b"1", (b"1", b"456", b"7", b"47"), b"5"]),
        (b'#TRANS 1 {"1" "456" "7" "47"} 5', [b"#TRANS", b"1", (b"1", b"456", b"7", b"47"), b"5"]),
        (b"#TRANS 1 {1 Nord 6 0001} 5", [b"#TRANS", b"1", (b"1", b"Nord", b"6", b"0001"), b"5"]),
        (b'#TRANS 1 {1  "ADM"     } 5', [b"#TRANS", b"1", (b"1", b"ADM"), b"5"]),
        (b'#TRANS 1 {"6"\t"SM-\x8eLJ"} 5', [b"#TRANS", b"1", (b"6", b"SM-\x8eLJ"), b"5"]),
        (b'#TRANS 1 {1 "A B" 2 "x}y"} 5', [b"#TRANS", b"1", (b"1", b"A B", b"2", b"x}y"), b"5"]),
        (b"#TRANS 1 {1 Nord}5", [b"#TRANS", b"1", (b"1", b"Nord"), b"5"]),
        # braces inside a quoted text are text
        (b'#VER A 1 20250101 "{x}"', [b"#VER", b"A", b"1", b"20250101", b"{x}"]),
    ],
)
def test_fields(line: bytes, fields: list[object]) -> None:
    lexed = tokenize(line + b"\r\n")
    assert lexed.fields == fields
    assert lexed.problem is None


def test_unterminated_quote_runs_to_the_line_end() -> None:
    lexed = tokenize(b'#FNAMN "Kommunen AB\r\n')
    assert lexed.fields == [b"#FNAMN", b"Kommunen AB"]
    assert lexed.problem is not None


def test_text_ending_in_a_backslash_is_recovered() -> None:
    # "C:\Data\" cannot be written unambiguously; the last \" before the line end closes it.
    lexed = tokenize(b'#FNR "C:\\Data dir\\" 5\n')
    assert lexed.fields == [b"#FNR", b"C:\\Data dir\\", b"5"]
    assert lexed.problem is not None


def test_unterminated_object_list() -> None:
    lexed = tokenize(b"#TRANS 1930 {1 Nord 5\n")
    assert lexed.fields == [b"#TRANS", b"1930", (b"1", b"Nord", b"5")]
    assert lexed.problem is not None


def test_covered_bytes_leave_out_quotes_braces_and_whitespace() -> None:
    fields = tokenize(b'#TRANS\t1930 {1 "A B"}  -5.00 20250101 "\\"x\\"" \r\n').fields
    assert covered_bytes(fields) == b'#TRANS19301A B-5.0020250101"x"'


# ---- the fast paths must agree with tokenize() whenever they match --------------------------

_word = st.sampled_from([b"", b"A", b"1", b"0001", b"KS01", b"x y", b'a"b', b"\\", b"{", b"}"])
_space = st.sampled_from([b" ", b"\t", b"  ", b" \t "])
_amount = st.sampled_from([b"0", b"-5", b"12.5", b"-1234.56", b"1.234", b"9" * 16, b"+5", b"1,5"])
_date = st.sampled_from([b"", b"20250101", b"2025010", b'"20250101"', b"20251340"])


def _quote(w: bytes) -> bytes:
    return b'"' + w.replace(b'"', b'\\"') + b'"'


@st.composite
def trans_lines(draw: st.DrawFn) -> bytes:
    objects = draw(st.lists(_word, max_size=4))
    inner = b" ".join(draw(st.sampled_from([w, _quote(w)])) for w in objects)
    parts = [b"#TRANS", draw(st.sampled_from([b"1930", b"19a", b""])), b"{" + inner + b"}"]
    parts.append(draw(_amount))
    tail = draw(st.lists(st.one_of(_date, _word.map(_quote), _word, _amount), max_size=4))
    sep = draw(_space)
    line = draw(st.sampled_from([b"", b"\t", b"  "])) + sep.join(parts + tail)
    return line + draw(st.sampled_from([b"\r\n", b"\n", b"", b" \r\n"]))


@settings(max_examples=300, deadline=None)
@given(trans_lines())
@example(b'#TRANS 1930 {1 "x}y"} 5\r\n')
@example(b'#TRANS 1930 {1 "a b" 2 c} -5.00 20250101 "text" 1.5\n')
def test_trans_fast_path_matches_tokenize(line: bytes) -> None:
    m = TRANS_FAST.match(line)
    if m is None:
        return
    acct, objs, amount, date, qtext, btext, qty = m.groups(b"")
    if objs.count(b'"') % 2:
        return  # the reader sends these to tokenize()
    fields = tokenize(line.strip()).fields
    expected: list[object] = [b"#TRANS", acct, tokenize(b"{" + objs + b"}").fields[0], amount]
    if m.group(4) is not None:
        expected.append(date)
    if m.group(5) is not None or m.group(6) is not None:
        expected.append(qtext or btext)
    if m.group(7) is not None:
        expected.append(qty)
    assert fields == expected
    assert tokenize(line.strip()).problem is None


@st.composite
def ver_lines(draw: st.DrawFn) -> bytes:
    values = [draw(st.one_of(_word, _word.map(_quote))) for _ in range(2)]
    values.append(draw(_date))
    values += draw(st.lists(st.one_of(_date, _word.map(_quote), _word), max_size=3))
    return draw(_space).join([b"#VER", *values]) + draw(st.sampled_from([b"\r\n", b"\n"]))


@settings(max_examples=300, deadline=None)
@given(ver_lines())
@example(b'#VER "" "" 20250101 "Porto"\n')
def test_ver_fast_path_matches_tokenize(line: bytes) -> None:
    m = VER_FAST.match(line)
    if m is None:
        return
    sq, sb, nq, nb, date, tq, tb, reg = m.groups(b"")
    expected: list[object] = [b"#VER", sq or sb, nq or nb, date]
    if m.group(6) is not None or m.group(7) is not None:
        expected.append(tq or tb)
    if m.group(8) is not None:
        expected.append(reg)
    assert tokenize(line.strip()).fields == expected
