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

#[tokio::test]
async fn an_error_page_shows_the_request_id_its_log_line_carries() {
    let app = crate::helpers::spawn_app().await;
    let response = app.get("/page-inconnue").await;
    assert_eq!(response.status(), 404);
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 12);
    let page = response.text().await.unwrap();
    assert!(
        page.contains(&format!(
            "Référence à donner si vous nous écrivez : \u{2068}{id}\u{2069}"
        )) || page.contains(&format!("Référence à donner si vous nous écrivez : {id}")),
        "{page}"
    );
    // The operator finds the line by it.
    let lines = captured();
    assert!(
        lines
            .lines()
            .any(|l| l.contains(&format!("request_id={id}")) && l.contains("status=404")),
        "no log line with request_id={id}"
    );
    // Another request, another id.
    let again = app.get("/page-inconnue").await;
    assert_ne!(again.headers()["x-request-id"].to_str().unwrap(), id);
}
