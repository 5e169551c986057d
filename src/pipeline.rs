//! Composition of the stages for one document: segment, then tag every passage.

use crate::model::{Document, TaggedPassage};
use crate::segment::Segmenter;
use crate::tag::Tagger;

/// Segments and tags one document.
pub fn process(doc: &Document, segmenter: &Segmenter, tagger: &Tagger) -> Vec<TaggedPassage> {
    segmenter
        .segment(doc)
        .into_iter()
        .map(|passage| {
            let tags = tagger.tag(&passage);
            TaggedPassage { passage, tags }
        })
        .collect()
}
