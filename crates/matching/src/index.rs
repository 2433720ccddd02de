//! A prebuilt index of mentors for fast suggestions: texts analysed once (term ids,
//! frequencies, document frequencies), places, circles and languages as small integers,
//! one compact entry per available mentor listed by circle and field, by map cell and,
//! for remote mentoring, by field, région and square, with postings for the longest
//! lists. A query touches only the mentors a porteur can reach (same circle, a cell
//! within travelling distance, remote when both accept it), goes best first by upper
//! bounds that tighten step by step, and computes a mentor's exact score only where it
//! can change the top `k`. The answer is exactly that of [`crate::suggest`] over the
//! same mentors (a property test checks it); docs/MATCHING.md tells the steps.

use crate::score::{Level, MenteeProfile, MentorProfile, Reason, Suggestion, TEXT_THRESHOLD};
use crate::score::{
    SAME_FIELD, SYNONYM_FIELD, Weights, availability_part, load_part, proximity_part, years_part,
};
use crate::text::{Analyzer, Bm25, is_stop_word};
use std::cell::RefCell;
use std::collections::BinaryHeap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// FNV-1a: the index's keys are short words (from the bios of vetted mentors, bounded
/// in length) and small numbers, looked up many times per query; the standard
/// hasher's defence against crafted keys costs more than it protects here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Where someone lives, as the territory's codes (any stable strings) and coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceKeys {
    pub country: String,
    pub commune: String,
    pub epci: Option<String>,
    pub departement: String,
    pub region: String,
    pub lat: f64,
    pub lon: f64,
}

impl PlaceKeys {
    /// How close two places are, from the same commune down to another country.
    pub fn level(&self, other: &PlaceKeys) -> Level {
        if self.country != other.country {
            Level::Other
        } else if self.commune == other.commune {
            Level::SameCommune
        } else if self.epci.is_some() && self.epci == other.epci {
            Level::SameIntercommunality
        } else if self.departement == other.departement {
            Level::SameDepartement
        } else if self.region == other.region {
            Level::SameRegion
        } else {
            Level::SameCountry
        }
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    pub fn distance_km(&self, other: &PlaceKeys) -> f64 {
        haversine(self.lat, self.lon, other.lat, other.lon)
    }
}

const EARTH_RADIUS_KM: f64 = 6371.0088;

fn haversine(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dlat = p2 - p1;
    let dlon = (lon2 - lon1).to_radians();
    let a = (dlat / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

/// One mentor as given to the index.
#[derive(Debug, Clone, Default)]
pub struct IndexedMentor {
    pub profile: MentorProfile,
    pub place: PlaceKeys,
    /// The mentor's circle (any stable key).
    pub circle: Option<String>,
}

/// One porteur asking for suggestions.
#[derive(Debug, Clone, Default)]
pub struct Seeker {
    pub profile: MenteeProfile,
    pub place: PlaceKeys,
    pub circle: Option<String>,
    /// Mentors (by their number in the index) never to suggest: the porteur themself,
    /// earlier declined, withdrawn, expired or closed requests, those a filter leaves
    /// out (any number of them, in any order).
    pub excluded: Vec<usize>,
}

/// Interned place codes: 0 means "none" (no intercommunality, or a code the index
/// never saw).
#[derive(Debug, Clone, Copy, Default)]
struct Codes {
    country: u32,
    commune: u32,
    epci: u32,
    departement: u32,
    region: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Place {
    codes: Codes,
    lat: f64,
    lon: f64,
}

impl Place {
    /// A place with each code turned into a number by `number(kind, code)`, the kinds
    /// in the order of `MentorIndex::places` (no intercommunality: 0).
    fn of(p: &PlaceKeys, mut number: impl FnMut(usize, &str) -> u32) -> Place {
        Place {
            codes: Codes {
                country: number(0, &p.country),
                commune: number(1, &p.commune),
                epci: p.epci.as_deref().map_or(0, |e| number(2, e)),
                departement: number(3, &p.departement),
                region: number(4, &p.region),
            },
            lat: p.lat,
            lon: p.lon,
        }
    }

    fn level(&self, other: &Place) -> Level {
        self.codes.level(&other.codes)
    }

    /// The place on the unit sphere, for a cheap lower bound on distances.
    fn unit(&self) -> [f32; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [
            (lat.cos() * lon.cos()) as f32,
            (lat.cos() * lon.sin()) as f32,
            lat.sin() as f32,
        ]
    }
}

impl Codes {
    fn level(&self, other: &Codes) -> Level {
        if self.country != other.country || self.country == 0 {
            Level::Other
        } else if self.commune == other.commune && self.commune != 0 {
            Level::SameCommune
        } else if self.epci != 0 && self.epci == other.epci {
            Level::SameIntercommunality
        } else if self.departement == other.departement && self.departement != 0 {
            Level::SameDepartement
        } else if self.region == other.region && self.region != 0 {
            Level::SameRegion
        } else {
            Level::SameCountry
        }
    }
}

/// Strings to small integers, 1-based (0 is "absent").
#[derive(Debug, Default)]
struct Ids(HashMap<String, u32>);

impl Ids {
    fn intern(&mut self, key: &str) -> u32 {
        let next = self.0.len() as u32 + 1;
        *self.0.entry(key.to_owned()).or_insert(next)
    }

    fn get(&self, key: &str) -> u32 {
        self.0.get(key).copied().unwrap_or(0)
    }
}

/// What the index keeps of one mentor, laid out for the hot loop.
#[derive(Debug, Clone, Copy)]
struct Slot {
    place: Place,
    circle: u32,
    travel_km: f64,
    remote: bool,
    free: bool,
    load: f64,
    /// The text's length (words), then, once the average is known, how it weighs on
    /// the text's term frequencies ([`Bm25::length_norm`]).
    norm: f64,
    /// Where their record starts in `records`, and how many languages, availability
    /// words, fields and text terms it holds.
    record: u32,
    counts: [u32; 4],
}

/// A mentor's fields in their record: (field, years as low and high halves).
#[derive(Clone, Copy)]
struct Fields<'a>(&'a [u32]);

impl Fields<'_> {
    fn len(&self) -> usize {
        self.0.len() / 3
    }

    /// (field, years) of the `j`th.
    fn get(&self, j: usize) -> (u32, i64) {
        let f = &self.0[3 * j..3 * j + 3];
        (f[0], (u64::from(f[1]) | u64::from(f[2]) << 32) as i64)
    }

    fn iter(&self) -> impl Iterator<Item = (u32, i64)> + '_ {
        (0..self.len()).map(|j| self.get(j))
    }
}

#[derive(Debug, Default)]
pub struct MentorIndex {
    slots: Vec<Slot>,
    /// Each mentor's text terms as bits (term id mod 64).
    signatures: Vec<u64>,
    /// A mentor's number outside (in the slice given) from the index's own, and back.
    external: Vec<u32>,
    internal: Vec<u32>,
    /// Each mentor's record, in one place so that scoring them reads few cache lines:
    /// their languages, availability words (sorted), fields (field, then years as two
    /// halves, in the mentor's own order) and text terms (term, frequency, sorted by
    /// term). See the accessors below.
    records: Vec<u32>,
    /// Circle → its mentors with a free place.
    circle_mentors: Vec<Vec<u32>>,
    /// (circle, field) → the circle's mentors of the field with a free place.
    circle_fields: HashMap<(u32, u32), Vec<Entry>>,
    /// The longest of those lists, by number.
    long_lists: HashMap<(u32, u32), u32>,
    /// Who of each long list wrote each word: a query adds up its words' postings to
    /// get the text relevance of whole lists at once. The long lists are the longest
    /// circle lists and every field's remote mentors.
    postings: Postings,
    /// Field → its remote mentors with a free place.
    remote_fields: Vec<RemoteField>,
    /// (0 commune, 1 intercommunality, 2 département) code → the régions its mentors
    /// live in: a mentor of another région sharing one of them is closer than the
    /// country.
    regions_of: HashMap<(u8, u32), Vec<u32>>,
    /// Map cell → the mentors living there who travel at most `LOCAL_KM`.
    cells: HashMap<(i32, i32), Cell>,
    /// Mentors who travel further than `LOCAL_KM`.
    long_range: Vec<Entry>,
    /// Mentors who accept remote mentoring.
    remote: Vec<u32>,
    /// The furthest a mentor in `cells` travels.
    cell_reach_km: f64,
    /// Folded synonym → the fields it names.
    synonyms: HashMap<String, Vec<u32>>,
    idf: Vec<f64>,
    /// Term → the most it adds to any mentor's BM25 score (bounds a query's relevance).
    best_share: Vec<f64>,
    field_codes: Vec<Arc<str>>,
    vocabulary: Ids,
    /// Folded word → its stem's id, the fields it names as a synonym (1 + their place
    /// in `word_synonyms`, 0 for none) and its place in `written`, for every word of the
    /// mentors' texts.
    word_terms: HashMap<Arc<str>, (u32, u32, u32)>,
    /// Those words (the keys above, not copies), for the reasons that show them.
    written: Vec<Arc<str>>,
    word_synonyms: Vec<Vec<u32>>,
    /// Folded word → its stem's id, for the mentors' availability words.
    availability_terms: HashMap<String, u32>,
    availability_words: Ids,
    field_ids: Ids,
    language_ids: Ids,
    /// Country, commune, intercommunality, département and région codes.
    places: [Ids; 5],
    circles: Ids,
}

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
    /// Builds the index; `synonyms` gives each field's synonyms as folded words.
    pub fn new(mentors: &[IndexedMentor], synonyms: &[(String, Vec<String>)]) -> MentorIndex {
        MentorIndex::build(mentors, synonyms, LONG_LIST)
    }

    /// Builds the index, giving postings to the circle lists of `long_list` mentors or
    /// more (tests lower it to read postings on small instances).
    fn build(
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
        // Mentors are laid out by circle and commune, so that the neighbours a query
        // reads lie next to each other in memory (their numbers outside stay theirs).
        let mut order: Vec<usize> = (0..mentors.len()).collect();
        // (A stable sort: mentors of one commune keep their order.)
        order.sort_by_key(|&i| {
            (
                mentors[i].circle.as_deref(),
                mentors[i].place.commune.as_str(),
            )
        });
        index.internal = vec![0; mentors.len()];
        for (i, &outside) in order.iter().enumerate() {
            index.internal[outside] = i as u32;
        }
        index.external = order.iter().map(|&o| o as u32).collect();
        for (i, m) in order.iter().map(|&o| &mentors[o]).enumerate() {
            let p = &m.profile;
            let mut tf: Vec<(u32, u32)> = Vec::new();
            let mut length = 0usize;
            // A word met before is not stemmed again: its term is known.
            analyzer.tokens(&p.text, |word| {
                length += 1;
                let id = match index.word_terms.get(word) {
                    Some(&(id, _, _)) => id,
                    None => {
                        let id = index.vocabulary.intern(&analyzer.stem(word));
                        if id as usize == document_frequency.len() {
                            document_frequency.push(0);
                        }
                        let at = index.written.len() as u32;
                        let word: Arc<str> = word.into();
                        index.written.push(word.clone());
                        index.word_terms.insert(word, (id, 0, at));
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
            index
                .signatures
                .push(tf.iter().fold(0, |m, (t, _)| m | 1u64 << (t % 64)));
            let mut availability: Vec<u32> = Vec::new();
            analyzer.tokens(&p.availability, |word| {
                let id = match index.availability_terms.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = index.availability_words.intern(&analyzer.stem(word));
                        index.availability_terms.insert(word.to_owned(), id);
                        id
                    }
                };
                availability.push(id);
            });
            availability.sort_unstable();
            availability.dedup();
            let fields: Vec<(u32, i64)> =
                p.fields.iter().map(|(f, y)| (index.field(f), *y)).collect();
            let languages: Vec<u32> = p
                .languages
                .iter()
                .map(|l| index.language_ids.intern(l))
                .collect();
            let record = index.records.len() as u32;
            let counts =
                [languages.len(), availability.len(), fields.len(), tf.len()].map(|n| n as u32);
            index.records.extend(languages);
            index.records.extend(availability);
            for (f, years) in fields {
                let years = years as u64;
                index
                    .records
                    .extend([f, years as u32, (years >> 32) as u32]);
            }
            index.records.extend(tf.iter().flat_map(|&(t, n)| [t, n]));
            let place = index.intern_place(&m.place);
            let circle = m.circle.as_deref().map_or(0, |c| index.circles.intern(c));
            if circle as usize == index.circle_mentors.len() {
                index.circle_mentors.push(Vec::new());
            }
            // A mentor without a free place is never suggested: they count in the
            // words' statistics only.
            if p.active < p.capacity {
                if circle != 0 {
                    index.circle_mentors[circle as usize].push(i as u32);
                }
                if p.remote {
                    index.remote.push(i as u32);
                }
            }
            total_length += length as f64;
            index.slots.push(Slot {
                place,
                circle,
                travel_km: p.travel_km,
                remote: p.remote,
                free: p.active < p.capacity,
                load: load_part(p.active, p.capacity),
                norm: length as f64,
                record,
                counts,
            });
        }
        // Remote mentors by field, région and square of a degree.
        let mut groups_at: HashMap<(u32, u32, (i32, i32)), usize> = HashMap::default();
        let mut remote_groups: Vec<Vec<SquareGroup>> = Vec::new();
        for (i, s) in index.slots.iter().enumerate() {
            if !s.free {
                continue;
            }
            let fields: Vec<(u32, i64)> = index.fields_of(s).iter().collect();
            let fields = fields.as_slice();
            let availability = index.availability_of(s);
            let entry = Entry {
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
                load: at_least(s.load),
                availability: availability
                    .iter()
                    .fold(0, |m, &a| m | 1u32 << a.min(AVAILABILITY_OVERFLOW)),
                fields: fields.iter().fold(0, |m, (f, _)| m | field_mask(*f)),
                terms: index.signatures[i],
            };
            if s.travel_km > LOCAL_KM {
                index.long_range.push(entry);
            } else {
                index.cell_reach_km = index.cell_reach_km.max(s.travel_km);
                let c = index
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
            for (j, (f, _)) in fields.iter().enumerate() {
                if fields[..j].iter().any(|(g, _)| g == f) {
                    continue;
                }
                if s.circle != 0 {
                    index
                        .circle_fields
                        .entry((s.circle, *f))
                        .or_default()
                        .push(entry);
                }
                if s.remote {
                    if remote_groups.len() <= *f as usize {
                        remote_groups.resize(*f as usize + 1, Vec::new());
                    }
                    let square = (s.place.lat.floor() as i32, s.place.lon.floor() as i32);
                    let groups = &mut remote_groups[*f as usize];
                    let at = *groups_at
                        .entry((*f, s.place.codes.region, square))
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
                    group.load = group.load.max(entry.load);
                    group.availability |= entry.availability;
                    group.unavailable |= entry.availability == 0;
                    group.radius = group.radius.max(chord(&group.center, &entry.unit));
                    mentors.push(entry);
                }
            }
            let c = s.place.codes;
            for key in near_keys(c) {
                let regions = index.regions_of.entry(key).or_default();
                if !regions.contains(&c.region) {
                    regions.push(c.region);
                }
            }
        }
        for (field, words) in synonyms {
            let id = index.field(field);
            for w in words {
                index.synonyms.entry(w.clone()).or_default().push(id);
            }
        }
        for (word, fields) in &index.synonyms {
            if let Some((_, named, _)) = index.word_terms.get_mut(word.as_str()) {
                index.word_synonyms.push(fields.clone());
                *named = index.word_synonyms.len() as u32;
            }
        }
        let n = mentors.len() as f64;
        index.idf = document_frequency
            .iter()
            .map(|&df| Bm25::idf(n, f64::from(df)))
            .collect();
        let average_length = if mentors.is_empty() {
            0.0
        } else {
            total_length / n
        };
        let mut best_share: Vec<f64> = vec![0.0; index.idf.len()];
        for at in 0..index.slots.len() {
            let s = &mut index.slots[at];
            s.norm = Bm25::length_norm(s.norm, average_length);
            let s = index.slots[at];
            for (t, f) in index.terms_of(&s) {
                let share = Bm25::term(index.idf[t as usize], f64::from(f), s.norm);
                let best = &mut best_share[t as usize];
                *best = best.max(share);
            }
        }
        index.best_share = best_share;
        // Each field's remote mentors group after group.
        for mut groups in remote_groups {
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
                        r.load = r.load.max(group.load);
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
                whole.load = whole.load.max(group.load);
                whole.availability |= group.availability;
                whole.unavailable |= group.unavailable;
                field.groups.push(group);
            }
            index.remote_fields.push(field);
        }
        let mut long: Vec<(u32, u32)> = index
            .circle_fields
            .iter()
            .filter(|(_, list)| list.len() >= long_list)
            .map(|(key, _)| *key)
            .collect();
        long.sort_unstable();
        let mut by_term = vec![Vec::new(); index.idf.len()];
        let mut number = 0;
        // Each long list's length, by number.
        let mut lengths = Vec::new();
        for key in long {
            index.long_lists.insert(key, number);
            let mentors: Vec<u32> = index.circle_fields[&key].iter().map(|e| e.mentor).collect();
            index.post(number, &mentors, &mut by_term);
            lengths.push(mentors.len());
            number += 1;
        }
        // Every field's remote mentors too: they may be anywhere.
        for f in 0..index.remote_fields.len() {
            let mentors: Vec<u32> = index.remote_fields[f]
                .entries
                .iter()
                .map(|e| e.mentor)
                .collect();
            index.remote_fields[f].list = number;
            index.post(number, &mentors, &mut by_term);
            lengths.push(mentors.len());
            number += 1;
        }
        index.postings = Postings::of(by_term, &lengths);
        index
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

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// A slot's record, from its `part`th part (languages, availability words,
    /// fields, terms), in u32s.
    fn record(&self, s: &Slot, part: usize) -> &[u32] {
        // How many u32s one of each part takes.
        const WIDTH: [usize; 4] = [1, 1, 3, 2];
        let size = |p: usize| WIDTH[p] * s.counts[p] as usize;
        let start = s.record as usize + (0..part).map(size).sum::<usize>();
        &self.records[start..start + size(part)]
    }

    fn languages_of(&self, s: &Slot) -> &[u32] {
        self.record(s, 0)
    }

    fn availability_of(&self, s: &Slot) -> &[u32] {
        self.record(s, 1)
    }

    fn fields_of(&self, s: &Slot) -> Fields<'_> {
        Fields(self.record(s, 2))
    }

    /// (term, frequency) of the mentor's text, by term.
    fn terms_of(&self, s: &Slot) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.record(s, 3).chunks_exact(2).map(|p| (p[0], p[1]))
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

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
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

    fn lookup_place(&self, p: &PlaceKeys) -> Place {
        Place::of(p, |kind, code| self.places[kind].get(code))
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
        let mut wanted: Vec<u32> = Vec::new();
        for f in &seeker.profile.fields {
            let f = self.field_ids.get(f);
            if f != 0 && !wanted.contains(&f) {
                wanted.push(f);
            }
        }
        let synonym_fields = std::mem::take(&mut q.synonym_fields);
        // The porteur's availability words: their stems, known ones by id.
        let mut availability: Vec<u32> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        analyzer.tokens(&seeker.profile.availability, |word| {
            match self.availability_terms.get(word) {
                Some(&id) => availability.push(id),
                None => {
                    let stem = analyzer.stem(word);
                    match self.availability_words.get(&stem) {
                        0 => unknown.push(stem),
                        id => availability.push(id),
                    }
                }
            }
        });
        availability.sort_unstable();
        availability.dedup();
        unknown.sort_unstable();
        unknown.dedup();
        let availability_count = availability.len() + unknown.len();
        let place = self.lookup_place(&seeker.place);
        // Sorted: a filtered directory may exclude most of the mentors.
        let mut excluded: Vec<u32> = seeker
            .excluded
            .iter()
            .filter_map(|&e| self.internal.get(e).copied())
            .collect();
        excluded.sort_unstable();
        let ctx = Context {
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
        };
        let mut seen = Seen(std::mem::take(&mut scratch.seen));
        seen.0.clear();
        seen.0.resize(self.slots.len().div_ceil(64), 0);
        // 1. The mentors of the project's fields (or of a field its words name) in the
        //    porteur's circle, and the remote ones when the porteur accepts remote
        //    mentoring, each with a quick bound read from their list entry.
        //    Remote mentors of far régions come in groups, looked at in step 3.
        //    Each comes with a bound on their text relevance: the query's for list
        //    entries, the very relevance for remote mentors (summed from the postings
        //    of the query's words).
        let mut candidates: Vec<(&'a Entry, f64)> =
            recycle(std::mem::take(&mut scratch.candidates));
        // (remote list, its mentors' relevances, the most its field part can be)
        let named = ctx.wanted.len() + ctx.synonym_fields.len();
        let mut far: Vec<(&RemoteField, &[f64], f64)> = Vec::with_capacity(named);
        let c = ctx.place.codes;
        let mut near = Vec::with_capacity(8);
        near.push(c.region);
        for key in near_keys(c) {
            near.extend(self.regions_of.get(&key).into_iter().flatten());
        }
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
                .filter(|_| seeker.profile.remote);
            let remote_start = length;
            if let Some(remote) = remote {
                long.push((remote.list, length));
                length += remote.entries.len();
            }
            lists.push((list, start, remote, remote_start, f));
        }
        long.sort_unstable();
        let buffers = (&mut scratch.sums, &mut scratch.shares);
        let relevances = self.relevances(&q, &long, length, buffers);
        for &(list, start, remote, remote_start, f) in &lists {
            if let Some(list) = list {
                for (at, e) in list.iter().enumerate() {
                    if seen.first(e.mentor) {
                        let text = start.map_or(q.bound, |s| relevances[s + at]);
                        candidates.push((e, text));
                    }
                }
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
        // 2. The mentors of other circles who may live near enough: those who may share
        //    a field go the same way, the others wait for step 5.
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
        let (lat, lon) = (seeker.place.lat, seeker.place.lon);
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
        // 3. By decreasing upper bound: a list entry's quick bound is refined (the
        //    distance, the words the mentor's text may share), then the mentor gets
        //    their parts but the text (a tighter bound still), then their text
        //    relevance, the dear part. Stop when the next bound cannot beat the k-th
        //    best score found so far.
        let mut partial = std::mem::take(&mut scratch.partial);
        partial.clear();
        let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(k + 1);
        // The k with the best quick bounds are scored outright: the k-th best score so
        // far is a threshold the others' quick bounds must reach to be looked at.
        let mut quick = std::mem::take(&mut scratch.quick);
        quick.clear();
        // Those without postings (their text bound is the query's) with at least
        // their text relevance from the query's words their text may hold.
        quick.extend(candidates.iter_mut().enumerate().map(|(at, (e, text))| {
            if *text == q.bound {
                *text = q.bound(e.terms);
            }
            (e.quick(&ctx, *text), at as u32)
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
            if let Some(cheap) = self.cheap(&ctx, mentor as usize) {
                partial.push((cheap, mentor));
                self.rank(&ctx, &q, partial.len() - 1, &partial, k, &mut best);
            }
        }
        let mut pending = std::mem::take(&mut scratch.pending);
        pending.clear();
        pending.extend(
            quick[seeds..]
                .iter()
                .filter(|(upper, _)| !beaten(&best, k, *upper))
                .map(|&(upper, at)| Bound {
                    upper,
                    text: candidates[at as usize].1,
                    mentor: candidates[at as usize].0.mentor,
                    step: Step::Quick(at),
                }),
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
        // 4. Remote mentors of far régions, once the best nearer ones have set the bar:
        //    a field's, a région's, then a square's as if all their mentors lived at
        //    its nearest point, with the best years and load and all their words,
        //    then each of them.
        let most = |texts: &[f64]| texts.iter().copied().fold(0.0, f64::max);
        for (remote, texts, field) in far {
            if !remote.whole.may_enter(&ctx, field, most(texts), &best, k) {
                continue;
            }
            for r in &remote.regions {
                let groups = &remote.groups[r.range.0 as usize..r.range.1 as usize];
                let (start, end) = (groups[0].range.0, groups[groups.len() - 1].range.1);
                let in_region = &texts[start as usize..end as usize];
                if near.contains(&r.region) || !r.may_enter(&ctx, field, most(in_region), &best, k)
                {
                    continue;
                }
                for g in groups {
                    let range = g.range.0 as usize..g.range.1 as usize;
                    if !g.may_enter(&ctx, field, most(&texts[range.clone()]), &best, k) {
                        continue;
                    }
                    for (e, &text) in remote.entries[range.clone()].iter().zip(&texts[range]) {
                        if seen.first(e.mentor) {
                            let (upper, text) = e.bound(&ctx, &q, text);
                            if !beaten(&best, k, upper) {
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
        self.search(
            &ctx,
            &q,
            &candidates,
            &mut pending,
            &mut partial,
            k,
            &mut best,
        );
        // 5. Mentors without a field in common need enough words in common; they are
        //    looked at only if the best such a mentor could score can still enter.
        let next_door = Cheap {
            proximity: 1.0,
            load: 1.0,
            availability: 1.0,
            ..Cheap::default()
        };
        if !beaten(&best, k, next_door.score(&ctx, q.bound)) && q.bound >= TEXT_THRESHOLD {
            let circle = self.circle_mentors.get(ctx.circle as usize);
            let remote = Some(&self.remote).filter(|_| seeker.profile.remote);
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
                if beaten(&best, k, next_door.score(&ctx, text)) {
                    continue;
                }
                let Some(cheap) = self.cheap(&ctx, i as usize) else {
                    continue;
                };
                if beaten(&best, k, cheap.score(&ctx, text)) {
                    continue;
                }
                partial.push((cheap, i));
                self.rank(&ctx, &q, partial.len() - 1, &partial, k, &mut best);
            }
        }
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
        if !s.free || ctx.excluded.binary_search(&(i as u32)).is_ok() {
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
            load: s.load,
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

/// The mentors of one map cell and the furthest one of them travels.
#[derive(Debug, Default)]
struct Cell {
    /// In the index's order, hence by circle.
    mentors: Vec<Entry>,
    /// Where each circle's run of `mentors` ends.
    circles: Vec<(u32, u32)>,
    reach_km: f64,
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

/// Availability words past the 30th share bit 31, which then stands for "maybe".
const AVAILABILITY_OVERFLOW: u32 = 31;

/// A mentor in a list (circle × field, remote × field, map cell, long range): what
/// bounds their score without reading their record, in about a cache line.
#[derive(Debug, Clone, Copy)]
struct Entry {
    mentor: u32,
    circle: u32,
    codes: Codes,
    /// Where they live on the unit sphere.
    unit: [f32; 3],
    /// At least the years part of their most experienced field, and their load part.
    years: f32,
    load: f32,
    /// Their availability words, fields and text terms as bits (term id mod 64).
    availability: u32,
    fields: u64,
    terms: u64,
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
            load: f64::from(self.load),
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

/// The straight-line distance between two points of the unit sphere.
fn chord(a: &[f32; 3], b: &[f32; 3]) -> f64 {
    (0..3)
        .map(|j| (f64::from(a[j]) - f64::from(b[j])).powi(2))
        .sum::<f64>()
        .sqrt()
}

/// At least the proximity part of two places of different régions (or countries)
/// whose unit vectors lie `chord` apart: a chord is shorter than its arc. The margins
/// cover the single-precision vectors and the roundings.
fn far_proximity(chord: f64) -> f64 {
    let x = (EARTH_RADIUS_KM * chord - 0.01).max(0.0) * 0.01;
    (0.3 * (-x).exp() * (1.0 + 1e-9)).min(0.3)
}

/// The postings of the long lists, term by term: each term's lists by increasing
/// number, each with its run of shares of the mentors' BM25 scores (rounded up). A
/// query reads a few runs per word, no hash lookup.
#[derive(Debug, Default)]
struct Postings {
    /// Term t's lists are `lists[starts[t]..starts[t + 1]]`.
    starts: Vec<u32>,
    lists: Vec<(u32, Run)>,
    /// (place in the list, share) of the sparse runs.
    runs: Vec<(u32, f32)>,
    /// The dense runs: a share for each mentor of the list, 0 for those without the
    /// term (adding 0 leaves a sum as it was).
    dense: Vec<f32>,
}

/// A term's postings in one list, as a range of `Postings::runs` or `Postings::dense`.
#[derive(Debug, Clone, Copy)]
enum Run {
    Sparse(u32, u32),
    Dense(u32, u32),
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

/// The remote mentors of one field living in one région and one square of a degree.
#[derive(Debug, Clone, Default)]
struct Group {
    region: u32,
    /// One of them on the unit sphere, and how far (a chord) the others are from it.
    center: [f32; 3],
    radius: f64,
    /// The most any of them has of the years and load parts.
    years: f32,
    load: f32,
    /// All their availability words as bits (as in [`Entry`]), and whether one of
    /// them gave none.
    availability: u32,
    unavailable: bool,
    /// Its mentors' place in the field's entries.
    range: (u32, u32),
}

/// A group being built: its square of a degree and its mentors.
type SquareGroup = (Group, (i32, i32), Vec<Entry>);

/// One field's remote mentors, by group, the groups by région.
#[derive(Debug, Default)]
struct RemoteField {
    entries: Vec<Entry>,
    groups: Vec<Group>,
    /// All of them as one group.
    whole: Group,
    /// Their long list's number (see `MentorIndex::postings`).
    list: u32,
    /// Groups of groups of one région (`range` into `groups`).
    regions: Vec<Group>,
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
            load: f64::from(self.load),
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

/// The codes (0 commune, 1 intercommunality, 2 département) that make two places of
/// different régions closer than the country; none for a code absent (0), which
/// matches nothing.
fn near_keys(c: Codes) -> impl Iterator<Item = (u8, u32)> {
    [(0, c.commune), (1, c.epci), (2, c.departement)]
        .into_iter()
        .filter(|&(_, code)| code != 0)
}

/// The least `f32` at least `v`.
fn at_least(v: f64) -> f32 {
    let f = v as f32;
    if f64::from(f) < v { f.next_up() } else { f }
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

/// A circle's list of mentors of one field this long gets postings.
const LONG_LIST: usize = 256;

/// Mentors who travel at most this far are found through the map cells.
const LOCAL_KM: f64 = 100.0;
/// Kilometres in a degree of latitude (a little less than the true 111.2, so that the
/// cells scanned always cover the travelling distance).
const KM_PER_DEGREE: f64 = 110.0;
/// Cells of a quarter of a degree.
const CELLS_PER_DEGREE: f64 = 4.0;

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    (
        (lat * CELLS_PER_DEGREE).floor() as i32,
        (lon * CELLS_PER_DEGREE).floor() as i32,
    )
}

/// A field as one bit of 64; fields past the 63rd share the last bit (a hint that
/// the mentor may have the field, checked against their record).
fn field_mask(field: u32) -> u64 {
    1 << field.min(63)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Candidate, suggest};
    use proptest::prelude::*;

    /// Communes of two countries, with intercommunalities, départements and régions
    /// shared in different ways.
    fn place(n: usize) -> PlaceKeys {
        let at =
            |country: &str, commune: &str, epci: Option<&str>, dep: &str, lat, lon| PlaceKeys {
                country: country.into(),
                commune: commune.into(),
                epci: epci.map(str::to_owned),
                departement: dep.into(),
                region: match dep {
                    "60" | "80" => "hdf",
                    "75" => "idf",
                    _ => "wal",
                }
                .into(),
                lat,
                lon,
            };
        match n % 6 {
            0 => at("fr", "60159", Some("cc-compiegne"), "60", 49.41, 2.82),
            1 => at("fr", "60414", Some("cc-compiegne"), "60", 49.38, 2.80),
            2 => at("fr", "60057", Some("ca-beauvais"), "60", 49.43, 2.08),
            3 => at("fr", "80021", None, "80", 49.89, 2.30),
            4 => at("fr", "75056", Some("mgp"), "75", 48.86, 2.35),
            _ => at("be", "57081", None, "hainaut", 50.61, 3.39),
        }
    }

    const FIELDS: [&str; 4] = ["creation-entreprise", "numerique", "droit", "culture"];
    const WORDS: [&str; 10] = [
        "boulangerie",
        "créer",
        "création",
        "entreprise",
        "financement",
        "théâtre",
        "juriste",
        "web",
        "le",
        "budget",
    ];
    const LANGUAGES: [&str; 3] = ["fr", "en", "ar"];
    const SLOTS: [&str; 3] = ["soir", "week-end", "matin"];

    /// The pools instances draw from: the small ones above, or (`wide`) with 70
    /// fields (past the 64 bits of a field mask), 120 words (past the 64 bits of a
    /// text signature) and 40 availability words (past their 31 bits).
    fn field(i: usize, wide: bool) -> String {
        match i % if wide { 70 } else { 4 } {
            i if i < FIELDS.len() => FIELDS[i].to_owned(),
            i => format!("f{i}"),
        }
    }

    fn word(i: usize, wide: bool) -> String {
        match i % if wide { 120 } else { 10 } {
            i if i < WORDS.len() => WORDS[i].to_owned(),
            i => format!("mot{i}"),
        }
    }

    fn slot(i: usize, wide: bool) -> String {
        match i % if wide { 40 } else { 3 } {
            i if i < SLOTS.len() => SLOTS[i].to_owned(),
            i => format!("creneau{i}"),
        }
    }

    fn words(picks: &[usize], wide: bool, from: fn(usize, bool) -> String) -> String {
        picks
            .iter()
            .map(|&i| from(i, wide))
            .collect::<Vec<_>>()
            .join(" ")
    }

    prop_compose! {
        fn arb_mentor(wide: bool)(
            fields in prop::collection::vec((0..1000usize, 0..30i64), 0..if wide { 6 } else { 3 }),
            text in prop::collection::vec(0..1000usize, 0..if wide { 30 } else { 8 }),
            languages in prop::collection::vec(0..3usize, 1..3),
            remote in any::<bool>(),
            travel in 0..200u32,
            capacity in 0..3i64,
            active in 0..3i64,
            availability in prop::collection::vec(0..1000usize, 0..if wide { 8 } else { 3 }),
            place in 0..6usize,
            circle in prop::option::of(0..2u8),
        ) -> IndexedMentor {
            IndexedMentor {
                profile: MentorProfile {
                    fields: fields.iter().map(|(f, y)| (field(*f, wide), *y)).collect(),
                    text: words(&text, wide, word),
                    languages: languages.iter().map(|&l| LANGUAGES[l].to_owned()).collect(),
                    remote,
                    travel_km: f64::from(travel),
                    active,
                    capacity,
                    availability: words(&availability, wide, slot),
                },
                place: place_keys_of(place),
                circle: circle.map(|c| format!("circle-{c}")),
            }
        }
    }

    prop_compose! {
        fn arb_seeker(mentors: usize, wide: bool)(
            fields in prop::collection::vec(0..1000usize, 0..3),
            unheard in prop::option::weighted(0.2, Just("sport")),
            text in prop::collection::vec(0..1000usize, 0..if wide { 40 } else { 10 }),
            languages in prop::collection::vec(0..3usize, 1..3),
            remote in any::<bool>(),
            availability in prop::collection::vec(0..1000usize, 0..3),
            place in 0..7usize,
            circle in prop::option::of(0..3u8),
            excluded in prop::collection::vec(0..mentors.max(1), 0..3),
        ) -> Seeker {
            Seeker {
                profile: MenteeProfile {
                    // Sometimes with a field no mentor has.
                    fields: fields.iter().map(|&f| field(f, wide)).chain(unheard.map(str::to_owned)).collect(),
                    text: words(&text, wide, word),
                    languages: languages.iter().map(|&l| LANGUAGES[l].to_owned()).collect(),
                    remote,
                    availability: words(&availability, wide, slot),
                },
                // Place 6 is a commune no mentor lives in.
                place: if place == 6 {
                    PlaceKeys { commune: "99999".into(), lat: 43.3, lon: 5.4, ..place_keys_of(0) }
                } else {
                    place_keys_of(place)
                },
                circle: circle.map(|c| format!("circle-{c}")),
                excluded,
            }
        }
    }

    fn place_keys_of(n: usize) -> PlaceKeys {
        place(n)
    }

    fn synonyms() -> Vec<(String, Vec<String>)> {
        vec![
            ("creation-entreprise".into(), vec!["boulangerie".into()]),
            ("culture".into(), vec!["theatre".into()]),
            ("f5".into(), vec!["mot15".into(), "budget".into()]),
            ("f66".into(), vec!["mot100".into()]),
        ]
    }

    /// What the plain reference says for the same mentors.
    fn reference(
        mentors: &[IndexedMentor],
        seeker: &Seeker,
        w: &Weights,
        k: usize,
    ) -> Vec<Suggestion> {
        let all = synonyms();
        let candidates: Vec<Candidate<'_>> = mentors
            .iter()
            .enumerate()
            .map(|(i, m)| Candidate {
                mentor: &m.profile,
                level: seeker.place.level(&m.place),
                distance_km: seeker.place.distance_km(&m.place),
                same_circle: m.circle.is_some() && m.circle == seeker.circle,
                synonyms: m
                    .profile
                    .fields
                    .iter()
                    .filter_map(|(f, _)| all.iter().find(|(s, _)| s == f).cloned())
                    .collect(),
                history: seeker.excluded.contains(&i),
            })
            .collect();
        suggest(&seeker.profile, &candidates, w, k)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]

        /// Small pools (many ties), wide ones (masks and signatures overflowing), and
        /// postings on lists of every length.
        #[test]
        fn the_index_answers_exactly_as_the_reference(
            (mentors, seeker) in any::<bool>().prop_flat_map(|wide| {
                prop::collection::vec(arb_mentor(wide), 0..60)
                    .prop_flat_map(move |m| { let n = m.len(); (Just(m), arb_seeker(n, wide)) })
            }),
            weights in prop::collection::vec(0..5u8, 6),
            k in 0..6usize,
            long_list in prop::sample::select(vec![1usize, 4, LONG_LIST]),
        ) {
            let w = Weights {
                field: f64::from(weights[0]) / 4.0,
                text: f64::from(weights[1]) / 4.0,
                proximity: f64::from(weights[2]) / 4.0,
                years: f64::from(weights[3]) / 4.0,
                load: f64::from(weights[4]) / 4.0,
                availability: f64::from(weights[5]) / 4.0,
            };
            let index = MentorIndex::build(&mentors, &synonyms(), long_list);
            let fast = index.suggest(&seeker, &w, k);
            let plain = reference(&mentors, &seeker, &w, k);
            let key = |s: &[Suggestion]| s.iter().map(|x| (x.index, x.score.to_bits(), x.reasons.clone())).collect::<Vec<_>>();
            prop_assert_eq!(key(&fast), key(&plain));
        }
    }

    /// A French-speaking mentor of circle 0 with one free place.
    fn in_circle(fields: Vec<(String, i64)>, availability: &str) -> IndexedMentor {
        IndexedMentor {
            profile: MentorProfile {
                fields,
                languages: vec!["fr".into()],
                capacity: 1,
                availability: availability.into(),
                ..Default::default()
            },
            place: place(0),
            circle: Some("circle-0".into()),
        }
    }

    /// A French-speaking porteur of circle 0 with a project in `field`.
    fn seeking_in_circle(field: &str, availability: &str) -> Seeker {
        Seeker {
            profile: MenteeProfile {
                fields: vec![field.into()],
                languages: vec!["fr".into()],
                availability: availability.into(),
                ..Default::default()
            },
            place: place(0),
            circle: Some("circle-0".into()),
            ..Default::default()
        }
    }

    #[test]
    fn years_past_32_bits_or_below_zero_come_back_whole_in_the_reasons() {
        let mentors: Vec<IndexedMentor> = [5_000_000_000, -3]
            .into_iter()
            .map(|years| in_circle(vec![("droit".into(), 1), ("commerce".into(), years)], ""))
            .collect();
        let seeker = seeking_in_circle("commerce", "");
        let top = MentorIndex::new(&mentors, &[]).suggest(&seeker, &Weights::default(), 2);
        assert_eq!(top[0].index, 0);
        assert!(
            top[0]
                .reasons
                .contains(&Reason::Years("commerce".into(), 5_000_000_000)),
            "{top:?}"
        );
        // Negative years give no reason, and the lowest score.
        assert_eq!(top[1].index, 1);
        assert!(top[1].score < top[0].score);
    }

    #[test]
    fn a_mentor_whose_availability_words_overflow_their_bits_still_comes_first() {
        // Forty availability words: the last ones share the overflow bit.
        let mentors: Vec<IndexedMentor> = (0..40)
            .map(|i| {
                let years = if i == 39 { 0 } else { 10 };
                in_circle(vec![("droit".into(), years)], &format!("creneau{i}"))
            })
            .collect();
        let seeker = seeking_in_circle("droit", "creneau39");
        let weights = Weights {
            field: 0.0,
            text: 0.0,
            proximity: 0.0,
            years: 0.5,
            load: 0.0,
            availability: 1.0,
        };
        let top = MentorIndex::new(&mentors, &[]).suggest(&seeker, &weights, 1);
        assert_eq!(top[0].index, 39, "{top:?}");
    }

    #[test]
    fn a_mentor_of_another_field_comes_in_on_words_alone_when_few_share_the_field() {
        let mentors = vec![
            IndexedMentor {
                profile: MentorProfile {
                    fields: vec![("numerique".into(), 5)],
                    text: "boulangerie financement levain".into(),
                    languages: vec!["fr".into()],
                    travel_km: 50.0,
                    capacity: 1,
                    ..Default::default()
                },
                place: place(0),
                circle: None,
            };
            1
        ];
        let seeker = Seeker {
            profile: MenteeProfile {
                fields: vec!["creation-entreprise".into()],
                text: "financement de ma boulangerie au levain".into(),
                languages: vec!["fr".into()],
                ..Default::default()
            },
            place: place(1),
            ..Default::default()
        };
        let index = MentorIndex::new(&mentors, &[]);
        let top = index.suggest(&seeker, &Weights::default(), 10);
        assert_eq!(top.len(), 1);
        assert!(
            matches!(&top[0].reasons[0], Reason::CommonWords(w) if w.iter().any(|w| &**w == "boulangerie")),
            "{top:?}"
        );
    }
}
