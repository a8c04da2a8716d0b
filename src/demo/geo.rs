//! The 16 cities of Shandong with their districts (and county-level divisions), administrative
//! codes (GB/T 2260, the region part of a credit code) and a few real roads for addresses.

pub(super) struct City {
    pub name: &'static str,
    /// The name without 市, as company names use it: 济南华信智能装备有限公司.
    pub short: &'static str,
    /// Pinyin initials for website names.
    pub initials: &'static str,
    pub code: u32,
    /// How many of the province's organisations are here, relative to the other cities.
    pub weight: u32,
    /// (name, administrative code).
    pub districts: &'static [(&'static str, u32)],
    pub roads: &'static [&'static str],
}

impl City {
    /// The administrative code of one of its districts, or the city's own when unknown.
    pub(super) fn region_of(&self, district: &str) -> u32 {
        self.districts
            .iter()
            .find(|(name, _)| *name == district)
            .map_or(self.code, |&(_, code)| code)
    }
}

// Tables read best as dense rows; rustfmt would put every road on a line of its own.
#[rustfmt::skip]
pub(super) static JINAN: City = City {
    name: "济南市",
    short: "济南",
    initials: "jn",
    code: 370100,
    weight: 20,
    districts: &[
        ("历下区", 370102),
        ("市中区", 370103),
        ("槐荫区", 370104),
        ("天桥区", 370105),
        ("历城区", 370112),
        ("长清区", 370113),
        ("章丘区", 370114),
        ("济阳区", 370115),
        ("莱芜区", 370116),
        ("钢城区", 370117),
        ("平阴县", 370124),
        ("商河县", 370126),
    ],
    roads: &[
        "经十路", "舜华路", "工业南路", "花园路", "二环东路", "历山路", "新泺大街", "港兴三路",
        "世纪大道", "工业北路",
    ],
};

#[rustfmt::skip]
pub(super) static QINGDAO: City = City {
    name: "青岛市",
    short: "青岛",
    initials: "qd",
    code: 370200,
    weight: 22,
    districts: &[
        ("市南区", 370202),
        ("市北区", 370203),
        ("黄岛区", 370211),
        ("崂山区", 370212),
        ("李沧区", 370213),
        ("城阳区", 370214),
        ("即墨区", 370215),
        ("胶州市", 370281),
        ("平度市", 370283),
        ("莱西市", 370285),
    ],
    roads: &[
        "香港中路", "松岭路", "株洲路", "长江中路", "海尔路", "辽阳西路", "崂山路", "黄河东路",
        "正阳路",
    ],
};

#[rustfmt::skip]
pub(super) static ZIBO: City = City {
    name: "淄博市",
    short: "淄博",
    initials: "zb",
    code: 370300,
    weight: 8,
    districts: &[
        ("淄川区", 370302),
        ("张店区", 370303),
        ("博山区", 370304),
        ("临淄区", 370305),
        ("周村区", 370306),
        ("桓台县", 370321),
        ("高青县", 370322),
        ("沂源县", 370323),
    ],
    roads: &["柳泉路", "华光路", "联通路", "人民西路", "鲁泰大道", "共青团西路"],
};

#[rustfmt::skip]
pub(super) static ZAOZHUANG: City = City {
    name: "枣庄市",
    short: "枣庄",
    initials: "zz",
    code: 370400,
    weight: 3,
    districts: &[
        ("市中区", 370402),
        ("薛城区", 370403),
        ("峄城区", 370404),
        ("台儿庄区", 370405),
        ("山亭区", 370406),
        ("滕州市", 370481),
    ],
    roads: &["光明大道", "长白山路", "复元三路", "黄河路", "振兴路"],
};

#[rustfmt::skip]
pub(super) static DONGYING: City = City {
    name: "东营市",
    short: "东营",
    initials: "dy",
    code: 370500,
    weight: 5,
    districts: &[
        ("东营区", 370502),
        ("河口区", 370503),
        ("垦利区", 370505),
        ("利津县", 370522),
        ("广饶县", 370523),
    ],
    roads: &["府前大街", "西四路", "南一路", "东三路", "黄河路"],
};

#[rustfmt::skip]
pub(super) static YANTAI: City = City {
    name: "烟台市",
    short: "烟台",
    initials: "yt",
    code: 370600,
    weight: 10,
    districts: &[
        ("芝罘区", 370602),
        ("福山区", 370611),
        ("牟平区", 370612),
        ("莱山区", 370613),
        ("蓬莱区", 370614),
        ("龙口市", 370681),
        ("莱阳市", 370682),
        ("莱州市", 370683),
        ("招远市", 370685),
        ("栖霞市", 370686),
        ("海阳市", 370687),
    ],
    roads: &["长江路", "南大街", "港城东大街", "观海路", "航天路", "红旗中路"],
};

#[rustfmt::skip]
pub(super) static WEIFANG: City = City {
    name: "潍坊市",
    short: "潍坊",
    initials: "wf",
    code: 370700,
    weight: 10,
    districts: &[
        ("潍城区", 370702),
        ("寒亭区", 370703),
        ("坊子区", 370704),
        ("奎文区", 370705),
        ("临朐县", 370724),
        ("昌乐县", 370725),
        ("青州市", 370781),
        ("诸城市", 370782),
        ("寿光市", 370783),
        ("安丘市", 370784),
        ("高密市", 370785),
        ("昌邑市", 370786),
    ],
    roads: &["东风东街", "胜利东街", "北海路", "新华路", "健康东街", "玉清东街"],
};

#[rustfmt::skip]
pub(super) static JINING: City = City {
    name: "济宁市",
    short: "济宁",
    initials: "jnn",
    code: 370800,
    weight: 6,
    districts: &[
        ("任城区", 370811),
        ("兖州区", 370812),
        ("微山县", 370826),
        ("鱼台县", 370827),
        ("金乡县", 370828),
        ("嘉祥县", 370829),
        ("汶上县", 370830),
        ("泗水县", 370831),
        ("梁山县", 370832),
        ("曲阜市", 370881),
        ("邹城市", 370883),
    ],
    roads: &["共青团路", "太白湖路", "琵琶山路", "崇文大道", "海川路"],
};

#[rustfmt::skip]
pub(super) static TAIAN: City = City {
    name: "泰安市",
    short: "泰安",
    initials: "ta",
    code: 370900,
    weight: 4,
    districts: &[
        ("泰山区", 370902),
        ("岱岳区", 370911),
        ("宁阳县", 370921),
        ("东平县", 370923),
        ("新泰市", 370982),
        ("肥城市", 370983),
    ],
    roads: &["东岳大街", "岱宗大街", "龙潭路", "南天门大街", "泰山大街"],
};

#[rustfmt::skip]
pub(super) static WEIHAI: City = City {
    name: "威海市",
    short: "威海",
    initials: "wh",
    code: 371000,
    weight: 5,
    districts: &[
        ("环翠区", 371002),
        ("文登区", 371003),
        ("荣成市", 371082),
        ("乳山市", 371083),
    ],
    roads: &["文化西路", "世昌大道", "青岛路", "海滨路", "火炬路"],
};

#[rustfmt::skip]
pub(super) static RIZHAO: City = City {
    name: "日照市",
    short: "日照",
    initials: "rz",
    code: 371100,
    weight: 3,
    districts: &[
        ("东港区", 371102),
        ("岚山区", 371103),
        ("五莲县", 371121),
        ("莒县", 371122),
    ],
    roads: &["海曲路", "北京路", "泰安路", "山东路", "烟台北路"],
};

#[rustfmt::skip]
pub(super) static LINYI: City = City {
    name: "临沂市",
    short: "临沂",
    initials: "ly",
    code: 371300,
    weight: 6,
    districts: &[
        ("兰山区", 371302),
        ("罗庄区", 371311),
        ("河东区", 371312),
        ("沂南县", 371321),
        ("郯城县", 371322),
        ("沂水县", 371323),
        ("兰陵县", 371324),
        ("费县", 371325),
        ("平邑县", 371326),
        ("莒南县", 371327),
        ("蒙阴县", 371328),
        ("临沭县", 371329),
    ],
    roads: &["沂蒙路", "解放路", "北京路", "通达路", "蒙山大道", "涑河北街"],
};

#[rustfmt::skip]
pub(super) static DEZHOU: City = City {
    name: "德州市",
    short: "德州",
    initials: "dz",
    code: 371400,
    weight: 4,
    districts: &[
        ("德城区", 371402),
        ("陵城区", 371403),
        ("宁津县", 371422),
        ("庆云县", 371423),
        ("临邑县", 371424),
        ("齐河县", 371425),
        ("平原县", 371426),
        ("夏津县", 371427),
        ("武城县", 371428),
        ("乐陵市", 371481),
        ("禹城市", 371482),
    ],
    roads: &["东方红路", "大学路", "天衢路", "湖滨大道", "三八路"],
};

#[rustfmt::skip]
pub(super) static LIAOCHENG: City = City {
    name: "聊城市",
    short: "聊城",
    initials: "lc",
    code: 371500,
    weight: 3,
    districts: &[
        ("东昌府区", 371502),
        ("茌平区", 371503),
        ("阳谷县", 371521),
        ("莘县", 371522),
        ("东阿县", 371524),
        ("冠县", 371525),
        ("高唐县", 371526),
        ("临清市", 371581),
    ],
    roads: &["东昌路", "花园路", "柳园路", "湖南路", "建设路"],
};

#[rustfmt::skip]
pub(super) static BINZHOU: City = City {
    name: "滨州市",
    short: "滨州",
    initials: "bz",
    code: 371600,
    weight: 3,
    districts: &[
        ("滨城区", 371602),
        ("沾化区", 371603),
        ("惠民县", 371621),
        ("阳信县", 371622),
        ("无棣县", 371623),
        ("博兴县", 371625),
        ("邹平市", 371681),
    ],
    roads: &["黄河五路", "渤海七路", "长江一路", "黄河八路", "渤海十八路"],
};

#[rustfmt::skip]
pub(super) static HEZE: City = City {
    name: "菏泽市",
    short: "菏泽",
    initials: "hz",
    code: 371700,
    weight: 3,
    districts: &[
        ("牡丹区", 371702),
        ("定陶区", 371703),
        ("曹县", 371721),
        ("单县", 371722),
        ("成武县", 371723),
        ("巨野县", 371724),
        ("郓城县", 371725),
        ("鄄城县", 371726),
        ("东明县", 371728),
    ],
    roads: &["中华路", "长江路", "人民路", "黄河路", "牡丹路"],
};

pub(super) static CITIES: [&City; 16] = [
    &JINAN, &QINGDAO, &ZIBO, &ZAOZHUANG, &DONGYING, &YANTAI, &WEIFANG, &JINING, &TAIAN, &WEIHAI,
    &RIZHAO, &LINYI, &DEZHOU, &LIAOCHENG, &BINZHOU, &HEZE,
];
