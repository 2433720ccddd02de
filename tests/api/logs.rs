//! Captures every log line of the test process, so that a test can prove that no
//! personal data or secret is ever logged.

use std::io::Write;
use std::sync::{Mutex, Once, OnceLock};

fn buffer() -> &'static Mutex<Vec<u8>> {
    static BUFFER: OnceLock<Mutex<Vec<u8>>> = OnceLock::new();
    BUFFER.get_or_init(|| Mutex::new(Vec::new()))
}

struct Writer;

impl Write for Writer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        buffer().lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the capturing subscriber once, at the most verbose level of our crates.
pub fn capture() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        tracing_subscriber::fmt()
            .with_env_filter("debug")
            .with_writer(|| Writer)
            .with_ansi(false)
            .init();
    });
}

/// Everything logged so far by every test of this binary.
pub fn captured() -> String {
    String::from_utf8_lossy(&buffer().lock().unwrap()).into_owned()
}
