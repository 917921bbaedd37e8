#!/bin/sh
# Benchmarks: each bench/*.py under refpy and under CPython 3.12 in the same
# run; prints wall time, time ratio and peak memory (max RSS) of each.
# Usage: sh bench/run.sh [build/refpy] [repeats]
bin=${1:-build/refpy}
py=""
for cand in python3.12 "$(pyenv root 2>/dev/null)/versions/3.12.1/bin/python3"; do
    if "$cand" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then py=$cand; break; fi
done
[ -n "$py" ] || { echo "bench: CPython 3.12 not found" >&2; exit 2; }
host=python3
command -v python3 >/dev/null 2>&1 || host=$py
exec "$host" bench/measure.py "$bin" "$py" "${2:-3}" $(ls bench/*.py | grep -v measure.py)
