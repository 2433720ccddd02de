//! Batch proposals: a coordinator reviews the pairs, removes some, recomputes, and
//! publishes the rest as requests; several circles may be matched together.

use super::*;

/// A pair as the proposal's page shows it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Pair {
    pub(super) project: Uuid,
    /// « Title — First L. »
    porteur: String,
    /// « First L. »
    pub(super) mentor: String,
    score: i64,
    removed: bool,
}

/// A proposal as its coordinator reads it, over all its pages.
#[derive(Debug)]
pub(super) struct Proposal {
    matched: i64,
    unmatched: i64,
    total_score: i64,
    pub(super) pairs: Vec<Pair>,
    /// (« Title — First L. », why no mentor)
    without_mentor: Vec<(String, String)>,
}

impl Proposal {
    /// The mentor a kept pair gives the porteur of `project`.
    fn mentor_of(&self, project: Uuid) -> Option<&str> {
        self.pairs
            .iter()
            .find(|p| p.project == project && !p.removed)
            .map(|p| p.mentor.as_str())
    }

    /// The projects paired with `mentor`.
    fn with(&self, mentor: &str) -> Vec<Uuid> {
        self.pairs
            .iter()
            .filter(|p| p.mentor == mentor)
            .map(|p| p.project)
            .collect()
    }
}

/// The digits of a text, as a number.
fn number(text: &str) -> i64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a number in {text}"))
}

/// The proposal at `location`, every page of it.
pub(super) async fn proposal_at(app: &TestApp, location: &str) -> Proposal {
    let mut proposal = Proposal {
        matched: 0,
        unmatched: 0,
        total_score: 0,
        pairs: Vec::new(),
        without_mentor: Vec::new(),
    };
    for page in 1.. {
        let html = app.get_html(&format!("{location}?page={page}")).await;
        // « N paires proposées, N porteurs sans mentor disponible, score total N, … »
        let summary = text_between(&html, r#"<p class="lead">"#, "</p>");
        let parts: Vec<&str> = summary.split(", ").collect();
        (proposal.matched, proposal.unmatched, proposal.total_score) =
            (number(parts[0]), number(parts[1]), number(parts[2]));
        for line in all_between(&html, r#"<p id="pair-"#, "</p>") {
            let (id, rest) = line.split_once('"').unwrap();
            let score = between(rest, "— score ", " —").unwrap_or_else(|| {
                let from = rest.find("— score ").unwrap() + "— score ".len();
                &rest[from..]
            });
            proposal.pairs.push(Pair {
                project: id.parse().unwrap(),
                porteur: text_between(rest, "<strong>", "</strong>"),
                mentor: text_between(rest, "↔ <strong>", "</strong>"),
                score: number(score),
                removed: rest.ends_with(" — retirée"),
            });
        }
        if html.contains("<h2>Porteurs sans mentor dans cette proposition</h2>") {
            let list = section(&html, "Porteurs sans mentor dans cette proposition");
            for line in all_between(list, "<li><strong>", "</li>") {
                let (porteur, why) = line.split_once("</strong> : ").unwrap();
                proposal
                    .without_mentor
                    .push((unescape(porteur), unescape(why)));
            }
        }
        if !html.contains(r#"rel="next""#) {
            break;
        }
    }
    proposal
}

/// Proposes pairs for the Compiègne circle from its coordinator's page, with the form's
/// `more` fields; the proposal's address.
pub(super) async fn propose_in_compiegne(app: &TestApp, more: &[(&str, &str)]) -> String {
    let compiegne = mentorat_app::demo::demo_id("circle/compiegne").to_string();
    let mut form = vec![("circle", compiegne.as_str())];
    form.extend_from_slice(more);
    let made = app.post_form("/coordination/appariements", &form).await;
    assert_eq!(made.status(), 303);
    location(&made)
}

/// The status of the request of the porteur of `project` to `mentor`, as the porteur
/// reads it on « mon espace », if they made one.
async fn request_of(app: &TestApp, project: Uuid, mentor: &str) -> Option<String> {
    let mentee = app.app.project(project).await.unwrap().mentee_id;
    let porteur = signed_in_as(app, mentee).await;
    space_of(&porteur)
        .await
        .outgoing
        .into_iter()
        .find(|r| r.other == mentor)
        .map(|r| r.status)
}

/// Who the mentor the pages call `short` (« First L. ») is, to act as them.
async fn mentor_named(app: &TestApp, short: &str) -> Uuid {
    let found: Vec<Uuid> = app
        .app
        .circle_mentors(None)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| PersonName::short_of(&m.first_name, &m.last_name) == short)
        .map(|m| m.user_id)
        .collect();
    assert_eq!(found.len(), 1, "one mentor called {short}");
    found[0]
}

const SENT: &str = "En attente de réponse";

#[tokio::test]
async fn a_coordinator_reviews_a_batch_proposal_pair_by_pair_and_publishes_it_as_requests() {
    let app = compiegne_coordinator().await;
    // A porteur no mentor can talk with: listed without a mentor, and why.
    validated_porteur_with(&app, "Awa", "awa@exemple.fr", &wolof_form()).await;
    let location = propose_in_compiegne(&app, &[]).await;
    let proposal = proposal_at(&app, &location).await;
    let pairs = &proposal.pairs;
    assert!(
        pairs.len() >= 2,
        "the demo has validated porteurs and free mentors: {pairs:?}"
    );
    assert_eq!(proposal.matched as usize, pairs.len());
    assert_eq!(
        proposal.total_score,
        pairs.iter().map(|p| p.score).sum::<i64>()
    );
    let html = app.get_html(&location).await;
    assert!(
        html.contains("paires proposées") && html.contains("Même domaine"),
        "each pair with its reasons"
    );
    // The reasons are kept untranslated: an English reader reads them in English, the
    // fields by their English labels.
    let english = app.get_en(&location).await.text().await.unwrap();
    assert!(
        english.contains("Same field: ") && !english.contains("Même domaine"),
        "{english}"
    );
    assert!(
        !english.contains("Même commune") && !english.contains("Mots communs"),
        "no French reason on the English page"
    );
    assert!(html.contains("Porteurs sans mentor dans cette proposition"));
    assert!(
        html.contains("<strong>Un atelier de couture — Awa E.</strong> : aucun mentor disponible ne lui correspond (domaine, distance ou langue)"),
        "{html}"
    );
    assert!(proposal.unmatched >= 1);
    assert_eq!(proposal.without_mentor.len() as i64, proposal.unmatched);
    // One pair removed, the rest published as requests with an e-mail to each mentor.
    app.post_form(
        &format!("{location}/retirer"),
        &[("project", &pairs[0].project.to_string())],
    )
    .await;
    let reviewed = proposal_at(&app, &location).await;
    assert_eq!(
        reviewed.matched as usize,
        pairs.len() - 1,
        "the counts follow the removal"
    );
    assert!(
        reviewed
            .pairs
            .iter()
            .any(|p| p.project == pairs[0].project && p.removed)
    );
    let published = app
        .post_form(&format!("{location}/publier"), &[("confirm", "1")])
        .await;
    let text = app.follow(published).await;
    let kept = pairs.len() - 1;
    assert!(
        text.contains(&format!("{kept} demandes envoyées"))
            || (kept == 1 && text.contains("une demande envoyée")),
        "{text}"
    );
    for pair in &pairs[1..] {
        assert_eq!(
            request_of(&app, pair.project, &pair.mentor)
                .await
                .as_deref(),
            Some(SENT)
        );
    }
    assert_eq!(
        request_of(&app, pairs[0].project, &pairs[0].mentor).await,
        None,
        "the removed pair is not asked"
    );
    let again = app
        .post_form(&format!("{location}/publier"), &[("confirm", "1")])
        .await;
    assert!(again.text().await.unwrap().contains("déjà publiée"));
    // The mentor of the second pair declines: its porteur waits for a mentor again.
    assert!(pairs.len() >= 3, "{pairs:?}");
    let declining = mentor_named(&app, &pairs[1].mentor).await;
    let request = app
        .app
        .requests_of(declining)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.project_id == pairs[1].project)
        .expect("the published request");
    app.app
        .answer_request(declining, &request, false, "no_time", "")
        .await
        .unwrap();
    // A new proposal leaves out the porteurs whose requests wait for an answer and never
    // offers the removed pair nor the declined one again; its counts match the pairs it
    // lists.
    let fresh = propose_in_compiegne(&app, &[]).await;
    let next = proposal_at(&app, &fresh).await;
    for pair in &pairs[2..] {
        assert!(
            !next.pairs.iter().any(|p| p.project == pair.project),
            "a porteur with an open request is not proposed again"
        );
    }
    for (pair, what) in [(&pairs[0], "removed"), (&pairs[1], "declined")] {
        assert!(
            !next
                .pairs
                .iter()
                .any(|p| p.project == pair.project && p.mentor == pair.mentor),
            "the {what} pair is never offered again"
        );
    }
    assert_eq!(next.matched as usize, next.pairs.len());
    assert_eq!(
        next.total_score,
        next.pairs.iter().map(|p| p.score).sum::<i64>(),
        "the total follows the pairs listed"
    );
}

#[tokio::test]
async fn a_proposal_published_days_later_sends_only_the_pairs_still_possible() {
    let app = compiegne_coordinator().await;
    let location = propose_in_compiegne(&app, &[]).await;
    let pairs = proposal_at(&app, &location).await.pairs;
    assert!(pairs.len() >= 2, "{pairs:?}");
    let (stale, full) = (&pairs[0], &pairs[1]);
    assert_ne!(stale.mentor, full.mentor, "{pairs:?}");
    // Since the draft, the first pair's porteur found a mentor in the directory…
    let elsewhere = approved_mentor(&app, "ailleurs@exemple.fr", "2").await;
    accepted(&app, stale.project, elsewhere)
        .await
        .expect("a mentorship");
    // …and the second pair's mentor took porteurs until no place was left.
    // (Porteurs with the proposed project's own field, text and town: the directory
    // only lets a porteur ask a mentor who matches their project.)
    let taken = mentor_named(&app, &full.mentor).await;
    let like = app.app.project(full.project).await.unwrap();
    let form = ProjectForm {
        title: like.title.clone(),
        description: like.description.clone(),
        domains: app.app.project_fields(like.id).await.unwrap(),
        commune: like.commune_code.clone(),
        ..project_form(1985)
    };
    for i in 0.. {
        let (_, project) =
            validated_porteur_with(&app, "Porteur", &format!("p{i}@exemple.fr"), &form).await;
        if let Err(e) = accepted(&app, project, taken).await {
            assert!(e.contains("error-mentor-full"), "{e}");
            break;
        }
    }
    let published = app
        .post_form(&format!("{location}/publier"), &[("confirm", "1")])
        .await;
    let text = app.follow(published).await;
    let sent = pairs.len() - 2;
    let said = match sent {
        0 => "aucune demande à envoyer".to_owned(),
        1 => "une demande envoyée".to_owned(),
        n => format!("{n} demandes envoyées"),
    };
    assert!(text.contains(&said), "{text}");
    assert!(
        text.contains("2 paires n&#39;étaient plus possibles"),
        "{text}"
    );
    // No request for the porteur who has a mentor, none to the full mentor.
    assert_eq!(request_of(&app, stale.project, &stale.mentor).await, None);
    assert_eq!(request_of(&app, full.project, &full.mentor).await, None);
    for pair in &pairs[2..] {
        assert_eq!(
            request_of(&app, pair.project, &pair.mentor)
                .await
                .as_deref(),
            Some(SENT)
        );
    }
}

#[tokio::test]
async fn a_long_proposal_is_shown_fifty_lines_at_a_time() {
    let app = compiegne_coordinator().await;
    // 51 porteurs no mentor can talk with: more than a page of them.
    for n in 0..51 {
        let (first, email) = (format!("Awa{n}"), format!("awa{n}@exemple.fr"));
        validated_porteur_with(&app, &first, &email, &wolof_form()).await;
    }
    let at = propose_in_compiegne(&app, &[]).await;
    let first = app.get_html(&at).await;
    let lines = |html: &str| html.matches("<strong>Un atelier de couture — Awa").count();
    assert_eq!(lines(&first), 50, "{first}");
    assert!(first.contains("Page 1 sur 2") && first.contains("?page=2"));
    let pairs = |html: &str| html.matches("<li class=\"card").count();
    assert!(pairs(&first) >= 2, "the demo's pairs on the first page");
    let second = app.get_html(&format!("{at}?page=2")).await;
    assert_eq!(lines(&second), 1, "{second}");
    assert!(second.contains("Page 2 sur 2"));
    assert_eq!(pairs(&second), 0);
    assert!(
        !second.contains("Aucune paire possible"),
        "no pair left to show is not no pair at all"
    );
    // A page past the last shows the last.
    assert_eq!(lines(&app.get_html(&format!("{at}?page=9")).await), 1);
    // Removing a pair brings the coordinator back to the page it was on.
    let proposal = proposal_at(&app, &at).await;
    assert_eq!(proposal.without_mentor.len(), 51);
    let removed = app
        .post_form(
            &format!("{at}/retirer"),
            &[
                ("project", &proposal.pairs[0].project.to_string()),
                ("page", "2"),
            ],
        )
        .await;
    assert_eq!(location(&removed), format!("{at}?page=2"));
}

#[tokio::test]
async fn as_many_pairs_as_possible_first_leaves_no_porteur_out_for_a_better_total() {
    let app = compiegne_coordinator().await;
    // Mentors speaking Wolof (and Turkish for the one next door): no demo porteur
    // speaks with them, nor they with a demo mentor.
    let next_door = "Xavier E.";
    named_mentor(
        &app,
        "Xavier",
        "xavier@exemple.fr",
        &MentorForm {
            languages: vec!["wo".into(), "tr".into()],
            domains: vec![("creation-entreprise".into(), "20".into())],
            bio: "Ancien maraîcher, je connais les semences paysannes et la permaculture.".into(),
            capacity: "1".into(),
            ..mentor_form("1")
        },
    )
    .await;
    let far_away = "Yacine E.";
    named_mentor(
        &app,
        "Yacine",
        "yacine@exemple.fr",
        &MentorForm {
            languages: vec!["wo".into()],
            domains: vec![("numerique".into(), "0".into())],
            bio: "Couturière, je crée des tissus wax et des boubous brodés.".into(),
            commune: "13055".into(),
            remote: true,
            capacity: "1".into(),
            ..mentor_form("1")
        },
    )
    .await;
    // A porteur next door to the first mentor, in their field, whose words are the
    // second's; and one who shares only words with the first.
    let (_, couture) = validated_porteur_with(
        &app,
        "Awa",
        "awa@exemple.fr",
        &ProjectForm {
            title: "Atelier de tissus wax".into(),
            description: "Je crée des boubous brodés en tissus wax.".into(),
            languages: vec!["wo".into()],
            commune: "60159".into(),
            remote: true,
            ..project_form(1990)
        },
    )
    .await;
    let (_, jardin) = validated_porteur_with(
        &app,
        "Bintou",
        "bintou@exemple.fr",
        &ProjectForm {
            title: "Jardin en permaculture".into(),
            description: "Des semences paysannes et la permaculture au jardin.".into(),
            domains: vec!["sport".into()],
            languages: vec!["tr".into()],
            ..project_form(1990)
        },
    )
    .await;
    let best = propose_in_compiegne(&app, &[]).await;
    let best_total = proposal_at(&app, &best).await;
    assert_eq!(
        best_total.mentor_of(couture),
        Some(next_door),
        "{best_total:?}"
    );
    assert_eq!(best_total.mentor_of(jardin), None);
    let most = propose_in_compiegne(&app, &[("matches_first", "1")]).await;
    let most_pairs = proposal_at(&app, &most).await;
    assert_eq!(
        most_pairs.mentor_of(couture),
        Some(far_away),
        "{most_pairs:?}"
    );
    assert_eq!(most_pairs.mentor_of(jardin), Some(next_door));
    assert!(most_pairs.matched > best_total.matched);
    assert!(most_pairs.total_score < best_total.total_score);
    // Each page says which rule it followed; the coordinator's page offers the choice.
    assert!(
        app.get_html(&most)
            .await
            .contains("Règle suivie : le plus de paires possible d&#39;abord")
    );
    assert!(
        app.get_html(&best)
            .await
            .contains("Règle suivie : le meilleur score total.")
    );
    let coordination = app.get_html("/coordination").await;
    assert!(coordination.contains(r#"name="matches_first""#));
}

#[tokio::test]
async fn a_recomputed_proposal_keeps_the_kept_pairs_and_never_brings_back_a_removed_one() {
    let app = compiegne_coordinator().await;
    // Two mentors and two porteurs who speak Wolof only: they pair among themselves.
    let mentor = |years: &str| MentorForm {
        languages: vec!["wo".into()],
        domains: vec![("creation-entreprise".into(), years.into())],
        bio: "J'ai créé plusieurs entreprises de couture.".into(),
        ..mentor_form("1")
    };
    let (senior, junior) = ("Xavier E.", "Yacine E.");
    named_mentor(&app, "Xavier", "xavier@exemple.fr", &mentor("20")).await;
    named_mentor(&app, "Yacine", "yacine@exemple.fr", &mentor("1")).await;
    let mut porteurs = Vec::new();
    for (first, email) in [("Awa", "awa@exemple.fr"), ("Bintou", "bintou@exemple.fr")] {
        porteurs.push(
            validated_porteur_with(&app, first, email, &wolof_form())
                .await
                .1,
        );
    }
    let first = propose_in_compiegne(&app, &[]).await;
    let before = proposal_at(&app, &first).await;
    // Whoever the senior mentor got: the coordinator removes that pair and keeps the
    // other (and the demo's pairs).
    let with_senior = *porteurs
        .iter()
        .find(|p| before.mentor_of(**p) == Some(senior))
        .expect("a Wolof porteur with the senior mentor");
    let with_junior = *porteurs.iter().find(|p| **p != with_senior).unwrap();
    assert_eq!(before.mentor_of(with_junior), Some(junior), "{before:?}");
    app.post_form(
        &format!("{first}/retirer"),
        &[("project", &with_senior.to_string())],
    )
    .await;
    let page = app.get_html(&first).await;
    assert!(
        page.contains("Recalculer sans les paires retirées"),
        "{page}"
    );
    let made = app.post_form(&format!("{first}/recalculer"), &[]).await;
    assert_eq!(made.status(), 303);
    let second = location(&made);
    assert_ne!(second, first);
    let again = proposal_at(&app, &second).await;
    // Every kept pair stays as it was; the freed porteur does not get the removed pair
    // back, and the junior mentor's one place is kept: no mentor is left for them.
    for pair in before.pairs.iter().filter(|p| p.project != with_senior) {
        assert!(
            again.pairs.iter().any(|p| p.project == pair.project
                && p.mentor == pair.mentor
                && p.score == pair.score),
            "kept: {pair:?} in {again:?}"
        );
    }
    assert_eq!(again.mentor_of(with_senior), None, "{again:?}");
    assert_eq!(again.matched as usize, before.pairs.len() - 1);
    let html = app.get_html(&second).await;
    assert!(
        html.contains(
            "Une paire retirée lors d&#39;une relecture précédente ne sera plus proposée."
        ),
        "{html}"
    );
    // The draft recomputed says where the new one is, and can no longer be published.
    let old = app.get_html(&first).await;
    assert!(old.contains("Cette proposition a été recalculée"), "{old}");
    assert!(old.contains(&format!(r#"href="{second}""#)));
    assert!(!old.contains("/publier") && !old.contains("/recalculer"));
    let refused = app
        .post_form(&format!("{first}/publier"), &[("confirm", "1")])
        .await;
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("seule la nouvelle peut être modifiée ou publiée")
    );
    let yacine = signed_in(&app, "yacine@exemple.fr").await;
    assert!(
        space_of(&yacine).await.incoming.is_empty(),
        "no request from the refused publication"
    );
    // A second review: the junior's pair removed too. Neither removed pair comes back;
    // each porteur gets the other mentor.
    app.post_form(
        &format!("{second}/retirer"),
        &[("project", &with_junior.to_string())],
    )
    .await;
    let made = app.post_form(&format!("{second}/recalculer"), &[]).await;
    let third = location(&made);
    let last = proposal_at(&app, &third).await;
    assert_eq!(last.mentor_of(with_senior), Some(junior), "{last:?}");
    assert_eq!(last.mentor_of(with_junior), Some(senior), "{last:?}");
    assert!(
        app.get_html(&third)
            .await
            .contains("2 paires retirées lors des relectures précédentes")
    );
    // Published: the requests go to the mentors of the last draft.
    app.post_form(&format!("{third}/publier"), &[("confirm", "1")])
        .await;
    assert_eq!(
        request_of(&app, with_junior, senior).await.as_deref(),
        Some(SENT)
    );
}

#[tokio::test]
async fn circles_matched_together_share_out_a_mentors_places_in_one_proposal() {
    let app = compiegne_coordinator().await;
    let compiegne = mentorat_app::demo::demo_id("circle/compiegne");
    let beauvais = mentorat_app::demo::demo_id("circle/beauvais");
    // One place, wanted by a Wolof porteur in each circle (Beauvais' accepts remote).
    let mentor = "Xavier E.";
    named_mentor(
        &app,
        "Xavier",
        "xavier@exemple.fr",
        &MentorForm {
            languages: vec!["wo".into()],
            remote: true,
            ..mentor_form("1")
        },
    )
    .await;
    let (_, near) = validated_porteur_with(&app, "Awa", "awa@exemple.fr", &wolof_form()).await;
    let (_, far) = validated_porteur_with(
        &app,
        "Bintou",
        "bintou@exemple.fr",
        &ProjectForm {
            commune: "60057".into(),
            remote: true,
            ..wolof_form()
        },
    )
    .await;
    let record = |project: Uuid| format!("/coordination/projets/{project}");
    let together = |circles: &[Uuid]| {
        let mut form = vec![("together".to_owned(), "1".to_owned())];
        form.extend(
            circles
                .iter()
                .map(|c| ("circles".to_owned(), c.to_string())),
        );
        form
    };
    let app = &app;
    let post = |form: Vec<(String, String)>| async move {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.post_form("/coordination/appariements", &form).await
    };
    // A coordinator of Compiègne alone: the far porteur is Beauvais', not theirs to
    // read or match, and there is no form for several circles.
    assert_eq!(app.get(&record(near)).await.status(), 200);
    assert_eq!(app.get(&record(far)).await.status(), 403, "in Beauvais");
    assert!(
        !app.get_html("/coordination")
            .await
            .contains("Apparier plusieurs cercles ensemble")
    );
    assert_eq!(post(together(&[compiegne, beauvais])).await.status(), 403);
    // Coordinator of both: each circle alone gives the one place to its own porteur
    // (two drafts that cannot both be published), both together give it once.
    let coordinator = app
        .account_id("coordination.compiegne@mentorat.example")
        .await;
    let mut tx = app.app.store.begin().await.unwrap();
    tx.grant_role(
        coordinator,
        &mentorat_domain::RoleGrant::coordinator(beauvais),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(app.get(&record(far)).await.status(), 200);
    let page = app.get_html("/coordination").await;
    assert!(
        page.contains("Apparier plusieurs cercles ensemble"),
        "{page}"
    );
    assert!(page.contains(&format!(r#"name="circles" value="{beauvais}""#)));
    let alone = proposal_at(app, &propose_in_compiegne(app, &[]).await).await;
    assert_eq!(alone.with(mentor), [near]);
    let made = post(vec![("circle".into(), beauvais.to_string())]).await;
    assert_eq!(proposal_at(app, &location(&made)).await.with(mentor), [far]);
    let made = post(together(&[beauvais, compiegne])).await;
    assert_eq!(made.status(), 303);
    let at = location(&made);
    let both = proposal_at(app, &at).await;
    let given = both.with(mentor);
    assert_eq!(given.len(), 1, "{both:?}");
    let other = if given[0] == near {
        "Un atelier de couture — Bintou E."
    } else {
        "Un atelier de couture — Awa E."
    };
    let full = "les mentors qui lui correspondent ont leurs places prises par d'autres paires.";
    assert!(
        both.without_mentor
            .contains(&(other.to_owned(), full.to_owned())),
        "{both:?}"
    );
    let html = app.get_html(&at).await;
    assert!(
        html.contains("Cercles appariés ensemble : Beauvais, Compiègne.")
            || html.contains("Cercles appariés ensemble : Compiègne, Beauvais."),
        "{html}"
    );
    // How the proposal is recorded: no one circle, both circles' (no page shows more
    // than the line above).
    let id: Uuid = at.rsplit('/').next().unwrap().parse().unwrap();
    let (record, _) = app.app.proposal(id).await.unwrap();
    assert_eq!(record.circle_id, None);
    assert_eq!(app.app.proposal_circles(&record).await.unwrap(), {
        let mut both = vec![compiegne, beauvais];
        both.sort();
        both
    });
    // The demo's Compiègne porteurs are in it too.
    assert!(both.pairs.len() > 1);
    // One circle ticked is not a set.
    let refused = post(together(&[compiegne])).await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Cochez au moins deux cercles à apparier ensemble.")
    );
}

#[tokio::test]
async fn a_batch_proposal_leaves_out_a_porteur_whose_request_waits_for_an_answer() {
    let app = compiegne_coordinator().await;
    let project = mentorat_app::demo::demo_id("project/porteur@mentorat.example");
    let first = proposal_at(&app, &propose_in_compiegne(&app, &[]).await).await;
    let mentor = first
        .mentor_of(project)
        .expect("the demo porteur is paired")
        .to_owned();
    // The porteur asks that mentor before the proposal is published.
    let porteur = signed_in(&app, "porteur@mentorat.example").await;
    let asked = ask(
        &porteur,
        project,
        mentor_named(&app, &mentor).await,
        "Bonjour !",
    )
    .await;
    assert_eq!(location(&asked), "/mon-espace?avis=demande-envoyee");
    let again = proposal_at(&app, &propose_in_compiegne(&app, &[]).await).await;
    assert!(
        !again
            .pairs
            .iter()
            .any(|p| p.project == project && p.mentor == mentor),
        "{again:?}"
    );
    // While that request waits for an answer, the porteur is not proposed another
    // mentor (issue 21: proposals respect what was decided).
    assert!(
        again.mentor_of(project).is_none(),
        "a porteur whose request waits is left out: {again:?}"
    );
}
