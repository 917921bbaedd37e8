/* number_docs.h -- docstrings of int, float, complex and bool, as CPython 3.12
 * shows them (help(), __doc__, __text_signature__).  Generated from the
 * running CPython 3.12 by a script; the "name(sig)\n--\n\n" header is the
 * signature convention the method descriptors understand. */
#ifndef RP_NUMBER_DOCS_H
#define RP_NUMBER_DOCS_H

#define DOC_int_type \
    "int([x]) -> integer\n" \
    "int(x, base=10) -> integer\n" \
    "\n" \
    "Convert a number or string to an integer, or return 0 if no arguments\n" \
    "are given.  If x is a number, return x.__int__().  For floating point\n" \
    "numbers, this truncates towards zero.\n" \
    "\n" \
    "If x is not a number or if base is given, then x must be a string,\n" \
    "bytes, or bytearray instance representing an integer literal in the\n" \
    "given base.  The literal can be preceded by '+' or '-' and be surrounded\n" \
    "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n" \
    "Base 0 means to interpret the base from the string as an integer literal.\n" \
    ">>> int('0b100', base=0)\n" \
    "4"

#define DOC_int_ceil \
    "Ceiling of an Integral returns itself."

#define DOC_int_floor \
    "Flooring an Integral returns itself."

#define DOC_int_format \
    "__format__($self, format_spec, /)\n" \
    "--\n" \
    "\n" \
    "Convert to a string according to format_spec."

#define DOC_int_getnewargs \
    "__getnewargs__($self, /)\n" \
    "--\n" \
    "\n" \
    ""

#define DOC_int_round \
    "__round__($self, ndigits=<unrepresentable>, /)\n" \
    "--\n" \
    "\n" \
    "Rounding an Integral returns itself.\n" \
    "\n" \
    "Rounding with an ndigits argument also returns an integer."

#define DOC_int_sizeof \
    "__sizeof__($self, /)\n" \
    "--\n" \
    "\n" \
    "Returns size in memory, in bytes."

#define DOC_int_trunc \
    "Truncating an Integral returns itself."

#define DOC_int_as_integer_ratio \
    "as_integer_ratio($self, /)\n" \
    "--\n" \
    "\n" \
    "Return a pair of integers, whose ratio is equal to the original int.\n" \
    "\n" \
    "The ratio is in lowest terms and has a positive denominator.\n" \
    "\n" \
    ">>> (10).as_integer_ratio()\n" \
    "(10, 1)\n" \
    ">>> (-10).as_integer_ratio()\n" \
    "(-10, 1)\n" \
    ">>> (0).as_integer_ratio()\n" \
    "(0, 1)"

#define DOC_int_bit_count \
    "bit_count($self, /)\n" \
    "--\n" \
    "\n" \
    "Number of ones in the binary representation of the absolute value of self.\n" \
    "\n" \
    "Also known as the population count.\n" \
    "\n" \
    ">>> bin(13)\n" \
    "'0b1101'\n" \
    ">>> (13).bit_count()\n" \
    "3"

#define DOC_int_bit_length \
    "bit_length($self, /)\n" \
    "--\n" \
    "\n" \
    "Number of bits necessary to represent self in binary.\n" \
    "\n" \
    ">>> bin(37)\n" \
    "'0b100101'\n" \
    ">>> (37).bit_length()\n" \
    "6"

#define DOC_int_conjugate \
    "Returns self, the complex conjugate of any int."

#define DOC_int_denominator \
    "the denominator of a rational number in lowest terms"

#define DOC_int_from_bytes \
    "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n" \
    "--\n" \
    "\n" \
    "Return the integer represented by the given array of bytes.\n" \
    "\n" \
    "  bytes\n" \
    "    Holds the array of bytes to convert.  The argument must either\n" \
    "    support the buffer protocol or be an iterable object producing bytes.\n" \
    "    Bytes and bytearray are examples of built-in objects that support the\n" \
    "    buffer protocol.\n" \
    "  byteorder\n" \
    "    The byte order used to represent the integer.  If byteorder is 'big',\n" \
    "    the most significant byte is at the beginning of the byte array.  If\n" \
    "    byteorder is 'little', the most significant byte is at the end of the\n" \
    "    byte array.  To request the native byte order of the host system, use\n" \
    "    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n" \
    "  signed\n" \
    "    Indicates whether two's complement is used to represent the integer."

#define DOC_int_imag \
    "the imaginary part of a complex number"

#define DOC_int_is_integer \
    "is_integer($self, /)\n" \
    "--\n" \
    "\n" \
    "Returns True. Exists for duck type compatibility with float.is_integer."

#define DOC_int_numerator \
    "the numerator of a rational number in lowest terms"

#define DOC_int_real \
    "the real part of a complex number"

#define DOC_int_to_bytes \
    "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n" \
    "--\n" \
    "\n" \
    "Return an array of bytes representing an integer.\n" \
    "\n" \
    "  length\n" \
    "    Length of bytes object to use.  An OverflowError is raised if the\n" \
    "    integer is not representable with the given number of bytes.  Default\n" \
    "    is length 1.\n" \
    "  byteorder\n" \
    "    The byte order used to represent the integer.  If byteorder is 'big',\n" \
    "    the most significant byte is at the beginning of the byte array.  If\n" \
    "    byteorder is 'little', the most significant byte is at the end of the\n" \
    "    byte array.  To request the native byte order of the host system, use\n" \
    "    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n" \
    "  signed\n" \
    "    Determines whether two's complement is used to represent the integer.\n" \
    "    If signed is False and a negative integer is given, an OverflowError\n" \
    "    is raised."

#define DOC_float_type \
    "float(x=0, /)\n" \
    "--\n" \
    "\n" \
    "Convert a string or number to a floating point number, if possible."

#define DOC_float_ceil \
    "__ceil__($self, /)\n" \
    "--\n" \
    "\n" \
    "Return the ceiling as an Integral."

#define DOC_float_floor \
    "__floor__($self, /)\n" \
    "--\n" \
    "\n" \
    "Return the floor as an Integral."

#define DOC_float_format \
    "__format__($self, format_spec, /)\n" \
    "--\n" \
    "\n" \
    "Formats the float according to format_spec."

#define DOC_float_getformat \
    "__getformat__($type, typestr, /)\n" \
    "--\n" \
    "\n" \
    "You probably don't want to use this function.\n" \
    "\n" \
    "  typestr\n" \
    "    Must be 'double' or 'float'.\n" \
    "\n" \
    "It exists mainly to be used in Python's test suite.\n" \
    "\n" \
    "This function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\n" \
    "little-endian' best describes the format of floating point numbers used by the\n" \
    "C type named by typestr."

#define DOC_float_getnewargs \
    "__getnewargs__($self, /)\n" \
    "--\n" \
    "\n" \
    ""

#define DOC_float_round \
    "__round__($self, ndigits=None, /)\n" \
    "--\n" \
    "\n" \
    "Return the Integral closest to x, rounding half toward even.\n" \
    "\n" \
    "When an argument is passed, work like built-in round(x, ndigits)."

#define DOC_float_trunc \
    "__trunc__($self, /)\n" \
    "--\n" \
    "\n" \
    "Return the Integral closest to x between 0 and x."

#define DOC_float_as_integer_ratio \
    "as_integer_ratio($self, /)\n" \
    "--\n" \
    "\n" \
    "Return a pair of integers, whose ratio is exactly equal to the original float.\n" \
    "\n" \
    "The ratio is in lowest terms and has a positive denominator.  Raise\n" \
    "OverflowError on infinities and a ValueError on NaNs.\n" \
    "\n" \
    ">>> (10.0).as_integer_ratio()\n" \
    "(10, 1)\n" \
    ">>> (0.0).as_integer_ratio()\n" \
    "(0, 1)\n" \
    ">>> (-.25).as_integer_ratio()\n" \
    "(-1, 4)"

#define DOC_float_conjugate \
    "conjugate($self, /)\n" \
    "--\n" \
    "\n" \
    "Return self, the complex conjugate of any float."

#define DOC_float_fromhex \
    "fromhex($type, string, /)\n" \
    "--\n" \
    "\n" \
    "Create a floating-point number from a hexadecimal string.\n" \
    "\n" \
    ">>> float.fromhex('0x1.ffffp10')\n" \
    "2047.984375\n" \
    ">>> float.fromhex('-0x1p-1074')\n" \
    "-5e-324"

#define DOC_float_hex \
    "hex($self, /)\n" \
    "--\n" \
    "\n" \
    "Return a hexadecimal representation of a floating-point number.\n" \
    "\n" \
    ">>> (-0.1).hex()\n" \
    "'-0x1.999999999999ap-4'\n" \
    ">>> 3.14159.hex()\n" \
    "'0x1.921f9f01b866ep+1'"

#define DOC_float_imag \
    "the imaginary part of a complex number"

#define DOC_float_is_integer \
    "is_integer($self, /)\n" \
    "--\n" \
    "\n" \
    "Return True if the float is an integer."

#define DOC_float_real \
    "the real part of a complex number"

#define DOC_complex_type \
    "complex(real=0, imag=0)\n" \
    "--\n" \
    "\n" \
    "Create a complex number from a real part and an optional imaginary part.\n" \
    "\n" \
    "This is equivalent to (real + imag*1j) where imag defaults to 0."

#define DOC_complex_complex \
    "__complex__($self, /)\n" \
    "--\n" \
    "\n" \
    "Convert this value to exact type complex."

#define DOC_complex_format \
    "__format__($self, format_spec, /)\n" \
    "--\n" \
    "\n" \
    "Convert to a string according to format_spec."

#define DOC_complex_getnewargs \
    "__getnewargs__($self, /)\n" \
    "--\n" \
    "\n" \
    ""

#define DOC_complex_conjugate \
    "conjugate($self, /)\n" \
    "--\n" \
    "\n" \
    "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."

#define DOC_complex_imag \
    "the imaginary part of a complex number"

#define DOC_complex_real \
    "the real part of a complex number"

#define DOC_bool_type \
    "bool(x) -> bool\n" \
    "\n" \
    "Returns True when the argument x is true, False otherwise.\n" \
    "The builtins True and False are the only two instances of the class bool.\n" \
    "The class bool is a subclass of the class int, and cannot be subclassed."

#endif
