import statistics as st
from statistics import *
from fractions import Fraction as F

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4, 5, 7, 9]
print(mean([1, 2, 3, 4, 4]), mean([1, 2]), mean(data), mean([F(3, 7), F(1, 21), F(5, 3), F(1, 3)]), mean(iter(range(10))), mean([1, 2.5, F(1, 2)]))
print(fmean([3.5, 4.0, 5.25]), fmean(iter([1, 2, 3])), fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]), geometric_mean([54, 24, 36]))
print(harmonic_mean([40, 60]), harmonic_mean([2.5, 3, 10]), harmonic_mean([40, 60], weights=[5, 30]), harmonic_mean([0, 5]), harmonic_mean([7]), harmonic_mean([F(1, 2), F(1, 3)]))
print(median([1, 3, 5]), median([1, 3, 5, 7]), median_low([1, 3, 5, 7]), median_high([1, 3, 5, 7]), median(['b', 'a', 'c']), median([F(1, 2), F(1, 3)]))
print(median_grouped([52, 52, 53, 54]), median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), median_grouped([1, 3, 3, 5, 7], interval=2))
print(mode([1, 1, 2, 3, 3, 3, 3, 4]), mode(['red', 'blue', 'blue', 'red', 'green', 'red', 'red']), mode('aabbc'), multimode('aabbbbccddddeeffffgg'), multimode(''))
print(quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'), quantiles([1, 2], n=3), quantiles(ints), quantiles([F(1), F(2), F(3)], n=2))
print(variance(data), variance([1, 2, 3, 4]), variance(ints), variance([F(1, 6), F(1, 2), F(5, 3)]), variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75], 2.75))
print(pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), pvariance(ints), pvariance([1, 2, 3, 4], 2.5), pvariance([F(1, 4), F(5, 4), F(1, 2)]))
print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), stdev(ints), stdev([1, 2]), pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), pstdev(ints), pstdev([5]), stdev([F(1, 3), F(2, 3), F(5, 3)]))
print(stdev([10**20, 10**20 + 1, 10**20 + 2]), variance([10**20, 10**20 + 1, 10**20 + 2]), stdev([0.1] * 3 + [0.2]), pstdev([1e100, 3e100]))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(covariance(x, y), covariance(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), correlation(x, x), correlation(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), correlation(x, y))
print(correlation([1, 2, 3, 4, 5], [1, 4, 9, 16, 25], method='ranked'), correlation([3, 1, 2], [10, 30, 20], method='ranked'))
print(linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]), linear_regression([1, 2, 3], [2, 4, 7], proportional=True))
print(st._rank([31, 56, 31, 25, 75, 18]))
# errors
show(lambda: mean([]))
show(lambda: mean(['a', 'b']))
show(lambda: mean([1, 'a']))
show(lambda: fmean([]))
show(lambda: fmean([1, 2], weights=[1]))
show(lambda: fmean([1, 2], weights=[0, 0]))
show(lambda: geometric_mean([]))
show(lambda: geometric_mean([-1, 2]))
show(lambda: harmonic_mean([]))
show(lambda: harmonic_mean([-1, 2]))
show(lambda: harmonic_mean([1, 2], weights=[1]))
show(lambda: harmonic_mean(['a']))
show(lambda: median([]))
show(lambda: median_low([]))
show(lambda: median_high([]))
show(lambda: median_grouped([]))
show(lambda: median_grouped(['a', 'b']))
show(lambda: mode([]))
show(lambda: quantiles([1], n=4))
show(lambda: quantiles([1, 2], n=0))
show(lambda: quantiles([1, 2], method='x'))
show(lambda: variance([1]))
show(lambda: pvariance([]))
show(lambda: stdev([1]))
show(lambda: pstdev([]))
show(lambda: covariance([1], [1]))
show(lambda: covariance([1, 2], [1]))
show(lambda: correlation([1, 1, 1], [1, 2, 3]))
show(lambda: correlation([1, 2], [1, 2], method='x'))
show(lambda: linear_regression([1, 1], [1, 2]))
show(lambda: linear_regression([1], [1]))
print(issubclass(StatisticsError, ValueError), st.__all__)

# NormalDist
N = NormalDist(100, 15)
print(N, N.mean, N.median, N.mode, N.stdev, N.variance, repr(NormalDist()))
print(N.cdf(130), N.pdf(100), N.inv_cdf(0.95), N.quantiles(), [round(q, 6) for q in NormalDist().quantiles(10)], N.zscore(145))
print(NormalDist().inv_cdf(0.01), NormalDist().inv_cdf(1e-10), NormalDist().inv_cdf(0.999999), NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), NormalDist(1, 2).overlap(NormalDist(3, 2)))
print(N + 5, N - 5, N * 2, N / 2, -N, +N, 10 - N, N + NormalDist(0, 20), N - NormalDist(1, 20), 3 * N, N == NormalDist(100, 15), hash(N) == hash(NormalDist(100, 15)))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(NormalDist(0, 1).samples(3, seed=42))
show(lambda: NormalDist(0, -1))
show(lambda: NormalDist(0, 0).pdf(1))
show(lambda: NormalDist(0, 0).cdf(1))
show(lambda: NormalDist().inv_cdf(0))
show(lambda: NormalDist().overlap(5))
show(lambda: NormalDist(1, 0).zscore(1))
show(lambda: NormalDist.from_samples([1]))
