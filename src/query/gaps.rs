//! Gaps: every instrument, right, group and theme of the taxonomy in exactly one class, with the
//! evidence for it or, for an absence, what was looked for.
//!
//! Definitions (a passage's *context* is its section, i.e. every passage of the same document
//! with the same section path; a passage without a section is its own context):
//! - a right, group or theme is *addressed by* the passages carrying its tag or a descendant tag;
//! - an instrument is *named by* the passages citing it, and *addressed by* the passages the
//!   tagger found covering it (a covered facet) and, in a document that names it, the passages
//!   with a tag in its `links` (or a descendant) — an instrument without links is addressed by
//!   the passages citing or covering it;
//! - `not-mentioned`: neither named nor addressed;
//! - `cited-only` (instruments): named, never addressed;
//! - `mentioned-only`: addressed, but no context of an addressing passage has a commitment, an
//!   aspiration or any due-diligence element: the passages only mention it;
//! - `commitment-only`: addressed, some context has a commitment or an aspiration, but none has
//!   impact assessment, action, tracking, grievance mechanism or remedy;
//! - `addressed`: some context has one of those; `strongest` is the highest-ranked one found
//!   (remedy > grievance-mechanism > tracking > action > impact-assessment).
//!
//! For an absence, what was looked for is split in two: what the documents do not hold
//! ([`Finding::looked_for`]) and what they hold without it counting for the entry
//! ([`Finding::found_not_counted`]: a keyword vetoed by an exclude phrase, a weak keyword without
//! its cue, a link tagged where the instrument is neither named nor covered), so that every
//! "not found" is true of the documents.

use super::coverage::{
    family_entries, is_under, Element, Family, Resolved, ASPIRATION_BIT, CITED, COVERED, DEED_BIT,
    ELEMENTS, LINKED, MATCHED,
};
use super::found::{Finder, SharedTagger};
use super::reader::{self, OpenIndex, ReadError, NO_SECTION};
use crate::model::Basis;
use crate::tag::{NameKind, NotCounted};
use crate::taxonomy::{parse_weak, Entry};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// The class of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// An instrument named but whose protected rights, groups or themes no passage addresses.
    CitedOnly,
    /// Neither named nor addressed.
    NotMentioned,
    /// Addressed only in contexts with no commitment, aspiration or due-diligence element.
    MentionedOnly,
    /// Addressed only in commitment or aspiration contexts.
    CommitmentOnly,
    /// Addressed with due-diligence evidence.
    Addressed,
}

impl Class {
    /// Every class.
    pub const ALL: [Class; 5] = [
        Class::CitedOnly,
        Class::NotMentioned,
        Class::MentionedOnly,
        Class::CommitmentOnly,
        Class::Addressed,
    ];

    /// The kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Class::CitedOnly => "cited-only",
            Class::NotMentioned => "not-mentioned",
            Class::MentionedOnly => "mentioned-only",
            Class::CommitmentOnly => "commitment-only",
            Class::Addressed => "addressed",
        }
    }

    /// Parses a kebab-case name.
    pub fn parse(s: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// Why a passage is shown as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// It names the instrument.
    Cited,
    /// It addresses the entry.
    Addresses,
    /// It carries the strongest due-diligence element of the context.
    DueDiligence,
}

/// One passage shown as evidence for a finding.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceItem {
    /// Why it is shown.
    pub role: Role,
    /// Passage id (for `hria explain`).
    pub passage: String,
    /// Document id.
    pub doc: String,
    /// Section path.
    pub section: Vec<String>,
    /// Byte range of the matched text ([`EvidenceItem::matched`]) in the original document; none
    /// when the passage has no evidence for the tag.
    pub range: Option<Range<usize>>,
    /// Byte range of the whole passage in the original document.
    pub passage_range: Range<usize>,
    /// The tag of the passage that makes it evidence.
    pub tag: String,
    /// The rule that fired for that tag.
    pub rule: String,
    /// The text that matched.
    pub matched: String,
    /// A window of the passage text around the match, marked `[[...]]`.
    pub snippet: String,
}

/// One finding: an entry and its class.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Tag id.
    pub tag: String,
    /// Family (instrument, right, group, theme).
    pub family: Family,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// The class.
    pub class: Class,
    /// Instruments: whether any passage names it; `null` for other families.
    pub cited: Option<bool>,
    /// Passages naming it (instruments; 0 otherwise).
    pub cited_passages: u64,
    /// Passages addressing it.
    pub addressing_passages: u64,
    /// Documents with an addressing or naming passage.
    pub documents: Vec<String>,
    /// `addressed` only: the strongest due-diligence element found.
    pub strongest: Option<Element>,
    /// Every due-diligence element found in the contexts of the addressing passages.
    pub elements: Vec<Element>,
    /// Whether an aspiration (`stance/aspiration`) was found in those contexts.
    pub aspiration: bool,
    /// Due-diligence elements found elsewhere in the documents of the addressing passages, but not
    /// in their contexts: a grievance mechanism the statement has, though not where it speaks of
    /// this right. They do not change the class, which only what is said around the entry sets.
    pub in_documents_only: Vec<Element>,
    /// Up to three passages.
    pub evidence: Vec<EvidenceItem>,
    /// For what was not found: the keywords, abbreviations, links and tags looked for and not
    /// found in the documents analysed.
    pub looked_for: Vec<String>,
    /// What was looked for and is there, but did not count for the entry: a keyword whose
    /// matches an exclude phrase vetoed or no cue confirmed, a link tagged only where the
    /// instrument is not named. Never in [`Finding::looked_for`].
    pub found_not_counted: Vec<FoundNotCounted>,
}

/// Why something looked for and found did not count (see [`FoundNotCounted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// An `exclude` phrase of the entry overlaps the keyword: the word in another sense.
    Excluded,
    /// A weak keyword no cue confirmed in its sentence or section path.
    NoCue,
    /// Negated in its clause.
    Negated,
    /// A plan, not a deed reported.
    Planned,
    /// Inside a title.
    InTitle,
    /// Inside a longer proper name.
    ProperName,
    /// What a standard, a checklist or a template contains, not the company's step.
    Contents,
    /// One item of a list of employment decisions a rule governs, not a step.
    Decisions,
    /// A label that what follows it denies.
    Denied,
    /// A statute's duty or prohibition, not the company's pledge or step.
    Duty,
    /// The company obeying the law, no due-diligence step.
    Law,
    /// Too weak alone: a short abbreviation without its instrument's name, a cue or rights
    /// language near it.
    BelowThreshold,
    /// A link of the instrument, tagged only in documents that do not name the instrument and
    /// where the tagger did not find the passage covering it (as where a more focused
    /// instrument covers it).
    NotCovered,
}

impl Reason {
    fn of(n: &NotCounted) -> (Reason, Option<String>) {
        match n {
            NotCounted::Excluded(x) => (Reason::Excluded, Some(x.clone())),
            NotCounted::NoCue => (Reason::NoCue, None),
            NotCounted::Negated => (Reason::Negated, None),
            NotCounted::Planned => (Reason::Planned, None),
            NotCounted::InTitle => (Reason::InTitle, None),
            NotCounted::ProperName => (Reason::ProperName, None),
            NotCounted::Contents => (Reason::Contents, None),
            NotCounted::Decisions => (Reason::Decisions, None),
            NotCounted::Denied => (Reason::Denied, None),
            NotCounted::Duty => (Reason::Duty, None),
            NotCounted::Law => (Reason::Law, None),
            NotCounted::BelowThreshold => (Reason::BelowThreshold, None),
        }
    }
}

/// Something looked for that is in the documents analysed but did not count for the entry.
#[derive(Debug, Clone, Serialize)]
pub struct FoundNotCounted {
    /// What was looked for, written as in [`Finding::looked_for`] (`zh:庇护`, `weak:food`,
    /// `link:right/labour`).
    pub item: String,
    /// Why it did not count.
    pub reason: Reason,
    /// For [`Reason::Excluded`], the exclude phrase that vetoed it; `null` otherwise.
    pub detail: Option<String>,
    /// The first passage it was found in, in document and passage order (for `hria explain`).
    pub passage: String,
}

impl FoundNotCounted {
    /// The reason in words, with the exclude phrase (`excluded sense: 临时庇护`).
    pub fn describe(&self) -> String {
        match (self.reason, &self.detail) {
            (Reason::Excluded, Some(x)) => format!("excluded sense: {x}"),
            (Reason::Excluded, None) => "excluded sense".into(),
            (Reason::NoCue, _) => "no confirming cue".into(),
            (Reason::Negated, _) => "negated".into(),
            (Reason::Planned, _) => "planned, not reported done".into(),
            (Reason::InTitle, _) => "inside a title".into(),
            (Reason::ProperName, _) => "inside a proper name".into(),
            (Reason::Contents, _) => "what a document contains, not a step".into(),
            (Reason::Decisions, _) => {
                "an item of a list of employment decisions, not a step".into()
            }
            (Reason::Denied, _) => "denied by what follows".into(),
            (Reason::Duty, _) => "a statute's duty, not the company's".into(),
            (Reason::Law, _) => "obeying the law, no due-diligence step".into(),
            (Reason::BelowThreshold, _) => "too weak alone".into(),
            (Reason::NotCovered, _) => {
                "tagged where the instrument is neither named nor covered".into()
            }
        }
    }
}

/// An instrument that other documents cover and one document does not.
#[derive(Debug, Clone, Serialize)]
pub struct Missing {
    /// Instrument tag id.
    pub tag: String,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// How many documents name or address it.
    pub elsewhere_count: usize,
    /// The first of those documents in id order, at most [`ELSEWHERE_SHOWN`]: listing every
    /// one for every document would grow with the square of the corpus.
    pub elsewhere: Vec<String>,
}

/// How many of the other documents a per-document gap names.
pub const ELSEWHERE_SHOWN: usize = 5;

/// Per-document comparison with the other documents analysed.
#[derive(Debug, Clone, Serialize)]
pub struct DocGaps {
    /// Document id.
    pub doc: String,
    /// The document's organisation, where its manifest entry gives one. Filled in by the caller,
    /// which reads the documents' records.
    pub organisation: Option<String>,
    /// Instruments named or addressed by other analysed documents but not by this one.
    pub missing: Vec<Missing>,
}

/// A whole gap report.
#[derive(Debug, Clone, Serialize)]
pub struct GapReport {
    /// The documents analysed.
    pub documents: Vec<String>,
    /// Passages analysed.
    pub passages: u64,
    /// One finding per entry, in taxonomy order (instruments, rights, groups, themes).
    pub findings: Vec<Finding>,
    /// Per analysed document (when there are two or more): instruments other analysed documents
    /// cover and it does not.
    pub per_document: Vec<DocGaps>,
    /// Analysed documents in a language the taxonomy has no keywords for (neither Chinese nor
    /// English): what they address is not known, whatever their findings say. Filled in by the
    /// caller, which knows the documents' languages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_language: Vec<String>,
    /// The due-diligence steps (impact assessment to remedy) the analysed documents report taken
    /// nowhere, on any subject: the gap in the cycle itself ("no remedy anywhere"), which the
    /// findings show only entry by entry.
    pub steps_nowhere: Vec<Element>,
}

/// What to analyse.
#[derive(Debug, Clone, Default)]
pub struct GapOptions {
    /// Only these instruments (ids with or without the `instrument/` prefix); when set, other
    /// families are left out.
    pub instruments: Vec<String>,
    /// Only passages of these documents (all when empty).
    pub docs: Vec<String>,
}

/// A problem with the options.
#[derive(Debug, thiserror::Error)]
pub enum GapError {
    /// Reading the index failed.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// An instrument the taxonomy does not have.
    #[error("no instrument `{id}` in the taxonomy ({hint})")]
    UnknownInstrument {
        /// The instrument as given.
        id: String,
        /// The closest instrument ids, or where to look.
        hint: String,
    },
    /// A document the index does not have.
    #[error("no document `{}` in the index{hint}", crate::query::reader::printable_id(.id))]
    UnknownDocument {
        /// The document id as given.
        id: String,
        /// The closest document ids, if any.
        hint: String,
    },
}

const FAMILIES: [Family; 4] = [
    Family::Instrument,
    Family::Right,
    Family::Group,
    Family::Theme,
];

/// Bits of the elements stronger than a commitment.
const DD_MASK: u8 = 0b11_1110;

struct Acc {
    cited: Vec<u32>,
    addressing: Vec<u32>,
    /// Passages with a tag the instrument links to but no covered tag: addressing it only in a
    /// document that names it.
    linked: Vec<u32>,
    /// Documents with a passage naming the instrument.
    citing_docs: BTreeSet<u32>,
    docs: BTreeSet<u32>,
}

/// Classifies every instrument, right, group and theme (or the selected instruments).
pub fn gaps(ix: &OpenIndex, res: &Resolved, opts: &GapOptions) -> Result<GapReport, GapError> {
    gaps_sharing(ix, res, opts, &GapTagger::default())
}

/// The tagger [`gaps_sharing`] builds once for several reports on one [`Resolved`].
#[derive(Default)]
pub struct GapTagger(SharedTagger);

/// [`gaps`], with the tagger that finds why a word did not count shared with other reports on
/// the same `res` (one per document of a benchmark).
pub fn gaps_sharing(
    ix: &OpenIndex,
    res: &Resolved,
    opts: &GapOptions,
    tagger: &GapTagger,
) -> Result<GapReport, GapError> {
    let table = res.table;
    let tax = res.taxonomy;
    let mut selected: Vec<usize> = Vec::new();
    if opts.instruments.is_empty() {
        for f in FAMILIES {
            selected.extend(family_entries(tax, f));
        }
    } else {
        for id in &opts.instruments {
            // Named by id, abbreviation or title (`udhr`, `ICC`, `世界人权宣言`).
            match tax.find_instrument(id) {
                Some(e) => {
                    let i = tax.entries.iter().position(|x| x.id == e.id).unwrap_or(0);
                    if !selected.contains(&i) {
                        selected.push(i);
                    }
                }
                None => {
                    // Compared by their last segments, as given (`ICCRP` → `ICCPR`).
                    let short = crate::taxonomy::instrument_short(id);
                    let instruments = tax
                        .entries
                        .iter()
                        .filter_map(|e| Some((e.id.strip_prefix("instrument/")?, e.id.as_str())));
                    let near = super::search::closest(short, instruments, 5);
                    let hint = if near.is_empty() {
                        "see `hria taxonomy list`".to_string()
                    } else {
                        format!("did you mean {}?", near.join(", "))
                    };
                    return Err(GapError::UnknownInstrument {
                        id: id.clone(),
                        hint,
                    });
                }
            }
        }
    }
    let mut doc_on = vec![opts.docs.is_empty(); table.docs.len()];
    for d in &opts.docs {
        match table.docs.iter().position(|x| x == d) {
            Some(i) => doc_on[i] = true,
            None => {
                return Err(GapError::UnknownDocument {
                    id: d.clone(),
                    hint: super::search::document_hint(d, table.docs.iter().map(String::as_str)),
                });
            }
        }
    }
    let slot: HashMap<u32, usize> = selected
        .iter()
        .enumerate()
        .map(|(k, &i)| (i as u32, k))
        .collect();
    let mut acc: Vec<Acc> = selected
        .iter()
        .map(|_| Acc {
            cited: Vec::new(),
            addressing: Vec::new(),
            linked: Vec::new(),
            citing_docs: BTreeSet::new(),
            docs: BTreeSet::new(),
        })
        .collect();
    // Instruments named or addressed per analysed document (for per-document gaps): the
    // documents reported on are compared with each other alone, whether `--doc` or a manifest
    // filter chose them.
    let mut present: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); selected.len()];
    // Per taxonomy entry: the first analysed row carrying its tag or a descendant, for what
    // was looked for and is there.
    let mut first_tagged: Vec<Option<u32>> = vec![None; tax.entries.len()];
    let mut hits = Vec::new();
    let mut passages = 0u64;
    for r in 0..table.rows.len() {
        let row = &table.rows[r];
        let on = doc_on[row.doc as usize];
        passages += u64::from(on);
        if !on {
            continue;
        }
        res.row_entries(r, &mut hits);
        for &(e, how) in &hits {
            if how & MATCHED != 0 {
                first_tagged[e as usize].get_or_insert(r as u32);
            }
            let Some(&k) = slot.get(&e) else { continue };
            let entry = &tax.entries[e as usize];
            let instrument = Family::Instrument.contains(&entry.id);
            let linked_only = how & !LINKED == 0;
            if instrument && !linked_only {
                present[k].insert(row.doc);
            }
            let a = &mut acc[k];
            if linked_only {
                a.linked.push(r as u32);
                continue;
            }
            a.docs.insert(row.doc);
            if how & CITED != 0 {
                a.cited.push(r as u32);
                a.citing_docs.insert(row.doc);
            }
            let addresses = if !instrument {
                how & MATCHED != 0
            } else if entry.links.is_empty() {
                how & (CITED | COVERED) != 0
            } else {
                // A passage naming the instrument and addressing one of its rights.
                if how & (COVERED | LINKED) == LINKED {
                    a.linked.push(r as u32);
                }
                how & COVERED != 0
            };
            if addresses {
                a.addressing.push(r as u32);
            }
        }
    }
    // In a document that names an instrument, it is addressed wherever what it protects is (its
    // links); elsewhere only where the tagger found it covered, so that a general catalogue (the
    // UDHR) is not "addressed" by every right a document touches, as search and coverage count
    // it.
    for a in acc.iter_mut() {
        let linked = std::mem::take(&mut a.linked);
        let before = a.addressing.len();
        for r in linked {
            let doc = table.rows[r as usize].doc;
            if a.citing_docs.contains(&doc) {
                a.docs.insert(doc);
                a.addressing.push(r);
            }
        }
        if a.addressing.len() > before {
            a.addressing.sort_unstable();
        }
    }
    // The first passage of each section carrying each element, for due-diligence evidence.
    let mut section_element: HashMap<(u32, u8), u32> = HashMap::new();
    for (r, row) in table.rows.iter().enumerate() {
        let m = res.row_mask[r];
        if m == 0 || row.section == NO_SECTION {
            continue;
        }
        for el in ELEMENTS {
            if m & el.bit() != 0 {
                section_element
                    .entry((row.section, el.bit()))
                    .or_insert(r as u32);
            }
        }
    }
    // Every element each document holds anywhere, to show what lies outside the contexts.
    let mut doc_mask = vec![0u8; table.docs.len()];
    for (r, row) in table.rows.iter().enumerate() {
        doc_mask[row.doc as usize] |= res.row_mask[r];
    }
    let mut finder = Finder::new(ix, table, tax, &doc_on, &tagger.0);
    let mut findings = Vec::with_capacity(selected.len());
    for (k, &i) in selected.iter().enumerate() {
        let entry = &tax.entries[i];
        let a = &acc[k];
        let family = Family::of(&entry.id).unwrap_or(Family::Theme);
        let instrument = family == Family::Instrument;
        let mask = a
            .addressing
            .iter()
            .fold(0u8, |m, &r| m | res.context_mask(r as usize));
        let class = if a.addressing.is_empty() {
            if instrument && !a.cited.is_empty() {
                Class::CitedOnly
            } else {
                Class::NotMentioned
            }
        } else if mask & DD_MASK != 0 {
            Class::Addressed
        } else if mask & (Element::Commitment.bit() | ASPIRATION_BIT) != 0 {
            Class::CommitmentOnly
        } else {
            Class::MentionedOnly
        };
        let strongest = if class == Class::Addressed {
            Element::in_mask(mask & DD_MASK).last().copied()
        } else {
            None
        };
        let evidence = pick_evidence(ix, res, entry, a, class, strongest, &section_element)?;
        let in_docs = a.addressing.iter().fold(0u8, |m, &r| {
            m | doc_mask[table.rows[r as usize].doc as usize]
        });
        let looked = looked_for(res, entry, class, strongest, !a.cited.is_empty());
        let (looked_for, found_not_counted) = sort_out(looked, &first_tagged, &mut finder)?;
        findings.push(Finding {
            tag: entry.id.clone(),
            family,
            name_en: entry.name_en.clone(),
            name_zh: entry.name_zh.clone(),
            class,
            cited: instrument.then_some(!a.cited.is_empty()),
            cited_passages: a.cited.len() as u64,
            addressing_passages: a.addressing.len() as u64,
            documents: a
                .docs
                .iter()
                .map(|&d| table.docs[d as usize].clone())
                .collect(),
            strongest,
            elements: if a.addressing.is_empty() {
                Vec::new()
            } else {
                Element::in_mask(mask)
            },
            aspiration: !a.addressing.is_empty() && mask & ASPIRATION_BIT != 0,
            in_documents_only: Element::in_mask(in_docs & !mask),
            evidence,
            looked_for,
            found_not_counted,
        });
    }
    let mut per_document = Vec::new();
    let analysed = doc_on.iter().filter(|on| **on).count();
    for (d, on) in doc_on.iter().enumerate() {
        if !on || analysed < 2 {
            continue;
        }
        let d = d as u32;
        let missing = selected
            .iter()
            .enumerate()
            .filter(|(k, _)| !present[*k].is_empty() && !present[*k].contains(&d))
            .filter(|(_, &i)| Family::Instrument.contains(&tax.entries[i].id))
            .map(|(k, &i)| {
                let e = &tax.entries[i];
                Missing {
                    tag: e.id.clone(),
                    name_en: e.name_en.clone(),
                    name_zh: e.name_zh.clone(),
                    elsewhere_count: present[k].len(),
                    elsewhere: present[k]
                        .iter()
                        .take(ELSEWHERE_SHOWN)
                        .map(|&o| table.docs[o as usize].clone())
                        .collect(),
                }
            })
            .collect();
        per_document.push(DocGaps {
            doc: table.docs[d as usize].clone(),
            organisation: None,
            missing,
        });
    }
    per_document.sort_by(|a, b| a.doc.cmp(&b.doc));
    let mut documents: Vec<String> = table
        .docs
        .iter()
        .zip(&doc_on)
        .filter(|(_, on)| **on)
        .map(|(d, _)| d.clone())
        .collect();
    documents.sort();
    let anywhere = doc_mask
        .iter()
        .zip(&doc_on)
        .filter(|(_, on)| **on)
        .fold(0u8, |m, (d, _)| m | d);
    let steps_nowhere = Element::in_mask(DD_MASK & !anywhere);
    Ok(GapReport {
        documents,
        passages,
        findings,
        per_document,
        other_language: Vec::new(),
        steps_nowhere,
    })
}

/// At most three passages: names first, then addressing passages (those whose context has the
/// strongest element, or a commitment), then the passage carrying the strongest element.
fn pick_evidence(
    ix: &OpenIndex,
    res: &Resolved,
    entry: &Entry,
    a: &Acc,
    class: Class,
    strongest: Option<Element>,
    section_element: &HashMap<(u32, u8), u32>,
) -> Result<Vec<EvidenceItem>, ReadError> {
    let mut picks: Vec<(u32, Role)> = Vec::new();
    // A heading ("员工权益", "Our people") names a subject; a passage under it says something of
    // it, so passages come first as evidence, in document order.
    let heading = |r: u32| res.table.rows[r as usize].heading;
    let mut addressing = a.addressing.clone();
    addressing.sort_by_key(|&r| heading(r));
    let push = |picks: &mut Vec<(u32, Role)>, r: u32, role: Role| {
        if picks.len() < 3 && !picks.iter().any(|(p, q)| *p == r && *q == role) {
            picks.push((r, role));
        }
    };
    match class {
        Class::NotMentioned => {}
        Class::CitedOnly => {
            for &r in a.cited.iter().take(3) {
                push(&mut picks, r, Role::Cited);
            }
        }
        Class::MentionedOnly => {
            if let Some(&c) = a.cited.first() {
                push(&mut picks, c, Role::Cited);
            }
            for &r in &addressing {
                if !picks.iter().any(|(p, _)| *p == r) {
                    push(&mut picks, r, Role::Addresses);
                }
            }
        }
        Class::CommitmentOnly => {
            let commit = Element::Commitment.bit() | ASPIRATION_BIT;
            let mut rows: Vec<u32> = addressing.clone();
            rows.sort_by_key(|&r| res.context_mask(r as usize) & commit == 0);
            if let Some(&c) = a.cited.first() {
                push(&mut picks, c, Role::Cited);
            }
            for r in rows {
                if !picks.iter().any(|(p, _)| *p == r) {
                    push(&mut picks, r, Role::Addresses);
                }
            }
        }
        Class::Addressed => {
            let bit = strongest.map(Element::bit).unwrap_or(0);
            if let Some(&c) = a.cited.first() {
                push(&mut picks, c, Role::Cited);
            }
            // Prefer a passage with the element itself, then one whose section has it; among
            // them, one that reports a deed ("we trained 200 buyers") over one that commits to
            // or plans the step ("we are committed to managing the risks").
            let best = addressing
                .iter()
                .copied()
                .filter(|&r| res.context_mask(r as usize) & bit != 0)
                .min_by_key(|&r| {
                    let own = res.row_mask[r as usize];
                    (own & bit == 0, own & DEED_BIT == 0, heading(r))
                });
            if let Some(b) = best {
                push(&mut picks, b, Role::Addresses);
                let row = &res.table.rows[b as usize];
                // The element's own evidence: in the same passage, else the section's first.
                if res.row_mask[b as usize] & bit != 0 {
                    push(&mut picks, b, Role::DueDiligence);
                } else if let Some(&dd) = section_element.get(&(row.section, bit)) {
                    push(&mut picks, dd, Role::DueDiligence);
                }
            }
            for &r in &addressing {
                if !picks.iter().any(|(p, _)| *p == r) {
                    push(&mut picks, r, Role::Addresses);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(picks.len());
    for (r, role) in picks {
        let p = ix.load(res.table.rows[r as usize].addr)?;
        let wanted = |t: &crate::model::Tag| -> bool {
            match role {
                Role::Cited => t.basis == Basis::Cited && is_under(&t.tag, &entry.id),
                Role::Addresses => {
                    is_under(&t.tag, &entry.id) && t.basis != Basis::Cited
                        || entry.links.iter().any(|l| is_under(&t.tag, l))
                        || (entry.links.is_empty() && is_under(&t.tag, &entry.id))
                }
                Role::DueDiligence => {
                    strongest.is_some_and(|s| s.tags().iter().any(|x| is_under(&t.tag, x)))
                }
            }
        };
        let tag = p
            .tags
            .iter()
            .find(|t| wanted(t))
            .or_else(|| p.tags.iter().find(|t| is_under(&t.tag, &entry.id)));
        let ev = tag.and_then(|t| t.evidence.first());
        let span = ev.and_then(|e| reader::locate(&p.text, p.range.start, e));
        out.push(EvidenceItem {
            role,
            passage: p.id.clone(),
            doc: p.doc.clone(),
            section: p.section.clone(),
            range: ev.map(|e| e.range.clone()),
            passage_range: p.range.clone(),
            tag: tag.map(|t| t.tag.clone()).unwrap_or_default(),
            rule: ev.map(|e| e.rule.clone()).unwrap_or_default(),
            matched: ev.map(|e| e.matched.clone()).unwrap_or_default(),
            snippet: reader::snippet(&p.text, span, 30),
        });
    }
    Ok(out)
}

/// What an item of a looked-for list is checked against.
#[derive(Debug, Clone, PartialEq)]
enum Look {
    /// Nothing: not found, as the class says (`cited:`, `covered:`, `same-section:`).
    Absent,
    /// `tag:` of this entry: found where it or a descendant is tagged.
    Tag(u32),
    /// `link:` to this entry: found where it or a descendant is tagged.
    Link(u32),
    /// A keyword, abbreviation or weak keyword of this entry, as the tagger names it.
    Name(u32, NameKind, String),
}

/// An item of a looked-for list.
#[derive(Debug, Clone, PartialEq)]
struct Looked {
    /// As shown (`zh:庇护`).
    text: String,
    look: Look,
    /// The link whose subtree it was looked for in, if any: a link found makes its keywords
    /// and its own tag moot.
    under: Option<u32>,
}

fn keywords(tax: &crate::taxonomy::Taxonomy, e: &Entry, under: Option<u32>, out: &mut Vec<Looked>) {
    let i = tax.entries.iter().position(|x| x.id == e.id).unwrap_or(0) as u32;
    let mut push = |prefix: &str, k: &str, kind: NameKind, name: &str| {
        out.push(Looked {
            text: format!("{prefix}:{k}"),
            look: Look::Name(i, kind, name.trim().to_string()),
            under,
        });
    };
    for k in &e.abbr {
        push("abbr", k, NameKind::Abbr, k);
    }
    for k in &e.zh {
        push("zh", k, NameKind::Keyword, k);
    }
    for k in &e.en {
        push("en", k, NameKind::Keyword, k);
    }
    for k in &e.weak {
        // A rule `keyword | cue, cue` is matched as its keyword.
        let name = parse_weak(k).map_or(k.as_str(), |r| r.keyword);
        push("weak", k, NameKind::Weak, name);
    }
}

/// What was searched for, for a finding without evidence of what it lacks, so that an absence
/// can be defended; [`sort_out`] then tells what is there from what is not.
fn looked_for(
    res: &Resolved,
    entry: &Entry,
    class: Class,
    strongest: Option<Element>,
    cited: bool,
) -> Vec<Looked> {
    let tax = res.taxonomy;
    let index_of = |id: &str| {
        tax.entries
            .iter()
            .position(|x| x.id == id)
            .map(|i| i as u32)
    };
    let absent = |text: String| Looked {
        text,
        look: Look::Absent,
        under: None,
    };
    let mut out = Vec::new();
    let instrument = Family::Instrument.contains(&entry.id);
    let subtree = |id: &str, under: Option<u32>, out: &mut Vec<Looked>| {
        let tag = |id: &str| Looked {
            text: format!("tag:{id}"),
            look: index_of(id).map_or(Look::Absent, Look::Tag),
            under,
        };
        out.push(tag(id));
        if let Some(e) = tax.get(id) {
            keywords(tax, e, under, out);
        }
        for d in tax
            .entries
            .iter()
            .filter(|d| d.id != id && is_under(&d.id, id))
        {
            // A descendant's own tag is not made moot by its link's: it is looked for apart.
            let mut t = tag(&d.id);
            t.under = None;
            out.push(t);
        }
    };
    match class {
        Class::NotMentioned | Class::CitedOnly => {
            if instrument {
                if !cited {
                    out.push(absent(format!("cited:{}", entry.id)));
                    keywords(tax, entry, None, &mut out);
                }
                out.push(absent(format!("covered:{}", entry.id)));
                for l in &entry.links {
                    let li = index_of(l);
                    out.push(Looked {
                        text: format!("link:{l}"),
                        look: li.map_or(Look::Absent, Look::Link),
                        under: None,
                    });
                    subtree(l, li, &mut out);
                }
            } else {
                subtree(&entry.id, None, &mut out);
            }
        }
        Class::MentionedOnly | Class::CommitmentOnly | Class::Addressed => {
            let above = strongest.map(|s| s as u8).unwrap_or(0);
            // A mentioned-only entry lacks commitments and aspirations too.
            if class == Class::MentionedOnly {
                for t in Element::Commitment.tags() {
                    out.push(absent(format!("same-section:{t}")));
                }
                out.push(absent("same-section:stance/aspiration".to_string()));
            }
            for el in ELEMENTS
                .into_iter()
                .filter(|e| *e != Element::Commitment && *e as u8 > above)
            {
                for t in el.tags() {
                    out.push(absent(format!("same-section:{t}")));
                }
            }
        }
    }
    out.dedup_by(|a, b| a.text == b.text);
    out
}

/// Splits what was looked for into what is not in the documents analysed and what is there but
/// did not count: a keyword the index finds in a passage analysed (where the entry is not
/// tagged, or it would not be looked for), with the tagger's reason; a link whose tag some
/// passage carries, which then makes its own tag and keywords moot.
fn sort_out(
    looked: Vec<Looked>,
    first_tagged: &[Option<u32>],
    finder: &mut Finder<'_>,
) -> Result<(Vec<String>, Vec<FoundNotCounted>), ReadError> {
    let tagged = |e: u32| first_tagged.get(e as usize).copied().flatten();
    let mut not_found = Vec::new();
    let mut found = Vec::new();
    for l in looked {
        if l.under.and_then(tagged).is_some() {
            continue;
        }
        match &l.look {
            Look::Absent => not_found.push(l.text),
            // Only a descendant of a link found can be tagged here: moot, as the link says.
            Look::Tag(e) => {
                if tagged(*e).is_none() {
                    not_found.push(l.text);
                }
            }
            Look::Link(e) => match tagged(*e) {
                Some(r) => found.push(FoundNotCounted {
                    item: l.text,
                    reason: Reason::NotCovered,
                    detail: None,
                    passage: finder.passage_id(r)?,
                }),
                None => not_found.push(l.text),
            },
            Look::Name(e, kind, name) => match finder.find(*e as usize, *kind, name)? {
                Some(o) => {
                    let (reason, detail) = Reason::of(&o.reason);
                    found.push(FoundNotCounted {
                        item: l.text,
                        reason,
                        detail,
                        passage: o.passage,
                    });
                }
                None => not_found.push(l.text),
            },
        }
    }
    Ok((not_found, found))
}
