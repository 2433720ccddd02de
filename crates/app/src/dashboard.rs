//! The national dashboard: mentors and circles against the targets, circles by status,
//! towns covered, growth per month, and the funnel from conference to mentor.

use crate::public::{TARGET_CIRCLES, TARGET_MENTORS};
use crate::{App, AppError};
use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use mentorat_domain::CircleStatus;
pub use mentorat_store::Funnel;
use std::collections::BTreeSet;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Month {
    pub first_day: NaiveDate,
    pub new_mentors: i64,
    /// Approved mentors at the end of the month.
    pub total: i64,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub year: i64,
    pub approved_mentors: i64,
    pub target_mentors: i64,
    pub active_circles: i64,
    pub target_circles: i64,
    pub by_status: Vec<(CircleStatus, i64)>,
    pub cities: i64,
    pub months: Vec<Month>,
    pub funnels: Vec<Funnel>,
}

fn month_start(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).expect("first of a month")
}

/// A computed dashboard, good while the data's generations and the day are the same.
pub(crate) type Kept = ((i64, i64), NaiveDate, Arc<Dashboard>);

impl App {
    /// The national dashboard. Its figures read every circle, approval and funnel, so it
    /// is computed once per change of the data (the database's generations, the same for
    /// every instance) and per day, not per request.
    pub async fn dashboard(&self) -> Result<Arc<Dashboard>, AppError> {
        let generation = self.store.public_generation().await?;
        let today = self.now().date_naive();
        let mut kept = self.dashboard.lock().await;
        if let Some((g, day, d)) = kept.as_ref()
            && *g == generation
            && *day == today
        {
            return Ok(d.clone());
        }
        let fresh = Arc::new(self.compute_dashboard().await?);
        *kept = Some((generation, today, fresh.clone()));
        Ok(fresh)
    }

    async fn compute_dashboard(&self) -> Result<Dashboard, AppError> {
        let now = self.now();
        let year = i64::from(now.year());
        let (target_mentors, target_circles) = self
            .store
            .targets(year)
            .await?
            .unwrap_or((TARGET_MENTORS, TARGET_CIRCLES));
        let circles = self.store.list_circles().await?;
        let by_status = CircleStatus::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    circles.iter().filter(|c| c.circle.status == *s).count() as i64,
                )
            })
            .collect();
        let cities = circles
            .iter()
            .filter(|c| c.circle.status != CircleStatus::Planned)
            .map(|c| c.circle.commune_code.clone())
            .collect::<BTreeSet<_>>()
            .len() as i64;
        // Twelve months, the current one last.
        let mut firsts = Vec::new();
        let (mut y, mut m) = (now.year(), now.month());
        for _ in 0..12 {
            firsts.push(month_start(y, m));
            if m == 1 {
                y -= 1;
                m = 12;
            } else {
                m -= 1;
            }
        }
        firsts.reverse();
        let since = Utc.from_utc_datetime(&firsts[0].and_hms_opt(0, 0, 0).expect("midnight"));
        let approvals = self.store.approvals_since(since).await?;
        let mut total = self.store.approved_before(since).await?;
        let months = firsts
            .iter()
            .map(|first| {
                let new_mentors = approvals
                    .iter()
                    .filter(|a| a.year() == first.year() && a.month() == first.month())
                    .count() as i64;
                total += new_mentors;
                Month {
                    first_day: *first,
                    new_mentors,
                    total,
                }
            })
            .collect();
        Ok(Dashboard {
            year,
            approved_mentors: self.store.count_approved_mentors().await?,
            target_mentors,
            active_circles: circles
                .iter()
                .filter(|c| c.circle.status == CircleStatus::Active)
                .count() as i64,
            target_circles,
            by_status,
            cities,
            months,
            funnels: self.store.funnels().await?,
        })
    }

    pub async fn set_targets(
        &self,
        year: &str,
        mentors: &str,
        circles: &str,
    ) -> Result<(), AppError> {
        let parse = |raw: &str, max: i64| {
            raw.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=max).contains(n))
        };
        let (Some(year), Some(mentors), Some(circles)) = (
            parse(year, 2100),
            parse(mentors, 1_000_000),
            parse(circles, 100_000),
        ) else {
            return Err(AppError::Invalid {
                field: "mentors",
                key: "error-targets",
            });
        };
        if year < 2016 {
            return Err(AppError::Invalid {
                field: "year",
                key: "error-targets",
            });
        }
        let mut tx = self.store.begin().await?;
        tx.set_targets(year, mentors, circles).await?;
        tx.commit().await?;
        Ok(())
    }
}
