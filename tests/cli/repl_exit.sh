# Leaving the prompt: end of input (also in the middle of a statement),
# SystemExit with its status, exit().
py=$1
run() {
    printf "$1" | "$py" -i -q 2>&1
    echo "[exit $?]"
}
run '1\n'
run 'import sys\nsys.exit(3)\nprint("not reached")\n'
run 'raise SystemExit("bye")\n'
run 'exit\nexit()\nprint("not reached")\n'
run 'quit(5)\n'
run 'def f():\n    return 1\n'
run 'x = (1,\n'
run 'if 1:\n'
run 'print("no newline at the end")'
