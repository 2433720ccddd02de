//! The use cases of mentorat: what a visitor, a mentor, a porteur de projet, a
//! coordinator or the national team can do, independent of HTTP and of SQL.

pub mod accounts;
pub mod admin;
pub mod api_reads;
pub mod api_tokens;
pub mod association;
pub mod auth;
pub mod batch;
pub mod circles_admin;
pub mod clock;
pub mod config;
pub mod dashboard;
pub mod deferred;
pub mod demo;
pub mod email;
pub mod events;
pub mod i18n;
pub mod impact;
pub mod import;
pub mod inbox;
pub mod mentoring;
pub mod passwords;
pub mod privacy;
pub mod public;
pub mod qpv;
pub mod security;
pub mod stats;
pub mod territories;

pub use config::Settings;
pub use mentorat_store::{Backend, Store, StoreError, StoreOptions};

use std::sync::Arc;

/// Everything a use case needs, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub i18n: Arc<i18n::I18n>,
    pub secrets: Arc<security::Secrets>,
    /// Notified when mail is queued, so that the worker sends it at once.
    pub mail_wakeup: Arc<tokio::sync::Notify>,
    /// The one clock every use case reads (tests move it).
    pub clock: clock::Clock,
    /// Writes made after the response (audit appends of pages, session touches).
    pub deferred: deferred::DeferredWrites,
    /// Every approved mentor, indexed, with the generations it follows (see
    /// [`App::mentor_pool`]).
    pool: Arc<tokio::sync::Mutex<Option<mentoring::KeptPool>>>,
    /// The national dashboard, with the generations and the day it was computed for
    /// (see [`App::dashboard`]).
    dashboard: Arc<tokio::sync::Mutex<Option<dashboard::Kept>>>,
    /// The circles with their figures, with the generations they were read at
    /// (`App::circles`).
    circles_kept: Arc<std::sync::Mutex<Option<public::KeptCircles>>>,
    /// Impact reports computed in the last minutes (`impact::KEPT_FOR`).
    impact_reports: Arc<std::sync::Mutex<impact::KeptReports>>,
    /// The coordination pages' figures, by scope (see [`App::coordination_board`]).
    boards: Arc<tokio::sync::Mutex<mentoring::KeptBoards>>,
    /// The national team's check-in figures and when they were read (kept a minute).
    follow_up: Arc<tokio::sync::Mutex<Option<mentoring::KeptFollowUp>>>,
    /// The process's own figures (sweeps, index), for `/metrics`.
    pub stats: Arc<stats::Stats>,
}

impl App {
    /// The platform's address of `path` (from its `/`), for the links of e-mails.
    pub(crate) fn link(&self, path: &str) -> String {
        format!("{}{path}", self.settings.base_url)
    }

    /// The platform's words in `locale`.
    pub fn tr(&self, locale: mentorat_domain::Locale) -> i18n::Tr<'_> {
        i18n::Tr {
            locale,
            i18n: &self.i18n,
        }
    }

    /// The time now, by the platform's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Connects to the configured database and applies pending migrations.
    pub async fn open(settings: Settings) -> Result<App, AppError> {
        let store = Store::connect(&settings.database_url, &StoreOptions::default()).await?;
        // A database a newer binary migrated is left alone: this one would not know
        // its tables (an upgrade rolled back without restoring the backup).
        let applied = store.migration_version().await?;
        let known = store
            .embedded_migrations()
            .last()
            .map_or(0, |(version, _)| *version);
        if applied > known {
            return Err(AppError::Internal(anyhow::anyhow!(
                "the database was migrated by a newer mentorat (migration {applied}; this binary \
                 knows up to {known}): run the newer binary, or restore a backup taken with this one"
            )));
        }
        store.migrate().await?;
        let secrets = security::Secrets::load(&store).await?;
        Ok(App {
            store: store.clone(),
            settings: Arc::new(settings),
            i18n: Arc::new(i18n::I18n::load()),
            secrets: Arc::new(secrets),
            mail_wakeup: Arc::new(tokio::sync::Notify::new()),
            clock: clock::Clock::default(),
            deferred: deferred::DeferredWrites::start(store.clone()),
            pool: Arc::default(),
            dashboard: Arc::default(),
            impact_reports: Arc::default(),
            circles_kept: Arc::default(),
            follow_up: Arc::default(),
            stats: Arc::default(),
            boards: Arc::default(),
        })
    }
}

/// The error of a use case. The web layer shows `Invalid` and `NotFound` to the user
/// (in their language, from the key) and hides the cause of `Store` and `Internal`.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Bad input; `key` names the message (a Fluent id), `field` the form field.
    #[error("invalid input: {key}")]
    Invalid {
        field: &'static str,
        key: &'static str,
    },
    /// Too many attempts: try again later.
    #[error("rate limited")]
    RateLimited,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Bad input in form field `field`, told by message `key`.
pub(crate) fn invalid(field: &'static str, key: &'static str) -> AppError {
    AppError::Invalid { field, key }
}
