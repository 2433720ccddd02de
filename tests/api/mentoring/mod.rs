//! Mentoring (issue 6): vetting, projects with parental consent, requests under
//! concurrency, the relationship and its privacy, the directory, batch proposals.
//!
//! A test may arrange through the platform where no page is quicker (an approved mentor
//! in one call), but it checks a rule by what the people concerned see: their pages,
//! status codes and redirects, and the e-mails they receive. Time passes on the
//! platform's one clock, and the sweeps then run as the server's timer runs them.

mod directory;
mod mentorships;
mod projects;
mod proposals;
mod relationship;
mod requests;
mod vetting;

use crate::helpers::{Browser, DEMO_PASSWORD, TestApp, spawn_app_with, spawn_demo_app};
use mentorat_app::mentoring::{MentorForm, ProjectForm};
use mentorat_domain::{Email, Locale, PersonName};
use mentorat_store::NewUser;
use uuid::Uuid;

/// The password of every account [`person`] makes.
pub const PASSWORD: &str = "une phrase de passe solide et longue";

/// A verified account, created directly (sign-up is tested elsewhere).
pub async fn person(app: &TestApp, first: &str, email: &str) -> Uuid {
    let id = Uuid::new_v4();
    let mut tx = app.app.store.begin().await.unwrap();
    tx.insert_user_if_absent(&NewUser {
        id,
        email: Email::parse(email).unwrap(),
        name: PersonName::parse(first, "Essai").unwrap(),
        locale: Locale::Fr,
        password_hash: Some(mentorat_app::passwords::hash(PASSWORD)),
        verified_at: Some(chrono::Utc::now()),
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

/// The browser of `email` (a demo account, or one [`person`] made), signed in.
pub async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let password = if email.ends_with("mentorat.example") {
        DEMO_PASSWORD
    } else {
        PASSWORD
    };
    app.browser_of(email, password).await
}

/// The browser of the account `id`, signed in. An account without a password (the
/// demo's porteurs and mentors) is first given one, as « mot de passe oublié » would.
pub async fn signed_in_as(app: &TestApp, id: Uuid) -> Browser<'_> {
    let account = app.app.store.account_by_id(id).await.unwrap().unwrap();
    let email = account.email.as_str().to_owned();
    if app.app.store.password_hash_of(id).await.unwrap().is_none() {
        let mut tx = app.app.store.begin().await.unwrap();
        tx.set_password_hash(id, &mentorat_app::passwords::hash(PASSWORD))
            .await
            .unwrap();
        tx.commit().await.unwrap();
        return app.browser_of(&email, PASSWORD).await;
    }
    signed_in(app, &email).await
}

pub fn mentor_form(capacity: &str) -> MentorForm {
    MentorForm {
        domains: vec![("creation-entreprise".into(), "12".into())],
        bio: "J'ai créé deux entreprises à Compiègne.".into(),
        commune: "60159".into(),
        capacity: capacity.into(),
        languages: vec!["fr".into()],
        charter: true,
        ..Default::default()
    }
}

pub fn project_form(birth_year: i32) -> ProjectForm {
    ProjectForm {
        title: "Ouvrir une boulangerie".into(),
        description: "Je veux créer mon entreprise de boulangerie.".into(),
        domains: vec!["creation-entreprise".into()],
        stage: "idea".into(),
        commune: "60382".into(),
        languages: vec!["fr".into()],
        birth_year: birth_year.to_string(),
        parent_name: "Karine Essai".into(),
        parent_email: "parent@exemple.fr".into(),
        minor_consent: true,
        ..Default::default()
    }
}

/// An approved mentor in Compiègne with `capacity` places.
pub async fn approved_mentor(app: &TestApp, email: &str, capacity: &str) -> Uuid {
    approved_mentor_with(app, email, &mentor_form(capacity)).await
}

/// An approved mentor who applied with `form` (« Mentor E. » on the pages).
pub async fn approved_mentor_with(app: &TestApp, email: &str, form: &MentorForm) -> Uuid {
    named_mentor(app, "Mentor", email, form).await
}

/// An approved mentor called `first` (« First E. » on the pages) who applied with `form`.
pub async fn named_mentor(app: &TestApp, first: &str, email: &str, form: &MentorForm) -> Uuid {
    let admin = app.account_id("admin@mentorat.example").await;
    let id = person(app, first, email).await;
    // The interview a week before the platform's today (its clock may have moved).
    let interview = (app.app.now() - chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    app.app.apply_as_mentor(id, form).await.unwrap();
    let profile = app.app.mentor_profile(id).await.unwrap();
    app.app
        .vet_mentor(admin, &profile, "interview_planned", &interview, false)
        .await
        .unwrap();
    let profile = app.app.mentor_profile(id).await.unwrap();
    app.app
        .vet_mentor(admin, &profile, "approved", "", true)
        .await
        .unwrap();
    id
}

/// A porteur with a validated project in Compiègne's agglomeration.
pub async fn validated_porteur(app: &TestApp, email: &str, birth_year: i32) -> (Uuid, Uuid) {
    validated_porteur_with(app, "Porteur", email, &project_form(birth_year)).await
}

/// A porteur (`first` name) whose project, submitted with `form`, is validated.
pub async fn validated_porteur_with(
    app: &TestApp,
    first: &str,
    email: &str,
    form: &ProjectForm,
) -> (Uuid, Uuid) {
    let admin = app.account_id("admin@mentorat.example").await;
    let id = person(app, first, email).await;
    let project = app.app.submit_project(id, form).await.unwrap();
    let record = app.app.project(project).await.unwrap();
    app.app
        .review_project(admin, &record, "validate", "")
        .await
        .unwrap();
    (id, project)
}

/// The porteur of `project` asks `mentor`, who accepts: the mentorship, or why not.
pub async fn accepted(app: &TestApp, project: Uuid, mentor: Uuid) -> Result<Uuid, String> {
    let project = app.app.project(project).await.unwrap();
    let request = app
        .app
        .request_mentor(project.mentee_id, &project, mentor, "Bonjour")
        .await
        .map_err(|e| format!("{e:?}"))?;
    let request = app.app.request(request).await.unwrap();
    app.app
        .answer_request(mentor, &request, true, "", "")
        .await
        .unwrap()
        .ok_or_else(|| "no place left".to_owned())
}

/// The porteur in `browser` asks `mentor` from the directory of `project`.
pub async fn ask(
    browser: &Browser<'_>,
    project: Uuid,
    mentor: Uuid,
    message: &str,
) -> reqwest::Response {
    let (project, mentor) = (project.to_string(), mentor.to_string());
    browser
        .post_form(
            "/annuaire/demande",
            &[
                ("project", &project),
                ("mentor", &mentor),
                ("message", message),
            ],
        )
        .await
}

/// Where a response sends the browser.
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Loads the generated network at `scale` beside the demo; its plan.
pub async fn load_network(app: &TestApp, scale: f64) -> mentorat_app::demo::ScalePlan {
    let plan = mentorat_app::demo::ScalePlan::for_scale(scale).unwrap();
    app.app
        .load_scale(&plan, &mut mentorat_app::demo::Silent)
        .await
        .unwrap();
    plan
}

/// Lets `days` pass on the platform's clock, then runs the sweeps of that moment.
pub async fn days_pass(app: &TestApp, days: i64) {
    app.app.clock.advance(chrono::Duration::days(days));
    sweep(app).await;
}

/// The periodic sweeps (reminders, expiries, nudges), as the server's timer runs them.
pub async fn sweep(app: &TestApp) {
    app.app.sweep(app.app.now()).await.unwrap();
}

/// Every e-mail queued so far.
pub async fn outbox(app: &TestApp) -> Vec<mentorat_store::OutboxMessage> {
    app.app.outbox(0, 1_000).await.unwrap().0
}

/// The subjects of the e-mails `address` received.
pub async fn subjects_to(app: &TestApp, address: &str) -> Vec<String> {
    outbox(app)
        .await
        .into_iter()
        .filter(|m| m.to_address == address)
        .map(|m| m.subject)
        .collect()
}

/// A project on « mon espace »: its title, status, and what it offers.
#[derive(Debug)]
pub struct SpaceProject {
    pub title: String,
    pub status: String,
    pub waiting_consent: bool,
    /// The link to the directory (a project that may be matched).
    pub directory: bool,
}

/// A request on « mon espace »: the other person, its status, its id while it is open.
#[derive(Debug)]
pub struct SpaceRequest {
    pub other: String,
    pub status: String,
    pub id: Option<Uuid>,
}

/// « Mon espace » as its owner reads it.
#[derive(Debug)]
pub struct Space {
    pub projects: Vec<SpaceProject>,
    pub outgoing: Vec<SpaceRequest>,
    pub incoming: Vec<SpaceRequest>,
    /// (the relationship, the other person's full name)
    pub mentorships: Vec<(Uuid, String)>,
}

impl Space {
    /// (other, status) of the requests made, sorted.
    pub fn asked(&self) -> Vec<(String, String)> {
        let mut lines: Vec<_> = self
            .outgoing
            .iter()
            .map(|r| (r.other.clone(), r.status.clone()))
            .collect();
        lines.sort();
        lines
    }
}

pub async fn space_of(browser: &Browser<'_>) -> Space {
    let html = browser.get_html("/mon-espace").await;
    let requests = |heading: &str| {
        cards(section(&html, heading))
            .map(|card| SpaceRequest {
                other: text_between(card, "<p><strong>", "</strong>"),
                status: text_between(card, "</strong> — ", "</p>"),
                // An open request's id, read from its answer or withdrawal form.
                id: between(card, "action=\"/demandes/", "/").map(|id| id.parse().unwrap()),
            })
            .collect()
    };
    Space {
        projects: cards(section(&html, "Mes projets"))
            .map(|card| SpaceProject {
                title: text_between(card, r#"<h3 class="h3">"#, "</h3>"),
                status: text_between(card, "</h3><p>", "</p>"),
                waiting_consent: card.contains("En attente de l&#39;accord d&#39;un parent."),
                directory: card.contains(r#"href="/annuaire?projet="#),
            })
            .collect(),
        outgoing: requests("Mes demandes à des mentors"),
        incoming: requests("Les demandes qui me sont faites"),
        mentorships: all_between(
            section(&html, "Mes relations mentorales"),
            r#"<a href="/mentorats/"#,
            "</a>",
        )
        .into_iter()
        .map(|link| {
            let (id, name) = link.split_once(r#"">"#).unwrap();
            (id.parse().unwrap(), unescape(name))
        })
        .collect(),
    }
}

/// The part of a page under `<h2>heading</h2>`, up to the next heading of its level.
pub fn section<'h>(html: &'h str, heading: &str) -> &'h str {
    let marker = format!("<h2>{heading}</h2>");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("{marker} in {html}"))
        + marker.len();
    let rest = &html[start..];
    let end = ["<h2", "</main>"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The `<li class="card">` items of a part of a page.
pub fn cards(html: &str) -> impl Iterator<Item = &str> {
    html.split(r#"<li class="card">"#).skip(1)
}

/// The first text between `start` and `end`.
pub fn between<'h>(html: &'h str, start: &str, end: &str) -> Option<&'h str> {
    let from = html.find(start)? + start.len();
    let to = html[from..].find(end)?;
    Some(&html[from..from + to])
}

/// The text between `start` and `end`, unescaped; panics when it is not there.
pub fn text_between(html: &str, start: &str, end: &str) -> String {
    unescape(between(html, start, end).unwrap_or_else(|| panic!("{start}…{end} in {html}")))
}

/// Every text between `start` and the next `end`.
pub fn all_between<'h>(html: &'h str, start: &str, end: &str) -> Vec<&'h str> {
    html.split(start)
        .skip(1)
        .filter_map(|part| part.find(end).map(|to| &part[..to]))
        .collect()
}

/// Text as a person reads it, from its HTML escapes.
pub fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#60;", "<")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The demo, with the Compiègne circle's coordinator signed in (and the porteurs of
/// the circle after them: many people sign in from the test's one address).
pub async fn compiegne_coordinator() -> TestApp {
    let app = spawn_app_with(|s| s.rate_burst = 100).await;
    app.app.load_demo().await.expect("demo loads");
    app.sign_in("coordination.compiegne@mentorat.example", DEMO_PASSWORD)
        .await;
    app
}

/// A project no mentor can talk with (Wolof only).
pub fn wolof_form() -> ProjectForm {
    ProjectForm {
        title: "Un atelier de couture".into(),
        languages: vec!["wo".into()],
        ..project_form(1990)
    }
}
