//! Partner associations and a conference's registrations from a spreadsheet.
//!
//! An association is known by its name's slug: a line whose association exists is left
//! as it is. It joins the circle the file names (its slug or its town), else the one
//! covering its commune. Registrations join one upcoming conference, confirmed while
//! seats last and on its waiting list after; an address registered already — even one
//! that cancelled: a file does not undo someone's choice — is left as it is. Each
//! person registered hears of it with the cancellation link and the GDPR's art. 14
//! information.

use super::{Cells, Column, Item, Kind, Verdict, Writing, Written, refuse};
use crate::email::Mail;
use crate::security::{random_token, token_hash};
use crate::{App, AppError};
use mentorat_domain::territory::fold;
use mentorat_domain::{PersonName, Slug};
use mentorat_store::{NewPartner, NewRegistration, Seat, Tx};
use std::collections::HashMap;
use uuid::Uuid;

pub(super) const ASSOCIATION_COLUMNS: &[Column] = &[
    (
        "nom",
        true,
        &["nom", "name", "association", "nom_de_l_association"],
    ),
    (
        "commune",
        true,
        &["commune", "ville", "code_insee", "code_postal", "siege"],
    ),
    (
        "email_contact",
        false,
        &["email_contact", "email", "e_mail", "courriel", "contact"],
    ),
    ("cercle", false, &["cercle", "circle", "cercle_des_mentors"]),
    ("langue", false, &["langue", "language"]),
    (
        "description",
        false,
        &["description", "presentation", "objet"],
    ),
];

pub(super) const REGISTRATION_COLUMNS: &[Column] = &[
    ("prenom", true, &["prenom", "first_name", "prenoms"]),
    ("nom", false, &["nom", "last_name", "nom_de_famille"]),
    (
        "email",
        true,
        &["email", "e_mail", "courriel", "adresse_e_mail", "mail"],
    ),
    (
        "telephone",
        false,
        &["telephone", "tel", "phone", "portable", "mobile"],
    ),
    (
        "accord_contact",
        false,
        &[
            "accord_contact",
            "consentement_contact",
            "contact_apres",
            "consent_contact",
        ],
    ),
    ("langue", false, &["langue", "language"]),
];

pub fn associations_template() -> Vec<u8> {
    super::template(
        Kind::Associations,
        &[
            "Les Amis de Margny",
            "60382",
            "contact@amis-margny.example",
            "compiegne",
            "fr",
            "Association de quartier : accueil, soutien scolaire, jardin partagé.",
        ],
    )
}

pub fn registrations_template() -> Vec<u8> {
    super::template(
        Kind::Registrations,
        &[
            "Samia",
            "Benali",
            "samia.benali@exemple.fr",
            "06 12 34 56 78",
            "oui",
            "fr",
        ],
    )
}

/// The circles a file may name: by slug and by name, folded.
pub(super) fn circles_named(circles: &[mentorat_domain::Circle]) -> HashMap<String, Uuid> {
    let mut out = HashMap::new();
    for c in circles {
        out.insert(c.slug.to_string(), c.id);
        out.insert(fold(&c.name), c.id);
    }
    out
}

pub(super) fn check_association(
    cells: &Cells<'_>,
    circles: &HashMap<String, Uuid>,
) -> Result<Item, Verdict> {
    let name = cells.text("nom", 120)?.trim().to_owned();
    let slug = Slug::from_name(&name).map_err(|e| refuse("nom", e.key()))?;
    let commune = super::commune_cell(&cells.get("commune"))?;
    let contact_email = match cells.get("email_contact").as_str() {
        "" => String::new(),
        raw => mentorat_domain::Email::parse(raw)
            .map_err(|e| refuse("email_contact", e.key()))?
            .as_str()
            .to_owned(),
    };
    let circle = match cells.get("cercle").trim() {
        "" => None,
        raw => Some(
            *circles
                .get(raw)
                .or_else(|| circles.get(&fold(raw)))
                .ok_or_else(|| refuse("cercle", "error-import-circle"))?,
        ),
    };
    let locale = cells.locale()?;
    Ok(Item::Association {
        partner: NewPartner {
            id: Uuid::new_v4(),
            slug: slug.to_string(),
            name,
            commune_code: commune.key(),
            contact_email,
            description: cells.text("description", 2_000)?,
            locale: locale.code().to_owned(),
        },
        circle,
    })
}

pub(super) fn check_registration(cells: &Cells<'_>, event_id: Uuid) -> Result<Item, Verdict> {
    let name = PersonName::parse(&cells.get("prenom"), &cells.get("nom"))
        .map_err(|e| refuse("prenom", e.key()))?;
    let email = cells.email()?;
    let phone = crate::events::parse_phone(&cells.get("telephone"))
        .map_err(|_| refuse("telephone", "error-phone"))?;
    Ok(Item::Registration(NewRegistration {
        id: Uuid::new_v4(),
        event_id,
        first_name: name.first().to_owned(),
        last_name: name.last().to_owned(),
        email,
        phone,
        heard_from: String::new(),
        consent_contact: cells.yes_no("accord_contact")?,
        locale: cells.locale()?,
        // Made when written, with the link its message carries.
        cancel_hash: String::new(),
        partner_id: None,
    }))
}

impl App {
    /// One registration written, and its message: confirmed with the calendar file,
    /// or on the waiting list.
    pub(super) async fn write_registration(
        &self,
        tx: &mut Tx,
        r: &NewRegistration,
        writing: &Writing,
    ) -> Result<Written, AppError> {
        let event = writing.event.as_ref().ok_or(AppError::NotFound)?;
        let token = random_token();
        let r = NewRegistration {
            cancel_hash: token_hash(&token),
            ..r.clone()
        };
        let seat = match tx.import_registration(&r, self.now()).await? {
            None | Some(Seat::AlreadyRegistered) => return Ok(Written::Unchanged),
            Some(seat) => seat,
        };
        let mail = Mail::RegistrationImported {
            name: r.first_name.clone(),
            event: self.facts(event),
            link: self.link(&format!("/inscriptions/annuler/{token}")),
            controller: writing.controller.clone(),
            months: writing.months,
            waitlisted: seat == Seat::Waitlisted,
        };
        let ics = match seat {
            Seat::Confirmed => self.ics_attachment(r.locale, event),
            _ => None,
        };
        self.queue_mail_with(tx, r.email.as_str(), r.locale, &mail, ics)
            .await?;
        Ok(Written::Created)
    }
}
