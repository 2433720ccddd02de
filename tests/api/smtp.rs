//! A real SMTP server for the tests: Debian's `python3-aiosmtpd`, writing every message
//! it receives to a maildir that the tests read back and parse.
//!
//! Without aiosmtpd a test that needs it is skipped with a notice, except in CI
//! (`CI` set), where it fails: a missing service never passes silently there.

use mail_parser::{MessageParser, MimeHeaders};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Child,
}

/// A received message, decoded.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// (file name, content) of each attachment.
    pub attachments: Vec<(String, String)>,
}

impl Received {
    /// The first link of the text part that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> String {
        let start = self
            .text
            .find(prefix)
            .unwrap_or_else(|| panic!("no link {prefix} in {:?}", self.text));
        let rest = &self.text[start..];
        rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())].to_owned()
    }
}

fn aiosmtpd_available() -> bool {
    Command::new("/usr/bin/python3")
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

impl SmtpServer {
    /// Starts a server, or `None` (with a notice) when aiosmtpd is absent outside CI.
    pub fn start() -> Option<SmtpServer> {
        if !aiosmtpd_available() {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "CI needs python3-aiosmtpd (apt-get install python3-aiosmtpd) for the e-mail tests"
                );
            }
            eprintln!(
                "SKIPPED: python3-aiosmtpd is not installed; e-mail delivery is not tested here"
            );
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = tempfile::tempdir().unwrap();
        let maildir = dir.path().join("maildir");
        let child = Command::new("/usr/bin/python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "aiosmtpd did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(SmtpServer { port, dir, child })
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn files(&self) -> Vec<PathBuf> {
        let new = self.dir.path().join("maildir/new");
        let mut files: Vec<PathBuf> = std::fs::read_dir(new)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    pub fn received(&self) -> Vec<Received> {
        self.files()
            .iter()
            .filter_map(|path| {
                let bytes = std::fs::read(path).ok()?;
                let message = MessageParser::default().parse(&bytes)?;
                Some(Received {
                    to: message
                        .to()
                        .and_then(|a| a.first())
                        .and_then(|a| a.address())
                        .unwrap_or("")
                        .to_owned(),
                    subject: message.subject().unwrap_or("").to_owned(),
                    text: message
                        .body_text(0)
                        .map(|t| t.into_owned())
                        .unwrap_or_default(),
                    html: message
                        .body_html(0)
                        .map(|t| t.into_owned())
                        .unwrap_or_default(),
                    attachments: message
                        .attachments()
                        .map(|a| {
                            (
                                a.attachment_name().unwrap_or("").to_owned(),
                                String::from_utf8_lossy(a.contents()).into_owned(),
                            )
                        })
                        .collect(),
                })
            })
            .collect()
    }

    /// Waits (up to 10 s) until `count` messages to `to` have a subject containing
    /// `subject`, and returns them.
    pub async fn wait_for_all(&self, to: &str, subject: &str, count: usize) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let found: Vec<Received> = self
                .received()
                .into_iter()
                .filter(|m| m.to.eq_ignore_ascii_case(to) && m.subject.contains(subject))
                .collect();
            if found.len() >= count {
                return found;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "fewer than {count} e-mails {subject:?} to {to}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (up to 10 s) for a message to `to` whose subject contains `subject`.
    pub async fn wait_for(&self, to: &str, subject: &str) -> Received {
        let started = Instant::now();
        loop {
            if let Some(m) = self
                .received()
                .into_iter()
                .find(|m| m.to.eq_ignore_ascii_case(to) && m.subject.contains(subject))
            {
                return m;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no e-mail {subject:?} to {to}; got {:?}",
                self.received()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
