import textwrap
from textwrap import TextWrapper, wrap, fill, dedent, indent, shorten

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

text = ("The quick brown fox jumps over the lazy dog. Python is a high-level, general-purpose "
        "programming language. Its design philosophy emphasizes code readability with the use of "
        "significant indentation -- via the off-side rule.  Well-known self-documenting one-of-a-kind "
        "e-mail x-ray re-re-enter A-B co-op 2-3 foo--bar 'quoted--text' a---b.")
for w in (10, 20, 33, 50, 79):
    print(wrap(text, w))
print(fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(wrap(text, 30, break_on_hyphens=False))
print(wrap('Supercalifragilisticexpialidocious is long', 10))
print(wrap('Supercalifragilisticexpialidocious is long', 10, break_long_words=False))
print(wrap('a-very-long-hyphenated-word-here ok', 12))
print(wrap('   leading and trailing   ', 10), wrap('   leading', 10, drop_whitespace=False))
print(wrap('tabs\there\tand\tthere', 12), wrap('tabs\there', 20, expand_tabs=False), wrap('a\tb', 20, tabsize=4))
print(wrap('line1\nline2\nline3', 8), wrap('line1\nline2', 80, replace_whitespace=False))
print(wrap('Hello there.  How are you? I am fine! "Yes." ok', 80, fix_sentence_endings=True))
print(wrap('', 10), wrap('    ', 10), wrap('x', 1), wrap('ab cd', 1))
print(wrap(text, 30, max_lines=3), wrap(text, 30, max_lines=1, placeholder='...'))
print(wrap('Hello world this is text', 12, max_lines=2, placeholder=' ~'))
show(lambda: wrap('x', 0))
show(lambda: wrap('hello world', 5, max_lines=1, placeholder=' [.......]'))
print(shorten('Hello  world!', width=12), shorten('Hello  world!', width=11), shorten('Hello world', width=20, placeholder='...'))
print(shorten(text, 60))
print(wrap('em--dash and--more--dashes -- spaced', 9))
print(wrap('under_score_words and CamelCase-Hyphen x-y-z', 7))
print(wrap('123-456-789 ab-12 12-ab', 5))
print(TextWrapper(width=15).wrap('One two three four five six'))
tw = TextWrapper(width=20, initial_indent='>> ')
print(tw.fill('Some text that will be wrapped by the wrapper.'), tw.width)

print(repr(dedent('''\
    def f():
        return 1
    ''')))
print(repr(dedent('  a\n\tb\n')), repr(dedent('   \n  x\n    y\n  ')), repr(dedent('\tx\n\t\ty')), repr(dedent('')), repr(dedent('no indent\n  x')))
print(repr(dedent('  a\r\n  b')), repr(dedent(' \t x\n \t y')), repr(dedent('  x\n \t y')))
print(repr(indent('a\nb\n\nc', '> ')), repr(indent('a\n  \nb', '+', lambda l: True)), repr(indent('', 'x')))
print(repr(indent('one\r\ntwo', '  ')))
print(textwrap.__all__)
