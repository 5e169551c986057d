//! Composition of the stages for one document: segment, then tag every passage.

use crate::model::{Document, TaggedPassage};
use crate::segment::Segmenter;
use crate::tag::Tagger;

/// Version of what [`process`] makes of a document: raise it whenever a change to segmentation
/// or tagging changes their output for the same input, or the terms the index holds for it
/// (sub-words, closed compounds). Every document's record in an index
/// keeps the version its passages were made with, and an incremental run reads a document again
/// when it differs, so that an upgrade never leaves passages segmented or tagged by the old
/// code once their documents are indexed again.
pub const PIPELINE_VERSION: u32 = 45;

/// Segments and tags one document.
pub fn process(doc: &Document, segmenter: &Segmenter, tagger: &Tagger) -> Vec<TaggedPassage> {
    tagged(doc, segmenter, tagger).collect()
}

/// The tagged passages of one document, in document order, each segmented and tagged when it is
/// asked for ([`Segmenter::passages`]).
pub fn tagged<'a>(
    doc: &'a Document,
    segmenter: &'a Segmenter,
    tagger: &'a Tagger,
) -> impl Iterator<Item = TaggedPassage> + 'a {
    segmenter.passages(doc).map(|passage| {
        let tags = tagger.tag(&passage);
        TaggedPassage { passage, tags }
    })
}
