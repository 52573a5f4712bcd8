# helpers to write a gold file in the sample's format and sanity-check it
import io, json, re, sys, unicodedata, zipfile
import xml.etree.ElementTree as ET
QUOTES = re.compile(r"[\s\u201c\u201d\u2018\u2019\"'\u300c\u300d\u300e\u300f\u300a\u300b\u3008\u3009\u00b7]")
def norm(s):
    return QUOTES.sub("", unicodedata.normalize("NFKC", str(s))).lower()
class Gold:
    def __init__(self, doc, about):
        self.doc, self.about = doc, about
        self.E, self.R, self.I = [], [], []
    def e(self, t, name, aliases=(), core=1): self.E.append([t, name, list(aliases), core])
    def r(self, s, p, o, core=1): self.R.append([s, p, o, core])
    def i(self, k, vals, unit, core=1):
        if not isinstance(vals, list): vals = [vals]
        self.I.append([k, vals, unit, core])
    def write(self, path, text):
        nt = norm(text)
        names = {}
        for t, n, a, c in self.E:
            for x in [n] + a:
                names.setdefault(x, []).append(n)
            if not any(norm(x) in nt for x in [n] + a):
                print("NOT IN TEXT entity:", t, n)
        seen = set()
        for t, n, a, c in self.E:
            if (t, n) in seen: print("DUP entity", t, n)
            seen.add((t, n))
        rs = set()
        for s, p, o, c in self.R:
            if s not in names: print("rel subject not entity:", s, p, o)
            if p != "stage" and o not in names: print("rel object not entity:", s, p, o)
            if (s, p, o) in rs: print("DUP rel", s, p, o)
            rs.add((s, p, o))
        for k, v, u, c in self.I:
            if not any(re.search(r'(?<![\d.])' + re.escape(fmt(x)) + r'(?![\d])', nt) for x in v[:1]):
                print("indicator value not in text:", k, v, u)
            if norm(k) not in nt: print("indicator key not in text:", k)
        d = lambda x: json.dumps(x, ensure_ascii=False).replace('", [', '", [').replace(",", ", ").replace(",  ", ", ")
        j = lambda x: json.dumps(x, ensure_ascii=False)
        out = ['{', '  "document": %s,' % j(self.doc), '  "about": %s,' % j(self.about)]
        for key, rows, last in (("entities", self.E, False), ("relations", self.R, False), ("indicators", self.I, True)):
            out.append('  "%s": [' % key)
            out.append(",\n".join("    " + json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in rows))
            out.append('  ]' + ("" if last else ","))
        out.append('}')
        open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
        json.load(open(path, encoding="utf-8"))
        print("wrote", path, len(self.E), "entities", len(self.R), "relations", len(self.I), "indicators")
def fmt(x):
    return ("%g" % x) if isinstance(x, float) else str(x)

class PGold(Gold):
    """Gold plus a list of planned stages: plan() adds a core=0 stage relation (unless the same
    stage is already a relation, which the text also reports as done) and records [subject, value]
    once under the gold's extra key "planned" (kgscore ignores it); finish writes it."""
    def __init__(self, doc, about):
        super().__init__(doc, about); self.P = []
    def plan(self, s, v):
        if not any(x[:3] == [s, "stage", v] for x in self.R):
            self.r(s, "stage", v, 0)
        if [s, v] not in self.P:
            self.P.append([s, v])

def finish(G, text, out, check=None):
    """Writes G to out for a document whose decoded text is text (check: the text mkgold checks
    indicator values against, when it must differ), warns of names and notes aliases that the
    text does not hold, and adds G's planned stages to the file."""
    G.write(out, text if check is None else check)
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

def han(s):
    """How many Han characters (U+4E00-U+9FFF) s holds: the batches' size measure."""
    return len(re.findall("[\u4e00-\u9fff]", s))

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def _wtext(el):
    """The text of a w:p: its w:t in order (runs joined), w:tab as a tab, w:br as a line break."""
    out = []
    for x in el.iter():
        if x.tag == _W + "t": out.append(x.text or "")
        elif x.tag == _W + "tab": out.append("\t")
        elif x.tag in (_W + "br", _W + "cr"): out.append("\n")
    return "".join(out)

def docx_text(data):
    """The text of a .docx (its bytes): word/document.xml's body, one line per paragraph; a table row
    is one line, its cells joined by tabs."""
    body = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(_W + "body")
    lines = []
    for el in body:
        if el.tag == _W + "p":
            lines.append(_wtext(el))
        elif el.tag == _W + "tbl":
            for tr in el.iter(_W + "tr"):
                lines.append("\t".join("".join(_wtext(p) for p in tc.iter(_W + "p")) for tc in tr.iter(_W + "tc")))
    return "\n".join(lines) + "\n"
