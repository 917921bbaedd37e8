# recursion and the global statement
import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(0), fact(10), fact(30))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))

def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(10), odd(7), even(7))

def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(hanoi(3, "A", "B", "C", []))

def flatten(x):
    if isinstance(x, list):
        return [z for y in x for z in flatten(y)]
    return [x]
print(flatten([1, [2, [3, [4, []]], 5]]))

def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())

# global
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)

def make_global():
    global created_later
    created_later = "made in function"
make_global()
print(created_later)

def read_global():
    return counter   # no global needed to read
print(read_global())

def shadow():
    counter = 100
    return counter
print(shadow(), counter)

def del_global():
    global created_later
    del created_later
del_global()
print("created_later" in globals())

def read_undefined():
    global never_defined
    return never_defined
try:
    read_undefined()
except NameError as e:
    print("NameError:", e)

# global in nested function refers to module scope
x = "module"
def outer():
    x = "outer local"
    def inner():
        global x
        x = "set by inner"
    inner()
    return x
print(outer(), x)
