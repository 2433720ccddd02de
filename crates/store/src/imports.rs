//! Spreadsheets imported: the row that carries a file from its preview to its import
//! (and its progress), and the writes of one imported mentor, registration or
//! association.

use crate::db;
use crate::{Result, Store, Tx};
use chrono::{DateTime, Utc};
use sea_query::{Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

/// An import as its pages show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ImportRecord {
    pub id: Uuid,
    pub actor_id: Uuid,
    pub kind: String,
    pub event_id: Option<Uuid>,
    pub file_name: String,
    pub status: String,
    pub total_lines: i64,
    pub done_lines: i64,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub refused: i64,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

const COLUMNS: [&str; 14] = [
    "id",
    "actor_id",
    "kind",
    "event_id",
    "file_name",
    "status",
    "total_lines",
    "done_lines",
    "created",
    "updated",
    "unchanged",
    "refused",
    "created_at",
    "finished_at",
];

/// A mentor vetted elsewhere, as an import writes them.
#[derive(Debug, Clone)]
pub struct ImportedMentor {
    pub user_id: Uuid,
    /// The account is new (else a mentor profile is added to an existing one).
    pub new_account: bool,
    pub email: mentorat_domain::Email,
    pub name: mentorat_domain::PersonName,
    pub locale: mentorat_domain::Locale,
    pub circle_id: Option<Uuid>,
    pub commune_code: String,
    pub bio: String,
    pub capacity: i64,
    pub domains: Vec<String>,
    pub interview_on: DateTime<Utc>,
    pub background_checked: bool,
}

/// A porteur de projet and their project, as an import writes them. Under 15, the
/// parent's consent is asked by e-mail and the porteur's own at first sign-in.
#[derive(Debug, Clone)]
pub struct ImportedPorteur {
    pub email: mentorat_domain::Email,
    pub name: mentorat_domain::PersonName,
    pub locale: mentorat_domain::Locale,
    /// `mentee_id` is the new account's id.
    pub project: crate::NewProjectDetails,
}

#[derive(sqlx::FromRow)]
struct Content {
    content: Option<Vec<u8>>,
}

impl Tx {
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_import(
        &mut self,
        id: Uuid,
        actor_id: Uuid,
        kind: &str,
        event_id: Option<Uuid>,
        file_name: &str,
        content: &[u8],
        total_lines: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        // Previews never confirmed hold other people's data: gone after a day.
        let stale = Query::delete()
            .from_table("imports")
            .and_where(Expr::col("status").eq("previewed"))
            .and_where(Expr::col("created_at").lt(now - chrono::Duration::days(1)))
            .to_owned();
        db::execute(self, &stale).await?;
        let q = Query::insert()
            .into_table("imports")
            .columns([
                "id",
                "actor_id",
                "kind",
                "event_id",
                "file_name",
                "content",
                "status",
                "total_lines",
                "created_at",
            ])
            .values_panic([
                id.into(),
                actor_id.into(),
                kind.into(),
                event_id.into(),
                file_name.into(),
                content.to_vec().into(),
                "previewed".into(),
                total_lines.into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Moves a previewed import to running; false when it was not previewed (a second
    /// confirmation, or one already done).
    pub async fn start_import(&mut self, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
        let q = Query::update()
            .table("imports")
            .value("status", "running")
            .value("progressed_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("status").eq("previewed"))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Records a batch's progress.
    pub async fn import_progress(
        &mut self,
        id: Uuid,
        done_lines: i64,
        counts: [i64; 4],
        now: DateTime<Utc>,
    ) -> Result<()> {
        let [created, updated, unchanged, refused] = counts;
        let q = Query::update()
            .table("imports")
            .value("done_lines", done_lines)
            .value("progressed_at", now)
            .value("created", created)
            .value("updated", updated)
            .value("unchanged", unchanged)
            .value("refused", refused)
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Imports still « running » with no batch written since `before` — their process
    /// stopped (a restart): failed, their file emptied. How many.
    pub async fn fail_stalled_imports(
        &mut self,
        before: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let q = Query::update()
            .table("imports")
            .value("status", "failed")
            .value("content", Option::<Vec<u8>>::None)
            .value("finished_at", now)
            .and_where(Expr::col("status").eq("running"))
            .and_where(Expr::col("progressed_at").lt(before))
            .to_owned();
        db::execute(self, &q).await
    }

    /// The end: the status, and the file emptied.
    pub async fn finish_import(
        &mut self,
        id: Uuid,
        status: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::update()
            .table("imports")
            .value("status", status)
            .value("content", Option::<Vec<u8>>::None)
            .value("finished_at", now)
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// An account made from a file: no password yet (its invitation sets one), the
    /// address taken as verified (the association knows it; the link proves it). False
    /// when the address has an account already.
    async fn imported_account(
        &mut self,
        id: Uuid,
        email: &mentorat_domain::Email,
        name: &mentorat_domain::PersonName,
        locale: mentorat_domain::Locale,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        self.insert_user_if_absent(&crate::NewUser {
            id,
            email: email.clone(),
            name: name.clone(),
            locale,
            password_hash: None,
            verified_at: Some(now),
        })
        .await
    }

    /// Writes one imported mentor: the account (when new), the role, the approved
    /// profile with its vetting facts (the charter is theirs to accept at first
    /// sign-in), the fields.
    pub async fn import_mentor(
        &mut self,
        m: &ImportedMentor,
        actor: Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        if m.new_account
            && !self
                .imported_account(m.user_id, &m.email, &m.name, m.locale, now)
                .await?
        {
            return Ok(false);
        }
        self.grant_role(
            m.user_id,
            &mentorat_domain::RoleGrant::plain(mentorat_domain::Role::Mentor),
        )
        .await?;
        let q = Query::insert()
            .into_table("mentors")
            .columns([
                "user_id",
                "circle_id",
                "commune_code",
                "bio",
                "status",
                "capacity",
                "languages",
                "interview_on",
                "background_checked_at",
                "background_checked_by",
                "decided_at",
                "approved_at",
                "imported_at",
                "created_at",
            ])
            .values_panic([
                m.user_id.into(),
                m.circle_id.into(),
                m.commune_code.as_str().into(),
                m.bio.as_str().into(),
                "approved".into(),
                m.capacity.into(),
                m.locale.code().into(),
                Some(m.interview_on).into(),
                m.background_checked.then_some(now).into(),
                m.background_checked.then_some(actor).into(),
                Some(now).into(),
                Some(now).into(),
                Some(now).into(),
                now.into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        if db::execute(self, &q).await? == 0 {
            return Ok(false);
        }
        for d in &m.domains {
            self.add_mentor_domain(m.user_id, d, 0).await?;
        }
        Ok(true)
    }

    /// Writes one imported registration, unless the address has one for this event
    /// already, whatever its status: a person who cancelled is not registered again by
    /// a file. `None` when left as it was.
    pub async fn import_registration(
        &mut self,
        r: &crate::NewRegistration,
        now: DateTime<Utc>,
    ) -> Result<Option<crate::Seat>> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("registrations")
            .and_where(Expr::col("event_id").eq(r.event_id))
            .and_where(Expr::col("email_folded").eq(r.email.folded()))
            .to_owned();
        if db::fetch_one::<db::Count>(self, &q).await?.n > 0 {
            return Ok(None);
        }
        Ok(Some(self.register(r, now).await?))
    }

    /// Writes one imported porteur: the account, the role, the project (submitted, for
    /// the circle's coordinators to review). False when the address has an account.
    pub async fn import_porteur(
        &mut self,
        p: &ImportedPorteur,
        consent_hash: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        if !self
            .imported_account(p.project.mentee_id, &p.email, &p.name, p.locale, now)
            .await?
        {
            return Ok(false);
        }
        self.grant_role(
            p.project.mentee_id,
            &mentorat_domain::RoleGrant::plain(mentorat_domain::Role::Mentee),
        )
        .await?;
        self.insert_project_details(&p.project, consent_hash, now)
            .await?;
        Ok(true)
    }

    /// The charter accepted by a mentor who was imported.
    pub async fn accept_charter(
        &mut self,
        user_id: Uuid,
        version: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentors")
            .value("charter_version", version)
            .value("charter_accepted_at", now)
            .and_where(Expr::col("user_id").eq(user_id))
            .and_where(Expr::col("charter_accepted_at").is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}

/// What the platform knows of an address in a file: its account, and whether it is
/// already a mentor.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KnownAddress {
    pub email_folded: String,
    pub id: Uuid,
    pub is_mentor: bool,
}

impl Store {
    pub async fn import(&self, id: Uuid) -> Result<Option<ImportRecord>> {
        let q = Query::select()
            .columns(COLUMNS)
            .from("imports")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    pub async fn import_content(&self, id: Uuid) -> Result<Option<Vec<u8>>> {
        let q = Query::select()
            .column("content")
            .from("imports")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        Ok(db::fetch_optional::<Content>(&mut &*self, &q)
            .await?
            .and_then(|c| c.content))
    }

    /// The last imports of a person, newest first.
    pub async fn imports_of(&self, actor_id: Uuid, limit: u64) -> Result<Vec<ImportRecord>> {
        let q = Query::select()
            .columns(COLUMNS)
            .from("imports")
            .and_where(Expr::col("actor_id").eq(actor_id))
            .order_by("created_at", Order::Desc)
            .limit(limit)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// The accounts of these folded addresses (500 per query).
    pub async fn known_addresses(&self, folded: &[String]) -> Result<Vec<KnownAddress>> {
        let mut out = Vec::new();
        for chunk in folded.chunks(500) {
            let q = Query::select()
                .column(("users", "email_folded"))
                .column(("users", "id"))
                .expr_as(Expr::cust("mentors.user_id IS NOT NULL"), "is_mentor")
                .from("users")
                .left_join(
                    "mentors",
                    Expr::col(("mentors", "user_id")).equals(("users", "id")),
                )
                .and_where(Expr::col(("users", "email_folded")).is_in(chunk.iter().cloned()))
                .to_owned();
            out.extend(db::fetch_all::<KnownAddress>(&mut &*self, &q).await?);
        }
        Ok(out)
    }

    /// The folded addresses of these that have a registration to `event_id`, whatever
    /// its status (500 per query).
    pub async fn registered_addresses(
        &self,
        event_id: Uuid,
        folded: &[String],
    ) -> Result<Vec<String>> {
        #[derive(sqlx::FromRow)]
        struct Folded {
            email_folded: String,
        }
        let mut out = Vec::new();
        for chunk in folded.chunks(500) {
            let q = Query::select()
                .column("email_folded")
                .from("registrations")
                .and_where(Expr::col("event_id").eq(event_id))
                .and_where(Expr::col("email_folded").is_in(chunk.iter().cloned()))
                .to_owned();
            let rows: Vec<Folded> = db::fetch_all(&mut &*self, &q).await?;
            out.extend(rows.into_iter().map(|f| f.email_folded));
        }
        Ok(out)
    }

    /// The slugs of these that name a partner association (500 per query).
    pub async fn known_partner_slugs(&self, slugs: &[String]) -> Result<Vec<String>> {
        #[derive(sqlx::FromRow)]
        struct Known {
            slug: String,
        }
        let mut out = Vec::new();
        for chunk in slugs.chunks(500) {
            let q = Query::select()
                .column("slug")
                .from("partners")
                .and_where(Expr::col("slug").is_in(chunk.iter().cloned()))
                .to_owned();
            let rows: Vec<Known> = db::fetch_all(&mut &*self, &q).await?;
            out.extend(rows.into_iter().map(|k| k.slug));
        }
        Ok(out)
    }

    /// What an imported person has to do before going on, in one query: (an approved
    /// mentor yet to accept the charter, a porteur under 15 yet to give their own
    /// consent — never asked on a file's word, never asked again once withdrawn).
    pub async fn first_steps(&self, user_id: Uuid) -> Result<(bool, bool)> {
        #[derive(sqlx::FromRow)]
        struct Steps {
            charter: i64,
            minor: i64,
        }
        let charter = Query::select()
            .expr(db::count_rows())
            .from("mentors")
            .and_where(Expr::col("user_id").eq(user_id))
            .and_where(Expr::col("imported_at").is_not_null())
            .and_where(Expr::col("charter_accepted_at").is_null())
            .to_owned();
        let minor = Query::select()
            .expr(db::count_rows())
            .from("projects")
            .and_where(Expr::col("mentee_id").eq(user_id))
            .and_where(Expr::col("parent_name").is_not_null())
            .and_where(Expr::col("minor_consent_at").is_null())
            .and_where(Expr::col("minor_consent_withdrawn_at").is_null())
            .to_owned();
        let q = Query::select()
            .expr_as(Expr::SubQuery(None, Box::new(charter.into())), "charter")
            .expr_as(Expr::SubQuery(None, Box::new(minor.into())), "minor")
            .to_owned();
        let steps: Steps = db::fetch_one(&mut &*self, &q).await?;
        Ok((steps.charter > 0, steps.minor > 0))
    }
}
