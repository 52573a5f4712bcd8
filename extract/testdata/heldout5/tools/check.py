import os, sys; HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE + '/../../tools')  # mkgold.py, shared by the batches
# checks every gold against its ENCODED document (decoded): names, indicator keys and values, alias collisions, relation ends
import json, re, sys
from mkgold import norm, fmt
D = HERE + '/../'
ENC = {'yinchuan-jkq-2024': 'gb18030', 'yingkou-jkq-2025': 'utf-16', 'taixing-kfq-2025': 'utf-8', 'anji-kfq-2026h1': 'utf-8-sig'}
for doc, enc in ENC.items():
    raw = open(D + doc + '.txt', 'rb').read()
    text = raw.decode(enc)
    nt = norm(text)
    g = json.load(open(D + doc + '.gold.json', encoding='utf-8'))
    owner = {}
    bad = 0
    for t, n, a, c in g['entities']:
        if not any(norm(x) in nt for x in [n] + a): print(doc, 'LOST', n); bad += 1
        for x in set(norm(y) for y in [n] + a):
            if x in owner and owner[x] != n: print(doc, 'COLLISION', x, owner[x], n); bad += 1
            owner[x] = n
    names = set(owner)
    for s, p, o, c in g['relations']:
        if norm(s) not in names or (p != 'stage' and norm(o) not in names): print(doc, 'END', s, p, o); bad += 1
    for k, v, u, c in g['indicators']:
        if norm(k) not in nt: print(doc, 'KEY', k); bad += 1
        if not re.search(r'(?<![\d.])' + re.escape(fmt(v[0])) + r'(?![\d])', nt): print(doc, 'VALUE', k, v); bad += 1
    han = len(re.findall('[\u4e00-\u9fff]', text))
    core = lambda T: sum(1 for e in g['entities'] if e[0].split('|')[0] == T and e[3])
    cr = lambda P: sum(1 for r in g['relations'] if r[1] == P and r[3])
    print(doc, enc, 'bytes', len(raw), 'chars', len(text), 'han', han, 'problems', bad)
    print('   core Ent/Proj/Ind/Place/Prod', '/'.join(str(core(T)) for T in ['Enterprise', 'Project', 'Industry', 'Place', 'Product']),
          ' core inIndustry/hasProject/develops/stage/locatedIn', '/'.join(str(cr(P)) for P in ['inIndustry', 'hasProject', 'develops', 'stage', 'locatedIn']),
          ' indicators', len(g['indicators']), '(%d core)' % sum(1 for i in g['indicators'] if i[3]), ' all entities/relations', len(g['entities']), len(g['relations']))
