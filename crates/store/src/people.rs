//! Partner associations, mentor profiles and projects: the people side of a circle.

use crate::db::{self, Count};
use crate::{Result, Store, Tx};
use chrono::Utc;
use mentorat_domain::mentoring::Vetting;
use sea_query::{Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct NewPartner {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub commune_code: String,
    pub contact_email: String,
    pub description: String,
    /// The language its e-mails are written in (`fr`, `en`).
    pub locale: String,
}

/// Where a mentor stands in vetting.
#[derive(Debug, Clone)]
pub struct NewMentor {
    pub user_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub commune_code: String,
    pub bio: String,
    pub status: Vetting,
    pub capacity: i64,
}

#[derive(Debug, Clone)]
pub struct NewProject {
    pub id: Uuid,
    pub mentee_id: Uuid,
    pub circle_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    pub commune_code: String,
    pub status: mentorat_domain::ProjectStatus,
}

impl Store {
    /// Approved mentors across the network (the figure set against the 10,000 target).
    pub async fn count_approved_mentors(&self) -> Result<i64> {
        let query = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("mentors")
            .and_where(Expr::col("status").eq(Vetting::Approved.as_str()))
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &query).await?.n)
    }

    pub async fn count_projects(&self) -> Result<i64> {
        let query = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("projects")
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &query).await?.n)
    }
}

impl Tx {
    pub async fn insert_partner_if_absent(&mut self, partner: &NewPartner) -> Result<bool> {
        let query = Query::insert()
            .into_table("partners")
            .columns([
                "id",
                "slug",
                "name",
                "commune_code",
                "contact_email",
                "description",
                "created_at",
                "locale",
            ])
            .values_panic([
                partner.id.into(),
                partner.slug.as_str().into(),
                partner.name.as_str().into(),
                partner.commune_code.as_str().into(),
                partner.contact_email.as_str().into(),
                partner.description.as_str().into(),
                crate::now().into(),
                partner.locale.as_str().into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    pub async fn insert_mentor_if_absent(&mut self, mentor: &NewMentor) -> Result<bool> {
        let query = Query::insert()
            .into_table("mentors")
            .columns([
                "user_id",
                "circle_id",
                "commune_code",
                "bio",
                "status",
                "capacity",
                "created_at",
                "approved_at",
            ])
            .values_panic([
                mentor.user_id.into(),
                mentor.circle_id.into(),
                mentor.commune_code.as_str().into(),
                mentor.bio.as_str().into(),
                mentor.status.as_str().into(),
                mentor.capacity.into(),
                crate::now().into(),
                (mentor.status == Vetting::Approved).then(Utc::now).into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    pub async fn insert_project_if_absent(&mut self, project: &NewProject) -> Result<bool> {
        let query = Query::insert()
            .into_table("projects")
            .columns([
                "id",
                "mentee_id",
                "circle_id",
                "title",
                "description",
                "commune_code",
                "status",
                "created_at",
            ])
            .values_panic([
                project.id.into(),
                project.mentee_id.into(),
                project.circle_id.into(),
                project.title.as_str().into(),
                project.description.as_str().into(),
                project.commune_code.as_str().into(),
                project.status.as_str().into(),
                crate::now().into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }
}

/// A partner association as its page shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Partner {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub commune_code: String,
    pub contact_email: String,
    pub description: String,
    /// The language its e-mails are written in.
    pub locale: String,
}

/// The columns of [`Partner`].
const PARTNER_COLUMNS: [&str; 7] = [
    "id",
    "slug",
    "name",
    "commune_code",
    "contact_email",
    "description",
    "locale",
];

impl Store {
    /// These partner associations, by name.
    pub async fn partners_by_ids(&self, ids: &[Uuid]) -> Result<Vec<Partner>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let q = Query::select()
            .columns(PARTNER_COLUMNS)
            .from("partners")
            .and_where(Expr::col("id").is_in(ids.iter().copied()))
            .order_by("name", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn partner_by_slug(&self, slug: &str) -> Result<Option<Partner>> {
        let query = Query::select()
            .columns(PARTNER_COLUMNS)
            .from("partners")
            .and_where(Expr::col("slug").eq(slug))
            .to_owned();
        db::fetch_optional(&mut &*self, &query).await
    }

    /// The partner associations of a circle, by name.
    pub async fn partners_of_circle(&self, circle_id: Uuid) -> Result<Vec<Partner>> {
        let query = Query::select()
            .columns(PARTNER_COLUMNS.map(|c| ("partners", c)))
            .from("partners")
            .inner_join(
                "circle_partners",
                Expr::col(("circle_partners", "partner_id")).equals(("partners", "id")),
            )
            .and_where(Expr::col(("circle_partners", "circle_id")).eq(circle_id))
            .order_by(("partners", "name"), Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &query).await
    }

    pub async fn partner(&self, id: Uuid) -> Result<Option<Partner>> {
        let query = Query::select()
            .columns(PARTNER_COLUMNS)
            .from("partners")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &query).await
    }

    /// The members of a partner association (accounts holding its partner role).
    pub async fn partner_members(&self, partner_id: Uuid) -> Result<Vec<crate::Member>> {
        let query = crate::circles::members_holding("partner")
            .and_where(Expr::col(("role_grants", "partner_id")).eq(partner_id))
            .to_owned();
        db::fetch_all(&mut &*self, &query).await
    }
}

impl Tx {}
