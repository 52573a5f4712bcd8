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

def han(s):
    return len(re.findall("[\u4e00-\u9fff]", s))

import json
from mkgold import Gold, norm

class PGold(Gold):
    """mkgold's Gold plus a list of planned stages: plan() adds a core=0 stage relation (unless the
    same stage is already a relation) and records [subject, value] under the gold's extra key
    "planned" (kgscore ignores it)."""
    def __init__(self, doc, about):
        super().__init__(doc, about); self.P = []
    def plan(self, s, v):
        if not any(x[:3] == [s, "stage", v] for x in self.R):
            self.r(s, "stage", v, 0)
        self.P.append([s, v])

def finish(G, name):
    text = doc_text(name)
    out = os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json")
    # mkgold checks each indicator value against the text with white space removed; a table's
    # tab would glue neighbouring cells' numbers together (8.5<TAB>21000 -> 8.521000), so the
    # check sees a broken bar between cells (the gold itself does not depend on it)
    G.write(out, text.replace("\t", "\u00a6"))
    nt = norm(text)
    for t, n, a, c in G.E:
        if norm(n) not in nt:
            print("NAME NOT IN TEXT:", t, n)
        for x in a:
            if norm(x) not in nt:
                print("note: alias not in text:", t, n, "/", x)
    s = open(out, encoding="utf-8").read()
    block = '  "planned": [\n' + ",\n".join("    " + json.dumps(p, ensure_ascii=False, separators=(", ", ": ")) for p in G.P) + '\n  ],\n'
    s = s.replace('  "indicators": [', block + '  "indicators": [', 1)
    open(out, "w", encoding="utf-8").write(s)
    json.load(open(out, encoding="utf-8"))
    return out
