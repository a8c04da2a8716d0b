//! Gives the Windows executable its icon and version resource when cross-building with mingw
//! (`.ci/dist-windows`). Other targets need nothing from here.

use std::env;
use std::error::Error;
use std::path::PathBuf;
use std::process::Command;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=assets/installer/techbroker.rc");
    println!("cargo:rerun-if-changed=assets/icon/techbroker.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    let target_os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os != "windows" || target_env != "gnu" {
        return Ok(());
    }
    let windres = env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let out = PathBuf::from(env::var("OUT_DIR")?).join("techbroker-res.o");
    let version = env::var("CARGO_PKG_VERSION")?;
    let mut defines = vec![format!("VERSION_STRING=\\\"{version}\\\"")];
    for (name, part) in ["MAJOR", "MINOR", "PATCH"]
        .iter()
        .zip(version.split(['.', '-']))
    {
        defines.push(format!("VERSION_{name}={part}"));
    }
    let mut cmd = Command::new(&windres);
    cmd.args(["--input", "assets/installer/techbroker.rc"])
        .args(["--include-dir", "assets/icon"])
        .args(["--output-format", "coff", "--codepage", "65001"]);
    for define in &defines {
        cmd.arg(format!("--define={define}"));
    }
    let status = cmd.arg("--output").arg(&out).status().map_err(|e| {
        format!("{windres} could not be started (install gcc-mingw-w64-x86-64): {e}")
    })?;
    if !status.success() {
        return Err(format!("{windres} failed on assets/installer/techbroker.rc: {status}").into());
    }
    println!("cargo:rustc-link-arg-bins={}", out.display());
    Ok(())
}
