//! Answering from the index: the project's words analysed once, the porteur's
//! context, the candidates gathered list by list (circle, map cells, remote groups),
//! then best first by tightening upper bounds, the exact score computed only where it
//! can change the top `k`, and the reasons of those chosen. The steps are numbered as
//! in `suggest_with` and docs/MATCHING.md.

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

    /// The porteur's availability words: their stems, known ones by id (sorted, each
    /// once), and how many distinct stems, known or not.
    fn seeker_availability(&self, analyzer: &Analyzer, text: &str) -> (Vec<u32>, usize) {
        let mut availability: Vec<u32> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        analyzer.tokens(text, |word| match self.availability_terms.get(word) {
            Some(&id) => availability.push(id),
            None => {
                let stem = analyzer.stem(word);
                match self.availability_words.get(&stem) {
                    0 => unknown.push(stem),
                    id => availability.push(id),
                }
            }
        });
        availability.sort_unstable();
        availability.dedup();
        unknown.sort_unstable();
        unknown.dedup();
        let count = availability.len() + unknown.len();
        (availability, count)
    }

    /// The régions whose remote mentors are read in step 1: the porteur's, and those
    /// of the mentors sharing their commune, intercommunality or département.
    fn near_regions(&self, c: Codes) -> Vec<u32> {
        let mut near = Vec::with_capacity(8);
        near.push(c.region);
        for key in near_keys(c) {
            near.extend(self.regions_of.get(&key).into_iter().flatten());
        }
        near
    }

    /// Step 1: the entries of each field's lists, into `candidates` with a bound on
    /// their text relevance: the circle's list, and the remote list's mentors of the
    /// `near` régions when the porteur accepts remote mentoring. Returns each remote
    /// list with its mentors' relevances and the most its field part can be, for
    /// step 4. `buffers` hold the relevances of the long lists' mentors.
    fn listed<'a, 's>(
        &'a self,
        ctx: &Context<'_>,
        q: &QueryText,
        near: &[u32],
        seen: &mut Seen,
        candidates: &mut Vec<(&'a Entry, f64)>,
        buffers: (&'s mut Vec<f64>, &mut Vec<f32>),
    ) -> Vec<(&'a RemoteField, &'s [f64], f64)> {
        // (remote list, its mentors' relevances, the most its field part can be)
        let named = ctx.wanted.len() + ctx.synonym_fields.len();
        let mut far: Vec<(&RemoteField, &[f64], f64)> = Vec::with_capacity(named);
        // Each field once (the project's own may also be named by its words), with
        // its lists: the circle's, and the remote mentors' when the porteur accepts.
        let fields = ctx
            .synonym_fields
            .iter()
            .filter(|f| !ctx.wanted.contains(f));
        // The relevances of the long lists' mentors are read in one pass over the
        // postings: each list's start in them.
        // (circle list, its start if long, remote list, its start, field)
        let mut lists = Vec::with_capacity(named);
        let mut long: Vec<(u32, usize)> = Vec::with_capacity(2 * named);
        let mut length = 0;
        for &f in ctx.wanted.iter().chain(fields) {
            let list = self.circle_fields.get(&(ctx.circle, f)).map(Vec::as_slice);
            let mut start = None;
            if let (Some(list), Some(&number)) = (list, self.long_lists.get(&(ctx.circle, f))) {
                long.push((number, length));
                start = Some(length);
                length += list.len();
            }
            let remote = self
                .remote_fields
                .get(f as usize)
                .filter(|_| ctx.seeker.profile.remote);
            let remote_start = length;
            if let Some(remote) = remote {
                long.push((remote.list, length));
                length += remote.entries.len();
            }
            lists.push((list, start, remote, remote_start, f));
        }
        long.sort_unstable();
        let relevances = self.relevances(q, &long, length, buffers);
        for &(list, start, remote, remote_start, f) in &lists {
            // A long list's mentors with their relevance, the others with the query's
            // (chosen once per list: chosen for each mentor, it cost the dense
            // benchmark 1.5 % once the steps became functions).
            match (list, start) {
                (Some(list), Some(start)) => {
                    let texts = &relevances[start..start + list.len()];
                    for (e, &text) in list.iter().zip(texts) {
                        if seen.first(e.mentor) {
                            candidates.push((e, text));
                        }
                    }
                }
                (Some(list), None) => {
                    for e in list {
                        if seen.first(e.mentor) {
                            candidates.push((e, q.bound));
                        }
                    }
                }
                (None, _) => {}
            }
            let Some(remote) = remote else {
                continue;
            };
            let texts = &relevances[remote_start..remote_start + remote.entries.len()];
            for r in &remote.regions {
                if !near.contains(&r.region) {
                    continue;
                }
                for g in &remote.groups[r.range.0 as usize..r.range.1 as usize] {
                    let range = g.range.0 as usize..g.range.1 as usize;
                    for (e, &text) in remote.entries[range.clone()].iter().zip(&texts[range]) {
                        if seen.first(e.mentor) {
                            candidates.push((e, text));
                        }
                    }
                }
            }
            // A mentor of a field the porteur's words name who also has one of the
            // porteur's fields is that field's: here only the synonym part is left.
            let field = if ctx.wanted.contains(&f) {
                SAME_FIELD
            } else {
                SYNONYM_FIELD
            };
            far.push((remote, texts, field));
        }
        far
    }

    /// Step 2: the mentors of other circles who may live near enough (those who
    /// travel far, and those of the map cells within reach): those who may share a
    /// field join `candidates`, the others are returned for step 5.
    fn nearby<'a>(
        &'a self,
        ctx: &Context<'_>,
        q: &QueryText,
        seen: &mut Seen,
        candidates: &mut Vec<(&'a Entry, f64)>,
    ) -> Vec<u32> {
        let mut others: Vec<u32> = Vec::with_capacity(128);
        let fields_mask = ctx.wanted_mask | ctx.synonym_mask;
        let mut nearby = |e: &'a Entry| {
            if seen.first(e.mentor) {
                if e.fields & fields_mask == 0 {
                    others.push(e.mentor);
                } else {
                    candidates.push((e, q.bound));
                }
            }
        };
        for e in &self.long_range {
            if ctx.circle == 0 || e.circle != ctx.circle {
                nearby(e);
            }
        }
        let (lat, lon) = (ctx.seeker.place.lat, ctx.seeker.place.lon);
        let (low, high) = (
            cell(lat - self.cell_reach_km / KM_PER_DEGREE, lon),
            cell(lat + self.cell_reach_km / KM_PER_DEGREE, lon),
        );
        // Degrees of longitude shrink towards the poles: widen by the highest latitude.
        let widest = (lat.abs() + self.cell_reach_km / KM_PER_DEGREE).min(89.0);
        let spread = self.cell_reach_km / (KM_PER_DEGREE * widest.to_radians().cos());
        let (west, east) = (cell(lat, lon - spread).1, cell(lat, lon + spread).1);
        for row in low.0..=high.0 {
            // How far north or south of the porteur the cell's nearest edge lies.
            let edges = (
                f64::from(row) / CELLS_PER_DEGREE,
                f64::from(row + 1) / CELLS_PER_DEGREE,
            );
            let north_south = (edges.0 - lat).max(lat - edges.1).max(0.0) * KM_PER_DEGREE;
            for col in west..=east {
                if let Some(c) = self.cells.get(&(row, col))
                    && north_south <= c.reach_km
                {
                    // The porteur's own circle was read from its lists.
                    let mut start = 0;
                    for &(circle, end) in &c.circles {
                        if ctx.circle == 0 || circle != ctx.circle {
                            for e in &c.mentors[start..end as usize] {
                                nearby(e);
                            }
                        }
                        start = end as usize;
                    }
                }
            }
        }
        others
    }

    /// Step 3's start: each candidate's quick bound, the `k` best of them scored
    /// outright (the k-th best score so far is a threshold the others' quick bounds
    /// must reach to be looked at), and the others that reach it into `pending`.
    #[allow(clippy::too_many_arguments)]
    fn seed(
        &self,
        ctx: &Context<'_>,
        q: &QueryText,
        candidates: &mut [(&Entry, f64)],
        quick: &mut Vec<(f64, u32)>,
        pending: &mut Vec<Bound>,
        partial: &mut Vec<(Cheap, u32)>,
        k: usize,
        best: &mut BinaryHeap<Ranked>,
    ) {
        // Those without postings (their text bound is the query's) with at least
        // their text relevance from the query's words their text may hold.
        quick.extend(candidates.iter_mut().enumerate().map(|(at, (e, text))| {
            if *text == q.bound {
                *text = q.bound(e.terms);
            }
            (e.quick(ctx, *text), at as u32)
        }));
        let seeds = k.min(quick.len());
        if seeds < quick.len() {
            quick.select_nth_unstable_by(seeds, |a, b| b.0.total_cmp(&a.0));
        }
        // Their slots then records read at once (the misses overlap), before each is
        // scored in turn.
        self.touch(
            quick[..seeds]
                .iter()
                .map(|&(_, at)| candidates[at as usize].0.mentor),
        );
        for &(_, at) in &quick[..seeds] {
            let mentor = candidates[at as usize].0.mentor;
            if let Some(cheap) = self.cheap(ctx, mentor as usize) {
                partial.push((cheap, mentor));
                self.rank(ctx, q, partial.len() - 1, partial, k, best);
            }
        }
        pending.extend(
            quick[seeds..]
                .iter()
                .filter(|(upper, _)| !beaten(best, k, *upper))
                .map(|&(upper, at)| Bound {
                    upper,
                    text: candidates[at as usize].1,
                    mentor: candidates[at as usize].0.mentor,
                    step: Step::Quick(at),
                }),
        );
    }

    /// Step 4: the remote mentors of far régions (the lists `far` of step 1, whose
    /// `near` régions step 1 read), once the best nearer ones have set the bar: a
    /// field's, a région's, then a square's as if all their mentors lived at its
    /// nearest point, with the best years and load and all their words, then each of
    /// them, into `pending` with their finer bound.
    #[allow(clippy::too_many_arguments)]
    fn far_away(
        &self,
        ctx: &Context<'_>,
        q: &QueryText,
        far: &[(&RemoteField, &[f64], f64)],
        near: &[u32],
        seen: &mut Seen,
        pending: &mut Vec<Bound>,
        best: &BinaryHeap<Ranked>,
        k: usize,
    ) {
        let most = |texts: &[f64]| texts.iter().copied().fold(0.0, f64::max);
        for &(remote, texts, field) in far {
            if !remote.whole.may_enter(ctx, field, most(texts), best, k) {
                continue;
            }
            for r in &remote.regions {
                let groups = &remote.groups[r.range.0 as usize..r.range.1 as usize];
                let (start, end) = (groups[0].range.0, groups[groups.len() - 1].range.1);
                let in_region = &texts[start as usize..end as usize];
                if near.contains(&r.region) || !r.may_enter(ctx, field, most(in_region), best, k) {
                    continue;
                }
                for g in groups {
                    let range = g.range.0 as usize..g.range.1 as usize;
                    if !g.may_enter(ctx, field, most(&texts[range.clone()]), best, k) {
                        continue;
                    }
                    for (e, &text) in remote.entries[range.clone()].iter().zip(&texts[range]) {
                        if seen.first(e.mentor) {
                            let (upper, text) = e.bound(ctx, q, text);
                            if !beaten(best, k, upper) {
                                pending.push(Bound {
                                    upper,
                                    text,
                                    mentor: e.mentor,
                                    step: Step::Bounded,
                                });
                            }
                        }
                    }
                }
            }
        }
    }

    /// Step 5: mentors without a field in common (`others`, from step 2, then those
    /// of the porteur's circle and the remote ones not seen yet) need enough words in
    /// common; they are looked at only if the best such a mentor could score can
    /// still enter.
    #[allow(clippy::too_many_arguments)]
    fn by_words(
        &self,
        ctx: &Context<'_>,
        q: &QueryText,
        mut others: Vec<u32>,
        seen: &mut Seen,
        partial: &mut Vec<(Cheap, u32)>,
        k: usize,
        best: &mut BinaryHeap<Ranked>,
    ) {
        let next_door = Cheap {
            proximity: 1.0,
            load: LOAD_BOUND,
            availability: 1.0,
            ..Cheap::default()
        };
        if !beaten(best, k, next_door.score(ctx, q.bound)) && q.bound >= TEXT_THRESHOLD {
            let circle = self.circle_mentors.get(ctx.circle as usize);
            let remote = Some(&self.remote).filter(|_| ctx.seeker.profile.remote);
            for &i in circle.into_iter().chain(remote).flatten() {
                if seen.first(i) {
                    others.push(i);
                }
            }
            for i in others {
                // Too few of the project's words for a mentor of another field, or
                // too few to enter even from next door.
                let text = q.bound(self.signatures[i as usize]);
                if text < TEXT_THRESHOLD {
                    continue;
                }
                if beaten(best, k, next_door.score(ctx, text)) {
                    continue;
                }
                let Some(cheap) = self.cheap(ctx, i as usize) else {
                    continue;
                };
                if beaten(best, k, cheap.score(ctx, text)) {
                    continue;
                }
                partial.push((cheap, i));
                self.rank(ctx, q, partial.len() - 1, partial, k, best);
            }
        }
    }

    /// Best first over `pending`: a quick bound is refined, a refined bound gives way
    /// to the mentor's parts but the text, and those to their score; stops when the
    /// next bound cannot beat the k-th best score found so far.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        ctx: &Context<'_>,
        q: &QueryText,
        candidates: &[(&Entry, f64)],
        pending: &mut Vec<Bound>,
        partial: &mut Vec<(Cheap, u32)>,
        k: usize,
        best: &mut BinaryHeap<Ranked>,
    ) {
        let mut heap = BinaryHeap::from(std::mem::take(pending));
        self.best_first(ctx, q, candidates, &mut heap, partial, k, best);
        // The buffer is kept for the next search.
        *pending = heap.into_vec();
        pending.clear();
    }

    #[allow(clippy::too_many_arguments)]
    fn best_first(
        &self,
        ctx: &Context<'_>,
        q: &QueryText,
        candidates: &[(&Entry, f64)],
        pending: &mut BinaryHeap<Bound>,
        partial: &mut Vec<(Cheap, u32)>,
        k: usize,
        best: &mut BinaryHeap<Ranked>,
    ) {
        let mut current = pending.pop();
        while let Some(next) = current {
            if beaten(best, k, next.upper) {
                break;
            }
            // A mentor whose finer bound still leads goes on without waiting in line.
            let finer = match next.step {
                Step::Quick(e) => {
                    let (e, text) = candidates[e as usize];
                    let (upper, text) = e.bound(ctx, q, text);
                    Some(Bound {
                        upper,
                        text,
                        step: Step::Bounded,
                        ..next
                    })
                }
                Step::Bounded => self.cheap(ctx, next.mentor as usize).map(|cheap| {
                    partial.push((cheap, next.mentor));
                    Bound {
                        upper: partial[partial.len() - 1].0.score(ctx, next.text),
                        step: Step::Parts(partial.len() as u32 - 1),
                        ..next
                    }
                }),
                Step::Parts(at) => {
                    self.rank(ctx, q, at as usize, partial, k, best);
                    None
                }
            };
            current = match finer {
                Some(b) if pending.peek().is_none_or(|top| b.upper >= top.upper) => Some(b),
                Some(b) => {
                    let mut top = pending.peek_mut().expect("peeked");
                    Some(std::mem::replace(&mut *top, b))
                }
                None => pending.pop(),
            };
        }
    }

    /// At least the text relevance of each mentor of the long lists `lists` ((number,
    /// where its mentors start in the result), by increasing number), `len` mentors in
    /// all: the shares of the query's words they wrote, summed word by word.
    fn relevances<'s>(
        &self,
        q: &QueryText,
        lists: &[(u32, usize)],
        len: usize,
        (sums, shares): (&'s mut Vec<f64>, &mut Vec<f32>),
    ) -> &'s [f64] {
        sums.clear();
        if q.distinct_count == 0 || lists.is_empty() {
            sums.resize(len, 0.0);
            return sums;
        }
        // Summed in single precision: half the memory, so that the sums of a long
        // query stay in the first-level cache while the postings stream by.
        shares.clear();
        shares.resize(len, 0.0);
        let p = &self.postings;
        let all: &mut [f32] = shares;
        for &(t, _) in &q.distinct {
            let (start, end) = (p.starts[t as usize], p.starts[t as usize + 1]);
            // Both by increasing list number: a merge.
            let mut wanted = lists.iter().peekable();
            for &(number, run) in &p.lists[start as usize..end as usize] {
                while wanted.next_if(|(n, _)| *n < number).is_some() {}
                let Some(&&(n, offset)) = wanted.peek() else {
                    break;
                };
                if n == number {
                    let sums = &mut all[offset..];
                    match run {
                        Run::Sparse(from, to) => {
                            for &(at, share) in &p.runs[from as usize..to as usize] {
                                sums[at as usize] += share;
                            }
                        }
                        Run::Dense(from, to) => {
                            let dense = &p.dense[from as usize..to as usize];
                            for (sum, share) in sums.iter_mut().zip(dense) {
                                *sum += share;
                            }
                        }
                    }
                }
            }
        }
        // The margin covers the single-precision roundings (a relative 6e-8 for each
        // of a few dozen additions).
        let scale = q.scale * (1.0 + 1e-5);
        sums.extend(shares.iter().map(|&s| (f64::from(s) * scale).min(1.0)));
        sums
    }

    /// Scores the mentor of `partial[at]` with their text and keeps them if they are
    /// among the `k` best so far.
    fn rank(
        &self,
        ctx: &Context<'_>,
        q: &QueryText,
        at: usize,
        partial: &[(Cheap, u32)],
        k: usize,
        best: &mut BinaryHeap<Ranked>,
    ) {
        let (cheap, mentor) = &partial[at];
        let text = self.relevance(q, &self.slots[*mentor as usize]);
        let text = text.clamp(0.0, 1.0);
        if cheap.field == 0.0 && text < TEXT_THRESHOLD {
            return;
        }
        best.push(Ranked {
            score: cheap.score(ctx, text),
            mentor: *mentor,
            outside: self.external[*mentor as usize],
            at,
        });
        if best.len() > k {
            best.pop();
        }
    }

    /// Every part but the text, after the hard filters (text threshold aside).
    fn cheap(&self, ctx: &Context<'_>, i: usize) -> Option<Cheap> {
        let s = &self.slots[i];
        let load = self.load(i)?;
        if ctx.excluded.binary_search(&(i as u32)).is_ok() {
            return None;
        }
        let languages = self.languages_of(s);
        if !ctx.languages.iter().any(|l| languages.contains(l)) {
            return None;
        }
        let level = ctx.place.level(&s.place);
        let same_circle = s.circle != 0 && s.circle == ctx.circle;
        let remote = s.remote && ctx.seeker.profile.remote;
        // The distance matters to reach a mentor of another circle who does not
        // mentor remotely, and to the proximity of a mentor of another région.
        let by_road = !(same_circle || remote);
        if by_road {
            // A great-circle distance is at least the difference of latitudes.
            let north_south = (ctx.place.lat - s.place.lat).abs() * KM_PER_DEGREE;
            if north_south > s.travel_km {
                return None;
            }
        }
        let distance = if by_road || level >= Level::SameCountry {
            haversine(ctx.place.lat, ctx.place.lon, s.place.lat, s.place.lon)
        } else {
            0.0
        };
        if by_road && distance > s.travel_km {
            return None;
        }
        let fields = self.fields_of(s);
        let shared = fields.iter().position(|(f, _)| ctx.wanted.contains(&f));
        let synonym = fields
            .iter()
            .position(|(f, _)| ctx.synonym_fields.contains(&f));
        let field = match (shared, synonym) {
            (Some(_), _) => SAME_FIELD,
            (None, Some(_)) => SYNONYM_FIELD,
            _ => 0.0,
        };
        let synonym_field = synonym.map(|j| fields.get(j).0);
        let mut best_years: Option<usize> = None;
        for (j, (f, y)) in fields.iter().enumerate() {
            if (ctx.wanted.contains(&f) || synonym_field == Some(f))
                && best_years.is_none_or(|b| y >= fields.get(b).1)
            {
                best_years = Some(j);
            }
        }
        let years = best_years.map_or(0.0, |j| years_part(fields.get(j).1));
        let availability = {
            let b = self.availability_of(s);
            let common = ctx.availability.iter().filter(|a| b.contains(a)).count();
            availability_part(common, ctx.availability_count, b.len())
        };
        Some(Cheap {
            field,
            proximity: proximity_part(level, distance),
            years,
            load,
            availability,
            level,
            shared,
            synonym,
            best_years,
        })
    }

    /// The reasons of a mentor already chosen.
    fn explain(
        &self,
        ctx: &Context<'_>,
        q: &QueryText,
        c: &Cheap,
        i: usize,
        score: f64,
        wrote: &mut Vec<bool>,
    ) -> Suggestion {
        let s = &self.slots[i];
        let fields = self.fields_of(s);
        let code = |j: usize| self.field_codes[fields.get(j).0 as usize].clone();
        let mut reasons = Vec::with_capacity(5);
        match (c.shared, c.synonym) {
            (Some(j), _) => reasons.push(Reason::SameField(code(j))),
            (None, Some(j)) => reasons.push(Reason::SynonymField(code(j))),
            _ => {}
        }
        // The query's distinct terms the mentor wrote, by their place in the query.
        wrote.clear();
        wrote.resize(q.distinct.len(), false);
        for (t, _) in self.terms_of(s) {
            if let Some(at) = q.position[t as usize].checked_sub(1) {
                wrote[usize::from(at)] = true;
            }
        }
        let mut common: Vec<Arc<str>> = Vec::with_capacity(3);
        for (t, written, word) in q.words() {
            let at = q.position[t as usize].checked_sub(1);
            if t != 0
                && at.is_some_and(|at| wrote[usize::from(at)])
                && !common.iter().any(|c| **c == *word)
            {
                // The mentors' own copy of the word when one wrote it.
                common.push(match self.written.get(written as usize) {
                    Some(w) => w.clone(),
                    None => word.into(),
                });
                if common.len() == 3 {
                    break;
                }
            }
        }
        if !common.is_empty() {
            reasons.push(Reason::CommonWords(common));
        }
        if c.level <= Level::SameDepartement {
            reasons.push(Reason::Proximity(c.level));
        } else if s.remote && ctx.seeker.profile.remote {
            reasons.push(Reason::Remote);
        }
        if let Some(j) = c.best_years
            && fields.get(j).1 > 0
        {
            reasons.push(Reason::Years(code(j), fields.get(j).1));
        }
        Suggestion {
            index: self.external[i] as usize,
            score,
            reasons,
        }
    }

    /// The project's words; a word some mentor also wrote is not stemmed again.
    fn query_text(
        &self,
        analyzer: &Analyzer,
        text: &str,
        (mut position, mut bytes): (Vec<u16>, Vec<[f64; 256]>),
    ) -> QueryText {
        // Sized ahead (a word takes two letters and a space at least).
        let mut words: Vec<(u32, u32, (u32, u32))> = Vec::with_capacity(text.len() / 3);
        let mut folded = String::with_capacity(text.len());
        let mut distinct: Vec<(u32, f64)> = Vec::with_capacity(text.len() / 3);
        // All zeros (see `Scratch::position`), sized to this index's terms; each
        // distinct term marked as it comes (a long text stays linear).
        position.resize(self.idf.len(), 0);
        position.truncate(self.idf.len());
        const MARKS: usize = u16::MAX as usize - 1;
        // Stems no mentor's text holds: they count in the query's length only.
        let mut unknown: Vec<String> = Vec::new();
        // A word some mentor wrote is neither a stop word nor to be stemmed again.
        let mut synonym_fields: Vec<u32> = Vec::with_capacity(8);
        let mut named = |fields: &[u32]| {
            for &f in fields {
                if !synonym_fields.contains(&f) {
                    synonym_fields.push(f);
                }
            }
        };
        analyzer.words_and_stop_words(text, |word| {
            let mut written = u32::MAX;
            let id = match self.word_terms.get(word) {
                Some(&(id, synonyms, at)) => {
                    if synonyms != 0 {
                        named(&self.word_synonyms[synonyms as usize - 1]);
                    }
                    written = at;
                    id
                }
                None if is_stop_word(word) => return,
                None => {
                    named(self.synonyms.get(word).map_or(&[], Vec::as_slice));
                    let stem = analyzer.stem(word);
                    let id = self.vocabulary.get(&stem);
                    if id == 0 && !unknown.contains(&stem) {
                        unknown.push(stem);
                    }
                    id
                }
            };
            if id != 0 && position[id as usize] == 0 {
                // Past the marks (a text of 65,534 distinct words), a search.
                if distinct.len() < MARKS || !distinct.iter().any(|(t, _)| *t == id) {
                    distinct.push((id, self.idf[id as usize]));
                }
                if distinct.len() <= MARKS {
                    position[id as usize] = distinct.len() as u16;
                }
            }
            let start = folded.len() as u32;
            folded.push_str(word);
            words.push((id, written, (start, folded.len() as u32)));
        });
        let distinct_count = distinct.len() + unknown.len();
        let mut q = QueryText {
            position,
            distinct_count,
            words,
            folded,
            synonym_fields,
            distinct,
            bound: 0.0,
            bytes: Vec::new(),
            signature: 0,
            divisor: Bm25::best(self.slots.len() as f64) * (distinct_count as f64).min(6.0),
            scale: 0.0,
        };
        if distinct_count == 0 || self.slots.is_empty() {
            return q;
        }
        q.scale = (1.0 + 1e-9) / q.divisor;
        let mut shares = [0.0; 64];
        for (t, _) in &q.distinct {
            shares[(t % 64) as usize] += self.best_share[*t as usize];
            q.signature |= 1 << (t % 64);
        }
        // Each byte's subsets of the query's bits, smaller ones first (entry 0, the
        // empty set, stays 0).
        bytes.resize(8, [0.0; 256]);
        for (i, sums) in bytes.iter_mut().enumerate() {
            let mask = (q.signature >> (8 * i)) & 0xff;
            let mut b: u64 = 0;
            loop {
                b = b.wrapping_sub(mask) & mask;
                if b == 0 {
                    break;
                }
                let lowest = b.trailing_zeros() as usize;
                sums[b as usize] = sums[(b & (b - 1)) as usize] + shares[8 * i + lowest];
            }
        }
        q.bytes = bytes;
        q.bound = q.bound(u64::MAX);
        q
    }

    /// Text relevance in [0, 1], as [`Bm25::relevance`] computes it.
    fn relevance(&self, q: &QueryText, slot: &Slot) -> f64 {
        if q.distinct_count == 0 {
            return 0.0;
        }
        let norm = slot.norm;
        // The document's terms that the query holds, summed in the query's order (as
        // the reference does, for the same bits): kept on the stack, in that order.
        const ON_STACK: usize = 24;
        let mut hits = [(0u16, 0u32); ON_STACK];
        let mut n = 0;
        let mut more: Vec<(u16, u32)> = Vec::new();
        for (t, f) in self.terms_of(slot) {
            let at = q.position[t as usize];
            if at == 0 {
                continue;
            }
            if n == ON_STACK {
                more.extend_from_slice(&hits);
                n = 0;
            }
            let mut j = n;
            while j > 0 && hits[j - 1].0 > at {
                hits[j] = hits[j - 1];
                j -= 1;
            }
            hits[j] = (at, f);
            n += 1;
        }
        let hits = if more.is_empty() {
            &hits[..n]
        } else {
            more.extend_from_slice(&hits[..n]);
            more.sort_unstable_by_key(|(at, _)| *at);
            &more[..]
        };
        let mut score = 0.0;
        for &(at, f) in hits {
            score += Bm25::term(q.distinct[at as usize - 1].1, f64::from(f), norm);
        }
        score / q.divisor
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

impl Entry {
    /// At least the mentor's score, read quickly: proximity from the level of the
    /// places alone, and `text` at least their text relevance.
    fn quick(&self, ctx: &Context<'_>, text: f64) -> f64 {
        self.parts(ctx).score(ctx, text)
    }

    /// The mentor's parts but the text, each at least theirs; proximity from the
    /// level of the places alone.
    fn parts(&self, ctx: &Context<'_>) -> Cheap {
        let field = if self.fields & ctx.wanted_mask != 0 {
            SAME_FIELD
        } else if self.fields & ctx.synonym_mask != 0 {
            SYNONYM_FIELD
        } else {
            0.0
        };
        let level = ctx.place.codes.level(&self.codes);
        let availability = if self.availability & (1 << AVAILABILITY_OVERFLOW) != 0 {
            1.0
        } else {
            availability_part(
                (self.availability & ctx.availability_mask).count_ones() as usize,
                ctx.availability_count,
                self.availability.count_ones() as usize,
            )
        };
        Cheap {
            field,
            proximity: proximity_part(level, 0.0),
            years: f64::from(self.years),
            load: LOAD_BOUND,
            availability,
            level,
            ..Cheap::default()
        }
    }

    /// At least the mentor's score and text relevance: the field part their fields
    /// may give, their proximity with the shortest distance the places allow, the
    /// years of their most experienced field, their exact load and availability parts,
    /// and the relevance of the query's terms their text may hold.
    fn bound(&self, ctx: &Context<'_>, q: &QueryText, text: f64) -> (f64, f64) {
        let mut parts = self.parts(ctx);
        if parts.level >= Level::SameCountry {
            // A chord is shorter than its arc; e^-x is at most 1 / (1 + x + x²/2 + x³/6).
            // The margins cover the single-precision unit vectors and the roundings.
            parts.proximity = far_proximity(chord(&ctx.unit, &self.unit));
        }
        let text = text.min(q.bound(self.terms));
        (parts.score(ctx, text), text)
    }
}

/// At least the proximity part of two places of different régions (or countries)
/// whose unit vectors lie `chord` apart: a chord is shorter than its arc. The margins
/// cover the single-precision vectors and the roundings.
fn far_proximity(chord: f64) -> f64 {
    let x = (EARTH_RADIUS_KM * chord - 0.01).max(0.0) * 0.01;
    (0.3 * (-x).exp() * (1.0 + 1e-9)).min(0.3)
}

impl Group {
    /// Whether one of its mentors, whose field part is at most `field` and text
    /// relevance at most `text`, may enter the `k` best, for a porteur of another
    /// région who shares no commune, intercommunality or département with them. The
    /// distance is looked at last.
    fn may_enter(
        &self,
        ctx: &Context<'_>,
        field: f64,
        text: f64,
        best: &BinaryHeap<Ranked>,
        k: usize,
    ) -> bool {
        // The availability part: 0.5 for a porteur or a mentor without words, at
        // most 1 with a word in common (or one past the bits), else 0.
        let availability = if ctx.availability_count == 0 {
            0.5
        } else if self.availability & (ctx.availability_mask | 1 << AVAILABILITY_OVERFLOW) != 0 {
            1.0
        } else if self.unavailable {
            0.5
        } else {
            0.0
        };
        let mut parts = Cheap {
            field,
            proximity: 0.3,
            years: f64::from(self.years),
            load: LOAD_BOUND,
            availability,
            ..Cheap::default()
        };
        if beaten(best, k, parts.score(ctx, text)) {
            return false;
        }
        parts.proximity = far_proximity((chord(&ctx.unit, &self.center) - self.radius).max(0.0));
        !beaten(best, k, parts.score(ctx, text))
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
