//! `mentorat match solve` and `mentorat match generate`: the batch solver on plain CSV
//! files, so that anyone can cross-check it (docs/MATCHING.md), and the generator of the
//! benchmark instances.

use anyhow::{Context, bail};
use mentorat_matching::{Options, Problem, SplitMix64, solve};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The rows of a CSV file of non-negative integers with `columns` columns, after its
/// header line; every error names the file and the line. Well-formed files take a fast
/// path over the bytes; anything unusual goes through [`checked_rows`] for the message.
fn integer_rows<const N: usize>(path: &Path, columns: &str) -> anyhow::Result<Vec<[i64; N]>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    match fast_rows::<N>(&bytes) {
        Some(rows) => Ok(rows),
        None => checked_rows(path, &bytes, columns),
    }
}

/// Digits, commas, spaces and line ends only, `N` numbers a line (blank lines
/// skipped), no number past 18 digits; `None` for anything else.
/// Large files are cut at line ends and read on every core.
fn fast_rows<const N: usize>(bytes: &[u8]) -> Option<Vec<[i64; N]>> {
    let body = &bytes[bytes.iter().position(|&b| b == b'\n')? + 1..];
    let workers = if body.len() < 1 << 20 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let mut chunks = Vec::new();
    let mut rest = body;
    for w in (1..workers).rev() {
        let cut = rest.len() - rest.len() * w / (w + 1);
        let cut = cut
            + rest[cut..]
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(rest.len() - cut);
        let (chunk, tail) = rest.split_at(cut);
        chunks.push(chunk);
        rest = tail;
    }
    chunks.push(rest);
    let parts: Vec<Option<Vec<[i64; N]>>> = std::thread::scope(|scope| {
        // The first part has room for every row: the others are appended to it.
        let handles: Vec<_> = chunks
            .iter()
            .enumerate()
            .map(|(i, chunk)| {
                let room = if i == 0 { body.len() } else { chunk.len() } / (4 * N + 1);
                scope.spawn(move || fast_lines::<N>(chunk, room))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a reader thread does not panic"))
            .collect()
    });
    let mut parts = parts.into_iter();
    let mut rows = parts.next()??;
    for part in parts {
        rows.extend(part?);
    }
    Some(rows)
}

fn fast_lines<const N: usize>(body: &[u8], room: usize) -> Option<Vec<[i64; N]>> {
    let mut rows = Vec::with_capacity(room);
    let mut i = 0;
    while i < body.len() {
        // The usual line, `1,2,3` then a line end, read in one sweep.
        let start = i;
        let mut row = [0i64; N];
        let mut usual = true;
        for (f, value) in row.iter_mut().enumerate() {
            let first = i;
            while i < body.len() && body[i].is_ascii_digit() && i - first < 18 {
                *value = *value * 10 + i64::from(body[i] - b'0');
                i += 1;
            }
            let end = if f + 1 < N { b',' } else { b'\n' };
            if i > first && i < body.len() && body[i] == end {
                i += 1;
            } else if !(i > first && f + 1 == N && i == body.len()) {
                usual = false;
                break;
            }
        }
        if usual {
            rows.push(row);
            continue;
        }
        // Anything else (spaces, CR, a blank line, or an error) the careful way.
        let end = body[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |p| start + p);
        if let Some(row) = careful_line::<N>(&body[start..end])? {
            rows.push(row);
        }
        i = end + 1;
    }
    Some(rows)
}

/// One line: `Some(None)` when blank, `None` when not `N` plain numbers.
fn careful_line<const N: usize>(line: &[u8]) -> Option<Option<[i64; N]>> {
    let mut row = [0i64; N];
    let mut field = 0;
    let (mut value, mut digits, mut blank, mut ended) = (0i64, 0u32, true, false);
    for &b in line {
        match b {
            b'0'..=b'9' => {
                if digits == 18 || ended {
                    return None;
                }
                value = value * 10 + i64::from(b - b'0');
                digits += 1;
                blank = false;
            }
            b',' => {
                if digits == 0 || field + 1 >= N {
                    return None;
                }
                row[field] = value;
                field += 1;
                (value, digits, ended) = (0, 0, false);
            }
            // A space ends a number: « 1 2 » is not 12.
            b' ' | b'\t' | b'\r' => ended = digits > 0,
            _ => return None,
        }
    }
    if blank && field == 0 {
        return Some(None);
    }
    if digits == 0 || field + 1 != N {
        return None;
    }
    row[field] = value;
    Some(Some(row))
}

fn checked_rows<const N: usize>(
    path: &Path,
    bytes: &[u8],
    columns: &str,
) -> anyhow::Result<Vec<[i64; N]>> {
    let text = std::str::from_utf8(bytes)
        .with_context(|| format!("{} is not UTF-8 text", path.display()))?;
    let mut rows = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let at = || format!("{} line {}", path.display(), i + 1);
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let Ok(fields) = <[&str; N]>::try_from(fields) else {
            bail!("{}: expected {columns}", at())
        };
        let mut row = [0; N];
        for (value, field) in row.iter_mut().zip(fields) {
            *value = field
                .parse::<i64>()
                .with_context(|| format!("{}: {field:?} is not an integer", at()))?;
            if *value < 0 {
                bail!("{}: {columns} are not negative", at());
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Reads `PAIRS.csv` (`mentee,mentor,score`) and `CAPS.csv` (`mentor,capacity`).
pub fn read_problem(pairs: &Path, capacities: &Path) -> anyhow::Result<Problem> {
    Ok(Problem {
        // Same size as the rows: collected in place, no second copy.
        edges: integer_rows(pairs, "mentee,mentor,score")?
            .into_iter()
            .map(|[mentee, mentor, score]| (mentee as u64, mentor as u64, score))
            .collect(),
        capacities: integer_rows(capacities, "mentor,capacity")?
            .into_iter()
            .map(|[mentor, capacity]| (mentor as u64, capacity))
            .collect(),
    })
}

pub fn run_solve(pairs: &Path, capacities: &Path, matches_first: bool) -> anyhow::Result<()> {
    let problem = read_problem(pairs, capacities)?;
    let assignment = solve(
        &problem,
        &Options {
            matches_first,
            ..Default::default()
        },
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    writeln!(out, "mentee,mentor,score")?;
    for (p, m, s) in &assignment.pairs {
        writeln!(out, "{p},{m},{s}")?;
    }
    out.flush()?;
    eprintln!(
        "total_score={} matched={}",
        assignment.total_score,
        assignment.matched()
    );
    Ok(())
}

/// Writes `pairs.csv` and `capacities.csv` of a benchmark instance into `out`.
/// `national`: 30,000 porteurs, 10,000 mentors, 50 random candidate mentors each;
/// `territorial`: the same people in 300 circles, every same-circle mentor a candidate.
/// Capacities 1–3, scores 1–100.
pub fn run_generate(
    kind: &str,
    out: &Path,
    seed: u64,
    porteurs: u64,
    mentors: u64,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut rng = SplitMix64(seed);
    let mut caps = std::io::BufWriter::new(std::fs::File::create(out.join("capacities.csv"))?);
    writeln!(caps, "mentor,capacity")?;
    for m in 0..mentors {
        writeln!(caps, "{m},{}", 1 + rng.below(3))?;
    }
    let mut pairs = std::io::BufWriter::new(std::fs::File::create(out.join("pairs.csv"))?);
    writeln!(pairs, "mentee,mentor,score")?;
    let mut count = 0u64;
    match kind {
        "national" => {
            for p in 0..porteurs {
                let mut chosen = BTreeMap::new();
                while chosen.len() < 50.min(mentors as usize) {
                    chosen.insert(rng.below(mentors), 1 + rng.below(100));
                }
                for (m, s) in chosen {
                    writeln!(pairs, "{p},{m},{s}")?;
                    count += 1;
                }
            }
        }
        "territorial" => {
            let circles = 300u64;
            for p in 0..porteurs {
                let circle = p % circles;
                let mut m = circle;
                while m < mentors {
                    writeln!(pairs, "{p},{m},{}", 1 + rng.below(100))?;
                    count += 1;
                    m += circles;
                }
            }
        }
        other => bail!("unknown instance kind {other:?}: national or territorial"),
    }
    pairs.flush()?;
    caps.flush()?;
    eprintln!(
        "{kind}: {porteurs} porteurs, {mentors} mentors, {count} candidate pairs written to {}",
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{fast_lines, fast_rows};

    #[test]
    fn a_large_file_read_on_several_cores_gives_the_rows_in_order() {
        let mut text = String::from("mentee,mentor,score\n");
        for i in 0..200_000 {
            text.push_str(&format!("{i},{},{}\n", i * 7 % 1_000, i % 100));
        }
        assert!(text.len() > 1 << 20, "large enough to be cut");
        let rows = fast_rows::<3>(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 200_000);
        assert_eq!(Some(rows), fast_lines::<3>(&text.as_bytes()[20..], 0));
    }

    #[test]
    fn the_fast_reader_takes_clean_files_and_refuses_the_rest() {
        let clean = b"mentee,mentor,score\r\n1,2,30\r\n\r\n 4 , 5 ,6\n7,8,9\n10,11,12";
        assert_eq!(
            fast_rows::<3>(clean),
            Some(vec![[1, 2, 30], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
        );
        for bad in [
            &b"h\n1 2,3,4\n"[..],
            b"h\n1,-2,3\n",
            b"h\n1,2\n",
            b"h\n1,2,3,4\n",
            b"h\n1,,3\n",
            b"h\n1,2,onze\n",
            b"h\n1,2,1234567890123456789\n",
            b"h\n1,2,3,\n",
            b"h\n1,2,3x\n",
            b"h\n,1,2\n",
        ] {
            assert_eq!(
                fast_rows::<3>(bad),
                None,
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
