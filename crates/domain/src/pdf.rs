//! Plain-text PDF documents, such as a volunteering certificate. The text uses two of
//! the standard 14 fonts (Helvetica and Helvetica-Bold) with WinAnsiEncoding, so no
//! font file is embedded and French text stays extractable. Pages are A4; streams are
//! not compressed; the output holds no date, so the same input gives the same bytes.

/// One line of a document: its text, whether bold, and its size in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub bold: bool,
    pub size: f32,
}

impl Line {
    fn new(text: impl Into<String>, bold: bool, size: f32) -> Line {
        let text = text.into();
        Line { text, bold, size }
    }

    /// The document's title: large and bold.
    pub fn title(text: impl Into<String>) -> Line {
        Line::new(text, true, 18.0)
    }

    /// A section heading: bold, a little larger than the body.
    pub fn heading(text: impl Into<String>) -> Line {
        Line::new(text, true, 13.0)
    }

    /// Ordinary text. A `\n` starts a new line.
    pub fn body(text: impl Into<String>) -> Line {
        Line::new(text, false, 11.0)
    }

    /// An empty line, as tall as a body line.
    pub fn blank() -> Line {
        Line::body("")
    }
}

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 72.0;
/// The distance between two baselines, as a multiple of the font size.
const LEADING: f32 = 1.4;

/// Helvetica advance widths (thousandths of an em) of the WinAnsi codes 32 to 126.
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, // space to '
    333, 333, 389, 584, 278, 333, 278, 278, // ( to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
    334, 260, 334, 584, // { to ~
];

/// Helvetica-Bold advance widths of the WinAnsi codes 32 to 126.
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, // space to '
    333, 333, 389, 584, 278, 333, 278, 278, // ( to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    333, 333, 584, 584, 584, 611, 975, // : to @
    722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    333, 278, 333, 584, 556, 333, // [ to `
    556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, // a to m
    611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, // n to z
    389, 280, 389, 584, // { to ~
];

/// The characters of the WinAnsi codes 0x80 to 0x9F (`\0` where cp1252 has none).
const WINANSI_80_9F: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The WinAnsiEncoding (cp1252) byte of `c`, if it has one. The narrow no-break
/// space becomes the no-break space.
fn winansi(c: char) -> Option<u8> {
    match c {
        ' '..='~' | '\u{A0}'..='\u{FF}' => u8::try_from(u32::from(c)).ok(),
        '\u{202F}' => Some(0xA0),
        '\0' => None,
        _ => (0x80..=0x9F)
            .zip(WINANSI_80_9F)
            .find(|&(_, w)| w == c)
            .map(|(byte, _)| byte),
    }
}

/// The WinAnsi bytes of `text`; a character without one becomes `?`.
fn encode(text: &str) -> Vec<u8> {
    text.chars().map(|c| winansi(c).unwrap_or(b'?')).collect()
}

/// A PDF literal string of `text`, WinAnsi-encoded. Parentheses and backslashes are
/// escaped, and bytes outside printable ASCII are written in octal, so the content
/// stream stays ASCII.
fn literal(text: &str) -> String {
    let mut out = String::from("(");
    for byte in encode(text) {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(byte));
            }
            b' '..=b'~' => out.push(char::from(byte)),
            _ => out.push_str(&format!("\\{byte:03o}")),
        }
    }
    out.push(')');
    out
}

/// Accented letters in groups, each led by the ASCII letter whose width they share.
const BASE_LETTERS: &str =
    "AÀÁÂÃÄÅ CÇ EÈÉÊË NÑ OÒÓÔÕÖØ UÙÚÛÜ YÝŸ SŠ ZŽ aàáâãäå cç eèéêë nñ oðòóôõö uùúûü yýÿ sš zž";

/// The ASCII letter whose width the accented letter `c` shares.
fn base_letter(c: char) -> Option<char> {
    let group = BASE_LETTERS.split(' ').find(|group| group.contains(c))?;
    group.chars().next()
}

/// The advance width of `c` in thousandths of an em. Widths are exact for ASCII and
/// for the letters and signs of French; other characters count as a full em, which
/// no WinAnsi glyph but `@` exceeds, so text never runs past the margin.
fn glyph_width(c: char, bold: bool) -> u16 {
    let (table, quote, double_quote) = if bold {
        (&BOLD, 278, 500)
    } else {
        (&REGULAR, 222, 333)
    };
    let ascii = |a: char| table[(u32::from(a) - 32) as usize];
    match c {
        ' '..='~' => ascii(c),
        '\u{A0}' | '\u{202F}' | 'Ì'..='Ï' | 'ì'..='ï' => 278,
        '‘' | '’' | '‚' => quote,
        '“' | '”' | '„' => double_quote,
        '«' | '»' | '€' | '–' => 556,
        '•' => 350,
        'æ' => 889,
        'œ' => 944,
        _ => match base_letter(c) {
            Some(a) => ascii(a),
            None if winansi(c).is_none() => ascii('?'),
            None => 1000,
        },
    }
}

/// The width of `text` in points at `size`.
fn text_width(text: &str, bold: bool, size: f32) -> f32 {
    let units: u32 = text.chars().map(|c| u32::from(glyph_width(c, bold))).sum();
    units as f32 * size / 1000.0
}

/// Splits `text` into rows no wider than `width`: at each `\n`, then at spaces (never
/// at a no-break space). A word wider than `width` is cut between characters.
fn wrap(text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
    let mut rows = Vec::new();
    for paragraph in text.split('\n') {
        let mut row = String::new();
        for word in paragraph.split([' ', '\t', '\r']).filter(|w| !w.is_empty()) {
            let joined = if row.is_empty() {
                word.to_owned()
            } else {
                format!("{row} {word}")
            };
            if text_width(&joined, bold, size) <= width {
                row = joined;
                continue;
            }
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            for c in word.chars() {
                row.push(c);
                if row.chars().count() > 1 && text_width(&row, bold, size) > width {
                    row.pop();
                    rows.push(std::mem::replace(&mut row, c.to_string()));
                }
            }
        }
        rows.push(row);
    }
    rows
}

/// Lays `lines` out on pages: one content stream per page.
fn layout(lines: &[Line]) -> Vec<String> {
    let width = PAGE_WIDTH - 2.0 * MARGIN;
    let top = PAGE_HEIGHT - MARGIN;
    let mut pages = Vec::new();
    let mut page = String::new();
    let mut y = top;
    for line in lines {
        let font = if line.bold { "F2" } else { "F1" };
        for row in wrap(&line.text, line.bold, line.size, width) {
            if y - line.size < MARGIN {
                // A blank row at the foot of a page is dropped rather than turned.
                if row.is_empty() {
                    continue;
                }
                if y < top {
                    pages.push(std::mem::take(&mut page));
                    y = top;
                }
            }
            if !row.is_empty() {
                page.push_str(&format!(
                    "BT /{font} {:.2} Tf {MARGIN:.2} {:.2} Td {} Tj ET\n",
                    line.size,
                    y - line.size,
                    literal(&row)
                ));
            }
            y -= line.size * LEADING;
        }
    }
    pages.push(page);
    pages
}

/// Appends object `body` to `out` as the next numbered object, noting its offset.
fn object(out: &mut Vec<u8>, offsets: &mut Vec<usize>, body: &[u8]) {
    offsets.push(out.len());
    out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
    out.extend_from_slice(body);
    out.extend_from_slice(b"\nendobj\n");
}

/// A PDF text string holding `text` as UTF-16BE with a byte order mark, in hex.
fn utf16_hex(text: &str) -> String {
    let units: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{units}>")
}

/// An A4 PDF of `lines`, top to bottom, with a left margin. Long lines are wrapped at
/// word boundaries to fit the page width, and a new page starts when one is full.
/// `title` is the document title that viewers show.
pub fn document(title: &str, lines: &[Line]) -> Vec<u8> {
    let pages = layout(lines);
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    // Objects 1 to 5 come first; page i is object 6 + 2i, its content 7 + 2i.
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 6 + 2 * i))
        .collect();
    object(&mut out, &mut offsets, b"<< /Type /Catalog /Pages 2 0 R >>");
    let tree = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    );
    object(&mut out, &mut offsets, tree.as_bytes());
    for name in ["Helvetica", "Helvetica-Bold"] {
        let font = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
        );
        object(&mut out, &mut offsets, font.as_bytes());
    }
    let info = format!("<< /Title {} /Producer (mentorat) >>", utf16_hex(title));
    object(&mut out, &mut offsets, info.as_bytes());
    for content in &pages {
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH:.2} {PAGE_HEIGHT:.2}] \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            offsets.len() + 2
        );
        object(&mut out, &mut offsets, page.as_bytes());
        let stream = format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        );
        object(&mut out, &mut offsets, stream.as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f\r\n", offsets.len() + 1).as_bytes(),
    );
    for offset in &offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
    }
    let trailer = format!(
        "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        offsets.len() + 1
    );
    out.extend_from_slice(trailer.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certificate() -> Vec<Line> {
        vec![
            Line::title("Attestation de bénévolat"),
            Line::blank(),
            Line::heading("Cercle des Mentors de Compiègne"),
            Line::body(
                "Nous attestons que Mme Élodie Lefèvre a consacré 12,5 heures au mentorat au \
                 sein du «\u{A0}Cercle des Mentors\u{A0}» entre le 1er janvier et le 30 juin 2026.",
            ),
            Line::body(
                "Cette attestation est délivrée pour servir et valoir ce que de droit\u{A0}: l’œuvre de chacun compte.",
            ),
            Line::body("Cotisation réglée\u{202F}: 15\u{A0}€ (reçu n°\u{A0}42)."),
        ]
    }

    /// Every occurrence of `needle` in `haystack`.
    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .filter(|w| *w == needle)
            .count()
    }

    fn page_count(pdf: &[u8]) -> usize {
        count(pdf, b"/Type /Page") - count(pdf, b"/Type /Pages")
    }

    #[test]
    fn structure_is_valid() {
        let pdf = document("Attestation de bénévolat", &certificate());
        assert!(pdf.starts_with(b"%PDF-1."));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&pdf);
        let (_, tail) = text.rsplit_once("startxref\n").unwrap();
        let xref: usize = tail.strip_suffix("\n%%EOF\n").unwrap().parse().unwrap();
        let table = std::str::from_utf8(&pdf[xref..]).unwrap();
        let (head, entries) = table.split_once("\n0000000000 65535 f\r\n").unwrap();
        let size: usize = head.strip_prefix("xref\n0 ").unwrap().parse().unwrap();
        assert_eq!(size - 1, count(&pdf, b" 0 obj\n"));
        for n in 1..size {
            let entry = &entries[20 * (n - 1)..20 * n];
            let offset: usize = entry.strip_suffix(" 00000 n\r\n").unwrap().parse().unwrap();
            assert!(
                pdf[offset..].starts_with(format!("{n} 0 obj\n").as_bytes()),
                "object {n}"
            );
        }
        let trailer = format!("trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>");
        assert!(entries[20 * (size - 1)..].starts_with(&trailer));
        assert!(text.contains("/Title <FEFF0041007400740065"));
        assert!(text.contains("/Producer (mentorat)"));
        assert_eq!(
            pdf,
            document("Attestation de bénévolat", &certificate()),
            "deterministic"
        );
    }

    #[test]
    fn text_is_winansi_encoded_and_escaped() {
        assert_eq!(encode("bénévolat — 12,5 h"), b"b\xE9n\xE9volat \x97 12,5 h");
        assert_eq!(
            encode("« Œuvre » l’œuvre, 15 €"),
            b"\xAB \x8Cuvre \xBB l\x92\x9Cuvre, 15 \x80"
        );
        assert_eq!(
            encode("“à” ç ô\u{A0}:\u{202F};"),
            b"\x93\xE0\x94 \xE7 \xF4\xA0:\xA0;"
        );
        assert_eq!(encode("日本 ok"), b"?? ok");
        assert_eq!(literal(r"a (b) c\d"), r"(a \(b\) c\\d)");
        assert_eq!(literal("é»"), r"(\351\273)");
    }

    #[test]
    fn long_text_wraps_and_breaks_pages() {
        let width = PAGE_WIDTH - 2.0 * MARGIN;
        let sentence = "Élodie a accompagné « Les Jardins Partagés » pendant l’été, œuvre utile. ";
        let paragraph: String = sentence.repeat(600 / sentence.chars().count() + 1);
        for (bold, size) in [(false, 11.0), (true, 18.0)] {
            let rows = wrap(&paragraph, bold, size, width);
            assert!(rows.len() > 2, "{rows:?}");
            for row in &rows {
                assert!(text_width(row, bold, size) <= width, "{row}");
            }
            assert_eq!(rows.join(" "), paragraph.trim_end());
        }
        let word = "x".repeat(300);
        assert!(
            wrap(&word, false, 11.0, width)
                .iter()
                .all(|r| text_width(r, false, 11.0) <= width)
        );
        assert_eq!(wrap("", false, 11.0, width), vec![String::new()]);
        assert_eq!(page_count(&document("t", &certificate())), 1);
        let mut many: Vec<Line> = (0..200).map(|i| Line::body(format!("Ligne {i}"))).collect();
        let pages = page_count(&document("t", &many));
        assert!(pages > 1);
        many.extend(std::iter::repeat_n(Line::blank(), 60));
        assert_eq!(
            page_count(&document("t", &many)),
            pages,
            "no page of blanks"
        );
        assert_eq!(page_count(&document("t", &[])), 1);
    }

    #[test]
    fn pdftotext_extracts_the_french_text() {
        let pdftotext = || std::process::Command::new("pdftotext");
        if pdftotext().arg("-v").output().is_err() {
            eprintln!("note: pdftotext not found; skipping the extraction test");
            return;
        }
        let path = std::env::temp_dir().join(format!("mentorat-pdf-{}.pdf", std::process::id()));
        std::fs::write(&path, document("Attestation de bénévolat", &certificate())).unwrap();
        let output = pdftotext()
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Poppler reads WinAnsi 0xA0 as the space glyph, so no-break spaces come back
        // as ordinary spaces.
        let text = String::from_utf8(output.stdout).unwrap();
        for expected in [
            "Attestation de bénévolat",
            "Cercle des Mentors de Compiègne",
            "Mme Élodie Lefèvre a consacré 12,5 heures",
            "« Cercle des Mentors »",
            "droit : l’œuvre de chacun",
            "15 € (reçu n° 42).",
        ] {
            assert!(text.contains(expected), "{expected:?} not in {text:?}");
        }
    }
}
