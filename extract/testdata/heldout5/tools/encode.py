# write the encoded documents from the UTF-8 sources (taixing is written by pdfify10.py)
import subprocess
import os; T = os.path.dirname(os.path.abspath(__file__)) + '/'; D = T + '../'
t = open(T + 'yinchuan-jkq-2024.utf8.txt', encoding='utf-8').read()
open(D + 'yinchuan-jkq-2024.txt', 'wb').write(t.encode('gb18030'))
t = open(T + 'yingkou-jkq-2025.utf8.txt', encoding='utf-8').read()
open(D + 'yingkou-jkq-2025.txt', 'wb').write(b'\xff\xfe' + t.encode('utf-16-le'))
t = open(T + 'anji-kfq-2026h1.utf8.txt', encoding='utf-8').read()
open(D + 'anji-kfq-2026h1.txt', 'wb').write(b'\xef\xbb\xbf' + t.replace('\n', '\r\n').encode('utf-8'))
subprocess.run(['python3', T + 'pdfify10.py', T + 'taixing-kfq-2025.unbroken.txt', D + 'taixing-kfq-2025.txt', '泰兴经济开发区2025年重点工作完成情况'], check=True)
