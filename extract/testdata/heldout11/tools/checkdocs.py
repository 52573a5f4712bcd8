# checks of the four documents' forms: encodings, BOM, line ends, the DOCX parts and table, the PDF layout's
# page breaks and the split legal name, Han counts (4,000-6,000 each) and the stages used across the batch
import json, os, re, sys, zipfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import doc_text, han, BATCH
bad = []
def need(ok, msg):
    if not ok: bad.append(msg)
raw = lambda n: open(os.path.join(BATCH, n), 'rb').read()
c = raw('changle-gzbg-2026.txt')
need(c[:2] == b'\xff\xfe', 'changle: no UTF-16LE BOM')
t = c[2:].decode('utf-16-le')
need('\r\n' in t and '\n' not in t.replace('\r\n', ''), 'changle: not CRLF throughout')
z = zipfile.ZipFile(os.path.join(BATCH, 'langfang-etdz-2025.docx'))
need({'[Content_Types].xml', '_rels/.rels', 'word/document.xml'} <= set(z.namelist()), 'langfang: DOCX parts missing')
d = z.read('word/document.xml').decode('utf-8')
need('<w:tbl>' in d and d.count('<w:tr>') >= 10, 'langfang: no table of projects')
need('<w:proofErr' in d, 'langfang: no name split over runs')
z_ = raw('zhundong-etdz-2025-10.txt')
z_.decode('utf-8'); need(not z_.startswith(b'\xef\xbb\xbf') and b'\r' not in z_, 'zhundong: not plain UTF-8 LF')
h = raw('haikou-gxq-2025.txt')
try:
    h.decode('utf-8'); bad.append('haikou: decodes as UTF-8')
except UnicodeDecodeError:
    pass
ht = h.decode('gb18030')
need(ht.count('\f') >= 3, 'haikou: fewer than 3 page breaks')
need(re.search(r'江苏苏沐医药科技有\n\n +第 2 页 共 \d 页\n\f[^\n]*\n\n限公司', ht) is not None, 'haikou: legal name not split by the page break')
need(' 亿元' in ht and re.search(r'[\u4e00-\u9fff] \d', ht), 'haikou: no spaces around digits')
for n in ['changle-gzbg-2026.txt', 'langfang-etdz-2025.docx', 'zhundong-etdz-2025-10.txt', 'haikou-gxq-2025.txt']:
    k = han(doc_text(n)); print(n, 'Han', k)
    need(4000 <= k <= 6000, '%s: %d Han' % (n, k))
stages = set()
for g in os.listdir(BATCH):
    if g.endswith('.gold.json'):
        stages |= {x[2] for x in json.load(open(os.path.join(BATCH, g), encoding='utf-8'))['relations'] if x[1] == 'stage' and x[3]}
VOC = {'签约', '立项', '拿地', '开工', '在建', '封顶', '竣工', '落地', '入驻', '投产', '运营', '扩产', '揭牌'}
need(VOC <= stages, 'core stages missing from the batch: %s' % (VOC - stages))
need(stages <= VOC, 'stage values outside the vocabulary: %s' % (stages - VOC))
for b in bad: print('FAIL:', b)
print('documents checked' if not bad else '%d problems' % len(bad))
sys.exit(1 if bad else 0)
