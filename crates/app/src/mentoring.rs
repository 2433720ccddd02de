//! Mentors, porteurs de projet and the mentoring relationship: applying and vetting,
//! submitting a project (with a parent's consent under 15), the directory, requests
//! (at most three open, capacity held under concurrency), and the mentorship itself
//! (contact details for the pair only, meetings with private notes, closing, feedback).

use crate::deferred::Deferred;
use crate::email::Mail;
use crate::invalid;
use crate::security::{random_token, token_hash};
use crate::territories::{resolve_picked, territories};
use crate::{App, AppError};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use mentorat_domain::mentoring::{
    CHARTER_VERSION, CONSENT_NOTICE_VERSION, DECLINE_REASONS, STAGES, Vetting,
    needs_parental_consent, parse_languages,
};
use mentorat_domain::policy::{Action, Decision, Resource, Viewer, authorize};
use mentorat_domain::territory::{Proximity, proximity};
use mentorat_domain::{
    Email, MentorshipStatus, PersonName, ProjectStatus, RequestStatus, Role, RoleGrant,
};
use mentorat_matching::{IndexedMentor, MentorIndex, PlaceKeys, Seeker};
pub use mentorat_store::{
    Domain, MeetingRecord, MentorProfile, MentorshipRecord, ProjectRecord, RequestRecord,
};
use mentorat_store::{FeedbackRecord, MentorApplication, NewProjectDetails};
use std::sync::Arc;
use uuid::Uuid;

fn text(raw: &str, field: &'static str, max: usize, required: bool) -> Result<String, AppError> {
    let v = raw.trim();
    if required && v.is_empty() {
        return Err(invalid(field, "error-empty"));
    }
    if v.chars().count() > max {
        return Err(invalid(field, "error-too-long"));
    }
    Ok(v.to_owned())
}

#[derive(Debug, Clone, Default)]
pub struct MentorForm {
    /// (domain code, years as typed)
    pub domains: Vec<(String, String)>,
    pub bio: String,
    pub commune: String,
    pub commune_query: String,
    pub travel_km: String,
    pub remote: bool,
    pub languages: Vec<String>,
    pub capacity: String,
    pub availability: String,
    pub charter: bool,
}

/// A meeting as logged by one of the pair.
#[derive(Debug, Clone, Default)]
pub struct MeetingForm {
    pub date: String,
    pub minutes: String,
    pub remote: bool,
    pub topics: String,
    /// Visible only to the pair.
    pub notes: String,
}

#[derive(Debug, Clone, Default)]
pub struct ProjectForm {
    pub title: String,
    pub description: String,
    pub domains: Vec<String>,
    pub stage: String,
    pub help_wanted: String,
    pub commune: String,
    pub commune_query: String,
    pub languages: Vec<String>,
    /// The porteur accepts remote mentoring (phone, video).
    pub remote: bool,
    pub birth_year: String,
    pub parent_name: String,
    pub parent_email: String,
}

/// A mentor as the directory shows them: never an address or a phone number.
#[derive(Debug, Clone)]
pub struct MentorCard {
    pub user_id: Uuid,
    pub short_name: String,
    pub domains: Vec<(String, i64)>,
    pub bio: String,
    pub commune: String,
    pub availability: String,
    pub languages: String,
}

/// What one side of a mentorship sees.
#[derive(Debug, Clone)]
pub struct MentorshipView {
    pub record: MentorshipRecord,
    pub project_title: String,
    pub mentor_name: String,
    pub mentee_name: String,
    /// The other person's address, for the pair only.
    pub other_email: Option<String>,
    pub meetings: Vec<MeetingRecord>,
    pub feedback_given: bool,
    pub in_pair: bool,
}

impl App {
    pub async fn domains(&self) -> Result<Vec<Domain>, AppError> {
        Ok(self.store.domains().await?)
    }

    /// Who hears of a circle's news (its coordinators; the national team when there
    /// is no circle), each with the language they chose.
    pub(crate) async fn coordinators_to_tell(
        &self,
        tx: &mut mentorat_store::Tx,
        circle_id: Option<Uuid>,
    ) -> Result<Vec<(String, mentorat_domain::Locale)>, AppError> {
        let members = match circle_id {
            Some(c) => tx.coordinators_of(c).await?,
            None => tx.members_with_role(Role::NationalTeam).await?,
        };
        Ok(members
            .into_iter()
            .map(|m| {
                let locale = m.language();
                (m.email, locale)
            })
            .collect())
    }

    /// Applies as a mentor; the application goes to the circle covering the commune.
    pub async fn apply_as_mentor(
        &self,
        user_id: Uuid,
        form: &MentorForm,
    ) -> Result<Option<Uuid>, AppError> {
        let account = self
            .store
            .account_by_id(user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let known: Vec<String> = self
            .store
            .domains()
            .await?
            .into_iter()
            .map(|d| d.code)
            .collect();
        let mut domains = Vec::new();
        for (code, years) in &form.domains {
            if !known.contains(code) {
                return Err(invalid("domains", "error-unknown-choice"));
            }
            let years = years
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|y| (0..=70).contains(y))
                .ok_or(invalid("domains", "error-years"))?;
            domains.push((code.clone(), years));
        }
        if domains.is_empty() {
            return Err(invalid("domains", "error-domains"));
        }
        let bio = text(&form.bio, "bio", 1_500, true)?;
        let commune = resolve_picked(&form.commune, &form.commune_query)
            .ok_or(invalid("commune", "error-commune"))?;
        let travel_km = match form.travel_km.trim() {
            "" => 10,
            n => n
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=500).contains(n))
                .ok_or(invalid("travel_km", "error-number"))?,
        };
        let capacity = form
            .capacity
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=5).contains(n))
            .ok_or(invalid("capacity", "error-capacity-mentor"))?;
        let languages = parse_languages(&form.languages)
            .map_err(|_| invalid("languages", "error-languages"))?;
        if !form.charter {
            return Err(invalid("charter", "error-charter"));
        }
        let circle = self.circle_for_commune(commune).await?;
        let mut tx = self.store.begin().await?;
        let application = MentorApplication {
            user_id,
            circle_id: circle.as_ref().map(|c| c.id),
            commune_code: commune.key(),
            bio,
            capacity,
            travel_km,
            remote: form.remote,
            languages: languages.join(","),
            availability: text(&form.availability, "availability", 500, false)?,
            domains,
            charter_version: CHARTER_VERSION.to_owned(),
        };
        match tx.submit_mentor_application(&application, self.now()).await {
            Ok(()) => {}
            Err(mentorat_store::StoreError::Conflict { .. }) => {
                return Err(invalid("bio", "error-already-applied"));
            }
            Err(e) => return Err(e.into()),
        }
        tx.grant_role(user_id, &RoleGrant::plain(Role::Mentor))
            .await?;
        let name = account.name.first().to_owned();
        self.queue_mail(
            &mut tx,
            account.email.as_str(),
            account.locale,
            &Mail::Vetting {
                name,
                step: Vetting::Submitted,
            },
        )
        .await?;
        self.tell_coordinators(
            &mut tx,
            application.circle_id,
            "inbox-what-mentor-application",
            "/coordination",
        )
        .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(application.circle_id)
    }

    pub async fn mentor_profile(&self, user_id: Uuid) -> Result<MentorProfile, AppError> {
        self.store.mentor(user_id).await?.ok_or(AppError::NotFound)
    }

    pub async fn mentor_domains(&self, user_id: Uuid) -> Result<Vec<(String, i64)>, AppError> {
        Ok(self.store.mentor_domains(user_id).await?)
    }

    /// Applications and mentors of a circle (all circles for `None`).
    pub async fn circle_mentors(
        &self,
        circle_id: Option<Uuid>,
    ) -> Result<Vec<MentorProfile>, AppError> {
        Ok(self.store.mentors_of(circle_id, None).await?)
    }

    /// Moves an application along vetting. Approval needs the interview date and the
    /// background check recorded (as done, never a document).
    pub async fn vet_mentor(
        &self,
        actor: Uuid,
        mentor: &MentorProfile,
        next: &str,
        interview_on: &str,
        background_checked: bool,
    ) -> Result<(), AppError> {
        let current = mentor.status;
        let next = Vetting::parse(next).map_err(|_| invalid("status", "error-unknown-choice"))?;
        if !current.can_become(next) {
            return Err(invalid("status", "error-status-transition-mentor"));
        }
        let interview = match interview_on.trim() {
            "" => None,
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| invalid("interview_on", "error-date"))
                    .map(|d| Utc.from_utc_datetime(&d.and_hms_opt(12, 0, 0).expect("noon")))?,
            ),
        };
        if next == Vetting::InterviewPlanned && interview.is_none() {
            return Err(invalid("interview_on", "error-interview-date"));
        }
        if next == Vetting::Approved && current == Vetting::InterviewPlanned {
            if mentor.interview_on.is_none() && interview.is_none() {
                return Err(invalid("interview_on", "error-interview-date"));
            }
            if !background_checked && mentor.background_checked_at.is_none() {
                return Err(invalid("background_checked", "error-background-check"));
            }
        }
        let account = self
            .store
            .account_by_id(mentor.user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut tx = self.store.begin().await?;
        tx.set_vetting(
            mentor.user_id,
            next.as_str(),
            interview,
            background_checked.then_some(actor),
            self.now(),
        )
        .await?;
        tx.audit(
            Some(actor),
            "mentor_vetted",
            Some(mentor.user_id),
            next.as_str(),
        )
        .await?;
        let mail = Mail::Vetting {
            name: account.name.first().to_owned(),
            step: next,
        };
        self.queue_mail(&mut tx, account.email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// Submits a project. Under 15, a parent must consent through an e-mailed link
    /// before any suggestion or match.
    pub async fn submit_project(
        &self,
        user_id: Uuid,
        form: &ProjectForm,
    ) -> Result<Uuid, AppError> {
        let account = self
            .store
            .account_by_id(user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let title = text(&form.title, "title", 150, true)?;
        let description = text(&form.description, "description", 4_000, true)?;
        let known: Vec<String> = self
            .store
            .domains()
            .await?
            .into_iter()
            .map(|d| d.code)
            .collect();
        if form.domains.is_empty() || form.domains.iter().any(|d| !known.contains(d)) {
            return Err(invalid("domains", "error-domains"));
        }
        if !STAGES.contains(&form.stage.as_str()) {
            return Err(invalid("stage", "error-unknown-choice"));
        }
        let commune = resolve_picked(&form.commune, &form.commune_query)
            .ok_or(invalid("commune", "error-commune"))?;
        let languages = parse_languages(&form.languages)
            .map_err(|_| invalid("languages", "error-languages"))?;
        let year = self.now().year();
        let birth_year = form
            .birth_year
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (year - 100..=year - 8).contains(y))
            .ok_or(invalid("birth_year", "error-birth-year"))?;
        let minor = needs_parental_consent(birth_year, year);
        let parent = if minor {
            let name = text(&form.parent_name, "parent_name", 200, true)?;
            let email =
                Email::parse(&form.parent_email).map_err(|e| invalid("parent_email", e.key()))?;
            Some((
                name,
                email.as_str().to_owned(),
                CONSENT_NOTICE_VERSION.to_owned(),
            ))
        } else {
            None
        };
        let circle = self.circle_for_commune(commune).await?;
        let details = NewProjectDetails {
            id: Uuid::new_v4(),
            mentee_id: user_id,
            circle_id: circle.as_ref().map(|c| c.id),
            title,
            description,
            commune_code: commune.key(),
            stage: form.stage.clone(),
            help_wanted: text(&form.help_wanted, "help_wanted", 1_500, false)?,
            languages: languages.join(","),
            remote: form.remote,
            domains: form.domains.clone(),
            birth_year: i64::from(birth_year),
            parent: parent.clone(),
        };
        let token = random_token();
        let mut tx = self.store.begin().await?;
        tx.insert_project_details(
            &details,
            minor.then(|| token_hash(&token)).as_deref(),
            self.now(),
        )
        .await?;
        tx.grant_role(user_id, &RoleGrant::plain(Role::Mentee))
            .await?;
        if let Some((parent_name, parent_email, _)) = &parent {
            let mail = Mail::ParentalConsent {
                name: parent_name.clone(),
                child: account.name.first().to_owned(),
                link: self.link(&format!("/consentement/{token}")),
            };
            self.queue_mail(&mut tx, parent_email, account.locale, &mail)
                .await?;
        }
        self.tell_coordinators(
            &mut tx,
            details.circle_id,
            "inbox-what-project",
            "/coordination",
        )
        .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(details.id)
    }

    /// The parent's consent, given from the e-mailed link.
    pub async fn give_parental_consent(&self, token: &str) -> Result<Uuid, AppError> {
        let mut tx = self.store.begin().await?;
        let project = tx
            .give_parental_consent(&token_hash(token), self.now())
            .await?
            .ok_or(AppError::NotFound)?;
        tx.audit(
            None,
            "parental_consent",
            Some(project),
            CONSENT_NOTICE_VERSION,
        )
        .await?;
        tx.commit().await?;
        Ok(project)
    }

    pub async fn withdraw_parental_consent(&self, token: &str) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        if !tx
            .withdraw_parental_consent(&token_hash(token), self.now())
            .await?
        {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn project(&self, id: Uuid) -> Result<ProjectRecord, AppError> {
        self.store.project(id).await?.ok_or(AppError::NotFound)
    }

    /// Records that someone opened a porteur's record (the audit log keeps every view).
    pub async fn audit_record_view(
        &self,
        actor: Uuid,
        project: &ProjectRecord,
    ) -> Result<(), AppError> {
        self.deferred
            .push(Deferred::Audit {
                at: self.now(),
                actor: Some(actor),
                action: "mentee_viewed",
                subject: Some(project.mentee_id),
                detail: project.id.to_string(),
            })
            .await;
        Ok(())
    }

    pub async fn projects_of(&self, user_id: Uuid) -> Result<Vec<ProjectRecord>, AppError> {
        Ok(self.store.projects_of_mentee(user_id).await?)
    }

    pub async fn circle_projects(
        &self,
        circle_id: Option<Uuid>,
    ) -> Result<Vec<ProjectRecord>, AppError> {
        Ok(self.store.projects_of_circle(circle_id, None).await?)
    }

    /// Whether a project may be suggested, shown the directory or matched: validated,
    /// and with a parent's live consent when the porteur is under 15.
    pub fn project_is_matchable(&self, project: &ProjectRecord) -> bool {
        let consent_ok = match project.birth_year {
            Some(y) if needs_parental_consent(y as i32, self.now().year()) => {
                project.consent_given_at.is_some() && project.consent_withdrawn_at.is_none()
            }
            _ => true,
        };
        project.status == ProjectStatus::Validated && consent_ok
    }

    /// The coordinator validates a project, or asks for details.
    pub async fn review_project(
        &self,
        actor: Uuid,
        project: &ProjectRecord,
        decision: &str,
        note: &str,
    ) -> Result<(), AppError> {
        let status = match decision {
            "validate" => ProjectStatus::Validated,
            "details" => ProjectStatus::NeedsDetails,
            _ => return Err(invalid("decision", "error-unknown-choice")),
        };
        // Details may be asked again while the porteur has not answered.
        if !matches!(
            project.status,
            ProjectStatus::Submitted | ProjectStatus::NeedsDetails
        ) {
            return Err(invalid("decision", "error-status-transition-project"));
        }
        let note = text(note, "note", 1_500, status == ProjectStatus::NeedsDetails)?;
        let account = self
            .store
            .account_by_id(project.mentee_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut tx = self.store.begin().await?;
        tx.set_project_status(project.id, status, &note, self.now())
            .await?;
        tx.audit(
            Some(actor),
            "project_reviewed",
            Some(project.mentee_id),
            status.as_str(),
        )
        .await?;
        let mail = Mail::ProjectReviewed {
            name: account.name.first().to_owned(),
            step: status,
            note,
        };
        self.queue_mail(&mut tx, account.email.as_str(), account.locale, &mail)
            .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// Every approved mentor with a free place, as the directory shows them (no
    /// contact details), with their records: one query for the mentors and one for
    /// their fields.
    async fn available_cards(
        &self,
    ) -> Result<Vec<(MentorCard, mentorat_store::MentorProfile)>, AppError> {
        let t = territories();
        let mentors = self.store.available_mentors().await?;
        let ids: Vec<Uuid> = mentors.iter().map(|m| m.user_id).collect();
        let mut domains = self.store.mentor_domains_of(&ids).await?;
        let mut cards: Vec<_> = mentors
            .into_iter()
            .map(|m| {
                let card = MentorCard {
                    short_name: PersonName::short_of(&m.first_name, &m.last_name),
                    domains: domains.remove(&m.user_id).unwrap_or_default(),
                    bio: m.bio.clone(),
                    commune: t
                        .commune(&m.commune_code)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    availability: m.availability.clone(),
                    languages: m.languages.clone(),
                    user_id: m.user_id,
                };
                (card, m)
            })
            .collect();
        cards.sort_by(|(a, _), (b, _)| a.short_name.cmp(&b.short_name));
        Ok(cards)
    }

    /// A porteur asks a mentor (at most three open requests, once per pair).
    pub async fn request_mentor(
        &self,
        mentee_id: Uuid,
        project: &ProjectRecord,
        mentor_id: Uuid,
        message: &str,
    ) -> Result<Uuid, AppError> {
        let own = Resource::Project {
            mentee_id: project.mentee_id,
            circle_id: project.circle_id,
        };
        if concerned(mentee_id, Action::UseOwnProject, &own).is_err()
            || !self.project_is_matchable(project)
        {
            return Err(invalid("project", "error-project-not-ready"));
        }
        if mentor_id == mentee_id {
            return Err(invalid("mentor", "error-same-person"));
        }
        let mentor = self
            .store
            .mentor(mentor_id)
            .await?
            .filter(|m| m.status == Vetting::Approved)
            .ok_or(AppError::NotFound)?;
        if mentor.active_mentees >= mentor.capacity {
            return Err(invalid("mentor", "error-mentor-full"));
        }
        let message = text(message, "message", 1_000, true)?;
        let mut tx = self.store.begin().await?;
        if tx.open_requests_of_mentee(mentee_id).await? >= 3 {
            return Err(invalid("message", "error-three-requests"));
        }
        if tx.pair_history(mentee_id, mentor_id).await? > 0 {
            return Err(invalid("message", "error-already-asked"));
        }
        let request = RequestRecord {
            id: Uuid::new_v4(),
            project_id: project.id,
            mentee_id,
            mentor_id,
            message,
            status: RequestStatus::Open,
            decline_reason: None,
            decline_text: String::new(),
            created_at: self.now(),
        };
        tx.insert_request(&request).await?;
        let mentor_account = tx
            .recipients(&[mentor_id])
            .await?
            .remove(&mentor_id)
            .ok_or(AppError::NotFound)?;
        let mail = Mail::RequestReceived {
            name: mentor_account.first_name.clone(),
            link: self.link("/mon-espace"),
        };
        self.queue_mail(
            &mut tx,
            mentor_account.email.as_str(),
            mentor_account.locale,
            &mail,
        )
        .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(request.id)
    }

    pub async fn requests_of(&self, user_id: Uuid) -> Result<Vec<RequestRecord>, AppError> {
        Ok(self.store.requests_of(user_id).await?)
    }

    pub async fn request(&self, id: Uuid) -> Result<RequestRecord, AppError> {
        self.store.request(id).await?.ok_or(AppError::NotFound)
    }

    /// The mentor accepts (if they still have a place) or declines with a reason.
    pub async fn answer_request(
        &self,
        mentor_id: Uuid,
        request: &RequestRecord,
        accept: bool,
        reason: &str,
        note: &str,
    ) -> Result<Option<Uuid>, AppError> {
        concerned(mentor_id, Action::AnswerRequest, &asked(request))?;
        if request.status != RequestStatus::Open {
            return Err(AppError::NotFound);
        }
        let now = self.now();
        let mentee = self
            .store
            .account_by_id(request.mentee_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut tx = self.store.begin().await?;
        if !accept {
            if !DECLINE_REASONS.contains(&reason) {
                return Err(invalid("reason", "error-unknown-choice"));
            }
            tx.end_request(
                request.id,
                RequestStatus::Declined,
                Some(reason),
                &text(note, "note", 1_000, false)?,
                now,
            )
            .await?;
            let mail = Mail::RequestAnswered {
                name: mentee.name.first().to_owned(),
                accepted: false,
                link: self.link("/mon-espace"),
            };
            self.queue_mail(&mut tx, mentee.email.as_str(), mentee.locale, &mail)
                .await?;
            tx.commit().await?;
            self.mail_queued();
            return Ok(None);
        }
        let Some(mentorship) = tx.accept_request(request, now).await? else {
            return Err(invalid("request", "error-mentor-full"));
        };
        let others = tx
            .close_other_requests(request.mentee_id, request.id, now)
            .await?;
        let link = self.link(&format!("/mentorats/{mentorship}"));
        let mail = Mail::RequestAnswered {
            name: mentee.name.first().to_owned(),
            accepted: true,
            link: link.clone(),
        };
        self.queue_mail(&mut tx, mentee.email.as_str(), mentee.locale, &mail)
            .await?;
        for other in others {
            if let Some(m) = self.store.account_by_id(other.mentor_id).await? {
                self.queue_mail(
                    &mut tx,
                    m.email.as_str(),
                    m.locale,
                    &Mail::RequestClosed {
                        name: m.name.first().to_owned(),
                    },
                )
                .await?;
            }
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(Some(mentorship))
    }

    pub async fn withdraw_request(
        &self,
        mentee_id: Uuid,
        request: &RequestRecord,
    ) -> Result<(), AppError> {
        concerned(mentee_id, Action::WithdrawRequest, &asked(request))?;
        let mut tx = self.store.begin().await?;
        if !tx
            .end_request(request.id, RequestStatus::Withdrawn, None, "", self.now())
            .await?
        {
            return Err(invalid("request", "error-request-closed"));
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn mentorships_of(&self, user_id: Uuid) -> Result<Vec<MentorshipRecord>, AppError> {
        Ok(self.store.mentorships_of(user_id).await?)
    }

    pub async fn mentorship_record(&self, id: Uuid) -> Result<MentorshipRecord, AppError> {
        self.store.mentorship(id).await?.ok_or(AppError::NotFound)
    }

    /// What `viewer` sees of a mentorship: the pair sees each other's address and the
    /// notes; anyone else allowed (coordinators) sees dates and durations only.
    pub async fn mentorship_view(
        &self,
        viewer: Uuid,
        record: MentorshipRecord,
    ) -> Result<MentorshipView, AppError> {
        let in_pair = viewer == record.mentor_id || viewer == record.mentee_id;
        let mentor = self
            .store
            .account_by_id(record.mentor_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mentee = self
            .store
            .account_by_id(record.mentee_id)
            .await?
            .ok_or(AppError::NotFound)?;
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
        Ok(MentorshipView {
            project_title: self
                .store
                .project(record.project_id)
                .await?
                .map(|p| p.title)
                .unwrap_or_default(),
            mentor_name: if in_pair {
                mentor.name.full()
            } else {
                mentor.name.short()
            },
            mentee_name: if in_pair {
                mentee.name.full()
            } else {
                mentee.name.short()
            },
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
    ) -> Result<(), AppError> {
        concerned(viewer, Action::TakePartInMentorship, &pair(record))?;
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
        tx.insert_feedback(record.id, &feedback, self.now()).await?;
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
/// …and is flagged to the coordinators after this long.
pub const QUIET_FLAG: chrono::Duration = chrono::Duration::days(60);

impl App {
    /// Reminds mentors of requests unanswered for 7 days, expires those of 14 days,
    /// and reminds pairs without a meeting for 30 days. Returns how many e-mails.
    pub async fn sweep_mentoring(&self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let mut sent = 0;
        for r in self.store.requests_to_expire(now - REQUEST_EXPIRY).await? {
            let mut tx = self.store.begin().await?;
            if tx
                .end_request(r.id, RequestStatus::Expired, None, "", now)
                .await?
                && let Some(mentee) = tx.recipients(&[r.mentee_id]).await?.remove(&r.mentee_id)
            {
                let mail = Mail::RequestExpired {
                    name: mentee.first_name.clone(),
                    link: self.link("/mon-espace"),
                };
                self.queue_mail(&mut tx, mentee.email.as_str(), mentee.locale, &mail)
                    .await?;
                sent += 1;
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
                    link: self.link("/mon-espace"),
                };
                self.queue_mail(&mut tx, mentor.email.as_str(), mentor.locale, &mail)
                    .await?;
                sent += 1;
            }
            tx.commit().await?;
        }
        for m in self.store.quiet_mentorships(now - QUIET_REMINDER).await? {
            let mut tx = self.store.begin().await?;
            if tx
                .mark_mentorship_reminded(m.id, now, QUIET_REMINDER)
                .await?
            {
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
        if sent > 0 {
            self.mail_queued();
        }
        Ok(sent)
    }

    /// Mentorships of a circle (or all) without a meeting for 60 days: the
    /// coordinators' "needs attention" list.
    pub async fn mentorships_needing_attention(
        &self,
        circle_id: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<Vec<MentorshipRecord>, AppError> {
        let mut out = Vec::new();
        for m in self.store.quiet_mentorships(now - QUIET_FLAG).await? {
            let project = self.store.project(m.project_id).await?;
            if circle_id.is_none() || project.and_then(|p| p.circle_id) == circle_id {
                out.push(m);
            }
        }
        Ok(out)
    }
}

pub use mentorat_store::{FeedbackSummary, GoalRecord};

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

    pub async fn feedback_summary(
        &self,
        circle_id: Option<Uuid>,
    ) -> Result<FeedbackSummary, AppError> {
        Ok(self.store.feedback_summary(circle_id).await?)
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

pub use mentorat_matching::Reason;

/// A suggested mentor: the card, the score (0–100) and the reasons.
#[derive(Debug, Clone)]
pub struct SuggestedMentor {
    pub card: MentorCard,
    pub points: i64,
    pub reasons: Vec<Reason>,
    pub free_places: i64,
}

/// Mentors indexed once for many suggestions: their cards and records, and the
/// engine's index over them (the same order).
pub struct MentorPool {
    cards: Vec<(MentorCard, mentorat_store::MentorProfile)>,
    index: MentorIndex,
    /// The fields of experience the index was built with (their labels and synonyms).
    domains: Vec<Domain>,
    /// A mentor's place in `cards` (and in the index).
    numbers: std::collections::HashMap<Uuid, usize>,
}

impl MentorPool {
    pub fn domains(&self) -> &[Domain] {
        &self.domains
    }

    /// A mentor's free places, if they are in the pool (approved and available).
    pub fn free_places(&self, mentor: Uuid) -> Option<i64> {
        Some(self.free_places_at(*self.numbers.get(&mentor)?))
    }

    /// The free places of the pool's mentor number `i`.
    fn free_places_at(&self, i: usize) -> i64 {
        let (_, record) = &self.cards[i];
        (record.capacity - record.active_mentees).max(0)
    }

    /// The mentors (by their number) the directory's filters leave out for `project`:
    /// without the field `domain`, further than `max_level`, or not speaking `language`.
    pub fn left_out(
        &self,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Vec<usize> {
        let domain = domain.filter(|d| !d.is_empty());
        if domain.is_none() && max_level.is_none() && language.is_none() {
            return Vec::new();
        }
        let t = territories();
        let home = t.commune(&project.commune_code);
        // An unknown commune on either side is as far as can be.
        let level = |code: &str| match (home, t.commune(code)) {
            (Some(h), Some(c)) => proximity(h, c),
            _ => Proximity::Other,
        };
        self.cards
            .iter()
            .enumerate()
            .filter(|(_, (card, m))| {
                domain.is_some_and(|d| !card.domains.iter().any(|(f, _)| f == d))
                    || max_level.is_some_and(|max| level(&m.commune_code) > max)
                    || language.is_some_and(|l| !m.languages.split(',').any(|x| x == l))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

impl App {
    /// The ten best mentors for a project, with their reasons (the matching engine's
    /// hard filters and score on the directory's candidates).
    pub async fn suggestions(
        &self,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Result<Vec<SuggestedMentor>, AppError> {
        let pool = self.mentor_pool().await?;
        self.suggestions_in(&pool, project, domain, max_level, language)
            .await
    }

    /// [`App::suggestions`] with each one's reasons in `locale`, worded with the
    /// fields' labels the index was built with (no other read).
    pub async fn explained_suggestions(
        &self,
        locale: mentorat_domain::Locale,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Result<Vec<(SuggestedMentor, Vec<String>)>, AppError> {
        let pool = self.mentor_pool().await?;
        let found = self
            .suggestions_in(&pool, project, domain, max_level, language)
            .await?;
        let texts = self.reason_texts(locale, project, &found, pool.domains());
        Ok(found.into_iter().zip(texts).collect())
    }

    async fn suggestions_in(
        &self,
        pool: &MentorPool,
        project: &ProjectRecord,
        domain: Option<&str>,
        max_level: Option<Proximity>,
        language: Option<&str>,
    ) -> Result<Vec<SuggestedMentor>, AppError> {
        let weights = self.weights_for(project.circle_id).await?;
        let asked = self.store.asked_mentors(project.mentee_id).await?;
        let fields = self.store.project_domains(project.id).await?;
        // The filters leave mentors out of the index every page shares: a mentor's
        // score is the same, filtered or not.
        let left_out = pool.left_out(project, domain, max_level, language);
        Ok(Self::suggest_with(
            pool, project, fields, &asked, &left_out, &weights,
        ))
    }

    /// Every available mentor, indexed: kept between requests until the mentors'
    /// generation moves (a trigger moves it with any change of the mentors, their fields,
    /// the fields' labels or people's names, whoever writes), so that the directory and
    /// batch proposals read and index the mentors once per change, not once per page.
    /// The generation is read first: the mentors read after it are at least as new.
    pub async fn mentor_pool(&self) -> Result<Arc<MentorPool>, AppError> {
        let generation = self.store.mentors_generation().await?;
        // One reader builds; the others wait for it and share its index.
        let mut cached = self.pool.lock().await;
        if let Some((at, pool)) = cached.as_ref()
            && *at == generation
        {
            return Ok(pool.clone());
        }
        let cards = self.available_cards().await?;
        let pool = Arc::new(self.pool_of(cards).await?);
        *cached = Some((generation, pool.clone()));
        Ok(pool)
    }

    async fn pool_of(
        &self,
        cards: Vec<(MentorCard, mentorat_store::MentorProfile)>,
    ) -> Result<MentorPool, AppError> {
        let domains = self.store.domains().await?;
        let label = |code: &str| {
            domains
                .iter()
                .find(|d| d.code == code)
                .map(|d| d.label_fr.clone())
                .unwrap_or_default()
        };
        let synonyms: Vec<(String, Vec<String>)> = domains
            .iter()
            .map(|d| {
                (
                    d.code.clone(),
                    d.synonyms_fr
                        .split(',')
                        .map(|s| mentorat_domain::territory::fold(s.trim()).trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect(),
                )
            })
            .collect();
        let mentors: Vec<IndexedMentor> = cards
            .iter()
            .map(|(card, m)| IndexedMentor {
                profile: mentorat_matching::MentorProfile {
                    fields: card.domains.clone(),
                    text: std::iter::once(m.bio.clone())
                        .chain(card.domains.iter().map(|(f, _)| label(f)))
                        .collect::<Vec<_>>()
                        .join(" "),
                    languages: m.languages.split(',').map(str::to_owned).collect(),
                    remote: m.remote,
                    travel_km: m.travel_km as f64,
                    active: m.active_mentees,
                    capacity: m.capacity,
                    availability: m.availability.clone(),
                },
                place: place_keys(&m.commune_code, Side::Mentor),
                circle: m.circle_id.map(|c| c.to_string()),
            })
            .collect();
        // Tens of milliseconds a thousand mentors: off the threads that serve requests.
        let index = tokio::task::spawn_blocking(move || MentorIndex::new(&mentors, &synonyms))
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        Ok(MentorPool {
            index,
            numbers: cards
                .iter()
                .enumerate()
                .map(|(i, (card, _))| (card.user_id, i))
                .collect(),
            cards,
            domains,
        })
    }

    /// The ten best mentors of `pool` for a project with these `fields`, under `weights`
    /// (its circle's): never the porteur themself, a mentor they already `asked`, nor
    /// one `left_out` (by their number in the pool).
    pub fn suggest_with(
        pool: &MentorPool,
        project: &ProjectRecord,
        fields: Vec<String>,
        asked: &[Uuid],
        left_out: &[usize],
        weights: &mentorat_matching::Weights,
    ) -> Vec<SuggestedMentor> {
        let seeker = Seeker {
            profile: mentorat_matching::MenteeProfile {
                fields,
                text: format!(
                    "{} {} {}",
                    project.title, project.description, project.help_wanted
                ),
                languages: project.languages.split(',').map(str::to_owned).collect(),
                remote: project.remote,
                availability: String::new(),
            },
            place: place_keys(&project.commune_code, Side::Project),
            circle: project.circle_id.map(|c| c.to_string()),
            excluded: asked
                .iter()
                .chain([&project.mentee_id])
                .filter_map(|id| pool.numbers.get(id).copied())
                .chain(left_out.iter().copied())
                .collect(),
        };
        pool.index
            .suggest(&seeker, weights, 10)
            .into_iter()
            .map(|s| SuggestedMentor {
                points: s.points(),
                card: pool.cards[s.index].0.clone(),
                free_places: pool.free_places_at(s.index),
                reasons: s.reasons,
            })
            .collect()
    }
}

/// A commune's place for the matching engine. An unknown code (`side` says whose) is
/// far from everything: mentors' at one pole, projects' at the other.
fn place_keys(code: &str, side: Side) -> PlaceKeys {
    match territories().commune(code) {
        Some(c) => PlaceKeys {
            country: c.country.key(""),
            commune: c.key(),
            epci: c.epci.as_deref().map(|e| c.country.key(e)),
            departement: c.country.key(&c.departement),
            region: c.country.key(&c.region),
            lat: c.position.lat,
            lon: c.position.lon,
        },
        None => PlaceKeys {
            country: format!("unknown {side:?}"),
            lat: if side == Side::Mentor { 90.0 } else { -90.0 },
            ..PlaceKeys::default()
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Mentor,
    Project,
}

impl App {
    /// Each suggestion's reasons as sentences in `locale` (« Même intercommunalité : CA de
    /// la Région de Compiègne… », « 12 ans en Création d'entreprise », « Mots communs :
    /// … »), with one read of the fields for them all.
    pub fn reason_texts(
        &self,
        locale: mentorat_domain::Locale,
        project: &ProjectRecord,
        suggestions: &[SuggestedMentor],
        domains: &[Domain],
    ) -> Vec<Vec<String>> {
        use mentorat_matching::Level;
        let tr = crate::i18n::Tr {
            locale,
            i18n: &self.i18n,
        };
        let label = |code: &str| {
            domains
                .iter()
                .find(|d| d.code == code)
                .map(|d| {
                    if locale == mentorat_domain::Locale::En {
                        d.label_en.clone()
                    } else {
                        d.label_fr.clone()
                    }
                })
                .unwrap_or_default()
        };
        let t = territories();
        let home = t.commune(&project.commune_code);
        let text = |reason: &Reason| match reason {
            Reason::SameField(f) => tr.ts("reason-same-field", "field", &label(f)),
            Reason::SynonymField(f) => tr.ts("reason-synonym-field", "field", &label(f)),
            Reason::Proximity(Level::SameCommune) => tr.t("reason-same-commune"),
            Reason::Proximity(Level::SameIntercommunality) => tr.ts(
                "reason-same-epci",
                "name",
                &home
                    .and_then(|h| t.epci_of(h))
                    .map(|e| e.name.clone())
                    .unwrap_or_default(),
            ),
            Reason::Proximity(_) => tr.ts(
                "reason-same-dep",
                "name",
                &home
                    .and_then(|h| t.departement_of(h))
                    .map(|d| d.name.clone())
                    .unwrap_or_default(),
            ),
            Reason::Years(f, y) => tr.tv(
                "reason-years",
                &[("years", &y.to_string()), ("field", &label(f))],
            ),
            Reason::CommonWords(words) => tr.ts("reason-words", "words", &words.join(", ")),
            Reason::Remote => tr.t("reason-remote"),
        };
        suggestions
            .iter()
            .map(|s| s.reasons.iter().map(text).collect())
            .collect()
    }
}

/// The policy's answer for what only the people concerned may do (roles play no part
/// there); a refusal reads « not found »: nothing of the record is shown to others.
fn concerned(viewer: Uuid, action: Action, resource: &Resource) -> Result<(), AppError> {
    let who = Viewer {
        user_id: viewer,
        roles: &[],
    };
    match authorize(Some(&who), action, resource) {
        Decision::Allow => Ok(()),
        Decision::SignIn | Decision::Deny => Err(AppError::NotFound),
    }
}

/// A relationship as the policy sees it (its circle plays no part in what the pair do).
fn pair(record: &MentorshipRecord) -> Resource {
    Resource::Mentorship {
        mentor_id: record.mentor_id,
        mentee_id: record.mentee_id,
        circle_id: None,
    }
}

/// A request as the policy sees it.
fn asked(request: &RequestRecord) -> Resource {
    Resource::Request {
        mentor_id: request.mentor_id,
        mentee_id: request.mentee_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mentorat_matching::Level;

    /// The matching engine ranks places with its own copy of the proximity rule (it has
    /// no territories): it must agree with the domain's for every pair of the demo
    /// circles' towns and of the communes of Oise (same town, intercommunality,
    /// département, région, country, and Belgium).
    #[test]
    fn the_engine_and_the_domain_agree_on_every_proximity_level() {
        let t = territories();
        let mut codes: Vec<String> = crate::demo::CIRCLES
            .iter()
            .map(|c| c.commune.to_owned())
            .collect();
        codes.extend(
            t.communes()
                .iter()
                .filter(|c| c.departement == "60")
                .map(|c| c.key()),
        );
        let places: Vec<_> = codes
            .iter()
            .map(|code| (t.commune(code).unwrap(), place_keys(code, Side::Project)))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for (a, a_keys) in &places {
            for (b, b_keys) in &places {
                let expected = match proximity(a, b) {
                    Proximity::SameCommune => Level::SameCommune,
                    Proximity::SameIntercommunality => Level::SameIntercommunality,
                    Proximity::SameDepartement => Level::SameDepartement,
                    Proximity::SameRegion => Level::SameRegion,
                    Proximity::SameCountry => Level::SameCountry,
                    Proximity::Other => Level::Other,
                };
                assert_eq!(a_keys.level(b_keys), expected, "{} / {}", a.name, b.name);
                seen.insert(expected);
            }
        }
        assert_eq!(seen.len(), 6, "every level met: {seen:?}");
    }
}
