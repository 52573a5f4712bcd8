# batch 10 variant of pdfify.py: PDF-to-text style lines WITHOUT blank lines between them.
# Paragraphs are indented with two ideographic spaces (a numbered list line is not indented);
# lines are cut every WIDTH chars (mid-word and mid-name, never inside a Latin/digit run);
# spaces around digit runs next to Han; after every PAGE lines a footer "第 N 页 共 M 页",
# a form feed and the running header.
import os, re, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
from pdfify import space_digits, cut_lines, paragraphs
WIDTH, PAGE = 35, 27
src, dst, header = sys.argv[1], sys.argv[2], sys.argv[3]
lines = []
for i, p in enumerate(paragraphs(src)):
    if i:
        p = space_digits(p)
        if not re.match(r'\d+\.|附', p):
            p = '\u3000\u3000' + p
    lines += cut_lines(p, WIDTH)
total = (len(lines) + PAGE - 1) // PAGE
out, page = [], 1
for n, ln in enumerate(lines, 1):
    out.append(ln.strip(' '))
    if n % PAGE == 0 and n < len(lines):
        out.append('')
        out.append('第 %d 页 共 %d 页' % (page, total)); page += 1
        out.append('\f' + header)
        out.append('')
out.append('')
out.append('第 %d 页 共 %d 页' % (page, total))
open(dst, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
