//! `mentorat match solve` and `mentorat match generate`: the batch solver on plain CSV
//! files, so that anyone can cross-check it (docs/MATCHING.md), and the generator of the
//! benchmark instances.

use anyhow::{Context, bail};
use mentorat_matching::{Options, Problem, solve};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Reads `PAIRS.csv` (`mentee,mentor,score`) and `CAPS.csv` (`mentor,capacity`).
pub fn read_problem(pairs: &Path, capacities: &Path) -> anyhow::Result<Problem> {
    let mut problem = Problem::default();
    let text = std::fs::read_to_string(pairs)
        .with_context(|| format!("cannot read {}", pairs.display()))?;
    for (i, line) in text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        let [mentee, mentor, score] = f[..] else {
            bail!(
                "{} line {}: expected mentee,mentor,score",
                pairs.display(),
                i + 1
            )
        };
        let parse = |v: &str| {
            v.parse::<i64>().with_context(|| {
                format!(
                    "{} line {}: {v:?} is not an integer",
                    pairs.display(),
                    i + 1
                )
            })
        };
        let score = parse(score)?;
        if score < 0 {
            bail!(
                "{} line {}: scores are not negative",
                pairs.display(),
                i + 1
            );
        }
        problem
            .edges
            .push((parse(mentee)? as u64, parse(mentor)? as u64, score));
    }
    let text = std::fs::read_to_string(capacities)
        .with_context(|| format!("cannot read {}", capacities.display()))?;
    for (i, line) in text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        let [mentor, capacity] = f[..] else {
            bail!(
                "{} line {}: expected mentor,capacity",
                capacities.display(),
                i + 1
            )
        };
        let mentor: u64 = mentor
            .parse()
            .with_context(|| format!("{} line {}: bad mentor id", capacities.display(), i + 1))?;
        let capacity: i64 = capacity
            .parse()
            .with_context(|| format!("{} line {}: bad capacity", capacities.display(), i + 1))?;
        problem.capacities.insert(mentor, capacity);
    }
    Ok(problem)
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

/// SplitMix64: a small fixed-seed generator, so that instances are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
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
    let mut rng = Rng(seed);
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
