//! The relationship: its view for each reader, meetings, closing, feedback, goals; the sweeps that remind and expire; the fields' taxonomy edits.

use super::*;

impl App {
    /// The names of everyone `user` has a request or a relationship with, in one
    /// query (the people their space lists).
    pub async fn counterparts(
        &self,
        user: Uuid,
    ) -> Result<std::collections::HashMap<Uuid, mentorat_domain::PersonName>, AppError> {
        Ok(self.store.counterparts(user).await?)
    }

    pub async fn mentorships_of(&self, user_id: Uuid) -> Result<Vec<MentorshipRecord>, AppError> {
        Ok(self.store.mentorships_of(user_id).await?)
    }

    pub async fn mentorship_record(&self, id: Uuid) -> Result<MentorshipRecord, AppError> {
        self.store.mentorship(id).await?.ok_or(AppError::NotFound)
    }

    /// A relationship with its project's title and circle and its pair, at once.
    pub async fn mentorship_sheet(&self, id: Uuid) -> Result<MentorshipSheet, AppError> {
        self.store
            .mentorship_sheet(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// What `viewer` sees of a mentorship: the pair sees each other's address and the
    /// notes; anyone else allowed (coordinators) sees dates and durations only.
    pub async fn mentorship_view(
        &self,
        viewer: Uuid,
        sheet: MentorshipSheet,
    ) -> Result<MentorshipView, AppError> {
        let MentorshipSheet {
            record,
            project_title,
            mentor,
            mentee,
            ..
        } = sheet;
        let in_pair = viewer == record.mentor_id || viewer == record.mentee_id;
        let other_email = in_pair.then(|| {
            if viewer == record.mentor_id {
                mentee.email.to_string()
            } else {
                mentor.email.to_string()
            }
        });
        let mut meetings = self.store.meetings(record.id).await?;
        if !in_pair {
            for m in &mut meetings {
                m.private_notes.clear();
                m.topics.clear();
            }
        }
        let feedback_given = self
            .store
            .feedback_of(record.id)
            .await?
            .iter()
            .any(|f| f.author_id == viewer);
        let name = |n: &mentorat_domain::PersonName| if in_pair { n.full() } else { n.short() };
        Ok(MentorshipView {
            project_title,
            mentor_name: name(&mentor.name),
            mentee_name: name(&mentee.name),
            other_email,
            meetings,
            feedback_given,
            in_pair,
            record,
        })
    }

    pub async fn log_meeting(
        &self,
        viewer: Uuid,
        record: &MentorshipRecord,
        form: &MeetingForm,
    ) -> Result<(), AppError> {
        let MeetingForm {
            date,
            minutes,
            remote,
            topics,
            notes,
        } = form;
        let remote = *remote;
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        if record.status != MentorshipStatus::Active {
            return Err(invalid("date", "error-mentorship-closed"));
        }
        let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .map_err(|_| invalid("date", "error-date"))?;
        let held_on: DateTime<Utc> =
            Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).expect("noon"));
        if held_on > self.now() + chrono::Duration::days(1) {
            return Err(invalid("date", "error-date-future"));
        }
        // Within the relationship's life: not before it began.
        if day < record.started_at.date_naive() {
            return Err(invalid("date", "error-meeting-before-start"));
        }
        let minutes = minutes
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|m| (5..=600).contains(m))
            .ok_or(invalid("minutes", "error-minutes"))?;
        let meeting = MeetingRecord {
            id: Uuid::new_v4(),
            held_on,
            minutes,
            remote,
            topics: text(topics, "topics", 500, false)?,
            private_notes: text(notes, "notes", 4_000, false)?,
        };
        let mut tx = self.store.begin().await?;
        tx.insert_meeting(record.id, &meeting, viewer, self.now())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Either side closes the mentorship; both are asked for feedback.
    pub async fn close_mentorship(
        &self,
        viewer: Uuid,
        record: &MentorshipRecord,
        reason: &str,
    ) -> Result<(), AppError> {
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        let reason = text(reason, "reason", 500, true)?;
        let mut tx = self.store.begin().await?;
        if !tx.close_mentorship(record, &reason, self.now()).await? {
            return Err(invalid("reason", "error-mentorship-closed"));
        }
        let link = self.link(&format!("/mentorats/{}", record.id));
        let pair = tx.recipients(&[record.mentor_id, record.mentee_id]).await?;
        for id in [record.mentor_id, record.mentee_id] {
            if let Some(a) = pair.get(&id) {
                let mail = Mail::FeedbackWanted {
                    name: a.first_name.clone(),
                    link: link.clone(),
                };
                self.queue_mail(&mut tx, a.email.as_str(), a.locale, &mail)
                    .await?;
            }
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    pub async fn give_feedback(
        &self,
        viewer: Uuid,
        record: &MentorshipRecord,
        satisfaction: &str,
        changes: &str,
        comment: &str,
        outcomes: &[String],
    ) -> Result<(), AppError> {
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        // What changed is the porteur's to say; a mentor's form has no such boxes.
        let mut ticked = Vec::new();
        for raw in outcomes {
            let o = mentorat_domain::status::Outcome::parse(raw)
                .map_err(|_| invalid("outcome", "error-unknown-choice"))?;
            if viewer == record.mentee_id && !ticked.contains(&o.as_str()) {
                ticked.push(o.as_str());
            }
        }
        let satisfaction = satisfaction
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|s| (1..=5).contains(s))
            .ok_or(invalid("satisfaction", "error-satisfaction"))?;
        let feedback = FeedbackRecord {
            author_id: viewer,
            satisfaction,
            changes: text(changes, "changes", 2_000, false)?,
            comment: text(comment, "comment", 2_000, false)?,
        };
        let mut tx = self.store.begin().await?;
        if tx.insert_feedback(record.id, &feedback, self.now()).await? {
            tx.insert_feedback_outcomes(record.id, viewer, &ticked)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// A request unanswered this long reminds the mentor…
pub const REQUEST_REMINDER: chrono::Duration = chrono::Duration::days(7);
/// …and expires this long after it was made (the porteur is told).
pub const REQUEST_EXPIRY: chrono::Duration = chrono::Duration::days(14);
/// A mentorship without a meeting this long reminds both…
pub const QUIET_REMINDER: chrono::Duration = chrono::Duration::days(30);

/// Quiet pairs a sweep reads at a time.
const SWEEP_BATCH: u64 = 500;
/// …and is flagged to the coordinators after this long.
pub const QUIET_FLAG: chrono::Duration = chrono::Duration::days(60);
/// How many of them the coordinators' list shows, the longest quiet first.
pub const ATTENTION_LIST: u64 = 50;

impl App {
    /// Reminds mentors of requests unanswered for 7 days, expires those of 14 days
    /// (the mentor hears of it, see `request_lapsed`), reminds pairs without a meeting
    /// for 30 days, brings back the mentors whose pause ended and sends the check-ins
    /// due. Returns how many e-mails.
    pub async fn sweep_mentoring(&self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let mut sent = 0;
        for r in self.store.requests_to_expire(now - REQUEST_EXPIRY).await? {
            let mentor = self.store.mentor(r.mentor_id).await?;
            let mut tx = self.store.begin().await?;
            if tx
                .end_request(r.id, RequestStatus::Expired, None, "", now)
                .await?
            {
                if let Some(mentee) = tx.recipients(&[r.mentee_id]).await?.remove(&r.mentee_id) {
                    let mail = Mail::RequestExpired {
                        name: mentee.first_name.clone(),
                        link: self.link("/mon-espace"),
                    };
                    self.queue_mail(&mut tx, mentee.email.as_str(), mentee.locale, &mail)
                        .await?;
                    sent += 1;
                }
                if let Some(mentor) = &mentor {
                    sent += self.request_lapsed(&mut tx, mentor).await?;
                }
            }
            tx.commit().await?;
        }
        for r in self
            .store
            .requests_to_remind(now - REQUEST_REMINDER)
            .await?
        {
            let mut tx = self.store.begin().await?;
            if tx.mark_request_reminded(r.id, now).await?
                && let Some(mentor) = tx.recipients(&[r.mentor_id]).await?.remove(&r.mentor_id)
            {
                let mail = Mail::RequestReceived {
                    name: mentor.first_name.clone(),
                    link: self.link(&format!("/demandes/{}", r.id)),
                    facts: Vec::new(),
                };
                self.queue_mail(&mut tx, mentor.email.as_str(), mentor.locale, &mail)
                    .await?;
                sent += 1;
            }
            tx.commit().await?;
        }
        // In batches: each pair nudged (here or by another instance) leaves the list, so
        // a network of any size is read a batch at a time, and pairs already nudged are
        // never read again.
        loop {
            let batch = self
                .store
                .quiet_mentorships(now - QUIET_REMINDER, now - QUIET_REMINDER, SWEEP_BATCH)
                .await?;
            let mut marked = 0;
            for m in &batch {
                let mut tx = self.store.begin().await?;
                if tx
                    .mark_mentorship_reminded(m.id, now, QUIET_REMINDER)
                    .await?
                {
                    marked += 1;
                    let pair = tx.recipients(&[m.mentor_id, m.mentee_id]).await?;
                    for id in [m.mentor_id, m.mentee_id] {
                        if let Some(a) = pair.get(&id) {
                            let mail = Mail::QuietMentorship {
                                name: a.first_name.clone(),
                                link: self.link(&format!("/mentorats/{}", m.id)),
                            };
                            self.queue_mail(&mut tx, a.email.as_str(), a.locale, &mail)
                                .await?;
                            sent += 1;
                        }
                    }
                }
                tx.commit().await?;
            }
            // A short batch was the last; one where another instance marked every pair
            // first leaves the rest to it.
            if (batch.len() as u64) < SWEEP_BATCH || marked == 0 {
                break;
            }
        }
        self.sweep_pauses(now).await?;
        sent += self.sweep_checkins(now).await?;
        if sent > 0 {
            self.mail_queued();
        }
        Ok(sent)
    }
}

pub use mentorat_store::{FeedbackSummary, GoalRecord, QuietMentorship};

impl App {
    pub async fn goals(&self, mentorship_id: Uuid) -> Result<Vec<GoalRecord>, AppError> {
        Ok(self.store.goals(mentorship_id).await?)
    }

    /// One of the pair adds a goal to the relationship.
    pub async fn add_goal(
        &self,
        viewer: Uuid,
        record: &MentorshipRecord,
        title: &str,
    ) -> Result<(), AppError> {
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        let title = text(title, "title", 200, true)?;
        let mut tx = self.store.begin().await?;
        tx.insert_goal(record.id, &title, self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_goal_status(
        &self,
        viewer: Uuid,
        record: &MentorshipRecord,
        goal: Uuid,
        status: &str,
    ) -> Result<(), AppError> {
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        let status = mentorat_domain::GoalStatus::parse(status)
            .map_err(|_| invalid("status", "error-unknown-choice"))?;
        let mut tx = self.store.begin().await?;
        if !tx.set_goal_status(record.id, goal, status).await? {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn feedback_summary(&self, circles: &[Uuid]) -> Result<FeedbackSummary, AppError> {
        Ok(self.store.feedback_summary(circles).await?)
    }

    /// The national team edits a field of experience (labels and synonyms).
    pub async fn update_domain(
        &self,
        actor: Uuid,
        code: &str,
        label_fr: &str,
        label_en: &str,
        synonyms_fr: &str,
        synonyms_en: &str,
    ) -> Result<(), AppError> {
        let fr = text(label_fr, "label_fr", 100, true)?;
        let en = text(label_en, "label_en", 100, true)?;
        let sfr = text(synonyms_fr, "synonyms_fr", 1_000, false)?;
        let sen = text(synonyms_en, "synonyms_en", 1_000, false)?;
        let mut tx = self.store.begin().await?;
        if !tx.update_domain(code, [&fr, &en, &sfr, &sen]).await? {
            return Err(AppError::NotFound);
        }
        tx.audit(Some(actor), "domain_edited", None, code).await?;
        tx.commit().await?;
        Ok(())
    }
}
