# case mapping and character properties beyond ASCII
words = ["ǅungla", "ß", "straße", "İstanbul", "Ünïcödé", "ﬁ", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "ǈ", "Ꭰ", "ａｂｃ", "ŉ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.capitalize()), repr(w.title()),
          repr(w.swapcase()), repr(w.casefold()), len(w.upper()))
for w in words + ["½", "²", "٣", "Ⅻ", "x\u0301", "\u00a0", "\u2003", "\u200b", "é", "中文", "𝟘", "\u3000"]:
    print(repr(w), w.isalpha(), w.isdigit(), w.isdecimal(), w.isnumeric(), w.isalnum(),
          w.isspace(), w.isupper(), w.islower(), w.istitle(), w.isidentifier(), w.isprintable(), w.isascii())
print("ñ".isidentifier(), "变量".isidentifier(), "x²".isidentifier(), "℘".isidentifier())
print("é".isascii(), "\u00a0".isprintable(), "\u00ad".isprintable(), "\U0001f600".isprintable())
print(" \u00a0x\u2003".split(), "a\u3000b".split(), repr("\u2028x\u2029".strip()))
print(int("٣٤"), float("１.５"), "²".isdigit(), "Ⅻ".isnumeric())
