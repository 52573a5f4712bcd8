# decode the four documents of heldout22 and give the text a reader sees
import os, re, sys
from html.parser import HTMLParser
HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = os.path.dirname(HERE)
# the shared gold helpers: ../../tools/ when this batch sits in
# extract/testdata/heldoutN/ of the repository, else copies beside this file
for _d in (os.path.join(BATCH, '..', 'tools'), HERE):
    if os.path.exists(os.path.join(_d, 'mkgold.py')):
        sys.path.insert(0, os.path.abspath(_d)); break
sys.path.insert(0, HERE)

class _Vis(HTMLParser):
    """Visible text of an HTML page; with keep=(attr, value), only the text inside the elements that
    carry one of those attribute values (e.g. ("class", {"TRS_Editor"})), in document order."""
    SKIP = {"script", "style", "head", "title"}
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "tr", "table", "ul", "br", "thead", "tbody", "caption"}
    VOID = {"br", "img", "meta", "link", "input", "hr"}
    def __init__(self, keep=None):
        super().__init__(convert_charrefs=True); self.out = []; self.skip = 0
        self.keep = keep; self.depth = 0 if keep else 1; self.stack = []
    def _on(self): return self.depth > 0 and not self.skip
    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP: self.skip += 1
        if self.keep and tag not in self.VOID:
            hit = any(k == self.keep[0] and v and set(v.split()) & self.keep[1] for k, v in attrs)
            self.stack.append(hit)
            if hit: self.depth += 1
        if self._on():
            if tag in self.BLOCK: self.out.append("\n")
            if tag in ("td", "th"): self.out.append("\t")
    def handle_startendtag(self, tag, attrs):
        if self._on() and tag in self.BLOCK: self.out.append("\n")
    def handle_endtag(self, tag):
        if self._on() and tag in self.BLOCK: self.out.append("\n")
        if tag in self.SKIP: self.skip -= 1
        if self.keep and tag not in self.VOID and self.stack:
            if self.stack.pop(): self.depth -= 1
    def handle_data(self, d):
        if self._on(): self.out.append(d)

def html_text(s, keep=None):
    p = _Vis(keep); p.feed(s); p.close()
    return re.sub(r"\n\s*\n+", "\n", "".join(p.out)).strip() + "\n"

def html_charset(raw):
    """The charset an HTML page declares (<meta charset=...> or http-equiv content=...charset=...)."""
    m = re.search(rb'charset\s*=\s*["\']?([A-Za-z0-9_\-]+)', raw[:2048])
    return m.group(1).decode("ascii").lower() if m else "utf-8"

def doc_text(name):
    """The decoded text of a document of the batch, by file name.
    shangrao-*.txt: UTF-8 without BOM, LF; paragraphs indented with two ideographic spaces (kept);
    xingtai-*.html: a saved government page; bytes decoded with the charset it declares (gbk); the text is the
      visible text of the elements with class "art-title" (the article's title) and "TRS_Editor" (the article),
      not the navigation, breadcrumb, info line or footer; block tags give line breaks, td/th a tab;
    jilin-*.pdf: a PDF printed by headless Chromium from src/jilin-gxq-2026-fbh.html; its text is the visible text
      of that HTML (the running header and the page footer are CSS @page margin boxes, not in the text);
    lishui-*.txt: UTF-16LE with a BOM (dropped), CRLF -> LF, columns aligned with runs of spaces."""
    if name.endswith(".pdf"):
        src = os.path.join(BATCH, "src", os.path.splitext(name)[0] + ".html")
        return html_text(open(src, encoding="utf-8").read())
    raw = open(os.path.join(BATCH, name), "rb").read()
    if name.endswith(".html"):
        s = raw.decode(html_charset(raw)).replace("\r\n", "\n")
        return html_text(s, keep=("class", {"art-title", "TRS_Editor"}))
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return raw.decode("utf-16").replace("\r\n", "\n")
    return raw.decode("utf-8")


from mkgold import PGold, han, finish as finish_gold

_D = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

def cn_number(s):
    """The value of a spoken Chinese numeral (一百二十, 二十一, 八十五, 十二点八), for the value check only."""
    if "点" in s:
        a, b = s.split("点", 1)
        return "%s.%s" % (cn_number(a) if a else "0", "".join(str(_D[c]) for c in b))
    total, cur = 0, 0
    for c in s:
        if c in _D: cur = _D[c]
        else:
            unit = {"十": 10, "百": 100, "千": 1000, "万": 10000}[c]
            if unit == 10000: total = (total + cur) * unit
            else: total += (cur or 1) * unit
            cur = 0
    return str(total + cur)

def finish(G, name):
    text = doc_text(name)
    # cells kept apart for mkgold's value check (norm drops white space); spoken numerals
    # (一百二十多亿元, 百分之八十五) are checked through their Arabic value, appended to the check text
    check = re.sub(r" {2,}", "|", text.replace("\t", "|"))
    spoken = re.findall(r"[零一二两三四五六七八九十百千点]*[十百千][零一二两三四五六七八九十百千点]*", text)
    check += "\n" + "|".join(cn_number(x) for x in spoken if not x.startswith("点") and not x.endswith("点"))
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"), check=check)
