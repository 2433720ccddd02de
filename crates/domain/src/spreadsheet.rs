//! Reading CSV as French spreadsheets save it: UTF-8 with or without a byte-order mark,
//! or Windows-1252 (Excel's « CSV (séparateur : point-virgule) »); `;` or `,` between
//! fields (whichever the header line uses); quoted fields that may hold separators,
//! quotes and line breaks; dates written `jj/mm/aaaa`.

use chrono::NaiveDate;

/// A file read: its header (as written) and its records, each with the line it starts
/// on (the header is line 1), so that a refusal can name the line a person sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell of a column (empty when the line is short), trimmed.
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map(|s| s.trim())
            .unwrap_or("")
    }
}

impl Sheet {
    /// The index of the first column whose normalised header is one of `names`.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header
            .iter()
            .position(|h| names.contains(&normalise_header(h).as_str()))
    }
}

/// Text from the bytes of a file: UTF-8 (a byte-order mark dropped) when it is valid
/// UTF-8, else Windows-1252, which every byte decodes.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// Windows-1252: Latin-1 but for 0x80–0x9F, where it puts the euro sign, typographic
/// quotes, the œ ligature… (five bytes are unassigned and kept as the C1 control).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Reads a file's bytes. Empty lines are skipped; `None` when there is no header.
pub fn read(bytes: &[u8]) -> Option<Sheet> {
    let text = decode(bytes);
    let first_line = text.lines().next().unwrap_or("");
    let separator = if first_line.matches(';').count() >= first_line.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut records = parse(&text, separator).into_iter();
    let header = records.find(|r| !r.cells.iter().all(|c| c.trim().is_empty()))?;
    Some(Sheet {
        header: header.cells,
        rows: records
            .filter(|r| !r.cells.iter().all(|c| c.trim().is_empty()))
            .collect(),
    })
}

fn parse(text: &str, separator: char) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if cell.is_empty() => quoted = true,
            '\n' if quoted => {
                line += 1;
                cell.push('\n');
            }
            '\r' if quoted => {}
            c if c == separator && !quoted => cells.push(std::mem::take(&mut cell)),
            '\r' => {}
            '\n' => {
                cells.push(std::mem::take(&mut cell));
                rows.push(Row {
                    line: start,
                    cells: std::mem::take(&mut cells),
                });
                line += 1;
                start = line;
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        rows.push(Row { line: start, cells });
    }
    rows
}

/// A header as a key: lower case, without accents, words joined by `_`
/// (« Code INSEE » → `code_insee`, « Nom du QP » → `nom_du_qp`).
pub fn normalise_header(raw: &str) -> String {
    let folded = crate::territory::fold(raw.trim());
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// A date as French spreadsheets write it: `jj/mm/aaaa` (also `jj-mm-aaaa`,
/// `jj.mm.aaaa`, and the ISO `aaaa-mm-jj`).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(raw, f).ok())
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`): refused on import
/// rather than stored, so that no export ever carries it back.
pub fn looks_like_formula(raw: &str) -> bool {
    raw.trim_start().starts_with(['=', '+', '-', '@'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_quotes_and_line_breaks() {
        let sheet = read(
            "\u{feff}Nom;Note\r\n\"Dupont; fils\";\"dit \"\"Jo\"\"\r\nsuite\"\r\n\r\nMartin;ok"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(sheet.header, ["Nom", "Note"]);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].cells, ["Dupont; fils", "dit \"Jo\"\nsuite"]);
        assert_eq!(sheet.rows[0].line, 2);
        assert_eq!(sheet.rows[1].line, 5);
        assert_eq!(sheet.rows[1].cells, ["Martin", "ok"]);
    }

    #[test]
    fn commas_when_the_header_uses_them() {
        let sheet = read(b"code_qp,nom_qp\nQN07501M,\"Belleville, Amandiers\"\n").unwrap();
        assert_eq!(sheet.rows[0].cells, ["QN07501M", "Belleville, Amandiers"]);
        assert_eq!(sheet.column(&["nom_qp"]), Some(1));
    }

    #[test]
    fn windows_1252_accents_are_read() {
        let sheet = read(b"Pr\xe9nom;Ville\nZo\xe9;\x80 \x9cuvre\n").unwrap();
        assert_eq!(sheet.header[0], "Prénom");
        assert_eq!(sheet.rows[0].cells, ["Zoé", "€ œuvre"]);
    }

    #[test]
    fn headers_dates_and_formulas() {
        assert_eq!(normalise_header(" Code INSEE "), "code_insee");
        assert_eq!(normalise_header("Nom du QP"), "nom_du_qp");
        assert_eq!(
            parse_date("07/03/1985"),
            NaiveDate::from_ymd_opt(1985, 3, 7)
        );
        assert_eq!(
            parse_date("1985-03-07"),
            NaiveDate::from_ymd_opt(1985, 3, 7)
        );
        assert_eq!(parse_date("31/02/1985"), None);
        assert_eq!(parse_date("12/1985"), None);
        assert!(looks_like_formula("=HYPERLINK(\"x\")"));
        assert!(looks_like_formula(" +33"));
        assert!(!looks_like_formula("Zoé"));
    }
}
