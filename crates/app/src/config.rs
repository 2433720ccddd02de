//! Settings: defaults, then an optional `mentorat.toml`, then `MENTORAT_*` environment
//! variables; parsed once into [`Settings`]. An invalid value stops start-up with a
//! one-line message naming the setting where the operator wrote it (the variable, or the
//! file and key). Secrets are never printed.

mod sources;

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use mentorat_domain::association::{Detail, Details};
use serde::{Deserialize, Serialize};
use sources::{Origin, PREFIX, Raw, RawEnv};
use std::fmt;
use std::net::SocketAddr;
use std::path::Path;

/// The raw layers. Every value is kept as the operator wrote it ([`Raw`]: text, a
/// number or a list) and parsed once in [`Settings::validate`], so that one message per
/// setting covers every way of writing it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RawSettings {
    database_url: Raw,
    listen: Raw,
    base_url: Option<Raw>,
    smtp_url: Option<Raw>,
    smtp_from: Option<Raw>,
    log: Raw,
    session_idle_minutes: Raw,
    session_max_hours: Raw,
    trusted_proxies: Raw,
    rate_burst: Raw,
    rate_refill_seconds: Raw,
    mentor_pause_after_expired: Raw,
    shutdown_delay_seconds: Raw,
    shutdown_timeout_seconds: Raw,
    metrics_token: Option<Raw>,
    log_format: Raw,
    association_name: Option<Raw>,
    association_address: Option<Raw>,
    association_registration: Option<Raw>,
    association_publisher: Option<Raw>,
    association_host: Option<Raw>,
    association_privacy_contact: Option<Raw>,
    association_membership_url: Option<Raw>,
    association_donation_url: Option<Raw>,
    association_support_text: Option<Raw>,
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
            trusted_proxies: "".into(),
            rate_burst: "10".into(),
            rate_refill_seconds: "60".into(),
            mentor_pause_after_expired: "3".into(),
            shutdown_delay_seconds: "5".into(),
            shutdown_timeout_seconds: "20".into(),
            metrics_token: None,
            log_format: "text".into(),
            association_name: None,
            association_address: None,
            association_registration: None,
            association_publisher: None,
            association_host: None,
            association_privacy_contact: None,
            association_membership_url: None,
            association_donation_url: None,
            association_support_text: None,
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
    /// A mentor who lets this many requests expire without answering any is paused
    /// (and told how to come back); the coordinators hear from the second.
    pub mentor_pause_after_expired: i64,
    /// On SIGTERM, readiness answers « not ready » this long while the server still
    /// serves (so that a load balancer stops sending), before it stops accepting…
    pub shutdown_delay: std::time::Duration,
    /// …then the requests in flight have this long to finish.
    pub shutdown_timeout: std::time::Duration,
    /// `/metrics` answers a request from elsewhere than the machine itself only with
    /// `Authorization: Bearer` and this token (none: only from the machine).
    pub metrics_token: Option<String>,
    /// `text` (a line per event, the default) or `json` (one JSON object per line).
    pub log_json: bool,
    /// The association's details before the national team edits them
    /// (`association_name`, `association_address`, …).
    pub association: Details,
}

/// A setting that could not be read; `Display` is the one line shown at start-up.
#[derive(Debug, thiserror::Error)]
#[error("invalid setting {setting}: {reason}")]
pub struct ConfigError {
    pub setting: String,
    pub reason: String,
}

impl ConfigError {
    fn new(setting: impl Into<String>, reason: impl Into<String>) -> ConfigError {
        ConfigError {
            setting: setting.into(),
            reason: reason.into(),
        }
    }
}

impl Settings {
    /// Reads the layers: defaults, `file` if it exists, then the environment.
    pub fn load(file: &Path) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(RawSettings::default()));
        // The file is optional. `file_exact`: the file named (by default in the working
        // directory, as documented), never one found by walking up parent directories.
        if file.is_file() {
            figment = figment.merge(Toml::file_exact(file));
        }
        Self::from_figment(figment.merge(RawEnv::prefixed(PREFIX)))
    }

    /// Settings for tests and tools: defaults with the given database.
    pub fn for_database(database_url: &str) -> Settings {
        let raw = RawSettings {
            database_url: database_url.into(),
            ..RawSettings::default()
        };
        Self::validate(raw, &Origin::default()).expect("default settings are valid")
    }

    fn from_figment(figment: Figment) -> Result<Settings, ConfigError> {
        let raw: RawSettings = figment.extract().map_err(|e| {
            let (setting, reason) = Origin::of_error(&e);
            ConfigError::new(setting, reason)
        })?;
        Self::validate(raw, &Origin::of(&figment))
    }

    fn validate(raw: RawSettings, origin: &Origin<'_>) -> Result<Settings, ConfigError> {
        // The one value of a setting, or an error naming where it was written.
        let one = |key: &str, raw: &Raw| -> Result<String, ConfigError> {
            raw.one()
                .map(|s| s.trim().to_owned())
                .ok_or_else(|| ConfigError::new(origin.name(key), "expected one value, not a list"))
        };
        let optional = |key: &str, raw: &Option<Raw>| -> Result<Option<String>, ConfigError> {
            Ok(match raw {
                None => None,
                Some(raw) => Some(one(key, raw)?).filter(|s| !s.is_empty()),
            })
        };
        let database_url = one("database_url", &raw.database_url)?;
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::new(
                origin.name("database_url"),
                "expected sqlite://PATH or postgres://USER@HOST:PORT/DATABASE",
            ));
        }
        let listen: SocketAddr = one("listen", &raw.listen)?.parse().map_err(|_| {
            ConfigError::new(
                origin.name("listen"),
                "expected an address and port such as 127.0.0.1:8080",
            )
        })?;
        let base_url = match optional("base_url", &raw.base_url)? {
            None => format!("http://{listen}"),
            Some(url) => {
                let rest = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .ok_or_else(|| {
                        ConfigError::new(
                            origin.name("base_url"),
                            "expected an http:// or https:// address",
                        )
                    })?;
                if rest.is_empty() || rest.contains(char::is_whitespace) {
                    return Err(ConfigError::new(
                        origin.name("base_url"),
                        "expected a host after the scheme",
                    ));
                }
                url.trim_end_matches('/').to_owned()
            }
        };
        let smtp_url = match optional("smtp_url", &raw.smtp_url)? {
            None => None,
            Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => Some(url),
            Some(_) => {
                return Err(ConfigError::new(
                    origin.name("smtp_url"),
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
        let smtp_from = match optional("smtp_from", &raw.smtp_from)? {
            Some(from) if from.contains('@') => from,
            Some(_) => {
                return Err(ConfigError::new(
                    origin.name("smtp_from"),
                    "expected an address such as Name <noreply@example.org>",
                ));
            }
            None => format!("Cercles des Mentors <ne-pas-repondre@{host}>"),
        };
        let positive = |key: &str, raw: &Raw, max: i64| -> Result<i64, ConfigError> {
            match one(key, raw)?.parse::<i64>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ConfigError::new(
                    origin.name(key),
                    format!("expected a whole number from 1 to {max}"),
                )),
            }
        };
        let session_idle = chrono::Duration::minutes(positive(
            "session_idle_minutes",
            &raw.session_idle_minutes,
            60 * 24 * 30,
        )?);
        let session_max = chrono::Duration::hours(positive(
            "session_max_hours",
            &raw.session_max_hours,
            24 * 90,
        )?);
        let trusted_proxies = raw
            .trusted_proxies
            .items()
            .map(|s| {
                s.parse().map_err(|_| {
                    ConfigError::new(
                        origin.name("trusted_proxies"),
                        format!("{s:?} is not an IP address"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rate_burst = positive("rate_burst", &raw.rate_burst, 10_000)?;
        let rate_refill = chrono::Duration::seconds(positive(
            "rate_refill_seconds",
            &raw.rate_refill_seconds,
            86_400,
        )?);
        let mentor_pause_after_expired = positive(
            "mentor_pause_after_expired",
            &raw.mentor_pause_after_expired,
            100,
        )?;
        // A delay of 0 is allowed (one instance, nothing in front to tell).
        let shutdown_delay =
            match one("shutdown_delay_seconds", &raw.shutdown_delay_seconds)?.parse::<u64>() {
                Ok(n) if n <= 300 => std::time::Duration::from_secs(n),
                _ => {
                    return Err(ConfigError::new(
                        origin.name("shutdown_delay_seconds"),
                        "expected a whole number from 0 to 300",
                    ));
                }
            };
        let shutdown_timeout = std::time::Duration::from_secs(positive(
            "shutdown_timeout_seconds",
            &raw.shutdown_timeout_seconds,
            600,
        )? as u64);
        let mut association = Details::builtin();
        for (detail, raw) in [
            (Detail::Name, &raw.association_name),
            (Detail::Address, &raw.association_address),
            (Detail::Registration, &raw.association_registration),
            (Detail::Publisher, &raw.association_publisher),
            (Detail::Host, &raw.association_host),
            (Detail::PrivacyContact, &raw.association_privacy_contact),
            (Detail::MembershipUrl, &raw.association_membership_url),
            (Detail::DonationUrl, &raw.association_donation_url),
            (Detail::SupportText, &raw.association_support_text),
        ] {
            let key = format!("association_{}", detail.key());
            let Some(raw) = raw else { continue };
            // Several lines may be written `\n` in an environment variable.
            let text = raw
                .one()
                .ok_or_else(|| {
                    ConfigError::new(origin.name(&key), "expected one value, not a list")
                })?
                .replace("\\n", "\n");
            let value = detail
                .parse(&text)
                .map_err(|e| ConfigError::new(origin.name(&key), e.to_string()))?;
            association.set(detail, value);
        }
        Ok(Settings {
            database_url,
            listen,
            base_url,
            smtp_url,
            smtp_from,
            log: one("log", &raw.log)?,
            session_idle,
            session_max,
            trusted_proxies,
            rate_burst,
            rate_refill,
            mentor_pause_after_expired,
            shutdown_delay,
            shutdown_timeout,
            metrics_token: optional("metrics_token", &raw.metrics_token)?,
            log_json: match one("log_format", &raw.log_format)?.as_str() {
                "text" => false,
                "json" => true,
                _ => {
                    return Err(ConfigError::new(
                        origin.name("log_format"),
                        "expected text or json",
                    ));
                }
            },
            association,
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
            .field(
                "mentor_pause_after_expired",
                &self.mentor_pause_after_expired,
            )
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

    /// Loads `mentorat.toml` (written with `toml`) and the jail's environment.
    #[allow(clippy::result_large_err)] // figment's Jail API returns its own error type
    fn in_jail(
        toml: &str,
        env: &[(&str, &str)],
        check: impl FnOnce(Result<Settings, ConfigError>),
    ) {
        figment::Jail::expect_with(|jail| {
            jail.create_file("mentorat.toml", toml)?;
            for (k, v) in env {
                jail.set_env(k, v);
            }
            check(Settings::load(Path::new("mentorat.toml")));
            Ok(())
        });
    }

    #[test]
    fn numbers_are_read_unquoted_from_the_file_and_as_text_from_the_environment() {
        let toml = "rate_burst = 30\nrate_refill_seconds = 5\n\
                    session_idle_minutes = 45\nsession_max_hours = 8\n";
        in_jail(toml, &[], |s| {
            let s = s.unwrap();
            assert_eq!(s.rate_burst, 30);
            assert_eq!(s.rate_refill, chrono::Duration::seconds(5));
            assert_eq!(s.session_idle, chrono::Duration::minutes(45));
            assert_eq!(s.session_max, chrono::Duration::hours(8));
        });
        let env = [
            ("MENTORAT_RATE_BURST", "10"),
            ("MENTORAT_RATE_REFILL_SECONDS", "60"),
            ("MENTORAT_SESSION_IDLE_MINUTES", "120"),
            ("MENTORAT_SESSION_MAX_HOURS", "12"),
            // figment's own parser would read these as an array and a number.
            ("MENTORAT_LISTEN", "[::1]:8081"),
            ("MENTORAT_LOG", "1"),
        ];
        in_jail(toml, &env, |s| {
            let s = s.unwrap();
            assert_eq!(
                (s.rate_burst, s.session_max),
                (10, chrono::Duration::hours(12))
            );
            assert_eq!(s.listen.to_string(), "[::1]:8081");
            assert_eq!(s.log, "1");
        });
        // Quoted numbers, as the only accepted form used to be, still work.
        in_jail("rate_burst = \"25\"", &[], |s| {
            assert_eq!(s.unwrap().rate_burst, 25)
        });
    }

    #[test]
    fn trusted_proxies_are_a_comma_separated_text_or_a_list_in_the_file() {
        in_jail("trusted_proxies = [\"10.0.0.1\", \"::1\"]", &[], |s| {
            assert_eq!(s.unwrap().trusted_proxies.len(), 2)
        });
        in_jail("trusted_proxies = \"10.0.0.1, 10.0.0.2\"", &[], |s| {
            assert_eq!(s.unwrap().trusted_proxies.len(), 2)
        });
        let env = [("MENTORAT_TRUSTED_PROXIES", "10.0.0.1,10.0.0.2,10.0.0.3")];
        in_jail("", &env, |s| {
            assert_eq!(s.unwrap().trusted_proxies.len(), 3)
        });
    }

    #[test]
    fn a_bad_value_in_the_file_names_the_file_and_its_key() {
        let message = |toml: &str| {
            let mut out = String::new();
            in_jail(toml, &[], |s| out = s.unwrap_err().to_string());
            out
        };
        assert_eq!(
            message("rate_burst = 0"),
            "invalid setting mentorat.toml: rate_burst: expected a whole number from 1 to 10000"
        );
        assert_eq!(
            message("session_idle_minutes = 2.5"),
            "invalid setting mentorat.toml: session_idle_minutes: \
             expected a whole number from 1 to 43200"
        );
        let e = message("trusted_proxies = [\"10.0.0.1\", \"proxy\"]");
        assert!(
            e.starts_with("invalid setting mentorat.toml: trusted_proxies:"),
            "{e}"
        );
        let e = message("listen = [\"127.0.0.1:80\"]");
        assert_eq!(
            e,
            "invalid setting mentorat.toml: listen: expected one value, not a list"
        );
        // A value of the wrong shape is refused by the reader, before validation.
        let e = message("listen = { host = \"127.0.0.1\" }");
        assert!(
            e.starts_with("invalid setting mentorat.toml: listen: "),
            "{e}"
        );
        assert!(!e.contains('\n'), "{e}");
    }

    #[test]
    fn a_file_that_is_not_toml_is_named_in_one_line_without_its_content() {
        let mut e = String::new();
        in_jail("smtp_url = \"smtps://user:hunter2@mail:465", &[], |s| {
            e = s.unwrap_err().to_string()
        });
        assert!(e.starts_with("invalid setting mentorat.toml: "), "{e}");
        assert!(e.contains("line 1"), "{e}");
        assert!(!e.contains('\n') && !e.contains("hunter2"), "{e}");
    }

    #[test]
    fn a_bad_variable_is_named_even_over_a_good_file() {
        let env = [("MENTORAT_RATE_BURST", "dix")];
        in_jail("rate_burst = 10", &env, |s| {
            assert_eq!(
                s.unwrap_err().to_string(),
                "invalid setting MENTORAT_RATE_BURST: expected a whole number from 1 to 10000"
            )
        });
        // And the other way round: the variable's good value hides the file's bad one.
        let env = [("MENTORAT_RATE_BURST", "10")];
        in_jail("rate_burst = 0", &env, |s| assert!(s.is_ok()));
    }

    #[test]
    fn debug_output_hides_database_passwords() {
        let s = Settings::for_database("postgres://app:hunter2@db/mentorat");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
