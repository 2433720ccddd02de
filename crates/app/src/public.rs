//! What anyone may see without an account: the circles, their figures and the next
//! events. Numbers only; no person is ever named here.

use crate::{App, AppError};
use mentorat_domain::{CircleEdition, CircleStatus, Event, Slug};
pub use mentorat_store::CircleSummary;
use std::collections::HashMap;
use uuid::Uuid;

/// The circles with their figures, and the generations they were read at.
pub(crate) type KeptCircles = ((i64, i64), Vec<CircleSummary>);

/// The network's targets (editable by the national team with the dashboard issue).
pub const TARGET_MENTORS: i64 = 10_000;
pub const TARGET_CIRCLES: i64 = 300;

/// An upcoming event with the name of its circle, ready to list.
#[derive(Debug, Clone)]
pub struct UpcomingEvent {
    pub event: Event,
    pub circle_name: Option<String>,
    pub circle_slug: Option<Slug>,
}

/// The home page's content.
#[derive(Debug, Clone)]
pub struct Overview {
    pub circles: Vec<CircleSummary>,
    pub upcoming: Vec<UpcomingEvent>,
    pub approved_mentors: i64,
    pub active_circles: i64,
}

/// A public circle page's content.
#[derive(Debug, Clone)]
pub struct CirclePage {
    pub summary: CircleSummary,
    pub editions: Vec<CircleEdition>,
    pub upcoming: Vec<Event>,
}

impl App {
    pub async fn overview(&self) -> Result<Overview, AppError> {
        let circles = self.store.list_circles().await?;
        let events = self.store.upcoming_events(self.now(), None, 6).await?;
        let by_id: HashMap<Uuid, &CircleSummary> =
            circles.iter().map(|c| (c.circle.id, c)).collect();
        let upcoming = events
            .into_iter()
            .map(|event| {
                let circle = event.circle_id.and_then(|id| by_id.get(&id));
                UpcomingEvent {
                    circle_name: circle.map(|c| c.circle.name.clone()),
                    circle_slug: circle.map(|c| c.circle.slug.clone()),
                    event,
                }
            })
            .collect();
        Ok(Overview {
            approved_mentors: self.store.count_approved_mentors().await?,
            active_circles: circles
                .iter()
                .filter(|c| c.circle.status == CircleStatus::Active)
                .count() as i64,
            circles,
            upcoming,
        })
    }

    /// Where the public data and the mentors stand: the public pages kept rendered are
    /// good while this is unchanged (the same for every instance on the database).
    pub async fn public_generation(&self) -> Result<(i64, i64), AppError> {
        Ok(self.store.public_generation().await?)
    }

    /// The names of these circles, by name: (id, name).
    pub async fn circle_names(&self, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>, AppError> {
        Ok(self.store.circle_names(ids).await?)
    }

    /// Every circle with its figures. They change with the public data and the mentors
    /// only: read again once either moves (one small query to know), not per request.
    pub async fn circles(&self) -> Result<Vec<CircleSummary>, AppError> {
        let generation = self.store.public_generation().await?;
        {
            let kept = self.circles_kept.lock().expect("the circles' lock");
            if let Some((g, circles)) = kept.as_ref()
                && *g == generation
            {
                return Ok(circles.clone());
            }
        }
        let fresh = self.store.list_circles().await?;
        *self.circles_kept.lock().expect("the circles' lock") = Some((generation, fresh.clone()));
        Ok(fresh)
    }

    pub async fn circle_page(&self, slug: &str) -> Result<CirclePage, AppError> {
        let slug = Slug::parse(slug).map_err(|_| AppError::NotFound)?;
        let summary = self
            .store
            .circle_by_slug(&slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let editions = self.store.editions_of(summary.circle.id).await?;
        let upcoming = self
            .store
            .upcoming_events(self.now(), Some(summary.circle.id), 10)
            .await?;
        Ok(CirclePage {
            summary,
            editions,
            upcoming,
        })
    }
}

impl App {
    /// The next events of one circle, or of the whole network.
    pub async fn upcoming_events(
        &self,
        circle_id: Option<Uuid>,
        limit: u64,
    ) -> Result<Vec<Event>, AppError> {
        Ok(self
            .store
            .upcoming_events(self.now(), circle_id, limit)
            .await?)
    }
}
