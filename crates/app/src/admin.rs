//! The national team's reading tools: the audit log and the e-mail outbox. Access is
//! decided by the web layer through the policy before these are called.

use crate::{App, AppError};
use chrono::{DateTime, Utc};
use mentorat_store::AuditFilter;
pub use mentorat_store::{AUDIT_COUNT_CAP, AuditEntry, OutboxMessage};
use uuid::Uuid;

/// Every action the audit log records (a filter offers these).
pub const AUDIT_ACTIONS: &[&str] = &[
    "sign_in",
    "sign_in_failed",
    "sign_up",
    "email_verified",
    "password_reset",
    "password_changed",
    "email_changed",
    "deletion_requested",
    "deletion_cancelled",
    "account_erased",
    "data_exported",
    "role_granted",
    "role_revoked",
    "export",
    "mentee_viewed",
    "mentor_viewed",
    "mentorship_viewed",
    "request_viewed",
    "thread_read",
    "hours_exported",
    "circle_created",
    "circle_status",
    "event_cancelled",
    "invitations_sent",
    "mentor_vetted",
    "project_reviewed",
    "parental_consent",
    "parental_consent_withdrawn",
    "minor_consent",
    "minor_consent_withdrawn",
    "domain_edited",
    "matching_proposed",
    "matching_recomputed",
    "matching_published",
    "matching_weights_set",
    "matching_weights_reset",
    "association_edited",
    "relay_added",
    "registrations_viewed",
    "list_exported",
    "impact_report_exported",
    "import_done",
    "qpv_imported",
    "api_token_created",
    "api_token_revoked",
];

#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub action: Option<String>,
    /// « Who viewed X »: entries about this person.
    pub subject: Option<Uuid>,
    /// « What did Y view »: entries by this person.
    pub actor: Option<Uuid>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

impl App {
    pub async fn audit_log(
        &self,
        query: &AuditQuery,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<AuditEntry>, i64), AppError> {
        let filter = AuditFilter {
            action: query.action.clone(),
            actor_id: query.actor,
            subject_id: query.subject,
            since: query.since,
            until: query.until,
        };
        // The pages' own entries are written after their responses: wait for them.
        self.deferred.settle().await;
        Ok(self.store.audit_entries(&filter, offset, limit).await?)
    }

    /// The account of an address, for the log's « who » filters (none: unknown).
    pub async fn account_id_by_email(&self, raw: &str) -> Result<Option<Uuid>, AppError> {
        let Ok(email) = mentorat_domain::Email::parse(raw) else {
            return Ok(None);
        };
        Ok(self.store.credentials_by_email(&email).await?.map(|c| c.id))
    }

    pub async fn outbox(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<OutboxMessage>, i64), AppError> {
        Ok(self.store.outbox_page(offset, limit).await?)
    }

    pub async fn outbox_message(&self, id: Uuid) -> Result<OutboxMessage, AppError> {
        self.store
            .outbox_message(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// A list downloaded as a CSV (`what` names it): in the audit log, as every export
    /// of personal data, written after the response (a GET writes nothing itself).
    pub async fn record_export(&self, actor: Option<Uuid>, what: &str) -> Result<(), AppError> {
        self.deferred
            .push(crate::deferred::Deferred::Audit {
                at: self.now(),
                actor,
                action: "list_exported",
                subject: None,
                detail: what.to_owned(),
            })
            .await;
        Ok(())
    }
}
