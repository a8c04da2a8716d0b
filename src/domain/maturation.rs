//! Carriers that mature achievements (中试基地, 概念验证中心 and the other organisations of the
//! transfer system) and the projects they run (中试项目, 概念验证项目): what they record, and what
//! a successful project does to the achievement's maturity.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::Stage;
use super::{AchievementId, ClientId, FieldErrors, Money, NeedId, Problem};

/// What kind of carrier an organisation is. A carrier is an organisation among the clients
/// with a carrier profile beside its client record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CarrierKind {
    /// 中试基地 / 中试示范基地: from lab or small trial to a process a factory can run.
    PilotBase,
    /// 概念验证中心: whether an early result works at all.
    ProofOfConcept,
    /// 人才培训基地.
    TrainingBase,
    /// 技术转移服务机构.
    TransferService,
}

impl CarrierKind {
    pub const ALL: [CarrierKind; 4] = [
        CarrierKind::PilotBase,
        CarrierKind::ProofOfConcept,
        CarrierKind::TrainingBase,
        CarrierKind::TransferService,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CarrierKind::PilotBase => "pilot_base",
            CarrierKind::ProofOfConcept => "proof_of_concept",
            CarrierKind::TrainingBase => "training_base",
            CarrierKind::TransferService => "transfer_service",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind of project this carrier runs, if it matures achievements at all.
    pub fn project_kind(self) -> Option<ProjectKind> {
        match self {
            CarrierKind::PilotBase => Some(ProjectKind::Pilot),
            CarrierKind::ProofOfConcept => Some(ProjectKind::ProofOfConcept),
            CarrierKind::TrainingBase | CarrierKind::TransferService => None,
        }
    }
}

/// A carrier's profile: what it serves and can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carrier {
    pub organisation: ClientId,
    pub name: String,
    /// "山东省 济南市 …", from the organisation's record.
    pub region: String,
    pub kind: CarrierKind,
    /// The technical fields it serves.
    pub fields: Vec<String>,
    pub capabilities: String,
    pub equipment: String,
    /// "年中试 20 项", "2 条中试线": as the carrier states it.
    pub capacity: String,
    /// A typical project's cost.
    pub typical_cost: Option<Money>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CarrierField {
    Fields,
    Capabilities,
    Equipment,
    Capacity,
    TypicalCost,
}

/// A carrier profile as typed: fields separated by 、 , ; or spaces, the cost in yuan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarrierDraft {
    pub kind: CarrierKind,
    pub fields: String,
    pub capabilities: String,
    pub equipment: String,
    pub capacity: String,
    pub typical_cost: String,
}

impl Default for CarrierDraft {
    fn default() -> Self {
        Self {
            kind: CarrierKind::PilotBase,
            fields: String::new(),
            capabilities: String::new(),
            equipment: String::new(),
            capacity: String::new(),
            typical_cost: String::new(),
        }
    }
}

/// What a checked carrier draft holds, to be stored for an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarrierProfile {
    pub kind: CarrierKind,
    pub fields: Vec<String>,
    pub capabilities: String,
    pub equipment: String,
    pub capacity: String,
    pub typical_cost: Option<Money>,
}

impl CarrierDraft {
    pub fn from_carrier(c: &Carrier) -> Self {
        Self::from_parts(
            c.kind,
            &c.fields,
            [&c.capabilities, &c.equipment, &c.capacity],
            c.typical_cost,
        )
    }

    pub fn from_profile(p: &CarrierProfile) -> Self {
        Self::from_parts(
            p.kind,
            &p.fields,
            [&p.capabilities, &p.equipment, &p.capacity],
            p.typical_cost,
        )
    }

    fn from_parts(
        kind: CarrierKind,
        fields: &[String],
        [capabilities, equipment, capacity]: [&String; 3],
        typical_cost: Option<Money>,
    ) -> Self {
        Self {
            kind,
            fields: fields.join("、"),
            capabilities: capabilities.clone(),
            equipment: equipment.clone(),
            capacity: capacity.clone(),
            // The plain number, as an achievement's draft writes its price: what the form shows
            // to edit and the JSON export writes, read back by any program.
            typical_cost: typical_cost.map(Money::input_text).unwrap_or_default(),
        }
    }

    pub fn validate(&self) -> Result<CarrierProfile, FieldErrors<CarrierField>> {
        self.check(true)
    }

    /// As [`CarrierDraft::validate`], but the fields served may be empty: a list of carriers
    /// that does not say them is imported, to be filled in later.
    pub fn validate_imported(&self) -> Result<CarrierProfile, FieldErrors<CarrierField>> {
        self.check(false)
    }

    fn check(&self, fields_required: bool) -> Result<CarrierProfile, FieldErrors<CarrierField>> {
        use super::problem::check_text;
        use CarrierField as F;
        let mut e = FieldErrors::new();
        let fields = split_list(&self.fields);
        if fields.is_empty() && fields_required {
            e.push(F::Fields, Problem::Required);
        }
        check_text(&mut e, F::Fields, &self.fields, false, 500);
        check_text(
            &mut e,
            F::Capabilities,
            self.capabilities.trim(),
            false,
            2_000,
        );
        check_text(&mut e, F::Equipment, self.equipment.trim(), false, 2_000);
        check_text(&mut e, F::Capacity, self.capacity.trim(), false, 200);
        let typical_cost = match self.typical_cost.trim() {
            "" => None,
            t => Money::parse_yuan(t)
                .map_err(|err| e.push(F::TypicalCost, err.into()))
                .ok(),
        };
        if !e.is_empty() {
            return Err(e);
        }
        Ok(CarrierProfile {
            kind: self.kind,
            fields,
            capabilities: self.capabilities.trim().to_string(),
            equipment: self.equipment.trim().to_string(),
            capacity: self.capacity.trim().to_string(),
            typical_cost,
        })
    }
}

/// The items of a list cell. "┋" joins a WJX (问卷星) multi-choice answer; a closing "等"
/// ("新能源、新材料等") ends the list, it is not part of the last item.
fn split_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(['、', ',', '，', ';', '；', '/', '┋', '|', ' ', '\n']) {
        let part = without_closing_etc(part.trim());
        if !part.is_empty() && !out.iter().any(|p| p == part) {
            out.push(part.to_string());
        }
    }
    out
}

/// The item without the "等"/"等等" that closes a list; a one-character rest ("高等") shows
/// the 等 belongs to the word.
fn without_closing_etc(item: &str) -> &str {
    let rest = item.trim_end_matches('等').trim_end();
    if rest.chars().count() >= 2 {
        rest
    } else {
        item
    }
}

/// 中试项目 or 概念验证项目.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProjectKind {
    Pilot,
    ProofOfConcept,
}

impl ProjectKind {
    pub const ALL: [ProjectKind; 2] = [ProjectKind::Pilot, ProjectKind::ProofOfConcept];

    pub fn code(self) -> &'static str {
        match self {
            ProjectKind::Pilot => "pilot",
            ProjectKind::ProofOfConcept => "proof_of_concept",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What a project of this kind proves when it succeeds, by GB/T 22900's levels: a proof of
    /// concept gives a working principle prototype (TRL 4, small trial); a pilot that goes to
    /// production leaves a process a factory runs (TRL 8, industrialisation).
    pub fn proves(self) -> (u8, Stage) {
        match self {
            ProjectKind::ProofOfConcept => (4, Stage::SmallTrial),
            ProjectKind::Pilot => (8, Stage::Industrial),
        }
    }
}

/// Who pays for a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Payer {
    Enterprise,
    Carrier,
    GovernmentFund,
    Shared,
}

impl Payer {
    pub const ALL: [Payer; 4] = [
        Payer::Enterprise,
        Payer::Carrier,
        Payer::GovernmentFund,
        Payer::Shared,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Payer::Enterprise => "enterprise",
            Payer::Carrier => "carrier",
            Payer::GovernmentFund => "government_fund",
            Payer::Shared => "shared",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// How a project ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// 投产 (or, for a proof of concept, passed on to the next step).
    ToProduction,
    /// 继续熟化.
    MoreMaturation,
    /// 终止.
    Stopped,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [
        Outcome::ToProduction,
        Outcome::MoreMaturation,
        Outcome::Stopped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Outcome::ToProduction => "to_production",
            Outcome::MoreMaturation => "more_maturation",
            Outcome::Stopped => "stopped",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// The achievement's maturity after a project ended with `outcome`: moved up to what the
/// project proved when it succeeded, never down; None when nothing changes.
pub fn maturity_after(
    kind: ProjectKind,
    outcome: Outcome,
    trl: u8,
    stage: Stage,
) -> Option<(u8, Stage)> {
    if outcome != Outcome::ToProduction {
        return None;
    }
    let (proved_trl, proved_stage) = kind.proves();
    let after = (trl.max(proved_trl), stage.max(proved_stage));
    (after != (trl, stage)).then_some(after)
}

/// A step of a project with its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub title: String,
    pub due: NaiveDate,
    pub done: bool,
}

/// A maturation project as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub kind: ProjectKind,
    pub title: String,
    pub achievement: AchievementId,
    pub carrier: ClientId,
    /// The enterprise waiting for the result, if any.
    pub enterprise: Option<ClientId>,
    pub need: Option<NeedId>,
    pub start: NaiveDate,
    pub planned_end: NaiveDate,
    pub cost: Option<Money>,
    pub payer: Payer,
    pub milestones: Vec<Milestone>,
    pub outcome: Option<Outcome>,
    pub ended_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectField {
    Title,
    Achievement,
    Carrier,
    Start,
    PlannedEnd,
    Cost,
    Milestones,
}

/// A project as typed. Milestones one a line, "2027-03-31 中试线安装调试" (date first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectDraft {
    pub kind: ProjectKind,
    pub title: String,
    pub achievement: Option<AchievementId>,
    pub carrier: Option<ClientId>,
    pub enterprise: Option<ClientId>,
    pub need: Option<NeedId>,
    pub start: String,
    pub planned_end: String,
    pub cost: String,
    pub payer: Payer,
    pub milestones: String,
}

impl Default for ProjectDraft {
    fn default() -> Self {
        Self {
            kind: ProjectKind::Pilot,
            title: String::new(),
            achievement: None,
            carrier: None,
            enterprise: None,
            need: None,
            start: String::new(),
            planned_end: String::new(),
            cost: String::new(),
            payer: Payer::Enterprise,
            milestones: String::new(),
        }
    }
}

impl ProjectDraft {
    /// A stored project as the form shows it.
    pub fn from_project(p: &Project) -> Self {
        Self {
            kind: p.kind,
            title: p.title.clone(),
            achievement: Some(p.achievement),
            carrier: Some(p.carrier),
            enterprise: p.enterprise,
            need: p.need,
            start: p.start.to_string(),
            planned_end: p.planned_end.to_string(),
            cost: p.cost.map(Money::yuan_text).unwrap_or_default(),
            payer: p.payer,
            milestones: milestones_text(&p.milestones),
        }
    }

    pub fn validate(&self) -> Result<Project, FieldErrors<ProjectField>> {
        use super::dates::{date_problem, parse_date};
        use ProjectField as F;
        let mut e = FieldErrors::new();
        let title = self.title.trim().to_string();
        super::problem::check_text(&mut e, F::Title, &title, true, 200);
        if self.achievement.is_none() {
            e.push(F::Achievement, Problem::Required);
        }
        if self.carrier.is_none() {
            e.push(F::Carrier, Problem::Required);
        }
        let mut date = |field, text: &str| match text.trim() {
            "" => {
                e.push(field, Problem::Required);
                None
            }
            t => parse_date(t).or_else(|| {
                e.push(field, date_problem(t));
                None
            }),
        };
        let start = date(F::Start, &self.start);
        let planned_end = date(F::PlannedEnd, &self.planned_end);
        if let (Some(s), Some(end)) = (start, planned_end)
            && end < s
        {
            e.push(F::PlannedEnd, Problem::EndBeforeStart);
        }
        let cost = match self.cost.trim() {
            "" => None,
            t => Money::parse_yuan(t)
                .map_err(|err| e.push(F::Cost, err.into()))
                .ok(),
        };
        let milestones = parse_milestones(&self.milestones)
            .map_err(|p| e.push(F::Milestones, p))
            .unwrap_or_default();
        match (self.achievement, self.carrier, start, planned_end) {
            (Some(achievement), Some(carrier), Some(start), Some(planned_end)) if e.is_empty() => {
                Ok(Project {
                    kind: self.kind,
                    title,
                    achievement,
                    carrier,
                    enterprise: self.enterprise,
                    need: self.need,
                    start,
                    planned_end,
                    cost,
                    payer: self.payer,
                    milestones,
                    outcome: None,
                    ended_on: None,
                })
            }
            _ => Err(e),
        }
    }
}

/// Milestones one a line, the date first ("2027-03-31 中试线安装调试"); a line that starts with
/// √ is done (✓ is read too, as pasted from elsewhere). Empty lines are skipped.
pub fn parse_milestones(text: &str) -> Result<Vec<Milestone>, Problem> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (done, line) = match line.strip_prefix(['√', '✓']) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, line),
        };
        let (date, title) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let due = super::dates::parse_date(date).ok_or_else(|| super::dates::date_problem(date))?;
        let title = title.trim();
        if title.is_empty() {
            return Err(Problem::Required);
        }
        out.push(Milestone {
            title: title.to_string(),
            due,
            done,
        });
    }
    Ok(out)
}

/// Milestones written back as [`parse_milestones`] reads them.
pub fn milestones_text(milestones: &[Milestone]) -> String {
    milestones
        .iter()
        .map(|m| {
            let mark = if m.done { "√ " } else { "" };
            format!("{mark}{} {}", m.due, m.title)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A carrier that could take an achievement, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct CarrierSuggestion {
    pub carrier: ClientId,
    pub score: f32,
    pub serves_field: bool,
    pub same_city: bool,
    pub same_province: bool,
}

/// Carriers for maturing an achievement of `field` up to `wanted` (the stage the enterprise
/// asks for), from an organisation in `province`/`city`: carriers of the right kind first
/// (a proof of concept below small trial, a pilot base above), then those serving the field,
/// then the nearer ones. Carriers that mature nothing (training bases, transfer services)
/// are left out.
pub fn suggest_carriers(
    carriers: &[Carrier],
    field: &str,
    stage: Stage,
    province: &str,
    city: &str,
) -> Vec<CarrierSuggestion> {
    let wanted_kind = if stage < Stage::SmallTrial {
        ProjectKind::ProofOfConcept
    } else {
        ProjectKind::Pilot
    };
    let mut out: Vec<CarrierSuggestion> = carriers
        .iter()
        .filter_map(|c| {
            let kind = c.kind.project_kind()?;
            let serves_field = c.fields.iter().any(|f| f == field);
            let same_province = !province.is_empty() && c.region.starts_with(province);
            let same_city = same_province && !city.is_empty() && c.region.contains(city);
            let score = if kind == wanted_kind { 4.0 } else { 0.0 }
                + if serves_field { 2.0 } else { 0.0 }
                + if same_city { 1.0 } else { 0.0 }
                + if same_province { 0.5 } else { 0.0 };
            Some(CarrierSuggestion {
                carrier: c.organisation,
                score,
                serves_field,
                same_city,
                same_province,
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.carrier.cmp(&b.carrier)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn list_cells_split_on_wjx_marks_and_drop_a_closing_etc() {
        assert_eq!(
            split_list("新能源┋新材料┋生物医药"),
            ["新能源", "新材料", "生物医药"]
        );
        assert_eq!(split_list("新能源、新材料等"), ["新能源", "新材料"]);
        assert_eq!(split_list("电池检测等"), ["电池检测"]);
        assert_eq!(split_list("等离子体、高等"), ["等离子体", "高等"]);
    }

    #[test]
    fn a_pilot_that_goes_to_production_moves_the_achievement_up_never_down() {
        use Outcome::*;
        use ProjectKind::*;
        assert_eq!(
            maturity_after(Pilot, ToProduction, 5, Stage::SmallTrial),
            Some((8, Stage::Industrial))
        );
        assert_eq!(
            maturity_after(ProofOfConcept, ToProduction, 2, Stage::Lab),
            Some((4, Stage::SmallTrial))
        );
        // Already past what the project proves: nothing moves, and nothing moves down.
        assert_eq!(
            maturity_after(ProofOfConcept, ToProduction, 6, Stage::Pilot),
            None
        );
        assert_eq!(
            maturity_after(Pilot, ToProduction, 9, Stage::Pilot),
            Some((9, Stage::Industrial))
        );
        for outcome in [MoreMaturation, Stopped] {
            assert_eq!(maturity_after(Pilot, outcome, 4, Stage::SmallTrial), None);
        }
    }

    fn draft() -> ProjectDraft {
        ProjectDraft {
            title: "热误差补偿中试".into(),
            achievement: Some(AchievementId(1)),
            carrier: Some(ClientId(2)),
            start: "2027-01-05".into(),
            planned_end: "2027-06-30".into(),
            cost: "80万".into(),
            milestones: "2027-03-31 中试线安装调试\n√ 2027-02-01 方案评审\n✓ 2027-02-10 pasted\n"
                .into(),
            ..ProjectDraft::default()
        }
    }

    #[test]
    fn a_project_needs_its_achievement_carrier_and_dates_in_order() {
        let p = draft().validate().unwrap();
        assert_eq!(p.cost, Some(Money::from_yuan(800_000)));
        assert_eq!(p.milestones.len(), 3);
        assert!(p.milestones[2].done, "✓ as pasted reads as done");
        assert!(p.milestones[1].done);
        assert_eq!(p.milestones[0].due, d(2027, 3, 31));
        let e = ProjectDraft::default().validate().unwrap_err();
        for f in [
            ProjectField::Title,
            ProjectField::Achievement,
            ProjectField::Carrier,
            ProjectField::Start,
            ProjectField::PlannedEnd,
        ] {
            assert_eq!(e.get(f), Some(Problem::Required), "{f:?}");
        }
        let backwards = ProjectDraft {
            planned_end: "2026-12-31".into(),
            ..draft()
        };
        assert_eq!(
            backwards
                .validate()
                .unwrap_err()
                .get(ProjectField::PlannedEnd),
            Some(Problem::EndBeforeStart)
        );
        let bad_milestone = ProjectDraft {
            milestones: "2027-02-30 安装".into(),
            ..draft()
        };
        assert_eq!(
            bad_milestone
                .validate()
                .unwrap_err()
                .get(ProjectField::Milestones),
            Some(Problem::NoSuchDay {
                year: 2027,
                month: 2,
                days: 28
            })
        );
    }

    #[test]
    fn milestones_read_back_as_written() {
        let p = draft().validate().unwrap();
        assert_eq!(
            parse_milestones(&milestones_text(&p.milestones)),
            Ok(p.milestones)
        );
    }

    #[test]
    fn a_carrier_profile_needs_the_fields_it_serves() {
        let e = CarrierDraft::default().validate().unwrap_err();
        assert_eq!(e.get(CarrierField::Fields), Some(Problem::Required));
        let p = CarrierDraft {
            fields: "高端装备制造、新材料，高端装备制造".into(),
            typical_cost: "50万".into(),
            ..CarrierDraft::default()
        }
        .validate()
        .unwrap();
        assert_eq!(p.fields, vec!["高端装备制造", "新材料"]);
        assert_eq!(p.typical_cost, Some(Money::from_yuan(500_000)));
    }

    #[test]
    fn a_profiles_cost_is_drafted_as_the_plain_number_and_reads_back() {
        let p = CarrierDraft {
            fields: "新材料".into(),
            typical_cost: "120万".into(),
            ..CarrierDraft::default()
        }
        .validate()
        .unwrap();
        let d = CarrierDraft::from_profile(&p);
        assert_eq!(d.typical_cost, "1200000.00");
        assert_eq!(d.validate().unwrap().typical_cost, p.typical_cost);
        // A draft of an older export, with thousands separators, reads the same.
        let older = CarrierDraft {
            typical_cost: "1,200,000.00".into(),
            ..d
        };
        assert_eq!(older.validate().unwrap().typical_cost, p.typical_cost);
    }

    fn carrier(id: i64, kind: CarrierKind, fields: &[&str], region: &str) -> Carrier {
        Carrier {
            organisation: ClientId(id),
            name: format!("载体{id}"),
            region: region.into(),
            kind,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            capabilities: String::new(),
            equipment: String::new(),
            capacity: String::new(),
            typical_cost: None,
        }
    }

    #[test]
    fn carriers_of_the_right_kind_and_field_come_first_then_the_nearer() {
        let carriers = [
            carrier(1, CarrierKind::PilotBase, &["新材料"], "山东省 济南市"),
            carrier(
                2,
                CarrierKind::PilotBase,
                &["高端装备制造"],
                "山东省 青岛市",
            ),
            carrier(
                3,
                CarrierKind::PilotBase,
                &["高端装备制造"],
                "山东省 济南市",
            ),
            carrier(
                4,
                CarrierKind::ProofOfConcept,
                &["高端装备制造"],
                "山东省 济南市",
            ),
            carrier(
                5,
                CarrierKind::TrainingBase,
                &["高端装备制造"],
                "山东省 济南市",
            ),
        ];
        let ids = |s: Vec<CarrierSuggestion>| s.iter().map(|c| c.carrier.0).collect::<Vec<_>>();
        assert_eq!(
            ids(suggest_carriers(
                &carriers,
                "高端装备制造",
                Stage::SmallTrial,
                "山东省",
                "济南市"
            )),
            vec![3, 2, 1, 4]
        );
        assert_eq!(
            ids(suggest_carriers(
                &carriers,
                "高端装备制造",
                Stage::Lab,
                "山东省",
                "济南市"
            ))[0],
            4
        );
    }
}
