//! The Matching screen: choose a direction and a subject, see ranked candidates with a score
//! bar, and for the selected one the breakdown and the shared terms highlighted in both texts.

use std::collections::HashMap;

use crate::domain::{AchievementId, ClientId, NeedId, NeedRow};
use crate::matching::NeedDoc;
use crate::store::StandingDecision;
use crate::ui::view::{Cx, Event, View};
use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat, Ui};
use egui_extras::Column;

use crate::catalog::{Catalog, Catalogs, Loadable, pair_texts, rank};
use crate::domain::maturation::{ProjectDraft, ProjectKind};
use crate::domain::{
    AchievementRow, ClientKind, ClientRow, DealId, Decision, FieldErrors, RejectReason, Synonym,
    SynonymDraft, SynonymField,
};
use crate::i18n::{Tr, fill};
pub use crate::matching::Subject;
use crate::matching::{Candidate, MatchIndex, Part, Weights, highlight_mask};
use crate::store::{DecisionInput, Store};
use crate::ui::command::{Command, MaturationCommand, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::widgets::combos::combo;
use crate::ui::widgets::{error_text, read_error, today};

const ROW_HEIGHT: f32 = 26.0;
const TOP: usize = 50;
const PICKER_MATCHES: usize = 8;

/// Which way to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    NeedToAchievements,
    AchievementToEnterprises,
    EnterpriseToAchievements,
}

fn direction_of(subject: Subject) -> Direction {
    match subject {
        Subject::Need(_) => Direction::NeedToAchievements,
        Subject::Achievement(_) => Direction::AchievementToEnterprises,
        Subject::Enterprise(_) => Direction::EnterpriseToAchievements,
    }
}

/// A candidate as a record: the pair it proposes, which stays the same however the ranking
/// moves (a rejection shown or hidden, new weights, a write elsewhere).
type Pair = (AchievementId, Option<NeedId>, ClientId);

fn pair(c: &Candidate) -> Pair {
    (c.achievement, c.need, c.enterprise)
}

/// The candidate of `wanted` in the ranking shown, if it is in it.
fn find(results: &[Candidate], wanted: Pair) -> Option<&Candidate> {
    results.iter().find(|c| pair(c) == wanted)
}

/// The subject's text and the texts of the selected candidate, loaded once per selection.
struct Texts {
    key: (Subject, Pair),
    left_title: String,
    left: String,
    right_title: String,
    right: String,
    /// What the two texts share, cut into words once per selection.
    shared: Vec<String>,
    /// Where the achievement stands, for sending it for maturation.
    achievement_stage: crate::domain::Stage,
    /// The characters of each text on a highlight.
    left_marks: Vec<bool>,
    right_marks: Vec<bool>,
}

struct RejectDialog {
    candidate: Pair,
    reason: RejectReason,
    note: String,
}

#[derive(Default)]
pub struct MatchingScreen {
    direction: Direction,
    subject: Option<Subject>,
    query: String,
    show_rejected: bool,
    results: Vec<Candidate>,
    results_key: Option<(Subject, bool, u64, [u32; 7])>,
    /// Why the ranking could not be read, while that stands.
    read_error: Option<String>,
    /// Followed by pair, never by position.
    selected: Option<Pair>,
    /// Each pair's standing decision (shortlisted, accepted, rejected with its reason).
    standing: Reloaded<u64, HashMap<Pair, StandingDecision>>,
    texts: Option<Texts>,
    reject: Option<RejectDialog>,
    weights: Option<Weights>,
    weights_open: bool,
    thesaurus: ThesaurusPanel,
}

/// The thesaurus editor: the pair being typed, why the last one was refused, and the stored
/// pairs as of a store revision.
#[derive(Default)]
struct ThesaurusPanel {
    draft: SynonymDraft,
    errors: FieldErrors<SynonymField>,
    pairs: Reloaded<u64, Vec<Synonym>>,
}

fn weights_key(w: &Weights) -> [u32; 7] {
    Part::ALL.map(|p| w.get(p).to_bits())
}

impl MatchingScreen {
    /// The pair typed was added: the fields are cleared for the next one.
    pub fn synonym_saved(&mut self) {
        self.thesaurus.draft = SynonymDraft::default();
        self.thesaurus.errors = FieldErrors::new();
    }

    /// The pair typed was refused: the fields keep it and say why.
    pub fn synonym_refused(&mut self, errors: FieldErrors<SynonymField>) {
        self.thesaurus.errors = errors;
    }

    /// Opens the screen on `subject` (from a detail view's "Find matches").
    pub fn open(&mut self, subject: Subject) {
        self.direction = direction_of(subject);
        self.subject = Some(subject);
        self.selected = None;
        self.results_key = None;
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        catalogs: &Catalogs,
        clients: &[ClientRow],
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let index = match &catalogs.matching {
            Loadable::Ready(index) => index,
            Loadable::Loading => {
                ui.label(tr.match_loading);
                ui.spinner();
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Loadable::Failed(e) => {
                error_text(ui, &fill(tr.catalog_failed, &[("detail", e)]));
                return;
            }
        };
        // Never ranked with default weights the broker did not choose: a failed read says so.
        let weights = match self.weights {
            Some(w) => w,
            None => match store.match_weights() {
                Ok(w) => *self.weights.insert(w),
                Err(e) => {
                    error_text(ui, &fill(tr.db_error, &[("detail", &e)]));
                    return;
                }
            },
        };
        self.subject_bar(ui, index, catalogs, clients, tr);
        self.weights_panel(ui, tr, cmds);
        self.thesaurus_panel(ui, store, tr, cmds);
        ui.separator();
        let Some(subject) = self.subject else {
            ui.label(tr.match_choose);
            return;
        };
        self.refresh(store, index, subject, &weights);
        if let Some(e) = &self.read_error {
            error_text(ui, &fill(tr.db_error, &[("detail", e)]));
            return;
        }
        self.standing.refresh(store.revision(), || {
            let all = store.standing_decisions()?;
            Ok(all
                .into_iter()
                .map(|d| ((d.achievement, d.need, d.enterprise), d))
                .collect())
        });
        read_error(ui, tr, self.standing.error());
        if let Subject::Need(need) = subject {
            self.shortlist_ui(ui, need, catalogs.achievements.ready(), tr, cmds);
        }
        if self.results.is_empty() {
            ui.label(tr.match_none);
            return;
        }
        let detail_height = (ui.available_height() * 0.5).max(200.0);
        let table_height = ui.available_height() - detail_height;
        let rows = catalogs.achievements.ready();
        ui.allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
            let needs = catalogs.needs.ready();
            self.table(ui, index, (rows, needs), subject, tr);
        });
        ui.separator();
        self.detail(ui, store, index, subject, &weights, tr, cmds);
        self.reject_dialog(ui, index, rows, subject, tr, cmds);
    }

    fn refresh(&mut self, store: &Store, index: &MatchIndex, subject: Subject, weights: &Weights) {
        let key = (
            subject,
            self.show_rejected,
            store.revision(),
            weights_key(weights),
        );
        if self.results_key == Some(key) {
            return;
        }
        self.results_key = Some(key);
        let ranked = store.decisions().and_then(|decisions| {
            rank(
                store,
                index,
                subject,
                weights,
                &decisions,
                TOP,
                self.show_rejected,
            )
        });
        (self.results, self.read_error) = match ranked {
            Ok(results) => (results, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        self.texts = None;
    }

    fn subject_bar(
        &mut self,
        ui: &mut Ui,
        index: &MatchIndex,
        catalogs: &Catalogs,
        clients: &[ClientRow],
        tr: &Tr,
    ) {
        ui.horizontal_wrapped(|ui| {
            for (direction, label) in [
                (Direction::NeedToAchievements, tr.dir_need),
                (Direction::AchievementToEnterprises, tr.dir_achievement),
                (Direction::EnterpriseToAchievements, tr.dir_enterprise),
            ] {
                if ui
                    .selectable_label(self.direction == direction, label)
                    .clicked()
                    && self.direction != direction
                {
                    self.direction = direction;
                    self.subject = None;
                    self.selected = None;
                }
            }
            ui.separator();
            ui.checkbox(&mut self.show_rejected, tr.show_rejected);
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.match_subject);
            if let Some(subject) = self.subject {
                ui.strong(subject_title(index, catalogs, clients, subject, tr));
                if ui.small_button(tr.change).clicked() {
                    self.subject = None;
                    self.selected = None;
                }
                return;
            }
            ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(tr.picker_hint)
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        });
        if self.subject.is_none() && !self.query.trim().is_empty() {
            for (subject, title) in self.suggestions(catalogs, clients, tr) {
                if ui.selectable_label(false, title).clicked() {
                    self.subject = Some(subject);
                    self.selected = None;
                    self.query.clear();
                }
            }
        }
    }

    fn suggestions(
        &self,
        catalogs: &Catalogs,
        clients: &[ClientRow],
        tr: &Tr,
    ) -> Vec<(Subject, String)> {
        let q = self.query.trim();
        match self.direction {
            Direction::NeedToAchievements => catalogs
                .needs
                .ready()
                .map(|c| {
                    c.search(q)
                        .into_iter()
                        .filter_map(|h| c.get(h.id))
                        .take(PICKER_MATCHES)
                        .map(|r| {
                            let title = crate::ui::screens::needs::need_title(r, tr);
                            (
                                Subject::Need(r.id),
                                format!("{title} · {}", r.enterprise_name),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Direction::AchievementToEnterprises => catalogs
                .achievements
                .ready()
                .map(|c| {
                    c.search(q)
                        .into_iter()
                        .filter_map(|h| c.get(h.id))
                        .take(PICKER_MATCHES)
                        .map(|r| {
                            (
                                Subject::Achievement(r.id),
                                format!("{} · {}", r.title, r.owner_name),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Direction::EnterpriseToAchievements => {
                let needle = q.to_lowercase();
                clients
                    .iter()
                    .filter(|c| {
                        c.kind == ClientKind::Enterprise && c.name.to_lowercase().contains(&needle)
                    })
                    .take(PICKER_MATCHES)
                    .map(|c| (Subject::Enterprise(c.id), c.name.clone()))
                    .collect()
            }
        }
    }

    fn weights_panel(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let Some(weights) = &mut self.weights else {
            return;
        };
        egui::CollapsingHeader::new(tr.weights)
            .default_open(self.weights_open)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for part in Part::ALL {
                        let label = ui.label(tr.part(part));
                        ui.add(egui::DragValue::new(weights.get_mut(part)).range(0.0..=100.0))
                            .labelled_by(label.id);
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button(tr.save_weights).clicked() {
                        cmds.push(Command::SaveWeights(*weights));
                    }
                    if ui.button(tr.default_weights).clicked() {
                        *weights = Weights::default();
                    }
                });
            });
    }

    fn thesaurus_panel(&mut self, ui: &mut Ui, store: &Store, tr: &Tr, cmds: &mut Vec<Command>) {
        let panel = &mut self.thesaurus;
        panel.pairs.refresh(store.revision(), || store.thesaurus());
        let pairs = panel.pairs.items();
        egui::CollapsingHeader::new(format!("{}（{}）", tr.thesaurus, pairs.len()))
            .id_salt("thesaurus")
            .show(ui, |ui| {
                ui.label(RichText::new(tr.thesaurus_hint).weak());
                read_error(ui, tr, panel.pairs.error());
                ui.horizontal_top(|ui| {
                    for (field, label, hint, text) in [
                        (
                            SynonymField::Term,
                            tr.synonym_term,
                            tr.synonym_term_hint,
                            &mut panel.draft.term,
                        ),
                        (
                            SynonymField::Other,
                            tr.synonym_other,
                            tr.synonym_other_hint,
                            &mut panel.draft.other,
                        ),
                    ] {
                        ui.vertical(|ui| {
                            let label = ui.label(label);
                            ui.add(
                                egui::TextEdit::singleline(text)
                                    .hint_text(hint)
                                    .desired_width(180.0),
                            )
                            .labelled_by(label.id);
                            if let Some(p) = panel.errors.get(field) {
                                error_text(ui, &tr.problem(p));
                            }
                        });
                    }
                    ui.vertical(|ui| {
                        ui.label("");
                        if ui.button(tr.synonym_add).clicked() {
                            cmds.push(Command::AddSynonym(panel.draft.clone()));
                        }
                    });
                });
                if pairs.is_empty() {
                    ui.label(RichText::new(tr.cli_synonym_none).weak());
                }
                egui::ScrollArea::vertical()
                    .id_salt("thesaurus_pairs")
                    .max_height(120.0)
                    .show(ui, |ui| {
                        for pair in pairs {
                            ui.horizontal(|ui| {
                                ui.label(format!("{} ≈ {}", pair.term, pair.other));
                                if ui
                                    .small_button(tr.synonym_remove)
                                    .on_hover_text(format!("{} ≈ {}", pair.term, pair.other))
                                    .clicked()
                                {
                                    cmds.push(Command::RemoveSynonym(pair.id));
                                }
                            });
                        }
                    });
            });
    }

    /// What the history part reacts to: the enterprise's rejections of similar achievements,
    /// with their reasons ("similar to 1 rejected: 价格差距大").
    fn history_note(&self, index: &MatchIndex, c: &Candidate, tr: &Tr) -> Option<String> {
        let mut reasons: Vec<(AchievementId, &'static str)> = self
            .standing
            .get()?
            .values()
            .filter(|d| d.enterprise == c.enterprise)
            .filter_map(|d| match d.decision {
                Decision::Rejected(r) => Some((d.achievement, tr.reject_reason(r))),
                _ => None,
            })
            .filter(|(a, _)| index.rejection_counts_against(c.achievement, *a))
            .collect();
        reasons.sort();
        reasons.dedup_by_key(|(a, _)| *a);
        if reasons.is_empty() {
            return None;
        }
        let mut why: Vec<&str> = reasons.iter().map(|(_, r)| *r).collect();
        why.sort();
        why.dedup();
        Some(fill(
            tr.history_reacts_to,
            &[
                ("n", &reasons.len()),
                ("why", &why.join(tr.dash_list_separator)),
            ],
        ))
    }

    /// The need's shortlist: what was shortlisted, each with a way off it, and the export.
    fn shortlist_ui(
        &mut self,
        ui: &mut Ui,
        need: NeedId,
        rows: Option<&Catalog<AchievementRow>>,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let mut on_list: Vec<&StandingDecision> = self
            .standing
            .get()
            .map(|s| {
                s.values()
                    .filter(|d| d.need == Some(need) && d.decision == Decision::Proposed)
                    .collect()
            })
            .unwrap_or_default();
        on_list.sort_by_key(|d| d.achievement);
        if ui.button(tr.export_shortlist).clicked() {
            cmds.push(Command::ExportShortlist(need));
        }
        egui::CollapsingHeader::new(fill(tr.shortlist_title, &[("n", &on_list.len())]))
            .id_salt("shortlist")
            .default_open(true)
            .show(ui, |ui| {
                if on_list.is_empty() {
                    ui.weak(tr.shortlist_none);
                }
                for d in &on_list {
                    ui.horizontal(|ui| {
                        let title = rows
                            .and_then(|r| r.get(d.achievement))
                            .map_or_else(|| d.achievement.to_string(), |a| a.title.clone());
                        ui.label(title);
                        if ui.small_button(tr.unshortlist).clicked() {
                            cmds.push(Command::Decide(Box::new(DecisionInput::unscored(
                                d.need,
                                d.achievement,
                                d.enterprise,
                                Decision::Withdrawn,
                            ))));
                        }
                    });
                }
            });
    }

    fn table(
        &mut self,
        ui: &mut Ui,
        index: &MatchIndex,
        (rows, needs): (Option<&Catalog<AchievementRow>>, Option<&Catalog<NeedRow>>),
        subject: Subject,
        tr: &Tr,
    ) {
        let by_enterprise = direction_of(subject) == Direction::AchievementToEnterprises;
        let mut clicked = None;
        let standing = self.standing.get();
        crate::ui::widgets::fitted_table(ui, "candidates")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            // The candidate's title takes what is left, so the table fits from a 1024-pixel
            // window up and the breakdown below it keeps the window's width.
            .column(Column::initial(110.0))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::initial(200.0).at_least(80.0).clip(true))
            .column(Column::initial(110.0))
            .column(Column::initial(90.0).at_least(70.0))
            .header(24.0, |mut header| {
                let titles = [
                    tr.col_score,
                    tr.col_candidate,
                    if by_enterprise {
                        tr.col_via_need
                    } else {
                        tr.col_owner
                    },
                    tr.col_stage,
                    tr.col_price,
                ];
                for title in titles {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, self.results.len(), |mut row| {
                    let i = row.index();
                    let Some(c) = self.results.get(i) else {
                        return;
                    };
                    let this = Some(pair(c));
                    row.set_selected(self.selected == this);
                    let a = rows.and_then(|r| r.get(c.achievement));
                    row.col(|ui| {
                        ui.add(
                            egui::ProgressBar::new(c.breakdown.score / 100.0)
                                .text(format!("{:.0}", c.breakdown.score))
                                .desired_width(100.0),
                        );
                    });
                    row.col(|ui| {
                        let name = if by_enterprise {
                            index
                                .enterprise(c.enterprise)
                                .map(|e| e.name.to_string())
                                .unwrap_or_default()
                        } else {
                            a.map(|a| a.title.clone()).unwrap_or_default()
                        };
                        let shortlisted = standing
                            .and_then(|s| s.get(&pair(c)))
                            .is_some_and(|d| d.decision == Decision::Proposed);
                        let text = if c.rejected {
                            format!("{name}（{}）", tr.rejected_mark)
                        } else if shortlisted {
                            format!("{name}（{}）", tr.shortlisted_mark)
                        } else {
                            name
                        };
                        if ui.selectable_label(self.selected == this, text).clicked() {
                            clicked = this;
                        }
                    });
                    row.col(|ui| {
                        if by_enterprise {
                            if let Some(n) = c.need.and_then(|n| index.need(n)) {
                                ui.label(need_label(needs, tr, n));
                            }
                        } else if let Some(a) = a {
                            ui.label(&*a.owner_name);
                        }
                    });
                    row.col(|ui| {
                        if let Some(a) = a {
                            ui.label(format!("TRL {} · {}", a.trl, tr.stage(a.stage)));
                        }
                    });
                    row.col(|ui| {
                        if let Some(a) = a {
                            ui.label(tr.price_wan(a.price));
                        }
                    });
                    if row.response().clicked() {
                        clicked = this;
                    }
                });
            });
        if clicked.is_some() {
            self.selected = clicked;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn detail(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        index: &MatchIndex,
        subject: Subject,
        weights: &Weights,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let Some(c) = self.selected.and_then(|p| find(&self.results, p)).cloned() else {
            return;
        };
        if self
            .texts
            .as_ref()
            .is_none_or(|t| t.key != (subject, pair(&c)))
        {
            self.texts = load_texts(store, index, subject, &c);
        }
        egui::ScrollArea::vertical()
            .id_salt("match_detail")
            .show(ui, |ui| {
                let standing = self.standing.get().and_then(|s| s.get(&pair(&c)));
                if let Some(StandingDecision {
                    decision: Decision::Rejected(reason),
                    note,
                    ..
                }) = standing
                {
                    let why = if note.is_empty() {
                        tr.reject_reason(*reason).to_string()
                    } else {
                        format!("{}：{note}", tr.reject_reason(*reason))
                    };
                    ui.horizontal(|ui| {
                        error_text(ui, &fill(tr.rejected_because, &[("why", &why)]));
                        if ui.button(tr.undo_reject).clicked() {
                            cmds.push(decide(&c, Decision::Withdrawn, String::new()));
                        }
                    });
                }
                let shortlisted = standing.is_some_and(|d| d.decision == Decision::Proposed);
                ui.horizontal(|ui| {
                    if shortlisted {
                        if ui.button(tr.unshortlist).clicked() {
                            cmds.push(decide(&c, Decision::Withdrawn, String::new()));
                        }
                    } else if ui.button(tr.shortlist).clicked() {
                        cmds.push(decide(&c, Decision::Proposed, String::new()));
                    }
                    if ui.button(tr.accept).clicked() {
                        cmds.push(decide(&c, Decision::Accepted, String::new()));
                    }
                    if ui.button(tr.reject).clicked() {
                        self.reject = Some(RejectDialog {
                            candidate: pair(&c),
                            reason: RejectReason::TooEarly,
                            note: String::new(),
                        });
                    }
                    if ui.link(tr.open_achievement).clicked() {
                        cmds.push(Command::Navigate(Screen::Achievement(c.achievement)));
                    }
                    if c.breakdown.values.get(Part::Maturity) < 1.0
                        && let Some(t) = &self.texts
                        && ui
                            .button(tr.pj_send)
                            .on_hover_text(tr.pj_send_hint)
                            .clicked()
                    {
                        cmds.push(Command::Maturation(MaturationCommand::Start(
                            maturation_draft(&c, t, today()),
                        )));
                    }
                });
                let history = self.history_note(index, &c, tr);
                ui.columns(2, |cols| {
                    breakdown_ui(&mut cols[0], &c, weights, history.as_deref(), tr);
                    if let Some(t) = &self.texts {
                        texts_ui(&mut cols[1], t, tr);
                    }
                });
            });
    }

    fn reject_dialog(
        &mut self,
        ui: &mut Ui,
        index: &MatchIndex,
        rows: Option<&Catalog<AchievementRow>>,
        subject: Subject,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let Some(dialog) = &mut self.reject else {
            return;
        };
        let mut close = false;
        let mut confirmed = false;
        let modal = egui::Modal::new(egui::Id::unique("reject_dialog")).show(ui.ctx(), |ui| {
            ui.heading(tr.reject_title);
            if let Some(c) = find(&self.results, dialog.candidate) {
                ui.label(candidate_name(index, rows, subject, c));
            }
            egui::Grid::new("reject_form")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label(tr.reject_reason);
                    combo(
                        ui,
                        "reject_reason",
                        &mut dialog.reason,
                        &RejectReason::ALL,
                        |r| tr.reject_reason(r),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(tr.reject_note);
                    ui.add(egui::TextEdit::multiline(&mut dialog.note).desired_rows(2))
                        .labelled_by(label.id);
                    ui.end_row();
                });
            ui.horizontal(|ui| {
                confirmed = ui.button(tr.confirm_reject).clicked();
                close = ui.button(tr.cancel).clicked();
            });
        });
        if confirmed {
            if let Some(c) = find(&self.results, dialog.candidate) {
                cmds.push(decide(
                    c,
                    Decision::Rejected(dialog.reason),
                    dialog.note.clone(),
                ));
            }
            self.selected = None;
            close = true;
        }
        if close || modal.should_close() {
            self.reject = None;
        }
    }
}

fn decide(c: &Candidate, decision: Decision, note: String) -> Command {
    Command::Decide(Box::new(DecisionInput {
        need: c.need,
        achievement: c.achievement,
        enterprise: c.enterprise,
        decision,
        note,
        breakdown: c.breakdown.clone(),
    }))
}

/// A need's title as every list shows it, the confidential mark included (the index has no
/// mark of its own; the need catalogue has).
fn need_label(needs: Option<&Catalog<NeedRow>>, tr: &Tr, n: &NeedDoc) -> String {
    let confidential = needs
        .and_then(|c| c.get(n.id))
        .is_some_and(|r| r.confidential);
    tr.need_title(&n.title, confidential)
}

fn subject_title(
    index: &MatchIndex,
    catalogs: &Catalogs,
    clients: &[ClientRow],
    subject: Subject,
    tr: &Tr,
) -> String {
    match subject {
        Subject::Need(id) => index.need(id).map_or_else(String::new, |n| {
            let title = need_label(catalogs.needs.ready(), tr, n);
            format!("{title} · {}", n.enterprise_name)
        }),
        Subject::Achievement(id) => catalogs
            .achievements
            .ready()
            .and_then(|c| c.get(id))
            .map_or_else(String::new, |a| format!("{} · {}", a.title, a.owner_name)),
        Subject::Enterprise(id) => clients
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| tr.not_found.to_string(), |c| c.name.clone()),
    }
}

fn candidate_name(
    index: &MatchIndex,
    rows: Option<&Catalog<AchievementRow>>,
    subject: Subject,
    c: &Candidate,
) -> String {
    if direction_of(subject) == Direction::AchievementToEnterprises {
        index
            .enterprise(c.enterprise)
            .map(|e| e.name.to_string())
            .unwrap_or_default()
    } else {
        rows.and_then(|r| r.get(c.achievement))
            .map(|a| a.title.clone())
            .unwrap_or_default()
    }
}

/// The need's text (or the enterprise's profile) and the achievement's, for highlighting.
fn load_texts(store: &Store, index: &MatchIndex, subject: Subject, c: &Candidate) -> Option<Texts> {
    let texts = pair_texts(store, index, c).ok()?;
    let (a, achievement_text) = texts.achievement?;
    let (need_title, need_text) = match texts.need {
        Some(need) => need,
        None => {
            let e = index.enterprise(c.enterprise)?;
            (e.name.to_string(), e.industry.to_string())
        }
    };
    let shared = index.shared_terms(&need_text, &achievement_text);
    // An association's terms are highlighted on their own side: the need's term in the need,
    // the term it stands for in the achievement.
    let mut left = shared.clone();
    left.extend(c.associations.iter().map(|a| a.need_term.clone()));
    let mut right = shared.clone();
    right.extend(c.associations.iter().map(|a| a.term.clone()));
    Some(Texts {
        key: (subject, pair(c)),
        achievement_stage: a.data.stage,
        left_marks: highlight_mask(&need_text, &left),
        right_marks: highlight_mask(&achievement_text, &right),
        shared,
        left_title: need_title,
        left: need_text,
        right_title: a.data.title.clone(),
        right: achievement_text,
    })
}

fn breakdown_ui(ui: &mut Ui, c: &Candidate, weights: &Weights, history: Option<&str>, tr: &Tr) {
    ui.strong(format!("{} {:.0}", tr.breakdown, c.breakdown.score));
    // First, where it cannot scroll out of sight: why text relevance found other words.
    if !c.associations.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr.associations_used).weak());
            for a in &c.associations {
                ui.label(format!(
                    "{} → {}（{}）",
                    a.need_term,
                    a.term,
                    tr.association_source(a.source)
                ));
            }
        });
    }
    let total: f32 = Part::ALL.iter().map(|p| weights.get(*p).max(0.0)).sum();
    egui::Grid::new("breakdown")
        .num_columns(3)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for part in Part::ALL {
                let max = if total > 0.0 {
                    100.0 * weights.get(part).max(0.0) / total
                } else {
                    0.0
                };
                let got = c.breakdown.contribution(part);
                ui.label(tr.part(part));
                ui.add(
                    egui::ProgressBar::new(if max > 0.0 { got / max } else { 0.0 })
                        .desired_width(160.0),
                );
                ui.label(format!("{got:.1} / {max:.0}"));
                ui.end_row();
                if let (Part::History, Some(note)) = (part, history) {
                    ui.label("");
                    ui.label(RichText::new(note).weak());
                    ui.end_row();
                }
            }
        });
}

fn texts_ui(ui: &mut Ui, t: &Texts, tr: &Tr) {
    ui.strong(tr.matched_terms);
    ui.add(egui::Label::new(t.shared.join(tr.dash_list_separator)).wrap());
    ui.add_space(6.0);
    ui.label(RichText::new(&t.left_title).strong());
    ui.add(egui::Label::new(highlighted(ui, &t.left, &t.left_marks)).wrap());
    ui.add_space(6.0);
    ui.label(RichText::new(&t.right_title).strong());
    ui.add(egui::Label::new(highlighted(ui, &t.right, &t.right_marks)).wrap());
}

/// `text` with the characters of matched terms on a highlight.
fn highlighted(ui: &Ui, text: &str, mask: &[bool]) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let marked = TextFormat {
        font_id: font,
        color: ui.visuals().strong_text_color(),
        background: if ui.visuals().dark_mode {
            Color32::from_rgb(90, 70, 10)
        } else {
            Color32::from_rgb(255, 230, 140)
        },
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    let mut buf = String::new();
    let mut current = None;
    for (c, on) in text.chars().zip(mask.iter().copied()) {
        if current.is_some_and(|cur| cur != on) {
            job.append(
                &buf,
                0.0,
                if current == Some(true) {
                    marked.clone()
                } else {
                    plain.clone()
                },
            );
            buf.clear();
        }
        current = Some(on);
        buf.push(c);
    }
    if !buf.is_empty() {
        job.append(
            &buf,
            0.0,
            if current == Some(true) { marked } else { plain },
        );
    }
    job
}

/// A project to mature the candidate's achievement for the enterprise (and need) waiting for
/// it: a proof of concept below small trial, a pilot above; six months from today.
fn maturation_draft(c: &Candidate, t: &Texts, today: chrono::NaiveDate) -> ProjectDraft {
    let kind = if t.achievement_stage < crate::domain::Stage::SmallTrial {
        ProjectKind::ProofOfConcept
    } else {
        ProjectKind::Pilot
    };
    let end = today
        .checked_add_months(chrono::Months::new(6))
        .unwrap_or(today);
    ProjectDraft {
        kind,
        title: t.right_title.clone(),
        achievement: Some(c.achievement),
        enterprise: Some(c.enterprise),
        need: c.need,
        start: today.to_string(),
        planned_end: end.to_string(),
        ..ProjectDraft::default()
    }
}

/// For the status line after a decision.
pub fn decision_status(tr: &Tr, decision: Decision, deal: Option<DealId>) -> String {
    match (decision, deal) {
        (Decision::Accepted, Some(id)) => fill(tr.accepted_deal, &[("id", &id)]),
        (Decision::Rejected(_), _) => tr.rejected_done.to_string(),
        (Decision::Withdrawn, _) => tr.withdrawn_done.to_string(),
        _ => tr.shortlisted.to_string(),
    }
}

impl View for MatchingScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.store, cx.catalogs, cx.clients, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        match event {
            Event::SynonymAdded => {
                self.thesaurus.draft = SynonymDraft::default();
                self.thesaurus.errors = FieldErrors::new();
            }
            Event::SynonymRefused(errors) => self.thesaurus.errors = errors.clone(),
            _ => {}
        }
    }
}
