#!/bin/sh
# runtests.sh -- the differential test runner.
#
# Usage: sh tools/runtests.sh BINARY [TEST.py ...]
#
# A test is tests/<area>/NAME.py with NAME.py.exp beside it: the exact
# stdout CPython 3.12 printed for it (made by tools/mkexp.sh, never by hand).
# If CPython exited non-zero or wrote to stderr, NAME.py.experr holds
# "[exit N]" followed by that stderr; otherwise the test must exit 0 with
# an empty stderr -- so a sanitizer report, a warning or a crash fails it.
# Each test runs in its own directory as `BINARY NAME.py`, with the test
# directory's absolute path removed from stderr (CPython prints absolute
# script paths in tracebacks).  A test may instead be NAME.sh (command-line
# behaviour): it runs as `sh NAME.sh INTERPRETER` and its output has the
# interpreter's path replaced by "PY".  The last line is "N passed, N failed".
set -u
bin=$1; shift
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
[ -x "$bin" ] || { echo "runtests: no executable $bin" >&2; exit 2; }
if [ $# -eq 0 ]; then
    set -- $(ls tests/*/*.py tests/*/*.sh 2>/dev/null | while read -r f; do [ -f "$f.exp" ] && echo "$f"; done)
fi
timeout_s=${RP_TEST_TIMEOUT:-120}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; failed=""
for t in "$@"; do
    dir=$(cd "$(dirname "$t")" && pwd); name=$(basename "$t")
    case "$name" in
    *.sh) (cd "$dir" && env -u PYTHONUNBUFFERED PYTHONHASHSEED=0 LC_ALL=C.UTF-8 timeout "$timeout_s" sh "$name" "$bin" \
              > "$tmp/out.raw" 2> "$tmp/err.raw" < /dev/null) ;;
    *)    (cd "$dir" && env -u PYTHONUNBUFFERED PYTHONHASHSEED=0 LC_ALL=C.UTF-8 timeout "$timeout_s" "$bin" "$name" \
              > "$tmp/out.raw" 2> "$tmp/err.raw" < /dev/null) ;;
    esac
    rc=$?
    sed -e "s|$bin|PY|g" "$tmp/out.raw" > "$tmp/out"
    sed -e "s|$bin|PY|g" -e "s|$dir/||g" "$tmp/err.raw" > "$tmp/err"
    ok=1
    cmp -s "$tmp/out" "$t.exp" || ok=0
    if [ -f "$t.experr" ]; then
        { echo "[exit $rc]"; cat "$tmp/err"; } > "$tmp/experr"
        cmp -s "$tmp/experr" "$t.experr" || ok=0
    else
        [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] || ok=0
    fi
    if [ $ok -eq 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); failed="$failed $t"
        echo "FAIL $t (exit $rc)"
        if [ "${RP_TEST_VERBOSE:-1}" != 0 ]; then
            diff "$t.exp" "$tmp/out" | head -n 15 | sed 's/^/    /'
            if [ -f "$t.experr" ]; then diff "$t.experr" "$tmp/experr" | head -n 15 | sed 's/^/    /'
            else head -n 15 "$tmp/err" | sed 's/^/    stderr: /'; fi
        fi
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
