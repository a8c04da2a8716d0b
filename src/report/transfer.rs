//! The transfer statistics of a period (成果转化统计), in the shapes the province's figures come
//! from: technology contracts signed and registered by type with their amounts, achievements
//! transferred by rights arrangement, and maturation projects started, finished and to
//! production. Pure: the store reads the rows.

use chrono::NaiveDate;

use crate::domain::maturation::{Outcome, ProjectKind};
use crate::domain::rights::{ArrangementKind, DistributionRule, Party};
use crate::domain::{ContractType, DealStage, Money};

/// A deal as these statistics read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRow {
    pub contract_type: ContractType,
    pub stage: DealStage,
    pub signed_on: Option<NaiveDate>,
    pub contract: Option<Money>,
    pub technology: Option<Money>,
    pub registered_on: Option<NaiveDate>,
    pub registered_contract: Option<Money>,
    pub registered_technology: Option<Money>,
    /// The rights arrangement of the deal's achievement, when one is recorded.
    pub arrangement: Option<ArrangementKind>,
    /// The income-distribution rule of the deal's achievement, when one is recorded.
    pub rule: Option<DistributionRule>,
    /// Payments received: date and amount.
    pub receipts: Vec<(NaiveDate, Money)>,
}

/// A maturation project as these statistics read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectLine {
    pub kind: ProjectKind,
    pub start: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
}

/// How many and how much, for one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    pub count: usize,
    pub contract: Money,
    pub technology: Money,
}

impl Amounts {
    fn add(&mut self, contract: Option<Money>, technology: Option<Money>) {
        self.count += 1;
        self.contract = Money(self.contract.fen() + contract.map_or(0, Money::fen));
        self.technology = Money(self.technology.fen() + technology.map_or(0, Money::fen));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProjectCounts {
    pub started: usize,
    pub finished: usize,
    pub to_production: usize,
    pub more_maturation: usize,
    pub stopped: usize,
}

impl ProjectCounts {
    /// The share of finished projects that went to production, in percent (None: none ended).
    pub fn production_share(&self) -> Option<f64> {
        (self.finished > 0).then(|| 100.0 * self.to_production as f64 / self.finished as f64)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TransferStats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Signed in the period, by contract type (every type, zeros included), amounts as signed.
    pub signed: Vec<(ContractType, Amounts)>,
    /// Registered in the period, by contract type, amounts as registered (认定) where given.
    pub registered: Vec<(ContractType, Amounts)>,
    /// Signed in the period, by the rights arrangement of the achievement (None: not recorded).
    pub by_arrangement: Vec<(Option<ArrangementKind>, Amounts)>,
    /// Pilot projects, then proof-of-concept projects.
    pub projects: Vec<(ProjectKind, ProjectCounts)>,
    /// Payments received in the period on deals whose achievement has a distribution rule,
    /// and what is due to each party of them (each payment split to the fen by its rule).
    pub shared_received: Money,
    pub shares: [(Party, Money); 3],
}

impl TransferStats {
    pub fn signed_total(&self) -> Amounts {
        total(&self.signed)
    }

    pub fn registered_total(&self) -> Amounts {
        total(&self.registered)
    }
}

fn total<K>(lines: &[(K, Amounts)]) -> Amounts {
    lines.iter().fold(Amounts::default(), |mut t, (_, a)| {
        t.count += a.count;
        t.contract = Money(t.contract.fen() + a.contract.fen());
        t.technology = Money(t.technology.fen() + a.technology.fen());
        t
    })
}

fn within(date: Option<NaiveDate>, from: NaiveDate, to: NaiveDate) -> bool {
    date.is_some_and(|d| d >= from && d <= to)
}

/// The statistics of `from..=to`. A contract counts as signed in the period when its signing
/// date falls in it and the deal reached a signed stage (a lost deal's signing date does not
/// count); as registered when its registration date falls in it.
pub fn build(
    contracts: &[ContractRow],
    projects: &[ProjectLine],
    from: NaiveDate,
    to: NaiveDate,
) -> TransferStats {
    let mut signed: Vec<(ContractType, Amounts)> = ContractType::ALL
        .iter()
        .map(|&t| (t, Amounts::default()))
        .collect();
    let mut registered = signed.clone();
    let mut by_arrangement: Vec<(Option<ArrangementKind>, Amounts)> = ArrangementKind::ALL
        .iter()
        .map(|&k| Some(k))
        .chain([None])
        .map(|k| (k, Amounts::default()))
        .collect();
    for c in contracts {
        if c.stage.is_signed() && within(c.signed_on, from, to) {
            if let Some((_, a)) = signed.iter_mut().find(|(t, _)| *t == c.contract_type) {
                a.add(c.contract, c.technology);
            }
            if let Some((_, a)) = by_arrangement.iter_mut().find(|(k, _)| *k == c.arrangement) {
                a.add(c.contract, c.technology);
            }
        }
        if within(c.registered_on, from, to)
            && let Some((_, a)) = registered.iter_mut().find(|(t, _)| *t == c.contract_type)
        {
            a.add(
                c.registered_contract.or(c.contract),
                c.registered_technology.or(c.technology),
            );
        }
    }
    let mut shared_received = 0_i64;
    let mut shares = Party::ALL.map(|p| (p, 0_i64));
    for c in contracts {
        let Some(rule) = &c.rule else { continue };
        for &(date, amount) in &c.receipts {
            if within(Some(date), from, to) {
                shared_received += amount.fen();
                for (i, (_, part)) in rule.split(amount).into_iter().enumerate() {
                    shares[i].1 += part.fen();
                }
            }
        }
    }
    let projects = ProjectKind::ALL
        .iter()
        .map(|&kind| {
            let mut n = ProjectCounts::default();
            for p in projects.iter().filter(|p| p.kind == kind) {
                if within(Some(p.start), from, to) {
                    n.started += 1;
                }
                if within(p.ended_on, from, to) {
                    n.finished += 1;
                    match p.outcome {
                        Some(Outcome::ToProduction) => n.to_production += 1,
                        Some(Outcome::MoreMaturation) => n.more_maturation += 1,
                        Some(Outcome::Stopped) => n.stopped += 1,
                        None => {}
                    }
                }
            }
            (kind, n)
        })
        .collect();
    TransferStats {
        from,
        to,
        signed,
        registered,
        by_arrangement,
        projects,
        shared_received: Money(shared_received),
        shares: shares.map(|(p, fen)| (p, Money(fen))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn contract(t: ContractType, signed: (i32, u32, u32), wan: i64) -> ContractRow {
        ContractRow {
            contract_type: t,
            stage: DealStage::Signed,
            signed_on: Some(d(signed.0, signed.1, signed.2)),
            contract: Some(Money::from_yuan(wan * 10_000)),
            technology: Some(Money::from_yuan(wan * 8_000)),
            registered_on: None,
            registered_contract: None,
            registered_technology: None,
            arrangement: None,
            rule: None,
            receipts: Vec::new(),
        }
    }

    #[test]
    fn the_payments_of_the_period_are_split_by_each_deals_rule_to_the_fen() {
        let mut ruled = contract(ContractType::Transfer, (2026, 5, 20), 100);
        ruled.rule = Some(DistributionRule::new(7_000, 2_000, 1_000).unwrap());
        ruled.receipts = vec![
            (d(2026, 7, 3), Money(123_457)),
            (d(2026, 7, 20), Money(1)),
            (d(2026, 8, 1), Money(1_000_000)),
        ];
        let mut unruled = contract(ContractType::Licence, (2026, 6, 1), 10);
        unruled.receipts = vec![(d(2026, 7, 5), Money(50_000))];
        let july = build(&[ruled, unruled], &[], d(2026, 7, 1), d(2026, 7, 31));
        assert_eq!(july.shared_received, Money(123_458));
        let parts: i64 = july.shares.iter().map(|(_, m)| m.fen()).sum();
        assert_eq!(parts, 123_458, "not one fen lost");
        assert_eq!(july.shares[0], (Party::Researchers, Money(86_420 + 1)));
    }

    #[test]
    fn contracts_count_in_the_period_they_were_signed_and_registered() {
        let mut registered = contract(ContractType::Transfer, (2026, 5, 20), 100);
        registered.registered_on = Some(d(2026, 7, 2));
        registered.registered_contract = Some(Money::from_yuan(900_000));
        registered.arrangement = Some(ArrangementKind::Ownership);
        let mut lost = contract(ContractType::Licence, (2026, 7, 5), 50);
        lost.stage = DealStage::Lost;
        let rows = [
            registered,
            contract(ContractType::Licence, (2026, 7, 10), 30),
            contract(ContractType::Licence, (2026, 8, 1), 20),
            lost,
        ];
        let july = build(&rows, &[], d(2026, 7, 1), d(2026, 7, 31));
        let licence = july
            .signed
            .iter()
            .find(|(t, _)| *t == ContractType::Licence)
            .unwrap()
            .1;
        assert_eq!(licence.count, 1, "the lost deal and August's are left out");
        assert_eq!(licence.contract, Money::from_yuan(300_000));
        assert_eq!(july.signed.len(), ContractType::ALL.len());
        let reg = july.registered_total();
        assert_eq!(reg.count, 1);
        assert_eq!(
            reg.contract,
            Money::from_yuan(900_000),
            "the registered amount"
        );
        assert_eq!(
            reg.technology,
            Money::from_yuan(800_000),
            "as signed where not registered"
        );
        // Signed in May: in May's arrangements, not July's.
        let may = build(&rows, &[], d(2026, 5, 1), d(2026, 5, 31));
        let owned = may
            .by_arrangement
            .iter()
            .find(|(k, _)| *k == Some(ArrangementKind::Ownership))
            .unwrap()
            .1;
        assert_eq!(owned.count, 1);
        assert_eq!(july.signed_total().count, 1);
    }

    #[test]
    fn projects_started_finished_and_to_production_in_the_period() {
        let p = |start, ended: Option<NaiveDate>, outcome| ProjectLine {
            kind: ProjectKind::Pilot,
            start,
            ended_on: ended,
            outcome,
        };
        let lines = [
            p(
                d(2026, 1, 5),
                Some(d(2026, 6, 30)),
                Some(Outcome::ToProduction),
            ),
            p(d(2026, 2, 1), Some(d(2026, 5, 1)), Some(Outcome::Stopped)),
            p(
                d(2025, 11, 1),
                Some(d(2026, 3, 1)),
                Some(Outcome::ToProduction),
            ),
            p(d(2026, 6, 1), None, None),
        ];
        let h1 = build(&[], &lines, d(2026, 1, 1), d(2026, 6, 30));
        let (kind, n) = h1.projects[0];
        assert_eq!(kind, ProjectKind::Pilot);
        assert_eq!(n.started, 3);
        assert_eq!(n.finished, 3);
        assert_eq!(n.to_production, 2);
        assert_eq!(n.stopped, 1);
        let share = n.production_share().unwrap();
        assert!((share - 66.666).abs() < 0.01, "{share}");
        assert_eq!(h1.projects[1].1, ProjectCounts::default());
        assert_eq!(h1.projects[1].1.production_share(), None);
    }
}
