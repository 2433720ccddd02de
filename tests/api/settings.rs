//! Every documented setting as an operator writes it: an environment variable, then an
//! unquoted TOML value in a `--config` file; the real `mentorat serve` must start with
//! each, and stop with a line naming the variable or the file and key when one is wrong.

use mentorat_store::testing::TestDatabase;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `mentorat` process with nothing but `PATH` inherited, run from a temporary folder
/// (so that no `mentorat.toml` lying around is read).
fn mentorat(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mentorat"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .current_dir(dir);
    command
}

/// A port that was free a moment ago (the server binds it itself).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The documented settings, each with a natural value: (key, value, TOML literal).
/// Numbers are unquoted in TOML; the proxies are a TOML array.
fn every_setting(db: &TestDatabase, port: u16) -> Vec<(&'static str, String, String)> {
    let text = |key, value: String| {
        let literal = format!("{value:?}");
        (key, value, literal)
    };
    let number = |key, value: u32| (key, value.to_string(), value.to_string());
    vec![
        text("database_url", db.url.clone()),
        text("listen", format!("127.0.0.1:{port}")),
        text("base_url", format!("http://127.0.0.1:{port}")),
        // A closed port: the mail worker only connects when there is something to send.
        text("smtp_url", format!("smtp://127.0.0.1:{}", free_port())),
        text(
            "smtp_from",
            "Mentorat <ne-pas-repondre@mentorat.example>".into(),
        ),
        text("log", "warn".into()),
        number("session_idle_minutes", 120),
        number("session_max_hours", 12),
        (
            "trusted_proxies",
            "127.0.0.1, 10.0.0.1".into(),
            r#"["127.0.0.1", "10.0.0.1"]"#.into(),
        ),
        number("rate_burst", 10),
        number("rate_refill_seconds", 60),
        text("association_name", "Mentorat Oise".into()),
        text(
            "association_address",
            "1 rue de Paris\\n60200 Compiègne".into(),
        ),
        text("association_registration", "W601234567".into()),
        text("association_publisher", "Marie Curie".into()),
        text("association_host", "Hébergeur SAS, Paris".into()),
        text(
            "association_privacy_contact",
            "donnees@mentorat.example".into(),
        ),
        text(
            "association_membership_url",
            "https://mentorat.example/adherer".into(),
        ),
        text(
            "association_donation_url",
            "https://mentorat.example/don".into(),
        ),
        text(
            "association_support_text",
            "Chaque don finance une conférence.".into(),
        ),
    ]
}

/// The legal notice shows the association's details as configured (several lines kept).
fn shows_the_association(legal: &str) {
    for detail in [
        "Mentorat Oise",
        "1 rue de Paris<br>60200 Compiègne",
        "W601234567",
        "Marie Curie",
        "donnees@mentorat.example",
    ] {
        assert!(legal.contains(detail), "{detail} missing from {legal}");
    }
}

fn variable(key: &str) -> String {
    format!("MENTORAT_{}", key.to_uppercase())
}

/// Kills the server when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `command serve`, waits until `/healthz` answers 200 (or the process exits),
/// and returns the legal notice it serves then (it shows the association's settings).
async fn serves(mut command: Command, port: u16) -> Result<String, String> {
    let child = command
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Running(child);
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some(status) = server.0.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(server.0.stderr.as_mut().unwrap(), &mut stderr).unwrap();
            return Err(format!("exited with {status}: {stderr}"));
        }
        let url = format!("http://127.0.0.1:{port}/healthz");
        if let Ok(response) = client.get(&url).send().await
            && response.status() == 200
        {
            let legal = format!("http://127.0.0.1:{port}/mentions-legales");
            let page = client.get(legal).send().await.map_err(|e| e.to_string())?;
            return page.text().await.map_err(|e| e.to_string());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("/healthz did not answer within 30 s".into())
}

/// Runs `serve` expecting a refusal; returns the one line it printed.
fn refused(mut command: Command) -> String {
    let output = command.arg("serve").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

#[tokio::test]
async fn every_documented_setting_starts_the_server_from_the_environment() {
    let db = TestDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut command = mentorat(dir.path());
    for (key, value, _) in every_setting(&db, port) {
        command.env(variable(key), value);
    }
    shows_the_association(&serves(command, port).await.unwrap());
}

#[tokio::test]
async fn every_documented_setting_starts_the_server_from_a_toml_file() {
    let db = TestDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let toml: String = every_setting(&db, port)
        .into_iter()
        .map(|(key, _, literal)| format!("{key} = {literal}\n"))
        .collect();
    let file = dir.path().join("mentorat.toml");
    std::fs::write(&file, toml).unwrap();
    let mut command = mentorat(dir.path());
    command.arg("--config").arg(&file);
    shows_the_association(&serves(command, port).await.unwrap());
}

#[tokio::test]
async fn an_invalid_variable_stops_start_up_naming_the_variable() {
    let db = TestDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    for (key, bad) in [
        ("rate_burst", "dix"),
        ("session_idle_minutes", "0"),
        ("trusted_proxies", "10.0.0.1,proxy"),
        ("association_donation_url", "javascript:alert(1)"),
        ("association_privacy_contact", "pas une adresse"),
    ] {
        let mut command = mentorat(dir.path());
        command
            .env("MENTORAT_DATABASE_URL", &db.url)
            .env(variable(key), bad);
        let line = refused(command);
        assert!(
            line.starts_with(&format!("mentorat: invalid setting {}: ", variable(key))),
            "{line}"
        );
    }
}

#[tokio::test]
async fn an_invalid_file_value_stops_start_up_naming_the_file_and_key() {
    let db = TestDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mentorat.toml");
    for (key, bad) in [
        ("rate_burst", "0"),
        ("session_max_hours", "12.5"),
        ("trusted_proxies", r#"["10.0.0.1", "proxy"]"#),
        ("listen", "8080"),
    ] {
        std::fs::write(&file, format!("{key} = {bad}\n")).unwrap();
        let mut command = mentorat(dir.path());
        command
            .env("MENTORAT_DATABASE_URL", &db.url)
            .arg("--config")
            .arg(&file);
        let line = refused(command);
        let named = format!("invalid setting {}: {key}: ", file.display());
        assert!(line.contains(&named), "{line}");
    }
}
