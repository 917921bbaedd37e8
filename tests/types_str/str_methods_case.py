# str case methods and predicates (ASCII)
words = ["hello", "Hello World", "HELLO", "hello world", "123", "abc123", "", " ",
         "hello_world-x", "they're bill's", "mIxEd CaSe", "a1b2 c3", "x.Y.z", "ABC def GHI"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.capitalize()), repr(w.title()),
          repr(w.swapcase()), repr(w.casefold()))
for w in words + ["\t\n", "ABC", "Abc Def", "abc def", "A", "Ab1", "12ab", "\x00", "\x7f", "a b"]:
    print(repr(w), w.isalpha(), w.isdigit(), w.isdecimal(), w.isnumeric(), w.isalnum(),
          w.isspace(), w.isupper(), w.islower(), w.istitle(), w.isidentifier(), w.isprintable(), w.isascii())
print("def".isidentifier(), "_x1".isidentifier(), "1x".isidentifier(), "".isidentifier())
print("Hello".upper().lower().title(), "hELLO wORLD".swapcase(), "o'neil mc-donald".title())
