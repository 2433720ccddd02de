//! The routes of the platform, read from the source of the web crate, so that a test
//! fails when a route exists without its row in the route × role matrix.

use std::collections::BTreeSet;
use std::path::Path;

/// (method, path template) of every route declared with `.route("…", get(…).post(…))`.
pub fn declared() -> BTreeSet<(String, String)> {
    let mut routes = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/web/src");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (start, _) in text.match_indices(".route(") {
                // rustfmt may put the path on the next line.
                let rest = text[start + ".route(".len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let template = &rest[..rest.find('"').unwrap()];
                // The handlers: up to the parenthesis that closes `.route(`.
                let mut depth = 1;
                let mut end = 0;
                for (i, c) in rest.char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                end = i;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let handlers = &rest[..end];
                for (method, marker) in [("GET", "get("), ("POST", "post(")] {
                    if handlers.contains(marker) {
                        routes.insert((method.to_owned(), template.to_owned()));
                    }
                }
            }
        }
    }
    routes
}

#[test]
fn the_route_scanner_sees_the_routes() {
    let routes = declared();
    assert!(routes.contains(&("GET".into(), "/".into())));
    assert!(routes.contains(&("POST".into(), "/connexion".into())));
    assert!(routes.contains(&("GET".into(), "/compte/verifier/{token}".into())));
    assert!(routes.contains(&("POST".into(), "/compte/verifier/{token}".into())));
}
