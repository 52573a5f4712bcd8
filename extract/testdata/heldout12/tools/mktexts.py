# write heldout18's four documents from tools/src/
import os, sys, html
HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = os.path.dirname(HERE)
SRC = os.path.join(HERE, "src")


def rd(name):
    return open(os.path.join(SRC, name), encoding="utf-8").read()


def hohhot():
    """The GBK web page: head and foot chrome around the article's <h1>, <h3> and <p>."""
    lines = [l for l in rd("hohhot-etdz-2026-11.article.txt").split("\n") if l.strip()]
    body = ['<div class="article">', '<h1 class="title">%s</h1>' % html.escape(lines[0], quote=False),
            '<div class="info"><span>发布时间：2026-11-27 09:32</span>&nbsp;&nbsp;<span>来源：经开区融媒体中心</span>'
            '&nbsp;&nbsp;<span>浏览次数：<b id="hits">2317</b></span>&nbsp;&nbsp;<span>【字体：<a href="javascript:fs(16)">大</a> '
            '<a href="javascript:fs(14)">中</a> <a href="javascript:fs(12)">小</a>】</span></div>',
            '<div class="content" id="zoom">']
    for l in lines[1:]:
        if l.startswith("【"):
            body.append('<h3 class="sub">%s</h3>' % html.escape(l.strip("【】"), quote=False))
        else:
            body.append('<p style="text-indent:2em;">%s</p>' % html.escape(l, quote=False))
    body += ['</div>', '</div>']
    page = rd("hohhot-head.htm") + "\n".join(body) + "\n" + rd("hohhot-foot.htm")
    page = page.replace("\n", "\r\n")
    open(os.path.join(BATCH, "hohhot-etdz-2026-11.htm"), "wb").write(page.encode("gbk"))


def jiangyin():
    """UTF-8 without BOM, CRLF line ends."""
    t = rd("jiangyin-gyjzq-2026.utf8.txt").replace("\n", "\r\n")
    open(os.path.join(BATCH, "jiangyin-gyjzq-2026.txt"), "wb").write(t.encode("utf-8"))


def urumqi():
    """UTF-8 with BOM (EF BB BF), LF."""
    t = rd("urumqi-zbq-2026h1.utf8.txt")
    open(os.path.join(BATCH, "urumqi-zbq-2026h1.txt"), "wb").write(b"\xef\xbb\xbf" + t.encode("utf-8"))


def qingxu():
    """UTF-8, PDF-converted with pdfify18.py; a page break splits 晋工重装矿山装备智能制造基地."""
    sys.path.insert(0, HERE)
    import goldlib  # puts the shared helpers (pdfify.py beside mkgold.py) on sys.path
    from pdfify18 import render
    t, width, first, page, pages = render(os.path.join(SRC, "qingxu-kfq-2025.unbroken.txt"), "晋工重装矿山装备智能制造基地")
    open(os.path.join(BATCH, "qingxu-kfq-2025.txt"), "w", encoding="utf-8").write(t)
    print("qingxu: width %d, %d lines on page 1, %d on the others, %d pages" % (width, first, page, pages))


if __name__ == "__main__":
    hohhot()
    jiangyin()
    urumqi()
    qingxu()
