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
    let published = app
        .post_form(&format!("{proposal}/publier"), &[("confirm", "1")])
        .await;
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
            &[("reason", "Projet lancé"), ("confirm", "1")],
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

/// The page a confirmation step shows: its question, and the form that confirms (every
/// field it carries, `confirm=1` among them), as a browser without JavaScript reads it.
fn confirmation_form(html: &str) -> (String, Vec<(String, String)>) {
    let yes = html.find("name=\"confirm\"").expect("a form that confirms");
    let form = &html[html[..yes]
        .rfind("<form method=\"post\" action=\"")
        .unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    let action = form.split('"').nth(3).unwrap().to_owned();
    let fields = form
        .split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|input| {
            let name = input.split('"').next().unwrap().to_owned();
            let value = input.split("value=\"").nth(1).unwrap();
            (
                name,
                value[..value.find('"').unwrap()].replace("&#39;", "'"),
            )
        })
        .collect();
    (action, fields)
}

/// (who acts, the action, its form's fields, what the confirmation page asks).
type Case<'a> = (
    &'a reqwest::Client,
    String,
    Vec<(&'a str, &'a str)>,
    &'a str,
);

/// Without JavaScript, each irreversible action first shows a page that says what will
/// happen, and acts only once confirmed there; « non » changes nothing.
#[tokio::test]
async fn irreversible_actions_ask_first_without_javascript() {
    let app = compiegne_coordinator().await;
    let event = crate::events::event_with_capacity(&app, 10, Duration::days(5)).await;
    let compiegne = mentorat_app::demo::demo_id("circle/compiegne").to_string();
    let made = app
        .post_form("/coordination/appariements", &[("circle", &compiegne)])
        .await;
    let proposal = location(&made);
    let mentor = approved_mentor(&app, "ask-mentor@exemple.fr", "3").await;
    let (_, project) = validated_porteur(&app, "ask-binome@exemple.fr", 1992).await;
    let mentorship = accepted(&app, project, mentor).await.unwrap();
    let (_, asking) = validated_porteur(&app, "ask-porteur@exemple.fr", 1990).await;
    let porteur = signed_in(&app, "ask-porteur@exemple.fr").await;
    ask(&porteur, asking, mentor, "Bonjour, pouvez-vous m'aider ?").await;
    let request = app
        .app
        .store
        .requests_of(app.account_id("ask-porteur@exemple.fr").await)
        .await
        .unwrap()[0]
        .id;
    let mentor = signed_in(&app, "ask-mentor@exemple.fr").await;

    let cases: Vec<Case> = vec![
        (
            &app.client,
            format!("/evenements/{event}/annuler-evenement"),
            vec![],
            "Annuler cet événement ?",
        ),
        (
            &app.client,
            format!("{proposal}/publier"),
            vec![],
            "Envoyer une demande à chaque mentor",
        ),
        (
            &mentor.client,
            format!("/mentorats/{mentorship}/cloture"),
            vec![("reason", "Projet lancé")],
            "Clore cette relation mentorale ?",
        ),
        (
            &porteur.client,
            format!("/demandes/{request}/retirer"),
            vec![],
            "Retirer cette demande ?",
        ),
    ];
    for (client, action, fields, question) in cases {
        let before = traces(&app).await;
        let csrf = crate::helpers::csrf_in(
            &client
                .get(app.url("/contact"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
        let mut body: Vec<(&str, &str)> = fields.clone();
        body.push(("csrf", &csrf));
        let asked = client
            .post(app.url(&action))
            .header("Origin", &app.address)
            .form(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(asked.status(), 200, "{action} asks first");
        let html = asked.text().await.unwrap().replace("&#39;", "'");
        assert!(html.contains(question), "{action}: « {question} »");
        assert!(html.contains("Non, revenir en arrière"));
        assert_eq!(traces(&app).await, before, "{action}: nothing done yet");
        let (to, carried) = confirmation_form(&html);
        assert_eq!(to, action);
        for (name, value) in &fields {
            assert!(
                carried.contains(&((*name).into(), (*value).into())),
                "{name} carried"
            );
        }
        assert!(carried.contains(&("confirm".into(), "1".into())));
        let done = client
            .post(app.url(&to))
            .header("Origin", &app.address)
            .form(&carried)
            .send()
            .await
            .unwrap();
        assert_eq!(done.status(), 303, "{action} confirmed");
    }
    // Each was done, once confirmed.
    let event = app.app.event_page(event).await.unwrap().event;
    assert_eq!(event.status, mentorat_domain::EventStatus::Cancelled);
    assert!(
        !app.get_html(&proposal).await.contains("/publier"),
        "a published proposal offers no publishing"
    );
    let closed = app.app.store.mentorship(mentorship).await.unwrap().unwrap();
    assert_eq!(closed.status, mentorat_domain::MentorshipStatus::Closed);
    let withdrawn = app.app.request(request).await.unwrap();
    assert_eq!(withdrawn.status, mentorat_domain::RequestStatus::Withdrawn);
}
