//! Real Shandong universities and institutes, and the word lists synthetic organisation names
//! are built from.

use super::geo::{BINZHOU, DEZHOU, HEZE, LINYI, ZAOZHUANG};
use super::geo::{
    City, DONGYING, JINAN, JINING, LIAOCHENG, QINGDAO, TAIAN, WEIFANG, WEIHAI, YANTAI, ZIBO,
};
use super::vocab::{
    AGRI, BIO, CREATIVE, ENERGY, ENVIRONMENT, EQUIPMENT, EV, HEALTH, INFO, MATERIALS, OCEAN,
    SERVICES, Vocab,
};

/// A real organisation. Street addresses are given where well known; the others get a
/// plausible one on a real road of the city.
pub(super) struct Known {
    pub name: &'static str,
    pub city: &'static City,
    pub district: &'static str,
    pub address: &'static str,
    pub website: &'static str,
    /// Its strongest field; none for comprehensive universities.
    pub home: Option<&'static Vocab>,
}

const fn known(
    name: &'static str,
    city: &'static City,
    district: &'static str,
    address: &'static str,
    website: &'static str,
    home: Option<&'static Vocab>,
) -> Known {
    Known {
        name,
        city,
        district,
        address,
        website,
        home,
    }
}

// One organisation a row; rustfmt would spread each over eight lines.
/// In the order they are used: the best known first, since the first owners own the most.
#[rustfmt::skip]
pub(super) static UNIVERSITIES: [Known; 36] = [
    known("山东大学", &JINAN, "历城区", "山大南路27号", "www.sdu.edu.cn", None),
    known("中国海洋大学", &QINGDAO, "崂山区", "松岭路238号", "www.ouc.edu.cn", Some(&OCEAN)),
    known("中国石油大学（华东）", &QINGDAO, "黄岛区", "长江西路66号", "www.upc.edu.cn", Some(&ENERGY)),
    known("山东科技大学", &QINGDAO, "黄岛区", "前湾港路579号", "www.sdust.edu.cn", Some(&EQUIPMENT)),
    known("青岛大学", &QINGDAO, "市南区", "宁夏路308号", "www.qdu.edu.cn", None),
    known("济南大学", &JINAN, "市中区", "南辛庄西路336号", "www.ujn.edu.cn", Some(&MATERIALS)),
    known("山东师范大学", &JINAN, "长清区", "大学路1号", "www.sdnu.edu.cn", None),
    known("山东农业大学", &TAIAN, "泰山区", "岱宗大街61号", "www.sdau.edu.cn", Some(&AGRI)),
    known("齐鲁工业大学", &JINAN, "长清区", "大学路3501号", "www.qlu.edu.cn", Some(&BIO)),
    known("山东理工大学", &ZIBO, "张店区", "新村西路266号", "www.sdut.edu.cn", Some(&EQUIPMENT)),
    known("青岛科技大学", &QINGDAO, "崂山区", "松岭路99号", "www.qust.edu.cn", Some(&MATERIALS)),
    known("烟台大学", &YANTAI, "莱山区", "清泉路30号", "www.ytu.edu.cn", Some(&BIO)),
    known("曲阜师范大学", &JINING, "曲阜市", "静轩西路57号", "www.qfnu.edu.cn", None),
    known("聊城大学", &LIAOCHENG, "东昌府区", "湖南路1号", "www.lcu.edu.cn", None),
    known("山东建筑大学", &JINAN, "历城区", "凤鸣路1000号", "www.sdjzu.edu.cn", Some(&ENVIRONMENT)),
    known("鲁东大学", &YANTAI, "芝罘区", "红旗中路186号", "www.ldu.edu.cn", None),
    known("临沂大学", &LINYI, "兰山区", "", "www.lyu.edu.cn", None),
    known("潍坊学院", &WEIFANG, "奎文区", "", "www.wfu.edu.cn", None),
    known("滨州医学院", &YANTAI, "莱山区", "观海路346号", "www.bzmc.edu.cn", Some(&HEALTH)),
    known("山东第一医科大学", &JINAN, "长清区", "", "www.sdfmu.edu.cn", Some(&HEALTH)),
    known("青岛理工大学", &QINGDAO, "黄岛区", "", "www.qut.edu.cn", Some(&ENVIRONMENT)),
    known("青岛农业大学", &QINGDAO, "城阳区", "长城路700号", "www.qau.edu.cn", Some(&AGRI)),
    known("山东中医药大学", &JINAN, "长清区", "", "www.sdutcm.edu.cn", Some(&HEALTH)),
    known("哈尔滨工业大学（威海）", &WEIHAI, "环翠区", "文化西路2号", "www.hitwh.edu.cn", Some(&INFO)),
    known("山东交通学院", &JINAN, "长清区", "", "www.sdjtu.edu.cn", Some(&EV)),
    known("山东第二医科大学", &WEIFANG, "奎文区", "", "", Some(&HEALTH)),
    known("山东工商学院", &YANTAI, "莱山区", "", "", Some(&SERVICES)),
    known("山东石油化工学院", &DONGYING, "东营区", "", "", Some(&ENERGY)),
    known("山东航空学院", &BINZHOU, "滨城区", "", "", Some(&EQUIPMENT)),
    known("德州学院", &DEZHOU, "德城区", "", "", None),
    known("枣庄学院", &ZAOZHUANG, "市中区", "", "", None),
    known("泰山学院", &TAIAN, "泰山区", "", "", None),
    known("菏泽学院", &HEZE, "牡丹区", "", "", Some(&AGRI)),
    known("济宁医学院", &JINING, "任城区", "", "", Some(&HEALTH)),
    known("潍坊科技学院", &WEIFANG, "寿光市", "", "", Some(&AGRI)),
    known("山东农业工程学院", &JINAN, "历城区", "", "", Some(&AGRI)),
];

#[rustfmt::skip]
pub(super) static INSTITUTES: [Known; 30] = [
    known("中国科学院青岛生物能源与过程研究所", &QINGDAO, "崂山区", "松岭路189号", "www.qibebt.cas.cn", Some(&BIO)),
    known("山东省农业科学院", &JINAN, "历城区", "工业北路23788号", "www.saas.ac.cn", Some(&AGRI)),
    known("自然资源部第一海洋研究所", &QINGDAO, "崂山区", "仙霞岭路6号", "www.fio.org.cn", Some(&OCEAN)),
    known("中国水产科学研究院黄海水产研究所", &QINGDAO, "市南区", "南京路106号", "www.ysfri.ac.cn", Some(&OCEAN)),
    known("中国科学院海洋研究所", &QINGDAO, "市南区", "南海路7号", "www.qdio.cas.cn", Some(&OCEAN)),
    known("山东省科学院能源研究所", &JINAN, "历下区", "科院路19号", "", Some(&ENERGY)),
    known("山东省科学院新材料研究所", &JINAN, "历下区", "科院路19号", "", Some(&MATERIALS)),
    known("山东省科学院自动化研究所", &JINAN, "历下区", "科院路19号", "", Some(&EQUIPMENT)),
    known("山东省科学院生物研究所", &JINAN, "历下区", "科院路19号", "", Some(&BIO)),
    known("山东省科学院激光研究所", &JINING, "任城区", "", "", Some(&EQUIPMENT)),
    known("山东省科学院海洋仪器仪表研究所", &QINGDAO, "市南区", "", "", Some(&OCEAN)),
    known("山东省计算中心（国家超级计算济南中心）", &JINAN, "历下区", "科院路19号", "", Some(&INFO)),
    known("中国科学院烟台海岸带研究所", &YANTAI, "莱山区", "春晖路17号", "www.yic.cas.cn", Some(&ENVIRONMENT)),
    known("崂山实验室", &QINGDAO, "崂山区", "", "", Some(&OCEAN)),
    known("山东产业技术研究院", &JINAN, "历城区", "", "", Some(&EQUIPMENT)),
    known("山东省工业技术研究院", &JINAN, "历下区", "", "", Some(&EQUIPMENT)),
    known("中国农业科学院烟草研究所", &QINGDAO, "崂山区", "", "", Some(&AGRI)),
    known("山东省花生研究所", &QINGDAO, "李沧区", "", "", Some(&AGRI)),
    known("山东省果树研究所", &TAIAN, "泰山区", "", "", Some(&AGRI)),
    known("山东省海洋科学研究院", &QINGDAO, "市南区", "", "", Some(&OCEAN)),
    known("山东省林业科学研究院", &JINAN, "历下区", "", "", Some(&AGRI)),
    known("山东省农业机械科学研究院", &JINAN, "历城区", "", "", Some(&EQUIPMENT)),
    known("山东省冶金科学研究院", &JINAN, "历下区", "", "", Some(&MATERIALS)),
    known("山东省淡水渔业研究院", &JINAN, "历城区", "", "", Some(&OCEAN)),
    known("中国地质调查局青岛海洋地质研究所", &QINGDAO, "市南区", "", "", Some(&OCEAN)),
    known("山东省环境保护科学研究设计院", &JINAN, "历下区", "", "", Some(&ENVIRONMENT)),
    known("山东省建筑科学研究院", &JINAN, "天桥区", "", "", Some(&ENVIRONMENT)),
    known("山东省食品发酵工业研究设计院", &JINAN, "历城区", "", "", Some(&BIO)),
    known("山东省纺织科学研究院", &QINGDAO, "市北区", "", "", Some(&MATERIALS)),
    known("山东省药学科学院", &JINAN, "历下区", "", "", Some(&HEALTH)),
];

/// Subjects of synthetic colleges and the field each leans to.
pub(super) static COLLEGE_SUBJECTS: [(&str, Option<&Vocab>); 33] = [
    ("工程", None),
    ("科技", None),
    ("理工", None),
    ("信息", Some(&INFO)),
    ("电子", Some(&INFO)),
    ("软件", Some(&INFO)),
    ("机电", Some(&EQUIPMENT)),
    ("工业", Some(&EQUIPMENT)),
    ("交通", Some(&EQUIPMENT)),
    ("航空", Some(&EQUIPMENT)),
    ("化工", Some(&MATERIALS)),
    ("轻工", Some(&MATERIALS)),
    ("材料", Some(&MATERIALS)),
    ("建筑", Some(&ENVIRONMENT)),
    ("城市建设", Some(&ENVIRONMENT)),
    ("环境", Some(&ENVIRONMENT)),
    ("能源", Some(&ENERGY)),
    ("电力", Some(&ENERGY)),
    ("石油", Some(&ENERGY)),
    ("汽车", Some(&EV)),
    ("药学", Some(&BIO)),
    ("生物工程", Some(&BIO)),
    ("食品", Some(&BIO)),
    ("医学", Some(&HEALTH)),
    ("护理", Some(&HEALTH)),
    ("中医药", Some(&HEALTH)),
    ("农业", Some(&AGRI)),
    ("农业工程", Some(&AGRI)),
    ("畜牧兽医", Some(&AGRI)),
    ("海洋", Some(&OCEAN)),
    ("水产", Some(&OCEAN)),
    ("艺术设计", Some(&CREATIVE)),
    ("商务", Some(&SERVICES)),
];

pub(super) const COLLEGE_KINDS: [(&str, u32); 5] = [
    ("学院", 30),
    ("职业学院", 30),
    ("职业技术学院", 25),
    ("大学", 5),
    ("高等专科学校", 10),
];

/// Subjects of synthetic research institutes and the field each works in.
pub(super) static INSTITUTE_SUBJECTS: [(&str, &Vocab); 34] = [
    ("智能制造", &EQUIPMENT),
    ("高端装备", &EQUIPMENT),
    ("机器人", &EQUIPMENT),
    ("激光技术", &EQUIPMENT),
    ("先进材料", &MATERIALS),
    ("碳纤维", &MATERIALS),
    ("精细化工", &MATERIALS),
    ("纺织", &MATERIALS),
    ("工业互联网", &INFO),
    ("人工智能", &INFO),
    ("集成电路", &INFO),
    ("数字经济", &INFO),
    ("氢能", &ENERGY),
    ("储能技术", &ENERGY),
    ("新能源", &ENERGY),
    ("新能源汽车", &EV),
    ("动力电池", &EV),
    ("生物医药", &BIO),
    ("合成生物", &BIO),
    ("食品科学", &BIO),
    ("环境科学", &ENVIRONMENT),
    ("节能技术", &ENVIRONMENT),
    ("建筑科学", &ENVIRONMENT),
    ("现代农业", &AGRI),
    ("盐碱地农业", &AGRI),
    ("畜牧兽医", &AGRI),
    ("果树", &AGRI),
    ("海洋生物", &OCEAN),
    ("海洋装备", &OCEAN),
    ("水产", &OCEAN),
    ("医疗器械", &HEALTH),
    ("中医药", &HEALTH),
    ("数字创意", &CREATIVE),
    ("计量测试", &SERVICES),
];

pub(super) const INSTITUTE_KINDS: [(&str, u32); 6] = [
    ("研究院", 30),
    ("研究所", 20),
    ("技术研究院", 15),
    ("产业技术研究院", 15),
    ("创新研究院", 10),
    ("工程技术研究中心", 10),
];

/// Trade names (字号) are two of these characters; the pinyin makes websites.
#[rustfmt::skip]
pub(super) const TRADE_CHARS: [(&str, &str); 76] = [
    ("华", "hua"), ("信", "xin"), ("海", "hai"), ("创", "chuang"), ("鲁", "lu"), ("泰", "tai"),
    ("恒", "heng"), ("力", "li"), ("金", "jin"), ("达", "da"), ("中", "zhong"), ("天", "tian"),
    ("宏", "hong"), ("盛", "sheng"), ("联", "lian"), ("瑞", "rui"), ("博", "bo"), ("高", "gao"),
    ("新", "xin"), ("汇", "hui"), ("通", "tong"), ("裕", "yu"), ("源", "yuan"), ("德", "de"),
    ("隆", "long"), ("鑫", "xin"), ("凯", "kai"), ("佳", "jia"), ("安", "an"), ("润", "run"),
    ("丰", "feng"), ("泽", "ze"), ("远", "yuan"), ("康", "kang"), ("宁", "ning"), ("东", "dong"),
    ("方", "fang"), ("正", "zheng"), ("明", "ming"), ("光", "guang"), ("嘉", "jia"), ("诚", "cheng"),
    ("星", "xing"), ("辰", "chen"), ("浩", "hao"), ("宇", "yu"), ("翔", "xiang"), ("锐", "rui"),
    ("智", "zhi"), ("云", "yun"), ("兴", "xing"), ("利", "li"), ("和", "he"), ("美", "mei"),
    ("格", "ge"), ("林", "lin"), ("森", "sen"), ("晟", "sheng"), ("昊", "hao"), ("晨", "chen"),
    ("峰", "feng"), ("蓝", "lan"), ("青", "qing"), ("益", "yi"), ("成", "cheng"), ("捷", "jie"),
    ("朗", "lang"), ("威", "wei"), ("弘", "hong"), ("启", "qi"), ("航", "hang"), ("鼎", "ding"),
    ("邦", "bang"), ("泓", "hong"), ("奥", "ao"), ("齐", "qi"),
];

pub(super) const LEGAL_FORMS: [(&str, u32); 4] = [
    ("有限公司", 70),
    ("股份有限公司", 15),
    ("有限责任公司", 10),
    ("集团有限公司", 5),
];

pub(super) const ENTERPRISE_SIZES: [(&str, u32); 4] =
    [("大型", 5), ("中型", 20), ("小型", 45), ("微型", 30)];

/// Titles enterprises put in their notes.
pub(super) const ENTERPRISE_NOTES: [&str; 6] = [
    "高新技术企业",
    "科技型中小企业",
    "省级专精特新中小企业",
    "国家级专精特新“小巨人”企业",
    "省级企业技术中心",
    "瞪羚企业",
];

pub(super) const INVESTOR_WORDS: [&str; 6] = [
    "创业投资有限公司",
    "股权投资基金管理有限公司",
    "资本管理有限公司",
    "产业投资基金合伙企业（有限合伙）",
    "创新投资有限公司",
    "科技金融服务有限公司",
];

pub(super) const SERVICE_WORDS: [&str; 7] = [
    "技术转移服务有限公司",
    "知识产权代理有限公司",
    "科技咨询有限公司",
    "科技服务有限公司",
    "技术经纪有限公司",
    "检验检测有限公司",
    "孵化器管理有限公司",
];

/// Public service centres, one of each per city.
pub(super) const PUBLIC_CENTRES: [&str; 5] = [
    "生产力促进中心",
    "技术市场服务中心",
    "科技创业服务中心",
    "科技成果转化服务中心",
    "知识产权保护中心",
];

pub(super) const CITY_BODIES: [&str; 6] = [
    "科学技术局",
    "工业和信息化局",
    "发展和改革委员会",
    "农业农村局",
    "市场监督管理局",
    "高新技术产业开发区管理委员会",
];

pub(super) const DISTRICT_BODIES: [&str; 5] = [
    "科学技术局",
    "工业和信息化局",
    "发展和改革局",
    "农业农村局",
    "市场监督管理局",
];
