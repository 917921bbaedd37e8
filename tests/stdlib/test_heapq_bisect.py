import heapq, bisect
from heapq import *

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

h = []
for v in [5, 3, 8, 1, 9, 2, 7, 1]:
    heappush(h, v)
print(h, [heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data)
print(data, data[0])
print(heapreplace(data, 10), data)
print(heappushpop(data, -1), heappushpop(data, 4), data)
print(heappushpop([], 3))
pq = []
for prio, task in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'aa')]:
    heappush(pq, (prio, task))
print([heappop(pq) for _ in range(4)])
show(lambda: heappop([]))
show(lambda: heapreplace([], 1))
show(lambda: heappush((), 1))
show(lambda: heappush([]))
show(lambda: heappop(5))
show(lambda: heapify('abc'))
show(lambda: heappushpop(1, 2))
show(lambda: heappush([1], 'a'))
big = list(range(100, 0, -3))
heapify(big)
print([heappop(big) for _ in range(5)], len(big))

print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(merge([7, 5, 1], [8, 2], reverse=True)), list(merge()), list(merge([1])), list(merge([], [])))
print(list(merge([3, 1], [2], key=lambda x: -x, reverse=False)))
print(list(merge([(1, 'a'), (2, 'b')], [(1, 'c')], key=lambda t: t[0])))
print(type(merge([1])).__name__)
nums = [5, 1, 8, 3, 9, 2, 8, 7, 1]
print(nlargest(3, nums), nsmallest(3, nums), nlargest(1, nums), nsmallest(1, []), nlargest(0, nums), nsmallest(-2, nums), nlargest(20, nums))
words = ['bb', 'a', 'cccc', 'dd', 'e', 'ff']
print(nlargest(2, words, key=len), nsmallest(3, words, key=len), nsmallest(2, iter(words), key=len), nlargest(3, iter(nums)))
print(nsmallest(4, iter([(1, 'x'), (1, 'y'), (0, 'z'), (1, 'w')]), key=lambda t: t[0]))
print(nlargest(4, iter([(1, 'x'), (1, 'y'), (0, 'z'), (1, 'w'), (2, 'v')]), key=lambda t: t[0]))
print(heapq.__all__)

a = [1, 2, 2, 2, 3, 5, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=1), bisect.bisect_left(a, 2, lo=4))
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, v)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 0)
print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1])
bisect.insort_left(recs, ('e', 3), key=lambda r: r[1])
print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect('abdf', 'c'), bisect.bisect_left((1, 3, 5), 3))
show(lambda: bisect.bisect([1, 2], 1, -1))
show(lambda: bisect.bisect(1, 1))
show(lambda: bisect.bisect())
show(lambda: bisect.bisect([1], 1, lo='a'))
show(lambda: bisect.insort((1, 2), 1))
show(lambda: bisect.bisect_left([1, 'a'], 2))
show(lambda: bisect.bisect_left([1, 2, 3], 2, x=1))
show(lambda: bisect.bisect_right([1, 2], 2, 0, 5))
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)
