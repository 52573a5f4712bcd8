# decode the four documents of batch 23 and give the text a reader sees
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
from mkgold import PGold, han, docx_text, finish as finish_gold

class _Vis(HTMLParser):
    """Visible text of the elements whose class holds one of KEEP (or all, KEEP=None)."""
    SKIP = {"script", "style", "head", "title"}
    BLOCK = {"p", "div", "section", "h1", "h2", "h3", "h4", "li", "tr", "table", "ul", "br", "thead", "tbody", "caption", "figcaption"}
    VOID = {"br", "img", "meta", "link", "hr", "input"}
    def __init__(self, keep=None):
        super().__init__(convert_charrefs=True); self.out = []; self.skip = 0
        self.keep = keep; self.stack = []; self.inside = 0 if keep else 1
    def handle_starttag(self, tag, attrs):
        if self.keep and tag not in self.VOID:
            a = dict(attrs); cls = (a.get("class") or "").split() + [a.get("id") or ""]
            hit = any(k in cls for k in self.keep)
            self.stack.append(hit); self.inside += hit
        if tag in self.SKIP: self.skip += 1
        if tag in self.BLOCK and self.inside: self.out.append("\n")
        if tag in ("td", "th") and self.inside: self.out.append("\t")
    def handle_endtag(self, tag):
        if tag in self.SKIP: self.skip -= 1
        if tag in self.BLOCK and self.inside: self.out.append("\n")
        if self.keep and tag not in self.VOID and self.stack:
            self.inside -= self.stack.pop()
    def handle_data(self, d):
        if not self.skip and self.inside: self.out.append(d)

def html_text(s, keep=None):
    p = _Vis(keep); p.feed(s); p.close()
    t = "".join(p.out)
    t = re.sub(r"[ \t]*\n[ \t]*", "\n", t)
    return re.sub(r"\n\s*\n+", "\n", t).strip() + "\n"

def html_charset(raw):
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:2000])
    return m.group(1).decode("ascii").lower() if m else "utf-8"

def doc_text(name):
    """The decoded text of a document of the batch, by file name.
    jinzhong-*.html: a WeChat article page saved as HTML, UTF-8 (declared by <meta charset="utf-8">), LF; the visible text of
      the elements with class rich_media_title (the article's title) or id js_content (the article: lead, bullets, image
      captions, the 来源/编辑/审核 footer); the account bar, the meta line, the reading/like bar and the page chrome are not in it;
    bengbu-*.txt: GB18030, CRLF -> LF, one paragraph a line;
    qujing-*.docx: word/document.xml, a line per w:p (its runs joined), a line per table row (cells joined by a tab);
    suining-*.txt: UTF-8, LF."""
    raw = open(os.path.join(BATCH, name), "rb").read()
    if name.endswith(".html"):
        return html_text(raw.decode(html_charset(raw)).replace("\r\n", "\n"), keep=("rich_media_title", "js_content"))
    if name.endswith(".docx"):
        return docx_text(raw)
    if name.startswith("bengbu"):
        return raw.decode("gb18030").replace("\r\n", "\n")
    return raw.decode("utf-8")

def finish(G, name):
    text = doc_text(name)
    # cells kept apart for mkgold's value check (norm drops white space)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"), check=text.replace("\t", "|").replace("\u3000", "|"))
