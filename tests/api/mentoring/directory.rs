//! The directory of suggested mentors: privacy before a match, filters, reasons and
//! scores (the same on the coordinator's record), the fields of experience, and the
//! shared index of mentors following every change.

use super::*;
use mentorat_domain::territory::Proximity;

/// A mentor as the directory shows them.
#[derive(Debug, Clone)]
struct Card {
    /// From the card's request form.
    mentor: Uuid,
    name: String,
    score: i64,
    reasons: Vec<String>,
    commune: String,
    /// « Label — N ans »
    domains: Vec<String>,
    bio: String,
    /// The languages spelled out, as « Parle : » lists them.
    languages: Vec<String>,
}

/// The cards of a directory page, in its order.
fn cards_in(html: &str) -> Vec<Card> {
    let Some(list) = between(html, r#"<ul class="cards">"#, "</main>") else {
        return Vec::new();
    };
    cards(list)
        .map(|card| {
            let mut rest = &card[card.find(r#"<p class="score">"#).unwrap()..];
            rest = &rest[rest.find("</p>").unwrap() + 4..];
            let mut reasons = Vec::new();
            if let Some(list) = rest.trim_start().strip_prefix(r#"<ul class="reasons">"#) {
                let list = &list[..list.find("</ul>").unwrap()];
                reasons = all_between(list, "<li>", "</li>")
                    .into_iter()
                    .map(unescape)
                    .collect();
                rest = &rest[rest.find("</ul>").unwrap() + 5..];
            }
            let commune = text_between(rest, "<p>", "</p>");
            rest = &rest[rest.find("</p>").unwrap() + 4..];
            let domains = between(rest, "<ul>", "</ul>").unwrap();
            rest = &rest[rest.find("</ul>").unwrap() + 5..];
            Card {
                mentor: between(card, r#"name="mentor" value=""#, "\"")
                    .unwrap()
                    .parse()
                    .unwrap(),
                name: text_between(card, r#"<h2 class="h3">"#, "</h2>"),
                score: between(card, "Correspondance : ", " sur 100")
                    .unwrap()
                    .parse()
                    .unwrap(),
                reasons,
                commune,
                domains: all_between(domains, "<li>", "</li>")
                    .into_iter()
                    .map(unescape)
                    .collect(),
                bio: text_between(rest, "<p>", "</p>"),
                languages: between(card, "Parle : ", "</p>")
                    .map(|l| l.split(", ").map(unescape).collect())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The choices of a select of a page: (value, label).
fn options(html: &str, select: &str) -> Vec<(String, String)> {
    let list = between(html, &format!(r#"<select id="{select}""#), "</select>").unwrap();
    all_between(list, "<option value=\"", "</option>")
        .into_iter()
        .filter_map(|o| {
            let (value, label) = o.split_once('"')?;
            let label = &label[label.find('>')? + 1..];
            (!value.is_empty()).then(|| (value.to_owned(), unescape(label)))
        })
        .collect()
}

/// The demo porteur's project, and their browser on its directory.
async fn demo_porteur(app: &TestApp) -> (Uuid, Browser<'_>) {
    let project = mentorat_app::demo::demo_id("project/porteur@mentorat.example");
    (project, signed_in(app, "porteur@mentorat.example").await)
}

async fn directory_of(porteur: &Browser<'_>, project: Uuid, filters: &str) -> String {
    porteur
        .get_html(&format!("/annuaire?projet={project}{filters}"))
        .await
}

#[tokio::test]
async fn the_directory_never_shows_a_mentors_address_or_phone_before_a_match() {
    let app = spawn_demo_app().await;
    let (project, porteur) = demo_porteur(&app).await;
    let html = directory_of(&porteur, project, "").await;
    assert!(
        html.contains("Michel M."),
        "the demo mentor is listed by first name and initial"
    );
    assert!(html.contains("Création d&#39;entreprise — 15 ans"));
    assert!(!html.contains("Mentor</"), "no last name");
    let body = &html[html.find("<main").unwrap()..];
    assert!(!body.contains('@'), "no e-mail address on the directory");
    assert!(!has_phone(&visible_text(body)), "no phone number");
    let filtered = directory_of(&porteur, project, "&niveau=same_commune&domaine=commerce").await;
    assert!(
        filtered.contains("Michel M."),
        "the demo mentor lives in Compiègne too"
    );
    let far = directory_of(
        &porteur,
        project,
        "&domaine=agriculture&niveau=same_commune",
    )
    .await;
    assert!(far.contains("Aucun mentor disponible avec ces critères"));
    let french = directory_of(&porteur, project, "&langue=fr").await;
    assert!(
        french.contains("Michel M."),
        "the demo mentor speaks French"
    );
    assert!(french.contains("Parle : Français"));
    let arabic = directory_of(&porteur, project, "&langue=ar").await;
    assert!(
        !arabic.contains("Michel M.")
            && arabic.contains("Aucun mentor disponible avec ces critères"),
        "no demo mentor has said they speak Arabic"
    );
}

/// The text of a page, without its tags (attribute values are not shown to people).
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether the text holds a French or Belgian phone number (ten digits starting with 0,
/// or +33/+32, with optional spaces, dots or dashes).
fn has_phone(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        if !(chars[start] == '0' || chars[start] == '+') {
            continue;
        }
        let mut digits = 0;
        for c in &chars[start..] {
            if c.is_ascii_digit() {
                digits += 1;
            } else if !" .-+".contains(*c) {
                break;
            }
            if digits >= 10 {
                return true;
            }
        }
    }
    false
}

#[test]
fn the_phone_detector_sees_phones() {
    assert!(has_phone("appelez le 06 12 34 56 78 !"));
    assert!(has_phone("+33 6 12 34 56 78"));
    assert!(!has_phone("15 ans, 2 éditions, 2026"));
}

#[tokio::test]
async fn the_national_team_edits_the_fields_of_experience() {
    let app = spawn_demo_app().await;
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let edited = admin
        .post_form(
            "/admin/domaines/commerce",
            &[
                ("label_fr", "Commerce de proximité"),
                ("label_en", "Local retail"),
                ("synonyms_fr", "boutique, épicerie"),
                ("synonyms_en", "shop"),
            ],
        )
        .await;
    assert_eq!(edited.status(), 303);
    let page = admin.get_html("/admin/domaines").await;
    let commerce = between(&page, r#"id="d-commerce">"#, "</form>").unwrap();
    assert!(commerce.contains(r#"<h2 class="h3">Commerce de proximité</h2>"#));
    assert!(
        commerce.contains(r#"value="Local retail""#) && commerce.contains("boutique, épicerie")
    );
    assert_eq!(page.matches(r#"action="/admin/domaines/"#).count(), 26);
    let empty = admin
        .post_form(
            "/admin/domaines/commerce",
            &[("label_fr", ""), ("label_en", "x")],
        )
        .await;
    assert_eq!(empty.status(), 422);
    // Porteurs read the new name: the demo mentor's second field.
    let (project, porteur) = demo_porteur(&app).await;
    let michel = cards_in(&directory_of(&porteur, project, "").await)
        .into_iter()
        .find(|c| c.name == "Michel M.")
        .unwrap();
    assert!(
        michel
            .domains
            .contains(&"Commerce de proximité — 10 ans".to_owned()),
        "{michel:?}"
    );
}

#[tokio::test]
async fn a_porteur_who_accepts_remote_mentoring_is_offered_a_remote_mentor_from_afar() {
    let app = spawn_demo_app().await;
    // In Marseille, mentoring remotely, in a field no demo mentor has.
    let far = MentorForm {
        domains: vec![("international".into(), "8".into())],
        commune: "13055".into(),
        remote: true,
        ..mentor_form("2")
    };
    let far = approved_mentor_with(&app, "loin@exemple.fr", &far).await;
    let project = |remote| ProjectForm {
        domains: vec!["international".into()],
        remote,
        ..project_form(1990)
    };
    let (_, remote) =
        validated_porteur_with(&app, "Porteur", "distance@exemple.fr", &project(true)).await;
    let (_, near) =
        validated_porteur_with(&app, "Porteur", "proche@exemple.fr", &project(false)).await;
    let offered = |email: &'static str, project: Uuid| {
        let app = &app;
        async move {
            let porteur = signed_in(app, email).await;
            cards_in(&directory_of(&porteur, project, "").await)
        }
    };
    let from_afar = offered("distance@exemple.fr", remote).await;
    let mentor = from_afar
        .iter()
        .find(|c| c.mentor == far)
        .expect("the remote mentor is offered");
    assert!(
        mentor
            .reasons
            .contains(&"Accompagnement à distance possible".to_owned()),
        "{mentor:?}"
    );
    assert_eq!(mentor.commune, "Marseille");
    assert!(
        offered("proche@exemple.fr", near)
            .await
            .iter()
            .all(|c| c.mentor != far),
        "not to a porteur who wants to meet in person"
    );
    // The coordinator reading the project sees it.
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let said = "Le porteur accepte un accompagnement à distance.";
    let page = coordinator
        .get_html(&format!("/coordination/projets/{remote}"))
        .await;
    assert!(page.contains(said), "{page}");
    let page = coordinator
        .get_html(&format!("/coordination/projets/{near}"))
        .await;
    assert!(!page.contains(said));
}

#[tokio::test]
async fn the_demo_porteur_is_first_suggested_a_compiegne_mentor_of_the_field_for_true_reasons() {
    let app = spawn_demo_app().await;
    let (id, porteur) = demo_porteur(&app).await;
    let html = directory_of(&porteur, id, "").await;
    let suggestions = cards_in(&html);
    assert!(!suggestions.is_empty() && suggestions.len() <= 10);
    let top = &suggestions[0];
    // What is true of the project and the mentor, to hold the page's words against.
    let project = app.demo_porteur_project().await;
    let labels = options(&html, "domaine");
    let label = |code: &str| labels.iter().find(|(c, _)| c == code).unwrap().1.clone();
    let project_fields: Vec<String> = app
        .app
        .store
        .project_domains(project.id)
        .await
        .unwrap()
        .iter()
        .map(|code| label(code))
        .collect();
    let t = mentorat_app::territories::territories();
    let home = t.commune(&project.commune_code).unwrap();
    let mentor = app.app.mentor_profile(top.mentor).await.unwrap();
    let commune = t.commune(&mentor.commune_code).unwrap();
    assert_eq!(top.commune, commune.name);
    assert_eq!(
        commune.epci.as_deref(),
        Some("200067965"),
        "in the Compiègne agglomeration: {}",
        commune.name
    );
    let has_field = |field: &str| {
        top.domains
            .iter()
            .any(|d| d.starts_with(&format!("{field} — ")))
    };
    assert!(
        project_fields.iter().any(|f| has_field(f)),
        "in the project's field: {top:?}"
    );
    let analyzer = mentorat_matching::Analyzer::default();
    let project_words: Vec<String> = analyzer
        .words(&format!("{} {}", project.title, project.description))
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    let mentor_text = analyzer.words(&format!("{} {}", top.bio, top.domains.join(" ")));
    let near = mentorat_domain::territory::proximity(home, commune);
    for reason in &top.reasons {
        if let Some(field) = reason.strip_prefix("Même domaine : ") {
            assert!(
                has_field(field) && project_fields.iter().any(|f| f == field),
                "{reason}"
            );
        } else if reason == "Même commune" {
            assert_eq!(near, Proximity::SameCommune);
        } else if let Some(name) = reason.strip_prefix("Même intercommunalité : ") {
            assert_eq!(near, Proximity::SameIntercommunality);
            assert_eq!(name, t.epci_of(home).unwrap().name);
        } else if let Some(name) = reason.strip_prefix("Même département : ") {
            assert_eq!(near, Proximity::SameDepartement);
            assert_eq!(name, t.departement_of(home).unwrap().name);
        } else if let Some(words) = reason.strip_prefix("Mots communs : ") {
            for w in words.split(", ") {
                let folded = analyzer.words(w).into_iter().map(|(_, f)| f).next();
                assert!(
                    folded.is_some_and(|f| project_words.contains(&f)),
                    "{w} is in the project"
                );
                // As a person wrote it, accents kept: the mentor's word, else the porteur's.
                assert!(
                    top.bio.to_lowercase().contains(w)
                        || format!("{} {}", project.title, project.description)
                            .to_lowercase()
                            .contains(w),
                    "{w} is written so, not folded"
                );
                let stem = analyzer.stems(w);
                assert!(
                    mentor_text.iter().any(|(s, _)| stem.contains(s)) || !top.bio.is_empty(),
                    "{w} is in the mentor's text"
                );
            }
        } else if let Some((years, field)) = reason.split_once(" ans en ") {
            assert!(
                top.domains.contains(&format!("{field} — {years} ans")),
                "{reason}"
            );
        }
    }
    assert!(
        top.reasons.iter().any(|r| r.starts_with("Même domaine : ")),
        "{top:?}"
    );
    // In the porteur's words.
    assert!(
        html.contains("Même domaine : Création d&#39;entreprise")
            || html.contains("Même domaine : Commerce")
    );
    assert!(
        html.contains("Même commune")
            || html.contains(
                "Même intercommunalité : CA de la Région de Compiègne et de la Basse Automne"
            )
    );
}

#[tokio::test]
async fn the_coordinator_reads_a_validated_projects_suggestions_with_scores_as_the_porteur_does() {
    let app = spawn_demo_app().await;
    let (project, porteur) = demo_porteur(&app).await;
    // The porteur's directory: each mentor with their score, the engine's ten best.
    let directory = directory_of(&porteur, project, "").await;
    let suggestions = cards_in(&directory);
    assert!(!suggestions.is_empty() && suggestions.len() <= 10);
    assert_eq!(
        directory.matches("Correspondance : ").count(),
        suggestions.len()
    );
    let engine = app
        .app
        .suggestions(&app.demo_porteur_project().await, None, None, None)
        .await
        .unwrap();
    assert_eq!(
        suggestions
            .iter()
            .map(|c| (c.mentor, c.score))
            .collect::<Vec<_>>(),
        engine
            .iter()
            .map(|s| (s.card.user_id, s.points))
            .collect::<Vec<_>>()
    );
    // The coordinator's record of the project: the same ten, in the same order.
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let record = coordinator
        .get_html(&format!("/coordination/projets/{project}"))
        .await;
    assert!(record.contains("Mentors suggérés"), "{record}");
    let listed =
        cards(between(&record, r#"<h2 id="suggested-title">"#, "</section>").unwrap()).count();
    assert_eq!(listed, suggestions.len(), "{record}");
    let mut at = 0;
    for s in &suggestions {
        let entry = format!(
            "<strong>{}</strong> — Correspondance : {} sur 100",
            s.name, s.score
        );
        let found = record[at..]
            .find(&entry)
            .unwrap_or_else(|| panic!("{entry} after the ones before: {record}"));
        at += found + entry.len();
    }
    assert!(record.contains("Même domaine"));
    // A project still under review has no suggestions yet.
    let awa = person(&app, "Awa", "awa@exemple.fr").await;
    let waiting = app
        .app
        .submit_project(awa, &project_form(1990))
        .await
        .unwrap();
    let record = coordinator
        .get_html(&format!("/coordination/projets/{waiting}"))
        .await;
    assert!(!record.contains("Mentors suggérés"), "{record}");
}

/// Xavier, a grocer for 30 years approved next door to the demo porteur, in their field,
/// with one place: a mentor their directory suggests.
async fn grocer_next_door(app: &TestApp) -> Uuid {
    approved_mentor_with(
        app,
        "xavier@exemple.fr",
        &MentorForm {
            bio:
                "Épicier pendant 30 ans, j'aide à créer son entreprise et son plan de financement."
                    .into(),
            domains: vec![("creation-entreprise".into(), "30".into())],
            ..mentor_form("1")
        },
    )
    .await
}

#[tokio::test]
async fn the_shared_index_of_mentors_follows_every_change_of_the_mentors() {
    let app = spawn_demo_app().await;
    let (project, porteur) = demo_porteur(&app).await;
    let suggested = || {
        let porteur = &porteur;
        async move { cards_in(&directory_of(porteur, project, "").await) }
    };
    let offers = |cards: &[Card], mentor: Uuid| cards.iter().any(|c| c.mentor == mentor);
    // Read and indexed once while nothing changes (only the platform sees that).
    let first = app.app.mentor_pool().await.unwrap();
    let again = app.app.mentor_pool().await.unwrap();
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "read and indexed once while nothing changes"
    );
    let before = suggested().await;
    assert_eq!(
        suggested()
            .await
            .iter()
            .map(|c| (c.mentor, c.score))
            .collect::<Vec<_>>(),
        before
            .iter()
            .map(|c| (c.mentor, c.score))
            .collect::<Vec<_>>(),
        "the same directory from the same index"
    );
    // A mentor approved next door, in the field, with one place: suggested at once.
    let newcomer = grocer_next_door(&app).await;
    let after = app.app.mentor_pool().await.unwrap();
    assert!(!std::sync::Arc::ptr_eq(&first, &after));
    let now = suggested().await;
    assert!(offers(&now, newcomer), "{now:?}");
    // The field renamed by the national team: the reasons say the new name.
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let renamed = admin
        .post_form(
            "/admin/domaines/creation-entreprise",
            &[
                ("label_fr", "Créer son entreprise"),
                ("label_en", "Starting a business"),
                ("synonyms_fr", ""),
                ("synonyms_en", ""),
            ],
        )
        .await;
    assert_eq!(renamed.status(), 303);
    let now = suggested().await;
    assert!(
        now.iter()
            .flat_map(|c| &c.reasons)
            .any(|r| r == "Même domaine : Créer son entreprise"),
        "{now:?}"
    );
    // Their one place taken by another porteur: no longer suggested. The index is the
    // one already built, changed in place (only the platform sees that).
    let renamed_index = app.app.mentor_pool().await.unwrap();
    let (_, other_project) = validated_porteur(&app, "awa@exemple.fr", 1990).await;
    let mentorship = accepted(&app, other_project, newcomer)
        .await
        .expect("a mentorship");
    let now = suggested().await;
    assert!(!offers(&now, newcomer), "{now:?}");
    // The relationship closed by the mentor: their place is free, suggested again.
    let mentor = signed_in(&app, "xavier@exemple.fr").await;
    let closed = mentor
        .post_form(
            &format!("/mentorats/{mentorship}/cloture"),
            &[("reason", "Projet lancé"), ("confirm", "1")],
        )
        .await;
    assert_eq!(closed.status(), 303);
    let now = suggested().await;
    assert!(offers(&now, newcomer), "{now:?}");
    assert!(
        std::sync::Arc::ptr_eq(&renamed_index, &app.app.mentor_pool().await.unwrap()),
        "places taken and freed change the index in place"
    );
}

/// At the network's size the index is rebuilt aside when a mentor is approved: the
/// directory keeps answering from the index it has, and the newcomer shows as soon as
/// the new one is built (within seconds).
#[tokio::test]
async fn a_mentor_approved_in_a_large_network_shows_once_the_index_is_rebuilt_aside() {
    let app = spawn_demo_app().await;
    load_network(&app, 0.2).await;
    let (project, porteur) = demo_porteur(&app).await;
    let before = cards_in(&directory_of(&porteur, project, "").await);
    assert!(!before.is_empty());
    let first = app.app.mentor_pool().await.unwrap();
    assert!(first.len() >= 2_000, "a large index: {}", first.len());
    let newcomer = grocer_next_door(&app).await;
    // Every answer meanwhile is a whole directory; the newcomer comes within seconds.
    let mut shown = false;
    for _ in 0..100 {
        let cards = cards_in(&directory_of(&porteur, project, "").await);
        assert!(!cards.is_empty());
        if cards.iter().any(|c| c.mentor == newcomer) {
            shown = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        shown,
        "the approved mentor is suggested once the index is rebuilt"
    );
    assert!(!std::sync::Arc::ptr_eq(
        &first,
        &app.app.mentor_pool().await.unwrap()
    ));
}

#[tokio::test]
async fn a_directory_filter_keeps_the_scores_and_order_of_the_mentors_it_keeps() {
    let app = spawn_demo_app().await;
    let (project, porteur) = demo_porteur(&app).await;
    let html = directory_of(&porteur, project, "").await;
    let all = cards_in(&html);
    let (fields, languages) = (options(&html, "domaine"), options(&html, "langue"));
    let name = |list: &[(String, String)], code: &str| {
        list.iter().find(|(c, _)| c == code).unwrap().1.clone()
    };
    let t = mentorat_app::territories::territories();
    let home = t
        .commune(&app.demo_porteur_project().await.commune_code)
        .unwrap();
    let (mut some_kept, mut some_left_out) = (false, false);
    for (domain, level, language) in [
        (Some("commerce"), None, None),
        (None, Some(("same_commune", Proximity::SameCommune)), None),
        (None, None, Some("en")),
        (
            Some("creation-entreprise"),
            Some(("same_intercommunality", Proximity::SameIntercommunality)),
            Some("fr"),
        ),
    ] {
        let query: String = [
            domain.map(|d| format!("&domaine={d}")),
            level.map(|(l, _)| format!("&niveau={l}")),
            language.map(|l| format!("&langue={l}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let filtered = cards_in(&directory_of(&porteur, project, &query).await);
        // Where each mentor lives is on their card; the territories say how near.
        let passes = |card: &Card| {
            let (app, card) = (&app, card.clone());
            let (field, spoken) = (
                domain.map(|d| name(&fields, d)),
                language.map(|l| name(&languages, l)),
            );
            async move {
                let mentor = app.app.mentor_profile(card.mentor).await.unwrap();
                let commune = t.commune(&mentor.commune_code).unwrap();
                assert_eq!(card.commune, commune.name);
                let near = mentorat_domain::territory::proximity(home, commune);
                field.is_none_or(|f| {
                    card.domains
                        .iter()
                        .any(|d| d.starts_with(&format!("{f} — ")))
                }) && level.is_none_or(|(_, max)| near <= max)
                    && spoken.is_none_or(|l| card.languages.contains(&l))
            }
        };
        for card in &filtered {
            assert!(passes(card).await, "{} passes {query}", card.name);
        }
        // The unfiltered ten that pass come first, with the same scores.
        let mut kept = Vec::new();
        for card in &all {
            if passes(card).await {
                kept.push((card.mentor, card.score));
            }
        }
        let first: Vec<_> = filtered
            .iter()
            .take(kept.len())
            .map(|c| (c.mentor, c.score))
            .collect();
        assert_eq!(first, kept, "{query}");
        assert!(filtered.len() <= 10);
        some_kept |= !kept.is_empty();
        some_left_out |= kept.len() < all.len();
    }
    assert!(
        some_kept && some_left_out,
        "the filters keep some, leave out others"
    );
}

#[tokio::test]
async fn a_mentor_once_asked_is_never_suggested_again_to_that_porteur() {
    let app = spawn_demo_app().await;
    let (project, porteur) = demo_porteur(&app).await;
    let before = cards_in(&directory_of(&porteur, project, "").await);
    let asked = before[0].mentor;
    let sent = ask(&porteur, project, asked, "Bonjour, pouvez-vous m'aider ?").await;
    assert_eq!(location(&sent), "/mon-espace?avis=demande-envoyee");
    let after = cards_in(&directory_of(&porteur, project, "").await);
    assert!(after.iter().all(|c| c.mentor != asked));
    assert_eq!(after[0].mentor, before[1].mentor, "the next one moves up");
}

#[tokio::test]
async fn an_empty_directory_says_why_and_what_comes_next() {
    let app = spawn_demo_app().await;
    let (awa, project) = validated_porteur_with(&app, "Awa", "awa@exemple.fr", &wolof_form()).await;
    let browser = signed_in_as(&app, awa).await;
    let at = format!("/annuaire?projet={project}");
    let nobody = "Aucun mentor disponible ne correspond encore à votre projet.";
    let all_asked = "Vous avez déjà écrit à tous les mentors qui correspondent à votre projet.";
    let filters = "Aucun mentor disponible avec ces critères.";
    let html = unescape(&browser.get_html(&at).await);
    assert!(html.contains(nobody), "no mentor speaks Wolof yet: {html}");

    // A mentor who speaks Wolof: suggested, then asked.
    let form = MentorForm {
        languages: vec!["wo".into(), "fr".into()],
        ..mentor_form("2")
    };
    let mentor = approved_mentor_with(&app, "moussa@exemple.fr", &form).await;
    let html = unescape(&browser.get_html(&at).await);
    assert!(
        !html.contains(nobody) && !html.contains(all_asked),
        "{html}"
    );
    let html = unescape(&browser.get_html(&format!("{at}&langue=ar")).await);
    assert!(html.contains(filters), "a filter leaves nobody: {html}");
    assert_eq!(
        ask(&browser, project, mentor, "Bonjour").await.status(),
        303
    );
    let html = unescape(&browser.get_html(&at).await);
    assert!(html.contains(all_asked), "{html}");
    assert!(!html.contains(filters) && !html.contains(nobody));
}
