//! Building the index: the mentors laid out by circle and commune, their texts,
//! availability words, fields and languages analysed into records, their entries
//! listed (circle × field, map cells, long range, remote groups), the terms weighed
//! (idf, length norms, best shares) and the postings of the long lists.

use super::{
    AVAILABILITY_OVERFLOW, Entry, Group, HashMap, IndexedMentor, LOCAL_KM, LONG_LIST, MentorIndex,
    Place, PlaceKeys, Postings, RemoteField, Run, Slot, at_least, cell, chord, field_mask,
    near_keys, pack_places,
};
use crate::score::years_part;
use crate::text::{Analyzer, Bm25};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

impl MentorIndex {
    /// Builds the index; `synonyms` gives each field's synonyms as folded words.
    pub fn new(mentors: &[IndexedMentor], synonyms: &[(String, Vec<String>)]) -> MentorIndex {
        MentorIndex::build(mentors, synonyms, LONG_LIST)
    }

    /// Builds the index, giving postings to the circle lists of `long_list` mentors or
    /// more (tests lower it to read postings on small instances).
    pub(super) fn build(
        mentors: &[IndexedMentor],
        synonyms: &[(String, Vec<String>)],
        long_list: usize,
    ) -> MentorIndex {
        let analyzer = Analyzer::default();
        let mut index = MentorIndex::default();
        let mut document_frequency: Vec<u32> = vec![0];
        index.field_codes.push("".into());
        index.circle_mentors.push(Vec::new());
        let mut total_length = 0.0;
        let order = index.lay_out(mentors);
        for (i, m) in order.iter().map(|&o| &mentors[o]).enumerate() {
            let length = index.add(&analyzer, i, m, &mut document_frequency);
            total_length += length as f64;
        }
        let remote_groups = index.list();
        index.add_synonyms(synonyms);
        index.weigh_terms(&document_frequency, total_length, mentors.len());
        // Each field's remote mentors group after group.
        for groups in remote_groups {
            index.remote_fields.push(RemoteField::of(groups));
        }
        index.post_long_lists(long_list);
        index
    }

    /// Mentors are laid out by circle and commune, so that the neighbours a query
    /// reads lie next to each other in memory (their numbers outside stay theirs).
    /// Sets `internal` and `external`; returns the mentors' numbers outside in the
    /// index's order.
    fn lay_out(&mut self, mentors: &[IndexedMentor]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..mentors.len()).collect();
        // (A stable sort: mentors of one commune keep their order.)
        order.sort_by_key(|&i| {
            (
                mentors[i].circle.as_deref(),
                mentors[i].place.commune.as_str(),
            )
        });
        self.internal = vec![0; mentors.len()];
        for (i, &outside) in order.iter().enumerate() {
            self.internal[outside] = i as u32;
        }
        self.external = order.iter().map(|&o| o as u32).collect();
        order
    }

    /// Adds mentor `m`, the index's `i`th: their text's signature, their record
    /// (languages, availability words, fields, text terms), their slot, and their
    /// place in their circle's list and the remote list when they have a free place.
    /// Returns their text's length (words).
    fn add(
        &mut self,
        analyzer: &Analyzer,
        i: usize,
        m: &IndexedMentor,
        document_frequency: &mut Vec<u32>,
    ) -> usize {
        let p = &m.profile;
        let (tf, length) = self.text_terms(analyzer, &p.text, document_frequency);
        self.signatures
            .push(tf.iter().fold(0, |m, (t, _)| m | 1u64 << (t % 64)));
        let availability = self.availability_ids(analyzer, &p.availability);
        let fields: Vec<(u32, i64)> = p.fields.iter().map(|(f, y)| (self.field(f), *y)).collect();
        let languages: Vec<u32> = p
            .languages
            .iter()
            .map(|l| self.language_ids.intern(l))
            .collect();
        let record = self.records.len() as u32;
        let counts =
            [languages.len(), availability.len(), fields.len(), tf.len()].map(|n| n as u32);
        self.records.extend(languages);
        self.records.extend(availability);
        for (f, years) in fields {
            let years = years as u64;
            self.records.extend([f, years as u32, (years >> 32) as u32]);
        }
        self.records.extend(tf.iter().flat_map(|&(t, n)| [t, n]));
        let place = self.intern_place(&m.place);
        let circle = m.circle.as_deref().map_or(0, |c| self.circles.intern(c));
        if circle as usize == self.circle_mentors.len() {
            self.circle_mentors.push(Vec::new());
        }
        // Every mentor is listed: whether they have a free place is read when a query
        // meets them, so that places taken or freed change nothing here.
        if circle != 0 {
            self.circle_mentors[circle as usize].push(i as u32);
        }
        if p.remote {
            self.remote.push(i as u32);
        }
        self.places_taken
            .push(AtomicU64::new(pack_places(p.active, p.capacity)));
        self.slots.push(Slot {
            place,
            circle,
            travel_km: p.travel_km,
            remote: p.remote,
            norm: length as f64,
            record,
            counts,
        });
        length
    }

    /// A mentor's text as (term, frequency), by term, counted in the terms' document
    /// frequencies, and its length (words).
    fn text_terms(
        &mut self,
        analyzer: &Analyzer,
        text: &str,
        document_frequency: &mut Vec<u32>,
    ) -> (Vec<(u32, u32)>, usize) {
        let mut tf: Vec<(u32, u32)> = Vec::new();
        let mut length = 0usize;
        // A word met before is not stemmed again: its term is known.
        analyzer.tokens(text, |word| {
            length += 1;
            let id = match self.word_terms.get(word) {
                Some(&(id, _, _)) => id,
                None => {
                    let id = self.vocabulary.intern(&analyzer.stem(word));
                    if id as usize == document_frequency.len() {
                        document_frequency.push(0);
                    }
                    let at = self.written.len() as u32;
                    let word: Arc<str> = word.into();
                    self.written.push(word.clone());
                    self.word_terms.insert(word, (id, 0, at));
                    id
                }
            };
            match tf.iter_mut().find(|(t, _)| *t == id) {
                Some((_, n)) => *n += 1,
                None => tf.push((id, 1)),
            }
        });
        tf.sort_unstable();
        for (t, _) in &tf {
            document_frequency[*t as usize] += 1;
        }
        (tf, length)
    }

    /// A mentor's availability words as their stems' ids, sorted, each once.
    fn availability_ids(&mut self, analyzer: &Analyzer, text: &str) -> Vec<u32> {
        let mut availability: Vec<u32> = Vec::new();
        analyzer.tokens(text, |word| {
            let id = match self.availability_terms.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.availability_words.intern(&analyzer.stem(word));
                    self.availability_terms.insert(word.to_owned(), id);
                    id
                }
            };
            availability.push(id);
        });
        availability.sort_unstable();
        availability.dedup();
        availability
    }

    /// Lists the entry of each mentor: in the map cells or the long
    /// range, in their circle's list of each of their fields, and under the régions of
    /// their codes. Returns the remote ones by field, région and square of a degree.
    fn list(&mut self) -> Vec<Vec<SquareGroup>> {
        // Remote mentors by field, région and square of a degree.
        let mut remote = RemoteGroups::default();
        for i in 0..self.slots.len() {
            let s = self.slots[i];
            let fields: Vec<(u32, i64)> = self.fields_of(&s).iter().collect();
            let fields = fields.as_slice();
            let entry = self.entry(i, &s, fields);
            self.locate(&s, entry);
            for (j, (f, _)) in fields.iter().enumerate() {
                if fields[..j].iter().any(|(g, _)| g == f) {
                    continue;
                }
                if s.circle != 0 {
                    self.circle_fields
                        .entry((s.circle, *f))
                        .or_default()
                        .push(entry);
                }
                if s.remote {
                    remote.add(*f, &s, entry);
                }
            }
            let c = s.place.codes;
            for key in near_keys(c) {
                let regions = self.regions_of.entry(key).or_default();
                if !regions.contains(&c.region) {
                    regions.push(c.region);
                }
            }
        }
        remote.fields
    }

    /// The entry of mentor `i`, whose slot is `s` and fields `fields`.
    fn entry(&self, i: usize, s: &Slot, fields: &[(u32, i64)]) -> Entry {
        let availability = self.availability_of(s);
        Entry {
            mentor: i as u32,
            circle: s.circle,
            codes: s.place.codes,
            unit: s.place.unit(),
            years: at_least(
                fields
                    .iter()
                    .map(|(_, y)| years_part(*y))
                    .fold(0.0, f64::max),
            ),
            availability: availability
                .iter()
                .fold(0, |m, &a| m | 1u32 << a.min(AVAILABILITY_OVERFLOW)),
            fields: fields.iter().fold(0, |m, (f, _)| m | field_mask(*f)),
            terms: self.signatures[i],
        }
    }

    /// Puts a mentor's entry among the long range ones, or in their map cell (after
    /// their circle's run there, or in a new run).
    fn locate(&mut self, s: &Slot, entry: Entry) {
        if s.travel_km > LOCAL_KM {
            self.long_range.push(entry);
            return;
        }
        self.cell_reach_km = self.cell_reach_km.max(s.travel_km);
        let c = self
            .cells
            .entry(cell(s.place.lat, s.place.lon))
            .or_default();
        if c.circles
            .last()
            .is_none_or(|(circle, _)| *circle != s.circle)
        {
            c.circles.push((s.circle, 0));
        }
        c.mentors.push(entry);
        c.circles.last_mut().expect("just pushed").1 = c.mentors.len() as u32;
        c.reach_km = c.reach_km.max(s.travel_km);
    }

    /// Each field's synonyms, and each written word's fields as a synonym.
    fn add_synonyms(&mut self, synonyms: &[(String, Vec<String>)]) {
        for (field, words) in synonyms {
            let id = self.field(field);
            for w in words {
                self.synonyms.entry(w.clone()).or_default().push(id);
            }
        }
        for (word, fields) in &self.synonyms {
            if let Some((_, named, _)) = self.word_terms.get_mut(word.as_str()) {
                self.word_synonyms.push(fields.clone());
                *named = self.word_synonyms.len() as u32;
            }
        }
    }

    /// Each term's idf, each mentor's length norm (their slot's `norm` held their
    /// text's length until now), and the most each term adds to any mentor's score.
    fn weigh_terms(&mut self, document_frequency: &[u32], total_length: f64, mentors: usize) {
        let n = mentors as f64;
        self.idf = document_frequency
            .iter()
            .map(|&df| Bm25::idf(n, f64::from(df)))
            .collect();
        let average_length = if mentors == 0 { 0.0 } else { total_length / n };
        let mut best_share: Vec<f64> = vec![0.0; self.idf.len()];
        for at in 0..self.slots.len() {
            let s = &mut self.slots[at];
            s.norm = Bm25::length_norm(s.norm, average_length);
            let s = self.slots[at];
            for (t, f) in self.terms_of(&s) {
                let share = Bm25::term(self.idf[t as usize], f64::from(f), s.norm);
                let best = &mut best_share[t as usize];
                *best = best.max(share);
            }
        }
        self.best_share = best_share;
    }

    /// Numbers the long lists (the circle lists of `long_list` mentors or more, then
    /// every field's remote mentors) and gives them their postings.
    fn post_long_lists(&mut self, long_list: usize) {
        let mut long: Vec<(u32, u32)> = self
            .circle_fields
            .iter()
            .filter(|(_, list)| list.len() >= long_list)
            .map(|(key, _)| *key)
            .collect();
        long.sort_unstable();
        let mut by_term = vec![Vec::new(); self.idf.len()];
        let mut number = 0;
        // Each long list's length, by number.
        let mut lengths = Vec::new();
        for key in long {
            self.long_lists.insert(key, number);
            let mentors: Vec<u32> = self.circle_fields[&key].iter().map(|e| e.mentor).collect();
            self.post(number, &mentors, &mut by_term);
            lengths.push(mentors.len());
            number += 1;
        }
        // Every field's remote mentors too: they may be anywhere.
        for f in 0..self.remote_fields.len() {
            let mentors: Vec<u32> = self.remote_fields[f]
                .entries
                .iter()
                .map(|e| e.mentor)
                .collect();
            self.remote_fields[f].list = number;
            self.post(number, &mentors, &mut by_term);
            lengths.push(mentors.len());
            number += 1;
        }
        self.postings = Postings::of(by_term, &lengths);
    }

    /// The postings of long list `number`, whose mentors are `mentors`, term by term
    /// (lists come by increasing number).
    fn post(&self, number: u32, mentors: &[u32], by_term: &mut [Vec<(u32, u32, f32)>]) {
        for (at, &i) in mentors.iter().enumerate() {
            let s = &self.slots[i as usize];
            for (t, f) in self.terms_of(s) {
                let share = Bm25::term(self.idf[t as usize], f64::from(f), s.norm);
                by_term[t as usize].push((number, at as u32, at_least(share)));
            }
        }
    }

    fn field(&mut self, code: &str) -> u32 {
        let id = self.field_ids.intern(code);
        if id as usize == self.field_codes.len() {
            self.field_codes.push(code.into());
        }
        id
    }

    fn intern_place(&mut self, p: &PlaceKeys) -> Place {
        let places = &mut self.places;
        Place::of(p, |kind, code| places[kind].intern(code))
    }
}

/// A term written by at least `.0 / .1` of a list's mentors gets a dense run there:
/// adding a whole list (a few mentors an instruction) costs less than a sparse run's
/// scattered additions.
const DENSE: (usize, usize) = (1, 4);

impl Postings {
    /// From each term's (list number, place, share), by list number then place, and
    /// each list's length.
    fn of(by_term: Vec<Vec<(u32, u32, f32)>>, lengths: &[usize]) -> Postings {
        let mut p = Postings {
            starts: Vec::with_capacity(by_term.len() + 1),
            ..Postings::default()
        };
        for postings in by_term {
            p.starts.push(p.lists.len() as u32);
            for run in postings.chunk_by(|a, b| a.0 == b.0) {
                let number = run[0].0;
                let length = lengths[number as usize];
                let range = if run.len() * DENSE.1 >= length * DENSE.0 {
                    let from = p.dense.len();
                    p.dense.resize(from + length, 0.0);
                    for &(_, at, share) in run {
                        p.dense[from + at as usize] = share;
                    }
                    Run::Dense(from as u32, p.dense.len() as u32)
                } else {
                    let from = p.runs.len() as u32;
                    p.runs.extend(run.iter().map(|&(_, at, share)| (at, share)));
                    Run::Sparse(from, p.runs.len() as u32)
                };
                p.lists.push((number, range));
            }
        }
        p.starts.push(p.lists.len() as u32);
        p
    }
}

/// A group being built: its square of a degree and its mentors.
type SquareGroup = (Group, (i32, i32), Vec<Entry>);

/// Remote mentors by field, région and square of a degree, as they are listed.
#[derive(Default)]
struct RemoteGroups {
    /// (field, région, square) → the group's place in its field's groups.
    at: HashMap<(u32, u32, (i32, i32)), usize>,
    /// Field → its groups.
    fields: Vec<Vec<SquareGroup>>,
}

impl RemoteGroups {
    /// Adds the entry of a remote mentor of `field` whose slot is `s` to their group.
    fn add(&mut self, field: u32, s: &Slot, entry: Entry) {
        if self.fields.len() <= field as usize {
            self.fields.resize(field as usize + 1, Vec::new());
        }
        let square = (s.place.lat.floor() as i32, s.place.lon.floor() as i32);
        let groups = &mut self.fields[field as usize];
        let at = *self
            .at
            .entry((field, s.place.codes.region, square))
            .or_insert_with(|| {
                let group = Group {
                    region: s.place.codes.region,
                    center: entry.unit,
                    ..Group::default()
                };
                groups.push((group, square, Vec::new()));
                groups.len() - 1
            });
        let (group, _, mentors) = &mut groups[at];
        group.years = group.years.max(entry.years);
        group.availability |= entry.availability;
        group.unavailable |= entry.availability == 0;
        group.radius = group.radius.max(chord(&group.center, &entry.unit));
        mentors.push(entry);
    }
}

impl RemoteField {
    /// One field's remote mentors from their groups: group after group, the groups
    /// gathered by région and square of four degrees, and all of them as one group.
    fn of(mut groups: Vec<SquareGroup>) -> RemoteField {
        let mut field = RemoteField::default();
        // All of them, as if they lived next to the porteur.
        field.whole.radius = f64::INFINITY;
        // Groups of groups: a région's squares of a degree by squares of four.
        let wide = |(lat, lon): (i32, i32)| (lat.div_euclid(4), lon.div_euclid(4));
        groups.sort_by_key(|(g, square, _)| (g.region, wide(*square)));
        let mut last = None;
        for (mut group, square, mentors) in groups {
            let start = field.entries.len() as u32;
            field.entries.extend(mentors);
            group.range = (start, field.entries.len() as u32);
            let at = field.groups.len() as u32;
            let key = Some((group.region, wide(square)));
            match field.regions.last_mut() {
                Some(r) if last == key => {
                    r.radius = r.radius.max(chord(&r.center, &group.center) + group.radius);
                    r.years = r.years.max(group.years);
                    r.availability |= group.availability;
                    r.unavailable |= group.unavailable;
                    r.range.1 = at + 1;
                }
                _ => field.regions.push(Group {
                    range: (at, at + 1),
                    ..group.clone()
                }),
            }
            last = key;
            let whole = &mut field.whole;
            whole.years = whole.years.max(group.years);
            whole.availability |= group.availability;
            whole.unavailable |= group.unavailable;
            field.groups.push(group);
        }
        field
    }
}
