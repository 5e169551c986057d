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

use super::coverage::{
    family_entries, is_under, Element, Family, Resolved, ASPIRATION_BIT, CITED, COVERED, DEED_BIT,
    ELEMENTS, LINKED, MATCHED,
};
use super::reader::{self, OpenIndex, ReadError, NO_SECTION};
use crate::model::Basis;
use crate::taxonomy::Entry;
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
    /// For what was not found: the keywords, abbreviations, links and tags looked for.
    pub looked_for: Vec<String>,
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
            looked_for: looked_for(res, entry, class, strongest, !a.cited.is_empty()),
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
    Ok(GapReport {
        documents,
        passages,
        findings,
        per_document,
        other_language: Vec::new(),
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
            for &r in &a.addressing {
                if !picks.iter().any(|(p, _)| *p == r) {
                    push(&mut picks, r, Role::Addresses);
                }
            }
        }
        Class::CommitmentOnly => {
            let commit = Element::Commitment.bit() | ASPIRATION_BIT;
            let mut rows: Vec<u32> = a.addressing.clone();
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
            let best = a
                .addressing
                .iter()
                .copied()
                .filter(|&r| res.context_mask(r as usize) & bit != 0)
                .min_by_key(|&r| {
                    let own = res.row_mask[r as usize];
                    (own & bit == 0, own & DEED_BIT == 0)
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
            for &r in &a.addressing {
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

fn keywords(e: &Entry, out: &mut Vec<String>) {
    out.extend(e.abbr.iter().map(|k| format!("abbr:{k}")));
    out.extend(e.zh.iter().map(|k| format!("zh:{k}")));
    out.extend(e.en.iter().map(|k| format!("en:{k}")));
    out.extend(e.weak.iter().map(|k| format!("weak:{k}")));
}

/// What was searched for and not found, so that an absence can be defended.
fn looked_for(
    res: &Resolved,
    entry: &Entry,
    class: Class,
    strongest: Option<Element>,
    cited: bool,
) -> Vec<String> {
    let tax = res.taxonomy;
    let mut out = Vec::new();
    let instrument = Family::Instrument.contains(&entry.id);
    let subtree = |id: &str, out: &mut Vec<String>| {
        out.push(format!("tag:{id}"));
        if let Some(e) = tax.get(id) {
            keywords(e, out);
        }
        for d in tax
            .entries
            .iter()
            .filter(|d| d.id != id && is_under(&d.id, id))
        {
            out.push(format!("tag:{}", d.id));
        }
    };
    match class {
        Class::NotMentioned | Class::CitedOnly => {
            if instrument {
                if !cited {
                    out.push(format!("cited:{}", entry.id));
                    keywords(entry, &mut out);
                }
                out.push(format!("covered:{}", entry.id));
                for l in &entry.links {
                    out.push(format!("link:{l}"));
                    subtree(l, &mut out);
                }
            } else {
                subtree(&entry.id, &mut out);
            }
        }
        Class::MentionedOnly | Class::CommitmentOnly | Class::Addressed => {
            let above = strongest.map(|s| s as u8).unwrap_or(0);
            // A mentioned-only entry lacks commitments and aspirations too.
            if class == Class::MentionedOnly {
                for t in Element::Commitment.tags() {
                    out.push(format!("same-section:{t}"));
                }
                out.push("same-section:stance/aspiration".to_string());
            }
            for el in ELEMENTS
                .into_iter()
                .filter(|e| *e != Element::Commitment && *e as u8 > above)
            {
                for t in el.tags() {
                    out.push(format!("same-section:{t}"));
                }
            }
        }
    }
    out.dedup();
    out
}
