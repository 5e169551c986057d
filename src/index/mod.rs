//! The tantivy index: schema, writer (incremental, locked, atomic commits) and reader.
//!
//! Readers go through [`open_reader`], which checks that the directory holds an hria index of the
//! current [`schema::SCHEMA_VERSION`], registers the query tokenizer and reads the
//! [`schema::IndexManifest`] committed with the passages. Writers go through [`writer::build`].

pub mod schema;
pub mod writer;

use crate::segment::Segmenter;
use crate::taxonomy::Taxonomy;
use schema::IndexManifest;
use std::path::{Path, PathBuf};
use tantivy::schema::Field;
use tantivy::tokenizer::{PreTokenizedStream, PreTokenizedString, Token as TvToken, Tokenizer};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyError};

/// Name of tantivy's meta file: its presence tells an index directory from any other.
pub const META_FILE: &str = "meta.json";

/// What can go wrong opening, writing or reading an index. Every variant names the directory.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// There is no index at the path.
    #[error("no index at {}; run `hria index` first", dir.display())]
    NotFound {
        /// The index directory.
        dir: PathBuf,
    },
    /// Another process holds the writer lock.
    #[error("index {} is locked by another process (an hria index run?)", dir.display())]
    Locked {
        /// The index directory.
        dir: PathBuf,
    },
    /// The directory holds an index of another layout.
    #[error(
        "index {} has {found}, but this hria uses schema version {expected}; rebuild it with `hria index --rebuild`",
        dir.display()
    )]
    SchemaMismatch {
        /// The index directory.
        dir: PathBuf,
        /// What was found (`schema version 0`, `a tantivy index that is not an hria index`).
        found: String,
        /// The schema version this build reads and writes.
        expected: u32,
    },
    /// The index metadata could not be read.
    #[error("index {} is corrupt ({source}); rebuild it with `hria index --rebuild`", path.display())]
    Corrupt {
        /// The file or directory that could not be read.
        path: PathBuf,
        /// Why.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The path exists but is not an index, and hria refuses to write over it.
    #[error("{} exists and is not an hria index; refusing to write into it", dir.display())]
    NotAnIndex {
        /// The directory.
        dir: PathBuf,
    },
    /// A file-system operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// Any other tantivy error.
    #[error("index {}: {source}", dir.display())]
    Tantivy {
        /// The index directory.
        dir: PathBuf,
        /// The error.
        #[source]
        source: TantivyError,
    },
}

impl IndexError {
    pub(crate) fn tantivy(dir: &Path, source: TantivyError) -> Self {
        match source {
            TantivyError::LockFailure(..) => IndexError::Locked {
                dir: dir.to_path_buf(),
            },
            source => IndexError::Tantivy {
                dir: dir.to_path_buf(),
                source,
            },
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        IndexError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The process-wide segmenter used for indexing and for query parsing, so that both cut text the
/// same way and the dictionary is loaded once.
pub fn segmenter() -> &'static Segmenter {
    Segmenter::shared()
}

/// The `hria` tokenizer: normalization then [`Segmenter::tokens`], the same terms the writer
/// indexes from `Passage::tokens`, sub-words of long Chinese words included. Used for snippet
/// highlighting, so that a query for 劳动 highlights it inside 强迫劳动.
#[derive(Clone, Copy, Debug, Default)]
pub struct HriaTokenizer;

impl Tokenizer for HriaTokenizer {
    type TokenStream<'a> = PreTokenizedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PreTokenizedStream::from(pre_tokenized(text, &segmenter().tokens(text)))
    }
}

/// The query side of [`HriaTokenizer`]: the same words without sub-words, so that a query for
/// 强迫劳动 asks for the whole term (which the index holds) and not also for 强迫 and 劳动.
#[derive(Clone, Copy, Debug, Default)]
pub struct HriaQueryTokenizer;

impl Tokenizer for HriaQueryTokenizer {
    type TokenStream<'a> = PreTokenizedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let mut tokens = segmenter().tokens(text);
        let mut end = 0;
        tokens.retain(|t| {
            let keep = t.range.start >= end || t.range.end > end;
            if keep {
                end = t.range.end;
            }
            keep
        });
        PreTokenizedStream::from(pre_tokenized(text, &tokens))
    }
}

/// A tokenizer manager for query parsing: `hria` maps to [`HriaQueryTokenizer`].
pub fn query_tokenizers() -> tantivy::tokenizer::TokenizerManager {
    let m = tantivy::tokenizer::TokenizerManager::default();
    m.register(schema::TOKENIZER, HriaQueryTokenizer);
    m
}

/// Builds tantivy's pre-tokenized value from hria tokens. Positions are word ordinals; a
/// sub-word (a token whose range lies inside the previous word's) shares its word's position, so
/// phrase queries see the words in order.
pub fn pre_tokenized(text: &str, tokens: &[crate::model::Token]) -> PreTokenizedString {
    let mut position = 0usize;
    let tokens = with_sub_words(tokens)
        .enumerate()
        .map(|(i, (t, sub_word))| {
            if i > 0 && !sub_word {
                position += 1;
            }
            TvToken {
                offset_from: t.range.start,
                offset_to: t.range.end,
                position,
                text: t.term.to_string(),
                position_length: 1,
            }
        })
        .collect();
    PreTokenizedString {
        text: text.to_string(),
        tokens,
    }
}

/// Registers the term-list tokenizer of [`schema::TEXT`] on an index (tokenizers are not
/// persisted, so every opener must).
pub fn register_tokenizer(index: &Index) {
    index
        .tokenizers()
        .register(schema::TOKENIZER, TermListTokenizer);
}

/// Separator before a term that takes the next position.
const NEXT: char = ' ';
/// Separator before a term that shares the position of the term before it (a sub-word).
const SAME: char = '\t';

/// Appends the terms of `tokens` to `out` as the indexed value of [`schema::TEXT`], which
/// [`TermListTokenizer`] reads back. The segmenter's terms go to tantivy this way rather than as
/// a pre-tokenized string, which tantivy clones twice per document, every term an allocation.
/// Positions follow [`pre_tokenized`]: a sub-word shares its word's position. Terms never hold
/// whitespace (the segmenter does not make whitespace terms); one that did would be split.
pub fn encode_terms(tokens: &[crate::model::Token], out: &mut String) {
    for (t, sub_word) in with_sub_words(tokens) {
        out.push(if sub_word { SAME } else { NEXT });
        out.push_str(&t.term);
    }
}

/// The tokens, each with whether it is a sub-word: a token whose range lies inside the range of
/// the last word before it (the segmenter emits a word's sub-words right after the word).
fn with_sub_words(
    tokens: &[crate::model::Token],
) -> impl Iterator<Item = (&crate::model::Token, bool)> {
    let mut word: Option<std::ops::Range<usize>> = None;
    tokens.iter().map(move |t| {
        let inside = word
            .as_ref()
            .is_some_and(|w| w.start <= t.range.start && t.range.end <= w.end);
        if !inside {
            word = Some(t.range.clone());
        }
        (t, inside)
    })
}

/// The tokenizer of [`schema::TEXT`]: reads back the term list of [`encode_terms`], allocating
/// nothing per term. Offsets are into the term list, not the passage text; the index does not
/// keep offsets, and snippets re-cut the stored text with [`HriaTokenizer`].
#[derive(Clone, Copy, Debug, Default)]
pub struct TermListTokenizer;

/// The token stream of [`TermListTokenizer`].
pub struct TermListStream<'a> {
    list: &'a str,
    at: usize,
    next_position: usize,
    token: TvToken,
}

impl Tokenizer for TermListTokenizer {
    type TokenStream<'a> = TermListStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermListStream<'a> {
        TermListStream {
            list: text,
            at: 0,
            next_position: 0,
            token: TvToken::default(),
        }
    }
}

impl tantivy::tokenizer::TokenStream for TermListStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let rest = &self.list[self.at..];
            let (same, skip) = match rest.as_bytes().first() {
                None => return false,
                Some(b'\t') => (true, 1),
                Some(b' ') => (false, 1),
                // Plain text without separators: words between spaces.
                Some(_) => (false, 0),
            };
            let body = &rest[skip..];
            let len = body.find([NEXT, SAME]).unwrap_or(body.len());
            let start = self.at + skip;
            self.at = start + len;
            if len == 0 {
                continue;
            }
            // The first term, and every term after NEXT, takes a new position.
            if !same || self.next_position == 0 {
                self.token.position = self.next_position;
                self.next_position += 1;
            }
            self.token.offset_from = start;
            self.token.offset_to = start + len;
            self.token.position_length = 1;
            self.token.text.clear();
            self.token.text.push_str(&body[..len]);
            return true;
        }
    }

    fn token(&self) -> &TvToken {
        &self.token
    }

    fn token_mut(&mut self) -> &mut TvToken {
        &mut self.token
    }
}

/// The schema's fields, resolved once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// [`schema::PASSAGE_ID`].
    pub passage_id: Field,
    /// [`schema::DOC_ID`].
    pub doc_id: Field,
    /// [`schema::ORDINAL`].
    pub ordinal: Field,
    /// [`schema::SECTION`].
    pub section: Field,
    /// [`schema::KIND`].
    pub kind: Field,
    /// [`schema::LANG`].
    pub lang: Field,
    /// [`schema::START`].
    pub start: Field,
    /// [`schema::END`].
    pub end: Field,
    /// [`schema::TEXT`].
    pub text: Field,
    /// [`schema::STORED_TEXT`].
    pub stored_text: Field,
    /// [`schema::TAG`].
    pub tag: Field,
    /// [`schema::CITED`].
    pub cited: Field,
    /// [`schema::COVERED`].
    pub covered: Field,
    /// [`schema::TAGS_JSON`].
    pub tags_json: Field,
    /// [`schema::MAX_SCORE`].
    pub max_score: Field,
}

impl Fields {
    /// Resolves the fields of an hria schema; `None` if one is missing (not an hria index).
    pub fn resolve(s: &tantivy::schema::Schema) -> Option<Fields> {
        let f = |name: &str| s.get_field(name).ok();
        Some(Fields {
            passage_id: f(schema::PASSAGE_ID)?,
            doc_id: f(schema::DOC_ID)?,
            ordinal: f(schema::ORDINAL)?,
            section: f(schema::SECTION)?,
            kind: f(schema::KIND)?,
            lang: f(schema::LANG)?,
            start: f(schema::START)?,
            end: f(schema::END)?,
            text: f(schema::TEXT)?,
            stored_text: f(schema::STORED_TEXT)?,
            tag: f(schema::TAG)?,
            cited: f(schema::CITED)?,
            covered: f(schema::COVERED)?,
            tags_json: f(schema::TAGS_JSON)?,
            max_score: f(schema::MAX_SCORE)?,
        })
    }
}

/// An opened index, ready to search.
pub struct IndexHandle {
    /// Where it is.
    pub dir: PathBuf,
    /// The tantivy index, with the `hria` tokenizer registered.
    pub index: Index,
    /// A reader on the last commit.
    pub reader: IndexReader,
    /// A searcher on that commit.
    pub searcher: Searcher,
    /// The schema's fields.
    pub fields: Fields,
    /// What the last commit recorded.
    pub manifest: IndexManifest,
}

impl IndexHandle {
    /// A warning when `taxonomy` is not the one the index was tagged with, else `None`.
    pub fn taxonomy_warning(&self, taxonomy: &Taxonomy) -> Option<String> {
        taxonomy_mismatch(&self.dir, &self.manifest, taxonomy)
    }

    /// Title of a document, from the manifest (empty when unknown).
    pub fn title(&self, doc: &str) -> &str {
        self.manifest
            .documents
            .get(doc)
            .map(|d| d.title.as_str())
            .unwrap_or("")
    }
}

fn taxonomy_mismatch(dir: &Path, m: &IndexManifest, taxonomy: &Taxonomy) -> Option<String> {
    if m.documents.is_empty() || m.taxonomy_hash == taxonomy.hash {
        return None;
    }
    Some(format!(
        "index {} was tagged with taxonomy {} ({}), not with the taxonomy in use {} ({}); tag results follow the index (re-index to change)",
        dir.display(),
        m.taxonomy_version,
        short(&m.taxonomy_hash),
        taxonomy.version,
        short(&taxonomy.hash)
    ))
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Opens an existing index directory and checks its layout; returns the index and its manifest.
/// An index freshly created but never committed to has an empty manifest.
pub fn open_index(dir: &Path) -> Result<(Index, IndexManifest), IndexError> {
    if !dir.is_dir() {
        return Err(IndexError::NotFound {
            dir: dir.to_path_buf(),
        });
    }
    if !dir.join(META_FILE).is_file() {
        let empty = std::fs::read_dir(dir)
            .map_err(|e| IndexError::io(dir, e))?
            .next()
            .is_none();
        return Err(if empty {
            IndexError::NotFound {
                dir: dir.to_path_buf(),
            }
        } else {
            IndexError::NotAnIndex {
                dir: dir.to_path_buf(),
            }
        });
    }
    let index = Index::open_in_dir(dir).map_err(|e| match e {
        TantivyError::LockFailure(..) => IndexError::Locked {
            dir: dir.to_path_buf(),
        },
        e => IndexError::Corrupt {
            path: dir.join(META_FILE),
            source: Box::new(e),
        },
    })?;
    let mismatch = |found: String| IndexError::SchemaMismatch {
        dir: dir.to_path_buf(),
        found,
        expected: schema::SCHEMA_VERSION,
    };
    let metas = index.load_metas().map_err(|e| IndexError::Corrupt {
        path: dir.join(META_FILE),
        source: Box::new(e),
    })?;
    let manifest = match metas.payload.as_deref() {
        Some(p) => match serde_json::from_str::<IndexManifest>(p) {
            Ok(m) => m,
            Err(_) => return Err(mismatch("a commit payload hria cannot read".into())),
        },
        // Created but never committed to (e.g. the first run was killed): empty, if it is ours.
        None if metas.segments.is_empty() && index.schema() == schema::schema() => IndexManifest {
            schema_version: schema::SCHEMA_VERSION,
            ..Default::default()
        },
        None => return Err(mismatch("a tantivy index that is not an hria index".into())),
    };
    if manifest.schema_version != schema::SCHEMA_VERSION {
        return Err(mismatch(format!(
            "schema version {}",
            manifest.schema_version
        )));
    }
    if index.schema() != schema::schema() {
        return Err(mismatch(format!(
            "a different field layout under schema version {}",
            manifest.schema_version
        )));
    }
    register_tokenizer(&index);
    Ok((index, manifest))
}

/// Opens an index for reading. Readers never take the writer lock, so they work while an
/// `hria index` run is in progress (they see the last commit).
pub fn open_reader(dir: &Path) -> Result<IndexHandle, IndexError> {
    let (index, manifest) = open_index(dir)?;
    let fields = Fields::resolve(&index.schema()).ok_or_else(|| IndexError::SchemaMismatch {
        dir: dir.to_path_buf(),
        found: "missing fields".into(),
        expected: schema::SCHEMA_VERSION,
    })?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| IndexError::tantivy(dir, e))?;
    let searcher = reader.searcher();
    Ok(IndexHandle {
        dir: dir.to_path_buf(),
        index,
        reader,
        searcher,
        fields,
        manifest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    fn terms_and_positions(mut stream: impl TokenStream) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn the_term_list_gives_back_the_pre_tokenized_terms_and_positions() {
        // Long Chinese words bring sub-words at their word's position; Latin words are stemmed.
        let text = "我们禁止强迫劳动，尊重人权捍卫者与 Workers' rights (ILO)。";
        let tokens = segmenter().tokens(text);
        assert!(tokens.len() > 6);
        let mut list = String::new();
        encode_terms(&tokens, &mut list);
        let decoded = terms_and_positions(TermListTokenizer.token_stream(&list));
        let expected = terms_and_positions(PreTokenizedStream::from(pre_tokenized(text, &tokens)));
        assert_eq!(decoded, expected);
        // Some term shares a position with the one before it: sub-words were kept.
        assert!(decoded.windows(2).any(|w| w[0].1 == w[1].1));
    }

    #[test]
    fn the_term_list_tokenizer_reads_any_string() {
        let list = "  a\t\tb c\t";
        let got = terms_and_positions(TermListTokenizer.token_stream(list));
        assert_eq!(
            got,
            [("a".to_string(), 0), ("b".into(), 0), ("c".into(), 1)]
        );
        assert!(terms_and_positions(TermListTokenizer.token_stream("")).is_empty());
        let plain = terms_and_positions(TermListTokenizer.token_stream("x y"));
        assert_eq!(plain, [("x".to_string(), 0), ("y".into(), 1)]);
    }
}
