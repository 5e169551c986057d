//! The rights taxonomy: instruments, rights, groups, themes, due-diligence elements, SDGs and
//! stances, each with Chinese and English keywords and rules. Built in (compiled from the data
//! files in `data/taxonomy/`) or loaded from an analyst's file with `--taxonomy FILE`.

mod check;
mod load;

pub use check::{id_problem, Field, Problem, ProblemKind, PREFIXES};
pub use load::{
    load_builtin, load_file, load_str, Diagnostic, Loaded, TaxonomyError, BUILTIN_SOURCES,
    EXTENDS_BUILTIN,
};

use serde::{Deserialize, Serialize};
use std::path::Path;

/// Kind of an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InstrumentKind {
    /// A binding treaty or convention.
    Treaty,
    /// A declaration or set of standards without binding force.
    Declaration,
    /// A voluntary framework, initiative or set of principles for business.
    Framework,
}

/// One taxonomy entry (one tag id).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Hierarchical id, e.g. `instrument/ICCPR`, `right/labour/forced-labour`, `sdg/8`.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// What the entry means, for `taxonomy show` and for analysts.
    #[serde(default)]
    pub description: String,
    /// Instruments only: treaty, declaration or framework.
    #[serde(default)]
    pub instrument_kind: Option<InstrumentKind>,
    /// Latin abbreviations (ICCPR, ILO, UNGP): matched case-sensitively on word boundaries.
    #[serde(default)]
    pub abbr: Vec<String>,
    /// Chinese keywords; any one is enough. Simplified, half-width; Traditional and full-width
    /// text matches through normalization.
    #[serde(default)]
    pub zh: Vec<String>,
    /// English keywords; any one is enough. Lowercase; matched on word boundaries.
    #[serde(default)]
    pub en: Vec<String>,
    /// Weak keywords (either language): they count only with one of `cues` in the same sentence.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Cue words that confirm a weak keyword.
    #[serde(default)]
    pub cues: Vec<String>,
    /// Phrases that veto any keyword match they overlap (a word used in another sense).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// When true a match preceded by a negation in the same clause ("not", 未, 没有) does not count.
    #[serde(default)]
    pub negatable: bool,
    /// Instruments: the rights, groups and themes it protects (ids of other entries). A passage
    /// addressing one of them without naming the instrument *covers* it.
    #[serde(default)]
    pub links: Vec<String>,
}

/// A whole taxonomy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// Version string of the taxonomy data.
    pub version: String,
    /// BLAKE3 hash (hex) of the source text(s) it was loaded from.
    #[serde(skip)]
    pub hash: String,
    /// The entries, in file order.
    #[serde(rename = "entry", default)]
    pub entries: Vec<Entry>,
}

impl Taxonomy {
    /// Looks an entry up by id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The built-in taxonomy: the data files in `data/taxonomy/`, merged in the order of
    /// [`BUILTIN_SOURCES`].
    pub fn builtin() -> &'static Taxonomy {
        static BUILTIN: std::sync::OnceLock<Taxonomy> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The data is compiled in and checked by the test suite; failing here is a build bug.
            let loaded = load_builtin().unwrap_or_else(|e| panic!("built-in taxonomy: {e}"));
            load::into_result("built-in taxonomy", loaded)
                .unwrap_or_else(|e| panic!("built-in taxonomy: {e}"))
        })
    }

    /// Loads an analyst's taxonomy file. With `extends = "builtin"` at the top its entries are
    /// laid over the built-in taxonomy (an entry with a built-in id replaces it, new ids are
    /// added); without it the file replaces the built-in taxonomy. Errors name the file, the
    /// line and the entry; warnings (see [`ProblemKind::is_warning`]) do not fail.
    pub fn from_file(path: &Path) -> Result<Taxonomy, TaxonomyError> {
        let loaded = load_file(path)?;
        load::into_result(&path.display().to_string(), loaded)
    }

    /// Entries strictly under a prefix: `children("right/labour")` gives
    /// `right/labour/forced-labour`, ... (a trailing `/` is optional).
    pub fn children<'a>(&'a self, prefix: &str) -> impl Iterator<Item = &'a Entry> + 'a {
        let p = format!("{}/", prefix.trim_end_matches('/'));
        self.entries.iter().filter(move |e| e.id.starts_with(&p))
    }

    /// Ids that start with `prefix` as a string (`ids_with_prefix("instrument/")`), in order.
    pub fn ids_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .map(|e| e.id.as_str())
            .filter(move |id| id.starts_with(prefix))
    }

    /// Entries (instruments) whose `links` name `id` or one of its ancestors
    /// (a link to `right/labour` covers `right/labour/forced-labour`).
    pub fn linked_from<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| {
            e.links.iter().any(|l| {
                id == l
                    || (id.len() > l.len()
                        && id.starts_with(l.as_str())
                        && id.as_bytes()[l.len()] == b'/')
            })
        })
    }
}
