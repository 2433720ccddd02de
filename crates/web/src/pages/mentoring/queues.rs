//! The coordination page's queues, whole, as CSVs for a spreadsheet (audited): the
//! applications to vet, the projects to review, the porteurs waiting for a mentor and
//! the mentors past vetting, of the viewer's circles (the whole network for the
//! national team). The page shows their first lines; a file holds them all.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WholeQueue {
    Applications,
    ToReview,
    Waiting,
    Mentors,
}

impl WholeQueue {
    /// The file's name, which is also its address under `/coordination/`.
    pub(super) fn file(self) -> &'static str {
        match self {
            WholeQueue::Applications => "candidatures.csv",
            WholeQueue::ToReview => "projets-a-relire.csv",
            WholeQueue::Waiting => "porteurs-en-attente.csv",
            WholeQueue::Mentors => "mentors.csv",
        }
    }

    pub(super) fn href(self) -> String {
        format!("/coordination/{}", self.file())
    }

    /// The list's name in the audit log.
    fn what(self) -> &'static str {
        match self {
            WholeQueue::Applications => "queue_applications",
            WholeQueue::ToReview => "queue_projects_to_review",
            WholeQueue::Waiting => "queue_waiting",
            WholeQueue::Mentors => "queue_mentors",
        }
    }
}

pub(super) async fn queue_csv(ctx: Ctx, queue: WholeQueue) -> Result<Response, WebError> {
    let scope = coordination_scope(&ctx)?;
    let app = &ctx.state().app;
    let tr = ctx.tr();
    let base = &app.settings.base_url;
    let day = |at: &chrono::DateTime<chrono::Utc>| tr.date(&at.date_naive());
    let (header, rows): (Vec<&str>, Vec<Vec<String>>) = match queue {
        WholeQueue::Applications | WholeQueue::Mentors => {
            let lines = app
                .whole_mentor_queue(&scope, queue == WholeQueue::Mentors)
                .await?;
            (
                vec!["csv-mentor", "csv-status", "csv-last-active", "csv-link"],
                lines
                    .into_iter()
                    .map(|m| {
                        vec![
                            m.name.full(),
                            tr.t(&format!("vetting-{}", m.status)),
                            m.last_active_at.as_ref().map(day).unwrap_or_default(),
                            format!("{base}/coordination/mentors/{}", m.user_id),
                        ]
                    })
                    .collect(),
            )
        }
        WholeQueue::ToReview | WholeQueue::Waiting => {
            let lines = app
                .whole_project_queue(&scope, queue == WholeQueue::Waiting)
                .await?;
            (
                vec!["csv-project", "csv-status", "csv-submitted", "csv-link"],
                lines
                    .into_iter()
                    .map(|p| {
                        vec![
                            p.title,
                            tr.t(&format!("project-status-{}", p.status)),
                            day(&p.created_at),
                            format!("{base}/coordination/projets/{}", p.id),
                        ]
                    })
                    .collect(),
            )
        }
    };
    let header: Vec<String> = header.iter().map(|k| tr.t(k)).collect();
    crate::pages::list_export(&ctx, queue.what(), queue.file(), &header, rows).await
}
