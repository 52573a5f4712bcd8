# write the four documents of heldout22 from their UTF-8 sources in ../src/
# (the PDF only when it is missing or PDF=1: Chromium's output is not byte-identical from run to run)
import os, re, sys, subprocess, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__)); B = os.path.dirname(HERE); S = os.path.join(B, "src")
sys.path.insert(0, HERE)
from goldlib import doc_text, han

def rd(n): return open(os.path.join(S, n), encoding="utf-8").read()

# 1. shangrao: a 调研报告 in plain UTF-8 (no BOM, LF); body paragraphs indented with two ideographic spaces,
#    the title block (source lines starting with "!") not indented
out = []
for l in rd("shangrao-sr-2026-dybg.src.txt").split("\n"):
    if not l.strip(): continue
    out.append(l[1:] if l.startswith("!") else "\u3000\u3000" + l)
open(os.path.join(B, "shangrao-sr-2026-dybg.txt"), "w", encoding="utf-8", newline="\n").write("\n".join(out) + "\n")

# 2. xingtai: a saved government web page in GBK (the source is UTF-8 with a <meta charset="gbk">), CRLF
if os.path.exists(os.path.join(S, "xingtai-foot.html")):
  page = rd("xingtai-head.html") + rd("xingtai-jkq-2026-zj.article.html") + rd("xingtai-foot.html")
  open(os.path.join(B, "xingtai-jkq-2026-zj.html"), "wb").write(page.replace("\r\n", "\n").replace("\n", "\r\n").encode("gbk"))

# 3. jilin: the transcript (src/jilin-gxq-2026-fbh.body.txt: "#" title, "=" meta lines, speaker turns) -> HTML with A4 print CSS
#    (src/jilin-gxq-2026-fbh.html, which doc_text reads) -> PDF with headless Chromium
import html as _h
CSS = """@page { size: A4; margin: 24mm 20mm 22mm 20mm;
  @top-center { content: "吉林高新区新闻发布会文字实录"; font-size: 9pt; color: #555; }
  @bottom-center { content: "第 " counter(page) " 页  共 " counter(pages) " 页"; font-size: 9pt; color: #555; } }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.75; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 14pt 0; }
p { margin: 0 0 4pt 0; text-indent: 2em; text-align: justify; }
p.meta { text-indent: 0; margin: 0; font-size: 11pt; }
div.meta { margin-bottom: 12pt; padding-bottom: 8pt; border-bottom: 1px solid #999; }
b { font-family: "Noto Sans CJK SC", sans-serif; }"""
if os.path.exists(os.path.join(S, "jilin-gxq-2026-fbh.body.txt")):
    body, meta = [], []
    for l in rd("jilin-gxq-2026-fbh.body.txt").split("\n"):
        if not l.strip(): continue
        if l.startswith("#"): title = l[1:]; body.append("<h1>%s</h1>" % _h.escape(title)); continue
        if l.startswith("="): meta.append('<p class="meta">%s</p>' % _h.escape(l[1:])); continue
        if meta: body.append('<div class="meta">\n' + "\n".join(meta) + "\n</div>"); meta = []
        m = re.match(r"^(主持人：|管委会副主任：|问：|答：)(.*)$", l)
        if m: body.append("<p><b>%s</b>%s</p>" % (m.group(1), _h.escape(m.group(2))))
        else: body.append("<p>%s</p>" % _h.escape(l))
    doc = ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n%s\n</body>\n</html>\n'
           % (_h.escape(title), CSS, "\n".join(body)))
    open(os.path.join(S, "jilin-gxq-2026-fbh.html"), "w", encoding="utf-8", newline="\n").write(doc)
pdf = os.path.join(B, "jilin-gxq-2026-fbh.pdf")
if os.path.exists(os.path.join(S, "jilin-gxq-2026-fbh.html")) and (not os.path.exists(pdf) or os.environ.get("PDF") == "1"):
    subprocess.run(["nice", "-n", "10", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, "file://" + os.path.join(S, "jilin-gxq-2026-fbh.html")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

# 4. lishui: a 月度进展表 exported as text: UTF-16LE with BOM, CRLF; the table's cells (source: " | " separated)
#    padded with spaces to aligned columns (a Han or full-width character counts two columns)
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
src = rd("lishui-jkq-2026-11.src.txt").split("\n") if os.path.exists(os.path.join(S, "lishui-jkq-2026-11.src.txt")) else []
rows = [[c.strip() for c in l.split(" | ")] for l in src if " | " in l]
ncol = max([len(r) for r in rows] or [0])
wid = [max(width(r[k]) for r in rows if k < len(r)) for k in range(ncol)]
out = []
for l in src:
    if " | " in l:
        cells = [c.strip() for c in l.split(" | ")]
        out.append("".join(c + " " * (wid[k] - width(c) + 2) for k, c in enumerate(cells)).rstrip(" "))
    else:
        out.append(l)
if src:
  txt = "\n".join(out).rstrip("\n") + "\n"
  open(os.path.join(B, "lishui-jkq-2026-11.txt"), "wb").write(b"\xff\xfe" + txt.replace("\n", "\r\n").encode("utf-16-le"))

for n in ("shangrao-sr-2026-dybg.txt", "xingtai-jkq-2026-zj.html", "jilin-gxq-2026-fbh.pdf", "lishui-jkq-2026-11.txt"):
    if not os.path.exists(os.path.join(B, n)): continue
    t = doc_text(n)
    print("%s: %d bytes, text %d chars, %d Han" % (n, os.path.getsize(os.path.join(B, n)), len(t), han(t)))
