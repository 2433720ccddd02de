//! Sending: a message written to the outbox in the transaction of the change that
//! causes it, then sent over SMTP by [`MailWorker`] with retries and backoff.

use super::{Mail, render};
use crate::{App, AppError};
use chrono::Duration;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use mentorat_domain::Locale;
use mentorat_store::{OutboxMessage, Tx};
use std::sync::Arc;
use tokio::sync::Notify;

impl App {
    /// Writes a message to the outbox inside `tx`; the worker sends it after commit.
    pub async fn queue_mail(
        &self,
        tx: &mut Tx,
        to: &str,
        locale: Locale,
        mail: &Mail,
    ) -> Result<(), AppError> {
        self.queue_mail_with(tx, to, locale, mail, None).await
    }

    /// Like [`App::queue_mail`], with an attachment (file name, MIME type, UTF-8 body).
    pub async fn queue_mail_with(
        &self,
        tx: &mut Tx,
        to: &str,
        locale: Locale,
        mail: &Mail,
        attachment: Option<(String, String, String)>,
    ) -> Result<(), AppError> {
        let mut message = render(&self.i18n, locale, to, mail, &self.settings.base_url);
        message.attachment = attachment;
        tx.enqueue_message(&message).await?;
        Ok(())
    }

    /// Wakes the mail worker (call after the transaction that queued mail commits).
    pub fn mail_queued(&self) {
        self.mail_wakeup.notify_one();
    }
}

/// Retries: after n failed attempts, wait 2ⁿ minutes (at most 6 hours); give up after
/// this many attempts.
pub const MAX_ATTEMPTS: i64 = 10;

pub fn retry_delay(attempts: i64) -> Duration {
    Duration::minutes(1i64 << attempts.clamp(0, 9)).min(Duration::hours(6))
}

/// Sends the outbox over SMTP, one batch at a time, until the process stops.
pub struct MailWorker {
    app: App,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl MailWorker {
    /// `None` when no SMTP server is configured (messages then stay in the outbox).
    pub fn new(app: App) -> Result<Option<MailWorker>, AppError> {
        let Some(url) = app.settings.smtp_url.clone() else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            .map_err(|e| anyhow::anyhow!("invalid SMTP URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        let from: Mailbox = app
            .settings
            .smtp_from
            .parse()
            .map_err(|e| anyhow::anyhow!("invalid sender address: {e}"))?;
        Ok(Some(MailWorker {
            app,
            transport,
            from,
        }))
    }

    /// Runs until `stop` is notified.
    pub async fn run(self, stop: Arc<Notify>) {
        loop {
            match self.send_due().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail worker could not read the outbox"),
            }
            tokio::select! {
                _ = self.app.mail_wakeup.notified() => {}
                _ = tokio::time::sleep(std::time::Duration::from_secs(5)) => {}
                _ = stop.notified() => return,
            }
        }
    }

    /// Sends every due message; returns how many were tried.
    pub async fn send_due(&self) -> Result<usize, AppError> {
        let now = self.app.now();
        let batch = self
            .app
            .store
            .claim_due_messages(now, Duration::minutes(2), 20)
            .await?;
        for message in &batch {
            match self.send(message).await {
                Ok(()) => self.app.store.mark_sent(message.id, self.app.now()).await?,
                Err(error) => {
                    let attempts = message.attempts + 1;
                    let retry =
                        (attempts < MAX_ATTEMPTS).then(|| self.app.now() + retry_delay(attempts));
                    // The error names the SMTP failure, not the recipient.
                    tracing::warn!(message_id = %message.id, attempts, %error, "e-mail not sent");
                    self.app
                        .store
                        .mark_attempt_failed(message.id, &error, retry, self.app.now())
                        .await?;
                }
            }
        }
        Ok(batch.len())
    }

    async fn send(&self, message: &OutboxMessage) -> Result<(), String> {
        let to: Mailbox = message
            .to_address
            .parse()
            .map_err(|e| format!("invalid recipient: {e}"))?;
        let alternative =
            MultiPart::alternative_plain_html(message.body_text.clone(), message.body_html.clone());
        let body = match (
            &message.attachment_name,
            &message.attachment_type,
            &message.attachment_body,
        ) {
            (Some(name), Some(kind), Some(content)) => {
                let content_type = ContentType::parse(kind)
                    .map_err(|e| format!("invalid attachment type: {e}"))?;
                let attachment: SinglePart =
                    Attachment::new(name.clone()).body(content.clone(), content_type);
                MultiPart::mixed()
                    .multipart(alternative)
                    .singlepart(attachment)
            }
            _ => alternative,
        };
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .multipart(body)
            .map_err(|e| format!("cannot build the message: {e}"))?;
        self.transport
            .send(email)
            .await
            .map(drop)
            .map_err(|e| scrub(&e.to_string()))
    }
}

/// Removes anything that looks like an address from an SMTP error, so that logs and
/// the outbox never repeat one.
pub fn scrub(error: &str) -> String {
    error
        .split_whitespace()
        .map(|word| {
            if word.contains('@') {
                "<address>"
            } else {
                word
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
