//! Ranking: best first by tightening upper bounds, the exact score computed only where
//! it can change the top `k`, the hard filters and parts but the text (`cheap`), and the
//! reasons of those chosen.

use super::*;

impl MentorIndex {
    /// Best first over `pending`: a quick bound is refined, a refined bound gives way
    /// to the mentor's parts but the text, and those to their score; stops when the
    /// next bound cannot beat the k-th best score found so far.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn search(
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
    pub(super) fn best_first(
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
    pub(super) fn relevances<'s>(
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
    pub(super) fn rank(
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
    pub(super) fn cheap(&self, ctx: &Context<'_>, i: usize) -> Option<Cheap> {
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
    pub(super) fn explain(
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
}
