//! The deal report over 10,000 deals (goal < 1 s for all three): computing it, rendering the
//! HTML, writing the workbook. `cargo bench --bench report`.

use std::sync::OnceLock;

use chrono::NaiveDate;
use techbroker::domain::{ContractType, DealStage, Money};
use techbroker::i18n::ZH;
use techbroker::report::{self, DealReport, ReportDeal, ReportFilter};

const DEALS: usize = 10_000;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// 10,000 deals signed over 2026, spread over stages, types, fields, sellers and regions.
fn deals() -> &'static [ReportDeal] {
    static DEALS_: OnceLock<Vec<ReportDeal>> = OnceLock::new();
    DEALS_.get_or_init(|| {
        let fields = [
            "新材料",
            "生物",
            "高端装备制造",
            "新能源",
            "现代农业",
            "海洋",
        ];
        let cities = ["济南市", "青岛市", "烟台市", "潍坊市", "淄博市", "威海市"];
        let stages = [
            DealStage::Signed,
            DealStage::Registered,
            DealStage::Executing,
            DealStage::ClosedWon,
            DealStage::Lost,
        ];
        (0..DEALS)
            .map(|i| {
                let n = i as i64;
                let signed = d(2026, 1, 1) + chrono::Days::new(i as u64 % 365);
                let contract = Money(1_000_000 + n * 7_919 % 500_000_000);
                ReportDeal {
                    id: techbroker::domain::DealId(n + 1),
                    title: format!("一种高效锂离子电池正极材料的制备方法{i}"),
                    seller_name: format!("山东某大学{}", i % 80),
                    buyer_name: format!("济南某科技有限公司{}", i % 2_000),
                    buyer_region: format!("山东省{}", cities[i % cities.len()]),
                    broker: format!("经纪人{}", i % 40),
                    field: fields[i % fields.len()].into(),
                    contract_type: ContractType::ALL[i % ContractType::ALL.len()],
                    stage: stages[i % stages.len()],
                    signed_on: Some(signed),
                    contract: Some(contract),
                    technology: Some(Money(contract.fen() * 9 / 10)),
                    commission: Some(Money(contract.fen() * 3 / 100)),
                    receipts: vec![
                        (signed + chrono::Days::new(30), Money(contract.fen() / 3)),
                        (signed + chrono::Days::new(200), Money(contract.fen() / 3)),
                    ],
                }
            })
            .collect()
    })
}

fn built() -> &'static DealReport {
    static REPORT: OnceLock<DealReport> = OnceLock::new();
    REPORT.get_or_init(|| {
        report::build(
            deals(),
            d(2026, 1, 1),
            d(2026, 12, 31),
            &ReportFilter::default(),
            d(2027, 1, 5),
        )
    })
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn build() -> usize {
    report::build(
        divan::black_box(deals()),
        d(2026, 1, 1),
        d(2026, 12, 31),
        &ReportFilter::default(),
        d(2027, 1, 5),
    )
    .deals
    .len()
}

#[divan::bench(sample_count = 10)]
fn to_html() -> usize {
    report::to_html(divan::black_box(built()), &ZH).len()
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn write_xlsx(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.xlsx");
    bencher.bench_local(|| report::write_xlsx(built(), &ZH, &path).expect("write"));
}
