# helpers to write a gold file in the sample's format and sanity-check it
import json, re, sys, unicodedata
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
