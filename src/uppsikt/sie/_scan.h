/* _scan.h: the parts of the C accelerator and what they share: _scan.c (the Lines object
 * and the module), _scan_steps.c (one line in each phase), _scan_balances.c (balance records,
 * and what is seen for the first time, with the reader's hooks), _scan_lex.c (the fields of
 * lines, the encoding quick check) and _scan_memo.c (CRC-32, the memo of cache keys). */
#ifndef UPPSIKT_SIE_SCAN_H
#define UPPSIKT_SIE_SCAN_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* How a non-ASCII line is judged; mirrors encoding.quick_check. */
enum { QUICK_CP437 = 0, QUICK_LATIN1 = 1, QUICK_ALWAYS = 2, QUICK_NEVER = 3 };

enum { MEMO_SLOTS = 4096, MEMO_BYTES = 48 };

typedef struct {
    uint32_t hash;
    uint8_t used, klen, vlen;
    char data[MEMO_BYTES]; /* key, then value */
} MemoEntry;

typedef struct {
    MemoEntry *slots;
    int count;
} Memo;

typedef struct {
    const char *p;
    Py_ssize_t n;
} Span;

typedef struct {
    Span acct, inner, amount, date, text, qty;
    long long ore;
} Trans;

typedef struct {
    Span series, number, date, text, reg;
} Ver;

/* The balance records, in the order of sie_balance_labels ("#IB", ...). */
enum { BAL_IB, BAL_UB, BAL_RES, BAL_OIB, BAL_OUB, BAL_PSALDO, BAL_PBUDGET, N_BALANCE };
extern const char *const sie_balance_labels[N_BALANCE];

typedef struct {
    int kind, has_list;
    Span year, period, acct, inner, amount, qty;
    long year_v, period_v;
} Bal;

/* The reader's hooks (speedups.hooks), called for what its caches do not settle. */
enum { HOOK_OBJECTS, HOOK_ACCOUNT, HOOK_DATE, HOOK_BALANCE, N_HOOKS };

/* How a line stands to the encoding check of reader.py: pure ASCII, non-ASCII but
 * passing encoding.quick_check (counted as a "plain" line of the base encoding), or in
 * need of encoding.classify_line, which only Python does. */
enum { LINE_ASCII, LINE_PLAIN, LINE_CLASSIFY };

/* zlib.crc32(data, crc); sie_crc_init() fills the table once. */
void sie_crc_init(void);
uint32_t sie_crc_add(uint32_t crc, const char *data, Py_ssize_t n);

void sie_memo_clear(Memo *m);
/* Whether key is in the Python set or dict (memo first): 1, 0, or -1 on error. */
int sie_known(Memo *m, PyObject *container, const char *key, Py_ssize_t n, const char **v,
              Py_ssize_t *vn);

/* The content of a complete line without \r?\n, or NULL. */
const char *sie_content_end(const char *line, Py_ssize_t len);
/* 1 when the line has the form of lexer.TRANS_FAST / VER_FAST, with its fields. */
int sie_parse_trans(const char *p, const char *e, Trans *t);
int sie_parse_ver(const char *p, const char *e, Ver *v);
/* 1 when the line is a balance record parse_balance takes without a finding. */
int sie_parse_balance(const char *p, const char *e, Bal *b);
/* The items of an object list (text between the braces) as a tuple of bytes; None (a new
 * reference) when they are not for C to split; NULL on error. */
PyObject *sie_items(const char *p, const char *e);
/* LINE_ASCII, LINE_PLAIN or LINE_CLASSIFY. */
int sie_line_kind(int quick, const char *line, Py_ssize_t n);

enum { IDLE = 1, OPEN = 2, BLOCK = 3 }; /* phases of the loop, as in speedups.py */

typedef struct {
    PyObject_HEAD
    PyObject *stream; /* a binary stream with readinto() */
    Py_ssize_t limit;
    char *buf;
    Py_ssize_t cap, pos, end;
    int eof;
    Py_ssize_t cur, curlen; /* the line last handed to Python, still in buf (cur >= 0) */
    /* the reader's caches, from configure() */
    PyObject *objcache, *accounts, *good_dates, *any_dates;
    PyObject *hooks[N_HOOKS];
    int quick;
    Memo m_objs, m_accounts, m_dates, m_any;
    Py_ssize_t objcache_size;
    /* totals that reader.py adds to its own at the end */
    Py_ssize_t n_fast, n_plain, n_tx, n_crlf, n_lf, closed;
    /* the last #VER opened by run(): series, number, date, regdate, one after another */
    char *ver;
    Py_ssize_t ver_cap, ver_len[4], ver_line;
} Lines;

/* The reading state that run() shares with reader.py's loop. */
typedef struct {
    int phase, crc_on, vrest_zero, opened;
    long long vsum; /* öre of the open voucher */
    uint32_t crc;
    Py_ssize_t lineno, n_ver;
} Run;

/* One line in the current phase: 1 handled, 0 for Python, -1 error. */
int sie_step(Lines *self, Run *r, const char *line, Py_ssize_t len);

/* _scan_balances.c. The label strings, once; 0 or -1. */
int sie_balances_init(void);
/* A balance record when no voucher is open: 1 handled, 0 for Python, -1 error. */
int sie_balance_step(Lines *self, Run *r, const char *line, Py_ssize_t len);
/* Whether the object list, account or date is known, after asking the reader's hook when
 * it is new: 1 (*covered and *keep, a reference to hold while it is used, set for a list),
 * 0 for Python, -1 error. `in_year`: a date must lie in a #RAR year (else any valid date). */
int sie_learn_objects(Lines *self, Span inner, Py_ssize_t lineno, Span *covered,
                      PyObject **keep);
int sie_learn_account(Lines *self, Span acct, Py_ssize_t lineno);
int sie_learn_date(Lines *self, Span date, int in_year);

#endif
