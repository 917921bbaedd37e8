/* getargs.c -- parsing the arguments of C functions.
 *
 * Two families live here:
 *
 *   - The format-string parsers of CPython's C API (PyArg_ParseTuple,
 *     PyArg_ParseTupleAndKeywords, PyArg_UnpackTuple), used by extension
 *     code written against Python.h.  A format is a sequence of codes
 *     ("O", "i", "s", "|", "$", "(...)", ":name", ";message"); each code
 *     consumes one argument and one or more C pointers from the va_list.
 *     The error messages are CPython's, character for character, because
 *     users see them in tracebacks.
 *
 *   - The vectorcall helpers refpy's own builtins use (CPython's Argument
 *     Clinic helpers): _PyArg_CheckPositional, _PyArg_NoKwnames and
 *     _PyArg_ParseFast, which matches keyword names against a static
 *     NULL-terminated list without building any dict or tuple.  They keep
 *     the fast path (positional arguments only, right count) free of any
 *     allocation or lookup.
 *
 * A va_list cannot portably be passed by value to helpers that must
 * advance it, so every helper receives a pointer to a va_copy'd list, as
 * CPython does.
 */
#include "pycore.h"
#include "rp_object.h"
#include <ctype.h>
#include <float.h>

static const char *convertitem(PyObject *, const char **, va_list *, int *,
                               char *, size_t);

/* ------------------------------------------------------------------ */
/* error reporting                                                     */
/* ------------------------------------------------------------------ */

static void
seterror(Py_ssize_t iarg, const char *msg, int *levels, const char *fname,
         const char *message)
{
    char buf[512];
    char *p = buf;

    if (PyErr_Occurred())
        return;
    if (message == NULL) {
        if (fname != NULL) {
            /* the name ends at the end of the format */
            snprintf(p, sizeof(buf), "%.200s() ", fname);
            p += strlen(p);
        }
        if (iarg != 0) {
            int i = 0;
            snprintf(p, sizeof(buf) - (size_t)(p - buf), "argument %zd", iarg);
            p += strlen(p);
            while (i < 32 && levels[i] > 0 && (int)(p - buf) < 220) {
                snprintf(p, sizeof(buf) - (size_t)(p - buf), ", item %d", levels[i] - 1);
                p += strlen(p);
                i++;
            }
        }
        else {
            snprintf(p, sizeof(buf) - (size_t)(p - buf), "argument");
            p += strlen(p);
        }
        snprintf(p, sizeof(buf) - (size_t)(p - buf), " %.256s", msg);
        message = buf;
    }
    if (msg[0] == '(')
        PyErr_SetString(PyExc_SystemError, message);
    else
        PyErr_SetString(PyExc_TypeError, message);
}

static const char *
converterr(const char *expected, PyObject *arg, char *msgbuf, size_t bufsize)
{
    if (expected[0] == '(')
        snprintf(msgbuf, bufsize, "%.100s", expected);
    else
        snprintf(msgbuf, bufsize, "must be %.50s, not %.50s", expected,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
    return msgbuf;
}

/* fname in a format string runs to the end ("...:name"); copy it out so
   that "%.200s" stops at the right place. */
static const char *
format_fname(const char *format, char *buf, size_t size)
{
    const char *p = strchr(format, ':');
    if (p == NULL)
        return NULL;
    snprintf(buf, size, "%s", p + 1);
    return buf;
}

/* ------------------------------------------------------------------ */
/* integer helpers                                                     */
/* ------------------------------------------------------------------ */

/* Value of an integer-like object reduced modulo 2**64 (the "mask"
   conversions B, H, I, k, K).  -1 + exception on error. */
static int
as_ulonglong_mask(PyObject *arg, unsigned long long *out)
{
    PyObject *idx = _PyNumber_Index(arg);
    int overflow = 0;
    long long v;
    if (idx == NULL)
        return -1;
    v = PyLong_AsLongLongAndOverflow(idx, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        Py_DECREF(idx);
        return -1;
    }
    if (!overflow) {
        *out = (unsigned long long)v;
        Py_DECREF(idx);
        return 0;
    }
    {
        PyObject *mask = PyLong_FromUnsignedLongLong(ULLONG_MAX);
        PyObject *r;
        if (mask == NULL) {
            Py_DECREF(idx);
            return -1;
        }
        r = PyNumber_And(idx, mask);
        Py_DECREF(mask);
        Py_DECREF(idx);
        if (r == NULL)
            return -1;
        *out = PyLong_AsUnsignedLongLong(r);
        Py_DECREF(r);
        if (*out == (unsigned long long)-1 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* converting one argument                                             */
/* ------------------------------------------------------------------ */

#define RETURN_ERR_OCCURRED return msgbuf

static const char *
convertsimple(PyObject *arg, const char **p_format, va_list *p_va,
              char *msgbuf, size_t bufsize)
{
    const char *format = *p_format;
    char c = *format++;

    switch (c) {
    case 'b': {
        char *p = va_arg(*p_va, char *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        if (ival < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            RETURN_ERR_OCCURRED;
        }
        if (ival > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is greater than maximum");
            RETURN_ERR_OCCURRED;
        }
        *p = (char)(unsigned char)ival;
        break;
    }
    case 'B': {
        char *p = va_arg(*p_va, char *);
        unsigned long long v;
        if (as_ulonglong_mask(arg, &v) < 0)
            RETURN_ERR_OCCURRED;
        *p = (char)(unsigned char)v;
        break;
    }
    case 'h': {
        short *p = va_arg(*p_va, short *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        if (ival < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            RETURN_ERR_OCCURRED;
        }
        if (ival > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is greater than maximum");
            RETURN_ERR_OCCURRED;
        }
        *p = (short)ival;
        break;
    }
    case 'H': {
        unsigned short *p = va_arg(*p_va, unsigned short *);
        unsigned long long v;
        if (as_ulonglong_mask(arg, &v) < 0)
            RETURN_ERR_OCCURRED;
        *p = (unsigned short)v;
        break;
    }
    case 'i': {
        int *p = va_arg(*p_va, int *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        if (ival > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            RETURN_ERR_OCCURRED;
        }
        if (ival < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            RETURN_ERR_OCCURRED;
        }
        *p = (int)ival;
        break;
    }
    case 'I': {
        unsigned int *p = va_arg(*p_va, unsigned int *);
        unsigned long long v;
        if (as_ulonglong_mask(arg, &v) < 0)
            RETURN_ERR_OCCURRED;
        *p = (unsigned int)v;
        break;
    }
    case 'n': {
        Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
        Py_ssize_t ival = -1;
        PyObject *iobj = _PyNumber_Index(arg);
        if (iobj != NULL) {
            ival = PyLong_AsSsize_t(iobj);
            Py_DECREF(iobj);
        }
        if (ival == -1 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        *p = ival;
        break;
    }
    case 'l': {
        long *p = va_arg(*p_va, long *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        *p = ival;
        break;
    }
    case 'k': {
        unsigned long *p = va_arg(*p_va, unsigned long *);
        unsigned long long v;
        if (!PyLong_Check(arg))
            return converterr("int", arg, msgbuf, bufsize);
        if (as_ulonglong_mask(arg, &v) < 0)
            RETURN_ERR_OCCURRED;
        *p = (unsigned long)v;
        break;
    }
    case 'L': {
        long long *p = va_arg(*p_va, long long *);
        long long ival = PyLong_AsLongLong(arg);
        if (ival == -1 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        *p = ival;
        break;
    }
    case 'K': {
        unsigned long long *p = va_arg(*p_va, unsigned long long *);
        unsigned long long v;
        if (!PyLong_Check(arg))
            return converterr("int", arg, msgbuf, bufsize);
        if (as_ulonglong_mask(arg, &v) < 0)
            RETURN_ERR_OCCURRED;
        *p = v;
        break;
    }
    case 'f': {
        float *p = va_arg(*p_va, float *);
        double d = PyFloat_AsDouble(arg);
        if (d == -1.0 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        *p = (float)d;
        break;
    }
    case 'd': {
        double *p = va_arg(*p_va, double *);
        double d = PyFloat_AsDouble(arg);
        if (d == -1.0 && PyErr_Occurred())
            RETURN_ERR_OCCURRED;
        *p = d;
        break;
    }
    case 'c': {
        char *p = va_arg(*p_va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1)
            *p = PyBytes_AS_STRING(arg)[0];
        else if (PyByteArray_Check(arg) && Py_SIZE(arg) == 1)
            *p = ((PyByteArrayObject *)arg)->ob_start[0];
        else
            return converterr("a byte string of length 1", arg, msgbuf, bufsize);
        break;
    }
    case 'C': {
        int *p = va_arg(*p_va, int *);
        if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1)
            return converterr("a unicode character", arg, msgbuf, bufsize);
        *p = (int)PyUnicode_READ_CHAR(arg, 0);
        break;
    }
    case 'p': {
        int *p = va_arg(*p_va, int *);
        int val = PyObject_IsTrue(arg);
        if (val < 0)
            RETURN_ERR_OCCURRED;
        *p = val;
        break;
    }
    case 'y': {
        const char **p = va_arg(*p_va, const char **);
        if (*format == '*')
            return converterr("(y* is not supported)", arg, msgbuf, bufsize);
        if (!PyBytes_Check(arg))
            return converterr("bytes", arg, msgbuf, bufsize);
        *p = PyBytes_AS_STRING(arg);
        if (*format == '#') {
            Py_ssize_t *psize = va_arg(*p_va, Py_ssize_t *);
            *psize = PyBytes_GET_SIZE(arg);
            format++;
        }
        else if (strlen(*p) != (size_t)PyBytes_GET_SIZE(arg)) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            RETURN_ERR_OCCURRED;
        }
        break;
    }
    case 's':
    case 'z': {
        if (*format == '*')
            return converterr("(s* is not supported)", arg, msgbuf, bufsize);
        if (*format == '#') {
            const char **p = va_arg(*p_va, const char **);
            Py_ssize_t *psize = va_arg(*p_va, Py_ssize_t *);
            format++;
            if (c == 'z' && arg == Py_None) {
                *p = NULL;
                *psize = 0;
            }
            else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
                if (s == NULL)
                    return converterr("(unicode conversion error)", arg, msgbuf, bufsize);
                *p = s;
                *psize = len;
            }
            else if (PyBytes_Check(arg)) {
                *p = PyBytes_AS_STRING(arg);
                *psize = PyBytes_GET_SIZE(arg);
            }
            else
                return converterr(c == 'z' ? "str, bytes-like object or None"
                                           : "str or bytes-like object",
                                  arg, msgbuf, bufsize);
        }
        else {
            const char **p = va_arg(*p_va, const char **);
            if (c == 'z' && arg == Py_None)
                *p = NULL;
            else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
                if (s == NULL)
                    return converterr("(unicode conversion error)", arg, msgbuf, bufsize);
                if (strlen(s) != (size_t)len) {
                    PyErr_SetString(PyExc_ValueError, "embedded null character");
                    RETURN_ERR_OCCURRED;
                }
                *p = s;
            }
            else
                return converterr(c == 'z' ? "str or None" : "str", arg, msgbuf, bufsize);
        }
        break;
    }
    case 'S': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyBytes_Check(arg))
            return converterr("bytes", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'Y': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyByteArray_Check(arg))
            return converterr("bytearray", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'U': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyUnicode_Check(arg))
            return converterr("str", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'O': {
        if (*format == '!') {
            PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
            PyObject **p = va_arg(*p_va, PyObject **);
            format++;
            if (!PyObject_TypeCheck(arg, type))
                return converterr(type->tp_name, arg, msgbuf, bufsize);
            *p = arg;
        }
        else if (*format == '&') {
            typedef int (*converter)(PyObject *, void *);
            converter convert = va_arg(*p_va, converter);
            void *addr = va_arg(*p_va, void *);
            int res;
            format++;
            if (!(res = convert(arg, addr)))
                return converterr("(unspecified)", arg, msgbuf, bufsize);
        }
        else {
            PyObject **p = va_arg(*p_va, PyObject **);
            *p = arg;
        }
        break;
    }
    default:
        return converterr("(impossible<bad format char>)", arg, msgbuf, bufsize);
    }
    *p_format = format;
    return NULL;
}

static const char *
converttuple(PyObject *arg, const char **p_format, va_list *p_va, int *levels,
             char *msgbuf, size_t bufsize)
{
    int level = 0, n = 0, i;
    const char *format = *p_format;
    Py_ssize_t len;

    for (;;) {
        int c = *format++;
        if (c == '(') {
            if (level == 0)
                n++;
            level++;
        }
        else if (c == ')') {
            if (level == 0)
                break;
            level--;
        }
        else if (c == ':' || c == ';' || c == '\0')
            break;
        else if (level == 0 && isalpha(c))
            n++;
    }

    if (!PySequence_Check(arg) || PyBytes_Check(arg)) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be %d-item sequence, not %.50s", n,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
        return msgbuf;
    }
    len = PySequence_Size(arg);
    if (len != n) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be sequence of length %d, not %zd", n, len);
        return msgbuf;
    }
    format = *p_format;
    for (i = 0; i < n; i++) {
        const char *msg;
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            PyErr_Clear();
            levels[0] = i + 1;
            levels[1] = 0;
            snprintf(msgbuf, bufsize, "is not retrievable");
            return msgbuf;
        }
        msg = convertitem(item, &format, p_va, levels + 1, msgbuf, bufsize);
        /* The borrowed outputs of items of a tuple stay valid as long as
           the tuple lives; for other sequences the caller gets what
           CPython gives (a reference that may dangle). */
        Py_DECREF(item);
        if (msg != NULL) {
            levels[0] = i + 1;
            return msg;
        }
    }
    *p_format = format;
    return NULL;
}

static const char *
convertitem(PyObject *arg, const char **p_format, va_list *p_va, int *levels,
            char *msgbuf, size_t bufsize)
{
    const char *msg;
    const char *format = *p_format;

    if (*format == '(') {
        format++;
        msg = converttuple(arg, &format, p_va, levels, msgbuf, bufsize);
        if (msg == NULL)
            format++;
    }
    else {
        msg = convertsimple(arg, &format, p_va, msgbuf, bufsize);
        if (msg != NULL)
            levels[0] = 0;
    }
    if (msg == NULL)
        *p_format = format;
    return msg;
}

/* Skip the C pointers of one format item whose argument is absent. */
static const char *
skipitem(const char **p_format, va_list *p_va)
{
    const char *format = *p_format;
    char c = *format++;

    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l':
    case 'k': case 'L': case 'K': case 'n': case 'f': case 'd': case 'D':
    case 'c': case 'C': case 'p': case 'S': case 'Y': case 'U':
        (void)va_arg(*p_va, void *);
        break;
    case 's': case 'z': case 'y': case 'w':
        (void)va_arg(*p_va, void *);
        if (*format == '#') {
            (void)va_arg(*p_va, Py_ssize_t *);
            format++;
        }
        else if (*format == '*')
            format++;
        break;
    case 'e':
        (void)va_arg(*p_va, const char *);
        if (*format != 's' && *format != 't')
            return "impossible<bad format char>";
        format++;
        (void)va_arg(*p_va, char **);
        if (*format == '#') {
            (void)va_arg(*p_va, Py_ssize_t *);
            format++;
        }
        break;
    case 'O':
        if (*format == '!') {
            format++;
            (void)va_arg(*p_va, PyTypeObject *);
            (void)va_arg(*p_va, PyObject **);
        }
        else if (*format == '&') {
            format++;
            (void)va_arg(*p_va, void *);
            (void)va_arg(*p_va, void *);
        }
        else
            (void)va_arg(*p_va, PyObject **);
        break;
    case '(': {
        const char *msg;
        for (;;) {
            if (*format == ')')
                break;
            if (*format == '\0' || *format == ';' || *format == ':' ||
                *format == '|' || *format == '$')
                return "Unmatched left paren in format string";
            msg = skipitem(&format, p_va);
            if (msg)
                return msg;
        }
        format++;
        break;
    }
    case ')':
        return "Unmatched right paren in format string";
    default:
        return "impossible<bad format char>";
    }
    *p_format = format;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* PyArg_ParseTuple                                                    */
/* ------------------------------------------------------------------ */

static int
vgetargs1(PyObject *args, const char *format, va_list *p_va)
{
    char msgbuf[256];
    char fnbuf[256];
    int levels[32];
    const char *fname = NULL, *message = NULL, *msg;
    const char *formatsave = format;
    int min = -1, max = 0, level = 0, endfmt = 0;
    Py_ssize_t i, nargs;
    PyObject *const *stack;

    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError,
                        "new style getargs format but argument is not a tuple");
        return 0;
    }
    stack = _PyTuple_ITEMS(args);
    nargs = PyTuple_GET_SIZE(args);

    while (endfmt == 0) {
        int c = *format++;
        switch (c) {
        case '(':
            if (level == 0)
                max++;
            level++;
            break;
        case ')':
            if (level > 0)
                level--;
            break;
        case '\0':
            endfmt = 1;
            break;
        case ':':
            fname = format;
            endfmt = 1;
            break;
        case ';':
            message = format;
            endfmt = 1;
            break;
        case '|':
            if (level == 0)
                min = max;
            break;
        default:
            if (level == 0 && isalpha(c) && c != 'e')
                max++;
            break;
        }
    }
    if (level != 0) {
        PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
        return 0;
    }
    if (min < 0)
        min = max;
    if (fname != NULL) {
        snprintf(fnbuf, sizeof(fnbuf), "%s", fname);
        fname = fnbuf;
    }
    format = formatsave;

    if (nargs < min || max < nargs) {
        if (message == NULL)
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                         fname == NULL ? "function" : fname,
                         fname == NULL ? "" : "()",
                         min == max ? "exactly" : nargs < min ? "at least" : "at most",
                         nargs < min ? min : max,
                         (nargs < min ? min : max) == 1 ? "" : "s",
                         nargs);
        else
            PyErr_SetString(PyExc_TypeError, message);
        return 0;
    }
    for (i = 0; i < nargs; i++) {
        if (*format == '|')
            format++;
        msg = convertitem(stack[i], &format, p_va, levels, msgbuf, sizeof(msgbuf));
        if (msg) {
            seterror(i + 1, msg, levels, fname, message);
            return 0;
        }
    }
    if (*format != '\0' && !isalpha(*format) && *format != '(' &&
        *format != '|' && *format != ':' && *format != ';') {
        PyErr_Format(PyExc_SystemError, "bad format string: %.200s", formatsave);
        return 0;
    }
    return 1;
}

int
PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    int r;
    va_list va, lva;
    va_start(va, format);
    va_copy(lva, va);
    r = vgetargs1(args, format, &lva);
    va_end(lva);
    va_end(va);
    return r;
}

/* ------------------------------------------------------------------ */
/* PyArg_ParseTupleAndKeywords                                         */
/* ------------------------------------------------------------------ */

#define IS_END_OF_FORMAT(c) ((c) == '\0' || (c) == ';' || (c) == ':')

static int
vgetargskeywords(PyObject *args, PyObject *kwargs, const char *format,
                 char **kwlist, va_list *p_va)
{
    char msgbuf[512];
    char fnbuf[256];
    int levels[32];
    const char *fname, *msg, *custom_msg;
    int min = INT_MAX, max = INT_MAX;
    int i, pos, len, skip = 0;
    Py_ssize_t nargs, nkwargs;
    PyObject *current_arg;

    fname = format_fname(format, fnbuf, sizeof(fnbuf));
    if (fname)
        custom_msg = NULL;
    else {
        custom_msg = strchr(format, ';');
        if (custom_msg)
            custom_msg++;
    }
    for (pos = 0; kwlist[pos] && !*kwlist[pos]; pos++)
        ;
    for (len = pos; kwlist[len]; len++) {
        if (!*kwlist[len]) {
            PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
            return 0;
        }
    }
    nargs = PyTuple_GET_SIZE(args);
    nkwargs = (kwargs == NULL) ? 0 : PyDict_GET_SIZE(kwargs);
    if (nargs + nkwargs > len) {
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname == NULL ? "function" : fname,
                     fname == NULL ? "" : "()",
                     len, nargs == 0 ? "keyword " : "",
                     len == 1 ? "" : "s", nargs + nkwargs);
        return 0;
    }

    for (i = 0; i < len; i++) {
        if (*format == '|') {
            if (min != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string (| specified twice)");
                return 0;
            }
            min = i;
            format++;
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ before |)");
                return 0;
            }
        }
        if (*format == '$') {
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ specified twice)");
                return 0;
            }
            max = i;
            format++;
            if (max < pos) {
                PyErr_SetString(PyExc_SystemError, "Empty parameter name after $");
                return 0;
            }
            if (skip)
                break;
            if (max < nargs) {
                if (max == 0)
                    PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments",
                                 fname == NULL ? "function" : fname,
                                 fname == NULL ? "" : "()");
                else
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes %s %d positional argument%s (%zd given)",
                                 fname == NULL ? "function" : fname,
                                 fname == NULL ? "" : "()",
                                 min != INT_MAX ? "at most" : "exactly",
                                 max, max == 1 ? "" : "s", nargs);
                return 0;
            }
        }
        if (IS_END_OF_FORMAT(*format)) {
            PyErr_Format(PyExc_SystemError,
                         "More keyword list entries (%d) than format specifiers (%d)", len, i);
            return 0;
        }
        if (!skip) {
            if (i < nargs)
                current_arg = PyTuple_GET_ITEM(args, i);
            else if (nkwargs && i >= pos) {
                current_arg = PyDict_GetItemString(kwargs, kwlist[i]);
                if (current_arg)
                    --nkwargs;
                else if (PyErr_Occurred())
                    return 0;
            }
            else
                current_arg = NULL;

            if (current_arg) {
                msg = convertitem(current_arg, &format, p_va, levels, msgbuf, sizeof(msgbuf));
                if (msg) {
                    seterror(i + 1, msg, levels, fname, custom_msg);
                    return 0;
                }
                continue;
            }
            if (i < min) {
                if (i < pos)
                    skip = 1;
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required argument '%s' (pos %d)",
                                 fname == NULL ? "function" : fname,
                                 fname == NULL ? "" : "()", kwlist[i], i + 1);
                    return 0;
                }
            }
            if (!nkwargs && !skip)
                return 1;
        }
        msg = skipitem(&format, p_va);
        if (msg) {
            PyErr_Format(PyExc_SystemError, "%s: '%s'", msg, format);
            return 0;
        }
    }

    if (skip) {
        int m = Py_MIN(pos, min);
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname == NULL ? "function" : fname,
                     fname == NULL ? "" : "()",
                     m < i ? "at least" : "exactly", m, m == 1 ? "" : "s", nargs);
        return 0;
    }
    if (!IS_END_OF_FORMAT(*format) && *format != '|' && *format != '$') {
        PyErr_Format(PyExc_SystemError,
                     "more argument specifiers than keyword list entries (remaining format:'%s')",
                     format);
        return 0;
    }
    if (nkwargs > 0) {
        PyObject *key;
        Py_ssize_t j = 0;
        for (i = pos; i < nargs; i++) {
            if (PyDict_GetItemString(kwargs, kwlist[i])) {
                PyErr_Format(PyExc_TypeError,
                             "argument for %.200s%s given by name ('%s') and position (%d)",
                             fname == NULL ? "function" : fname,
                             fname == NULL ? "" : "()", kwlist[i], i + 1);
                return 0;
            }
        }
        while (PyDict_Next(kwargs, &j, &key, NULL)) {
            int match = 0;
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return 0;
            }
            for (i = pos; i < len; i++) {
                if (_PyUnicode_EqualToASCIIString(key, kwlist[i])) {
                    match = 1;
                    break;
                }
            }
            if (!match) {
                PyErr_Format(PyExc_TypeError,
                             "'%U' is an invalid keyword argument for %.200s%s", key,
                             fname == NULL ? "this function" : fname,
                             fname == NULL ? "" : "()");
                return 0;
            }
        }
        PyErr_Format(PyExc_TypeError, "invalid keyword argument for %.200s%s",
                     fname == NULL ? "this function" : fname,
                     fname == NULL ? "" : "()");
        return 0;
    }
    return 1;
}

int
PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format,
                            char **keywords, ...)
{
    int r;
    va_list va, lva;
    if (args == NULL || !PyTuple_Check(args) ||
        (kw != NULL && !PyDict_Check(kw)) || format == NULL || keywords == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    va_start(va, keywords);
    va_copy(lva, va);
    r = vgetargskeywords(args, kw, format, keywords, &lva);
    va_end(lva);
    va_end(va);
    return r;
}

int
PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    Py_ssize_t pos = 0;
    PyObject *key;
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    while (PyDict_Next(kwargs, &pos, &key, NULL)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* unpacking and the vectorcall helpers                                */
/* ------------------------------------------------------------------ */

int
_PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                         name, (min == max ? "" : "at least "), min, min == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         (min == max ? "" : "at least "), min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs == 0)
        return 1;
    if (nargs > max) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                         name, (min == max ? "" : "at most "), max, max == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         (min == max ? "" : "at most "), max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

int
PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    Py_ssize_t i, nargs;
    va_list va;
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    nargs = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional(name, nargs, min, max))
        return 0;
    va_start(va, max);
    for (i = 0; i < nargs; i++) {
        PyObject **o = va_arg(va, PyObject **);
        *o = PyTuple_GET_ITEM(args, i);
    }
    va_end(va);
    return 1;
}

int
_PyArg_NoKwnames(const char *name, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", name);
    return 0;
}

int
_PyArg_NoKeywords(const char *name, PyObject *kwargs)
{
    if (kwargs == NULL)
        return 1;
    if (!PyDict_CheckExact(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", name);
    return 0;
}

int
_PyArg_NoPositional(const char *name, PyObject *args)
{
    if (args == NULL)
        return 1;
    if (!PyTuple_CheckExact(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", name);
    return 0;
}

/* Index of keyword name `key` in kwlist[posonly..total), or -1. */
static int
find_kwlist_index(PyObject *key, const char *const *kwlist, int posonly, int total)
{
    int i;
    for (i = posonly; i < total; i++) {
        if (_PyUnicode_EqualToASCIIString(key, kwlist[i]))
            return i;
    }
    return -1;
}

/* CPython's _PyArg_UnpackKeywords, driven by a C string list instead of a
   parser struct.  fname may be NULL ("function"). */
int
_PyArg_ParseFast(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                 PyObject *kwnames, const char *const *kwlist, int posonly,
                 int minpos, int maxpos, int minkw, PyObject **out)
{
    int i, maxargs, minposonly;
    int reqlimit = minkw ? maxpos + minkw : minpos;
    Py_ssize_t nkwargs = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    const char *fn = fname == NULL ? "function" : fname;
    const char *par = fname == NULL ? "" : "()";

    for (maxargs = 0; kwlist[maxargs]; maxargs++)
        ;
    minposonly = Py_MIN(posonly, minpos);

    if (nkwargs == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos) {
        for (i = 0; i < nargs; i++)
            out[i] = args[i];
        for (; i < maxargs; i++)
            out[i] = NULL;
        return 1;
    }
    if (nargs + nkwargs > maxargs) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fn, par, maxargs, nargs == 0 ? "keyword " : "",
                     maxargs == 1 ? "" : "s", nargs + nkwargs);
        return 0;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fn, par);
        else
            PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                         fn, par, minpos < maxpos ? "at most" : "exactly", maxpos,
                         maxpos == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs < minposonly) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fn, par, minposonly < maxpos ? "at least" : "exactly", minposonly,
                     minposonly == 1 ? "" : "s", nargs);
        return 0;
    }
    for (i = 0; i < nargs; i++)
        out[i] = args[i];
    for (; i < maxargs; i++)
        out[i] = NULL;

    /* place the keyword values; remember the problems for later so that
       the errors come in CPython's order (missing first) */
    {
        Py_ssize_t k, bad = -1, dup = -1;
        for (k = 0; k < nkwargs; k++) {
            PyObject *key = PyTuple_GET_ITEM(kwnames, k);
            int idx = find_kwlist_index(key, kwlist, posonly, maxargs);
            if (idx < 0) {
                if (bad < 0)
                    bad = k;
            }
            else if (idx < nargs) {
                if (dup < 0 || idx < dup)
                    dup = idx;
            }
            else
                out[idx] = args[nargs + k];
        }
        for (i = (int)Py_MAX(nargs, (Py_ssize_t)posonly); i < maxargs; i++) {
            if (out[i] == NULL && (i < minpos || (maxpos <= i && i < reqlimit))) {
                PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                             fn, par, kwlist[i], i + 1);
                return 0;
            }
        }
        if (dup >= 0) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %.200s%s given by name ('%s') and position (%d)",
                         fn, par, kwlist[dup], (int)dup + 1);
            return 0;
        }
        if (bad >= 0) {
            PyErr_Format(PyExc_TypeError, "'%S' is an invalid keyword argument for %.200s%s",
                         PyTuple_GET_ITEM(kwnames, bad),
                         fname == NULL ? "this function" : fname, par);
            return 0;
        }
    }
    return 1;
}
