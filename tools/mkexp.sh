#!/bin/sh
# mkexp.sh -- record CPython 3.12's behaviour as a test's expected output.
#
# Usage: sh tools/mkexp.sh tests/<area>/NAME.py [...]
# Writes NAME.py.exp (stdout) and, when CPython exits non-zero or writes to
# stderr, NAME.py.experr ("[exit N]" + stderr, test directory path removed).
# Expected outputs always come from CPython 3.12 through this tool; they are
# never typed by hand.  The environment matches tools/runtests.sh; NAME.sh
# tests run as `sh NAME.sh PYTHON`, with PYTHON's path written as "PY".
set -eu
py=""
for cand in python3.12 "$(pyenv root 2>/dev/null)/versions/3.12.1/bin/python3"; do
    if "$cand" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
        py=$cand; break
    fi
done
[ -n "$py" ] || { echo "mkexp: CPython 3.12 not found" >&2; exit 2; }
for t in "$@"; do
    dir=$(cd "$(dirname "$t")" && pwd); name=$(basename "$t")
    set +e
    case "$name" in
    *.sh) (cd "$dir" && env -u PYTHONUNBUFFERED PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 sh "$name" "$py" \
              > "$dir/$name.out.raw" 2> "$dir/$name.err.raw" < /dev/null) ;;
    *)    (cd "$dir" && env -u PYTHONUNBUFFERED PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 "$py" -s "$name" \
              > "$dir/$name.out.raw" 2> "$dir/$name.err.raw" < /dev/null) ;;
    esac
    rc=$?
    set -e
    sed "s|$py|PY|g" "$dir/$name.out.raw" > "$dir/$name.exp"
    rm -f "$dir/$name.out.raw"
    if [ $rc -ne 0 ] || [ -s "$dir/$name.err.raw" ]; then
        { echo "[exit $rc]"; sed -e "s|$py|PY|g" -e "s|$dir/||g" "$dir/$name.err.raw"; } > "$dir/$name.experr"
    else
        rm -f "$dir/$name.experr"
    fi
    rm -f "$dir/$name.err.raw"
    echo "mkexp: $t (exit $rc)"
done
