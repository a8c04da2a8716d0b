#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use clap::Parser;
use techbroker::cli::{Cli, run};
use techbroker::paths::{default_db_path, sandbox_db_path};
use techbroker::ui::{StartOptions, TechBrokerApp, picker::NativePicker};

const ICON_PNG: &[u8] = include_bytes!("../assets/icon/techbroker-256.png");

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
    #[cfg(windows)]
    release_own_console();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(techbroker::i18n::ZH.app_title)
        .with_app_id("techbroker")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0]);
    // The PNG is part of the binary; should it ever fail to decode, the window keeps the default.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport,
        ..Default::default()
    };
    let start = StartOptions {
        db: cli.db,
        default_db: default_db_path(),
        picker: Box::new(NativePicker::default()),
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

/// Started from Explorer or the Start menu, TechBroker (a console program, so that
/// `techbroker.exe gen …` prints in a terminal) gets a console of its own: let it go, so that only
/// the window stays. Started from a terminal, the console is shared and kept.
#[cfg(windows)]
fn release_own_console() {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
        fn FreeConsole() -> i32;
    }
    let mut ids = [0u32; 2];
    // SAFETY: the buffer holds as many entries as the count passed says.
    let attached = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    if attached == 1 {
        // SAFETY: FreeConsole only detaches this process; nothing here holds a console handle.
        unsafe { FreeConsole() };
    }
}
