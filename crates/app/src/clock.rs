//! The platform's one clock. Every use case and sweep reads the time from it, so that a
//! test can let « 30 days » pass; nothing outside the process can move it (there is no
//! setting, route or signal for it), and `mentorat sweep --at DATE` asks the sweeps for
//! a given day without touching a running server.

use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// The system's time, plus an offset that only tests move. Clones share the offset.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        mentorat_store::now() + Duration::milliseconds(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Lets `by` pass for everything that reads this clock (tests).
    pub fn advance(&self, by: Duration) {
        self.offset_ms
            .fetch_add(by.num_milliseconds(), Ordering::Relaxed);
    }
}

/// An instant typed on a command line: RFC 3339 (`2027-01-15T09:00:00+01:00`) or a day
/// (`2027-01-15`, taken at 09:00 in Paris, when the sweeps of a morning would run).
pub fn parse_instant(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Some(at.with_timezone(&Utc));
    }
    let day = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()?;
    use chrono::TimeZone as _;
    chrono_tz::Europe::Paris
        .from_local_datetime(&day.and_hms_opt(9, 0, 0)?)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_date_is_a_day_or_an_instant() {
        assert_eq!(
            parse_instant("2027-01-15").unwrap().to_rfc3339(),
            "2027-01-15T08:00:00+00:00"
        );
        assert_eq!(
            parse_instant("2027-07-15T09:00:00+02:00")
                .unwrap()
                .to_rfc3339(),
            "2027-07-15T07:00:00+00:00"
        );
        assert!(parse_instant("15/01/2027").is_none());
    }

    #[test]
    fn a_moved_clock_moves_for_every_clone() {
        let clock = Clock::default();
        let shared = clock.clone();
        let before = shared.now();
        clock.advance(Duration::days(30));
        let gap = shared.now() - before;
        assert!(gap >= Duration::days(30) && gap < Duration::days(30) + Duration::minutes(1));
    }
}
