# write the four documents in their encodings into .. (the batch directory); paths relative to this file
import os
D = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.join(D, "..")
def rd(n): return open(os.path.join(D, n), encoding="utf-8").read()
def wr(n, b): open(os.path.join(OUT, n), "wb").write(b)
wr("guiyang-gxq-2025.txt", rd("guiyang-gxq-2025.utf8.txt").encode("gb18030"))
wr("xiamen-ftz-2025h1.txt", b"\xfe\xff" + rd("xiamen-ftz-2025h1.utf8.txt").encode("utf-16-be"))
wr("xiantao-kfq-2025.txt", rd("xiantao-kfq-2025.pdf.txt").encode("utf-8"))
wr("zhanjiang-kfq-2025.txt", rd("zhanjiang-kfq-2025.src.txt").encode("utf-8"))
print("encoded 4 documents")
