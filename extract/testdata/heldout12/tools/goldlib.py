# decode the four documents of heldout18 and give the text a reader sees
import os, re, html, sys
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
    SKIP = {"script", "style", "head", "title"}
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "tr", "table", "ul", "br", "thead", "tbody"}
    def __init__(self):
        super().__init__(convert_charrefs=True); self.out = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP: self.skip += 1
        if tag in self.BLOCK: self.out.append("\n")
        if tag == "td": self.out.append("\t")
    def handle_endtag(self, tag):
        if tag in self.SKIP: self.skip -= 1
        if tag in self.BLOCK: self.out.append("\n")
    def handle_data(self, d):
        if not self.skip: self.out.append(d)

def html_text(s):
    p = _Vis(); p.feed(s); p.close()
    return re.sub(r"\n\s*\n+", "\n", "".join(p.out)).strip() + "\n"

def doc_text(name):
    """The decoded text of a document of the batch, by file name (visible text for the web page).
    hohhot-*.htm: GBK (its only charset hint is <meta http-equiv="Content-Type" content="text/html; charset=gbk">), CRLF, HTML → visible text;
    urumqi-*: UTF-8 with BOM (dropped); jiangyin-*: UTF-8, CRLF (kept: offsets count \r); qingxu-*: UTF-8 (PDF-converted)."""
    raw = open(os.path.join(BATCH, name), "rb").read()
    if name.endswith((".htm", ".html")):
        return html_text(raw.decode("gbk").replace("\r\n", "\n"))
    return raw.decode("utf-8-sig")


from mkgold import PGold, han, finish as finish_gold

def finish(G, name):
    text = doc_text(name)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"))
