//! Mentors who stay reachable: editing one's profile after approval, pausing until a
//! date and coming back, the requests let expire (a reminder, then the coordinators,
//! then a pause), and the volunteer hours their meetings add up to.

use super::*;
use mentorat_store::{HoursLine, MentorHours};

/// A pause lasts at most this long (a mentor who needs longer asks the coordinators).
pub const LONGEST_PAUSE_DAYS: i64 = 366;

/// What a volunteering certificate says.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub name: PersonName,
    pub hours: MentorHours,
    /// The period asked (a calendar year), if any.
    pub year: Option<i32>,
}

impl App {
    /// An approved (or paused) mentor edits what they said of themself.
    pub async fn edit_mentor_profile(
        &self,
        user_id: Uuid,
        form: &MentorForm,
    ) -> Result<(), AppError> {
        let mentor = self
            .store
            .mentor(user_id)
            .await?
            .filter(|m| matches!(m.status, Vetting::Approved | Vetting::Paused))
            .ok_or(AppError::NotFound)?;
        let profile = MentorApplication {
            user_id,
            ..self.profile_of(form).await?
        };
        if profile.capacity < mentor.active_mentees {
            return Err(invalid("capacity", "error-capacity-below-mentees"));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !tx.update_mentor_profile(&profile).await? {
            return Err(AppError::NotFound);
        }
        tx.mentor_active(user_id, false, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A mentor pauses until `until` (a day to come, within a year): they leave the
    /// directory and the proposals meanwhile, and come back that day by themselves.
    pub async fn pause_self(&self, user_id: Uuid, until: &str) -> Result<(), AppError> {
        let now = self.now();
        let day = NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d")
            .map_err(|_| invalid("until", "error-date"))?;
        if day <= now.date_naive()
            || day > now.date_naive() + chrono::Duration::days(LONGEST_PAUSE_DAYS)
        {
            return Err(invalid("until", "error-pause-date"));
        }
        let until = Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight"));
        let mut tx = self.store.begin().await?;
        if !tx.pause_mentor(user_id, "self", Some(until)).await? {
            return Err(invalid("until", "error-not-available"));
        }
        tx.mentor_active(user_id, false, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A mentor paused by themself or by expired requests comes back now.
    pub async fn resume_self(&self, user_id: Uuid) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        if !tx.resume_mentor(user_id, self.now()).await? {
            return Err(invalid("until", "error-not-paused"));
        }
        tx.commit().await?;
        Ok(())
    }

    /// Mentors whose pause has reached its day come back. Returns how many.
    pub(super) async fn sweep_pauses(&self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let due = self.store.mentors_to_resume(now).await?;
        let mut tx = self.store.begin().await?;
        let mut back = 0;
        for mentor in due {
            back += usize::from(tx.resume_mentor(mentor, now).await?);
        }
        tx.commit().await?;
        Ok(back)
    }

    /// A request of `mentor` expired (inside the sweep's transaction): the first time
    /// they are reminded; from the second, their circle's coordinators hear of it; at
    /// the setting's count they are paused and told how to come back. Returns the
    /// e-mails queued.
    pub(super) async fn request_lapsed(
        &self,
        tx: &mut mentorat_store::Tx,
        mentor: &MentorProfile,
    ) -> Result<usize, AppError> {
        let count = tx.note_expired_request(mentor.user_id).await?;
        let Some(to) = tx
            .recipients(&[mentor.user_id])
            .await?
            .remove(&mentor.user_id)
        else {
            return Ok(0);
        };
        let mut sent = 0;
        let paused = count >= self.settings.mentor_pause_after_expired
            && tx.pause_mentor(mentor.user_id, "expired", None).await?;
        let mail = if paused {
            Mail::MentorPaused {
                name: to.first_name.clone(),
                link: self.link("/mon-espace"),
            }
        } else {
            Mail::RequestLapsed {
                name: to.first_name.clone(),
                link: self.link("/mon-espace"),
            }
        };
        self.queue_mail(tx, to.email.as_str(), to.locale, &mail)
            .await?;
        sent += 1;
        if count >= 2
            && let Some(circle) = mentor.circle_id
        {
            for c in tx.coordinators_of(circle).await? {
                let mail = Mail::MentorSilent {
                    name: c.first_name.clone(),
                    link: self.link(&format!("/coordination/mentors/{}", mentor.user_id)),
                };
                self.queue_mail(tx, &c.email, c.language(), &mail).await?;
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// What a mentor's meetings add up to, over `year` (every year: `None`).
    pub async fn certificate(
        &self,
        user_id: Uuid,
        year: Option<i32>,
    ) -> Result<Certificate, AppError> {
        let account = self
            .store
            .account_by_id(user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let period = year.and_then(year_bounds);
        let hours = self.store.mentor_hours(user_id, period).await?;
        Ok(Certificate {
            name: account.name,
            hours,
            year,
        })
    }

    /// The meetings of `year` by circle and month, for the hours export (audited:
    /// `actor` exported them).
    pub async fn hours_by_circle_month(
        &self,
        actor: Uuid,
        year: i32,
    ) -> Result<Vec<HoursLine>, AppError> {
        let (from, to) = year_bounds(year).ok_or(invalid("annee", "error-year"))?;
        let lines = self.store.hours_by_circle_month(from, to).await?;
        self.deferred
            .push(Deferred::Audit {
                at: self.now(),
                actor: Some(actor),
                action: "hours_exported",
                subject: None,
                detail: year.to_string(),
            })
            .await;
        Ok(lines)
    }
}

/// A calendar year's first instant and the next year's.
fn year_bounds(year: i32) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let start = |y: i32| {
        Some(Utc.from_utc_datetime(&NaiveDate::from_ymd_opt(y, 1, 1)?.and_hms_opt(0, 0, 0)?))
    };
    Some((start(year)?, start(year + 1)?))
}
