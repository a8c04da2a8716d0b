use std::process::ExitCode;

use clap::Parser;
use techbroker::cli::{Cli, run};
use techbroker::paths::{default_db_path, sandbox_db_path};
use techbroker::ui::{StartOptions, TechBrokerApp, picker::NativePicker};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        let mut stdout = std::io::stdout().lock();
        return match run(command, cli.db.as_deref(), &mut stdout) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e:#}");
                ExitCode::FAILURE
            }
        };
    }
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
        sandbox_db: sandbox_db_path(),
        demo: cli.demo,
    };
    match eframe::run_native(
        "TechBroker",
        options,
        Box::new(|cc| Ok(Box::new(TechBrokerApp::new(cc, start)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("TechBroker could not open its window: {e}");
            ExitCode::FAILURE
        }
    }
}
