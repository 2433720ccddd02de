//! The project's words analysed once per query (stems, synonyms, bounds) and a
//! mentor's text relevance to them; the porteur's availability words.

use super::*;

impl MentorIndex {
    /// The porteur's availability words: their stems, known ones by id (sorted, each
    /// once), and how many distinct stems, known or not.
    pub(super) fn seeker_availability(&self, analyzer: &Analyzer, text: &str) -> (Vec<u32>, usize) {
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

    /// The project's words; a word some mentor also wrote is not stemmed again.
    pub(super) fn query_text(
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
    pub(super) fn relevance(&self, q: &QueryText, slot: &Slot) -> f64 {
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
}
