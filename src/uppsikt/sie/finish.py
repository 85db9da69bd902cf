"""Findings that need the whole file: declarations, encoding verdict, file type, summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from uppsikt.sie import encoding as enc

if TYPE_CHECKING:
    from uppsikt.sie.core import ReaderState

#: A minority encoding above this share of the non-ASCII lines makes the file "mixed".
MIXED_SHARE = 0.05
_NAMES = {enc.CP437: "PC8 (CP437)", enc.UTF8: "UTF-8", enc.LATIN1: "Latin-1 (ISO 8859-1)"}


def finish_summary(st: ReaderState, n_tx: int, n_crlf: int, n_lf: int) -> None:
    """Emit the end-of-file findings and fill ``st.summary``."""
    _declarations(st)
    st.checks.finish(st.header, st.log)
    encoding = _encoding(st)
    s = st.summary
    s.encoding = encoding
    s.declared_format = st.header.format
    s.line_ending = "mixed" if n_crlf and n_lf else "CRLF" if n_crlf else "LF" if n_lf else ""
    s.checksum = st.checksum
    s.label_counts = dict(st.counts)
    s.unknown_labels = dict(st.unknown)
    s.vouchers = st.vouchers
    s.transactions = n_tx
    s.unbalanced_vouchers = st.unbalanced
    s.balances = st.balances
    s.file_type = _file_type(st)
    s.issues = st.log.finish()


def _declarations(st: ReaderState) -> None:
    """Warn once per account and object used without #KONTO/#OBJEKT (accepted anyway)."""
    declared = st.builder.account_bytes
    for number, line in st.undeclared_accounts.items():
        if number not in declared:
            st.log.warning(
                "account.undeclared",
                line,
                f"Konto {number.decode('latin-1')} används (första gången på rad {line}) men "
                "deklareras inte med #KONTO. Det har lästs in; lägg till kontot i exporten.",
            )
    dims = st.header.dimensions
    dims_warned: set[str] = set()
    for (dim, obj), line in st.undeclared_objects.items():
        if (dim, obj) in st.header.objects:
            continue
        st.log.warning(
            "object.undeclared",
            line,
            f"Objekt {obj!r} i dimension {dim} används (första gången på rad {line}) men "
            "deklareras inte med #OBJEKT. Det har lästs in utan namn.",
        )
        reserved = dim.isascii() and dim.isdigit() and 1 <= int(dim) <= 19
        if dim not in dims and not reserved and dim not in dims_warned:
            dims_warned.add(dim)
            st.log.warning(
                "dimension.undeclared",
                line,
                f"Dimension {dim} används men deklareras inte med #DIM (bara dimension 1–19 "
                "är reserverade). Den har lästs in utan namn.",
            )


def _encoding(st: ReaderState) -> str:
    """What the bytes are, and warnings when that is not what #FORMAT says."""
    if st.override:
        st.log.info(
            "encoding.override", None, f"Teckenkodningen {st.override} angavs av användaren."
        )
        return st.override
    votes = dict(st.codec_votes)
    if st.plain_lines:
        votes[st.base] = votes.get(st.base, 0) + st.plain_lines
        st.codec_first.setdefault(st.base, 0)
    total = sum(votes.values())
    top = max(votes, key=lambda c: (votes[c], c == st.base)) if total else st.base
    minority = total - votes.get(top, 0)
    verdict = "mixed" if total and minority / total >= MIXED_SHARE else top
    line_of_format = st.builder.lines.get("FORMAT")
    declared = st.header.format.strip().upper()
    if st.detection.bom:
        st.log.info("encoding.bom", 1, "Filen börjar med en UTF-8-BOM, som har hoppats över.")
    if top != enc.CP437 and declared in ("PC8", ""):
        code = "encoding.utf8" if top == enc.UTF8 else "encoding.latin1"
        st.log.warning(
            code,
            line_of_format,
            f"Filen anger #FORMAT PC8 men är kodad i {_NAMES.get(top, top)}; den har lästs "
            "så. Be leverantören exportera i PC8 (CP437) enligt SIE-standarden.",
        )
    elif declared not in ("PC8", ""):
        st.log.warning(
            "format.unknown",
            line_of_format,
            f"#FORMAT {st.header.format!r} finns inte i SIE 4; bara PC8 är tillåtet. Filen "
            f"har lästs som {_NAMES.get(top, top)}.",
        )
    for codec, count in votes.items():
        if codec != top:
            st.log.warning(
                "encoding.mixed",
                st.codec_first[codec],
                f"Filen blandar teckenkodningar: {count} rad(er) är kodade i "
                f"{_NAMES.get(codec, codec)} (första på rad {st.codec_first[codec]}) medan "
                f"resten är {_NAMES.get(top, top)}. Raderna har lästs med sin egen kodning; "
                "kontrollera å, ä och ö.",
            )
    if st.replacement_line is not None or st.detection.replacement_chars:
        st.log.warning(
            "encoding.replacement",
            st.replacement_line,
            "Filen innehåller ersättningstecknet \ufffd: bokstäver (troligen å, ä, ö) förstördes "
            "innan filen sparades och kan inte återskapas. Exportera filen på nytt.",
        )
    return verdict


def _file_type(st: ReaderState) -> str:
    sie_type = st.header.sie_type
    if sie_type is None:
        inferred = "4" if st.vouchers else "1"
        st.log.info(
            "sietyp.missing",
            None,
            f"#SIETYP saknas; filen har tolkats som typ {inferred}"
            + (" (den innehåller verifikationer)." if st.vouchers else " enligt SIE 4B."),
        )
        sie_type = int(inferred)
    if sie_type in (1, 2, 3):
        if st.vouchers:
            st.log.warning(
                "sietyp.vouchers",
                st.builder.lines.get("SIETYP"),
                f"SIE typ {sie_type} får inte innehålla verifikationer; de har lästs in ändå.",
            )
        return str(sie_type)
    # #SIETYP 4 covers both: an export (4E) has balances, an import file (4I) has none.
    return "4E" if st.balances or not st.vouchers else "4I"
