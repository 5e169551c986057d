//! hria: human-rights impact assessment over a corpus of company documents.
//!
//! The pipeline flows one way: [`ingest`] reads and decodes files into [`model::Document`]s,
//! [`segment`] splits them into [`model::Passage`]s with words and sentences, [`tag`] tags each
//! passage against the [`taxonomy`] with evidence, and [`index`] writes a tantivy index that
//! [`query`] answers search, coverage and gap questions from. The library never prints or exits;
//! the `hria` binary does.

pub mod alloc;
pub mod bench;
pub mod escape;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod query;
pub mod segment;
pub mod tag;
pub mod taxonomy;

/// What the unit tests share.
#[cfg(test)]
pub(crate) mod test_support {
    /// Property tests keep their failing cases beside their source file
    /// (`words.proptest-regressions` beside `words.rs`), not in a folder at the top of the repository.
    pub(crate) fn regressions_beside_source() -> proptest::test_runner::Config {
        proptest::test_runner::Config {
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
            )),
            ..proptest::test_runner::Config::default()
        }
    }
}
