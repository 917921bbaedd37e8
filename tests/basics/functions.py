def add(a, b=10, *, scale=1):
    return (a + b) * scale

print(add(1), add(1, 2), add(1, b=5), add(a=3, b=4, scale=2))

def varargs(first, *rest, **named):
    print(first, rest, sorted(named.items()))

varargs(1)
varargs(1, 2, 3, x=4, y=5)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])

counter = 0
def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print(counter)

def no_return():
    pass

print(no_return())

def multi():
    return 1, "two", 3.0

a, b, c = multi()
print(a, b, c)
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)

def defaults(x, items=[]):
    items.append(x)
    return items

print(defaults(1), defaults(2))
print(add.__name__, fib.__qualname__)
