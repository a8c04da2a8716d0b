#![allow(dead_code)]

//! A throwaway PostgreSQL cluster for the team tests: made by `initdb` in a temporary folder,
//! listening on 127.0.0.1 only, run as an ordinary user (PostgreSQL refuses root), stopped when
//! dropped. Where PostgreSQL is not installed, `start` says so loudly and the test does not run.

use std::path::PathBuf;
use std::process::Command;

use postgres::{Client, NoTls};

pub const SUPER_PASSWORD: &str = "super-secret";

pub struct PgCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
    as_postgres: bool,
    tls: bool,
}

fn bin_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("TECHBROKER_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(55432)
}

impl PgCluster {
    /// A running cluster, or None (said loudly) where PostgreSQL is not installed.
    pub fn start() -> Option<PgCluster> {
        PgCluster::start_with(false)
    }

    /// A cluster that offers TLS, with a self-signed certificate, and logs each connection.
    pub fn start_with_tls() -> Option<PgCluster> {
        PgCluster::start_with(true)
    }

    fn start_with(tls: bool) -> Option<PgCluster> {
        let Some(bin) = bin_dir() else {
            eprintln!(
                "\n!!!!!!!! PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): \
                 the team tests did NOT run. `apt-get install postgresql` (as .ci/run does) to run them.\n"
            );
            return None;
        };
        let as_postgres = is_root();
        let dir = tempfile::tempdir().expect("temporary folder");
        if as_postgres {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown of the cluster's folder failed");
        }
        let pwfile = dir.path().join("pw");
        std::fs::write(&pwfile, SUPER_PASSWORD).expect("password file");
        if as_postgres {
            Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&pwfile)
                .status()
                .expect("chown");
        }
        let cluster = PgCluster {
            dir,
            bin,
            port: 0,
            as_postgres,
            tls,
        };
        let data = cluster.data();
        let out = cluster
            .run("initdb")
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-N",
                "-E",
                "UTF8",
                "--locale=C",
            ])
            .arg(format!("--pwfile={}", pwfile.display()))
            .output()
            .expect("initdb runs");
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if tls {
            let out = cluster
                .command(PathBuf::from("openssl"))
                .args([
                    "req",
                    "-new",
                    "-x509",
                    "-days",
                    "2",
                    "-nodes",
                    "-subj",
                    "/CN=localhost",
                ])
                .arg("-keyout")
                .arg(data.join("server.key"))
                .arg("-out")
                .arg(data.join("server.crt"))
                .output()
                .expect("openssl runs");
            assert!(
                out.status.success(),
                "openssl: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Some(cluster.listen(data))
    }

    /// Starts the server on a free port (another may be taken between looking and starting).
    fn listen(mut self, data: PathBuf) -> PgCluster {
        for _ in 0..5 {
            self.port = free_port();
            if self.pg_ctl_start(&data) {
                return self;
            }
            let log = std::fs::read_to_string(self.log()).unwrap_or_default();
            assert!(
                log.contains("could not bind") || log.contains("already in use"),
                "PostgreSQL did not start: {log}"
            );
        }
        self.port = 0;
        panic!(
            "PostgreSQL found no free port; its log is in {}",
            self.dir.path().display()
        );
    }

    /// `pg_ctl start`, waiting until the server accepts connections.
    fn pg_ctl_start(&self, data: &std::path::Path) -> bool {
        let mut opts = format!(
            "-k {} -h 127.0.0.1 -p {} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            self.dir.path().display(),
            self.port
        );
        if self.tls {
            opts.push_str(" -c ssl=on -c log_connections=on");
        }
        self.run("pg_ctl")
            .arg("-D")
            .arg(data)
            .args(["-o", &opts, "-w", "-t", "600", "-l"])
            .arg(self.log())
            .arg("start")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, program: &str) -> Command {
        self.command(self.bin.join(program))
    }

    fn command(&self, path: PathBuf) -> Command {
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }

    /// The connection string of one of its databases, as a user would type it.
    pub fn url(&self, db: &str) -> String {
        format!("postgresql://127.0.0.1:{}/{db}", self.port)
    }

    pub fn superuser(&self, db: &str) -> Client {
        postgres::Config::new()
            .host("127.0.0.1")
            .port(self.port)
            .dbname(db)
            .user("postgres")
            .password(SUPER_PASSWORD)
            .connect(NoTls)
            .expect("superuser connects")
    }

    /// What an institution's IT does first: a database owned by the team's admin, who may add
    /// members. Returns its connection string.
    pub fn team_database(&self, db: &str, admin: &str, password: &str) -> String {
        let mut su = self.superuser("postgres");
        su.batch_execute(&format!(
            "CREATE ROLE \"{admin}\" LOGIN CREATEROLE PASSWORD '{password}'"
        ))
        .expect("team admin");
        su.batch_execute(&format!("CREATE DATABASE \"{db}\" OWNER \"{admin}\""))
            .expect("team database");
        self.url(db)
    }

    /// Connects as a member, the way psql would.
    pub fn connect_as(&self, db: &str, user: &str, password: &str) -> Client {
        postgres::Config::new()
            .host("127.0.0.1")
            .port(self.port)
            .dbname(db)
            .user(user)
            .password(password)
            .connect(NoTls)
            .expect("member connects")
    }

    /// Stops the server at once, as a pulled cable or a crashed server would end connections.
    pub fn stop(&self) {
        let out = self.pg_ctl_stop().expect("pg_ctl runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn pg_ctl_stop(&self) -> std::io::Result<std::process::Output> {
        self.run("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "-w", "stop"])
            .output()
    }

    /// Starts it again on the same port.
    pub fn restart(&self) {
        assert!(
            self.pg_ctl_start(&self.data()),
            "PostgreSQL did not start again"
        );
    }

    pub fn log(&self) -> PathBuf {
        self.dir.path().join("log")
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        if self.port != 0 {
            let _ = self.pg_ctl_stop();
        }
    }
}
