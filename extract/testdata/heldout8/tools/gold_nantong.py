from goldlib import Gold, doc_text, out_path
DOC = 'nantong-etdz-2024.txt'
g = Gold(DOC, "Hand-made reference annotation of nantong-etdz-2024.txt (GB18030; 南通经济技术开发区 2024年招商引资工作总结: headline figures, three chains 船舶海工 / 新一代信息技术 / 生物医药 with their 签约项目, 主要做法 一是…六是, 存在的问题, 2025年工作安排, and a trailing 签约项目清单 in `序号、项目名称、投资方、总投资、产业链、进展` lines), written with shared/ontology.md and the conventions of heldout4/README.md. core=1: a good extractor must find it; core=0: acceptable when found, not required. Names are matched after NFKC, removing white space and quotes; any listed alias counts. Stage mapping: 签订正式合同 → 签约; 签订框架协议 → 签约 (core=0: a framework agreement is not yet the signing); 签约落户 → 签约 (落地 core=0); 落地注册 → 落地 (firm and project); 完成土地摘牌 → 拿地; 开工建设 → 开工; 主体结构封顶 → 封顶; 进入设备安装阶段 → 在建 (core=0); 完成竣工验收 → 竣工; 试运行 → 投产 (运营 core=0); 满产 → 投产; 建成投用 → 运营 (竣工 core=0); 完成立项备案 → 立项; 增资扩产 → 扩产; 入驻 → 入驻; 揭牌运行 → 揭牌 (运营 core=0); 入库国家科技型中小企业 is no stage. The list's 进展 column repeats stages already in the prose. Planned stages (力争, 确保, 推动, 计划, 预计, the 2025年工作安排) are core=0. Subsidiaries: the parent 通舟重工集团 → project is core=0. A foreign parent introduced only by its Latin name and its Chinese-named local company are one entity (Halvorsen Oy / 海沃森船舶设备（南通）有限公司 → 海沃森; Daeil Precision Co., Ltd. / 岱一精密（南通）有限公司 → 岱一精密).")
E, R, I = g.e, g.r, g.i
# enterprises
E('Enterprise', '瀚洋海工', ['江苏瀚洋海洋工程装备有限公司'])
E('Enterprise', 'Nordvik Marine', ['Nordvik Marine AS', '挪威Nordvik Marine AS', 'Nordvik'])
E('Enterprise', '瀚北海洋', ['南通瀚北海洋科技有限公司', '瀚北海洋科技'])
E('Enterprise', '通舟重工集团', ['通舟重工'])
E('Enterprise', '通舟动力', ['南通通舟动力科技有限公司', '通舟动力科技'])
E('Enterprise', '锚链重机', ['南通锚链重机股份有限公司'])
E('Enterprise', '海沃森', ['海沃森船舶设备（南通）有限公司', '海沃森船舶设备', 'Halvorsen Oy', '芬兰Halvorsen Oy', 'Halvorsen'])
E('Enterprise', '晶扬半导体', ['南通晶扬半导体有限公司'])
E('Enterprise', '岱一精密', ['岱一精密（南通）有限公司', 'Daeil Precision Co., Ltd.', '韩国Daeil Precision Co., Ltd.', 'Daeil Precision'])
E('Enterprise', '讯锐通信', ['深圳市讯锐通信技术有限公司', '讯锐通信技术'])
E('Enterprise', '能达控股', ['南通能达控股集团有限公司', '能达控股集团'])
E('Enterprise', '讯达智联', ['南通讯达智联科技有限公司'])
E('Enterprise', '云栖数智', ['云栖数智科技（江苏）有限公司', '云栖数智科技'])
E('Enterprise', '光衡光电', ['南通光衡光电科技有限公司'])
E('Enterprise', 'Lindqvist Biologics', ['Lindqvist Biologics AG', '瑞士Lindqvist Biologics AG', 'Lindqvist'])
E('Enterprise', '恒济药业', ['江苏恒济药业有限公司'])
E('Enterprise', '林恒生物', ['南通林恒生物制药有限公司', '林恒生物制药'])
E('Enterprise', '禾信基因', ['苏州禾信基因科技有限公司'])
E('Enterprise', '康睿医疗', ['江苏康睿医疗器械有限公司'])
E('Enterprise', '柔泽医用', ['南通柔泽医用材料有限公司', '柔泽医用材料'])
# organisations (not scored)
E('Organization', '南通大学', [], 0)
E('Organization', '江苏科技大学', [], 0)
E('Organization|Project', '海洋装备研究院南通分院', ['海洋装备研究院'], 0)
E('Organization|Project', '南通大学生物医药协同创新中心', ['生物医药协同创新中心'], 0)
E('Organization|Project', '临床研究平台', [], 0)
E('Organization', '开发区产业投资母基金', ['产业投资母基金'], 0)
# industries
E('Industry', '船舶海工', ['船舶海工产业链', '船舶海工产业'])
E('Industry', '新一代信息技术', ['新一代信息技术产业链', '新一代信息技术产业'])
E('Industry', '生物医药', ['生物医药产业链', '生物医药产业'])
E('Industry', '集成电路', ['集成电路封测', '封装测试', '先进封装'], 0)
E('Industry', '智能终端', [], 0)
E('Industry', '数据中心', ['算力'], 0)
E('Industry', '光通信', ['光模块'], 0)
E('Industry', '医疗器械', ['高值耗材', '医用敷料'], 0)
E('Industry', '细胞治疗', ['CDMO'], 0)
E('Industry', '船舶配套', ['配套项目', '船用设备'], 0)
# places
E('Place', '南通经济技术开发区', ['开发区', '南通经开区'])
E('Place', '竹行街道', ['竹行'])
E('Place', '小海街道', ['小海'])
E('Place', '中兴街道', [])
E('Place', '新开街道', [])
E('Place', '能达商务区', [])
E('Place', '南通生物医药产业园', [])
E('Place', '南通', ['南通市'], 0)
E('Place', '上海', [], 0)
E('Place', '深圳', ['深圳市'], 0)
E('Place', '首尔', [], 0)
E('Place', '挪威', [], 0)
E('Place', '芬兰', [], 0)
E('Place', '韩国', [], 0)
E('Place', '瑞士', [], 0)
E('Place', '长三角', [], 0)
# projects
E('Project', '瀚洋海工深远海养殖工船总装基地', ['深远海养殖工船总装基地', '瀚洋海工深远海养殖工船总装基地一期'])
E('Project', '瀚北海洋船用LNG燃料供给系统生产线', ['船用LNG燃料供给系统生产线', 'LNG燃料供给系统生产线'])
E('Project', '通舟动力船用双燃料主机再制造项目', ['船用双燃料主机再制造项目', '双燃料主机再制造项目'])
E('Project', '锚链重机船用甲板机械智能制造项目', ['船用甲板机械智能制造项目', '甲板机械智能制造项目'])
E('Project', '海沃森舱口盖液压系统产线', ['舱口盖液压系统产线'], 0)
E('Project', '晶扬半导体先进封装测试基地二期', ['先进封装测试基地二期'])
E('Project', '岱一精密引线框架项目', ['引线框架项目'])
E('Project', '讯锐通信南通智能终端产业园一期', ['南通智能终端产业园一期', '智能终端产业园一期', '讯锐通信南通智能终端产业园', '南通智能终端产业园'])
E('Project', '云栖数智长三角算力中心', ['长三角算力中心'])
E('Project', '光衡光电光模块封装项目', ['光模块封装项目'])
E('Project', '林恒生物单抗原液及制剂生产基地', ['单抗原液及制剂生产基地'])
E('Project', '禾信基因细胞治疗CDMO平台', ['细胞治疗CDMO平台'])
E('Project', '康睿医疗高值耗材产业化项目', ['高值耗材产业化项目'])
E('Project', '柔泽医用医用敷料扩产项目', ['医用敷料扩产项目'])
# products
E('Product', 'HY-100', ['HY-100型深远海养殖工船', 'HY-100型'])
E('Product', 'TZ-6L32', ['TZ-6L32型船用双燃料发动机', 'TZ-6L32型'])
E('Product', 'XR-Link', ['“XR-Link”系列5G工业网关', 'XR-Link系列5G工业网关', 'XR-Link系列'])
E('Product', '睿通', ['“睿通”系列可降解冠脉支架', '睿通系列可降解冠脉支架', '睿通系列'])
E('Product', '800G高速光模块', [], 0)

# inIndustry
for f in ['瀚洋海工', '瀚北海洋', '通舟动力', '锚链重机', '海沃森']:
    R(f, 'inIndustry', '船舶海工')
R('Nordvik Marine', 'inIndustry', '船舶海工', 0)
R('通舟重工集团', 'inIndustry', '船舶海工', 0)
R('海洋装备研究院南通分院', 'inIndustry', '船舶海工', 0)
for f in ['晶扬半导体', '岱一精密', '讯锐通信', '云栖数智', '光衡光电']:
    R(f, 'inIndustry', '新一代信息技术')
R('讯达智联', 'inIndustry', '新一代信息技术', 0)
R('能达控股', 'inIndustry', '新一代信息技术', 0)
for f in ['林恒生物', '禾信基因', '康睿医疗', '柔泽医用']:
    R(f, 'inIndustry', '生物医药')
R('Lindqvist Biologics', 'inIndustry', '生物医药', 0)
R('恒济药业', 'inIndustry', '生物医药', 0)
R('南通大学生物医药协同创新中心', 'inIndustry', '生物医药', 0)
for s, o in [('晶扬半导体', '集成电路'), ('岱一精密', '集成电路'), ('讯锐通信', '智能终端'), ('讯达智联', '智能终端'),
             ('云栖数智', '数据中心'), ('光衡光电', '光通信'), ('禾信基因', '细胞治疗'), ('康睿医疗', '医疗器械'),
             ('柔泽医用', '医疗器械'), ('通舟动力', '船舶配套'), ('锚链重机', '船舶配套'), ('海沃森', '船舶配套'), ('瀚北海洋', '船舶配套')]:
    R(s, 'inIndustry', o, 0)
for s, o in [('集成电路', '新一代信息技术'), ('智能终端', '新一代信息技术'), ('数据中心', '新一代信息技术'), ('光通信', '新一代信息技术'),
             ('医疗器械', '生物医药'), ('细胞治疗', '生物医药'), ('船舶配套', '船舶海工')]:
    R(s, 'subIndustryOf', o, 0)
# hasProject
R('瀚洋海工', 'hasProject', '瀚洋海工深远海养殖工船总装基地')
R('瀚北海洋', 'hasProject', '瀚北海洋船用LNG燃料供给系统生产线')
R('瀚洋海工', 'hasProject', '瀚北海洋船用LNG燃料供给系统生产线', 0)
R('Nordvik Marine', 'hasProject', '瀚北海洋船用LNG燃料供给系统生产线', 0)
R('通舟动力', 'hasProject', '通舟动力船用双燃料主机再制造项目')
R('通舟重工集团', 'hasProject', '通舟动力船用双燃料主机再制造项目', 0)
R('锚链重机', 'hasProject', '锚链重机船用甲板机械智能制造项目')
R('海沃森', 'hasProject', '海沃森舱口盖液压系统产线', 0)
R('晶扬半导体', 'hasProject', '晶扬半导体先进封装测试基地二期')
R('岱一精密', 'hasProject', '岱一精密引线框架项目')
R('讯锐通信', 'hasProject', '讯锐通信南通智能终端产业园一期')
R('云栖数智', 'hasProject', '云栖数智长三角算力中心')
R('光衡光电', 'hasProject', '光衡光电光模块封装项目')
R('林恒生物', 'hasProject', '林恒生物单抗原液及制剂生产基地')
R('Lindqvist Biologics', 'hasProject', '林恒生物单抗原液及制剂生产基地', 0)
R('恒济药业', 'hasProject', '林恒生物单抗原液及制剂生产基地', 0)
R('禾信基因', 'hasProject', '禾信基因细胞治疗CDMO平台')
R('康睿医疗', 'hasProject', '康睿医疗高值耗材产业化项目')
R('柔泽医用', 'hasProject', '柔泽医用医用敷料扩产项目')
R('江苏科技大学', 'hasProject', '海洋装备研究院南通分院', 0)
R('南通大学', 'hasProject', '南通大学生物医药协同创新中心', 0)
R('南通大学', 'hasProject', '临床研究平台', 0)
# develops
R('瀚洋海工', 'develops', 'HY-100', 0)
R('通舟动力', 'develops', 'TZ-6L32')
R('讯锐通信', 'develops', 'XR-Link')
R('康睿医疗', 'develops', '睿通')
R('光衡光电', 'develops', '800G高速光模块', 0)
# stage
P = '瀚洋海工深远海养殖工船总装基地'
R(P, 'stage', '签约'); R(P, 'stage', '拿地'); R(P, 'stage', '开工'); R(P, 'stage', '封顶', 0)
P = '瀚北海洋船用LNG燃料供给系统生产线'
R(P, 'stage', '在建', 0); R(P, 'stage', '落地', 0)
R('瀚北海洋', 'stage', '落地')
P = '通舟动力船用双燃料主机再制造项目'
R(P, 'stage', '竣工'); R(P, 'stage', '投产'); R(P, 'stage', '运营', 0)
P = '锚链重机船用甲板机械智能制造项目'
R(P, 'stage', '签约', 0)
R('海沃森', 'stage', '扩产')
R('海沃森舱口盖液压系统产线', 'stage', '扩产', 0)
P = '晶扬半导体先进封装测试基地二期'
R(P, 'stage', '开工'); R(P, 'stage', '封顶'); R(P, 'stage', '投产', 0)  # 一期已满产 / 2025 年底投产
P = '岱一精密引线框架项目'
R(P, 'stage', '落地'); R(P, 'stage', '拿地')
R('岱一精密', 'stage', '落地', 0)
P = '讯锐通信南通智能终端产业园一期'
R(P, 'stage', '运营'); R(P, 'stage', '竣工', 0); R(P, 'stage', '投产', 0)
P = '云栖数智长三角算力中心'
R(P, 'stage', '签约'); R(P, 'stage', '落地', 0); R(P, 'stage', '立项'); R(P, 'stage', '开工', 0)
P = '光衡光电光模块封装项目'
R(P, 'stage', '签约'); R(P, 'stage', '拿地', 0)
P = '林恒生物单抗原液及制剂生产基地'
R(P, 'stage', '开工'); R(P, 'stage', '在建', 0)
P = '禾信基因细胞治疗CDMO平台'
R(P, 'stage', '入驻'); R(P, 'stage', '投产', 0)
R('康睿医疗高值耗材产业化项目', 'stage', '竣工')
R('柔泽医用医用敷料扩产项目', 'stage', '签约')
R('柔泽医用医用敷料扩产项目', 'stage', '扩产', 0)
R('海洋装备研究院南通分院', 'stage', '落地', 0)
R('南通大学生物医药协同创新中心', 'stage', '揭牌', 0)
R('南通大学生物医药协同创新中心', 'stage', '运营', 0)
# locatedIn
R('瀚洋海工深远海养殖工船总装基地', 'locatedIn', '竹行街道')
R('锚链重机', 'locatedIn', '小海街道')
R('岱一精密引线框架项目', 'locatedIn', '中兴街道')
R('讯锐通信南通智能终端产业园一期', 'locatedIn', '新开街道')
R('云栖数智长三角算力中心', 'locatedIn', '能达商务区')
R('禾信基因细胞治疗CDMO平台', 'locatedIn', '南通生物医药产业园')
R('海洋装备研究院南通分院', 'locatedIn', '小海街道', 0)
R('南通大学生物医药协同创新中心', 'locatedIn', '竹行街道', 0)
R('海沃森', 'locatedIn', '南通经济技术开发区', 0)
# partOf (not scored)
for p in ['竹行街道', '小海街道', '中兴街道', '新开街道', '能达商务区', '南通生物医药产业园']:
    R(p, 'partOf', '南通经济技术开发区', 0)
R('南通经济技术开发区', 'partOf', '南通', 0)

# indicators
I('亿元以上项目', 46, '个'); I('协议总投资', 612.4, '亿元'); I('协议总投资', 18.3, '%')
I('10亿元以上项目', 14, '个'); I('外资项目', 9, '个'); I('实际使用外资', 3.86, '亿美元'); I('实际使用外资', 112, '%')
I('落地注册项目', 38, '个'); I('新开工项目', 29, '个'); I('竣工投产项目', 17, '个')
I('实际到账内资', 158.6, '亿元'); I('实际到账内资', 9.7, '%')
# 船舶海工
I('签约项目', 15, '个'); I('协议总投资', 236.5, '亿元'); I('协议总投资', 38.6, '%'); I('签约总额', 38.6, '%', 0)
I('总投资', 42, '亿元'); I('深远海养殖工船', 6, '艘', 0); I('总投资', 8.6, '亿元'); I('总投资', 12.5, '亿元')
I('产线', 2, '条', 0); I('年产值', 6, '亿元', 0); I('研发团队', 11, '个', 0); I('技术难题', 23, '项', 0)
# 新一代信息技术
I('签约项目', 17, '个'); I('协议总投资', 248.2, '亿元'); I('协议总投资', 26.4, '%')
I('总投资', 35, '亿元'); I('封装芯片', [18.6, 1860000000], '亿颗'); I('封装芯片', 31.2, '%')
I('总投资', 3.2, '亿美元'); I('5G工业网关', [120, 1200000], '万台'); I('总投资', 26, '亿元'); I('机柜', 5000, '个', 0)
I('总投资', 6.5, '亿元'); I('配套企业', 8, '家', 0)
# 生物医药
I('签约项目', 14, '个'); I('协议总投资', 127.7, '亿元'); I('协议总投资', 7.9, '%'); I('协议总投资', 20.9, '%'); I('签约总额', 20.9, '%', 0)
I('总投资', 18, '亿元'); I('总投资', 2.6, '亿元'); I('医用敷料', [3.5, 350000000], '亿片', 0); I('研发机构', 6, '家')
# 主要做法
I('外出招商', 47, '批次'); I('走访企业', 213, '家'); I('推介会', 9, '场')
I('产业投资母基金', 50, '亿元'); I('子基金', 7, '只'); I('社会资本', 86, '亿元'); I('以投带引项目', 11, '个')
I('工业用地', 3260, '亩'); I('工业用地', 14.1, '%'); I('盘活低效用地', 1180, '亩'); I('标准厂房', [42, 420000], '万平方米')
I('中小项目', 12, '个', 0); I('平均用时', 5.2, '个月'); I('平均用时', 1.6, '个月')
I('引进项目', 13, '个'); I('协议总投资', 97.3, '亿元'); I('协议总投资', 15.9, '%'); I('签约总额', 15.9, '%', 0)
I('活动', 4, '场', 0); I('僵尸项目', 5, '个'); I('闲置土地', 216, '亩')
# 问题
I('制造业项目', 5, '个', 0); I('转化率', 61.5, '%'); I('转化率', 2.3, '个百分点')
# 2025 targets
I('亿元以上项目', 50, '个', 0); I('协议总投资', 650, '亿元', 0); I('实际使用外资', 4, '亿美元', 0)
# list-only figures
I('总投资', 9.8, '亿元', 0); I('总投资', 5, '亿元', 0); I('总投资', 7.3, '亿元', 0)
g.write(out_path(DOC), doc_text(DOC))
