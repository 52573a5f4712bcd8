# heldout18's PDF-to-text layout for the 县域 report (built on the shared pdfify.py):
# three centred title lines, body paragraphs (headings too) indented with two U+3000 and cut
# every WIDTH chars, no blank line anywhere inside a page, spaces around digit runs next to Han;
# every page ends with a blank line and a centred footer "第 N 页 共 M 页", and every page after
# the first opens with a right-aligned running header and a rule line. WIDTH and the page length
# are chosen so that a page break falls inside the first mention of SPLIT (the first page,
# which holds the title, may be up to four lines shorter than the others).
import re
from pdfify import space_digits, cut_lines, paragraphs

HEADER = " " * 40 + "清徐经济开发区 2025 年工作总结"
RULE = "_" * 56


def body_lines(src, width):
    ps = paragraphs(src)
    out = [ps[0].center(44).rstrip(), ps[1].center(44).rstrip(), space_digits(ps[2]).center(44).rstrip(), ""]
    for p in ps[3:]:
        out += cut_lines("\u3000\u3000" + space_digits(p), width)
    return [ln.rstrip(" ") for ln in out]


def split_at(lines, name):
    """Index k of the line on which the first mention of name begins, if name runs onto line k+1."""
    for k in range(len(lines) - 1):
        a, b = lines[k], lines[k + 1]
        for cut in range(1, len(name)):
            if a.endswith(name[:cut]) and b.startswith(name[cut:]):
                return k
        if name in a:
            return None
    return None


def layout(src, split):
    """WIDTH, the first page's length and the other pages' length, so that line k+1 opens a page."""
    for width in range(34, 40):
        lines = body_lines(src, width)
        k = split_at(lines, split)
        if k is None:
            continue
        for page in range(36, 29, -1):
            for first in range(page, page - 5, -1):
                if k + 1 >= first and (k + 1 - first) % page == 0:
                    return width, first, page, lines
    raise SystemExit("no layout splits %s" % split)


def render(src, split):
    width, first, page, lines = layout(src, split)
    pages = [lines[:first]] + [lines[i:i + page] for i in range(first, len(lines), page)]
    out = []
    for n, pg in enumerate(pages, 1):
        if n > 1:
            out += [HEADER, RULE]
        out += pg
        out += ["", ("第 %d 页 共 %d 页" % (n, len(pages))).center(50).rstrip()]
    return "\n".join(out) + "\n", width, first, page, len(pages)
