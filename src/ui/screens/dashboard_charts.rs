//! The dashboard's four bar charts, two to a row when the window is wide enough. Hovering a bar
//! shows its figures.

use egui::{Color32, Ui};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Plot, uniform_grid_spacer};

use crate::domain::dashboard::{Dashboard, Tally};
use crate::i18n::{Tr, fill};

const CHART_HEIGHT: f32 = 220.0;
/// A horizontal chart grows so each name on its axis has room to show.
const ROW_HEIGHT: f32 = 28.0;
/// Narrower than this, the charts stack one per row.
const CHART_MIN_WIDTH: f32 = 420.0;
/// Room for the category names on the axis of the horizontal charts.
const NAME_AXIS_WIDTH: f32 = 90.0;

/// One bar: where it is labelled on its axis, its height, and what hovering it says.
struct Item {
    name: String,
    value: f64,
    tip: String,
}

struct Chart {
    title: String,
    items: Vec<Item>,
    /// Bars lying along the value axis with the names on the left, first at the top.
    horizontal: bool,
    color: Color32,
    note: Option<String>,
    /// Said instead of the chart when every bar is zero.
    empty: &'static str,
}

fn tally_tip(tr: &Tr, name: &str, t: Tally) -> String {
    fill(
        tr.dash_bar_tip,
        &[
            ("name", &name),
            ("n", &t.count),
            ("amount", &t.amount.wan_text()),
        ],
    )
}

/// Amounts are drawn in 万元; the exact fen are in the tip.
fn wan(t: Tally) -> f64 {
    t.amount.fen() as f64 / 1_000_000.0
}

fn charts(d: &Dashboard, tr: &Tr) -> [Chart; 4] {
    let monthly = d
        .monthly
        .iter()
        .map(|m| {
            let month = fill(tr.dash_month, &[("year", &m.year), ("month", &m.month)]);
            Item {
                tip: tally_tip(tr, &month, m.tally),
                name: format!("{:02}", m.month),
                value: wan(m.tally),
            }
        })
        .collect();
    let funnel = d
        .funnel
        .iter()
        .map(|s| {
            let name = tr.deal_stage(s.stage).to_string();
            Item {
                tip: tally_tip(tr, &name, s.tally),
                value: s.tally.count as f64,
                name,
            }
        })
        .collect();
    let fields = d
        .by_field
        .iter()
        .map(|f| {
            let name = if f.field.is_empty() {
                tr.dash_no_field.to_string()
            } else {
                f.field.clone()
            };
            Item {
                tip: tally_tip(tr, &name, f.tally),
                value: f.tally.count as f64,
                name,
            }
        })
        .collect();
    let c = d.conversion;
    let conversion = [
        (tr.conv_shortlisted, c.shortlisted),
        (tr.conv_accepted, c.accepted),
        (tr.conv_signed, c.signed),
    ]
    .into_iter()
    .map(|(name, n)| Item {
        tip: fill(tr.dash_pairs_tip, &[("name", &name), ("n", &n)]),
        name: name.to_string(),
        value: n as f64,
    })
    .collect();
    [
        Chart {
            title: tr.chart_monthly.to_string(),
            items: monthly,
            horizontal: false,
            color: Color32::from_rgb(66, 133, 244),
            note: None,
            empty: tr.chart_monthly_empty,
        },
        Chart {
            title: tr.chart_funnel.to_string(),
            items: funnel,
            horizontal: true,
            color: Color32::from_rgb(52, 168, 83),
            note: None,
            empty: tr.chart_deals_empty,
        },
        Chart {
            title: tr.chart_fields.to_string(),
            items: fields,
            horizontal: true,
            color: Color32::from_rgb(251, 140, 0),
            note: None,
            empty: tr.chart_deals_empty,
        },
        Chart {
            title: tr.chart_conversion.to_string(),
            items: conversion,
            horizontal: false,
            color: Color32::from_rgb(142, 68, 173),
            note: c
                .signed_rate()
                .map(|r| fill(tr.conv_rate, &[("rate", &format!("{r:.1}"))])),
            empty: tr.chart_conversion_empty,
        },
    ]
}

pub fn charts_ui(ui: &mut Ui, d: &Dashboard, tr: &Tr) {
    let spacing = ui.spacing().item_spacing.x;
    let per_row = if ui.available_width() >= 2.0 * CHART_MIN_WIDTH + spacing {
        2
    } else {
        1
    };
    // Room for the scroll bar on the right.
    let available = ui.available_width() - 8.0;
    let width = (available - spacing * (per_row as f32 - 1.0)) / per_row as f32;
    let all = charts(d, tr);
    for (row, pair) in all.chunks(per_row).enumerate() {
        ui.horizontal_top(|ui| {
            for (i, chart) in pair.iter().enumerate() {
                ui.push_id(row * per_row + i, |ui| {
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        chart_ui(ui, chart, width);
                    });
                });
            }
        });
        ui.add_space(8.0);
    }
}

fn chart_ui(ui: &mut Ui, chart: &Chart, width: f32) {
    ui.strong(&chart.title);
    // Axes from -3 to 3 around nothing say nothing: say it in words.
    if chart.items.iter().all(|i| i.value == 0.0) {
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(width, CHART_HEIGHT), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
        ui.put(
            rect,
            egui::Label::new(egui::RichText::new(chart.empty).weak()),
        );
        return;
    }
    let n = chart.items.len();
    // The first item sits at the top of a horizontal chart.
    let position = |i: usize| {
        if chart.horizontal {
            (n - 1 - i) as f64
        } else {
            i as f64
        }
    };
    let bars: Vec<Bar> = chart
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| Bar::new(position(i), item.value).name(&item.tip).width(0.7))
        .collect();
    let mut bar_chart = BarChart::new(&chart.title, bars)
        .color(chart.color)
        .element_formatter(Box::new(|bar, _| bar.name.clone()));
    let names: Vec<String> = chart.items.iter().map(|i| i.name.clone()).collect();
    let name_at = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        let v = mark.value;
        if v.fract() != 0.0 || v < 0.0 {
            return String::new();
        }
        let i = v as usize;
        let index = if chart.horizontal {
            n.checked_sub(1 + i)
        } else {
            Some(i)
        };
        index
            .and_then(|i| names.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let height = if chart.horizontal {
        CHART_HEIGHT.max(n as f32 * ROW_HEIGHT + 40.0)
    } else {
        CHART_HEIGHT
    };
    let mut plot = Plot::new(&chart.title)
        .width(width)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true]);
    // Every category is named, so the names may sit closer than egui_plot's default spacing.
    if chart.horizontal {
        bar_chart = bar_chart.horizontal();
        plot = plot
            .include_x(0.0)
            .show_grid([true, false])
            .y_grid_spacer(uniform_grid_spacer(|_| [1.0, 10.0, 100.0]))
            .custom_y_axes(vec![
                AxisHints::new_y()
                    .formatter(name_at)
                    .label_spacing(14.0..=20.0)
                    .min_thickness(NAME_AXIS_WIDTH),
            ]);
    } else {
        plot = plot
            .include_y(0.0)
            .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 10.0, 100.0]))
            .custom_x_axes(vec![
                AxisHints::new_x()
                    .formatter(name_at)
                    .label_spacing(24.0..=30.0),
            ]);
    }
    plot.show(ui, |plot_ui| plot_ui.add(bar_chart));
    if let Some(note) = &chart.note {
        ui.label(note);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dashboard::{Conversion, MonthTally, StageTally};
    use crate::domain::{DealStage, Money};
    use crate::i18n::{EN, ZH};

    #[test]
    fn bars_carry_their_figures_for_hovering() {
        let tally = Tally {
            count: 3,
            amount: Money::from_yuan(1_205_000),
        };
        let dash = Dashboard {
            monthly: vec![MonthTally {
                year: 2026,
                month: 3,
                tally,
            }],
            funnel: vec![
                StageTally {
                    stage: DealStage::Lead,
                    tally: Tally::default(),
                },
                StageTally {
                    stage: DealStage::Signed,
                    tally,
                },
            ],
            conversion: Conversion {
                shortlisted: 8,
                accepted: 4,
                signed: 1,
            },
            ..Dashboard::default()
        };
        let [monthly, funnel, fields, conversion] = charts(&dash, &ZH);
        assert_eq!(monthly.items[0].name, "03");
        assert_eq!(monthly.items[0].tip, "2026年3月\n3 个交易 · 120.50 万元");
        assert_eq!(monthly.items[0].value, 120.5);
        assert_eq!(funnel.items[1].tip, "签约\n3 个交易 · 120.50 万元");
        assert_eq!(funnel.items[1].value, 3.0, "the funnel counts deals");
        assert!(fields.items.is_empty());
        let values: Vec<f64> = conversion.items.iter().map(|i| i.value).collect();
        assert_eq!(values, [8.0, 4.0, 1.0]);
        assert_eq!(conversion.note.as_deref(), Some("接受后签约率 25.0%"));
        let [_, _, _, english] = charts(&dash, &EN);
        assert_eq!(english.items[2].tip, "Signed: 1");
    }
}
