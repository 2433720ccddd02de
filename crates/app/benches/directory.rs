//! The directory's suggestions at the network's scale: a porteur's ten best mentors among
//! 10,000 approved ones, as `/annuaire` asks for them (`App::suggestions`: the available
//! mentors read from the database with their fields, indexed, then searched).
//!
//! `cargo bench -p mentorat-app --bench directory` creates a SQLite database in a
//! temporary folder, loads the demo, adds `DIRECTORY_MENTORS` (default 10,000) approved
//! mentors through the application (application form, interview, approval) in towns of
//! 5,000 inhabitants or more drawn with a fixed seed (1–3 fields, 1–3 places, 10–49 km,
//! a third accepting remote mentoring, French and now and then English or Arabic), and
//! projects in such towns, half of them accepting remote mentoring. It then times
//! `App::suggestions` for each project (one warm-up call, then five) and prints p50/p99
//! per kind of project, filtered or not, and for the first page after a change. Results go in docs/BENCHMARKS.md.

use mentorat_app::mentoring::{MentorForm, ProjectForm, ProjectRecord};
use mentorat_app::territories::territories;
use mentorat_app::{App, Settings};
use mentorat_domain::territory::Proximity;
use mentorat_domain::{Email, Locale, PersonName};
use mentorat_matching::SplitMix64;
use mentorat_store::NewUser;
use std::time::{Duration, Instant};
use uuid::Uuid;

const BIO_WORDS: &[&str] = &[
    "entreprise",
    "création",
    "commerce",
    "boulangerie",
    "financement",
    "banque",
    "association",
    "bénévoles",
    "numérique",
    "site",
    "emploi",
    "reconversion",
    "artisan",
    "atelier",
    "agriculture",
    "maraîchage",
    "comptabilité",
    "gestion",
    "marketing",
    "clients",
    "restaurant",
    "logement",
    "santé",
    "musique",
    "théâtre",
    "sport",
    "club",
    "juridique",
    "statut",
    "budget",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn words(rng: &mut SplitMix64, n: usize) -> String {
    (0..n)
        .map(|_| *rng.pick(BIO_WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

async fn person(app: &App, n: usize, kind: &str) -> Uuid {
    let id = Uuid::new_v4();
    let mut tx = app.store.begin().await.unwrap();
    tx.insert_user_if_absent(&NewUser {
        id,
        email: Email::parse(&format!("{kind}{n}@bench.exemple.fr")).unwrap(),
        name: PersonName::parse("Camille", "Banc").unwrap(),
        locale: Locale::Fr,
        password_hash: None,
        verified_at: Some(chrono::Utc::now()),
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

#[tokio::main]
async fn main() {
    let count: usize = std::env::var("DIRECTORY_MENTORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let app = App::open(Settings::for_database(&url))
        .await
        .expect("open the app");
    app.load_demo().await.expect("the demo loads");
    let admin = app
        .store
        .account_by_email(&Email::parse("admin@mentorat.example").unwrap())
        .await
        .unwrap()
        .expect("the demo's national team")
        .id;
    let fields: Vec<String> = app
        .store
        .domains()
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.code)
        .collect();
    let towns: Vec<String> = territories()
        .communes()
        .iter()
        .filter(|c| c.population >= 5_000)
        .map(|c| c.key())
        .collect();
    let mut rng = SplitMix64(2026);
    let started = Instant::now();
    for n in 0..count {
        let mut domains: Vec<(String, String)> = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let f = rng.pick(&fields).clone();
            if !domains.iter().any(|(g, _)| *g == f) {
                domains.push((f, (1 + rng.below(30)).to_string()));
            }
        }
        let mut languages = vec!["fr".to_owned()];
        match rng.below(10) {
            0 => languages.push("en".into()),
            1 => languages.push("ar".into()),
            _ => {}
        }
        let length = 15 + rng.below(25) as usize;
        let form = MentorForm {
            bio: words(&mut rng, length),
            domains,
            commune: rng.pick(&towns).clone(),
            travel_km: (10 + rng.below(40)).to_string(),
            remote: rng.below(3) == 0,
            languages,
            capacity: (1 + rng.below(3)).to_string(),
            charter: true,
            ..MentorForm::default()
        };
        let id = person(&app, n, "mentor").await;
        app.apply_as_mentor(id, &form).await.expect("applies");
        for (next, on, checked) in [
            ("interview_planned", "2026-11-20", false),
            ("approved", "", true),
        ] {
            let profile = app.mentor_profile(id).await.unwrap();
            app.vet_mentor(admin, &profile, next, on, checked)
                .await
                .expect("vetted");
        }
        if (n + 1) % 1_000 == 0 || n + 1 == count {
            eprintln!(
                "directory bench: {} of {count} mentors approved ({:.0} s)",
                n + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    // Projects in such towns, validated; half of them accept remote mentoring.
    let mut projects = Vec::new();
    for n in 0..40 {
        let id = person(&app, n, "porteur").await;
        let form = ProjectForm {
            title: words(&mut rng, 4),
            description: words(&mut rng, 20),
            domains: vec![rng.pick(&fields).clone()],
            stage: "idea".into(),
            commune: rng.pick(&towns).clone(),
            languages: vec!["fr".into()],
            remote: n % 2 == 1,
            birth_year: "1990".into(),
            ..ProjectForm::default()
        };
        let project = app.submit_project(id, &form).await.expect("submitted");
        let record = app.project(project).await.unwrap();
        app.review_project(admin, &record, "validate", "")
            .await
            .expect("validated");
        projects.push(app.project(project).await.unwrap());
    }
    for remote in [false, true] {
        let mut timings = Vec::new();
        let mut found = 0;
        for project in projects.iter().filter(|p| p.remote == remote) {
            found += time_suggestions(&app, project, (None, None, None), &mut timings).await;
        }
        report(
            &format!("directory, {count} mentors, projects accepting remote: {remote}"),
            timings,
            found,
        );
    }
    // Filtered by the project's field and the same département, and by English.
    let mut timings = Vec::new();
    let mut found = 0;
    for project in &projects {
        let field = app
            .store
            .project_domains(project.id)
            .await
            .unwrap()
            .remove(0);
        for (domain, level, language) in [
            (Some(field.as_str()), Some(Proximity::SameDepartement), None),
            (None, None, Some("en")),
        ] {
            found += time_suggestions(&app, project, (domain, level, language), &mut timings).await;
        }
    }
    report(
        &format!("directory, {count} mentors, filtered (field and département, or English)"),
        timings,
        found,
    );
    // The first page after a change of the mentors reads and indexes them again (here
    // a field's label saved as it was: the mentors' generation moves all the same).
    let field = app
        .store
        .domains()
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("a field");
    let mut timings = Vec::new();
    let mut found = 0;
    for project in projects.iter().take(5) {
        app.update_domain(
            admin,
            &field.code,
            &field.label_fr,
            &field.label_en,
            &field.synonyms_fr,
            &field.synonyms_en,
        )
        .await
        .expect("saved");
        let start = Instant::now();
        found += app
            .suggestions(project, None, None, None)
            .await
            .unwrap()
            .len();
        timings.push(start.elapsed());
    }
    report(
        &format!("directory, {count} mentors, first page after a change"),
        timings,
        found,
    );
}

/// One warm-up call of `App::suggestions` for `project` with these filters (field,
/// distance, language), then five timed into `timings`; how many mentors they found.
async fn time_suggestions(
    app: &App,
    project: &ProjectRecord,
    (domain, level, language): (Option<&str>, Option<Proximity>, Option<&str>),
    timings: &mut Vec<Duration>,
) -> usize {
    app.suggestions(project, domain, level, language)
        .await
        .unwrap();
    let mut found = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let top = app
            .suggestions(project, domain, level, language)
            .await
            .unwrap();
        timings.push(start.elapsed());
        found += top.len();
    }
    found
}

fn report(name: &str, mut timings: Vec<Duration>, found: usize) {
    timings.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: {} calls, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {:.1} suggestions each",
        timings.len(),
        ms(percentile(&timings, 0.5)),
        ms(percentile(&timings, 0.99)),
        ms(timings[timings.len() - 1]),
        found as f64 / timings.len() as f64
    );
}
