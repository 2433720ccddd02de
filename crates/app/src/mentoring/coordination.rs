//! The coordinators' page as data: the work queues (their first lines, oldest first,
//! and their totals), the quiet relationships, feedback in aggregate and the next
//! events of the viewer's circles; for the national team, every circle's counts. A
//! fixed number of queries, whatever the network's size.

use super::*;
use mentorat_domain::Event;
use mentorat_domain::policy::Scope;
pub use mentorat_store::{CircleCounts, MentorLine, ProjectLine};
use std::collections::HashMap;

/// The first lines of a queue and how many lines it holds in all.
#[derive(Debug, Clone)]
pub struct Queue<T> {
    pub total: i64,
    pub lines: Vec<T>,
}

/// How many lines each queue shows to a circle's coordinators.
pub const QUEUE_LINES: u64 = 50;
/// How many lines each of the network's queues shows to the national team, who finds
/// each circle's counts in the overview and its queues on the circle's page.
pub const NETWORK_QUEUE_LINES: u64 = 10;
/// How many upcoming events the page lists.
const EVENTS: u64 = 10;

#[derive(Debug, Clone)]
pub struct Board {
    /// Applications to vet (submitted, interview planned).
    pub applications: Queue<MentorLine>,
    /// Projects to review (submitted, more details asked).
    pub to_review: Queue<ProjectLine>,
    /// Validated projects waiting for a mentor.
    pub waiting: Queue<ProjectLine>,
    /// Mentors past vetting (approved, paused, declined); the national team finds them
    /// counted by circle instead.
    pub mentors: Option<Queue<MentorLine>>,
    /// Relationships without a meeting for a long time (the longest quiet first).
    pub attention: Vec<QuietMentorship>,
    pub feedback: FeedbackSummary,
    pub events: Vec<Event>,
    /// The national team's overview: each circle with its counts (none for
    /// coordinators, who see their circles' queues).
    pub circles: Vec<(mentorat_domain::Circle, CircleCounts)>,
    /// The circles the viewer runs, by name: (id, name).
    pub run: Vec<(Uuid, String)>,
}

/// The boards computed, by scope (`None` for the network's), each with the generations
/// and the minute it was computed at.
pub(crate) type KeptBoards = HashMap<Option<Vec<Uuid>>, (([i64; 3], i64), Arc<Board>)>;

/// At most this many boards are kept (one per circle and per coordinator of several,
/// and the network's); past it they are all computed anew.
const KEPT_BOARDS: usize = 1_000;

impl App {
    /// The coordination page of a viewer whose pages cover `scope`: computed once per
    /// change of what it shows (the database's generations of the public data, the
    /// mentors and the relationships, the same for every instance) and per minute of
    /// the platform's clock (the quiet relationships and the next events follow the
    /// time), and shared between the requests of that scope.
    pub async fn coordination_board(&self, scope: &Scope) -> Result<Arc<Board>, AppError> {
        let generations = self.store.coordination_generations().await?;
        let key = (generations, self.now().timestamp().div_euclid(60));
        let scope_key = match scope {
            Scope::Network => None,
            Scope::Circles(ids) => Some(ids.clone()),
        };
        // One request computes; the others wait for it and share its board.
        let mut kept = self.boards.lock().await;
        if let Some((at, board)) = kept.get(&scope_key)
            && *at == key
        {
            return Ok(board.clone());
        }
        let board = Arc::new(self.compute_board(scope).await?);
        if kept.len() >= KEPT_BOARDS {
            kept.clear();
        }
        kept.insert(scope_key, (key, board.clone()));
        Ok(board)
    }

    async fn compute_board(&self, scope: &Scope) -> Result<Board, AppError> {
        let circles: &[Uuid] = match scope {
            Scope::Network => &[],
            Scope::Circles(ids) => ids,
        };
        let now = self.now();
        let store = &self.store;
        let vetted = [Vetting::Approved, Vetting::Paused, Vetting::Declined];
        let lines = match scope {
            Scope::Network => NETWORK_QUEUE_LINES,
            Scope::Circles(_) => QUEUE_LINES,
        };
        let events = store.upcoming_events_of(now, circles, EVENTS).await?;
        // How many each queue holds: the circles' counts, summed.
        let counts = store.circle_counts(circles).await?;
        let total = |of: fn(&CircleCounts) -> i64| counts.values().map(of).sum::<i64>();
        let overview = match scope {
            Scope::Network => store
                .circles_by_name()
                .await?
                .into_iter()
                .map(|c| {
                    let n = counts.get(&Some(c.id)).copied().unwrap_or_default();
                    (c, n)
                })
                .collect(),
            Scope::Circles(_) => Vec::new(),
        };
        Ok(Board {
            applications: Queue {
                total: total(|c| c.applications),
                lines: store
                    .mentors_queue(
                        circles,
                        &[Vetting::Submitted, Vetting::InterviewPlanned],
                        lines,
                    )
                    .await?,
            },
            to_review: Queue {
                total: total(|c| c.to_review),
                lines: store
                    .projects_queue(
                        circles,
                        &[ProjectStatus::Submitted, ProjectStatus::NeedsDetails],
                        lines,
                    )
                    .await?,
            },
            waiting: Queue {
                total: total(|c| c.waiting),
                lines: store
                    .projects_queue(circles, &[ProjectStatus::Validated], lines)
                    .await?,
            },
            mentors: match scope {
                Scope::Network => None,
                Scope::Circles(_) => Some(Queue {
                    total: total(|c| c.mentors),
                    lines: store.mentors_queue(circles, &vetted, lines).await?,
                }),
            },
            attention: store
                .quiet_mentorships_in(circles, now - QUIET_FLAG, ATTENTION_LIST)
                .await?,
            feedback: store.feedback_summary(circles).await?,
            events,
            run: match scope {
                Scope::Network => overview
                    .iter()
                    .map(|(c, _)| (c.id, c.name.clone()))
                    .collect(),
                Scope::Circles(ids) => store.circle_names(ids).await?,
            },
            circles: overview,
        })
    }
}
