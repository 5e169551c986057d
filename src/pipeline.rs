//! Composition of the stages for one document: segment, then tag every passage.

use crate::model::{Document, TaggedPassage};
use crate::segment::Segmenter;
use crate::tag::Tagger;

/// Version of what [`process`] makes of a document: raise it whenever a change to segmentation
/// or tagging changes their output for the same input. An index records the version its
/// passages were made with, and an incremental run re-reads every document when it differs, so
/// that an upgrade never leaves passages segmented or tagged by the old code.
pub const PIPELINE_VERSION: u32 = 1;

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
