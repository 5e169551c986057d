//! Queries over the index: search, coverage and gaps.
pub mod search;
