# write the two documents of batch 20 that are made from a UTF-8 source in src/:
# linyi-etdz-2026.txt (GB18030, CRLF) and caofeidian-zfgzbg-2026.txt (UTF-8 with BOM, LF).
# fuzhou-gxq-2026q3.txt and baotou-xtgxq-2026-11.html are written as they are.
import os, re
HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = os.path.dirname(HERE)
def src(n): return open(os.path.join(HERE, "src", n), encoding="utf-8").read()
def han(s): return len(re.findall("[\u4e00-\u9fff]", s))
t = src("linyi-etdz-2026.utf8.txt")
open(os.path.join(BATCH, "linyi-etdz-2026.txt"), "wb").write(t.replace("\n", "\r\n").encode("gb18030"))
print("linyi-etdz-2026.txt", han(t), "Han")
t = src("caofeidian-zfgzbg-2026.utf8.txt")
open(os.path.join(BATCH, "caofeidian-zfgzbg-2026.txt"), "wb").write(b"\xef\xbb\xbf" + t.encode("utf-8"))
print("caofeidian-zfgzbg-2026.txt", han(t), "Han")
