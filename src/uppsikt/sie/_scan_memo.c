/* _scan_memo.c: the tables of the C accelerator (see _scan.c): CRC-32 as zlib computes it
 * for #KSUMMA, and a memo of keys found in the reader's Python caches. */
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
