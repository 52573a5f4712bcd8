# adapted from pdfify.py for batch 11: paragraphs indented with two ideographic
# spaces, lines cut every WIDTH chars (mid-word, never inside a Latin/digit run),
# NO blank lines at all (lines of one paragraph and paragraphs follow directly),
# spaces around digit runs next to Han, and after every PAGE lines a footer
# "第 N 页 共 M 页" followed by the running header.
# usage: python3 pdfify11.py SRC DST HEADER   (paths relative to the caller)
import re, sys
WIDTH, PAGE = 35, 28
src, dst, header = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src, encoding='utf-8').read()
paras = [p for p in text.split('\n') if p.strip()]
def space_digits(s):
    s = re.sub(r'(?<=[\u4e00-\u9fff])(\d[\d.]*)', r' \1', s)
    s = re.sub(r'(\d[\d.]*%?)(?=[\u4e00-\u9fff])', r'\1 ', s)
    return s
lines = []
for i, p in enumerate(paras):
    p = space_digits(p) if i else p
    p = ('\u3000\u3000' + p) if i else p
    cur = ''
    j = 0
    while j < len(p):
        m = re.match(r'[A-Za-z0-9.%\-]+', p[j:])
        tok = m.group(0) if m else p[j]
        if len(cur) + len(tok) > WIDTH and cur and tok not in '，。；：、）”%':
            lines.append(cur); cur = ''
        cur += tok; j += len(tok)
    if cur: lines.append(cur)
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
