//! Import fixtures written the way the world writes files, and the harness that imports them as a
//! user does: `techbroker import FILE --kind K --db DB [args]` on a new empty database in a
//! temporary directory, then everything stored read back through `techbroker export` (see
//! `export.rs`, the only place that knows the export format) and compared with what a broker
//! expects (`expect.rs`).
//!
//! The files are made by the tests (`build.rs`); none is a copy of anyone's real file.

#![allow(dead_code)]

pub mod build;
pub mod expect;
pub mod export;
pub mod held_out;
pub mod records;

use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use tempfile::TempDir;

use records::Stored;

/// The binary under test, built by cargo for this test run.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_techbroker"))
}

/// The user's language, as the locale says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    fn locale(self) -> &'static str {
        match self {
            Lang::Zh => "zh_CN.UTF-8",
            Lang::En => "en_US.UTF-8",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Clients,
    Achievements,
    Needs,
    Deals,
}

impl Kind {
    fn arg(self) -> &'static str {
        match self {
            Kind::Clients => "clients",
            Kind::Achievements => "achievements",
            Kind::Needs => "needs",
            Kind::Deals => "deals",
        }
    }
}

/// A command for the binary with the locale set and the user's directories inside `home`, so a
/// mapping saved by one case cannot reach another.
fn command(lang: Lang, home: &Path) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env("LANG", lang.locale())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"));
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A new empty database, made once by `techbroker gen` with no records and copied for each case.
fn empty_database() -> &'static Path {
    static EMPTY: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = EMPTY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("empty.sqlite");
        let out = command(Lang::En, dir.path())
            .args([
                "gen",
                "--clients",
                "0",
                "--achievements",
                "0",
                "--needs",
                "0",
                "--db",
            ])
            .arg(&path)
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "gen: {}", text(&out.stderr));
        (dir, path)
    });
    path
}

/// The database a case starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A new database with nothing in it.
    Empty,
    /// No file at the path yet.
    NoFile,
}

/// One import, as a user would type it.
pub struct Import {
    kind: Kind,
    file_name: String,
    bytes: Vec<u8>,
    args: Vec<String>,
    lang: Lang,
    start: Start,
    measure: bool,
}

impl Import {
    /// `techbroker import FILE --kind K --create-owners`, in Chinese, into a new empty database.
    pub fn new(kind: Kind, file_name: &str, bytes: impl Into<Vec<u8>>) -> Import {
        Import {
            kind,
            file_name: file_name.to_owned(),
            bytes: bytes.into(),
            args: vec!["--create-owners".to_owned()],
            lang: Lang::Zh,
            start: Start::Empty,
            measure: false,
        }
    }

    pub fn arg(mut self, arg: &str) -> Import {
        self.args.push(arg.to_owned());
        self
    }

    pub fn lang(mut self, lang: Lang) -> Import {
        self.lang = lang;
        self
    }

    pub fn start(mut self, start: Start) -> Import {
        self.start = start;
        self
    }

    /// Run under `/usr/bin/time -v` for the peak resident memory, and under an address-space limit
    /// (3 GiB, through `prlimit`) so a runaway allocation fails here instead of taking the shared
    /// machine's memory.
    pub fn measured(mut self) -> Import {
        self.measure = true;
        self
    }

    pub fn run(self) -> Outcome {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join(&self.file_name);
        std::fs::write(&file, &self.bytes).expect("the fixture is written");
        let db = dir.path().join("techbroker.sqlite");
        if self.start == Start::Empty {
            std::fs::copy(empty_database(), &db).expect("the empty database is copied");
        }
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).expect("a home directory");

        let mut cmd = command(self.lang, &home);
        let mut wrapped = Vec::new();
        let mut measured = false;
        if self.measure {
            if Path::new("/usr/bin/prlimit").exists() {
                wrapped.extend([
                    "/usr/bin/prlimit".to_owned(),
                    "--as=3221225472".to_owned(),
                    "--".to_owned(),
                ]);
            } else {
                eprintln!(
                    "note: prlimit is missing; the hostile workbook runs without a memory limit"
                );
            }
            if Path::new("/usr/bin/time").exists() {
                wrapped.extend(["/usr/bin/time".to_owned(), "-v".to_owned()]);
                measured = true;
            } else {
                eprintln!(
                    "note: /usr/bin/time is missing (Debian package `time`); peak memory not checked"
                );
            }
        }
        if !wrapped.is_empty() {
            let program = wrapped.remove(0);
            let mut inner = Command::new(program);
            inner.args(&wrapped).arg(bin());
            for (k, v) in cmd.get_envs() {
                match v {
                    Some(v) => inner.env(k, v),
                    None => inner.env_remove(k),
                };
            }
            cmd = inner;
        }
        cmd.arg("import")
            .arg(&file)
            .args(["--kind", self.kind.arg(), "--db"])
            .arg(&db)
            .args(&self.args);
        let output = cmd.output().expect("the binary runs");
        let mut outcome = Outcome::from_output(&self, output, measured);
        outcome.stored = if db.exists() {
            let dangling = dangling_references(&db);
            assert!(
                dangling.is_empty(),
                "{}: references to no record: {dangling:?}",
                self.file_name
            );
            export::read_back(bin(), &db, dir.path())
        } else {
            Stored::default()
        };
        outcome.dir = Some(dir);
        outcome
    }
}

/// The rows whose references name no record, as `table row → parent`: an import writes its
/// references without SQLite's checks, trusting its own lookups.
fn dangling_references(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("the database opens");
    let mut stmt = conn
        .prepare("PRAGMA foreign_key_check")
        .expect("the check runs");
    stmt.query_map([], |r| {
        Ok(format!(
            "{} {:?} → {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?
        ))
    })
    .expect("the check runs")
    .collect::<Result<_, _>>()
    .expect("the check's rows are read")
}

/// What the import did and what the database holds afterwards.
pub struct Outcome {
    pub file_name: String,
    pub kind: Kind,
    pub args: Vec<String>,
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub peak_rss_kb: Option<u64>,
    pub stored: Stored,
    dir: Option<TempDir>,
}

fn time_report_value<'a>(stderr: &'a str, label: &str) -> Option<&'a str> {
    stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix(label))
        .map(str::trim)
}

impl Outcome {
    fn from_output(import: &Import, output: Output, measured: bool) -> Outcome {
        let stderr = text(&output.stderr);
        let (mut code, mut signal) = (output.status.code(), output.status.signal());
        let mut peak = None;
        let mut program_stderr = stderr.clone();
        if measured {
            // GNU time appends its report to the program's stderr, after a line saying how the
            // program ended when it did not exit 0.
            let report = [
                "Command exited with non-zero status",
                "Command terminated by signal",
                "\tCommand being timed:",
            ]
            .iter()
            .filter_map(|marker| stderr.find(marker))
            .min();
            if let Some(at) = report {
                program_stderr = stderr[..at].to_owned();
            }
            peak = time_report_value(&stderr, "Maximum resident set size (kbytes):")
                .and_then(|v| v.parse().ok());
            if let Some(sig) = stderr
                .lines()
                .find_map(|l| l.trim().strip_prefix("Command terminated by signal"))
            {
                signal = sig.trim().parse().ok();
                code = None;
            } else if let Some(status) = time_report_value(&stderr, "Exit status:") {
                code = status.parse().ok();
            }
        }
        Outcome {
            file_name: import.file_name.clone(),
            kind: import.kind,
            args: import.args.clone(),
            code,
            signal,
            stdout: text(&output.stdout),
            stderr: program_stderr,
            peak_rss_kb: peak,
            stored: Stored::default(),
            dir: None,
        }
    }
}

/// A database filled for a round trip: generated demo data, or a file imported first.
pub struct Source {
    dir: TempDir,
    db: PathBuf,
}

impl Source {
    /// `techbroker gen` with these counts and seed.
    pub fn generated(clients: u32, achievements: u32, needs: u32, seed: u64) -> Source {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = dir.path().join("source.sqlite");
        let out = command(Lang::En, dir.path())
            .arg("gen")
            .args(["--clients", &clients.to_string()])
            .args(["--achievements", &achievements.to_string()])
            .args(["--needs", &needs.to_string()])
            .args(["--seed", &seed.to_string(), "--db"])
            .arg(&db)
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "gen: {}", text(&out.stderr));
        Source { dir, db }
    }

    /// A new database with `bytes` imported into it (the import must succeed: it only sets the
    /// scene for the round trip under test).
    pub fn imported(kind: Kind, file_name: &str, bytes: &[u8]) -> Source {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = dir.path().join("source.sqlite");
        std::fs::copy(empty_database(), &db).expect("the empty database is copied");
        let file = dir.path().join(file_name);
        std::fs::write(&file, bytes).expect("the file is written");
        let out = command(Lang::Zh, dir.path())
            .arg("import")
            .arg(&file)
            .args(["--kind", kind.arg(), "--create-owners", "--db"])
            .arg(&db)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "setting up the source database failed: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        Source { dir, db }
    }

    /// The list exported as a user exports it: `format` is csv, xlsx or json, in `lang`.
    pub fn export(&self, kind: Kind, format: &str, lang: Lang) -> Vec<u8> {
        let out_file = self
            .dir
            .path()
            .join(format!("export-{}-{lang:?}.{format}", kind.arg()));
        let out = command(lang, self.dir.path())
            .args(["export", "--kind", kind.arg(), "--format", format, "--out"])
            .arg(&out_file)
            .arg("--db")
            .arg(&self.db)
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "export: {}", text(&out.stderr));
        std::fs::read(&out_file).expect("the export was written")
    }

    pub fn stored(&self) -> Stored {
        export::read_back(bin(), &self.db, self.dir.path())
    }
}
