# batch 10 variant of pdfify.py: PDF-to-text style lines WITHOUT blank lines between them.
# Paragraphs are indented with two ideographic spaces (a numbered list line is not indented);
# lines are cut every WIDTH chars (mid-word and mid-name, never inside a Latin/digit run);
# spaces around digit runs next to Han; after every PAGE lines a footer "第 N 页 共 M 页",
# a form feed and the running header.
import re, sys
WIDTH, PAGE = 35, 27
src, dst, header = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src, encoding='utf-8').read()
paras = [p for p in text.split('\n') if p.strip()]
def space_digits(s):
    s = re.sub(r'(?<=[\u4e00-\u9fff])(\d[\d.]*)', r' \1', s)
    s = re.sub(r'(\d[\d.]*%?)(?=[\u4e00-\u9fff])', r'\1 ', s)
    return s
lines = []
for i, p in enumerate(paras):
    if i:
        p = space_digits(p)
        if not re.match(r'\d+\.|附', p):
            p = '\u3000\u3000' + p
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
