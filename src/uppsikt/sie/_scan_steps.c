/* _scan_steps.c: what the C accelerator does with one line in each phase of the reading
 * loop (see _scan.c): open a voucher on a simple #VER or take a balance record
 * (_scan_balances.c), start its block on "{", sum a simple #TRANS, close on "}" when the
 * voucher balances. Each step either does exactly what the Python path would do, or
 * nothing (0) so that Python reads the line. */
#include "_scan.h"

#include <string.h>

static void
count_eol(Lines *self, Py_ssize_t len)
{
    if (len == 3) {
        self->n_crlf++;
    }
    else {
        self->n_lf++;
    }
}

/* "{" or "}" alone on a line, as reader.py's fast paths compare it. */
static int
brace_line(const char *line, Py_ssize_t len, char brace)
{
    return len >= 2 && line[0] == brace &&
           ((len == 2 && line[1] == '\n') || (len == 3 && line[1] == '\r' && line[2] == '\n'));
}

static uint32_t
crc_spans(uint32_t crc, const char *label, const Span *spans, int n)
{
    crc = sie_crc_add(crc, label, (Py_ssize_t)strlen(label));
    for (int i = 0; i < n; i++) {
        crc = sie_crc_add(crc, spans[i].p, spans[i].n);
    }
    return crc;
}

/* A simple #TRANS in a usable block: 1 handled, 0 for Python, -1 error. */
static int
trans_step(Lines *self, Run *r, const char *line, Py_ssize_t len)
{
    const char *e = sie_content_end(line, len);
    Trans t;
    long long sum;
    if (e == NULL || !sie_parse_trans(line, e, &t) ||
        __builtin_add_overflow(r->vsum, t.ore, &sum)) {
        return 0; /* an overflowing sum stays exact in Python's int */
    }
    int kind = sie_line_kind(self->quick, line, len);
    if (kind == LINE_CLASSIFY) {
        return 0;
    }
    Span covered = {"", 0};
    PyObject *keep = NULL; /* holds the covered bytes of a list seen for the first time */
    int found = 1;
    if (t.inner.n > 0) {
        found = sie_learn_objects(self, t.inner, r->lineno, &covered, &keep);
    }
    if (found == 1) {
        found = sie_learn_account(self, t.acct, r->lineno);
    }
    if (found == 1 && t.date.n > 0) {
        found = sie_learn_date(self, t.date, 1);
    }
    if (found != 1) {
        Py_XDECREF(keep);
        return found; /* an impossible date or one outside the years: Python reports it */
    }
    if (r->crc_on) {
        Span parts[6] = {t.acct, covered, t.amount, t.date, t.text, t.qty};
        r->crc = crc_spans(r->crc, "#TRANS", parts, 6);
    }
    Py_XDECREF(keep);
    r->vsum = sum;
    self->n_fast++;
    self->n_tx++;
    self->n_plain += kind == LINE_PLAIN;
    return 1;
}

/* "}" closing a voucher that balances: 1 handled, 0 for Python (which reports it). */
static int
close_step(Lines *self, Run *r, const char *line, Py_ssize_t len)
{
    if (!brace_line(line, len, '}') || r->vsum != 0 || !r->vrest_zero) {
        return 0;
    }
    count_eol(self, len);
    self->closed++;
    r->phase = IDLE;
    r->opened = 0;
    r->vrest_zero = 1; /* the next voucher starts from nothing */
    return 1;
}

/* Remember the spans of the #VER just opened (the buffer moves on). */
static int
keep_ver(Lines *self, const Ver *v, Py_ssize_t lineno)
{
    const Span parts[4] = {v->series, v->number, v->date, v->reg};
    Py_ssize_t need = parts[0].n + parts[1].n + parts[2].n + parts[3].n;
    if (need > self->ver_cap) {
        char *grown = PyMem_Realloc(self->ver, need);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        self->ver = grown;
        self->ver_cap = need;
    }
    char *out = self->ver;
    for (int i = 0; i < 4; i++) {
        if (parts[i].n > 0) { /* an absent field has no pointer at all */
            memcpy(out, parts[i].p, parts[i].n);
        }
        out += parts[i].n;
        self->ver_len[i] = parts[i].n;
    }
    self->ver_line = lineno;
    return 0;
}

/* A simple #VER with valid dates when no voucher is open: 1, 0 for Python, -1 error. */
static int
ver_step(Lines *self, Run *r, const char *line, Py_ssize_t len)
{
    const char *e = sie_content_end(line, len);
    Ver v;
    if (e == NULL || !sie_parse_ver(line, e, &v)) {
        return 0;
    }
    int kind = sie_line_kind(self->quick, line, len);
    if (kind == LINE_CLASSIFY) {
        return 0;
    }
    int found = sie_learn_date(self, v.date, 1);
    if (found == 1 && v.reg.n > 0) {
        found = sie_learn_date(self, v.reg, 0);
    }
    if (found != 1) {
        return found;
    }
    if (keep_ver(self, &v, r->lineno) < 0) {
        return -1;
    }
    if (r->crc_on) {
        Span parts[5] = {v.series, v.number, v.date, v.text, v.reg};
        r->crc = crc_spans(r->crc, "#VER", parts, 5);
    }
    r->n_ver++;
    self->n_plain += kind == LINE_PLAIN;
    r->phase = OPEN;
    r->opened = 1;
    return 1;
}

/* One line in the current phase: 1 handled, 0 for Python, -1 error. */
int
sie_step(Lines *self, Run *r, const char *line, Py_ssize_t len)
{
    if (r->phase == OPEN) {
        if (!brace_line(line, len, '{')) {
            return 0;
        }
        count_eol(self, len);
        r->phase = BLOCK;
        return 1;
    }
    if (r->phase == IDLE) {
        int done = ver_step(self, r, line, len);
        return done != 0 ? done : sie_balance_step(self, r, line, len);
    }
    int done = trans_step(self, r, line, len);
    return done != 0 ? done : close_step(self, r, line, len);
}
