//! Gathering the candidates list by list: the porteur's circle, the map cells within
//! travelling distance, the long-range and remote mentors by group and région, then
//! those who share enough words; the bounds entries and groups give before a mentor's
//! record is read.

use super::*;

impl MentorIndex {
    /// The régions whose remote mentors are read in step 1: the porteur's, and those
    /// of the mentors sharing their commune, intercommunality or département.
    pub(super) fn near_regions(&self, c: Codes) -> Vec<u32> {
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
    pub(super) fn listed<'a, 's>(
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
    pub(super) fn nearby<'a>(
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
    pub(super) fn seed(
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
    pub(super) fn far_away(
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
    pub(super) fn by_words(
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
}

impl Entry {
    /// At least the mentor's score, read quickly: proximity from the level of the
    /// places alone, and `text` at least their text relevance.
    pub(super) fn quick(&self, ctx: &Context<'_>, text: f64) -> f64 {
        self.parts(ctx).score(ctx, text)
    }

    /// The mentor's parts but the text, each at least theirs; proximity from the
    /// level of the places alone.
    pub(super) fn parts(&self, ctx: &Context<'_>) -> Cheap {
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
    pub(super) fn bound(&self, ctx: &Context<'_>, q: &QueryText, text: f64) -> (f64, f64) {
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
    pub(super) fn may_enter(
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
