//! CSV that opens cleanly in a French spreadsheet: UTF-8 with a byte-order mark, `;`
//! between fields, CRLF between lines, fields quoted when they need it. Cells that a
//! spreadsheet would run as a formula are neutralised.

/// Builds a CSV document from a header and rows.
pub fn french_csv<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    push_row(&mut out, &header);
    for row in rows {
        push_row(&mut out, row.as_ref());
    }
    out.into_bytes()
}

fn push_row(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&cell(field));
    }
    out.push_str("\r\n");
}

fn cell(raw: &str) -> String {
    // =, +, - and @ at the start make spreadsheets evaluate the cell (CSV injection).
    let value = if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{raw}")
    } else {
        raw.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_semicolons_crlf_and_quoting() {
        let rows = vec![
            vec!["Élodie".to_owned(), "dit \"bonjour\"; merci".to_owned()],
            vec!["=1+1".to_owned(), "ligne\nsuivante".to_owned()],
        ];
        let bytes = french_csv(&["Prénom", "Note"], &rows);
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "Prénom;Note\r\nÉlodie;\"dit \"\"bonjour\"\"; merci\"\r\n'=1+1;\"ligne\nsuivante\"\r\n"
        );
    }
}
