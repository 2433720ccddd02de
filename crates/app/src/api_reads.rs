//! The reads the JSON API pages through by key (the pages show the same records
//! through their own use cases).

use crate::{App, AppError};
use chrono::{DateTime, Utc};
use mentorat_domain::Event;
use mentorat_store::{ProjectRecord, PublicMentor, Registration};
use std::collections::HashMap;
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

    /// A circle's approved mentors as porteurs see them, `limit` after `after`, with
    /// each one's fields (codes, most years first): two queries.
    pub async fn circle_mentors_after(
        &self,
        circle_id: Uuid,
        after: Option<Uuid>,
        limit: u64,
    ) -> Result<(Vec<PublicMentor>, HashMap<Uuid, Vec<String>>), AppError> {
        let mentors = self
            .store
            .circle_mentors_after(circle_id, after, limit)
            .await?;
        let ids: Vec<Uuid> = mentors.iter().map(|m| m.user_id).collect();
        let fields = self
            .store
            .mentor_domains_of(&ids)
            .await?
            .into_iter()
            .map(|(id, d)| (id, d.into_iter().map(|(code, _)| code).collect()))
            .collect();
        Ok((mentors, fields))
    }
}
