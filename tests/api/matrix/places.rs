//! The records some paths name, made once per run, and a client per role.

use super::*;

pub(crate) struct Places(Vec<(&'static str, String)>);

impl Places {
    /// Loads the demo into `app` and makes the records that some paths name.
    pub(crate) async fn prepare(app: &TestApp) -> Places {
        app.app.load_demo().await.unwrap();
        let home = app.get_html("/").await;
        let css_start = home.find("/static/").unwrap();
        let css = home[css_start..css_start + home[css_start..].find('"').unwrap()].to_owned();
        app.post_form(
            "/mot-de-passe-oublie",
            &[("email", "mentor@mentorat.example")],
        )
        .await;
        let (messages, _) = app.app.outbox(0, 1).await.unwrap();
        let message = format!("/admin/courriels/{}", messages[0].id);
        let id = |name: &str| mentorat_app::demo::demo_id(name);
        let request = app.app.hosting_requests(0, 1).await.unwrap().0[0].id;
        let contact = app.app.contact_messages(None, 0, 1).await.unwrap().0[0].id;
        let compiegne = id("circle/compiegne");
        let proposal = app
            .app
            .propose_matches(id("user/admin@mentorat.example"), Some(compiegne), false)
            .await
            .unwrap();
        let mentorship = app
            .app
            .mentorships_of(id("user/mentor@mentorat.example"))
            .await
            .unwrap()[0]
            .id;
        Places(vec![
            ("{css}", css),
            ("{message}", message),
            ("{paris_event}", id("edition/paris/4").to_string()),
            ("{event}", id("conference/compiegne/next").to_string()),
            ("{request}", request.to_string()),
            ("{contact}", contact.to_string()),
            (
                "{demo_mentor}",
                id("user/mentor@mentorat.example").to_string(),
            ),
            (
                "{porteur_project}",
                id("project/porteur@mentorat.example").to_string(),
            ),
            ("{proposal}", proposal.to_string()),
            ("{compiegne}", compiegne.to_string()),
            ("{mentorship}", mentorship.to_string()),
        ])
    }

    pub(crate) fn fill(&self, template: &str) -> String {
        self.0
            .iter()
            .fold(template.to_owned(), |path, (key, value)| {
                path.replace(key, value)
            })
    }
}

/// One client per role of [`ROLES`], each signed in (anonymous first).
pub(crate) async fn clients_of_every_role(app: &TestApp) -> Vec<reqwest::Client> {
    let mut clients = Vec::new();
    for role in ROLES {
        let client = app.new_client();
        if let Some(email) = role {
            let csrf = app.csrf_of(&client, None).await;
            let response = client
                .post(app.url("/connexion"))
                .form(&[
                    ("email", email),
                    ("password", DEMO_PASSWORD),
                    ("csrf", &csrf),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 303, "{email} signs in");
        }
        clients.push(client);
    }
    clients
}
