//! Personal API tokens, made and revoked from « Mon compte »: shown once, kept as a
//! SHA-256, scoped to reading or to reading and writing, and expiring.

use crate::auth::Account;
use crate::security::{random_token, token_hash};
use crate::{App, AppError, invalid};
use chrono::Duration;
use mentorat_store::ApiTokenRow;
use uuid::Uuid;

/// What a token lets its bearer do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Read,
    ReadWrite,
}

impl Scope {
    pub fn parse(raw: &str) -> Option<Scope> {
        match raw {
            "read" => Some(Scope::Read),
            "read_write" => Some(Scope::ReadWrite),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::ReadWrite => "read_write",
        }
    }
}

/// The lifetimes offered, in days.
pub const LIFETIMES: [i64; 3] = [30, 90, 365];
/// Tokens a person may hold live at once.
const MAX_LIVE: usize = 10;
/// Every secret starts so (a scanner of leaked secrets can find them).
pub const PREFIX: &str = "mentorat_";

impl App {
    /// Makes a token; its secret, to show once.
    pub async fn create_api_token(
        &self,
        user_id: Uuid,
        label: &str,
        scope: &str,
        days: &str,
    ) -> Result<String, AppError> {
        let label = label.trim();
        if label.is_empty() {
            return Err(invalid("label", "error-empty"));
        }
        if label.chars().count() > 80 {
            return Err(invalid("label", "error-too-long"));
        }
        let scope = Scope::parse(scope).ok_or(invalid("scope", "error-unknown-choice"))?;
        let days: i64 = days
            .parse()
            .ok()
            .filter(|d| LIFETIMES.contains(d))
            .ok_or(invalid("days", "error-unknown-choice"))?;
        let now = self.now();
        let live = self
            .store
            .api_tokens_of(user_id)
            .await?
            .iter()
            .filter(|t| t.revoked_at.is_none() && t.expires_at > now)
            .count();
        if live >= MAX_LIVE {
            return Err(invalid("label", "error-too-many-tokens"));
        }
        let secret = format!("{PREFIX}{}", random_token());
        let id = Uuid::new_v4();
        let mut tx = self.store.begin().await?;
        tx.insert_api_token(
            id,
            user_id,
            &token_hash(&secret),
            label,
            scope.as_str(),
            now + Duration::days(days),
            now,
        )
        .await?;
        tx.audit(
            Some(user_id),
            "api_token_created",
            Some(user_id),
            &id.to_string(),
        )
        .await?;
        tx.commit().await?;
        Ok(secret)
    }

    pub async fn revoke_api_token(&self, user_id: Uuid, id: Uuid) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        if !tx.revoke_api_token(id, user_id, self.now()).await? {
            return Err(AppError::NotFound);
        }
        tx.audit(
            Some(user_id),
            "api_token_revoked",
            Some(user_id),
            &id.to_string(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn api_tokens(&self, user_id: Uuid) -> Result<Vec<ApiTokenRow>, AppError> {
        Ok(self.store.api_tokens_of(user_id).await?)
    }

    /// The account and scope of a live token; `None` for an unknown, revoked or
    /// expired one, or an account being erased.
    pub async fn token_account(&self, secret: &str) -> Result<Option<(Account, Scope)>, AppError> {
        if !secret.starts_with(PREFIX) {
            return Ok(None);
        }
        let Some(owner) = self
            .store
            .api_token_owner(&token_hash(secret), self.now())
            .await?
        else {
            return Ok(None);
        };
        let Some(scope) = Scope::parse(&owner.scope) else {
            return Ok(None);
        };
        // Its owner sees the day it was last used; marked after the request, once a day.
        let today = self.now().date_naive().to_string();
        if owner.last_used_on.as_deref() != Some(today.as_str()) {
            self.deferred
                .push(crate::deferred::Deferred::TokenUsed {
                    id: owner.id,
                    day: today,
                })
                .await;
        }
        Ok(self
            .store
            .account_by_id(owner.user_id)
            .await?
            .map(|a| (a, scope)))
    }
}
