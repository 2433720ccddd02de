//! Porteurs de projet with their project. The project arrives « submitted »: the
//! circle's coordinators review it as any other. Under 15, a file cannot give
//! consent: the parent named in the file receives the consent link, and the porteur
//! gives their own at first sign-in (`/mon-espace/accord`); until both have, the
//! project is never suggested nor matched. An address that has an account is left as
//! it is.

use super::{Cells, Column, Item, Kind, Verdict, Writing, Written, refuse};
use crate::email::Mail;
use crate::security::{random_token, token_hash};
use crate::{App, AppError};
use mentorat_domain::PersonName;
use mentorat_domain::mentoring::{CONSENT_NOTICE_VERSION, STAGES, needs_parental_consent};
use mentorat_domain::territory::fold;
use mentorat_store::{Domain, ImportedPorteur, NewProjectDetails, Tx};
use uuid::Uuid;

pub(super) const COLUMNS: &[Column] = &[
    super::FIRST_NAME,
    super::LAST_NAME,
    super::EMAIL,
    super::COMMUNE,
    (
        "annee_naissance",
        true,
        &[
            "annee_naissance",
            "annee_de_naissance",
            "naissance",
            "birth_year",
        ],
    ),
    ("titre_projet", true, &["titre_projet", "projet", "titre"]),
    (
        "description_projet",
        true,
        &["description_projet", "description", "presentation"],
    ),
    ("domaines", true, &["domaines", "domaine", "champs"]),
    ("stade", false, &["stade", "etape", "stage"]),
    (
        "aide_souhaitee",
        false,
        &["aide_souhaitee", "aide", "besoin"],
    ),
    (
        "nom_parent",
        false,
        &["nom_parent", "parent", "responsable_legal"],
    ),
    (
        "email_parent",
        false,
        &["email_parent", "courriel_parent", "e_mail_parent"],
    ),
    ("langue", false, &["langue", "language"]),
];

pub fn porteurs_template() -> Vec<u8> {
    super::template(
        Kind::Porteurs,
        &[
            "Inès",
            "Haddad",
            "ines.haddad@exemple.fr",
            "60159",
            "1998",
            "Une épicerie solidaire",
            "Ouvrir une épicerie solidaire dans mon quartier, avec des produits locaux.",
            "commerce",
            "preparing",
            "Le plan de financement",
            "",
            "",
            "fr",
        ],
    )
}

/// A stage as written: its code, or its French or English words.
fn stage_written(raw: &str) -> Option<&'static str> {
    let folded = fold(raw);
    let words: [(&str, &[&str]); 4] = [
        ("idea", &["idee", "idea"]),
        ("preparing", &["preparation", "en_preparation", "preparing"]),
        ("launching", &["lancement", "en_lancement", "launching"]),
        ("running", &["en_activite", "activite", "running"]),
    ];
    if raw.trim().is_empty() {
        return Some("idea");
    }
    let key = folded.replace([' ', '-'], "_");
    STAGES.iter().copied().find(|s| {
        *s == key
            || words
                .iter()
                .any(|(code, names)| code == s && names.contains(&key.as_str()))
    })
}

pub(super) fn check(cells: &Cells<'_>, domains: &[Domain], year: i32) -> Result<Item, Verdict> {
    let name = PersonName::parse(&cells.get("prenom"), &cells.get("nom"))
        .map_err(|e| refuse("prenom", e.key()))?;
    let email = cells.email()?;
    let commune = super::commune_cell(&cells.get("commune"))?;
    let birth_year = cells
        .get("annee_naissance")
        .trim()
        .parse::<i32>()
        .ok()
        // An age from 8 to 110, as on the site's form.
        .filter(|y| (year - 110..=year - 8).contains(y))
        .ok_or_else(|| refuse("annee_naissance", "error-birth-year"))?;
    let title = cells.text("titre_projet", 150)?;
    let description = cells.text("description_projet", 4_000)?;
    let fields = super::mentors::domains_written(&cells.get("domaines"), domains)
        .ok_or_else(|| refuse("domaines", "error-import-domain"))?;
    let stage =
        stage_written(&cells.get("stade")).ok_or_else(|| refuse("stade", "error-import-stage"))?;
    let help_wanted = cells.text("aide_souhaitee", 1_500)?;
    let locale = cells.locale()?;
    let parent = if needs_parental_consent(birth_year, year) {
        let parent_name = cells.text("nom_parent", 200)?;
        if parent_name.trim().is_empty() {
            return Err(refuse("nom_parent", "error-import-parent"));
        }
        let parent_email = mentorat_domain::Email::parse(&cells.get("email_parent"))
            .map_err(|_| refuse("email_parent", "error-import-parent"))?;
        if parent_email.folded() == email.folded() {
            return Err(refuse("email_parent", "error-import-parent-same"));
        }
        Some((
            parent_name.trim().to_owned(),
            parent_email.as_str().to_owned(),
            CONSENT_NOTICE_VERSION.to_owned(),
        ))
    } else {
        None
    };
    Ok(Item::Porteur(ImportedPorteur {
        email,
        name,
        locale,
        project: NewProjectDetails {
            id: Uuid::new_v4(),
            mentee_id: Uuid::new_v4(),
            circle_id: None,
            title,
            description,
            commune_code: commune.key(),
            stage: stage.to_owned(),
            help_wanted,
            languages: locale.code().to_owned(),
            remote: false,
            domains: fields,
            birth_year: i64::from(birth_year),
            parent,
        },
    }))
}

impl App {
    /// One porteur written, invited to choose a password; under 15, their parent is
    /// asked for consent.
    pub(super) async fn write_porteur(
        &self,
        tx: &mut Tx,
        p: &ImportedPorteur,
        writing: &Writing,
    ) -> Result<Written, AppError> {
        let now = self.now();
        let consent = random_token();
        let minor = p.project.parent.is_some();
        if !tx
            .import_porteur(p, minor.then(|| token_hash(&consent)).as_deref(), now)
            .await?
        {
            return Ok(Written::Unchanged);
        }
        self.invite_imported(
            tx,
            p.project.mentee_id,
            p.name.first(),
            &p.email,
            p.locale,
            writing,
        )
        .await?;
        if let Some((parent_name, parent_email, _)) = &p.project.parent {
            let mail = Mail::ParentalConsent {
                name: parent_name.clone(),
                child: p.name.first().to_owned(),
                link: self.link(&format!("/consentement/{consent}")),
            };
            self.queue_mail(tx, parent_email, p.locale, &mail).await?;
        }
        Ok(Written::Created)
    }
}
