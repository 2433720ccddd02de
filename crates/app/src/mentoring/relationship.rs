//! The relationship as the pair live it: their messages (e-mailed as « a message
//! waits », never its content), reports and blocks to the circle's coordinators, the
//! check-ins at 30 days then every 60, and the coordinators' review.

use super::*;
use mentorat_store::{CheckinRecord, MessageRecord};

/// A thread is e-mailed about at most once an hour to each reader.
pub const NOTIFY_AT_MOST_EVERY: chrono::Duration = chrono::Duration::hours(1);
/// The first check-in comes this long after the start…
pub const FIRST_CHECKIN: chrono::Duration = chrono::Duration::days(30);
/// …then one every this long.
pub const NEXT_CHECKIN: chrono::Duration = chrono::Duration::days(60);
/// Messages a page of the thread shows (the pages' usual 50).
pub const THREAD_PAGE: u64 = 50;

/// What a reader sees of a relationship's messages.
#[derive(Debug, Clone)]
pub struct Thread {
    /// The page of messages the reader may read (all of theirs for the pair, else only
    /// the reported ones, or every one of a minor's thread for its coordinators).
    pub messages: Vec<MessageRecord>,
    /// How many messages the whole thread holds (for the pages; the pair only).
    pub total: i64,
    /// The messages reported (their ids).
    pub reported: Vec<Uuid>,
    pub reports: Vec<ReportRecord>,
    /// The porteur may be a minor: the thread says the coordinators can read it.
    pub minor: bool,
    /// The coordinators' readings of a minor's thread: who (first name and initial), when.
    pub readings: Vec<(String, DateTime<Utc>)>,
    /// The reader is one of the pair.
    pub in_pair: bool,
}

/// The relationship as the policy sees its messages.
pub fn thread_resource(sheet: &MentorshipSheet, now: DateTime<Utc>) -> Resource {
    Resource::Thread {
        mentor_id: sheet.record.mentor_id,
        mentee_id: sheet.record.mentee_id,
        circle_id: sheet.circle_id,
        minor: porteur_may_be_minor(sheet, now),
    }
}

fn porteur_may_be_minor(sheet: &MentorshipSheet, now: DateTime<Utc>) -> bool {
    sheet
        .birth_year
        .is_some_and(|y| mentorat_domain::mentoring::may_be_minor(y as i32, now.year()))
}

/// The audit log's name for a coordinator's reading of a minor's thread.
const THREAD_READ: &str = "thread_read";

impl App {
    /// The thread of a relationship as `viewer` may read it (`roles`: theirs, read from
    /// the database), page `page` (1: the latest). The pair's opening marks it read
    /// (after the response); a coordinator's reading of a minor's thread is logged.
    pub async fn thread(
        &self,
        viewer: Uuid,
        roles: &[RoleGrant],
        sheet: &MentorshipSheet,
        page: u64,
    ) -> Result<Thread, AppError> {
        let now = self.now();
        let who = Viewer {
            user_id: viewer,
            roles,
        };
        let record = &sheet.record;
        let pair_resource = Resource::Mentorship {
            mentor_id: record.mentor_id,
            mentee_id: record.mentee_id,
            circle_id: sheet.circle_id,
        };
        if authorize(Some(&who), Action::ReadReports, &pair_resource) != Decision::Allow {
            return Err(AppError::NotFound);
        }
        let in_pair = viewer == record.mentor_id || viewer == record.mentee_id;
        let reads_all = authorize(
            Some(&who),
            Action::ReadMessages,
            &thread_resource(sheet, now),
        ) == Decision::Allow;
        let minor = porteur_may_be_minor(sheet, now);
        let reports = self.store.reports_of(record.id).await?;
        let reported: Vec<Uuid> = reports.iter().filter_map(|r| r.message_id).collect();
        let (messages, total) = if reads_all {
            let skip = page.saturating_sub(1) * THREAD_PAGE;
            (
                self.store
                    .messages_page(record.id, skip, THREAD_PAGE)
                    .await?,
                self.store.count_messages(record.id).await?,
            )
        } else {
            let reported = self.store.reported_messages(record.id).await?;
            let n = reported.len() as i64;
            (reported, n)
        };
        if in_pair {
            self.deferred
                .push(Deferred::ThreadRead {
                    mentorship: record.id,
                    user: viewer,
                    at: now,
                })
                .await;
        } else if reads_all {
            self.deferred
                .push(Deferred::Audit {
                    at: now,
                    actor: Some(viewer),
                    action: THREAD_READ,
                    subject: Some(record.id),
                    detail: String::new(),
                })
                .await;
        }
        let readings = if minor {
            let entries = self
                .store
                .audit_of_subject(record.id, THREAD_READ, 20)
                .await?;
            let ids: Vec<Uuid> = entries.iter().filter_map(|(actor, _)| *actor).collect();
            let names = self.store.names(&ids).await?;
            entries
                .into_iter()
                .map(|(actor, at)| {
                    let name = actor
                        .and_then(|a| names.get(&a))
                        .map(|n| n.short())
                        .unwrap_or_default();
                    (name, at)
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(Thread {
            messages,
            total,
            reported,
            reports,
            minor,
            readings,
            in_pair,
        })
    }

    /// One of the pair writes; the other is told by e-mail that a message waits (not
    /// what it says), in their language, at most once an hour per thread.
    pub async fn post_message(
        &self,
        viewer: Uuid,
        record: &MentorshipRecord,
        body: &str,
    ) -> Result<(), AppError> {
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        if record.status != MentorshipStatus::Active || record.suspended_at.is_some() {
            return Err(invalid("body", "error-mentorship-closed"));
        }
        let body = text(body, "body", 4_000, true)?;
        let now = self.now();
        let other = if viewer == record.mentor_id {
            record.mentee_id
        } else {
            record.mentor_id
        };
        let mut tx = self.store.begin().await?;
        tx.insert_message(&MessageRecord {
            id: Uuid::new_v4(),
            mentorship_id: record.id,
            author_id: viewer,
            body,
            created_at: now,
        })
        .await?;
        tx.mark_read(record.id, viewer, now).await?;
        if viewer == record.mentor_id {
            tx.mentor_active(viewer, false, now).await?;
        }
        let mut mailed = false;
        if tx
            .claim_notification(record.id, other, now, now - NOTIFY_AT_MOST_EVERY)
            .await?
            && let Some(to) = tx.recipients(&[other]).await?.remove(&other)
        {
            let mail = Mail::NewMessage {
                name: to.first_name.clone(),
                link: self.link(&format!("/mentorats/{}/messages", record.id)),
            };
            self.queue_mail(&mut tx, to.email.as_str(), to.locale, &mail)
                .await?;
            mailed = true;
        }
        tx.commit().await?;
        if mailed {
            self.mail_queued();
        }
        Ok(())
    }

    /// One of the pair reports a message of the other (`message`) or the relationship
    /// to the circle's coordinators, with a reason; `block`: they end contact at once
    /// (the relationship is suspended until a coordinator reviews it, and the pair is
    /// never suggested again: a pair that had a request never is).
    pub async fn report(
        &self,
        viewer: Uuid,
        sheet: &MentorshipSheet,
        message: Option<Uuid>,
        reason: &str,
        block: bool,
    ) -> Result<(), AppError> {
        let record = &sheet.record;
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        let reason = text(reason, "reason", 1_000, true)?;
        if let Some(id) = message {
            // Only a message of the other one, in this thread.
            let theirs = self
                .store
                .message(id)
                .await?
                .is_some_and(|m| m.mentorship_id == record.id && m.author_id != viewer);
            if !theirs {
                return Err(AppError::NotFound);
            }
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        tx.insert_report(&ReportRecord {
            id: Uuid::new_v4(),
            mentorship_id: record.id,
            reporter_id: viewer,
            message_id: message,
            reason,
            block,
            created_at: now,
            reviewed_at: None,
        })
        .await?;
        if block {
            tx.suspend_mentorship(record.id, now).await?;
        }
        let coordinators = match sheet.circle_id {
            Some(circle) => tx.coordinators_of(circle).await?,
            None => Vec::new(),
        };
        for c in &coordinators {
            let mail = Mail::Reported {
                name: c.first_name.clone(),
                block,
                link: self.link(&format!("/mentorats/{}", record.id)),
            };
            self.queue_mail(&mut tx, &c.email, c.language(), &mail)
                .await?;
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// A coordinator of the circle (or the national team) reviews a reported or
    /// suspended relationship: it goes on (`resume`), or it is closed.
    pub async fn review_relationship(
        &self,
        viewer: Uuid,
        roles: &[RoleGrant],
        sheet: &MentorshipSheet,
        resume: bool,
    ) -> Result<(), AppError> {
        let record = &sheet.record;
        let who = Viewer {
            user_id: viewer,
            roles,
        };
        let resource = Resource::Mentorship {
            mentor_id: record.mentor_id,
            mentee_id: record.mentee_id,
            circle_id: sheet.circle_id,
        };
        if authorize(Some(&who), Action::ReviewRelationship, &resource) != Decision::Allow {
            return Err(AppError::NotFound);
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let reviewed = tx.review_reports(record.id, viewer, now).await?;
        let changed = if resume {
            tx.resume_mentorship(record.id).await?
        } else {
            tx.close_mentorship(record, "coordination", now).await?
        };
        if reviewed == 0 && !changed {
            return Err(invalid("review", "error-nothing-to-review"));
        }
        tx.audit(
            Some(viewer),
            if resume {
                "relationship_resumed"
            } else {
                "relationship_closed"
            },
            Some(record.id),
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sends the check-ins due (30 days after the start, then every 60) to both of
    /// each active pair, a batch at a time, each marked in the transaction that
    /// queues its e-mails. Returns how many e-mails.
    pub async fn sweep_checkins(&self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let mut sent = 0;
        loop {
            let due = self
                .store
                .checkins_due(now - FIRST_CHECKIN, now - NEXT_CHECKIN, 500)
                .await?;
            let mut marked = 0;
            for m in &due {
                let mut tx = self.store.begin().await?;
                if tx.mark_checkin_sent(m.id, m.checkin_round, now).await? {
                    marked += 1;
                    let pair = tx.recipients(&[m.mentor_id, m.mentee_id]).await?;
                    for id in [m.mentor_id, m.mentee_id] {
                        if let Some(a) = pair.get(&id) {
                            let mail = Mail::CheckIn {
                                name: a.first_name.clone(),
                                link: self.link(&format!("/mentorats/{}/point", m.id)),
                            };
                            self.queue_mail(&mut tx, a.email.as_str(), a.locale, &mail)
                                .await?;
                            sent += 1;
                        }
                    }
                }
                tx.commit().await?;
            }
            if due.len() < 500 || marked == 0 {
                break;
            }
        }
        if sent > 0 {
            self.mail_queued();
        }
        Ok(sent)
    }

    /// One of the pair answers the check-in of the round sent last.
    pub async fn answer_checkin(
        &self,
        viewer: Uuid,
        record: &MentorshipRecord,
        mood: &str,
        met: &str,
        note: &str,
    ) -> Result<(), AppError> {
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
        if record.checkin_round == 0 {
            return Err(invalid("mood", "error-no-checkin"));
        }
        let mood = mood
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|m| (1..=5).contains(m))
            .ok_or(invalid("mood", "error-checkin-mood"))?;
        let met = match met {
            "yes" => true,
            "no" => false,
            _ => return Err(invalid("met", "error-unknown-choice")),
        };
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let checkin = CheckinRecord {
            author_id: viewer,
            round: record.checkin_round,
            mood,
            met,
            note: text(note, "note", 2_000, false)?,
            created_at: now,
        };
        if !tx.insert_checkin(record.id, &checkin).await? {
            return Err(invalid("mood", "error-checkin-answered"));
        }
        if viewer == record.mentor_id {
            tx.mentor_active(viewer, false, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many messages of each of `user`'s threads wait to be read.
    pub async fn unread_counts(
        &self,
        user: Uuid,
    ) -> Result<std::collections::HashMap<Uuid, i64>, AppError> {
        Ok(self.store.unread_counts(user).await?)
    }

    /// Whether a report of the relationship waits for a coordinator.
    pub async fn has_open_reports(&self, mentorship: Uuid) -> Result<bool, AppError> {
        Ok(self
            .store
            .reports_of(mentorship)
            .await?
            .iter()
            .any(|r| r.reviewed_at.is_none()))
    }

    /// What the coordinators of `circles` follow: the reports waiting for them and the
    /// check-in answers flagged for them in the last 90 days (50 of each, the oldest
    /// report and the latest answer first). The national team (`None`) gets the
    /// answers in aggregate and how many reports wait, never their words (read at most
    /// once a minute).
    pub async fn follow_up(&self, circles: Option<&[Uuid]>) -> Result<FollowUp, AppError> {
        let since = self.now() - chrono::Duration::days(90);
        Ok(match circles {
            Some(circles) => FollowUp {
                reports: self.store.open_reports_in(Some(circles), 50).await?,
                flagged: self
                    .store
                    .flagged_checkins_in(Some(circles), since, 50)
                    .await?,
                summary: None,
                waiting_reports: 0,
            },
            None => {
                // The whole network's figures: read at most once a minute, whoever asks.
                let mut kept = self.follow_up.lock().await;
                if let Some((at, figures)) = kept.as_ref()
                    && self.now() - *at < chrono::Duration::minutes(1)
                {
                    return Ok(figures.clone());
                }
                let figures = FollowUp {
                    reports: Vec::new(),
                    flagged: Vec::new(),
                    summary: Some(self.store.checkin_summary(since).await?),
                    waiting_reports: self.store.count_open_reports().await?,
                };
                *kept = Some((self.now(), figures.clone()));
                figures
            }
        })
    }

    /// Every check-in answer of a relationship, by round (its coordinators' trend).
    pub async fn checkins(&self, mentorship: Uuid) -> Result<Vec<CheckinRecord>, AppError> {
        Ok(self.store.checkins_of(mentorship).await?)
    }
}

/// The national figures of the follow-up page and when they were read.
pub(crate) type KeptFollowUp = (DateTime<Utc>, FollowUp);

/// What the coordination's follow-up page shows (see [`App::follow_up`]).
#[derive(Debug, Clone, Default)]
pub struct FollowUp {
    pub reports: Vec<mentorat_store::OpenReport>,
    pub flagged: Vec<mentorat_store::FlaggedCheckin>,
    /// The national team's figures.
    pub summary: Option<mentorat_store::CheckinSummary>,
    pub waiting_reports: i64,
}
