//! The matrix's first rows: the public site, accounts, the API, the national team's pages.

use super::*;

pub(super) const PAGE_ROWS: &[Row] = &[
    get("/", "/", ALL_200),
    get("/healthz", "/healthz", ALL_200),
    get("/robots.txt", "/robots.txt", ALL_200),
    get("/favicon.ico", "/favicon.ico", ALL_200),
    get("/readyz", "/readyz", ALL_200),
    get("/static/{hash}/{name}", "{css}", ALL_200),
    get("/langue/{lang}", "/langue/en?retour=/cercles", [303; 7]),
    get("/cercles", "/cercles", ALL_200),
    get("/cercles/{slug}", "/cercles/compiegne", ALL_200),
    get("/communes", "/communes?q=compi", ALL_200),
    get("/map.svg", "/map.svg", ALL_200),
    get("/api/v1/communes", "/api/v1/communes?q=ath", ALL_200),
    get("/api/v1/communes/{code}", "/api/v1/communes/60159", ALL_200),
    get("/api/v1/openapi.json", "/api/v1/openapi.json", ALL_200),
    get("/api/v1/docs", "/api/v1/docs", ALL_200),
    get("/api/v1/circles", "/api/v1/circles?limit=2", ALL_200),
    get(
        "/api/v1/circles/{slug}",
        "/api/v1/circles/compiegne",
        ALL_200,
    ),
    get(
        "/api/v1/circles/{slug}/projects",
        "/api/v1/circles/compiegne/projects",
        [401, 403, 403, 403, 200, 403, 200],
    ),
    get("/api/v1/events", "/api/v1/events", ALL_200),
    get(
        "/api/v1/events/{id}/registrations",
        "/api/v1/events/{event}/registrations",
        [401, 403, 403, 200, 200, 403, 200],
    ),
    get(
        "/api/v1/dashboard",
        "/api/v1/dashboard",
        [401, 403, 403, 403, 403, 403, 200],
    ),
    get("/api/v1/me", "/api/v1/me", API_MEMBERS),
    get("/api/v1/projects", "/api/v1/projects", API_MEMBERS),
    get("/api/v1/requests", "/api/v1/requests", API_MEMBERS),
    get("/api/v1/mentorships", "/api/v1/mentorships", API_MEMBERS),
    // The demo mentor's relationship (in Compiègne): the pair, its coordinators, the
    // national team; it does not exist for anyone else.
    get(
        "/api/v1/mentorships/{id}",
        "/api/v1/mentorships/{mentorship}",
        [401, 404, 200, 404, 200, 404, 200],
    ),
    // A form is no JSON: refused once the viewer may add goals.
    post(
        "/api/v1/mentorships/{id}/goals",
        "/api/v1/mentorships/{mentorship}/goals",
        &[("title", "Objectif")],
        [401, 404, 422, 404, 422, 404, 422],
    ),
    // A proposal for Compiègne: its coordinator and the national team.
    get(
        "/api/v1/proposals/{id}",
        "/api/v1/proposals/{proposal}",
        [401, 403, 403, 403, 200, 403, 200],
    ),
    get("/compte/jetons", "/compte/jetons", MEMBERS),
    post(
        "/compte/jetons",
        "/compte/jetons",
        &[("label", "")],
        MEMBERS_FORM,
    ),
    // Without `confirm`: the confirmation page.
    post(
        "/compte/jetons/{id}/revoquer",
        "/compte/jetons/00000000-0000-0000-0000-000000000000/revoquer",
        &[],
        MEMBERS,
    ),
    get("/inscription", "/inscription", ALL_200),
    post("/inscription", "/inscription", &[("email", "")], [422; 7]),
    get("/connexion", "/connexion", ALL_200),
    post(
        "/connexion",
        "/connexion",
        &[("email", "x@exemple.fr"), ("password", "faux")],
        [422; 7],
    ),
    get("/compte/verifier/{token}", "/compte/verifier/0000", ALL_200),
    post(
        "/compte/verifier/{token}",
        "/compte/verifier/0000",
        &[],
        [410; 7],
    ),
    get("/mot-de-passe-oublie", "/mot-de-passe-oublie", ALL_200),
    post(
        "/mot-de-passe-oublie",
        "/mot-de-passe-oublie",
        &[("email", "")],
        [422; 7],
    ),
    get(
        "/compte/reinitialiser/{token}",
        "/compte/reinitialiser/0000",
        [410; 7],
    ),
    post(
        "/compte/reinitialiser/{token}",
        "/compte/reinitialiser/0000",
        &[("password", STRONG), ("confirmation", STRONG)],
        [410; 7],
    ),
    get(
        "/compte/mot-de-passe/{token}",
        "/compte/mot-de-passe/0000",
        [410; 7],
    ),
    post(
        "/compte/mot-de-passe/{token}",
        "/compte/mot-de-passe/0000",
        &[("password", STRONG), ("confirmation", STRONG)],
        [410; 7],
    ),
    get(
        "/compte/confirmer-adresse/{token}",
        "/compte/confirmer-adresse/0000",
        ALL_200,
    ),
    post(
        "/compte/confirmer-adresse/{token}",
        "/compte/confirmer-adresse/0000",
        &[],
        [410; 7],
    ),
    get("/compte", "/compte", MEMBERS),
    post(
        "/compte/mot-de-passe",
        "/compte/mot-de-passe",
        &[("current_password", "faux")],
        MEMBERS_FORM,
    ),
    post(
        "/compte/adresse",
        "/compte/adresse",
        &[("new_email", "n@exemple.fr"), ("current_password", "faux")],
        MEMBERS_FORM,
    ),
    post(
        "/compte/suppression",
        "/compte/suppression",
        &[("current_password", "faux")],
        MEMBERS_FORM,
    ),
    // Nothing to cancel: back to the account page all the same.
    post(
        "/compte/suppression/annuler",
        "/compte/suppression/annuler",
        &[],
        [303; 7],
    ),
    get(
        "/compte/mes-donnees.zip",
        "/compte/mes-donnees.zip",
        MEMBERS,
    ),
    post(
        "/mon-espace/projets/{id}/accord/retirer",
        "/mon-espace/projets/00000000-0000-0000-0000-000000000000/accord/retirer",
        &[("confirm", "1")],
        [303, 404, 404, 404, 404, 404, 404],
    ),
    get(
        "/devenir-mentor/invitation/{secret}",
        "/devenir-mentor/invitation/0000",
        [410; 7],
    ),
    post(
        "/devenir-mentor/invitation/{secret}",
        "/devenir-mentor/invitation/0000",
        &[],
        MEMBERS_FORM,
    ),
    get("/mentions-legales", "/mentions-legales", ALL_200),
    get("/confidentialite", "/confidentialite", ALL_200),
    get("/soutenir", "/soutenir", ALL_200),
    get("/admin/association", "/admin/association", NATIONAL),
    post(
        "/admin/association",
        "/admin/association",
        &[("name", "")],
        NATIONAL_FORM,
    ),
    get("/admin/journal", "/admin/journal", NATIONAL),
    get("/admin/effacements", "/admin/effacements", NATIONAL),
    post(
        "/admin/effacements",
        "/admin/effacements",
        &[("email", "personne-inconnue@exemple.fr")],
        NATIONAL_FORM,
    ),
    // Without `confirm`: the confirmation page.
    post(
        "/admin/effacements/{id}",
        "/admin/effacements/00000000-0000-0000-0000-000000000000",
        &[],
        NATIONAL,
    ),
    get("/admin/registre", "/admin/registre", NATIONAL),
    get("/admin/qpv", "/admin/qpv", NATIONAL),
    get("/admin/import", "/admin/import", NATIONAL),
    get(
        "/admin/import/modele-mentors.csv",
        "/admin/import/modele-mentors.csv",
        NATIONAL,
    ),
    get(
        "/admin/import/modele-associations.csv",
        "/admin/import/modele-associations.csv",
        NATIONAL,
    ),
    get(
        "/admin/import/modele-porteurs.csv",
        "/admin/import/modele-porteurs.csv",
        NATIONAL,
    ),
    post(
        "/admin/import/porteurs",
        "/admin/import/porteurs",
        &[],
        NATIONAL_FORM,
    ),
    // No file: the page says which.
    post("/admin/import", "/admin/import", &[], NATIONAL_FORM),
    post(
        "/admin/import/associations",
        "/admin/import/associations",
        &[],
        NATIONAL_FORM,
    ),
    // An import that is not one's own does not exist (an organiser imports too).
    get(
        "/admin/import/{id}",
        "/admin/import/00000000-0000-0000-0000-000000000000",
        [303, 404, 404, 404, 404, 404, 404],
    ),
    post(
        "/admin/import/{id}/confirmer",
        "/admin/import/00000000-0000-0000-0000-000000000000/confirmer",
        &[("confirm", "1")],
        [303, 404, 404, 404, 404, 404, 404],
    ),
    get("/mon-espace/charte", "/mon-espace/charte", MEMBERS),
    get("/mon-espace/accord", "/mon-espace/accord", MEMBERS),
    // The box not ticked: the page says so.
    post(
        "/mon-espace/accord",
        "/mon-espace/accord",
        &[],
        MEMBERS_FORM,
    ),
    // The box not ticked: the page says so.
    post(
        "/mon-espace/charte",
        "/mon-espace/charte",
        &[],
        MEMBERS_FORM,
    ),
    // Each coordinator on their circle by default, the national team on the network.
    get("/rapport-impact", "/rapport-impact", OFFICES),
    get("/rapport-impact.csv", "/rapport-impact.csv", OFFICES),
    get(
        "/rapport-impact/imprimer",
        "/rapport-impact/imprimer",
        OFFICES,
    ),
    get(
        "/rapport-impact",
        "/rapport-impact?portee=cercle-compiegne",
        COMPIEGNE_OFFICE,
    ),
    // No file: the page says which.
    post("/admin/qpv", "/admin/qpv", &[], NATIONAL_FORM),
    get("/compte/quartier", "/compte/quartier", MEMBERS),
    post(
        "/compte/quartier",
        "/compte/quartier",
        &[("qpv", "QN00000X")],
        MEMBERS_FORM,
    ),
    get("/admin/registre.html", "/admin/registre.html", NATIONAL),
    get("/admin/lancements", "/admin/lancements", NATIONAL),
    get("/admin/courriels", "/admin/courriels", NATIONAL),
    get("/admin/courriels/{id}", "{message}", NATIONAL),
    get("/evenements/{id}", "/evenements/{event}", ALL_200),
    get("/fait/{what}", "/fait/compte-cree", ALL_200),
    get(
        "/evenements/{id}/inscription",
        "/evenements/{event}/inscription?etat=confirmee",
        ALL_200,
    ),
    post(
        "/evenements/{id}/inscription",
        "/evenements/{event}/inscription",
        &[("email", "")],
        [422; 7],
    ),
    get(
        "/evenements/{id}/evenement.ics",
        "/evenements/{event}/evenement.ics",
        ALL_200,
    ),
    get(
        "/inscriptions/annuler/{token}",
        "/inscriptions/annuler/0000",
        [410; 7],
    ),
    post(
        "/inscriptions/annuler/{token}",
        "/inscriptions/annuler/0000",
        &[],
        [410; 7],
    ),
    get("/events.ics", "/events.ics", ALL_200),
    get(
        "/cercles/{slug}/events.ics",
        "/cercles/compiegne/events.ics",
        ALL_200,
    ),
    get("/organisation", "/organisation", MEMBERS),
    get(
        "/evenements/{id}/inscriptions",
        "/evenements/{event}/inscriptions",
        COMPIEGNE_ORGANISERS,
    ),
    get(
        "/evenements/{id}/inscriptions",
        "/evenements/{paris_event}/inscriptions",
        PARIS_ORGANISERS,
    ),
    get(
        "/evenements/{id}/inscriptions.csv",
        "/evenements/{event}/inscriptions.csv",
        COMPIEGNE_ORGANISERS,
    ),
    get(
        "/evenements/{id}/inscriptions.csv",
        "/evenements/{paris_event}/inscriptions.csv",
        PARIS_ORGANISERS,
    ),
    get(
        "/evenements/{id}/feuille",
        "/evenements/{event}/feuille",
        COMPIEGNE_ORGANISERS,
    ),
    get(
        "/evenements/{id}/importer",
        "/evenements/{event}/importer",
        COMPIEGNE_ORGANISERS,
    ),
    get(
        "/evenements/{id}/importer",
        "/evenements/{paris_event}/importer",
        PARIS_ORGANISERS,
    ),
    get(
        "/evenements/{id}/modele-inscriptions.csv",
        "/evenements/{event}/modele-inscriptions.csv",
        COMPIEGNE_ORGANISERS,
    ),
    // No file: the page says which.
    post(
        "/evenements/{id}/importer",
        "/evenements/{event}/importer",
        &[],
        [303, 403, 403, 422, 422, 403, 422],
    ),
    post(
        "/evenements/{id}/presence",
        "/evenements/{event}/presence",
        &[
            ("registration", "00000000-0000-0000-0000-000000000000"),
            ("attended", "1"),
        ],
        [303, 403, 403, 404, 404, 403, 404],
    ),
    post(
        "/evenements/{id}/inviter",
        "/evenements/{event}/inviter",
        &[],
        COMPIEGNE_ORGANISERS_DONE,
    ),
    // Relays are added by the circle's organisers, not by the host association.
    post(
        "/evenements/{id}/relais",
        "/evenements/{event}/relais",
        &[("partner", "")],
        COMPIEGNE_OFFICE_FORM,
    ),
    get(
        "/accueillir-une-conference",
        "/accueillir-une-conference",
        ALL_200,
    ),
    post(
        "/accueillir-une-conference",
        "/accueillir-une-conference",
        &[("association", "")],
        [422; 7],
    ),
    get("/contact", "/contact", ALL_200),
    post("/contact", "/contact", &[("category", "join")], [422; 7]),
    get("/devenir-mentor", "/devenir-mentor", ALL_200),
    get("/trouver-un-mentor", "/trouver-un-mentor", ALL_200),
    get("/admin/demandes", "/admin/demandes", NATIONAL),
    get(
        "/admin/demandes/{id}",
        "/admin/demandes/{request}",
        NATIONAL,
    ),
    post(
        "/admin/demandes/{id}/planifier",
        "/admin/demandes/{request}/planifier",
        &[("date", "")],
        NATIONAL_FORM,
    ),
    post(
        "/admin/demandes/{id}/repondue",
        "/admin/demandes/{request}/repondue",
        &[],
        NATIONAL_DONE,
    ),
];
