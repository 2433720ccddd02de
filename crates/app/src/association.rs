//! The association's own details: the configured defaults, overridden by what the
//! national team saved (in the database, so that every instance agrees).

use crate::{App, AppError, invalid};
use mentorat_domain::association::{Detail, Details, Kind};
use uuid::Uuid;

impl App {
    /// The details as pages show them.
    pub async fn association_details(&self) -> Result<Details, AppError> {
        let stored = self.store.association_details().await?;
        Ok(self.settings.association.clone().overridden_by(&stored))
    }

    /// Saves the details typed by the national team (`raw` gives each detail's text;
    /// a detail missing from it is saved empty). Nothing is saved when one is refused.
    pub async fn save_association_details(
        &self,
        actor: Uuid,
        raw: impl Fn(Detail) -> String,
    ) -> Result<(), AppError> {
        let mut details = Details::default();
        for detail in Detail::ALL {
            let value = detail.parse(&raw(detail)).map_err(|e| {
                let key = match detail.kind() {
                    Kind::Url => "error-association-url",
                    _ => e.key(),
                };
                invalid(detail.key(), key)
            })?;
            details.set(detail, value);
        }
        let mut tx = self.store.begin().await?;
        tx.set_association_details(&details, actor).await?;
        tx.audit(Some(actor), "association_edited", None, "")
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
