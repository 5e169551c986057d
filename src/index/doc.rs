//! The tantivy documents hria writes: one per passage, one per document record.
//!
//! A passage document owns its tagged passage, so that its text is handed over without a copy.
//! The indexed values (section path, term list, facets, tags JSON) are derived either when
//! tantivy first reads the document, on the indexing thread, which moves that work off the
//! busiest thread of a run when a core would otherwise sit idle, or at once by the worker
//! ([`passage_document`], [`derive_on_worker`]).

use super::schema;
use super::Fields;
use crate::model::{Basis, TaggedPassage};
use std::sync::OnceLock;
use tantivy::schema::document::{ReferenceValue, ReferenceValueLeaf};
use tantivy::schema::{Field, Value};

/// One tantivy document of an hria index: a passage ([`to_document`], [`passage_document`]) or
/// a document record ([`record_document`]).
#[derive(Debug)]
pub struct PassageDoc(Inner);

#[derive(Debug)]
enum Inner {
    // Boxed: documents wait in tantivy's channel, whose slots are sized for the largest variant.
    Passage(Box<LazyPassage>),
    Values(Vec<(Field, Owned)>),
}

/// A value a [`PassageDoc`] of plain values owns.
#[derive(Debug)]
enum Owned {
    Str(String),
    U64(u64),
}

#[derive(Debug)]
struct LazyPassage {
    fields: Fields,
    ordinal: u64,
    tp: TaggedPassage,
    derived: OnceLock<Derived>,
}

/// What a passage document indexes or stores besides the passage's own strings.
#[derive(Debug)]
struct Derived {
    section: String,
    terms: String,
    /// Every facet's encoded string, one after the other; `facets` holds their fields and ends.
    facet_text: String,
    facets: Vec<(Field, usize, usize)>,
    tags_json: String,
    max_score: f64,
}

impl LazyPassage {
    fn derived(&self) -> &Derived {
        self.derived.get_or_init(|| derive(&self.fields, &self.tp))
    }
}

fn derive(f: &Fields, tp: &TaggedPassage) -> Derived {
    let p = &tp.passage;
    let mut terms = String::with_capacity(p.text.len() + p.tokens.len() * 4);
    super::encode_terms(&p.text, &p.tokens, &mut terms);
    let mut facet_text = String::with_capacity(tp.tags.iter().map(|t| t.tag.len()).sum());
    let mut facets = Vec::with_capacity(tp.tags.len() + 2);
    let mut max = 0f64;
    for t in &tp.tags {
        let start = facet_text.len();
        push_facet(&mut facet_text, &t.tag);
        let end = facet_text.len();
        match t.basis {
            Basis::Cited => {
                facets.push((f.tag, start, end));
                facets.push((f.cited, start, end));
            }
            Basis::Covered => facets.push((f.covered, start, end)),
            Basis::Matched => {
                facets.push((f.tag, start, end));
                if t.planned {
                    facets.push((f.planned, start, end));
                }
            }
        }
        max = max.max(t.score as f64);
    }
    Derived {
        section: p.section.join(schema::SECTION_SEP),
        terms,
        facet_text,
        facets,
        // Serializing plain data cannot fail; an empty list is the safe fallback all the same.
        tags_json: if tp.tags.is_empty() {
            "[]".into()
        } else {
            serde_json::to_string(&tp.tags).unwrap_or_else(|_| "[]".into())
        },
        max_score: max,
    }
}

/// tantivy's separator of facet steps in a facet's encoded string (not exported by tantivy; the
/// test below holds it to [`tantivy::schema::Facet::from_path`]).
const FACET_SEP: char = '\0';

/// Appends the encoded string of [`schema::tag_facet`]`(tag)` (its non-empty `/`-separated
/// steps joined by tantivy's facet separator) without building the facet.
fn push_facet(out: &mut String, tag: &str) {
    let mut first = true;
    for step in tag.split('/').filter(|s| !s.is_empty()) {
        if !first {
            out.push(FACET_SEP);
        }
        out.push_str(step);
        first = false;
    }
}

/// A value of a [`PassageDoc`], borrowed from it.
#[derive(Debug, Clone, Copy)]
pub enum PassageValue<'a> {
    /// Text.
    Str(&'a str),
    /// An unsigned integer.
    U64(u64),
    /// A float.
    F64(f64),
    /// A facet, as its encoded string.
    Facet(&'a str),
}

impl<'a> Value<'a> for PassageValue<'a> {
    type ArrayIter = std::iter::Empty<Self>;
    type ObjectIter = std::iter::Empty<(&'a str, Self)>;

    fn as_value(&self) -> ReferenceValue<'a, Self> {
        ReferenceValue::Leaf(match *self {
            PassageValue::Str(s) => ReferenceValueLeaf::Str(s),
            PassageValue::U64(n) => ReferenceValueLeaf::U64(n),
            PassageValue::F64(x) => ReferenceValueLeaf::F64(x),
            PassageValue::Facet(s) => ReferenceValueLeaf::Facet(s),
        })
    }
}

/// The fields and values of a [`PassageDoc`], in the order they were always written: the stored
/// fields come back from the doc store in this order.
pub struct PassageValues<'a>(Values<'a>);

enum Values<'a> {
    Passage {
        lazy: &'a LazyPassage,
        derived: &'a Derived,
        at: usize,
    },
    Values(std::slice::Iter<'a, (Field, Owned)>),
}

/// The passage fields before its facets.
const FIXED: usize = 10;

impl<'a> Iterator for PassageValues<'a> {
    type Item = (Field, PassageValue<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        use PassageValue::{Facet, Str, F64, U64};
        let (lazy, d, at) = match &mut self.0 {
            Values::Values(v) => {
                return v.next().map(|(f, v)| match v {
                    Owned::Str(s) => (*f, Str(s.as_str())),
                    Owned::U64(n) => (*f, U64(*n)),
                })
            }
            Values::Passage { lazy, derived, at } => (*lazy, *derived, at),
        };
        let i = *at;
        *at += 1;
        let (f, p) = (&lazy.fields, &lazy.tp.passage);
        Some(match i {
            0 => (f.passage_id, Str(&p.id)),
            1 => (f.doc_id, Str(&p.doc)),
            2 => (f.ordinal, U64(lazy.ordinal)),
            3 => (f.section, Str(&d.section)),
            4 => (f.kind, Str(p.kind.as_str())),
            5 => (f.lang, Str(p.lang.code())),
            6 => (f.start, U64(p.range.start as u64)),
            7 => (f.end, U64(p.range.end as u64)),
            8 => (f.text, Str(&d.terms)),
            9 => (f.stored_text, Str(&p.text)),
            i => match d.facets.get(i - FIXED) {
                Some(&(field, start, end)) => (field, Facet(&d.facet_text[start..end])),
                None => match i - FIXED - d.facets.len() {
                    0 => (f.tags_json, Str(&d.tags_json)),
                    1 => (f.max_score, F64(d.max_score)),
                    _ => return None,
                },
            },
        })
    }
}

impl tantivy::Document for PassageDoc {
    type Value<'a> = PassageValue<'a>;
    type FieldsValuesIter<'a> = PassageValues<'a>;

    fn iter_fields_and_values(&self) -> PassageValues<'_> {
        PassageValues(match &self.0 {
            Inner::Passage(lazy) => Values::Passage {
                lazy,
                derived: lazy.derived(),
                at: 0,
            },
            Inner::Values(v) => Values::Values(v.iter()),
        })
    }
}

/// Builds the tantivy document of a tagged passage, taking it over: its strings are indexed and
/// stored from where they are. With `derive_now`, the values derived from it are built at once,
/// on the calling thread, where the passage was just made and is still in the CPU caches, and
/// what only the derivation reads (words, sentences, offset map, tags) is freed here too;
/// otherwise the first reader of the document (tantivy's indexing thread) builds them. That
/// costs more CPU in all (the passage is read and freed by another core), so it pays only when
/// that thread has a core to spare ([`derive_on_worker`]).
pub fn passage_document(
    f: &Fields,
    ordinal: u64,
    mut tp: TaggedPassage,
    derive_now: bool,
) -> PassageDoc {
    let derived = OnceLock::new();
    if derive_now {
        let _ = derived.set(derive(f, &tp));
        let p = &mut tp.passage;
        p.section = Vec::new();
        p.tokens = Vec::new();
        p.edges = Default::default();
        p.sentences = Vec::new();
        p.map = Default::default();
        tp.tags = Vec::new();
    }
    PassageDoc(Inner::Passage(Box::new(LazyPassage {
        fields: *f,
        ordinal,
        tp,
        derived,
    })))
}

/// Whether [`passage_document`] should derive a passage's values on the worker that made it
/// rather than on tantivy's indexing threads: when the workers and their indexing threads (one each) outnumber the
/// cores, there is no idle core to move the work to.
pub fn derive_on_worker(workers: usize) -> bool {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    2 * workers > cores
}

/// [`passage_document`] of a copy of `tp`, derived at once.
pub fn to_document(f: &Fields, ordinal: u64, tp: &TaggedPassage) -> PassageDoc {
    passage_document(f, ordinal, tp.clone(), true)
}

/// The record of an indexed document, as a tantivy document of its own: its id and JSON for
/// display, and what the unchanged check of the next run compares in fast columns
/// ([`schema::RECORD_CHECK`]), unless a value is too long for them ([`schema::MAX_CHECK_VALUE`]).
pub fn record_document(f: &Fields, id: &str, record: &schema::DocRecord) -> PassageDoc {
    let mut values = vec![
        (f.record, Owned::Str(schema::RECORD_VALUE.to_string())),
        (f.record_id, Owned::Str(id.to_string())),
        (f.record_lang, Owned::Str(record.lang.clone())),
        // Serializing plain data cannot fail; an empty object reads back as a default record.
        (
            f.record_json,
            Owned::Str(serde_json::to_string(record).unwrap_or_else(|_| "{}".into())),
        ),
    ];
    let degraded = record.degraded.as_deref();
    let checked = [id, &record.hash, &record.inputs, &record.root]
        .into_iter()
        .chain(degraded)
        .all(|v| v.len() <= schema::MAX_CHECK_VALUE);
    let mut flags = 0;
    if checked {
        flags |= schema::CHECK_IN_COLUMNS;
        for (field, v) in [
            (f.record_doc, id),
            (f.record_hash, &record.hash),
            (f.record_inputs, &record.inputs),
            (f.record_root, &record.root),
        ] {
            values.push((field, Owned::Str(v.to_string())));
        }
        if let Some(reason) = degraded {
            flags |= schema::CHECK_DEGRADED;
            values.push((f.record_degraded, Owned::Str(reason.to_string())));
        }
    }
    values.push((f.record_check, Owned::U64(flags)));
    PassageDoc(Inner::Values(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(d: &PassageDoc) -> Vec<String> {
        use tantivy::Document;
        d.iter_fields_and_values()
            .map(|(f, v)| format!("{f:?} {v:?}"))
            .collect()
    }

    #[test]
    fn passage_values_are_the_same_derived_late_or_at_once() {
        use crate::model::{Evidence, Lang, OffsetMap, Passage, PassageKind, Tag};
        let text = "我们禁止强迫劳动 and child labour.";
        let tag = |tag: &str, basis| Tag {
            tag: tag.into(),
            score: 0.75,
            basis,
            planned: false,
            evidence: vec![Evidence {
                range: 3..9,
                matched: "强迫劳动".into(),
                rule: "keyword:强迫劳动".into(),
                text_range: None,
            }],
        };
        let tp = TaggedPassage {
            passage: Passage {
                id: "d.md#0003-abcd".into(),
                doc: "d.md".into(),
                section: vec!["一".into(), "二".into()],
                kind: PassageKind::Paragraph,
                lang: Lang::Zh,
                range: 10..60,
                text: text.into(),
                map: OffsetMap::new(),
                sentences: std::iter::once(0..text.len()).collect(),
                tokens: crate::index::segmenter().tokens(text),
                edges: Default::default(),
            },
            tags: vec![
                tag("instrument/ILO-C29", Basis::Cited),
                tag("instrument/ILO-FPRW", Basis::Covered),
                tag("right/labour/forced-labour", Basis::Matched),
            ],
        };
        let index = tantivy::Index::create_in_ram(schema::schema());
        let f = Fields::resolve(&index.schema()).unwrap();
        let late = values(&passage_document(&f, 3, tp.clone(), false));
        let now = values(&to_document(&f, 3, &tp));
        assert_eq!(late, now);
        // 10 passage fields, 4 facets (a cited instrument is a tag too), tags JSON, max score.
        assert_eq!(late.len(), 16);
        assert!(late[3].contains(r"一\u{1f}二"), "{late:?}");
        assert!(late[14].contains("keyword:强迫劳动"), "{late:?}");
        let mut empty = tp;
        empty.tags.clear();
        let v = values(&passage_document(&f, 0, empty, false));
        assert_eq!(v.len(), 12);
        assert!(v[10].ends_with("Str(\"[]\")"), "{v:?}");
    }

    #[test]
    fn facets_are_encoded_as_tantivy_encodes_them() {
        for tag in [
            "right/labour",
            "instrument/ICCPR",
            "a",
            "/a//b/",
            "",
            "中文/权利",
        ] {
            let mut s = String::new();
            push_facet(&mut s, tag);
            assert_eq!(s, schema::tag_facet(tag).encoded_str(), "{tag:?}");
        }
    }
}
