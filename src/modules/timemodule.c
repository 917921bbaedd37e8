/* timemodule.c -- the time module.
 *
 * Clocks come from clock_gettime(): time() from CLOCK_REALTIME,
 * monotonic() and perf_counter() from CLOCK_MONOTONIC, process_time()
 * from CLOCK_PROCESS_CPUTIME_ID, thread_time() from
 * CLOCK_THREAD_CPUTIME_ID.  The float variants convert the nanosecond
 * count the way CPython does (exact seconds stay exact; otherwise ns as a
 * double divided by 1e9).  sleep() uses clock_nanosleep against an
 * absolute monotonic deadline so that a signal handler cannot stretch it.
 *
 * struct_time is a struct sequence with 9 visible fields and two hidden
 * ones (tm_zone, tm_gmtoff), as in CPython: len() is 9 and the repr shows
 * the visible fields only.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_modules.h"
#include <time.h>
#include <math.h>

#define SEC_TO_NS 1000000000LL

/* ------------------------------------------------------------------ */
/* clocks                                                              */
/* ------------------------------------------------------------------ */

static int
get_ns(clockid_t clk, long long *ns)
{
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    *ns = (long long)ts.tv_sec * SEC_TO_NS + ts.tv_nsec;
    return 0;
}

static PyObject *
ns_as_float(long long t)
{
    double d;
    if (t % SEC_TO_NS == 0)
        d = (double)(t / SEC_TO_NS);
    else {
        d = (double)t;
        d /= 1e9;
    }
    return PyFloat_FromDouble(d);
}

#define CLOCK_FUNCS(name, clk) \
    static PyObject *time_##name(PyObject *m, PyObject *Py_UNUSED(ignored)) \
    { long long t; if (get_ns(clk, &t) < 0) return NULL; return ns_as_float(t); } \
    static PyObject *time_##name##_ns(PyObject *m, PyObject *Py_UNUSED(ignored)) \
    { long long t; if (get_ns(clk, &t) < 0) return NULL; return PyLong_FromLongLong(t); }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* seconds (int or float) -> nanoseconds, rounding half-even like
   _PyTime_FromSecondsObject with _PyTime_ROUND_TIMEOUT (ceiling) */
static int
seconds_to_ns(PyObject *obj, long long *ns)
{
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj), intpart;
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d *= 1e9;
        d = ceil(d);
        intpart = d;
        if (!(intpart >= -9223372036854775808.0 && intpart < 9223372036854775808.0)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *ns = (long long)intpart;
        return 0;
    }
    {
        long long sec = PyLong_AsLongLong(obj);
        if (sec == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            }
            return -1;
        }
        if (sec > LLONG_MAX / SEC_TO_NS || sec < LLONG_MIN / SEC_TO_NS) {
            PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *ns = sec * SEC_TO_NS;
        return 0;
    }
}

static PyObject *
time_sleep(PyObject *m, PyObject *arg)
{
    long long ns, now, deadline;
    struct timespec ts;
    if (seconds_to_ns(arg, &ns) < 0)
        return NULL;
    if (ns < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (get_ns(CLOCK_MONOTONIC, &now) < 0)
        return NULL;
    deadline = now + ns;
    ts.tv_sec = (time_t)(deadline / SEC_TO_NS);
    ts.tv_nsec = (long)(deadline % SEC_TO_NS);
    for (;;) {
        int err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        if (err == 0)
            break;
        if (err != EINTR) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
        if (PyErr_CheckSignals() < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* struct_time                                                         */
/* ------------------------------------------------------------------ */

#define ST_VISIBLE 9
#define ST_FIELDS 11

static const char *const struct_time_fields[ST_FIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
    "tm_isdst", "tm_zone", "tm_gmtoff"};

static PyTypeObject StructTimeType;

static void
structtime_dealloc(PyObject *op)
{
    int i;
    PyObject_GC_UnTrack(op);
    for (i = 0; i < ST_FIELDS; i++)
        Py_XDECREF(((PyTupleObject *)op)->ob_item[i]);
    PyObject_GC_Del(op);
}

static int
structtime_traverse(PyObject *op, visitproc visit, void *arg)
{
    int i;
    for (i = 0; i < ST_FIELDS; i++)
        Py_VISIT(((PyTupleObject *)op)->ob_item[i]);
    return 0;
}

static PyObject *
structtime_repr(PyObject *op)
{
    _PyUnicodeWriter w;
    int i;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicodeWriter_WriteASCIIString(&w, "time.struct_time(", 17) < 0)
        goto error;
    for (i = 0; i < ST_VISIBLE; i++) {
        PyObject *r;
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&w, ", ", 2) < 0)
            goto error;
        if (_PyUnicodeWriter_WriteASCIIString(&w, struct_time_fields[i],
                                              (Py_ssize_t)strlen(struct_time_fields[i])) < 0 ||
            _PyUnicodeWriter_WriteChar(&w, '=') < 0)
            goto error;
        r = PyObject_Repr(((PyTupleObject *)op)->ob_item[i]);
        if (r == NULL)
            goto error;
        if (_PyUnicodeWriter_WriteStr(&w, r) < 0) {
            Py_DECREF(r);
            goto error;
        }
        Py_DECREF(r);
    }
    if (_PyUnicodeWriter_WriteChar(&w, ')') < 0)
        goto error;
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* New struct_time; STEALS the items (fields ST_VISIBLE.. may be NULL =
   None). */
static PyObject *
structtime_make(PyObject **items)
{
    PyTupleObject *op;
    int i;
    for (i = 0; i < ST_VISIBLE; i++) {
        if (items[i] == NULL) {
            for (i = 0; i < ST_FIELDS; i++)
                Py_XDECREF(items[i]);
            return NULL;
        }
    }
    op = PyObject_GC_NewVar(PyTupleObject, &StructTimeType, ST_FIELDS);
    if (op == NULL) {
        for (i = 0; i < ST_FIELDS; i++)
            Py_XDECREF(items[i]);
        return NULL;
    }
    for (i = 0; i < ST_FIELDS; i++)
        op->ob_item[i] = items[i] ? items[i] : Py_NewRef(Py_None);
    Py_SET_SIZE(op, ST_VISIBLE);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

static PyObject *
structtime_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sequence", "dict", NULL};
    PyObject *seq, *dict = NULL, *fast, *items[ST_FIELDS];
    Py_ssize_t n, i;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:structseq", kwlist, &seq, &dict))
        return NULL;
    fast = PySequence_Fast(seq, "constructor requires a sequence");
    if (fast == NULL)
        return NULL;
    n = PySequence_Fast_GET_SIZE(fast);
    if (n < ST_VISIBLE) {
        PyErr_Format(PyExc_TypeError, "time.struct_time() takes an at least %d-sequence (%zd-sequence given)",
                     ST_VISIBLE, n);
        Py_DECREF(fast);
        return NULL;
    }
    if (n > ST_FIELDS) {
        PyErr_Format(PyExc_TypeError, "time.struct_time() takes an at most %d-sequence (%zd-sequence given)",
                     ST_FIELDS, n);
        Py_DECREF(fast);
        return NULL;
    }
    for (i = 0; i < ST_FIELDS; i++)
        items[i] = i < n ? Py_NewRef(PySequence_Fast_GET_ITEM(fast, i)) : NULL;
    Py_DECREF(fast);
    return structtime_make(items);
}

static PyObject *
structtime_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *tup = _PyTuple_FromArray(((PyTupleObject *)op)->ob_item, ST_VISIBLE), *d, *r;
    if (tup == NULL)
        return NULL;
    d = PyDict_New();
    if (d == NULL || PyDict_SetItemString(d, "tm_zone", ((PyTupleObject *)op)->ob_item[9]) < 0 ||
        PyDict_SetItemString(d, "tm_gmtoff", ((PyTupleObject *)op)->ob_item[10]) < 0) {
        Py_DECREF(tup);
        Py_XDECREF(d);
        return NULL;
    }
    r = Py_BuildValue("(O(OO))", (PyObject *)Py_TYPE(op), tup, d);
    Py_DECREF(tup);
    Py_DECREF(d);
    return r;
}

static PyMethodDef structtime_methods[] = {
    {"__reduce__", (PyCFunction)structtime_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef structtime_members[ST_FIELDS + 1];

static int
structtime_init_type(void)
{
    int i;
    PyObject *v;
    if (StructTimeType.tp_flags & Py_TPFLAGS_READY)
        return 0;
    for (i = 0; i < ST_FIELDS; i++) {
        structtime_members[i].name = struct_time_fields[i];
        structtime_members[i].type = _Py_T_OBJECT;
        structtime_members[i].offset =
            (Py_ssize_t)(offsetof(PyTupleObject, ob_item) + (size_t)i * sizeof(PyObject *));
        structtime_members[i].flags = Py_READONLY;
    }
    StructTimeType.tp_name = "time.struct_time";
    StructTimeType.tp_basicsize = (Py_ssize_t)(sizeof(PyTupleObject) - sizeof(PyObject *));
    StructTimeType.tp_itemsize = (Py_ssize_t)sizeof(PyObject *);
    StructTimeType.tp_dealloc = structtime_dealloc;
    StructTimeType.tp_repr = structtime_repr;
    StructTimeType.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS;
    StructTimeType.tp_traverse = structtime_traverse;
    StructTimeType.tp_methods = structtime_methods;
    StructTimeType.tp_members = structtime_members;
    StructTimeType.tp_base = &PyTuple_Type;
    StructTimeType.tp_new = structtime_new;
    if (PyType_Ready(&StructTimeType) < 0)
        return -1;
    if ((v = PyLong_FromLong(ST_VISIBLE)) == NULL ||
        PyDict_SetItemString(StructTimeType.tp_dict, "n_sequence_fields", v) < 0) {
        Py_XDECREF(v);
        return -1;
    }
    Py_DECREF(v);
    if ((v = PyLong_FromLong(ST_FIELDS)) == NULL ||
        PyDict_SetItemString(StructTimeType.tp_dict, "n_fields", v) < 0) {
        Py_XDECREF(v);
        return -1;
    }
    Py_DECREF(v);
    if (PyDict_SetItemString(StructTimeType.tp_dict, "n_unnamed_fields", _PyLong_GetZero()) < 0)
        return -1;
    return 0;
}

static PyObject *
tm_to_struct(const struct tm *p, const char *zone, long gmtoff)
{
    PyObject *items[ST_FIELDS];
    items[0] = PyLong_FromLong((long)p->tm_year + 1900);
    items[1] = PyLong_FromLong(p->tm_mon + 1);
    items[2] = PyLong_FromLong(p->tm_mday);
    items[3] = PyLong_FromLong(p->tm_hour);
    items[4] = PyLong_FromLong(p->tm_min);
    items[5] = PyLong_FromLong(p->tm_sec);
    items[6] = PyLong_FromLong((p->tm_wday + 6) % 7);
    items[7] = PyLong_FromLong(p->tm_yday + 1);
    items[8] = PyLong_FromLong(p->tm_isdst);
    items[9] = zone ? PyUnicode_DecodeUTF8(zone, (Py_ssize_t)strlen(zone), "surrogateescape")
                    : Py_NewRef(Py_None);
    items[10] = PyLong_FromLong(gmtoff);
    if (items[9] == NULL || items[10] == NULL) {
        int i;
        for (i = 0; i < ST_FIELDS; i++)
            Py_XDECREF(items[i]);
        return NULL;
    }
    return structtime_make(items);
}

/* seconds argument of gmtime/localtime/ctime: None = now. */
static int
time_t_arg(PyObject *const *args, Py_ssize_t nargs, const char *name, time_t *out)
{
    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return -1;
    if (nargs == 0 || args[0] == Py_None) {
        *out = time(NULL);
        return 0;
    }
    if (PyFloat_Check(args[0])) {
        double d = PyFloat_AsDouble(args[0]);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = trunc(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    {
        long long v = PyLong_AsLongLong(args[0]);
        if (v == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError))
                PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)v;
        return 0;
    }
}

static PyObject *
time_gmtime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (time_t_arg(args, nargs, "gmtime", &t) < 0)
        return NULL;
    errno = 0;
    if (gmtime_r(&t, &buf) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return tm_to_struct(&buf, buf.tm_zone ? buf.tm_zone : "UTC", 0);
}

static PyObject *
time_localtime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (time_t_arg(args, nargs, "localtime", &t) < 0)
        return NULL;
    errno = 0;
    if (localtime_r(&t, &buf) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return tm_to_struct(&buf, buf.tm_zone, buf.tm_gmtoff);
}

/* tuple/struct_time -> struct tm (CPython's gettmarg + checktm) */
static int
gettmarg(PyObject *args, struct tm *p, const char *format)
{
    int y;
    memset(p, 0, sizeof(*p));
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (!PyArg_ParseTuple(args, format, &y, &p->tm_mon, &p->tm_mday, &p->tm_hour, &p->tm_min,
                          &p->tm_sec, &p->tm_wday, &p->tm_yday, &p->tm_isdst))
        return -1;
    if (y < INT_MIN + 1900) {
        PyErr_SetString(PyExc_OverflowError, "year out of range");
        return -1;
    }
    p->tm_year = y - 1900;
    p->tm_mon--;
    p->tm_wday = (p->tm_wday + 1) % 7;
    p->tm_yday--;
    if (Py_IS_TYPE(args, &StructTimeType)) {
        PyObject *item = ((PyTupleObject *)args)->ob_item[9];
        if (item != Py_None && PyUnicode_Check(item))
            p->tm_zone = (char *)PyUnicode_AsUTF8(item);
        item = ((PyTupleObject *)args)->ob_item[10];
        if (item != Py_None && PyLong_Check(item)) {
            p->tm_gmtoff = PyLong_AsLong(item);
            if (PyErr_Occurred())
                return -1;
        }
    }
    return 0;
}

static int
checktm(struct tm *buf)
{
    if (buf->tm_mon == -1)
        buf->tm_mon = 0;
    else if (buf->tm_mon < 0 || buf->tm_mon > 11) {
        PyErr_SetString(PyExc_ValueError, "month out of range");
        return 0;
    }
    if (buf->tm_mday == 0)
        buf->tm_mday = 1;
    else if (buf->tm_mday < 0 || buf->tm_mday > 31) {
        PyErr_SetString(PyExc_ValueError, "day of month out of range");
        return 0;
    }
    if (buf->tm_hour < 0 || buf->tm_hour > 23) {
        PyErr_SetString(PyExc_ValueError, "hour out of range");
        return 0;
    }
    if (buf->tm_min < 0 || buf->tm_min > 59) {
        PyErr_SetString(PyExc_ValueError, "minute out of range");
        return 0;
    }
    if (buf->tm_sec < 0 || buf->tm_sec > 61) {
        PyErr_SetString(PyExc_ValueError, "seconds out of range");
        return 0;
    }
    if (buf->tm_wday < 0) {
        PyErr_SetString(PyExc_ValueError, "day of week out of range");
        return 0;
    }
    if (buf->tm_yday == -1)
        buf->tm_yday = 0;
    else if (buf->tm_yday < 0 || buf->tm_yday > 365) {
        PyErr_SetString(PyExc_ValueError, "day of year out of range");
        return 0;
    }
    return 1;
}

static PyObject *
time_strftime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    struct tm buf;
    const char *fmt;
    size_t cap = 1024;
    if (!_PyArg_CheckPositional("strftime", nargs, 1, 2))
        return NULL;
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "strftime() argument 1 must be str, not %.50s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    if (nargs == 1 || args[1] == Py_None) {
        time_t t = time(NULL);
        localtime_r(&t, &buf);
    }
    else {
        if (gettmarg(args[1], &buf, "iiiiiiiii;strftime(): illegal time tuple argument") < 0)
            return NULL;
        if (!checktm(&buf))
            return NULL;
        if (buf.tm_isdst < -1)
            buf.tm_isdst = -1;
        else if (buf.tm_isdst > 1)
            buf.tm_isdst = 1;
    }
    fmt = PyUnicode_AsUTF8(args[0]);
    if (fmt == NULL)
        return NULL;
    if (fmt[0] == 0)
        return PyUnicode_FromString("");
    for (;;) {
        char *out = PyMem_Malloc(cap);
        size_t n;
        if (out == NULL)
            return PyErr_NoMemory();
        n = strftime(out, cap, fmt, &buf);
        if (n > 0 || cap >= 256 * strlen(fmt)) {
            PyObject *r = PyUnicode_DecodeUTF8(out, (Py_ssize_t)n, "surrogateescape");
            PyMem_Free(out);
            return r;
        }
        PyMem_Free(out);
        cap *= 2;
    }
}

static PyObject *
format_asctime(const struct tm *t)
{
    static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return PyUnicode_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d", wday_name[t->tm_wday],
                                mon_name[t->tm_mon], t->tm_mday, t->tm_hour, t->tm_min,
                                t->tm_sec, 1900 + t->tm_year);
}

static PyObject *
time_asctime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    struct tm buf;
    if (!_PyArg_CheckPositional("asctime", nargs, 0, 1))
        return NULL;
    if (nargs == 0 || args[0] == Py_None) {
        time_t t = time(NULL);
        localtime_r(&t, &buf);
    }
    else {
        if (gettmarg(args[0], &buf, "iiiiiiiii;asctime(): illegal time tuple argument") < 0)
            return NULL;
        if (!checktm(&buf))
            return NULL;
    }
    return format_asctime(&buf);
}

static PyObject *
time_ctime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (time_t_arg(args, nargs, "ctime", &t) < 0)
        return NULL;
    if (localtime_r(&t, &buf) == NULL) {
        PyErr_SetString(PyExc_OverflowError, "unconvertible time");
        return NULL;
    }
    return format_asctime(&buf);
}

static PyObject *
time_mktime(PyObject *m, PyObject *arg)
{
    struct tm buf;
    time_t tt;
    if (gettmarg(arg, &buf, "iiiiiiiii;mktime(): illegal time tuple argument") < 0)
        return NULL;
    buf.tm_wday = -1;
    tt = mktime(&buf);
    if (tt == (time_t)(-1) && buf.tm_wday == -1) {
        PyErr_SetString(PyExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return PyFloat_FromDouble((double)tt);
}

static PyObject *
time_get_clock_info(PyObject *m, PyObject *arg)
{
    const char *name, *impl;
    int monotonic, adjustable;
    clockid_t clk;
    struct timespec res;
    PyObject *d, *types, *ns_cls, *r;
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "get_clock_info() argument must be str, not %.50s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    name = PyUnicode_AsUTF8(arg);
    if (name == NULL)
        return NULL;
    if (strcmp(name, "time") == 0) {
        impl = "clock_gettime(CLOCK_REALTIME)"; clk = CLOCK_REALTIME; monotonic = 0; adjustable = 1;
    }
    else if (strcmp(name, "monotonic") == 0 || strcmp(name, "perf_counter") == 0) {
        impl = "clock_gettime(CLOCK_MONOTONIC)"; clk = CLOCK_MONOTONIC; monotonic = 1; adjustable = 0;
    }
    else if (strcmp(name, "process_time") == 0) {
        impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)"; clk = CLOCK_PROCESS_CPUTIME_ID;
        monotonic = 1; adjustable = 0;
    }
    else if (strcmp(name, "thread_time") == 0) {
        impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)"; clk = CLOCK_THREAD_CPUTIME_ID;
        monotonic = 1; adjustable = 0;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "unknown clock");
        return NULL;
    }
    if (clock_getres(clk, &res) != 0) {
        res.tv_sec = 0;
        res.tv_nsec = 1;
    }
    /* types.SimpleNamespace lives in sys.implementation's type */
    types = PySys_GetObject("implementation");
    if (types == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.implementation");
        return NULL;
    }
    ns_cls = (PyObject *)Py_TYPE(types);
    d = Py_BuildValue("{s:s,s:O,s:O,s:d}", "implementation", impl, "monotonic",
                      monotonic ? Py_True : Py_False, "adjustable", adjustable ? Py_True : Py_False,
                      "resolution", (double)res.tv_sec + (double)res.tv_nsec * 1e-9);
    if (d == NULL)
        return NULL;
    r = PyObject_Call(ns_cls, _PyTuple_GetEmpty(), d);
    if (r == NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
        /* the namespace type may not accept keywords: fill it by hand */
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        PyErr_Clear();
        r = PyObject_CallNoArgs(ns_cls);
        while (r != NULL && PyDict_Next(d, &pos, &key, &value)) {
            if (PyObject_SetAttr(r, key, value) < 0)
                Py_CLEAR(r);
        }
        if (r == NULL && !PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "cannot build clock info");
    }
    Py_DECREF(d);
    return r;
}

/* ------------------------------------------------------------------ */
/* module                                                              */
/* ------------------------------------------------------------------ */

#define NOARGS(name) {#name, (PyCFunction)time_##name, METH_NOARGS, NULL}
#define FAST(name) {#name, _PyCFunction_CAST(time_##name), METH_FASTCALL, NULL}

static PyMethodDef time_methods[] = {
    NOARGS(time), NOARGS(time_ns), NOARGS(monotonic), NOARGS(monotonic_ns),
    NOARGS(perf_counter), NOARGS(perf_counter_ns), NOARGS(process_time),
    NOARGS(process_time_ns), NOARGS(thread_time), NOARGS(thread_time_ns),
    {"sleep", (PyCFunction)time_sleep, METH_O, NULL},
    FAST(gmtime), FAST(localtime), FAST(strftime), FAST(asctime), FAST(ctime),
    {"mktime", (PyCFunction)time_mktime, METH_O, NULL},
    {"get_clock_info", (PyCFunction)time_get_clock_info, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef time_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "time",
    .m_doc = "This module provides various functions to manipulate time values.",
    .m_size = -1,
    .m_methods = time_methods,
};

PyObject *
PyInit_time(void)
{
    PyObject *m;
    time_t t;
    struct tm jan, jul;
    long janoff, juloff;
    const char *janname, *julname;

    if (structtime_init_type() < 0)
        return NULL;
    m = PyModule_Create(&time_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "struct_time", (PyObject *)&StructTimeType) < 0)
        goto error;

    /* timezone information, as CPython's init_timezone computes it */
    tzset();
    t = (time((time_t *)0) / (365 * 24 * 3600)) * (365 * 24 * 3600);
    localtime_r(&t, &jan);
    t += (365 * 24 * 3600) / 2;
    localtime_r(&t, &jul);
    janoff = -jan.tm_gmtoff;
    juloff = -jul.tm_gmtoff;
    janname = jan.tm_zone ? jan.tm_zone : "";
    julname = jul.tm_zone ? jul.tm_zone : "";
    if (janoff < juloff) {
        /* DST is reversed in the southern hemisphere */
        if (PyModule_AddIntConstant(m, "timezone", juloff) < 0 ||
            PyModule_AddIntConstant(m, "altzone", janoff) < 0 ||
            PyModule_AddIntConstant(m, "daylight", janoff != juloff) < 0 ||
            PyModule_Add(m, "tzname", Py_BuildValue("(ss)", julname, janname)) < 0)
            goto error;
    }
    else {
        if (PyModule_AddIntConstant(m, "timezone", janoff) < 0 ||
            PyModule_AddIntConstant(m, "altzone", juloff) < 0 ||
            PyModule_AddIntConstant(m, "daylight", janoff != juloff) < 0 ||
            PyModule_Add(m, "tzname", Py_BuildValue("(ss)", janname, julname)) < 0)
            goto error;
    }
    if (PyModule_AddIntConstant(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        PyModule_AddIntConstant(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
