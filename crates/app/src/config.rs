//! Settings: defaults, then an optional `mentorat.toml`, then `MENTORAT_*` environment
//! variables; parsed once into [`Settings`]. An invalid value stops start-up with a
//! one-line message naming the setting. Secrets are never printed.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::SocketAddr;
use std::path::Path;

/// The raw layers, all as strings so that every error can name its setting.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RawSettings {
    database_url: String,
    listen: String,
    base_url: Option<String>,
    smtp_url: Option<String>,
    smtp_from: Option<String>,
    log: String,
    session_idle_minutes: String,
    session_max_hours: String,
    trusted_proxies: String,
    rate_burst: String,
    rate_refill_seconds: String,
}

impl Default for RawSettings {
    fn default() -> Self {
        RawSettings {
            database_url: "sqlite://mentorat.db".into(),
            listen: "127.0.0.1:8080".into(),
            base_url: None,
            smtp_url: None,
            smtp_from: None,
            log: "info".into(),
            session_idle_minutes: "120".into(),
            session_max_hours: "12".into(),
            trusted_proxies: String::new(),
            rate_burst: "10".into(),
            rate_refill_seconds: "60".into(),
        }
    }
}

/// The validated configuration of a running platform.
#[derive(Clone)]
pub struct Settings {
    /// `sqlite://path` (created if absent) or `postgres://…`.
    pub database_url: String,
    pub listen: SocketAddr,
    /// The public address of the platform, without a trailing slash; links in
    /// e-mails and printed links are built on it.
    pub base_url: String,
    /// `smtp://` or `smtps://`; without it, e-mails stay in the outbox.
    pub smtp_url: Option<String>,
    /// The sender of e-mails, e.g. `Cercles des Mentors <ne-pas-repondre@example.org>`.
    pub smtp_from: String,
    /// A tracing filter such as `info` or `mentorat=debug`.
    pub log: String,
    /// A session unused for this long ends (default 2 hours).
    pub session_idle: chrono::Duration,
    /// A session ends this long after sign-in, however active (default 12 hours).
    pub session_max: chrono::Duration,
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Rate limits: a burst of this many attempts…
    pub rate_burst: i64,
    /// …then one more every this many seconds.
    pub rate_refill: chrono::Duration,
}

/// A setting that could not be read; `Display` is the one line shown at start-up.
#[derive(Debug, thiserror::Error)]
#[error("invalid setting {setting}: {reason}")]
pub struct ConfigError {
    pub setting: String,
    pub reason: String,
}

impl ConfigError {
    fn new(setting: &str, reason: impl Into<String>) -> ConfigError {
        ConfigError {
            setting: setting.to_owned(),
            reason: reason.into(),
        }
    }
}

impl Settings {
    /// Reads the layers: defaults, `file` if it exists, then the environment.
    pub fn load(file: &Path) -> Result<Settings, ConfigError> {
        Self::from_figment(
            Figment::from(Serialized::defaults(RawSettings::default()))
                .merge(Toml::file(file))
                .merge(Env::prefixed("MENTORAT_")),
        )
    }

    /// Settings for tests and tools: defaults with the given database.
    pub fn for_database(database_url: &str) -> Settings {
        let raw = RawSettings {
            database_url: database_url.to_owned(),
            ..RawSettings::default()
        };
        Self::validate(raw).expect("default settings are valid")
    }

    fn from_figment(figment: Figment) -> Result<Settings, ConfigError> {
        let raw: RawSettings = figment.extract().map_err(|e| {
            let setting = e
                .path
                .first()
                .map(|k| format!("MENTORAT_{}", k.to_uppercase()))
                .unwrap_or_else(|| "mentorat.toml".into());
            ConfigError::new(&setting, e.kind.to_string())
        })?;
        Self::validate(raw)
    }

    fn validate(raw: RawSettings) -> Result<Settings, ConfigError> {
        let database_url = raw.database_url.trim().to_owned();
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::new(
                "MENTORAT_DATABASE_URL",
                "expected sqlite://PATH or postgres://USER@HOST:PORT/DATABASE",
            ));
        }
        let listen: SocketAddr = raw.listen.trim().parse().map_err(|_| {
            ConfigError::new(
                "MENTORAT_LISTEN",
                "expected an address and port such as 127.0.0.1:8080",
            )
        })?;
        let base_url = match raw
            .base_url
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => format!("http://{listen}"),
            Some(url) => {
                let rest = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .ok_or_else(|| {
                        ConfigError::new(
                            "MENTORAT_BASE_URL",
                            "expected an http:// or https:// address",
                        )
                    })?;
                if rest.is_empty() || rest.contains(char::is_whitespace) {
                    return Err(ConfigError::new(
                        "MENTORAT_BASE_URL",
                        "expected a host after the scheme",
                    ));
                }
                url.trim_end_matches('/').to_owned()
            }
        };
        let smtp_url = match raw
            .smtp_url
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => {
                Some(url.to_owned())
            }
            Some(_) => {
                return Err(ConfigError::new(
                    "MENTORAT_SMTP_URL",
                    "expected smtp://HOST:PORT or smtps://HOST:PORT",
                ));
            }
        };
        let host = base_url
            .split("://")
            .nth(1)
            .unwrap_or("localhost")
            .split([':', '/'])
            .next()
            .unwrap_or("localhost")
            .to_owned();
        let smtp_from = match raw
            .smtp_from
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(from) if from.contains('@') => from.to_owned(),
            Some(_) => {
                return Err(ConfigError::new(
                    "MENTORAT_SMTP_FROM",
                    "expected an address such as Name <noreply@example.org>",
                ));
            }
            None => format!("Cercles des Mentors <ne-pas-repondre@{host}>"),
        };
        let positive = |setting: &str, raw: &str, max: i64| -> Result<i64, ConfigError> {
            match raw.trim().parse::<i64>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ConfigError::new(
                    setting,
                    format!("expected a whole number from 1 to {max}"),
                )),
            }
        };
        let session_idle = chrono::Duration::minutes(positive(
            "MENTORAT_SESSION_IDLE_MINUTES",
            &raw.session_idle_minutes,
            60 * 24 * 30,
        )?);
        let session_max = chrono::Duration::hours(positive(
            "MENTORAT_SESSION_MAX_HOURS",
            &raw.session_max_hours,
            24 * 90,
        )?);
        let trusted_proxies = raw
            .trusted_proxies
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse().map_err(|_| {
                    ConfigError::new(
                        "MENTORAT_TRUSTED_PROXIES",
                        format!("{s:?} is not an IP address"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rate_burst = positive("MENTORAT_RATE_BURST", &raw.rate_burst, 10_000)?;
        let rate_refill = chrono::Duration::seconds(positive(
            "MENTORAT_RATE_REFILL_SECONDS",
            &raw.rate_refill_seconds,
            86_400,
        )?);
        Ok(Settings {
            database_url,
            listen,
            base_url,
            smtp_url,
            smtp_from,
            log: raw.log,
            session_idle,
            session_max,
            trusted_proxies,
            rate_burst,
            rate_refill,
        })
    }

    /// Whether cookies must be `Secure` (the platform is served over https).
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// Printing settings must never show a password that sits in a URL.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &redact_url(&self.database_url))
            .field("listen", &self.listen)
            .field("base_url", &self.base_url)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("smtp_from", &self.smtp_from)
            .field("log", &self.log)
            .field("session_idle", &self.session_idle)
            .field("session_max", &self.session_max)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("rate_burst", &self.rate_burst)
            .field("rate_refill", &self.rate_refill)
            .finish()
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(RawSettings::default()));
        for (k, v) in pairs {
            figment = figment.merge((*k, *v));
        }
        Settings::from_figment(figment)
    }

    #[test]
    fn defaults_serve_on_localhost_with_an_embedded_database() {
        let s = from(&[]).unwrap();
        assert_eq!(s.database_url, "sqlite://mentorat.db");
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.base_url, "http://127.0.0.1:8080");
        assert!(s.smtp_url.is_none());
        assert_eq!(
            s.smtp_from,
            "Cercles des Mentors <ne-pas-repondre@127.0.0.1>"
        );
        assert_eq!(s.session_idle, chrono::Duration::hours(2));
        assert_eq!(s.session_max, chrono::Duration::hours(12));
        assert_eq!(
            (s.rate_burst, s.rate_refill),
            (10, chrono::Duration::minutes(1))
        );
        assert!(s.trusted_proxies.is_empty());
    }

    #[test]
    fn an_invalid_value_names_its_setting_in_one_line() {
        let e = from(&[("listen", "not-an-address")])
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("invalid setting MENTORAT_LISTEN:"), "{e}");
        assert!(!e.contains('\n'));
        let e = from(&[("database_url", "mysql://x")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("MENTORAT_DATABASE_URL"), "{e}");
        let e = from(&[("base_url", "example.org")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("MENTORAT_BASE_URL"), "{e}");
        let e = from(&[("smtp_url", "http://mail")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("MENTORAT_SMTP_URL"), "{e}");
        let e = from(&[("trusted_proxies", "10.0.0.1, proxy")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("MENTORAT_TRUSTED_PROXIES"), "{e}");
        let e = from(&[("session_idle_minutes", "0")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("MENTORAT_SESSION_IDLE_MINUTES"), "{e}");
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail API returns its own error type
    fn the_file_is_overridden_by_the_environment() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "mentorat.toml",
                "listen = \"127.0.0.1:9000\"\nbase_url = \"https://mentorat.example/\"",
            )?;
            let s = Settings::load(Path::new("mentorat.toml")).unwrap();
            assert_eq!(s.listen.port(), 9000);
            assert_eq!(s.base_url, "https://mentorat.example");
            assert!(s.is_https());
            jail.set_env("MENTORAT_LISTEN", "127.0.0.1:9100");
            let s = Settings::load(Path::new("mentorat.toml")).unwrap();
            assert_eq!(s.listen.port(), 9100);
            Ok(())
        });
    }

    #[test]
    fn debug_output_hides_database_passwords() {
        let s = Settings::for_database("postgres://app:hunter2@db/mentorat");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
