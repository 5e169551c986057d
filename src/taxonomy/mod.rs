//! The rights taxonomy: instruments, rights, groups, themes, due-diligence elements, SDGs and
//! stances, each with Chinese and English keywords and rules. Built in (compiled from the data
//! files in `src/data/taxonomy/`) or loaded from an analyst's file with `--taxonomy FILE`.

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
    /// Weak keywords (either language): they count only with a cue in the same sentence or in
    /// the passage's section path. A plain weak keyword takes its cues from `cues`; a rule
    /// `"keyword | cue, cue"` has its own cues instead (see [`parse_weak`]).
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
    /// Entries that a match of this one also gives, with its score and evidence: the goal a
    /// right or group serves (`right/non-discrimination` implies `sdg/10`). One step only: an
    /// implied tag implies nothing further. Left out of the serialized entry when empty, so that
    /// a taxonomy without it keeps the hash it had before the field existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<String>,
}

/// A weak keyword as written in `weak`: the keyword and, for a rule `"keyword | cue, cue"`, its
/// own cues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeakRule<'a> {
    /// The weak keyword (trimmed).
    pub keyword: &'a str,
    /// The rule's own cues (trimmed), or `None` when the keyword uses the entry's `cues`.
    pub cues: Option<Vec<&'a str>>,
}

/// Parses a `weak` item: `"风电"` (confirmed by the entry's `cues`) or `"风电 | 装机, 发电量"`
/// (confirmed only by one of its own cues, in the same sentence or the section path). The error
/// says what is malformed: an empty keyword, a second `|`, no cue after `|` or an empty cue.
///
/// ```
/// use hria::taxonomy::parse_weak;
/// let r = parse_weak("风电 | 装机, 发电量").unwrap();
/// assert_eq!(r.keyword, "风电");
/// assert_eq!(r.cues, Some(vec!["装机", "发电量"]));
/// assert_eq!(parse_weak("风电").unwrap().cues, None);
/// assert!(parse_weak("风电 |").is_err());
/// ```
pub fn parse_weak(item: &str) -> Result<WeakRule<'_>, String> {
    let mut parts = item.split('|');
    let keyword = parts.next().unwrap_or("").trim();
    let cues = parts.next();
    if parts.next().is_some() {
        return Err(format!(
            "weak rule \"{item}\" has more than one `|`; write \"keyword | cue, cue\""
        ));
    }
    if keyword.is_empty() {
        return Err(format!("weak rule \"{item}\" has no keyword before `|`"));
    }
    let Some(cues) = cues else {
        return Ok(WeakRule {
            keyword,
            cues: None,
        });
    };
    if cues.trim().is_empty() {
        return Err(format!("weak rule \"{item}\" has no cue after `|`"));
    }
    let list: Vec<&str> = cues.split(',').map(str::trim).collect();
    if list.iter().any(|c| c.is_empty()) {
        return Err(format!(
            "weak rule \"{item}\" has an empty cue; separate cues with single commas"
        ));
    }
    Ok(WeakRule {
        keyword,
        cues: Some(list),
    })
}

/// A whole taxonomy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// Version string of the taxonomy data.
    pub version: String,
    /// BLAKE3 hash (hex) of its entries' content (not of the file's text: comments, line endings
    /// and the version string do not change it).
    #[serde(skip)]
    pub hash: String,
    /// The entries, in file order.
    #[serde(rename = "entry", default)]
    pub entries: Vec<Entry>,
}

/// An instrument as given, without surrounding space or slashes and without its `instrument/`
/// prefix in any case: `Instrument/UDHR` → `UDHR`.
pub fn instrument_short(given: &str) -> &str {
    const PREFIX: &str = "instrument/";
    let given = given.trim().trim_matches('/');
    match given.get(..PREFIX.len()) {
        Some(p) if p.eq_ignore_ascii_case(PREFIX) => &given[PREFIX.len()..],
        _ => given,
    }
}

impl Taxonomy {
    /// Looks an entry up by id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The instrument an analyst names: its id with or without `instrument/` in any case
    /// (`udhr`), one of its abbreviations (`ICC` is the Rome Statute, `C029` the ILO's), or its
    /// English or Chinese name or one of its title keywords (`Rome Statute`, `世界人權宣言`, in 《》 or not),
    /// compared after normalization. Earlier ways win, and a way that more than one instrument
    /// answers is passed over; `None` when none answers.
    pub fn find_instrument(&self, given: &str) -> Option<&Entry> {
        use crate::normalize::normalize_str;
        // A title as Chinese writes it, in its brackets (《世界人权宣言》).
        let given = given
            .trim()
            .trim_start_matches(['《', '〈'])
            .trim_end_matches(['》', '〉']);
        let short = instrument_short(given);
        // The prefix in any case or width, as the rest.
        let norm = normalize_str(given.trim().trim_matches('/'));
        let norm = norm.strip_prefix("instrument/").unwrap_or(&norm);
        let instruments = || {
            self.entries
                .iter()
                .filter(|e| e.id.starts_with("instrument/"))
        };
        fn unique(mut found: Vec<&Entry>) -> Option<&Entry> {
            found.dedup_by(|a, b| a.id == b.id);
            (found.len() == 1).then(|| found[0])
        }
        let id_of = |e: &Entry| e.id["instrument/".len()..].to_string();
        let ways: [&dyn Fn(&Entry) -> bool; 4] = [
            &|e| id_of(e) == short,
            &|e| normalize_str(&id_of(e)) == norm,
            &|e| e.abbr.iter().any(|a| normalize_str(a) == norm),
            &|e| {
                [&e.name_en, &e.name_zh]
                    .into_iter()
                    .chain(&e.en)
                    .chain(&e.zh)
                    .any(|k| normalize_str(k) == norm)
            },
        ];
        ways.iter()
            .find_map(|way| unique(instruments().filter(|e| way(e)).collect()))
    }

    /// The built-in taxonomy: the data files in `src/data/taxonomy/`, merged in the order of
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
        load::into_result(&crate::escape::printable_path(path), loaded)
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

    /// The indices of the entries an instrument `e` links that its own English or Chinese title
    /// names by one of their keywords: women for CEDAW, children for the CRC, torture for the CAT;
    /// not child labour for the CRC nor minorities for the convention on racial discrimination;
    /// nothing for an instrument of more than two links, a catalogue of rights. The tagger gives
    /// them to a passage naming the instrument by an abbreviation or another short name ("ratify
    /// CEDAW"), as its full title gives them where it is written.
    pub(crate) fn named_in_title(&self, e: &Entry) -> Vec<u32> {
        // A catalogue of rights names some of them ("Economic, Social and Cultural Rights"), which a
        // passage citing it is not about more than the others.
        if !e.id.starts_with("instrument/") || e.links.len() > 2 {
            return Vec::new();
        }
        let names = [
            crate::normalize::normalize_str(&e.name_en),
            crate::normalize::normalize_str(&e.name_zh),
        ];
        // A Latin keyword on word boundaries (plural s allowed), a Chinese one anywhere.
        let named = |kw: &str| {
            let kw = crate::normalize::normalize_str(kw);
            let latin = kw.is_ascii();
            !kw.trim().is_empty()
                && names.iter().any(|name| {
                    name.match_indices(kw.as_str()).any(|(i, m)| {
                        if !latin {
                            return true;
                        }
                        let rest = name[i + m.len()..]
                            .strip_prefix('s')
                            .unwrap_or(&name[i + m.len()..]);
                        !name[..i]
                            .chars()
                            .next_back()
                            .is_some_and(crate::lang::is_word_char)
                            && !rest.chars().next().is_some_and(crate::lang::is_word_char)
                    })
                })
        };
        let mut out = Vec::new();
        for link in &e.links {
            let Some(j) = self.entries.iter().position(|x| &x.id == link) else {
                continue;
            };
            let target = &self.entries[j];
            let subject = ["right/", "group/", "theme/"]
                .iter()
                .any(|p| target.id.starts_with(p));
            if subject && target.zh.iter().chain(&target.en).any(|k| named(k)) {
                out.push(j as u32);
            }
        }
        out
    }

    /// Entries whose `implies` names `id` itself (an implication is of one entry, not of its
    /// children).
    pub fn implied_by<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .filter(move |e| e.implies.iter().any(|i| i == id))
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
