"""Streaming SIE 4 reader (types 1–4, 4E and 4I).

``SieFile(source).items()`` reads line by line from a binary stream and yields each Balance and
Voucher as it is completed; memory does not grow with the number of vouchers (per-account sums,
interned account and object strings, bounded caches and a capped issue list).

How #RTRANS mirrors are counted: 4B writes a #RTRANS followed by an identical #TRANS for old
readers. The reader keeps the #RTRANS and skips the mirror when the next record is a #TRANS with
the same account, objects and amount (real files give the mirror the voucher date, so dates and
texts are not compared). ``Summary.label_counts`` counts raw lines, as the oracle does, so its
"TRANS" includes the mirrors; ``Summary.transactions`` and ``Voucher.transactions`` count every
line once (trans, rtrans and btrans, mirrors excluded).

Most work of a large file is #TRANS lines; those go through a precompiled regular expression on
bytes (``lexer.TRANS_FAST``) and decode nothing unless items are kept. Everything else goes
through the general lexer and the record handlers. When only the summary is wanted and the C
accelerator is built, the common voucher lines are read in C instead (``speedups``), which
hands every other line back to this loop.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from decimal import Decimal
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO

from uppsikt.sie import speedups, vouchers
from uppsikt.sie.core import LINE_LIMIT, Item, OpenVoucher, ReaderState
from uppsikt.sie.encoding import BOM
from uppsikt.sie.errors import SieError
from uppsikt.sie.lexer import TRANS_FAST, VER_FAST, covered_bytes, tokenize
from uppsikt.sie.model import ZERO, Header, Objects, Summary, new_transaction
from uppsikt.sie.records import BALANCE_LABELS, KNOWN_LABELS
from uppsikt.sie.source import Source, open_source, peek, reject_junk
from uppsikt.sie.speedups import BLOCK, IDLE, OPEN

if TYPE_CHECKING:
    from uppsikt.sie._scan import Lines

__all__ = ["LINE_LIMIT", "SieFile", "open_sie", "read_all"]

_NO_OBJECTS: tuple[Objects, bytes] = ((), b"")
_TRANS_KINDS = {"TRANS": "trans", "RTRANS": "rtrans", "BTRANS": "btrans"}


class SieFile:
    """A SIE file being read. Use as a context manager; iterate ``items()`` once.

    The header is read up to the first balance or voucher record when the file is opened;
    records that come later in the file (real files put #KONTO after balances) are added while
    the items are read."""

    def __init__(
        self, source: Source, *, encoding: str | None = None, name: str | None = None
    ) -> None:
        stream, self._owned, default_name = open_source(source)
        self._stream: BinaryIO = stream
        self.name = name or default_name
        self._started = False
        try:
            self._stream, prefix, complete = peek(stream)
            reject_junk(prefix, complete)
            self._state = ReaderState(prefix, complete, encoding, self.name)
            self._run = _loop(self._state, self._stream)
            next(self._run, None)  # read the header; stops before the first item
        except BaseException:
            self.close()
            raise

    @property
    def header(self) -> Header:
        return self._state.header

    @property
    def summary(self) -> Summary:
        """What was found so far; complete after ``items()`` (or ``scan()``) is exhausted."""
        return self._state.summary

    def items(self) -> Iterator[Item]:
        """Yield balances and vouchers in file order. Can be called once."""
        self._start(keep=True)
        for item in self._run:
            if item is not None:
                yield item

    def scan(self) -> Summary:
        """Read to the end without keeping anything and return the summary."""
        self._start(keep=False)
        for _ in self._run:
            pass
        return self.summary

    def _start(self, *, keep: bool) -> None:
        if self._started:
            raise RuntimeError("Filen har redan lästs; öppna den på nytt för att läsa igen.")
        self._started = True
        self._state.keep = keep

    def close(self) -> None:
        """Close the stream if this object opened it."""
        if self._owned:
            self._stream.close()

    def __enter__(self) -> SieFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_sie(source: Source, *, encoding: str | None = None) -> SieFile:
    """Open a SIE file (path, bytes or binary stream) for streaming."""
    return SieFile(source, encoding=encoding)


def read_all(source: Source, *, encoding: str | None = None) -> tuple[Header, list[Item], Summary]:
    """Read a whole (small) file into memory: header, items and summary."""
    with SieFile(source, encoding=encoding) as f:
        items = list(f.items())
        return f.header, items, f.summary


def _loop(st: ReaderState, stream: BinaryIO) -> Iterator[Item | None]:
    """The reading loop. Yields None once, before the first item record (so the caller can
    use the header), then the items if ``st.keep``.

    Voucher state and counters live in local variables: attribute access on every one of
    millions of #TRANS lines would cost more than the rest of the fast path."""
    counts = st.counts
    trans_fast = TRANS_FAST.match
    ver_fast = VER_FAST.match
    crc32 = zlib.crc32
    objcache = st.objcache
    good_dates = st.good_dates
    seen_accounts = st.seen_accounts
    account_names = st.account_names
    dec = Decimal
    new_t = new_transaction
    lines = speedups.line_source(stream, LINE_LIMIT + 1)
    scanner: Lines | None = None  # the C accelerator, once reading for a summary

    keep = paused = crc_on = ksumma_done = False
    base, quick = st.base, st.quick
    lineno = n_fast = n_plain = n_tx = n_crlf = n_lf = 0
    ver: OpenVoucher | None = None  # the open #VER
    in_block = False  # between its { and }
    fast_ok = False  # in a usable block, no #RTRANS awaiting its mirror, no closed #KSUMMA
    vtrans: list[object] = []
    vsum = 0  # voucher sum in öre; amounts with more decimals go to vrest
    vrest = ZERO
    pending: tuple[tuple[str, Objects, Decimal] | None, int] | None = None  # #RTRANS key, line
    try:
        for raw in lines:
            lineno += 1
            if scanner is not None and pending is None and not ksumma_done:
                # Let the C code read this and the following common lines (speedups.py).
                phase = BLOCK if fast_ok else IDLE if ver is None else OPEN if not in_block else 0
                if phase and not (phase == OPEN and ver is not None and ver.skip):
                    r = scanner.run(phase, lineno, vsum, crc_on, st.crc, not vrest)
                    if r is not None:
                        line, lineno, phase, vsum, st.crc, opened, n_ver = r
                        if n_ver:
                            counts["VER"] = counts.get("VER", 0) + n_ver
                        if opened is not None:
                            ver = speedups.resume_voucher(st, opened)
                        elif phase == IDLE:
                            ver = None
                        in_block = fast_ok = phase == BLOCK
                        if line is None:
                            break  # the C code read to the end
                        raw = line
            if fast_ok:
                m = trans_fast(raw)
                if m is not None:
                    acct, objs, amount, date, qtext, btext, qty = m.groups(b"")
                    oc = objcache.get(objs) if objs else _NO_OBJECTS
                    if oc is None:
                        oc = st.objects_inner(objs, raw, lineno)
                    if oc is not None:  # None: quotes in the list do not pair up
                        n_fast += 1
                        text = qtext or btext
                        if crc_on:
                            st.crc = crc32(
                                b"".join((b"#TRANS", acct, oc[1], amount, date, text, qty)),
                                st.crc,
                            )
                        if acct not in seen_accounts:
                            st.use_account(acct, lineno)
                        if raw.isascii():
                            codec = base
                        elif quick(raw) is None:  # inlined st.line_codec: most lines
                            codec = base
                            n_plain += 1
                        else:
                            codec = st.line_codec(raw, lineno)
                        d = None  # no date: the voucher date applies
                        if date:
                            d = good_dates.get(date)
                            if d is None:
                                d = st.trans_date(date, lineno)
                                if d is None:
                                    continue  # impossible date: reported, line skipped
                        if amount[-3:-2] == b".":
                            vsum += int(amount.replace(b".", b""))
                        elif b"." in amount:
                            vsum += int(amount.replace(b".", b"")) * 10
                        else:
                            vsum += int(amount) * 100
                        n_tx += 1
                        if keep:
                            vtrans.append(
                                new_t(
                                    account_names.get(acct) or st.account_name(acct),
                                    oc[0],
                                    dec(amount.decode()),
                                    d,
                                    st.decoder(codec)(text),
                                    dec(qty.decode()) if qty else None,
                                    "trans",
                                    lineno,
                                )
                            )
                        continue
                if raw == b"}\r\n" or raw == b"}\n":  # the usual end of a voucher
                    if raw[-2:] == b"\r\n":
                        n_crlf += 1
                    else:
                        n_lf += 1
                    assert ver is not None  # fast_ok implies an open voucher
                    voucher = vouchers.close_voucher(st, ver, vtrans, vsum, vrest)
                    ver, in_block, fast_ok = None, False, False
                    vtrans, vsum, vrest = [], 0, ZERO
                    if keep and voucher is not None:
                        yield voucher
                    continue
            elif ver is None:
                if paused and not ksumma_done:
                    m = ver_fast(raw)
                    if m is not None:
                        if raw.isascii():
                            codec = base
                        elif quick(raw) is None:
                            codec = base
                            n_plain += 1
                        else:
                            codec = st.line_codec(raw, lineno)
                        ver = vouchers.fast_voucher(st, m, codec, lineno)
                        continue
            elif not in_block and (raw == b"{\r\n" or raw == b"{\n"):
                if raw[-2:] == b"\r\n":
                    n_crlf += 1
                else:
                    n_lf += 1
                in_block = True
                fast_ok = not ver.skip and not ksumma_done
                continue

            # ---- general path ----
            if len(raw) > LINE_LIMIT and not raw.endswith(b"\n"):
                raise SieError(
                    f"Raden är längre än {LINE_LIMIT} byte och kan inte vara en SIE-post; "
                    "filen är skadad eller ingen SIE-fil.",
                    lineno,
                )
            if lineno == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            # Line ends are counted here and for voucher braces, not on the #TRANS and #VER
            # fast paths (a file whose voucher lines alone differ would pass as uniform).
            if raw[-2:] == b"\r\n":
                n_crlf += 1
            elif raw[-1:] == b"\n":
                n_lf += 1
            s = raw.strip()
            if not s or s == b"\x1a":  # blank, or the DOS end-of-file mark of old exports
                continue
            if s == b"{":
                if ver is not None and not in_block:
                    in_block = True
                    fast_ok = not ver.skip and not ksumma_done
                else:
                    st.stray_brace(s, lineno)
                continue
            if s == b"}":
                if in_block and ver is not None:
                    if pending is not None:
                        vouchers.no_mirror(st, pending[1])
                        pending = None
                    voucher = vouchers.close_voucher(st, ver, vtrans, vsum, vrest)
                    ver, in_block, fast_ok = None, False, False
                    vtrans, vsum, vrest = [], 0, ZERO
                    if keep and voucher is not None:
                        yield voucher
                else:
                    st.stray_brace(s, lineno)
                continue

            codec = st.base if raw.isascii() else st.line_codec(raw, lineno)
            lexed = tokenize(s)
            fields = lexed.fields
            label = st.label_of(fields, lineno)
            if label is None:
                continue
            if lexed.problem:
                st.syntax_problem(lexed.problem, lineno)
            counts[label] = counts.get(label, 0) + 1
            if label == "KSUMMA":
                st.ksumma(fields, lineno)
                crc_on, ksumma_done = st.crc_on, st.ksumma_done
                fast_ok = fast_ok and not ksumma_done
                continue
            if crc_on:
                st.crc = crc32(covered_bytes(fields), st.crc)
            elif ksumma_done:
                st.after_ksumma(lineno)

            kind = _TRANS_KINDS.get(label)
            if kind is not None:
                usable = in_block and ver is not None and not ver.skip
                if pending is not None:
                    mirror = kind == "trans" and vouchers.mirror_key(st, fields, codec, lineno)
                    if mirror == pending[0]:
                        pending = None
                        fast_ok = usable and not ksumma_done
                        continue  # the mirror #TRANS: counted once, as the #RTRANS
                    vouchers.no_mirror(st, pending[1])
                    pending = None
                    fast_ok = usable and not ksumma_done
                if ver is None or not in_block:
                    vouchers.outside_voucher(st, label, lineno)
                    continue
                if ver.skip:
                    continue
                parsed = vouchers.parse_trans(st, fields, codec, lineno, kind)
                if parsed is None:
                    continue
                t, cents = parsed
                if kind != "btrans":
                    if cents is not None:
                        vsum += cents
                    else:
                        vrest += t.amount
                if kind == "rtrans":
                    pending = ((t.account, t.objects, t.amount), lineno)
                    fast_ok = False
                n_tx += 1
                if keep:
                    vtrans.append(t)
                continue

            if pending is not None:
                vouchers.no_mirror(st, pending[1])
                pending = None
            if label not in KNOWN_LABELS:
                st.unknown_label(label, lineno)
                continue
            if ver is not None:
                if in_block:
                    vouchers.unclosed_voucher(st, ver, label, lineno)
                else:
                    voucher = vouchers.close_voucher(st, ver, vtrans, vsum, vrest, block=False)
                    if keep and voucher is not None:
                        yield voucher
                ver, in_block, fast_ok = None, False, False
                vtrans, vsum, vrest = [], 0, ZERO
            if label == "VER" or label in BALANCE_LABELS:
                if not paused:
                    paused = st.items_started = True
                    yield None  # header read: the caller may now look at it
                    keep = st.keep
                    scanner = None if keep else speedups.scanner(lines, st)
                if label == "VER":
                    ver = vouchers.open_voucher(st, fields, codec, lineno)
                    continue
                balance = st.balance(label, fields, codec, lineno)
                if keep and balance is not None:
                    yield balance
                continue
            st.header_record(label, fields, codec, lineno)

        # ---- end of input ----
        if ver is not None:
            if in_block:
                vouchers.truncated_voucher(st, ver)
            else:
                voucher = vouchers.close_voucher(st, ver, vtrans, vsum, vrest, block=False)
                if keep and voucher is not None:
                    yield voucher
        if pending is not None:
            vouchers.no_mirror(st, pending[1])
        if scanner is not None:
            st.vouchers += scanner.closed
            n_fast, n_plain, n_tx = (
                n_fast + scanner.n_fast,
                n_plain + scanner.n_plain,
                n_tx + scanner.n_tx,
            )
            n_crlf, n_lf = n_crlf + scanner.n_crlf, n_lf + scanner.n_lf
        st.finish(lineno, n_tx, n_fast, n_plain, n_crlf, n_lf)
    finally:
        st.summary.lines = lineno
