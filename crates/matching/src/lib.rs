//! The matching engine: French text relevance (BM25 with accent folding, stop words and
//! Snowball stemming), explained scores and top-k suggestions, and the exact batch
//! assignment of porteurs to mentors under capacities (min-cost flow). Pure: the
//! application layer feeds it plain values and stores what it returns.

pub mod assign;
pub mod index;
pub mod rng;
pub mod score;
pub mod text;

pub use assign::{Assignment, Options, Problem, solve};
pub use index::{IndexedMentor, MentorIndex, PlaceKeys, Seeker};
pub use rng::SplitMix64;
pub use score::{
    Candidate, Level, MenteeProfile, MentorProfile, Reason, Suggestion, Weights, suggest,
};
pub use text::{Analyzer, Bm25};
