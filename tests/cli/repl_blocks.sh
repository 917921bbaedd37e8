# When is a statement complete?  Compound statements wait for a blank line;
# open brackets, triple-quoted strings, backslashes and decorators ask for
# more lines; other syntax errors are reported at once.
py=$1
run() {
    printf "$1" | "$py" -i -q 2>&1
    echo "[exit $?]"
}
run '# just a comment\n\n1\n'
run 'if 1:\n    x = 1\ny = 2\nx\n'
run 'for i in range(2):\n    print(i)\nelse:\n    print("done")\n\n'
run 'if 1: print(5)\n\n'
run '(1,\n\n2)\n'
run 's = """a\n\nb"""\ns\n'
run 'x = 1 \\\n + 2\nx\n'
run '@staticmethod\ndef f(): pass\n\ntype(f).__name__\n'
run '@dec\n\nx = 1\nx\n'
run 'def f():\n\n'
run 'try:\n    pass\n\n'
run 'try:\n    1/0\nexcept ZeroDivisionError:\n    print("caught")\n\n'
run 'class A:\n    def m(self):\n        return 7\n\nA().m()\n'
run '1 +\n2\n'
run '  1\n'
run '1; 2\n'
run "'abc\n"
run 'print 1\n'
run 'if 1:\n  x\n    y\n'
run 'while False:\n    pass\n  x\n'
run 'def f():\n    return (1 +\n\n2)\n\nf()\n'
run 'match 3:\n    case 1: pass\n    case _: print("other")\n\n'
run 'def f(:\n'
