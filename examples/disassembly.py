# disassembly.py -- the bytecode CPython 3.12 would run, instruction for instruction.
import dis

def add(a, b):
    return a + b

def total(items):
    s = 0
    for x in items:
        if x > 0:
            s += x
    return s

dis.dis(add)
dis.dis(total)
