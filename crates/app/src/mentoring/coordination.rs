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
/// The most lines a queue's CSV holds (the network has tens of thousands of projects).
const WHOLE_QUEUE: u64 = 200_000;

/// The circles of a scope for the queues' queries: none for the whole network.
fn scope_circles(scope: &Scope) -> &[Uuid] {
    match scope {
        Scope::Network => &[],
        Scope::Circles(ids) => ids,
    }
}

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

/// The boards computed, by scope, each with the generations and the minute it was
/// computed at.
pub(crate) type KeptBoards = HashMap<Scope, KeptBoard>;

/// A board, the generations and the minute it was computed at, and whether a newer one
/// is being computed aside.
pub(crate) struct KeptBoard {
    at: ([i64; 3], i64),
    board: Arc<Board>,
    refreshing: bool,
}

/// At most this many boards are kept (one per circle and per coordinator of several,
/// and the network's); past it they are all computed anew.
const KEPT_BOARDS: usize = 1_000;

impl App {
    /// The coordination page of a viewer whose pages cover `scope`: computed once per
    /// change of what it shows (the database's generations of the public data, the
    /// mentors and the relationships, the same for every instance) and per minute of
    /// the platform's clock (the quiet relationships and the next events follow the
    /// time), and shared between the requests of that scope. When only the minute
    /// turned (to the next), the requests go on with the board they have while one
    /// computes the next aside (the network's takes tens of milliseconds: every request
    /// would wait).
    pub async fn coordination_board(&self, scope: &Scope) -> Result<Arc<Board>, AppError> {
        let generations = self.store.coordination_generations().await?;
        let key = (generations, self.minute());
        // One request computes; the others wait for it and share its board.
        let mut kept = self.boards.lock().await;
        if let Some(k) = kept.get_mut(scope) {
            if k.at == key {
                return Ok(k.board.clone());
            }
            // Only the next minute: a board older than that (a quiet night, the
            // clock moved by days) is computed before answering.
            if k.at.0 == key.0 && k.at.1 + 1 == key.1 {
                if !k.refreshing {
                    k.refreshing = true;
                    let (app, scope) = (self.clone(), scope.clone());
                    tokio::spawn(async move { app.refresh_board_aside(scope, key).await });
                }
                return Ok(k.board.clone());
            }
        }
        let board = Arc::new(self.compute_board(scope).await?);
        if kept.len() >= KEPT_BOARDS {
            kept.clear();
        }
        kept.insert(
            scope.clone(),
            KeptBoard {
                at: key,
                board: board.clone(),
                refreshing: false,
            },
        );
        Ok(board)
    }

    /// The minute of the platform's clock.
    fn minute(&self) -> i64 {
        self.now().timestamp().div_euclid(60)
    }

    /// Computes the board of `scope` for a new minute while pages use the one kept,
    /// then puts it in its place (unless a newer one came meanwhile).
    async fn refresh_board_aside(&self, scope: Scope, at: ([i64; 3], i64)) {
        let computed = self.compute_board(&scope).await;
        let mut kept = self.boards.lock().await;
        let Some(k) = kept.get_mut(&scope) else {
            return;
        };
        k.refreshing = false;
        match computed {
            Ok(board) if k.at.0 == at.0 && k.at.1 < at.1 => {
                k.at = at;
                k.board = Arc::new(board);
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "a coordination board could not be computed"),
        }
    }

    /// A whole queue of the page, for its CSV: the applications to vet or the mentors
    /// past vetting (`vetted`), oldest first.
    pub async fn whole_mentor_queue(
        &self,
        scope: &Scope,
        vetted: bool,
    ) -> Result<Vec<MentorLine>, AppError> {
        let statuses: &[Vetting] = if vetted {
            &[Vetting::Approved, Vetting::Paused, Vetting::Declined]
        } else {
            &[Vetting::Submitted, Vetting::InterviewPlanned]
        };
        Ok(self
            .store
            .mentors_queue(scope_circles(scope), statuses, 0, WHOLE_QUEUE)
            .await?)
    }

    /// A whole queue of the page, for its CSV: the projects to review, or those
    /// validated and waiting for a mentor (`waiting`), oldest first.
    pub async fn whole_project_queue(
        &self,
        scope: &Scope,
        waiting: bool,
    ) -> Result<Vec<ProjectLine>, AppError> {
        let statuses: &[ProjectStatus] = if waiting {
            &[ProjectStatus::Validated]
        } else {
            &[ProjectStatus::Submitted, ProjectStatus::NeedsDetails]
        };
        Ok(self
            .store
            .projects_queue(scope_circles(scope), statuses, 0, WHOLE_QUEUE)
            .await?)
    }

    async fn compute_board(&self, scope: &Scope) -> Result<Board, AppError> {
        let circles = scope_circles(scope);
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
                        0,
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
                        0,
                        lines,
                    )
                    .await?,
            },
            waiting: Queue {
                total: total(|c| c.waiting),
                lines: store
                    .projects_queue(circles, &[ProjectStatus::Validated], 0, lines)
                    .await?,
            },
            mentors: match scope {
                Scope::Network => None,
                Scope::Circles(_) => Some(Queue {
                    total: total(|c| c.mentors),
                    lines: store.mentors_queue(circles, &vetted, 0, lines).await?,
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
