import sys

before = sys.getallocatedblocks()
keep = [str(i) * 3 for i in range(1000)]
during = sys.getallocatedblocks()
print(during - before >= 1000)
del keep
after = sys.getallocatedblocks()
print(after - before < 50)
print(type(before) is int)
