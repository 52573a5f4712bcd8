# adapted from batch 8's pdfify.py: turn an unbroken report into a PDF-to-text style file.
# Paragraphs indented with two ideographic spaces; lines cut every WIDTH chars (mid-word and
# mid-name, never inside a Latin/digit run); lines of one paragraph follow each other directly,
# paragraphs are separated by a blank line; spaces around digit runs next to Han; after every
# PAGE lines a footer "- N -", a form feed-free blank line and the running header.
import re, sys
WIDTH, PAGE = int(sys.argv[4]), int(sys.argv[5])
src, dst, header = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src, encoding='utf-8').read()
paras = [p for p in text.split('\n') if p.strip()]
def space_digits(s):
    s = re.sub(r'(?<=[\u4e00-\u9fff])(\d[\d.]*)', r' \1', s)
    s = re.sub(r'(\d[\d.]*%?)(?=[\u4e00-\u9fff])', r'\1 ', s)
    return s
out, n, page = [], 0, 1
def emit(ln):
    global n, page
    out.append(ln)
    n += 1
    if n % PAGE == 0:
        out.extend(['', '- %d -' % page, '', header, '']); page += 1
for i, p in enumerate(paras):
    p = space_digits(p) if i else p
    p = ('\u3000\u3000' + p) if i else p
    cur, j, lines = '', 0, []
    while j < len(p):
        m = re.match(r'[A-Za-z0-9.%\-]+', p[j:])
        tok = m.group(0) if m else p[j]
        if len(cur) + len(tok) > WIDTH and cur and tok not in '，。；：、）”%':
            lines.append(cur); cur = ''
        cur += tok; j += len(tok)
    if cur: lines.append(cur)
    for ln in lines:
        emit(ln.rstrip(' ') if not ln.startswith(' ') else ln.strip(' '))
    if out[-1] != '': out.append('')
out.append('- %d -' % page)
open(dst, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
