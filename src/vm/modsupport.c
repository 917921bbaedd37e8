/* modsupport.c -- Py_BuildValue: building Python values from C values.
 *
 * A format describes the result: one code gives that object, several
 * codes give a tuple, "(...)", "[...]" and "{...}" nest tuples, lists and
 * dicts.  Codes (CPython's): b B h H i I l k L K n (integers), c C (one
 * byte / one character), d f (float), s z U y with optional '#' length
 * (str, bytes), O S (any object, new reference taken), N (object whose
 * reference is stolen), O& (converter).  Spaces, tabs, ',' and ':' are
 * separators.
 *
 * Error handling follows CPython: when an item fails, the remaining items
 * are still walked so that every 'N' argument is released exactly once,
 * then NULL is returned.
 */
#include "pycore.h"
#include "rp_object.h"

static PyObject *do_mkvalue(const char **, va_list *);

/* Release the 'N' objects of the next n items (after an error). */
static void
do_ignore(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    PyObject *v = PyTuple_New(n);
    Py_ssize_t i;
    PyObject *exc = PyErr_GetRaisedException();
    for (i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(p_format, p_va);
        if (w != NULL) {
            if (v != NULL)
                PyTuple_SET_ITEM(v, i, w);
            else
                Py_DECREF(w);
        }
        else {
            PyErr_Clear();
        }
    }
    Py_XDECREF(v);
    if (**p_format != endchar) {
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        Py_XDECREF(exc);
        return;
    }
    if (endchar)
        ++*p_format;
    PyErr_SetRaisedException(exc);
}

static Py_ssize_t
countformat(const char *format, char endchar)
{
    Py_ssize_t count = 0;
    int level = 0;
    while (level > 0 || *format != endchar) {
        switch (*format) {
        case '\0':
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
            return -1;
        case '(': case '[': case '{':
            if (level == 0)
                count++;
            level++;
            break;
        case ')': case ']': case '}':
            level--;
            break;
        case '#': case '&': case ',': case ':': case ' ': case '\t':
            break;
        default:
            if (level == 0)
                count++;
        }
        format++;
    }
    return count;
}

static PyObject *
do_mktuple(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    PyObject *v;
    Py_ssize_t i;
    if (n < 0)
        return NULL;
    if ((v = PyTuple_New(n)) == NULL) {
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(p_format, p_va);
        if (w == NULL) {
            do_ignore(p_format, p_va, endchar, n - i - 1);
            Py_DECREF(v);
            return NULL;
        }
        PyTuple_SET_ITEM(v, i, w);
    }
    if (**p_format != endchar) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar)
        ++*p_format;
    return v;
}

static PyObject *
do_mklist(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    PyObject *v;
    Py_ssize_t i;
    if (n < 0)
        return NULL;
    if ((v = PyList_New(n)) == NULL) {
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(p_format, p_va);
        if (w == NULL) {
            do_ignore(p_format, p_va, endchar, n - i - 1);
            Py_DECREF(v);
            return NULL;
        }
        PyList_SET_ITEM(v, i, w);
    }
    if (**p_format != endchar) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar)
        ++*p_format;
    return v;
}

static PyObject *
do_mkdict(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    PyObject *d;
    Py_ssize_t i;
    if (n < 0)
        return NULL;
    if (n % 2) {
        PyErr_SetString(PyExc_SystemError, "Bad dict format");
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    if ((d = PyDict_New()) == NULL) {
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    for (i = 0; i < n; i += 2) {
        PyObject *k, *v;
        k = do_mkvalue(p_format, p_va);
        if (k == NULL) {
            do_ignore(p_format, p_va, endchar, n - i - 1);
            Py_DECREF(d);
            return NULL;
        }
        v = do_mkvalue(p_format, p_va);
        if (v == NULL || PyDict_SetItem(d, k, v) < 0) {
            do_ignore(p_format, p_va, endchar, n - i - 2);
            Py_DECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    if (**p_format != endchar) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar)
        ++*p_format;
    return d;
}

/* A str or bytes item: 's', 'z', 'U', 'y' with optional '#'. */
static PyObject *
mk_string(char kind, const char **p_format, va_list *p_va)
{
    const char *str = va_arg(*p_va, const char *);
    Py_ssize_t n;
    if (**p_format == '#') {
        ++*p_format;
        n = va_arg(*p_va, Py_ssize_t);
    }
    else
        n = -1;
    if (str == NULL) {
        if (kind == 'y') {
            PyErr_SetString(PyExc_SystemError, "NULL string passed to Py_BuildValue");
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (n < 0)
        n = (Py_ssize_t)strlen(str);
    if (kind == 'y')
        return PyBytes_FromStringAndSize(str, n);
    return PyUnicode_FromStringAndSize(str, n);
}

static PyObject *
do_mkvalue(const char **p_format, va_list *p_va)
{
    for (;;) {
        switch (*(*p_format)++) {
        case '(':
            return do_mktuple(p_format, p_va, ')', countformat(*p_format, ')'));
        case '[':
            return do_mklist(p_format, p_va, ']', countformat(*p_format, ']'));
        case '{':
            return do_mkdict(p_format, p_va, '}', countformat(*p_format, '}'));
        case 'b': case 'B': case 'h': case 'i':
            return PyLong_FromLong((long)va_arg(*p_va, int));
        case 'H':
            return PyLong_FromLong((long)va_arg(*p_va, unsigned int));
        case 'I':
            return PyLong_FromUnsignedLong((unsigned long)va_arg(*p_va, unsigned int));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*p_va, Py_ssize_t));
        case 'l':
            return PyLong_FromLong(va_arg(*p_va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*p_va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*p_va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*p_va, unsigned long long));
        case 'f': case 'd':
            return PyFloat_FromDouble(va_arg(*p_va, double));
        case 'c': {
            char p = (char)va_arg(*p_va, int);
            return PyBytes_FromStringAndSize(&p, 1);
        }
        case 'C': {
            int i = va_arg(*p_va, int);
            return PyUnicode_FromOrdinal(i);
        }
        case 's': case 'z': case 'U':
            return mk_string('s', p_format, p_va);
        case 'y':
            return mk_string('y', p_format, p_va);
        case 'N': case 'S': case 'O':
            if (**p_format == '&') {
                typedef PyObject *(*converter)(void *);
                converter func = va_arg(*p_va, converter);
                void *arg = va_arg(*p_va, void *);
                ++*p_format;
                return (*func)(arg);
            }
            else {
                PyObject *v = va_arg(*p_va, PyObject *);
                if (v != NULL) {
                    if (*(*p_format - 1) != 'N')
                        Py_INCREF(v);
                }
                else if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
                return v;
            }
        case ':': case ',': case ' ': case '\t':
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
            return NULL;
        }
    }
}

static PyObject *
va_build_value(const char *format, va_list va)
{
    const char *f = format;
    Py_ssize_t n = countformat(f, '\0');
    va_list lva;
    PyObject *retval;

    if (n < 0)
        return NULL;
    if (n == 0)
        Py_RETURN_NONE;
    va_copy(lva, va);
    if (n == 1)
        retval = do_mkvalue(&f, &lva);
    else
        retval = do_mktuple(&f, &lva, '\0', n);
    va_end(lva);
    return retval;
}

/* New reference. */
PyObject *
Py_BuildValue(const char *format, ...)
{
    va_list va;
    PyObject *r;
    va_start(va, format);
    r = va_build_value(format, va);
    va_end(va);
    return r;
}

/* New reference. */
PyObject *
Py_VaBuildValue(const char *format, va_list va)
{
    return va_build_value(format, va);
}
