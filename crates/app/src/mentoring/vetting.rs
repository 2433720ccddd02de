//! Mentor applications and their vetting; the fields of experience read for them.

use super::*;

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

    /// What a mentor says of themself, checked (fields with years, bio, travel,
    /// capacity, languages, availability): the application without its person,
    /// place and charter.
    pub(super) async fn profile_of(
        &self,
        form: &MentorForm,
    ) -> Result<MentorApplication, AppError> {
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
        Ok(MentorApplication {
            user_id: Uuid::nil(),
            circle_id: None,
            commune_code: String::new(),
            bio,
            capacity,
            travel_km,
            remote: form.remote,
            languages: languages.join(","),
            availability: text(&form.availability, "availability", 500, false)?,
            domains,
            charter_version: String::new(),
            event_id: None,
        })
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
        let profile = self.profile_of(form).await?;
        let commune = resolve_picked(&form.commune, &form.commune_query)
            .ok_or(invalid("commune", "error-commune"))?;
        if !form.charter {
            return Err(invalid("charter", "error-charter"));
        }
        let circle = self.circle_for_commune(commune).await?;
        let mut tx = self.store.begin().await?;
        let application = MentorApplication {
            user_id,
            circle_id: circle.as_ref().map(|c| c.id),
            commune_code: commune.key(),
            charter_version: CHARTER_VERSION.to_owned(),
            event_id: match form.invitation.trim() {
                "" => None,
                secret => {
                    tx.use_invite(&crate::security::token_hash(secret), self.now())
                        .await?
                }
            },
            ..profile
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
            d => {
                let day = NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| invalid("interview_on", "error-date"))?;
                // Held within the last year (recorded afterwards) or planned within the
                // next one.
                let today = self.now().date_naive();
                if day < today - chrono::Months::new(12) || day > today + chrono::Months::new(12) {
                    return Err(invalid("interview_on", "error-interview-when"));
                }
                Some(Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).expect("noon")))
            }
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
            next,
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
}
