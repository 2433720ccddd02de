//! `spawn_app()`: a running platform for one test, and a client to talk to it.

use mentorat_app::{App, Settings};
use mentorat_store::testing::TestDatabase;
use tokio::net::TcpListener;

pub struct TestApp {
    pub address: String,
    pub app: App,
    /// A client that keeps cookies and does not follow redirects (tests look at them).
    pub client: reqwest::Client,
    db: TestDatabase,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A platform whose settings `tune` adjusts (SMTP server, proxies, lifetimes…).
pub async fn spawn_app_with(tune: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_in(TestDatabase::create().await, tune).await
}

/// A platform on the database `db` (made by the test: a restored copy…).
pub async fn spawn_app_in(db: TestDatabase, tune: impl FnOnce(&mut Settings)) -> TestApp {
    crate::logs::capture();
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a free port");
    let address = format!("http://{}", listener.local_addr().unwrap());
    let mut settings = Settings::for_database(&db.url);
    settings.listen = listener.local_addr().unwrap();
    settings.base_url = address.clone();
    tune(&mut settings);
    let app = App::open(settings).await.expect("open the app");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    if let Some(worker) = mentorat_app::email::MailWorker::new(app.clone()).expect("mail settings")
    {
        let stop = std::sync::Arc::new(tokio::sync::Notify::new());
        tokio::spawn(worker.run(stop));
    }
    let state = mentorat_web::AppState::new(app.clone());
    tokio::spawn(async move {
        mentorat_web::serve(listener, state, async {
            let _ = rx.await;
        })
        .await
        .expect("server runs");
    });
    TestApp {
        address,
        app,
        client: reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        db,
        shutdown: Some(tx),
    }
}

/// A platform with the demo data loaded.
pub async fn spawn_demo_app() -> TestApp {
    let app = spawn_app().await;
    app.app.load_demo().await.expect("demo loads");
    app
}

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "mentorat-demo";

impl TestApp {
    /// The id of the account with this address (which must exist).
    pub async fn account_id(&self, email: &str) -> uuid::Uuid {
        self.app
            .store
            .account_by_email(&mentorat_domain::Email::parse(email).unwrap())
            .await
            .unwrap()
            .expect("the account exists")
            .id
    }

    /// The account with this address reads the platform in English from now on.
    pub async fn speaks_english(&self, email: &str) {
        let id = self.account_id(email).await;
        let mut tx = self.app.store.begin().await.unwrap();
        tx.set_locale(id, mentorat_domain::Locale::En)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }

    /// The first message queued for this address, if any.
    pub async fn mail_to(&self, address: &str) -> Option<mentorat_store::OutboxMessage> {
        let (outbox, _) = self.app.outbox(0, 50).await.unwrap();
        outbox.into_iter().find(|m| m.to_address == address)
    }

    /// The demo porteur's project (Compiègne, « Création d'entreprise »).
    pub async fn demo_porteur_project(&self) -> mentorat_app::mentoring::ProjectRecord {
        self.app
            .project(mentorat_app::demo::demo_id(
                "project/porteur@mentorat.example",
            ))
            .await
            .unwrap()
    }

    /// The page a successful POST leads to: asserts it answered 303 (Post/Redirect/Get:
    /// a refresh sends nothing again) and reads the page as this client.
    pub async fn follow(&self, response: reqwest::Response) -> String {
        assert_eq!(response.status(), 303, "a POST done answers 303");
        let to = response.headers()["location"].to_str().unwrap().to_owned();
        self.get_html(&to).await
    }

    /// The test's own database (to look into every table).
    pub fn database_url(&self) -> &str {
        &self.db.url
    }

    /// A new browser (own cookies) on the same platform.
    pub fn new_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// Signs this client in; panics unless it works.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.sign_in_from(&self.client, email, password).await
    }

    /// Signs `client` in; panics unless it works.
    pub async fn sign_in_from(&self, client: &reqwest::Client, email: &str, password: &str) {
        let response = self
            .post_form_from(
                client,
                "/connexion",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(
            response.status(),
            303,
            "sign-in of {email}: {}",
            response.text().await.unwrap_or_default()
        );
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_en(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("Accept-Language", "en-GB,en;q=0.9")
            .send()
            .await
            .expect("request")
    }

    pub async fn get_html(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    /// The CSRF token of this client's session (read from a page, as a browser would).
    pub async fn csrf_token(&self) -> String {
        self.csrf_of(&self.client, None).await
    }

    /// The CSRF token of another browser's session, optionally seen through a proxy
    /// (read from the contact page, which has a form: the pages kept for everyone,
    /// such as the home page, carry no token).
    pub async fn csrf_of(&self, client: &reqwest::Client, forwarded_for: Option<&str>) -> String {
        let mut request = client.get(self.url("/contact"));
        if let Some(address) = forwarded_for {
            request = request.header("x-forwarded-for", address);
        }
        csrf_in(&request.send().await.unwrap().text().await.unwrap())
    }

    /// Submits a form as a browser does: with this session's CSRF token and Origin.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.post_form_from(&self.client, path, form).await
    }

    /// Submits a form from another browser, with its session's CSRF token and Origin.
    pub async fn post_form_from(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = self.csrf_of(client, None).await;
        let mut fields: Vec<(&str, &str)> = form.to_vec();
        fields.push(("csrf", &token));
        client
            .post(self.url(path))
            .header("Origin", &self.address)
            .form(&fields)
            .send()
            .await
            .expect("request")
    }

    /// A new browser with no one signed in (a parent following an e-mailed link).
    pub fn browser(&self) -> Browser<'_> {
        Browser {
            app: self,
            client: self.new_client(),
        }
    }

    /// A new browser in which `email` signed in with `password`.
    pub async fn browser_of(&self, email: &str, password: &str) -> Browser<'_> {
        let browser = self.browser();
        browser.sign_in(email, password).await;
        browser
    }
}

/// One person's browser on the platform: its own cookies, redirects not followed.
pub struct Browser<'a> {
    app: &'a TestApp,
    pub client: reqwest::Client,
}

impl Browser<'_> {
    /// Signs in; panics unless it works.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.app.sign_in_from(&self.client, email, password).await
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.app.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_html(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.app.post_form_from(&self.client, path, form).await
    }

    /// Sends a file as a form's `file` field (multipart), with the CSRF token first.
    pub async fn upload(&self, path: &str, name: &str, bytes: &[u8]) -> reqwest::Response {
        self.upload_fields(path, &[], name, bytes).await
    }

    /// Sends `fields` and a file (multipart), as a browser posts an upload form.
    pub async fn upload_fields(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        name: &str,
        bytes: &[u8],
    ) -> reqwest::Response {
        let token = self.app.csrf_of(&self.client, None).await;
        let boundary = "----mentorat-test-boundary";
        let mut body = Vec::new();
        for (k, v) in [("csrf", token.as_str())].iter().chain(fields) {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.client
            .post(self.url(path))
            .header("Origin", &self.app.address)
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// The platform's address of `path`.
    pub fn url(&self, path: &str) -> String {
        self.app.url(path)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The pages a visitor can reach so far (the browser suite visits the same ones).
pub const PUBLIC_PAGES: &[&str] = &[
    "/",
    "/cercles",
    "/cercles/compiegne",
    "/cercles/ath",
    "/communes",
    "/communes?q=compi",
    "/mentions-legales",
    "/confidentialite",
    "/soutenir",
    "/page-inconnue",
];

/// The CSRF token a page carries in `<meta name="csrf-token">`.
pub fn csrf_in(html: &str) -> String {
    let marker = r#"<meta name="csrf-token" content=""#;
    let start = html
        .find(marker)
        .expect("every page of a session carries its CSRF token")
        + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}
