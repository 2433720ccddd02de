//! Privacy duties in the database: erasing a person (their free text cleared, the
//! records the association keeps pseudonymised), the ledger of erasures, the retention
//! rules, the day's sweep lease, a minor's own consent and the kept consent notices.

use crate::db::{self, Backend};
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

/// What the retention sweep clears, rule by rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// A past event's registrations of people without an account: pseudonymised.
    Registrations,
    /// Closed contact messages: deleted.
    ContactMessages,
    /// Closed hosting requests: deleted.
    HostingRequests,
    /// A closed relationship's messages: deleted.
    Messages,
    /// A closed relationship's check-in comments and meeting notes: cleared.
    RelationshipNotes,
    /// Sent (or abandoned) e-mails' bodies and addresses: cleared.
    MailBodies,
    /// The audit and access log: deleted.
    AuditLog,
    /// Expired sessions: deleted.
    Sessions,
    /// Expired or used single-use links: deleted.
    Links,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::Registrations,
        Rule::ContactMessages,
        Rule::HostingRequests,
        Rule::Messages,
        Rule::RelationshipNotes,
        Rule::MailBodies,
        Rule::AuditLog,
        Rule::Sessions,
        Rule::Links,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Rule::Registrations => "registrations",
            Rule::ContactMessages => "contact_messages",
            Rule::HostingRequests => "hosting_requests",
            Rule::Messages => "messages",
            Rule::RelationshipNotes => "relationship_notes",
            Rule::MailBodies => "mail_bodies",
            Rule::AuditLog => "audit_log",
            Rule::Sessions => "sessions",
            Rule::Links => "links",
        }
    }
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
        // E-mails to others that name the person.
        let mut names = Cond::any();
        for needle in needles.iter().filter(|n| n.chars().count() >= 3) {
            for column in ["subject", "body_text", "body_html", "attachment_body"] {
                names = names.add(Expr::col(column).like(like(needle)));
            }
        }
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
        let q = Query::select()
            .column("id")
            .from("users")
            .and_where(Expr::col("deletion_requested_at").lte(asked_before))
            .and_where(Expr::col("erased_at").is_null())
            .order_by("deletion_requested_at", Order::Asc)
            .limit(limit)
            .to_owned();
        Ok(db::fetch_all::<Id>(self, &q)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect())
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
        let q = Query::select()
            .column("id")
            .from("users")
            .and_where(
                Expr::expr(Func::coalesce([
                    Expr::col("last_seen_at"),
                    Expr::col("created_at"),
                ]))
                .lt(before),
            )
            .and_where(Expr::col("inactivity_warned_at").is_null())
            .and_where(Expr::col("erased_at").is_null())
            .order_by("id", Order::Asc)
            .limit(limit)
            .to_owned();
        Ok(db::fetch_all::<Id>(self, &q)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect())
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
        let q = Query::select()
            .column("id")
            .from("users")
            .and_where(Expr::col("inactivity_warned_at").lte(warned_before))
            .and_where(Expr::col("erased_at").is_null())
            .order_by("inactivity_warned_at", Order::Asc)
            .limit(limit)
            .to_owned();
        Ok(db::fetch_all::<Id>(self, &q)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect())
    }

    /// The rows a retention rule clears, as of `cutoff` (at most `limit`): their keys.
    pub async fn retention_candidates(
        &mut self,
        rule: Rule,
        cutoff: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<String>> {
        let backend = self.backend();
        let id_text = match backend {
            Backend::Sqlite => "lower(hex({t}.id))",
            Backend::Postgres => "{t}.id::text",
        };
        let key = |table: &str| Expr::cust(id_text.replace("{t}", table));
        let mut q = match rule {
            Rule::Registrations => Query::select()
                .expr_as(key("registrations"), "key")
                .from("registrations")
                .inner_join(
                    "events",
                    Expr::col(("events", "id")).equals(("registrations", "event_id")),
                )
                .and_where(Expr::col(("events", "starts_at")).lt(cutoff))
                .and_where(Expr::col(("registrations", "email")).ne(""))
                .and_where(
                    Expr::col(("registrations", "email_folded")).not_in_subquery(
                        Query::select()
                            .column("email_folded")
                            .from("users")
                            .to_owned(),
                    ),
                )
                .to_owned(),
            Rule::ContactMessages => Query::select()
                .expr_as(key("contact_messages"), "key")
                .from("contact_messages")
                .and_where(Expr::col("closed_at").lt(cutoff))
                .to_owned(),
            Rule::HostingRequests => Query::select()
                .expr_as(key("hosting_requests"), "key")
                .from("hosting_requests")
                .and_where(Expr::col("closed_at").lt(cutoff))
                .to_owned(),
            Rule::Messages => Query::select()
                .expr_as(key("messages"), "key")
                .from("messages")
                .and_where(Expr::col("mentorship_id").in_subquery(closed_before(cutoff)))
                .to_owned(),
            Rule::RelationshipNotes => Query::select()
                .expr_as(key("mentorships"), "key")
                .from("mentorships")
                .and_where(Expr::col("id").in_subquery(closed_before(cutoff)))
                .and_where(
                    Expr::exists(
                        Query::select()
                            .expr(Expr::val(1))
                            .from("meetings")
                            .and_where(
                                Expr::col(("meetings", "mentorship_id"))
                                    .equals(("mentorships", "id")),
                            )
                            .and_where(Expr::col(("meetings", "private_notes")).ne(""))
                            .to_owned(),
                    )
                    .or(Expr::exists(
                        Query::select()
                            .expr(Expr::val(1))
                            .from("checkins")
                            .and_where(
                                Expr::col(("checkins", "mentorship_id"))
                                    .equals(("mentorships", "id")),
                            )
                            .and_where(Expr::col(("checkins", "note")).ne(""))
                            .to_owned(),
                    )),
                )
                .to_owned(),
            Rule::MailBodies => Query::select()
                .expr_as(key("outbox"), "key")
                .from("outbox")
                .cond_where(
                    Cond::any()
                        .add(Expr::col("sent_at").lt(cutoff))
                        .add(Expr::col("failed_at").lt(cutoff)),
                )
                .and_where(
                    Expr::col("body_text")
                        .ne("")
                        .or(Expr::col("to_address").ne(""))
                        .or(Expr::col("attachment_body").is_not_null()),
                )
                .to_owned(),
            Rule::AuditLog => Query::select()
                .expr_as(key("audit_log"), "key")
                .from("audit_log")
                .and_where(Expr::col("at").lt(cutoff))
                .to_owned(),
            Rule::Sessions => Query::select()
                .expr_as(Expr::col("id_hash"), "key")
                .from("sessions")
                .and_where(Expr::col("expires_at").lt(cutoff))
                .to_owned(),
            Rule::Links => Query::select()
                .expr_as(Expr::col("token_hash"), "key")
                .from("account_tokens")
                .cond_where(
                    Cond::any()
                        .add(Expr::col("expires_at").lt(cutoff))
                        .add(Expr::col("used_at").is_not_null()),
                )
                .to_owned(),
        };
        q.order_by_expr(Expr::cust("1"), Order::Asc).limit(limit);
        Ok(db::fetch_all::<Key>(self, &q)
            .await?
            .into_iter()
            .map(|k| k.key)
            .collect())
    }

    /// Applies a retention rule to the rows `keys` named (from
    /// [`Tx::retention_candidates`]).
    pub async fn apply_retention(&mut self, rule: Rule, keys: &[String]) -> Result<()> {
        let ids: Vec<Uuid> = keys
            .iter()
            .filter_map(|k| Uuid::parse_str(k).ok())
            .collect();
        for chunk in keys.chunks(500) {
            let texts = chunk.iter().cloned();
            let statement = match rule {
                Rule::Sessions => Query::delete()
                    .from_table("sessions")
                    .and_where(Expr::col("id_hash").is_in(texts))
                    .to_owned(),
                Rule::Links => Query::delete()
                    .from_table("account_tokens")
                    .and_where(Expr::col("token_hash").is_in(texts))
                    .to_owned(),
                _ => break,
            };
            db::execute(self, &statement).await?;
        }
        for chunk in ids.chunks(500) {
            let these = || chunk.iter().copied();
            match rule {
                Rule::Registrations => {
                    for id in these() {
                        pseudonymise_registration(self, id).await?;
                    }
                }
                Rule::ContactMessages | Rule::HostingRequests | Rule::Messages | Rule::AuditLog => {
                    let table = match rule {
                        Rule::ContactMessages => "contact_messages",
                        Rule::HostingRequests => "hosting_requests",
                        Rule::Messages => "messages",
                        _ => "audit_log",
                    };
                    if rule == Rule::Messages {
                        let reports = Query::update()
                            .table("mentorship_reports")
                            .value("message_id", Option::<Uuid>::None)
                            .and_where(Expr::col("message_id").is_in(these()))
                            .to_owned();
                        db::execute(self, &reports).await?;
                    }
                    let q = Query::delete()
                        .from_table(table)
                        .and_where(Expr::col("id").is_in(these()))
                        .to_owned();
                    db::execute(self, &q).await?;
                }
                Rule::RelationshipNotes => {
                    let meetings = Query::update()
                        .table("meetings")
                        .value("private_notes", "")
                        .and_where(Expr::col("mentorship_id").is_in(these()))
                        .to_owned();
                    let checkins = Query::update()
                        .table("checkins")
                        .value("note", "")
                        .and_where(Expr::col("mentorship_id").is_in(these()))
                        .to_owned();
                    db::execute(self, &meetings).await?;
                    db::execute(self, &checkins).await?;
                }
                Rule::MailBodies => {
                    let q = Query::update()
                        .table("outbox")
                        .value("to_address", "")
                        .value("body_text", "")
                        .value("body_html", "")
                        .value("attachment_body", Option::<String>::None)
                        .and_where(Expr::col("id").is_in(these()))
                        .to_owned();
                    db::execute(self, &q).await?;
                }
                Rule::Sessions | Rule::Links => {}
            }
        }
        Ok(())
    }

    /// Takes the day's sweep: `false` when another instance (or an earlier run) has.
    pub async fn claim_privacy_sweep(
        &mut self,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::insert()
            .into_table("privacy_sweeps")
            .columns(["day", "started_at"])
            .values_panic([day.into(), now.into()])
            .on_conflict(OnConflict::column("day").do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &q).await? > 0)
    }

    /// Records what a sweep did (its counts, as `rule=n` words).
    pub async fn finish_privacy_sweep(
        &mut self,
        day: NaiveDate,
        now: DateTime<Utc>,
        counts: &str,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("privacy_sweeps")
            .columns(["day", "started_at", "finished_at", "counts"])
            .values_panic([day.into(), now.into(), now.into(), counts.into()])
            .on_conflict(
                OnConflict::column("day")
                    .update_columns(["finished_at", "counts"])
                    .to_owned(),
            )
            .to_owned();
        db::execute(self, &q).await.map(drop)
    }

    /// Records a porteur's own consent (under 15), or withdraws it (`given: false`).
    pub async fn set_minor_consent(
        &mut self,
        project: Uuid,
        given: bool,
        version: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut q = Query::update();
        q.table("projects").and_where(Expr::col("id").eq(project));
        if given {
            q.value("minor_consent_at", now)
                .value("minor_consent_version", version)
                .value("minor_consent_withdrawn_at", Option::<DateTime<Utc>>::None);
        } else {
            q.value("minor_consent_withdrawn_at", now)
                .and_where(Expr::col("minor_consent_withdrawn_at").is_null());
        }
        Ok(db::execute(self, &q).await? > 0)
    }

    /// Keeps a consent notice's text as shown (once per kind, version and language).
    pub async fn keep_notice(
        &mut self,
        kind: &str,
        version: &str,
        locale: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("consent_notices")
            .columns(["kind", "version", "locale", "body", "first_used_at"])
            .values_panic([
                kind.into(),
                version.into(),
                locale.into(),
                body.into(),
                now.into(),
            ])
            .on_conflict(
                OnConflict::columns(["kind", "version", "locale"])
                    .do_nothing()
                    .to_owned(),
            )
            .to_owned();
        db::execute(self, &q).await.map(drop)
    }
}

/// Relationships closed before `cutoff`.
fn closed_before(cutoff: DateTime<Utc>) -> sea_query::SelectStatement {
    Query::select()
        .column("id")
        .from("mentorships")
        .and_where(Expr::col("status").eq("closed"))
        .and_where(Expr::col("closed_at").lt(cutoff))
        .to_owned()
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

    /// Every table and text column holding `needle` (a test's scan, and
    /// `mentorat privacy find`): `(table, column, rows)`.
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

/// One part of a person's data export: its name and its rows.
pub type Section = (
    &'static str,
    Vec<serde_json::Map<String, serde_json::Value>>,
);

/// Columns never exported: secrets, other people's ids, what only the platform reads.
const NOT_EXPORTED: [&str; 12] = [
    "password_hash",
    "consent_hash",
    "cancel_hash",
    "invite_hash",
    "email_folded",
    "background_checked_by",
    "reviewed_by",
    "claimed_until",
    "body_html",
    "attachment_body",
    "last_error",
    "attempts",
];

impl Store {
    /// Every record about a person, section by section (see the privacy page): a fixed
    /// number of queries, whatever they hold.
    pub async fn export_of(&self, user: Uuid, email_folded: &str) -> Result<Vec<Section>> {
        let mine = || {
            Cond::any()
                .add(Expr::col("mentor_id").eq(user))
                .add(Expr::col("mentee_id").eq(user))
        };
        let relationships = Query::select()
            .column("id")
            .from("mentorships")
            .cond_where(mine())
            .to_owned();
        let projects = Query::select()
            .column("id")
            .from("projects")
            .and_where(Expr::col("mentee_id").eq(user))
            .to_owned();
        let of_relationships = |table: &str| {
            Query::select()
                .column(sea_query::Asterisk)
                .from(Alias::new(table))
                .and_where(Expr::col("mentorship_id").in_subquery(relationships.clone()))
                .to_owned()
        };
        let all = |table: &str, column: &str, value: sea_query::Value| {
            Query::select()
                .column(sea_query::Asterisk)
                .from(Alias::new(table))
                .and_where(Expr::col(Alias::new(column)).eq(value))
                .to_owned()
        };
        let access = Query::select()
            .expr_as(Expr::col(("audit_log", "at")), "at")
            .expr_as(Expr::col(("audit_log", "action")), "action")
            .expr_as(Expr::col(("audit_log", "detail")), "detail")
            .expr_as(Expr::col(("users", "first_name")), "by_first_name")
            .expr_as(
                Expr::cust("substr(users.last_name, 1, 1)"),
                "by_last_initial",
            )
            .from("audit_log")
            .left_join(
                "users",
                Expr::col(("users", "id")).equals(("audit_log", "actor_id")),
            )
            .and_where(Expr::col(("audit_log", "subject_id")).eq(user))
            .order_by(("audit_log", "at"), Order::Asc)
            .to_owned();
        let roles = Query::select()
            .expr_as(Expr::col(("role_grants", "role")), "role")
            .expr_as(Expr::col(("circles", "name")), "circle")
            .expr_as(Expr::col(("partners", "name")), "partner")
            .expr_as(Expr::col(("role_grants", "created_at")), "created_at")
            .from("role_grants")
            .left_join(
                "circles",
                Expr::col(("circles", "id")).equals(("role_grants", "circle_id")),
            )
            .left_join(
                "partners",
                Expr::col(("partners", "id")).equals(("role_grants", "partner_id")),
            )
            .and_where(Expr::col(("role_grants", "user_id")).eq(user))
            .to_owned();
        let mails = Query::select()
            .columns([
                "to_address",
                "subject",
                "body_text",
                "created_at",
                "sent_at",
            ])
            .from("outbox")
            .and_where(Expr::expr(Func::lower(Expr::col("to_address"))).eq(email_folded))
            .order_by("created_at", Order::Asc)
            .to_owned();
        let by_email = |table: &str| {
            Query::select()
                .column(sea_query::Asterisk)
                .from(Alias::new(table))
                .and_where(Expr::expr(Func::lower(Expr::col("email"))).eq(email_folded))
                .to_owned()
        };
        let statements: Vec<(&'static str, sea_query::SelectStatement)> = vec![
            ("account", all("users", "id", user.into())),
            ("roles", roles),
            ("mentor_application", all("mentors", "user_id", user.into())),
            (
                "mentor_fields",
                all("mentor_domains", "user_id", user.into()),
            ),
            ("projects", all("projects", "mentee_id", user.into())),
            (
                "project_fields",
                Query::select()
                    .column(sea_query::Asterisk)
                    .from("project_domains")
                    .and_where(Expr::col("project_id").in_subquery(projects))
                    .to_owned(),
            ),
            (
                "requests",
                Query::select()
                    .column(sea_query::Asterisk)
                    .from("mentorship_requests")
                    .cond_where(mine())
                    .to_owned(),
            ),
            (
                "mentorships",
                Query::select()
                    .column(sea_query::Asterisk)
                    .from("mentorships")
                    .cond_where(mine())
                    .to_owned(),
            ),
            ("meetings", of_relationships("meetings")),
            ("goals", of_relationships("goals")),
            ("messages", of_relationships("messages")),
            ("checkins", all("checkins", "author_id", user.into())),
            ("feedback", all("feedback", "author_id", user.into())),
            (
                "reports",
                all("mentorship_reports", "reporter_id", user.into()),
            ),
            (
                "registrations",
                all("registrations", "email_folded", email_folded.into()),
            ),
            ("contact_messages", by_email("contact_messages")),
            ("hosting_requests", by_email("hosting_requests")),
            ("emails_received", mails),
            ("access_log", access),
        ];
        let mut sections = Vec::with_capacity(statements.len());
        for (name, q) in statements {
            let mut rows = db::fetch_json(&mut &*self, &q).await?;
            for row in &mut rows {
                for column in NOT_EXPORTED {
                    row.remove(column);
                }
            }
            sections.push((name, rows));
        }
        Ok(sections)
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
