//! The demo's mentoring: a request answered, a relationship with a meeting.

use super::*;

/// Fields of experience for every demo mentor and project, and one living mentorship
/// (the demo mentor with Kevin Roux) with a meeting, so that the mentoring screens have
/// content. The demo porteur keeps a validated project and can use the directory.
pub(super) async fn load_mentoring(tx: &mut Tx, report: &mut DemoReport) -> Result<(), AppError> {
    for m in MENTORS {
        let id = demo_id(&format!("user/{}", demo_email(m.first, m.last)));
        tx.add_mentor_domain(id, m.field, m.years).await?;
    }
    let mentor = demo_id("user/mentor@mentorat.example");
    tx.add_mentor_domain(mentor, "creation-entreprise", 15)
        .await?;
    tx.add_mentor_domain(mentor, "commerce", 10).await?;
    tx.set_approved_at(mentor, mentorat_store::now() - chrono::Duration::days(200))
        .await?;
    for p in MENTEES {
        tx.add_project_domain(
            demo_id(&format!("project/{}", demo_email(p.first, p.last))),
            p.field,
        )
        .await?;
    }
    let porteur_project = demo_id("project/porteur@mentorat.example");
    tx.add_project_domain(porteur_project, "creation-entreprise")
        .await?;
    tx.add_project_domain(porteur_project, "commerce").await?;
    // Kevin Roux (a matched project) and the demo mentor: a living relationship.
    let kevin = demo_email("Kevin", "Roux");
    let request_id = demo_id("request/mentor/kevin");
    if !tx.request_exists(request_id).await? {
        let request = mentorat_store::RequestRecord {
            id: request_id,
            project_id: demo_id(&format!("project/{kevin}")),
            mentee_id: demo_id(&format!("user/{kevin}")),
            mentor_id: mentor,
            message: "Bonjour, j'aimerais être accompagné dans ma reconversion vers le numérique."
                .into(),
            status: mentorat_domain::RequestStatus::Open,
            decline_reason: None,
            decline_text: String::new(),
            created_at: mentorat_store::now() - chrono::Duration::days(40),
            reasons: "field\tnumerique\ncommune".into(),
        };
        tx.insert_request(&request).await?;
        if let Some(mentorship) = tx
            .accept_request(&request, mentorat_store::now() - chrono::Duration::days(38))
            .await?
        {
            let meeting = mentorat_store::MeetingRecord {
                id: demo_id("meeting/mentor/kevin/1"),
                held_on: mentorat_store::now() - chrono::Duration::days(20),
                minutes: 75,
                remote: false,
                topics: "Choisir une formation, préparer le financement".into(),
                private_notes:
                    "Kevin hésite entre deux formations ; reparler du budget la prochaine fois."
                        .into(),
            };
            tx.insert_meeting(mentorship, &meeting, mentor, mentorat_store::now())
                .await?;
            // Their thread: a meeting set up, a document promised.
            let kevin_id = demo_id(&format!("user/{kevin}"));
            for (n, (author, days, body)) in [
                (
                    mentor,
                    22,
                    "Bonjour Kevin, on se voit mardi pour parler des formations ?",
                ),
                (kevin_id, 22, "Oui, mardi 18 h à la médiathèque, merci !"),
                (
                    mentor,
                    3,
                    "J'ai trouvé le programme de la formation : je vous l'apporte.",
                ),
            ]
            .into_iter()
            .enumerate()
            {
                tx.insert_message(&mentorat_store::MessageRecord {
                    id: demo_id(&format!("message/mentor/kevin/{n}")),
                    mentorship_id: mentorship,
                    author_id: author,
                    body: body.into(),
                    created_at: mentorat_store::now() - chrono::Duration::days(days)
                        + chrono::Duration::hours(n as i64),
                })
                .await?;
            }
        }
        report.count(true);
    }
    Ok(())
}
