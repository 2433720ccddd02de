//! Accounts and their role grants.

use crate::db::{self, Count};
use crate::{Result, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use mentorat_domain::{Email, Locale, PersonName, Role, RoleGrant};
use sea_query::{Expr, ExprTrait, OnConflict, Order, Query};
use uuid::Uuid;

/// An account to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: Uuid,
    pub email: Email,
    pub name: PersonName,
    pub locale: Locale,
    /// A PHC string (Argon2id); `None` for accounts that have not chosen a password.
    pub password_hash: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
}

/// An account as the rest of the platform sees it (never its password hash).
#[derive(Debug, Clone)]
pub struct Account {
    pub id: Uuid,
    pub email: Email,
    pub name: PersonName,
    pub locale: Locale,
    pub email_verified: bool,
    pub roles: Vec<RoleGrant>,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    email: String,
    first_name: String,
    last_name: String,
    locale: String,
    email_verified_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    role: String,
    circle_id: Option<Uuid>,
    partner_id: Option<Uuid>,
}

impl GrantRow {
    fn into_grant(self) -> Result<RoleGrant> {
        Ok(RoleGrant {
            role: Role::parse(&self.role).map_err(|_| StoreError::Corrupt(self.role))?,
            circle_id: self.circle_id,
            partner_id: self.partner_id,
        })
    }
}

impl UserRow {
    fn into_account(self, roles: Vec<RoleGrant>) -> Result<Account> {
        Ok(Account {
            id: self.id,
            email: Email::parse(&self.email)
                .map_err(|_| StoreError::Corrupt(format!("email of user {}", self.id)))?,
            name: PersonName::parse(&self.first_name, &self.last_name)
                .map_err(|_| StoreError::Corrupt(format!("name of user {}", self.id)))?,
            locale: Locale::parse(&self.locale).unwrap_or_default(),
            email_verified: self.email_verified_at.is_some(),
            roles,
        })
    }
}

/// Someone's name, as others see it.
#[derive(sqlx::FromRow)]
struct NameRow {
    id: Uuid,
    first_name: String,
    last_name: String,
}

impl NameRow {
    fn into_pair(self) -> Result<(Uuid, PersonName)> {
        let name = PersonName::parse(&self.first_name, &self.last_name)
            .map_err(|_| StoreError::Corrupt(format!("name of user {}", self.id)))?;
        Ok((self.id, name))
    }
}

const USER_COLUMNS: [&str; 6] = [
    "id",
    "email",
    "first_name",
    "last_name",
    "locale",
    "email_verified_at",
];

/// Where and how to write to someone.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub email: Email,
    pub first_name: String,
    pub locale: Locale,
}

/// What sign-in needs to know about an account.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Credentials {
    pub id: Uuid,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub deletion_requested_at: Option<DateTime<Utc>>,
}

impl Store {
    pub async fn credentials_by_email(&self, email: &Email) -> Result<Option<Credentials>> {
        let query = Query::select()
            .columns([
                "id",
                "password_hash",
                "email_verified_at",
                "deletion_requested_at",
            ])
            .from("users")
            .and_where(Expr::col("email_folded").eq(email.folded()))
            .to_owned();
        db::fetch_optional(&mut &*self, &query).await
    }

    pub async fn account_by_id(&self, id: Uuid) -> Result<Option<Account>> {
        account_by_id(&mut &*self, id).await
    }

    /// The [`Recipient`]s of several accounts, in one query per 500.
    pub async fn recipients(
        &self,
        ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Recipient>> {
        recipients(&mut &*self, ids).await
    }

    /// The names of everyone `user` has a request or a relationship with, either way,
    /// in one query however many there are.
    pub async fn counterparts(
        &self,
        user: Uuid,
    ) -> Result<std::collections::HashMap<Uuid, PersonName>> {
        // One subquery, the union of the four sides, each on its own index: PostgreSQL
        // reads `id IN (…) OR id IN (…)` by scanning every account (140 ms at ten times
        // the network) where the union reads a handful of index entries.
        let mut sides = [
            ("mentorship_requests", "mentee_id", "mentor_id"),
            ("mentorship_requests", "mentor_id", "mentee_id"),
            ("mentorships", "mentee_id", "mentor_id"),
            ("mentorships", "mentor_id", "mentee_id"),
        ]
        .map(|(table, mine, theirs)| {
            Query::select()
                .column(theirs)
                .from(table)
                .and_where(Expr::col(mine).eq(user))
                .to_owned()
        })
        .into_iter();
        let mut among = sides.next().expect("four sides");
        for side in sides {
            among.union(sea_query::UnionType::All, side);
        }
        let q = Query::select()
            .columns(["id", "first_name", "last_name"])
            .from("users")
            .and_where(Expr::col("id").in_subquery(among))
            .to_owned();
        let rows = db::fetch_all::<NameRow>(&mut &*self, &q).await?;
        rows.into_iter().map(NameRow::into_pair).collect()
    }

    /// The names of several people, in one query per 500.
    pub async fn names(&self, ids: &[Uuid]) -> Result<std::collections::HashMap<Uuid, PersonName>> {
        let rows = db::fetch_by_ids::<NameRow>(&mut &*self, ids, |chunk| {
            Query::select()
                .columns(["id", "first_name", "last_name"])
                .from("users")
                .and_where(Expr::col("id").is_in(chunk.iter().copied()))
                .to_owned()
        })
        .await?;
        rows.into_iter().map(NameRow::into_pair).collect()
    }

    /// The account with this e-mail (compared case-insensitively), with its roles.
    pub async fn account_by_email(&self, email: &Email) -> Result<Option<Account>> {
        let query = Query::select()
            .columns(USER_COLUMNS)
            .from("users")
            .and_where(Expr::col("email_folded").eq(email.folded()))
            .to_owned();
        let Some(row) = db::fetch_optional::<UserRow>(&mut &*self, &query).await? else {
            return Ok(None);
        };
        let roles = self.roles_of(row.id).await?;
        row.into_account(roles).map(Some)
    }

    /// The session stored under `id_hash` and its account with its roles, in one query
    /// (every signed-in request asks it first).
    pub async fn session_account(
        &self,
        id_hash: &str,
    ) -> Result<Option<(crate::SessionRecord, Account)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            session: crate::SessionRecord,
            #[sqlx(flatten)]
            user: UserRow,
            role: Option<String>,
            circle_id: Option<Uuid>,
            partner_id: Option<Uuid>,
        }
        let mut q = Query::select();
        q.columns(["user_id", "created_at", "last_seen_at", "expires_at"].map(|c| ("sessions", c)))
            .columns(USER_COLUMNS.map(|c| ("users", c)))
            .columns(["role", "circle_id", "partner_id"].map(|c| ("role_grants", c)))
            .from("sessions")
            .inner_join(
                "users",
                Expr::col(("users", "id")).equals(("sessions", "user_id")),
            )
            .left_join(
                "role_grants",
                Expr::col(("role_grants", "user_id")).equals(("users", "id")),
            )
            .and_where(Expr::col(("sessions", "id_hash")).eq(id_hash))
            .order_by(("role_grants", "role"), Order::Asc);
        let rows = db::fetch_all::<Row>(&mut &*self, &q).await?;
        let mut roles = Vec::new();
        let mut first = None;
        for row in rows {
            if let Some(role) = row.role {
                roles.push(
                    GrantRow {
                        role,
                        circle_id: row.circle_id,
                        partner_id: row.partner_id,
                    }
                    .into_grant()?,
                );
            }
            first.get_or_insert((row.session, row.user));
        }
        first
            .map(|(session, user)| Ok((session, user.into_account(roles)?)))
            .transpose()
    }

    pub async fn roles_of(&self, user_id: Uuid) -> Result<Vec<RoleGrant>> {
        roles_of(&mut &*self, user_id).await
    }

    /// The stored password hash of an account (`None` when none was chosen).
    pub async fn password_hash_of(&self, user_id: Uuid) -> Result<Option<String>> {
        #[derive(sqlx::FromRow)]
        struct Hash {
            password_hash: Option<String>,
        }
        let query = Query::select()
            .column("password_hash")
            .from("users")
            .and_where(Expr::col("id").eq(user_id))
            .to_owned();
        Ok(db::fetch_optional::<Hash>(&mut &*self, &query)
            .await?
            .and_then(|h| h.password_hash))
    }

    /// Every account holding `role` (for team notifications), by address.
    pub async fn members_with_role(&self, role: Role) -> Result<Vec<crate::Member>> {
        members_with_role(&mut &*self, role).await
    }

    pub async fn count_users(&self) -> Result<i64> {
        let query = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("users")
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &query).await?.n)
    }

    /// How many accounts hold `role` (any scope).
    pub async fn count_with_role(&self, role: Role) -> Result<i64> {
        let query = Query::select()
            .expr_as(Expr::col("user_id").count_distinct(), "n")
            .from("role_grants")
            .and_where(Expr::col("role").eq(role.as_str()))
            .to_owned();
        Ok(db::fetch_one::<Count>(&mut &*self, &query).await?.n)
    }
}

async fn account_by_id(exec: &mut impl db::Exec, id: Uuid) -> Result<Option<Account>> {
    let query = Query::select()
        .columns(USER_COLUMNS)
        .from("users")
        .and_where(Expr::col("id").eq(id))
        .to_owned();
    let Some(row) = db::fetch_optional::<UserRow>(exec, &query).await? else {
        return Ok(None);
    };
    let roles = roles_of(exec, row.id).await?;
    row.into_account(roles).map(Some)
}

async fn roles_of(exec: &mut impl db::Exec, user_id: Uuid) -> Result<Vec<RoleGrant>> {
    let query = Query::select()
        .columns(["role", "circle_id", "partner_id"])
        .from("role_grants")
        .and_where(Expr::col("user_id").eq(user_id))
        .order_by("role", Order::Asc)
        .to_owned();
    db::fetch_all::<GrantRow>(exec, &query)
        .await?
        .into_iter()
        .map(GrantRow::into_grant)
        .collect()
}

async fn members_with_role(exec: &mut impl db::Exec, role: Role) -> Result<Vec<crate::Member>> {
    let query = crate::circles::members_holding(role.as_str())
        .distinct()
        .and_where(Expr::col(("users", "deletion_requested_at")).is_null())
        .order_by(("users", "email"), Order::Asc)
        .to_owned();
    db::fetch_all(exec, &query).await
}

/// The [`Recipient`]s of several accounts, in one query per 500.
async fn recipients(
    exec: &mut impl db::Exec,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, Recipient>> {
    let rows = db::fetch_by_ids::<UserRow>(exec, ids, |chunk| {
        Query::select()
            .columns(USER_COLUMNS)
            .from("users")
            .and_where(Expr::col("id").is_in(chunk.iter().copied()))
            .to_owned()
    })
    .await?;
    rows.into_iter()
        .map(|row| {
            let account = row.into_account(Vec::new())?;
            let recipient = Recipient {
                email: account.email,
                first_name: account.name.first().to_owned(),
                locale: account.locale,
            };
            Ok((account.id, recipient))
        })
        .collect()
}

impl Tx {
    /// [`Store::account_by_id`], inside the transaction.
    pub async fn account_by_id(&mut self, id: Uuid) -> Result<Option<Account>> {
        account_by_id(self, id).await
    }

    /// [`Store::members_with_role`], inside the transaction.
    pub async fn members_with_role(&mut self, role: Role) -> Result<Vec<crate::Member>> {
        members_with_role(self, role).await
    }

    /// [`Store::recipients`], inside the transaction.
    pub async fn recipients(
        &mut self,
        ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Recipient>> {
        recipients(self, ids).await
    }

    /// Creates the account unless one with the same e-mail exists; tells which.
    pub async fn insert_user_if_absent(&mut self, user: &NewUser) -> Result<bool> {
        let query = Query::insert()
            .into_table("users")
            .columns([
                "id",
                "email",
                "email_folded",
                "first_name",
                "last_name",
                "locale",
                "password_hash",
                "email_verified_at",
                "created_at",
            ])
            .values_panic([
                user.id.into(),
                user.email.as_str().into(),
                user.email.folded().into(),
                user.name.first().into(),
                user.name.last().into(),
                user.locale.code().into(),
                user.password_hash.clone().into(),
                user.verified_at.into(),
                crate::now().into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        Ok(db::execute(self, &query).await? == 1)
    }

    pub async fn mark_email_verified(&mut self, user_id: Uuid, now: DateTime<Utc>) -> Result<()> {
        let query = Query::update()
            .table("users")
            .value("email_verified_at", now)
            .and_where(Expr::col("id").eq(user_id))
            .and_where(Expr::col("email_verified_at").is_null())
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    /// Changes the address of an account (already confirmed by the new address).
    pub async fn set_email(
        &mut self,
        user_id: Uuid,
        email: &Email,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let query = Query::update()
            .table("users")
            .value("email", email.as_str())
            .value("email_folded", email.folded())
            .value("email_verified_at", now)
            .and_where(Expr::col("id").eq(user_id))
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    pub async fn request_deletion(&mut self, user_id: Uuid, now: DateTime<Utc>) -> Result<()> {
        let query = Query::update()
            .table("users")
            .value("deletion_requested_at", now)
            .and_where(Expr::col("id").eq(user_id))
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    pub async fn set_locale(&mut self, user_id: Uuid, locale: Locale) -> Result<()> {
        let query = Query::update()
            .table("users")
            .value("locale", locale.code())
            .and_where(Expr::col("id").eq(user_id))
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }

    /// Grants a role; granting one that is already held changes nothing.
    pub async fn grant_role(&mut self, user_id: Uuid, grant: &RoleGrant) -> Result<()> {
        let query = Query::insert()
            .into_table("role_grants")
            .columns([
                "id",
                "user_id",
                "role",
                "circle_id",
                "partner_id",
                "created_at",
            ])
            .values_panic([
                Uuid::new_v4().into(),
                user_id.into(),
                grant.role.as_str().into(),
                grant.circle_id.into(),
                grant.partner_id.into(),
                crate::now().into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(self, &query).await?;
        Ok(())
    }
}
