//! The corpus manifest: `manifest.toml` in a corpus folder, with metadata per document.
//!
//! ```toml
//! [documents."reports/2023.zh.md"]
//! title = "2023 年人权报告"
//! organisation = "Example Co."
//! language = "zh"
//! kind = "report"
//! year = 2023
//! source = "https://example.com/report"
//! ```
//!
//! Keys are paths relative to the folder, `/`-separated, exactly as document ids are formed.

use crate::model::Lang;
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file name of a manifest.
pub const MANIFEST_FILE: &str = "manifest.toml";

/// The largest manifest read: 64 MiB, room for some 300,000 documents' entries.
pub const MAX_MANIFEST_BYTES: u64 = 64 << 20;

/// Metadata of one document, as written in the manifest. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// Title.
    #[serde(default, deserialize_with = "de_text")]
    pub title: Option<String>,
    /// Publishing organisation.
    #[serde(default, alias = "organization", deserialize_with = "de_text")]
    pub organisation: Option<String>,
    /// Language (`zh`, `en`, `other`, or a tag such as `zh-Hans`).
    #[serde(default, alias = "lang", deserialize_with = "de_lang")]
    pub language: Option<Lang>,
    /// Kind of document: statement, report, policy, code-of-conduct, ...
    #[serde(default, deserialize_with = "de_text")]
    pub kind: Option<String>,
    /// Year of publication.
    pub year: Option<i32>,
    /// Where it came from (URL or citation).
    #[serde(default, deserialize_with = "de_text")]
    pub source: Option<String>,
}

/// A text field, trimmed; blank is absent (a blank title falls back to the first heading).
fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    let t = s.trim();
    Ok((!t.is_empty()).then(|| t.to_string()))
}

/// `zh`, `en`, `other`, or any other language's code (`fr`, `es-MX`, `jpn`), which is `other`:
/// hria tells only Chinese and English apart, but a manifest names the language it has. Chinese
/// languages (`yue`, Cantonese; `nan`, Min Nan...) are `zh`; a country code taken for a language
/// (`cn`, `us`) is an error; a blank one is absent.
fn de_lang<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    let s = String::deserialize(d)?;
    let t = s.trim();
    // Blank is absent, as for the text fields: the language is detected.
    if t.is_empty() {
        return Ok(None);
    }
    let primary = t
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if [
        "yue", "wuu", "nan", "hak", "gan", "hsn", "cjy", "cdo", "cpx", "czh", "lzh", "mnp",
    ]
    .contains(&primary.as_str())
    {
        return Ok(Some(Lang::Zh));
    }
    if ["cn", "us", "gb", "hk", "jp", "au", "nz"].contains(&primary.as_str()) {
        return Err(serde::de::Error::custom(format!(
            "`{s}` is a country code, not a language (zh, en, fr... or other)"
        )));
    }
    let mut parts = t.split(['-', '_']);
    let code = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let is_tag = parts
        .next()
        .is_some_and(|p| code(p, 2..=3) && p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts.all(|p| code(p, 1..=8));
    match Lang::parse(t) {
        Some(l) => Ok(Some(l)),
        None if is_tag => Ok(Some(Lang::Other)),
        None => Err(serde::de::Error::custom(format!(
            "unknown language `{s}` (expected a language code such as zh, en or fr, or other)"
        ))),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default)]
    documents: BTreeMap<String, ManifestEntry>,
}

/// A parsed manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Where it was read from.
    pub path: PathBuf,
    entries: BTreeMap<String, Arc<ManifestEntry>>,
    /// Each key by its composed Unicode form (NFC), `None` where two keys share it: a key typed
    /// `é` names a file whose name a Mac stored decomposed, and the other way, where no key names
    /// it exactly.
    composed: HashMap<String, Option<String>>,
    /// Entries left out for a wrong value (`year = "2023"`): each costs its own document's
    /// metadata only, and is reported.
    pub problems: Vec<ManifestError>,
}

/// A manifest that could not be read or parsed; names the file and, for syntax and schema
/// errors, the line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The manifest file.
    pub path: PathBuf,
    /// 1-based line and column of the problem, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl ManifestError {
    /// The problem without the file name (`line 3, column 8: invalid manifest: ...`), for
    /// reports that show the path separately.
    pub fn describe(&self) -> String {
        match self.position {
            Some((line, col)) => format!("line {line}, column {col}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(
                    f,
                    "{}:{line}:{col}: {}",
                    crate::escape::printable_path(&self.path),
                    self.message
                )
            }
            None => write!(
                f,
                "{}: {}",
                crate::escape::printable_path(&self.path),
                self.message
            ),
        }
    }
}

impl std::error::Error for ManifestError {}

impl Manifest {
    /// Parses manifest text; `path` is only used in errors and kept in [`Manifest::path`].
    pub fn parse(path: &Path, text: &str) -> Result<Manifest, ManifestError> {
        let file: ManifestFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                let whole = ManifestError {
                    path: path.to_path_buf(),
                    position: e.span().map(|span| line_col(text, span.start)),
                    message: format!("invalid manifest: {}", e.message().trim_end()),
                };
                let at = e.span().map(|span| span.start);
                return Manifest::entry_by_entry(path, text, at).ok_or(whole);
            }
        };
        let mut problems = Vec::new();
        let entries = distinct_entries(path, text, file.documents, &mut problems);
        Ok(Manifest {
            path: path.to_path_buf(),
            composed: composed_keys(&entries),
            entries,
            problems,
        })
    }

    /// A manifest that is TOML of the right shape but with a wrong value in some entries: the
    /// other entries, and a problem for each wrong one. `None` when the file is not TOML, or has
    /// anything besides a `documents` table (a mistyped table name should not pass unseen).
    /// `first_error` is where parsing the whole file stopped: the wrong entry that holds it is
    /// placed there, the others at their key.
    fn entry_by_entry(path: &Path, text: &str, first_error: Option<usize>) -> Option<Manifest> {
        let table: toml::Table = toml::from_str(text).ok()?;
        if table.keys().any(|k| k != "documents") {
            return None;
        }
        let toml::Value::Table(documents) = table.get("documents")? else {
            return None;
        };
        // The entry's header (`[documents."a.md"]`), not a comment that names it.
        let key_at = |key: &str| {
            text.find(&format!("\"{key}\"]"))
                .or_else(|| text.find(&format!("documents.{key}]")))
                .or_else(|| text.find(&format!("\"{key}\"")))
        };
        // The entry whose key comes last before where the whole parse stopped.
        let failed = first_error.and_then(|at| {
            documents
                .keys()
                .filter_map(|k| Some((key_at(k)?, k)))
                .filter(|&(k_at, _)| k_at <= at)
                .max()
                .map(|(_, k)| k.clone())
        });
        let mut good = BTreeMap::new();
        let mut problems = Vec::new();
        for (key, value) in documents {
            match value.clone().try_into::<ManifestEntry>() {
                Ok(entry) => {
                    good.insert(key.clone(), entry);
                }
                Err(e) => problems.push(ManifestError {
                    path: path.to_path_buf(),
                    position: match first_error {
                        Some(at) if failed.as_ref() == Some(key) => Some(at),
                        _ => key_at(key),
                    }
                    .map(|at| line_col(text, at)),
                    message: format!(
                        "invalid manifest entry \"{}\": {}",
                        crate::escape::printable_id(key),
                        e.message().trim_end()
                    ),
                }),
            }
        }
        let entries = distinct_entries(path, text, good, &mut problems);
        (!problems.is_empty()).then(|| Manifest {
            path: path.to_path_buf(),
            composed: composed_keys(&entries),
            entries,
            problems,
        })
    }

    /// Reads `dir/manifest.toml`: `Ok(None)` when there is none; one over [`MAX_MANIFEST_BYTES`]
    /// is refused.
    pub fn find_in(dir: &Path) -> Result<Option<Manifest>, ManifestError> {
        let path = dir.join(MANIFEST_FILE);
        // A FIFO or a device would block the read or never end it.
        match std::fs::metadata(&path) {
            Ok(m) if !m.is_file() => {
                return Err(ManifestError {
                    path,
                    position: None,
                    message: "cannot read manifest: not a regular file".into(),
                })
            }
            // A manifest lists a few lines per document; a larger one is no manifest, and
            // parsing it would take several times its size in memory.
            Ok(m) if m.len() > MAX_MANIFEST_BYTES => {
                return Err(ManifestError {
                    path,
                    position: None,
                    message: format!(
                        "cannot read manifest: larger than {} MiB",
                        MAX_MANIFEST_BYTES >> 20
                    ),
                })
            }
            _ => {}
        }
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(ManifestError {
                    path,
                    position: None,
                    message: format!("cannot read manifest: {e}"),
                })
            }
        };
        let text = String::from_utf8(bytes).map_err(|e| ManifestError {
            path: path.clone(),
            position: None,
            message: format!(
                "manifest is not valid UTF-8 (at byte {})",
                e.utf8_error().valid_up_to()
            ),
        })?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        Manifest::parse(&path, text).map(Some)
    }

    /// The entry for a document id.
    pub fn get(&self, id: &str) -> Option<&Arc<ManifestEntry>> {
        self.key_for(id).and_then(|k| self.entries.get(k))
    }

    /// The key that names a document id: the same, or, failing that, the one of the same
    /// composed Unicode form.
    pub fn key_for<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        if self.entries.contains_key(id) {
            return Some(id);
        }
        self.composed
            .get(key_of(id).as_ref())
            .and_then(|k| k.as_deref())
    }

    /// All entries, by key.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Arc<ManifestEntry>)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// The entries by their normalized key. Keys written differently that name the same document
/// (`"a.md"` and `"./a.md"`) are reported, and none of them is used: which one was meant cannot
/// be told, and one silently replaced the other.
fn distinct_entries(
    path: &Path,
    text: &str,
    documents: BTreeMap<String, ManifestEntry>,
    problems: &mut Vec<ManifestError>,
) -> BTreeMap<String, Arc<ManifestEntry>> {
    let mut by_key: BTreeMap<String, Vec<(String, ManifestEntry)>> = BTreeMap::new();
    for (key, entry) in documents {
        by_key
            .entry(normalize_key(&key))
            .or_default()
            .push((key, entry));
    }
    let mut entries = BTreeMap::new();
    for (normalized, mut written) in by_key {
        if written.len() == 1 {
            if let Some((_, entry)) = written.pop() {
                entries.insert(normalized, Arc::new(entry));
            }
            continue;
        }
        // Placed at the key written last in the file.
        let at = written
            .iter()
            .filter_map(|(k, _)| {
                text.find(&format!("\"{k}\"]"))
                    .or_else(|| text.find(&format!("\"{k}\"")))
            })
            .max();
        let names: Vec<String> = written.iter().map(|(k, _)| format!("{k:?}")).collect();
        problems.push(ManifestError {
            path: path.to_path_buf(),
            position: at.map(|at| line_col(text, at)),
            message: format!(
                "duplicate manifest entries {} name the same document \"{}\"; none of them is used",
                names.join(" and "),
                crate::escape::printable_id(&normalized)
            ),
        });
    }
    entries
}

/// Each key by its composed form (see [`Manifest::key_for`]).
fn composed_keys(
    entries: &BTreeMap<String, Arc<ManifestEntry>>,
) -> HashMap<String, Option<String>> {
    let mut composed: HashMap<String, Option<String>> = HashMap::new();
    for k in entries.keys() {
        composed
            .entry(key_of(k).into_owned())
            .and_modify(|v| *v = None)
            .or_insert_with(|| Some(k.clone()));
    }
    composed
}

/// A path in composed Unicode form (NFC).
fn key_of(id: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(id.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(id),
        _ => std::borrow::Cow::Owned(id.nfc().collect()),
    }
}

/// Keys are compared to ids, which are `/`-separated paths without `.`, `..` or empty parts:
/// `./sub/./a.md`, `sub//a.md` and `sub/../sub/a.md` are `sub/a.md`. A path from the root stays
/// as written, and a `..` that leaves the folder stays (`sub/../../a.md` is `../a.md`), for the
/// message that they are outside it; a key that names the folder itself (`.`, `sub/..`) stays
/// as written, for the message that it names a folder.
fn normalize_key(key: &str) -> String {
    let key = key.trim().replace('\\', "/");
    if key.starts_with('/') {
        return key;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in key.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    // A folder named with its slash (`sub/`) stays one, for the message that names it.
    let slash = if key.ends_with('/') && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    if parts.is_empty() {
        return key;
    }
    format!("{}{slash}", parts.join("/"))
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key names its document however its path is spelt inside the folder.
    #[test]
    fn keys_are_paths_spelt_as_ids() {
        for (key, id) in [
            ("sub/a.md", "sub/a.md"),
            ("./sub/./a.md", "sub/a.md"),
            ("sub//a.md", "sub/a.md"),
            ("sub/../h.md", "h.md"),
            (" sub\\a.md ", "sub/a.md"),
            ("../a.md", "../a.md"),
            ("sub/../../a.md", "../a.md"),
            ("/etc/a.md", "/etc/a.md"),
            ("sub/", "sub/"),
            (".", "."),
            ("sub/..", "sub/.."),
        ] {
            assert_eq!(normalize_key(key), id, "{key}");
        }
    }

    /// A key names a file whose name is in another Unicode form where no key names it exactly;
    /// two keys that differ only so name their own files.
    #[test]
    fn keys_match_names_in_either_unicode_form() {
        let (nfc, nfd) = ("caf\u{e9}.md", "cafe\u{301}.md");
        let dir = tempfile::tempdir().unwrap();
        let write = |keys: &[(&str, &str)]| {
            let text: String = keys
                .iter()
                .map(|(k, t)| format!("[documents.\"{k}\"]\ntitle = \"{t}\"\n"))
                .collect();
            std::fs::write(dir.path().join(MANIFEST_FILE), text).unwrap();
            Manifest::find_in(dir.path()).unwrap().unwrap()
        };
        let title = |m: &Manifest, id: &str| m.get(id).and_then(|e| e.title.clone());
        let m = write(&[(nfc, "composed")]);
        assert_eq!(title(&m, nfd).as_deref(), Some("composed"));
        assert_eq!(m.key_for(nfd), Some(nfc));
        let m = write(&[(nfd, "decomposed")]);
        assert_eq!(title(&m, nfc).as_deref(), Some("decomposed"));
        let m = write(&[(nfc, "composed"), (nfd, "decomposed")]);
        assert_eq!(title(&m, nfc).as_deref(), Some("composed"));
        assert_eq!(title(&m, nfd).as_deref(), Some("decomposed"));
    }

    /// A manifest larger than any list of documents is refused by name, not read whole.
    #[test]
    fn an_oversized_manifest_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = std::fs::File::create(dir.path().join(MANIFEST_FILE)).unwrap();
        f.set_len(MAX_MANIFEST_BYTES + 1).unwrap();
        let e = Manifest::find_in(dir.path()).unwrap_err();
        assert!(e.message.contains("larger than 64 MiB"), "{}", e.message);
    }

    #[test]
    fn parses_entries_and_normalizes_keys() {
        let m = Manifest::parse(
            Path::new("m.toml"),
            "[documents.\"./a/b.md\"]\ntitle = \"B\"\nlanguage = \"zh-Hans\"\norganization = \"X\"\n",
        )
        .unwrap();
        let e = m.get("a/b.md").unwrap();
        assert_eq!(e.title.as_deref(), Some("B"));
        assert_eq!(e.language, Some(Lang::Zh));
        assert_eq!(e.organisation.as_deref(), Some("X"));
    }

    #[test]
    fn languages_by_any_code_chinese_ones_as_zh_and_country_codes_refused() {
        let text = "[documents.\"fr.md\"]\nlanguage = \"fr\"\n[documents.\"mx.md\"]\nlanguage = \"es-MX\"\n[documents.\"hk.md\"]\nlanguage = \"yue-Hant\"\n[documents.\"cn.md\"]\nlanguage = \"cn\"\n[documents.\"k.md\"]\nlanguage = \"klingon\"\n";
        let m = Manifest::parse(Path::new("m.toml"), text).unwrap();
        assert_eq!(m.get("fr.md").unwrap().language, Some(Lang::Other));
        assert_eq!(m.get("mx.md").unwrap().language, Some(Lang::Other));
        assert_eq!(m.get("hk.md").unwrap().language, Some(Lang::Zh));
        assert_eq!(m.get("cn.md"), None);
        assert_eq!(m.get("k.md"), None);
        assert!(
            m.problems[0].message.contains("country code"),
            "{}",
            m.problems[0]
        );
    }

    #[test]
    fn text_fields_are_trimmed_and_blank_ones_absent() {
        let m = Manifest::parse(
            Path::new("m.toml"),
            "[documents.\"a.md\"]\ntitle = \"  \"\norganisation = \" Contoso \"\nkind = \"report\\n\"\nsource = \"\"\nlanguage = \"  \"\n",
        )
        .unwrap();
        // A blank language is absent too: the entry keeps its other fields.
        assert!(m.problems.is_empty(), "{:?}", m.problems);
        let e = m.get("a.md").unwrap();
        assert_eq!(e.language, None);
        assert_eq!(e.title, None);
        assert_eq!(e.organisation.as_deref(), Some("Contoso"));
        assert_eq!(e.kind.as_deref(), Some("report"));
        assert_eq!(e.source, None);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        // A wrong value costs its entry only; the problem is placed at the value, or at the key
        // of an entry after the first wrong one.
        let text = "[documents.\"a.md\"]\ntitle = \"A\"\nyear = \"soon\"\n\n[documents.\"b.md\"]\ntitle = \"B\"\n\n[documents.\"c.md\"]\nyear = \"later\"\n";
        let m = Manifest::parse(Path::new("c/manifest.toml"), text).unwrap();
        assert_eq!(m.get("a.md"), None);
        assert_eq!(m.get("b.md").unwrap().title.as_deref(), Some("B"));
        let lines: Vec<_> = m.problems.iter().map(|e| e.position.map(|p| p.0)).collect();
        assert_eq!(lines, [Some(3), Some(8)]);
        let e = &m.problems[0];
        assert!(e.to_string().starts_with("c/manifest.toml:3:"), "{e}");
        assert!(e.message.contains("\"a.md\""), "{e}");

        let m =
            Manifest::parse(Path::new("m.toml"), "[documents.\"a.md\"]\ntitel = \"A\"\n").unwrap();
        let e = &m.problems[0];
        assert_eq!(e.position.map(|p| p.0), Some(2), "{e}");
        assert!(e.message.contains("titel"), "{e}");

        // A mistyped table name fails the whole file.
        let e = Manifest::parse(Path::new("m.toml"), "[document.\"a.md\"]\ntitle = \"A\"\n")
            .unwrap_err();
        assert!(e.message.contains("document"), "{e}");

        let e = Manifest::parse(Path::new("m.toml"), "[documents\ntitle = 1\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(1), "{e}");
    }

    #[test]
    fn keys_naming_the_same_document_are_reported_and_not_used() {
        let text = "[documents.\"a.md\"]\ntitle = \"A\"\n\n[documents.\"./a.md\"]\ntitle = \"Other\"\n\n[documents.\"b.md\"]\ntitle = \"B\"\n";
        let m = Manifest::parse(Path::new("m.toml"), text).unwrap();
        assert_eq!(m.get("a.md"), None);
        assert_eq!(m.get("b.md").unwrap().title.as_deref(), Some("B"));
        assert_eq!(m.problems.len(), 1, "{:?}", m.problems);
        let e = &m.problems[0];
        assert_eq!(e.position, Some((4, 12)), "{e}");
        assert_eq!(
            e.message,
            "duplicate manifest entries \"./a.md\" and \"a.md\" name the same document \"a.md\"; none of them is used"
        );
        // Also next to an entry with a wrong value.
        let text = format!("{text}[documents.\"c.md\"]\nyear = \"soon\"\n");
        let m = Manifest::parse(Path::new("m.toml"), &text).unwrap();
        assert_eq!(m.get("a.md"), None);
        assert_eq!(m.problems.len(), 2, "{:?}", m.problems);
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("ab\n中文x", 9), (2, 3));
        assert_eq!(line_col("ab\n中文x", 8), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
    }
}
