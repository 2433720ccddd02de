//! Public pages kept rendered and compressed until their data changes.
//!
//! The home page, the list of circles, a circle's page and the map are the same for
//! every anonymous visitor in one language: they hold no form, no token and nothing
//! personal (their layout is rendered without the session's CSRF token). They are kept
//! here, compressed once (brotli at quality 9, gzip at its best), and served as long
//! as the database's generations of the public data and of the mentors have not moved
//! (`Store::public_generation`: one query, the same answer for every instance) and for
//! at most a minute (what is « upcoming » moves with the clock).

use crate::WebError;
use crate::compress;
use crate::page::Ctx;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use mentorat_domain::Locale;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a kept page may be served without re-rendering, whatever the generation.
const FRESH_FOR: Duration = Duration::from_secs(60);

/// Brotli's quality for the kept pages: 9 compresses a 90 kB page in a few
/// milliseconds, 11 (the best) took about 100 ms for a few per cent less.
const KEPT_BROTLI_QUALITY: i32 = 9;

/// At most this many pages are kept (the circles' pages in two languages, and more).
const CAPACITY: usize = 2_000;

struct Kept {
    generation: (i64, i64),
    rendered_at: Instant,
    content_type: &'static str,
    brotli: bytes::Bytes,
    gzip: bytes::Bytes,
}

/// The kept pages, by (page, language).
#[derive(Default)]
pub struct PageCache {
    pages: std::sync::Mutex<HashMap<(String, Locale), Arc<Kept>>>,
    /// Held while a page is rendered: after a change, the requests that find a page
    /// stale wait for one rendering instead of each doing it, while the pages still
    /// fresh are served without waiting.
    rendering: tokio::sync::Mutex<()>,
}

/// How the client accepts the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best of what `Accept-Encoding` lists (a coding refused with `q=0` is not).
    pub fn accepted(headers: &HeaderMap) -> Encoding {
        let accepted = |name: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|item| {
                    let mut parts = item.split(';');
                    let coding = parts.next().unwrap_or("").trim();
                    let q = parts
                        .find_map(|p| p.trim().strip_prefix("q="))
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .unwrap_or(1.0);
                    coding.eq_ignore_ascii_case(name) && q > 0.0
                })
        };
        if accepted("br") {
            Encoding::Brotli
        } else if accepted("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
}

impl PageCache {
    fn lock_pages(&self) -> std::sync::MutexGuard<'_, HashMap<(String, Locale), Arc<Kept>>> {
        self.pages.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The page `key` in `locale`: the kept one while `generation` is the same and it
    /// is fresh, else `render`ed (by one request at a time), kept and served.
    pub async fn serve(
        &self,
        key: &str,
        locale: Locale,
        generation: (i64, i64),
        encoding: Encoding,
        content_type: &'static str,
        render: impl AsyncFnOnce() -> Result<String, WebError>,
    ) -> Result<Response, WebError> {
        let id = (key.to_owned(), locale);
        let fresh = |pages: &HashMap<(String, Locale), Arc<Kept>>| {
            pages
                .get(&id)
                .filter(|k| k.generation == generation && k.rendered_at.elapsed() < FRESH_FOR)
                .cloned()
        };
        if let Some(kept) = fresh(&self.lock_pages()) {
            return Ok(respond(&kept, encoding));
        }
        let _rendering = self.rendering.lock().await;
        if let Some(kept) = fresh(&self.lock_pages()) {
            return Ok(respond(&kept, encoding));
        }
        let body = render().await?;
        let kept = Arc::new(Kept {
            generation,
            rendered_at: Instant::now(),
            content_type,
            brotli: compress::brotli(body.as_bytes(), KEPT_BROTLI_QUALITY).into(),
            gzip: compress::gzip(body.as_bytes(), 9).into(),
        });
        let mut pages = self.lock_pages();
        if pages.len() >= CAPACITY {
            pages.retain(|_, k| k.generation == generation);
            if pages.len() >= CAPACITY {
                pages.clear();
            }
        }
        pages.insert(id, kept.clone());
        drop(pages);
        Ok(respond(&kept, encoding))
    }
}

/// Who a kept page is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Anonymous visitors without a notice to show; others get it rendered for them.
    Anyone,
    /// Every visitor: the page holds nothing of the session (the map).
    Everyone,
}

pub const HTML: &str = "text/html; charset=utf-8";

/// The page at `key` (its path), kept for `audience` and rendered by `render` with a
/// context that has no session; rendered for this request alone when it is not for
/// this visitor.
pub async fn public(
    ctx: &Ctx,
    key: &str,
    audience: Audience,
    content_type: &'static str,
    render: impl AsyncFnOnce(&Ctx) -> Result<String, WebError>,
) -> Result<Response, WebError> {
    if audience == Audience::Anyone && !ctx.is_anyone() {
        let body = render(ctx).await?;
        let mut response = body.into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        return Ok(response);
    }
    let generation = ctx.state().app.public_generation().await?;
    let everyone = ctx.for_everyone();
    ctx.state()
        .pages
        .serve(
            key,
            ctx.locale,
            generation,
            ctx.encoding,
            content_type,
            async || render(&everyone).await,
        )
        .await
}

fn respond(kept: &Kept, encoding: Encoding) -> Response {
    let (body, coding) = match encoding {
        Encoding::Brotli => (kept.brotli.clone(), Some("br")),
        Encoding::Gzip => (kept.gzip.clone(), Some("gzip")),
        // Rare (every browser takes gzip): the kept gzip, undone.
        Encoding::Identity => (bytes::Bytes::from(gunzip(&kept.gzip)), None),
    };
    let mut response = (StatusCode::OK, Body::from(body)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kept.content_type),
    );
    // The language comes from the cookie `lang` or from Accept-Language.
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Encoding, Accept-Language, Cookie"),
    );
    if let Some(coding) = coding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    response
}

fn gunzip(body: &[u8]) -> Vec<u8> {
    let mut decoder = flate2::write::GzDecoder::new(Vec::with_capacity(body.len() * 4));
    decoder
        .write_all(body)
        .expect("a body this module compressed");
    decoder.finish().expect("a body this module compressed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        h
    }

    #[test]
    fn the_best_accepted_coding_is_chosen() {
        assert_eq!(
            Encoding::accepted(&headers("gzip, deflate, br")),
            Encoding::Brotli
        );
        assert_eq!(Encoding::accepted(&headers("gzip")), Encoding::Gzip);
        assert_eq!(Encoding::accepted(&headers("br;q=0, gzip")), Encoding::Gzip);
        assert_eq!(Encoding::accepted(&headers("br;q=0.5")), Encoding::Brotli);
        assert_eq!(Encoding::accepted(&HeaderMap::new()), Encoding::Identity);
    }
}
