//! The web face of mentorat: one router per feature, merged in [`router`], over the
//! shared [`AppState`]. HTML pages and JSON endpoints of a feature call the same use
//! case of `mentorat-app`; handlers never see SQL.

mod api;
mod assets;
mod cache;
mod compress;
mod error;
mod health;
mod input;
pub use mentorat_app::i18n;
pub mod metrics;
mod middleware;
mod page;
mod pages;
pub mod session;

pub use error::WebError;

use axum::Router;
use mentorat_app::App;
use std::sync::Arc;
use tokio::net::TcpListener;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// What `/metrics` exposes (see [`metrics`]).
    pub metrics: Arc<metrics::Metrics>,
    /// The server is stopping: readiness answers « not ready » (see `health`).
    pub draining: Arc<std::sync::atomic::AtomicBool>,
    pub assets: Arc<assets::Assets>,
    /// The public pages kept rendered and compressed (see [`cache`]).
    pub pages: Arc<cache::PageCache>,
}

impl AppState {
    pub fn new(app: App) -> AppState {
        AppState {
            app,
            draining: Default::default(),
            metrics: Default::default(),
            assets: Arc::new(assets::Assets::load()),
            pages: Default::default(),
        }
    }
}

/// The whole platform: every feature's router, then the layers that apply to all.
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .merge(health::router())
        .merge(metrics::router())
        .merge(assets::router())
        .merge(pages::home::router())
        .merge(pages::circles::router())
        .merge(pages::account::router())
        .merge(pages::auth::router())
        .merge(pages::done::router())
        .merge(pages::admin::router())
        .merge(pages::association::router())
        .merge(pages::privacy_admin::router())
        .merge(pages::qpv::router())
        .merge(pages::impact::router())
        .merge(pages::imports::router())
        .merge(pages::tokens::router())
        .merge(pages::events::router())
        .merge(pages::inbox::router())
        .merge(pages::inbox_export::router())
        .merge(pages::dashboard::router())
        .merge(pages::circles_admin::router())
        .merge(pages::mentoring::router())
        .merge(pages::language::router())
        .merge(pages::communes::router())
        .merge(pages::map::router())
        .merge(api::router())
        .fallback(error::not_found);
    middleware::apply(routes, state.clone()).with_state(state)
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
