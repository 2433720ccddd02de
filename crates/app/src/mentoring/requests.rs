//! Requests to mentors: asking (from the directory, only mentors its hard filters let
//! through, the reasons kept), reading one with its project, answering with capacity
//! held, withdrawing.

use super::*;

impl App {
    /// Every approved mentor, as the directory shows them (no contact details), with
    /// their records: one query for the mentors and one for their fields.
    pub(super) async fn approved_cards(
        &self,
    ) -> Result<Vec<(MentorCard, mentorat_store::MentorProfile)>, AppError> {
        let t = territories();
        let mentors = self.store.approved_mentors().await?;
        let ids: Vec<Uuid> = mentors.iter().map(|m| m.user_id).collect();
        let mut domains = self.store.mentor_domains_of(&ids).await?;
        let mut cards: Vec<_> = mentors
            .into_iter()
            .map(|mut m| {
                let card = MentorCard {
                    short_name: PersonName::short_of(&m.first_name, &m.last_name),
                    domains: domains.remove(&m.user_id).unwrap_or_default(),
                    // The record's bio moves to the card (the record keeps none).
                    bio: std::mem::take(&mut m.bio),
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
        // Only a mentor the directory could suggest for this project: the engine's
        // hard filters, checked here whatever the form sent.
        let pool = self.mentor_pool().await?;
        let fields = self.store.project_domains(project.id).await?;
        let Some(assessed) = pool.assess(project, fields.clone(), mentor_id) else {
            return Err(invalid("mentor", "error-mentor-not-suitable"));
        };
        let reasons = self
            .reason_notes(project, std::slice::from_ref(&assessed))
            .pop()
            .unwrap_or_default();
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
            reasons: ReasonNote::encode(&reasons),
        };
        tx.insert_request(&request).await?;
        let mentor_account = tx
            .recipients(&[mentor_id])
            .await?
            .remove(&mentor_id)
            .ok_or(AppError::NotFound)?;
        let mail = Mail::RequestReceived {
            name: mentor_account.first_name.clone(),
            link: self.link(&format!("/demandes/{}", request.id)),
            facts: self.request_facts(
                mentor_account.locale,
                project,
                &fields,
                &reasons,
                pool.domains(),
            ),
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

    /// A project's fields of experience (their codes).
    pub async fn project_fields(&self, project: Uuid) -> Result<Vec<String>, AppError> {
        Ok(self.store.project_domains(project).await?)
    }

    /// A request as the mentor asked (or the porteur who asked) reads it: the project
    /// and why the mentor was suggested; « not found » to anyone else.
    pub async fn request_sheet(&self, viewer: Uuid, id: Uuid) -> Result<RequestSheet, AppError> {
        let request = self.request(id).await?;
        concerned(viewer, Action::ViewRequest, &asked(&request))?;
        let project = self.project(request.project_id).await?;
        let fields = self.store.project_domains(project.id).await?;
        let domains = self.store.domains().await?;
        Ok(RequestSheet {
            reasons: ReasonNote::decode(&request.reasons),
            request,
            project,
            fields,
            domains,
        })
    }

    /// What a mentor reads of a request's project, in `locale`: its title, the
    /// porteur's first name and initial, fields, stage, help wanted, commune and
    /// languages, then why they were suggested. Never an address.
    pub fn request_facts(
        &self,
        locale: mentorat_domain::Locale,
        project: &ProjectRecord,
        fields: &[String],
        reasons: &[ReasonNote],
        domains: &[Domain],
    ) -> Vec<String> {
        let tr = crate::i18n::Tr {
            locale,
            i18n: &self.i18n,
        };
        let mut facts = vec![
            tr.ts("request-fact-project", "value", &project.title),
            tr.ts(
                "request-fact-porteur",
                "value",
                &PersonName::short_of(&project.first_name, &project.last_name),
            ),
        ];
        if !fields.is_empty() {
            let labels: Vec<String> = fields
                .iter()
                .map(|f| Domain::label_of(domains, f, locale))
                .collect();
            facts.push(tr.ts("request-fact-fields", "value", &labels.join(", ")));
        }
        if STAGES.contains(&project.stage.as_str()) {
            let stage = tr.t(&format!("stage-{}", project.stage));
            facts.push(tr.ts("request-fact-stage", "value", &stage));
        }
        if !project.help_wanted.is_empty() {
            facts.push(tr.ts("request-fact-help", "value", &project.help_wanted));
        }
        if let Some(c) = territories().commune(&project.commune_code) {
            facts.push(tr.ts("request-fact-commune", "value", &c.name));
        }
        let languages: Vec<String> = project
            .languages
            .split(',')
            .filter(|l| mentorat_domain::mentoring::LANGUAGES.contains(l))
            .map(|l| tr.t(&format!("language-{l}")))
            .collect();
        if !languages.is_empty() {
            facts.push(tr.ts("request-fact-languages", "value", &languages.join(", ")));
        }
        if !reasons.is_empty() {
            let why: Vec<String> = reasons
                .iter()
                .map(|r| self.reason_text(locale, r, domains))
                .collect();
            facts.push(tr.ts("request-fact-reasons", "value", &why.join(" ; ")));
        }
        facts
    }

    /// The mentor accepts (if they still have a place) or declines with a reason.
    /// Either way, their count of expired requests starts again.
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
        tx.mentor_active(mentor_id, true, now).await?;
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
            // Said to the mentor herself: her places are all taken.
            return Err(invalid("request", "error-you-are-full"));
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
        let ids: Vec<Uuid> = others.iter().map(|o| o.mentor_id).collect();
        let mentors = tx.recipients(&ids).await?;
        for other in others {
            if let Some(m) = mentors.get(&other.mentor_id) {
                self.queue_mail(
                    &mut tx,
                    m.email.as_str(),
                    m.locale,
                    &Mail::RequestClosed {
                        name: m.first_name.clone(),
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
}

/// A request with what its page shows: the project, its fields, why the mentor was
/// suggested (the fields' labels to word them).
#[derive(Debug, Clone)]
pub struct RequestSheet {
    pub request: RequestRecord,
    pub project: ProjectRecord,
    pub fields: Vec<String>,
    pub reasons: Vec<ReasonNote>,
    pub domains: Vec<Domain>,
}
