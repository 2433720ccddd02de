//! The impact report: on a data set made here, the figures are those the test counts
//! as it makes them; counts under five are masked with their secondary cell; the CSV
//! is a French spreadsheet's.

use crate::helpers::spawn_demo_app;
use crate::mentoring::{
    accepted, approved_mentor, project_form, signed_in, unescape, validated_porteur_with,
};
use chrono::Duration;
use mentorat_app::impact::ImpactScope;
use mentorat_app::mentoring::MeetingForm;

#[tokio::test]
async fn the_report_counts_what_happened_and_masks_small_counts() {
    let app = spawn_demo_app().await;
    // Out of the demo's period: everything below happens a year and more later.
    app.app.clock.advance(Duration::days(400));
    let start = app.app.now().date_naive();
    app.app
        .import_qpv(
            b"code_qp;nom_qp;insee_com\nQN06001M;Les Hauts;60382\n",
            None,
        )
        .await
        .unwrap();

    // Eight porteurs in Compiègne's circle: three from the QPV, five not; fields and
    // stages as the forms say.
    let stages = [
        "idea",
        "idea",
        "idea",
        "idea",
        "idea",
        "preparing",
        "preparing",
        "launching",
    ];
    let mut projects = Vec::new();
    for (i, stage) in stages.iter().enumerate() {
        let mut form = project_form(1990);
        form.stage = (*stage).into();
        let email = format!("impact{i}@exemple.fr");
        let (porteur, project) = validated_porteur_with(&app, "Impact", &email, &form).await;
        app.app
            .answer_qpv(porteur, if i < 3 { "QN06001M" } else { "no" })
            .await
            .unwrap();
        projects.push((porteur, project));
    }
    let mut mentors = Vec::new();
    for i in 0..6 {
        mentors.push(approved_mentor(&app, &format!("impact-m{i}@exemple.fr"), "1").await);
    }
    // Three found their mentor two days after submitting, three five days after.
    let mut pairs = Vec::new();
    for (i, mentor) in mentors.iter().enumerate() {
        app.app.clock.advance(Duration::days(if i == 0 {
            2
        } else if i == 3 {
            3
        } else {
            0
        }));
        pairs.push(accepted(&app, projects[i].1, *mentor).await.unwrap());
    }
    // One hour-long meeting each, then the pairs close and the porteurs say how it went.
    let today = app.app.now().format("%Y-%m-%d").to_string();
    let satisfaction = ["5", "4", "4", "5", "3", "5"];
    for (i, id) in pairs.iter().enumerate() {
        let record = app.app.mentorship_record(*id).await.unwrap();
        app.app
            .log_meeting(
                mentors[i],
                &record,
                &MeetingForm {
                    date: today.clone(),
                    minutes: "60".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        app.app
            .close_mentorship(mentors[i], &record, "Fin")
            .await
            .unwrap();
        let record = app.app.mentorship_record(*id).await.unwrap();
        let outcomes: Vec<String> = match i {
            0 => vec!["launched".into(), "job_or_training".into()],
            1..=4 => vec!["launched".into()],
            _ => vec![],
        };
        app.app
            .give_feedback(projects[i].0, &record, satisfaction[i], "", "", &outcomes)
            .await
            .unwrap();
    }
    let end = app.app.now().date_naive() + Duration::days(1);
    let circle = app
        .app
        .circle_page("compiegne")
        .await
        .unwrap()
        .summary
        .circle;
    let scope = ImpactScope::Circle(circle.id);

    // The raw figures: what was made above.
    let f = app.app.impact_figures(start, end, &scope).await.unwrap();
    assert_eq!((f.porteurs, f.porteurs_qpv, f.projects), (8, 3, 8));
    assert_eq!(
        f.projects_by_stage,
        [
            ("idea".into(), 5),
            ("launching".into(), 1),
            ("preparing".into(), 2)
        ]
    );
    assert_eq!(f.projects_by_field, [("creation-entreprise".into(), 8)]);
    assert_eq!((f.requests_made, f.requests_accepted), (6, 6));
    assert_eq!((f.mentorships_started, f.mentorships_closed), (6, 6));
    let mut days = f.days_to_mentor.clone();
    days.sort();
    assert_eq!(days, [2, 2, 2, 5, 5, 5]);
    assert_eq!((f.meetings, f.meeting_minutes), (6, 360));
    assert_eq!(f.closing, (6, 26));
    assert_eq!(f.checkins, (0, 0));
    assert_eq!(f.porteur_feedbacks, 6);
    assert_eq!(
        f.outcomes,
        [("job_or_training".into(), 1), ("launched".into(), 5)]
    );
    let compiegne = f
        .mentors_by_circle
        .iter()
        .find(|(id, _, _)| *id == circle.id)
        .unwrap();
    assert_eq!(compiegne.2, 6, "six mentors approved in the period");
    // Another period sees none of it.
    let before = app
        .app
        .impact_figures(start - Duration::days(30), start, &scope)
        .await
        .unwrap();
    assert_eq!((before.porteurs, before.mentorships_started), (0, 0));

    // As published: the coordinator of Compiègne reads it.
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let query = format!(
        "du={start}&au={}&portee=cercle-compiegne",
        end - Duration::days(1)
    );
    let html = unescape(
        &coordinator
            .get_html(&format!("/rapport-impact?{query}"))
            .await,
    );
    let row = |label: &str| -> String {
        let at = html
            .find(&format!("<th scope=\"row\">{label}</th><td>"))
            .unwrap_or_else(|| panic!("{label}: {html}"));
        let rest = &html[at..];
        let start = rest.find("<td>").unwrap() + 4;
        rest[start..start + rest[start..].find("</td>").unwrap()].to_owned()
    };
    assert_eq!(row("Porteurs ayant déposé un projet"), "8");
    // Three from the QPV: masked, and the five others with it (the total would tell).
    assert_eq!(row("dont habitant un quartier prioritaire (QPV)"), "< 5");
    assert_eq!(row("Part des porteurs issus d'un QPV"), "< 5");
    assert_eq!(row("Relations commencées"), "6");
    assert_eq!(
        row("Délai médian entre le dépôt du projet et le début du mentorat"),
        "4 jours"
    );
    assert_eq!(row("Heures de bénévolat des mentors"), "6");
    assert_eq!(row("Satisfaction à la clôture"), "4,3 sur 5 (6 réponses)");
    assert_eq!(
        row("Satisfaction aux points d'étape"),
        "moins de 5 réponses"
    );
    assert_eq!(row("Mon projet a démarré"), "5");
    // One ticked « job »: masked, and the smallest other (a zero) with it.
    assert_eq!(row("J'ai trouvé un emploi ou une formation"), "< 5");
    assert_eq!(row("J'ai créé une entreprise"), "< 5");
    assert_eq!(row("J'ai créé une association"), "0");
    // Stages: one « launching »: masked with the two « preparing ».
    assert_eq!(row("C'est une idée"), "5");
    assert_eq!(row("Je le lance"), "< 5");
    assert_eq!(row("Je le prépare"), "< 5");

    // The CSV: a French spreadsheet's (BOM, `;`, CRLF), the same lines as the page.
    let response = coordinator
        .get(&format!("/rapport-impact.csv?{query}"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("Rubrique;Indicateur;Valeur\r\n"), "{text}");
    let sheet = mentorat_domain::spreadsheet::read(&bytes).unwrap();
    let value = |label: &str| {
        sheet
            .rows
            .iter()
            .find(|r| r.cells[1] == label)
            .map(|r| r.cells[2].clone())
            .unwrap_or_else(|| panic!("{label}"))
    };
    assert!(sheet.rows.iter().all(|r| r.cells.len() == 3));
    assert_eq!(value("Porteurs ayant déposé un projet"), "8");
    // The download is in the audit log (written after the response).
    app.app.deferred.settle().await;
    let exported = mentorat_app::admin::AuditQuery {
        action: Some("impact_report_exported".into()),
        ..Default::default()
    };
    assert_eq!(app.app.audit_log(&exported, 0, 10).await.unwrap().1, 1);
    assert_eq!(value("dont habitant un quartier prioritaire (QPV)"), "< 5");
    assert_eq!(value("Satisfaction à la clôture"), "4,3 sur 5 (6 réponses)");
    // The printable version has the figures and no form.
    let print = coordinator
        .get_html(&format!("/rapport-impact/imprimer?{query}"))
        .await;
    assert!(print.contains("Porteurs ayant déposé un projet"));
    assert!(!print.contains("name=\"portee\""));

    // The coordinator reports on their circle only; the network is the national team's.
    let refused = coordinator.get("/rapport-impact?portee=reseau").await;
    assert_eq!(refused.status(), 403);
    let paris = coordinator.get("/rapport-impact?portee=cercle-paris").await;
    assert_eq!(paris.status(), 403);
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let network = admin
        .get_html(&format!(
            "/rapport-impact?du={start}&au={}&portee=reseau",
            end - Duration::days(1)
        ))
        .await;
    assert!(network.contains("Tout le réseau"));
    let bad = admin.get("/rapport-impact?du=31/02/2027").await;
    assert_eq!(bad.status(), 422);
}

#[tokio::test]
async fn a_report_is_kept_five_minutes_then_computed_again() {
    let app = spawn_demo_app().await;
    app.app.clock.advance(Duration::days(400));
    let from = app.app.now().date_naive();
    let to = from + Duration::days(30);
    let circles = app.app.circles().await.unwrap();
    let tr = app.app.tr(mentorat_domain::Locale::Fr);
    let report = || {
        app.app
            .impact_report(from, to, &ImpactScope::Network, &circles, &tr)
    };
    assert_eq!(report().await.unwrap().figures.projects, 0);
    validated_porteur_with(&app, "Gardé", "garde@exemple.fr", &project_form(1990)).await;
    // Asked again a minute later: the figures computed a minute ago.
    app.app.clock.advance(Duration::minutes(1));
    assert_eq!(report().await.unwrap().figures.projects, 0);
    // Past five minutes: computed again, the new project counted.
    app.app.clock.advance(Duration::minutes(5));
    assert_eq!(report().await.unwrap().figures.projects, 1);
}
