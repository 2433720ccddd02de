//! Post/Redirect/Get: each main action answers 303 to a page that says what happened,
//! and refreshing that page (twice) does nothing again.

use crate::helpers::TestApp;
use crate::mentoring::{
    accepted, approved_mentor, ask, compiegne_coordinator, location, signed_in, validated_porteur,
};
use chrono::Duration;

/// What a repeated action would change: rows of each kind and the e-mails queued.
async fn traces(app: &TestApp) -> (mentorat_store::Census, i64) {
    (
        app.app.store.census().await.unwrap(),
        app.app.outbox(0, 1).await.unwrap().1,
    )
}

/// `response` answered 303; the page it leads to, read twice as a refresh would, shows
/// `says` and changes nothing.
async fn refreshed(
    app: &TestApp,
    client: &reqwest::Client,
    response: reqwest::Response,
    says: &str,
) {
    assert_eq!(response.status(), 303, "{}", response.url());
    let to = location(&response);
    let before = traces(app).await;
    for _ in 0..2 {
        let page = client.get(app.url(&to)).send().await.unwrap();
        assert_eq!(page.status(), 200, "{to}");
        let html = page.text().await.unwrap();
        assert!(html.contains(says), "{to} says « {says} »");
    }
    assert_eq!(traces(app).await, before, "refreshing {to} did nothing");
}

#[tokio::test]
async fn every_main_action_answers_303_and_a_refresh_does_nothing_again() {
    let app = compiegne_coordinator().await;

    // A registration to an event, by someone without an account.
    let event = crate::events::event_with_capacity(&app, 10, Duration::days(5)).await;
    let visitor = app.new_client();
    let registered = app
        .post_form_from(
            &visitor,
            &format!("/evenements/{event}/inscription"),
            &[
                ("first_name", "Rafaëlle"),
                ("email", "rafaelle@exemple.fr"),
                ("consent_contact", "1"),
                ("heard_from", "friend"),
            ],
        )
        .await;
    refreshed(&app, &visitor, registered, "Inscription confirmée").await;
    assert_eq!(app.app.attendance(event).await.unwrap().confirmed, 1);

    // Invitations to apply, sent by the circle's coordinator.
    let invited = app
        .post_form(&format!("/evenements/{event}/inviter"), &[])
        .await;
    refreshed(&app, &app.client, invited, "invitation").await;

    // A batch proposal published.
    let compiegne = mentorat_app::demo::demo_id("circle/compiegne").to_string();
    let made = app
        .post_form("/coordination/appariements", &[("circle", &compiegne)])
        .await;
    let proposal = location(&made);
    let published = app.post_form(&format!("{proposal}/publier"), &[]).await;
    refreshed(&app, &app.client, published, "envoyée").await;

    // A porteur's request to a mentor.
    let mentor = approved_mentor(&app, "prg-mentor@exemple.fr", "2").await;
    let (_, project) = validated_porteur(&app, "prg-porteur@exemple.fr", 1990).await;
    let porteur = signed_in(&app, "prg-porteur@exemple.fr").await;
    let asked = ask(&porteur, project, mentor, "Bonjour, pouvez-vous m'aider ?").await;
    refreshed(&app, &porteur.client, asked, "Votre demande est envoyée").await;

    // A meeting logged, then the relationship closed, by the mentor.
    let (_, project) = validated_porteur(&app, "prg-binome@exemple.fr", 1992).await;
    let mentorship = accepted(&app, project, mentor).await.unwrap();
    let mentor = signed_in(&app, "prg-mentor@exemple.fr").await;
    let today = app.app.now().format("%Y-%m-%d").to_string();
    let logged = mentor
        .post_form(
            &format!("/mentorats/{mentorship}/rencontres"),
            &[("date", &today), ("minutes", "45"), ("topics", "Budget")],
        )
        .await;
    refreshed(&app, &mentor.client, logged, "Budget").await;
    let closed = mentor
        .post_form(
            &format!("/mentorats/{mentorship}/cloture"),
            &[("reason", "Projet lancé")],
        )
        .await;
    refreshed(&app, &mentor.client, closed, "Budget").await;
    assert_eq!(
        app.app
            .store
            .mentorship(mentorship)
            .await
            .unwrap()
            .unwrap()
            .status,
        mentorat_domain::MentorshipStatus::Closed
    );
}
