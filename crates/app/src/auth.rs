//! Signing up, verifying an address, signing in and out, forgotten passwords, changing
//! one's address or password, asking for erasure. Unknown and known addresses get the
//! same answers; every attempt is rate limited; sessions live in the database.

use crate::deferred::Deferred;
use crate::email::Mail;
use crate::invalid;
use crate::passwords;
use crate::security::{Limited, random_token, token_hash};
use crate::{App, AppError};
use chrono::Duration;
use mentorat_domain::password::check_new_password;
use mentorat_domain::{Email, Locale, PersonName};
pub use mentorat_store::Account;
use mentorat_store::{NewUser, TokenPurpose};
use std::net::IpAddr;
use uuid::Uuid;

/// How long e-mailed links stay valid.
pub const VERIFY_VALIDITY: Duration = Duration::days(3);
pub const RESET_VALIDITY: Duration = Duration::hours(1);
/// How long a browser is remembered as one its owner signs in from.
pub const DEVICE_VALIDITY: Duration = Duration::days(180);

/// Where a request comes from, as far as abuse limits are concerned.
#[derive(Debug, Clone)]
pub struct Client {
    pub ip: IpAddr,
    /// The device cookie of the browser, if it has one.
    pub device: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SignUp {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub password: String,
    pub confirmation: String,
}

/// A successful sign-in: the new session and a fresh device cookie.
#[derive(Debug)]
pub struct SignedIn {
    pub user_id: Uuid,
    pub session_token: String,
    pub device_cookie: String,
}

fn parse_email(raw: &str) -> Result<Email, AppError> {
    Email::parse(raw).map_err(|e| invalid("email", e.key()))
}

fn check_password(password: &str, confirmation: &str, email: &str) -> Result<(), AppError> {
    check_new_password(password, email).map_err(|p| invalid("password", p.key()))?;
    if password != confirmation {
        return Err(invalid("confirmation", "error-password-mismatch"));
    }
    Ok(())
}

impl App {
    /// Voids the account's live links for `purpose`, makes a new single-use one (only its
    /// hash is stored) and returns its address.
    async fn new_link(
        &self,
        tx: &mut mentorat_store::Tx,
        user: Uuid,
        purpose: TokenPurpose,
        validity: Duration,
        payload: &str,
        path: &str,
    ) -> Result<String, AppError> {
        let token = random_token();
        tx.void_tokens(user, purpose, self.now()).await?;
        tx.insert_token(
            &token_hash(&token),
            user,
            purpose,
            self.now() + validity,
            payload,
        )
        .await?;
        Ok(self.link(&format!("{path}/{token}")))
    }

    /// Creates an unverified account and e-mails a verification link. If the address
    /// already has an account, its owner gets a "was this you?" e-mail instead; the
    /// answer is the same either way.
    pub async fn sign_up(
        &self,
        input: SignUp,
        locale: Locale,
        client: &Client,
    ) -> Result<(), AppError> {
        self.rate_limit(Limited::Address("signup", client.ip))
            .await?;
        let name = PersonName::parse(&input.first_name, &input.last_name)
            .map_err(|e| invalid("first_name", e.key()))?;
        let email = parse_email(&input.email)?;
        check_password(&input.password, &input.confirmation, email.as_str())?;
        self.rate_limit(Limited::Account("signup", &email.folded()))
            .await?;
        let hash = passwords::hash_blocking(input.password).await;
        let mut tx = self.store.begin().await?;
        let id = Uuid::new_v4();
        let created = tx
            .insert_user_if_absent(&NewUser {
                id,
                email: email.clone(),
                name: name.clone(),
                locale,
                password_hash: Some(hash),
                verified_at: None,
            })
            .await?;
        if created {
            let link = self
                .new_link(
                    &mut tx,
                    id,
                    TokenPurpose::VerifyEmail,
                    VERIFY_VALIDITY,
                    "",
                    "/compte/verifier",
                )
                .await?;
            let mail = Mail::VerifyEmail {
                name: name.first().to_owned(),
                link,
            };
            self.queue_mail(&mut tx, email.as_str(), locale, &mail)
                .await?;
            tx.audit(Some(id), "sign_up", Some(id), "").await?;
        } else {
            let mail = Mail::AccountExists {
                link: self.link("/mot-de-passe-oublie"),
            };
            self.queue_mail(&mut tx, email.as_str(), locale, &mail)
                .await?;
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// Confirms an address from the e-mailed link.
    pub async fn verify_email(&self, token: &str) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        let (user_id, _) = tx
            .consume_token(&token_hash(token), TokenPurpose::VerifyEmail, self.now())
            .await?
            .ok_or(AppError::NotFound)?;
        tx.mark_email_verified(user_id, self.now()).await?;
        tx.audit(Some(user_id), "email_verified", Some(user_id), "")
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks the password and opens a new session. Wrong address and wrong password
    /// get the same error, after the same work.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: &Client,
    ) -> Result<SignedIn, AppError> {
        self.rate_limit(Limited::Address("signin", client.ip))
            .await?;
        let email = Email::parse(email).map_err(|_| invalid("email", "error-sign-in"))?;
        let credentials = self.store.credentials_by_email(&email).await?;
        let now = self.now();
        let device_owner = client
            .device
            .as_deref()
            .and_then(|c| self.secrets.device_owner(c, now.timestamp()));
        match (&credentials, device_owner, client.device.as_deref()) {
            // The owner's own browser is not locked out by attacks on the account.
            (Some(c), Some(owner), Some(cookie)) if owner == c.id => {
                self.rate_limit(Limited::Device(owner, cookie)).await?
            }
            _ => {
                self.rate_limit(Limited::Account("signin", &email.folded()))
                    .await?
            }
        }
        let stored = credentials.as_ref().and_then(|c| c.password_hash.clone());
        let phc = stored
            .clone()
            .unwrap_or_else(|| passwords::dummy_hash().to_owned());
        let matches =
            passwords::verify_blocking(password.to_owned(), phc).await && stored.is_some();
        let Some(credentials) =
            // An account whose erasure waits may still sign in: to cancel it.
            credentials.filter(|_| matches)
        else {
            let subject = self.store.credentials_by_email(&email).await?.map(|c| c.id);
            self.store
                .audit(None, "sign_in_failed", subject, "")
                .await?;
            return Err(invalid("email", "error-sign-in"));
        };
        if credentials.email_verified_at.is_none() {
            self.resend_verification(credentials.id, &email).await?;
            return Err(invalid("email", "error-not-verified"));
        }
        if stored.as_deref().is_some_and(passwords::needs_rehash) {
            let upgraded = passwords::hash_blocking(password.to_owned()).await;
            let mut tx = self.store.begin().await?;
            tx.set_password_hash(credentials.id, &upgraded).await?;
            tx.commit().await?;
        }
        let session_token = random_token();
        let mut tx = self.store.begin().await?;
        tx.insert_session(
            &token_hash(&session_token),
            credentials.id,
            now,
            now + self.settings.session_max,
        )
        .await?;
        tx.audit(Some(credentials.id), "sign_in", Some(credentials.id), "")
            .await?;
        tx.mark_seen(credentials.id, now).await?;
        tx.commit().await?;
        Ok(SignedIn {
            user_id: credentials.id,
            session_token,
            device_cookie: self
                .secrets
                .device_cookie(credentials.id, (now + DEVICE_VALIDITY).timestamp()),
        })
    }

    async fn resend_verification(&self, user_id: Uuid, email: &Email) -> Result<(), AppError> {
        let Some(account) = self.store.account_by_id(user_id).await? else {
            return Ok(());
        };
        let mut tx = self.store.begin().await?;
        let link = self
            .new_link(
                &mut tx,
                user_id,
                TokenPurpose::VerifyEmail,
                VERIFY_VALIDITY,
                "",
                "/compte/verifier",
            )
            .await?;
        let mail = Mail::VerifyEmail {
            name: account.name.first().to_owned(),
            link,
        };
        self.queue_mail(&mut tx, email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// The account of a live session (idle and absolute lifetimes enforced).
    pub async fn session_account(&self, session_token: &str) -> Result<Option<Account>, AppError> {
        let hash = token_hash(session_token);
        let Some((session, account)) = self.store.session_account(&hash).await? else {
            return Ok(None);
        };
        let now = self.now();
        if now >= session.expires_at || now - session.last_seen_at >= self.settings.session_idle {
            let mut tx = self.store.begin().await?;
            tx.delete_session(&hash).await?;
            tx.commit().await?;
            return Ok(None);
        }
        // A signed-in page writes nothing while it renders: the last use is moved
        // only once it is older than an eighth of the idle timeout (a session then
        // ends after between 7/8 and all of the idle time unused), after the response.
        if now - session.last_seen_at >= self.settings.session_idle / 8 {
            self.deferred
                .push(Deferred::TouchSession {
                    id_hash: hash,
                    at: now,
                })
                .await;
        }
        Ok(Some(account))
    }

    pub async fn sign_out(&self, session_token: &str) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        tx.delete_session(&token_hash(session_token)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// E-mails a reset link if the address has an account; the same answer otherwise.
    pub async fn forgot_password(&self, email: &str, client: &Client) -> Result<(), AppError> {
        self.rate_limit(Limited::Address("reset", client.ip))
            .await?;
        let email = parse_email(email)?;
        self.rate_limit(Limited::Account("reset", &email.folded()))
            .await?;
        let Some(account) = self.store.account_by_email(&email).await? else {
            return Ok(());
        };
        let mut tx = self.store.begin().await?;
        let link = self
            .new_link(
                &mut tx,
                account.id,
                TokenPurpose::ResetPassword,
                RESET_VALIDITY,
                "",
                "/compte/reinitialiser",
            )
            .await?;
        let mail = Mail::ResetPassword {
            name: account.name.first().to_owned(),
            link,
        };
        self.queue_mail(&mut tx, account.email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    pub async fn reset_link_is_live(&self, token: &str) -> Result<bool, AppError> {
        let mut tx = self.store.begin().await?;
        let live = tx
            .token_is_live(&token_hash(token), TokenPurpose::ResetPassword, self.now())
            .await?;
        tx.commit().await?;
        Ok(live)
    }

    /// Sets a new password from a reset link; every session of the account ends.
    pub async fn reset_password(
        &self,
        token: &str,
        password: &str,
        confirmation: &str,
    ) -> Result<(), AppError> {
        let (mut tx, user_id) = self
            .password_from_link(token, TokenPurpose::ResetPassword, password, confirmation)
            .await?;
        // Whoever could read the reset e-mail controls the address: it is verified.
        tx.mark_email_verified(user_id, self.now()).await?;
        tx.delete_sessions_of(user_id).await?;
        tx.audit(Some(user_id), "password_reset", Some(user_id), "")
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks a new password, then spends a single-use `purpose` link on it: the
    /// account's new hash is written in the returned transaction, for the caller to
    /// finish and commit. An unknown, spent or expired link is `NotFound`.
    pub(crate) async fn password_from_link(
        &self,
        token: &str,
        purpose: TokenPurpose,
        password: &str,
        confirmation: &str,
    ) -> Result<(mentorat_store::Tx, Uuid), AppError> {
        check_password(password, confirmation, "")?;
        let hash = passwords::hash_blocking(password.to_owned()).await;
        let mut tx = self.store.begin().await?;
        let (user_id, _) = tx
            .consume_token(&token_hash(token), purpose, self.now())
            .await?
            .ok_or(AppError::NotFound)?;
        tx.set_password_hash(user_id, &hash).await?;
        Ok((tx, user_id))
    }

    pub(crate) async fn check_current_password(
        &self,
        account: &Account,
        password: &str,
    ) -> Result<(), AppError> {
        let stored = self.store.password_hash_of(account.id).await?;
        let ok = match stored {
            Some(phc) => passwords::verify_blocking(password.to_owned(), phc).await,
            None => false,
        };
        if ok {
            Ok(())
        } else {
            Err(invalid("current_password", "error-current-password"))
        }
    }

    /// Changes the password (asking the current one); every session ends.
    pub async fn change_password(
        &self,
        account: &Account,
        current: &str,
        password: &str,
        confirmation: &str,
    ) -> Result<(), AppError> {
        self.check_current_password(account, current).await?;
        check_password(password, confirmation, account.email.as_str())?;
        let hash = passwords::hash_blocking(password.to_owned()).await;
        let mut tx = self.store.begin().await?;
        tx.set_password_hash(account.id, &hash).await?;
        tx.delete_sessions_of(account.id).await?;
        tx.audit(Some(account.id), "password_changed", Some(account.id), "")
            .await?;
        let mail = Mail::PasswordChanged {
            name: account.name.first().to_owned(),
        };
        self.queue_mail(&mut tx, account.email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// Starts a change of address: the new address must confirm through a link.
    pub async fn change_email(
        &self,
        account: &Account,
        current: &str,
        new_email: &str,
    ) -> Result<(), AppError> {
        self.check_current_password(account, current).await?;
        let email = parse_email(new_email)?;
        let mut tx = self.store.begin().await?;
        let link = self
            .new_link(
                &mut tx,
                account.id,
                TokenPurpose::ChangeEmail,
                VERIFY_VALIDITY,
                email.as_str(),
                "/compte/confirmer-adresse",
            )
            .await?;
        let mail = Mail::ConfirmNewEmail {
            name: account.name.first().to_owned(),
            link,
        };
        self.queue_mail(&mut tx, email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// Completes a change of address from the link sent to the new address.
    pub async fn confirm_email_change(&self, token: &str) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        let (user_id, payload) = tx
            .consume_token(&token_hash(token), TokenPurpose::ChangeEmail, self.now())
            .await?
            .ok_or(AppError::NotFound)?;
        let email = Email::parse(&payload).map_err(|_| AppError::NotFound)?;
        let old = tx.account_by_id(user_id).await?.ok_or(AppError::NotFound)?;
        match tx.set_email(user_id, &email, self.now()).await {
            Ok(()) => {}
            Err(mentorat_store::StoreError::Conflict { .. }) => {
                return Err(invalid("email", "error-account-exists"));
            }
            Err(e) => return Err(e.into()),
        }
        tx.audit(Some(user_id), "email_changed", Some(user_id), "")
            .await?;
        let mail = Mail::EmailChanged {
            name: old.name.first().to_owned(),
        };
        self.queue_mail(&mut tx, old.email.as_str(), old.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }
}
