package extract

import "strings"

// The word lists the rules are keyed on: trigger verbs, generic words of
// project names, suffixes of firm and organization names. They describe the
// genre's language, never particular firms.

// stageWord is a verb phrase that reports a project's stage.
type stageWord struct {
	word string
	// stage is the canonical stage, or two joined by + for a verb that
	// reports both (竣工投产: 竣工+投产); relate records each.
	stage string
	// pre: the verb comes before its object (建成X); otherwise after (X落地).
	pre bool
	// both: the verb may stand before or after its object.
	both bool
}

var stageWords = []stageWord{
	{word: "签约", stage: "签约", both: true}, {word: "集中签约", stage: "签约"}, {word: "签约落户", stage: "签约"},
	{word: "签约入园", stage: "签约"}, {word: "正式签约", stage: "签约"}, {word: "签署协议", stage: "签约"},
	{word: "签订协议", stage: "签约"}, {word: "签署合作协议", stage: "签约"}, {word: "签约落地", stage: "签约"},
	{word: "立项", stage: "立项"}, {word: "获批立项", stage: "立项"}, {word: "完成备案", stage: "立项"}, {word: "备案", stage: "立项"},
	{word: "拿地", stage: "拿地"}, {word: "土地摘牌", stage: "拿地"}, {word: "摘牌", stage: "拿地"},
	{word: "取得土地", stage: "拿地"}, {word: "摘地", stage: "拿地"}, {word: "获取土地", stage: "拿地"},
	{word: "取得建设用地", stage: "拿地"}, {word: "取得用地", stage: "拿地"}, {word: "摘牌拿地", stage: "拿地"},
	{word: "签署投资协议", stage: "签约"}, {word: "签订投资协议", stage: "签约"}, {word: "签署战略合作协议", stage: "签约"},
	{word: "签约仪式", stage: "签约"}, {word: "签署框架协议", stage: "签约"}, {word: "签订战略合作协议", stage: "签约"},
	{word: "签订合作协议", stage: "签约"}, {word: "签订框架协议", stage: "签约"}, {word: "签署合作框架协议", stage: "签约"},
	{word: "开工", stage: "开工"}, {word: "开工建设", stage: "开工", both: true}, {word: "动工", stage: "开工"},
	{word: "新开工", stage: "开工"}, {word: "正式开工", stage: "开工"}, {word: "破土动工", stage: "开工"},
	{word: "建设", stage: "在建", both: true}, {word: "续建", stage: "在建"}, {word: "有序推进", stage: "在建"},
	{word: "加快建设", stage: "在建"}, {word: "一级开发", stage: "在建"}, {word: "打造", stage: "在建", pre: true},
	{word: "布局", stage: "在建", pre: true}, {word: "新建", stage: "在建", pre: true}, {word: "加快推进", stage: "在建"},
	{word: "封顶", stage: "封顶"}, {word: "主体结构封顶", stage: "封顶"}, {word: "主体封顶", stage: "封顶"},
	{word: "竣工", stage: "竣工"}, {word: "建成", stage: "竣工", both: true}, {word: "完工", stage: "竣工"},
	{word: "主体竣工", stage: "竣工"}, {word: "建成投用", stage: "竣工+运营"},
	{word: "落地", stage: "落地"}, {word: "落户", stage: "落地"}, {word: "引进", stage: "落地", pre: true},
	{word: "入驻", stage: "入驻"}, {word: "入园", stage: "入驻"}, {word: "进驻", stage: "入驻"},
	{word: "投产", stage: "投产"}, {word: "竣工投产", stage: "竣工+投产"}, {word: "试产", stage: "投产"},
	{word: "量产", stage: "投产"}, {word: "建成投产", stage: "竣工+投产"}, {word: "投产达产", stage: "投产"},
	{word: "运营", stage: "运营"}, {word: "投入运营", stage: "运营"}, {word: "投入使用", stage: "运营"},
	{word: "投用", stage: "运营"}, {word: "营业", stage: "运营"}, {word: "开通运营", stage: "运营"},
	{word: "上线运行", stage: "运营"}, {word: "并网", stage: "运营"}, {word: "开业", stage: "运营"},
	{word: "启用", stage: "运营"}, {word: "试运营", stage: "运营"}, {word: "正式运营", stage: "运营"},
	{word: "扩产", stage: "扩产"}, {word: "扩建", stage: "扩产"}, {word: "增资扩产", stage: "扩产"},
	{word: "揭牌", stage: "揭牌"}, {word: "挂牌", stage: "揭牌"}, {word: "揭牌成立", stage: "揭牌"},
	{word: "揭牌运行", stage: "揭牌+运营"}, {word: "完成签约", stage: "签约"}, {word: "签约入驻", stage: "签约+入驻"},
	// Speech: 今年4月份签了约, 上个月开了工, 已经拿到了土地.
	{word: "签了约", stage: "签约"}, {word: "开了工", stage: "开工"}, {word: "拿到土地", stage: "拿地"}, {word: "拿到了土地", stage: "拿地"},
	{word: "启动建设", stage: "开工"}, {word: "竣工验收", stage: "竣工"}, {word: "试运行", stage: "运营"},
	{word: "投入试运行", stage: "运营"}, {word: "上线", stage: "运营"}, {word: "开园", stage: "运营"},
	{word: "通车", stage: "运营"}, {word: "满产运营", stage: "运营"}, {word: "全面投产", stage: "投产"},
	{word: "正式投产", stage: "投产"}, {word: "顺利投产", stage: "投产"}, {word: "开工奠基", stage: "开工"},
	{word: "奠基", stage: "开工"}, {word: "主体完工", stage: "竣工"}, {word: "交付使用", stage: "运营"},
	{word: "试生产", stage: "投产"}, {word: "竣工投用", stage: "竣工+运营"}, {word: "满产", stage: "投产"},
	{word: "实现满产", stage: "投产"}, {word: "扩大产能", stage: "扩产"}, {word: "达产", stage: "投产"}, {word: "达产达效", stage: "投产"},
	{word: "全面达产", stage: "投产"}, {word: "扩至", stage: "扩产"}, {word: "扩容", stage: "扩产"},
	{word: "竣工交付", stage: "竣工"}, {word: "通过竣工验收", stage: "竣工"}, {word: "土地出让", stage: "拿地"},
	{word: "落成", stage: "竣工"}, {word: "投运", stage: "运营"}, {word: "正式投运", stage: "运营"},
	{word: "建成投运", stage: "竣工+运营"}, {word: "投入运行", stage: "运营"}, {word: "满载运行", stage: "运营"},
	{word: "满负荷运行", stage: "运营"}, {word: "满产满销", stage: "投产"}, {word: "开建", stage: "开工"},
	{word: "投入生产", stage: "投产"}, {word: "点火开车", stage: "投产"}, {word: "点火投产", stage: "投产"},
	{word: "集中开工", stage: "开工"}, {word: "集中竣工", stage: "竣工"}, {word: "集中投产", stage: "投产"},
	{word: "开车成功", stage: "投产"}, {word: "建成达产", stage: "竣工+投产"}, {word: "完成主体施工", stage: "封顶"},
	{word: "挂牌运行", stage: "揭牌+运营"}, {word: "挂牌成立", stage: "揭牌"}, {word: "建成运营", stage: "竣工+运营"},
	{word: "完成供地", stage: "拿地"}, {word: "取得供地", stage: "拿地"}, {word: "签订供地协议", stage: "拿地"},
	{word: "实现投产", stage: "投产"}, {word: "开始试生产", stage: "投产"}, {word: "正式落户", stage: "落地"},
	{word: "设备安装调试", stage: "在建"}, {word: "完成设备安装", stage: "在建"}, {word: "设备安装", stage: "在建"},
	{word: "进入设备安装调试", stage: "在建"}, {word: "通线", stage: "投产"}, {word: "下线", stage: "投产"},
}

// locates reports whether the place of the project follows the verb
// (落户Y, 入驻Y, 签约入驻Y).
func (w stageWord) locates() bool {
	return w.stage == "落地" || strings.HasSuffix(w.stage, "入驻") || w.word == "签约落户" || w.word == "签约落地"
}

// leadWords are verbs and adverbs that open a clause before its object;
// they are stripped from the front of a candidate name.
var leadWords = []string{
	"推动", "推进", "实现", "支持", "加快", "加快推进", "促进", "助力", "完成", "积极", "持续", "全力",
	"保障", "确保", "力争", "计划", "将", "拟", "预计", "全年", "年内", "今年", "成功", "顺利", "累计",
	"大力", "全面", "加速", "紧急", "率先", "共", "已", "并", "同时", "另外", "此外", "其中",
	"推动了", "实现了", "完成了", "引导", "吸引", "促成", "共有", "新增", "全区",
	"助推", "助推了", "力促", "协助", "督促", "帮助",
	"通过", "紧盯", "邀请", "已有", // 通过X、Y等链主企业引荐, 邀请X、Y等龙头企业
	"全市", "全省", "部分", "带动", "带动了", "满足", "可满足", "填补", "填补了", "我区", "区内", "国内", "全国", "全球首个", "首个", "首家", "一批", "一座", "多个", "多家",
	"进一步", "不断", "协调", "高标准", "高质量", "加紧", "抓紧", "着力", "深入", "主动", "重点",
	"搭建", "出台", "构建", "建立", "完善", "制定", "发布", "开展", "组织", "举办", "深化", "落实",
	"印发", "编制", "开设", "设立", "成立", "培育", "引育", "强化", "提升", "优化", "探索", "健全",
	"加强", "坚持", "围绕", "聚焦", "依托", "发挥", "统筹", "做强", "做优", "做大", "壮大", "有力",
	"另有", "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "首先", "其次", "最后",
	"同步", "正式", "新引进", "成功引进", "获批", "启动", "争取", "申报", "申请", "补齐", "改造", "全年在区内", "在区内", "由", "当年", "当月", "同年", "年底前", "先后", "相继", "陆续", "实施", "启动实施", "与", "为",
	// What a firm is, written before its name: 链主企业X, 港资企业X.
	"项目投资方", "投资方", "链主企业", "以链主企业", "配套企业", "主要配套企业", "龙头企业", "以龙头企业", "外资企业", "港资企业", "台资企业", "日资企业",
	"韩资企业", "德资企业", "美资企业", "欧资企业", "外商独资企业", "中外合资企业", "链主", "以链主",
	"德国企业", "美国企业", "日本企业", "韩国企业", "法国企业", "英国企业", "瑞士企业", "瑞典企业",
	"意大利企业", "荷兰企业", "丹麦企业", "新加坡企业", "以色列企业", "芬兰企业", "奥地利企业",
	"全资子公司", "控股子公司", "子公司", // X设立的全资子公司Y有限公司: Y is a firm of its own
}

// innerVerbs never occur inside a name: a span holding one is a clause.
var innerVerbs = []string{
	"推动", "推进", "实现", "支持", "加快", "促进", "助力", "完成", "积极", "持续", "全力", "确保", "力争",
	"计划", "预计", "累计", "新增", "吸引", "引导", "出台", "印发", "制定", "开展", "坚持", "围绕", "聚焦",
	"依托", "落实", "深化", "加强", "健全", "完善", "获批", "成为", "签约", "签署", "落户", "入驻",
	"助推", "力促", "哪些", "请问",
}

// trailWords are adverbs and fillers between a name and its stage verb.
var trailWords = []string{
	"正式", "顺利", "成功", "实现", "全面", "加快", "已", "均", "相继", "陆续", "先后", "加速", "即将",
	"重大项目", "重点项目", "等", "完成", "全部", "基本", "率先", "如期", "提前", "年内", "有序", "全力",
	"应用场景", "场景", "工作", "转型升级", "改造提升", "升级改造", "发展", "实施", "快速", "稳步",
	"进展顺利", "建设", "一期", "等重大项目", "等重点项目", "等项目", "土地", "主体", "主体结构", "同步", "同期", "全容量", "相继", "开始", "已", "正在",
	"年产能", "产能", "厂房", "完成厂房", "当年", "当月", "同年", "集中",
	// Speech (新闻发布会 answers): 一期已经在今年6月份投产了, 二期也已经开工,
	// 上个月刚刚封顶, 马上就要动工了.
	"已经", "也", "也已", "也已经", "都", "都已", "都已经", "刚刚", "刚", "马上", "马上就要", "就要", "就",
	"可以", "就可以", "就能", "能够", "基本上", "大概", "现在", "目前已经",
}

// projectHeads end the name of a project, facility, base or phase.
var projectHeads = []string{
	"项目", "工程", "基地", "中心", "分中心", "平台", "总部", "产业园", "园区", "工业区", "港", "物流港",
	"工厂", "研究院", "研究所", "实验室", "试验室", "医院", "冷库", "场所", "产业化", "智造", "大脑",
	"生产线", "示范区", "学院", "大厦", "小镇", "综合体", "产业基地", "创新中心", "孵化器", "加速器",
	"园", "站", "馆", "厂", "楼", "线", "期", "街区", "社区", "集聚区", "功能区", "制造基地",
	"枢纽", "院区", "新院区", "校区", "新址", "加工厂", "云中心", "数据中心", "超算中心",
	"总院", "研究总院", "车间", "学校", "中学", "小学", "幼儿园", "分行", "支行", "分公司", "景区",
	// Facilities of ports, airports and logistics: X专用码头, Y维修机库.
	"码头", "泊位", "筒仓", "仓库", "卡口", "堆场", "机库", "测试场", "试验场", "试车场",
}

// genericWords are the common words of project names: a project name made
// only of them is a category (绿色工厂), not a named project, and the first
// of them after a proper name separates an owner from its project.
var genericWords = []string{
	"全球", "国际", "国家", "国家级", "市级", "区级", "省级", "中国", "中央", "新型", "智能", "智慧", "数字",
	"绿色", "未来", "创新", "研发", "生产", "制造", "智造", "产业", "产业化", "技术", "检测", "评价",
	"测试", "认证", "开发", "试验", "实验", "服务", "综合", "公共", "示范", "孵化", "运营", "应用",
	"工程", "信息", "基础", "体验", "前沿", "总部", "品牌", "区域", "社区", "卫生", "城市", "交通",
	"集中", "隔离", "观察", "整车", "能效", "制剂", "高端", "先进", "重点", "重大", "一体化", "协同",
	"融合", "共享", "双创", "科创", "人才", "扩产", "扩建", "新建", "研究院", "研究", "中心", "平台",
	"基地", "项目", "园区", "产业园", "工厂", "实验室", "试验室", "港", "园", "生产基地", "研发中心",
	"运营中心", "结算中心", "销售中心", "数据中心", "算力中心", "国家级", "大型", "超级", "一站式",
	"配套", "标准化", "规模化", "产学研", "产教融合", "分中心", "华北", "华东", "华南", "西南", "西北",
	"东北", "华中", "亚太", "中国区", "第二", "第三", "新一代", "首个", "旗舰", "超大", "百万",
	"平米", "零碳", "低碳", "碳中和", "循环", "清洁", "安全", "应急", "物流", "仓储", "冷链", "供应链",
	"工业", "商业", "科技园", "高新", "视听", "赛事", "电竞", "元宇宙", "医疗", "健康", "康养",
	"教育", "文化", "体育", "商务", "办公", "居住", "住房", "保障性", "人工智能", "机器人", "装备",
	"金属", "硅片", "芯片", "闪存", "存储", "高效", "单晶", "晶硅", "电池", "设备", "材料", "新能源",
	"汽车", "零部件", "动力", "储能", "光伏", "电子", "光电", "精密", "药物", "新药", "生态", "先进",
	"第二", "西南", "西部", "东部", "中部", "南方", "北方", "全国", "晶圆", "凸点", "加工", "封装",
	"十二英寸", "12英寸", "8英寸", "刀片", "数控", "五轴", "语音", "交互", "色谱", "填料", "射频", "智驾", "智算", "算力", "政务", "党群", "便民", "行政", "企业", "图书", "乡村振兴", "美丽乡村", "人民", "指挥", "机场", "货运区", "试剂", "器械", "激光雷达", "处理器", "通信", "超算", "计算", "海洋", "功率", "器件", "虚拟", "拍摄", "影视",
	// A yearly capacity opens the project after its owner: X年产10万吨Y项目.
	"年产", "年处理", "年加工", "年回收", "年出栏", "年屠宰", "年吞吐", "日产", "日处理", "日熔化量", "年熔化量",
}

// firmSuffixes end the short names of firms (X科技, X生物): such a word
// after a proper name stays with the owner.
var firmSuffixes = []string{
	"科技", "生物", "医药", "药业", "制药", "半导体", "微电子", "电子", "光电", "集团", "股份", "公司",
	"汽车", "能源", "氢能", "数科", "动力", "航天", "宇航", "机器人", "智联", "通信", "智能", "技术",
	"控股", "实业", "材料", "新材料", "电气", "电力", "信息", "软件", "网络", "数据", "传媒", "物流",
	"精密", "仪器", "装备", "重工", "化工", "医疗", "健康", "基因", "细胞", "疫苗", "生命科学", "电池", "药物", "量子", "微装", "存储", "激光", "显示", "数控",
	"银行", "证券", "保险", "资本", "基金", "影业", "动漫", "互娱", "文化", "游戏", "物联", "电器", "家电",
	"自动化", "光能", "新能源", "化学", "新材", "储能",
	"铸造", "酒业", "焦化", "面业", "乳业", "铝业", "镁业", "硅业", "铜业", "锂业",
}

// orgSuffixes end the names of organizations that are not companies.
var orgSuffixes = []string{
	"局", "部", "委", "委员会", "管委会", "厅", "办", "中心", "研究院", "研究所", "大学", "学院",
	"医院", "协会", "学会", "联盟", "基金会", "实验室", "科学院", "工程院", "政府", "法院", "检察院",
}

// legalSuffixes end full legal names of firms; ShortName strips them.
var legalSuffixes = []string{
	"股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "有限公司", "股份公司", "集团公司",
	"公司", "集团", "控股", "股份", "科技", "技术", "发展", "实业", "(中国)", "(集团)", "(北京)",
	"Co.,Ltd.", "Co., Ltd.", "Ltd.", "Inc.", "Corp.", "Corporation", "GmbH", "AG", "LLC",
}

// planWords mark a statement about the future.
var planWords = []string{"计划", "力争", "拟", "将", "预计", "争取", "有望", "即将", "将于", "明年", "下一步"}

// industryStop are words that precede 产业 without naming an industry.
var industryStop = []string{
	"新兴", "主导", "传统", "特色", "优势", "重点", "未来", "高精尖", "支柱", "战略性新兴", "先导",
	"相关", "上下游", "全", "各", "本地", "区域", "两大", "三大", "四大", "五大", "六大", "该", "其",
	"主要", "社会", "实体", "宏观", "县域", "民营", "外向型", "整体", "总体", "国民", "地方",
}
