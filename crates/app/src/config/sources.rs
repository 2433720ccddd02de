//! Where settings come from: values as the operator wrote them ([`Raw`]), the environment
//! read as text ([`RawEnv`]), and the names that errors give a setting ([`Origin`]).

use figment::value::{Dict, Map, Value};
use figment::{Error, Figment, Metadata, Profile, Provider, Source};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A setting's value as written: the environment gives text, TOML gives text, numbers,
/// booleans or lists. Keeping it as text means `rate_burst = 10` and `rate_burst = "10"`
/// (and `MENTORAT_RATE_BURST=10`) go through the same parser and the same message.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Raw {
    One(String),
    List(Vec<String>),
}

impl Raw {
    /// The single value, if this is not a list.
    pub(super) fn one(&self) -> Option<&str> {
        match self {
            Raw::One(s) => Some(s),
            Raw::List(_) => None,
        }
    }

    /// The items of a list setting: comma-separated text, or a TOML array of strings.
    pub(super) fn items(&self) -> impl Iterator<Item = &str> {
        let items: Vec<&str> = match self {
            Raw::One(s) => s.split(',').collect(),
            Raw::List(items) => items.iter().map(String::as_str).collect(),
        };
        items.into_iter().map(str::trim).filter(|s| !s.is_empty())
    }
}

impl From<&str> for Raw {
    fn from(s: &str) -> Raw {
        Raw::One(s.to_owned())
    }
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Raw::One(s) => serializer.serialize_str(s),
            Raw::List(items) => items.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, a number or a list of strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::One(v.to_owned()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::One(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::One(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::One(v.to_string()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw::One(v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Raw, E> {
        Ok(Raw::One(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        // `10.5` stays `10.5` and is refused where a whole number is expected.
        Ok(Raw::One(v.to_string()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Raw>()? {
            match item {
                Raw::One(s) => items.push(s),
                Raw::List(_) => {
                    return Err(de::Error::invalid_type(de::Unexpected::Seq, &"a string"));
                }
            }
        }
        Ok(Raw::List(items))
    }
}

/// The prefix of every setting's environment variable.
pub(super) const PREFIX: &str = "MENTORAT_";

/// `rate_burst` → `MENTORAT_RATE_BURST`.
fn variable(key: &str) -> String {
    format!("{PREFIX}{}", key.to_ascii_uppercase())
}

/// `MENTORAT_*` variables as text. figment's own `Env` guesses types (`10` becomes a
/// number, `[::1]:8080` starts an array); the settings parse their values themselves.
pub(super) struct RawEnv {
    prefix: &'static str,
}

impl RawEnv {
    pub(super) fn prefixed(prefix: &'static str) -> RawEnv {
        RawEnv { prefix }
    }
}

impl Provider for RawEnv {
    fn metadata(&self) -> Metadata {
        let prefix = self.prefix;
        // figment's messages then name `MENTORAT_RATE_BURST`, not `RATE_BURST`.
        Metadata::named(format!("`{prefix}` environment variable(s)")).interpolater(
            move |_: &Profile, path: &[&str]| {
                format!("{prefix}{}", path.join(".").to_ascii_uppercase())
            },
        )
    }

    fn data(&self) -> Result<Map<Profile, Dict>, Error> {
        let dict: Dict = std::env::vars_os()
            .filter_map(|(key, value)| {
                let key = key.to_str()?;
                // Case-insensitive, as figment's `Env` is.
                let head = key.get(..self.prefix.len())?;
                let key = &key[self.prefix.len()..];
                if !head.eq_ignore_ascii_case(self.prefix) || key.is_empty() {
                    return None;
                }
                let value = value.to_string_lossy().into_owned();
                Some((key.to_ascii_lowercase(), Value::from(value)))
            })
            .collect();
        Ok(Profile::Default.collect(dict))
    }
}

/// Names a setting where the operator wrote it: `mentorat.toml: rate_burst` for a value
/// from a file, `MENTORAT_RATE_BURST` for the environment (and for the defaults, which
/// are never invalid, and values set in code by tests).
#[derive(Default)]
pub(super) struct Origin<'a> {
    figment: Option<&'a Figment>,
}

impl<'a> Origin<'a> {
    pub(super) fn of(figment: &'a Figment) -> Origin<'a> {
        Origin {
            figment: Some(figment),
        }
    }

    /// The name of the setting `key` as the layer that gave its value spells it.
    pub(super) fn name(&self, key: &str) -> String {
        let metadata = self.figment.and_then(|f| f.find_metadata(key));
        named(metadata, key)
    }

    /// The setting and the one-line reason of an error raised while reading the layers:
    /// a value of the wrong shape, or a file that cannot be read or parsed.
    pub(super) fn of_error(error: &Error) -> (String, String) {
        let reason = one_line(&error.kind.to_string());
        let setting = match (error.path.is_empty(), &error.metadata) {
            (false, metadata) => named(metadata.as_ref(), &error.path.join(".")),
            (
                true,
                Some(Metadata {
                    source: Some(Source::File(path)),
                    ..
                }),
            ) => path.display().to_string(),
            (true, _) => "configuration".to_owned(),
        };
        (setting, reason)
    }
}

fn named(metadata: Option<&Metadata>, key: &str) -> String {
    match metadata.and_then(|m| m.source.as_ref()) {
        Some(Source::File(path)) => format!("{}: {key}", path.display()),
        _ => variable(key),
    }
}

/// The TOML parser's messages quote the offending line under a caret, over several
/// lines; keep the first (where) and the last (what), which also keeps a secret written
/// on that line out of the message.
fn one_line(message: &str) -> String {
    let mut lines = message.lines().map(str::trim).filter(|l| !l.is_empty());
    match (lines.next(), lines.next_back()) {
        (Some(first), Some(last)) => format!("{first}: {last}"),
        (Some(first), None) => first.to_owned(),
        _ => String::new(),
    }
}
