//! `mentorat demo`: realistic demo data, loaded idempotently. Every record has a
//! deterministic id (UUID v5 of a stable name) and is inserted only if absent, so
//! running the loader twice changes nothing and later issues can extend it.

use crate::territories::territories;
use crate::{App, AppError, passwords};
use chrono::{Days, NaiveDate, NaiveTime, TimeZone as _, Utc};
use mentorat_domain::territory::CoverageLevel;
use mentorat_domain::{
    Circle, CircleStatus, Email, Event, EventKind, EventStatus, Locale, PersonName, RoleGrant,
    Slug, TimeZone,
};
use mentorat_store::{NewEdition, NewMentor, NewPartner, NewProject, NewUser, Tx};
use uuid::Uuid;

mod activity;
pub(crate) mod circles;
mod events;
mod mentoring;
mod model;
mod people;
mod plan;
mod public_site;
mod scale;
mod texts;

use circles::*;
use events::*;
use mentoring::*;
use people::*;
use public_site::*;

pub use model::EMAIL_DOMAIN;
pub use plan::ScalePlan;
pub use scale::{Progress, ScaleReport, ScaleSamples, Silent};

/// The password of every demo account that can sign in.
pub const DEMO_PASSWORD: &str = "mentorat-demo";

/// A stable id for a demo record.
pub fn demo_id(name: &str) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x6d656e74_6f72_6174_2d64_656d6f2d6e73);
    Uuid::new_v5(&NAMESPACE, name.as_bytes())
}

/// What the loader did, for the command-line report.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub created: usize,
    pub already_present: usize,
}

impl DemoReport {
    fn count(&mut self, created: bool) {
        if created {
            self.created += 1;
        } else {
            self.already_present += 1;
        }
    }
}

fn person(first: &str, last: &str) -> PersonName {
    PersonName::parse(first, last).expect("demo names are valid")
}

fn email(raw: &str) -> Email {
    Email::parse(raw).expect("demo e-mails are valid")
}

/// `prenom.nom@demo.mentorat.example`, ASCII only.
fn demo_email(first: &str, last: &str) -> Email {
    let slug = Slug::from_name(&format!("{first} {last}")).expect("demo names slugify");
    email(&format!(
        "{}@demo.mentorat.example",
        slug.as_str().replace('-', ".")
    ))
}

impl App {
    /// Loads the demo data; safe to run again (it only adds what is missing).
    pub async fn load_demo(&self) -> Result<DemoReport, AppError> {
        let mut report = DemoReport::default();
        // Hash once, outside the transaction: Argon2 is deliberately slow.
        let password_hash = passwords::hash_blocking(DEMO_PASSWORD.to_owned()).await;
        let mut tx = self.store.begin().await?;
        load_circles(&mut tx, &mut report).await?;
        load_role_accounts(&mut tx, &password_hash, &mut report).await?;
        load_people(&mut tx, &mut report).await?;
        load_events(&mut tx, &mut report).await?;
        load_public_site(&mut tx, &mut report).await?;
        load_mentoring(&mut tx, &mut report).await?;
        tx.commit().await?;
        Ok(report)
    }
}
