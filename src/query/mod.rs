//! Queries over the index: search, coverage and gaps.

pub mod coverage;
pub mod explain;
mod found;
pub mod gaps;
pub mod reader;
pub mod search;
pub mod select;
