//! Every list the national team reads downloads whole, as a French spreadsheet opens
//! it (BOM, `;`, CRLF: read back here by our spreadsheet reader), with the page's
//! filter kept, and each download is in the audit log.

use crate::mentoring::signed_in;
use mentorat_domain::spreadsheet::{self, Sheet};

/// The lists downloaded so far, as the audit log names them (once its writes settle).
pub(crate) async fn exported(app: &crate::helpers::TestApp) -> Vec<String> {
    app.app.deferred.settle().await;
    let filter = mentorat_app::admin::AuditQuery {
        action: Some("list_exported".into()),
        ..Default::default()
    };
    let (entries, _) = app.app.audit_log(&filter, 0, 100).await.unwrap();
    entries.into_iter().map(|e| e.detail).collect()
}

/// The CSV at `path`, read as a spreadsheet reads it.
async fn sheet(client: &crate::helpers::Browser<'_>, path: &str) -> Sheet {
    let response = client.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8",
        "{path}"
    );
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{path}: a BOM for Excel"
    );
    spreadsheet::read(&bytes).unwrap()
}

#[tokio::test]
async fn the_national_teams_lists_download_whole_with_their_filter_and_are_logged() {
    let app = crate::helpers::spawn_demo_app().await;
    // A contact message and a request to host, so that the inboxes hold something.
    let client = mentorat_app::auth::Client {
        ip: "10.4.5.6".parse().unwrap(),
        device: None,
    };
    app.app
        .send_contact_message(
            "press",
            "Jeanne Presse",
            "jeanne.presse@exemple.fr",
            "Une interview pour notre journal ?",
            mentorat_domain::Locale::Fr,
            &client,
        )
        .await
        .unwrap();
    let admin = signed_in(&app, "admin@mentorat.example").await;

    // The circles, every one with its figures.
    let page = admin.get_html("/admin/cercles").await;
    assert!(page.contains("href=\"/admin/cercles.csv\""));
    let circles = sheet(&admin, "/admin/cercles.csv").await;
    assert_eq!(
        circles.header,
        [
            "Cercle",
            "État",
            "Code commune",
            "Mentors actifs",
            "Projets accompagnés",
            "Éditions",
            "Lien"
        ]
    );
    let all = app.app.circles().await.unwrap();
    assert_eq!(circles.rows.len(), all.len());
    let compiegne = all
        .iter()
        .find(|c| c.circle.slug.as_str() == "compiegne")
        .unwrap();
    let line = circles
        .rows
        .iter()
        .find(|r| r.cells[0] == "Compiègne")
        .expect("Compiègne's line");
    assert_eq!(line.cells[2], "60159");
    assert_eq!(line.cells[3], compiegne.active_mentors.to_string());

    // The launches, step by step.
    let page = admin.get_html("/admin/lancements").await;
    assert!(page.contains("href=\"/admin/lancements.csv\""));
    let launches = sheet(&admin, "/admin/lancements.csv").await;
    let (_, total) = app.app.launches(0, 1).await.unwrap();
    assert_eq!(launches.rows.len() as i64, total);
    assert_eq!(launches.header[0], "Cercle");
    assert!(launches.header.len() > 3, "a column per step");

    // The audit log, as filtered: the sign-ins only.
    let page = admin.get_html("/admin/journal?action=sign_in").await;
    assert!(
        page.contains("href=\"/admin/journal.csv?action=sign_in\""),
        "the export keeps the filter"
    );
    let log = sheet(&admin, "/admin/journal.csv?action=sign_in").await;
    assert!(!log.rows.is_empty());
    assert!(
        log.rows.iter().all(|r| r.cells[1] == "Connexion"),
        "{:?}",
        log.rows
    );
    assert!(
        log.rows
            .iter()
            .any(|r| r.cells[2].contains("admin@mentorat.example"))
    );

    // The inboxes.
    let messages = sheet(&admin, "/admin/messages.csv?etat=new").await;
    let jeanne = messages
        .rows
        .iter()
        .find(|r| r.cells[3] == "jeanne.presse@exemple.fr")
        .expect("the new message");
    assert_eq!(jeanne.cells[1], "Presse");
    assert!(
        sheet(&admin, "/admin/messages.csv?etat=done")
            .await
            .rows
            .iter()
            .all(|r| r.cells[3] != "jeanne.presse@exemple.fr")
    );
    // The outbox: to whom, what, where it stands; never the bodies.
    let outbox = sheet(&admin, "/admin/courriels.csv").await;
    assert_eq!(outbox.header, ["Créé le", "Destinataire", "Objet", "État"]);
    let (_, total) = app.app.outbox(0, 1).await.unwrap();
    assert_eq!(outbox.rows.len() as i64, total);
    assert!(outbox.rows.iter().all(|r| r.cells.len() == 4));
    let requests = sheet(&admin, "/admin/demandes.csv").await;
    let (_, total) = app.app.hosting_requests(0, 1).await.unwrap();
    assert_eq!(requests.rows.len() as i64, total);

    // Each download is in the audit log.
    let what = exported(&app).await;
    for list in [
        "circles",
        "launches",
        "audit_log",
        "contact_messages",
        "hosting_requests",
        "outbox",
    ] {
        assert!(what.iter().any(|w| w == list), "{list} in {what:?}");
    }

    // The audit log's page names them, and filters on them.
    let page =
        crate::mentoring::unescape(&admin.get_html("/admin/journal?action=list_exported").await);
    assert!(page.contains("<td>Export de liste</td>"), "{page}");

    // Not for a coordinator.
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    for path in [
        "/admin/cercles.csv",
        "/admin/lancements.csv",
        "/admin/journal.csv",
        "/admin/messages.csv",
        "/admin/demandes.csv",
        "/admin/courriels.csv",
    ] {
        assert_eq!(coordinator.get(path).await.status(), 403, "{path}");
    }
}

#[tokio::test]
async fn a_long_audit_log_says_more_than_ten_thousand_and_its_filters_still_count() {
    let app = crate::helpers::spawn_demo_app().await;
    let mentor = app.account_id("mentor@mentorat.example").await;
    let mut tx = app.app.store.begin().await.unwrap();
    for _ in 0..10_010 {
        tx.audit(Some(mentor), "mentee_viewed", Some(mentor), "")
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let page = crate::mentoring::unescape(&admin.get_html("/admin/journal").await);
    assert!(page.contains("Plus de 10"), "{page}");
    assert!(page.contains("000 entrées"), "{page}");
    // A narrower filter counts exactly.
    let sign_ins = mentorat_app::admin::AuditQuery {
        action: Some("sign_in".into()),
        ..Default::default()
    };
    let (_, n) = app.app.audit_log(&sign_ins, 0, 1).await.unwrap();
    assert!((1..10).contains(&n));
    let page = crate::mentoring::unescape(&admin.get_html("/admin/journal?action=sign_in").await);
    let said = if n == 1 {
        "1 entrée".to_owned()
    } else {
        format!("{n} entrées")
    };
    assert!(page.contains(&format!(">{said}<")), "{said}: {page}");
    assert!(!page.contains("Plus de 10"), "{page}");
}

#[tokio::test]
async fn a_proposal_downloads_with_every_pair_and_every_porteur_left_without_a_mentor() {
    let app = crate::helpers::spawn_demo_app().await;
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let sent = coordinator
        .post_form(
            "/coordination/appariements",
            &[(
                "circle",
                &mentorat_app::demo::demo_id("circle/compiegne").to_string(),
            )],
        )
        .await;
    assert_eq!(sent.status(), 303);
    let page = crate::mentoring::location(&sent);
    let html = coordinator.get_html(&page).await;
    let csv = format!("{page}/appariements.csv");
    assert!(html.contains(&format!("href=\"{csv}\"")), "{html}");
    let id = page.rsplit('/').next().unwrap().parse().unwrap();
    let proposal = app.app.proposal_record(id).await.unwrap();
    let sheet = sheet(&coordinator, &csv).await;
    assert_eq!(
        sheet.header,
        ["Projet — porteur", "Mentor", "Score", "Raisons", "État"]
    );
    let pairs = sheet
        .rows
        .iter()
        .filter(|r| r.cells[4] == "Proposée")
        .count();
    let left = sheet
        .rows
        .iter()
        .filter(|r| r.cells[4] == "Sans mentor")
        .count();
    assert_eq!(
        (pairs as i64, left as i64),
        (proposal.matched, proposal.unmatched)
    );
    assert!(proposal.matched > 0);
    assert!(exported(&app).await.iter().any(|w| w == "proposal"));
    // Not another circle's coordinator.
    let paris = signed_in(&app, "coordination.paris@mentorat.example").await;
    assert_eq!(paris.get(&csv).await.status(), 403);
}

#[tokio::test]
async fn the_coordination_queues_download_whole_for_the_viewers_circles() {
    use mentorat_domain::policy::Scope;
    let app = crate::helpers::spawn_demo_app().await;
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let page = crate::mentoring::unescape(&coordinator.get_html("/coordination").await);
    let compiegne = Scope::Circles(vec![mentorat_app::demo::demo_id("circle/compiegne")]);
    let board = app.app.coordination_board(&compiegne).await.unwrap();
    let mentors = board.mentors.as_ref().unwrap().total;
    for (path, total) in [
        ("/coordination/candidatures.csv", board.applications.total),
        ("/coordination/projets-a-relire.csv", board.to_review.total),
        ("/coordination/porteurs-en-attente.csv", board.waiting.total),
        ("/coordination/mentors.csv", mentors),
    ] {
        if total > 0 {
            assert!(page.contains(&format!("href=\"{path}\"")), "{path}: {page}");
        }
        let sheet = sheet(&coordinator, path).await;
        assert_eq!(sheet.rows.len() as i64, total, "{path}");
        assert!(
            sheet
                .rows
                .iter()
                .all(|r| r.cells[3].contains("/coordination/")),
            "{path}"
        );
    }
    assert!(mentors > 0);
    let mentors_sheet = sheet(&coordinator, "/coordination/mentors.csv").await;
    assert_eq!(
        mentors_sheet.header,
        ["Mentor", "État", "Dernière activité", "Lien"]
    );
    // The national team's: the whole network's.
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let network = app.app.coordination_board(&Scope::Network).await.unwrap();
    let waiting = sheet(&admin, "/coordination/porteurs-en-attente.csv").await;
    assert_eq!(waiting.rows.len() as i64, network.waiting.total);
    assert!(network.waiting.total >= board.waiting.total);
    let what = exported(&app).await;
    for list in [
        "queue_applications",
        "queue_projects_to_review",
        "queue_waiting",
        "queue_mentors",
    ] {
        assert!(what.iter().any(|w| w == list), "{list} in {what:?}");
    }
}
