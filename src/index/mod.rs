//! The tantivy index: schema, writer (incremental, locked, atomic commits) and reader.
//!
//! Readers go through [`open_reader`], which checks that the directory holds an hria index of the
//! current [`schema::SCHEMA_VERSION`], registers the query tokenizer and reads the
//! [`schema::CommitPayload`] committed with the passages; [`document_record`] reads the record of
//! a document, and [`RecordChecks`] what an incremental run compares of it, from fast columns.
//! Writers go through [`writer::build`].

pub mod doc;
pub mod schema;
pub mod writer;

use crate::segment::Segmenter;
use crate::taxonomy::Taxonomy;
use schema::{CommitPayload, DocRecord};
use std::path::{Path, PathBuf};
use tantivy::directory::error::{LockError, OpenReadError};
use tantivy::directory::{
    Directory, DirectoryLock, Lock, MmapDirectory, INDEX_WRITER_LOCK, META_LOCK,
};
use tantivy::schema::Field;
use tantivy::tokenizer::{PreTokenizedStream, PreTokenizedString, Token as TvToken, Tokenizer};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyError};

/// Name of tantivy's meta file: its presence tells an index directory from any other.
pub const META_FILE: &str = "meta.json";

/// What can go wrong opening, writing or reading an index. Every variant names the directory or
/// file; none repeats the text of an underlying error.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// There is no index at the path.
    #[error(
        "no index at {}; run `hria index` first (`hria index FOLDER --index DIR`), or name an index with `--index DIR`",
        crate::escape::printable_path(dir)
    )]
    NotFound {
        /// The index directory.
        dir: PathBuf,
    },
    /// There is no index at the path, but a rebuild's new or old index is beside it: the rebuild
    /// is between its two renames, or was killed there.
    #[error(
        "no index at {}, but a rebuild's index is beside it ({}): a rebuild is swapping it in, \
         or was killed while it did; `hria index FOLDER --index DIR` finishes a killed one",
        crate::escape::printable_path(dir),
        crate::escape::printable_path(left)
    )]
    Interrupted {
        /// The index directory.
        dir: PathBuf,
        /// What the rebuild left: `DIR.tmp-<pid>` or `DIR.old-<pid>`.
        left: PathBuf,
    },
    /// Another process holds the writer lock.
    #[error(
        "index {} is locked by another process (an hria index run?)",
        crate::escape::printable_path(dir)
    )]
    Locked {
        /// The index directory.
        dir: PathBuf,
    },
    /// The directory holds an index of another layout.
    #[error(
        "index {} has {found}, which this hria (schema version {expected}) does not read; rebuild it with `hria index --rebuild`",
        crate::escape::printable_path(dir)
    )]
    SchemaMismatch {
        /// The index directory.
        dir: PathBuf,
        /// What was found (`schema version 0`, `a tantivy index that is not an hria index`).
        found: String,
        /// The schema version this build reads and writes.
        expected: u32,
    },
    /// The index is damaged: a file is missing, truncated, overwritten or does not parse.
    #[error(
        "index {} is corrupt ({reason}); rebuild it with `hria index --rebuild`",
        crate::escape::printable_path(dir)
    )]
    Corrupt {
        /// The index directory.
        dir: PathBuf,
        /// What is wrong, naming the file.
        reason: String,
    },
    /// The index is on a read-only file system and a run would write it.
    #[error(
        "cannot write {}: the file system is read-only; index into a folder on a writable file system",
        crate::escape::printable_path(path)
    )]
    ReadOnly {
        /// The file or directory.
        path: PathBuf,
    },
    /// The index (or one of its files) cannot be read or written by this user.
    #[error(
        "cannot {action} {}: permission denied (check the permissions of the index folder and its files)",
        crate::escape::printable_path(path)
    )]
    PermissionDenied {
        /// The file or directory.
        path: PathBuf,
        /// What was tried: `read`, `write to`, ...
        action: &'static str,
    },
    /// The path exists but is not an index, and hria refuses to write over it.
    #[error(
        "{} exists and is not an hria index (it has no meta.json); hria does not read or write into it",
        crate::escape::printable_path(dir)
    )]
    NotAnIndex {
        /// The directory.
        dir: PathBuf,
    },
    /// A rebuild would replace an index folder that also holds files no index writes.
    #[error(
        "index {} also holds {}, which no index writes; `hria index --rebuild` replaces the whole folder, so move them out of it first",
        crate::escape::printable_path(dir),
        quoted_list(names)
    )]
    ForeignFiles {
        /// The index directory.
        dir: PathBuf,
        /// The names of the foreign files and folders, sorted.
        names: Vec<String>,
    },
    /// A run with another taxonomy than the index's would leave documents of folders it does not
    /// read tagged with the old one.
    #[error(
        "index {} was tagged with another taxonomy and also holds {documents} document(s) from {}, which this run does not read; a new taxonomy re-tags every document, so give those folders too (`hria index FOLDERS… --index {}`, with the same --taxonomy), or start afresh with --rebuild",
        crate::escape::printable_path(dir),
        quoted_list(roots),
        crate::escape::printable_path(dir)
    )]
    TaxonomyNotForAll {
        /// The index directory.
        dir: PathBuf,
        /// How many documents this run would not re-tag.
        documents: u64,
        /// The folders (or files) they were indexed from.
        roots: Vec<String>,
    },
    /// A path given to index does not exist (or cannot be looked at), and the index holds no
    /// documents from it.
    #[error("cannot index {}: {error}", crate::escape::printable_path(path))]
    RootNotFound {
        /// The path as given.
        path: PathBuf,
        /// Why it could not be found.
        error: std::io::Error,
    },
    /// The disk (or the user's quota) is full.
    #[error(
        "cannot write {}: no space left on the device; free some space and run again",
        crate::escape::printable_path(path)
    )]
    DiskFull {
        /// The file or directory written.
        path: PathBuf,
    },
    /// A file grew past the process's file size limit (`ulimit -f`, `EFBIG`).
    #[error(
        "cannot write {}: a file of the index would pass the file size limit (`ulimit -f`); raise it and run again",
        crate::escape::printable_path(path)
    )]
    FileTooLarge {
        /// The file or directory written.
        path: PathBuf,
    },
    /// The path names a file, not a folder.
    #[error("index {} is a file, not a folder", crate::escape::printable_path(dir))]
    NotAFolder {
        /// The path.
        dir: PathBuf,
    },
    /// A file-system operation failed.
    #[error("{}: {error}", crate::escape::printable_path(path))]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The error (its text is part of this error's message, so it is not a `source`).
        error: std::io::Error,
    },
    /// The taxonomy's keywords do not compile into the tagger's automaton (far too many or too
    /// long): refused before the index is touched, rather than indexing passages without tags.
    #[error("cannot tag with taxonomy {version}: {error}")]
    Tagger {
        /// The taxonomy's version string.
        version: String,
        /// What failed.
        error: crate::tag::TagError,
    },
    /// The index holds no documents, so a reader has nothing to answer from: an empty answer
    /// would read as "the documents have nothing", and `gaps` would report every entry missing.
    #[error("index {} holds no documents: {}", crate::escape::printable_path(dir), empty_reason(*.committed))]
    Empty {
        /// The index directory.
        dir: PathBuf,
        /// Whether an `hria index` run has committed to it (every input of which was skipped, or
        /// removed since); false for an index created by a run that has not finished.
        committed: bool,
    },
    /// Any other tantivy error.
    #[error("index {}: {reason}", crate::escape::printable_path(dir))]
    Tantivy {
        /// The index directory.
        dir: PathBuf,
        /// The error's text.
        reason: String,
    },
}

/// Why an index holds no documents, for [`IndexError::Empty`].
fn empty_reason(committed: bool) -> &'static str {
    if committed {
        "its `hria index` runs found no document to index (none was given, every input was \
         skipped, or all have been removed since); index a folder with Markdown, text or HTML \
         documents in it"
    } else {
        "no `hria index` run has finished on it (one may still be running, or was stopped \
         before its end); run `hria index` and let it finish"
    }
}

/// Whether an I/O error is a file past the size limit, by its kind or its text (as
/// [`is_full_disk`]).
fn is_too_large(io: &std::io::Error) -> bool {
    io.kind() == std::io::ErrorKind::FileTooLarge || names_too_large(&io.to_string())
}

/// Whether an error's text is the OS's for a file past the size limit (`EFBIG`).
fn names_too_large(text: &str) -> bool {
    text.contains("File too large") || text.contains("(os error 27)")
}

/// Whether an I/O error is a full disk or quota, by its kind or, where a library wrapped it as
/// another error (tantivy's term dictionary does), by its text.
fn is_full_disk(io: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(io.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded)
        || names_a_full_disk(&io.to_string())
}

/// Whether an error's text is the OS's for a full disk or quota (`ENOSPC`, `EDQUOT`), the only
/// trace of one in an error tantivy passes on as text.
fn names_a_full_disk(text: &str) -> bool {
    [
        "No space left on device",
        "Disk quota exceeded",
        "(os error 28)",
    ]
    .iter()
    .any(|s| text.contains(s))
}

impl IndexError {
    /// Classifies a tantivy error on the index at `dir`: a busy lock, permission denied, a missing
    /// or damaged file, an index of another format, or anything else.
    pub fn tantivy(dir: &Path, error: TantivyError) -> Self {
        use tantivy::directory::error::{
            LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
        };
        let corrupt = |reason: String| IndexError::Corrupt {
            dir: dir.to_path_buf(),
            reason,
        };
        match &error {
            TantivyError::LockFailure(LockError::LockBusy, _) => IndexError::Locked {
                dir: dir.to_path_buf(),
            },
            TantivyError::LockFailure(LockError::IoError(io), _) => {
                // A lock file that is no file (a folder, a FIFO) is named, not the index.
                let lock = [&*INDEX_WRITER_LOCK, &*META_LOCK]
                    .into_iter()
                    .map(|l| dir.join(&l.filepath))
                    .find(|p| std::fs::symlink_metadata(p).is_ok_and(|m| !m.is_file()));
                IndexError::from_io(dir, lock.as_deref().unwrap_or(dir), "write to", io)
            }
            TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(p)) => {
                corrupt(format!("file {} is missing", file_name(p)))
            }
            TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
                IndexError::from_io(dir, &dir.join(filepath), "read", io_error)
            }
            TantivyError::OpenReadError(OpenReadError::IncompatibleIndex(_))
            | TantivyError::IncompatibleIndex(_) => IndexError::SchemaMismatch {
                dir: dir.to_path_buf(),
                found: "files written by another tantivy version".into(),
                expected: schema::SCHEMA_VERSION,
            },
            TantivyError::OpenDirectoryError(OpenDirectoryError::DoesNotExist(_)) => {
                IndexError::NotFound {
                    dir: dir.to_path_buf(),
                }
            }
            TantivyError::OpenDirectoryError(OpenDirectoryError::IoError { io_error, .. }) => {
                IndexError::from_io(dir, dir, "open", io_error)
            }
            TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, filepath }) => {
                IndexError::from_io(dir, &dir.join(filepath), "write", io_error)
            }
            TantivyError::IoError(io) => IndexError::from_io(dir, dir, "use", io),
            TantivyError::DataCorruption(c) => corrupt(format!("{c:?}")),
            // tantivy's document store passes its write errors on as text only.
            TantivyError::InternalError(text) if names_a_full_disk(text) => IndexError::DiskFull {
                path: dir.to_path_buf(),
            },
            TantivyError::InternalError(text) if names_too_large(text) => {
                IndexError::FileTooLarge {
                    path: dir.to_path_buf(),
                }
            }
            TantivyError::InternalError(text) if text.starts_with(RECORD_DAMAGED) => {
                corrupt(text[RECORD_DAMAGED.len()..].to_string())
            }
            // A document the postings name is not in the store: a store file of another index
            // (or of another segment) copied over this one's passes the checksums.
            TantivyError::InvalidArgument(text) if text.starts_with("Failed to lookup Doc") => {
                corrupt(format!(
                    "a document store does not hold a document its segment lists ({text})"
                ))
            }
            _ => IndexError::Tantivy {
                dir: dir.to_path_buf(),
                reason: error.to_string(),
            },
        }
    }

    /// Classifies an I/O error on `path` (a file of the index at `dir`, or `dir` itself).
    pub(crate) fn from_io(
        dir: &Path,
        path: &Path,
        action: &'static str,
        io: &std::io::Error,
    ) -> Self {
        use std::io::ErrorKind;
        if is_full_disk(io) {
            return IndexError::DiskFull {
                path: path.to_path_buf(),
            };
        }
        if is_too_large(io) {
            return IndexError::FileTooLarge {
                path: path.to_path_buf(),
            };
        }
        match io.kind() {
            ErrorKind::ReadOnlyFilesystem => IndexError::ReadOnly {
                path: path.to_path_buf(),
            },
            ErrorKind::PermissionDenied => IndexError::PermissionDenied {
                path: path.to_path_buf(),
                action,
            },
            ErrorKind::NotFound if path != dir => IndexError::Corrupt {
                dir: dir.to_path_buf(),
                reason: format!("file {} is missing", file_name(path)),
            },
            // tantivy's own text for these blames old tantivy versions; a file that was cut short
            // or written over is the likelier cause.
            ErrorKind::InvalidData | ErrorKind::UnexpectedEof if path != dir => {
                IndexError::Corrupt {
                    dir: dir.to_path_buf(),
                    reason: format!(
                        "file {} is damaged (truncated or overwritten)",
                        file_name(path)
                    ),
                }
            }
            ErrorKind::InvalidData | ErrorKind::UnexpectedEof => IndexError::Corrupt {
                dir: dir.to_path_buf(),
                reason: format!("a file is damaged: {io}"),
            },
            kind => IndexError::Io {
                path: path.to_path_buf(),
                error: std::io::Error::new(kind, io.to_string()),
            },
        }
    }

    pub(crate) fn io(path: &Path, error: std::io::Error) -> Self {
        if is_full_disk(&error) {
            return IndexError::DiskFull {
                path: path.to_path_buf(),
            };
        }
        if is_too_large(&error) {
            return IndexError::FileTooLarge {
                path: path.to_path_buf(),
            };
        }
        IndexError::Io {
            path: path.to_path_buf(),
            error,
        }
    }
}

/// A file's name, for messages that already name its folder.
fn file_name(path: &Path) -> String {
    crate::escape::printable_path(path.file_name().map_or(path, Path::new))
}

/// The process-wide segmenter used for indexing and for query parsing, so that both cut text the
/// same way and the dictionary is loaded once.
pub fn segmenter() -> &'static Segmenter {
    Segmenter::shared()
}

/// The `hria` tokenizer: normalization then [`Segmenter::tokens`] with their sub-words
/// ([`Segmenter::with_sub_words`]), the same terms the writer indexes from `Passage::tokens`.
/// Used for snippet highlighting, so that a query for 劳动 highlights it inside 强迫劳动.
#[derive(Clone, Copy, Debug, Default)]
pub struct HriaTokenizer;

impl Tokenizer for HriaTokenizer {
    type TokenStream<'a> = PreTokenizedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let s = segmenter();
        PreTokenizedStream::from(pre_tokenized(text, &s.with_sub_words(text, s.tokens(text))))
    }
}

/// The query side of [`HriaTokenizer`]: the words without sub-words, so that a query for
/// 强迫劳动 asks for the whole term (which the index holds) and not also for 强迫 and 劳动.
/// Spaces between Chinese chars are left out first: Chinese is written without them, so a
/// phrase typed `"强迫 劳动"` asks for the words as a text writes them, 强迫劳动.
#[derive(Clone, Copy, Debug, Default)]
pub struct HriaQueryTokenizer;

impl Tokenizer for HriaQueryTokenizer {
    type TokenStream<'a> = PreTokenizedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let Some((joined, orig)) = join_han(text) else {
            return PreTokenizedStream::from(pre_tokenized(text, &segmenter().tokens(text)));
        };
        // Offsets stay those of the text given, as tantivy expects of a tokenizer.
        let mut tokens = segmenter().tokens(&joined);
        for t in &mut tokens {
            t.range = orig[t.range.start]..orig[t.range.end - 1] + 1;
        }
        PreTokenizedStream::from(pre_tokenized(text, &tokens))
    }
}

/// `text` without the whitespace that stands between two Han chars, with the offset in `text`
/// of each of its bytes; `None` when there is none.
fn join_han(text: &str) -> Option<(String, Vec<usize>)> {
    use crate::lang::is_han;
    let gap_between_han = |i: usize| {
        let before = text[..i].trim_end().chars().next_back();
        let after = text[i..].trim_start().chars().next();
        before.is_some_and(is_han) && after.is_some_and(is_han)
    };
    let dropped = |i: usize, c: char| c.is_whitespace() && gap_between_han(i);
    if !text.char_indices().any(|(i, c)| dropped(i, c)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut orig = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices().filter(|&(i, c)| !dropped(i, c)) {
        out.push(c);
        orig.extend(i..i + c.len_utf8());
    }
    Some((out, orig))
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
    let tokens = flag_sub_words(tokens)
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

/// Appends the terms of `tokens` (the words of a passage's `text`), their sub-words
/// ([`Segmenter::sub_words`]) and closed compounds ([`Segmenter::compound`]) to `out` as the indexed value of [`schema::TEXT`], which
/// [`TermListTokenizer`] reads back. The segmenter's terms go to tantivy this way rather than as
/// a pre-tokenized string, which tantivy clones twice per document, every term an allocation.
/// Positions follow [`pre_tokenized`]: a sub-word shares its word's position. Terms never hold
/// whitespace (the segmenter does not make whitespace terms); one that did would be split.
pub fn encode_terms(text: &str, tokens: &[crate::model::Token], out: &mut String) {
    let s = segmenter();
    for (i, t) in tokens.iter().enumerate() {
        out.push(NEXT);
        out.push_str(&t.term);
        s.sub_words(&t.term, |g| {
            out.push(SAME);
            out.push_str(&t.term[g]);
        });
        if let Some(c) = s.compound(text, tokens, i) {
            out.push(SAME);
            out.push_str(&c.term);
        }
    }
}

/// The tokens, each with whether it is a sub-word: a token whose range lies inside the range of
/// the last word before it, or a closed compound ending with that word
/// ([`Segmenter::with_sub_words`] puts both right after the word).
fn flag_sub_words(
    tokens: &[crate::model::Token],
) -> impl Iterator<Item = (&crate::model::Token, bool)> {
    let mut word: Option<std::ops::Range<usize>> = None;
    tokens.iter().map(move |t| {
        // A closed compound ends where its second part does and starts before it.
        let inside = word.as_ref().is_some_and(|w| {
            (w.start <= t.range.start || w.end == t.range.end) && t.range.end <= w.end
        });
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
            // A byte scan: both separators are ASCII, which never occurs inside a multi-byte
            // char, and str::find with a char set decodes every char (a tenth of the indexing
            // thread's instructions).
            let len = body
                .bytes()
                .position(|b| b == NEXT as u8 || b == SAME as u8)
                .unwrap_or(body.len());
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
    /// [`schema::PLANNED`].
    pub planned: Field,
    /// [`schema::TAGS_JSON`].
    pub tags_json: Field,
    /// [`schema::MAX_SCORE`].
    pub max_score: Field,
    /// [`schema::RECORD`].
    pub record: Field,
    /// [`schema::RECORD_ID`].
    pub record_id: Field,
    /// [`schema::RECORD_LANG`].
    pub record_lang: Field,
    /// [`schema::RECORD_JSON`].
    pub record_json: Field,
    /// [`schema::RECORD_CHECK`].
    pub record_check: Field,
    /// [`schema::RECORD_DOC`].
    pub record_doc: Field,
    /// [`schema::RECORD_HASH`].
    pub record_hash: Field,
    /// [`schema::RECORD_INPUTS`].
    pub record_inputs: Field,
    /// [`schema::RECORD_ROOT`].
    pub record_root: Field,
    /// [`schema::RECORD_DEGRADED`].
    pub record_degraded: Field,
}

impl Fields {
    /// The fields of the index in `dir`; a schema mismatch if one is missing.
    pub fn of(index: &Index, dir: &Path) -> Result<Fields, IndexError> {
        Fields::resolve(&index.schema()).ok_or_else(|| IndexError::SchemaMismatch {
            dir: dir.to_path_buf(),
            found: "missing fields".into(),
            expected: schema::SCHEMA_VERSION,
        })
    }

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
            planned: f(schema::PLANNED)?,
            tags_json: f(schema::TAGS_JSON)?,
            max_score: f(schema::MAX_SCORE)?,
            record: f(schema::RECORD)?,
            record_id: f(schema::RECORD_ID)?,
            record_lang: f(schema::RECORD_LANG)?,
            record_json: f(schema::RECORD_JSON)?,
            record_check: f(schema::RECORD_CHECK)?,
            record_doc: f(schema::RECORD_DOC)?,
            record_hash: f(schema::RECORD_HASH)?,
            record_inputs: f(schema::RECORD_INPUTS)?,
            record_root: f(schema::RECORD_ROOT)?,
            record_degraded: f(schema::RECORD_DEGRADED)?,
        })
    }

    /// The term every document record carries ([`schema::RECORD`]).
    pub fn record_term(&self) -> tantivy::Term {
        tantivy::Term::from_field_text(self.record, schema::RECORD_VALUE)
    }
}

/// The live record of document `id` in what `searcher` sees, if any.
pub fn document_record(
    searcher: &Searcher,
    fields: &Fields,
    id: &str,
) -> tantivy::Result<Option<DocRecord>> {
    let term = tantivy::Term::from_field_text(fields.record_id, id);
    let mut found = None;
    each_live(searcher, &term, |addr| {
        found = Some(addr);
        false
    })?;
    match found {
        Some(addr) => read_record(searcher, fields, addr).map(|(_, r)| Some(r)),
        None => Ok(None),
    }
}

/// Every live document record in what `searcher` sees, sorted by document id. Reads one stored
/// document per record: for the rare paths that need them all (removing vanished documents,
/// suggesting document ids).
pub fn document_records(
    searcher: &Searcher,
    fields: &Fields,
) -> tantivy::Result<Vec<(String, DocRecord)>> {
    records_with(searcher, fields, &fields.record_term())
}

/// The live document records holding `term`, sorted by document id.
fn records_with(
    searcher: &Searcher,
    fields: &Fields,
    term: &tantivy::Term,
) -> tantivy::Result<Vec<(String, DocRecord)>> {
    let mut addrs = Vec::new();
    each_live(searcher, term, |addr| {
        addrs.push(addr);
        true
    })?;
    let mut out = addrs
        .into_iter()
        .map(|a| read_record(searcher, fields, a))
        .collect::<tantivy::Result<Vec<_>>>()?;
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// The ids of the live documents in a language other than Chinese and English, sorted: those
/// whose record says so (the manifest's language, else the one detected from the document's
/// text as a whole; passage by passage, a French report's short headings and list items may read
/// as English and outnumber its paragraphs).
pub fn other_language_documents(
    searcher: &Searcher,
    fields: &Fields,
) -> tantivy::Result<Vec<String>> {
    let other =
        tantivy::Term::from_field_text(fields.record_lang, crate::model::Lang::Other.code());
    Ok(records_with(searcher, fields, &other)?
        .into_iter()
        .map(|(id, _)| id)
        .collect())
}

/// The number of live document records, or of those of language `lang`.
pub fn count_documents(
    searcher: &Searcher,
    fields: &Fields,
    lang: Option<&str>,
) -> tantivy::Result<u64> {
    let term = match lang {
        Some(l) => tantivy::Term::from_field_text(fields.record_lang, l),
        None => fields.record_term(),
    };
    let mut n = 0u64;
    each_live(searcher, &term, |_| {
        n += 1;
        true
    })?;
    Ok(n)
}

/// Calls `f` with every live document holding `term`, segment by segment, until it returns false.
pub(crate) fn each_live(
    searcher: &Searcher,
    term: &tantivy::Term,
    mut f: impl FnMut(tantivy::DocAddress) -> bool,
) -> tantivy::Result<()> {
    use tantivy::DocSet;
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        let inverted = seg.inverted_index(term.field())?;
        let Some(mut postings) =
            inverted.read_postings(term, tantivy::schema::IndexRecordOption::Basic)?
        else {
            continue;
        };
        let alive = seg.alive_bitset();
        let mut d = postings.doc();
        while d != tantivy::TERMINATED {
            if alive.is_none_or(|b| b.is_alive(d)) && !f(tantivy::DocAddress::new(ord as u32, d)) {
                return Ok(());
            }
            d = postings.advance();
        }
    }
    Ok(())
}

/// Marks the error of a document record that does not parse, for [`IndexError::tantivy`].
const RECORD_DAMAGED: &str = "damaged record: ";

fn read_record(
    searcher: &Searcher,
    fields: &Fields,
    addr: tantivy::DocAddress,
) -> tantivy::Result<(String, DocRecord)> {
    use tantivy::schema::Value;
    let doc: tantivy::TantivyDocument = searcher.doc(addr)?;
    let text = |f: Field| {
        doc.get_first(f)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let id = text(fields.record_id);
    // A record that does not parse is damage (a store file of another index copied over this
    // one's passes the checksums): reported as a corrupt index by [`IndexError::tantivy`].
    let record = serde_json::from_str(&text(fields.record_json)).map_err(|e| {
        let whose = if id.is_empty() {
            "a document's record (with no id)".to_string()
        } else {
            format!(
                "the record of document {}",
                crate::escape::printable_id(&id)
            )
        };
        TantivyError::InternalError(format!("{RECORD_DAMAGED}{whose} does not parse: {e}"))
    })?;
    Ok((id, record))
}

/// What the unchanged check of an incremental run needs of a document's record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordCheck {
    /// [`DocRecord::hash`].
    pub hash: String,
    /// [`DocRecord::inputs`].
    pub inputs: String,
    /// [`DocRecord::root`].
    pub root: String,
    /// [`DocRecord::degraded`].
    pub degraded: Option<String>,
}

impl From<DocRecord> for RecordCheck {
    fn from(r: DocRecord) -> Self {
        RecordCheck {
            hash: r.hash,
            inputs: r.inputs,
            root: r.root,
            degraded: r.degraded,
        }
    }
}

/// One segment's check columns ([`schema::RECORD_CHECK`] and the string columns after it).
struct CheckColumns {
    flags: Option<tantivy::columnar::Column<u64>>,
    id: Option<tantivy::columnar::StrColumn>,
    hash: Option<tantivy::columnar::StrColumn>,
    inputs: Option<tantivy::columnar::StrColumn>,
    root: Option<tantivy::columnar::StrColumn>,
    degraded: Option<tantivy::columnar::StrColumn>,
}

/// The string value of `column` for `doc`, if it has one.
fn column_str(
    column: &Option<tantivy::columnar::StrColumn>,
    doc: tantivy::DocId,
) -> tantivy::Result<Option<String>> {
    let Some(c) = column else {
        return Ok(None);
    };
    let Some(ord) = c.term_ords(doc).next() else {
        return Ok(None);
    };
    let mut out = String::new();
    Ok(c.ord_to_str(ord, &mut out)?.then_some(out))
}

/// Reads the check values of document records from what a searcher sees: from the fast columns
/// ([`schema::RECORD_CHECK`]), and from the stored record only where the columns do not hold
/// them (a value longer than [`schema::MAX_CHECK_VALUE`]). Records sit in the doc store among
/// their passages, so checking every record of a corpus through the store touched nearly all of
/// it; the columns are a small part of the index.
pub struct RecordChecks {
    searcher: Searcher,
    fields: Fields,
    segments: Vec<CheckColumns>,
    store_reads: std::cell::Cell<u64>,
}

impl RecordChecks {
    /// Opens the check columns of every segment `searcher` sees.
    pub fn open(searcher: &Searcher, fields: &Fields) -> tantivy::Result<RecordChecks> {
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|seg| {
                let ff = seg.fast_fields();
                Ok(CheckColumns {
                    flags: ff.column_opt::<u64>(schema::RECORD_CHECK)?,
                    id: ff.str(schema::RECORD_DOC)?,
                    hash: ff.str(schema::RECORD_HASH)?,
                    inputs: ff.str(schema::RECORD_INPUTS)?,
                    root: ff.str(schema::RECORD_ROOT)?,
                    degraded: ff.str(schema::RECORD_DEGRADED)?,
                })
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(RecordChecks {
            searcher: searcher.clone(),
            fields: *fields,
            segments,
            store_reads: std::cell::Cell::new(0),
        })
    }

    /// The check values of the live record of document `id`, if there is one.
    pub fn get(&self, id: &str) -> tantivy::Result<Option<RecordCheck>> {
        let term = tantivy::Term::from_field_text(self.fields.record_id, id);
        let mut found = None;
        each_live(&self.searcher, &term, |addr| {
            found = Some(addr);
            false
        })?;
        let Some(addr) = found else {
            return Ok(None);
        };
        if let Some(c) = self.in_columns(addr) {
            let doc = addr.doc_id;
            let (hash, inputs, root) = (
                column_str(&c.hash, doc)?,
                column_str(&c.inputs, doc)?,
                column_str(&c.root, doc)?,
            );
            let degraded = match self.flags(addr) & schema::CHECK_DEGRADED {
                0 => Some(None),
                _ => column_str(&c.degraded, doc)?.map(Some),
            };
            if let (Some(hash), Some(inputs), Some(root), Some(degraded)) =
                (hash, inputs, root, degraded)
            {
                return Ok(Some(RecordCheck {
                    hash,
                    inputs,
                    root,
                    degraded,
                }));
            }
        }
        self.read_stored(addr).map(|(_, r)| Some(r.into()))
    }

    /// Calls `f` with the id and root of every live record, in no particular order.
    pub fn each_root(&self, mut f: impl FnMut(&str, &str)) -> tantivy::Result<()> {
        let mut addrs = Vec::new();
        each_live(&self.searcher, &self.fields.record_term(), |addr| {
            addrs.push(addr);
            true
        })?;
        for addr in addrs {
            if let Some(c) = self.in_columns(addr) {
                let doc = addr.doc_id;
                if let (Some(id), Some(root)) = (column_str(&c.id, doc)?, column_str(&c.root, doc)?)
                {
                    f(&id, &root);
                    continue;
                }
            }
            let (id, r) = self.read_stored(addr)?;
            f(&id, &r.root);
        }
        Ok(())
    }

    /// The distinct roots of the records: each root's name is looked up once per segment, as a
    /// lookup decompresses a block of the column's dictionary (a lookup per record cost an
    /// incremental run of zh-law a third of its time).
    pub fn roots(&self) -> tantivy::Result<std::collections::BTreeSet<String>> {
        let mut addrs = Vec::new();
        each_live(&self.searcher, &self.fields.record_term(), |addr| {
            addrs.push(addr);
            true
        })?;
        let mut ords = std::collections::BTreeSet::new();
        let mut roots = std::collections::BTreeSet::new();
        for addr in addrs {
            let ord = self
                .in_columns(addr)
                .and_then(|c| c.root.as_ref())
                .and_then(|root| root.term_ords(addr.doc_id).next());
            match ord {
                Some(ord) => {
                    ords.insert((addr.segment_ord, ord));
                }
                None => {
                    roots.insert(self.read_stored(addr)?.1.root);
                }
            }
        }
        let mut out = String::new();
        for (segment, ord) in ords {
            let column = self
                .segments
                .get(segment as usize)
                .and_then(|c| c.root.as_ref());
            if let Some(column) = column {
                out.clear();
                if column.ord_to_str(ord, &mut out)? {
                    roots.insert(out.clone());
                }
            }
        }
        Ok(roots)
    }

    /// How many records were read from the doc store so far: those whose values the columns do
    /// not hold.
    pub fn store_reads(&self) -> u64 {
        self.store_reads.get()
    }

    fn flags(&self, addr: tantivy::DocAddress) -> u64 {
        self.segments
            .get(addr.segment_ord as usize)
            .and_then(|c| c.flags.as_ref())
            .and_then(|f| f.first(addr.doc_id))
            .unwrap_or(0)
    }

    /// The columns of the record at `addr`, if they hold its values.
    fn in_columns(&self, addr: tantivy::DocAddress) -> Option<&CheckColumns> {
        (self.flags(addr) & schema::CHECK_IN_COLUMNS != 0)
            .then(|| self.segments.get(addr.segment_ord as usize))
            .flatten()
    }

    fn read_stored(&self, addr: tantivy::DocAddress) -> tantivy::Result<(String, DocRecord)> {
        self.store_reads.set(self.store_reads.get() + 1);
        read_record(&self.searcher, &self.fields, addr)
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
    /// What the last commit recorded besides its passages and document records.
    pub manifest: CommitPayload,
}

impl IndexHandle {
    /// A warning when `taxonomy` is not the one the index was tagged with, else `None`.
    pub fn taxonomy_warning(&self, taxonomy: &Taxonomy) -> Option<String> {
        if self.manifest.taxonomy_hash == taxonomy.hash {
            return None;
        }
        let empty = count_documents(&self.searcher, &self.fields, None).is_ok_and(|n| n == 0);
        if empty {
            return None;
        }
        taxonomy_mismatch(&self.dir, &self.manifest, taxonomy)
    }

    /// A warning when the index was segmented and tagged by another version of hria, else
    /// `None`.
    pub fn pipeline_warning(&self) -> Option<String> {
        let empty = count_documents(&self.searcher, &self.fields, None).is_ok_and(|n| n == 0);
        if empty {
            return None;
        }
        pipeline_mismatch(&self.dir, &self.manifest)
    }

    /// The record of a document, if the index holds it.
    pub fn document(&self, doc: &str) -> Result<Option<DocRecord>, IndexError> {
        document_record(&self.searcher, &self.fields, doc)
            .map_err(|e| IndexError::tantivy(&self.dir, e))
    }

    /// Every document record, sorted by id.
    pub fn documents(&self) -> Result<Vec<(String, DocRecord)>, IndexError> {
        document_records(&self.searcher, &self.fields)
            .map_err(|e| IndexError::tantivy(&self.dir, e))
    }

    /// Title of a document, from its record (empty when unknown).
    pub fn title(&self, doc: &str) -> String {
        self.document(doc)
            .ok()
            .flatten()
            .map(|d| d.title)
            .unwrap_or_default()
    }
}

/// The message for an index tagged with another taxonomy than `taxonomy`, with how to bring the
/// two together again; `None` when it was tagged with this one.
pub(crate) fn taxonomy_mismatch(
    dir: &Path,
    m: &CommitPayload,
    taxonomy: &Taxonomy,
) -> Option<String> {
    if m.taxonomy_hash == taxonomy.hash {
        return None;
    }
    Some(format!(
        "index {} was tagged with taxonomy {} ({}), not with the taxonomy in use {} ({}); {}",
        crate::escape::printable_path(dir),
        m.taxonomy_version,
        short(&m.taxonomy_hash),
        taxonomy.version,
        short(&taxonomy.hash),
        retag_advice(taxonomy)
    ))
}

/// The message for an index segmented and tagged by another version of hria than this one: with
/// the same taxonomy its tags, and the words a query is cut into, may differ from this version's
/// (a word spelled two ways, a rule changed); `None` when it is this version's.
pub(crate) fn pipeline_mismatch(dir: &Path, m: &CommitPayload) -> Option<String> {
    let now = crate::pipeline::PIPELINE_VERSION;
    if m.pipeline_version == now {
        return None;
    }
    Some(format!(
        "index {} was segmented and tagged by {} version of hria (version {} of segmentation and tagging, this one is {now}): its words and tags may differ from what this one makes; read every document again with `hria index FOLDERS… --index DIR`",
        crate::escape::printable_path(dir),
        if m.pipeline_version < now { "an older" } else { "a newer" },
        m.pipeline_version,
    ))
}

/// How to bring an index and a taxonomy together again.
fn retag_advice(taxonomy: &Taxonomy) -> &'static str {
    if taxonomy.hash == Taxonomy::builtin().hash {
        "re-tag every document with this version's built-in taxonomy (`hria index FOLDERS… --index DIR`: the run reads them all again), or, if the index was tagged with a taxonomy file, pass it with `--taxonomy FILE`"
    } else {
        "pass the taxonomy the index was tagged with (`--taxonomy FILE`), or re-tag every document with this one (`hria index FOLDERS… --index DIR --taxonomy FILE`)"
    }
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// A `DIR.tmp-<pid>` or `DIR.old-<pid>` index beside the missing `dir`: what a rebuild killed
/// between its two renames leaves.
fn swap_leftover(dir: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(dir).ok()?;
    let name = abs.file_name()?.to_string_lossy().into_owned();
    let parent = abs.parent()?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(parent)
        .ok()?
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            [".tmp-", ".old-"]
                .iter()
                .any(|s| rebuild_folder_pid(&n, &name, s).is_some())
                && e.path().join(META_FILE).is_file()
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The pid in `entry` where it names a folder that a rebuild of the index named `dir_name` makes
/// beside it, `<dir_name><suffix><pid>` (`.tmp-` or `.old-`), the pid written as a pid is (not
/// `007` or `+7`); `None` for any other name.
pub(crate) fn rebuild_folder_pid<'a>(
    entry: &'a str,
    dir_name: &str,
    suffix: &str,
) -> Option<&'a str> {
    let pid = entry.strip_prefix(dir_name)?.strip_prefix(suffix)?;
    pid.parse::<u32>()
        .is_ok_and(|n| n.to_string() == pid)
        .then_some(pid)
}

/// What is wrong with the symbolic link `dir` to `target`, which cannot be followed: its target
/// does not exist, or it leads back to itself (a loop, which the system reports as such).
pub(crate) fn dangling_link(dir: &Path, target: &Path) -> String {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => format!(
            "a symbolic link to {} that cannot be followed ({e})",
            crate::escape::printable_path(target)
        ),
        _ => format!(
            "a symbolic link to {}, which does not exist",
            crate::escape::printable_path(target)
        ),
    }
}

/// Name of tantivy's list of the files it manages.
pub const MANAGED_FILE: &str = ".managed.json";

/// The largest `meta.json` or managed list read: both hold a few kilobytes (zh-law ten times over:
/// 7.8 kB); a larger one is damage, which would otherwise be read whole into memory.
const MAX_CONTROL_FILE: u64 = 64 << 20;

/// Whether the managed list at `path` is a regular file of a size worth reading (or absent, for
/// the open to report). A FIFO, a device or a huge file is read as no list.
fn usable_managed_list(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Ok(m) => m.is_file() && m.len() <= MAX_CONTROL_FILE,
        Err(_) => true,
    }
}

/// The managed list `bytes` with only the names of index files in this folder: tantivy deletes
/// what the list names once no commit uses it, so a list naming `../notes.txt` or an absolute
/// path (a damaged or crafted index) would have it delete a user's files. `None` when the bytes
/// are no list of paths.
fn sanitized_managed_list(bytes: &[u8]) -> Option<Vec<u8>> {
    let list: std::collections::HashSet<PathBuf> = serde_json::from_slice(bytes).ok()?;
    let n = list.len();
    let kept: std::collections::HashSet<PathBuf> = list
        .into_iter()
        .filter(|p| {
            let mut parts = p.components();
            matches!(
                (parts.next(), parts.next()),
                (Some(std::path::Component::Normal(name)), None)
                    if is_segment_or_meta(&name.to_string_lossy())
            )
        })
        .collect();
    if kept.len() == n {
        return Some(bytes.to_vec());
    }
    serde_json::to_vec(&kept).ok()
}

/// Whether a name is `meta.json` or a segment file's: what a managed list may name. Not the lock
/// files, which tantivy would delete while a run holds them, nor the list itself.
fn is_segment_or_meta(name: &str) -> bool {
    is_index_file(name) && name != MANAGED_FILE && !name.starts_with(".tantivy-")
}

/// Refuses lock files that are no regular files: tantivy opens them to write, which waits
/// forever on a FIFO, and a link may point anywhere.
pub(crate) fn check_lock_files(dir: &Path) -> Result<(), IndexError> {
    for lock in [&*INDEX_WRITER_LOCK, &*META_LOCK] {
        let path = dir.join(&lock.filepath);
        if let Ok(m) = std::fs::symlink_metadata(&path) {
            if !m.file_type().is_file() {
                return Err(IndexError::io(
                    &path,
                    std::io::Error::other(
                        "a lock file that is not a regular file (a FIFO, a folder or a link): \
                         remove it if no hria index run is going on",
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Whether a folder without `meta.json` holds files only a tantivy index has (its managed list,
/// segment files, lock files): an index that lost its `meta.json`, not someone else's folder.
pub(crate) fn has_index_files(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries
        .flatten()
        .any(|e| is_index_file(&e.file_name().to_string_lossy()))
}

/// Whether a file name is one a tantivy index writes: `meta.json`, the managed list, the lock
/// files, and segment files named by the segment's id (32 hex digits): `<id>.<component>`, and
/// `<id>.<opstamp>.del` for deletes.
pub(crate) fn is_index_file(name: &str) -> bool {
    const COMPONENTS: &[&str] = &["idx", "store", "term", "pos", "fast", "fieldnorm"];
    if name == META_FILE || name == MANAGED_FILE || name.starts_with(".tantivy-") {
        return true;
    }
    let Some((id, rest)) = name.split_once('.') else {
        return false;
    };
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return false;
    }
    match rest.split_once('.') {
        None => COMPONENTS.contains(&rest),
        Some((opstamp, "del")) => {
            !opstamp.is_empty() && opstamp.bytes().all(|b| b.is_ascii_digit())
        }
        Some(_) => false,
    }
}

/// The entries of an index folder that no index writes, sorted: folders, and files other than
/// an index's own. The user's hidden files are left out: a rebuild carries them over.
pub(crate) fn foreign_entries(dir: &Path) -> Result<Vec<String>, IndexError> {
    let entries = std::fs::read_dir(dir).map_err(|e| IndexError::from_io(dir, dir, "read", &e))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let is_file = e.file_type().is_ok_and(|t| t.is_file());
            !(is_file && is_index_file(&name.to_string_lossy()) || is_carried(&name, is_file))
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// Whether an entry of an index folder is a hidden file of the user's (`.gitignore`), which a
/// rebuild carries into the new folder: a file whose name starts with a dot and is not one of
/// the index's own (its managed list, its lock files).
pub(crate) fn is_carried(name: &std::ffi::OsStr, is_file: bool) -> bool {
    is_file && crate::ingest::is_hidden(name) && !is_index_file(&name.to_string_lossy())
}

/// Names for a message: the first few, quoted, and how many more.
fn quoted_list(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut out: Vec<String> = names.iter().take(SHOWN).map(|n| format!("{n:?}")).collect();
    if names.len() > SHOWN {
        out.push(format!("{} more", names.len() - SHOWN));
    }
    out.join(", ")
}

/// The error for an index that lost its `meta.json`.
pub(crate) fn meta_missing(dir: &Path) -> IndexError {
    IndexError::Corrupt {
        dir: dir.to_path_buf(),
        reason: format!("file {META_FILE} is missing, the other files of an index are there"),
    }
}

/// How thoroughly [`open_index_checked`] checks the files of the committed segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Every file is there, and its footers (tantivy's, and the doc store's, which tantivy
    /// panics on when garbled) are intact: catches missing and truncated files, and files
    /// overwritten at their end, while reading a few bytes per file. Damage inside a file can
    /// still make tantivy panic later.
    Footers,
    /// [`Check::Footers`], and every file's checksum matches the one in its footer: reads the
    /// whole index once (about 0.07 s for 100 MB), and then no damage goes unnoticed. What
    /// [`open_reader`] and `hria index` do.
    Checksums,
}

/// Opens an existing index directory and checks its layout and every file of its committed
/// segments ([`Check::Checksums`]); returns the index and its manifest. An index freshly created
/// but never committed to has an empty manifest.
pub fn open_index(dir: &Path) -> Result<(Index, CommitPayload), IndexError> {
    open_index_checked(dir, Check::Checksums)
}

/// [`open_index`] with the file check chosen. The files are checked before anything reads them,
/// because tantivy panics on some damaged files (an unknown compressor id in a garbled doc
/// store); a damaged index is an [`IndexError::Corrupt`] naming the file instead.
pub fn open_index_checked(dir: &Path, check: Check) -> Result<(Index, CommitPayload), IndexError> {
    open_index_committed(dir, check).map(|(index, payload, _)| (index, payload))
}

/// [`open_index_checked`], also saying whether a run has committed to the index (false for one
/// created by a first run that has not finished, or was killed).
fn open_index_committed(
    dir: &Path,
    check: Check,
) -> Result<(Index, CommitPayload, bool), IndexError> {
    let meta_path = dir.join(META_FILE);
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(IndexError::NotAFolder {
                dir: dir.to_path_buf(),
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // A rebuild through a link swaps the link's target: cut off between its renames, the
            // link points to nowhere, and the rebuild's folders lie beside its target.
            if let Some(left) = swap_leftover(&writer::link_target(dir)) {
                return Err(IndexError::Interrupted {
                    dir: dir.to_path_buf(),
                    left,
                });
            }
            // A link to nowhere is no missing index: the link is what to fix.
            if let Ok(target) = std::fs::read_link(dir) {
                return Err(IndexError::io(
                    dir,
                    std::io::Error::other(dangling_link(dir, &target)),
                ));
            }
            return Err(IndexError::NotFound {
                dir: dir.to_path_buf(),
            });
        }
        Err(e) => return Err(IndexError::from_io(dir, dir, "open", &e)),
    }
    match std::fs::metadata(&meta_path) {
        Ok(m) if m.is_file() && m.len() > MAX_CONTROL_FILE => {
            return Err(IndexError::Corrupt {
                dir: dir.to_path_buf(),
                reason: format!("{META_FILE} is larger than {} MiB", MAX_CONTROL_FILE >> 20),
            })
        }
        Ok(m) if m.is_file() => {}
        // A FIFO would be waited on forever, a device read without end.
        Ok(_) => {
            return Err(IndexError::Corrupt {
                dir: dir.to_path_buf(),
                reason: format!("{META_FILE} is not a regular file"),
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(IndexError::from_io(dir, dir, "read", &e))
        }
        _ => {
            let empty = std::fs::read_dir(dir)
                .map_err(|e| IndexError::from_io(dir, dir, "read", &e))?
                .next()
                .is_none();
            return Err(if empty {
                IndexError::NotFound {
                    dir: dir.to_path_buf(),
                }
            } else if has_index_files(dir) {
                meta_missing(dir)
            } else {
                IndexError::NotAnIndex {
                    dir: dir.to_path_buf(),
                }
            });
        }
    }
    // Readers take the meta lock too: one that is no regular file would be waited on forever.
    check_lock_files(dir)?;
    // Both files are read by tantivy on opening; checked here so that an unreadable file is
    // reported as such, by name, and not as a corrupt index.
    for name in [META_FILE, MANAGED_FILE] {
        let path = dir.join(name);
        // A managed list that is no regular file, or too large, is read as none (see
        // `ReadableDirectory::atomic_read`): not opened here, where a FIFO would block.
        if name == MANAGED_FILE && !usable_managed_list(&path) {
            continue;
        }
        if let Err(e) = std::fs::File::open(&path) {
            // An unreadable managed list is read as none (see `ReadableDirectory::atomic_read`).
            let needed = name == META_FILE || e.kind() != std::io::ErrorKind::PermissionDenied;
            if needed && (e.kind() != std::io::ErrorKind::NotFound || name == META_FILE) {
                return Err(IndexError::from_io(dir, &path, "read", &e));
            }
        }
    }
    let directory = ReadableDirectory::open(dir)?;
    let index = Index::open(directory).map_err(|e| match e {
        // meta.json or the managed list does not parse: the one that is no JSON is named.
        TantivyError::DataCorruption(_) | TantivyError::DeserializeError(_) => {
            let is_json = |path: &Path| {
                usable_managed_list(path)
                    && std::fs::read(path)
                        .is_ok_and(|b| serde_json::from_slice::<serde_json::Value>(&b).is_ok())
            };
            let managed = dir.join(MANAGED_FILE);
            // meta.json may be JSON that is not an index's: the managed list is only blamed
            // when it is there and is no JSON.
            let file = if is_json(&meta_path) && managed.is_file() && !is_json(&managed) {
                MANAGED_FILE
            } else {
                META_FILE
            };
            IndexError::Corrupt {
                dir: dir.to_path_buf(),
                reason: format!("{file} does not parse"),
            }
        }
        e => IndexError::tantivy(dir, e),
    })?;
    let mismatch = |found: String| IndexError::SchemaMismatch {
        dir: dir.to_path_buf(),
        found,
        expected: schema::SCHEMA_VERSION,
    };
    // Held while the files are checked, so that a writer's clean-up cannot delete the files of
    // the commit being checked (a user who may not write the folder reads without it).
    let meta_lock = index.directory().acquire_lock(&META_LOCK).ok();
    let metas = index.load_metas().map_err(|e| IndexError::Corrupt {
        dir: dir.to_path_buf(),
        reason: format!("{META_FILE} cannot be read: {}", short_error(&e)),
    })?;
    let manifest = match metas.payload.as_deref() {
        Some(p) => match serde_json::from_str::<CommitPayload>(p) {
            Ok(m) => m,
            Err(_) => return Err(mismatch("a commit payload hria cannot read".into())),
        },
        // Created but never committed to (e.g. the first run was killed): empty, if it is ours.
        None if metas.segments.is_empty() && index.schema() == schema::schema() => CommitPayload {
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
            "fields other than schema version {} has (written by another build of hria?)",
            manifest.schema_version
        )));
    }
    check_segment_files(&index, dir, &metas.segments, check)?;
    drop(meta_lock);
    register_tokenizer(&index);
    Ok((index, manifest, metas.payload.is_some()))
}

/// tantivy's error text, without the debug dumps of nested errors where a plainer one exists.
fn short_error(e: &TantivyError) -> String {
    match e {
        TantivyError::OpenReadError(tantivy::directory::error::OpenReadError::IoError {
            io_error,
            ..
        }) => io_error.to_string(),
        TantivyError::IoError(io) => io.to_string(),
        e => e.to_string(),
    }
}

/// The length and magic number that end every tantivy file.
const FOOTER_MIN: u64 = 8;

/// Checks that every file of the committed segments is there, readable and intact, as `check`
/// says.
fn check_segment_files(
    index: &Index,
    dir: &Path,
    segments: &[tantivy::SegmentMeta],
    check: Check,
) -> Result<(), IndexError> {
    if segments.is_empty() {
        return Ok(());
    }
    // A segment listed twice is searched twice: every count would double, without an error.
    let mut ids: Vec<_> = segments.iter().map(|s| s.id()).collect();
    ids.sort();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(IndexError::Corrupt {
            dir: dir.to_path_buf(),
            reason: format!(
                "{META_FILE} lists segment {} twice",
                w[0].short_uuid_string()
            ),
        });
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| IndexError::from_io(dir, dir, "read", &e))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for segment in segments {
        let prefix = format!("{}.", segment.id().uuid_string());
        // Every segment of hria's schema has all of these (stored fields, a text field with
        // positions and norms, fast columns); only the delete file is optional. Other files
        // named after the segment (a copy, a backup) are not the index's and are not read.
        let mut files: Vec<String> = ["store", "term", "idx", "pos", "fieldnorm", "fast"]
            .iter()
            .map(|ext| format!("{prefix}{ext}"))
            .collect();
        if let Some(opstamp) = segment.delete_opstamp() {
            files.push(format!("{prefix}{opstamp}.del"));
        }
        for name in &files {
            if names.binary_search(name).is_err() {
                return Err(IndexError::Corrupt {
                    dir: dir.to_path_buf(),
                    reason: format!("file {name} is missing"),
                });
            }
        }
        for name in &files {
            let path = Path::new(name.as_str());
            // tantivy parses the footer of any file it opens, and panics on one shorter than
            // its length and magic number.
            let len = std::fs::metadata(dir.join(path))
                .map_err(|e| IndexError::from_io(dir, &dir.join(path), "read", &e))?
                .len();
            if len < FOOTER_MIN {
                return Err(IndexError::Corrupt {
                    dir: dir.to_path_buf(),
                    reason: format!("file {name} is damaged (truncated to {len} bytes)"),
                });
            }
            // tantivy's footer (opening through the managed directory parses it).
            let body = index
                .directory()
                .open_read(path)
                .map_err(|e| IndexError::tantivy(dir, e.into()))?;
            if name.ends_with(".store") {
                check_store_footer(&body).map_err(|problem| IndexError::Corrupt {
                    dir: dir.to_path_buf(),
                    reason: format!("file {name} is damaged ({problem})"),
                })?;
            }
            if check == Check::Footers {
                continue;
            }
            match index.directory().validate_checksum(path) {
                Ok(true) => {}
                Ok(false) => {
                    return Err(IndexError::Corrupt {
                        dir: dir.to_path_buf(),
                        reason: format!("file {name} is damaged (checksum mismatch)"),
                    })
                }
                Err(e) => {
                    return Err(match IndexError::tantivy(dir, e.into()) {
                        // A file that is not a tantivy file at all is damaged too.
                        IndexError::Tantivy { reason, .. } => IndexError::Corrupt {
                            dir: dir.to_path_buf(),
                            reason: format!("file {name}: {reason}"),
                        },
                        e => e,
                    });
                }
            }
        }
        if check == Check::Checksums {
            check_doc_count(index, dir, segment)?;
        }
    }
    Ok(())
}

/// Compares a segment's document count in `meta.json` with its norms file, which holds one
/// byte per document of each field with norms: tantivy trusts the count, and panics in a search
/// where it does not match. Only after the checksums, since the norms file is parsed.
fn check_doc_count(
    index: &Index,
    dir: &Path,
    segment: &tantivy::SegmentMeta,
) -> Result<(), IndexError> {
    let name = format!("{}.fieldnorm", segment.id().uuid_string());
    let damaged = |problem: String| IndexError::Corrupt {
        dir: dir.to_path_buf(),
        reason: format!("file {name} is damaged ({problem})"),
    };
    let file = index
        .directory()
        .open_read(Path::new(&name))
        .map_err(|e| IndexError::tantivy(dir, e.into()))?;
    let norms =
        tantivy::fieldnorm::FieldNormReaders::open(file).map_err(|e| damaged(short_error(&e)))?;
    let schema = index.schema();
    for (field, entry) in schema.fields() {
        if !entry.has_fieldnorms() {
            continue;
        }
        let Some(reader) = norms
            .get_field(field)
            .map_err(|e| damaged(short_error(&e)))?
        else {
            continue;
        };
        if reader.num_docs() != segment.max_doc() {
            return Err(IndexError::Corrupt {
                dir: dir.to_path_buf(),
                reason: format!(
                    "{META_FILE} counts {} documents in segment {}, its file {name} holds {}",
                    segment.max_doc(),
                    segment.id().short_uuid_string(),
                    reader.num_docs()
                ),
            });
        }
    }
    Ok(())
}

/// Checks the doc store's own footer, at the end of the store file's body (doc store version,
/// offset, compressor id, 15 reserved bytes), which tantivy parses with a panic on an unknown
/// version or compressor.
fn check_store_footer(body: &tantivy::directory::FileSlice) -> Result<(), String> {
    use tantivy::HasLen;
    const SIZE: usize = 28;
    let len = body.len();
    if len < SIZE {
        return Err("no doc store footer".into());
    }
    let bytes = body
        .read_bytes_slice(len - SIZE..len)
        .map_err(|e| e.to_string())?;
    let footer = bytes.as_slice();
    let version = u32::from_le_bytes([footer[0], footer[1], footer[2], footer[3]]);
    let mut offset = [0u8; 8];
    offset.copy_from_slice(&footer[4..12]);
    let offset = u64::from_le_bytes(offset);
    // Versions 1 and 2 exist; hria writes with tantivy's default features, whose compressors are
    // none (0) and lz4 (1).
    if !(1..=2).contains(&version) {
        return Err(format!("unknown doc store version {version}"));
    }
    if offset > (len - SIZE) as u64 {
        return Err("doc store offset past its end".into());
    }
    match footer[12] {
        0 | 1 => Ok(()),
        id => Err(format!("unknown compressor id {id}")),
    }
}

/// tantivy's memory-mapped directory, readable by users who may not write the index folder:
/// tantivy takes its meta lock (which opens a lock file for writing) to open a reader, and where
/// that is denied, this directory takes a shared lock on the file opened read-only instead (or
/// none, if the file cannot be opened), so that an index made by one user can be searched by
/// others who can read it.
#[derive(Clone, Debug)]
struct ReadableDirectory {
    inner: MmapDirectory,
    dir: PathBuf,
}

impl ReadableDirectory {
    fn open(dir: &Path) -> Result<ReadableDirectory, IndexError> {
        let inner = MmapDirectory::open(dir).map_err(|e| IndexError::tantivy(dir, e.into()))?;
        Ok(ReadableDirectory {
            inner,
            dir: dir.to_path_buf(),
        })
    }
}

impl Directory for ReadableDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> Result<std::sync::Arc<dyn tantivy::directory::FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), tantivy::directory::error::DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(
        &self,
        path: &Path,
    ) -> Result<tantivy::directory::WritePtr, tantivy::directory::error::OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        if path == Path::new(MANAGED_FILE) && !usable_managed_list(&self.dir.join(path)) {
            return Err(OpenReadError::FileDoesNotExist(path.to_path_buf()));
        }
        match self.inner.atomic_read(path) {
            // The managed list only tells a writer which files it may delete. tantivy writes it
            // private to its user while a run goes on (and leaves it so when the run is killed):
            // a reader of another user goes on without it, as if there were none; so does a
            // reader of a managed list that is a folder.
            Err(OpenReadError::IoError { io_error, .. })
                if path == Path::new(MANAGED_FILE)
                    && matches!(
                        io_error.kind(),
                        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::IsADirectory
                    ) =>
            {
                Err(OpenReadError::FileDoesNotExist(path.to_path_buf()))
            }
            // Nor does anyone need it whole: emptied or garbled (a disk that filled up, an
            // editor), it is read as none, and the next run writes it again.
            Ok(bytes) if path == Path::new(MANAGED_FILE) => match sanitized_managed_list(&bytes) {
                Some(list) => Ok(list),
                None => Err(OpenReadError::FileDoesNotExist(path.to_path_buf())),
            },
            read => read,
        }
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn watch(
        &self,
        watch_callback: tantivy::directory::WatchCallback,
    ) -> tantivy::Result<tantivy::directory::WatchHandle> {
        self.inner.watch(watch_callback)
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            // A reader that may not write the folder, or whose folder is on a read-only file
            // system (an index shipped on read-only media or mounted read-only), still reads.
            Err(LockError::IoError(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) && lock.filepath == META_LOCK.filepath =>
            {
                Ok(shared_read_lock(&self.dir.join(&lock.filepath)))
            }
            other => other,
        }
    }
}

/// A shared lock on a lock file opened read-only (blocking, as tantivy's meta lock is), or no
/// lock at all when the file cannot be opened.
fn shared_read_lock(path: &Path) -> DirectoryLock {
    let Ok(file) = std::fs::File::open(path) else {
        return DirectoryLock::from(Box::new(()));
    };
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: flock on a descriptor this function owns; it is released when `file` closes.
        unsafe {
            libc::flock(file.as_raw_fd(), libc::LOCK_SH);
        }
    }
    DirectoryLock::from(Box::new(file))
}

/// Opens an index for reading. Readers never take the writer lock, so they work while an
/// `hria index` run is in progress (they see the last commit).
///
/// The index is checked first ([`Check::Checksums`]): tantivy panics on some damage inside its
/// files (fast columns, field norms, the doc store), so a damaged index must be an
/// [`IndexError::Corrupt`] asking for `hria index --rebuild` before a query reads it.
///
/// An index without documents is an [`IndexError::Empty`]: created by a first run that has not
/// finished (readers never wait for a writer, nor touch its files), or every input of its runs
/// skipped. `hria index` opens such an index as any other, to fill it.
pub fn open_reader(dir: &Path) -> Result<IndexHandle, IndexError> {
    let (index, manifest, committed) = open_index_committed(dir, Check::Checksums)?;
    let empty = |committed| IndexError::Empty {
        dir: dir.to_path_buf(),
        committed,
    };
    if !committed {
        return Err(empty(false));
    }
    let fields = Fields::of(&index, dir)?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| IndexError::tantivy(dir, e))?;
    let searcher = reader.searcher();
    // Neither a passage nor a document's record (an index `hria index` writes has both or
    // neither).
    if searcher.num_docs() == 0 {
        return Err(empty(true));
    }
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

    /// A full disk is named as such however tantivy passes it on: as an I/O error, or as the
    /// text of one (its document store's errors).
    #[test]
    fn a_full_disk_is_named_in_every_form() {
        let dir = Path::new("idx");
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let text = std::io::Error::from_raw_os_error(28).to_string();
        let wrapped = std::io::Error::other(std::io::Error::from_raw_os_error(28));
        for e in [
            TantivyError::IoError(std::sync::Arc::new(full)),
            TantivyError::InternalError(text),
            TantivyError::IoError(std::sync::Arc::new(wrapped)),
        ] {
            let message = IndexError::tantivy(dir, e).to_string();
            assert_eq!(
                message,
                "cannot write idx: no space left on the device; free some space and run again"
            );
        }
        let other = TantivyError::InternalError("some other failure".into());
        assert!(matches!(
            IndexError::tantivy(dir, other),
            IndexError::Tantivy { .. }
        ));
    }

    #[test]
    fn a_store_without_a_listed_document_is_corrupt_and_read_only_is_said() {
        let dir = Path::new("idx");
        let lookup = TantivyError::InvalidArgument("Failed to lookup Doc #78.".into());
        let message = IndexError::tantivy(dir, lookup).to_string();
        assert!(message.starts_with("index idx is corrupt"), "{message}");
        assert!(message.contains("rebuild"), "{message}");
        let ro = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
        assert_eq!(
            IndexError::from_io(dir, dir, "write to", &ro).to_string(),
            "cannot write idx: the file system is read-only; index into a folder on a writable file system"
        );
    }

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
        let text =
            "我们禁止强迫劳动，尊重人权捍卫者与 Workers' rights (ILO)，whistle-blowers, FY2023。";
        let tokens = segmenter().tokens(text);
        assert!(tokens.len() > 6);
        let mut list = String::new();
        encode_terms(text, &tokens, &mut list);
        let decoded = terms_and_positions(TermListTokenizer.token_stream(&list));
        let all = segmenter().with_sub_words(text, tokens.clone());
        let expected = terms_and_positions(PreTokenizedStream::from(pre_tokenized(text, &all)));
        assert_eq!(decoded, expected);
        // Some term shares a position with the one before it: sub-words were kept, and so
        // were the closed compound and the year.
        assert!(decoded.windows(2).any(|w| w[0].1 == w[1].1));
        let at = |t: &str| decoded.iter().find(|d| d.0 == t).map(|d| d.1);
        assert_eq!(at("whistleblow"), at("blower"));
        assert_eq!(at("2023"), at("fy2023"));
    }

    /// An index in memory holding `records` (id and record), committed in one segment.
    fn index_of_records(records: &[(&str, &DocRecord)]) -> (Index, Fields) {
        let index = Index::create_in_ram(schema::schema());
        register_tokenizer(&index);
        let f = Fields::resolve(&index.schema()).unwrap();
        let mut w: tantivy::IndexWriter<doc::PassageDoc> =
            index.writer_with_num_threads(1, 15 << 20).unwrap();
        for (id, r) in records {
            w.add_document(doc::record_document(&f, id, r)).unwrap();
        }
        w.commit().unwrap();
        (index, f)
    }

    fn record(hash: &str, root: String, degraded: Option<String>) -> DocRecord {
        DocRecord {
            path: format!("{root}/x.md"),
            hash: hash.into(),
            inputs: format!("inputs of {hash}"),
            degraded,
            title: "标题".into(),
            lang: "zh".into(),
            root,
            passages: 3,
            ..Default::default()
        }
    }

    #[test]
    fn record_checks_come_from_the_columns_and_long_values_from_the_store() {
        let plain = record("h1", "/corpus".into(), None);
        let degraded = record(
            "h2",
            "/corpus".into(),
            Some("2 invalid byte sequences".into()),
        );
        // At the limit, the values go in the columns; past it (a value tantivy would cut at
        // 64 KiB), the record is checked from its JSON.
        let at_limit = record("h3", "r".repeat(schema::MAX_CHECK_VALUE), None);
        let long_root = record("h4", "根".repeat(30_000), None);
        let long_reason = record("h5", "/corpus".into(), Some("原因".repeat(30_000)));
        let records = [
            ("a.md", &plain),
            ("b.md", &degraded),
            ("c.md", &at_limit),
            ("d.md", &long_root),
            ("e.md", &long_reason),
        ];
        let (index, f) = index_of_records(&records);
        let searcher = index.reader().unwrap().searcher();
        let checks = RecordChecks::open(&searcher, &f).unwrap();
        let get = |id: &str| checks.get(id).unwrap();
        assert_eq!(get("a.md"), Some(plain.clone().into()));
        assert_eq!(get("b.md"), Some(degraded.clone().into()));
        assert_eq!(get("c.md"), Some(at_limit.clone().into()));
        assert_eq!(checks.store_reads(), 0);
        assert_eq!(get("d.md"), Some(long_root.clone().into()));
        assert_eq!(get("e.md"), Some(long_reason.clone().into()));
        assert_eq!(checks.store_reads(), 2);
        assert_eq!(get("missing.md"), None);
        let mut roots = Vec::new();
        checks
            .each_root(|id, root| roots.push((id.to_string(), root.to_string())))
            .unwrap();
        roots.sort();
        let expected: Vec<(String, String)> = records
            .iter()
            .map(|(id, r)| (id.to_string(), r.root.clone()))
            .collect();
        assert_eq!(roots, expected);
        assert_eq!(checks.store_reads(), 4);
        // The full record, for display, is the JSON, whatever the columns hold.
        assert_eq!(
            document_record(&searcher, &f, "d.md").unwrap(),
            Some(long_root)
        );
    }

    #[test]
    fn record_checks_skip_deleted_records_in_every_segment() {
        let a = record("h1", "/corpus".into(), None);
        let b = record("h2", "/other".into(), Some("why".into()));
        let c = record("h3", "/corpus".into(), None);
        let (index, f) = index_of_records(&[("a.md", &a), ("b.md", &b), ("c.md", &c)]);
        let mut w: tantivy::IndexWriter<doc::PassageDoc> =
            index.writer_with_num_threads(1, 15 << 20).unwrap();
        // Replaced in a second segment, as an incremental run replaces a changed document.
        let a2 = record("h1b", "/corpus".into(), Some("now degraded".into()));
        w.delete_term(tantivy::Term::from_field_text(f.record_id, "a.md"));
        w.add_document(doc::record_document(&f, "a.md", &a2))
            .unwrap();
        w.delete_term(tantivy::Term::from_field_text(f.record_id, "b.md"));
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let checks = RecordChecks::open(&searcher, &f).unwrap();
        assert_eq!(checks.get("a.md").unwrap(), Some(a2.into()));
        assert_eq!(checks.get("b.md").unwrap(), None);
        let mut ids = Vec::new();
        checks.each_root(|id, _| ids.push(id.to_string())).unwrap();
        ids.sort();
        assert_eq!(ids, ["a.md", "c.md"]);
        assert_eq!(checks.store_reads(), 0);
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
