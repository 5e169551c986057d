//! The tagger: one Aho-Corasick pass over each passage's normalized text, then rules.

use crate::model::{Lang, Passage, Tag};
use crate::taxonomy::Taxonomy;

/// Tags passages against a taxonomy. Build once, share across threads.
pub struct Tagger {
    _threshold: f32,
}

impl Tagger {
    /// Compiles the taxonomy's keywords into one automaton.
    pub fn new(taxonomy: &Taxonomy) -> Self {
        let _ = taxonomy;
        Tagger { _threshold: 0.5 }
    }

    /// Tags a passage; evidence ranges are byte ranges into the original document text.
    pub fn tag(&self, passage: &Passage) -> Vec<Tag> {
        let _ = passage;
        Vec::new()
    }

    /// Tags a free text; evidence ranges are byte ranges into `text`.
    pub fn tag_text(&self, text: &str, lang: Option<Lang>) -> Vec<Tag> {
        let _ = (text, lang);
        Vec::new()
    }
}
