//! Accounts: creating the first national-team account and setting a password from a
//! single-use link. Sign-up, sign-in and sessions arrive with the accounts issue.

use crate::security::{random_token, token_hash};
use crate::{App, AppError};
use anyhow::Context;
use chrono::Duration;
use mentorat_domain::{Email, Locale, PersonName, RoleGrant};
use mentorat_store::{NewUser, TokenPurpose};
use uuid::Uuid;

/// How long a printed or e-mailed set-password link stays valid.
pub const SET_PASSWORD_VALIDITY: Duration = Duration::hours(48);

/// A fresh random token and the hash under which it is stored.
fn new_token() -> (String, String) {
    let token = random_token();
    let hash = token_hash(&token);
    (token, hash)
}

/// What `mentorat admin create` reports.
#[derive(Debug)]
pub struct CreatedAdmin {
    pub set_password_url: String,
}

impl App {
    /// Creates a national-team account without a password and returns the one-time
    /// link with which its owner chooses one.
    pub async fn create_national_team_account(
        &self,
        email: &str,
    ) -> Result<CreatedAdmin, AppError> {
        let email = Email::parse(email).map_err(|e| AppError::Invalid {
            field: "email",
            key: e.key(),
        })?;
        let local = email.as_str().split('@').next().unwrap_or("admin");
        let name = PersonName::parse(local, "").context("a local part is a valid name")?;
        let mut tx = self.store.begin().await?;
        let id = Uuid::new_v4();
        let created = tx
            .insert_user_if_absent(&NewUser {
                id,
                email: email.clone(),
                name,
                locale: Locale::Fr,
                password_hash: None,
                verified_at: Some(self.now()),
            })
            .await?;
        if !created {
            return Err(AppError::Invalid {
                field: "email",
                key: "error-account-exists",
            });
        }
        tx.grant_role(id, &RoleGrant::national_team()).await?;
        let (token, hash) = new_token();
        tx.insert_token(
            &hash,
            id,
            TokenPurpose::SetPassword,
            self.now() + SET_PASSWORD_VALIDITY,
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(CreatedAdmin {
            set_password_url: self.link(&format!("/compte/mot-de-passe/{token}")),
        })
    }

    /// Whether a set-password link is still usable (to show the form or an error).
    pub async fn set_password_link_is_live(&self, token: &str) -> Result<bool, AppError> {
        let mut tx = self.store.begin().await?;
        let live = tx
            .token_is_live(&token_hash(token), TokenPurpose::SetPassword, self.now())
            .await?;
        tx.commit().await?;
        Ok(live)
    }

    /// Sets the password of the link's account and spends the link.
    pub async fn set_password_with_link(
        &self,
        token: &str,
        password: &str,
        confirmation: &str,
    ) -> Result<(), AppError> {
        let (tx, _) = self
            .password_from_link(token, TokenPurpose::SetPassword, password, confirmation)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
