# C API: compile tests/capi/embed.c against the interpreter under test and run it.
# For CPython the flags come from python3.12-config; for refpy from the repo
# (include/ and build/librefpy.a, built by `make test`).
py=$1
tmp=$(mktemp -d)
if "$py" -c 'import sys; sys.exit(sys.implementation.name != "refpy")' 2>/dev/null; then
    root=$(cd ../.. && pwd)
    cc -std=gnu11 -I"$root/include" -o "$tmp/embed" embed.c "$root/build/librefpy.a" -lm \
        $(cat "$root/build/librefpy.ldlibs" 2>/dev/null)
else
    cfg="$(dirname "$py")/python3.12-config"
    cc -o "$tmp/embed" embed.c $("$cfg" --includes) $("$cfg" --ldflags --embed)
fi
"$tmp/embed"
echo "exit $?"
rm -rf "$tmp"
