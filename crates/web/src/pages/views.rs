//! View models: domain values turned into what a template shows, in the request's
//! language. Templates stay free of logic.

use crate::i18n::Tr;
use mentorat_app::public::{CircleSummary, UpcomingEvent};
use mentorat_domain::{CircleStatus, Event, EventKind, Locale};

pub struct CircleView {
    pub name: String,
    pub href: String,
    pub status: &'static str,
    pub status_label: String,
    pub description: String,
    pub active_mentors: i64,
    pub projects_supported: i64,
    pub editions: i64,
    pub inaugurated: Option<String>,
}

impl CircleView {
    pub fn new(tr: Tr<'_>, c: &CircleSummary) -> CircleView {
        CircleView {
            name: c.circle.name.clone(),
            href: format!("/cercles/{}", c.circle.slug),
            status: c.circle.status.as_str(),
            status_label: tr.t(status_key(c.circle.status)),
            description: match tr.locale {
                Locale::Fr => c.circle.description_fr.clone(),
                Locale::En => c.circle.description_en.clone(),
            },
            active_mentors: c.active_mentors,
            projects_supported: c.projects_supported,
            editions: c.editions,
            inaugurated: c.circle.inaugurated_on.map(|d| tr.date(&d)),
        }
    }
}

pub fn status_key(status: CircleStatus) -> &'static str {
    match status {
        CircleStatus::Planned => "circle-status-planned",
        CircleStatus::Launching => "circle-status-launching",
        CircleStatus::Active => "circle-status-active",
        CircleStatus::Paused => "circle-status-paused",
    }
}

pub struct EventView {
    pub href: String,
    pub title: String,
    pub kind_label: String,
    pub when: String,
    pub datetime: String,
    pub venue: String,
    pub circle_name: Option<String>,
    pub circle_href: Option<String>,
}

impl EventView {
    pub fn new(tr: Tr<'_>, event: &Event, circle: Option<(&str, &str)>) -> EventView {
        let local = event.local_start();
        EventView {
            href: format!("/evenements/{}", event.id),
            title: mentorat_app::events::event_title(&tr, &event.title),
            kind_label: tr.t(match event.kind {
                EventKind::Conference => "event-kind-conference",
                EventKind::Edition => "event-kind-edition",
                EventKind::Other => "event-kind-other",
            }),
            when: tr.date_time(&local),
            datetime: local.to_rfc3339(),
            venue: [event.venue.as_str(), event.address.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            circle_name: circle.map(|(name, _)| name.to_owned()),
            circle_href: circle.map(|(_, slug)| format!("/cercles/{slug}")),
        }
    }

    pub fn upcoming(tr: Tr<'_>, u: &UpcomingEvent) -> EventView {
        let circle = match (&u.circle_name, &u.circle_slug) {
            (Some(name), Some(slug)) => Some((name.as_str(), slug.as_str())),
            _ => None,
        };
        EventView::new(tr, &u.event, circle)
    }
}
