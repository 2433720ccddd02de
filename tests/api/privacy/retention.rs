//! Each retention period, moved past on the clock.

use super::*;

/// Runs the sweep dry then for real as of `at`: both list the same rows.
async fn sweep_at(
    app: &TestApp,
    at: chrono::DateTime<chrono::Utc>,
) -> mentorat_app::privacy::SweepReport {
    let mut silent = mentorat_store::backup::Silent;
    let dry = app.app.privacy_sweep(at, true, &mut silent).await.unwrap();
    let done = app.app.privacy_sweep(at, false, &mut silent).await.unwrap();
    assert_eq!(dry, done, "the dry run lists what the sweep clears");
    let again = app.app.privacy_sweep(at, true, &mut silent).await.unwrap();
    for (rule, keys) in &again.rules {
        assert!(keys.is_empty(), "{rule:?} left {keys:?}");
    }
    app.app.deferred.settle().await;
    done
}

/// Whether some text column still holds `marker`. The outbox aside unless asked: its
/// messages are never sent here (no SMTP server), so they keep their words, as unsent
/// messages do.
async fn kept(app: &TestApp, marker: &str) -> bool {
    app.app
        .store
        .find_text(marker)
        .await
        .unwrap()
        .iter()
        .any(|(table, _, _)| table != "outbox" || marker.starts_with("Retmail"))
}

fn keys(report: &mentorat_app::privacy::SweepReport, rule: mentorat_store::privacy::Rule) -> usize {
    report
        .rules
        .iter()
        .find(|(r, _)| *r == rule)
        .map_or(0, |(_, k)| k.len())
}

#[tokio::test]
async fn each_retention_period_clears_what_it_should_and_nothing_more() {
    use crate::mentoring::{approved_mentor, validated_porteur};
    use mentorat_store::privacy::Rule;
    let app = spawn_demo_app().await;
    let days = chrono::Duration::days;
    // Registrations to the next event: one without an account, one with.
    let event = app.app.upcoming_events(None, 1).await.unwrap()[0].clone();
    for (first, email, n) in [
        ("Retanon", "retanon@exemple.fr", 31),
        ("Retacc", "mentor@mentorat.example", 32),
    ] {
        app.app
            .register_for_event(
                event.id,
                &RegistrationForm {
                    first_name: first.into(),
                    last_name: "Essai".into(),
                    email: email.into(),
                    consent_contact: true,
                    ..Default::default()
                },
                Locale::Fr,
                &client(n),
            )
            .await
            .unwrap();
    }
    // Contact messages and hosting requests: one closed, one still open, of each.
    for (text, n) in [("Retcdone", 33), ("Retcnew", 34)] {
        app.app
            .send_contact_message(
                "other",
                "Rita Essai",
                "rita@exemple.fr",
                text,
                Locale::Fr,
                &client(n),
            )
            .await
            .unwrap();
    }
    let (messages, _) = app.app.contact_messages(None, 0, 50).await.unwrap();
    let done = messages.iter().find(|m| m.message == "Retcdone").unwrap();
    app.app.set_message_status(done.id, "done").await.unwrap();
    for (text, n) in [("Rethclosed", 35), ("Rethnew", 36)] {
        app.app
            .request_hosting(
                &HostingForm {
                    association: "Maison de quartier".into(),
                    commune: "60159".into(),
                    contact_name: "Rita Essai".into(),
                    email: "rita@exemple.fr".into(),
                    expected_audience: "40".into(),
                    message: text.into(),
                    ..Default::default()
                },
                Locale::Fr,
                &client(n),
            )
            .await
            .unwrap();
    }
    let (requests, _) = app.app.hosting_requests(0, 50).await.unwrap();
    let closed = requests.iter().find(|r| r.message == "Rethclosed").unwrap();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.set_hosting_status(closed.id, mentorat_domain::HostingStatus::Declined, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // Two relationships, each with a message, a meeting with notes and a check-in
    // comment; the first is closed.
    let mut pairs = Vec::new();
    for (tag, n) in [("closed", 1), ("active", 2)] {
        let mentor = approved_mentor(&app, &format!("retm{n}@exemple.fr"), "2").await;
        let (porteur, project) =
            validated_porteur(&app, &format!("retp{n}@exemple.fr"), 1990).await;
        let id = crate::mentoring::accepted(&app, project, mentor)
            .await
            .unwrap();
        let record = app.app.mentorship_record(id).await.unwrap();
        app.app
            .post_message(porteur, &record, &format!("Retmsg{tag}"))
            .await
            .unwrap();
        app.app
            .log_meeting(
                mentor,
                &record,
                &MeetingForm {
                    date: app.app.now().date_naive().to_string(),
                    minutes: "45".into(),
                    remote: false,
                    topics: format!("Rettopic{tag}"),
                    notes: format!("Retnote{tag}"),
                },
            )
            .await
            .unwrap();
        pairs.push((id, porteur));
    }
    app.app.clock.advance(days(31));
    app.app.sweep(app.app.now()).await.unwrap();
    for (i, (id, porteur)) in pairs.iter().enumerate() {
        let tag = ["closed", "active"][i];
        let record = app.app.mentorship_record(*id).await.unwrap();
        app.app
            .answer_checkin(*porteur, &record, "3", "yes", &format!("Retcheck{tag}"))
            .await
            .unwrap();
    }
    let first = app.app.mentorship_record(pairs[0].0).await.unwrap();
    app.app
        .close_mentorship(pairs[0].1, &first, "Le projet est lancé.")
        .await
        .unwrap();
    let t1 = app.app.now();
    // E-mails: one sent now, one never sent.
    let mut ids = Vec::new();
    for body in ["Retmailsent", "Retmailunsent"] {
        let mut tx = app.app.store.begin().await.unwrap();
        ids.push(
            tx.enqueue_message(&mentorat_store::NewMessage {
                to_address: "rita@exemple.fr".into(),
                template: "contact".into(),
                subject: "Essai".into(),
                body_text: body.into(),
                body_html: format!("<p>{body}</p>"),
                attachment: None,
            })
            .await
            .unwrap(),
        );
        tx.commit().await.unwrap();
    }
    app.app.store.mark_sent(ids[0], t1).await.unwrap();
    app.app
        .store
        .audit(None, "export", None, "Retaudit")
        .await
        .unwrap();
    // A session (12 hours at most) and a single-use link (an hour).
    let signed = app
        .browser_of("admin@mentorat.example", DEMO_PASSWORD)
        .await;
    app.app
        .forgot_password("porteur@mentorat.example", &client(40))
        .await
        .unwrap();

    // Within every period: nothing of these goes.
    let report = sweep_at(&app, t1 + chrono::Duration::minutes(30)).await;
    assert_eq!(
        signed.get("/compte").await.status(),
        200,
        "a live session is kept"
    );
    assert_eq!(
        keys(&report, Rule::Links),
        0,
        "the reset link is still valid"
    );
    for marker in [
        "Retmailsent",
        "Retanon",
        "Retcdone",
        "Rethclosed",
        "Retmsgclosed",
        "Retnoteclosed",
        "Retcheckclosed",
        "Retaudit",
    ] {
        assert!(kept(&app, marker).await, "{marker} went too early");
    }
    // Sessions and links at their expiry.
    let report = sweep_at(&app, t1 + chrono::Duration::hours(13)).await;
    assert_eq!(
        signed.get("/compte").await.status(),
        303,
        "an expired session is gone"
    );
    assert!(keys(&report, Rule::Sessions) >= 1);
    assert!(keys(&report, Rule::Links) >= 1, "the expired link goes");
    // Mail bodies after 30 days: the sent one only.
    assert!(kept(&app, "Retmailsent").await);
    sweep_at(&app, t1 + days(29)).await;
    assert!(kept(&app, "Retmailsent").await);
    let report = sweep_at(&app, t1 + days(31)).await;
    assert!(keys(&report, Rule::MailBodies) >= 1);
    assert!(
        !kept(&app, "Retmailsent").await,
        "a sent body goes after 30 days"
    );
    assert!(kept(&app, "Retmailunsent").await, "an unsent one stays");
    // Ten months: the twelve-month periods still keep everything.
    sweep_at(&app, t1 + days(300)).await;
    for marker in [
        "Retanon",
        "Retcdone",
        "Rethclosed",
        "Retmsgclosed",
        "Retnoteclosed",
        "Retcheckclosed",
        "Retaudit",
    ] {
        assert!(kept(&app, marker).await, "{marker} went before 12 months");
    }
    // Fifteen months: each twelve-month period has cleared its rows, and only them.
    // (The registrations count from the event, which may be a few months ahead.)
    let later = (t1 + days(456)).max(event.starts_at.with_timezone(&chrono::Utc) + days(400));
    let report = sweep_at(&app, later).await;
    for rule in [
        Rule::Registrations,
        Rule::ContactMessages,
        Rule::HostingRequests,
        Rule::Messages,
        Rule::RelationshipNotes,
        Rule::AuditLog,
    ] {
        assert!(keys(&report, rule) >= 1, "{rule:?}");
    }
    for gone in [
        "Retanon",
        "Retcdone",
        "Rethclosed",
        "Retmsgclosed",
        "Retnoteclosed",
        "Retcheckclosed",
        "Retaudit",
    ] {
        assert!(!kept(&app, gone).await, "{gone} outlived its period");
    }
    for stays in [
        "Retacc",
        "Retcnew",
        "Rethnew",
        "Retmsgactive",
        "Retnoteactive",
        "Retcheckactive",
        "Rettopicclosed",
    ] {
        assert!(kept(&app, stays).await, "{stays} was cleared");
    }
    // The registrations are still counted (pseudonymised, not deleted).
    assert_eq!(
        app.app.registrations_count(event.id).await.unwrap(),
        app.app.registrations(event.id).await.unwrap().len() as i64
    );
    assert!(
        app.app
            .registrations(event.id)
            .await
            .unwrap()
            .iter()
            .any(|r| r.first_name.is_empty())
    );

    // Accounts unused for 36 months are warned, then erased 30 days later unless their
    // owner signed in meanwhile.
    let quiet = crate::mentoring::person(&app, "Quentin", "quiet@exemple.fr").await;
    let back = crate::mentoring::person(&app, "Bertille", "back@exemple.fr").await;
    let warned_at = later + days(365 * 3 + 30);
    let report = sweep_at(&app, warned_at).await;
    assert!(report.warned.contains(&quiet) && report.warned.contains(&back));
    assert!(report.erased.is_empty());
    assert!(
        app.mail_to("quiet@exemple.fr")
            .await
            .is_some_and(|m| m.template == "inactive")
    );
    app.app.clock.advance(warned_at - app.app.now() + days(1));
    crate::mentoring::signed_in(&app, "back@exemple.fr").await;
    let report = sweep_at(&app, warned_at + days(31)).await;
    assert!(report.erased.contains(&quiet), "{report:?}");
    assert!(!report.erased.contains(&back));
    assert!(!kept(&app, "quiet@exemple.fr").await);
    assert!(kept(&app, "back@exemple.fr").await);
}
