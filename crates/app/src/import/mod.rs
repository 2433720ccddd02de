//! Importing from a spreadsheet: mentors vetted elsewhere, partner associations, and a
//! conference's registrations. The file is read as French spreadsheets save it (see
//! `spreadsheet`); every line is checked and classified — created, updated, already
//! there, or refused with its line, column and reason — and nothing is written until
//! the preview is confirmed. The import then runs in the background, 500 lines per
//! transaction (the site goes on between batches), and its progress is kept.
//! Importing the same file twice changes nothing: what is already there is left as it
//! is, and nobody is written to twice.
//!
//! Each kind has its columns, its line check and its writes (`mentors`, `others`).
//! Each new person gets a message that says, as the GDPR requires for data not
//! collected from them, who holds their data, why, for how long and how to object.

mod first_steps;
mod mentors;
mod others;
mod porteurs;
mod run;

use crate::{App, AppError, invalid};
use chrono::Datelike;
use mentorat_domain::event::Event;
use mentorat_domain::spreadsheet::{self, Row, Sheet, looks_like_formula, normalise_header};
use mentorat_domain::territory::{Commune, fold};
use mentorat_domain::{Email, Locale};
use mentorat_store::{ImportedMentor, ImportedPorteur, NewPartner, NewRegistration};
use std::collections::HashMap;
use uuid::Uuid;

pub use mentorat_store::ImportRecord;
pub use mentors::mentors_template;
pub use others::{associations_template, registrations_template};
pub use porteurs::porteurs_template;

use crate::territories::territories;

/// Lines written per transaction.
pub const BATCH: usize = 500;
/// How long an invitation's link lasts.
pub const INVITATION_VALIDITY: chrono::Duration = chrono::Duration::days(7);
/// An import with no batch written for this long has stopped (its process restarted):
/// a batch of 500 lines takes about half a second.
pub const STALLED: chrono::Duration = chrono::Duration::minutes(10);
/// The largest file accepted (the upload route's limit is a little above).
pub const MAX_LINES: usize = 60_000;

/// A column of a kind's file: (key, required, header variants accepted).
type Column = (&'static str, bool, &'static [&'static str]);

/// The columns that name a person, as every kind of people's file has them.
const FIRST_NAME: Column = ("prenom", true, &["prenom", "first_name", "prenoms"]);
const LAST_NAME: Column = (
    "nom",
    true,
    &["nom", "last_name", "nom_de_famille", "nom_d_usage"],
);
const EMAIL: Column = (
    "email",
    true,
    &["email", "e_mail", "courriel", "adresse_e_mail", "mail"],
);
const COMMUNE: Column = (
    "commune",
    true,
    &["commune", "ville", "code_insee", "code_postal", "localite"],
);

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Mentors,
    /// Porteurs de projet with their project.
    Porteurs,
    Associations,
    /// A conference's registrations (the import names the event).
    Registrations,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Mentors,
        Kind::Porteurs,
        Kind::Associations,
        Kind::Registrations,
    ];

    /// As kept in `imports.kind`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Mentors => "mentors",
            Kind::Porteurs => "porteurs",
            Kind::Associations => "partners",
            Kind::Registrations => "registrations",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    fn columns(self) -> &'static [Column] {
        match self {
            Kind::Mentors => mentors::COLUMNS,
            Kind::Porteurs => porteurs::COLUMNS,
            Kind::Associations => others::ASSOCIATION_COLUMNS,
            Kind::Registrations => others::REGISTRATION_COLUMNS,
        }
    }
}

/// Why a line is left out: its column and the message (a Fluent key), with the
/// candidates of an ambiguous commune or the earlier line of a duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub column: &'static str,
    pub key: &'static str,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Create,
    /// The address has an account that is not a mentor's: a mentor profile is added.
    Update,
    /// Already there: left as it is.
    Unchanged,
    Refused(Refusal),
}

#[derive(Debug, Clone)]
pub struct PreviewLine {
    pub line: usize,
    /// « Zoé Martin <zoe.martin@exemple.fr> », « Les Amis d'Ath (Ath) », as written.
    pub who: String,
    pub verdict: Verdict,
}

/// A line checked, ready to write.
#[derive(Debug, Clone)]
enum Item {
    Mentor(ImportedMentor),
    Porteur(ImportedPorteur),
    Association {
        partner: NewPartner,
        /// The circle it is linked to (named in the file, else the one covering its
        /// commune, found when written).
        circle: Option<Uuid>,
    },
    Registration(NewRegistration),
}

impl Item {
    /// What makes two lines the same (an address, an association's slug).
    fn key(&self) -> String {
        match self {
            Item::Mentor(m) => m.email.folded(),
            Item::Porteur(p) => p.email.folded(),
            Item::Association { partner, .. } => partner.slug.clone(),
            Item::Registration(r) => r.email.folded(),
        }
    }
}

/// A file checked: every line's verdict, and the counts.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    pub lines: Vec<PreviewLine>,
    /// Valid lines, ready to write (with their verdict Create or Update).
    items: Vec<Item>,
}

impl Preview {
    /// (created, updated, unchanged, refused).
    pub fn counts(&self) -> [i64; 4] {
        let mut c = [0; 4];
        for l in &self.lines {
            let i = match l.verdict {
                Verdict::Create => 0,
                Verdict::Update => 1,
                Verdict::Unchanged => 2,
                Verdict::Refused(_) => 3,
            };
            c[i] += 1;
        }
        c
    }
}

/// A commune as a person writes it in a spreadsheet: its INSEE code, a postal code,
/// or its name. `Err` tells why not: unknown, or ambiguous with the candidates.
pub fn commune_written(raw: &str) -> Result<&'static Commune, (&'static str, String)> {
    let t = territories();
    let raw = raw.trim();
    if let Some(c) = t.resolve(raw) {
        return Ok(c);
    }
    let candidates: Vec<&'static Commune> =
        if raw.len() == 5 && raw.bytes().all(|b| b.is_ascii_digit()) {
            t.communes()
                .iter()
                .filter(|c| c.postal_codes.iter().any(|p| p == raw))
                .collect()
        } else {
            let folded = fold(raw);
            let mut found: Vec<&'static Commune> = t
                .search(raw, 50)
                .into_iter()
                .map(|h| h.commune)
                .filter(|c| fold(&c.name) == folded)
                .collect();
            found.dedup_by_key(|c| c.key());
            found
        };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err(("error-import-commune-unknown", String::new())),
        many => Err((
            "error-import-commune-ambiguous",
            many.iter()
                .take(8)
                .map(|c| {
                    let dep = t.departement_of(c).map(|d| d.name.as_str()).unwrap_or("");
                    format!("{} ({}, {})", c.name, c.code, dep)
                })
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}

/// A commune cell checked, refused with the candidates when ambiguous.
fn commune_cell(raw: &str) -> Result<&'static Commune, Verdict> {
    commune_written(raw).map_err(|(key, detail)| {
        Verdict::Refused(Refusal {
            column: "commune",
            key,
            detail,
        })
    })
}

fn refuse(column: &'static str, key: &'static str) -> Verdict {
    Verdict::Refused(Refusal {
        column,
        key,
        detail: String::new(),
    })
}

/// The columns found: key → index.
fn columns(kind: Kind, sheet: &Sheet) -> Result<HashMap<&'static str, usize>, AppError> {
    let mut found = HashMap::new();
    for (key, required, variants) in kind.columns() {
        match sheet
            .header
            .iter()
            .position(|h| variants.contains(&normalise_header(h).as_str()))
        {
            Some(i) => {
                found.insert(*key, i);
            }
            None if *required => return Err(invalid("file", "error-import-columns")),
            None => {}
        }
    }
    Ok(found)
}

/// A template: the kind's header and one example line.
fn template(kind: Kind, example: &[&str]) -> Vec<u8> {
    let header: Vec<&str> = kind.columns().iter().map(|(k, _, _)| *k).collect();
    let example: Vec<Vec<String>> = vec![example.iter().map(|c| (*c).to_owned()).collect()];
    mentorat_domain::csv::french_csv(&header, &example)
}

/// A line's cells by column key.
struct Cells<'a> {
    row: &'a Row,
    cols: &'a HashMap<&'static str, usize>,
}

impl Cells<'_> {
    fn get(&self, key: &str) -> String {
        self.row.get(self.cols.get(key).copied()).to_owned()
    }

    /// The checks every kind makes first: no cell a spreadsheet would run (refused,
    /// never stored), no required cell empty.
    fn first_checks(&self, kind: Kind) -> Result<(), Verdict> {
        for (key, _, _) in kind.columns() {
            if looks_like_formula(&self.get(key)) {
                return Err(refuse(key, "error-import-formula"));
            }
        }
        for (key, required, _) in kind.columns() {
            if *required && self.get(key).is_empty() {
                return Err(refuse(key, "error-import-missing"));
            }
        }
        Ok(())
    }

    fn email(&self) -> Result<Email, Verdict> {
        Email::parse(&self.get("email")).map_err(|e| refuse("email", e.key()))
    }

    fn locale(&self) -> Result<Locale, Verdict> {
        match self.get("langue").to_lowercase().as_str() {
            "" | "fr" | "francais" | "français" => Ok(Locale::Fr),
            "en" | "anglais" | "english" => Ok(Locale::En),
            _ => Err(refuse("langue", "error-import-language")),
        }
    }

    fn yes_no(&self, key: &'static str) -> Result<bool, Verdict> {
        match fold(&self.get(key)).as_str() {
            "" | "non" | "no" | "n" | "0" | "faux" | "false" => Ok(false),
            "oui" | "yes" | "o" | "y" | "1" | "vrai" | "true" | "x" => Ok(true),
            _ => Err(refuse(key, "error-import-yes-no")),
        }
    }

    /// A free text of at most `max` characters.
    fn text(&self, key: &'static str, max: usize) -> Result<String, Verdict> {
        let text = self.get(key);
        if text.chars().count() > max {
            return Err(refuse(key, "error-too-long"));
        }
        Ok(text)
    }
}

/// What a kind's line check needs besides the line.
struct Checking {
    kind: Kind,
    today: chrono::NaiveDate,
    domains: Vec<mentorat_store::Domain>,
    /// Circles by slug and folded name, for the associations' `cercle`.
    circles: HashMap<String, Uuid>,
    event: Option<Event>,
}

/// What writing needs besides the lines.
struct Writing {
    actor: Uuid,
    controller: String,
    months: i64,
    event: Option<Event>,
    circles: HashMap<String, Option<Uuid>>,
}

/// A line written: created, completed (`Update`), or found there meanwhile.
enum Written {
    Created,
    Updated,
    Unchanged,
}

impl App {
    /// Checks a file of `kind` (for `event`, when registrations) and says what an
    /// import would do; writes nothing.
    /// `actor` imports: a coordinator's mentors and porteurs must live in a circle they
    /// coordinate (`policy::authorize`, circle by circle); the national team's anywhere.
    pub async fn preview_import(
        &self,
        actor: Uuid,
        kind: Kind,
        event: Option<Uuid>,
        bytes: &[u8],
    ) -> Result<Preview, AppError> {
        let sheet = spreadsheet::read(bytes).ok_or(invalid("file", "error-file-empty"))?;
        if sheet.rows.len() > MAX_LINES {
            return Err(invalid("file", "error-import-too-long"));
        }
        let cols = columns(kind, &sheet)?;
        let checking = Checking {
            kind,
            today: self.now().date_naive(),
            domains: match kind {
                Kind::Mentors | Kind::Porteurs => self.domains().await?,
                _ => Vec::new(),
            },
            circles: match kind {
                Kind::Associations => others::circles_named(&self.store.circles_by_name().await?),
                _ => HashMap::new(),
            },
            event: match event {
                Some(id) => Some(self.importable_event(id).await?),
                None => None,
            },
        };
        let mut preview = Preview::default();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut pending: Vec<(usize, Item)> = Vec::new();
        for row in &sheet.rows {
            let cells = Cells { row, cols: &cols };
            let who = match kind {
                Kind::Associations => format!("{} ({})", cells.get("nom"), cells.get("commune")),
                _ => format!(
                    "{} {} <{}>",
                    cells.get("prenom"),
                    cells.get("nom"),
                    cells.get("email")
                ),
            };
            let checked = cells
                .first_checks(kind)
                .and_then(|()| self.check_line(&cells, &checking))
                .and_then(|item| match seen.get(&item.key()) {
                    // The same person or association twice: the first line counts.
                    Some(first) => Err(Verdict::Refused(Refusal {
                        column: if kind == Kind::Associations {
                            "nom"
                        } else {
                            "email"
                        },
                        key: if kind == Kind::Associations {
                            "error-import-duplicate-name"
                        } else {
                            "error-import-duplicate-email"
                        },
                        detail: first.to_string(),
                    })),
                    None => {
                        seen.insert(item.key(), row.line);
                        Ok(item)
                    }
                });
            let verdict = match checked {
                Ok(item) => {
                    pending.push((preview.lines.len(), item));
                    Verdict::Create
                }
                Err(verdict) => verdict,
            };
            preview.lines.push(PreviewLine {
                line: row.line,
                who,
                verdict,
            });
        }
        let pending = self.within_reach(actor, pending, &mut preview).await?;
        // What is already there, in a few queries.
        let keys: Vec<String> = pending.iter().map(|(_, i)| i.key()).collect();
        let known = self.known_keys(kind, event, &keys).await?;
        for (at, mut item) in pending {
            let verdict = match (known.get(&item.key()), &mut item) {
                (None, _) => Verdict::Create,
                (Some(None), _) => Verdict::Unchanged,
                (Some(Some(id)), Item::Mentor(m)) => {
                    m.user_id = *id;
                    m.new_account = false;
                    Verdict::Update
                }
                (Some(Some(_)), _) => Verdict::Unchanged,
            };
            if verdict != Verdict::Unchanged {
                preview.items.push(item);
            }
            preview.lines[at].verdict = verdict;
        }
        Ok(preview)
    }

    /// The people `actor` may import: all for the national team; for a coordinator,
    /// those whose commune is in a circle they coordinate (each line's circle found
    /// once per commune; the others refused on their `commune`).
    async fn within_reach(
        &self,
        actor: Uuid,
        pending: Vec<(usize, Item)>,
        preview: &mut Preview,
    ) -> Result<Vec<(usize, Item)>, AppError> {
        use mentorat_domain::policy::{Action, Decision, Resource, Viewer, authorize};
        let roles = self.store.roles_of(actor).await?;
        let viewer = Viewer {
            user_id: actor,
            roles: &roles,
        };
        let allowed = |action, resource: &Resource| {
            authorize(Some(&viewer), action, resource) == Decision::Allow
        };
        if allowed(Action::ManageNetwork, &Resource::Platform) {
            return Ok(pending);
        }
        let mut circles: HashMap<String, Option<Uuid>> = HashMap::new();
        let mut kept = Vec::with_capacity(pending.len());
        for (at, mut item) in pending {
            let commune = match &item {
                Item::Mentor(m) => m.commune_code.clone(),
                Item::Porteur(p) => p.project.commune_code.clone(),
                _ => {
                    kept.push((at, item));
                    continue;
                }
            };
            match self.circle_of_commune(&mut circles, commune).await? {
                Some(c) if allowed(Action::ManageCircle, &Resource::Circle(c)) => {
                    match &mut item {
                        Item::Mentor(m) => m.circle_id = Some(c),
                        Item::Porteur(p) => p.project.circle_id = Some(c),
                        _ => {}
                    }
                    kept.push((at, item));
                }
                _ => preview.lines[at].verdict = refuse("commune", "error-import-not-your-circle"),
            }
        }
        Ok(kept)
    }

    /// The circle covering a commune (by key), looked up once per commune of a file.
    async fn circle_of_commune(
        &self,
        known: &mut HashMap<String, Option<Uuid>>,
        commune: String,
    ) -> Result<Option<Uuid>, AppError> {
        if let Some(c) = known.get(&commune) {
            return Ok(*c);
        }
        let c = match territories().commune(&commune) {
            Some(c) => self.circle_for_commune(c).await?.map(|c| c.id),
            None => None,
        };
        known.insert(commune, c);
        Ok(c)
    }

    /// An event whose registrations may be imported: upcoming, not cancelled.
    async fn importable_event(&self, id: Uuid) -> Result<Event, AppError> {
        let event = self.store.event(id).await?.ok_or(AppError::NotFound)?;
        if event.status == mentorat_domain::EventStatus::Cancelled || event.starts_at <= self.now()
        {
            return Err(invalid("event", "error-event-closed"));
        }
        Ok(event)
    }

    fn check_line(&self, cells: &Cells<'_>, checking: &Checking) -> Result<Item, Verdict> {
        match checking.kind {
            Kind::Mentors => mentors::check(cells, &checking.domains, checking.today),
            Kind::Porteurs => porteurs::check(cells, &checking.domains, checking.today.year()),
            Kind::Associations => others::check_association(cells, &checking.circles),
            Kind::Registrations => others::check_registration(
                cells,
                checking.event.as_ref().map(|e| e.id).unwrap_or_default(),
            ),
        }
    }

    /// The keys already there: `Some(id)` for an account that a mentor's line
    /// completes, `None` for what is left as it is.
    async fn known_keys(
        &self,
        kind: Kind,
        event: Option<Uuid>,
        keys: &[String],
    ) -> Result<HashMap<String, Option<Uuid>>, AppError> {
        Ok(match kind {
            Kind::Mentors => self
                .store
                .known_addresses(keys)
                .await?
                .into_iter()
                .map(|k| (k.email_folded, (!k.is_mentor).then_some(k.id)))
                .collect(),
            // An account there already: left as it is (its owner submits projects).
            Kind::Porteurs => self
                .store
                .known_addresses(keys)
                .await?
                .into_iter()
                .map(|k| (k.email_folded, None))
                .collect(),
            Kind::Associations => self
                .store
                .known_partner_slugs(keys)
                .await?
                .into_iter()
                .map(|k| (k, None))
                .collect(),
            Kind::Registrations => self
                .store
                .registered_addresses(event.unwrap_or_default(), keys)
                .await?
                .into_iter()
                .map(|k| (k, None))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn communes_by_code_postal_code_or_name() {
        assert_eq!(commune_written("60159").unwrap().name, "Compiègne");
        assert_eq!(commune_written("compiegne").unwrap().code, "60159");
        assert_eq!(commune_written("75115").unwrap().code, "75056");
        let (key, candidates) = commune_written("Saint-Denis").unwrap_err();
        assert_eq!(key, "error-import-commune-ambiguous");
        assert!(candidates.contains("93066"), "{candidates}");
        assert_eq!(
            commune_written("Nullepartville").unwrap_err().0,
            "error-import-commune-unknown"
        );
    }

    #[test]
    fn every_template_has_every_column_and_reads_back() {
        for (kind, bytes) in [
            (Kind::Mentors, mentors_template()),
            (Kind::Porteurs, porteurs_template()),
            (Kind::Associations, associations_template()),
            (Kind::Registrations, registrations_template()),
        ] {
            let sheet = spreadsheet::read(&bytes).unwrap();
            assert_eq!(columns(kind, &sheet).unwrap().len(), kind.columns().len());
            assert_eq!(sheet.rows.len(), 1);
            let cols = columns(kind, &sheet).unwrap();
            let cells = Cells {
                row: &sheet.rows[0],
                cols: &cols,
            };
            assert_eq!(cells.first_checks(kind), Ok(()), "{kind:?}");
        }
    }
}
