//! « Télécharger mes données »: every record about a person, as JSON (for a machine)
//! and as an HTML page (for them), in one ZIP. Nothing about anyone else beyond what the
//! person already sees: the other one of a request or relationship by first name and
//! initial, the other one's meeting notes left out.

use crate::deferred::Deferred;
use crate::i18n::Tr;
use crate::{App, AppError};
use askama::Template;
use mentorat_store::Account;
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// One record as the page lists it: its fields and their values.
type Fields = Vec<(String, String)>;

#[derive(Template)]
#[template(path = "export.html")]
struct ExportPage<'a> {
    lang: &'a str,
    title: String,
    lead: String,
    empty: String,
    sections: Vec<(String, Vec<Fields>)>,
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl App {
    /// The person's data export: a ZIP of `mes-donnees.json` and `mes-donnees.html`.
    /// Recorded in the audit log (after the response: it is a download).
    pub async fn export_archive(&self, account: &Account) -> Result<Vec<u8>, AppError> {
        let user = account.id;
        let mut sections = self.store.export_of(user, &account.email.folded()).await?;
        let names = self.store.counterparts(user).await?;
        let other = |row: &Map<String, Value>| -> Option<Uuid> {
            let id = |k: &str| {
                row.get(k)
                    .and_then(Value::as_str)
                    .and_then(|s| Uuid::parse_str(s).ok())
            };
            match (id("mentor_id"), id("mentee_id")) {
                (Some(m), Some(p)) if m == user => Some(p),
                (Some(m), Some(_)) => Some(m),
                _ => None,
            }
        };
        for (name, rows) in &mut sections {
            for row in rows.iter_mut() {
                match *name {
                    "requests" | "mentorships" => {
                        if let Some(who) = other(row).and_then(|o| names.get(&o)) {
                            row.insert("other_party".into(), Value::String(who.short()));
                        }
                    }
                    "meetings" => {
                        let mine = row.get("logged_by").and_then(Value::as_str)
                            == Some(user.to_string().as_str());
                        if !mine {
                            row.remove("private_notes");
                        }
                    }
                    "messages" => {
                        let author = row
                            .get("author_id")
                            .and_then(Value::as_str)
                            .and_then(|s| Uuid::parse_str(s).ok());
                        let from = match author {
                            Some(a) if a == user => account.name.short(),
                            Some(a) => names.get(&a).map(|n| n.short()).unwrap_or_default(),
                            None => String::new(),
                        };
                        row.insert("from".into(), Value::String(from));
                    }
                    _ => {}
                }
            }
        }
        let now = self.now();
        let document = json!({
            "format": "mentorat-export",
            "version": 1,
            "generated_at": now.to_rfc3339(),
            "sections": sections.iter().map(|(n, rows)| (n.to_string(), Value::Array(rows.iter().cloned().map(Value::Object).collect()))).collect::<Map<String, Value>>(),
        });
        let json = serde_json::to_vec_pretty(&document)
            .map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))?;
        let tr: Tr<'_> = self.tr(account.locale);
        let page = ExportPage {
            lang: account.locale.code(),
            title: tr.t("export-title"),
            lead: tr.ts("export-lead", "date", &tr.date_time(&now)),
            empty: tr.t("export-empty"),
            sections: sections
                .iter()
                .map(|(n, rows)| {
                    (
                        tr.t(&format!("export-section-{}", n.replace('_', "-"))),
                        rows.iter()
                            .map(|r| r.iter().map(|(k, v)| (k.clone(), text(v))).collect())
                            .collect(),
                    )
                })
                .collect(),
        }
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))?;
        self.deferred
            .push(Deferred::Audit {
                at: now,
                actor: Some(user),
                action: "data_exported",
                subject: Some(user),
                detail: String::new(),
            })
            .await;
        Ok(super::zip::archive(&[
            ("mes-donnees.json", &json),
            ("mes-donnees.html", page.as_bytes()),
        ]))
    }
}
