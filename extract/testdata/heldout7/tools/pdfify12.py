# PDF-to-text layout of batch 12 (kunming-jkq-2025): paragraphs indented with
# two ideographic spaces, lines cut every WIDTH chars (mid-word, mid-name), no
# blank lines at all, spaces around digit runs, and at each page end a footer
# "第 N 页 共 M 页" followed by the running header of the next page.
# Uses space_digits and cut_lines of the shared pdfify.py.
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', '..', 'tools'))  # pdfify.py, shared by the batches
from pdfify import space_digits, cut_lines, paragraphs

WIDTH, PAGE = 33, 27

def layout(src, header):
    lines = []
    for i, p in enumerate(paragraphs(src)):
        if i:
            p = '\u3000\u3000' + space_digits(p)
        lines += cut_lines(p, WIDTH)
    lines = [ln.rstrip(' ') if not ln.startswith(' ') else ln.strip(' ') for ln in lines]
    pages = [lines[k:k + PAGE] for k in range(0, len(lines), PAGE)]
    out = []
    for n, pg in enumerate(pages, 1):
        if n > 1:
            out.append(header)
        out += pg
        out.append('第 %d 页 共 %d 页' % (n, len(pages)))
    return '\n'.join(out) + '\n'

if __name__ == '__main__':
    src, dst, header = sys.argv[1:4]
    open(dst, 'w', encoding='utf-8').write(layout(src, header))
