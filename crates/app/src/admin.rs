//! The national team's reading tools: the audit log and the e-mail outbox. Access is
//! decided by the web layer through the policy before these are called.

use crate::{App, AppError};
use chrono::{DateTime, Utc};
use mentorat_store::AuditFilter;
pub use mentorat_store::{AuditEntry, OutboxMessage};
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
    "role_granted",
    "role_revoked",
    "export",
    "mentee_viewed",
    "circle_created",
    "circle_status",
    "event_cancelled",
    "invitations_sent",
    "mentor_vetted",
    "project_reviewed",
    "parental_consent",
    "domain_edited",
    "matching_proposed",
    "matching_recomputed",
    "matching_published",
    "matching_weights_set",
    "matching_weights_reset",
    "association_edited",
    "relay_added",
];

#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub action: Option<String>,
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
            actor_id: None,
            subject_id: None,
            since: query.since,
            until: query.until,
        };
        // The pages' own entries are written after their responses: wait for them.
        self.deferred.settle().await;
        Ok(self.store.audit_entries(&filter, offset, limit).await?)
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
}
