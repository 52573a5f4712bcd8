# PDF-to-text layout of this batch (ganzhou-etdz-2025): imports space_digits,
# cut_lines and paragraphs from the shared pdfify.py and lays the pages out
# like `pdftotext -layout` output of a printed 简报:
# - the three title lines are centred with ASCII spaces, not digit-spaced;
# - body paragraphs are indented with two U+3000 and cut every WIDTH chars
#   (mid-word, mid-name), with no blank line between lines or paragraphs;
# - spaces around digit runs next to Han (2025 年, 472.8 亿元);
# - every page ends with a blank line, a centred footer "第 N 页 共 M 页" and a
#   form feed (\f); pages 2.. open with a running header
#   "赣州经开区招商简报                    2025 年第 4 期" and a blank line.
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
for d in (os.path.join(HERE, '..', '..', 'tools'), HERE):
    if os.path.exists(os.path.join(d, 'pdfify.py')):
        sys.path.insert(0, os.path.abspath(d)); break
from pdfify import space_digits, cut_lines, paragraphs  # noqa: E402

WIDTH, PAGE = 34, 27
HEADER = '赣州经开区招商简报' + ' ' * 20 + '2025 年第 4 期'

def layout(src):
    paras = paragraphs(src)
    lines = []
    for i, p in enumerate(paras):
        if i < 3:
            p = p if i == 0 else space_digits(p)
            pad = max(0, (WIDTH * 2 - len(p) * 2) // 4)
            lines.append(' ' * pad + p)
            if i == 2:
                lines.append('')
            continue
        lines += cut_lines('\u3000\u3000' + space_digits(p), WIDTH)
    pages = [lines[k:k + PAGE] for k in range(0, len(lines), PAGE)]
    total = len(pages)
    out = []
    for n, body in enumerate(pages, 1):
        if n > 1:
            out += [HEADER, '']
        out += [ln.rstrip(' ') for ln in body]
        out += ['', ' ' * 24 + '第 %d 页 共 %d 页' % (n, total), '\f']
    return '\n'.join(out).replace('\n\f\n', '\n\f').rstrip('\n') + '\n'

if __name__ == '__main__':
    sys.stdout.write(layout(sys.argv[1]))
