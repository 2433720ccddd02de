//! Events: the founding conference « À la recherche du mentorat perdu », circle
//! editions and other gatherings, each in the time zone of the town it happens in.

use crate::ParseError;
use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Conference,
    Edition,
    Other,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Conference => "conference",
            EventKind::Edition => "edition",
            EventKind::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Result<EventKind, ParseError> {
        match raw {
            "conference" => Ok(EventKind::Conference),
            "edition" => Ok(EventKind::Edition),
            "other" => Ok(EventKind::Other),
            _ => Err(ParseError::UnknownChoice),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventStatus {
    Scheduled,
    Cancelled,
}

impl EventStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "scheduled",
            EventStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Result<EventStatus, ParseError> {
        match raw {
            "scheduled" => Ok(EventStatus::Scheduled),
            "cancelled" => Ok(EventStatus::Cancelled),
            _ => Err(ParseError::UnknownChoice),
        }
    }
}

/// The two time zones of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeZone {
    Paris,
    Brussels,
}

impl TimeZone {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeZone::Paris => "Europe/Paris",
            TimeZone::Brussels => "Europe/Brussels",
        }
    }

    pub fn parse(raw: &str) -> Result<TimeZone, ParseError> {
        match raw {
            "Europe/Paris" => Ok(TimeZone::Paris),
            "Europe/Brussels" => Ok(TimeZone::Brussels),
            _ => Err(ParseError::UnknownChoice),
        }
    }

    pub fn tz(self) -> chrono_tz::Tz {
        match self {
            TimeZone::Paris => chrono_tz::Europe::Paris,
            TimeZone::Brussels => chrono_tz::Europe::Brussels,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: Uuid,
    pub circle_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub kind: EventKind,
    pub status: EventStatus,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub time_zone: TimeZone,
    pub duration_minutes: i64,
    pub venue: String,
    pub address: String,
    pub commune_code: String,
    pub capacity: i64,
}

impl Event {
    /// The title every founding conference carries unless the organisers change it.
    pub const CONFERENCE_TITLE: &'static str = "À la recherche du mentorat perdu";
    /// Two hours, questions included.
    pub const CONFERENCE_MINUTES: i64 = 120;

    /// The start as the people in the room read it on their clocks.
    pub fn local_start(&self) -> DateTime<chrono_tz::Tz> {
        self.starts_at.with_timezone(&self.time_zone.tz())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone as _, Timelike};

    #[test]
    fn local_start_follows_summer_and_winter_time() {
        let mut event = Event {
            id: Uuid::nil(),
            circle_id: None,
            partner_id: None,
            kind: EventKind::Conference,
            status: EventStatus::Scheduled,
            title: Event::CONFERENCE_TITLE.into(),
            description: String::new(),
            starts_at: Utc.with_ymd_and_hms(2026, 1, 15, 18, 0, 0).unwrap(),
            time_zone: TimeZone::Paris,
            duration_minutes: Event::CONFERENCE_MINUTES,
            venue: String::new(),
            address: String::new(),
            commune_code: "60159".into(),
            capacity: 80,
        };
        assert_eq!(event.local_start().hour(), 19);
        event.starts_at = Utc.with_ymd_and_hms(2026, 6, 15, 17, 0, 0).unwrap();
        event.time_zone = TimeZone::Brussels;
        assert_eq!(event.local_start().hour(), 19);
    }
}
