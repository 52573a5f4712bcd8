# decode the four documents of batch 20 (heldout13) and give the text a reader sees
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
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "tr", "table", "ul", "br", "thead", "tbody", "h5", "h6", "ol", "section", "article"}
    def __init__(self):
        super().__init__(convert_charrefs=True); self.out = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP: self.skip += 1
        if tag in self.BLOCK: self.out.append("\n")
        if tag in ("td", "th"): self.out.append("\t")
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
    baotou-*.html: UTF-8 (<meta charset="utf-8">), HTML -> visible text; linyi-*: GB18030, CRLF (kept: offsets count \r);
    caofeidian-*: UTF-8 with BOM (dropped); fuzhou-*: UTF-8."""
    raw = open(os.path.join(BATCH, name), "rb").read()
    if name.endswith((".htm", ".html")):
        return html_text(raw.decode("utf-8"))
    if name.startswith("linyi-"):
        return raw.decode("gb18030")
    return raw.decode("utf-8-sig")


from mkgold import PGold, han, finish as finish_gold

def finish(G, name):
    text = doc_text(name)
    # mkgold checks each indicator value against the text with white space removed; a table's
    # tab would glue neighbouring cells' numbers together (8.5<TAB>21000 -> 8.521000), so the
    # check sees a broken bar between cells (the gold itself does not depend on it)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"), check=text.replace("\t", "\u00a6"))
