# heldout16's PDF-to-text layout for the 中马钦州产业园区 汇报, from the shared pdfify.py:
# three title lines centred with ASCII spaces; body paragraphs indented with two U+3000
# and cut every WIDTH chars (mid-word, mid-name); a blank line between paragraphs but not
# between the lines of a paragraph; spaces around digit runs next to Han; after PAGE body
# lines a blank line, a centred footer "— N —", a form feed and the running header
# "中马钦州产业园区管委会        2025 年上半年工作汇报" with a blank line.
import os, sys
_here = os.path.dirname(os.path.abspath(__file__))
for _d in (os.path.join(_here, '..', '..', 'tools'), _here):
    if os.path.exists(os.path.join(_d, 'pdfify.py')):
        sys.path.insert(0, os.path.abspath(_d)); break
from pdfify import space_digits, cut_lines, paragraphs

WIDTH, PAGE = 32, 32
HEADER = '中马钦州产业园区管委会' + ' ' * 8 + '2025 年上半年工作汇报'

def layout(src, width=WIDTH, page=PAGE):
    paras = paragraphs(src)
    title, body = paras[:3], paras[3:]
    out = [' ' * 10 + title[0], ' ' * 11 + space_digits(title[1]), ' ' * 12 + space_digits(title[2]), '']
    lines = []  # (text, last line of its paragraph)
    for p in body:
        cut = cut_lines('\u3000\u3000' + space_digits(p), width)
        lines += [(c, k == len(cut) - 1) for k, c in enumerate(cut)]
    n, pg = 0, 1
    for ln, last in lines:
        out.append(ln.rstrip(' ') if not ln.startswith(' ') else ' ' + ln.strip(' '))
        n += 1
        if n % page == 0:
            out += ['', ' ' * 15 + '— %d —' % pg, '\f' + HEADER, '']
            pg += 1
        elif last:
            out.append('')
    out += ['', ' ' * 15 + '— %d —' % pg]
    return '\n'.join(out) + '\n', pg

if __name__ == '__main__':
    text, pages = layout(sys.argv[1])
    open(sys.argv[2], 'w', encoding='utf-8').write(text)
