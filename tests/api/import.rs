//! Importing mentors from a spreadsheet, as the national team does: a file saved by a
//! French spreadsheet in Windows-1252, with good lines and bad lines of every kind; the
//! preview names each refusal's line and column and writes nothing; confirming writes
//! exactly the good lines and the invitations reach a real SMTP server; the same file
//! again changes nothing; an imported mentor accepts the charter at first sign-in.

use crate::helpers::{TestApp, spawn_app_with};
use crate::mentoring::{location, signed_in, unescape};
use crate::smtp::SmtpServer;

/// The file as Excel saves « CSV (séparateur : point-virgule) »: Windows-1252.
fn file() -> Vec<u8> {
    let text = "prenom;nom;email;commune;domaines;capacite;date_entretien;antecedents_verifies;langue;presentation\r\n\
Zoé;Lefèvre;zoe.import@exemple.fr;60159;Création d'entreprise;2;15/09/2026;oui;fr;Ancienne commerçante\r\n\
John;Smith;john.import@exemple.fr;Compiègne;numerique;1;01/10/2026;non;en;\r\n\
Amélie;Poulain;amelie.import@exemple.fr;75015;artisanat, commerce;;02/10/2026;;;\r\n\
;Durand;durand.import@exemple.fr;60159;numerique;;15/09/2026;;;\r\n\
Paul;Date;paul.import@exemple.fr;60159;numerique;2;31/02/2026;non;fr;\r\n\
Luc;Nulle;luc.import@exemple.fr;Nullepartville;numerique;2;15/09/2026;non;fr;\r\n\
Léa;Saint;lea.import@exemple.fr;Saint-Denis;numerique;2;15/09/2026;non;fr;\r\n\
Zoé;Double;ZOE.import@exemple.fr;60159;numerique;2;15/09/2026;non;fr;\r\n\
=HYPERLINK(\"http://x\");Piège;piege.import@exemple.fr;60159;numerique;2;15/09/2026;non;fr;\r\n\
Mentor;Déjà;mentor@mentorat.example;60159;numerique;2;15/09/2026;non;fr;\r\n\
Porteur;Compte;porteur@mentorat.example;60159;numerique;2;15/09/2026;non;fr;\r\n";
    text.chars()
        .map(|c| match c {
            'é' => 0xE9,
            'è' => 0xE8,
            'ç' => 0xE7,
            c => u8::try_from(u32::from(c)).expect("ASCII or Latin-1"),
        })
        .collect()
}

/// The refusals the preview lists: (line, column).
const REFUSED: [(&str, &str); 6] = [
    ("5", "prenom"),
    ("6", "date_entretien"),
    ("7", "commune"),
    ("8", "commune"),
    ("9", "email"),
    ("10", "prenom"),
];

async fn previewed(app: &TestApp) -> (String, String) {
    let admin = signed_in(app, "admin@mentorat.example").await;
    let sent = admin.upload("/admin/import", "mentors.csv", &file()).await;
    assert_eq!(sent.status(), 303);
    let page = location(&sent);
    let html = unescape(&admin.get_html(&page).await);
    (page, html)
}

/// Confirms the import previewed at `page` as `client`, and waits for its end.
pub(crate) async fn confirmed(
    app: &TestApp,
    client: &crate::helpers::Browser<'_>,
    page: &str,
) -> mentorat_store::ImportRecord {
    let sent = client
        .post_form(&format!("{page}/confirmer"), &[("confirm", "1")])
        .await;
    assert_eq!(sent.status(), 303);
    wait_done(app, page).await
}

pub(crate) async fn wait_done(app: &TestApp, page: &str) -> mentorat_store::ImportRecord {
    let id = page.rsplit('/').next().unwrap().parse().unwrap();
    for _ in 0..200 {
        let r = app.app.import_record(id).await.unwrap();
        if r.status == "done" || r.status == "failed" {
            return r;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn a_spreadsheet_of_mentors_is_previewed_then_imported_once() {
    let Some(smtp) = SmtpServer::start() else {
        return;
    };
    let url = smtp.url();
    let app = spawn_app_with(|s| s.smtp_url = Some(url)).await;
    app.app.load_demo().await.unwrap();
    let before = app.app.store.census().await.unwrap();

    // The preview: every refusal with its line and column, and what will be done.
    let (page, html) = previewed(&app).await;
    for (line, column) in REFUSED {
        assert!(
            html.contains(&format!("<tr><td>{line}</td><td>{column}</td>")),
            "line {line}, {column}: {html}"
        );
    }
    assert!(
        html.contains("Saint-Denis (93066"),
        "the candidates are named: {html}"
    );
    assert!(
        html.contains("plus haut dans le fichier (ligne 2)"),
        "{html}"
    );
    assert!(html.contains("commence comme une formule"), "{html}");
    assert!(
        html.contains("Zoé Lefèvre"),
        "Windows-1252 accents read: {html}"
    );
    assert!(html.contains("3 personnes créées"), "{html}");
    assert!(html.contains("1 compte existant complété"), "{html}");
    assert!(html.contains("1 personne déjà présente"), "{html}");
    assert!(html.contains("6 lignes écartées"), "{html}");
    // Nothing written yet.
    assert_eq!(app.app.store.census().await.unwrap(), before);
    assert!(
        app.app
            .account_id_by_email("zoe.import@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );

    // Confirmed: exactly the good lines, in the background.
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let sent = admin
        .post_form(&format!("{page}/confirmer"), &[("confirm", "1")])
        .await;
    assert_eq!(sent.status(), 303);
    let done = wait_done(&app, &page).await;
    assert_eq!(
        done.status,
        "done",
        "{}",
        crate::logs::captured()
            .lines()
            .filter(|l| l.contains("import failed"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(
        (done.created, done.updated, done.unchanged, done.refused),
        (3, 1, 1, 6)
    );
    assert_eq!(done.done_lines, 11);
    for (email, last) in [
        ("zoe.import@exemple.fr", "Lefèvre"),
        ("john.import@exemple.fr", "Smith"),
        ("amelie.import@exemple.fr", "Poulain"),
        ("porteur@mentorat.example", "Roux"),
    ] {
        let id = app.app.account_id_by_email(email).await.unwrap().unwrap();
        let profile = app.app.mentor_profile(id).await.unwrap();
        assert_eq!(profile.status.as_str(), "approved", "{email}");
        if email != "porteur@mentorat.example" {
            let account = app.app.store.account_by_id(id).await.unwrap().unwrap();
            assert_eq!(account.name.last(), last);
        }
    }
    for email in ["durand", "paul", "luc", "lea", "piege"] {
        let address = format!("{email}.import@exemple.fr");
        assert!(
            app.app
                .account_id_by_email(&address)
                .await
                .unwrap()
                .is_none(),
            "{address}"
        );
    }
    let after = app.app.store.census().await.unwrap();
    assert_eq!(after.users, before.users + 3);

    // The invitations, in each one's language, with what the GDPR asks.
    let zoe = smtp
        .wait_for("zoe.import@exemple.fr", "Votre compte sur la plateforme")
        .await;
    assert!(zoe.text.contains("/confidentialite"), "{}", zoe.text);
    assert!(zoe.text.contains("36 mois"), "{}", zoe.text);
    assert!(zoe.text.contains("vous y opposer"), "{}", zoe.text);
    let john = smtp
        .wait_for(
            "john.import@exemple.fr",
            "Your account on the Cercles des Mentors platform",
        )
        .await;
    assert!(john.text.contains("You may object"));
    smtp.wait_for("amelie.import@exemple.fr", "Votre compte")
        .await;
    assert!(
        !smtp
            .received()
            .iter()
            .any(|m| m.to == "porteur@mentorat.example" && m.subject.contains("Votre compte sur")),
        "an existing account is not invited"
    );

    // The same file again: nothing to create, nothing written, nobody invited twice.
    let (again, html) = previewed(&app).await;
    assert!(html.contains("Aucune personne à créer"), "{html}");
    assert!(html.contains("5 personnes déjà présentes"), "{html}");
    let second = confirmed(&app, &admin, &again).await;
    assert_eq!(
        (second.created, second.updated, second.unchanged),
        (0, 0, 5)
    );
    assert_eq!(app.app.store.census().await.unwrap(), after);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let invitations = smtp
        .received()
        .into_iter()
        .filter(|m| m.subject.contains("Votre compte sur") || m.subject.contains("Your account on"))
        .count();
    assert_eq!(invitations, 3);

    // Zoé chooses her password, signs in, and accepts the charter first.
    let link = zoe.link(&format!("{}/compte/mot-de-passe/", app.address));
    let path = link.strip_prefix(&app.address).unwrap().to_owned();
    let browser = app.browser();
    let set = app
        .post_form_from(
            &browser.client,
            &path,
            &[
                ("password", "une phrase de passe solide et longue"),
                ("confirmation", "une phrase de passe solide et longue"),
            ],
        )
        .await;
    assert!(set.status().is_redirection(), "{}", set.status());
    let signed = app
        .post_form_from(
            &browser.client,
            "/connexion",
            &[
                ("email", "zoe.import@exemple.fr"),
                ("password", "une phrase de passe solide et longue"),
            ],
        )
        .await;
    assert_eq!(location(&signed), "/mon-espace/charte");
    let refused = browser.post_form("/mon-espace/charte", &[]).await;
    assert_eq!(refused.status(), 422);
    let accepted = browser
        .post_form("/mon-espace/charte", &[("charter", "1")])
        .await;
    assert_eq!(accepted.status(), 303);
    let zoe_id = app.account_id("zoe.import@exemple.fr").await;
    assert_eq!(app.app.first_step(zoe_id).await.unwrap(), None);
}

#[tokio::test]
async fn the_template_downloads_and_only_the_national_team_imports() {
    let app = crate::helpers::spawn_demo_app().await;
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let template = admin.get("/admin/import/modele-mentors.csv").await;
    assert_eq!(template.status(), 200);
    let bytes = template.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFprenom;nom;email;commune;domaines"));
    // The template itself imports cleanly (one person to create).
    let sent = admin.upload("/admin/import", "modele.csv", &bytes).await;
    let html = unescape(&admin.get_html(&location(&sent)).await);
    assert!(html.contains("1 personne créée"), "{html}");
    assert!(html.contains("Aucune ligne écartée"), "{html}");
    // A file without the columns: said at once.
    let wrong = admin.upload("/admin/import", "x.csv", b"a;b\n1;2\n").await;
    assert_eq!(wrong.status(), 422);
    // A coordinator imports mentors and porteurs, not associations.
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let page = unescape(&coordinator.get_html("/admin/import").await);
    assert!(page.contains("Des mentors déjà validés"), "{page}");
    assert!(page.contains("Des porteurs de projet"), "{page}");
    assert!(!page.contains("Des associations partenaires"), "{page}");
    let porteur = signed_in(&app, "porteur@mentorat.example").await;
    assert_eq!(porteur.get("/admin/import").await.status(), 403);
}

#[tokio::test]
async fn a_coordinator_imports_only_the_people_of_their_circles() {
    let app = crate::helpers::spawn_demo_app().await;
    let file = "prenom;nom;email;commune;domaines;date_entretien\r\n\
Agnès;Compiégnoise;agnes.cercle@exemple.fr;60159;numerique;15/09/2026\r\n\
Paul;Parisien;paul.cercle@exemple.fr;75056;numerique;15/09/2026\r\n\
Jules;Ailleurs;jules.cercle@exemple.fr;01001;numerique;15/09/2026\r\n";
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let sent = coordinator
        .upload("/admin/import", "mentors.csv", file.as_bytes())
        .await;
    assert_eq!(sent.status(), 303);
    let page = location(&sent);
    let html = unescape(&coordinator.get_html(&page).await);
    for line in ["3", "4"] {
        assert!(
            html.contains(&format!("<tr><td>{line}</td><td>commune</td>")),
            "line {line}: {html}"
        );
    }
    assert!(
        html.contains("aucun des cercles que vous coordonnez"),
        "{html}"
    );
    assert!(html.contains("1 personne créée"), "{html}");
    let done = confirmed(&app, &coordinator, &page).await;
    assert_eq!(
        (done.status.as_str(), done.created, done.refused),
        ("done", 1, 2),
        "{}",
        {
            let all = crate::logs::captured();
            let lines: Vec<&str> = all.lines().collect();
            let at = lines
                .iter()
                .position(|l| l.contains("import failed"))
                .unwrap_or(0);
            lines[at.saturating_sub(6)..=at].join("\n")
        }
    );
    let agnes = app.account_id("agnes.cercle@exemple.fr").await;
    let profile = app.app.mentor_profile(agnes).await.unwrap();
    assert_eq!(
        profile.circle_id,
        Some(mentorat_app::demo::demo_id("circle/compiegne"))
    );
    assert!(
        app.app
            .account_id_by_email("paul.cercle@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    // The national team imports the Paris line.
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let sent = admin
        .upload("/admin/import", "mentors.csv", file.as_bytes())
        .await;
    let html = unescape(&admin.get_html(&location(&sent)).await);
    assert!(html.contains("2 personnes créées"), "{html}");
}

#[tokio::test]
async fn an_import_stopped_by_a_restart_is_said_failed_and_can_be_tried_again() {
    let app = crate::helpers::spawn_demo_app().await;
    let admin_id = app.account_id("admin@mentorat.example").await;
    let bytes = mentorat_app::import::mentors_template();
    let kind = mentorat_app::import::Kind::Mentors;
    // Confirmed, then the process stopped before its first batch.
    let stopped = app
        .app
        .keep_import(admin_id, kind, None, &bytes, 1)
        .await
        .unwrap();
    assert!(app.app.start_import(stopped).await.unwrap());
    // Five minutes later another is confirmed: still young.
    app.app.clock.advance(chrono::Duration::minutes(5));
    let young = app
        .app
        .keep_import(admin_id, kind, None, &bytes, 1)
        .await
        .unwrap();
    assert!(app.app.start_import(young).await.unwrap());
    app.app.clock.advance(chrono::Duration::minutes(6));
    assert_eq!(app.app.fail_stalled_imports().await.unwrap(), 1);
    assert_eq!(
        app.app.import_record(stopped).await.unwrap().status,
        "failed"
    );
    assert_eq!(
        app.app.import_record(young).await.unwrap().status,
        "running"
    );
    // Its page says so and how to go on.
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let page = unescape(&admin.get_html(&format!("/admin/import/{stopped}")).await);
    assert!(page.contains("L'import s'est arrêté"), "{page}");
    assert!(page.contains("Réessayez"), "{page}");
}
