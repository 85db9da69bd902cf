/* _scan_lex.c: the parts of the C accelerator that know the SIE text (see _scan.c): the
 * fields of simple #TRANS, #VER and balance lines, the items of an object list, and
 * encoding.quick_check for one line. */
#include "_scan.h"

#include <string.h>

/* ---- Fields of a line (4B §5; the patterns of lexer.TRANS_FAST / VER_FAST) ---------- */

static const char *
skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t')) {
        p++;
    }
    return p;
}

/* After a field: `e` if only blanks follow, the next field if blanks separate it, NULL
 * if something is glued to the field (the patterns then do not match). */
static const char *
next_field(const char *p, const char *e)
{
    const char *s = skip_ws(p, e);
    if (s == e) {
        return e;
    }
    return s == p ? NULL : s;
}

/* [0-9]{min,max} as a span; NULL unless the count is in range. */
static const char *
digits(const char *p, const char *e, Span *out, Py_ssize_t min, Py_ssize_t max)
{
    const char *s = p;
    while (p < e && *p >= '0' && *p <= '9') {
        p++;
    }
    if (p - s < min || p - s > max) {
        return NULL;
    }
    out->p = s;
    out->n = p - s;
    return p;
}

/* An amount -?[0-9]{1,15}(\.[0-9]{1,2})? and its value in öre. */
static const char *
amount(const char *p, const char *e, Span *out, long long *ore)
{
    const char *s = p;
    Span part;
    long long value = 0;
    int negative = p < e && *p == '-';
    if (!(p = digits(p + negative, e, &part, 1, 15))) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < part.n; i++) {
        value = value * 10 + (part.p[i] - '0');
    }
    value *= 100;
    if (p < e && *p == '.') {
        if (!(p = digits(p + 1, e, &part, 1, 2))) {
            return NULL;
        }
        value += (part.p[0] - '0') * 10 + (part.n == 2 ? part.p[1] - '0' : 0);
    }
    out->p = s;
    out->n = p - s;
    *ore = negative ? -value : value;
    return p;
}

/* A byte of a bare field: anything but blanks, line breaks, quotes, braces, backslash. */
static int
bare_byte(char c)
{
    return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '"' && c != '{' && c != '}' &&
           c != '\\';
}

/* A field as lexer._FIELD: "quoted" without quote, backslash or line break inside, or
 * a bare run without blanks, quotes, braces and backslashes. */
static const char *
field(const char *p, const char *e, Span *out)
{
    if (p < e && *p == '"') {
        const char *s = ++p;
        while (p < e && *p != '"' && *p != '\\' && *p != '\r') {
            p++;
        }
        if (p == e || *p != '"') {
            return NULL;
        }
        out->p = s;
        out->n = p - s;
        return p + 1;
    }
    const char *s = p;
    while (p < e && bare_byte(*p)) {
        p++;
    }
    if (p == s) {
        return NULL;
    }
    out->p = s;
    out->n = p - s;
    return p;
}

/* The text between { and } of an object list: no braces, backslashes or line breaks. */
static const char *
object_list(const char *p, const char *e, Span *out)
{
    const char *s = p;
    while (p < e && *p != '}') {
        if (*p == '{' || *p == '\\' || *p == '\r') {
            return NULL;
        }
        p++;
    }
    if (p == e) {
        return NULL;
    }
    out->p = s;
    out->n = p - s;
    return p + 1;
}

/* The content of a complete line without its \r?\n; NULL for a line without \n (the
 * last line of a file, or a piece of an over-long one), which the patterns never match. */
const char *
sie_content_end(const char *line, Py_ssize_t len)
{
    if (len == 0 || line[len - 1] != '\n') {
        return NULL;
    }
    const char *e = line + len - 1;
    return (e > line && e[-1] == '\r') ? e - 1 : e;
}

/* "#LABEL" after optional blanks, followed by at least one blank: the first field. */
static const char *
label(const char *p, const char *e, const char *name, size_t n)
{
    p = skip_ws(p, e);
    if ((size_t)(e - p) < n || memcmp(p, name, n) != 0) {
        return NULL;
    }
    const char *q = next_field(p + n, e);
    return q == e ? NULL : q;
}

/* A #TRANS line of the form lexer.TRANS_FAST matches: 1, else 0. */
int
sie_parse_trans(const char *p, const char *e, Trans *t)
{
    long long ignored;
    memset(t, 0, sizeof(*t));
    if (!(p = label(p, e, "#TRANS", 6)) || !(p = digits(p, e, &t->acct, 1, PY_SSIZE_T_MAX)) ||
        !(p = next_field(p, e)) || p == e || *p != '{' ||
        !(p = object_list(p + 1, e, &t->inner)) || !(p = next_field(p, e)) || p == e ||
        !(p = amount(p, e, &t->amount, &t->ore)) || !(p = next_field(p, e))) {
        return 0;
    }
    if (p == e) {
        return 1;
    }
    if (!(p = digits(p, e, &t->date, 8, 8)) || !(p = next_field(p, e))) {
        return 0;
    }
    if (p == e) {
        return 1;
    }
    if (!(p = field(p, e, &t->text)) || !(p = next_field(p, e))) {
        return 0;
    }
    if (p == e) {
        return 1;
    }
    return (p = amount(p, e, &t->qty, &ignored)) && next_field(p, e) == e;
}

/* A #VER line of the form lexer.VER_FAST matches: 1, else 0. */
int
sie_parse_ver(const char *p, const char *e, Ver *v)
{
    memset(v, 0, sizeof(*v));
    if (!(p = label(p, e, "#VER", 4)) || !(p = field(p, e, &v->series)) ||
        !(p = next_field(p, e)) || p == e || !(p = field(p, e, &v->number)) ||
        !(p = next_field(p, e)) || p == e || !(p = digits(p, e, &v->date, 8, 8)) ||
        !(p = next_field(p, e))) {
        return 0;
    }
    if (p == e) {
        return 1;
    }
    if (!(p = field(p, e, &v->text)) || !(p = next_field(p, e))) {
        return 0;
    }
    if (p == e) {
        return 1;
    }
    return (p = digits(p, e, &v->reg, 8, 8)) && next_field(p, e) == e;
}

/* ---- Balance records and object lists (4B §11, §5.6; records.parse_balance) ------------ */

const char *const sie_balance_labels[N_BALANCE] = {"#IB",  "#UB",     "#RES",    "#OIB",
                                                   "#OUB", "#PSALDO", "#PBUDGET"};

/* A bare field of a balance line: no byte up to the blank, as bytes.split() sees blanks. */
static const char *
strict_field(const char *p, const char *e, Span *out)
{
    if (p < e && *p == '"') {
        return field(p, e, out);
    }
    const char *s = p;
    while (p < e && (unsigned char)*p > ' ' && bare_byte(*p)) {
        p++;
    }
    out->p = s;
    out->n = p - s;
    return p == s ? NULL : p;
}

/* -?[0-9]{1,9} (records.parse_int), its value in *value. */
static const char *
small_int(const char *p, const char *e, Span *out, long *value)
{
    int negative = p < e && *p == '-';
    Span part;
    if (!(p = digits(p + negative, e, &part, 1, 9))) {
        return NULL;
    }
    *value = 0;
    for (Py_ssize_t i = 0; i < part.n; i++) {
        *value = *value * 10 + (part.p[i] - '0');
    }
    *value = negative ? -*value : *value;
    out->p = part.p - negative;
    out->n = part.n + negative;
    return p;
}

/* A YYYYMM period that fields.parse_period accepts, its value in *value. */
static const char *
period(const char *p, const char *e, Span *out, long *value)
{
    if (!(p = digits(p, e, out, 6, 6))) {
        return NULL;
    }
    long v = 0;
    for (int i = 0; i < 6; i++) {
        v = v * 10 + (out->p[i] - '0');
    }
    *value = v;
    return v % 100 >= 1 && v % 100 <= 12 && v / 100 > 0 ? p : NULL;
}

/* A balance record whose every field parse_balance takes without a finding: 1, else 0.
 * An object list is optional except for #OIB/#OUB; one trailing field (the quantity, which
 * the reader parses without a finding either way) may follow the amount. */
int
sie_parse_balance(const char *p, const char *e, Bal *b)
{
    memset(b, 0, sizeof(*b));
    const char *q = NULL;
    for (b->kind = 0; b->kind < N_BALANCE && q == NULL; b->kind++) {
        const char *name = sie_balance_labels[b->kind];
        q = label(p, e, name, strlen(name));
    }
    b->kind--;
    if (q == NULL || !(p = small_int(q, e, &b->year, &b->year_v)) || !(p = next_field(p, e)) ||
        p == e) {
        return 0;
    }
    if (b->kind >= BAL_PSALDO &&
        (!(p = period(p, e, &b->period, &b->period_v)) || !(p = next_field(p, e)) || p == e)) {
        return 0;
    }
    if (!(p = digits(p, e, &b->acct, 1, PY_SSIZE_T_MAX)) || !(p = next_field(p, e)) || p == e) {
        return 0;
    }
    if (*p == '{') {
        if (!(p = object_list(p + 1, e, &b->inner)) || !(p = next_field(p, e)) || p == e) {
            return 0;
        }
        b->has_list = 1;
    }
    else if (b->kind == BAL_OIB || b->kind == BAL_OUB) {
        return 0; /* the list is required: Python reports its absence */
    }
    long long ignored;
    if (!(p = amount(p, e, &b->amount, &ignored)) || !(p = next_field(p, e))) {
        return 0;
    }
    return p == e || ((p = strict_field(p, e, &b->qty)) && next_field(p, e) == e);
}

enum { MAX_ITEMS = 32 };

/* The items of an object list as lexer.tokenize splits the text between its braces, as a
 * tuple of bytes; None when it cannot be split here (a quote left open, many items). */
PyObject *
sie_items(const char *p, const char *e)
{
    Span items[MAX_ITEMS];
    int n = 0;
    for (p = skip_ws(p, e); p < e; p = skip_ws(p, e)) {
        if (n == MAX_ITEMS) {
            Py_RETURN_NONE;
        }
        Span *item = &items[n++];
        if (*p == '"') {
            const char *close = memchr(p + 1, '"', e - p - 1);
            if (close == NULL) {
                Py_RETURN_NONE; /* tokenize reports it */
            }
            item->p = p + 1;
            item->n = close - p - 1;
            p = close + 1;
            continue;
        }
        item->p = p;
        while (p < e && *p != ' ' && *p != '\t' && *p != '"') {
            p++;
        }
        item->n = p - item->p;
    }
    PyObject *t = PyTuple_New(n);
    for (int i = 0; t != NULL && i < n; i++) {
        PyObject *b = PyBytes_FromStringAndSize(items[i].p, items[i].n);
        if (b == NULL) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, i, b);
    }
    return t;
}

int
sie_line_kind(int quick, const char *line, Py_ssize_t n)
{
    const unsigned char *p = (const unsigned char *)line;
    Py_ssize_t i = 0;
    while (i < n && p[i] < 0x80) {
        i++;
    }
    if (i == n || quick == QUICK_NEVER) {
        return i == n ? LINE_ASCII : LINE_PLAIN;
    }
    for (; i < n && quick != QUICK_ALWAYS; i++) {
        unsigned char c = p[i];
        if (quick == QUICK_CP437 && c >= 0xC2 && c <= 0xF6) {
            return LINE_CLASSIFY; /* a UTF-8 lead byte or a Latin-1 letter */
        }
        if (quick == QUICK_LATIN1 &&
            ((c >= 0x80 && c <= 0x9F) ||
             (c >= 0xC2 && c <= 0xF4 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0xBF))) {
            return LINE_CLASSIFY;
        }
    }
    return quick == QUICK_ALWAYS ? LINE_CLASSIFY : LINE_PLAIN;
}
