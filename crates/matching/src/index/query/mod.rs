//! Answering from the index: the project's words analysed once, the porteur's
//! context, the candidates gathered list by list (circle, map cells, remote groups),
//! then best first by tightening upper bounds, the exact score computed only where it
//! can change the top `k`, and the reasons of those chosen. The steps are numbered as
//! in `suggest_with` and docs/MATCHING.md.
//!
//! This module holds the query's flow (`suggest_with`), its context and the types the
//! steps share; `text` analyses the project's words and scores a mentor's text,
//! `gather` finds the candidates and bounds them, `rank` ranks them and explains.

use super::{
    AVAILABILITY_OVERFLOW, CELLS_PER_DEGREE, Codes, EARTH_RADIUS_KM, Entry, Group, KM_PER_DEGREE,
    LOAD_BOUND, MentorIndex, Place, PlaceKeys, RemoteField, Run, Seeker, Slot, cell, chord,
    field_mask, haversine, near_keys,
};
use crate::score::{Level, Reason, Suggestion, TEXT_THRESHOLD};
use crate::score::{
    SAME_FIELD, SYNONYM_FIELD, Weights, availability_part, proximity_part, years_part,
};
use crate::text::{Analyzer, Bm25, is_stop_word};
use std::cell::RefCell;
use std::collections::BinaryHeap;
use std::sync::Arc;

mod gather;
mod rank;
mod text;

/// The project's words, analysed once per query.
struct QueryText {
    /// The fields the words name as synonyms.
    synonym_fields: Vec<u32>,
    /// (term id or 0, place in `MentorIndex::written` or `u32::MAX`, folded word as a
    /// range of `folded`) for each word in order.
    words: Vec<(u32, u32, (u32, u32))>,
    folded: String,
    /// (term id, idf) of the distinct known stems, in first-seen order.
    distinct: Vec<(u32, f64)>,
    /// How many distinct stems, known or not.
    distinct_count: usize,
    /// Term id → 1 + its place in `distinct`, 0 when the query lacks it.
    position: Vec<u16>,
    /// At least the relevance of any mentor's text (at most 1).
    bound: f64,
    /// The best shares of the query's terms summed by signature bit (term id mod 64)
    /// then byte by byte: `bytes[i][b]` sums the bits `b` of byte `i` (filled for
    /// the subsets of the query's own bits only); the bits set, and what relevance
    /// divides the score by.
    bytes: Vec<[f64; 256]>,
    signature: u64,
    divisor: f64,
    /// A little more than 1 / `divisor`: turns a sum of shares into at least its
    /// relevance (the margin covers summing in another order and the roundings).
    scale: f64,
}

impl QueryText {
    /// The words, in order, with their term id (0 when no mentor's text holds it) and
    /// their place in `MentorIndex::written` (`u32::MAX` when no mentor wrote it).
    fn words(&self) -> impl Iterator<Item = (u32, u32, &str)> {
        self.words
            .iter()
            .map(|&(t, w, (a, b))| (t, w, &self.folded[a as usize..b as usize]))
    }

    /// At least the relevance of a text whose terms set `signature`'s bits: the best
    /// shares of the query's terms it may hold. The margin covers summing in another
    /// order (a few units in the last place).
    fn bound(&self, signature: u64) -> f64 {
        let bits = signature & self.signature;
        if bits == 0 {
            return 0.0;
        }
        let most: f64 = (0..8)
            .map(|i| self.bytes[i][((bits >> (8 * i)) & 0xff) as usize])
            .sum();
        (most * self.scale).min(1.0)
    }
}

impl MentorIndex {
    /// The `k` best mentors for `seeker`, best first (ties by the mentors' order).
    pub fn suggest(&self, seeker: &Seeker, weights: &Weights, k: usize) -> Vec<Suggestion> {
        if k == 0 {
            return Vec::new();
        }
        // The thread's buffers, taken for this query (a query that panics leaves
        // empty ones behind).
        let mut scratch = SCRATCH.with(RefCell::take);
        let top = self.suggest_with(&mut scratch, seeker, weights, k);
        SCRATCH.with(|s| s.replace(scratch));
        top
    }

    /// The mentor number `mentor` (in the order the index was built with) scored for
    /// `seeker` as [`MentorIndex::suggest`] would score them, with their reasons; `None`
    /// when a hard filter leaves them out (full, too far, no common language, neither
    /// field nor words in common, excluded). What a server checks a request against.
    pub fn assess(&self, seeker: &Seeker, weights: &Weights, mentor: usize) -> Option<Suggestion> {
        let i = *self.internal.get(mentor)? as usize;
        let analyzer = Analyzer::default();
        let mut scratch = SCRATCH.with(RefCell::take);
        let buffers = (
            std::mem::take(&mut scratch.position),
            std::mem::take(&mut scratch.bytes),
        );
        let mut q = self.query_text(&analyzer, &seeker.profile.text, buffers);
        let synonym_fields = std::mem::take(&mut q.synonym_fields);
        let ctx = self.context(&analyzer, seeker, weights, synonym_fields);
        let found = self.cheap(&ctx, i).and_then(|cheap| {
            let text = self.relevance(&q, &self.slots[i]).clamp(0.0, 1.0);
            if cheap.field == 0.0 && text < TEXT_THRESHOLD {
                return None;
            }
            let score = cheap.score(&ctx, text);
            Some(self.explain(&ctx, &q, &cheap, i, score, &mut Vec::new()))
        });
        // The buffers go back, the terms' places zeroed again.
        for (t, _) in &q.distinct {
            q.position[*t as usize] = 0;
        }
        scratch.position = q.position;
        scratch.bytes = q.bytes;
        SCRATCH.with(|s| s.replace(scratch));
        found
    }

    /// [`MentorIndex::suggest`] with the thread's buffers, step by step (the steps
    /// of docs/MATCHING.md).
    fn suggest_with<'a>(
        &'a self,
        scratch: &mut Scratch,
        seeker: &Seeker,
        weights: &Weights,
        k: usize,
    ) -> Vec<Suggestion> {
        let analyzer = Analyzer::default();
        let buffers = (
            std::mem::take(&mut scratch.position),
            std::mem::take(&mut scratch.bytes),
        );
        let mut q = self.query_text(&analyzer, &seeker.profile.text, buffers);
        let synonym_fields = std::mem::take(&mut q.synonym_fields);
        let ctx = self.context(&analyzer, seeker, weights, synonym_fields);
        let mut seen = Seen(std::mem::take(&mut scratch.seen));
        seen.0.clear();
        seen.0.resize(self.slots.len().div_ceil(64), 0);
        // 1. The mentors of the project's fields (or of a field its words name) in the
        //    porteur's circle, and the remote ones when the porteur accepts remote
        //    mentoring, each with a quick bound read from their list entry.
        //    Remote mentors of far régions come in groups, looked at in step 4.
        //    Each comes with a bound on their text relevance: the query's for list
        //    entries, the very relevance for remote mentors (summed from the postings
        //    of the query's words).
        let mut candidates: Vec<(&'a Entry, f64)> =
            recycle(std::mem::take(&mut scratch.candidates));
        let near = self.near_regions(ctx.place.codes);
        let buffers = (&mut scratch.sums, &mut scratch.shares);
        let far = self.listed(&ctx, &q, &near, &mut seen, &mut candidates, buffers);
        // 2. The mentors of other circles who may live near enough: those who may share
        //    a field go the same way, the others wait for step 5.
        let others = self.nearby(&ctx, &q, &mut seen, &mut candidates);
        // 3. By decreasing upper bound: a list entry's quick bound is refined (the
        //    distance, the words the mentor's text may share), then the mentor gets
        //    their parts but the text (a tighter bound still), then their text
        //    relevance, the dear part. Stop when the next bound cannot beat the k-th
        //    best score found so far.
        let mut partial = std::mem::take(&mut scratch.partial);
        partial.clear();
        let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(k + 1);
        let mut quick = std::mem::take(&mut scratch.quick);
        quick.clear();
        let mut pending = std::mem::take(&mut scratch.pending);
        pending.clear();
        self.seed(
            &ctx,
            &q,
            &mut candidates,
            &mut quick,
            &mut pending,
            &mut partial,
            k,
            &mut best,
        );
        self.search(
            &ctx,
            &q,
            &candidates,
            &mut pending,
            &mut partial,
            k,
            &mut best,
        );
        // 4. Remote mentors of far régions, once the best nearer ones have set the bar.
        self.far_away(&ctx, &q, &far, &near, &mut seen, &mut pending, &best, k);
        self.search(
            &ctx,
            &q,
            &candidates,
            &mut pending,
            &mut partial,
            k,
            &mut best,
        );
        // 5. Mentors without a field in common need enough words in common.
        self.by_words(&ctx, &q, others, &mut seen, &mut partial, k, &mut best);
        // Which of the query's words each chosen mentor wrote, one buffer for all.
        let mut wrote = Vec::new();
        let top = best
            .into_sorted_vec()
            .into_iter()
            .map(|r| {
                let (cheap, mentor) = (&partial[r.at].0, r.mentor as usize);
                self.explain(&ctx, &q, cheap, mentor, r.score, &mut wrote)
            })
            .collect();
        // The buffers go back, the terms' places zeroed again.
        let bytes = q.bytes;
        let mut position = q.position;
        for (t, _) in &q.distinct {
            position[*t as usize] = 0;
        }
        *scratch = Scratch {
            seen: seen.0,
            position,
            bytes,
            sums: std::mem::take(&mut scratch.sums),
            shares: std::mem::take(&mut scratch.shares),
            quick,
            pending,
            partial,
            candidates: recycle(candidates),
        };
        top
    }

    /// What the query knows of the porteur, as the index numbers it: their fields,
    /// those their words name (`synonym_fields`), availability words, place, circle,
    /// languages and exclusions.
    fn context<'s>(
        &self,
        analyzer: &Analyzer,
        seeker: &'s Seeker,
        weights: &'s Weights,
        synonym_fields: Vec<u32>,
    ) -> Context<'s> {
        let mut wanted: Vec<u32> = Vec::new();
        for f in &seeker.profile.fields {
            let f = self.field_ids.get(f);
            if f != 0 && !wanted.contains(&f) {
                wanted.push(f);
            }
        }
        let (availability, availability_count) =
            self.seeker_availability(analyzer, &seeker.profile.availability);
        let place = self.lookup_place(&seeker.place);
        // Sorted: a filtered directory may exclude most of the mentors.
        let mut excluded: Vec<u32> = seeker
            .excluded
            .iter()
            .filter_map(|&e| self.internal.get(e).copied())
            .collect();
        excluded.sort_unstable();
        Context {
            seeker,
            excluded,
            unit: place.unit(),
            place,
            circle: seeker.circle.as_deref().map_or(0, |c| self.circles.get(c)),
            languages: seeker
                .profile
                .languages
                .iter()
                .map(|l| self.language_ids.get(l))
                .filter(|&l| l != 0)
                .collect(),
            wanted_mask: wanted.iter().fold(0, |m, &f| m | field_mask(f)),
            synonym_mask: synonym_fields.iter().fold(0, |m, &f| m | field_mask(f)),
            wanted,
            synonym_fields,
            availability_mask: availability
                .iter()
                .fold(0, |m, &a| m | 1u32 << a.min(AVAILABILITY_OVERFLOW)),
            availability,
            availability_count,
            weights,
            total: weights.total(),
        }
    }

    /// Reads the slots of `mentors`, then the first and last words of their records
    /// (the parts scoring reads first and last), in two passes of independent reads:
    /// the processor waits for all the misses at once rather than for each mentor's
    /// in turn.
    fn touch(&self, mentors: impl Iterator<Item = u32> + Clone) {
        let mut sum = 0u32;
        for i in mentors.clone() {
            sum ^= self.slots[i as usize].record;
        }
        std::hint::black_box(sum);
        for i in mentors {
            let s = &self.slots[i as usize];
            let terms = self.record(s, 3);
            let first = self.records.get(s.record as usize);
            sum ^= first.into_iter().chain(terms.last()).fold(0, |a, b| a ^ b);
        }
        std::hint::black_box(sum);
    }

    fn lookup_place(&self, p: &PlaceKeys) -> Place {
        Place::of(p, |kind, code| self.places[kind].get(code))
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// A thread's buffers for its queries: allocating them afresh cost a tenth of a
/// query (the largest go back to the system and come back as fresh pages).
#[derive(Default)]
struct Scratch {
    seen: Vec<u64>,
    /// Term id → 0, each query setting and then clearing its own terms.
    position: Vec<u16>,
    /// See [`QueryText::bytes`].
    bytes: Vec<[f64; 256]>,
    sums: Vec<f64>,
    shares: Vec<f32>,
    quick: Vec<(f64, u32)>,
    pending: Vec<Bound>,
    partial: Vec<(Cheap, u32)>,
    /// Empty between queries (its entries borrow the index).
    candidates: Vec<(&'static Entry, f64)>,
}

/// An empty vector with the allocation of `v` (cleared), for items of another
/// lifetime: collecting in place keeps the allocation when the layouts match.
fn recycle<'c>(mut v: Vec<(&Entry, f64)>) -> Vec<(&'c Entry, f64)> {
    v.clear();
    v.into_iter().map(|_| unreachable!("cleared")).collect()
}

struct Context<'a> {
    seeker: &'a Seeker,
    /// The seeker's exclusions, as the index numbers them, sorted.
    excluded: Vec<u32>,
    place: Place,
    unit: [f32; 3],
    circle: u32,
    languages: Vec<u32>,
    wanted: Vec<u32>,
    synonym_fields: Vec<u32>,
    /// The fields above as [`field_mask`]s.
    wanted_mask: u64,
    synonym_mask: u64,
    availability: Vec<u32>,
    /// `availability` one bit each (see [`AVAILABILITY_OVERFLOW`]).
    availability_mask: u32,
    availability_count: usize,
    weights: &'a Weights,
    total: f64,
}

/// A mentor's parts of the score but the text, and what the reasons need.
#[derive(Debug, Clone, Default)]
struct Cheap {
    field: f64,
    proximity: f64,
    years: f64,
    load: f64,
    availability: f64,
    level: Level,
    shared: Option<usize>,
    synonym: Option<usize>,
    best_years: Option<usize>,
}

impl Cheap {
    /// The score with this text relevance, computed exactly as [`crate::suggest`] does
    /// (same operations in the same order, so the same bits and the same ties).
    fn score(&self, ctx: &Context<'_>, text: f64) -> f64 {
        ctx.weights.score(
            ctx.total,
            [
                self.field,
                text,
                self.proximity,
                self.years,
                self.load,
                self.availability,
            ],
        )
    }
}

/// Which mentors a query has already taken, one bit each.
struct Seen(Vec<u64>);

impl Seen {
    /// Whether `i` is new (and takes it).
    fn first(&mut self, i: u32) -> bool {
        let (w, b) = (i as usize / 64, 1u64 << (i % 64));
        let new = self.0[w] & b == 0;
        self.0[w] |= b;
        new
    }
}

/// Whether a mentor scoring at most `upper` cannot enter the `k` best.
fn beaten(best: &BinaryHeap<Ranked>, k: usize, upper: f64) -> bool {
    best.len() == k && best.peek().is_some_and(|worst| upper < worst.score)
}

/// A mentor still to score, ordered by the best score it could reach (ties: the
/// earlier mentor first, as in the final ranking).
struct Bound {
    upper: f64,
    /// At least their text relevance.
    text: f64,
    mentor: u32,
    step: Step,
}

/// How far a mentor still to score has got.
#[derive(Clone, Copy)]
enum Step {
    /// A quick bound from their entry (its place in the candidates).
    Quick(u32),
    /// A finer bound from their entry.
    Bounded,
    /// Their parts but the text (their place in `partial`).
    Parts(u32),
}

/// `PartialEq`, `Eq` and `PartialOrd` from a type's own `Ord`.
macro_rules! ordered_by_cmp {
    ($($t:ty),*) => {$(
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                self.cmp(other).is_eq()
            }
        }

        impl Eq for $t {}

        impl PartialOrd for $t {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
    )*};
}

ordered_by_cmp!(Bound, Ranked);

impl Ord for Bound {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.upper
            .total_cmp(&other.upper)
            .then(other.mentor.cmp(&self.mentor))
    }
}

/// A scored mentor; the greatest is the worst (lowest score, then latest mentor), so
/// that a max-heap keeps the worst of the best on top and a sorted vector lists the
/// best first.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    score: f64,
    mentor: u32,
    /// Its number outside, which breaks ties as the reference does.
    outside: u32,
    /// Where its parts but the text are.
    at: usize,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.outside.cmp(&other.outside))
    }
}
