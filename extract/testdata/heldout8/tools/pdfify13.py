# batch 13's PDF-to-text layout, built on the shared pdfify.py helpers:
# - paragraphs indented with two ideographic spaces, lines cut every WIDTH
#   chars (mid-word and mid-name), lines of a paragraph and paragraphs follow
#   each other with no blank line at all;
# - spaces around digit runs next to Han (pdfify.space_digits);
# - every page after the first opens with a two-line running header
#   (zone + office on one line, document title and date on the next);
# - every page ends with a centred page number "- N -" (ASCII hyphens,
#   padded with spaces), followed by a form feed-free blank line.
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'tools'))  # pdfify.py, shared by the batches
from pdfify import space_digits, cut_lines, paragraphs  # noqa: E402

WIDTH, PAGE = 38, 27
HEADER = ['南宁经济技术开发区管理委员会　　　　　　　　　　　内部资料',
          '2024 年度工作总结（送审稿）　　　　　　　　　2025 年 1 月']

def layout(src):
    lines = []
    for i, p in enumerate(paragraphs(src)):
        if i:
            p = '\u3000\u3000' + space_digits(p)
        lines += [ln.strip(' ') for ln in cut_lines(p, WIDTH)]
    out, page = [], 1
    for k in range(0, len(lines), PAGE):
        if page > 1:
            out += HEADER + ['']
        out += lines[k:k + PAGE]
        out += ['', ' ' * 17 + '- %d -' % page, '']
        page += 1
    return '\n'.join(out).rstrip('\n') + '\n'

if __name__ == '__main__':
    src, dst = sys.argv[1], sys.argv[2]
    open(dst, 'w', encoding='utf-8', newline='\n').write(layout(src))
