//! The storage contract: what every backend must do. Runs on SQLite by default and on
//! PostgreSQL when `MENTORAT_TEST_POSTGRES_URL` is set (CI runs both).

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use mentorat_domain::mentoring::Vetting;
use mentorat_domain::{
    Circle, CircleStatus, Email, Event, EventKind, EventStatus, Locale, PersonName, ProjectStatus,
    Role, RoleGrant, Slug, TimeZone as Tz,
};
use mentorat_store::testing::TestDatabase;
use mentorat_store::{
    NewEdition, NewMentor, NewProject, NewUser, Store, StoreOptions, TokenPurpose,
};
use uuid::Uuid;

async fn store() -> (Store, TestDatabase) {
    let db = TestDatabase::create().await;
    let store = Store::connect(&db.url, &StoreOptions::default())
        .await
        .expect("connect");
    store.migrate().await.expect("migrate");
    (store, db)
}

fn user(email: &str) -> NewUser {
    NewUser {
        id: Uuid::new_v4(),
        email: Email::parse(email).unwrap(),
        name: PersonName::parse("Camille", "Durand").unwrap(),
        locale: Locale::Fr,
        password_hash: None,
        verified_at: None,
    }
}

fn circle(slug: &str, status: CircleStatus) -> Circle {
    Circle {
        id: Uuid::new_v4(),
        slug: Slug::parse(slug).unwrap(),
        name: slug.to_uppercase(),
        commune_code: "60159".into(),
        status,
        inaugurated_on: NaiveDate::from_ymd_opt(2016, 2, 11),
        description_fr: "Un cercle".into(),
        description_en: "A circle".into(),
    }
}

fn event(circle_id: Uuid, starts_at: chrono::DateTime<Utc>, status: EventStatus) -> Event {
    Event {
        id: Uuid::new_v4(),
        circle_id: Some(circle_id),
        partner_id: None,
        kind: EventKind::Conference,
        status,
        title: Event::CONFERENCE_TITLE.into(),
        description: String::new(),
        starts_at,
        time_zone: Tz::Paris,
        duration_minutes: 120,
        venue: "Salle".into(),
        address: "Rue".into(),
        commune_code: "60159".into(),
        capacity: 50,
    }
}

#[tokio::test]
async fn migrations_can_run_twice() {
    let (store, _db) = store().await;
    store.migrate().await.expect("second run is a no-op");
    store.ping().await.unwrap();
}

#[tokio::test]
async fn an_email_is_one_account_whatever_its_case() {
    let (store, _db) = store().await;
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.insert_user_if_absent(&user("Jeanne@Exemple.fr"))
            .await
            .unwrap()
    );
    assert!(
        !tx.insert_user_if_absent(&user("jeanne@exemple.fr"))
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    let account = store
        .account_by_email(&Email::parse("JEANNE@exemple.FR").unwrap())
        .await
        .unwrap()
        .expect("found case-insensitively");
    assert_eq!(account.email.as_str(), "Jeanne@exemple.fr");
    assert_eq!(account.name.short(), "Camille D.");
    assert_eq!(store.count_users().await.unwrap(), 1);
}

#[tokio::test]
async fn recipients_of_many_accounts_are_read_at_once() {
    let (store, _db) = store().await;
    let mut tx = store.begin().await.unwrap();
    let fr = user("fr@exemple.fr");
    let en = NewUser {
        name: PersonName::parse("Alex", "Smith").unwrap(),
        locale: Locale::En,
        ..user("en@exemple.fr")
    };
    for u in [&fr, &en] {
        tx.insert_user_if_absent(u).await.unwrap();
    }
    tx.commit().await.unwrap();
    let unknown = Uuid::new_v4();
    let found = store
        .recipients(&[fr.id, en.id, fr.id, unknown])
        .await
        .unwrap();
    assert_eq!(found.len(), 2, "each known account once");
    assert_eq!(found[&fr.id].email.as_str(), "fr@exemple.fr");
    assert_eq!(found[&fr.id].first_name, "Camille");
    assert_eq!(found[&en.id].first_name, "Alex");
    assert_eq!(found[&en.id].locale, Locale::En);
}

#[tokio::test]
async fn role_grants_are_idempotent_and_scoped() {
    let (store, _db) = store().await;
    let c = circle("compiegne", CircleStatus::Active);
    let u = user("coord@exemple.fr");
    let mut tx = store.begin().await.unwrap();
    tx.insert_circle_if_absent(&c).await.unwrap();
    tx.insert_user_if_absent(&u).await.unwrap();
    tx.grant_role(u.id, &RoleGrant::coordinator(c.id))
        .await
        .unwrap();
    tx.grant_role(u.id, &RoleGrant::coordinator(c.id))
        .await
        .unwrap();
    tx.grant_role(u.id, &RoleGrant::plain(Role::Mentor))
        .await
        .unwrap();
    tx.grant_role(u.id, &RoleGrant::plain(Role::Mentor))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let roles = store.roles_of(u.id).await.unwrap();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert!(roles.contains(&RoleGrant::coordinator(c.id)));
    assert_eq!(store.count_with_role(Role::Mentor).await.unwrap(), 1);
}

#[tokio::test]
async fn a_rolled_back_transaction_leaves_nothing() {
    let (store, _db) = store().await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_user_if_absent(&user("a@exemple.fr"))
        .await
        .unwrap();
    drop(tx);
    assert_eq!(store.count_users().await.unwrap(), 0);
}

#[tokio::test]
async fn circles_list_with_public_figures_in_status_order() {
    let (store, _db) = store().await;
    let planned = circle("amiens", CircleStatus::Planned);
    let active = circle("paris", CircleStatus::Active);
    let launching = circle("lille", CircleStatus::Launching);
    let mut tx = store.begin().await.unwrap();
    for c in [&planned, &active, &launching] {
        assert!(tx.insert_circle_if_absent(c).await.unwrap());
    }
    assert!(
        !tx.insert_circle_if_absent(&active).await.unwrap(),
        "same id twice"
    );
    for (i, status) in [Vetting::Approved, Vetting::Approved, Vetting::Submitted]
        .into_iter()
        .enumerate()
    {
        let u = user(&format!("m{i}@exemple.fr"));
        tx.insert_user_if_absent(&u).await.unwrap();
        tx.insert_mentor_if_absent(&NewMentor {
            user_id: u.id,
            circle_id: Some(active.id),
            commune_code: "75056".into(),
            bio: String::new(),
            status,
            capacity: 2,
        })
        .await
        .unwrap();
    }
    let mentee = user("p@exemple.fr");
    tx.insert_user_if_absent(&mentee).await.unwrap();
    for status in [ProjectStatus::Matched, ProjectStatus::Submitted] {
        tx.insert_project_if_absent(&NewProject {
            id: Uuid::new_v4(),
            mentee_id: mentee.id,
            circle_id: Some(active.id),
            title: "Projet".into(),
            description: String::new(),
            commune_code: "75056".into(),
            status,
        })
        .await
        .unwrap();
    }
    for number in [1, 2] {
        tx.insert_edition_if_absent(&NewEdition {
            id: Uuid::new_v4(),
            circle_id: active.id,
            number,
            held_on: NaiveDate::from_ymd_opt(2016, number as u32 + 2, 1).unwrap(),
            venue: "Mairie".into(),
            new_mentors: 3,
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();

    let list = store.list_circles().await.unwrap();
    let slugs: Vec<_> = list.iter().map(|c| c.circle.slug.as_str()).collect();
    assert_eq!(slugs, ["paris", "lille", "amiens"]);
    let paris = &list[0];
    assert_eq!(paris.active_mentors, 2, "only approved mentors count");
    assert_eq!(
        paris.projects_supported, 1,
        "only matched or closed projects count"
    );
    assert_eq!(paris.editions, 2);
    assert_eq!(paris.circle, active, "every field round-trips");
    assert_eq!(list[2].active_mentors, 0);
    assert_eq!(store.count_approved_mentors().await.unwrap(), 2);

    let found = store
        .circle_by_slug(&Slug::parse("paris").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.circle.id, active.id);
    assert!(
        store
            .circle_by_slug(&Slug::parse("nowhere").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    let editions = store.editions_of(active.id).await.unwrap();
    assert_eq!(
        editions.iter().map(|e| e.number).collect::<Vec<_>>(),
        [2, 1],
        "latest first"
    );
}

#[tokio::test]
async fn upcoming_events_are_future_scheduled_and_soonest_first() {
    let (store, _db) = store().await;
    let c = circle("compiegne", CircleStatus::Active);
    let other = circle("paris", CircleStatus::Active);
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap();
    let soon = event(c.id, now + Duration::days(3), EventStatus::Scheduled);
    let later = event(c.id, now + Duration::days(30), EventStatus::Scheduled);
    let past = event(c.id, now - Duration::days(1), EventStatus::Scheduled);
    let cancelled = event(c.id, now + Duration::days(5), EventStatus::Cancelled);
    let elsewhere = event(other.id, now + Duration::days(4), EventStatus::Scheduled);
    let mut tx = store.begin().await.unwrap();
    tx.insert_circle_if_absent(&c).await.unwrap();
    tx.insert_circle_if_absent(&other).await.unwrap();
    for e in [&later, &past, &soon, &cancelled, &elsewhere] {
        tx.insert_event_if_absent(e).await.unwrap();
    }
    tx.commit().await.unwrap();

    let all = store.upcoming_events(now, None, 10).await.unwrap();
    assert_eq!(
        all.iter().map(|e| e.id).collect::<Vec<_>>(),
        [soon.id, elsewhere.id, later.id]
    );
    assert_eq!(all[0], soon, "every field round-trips, the instant exactly");
    let mine = store.upcoming_events(now, Some(c.id), 10).await.unwrap();
    assert_eq!(
        mine.iter().map(|e| e.id).collect::<Vec<_>>(),
        [soon.id, later.id]
    );
    assert_eq!(store.upcoming_events(now, None, 1).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_token_works_once_and_not_after_it_expires() {
    let (store, _db) = store().await;
    let u = user("admin@exemple.fr");
    let now = Utc::now();
    let mut tx = store.begin().await.unwrap();
    tx.insert_user_if_absent(&u).await.unwrap();
    tx.insert_token(
        "live",
        u.id,
        TokenPurpose::SetPassword,
        now + Duration::hours(1),
        "",
    )
    .await
    .unwrap();
    tx.insert_token(
        "old",
        u.id,
        TokenPurpose::SetPassword,
        now - Duration::seconds(1),
        "",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.token_is_live("live", TokenPurpose::SetPassword, now)
            .await
            .unwrap()
    );
    assert!(
        !tx.token_is_live("old", TokenPurpose::SetPassword, now)
            .await
            .unwrap()
    );
    assert_eq!(
        tx.consume_token("live", TokenPurpose::SetPassword, now)
            .await
            .unwrap(),
        Some((u.id, String::new()))
    );
    assert_eq!(
        tx.consume_token("live", TokenPurpose::SetPassword, now)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        tx.consume_token("old", TokenPurpose::SetPassword, now)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        tx.consume_token("unknown", TokenPurpose::SetPassword, now)
            .await
            .unwrap(),
        None
    );
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn two_writers_queue_instead_of_failing() {
    let (store, _db) = store().await;
    let mut handles = Vec::new();
    for i in 0..8 {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            let mut tx = store.begin().await?;
            tx.insert_user_if_absent(&user(&format!("w{i}@exemple.fr")))
                .await?;
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            tx.commit().await
        }));
    }
    for h in handles {
        h.await.unwrap().expect("each writer commits");
    }
    assert_eq!(store.count_users().await.unwrap(), 8);
}

#[tokio::test]
async fn sessions_are_stored_by_hash_and_end_with_their_account() {
    let (store, _db) = store().await;
    let u = user("s@exemple.fr");
    let now = Utc::now();
    let mut tx = store.begin().await.unwrap();
    tx.insert_user_if_absent(&u).await.unwrap();
    tx.insert_session("hash-a", u.id, now, now + Duration::hours(12))
        .await
        .unwrap();
    tx.insert_session("hash-b", u.id, now, now + Duration::hours(12))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (s, account) = store
        .session_account("hash-a")
        .await
        .unwrap()
        .expect("found by hash");
    assert_eq!((s.user_id, account.id), (u.id, u.id));
    assert!(store.session_account("hash-c").await.unwrap().is_none());
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.delete_sessions_of(u.id).await.unwrap(), 2);
    tx.commit().await.unwrap();
    assert!(store.session_account("hash-b").await.unwrap().is_none());
}

#[tokio::test]
async fn a_server_secret_is_created_once_and_shared() {
    let (store, _db) = store().await;
    let first = store.server_secret("csrf", "one".into()).await.unwrap();
    let second = store.server_secret("csrf", "two".into()).await.unwrap();
    assert_eq!((first.as_str(), second.as_str()), ("one", "one"));
}

#[tokio::test]
async fn a_token_bucket_gives_its_burst_then_refills_even_under_concurrency() {
    let (store, _db) = store().await;
    let mut handles = Vec::new();
    for _ in 0..25 {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            store.take_token("k", 10, 60_000, 1_000).await.unwrap()
        }));
    }
    let mut allowed = 0;
    for h in handles {
        allowed += h.await.unwrap() as i32;
    }
    assert_eq!(allowed, 10, "exactly the burst, even when 25 race");
    assert!(
        !store.take_token("k", 10, 60_000, 30_000).await.unwrap(),
        "half a token after 29 s"
    );
    assert!(
        store.take_token("k", 10, 60_000, 61_000).await.unwrap(),
        "one token after a minute"
    );
    assert!(!store.take_token("k", 10, 60_000, 61_500).await.unwrap());
    assert!(
        store.take_token("other", 10, 60_000, 61_500).await.unwrap(),
        "buckets are separate"
    );
}

#[tokio::test]
async fn the_audit_log_filters_and_pages() {
    let (store, _db) = store().await;
    let u = user("a@exemple.fr");
    let mut tx = store.begin().await.unwrap();
    tx.insert_user_if_absent(&u).await.unwrap();
    for _ in 0..3 {
        tx.audit(Some(u.id), "sign_in", Some(u.id), "")
            .await
            .unwrap();
    }
    tx.audit(None, "sign_in_failed", Some(u.id), "")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let all = mentorat_store::AuditFilter::default();
    let (page, total) = store.audit_entries(&all, 0, 2).await.unwrap();
    assert_eq!((page.len(), total), (2, 4));
    assert_eq!(
        page[0].actor_email.as_deref().is_some(),
        page[0].actor_id.is_some()
    );
    let failed = mentorat_store::AuditFilter {
        action: Some("sign_in_failed".into()),
        ..Default::default()
    };
    let (page, total) = store.audit_entries(&failed, 0, 10).await.unwrap();
    assert_eq!((page.len(), total), (1, 1));
    assert!(page[0].actor_id.is_none());
    let later = mentorat_store::AuditFilter {
        since: Some(Utc::now() + Duration::hours(1)),
        ..Default::default()
    };
    assert_eq!(store.audit_entries(&later, 0, 10).await.unwrap().1, 0);
}

#[tokio::test]
async fn outbox_messages_are_claimed_once_and_retried_later() {
    let (store, _db) = store().await;
    let mut tx = store.begin().await.unwrap();
    let id = tx
        .enqueue_message(&mentorat_store::NewMessage {
            to_address: "x@exemple.fr".into(),
            template: "verify".into(),
            subject: "Sujet accentué é".into(),
            body_text: "texte".into(),
            body_html: "<p>html</p>".into(),
            attachment: Some((
                "a.ics".into(),
                "text/calendar".into(),
                "BEGIN:VCALENDAR".into(),
            )),
        })
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let now = Utc::now() + Duration::seconds(1);
    let claimed = store
        .claim_due_messages(now, Duration::minutes(2), 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].subject, "Sujet accentué é");
    assert_eq!(claimed[0].attachment_name.as_deref(), Some("a.ics"));
    assert!(
        store
            .claim_due_messages(now, Duration::minutes(2), 10)
            .await
            .unwrap()
            .is_empty(),
        "claimed once"
    );
    store
        .mark_attempt_failed(
            id,
            "connection refused",
            Some(now + Duration::minutes(2)),
            now,
        )
        .await
        .unwrap();
    assert!(
        store
            .claim_due_messages(now, Duration::minutes(2), 10)
            .await
            .unwrap()
            .is_empty(),
        "not due yet"
    );
    let later = now + Duration::minutes(3);
    let retried = store
        .claim_due_messages(later, Duration::minutes(2), 10)
        .await
        .unwrap();
    assert_eq!((retried.len(), retried[0].attempts), (1, 1));
    store.mark_sent(id, later).await.unwrap();
    assert!(
        store
            .claim_due_messages(later + Duration::hours(1), Duration::minutes(2), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let (page, total) = store.outbox_page(0, 10).await.unwrap();
    assert_eq!(
        (total, page[0].attempts, page[0].sent_at.is_some()),
        (1, 2, true)
    );
}

#[tokio::test]
async fn a_circle_keeps_its_weights_until_they_are_reset() {
    let (store, _db) = store().await;
    let c = circle("compiegne", CircleStatus::Active);
    let coordinator = user("coordination@exemple.fr");
    let mut tx = store.begin().await.unwrap();
    tx.insert_circle_if_absent(&c).await.unwrap();
    tx.insert_user_if_absent(&coordinator).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.circle_weights(c.id).await.unwrap(), None, "defaults");
    let mut w = mentorat_store::CircleWeights {
        field: 30,
        text: 20,
        proximity: 25,
        years: 10,
        load: 10,
        availability: 5,
    };
    for proximity in [80, 0] {
        w.proximity = proximity;
        let mut tx = store.begin().await.unwrap();
        tx.set_circle_weights(c.id, &w, coordinator.id)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            store.circle_weights(c.id).await.unwrap(),
            Some(w),
            "saved, then replaced"
        );
    }
    let mut tx = store.begin().await.unwrap();
    w.load = 101;
    assert!(
        tx.set_circle_weights(c.id, &w, coordinator.id)
            .await
            .is_err(),
        "the database refuses a weight past 100"
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    tx.clear_circle_weights(c.id).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.circle_weights(c.id).await.unwrap(), None);
}

#[tokio::test]
async fn a_draft_is_replaced_or_published_once_and_not_both() {
    let (store, _db) = store().await;
    let coordinator = user("coordination@exemple.fr");
    let draft = |minutes| mentorat_store::ProposalRecord {
        id: Uuid::new_v4(),
        circle_id: None,
        status: mentorat_domain::ProposalStatus::Draft,
        total_score: 0,
        matched: 0,
        unmatched: 0,
        blocking_pairs: 0,
        created_at: Utc.with_ymd_and_hms(2026, 11, 26, 9, minutes, 0).unwrap(),
        matches_first: false,
        replaced_by: None,
    };
    let (first, second) = (draft(0), draft(5));
    let mut tx = store.begin().await.unwrap();
    tx.insert_user_if_absent(&coordinator).await.unwrap();
    tx.insert_proposal(&first, coordinator.id, &[])
        .await
        .unwrap();
    tx.insert_proposal(&second, coordinator.id, &[])
        .await
        .unwrap();
    assert!(tx.replace_proposal(first.id, second.id).await.unwrap());
    assert!(
        !tx.replace_proposal(first.id, second.id).await.unwrap(),
        "replaced once"
    );
    let now = Utc::now();
    assert!(
        !tx.publish_proposal(first.id, now).await.unwrap(),
        "a replaced draft is not published"
    );
    assert!(tx.publish_proposal(second.id, now).await.unwrap());
    assert!(
        !tx.replace_proposal(second.id, first.id).await.unwrap(),
        "a published proposal is not replaced"
    );
    tx.commit().await.unwrap();
    let read = store.proposal(first.id).await.unwrap().unwrap();
    assert_eq!(
        (read.status.as_str(), read.replaced_by),
        ("draft", Some(second.id))
    );
    let read = store.proposal(second.id).await.unwrap().unwrap();
    assert_eq!(
        (read.status.as_str(), read.replaced_by),
        ("published", None)
    );
    assert!(
        store
            .proposal_exclusions(second.id)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn bulk_rows_go_in_many_statements_once_and_a_second_time_change_nothing() {
    use mentorat_store::bulk::{RoleRow, UserRow};
    let (store, _db) = store().await;
    let now = Utc::now();
    // More rows than one statement carries, so that several statements run.
    let users: Vec<UserRow> = (0..1_234)
        .map(|i| UserRow {
            id: Uuid::new_v5(&Uuid::NAMESPACE_OID, format!("bulk/{i}").as_bytes()),
            email: format!("mentor.{i:05}@bulk.example"),
            first_name: "Camille".into(),
            last_name: "Durand".into(),
            password_hash: Some("hash".into()),
            created_at: now,
        })
        .collect();
    let roles: Vec<RoleRow> = users
        .iter()
        .map(|u| RoleRow {
            id: Uuid::new_v4(),
            user_id: u.id,
            role: "mentor",
            circle_id: None,
            partner_id: None,
            created_at: now,
        })
        .collect();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.bulk_users(&users).await.unwrap(), 1_234);
    assert_eq!(tx.bulk_roles(&roles).await.unwrap(), 1_234);
    tx.commit().await.unwrap();
    let census = store.census().await.unwrap();
    assert_eq!(census.users, 1_234);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.bulk_users(&users).await.unwrap(),
        0,
        "present rows are skipped"
    );
    let again: Vec<RoleRow> = roles
        .iter()
        .map(|r| RoleRow {
            id: Uuid::new_v4(),
            ..r.clone()
        })
        .collect();
    assert_eq!(
        tx.bulk_roles(&again).await.unwrap(),
        0,
        "a grant is held once"
    );
    tx.commit().await.unwrap();
    assert_eq!(store.census().await.unwrap(), census);
    let mentor = store
        .account_by_email(&Email::parse("mentor.00042@bulk.example").unwrap())
        .await
        .unwrap()
        .expect("a bulk account reads like any other");
    assert!(mentor.roles.iter().any(|g| g.role == Role::Mentor));
}

/// Every foreign key has an index that starts with it: reading children by their
/// parent, and deleting a parent, never reads a whole table.
#[tokio::test]
async fn every_foreign_key_has_an_index() {
    let (store, db) = store().await;
    drop(store);
    let unindexed: Vec<(String, String)> = if db.url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        sqlx::query_as(
            "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
             WHERE m.type = 'table' AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) l, \
             pragma_index_info(l.name) i WHERE i.seqno = 0 AND i.name = f.\"from\")",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    } else {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        sqlx::query_as(
            "SELECT c.conrelid::regclass::text, a.attname::text FROM pg_constraint c \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
             WHERE c.contype = 'f' AND NOT EXISTS (SELECT 1 FROM pg_index i \
             WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    };
    assert!(
        unindexed.is_empty(),
        "foreign keys without an index: {unindexed:?}"
    );
}
