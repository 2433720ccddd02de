//! The matching engine: scoring, explained suggestions and optimal batch assignment.
//! Pure (no I/O); the application layer feeds it. Its content arrives with the
//! matching issue; the crate exists now so that the dependency arrows are fixed.
