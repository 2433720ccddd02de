//! The demo's hosting requests and contact messages (the inbox).

use super::*;

/// Registrations, attendance, requests to host a conference, contact messages, the
/// targets and a year of growth history, so that every organiser and dashboard screen
/// has content.
pub(super) async fn load_public_site(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    use mentorat_store::{NewHostingRequest, NewRegistration, Seat};
    let now = mentorat_store::now();
    tx.set_targets(i64::from(chrono::Datelike::year(&now)), 10_000, 300)
        .await?;
    // People who came to the founding conferences, and people registered for the next ones.
    let people: &[(&str, &str, bool)] = &[
        ("Aurélie", "Lambert", true),
        ("Bruno", "Masson", true),
        ("Céline", "Perrin", false),
        ("David", "Renaud", true),
        ("Emma", "Giraud", true),
        ("François", "Lucas", false),
        ("Grégoire", "Noël", true),
        ("Hana", "Benyahia", true),
    ];
    for (event_key, count, attended) in [
        ("conference/compiegne/2016", 8, true),
        ("conference/paris/2016", 6, true),
        ("conference/compiegne/next", 5, false),
        ("conference/lille/next", 4, false),
    ] {
        let event_id = demo_id(event_key);
        for (i, (first, last, consent)) in people.iter().take(count).enumerate() {
            let address = demo_email(first, last);
            let seat = tx
                .register(
                    &NewRegistration {
                        id: demo_id(&format!("registration/{event_key}/{i}")),
                        event_id,
                        first_name: (*first).into(),
                        last_name: (*last).into(),
                        email: address,
                        phone: String::new(),
                        heard_from: ["association", "friend", "press", "poster"][i % 4].into(),
                        consent_contact: *consent,
                        locale: Locale::Fr,
                        partner_id: None,
                        cancel_hash: crate::security::token_hash(&format!(
                            "demo/{event_key}/{i}/{}",
                            crate::security::random_token()
                        )),
                    },
                    now,
                )
                .await?;
            report.count(seat != Seat::AlreadyRegistered);
            if attended {
                tx.set_attended(
                    event_id,
                    demo_id(&format!("registration/{event_key}/{i}")),
                    true,
                    now,
                )
                .await?;
            }
        }
    }
    // A year of approvals: the approved demo mentors joined over the last twelve months.
    for (i, m) in MENTORS.iter().enumerate() {
        let id = demo_id(&format!("user/{}", demo_email(m.first, m.last)));
        tx.set_approved_at(id, now - chrono::Duration::days(15 + 30 * (i as i64 % 12)))
            .await?;
    }
    if tx.hosting_request_count().await? == 0 {
        for (association, commune, contact, email, audience, dates, message) in [
            (
                "Amiens Solidarités",
                "80021",
                "Martine Leclerc",
                "contact@amiens-solidarites.example",
                70,
                "Un jeudi soir de février",
                "Nous aimerions accueillir la conférence dans notre salle du quartier Nord.",
            ),
            (
                "Bordeaux Entraide",
                "33063",
                "Julien Faure",
                "bonjour@bordeaux-entraide.example",
                120,
                "Mars ou avril",
                "Plusieurs de nos bénévoles voudraient devenir mentors.",
            ),
        ] {
            tx.insert_hosting_request(&NewHostingRequest {
                association: association.into(),
                commune_code: commune.into(),
                contact_name: contact.into(),
                email: email.into(),
                phone: String::new(),
                expected_audience: audience,
                preferred_dates: dates.into(),
                message: message.into(),
                locale: "fr".into(),
                partner_id: None,
            })
            .await?;
            report.count(true);
        }
        for (category, name, email, message) in [
            (
                "join",
                "Sylvie Martin",
                "sylvie.martin@exemple.fr",
                "Bonjour, je suis retraitée de l'enseignement à Beauvais et j'aimerais devenir mentor. Comment faire ?",
            ),
            (
                "press",
                "Le Courrier picard",
                "redaction@courrier.example",
                "Nous préparons un article sur le cercle de Compiègne : pourrions-nous assister à la prochaine édition ?",
            ),
        ] {
            tx.insert_contact_message(category, name, email, message)
                .await?;
            report.count(true);
        }
    }
    Ok(())
}
