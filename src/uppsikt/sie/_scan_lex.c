/* _scan_lex.c: the parts of the C accelerator that know the SIE text (see _scan.c):
 * CRC-32 as zlib computes it, a memo of keys found in the reader's Python caches, the
 * fields of simple #TRANS and #VER lines, and encoding.quick_check for one line. */
#include "_scan.h"

#include <string.h>

/* ---- CRC-32 exactly as zlib.crc32 (reflected 0xEDB88320), slice-by-8 ---------------- */

static uint32_t crc_table[8][256];

void
sie_crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        crc_table[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = crc_table[0][n];
        for (int t = 1; t < 8; t++) {
            c = crc_table[0][c & 0xff] ^ (c >> 8);
            crc_table[t][n] = c;
        }
    }
}

/* zlib.crc32(data, crc): continue a running CRC over more bytes. */
uint32_t
sie_crc_add(uint32_t crc, const char *data, Py_ssize_t n)
{
    const unsigned char *p = (const unsigned char *)data;
    crc = ~crc;
#if PY_LITTLE_ENDIAN
    while (n >= 8) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + 4, 4);
        a ^= crc;
        crc = crc_table[7][a & 0xff] ^ crc_table[6][(a >> 8) & 0xff] ^
              crc_table[5][(a >> 16) & 0xff] ^ crc_table[4][a >> 24] ^
              crc_table[3][b & 0xff] ^ crc_table[2][(b >> 8) & 0xff] ^
              crc_table[1][(b >> 16) & 0xff] ^ crc_table[0][b >> 24];
        p += 8;
        n -= 8;
    }
#endif
    while (n-- > 0) {
        crc = crc_table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

/* ---- Memo: keys known to be in one of the reader's Python caches --------------------
 * A probe of a Python set or dict needs a bytes object per line; this fixed-size open
 * addressing table remembers keys (and, for object lists, their #KSUMMA bytes) found
 * there before. The Python caches only grow, except the object-list cache, which the
 * reader may clear: run() drops that memo whenever the dict has shrunk. A full memo
 * simply stops learning; lookups then go to Python, which is slower but still right. */

static uint32_t
fnv1a(const char *p, Py_ssize_t n)
{
    uint32_t h = 2166136261u;
    for (Py_ssize_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    }
    return h;
}

static MemoEntry *
memo_find(const Memo *m, const char *key, Py_ssize_t n, uint32_t h)
{
    if (n > MEMO_BYTES) {
        return NULL;
    }
    /* The table is never more than 3/4 full, so the probe ends at an unused slot. */
    for (uint32_t i = h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1)) {
        MemoEntry *e = &m->slots[i];
        if (!e->used) {
            return NULL;
        }
        if (e->hash == h && e->klen == n && memcmp(e->data, key, n) == 0) {
            return e;
        }
    }
}

static void
memo_add(Memo *m, const char *key, Py_ssize_t n, uint32_t h, const char *v, Py_ssize_t vn)
{
    if (n + vn > MEMO_BYTES || m->count >= MEMO_SLOTS / 4 * 3) {
        return;
    }
    uint32_t i = h & (MEMO_SLOTS - 1);
    while (m->slots[i].used) {
        i = (i + 1) & (MEMO_SLOTS - 1);
    }
    MemoEntry *e = &m->slots[i];
    e->used = 1;
    e->hash = h;
    e->klen = (uint8_t)n;
    e->vlen = (uint8_t)vn;
    memcpy(e->data, key, n);
    if (vn) {
        memcpy(e->data + n, v, vn);
    }
    m->count++;
}

void
sie_memo_clear(Memo *m)
{
    memset(m->slots, 0, sizeof(MemoEntry) * MEMO_SLOTS);
    m->count = 0;
}

/* The #KSUMMA bytes of an object-list cache value (Objects, covered bytes), or NULL. */
static PyObject *
covered_of(PyObject *value)
{
    if (!PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 2) {
        return NULL;
    }
    PyObject *covered = PyTuple_GET_ITEM(value, 1);
    return PyBytes_Check(covered) ? covered : NULL;
}

/* Whether `key` is in the Python set or dict `container` (memo first). For a dict whose
 * values are (Objects, covered bytes), `v`/`vn` receive the covered bytes; they stay
 * valid for the current line. Returns 1 (found), 0 (not found) or -1 (error). */
int
sie_known(Memo *m, PyObject *container, const char *key, Py_ssize_t n, const char **v,
      Py_ssize_t *vn)
{
    uint32_t h = fnv1a(key, n);
    MemoEntry *e = memo_find(m, key, n, h);
    if (e != NULL) {
        if (v != NULL) {
            *v = e->data + e->klen;
            *vn = e->vlen;
        }
        return 1;
    }
    PyObject *k = PyBytes_FromStringAndSize(key, n);
    if (k == NULL) {
        return -1;
    }
    int found;
    if (PyDict_Check(container)) {
        PyObject *value = PyDict_GetItemWithError(container, k); /* borrowed */
        found = value != NULL ? 1 : (PyErr_Occurred() ? -1 : 0);
        if (found == 1 && v != NULL) {
            PyObject *covered = covered_of(value);
            if (covered == NULL) {
                found = 0; /* not what the reader stores: let Python decide */
            }
            else {
                *v = PyBytes_AS_STRING(covered);
                *vn = PyBytes_GET_SIZE(covered);
            }
        }
    }
    else {
        found = PySet_Contains(container, k);
    }
    Py_DECREF(k);
    if (found == 1) {
        memo_add(m, key, n, h, v ? *v : NULL, v ? *vn : 0);
    }
    return found;
}

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
