//! A prebuilt index of mentors for fast suggestions: texts analysed once (term ids,
//! frequencies, document frequencies), places, circles and languages as small integers,
//! one compact entry per available mentor listed by circle and field, by map cell and,
//! for remote mentoring, by field, région and square, with postings for the longest
//! lists. A query touches only the mentors a porteur can reach (same circle, a cell
//! within travelling distance, remote when both accept it), goes best first by upper
//! bounds that tighten step by step, and computes a mentor's exact score only where it
//! can change the top `k`. The answer is exactly that of [`crate::suggest`] over the
//! same mentors (a property test checks it); docs/MATCHING.md tells the steps.
//!
//! This module holds the public types and the index's layout: what it keeps of each
//! mentor (slots, records, entries), its lists, groups and postings, and the small
//! helpers both sides share. `build` builds the index; `query` answers from it.

mod build;
mod query;
#[cfg(test)]
mod tests;

use crate::score::{Level, MenteeProfile, MentorProfile, load_part};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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

#[inline]
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

    #[inline]
    fn level(&self, other: &Place) -> Level {
        self.codes.level(&other.codes)
    }

    /// The place on the unit sphere, for a cheap lower bound on distances.
    #[inline]
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
    #[inline]
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
    /// The text's length (words), then, once the average is known, how it weighs on
    /// the text's term frequencies ([`Bm25::length_norm`](crate::text::Bm25::length_norm)).
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
    #[inline]
    fn len(&self) -> usize {
        self.0.len() / 3
    }

    /// (field, years) of the `j`th.
    #[inline]
    fn get(&self, j: usize) -> (u32, i64) {
        let f = &self.0[3 * j..3 * j + 3];
        (f[0], (u64::from(f[1]) | u64::from(f[2]) << 32) as i64)
    }

    #[inline]
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
    /// Each mentor's places, taken and offered (`active << 32 | capacity`), by the
    /// index's number: what changes most often (a request accepted, a relationship
    /// closed), kept apart so that it changes in place ([`MentorIndex::set_places`])
    /// while queries read. A mentor without a free place is in the lists below and
    /// skipped when met.
    places_taken: Vec<AtomicU64>,
    /// Circle → its mentors.
    circle_mentors: Vec<Vec<u32>>,
    /// (circle, field) → the circle's mentors of the field.
    circle_fields: HashMap<(u32, u32), Vec<Entry>>,
    /// The longest of those lists, by number.
    long_lists: HashMap<(u32, u32), u32>,
    /// Who of each long list wrote each word: a query adds up its words' postings to
    /// get the text relevance of whole lists at once. The long lists are the longest
    /// circle lists and every field's remote mentors.
    postings: Postings,
    /// Field → its remote mentors.
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

impl MentorIndex {
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Mentor `mentor` (their number in the slice the index was built from) now has
    /// `active` mentees of `capacity`: their load part and whether they have a free
    /// place follow at once, for the queries under way too, with the same answers as an
    /// index built anew (the lists hold every mentor and bound the load part by its
    /// most, so no list changes).
    pub fn set_places(&self, mentor: usize, active: i64, capacity: i64) {
        let i = self.internal[mentor] as usize;
        self.places_taken[i].store(pack_places(active, capacity), Ordering::Relaxed);
    }

    /// The memory the index holds, by part (name, bytes), roughly: what its vectors
    /// and maps hold, not counting the allocator's own.
    pub fn heap_bytes(&self) -> Vec<(&'static str, usize)> {
        fn vec<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        fn map<K, V>(m: &HashMap<K, V>) -> usize {
            m.capacity() * (std::mem::size_of::<(K, V)>() + 1)
        }
        let entries =
            |lists: &mut dyn Iterator<Item = &Vec<Entry>>| -> usize { lists.map(vec).sum() };
        vec![
            ("slots", vec(&self.slots) + vec(&self.places_taken)),
            ("records", vec(&self.records) + vec(&self.signatures)),
            (
                "lists",
                self.circle_mentors.iter().map(vec).sum::<usize>()
                    + map(&self.circle_fields)
                    + entries(&mut self.circle_fields.values())
                    + self.cells.values().map(|c| vec(&c.mentors)).sum::<usize>()
                    + vec(&self.long_range)
                    + vec(&self.remote),
            ),
            (
                "remote",
                self.remote_fields
                    .iter()
                    .map(|f| vec(&f.entries) + vec(&f.groups) + vec(&f.regions))
                    .sum(),
            ),
            (
                "postings",
                vec(&self.postings.starts)
                    + vec(&self.postings.lists)
                    + vec(&self.postings.runs)
                    + vec(&self.postings.dense),
            ),
            (
                "words",
                map(&self.word_terms)
                    + self.written.iter().map(|w| w.len() + 16).sum::<usize>()
                    + vec(&self.idf)
                    + vec(&self.best_share)
                    + map(&self.vocabulary.0)
                    + map(&self.availability_terms)
                    + map(&self.synonyms),
            ),
        ]
    }

    /// Mentor `mentor`'s free places now (their number in the slice the index was
    /// built from).
    pub fn free_places(&self, mentor: usize) -> i64 {
        let (active, capacity) = self.places(self.internal[mentor] as usize);
        (capacity - active).max(0)
    }

    /// The places taken and offered of the index's mentor `i`.
    #[inline]
    fn places(&self, i: usize) -> (i64, i64) {
        let places = self.places_taken[i].load(Ordering::Relaxed);
        ((places >> 32) as i64, (places & 0xffff_ffff) as i64)
    }

    /// The load part of the index's mentor `i`, if they have a free place.
    #[inline]
    fn load(&self, i: usize) -> Option<f64> {
        let (active, capacity) = self.places(i);
        (active < capacity).then(|| load_part(active, capacity))
    }

    /// A slot's record, from its `part`th part (languages, availability words,
    /// fields, terms), in u32s.
    #[inline]
    fn record(&self, s: &Slot, part: usize) -> &[u32] {
        // How many u32s one of each part takes.
        const WIDTH: [usize; 4] = [1, 1, 3, 2];
        let size = |p: usize| WIDTH[p] * s.counts[p] as usize;
        let start = s.record as usize + (0..part).map(size).sum::<usize>();
        &self.records[start..start + size(part)]
    }

    #[inline]
    fn languages_of(&self, s: &Slot) -> &[u32] {
        self.record(s, 0)
    }

    #[inline]
    fn availability_of(&self, s: &Slot) -> &[u32] {
        self.record(s, 1)
    }

    #[inline]
    fn fields_of(&self, s: &Slot) -> Fields<'_> {
        Fields(self.record(s, 2))
    }

    /// (term, frequency) of the mentor's text, by term.
    #[inline]
    fn terms_of(&self, s: &Slot) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.record(s, 3).chunks_exact(2).map(|p| (p[0], p[1]))
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
    /// At least the years part of their most experienced field (their load part is at
    /// most [`LOAD_BOUND`], whatever their places).
    years: f32,
    /// Their availability words, fields and text terms as bits (term id mod 64).
    availability: u32,
    fields: u64,
    terms: u64,
}

/// The straight-line distance between two points of the unit sphere.
#[inline]
fn chord(a: &[f32; 3], b: &[f32; 3]) -> f64 {
    (0..3)
        .map(|j| (f64::from(a[j]) - f64::from(b[j])).powi(2))
        .sum::<f64>()
        .sqrt()
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

/// The remote mentors of one field living in one région and one square of a degree.
#[derive(Debug, Clone, Default)]
struct Group {
    region: u32,
    /// One of them on the unit sphere, and how far (a chord) the others are from it.
    center: [f32; 3],
    radius: f64,
    /// The most any of them has of the years part.
    years: f32,
    /// All their availability words as bits (as in [`Entry`]), and whether one of
    /// them gave none.
    availability: u32,
    unavailable: bool,
    /// Its mentors' place in the field's entries.
    range: (u32, u32),
}

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

/// The codes (0 commune, 1 intercommunality, 2 département) that make two places of
/// different régions closer than the country; none for a code absent (0), which
/// matches nothing.
#[inline]
fn near_keys(c: Codes) -> impl Iterator<Item = (u8, u32)> {
    [(0, c.commune), (1, c.epci), (2, c.departement)]
        .into_iter()
        .filter(|&(_, code)| code != 0)
}

/// The least `f32` at least `v`.
#[inline]
fn at_least(v: f64) -> f32 {
    let f = v as f32;
    if f64::from(f) < v { f.next_up() } else { f }
}

/// The most a load part can be (no place taken): what the lists' bounds count on, so
/// that they hold whatever places are later taken or freed.
const LOAD_BOUND: f64 = 1.0;

/// Places taken and offered as one word (each kept within 32 bits).
fn pack_places(active: i64, capacity: i64) -> u64 {
    let half = |n: i64| n.clamp(0, i64::from(u32::MAX)) as u64;
    half(active) << 32 | half(capacity)
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

#[inline]
fn cell(lat: f64, lon: f64) -> (i32, i32) {
    (
        (lat * CELLS_PER_DEGREE).floor() as i32,
        (lon * CELLS_PER_DEGREE).floor() as i32,
    )
}

/// A field as one bit of 64; fields past the 63rd share the last bit (a hint that
/// the mentor may have the field, checked against their record).
#[inline]
fn field_mask(field: u32) -> u64 {
    1 << field.min(63)
}
