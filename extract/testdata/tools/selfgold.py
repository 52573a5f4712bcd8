# build a perfect extraction from a gold file, to check it scores 1.0
import json,sys
g=json.load(open(sys.argv[1],encoding='utf-8'))
ents=[];idof={}
for i,(t,n,a,c) in enumerate(g["entities"]):
    eid="e%d"%i; ents.append({"id":eid,"type":t.split("|")[0],"name":n,"aliases":a})
    idof.setdefault(n,eid)
    for x in a: idof.setdefault(x,eid)
rels=[]
for s,p,o,c in g["relations"]:
    if p=="stage": rels.append({"subject":idof[s],"predicate":p,"value":o,"evidence":[]})
    else: rels.append({"subject":idof[s],"predicate":p,"object":idof[o],"evidence":[]})
inds=[{"id":"i%d"%i,"name":k,"value":v[0],"unit":u,"evidence":[]} for i,(k,v,u,c) in enumerate(g["indicators"])]
json.dump({"documents":[],"entities":ents,"relations":rels,"indicators":inds},open(sys.argv[2],'w'),ensure_ascii=False)
