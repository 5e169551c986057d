//! hria's integration tests, in one binary so that the tantivy, jieba and OpenCC code is linked once
//! instead of once per test file.

#[path = "../fixtures/analysis/statement.rs"]
mod statement;

mod cli;
mod segment_support;

mod bench_cli;
mod coverage;
mod coverage_scale;
mod doc_filters;
mod eval;
mod explain;
mod gaps;
mod index_cli;
mod index_lib;
mod ingest;
mod query_consistency;
mod search_cli;
mod segment;
mod segment_cli;
mod segment_props;
mod tag;
mod tag_cli;
mod taxonomy;
