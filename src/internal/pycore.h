/* pycore.h -- gate for refpy's internal headers.
 * Internal headers may only be included by refpy's own sources, which are
 * compiled with -DPy_BUILD_CORE. */
#ifndef REFPY_PYCORE_H
#define REFPY_PYCORE_H
#ifndef Py_BUILD_CORE
#  error "src/internal headers are for refpy's own sources (define Py_BUILD_CORE)"
#endif
#include "Python.h"
#endif
