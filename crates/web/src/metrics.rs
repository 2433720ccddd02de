//! `/metrics` in the Prometheus text format, encoded by the `prometheus-client` crate:
//! requests by route template, method and status with their latency; the database's
//! write queue and connections; the outbox's depth and the age of its oldest message;
//! each periodic sweep's last run and duration; the mentors' index's size and build
//! time. With the `metrics_token` setting, answered to `Authorization: Bearer` and that
//! token only; without it, only to the machine itself (the peer 127.0.0.1 or ::1 — never
//! a forwarded address). Anyone else gets a 404, as if there were nothing there.

use crate::AppState;
use axum::Router;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::sync::atomic::AtomicU64;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    pool: String,
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct SweepLabels {
    sweep: String,
}

type Seconds = Gauge<f64, AtomicU64>;

/// The process's metrics, registered once.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Histogram, fn() -> Histogram>,
    write_transactions: Counter,
    write_wait: Counter<f64, AtomicU64>,
    /// What the store's cumulative figures were at the last scrape.
    last_waits: Mutex<(u64, f64)>,
    connections: Family<PoolLabels, Gauge>,
    outbox_depth: Gauge,
    outbox_oldest: Seconds,
    sweep_last_run: Family<SweepLabels, Seconds>,
    sweep_duration: Family<SweepLabels, Seconds>,
    index_mentors: Gauge,
    index_build: Seconds,
}

fn latency() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

impl Default for Metrics {
    fn default() -> Metrics {
        let mut registry = Registry::with_prefix("mentorat");
        let requests =
            Family::<RequestLabels, Histogram, fn() -> Histogram>::new_with_constructor(latency);
        registry.register(
            "http_request_duration_seconds",
            "Requests by route template, method and status, and how long they took",
            requests.clone(),
        );
        let write_transactions = Counter::default();
        registry.register(
            "db_write_transactions",
            "Write transactions begun",
            write_transactions.clone(),
        );
        let write_wait = Counter::<f64, AtomicU64>::default();
        registry.register(
            "db_write_wait_seconds",
            "Time spent waiting to begin write transactions (the writer's queue, a connection)",
            write_wait.clone(),
        );
        let connections = Family::<PoolLabels, Gauge>::default();
        registry.register(
            "db_connections",
            "Database connections by pool, busy or idle",
            connections.clone(),
        );
        let outbox_depth = Gauge::default();
        registry.register(
            "outbox_depth",
            "E-mails waiting to be sent",
            outbox_depth.clone(),
        );
        let outbox_oldest = Seconds::default();
        registry.register(
            "outbox_oldest_age_seconds",
            "Age of the oldest e-mail waiting to be sent (0: none)",
            outbox_oldest.clone(),
        );
        let sweep_last_run = Family::<SweepLabels, Seconds>::default();
        registry.register(
            "sweep_last_run_timestamp_seconds",
            "When each periodic sweep last finished (Unix time)",
            sweep_last_run.clone(),
        );
        let sweep_duration = Family::<SweepLabels, Seconds>::default();
        registry.register(
            "sweep_duration_seconds",
            "How long each periodic sweep took, last time",
            sweep_duration.clone(),
        );
        let index_mentors = Gauge::default();
        registry.register(
            "mentor_index_mentors",
            "Mentors in the matching index",
            index_mentors.clone(),
        );
        let index_build = Seconds::default();
        registry.register(
            "mentor_index_build_seconds",
            "How long the matching index took to build, last time",
            index_build.clone(),
        );
        Metrics {
            registry,
            requests,
            write_transactions,
            write_wait,
            last_waits: Mutex::new((0, 0.0)),
            connections,
            outbox_depth,
            outbox_oldest,
            sweep_last_run,
            sweep_duration,
            index_mentors,
            index_build,
        }
    }
}

impl Metrics {
    /// A request answered (by the request-log layer).
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_owned(),
                route: route.to_owned(),
                status,
            })
            .observe(seconds);
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}

/// The token when one is set, else the machine itself.
fn allowed(token: Option<&str>, peer: SocketAddr, headers: &HeaderMap) -> bool {
    let Some(token) = token else {
        return peer.ip().is_loopback();
    };
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| {
            // Compared in constant time.
            given.len() == token.len()
                && given
                    .bytes()
                    .zip(token.bytes())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
        })
}

async fn metrics(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    if !allowed(state.app.settings.metrics_token.as_deref(), peer, &headers) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let m = &state.metrics;
    let app = &state.app;
    let store = &app.store;
    {
        let (begun, waited) = store.write_waits();
        let mut last = m.last_waits.lock().unwrap_or_else(|p| p.into_inner());
        m.write_transactions.inc_by(begun.saturating_sub(last.0));
        m.write_wait.inc_by((waited - last.1).max(0.0));
        *last = (begun, waited);
    }
    for (pool, open, idle) in store.pool_stats() {
        let idle = idle as i64;
        for (state, n) in [("busy", i64::from(open) - idle), ("idle", idle)] {
            m.connections
                .get_or_create(&PoolLabels {
                    pool: pool.to_owned(),
                    state: state.to_owned(),
                })
                .set(n.max(0));
        }
    }
    match store.outbox_backlog().await {
        Ok((depth, oldest)) => {
            m.outbox_depth.set(depth);
            let age = oldest.map_or(0.0, |at| {
                (app.now() - at).num_milliseconds() as f64 / 1000.0
            });
            m.outbox_oldest.set(age.max(0.0));
        }
        Err(e) => tracing::warn!(error = %e, "metrics: the outbox could not be read"),
    }
    for (sweep, at, seconds) in app.stats.sweeps() {
        let labels = SweepLabels {
            sweep: sweep.to_owned(),
        };
        m.sweep_last_run
            .get_or_create(&labels)
            .set(at.timestamp_millis() as f64 / 1000.0);
        m.sweep_duration.get_or_create(&labels).set(seconds);
    }
    if let Some((mentors, seconds)) = app.stats.index() {
        m.index_mentors.set(mentors as i64);
        m.index_build.set(seconds);
    }
    let mut body = String::new();
    if encode(&mut body, &m.registry).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_machine_without_a_token_and_only_the_token_with_one() {
        let here: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let outside: SocketAddr = "203.0.113.7:5000".parse().unwrap();
        let none = HeaderMap::new();
        let mut good = HeaderMap::new();
        good.insert(
            header::AUTHORIZATION,
            "Bearer s3cret-token".parse().unwrap(),
        );
        let mut bad = HeaderMap::new();
        bad.insert(
            header::AUTHORIZATION,
            "Bearer s3cret-tokem".parse().unwrap(),
        );
        assert!(allowed(None, here, &none));
        assert!(!allowed(None, outside, &none));
        assert!(
            !allowed(None, outside, &good),
            "no token set: none is accepted"
        );
        let token = Some("s3cret-token");
        assert!(allowed(token, outside, &good));
        assert!(allowed(token, here, &good));
        assert!(!allowed(token, outside, &bad));
        assert!(!allowed(token, outside, &none));
        assert!(
            !allowed(token, here, &none),
            "with a token, the machine needs it too"
        );
    }
}
