//! An import's life after its preview: kept until confirmed, then written in the
//! background batch by batch with its progress, and said failed when its process
//! stopped (a restart).

use super::{BATCH, INVITATION_VALIDITY, Item, Kind, Preview, STALLED, Writing, Written};
use crate::email::Mail;
use crate::security::{random_token, token_hash};
use crate::{App, AppError};
use mentorat_domain::association::Detail;
use mentorat_domain::{Email, Locale};
use mentorat_store::{ImportRecord, ImportedMentor, TokenPurpose, Tx};
use std::collections::HashMap;
use uuid::Uuid;

impl App {
    /// Keeps a checked file for its confirmation; the import's id.
    pub async fn keep_import(
        &self,
        actor: Uuid,
        kind: Kind,
        event: Option<Uuid>,
        bytes: &[u8],
        total: usize,
    ) -> Result<Uuid, AppError> {
        let id = Uuid::new_v4();
        let mut tx = self.store.begin().await?;
        tx.insert_import(
            id,
            actor,
            kind.code(),
            event,
            "",
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
    pub async fn import_preview(&self, record: &ImportRecord) -> Result<Preview, AppError> {
        let bytes = self
            .store
            .import_content(record.id)
            .await?
            .ok_or(AppError::NotFound)?;
        let kind = Kind::parse(&record.kind).ok_or(AppError::NotFound)?;
        self.preview_import(record.actor_id, kind, record.event_id, &bytes)
            .await
    }

    /// Confirms a previewed import: false when it was confirmed already.
    pub async fn start_import(&self, id: Uuid) -> Result<bool, AppError> {
        let mut tx = self.store.begin().await?;
        let started = tx.start_import(id, self.now()).await?;
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
        let preview = self.import_preview(record).await?;
        let [_, _, mut unchanged, refused] = preview.counts();
        let details = self.association_details().await?;
        let kind = Kind::parse(&record.kind).ok_or(AppError::NotFound)?;
        let mut writing = Writing {
            actor: record.actor_id,
            controller: details
                .get(Detail::Name)
                .unwrap_or("Cercles des Mentors")
                .to_owned(),
            months: i64::from(details.period(if kind == Kind::Registrations {
                Detail::RetentionRegistrationsMonths
            } else {
                Detail::RetentionInactiveMonths
            })),
            event: match record.event_id {
                Some(id) => self.store.event(id).await?,
                None => None,
            },
            circles: HashMap::new(),
        };
        let (mut created, mut updated) = (0, 0);
        let mut done = unchanged + refused;
        for batch in preview.items.chunks(BATCH) {
            let mut ready = Vec::with_capacity(batch.len());
            for item in batch {
                ready.push(self.place(item.clone(), &mut writing).await?);
            }
            let mut tx = self.store.begin().await?;
            for item in &ready {
                match self.write_item(&mut tx, item, &writing).await? {
                    Written::Created => created += 1,
                    Written::Updated => updated += 1,
                    Written::Unchanged => unchanged += 1,
                }
            }
            done += batch.len() as i64;
            let counts = [created, updated, unchanged, refused];
            tx.import_progress(record.id, done, counts, self.now())
                .await?;
            tx.commit().await?;
            self.mail_queued();
        }
        // The final counts, also when no line was left to write.
        let mut tx = self.store.begin().await?;
        let counts = [created, updated, unchanged, refused];
        tx.import_progress(record.id, done, counts, self.now())
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

    /// The circle of a mentor or an association: the one the file named, else the
    /// one covering its commune (looked up once per commune).
    async fn place(&self, item: Item, writing: &mut Writing) -> Result<Item, AppError> {
        let commune = match &item {
            Item::Mentor(m) if m.circle_id.is_none() => m.commune_code.clone(),
            Item::Porteur(p) if p.project.circle_id.is_none() => p.project.commune_code.clone(),
            Item::Association {
                partner,
                circle: None,
            } => partner.commune_code.clone(),
            _ => return Ok(item),
        };
        let circle = self
            .circle_of_commune(&mut writing.circles, commune)
            .await?;
        Ok(match item {
            Item::Mentor(m) => Item::Mentor(ImportedMentor {
                circle_id: circle,
                ..m
            }),
            Item::Porteur(mut p) => {
                p.project.circle_id = circle;
                Item::Porteur(p)
            }
            Item::Association { partner, .. } => Item::Association { partner, circle },
            other => other,
        })
    }

    async fn write_item(
        &self,
        tx: &mut Tx,
        item: &Item,
        writing: &Writing,
    ) -> Result<Written, AppError> {
        match item {
            Item::Mentor(m) => self.write_mentor(tx, m, writing).await,
            Item::Porteur(p) => self.write_porteur(tx, p, writing).await,
            Item::Association { partner, circle } => {
                if !tx.insert_partner_if_absent(partner).await? {
                    return Ok(Written::Unchanged);
                }
                if let Some(circle) = circle {
                    tx.link_circle_partner(*circle, partner.id).await?;
                }
                Ok(Written::Created)
            }
            Item::Registration(r) => self.write_registration(tx, r, writing).await,
        }
    }

    /// Says failed the imports whose process stopped (a restart) — no batch for
    /// `STALLED` —, so that their page offers to try again; how many. Run with the
    /// periodic sweeps.
    pub async fn fail_stalled_imports(&self) -> Result<u64, AppError> {
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let failed = tx.fail_stalled_imports(now - STALLED, now).await?;
        tx.commit().await?;
        if failed > 0 {
            tracing::warn!(failed, "imports stopped by a restart, said failed");
        }
        Ok(failed)
    }

    /// A new account made from a file: a link to choose its password (valid
    /// `INVITATION_VALIDITY`) in a message that says what the GDPR requires for data not
    /// collected from the person.
    pub(super) async fn invite_imported(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        first_name: &str,
        email: &Email,
        locale: Locale,
        writing: &Writing,
    ) -> Result<(), AppError> {
        let token = random_token();
        tx.insert_token(
            &token_hash(&token),
            user_id,
            TokenPurpose::SetPassword,
            self.now() + INVITATION_VALIDITY,
            "",
        )
        .await?;
        let mail = Mail::Imported {
            name: first_name.to_owned(),
            link: self.link(&format!("/compte/mot-de-passe/{token}")),
            controller: writing.controller.clone(),
            months: writing.months,
        };
        self.queue_mail(tx, email.as_str(), locale, &mail).await
    }
}
