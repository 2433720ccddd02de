//! What organisers do with an event: « Mes événements », the registration list with
//! check-in, the sheet, the export and the invitations, and the associations around it
//! (host and relays, their share links and what each brought).

use super::*;

/// The event, if the viewer may manage its registrations.
pub(crate) async fn managed(ctx: &Ctx, id: &str) -> Result<Event, WebError> {
    let event = ctx.state().app.event_page(event_id(id)?).await?.event;
    ctx.require(
        Action::ManageEventRegistrations,
        &Resource::Event {
            circle_id: event.circle_id,
            partner_id: event.partner_id,
        },
    )?;
    Ok(event)
}

struct EventLink {
    href: String,
    title: String,
    when: String,
    place: String,
}

/// An association's share link to an event, as organisers and the partner see it.
pub struct ShareLink {
    /// « Les Amis d'Ath (accueil) ».
    pub who: String,
    /// The event, for a partner's list of its links.
    pub event: String,
    pub url: String,
    /// « 12 inscriptions par ce lien, dont 9 présences ».
    pub figures: String,
}

fn share_links(ctx: &Ctx, links: &[mentorat_app::events::PartnerLink]) -> Vec<ShareLink> {
    let tr = ctx.tr();
    let base = &ctx.state().app.settings.base_url;
    links
        .iter()
        .map(|l| ShareLink {
            who: tr.tv(
                "share-who",
                &[
                    ("name", &l.partner_name),
                    ("role", &tr.t(&format!("share-role-{}", l.role))),
                ],
            ),
            event: format!(
                "{} — {}",
                event_title(&tr, &l.title),
                tr.date(&l.starts_at.date_naive())
            ),
            url: format!("{base}/evenements/{}?par={}", l.event_id, l.code),
            figures: tr.tc(
                "share-figures",
                &[
                    ("registered", l.registered),
                    ("attended", l.attended),
                    ("applied", l.applied),
                ],
            ),
        })
        .collect()
}

/// A funnel's steps as the page says them: each count, and its share of the step
/// before (none for the first, or after an empty step).
fn funnel_steps(
    ctx: &Ctx,
    f: &mentorat_app::events::EventFunnel,
) -> Vec<(String, String, Option<String>)> {
    let tr = ctx.tr();
    let steps = [
        ("registered", f.registered),
        ("attended", f.attended),
        ("invited", f.invited),
        ("applied", f.applied),
        ("approved", f.approved),
        ("mentoring", f.mentoring),
    ];
    let mut before: Option<i64> = None;
    steps
        .into_iter()
        .map(|(key, n)| {
            let share = before.filter(|b| *b > 0).map(|b| {
                tr.ts(
                    "funnel-share",
                    "percent",
                    &((n * 100 + b / 2) / b).to_string(),
                )
            });
            before = Some(n);
            (tr.t(&format!("funnel-{key}")), tr.number(n), share)
        })
        .collect()
}

/// Organisers of the event's circle (its coordinators, the national team) add relays.
fn may_add_relays(ctx: &Ctx, event: &Event) -> bool {
    match event.circle_id {
        Some(c) => ctx
            .require(Action::ManageCircle, &Resource::Circle(c))
            .is_ok(),
        None => ctx
            .require(Action::ManageNetwork, &Resource::Platform)
            .is_ok(),
    }
}

fn relay_form(ctx: &Ctx, event: &Event, choices: &[mentorat_app::events::Partner]) -> FormView {
    let tr = ctx.tr();
    let mut form = FormView::new(
        "relay",
        format!("/evenements/{}/relais", event.id),
        tr.t("relay-submit"),
        Vec::new(),
    );
    form.title = Some(tr.t("relay-title"));
    form.lead = Some(tr.t("relay-lead"));
    form.select = Some((
        "partner",
        tr.t("relay-partner"),
        choices
            .iter()
            .map(|p| (p.slug.clone(), p.name.clone(), false))
            .collect(),
    ));
    form
}

#[derive(Deserialize)]
pub(super) struct RelayInput {
    #[serde(default)]
    partner: String,
}

pub(super) async fn add_relay(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<RelayInput>,
) -> Result<Response, WebError> {
    let event = managed(&ctx, &id).await?;
    if !may_add_relays(&ctx, &event) {
        return Err(WebError::Forbidden);
    }
    let actor = ctx.account().map(|a| a.id).unwrap_or_default();
    match ctx
        .state()
        .app
        .add_relay(actor, &event, &input.partner)
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/evenements/{}/inscriptions#relais", event.id)).into_response(),
        ),
        Err(e) => {
            let refused = refusal(e)?;
            let said = Some(ctx.tr().t(refused.key));
            let mut response = registrations_page(&ctx, &event, said, 1).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

#[derive(Template)]
#[template(path = "pages/organise.html")]
struct OrganiseTemplate<'a> {
    page: Page<'a>,
    events: Vec<EventLink>,
    /// The past events rather than those to come.
    past: bool,
    /// « 3 événements à venir ».
    count: String,
    pager: crate::pages::admin::Pager,
    /// For a partner's members: their association's share links.
    shares: Vec<ShareLink>,
    /// For a partner's members: their association's requests to host a conference.
    desks: Vec<Desk>,
}

/// A partner association's requests to host a conference, in its members' space.
struct Desk {
    name: String,
    /// The form to ask for one, filled in.
    ask: String,
    /// (asked on, status, the conference's page once scheduled)
    requests: Vec<(String, String, Option<String>)>,
}

/// `/organisation` lists the events to come; `?passes=1` the past ones; both by pages.
#[derive(Deserialize, Default)]
pub(super) struct OrganiseQuery {
    passes: Option<String>,
    page: Option<u64>,
}

pub(super) async fn organise(
    ctx: Ctx,
    Query(q): Query<OrganiseQuery>,
) -> Result<Response, WebError> {
    let Some(viewer) = ctx.viewer() else {
        return Err(WebError::SignIn {
            back_to: ctx.path.clone(),
        });
    };
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let past = q.passes.is_some();
    // The events whose registrations the viewer manages, as the policy says.
    let scope = viewer.events_scope();
    let size = crate::pages::admin::PAGE_SIZE;
    let page = q.page.unwrap_or(1).max(1);
    let (mut events, mut total) = app
        .organised_events(&scope, !past, (page - 1) * size, size)
        .await?;
    let pager = crate::pages::admin::pager(
        &tr,
        "/organisation",
        if past { "passes=1" } else { "" },
        page,
        total,
    );
    if page > pager.pages {
        // An old link past the last page: the last one.
        (events, total) = app
            .organised_events(&scope, !past, (pager.pages - 1) * size, size)
            .await?;
    }
    // A partner's members see their association's share links and what each brought,
    // and its requests to host a conference.
    let (shares, desks) = match &scope {
        mentorat_domain::policy::EventScope::Some { partners, .. } if !partners.is_empty() => (
            share_links(&ctx, &app.partner_links(partners).await?),
            app.partner_desks(partners)
                .await?
                .into_iter()
                .map(|d| Desk {
                    name: d.partner.name.clone(),
                    ask: format!("/accueillir-une-conference?partenaire={}", d.partner.slug),
                    requests: d
                        .requests
                        .iter()
                        .map(|r| {
                            (
                                tr.date(&r.created_at.date_naive()),
                                tr.t(&format!("request-status-{}", r.status)),
                                r.event_id.map(|e| format!("/evenements/{e}")),
                            )
                        })
                        .collect(),
                })
                .collect(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    let links = events
        .iter()
        .map(|e| EventLink {
            href: format!("/evenements/{}/inscriptions", e.id),
            title: event_title(&tr, &e.title),
            when: when(&ctx, e),
            place: place(e),
        })
        .collect();
    Ok(crate::pages::render(&OrganiseTemplate {
        page: ctx.page(tr.t("organise-title")),
        events: links,
        past,
        count: tr.tn(
            if past {
                "organise-past-count"
            } else {
                "organise-upcoming-count"
            },
            "count",
            total,
        ),
        pager,
        shares,
        desks,
    }))
}

struct RegistrationRow {
    id: Uuid,
    name: String,
    email: String,
    phone: String,
    status: String,
    active: bool,
    attended: bool,
}

#[derive(Template)]
#[template(path = "pages/registrations.html")]
struct RegistrationsTemplate<'a> {
    page: Page<'a>,
    id: Uuid,
    heading: String,
    when: String,
    summary: String,
    rows: Vec<RegistrationRow>,
    notice: Option<String>,
    pager: crate::pages::admin::Pager,
    /// The page shown, which the check-in buttons come back to.
    current_page: u64,
    /// The host's and the relays' share links, with what each brought.
    links: Vec<ShareLink>,
    /// The conference's funnel: (step, count, share of the step before).
    funnel: Vec<(String, String, Option<String>)>,
    /// Adding a relay, for the circle's organisers when the circle has partners left.
    relay: Option<FormView>,
}

async fn registrations_page(
    ctx: &Ctx,
    event: &Event,
    notice: Option<String>,
    page: u64,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let size = crate::pages::admin::PAGE_SIZE;
    let total = app.registrations_count(event.id).await?;
    let pager = crate::pages::admin::pager(
        &tr,
        &format!("/evenements/{}/inscriptions", event.id),
        "",
        page,
        total,
    );
    let page = page.clamp(1, pager.pages);
    let list = app
        .registrations_page(event.id, (page - 1) * size, size)
        .await?;
    let att = app.attendance(event.id).await?;
    let rows = list
        .into_iter()
        .map(|r| RegistrationRow {
            id: r.id,
            name: format!("{} {}", r.first_name, r.last_name)
                .trim()
                .to_owned(),
            email: r.email,
            phone: r.phone,
            status: tr.t(match r.status {
                RegistrationStatus::Confirmed => "status-confirmed",
                RegistrationStatus::Waitlisted => "status-waitlisted",
                RegistrationStatus::Cancelled => "status-cancelled",
            }),
            active: r.status != RegistrationStatus::Cancelled,
            attended: r.attended,
        })
        .collect();
    Ok(crate::pages::render(&RegistrationsTemplate {
        page: ctx.page(tr.ts(
            "registrations-title",
            "title",
            &event_title(&tr, &event.title),
        )),
        id: event.id,
        heading: tr.ts(
            "registrations-title",
            "title",
            &event_title(&tr, &event.title),
        ),
        when: when(ctx, event),
        summary: tr.tc(
            "registrations-summary",
            &[
                ("confirmed", att.confirmed),
                ("waitlisted", att.waitlisted),
                ("attended", att.attended),
            ],
        ),
        rows,
        notice,
        pager,
        current_page: page,
        links: share_links(ctx, &app.event_links(event.id).await?),
        funnel: funnel_steps(ctx, &app.event_funnel(event.id).await?),
        relay: if may_add_relays(ctx, event) {
            let choices = app.relay_choices(event).await?;
            (!choices.is_empty()).then(|| relay_form(ctx, event, &choices))
        } else {
            None
        },
    }))
}

/// After sending the invitations (a redirect: a refresh sends nothing again), how many.
#[derive(Deserialize, Default)]
pub(super) struct RegistrationsQuery {
    invitations: Option<u64>,
    page: Option<u64>,
}

pub(super) async fn registrations(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<RegistrationsQuery>,
) -> Result<Response, WebError> {
    let event = managed(&ctx, &id).await?;
    let notice = q
        .invitations
        .map(|count| ctx.tr().tn("invite-done", "count", count as i64));
    registrations_page(&ctx, &event, notice, q.page.unwrap_or(1)).await
}

#[derive(Deserialize)]
pub(super) struct CheckIn {
    registration: String,
    attended: String,
    /// The page of the list the person was on, to come back to it.
    #[serde(default)]
    page: Option<u64>,
}

pub(super) async fn check_in(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(input): Form<CheckIn>,
) -> Result<Response, WebError> {
    let event = managed(&ctx, &id).await?;
    let registration: Uuid = input.registration.parse().map_err(|_| WebError::NotFound)?;
    ctx.state()
        .app
        .check_in(event.id, registration, input.attended == "1")
        .await?;
    Ok(Redirect::to(&format!(
        "/evenements/{}/inscriptions?page={}#r-{registration}",
        event.id,
        input.page.unwrap_or(1).max(1)
    ))
    .into_response())
}

pub(super) async fn export_csv(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let event = managed(&ctx, &id).await?;
    let actor = ctx.account().map(|a| a.id).unwrap_or_default();
    let tr = ctx.tr();
    let labels = CsvLabels {
        header: [
            "csv-first-name",
            "csv-last-name",
            "csv-email",
            "csv-phone",
            "csv-status",
            "csv-attended",
            "csv-consent",
            "csv-heard-from",
            "csv-registered-at",
        ]
        .iter()
        .map(|k| tr.t(k))
        .collect(),
        confirmed: tr.t("status-confirmed"),
        waitlisted: tr.t("status-waitlisted"),
        cancelled: tr.t("status-cancelled"),
        yes: tr.t("yes"),
        no: tr.t("no"),
    };
    let bytes = ctx
        .state()
        .app
        .registrations_csv(actor, &event, &labels)
        .await?;
    Ok(crate::pages::csv_download("inscriptions.csv", bytes))
}

#[derive(Template)]
#[template(path = "pages/sheet.html")]
struct SheetTemplate<'a> {
    page: Page<'a>,
    title: String,
    when: String,
    place: String,
    names: Vec<String>,
}

pub(super) async fn sheet(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let event = managed(&ctx, &id).await?;
    let names = ctx
        .state()
        .app
        .registrations(event.id)
        .await?
        .into_iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed)
        .map(|r| {
            format!("{} {}", r.last_name.to_uppercase(), r.first_name)
                .trim()
                .to_owned()
        })
        .collect();
    let tr = ctx.tr();
    Ok(crate::pages::render(&SheetTemplate {
        page: ctx.page(tr.t("sheet-title")),
        title: event_title(&tr, &event.title),
        when: when(&ctx, &event),
        place: place(&event),
        names,
    }))
}

pub(super) async fn invite(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let event = managed(&ctx, &id).await?;
    let actor = ctx.account().map(|a| a.id).unwrap_or_default();
    let count = ctx.state().app.invite_attendees(actor, &event).await?;
    Ok(Redirect::to(&format!(
        "/evenements/{}/inscriptions?invitations={count}",
        event.id
    ))
    .into_response())
}
