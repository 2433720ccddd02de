//! Sessions, CSRF and client addresses, as one layer.
//!
//! Every browser gets a session cookie (random, HttpOnly, SameSite=Lax, `__Host-` and
//! Secure over https). Signed in, the cookie names a session row in the database;
//! anonymous, it only anchors the CSRF token. The CSRF token of a page is an HMAC of
//! the cookie; every POST must carry it (form field `csrf` or header `X-CSRF-Token`)
//! and must not come from a foreign `Origin`, or it gets a 403 page.

use crate::AppState;
use crate::error::error_response;
use crate::page::cookie;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use mentorat_app::auth::Account;
use mentorat_app::security::random_token;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// What the layer found out about the request, for extractors and handlers.
#[derive(Clone)]
pub struct RequestSession {
    /// The session cookie value (never logged).
    pub cookie: String,
    pub csrf: String,
    pub account: Option<Account>,
    pub client_ip: IpAddr,
    pub device: Option<String>,
}

pub fn session_cookie_name(https: bool) -> &'static str {
    if https { "__Host-mentorat" } else { "mentorat" }
}

pub fn device_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-mentorat_device"
    } else {
        "mentorat_device"
    }
}

/// A `Set-Cookie` value with the house attributes.
pub fn set_cookie(name: &str, value: &str, https: bool, max_age: Option<i64>) -> HeaderValue {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if https {
        cookie.push_str("; Secure");
    }
    if let Some(seconds) = max_age {
        cookie.push_str(&format!("; Max-Age={seconds}"));
    }
    HeaderValue::from_str(&cookie).expect("cookie values are hex")
}

/// The client's address: the peer, or, when the peer is a trusted proxy, the last
/// address of `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

fn same_origin(headers: &HeaderMap, base_url: &str) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Browsers send Origin on POST; its absence (old browsers, curl) falls back on
        // the token alone.
        return true;
    };
    if origin.eq_ignore_ascii_case(base_url) {
        return true;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin
        .split_once("://")
        .is_some_and(|(_, h)| !host.is_empty() && h.eq_ignore_ascii_case(host))
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // Probes and assets need no session (and must not set cookies).
    let path = request.uri().path();
    if path.starts_with("/static/") || path == "/healthz" || path == "/readyz" {
        return next.run(request).await;
    }
    let app = &state.app;
    let https = app.settings.is_https();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let client_ip = client_ip(peer, request.headers(), &app.settings.trusted_proxies);
    if path.starts_with("/api/")
        && let Some(authorization) = request.headers().get(header::AUTHORIZATION)
    {
        let secret = authorization
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default();
        return token_request(&state, request, &secret, client_ip, next).await;
    }
    let existing = cookie(request.headers(), session_cookie_name(https))
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()));
    let fresh = existing.is_none();
    let session_cookie = existing.unwrap_or_else(random_token);
    let account = if fresh {
        None
    } else {
        match app.session_account(&session_cookie).await {
            Ok(account) => account,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return error_response(StatusCode::INTERNAL_SERVER_ERROR);
            }
        }
    };
    let csrf = app.secrets.csrf_token(&session_cookie);
    let device = cookie(request.headers(), device_cookie_name(https));
    let mut request = request;
    if !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        if fresh || !same_origin(request.headers(), &app.settings.base_url) {
            return error_response(StatusCode::FORBIDDEN);
        }
        match checked_body(request, &session_cookie, &state).await {
            Ok(checked) => request = checked,
            Err(response) => return response,
        }
    }
    request.extensions_mut().insert(RequestSession {
        cookie: session_cookie.clone(),
        csrf,
        account,
        client_ip,
        device,
    });
    let mut response = next.run(request).await;
    if fresh {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(session_cookie_name(https), &session_cookie, https, None),
        );
    }
    response
}

/// A request signed by a personal API token: no cookie, no CSRF (a browser never adds
/// the header by itself); a read token reads only; bodies within a form's limit.
async fn token_request(
    state: &AppState,
    request: Request,
    secret: &str,
    client_ip: IpAddr,
    next: Next,
) -> Response {
    use crate::api::problem;
    let found = match state.app.token_account(secret).await {
        Ok(found) => found,
        Err(e) => {
            tracing::error!(error = %e, "token lookup failed");
            return problem(StatusCode::INTERNAL_SERVER_ERROR, "internal", None);
        }
    };
    let Some((account, scope)) = found else {
        let mut refused = problem(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            Some("The token is unknown, revoked or expired.".to_owned()),
        );
        refused.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"mentorat\""),
        );
        return refused;
    };
    let reads = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !reads && scope == mentorat_app::api_tokens::Scope::Read {
        return problem(
            StatusCode::FORBIDDEN,
            "read_only_token",
            Some("This token may only read.".to_owned()),
        );
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, crate::middleware::MAX_BODY_BYTES).await else {
        return problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", None);
    };
    let mut request = Request::from_parts(parts, Body::from(bytes));
    request.extensions_mut().insert(RequestSession {
        cookie: String::new(),
        csrf: String::new(),
        account: Some(account),
        client_ip,
        device: None,
    });
    next.run(request).await
}

/// Reads the body, checks its CSRF token and the text of its fields, and gives the
/// request its body back.
async fn checked_body(
    request: Request,
    session_cookie: &str,
    state: &AppState,
) -> Result<Request, Response> {
    let header_token = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (parts, body) = request.into_parts();
    let limit = crate::middleware::body_limit(parts.uri.path());
    let bytes = to_bytes(body, limit)
        .await
        .map_err(|_| error_response(StatusCode::PAYLOAD_TOO_LARGE))?;
    let multipart = parts
        .headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let token = header_token.or_else(|| {
        if multipart {
            multipart_csrf(&bytes)
        } else {
            form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == "csrf")
                .map(|(_, v)| v.into_owned())
        }
    });
    match token {
        Some(token) if state.app.secrets.csrf_valid(session_cookie, &token) => {}
        _ => return Err(error_response(StatusCode::FORBIDDEN)),
    }
    // Then the text of every field, once for every form (`input`).
    let form = parts
        .headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if form && let Some(key) = crate::input::refused(&bytes) {
        return Err(axum::response::IntoResponse::into_response(
            crate::error::WebError::Invalid { key },
        ));
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The `csrf` field of a multipart body (a form's first field, before the file).
fn multipart_csrf(body: &[u8]) -> Option<String> {
    const NAME: &[u8] = b"name=\"csrf\"";
    let at = body.windows(NAME.len()).position(|w| w == NAME)?;
    let rest = &body[at..];
    let start = rest.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let value = &rest[start..];
    let end = value.windows(2).position(|w| w == b"\r\n")?;
    std::str::from_utf8(&value[..end]).ok().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_of_a_multipart_form_is_found() {
        let body = b"--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx;y\r\n--b--\r\n";
        assert_eq!(multipart_csrf(body).as_deref(), Some("abc123"));
        assert_eq!(multipart_csrf(b"--b\r\n\r\n"), None);
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        let proxy: IpAddr = "127.0.0.1".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().unwrap(),
        );
        assert_eq!(
            client_ip(proxy, &headers, &[proxy]),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_ip(proxy, &headers, &[]),
            proxy,
            "an untrusted peer is the client"
        );
        let stranger: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(client_ip(stranger, &headers, &[proxy]), stranger);
    }
}
