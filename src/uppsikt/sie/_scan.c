/* _scan: the hot loop of uppsikt.sie's inspect() in C (optional; see speedups.py).
 *
 * `Lines(stream, limit)` iterates the lines of a binary stream exactly as
 * `iter(partial(stream.readline, limit), b"")` does. Its `run()` then takes over the
 * reading loop of reader.py for the lines that make up nearly all of a large file, in
 * the states where reader.py itself takes its fast paths:
 *
 *   IDLE   no open voucher:        a simple #VER (lexer.VER_FAST) opens one; a simple
 *                                  balance record is added up (_scan_balances.c)
 *   OPEN   a #VER before its {:    the line "{" starts its block
 *   BLOCK  inside a usable block:  a simple #TRANS (lexer.TRANS_FAST) is summed, "}"
 *                                  closes a voucher that balances
 *
 * A line is handled here only when the result is certain to be the one of the Python
 * path: it matches the fast pattern, needs no encoding classification, and its account,
 * date and object list are in the reader's caches or are put there by the reader's hooks
 * without a finding. Anything else is handed back to Python as the next line to read,
 * with the state reached so far, so every message and its line number still come from
 * the Python code. Nothing here allocates per #TRANS line except the rare cache probes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "_scan.h"

enum { CHUNK = 1 << 17 }; /* bytes asked of the stream at a time */

/* ---- The Lines object ----------------------------------------------------------------- */

/* Append up to CHUNK bytes of the stream to the buffer, read straight into it. */
static int
read_more(Lines *self)
{
    Py_ssize_t room = self->cap - self->end;
    char *into = self->buf + self->end;
    PyObject *view = PyMemoryView_FromMemory(into, room < CHUNK ? room : CHUNK, PyBUF_WRITE);
    if (view == NULL) {
        return -1;
    }
    PyObject *got = PyObject_CallMethod(self->stream, "readinto", "O", view);
    Py_DECREF(view);
    if (got == NULL) {
        return -1;
    }
    Py_ssize_t n = got == Py_None ? 0 : PyLong_AsSsize_t(got); /* None: nothing */
    Py_DECREF(got);
    if (n < 0 || n > room) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "readinto() returned an impossible count");
        }
        return -1;
    }
    self->end += n;
    self->eof = n == 0;
    return 0;
}

/* Keep the unread bytes and append the next chunk of the stream. */
static int
refill(Lines *self)
{
    Py_ssize_t rest = self->end - self->pos;
    memmove(self->buf, self->buf + self->pos, rest);
    self->pos = 0;
    self->end = rest;
    self->cur = -1;
    return read_more(self);
}

/* The next line as stream.readline(limit) returns it: 1, 0 at the end, -1 on error. */
static int
next_line(Lines *self, const char **line, Py_ssize_t *len)
{
    for (;;) {
        Py_ssize_t avail = self->end - self->pos;
        const char *s = self->buf + self->pos;
        const char *nl = memchr(s, '\n', avail < self->limit ? avail : self->limit);
        Py_ssize_t n = -1;
        if (nl != NULL) {
            n = nl - s + 1;
        }
        else if (avail >= self->limit || (self->eof && avail > 0)) {
            n = avail < self->limit ? avail : self->limit;
        }
        else if (self->eof) {
            return 0;
        }
        if (n >= 0) {
            self->cur = self->pos;
            self->curlen = n;
            self->pos += n;
            *line = s;
            *len = n;
            return 1;
        }
        if (refill(self) < 0) {
            return -1;
        }
    }
}

/* (series, number, date, regdate, line) of the #VER run() opened last. */
static PyObject *
opened_ver(const Lines *self)
{
    PyObject *t = PyTuple_New(5);
    const char *p = self->ver;
    for (int i = 0; t != NULL && i < 4; i++) {
        PyObject *b = PyBytes_FromStringAndSize(p, self->ver_len[i]);
        if (b == NULL) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, i, b);
        p += self->ver_len[i];
    }
    PyObject *line = t ? PyLong_FromSsize_t(self->ver_line) : NULL;
    if (line == NULL) {
        Py_XDECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 4, line);
    return t;
}

/* What run() hands back: (line or None at the end, lineno, phase, vsum, crc, opened
 * #VER or None, #VER count). */
static PyObject *
run_result(Lines *self, const Run *r, const char *line, Py_ssize_t len)
{
    PyObject *opened = Py_None;
    Py_INCREF(opened);
    if (r->opened && r->phase != IDLE) {
        Py_DECREF(opened);
        if ((opened = opened_ver(self)) == NULL) {
            return NULL;
        }
    }
    PyObject *raw = line ? PyBytes_FromStringAndSize(line, len) : Py_NewRef(Py_None);
    if (raw == NULL) {
        Py_DECREF(opened);
        return NULL;
    }
    return Py_BuildValue("NniLkNn", raw, r->lineno, r->phase, r->vsum, (unsigned long)r->crc,
                         opened, r->n_ver);
}

PyDoc_STRVAR(run_doc,
             "run(phase, lineno, vsum, crc_on, crc, vrest_zero)\n--\n\n"
             "Read on from the line last returned while the lines are common ones; None if\n"
             "that line itself is not, else the state reached (see reader.py).");

static PyObject *
Lines_run(Lines *self, PyObject *args)
{
    Run r = {0};
    PyObject *vsum;
    unsigned long crc;
    if (!PyArg_ParseTuple(args, "inOpkp", &r.phase, &r.lineno, &vsum, &r.crc_on, &crc,
                          &r.vrest_zero)) {
        return NULL;
    }
    int overflow;
    r.vsum = PyLong_AsLongLongAndOverflow(vsum, &overflow);
    if (r.vsum == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow || self->cur < 0 || self->objcache == NULL || r.phase < IDLE ||
        r.phase > BLOCK) {
        Py_RETURN_NONE; /* a sum beyond 64 bits, or not configured: Python goes on */
    }
    r.crc = (uint32_t)crc;
    Py_ssize_t size = PyDict_GET_SIZE(self->objcache);
    if (size < self->objcache_size) {
        sie_memo_clear(&self->m_objs); /* the reader cleared its cache: forget it too */
    }
    self->objcache_size = size;
    const char *line = self->buf + self->cur;
    Py_ssize_t len = self->curlen;
    int done = sie_step(self, &r, line, len);
    if (done == 0) {
        Py_RETURN_NONE; /* the line at hand is Python's */
    }
    while (done == 1) {
        done = next_line(self, &line, &len);
        if (done == 0) {
            return run_result(self, &r, NULL, 0); /* end of input */
        }
        if (done == 1) {
            r.lineno++;
            done = sie_step(self, &r, line, len);
        }
    }
    return done < 0 ? NULL : run_result(self, &r, line, len);
}

PyDoc_STRVAR(configure_doc,
             "configure(objcache, accounts, good_dates, any_dates, quick, hooks)\n--\n\n"
             "The reader's caches that run() consults, how it judges non-ASCII lines\n"
             "(0 CP437, 1 Latin-1, 2 always classify, 3 never), and the reader's hooks\n"
             "(objects, account, date, balance) for what the caches do not settle.");

static PyObject *
Lines_configure(Lines *self, PyObject *args)
{
    PyObject *objcache, *accounts, *good_dates, *any_dates, *hooks;
    int quick;
    if (!PyArg_ParseTuple(args, "O!O!O!O!iO!", &PyDict_Type, &objcache, &PySet_Type, &accounts,
                          &PyDict_Type, &good_dates, &PyDict_Type, &any_dates, &quick,
                          &PyTuple_Type, &hooks)) {
        return NULL;
    }
    if (quick < QUICK_CP437 || quick > QUICK_NEVER) {
        PyErr_SetString(PyExc_ValueError, "quick must be 0-3");
        return NULL;
    }
    if (PyTuple_GET_SIZE(hooks) != N_HOOKS) {
        PyErr_SetString(PyExc_ValueError, "hooks must be (objects, account, date, balance)");
        return NULL;
    }
    for (int i = 0; i < N_HOOKS; i++) {
        if (!PyCallable_Check(PyTuple_GET_ITEM(hooks, i))) {
            PyErr_SetString(PyExc_TypeError, "the hooks must be callable");
            return NULL;
        }
    }
    Memo *memos[4] = {&self->m_objs, &self->m_accounts, &self->m_dates, &self->m_any};
    for (int i = 0; i < 4; i++) {
        if (memos[i]->slots == NULL &&
            (memos[i]->slots = PyMem_Calloc(MEMO_SLOTS, sizeof(MemoEntry))) == NULL) {
            return PyErr_NoMemory();
        }
        sie_memo_clear(memos[i]);
    }
    Py_XSETREF(self->objcache, Py_NewRef(objcache));
    Py_XSETREF(self->accounts, Py_NewRef(accounts));
    Py_XSETREF(self->good_dates, Py_NewRef(good_dates));
    Py_XSETREF(self->any_dates, Py_NewRef(any_dates));
    for (int i = 0; i < N_HOOKS; i++) {
        Py_XSETREF(self->hooks[i], Py_NewRef(PyTuple_GET_ITEM(hooks, i)));
    }
    self->quick = quick;
    self->objcache_size = 0;
    Py_RETURN_NONE;
}

static PyObject *
Lines_next(Lines *self)
{
    const char *line;
    Py_ssize_t len;
    int got = next_line(self, &line, &len);
    return got == 1 ? PyBytes_FromStringAndSize(line, len) : NULL; /* NULL: stop or error */
}

static int
Lines_init(Lines *self, PyObject *args, PyObject *kwds)
{
    static char *names[] = {"stream", "limit", NULL};
    PyObject *stream;
    Py_ssize_t limit;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On", names, &stream, &limit)) {
        return -1;
    }
    if (limit < 1 || limit > PY_SSIZE_T_MAX / 2 - CHUNK) {
        PyErr_SetString(PyExc_ValueError, "limit out of range");
        return -1;
    }
    Py_XSETREF(self->stream, Py_NewRef(stream));
    PyMem_Free(self->buf);
    self->cap = limit + CHUNK; /* an unfinished line is shorter than limit */
    if ((self->buf = PyMem_Malloc(self->cap)) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->limit = limit;
    self->pos = self->end = self->eof = 0;
    self->cur = -1;
    return 0;
}

static void
Lines_dealloc(Lines *self)
{
    Py_XDECREF(self->stream);
    Py_XDECREF(self->objcache);
    Py_XDECREF(self->accounts);
    Py_XDECREF(self->good_dates);
    Py_XDECREF(self->any_dates);
    for (int i = 0; i < N_HOOKS; i++) {
        Py_XDECREF(self->hooks[i]);
    }
    PyMem_Free(self->buf);
    PyMem_Free(self->ver);
    PyMem_Free(self->m_objs.slots);
    PyMem_Free(self->m_accounts.slots);
    PyMem_Free(self->m_dates.slots);
    PyMem_Free(self->m_any.slots);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Lines_methods[] = {
    {"run", (PyCFunction)Lines_run, METH_VARARGS, run_doc},
    {"configure", (PyCFunction)Lines_configure, METH_VARARGS, configure_doc},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Lines_members[] = {
    {"n_fast", T_PYSSIZET, offsetof(Lines, n_fast), READONLY, "#TRANS lines handled"},
    {"n_plain", T_PYSSIZET, offsetof(Lines, n_plain), READONLY, "non-ASCII lines, base"},
    {"n_tx", T_PYSSIZET, offsetof(Lines, n_tx), READONLY, "voucher lines counted"},
    {"n_crlf", T_PYSSIZET, offsetof(Lines, n_crlf), READONLY, "brace lines ending CRLF"},
    {"n_lf", T_PYSSIZET, offsetof(Lines, n_lf), READONLY, "brace lines ending LF"},
    {"closed", T_PYSSIZET, offsetof(Lines, closed), READONLY, "vouchers closed"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject LinesType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "uppsikt.sie._scan.Lines",
    .tp_doc = PyDoc_STR("Lines(stream, limit): the lines of a binary stream, as readline(limit)"
                        " gives them, and run() for the common ones."),
    .tp_basicsize = sizeof(Lines),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Lines_init,
    .tp_dealloc = (destructor)Lines_dealloc,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)Lines_next,
    .tp_methods = Lines_methods,
    .tp_members = Lines_members,
};

static PyObject *
scan_crc32(PyObject *module, PyObject *args)
{
    (void)module;
    Py_buffer data;
    unsigned long crc = 0;
    if (!PyArg_ParseTuple(args, "y*|k", &data, &crc)) {
        return NULL;
    }
    uint32_t result = sie_crc_add((uint32_t)crc, data.buf, data.len);
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(result);
}

static PyMethodDef module_methods[] = {
    {"crc32", scan_crc32, METH_VARARGS, PyDoc_STR("crc32(data, crc=0): as zlib.crc32 (tests)")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scan_module = {
    PyModuleDef_HEAD_INIT, .m_name = "uppsikt.sie._scan",
    .m_doc = PyDoc_STR("C accelerator for uppsikt.sie's inspect(); see speedups.py."),
    .m_size = -1, .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__scan(void)
{
    sie_crc_init();
    if (sie_balances_init() < 0 || PyType_Ready(&LinesType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&scan_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Lines", (PyObject *)&LinesType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
