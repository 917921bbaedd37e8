/* refpy.h -- the public C API of refpy.
 *
 * Names and ownership rules are CPython's: a function documented as
 * returning a "new" reference hands the caller one reference to release;
 * a "borrowed" one must not be released and must not outlive its lender;
 * a function that "steals" an argument takes over the caller's reference.
 * Errors are reported by returning NULL or -1 with an exception set.
 * refpy-only additions are named RefPy_*.
 */
#ifndef REFPY_H
#define REFPY_H

#define REFPY_VERSION "0.1.0"
#define PY_VERSION "3.12.1"
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 12
#define PY_MICRO_VERSION 1
#define PY_VERSION_HEX 0x030C01F0

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include "refpy/pyport.h"
#include "refpy/object.h"
#include "refpy/objimpl.h"
#include "refpy/longobject.h"
#include "refpy/boolobject.h"
#include "refpy/floatobject.h"
#include "refpy/complexobject.h"
#include "refpy/unicodeobject.h"
#include "refpy/bytesobject.h"
#include "refpy/tupleobject.h"
#include "refpy/listobject.h"
#include "refpy/dictobject.h"
#include "refpy/setobject.h"
#include "refpy/rangeobject.h"
#include "refpy/methodobject.h"
#include "refpy/descrobject.h"
#include "refpy/funcobject.h"
#include "refpy/code.h"
#include "refpy/moduleobject.h"
#include "refpy/weakrefobject.h"
#include "refpy/pyerrors.h"
#include "refpy/abstract.h"
#include "refpy/pystate.h"
#include "refpy/modsupport.h"
#include "refpy/structseq.h"

#endif /* REFPY_H */
