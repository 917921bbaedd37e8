/* Python.h -- compatibility entry point: C written for CPython's API
 * includes this and gets refpy's implementation of the same names. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "refpy.h"
#endif
