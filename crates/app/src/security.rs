//! Security primitives shared by every instance: server secrets (from the database),
//! random tokens, HMAC signatures, rate limits.

use crate::{App, AppError};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use hmac::{Hmac, Mac};
use mentorat_store::Store;
use sha2::{Digest, Sha256};
use std::net::IpAddr;

/// The keys of the platform, generated at first start, identical on every instance.
pub struct Secrets {
    csrf: Vec<u8>,
    device: Vec<u8>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets(<redacted>)")
    }
}

impl Secrets {
    pub async fn load(store: &Store) -> Result<Secrets, AppError> {
        let csrf = store.server_secret("csrf", random_token()).await?;
        let device = store.server_secret("device", random_token()).await?;
        Ok(Secrets {
            csrf: csrf.into_bytes(),
            device: device.into_bytes(),
        })
    }

    /// The CSRF token of a browser: an HMAC of its session cookie. A page from another
    /// site can neither read the cookie nor compute the token.
    pub fn csrf_token(&self, session_cookie: &str) -> String {
        sign(&self.csrf, session_cookie)
    }

    pub fn csrf_valid(&self, session_cookie: &str, token: &str) -> bool {
        constant_time_eq(self.csrf_token(session_cookie).as_bytes(), token.as_bytes())
    }

    /// A device cookie value proving that this browser signed in to `user` before.
    pub fn device_cookie(&self, user: uuid::Uuid, expires_unix: i64) -> String {
        let payload = format!("{user}.{expires_unix}");
        format!("{payload}.{}", sign(&self.device, &payload))
    }

    /// The account a device cookie vouches for, if genuine and not expired.
    pub fn device_owner(&self, cookie: &str, now_unix: i64) -> Option<uuid::Uuid> {
        let (payload, signature) = cookie.rsplit_once('.')?;
        if !constant_time_eq(sign(&self.device, payload).as_bytes(), signature.as_bytes()) {
            return None;
        }
        let (user, expires) = payload.split_once('.')?;
        (expires.parse::<i64>().ok()? > now_unix).then_some(())?;
        user.parse().ok()
    }
}

fn sign(key: &[u8], message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(message.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 256 random bits, hex-encoded: session ids, single-use links, secrets.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// What a token is stored as: its SHA-256.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// What is being limited.
#[derive(Debug, Clone, Copy)]
pub enum Limited<'a> {
    /// Any public form, per client address.
    Address(&'static str, IpAddr),
    /// Attempts on one account (keyed by a hash of the address, never the address).
    Account(&'static str, &'a str),
    /// Sign-ins from a browser that signed in to this account before.
    Device(uuid::Uuid, &'a str),
}

impl Limited<'_> {
    fn bucket(&self) -> String {
        match self {
            Limited::Address(form, ip) => format!("{form}:ip:{ip}"),
            Limited::Account(form, key) => {
                format!("{form}:account:{}", &token_hash(&key.to_lowercase())[..32])
            }
            Limited::Device(user, cookie) => {
                format!("signin:device:{user}:{}", &token_hash(cookie)[..16])
            }
        }
    }
}

impl App {
    /// Takes one attempt from the bucket; `Err(RateLimited)` when it is empty.
    pub async fn rate_limit(&self, what: Limited<'_>) -> Result<(), AppError> {
        let now_ms = self.now().timestamp_millis();
        let allowed = self
            .store
            .take_token(
                &what.bucket(),
                self.settings.rate_burst,
                self.settings.rate_refill.num_milliseconds(),
                now_ms,
            )
            .await?;
        if allowed {
            Ok(())
        } else {
            Err(AppError::RateLimited)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets() -> Secrets {
        Secrets {
            csrf: b"csrf-key".to_vec(),
            device: b"device-key".to_vec(),
        }
    }

    #[test]
    fn a_csrf_token_belongs_to_one_session() {
        let s = secrets();
        let token = s.csrf_token("session-a");
        assert!(s.csrf_valid("session-a", &token));
        assert!(!s.csrf_valid("session-b", &token));
        assert!(!s.csrf_valid("session-a", ""));
    }

    #[test]
    fn a_device_cookie_is_signed_and_expires() {
        let s = secrets();
        let user = uuid::Uuid::from_u128(7);
        let cookie = s.device_cookie(user, 2_000);
        assert_eq!(s.device_owner(&cookie, 1_000), Some(user));
        assert_eq!(s.device_owner(&cookie, 2_001), None, "expired");
        let forged = cookie.replace(&user.to_string(), &uuid::Uuid::from_u128(8).to_string());
        assert_eq!(s.device_owner(&forged, 1_000), None, "forged");
    }
}
