//! The reads the JSON API pages through by key (the pages show the same records
//! through their own use cases).

use crate::{App, AppError};
use chrono::{DateTime, Utc};
use mentorat_domain::Event;
use mentorat_store::{ProjectRecord, Registration};
use uuid::Uuid;

impl App {
    /// Upcoming scheduled events, soonest first, `limit` after the event `after`.
    pub async fn events_after(
        &self,
        circle_id: Option<Uuid>,
        after: Option<(DateTime<Utc>, Uuid)>,
        limit: u64,
    ) -> Result<Vec<Event>, AppError> {
        Ok(self
            .store
            .upcoming_events_after(self.now(), circle_id, after, limit)
            .await?)
    }

    pub async fn registrations_after(
        &self,
        event_id: Uuid,
        after: Option<Uuid>,
        limit: u64,
    ) -> Result<Vec<Registration>, AppError> {
        Ok(self
            .store
            .registrations_after(event_id, after, limit)
            .await?)
    }

    pub async fn circle_projects_after(
        &self,
        circle_id: Uuid,
        after: Option<Uuid>,
        limit: u64,
    ) -> Result<Vec<ProjectRecord>, AppError> {
        Ok(self
            .store
            .circle_projects_after(circle_id, after, limit)
            .await?)
    }
}
