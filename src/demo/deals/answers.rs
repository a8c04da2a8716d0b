//! Answers for the classroom's open need: two achievements of its field rewritten to solve the
//! problem it states, mature enough, within its budget and offered the way it wants, so that
//! the first matching exercise has a right answer a trainee would agree with.

use super::{DealData, DemoRng, between};
use crate::demo::DemoData;
use crate::domain::{AchievementStatus, NeedMode, Price, Stage, TransferMode, TransferModes};
use crate::matching::stage_min_trl;

/// How many achievements are written for the need.
const ANSWERS: usize = 2;

/// Rewrites up to two available achievements of the need's field that no deal or decision
/// uses; returns their indexes.
pub(super) fn write(
    rng: &mut DemoRng,
    data: &mut DemoData,
    need: usize,
    deals: &DealData,
) -> Vec<usize> {
    let (Some(n), Some(topic)) = (
        data.needs.get(need).cloned(),
        data.topics.get(need).copied(),
    ) else {
        return Vec::new();
    };
    let used = |i: usize| {
        deals.deals.iter().any(|d| d.achievement == i)
            || deals.decisions.iter().any(|d| d.achievement == i)
    };
    let free: Vec<usize> = (0..data.achievements.len())
        .filter(|&i| {
            let a = &data.achievements[i];
            a.field == n.field && a.status == AchievementStatus::Available && !used(i)
        })
        .take(ANSWERS)
        .collect();
    let required = n
        .min_trl
        .into_iter()
        .chain(n.min_stage.map(stage_min_trl))
        .max()
        .unwrap_or(6);
    let modes: TransferModes = match n.preferred_mode {
        NeedMode::Buy => [TransferMode::Assignment, TransferMode::LicenceOrdinary],
        NeedMode::Licence => [
            TransferMode::LicenceOrdinary,
            TransferMode::LicenceExclusive,
        ],
        NeedMode::CoDevelop | NeedMode::Consult => {
            [TransferMode::CoDevelopment, TransferMode::LicenceOrdinary]
        }
    }
    .into_iter()
    .collect();
    for (k, &i) in free.iter().enumerate() {
        let trl = (required + between(rng, 0, 1) as u8).clamp(6, 9);
        let stage = Stage::typical_for_trl(trl);
        let method = if k == 0 { topic.method } else { topic.method2 };
        let a = &mut data.achievements[i];
        a.title = if k == 0 {
            format!("{}{}{}技术", topic.quality, topic.object, method)
        } else {
            format!("基于{}的{}{}解决方案", method, topic.object, topic.process)
        };
        let mut keywords = vec![topic.object.to_string(), method.to_string()];
        for kw in &n.keywords {
            if keywords.len() < 5 && !keywords.contains(kw) {
                keywords.push(kw.clone());
            }
        }
        a.keywords = keywords;
        a.abstract_text = format!(
            "针对{object}在{process}环节{problem}的问题，本成果以{method}为核心，研制了{quality}{object}成套技术，\
             可用于{scene}。{done}，可提供技术培训与现场指导。",
            object = topic.object,
            process = topic.process,
            problem = topic.problem,
            method = method,
            quality = topic.quality,
            scene = topic.scene,
            done = match stage {
                Stage::Industrial => "已在多家企业推广应用",
                _ => "已完成中试验证",
            },
        );
        a.indicators = n.indicators.replace('；', "，");
        a.trl = trl;
        a.stage = stage;
        a.price = match n.budget {
            Price::Amount(b) => {
                Price::Amount(crate::domain::Money(b.fen() / 100 * (60 + 10 * k as i64)))
            }
            Price::Negotiable => Price::Negotiable,
        };
        a.transfer_modes = modes;
        a.status = AchievementStatus::Available;
    }
    free
}
