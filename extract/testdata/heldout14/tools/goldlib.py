# decode the four documents of heldout19 and give the text a reader sees
import os, re, sys, email
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
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "tr", "table", "ul", "br", "thead", "tbody", "caption"}
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

def mht_html(raw):
    """The decoded HTML part of an MHT file (multipart/related; quoted-printable; its declared charset)."""
    m = email.message_from_bytes(raw)
    for part in m.walk():
        if part.get_content_type() == "text/html":
            cs = part.get_content_charset() or "gb2312"
            return part.get_payload(decode=True).decode(cs)
    raise ValueError("no text/html part")

def doc_text(name):
    """The decoded text of a document of the batch, by file name.
    daqing-*.pdf: a PDF printed by Chromium from src/daqing-gxq-2026.html; its text is the visible text of that HTML
      (the running header and the page numbers are CSS @page margin boxes, not in the text);
    yangpu-*.txt: UTF-16BE with a BOM (dropped), LF;
    lanzhou-*.mht: MIME multipart/related; the text/html part, quoted-printable, charset=gb2312, CRLF → LF, HTML → visible text;
    xining-*.txt: UTF-8, LF, tab-separated rows."""
    if name.endswith(".pdf"):
        src = os.path.join(BATCH, "src", os.path.splitext(name)[0] + ".html")
        return html_text(open(src, encoding="utf-8").read())
    raw = open(os.path.join(BATCH, name), "rb").read()
    if name.endswith(".mht"):
        return html_text(mht_html(raw).replace("\r\n", "\n"))
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return raw.decode("utf-16")
    return raw.decode("utf-8")


from mkgold import PGold, han, finish as finish_gold

def finish(G, name):
    text = doc_text(name)
    # cells kept apart for mkgold's value check (norm drops white space)
    return finish_gold(G, text, os.path.join(BATCH, os.path.splitext(name)[0] + ".gold.json"), check=text.replace("\t", "|"))
