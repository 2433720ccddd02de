//! Privacy duties: erasure after a grace period (or at once, by the national team), the
//! ledger re-applied after a restore, the retention sweep (daily in `serve`, under a
//! day's lease, and `mentorat privacy sweep`), inactive accounts, the data export.

mod export;
pub mod zip;

use crate::email::Mail;
use crate::{App, AppError};
use chrono::{DateTime, Utc};
use mentorat_domain::association::Detail;
use mentorat_store::Account;
use mentorat_store::backup::Progress;
use mentorat_store::privacy::Rule;
use uuid::Uuid;

/// How often `serve` looks whether the day's privacy sweep is done.
pub const PRIVACY_SWEEP: std::time::Duration = std::time::Duration::from_secs(3_600);
/// Rows a sweep step handles per transaction.
const BATCH: u64 = 500;
/// Days between the warning of an inactive account and its erasure.
pub const INACTIVE_NOTICE_DAYS: i64 = 30;

/// What a sweep did (or, dry, would do): each rule's rows, the accounts warned and the
/// accounts erased.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SweepReport {
    pub rules: Vec<(Rule, Vec<String>)>,
    pub warned: Vec<Uuid>,
    pub erased: Vec<Uuid>,
}

impl SweepReport {
    /// `rule=n` words, for the log and the sweep's row.
    pub fn counts(&self) -> String {
        let mut words: Vec<String> = self
            .rules
            .iter()
            .map(|(r, keys)| format!("{}={}", r.key(), keys.len()))
            .collect();
        words.push(format!("inactive_warned={}", self.warned.len()));
        words.push(format!("erased={}", self.erased.len()));
        words.join(" ")
    }
}

impl App {
    /// Records a request for erasure (asking the password again): the account is erased
    /// after the grace period unless its owner cancels; sessions end.
    pub async fn request_account_deletion(
        &self,
        account: &Account,
        current: &str,
    ) -> Result<(), AppError> {
        self.check_current_password(account, current).await?;
        let details = self.association_details().await?;
        let now = self.now();
        let due = now + chrono::Duration::days(i64::from(details.period(Detail::ErasureGraceDays)));
        let mut tx = self.store.begin().await?;
        tx.request_deletion(account.id, now).await?;
        tx.delete_sessions_of(account.id).await?;
        tx.audit(Some(account.id), "deletion_requested", Some(account.id), "")
            .await?;
        let mail = Mail::DeletionRequested {
            name: account.name.first().to_owned(),
            date: self.tr(account.locale).date(&due.date_naive()),
            link: self.link("/compte"),
        };
        self.queue_mail(&mut tx, account.email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// When the account's erasure is due (none: not asked).
    pub async fn erasure_due(&self, user: Uuid) -> Result<Option<DateTime<Utc>>, AppError> {
        let Some(asked) = self.store.deletion_requested_at(user).await? else {
            return Ok(None);
        };
        let details = self.association_details().await?;
        Ok(Some(
            asked + chrono::Duration::days(i64::from(details.period(Detail::ErasureGraceDays))),
        ))
    }

    /// The accounts waiting for their erasure, a page of them, and how many there are.
    pub async fn pending_erasures(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<mentorat_store::privacy::PendingErasure>, i64), AppError> {
        Ok(self.store.pending_erasures(offset, limit).await?)
    }

    /// The owner keeps their account after all.
    pub async fn cancel_account_deletion(&self, user: Uuid) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        if tx.cancel_deletion(user).await? {
            tx.audit(Some(user), "deletion_cancelled", Some(user), "")
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Erases one person now (the sweep when the grace period is over, the national team
    /// for a request by letter, the inactivity rule): see `Tx::erase_person`. The other
    /// one of each active relationship is told; the audit log keeps who erased whom (by
    /// id). `false`: nobody to erase (unknown or already erased).
    pub async fn erase_account(&self, actor: Option<Uuid>, user: Uuid) -> Result<bool, AppError> {
        let erased = self.erase_account_at(actor, user, self.now()).await?;
        if erased {
            self.store.checkpoint().await?;
        }
        Ok(erased)
    }

    /// [`App::erase_account`] as of `at` (a sweep's instant), without the checkpoint (a
    /// sweep makes one after all its erasures).
    async fn erase_account_at(
        &self,
        actor: Option<Uuid>,
        user: Uuid,
        at: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let mut tx = self.store.begin().await?;
        let Some(account) = tx.account_by_id(user).await? else {
            return Ok(false);
        };
        if account.email.as_str().ends_with("@erased.invalid") {
            return Ok(false);
        }
        let mut needles = vec![
            account.email.as_str().to_owned(),
            format!("{} {}", account.name.first(), account.name.last()),
            account.name.short(),
        ];
        needles.extend(
            tx.project_titles_of(user)
                .await?
                .into_iter()
                .filter(|t| t.chars().count() >= 8),
        );
        needles.retain(|n| n.trim().chars().count() >= 3);
        let ended = tx
            .erase_person(
                user,
                &account.email.folded(),
                &needles,
                crate::email::ABOUT_THE_RECIPIENT_ONLY,
                at,
            )
            .await?;
        let others: Vec<Uuid> = ended.iter().map(|e| e.other_id).collect();
        let recipients = tx.recipients(&others).await?;
        for other in &others {
            if let Some(r) = recipients.get(other) {
                let mail = Mail::PartnerLeft {
                    name: r.first_name.clone(),
                    link: self.link("/mon-espace"),
                };
                self.queue_mail(&mut tx, r.email.as_str(), r.locale, &mail)
                    .await?;
            }
        }
        tx.audit_at(at, actor, "account_erased", Some(user), "")
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(true)
    }

    /// Re-applies the erasures of `ledger` (kept from before a restore) that the restored
    /// data does not hold yet. Returns how many were erased again.
    pub async fn reapply_erasures(
        &self,
        ledger: &[(Uuid, DateTime<Utc>)],
    ) -> Result<usize, AppError> {
        let mut n = 0;
        for (user, _) in ledger {
            if self.erase_account_at(None, *user, self.now()).await? {
                n += 1;
            }
        }
        if n > 0 {
            self.store.checkpoint().await?;
        }
        Ok(n)
    }

    /// The retention sweep as of `now`: each rule's period from the association's
    /// settings, the erasures due, inactive accounts warned then erased. `dry`: nothing
    /// is written, the report lists what would go.
    pub async fn privacy_sweep(
        &self,
        now: DateTime<Utc>,
        dry: bool,
        progress: &mut dyn Progress,
    ) -> Result<SweepReport, AppError> {
        let details = self.association_details().await?;
        let mut report = SweepReport::default();
        for rule in Rule::ALL {
            let cutoff = match rule {
                Rule::Registrations => details.before(Detail::RetentionRegistrationsMonths, now),
                Rule::ContactMessages | Rule::HostingRequests => {
                    details.before(Detail::RetentionRequestsMonths, now)
                }
                Rule::Messages | Rule::RelationshipNotes => {
                    details.before(Detail::RetentionRelationshipMonths, now)
                }
                Rule::MailBodies => details.before(Detail::RetentionMailDays, now),
                Rule::AuditLog => details.before(Detail::RetentionAuditMonths, now),
                Rule::Sessions | Rule::Links => now,
            };
            let mut keys = Vec::new();
            if dry {
                let mut tx = self.store.begin().await?;
                keys = tx.retention_candidates(rule, cutoff, u64::MAX >> 1).await?;
                drop(tx);
                progress.phase(rule.key(), keys.len());
                progress.advance(keys.len());
            } else {
                progress.phase(rule.key(), 0);
                loop {
                    let mut tx = self.store.begin().await?;
                    let batch = tx.retention_candidates(rule, cutoff, BATCH).await?;
                    if batch.is_empty() {
                        break;
                    }
                    tx.apply_retention(rule, &batch).await?;
                    tx.commit().await?;
                    progress.advance(batch.len());
                    keys.extend(batch);
                }
            }
            progress.finish();
            report.rules.push((rule, keys));
        }
        // Erasures whose grace period is over.
        let grace = chrono::Duration::days(i64::from(details.period(Detail::ErasureGraceDays)));
        let due = {
            let mut tx = self.store.begin().await?;
            tx.due_erasures(now - grace, u64::MAX >> 1).await?
        };
        // Inactive accounts: erased a month after their warning, then newly warned.
        let inactive_before = details.before(Detail::RetentionInactiveMonths, now);
        let warned_before = now - chrono::Duration::days(INACTIVE_NOTICE_DAYS);
        let (to_erase, to_warn) = {
            let mut tx = self.store.begin().await?;
            (
                tx.inactive_warned(warned_before, u64::MAX >> 1).await?,
                tx.inactive_unwarned(inactive_before, u64::MAX >> 1).await?,
            )
        };
        progress.phase("erasures", due.len() + to_erase.len());
        for user in due.iter().chain(&to_erase) {
            if dry || self.erase_account_at(None, *user, now).await? {
                report.erased.push(*user);
            }
            progress.advance(1);
        }
        progress.finish();
        if !dry && !report.erased.is_empty() {
            self.store.checkpoint().await?;
        }
        progress.phase("inactive_warned", to_warn.len());
        for user in to_warn {
            if !dry {
                self.warn_inactive(user, now).await?;
            }
            report.warned.push(user);
            progress.advance(1);
        }
        progress.finish();
        Ok(report)
    }

    /// Tells an inactive account's owner it will be erased unless they sign in.
    async fn warn_inactive(&self, user: Uuid, now: DateTime<Utc>) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        let Some(account) = tx.account_by_id(user).await? else {
            return Ok(());
        };
        tx.mark_inactivity_warned(user, now).await?;
        let date = (now + chrono::Duration::days(INACTIVE_NOTICE_DAYS)).date_naive();
        let mail = Mail::Inactive {
            name: account.name.first().to_owned(),
            date: self.tr(account.locale).date(&date),
            link: self.link("/connexion"),
        };
        self.queue_mail(&mut tx, account.email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// The day's sweep, if no instance did it yet today: logged with its counts.
    pub async fn daily_privacy_sweep(&self) -> Result<Option<SweepReport>, AppError> {
        let now = self.now();
        let day = now.date_naive();
        let mut tx = self.store.begin().await?;
        if !tx.claim_privacy_sweep(day, now).await? {
            return Ok(None);
        }
        tx.commit().await?;
        let report = self
            .privacy_sweep(now, false, &mut mentorat_store::backup::Silent)
            .await?;
        let counts = report.counts();
        tracing::info!(counts = %counts, "privacy sweep done");
        let mut tx = self.store.begin().await?;
        tx.finish_privacy_sweep(day, self.now(), &counts).await?;
        tx.commit().await?;
        Ok(Some(report))
    }

    /// Logs a sweep run by hand and records it as the day's.
    pub async fn record_privacy_sweep(
        &self,
        at: DateTime<Utc>,
        report: &SweepReport,
    ) -> Result<(), AppError> {
        let counts = report.counts();
        tracing::info!(counts = %counts, "privacy sweep done");
        let mut tx = self.store.begin().await?;
        tx.finish_privacy_sweep(at.date_naive(), self.now(), &counts)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Runs the day's sweep every [`PRIVACY_SWEEP`] until `stop` is notified.
    pub async fn run_privacy(self, stop: std::sync::Arc<tokio::sync::Notify>) {
        loop {
            let started = std::time::Instant::now();
            match self.daily_privacy_sweep().await {
                Ok(Some(_)) => {
                    self.stats
                        .sweep_done("privacy", self.now(), started.elapsed().as_secs_f64())
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "privacy sweep failed"),
            }
            tokio::select! {
                _ = tokio::time::sleep(PRIVACY_SWEEP) => {}
                _ = stop.notified() => return,
            }
        }
    }
}
