//! The priority neighbourhoods (*quartiers prioritaires de la politique de la ville*):
//! the ANCT's list loaded from its CSV (`mentorat territories import-qpv`, or the
//! national team's admin page), and each porteur's or mentor's answer about theirs.

use crate::territories::territories;
use crate::{App, AppError, invalid};
use mentorat_domain::spreadsheet::{self, Sheet};
use mentorat_domain::status::{QpvAnswer, is_qpv_code};
use mentorat_store::{Qpv, QpvChoice, QpvRow};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Header names accepted for each column (normalised: lower case, no accents, `_`).
const CODE_COLUMNS: &[&str] = &["code_qp", "code_qpv", "code_quartier", "qp", "qpv", "code"];
const NAME_COLUMNS: &[&str] = &[
    "nom_qp",
    "nom_qpv",
    "lib_qp",
    "libelle_qp",
    "libelle_qpv",
    "nom_du_qp",
    "nom_quartier",
    "nom",
];
const COMMUNE_COLUMNS: &[&str] = &[
    "insee_com",
    "code_insee",
    "codes_insee",
    "insee_commune",
    "code_commune",
    "codes_communes",
    "liste_code_commune",
    "commune_code",
    "insee",
    "com",
];

/// A line of the file left out, and why (a Fluent key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QpvRefusal {
    pub line: usize,
    pub column: &'static str,
    pub key: &'static str,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QpvImport {
    pub created: u64,
    pub updated: u64,
    /// Commune links written.
    pub communes: usize,
    pub refused: Vec<QpvRefusal>,
}

/// Reads the ANCT's file: one line per QPV (its communes in one cell, separated by
/// `,`, `;`, `|` or spaces) or one line per QPV and commune; both are grouped.
pub fn read_qpv_file(bytes: &[u8]) -> Result<(Vec<QpvRow>, Vec<QpvRefusal>), AppError> {
    let sheet: Sheet = spreadsheet::read(bytes).ok_or(invalid("file", "error-file-empty"))?;
    let (Some(code_col), Some(name_col), Some(commune_col)) = (
        sheet.column(CODE_COLUMNS),
        sheet.column(NAME_COLUMNS),
        sheet.column(COMMUNE_COLUMNS),
    ) else {
        return Err(invalid("file", "error-qpv-columns"));
    };
    let t = territories();
    let mut grouped: BTreeMap<String, QpvRow> = BTreeMap::new();
    let mut refused = Vec::new();
    for row in &sheet.rows {
        let code = row.get(Some(code_col)).to_uppercase();
        let name = row.get(Some(name_col));
        let refuse = |column, key| QpvRefusal {
            line: row.line,
            column,
            key,
        };
        if !is_qpv_code(&code) {
            refused.push(refuse("code_qp", "error-qpv-code"));
            continue;
        }
        if name.is_empty() || spreadsheet::looks_like_formula(name) {
            refused.push(refuse("nom_qp", "error-import-missing"));
            continue;
        }
        let codes: Vec<&str> = row
            .get(Some(commune_col))
            .split([',', ';', '|', ' '])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if codes.is_empty() {
            refused.push(refuse("insee_com", "error-import-missing"));
            continue;
        }
        // An arrondissement's code (Paris, Lyon, Marseille) stands for its commune.
        let Some(communes) = codes
            .iter()
            .map(|c| t.resolve(c).map(|c| c.key()))
            .collect::<Option<Vec<String>>>()
        else {
            refused.push(refuse("insee_com", "error-import-commune-unknown"));
            continue;
        };
        let entry = grouped.entry(code.clone()).or_insert_with(|| QpvRow {
            code,
            name: name.to_owned(),
            communes: Vec::new(),
        });
        for c in communes {
            if !entry.communes.contains(&c) {
                entry.communes.push(c);
            }
        }
    }
    Ok((grouped.into_values().collect(), refused))
}

impl App {
    /// Loads the QPV of a file (new ones added, known ones renamed and their communes
    /// replaced), 200 per transaction. `by` is the national-team member, `None` from
    /// the command line.
    pub async fn import_qpv(&self, bytes: &[u8], by: Option<Uuid>) -> Result<QpvImport, AppError> {
        let (rows, refused) = read_qpv_file(bytes)?;
        let mut created = 0;
        for chunk in rows.chunks(200) {
            let mut tx = self.store.begin().await?;
            created += tx.upsert_qpv(chunk, self.now()).await?;
            tx.commit().await?;
        }
        let report = QpvImport {
            created,
            updated: rows.len() as u64 - created,
            communes: rows.iter().map(|r| r.communes.len()).sum(),
            refused,
        };
        self.store
            .audit(
                by,
                "qpv_imported",
                None,
                &format!(
                    "created={} updated={} refused={}",
                    report.created,
                    report.updated,
                    report.refused.len()
                ),
            )
            .await?;
        Ok(report)
    }

    pub async fn qpv_count(&self) -> Result<i64, AppError> {
        Ok(self.store.qpv_count().await?)
    }

    /// The person's commune (mentor profile, else latest project) and its QPV, with
    /// what they answered; `None` when the platform knows no commune of theirs yet.
    pub async fn qpv_question(
        &self,
        user_id: Uuid,
    ) -> Result<Option<(String, Vec<Qpv>, QpvChoice)>, AppError> {
        let Some(commune) = self.store.home_commune(user_id).await? else {
            return Ok(None);
        };
        let name = territories()
            .commune(&commune)
            .map(|c| c.name.clone())
            .unwrap_or(commune.clone());
        let qpv = self.store.qpv_of_commune(&commune).await?;
        let choice = self.store.qpv_choice(user_id).await?;
        Ok(Some((name, qpv, choice)))
    }

    /// Saves the answer: `no`, `unknown`, or the code of one of their commune's QPV.
    pub async fn answer_qpv(&self, user_id: Uuid, raw: &str) -> Result<(), AppError> {
        let raw = raw.trim();
        let choice = match QpvAnswer::parse(raw) {
            Ok(QpvAnswer::No) | Ok(QpvAnswer::Unknown) => QpvChoice {
                qpv_answer: Some(raw.to_owned()),
                qpv_code: None,
            },
            _ => {
                let commune = self
                    .store
                    .home_commune(user_id)
                    .await?
                    .ok_or(invalid("qpv", "error-qpv-choice"))?;
                let offered = self.store.qpv_of_commune(&commune).await?;
                if !offered.iter().any(|q| q.code == raw) {
                    return Err(invalid("qpv", "error-qpv-choice"));
                }
                QpvChoice {
                    qpv_answer: Some(QpvAnswer::Yes.as_str().to_owned()),
                    qpv_code: Some(raw.to_owned()),
                }
            }
        };
        let mut tx = self.store.begin().await?;
        tx.set_qpv_choice(user_id, &choice).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_qpv_or_per_commune_and_header_variants() {
        let file = "Code QP;Libellé QP;Codes INSEE\nQN07501M;Belleville;75120\nQN07501M;Belleville;75119\nQN09300X;Cité;93001,93008\nQN07502M;Paris;75111 75120\nXX1;Bad;75120\nQN06000A;Sans commune;\nQN06000B;Ailleurs;99999\n";
        let (rows, refused) = read_qpv_file(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].code, "QN07501M");
        assert_eq!(
            rows[0].communes,
            ["75056"],
            "arrondissements stand for Paris"
        );
        assert_eq!(rows[1].communes, ["75056"]);
        assert_eq!(rows[2].communes, ["93001", "93008"]);
        let lines: Vec<(usize, &str)> = refused.iter().map(|r| (r.line, r.key)).collect();
        assert_eq!(
            lines,
            [
                (6, "error-qpv-code"),
                (7, "error-import-missing"),
                (8, "error-import-commune-unknown")
            ]
        );
    }

    #[test]
    fn a_file_without_the_columns_is_refused_whole() {
        assert!(matches!(
            read_qpv_file(b"a;b\n1;2\n"),
            Err(AppError::Invalid {
                key: "error-qpv-columns",
                ..
            })
        ));
    }
}
