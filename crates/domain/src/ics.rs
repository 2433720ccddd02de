//! Calendar files (RFC 5545): feeds of events and the invitation attached to a
//! registration. Times are written in UTC (`…Z`), so no VTIMEZONE is needed; lines end
//! with CRLF and are folded at 75 octets without splitting a character.

use chrono::{DateTime, Utc};

/// One event as a calendar sees it.
#[derive(Debug, Clone)]
pub struct CalendarEvent {
    /// Stable across exports: `event-<uuid>@<host>`.
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: String,
    pub cancelled: bool,
    /// When the event was last changed (DTSTAMP).
    pub stamp: DateTime<Utc>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets (§3.1).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A whole calendar named `name` with `events`.
pub fn calendar(name: &str, events: &[CalendarEvent]) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Cercles des Mentors//mentorat//FR");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{}", utc(e.stamp)));
        line(&mut out, &format!("DTSTART:{}", utc(e.start)));
        line(&mut out, &format!("DTEND:{}", utc(e.end)));
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        if !e.location.is_empty() {
            line(&mut out, &format!("LOCATION:{}", escape(&e.location)));
        }
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if !e.url.is_empty() {
            line(&mut out, &format!("URL:{}", e.url));
        }
        line(
            &mut out,
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "event-1@mentorat.example".into(),
            start: Utc.with_ymd_and_hms(2026, 12, 8, 18, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2026, 12, 8, 20, 0, 0).unwrap(),
            summary: "À la recherche du mentorat perdu".into(),
            location: "Espace Jean Legendre, Place Briet-Daubigny; Compiègne".into(),
            description: "1. Qu'est-ce que le mentorat ?\n2. Peut-on devenir mentor, ou sommes-nous mentors sans le savoir ?".into(),
            url: "https://mentorat.example/evenements/1".into(),
            cancelled: false,
            stamp: Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_calendar_has_crlf_lines_utc_times_and_escaped_text() {
        let ics = calendar("Cercles des Mentors", &[event()]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART:20261208T180000Z\r\n"));
        assert!(ics.contains("LOCATION:Espace Jean Legendre\\, Place Briet-Daubigny\\; Compiègne"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "no bare newline");
        assert!(ics.contains("STATUS:CONFIRMED"));
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_without_breaking_characters() {
        let ics = calendar("x", &[event()]);
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("DESCRIPTION:1. Qu'est-ce que le mentorat ?\\n2. Peut-on devenir mentor\\, ou sommes-nous mentors sans le savoir ?"));
    }

    #[test]
    fn a_cancelled_event_says_so() {
        let mut e = event();
        e.cancelled = true;
        assert!(calendar("x", &[e]).contains("STATUS:CANCELLED"));
    }
}
