//! Checks calendar files with an independent RFC 5545 parser: Python's `icalendar`
//! package, from the virtual environment that `.ci/run` prepares
//! (`MENTORAT_ICALENDAR_PYTHON`). Outside CI, without it, the check is skipped with a
//! notice; in CI it must run.

use chrono::{DateTime, Utc};
use std::io::Write;
use std::process::Command;

const SCRIPT: &str = r#"
import sys, json
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {}
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    out[str(ev.get('UID'))] = start.astimezone().utcoffset() is not None and start.strftime('%Y-%m-%dT%H:%M:%S%z')
print(json.dumps(out))
"#;

/// Parses `ics` and checks that each (UID prefix, start) is there with that UTC start.
pub async fn parses(ics: &str, expected: &[(String, DateTime<Utc>)]) {
    let python = match std::env::var("MENTORAT_ICALENDAR_PYTHON") {
        Ok(p) => p,
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("CI must set MENTORAT_ICALENDAR_PYTHON (see .ci/run)")
        }
        Err(_) => {
            eprintln!(
                "SKIPPED: MENTORAT_ICALENDAR_PYTHON is not set; the feed is not checked by icalendar here"
            );
            return;
        }
    };
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(ics.as_bytes()).unwrap();
    let output = Command::new(python)
        .args(["-c", SCRIPT])
        .arg(file.path())
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "icalendar refused the file: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for (uid, start) in expected {
        let found = parsed
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.starts_with(uid.as_str()))
            .unwrap_or_else(|| panic!("{uid} not in {parsed}"));
        assert_eq!(
            found.1.as_str().unwrap(),
            start.format("%Y-%m-%dT%H:%M:%S+0000").to_string(),
            "{uid}"
        );
    }
}
