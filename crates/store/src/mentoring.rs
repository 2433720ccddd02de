//! Mentoring records: the taxonomy of fields, mentor applications and their vetting,
//! projects with parental consent, requests (capacity held by one conditional UPDATE),
//! mentorships with meetings, goals and feedback.

use crate::db::{self, Count};
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Cond, Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Domain {
    pub code: String,
    pub label_fr: String,
    pub label_en: String,
    pub synonyms_fr: String,
    pub synonyms_en: String,
}

/// A mentor as coordinators and the directory see them (no contact details here).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MentorProfile {
    pub user_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub circle_id: Option<Uuid>,
    pub commune_code: String,
    pub bio: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::mentoring::Vetting,
    pub capacity: i64,
    pub active_mentees: i64,
    pub travel_km: i64,
    pub remote: bool,
    pub languages: String,
    pub availability: String,
    pub interview_on: Option<DateTime<Utc>>,
    pub charter_version: Option<String>,
    pub charter_accepted_at: Option<DateTime<Utc>>,
    pub background_checked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// The mentors' own columns that [`MentorProfile`] reads (`user_id` comes first, aliased).
const MENTOR_COLUMNS: [&str; 15] = [
    "circle_id",
    "commune_code",
    "bio",
    "status",
    "capacity",
    "active_mentees",
    "travel_km",
    "remote",
    "languages",
    "availability",
    "interview_on",
    "charter_version",
    "charter_accepted_at",
    "background_checked_at",
    "created_at",
];

fn mentor_select() -> sea_query::SelectStatement {
    let mut q = Query::select();
    q.expr_as(Expr::col(("mentors", "user_id")), "user_id")
        .columns([("users", "first_name"), ("users", "last_name")])
        .from("mentors")
        .inner_join(
            "users",
            Expr::col(("users", "id")).equals(("mentors", "user_id")),
        );
    for c in &MENTOR_COLUMNS {
        q.column(("mentors", *c));
    }
    q
}

#[derive(Debug, Clone)]
pub struct MentorApplication {
    pub user_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub commune_code: String,
    pub bio: String,
    pub capacity: i64,
    pub travel_km: i64,
    pub remote: bool,
    pub languages: String,
    pub availability: String,
    pub domains: Vec<(String, i64)>,
    pub charter_version: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProjectRecord {
    pub id: Uuid,
    pub mentee_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub circle_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    pub commune_code: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::ProjectStatus,
    pub stage: String,
    pub help_wanted: String,
    pub languages: String,
    /// The porteur accepts remote mentoring.
    pub remote: bool,
    pub birth_year: Option<i64>,
    pub parent_name: Option<String>,
    pub consent_given_at: Option<DateTime<Utc>>,
    pub consent_withdrawn_at: Option<DateTime<Utc>>,
    pub coordinator_note: String,
    pub created_at: DateTime<Utc>,
}

const PROJECT_COLUMNS: [&str; 17] = [
    "id",
    "mentee_id",
    "circle_id",
    "title",
    "description",
    "commune_code",
    "status",
    "stage",
    "help_wanted",
    "languages",
    "remote",
    "birth_year",
    "parent_name",
    "consent_given_at",
    "consent_withdrawn_at",
    "coordinator_note",
    "created_at",
];

fn project_select() -> sea_query::SelectStatement {
    let mut q = Query::select();
    for c in PROJECT_COLUMNS {
        q.column(("projects", c));
    }
    q.columns([("users", "first_name"), ("users", "last_name")])
        .from("projects")
        .inner_join(
            "users",
            Expr::col(("users", "id")).equals(("projects", "mentee_id")),
        );
    q
}

#[derive(Debug, Clone)]
pub struct NewProjectDetails {
    pub id: Uuid,
    pub mentee_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    pub commune_code: String,
    pub stage: String,
    pub help_wanted: String,
    pub languages: String,
    pub remote: bool,
    pub domains: Vec<String>,
    pub birth_year: i64,
    pub parent: Option<(String, String, String)>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRecord {
    pub id: Uuid,
    pub project_id: Uuid,
    pub mentee_id: Uuid,
    pub mentor_id: Uuid,
    pub message: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::RequestStatus,
    pub decline_reason: Option<String>,
    pub decline_text: String,
    pub created_at: DateTime<Utc>,
}

const REQUEST_COLUMNS: [&str; 9] = [
    "id",
    "project_id",
    "mentee_id",
    "mentor_id",
    "message",
    "status",
    "decline_reason",
    "decline_text",
    "created_at",
];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MentorshipRecord {
    pub id: Uuid,
    pub request_id: Uuid,
    pub mentor_id: Uuid,
    pub mentee_id: Uuid,
    pub project_id: Uuid,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::MentorshipStatus,
    pub started_at: DateTime<Utc>,
    pub last_meeting_on: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: String,
}

const MENTORSHIP_COLUMNS: [&str; 10] = [
    "id",
    "request_id",
    "mentor_id",
    "mentee_id",
    "project_id",
    "status",
    "started_at",
    "last_meeting_on",
    "closed_at",
    "close_reason",
];

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeetingRecord {
    pub id: Uuid,
    pub held_on: DateTime<Utc>,
    pub minutes: i64,
    pub remote: bool,
    pub topics: String,
    /// Private to the pair: never give this to anyone else.
    pub private_notes: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedbackRecord {
    pub author_id: Uuid,
    pub satisfaction: i64,
    pub changes: String,
    pub comment: String,
}

impl Store {
    /// A number that moves (inside the writing transaction, by triggers) with every
    /// change of the mentors, their fields, the fields' labels or people's names: what
    /// was read of them after reading it is at least as new as it (migration 0012).
    pub async fn mentors_generation(&self) -> Result<i64> {
        #[derive(sqlx::FromRow)]
        struct G {
            value: i64,
        }
        let q = Query::select()
            .column("value")
            .from("generations")
            .and_where(Expr::col("name").eq("mentors"))
            .to_owned();
        Ok(db::fetch_optional::<G>(&mut &*self, &q)
            .await?
            .map_or(0, |g| g.value))
    }

    pub async fn domains(&self) -> Result<Vec<Domain>> {
        let q = Query::select()
            .columns(["code", "label_fr", "label_en", "synonyms_fr", "synonyms_en"])
            .from("domains")
            .and_where(Expr::col("active").eq(true))
            .order_by("position", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn mentor(&self, user_id: Uuid) -> Result<Option<MentorProfile>> {
        let q = mentor_select()
            .and_where(Expr::col(("mentors", "user_id")).eq(user_id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// The fields of a mentor with years, by years then code.
    pub async fn mentor_domains(&self, user_id: Uuid) -> Result<Vec<(String, i64)>> {
        Ok(self
            .mentor_domains_of(&[user_id])
            .await?
            .remove(&user_id)
            .unwrap_or_default())
    }

    /// The fields of several mentors in one query, each list as [`Store::mentor_domains`]
    /// orders it.
    pub async fn mentor_domains_of(
        &self,
        user_ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Vec<(String, i64)>>> {
        #[derive(sqlx::FromRow)]
        struct D {
            user_id: Uuid,
            domain_code: String,
            years: i64,
        }
        let rows = db::fetch_by_ids::<D>(&mut &*self, user_ids, |chunk| {
            Query::select()
                .columns(["user_id", "domain_code", "years"])
                .from("mentor_domains")
                .and_where(Expr::col("user_id").is_in(chunk.iter().copied()))
                .order_by("years", Order::Desc)
                .order_by("domain_code", Order::Asc)
                .to_owned()
        })
        .await?;
        let mut out: std::collections::HashMap<Uuid, Vec<(String, i64)>> =
            std::collections::HashMap::new();
        for d in rows {
            out.entry(d.user_id)
                .or_default()
                .push((d.domain_code, d.years));
        }
        Ok(out)
    }

    /// The mentors a porteur has ever asked (whatever became of the request): never
    /// suggested to them again.
    pub async fn asked_mentors(&self, mentee_id: Uuid) -> Result<Vec<Uuid>> {
        Ok(self
            .asked_mentors_of(&[mentee_id])
            .await?
            .remove(&mentee_id)
            .unwrap_or_default())
    }

    /// [`Store::asked_mentors`] of several porteurs in one query per 500.
    pub async fn asked_mentors_of(
        &self,
        mentee_ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Vec<Uuid>>> {
        #[derive(sqlx::FromRow)]
        struct M {
            mentee_id: Uuid,
            mentor_id: Uuid,
        }
        let rows = db::fetch_by_ids::<M>(&mut &*self, mentee_ids, |chunk| {
            Query::select()
                .distinct()
                .columns(["mentee_id", "mentor_id"])
                .from("mentorship_requests")
                .and_where(Expr::col("mentee_id").is_in(chunk.iter().copied()))
                .to_owned()
        })
        .await?;
        let mut out: std::collections::HashMap<Uuid, Vec<Uuid>> = std::collections::HashMap::new();
        for m in rows {
            out.entry(m.mentee_id).or_default().push(m.mentor_id);
        }
        Ok(out)
    }

    /// Mentors of a circle (or all), optionally of one vetting status, newest first.
    pub async fn mentors_of(
        &self,
        circle_id: Option<Uuid>,
        status: Option<&str>,
    ) -> Result<Vec<MentorProfile>> {
        let mut q = mentor_select();
        if let Some(c) = circle_id {
            q.and_where(Expr::col(("mentors", "circle_id")).eq(c));
        }
        if let Some(s) = status {
            q.and_where(Expr::col(("mentors", "status")).eq(s));
        }
        q.order_by(("mentors", "created_at"), Order::Desc);
        db::fetch_all(&mut &*self, &q).await
    }

    /// Approved mentors with a free place, by first name: the directory and suggestions.
    pub async fn available_mentors(&self) -> Result<Vec<MentorProfile>> {
        let mut q = mentor_select();
        q.and_where(Expr::col(("mentors", "status")).eq("approved"))
            .and_where(
                Expr::col(("mentors", "active_mentees")).lt(Expr::col(("mentors", "capacity"))),
            );
        q.order_by(("users", "first_name"), Order::Asc);
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn project(&self, id: Uuid) -> Result<Option<ProjectRecord>> {
        let q = project_select()
            .and_where(Expr::col(("projects", "id")).eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// Several projects by id, in one query per 500.
    pub async fn projects_by_ids(
        &self,
        ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, ProjectRecord>> {
        let rows = db::fetch_by_ids::<ProjectRecord>(&mut &*self, ids, |chunk| {
            project_select()
                .and_where(Expr::col(("projects", "id")).is_in(chunk.iter().copied()))
                .to_owned()
        })
        .await?;
        Ok(rows.into_iter().map(|p| (p.id, p)).collect())
    }

    pub async fn projects_of_mentee(&self, mentee_id: Uuid) -> Result<Vec<ProjectRecord>> {
        let q = project_select()
            .and_where(Expr::col(("projects", "mentee_id")).eq(mentee_id))
            .order_by(("projects", "created_at"), Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn projects_of_circle(
        &self,
        circle_id: Option<Uuid>,
        status: Option<mentorat_domain::ProjectStatus>,
    ) -> Result<Vec<ProjectRecord>> {
        self.projects_of_circles(circle_id.as_slice(), status).await
    }

    /// The projects of these circles (of all for none), `status` ones if given, oldest
    /// first.
    pub async fn projects_of_circles(
        &self,
        circles: &[Uuid],
        status: Option<mentorat_domain::ProjectStatus>,
    ) -> Result<Vec<ProjectRecord>> {
        let mut q = project_select();
        if !circles.is_empty() {
            q.and_where(Expr::col(("projects", "circle_id")).is_in(circles.iter().copied()));
        }
        if let Some(s) = status {
            q.and_where(Expr::col(("projects", "status")).eq(s.as_str()));
        }
        q.order_by(("projects", "created_at"), Order::Asc);
        db::fetch_all(&mut &*self, &q).await
    }

    /// A project's fields, by code.
    pub async fn project_domains(&self, project_id: Uuid) -> Result<Vec<String>> {
        Ok(self
            .project_domains_of(&[project_id])
            .await?
            .remove(&project_id)
            .unwrap_or_default())
    }

    /// [`Store::project_domains`] of several projects in one query per 500.
    pub async fn project_domains_of(
        &self,
        project_ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Vec<String>>> {
        #[derive(sqlx::FromRow)]
        struct D {
            project_id: Uuid,
            domain_code: String,
        }
        let rows = db::fetch_by_ids::<D>(&mut &*self, project_ids, |chunk| {
            Query::select()
                .columns(["project_id", "domain_code"])
                .from("project_domains")
                .and_where(Expr::col("project_id").is_in(chunk.iter().copied()))
                .order_by("domain_code", Order::Asc)
                .to_owned()
        })
        .await?;
        let mut out: std::collections::HashMap<Uuid, Vec<String>> =
            std::collections::HashMap::new();
        for d in rows {
            out.entry(d.project_id).or_default().push(d.domain_code);
        }
        Ok(out)
    }

    pub async fn request(&self, id: Uuid) -> Result<Option<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// Requests involving a person (as mentor or porteur), newest first.
    pub async fn requests_of(&self, user_id: Uuid) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .cond_where(
                Cond::any()
                    .add(Expr::col("mentor_id").eq(user_id))
                    .add(Expr::col("mentee_id").eq(user_id)),
            )
            .order_by("created_at", Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn mentorship(&self, id: Uuid) -> Result<Option<MentorshipRecord>> {
        let q = Query::select()
            .columns(MENTORSHIP_COLUMNS)
            .from("mentorships")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    pub async fn mentorships_of(&self, user_id: Uuid) -> Result<Vec<MentorshipRecord>> {
        let q = Query::select()
            .columns(MENTORSHIP_COLUMNS)
            .from("mentorships")
            .cond_where(
                Cond::any()
                    .add(Expr::col("mentor_id").eq(user_id))
                    .add(Expr::col("mentee_id").eq(user_id)),
            )
            .order_by("started_at", Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn meetings(&self, mentorship_id: Uuid) -> Result<Vec<MeetingRecord>> {
        let q = Query::select()
            .columns([
                "id",
                "held_on",
                "minutes",
                "remote",
                "topics",
                "private_notes",
            ])
            .from("meetings")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .order_by("held_on", Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn feedback_of(&self, mentorship_id: Uuid) -> Result<Vec<FeedbackRecord>> {
        let q = Query::select()
            .columns(["author_id", "satisfaction", "changes", "comment"])
            .from("feedback")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }
}

impl Tx {
    /// Records (or replaces) a mentor application, back to "submitted".
    pub async fn submit_mentor_application(
        &mut self,
        a: &MentorApplication,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("mentors")
            .columns([
                "user_id",
                "circle_id",
                "commune_code",
                "bio",
                "status",
                "capacity",
                "travel_km",
                "remote",
                "languages",
                "availability",
                "charter_version",
                "charter_accepted_at",
                "created_at",
            ])
            .values_panic([
                a.user_id.into(),
                a.circle_id.into(),
                a.commune_code.as_str().into(),
                a.bio.as_str().into(),
                "submitted".into(),
                a.capacity.into(),
                a.travel_km.into(),
                a.remote.into(),
                a.languages.as_str().into(),
                a.availability.as_str().into(),
                a.charter_version.as_str().into(),
                now.into(),
                now.into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        if db::execute(self, &q).await? == 0 {
            return Err(StoreError::Conflict {
                constraint: "mentors_pkey".into(),
            });
        }
        for (code, years) in &a.domains {
            let q = Query::insert()
                .into_table("mentor_domains")
                .columns(["user_id", "domain_code", "years"])
                .values_panic([a.user_id.into(), code.as_str().into(), (*years).into()])
                .to_owned();
            db::execute(self, &q).await?;
        }
        Ok(())
    }

    /// Moves a mentor application to `status`, with the vetting facts that come with it.
    pub async fn set_vetting(
        &mut self,
        user_id: Uuid,
        status: &str,
        interview_on: Option<DateTime<Utc>>,
        background_checked_by: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut q = Query::update();
        q.table("mentors")
            .value("status", status)
            .and_where(Expr::col("user_id").eq(user_id));
        if let Some(day) = interview_on {
            q.value("interview_on", day);
        }
        if let Some(checker) = background_checked_by {
            q.value("background_checked_at", now)
                .value("background_checked_by", checker);
        }
        if status == "approved" {
            q.value("approved_at", now).value("decided_at", now);
        } else if status == "declined" {
            q.value("decided_at", now);
        }
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn insert_project_details(
        &mut self,
        p: &NewProjectDetails,
        consent_hash: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (parent_name, parent_email) = match &p.parent {
            Some((name, email, _)) => (Some(name.clone()), Some(email.clone())),
            None => (None, None),
        };
        let q = Query::insert()
            .into_table("projects")
            .columns([
                "id",
                "mentee_id",
                "circle_id",
                "title",
                "description",
                "commune_code",
                "status",
                "stage",
                "help_wanted",
                "languages",
                "remote",
                "birth_year",
                "parent_name",
                "parent_email",
                "consent_hash",
                "consent_notice_version",
                "created_at",
            ])
            .values_panic([
                p.id.into(),
                p.mentee_id.into(),
                p.circle_id.into(),
                p.title.as_str().into(),
                p.description.as_str().into(),
                p.commune_code.as_str().into(),
                "submitted".into(),
                p.stage.as_str().into(),
                p.help_wanted.as_str().into(),
                p.languages.as_str().into(),
                p.remote.into(),
                p.birth_year.into(),
                parent_name.into(),
                parent_email.into(),
                consent_hash.map(str::to_owned).into(),
                p.parent.as_ref().map(|(_, _, v)| v.clone()).into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        for code in &p.domains {
            let q = Query::insert()
                .into_table("project_domains")
                .columns(["project_id", "domain_code"])
                .values_panic([p.id.into(), code.as_str().into()])
                .to_owned();
            db::execute(self, &q).await?;
        }
        Ok(())
    }

    /// Records a parent's consent from the e-mailed link; the project it was for.
    pub async fn give_parental_consent(
        &mut self,
        consent_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>> {
        #[derive(sqlx::FromRow)]
        struct P {
            id: Uuid,
        }
        let q = Query::update()
            .table("projects")
            .value("consent_given_at", now)
            .value("consent_withdrawn_at", Option::<DateTime<Utc>>::None)
            .and_where(Expr::col("consent_hash").eq(consent_hash))
            .returning(Query::returning().column("id"))
            .to_owned();
        Ok(db::fetch_optional::<P>(self, &q).await?.map(|p| p.id))
    }

    pub async fn withdraw_parental_consent(
        &mut self,
        consent_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("projects")
            .value("consent_withdrawn_at", now)
            .and_where(Expr::col("consent_hash").eq(consent_hash))
            .and_where(Expr::col("consent_given_at").is_not_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn set_project_status(
        &mut self,
        id: Uuid,
        status: mentorat_domain::ProjectStatus,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut q = Query::update();
        q.table("projects")
            .value("status", status.as_str())
            .value("coordinator_note", note)
            .and_where(Expr::col("id").eq(id));
        if status == mentorat_domain::ProjectStatus::Validated {
            q.value("validated_at", now);
        }
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn open_requests_of_mentee(&mut self, mentee_id: Uuid) -> Result<i64> {
        let q = Query::select()
            .expr_as(Expr::col("id").count(), "n")
            .from("mentorship_requests")
            .and_where(Expr::col("mentee_id").eq(mentee_id))
            .and_where(Expr::col("status").eq("open"))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &q).await?.n)
    }

    /// Whether the pair already had a declined, withdrawn, expired or closed request.
    pub async fn pair_history(&mut self, mentee_id: Uuid, mentor_id: Uuid) -> Result<i64> {
        let q = Query::select()
            .expr_as(Expr::col("id").count(), "n")
            .from("mentorship_requests")
            .and_where(Expr::col("mentee_id").eq(mentee_id))
            .and_where(Expr::col("mentor_id").eq(mentor_id))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &q).await?.n)
    }

    pub async fn insert_request(&mut self, r: &RequestRecord) -> Result<()> {
        let q = Query::insert()
            .into_table("mentorship_requests")
            .columns([
                "id",
                "project_id",
                "mentee_id",
                "mentor_id",
                "message",
                "status",
                "created_at",
            ])
            .values_panic([
                r.id.into(),
                r.project_id.into(),
                r.mentee_id.into(),
                r.mentor_id.into(),
                r.message.as_str().into(),
                "open".into(),
                r.created_at.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Moves an open request to `status` (declined, withdrawn, expired, closed).
    pub async fn end_request(
        &mut self,
        id: Uuid,
        status: mentorat_domain::RequestStatus,
        reason: Option<&str>,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentorship_requests")
            .value("status", status.as_str())
            .value("decline_reason", reason.map(str::to_owned))
            .value("decline_text", text)
            .value("answered_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("status").eq("open"))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Accepts an open request if the mentor has a free place: the place is taken by a
    /// conditional UPDATE, so two racing accepts cannot both get the last one. Returns
    /// the new mentorship, or `None` when the mentor is full or the request is gone.
    pub async fn accept_request(
        &mut self,
        request: &RequestRecord,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>> {
        let place = Query::update()
            .table("mentors")
            .value("active_mentees", Expr::col("active_mentees").add(1))
            .and_where(Expr::col("user_id").eq(request.mentor_id))
            .and_where(Expr::col("status").eq("approved"))
            .and_where(Expr::col("active_mentees").lt(Expr::col("capacity")))
            .to_owned();
        if db::execute(self, &place).await? == 0 {
            return Ok(None);
        }
        let accepted = Query::update()
            .table("mentorship_requests")
            .value("status", "accepted")
            .value("answered_at", now)
            .and_where(Expr::col("id").eq(request.id))
            .and_where(Expr::col("status").eq("open"))
            .to_owned();
        if db::execute(self, &accepted).await? == 0 {
            return Err(StoreError::Conflict {
                constraint: "request_not_open".into(),
            });
        }
        let id = Uuid::new_v4();
        let q = Query::insert()
            .into_table("mentorships")
            .columns([
                "id",
                "request_id",
                "mentor_id",
                "mentee_id",
                "project_id",
                "status",
                "started_at",
            ])
            .values_panic([
                id.into(),
                request.id.into(),
                request.mentor_id.into(),
                request.mentee_id.into(),
                request.project_id.into(),
                "active".into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        let project = Query::update()
            .table("projects")
            .value("status", "matched")
            .and_where(Expr::col("id").eq(request.project_id))
            .to_owned();
        db::execute(self, &project).await?;
        Ok(Some(id))
    }

    /// Closes the other open requests of a porteur (after one was accepted); returns them.
    pub async fn close_other_requests(
        &mut self,
        mentee_id: Uuid,
        except: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("mentee_id").eq(mentee_id))
            .and_where(Expr::col("status").eq("open"))
            .and_where(Expr::col("id").ne(except))
            .to_owned();
        let others: Vec<RequestRecord> = db::fetch_all(self, &q).await?;
        for r in &others {
            self.end_request(r.id, mentorat_domain::RequestStatus::Closed, None, "", now)
                .await?;
        }
        Ok(others)
    }

    pub async fn insert_meeting(
        &mut self,
        mentorship_id: Uuid,
        m: &MeetingRecord,
        logged_by: Uuid,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("meetings")
            .columns([
                "id",
                "mentorship_id",
                "held_on",
                "minutes",
                "remote",
                "topics",
                "private_notes",
                "logged_by",
                "created_at",
            ])
            .values_panic([
                m.id.into(),
                mentorship_id.into(),
                m.held_on.into(),
                m.minutes.into(),
                m.remote.into(),
                m.topics.as_str().into(),
                m.private_notes.as_str().into(),
                logged_by.into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        let last = Query::update()
            .table("mentorships")
            .value("last_meeting_on", m.held_on)
            .and_where(Expr::col("id").eq(mentorship_id))
            .cond_where(
                Cond::any()
                    .add(Expr::col("last_meeting_on").is_null())
                    .add(Expr::col("last_meeting_on").lt(m.held_on)),
            )
            .to_owned();
        db::execute(self, &last).await?;
        Ok(())
    }

    /// Closes an active mentorship and frees the mentor's place.
    pub async fn close_mentorship(
        &mut self,
        m: &MentorshipRecord,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentorships")
            .value("status", "closed")
            .value("closed_at", now)
            .value("close_reason", reason)
            .and_where(Expr::col("id").eq(m.id))
            .and_where(Expr::col("status").eq("active"))
            .to_owned();
        if db::execute(self, &q).await? == 0 {
            return Ok(false);
        }
        let free = Query::update()
            .table("mentors")
            .value("active_mentees", Expr::col("active_mentees").sub(1))
            .and_where(Expr::col("user_id").eq(m.mentor_id))
            .and_where(Expr::col("active_mentees").gt(0))
            .to_owned();
        db::execute(self, &free).await?;
        let project = Query::update()
            .table("projects")
            .value("status", "closed")
            .and_where(Expr::col("id").eq(m.project_id))
            .to_owned();
        db::execute(self, &project).await?;
        Ok(true)
    }

    pub async fn insert_feedback(
        &mut self,
        mentorship_id: Uuid,
        f: &FeedbackRecord,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::insert()
            .into_table("feedback")
            .columns([
                "mentorship_id",
                "author_id",
                "satisfaction",
                "changes",
                "comment",
                "created_at",
            ])
            .values_panic([
                mentorship_id.into(),
                f.author_id.into(),
                f.satisfaction.into(),
                f.changes.as_str().into(),
                f.comment.as_str().into(),
                now.into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}

impl Tx {
    /// Adds a field to a mentor's profile (kept if already there).
    pub async fn add_mentor_domain(&mut self, user_id: Uuid, code: &str, years: i64) -> Result<()> {
        let q = Query::insert()
            .into_table("mentor_domains")
            .columns(["user_id", "domain_code", "years"])
            .values_panic([user_id.into(), code.into(), years.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    pub async fn add_project_domain(&mut self, project_id: Uuid, code: &str) -> Result<()> {
        let q = Query::insert()
            .into_table("project_domains")
            .columns(["project_id", "domain_code"])
            .values_panic([project_id.into(), code.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    pub async fn request_exists(&mut self, id: Uuid) -> Result<bool> {
        let q = Query::select()
            .expr_as(Expr::col("id").count(), "n")
            .from("mentorship_requests")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &q).await?.n > 0)
    }
}

impl Store {
    /// Open requests made before `before` and not reminded yet.
    pub async fn requests_to_remind(&self, before: DateTime<Utc>) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("status").eq("open"))
            .and_where(Expr::col("created_at").lt(before))
            .and_where(Expr::col("reminded_at").is_null())
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// Open requests made before `before` (to expire).
    pub async fn requests_to_expire(&self, before: DateTime<Utc>) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("status").eq("open"))
            .and_where(Expr::col("created_at").lt(before))
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// Active mentorships whose last meeting (or start) is older than `before`.
    pub async fn quiet_mentorships(&self, before: DateTime<Utc>) -> Result<Vec<MentorshipRecord>> {
        let q = Query::select()
            .columns(MENTORSHIP_COLUMNS)
            .from("mentorships")
            .and_where(Expr::col("status").eq("active"))
            .cond_where(
                Cond::any()
                    .add(Expr::col("last_meeting_on").lt(before))
                    .add(
                        Cond::all()
                            .add(Expr::col("last_meeting_on").is_null())
                            .add(Expr::col("started_at").lt(before)),
                    ),
            )
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }
}

impl Tx {
    pub async fn mark_request_reminded(&mut self, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
        let q = Query::update()
            .table("mentorship_requests")
            .value("reminded_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("reminded_at").is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Marks a quiet mentorship reminded, at most once per `every`.
    pub async fn mark_mentorship_reminded(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        every: chrono::Duration,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentorships")
            .value("reminded_at", now)
            .and_where(Expr::col("id").eq(id))
            .cond_where(
                Cond::any()
                    .add(Expr::col("reminded_at").is_null())
                    .add(Expr::col("reminded_at").lt(now - every)),
            )
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GoalRecord {
    pub id: Uuid,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: mentorat_domain::GoalStatus,
}

/// Feedback of a circle's closed relationships, in aggregate (no comment, no name).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FeedbackSummary {
    pub answers: i64,
    pub average: f64,
}

impl Store {
    pub async fn goals(&self, mentorship_id: Uuid) -> Result<Vec<GoalRecord>> {
        let q = Query::select()
            .columns(["id", "title", "status"])
            .from("goals")
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .order_by("created_at", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// Satisfaction of the feedback given on a circle's relationships (all circles for
    /// `None`): how many answers, and their average.
    pub async fn feedback_summary(&self, circle_id: Option<Uuid>) -> Result<FeedbackSummary> {
        #[derive(sqlx::FromRow)]
        struct S {
            satisfaction: i64,
        }
        let mut q = Query::select();
        q.column(("feedback", "satisfaction"))
            .from("feedback")
            .inner_join(
                "mentorships",
                Expr::col(("mentorships", "id")).equals(("feedback", "mentorship_id")),
            )
            .inner_join(
                "projects",
                Expr::col(("projects", "id")).equals(("mentorships", "project_id")),
            );
        if let Some(c) = circle_id {
            q.and_where(Expr::col(("projects", "circle_id")).eq(c));
        }
        let rows: Vec<S> = db::fetch_all(&mut &*self, &q).await?;
        let answers = rows.len() as i64;
        let average = if answers == 0 {
            0.0
        } else {
            rows.iter().map(|r| r.satisfaction as f64).sum::<f64>() / answers as f64
        };
        Ok(FeedbackSummary { answers, average })
    }
}

impl Tx {
    pub async fn insert_goal(
        &mut self,
        mentorship_id: Uuid,
        title: &str,
        now: DateTime<Utc>,
    ) -> Result<Uuid> {
        let id = Uuid::new_v4();
        let q = Query::insert()
            .into_table("goals")
            .columns(["id", "mentorship_id", "title", "status", "created_at"])
            .values_panic([
                id.into(),
                mentorship_id.into(),
                title.into(),
                "open".into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(id)
    }

    pub async fn set_goal_status(
        &mut self,
        mentorship_id: Uuid,
        goal_id: Uuid,
        status: mentorat_domain::GoalStatus,
    ) -> Result<bool> {
        let q = Query::update()
            .table("goals")
            .value("status", status.as_str())
            .and_where(Expr::col("id").eq(goal_id))
            .and_where(Expr::col("mentorship_id").eq(mentorship_id))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Edits a field of experience's labels and synonyms (national team).
    pub async fn update_domain(&mut self, code: &str, labels: [&str; 4]) -> Result<bool> {
        let q = Query::update()
            .table("domains")
            .values([
                ("label_fr", labels[0].into()),
                ("label_en", labels[1].into()),
                ("synonyms_fr", labels[2].into()),
                ("synonyms_en", labels[3].into()),
            ])
            .and_where(Expr::col("code").eq(code))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}
