//! Writing a 100,000-row list of 12 columns to XLSX (goal < 3 s). `cargo bench --bench
//! xlsx_export`.

use chrono::NaiveDate;
use techbroker::domain::Money;
use techbroker::io::xlsx_out::{Cell, MoneyUnit, SheetData, write_xlsx};

const ROWS: usize = 100_000;

/// A list like the achievement export: Chinese text, numbers, money and dates.
fn sheet() -> SheetData {
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
    let rows = (0..ROWS)
        .map(|i| {
            let n = i as i64;
            vec![
                Cell::Int(n + 1),
                Cell::Text(format!("一种高效锂离子电池正极材料的制备方法及其应用{i}")),
                Cell::Text(format!("山东某某大学材料科学与工程学院{}", i % 500)),
                Cell::Text("张三、李四、王五".into()),
                Cell::Text("新材料".into()),
                Cell::Text("锂电池, 正极材料, 回收".into()),
                Cell::Int(n % 9 + 1),
                Cell::Text("中试".into()),
                Cell::Money(Some(Money(n * 1_234_567 % 10_000_000_000))),
                Cell::Money((i % 3 != 0).then_some(Money(n * 7_654_321 % 1_000_000_000))),
                Cell::Date(start.checked_add_days(chrono::Days::new(i as u64 % 2_000))),
                Cell::Text(format!("ZL2021{:07}.{}", i, i % 10)),
            ]
        })
        .collect();
    SheetData {
        name: "科技成果".into(),
        headers: [
            "编号",
            "成果名称",
            "完成单位",
            "发明人",
            "领域",
            "关键词",
            "TRL",
            "阶段",
            "价格",
            "预算",
            "更新日期",
            "专利号",
        ]
        .into_iter()
        .map(str::to_string)
        .collect(),
        rows,
        money: MoneyUnit::Wan,
    }
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn write_100k_rows(bencher: divan::Bencher) {
    let sheets = [sheet()];
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("list.xlsx");
    bencher.bench_local(|| write_xlsx(&path, &sheets).expect("write"));
}
