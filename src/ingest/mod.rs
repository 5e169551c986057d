//! Ingestion: walk paths, read bytes, detect and decode the encoding, skip what is not a
//! document (with a reason), and attach manifest metadata.
//!
//! [`walk`] lists the candidate documents without reading them; [`load`] reads and decodes one
//! candidate and is safe to call from many threads; [`load_all`] does both, in parallel.

mod decode;
mod manifest;
mod title;
mod walk;

pub use manifest::{Manifest, ManifestEntry, ManifestError, MANIFEST_FILE};
pub(crate) use walk::is_hidden;

use crate::model::{DocMeta, Document, Format};
use encoding_rs::Encoding;
use rayon::prelude::*;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Options for reading a corpus.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Follow symlinks and read hidden files.
    pub follow: bool,
    /// Read hidden files and folders (names starting with `.`).
    pub hidden: bool,
    /// An explicit encoding label (`--encoding`), used when there is no BOM.
    pub encoding: Option<String>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            follow: false,
            hidden: false,
            encoding: None,
            max_file_size: 64 << 20,
        }
    }
}

impl IngestOptions {
    /// Checks the options before a batch: an unknown encoding label is an error here rather
    /// than a skip of every file.
    pub fn validate(&self) -> Result<(), IngestError> {
        match &self.encoding {
            Some(label) => encoding_for_label(label).map(|_| ()),
            None => Ok(()),
        }
    }
}

/// Errors that stop a batch before it starts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// `--encoding` named an encoding that is not known.
    #[error("unknown encoding label `{0}` (try utf-8, gb18030, gbk, big5, utf-16le, utf-16be)")]
    UnknownEncoding(String),
}

/// The encoding for a WHATWG label (`gbk`, `GB18030`, `big5`, `utf-16le`, `latin1`, ...).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, IngestError> {
    match Encoding::for_label(label.as_bytes()) {
        // The "replacement" encoding decodes everything to one U+FFFD: never what a user means.
        Some(enc) if enc != encoding_rs::REPLACEMENT => Ok(enc),
        _ => Err(IngestError::UnknownEncoding(label.to_string())),
    }
}

/// What kind of problem a [`Skip`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipKind {
    /// The path could not be opened, read or listed (the reason carries the OS error), or is
    /// a broken symlink.
    Io,
    /// The extension is not one hria reads.
    Unsupported,
    /// A symlink, not followed because following was not asked for.
    Symlink,
    /// A symlink pointing back to a folder above it, reported instead of followed.
    SymlinkLoop,
    /// A FIFO, socket or device.
    NotRegular,
    /// Larger than the size limit.
    TooLarge,
    /// Contains NUL bytes (and is not UTF-16), or mostly control characters, or joins text in
    /// UTF-8 to text in UTF-16.
    Binary,
    /// No bytes, or only whitespace once decoded.
    Empty,
    /// The encoding option named an unknown encoding.
    Encoding,
    /// A manifest that could not be used (the documents are still read, without its metadata),
    /// or a manifest entry that matches no file.
    Manifest,
    /// Read, but damaged: invalid byte sequences were replaced, the encoding was guessed from
    /// little evidence that another encoding reads as well, `--encoding` garbled a valid UTF-8
    /// file, or markup left open hides the rest of the file (the document is not skipped).
    Degraded,
    /// Another file already gave a document with the same id in this run. No longer produced:
    /// [`walk`] makes ids unique; kept so that the kinds reported stay stable.
    Duplicate,
}

/// A file that was found but not read, or read with damage, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skip {
    /// The path.
    pub path: PathBuf,
    /// Human-readable reason (`binary file (NUL byte at offset 12)`, `empty file`, ...).
    pub reason: String,
    /// The kind of problem.
    pub kind: SkipKind,
}

impl Skip {
    /// A document read whole in which segmentation found no passage: all its text was markup,
    /// a comment or a script. Reported as an empty file is, so that nothing is lost in silence.
    pub fn no_text(path: PathBuf) -> Skip {
        Skip::new(
            path,
            SkipKind::Empty,
            "no text: everything in it is markup (a comment, a script, a style or the like)".into(),
        )
    }

    /// A skip of `path` for `reason`.
    pub fn new(path: PathBuf, kind: SkipKind, reason: String) -> Skip {
        Skip { path, reason, kind }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            crate::escape::printable_path(&self.path),
            self.reason
        )
    }
}

/// One input found by the walk: a readable candidate document, with the id it will get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Path on disk.
    pub path: PathBuf,
    /// Document id (path relative to the root it was found under, `/`-separated).
    pub id: String,
    /// Format from the extension.
    pub format: Format,
    /// Its manifest entry, if the manifest of its root has one.
    pub meta: Option<Arc<ManifestEntry>>,
    /// The path given on the command line it was found under: a folder, or the file itself.
    /// Ids that collide across roots are qualified by the folder's name (for a file, by the name
    /// of the folder holding it). Shared by the candidates of one root.
    pub root: Arc<Path>,
}

impl Candidate {
    /// A candidate without manifest metadata, as for a file given directly.
    pub fn new(path: PathBuf, id: String, format: Format) -> Candidate {
        Candidate {
            root: Arc::from(path.as_path()),
            path,
            id,
            format,
            meta: None,
        }
    }

    /// A fingerprint of what, besides its bytes, decides the document read from this candidate:
    /// its manifest entry and the encoding option. Incremental indexing compares it with the
    /// one recorded, so that a changed title or `--encoding` re-reads the document.
    pub fn inputs_hash(&self, opts: &IngestOptions) -> String {
        let encoding = opts
            .encoding
            .as_deref()
            .map(|l| encoding_for_label(l).map_or(l, |e| e.name()));
        let key = serde_json::json!({
            "meta": self.meta.as_deref(),
            "encoding": encoding,
        });
        blake3::hash(key.to_string().as_bytes())
            .to_hex()
            .to_string()
    }
}

/// Walks `paths` in a deterministic order and returns the candidate documents and the skipped paths.
///
/// Folders are walked recursively, siblings sorted by file name; files are not opened (only each
/// root's `manifest.toml` is read). Hidden entries are left out silently unless `opts.hidden`;
/// symlinks inside a folder are reported unless `opts.follow` (paths given directly are always
/// followed). When two roots yield the same id, each of those documents is prefixed with its
/// root's folder name (`one/a.md`, `two/a.md`; more of the root's path if the names are the
/// same), so that a file gets the same id whatever the order of the roots; the same file reached
/// twice (through two roots, or a followed link) is listed once.
pub fn walk(paths: &[PathBuf], opts: &IngestOptions) -> (Vec<Candidate>, Vec<Skip>) {
    walk::walk(paths, opts)
}

/// `id` of a document found under `root`, qualified with the last `k` folder names of the root's
/// path (`corpus2/a.md` for `k` = 1; for a file root, of the folder holding it): for an id already
/// taken by a document of another root.
pub fn qualify_id(root: &Path, k: usize, id: &str) -> String {
    walk::qualify(root, k, id)
}

/// The `/`-separated id of a document at `rel`, a path relative to the folder it is found under.
pub fn relative_id(rel: &Path) -> String {
    walk::relative_id(rel)
}

/// Format from a file extension, if hria reads it.
pub fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "txt" => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// How much text language detection looks at: enough to tell, bounded for huge files.
const LANG_SAMPLE: usize = 8 << 10;

/// Reads and decodes one candidate. `Err` is a skip with its reason.
///
/// A document with invalid byte sequences is returned (`Ok`) with `replaced > 0`; see
/// [`degraded_reason`].
pub fn load(c: &Candidate, opts: &IngestOptions) -> Result<Document, Skip> {
    decode_bytes(c, read(c, opts)?, opts)
}

/// Reads the raw bytes of a candidate, up to `--max-file-size`, without blocking on what is not a
/// regular file (the first half of [`load`]: `hria index` hashes the bytes before decoding them).
pub fn read(c: &Candidate, opts: &IngestOptions) -> Result<Vec<u8>, Skip> {
    // A file found in a folder is read as the walk saw it: a link put in its place since is
    // not followed unless asked; a path given itself is.
    let no_follow = !opts.follow && *c.path != *c.root;
    read_limited(&c.path, opts.max_file_size, no_follow)
        .map_err(|(k, r)| Skip::new(c.path.clone(), k, r))
}

/// The content hash of a document's raw bytes (BLAKE3, hex): [`Document::hash`], and what
/// incremental indexing compares.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Decodes the raw bytes of a candidate already read into memory (what [`load`] does after
/// reading; `hria bench` times it on its own). `Err` is a skip with its reason.
pub fn decode_bytes(c: &Candidate, bytes: Vec<u8>, opts: &IngestOptions) -> Result<Document, Skip> {
    let hash = content_hash(&bytes);
    decode_hashed(c, bytes, hash, opts)
}

/// [`decode_bytes`] for bytes whose [`content_hash`] the caller has already computed.
pub fn decode_hashed(
    c: &Candidate,
    bytes: Vec<u8>,
    hash: String,
    opts: &IngestOptions,
) -> Result<Document, Skip> {
    let skip = |kind, reason: String| Skip::new(c.path.clone(), kind, reason);
    let forced = match &opts.encoding {
        Some(label) => {
            Some(encoding_for_label(label).map_err(|e| skip(SkipKind::Encoding, e.to_string()))?)
        }
        None => None,
    };
    if bytes.is_empty() {
        return Err(skip(SkipKind::Empty, "empty file (0 bytes)".into()));
    }
    let decoded = decode::decode(bytes, forced, c.format == Format::Html).map_err(|e| match e {
        decode::DecodeError::Binary { offset, utf16 } => {
            let hint = utf16.map_or(String::new(), |e| {
                let label = e.name().to_ascii_lowercase();
                format!(
                    "; if it is {} text without a byte-order mark, use --encoding {label}",
                    e.name()
                )
            });
            skip(
                SkipKind::Binary,
                format!("binary file (NUL byte at offset {offset}{hint})"),
            )
        }
        decode::DecodeError::Mixed { utf8, utf16 } => skip(
            SkipKind::Binary,
            format!(
                "mixed encodings (bytes {}..{} read as UTF-8 text, the rest as {}: a file of two \
                 encodings joined is not read)",
                utf8.start,
                utf8.end,
                utf16.name()
            ),
        ),
        decode::DecodeError::Controls { controls, chars } => skip(
            SkipKind::Binary,
            format!("binary file ({controls} of its {chars} characters are control characters)"),
        ),
    })?;
    // A UTF-8 BOM stays in the text (ranges are the file's bytes), but is no part of what it says.
    let body = decoded
        .text
        .strip_prefix('\u{FEFF}')
        .unwrap_or(&decoded.text);
    if body.trim().is_empty() {
        return Err(skip(SkipKind::Empty, "empty file (only whitespace)".into()));
    }
    // Zero-width spaces, BOMs and the like make no text either (segmentation drops them).
    if body
        .chars()
        .all(|c| c.is_whitespace() || crate::normalize::is_invisible(c))
    {
        return Err(skip(
            SkipKind::Empty,
            "empty file (only whitespace and invisible characters)".into(),
        ));
    }
    let entry = c.meta.as_deref().cloned().unwrap_or_default();
    let title = entry
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| title::title_of(body, c.format, &c.path));
    let lang = entry
        .language
        .unwrap_or_else(|| crate::lang::detect(&body[..body.floor_char_boundary(LANG_SAMPLE)]));
    Ok(Document {
        id: c.id.clone(),
        path: c.path.clone(),
        format: c.format,
        text: decoded.text,
        encoding: decoded.encoding.name().to_string(),
        encoding_source: decoded.source.as_str().to_string(),
        replaced: decoded.replaced,
        hash,
        lang,
        meta: DocMeta {
            title,
            organisation: entry.organisation,
            kind: entry.kind,
            year: entry.year,
            source: entry.source,
        },
    })
}

/// Reads a regular file of at most `limit` bytes, checking the size before reading.
fn read_limited(path: &Path, limit: u64, no_follow: bool) -> Result<Vec<u8>, (SkipKind, String)> {
    // Stat before opening: opening a FIFO would block.
    let meta = if no_follow {
        std::fs::symlink_metadata(path)
    } else {
        std::fs::metadata(path)
    }
    .map_err(|e| (SkipKind::Io, format!("cannot read: {e}")))?;
    let swapped = || {
        (
            SkipKind::Symlink,
            "a symbolic link put in place of the file after its folder was listed: not \
             followed (use --follow to read links)"
                .to_string(),
        )
    };
    if meta.is_symlink() {
        return Err(swapped());
    }
    if !meta.is_file() {
        return Err((SkipKind::NotRegular, "not a regular file".into()));
    }
    let too_large = |size: u64| {
        (
            SkipKind::TooLarge,
            format!("file too large ({size} bytes, limit {limit} bytes)"),
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file =
        std::fs::File::open(path).map_err(|e| (SkipKind::Io, format!("cannot open: {e}")))?;
    // What was opened is what was looked at, not a link swapped in between.
    #[cfg(unix)]
    if no_follow {
        use std::os::unix::fs::MetadataExt;
        let opened = file
            .metadata()
            .map_err(|e| (SkipKind::Io, format!("cannot read: {e}")))?;
        if (opened.dev(), opened.ino()) != (meta.dev(), meta.ino()) {
            // Replaced between the look and the open (a link, or a save by rename): read
            // nothing of it this run.
            return Err((
                SkipKind::Io,
                "the file changed while it was read (another file or a link put in its place); \
                 run again"
                    .to_string(),
            ));
        }
    }
    // The file may have grown since the stat: never read past the limit.
    match read_up_to(file, limit, meta.len()) {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(size)) => Err(too_large(size)),
        Err(e) => Err((SkipKind::Io, format!("cannot read: {e}"))),
    }
}

/// Reads `r` to its end, but never more than `limit` bytes: `Err(size)` (the bytes read, more
/// than the limit) when there is more. `expected` sizes the buffer.
pub(crate) fn read_up_to(
    r: impl Read,
    limit: u64,
    expected: u64,
) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    r.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > limit {
        Err(bytes.len() as u64)
    } else {
        Ok(bytes)
    })
}

/// Why a loaded document is degraded, if it is: invalid byte sequences replaced, or an
/// encoding guessed from little evidence that another encoding would have read as well.
pub fn degraded_reason(doc: &Document) -> Option<String> {
    let replaced = (doc.replaced > 0).then(|| {
        format!(
            "{} invalid byte sequence{} replaced with U+FFFD (decoded as {}, {})",
            doc.replaced,
            if doc.replaced == 1 { "" } else { "s" },
            doc.encoding,
            doc.encoding_source
        )
    });
    let guessed = (doc.encoding_source == decode::EncodingSource::Guessed.as_str()).then(|| {
        format!(
            "encoding guessed from little evidence: read as {}, but its bytes read as Chinese \
             in GB18030 as well (if it is Chinese, use --encoding gb18030)",
            doc.encoding
        )
    });
    let over_utf8 =
        (doc.encoding_source == decode::EncodingSource::OptionOverUtf8.as_str()).then(|| {
            format!(
                "read as {} as --encoding asked, but the file is valid UTF-8, which {} garbles; \
                 read it without --encoding",
                doc.encoding, doc.encoding
            )
        });
    let hidden = hidden_by_markup(&doc.text, doc.format).map(|(line, opener, bytes)| {
        format!(
            "an unclosed `{opener}` on line {line} hides the rest of the file ({bytes} bytes) \
             from reading; close it to read that text"
        )
    });
    let reasons: Vec<String> = [guessed, over_utf8, replaced, hidden]
        .into_iter()
        .flatten()
        .collect();
    (!reasons.is_empty()).then(|| reasons.join("; "))
}

/// Where markup left open hides the text after it: an HTML comment, or an element whose content
/// is never read (`<script>`, `<style>`, `<textarea>`, `<nav>`, `<svg>`, …), opened and never
/// closed, with words after it. The line it opens on, the opener as written, and how many bytes
/// follow. A browser hides most of that text too, but an analyst's converted report that
/// lost a `-->` or a `</script>` would otherwise lose its sections without a word.
///
/// Read as a parser reads: an opener inside a closed comment or script (`"<!--"` in a script's
/// string, `<nav>` in a comment) or a self-closing one (`<svg/>`) opens nothing. In Markdown only
/// what opens an HTML block reaching to its closer does: `<!--`, `<script`, `<style` or
/// `<textarea` at the start of a line, outside code; any other block ends at a blank line, and
/// markup inside a paragraph is text.
pub fn hidden_by_markup(text: &str, format: Format) -> Option<(usize, &'static str, usize)> {
    // (opener, closer, whether its content is raw text in which no markup opens)
    const OPENERS: &[(&str, &str, bool)] = &[
        ("<!--", "-->", true),
        ("<script", "</script", true),
        ("<style", "</style", true),
        ("<textarea", "</textarea", true),
        ("<title", "</title", true),
        ("<xmp", "</xmp", true),
        ("<iframe", "</iframe", true),
        ("<noembed", "</noembed", true),
        ("<noframes", "</noframes", true),
        ("<noscript", "</noscript", false),
        ("<template", "</template", false),
        ("<object", "</object", false),
        ("<svg", "</svg", false),
        ("<math", "</math", false),
        ("<nav", "</nav", false),
    ];
    const MARKDOWN: &[&str] = &["<!--", "<script", "<style", "<textarea"];
    if format == Format::Text || !text.contains('<') {
        return None;
    }
    // Case-folded bytes: tag names are written in any case; the positions stay the text's.
    let lower = text.to_ascii_lowercase();
    // Where each closer last stands: an opener after it is never closed.
    let last_close: Vec<Option<usize>> = OPENERS.iter().map(|o| lower.rfind(o.1)).collect();
    let mut pos = 0;
    // Lines and Markdown fences before the opener, counted as the scan moves on, so that a file
    // of many comments (a converter's `<!-- PageBreak -->` on every page) is read once.
    let (mut counted, mut line_start, mut fences) = (0, 0, 0usize);
    while let Some(i) = lower[pos..].find('<') {
        let at = pos + i;
        pos = at + 1;
        let Some((k, &(open, close, raw))) = OPENERS.iter().enumerate().find(|(_, o)| {
            lower[at..].starts_with(o.0)
                // A tag's name ends there (`<nav>`, `<nav class=…>`, not `<navigation>`).
                && (o.0 == "<!--"
                    || lower.as_bytes().get(at + o.0.len()).is_none_or(|&b| {
                        b == b'>' || b == b'/' || b.is_ascii_whitespace()
                    }))
        }) else {
            continue;
        };
        // A tag's end, looked for within a tag's length: `<nav` repeated without one stays linear.
        let near = lower.floor_char_boundary((at + 4096).min(lower.len()));
        let tag_end = lower[at..near].find('>').map(|e| at + e + 1);
        if format == Format::Markdown {
            if !MARKDOWN.contains(&open) {
                continue;
            }
            let seen = &text[counted..at];
            if let Some(nl) = seen.rfind('\n') {
                let lines_start = line_start;
                line_start = counted + nl + 1;
                fences += text[lines_start..line_start]
                    .lines()
                    .filter(|l| {
                        l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~")
                    })
                    .count();
            }
            counted = at;
            // Up to three spaces before it: a tab or more spaces make indented code.
            let indent = &text[line_start..at];
            if indent.len() > 3 || !indent.bytes().all(|b| b == b' ') || fences % 2 == 1 {
                continue;
            }
        } else if !raw && tag_end.is_some_and(|e| lower[..e].ends_with("/>")) {
            // `<svg … />` holds nothing.
            continue;
        }
        if last_close[k].is_none_or(|c| c < at) {
            return words_after(text, at, open);
        }
        if raw {
            // Nothing opens inside a comment or a script: read on after its closer.
            let from = if open == "<!--" {
                at + open.len()
            } else {
                tag_end.unwrap_or(at + 1)
            };
            if let Some(c) = lower[from..].find(close) {
                pos = from + c + close.len();
            }
        }
    }
    None
}

/// The report of [`hidden_by_markup`] for an opener at `at`, if words follow it outside tags:
/// a stray `<!--` before `</body></html>` hides nothing.
fn words_after(
    text: &str,
    at: usize,
    opener: &'static str,
) -> Option<(usize, &'static str, usize)> {
    let mut in_tag = false;
    let words = text[at + opener.len()..]
        .chars()
        .filter(|&c| {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ => {}
            }
            !in_tag && c.is_alphanumeric()
        })
        .take(20)
        .count();
    (words >= 20).then(|| {
        let line = text[..at].bytes().filter(|&b| b == b'\n').count() + 1;
        (line, opener, text.len() - at)
    })
}

/// A [`SkipKind::Degraded`] report for a degraded document, for listing with the skips.
pub fn degraded(doc: &Document) -> Option<Skip> {
    degraded_reason(doc).map(|r| Skip::new(doc.path.clone(), SkipKind::Degraded, r))
}

/// Walks `paths` and loads every candidate in parallel. Documents keep the walk order; the
/// skips (walk skips, load skips, then degraded documents) are sorted by path.
pub fn load_all(paths: &[PathBuf], opts: &IngestOptions) -> (Vec<Document>, Vec<Skip>) {
    let (candidates, mut skips) = walk(paths, opts);
    let results: Vec<Result<Document, Skip>> =
        candidates.par_iter().map(|c| load(c, opts)).collect();
    let mut docs = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(doc) => {
                skips.extend(degraded(&doc));
                docs.push(doc);
            }
            Err(skip) => skips.push(skip),
        }
    }
    skips.sort_by(|a, b| a.path.cmp(&b.path));
    (docs, skips)
}
