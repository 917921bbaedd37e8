/* unicode_format.c -- PyUnicode_FromFormat / PyUnicode_FromFormatV, the
 * printf-like builder behind PyErr_Format and every error message.
 *
 * Supported (CPython 3.12): %% %c %d %i %u %x %X %o %p %s %U %V %S %R %A,
 * with the length modifiers l, ll, z, t, j, the flags '-' (left-justify)
 * and '0' (zero padding, numbers only), a width and a precision (digits
 * or '*').  For strings the width and precision count characters, except
 * that the precision of %s (and of %V's C string) counts bytes of the
 * UTF-8 input, which is decoded with the "replace" handler.  An unknown
 * conversion raises SystemError("invalid format string: ...").
 */
#include "pycore.h"
#include "unicode_internal.h"

static int
write_padded(_PyUnicodeWriter *w, PyObject *str, Py_ssize_t width, Py_ssize_t precision,
             int left)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), pad;
    if (precision >= 0 && len > precision)
        len = precision;
    pad = width > len ? width - len : 0;
    if (pad && !left) {
        if (_PyUnicodeWriter_Prepare(w, pad, ' ') < 0)
            return -1;
        for (Py_ssize_t i = 0; i < pad; i++)
            PyUnicode_WRITE(w->kind, w->data, w->pos + i, ' ');
        w->pos += pad;
    }
    if (_PyUnicodeWriter_WriteSubstring(w, str, 0, len) < 0)
        return -1;
    if (pad && left) {
        if (_PyUnicodeWriter_Prepare(w, pad, ' ') < 0)
            return -1;
        for (Py_ssize_t i = 0; i < pad; i++)
            PyUnicode_WRITE(w->kind, w->data, w->pos + i, ' ');
        w->pos += pad;
    }
    return 0;
}

static int
write_cstr(_PyUnicodeWriter *w, const char *s, Py_ssize_t width, Py_ssize_t precision, int left)
{
    Py_ssize_t n;
    PyObject *str;
    int r;
    if (s == NULL)
        s = "(null)";
    n = precision < 0 ? (Py_ssize_t)strlen(s) : (Py_ssize_t)strnlen(s, (size_t)precision);
    if (width < 0 && precision < 0)
        return _PyUnicodeWriter_WriteUTF8(w, s, n);
    str = PyUnicode_DecodeUTF8Stateful(s, n, "replace", NULL);
    if (str == NULL)
        return -1;
    r = write_padded(w, str, width, -1, left);
    Py_DECREF(str);
    return r;
}

/* Parse one conversion starting after '%'; returns the pointer past it,
   or NULL with an exception. */
static const char *
format_one(_PyUnicodeWriter *w, const char *f, va_list *vargs)
{
    const char *start = f - 1;
    int left = 0, zero = 0;
    Py_ssize_t width = -1, precision = -1;
    int size = 0;   /* 0 int, 1 long, 2 long long, 3 size_t, 4 ptrdiff, 5 intmax */
    char buf[128];

    while (*f == '-' || *f == '0') {
        if (*f == '-') left = 1;
        else zero = 1;
        f++;
    }
    if (*f == '*') {
        width = va_arg(*vargs, int);
        if (width < 0) {
            left = 1;
            width = -width;
        }
        f++;
    }
    else if (*f >= '0' && *f <= '9') {
        width = 0;
        while (*f >= '0' && *f <= '9') {
            if (width < PY_SSIZE_T_MAX / 10)
                width = width * 10 + (*f - '0');
            f++;
        }
    }
    if (*f == '.') {
        f++;
        precision = 0;
        if (*f == '*') {
            precision = va_arg(*vargs, int);
            if (precision < 0)
                precision = -1;
            f++;
        }
        else {
            while (*f >= '0' && *f <= '9') {
                if (precision < PY_SSIZE_T_MAX / 10)
                    precision = precision * 10 + (*f - '0');
                f++;
            }
        }
    }
    if (*f == 'l') {
        if (f[1] == 'l') {
            size = 2;
            f += 2;
        }
        else {
            size = 1;
            f++;
        }
    }
    else if (*f == 'z') { size = 3; f++; }
    else if (*f == 't') { size = 4; f++; }
    else if (*f == 'j') { size = 5; f++; }

    switch (*f) {
    case '%':
        if (_PyUnicodeWriter_WriteChar(w, '%') < 0)
            return NULL;
        return f + 1;
    case 'c': {
        int ch = va_arg(*vargs, int);
        if (ch < 0 || ch > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "character argument not in range(0x110000)");
            return NULL;
        }
        if (_PyUnicodeWriter_WriteChar(w, (Py_UCS4)ch) < 0)
            return NULL;
        return f + 1;
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        char fmt[32], *p = fmt;
        int n, is_signed = (*f == 'd' || *f == 'i');
        *p++ = '%';
        if (left) *p++ = '-';
        if (zero && !left) *p++ = '0';
        if (width >= 0) p += snprintf(p, 12, "%d", (int)Py_MIN(width, 100));
        if (precision >= 0) p += snprintf(p, 13, ".%d", (int)Py_MIN(precision, 100));
        *p++ = 'l';
        *p++ = 'l';
        *p++ = (*f == 'i') ? 'd' : *f;
        *p = '\0';
        if (is_signed) {
            long long v;
            switch (size) {
            case 1: v = va_arg(*vargs, long); break;
            case 2: v = va_arg(*vargs, long long); break;
            case 3: v = va_arg(*vargs, Py_ssize_t); break;
            case 4: v = va_arg(*vargs, ptrdiff_t); break;
            case 5: v = va_arg(*vargs, intmax_t); break;
            default: v = va_arg(*vargs, int);
            }
            n = snprintf(buf, sizeof(buf), fmt, v);
        }
        else {
            unsigned long long v;
            switch (size) {
            case 1: v = va_arg(*vargs, unsigned long); break;
            case 2: v = va_arg(*vargs, unsigned long long); break;
            case 3: v = va_arg(*vargs, size_t); break;
            case 4: v = (unsigned long long)va_arg(*vargs, ptrdiff_t); break;
            case 5: v = va_arg(*vargs, uintmax_t); break;
            default: v = va_arg(*vargs, unsigned int);
            }
            n = snprintf(buf, sizeof(buf), fmt, v);
        }
        if (n < 0)
            n = 0;
        if (n >= (int)sizeof(buf))
            n = (int)sizeof(buf) - 1;
        if (_PyUnicodeWriter_WriteASCIIString(w, buf, n) < 0)
            return NULL;
        return f + 1;
    }
    case 'p': {
        void *ptr = va_arg(*vargs, void *);
        int n = snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)(uintptr_t)ptr);
        PyObject *s = _PyUnicode_FromASCII(buf, n);
        if (s == NULL)
            return NULL;
        int r = write_padded(w, s, width, -1, left);
        Py_DECREF(s);
        return r < 0 ? NULL : f + 1;
    }
    case 's': {
        const char *s = va_arg(*vargs, const char *);
        if (write_cstr(w, s, width, precision, left) < 0)
            return NULL;
        return f + 1;
    }
    case 'U': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        if (obj == NULL || !PyUnicode_Check(obj)) {
            PyErr_SetString(PyExc_SystemError, "%U argument must be a str object");
            return NULL;
        }
        if (write_padded(w, obj, width, precision, left) < 0)
            return NULL;
        return f + 1;
    }
    case 'V': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        const char *s = va_arg(*vargs, const char *);
        if (obj != NULL) {
            if (write_padded(w, obj, width, precision, left) < 0)
                return NULL;
        }
        else if (write_cstr(w, s, width, precision, left) < 0)
            return NULL;
        return f + 1;
    }
    case 'S': case 'R': case 'A': {
        PyObject *obj = va_arg(*vargs, PyObject *), *s;
        int r;
        if (*f == 'S')
            s = PyObject_Str(obj);
        else if (*f == 'R')
            s = PyObject_Repr(obj);
        else
            s = PyObject_ASCII(obj);
        if (s == NULL)
            return NULL;
        r = write_padded(w, s, width, precision, left);
        Py_DECREF(s);
        return r < 0 ? NULL : f + 1;
    }
    default:
        PyErr_Format(PyExc_SystemError, "invalid format string: %s", start);
        return NULL;
    }
}

PyObject *
PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    _PyUnicodeWriter w;
    const char *f = format;
    va_list va;

    _PyUnicodeWriter_Init(&w);
    w.min_length = (Py_ssize_t)strlen(format) + 100;
    w.overallocate = 1;
    va_copy(va, vargs);
    while (*f) {
        const char *lit = f;
        while (*f && *f != '%')
            f++;
        if (f > lit && _PyUnicodeWriter_WriteUTF8(&w, lit, f - lit) < 0)
            goto error;
        if (*f == '%') {
            f = format_one(&w, f + 1, &va);
            if (f == NULL)
                goto error;
        }
    }
    va_end(va);
    return _PyUnicodeWriter_Finish(&w);
error:
    va_end(va);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_FromFormat(const char *format, ...)
{
    PyObject *res;
    va_list vargs;
    va_start(vargs, format);
    res = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    return res;
}
