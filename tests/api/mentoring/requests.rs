//! Requests to mentors: at most three open, once per pair, capacity held under
//! concurrency, the others closed on acceptance, reminders then expiry.

use super::*;

#[tokio::test]
async fn two_concurrent_accepts_on_the_last_place_give_exactly_one_mentorship() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "last@exemple.fr", "1").await;
    let mut porteurs = Vec::new();
    for (email, born) in [("p1@exemple.fr", 1990), ("p2@exemple.fr", 1991)] {
        let (_, project) = validated_porteur(&app, email, born).await;
        let porteur = signed_in(&app, email).await;
        assert_eq!(
            ask(&porteur, project, mentor, "Bonjour").await.status(),
            303
        );
        porteurs.push(porteur);
    }
    // The mentor accepts both requests at once (two tabs) for their one place.
    let last = signed_in(&app, "last@exemple.fr").await;
    let requests: Vec<Uuid> = space_of(&last)
        .await
        .incoming
        .iter()
        .map(|r| r.id.expect("open"))
        .collect();
    assert_eq!(requests.len(), 2);
    let accept = |id: Uuid| {
        let last = &last;
        async move {
            last.post_form(
                &format!("/demandes/{id}/reponse"),
                &[("decision", "accept")],
            )
            .await
        }
    };
    let (first, second) = tokio::join!(accept(requests[0]), accept(requests[1]));
    let answers = [
        (first.status(), location(&first)),
        (second.status(), location(&second)),
    ];
    let made = answers
        .iter()
        .filter(|(_, to)| to.starts_with("/mentorats/"))
        .count();
    assert_eq!(made, 1, "{answers:?}");
    // One relationship for the mentor; one porteur accepted, the other not.
    assert_eq!(space_of(&last).await.mentorships.len(), 1);
    let mut accepted = 0;
    for porteur in &porteurs {
        let space = space_of(porteur).await;
        accepted += space
            .outgoing
            .iter()
            .filter(|r| r.status == "Acceptée")
            .count();
    }
    assert_eq!(accepted, 1);
    // The count of mentees capacity is held on shows on no page as a number.
    assert_eq!(
        app.app.mentor_profile(mentor).await.unwrap().active_mentees,
        1
    );
}

#[tokio::test]
async fn at_most_three_open_requests_and_acceptance_closes_the_others() {
    let app = spawn_demo_app().await;
    let mut mentors = Vec::new();
    for (first, email) in [
        ("Anatole", "a@exemple.fr"),
        ("Bertille", "b@exemple.fr"),
        ("Céleste", "c@exemple.fr"),
        ("Dorian", "d@exemple.fr"),
    ] {
        mentors.push(named_mentor(&app, first, email, &mentor_form("2")).await);
    }
    let (_, project) = validated_porteur(&app, "p@exemple.fr", 1985).await;
    let porteur = signed_in(&app, "p@exemple.fr").await;
    for m in &mentors[..2] {
        assert_eq!(ask(&porteur, project, *m, "Bonjour").await.status(), 303);
    }
    let again = ask(&porteur, project, mentors[0], "Encore").await;
    assert_eq!(again.status(), 422, "once per pair");
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("Vous avez déjà fait une demande à ce mentor.")
    );
    assert_eq!(
        ask(&porteur, project, mentors[2], "Bonjour").await.status(),
        303
    );
    let fourth = ask(&porteur, project, mentors[3], "Bonjour").await;
    assert_eq!(fourth.status(), 422);
    assert!(
        fourth
            .text()
            .await
            .unwrap()
            .contains("Vous avez déjà trois demandes en attente")
    );
    // Bertille accepts from her space: the porteur's other requests are closed.
    let bertille = signed_in(&app, "b@exemple.fr").await;
    let request = space_of(&bertille).await.incoming[0].id.expect("open");
    let answered = bertille
        .post_form(
            &format!("/demandes/{request}/reponse"),
            &[("decision", "accept")],
        )
        .await;
    assert!(
        location(&answered).starts_with("/mentorats/"),
        "a mentorship"
    );
    let line = |other: &str, status: &str| (other.to_owned(), status.to_owned());
    assert_eq!(
        space_of(&porteur).await.asked(),
        [
            line("Anatole E.", "Close"),
            line("Bertille E.", "Acceptée"),
            line("Céleste E.", "Close"),
        ]
    );
    // The other mentors read it in their space and in the e-mail they receive.
    let anatole = signed_in(&app, "a@exemple.fr").await;
    let asked = space_of(&anatole).await.incoming;
    assert_eq!(asked.len(), 1);
    assert!(
        asked[0].status == "Close" && asked[0].id.is_none(),
        "{asked:?}"
    );
    for address in ["a@exemple.fr", "c@exemple.fr"] {
        assert!(
            subjects_to(&app, address)
                .await
                .contains(&"Une demande close".to_owned()),
            "the other mentors are told"
        );
    }
}

#[tokio::test]
async fn unanswered_requests_remind_the_mentor_then_expire() {
    let app = spawn_demo_app().await;
    let armand = named_mentor(&app, "Armand", "armand@exemple.fr", &mentor_form("3")).await;
    let bastien = named_mentor(&app, "Bastien", "bastien@exemple.fr", &mentor_form("3")).await;
    let (_, project) = validated_porteur(&app, "sweep-p@exemple.fr", 1980).await;
    let asked = |address: &'static str| {
        let app = &app;
        async move {
            subjects_to(app, address)
                .await
                .iter()
                .filter(|s| *s == "Une demande de mentorat")
                .count()
        }
    };
    let porteur = signed_in(&app, "sweep-p@exemple.fr").await;
    assert_eq!(
        ask(&porteur, project, armand, "Bonjour").await.status(),
        303
    );
    sweep(&app).await;
    assert_eq!(asked("armand@exemple.fr").await, 1, "not reminded at once");
    // Eight days later Armand is reminded; the porteur asks Bastien too.
    days_pass(&app, 8).await;
    assert_eq!(asked("armand@exemple.fr").await, 2, "reminded after a week");
    let porteur = signed_in(&app, "sweep-p@exemple.fr").await;
    assert_eq!(
        ask(&porteur, project, bastien, "Bonjour").await.status(),
        303
    );
    // Eight days more: Armand's request, unanswered for two weeks, has expired and the
    // porteur is told; Bastien's, a week old, reminds him.
    days_pass(&app, 8).await;
    let porteur = signed_in(&app, "sweep-p@exemple.fr").await;
    let line = |other: &str, status: &str| (other.to_owned(), status.to_owned());
    assert_eq!(
        space_of(&porteur).await.asked(),
        [
            line("Armand E.", "Expirée"),
            line("Bastien E.", "En attente de réponse"),
        ]
    );
    assert!(
        subjects_to(&app, "sweep-p@exemple.fr")
            .await
            .iter()
            .any(|s| s.contains("a expiré"))
    );
    assert_eq!(
        asked("bastien@exemple.fr").await,
        2,
        "reminded after a week"
    );
    assert_eq!(
        asked("armand@exemple.fr").await,
        2,
        "an expired request is over"
    );
    // The sweeps of the same moment find nothing more to send.
    let before = outbox(&app).await.len();
    sweep(&app).await;
    assert_eq!(outbox(&app).await.len(), before);
}

#[tokio::test]
async fn the_links_in_request_mails_lead_to_a_page() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "lien-m@exemple.fr", "2").await;
    let (_, project) = validated_porteur(&app, "lien-p@exemple.fr", 1980).await;
    accepted(&app, project, mentor).await.expect("a mentorship");
    let mut links = 0;
    for mail in outbox(&app)
        .await
        .iter()
        .filter(|m| m.to_address.starts_with("lien-"))
    {
        for word in mail.body_text.split_whitespace() {
            let Some(path) = word.strip_prefix(&app.address) else {
                continue;
            };
            let path = path.trim_end_matches(['.', ',', ')', '>']);
            links += 1;
            let status = app.get(path).await.status();
            assert_ne!(status, 404, "{path} in « {} »", mail.subject);
        }
    }
    assert!(
        links >= 2,
        "the request and its answer each link to the platform"
    );
}

/// A mentor whose places are all taken is told so on « mon espace », without Accept
/// buttons; an acceptance sent all the same says it to her, in her own words.
#[tokio::test]
async fn a_full_mentor_is_told_she_has_no_place_instead_of_offered_accept() {
    let app = spawn_demo_app().await;
    let mentor = approved_mentor(&app, "pleine@exemple.fr", "1").await;
    // A request that came while she had a place…
    let (_, waiting) = validated_porteur(&app, "second@exemple.fr", 1991).await;
    let porteur = signed_in(&app, "second@exemple.fr").await;
    let asked = ask(&porteur, waiting, mentor, "Bonjour, pouvez-vous m'aider ?").await;
    assert_eq!(asked.status(), 303);
    // …then another porteur took her one place.
    let (_, first) = validated_porteur(&app, "premier@exemple.fr", 1990).await;
    accepted(&app, first, mentor).await.unwrap();
    let open = app
        .app
        .store
        .requests_of(mentor)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.status == mentorat_domain::RequestStatus::Open)
        .expect("the waiting request");
    let browser = signed_in(&app, "pleine@exemple.fr").await;
    let space = browser.get_html("/mon-espace").await;
    assert!(
        space.contains("Vous accompagnez déjà 1 porteur, autant que vos places"),
        "{space}"
    );
    assert!(
        !space.contains(r#"name="decision" value="accept""#),
        "no Accept button"
    );
    assert!(
        space.contains(r#"name="decision" value="decline""#),
        "declining stays"
    );
    let forced = browser
        .post_form(
            &format!("/demandes/{}/reponse", open.id),
            &[("decision", "accept")],
        )
        .await;
    assert_eq!(forced.status(), 422);
    assert!(
        forced
            .text()
            .await
            .unwrap()
            .contains("Vous n&#39;avez plus de place")
    );
}
