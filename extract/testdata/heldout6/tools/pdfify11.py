# adapted from pdfify.py for batch 11: paragraphs indented with two ideographic
# spaces, lines cut every WIDTH chars (mid-word, never inside a Latin/digit run),
# NO blank lines at all (lines of one paragraph and paragraphs follow directly),
# spaces around digit runs next to Han, and after every PAGE lines a footer
# "第 N 页 共 M 页" followed by the running header.
# usage: python3 pdfify11.py SRC DST HEADER   (paths relative to the caller)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
from pdfify import space_digits, cut_lines, paragraphs
WIDTH, PAGE = 35, 28
src, dst, header = sys.argv[1], sys.argv[2], sys.argv[3]
lines = []
for i, p in enumerate(paragraphs(src)):
    p = space_digits(p) if i else p
    p = ('\u3000\u3000' + p) if i else p
    lines += cut_lines(p, WIDTH)
total = (len(lines) + PAGE - 1) // PAGE
out, n, page = [], 0, 1
for k, ln in enumerate(lines):
    out.append(ln.rstrip(' ') if not ln.startswith(' ') else ln.strip(' '))
    n += 1
    if n % PAGE == 0 and k < len(lines) - 1:
        out.append('第 %d 页 共 %d 页' % (page, total)); page += 1
        out.append(header)
out.append('第 %d 页 共 %d 页' % (page, total))
open(dst, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
