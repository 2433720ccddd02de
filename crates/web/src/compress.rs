//! Compression of the bodies made on each request, and of the pages kept rendered.
//!
//! Pages are rendered whole, so their bodies are compressed in one go, with brotli's
//! window fitted to the body: a streaming encoder (tower-http's layer) sets up a 4 MiB
//! window for every response, which on a 6 kB page cost more than compressing it
//! (150 µs against 60 µs at quality 3, measured on the coordination page).

use crate::cache::Encoding;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::io::Write;

/// Brotli's quality on each request: 3 is meant for dynamic content. On the national
/// coordination page (61 kB) it took 0.44 ms where 4 took 0.84 ms for 3 % fewer bytes.
pub const DYNAMIC_BROTLI_QUALITY: i32 = 3;
/// Gzip's level on each request (for the few clients without brotli): level 1 took
/// 0.15 ms on that page where 3 took 0.6 ms for 10 % fewer bytes.
const DYNAMIC_GZIP_LEVEL: u32 = 1;
/// Bodies smaller than this are sent as they are: compressing saves less than a packet.
const SMALLEST: usize = 1024;
/// Bodies larger than this go out in gzip even to browsers that accept brotli: on the
/// national coordination page (61 kB) gzip at level 1 took 0.15 ms where brotli at
/// quality 3 took 0.44 ms, for 17 % more bytes (19.9 kB against 17.1 kB); the page's
/// whole request cost about 1 ms.
const LARGE: usize = 32 * 1024;

/// Compresses the response's body as the client accepts it (brotli first), when it is
/// text not compressed yet; says so in `Vary` either way.
pub async fn layer(request: Request, next: Next) -> Response {
    let encoding = Encoding::accepted(request.headers());
    let response = next.run(request).await;
    if !compressible(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    vary_on_encoding(&mut parts.headers);
    if encoding == Encoding::Identity {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if bytes.len() < SMALLEST {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let (compressed, coding) = match encoding {
        Encoding::Brotli if bytes.len() <= LARGE => (brotli(&bytes, DYNAMIC_BROTLI_QUALITY), "br"),
        _ => (gzip(&bytes, DYNAMIC_GZIP_LEVEL), "gzip"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    Response::from_parts(parts, Body::from(compressed))
}

/// Text (pages, styles, scripts, drawings, data) not compressed yet, with a body.
fn compressible(response: &Response) -> bool {
    let headers = response.headers();
    if headers.contains_key(header::CONTENT_ENCODING)
        || matches!(
            response.status(),
            StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED
        )
        || (response.status().is_informational())
    {
        return false;
    }
    let Some(kind) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let kind = kind.split(';').next().unwrap_or("").trim();
    (kind.starts_with("text/") && kind != "text/event-stream")
        || matches!(
            kind,
            "application/json"
                | "application/javascript"
                | "application/xml"
                | "application/manifest+json"
                | "image/svg+xml"
        )
}

/// Adds `Accept-Encoding` to `Vary` unless it is there already.
fn vary_on_encoding(headers: &mut axum::http::HeaderMap) {
    let named = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|v| v.trim().eq_ignore_ascii_case("accept-encoding"));
    if !named {
        headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
}

/// `body` compressed by brotli at `quality`, with a window just large enough for it.
pub fn brotli(body: &[u8], quality: i32) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: window_bits(body.len()),
        size_hint: body.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(body.len() / 3 + 64);
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).expect("writing to memory");
    out
}

/// Brotli's window (as a power of two) for a body of `len` bytes: the smallest that
/// holds it, within brotli's bounds (10 to 24).
fn window_bits(len: usize) -> i32 {
    let bits = usize::BITS - len.max(1).saturating_sub(1).leading_zeros();
    bits.clamp(10, 24) as i32
}

/// `body` compressed by gzip at `level`.
pub fn gzip(body: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3 + 64),
        flate2::Compression::new(level),
    );
    encoder.write_all(body).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unbrotli(body: &[u8]) -> Vec<u8> {
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut back).expect("a brotli stream");
        back
    }

    /// Bodies of every size around the window's steps come back whole, smaller.
    #[test]
    fn bodies_come_back_whole_from_either_coding() {
        let text: String = (0..20_000)
            .map(|i| format!("<li>Cercle {i} — {}</li>", i * 7919 % 1000))
            .collect();
        for len in [0, 1, 1023, 1024, 1025, 65_535, 65_536, 65_537, text.len()] {
            let body = &text.as_bytes()[..len];
            let br = brotli(body, DYNAMIC_BROTLI_QUALITY);
            assert_eq!(unbrotli(&br), body, "brotli, {len} bytes");
            let gz = gzip(body, DYNAMIC_GZIP_LEVEL);
            let mut back = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back)
                .unwrap();
            assert_eq!(back, body, "gzip, {len} bytes");
            if len > 60_000 {
                assert!(br.len() * 3 < len && gz.len() * 3 < len);
            }
        }
        assert_eq!(window_bits(0), 10);
        assert_eq!(window_bits(65_536), 16);
        assert_eq!(window_bits(65_537), 17);
        assert_eq!(window_bits(usize::MAX), 24);
    }
}
