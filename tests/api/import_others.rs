//! Importing partner associations (the national team) and a conference's registrations
//! (its organisers) from a spreadsheet: each refusal named by line and column, nothing
//! written before confirmation, exactly the good lines after, nothing again the second
//! time; registered people hear of it, with where their details come from, and a
//! person who had cancelled is not registered again by a file.

use crate::helpers::{TestApp, spawn_app_with};
use crate::import::confirmed;
use crate::mentoring::{location, signed_in, unescape};
use crate::smtp::SmtpServer;
use mentorat_app::demo::demo_id;

const ASSOCIATIONS: &str = "nom;commune;email_contact;cercle;langue;description\r\n\
Les Amis de Margny;60382;contact@amis-margny.example;compiegne;fr;Jardin partagé\r\n\
Club Emploi Venette;Venette;;;fr;\r\n\
Maison des associations (Compiègne);60159;;;fr;\r\n\
Les amis de margny;60382;;;fr;\r\n\
Atelier Nulle Part;60159;;Atlantide;fr;\r\n\
Réseau Sans Adresse;60159;pas-une-adresse;;fr;\r\n\
@SOMME(A1);60159;;;fr;\r\n";

async fn preview(app: &TestApp, who: &str, path: &str, file: &str) -> (String, String) {
    let client = signed_in(app, who).await;
    let sent = client.upload(path, "fichier.csv", file.as_bytes()).await;
    assert_eq!(sent.status(), 303, "{}", crate::logs::captured());
    let page = location(&sent);
    let html = unescape(&client.get_html(&page).await);
    (page, html)
}

#[tokio::test]
async fn partner_associations_are_previewed_then_imported_once() {
    let app = crate::helpers::spawn_demo_app().await;
    let before = app.app.store.census().await.unwrap();
    let (page, html) = preview(
        &app,
        "admin@mentorat.example",
        "/admin/import/associations",
        ASSOCIATIONS,
    )
    .await;
    for (line, column) in [
        ("5", "nom"),
        ("6", "cercle"),
        ("7", "email_contact"),
        ("8", "nom"),
    ] {
        assert!(
            html.contains(&format!("<tr><td>{line}</td><td>{column}</td>")),
            "line {line}, {column}: {html}"
        );
    }
    assert!(
        html.contains("plus haut dans le fichier (ligne 2)"),
        "{html}"
    );
    assert!(html.contains("Cercle inconnu"), "{html}");
    assert!(html.contains("2 associations ajoutées"), "{html}");
    assert!(html.contains("1 association déjà connue"), "{html}");
    assert!(html.contains("4 lignes écartées"), "{html}");
    assert!(!html.contains("compte existant"), "{html}");
    assert_eq!(app.app.store.census().await.unwrap(), before);

    let admin = signed_in(&app, "admin@mentorat.example").await;
    let done = confirmed(&app, &admin, &page).await;
    assert_eq!(done.status, "done");
    assert_eq!(
        (done.created, done.updated, done.unchanged, done.refused),
        (2, 0, 1, 4)
    );
    let after = app.app.store.census().await.unwrap();
    assert_eq!(after.partners, before.partners + 2);
    let margny = app
        .app
        .store
        .partner_by_slug("les-amis-de-margny")
        .await
        .unwrap()
        .expect("imported");
    assert_eq!(margny.commune_code, "60382");
    assert_eq!(margny.contact_email, "contact@amis-margny.example");
    // Joined the circle the file named.
    let compiegne = demo_id("circle/compiegne");
    let partners = app.app.store.partners_of_circle(compiegne).await.unwrap();
    assert!(partners.iter().any(|p| p.id == margny.id));

    // Again: nothing new.
    let (again, html) = preview(
        &app,
        "admin@mentorat.example",
        "/admin/import/associations",
        ASSOCIATIONS,
    )
    .await;
    assert!(html.contains("Aucune association à ajouter"), "{html}");
    confirmed(&app, &admin, &again).await;
    assert_eq!(app.app.store.census().await.unwrap(), after);

    // The template, and only the national team.
    let template = admin.get("/admin/import/modele-associations.csv").await;
    assert_eq!(template.status(), 200);
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let refused = coordinator
        .upload(
            "/admin/import/associations",
            "a.csv",
            ASSOCIATIONS.as_bytes(),
        )
        .await;
    assert_eq!(refused.status(), 403);
    // Another's import does not exist for the coordinator.
    assert_eq!(coordinator.get(&page).await.status(), 404);
}

fn registrations() -> String {
    "prenom;nom;email;telephone;accord_contact;langue\r\n\
Samia;Benali;samia.import@exemple.fr;06 12 34 56 78;oui;fr\r\n\
Tom;Hardy;tom.import@exemple.fr;;non;en\r\n\
Revenue;Annulée;revenue.import@exemple.fr;;;fr\r\n\
Sans;Adresse;;;;fr\r\n\
Tel;Faux;tel.import@exemple.fr;abc;;fr\r\n\
Samia;Encore;SAMIA.import@exemple.fr;;;fr\r\n"
        .to_owned()
}

#[tokio::test]
async fn a_conferences_organisers_import_its_registrations_once_and_each_person_hears_why() {
    let Some(smtp) = SmtpServer::start() else {
        return;
    };
    let url = smtp.url();
    let app = spawn_app_with(|s| s.smtp_url = Some(url)).await;
    app.app.load_demo().await.unwrap();
    let event = demo_id("conference/compiegne/next");
    // Registered on the site, then cancelled: the file does not register them again.
    let client = mentorat_app::auth::Client {
        ip: "10.1.2.3".parse().unwrap(),
        device: None,
    };
    app.app
        .register_for_event(
            event,
            &mentorat_app::events::RegistrationForm {
                first_name: "Revenue".into(),
                last_name: "Annulée".into(),
                email: "revenue.import@exemple.fr".into(),
                ..Default::default()
            },
            mentorat_domain::Locale::Fr,
            &client,
        )
        .await
        .unwrap();
    let confirmation = smtp
        .wait_for("revenue.import@exemple.fr", "Inscription confirmée")
        .await;
    let link = confirmation.link(&format!("{}/inscriptions/annuler/", app.address));
    let token = link.rsplit('/').next().unwrap();
    app.app.cancel_registration(token).await.unwrap();
    let registered = app.app.registrations(event).await.unwrap();
    let count_before = registered.len();

    // The coordinator of Compiègne, from the registrations page.
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let list = coordinator
        .get_html(&format!("/evenements/{event}/inscriptions"))
        .await;
    assert!(list.contains(&format!("/evenements/{event}/importer")));
    let form = coordinator
        .get_html(&format!("/evenements/{event}/importer"))
        .await;
    assert!(form.contains("Importer des inscriptions"), "{form}");
    let (page, html) = preview(
        &app,
        "coordination.compiegne@mentorat.example",
        &format!("/evenements/{event}/importer"),
        &registrations(),
    )
    .await;
    for (line, column) in [("5", "email"), ("6", "telephone"), ("7", "email")] {
        assert!(
            html.contains(&format!("<tr><td>{line}</td><td>{column}</td>")),
            "line {line}, {column}: {html}"
        );
    }
    assert!(html.contains("2 personnes inscrites"), "{html}");
    assert!(html.contains("1 adresse déjà inscrite"), "{html}");
    assert!(html.contains("3 lignes écartées"), "{html}");
    assert_eq!(
        app.app.registrations(event).await.unwrap().len(),
        count_before
    );

    let done = confirmed(&app, &coordinator, &page).await;
    assert_eq!(done.status, "done");
    assert_eq!((done.created, done.unchanged, done.refused), (2, 1, 3));
    let after = app.app.registrations(event).await.unwrap();
    assert_eq!(after.len(), count_before + 2);
    let samia = after
        .iter()
        .find(|r| r.email == "samia.import@exemple.fr")
        .unwrap();
    assert_eq!(samia.phone, "06 12 34 56 78");
    assert!(samia.consent_contact);
    assert_eq!(
        after
            .iter()
            .find(|r| r.email == "revenue.import@exemple.fr")
            .unwrap()
            .status
            .as_str(),
        "cancelled",
        "a person who cancelled stays so"
    );

    // Each hears it in their language: where the details come from, why, how long,
    // how to object, the link to cancel, the calendar file.
    let mail = smtp
        .wait_for("samia.import@exemple.fr", "Votre inscription")
        .await;
    assert!(mail.text.contains("à partir de la liste"), "{}", mail.text);
    assert!(mail.text.contains("vous y opposer"), "{}", mail.text);
    assert!(
        mail.text.contains("/inscriptions/annuler/"),
        "{}",
        mail.text
    );
    assert!(!mail.attachments.is_empty(), "the calendar file");
    let tom = smtp
        .wait_for("tom.import@exemple.fr", "Your registration")
        .await;
    assert!(tom.text.contains("You may object"), "{}", tom.text);

    // The same file again: nobody registered or written to twice.
    let (again, html) = preview(
        &app,
        "coordination.compiegne@mentorat.example",
        &format!("/evenements/{event}/importer"),
        &registrations(),
    )
    .await;
    assert!(html.contains("Aucune inscription à faire"), "{html}");
    confirmed(&app, &coordinator, &again).await;
    assert_eq!(
        app.app.registrations(event).await.unwrap().len(),
        after.len()
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let sent = smtp
        .received()
        .into_iter()
        .filter(|m| m.to.ends_with(".import@exemple.fr") && !m.to.starts_with("revenue"))
        .count();
    assert_eq!(sent, 2);

    // Not the Paris coordinator's conference.
    let paris = signed_in(&app, "coordination.paris@mentorat.example").await;
    assert_eq!(
        paris
            .get(&format!("/evenements/{event}/importer"))
            .await
            .status(),
        403
    );
    assert_eq!(paris.get(&page).await.status(), 404);
}

fn porteurs(year: i32) -> String {
    let minor = year - 13;
    format!(
        "prenom;nom;email;commune;annee_naissance;titre_projet;description_projet;domaines;stade;aide_souhaitee;nom_parent;email_parent;langue\r\n\
Inès;Haddad;ines.import@exemple.fr;60159;1998;Épicerie solidaire;Ouvrir une épicerie solidaire.;commerce;préparation;Le financement;;;fr\r\n\
Yanis;Petit;yanis.import@exemple.fr;60159;{minor};Club de robotique;Monter un club au collège.;numerique;idée;;Nadia Petit;nadia.parent@exemple.fr;fr\r\n\
Léo;Seul;leo.import@exemple.fr;60159;{minor};Un journal;Un journal du quartier.;numerique;;;;;fr\r\n\
Max;Stade;max.import@exemple.fr;60159;1990;Projet;Un projet.;numerique;presque fini;;;;fr\r\n\
Porteur;Compte;porteur@mentorat.example;60159;1990;Projet;Un projet.;numerique;;;;;fr\r\n\
Bébé;Futur;bebe.import@exemple.fr;60159;{};Projet;Un projet.;numerique;;;;;fr\r\n",
        year + 1
    )
}

#[tokio::test]
async fn porteurs_come_with_their_project_and_under_15_both_consents_are_still_asked() {
    use chrono::Datelike;
    let Some(smtp) = SmtpServer::start() else {
        return;
    };
    let url = smtp.url();
    let app = spawn_app_with(|s| s.smtp_url = Some(url)).await;
    app.app.load_demo().await.unwrap();
    let before = app.app.store.census().await.unwrap();
    let file = porteurs(app.app.now().year());
    let (page, html) = preview(
        &app,
        "admin@mentorat.example",
        "/admin/import/porteurs",
        &file,
    )
    .await;
    for (line, column) in [
        ("4", "nom_parent"),
        ("5", "stade"),
        ("7", "annee_naissance"),
    ] {
        assert!(
            html.contains(&format!("<tr><td>{line}</td><td>{column}</td>")),
            "line {line}, {column}: {html}"
        );
    }
    assert!(html.contains("2 porteurs créés avec leur projet"), "{html}");
    assert!(html.contains("1 adresse qui a déjà un compte"), "{html}");
    assert!(html.contains("3 lignes écartées"), "{html}");
    assert_eq!(app.app.store.census().await.unwrap(), before);

    let admin = signed_in(&app, "admin@mentorat.example").await;
    let done = confirmed(&app, &admin, &page).await;
    assert_eq!(done.status, "done");
    assert_eq!((done.created, done.unchanged, done.refused), (2, 1, 3));
    let after = app.app.store.census().await.unwrap();
    assert_eq!(after.users, before.users + 2);
    assert_eq!(after.projects, before.projects + 2);

    // Inès's project waits for the circle's review, in Compiègne's circle.
    let ines = app.account_id("ines.import@exemple.fr").await;
    let project = &app.app.projects_of(ines).await.unwrap()[0];
    assert_eq!(project.status.as_str(), "submitted");
    assert_eq!(project.circle_id, Some(demo_id("circle/compiegne")));
    assert_eq!(project.stage, "preparing");
    smtp.wait_for("ines.import@exemple.fr", "Votre compte sur la plateforme")
        .await;

    // Yanis is 13: his parent is asked, and he is asked at his first sign-in.
    let yanis = app.account_id("yanis.import@exemple.fr").await;
    let project = app.app.projects_of(yanis).await.unwrap().remove(0);
    assert!(
        project.minor_consent_at.is_none(),
        "a file gives no consent"
    );
    assert!(!app.app.project_is_matchable(&project));
    let parent = smtp
        .wait_for(
            "nadia.parent@exemple.fr",
            "Votre accord pour le projet de Yanis",
        )
        .await;
    let consent = parent.link(&format!("{}/consentement/", app.address));
    let invitation = smtp
        .wait_for("yanis.import@exemple.fr", "Votre compte sur la plateforme")
        .await;
    let link = invitation.link(&format!("{}/compte/mot-de-passe/", app.address));
    let browser = app.browser();
    let path = link.strip_prefix(&app.address).unwrap().to_owned();
    let password = "une phrase de passe solide et longue";
    app.post_form_from(
        &browser.client,
        &path,
        &[("password", password), ("confirmation", password)],
    )
    .await;
    let signed = app
        .post_form_from(
            &browser.client,
            "/connexion",
            &[("email", "yanis.import@exemple.fr"), ("password", password)],
        )
        .await;
    assert_eq!(location(&signed), "/mon-espace/accord");
    let notice = browser.get_html("/mon-espace/accord").await;
    assert!(unescape(&notice).contains("Pour toi, si tu as moins de 15 ans"));
    assert_eq!(
        browser.post_form("/mon-espace/accord", &[]).await.status(),
        422
    );
    assert_eq!(
        browser
            .post_form("/mon-espace/accord", &[("minor_consent", "1")])
            .await
            .status(),
        303
    );
    let token = consent.rsplit('/').next().unwrap();
    app.app
        .give_parental_consent(token, mentorat_domain::Locale::Fr)
        .await
        .unwrap();
    let project = app.app.projects_of(yanis).await.unwrap().remove(0);
    assert!(project.minor_consent_at.is_some());
    assert!(project.consent_given_at.is_some());
    // Signed in again: straight to his space.
    let again = app.browser();
    let signed = app
        .post_form_from(
            &again.client,
            "/connexion",
            &[("email", "yanis.import@exemple.fr"), ("password", password)],
        )
        .await;
    assert_ne!(location(&signed), "/mon-espace/accord");

    // The same file again: nobody new, nobody written to twice.
    let (again, html) = preview(
        &app,
        "admin@mentorat.example",
        "/admin/import/porteurs",
        &file,
    )
    .await;
    assert!(html.contains("Aucun porteur à créer"), "{html}");
    confirmed(&app, &admin, &again).await;
    assert_eq!(app.app.store.census().await.unwrap(), after);
}
