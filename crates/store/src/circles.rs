//! Circles, their editions and their partner associations.

use crate::db;
use crate::{Result, Store, StoreError, Tx};
use chrono::NaiveDate;
use mentorat_domain::{Circle, CircleEdition, CircleStatus, Slug};
use sea_query::{Expr, ExprTrait, OnConflict, Order, Query, SelectStatement};
use uuid::Uuid;

/// A circle with the public figures shown next to it (numbers only, no people).
#[derive(Debug, Clone)]
pub struct CircleSummary {
    pub circle: Circle,
    pub active_mentors: i64,
    pub projects_supported: i64,
    pub editions: i64,
}

/// An edition to record.
#[derive(Debug, Clone)]
pub struct NewEdition {
    pub id: Uuid,
    pub circle_id: Uuid,
    pub number: i64,
    pub held_on: NaiveDate,
    pub venue: String,
    pub new_mentors: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct CircleRow {
    id: Uuid,
    slug: String,
    name: String,
    commune_code: String,
    status: String,
    inaugurated_on: Option<NaiveDate>,
    description_fr: String,
    description_en: String,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    #[sqlx(flatten)]
    circle: CircleRow,
    active_mentors: i64,
    projects_supported: i64,
    editions: i64,
}

#[derive(sqlx::FromRow)]
struct EditionRow {
    id: Uuid,
    circle_id: Uuid,
    number: i64,
    held_on: NaiveDate,
    venue: String,
    new_mentors: i64,
}

impl CircleRow {
    pub(crate) fn into_circle(self) -> Result<Circle> {
        Ok(Circle {
            id: self.id,
            slug: Slug::parse(&self.slug).map_err(|_| StoreError::Corrupt(self.slug.clone()))?,
            name: self.name,
            commune_code: self.commune_code,
            status: CircleStatus::parse(&self.status)
                .map_err(|_| StoreError::Corrupt(self.status.clone()))?,
            inaugurated_on: self.inaugurated_on,
            description_fr: self.description_fr,
            description_en: self.description_en,
        })
    }
}

pub(crate) const CIRCLE_COLUMNS: [&str; 8] = [
    "id",
    "slug",
    "name",
    "commune_code",
    "status",
    "inaugurated_on",
    "description_fr",
    "description_en",
];

/// `circles` with its public figures, as correlated sub-queries (a few hundred
/// circles at most, each sub-query on an index).
fn summary_query() -> SelectStatement {
    let count_of = |table: &'static str,
                    filter: Option<(&'static str, &'static [&'static str])>| {
        let mut sub = Query::select();
        sub.expr(db::count_rows())
            .from(table)
            .and_where(Expr::col((table, "circle_id")).equals(("circles", "id")));
        if let Some((status_col, values)) = filter {
            sub.and_where(Expr::col((table, status_col)).is_in(values.iter().copied()));
        }
        sub.to_owned()
    };
    Query::select()
        .columns(CIRCLE_COLUMNS.map(|c| ("circles", c)))
        .expr_as(
            Expr::SubQuery(
                None,
                Box::new(count_of("mentors", Some(("status", &["approved"]))).into()),
            ),
            "active_mentors",
        )
        .expr_as(
            Expr::SubQuery(
                None,
                Box::new(count_of("projects", Some(("status", &["matched", "closed"]))).into()),
            ),
            "projects_supported",
        )
        .expr_as(
            Expr::SubQuery(None, Box::new(count_of("circle_editions", None).into())),
            "editions",
        )
        .from("circles")
        .to_owned()
}

impl SummaryRow {
    fn into_summary(self) -> Result<CircleSummary> {
        Ok(CircleSummary {
            circle: self.circle.into_circle()?,
            active_mentors: self.active_mentors,
            projects_supported: self.projects_supported,
            editions: self.editions,
        })
    }
}

impl Store {
    /// Every circle with its public figures: active first, then launching, planned,
    /// paused; by name within a status.
    pub async fn list_circles(&self) -> Result<Vec<CircleSummary>> {
        let query = summary_query()
            .order_by_expr(
                Expr::case(Expr::col(("circles", "status")).eq("active"), 0)
                    .case(Expr::col(("circles", "status")).eq("launching"), 1)
                    .case(Expr::col(("circles", "status")).eq("planned"), 2)
                    .finally(3)
                    .into(),
                Order::Asc,
            )
            .order_by(("circles", "name"), Order::Asc)
            .to_owned();
        db::fetch_all::<SummaryRow>(&mut &*self, &query)
            .await?
            .into_iter()
            .map(SummaryRow::into_summary)
            .collect()
    }

    /// Every circle, without its figures, by name.
    pub async fn circles_by_name(&self) -> Result<Vec<Circle>> {
        let query = Query::select()
            .columns(CIRCLE_COLUMNS)
            .from("circles")
            .order_by("name", Order::Asc)
            .to_owned();
        db::fetch_all::<CircleRow>(&mut &*self, &query)
            .await?
            .into_iter()
            .map(CircleRow::into_circle)
            .collect()
    }

    /// One circle, without its figures.
    pub async fn circle(&self, id: Uuid) -> Result<Option<Circle>> {
        let query = Query::select()
            .columns(CIRCLE_COLUMNS)
            .from("circles")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional::<CircleRow>(&mut &*self, &query)
            .await?
            .map(CircleRow::into_circle)
            .transpose()
    }

    /// The names of these circles, by name: (id, name).
    pub async fn circle_names(&self, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: Uuid,
            name: String,
        }
        let rows = db::fetch_by_ids::<Row>(&mut &*self, ids, |chunk| {
            Query::select()
                .columns(["id", "name"])
                .from("circles")
                .and_where(Expr::col("id").is_in(chunk.iter().copied()))
                .order_by("name", Order::Asc)
                .to_owned()
        })
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
    }

    pub async fn circle_by_slug(&self, slug: &Slug) -> Result<Option<CircleSummary>> {
        let query = summary_query()
            .and_where(Expr::col(("circles", "slug")).eq(slug.as_str()))
            .to_owned();
        db::fetch_optional::<SummaryRow>(&mut &*self, &query)
            .await?
            .map(SummaryRow::into_summary)
            .transpose()
    }

    /// The editions of a circle, most recent first.
    pub async fn editions_of(&self, circle_id: Uuid) -> Result<Vec<CircleEdition>> {
        let query = Query::select()
            .columns([
                "id",
                "circle_id",
                "number",
                "held_on",
                "venue",
                "new_mentors",
            ])
            .from("circle_editions")
            .and_where(Expr::col("circle_id").eq(circle_id))
            .order_by("number", Order::Desc)
            .to_owned();
        Ok(db::fetch_all::<EditionRow>(&mut &*self, &query)
            .await?
            .into_iter()
            .map(|r| CircleEdition {
                id: r.id,
                circle_id: r.circle_id,
                number: r.number,
                held_on: r.held_on,
                venue: r.venue,
                new_mentors: r.new_mentors,
            })
            .collect())
    }
}

impl Tx {
    /// Creates the circle unless one with the same id or slug exists.
    pub async fn insert_circle_if_absent(&mut self, circle: &Circle) -> Result<bool> {
        let query = Query::insert()
            .into_table("circles")
            .columns(CIRCLE_COLUMNS.into_iter().chain(["created_at"]))
            .values_panic([
                circle.id.into(),
                circle.slug.as_str().into(),
                circle.name.as_str().into(),
                circle.commune_code.as_str().into(),
                circle.status.as_str().into(),
                circle.inaugurated_on.into(),
                circle.description_fr.as_str().into(),
                circle.description_en.as_str().into(),
                crate::now().into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    pub async fn insert_edition_if_absent(&mut self, edition: &NewEdition) -> Result<bool> {
        let query = Query::insert()
            .into_table("circle_editions")
            .columns([
                "id",
                "circle_id",
                "number",
                "held_on",
                "venue",
                "new_mentors",
            ])
            .values_panic([
                edition.id.into(),
                edition.circle_id.into(),
                edition.number.into(),
                edition.held_on.into(),
                edition.venue.as_str().into(),
                edition.new_mentors.into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    pub async fn link_circle_partner(&mut self, circle_id: Uuid, partner_id: Uuid) -> Result<()> {
        let query = Query::insert()
            .into_table("circle_partners")
            .columns(["circle_id", "partner_id"])
            .values_panic([circle_id.into(), partner_id.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }
}

/// An account holding a scoped role, as the circle's back office lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub user_id: Uuid,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// The language they chose (a locale code; see [`Member::language`]).
    pub locale: String,
}

impl Member {
    /// The language they chose.
    pub fn language(&self) -> mentorat_domain::Locale {
        mentorat_domain::Locale::parse(&self.locale).unwrap_or_default()
    }
}

/// The accounts holding `role` somewhere, as [`Member`]s (the caller says where).
pub(crate) fn members_holding(role: &str) -> SelectStatement {
    Query::select()
        .expr_as(Expr::col(("users", "id")), "user_id")
        .columns([
            ("users", "email"),
            ("users", "first_name"),
            ("users", "last_name"),
            ("users", "locale"),
        ])
        .from("role_grants")
        .inner_join(
            "users",
            Expr::col(("users", "id")).equals(("role_grants", "user_id")),
        )
        .and_where(Expr::col(("role_grants", "role")).eq(role))
        .to_owned()
}

impl Store {
    /// The coordinators of a circle, by name.
    pub async fn coordinators_of(&self, circle_id: Uuid) -> Result<Vec<Member>> {
        coordinators_of(&mut &*self, circle_id).await
    }
}

async fn coordinators_of(exec: &mut impl db::Exec, circle_id: Uuid) -> Result<Vec<Member>> {
    let query = members_holding("coordinator")
        .and_where(Expr::col(("role_grants", "circle_id")).eq(circle_id))
        .order_by(("users", "first_name"), Order::Asc)
        .to_owned();
    db::fetch_all(exec, &query).await
}

impl Tx {
    /// [`Store::coordinators_of`], inside the transaction.
    pub async fn coordinators_of(&mut self, circle_id: Uuid) -> Result<Vec<Member>> {
        coordinators_of(self, circle_id).await
    }

    /// The number the next edition of a circle takes.
    pub async fn next_edition_number(&mut self, circle_id: Uuid) -> Result<i64> {
        let query = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("circle_editions")
            .and_where(Expr::col("circle_id").eq(circle_id))
            .to_owned();
        Ok(db::fetch_one::<crate::db::Count>(self, &query).await?.n + 1)
    }

    /// Removes a coordinator grant; tells whether there was one.
    pub async fn revoke_coordinator(&mut self, user_id: Uuid, circle_id: Uuid) -> Result<bool> {
        let query = Query::delete()
            .from_table("role_grants")
            .and_where(Expr::col("user_id").eq(user_id))
            .and_where(Expr::col("role").eq("coordinator"))
            .and_where(Expr::col("circle_id").eq(circle_id))
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }
}
