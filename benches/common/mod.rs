//! The full-scale data set the benchmarks share: generated once into Cargo's target tmp dir and
//! reused by later runs.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use techbroker::demo::Sizes;
use techbroker::demo::populate;
use techbroker::domain::catalog::join_keywords;
use techbroker::domain::{
    AchievementData, AchievementDraft, ClientDraft, ClientId, ClientKind, DealId, DealStage, Price,
    Stage,
};
use techbroker::i18n::ZH;
use techbroker::store::{DecisionInput, Store};

pub const SEED: u64 = 42;

/// 100,000 achievements with 20,000 needs and 20,000 clients, or a smaller catalogue in the same
/// proportions when `TECHBROKER_BENCH_ACHIEVEMENTS` says so: profiling at full scale on a shared
/// 2-core machine takes too long to iterate.
pub fn full_sizes() -> Sizes {
    let achievements = std::env::var("TECHBROKER_BENCH_ACHIEVEMENTS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n >= 100)
        .unwrap_or(100_000);
    Sizes {
        clients: achievements / 5,
        achievements,
        needs: achievements / 5,
    }
}

/// The database of `full_sizes()`, generated once per size.
pub fn full_db() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let n = full_sizes().achievements;
    let name = if n == 100_000 {
        "bench-full-seed42".to_string()
    } else {
        format!("bench-{n}-seed42")
    };
    let path = dir.join(format!("{name}.sqlite"));
    if path.exists() {
        return path;
    }
    let partial = dir.join(format!("{name}.partial.sqlite"));
    let _ = std::fs::remove_file(&partial);
    let started = Instant::now();
    let mut store = Store::open(&partial).expect("bench database");
    populate(&mut store, SEED, full_sizes(), &mut |_, _| {}).expect("generate the data set");
    drop(store);
    std::fs::rename(&partial, &path).expect("keep the bench database");
    eprintln!(
        "generated the full data set in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    path
}

pub const DEALS: usize = 10_000;

/// A database with 10,000 deals spread over the open stages, made once and reused.
pub fn deals_db() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("bench-deals-10k.sqlite");
    if path.exists() {
        return path;
    }
    let partial = dir.join("bench-deals-10k.partial.sqlite");
    let _ = std::fs::remove_file(&partial);
    let mut store = Store::open(&partial).expect("open");
    add_deals(&mut store, DEALS);
    drop(store);
    std::fs::rename(&partial, &path).expect("keep the bench database");
    path
}

/// Adds `count` deals the way accepting a match creates them, between one university and 200
/// enterprises of their own (named so they cannot clash with generated clients), every other
/// one moved to 意向, 洽谈 or 终止 in turn. Returns their ids.
pub fn add_deals(store: &mut Store, count: usize) -> Vec<DealId> {
    let client = |store: &mut Store, name: String, kind| {
        store
            .save_client(
                None,
                &ClientDraft {
                    name,
                    kind,
                    ..ClientDraft::default()
                },
            )
            .expect("client")
    };
    let seller = client(store, "基准测试大学".into(), ClientKind::University);
    let buyers: Vec<ClientId> = (0..200)
        .map(|i| client(store, format!("济南测试企业{i}"), ClientKind::Enterprise))
        .collect();
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "数控机床热误差补偿技术".into(),
                owner: Some(seller),
                field: "高端装备制造".into(),
                trl: "7".into(),
                stage: Stage::Pilot,
                ..AchievementDraft::default()
            },
        )
        .expect("achievement");
    let stages = [DealStage::Lead, DealStage::Negotiating, DealStage::Lost];
    (0..count)
        .map(|i| {
            let deal = store
                .record_decision(&DecisionInput::accepted(
                    None,
                    achievement,
                    buyers[i % buyers.len()],
                ))
                .expect("deal")
                .expect("a deal id");
            if i % 2 == 0 {
                store
                    .move_deal(deal, stages[i % 3], "基准测试")
                    .expect("move");
            }
            deal
        })
        .collect()
}

/// The mixed query set: 1-, 2-, 3- and 4-character Chinese queries and Latin ones.
pub const QUERIES: &[&str] = &[
    "电",
    "锂",
    "钢",
    "菌",
    "膜",
    "光",
    "盐",
    "泵",
    "电机",
    "电池",
    "材料",
    "检测",
    "涂层",
    "智能",
    "节能",
    "污水",
    "育种",
    "海洋",
    "轴承",
    "疫苗",
    "锂电池",
    "传感器",
    "石墨烯",
    "机器人",
    "催化剂",
    "新材料",
    "生物基",
    "大数据",
    "永磁电机",
    "表面缺陷",
    "污水处理",
    "深度学习",
    "精密铸造",
    "风电叶片",
    "ai",
    "bms",
    "plc",
    "5g",
    "crispr",
    "zl2021",
    "led",
    "gis",
];

/// The resident memory of this process, in MiB (Linux), for the README's memory figure.
pub fn resident_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The p-th percentile (0-100) of sorted durations, in milliseconds.
pub fn percentile_ms(sorted: &[std::time::Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p / 100.0).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

/// Answers every file dialog as if the user cancelled: benchmarks never touch files.
pub struct NoDialogs;

impl techbroker::ui::picker::FilePicker for NoDialogs {
    fn open_database(&self) -> Option<PathBuf> {
        None
    }
    fn new_database(&self) -> Option<PathBuf> {
        None
    }
    fn open_file(&self, _kind: techbroker::ui::picker::FileType) -> Option<PathBuf> {
        None
    }
    fn save_file(&self, _name: &str, _kind: techbroker::ui::picker::FileType) -> Option<PathBuf> {
        None
    }
    fn open_in_viewer(&self, _path: &Path) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes `rows` as a platform lists achievements: Chinese headers, owners by name (`clients`
/// are the generated clients the rows' `owner` indexes), abstracts and indicators.
pub fn write_achievements_csv(path: &Path, rows: &[AchievementData], clients: &[ClientDraft]) {
    let mut w = csv::Writer::from_path(path).expect("create the CSV");
    w.write_record([
        "成果名称",
        "完成单位",
        "完成人",
        "技术领域",
        "关键词",
        "成果简介",
        "主要技术指标",
        "技术成熟度",
        "成熟度阶段",
        "知识产权",
        "转化方式",
        "意向价格（元）",
        "状态",
    ])
    .expect("header");
    for a in rows {
        let owner = &clients[a.owner.0 as usize].name;
        let ip: Vec<&str> = a.ip_items.iter().map(|i| i.number.as_str()).collect();
        let modes: Vec<&str> = a
            .transfer_modes
            .iter()
            .map(|m| ZH.transfer_mode(m))
            .collect();
        let price = match a.price {
            Price::Negotiable => "面议".to_string(),
            Price::Amount(m) => m.input_text(),
        };
        w.write_record([
            a.title.as_str(),
            owner,
            &a.inventors,
            &a.field,
            &join_keywords(&a.keywords),
            &a.abstract_text,
            &a.indicators,
            &a.trl.to_string(),
            ZH.stage(a.stage),
            &ip.join("; "),
            &modes.join("、"),
            &price,
            ZH.achievement_status(a.status),
        ])
        .expect("row");
    }
    w.flush().expect("write the CSV");
}
