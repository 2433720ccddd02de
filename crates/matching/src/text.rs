//! French text for matching: fold accents and case, drop stop words, stem with the
//! Snowball French stemmer, so that « création d'entreprise » meets « créer mon
//! entreprise ». BM25 ranks mentors' texts against a project.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Words that say nothing about a project (French and a few English), folded, sorted
/// (a test checks it) for a binary search.
const STOP_WORDS: &[&str] = &[
    "a", "ai", "aide", "aimerais", "and", "as", "au", "aussi", "aux", "avec", "avez", "avoir",
    "avons", "besoin", "ce", "ces", "cet", "cette", "comme", "d", "dans", "de", "des", "du",
    "elle", "en", "est", "et", "etre", "eux", "faire", "for", "il", "ils", "in", "j", "je", "l",
    "la", "le", "les", "leur", "lui", "m", "ma", "mais", "me", "mes", "moi", "mon", "my", "n",
    "ne", "nos", "notre", "nous", "of", "on", "ont", "ou", "par", "pas", "plus", "pour", "projet",
    "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sont", "suis", "sur", "t", "ta", "te",
    "tes", "the", "to", "toi", "ton", "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une",
    "veux", "vos", "votre", "voudrais", "vous", "with", "y",
];

/// Folds a character to lower-case ASCII where French accents allow.
fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase());
    }
    // Latin-1's capitals are its small letters less 32 (but ×): no need to look them
    // up in Unicode's tables, the slow part of reading a French text.
    let c = match c {
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'ß'..='ÿ' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    };
    Some(match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' => 'y',
        'œ' => 'o',
        c if c.is_alphanumeric() => c,
        _ => return None,
    })
}

/// A word of at most eight bytes as a number that sorts as the word does (its bytes
/// from the most significant, zeros after): comparing numbers is cheaper than comparing
/// strings, and every text of the index is read through the stop words.
const fn packed(word: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut i = 0;
    while i < 8 {
        n <<= 8;
        if i < word.len() {
            n |= word[i] as u64;
        }
        i += 1;
    }
    n
}

/// The longest stop word, in bytes.
const STOP_WORD_BYTES: usize = 8;

/// `STOP_WORDS` packed, in the same order.
const PACKED_STOP_WORDS: [u64; STOP_WORDS.len()] = {
    let mut packed_words = [0u64; STOP_WORDS.len()];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        assert!(STOP_WORDS[i].len() <= STOP_WORD_BYTES);
        packed_words[i] = packed(STOP_WORDS[i].as_bytes());
        i += 1;
    }
    packed_words
};

/// Whether a folded word says nothing about a project.
pub fn is_stop_word(word: &str) -> bool {
    word.len() <= STOP_WORD_BYTES
        && PACKED_STOP_WORDS
            .binary_search(&packed(word.as_bytes()))
            .is_ok()
}

pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::French),
        }
    }
}

impl Analyzer {
    /// Calls `f` with every meaningful word of `text`, folded, in order.
    pub fn tokens(&self, text: &str, mut f: impl FnMut(&str)) {
        self.words_and_stop_words(text, |word| {
            if !is_stop_word(word) {
                f(word)
            }
        });
    }

    /// Calls `f` with every word of two letters or more of `text`, folded, in order,
    /// stop words included.
    pub fn words_and_stop_words(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut word = String::new();
        let mut flush = |word: &mut String| {
            if word.chars().nth(1).is_some() {
                f(word);
            }
            word.clear();
        };
        for c in text.chars() {
            match fold(c) {
                Some(c) => word.push(c),
                None => flush(&mut word),
            }
        }
        flush(&mut word);
    }

    /// The first word of `text` whose folded form is `folded`, as `text` writes it
    /// (« numérique » for `numerique`), for the reasons a person reads.
    pub fn as_written(&self, text: &str, folded: &str) -> Option<String> {
        let mut word = String::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (i < text.len()).then(|| fold(c)).flatten() {
                Some(f) => {
                    start.get_or_insert(i);
                    word.push(f);
                }
                None => {
                    if let Some(at) = start.take()
                        && word == folded
                    {
                        return Some(text[at..i].to_lowercase());
                    }
                    word.clear();
                }
            }
        }
        None
    }

    /// The stem of a folded word.
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// (stem, folded word) for every meaningful word of `text`, in order.
    pub fn words(&self, text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        self.tokens(text, |word| out.push((self.stem(word), word.to_owned())));
        out
    }

    pub fn stems(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.tokens(text, |word| out.push(self.stem(word)));
        out
    }
}

/// A BM25 index over documents (k1 = 1.2, b = 0.75).
pub struct Bm25 {
    docs: Vec<HashMap<String, u32>>,
    lengths: Vec<f64>,
    average: f64,
    document_frequency: HashMap<String, u32>,
}

impl Bm25 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;

    pub fn new(documents: &[Vec<String>]) -> Bm25 {
        let mut document_frequency: HashMap<String, u32> = HashMap::new();
        let docs: Vec<HashMap<String, u32>> = documents
            .iter()
            .map(|terms| {
                let mut tf: HashMap<String, u32> = HashMap::new();
                for t in terms {
                    *tf.entry(t.clone()).or_default() += 1;
                }
                for t in tf.keys() {
                    *document_frequency.entry(t.clone()).or_default() += 1;
                }
                tf
            })
            .collect();
        let lengths: Vec<f64> = documents.iter().map(|d| d.len() as f64).collect();
        let average = if lengths.is_empty() {
            0.0
        } else {
            lengths.iter().sum::<f64>() / lengths.len() as f64
        };
        Bm25 {
            docs,
            lengths,
            average,
            document_frequency,
        }
    }

    /// The inverse document frequency of a term found in `df` of `n` documents.
    pub fn idf(n: f64, df: f64) -> f64 {
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// How a document's length weighs on its term frequencies.
    pub fn length_norm(length: f64, average: f64) -> f64 {
        1.0 - Self::B + Self::B * length / average.max(1.0)
    }

    /// One term's share of a document's score.
    pub fn term(idf: f64, frequency: f64, length_norm: f64) -> f64 {
        idf * frequency * (Self::K1 + 1.0) / (frequency + Self::K1 * length_norm)
    }

    /// What one query term scores at most among `n` documents (the normaliser of
    /// [`Bm25::relevance`]).
    pub fn best(n: f64) -> f64 {
        ((n + 0.5) / 1.5 + 1.0).ln() * (Self::K1 + 1.0) / (1.0 + Self::K1 * (1.0 - Self::B))
    }

    /// The BM25 score of document `doc` for the query terms.
    pub fn score(&self, query: &[String], doc: usize) -> f64 {
        let n = self.docs.len() as f64;
        let tf = &self.docs[doc];
        let length_norm = Self::length_norm(self.lengths[doc], self.average);
        let mut seen = std::collections::HashSet::new();
        let mut score = 0.0;
        for t in query.iter().filter(|t| seen.insert(t.as_str())) {
            if let Some(f) = tf.get(t) {
                let df = f64::from(*self.document_frequency.get(t).unwrap_or(&0));
                score += Self::term(Self::idf(n, df), f64::from(*f), length_norm);
            }
        }
        score
    }

    /// A relevance in [0, 1]: the score over the best a query this long could get.
    pub fn relevance(&self, query: &[String], doc: usize) -> f64 {
        if query.is_empty() || self.docs.is_empty() {
            return 0.0;
        }
        let best = Self::best(self.docs.len() as f64);
        let distinct = query.iter().collect::<std::collections::HashSet<_>>().len() as f64;
        (self.score(query, doc) / (best * distinct.min(6.0))).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_d_entreprise_meets_creer_mon_entreprise() {
        let a = Analyzer::default();
        let mentor = a.stems("Vingt ans dans la création d'entreprise");
        let project = a.stems("Je veux créer mon entreprise de boulangerie");
        assert!(
            project.iter().any(|t| mentor.contains(t)),
            "{mentor:?} / {project:?}"
        );
        let common: Vec<_> = project.iter().filter(|t| mentor.contains(t)).collect();
        assert!(
            common.iter().any(|t| t.starts_with("entrepris")),
            "{common:?}"
        );
    }

    #[test]
    fn stop_words_are_sorted_for_the_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(PACKED_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(STOP_WORDS.len(), 99);
    }

    #[test]
    fn the_stop_words_and_only_they_are_stop_words() {
        for w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
            // Longer, shorter, or one letter off: not a stop word (unless it is one).
            for other in [
                format!("{w}s"),
                format!("{w}z"),
                w[..w.len() - 1].to_owned(),
            ] {
                assert_eq!(
                    is_stop_word(&other),
                    STOP_WORDS.contains(&other.as_str()),
                    "{other}"
                );
            }
        }
        for w in [
            "",
            "boulangerie",
            "voudraiss",
            "entreprise",
            "projets",
            "aimeraisx",
        ] {
            assert!(!is_stop_word(w), "{w}");
        }
    }

    #[test]
    fn a_capital_folds_as_its_small_letter() {
        for c in '\u{80}'..='\u{24f}' {
            let small = c.to_lowercase().next().unwrap();
            assert_eq!(fold(c), fold(small), "{c}");
        }
        assert_eq!(fold('É'), Some('e'));
        assert_eq!(fold('Œ'), Some('o'));
        assert_eq!(fold('×'), None);
    }

    #[test]
    fn a_folded_word_is_found_as_written() {
        let a = Analyzer::default();
        let text = "Développeur NUMÉRIQUE, passionné du numérique.";
        assert_eq!(
            a.as_written(text, "numerique").as_deref(),
            Some("numérique")
        );
        assert_eq!(
            a.as_written(text, "developpeur").as_deref(),
            Some("développeur")
        );
        assert_eq!(a.as_written(text, "numeriq"), None);
        assert_eq!(a.as_written("", "numerique"), None);
    }

    #[test]
    fn accents_case_and_stop_words_do_not_count() {
        let a = Analyzer::default();
        assert_eq!(a.stems("ÉCOLE"), a.stems("ecole"));
        assert!(a.stems("le la les de des du").is_empty());
    }

    #[test]
    fn bm25_ranks_the_relevant_document_first() {
        let a = Analyzer::default();
        let docs = vec![
            a.stems("boulanger artisan pain levain boulangerie"),
            a.stems("développeur web numérique application"),
            a.stems("juriste droit du travail contrat"),
        ];
        let index = Bm25::new(&docs);
        let q = a.stems("ouvrir une boulangerie de pain au levain");
        assert!(index.score(&q, 0) > index.score(&q, 1));
        assert!(index.relevance(&q, 0) > 0.0 && index.relevance(&q, 0) <= 1.0);
        assert_eq!(index.relevance(&q, 2), 0.0);
    }
}
