# heldout17's PDF-to-text layout for the 海口国家高新区 annual summary, from the shared pdfify.py:
# three title lines centred with ASCII spaces; body paragraphs indented with two U+3000 and cut
# every WIDTH chars (mid-word, mid-name); no blank line between paragraphs, one blank line before
# a heading (一、…); spaces around digit runs next to Han; after PAGE body lines a blank line, a
# centred footer "第 N 页 共 M 页", a form feed, the running header
# "海口国家高新区 2025 年工作总结和 2026 年工作计划" right-aligned, and a blank line.
import os, re, sys
_here = os.path.dirname(os.path.abspath(__file__))
for _d in (os.path.join(_here, '..', '..', 'tools'), _here):
    if os.path.exists(os.path.join(_d, 'pdfify.py')):
        sys.path.insert(0, os.path.abspath(_d)); break
from pdfify import space_digits, cut_lines, paragraphs

WIDTH, PAGE = 32, 42
HEADER = ' ' * 18 + '海口国家高新区 2025 年工作总结和 2026 年工作计划'
HEADING = re.compile('^[一二三四五六七八九十]+、')

def body_lines(paras, width):
    lines = []
    for p in paras:
        if HEADING.match(p) and lines:
            lines.append('')
        cut = cut_lines('\u3000\u3000' + space_digits(p), width)
        lines += [c.rstrip(' ') if not c.startswith(' ') else ' ' + c.strip(' ') for c in cut]
    return lines

def layout(src, width=WIDTH, page=PAGE):
    paras = paragraphs(src)
    title, body = paras[:3], paras[3:]
    lines = body_lines(body, width)
    total = (len(lines) + page - 1) // page
    out = [' ' * 14 + title[0], ' ' * 14 + space_digits(title[1]), ' ' * 20 + space_digits(title[2]), '']
    for k, ln in enumerate(lines):
        out.append(ln)
        if (k + 1) % page == 0 and k + 1 < len(lines):
            pg = (k + 1) // page
            out += ['', ' ' * 24 + '第 %d 页 共 %d 页' % (pg, total), '\f' + HEADER, '']
    out += ['', ' ' * 24 + '第 %d 页 共 %d 页' % (total, total)]
    return '\n'.join(out) + '\n', total

if __name__ == '__main__':
    text, pages = layout(sys.argv[1])
    open(sys.argv[2], 'w', encoding='gb18030').write(text)
