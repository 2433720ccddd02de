//! Mentors vetted elsewhere: the vetting facts (the interview's date, the background
//! check) come with them; they accept the charter at their first sign-in, and each new
//! one is invited to choose a password.

use super::{Cells, Column, Item, Kind, Verdict, Writing, Written, refuse};
use crate::App;
use crate::AppError;
use chrono::{NaiveDate, TimeZone, Utc};
use mentorat_domain::PersonName;
use mentorat_domain::spreadsheet;
use mentorat_domain::territory::fold;
use mentorat_store::{Domain, ImportedMentor, Tx};
use uuid::Uuid;

/// The columns of the mentors' file, in the template's order: (key, required, header
/// variants accepted).
pub(super) const COLUMNS: &[Column] = &[
    super::FIRST_NAME,
    super::LAST_NAME,
    super::EMAIL,
    super::COMMUNE,
    (
        "domaines",
        true,
        &["domaines", "domaine", "champs", "expertise"],
    ),
    (
        "capacite",
        false,
        &["capacite", "places", "nombre_de_porteurs"],
    ),
    (
        "date_entretien",
        true,
        &["date_entretien", "entretien", "date_de_l_entretien"],
    ),
    (
        "antecedents_verifies",
        false,
        &[
            "antecedents_verifies",
            "antecedents",
            "verification_antecedents",
        ],
    ),
    (
        "langue",
        false,
        &["langue", "language", "langue_de_l_invitation"],
    ),
    (
        "presentation",
        false,
        &["presentation", "bio", "description"],
    ),
];

/// The template of the mentors' file: its header and one example line.
pub fn mentors_template() -> Vec<u8> {
    super::template(
        Kind::Mentors,
        &[
            "Zoé",
            "Martin",
            "zoe.martin@exemple.fr",
            "60159",
            "creation-entreprise, emploi-reconversion",
            "2",
            "15/09/2026",
            "oui",
            "fr",
            "Ancienne cheffe d'entreprise, j'accompagne les créateurs.",
        ],
    )
}

pub(super) fn domains_written(raw: &str, domains: &[Domain]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in raw
        .split([',', ';', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let folded = fold(part);
        let d = domains.iter().find(|d| {
            d.code == part || fold(&d.label_fr) == folded || fold(&d.label_en) == folded
        })?;
        if !out.contains(&d.code) {
            out.push(d.code.clone());
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A mentor's line checked (after the checks every kind makes).
pub(super) fn check(
    cells: &Cells<'_>,
    domains: &[Domain],
    today: NaiveDate,
) -> Result<Item, Verdict> {
    let name = PersonName::parse(&cells.get("prenom"), &cells.get("nom"))
        .map_err(|e| refuse("prenom", e.key()))?;
    let email = cells.email()?;
    let commune = super::commune_cell(&cells.get("commune"))?;
    let fields = domains_written(&cells.get("domaines"), domains)
        .ok_or_else(|| refuse("domaines", "error-import-domain"))?;
    let capacity = match cells.get("capacite").as_str() {
        "" => 2,
        raw => raw
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=5).contains(n))
            .ok_or_else(|| refuse("capacite", "error-import-capacity"))?,
    };
    let interview = spreadsheet::parse_date(&cells.get("date_entretien"))
        .filter(|d| *d <= today)
        .ok_or_else(|| refuse("date_entretien", "error-import-date"))?;
    let background = cells.yes_no("antecedents_verifies")?;
    let locale = cells.locale()?;
    let bio = cells.text("presentation", 2_000)?;
    Ok(Item::Mentor(ImportedMentor {
        user_id: Uuid::new_v4(),
        new_account: true,
        email,
        name,
        locale,
        circle_id: None,
        commune_code: commune.key(),
        bio,
        capacity,
        domains: fields,
        interview_on: Utc.from_utc_datetime(&interview.and_hms_opt(12, 0, 0).expect("noon")),
        background_checked: background,
    }))
}

impl App {
    /// One mentor written; a new account is invited to choose its password.
    pub(super) async fn write_mentor(
        &self,
        tx: &mut Tx,
        m: &ImportedMentor,
        writing: &Writing,
    ) -> Result<Written, AppError> {
        let now = self.now();
        if !tx.import_mentor(m, writing.actor, now).await? {
            return Ok(Written::Unchanged);
        }
        if !m.new_account {
            return Ok(Written::Updated);
        }
        self.invite_imported(tx, m.user_id, m.name.first(), &m.email, m.locale, writing)
            .await?;
        Ok(Written::Created)
    }
}
