/** Word lists for realistic zh-CN sample data. Region codes are real GB/T 2260 district codes. */

export type District = { name: string; code: string };
export type City = { province: string; name: string; areaCode: string; weight: number; districts: readonly District[] };

const d = (name: string, code: string): District => ({ name, code });

export const CITIES: readonly City[] = [
  {
    province: '',
    name: '北京',
    areaCode: '010',
    weight: 12,
    districts: [d('东城区', '110101'), d('西城区', '110102'), d('朝阳区', '110105'), d('海淀区', '110108')],
  },
  {
    province: '',
    name: '上海',
    areaCode: '021',
    weight: 12,
    districts: [d('黄浦区', '310101'), d('徐汇区', '310104'), d('闵行区', '310112'), d('浦东新区', '310115')],
  },
  { province: '', name: '天津', areaCode: '022', weight: 3, districts: [d('和平区', '120101'), d('滨海新区', '120116')] },
  { province: '', name: '重庆', areaCode: '023', weight: 3, districts: [d('渝中区', '500103'), d('江北区', '500105')] },
  { province: '广东省', name: '广州', areaCode: '020', weight: 8, districts: [d('越秀区', '440104'), d('天河区', '440106'), d('番禺区', '440113')] },
  { province: '广东省', name: '深圳', areaCode: '0755', weight: 10, districts: [d('福田区', '440304'), d('南山区', '440305'), d('宝安区', '440306')] },
  {
    province: '浙江省',
    name: '杭州',
    areaCode: '0571',
    weight: 10,
    districts: [d('上城区', '330102'), d('西湖区', '330106'), d('滨江区', '330108'), d('余杭区', '330110')],
  },
  { province: '浙江省', name: '宁波', areaCode: '0574', weight: 4, districts: [d('海曙区', '330203'), d('鄞州区', '330212')] },
  { province: '江苏省', name: '南京', areaCode: '025', weight: 5, districts: [d('玄武区', '320102'), d('鼓楼区', '320106'), d('江宁区', '320115')] },
  { province: '江苏省', name: '苏州', areaCode: '0512', weight: 6, districts: [d('虎丘区', '320505'), d('吴中区', '320506'), d('姑苏区', '320508')] },
  { province: '四川省', name: '成都', areaCode: '028', weight: 5, districts: [d('锦江区', '510104'), d('武侯区', '510107'), d('成华区', '510108')] },
  { province: '湖北省', name: '武汉', areaCode: '027', weight: 4, districts: [d('江岸区', '420102'), d('武昌区', '420106'), d('洪山区', '420111')] },
  { province: '陕西省', name: '西安', areaCode: '029', weight: 3, districts: [d('碑林区', '610103'), d('雁塔区', '610113')] },
  { province: '福建省', name: '厦门', areaCode: '0592', weight: 3, districts: [d('思明区', '350203'), d('湖里区', '350206')] },
  { province: '福建省', name: '福州', areaCode: '0591', weight: 2, districts: [d('鼓楼区', '350102'), d('台江区', '350103')] },
  { province: '湖南省', name: '长沙', areaCode: '0731', weight: 3, districts: [d('天心区', '430103'), d('岳麓区', '430104')] },
  { province: '河南省', name: '郑州', areaCode: '0371', weight: 3, districts: [d('中原区', '410102'), d('金水区', '410105')] },
  { province: '山东省', name: '济南', areaCode: '0531', weight: 2, districts: [d('历下区', '370102'), d('市中区', '370103')] },
  { province: '山东省', name: '青岛', areaCode: '0532', weight: 3, districts: [d('市南区', '370202'), d('崂山区', '370212')] },
  { province: '安徽省', name: '合肥', areaCode: '0551', weight: 3, districts: [d('蜀山区', '340104'), d('包河区', '340111')] },
];

export type Word = { zh: string; latin: string };
const words = (pairs: string): Word[] =>
  pairs.split(' ').map((pair) => {
    const [zh = '', latin = ''] = pair.split(':');
    return { zh, latin };
  });

/** Trade names (字号): the distinctive part of a company name. */
export const BRANDS = words(
  '华信:huaxin 恒通:hengtong 博远:boyuan 瑞丰:ruifeng 天成:tiancheng 嘉禾:jiahe 中科:zhongke 云帆:yunfan ' +
    '启明:qiming 鼎盛:dingsheng 汇智:huizhi 鸿达:hongda 金桥:jinqiao 星辰:xingchen 海纳:haina 明德:mingde ' +
    '锦程:jincheng 盛世:shengshi 新锐:xinrui 远航:yuanhang 卓越:zhuoyue 东方:dongfang 泰和:taihe 永信:yongxin ' +
    '联创:lianchuang 正源:zhengyuan 宏图:hongtu 长风:changfeng 百川:baichuan 安泰:antai 众诚:zhongcheng 华瑞:huarui ' +
    '德润:derun 智远:zhiyuan 同舟:tongzhou 凯达:kaida 九州:jiuzhou 蓝海:lanhai 青禾:qinghe 万象:wanxiang',
);

/** GB/T 4754 section → business-scope words that fit it, and how common such customers are. */
export const INDUSTRIES: readonly { section: string; weight: number; words: readonly Word[] }[] = [
  { section: 'C', weight: 25, words: words('机械制造:machinery 精密制造:precision 电子:electronics 新材料:materials 汽车零部件:autoparts 食品:food') },
  { section: 'I', weight: 18, words: words('科技:tech 信息技术:it 软件:soft 网络科技:net 数据科技:data') },
  { section: 'F', weight: 14, words: words('贸易:trade 商贸:trading 供应链管理:scm 医药连锁:pharmacy') },
  { section: 'L', weight: 8, words: words('企业管理咨询:consulting 人力资源:hr 广告:ad 会展服务:expo') },
  { section: 'M', weight: 8, words: words('检测技术:testing 生物科技:bio 工程设计:design') },
  { section: 'E', weight: 6, words: words('建设工程:construction 建筑装饰:decor') },
  { section: 'G', weight: 5, words: words('物流:logistics 国际货运代理:freight') },
  { section: 'K', weight: 3, words: words('置业:estate 物业服务:property') },
  { section: 'H', weight: 3, words: words('餐饮管理:catering 酒店管理:hotel') },
  { section: 'J', weight: 2, words: words('保险代理:insurance 资产管理:capital') },
  { section: 'Q', weight: 2, words: words('医疗管理:health') },
  { section: 'P', weight: 2, words: words('教育科技:edu 职业培训:training') },
  { section: 'R', weight: 2, words: words('文化传媒:media 影视:film') },
  { section: 'D', weight: 1, words: words('能源:energy 水务:water') },
  { section: 'N', weight: 1, words: words('环保科技:enviro 园林绿化:garden') },
  { section: 'A', weight: 1, words: words('农业科技:agri 生态农业:eco') },
  { section: 'B', weight: 1, words: words('矿业:mining') },
  { section: 'O', weight: 1, words: words('家政服务:homecare') },
];

export const COMPANY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 70],
  ['股份有限公司', 15],
  ['有限责任公司', 15],
];

export const SURNAMES = words(
  '王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma 朱:zhu ' +
    '胡:hu 郭:guo 何:he 高:gao 林:lin 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang',
);

export const GIVEN_NAMES = words(
  '伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan 杰:jie 涛:tao ' +
    '明:ming 超:chao 霞:xia 平:ping 刚:gang 建华:jianhua 文博:wenbo 思远:siyuan 子涵:zihan 浩然:haoran ' +
    '雨桐:yutong 欣怡:xinyi 志强:zhiqiang 秀英:xiuying 海燕:haiyan 俊杰:junjie 晓东:xiaodong 佳琪:jiaqi ' +
    '国栋:guodong 婷婷:tingting 宇航:yuhang',
);

export const JOB_TITLES: readonly (readonly [string, number])[] = [
  ['总经理', 8],
  ['副总经理', 6],
  ['采购经理', 12],
  ['采购专员', 10],
  ['技术总监', 6],
  ['IT 经理', 8],
  ['财务经理', 6],
  ['行政主管', 5],
  ['运营总监', 5],
  ['项目经理', 8],
  ['董事长', 3],
  ['销售总监', 4],
];

/** Mobile prefixes actually issued by China Mobile, Unicom and Telecom. */
export const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '182',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
] as const;

export const ROADS = [
  '人民路',
  '中山路',
  '解放路',
  '建设路',
  '科技路',
  '创业路',
  '学院路',
  '文化路',
  '长江路',
  '和平路',
  '新华路',
  '滨江大道',
  '软件园路',
  '高新大道',
] as const;

export const EMAIL_BOXES = ['info', 'contact', 'sales', 'service', 'admin', 'hr'] as const;

export const CUSTOMER_NOTES = [
  '<p>年度采购预算约 {n} 万元。</p>',
  '<p>对价格敏感，关注交付周期。</p>',
  '<p>决策链较长，采购需总经理审批。</p>',
  '<p>与我司有多年合作，续约意愿强。</p>',
  '<p>展会获取的线索，需进一步确认需求。</p>',
  '<p>已有竞品在用，合同 {n} 个月后到期。</p>',
] as const;

export const PROJECTS = [
  '财务系统升级项目',
  '年度设备采购',
  '数字化转型咨询',
  '生产线自动化改造',
  '云服务年度订阅',
  '办公网络改造',
  '客户管理系统实施',
  '仓储管理系统',
  '数据中台建设',
  '安防监控升级',
] as const;

/** Why deals are lost, as sales reps write it in a CRM. */
export const LOSS_REASONS = [
  '报价高于竞争对手约 15%，客户选择了友商',
  '客户预算削减，项目推迟到明年',
  '产品功能与客户需求不匹配',
  '客户决策层变动，新负责人倾向原供应商',
  '交付周期无法满足客户上线时间',
  '客户改为自建团队开发',
] as const;

/** How reps justify a discount above the approval threshold. */
export const DISCOUNT_REASONS = [
  '战略客户，首单让利以争取长期合作',
  '竞争对手报价更低，需匹配价格',
  '年度框架协议，采购量大',
  '客户承诺预付全款',
  '老客户续约，维系合作关系',
] as const;

export const VISIT_SUBJECTS = {
  on_site: ['上门拜访：需求调研', '上门拜访：方案汇报', '上门拜访：商务洽谈'],
  phone: ['电话回访', '电话沟通报价'],
  video: ['线上产品演示', '视频会议：技术交流'],
  wechat: ['微信沟通：发送资料', '微信跟进'],
  event: ['行业展会交流', '客户答谢会'],
} as const;

export const VISIT_SUMMARIES = [
  '客户对产品功能整体认可，关注上线周期和实施费用。',
  '与采购部门确认了年度预算，预计下季度启动招标。',
  '技术团队参加了产品演示，提出了与现有 ERP 系统集成的需求。',
  '客户反馈上一期项目交付顺利，有意扩大采购规模。',
  '竞争对手报价较低，客户希望我们给出更有竞争力的方案。',
  '讨论了合同条款，付款方式需财务进一步确认。',
  '售后回访，客户提出两项改进建议，已记录。',
  '新任负责人到岗，重新介绍了合作历史和后续计划。',
] as const;

export const NEXT_STEPS = ['发送报价单', '安排技术交流', '邀请来公司参观', '跟进合同审批', '确认采购预算', '下周电话跟进', '准备投标文件'] as const;

/** Products with a realistic unit price range in yuan. */
export const PRODUCTS: readonly { name: string; min: number; max: number }[] = [
  { name: 'Tessera CRM 专业版（用户/年）', min: 600, max: 1200 },
  { name: '实施服务（人天）', min: 1500, max: 3000 },
  { name: '定制开发（人天）', min: 1800, max: 3500 },
  { name: '数据迁移服务', min: 5000, max: 30000 },
  { name: '培训服务（场）', min: 3000, max: 8000 },
  { name: '年度运维服务', min: 20000, max: 120000 },
  { name: '服务器（台）', min: 25000, max: 80000 },
  { name: '网络交换机（台）', min: 3000, max: 20000 },
  { name: '办公电脑（台）', min: 4500, max: 9000 },
  { name: '工业传感器（个）', min: 200, max: 1500 },
  { name: '数控机床配件（套）', min: 800, max: 6000 },
];
