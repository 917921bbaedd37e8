/* fileio.c -- a compact file object: sys.stdin/stdout/stderr and open().
 *
 * CPython stacks three objects for a text file (FileIO -> BufferedWriter
 * -> TextIOWrapper).  refpy keeps the same two buffering layers but folds
 * the objects: an `iocore` holds the descriptor and the binary layer's
 * buffers, and a file object holds a pointer to it plus, for text files,
 * the text layer's buffers.  f.buffer is a second file object sharing the
 * core.  The objects present themselves under CPython's type names
 * (_io.TextIOWrapper, _io.BufferedReader/Writer/Random, _io.FileIO) with
 * CPython's reprs, attributes and error messages.
 *
 * The two layers matter because they decide *when* bytes reach the
 * descriptor, and so the order of output when stdout and stderr share a
 * pipe or when text and f.buffer writes are mixed.  The rules are
 * CPython's:
 *   - the text layer keeps encoded output pending up to 8 KiB (never
 *     letting it grow past that: older pending data goes down first);
 *     it passes it down when full, on every write when write_through,
 *     and on a newline when line buffered (then flushing the layer below);
 *   - the binary layer buffers up to st_blksize bytes, writing the buffer
 *     out before data that does not fit and large data directly;
 *   - stdout is line buffered on a terminal; stderr always; with -u or
 *     PYTHONUNBUFFERED both write through to an unbuffered FileIO;
 *   - reading, the text layer takes chunks of up to 8 KiB from below.
 * Everything is flushed at exit (_PyIO_FlushStd) and when a file is closed
 * or collected.
 *
 * Text is encoded with our own UTF-8 encoder rather than
 * PyUnicode_AsUTF8: that function caches the UTF-8 bytes inside the str
 * object, which would change sys.getsizeof() of every printed string --
 * CPython's TextIOWrapper does not do that.  The encoder also implements
 * the two error handlers the standard streams use: surrogateescape
 * (stdout/stdin in the C and C.UTF-8 locales) and backslashreplace
 * (stderr).  Reading decodes with the same handler; files opened with
 * newline=None translate \r\n and \r to \n, while the standard streams,
 * opened by CPython with newline="\n", do not.
 */
#include "pycore.h"
#include "rp_object.h"
#include "rp_modules.h"
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define IO_CHUNK 8192

enum { ERR_STRICT = 0, ERR_SURROGATEESCAPE = 1, ERR_BACKSLASHREPLACE = 2 };

/* One buffering layer: output not yet passed down, input taken from below
   but not yet consumed. */
typedef struct {
    char *wbuf;
    Py_ssize_t wlen, wcap;
    char *rbuf;
    Py_ssize_t rpos, rlen, rcap;
    unsigned char eof;
} iobuf;

/* The open file itself: the descriptor and the binary layer's buffers
   (CPython's FileIO + BufferedReader/Writer).  A text file and its binary
   view (f.buffer) share one core. */
typedef struct {
    int refs;                     /* file objects using this core */
    int fd;
    unsigned char closed;
    unsigned char readable;
    unsigned char writable;
    unsigned char closefd;
    unsigned char raw;            /* unbuffered: writes go straight to fd */
    Py_ssize_t bufsize;           /* the binary layer's buffer size (st_blksize) */
    char rawmode[4];              /* FileIO-style mode: "rb", "wb", "rb+", ... */
    iobuf b;
} iocore;

typedef struct {
    PyObject_HEAD
    iocore *io;
    iobuf t;                      /* the text layer's buffers (text files only) */
    unsigned char binary;
    unsigned char line_buffering;
    unsigned char write_through;  /* text layer passes every write down */
    unsigned char errors_kind;
    unsigned char translate;      /* universal newlines when reading */
    unsigned char utf8;           /* encoding is UTF-8 (own codec) */
    unsigned char is_std;
    PyObject *name;
    PyObject *mode;
    PyObject *encoding;
    PyObject *errors;
    PyObject *buffer_view;        /* the binary view of a text file, or NULL */
    PyObject *weakreflist;
} fileobject;

/* the buffers an object reads and writes through */
#define LAYER(f) ((f)->binary ? &(f)->io->b : &(f)->t)

PyTypeObject _PyTextIOWrapper_Type;
static PyTypeObject BufferedReader_Type;
static PyTypeObject BufferedWriter_Type;
static PyTypeObject BufferedRandom_Type;
static PyTypeObject FileIO_Type;

static PyObject *unsupported_operation;   /* io.UnsupportedOperation */
static int is_utf8_name(const char *e);

static int
file_check(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    return tp == &_PyTextIOWrapper_Type || tp == &BufferedReader_Type ||
           tp == &BufferedWriter_Type || tp == &BufferedRandom_Type || tp == &FileIO_Type;
}

static PyObject *
get_unsupported_operation(void)
{
    if (unsupported_operation == NULL) {
        PyObject *bases = PyTuple_Pack(2, PyExc_OSError, PyExc_ValueError);
        if (bases == NULL)
            return NULL;
        unsupported_operation = PyErr_NewException("io.UnsupportedOperation", bases, NULL);
        Py_DECREF(bases);
        if (unsupported_operation == NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
            /* a type system that cannot combine the two bases: keep OSError */
            PyErr_Clear();
            unsupported_operation = PyErr_NewException("io.UnsupportedOperation",
                                                       PyExc_OSError, NULL);
        }
    }
    return unsupported_operation;
}

static int
err_unsupported(const char *msg)
{
    PyObject *exc = get_unsupported_operation();
    if (exc != NULL)
        PyErr_SetString(exc, msg);
    return -1;
}

static int
check_open(fileobject *f)
{
    if (f->io->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int
check_writable(fileobject *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->io->writable)
        return err_unsupported("not writable");
    return 0;
}

static int
check_readable(fileobject *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->io->readable)
        return err_unsupported("not readable");
    return 0;
}

/* ------------------------------------------------------------------ */
/* writing                                                             */
/* ------------------------------------------------------------------ */

static int
raw_write_all(iocore *io, const char *p, Py_ssize_t n)
{
    while (n > 0) {
        ssize_t w = write(io->fd, p, (size_t)n);
        if (w < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0)
                    return -1;
                continue;
            }
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

/* Write the binary layer's buffer to the descriptor. */
static int
core_flush(iocore *io)
{
    if (io->b.wlen > 0) {
        Py_ssize_t n = io->b.wlen;
        io->b.wlen = 0;
        if (raw_write_all(io, io->b.wbuf, n) < 0)
            return -1;
    }
    return 0;
}

static int
buf_reserve(iobuf *B, Py_ssize_t extra)
{
    Py_ssize_t need = B->wlen + extra;
    if (need <= B->wcap)
        return 0;
    {
        Py_ssize_t cap = B->wcap ? B->wcap : IO_CHUNK;
        char *nb;
        while (cap < need)
            cap *= 2;
        nb = PyMem_Realloc(B->wbuf, (size_t)cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        B->wbuf = nb;
        B->wcap = cap;
    }
    return 0;
}

/* The binary layer's write() (BufferedWriter's algorithm): data that fits
   joins the buffer; otherwise the buffer is written out, then data larger
   than the buffer goes straight to the descriptor and the rest is
   buffered.  An unbuffered file passes everything straight down. */
static int
core_write(iocore *io, const char *p, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (io->raw) {
        if (core_flush(io) < 0)
            return -1;
        return raw_write_all(io, p, n);
    }
    if (n <= io->bufsize - io->b.wlen) {
        if (buf_reserve(&io->b, n) < 0)
            return -1;
        memcpy(io->b.wbuf + io->b.wlen, p, (size_t)n);
        io->b.wlen += n;
        return 0;
    }
    if (core_flush(io) < 0)
        return -1;
    if (n > io->bufsize)
        return raw_write_all(io, p, n);
    if (buf_reserve(&io->b, n) < 0)
        return -1;
    memcpy(io->b.wbuf, p, (size_t)n);
    io->b.wlen = n;
    return 0;
}

/* Pass the text layer's pending bytes down to the binary layer. */
static int
text_commit(fileobject *f)
{
    if (f->t.wlen > 0) {
        Py_ssize_t n = f->t.wlen;
        f->t.wlen = 0;
        return core_write(f->io, f->t.wbuf, n);
    }
    return 0;
}

/* flush(): down through every layer of this object to the descriptor. */
static int
file_flush_impl(fileobject *f)
{
    if (!f->binary && text_commit(f) < 0)
        return -1;
    return core_flush(f->io);
}

static void
raise_encode_error(PyObject *s, Py_ssize_t start, Py_ssize_t end, const char *enc)
{
    PyObject *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns",
                                          enc, s, start, end, "surrogates not allowed");
    if (exc != NULL) {
        PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
        Py_DECREF(exc);
    }
}

/* Append the UTF-8 encoding of str s to the write buffer. */
static int
encode_utf8_append(fileobject *f, PyObject *s)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t i, save = f->t.wlen;
    char *out;

    if (len == 0)
        return 0;
    if (PyUnicode_IS_ASCII(s)) {
        if (buf_reserve(&f->t, len) < 0)
            return -1;
        memcpy(f->t.wbuf + f->t.wlen, data, (size_t)len);
        f->t.wlen += len;
        return 0;
    }
    /* worst case: 4 bytes per char, or 10 for "\U0000xxxx" */
    if (buf_reserve(&f->t, len * (f->errors_kind == ERR_BACKSLASHREPLACE ? 10 : 4)) < 0)
        return -1;
    out = f->t.wbuf + f->t.wlen;
    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x80)
            *out++ = (char)c;
        else if (c < 0x800) {
            *out++ = (char)(0xc0 | (c >> 6));
            *out++ = (char)(0x80 | (c & 0x3f));
        }
        else if (c >= 0xd800 && c <= 0xdfff) {
            if (f->errors_kind == ERR_SURROGATEESCAPE && c >= 0xdc80 && c <= 0xdcff)
                *out++ = (char)(c & 0xff);
            else if (f->errors_kind == ERR_BACKSLASHREPLACE) {
                static const char hex[] = "0123456789abcdef";
                *out++ = '\\';
                *out++ = 'u';
                *out++ = hex[(c >> 12) & 0xf];
                *out++ = hex[(c >> 8) & 0xf];
                *out++ = hex[(c >> 4) & 0xf];
                *out++ = hex[c & 0xf];
            }
            else {
                Py_ssize_t end = i + 1;
                while (end < len) {
                    Py_UCS4 d = PyUnicode_READ(kind, data, end);
                    if (d < 0xd800 || d > 0xdfff)
                        break;
                    end++;
                }
                f->t.wlen = save;
                raise_encode_error(s, i, end, "utf-8");
                return -1;
            }
        }
        else if (c < 0x10000) {
            *out++ = (char)(0xe0 | (c >> 12));
            *out++ = (char)(0x80 | ((c >> 6) & 0x3f));
            *out++ = (char)(0x80 | (c & 0x3f));
        }
        else {
            *out++ = (char)(0xf0 | (c >> 18));
            *out++ = (char)(0x80 | ((c >> 12) & 0x3f));
            *out++ = (char)(0x80 | ((c >> 6) & 0x3f));
            *out++ = (char)(0x80 | (c & 0x3f));
        }
    }
    f->t.wlen = out - f->t.wbuf;
    return 0;
}

static const char *
errors_name(fileobject *f)
{
    return f->errors_kind == ERR_SURROGATEESCAPE ? "surrogateescape" :
           f->errors_kind == ERR_BACKSLASHREPLACE ? "backslashreplace" : "strict";
}

static int
text_needs_flush(PyObject *s)
{
    Py_ssize_t i, len = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (kind == PyUnicode_1BYTE_KIND)
        return memchr(data, '\n', (size_t)len) != NULL || memchr(data, '\r', (size_t)len) != NULL;
    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n' || c == '\r')
            return 1;
    }
    return 0;
}

/* Write a str to a text file (TextIOWrapper.write): 0 / -1. */
static int
text_write_str(fileobject *f, PyObject *s)
{
    int needflush;
    Py_ssize_t before = f->t.wlen, added;
    if (check_writable(f) < 0)
        return -1;
    if (f->utf8) {
        if (encode_utf8_append(f, s) < 0)
            return -1;
    }
    else {
        PyObject *b = PyUnicode_AsEncodedString(s, PyUnicode_AsUTF8(f->encoding), errors_name(f));
        Py_ssize_t n;
        if (b == NULL)
            return -1;
        n = PyBytes_GET_SIZE(b);
        if (buf_reserve(&f->t, n) < 0) {
            Py_DECREF(b);
            return -1;
        }
        if (n > 0)
            memcpy(f->t.wbuf + f->t.wlen, PyBytes_AS_STRING(b), (size_t)n);
        f->t.wlen += n;
        Py_DECREF(b);
    }
    added = f->t.wlen - before;
    if (before > 0 && before + added > IO_CHUNK) {
        /* TextIOWrapper never lets pending data grow past its chunk size:
           what was pending goes down first, the new text stays pending */
        if (core_write(f->io, f->t.wbuf, before) < 0) {
            f->t.wlen = before;
            return -1;
        }
        memmove(f->t.wbuf, f->t.wbuf + before, (size_t)added);
        f->t.wlen = added;
    }
    needflush = f->line_buffering && text_needs_flush(s);
    if (f->t.wlen >= IO_CHUNK || needflush || f->write_through) {
        if (text_commit(f) < 0)
            return -1;
    }
    if (needflush)
        return core_flush(f->io);
    return 0;
}

int
_PyIO_WriteStrIfText(PyObject *file, PyObject *s)
{
    if (!Py_IS_TYPE(file, &_PyTextIOWrapper_Type))
        return 0;
    return text_write_str((fileobject *)file, s) < 0 ? -1 : 1;
}

static PyObject *
file_write(fileobject *f, PyObject *arg)
{
    if (!f->binary) {
        if (!PyUnicode_Check(arg)) {
            PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                         Py_TYPE(arg)->tp_name);
            return NULL;
        }
        if (text_write_str(f, arg) < 0)
            return NULL;
        return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(arg));
    }
    else {
        const char *p;
        Py_ssize_t n;
        if (PyBytes_Check(arg)) {
            p = PyBytes_AS_STRING(arg);
            n = PyBytes_GET_SIZE(arg);
        }
        else if (PyByteArray_Check(arg)) {
            p = ((PyByteArrayObject *)arg)->ob_start;
            n = Py_SIZE(arg);
        }
        else {
            PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                         Py_TYPE(arg)->tp_name);
            return NULL;
        }
        if (check_writable(f) < 0)
            return NULL;
        if (core_write(f->io, p, n) < 0)
            return NULL;
        return PyLong_FromSsize_t(n);
    }
}

static PyObject *
file_writelines(fileobject *f, PyObject *lines)
{
    PyObject *it, *item;
    if (check_open(f) < 0)
        return NULL;
    it = PyObject_GetIter(lines);
    if (it == NULL)
        return NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = file_write(f, item);
        Py_DECREF(item);
        if (r == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
file_flush(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (f->io->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    if (file_flush_impl(f) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* reading                                                             */
/* ------------------------------------------------------------------ */

static int
rbuf_make_room(iobuf *B, Py_ssize_t want)
{
    if (B->rpos > 0) {
        memmove(B->rbuf, B->rbuf + B->rpos, (size_t)(B->rlen - B->rpos));
        B->rlen -= B->rpos;
        B->rpos = 0;
    }
    if (B->rcap - B->rlen < want) {
        Py_ssize_t cap = B->rcap ? B->rcap * 2 : IO_CHUNK;
        char *nb;
        while (cap - B->rlen < want)
            cap *= 2;
        nb = PyMem_Realloc(B->rbuf, (size_t)cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        B->rbuf = nb;
        B->rcap = cap;
    }
    return 0;
}

/* read(2) up to `want` bytes into B.  Returns bytes read, 0 at EOF, -1. */
static Py_ssize_t
read_fd_into(iocore *io, iobuf *B, Py_ssize_t want)
{
    ssize_t n;
    if (rbuf_make_room(B, want) < 0)
        return -1;
    for (;;) {
        n = read(io->fd, B->rbuf + B->rlen, (size_t)want);
        if (n < 0 && errno == EINTR) {
            if (PyErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        break;
    }
    if (n < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    B->rlen += n;
    return (Py_ssize_t)n;
}

/* Get more input into the object's layer.  The binary layer reads from
   the descriptor; the text layer takes a chunk (at most 8 KiB, like
   TextIOWrapper's read1 calls) from the binary layer.  1 if some bytes
   arrived, 0 at EOF, -1 on error. */
static int
layer_fill(fileobject *f)
{
    iocore *io = f->io;
    iobuf *B = LAYER(f);
    Py_ssize_t n;
    if (B->eof)
        return 0;
    if (!f->binary && io->b.rlen > io->b.rpos) {
        /* buffered bytes below: hand up to a chunk of them over */
        n = Py_MIN(io->b.rlen - io->b.rpos, IO_CHUNK);
        if (rbuf_make_room(B, n) < 0)
            return -1;
        memcpy(B->rbuf + B->rlen, io->b.rbuf + io->b.rpos, (size_t)n);
        B->rlen += n;
        io->b.rpos += n;
        return 1;
    }
    n = read_fd_into(io, B, IO_CHUNK);
    if (n < 0)
        return -1;
    if (n == 0) {
        B->eof = 1;
        return 0;
    }
    return 1;
}

/* Before reading: push out pending writes (files opened with '+'). */
static int
prepare_read(fileobject *f)
{
    if (check_readable(f) < 0)
        return -1;
    if ((f->t.wlen > 0 || f->io->b.wlen > 0) && file_flush_impl(f) < 0)
        return -1;
    return 0;
}

/* Turn raw bytes into the result: bytes for binary files, else decoded
   text with universal newline translation. */
static PyObject *
make_result(fileobject *f, const char *p, Py_ssize_t n)
{
    if (f->binary)
        return PyBytes_FromStringAndSize(p, n);
    if (f->translate && memchr(p, '\r', (size_t)n) != NULL) {
        char *tmp = PyMem_Malloc((size_t)n + 1);
        Py_ssize_t i, j = 0;
        PyObject *r;
        if (tmp == NULL)
            return PyErr_NoMemory();
        for (i = 0; i < n; i++) {
            if (p[i] == '\r') {
                tmp[j++] = '\n';
                if (i + 1 < n && p[i + 1] == '\n')
                    i++;
            }
            else
                tmp[j++] = p[i];
        }
        r = f->utf8 ? PyUnicode_DecodeUTF8(tmp, j, errors_name(f))
                    : PyUnicode_Decode(tmp, j, PyUnicode_AsUTF8(f->encoding), errors_name(f));
        PyMem_Free(tmp);
        return r;
    }
    if (f->utf8)
        return PyUnicode_DecodeUTF8(p, n, errors_name(f));
    return PyUnicode_Decode(p, n, PyUnicode_AsUTF8(f->encoding), errors_name(f));
}

/* Byte length of the first `nchars` UTF-8 characters of p[0..n), or n. */
static Py_ssize_t
utf8_prefix_len(const char *p, Py_ssize_t n, Py_ssize_t nchars)
{
    Py_ssize_t i = 0, count = 0;
    while (i < n) {
        if (((unsigned char)p[i] & 0xc0) != 0x80) {
            if (count == nchars)
                return i;
            count++;
        }
        i++;
    }
    return n;
}

static PyObject *
readline_impl(fileobject *f, Py_ssize_t limit)
{
    Py_ssize_t scan = 0;   /* bytes of the current data already scanned */
    iobuf *B = LAYER(f);
    if (prepare_read(f) < 0)
        return NULL;
    for (;;) {
        char *start = B->rbuf ? B->rbuf + B->rpos : NULL;
        Py_ssize_t avail = B->rlen - B->rpos;
        Py_ssize_t i, end = -1;
        for (i = scan; i < avail; i++) {
            char c = start[i];
            if (c == '\n') {
                end = i + 1;
                break;
            }
            if (c == '\r' && f->translate && !f->binary) {
                if (i + 1 < avail) {
                    end = (start[i + 1] == '\n') ? i + 2 : i + 1;
                    break;
                }
                if (B->eof) {
                    end = i + 1;
                    break;
                }
                /* need one more byte to decide */
                break;
            }
        }
        scan = i;
        if (limit >= 0) {
            Py_ssize_t lim = f->binary ? Py_MIN(limit, avail)
                                       : utf8_prefix_len(start, avail, limit);
            int have_all = f->binary ? (avail >= limit) : (lim < avail);
            if (!(end >= 0 && end <= lim) && have_all)
                end = lim;
        }
        if (end >= 0) {
            PyObject *r = make_result(f, start, end);
            if (r != NULL)
                B->rpos += end;
            return r;
        }
        {
            int got = layer_fill(f);
            if (got < 0)
                return NULL;
            if (got == 0) {
                start = B->rbuf ? B->rbuf + B->rpos : NULL;
                avail = B->rlen - B->rpos;
                if (limit >= 0 && !f->binary)
                    avail = utf8_prefix_len(start, avail, limit);
                else if (limit >= 0 && avail > limit)
                    avail = limit;
                {
                    PyObject *r = make_result(f, start ? start : "", avail);
                    if (r != NULL)
                        B->rpos += avail;
                    return r;
                }
            }
        }
    }
}

PyObject *
_PyIO_ReadlineIfText(PyObject *file, int *handled)
{
    if (!Py_IS_TYPE(file, &_PyTextIOWrapper_Type)) {
        *handled = 0;
        return NULL;
    }
    *handled = 1;
    return readline_impl((fileobject *)file, -1);
}

static int
size_converter(PyObject *arg, Py_ssize_t *out)
{
    if (arg == NULL || arg == Py_None) {
        *out = -1;
        return 0;
    }
    *out = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (*out == -1 && PyErr_Occurred())
        return -1;
    return 0;
}

static PyObject *
file_readline(fileobject *f, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs && size_converter(args[0], &limit) < 0)
        return NULL;
    return readline_impl(f, limit);
}

static PyObject *
file_read(fileobject *f, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    iobuf *B = LAYER(f);
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs && size_converter(args[0], &size) < 0)
        return NULL;
    if (prepare_read(f) < 0)
        return NULL;
    if (size < 0) {
        int got;
        while ((got = layer_fill(f)) > 0)
            ;
        if (got < 0)
            return NULL;
        {
            Py_ssize_t n = B->rlen - B->rpos;
            PyObject *r = make_result(f, B->rbuf ? B->rbuf + B->rpos : "", n);
            if (r != NULL)
                B->rpos += n;
            return r;
        }
    }
    for (;;) {
        Py_ssize_t avail = B->rlen - B->rpos;
        const char *start = B->rbuf ? B->rbuf + B->rpos : "";
        Py_ssize_t take = f->binary ? Py_MIN(size, avail) : utf8_prefix_len(start, avail, size);
        int enough = f->binary ? avail >= size : take < avail;
        if (!enough && !B->eof) {
            int got = layer_fill(f);
            if (got < 0)
                return NULL;
            if (got > 0)
                continue;
            continue;   /* eof now set */
        }
        if (!f->binary && f->translate && take < avail && take > 0 && start[take - 1] == '\r'
            && start[take] == '\n')
            take++;
        {
            PyObject *r = make_result(f, start, take);
            if (r != NULL)
                B->rpos += take;
            return r;
        }
    }
}

static PyObject *
file_readlines(fileobject *f, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *list, *line;
    Py_ssize_t hint = -1, total = 0;
    if (!_PyArg_CheckPositional("readlines", nargs, 0, 1))
        return NULL;
    if (nargs && size_converter(args[0], &hint) < 0)
        return NULL;
    list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (;;) {
        Py_ssize_t n;
        line = readline_impl(f, -1);
        if (line == NULL)
            goto error;
        n = f->binary ? PyBytes_GET_SIZE(line) : PyUnicode_GET_LENGTH(line);
        if (n == 0) {
            Py_DECREF(line);
            break;
        }
        if (PyList_Append(list, line) < 0) {
            Py_DECREF(line);
            goto error;
        }
        Py_DECREF(line);
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* other methods                                                       */
/* ------------------------------------------------------------------ */

static int
file_close_impl(fileobject *f)
{
    int res = 0;
    iocore *io = f->io;
    if (io->closed)
        return 0;
    res = file_flush_impl(f);
    io->closed = 1;
    if (io->closefd && io->fd >= 0) {
        if (close(io->fd) < 0 && res == 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            res = -1;
        }
    }
    io->fd = -1;
    return res;
}

static PyObject *
file_close(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (file_close_impl(f) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
file_fileno(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (check_open(f) < 0)
        return NULL;
    return PyLong_FromLong(f->io->fd);
}

static PyObject *
file_isatty(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (check_open(f) < 0)
        return NULL;
    return PyBool_FromLong(isatty(f->io->fd));
}

static PyObject *
file_readable(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (check_open(f) < 0)
        return NULL;
    return PyBool_FromLong(f->io->readable);
}

static PyObject *
file_writable(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (check_open(f) < 0)
        return NULL;
    return PyBool_FromLong(f->io->writable);
}

static PyObject *
file_seekable(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (check_open(f) < 0)
        return NULL;
    return PyBool_FromLong(lseek(f->io->fd, 0, SEEK_CUR) >= 0);
}

static PyObject *
file_tell(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    off_t pos;
    if (check_open(f) < 0)
        return NULL;
    pos = lseek(f->io->fd, 0, SEEK_CUR);
    if (pos < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    /* bytes still buffered above the descriptor */
    pos += f->io->b.wlen - (f->io->b.rlen - f->io->b.rpos);
    if (!f->binary)
        pos += f->t.wlen - (f->t.rlen - f->t.rpos);
    return PyLong_FromLongLong((long long)pos);
}

static PyObject *
file_seek(fileobject *f, PyObject *const *args, Py_ssize_t nargs)
{
    long long off;
    int whence = 0;
    off_t pos;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    if (check_open(f) < 0)
        return NULL;
    off = PyLong_AsLongLong(args[0]);
    if (off == -1 && PyErr_Occurred())
        return NULL;
    if (nargs > 1) {
        whence = (int)PyLong_AsLong(args[1]);
        if (whence == -1 && PyErr_Occurred())
            return NULL;
    }
    if (!f->binary && whence != 0 && off != 0) {
        err_unsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                    : "can't do nonzero end-relative seeks");
        return NULL;
    }
    if (file_flush_impl(f) < 0)
        return NULL;
    if (whence == 1) {
        off -= (f->io->b.rlen - f->io->b.rpos);
        if (!f->binary)
            off -= (f->t.rlen - f->t.rpos);
    }
    /* discard what was read ahead, in every layer */
    f->io->b.rpos = f->io->b.rlen = 0;
    f->io->b.eof = 0;
    f->t.rpos = f->t.rlen = 0;
    f->t.eof = 0;
    if (f->buffer_view != NULL) {
        fileobject *v = (fileobject *)f->buffer_view;
        v->t.rpos = v->t.rlen = 0;
        v->t.eof = 0;
    }
    pos = lseek(f->io->fd, (off_t)off, whence);
    if (pos < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return PyLong_FromLongLong((long long)pos);
}

static PyObject *
file_truncate(fileobject *f, PyObject *const *args, Py_ssize_t nargs)
{
    off_t size;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    if (check_writable(f) < 0)
        return NULL;
    if (file_flush_impl(f) < 0)
        return NULL;
    if (nargs == 0 || args[0] == Py_None)
        size = lseek(f->io->fd, 0, SEEK_CUR);
    else {
        long long v = PyLong_AsLongLong(args[0]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        size = (off_t)v;
    }
    if (ftruncate(f->io->fd, size) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return PyLong_FromLongLong((long long)size);
}

static PyObject *
file_enter(fileobject *f, PyObject *Py_UNUSED(ignored))
{
    if (check_open(f) < 0)
        return NULL;
    return Py_NewRef(f);
}

static PyObject *
file_exit(fileobject *f, PyObject *const *args, Py_ssize_t nargs)
{
    if (file_close_impl(f) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
file_iter(fileobject *f)
{
    if (check_open(f) < 0)
        return NULL;
    return Py_NewRef(f);
}

static PyObject *
file_iternext(fileobject *f)
{
    PyObject *line;
    if (check_open(f) < 0)
        return NULL;
    line = readline_impl(f, -1);
    if (line == NULL)
        return NULL;
    if ((f->binary ? PyBytes_GET_SIZE(line) : PyUnicode_GET_LENGTH(line)) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *
file_repr(fileobject *f)
{
    const char *tn = Py_TYPE(f)->tp_name;
    if (Py_IS_TYPE(f, &FileIO_Type))
        return PyUnicode_FromFormat("<%s name=%R mode=%R closefd=%s>", tn, f->name, f->mode,
                                    f->io->closefd ? "True" : "False");
    if (f->binary)
        return PyUnicode_FromFormat("<%s name=%R>", tn, f->name);
    return PyUnicode_FromFormat("<%s name=%R mode=%R encoding=%R>", tn, f->name, f->mode,
                                f->encoding);
}

static void
file_dealloc(fileobject *f)
{
    iocore *io = f->io;
    if (f->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)f);
    /* a text file closes its file when it dies (its binary view, if
       someone still holds it, then reports a closed file) */
    if (!io->closed && (f->buffer_view != NULL || io->refs == 1 || !f->binary)) {
        PyObject *exc = PyErr_GetRaisedException();
        if (file_close_impl(f) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    else if (!io->closed && !f->binary && f->t.wlen > 0) {
        /* a text object sharing the file: pass its pending output down */
        PyObject *exc = PyErr_GetRaisedException();
        if (text_commit(f) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    Py_CLEAR(f->buffer_view);
    PyMem_Free(f->t.wbuf);
    PyMem_Free(f->t.rbuf);
    if (--io->refs == 0) {
        PyMem_Free(io->b.wbuf);
        PyMem_Free(io->b.rbuf);
        PyMem_Free(io);
    }
    Py_XDECREF(f->name);
    Py_XDECREF(f->mode);
    Py_XDECREF(f->encoding);
    Py_XDECREF(f->errors);
    PyObject_Free(f);
}

/* f.buffer: the binary view sharing f's file and buffers. */
static PyObject *
file_get_buffer(fileobject *f, void *c)
{
    fileobject *v;
    PyTypeObject *tp;
    if (f->binary) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute 'buffer'",
                     Py_TYPE(f)->tp_name);
        return NULL;
    }
    if (f->buffer_view != NULL)
        return Py_NewRef(f->buffer_view);
    if (f->io->raw)
        tp = &FileIO_Type;
    else if (f->io->readable && f->io->writable)
        tp = &BufferedRandom_Type;
    else if (f->io->readable)
        tp = &BufferedReader_Type;
    else
        tp = &BufferedWriter_Type;
    v = PyObject_New(fileobject, tp);
    if (v == NULL)
        return NULL;
    v->io = f->io;
    f->io->refs++;
    memset(&v->t, 0, sizeof(v->t));
    v->binary = 1;
    v->line_buffering = 0;
    v->write_through = 0;
    v->errors_kind = ERR_STRICT;
    v->translate = 0;
    v->utf8 = 1;
    v->is_std = f->is_std;
    v->name = Py_NewRef(f->name);
    v->mode = PyUnicode_FromString(f->io->rawmode);
    v->encoding = Py_NewRef(Py_None);
    v->errors = Py_NewRef(Py_None);
    v->buffer_view = NULL;
    v->weakreflist = NULL;
    if (v->mode == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    f->buffer_view = (PyObject *)v;
    return Py_NewRef(v);
}

static PyObject *
file_get_closed(fileobject *f, void *c)
{
    return PyBool_FromLong(f->io->closed);
}

static PyObject *
file_get_name(fileobject *f, void *c)
{
    return Py_NewRef(f->name);
}

static PyObject *
file_get_mode(fileobject *f, void *c)
{
    return Py_NewRef(f->mode);
}

static PyObject *
file_get_encoding(fileobject *f, void *c)
{
    return Py_NewRef(f->encoding);
}

static PyObject *
file_get_errors(fileobject *f, void *c)
{
    return Py_NewRef(f->errors);
}

static PyObject *
file_get_line_buffering(fileobject *f, void *c)
{
    return PyBool_FromLong(f->line_buffering);
}

static PyObject *
file_get_write_through(fileobject *f, void *c)
{
    return PyBool_FromLong(f->write_through);
}

static PyObject *
file_get_newlines(fileobject *f, void *c)
{
    Py_RETURN_NONE;
}

/* TextIOWrapper.reconfigure(*, encoding=None, errors=None, newline=None,
   line_buffering=None, write_through=None) */
static PyObject *
file_reconfigure(fileobject *f, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", "newline", "line_buffering",
                                         "write_through", NULL};
    PyObject *argv[5];
    int v;
    if (f->binary) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute 'reconfigure'",
                     Py_TYPE(f)->tp_name);
        return NULL;
    }
    if (!_PyArg_ParseFast("reconfigure", args, nargs, kwnames, kwlist, 0, 0, 0, 0, argv))
        return NULL;
    if (argv[0] != NULL && argv[0] != Py_None) {
        const char *enc;
        if (!PyUnicode_Check(argv[0])) {
            PyErr_Format(PyExc_TypeError, "reconfigure() argument 'encoding' must be str or None, not %.50s",
                         Py_TYPE(argv[0])->tp_name);
            return NULL;
        }
        enc = PyUnicode_AsUTF8(argv[0]);
        if (enc == NULL)
            return NULL;
        if (!is_utf8_name(enc)) {
            PyObject *t = PyUnicode_Decode("", 0, enc, NULL);
            if (t == NULL)
                return NULL;
            Py_DECREF(t);
        }
        if (file_flush_impl(f) < 0)
            return NULL;
        f->utf8 = (unsigned char)is_utf8_name(enc);
        Py_SETREF(f->encoding, Py_NewRef(argv[0]));
    }
    if (argv[1] != NULL && argv[1] != Py_None) {
        const char *err;
        if (!PyUnicode_Check(argv[1])) {
            PyErr_Format(PyExc_TypeError, "reconfigure() argument 'errors' must be str or None, not %.50s",
                         Py_TYPE(argv[1])->tp_name);
            return NULL;
        }
        err = PyUnicode_AsUTF8(argv[1]);
        if (err == NULL)
            return NULL;
        if (strcmp(err, "strict") == 0)
            f->errors_kind = ERR_STRICT;
        else if (strcmp(err, "surrogateescape") == 0)
            f->errors_kind = ERR_SURROGATEESCAPE;
        else if (strcmp(err, "backslashreplace") == 0)
            f->errors_kind = ERR_BACKSLASHREPLACE;
        else
            f->utf8 = 0;
        Py_SETREF(f->errors, Py_NewRef(argv[1]));
    }
    if (argv[2] != NULL) {
        if (argv[2] == Py_None)
            f->translate = 1;
        else if (PyUnicode_Check(argv[2]))
            f->translate = 0;
        else {
            PyErr_Format(PyExc_TypeError, "reconfigure() argument 'newline' must be str or None, not %.50s",
                         Py_TYPE(argv[2])->tp_name);
            return NULL;
        }
    }
    if (argv[3] != NULL && argv[3] != Py_None) {
        if ((v = PyObject_IsTrue(argv[3])) < 0)
            return NULL;
        f->line_buffering = (unsigned char)v;
    }
    if (argv[4] != NULL && argv[4] != Py_None) {
        if ((v = PyObject_IsTrue(argv[4])) < 0)
            return NULL;
        f->write_through = (unsigned char)v;
        if (v && text_commit(f) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef file_methods[] = {
    {"reconfigure", _PyCFunction_CAST(file_reconfigure), METH_FASTCALL | METH_KEYWORDS, NULL},
    {"write", (PyCFunction)file_write, METH_O, NULL},
    {"writelines", (PyCFunction)file_writelines, METH_O, NULL},
    {"flush", (PyCFunction)file_flush, METH_NOARGS, NULL},
    {"read", _PyCFunction_CAST(file_read), METH_FASTCALL, NULL},
    {"readline", _PyCFunction_CAST(file_readline), METH_FASTCALL, NULL},
    {"readlines", _PyCFunction_CAST(file_readlines), METH_FASTCALL, NULL},
    {"close", (PyCFunction)file_close, METH_NOARGS, NULL},
    {"fileno", (PyCFunction)file_fileno, METH_NOARGS, NULL},
    {"isatty", (PyCFunction)file_isatty, METH_NOARGS, NULL},
    {"readable", (PyCFunction)file_readable, METH_NOARGS, NULL},
    {"writable", (PyCFunction)file_writable, METH_NOARGS, NULL},
    {"seekable", (PyCFunction)file_seekable, METH_NOARGS, NULL},
    {"tell", (PyCFunction)file_tell, METH_NOARGS, NULL},
    {"seek", _PyCFunction_CAST(file_seek), METH_FASTCALL, NULL},
    {"truncate", _PyCFunction_CAST(file_truncate), METH_FASTCALL, NULL},
    {"__enter__", (PyCFunction)file_enter, METH_NOARGS, NULL},
    {"__exit__", _PyCFunction_CAST(file_exit), METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef file_getset[] = {
    {"closed", (getter)file_get_closed, NULL, NULL, NULL},
    {"name", (getter)file_get_name, NULL, NULL, NULL},
    {"mode", (getter)file_get_mode, NULL, NULL, NULL},
    {"encoding", (getter)file_get_encoding, NULL, NULL, NULL},
    {"errors", (getter)file_get_errors, NULL, NULL, NULL},
    {"line_buffering", (getter)file_get_line_buffering, NULL, NULL, NULL},
    {"write_through", (getter)file_get_write_through, NULL, NULL, NULL},
    {"newlines", (getter)file_get_newlines, NULL, NULL, NULL},
    {"buffer", (getter)file_get_buffer, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define FILE_TYPE_BODY \
    .tp_basicsize = sizeof(fileobject), \
    .tp_dealloc = (destructor)file_dealloc, \
    .tp_repr = (reprfunc)file_repr, \
    .tp_flags = Py_TPFLAGS_DEFAULT, \
    .tp_weaklistoffset = offsetof(fileobject, weakreflist), \
    .tp_iter = (getiterfunc)file_iter, \
    .tp_iternext = (iternextfunc)file_iternext, \
    .tp_methods = file_methods, \
    .tp_getset = file_getset,

PyTypeObject _PyTextIOWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    FILE_TYPE_BODY
};
static PyTypeObject BufferedReader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BufferedReader",
    FILE_TYPE_BODY
};
static PyTypeObject BufferedWriter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BufferedWriter",
    FILE_TYPE_BODY
};
static PyTypeObject BufferedRandom_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BufferedRandom",
    FILE_TYPE_BODY
};
static PyTypeObject FileIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.FileIO",
    FILE_TYPE_BODY
};

int
_PyIO_InitTypes(void)
{
    static int done;
    if (done)
        return 0;
    if (PyType_Ready(&_PyTextIOWrapper_Type) < 0 || PyType_Ready(&BufferedReader_Type) < 0 ||
        PyType_Ready(&BufferedWriter_Type) < 0 || PyType_Ready(&BufferedRandom_Type) < 0 ||
        PyType_Ready(&FileIO_Type) < 0)
        return -1;
    done = 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* construction                                                        */
/* ------------------------------------------------------------------ */

static fileobject *
file_alloc(PyTypeObject *tp, int fd)
{
    fileobject *f;
    iocore *io;
    if (_PyIO_InitTypes() < 0)
        return NULL;
    io = PyMem_Calloc(1, sizeof(iocore));
    if (io == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    f = PyObject_New(fileobject, tp);
    if (f == NULL) {
        PyMem_Free(io);
        return NULL;
    }
    io->refs = 1;
    io->fd = fd;
    io->closefd = 1;
    {
        struct stat st;
        io->bufsize = (fstat(fd, &st) == 0 && st.st_blksize > 1) ? (Py_ssize_t)st.st_blksize
                                                                 : IO_CHUNK;
    }
    f->io = io;
    memset(&f->t, 0, sizeof(f->t));
    f->binary = 0;
    f->line_buffering = 0;
    f->write_through = 0;
    f->errors_kind = ERR_STRICT;
    f->translate = 1;
    f->utf8 = 1;
    f->is_std = 0;
    f->name = f->mode = f->encoding = f->errors = NULL;
    f->buffer_view = NULL;
    f->weakreflist = NULL;
    return f;
}

/* The std streams use surrogateescape in the C/POSIX locale and in the
   locales CPython coerces to (C.UTF-8), strict otherwise. */
static int
std_errors_kind(void)
{
    const char *loc = getenv("LC_ALL");
    if (loc == NULL || !*loc)
        loc = getenv("LC_CTYPE");
    if (loc == NULL || !*loc)
        loc = getenv("LANG");
    if (loc == NULL || !*loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
        strcmp(loc, "C.UTF-8") == 0 || strcmp(loc, "C.utf8") == 0 || strcmp(loc, "UTF-8") == 0)
        return ERR_SURROGATEESCAPE;
    return ERR_STRICT;
}

static int std_unbuffered = -1;   /* -1: not decided (read PYTHONUNBUFFERED) */

PyObject *
_PyIO_NewStdStream(int fd, int kind)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    fileobject *f = file_alloc(&_PyTextIOWrapper_Type, fd);
    if (f == NULL)
        return NULL;
    if (std_unbuffered < 0) {
        const char *e = getenv("PYTHONUNBUFFERED");
        std_unbuffered = (e != NULL && *e) ? 1 : 0;
    }
    f->io->closefd = 0;
    f->is_std = 1;
    f->translate = 0;     /* CPython opens the std streams with newline="\n" */
    strcpy(f->io->rawmode, kind == 0 ? "rb" : "wb");
    f->io->readable = (kind == 0);
    f->io->writable = (kind != 0);
    f->errors_kind = (kind == 2) ? ERR_BACKSLASHREPLACE : std_errors_kind();
    if (kind != 0) {
        /* buffered: stdout is line buffered on a terminal, stderr always;
           -u: both write through to an unbuffered FileIO */
        if (std_unbuffered) {
            f->write_through = 1;
            f->io->raw = 1;
        }
        else
            f->line_buffering = (kind == 2 || isatty(fd)) ? 1 : 0;
    }
    f->name = PyUnicode_FromString(names[kind]);
    f->mode = PyUnicode_FromString(kind == 0 ? "r" : "w");
    f->encoding = PyUnicode_FromString("utf-8");
    f->errors = PyUnicode_FromString(errors_name(f));
    if (!f->name || !f->mode || !f->encoding || !f->errors) {
        Py_DECREF(f);
        return NULL;
    }
    return (PyObject *)f;
}

static void
set_std_unbuffered(const char *name)
{
    PyObject *out = PySys_GetObject(name);
    fileobject *f;
    if (out == NULL || !Py_IS_TYPE(out, &_PyTextIOWrapper_Type))
        return;
    f = (fileobject *)out;
    if (!f->io->writable || !f->is_std)
        return;
    (void)file_flush_impl(f);
    if (PyErr_Occurred())
        PyErr_Clear();
    f->write_through = (unsigned char)std_unbuffered;
    f->io->raw = (unsigned char)std_unbuffered;
    if (std_unbuffered)
        f->line_buffering = 0;
    else
        f->line_buffering = (unsigned char)(f->io->fd == 2 || isatty(f->io->fd));
}

void
_PyIO_SetUnbuffered(int unbuffered)
{
    std_unbuffered = unbuffered ? 1 : 0;
    set_std_unbuffered("stdout");
    set_std_unbuffered("stderr");
    set_std_unbuffered("__stdout__");
    set_std_unbuffered("__stderr__");
}

static void
flush_one(const char *name)
{
    PyObject *f = PySys_GetObject(name);
    if (f == NULL || f == Py_None)
        return;
    if (file_check(f)) {
        if (!((fileobject *)f)->io->closed && file_flush_impl((fileobject *)f) < 0)
            PyErr_Clear();
    }
    else {
        PyObject *r = PyObject_CallMethod(f, "flush", NULL);
        if (r == NULL)
            PyErr_Clear();
        else
            Py_DECREF(r);
    }
}

void
_PyIO_FlushStd(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    flush_one("stdout");
    flush_one("stderr");
    flush_one("__stdout__");
    flush_one("__stderr__");
    PyErr_SetRaisedException(exc);
}

static int
is_utf8_name(const char *e)
{
    char buf[16];
    size_t i, j = 0;
    for (i = 0; e[i] && j < sizeof(buf) - 1; i++) {
        char c = e[i];
        if (c == '-' || c == '_')
            continue;
        buf[j++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    buf[j] = 0;
    return e[i] == 0 && strcmp(buf, "utf8") == 0;
}

/* open(file, mode='r', buffering=-1, encoding=None, errors=None,
        newline=None, closefd=True, opener=None): new reference. */
PyObject *
_PyIO_Open(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kwlist[] = {"file", "mode", "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener", NULL};
    PyObject *argv[8];
    PyObject *file, *modeobj = NULL;
    const char *mode = "r", *encoding = NULL, *errors = NULL, *newline = NULL;
    long buffering = -1;
    int closefd = 1;
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0;
    int text = 0, binary = 0;
    int flags, fd = -1;
    const char *p;
    fileobject *f = NULL;
    PyTypeObject *tp;

    if (!_PyArg_ParseFast("open", args, nargs, kwnames, kwlist, 0, 1, 8, 0, argv))
        return NULL;
    file = argv[0];
    if (argv[1] != NULL) {
        if (!PyUnicode_Check(argv[1])) {
            PyErr_Format(PyExc_TypeError, "open() argument 'mode' must be str, not %.50s",
                         Py_TYPE(argv[1])->tp_name);
            return NULL;
        }
        mode = PyUnicode_AsUTF8(argv[1]);
        if (mode == NULL)
            return NULL;
        modeobj = argv[1];
    }
    if (argv[2] != NULL) {
        buffering = PyLong_AsLong(argv[2]);
        if (buffering == -1 && PyErr_Occurred())
            return NULL;
    }
    if (argv[3] != NULL && argv[3] != Py_None) {
        if (!PyUnicode_Check(argv[3])) {
            PyErr_Format(PyExc_TypeError, "open() argument 'encoding' must be str or None, not %.50s",
                         Py_TYPE(argv[3])->tp_name);
            return NULL;
        }
        encoding = PyUnicode_AsUTF8(argv[3]);
    }
    if (argv[4] != NULL && argv[4] != Py_None) {
        if (!PyUnicode_Check(argv[4])) {
            PyErr_Format(PyExc_TypeError, "open() argument 'errors' must be str or None, not %.50s",
                         Py_TYPE(argv[4])->tp_name);
            return NULL;
        }
        errors = PyUnicode_AsUTF8(argv[4]);
    }
    if (argv[5] != NULL && argv[5] != Py_None) {
        if (!PyUnicode_Check(argv[5])) {
            PyErr_Format(PyExc_TypeError, "open() argument 'newline' must be str or None, not %.50s",
                         Py_TYPE(argv[5])->tp_name);
            return NULL;
        }
        newline = PyUnicode_AsUTF8(argv[5]);
    }
    if (argv[6] != NULL) {
        closefd = PyObject_IsTrue(argv[6]);
        if (closefd < 0)
            return NULL;
    }
    if (!PyUnicode_Check(file) && !PyBytes_Check(file) && !PyLong_Check(file)) {
        PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                     Py_TYPE(file)->tp_name);
        return NULL;
    }

    for (p = mode; *p; p++) {
        const char *q;
        switch (*p) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        default:
            goto invalid_mode;
        }
        /* a character may appear only once */
        for (q = mode; q < p; q++)
            if (*q == *p)
                goto invalid_mode;
    }
    if (text && binary) {
        PyErr_SetString(PyExc_ValueError, "can't have text and binary mode at once");
        return NULL;
    }
    if (creating + reading + writing + appending > 1 || creating + reading + writing + appending == 0) {
        PyErr_SetString(PyExc_ValueError, "must have exactly one of create/read/write/append mode");
        return NULL;
    }
    if (binary && encoding != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (binary && errors != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    if (binary && newline != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take a newline argument");
        return NULL;
    }
    if (binary && buffering == 1) {
        if (PyErr_WarnEx(PyExc_RuntimeWarning,
                         "line buffering (buffering=1) isn't supported in binary mode, "
                         "the default buffer size will be used", 1) < 0)
            return NULL;
    }
    if (!binary && buffering == 0) {
        PyErr_SetString(PyExc_ValueError, "can't have unbuffered text I/O");
        return NULL;
    }
    if (newline != NULL && strcmp(newline, "") != 0 && strcmp(newline, "\n") != 0 &&
        strcmp(newline, "\r") != 0 && strcmp(newline, "\r\n") != 0) {
        PyErr_Format(PyExc_ValueError, "illegal newline value: %s", newline);
        return NULL;
    }
    if (encoding != NULL && !is_utf8_name(encoding)) {
        /* validate the codec name by trying it */
        PyObject *t = PyUnicode_Decode("", 0, encoding, NULL);
        if (t == NULL)
            return NULL;
        Py_DECREF(t);
    }

    if (updating)
        flags = O_RDWR;
    else if (reading)
        flags = O_RDONLY;
    else
        flags = O_WRONLY;
    if (writing)
        flags |= O_CREAT | O_TRUNC;
    if (appending)
        flags |= O_CREAT | O_APPEND;
    if (creating)
        flags |= O_CREAT | O_EXCL;
    flags |= O_CLOEXEC;

    if (PyLong_Check(file)) {
        fd = (int)PyLong_AsLong(file);
        if (fd == -1 && PyErr_Occurred())
            return NULL;
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return NULL;
        }
    }
    else {
        const char *path = PyUnicode_Check(file) ? PyUnicode_AsUTF8(file) : PyBytes_AS_STRING(file);
        if (!closefd) {
            PyErr_SetString(PyExc_ValueError, "Cannot use closefd=False with file name");
            return NULL;
        }
        struct stat st;
        if (path == NULL)
            return NULL;
        if (PyUnicode_Check(file)) {
            Py_ssize_t blen;
            path = PyUnicode_AsUTF8AndSize(file, &blen);
            if (path == NULL)
                return NULL;
            if ((size_t)blen != strlen(path)) {
                PyErr_SetString(PyExc_ValueError, "embedded null byte");
                return NULL;
            }
        }
        else if ((size_t)PyBytes_GET_SIZE(file) != strlen(path)) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            return NULL;
        }
        do {
            fd = open(path, flags, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0) {
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, file);
            return NULL;
        }
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, file);
            return NULL;
        }
    }

    if (!binary)
        tp = &_PyTextIOWrapper_Type;
    else if (buffering == 0)
        tp = &FileIO_Type;
    else if (updating)
        tp = &BufferedRandom_Type;
    else if (reading)
        tp = &BufferedReader_Type;
    else
        tp = &BufferedWriter_Type;
    f = file_alloc(tp, fd);
    if (f == NULL) {
        if (!PyLong_Check(file))
            close(fd);
        return NULL;
    }
    f->io->closefd = (unsigned char)(PyLong_Check(file) ? closefd : 1);
    f->binary = (unsigned char)binary;
    f->io->readable = (unsigned char)(reading || updating);
    f->io->writable = (unsigned char)(writing || appending || creating || updating);
    f->line_buffering = (unsigned char)(!binary && buffering == 1);
    f->io->raw = (unsigned char)(binary && buffering == 0);
    f->translate = (unsigned char)(newline == NULL);
    /* the raw (FileIO) mode, which is also a binary file's mode */
    if (creating)
        strcpy(f->io->rawmode, updating ? "xb+" : "xb");
    else if (appending)
        strcpy(f->io->rawmode, updating ? "ab+" : "ab");
    else if (updating)
        strcpy(f->io->rawmode, "rb+");
    else if (reading)
        strcpy(f->io->rawmode, "rb");
    else
        strcpy(f->io->rawmode, "wb");
    f->name = Py_NewRef(file);
    if (binary)
        f->mode = PyUnicode_FromString(f->io->rawmode);
    else if (modeobj != NULL)
        f->mode = Py_NewRef(modeobj);
    else
        f->mode = PyUnicode_FromString(mode);
    if (f->mode == NULL)
        goto error;
    if (!binary) {
        f->utf8 = (unsigned char)(encoding == NULL || is_utf8_name(encoding));
        f->encoding = PyUnicode_FromString(encoding == NULL ? "UTF-8" : encoding);
        if (errors == NULL || strcmp(errors, "strict") == 0)
            f->errors_kind = ERR_STRICT;
        else if (strcmp(errors, "surrogateescape") == 0)
            f->errors_kind = ERR_SURROGATEESCAPE;
        else if (strcmp(errors, "backslashreplace") == 0)
            f->errors_kind = ERR_BACKSLASHREPLACE;
        else
            f->utf8 = 0;   /* let the codec machinery handle it */
        f->errors = PyUnicode_FromString(errors == NULL ? "strict" : errors);
        if (f->encoding == NULL || f->errors == NULL)
            goto error;
    }
    else {
        f->encoding = Py_NewRef(Py_None);
        f->errors = Py_NewRef(Py_None);
    }
    if (appending && !PyLong_Check(file))
        (void)lseek(fd, 0, SEEK_END);
    return (PyObject *)f;

invalid_mode:
    PyErr_Format(PyExc_ValueError, "invalid mode: '%s'", mode);
    return NULL;
error:
    Py_XDECREF(f);
    return NULL;
}
