//! The `mentorat` binary as an operator uses it.

use mentorat_store::testing::TestDatabase;
use std::process::Command;

fn mentorat(db: &TestDatabase) -> Command {
    mentorat_with(&db.url)
}

#[tokio::test]
async fn an_invalid_setting_stops_start_up_with_one_line_naming_it() {
    let db = TestDatabase::create().await;
    let output = mentorat(&db)
        .env("MENTORAT_LISTEN", "partout")
        .arg("serve")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("MENTORAT_LISTEN"), "{stderr}");
}

#[tokio::test]
async fn migrate_then_demo_then_admin_create_work_from_the_command_line() {
    let db = TestDatabase::create().await;
    let migrate = mentorat(&db).arg("migrate").output().unwrap();
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );

    let demo = mentorat(&db).arg("demo").output().unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    assert!(String::from_utf8_lossy(&demo.stdout).contains("Demo data loaded"));
    let again = mentorat(&db).arg("demo").output().unwrap();
    assert!(
        String::from_utf8_lossy(&again.stdout).contains(" 0 records created"),
        "idempotent"
    );

    let admin = mentorat(&db)
        .env("MENTORAT_BASE_URL", "https://mentorat.example")
        .args(["admin", "create", "--email", "nouvelle@mentorat.example"])
        .output()
        .unwrap();
    assert!(
        admin.status.success(),
        "{}",
        String::from_utf8_lossy(&admin.stderr)
    );
    let stdout = String::from_utf8(admin.stdout).unwrap();
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("https://mentorat.example/compte/mot-de-passe/")),
        "{stdout}"
    );

    let twice = mentorat(&db)
        .args(["admin", "create", "--email", "nouvelle@mentorat.example"])
        .output()
        .unwrap();
    assert!(!twice.status.success());
    assert!(String::from_utf8_lossy(&twice.stderr).contains("already exists"));
}

#[test]
fn match_solve_reads_csv_prints_the_best_assignment_and_names_a_bad_line() {
    let dir = std::env::temp_dir().join(format!("mentorat-solve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pairs = dir.join("pairs.csv");
    let caps = dir.join("caps.csv");
    // Porteur 1 fits mentor 10 best, but porteur 2 can only go to mentor 10:
    // the best total gives 10 to porteur 2 and 11 to porteur 1 (8 + 9 > 9 + 0).
    std::fs::write(&pairs, "mentee,mentor,score\n1,10,9\n1,11,8\n2,10,9\n\n").unwrap();
    std::fs::write(&caps, "mentor,capacity\n10,1\n11,1\n").unwrap();
    let solve = |pairs: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_mentorat"))
            .args(["match", "solve", "--pairs"])
            .arg(pairs)
            .arg("--capacities")
            .arg(&caps)
            .output()
            .unwrap()
    };
    let output = solve(&pairs);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut lines: Vec<&str> = stdout.lines().collect();
    lines[1..].sort();
    assert_eq!(lines, ["mentee,mentor,score", "1,11,8", "2,10,9"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("total_score=17 matched=2"));

    std::fs::write(&pairs, "mentee,mentor,score\n1,10,9\n1,onze,8\n").unwrap();
    let output = solve(&pairs);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("pairs.csv line 3") && stderr.contains("\"onze\" is not an integer"),
        "{stderr}"
    );
    std::fs::write(&pairs, "mentee,mentor,score\n1,10\n").unwrap();
    let stderr = String::from_utf8_lossy(&solve(&pairs).stderr).into_owned();
    assert!(
        stderr.contains("line 2: expected mentee,mentor,score"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `mentorat sweep --at DATE` runs the sweeps as of that day against the database, as
/// the server's timer would then: a request left unanswered expires and its porteur is
/// told; a second sweep of the same day finds nothing more to do.
#[tokio::test]
async fn sweep_at_a_later_date_expires_an_unanswered_request_from_the_command_line() {
    let app = crate::helpers::spawn_demo_app().await;
    let mentor = crate::mentoring::approved_mentor(&app, "cli-m@exemple.fr", "2").await;
    let (porteur, project) =
        crate::mentoring::validated_porteur(&app, "cli-p@exemple.fr", 1985).await;
    app.app
        .request_mentor(
            porteur,
            &app.app.project(project).await.unwrap(),
            mentor,
            "Bonjour",
        )
        .await
        .unwrap();
    let day = (chrono::Utc::now() + chrono::Duration::days(20))
        .format("%Y-%m-%d")
        .to_string();
    let sweep = || {
        mentorat_with(&app.app.settings.database_url)
            .args(["sweep", "--at", &day])
            .output()
            .unwrap()
    };
    let first = sweep();
    let said = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(!said.contains(" 0 mentoring e-mails"), "{said}");
    let requests = app.app.requests_of(porteur).await.unwrap();
    assert_eq!(requests[0].status, mentorat_domain::RequestStatus::Expired);
    let (outbox, _) = app.app.outbox(0, 200).await.unwrap();
    assert!(
        outbox
            .iter()
            .any(|m| m.to_address == "cli-p@exemple.fr" && m.subject.contains("a expiré"))
    );
    let again = String::from_utf8_lossy(&sweep().stdout).into_owned();
    assert!(again.contains(" 0 mentoring e-mails"), "{again}");

    let bad = mentorat_with(&app.app.settings.database_url)
        .args(["sweep", "--at", "15/01/2027"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--at expects a day"));
}

/// The clock every page and use case reads: moved forward in a test, the coordinator's
/// page counts the days a validated porteur has waited from it.
#[tokio::test]
async fn the_platform_clock_moves_for_pages_and_use_cases_alike() {
    let app = crate::helpers::spawn_demo_app().await;
    crate::mentoring::validated_porteur(&app, "horloge@exemple.fr", 1985).await;
    app.sign_in(
        "coordination.compiegne@mentorat.example",
        crate::helpers::DEMO_PASSWORD,
    )
    .await;
    let today = app.get_html("/coordination").await;
    assert!(today.contains("depuis aujourd&#39;hui"), "{today}");
    assert!(!today.contains("depuis 0 jour"));
    app.app.clock.advance(chrono::Duration::days(40));
    // Forty days later the session has long ended, as a person would find it.
    let signed_out = app.get("/coordination").await;
    assert_eq!(signed_out.status(), 303);
    app.sign_in(
        "coordination.compiegne@mentorat.example",
        crate::helpers::DEMO_PASSWORD,
    )
    .await;
    let later = app.get_html("/coordination").await;
    assert!(later.contains("depuis 40 jours"), "{later}");
}

/// The binary on the database at `url`, with nothing else of this environment.
/// Runs a command that must succeed; its standard output.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn mentorat_with(url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mentorat"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("MENTORAT_DATABASE_URL", url)
        .env("MENTORAT_LOG", "warn")
        .current_dir(std::env::temp_dir());
    command
}

#[tokio::test]
async fn backup_verify_restore_and_migrate_check_work_from_the_command_line() {
    let source = TestDatabase::create().await;
    run(mentorat(&source).arg("demo"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copie.jsonl");
    let said = run(mentorat(&source).arg("backup").arg(&file));
    assert!(said.contains("Backup written"), "{said}");
    // Readable by its owner only.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let verified = run(mentorat(&source).arg("backup").arg("--verify").arg(&file));
    assert!(
        verified.contains("is sound") && verified.contains("users: "),
        "{verified}"
    );
    // Into an empty database; a second time is refused without --force.
    let target = TestDatabase::create().await;
    let restored = run(mentorat(&target).arg("restore").arg(&file));
    assert!(restored.contains("Restored"), "{restored}");
    let again = mentorat(&target)
        .arg("restore")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    run(mentorat(&target).arg("restore").arg("--force").arg(&file));
    let check = run(mentorat(&target).args(["migrate", "--check"]));
    assert!(check.contains("nothing to apply"), "{check}");
    // A file that is not a backup is refused, and nothing is written.
    let junk = dir.path().join("junk.jsonl");
    std::fs::write(&junk, "bonjour\n").unwrap();
    assert!(
        !mentorat(&target)
            .arg("backup")
            .arg("--verify")
            .arg(&junk)
            .output()
            .unwrap()
            .status
            .success()
    );
}

#[tokio::test]
async fn a_database_migrated_by_a_newer_binary_is_not_served() {
    let db = TestDatabase::create().await;
    let out = mentorat(&db).arg("migrate").output().unwrap();
    assert!(out.status.success());
    // A migration this binary does not know, as a newer one would have left.
    let store = mentorat_store::Store::connect(&db.url, &Default::default())
        .await
        .unwrap();
    let mut tx = store.begin().await.unwrap();
    tx.record_foreign_migration(9_999).await.unwrap();
    tx.commit().await.unwrap();
    let check = mentorat(&db).args(["migrate", "--check"]).output().unwrap();
    assert!(!check.status.success());
    assert!(String::from_utf8_lossy(&check.stderr).contains("newer than this binary"));
    let serve = mentorat(&db).arg("migrate").output().unwrap();
    assert!(!serve.status.success());
    assert!(
        String::from_utf8_lossy(&serve.stderr).contains("migrated by a newer mentorat"),
        "{}",
        String::from_utf8_lossy(&serve.stderr)
    );
}

/// The blocks of docs/OPERATIONS.md marked `sh ci`, in order.
fn operations_blocks() -> Vec<String> {
    let guide = include_str!("../../docs/OPERATIONS.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in guide.lines() {
        match (&mut current, line.trim()) {
            (None, "```sh ci") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[tokio::test]
async fn the_operations_guide_commands_run_as_written() {
    let blocks = operations_blocks();
    assert!(blocks.len() >= 3, "the guide's blocks: {blocks:?}");
    let source = TestDatabase::sqlite();
    let out = mentorat(&source).arg("demo").output().unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    // A copy for the restore block, and fresh databases for the blocks to fill.
    let file = dir.path().join("copie.jsonl");
    assert!(
        mentorat(&source)
            .arg("backup")
            .arg(&file)
            .output()
            .unwrap()
            .status
            .success()
    );
    let fresh = TestDatabase::sqlite();
    let postgres = TestDatabase::postgres_if_set().await;
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_mentorat"))
        .parent()
        .unwrap()
        .to_owned();
    for block in &blocks {
        if block.contains("$POSTGRES_URL") && postgres.is_none() {
            eprintln!("without MENTORAT_TEST_POSTGRES_URL, this block is not run:\n{block}");
            continue;
        }
        let out = Command::new("bash")
            .args(["-euo", "pipefail", "-c", block])
            .env_clear()
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    bin.display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .env("MENTORAT_DATABASE_URL", &source.url)
            .env("MENTORAT_LOG", "warn")
            .env("BACKUP_DIR", dir.path())
            .env("BACKUP_FILE", &file)
            .env("NEW_DATABASE_URL", &fresh.url)
            .env(
                "POSTGRES_URL",
                postgres.as_ref().map_or("", |p| p.url.as_str()),
            )
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "the guide's block failed:\n{block}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // What the blocks did is there: the restored and the moved databases hold the demo.
    for url in std::iter::once(fresh.url.as_str()).chain(postgres.as_ref().map(|p| p.url.as_str()))
    {
        let store = mentorat_store::Store::connect(url, &Default::default())
            .await
            .unwrap();
        assert!(store.accounts_count().await.unwrap() > 10, "{url}");
    }
}

#[tokio::test]
async fn on_sigterm_readiness_turns_not_ready_first_and_every_request_sent_is_answered() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let db = TestDatabase::create().await;
    assert!(mentorat(&db).arg("demo").output().unwrap().status.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = mentorat(&db)
        .env("MENTORAT_LISTEN", format!("127.0.0.1:{port}"))
        .env("MENTORAT_SHUTDOWN_DELAY_SECONDS", "2")
        .env("MENTORAT_SHUTDOWN_TIMEOUT_SECONDS", "10")
        .arg("serve")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // A new connection per request: what was sent is what the server accepted.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let ready = |client: reqwest::Client, base: String| async move {
        client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
    };
    for _ in 0..200 {
        if ready(client.clone(), base.clone()).await == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(ready(client.clone(), base.clone()).await, 200);
    // Visitors keep coming, as a load balancer sends them, until readiness says no.
    let balancer_stopped = Arc::new(AtomicBool::new(false));
    let mut visitors = Vec::new();
    for n in 0..6 {
        let (client, base, stopped) = (client.clone(), base.clone(), balancer_stopped.clone());
        visitors.push(tokio::spawn(async move {
            let mut answered = 0;
            while !stopped.load(Ordering::Relaxed) {
                let path = if n % 2 == 0 {
                    "/"
                } else {
                    "/cercles/compiegne"
                };
                let response = client.get(format!("{base}{path}")).send().await;
                let response =
                    response.unwrap_or_else(|e| panic!("a request sent was not answered: {e}"));
                assert_eq!(response.status(), 200);
                let body = response.text().await.expect("a whole answer");
                assert!(body.trim_end().ends_with("</html>"), "a whole page");
                answered += 1;
            }
            answered
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let stop = std::time::Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    // Readiness turns « not ready » while the pages are still served.
    let mut not_ready = false;
    for _ in 0..20 {
        if ready(client.clone(), base.clone()).await == 503 {
            not_ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(not_ready, "readiness says « not ready » first");
    let page = client.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(page.status(), 200, "still serving while not ready");
    balancer_stopped.store(true, Ordering::Relaxed);
    let mut answered = 0;
    for v in visitors {
        answered += v.await.unwrap();
    }
    assert!(answered > 0);
    // Then it stops accepting, and exits within the delay and the bound.
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        assert!(
            stop.elapsed() < std::time::Duration::from_secs(12),
            "exits within the bound"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
    assert!(
        stop.elapsed() >= std::time::Duration::from_secs(2),
        "not before the delay"
    );
    assert!(
        client
            .get(format!("{base}/"))
            .send()
            .await
            .unwrap_err()
            .is_connect()
    );
}

#[tokio::test]
async fn json_logs_are_one_object_per_line() {
    let db = TestDatabase::create().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = mentorat(&db)
        .env("MENTORAT_LISTEN", format!("127.0.0.1:{port}"))
        .env("MENTORAT_LOG", "info")
        .env("MENTORAT_LOG_FORMAT", "json")
        .env("MENTORAT_SHUTDOWN_DELAY_SECONDS", "0")
        .arg("serve")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..200 {
        if client
            .get(format!("http://127.0.0.1:{port}/cercles"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(up);
    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    let out = tokio::task::spawn_blocking(move || server.wait_with_output().unwrap())
        .await
        .unwrap();
    // The log goes to standard output (the journal's and containers' habit).
    let logged = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = logged
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l["route"] == "/cercles" && l["status"] == 200 && l["request_id"].is_string()),
        "{logged}"
    );
}

#[tokio::test]
async fn a_restore_erases_again_whoever_was_erased_since_the_backup() {
    let db = TestDatabase::create().await;
    run(mentorat(&db).arg("demo"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("avant.jsonl");
    run(mentorat(&db).arg("backup").arg(&file));
    // Erased after the backup was taken.
    {
        let app = mentorat_app::App::open(mentorat_app::Settings::for_database(&db.url))
            .await
            .unwrap();
        let id = app
            .account_id_by_email("porteur@mentorat.example")
            .await
            .unwrap()
            .unwrap();
        assert!(app.erase_account(None, id).await.unwrap());
        app.deferred.settle().await;
    }
    let said = run(mentorat(&db).args(["restore", "--force"]).arg(&file));
    assert!(
        said.contains("Erasures re-applied since the backup: 1 (of 1"),
        "{said}"
    );
    let store = mentorat_store::Store::connect(&db.url, &Default::default())
        .await
        .unwrap();
    assert!(
        store
            .find_text("porteur@mentorat.example")
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.erasure_ledger().await.unwrap().len(),
        1,
        "the ledger is kept"
    );
}

#[tokio::test]
async fn the_privacy_sweep_prints_what_it_would_clear_then_clears_it() {
    let db = TestDatabase::create().await;
    run(mentorat(&db).arg("demo"));
    let count = |said: &str, rule: &str| -> usize {
        said.lines()
            .find(|l| l.trim_end().ends_with(&format!(" {rule}")) && l.contains("lear"))
            .and_then(|l| l.split_whitespace().rev().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no line for {rule} in {said}"))
    };
    // Years later: the demo's past events' registrations, its accounts unused…
    let dry = run(mentorat(&db).args(["privacy", "sweep", "--dry-run", "--at", "2031-06-01"]));
    assert!(dry.contains("Would clear"), "{dry}");
    let registrations = count(&dry, "registrations");
    assert!(registrations > 0, "{dry}");
    assert!(dry.contains("Would warn"), "{dry}");
    let done = run(mentorat(&db).args(["privacy", "sweep", "--at", "2031-06-01"]));
    assert_eq!(
        count(&done, "registrations"),
        registrations,
        "the dry run said what went: {done}"
    );
    let after = run(mentorat(&db).args(["privacy", "sweep", "--dry-run", "--at", "2031-06-01"]));
    assert_eq!(count(&after, "registrations"), 0, "{after}");
}
