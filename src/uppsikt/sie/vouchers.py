"""Voucher records: #VER, #TRANS, #RTRANS, #BTRANS and the checks on a whole voucher (§7).

The reading loop keeps the open voucher's state in local variables for speed and calls these
functions for everything that is not the fast #TRANS path."""

from __future__ import annotations

import datetime
import re
import zlib
from collections.abc import Sequence
from decimal import Decimal

from uppsikt.sie.checks import in_years
from uppsikt.sie.core import OpenVoucher, ReaderState
from uppsikt.sie.fields import (
    FieldError,
    parse_amount,
    parse_date,
    parse_optional_date,
    parse_quantity,
)
from uppsikt.sie.lexer import Field
from uppsikt.sie.model import Objects, Transaction, Voucher
from uppsikt.sie.records import MissingField, required, text


def outside_voucher(st: ReaderState, label: str, line: int) -> None:
    st.log.warning(
        "trans.outside_voucher",
        line,
        f"#{label} står utanför ett #VER-block ({{ ... }}) och har hoppats över.",
    )


def no_mirror(st: ReaderState, line: int) -> None:
    st.log.warning(
        "rtrans.no_mirror",
        line,
        "#RTRANS följs inte av en likadan #TRANS, som SIE 4B kräver för äldre program. "
        "Raden har lästs in; kontrollera exporten.",
    )


def open_voucher(st: ReaderState, fields: list[Field], codec: str, line: int) -> OpenVoucher:
    """A #VER off the fast path. An unusable one is returned with ``skip`` set."""
    return _voucher(st, fields[1:7], codec, text(fields, 3), line)


def fast_voucher(st: ReaderState, m: re.Match[bytes], codec: str, line: int) -> OpenVoucher:
    """A #VER matched by ``lexer.VER_FAST``: series, number, date, [text, [regdate]].

    Called once per voucher of a large file, so the common case does only dictionary
    lookups; anything else goes through ``_voucher``."""
    sq, sb, nq, nb, date, tq, tb, reg = m.groups(b"")
    series, number, vtext = sq or sb, nq or nb, tq or tb
    counts = st.counts
    counts["VER"] = counts.get("VER", 0) + 1
    if st.crc_on:
        st.crc = zlib.crc32(b"".join((b"#VER", series, number, date, vtext, reg)), st.crc)
    d = st.good_dates.get(date)
    registered = st.any_dates.get(reg) if reg else None
    if d is None or (reg and registered is None) or st.keep:
        return _voucher(st, [series, number, date, vtext, reg], codec, date, line)
    decode = st.decoder(codec)
    return OpenVoucher(decode(series), decode(number), d, "", registered, "", line)


def _voucher(
    st: ReaderState, fields: Sequence[Field], codec: str, date_value: bytes, line: int
) -> OpenVoucher:
    """fields: series, number, date, text, regdate, signature (trailing ones may be absent)."""
    values = [v if isinstance(v, bytes) else b"" for v in fields] + [b""] * (6 - len(fields))
    decode = st.decoder(codec)
    series, number = decode(values[0]), decode(values[1])
    date = st.good_dates.get(date_value) if date_value else None
    if date is None:
        try:
            date = parse_date(date_value, "verifikationsdatumet")
        except FieldError as e:
            st.log.error(e.code, line, e.message + " Verifikationen har hoppats över.")
            return OpenVoucher(series, number, datetime.date.min, "", None, "", line, True)
        if in_years(date, st.header.fiscal_years):
            st.good_dates[date_value] = date
        else:
            st.outside_years("Verifikationsdatumet", date, line)
    registered = None
    if values[4]:
        registered = st.any_dates.get(values[4])
        if registered is None:
            try:
                registered = st.any_dates[values[4]] = parse_date(values[4], "regdatumet")
            except FieldError as e:
                st.log.warning(e.code, line, e.message + " Registreringsdatumet har utelämnats.")
    if not st.keep:  # texts are not needed to check the file
        return OpenVoucher(series, number, date, "", registered, "", line)
    return OpenVoucher(series, number, date, decode(values[3]), registered, decode(values[5]), line)


def parse_trans(
    st: ReaderState, fields: list[Field], codec: str, line: int, kind: str
) -> tuple[Transaction, int | None] | None:
    """A voucher line off the fast path, and its amount in öre (None beyond 2 decimals)."""
    label = kind.upper()
    try:
        number = required(fields, 1, label, "kontonummer")
        items = fields[2] if len(fields) > 2 else b""
        i = 3
        if not isinstance(items, tuple):
            # Some writers leave out the {} of an empty list; the next field is the amount.
            items, i = (), 2
            if st.once("trans.no_objects"):
                st.log.warning(
                    "trans.no_objects",
                    line,
                    f"#{label} saknar objektlista ({{}}); raden har lästs som om den var tom.",
                )
        amount, many = parse_amount(required(fields, i, label, "belopp"))
        date = parse_optional_date(text(fields, i + 1), "transaktionsdatumet")
    except FieldError as e:
        severity = "warning" if isinstance(e, MissingField) else "error"
        st.log.add(severity, e.code, line, e.message + " Raden har hoppats över.")
        return None
    if many:
        st.many_decimals(line)
    if date is not None and kind == "trans" and not in_years(date, st.header.fiscal_years):
        st.outside_years("Transaktionsdatumet", date, line)
    decode = st.decoder(codec)
    try:
        quantity = parse_quantity(text(fields, i + 3))
    except FieldError:
        quantity = None
        st.log.warning("quantity.invalid", line, "Kvantiteten är ogiltig och har utelämnats.")
    st.use_account(number, line)
    t = Transaction(
        st.account_names.get(number) or st.account_name(number),
        st.objects_tuple(items, codec, line)[0],
        amount,
        date,
        decode(text(fields, i + 2)),
        quantity,
        kind,
        line,
        decode(text(fields, i + 4)),
    )
    cents = None if many else int(amount.scaleb(2))
    return t, cents


def mirror_key(
    st: ReaderState, fields: list[Field], codec: str, line: int
) -> tuple[str, Objects, Decimal] | None:
    """(account, objects, amount) of a #TRANS, to recognise the mirror of a #RTRANS."""
    items = fields[2] if len(fields) > 2 else ()
    try:
        amount, _ = parse_amount(text(fields, 3))
    except FieldError:
        return None
    if not isinstance(items, tuple):
        return None
    number = text(fields, 1)
    name = st.account_names.get(number) or st.account_name(number)
    return name, st.objects_tuple(items, codec, line)[0], amount


def close_voucher(
    st: ReaderState,
    ver: OpenVoucher,
    lines: list[object],
    cents: int,
    rest: Decimal,
    block: bool = True,
) -> Voucher | None:
    """Count and check a completed voucher; the Voucher itself only when items are kept."""
    if not block:
        st.log.warning(
            "voucher.no_block",
            ver.line,
            "#VER följs inte av ett block med { och } på egna rader; verifikationen har "
            "lästs in utan rader.",
        )
    if ver.skip:
        return None
    st.vouchers += 1
    if cents or rest:
        st.unbalanced += 1
        st.log.warning(
            "voucher.unbalanced",
            ver.line,
            f"Verifikation {ver.series} {ver.number} ({ver.date:%Y%m%d}) balanserar inte: "
            f"raderna summerar till {Decimal(cents).scaleb(-2) + rest} i stället för 0. "
            "Rätta verifikationen i ekonomisystemet och exportera på nytt.",
        )
    if not st.keep:
        return None
    return Voucher(
        ver.series,
        ver.number,
        ver.date,
        ver.text,
        ver.registered,
        tuple(lines),  # type: ignore[arg-type]  # the loop appends only Transactions
        ver.line,
        ver.signature,
    )


def unclosed_voucher(st: ReaderState, ver: OpenVoucher, label: str, line: int) -> None:
    st.log.error(
        "voucher.unclosed",
        ver.line,
        f"#VER på rad {ver.line} avslutas inte med }} före #{label} på rad {line}. "
        "Verifikationen har inte lästs in; kontrollera filen.",
    )


def truncated_voucher(st: ReaderState, ver: OpenVoucher) -> None:
    st.log.error(
        "voucher.truncated",
        ver.line,
        f"Filen slutar mitt i verifikationen som börjar på rad {ver.line} (#VER utan "
        "avslutande }). Filen är troligen avkortad; verifikationen har inte lästs in. "
        "Exportera filen på nytt.",
    )
