//! Validation of a taxonomy: id forms, keywords, links.

use super::{parse_weak, Entry, Taxonomy};
use crate::normalize::normalize_str;
use std::collections::HashMap;

/// The id prefixes (families) a taxonomy may use.
pub const PREFIXES: [&str; 7] = [
    "instrument",
    "right",
    "group",
    "theme",
    "hrdd",
    "sdg",
    "stance",
];

/// A keyword list of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `abbr`.
    Abbr,
    /// `zh`.
    Zh,
    /// `en`.
    En,
    /// `weak`.
    Weak,
    /// `cues`.
    Cues,
    /// `exclude`.
    Exclude,
    /// `links`.
    Links,
    /// `implies`.
    Implies,
}

impl Field {
    /// The field's name in the TOML file.
    pub fn name(self) -> &'static str {
        match self {
            Field::Abbr => "abbr",
            Field::Zh => "zh",
            Field::En => "en",
            Field::Weak => "weak",
            Field::Cues => "cues",
            Field::Exclude => "exclude",
            Field::Links => "links",
            Field::Implies => "implies",
        }
    }

    /// Every keyword list, in file order.
    pub const ALL: [Field; 8] = [
        Field::Abbr,
        Field::Zh,
        Field::En,
        Field::Weak,
        Field::Cues,
        Field::Exclude,
        Field::Links,
        Field::Implies,
    ];

    /// The list this field names in `entry`.
    pub fn of(self, entry: &Entry) -> &[String] {
        match self {
            Field::Abbr => &entry.abbr,
            Field::Zh => &entry.zh,
            Field::En => &entry.en,
            Field::Weak => &entry.weak,
            Field::Cues => &entry.cues,
            Field::Exclude => &entry.exclude,
            Field::Links => &entry.links,
            Field::Implies => &entry.implies,
        }
    }
}

/// What is wrong with an entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The id was already used by an earlier entry.
    #[error("duplicate id (first defined at line {first_line})")]
    DuplicateId {
        /// Index of the first entry with this id.
        first_entry: usize,
        /// Line of the first definition (0 when unknown).
        first_line: usize,
    },
    /// A link names no entry of the taxonomy.
    #[error("unknown id `{0}` in links")]
    UnknownLink(String),
    /// An implied id names no entry of the taxonomy.
    #[error("unknown id `{0}` in implies")]
    UnknownImplied(String),
    /// An empty or blank keyword.
    #[error("empty keyword in `{0}`")]
    EmptyKeyword(&'static str),
    /// No abbreviation, Chinese, English or weak keyword at all.
    #[error("no keyword at all (abbr, zh, en and weak are all empty)")]
    NoKeyword,
    /// The id does not have the form `prefix/segment[/segment...]`.
    #[error("bad id: {0}")]
    BadId(String),
    /// An English keyword with capitals (English keywords are matched against lowercased text).
    #[error("English keyword \"{keyword}\" in `{field}` is not lowercase; write \"{suggestion}\"")]
    NotLowercase {
        /// The field.
        field: &'static str,
        /// The keyword as written.
        keyword: String,
        /// The lowercase form.
        suggestion: String,
    },
    /// A keyword not written as the tagger reads it: in Traditional Chinese or full-width form
    /// (also an abbreviation, which is matched as written), or spaced otherwise than with
    /// single spaces, or with a space between two Han chars.
    #[error(
        "keyword \"{}\" in `{field}` is not in normalized form; write \"{suggestion}\"",
        shown(.keyword)
    )]
    NotNormalized {
        /// The field.
        field: &'static str,
        /// The keyword as written.
        keyword: String,
        /// The normalized form.
        suggestion: String,
    },
    /// A `weak` list without `cues`: the weak keywords could never count.
    #[error("weak keywords without cues never count")]
    WeakWithoutCues,
    /// A malformed weak rule (`"keyword | cue, cue"`).
    #[error("{0}")]
    BadWeakRule(String),
    /// A keyword with no letter, digit or Han char: it would match punctuation everywhere.
    #[error("keyword \"{keyword}\" in `{field}` has no letter or digit; it would match punctuation anywhere")]
    NoWordChar {
        /// The field.
        field: &'static str,
        /// The keyword as written.
        keyword: String,
    },
    /// Warning: a cue or an exclude with no letter or digit (`、`, `%`): it confirms or vetoes
    /// wherever that mark appears.
    #[error("warning: \"{keyword}\" in `{field}` has no letter or digit; it counts wherever that mark appears")]
    NoWordCue {
        /// The field.
        field: &'static str,
        /// The cue as written.
        keyword: String,
    },
    /// Warning: a keyword of one char (`的`, `a`), which matches inside most texts.
    #[error(
        "warning: keyword \"{keyword}\" in `{field}` is one character; it matches in most texts"
    )]
    OneChar {
        /// The field.
        field: &'static str,
        /// The keyword as written.
        keyword: String,
    },
    /// Warning: a keyword written twice in one entry's list, or twice once normalized.
    #[error("warning: keyword \"{keyword}\" in `{field}` is given twice")]
    DuplicateKeyword {
        /// The field.
        field: &'static str,
        /// The keyword as written.
        keyword: String,
    },
    /// The id differs from an earlier one only in case, width or Chinese script.
    #[error(
        "id differs from `{other}` only in case or width; ids are told apart by their letters"
    )]
    NearDuplicateId {
        /// The earlier id.
        other: String,
    },
    /// Links on an entry that is not an instrument, or to an entry an instrument cannot protect;
    /// or an `instrument_kind` on an entry that is not an instrument.
    #[error("{0}")]
    BadLink(String),
    /// Warning: the entry has no keyword in one language, so it never fires on text in it.
    #[error("warning: no {0} keyword; the entry never fires on {0} text")]
    MissingLanguage(&'static str),
}

impl ProblemKind {
    /// True for problems that do not make the taxonomy unusable.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            ProblemKind::MissingLanguage(_)
                | ProblemKind::OneChar { .. }
                | ProblemKind::DuplicateKeyword { .. }
                | ProblemKind::NoWordCue { .. }
                | ProblemKind::BadLink(_)
        )
    }
}

/// One problem found by [`Taxonomy::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Index of the entry in [`Taxonomy::entries`].
    pub entry: usize,
    /// The keyword list and the position in it, when the problem is about one keyword.
    pub at: Option<(Field, usize)>,
    /// What is wrong.
    pub kind: ProblemKind,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// A keyword as a one-line message shows it: control chars (a tab, a line break) escaped.
fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` spaced as text is once read: a run of whitespace inside it (a tab, a line break, a
/// no-break space, two spaces) is one space, and there is none between two Han chars, since
/// spaced-out ideographs (`人 权`) are read without their spaces and Chinese has none between
/// words. Whitespace at either end, which the tagger trims, stays as it is.
fn spaced(s: &str) -> String {
    let body = s.trim();
    let start = s.len() - s.trim_start().len();
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..start]);
    let mut chars = body.chars().peekable();
    let mut prev = None;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            let next = chars.peek().copied();
            if !(prev.is_some_and(is_han) && next.is_some_and(is_han)) {
                out.push(' ');
            }
        } else {
            out.push(c);
            prev = Some(c);
        }
    }
    out.push_str(&s[start + body.len()..]);
    out
}

/// Why `id` is not a valid id, if it is not.
pub fn id_problem(id: &str) -> Option<String> {
    if id.chars().any(char::is_whitespace) {
        return Some(format!("`{id}` contains whitespace"));
    }
    // A control char (NUL splits a facet path) or an invisible one would make an id that looks
    // like another, or breaks the index's tag paths.
    if let Some(c) = id
        .chars()
        .find(|&c| c.is_control() || crate::normalize::is_invisible(c))
    {
        return Some(format!(
            "{id:?} contains the invisible or control character {c:?}"
        ));
    }
    let Some((prefix, rest)) = id.split_once('/') else {
        return Some(format!(
            "`{id}` has no family prefix; write `family/name` with family one of {}",
            PREFIXES.join(", ")
        ));
    };
    if !PREFIXES.contains(&prefix) {
        return Some(format!(
            "unknown family `{prefix}`; use one of {}",
            PREFIXES.join(", ")
        ));
    }
    if rest.split('/').any(str::is_empty) {
        return Some(format!("`{id}` has an empty segment"));
    }
    None
}

impl Taxonomy {
    /// Validates the taxonomy: id forms, duplicate ids, links to unknown ids, empty keywords,
    /// entries without keywords, keywords not in normalized form (Traditional, full-width or
    /// capitals, a full-width abbreviation, whitespace other than single spaces, a space
    /// between Han chars: each is reported with the form to write). Warnings (see
    /// [`ProblemKind::is_warning`]) are included; an empty result means the taxonomy is clean.
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            let mut push = |at, kind| problems.push(Problem { entry: i, at, kind });
            if let Some(reason) = id_problem(&e.id) {
                push(None, ProblemKind::BadId(reason));
            }
            if let Some(&first) = seen.get(e.id.as_str()) {
                // The line is filled in by the loader, which knows where the first one was.
                push(
                    None,
                    ProblemKind::DuplicateId {
                        first_entry: first,
                        first_line: 0,
                    },
                );
            } else {
                seen.insert(&e.id, i);
            }
            for field in Field::ALL {
                let mut given = std::collections::HashSet::new();
                for (k, kw) in field.of(e).iter().enumerate() {
                    let at = Some((field, k));
                    if !given.insert(normalize_str(kw)) {
                        push(
                            at,
                            ProblemKind::DuplicateKeyword {
                                field: field.name(),
                                keyword: kw.clone(),
                            },
                        );
                        continue;
                    }
                    // Invisible chars are not matched (they fold away), so a keyword of only
                    // those is empty too.
                    if kw.chars().all(|c| {
                        c.is_whitespace() || c.is_control() || crate::normalize::is_invisible(c)
                    }) {
                        push(at, ProblemKind::EmptyKeyword(field.name()));
                        continue;
                    }
                    if field == Field::Weak {
                        if let Err(msg) = parse_weak(kw) {
                            push(at, ProblemKind::BadWeakRule(msg));
                            continue;
                        }
                    }
                    if !matches!(field, Field::Links | Field::Implies) {
                        // A keyword must hold a word; a cue or an exclude of a mark alone (`%`)
                        // may be meant, and is only warned about.
                        let (keyword, cues): (Option<&str>, Vec<&str>) = match parse_weak(kw) {
                            Ok(rule) if field == Field::Weak => (
                                Some(rule.keyword),
                                rule.cues.into_iter().flatten().collect(),
                            ),
                            _ if matches!(field, Field::Cues | Field::Exclude) => {
                                (None, vec![kw.as_str()])
                            }
                            _ => (Some(kw.as_str()), Vec::new()),
                        };
                        let wordless = |p: &str| !p.chars().any(|c| c.is_alphanumeric());
                        for cue in cues.iter().filter(|c| wordless(c)) {
                            push(
                                at,
                                ProblemKind::NoWordCue {
                                    field: field.name(),
                                    keyword: cue.to_string(),
                                },
                            );
                        }
                        if let Some(keyword) = keyword.map(str::trim) {
                            if wordless(keyword) {
                                push(
                                    at,
                                    ProblemKind::NoWordChar {
                                        field: field.name(),
                                        keyword: keyword.to_string(),
                                    },
                                );
                                continue;
                            }
                            let matching = matches!(field, Field::Zh | Field::En | Field::Weak);
                            if matching && keyword.chars().count() == 1 {
                                push(
                                    at,
                                    ProblemKind::OneChar {
                                        field: field.name(),
                                        keyword: keyword.to_string(),
                                    },
                                );
                            }
                        }
                    }
                    // The form the tagger reads a keyword in: normalized as text is (an
                    // abbreviation keeps its case, but is matched as written, so full-width
                    // letters never match), with the spacing text has once read.
                    let form = match field {
                        Field::Links | Field::Implies => None,
                        Field::Abbr => Some(kw.chars().map(crate::tag::fold_width).collect()),
                        _ => Some(normalize_str(kw)),
                    };
                    if let Some(norm) = form.map(|f: String| spaced(&f)) {
                        if norm != *kw {
                            let latin_only = !kw.chars().any(is_han);
                            let kind = if field != Field::Abbr
                                && latin_only
                                && kw.to_lowercase() == norm
                            {
                                ProblemKind::NotLowercase {
                                    field: field.name(),
                                    keyword: kw.clone(),
                                    suggestion: norm,
                                }
                            } else {
                                ProblemKind::NotNormalized {
                                    field: field.name(),
                                    keyword: kw.clone(),
                                    suggestion: norm,
                                }
                            };
                            push(at, kind);
                        }
                    }
                }
            }
            if e.abbr.is_empty() && e.zh.is_empty() && e.en.is_empty() && e.weak.is_empty() {
                push(None, ProblemKind::NoKeyword);
            } else {
                let weak_han = |w: &String| {
                    parse_weak(w)
                        .map_or(w.as_str(), |r| r.keyword)
                        .chars()
                        .any(is_han)
                };
                let has_zh = !e.zh.is_empty() || e.weak.iter().any(weak_han);
                let has_en =
                    !e.en.is_empty() || !e.abbr.is_empty() || e.weak.iter().any(|w| !weak_han(w));
                if !has_zh {
                    push(None, ProblemKind::MissingLanguage("Chinese"));
                }
                if !has_en {
                    push(None, ProblemKind::MissingLanguage("English"));
                }
            }
            // Rules bring their own cues; plain weak keywords need the entry's.
            let plain_weak = e
                .weak
                .iter()
                .any(|w| parse_weak(w).is_ok_and(|r| r.cues.is_none()));
            if plain_weak && e.cues.is_empty() {
                push(None, ProblemKind::WeakWithoutCues);
            }
        }
        // Ids are compared as `--tag` and `--cited` read them: case and width folded (not the
        // script: 乾 and 幹 are words of their own).
        let fold = |id: &str| -> String {
            id.chars()
                .map(crate::tag::fold_width)
                .collect::<String>()
                .to_lowercase()
        };
        let mut folded: HashMap<String, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            match folded.get(&fold(&e.id)) {
                Some(&first) if self.entries[first].id != e.id => problems.push(Problem {
                    entry: i,
                    at: None,
                    kind: ProblemKind::NearDuplicateId {
                        other: self.entries[first].id.clone(),
                    },
                }),
                Some(_) => {}
                None => {
                    folded.insert(fold(&e.id), i);
                }
            }
        }
        // Links are checked against the whole id set, so forward references are fine.
        for (i, e) in self.entries.iter().enumerate() {
            let instrument = e.id.starts_with("instrument/");
            let mut warned = false;
            for (k, link) in e.links.iter().enumerate() {
                let at = Some((Field::Links, k));
                if link.trim().is_empty() {
                    continue;
                }
                // An unknown id is an error wherever it is linked: a typo in a custom file.
                let kind = if !seen.contains_key(link.as_str()) {
                    ProblemKind::UnknownLink(link.clone())
                } else if !instrument {
                    // One warning that a non-instrument has links is enough.
                    if warned {
                        continue;
                    }
                    warned = true;
                    ProblemKind::BadLink(format!(
                        "warning: `links` belong to instruments (the rights, groups, themes and goals an instrument protects); `{}` is not one, and the tagger covers nothing through them",
                        e.id
                    ))
                } else if !["right/", "group/", "theme/", "sdg/"]
                    .iter()
                    .any(|p| link.starts_with(p))
                {
                    ProblemKind::BadLink(format!(
                        "warning: link `{link}`: an instrument links to the rights, groups, themes and goals it protects (`right/`, `group/`, `theme/`, `sdg/`); the tagger covers nothing through it"
                    ))
                } else {
                    continue;
                };
                problems.push(Problem { entry: i, at, kind });
            }
            for (k, id) in e.implies.iter().enumerate() {
                if id.trim().is_empty() {
                    continue;
                }
                if instrument && seen.contains_key(id.as_str()) {
                    problems.push(Problem {
                        entry: i,
                        at: Some((Field::Implies, k)),
                        kind: ProblemKind::BadLink(format!(
                            "warning: implied `{id}`: an instrument implies nothing (it is cited by its name; what it protects goes in `links`); the tagger ignores it"
                        )),
                    });
                    continue;
                }
                let kind = if !seen.contains_key(id.as_str()) {
                    ProblemKind::UnknownImplied(id.clone())
                } else if *id == e.id || id.starts_with("instrument/") {
                    // An instrument is cited by its name or covered through its links.
                    ProblemKind::BadLink(format!(
                        "warning: implied `{id}`: an entry implies the goals, themes and groups a match of it serves, not itself or an instrument (cited by its name, covered through its links); the tagger ignores it"
                    ))
                } else {
                    continue;
                };
                problems.push(Problem {
                    entry: i,
                    at: Some((Field::Implies, k)),
                    kind,
                });
            }
            if !instrument && e.instrument_kind.is_some() {
                problems.push(Problem {
                    entry: i,
                    at: None,
                    kind: ProblemKind::BadLink(format!(
                        "warning: `instrument_kind` belongs to instruments (ids under `instrument/`); `{}` is not one, so it is neither cited nor covered as one",
                        e.id
                    )),
                });
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_control_chars_make_bad_ids_and_empty_keywords() {
        assert!(id_problem("theme/x\u{0}y").is_some_and(|p| p.contains("'\\0'")));
        assert!(id_problem("theme/x\u{200B}y").is_some());
        assert!(id_problem("theme/x-y").is_none());
        let taxonomy = Taxonomy {
            entries: vec![Entry {
                id: "theme/x".into(),
                name_en: "x".into(),
                name_zh: "x".into(),
                en: vec!["\u{200B}".into(), "giraffe".into()],
                zh: vec!["长颈鹿".into()],
                ..Entry::default()
            }],
            ..Taxonomy::default()
        };
        let kinds: Vec<String> = taxonomy
            .check()
            .into_iter()
            .map(|p| p.kind.to_string())
            .collect();
        assert_eq!(kinds, ["empty keyword in `en`"]);
    }

    #[test]
    fn keywords_that_could_never_match_as_written_are_reported_with_their_form() {
        let taxonomy = Taxonomy {
            entries: vec![Entry {
                id: "theme/x".into(),
                name_en: "x".into(),
                name_zh: "x".into(),
                abbr: vec!["ＡＣＭＥ".into(), "UN GC".into(), "ILO".into()],
                en: vec![
                    "forced\tlabour".into(),
                    "child  labour".into(),
                    " decent work ".into(),
                ],
                zh: vec!["强 迫".into(), "人权\u{3000}政策".into(), "ilo 公约".into()],
                weak: vec!["风电 | 装机, 发电量".into(), "能 源 | 节约".into()],
                cues: vec!["local".into()],
                ..Entry::default()
            }],
            ..Taxonomy::default()
        };
        let problems: Vec<String> = taxonomy
            .check()
            .into_iter()
            .map(|p| p.kind.to_string())
            .collect();
        assert_eq!(
            problems,
            [
                "keyword \"ＡＣＭＥ\" in `abbr` is not in normalized form; write \"ACME\"",
                "keyword \"强 迫\" in `zh` is not in normalized form; write \"强迫\"",
                "keyword \"人权\u{3000}政策\" in `zh` is not in normalized form; write \"人权政策\"",
                "keyword \"forced\\u{9}labour\" in `en` is not in normalized form; write \"forced labour\"",
                "keyword \"child  labour\" in `en` is not in normalized form; write \"child labour\"",
                "keyword \"能 源 | 节约\" in `weak` is not in normalized form; write \"能源 | 节约\"",
            ]
        );
    }
}
