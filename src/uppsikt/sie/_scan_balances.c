/* _scan_balances.c: the lines the C accelerator reads with the help of the reader's hooks
 * (speedups.hooks): balance records (#IB #UB #RES #OIB #OUB #PSALDO #PBUDGET) when no
 * voucher is open, and the object lists, accounts and dates of #TRANS and #VER lines that
 * are not yet in the reader's caches.
 *
 * The C code splits the line; the hook does with the pieces exactly what the Python path
 * does with them (records the account, decodes and caches the object list, counts the
 * record and adds it to the balance checks). What a hook cannot settle without a finding
 * (an impossible date, a date outside the fiscal years, a label beyond the count limit) it
 * leaves undone and answers False; the line then goes to Python, which reports it. What a
 * hook did before that is what Python would have done for the line first, and does not do
 * again (the list and account are then in the caches), so every finding comes out once,
 * in the same order and with the same line. */
#include "_scan.h"

#include <string.h>

static PyObject *labels[N_BALANCE]; /* "IB", ...: the keys of Summary.label_counts */

int
sie_balances_init(void)
{
    for (int i = 0; i < N_BALANCE; i++) {
        if ((labels[i] = PyUnicode_InternFromString(sie_balance_labels[i] + 1)) == NULL) {
            return -1;
        }
    }
    return 0;
}

/* hook(*args) with the line number appended; each of args is a new reference or NULL
 * (an error already set), and all of them are released here. */
static PyObject *
call_hook(Lines *self, int hook, PyObject **args, int n, Py_ssize_t lineno)
{
    PyObject *result = NULL;
    int ok = 1;
    if (lineno >= 0) {
        args[n++] = PyLong_FromSsize_t(lineno);
    }
    for (int i = 0; i < n; i++) {
        ok = ok && args[i] != NULL;
    }
    if (ok) {
        result = PyObject_Vectorcall(self->hooks[hook], args, n, NULL);
    }
    for (int i = 0; i < n; i++) {
        Py_XDECREF(args[i]);
    }
    return result;
}

static PyObject *
bytes_of(Span s)
{
    return PyBytes_FromStringAndSize(s.p, s.n);
}

/* 1 when the hook answered True, 0 for False, -1 on error. */
static int
truth(PyObject *result)
{
    int yes = result == NULL ? -1 : PyObject_IsTrue(result);
    Py_XDECREF(result);
    return yes;
}

int
sie_learn_objects(Lines *self, Span inner, Py_ssize_t lineno, Span *covered, PyObject **keep)
{
    int found = sie_known(&self->m_objs, self->objcache, inner.p, inner.n, &covered->p,
                          &covered->n);
    if (found != 0) {
        return found;
    }
    for (Py_ssize_t i = 0; i < inner.n; i++) {
        if ((unsigned char)inner.p[i] >= 0x80) {
            return 0; /* decoded by the line's own encoding, which Python determines */
        }
    }
    PyObject *items = sie_items(inner.p, inner.p + inner.n);
    if (items == Py_None) {
        Py_DECREF(items);
        return 0;
    }
    PyObject *args[3] = {bytes_of(inner), items};
    PyObject *value = call_hook(self, HOOK_OBJECTS, args, 2, lineno);
    if (value == NULL) {
        return -1;
    }
    Py_ssize_t size = PyDict_GET_SIZE(self->objcache);
    if (size < self->objcache_size) {
        sie_memo_clear(&self->m_objs); /* the hook cleared the cache to bound it */
    }
    self->objcache_size = size;
    PyObject *bytes = PyTuple_Check(value) && PyTuple_GET_SIZE(value) == 2
                          ? PyTuple_GET_ITEM(value, 1)
                          : NULL;
    if (bytes == NULL || !PyBytes_Check(bytes)) {
        Py_DECREF(value);
        PyErr_SetString(PyExc_TypeError, "the objects hook must return (objects, bytes)");
        return -1;
    }
    covered->p = PyBytes_AS_STRING(bytes);
    covered->n = PyBytes_GET_SIZE(bytes);
    *keep = value;
    return 1;
}

int
sie_learn_account(Lines *self, Span acct, Py_ssize_t lineno)
{
    int found = sie_known(&self->m_accounts, self->accounts, acct.p, acct.n, NULL, NULL);
    if (found != 0) {
        return found;
    }
    PyObject *args[2] = {bytes_of(acct)};
    PyObject *result = call_hook(self, HOOK_ACCOUNT, args, 1, lineno);
    Py_XDECREF(result);
    return result == NULL ? -1 : 1;
}

int
sie_learn_date(Lines *self, Span date, int in_year)
{
    Memo *memo = in_year ? &self->m_dates : &self->m_any;
    PyObject *cache = in_year ? self->good_dates : self->any_dates;
    int found = sie_known(memo, cache, date.p, date.n, NULL, NULL);
    if (found != 0) {
        return found;
    }
    PyObject *args[2] = {bytes_of(date), Py_NewRef(in_year ? Py_True : Py_False)};
    return truth(call_hook(self, HOOK_DATE, args, 2, -1));
}

/* The #KSUMMA bytes of a balance record: its fields as lexer.covered_bytes joins them. */
static uint32_t
crc_balance(uint32_t crc, const Bal *b, PyObject *items)
{
    const char *name = sie_balance_labels[b->kind];
    crc = sie_crc_add(crc, name, (Py_ssize_t)strlen(name));
    const Span *head[3] = {&b->year, &b->period, &b->acct};
    for (int i = 0; i < 3; i++) {
        crc = sie_crc_add(crc, head[i]->p, head[i]->n);
    }
    for (Py_ssize_t i = 0; items != Py_None && i < PyTuple_GET_SIZE(items); i++) {
        PyObject *item = PyTuple_GET_ITEM(items, i);
        crc = sie_crc_add(crc, PyBytes_AS_STRING(item), PyBytes_GET_SIZE(item));
    }
    crc = sie_crc_add(crc, b->amount.p, b->amount.n);
    return sie_crc_add(crc, b->qty.p, b->qty.n);
}

int
sie_balance_step(Lines *self, Run *r, const char *line, Py_ssize_t len)
{
    const char *e = sie_content_end(line, len);
    Bal b;
    if (r->n_ver > 0 || e == NULL || !sie_parse_balance(line, e, &b)) {
        return 0; /* #VER counted here, not yet in the counts: the label order would differ */
    }
    int kind = sie_line_kind(self->quick, line, len);
    if (kind == LINE_CLASSIFY) {
        return 0;
    }
    PyObject *items = b.has_list ? sie_items(b.inner.p, b.inner.p + b.inner.n) : Py_NewRef(Py_None);
    if (items == NULL || (items == Py_None && b.has_list)) {
        Py_XDECREF(items);
        return items == NULL ? -1 : 0;
    }
    /* label, year, period, account, items, amount (+ line): records.parse_balance's fields */
    PyObject *args[7] = {
        Py_NewRef(labels[b.kind]),
        PyLong_FromLong(b.year_v),
        b.kind >= BAL_PSALDO ? PyLong_FromLong(b.period_v) : Py_NewRef(Py_None),
        bytes_of(b.acct),
        Py_NewRef(items),
        bytes_of(b.amount),
    };
    int done = truth(call_hook(self, HOOK_BALANCE, args, 6, r->lineno));
    if (done == 1) {
        if (r->crc_on) {
            r->crc = crc_balance(r->crc, &b, items);
        }
        if (line[len - 2] == '\r') { /* a complete line of at least "#IB 0 1 0\n" */
            self->n_crlf++;
        }
        else {
            self->n_lf++;
        }
        self->n_plain += kind == LINE_PLAIN && self->quick != QUICK_NEVER;
    }
    Py_DECREF(items);
    return done;
}
