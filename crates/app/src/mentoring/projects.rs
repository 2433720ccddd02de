//! Porteurs' projects: submission, a parent's consent under 15, review, matchability.

use super::*;

impl App {
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
            // An age from 8 to 110.
            .filter(|y| (year - 110..=year - 8).contains(y))
            .ok_or(invalid("birth_year", "error-birth-year"))?;
        let minor = needs_parental_consent(birth_year, year);
        if minor && !form.minor_consent {
            return Err(invalid("minor_consent", "error-minor-consent"));
        }
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
        if minor {
            // The porteur's own consent, with the notice they read, kept as shown.
            let now = self.now();
            tx.set_minor_consent(details.id, true, CONSENT_NOTICE_VERSION, now)
                .await?;
            let notice = self.tr(account.locale).t("minor-notice");
            tx.keep_notice(
                "minor",
                CONSENT_NOTICE_VERSION,
                account.locale.code(),
                &notice,
                now,
            )
            .await?;
            tx.audit(
                Some(user_id),
                "minor_consent",
                Some(user_id),
                CONSENT_NOTICE_VERSION,
            )
            .await?;
        }
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

    /// The notice a parent reads before consenting, naming the child, the project, the
    /// circle and how long data is kept (`None`: the link is unknown).
    pub async fn parental_notice(
        &self,
        token: &str,
        locale: mentorat_domain::Locale,
    ) -> Result<Option<String>, AppError> {
        let Some(project) = self.store.project_by_consent(&token_hash(token)).await? else {
            return Ok(None);
        };
        let circle = match project.circle_id {
            Some(id) => self.store.circle(id).await?.map(|c| c.name),
            None => None,
        };
        let details = self.association_details().await?;
        let tr = self.tr(locale);
        Ok(Some(
            tr.tv(
                "consent-notice",
                &[
                    ("child", &project.first_name),
                    ("project", &project.title),
                    (
                        "circle",
                        &circle.unwrap_or_else(|| tr.t("consent-notice-no-circle")),
                    ),
                    (
                        "months",
                        &details
                            .period(
                                mentorat_domain::association::Detail::RetentionRelationshipMonths,
                            )
                            .to_string(),
                    ),
                    (
                        "inactive",
                        &details
                            .period(mentorat_domain::association::Detail::RetentionInactiveMonths)
                            .to_string(),
                    ),
                ],
            ),
        ))
    }

    /// The parent's consent, given from the e-mailed link after reading the notice in
    /// `locale` (kept as shown).
    pub async fn give_parental_consent(
        &self,
        token: &str,
        locale: mentorat_domain::Locale,
    ) -> Result<Uuid, AppError> {
        let notice = self.parental_notice(token, locale).await?;
        let mut tx = self.store.begin().await?;
        let project = tx
            .give_parental_consent(&token_hash(token), self.now())
            .await?
            .ok_or(AppError::NotFound)?;
        if let Some(notice) = notice {
            tx.keep_notice(
                "parental",
                CONSENT_NOTICE_VERSION,
                locale.code(),
                &notice,
                self.now(),
            )
            .await?;
        }
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
        tx.audit(None, "parental_consent_withdrawn", None, "")
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A porteur under 15 withdraws their own consent: no suggestion nor match any more.
    pub async fn withdraw_minor_consent(
        &self,
        user: Uuid,
        project: &ProjectRecord,
    ) -> Result<(), AppError> {
        if project.mentee_id != user {
            return Err(AppError::NotFound);
        }
        let mut tx = self.store.begin().await?;
        if tx
            .set_minor_consent(project.id, false, CONSENT_NOTICE_VERSION, self.now())
            .await?
        {
            tx.audit(Some(user), "minor_consent_withdrawn", Some(user), "")
                .await?;
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
        self.log_view(actor, "mentee_viewed", project.mentee_id, project.id)
            .await;
        Ok(())
    }

    /// Records that `viewer` opened `what` (an id) about `subject`, unless it is their
    /// own: the access log the national team reads by name and the person's export
    /// lists. Written after the response (a page view writes nothing itself).
    pub async fn log_view(&self, viewer: Uuid, action: &'static str, subject: Uuid, what: Uuid) {
        if viewer == subject {
            return;
        }
        self.deferred
            .push(Deferred::Audit {
                at: self.now(),
                actor: Some(viewer),
                action,
                subject: Some(subject),
                detail: what.to_string(),
            })
            .await;
    }

    pub async fn projects_of(&self, user_id: Uuid) -> Result<Vec<ProjectRecord>, AppError> {
        Ok(self.store.projects_of_mentee(user_id).await?)
    }

    /// Whether a project may be suggested, shown the directory or matched: validated,
    /// and with a parent's live consent when the porteur is under 15.
    pub fn project_is_matchable(&self, project: &ProjectRecord) -> bool {
        let consent_ok = match project.birth_year {
            // Under 15 both consents hold: the parent's and the porteur's own.
            Some(y) if needs_parental_consent(y as i32, self.now().year()) => {
                project.consent_given_at.is_some()
                    && project.consent_withdrawn_at.is_none()
                    && project.minor_consent_at.is_some()
                    && project.minor_consent_withdrawn_at.is_none()
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
}
