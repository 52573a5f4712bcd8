import sys, os, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import PGold, finish, doc_text
ABOUT = ("Hand-made reference annotation of xining-jkq-2026.txt (UTF-8, LF): 西宁经济技术开发区2026年重点项目建设计划及推进情况公示, a preamble paragraph, then rows copied "
 "from a spreadsheet with tab-separated cells 序号 / 项目名称 / 建设单位 / 建设内容及规模 / 总投资（万元） / 年度计划投资（万元） / 开工时间 / 进度（截至11月底）: a 合计 row and "
 "three group rows 一、续建项目（14个） / 二、新开工项目（16个） / 三、前期项目（10个） (with their sums in the money columns and empty cells elsewhere), 40 project rows, then "
 "a 说明 of five numbered notes and the signature. "
 "core=1: a good extractor must find it; core=0: acceptable when found, not required. Names are matched after NFKC, removing white space and quotes; any listed alias counts. "
 "Firms by the short name that prefixes their projects (青锂新能年产10GWh锂电池项目 → 青锂新能); the 建设单位 cell's legal name is an alias and gives hasProject (core); "
 "西宁经开建设投资有限公司, named only by its legal name, is 经开建设投资. 祁和化工 contains 和 and is listed in `祁和化工、宁丰物流和青数云等一批项目已开工建设`. "
 "Stages: the group row gives each row's stage: 续建项目 → 在建 (core only where the 进度 cell gives no other stage, else core=0); 新开工项目 → 开工 (core; 开工时间 in 2026); "
 "前期项目 → 开工 planned (core=0, 开工时间 is the planned start). The 进度 cell adds: 竣工投产 / 一期竣工投产 / 试生产 / 一期试生产 / 一期投产 → 投产 (竣工 core=0); "
 "主体封顶 / 二期主体封顶 → 封顶; 主体竣工 / 已竣工 → 竣工; 投入使用 / 投入运营 / 一期并网 → 运营; 二期扩产施工 → 扩产; 已竣工并揭牌 → 竣工 and 揭牌; 完成立项备案 / 完成立项 / "
 "完成备案 → 立项; 已取得土地 / 完成土地摘牌 → 拿地; 已签约 → 签约; 设备安装 / 设备调试 / 主体施工 / 基础施工 / 装饰装修 / 场地平整 → 在建; 完成可研编制, 开展规划设计 are not "
 "stages; 正在办理立项 → 立项 planned. Phases (一期, 二期) are not separate projects here: their stages are the row's project's. 扩建工程 (row 8) → 扩产 core=0; "
 "二期扩建项目 / 二期 扩建 in a 前期 row → 扩产 planned. "
 "locatedIn core from 在X工业园区 / 在生物科技产业园区 in 建设内容及规模 or a park prefix of the project's name. Industries: the four 主导产业 of the preamble are core; "
 "inIndustry core for the firms note 4 names under an industry, else core=0. Indicators: the preamble's and notes' figures core; the 合计 / group / row money cells core=0 "
 "(keys 总投资 and 年度计划投资, values in 万元 as written with the expanded value), the 建设内容及规模 figures core=0; 完成年度计划的92.2% under 完成投资 (年度计划 core=0).")
G = PGold("xining-jkq-2026.txt", ABOUT)
e, r, i, plan = G.e, G.r, G.i, G.plan
XN, XC, SY, SP = "新能源", "新材料", "生物医药", "高原特色食品"
for n in [XN, XC, SY, SP]:
    e("Industry", n, [n + "产业"], 1)
for n in ["电子信息", "数字经济", "现代物流"]:
    e("Industry", n, [], 0)
for s, top, a in [("锂电池", XN, ["锂电", "固态电池"]), ("光伏", XN, ["光伏组件", "光伏玻璃", "光伏支架"]), ("储能", XN, ["共享储能", "储能集装箱"]),
                  ("多晶硅", XC, ["高纯多晶硅", "颗粒硅", "硅基新材料"]), ("铝合金", XC, ["铝基新材料", "再生铝"]), ("钛材", XC, ["钛合金"]),
                  ("铜箔", XC, ["电解铜箔", "复合铜箔"]), ("有机硅", XC, []), ("藏药", SY, ["中藏药"]), ("乳制品", SP, ["牦牛乳制品"]),
                  ("冷水鱼", SP, []), ("青稞", SP, ["青稞功能食品"]), ("功率半导体", "电子信息", []), ("算力", "数字经济", ["绿色算力"])]:
    e("Industry", s, a, 0); r(s, "subIndustryOf", top, 0)
LEGAL = {"青海青锂新能源科技有限公司": "青锂新能", "青海高原硅业有限公司": "高原硅业", "青海河湟铝材有限公司": "河湟铝材", "西宁宁钛金属材料有限公司": "宁钛金属",
         "青海青峰铜箔有限公司": "青峰铜箔", "青海青稞源生物科技有限公司": "青稞源生物", "青海高晟装备制造有限公司": "高晟装备",
         "西宁经开建设投资有限公司": "经开建设投资", "青海牦宝乳业有限公司": "牦宝乳业", "青海西纳储能科技有限公司": "西纳储能",
         "青海青域环保科技有限公司": "青域环保", "青海瀚宁光伏科技有限公司": "瀚宁光伏", "青海祁和化工有限公司": "祁和化工",
         "青海青芯电子科技有限公司": "青芯电子", "青海宁丰物流有限公司": "宁丰物流", "青海格桑药业股份有限公司": "格桑药业",
         "青海青鳟水产有限公司": "青鳟水产", "青海青数云科技有限公司": "青数云"}
IND = {"青锂新能": (XN, 1, "锂电池"), "瀚宁光伏": (XN, 1, "光伏"), "西纳储能": (XN, 1, "储能"), "高原硅业": (XC, 1, "多晶硅"), "河湟铝材": (XC, 1, "铝合金"),
       "宁钛金属": (XC, 1, "钛材"), "青峰铜箔": (XC, 1, "铜箔"), "格桑药业": (SY, 1, "藏药"), "青稞源生物": (SP, 1, "青稞"), "牦宝乳业": (SP, 1, "乳制品"),
       "青鳟水产": (SP, 1, "冷水鱼"), "高晟装备": (XN, 0, "光伏"), "祁和化工": (XC, 0, "有机硅"), "青芯电子": ("电子信息", 0, "功率半导体"),
       "青数云": ("数字经济", 0, "算力"), "宁丰物流": ("现代物流", 0, None), "青域环保": (None, 0, None), "经开建设投资": (None, 0, None)}
for legal, short in LEGAL.items():
    e("Enterprise", short, [legal], 1)
    top, c, seg = IND[short]
    if top: r(short, "inIndustry", top, c)
    if seg: r(short, "inIndustry", seg, 0)
r("高晟装备", "inIndustry", "储能", 0)
for n, a in [("西宁经济技术开发区管理委员会", ["经开区管委会"]), ("西宁经济技术开发区项目建设服务中心", ["经开区项目建设服务中心", "项目建设服务中心"])]:
    e("Organization", n, a, 0)
e("Place", "西宁经济技术开发区", ["经开区"], 1)
PARKS = ["东川工业园区", "甘河工业园区", "南川工业园区", "生物科技产业园区"]
for n in PARKS:
    e("Place", n, [], 1); r(n, "partOf", "西宁经济技术开发区", 0)
e("Place", "西宁", [], 0); r("西宁经济技术开发区", "partOf", "西宁", 0)

text = doc_text("xining-jkq-2026.txt")
rows = [l.split("\t") for l in text.split("\n") if re.match(r"\d+\t", l)]
assert len(rows) == 40
# 进度 cell → [(stage, core)]; the group's own stage is added below
PROG = {"一期竣工投产，二期主体封顶": [("投产", 1), ("封顶", 1), ("竣工", 0)], "设备安装": [], "主体竣工": [("竣工", 1)],
        "竣工投产": [("投产", 1), ("竣工", 0)], "一期试生产": [("投产", 1)], "主体封顶": [("封顶", 1)], "设备调试": [], "已竣工": [("竣工", 1)],
        "投入使用": [("运营", 1)], "试生产": [("投产", 1)], "一期并网": [("运营", 1)], "主体施工": [], "装饰装修": [],
        "一期投产，二期扩产施工": [("投产", 1), ("扩产", 1)], "已开工": [], "基础施工": [], "场地平整": [], "已竣工并揭牌": [("竣工", 1), ("揭牌", 1)],
        "投入运营": [("运营", 1)], "完成立项备案": [("立项", 1)], "已取得土地": [("拿地", 1)], "完成可研编制": [], "正在办理立项": [],
        "已签约": [("签约", 1)], "完成土地摘牌": [("拿地", 1)], "完成立项": [("立项", 1)], "开展规划设计": [], "完成备案": [("立项", 1)]}
NAMEALIAS = {"经开区人才公寓二期": ["人才公寓二期"], "东川铝基新材料产业园": ["铝基新材料产业园"], "新能源重卡换电站项目": ["重卡换电站项目"],
             "中藏药研发公共服务平台": [], "甘河工业园区危化品停车场": ["危化品停车场"]}
for row in rows:
    no, name, unit, content, tot, yr, start, prog = row
    no = int(no); owner = LEGAL[unit]
    alias = list(NAMEALIAS.get(name, []))
    if name.startswith(owner) and len(name) > len(owner) + 2:
        alias.append(name[len(owner):])
    for p in PARKS:
        if name.startswith(p): alias.append(name[len(p):])
    e("Project", name, alias, 1)
    r(owner, "hasProject", name, 1)
    st = PROG[prog]
    if no <= 14:
        r(name, "stage", "在建", 0 if st else 1)
    elif no <= 30:
        r(name, "stage", "开工", 1)
        if prog in ("基础施工", "主体施工", "场地平整"): r(name, "stage", "在建", 0)
    for v, c in st:
        if [name, "stage", v, 1] not in G.R: r(name, "stage", v, c)
    if no > 30:
        plan(name, "开工")
    if no == 34: plan(name, "立项")
    if no in (36, 40): plan(name, "扩产")
    if no == 8: r(name, "stage", "扩产", 0)
    places = [p for p in PARKS if p in content or name.startswith(p)]
    for p in places:
        r(name, "locatedIn", p, 1)
    if not places and name.startswith("东川"): r(name, "locatedIn", "东川工业园区", 1)
    if not places and not name.startswith("东川"): r(name, "locatedIn", "西宁经济技术开发区", 0)
    i("总投资", [int(tot), int(tot) * 10000], "万元", 0)
    i("年度计划投资", [int(yr), int(yr) * 10000], "万元", 0)
    for m in re.finditer(r"(占地|建筑面积|规划用地)(\d+(?:\.\d+)?)(万平方米|亩)", content):
        v = float(m.group(2)) if "." in m.group(2) else int(m.group(2))
        i(m.group(1), [v, v * 10000] if m.group(3) == "万平方米" else [v], m.group(3), 0)
    for m in re.finditer(r"年(?:产|处理|加工)([^\d，、；]{1,12}?)(\d+(?:\.\d+)?)(万吨|吨|GWh|GW|台)", content):
        v = float(m.group(2)) if "." in m.group(2) else int(m.group(2))
        i(m.group(1), [v, v * 10000] if m.group(3) == "万吨" else [v], m.group(3), 0)
for f in ["祁和化工", "宁丰物流", "青数云"]:
    r(f, "stage", "开工", 1)
for s in ["青锂新能固态电池中试线项目", "新能源重卡换电站项目"]:
    plan(s, "开工")
for n, ind in [("甘河工业园区污水处理厂扩建工程", None), ("南川工业园区锂电产业孵化器", XN), ("东川铝基新材料产业园", XC), ("中藏药研发公共服务平台", SY)]:
    if ind: r(n, "inIndustry", ind, 0)
for k, v in [("合计", [4787000, 47870000000]), ("续建项目", [2656000, 26560000000]), ("新开工项目", [972000, 9720000000]), ("前期项目", [1159000, 11590000000])]:
    i("总投资", v, "万元", 0)
for v in [1177500, 806000, 343000, 28500]:
    i("年度计划投资", [v, v * 10000], "万元", 0)
I = [("重点项目", 40, "个", 1), ("总投资", 478.7, "亿元", 1), ("年度计划投资", 117.75, "亿元", 1), ("续建项目", 14, "个", 1), ("新开工项目", 16, "个", 1),
     ("前期项目", 10, "个", 1), ("完成投资", 108.6, "亿元", 1), ("完成投资", 92.2, "%", 1), ("年度计划", 92.2, "%", 0), ("开工率", 100, "%", 1),
     ("新能源产业项目", 11, "个", 1), ("新材料产业项目", 12, "个", 1), ("生物医药产业项目", 2, "个", 1), ("高原特色食品产业项目", 5, "个", 1), ("其余", 10, "个", 0)]
for x in I:
    i(*x)
finish(G, "xining-jkq-2026.txt")
