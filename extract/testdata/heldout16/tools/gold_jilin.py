import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import PGold, finish
ABOUT = ("Hand-made reference annotation of jilin-gxq-2026-fbh.pdf, a 新闻发布会 文字实录 printed by headless Chromium from src/jilin-gxq-2026-fbh.html "
 "(A4, running header 吉林高新区新闻发布会文字实录 and footer 第 N 页 共 M 页 as CSS @page margin boxes; title, 时间/地点/发布人/主持人 lines, speaker turns "
 "主持人： / 管委会副主任： / 问：我是…记者。 / 答：（…局长）). The reference text is the visible text of the HTML source (tools/goldlib.py doc_text); a PDF-to-text "
 "conversion adds the header and the footer on every page. The PDF's fonts are Type3 with ToUnicode maps that give some characters as CJK radicals "
 "(⾼ U+2FBC for 高, which NFKC restores; ⻓ U+2ED3 for 长, ⻰ U+2EF0 for 龙, ⻛ U+2EDB for 风, ⻋ U+2ECB for 车, ⻢ U+2EE2 for 马, ⻚ U+2EDA for 页, which NFKC does not "
 "restore): the gold is written with the unified ideographs. "
 "core=1: a good extractor must find it; core=0: acceptable when found, not required. Names are matched after NFKC, removing white space and quotes; any listed alias counts. "
 "Chains: 碳纤维及复合材料 (the 首位产业) and 生物医药 are core Industries; the segments the opening names (丙烯腈, 原丝, 碳丝, 预浸料, 复合材料, 风电叶片, 汽车轻量化, "
 "储氢气瓶, 体育休闲用品 …) are core=0 with subIndustryOf; inIndustry firm → chain core for every firm the opening's chain paragraph or an answer about that chain "
 "names (链主 and 配套 alike), firm → segment core=0. Firms by the short name as spoken (江城碳纤维股份有限公司，大家习惯叫江城碳纤 → 江城碳纤, the legal name an alias). "
 "Projects: owner + project where the text writes it whole; spoken `X的Y项目` is named `Y项目` with `XY项目` as an alias (not in the text) and hasProject X → Y, unless the "
 "text elsewhere writes `XY项目` whole (龙潭化工20万吨丙烯腈项目, 北山风电复材风电叶片拉挤板项目, 雾凇氢能IV型储氢瓶项目, 丰满碳材高性能碳纤维项目 keep the whole name). "
 "Phases 一期/二期 in an answer are the project's (江城碳纤年产3万吨大丝束碳纤维项目: 一期投产, 二期主体封顶). `CMT公司和吉碳新材合作的碳化线改造项目`: hasProject from both. "
 "Implicit: 长白轻量化、雾凇氢能和江和体育这三家企业都已经入驻了复合材料产业园, 吉睿医疗等一批医疗器械企业入驻了医疗器械产业园, 丰满碳材今年刚刚落户: the stage is the "
 "Enterprise's (core). Stage mapping: 已经投产了 / 竣工投产 → 投产 (竣工 core=0); 刚刚主体封顶 → 封顶; 正式开工 / 今年6月份开工 → 开工; 完成了立项备案 → 立项; "
 "土地也已经拿到了 → 拿地; 签了约 / 已经签约 / 签约落地 → 签约 (落地 core=0 where 签约落地 is the only word); 落户 → 落地; 入驻 → 入驻; 扩建完成 → 扩产; 投入使用 / "
 "建成并投入运营 → 运营 (竣工 core=0); 正式揭牌 → 揭牌; 设备调试 / 设备安装 / 主体施工 → 在建 (core only where it is the project's strongest stage). "
 "The one Product, T800级碳纤维 (已经实现了稳定量产), and its develops edge are core=0. Not stages: 签订了长期供货协议, 租用厂房 (a locatedIn), 首批入驻研发团队12个 (a count), 建成后 (a condition). Planned (预计, 计划, 马上就要动工了, 明年…, 力争, "
 "确保, 抓好…开工, 加快…建设, 下一步; a planned 试生产 is a planned 投产) → core=0 stage listed under the extra key `planned`. locatedIn core where the answer places "
 "the project or firm (在化工园区, 在复合材料产业园租用厂房, 入驻了…产业园); the home zone core=0. "
 "Indicators: the shortest measure the text says; **spoken Chinese numerals are values** (一百二十多亿元 → 120, 二十一亿元左右 → 21, 百分之八十五 → 85, 四十六亿元 → 46, "
 "百分之十二点八 → 12.8), approximations as said (大概是68亿元 → 68); units with 万 list the expanded value too, except money in 亿元; expectations and 明年 targets core=0.")
G = PGold("jilin-gxq-2026-fbh.pdf", ABOUT)
e, r, i, plan = G.e, G.r, G.i, G.plan
TX, SW = "碳纤维及复合材料", "生物医药"
e("Industry", TX, ["碳纤维及复合材料产业链", "碳纤维产业链", "碳纤维", "碳纤维产业"], 1)
e("Industry", SW, ["生物医药产业链"], 1)
SEG = [("丙烯腈", TX, []), ("原丝", TX, []), ("碳丝", TX, ["碳化"]), ("预浸料", TX, ["碳纤维织物"]), ("复合材料", TX, []),
       ("风电叶片", "复合材料", ["风电", "拉挤板", "风电叶片拉挤板"]), ("汽车轻量化", "复合材料", ["碳纤维汽车部件", "汽车部件"]),
       ("储氢气瓶", "复合材料", ["储氢瓶", "IV型储氢瓶", "氢能"]), ("体育休闲用品", "复合材料", ["体育用品"]), ("无人机", "复合材料", ["无人机机身"]),
       ("碳化线装备", TX, ["碳化线"]), ("中药配方颗粒", SW, ["中药"]), ("单抗药物", SW, ["单抗"]), ("医疗器械", SW, [])]
for n, top, a in SEG:
    e("Industry", n, a, 0); r(n, "subIndustryOf", top, 0)
F = [("江城碳纤", ["江城碳纤维股份有限公司"], TX, "原丝", 1), ("龙潭化工", [], TX, "丙烯腈", 1), ("吉碳新材", [], TX, "碳丝", 1),
     ("丰满碳材", [], TX, "碳丝", 1), ("松花湖复材", [], TX, "预浸料", 1), ("北山风电复材", [], TX, "风电叶片", 1),
     ("长白轻量化", [], TX, "汽车轻量化", 1), ("雾凇氢能", [], TX, "储氢气瓶", 1), ("江和体育", [], TX, "体育休闲用品", 1),
     ("CMT", ["CMT公司", "德国CMT公司"], TX, "碳化线装备", 0),
     ("雾江药业", [], SW, "中药配方颗粒", 1), ("安澜生物", [], SW, "单抗药物", 1), ("吉睿医疗", [], SW, "医疗器械", 1)]
for n, a, ind, seg, c in F:
    e("Enterprise", n, a, 1)
    r(n, "inIndustry", ind, c); r(n, "inIndustry", seg, 0)
r("江城碳纤", "inIndustry", "碳丝", 0)
for n, seg in [("东丽", "碳丝"), ("维斯塔斯", "风电叶片"), ("一汽", "汽车轻量化")]:
    e("Enterprise", n, [], 0); r(n, "inIndustry", seg, 0)
for n, a in [("吉林日报", []), ("江城日报", []), ("吉林广播电视台", []), ("新华社", []), ("中国化工报", []), ("澎湃新闻", []), ("第一财经", []),
             ("吉林大学", []), ("长春工业大学", []), ("吉林高新区管委会", ["管委会"]), ("经济发展局", []), ("投资促进局", []), ("科技创新局", []),
             ("宣传部", ["党工委宣传部"])]:
    e("Organization", n, a, 0)
e("Product", "T800级碳纤维", ["T800"], 0); r("江城碳纤", "develops", "T800级碳纤维", 0)
for n, a, c in [("吉林高新区", ["高新区", "吉林高新技术产业开发区"], 1), ("化工园区", [], 1), ("吉林", ["吉林市", "全市"], 0)]:
    e("Place", n, a, c)
r("吉林高新区", "partOf", "吉林", 0); r("化工园区", "partOf", "吉林高新区", 0)
P = [("复合材料产业园", "Place|Project", [], 1, []),
     ("医疗器械产业园", "Place|Project", [], 1, []),
     ("复合材料产业园二期", "Project", [], 1, []),
     ("复合材料产业园三期", "Project", [], 1, []),
     ("江城碳纤年产3万吨大丝束碳纤维项目", "Project", ["年产3万吨大丝束碳纤维项目", "大丝束碳纤维项目", "江城碳纤年产3万吨大丝束碳纤维项目二期"], 1, [("江城碳纤", 1)]),
     ("北山风电复材风电叶片拉挤板项目", "Project", ["风电叶片拉挤板项目", "拉挤板项目"], 1, [("北山风电复材", 1)]),
     ("松花湖复材年产1000万平方米预浸料项目", "Project", ["年产1000万平方米预浸料项目", "预浸料项目"], 1, [("松花湖复材", 1)]),
     ("丰满碳材高性能碳纤维项目", "Project", ["高性能碳纤维项目"], 1, [("丰满碳材", 1)]),
     ("雾凇氢能IV型储氢瓶项目", "Project", ["IV型储氢瓶项目", "储氢瓶项目"], 1, [("雾凇氢能", 1)]),
     ("原丝扩产项目", "Project", ["江城碳纤原丝扩产项目"], 1, [("江城碳纤", 1)]),
     ("江城碳纤研发中心", "Project", ["研发中心"], 1, [("江城碳纤", 1)]),
     ("龙潭化工20万吨丙烯腈项目", "Project", ["20万吨丙烯腈项目", "丙烯腈项目"], 1, [("龙潭化工", 1)]),
     ("碳纤维汽车部件项目", "Project", ["长白轻量化碳纤维汽车部件项目"], 1, [("长白轻量化", 1)]),
     ("吉林省碳纤维复合材料创新中心", "Project|Organization", ["碳纤维复合材料创新中心"], 1, [("江城碳纤", 1), ("吉林大学", 0), ("长春工业大学", 0)]),
     ("碳纤维检测公共服务平台", "Project", ["检测公共服务平台"], 1, []),
     ("碳化线改造项目", "Project", ["吉碳新材碳化线改造项目"], 1, [("CMT", 1), ("吉碳新材", 1)]),
     ("年产5000吨碳化线项目", "Project", ["吉碳新材年产5000吨碳化线项目"], 1, [("吉碳新材", 1)]),
     ("雾江药业中药配方颗粒项目", "Project", ["中药配方颗粒项目"], 1, [("雾江药业", 1)]),
     ("安澜生物单抗药物产业化项目", "Project", ["单抗药物产业化项目"], 1, [("安澜生物", 1)]),
     ("220千伏变电站", "Project", [], 0, [])]
for n, t, a, c, owners in P:
    e(t, n, a, c)
    for o, oc in owners:
        r(o, "hasProject", n, oc)
for n, ind in [("复合材料产业园", TX), ("医疗器械产业园", "医疗器械"), ("复合材料产业园二期", TX), ("复合材料产业园三期", TX),
               ("吉林省碳纤维复合材料创新中心", TX), ("碳纤维检测公共服务平台", TX)]:
    r(n, "inIndustry", ind, 0)
r("复合材料产业园", "partOf", "吉林高新区", 0); r("医疗器械产业园", "partOf", "吉林高新区", 0)
S = [("江城碳纤年产3万吨大丝束碳纤维项目", "投产", 1), ("江城碳纤年产3万吨大丝束碳纤维项目", "封顶", 1),
     ("北山风电复材风电叶片拉挤板项目", "投产", 1), ("北山风电复材风电叶片拉挤板项目", "竣工", 0),
     ("松花湖复材年产1000万平方米预浸料项目", "开工", 1),
     ("丰满碳材高性能碳纤维项目", "签约", 1), ("丰满碳材高性能碳纤维项目", "落地", 0), ("丰满碳材", "落地", 1),
     ("雾凇氢能IV型储氢瓶项目", "签约", 1), ("雾凇氢能IV型储氢瓶项目", "落地", 1),
     ("原丝扩产项目", "扩产", 1), ("江城碳纤研发中心", "运营", 1),
     ("龙潭化工20万吨丙烯腈项目", "立项", 1), ("龙潭化工20万吨丙烯腈项目", "拿地", 1),
     ("碳纤维汽车部件项目", "签约", 1), ("碳纤维汽车部件项目", "在建", 0),
     ("长白轻量化", "入驻", 1), ("雾凇氢能", "入驻", 1), ("江和体育", "入驻", 1), ("吉睿医疗", "入驻", 1),
     ("复合材料产业园二期", "竣工", 1), ("吉林省碳纤维复合材料创新中心", "揭牌", 1),
     ("碳纤维检测公共服务平台", "运营", 1), ("碳纤维检测公共服务平台", "竣工", 0),
     ("碳化线改造项目", "在建", 1), ("年产5000吨碳化线项目", "在建", 1), ("吉碳新材", "扩产", 0),
     ("雾江药业中药配方颗粒项目", "投产", 1), ("雾江药业中药配方颗粒项目", "竣工", 0),
     ("安澜生物单抗药物产业化项目", "开工", 1), ("安澜生物单抗药物产业化项目", "在建", 0),
     ("220千伏变电站", "竣工", 0)]
for s, v, c in S:
    r(s, "stage", v, c)
for s, v in [("江城碳纤年产3万吨大丝束碳纤维项目", "投产"), ("龙潭化工20万吨丙烯腈项目", "开工"), ("龙潭化工20万吨丙烯腈项目", "投产"),
             ("碳纤维汽车部件项目", "投产"), ("雾凇氢能IV型储氢瓶项目", "开工"), ("年产5000吨碳化线项目", "投产"),
             ("丰满碳材高性能碳纤维项目", "拿地"), ("丰满碳材高性能碳纤维项目", "开工"), ("复合材料产业园三期", "在建")]:
    plan(s, v)
for s, p, c in [("龙潭化工20万吨丙烯腈项目", "化工园区", 1), ("碳纤维汽车部件项目", "复合材料产业园", 1), ("长白轻量化", "复合材料产业园", 1),
                ("雾凇氢能", "复合材料产业园", 1), ("江和体育", "复合材料产业园", 1), ("吉睿医疗", "医疗器械产业园", 1),
                ("雾凇氢能IV型储氢瓶项目", "吉林高新区", 0), ("丰满碳材", "吉林高新区", 0), ("江城碳纤", "吉林高新区", 0)]:
    r(s, "locatedIn", p, c)
I = [("产值", 120, "亿元", 1), ("产值", 123.6, "亿元", 1), ("产值", 27.4, "%", 1), ("规模以上企业", 38, "家", 1), ("增加", 9, "家", 0),
     ("产值", 150, "亿元", 0), ("原丝产能", [12, 120000], "万吨", 1), ("碳丝产能", [4.5, 45000], "万吨", 1), ("本地配套率", 46, "%", 1),
     ("本地配套率", 35, "%", 0), ("重点项目", 21, "个", 1), ("总投资", 286.5, "亿元", 1), ("完成投资", 78.3, "亿元", 1),
     ("新签约", 14, "个", 1), ("协议总投资", 165, "亿元", 1), ("产值", 200, "亿元", 0),
     ("总投资", 68, "亿元", 1), ("一期", [1.5, 15000], "万吨", 0), ("原丝产能", [8, 80000], "万吨", 0), ("本地采购额", 21, "亿元", 1),
     ("占地", 420, "亩", 1), ("拉挤板产量", 8000, "吨", 1), ("储氢瓶", [5, 50000], "万只", 1), ("标准厂房", 8, "栋", 1), ("入驻率", 85, "%", 1),
     ("研发团队", 12, "个", 0), ("检测服务", 3600, "批次", 1), ("发明专利授权", 86, "件", 1), ("高新技术企业", 29, "家", 1),
     ("总投资", 12, "亿元", 1), ("年产能", 3000, "吨", 1), ("产值", 46, "亿元", 1), ("产值", 12.8, "%", 1), ("生物医药企业", 10, "家", 0),
     ("工业用地", 1260, "亩", 1), ("施工许可", 38, "天", 0), ("用电成本", 4, "分", 0), ("专业人才", 620, "人", 1), ("人才公寓", 500, "套", 1),
     ("碳纤维产业发展基金", 10, "亿元", 1), ("企业", 4, "家", 0), ("下游应用企业", 15, "家", 0), ("新签约项目总投资", 100, "亿元", 0),
     ("标准厂房", [10, 100000], "万平方米", 0)]
for x in I:
    i(*x)
finish(G, "jilin-gxq-2026-fbh.pdf")
