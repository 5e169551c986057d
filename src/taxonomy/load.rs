//! Loading taxonomies from TOML: the built-in data files and analysts' files, with the file and
//! line of every entry kept for error messages.

use super::check::{Field, Problem, ProblemKind};
use super::{Entry, Taxonomy};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The built-in data files, merged in this order (name, text).
pub const BUILTIN_SOURCES: [(&str, &str); 7] = [
    (
        "src/data/taxonomy/instruments.toml",
        include_str!("../data/taxonomy/instruments.toml"),
    ),
    (
        "src/data/taxonomy/rights.toml",
        include_str!("../data/taxonomy/rights.toml"),
    ),
    (
        "src/data/taxonomy/groups.toml",
        include_str!("../data/taxonomy/groups.toml"),
    ),
    (
        "src/data/taxonomy/themes.toml",
        include_str!("../data/taxonomy/themes.toml"),
    ),
    (
        "src/data/taxonomy/hrdd.toml",
        include_str!("../data/taxonomy/hrdd.toml"),
    ),
    (
        "src/data/taxonomy/sdg.toml",
        include_str!("../data/taxonomy/sdg.toml"),
    ),
    (
        "src/data/taxonomy/stance.toml",
        include_str!("../data/taxonomy/stance.toml"),
    ),
];

/// The only value `extends` accepts.
pub const EXTENDS_BUILTIN: &str = "builtin";

/// An error loading a taxonomy. Every variant names the file; problems in entries also name
/// the line and the entry id.
#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    /// The file could not be read.
    // The OS error is part of the message and deliberately not a `source`: callers that print
    // the error chain would show it twice.
    #[error(
        "{}: cannot read taxonomy: {error}",
        crate::escape::printable_path(file)
    )]
    Read {
        /// The file.
        file: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// The file holds no entry and does not extend the built-in taxonomy: it would tag nothing.
    #[error("{file}: no entries (add [[entry]] tables, or extends = \"builtin\" to add to the built-in taxonomy)")]
    NoEntries {
        /// The file.
        file: String,
    },
    /// The file is not valid TOML, or does not have the taxonomy's shape.
    #[error("{file}:{line}:{col}: syntax error: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// Line (1-based; 0 when unknown).
        line: usize,
        /// Column in chars (1-based; 0 when unknown).
        col: usize,
        /// The parser's message.
        message: String,
    },
    /// `extends` names something other than `builtin`.
    #[error("{file}:{line}: extends = \"{value}\": only \"builtin\" can be extended")]
    BadExtends {
        /// The file.
        file: String,
        /// Line of the `extends` key.
        line: usize,
        /// The value given.
        value: String,
    },
    /// The file parsed but some entries are invalid (warnings are not listed here).
    #[error("{file}: invalid taxonomy ({} problem(s)):\n{}", diagnostics.len(), list(diagnostics))]
    Invalid {
        /// The file.
        file: String,
        /// The problems, each with its file, line and entry.
        diagnostics: Vec<Diagnostic>,
    },
}

fn list(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| format!("  {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A problem located in a file: `file:line: entry `id`: what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the entry comes from.
    pub file: String,
    /// Line of the offending keyword, or of the entry's id (1-based; 0 when unknown).
    pub line: usize,
    /// The entry's id.
    pub id: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Diagnostic {
    /// True when the problem does not make the taxonomy unusable.
    pub fn is_warning(&self) -> bool {
        self.kind.is_warning()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: entry `{}`: {}",
            self.file, self.line, self.id, self.kind
        )
    }
}

/// A loaded taxonomy with everything its check found (errors and warnings).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The taxonomy.
    pub taxonomy: Taxonomy,
    /// Problems, in entry order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// The diagnostics that are errors, not warnings.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_warning())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    extends: Option<Spanned<String>>,
    #[serde(default)]
    entry: Vec<Entry>,
}

#[derive(Deserialize, Default)]
struct EntrySpans {
    #[serde(default)]
    id: Option<Spanned<String>>,
    #[serde(default)]
    abbr: Vec<Spanned<String>>,
    #[serde(default)]
    zh: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    weak: Vec<Spanned<String>>,
    #[serde(default)]
    cues: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    links: Vec<Spanned<String>>,
    #[serde(default)]
    implies: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct FileSpans {
    #[serde(default)]
    entry: Vec<Spanned<EntrySpans>>,
}

/// Where each entry starts and its id, read whatever the shape of its other values, to name
/// the entry that holds a value of the wrong type.
#[derive(Deserialize)]
struct EntryStarts {
    #[serde(default)]
    entry: Vec<Spanned<EntryId>>,
}

#[derive(Deserialize)]
struct EntryId {
    #[serde(default)]
    id: Option<toml::Value>,
}

/// Where an entry was defined.
#[derive(Debug, Clone, Default)]
struct Origin {
    file: String,
    line: usize,
    fields: HashMap<Field, Vec<usize>>,
}

impl Origin {
    fn line_of(&self, at: Option<(Field, usize)>) -> usize {
        at.and_then(|(f, k)| self.fields.get(&f).and_then(|v| v.get(k)).copied())
            .unwrap_or(self.line)
    }
}

/// 1-based line and column (in chars) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The 1-based line of a byte offset, as [`line_col`] counts it, by binary search in the
/// text's line starts.
fn line_finder(text: &str) -> impl Fn(usize) -> usize {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    move |at| starts.partition_point(|&s| s <= at)
}

struct Parsed {
    version: Option<String>,
    extends: Option<(String, usize)>,
    entries: Vec<Entry>,
    origins: Vec<Origin>,
}

fn parse(name: &str, text: &str) -> Result<Parsed, TaxonomyError> {
    // A JSON file given for the TOML one fails on its first char: said so, as the parser's
    // "expected key" does not.
    // (A TOML table header opens with `[` too, but a name follows it: `[[entry]]`, `["entry"]`.)
    let json = {
        let t = text.trim_start();
        t.starts_with('{')
            || t.strip_prefix('[')
                .is_some_and(|r| r.trim_start().starts_with(['{', ']']))
    };
    let syntax = |e: toml::de::Error| {
        let (line, col) = e.span().map_or((0, 0), |s| line_col(text, s.start));
        let mut message = e.message().trim().to_string();
        if json {
            message.push_str(" (this looks like JSON: a taxonomy file is TOML; see the README's Taxonomy section for its shape)");
        }
        TaxonomyError::Syntax {
            file: name.to_string(),
            line,
            col,
            message,
        }
    };
    let doc: FileDoc = toml::from_str(text).map_err(|e| {
        // Valid TOML of the wrong shape (a missing name, a number for a keyword, a string for
        // a list): the entry it is in is named, as for every other problem of an entry. That
        // is the last entry starting before the error: the values of an `[[entry]]` table are
        // not within the span of its header.
        let mut err = syntax(e.clone());
        let entry = e
            .span()
            .zip(toml::from_str::<EntryStarts>(text).ok())
            .and_then(|(at, starts)| {
                starts
                    .entry
                    .into_iter()
                    .take_while(|s| s.span().start <= at.start)
                    .last()
            });
        let id = entry.and_then(|s| s.into_inner().id?.as_str().map(str::to_string));
        if let (Some(id), TaxonomyError::Syntax { message, .. }) = (id, &mut err) {
            *message = format!("entry `{id}`: {message}");
        }
        err
    })?;
    let spans: FileSpans = toml::from_str(text).map_err(syntax)?;
    // Every keyword records its line: counting newlines from the top for each was quadratic and
    // a tenth of `hria tag`'s start-up on the built-in taxonomy.
    let line_of = line_finder(text);
    let mut origins = Vec::with_capacity(doc.entry.len());
    for i in 0..doc.entry.len() {
        let mut o = Origin {
            file: name.to_string(),
            ..Origin::default()
        };
        if let Some(s) = spans.entry.get(i) {
            let start = s
                .get_ref()
                .id
                .as_ref()
                .map_or(s.span().start, |id| id.span().start);
            o.line = line_of(start);
            let e = s.get_ref();
            for (field, list) in [
                (Field::Abbr, &e.abbr),
                (Field::Zh, &e.zh),
                (Field::En, &e.en),
                (Field::Weak, &e.weak),
                (Field::Cues, &e.cues),
                (Field::Exclude, &e.exclude),
                (Field::Links, &e.links),
                (Field::Implies, &e.implies),
            ] {
                let lines = list.iter().map(|k| line_of(k.span().start)).collect();
                o.fields.insert(field, lines);
            }
        }
        origins.push(o);
    }
    let extends = doc
        .extends
        .map(|s| (s.get_ref().clone(), line_of(s.span().start)));
    Ok(Parsed {
        version: doc.version,
        extends,
        entries: doc.entry,
        origins,
    })
}

/// Entries and where each came from, before checking.
struct Assembly {
    version: String,
    entries: Vec<Entry>,
    origins: Vec<Origin>,
}

impl Assembly {
    fn new() -> Self {
        Assembly {
            version: String::new(),
            entries: Vec::new(),
            origins: Vec::new(),
        }
    }

    /// Appends every entry (duplicates are kept, so that the check reports them).
    fn append(&mut self, p: Parsed) {
        self.entries.extend(p.entries);
        self.origins.extend(p.origins);
    }

    /// Overlays `p`: an entry whose id is already there replaces it, others are appended.
    fn overlay(&mut self, p: Parsed) {
        let base: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut replaced = HashSet::new();
        for (e, o) in p.entries.into_iter().zip(p.origins) {
            match base.get(&e.id) {
                // A second entry with the same id in the overlay stays a duplicate.
                Some(&i) if replaced.insert(e.id.clone()) => {
                    self.entries[i] = e;
                    self.origins[i] = o;
                }
                _ => {
                    self.entries.push(e);
                    self.origins.push(o);
                }
            }
        }
    }

    fn finish(self) -> Loaded {
        let taxonomy = Taxonomy {
            version: self.version,
            hash: content_hash(&self.entries),
            entries: self.entries,
        };
        let diagnostics = locate(&taxonomy, &self.origins, taxonomy.check());
        Loaded {
            taxonomy,
            diagnostics,
        }
    }
}

/// BLAKE3 hash (hex) of what the entries say to the tagger, not of how a file writes them: line
/// endings, comments, spacing, the version string, names and descriptions leave it as it is, so
/// that an index is taken as tagged with the taxonomy in use when tagging with it gives the same
/// tags.
fn content_hash(entries: &[Entry]) -> String {
    let mut h = blake3::Hasher::new();
    for e in entries {
        let e = Entry {
            name_en: String::new(),
            name_zh: String::new(),
            description: String::new(),
            ..e.clone()
        };
        // Serializing an entry of strings and lists cannot fail.
        if let Ok(bytes) = serde_json::to_vec(&e) {
            h.update(&bytes);
            h.update(b"\n");
        }
    }
    h.finalize().to_hex().to_string()
}

fn locate(t: &Taxonomy, origins: &[Origin], problems: Vec<Problem>) -> Vec<Diagnostic> {
    let unknown = Origin {
        file: "<taxonomy>".into(),
        ..Origin::default()
    };
    problems
        .into_iter()
        .map(|p| {
            let o = origins.get(p.entry).unwrap_or(&unknown);
            let mut kind = p.kind;
            if let ProblemKind::DuplicateId {
                first_entry,
                first_line,
            } = &mut kind
            {
                *first_line = origins.get(*first_entry).map_or(0, |f| f.line);
            }
            Diagnostic {
                file: o.file.clone(),
                line: o.line_of(p.at),
                id: t
                    .entries
                    .get(p.entry)
                    .map_or_else(String::new, |e| e.id.clone()),
                kind,
            }
        })
        .collect()
}

fn builtin_assembly() -> Result<Assembly, TaxonomyError> {
    let mut a = Assembly::new();
    for (name, text) in BUILTIN_SOURCES {
        let p = parse(name, text)?;
        if a.version.is_empty() {
            if let Some(v) = &p.version {
                a.version = v.clone();
            }
        }
        a.append(p);
    }
    Ok(a)
}

/// Loads the built-in taxonomy with its diagnostics (for tests and `taxonomy check`).
pub fn load_builtin() -> Result<Loaded, TaxonomyError> {
    Ok(builtin_assembly()?.finish())
}

/// Loads a taxonomy from TOML text; `name` is used in messages. With `extends = "builtin"` the
/// entries are laid over the built-in taxonomy (same id replaces, new ids are added);
/// otherwise the file is the whole taxonomy and must hold at least one entry. Fails when the
/// text does not parse or such a file has no entry; the entries' problems are in
/// [`Loaded::diagnostics`].
pub fn load_str(name: &str, text: &str) -> Result<Loaded, TaxonomyError> {
    let p = parse(name, text)?;
    let mut a = match &p.extends {
        None if p.entries.is_empty() => {
            return Err(TaxonomyError::NoEntries {
                file: name.to_string(),
            })
        }
        None => Assembly::new(),
        Some((v, _)) if v == EXTENDS_BUILTIN => builtin_assembly()?,
        Some((v, line)) => {
            return Err(TaxonomyError::BadExtends {
                file: name.to_string(),
                line: *line,
                value: v.clone(),
            })
        }
    };
    a.version = match (&p.version, p.extends.is_some()) {
        (Some(v), _) => v.clone(),
        (None, true) => format!("{}+custom", a.version),
        (None, false) => "custom".to_string(),
    };
    if p.extends.is_some() {
        a.overlay(p);
    } else {
        a.append(p);
    }
    Ok(a.finish())
}

/// Opens `path` for reading without waiting for a writer: a named pipe nobody writes to reads as
/// empty (an error then) instead of blocking for ever, while a pipe being written (`<(…)`) is
/// read to its end.
fn open_not_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        use std::os::unix::io::AsRawFd;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)?;
        // Blocking again for the reads: a writer that is slow to start is waited for.
        let fd = file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this function owns, with flags it read from it.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        std::fs::File::open(path)
    }
}

/// The largest taxonomy file read: the built-in one is about 0.2 MB.
const MAX_TAXONOMY_BYTES: u64 = 64 << 20;

/// Reads and loads a taxonomy file (see [`load_str`]).
pub fn load_file(path: &Path) -> Result<Loaded, TaxonomyError> {
    let read_error = |error| TaxonomyError::Read {
        file: path.to_path_buf(),
        error,
    };
    if std::fs::metadata(path).map_err(read_error)?.is_dir() {
        return Err(read_error(std::io::Error::other("a folder")));
    }
    // Read to a bound, so that a device (/dev/zero) cannot fill the memory; a pipe (`<(…)`,
    // /dev/stdin) is read as a file is.
    let file = open_not_waiting(path).map_err(read_error)?;
    let bytes = crate::ingest::read_up_to(file, MAX_TAXONOMY_BYTES, 0)
        .map_err(read_error)?
        .map_err(|_| {
            read_error(std::io::Error::other(format!(
                "more than {MAX_TAXONOMY_BYTES} bytes, too large for a taxonomy file"
            )))
        })?;
    let name = crate::escape::printable_path(path);
    // A file saved as UTF-16 (Windows editors' "Unicode") is read by its byte-order mark, as
    // corpus files are.
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_with_bom_removal(&bytes);
            if !had_errors {
                return load_str(&name, &text);
            }
        }
    }
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&bytes);
    // A NUL is valid UTF-8, but no text holds one: ASCII saved as UTF-16 without a byte-order
    // mark has one in every other byte, and read as UTF-8 gave a syntax error of its own.
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        // Counted on the bytes before it: a lossy decoding of them may be longer.
        let before = String::from_utf8_lossy(&bytes[..at]);
        let (line, col) = line_col(&before, before.len());
        return Err(TaxonomyError::Syntax {
            file: name,
            line,
            col,
            message: "a NUL byte: not UTF-8 text (saved as UTF-16 without a byte-order mark, or a binary file?); save the file as UTF-8".into(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
        TaxonomyError::Syntax {
            file: name.clone(),
            line,
            col,
            message: "not UTF-8 text (saved in another encoding, such as GB18030 or Big5?); save the file as UTF-8".into(),
        }
    })?;
    load_str(&name, text)
}

/// Turns a load with error diagnostics into an error.
pub(crate) fn into_result(name: &str, loaded: Loaded) -> Result<Taxonomy, TaxonomyError> {
    let errors: Vec<Diagnostic> = loaded.errors().cloned().collect();
    if errors.is_empty() {
        Ok(loaded.taxonomy)
    } else {
        Err(TaxonomyError::Invalid {
            file: name.to_string(),
            diagnostics: errors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_the_wrong_type_names_its_entry() {
        let head = "[[entry]]\nid = \"theme/a\"\nname_en = \"A\"\nname_zh = \"甲\"\n";
        let second = "\n[[entry]]\nid = \"theme/b\"\nname_en = \"B\"\nname_zh = \"乙\"\n";
        for (text, expected) in [
            // A number in a keyword list, of the second entry.
            (
                format!("{head}zh = [\"甲乙\"]\n{second}zh = [1]\n"),
                "t.toml:11:7: syntax error: entry `theme/b`: invalid type: integer `1`, expected a string",
            ),
            // A string where a list belongs.
            (
                format!("{head}zh = \"甲乙\"\n"),
                "t.toml:5:6: syntax error: entry `theme/a`: invalid type: string \"甲乙\", expected a sequence",
            ),
            // A value of another type after the lists.
            (
                format!("{head}zh = [\"甲乙\"]\nnegatable = \"yes\"\n"),
                "t.toml:6:13: syntax error: entry `theme/a`: invalid type: string \"yes\", expected a boolean",
            ),
        ] {
            let err = load_str("t.toml", &text).unwrap_err();
            assert_eq!(err.to_string(), expected);
        }
        // A JSON file given for the TOML one is said to be one; a TOML table header is not.
        for json in ["{\"entry\": []}", "[\n {\"id\": \"theme/a\"}]"] {
            let err = load_str("t.json", json).unwrap_err().to_string();
            assert!(err.contains("this looks like JSON"), "{err}");
        }
        for toml in [
            format!("{head}zh = 1\n"),
            "[\"entry\"]\nid = 1\n".to_string(),
        ] {
            if let Err(err) = load_str("t.toml", &toml) {
                assert!(!err.to_string().contains("JSON"), "{err}");
            }
        }
        // Before any entry, no entry is named.
        let err = load_str("t.toml", &format!("version = 1\n{head}zh = [\"甲乙\"]\n")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.toml:1:11: syntax error: invalid type"),
            "{err}"
        );
    }

    #[test]
    fn line_finder_agrees_with_line_col() {
        let text = "a\n\n中文\r\nb = 1\nlast";
        let line_of = line_finder(text);
        for at in 0..=text.len() + 2 {
            assert_eq!(line_of(at), line_col(text, at).0, "offset {at}");
        }
    }
}
