//! Chinese personal names for inventor lists.

use rand::Rng;

use super::random::{DemoRng, between, chance, word};

/// Common surnames, most frequent first (Shandong adds 孔 and 颜 around Qufu, 诸葛 from Linyi).
#[rustfmt::skip]
const SURNAMES: [&str; 104] = [
    "王", "张", "李", "刘", "陈", "杨", "赵", "孙", "徐", "马", "于", "高", "周", "吴", "郭", "朱",
    "胡", "林", "何", "宋", "郑", "梁", "谢", "韩", "唐", "冯", "许", "邓", "曹", "彭", "曾", "肖",
    "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",
    "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "付", "方",
    "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "史", "陶", "贺",
    "顾", "毛", "郝", "龚", "邵", "万", "钱", "武", "戴", "孔", "颜", "牟", "鞠", "栾", "隋", "初",
    "逄", "仇", "宫", "亓", "欧阳", "司马", "诸葛", "上官",
];

#[rustfmt::skip]
const GIVEN: [&str; 112] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "霞", "平", "刚", "桂", "英", "华", "建", "国", "志", "海", "燕", "晓", "东", "文", "博",
    "子", "涵", "浩", "然", "宇", "轩", "欣", "怡", "佳", "琪", "梦", "雪", "婷", "鹏", "飞", "辉",
    "斌", "宁", "波", "凯", "健", "俊", "峰", "帅", "林", "森", "玉", "兰", "红", "梅", "秀", "云",
    "亮", "新", "春", "成", "振", "宏", "立", "永", "庆", "兵", "冰", "昊", "晨", "思", "雨", "嘉",
    "瑞", "泽", "阳", "琳", "颖", "倩", "慧", "蕾", "萌", "璐", "帆", "航", "睿", "哲", "钰", "彤",
    "学", "德", "清", "长", "继", "广", "晴", "鑫", "雷", "光", "金", "卫", "楠", "硕", "鸣", "敬",
];

/// "王建国、李娜、张晓东": two to four different people.
pub(super) fn inventors(rng: &mut DemoRng) -> String {
    let count = between(rng, 2, 4) as usize;
    let mut names: Vec<String> = Vec::with_capacity(count);
    while names.len() < count {
        let name = person(rng);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join("、")
}

fn person(rng: &mut DemoRng) -> String {
    // The smaller of two draws favours the front of the list, where the common surnames are.
    let a = rng.random_range(0..SURNAMES.len());
    let b = rng.random_range(0..SURNAMES.len());
    let mut name = String::with_capacity(12);
    name.push_str(SURNAMES[a.min(b)]);
    name.push_str(word(rng, &GIVEN));
    if chance(rng, 75) {
        name.push_str(word(rng, &GIVEN));
    }
    name
}
