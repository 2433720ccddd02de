//! The matrix's other rows: events, circles' back offices, mentoring; the rows that
//! change what others see come last.

use super::*;

pub(super) const OFFICE_ROWS: &[Row] = &[
    get("/admin/messages", "/admin/messages", NATIONAL),
    get("/admin/messages.csv", "/admin/messages.csv", NATIONAL),
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
    get("/admin/cercles.csv", "/admin/cercles.csv", NATIONAL),
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
        "/coordination/candidatures.csv",
        "/coordination/candidatures.csv",
        [303, 403, 403, 403, 200, 200, 200],
    ),
    get(
        "/coordination/projets-a-relire.csv",
        "/coordination/projets-a-relire.csv",
        [303, 403, 403, 403, 200, 200, 200],
    ),
    get(
        "/coordination/porteurs-en-attente.csv",
        "/coordination/porteurs-en-attente.csv",
        [303, 403, 403, 403, 200, 200, 200],
    ),
    get(
        "/coordination/mentors.csv",
        "/coordination/mentors.csv",
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
    get(
        "/coordination/appariements/{id}/appariements.csv",
        "/coordination/appariements/{proposal}/appariements.csv",
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
