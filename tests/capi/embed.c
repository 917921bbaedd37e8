/* embed.c -- an embedding program written against CPython's C API.
 * The same source is compiled against CPython 3.12 (to make the expected
 * output) and against refpy (tests/capi/embed.sh). */
#include <Python.h>
#include <stdio.h>

static void
show(const char *label, PyObject *o)
{
    PyObject *r = PyObject_Repr(o);
    printf("%s: %s (refcnt %zd)\n", label, r ? PyUnicode_AsUTF8(r) : "<error>", Py_REFCNT(o));
    Py_XDECREF(r);
}

int
main(void)
{
    Py_Initialize();

    /* New references, ownership and immortal objects. */
    PyObject *n = PyLong_FromLong(1234567);          /* new */
    show("int", n);
    PyObject *list = PyList_New(0);                  /* new */
    PyList_Append(list, n);                          /* borrows: incref */
    show("int after append", n);
    PyObject *t = PyTuple_New(2);                    /* new */
    PyTuple_SET_ITEM(t, 0, Py_NewRef(n));            /* steals */
    PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None));
    show("tuple", t);
    show("int in tuple and list", n);
    printf("None immortal: %d, refcnt %zd\n", Py_REFCNT(Py_None) == 4294967295, Py_REFCNT(Py_None));

    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "key", list);
    PyObject *got = PyDict_GetItemString(d, "key"); /* borrowed */
    printf("borrowed is list: %d\n", got == list);
    show("dict", d);

    /* Building values and parsing arguments. */
    PyObject *v = Py_BuildValue("(isd)", 7, "seven", 7.5);
    int i; const char *s; double f;
    if (PyArg_ParseTuple(v, "isd", &i, &s, &f))
        printf("parsed: %d %s %.1f\n", i, s, f);
    show("built", v);

    /* Running code and calling into it. */
    PyRun_SimpleString("def greet(name):\n    return 'hello ' + name\nprint('from python', 6 * 7)\n");
    PyObject *main = PyImport_AddModule("__main__");   /* borrowed */
    PyObject *greet = PyObject_GetAttrString(main, "greet");
    PyObject *res = PyObject_CallFunction(greet, "s", "embedder");
    show("call result", res);

    /* Errors come back as NULL with an exception set. */
    PyObject *bad = PyObject_CallFunction(greet, "i", 5);
    printf("NULL returned: %d, exception set: %d\n", bad == NULL, PyErr_Occurred() != NULL);
    if (PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyObject *exc = PyErr_GetRaisedException();
        show("exception", exc);
        Py_DECREF(exc);
    }
    PyObject *missing = PyObject_GetAttrString(main, "nope");
    printf("missing attr: %d %d\n", missing == NULL, PyErr_ExceptionMatches(PyExc_AttributeError));
    PyErr_Clear();

    Py_DECREF(res);
    Py_DECREF(greet);
    Py_DECREF(v);
    Py_DECREF(d);
    Py_DECREF(t);
    Py_DECREF(list);
    show("int at the end", n);
    Py_DECREF(n);
    fflush(stdout);
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
