//! The `mentorat` binary as an operator uses it.

use mentorat_store::testing::TestDatabase;
use std::process::Command;

fn mentorat(db: &TestDatabase) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mentorat"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("MENTORAT_DATABASE_URL", &db.url)
        .env("MENTORAT_LOG", "warn")
        .current_dir(std::env::temp_dir());
    command
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
