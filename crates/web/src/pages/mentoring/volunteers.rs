//! A mentor's own profile after approval, their pause, their volunteering certificate
//! (a printable page and a PDF), and the national team's hours export.

use super::*;
use axum::http::{HeaderValue, header};
use chrono::Datelike;
use mentorat_app::mentoring::Certificate;
use mentorat_domain::pdf::{self, Line};

#[derive(Template)]
#[template(path = "pages/mentor_profile.html")]
pub(super) struct ProfileTemplate<'a> {
    page: Page<'a>,
    error: Option<(String, String)>,
    domains: Vec<(String, String)>,
    languages: Vec<(&'static str, String)>,
    fields: Vec<(String, String)>,
    /// Paused: until when (or why), and whether they may come back themselves.
    paused: Option<String>,
    can_resume: bool,
    tomorrow: String,
}

impl ProfileTemplate<'_> {
    fn value(&self, key: &str) -> String {
        one(&self.fields, key)
    }
    fn checked(&self, key: &str, value: &str) -> bool {
        self.fields.iter().any(|(k, v)| k == key && v == value)
    }
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|(f, _)| f == field)
    }
}

/// A mentor's profile as the form's fields.
fn fields_of(m: &MentorProfile, domains: &[(String, i64)]) -> Vec<(String, String)> {
    let mut fields = vec![
        ("bio".to_owned(), m.bio.clone()),
        ("travel_km".to_owned(), m.travel_km.to_string()),
        ("capacity".to_owned(), m.capacity.to_string()),
        ("availability".to_owned(), m.availability.clone()),
    ];
    if m.remote {
        fields.push(("remote".into(), "1".into()));
    }
    for l in m.languages.split(',') {
        fields.push(("languages".into(), l.to_owned()));
    }
    for (i, (code, years)) in domains.iter().take(3).enumerate() {
        fields.push((format!("domain_{}", i + 1), code.clone()));
        fields.push((format!("years_{}", i + 1), years.to_string()));
    }
    fields
}

async fn render_profile(
    ctx: &Ctx,
    user: Uuid,
    fields: Option<Vec<(String, String)>>,
    error: Option<(String, String)>,
) -> Result<Response, WebError> {
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let mentor = app
        .mentor_profile(user)
        .await
        .ok()
        .filter(|m| {
            matches!(
                m.status,
                mentorat_domain::mentoring::Vetting::Approved
                    | mentorat_domain::mentoring::Vetting::Paused
            )
        })
        .ok_or(WebError::NotFound)?;
    let fields = match fields {
        Some(f) => f,
        None => fields_of(&mentor, &app.mentor_domains(user).await?),
    };
    let paused = (mentor.status == mentorat_domain::mentoring::Vetting::Paused).then(|| {
        match (mentor.pause_reason.as_deref(), mentor.paused_until) {
            (Some("self"), Some(until)) => {
                tr.ts("pause-until", "date", &tr.date(&until.date_naive()))
            }
            (Some("expired"), _) => tr.t("pause-expired"),
            _ => tr.t("pause-coordination"),
        }
    });
    let refused = error.is_some();
    Ok(super::render_with(
        &ProfileTemplate {
            page: ctx.page(tr.t("profile-title")),
            error,
            domains: app
                .domains()
                .await?
                .iter()
                .map(|d| (d.code.clone(), d.label(ctx.locale).to_owned()))
                .collect(),
            languages: mentorat_domain::mentoring::LANGUAGES
                .iter()
                .map(|l| (*l, tr.t(&format!("language-{l}"))))
                .collect(),
            fields,
            can_resume: mentor.pause_reason.is_some(),
            paused,
            tomorrow: (app.now().date_naive() + chrono::Duration::days(1)).to_string(),
        },
        refused,
    ))
}

pub(super) async fn profile_page(ctx: Ctx) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    render_profile(&ctx, user, None, None).await
}

pub(super) async fn save_profile(ctx: Ctx, RawForm(raw): RawForm) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    let fields = pairs(&raw);
    let form = mentor_form(&fields, String::new());
    match ctx.state().app.edit_mentor_profile(user, &form).await {
        Ok(()) => Ok(Redirect::to("/mon-espace/profil?enregistre=1").into_response()),
        Err(e) => {
            let error = error_of(&ctx, e)?;
            render_profile(&ctx, user, Some(fields), Some(error)).await
        }
    }
}

#[derive(Deserialize)]
pub(super) struct PauseInput {
    #[serde(default)]
    until: String,
}

pub(super) async fn pause(ctx: Ctx, Form(input): Form<PauseInput>) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    match ctx.state().app.pause_self(user, &input.until).await {
        Ok(()) => Ok(Redirect::to("/mon-espace/profil").into_response()),
        Err(e) => {
            let error = error_of(&ctx, e)?;
            render_profile(&ctx, user, None, Some(error)).await
        }
    }
}

pub(super) async fn resume(ctx: Ctx) -> Result<Response, WebError> {
    let user = me(&ctx)?;
    match ctx.state().app.resume_self(user).await {
        Ok(()) => Ok(Redirect::to("/mon-espace/profil").into_response()),
        Err(e) => {
            let error = error_of(&ctx, e)?;
            render_profile(&ctx, user, None, Some(error)).await
        }
    }
}

#[derive(Deserialize)]
pub(super) struct YearQuery {
    annee: Option<i32>,
}

/// The certificate's sentences in the reader's language, for the page and the PDF.
struct CertificateText {
    title: String,
    lines: Vec<String>,
    signature: Vec<String>,
}

async fn certificate_text(ctx: &Ctx, c: &Certificate) -> Result<CertificateText, WebError> {
    use mentorat_domain::association::Detail;
    let tr = ctx.tr();
    let details = ctx.state().app.association_details().await?;
    let detail = |d: Detail| details.get(d).unwrap_or_default().to_owned();
    let hours = c.hours.minutes as f64 / 60.0;
    let period = match (c.year, c.hours.first, c.hours.last) {
        (Some(y), _, _) => tr.ts("certificate-year", "year", &y.to_string()),
        (None, Some(first), Some(last)) => tr.tv(
            "certificate-period",
            &[
                ("from", &tr.date(&first.date_naive())),
                ("to", &tr.date(&last.date_naive())),
            ],
        ),
        _ => tr.t("certificate-no-meeting"),
    };
    Ok(CertificateText {
        title: tr.t("certificate-title"),
        lines: vec![
            tr.ts("certificate-association", "name", &detail(Detail::Name)),
            tr.tv(
                "certificate-body",
                &[
                    ("name", &c.name.full()),
                    ("hours", &hours_text(&tr, hours)),
                    ("porteurs", &c.hours.porteurs.to_string()),
                    ("meetings", &c.hours.meetings.to_string()),
                ],
            ),
            period,
            tr.t("certificate-purpose"),
        ],
        signature: detail(Detail::Address)
            .lines()
            .map(str::to_owned)
            .chain([tr.ts(
                "certificate-issued",
                "date",
                &tr.date(&ctx.state().app.now().date_naive()),
            )])
            .collect(),
    })
}

/// Hours as a person writes them: « 3 », « 3,25 », « 2,5 » (two places at most).
fn hours_text(tr: &mentorat_app::i18n::Tr<'_>, hours: f64) -> String {
    let text = tr.decimal(hours, 2);
    let text = text.trim_end_matches('0');
    text.trim_end_matches([',', '.']).to_owned()
}

#[derive(Template)]
#[template(path = "pages/certificate.html")]
pub(super) struct CertificateTemplate<'a> {
    page: Page<'a>,
    text: CertificateText,
    pdf: String,
    years: Vec<i32>,
}

async fn own_certificate(ctx: &Ctx, year: Option<i32>) -> Result<Certificate, WebError> {
    let user = me(ctx)?;
    let app = &ctx.state().app;
    // Mentors only (whatever their status now: a paused mentor's hours count).
    app.mentor_profile(user)
        .await
        .map_err(|_| WebError::NotFound)?;
    Ok(app.certificate(user, year).await?)
}

pub(super) async fn certificate(
    ctx: Ctx,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let c = own_certificate(&ctx, q.annee).await?;
    let this_year = ctx.state().app.now().year();
    let pdf = match q.annee {
        Some(y) => format!("/mon-espace/attestation.pdf?annee={y}"),
        None => "/mon-espace/attestation.pdf".to_owned(),
    };
    Ok(super::render(&CertificateTemplate {
        page: ctx.page(ctx.tr().t("certificate-title")),
        text: certificate_text(&ctx, &c).await?,
        pdf,
        years: (this_year - 4..=this_year).rev().collect(),
    }))
}

pub(super) async fn certificate_pdf(
    ctx: Ctx,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let c = own_certificate(&ctx, q.annee).await?;
    let text = certificate_text(&ctx, &c).await?;
    let mut lines = vec![Line::title(text.title.clone()), Line::blank()];
    for l in &text.lines {
        lines.push(Line::body(l.clone()));
        lines.push(Line::blank());
    }
    lines.extend(text.signature.iter().map(|l| Line::body(l.clone())));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"attestation-benevolat.pdf\""),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        pdf::document(&text.title, &lines),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "pages/hours.html")]
pub(super) struct HoursTemplate<'a> {
    page: Page<'a>,
    years: Vec<i32>,
    rate: String,
}

pub(super) async fn hours_page(ctx: Ctx) -> Result<Response, WebError> {
    ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let this_year = ctx.state().app.now().year();
    Ok(super::render(&HoursTemplate {
        page: ctx.page(ctx.tr().t("hours-title")),
        years: (this_year - 4..=this_year).rev().collect(),
        rate: ctx.tr().decimal(DEFAULT_RATE, 2),
    }))
}

/// The hourly rate offered by default (the gross minimum wage of 2026, rounded).
const DEFAULT_RATE: f64 = 11.88;

#[derive(Deserialize)]
pub(super) struct HoursQuery {
    annee: Option<i32>,
    #[serde(default)]
    taux: String,
}

pub(super) async fn hours_csv(ctx: Ctx, Query(q): Query<HoursQuery>) -> Result<Response, WebError> {
    let account = ctx.require(Action::ManageNetwork, &Resource::Platform)?;
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let year = q.annee.unwrap_or_else(|| app.now().year());
    let rate = match q.taux.trim() {
        "" => DEFAULT_RATE,
        t => t
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|r| (0.0..=1_000.0).contains(r))
            .ok_or(WebError::NotFound)?,
    };
    let lines = app.hours_by_circle_month(account.id, year).await?;
    let circles: Vec<Uuid> = lines.iter().filter_map(|l| l.circle_id).collect();
    let names: std::collections::HashMap<Uuid, String> =
        app.circle_names(&circles).await?.into_iter().collect();
    let money = |minutes: i64| tr.decimal(minutes as f64 / 60.0 * rate, 2);
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.circle_id
                    .and_then(|c| names.get(&c).cloned())
                    .unwrap_or_else(|| tr.t("hours-no-circle")),
                l.month.clone(),
                l.mentors.to_string(),
                l.meetings.to_string(),
                tr.decimal(l.minutes as f64 / 60.0, 2),
                money(l.minutes),
            ]
        })
        .collect();
    let minutes: i64 = lines.iter().map(|l| l.minutes).sum();
    rows.push(vec![
        tr.t("hours-total"),
        year.to_string(),
        String::new(),
        lines.iter().map(|l| l.meetings).sum::<i64>().to_string(),
        tr.decimal(minutes as f64 / 60.0, 2),
        money(minutes),
    ]);
    let header: Vec<String> = [
        "hours-csv-circle",
        "hours-csv-month",
        "hours-csv-mentors",
        "hours-csv-meetings",
        "hours-csv-hours",
        "hours-csv-value",
    ]
    .iter()
    .map(|k| tr.t(k))
    .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Ok(crate::pages::csv_download(
        "benevolat.csv",
        mentorat_domain::csv::french_csv(&header, &rows),
    ))
}
