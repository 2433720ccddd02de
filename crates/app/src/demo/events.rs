//! The demo's conferences and editions, past and upcoming, with registrations.

use super::*;

/// Past conferences are fixed in 2016; upcoming ones are placed relative to the day
/// the demo is first loaded, so that a fresh demo always has a future to show.
pub(super) async fn load_events(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    let today = mentorat_store::now().date_naive();
    // (key, circle, partner, kind, title, date, local time, tz, venue, address, commune, capacity)
    type Row = (
        &'static str,
        &'static str,
        Option<&'static str>,
        EventKind,
        &'static str,
        NaiveDate,
        (u32, u32),
        TimeZone,
        &'static str,
        &'static str,
        &'static str,
        i64,
    );
    let upcoming = |days: u64| {
        today
            .checked_add_days(Days::new(days))
            .expect("date in range")
    };
    let fixed = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date");
    let rows: Vec<Row> = vec![
        (
            "conference/compiegne/2016",
            "compiegne",
            Some("maison-des-associations-compiegne"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            fixed(2016, 1, 21),
            (19, 0),
            TimeZone::Paris,
            "Espace Jean Legendre",
            "Place Briet-Daubigny",
            "60159",
            120,
        ),
        (
            "conference/paris/2016",
            "paris",
            Some("quartiers-solidaires-paris"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            fixed(2016, 2, 25),
            (19, 0),
            TimeZone::Paris,
            "Mairie du 11e arrondissement",
            "12 place Léon Blum",
            "75056",
            150,
        ),
        (
            "conference/lille/next",
            "lille",
            Some("centre-social-lille-sud"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(20),
            (18, 30),
            TimeZone::Paris,
            "Centre social Lille Sud",
            "Rue de Marquillies",
            "59350",
            80,
        ),
        (
            "edition/compiegne/3",
            "compiegne",
            Some("maison-des-associations-compiegne"),
            EventKind::Edition,
            "",
            upcoming(34),
            (19, 0),
            TimeZone::Paris,
            "Maison des associations",
            "Rue Saint-Fiacre",
            "60159",
            60,
        ),
        (
            "conference/compiegne/next",
            "compiegne",
            Some("maison-des-associations-compiegne"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(12),
            (19, 0),
            TimeZone::Paris,
            "Espace Jean Legendre",
            "Place Briet-Daubigny",
            "60159",
            100,
        ),
        (
            "conference/ath/next",
            "ath",
            Some("foyer-culturel-ath"),
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(45),
            (19, 30),
            TimeZone::Brussels,
            "Foyer culturel d'Ath",
            "Rue de Brantignies",
            "BE-51004",
            70,
        ),
        (
            "conference/orleans/next",
            "orleans",
            None,
            EventKind::Conference,
            Event::CONFERENCE_TITLE,
            upcoming(62),
            (18, 30),
            TimeZone::Paris,
            "Salle Eiffel",
            "Rue Jean Hupeau",
            "45234",
            90,
        ),
        (
            "edition/paris/4",
            "paris",
            Some("quartiers-solidaires-paris"),
            EventKind::Edition,
            "",
            upcoming(27),
            (19, 0),
            TimeZone::Paris,
            "Maison des associations du 20e",
            "18 rue Ramponeau",
            "75056",
            80,
        ),
    ];
    for (key, circle, partner, kind, title, date, (h, m), tz, venue, address, commune, capacity) in
        rows
    {
        let local = date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid demo time"));
        let starts_at = tz
            .tz()
            .from_local_datetime(&local)
            .earliest()
            .expect("demo times exist in their zone")
            .with_timezone(&Utc);
        let event = Event {
            id: demo_id(key),
            circle_id: Some(demo_id(&format!("circle/{circle}"))),
            partner_id: partner.map(|p| demo_id(&format!("partner/{p}"))),
            kind,
            status: EventStatus::Scheduled,
            title: title.into(),
            // A conference's usual programme is not stored (`App::agenda`).
            description: String::new(),
            starts_at,
            time_zone: tz,
            duration_minutes: Event::CONFERENCE_MINUTES,
            venue: venue.into(),
            address: address.into(),
            commune_code: commune.into(),
            capacity,
        };
        report.count(tx.insert_event_if_absent(&event).await?);
    }
    Ok(())
}
