import string
from string import Template, Formatter

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for name in ['whitespace', 'ascii_lowercase', 'ascii_uppercase', 'ascii_letters', 'digits',
             'hexdigits', 'octdigits', 'punctuation', 'printable']:
    print(name, repr(getattr(string, name)))
print(string.capwords('  hello   world  foo '), string.capwords('a-b-c', '-'), string.capwords("they're bill's"))
print(sorted(string.__all__))

t = Template('$who likes $what, ${who}s and $$5; $x_1.')
print(t.substitute(who='tim', what='kung pao', x_1=3))
print(t.substitute({'who': 'ann', 'what': 'tea'}, x_1=0, what='coffee'))
print(t.safe_substitute(who='bob'))
show(lambda: t.substitute(who='x'))
show(lambda: Template('cost: $ 5').substitute())
show(lambda: Template('a\nb $').substitute())
show(lambda: Template('line1\nline2 ${bad name}').substitute({}))
print(Template('$ 5 and ${oops').safe_substitute(), Template('$a$b${c}').safe_substitute(b=2))
print(Template('$who $$ ${who}').get_identifiers(), Template('$a ${b} $a').get_identifiers(), Template('ok $x').is_valid(), Template('bad $').is_valid())
print(t.template, Template.delimiter, Template('${9}').safe_substitute(), Template('$ÿ').safe_substitute())
class Percent(Template):
    delimiter = '%'
print(Percent('%name is %% %{name}!').substitute(name='x'))
class Double(Template):
    delimiter = '::'
print(Double('a::b ::::c').substitute(b=1))
print(Template('$x').substitute(x=[1, 2]), Template('').substitute(), Template('no placeholders').substitute(a=1))
show(lambda: Template('$x').substitute({}, y=1))

f = Formatter()
print(f.format('{0}, {1}, {0}', 'a', 'b'), f.format('{} {}', 1, 2), f.format('{x:>5}|{y!r}', x=3, y='s'))
print(f.format('{0[1]} {a.real} {d[key]}', [5, 6], a=7j, d={'key': 'v'}), f.format('{:{w}.{p}f}', 3.14159, w=8, p=2))
print(f.vformat('{a}-{0}', ('z',), {'a': 'y'}), f.format('{!a}', 'é'), f.format('{{}} {{{0}}}', 9))
for s in ['a{{b', 'x}}y', '{0}', 'a{b!r:>{w}}c', '{}{}', '{:}', '{!s}', 'plain', '', '{a.b[c]}',
          '{!x}', '{0:{1:{2}}}', '}}', '{{', 'a{b}c{{d}}e', '{0[}', 'a{', 'a}', '{!}', '{0!rr}', '{a', '{:{}', '{a{b}}', '{0!', 'x{0[1]}y']:
    show(lambda: list(f.parse(s)))
show(lambda: f.format('{} {0}', 1))
show(lambda: f.format('{0} {}', 1))
show(lambda: f.format('{x}'))
show(lambda: f.format('{5}'))
show(lambda: f.format('{0!z}', 1))
show(lambda: f.format('{0.}', 1))
show(lambda: f.format('{0[}', 1))
show(lambda: f.format('{0[1]x}', [1, 2]))
show(lambda: f.format('{:{:{:{}}}}', 1, 2, 3, 4))
class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(kwargs) - used
        if extra:
            raise ValueError(f'unused: {sorted(extra)}')
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, '<' + key + '>')
        return super().get_value(key, args, kwargs)
    def format_field(self, value, spec):
        return '[' + super().format_field(value, spec) + ']'
print(Strict().format('{a} {b} {0}', 1, a=2))
show(lambda: Strict().format('{a}', a=1, z=2))
print(Formatter().get_field('0.real', (5,), {}), Formatter().convert_field(5, 'r'), Formatter().convert_field('x', None))
