//! Each circle's matching weights: tuned by its coordinator, used by the suggestions.

use crate::helpers::{DEMO_PASSWORD, spawn_demo_app};
use mentorat_app::mentoring::Reason;

#[tokio::test]
async fn a_coordinator_tunes_the_weights_and_the_suggestions_follow() {
    let app = spawn_demo_app().await;
    let project = app.demo_porteur_project().await;
    let circle = project.circle_id.expect("the demo project is in Compiègne");
    app.sign_in("coordination.compiegne@mentorat.example", DEMO_PASSWORD)
        .await;
    let coordination = app.get_html("/coordination").await;
    assert!(coordination.contains(&format!("/coordination/ponderations/{circle}")));
    let page = app
        .get_html(&format!("/coordination/ponderations/{circle}"))
        .await;
    assert!(page.contains("Ce cercle utilise les pondérations par défaut."));
    assert!(page.contains(r#"name="proximity" type="number" min="0" max="100""#));
    assert!(
        page.contains(r#"value="25""#),
        "the default proximity weight is shown"
    );

    // A wrong value: a clear message, the values typed kept, nothing saved.
    let path = format!("/coordination/ponderations/{circle}");
    let form = |years: &'static str| {
        [
            ("field", "0"),
            ("text", "0"),
            ("proximity", "0"),
            ("years", years),
            ("load", "0"),
            ("availability", "0"),
        ]
    };
    let refused = app.post_form(&path, &form("cent")).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Indiquez un nombre entier de 0 à 100."));
    assert!(html.contains(r#"value="cent""#) && html.contains(r#"aria-invalid="true""#));
    let all_zero = app.post_form(&path, &form("0")).await;
    assert_eq!(all_zero.status(), 422);
    assert!(
        all_zero
            .text()
            .await
            .unwrap()
            .contains("Donnez un poids d&#39;au moins 1 à un critère.")
    );
    assert!(
        app.app.circle_weights(circle).await.unwrap().1,
        "still the defaults"
    );

    // Years of experience only (counted up to 20, see docs/MATCHING.md): the most
    // experienced mentors come first.
    let saved = app.post_form(&path, &form("100")).await;
    assert_eq!(saved.status(), 303);
    assert!(
        app.get_html(&format!("{path}?etat=enregistre"))
            .await
            .contains("Pondérations enregistrées")
    );
    let years = |reasons: &[Reason]| {
        reasons
            .iter()
            .find_map(|r| match r {
                Reason::Years(_, y) => Some(*y),
                _ => None,
            })
            .unwrap_or(0)
            .min(20)
    };
    let by_years = app
        .app
        .suggestions(&project, None, None, None)
        .await
        .unwrap();
    let most = by_years.iter().map(|s| years(&s.reasons)).max().unwrap();
    assert!(most > 0);
    assert_eq!(years(&by_years[0].reasons), most, "{by_years:?}");
    assert!(
        by_years
            .windows(2)
            .all(|w| w[0].points >= w[1].points && years(&w[0].reasons) >= years(&w[1].reasons)),
        "ranked by years alone"
    );

    // Back to the defaults, after a confirmation in the page.
    let page = app.get_html(&path).await;
    assert!(page.contains("Ce cercle a ses propres pondérations."));
    assert!(page.contains(
        "data-confirm=\"Remplacer les pondérations de ce cercle par celles par défaut ?\""
    ));
    let reset = app.post_form(&format!("{path}/defaut"), &[]).await;
    assert_eq!(reset.status(), 303);
    assert!(app.app.circle_weights(circle).await.unwrap().1);
    // The suggestions' shared index follows at once (its weights read again).
    let pool = app.app.mentor_pool().await.unwrap();
    assert_eq!(
        pool.weights_for(Some(circle)),
        mentorat_matching::Weights::default()
    );
    let journal = app
        .app
        .store
        .audit_entries(&Default::default(), 0, 50)
        .await
        .unwrap()
        .0;
    assert!(journal.iter().any(|e| e.action == "matching_weights_set"));
    assert!(journal.iter().any(|e| e.action == "matching_weights_reset"));
    // The national team's journal filters on them.
    app.sign_in("admin@mentorat.example", crate::helpers::DEMO_PASSWORD)
        .await;
    let log = app
        .get_html("/admin/journal?action=matching_weights_reset")
        .await;
    assert!(log.contains("1 entrée"), "{log}");
}
