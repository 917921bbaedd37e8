#!/bin/sh
# Run every example under refpy, showing each source file's output.
bin=${1:-build/refpy}
status=0
for f in examples/refcounts.py examples/immortal.py examples/destruction.py examples/disassembly.py; do
    echo "=================== $f ==================="
    "$bin" "$f" || status=1
    echo
done
exit $status
