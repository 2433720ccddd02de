//! Writes that a page causes but need not wait for — appends to the audit log, a
//! session's rare touch, an API token's day of last use, a thread marked read when one
//! of its pair opens it — queued and written after the response, in batches.
//!
//! A signed-in GET must not hold SQLite's one writer while its page renders: under
//! load the pages would queue behind each other's bookkeeping. The queue is written
//! by one task, each batch in one transaction; whoever must see every entry (the
//! audit log page, shutdown) waits for the queue to settle first.

use chrono::{DateTime, Utc};
use mentorat_store::Store;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

/// A write to make after the response.
#[derive(Debug)]
pub(crate) enum Deferred {
    Audit {
        at: DateTime<Utc>,
        actor: Option<Uuid>,
        action: &'static str,
        subject: Option<Uuid>,
        detail: String,
    },
    TouchSession {
        id_hash: String,
        at: DateTime<Utc>,
    },
    /// An API token was used on `day` (`2026-12-07`).
    TokenUsed {
        id: Uuid,
        day: String,
    },
    /// One of a pair opened their thread: read up to `at`.
    ThreadRead {
        mentorship: Uuid,
        user: Uuid,
        at: DateTime<Utc>,
    },
}

enum Message {
    Write(Deferred),
    Settle(oneshot::Sender<()>),
}

/// The queue's handle, cheap to clone.
#[derive(Clone, Debug)]
pub struct DeferredWrites {
    sender: mpsc::Sender<Message>,
}

/// Writes at most this many entries in one transaction, so that a backlog never
/// holds the writer for long.
const BATCH: usize = 256;

impl DeferredWrites {
    /// Starts the writing task on the current runtime.
    pub(crate) fn start(store: Store) -> DeferredWrites {
        // Bounded: when the database falls far behind, pages wait for room instead
        // of the queue growing without end.
        let (sender, receiver) = mpsc::channel(4096);
        tokio::spawn(run(store, receiver));
        DeferredWrites { sender }
    }

    pub(crate) async fn push(&self, write: Deferred) {
        if self.sender.send(Message::Write(write)).await.is_err() {
            tracing::error!("the deferred writes' task has stopped: a write was lost");
        }
    }

    /// Waits until every write queued before this call is in the database.
    pub async fn settle(&self) {
        let (done, wait) = oneshot::channel();
        if self.sender.send(Message::Settle(done)).await.is_ok() {
            let _ = wait.await;
        }
    }
}

async fn run(store: Store, mut receiver: mpsc::Receiver<Message>) {
    let mut writes = Vec::with_capacity(BATCH);
    let mut settled = Vec::new();
    while let Some(first) = receiver.recv().await {
        let mut next = Some(first);
        while let Some(message) = next.take() {
            match message {
                Message::Write(write) => writes.push(write),
                Message::Settle(done) => settled.push(done),
            }
            if writes.len() < BATCH {
                next = receiver.try_recv().ok();
            }
        }
        if !writes.is_empty()
            && let Err(e) = write_batch(&store, &writes).await
        {
            // The cause only: entries name people.
            tracing::error!(error = %e, lost = writes.len(), "deferred writes failed");
        }
        writes.clear();
        for done in settled.drain(..) {
            let _ = done.send(());
        }
    }
}

async fn write_batch(store: &Store, writes: &[Deferred]) -> mentorat_store::Result<()> {
    let mut tx = store.begin().await?;
    for write in writes {
        match write {
            Deferred::Audit {
                at,
                actor,
                action,
                subject,
                detail,
            } => tx.audit_at(*at, *actor, action, *subject, detail).await?,
            Deferred::TouchSession { id_hash, at } => tx.touch_session(id_hash, *at).await?,
            Deferred::TokenUsed { id, day } => tx.mark_token_used(*id, day).await?,
            Deferred::ThreadRead {
                mentorship,
                user,
                at,
            } => tx.mark_read(*mentorship, *user, *at).await?,
        }
    }
    tx.commit().await
}
