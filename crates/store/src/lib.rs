//! The storage boundary: the only place that knows SQL. The rest of the platform talks
//! to [`Store`] in domain types; SQLite or PostgreSQL is chosen from the URL at start.
//!
//! Each query is written once with sea-query and rendered for the backend in use by
//! the small dispatch module [`db`]; see `docs/ARCHITECTURE.md`.

mod api_tokens;
mod association;
mod audit;
pub mod backup;
pub mod bulk;
mod circles;
mod coverage;
mod db;
mod event_partners;
mod events;
mod impact;
mod imports;
mod launch;
mod mentoring;
mod operations;
mod outbox;
mod people;
mod portable;
pub mod privacy;
mod proposals;
mod public_site;
mod qpv;
mod registrations;
mod sessions;
#[cfg(feature = "testing")]
pub mod testing;
mod tokens;
mod users;
mod weights;

pub use api_tokens::{ApiTokenOwner, ApiTokenRow};
pub use audit::{AUDIT_COUNT_CAP, AuditEntry, AuditFilter};
pub use bulk::Census;
pub use circles::{CircleSummary, Member, NewEdition};
pub use db::{Backend, Tx};
pub use event_partners::{EventFunnel, PartnerLink};
pub use events::{HostMailStep, NewEvent};
pub use impact::ImpactFigures;
pub use imports::{ImportRecord, ImportedMentor, ImportedPorteur, KnownAddress};
pub use launch::LaunchDates;
pub use mentoring::{
    CheckinRecord, CheckinSummary, FlaggedCheckin, HoursLine, MentorHours, MessageRecord,
    OpenReport, ReportRecord,
};
pub use mentoring::{CircleCounts, MentorLine, ProjectLine, PublicMentor};
pub use mentoring::{
    Domain, FeedbackRecord, FeedbackSummary, GoalRecord, MeetingRecord, MentorApplication,
    MentorProfile, MentorshipRecord, MentorshipSheet, NewProjectDetails, Party, ProjectRecord,
    QuietMentorship, RequestRecord,
};
pub use outbox::{NewMessage, OutboxMessage};
pub use people::{NewMentor, NewPartner, NewProject, Partner};
pub use proposals::{ProposalRecord, ProposedPair};
pub use public_site::{ContactMessage, Funnel, HostingRequest, NewHostingRequest};
pub use qpv::{Qpv, QpvChoice, QpvRow};
pub use registrations::{
    Attendance, Cancellation, NewRegistration, Registration, RegistrationStatus, Seat,
};
pub use sessions::SessionRecord;
pub use tokens::TokenPurpose;
pub use users::{Account, Credentials, NewUser, Recipient};
pub use weights::CircleWeights;

/// The time now, to the microsecond: what both databases keep (PostgreSQL rounds finer
/// instants, SQLite would keep their nanoseconds), so that a row reads the same on
/// both and a copy restores value for value.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

use std::time::Duration;

/// What can go wrong at the storage boundary. Callers match on `NotFound` and
/// `Conflict`; everything else is a fault to log, never to show.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("record not found")]
    NotFound,
    /// A uniqueness or foreign-key rule refused the change; `constraint` names it.
    #[error("conflict with constraint {constraint}")]
    Conflict { constraint: String },
    /// A stored value no longer parses into its domain type (a bug or a manual edit).
    #[error("stored value is invalid: {0}")]
    Corrupt(String),
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[source] sqlx::migrate::MigrateError),
    /// The store was used against its rules (a bug in the caller).
    #[error("store misused: {0}")]
    Misuse(&'static str),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db)
                if db.is_unique_violation() || db.is_foreign_key_violation() =>
            {
                StoreError::Conflict {
                    constraint: db.constraint().unwrap_or("unknown").to_owned(),
                }
            }
            _ => StoreError::Database(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Connection settings that do not belong in the URL.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Upper bound of the PostgreSQL pool, and of SQLite's readers (SQLite has one
    /// writer connection besides).
    pub max_connections: u32,
    /// How long SQLite waits for a lock held by another process before giving up.
    pub busy_timeout: Duration,
    /// How long a write waits for SQLite's writer connection, queued in this process.
    pub write_queue_timeout: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            max_connections: 10,
            busy_timeout: Duration::from_secs(5),
            write_queue_timeout: Duration::from_secs(30),
        }
    }
}

/// The handle every use case receives. Cheap to clone (it holds pools).
#[derive(Clone, Debug)]
pub struct Store {
    db: db::Db,
    /// How many statements this store (and its transactions) ran: the test that a page
    /// runs a fixed number of queries whatever the number of rows reads it.
    statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Write transactions begun, and the nanoseconds spent waiting for them (the
    /// writer's queue on SQLite, a connection on PostgreSQL): for `/metrics`.
    write_waits: std::sync::Arc<[std::sync::atomic::AtomicU64; 2]>,
}

impl Store {
    /// Opens `sqlite://path` (created if absent) or `postgres://…`.
    pub async fn connect(url: &str, options: &StoreOptions) -> Result<Store> {
        Ok(Store {
            db: db::Db::connect(url, options).await?,
            statements: Default::default(),
            write_waits: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Applies the migrations embedded in the binary that are not applied yet.
    pub async fn migrate(&self) -> Result<()> {
        self.db.migrate().await
    }

    /// Applies the embedded migrations up to `version` only.
    pub async fn migrate_to(&self, version: i64) -> Result<()> {
        self.db.migrate_to(version).await
    }

    /// The migrations this binary holds: (version, description).
    pub fn embedded_migrations(&self) -> Vec<(i64, String)> {
        self.db.embedded_migrations()
    }

    /// Refreshes the planner's statistics after a bulk load (PostgreSQL's `ANALYZE`).
    pub async fn refresh_statistics(&self) -> Result<()> {
        self.db.refresh_statistics().await
    }

    /// Whether the database answers a trivial query (used by `/readyz`).
    pub async fn ping(&self) -> Result<()> {
        self.db.ping().await
    }

    /// Starts a write transaction. On SQLite, writers queue in this process for the
    /// one writer connection, then take the lock at once (`BEGIN IMMEDIATE`).
    pub async fn begin(&self) -> Result<Tx> {
        let waited = std::time::Instant::now();
        let mut tx = self.db.begin().await?;
        use std::sync::atomic::Ordering::Relaxed;
        self.write_waits[0].fetch_add(1, Relaxed);
        self.write_waits[1].fetch_add(waited.elapsed().as_nanos() as u64, Relaxed);
        tx.statements = self.statements.clone();
        Ok(tx)
    }

    /// The number of statements run so far through this store and its transactions
    /// (`BEGIN` and `COMMIT` not counted).
    pub fn statements(&self) -> u64 {
        self.statements.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub async fn close(&self) {
        self.db.close().await
    }
}
