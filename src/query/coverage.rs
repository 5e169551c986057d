//! Coverage: for every taxonomy entry of a family, how many passages cite, cover or match it, and
//! how often those passages go together with each due-diligence element, in the same passage and
//! in the same section. Also the tag × document matrix.
//!
//! Everything here works on a [`Table`] scanned from fast fields, so it never reads stored
//! documents.

use super::reader::{Table, Via, NO_SECTION};
use crate::index::schema::SECTION_SEP;
use crate::taxonomy::{Entry, Taxonomy};
use serde::Serialize;
use std::collections::HashMap;

/// A family of taxonomy entries: the first element of their ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// `instrument/...`: treaties, declarations, frameworks.
    Instrument,
    /// `right/...`.
    Right,
    /// `group/...`: rights-holder groups.
    Group,
    /// `theme/...`.
    Theme,
    /// `hrdd/...`: due-diligence elements.
    Hrdd,
    /// `sdg/...`.
    Sdg,
}

impl Family {
    /// The id prefix (without the slash).
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Instrument => "instrument",
            Family::Right => "right",
            Family::Group => "group",
            Family::Theme => "theme",
            Family::Hrdd => "hrdd",
            Family::Sdg => "sdg",
        }
    }

    /// Every family, in report order.
    pub const ALL: [Family; 6] = [
        Family::Instrument,
        Family::Right,
        Family::Group,
        Family::Theme,
        Family::Hrdd,
        Family::Sdg,
    ];

    /// Parses a family name (`instrument`, `right`, ...).
    pub fn parse(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.prefix() == name)
    }

    /// The family of a tag id, if it is one of these.
    pub fn of(tag: &str) -> Option<Family> {
        Family::parse(tag.split('/').next()?)
    }

    /// Whether `id` belongs to this family.
    pub fn contains(self, id: &str) -> bool {
        id.strip_prefix(self.prefix())
            .is_some_and(|r| r.starts_with('/') && r.len() > 1)
    }
}

/// A due-diligence element that coverage reports co-occurrence with and gaps ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Element {
    /// A commitment: `stance/commitment` or `hrdd/policy-commitment`.
    Commitment,
    /// `hrdd/impact-assessment`.
    ImpactAssessment,
    /// `hrdd/action`.
    Action,
    /// `hrdd/tracking`.
    Tracking,
    /// `hrdd/grievance-mechanism`.
    GrievanceMechanism,
    /// `hrdd/remedy`.
    Remedy,
}

/// The elements in column order (weakest first, which is also the ranking order).
pub const ELEMENTS: [Element; 6] = [
    Element::Commitment,
    Element::ImpactAssessment,
    Element::Action,
    Element::Tracking,
    Element::GrievanceMechanism,
    Element::Remedy,
];

/// Bit of `stance/aspiration` in a due-diligence mask (after the six elements).
pub const ASPIRATION_BIT: u8 = 1 << 6;

/// Bit of `stance/action` (a deed reported) in a due-diligence mask: evidence that reports a
/// step done is shown before evidence that commits to or plans it.
pub const DEED_BIT: u8 = 1 << 7;

impl Element {
    /// The kebab-case name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Element::Commitment => "commitment",
            Element::ImpactAssessment => "impact-assessment",
            Element::Action => "action",
            Element::Tracking => "tracking",
            Element::GrievanceMechanism => "grievance-mechanism",
            Element::Remedy => "remedy",
        }
    }

    /// The tags that signal it (a descendant of one of them counts too).
    pub fn tags(self) -> &'static [&'static str] {
        match self {
            Element::Commitment => &["stance/commitment", "hrdd/policy-commitment"],
            Element::ImpactAssessment => &["hrdd/impact-assessment"],
            Element::Action => &["hrdd/action"],
            Element::Tracking => &["hrdd/tracking"],
            Element::GrievanceMechanism => &["hrdd/grievance-mechanism"],
            Element::Remedy => &["hrdd/remedy"],
        }
    }

    /// Its bit in a due-diligence mask.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The elements of a mask, weakest first.
    pub fn in_mask(mask: u8) -> Vec<Element> {
        ELEMENTS
            .into_iter()
            .filter(|e| mask & e.bit() != 0)
            .collect()
    }
}

/// Whether tag `tag` is `id` or one of its descendants.
pub fn is_under(tag: &str, id: &str) -> bool {
    tag.strip_prefix(id)
        .is_some_and(|r| r.is_empty() || r.starts_with('/'))
}

/// The passage cites the entry (instruments only).
pub const CITED: u8 = 1;
/// The tagger found the passage covering the instrument (a covered facet): it addresses what
/// the instrument protects without naming it. The same passages `search --tag` finds.
pub const COVERED: u8 = 2;
/// The passage carries the entry's tag or a descendant (entries other than instruments).
pub const MATCHED: u8 = 4;
/// The passage carries a tag the instrument links to, whether or not the tagger found it covering
/// the instrument (it leaves general catalogues such as the UDHR out where a focused instrument
/// links the tag). Gaps counts it as addressing an instrument that is named somewhere.
pub const LINKED: u8 = 8;
/// Any way the tagger gives a passage an entry ([`CITED`], [`COVERED`] or [`MATCHED`]), not
/// [`LINKED`] alone.
pub const ANY: u8 = CITED | COVERED | MATCHED;

/// The taxonomy resolved against the tags of a [`Table`]: which entries each indexed tag stands
/// for, the due-diligence mask of every passage and of every section.
pub struct Resolved<'a> {
    /// The scanned passages.
    pub table: &'a Table,
    /// The taxonomy.
    pub taxonomy: &'a Taxonomy,
    /// Per table tag: (entry index, how) pairs it gives a passage, by facet field.
    tag_hits: Vec<[Vec<(u32, u8)>; 3]>,
    /// Per table tag: its due-diligence bits.
    tag_mask: Vec<u8>,
    /// Per row: its own due-diligence mask.
    pub row_mask: Vec<u8>,
    /// Per section: the union of its rows' masks.
    pub section_mask: Vec<u8>,
}

/// The slot of [`Resolved::tag_hits`] a facet field gives hits through; none for
/// [`Via::Planned`], whose tags are [`Via::Tag`] too.
fn via_slot(v: Via) -> Option<usize> {
    match v {
        Via::Tag => Some(0),
        Via::Cited => Some(1),
        Via::Covered => Some(2),
        Via::Planned => None,
    }
}

impl<'a> Resolved<'a> {
    /// Resolves `taxonomy` against `table`.
    pub fn new(table: &'a Table, taxonomy: &'a Taxonomy) -> Self {
        let instruments: Vec<(u32, &Entry)> = taxonomy
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| Family::Instrument.contains(&e.id))
            .map(|(i, e)| (i as u32, e))
            .collect();
        let tag_hits = table
            .tags
            .iter()
            .map(|tag| {
                let mut slots: [Vec<(u32, u8)>; 3] = Default::default();
                for (i, e) in taxonomy.entries.iter().enumerate() {
                    if !is_under(tag, &e.id) {
                        continue;
                    }
                    let instrument = Family::Instrument.contains(&e.id);
                    slots[0].push((i as u32, if instrument { CITED } else { MATCHED }));
                    slots[1].push((i as u32, CITED));
                    slots[2].push((i as u32, COVERED));
                }
                // A matched tag is linked to every instrument that links to it (or to an
                // ancestor).
                for (i, e) in &instruments {
                    if e.links.iter().any(|l| is_under(tag, l)) {
                        slots[0].push((*i, LINKED));
                    }
                }
                slots
            })
            .collect();
        let tag_mask: Vec<u8> = table
            .tags
            .iter()
            .map(|tag| {
                let mut m = 0;
                for el in ELEMENTS {
                    if el.tags().iter().any(|t| is_under(tag, t)) {
                        m |= el.bit();
                    }
                }
                if is_under(tag, "stance/aspiration") {
                    m |= ASPIRATION_BIT;
                }
                if is_under(tag, "stance/action") {
                    m |= DEED_BIT;
                }
                m
            })
            .collect();
        let mut row_mask = Vec::with_capacity(table.rows.len());
        let mut section_mask = vec![0u8; table.sections.len()];
        for row in &table.rows {
            let tags = table.row_tags(row);
            // A step the passage only plans is a commitment to it, not the step.
            let planned = |t: u32| tags.contains(&(t, Via::Planned));
            let m = tags
                .iter()
                .filter(|(_, v)| *v == Via::Tag)
                .fold(0u8, |m, &(t, _)| {
                    m | if planned(t) {
                        Element::Commitment.bit()
                    } else {
                        tag_mask[t as usize]
                    }
                });
            // A heading names the step its section is about ("6. Effectiveness and next steps",
            // "Grievance and remedy"), which is no report of the step taken: the text under it
            // shows whether it was.
            let steps = ELEMENTS[1..].iter().fold(0u8, |b, e| b | e.bit());
            let m = if row.heading && m & steps != 0 {
                (m & !steps) | Element::Commitment.bit()
            } else {
                m
            };
            row_mask.push(m);
            if row.section != NO_SECTION {
                section_mask[row.section as usize] |= m;
            }
        }
        Resolved {
            table,
            taxonomy,
            tag_hits,
            tag_mask,
            row_mask,
            section_mask,
        }
    }

    /// The due-diligence mask of the context of row `r`: its section, or the passage alone when it
    /// has no section.
    pub fn context_mask(&self, r: usize) -> u8 {
        let row = &self.table.rows[r];
        if row.section == NO_SECTION {
            self.row_mask[r]
        } else {
            self.section_mask[row.section as usize]
        }
    }

    /// The entries row `r` touches, with how (a bit set of [`CITED`], [`COVERED`], [`MATCHED`],
    /// [`LINKED`]),
    /// sorted by entry index; `out` is cleared first.
    pub fn row_entries(&self, r: usize, out: &mut Vec<(u32, u8)>) {
        out.clear();
        for (t, v) in self.table.row_tags(&self.table.rows[r]) {
            if let Some(slot) = via_slot(*v) {
                out.extend_from_slice(&self.tag_hits[*t as usize][slot]);
            }
        }
        out.sort_unstable_by_key(|(e, _)| *e);
        out.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 |= b.1;
                true
            } else {
                false
            }
        });
    }

    /// The due-diligence bits of a table tag.
    pub fn tag_mask(&self, t: u32) -> u8 {
        self.tag_mask[t as usize]
    }
}

/// A section of a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SectionRef {
    /// Document id.
    pub doc: String,
    /// Section path, outermost first.
    pub section: Vec<String>,
}

/// Coverage of one taxonomy entry.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow {
    /// Tag id.
    pub tag: String,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// Passages carrying the tag in any way (cited, covered or matched).
    pub passages: u64,
    /// Passages citing it (instruments).
    pub cited: u64,
    /// Passages covering it (instruments): a covered facet or a tag the instrument links to.
    pub covered: u64,
    /// Of [`Self::passages`], how many have each element in the same passage (order of [`ELEMENTS`]).
    pub same_passage: [u64; 6],
    /// Of [`Self::passages`], how many have each element in the same section (the passage itself
    /// when it has no section).
    pub same_section: [u64; 6],
    /// Documents involved.
    pub documents: Vec<String>,
    /// Sections involved.
    pub sections: Vec<SectionRef>,
}

/// Coverage of a family.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// The family.
    pub family: Family,
    /// Passages in the index.
    pub passages: u64,
    /// Documents in the index.
    pub documents: u64,
    /// One row per taxonomy entry of the family, in taxonomy order, zero rows included.
    pub rows: Vec<CoverageRow>,
}

/// Computes the coverage of every entry of `family`.
pub fn coverage(res: &Resolved, family: Family) -> Coverage {
    let table = res.table;
    let entries: Vec<usize> = family_entries(res.taxonomy, family);
    let mut slot: HashMap<u32, usize> = HashMap::new();
    for (k, &i) in entries.iter().enumerate() {
        slot.insert(i as u32, k);
    }
    let mut rows: Vec<CoverageRow> = entries
        .iter()
        .map(|&i| {
            let e = &res.taxonomy.entries[i];
            CoverageRow {
                tag: e.id.clone(),
                name_en: e.name_en.clone(),
                name_zh: e.name_zh.clone(),
                passages: 0,
                cited: 0,
                covered: 0,
                same_passage: [0; 6],
                same_section: [0; 6],
                documents: Vec::new(),
                sections: Vec::new(),
            }
        })
        .collect();
    let mut docs: Vec<Vec<u32>> = vec![Vec::new(); rows.len()];
    let mut secs: Vec<Vec<u32>> = vec![Vec::new(); rows.len()];
    let mut unsectioned: Vec<Vec<u32>> = vec![Vec::new(); rows.len()];
    let mut hits = Vec::new();
    for r in 0..table.rows.len() {
        res.row_entries(r, &mut hits);
        if hits.is_empty() {
            continue;
        }
        let own = res.row_mask[r];
        let ctx = res.context_mask(r);
        let row = &table.rows[r];
        for &(e, how) in &hits {
            let Some(&k) = slot.get(&e) else { continue };
            // A linked tag alone is not the tagger's verdict on the instrument.
            if how & !LINKED == 0 {
                continue;
            }
            let c = &mut rows[k];
            c.passages += 1;
            c.cited += u64::from(how & CITED != 0);
            c.covered += u64::from(how & COVERED != 0);
            for (j, el) in ELEMENTS.iter().enumerate() {
                c.same_passage[j] += u64::from(own & el.bit() != 0);
                c.same_section[j] += u64::from(ctx & el.bit() != 0);
            }
            if docs[k].last() != Some(&row.doc) {
                docs[k].push(row.doc);
            }
            if row.section == NO_SECTION {
                // The passages before a document's first heading (or of a document without any)
                // are one section of their own, with an empty path.
                if unsectioned[k].last() != Some(&row.doc) {
                    unsectioned[k].push(row.doc);
                }
            } else if secs[k].last() != Some(&row.section) {
                secs[k].push(row.section);
            }
        }
    }
    for (k, c) in rows.iter_mut().enumerate() {
        let mut d = std::mem::take(&mut docs[k]);
        d.sort_unstable();
        d.dedup();
        c.documents = d.iter().map(|&i| table.docs[i as usize].clone()).collect();
        c.documents.sort();
        let mut s = std::mem::take(&mut secs[k]);
        s.sort_unstable();
        s.dedup();
        c.sections = s.iter().map(|&i| section_ref(table, i)).collect();
        let mut u = std::mem::take(&mut unsectioned[k]);
        u.sort_unstable();
        u.dedup();
        c.sections.extend(u.iter().map(|&d| SectionRef {
            doc: table.docs[d as usize].clone(),
            section: Vec::new(),
        }));
        c.sections.sort();
    }
    Coverage {
        family,
        passages: table.rows.len() as u64,
        documents: table.docs.len() as u64,
        rows,
    }
}

/// The section `i` of a table as a [`SectionRef`].
pub fn section_ref(table: &Table, i: u32) -> SectionRef {
    let (d, s) = &table.sections[i as usize];
    SectionRef {
        doc: table.docs[*d as usize].clone(),
        section: s.split(SECTION_SEP).map(str::to_string).collect(),
    }
}

/// Indices of the taxonomy entries of a family, in taxonomy order.
pub fn family_entries(taxonomy: &Taxonomy, family: Family) -> Vec<usize> {
    taxonomy
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| family.contains(&e.id))
        .map(|(i, _)| i)
        .collect()
}

/// A tag × document matrix of passage counts.
#[derive(Debug, Clone, Serialize)]
pub struct DocMatrix {
    /// The family.
    pub family: Family,
    /// Document ids (columns), sorted.
    pub documents: Vec<String>,
    /// One row per taxonomy entry of the family.
    pub rows: Vec<MatrixRow>,
}

/// One row of a [`DocMatrix`].
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    /// Tag id.
    pub tag: String,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// Passages carrying the tag, per document (order of [`DocMatrix::documents`]).
    pub counts: Vec<u64>,
}

/// Counts, per entry of `family` and per document, the passages carrying the entry in one of the
/// ways of `how` (a bit set of [`CITED`], [`COVERED`], [`MATCHED`]; [`ANY`] for all).
pub fn per_doc(res: &Resolved, family: Family, how: u8) -> DocMatrix {
    let table = res.table;
    let mut order: Vec<u32> = (0..table.docs.len() as u32).collect();
    order.sort_by(|a, b| table.docs[*a as usize].cmp(&table.docs[*b as usize]));
    let mut col = vec![0usize; order.len()];
    for (c, &d) in order.iter().enumerate() {
        col[d as usize] = c;
    }
    let entries = family_entries(res.taxonomy, family);
    let mut slot: HashMap<u32, usize> = HashMap::new();
    for (k, &i) in entries.iter().enumerate() {
        slot.insert(i as u32, k);
    }
    let mut rows: Vec<MatrixRow> = entries
        .iter()
        .map(|&i| {
            let e = &res.taxonomy.entries[i];
            MatrixRow {
                tag: e.id.clone(),
                name_en: e.name_en.clone(),
                name_zh: e.name_zh.clone(),
                counts: vec![0; order.len()],
            }
        })
        .collect();
    let mut hits = Vec::new();
    for r in 0..table.rows.len() {
        res.row_entries(r, &mut hits);
        let d = col[table.rows[r].doc as usize];
        for &(e, given) in &hits {
            match slot.get(&e) {
                Some(&k) if given & how & !LINKED != 0 => rows[k].counts[d] += 1,
                _ => {}
            }
        }
    }
    DocMatrix {
        family,
        documents: order
            .iter()
            .map(|&d| table.docs[d as usize].clone())
            .collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descendants_count_and_siblings_do_not() {
        assert!(is_under("right/labour/forced-labour", "right/labour"));
        assert!(is_under("right/labour", "right/labour"));
        assert!(!is_under("right/labourers", "right/labour"));
        assert!(!is_under("instrument/ILO-FPRW", "instrument/ILO"));
        assert!(Family::Instrument.contains("instrument/ICCPR"));
        assert!(!Family::Instrument.contains("instrument"));
        assert!(!Family::Right.contains("rights/x"));
        assert_eq!(Family::of("sdg/8"), Some(Family::Sdg));
        assert_eq!(Family::of("stance/commitment"), None);
    }

    #[test]
    fn masks_list_elements_weakest_first() {
        let m = Element::Remedy.bit() | Element::Commitment.bit() | ASPIRATION_BIT;
        assert_eq!(
            Element::in_mask(m),
            vec![Element::Commitment, Element::Remedy]
        );
    }
}
