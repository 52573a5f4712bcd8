# turn an unbroken report into a PDF-to-text style file:
# paragraphs indented with two ideographic spaces, lines cut every WIDTH chars
# (mid-word and mid-name, never inside a Latin/digit run), a blank line between
# lines, spaces around digit runs next to Han, a page footer "— N —" and a
# running header after every PAGE lines.
import re, sys
WIDTH, PAGE = 36, 30
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
out, n, page = [], 0, 1
for ln in lines:
    out.append(ln.rstrip(' ') if not ln.startswith(' ') else ln.strip(' '))
    n += 1
    if n % PAGE == 0:
        out.append('— %d —' % page); page += 1
        out.append(header)
out.append('— %d —' % page)
open(dst, 'w', encoding='utf-8').write('\n\n'.join(out) + '\n')
