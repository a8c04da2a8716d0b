use std::path::PathBuf;

use clap::Parser;
use techbroker::paths::default_db_path;
use techbroker::ui::{StartOptions, TechBrokerApp, picker::NativePicker};

/// TechBroker · 技术经理人工作台 — a workbench for technology-transfer brokers.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Open (or create) this database file instead of the last one used.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
}

fn main() -> eframe::Result {
    let cli = Cli::parse();
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("TechBroker · 技术经理人工作台")
            .with_app_id("techbroker")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    let start = StartOptions {
        db: cli.db,
        default_db: default_db_path(),
        picker: Box::new(NativePicker),
        load_in_background: true,
    };
    eframe::run_native(
        "TechBroker",
        options,
        Box::new(|cc| Ok(Box::new(TechBrokerApp::new(cc, start)))),
    )
}
