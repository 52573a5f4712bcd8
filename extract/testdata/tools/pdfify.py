# turn an unbroken report into a PDF-to-text style file:
# paragraphs indented with two ideographic spaces, lines cut every WIDTH chars
# (mid-word and mid-name, never inside a Latin/digit run), a blank line between
# lines, spaces around digit runs next to Han, a page footer "— N —" and a
# running header after every PAGE lines.
# Batches' own layouts (pdfify10.py, pdfify11.py) import space_digits and
# cut_lines from here and lay out the pages their way.
import re, sys

def space_digits(s):
    s = re.sub(r'(?<=[\u4e00-\u9fff])(\d[\d.]*)', r' \1', s)
    s = re.sub(r'(\d[\d.]*%?)(?=[\u4e00-\u9fff])', r'\1 ', s)
    return s

def cut_lines(p, width):
    """The lines of paragraph p, cut every width chars (never inside a Latin/digit run, nor before closing punctuation)."""
    lines, cur, j = [], '', 0
    while j < len(p):
        m = re.match(r'[A-Za-z0-9.%\-]+', p[j:])
        tok = m.group(0) if m else p[j]
        if len(cur) + len(tok) > width and cur and tok not in '，。；：、）”%':
            lines.append(cur); cur = ''
        cur += tok; j += len(tok)
    if cur: lines.append(cur)
    return lines

def paragraphs(src):
    return [p for p in open(src, encoding='utf-8').read().split('\n') if p.strip()]

if __name__ == '__main__':
    WIDTH, PAGE = 36, 30
    src, dst, header = sys.argv[1], sys.argv[2], sys.argv[3]
    lines = []
    for i, p in enumerate(paragraphs(src)):
        p = space_digits(p) if i else p
        p = ('\u3000\u3000' + p) if i else p
        lines += cut_lines(p, WIDTH)
    out, n, page = [], 0, 1
    for ln in lines:
        out.append(ln.rstrip(' ') if not ln.startswith(' ') else ln.strip(' '))
        n += 1
        if n % PAGE == 0:
            out.append('— %d —' % page); page += 1
            out.append(header)
    out.append('— %d —' % page)
    open(dst, 'w', encoding='utf-8').write('\n\n'.join(out) + '\n')
