//! The priority neighbourhoods: the ANCT's file loaded from the command line and from
//! the national team's page, and a porteur choosing theirs among their commune's.

use crate::cli::{mentorat_with, run};
use crate::helpers::spawn_demo_app;
use crate::mentoring::{project_form, signed_in, validated_porteur};

/// The documented columns; two QPV in Margny-lès-Compiègne (the porteur's commune),
/// one in Compiègne, one across two communes of Paris, and two bad lines.
const FILE: &str = "code_qp;nom_qp;insee_com\r\n\
QN06001M;Les Hauts de Margny;60382\r\n\
QN06002M;Le Bois de Margny;60382\r\n\
QN06003M;Le Clos des Roses;60159\r\n\
QN07501M;Belleville Amandiers;75120,75111\r\n\
QX12;Mauvais code;60382\r\n\
QN06004M;Sans commune;\r\n";

#[tokio::test]
async fn the_command_loads_the_file_and_the_porteur_chooses_among_their_communes_qpv() {
    let app = spawn_demo_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("qpv.csv");
    std::fs::write(&file, FILE).unwrap();
    let out = run(mentorat_with(app.database_url())
        .args(["territories", "import-qpv"])
        .arg(&file));
    assert!(out.contains("line 6 (code_qp)"), "{out}");
    assert!(out.contains("line 7 (insee_com)"), "{out}");
    assert!(
        out.contains("4 added, 0 updated, 4 commune links, 2 lines left out; 4 QPV in all"),
        "{out}"
    );
    // The same file again changes nothing.
    let again = run(mentorat_with(app.database_url())
        .args(["territories", "import-qpv"])
        .arg(&file));
    assert!(
        again.contains("0 added, 4 updated, 4 commune links, 2 lines left out; 4 QPV in all"),
        "{again}"
    );

    let (_, _) = validated_porteur(&app, "quartier@exemple.fr", 1990).await;
    assert_eq!(project_form(1990).commune, "60382");
    let porteur = signed_in(&app, "quartier@exemple.fr").await;
    let html = porteur.get_html("/compte/quartier").await;
    assert!(html.contains("Margny-lès-Compiègne"), "{html}");
    let offered: Vec<&str> = html
        .split("name=\"qpv\" value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(offered, ["QN06002M", "QN06001M", "no", "unknown"]);
    // A QPV of another commune is refused, the page says why.
    let refused = porteur
        .post_form("/compte/quartier", &[("qpv", "QN07501M")])
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("des quartiers proposés")
    );
    let saved = porteur
        .post_form("/compte/quartier", &[("qpv", "QN06001M")])
        .await;
    assert_eq!(saved.status(), 303);
    let html = porteur.get_html("/compte/quartier").await;
    assert!(html.contains("value=\"QN06001M\" checked"), "{html}");
    // The answer is part of the person's data.
    let id = app.account_id("quartier@exemple.fr").await;
    let export = app
        .app
        .store
        .export_of(id, "quartier@exemple.fr")
        .await
        .unwrap();
    let account = serde_json::to_string(&export).unwrap();
    assert!(account.contains("\"qpv_code\":\"QN06001M\""), "{account}");
    assert!(account.contains("\"qpv_answer\":\"yes\""), "{account}");
}

#[tokio::test]
async fn the_national_team_loads_the_file_from_its_page_and_others_cannot() {
    let app = spawn_demo_app().await;
    let admin = signed_in(&app, "admin@mentorat.example").await;
    let page = admin.get_html("/admin/qpv").await;
    assert!(page.contains("Aucun quartier chargé"), "{page}");
    let done = admin.upload("/admin/qpv", "qpv.csv", FILE.as_bytes()).await;
    assert_eq!(done.status(), 200);
    let html = done.text().await.unwrap();
    assert!(
        html.contains("4 quartiers ajoutés, 0 mis à jour, 2 lignes écartées"),
        "{html}"
    );
    assert!(html.contains("<td>6</td><td>code_qp</td>"), "{html}");
    assert!(html.contains("4 quartiers chargés"), "{html}");
    let wrong = admin.upload("/admin/qpv", "x.csv", b"a;b\n1;2\n").await;
    assert_eq!(wrong.status(), 422);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("Colonnes introuvables")
    );
    let coordinator = signed_in(&app, "coordination.compiegne@mentorat.example").await;
    let refused = coordinator
        .upload("/admin/qpv", "qpv.csv", FILE.as_bytes())
        .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(app.app.qpv_count().await.unwrap(), 4);
}
