//! Privacy duties in the database: erasing a person (their free text cleared, the
//! records the association keeps pseudonymised), the ledger of erasures, the retention
//! rules, the day's sweep lease, a minor's own consent and the kept consent notices.

mod consent;
mod export;
mod retention;

pub use export::Section;
pub use retention::Rule;

use crate::db;
use crate::{Result, Store, Tx};
use chrono::{DateTime, NaiveDate, Utc};
use sea_query::{Alias, Cond, Expr, ExprTrait, Func, LikeExpr, OnConflict, Order, Query};
use uuid::Uuid;

/// The first name an erased account keeps (its e-mail becomes `erased-ID@erased.invalid`).
pub const ERASED_NAME: &str = "Anonyme";
/// What a cleared title becomes (titles are required).
pub const CLEARED: &str = "—";

/// A relationship the erasure ended, and the one to tell.
#[derive(Debug, Clone)]
pub struct EndedRelationship {
    pub mentorship_id: Uuid,
    pub other_id: Uuid,
}

/// An account waiting for its erasure.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingErasure {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub deletion_requested_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Id {
    id: Uuid,
}

#[derive(sqlx::FromRow)]
struct Key {
    key: String,
}

fn like(needle: &str) -> LikeExpr {
    let escaped: String = needle
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

impl Tx {
    /// Erases a person: their account becomes a pseudonym that cannot sign in; every
    /// text they wrote or that describes them is cleared or deleted; what the association
    /// keeps (that a project, a request, a relationship, a meeting existed, with dates,
    /// fields, places and durations; attendance at events; the figures) stays under the
    /// pseudonym. Active relationships are closed and open requests closed; e-mails to
    /// the person are deleted, and e-mails to others naming them (any of `needles`)
    /// are deleted when unsent or emptied when sent. Returns the relationships ended.
    pub async fn erase_person(
        &mut self,
        user: Uuid,
        email_folded: &str,
        needles: &[String],
        own_templates: &[&str],
        now: DateTime<Utc>,
    ) -> Result<Vec<EndedRelationship>> {
        #[derive(sqlx::FromRow)]
        struct Pair {
            id: Uuid,
            mentor_id: Uuid,
            mentee_id: Uuid,
        }
        let mine = Cond::any()
            .add(Expr::col("mentor_id").eq(user))
            .add(Expr::col("mentee_id").eq(user));
        let active = Query::select()
            .columns(["id", "mentor_id", "mentee_id"])
            .from("mentorships")
            .cond_where(mine.clone())
            .and_where(Expr::col("status").eq("active"))
            .to_owned();
        let ended: Vec<EndedRelationship> = db::fetch_all::<Pair>(self, &active)
            .await?
            .into_iter()
            .map(|p| EndedRelationship {
                mentorship_id: p.id,
                other_id: if p.mentor_id == user {
                    p.mentee_id
                } else {
                    p.mentor_id
                },
            })
            .collect();
        // The other side of an ended relationship has a place again.
        for e in &ended {
            let freed = Query::update()
                .table("mentors")
                .value(
                    "active_mentees",
                    Expr::cust("CASE WHEN active_mentees > 0 THEN active_mentees - 1 ELSE 0 END"),
                )
                .and_where(Expr::col("user_id").is_in([e.other_id, user]))
                .to_owned();
            db::execute(self, &freed).await?;
        }
        let close = Query::update()
            .table("mentorships")
            .value("status", "closed")
            .value("closed_at", now)
            .and_where(Expr::col("status").eq("active"))
            .cond_where(mine.clone())
            .to_owned();
        db::execute(self, &close).await?;
        let theirs = Query::select()
            .column("id")
            .from("mentorships")
            .cond_where(mine.clone())
            .to_owned();
        let relationships: Vec<Uuid> = db::fetch_all::<Id>(self, &theirs)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        let projects_q = Query::select()
            .column("id")
            .from("projects")
            .and_where(Expr::col("mentee_id").eq(user))
            .to_owned();
        let projects: Vec<Uuid> = db::fetch_all::<Id>(self, &projects_q)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        // The mails to the parent of a porteur under 15 name the child.
        #[derive(sqlx::FromRow)]
        struct Parent {
            parent_email: String,
        }
        let parents = Query::select()
            .column("parent_email")
            .from("projects")
            .and_where(Expr::col("mentee_id").eq(user))
            .and_where(Expr::col("parent_email").is_not_null())
            .to_owned();
        for parent in db::fetch_all::<Parent>(self, &parents).await? {
            let q = Query::delete()
                .from_table("outbox")
                .and_where(
                    Expr::expr(Func::lower(Expr::col("to_address")))
                        .eq(parent.parent_email.to_lowercase()),
                )
                .to_owned();
            db::execute(self, &q).await?;
        }
        let mut statements = vec![
            Query::update()
                .table("mentorships")
                .value("close_reason", "")
                .cond_where(mine.clone())
                .to_owned(),
            Query::update()
                .table("mentorship_requests")
                .value("status", "closed")
                .value("answered_at", now)
                .and_where(Expr::col("status").eq("open"))
                .cond_where(mine.clone())
                .to_owned(),
            Query::update()
                .table("mentorship_requests")
                .value("message", "")
                .value("decline_text", "")
                .value("reasons", "")
                .cond_where(mine.clone())
                .to_owned(),
            Query::update()
                .table("projects")
                .value("title", CLEARED)
                .value("description", "")
                .value("help_wanted", "")
                .value("coordinator_note", "")
                .value("parent_name", Option::<String>::None)
                .value("parent_email", Option::<String>::None)
                .value("consent_hash", Option::<String>::None)
                .value("status", "closed")
                .and_where(Expr::col("mentee_id").eq(user))
                .to_owned(),
            Query::update()
                .table("mentors")
                .value("bio", "")
                .value("availability", "")
                .value("status", "paused")
                .value("pause_reason", Option::<String>::None)
                .value("paused_until", Option::<NaiveDate>::None)
                .and_where(Expr::col("user_id").eq(user))
                .and_where(Expr::col("status").ne("declined"))
                .to_owned(),
            Query::update()
                .table("mentors")
                .value("bio", "")
                .value("availability", "")
                .and_where(Expr::col("user_id").eq(user))
                .to_owned(),
            Query::update()
                .table("feedback")
                .value("changes", "")
                .value("comment", "")
                .and_where(Expr::col("author_id").eq(user))
                .to_owned(),
            Query::update()
                .table("checkins")
                .value("note", "")
                .and_where(Expr::col("author_id").eq(user))
                .to_owned(),
            Query::update()
                .table("mentorship_reports")
                .value("reason", "")
                .and_where(Expr::col("reporter_id").eq(user))
                .to_owned(),
            Query::update()
                .table("contact_messages")
                .value("name", "")
                .value("email", "")
                .value("message", "")
                .and_where(Expr::expr(Func::lower(Expr::col("email"))).eq(email_folded))
                .to_owned(),
            Query::update()
                .table("hosting_requests")
                .value("association", "")
                .value("contact_name", "")
                .value("email", "")
                .value("phone", "")
                .value("message", "")
                .value("preferred_dates", "")
                .and_where(Expr::expr(Func::lower(Expr::col("email"))).eq(email_folded))
                .to_owned(),
        ];
        for chunk in relationships.chunks(500) {
            statements.push(
                Query::update()
                    .table("meetings")
                    .value("topics", "")
                    .value("private_notes", "")
                    .and_where(Expr::col("mentorship_id").is_in(chunk.iter().copied()))
                    .to_owned(),
            );
            statements.push(
                Query::update()
                    .table("goals")
                    .value("title", CLEARED)
                    .and_where(Expr::col("mentorship_id").is_in(chunk.iter().copied()))
                    .to_owned(),
            );
        }
        for chunk in projects.chunks(500) {
            statements.push(
                Query::update()
                    .table("match_proposal_pairs")
                    .value("reasons", "")
                    .and_where(Expr::col("project_id").is_in(chunk.iter().copied()))
                    .to_owned(),
            );
        }
        statements.push(
            Query::update()
                .table("match_proposal_pairs")
                .value("reasons", "")
                .and_where(Expr::col("mentor_id").eq(user))
                .to_owned(),
        );
        for statement in &statements {
            db::execute(self, statement).await?;
        }
        let mut deletions = vec![
            Query::delete()
                .from_table("sessions")
                .and_where(Expr::col("user_id").eq(user))
                .to_owned(),
            Query::delete()
                .from_table("account_tokens")
                .and_where(Expr::col("user_id").eq(user))
                .to_owned(),
            Query::delete()
                .from_table("api_tokens")
                .and_where(Expr::col("user_id").eq(user))
                .to_owned(),
            Query::delete()
                .from_table("thread_reads")
                .and_where(Expr::col("user_id").eq(user))
                .to_owned(),
            Query::delete()
                .from_table("role_grants")
                .and_where(Expr::col("user_id").eq(user))
                .and_where(Expr::col("role").is_not_in(["mentor", "mentee"]))
                .to_owned(),
            Query::delete()
                .from_table("outbox")
                .and_where(Expr::expr(Func::lower(Expr::col("to_address"))).eq(email_folded))
                .to_owned(),
        ];
        // The whole thread goes: both sides' words, which name each other.
        for chunk in relationships.chunks(500) {
            deletions.push(
                Query::delete()
                    .from_table("messages")
                    .and_where(Expr::col("mentorship_id").is_in(chunk.iter().copied()))
                    .to_owned(),
            );
        }
        for statement in &deletions {
            db::execute(self, statement).await?;
        }
        // Registrations under the person's address: kept for the events' figures.
        let registrations = Query::select()
            .column("id")
            .from("registrations")
            .and_where(Expr::col("email_folded").eq(email_folded))
            .to_owned();
        for r in db::fetch_all::<Id>(self, &registrations).await? {
            pseudonymise_registration(self, r.id).await?;
        }
        // E-mails to others that name the person: their subject and text (the HTML and
        // the attachment say the same), among the messages whose words are still kept
        // and whose kind may name someone else than its recipient (`own_templates`
        // name only the recipient: skipped, which keeps a mass erasure quick).
        let mut any = Cond::any();
        for needle in needles.iter().filter(|n| n.chars().count() >= 3) {
            for column in ["subject", "body_text"] {
                any = any.add(Expr::col(column).like(like(needle)));
            }
        }
        let names = Cond::all()
            .add(any)
            .add(Expr::col("body_text").ne(""))
            .add(Expr::col("template").is_not_in(own_templates.iter().copied()));
        if !needles.is_empty() {
            let unsent = Query::delete()
                .from_table("outbox")
                .cond_where(names.clone())
                .and_where(Expr::col("sent_at").is_null())
                .and_where(Expr::col("failed_at").is_null())
                .to_owned();
            db::execute(self, &unsent).await?;
            let sent = Query::update()
                .table("outbox")
                .value("subject", CLEARED)
                .value("body_text", "")
                .value("body_html", "")
                .value("attachment_body", Option::<String>::None)
                .cond_where(names)
                .to_owned();
            db::execute(self, &sent).await?;
        }
        let account = Query::update()
            .table("users")
            .value("email", format!("erased-{}@erased.invalid", user.simple()))
            .value(
                "email_folded",
                format!("erased-{}@erased.invalid", user.simple()),
            )
            .value("first_name", ERASED_NAME)
            .value("last_name", "")
            .value("password_hash", Option::<String>::None)
            .value("email_verified_at", Option::<DateTime<Utc>>::None)
            .value("inactivity_warned_at", Option::<DateTime<Utc>>::None)
            .value("qpv_answer", Option::<String>::None)
            .value("qpv_code", Option::<String>::None)
            .value("erased_at", now)
            .and_where(Expr::col("id").eq(user))
            .to_owned();
        db::execute(self, &account).await?;
        let ledger = Query::insert()
            .into_table("erasure_ledger")
            .columns(["user_id", "erased_at"])
            .values_panic([user.into(), now.into()])
            .on_conflict(OnConflict::column("user_id").do_nothing().to_owned())
            .to_owned();
        db::execute(self, &ledger).await?;
        Ok(ended)
    }

    /// Cancels a request for erasure (during the grace period).
    pub async fn cancel_deletion(&mut self, user: Uuid) -> Result<bool> {
        let q = Query::update()
            .table("users")
            .value("deletion_requested_at", Option::<DateTime<Utc>>::None)
            .and_where(Expr::col("id").eq(user))
            .and_where(Expr::col("erased_at").is_null())
            .and_where(Expr::col("deletion_requested_at").is_not_null())
            .to_owned();
        Ok(db::execute(self, &q).await? > 0)
    }

    /// Accounts whose erasure is due: asked before `asked_before`, not yet erased.
    pub async fn due_erasures(
        &mut self,
        asked_before: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<Uuid>> {
        accounts(
            self,
            Cond::all().add(Expr::col("deletion_requested_at").lte(asked_before)),
            "deletion_requested_at",
            limit,
        )
        .await
    }

    /// The person's last sign-in: they are active again (a warning is forgotten).
    pub async fn mark_seen(&mut self, user: Uuid, now: DateTime<Utc>) -> Result<()> {
        let q = Query::update()
            .table("users")
            .value("last_seen_at", now)
            .value("inactivity_warned_at", Option::<DateTime<Utc>>::None)
            .and_where(Expr::col("id").eq(user))
            .to_owned();
        db::execute(self, &q).await.map(drop)
    }

    /// Accounts not seen since `before` and not yet warned (at most `limit`).
    pub async fn inactive_unwarned(
        &mut self,
        before: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<Uuid>> {
        accounts(
            self,
            Cond::all()
                .add(
                    Expr::expr(Func::coalesce([
                        Expr::col("last_seen_at"),
                        Expr::col("created_at"),
                    ]))
                    .lt(before),
                )
                .add(Expr::col("inactivity_warned_at").is_null()),
            "id",
            limit,
        )
        .await
    }

    pub async fn mark_inactivity_warned(&mut self, user: Uuid, now: DateTime<Utc>) -> Result<()> {
        let q = Query::update()
            .table("users")
            .value("inactivity_warned_at", now)
            .and_where(Expr::col("id").eq(user))
            .to_owned();
        db::execute(self, &q).await.map(drop)
    }

    /// Accounts warned before `warned_before` and still not seen since.
    pub async fn inactive_warned(
        &mut self,
        warned_before: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<Uuid>> {
        accounts(
            self,
            Cond::all().add(Expr::col("inactivity_warned_at").lte(warned_before)),
            "inactivity_warned_at",
            limit,
        )
        .await
    }
}

/// The accounts not erased yet that match `cond`, by `order`, at most `limit`.
async fn accounts(tx: &mut Tx, cond: Cond, order: &'static str, limit: u64) -> Result<Vec<Uuid>> {
    let q = Query::select()
        .column("id")
        .from("users")
        .cond_where(cond)
        .and_where(Expr::col("erased_at").is_null())
        .order_by(order, Order::Asc)
        .limit(limit)
        .to_owned();
    Ok(db::fetch_all::<Id>(tx, &q)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// A registration without anything that names or reaches the person (its status and
/// attendance stay: they are the events' figures).
async fn pseudonymise_registration(tx: &mut Tx, id: Uuid) -> Result<()> {
    let q = Query::update()
        .table("registrations")
        .value("first_name", "")
        .value("last_name", "")
        .value("email", "")
        .value("email_folded", format!("erased-{}", id.simple()))
        .value("phone", "")
        .value("heard_from", "")
        .and_where(Expr::col("id").eq(id))
        .to_owned();
    db::execute(tx, &q).await.map(drop)
}

impl Store {
    /// Accounts waiting for their erasure, oldest request first, and how many there are.
    pub async fn pending_erasures(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<PendingErasure>, i64)> {
        let base = Query::select()
            .from("users")
            .and_where(Expr::col("deletion_requested_at").is_not_null())
            .and_where(Expr::col("erased_at").is_null())
            .to_owned();
        let rows = base
            .clone()
            .columns([
                "id",
                "first_name",
                "last_name",
                "email",
                "deletion_requested_at",
            ])
            .order_by("deletion_requested_at", Order::Asc)
            .offset(offset)
            .limit(limit)
            .to_owned();
        let count = base.clone().expr_as(db::count_rows(), "n").to_owned();
        Ok((
            db::fetch_all(&mut &*self, &rows).await?,
            db::fetch_one::<db::Count>(&mut &*self, &count).await?.n,
        ))
    }

    /// The ledger of erasures: who (by id) and when.
    pub async fn erasure_ledger(&self) -> Result<Vec<(Uuid, DateTime<Utc>)>> {
        #[derive(sqlx::FromRow)]
        struct Entry {
            user_id: Uuid,
            erased_at: DateTime<Utc>,
        }
        let q = Query::select()
            .columns(["user_id", "erased_at"])
            .from("erasure_ledger")
            .order_by("erased_at", Order::Asc)
            .to_owned();
        Ok(db::fetch_all::<Entry>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(|e| (e.user_id, e.erased_at))
            .collect())
    }

    /// Every table and text column holding `needle`, with the rows that do: what the
    /// tests scan after an erasure (one `COUNT` per text column: not for pages).
    pub async fn find_text(&self, needle: &str) -> Result<Vec<(String, String, i64)>> {
        let mut found = Vec::new();
        for (table, column) in self.text_columns().await? {
            let q = Query::select()
                .expr_as(db::count_rows(), "n")
                .from(Alias::new(table.clone()))
                .and_where(Expr::col(Alias::new(column.clone())).like(like(needle)))
                .to_owned();
            let n = db::fetch_one::<db::Count>(&mut &*self, &q).await?.n;
            if n > 0 {
                found.push((table, column, n));
            }
        }
        Ok(found)
    }
}

impl Tx {
    /// The titles of a porteur's projects (what e-mails about them quote).
    pub async fn project_titles_of(&mut self, user: Uuid) -> Result<Vec<String>> {
        #[derive(sqlx::FromRow)]
        struct Title {
            title: String,
        }
        let q = Query::select()
            .column("title")
            .from("projects")
            .and_where(Expr::col("mentee_id").eq(user))
            .to_owned();
        Ok(db::fetch_all::<Title>(self, &q)
            .await?
            .into_iter()
            .map(|t| t.title)
            .collect())
    }
}

impl Store {
    /// After an erasure, on SQLite: the write-ahead log copied into the database and
    /// emptied, so that the erased text stays neither there nor in free pages
    /// (`secure_delete` zeroes them). Nothing to do on PostgreSQL (its `VACUUM` reclaims
    /// dead rows; see docs/OPERATIONS.md).
    pub async fn checkpoint(&self) -> Result<()> {
        if let crate::db::Db::Sqlite { writer, .. } = &self.db {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(writer)
                .await?;
        }
        Ok(())
    }

    /// When the person asked for their erasure (none: not asked, or cancelled).
    pub async fn deletion_requested_at(&self, user: Uuid) -> Result<Option<DateTime<Utc>>> {
        #[derive(sqlx::FromRow)]
        struct Asked {
            deletion_requested_at: Option<DateTime<Utc>>,
        }
        let q = Query::select()
            .column("deletion_requested_at")
            .from("users")
            .and_where(Expr::col("id").eq(user))
            .to_owned();
        Ok(db::fetch_optional::<Asked>(&mut &*self, &q)
            .await?
            .and_then(|a| a.deletion_requested_at))
    }
}
