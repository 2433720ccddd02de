//! The route × role matrix: for every route of the platform and every role, the answer
//! written down here is the answer given, on SQLite and PostgreSQL. A route missing
//! from this table fails `every_route_has_a_row`.
//!
//! Columns: anonymous, porteur de projet, mentor, partner association (Compiègne),
//! coordinator of Compiègne, coordinator of Paris, national team. 303 for a protected
//! page means "sent to sign in"; 403 is "signed in, not allowed".

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app_with};
use std::collections::BTreeSet;

pub(crate) const ROLES: [Option<&str>; 7] = [
    None,
    Some("porteur@mentorat.example"),
    Some("mentor@mentorat.example"),
    Some("partenaire@mentorat.example"),
    Some("coordination.compiegne@mentorat.example"),
    Some("coordination.paris@mentorat.example"),
    Some("admin@mentorat.example"),
];

const STRONG: &str = "la grange bleue du vieux moulin";

pub(crate) struct Row {
    pub(crate) method: &'static str,
    template: &'static str,
    /// The concrete path, `{css}` and `{message}` filled in at run time.
    pub(crate) path: &'static str,
    form: &'static [(&'static str, &'static str)],
    expect: [u16; 7],
}

const ALL_200: [u16; 7] = [200; 7];
const MEMBERS: [u16; 7] = [303, 200, 200, 200, 200, 200, 200];
const MEMBERS_FORM: [u16; 7] = [303, 422, 422, 422, 422, 422, 422];
/// Coordinators (of any circle) and the national team.
const OFFICES: [u16; 7] = [303, 403, 403, 403, 200, 200, 200];
/// An API route for anyone signed in (anonymous: 401, no redirect).
const API_MEMBERS: [u16; 7] = [401, 200, 200, 200, 200, 200, 200];
const NATIONAL: [u16; 7] = [303, 403, 403, 403, 403, 403, 200];
const NATIONAL_FORM: [u16; 7] = [303, 403, 403, 403, 403, 403, 422];
const NATIONAL_DONE: [u16; 7] = [303, 403, 403, 403, 403, 403, 303];
/// A Compiègne event hosted by the Compiègne partner association.
const COMPIEGNE_ORGANISERS: [u16; 7] = [303, 403, 403, 200, 200, 403, 200];
/// The same, for an action done (then a redirect to the page that says so).
const COMPIEGNE_ORGANISERS_DONE: [u16; 7] = [303, 403, 403, 303, 303, 403, 303];
/// A Paris event: neither the Compiègne partner nor the Compiègne coordinator.
const PARIS_ORGANISERS: [u16; 7] = [303, 403, 403, 403, 403, 200, 200];
/// The back office of the Compiègne circle: its coordinator and the national team.
const COMPIEGNE_OFFICE: [u16; 7] = [303, 403, 403, 403, 200, 403, 200];
const COMPIEGNE_OFFICE_FORM: [u16; 7] = [303, 403, 403, 403, 422, 403, 422];
/// Done by its coordinator, then refused to the national team (done already).
const COMPIEGNE_OFFICE_ONCE: [u16; 7] = [303, 403, 403, 403, 303, 403, 422];

const fn get(template: &'static str, path: &'static str, expect: [u16; 7]) -> Row {
    Row {
        method: "GET",
        template,
        path,
        form: &[],
        expect,
    }
}

const fn post(
    template: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    expect: [u16; 7],
) -> Row {
    Row {
        method: "POST",
        template,
        path,
        form,
        expect,
    }
}

pub(crate) const ROWS: &[Row] = &[
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
    // No file: the page says which.
    post("/admin/import", "/admin/import", &[], NATIONAL_FORM),
    get(
        "/admin/import/{id}",
        "/admin/import/00000000-0000-0000-0000-000000000000",
        [303, 403, 403, 403, 403, 403, 404],
    ),
    post(
        "/admin/import/{id}/confirmer",
        "/admin/import/00000000-0000-0000-0000-000000000000/confirmer",
        &[("confirm", "1")],
        [303, 403, 403, 403, 403, 403, 404],
    ),
    get("/mon-espace/charte", "/mon-espace/charte", MEMBERS),
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
    get("/admin/messages", "/admin/messages", NATIONAL),
    post(
        "/admin/messages/{id}/etat",
        "/admin/messages/{contact}/etat",
        &[("status", "done")],
        NATIONAL_DONE,
    ),
    get("/admin/tableau-de-bord", "/admin/tableau-de-bord", NATIONAL),
    post(
        "/admin/objectifs",
        "/admin/objectifs",
        &[("year", "")],
        NATIONAL_FORM,
    ),
    get("/admin/cercles", "/admin/cercles", NATIONAL),
    post(
        "/admin/cercles",
        "/admin/cercles",
        &[("name", "")],
        NATIONAL_FORM,
    ),
    get(
        "/admin/cercles/{slug}",
        "/admin/cercles/compiegne",
        COMPIEGNE_OFFICE,
    ),
    get(
        "/admin/cercles/{slug}/mentors",
        "/admin/cercles/compiegne/mentors",
        COMPIEGNE_OFFICE,
    ),
    get(
        "/admin/cercles/{slug}/projets",
        "/admin/cercles/compiegne/projets",
        COMPIEGNE_OFFICE,
    ),
    get(
        "/admin/cercles/{slug}/mentors.csv",
        "/admin/cercles/compiegne/mentors.csv",
        COMPIEGNE_OFFICE,
    ),
    get(
        "/admin/cercles/{slug}/projets.csv",
        "/admin/cercles/compiegne/projets.csv",
        COMPIEGNE_OFFICE,
    ),
    post(
        "/admin/cercles/{slug}/etat",
        "/admin/cercles/compiegne/etat",
        &[("status", "")],
        NATIONAL_FORM,
    ),
    post(
        "/admin/cercles/{slug}/territoire",
        "/admin/cercles/compiegne/territoire",
        &[("level", "epci")],
        NATIONAL_FORM,
    ),
    post(
        "/admin/cercles/{slug}/editions",
        "/admin/cercles/compiegne/editions",
        &[("date", "")],
        COMPIEGNE_OFFICE_FORM,
    ),
    post(
        "/admin/cercles/{slug}/coordinateurs",
        "/admin/cercles/compiegne/coordinateurs",
        &[("email", "")],
        NATIONAL_FORM,
    ),
    post(
        "/admin/cercles/{slug}/coordinateurs/{user}/retirer",
        "/admin/cercles/compiegne/coordinateurs/00000000-0000-0000-0000-000000000000/retirer",
        &[],
        [303, 403, 403, 403, 403, 403, 404],
    ),
    get(
        "/admin/evenements/nouveau",
        "/admin/evenements/nouveau",
        NATIONAL,
    ),
    post(
        "/admin/evenements/nouveau",
        "/admin/evenements/nouveau",
        &[("kind", "conference")],
        NATIONAL_FORM,
    ),
    get(
        "/admin/partenaires/{slug}",
        "/admin/partenaires/maison-des-associations-compiegne",
        [303, 403, 403, 200, 403, 403, 200],
    ),
    get(
        "/admin/partenaires/{slug}",
        "/admin/partenaires/quartiers-solidaires-paris",
        [303, 403, 403, 403, 403, 403, 200],
    ),
    post(
        "/admin/partenaires/{slug}/membres",
        "/admin/partenaires/maison-des-associations-compiegne/membres",
        &[("email", "")],
        NATIONAL_FORM,
    ),
    get("/mon-espace", "/mon-espace", MEMBERS),
    // The test client is the machine itself (127.0.0.1) and no token is set.
    get("/metrics", "/metrics", ALL_200),
    get(
        "/annuaire",
        "/annuaire?projet={porteur_project}",
        [303, 200, 403, 403, 403, 403, 403],
    ),
    post(
        "/annuaire/demande",
        "/annuaire/demande",
        &[
            ("project", "{porteur_project}"),
            ("mentor", "00000000-0000-0000-0000-000000000000"),
            ("message", "Bonjour"),
        ],
        [303, 404, 403, 403, 403, 403, 403],
    ),
    get("/consentement/{token}", "/consentement/0000", ALL_200),
    post("/consentement/{token}", "/consentement/0000", &[], [410; 7]),
    post(
        "/consentement/{token}/retirer",
        "/consentement/0000/retirer",
        &[("confirm", "1")],
        [410; 7],
    ),
    post(
        "/devenir-mentor",
        "/devenir-mentor",
        &[("bio", "")],
        MEMBERS_FORM,
    ),
    post(
        "/trouver-un-mentor",
        "/trouver-un-mentor",
        &[("title", "")],
        MEMBERS_FORM,
    ),
    get(
        "/coordination",
        "/coordination",
        [303, 403, 403, 403, 200, 200, 200],
    ),
    get(
        "/coordination/mentors/{id}",
        "/coordination/mentors/{demo_mentor}",
        COMPIEGNE_OFFICE,
    ),
    post(
        "/coordination/mentors/{id}",
        "/coordination/mentors/{demo_mentor}",
        &[("status", "")],
        COMPIEGNE_OFFICE_FORM,
    ),
    // A Compiègne porteur's record: the Paris coordinator is refused.
    get(
        "/coordination/projets/{id}",
        "/coordination/projets/{porteur_project}",
        COMPIEGNE_OFFICE,
    ),
    post(
        "/coordination/projets/{id}",
        "/coordination/projets/{porteur_project}",
        &[("decision", "")],
        COMPIEGNE_OFFICE_FORM,
    ),
    // The demo mentor's relationship with Kevin: the pair (the mentor here), the
    // Compiègne coordinator (dates and durations only) and the national team.
    get(
        "/mentorats/{id}",
        "/mentorats/{mentorship}",
        [303, 403, 200, 403, 200, 403, 200],
    ),
    post(
        "/mentorats/{id}/rencontres",
        "/mentorats/{mentorship}/rencontres",
        &[("date", "")],
        [303, 403, 422, 403, 403, 403, 403],
    ),
    post(
        "/mentorats/{id}/cloture",
        "/mentorats/{mentorship}/cloture",
        &[("reason", "")],
        [303, 403, 422, 403, 403, 403, 403],
    ),
    post(
        "/mentorats/{id}/avis",
        "/mentorats/{mentorship}/avis",
        &[("satisfaction", "")],
        [303, 403, 422, 403, 403, 403, 403],
    ),
    // The pair's messages: the pair reads them; the circle's coordinators only the
    // reported ones (none here); the national team never (the thread is an adult's).
    get(
        "/mentorats/{id}/messages",
        "/mentorats/{mentorship}/messages",
        [303, 403, 200, 403, 200, 403, 404],
    ),
    post(
        "/mentorats/{id}/messages",
        "/mentorats/{mentorship}/messages",
        &[("body", "")],
        [303, 403, 422, 403, 403, 403, 403],
    ),
    post(
        "/mentorats/{id}/signalement",
        "/mentorats/{mentorship}/signalement",
        &[("reason", "")],
        [303, 403, 422, 403, 403, 403, 403],
    ),
    post(
        "/mentorats/{id}/revue",
        "/mentorats/{mentorship}/revue",
        &[("decision", "")],
        [303, 403, 403, 403, 404, 403, 404],
    ),
    get(
        "/mentorats/{id}/point",
        "/mentorats/{mentorship}/point",
        [303, 403, 200, 403, 403, 403, 403],
    ),
    post(
        "/mentorats/{id}/point",
        "/mentorats/{mentorship}/point",
        &[("mood", "")],
        [303, 403, 422, 403, 403, 403, 403],
    ),
    get(
        "/demandes/{id}",
        "/demandes/00000000-0000-0000-0000-000000000000",
        [303, 404, 404, 404, 404, 404, 404],
    ),
    // A mentor's own profile, pause and certificate: mentors only.
    get(
        "/mon-espace/profil",
        "/mon-espace/profil",
        [303, 404, 200, 404, 404, 404, 404],
    ),
    post(
        "/mon-espace/profil",
        "/mon-espace/profil",
        &[("bio", "")],
        [303, 404, 422, 404, 404, 404, 404],
    ),
    post(
        "/mon-espace/pause",
        "/mon-espace/pause",
        &[("until", "")],
        [303, 404, 422, 404, 404, 404, 404],
    ),
    post(
        "/mon-espace/reprise",
        "/mon-espace/reprise",
        &[],
        [303, 404, 422, 404, 404, 404, 404],
    ),
    get(
        "/mon-espace/attestation",
        "/mon-espace/attestation",
        [303, 404, 200, 404, 404, 404, 404],
    ),
    get(
        "/mon-espace/attestation.pdf",
        "/mon-espace/attestation.pdf",
        [303, 404, 200, 404, 404, 404, 404],
    ),
    get("/admin/benevolat", "/admin/benevolat", NATIONAL),
    get("/admin/benevolat.csv", "/admin/benevolat.csv", NATIONAL),
    get(
        "/coordination/suivi",
        "/coordination/suivi",
        [303, 403, 403, 403, 200, 200, 200],
    ),
    post(
        "/demandes/{id}/reponse",
        "/demandes/00000000-0000-0000-0000-000000000000/reponse",
        &[("decision", "accept")],
        [303, 404, 404, 404, 404, 404, 404],
    ),
    post(
        "/demandes/{id}/retirer",
        "/demandes/00000000-0000-0000-0000-000000000000/retirer",
        &[("confirm", "1")],
        [303, 404, 404, 404, 404, 404, 404],
    ),
    post(
        "/mentorats/{id}/objectifs",
        "/mentorats/{mentorship}/objectifs",
        &[("title", "")],
        [303, 403, 422, 403, 403, 403, 403],
    ),
    post(
        "/mentorats/{id}/objectifs/{goal}",
        "/mentorats/{mentorship}/objectifs/00000000-0000-0000-0000-000000000000",
        &[("status", "reached")],
        [303, 403, 404, 403, 403, 403, 403],
    ),
    // A circle's matching weights: its coordinator and the national team.
    get(
        "/coordination/ponderations/{id}",
        "/coordination/ponderations/{compiegne}",
        COMPIEGNE_OFFICE,
    ),
    post(
        "/coordination/ponderations/{id}",
        "/coordination/ponderations/{compiegne}",
        &[("field", "")],
        COMPIEGNE_OFFICE_FORM,
    ),
    post(
        "/coordination/ponderations/{id}/defaut",
        "/coordination/ponderations/{compiegne}/defaut",
        &[],
        [303, 403, 403, 403, 303, 403, 303],
    ),
    get("/admin/domaines", "/admin/domaines", NATIONAL),
    post(
        "/admin/domaines/{code}",
        "/admin/domaines/commerce",
        &[("label_fr", "")],
        NATIONAL_FORM,
    ),
    post(
        "/coordination/appariements",
        "/coordination/appariements",
        &[("circle", "{compiegne}")],
        [303, 403, 403, 403, 303, 403, 303],
    ),
    get(
        "/coordination/appariements/{id}",
        "/coordination/appariements/{proposal}",
        COMPIEGNE_OFFICE,
    ),
    post(
        "/coordination/appariements/{id}/retirer",
        "/coordination/appariements/{proposal}/retirer",
        &[("project", "00000000-0000-0000-0000-000000000000")],
        [303, 403, 403, 403, 404, 403, 404],
    ),
    post(
        "/coordination/appariements/{id}/publier",
        "/coordination/appariements/{proposal}/publier",
        &[("confirm", "1")],
        COMPIEGNE_OFFICE_ONCE,
    ),
    // Published by the row above: the page says so.
    post(
        "/coordination/appariements/{id}/recalculer",
        "/coordination/appariements/{proposal}/recalculer",
        &[],
        COMPIEGNE_OFFICE,
    ),
    // Cancels the event: after every other row that uses it.
    post(
        "/evenements/{id}/annuler-evenement",
        "/evenements/{event}/annuler-evenement",
        &[("confirm", "1")],
        [303, 403, 403, 403, 303, 403, 303],
    ),
    // Last: it ends the session of each role.
    post("/deconnexion", "/deconnexion", &[], [303; 7]),
];

#[test]
fn every_route_has_a_row() {
    let declared = crate::routes::declared();
    let covered: BTreeSet<(String, String)> = ROWS
        .iter()
        .map(|r| (r.method.to_owned(), r.template.to_owned()))
        .collect();
    let missing: Vec<_> = declared.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&declared).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the matrix: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "rows for routes that do not exist: {stale:?}"
    );
}

/// The run-time parts of the matrix's paths: ids of demo records and of records made
/// for the run.
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

#[tokio::test]
async fn every_route_answers_every_role_as_written() {
    let app = spawn_app_with(|s| s.rate_burst = 1_000).await;
    let places = Places::prepare(&app).await;
    let clients = clients_of_every_role(&app).await;
    let mut failures = Vec::new();
    for row in ROWS {
        let path = places.fill(row.path);
        for (i, client) in clients.iter().enumerate() {
            let response = if row.method == "GET" {
                client.get(app.url(&path)).send().await.unwrap()
            } else {
                let csrf = app.csrf_of(client, None).await;
                let filled: Vec<(&str, String)> =
                    row.form.iter().map(|(k, v)| (*k, places.fill(v))).collect();
                let mut form: Vec<(&str, &str)> =
                    filled.iter().map(|(k, v)| (*k, v.as_str())).collect();
                form.push(("csrf", &csrf));
                client
                    .post(app.url(&path))
                    .header("Origin", &app.address)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
            };
            let status = response.status().as_u16();
            if status != row.expect[i] {
                failures.push(format!(
                    "{} {} as {:?}: got {status}, expected {}",
                    row.method, path, ROLES[i], row.expect[i]
                ));
            } else if status == 303 && row.expect == MEMBERS || row.expect == NATIONAL && i == 0 {
                let location = response
                    .headers()
                    .get("location")
                    .map(|l| l.to_str().unwrap().to_owned())
                    .unwrap_or_default();
                if !location.starts_with("/connexion?retour=") {
                    failures.push(format!(
                        "{} {path} as anonymous: sent to {location}, not to sign in",
                        row.method
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The API's rows once more, signed by personal tokens instead of sessions: a token
/// gets what its owner's session gets, never more (anonymous: no token at all, 401); on
/// the API's writes a read token is refused (`read_only_token`) whatever its owner may
/// do, a read-write one gets its owner's answer; revoked and expired tokens get 401.
#[tokio::test]
async fn api_routes_answer_a_token_as_they_answer_its_owner() {
    let app = spawn_app_with(|s| s.rate_burst = 1_000).await;
    let places = Places::prepare(&app).await;
    let mut tokens: Vec<Option<(String, String)>> = vec![None];
    for email in ROLES.iter().flatten() {
        let id = app.account_id(email).await;
        let read = app.app.create_api_token(id, "matrice", "read", "30").await;
        let write = app
            .app
            .create_api_token(id, "matrice", "read_write", "30")
            .await;
        tokens.push(Some((read.unwrap(), write.unwrap())));
    }
    // No cookie: only the token signs the requests.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in ROWS.iter().filter(|r| r.template.starts_with("/api/v1/")) {
        let path = places.fill(row.path);
        for (i, token) in tokens.iter().enumerate() {
            let (status, expected) = if row.method == "GET" {
                let mut request = client.get(app.url(&path));
                if let Some((read, _)) = token {
                    request = request.bearer_auth(read);
                }
                (
                    request.send().await.unwrap().status().as_u16(),
                    row.expect[i],
                )
            } else {
                let Some((read, write)) = token else { continue };
                let form: Vec<(&str, &str)> = row.form.to_vec();
                let refused = client
                    .post(app.url(&path))
                    .bearer_auth(read)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16();
                if refused != 403 {
                    failures.push(format!(
                        "POST {path} with {:?}'s read token: {refused}",
                        ROLES[i]
                    ));
                }
                let answered = client
                    .post(app.url(&path))
                    .bearer_auth(write)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16();
                (answered, row.expect[i])
            };
            checked += 1;
            if status != expected {
                failures.push(format!(
                    "{} {path} with {:?}'s token: got {status}, expected {expected}",
                    row.method, ROLES[i]
                ));
            }
        }
    }
    assert!(checked > 100, "{checked} calls");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A revoked token and an expired one are refused everywhere, even on open routes'
    // owner-only neighbours.
    let admin = app.account_id("admin@mentorat.example").await;
    let secret = app
        .app
        .create_api_token(admin, "révoqué", "read", "30")
        .await
        .unwrap();
    let id = app.app.api_tokens(admin).await.unwrap()[0].id;
    app.app.revoke_api_token(admin, id).await.unwrap();
    let revoked = client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 401);
    app.app.clock.advance(chrono::Duration::days(31));
    let (read, _) = tokens[6].clone().unwrap();
    let expired = client
        .get(app.url("/api/v1/dashboard"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), 401);
}
