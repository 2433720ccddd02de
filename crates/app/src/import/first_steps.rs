//! What an imported person does first at sign-in: a mentor accepts the charter, a
//! porteur under 15 gives their own consent (a file cannot give it).

use crate::{App, AppError, invalid};
use mentorat_domain::Locale;
use uuid::Uuid;

impl App {
    /// Where an imported person goes first after signing in, if anywhere: the
    /// charter (a mentor), their own consent (a porteur under 15).
    pub async fn first_step(&self, user: Uuid) -> Result<Option<&'static str>, AppError> {
        Ok(match self.store.first_steps(user).await? {
            (true, _) => Some("/mon-espace/charte"),
            (_, true) => Some("/mon-espace/accord"),
            _ => None,
        })
    }

    /// A porteur under 15 imported from a file gives their own consent, having read
    /// the notice in `locale` (kept as shown), for each project that waits for it.
    pub async fn give_minor_consent(
        &self,
        user: Uuid,
        ticked: bool,
        locale: Locale,
    ) -> Result<(), AppError> {
        if !ticked {
            return Err(invalid("minor_consent", "error-minor-consent"));
        }
        let waiting: Vec<Uuid> = self
            .projects_of(user)
            .await?
            .into_iter()
            .filter(|p| {
                p.parent_name.is_some()
                    && p.minor_consent_at.is_none()
                    && p.minor_consent_withdrawn_at.is_none()
            })
            .map(|p| p.id)
            .collect();
        let now = self.now();
        let version = mentorat_domain::mentoring::CONSENT_NOTICE_VERSION;
        let mut tx = self.store.begin().await?;
        for project in &waiting {
            tx.set_minor_consent(*project, true, version, now).await?;
        }
        if !waiting.is_empty() {
            let notice = self.tr(locale).t("minor-notice");
            tx.keep_notice("minor", version, locale.code(), &notice, now)
                .await?;
            tx.audit(Some(user), "minor_consent", Some(user), version)
                .await?;
        }
        tx.commit().await?;
        Ok(())
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
