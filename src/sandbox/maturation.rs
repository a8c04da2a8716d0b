//! The sandbox's carriers, maturation projects and rights of service achievements, for the
//! two exercises about them: a pilot base and a proof-of-concept centre with their profiles,
//! one project gone to production and one running, and the rights of some universities'
//! achievements with their income shares.

use anyhow::Context;
use chrono::{Days, NaiveDate};

use crate::domain::maturation::{
    CarrierDraft, CarrierKind, Outcome, Payer, ProjectDraft, ProjectKind,
};
use crate::domain::rights::{ArrangementKind, RightsDraft};
use crate::domain::{AchievementRow, ClientDraft, ClientKind, Stage};
use crate::store::{Scope, Store};

/// The carriers: name, kind, city, fields, what they can do, typical cost in yuan.
const CARRIERS: [(&str, CarrierKind, &str, &str, &str, &str); 3] = [
    (
        "山东省高端装备中试基地",
        CarrierKind::PilotBase,
        "济南市",
        "高端装备制造、新材料、新一代信息技术",
        "精密加工与装配中试线、可靠性试验",
        "800000",
    ),
    (
        "青岛海洋生物医药中试基地",
        CarrierKind::PilotBase,
        "青岛市",
        "海洋、生物、医养健康",
        "GMP 中试车间、发酵放大",
        "1200000",
    ),
    (
        "山东省概念验证中心",
        CarrierKind::ProofOfConcept,
        "济南市",
        "新能源、新能源汽车、节能环保、现代农业",
        "原理样机验证、市场与知识产权评估",
        "300000",
    ),
];

/// Adds the carriers, two projects and the rights of up to three universities' achievements.
pub fn add(store: &mut Store, today: NaiveDate) -> anyhow::Result<()> {
    let mut carriers = Vec::new();
    for (name, kind, city, fields, capabilities, cost) in CARRIERS {
        let id = store
            .save_client(
                None,
                &ClientDraft {
                    name: name.into(),
                    kind: ClientKind::Other,
                    province: "山东省".into(),
                    city: city.into(),
                    industry: "科技服务".into(),
                    ..ClientDraft::default()
                },
            )
            .with_context(|| format!("cannot add the carrier {name}"))?;
        let profile = CarrierDraft {
            kind,
            fields: fields.into(),
            capabilities: capabilities.into(),
            typical_cost: cost.into(),
            ..CarrierDraft::default()
        }
        .validate()
        .map_err(|e| anyhow::anyhow!("the carrier {name}: {e:?}"))?;
        store.save_carrier(id, &profile)?;
        carriers.push(id);
    }
    let rows: Vec<AchievementRow> = store
        .achievement_rows(Scope::All)?
        .into_iter()
        .map(|(row, _)| row)
        .collect();
    let early = rows
        .iter()
        .filter(|a| a.stage == Stage::SmallTrial && &*a.field == "高端装备制造")
        .take(2);
    let date = |days_ago: u64| today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
    let later = |days: u64| today.checked_add_days(Days::new(days)).unwrap_or(today);
    for (i, a) in early.enumerate() {
        let done = i == 0;
        let draft = ProjectDraft {
            kind: ProjectKind::Pilot,
            title: format!("{}中试熟化", a.title),
            achievement: Some(a.id),
            carrier: carriers.first().copied(),
            start: date(if done { 200 } else { 60 }).to_string(),
            planned_end: if done { date(20) } else { later(120) }.to_string(),
            cost: "800000".into(),
            payer: Payer::Shared,
            milestones: if done {
                format!("√ {} 中试线安装调试\n√ {} 小批量试制", date(120), date(40))
            } else {
                format!("{} 中试线安装调试\n{} 小批量试制", later(20), later(90))
            },
            ..ProjectDraft::default()
        };
        let id = store
            .create_project(&draft)
            .map_err(|e| anyhow::anyhow!("the project {}: {e}", draft.title))?;
        if done {
            store.end_project(id, Outcome::ToProduction, date(20))?;
        }
    }
    let universities = rows
        .iter()
        .filter(|a| a.owner_kind == ClientKind::University)
        .take(3);
    for a in universities {
        let draft = RightsDraft {
            kind: ArrangementKind::Ownership,
            ownership_share: "70".into(),
            approved_on: date(300).to_string(),
            approval_no: "鲁科赋字〔2026〕12号".into(),
            separately_managed: true,
            shares: ["70".into(), "20".into(), "10".into()],
            ..RightsDraft::default()
        };
        store
            .save_rights(a.id, &draft)
            .map_err(|e| anyhow::anyhow!("the rights of {}: {e}", a.title))?;
    }
    Ok(())
}
