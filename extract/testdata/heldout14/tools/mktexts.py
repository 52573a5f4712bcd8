# write the four documents of heldout19 from their UTF-8 sources in ../src/
# (the PDF only when it is missing or PDF=1: Chromium's output is not byte-identical from run to run)
import os, re, sys, quopri, base64, zlib, struct, subprocess
HERE = os.path.dirname(os.path.abspath(__file__)); B = os.path.dirname(HERE); S = os.path.join(B, "src")
sys.path.insert(0, HERE)
from goldlib import doc_text, han

def rd(n): return open(os.path.join(S, n), encoding="utf-8").read()

# 1. daqing: HTML (A4 print CSS) → PDF with headless Chromium
pdf = os.path.join(B, "daqing-gxq-2026.pdf")
if not os.path.exists(pdf) or os.environ.get("PDF") == "1":
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, "file://" + os.path.join(S, "daqing-gxq-2026.html")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

# 2. yangpu: UTF-16BE with BOM
open(os.path.join(B, "yangpu-kfq-2026-fbh.txt"), "wb").write(b"\xfe\xff" + rd("yangpu-kfq-2026-fbh.utf8.txt").encode("utf-16-be"))

# 3. lanzhou: MHT, the HTML part gb2312 + quoted-printable, one PNG part
def png(w, h):
    rows = b"".join(b"\x00" + b"".join(bytes([11, 79 + (y * 3) % 100, 138 + (x * 2) % 100]) for x in range(w)) for y in range(h))
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
page = rd("lanzhou-head.html") + rd("lanzhou-xq-2026-10.article.html") + rd("lanzhou-foot.html")
url = "http://www.lzxq.example.cn/zwgk/tzcj/gzjb/202611/t20261105_48213.html"
title = re.search(r"<title>(.*?)</title>", page).group(1)
bd = "----MultipartBoundary--Lz7kQ2nV8pX3wR5tY9bC1dF6gH4jK0mN----"
qp = quopri.encodestring(page.replace("\r\n", "\n").encode("gb2312")).decode("ascii")
img = base64.encodebytes(png(48, 16)).decode("ascii")
parts = ["From: <Saved by Blink>", "Snapshot-Content-Location: " + url, "Subject: =?gb2312?B?" + base64.b64encode(title.encode("gb2312")).decode("ascii") + "?=",
         "Date: Fri, 6 Nov 2026 09:12:33 +0800", "MIME-Version: 1.0",
         'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="%s"' % bd, "", "",
         "--" + bd, 'Content-Type: text/html; charset="gb2312"', "Content-Transfer-Encoding: quoted-printable",
         "Content-Location: " + url, "", qp.rstrip("\n"), "",
         "--" + bd, "Content-Type: image/png", "Content-Transfer-Encoding: base64",
         "Content-Location: http://www.lzxq.example.cn/images/logo.png", "", img.rstrip("\n"), "",
         "--" + bd + "--", ""]
open(os.path.join(B, "lanzhou-xq-2026-10.mht"), "wb").write("\n".join(parts).replace("\n", "\r\n").encode("ascii"))

# 4. xining: spreadsheet rows copied into UTF-8 text, tab-separated
src = rd("xining-jkq-2026.src.txt").split("\n")
rows = [l.split(" | ") for l in src if " | " in l and l.split(" | ")[0].isdigit()]
grp = {"TOTAL": sum(int(r[4]) for r in rows), "YEAR": sum(int(r[5]) for r in rows)}
for k, (a, b) in {"G1": (1, 14), "G2": (15, 30), "G3": (31, 40)}.items():
    sel = [r for r in rows if a <= int(r[0]) <= b]
    grp[k + "T"] = sum(int(r[4]) for r in sel); grp[k + "Y"] = sum(int(r[5]) for r in sel)
out = []
for l in src:
    if " | " in l:
        out.append("\t".join(str(grp.get(c.strip(), c.strip())) for c in l.split(" | ")))
    else:
        out.append(l)
open(os.path.join(B, "xining-jkq-2026.txt"), "w", encoding="utf-8", newline="\n").write("\n".join(out).rstrip("\n") + "\n")

for n in ("daqing-gxq-2026.pdf", "yangpu-kfq-2026-fbh.txt", "lanzhou-xq-2026-10.mht", "xining-jkq-2026.txt"):
    t = doc_text(n)
    print("%s: %d bytes, text %d chars, %d Han" % (n, os.path.getsize(os.path.join(B, n)), len(t), han(t)))
