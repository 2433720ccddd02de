//! Importing people from a spreadsheet. The file is read as French spreadsheets save it
//! (see `spreadsheet`); every line is checked and classified — created, updated,
//! already there, or refused with its line, column and reason — and nothing is written
//! until the preview is confirmed. The import then runs in the background, 500 lines
//! per transaction (the site goes on between batches), and its progress is kept.
//! Importing the same file twice changes nothing: the people already there are left as
//! they are, and nobody is invited twice.
//!
//! Mentors come vetted elsewhere, with the vetting facts (the interview's date, the
//! background check); they accept the charter at their first sign-in. Each new person
//! gets an invitation to choose a password that says, as the GDPR requires for data not
//! collected from them, who holds their data, why, for how long and how to object.

use crate::email::Mail;
use crate::security::{random_token, token_hash};
use crate::territories::territories;
use crate::{App, AppError, invalid};
use chrono::{NaiveDate, TimeZone, Utc};
use mentorat_domain::association::Detail;
use mentorat_domain::spreadsheet::{self, Row, Sheet, looks_like_formula, normalise_header};
use mentorat_domain::territory::{Commune, fold};
use mentorat_domain::{Email, Locale, PersonName};
use mentorat_store::{Domain, ImportRecord, ImportedMentor, TokenPurpose};
use std::collections::HashMap;
use uuid::Uuid;

/// Lines written per transaction.
pub const BATCH: usize = 500;
/// How long an invitation's link lasts.
pub const INVITATION_VALIDITY: chrono::Duration = chrono::Duration::days(7);
/// The largest file accepted (the upload route's limit is a little above).
pub const MAX_LINES: usize = 60_000;

/// The columns of the mentors' file, in the template's order: (key, required, header
/// variants accepted).
const MENTOR_COLUMNS: &[(&str, bool, &[&str])] = &[
    ("prenom", true, &["prenom", "first_name", "prenoms"]),
    (
        "nom",
        true,
        &["nom", "last_name", "nom_de_famille", "nom_d_usage"],
    ),
    (
        "email",
        true,
        &["email", "e_mail", "courriel", "adresse_e_mail", "mail"],
    ),
    (
        "commune",
        true,
        &["commune", "ville", "code_insee", "code_postal", "localite"],
    ),
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
    let header: Vec<&str> = MENTOR_COLUMNS.iter().map(|(k, _, _)| *k).collect();
    let example = vec![vec![
        "Zoé".to_owned(),
        "Martin".to_owned(),
        "zoe.martin@exemple.fr".to_owned(),
        "60159".to_owned(),
        "creation-entreprise, emploi-reconversion".to_owned(),
        "2".to_owned(),
        "15/09/2026".to_owned(),
        "oui".to_owned(),
        "fr".to_owned(),
        "Ancienne cheffe d'entreprise, j'accompagne les créateurs.".to_owned(),
    ]];
    mentorat_domain::csv::french_csv(&header, &example)
}

/// Why a line is left out: its column and the message (a Fluent key), with the
/// candidates of an ambiguous commune or the earlier line of a duplicate address.
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
    /// Already a mentor: left as it is.
    Unchanged,
    Refused(Refusal),
}

#[derive(Debug, Clone)]
pub struct PreviewLine {
    pub line: usize,
    /// « Zoé Martin <zoe.martin@exemple.fr> », as the file wrote it.
    pub who: String,
    pub verdict: Verdict,
}

/// A file checked: every line's verdict, and the counts.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    pub lines: Vec<PreviewLine>,
    /// Valid lines, ready to write (with their verdict Create or Update).
    mentors: Vec<(usize, ImportedMentor)>,
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

fn refuse(column: &'static str, key: &'static str) -> Verdict {
    Verdict::Refused(Refusal {
        column,
        key,
        detail: String::new(),
    })
}

/// The columns found: key → index.
fn columns(sheet: &Sheet) -> Result<HashMap<&'static str, usize>, AppError> {
    let mut found = HashMap::new();
    for (key, required, variants) in MENTOR_COLUMNS {
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

/// The domain codes a cell names (codes or labels, separated by `,`, `;` or `|`).
fn domains_written(raw: &str, domains: &[Domain]) -> Option<Vec<String>> {
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

fn yes_no(raw: &str) -> Option<bool> {
    match fold(raw).as_str() {
        "" | "non" | "no" | "n" | "0" | "faux" | "false" => Some(false),
        "oui" | "yes" | "o" | "y" | "1" | "vrai" | "true" | "x" => Some(true),
        _ => None,
    }
}

impl App {
    /// Checks a mentors' file and says what an import would do; writes nothing.
    pub async fn preview_mentors(&self, bytes: &[u8]) -> Result<Preview, AppError> {
        let sheet = spreadsheet::read(bytes).ok_or(invalid("file", "error-file-empty"))?;
        if sheet.rows.len() > MAX_LINES {
            return Err(invalid("file", "error-import-too-long"));
        }
        let cols = columns(&sheet)?;
        let domains = self.domains().await?;
        let today = self.now().date_naive();
        let cell = |row: &Row, key: &str| row.get(cols.get(key).copied()).to_owned();
        let mut preview = Preview::default();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut pending: Vec<(usize, PreviewLine, ImportedMentor)> = Vec::new();
        for row in &sheet.rows {
            let who = format!(
                "{} {} <{}>",
                cell(row, "prenom"),
                cell(row, "nom"),
                cell(row, "email")
            );
            let checked = self.check_mentor(row, &cell, &domains, today, &mut seen);
            match checked {
                Ok(m) => {
                    let line = PreviewLine {
                        line: row.line,
                        who,
                        verdict: Verdict::Create,
                    };
                    pending.push((preview.lines.len(), line.clone(), m));
                    preview.lines.push(line);
                }
                Err(verdict) => preview.lines.push(PreviewLine {
                    line: row.line,
                    who,
                    verdict,
                }),
            }
        }
        // Who is already known, in a few queries.
        let folded: Vec<String> = pending.iter().map(|(_, _, m)| m.email.folded()).collect();
        let known: HashMap<String, (Uuid, bool)> = self
            .store
            .known_addresses(&folded)
            .await?
            .into_iter()
            .map(|k| (k.email_folded, (k.id, k.is_mentor)))
            .collect();
        for (at, line, mut m) in pending {
            let verdict = match known.get(&m.email.folded()) {
                Some((_, true)) => Verdict::Unchanged,
                Some((id, false)) => {
                    m.user_id = *id;
                    m.new_account = false;
                    Verdict::Update
                }
                None => Verdict::Create,
            };
            if verdict != Verdict::Unchanged {
                preview.mentors.push((line.line, m));
            }
            preview.lines[at].verdict = verdict;
        }
        Ok(preview)
    }

    fn check_mentor(
        &self,
        row: &Row,
        cell: &impl Fn(&Row, &str) -> String,
        domains: &[Domain],
        today: NaiveDate,
        seen: &mut HashMap<String, usize>,
    ) -> Result<ImportedMentor, Verdict> {
        // A cell a spreadsheet would run: refused, never stored.
        for (key, _, _) in MENTOR_COLUMNS {
            if looks_like_formula(&cell(row, key)) {
                return Err(refuse(key, "error-import-formula"));
            }
        }
        for key in [
            "prenom",
            "nom",
            "email",
            "commune",
            "domaines",
            "date_entretien",
        ] {
            if cell(row, key).is_empty() {
                return Err(refuse(
                    MENTOR_COLUMNS
                        .iter()
                        .find(|c| c.0 == key)
                        .map_or("", |c| c.0),
                    "error-import-missing",
                ));
            }
        }
        let name = PersonName::parse(&cell(row, "prenom"), &cell(row, "nom"))
            .map_err(|e| refuse("prenom", e.key()))?;
        let email = Email::parse(&cell(row, "email")).map_err(|e| refuse("email", e.key()))?;
        if let Some(first) = seen.get(&email.folded()) {
            return Err(Verdict::Refused(Refusal {
                column: "email",
                key: "error-import-duplicate-email",
                detail: first.to_string(),
            }));
        }
        seen.insert(email.folded(), row.line);
        let commune = commune_written(&cell(row, "commune")).map_err(|(key, detail)| {
            Verdict::Refused(Refusal {
                column: "commune",
                key,
                detail,
            })
        })?;
        let fields = domains_written(&cell(row, "domaines"), domains)
            .ok_or_else(|| refuse("domaines", "error-import-domain"))?;
        let capacity = match cell(row, "capacite").as_str() {
            "" => 2,
            raw => raw
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .ok_or_else(|| refuse("capacite", "error-import-capacity"))?,
        };
        let interview = spreadsheet::parse_date(&cell(row, "date_entretien"))
            .filter(|d| *d <= today)
            .ok_or_else(|| refuse("date_entretien", "error-import-date"))?;
        let background = yes_no(&cell(row, "antecedents_verifies"))
            .ok_or_else(|| refuse("antecedents_verifies", "error-import-yes-no"))?;
        let locale = match cell(row, "langue").to_lowercase().as_str() {
            "" | "fr" | "francais" | "français" => Locale::Fr,
            "en" | "anglais" | "english" => Locale::En,
            _ => return Err(refuse("langue", "error-import-language")),
        };
        let bio = cell(row, "presentation");
        if bio.chars().count() > 2_000 {
            return Err(refuse("presentation", "error-too-long"));
        }
        Ok(ImportedMentor {
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
        })
    }

    /// Keeps a checked file for its confirmation; the import's id.
    pub async fn keep_import(
        &self,
        actor: Uuid,
        kind: &str,
        file_name: &str,
        bytes: &[u8],
        total: usize,
    ) -> Result<Uuid, AppError> {
        let id = Uuid::new_v4();
        let mut tx = self.store.begin().await?;
        tx.insert_import(
            id,
            actor,
            kind,
            None,
            file_name,
            bytes,
            total as i64,
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// An import, for the person who made it (or the national team).
    pub async fn import_record(&self, id: Uuid) -> Result<ImportRecord, AppError> {
        self.store.import(id).await?.ok_or(AppError::NotFound)
    }

    pub async fn recent_imports(&self, actor: Uuid) -> Result<Vec<ImportRecord>, AppError> {
        Ok(self.store.imports_of(actor, 10).await?)
    }

    /// The preview of a kept file (read again: nothing of it is kept elsewhere).
    pub async fn import_preview(&self, id: Uuid) -> Result<Preview, AppError> {
        let bytes = self
            .store
            .import_content(id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.preview_mentors(&bytes).await
    }

    /// Confirms a previewed import: false when it was confirmed already.
    pub async fn start_import(&self, id: Uuid) -> Result<bool, AppError> {
        let mut tx = self.store.begin().await?;
        let started = tx.start_import(id).await?;
        tx.commit().await?;
        Ok(started)
    }

    /// Writes a started import, batch by batch, keeping its progress; the file is
    /// emptied at the end.
    pub async fn run_import(&self, id: Uuid) -> Result<(), AppError> {
        let record = self.import_record(id).await?;
        let result = self.write_import(&record).await;
        let mut tx = self.store.begin().await?;
        tx.finish_import(
            id,
            if result.is_ok() { "done" } else { "failed" },
            self.now(),
        )
        .await?;
        tx.commit().await?;
        if let Err(e) = &result {
            tracing::error!(error = %e, "import failed");
        }
        result
    }

    async fn write_import(&self, record: &ImportRecord) -> Result<(), AppError> {
        let preview = self.import_preview(record.id).await?;
        let [_, _, unchanged, refused] = preview.counts();
        let details = self.association_details().await?;
        let controller = details
            .get(Detail::Name)
            .unwrap_or("Cercles des Mentors")
            .to_owned();
        let months = i64::from(details.period(Detail::RetentionInactiveMonths));
        let mut circles: HashMap<String, Option<Uuid>> = HashMap::new();
        let (mut created, mut updated) = (0, 0);
        let mut done = unchanged + refused;
        for batch in preview.mentors.chunks(BATCH) {
            let mut ready = Vec::with_capacity(batch.len());
            for (_, m) in batch {
                let circle = match circles.get(&m.commune_code) {
                    Some(c) => *c,
                    None => {
                        let c = match territories().commune(&m.commune_code) {
                            Some(commune) => self.circle_for_commune(commune).await?.map(|c| c.id),
                            None => None,
                        };
                        circles.insert(m.commune_code.clone(), c);
                        c
                    }
                };
                ready.push(ImportedMentor {
                    circle_id: circle,
                    ..m.clone()
                });
            }
            let now = self.now();
            let mut tx = self.store.begin().await?;
            for m in &ready {
                if !tx.import_mentor(m, record.actor_id, now).await? {
                    continue;
                }
                if !m.new_account {
                    updated += 1;
                    continue;
                }
                created += 1;
                let token = random_token();
                tx.insert_token(
                    &token_hash(&token),
                    m.user_id,
                    TokenPurpose::SetPassword,
                    now + INVITATION_VALIDITY,
                    "",
                )
                .await?;
                let mail = Mail::Imported {
                    name: m.name.first().to_owned(),
                    link: self.link(&format!("/compte/mot-de-passe/{token}")),
                    controller: controller.clone(),
                    months,
                };
                self.queue_mail(&mut tx, m.email.as_str(), m.locale, &mail)
                    .await?;
            }
            done += batch.len() as i64;
            tx.import_progress(record.id, done, [created, updated, unchanged, refused])
                .await?;
            tx.commit().await?;
            self.mail_queued();
        }
        // The final counts, also when no line was left to write.
        let mut tx = self.store.begin().await?;
        tx.import_progress(record.id, done, [created, updated, unchanged, refused])
            .await?;
        tx.commit().await?;
        self.store
            .audit(
                Some(record.actor_id),
                "import_done",
                None,
                &format!(
                    "kind={} created={created} updated={updated} unchanged={unchanged} refused={refused}",
                    record.kind
                ),
            )
            .await?;
        Ok(())
    }

    /// Whether `user` must accept the charter before going on (an imported mentor).
    pub async fn charter_pending(&self, user: Uuid) -> Result<bool, AppError> {
        Ok(self.store.charter_pending(user).await?)
    }

    pub async fn accept_charter(&self, user: Uuid, ticked: bool) -> Result<(), AppError> {
        if !ticked {
            return Err(invalid("charter", "error-charter"));
        }
        let mut tx = self.store.begin().await?;
        tx.accept_charter(
            user,
            mentorat_domain::mentoring::CHARTER_VERSION,
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
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
    fn the_template_has_every_column() {
        let sheet = spreadsheet::read(&mentors_template()).unwrap();
        assert!(columns(&sheet).is_ok());
        assert_eq!(sheet.rows.len(), 1);
    }
}
