//! Test support: a fresh, empty database per test, on SQLite by default or on
//! PostgreSQL when `MENTORAT_TEST_POSTGRES_URL` is set (CI sets it). When it is set
//! and the server does not answer, the test fails: a missing service is never skipped.

use std::path::PathBuf;

/// The environment variable that selects PostgreSQL for the test suites, e.g.
/// `postgres://postgres@127.0.0.1:5432`.
pub const POSTGRES_ENV: &str = "MENTORAT_TEST_POSTGRES_URL";

/// A database that exists for one test and is removed afterwards.
pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    pub async fn create() -> TestDatabase {
        match std::env::var(POSTGRES_ENV) {
            Ok(server) if !server.trim().is_empty() => Self::postgres(server.trim()).await,
            _ => Self::sqlite(),
        }
    }

    /// A PostgreSQL database when `MENTORAT_TEST_POSTGRES_URL` is set, else none.
    pub async fn postgres_if_set() -> Option<TestDatabase> {
        match std::env::var(POSTGRES_ENV) {
            Ok(server) if !server.trim().is_empty() => Some(Self::postgres(server.trim()).await),
            _ => None,
        }
    }

    /// A SQLite database, whatever the environment says.
    pub fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path: PathBuf = dir.path().join("test.db");
        TestDatabase {
            url: format!("sqlite://{}", path.display()),
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    async fn postgres(server: &str) -> TestDatabase {
        use sqlx::Connection;
        let server = server.trim_end_matches('/');
        let admin_url = format!("{server}/postgres");
        let name = format!("mentorat_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| {
                panic!("{POSTGRES_ENV} is set but PostgreSQL does not answer at {server}: {e}")
            });
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("CREATE DATABASE for a test");
        admin.close().await.ok();
        TestDatabase {
            url: format!("{server}/{name}"),
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.cleanup, Cleanup::Postgres { .. })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs inside the test's runtime: use a thread with its own.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(runtime) = runtime {
                    runtime.block_on(async move {
                        use sqlx::Connection;
                        if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                            let _ = sqlx::query(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .execute(&mut admin)
                            .await;
                        }
                    });
                }
            })
            .join();
        }
    }
}
