//! Opening an index for the analysis queries (coverage, gaps, explain), scanning its passages
//! through fast fields into a compact in-memory table, and reading stored passages back for
//! evidence.
//!
//! The scan touches only fast fields and facet columns (no stored documents), so a large index is
//! aggregated in one cheap pass; stored documents are read only for the few passages shown as
//! evidence.

use crate::index::schema::{self, CommitPayload, IndexManifest, SCHEMA_VERSION};
use crate::model::{Tag, TaggedPassage};
use crate::taxonomy::Taxonomy;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, Index, Searcher, TantivyDocument, Term};
use thiserror::Error;

/// Why an index could not be opened or read.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The index cannot be opened: missing, of another schema version, damaged.
    #[error(transparent)]
    Index(#[from] crate::index::IndexError),
    /// The index exists but cannot be read.
    #[error("index at {dir} is unreadable ({reason}); run `hria index --rebuild`")]
    Corrupt {
        /// Index folder.
        dir: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// A taxonomy file that cannot be read or parsed.
    #[error("taxonomy {path}: {reason}")]
    Taxonomy {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// No passage with that id.
    #[error("no passage with id `{}` in the index at {dir}{}", printable_id(.id), now_hint(.now))]
    UnknownPassage {
        /// Index folder.
        dir: PathBuf,
        /// The id asked for.
        id: String,
        /// What the id's document holds now in its place, if anything.
        now: Option<Now>,
    },
}

/// Where an unknown id's passage may be now (see [`OpenIndex::find`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Now {
    /// A passage of the same document with the same text (the id's hash), at another ordinal:
    /// the document was edited before it, and the passage moved.
    Moved(String),
    /// No passage of the document has that text; this one is at the id's ordinal.
    SamePlace(String),
    /// The id is a document's, not a passage's; this is its first passage.
    Document(String),
}

/// What [`ReadError::UnknownPassage`] adds when the id's passage moved, or its place holds
/// another passage now.
fn now_hint(now: &Option<Now>) -> String {
    match now {
        None => String::new(),
        Some(Now::Moved(n)) => format!(
            " (the same text is now passage `{}` of that document: it moved, as the document \
             changed before it)",
            printable_id(n)
        ),
        Some(Now::SamePlace(n)) => format!(
            " (no passage of that document has that text now; its passage at the same place is \
             now `{}`: the text, or how hria makes ids, changed since the id was shown)",
            printable_id(n)
        ),
        Some(Now::Document(n)) => format!(
            " (that is a document's id; a passage's adds `#`, its ordinal and a hash, as the \
             document's first passage `{}`; `hria search '*' --doc ID` lists them all)",
            printable_id(n)
        ),
    }
}

/// An opened index with its manifest.
pub struct OpenIndex {
    /// Index folder.
    pub dir: PathBuf,
    /// The tantivy index.
    pub index: Index,
    /// A searcher over the last commit.
    pub searcher: Searcher,
    /// The schema's fields.
    pub fields: crate::index::Fields,
    /// The commit payload.
    pub manifest: CommitPayload,
}

fn corrupt(dir: &Path, e: impl std::fmt::Display) -> ReadError {
    ReadError::Corrupt {
        dir: dir.to_path_buf(),
        reason: e.to_string(),
    }
}

/// Opens the index at `dir`, checking that it exists, that its manifest is of this schema version
/// and that the fields the queries need are there.
pub fn open(dir: &Path) -> Result<OpenIndex, ReadError> {
    let h = crate::index::open_reader(dir)?;
    Ok(OpenIndex {
        dir: h.dir,
        index: h.index,
        searcher: h.searcher,
        fields: h.fields,
        manifest: h.manifest,
    })
}

/// A warning when the index holds documents tagged with another taxonomy than the one loaded
/// (its results may not match the loaded taxonomy's entries); the same words as `hria search`.
pub fn taxonomy_warning(
    index: &OpenIndex,
    taxonomy: &Taxonomy,
) -> Result<Option<String>, ReadError> {
    let m = &index.manifest;
    if m.taxonomy_hash.is_empty() || m.taxonomy_hash == taxonomy.hash {
        return Ok(None);
    }
    // An index without documents holds no tags of either taxonomy.
    if index.count_documents(None)? == 0 {
        return Ok(None);
    }
    Ok(crate::index::taxonomy_mismatch(&index.dir, m, taxonomy))
}

/// A warning when the index holds documents segmented and tagged by another version of hria.
pub fn pipeline_warning(index: &OpenIndex) -> Result<Option<String>, ReadError> {
    if index.manifest.pipeline_version == crate::pipeline::PIPELINE_VERSION
        || index.count_documents(None)? == 0
    {
        return Ok(None);
    }
    Ok(crate::index::pipeline_mismatch(&index.dir, &index.manifest))
}

/// Every term of a string column's dictionary, in ordinal order. One sequential stream: looking
/// terms up one ordinal at a time decompresses a dictionary block per lookup.
fn dictionary_terms(col: &tantivy::columnar::StrColumn) -> std::io::Result<Vec<String>> {
    let mut terms = Vec::with_capacity(col.num_terms());
    let mut stream = col.dictionary().stream()?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

/// Which facet field a tag of a passage came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Via {
    /// [`schema::TAG`]: matched tags and cited instruments.
    Tag,
    /// [`schema::CITED`]: cited instruments.
    Cited,
    /// [`schema::COVERED`]: covered instruments.
    Covered,
    /// [`schema::PLANNED`]: due-diligence steps stated only as planned (each also [`Via::Tag`]).
    Planned,
}

/// Marks a passage that has no section (its context is the passage alone).
pub const NO_SECTION: u32 = u32::MAX;

/// The most passages right under a document's opening heading that make one context: more, and
/// the heading is the title of a document that has no sections below it (see
/// `Table::split_sections`).
const MAX_TITLE_SECTION: usize = 12;

/// The most passages before a document's title (a company's name, a page's navigation).
const MAX_BEFORE_TITLE: usize = 3;

/// A segment's document-id ordinal not yet given a table index.
const UNRESOLVED: u32 = u32::MAX;

/// One passage as the scan sees it.
#[derive(Debug, Clone)]
pub struct Row {
    /// Where its stored document is.
    pub addr: DocAddress,
    /// Index into [`Table::docs`].
    pub doc: u32,
    /// Index into [`Table::sections`], or [`NO_SECTION`].
    pub section: u32,
    /// Ordinal within its document.
    pub ordinal: u64,
    /// Range into [`Table::tag_refs`].
    pub tags: std::ops::Range<u32>,
    /// Whether the passage is a heading.
    pub heading: bool,
}

/// Every live passage of an index, with its tags, read from fast fields only.
#[derive(Debug, Default)]
pub struct Table {
    /// Ids of the documents with at least one live passage, sorted.
    pub docs: Vec<String>,
    /// Sections: (document index, section path joined with [`schema::SECTION_SEP`]).
    pub sections: Vec<(u32, String)>,
    /// Tag ids seen in any facet field.
    pub tags: Vec<String>,
    /// The passages, sorted by (document, ordinal).
    pub rows: Vec<Row>,
    /// (tag index, field) pairs; each row owns a range of them.
    pub tag_refs: Vec<(u32, Via)>,
}

impl Table {
    /// The (tag index, field) pairs of a row.
    pub fn row_tags(&self, row: &Row) -> &[(u32, Via)] {
        &self.tag_refs[row.tags.start as usize..row.tags.end as usize]
    }

    /// Scans every live passage of the index.
    pub fn scan(ix: &OpenIndex) -> Result<Table, ReadError> {
        let dir = &ix.dir;
        let mut t = Table::default();
        let mut doc_ix: HashMap<String, u32> = HashMap::new();
        let mut sec_ix: HashMap<(u32, String), u32> = HashMap::new();
        let mut tag_ix: HashMap<String, u32> = HashMap::new();
        for (seg_ord, seg) in ix.searcher.segment_readers().iter().enumerate() {
            let ff = seg.fast_fields();
            let doc_col = ff
                .str(schema::DOC_ID)
                .map_err(|e| corrupt(dir, e))?
                .ok_or_else(|| corrupt(dir, "no doc_id column"))?;
            let sec_col = ff.str(schema::SECTION).map_err(|e| corrupt(dir, e))?;
            let ord_col = ff.u64(schema::ORDINAL).map_err(|e| corrupt(dir, e))?;
            // Segment-local term ordinals → table indices. The dictionary keeps the ids of
            // deleted passages too (a removed or replaced document), so an id becomes a table
            // document only when a live passage uses it.
            let doc_names = dictionary_terms(&doc_col).map_err(|e| corrupt(dir, e))?;
            let mut doc_map = vec![UNRESOLVED; doc_names.len()];
            let sec_names = match &sec_col {
                Some(c) => dictionary_terms(c).map_err(|e| corrupt(dir, e))?,
                None => Vec::new(),
            };
            let mut facet_cols = Vec::new();
            for (name, via) in [
                (schema::TAG, Via::Tag),
                (schema::CITED, Via::Cited),
                (schema::COVERED, Via::Covered),
                (schema::PLANNED, Via::Planned),
            ] {
                let fr = seg.facet_reader(name).map_err(|e| corrupt(dir, e))?;
                let mut map = Vec::with_capacity(fr.num_facets());
                let mut facet = Facet::root();
                for o in 0..fr.num_facets() as u64 {
                    fr.facet_from_ord(o, &mut facet)
                        .map_err(|e| corrupt(dir, e))?;
                    let id = schema::facet_tag(&facet);
                    let n = tag_ix.len() as u32;
                    let i = *tag_ix.entry(id.clone()).or_insert_with(|| {
                        t.tags.push(id);
                        n
                    });
                    map.push(i);
                }
                facet_cols.push((fr, map, via));
            }
            // Heading passages open sections; the kind is no fast column, so they are read from
            // the postings of its term.
            let mut headings = vec![false; seg.max_doc() as usize];
            let kind = ix.fields.kind;
            let term = Term::from_field_text(kind, crate::model::PassageKind::Heading.as_str());
            if let Some(mut postings) = seg
                .inverted_index(kind)
                .map_err(|e| corrupt(dir, e))?
                .read_postings(&term, tantivy::schema::IndexRecordOption::Basic)
                .map_err(|e| corrupt(dir, e))?
            {
                use tantivy::DocSet;
                while postings.doc() != tantivy::TERMINATED {
                    if let Some(h) = headings.get_mut(postings.doc() as usize) {
                        *h = true;
                    }
                    postings.advance();
                }
            }
            let mut seg_sections: HashMap<(u32, u64), u32> = HashMap::new();
            for d in seg.doc_ids_alive() {
                let Some(dord) = doc_col.term_ords(d).next() else {
                    continue;
                };
                let Some(slot) = doc_map.get_mut(dord as usize) else {
                    continue;
                };
                if *slot == UNRESOLVED {
                    let name = &doc_names[dord as usize];
                    let n = doc_ix.len() as u32;
                    *slot = *doc_ix.entry(name.clone()).or_insert_with(|| {
                        t.docs.push(name.clone());
                        n
                    });
                }
                let doc = *slot;
                let section = match sec_col.as_ref().and_then(|c| c.term_ords(d).next()) {
                    Some(so) if !sec_names[so as usize].is_empty() => {
                        // Cache per segment so that the common case allocates nothing.
                        *seg_sections.entry((doc, so)).or_insert_with(|| {
                            let key = (doc, sec_names[so as usize].clone());
                            let n = sec_ix.len() as u32;
                            *sec_ix.entry(key).or_insert_with_key(|k| {
                                t.sections.push(k.clone());
                                n
                            })
                        })
                    }
                    _ => NO_SECTION,
                };
                let start = t.tag_refs.len() as u32;
                for (fr, map, via) in &facet_cols {
                    for o in fr.facet_ords(d) {
                        t.tag_refs.push((map[o as usize], *via));
                    }
                }
                t.rows.push(Row {
                    addr: DocAddress::new(seg_ord as u32, d),
                    doc,
                    section,
                    ordinal: ord_col.first(d).unwrap_or(0),
                    tags: start..t.tag_refs.len() as u32,
                    heading: headings.get(d as usize).copied().unwrap_or(false),
                });
            }
        }
        t.sort_documents();
        t.split_sections();
        Ok(t)
    }

    /// Makes each section one stretch of a document under one heading, where the index keeps only
    /// section paths: a heading that repeats an earlier path (two `## Privacy` under one title),
    /// or text that comes back to one (two bold `**Privacy**` lines), opens a section of its own;
    /// and a document that opens with a heading over all the rest (its title) with more than
    /// [`MAX_TITLE_SECTION`] passages right under it has no section at that level: that text is
    /// passage by passage its own context, as in a document without headings, so that the title
    /// does not make a whole statement one context.
    fn split_sections(&mut self) {
        let old_sections = std::mem::take(&mut self.sections);
        let mut new_ix: HashMap<(u32, u32), u32> = HashMap::new();
        let mut start = 0;
        while start < self.rows.len() {
            let doc = self.rows[start].doc;
            let end = start + self.rows[start..].partition_point(|r| r.doc == doc);
            let rows = &mut self.rows[start..end];
            let top = |s: u32| {
                let path = old_sections[s as usize].1.as_str();
                path.split(schema::SECTION_SEP).next().unwrap_or(path)
            };
            let mut tops = rows
                .iter()
                .filter(|r| r.section != NO_SECTION)
                .map(|r| top(r.section));
            // A title: a heading or a bold line near the start (after at most a few lines such
            // as a company's name or a page's navigation) opens a section over everything after
            // it, and more text lies right under it than a section of its own holds. A short page
            // under its topic's heading ("# Forced labour", a paragraph or two) stays one context.
            let opens = rows
                .iter()
                .position(|r| r.section != NO_SECTION)
                .is_some_and(|i| i <= MAX_BEFORE_TITLE);
            let lone_top = match tops.next() {
                Some(first) if opens && tops.all(|t| t == first) => Some(first),
                _ => None,
            }
            .filter(|top| {
                let under = rows
                    .iter()
                    .filter(|r| r.section != NO_SECTION && !r.heading)
                    .filter(|r| old_sections[r.section as usize].1 == *top)
                    .count();
                under > MAX_TITLE_SECTION
            });
            let mut occurrence: HashMap<u32, u32> = HashMap::new();
            let mut previous = NO_SECTION;
            for row in rows.iter_mut() {
                let s = row.section;
                if s == NO_SECTION {
                    continue;
                }
                let path = old_sections[s as usize].1.as_str();
                if lone_top == Some(path) {
                    row.section = NO_SECTION;
                    continue;
                }
                // A path seen before opens a section again where a heading repeats it, or where
                // the text comes back to it from another (a bold line is no heading passage).
                let again = row.heading || s != previous;
                previous = s;
                let n = match occurrence.entry(s) {
                    std::collections::hash_map::Entry::Occupied(mut o) => {
                        if again {
                            *o.get_mut() += 1;
                        }
                        *o.get()
                    }
                    std::collections::hash_map::Entry::Vacant(v) => *v.insert(0),
                };
                let sections = &mut self.sections;
                row.section = *new_ix.entry((s, n)).or_insert_with(|| {
                    sections.push(old_sections[s as usize].clone());
                    sections.len() as u32 - 1
                });
            }
            start = end;
        }
    }

    /// Keeps only the documents (and their passages and sections) for which `keep` holds: the
    /// reports then read as if the index held those documents alone.
    pub fn retain_docs(&mut self, keep: impl Fn(&str) -> bool) {
        let mut new_ix = vec![u32::MAX; self.docs.len()];
        let old_docs = std::mem::take(&mut self.docs);
        for (old, d) in old_docs.into_iter().enumerate() {
            if keep(&d) {
                new_ix[old] = self.docs.len() as u32;
                self.docs.push(d);
            }
        }
        self.rows.retain(|r| new_ix[r.doc as usize] != u32::MAX);
        for row in &mut self.rows {
            row.doc = new_ix[row.doc as usize];
        }
        // Sections are renumbered too: rows point into them.
        let mut section_ix = vec![u32::MAX; self.sections.len()];
        let old_sections = std::mem::take(&mut self.sections);
        for (old, (d, path)) in old_sections.into_iter().enumerate() {
            if new_ix[d as usize] != u32::MAX {
                section_ix[old] = self.sections.len() as u32;
                self.sections.push((new_ix[d as usize], path));
            }
        }
        for row in &mut self.rows {
            if row.section != NO_SECTION {
                row.section = section_ix[row.section as usize];
            }
        }
    }

    /// Renumbers the documents in id order and sorts the rows by (document, ordinal), so that
    /// every output listing documents or passages is the same whatever the segment layout
    /// (which depends on the number of indexing threads).
    fn sort_documents(&mut self) {
        let mut order: Vec<u32> = (0..self.docs.len() as u32).collect();
        order.sort_by(|&a, &b| self.docs[a as usize].cmp(&self.docs[b as usize]));
        let mut new_ix = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_ix[old as usize] = new as u32;
        }
        let old_docs = std::mem::take(&mut self.docs);
        self.docs = order
            .iter()
            .map(|&o| old_docs[o as usize].clone())
            .collect();
        for row in &mut self.rows {
            row.doc = new_ix[row.doc as usize];
        }
        for (d, _) in &mut self.sections {
            *d = new_ix[*d as usize];
        }
        self.rows.sort_by_key(|r| (r.doc, r.ordinal));
    }
}

/// A passage read back from the stored fields.
#[derive(Debug, Clone)]
pub struct StoredPassage {
    /// Passage id.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Section path (outermost first).
    pub section: Vec<String>,
    /// Ordinal within the document.
    pub ordinal: u64,
    /// Passage kind (heading, paragraph, list-item).
    pub kind: String,
    /// Passage language.
    pub lang: String,
    /// Byte range of the passage in the original document text.
    pub range: std::ops::Range<usize>,
    /// Clean passage text.
    pub text: String,
    /// Tags with evidence.
    pub tags: Vec<Tag>,
}

fn stored_str(doc: &TantivyDocument, ix: &Index, name: &str) -> String {
    let Ok(f) = ix.schema().get_field(name) else {
        return String::new();
    };
    match doc.get_first(f) {
        Some(v) => {
            if let Some(s) = v.as_str() {
                s.to_string()
            } else if let Some(p) = v.as_pre_tokenized_text() {
                p.text
            } else {
                String::new()
            }
        }
        None => String::new(),
    }
}

fn stored_u64(doc: &TantivyDocument, ix: &Index, name: &str) -> u64 {
    ix.schema()
        .get_field(name)
        .ok()
        .and_then(|f| doc.get_first(f)?.as_u64())
        .unwrap_or(0)
}

impl OpenIndex {
    /// The number of documents the index holds, or of those of language `lang` (zh, en, other).
    pub fn count_documents(&self, lang: Option<&str>) -> Result<u64, ReadError> {
        crate::index::count_documents(&self.searcher, &self.fields, lang)
            .map_err(|e| corrupt(&self.dir, e))
    }

    /// The ids of the documents most of whose passages are in a language other than Chinese and
    /// English, sorted.
    pub fn other_language_documents(&self) -> Result<Vec<String>, ReadError> {
        crate::index::other_language_documents(&self.searcher, &self.fields)
            .map_err(|e| corrupt(&self.dir, e))
    }

    /// Reads one passage's stored fields.
    pub fn load(&self, addr: DocAddress) -> Result<StoredPassage, ReadError> {
        let doc: TantivyDocument = self.searcher.doc(addr).map_err(|e| corrupt(&self.dir, e))?;
        let ix = &self.index;
        let section = stored_str(&doc, ix, schema::SECTION);
        let tags_json = stored_str(&doc, ix, schema::TAGS_JSON);
        let id = stored_str(&doc, ix, schema::PASSAGE_ID);
        let tags: Vec<Tag> = if tags_json.is_empty() {
            Vec::new()
        } else {
            serde_json::from_str(&tags_json)
                .map_err(|e| corrupt(&self.dir, format!("tags of passage {id}: {e}")))?
        };
        Ok(StoredPassage {
            doc: stored_str(&doc, ix, schema::DOC_ID),
            section: if section.is_empty() {
                Vec::new()
            } else {
                section
                    .split(schema::SECTION_SEP)
                    .map(str::to_string)
                    .collect()
            },
            ordinal: stored_u64(&doc, ix, schema::ORDINAL),
            kind: stored_str(&doc, ix, schema::KIND),
            lang: stored_str(&doc, ix, schema::LANG),
            range: stored_u64(&doc, ix, schema::START) as usize
                ..stored_u64(&doc, ix, schema::END) as usize,
            text: stored_str(&doc, ix, schema::STORED_TEXT),
            tags,
            id,
        })
    }

    /// Finds a passage by id. Ids are `{doc}#{ordinal:04}-{hash}` and are not indexed: the
    /// passage is looked for among its document's passages, the one of its ordinal first, and
    /// confirmed by its stored id. An id that is not there is an error that names where its
    /// passage may be now: the passage of the same document with the same text hash nearest the
    /// id's ordinal (a line inserted above it moved it), else the passage at the same ordinal.
    pub fn find(&self, id: &str) -> Result<StoredPassage, ReadError> {
        let unknown = |now| ReadError::UnknownPassage {
            dir: self.dir.clone(),
            id: id.to_string(),
            now,
        };
        let Some((doc, ordinal)) = crate::segment::parse_passage_id(id) else {
            // A document's id given for a passage's: say what its passages' ids look like.
            let first = self
                .passages_by_ordinal(id, 0)?
                .first()
                .map(|&(_, _, addr)| self.load(addr))
                .transpose()?;
            return Err(unknown(first.map(|p| Now::Document(p.id))));
        };
        // The id's text hash (`parse_passage_id` checked that it is there).
        let hash = id.rsplit_once('-').map_or("", |(_, h)| h);
        let mut same_place = None;
        for (_, at, addr) in self.passages_by_ordinal(doc, ordinal)? {
            let p = self.load(addr)?;
            if p.id == id {
                return Ok(p);
            }
            let same_text =
                p.id.rsplit_once('-')
                    .is_some_and(|(_, h)| h.eq_ignore_ascii_case(hash));
            // The hash typed in capitals (`#0000-F276C1C3`) names the same passage.
            if same_text && at == ordinal {
                return Ok(p);
            }
            if same_text {
                return Err(unknown(Some(Now::Moved(p.id))));
            }
            if at == ordinal {
                same_place = Some(p.id);
            }
        }
        Err(unknown(same_place.map(Now::SamePlace)))
    }

    /// The passages of document `doc`, nearest `ordinal` first: `(distance, ordinal, address)`.
    fn passages_by_ordinal(
        &self,
        doc: &str,
        ordinal: u64,
    ) -> Result<Vec<(u64, u64, DocAddress)>, ReadError> {
        let mut addrs = Vec::new();
        crate::index::each_live(
            &self.searcher,
            &Term::from_field_text(self.fields.doc_id, doc),
            |addr| {
                addrs.push(addr);
                true
            },
        )
        .map_err(|e| corrupt(&self.dir, e))?;
        // Nearest the id's ordinal first: the passage at it, then those around it, so that the
        // first one of the same text is where the passage moved.
        let mut candidates: Vec<(u64, u64, DocAddress)> = Vec::with_capacity(addrs.len());
        // One column per segment: opened per passage, a document of 500,000 passages took 15 s.
        let mut columns = HashMap::new();
        for addr in addrs {
            let ords = match columns.entry(addr.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(
                    self.searcher
                        .segment_reader(addr.segment_ord)
                        .fast_fields()
                        .u64(schema::ORDINAL)
                        .map_err(|e| corrupt(&self.dir, e))?,
                ),
            };
            let at = ords.first(addr.doc_id).unwrap_or(u64::MAX);
            candidates.push((at.abs_diff(ordinal), at, addr));
        }
        candidates.sort();
        Ok(candidates)
    }
}

/// Where an evidence span lies in a passage's clean text.
///
/// Evidence records where the tagger found it in the clean text. An index written before it did
/// has only the range in the original document, while the stored text is the clean text (markup
/// removed): the span is then found by its matched text, the occurrence nearest to where the
/// original offset says it should be.
pub fn locate(
    text: &str,
    passage_start: usize,
    ev: &crate::model::Evidence,
) -> Option<std::ops::Range<usize>> {
    let needle = ev.matched.as_str();
    if needle.is_empty() {
        return None;
    }
    if let Some(r) = ev.text_range.clone() {
        if text.get(r.clone()) == Some(needle) {
            return Some(r);
        }
    }
    let expect = ev.range.start.saturating_sub(passage_start);
    text.match_indices(needle)
        .map(|(i, m)| i..i + m.len())
        .min_by_key(|r| r.start.abs_diff(expect))
}

pub use crate::escape::{printable, printable_id, printable_path};

/// A section path on one line (`基本原则 › 我们承诺实施补救`), escaped as [`printable`] escapes
/// text; empty for a passage without a section.
pub fn printable_section(section: &[String]) -> String {
    printable(&section.join(" › ")).into_owned()
}

/// A short window of `text` around `span`, with the span marked `[[...]]`; `width` is the number of
/// characters kept on each side.
pub fn snippet(text: &str, span: Option<std::ops::Range<usize>>, width: usize) -> String {
    // Runs of whitespace (line breaks included) become one space; a space at either end of a
    // piece is kept, so that the words around the marked span stay apart.
    let flat = |s: &str| {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for c in s.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        if space {
            out.push(' ');
        }
        out
    };
    let Some(span) = span.filter(|r| {
        r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    }) else {
        let cut: String = text.chars().take(2 * width).collect();
        let more = if cut.len() < text.len() { "…" } else { "" };
        return format!("{}{more}", flat(&cut).trim());
    };
    let before = &text[..span.start];
    let after = &text[span.end..];
    // Cut between graphemes, not chars: a combining accent or an emoji's modifier stays with
    // its letter.
    use unicode_segmentation::UnicodeSegmentation;
    let bstart = before
        .grapheme_indices(true)
        .rev()
        .nth(width.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0);
    let aend = after
        .grapheme_indices(true)
        .nth(width)
        .map(|(i, _)| i)
        .unwrap_or(after.len());
    format!(
        "{}{}[[{}]]{}{}",
        if bstart > 0 { "…" } else { "" },
        flat(&before[bstart..]),
        flat(&text[span.clone()]),
        flat(&after[..aend]),
        if aend < after.len() { "…" } else { "" }
    )
}

/// Writes tagged passages into a new index at `dir` with the layout of [`schema`], with a record
/// for each document of `manifest` and its payload (its schema version set to
/// [`SCHEMA_VERSION`]).
///
/// A minimal single-threaded writer for tests and benchmarks of the queries; `hria index` has its
/// own incremental writer. Passages become the same documents as there
/// ([`crate::index::writer::to_document`]), numbered by the ordinal in their id.
pub fn write_index(
    dir: &Path,
    mut manifest: IndexManifest,
    passages: &[TaggedPassage],
) -> tantivy::Result<()> {
    let index = Index::create_in_dir(dir, schema::schema())?;
    crate::index::register_tokenizer(&index);
    let fields = crate::index::Fields::resolve(&index.schema())
        .ok_or_else(|| tantivy::TantivyError::SchemaError("not an hria schema".into()))?;
    let mut writer: tantivy::IndexWriter<crate::index::writer::PassageDoc> =
        index.writer_with_num_threads(1, 50_000_000)?;
    for tp in passages {
        let ordinal = crate::segment::parse_passage_id(&tp.passage.id).map_or(0, |(_, o)| o);
        writer.add_document(crate::index::writer::to_document(&fields, ordinal, tp))?;
    }
    for (id, record) in &manifest.documents {
        writer.add_document(crate::index::writer::record_document(&fields, id, record))?;
    }
    manifest.payload.schema_version = SCHEMA_VERSION;
    let payload = serde_json::to_string(&manifest.payload).unwrap_or_default();
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;
    use proptest::prelude::*;

    /// Bidirectional overrides and isolates are escaped wherever text reaches a terminal, so
    /// that nothing reads reversed; ids escape every invisible format char and every control
    /// char in one style (`\u{9}`), text keeps its line breaks, tabs and joiners.
    #[test]
    fn overrides_and_format_chars_are_escaped() {
        let text = "a\u{202e}txt.exe \u{2067}b\u{2069}\tc\nd\u{200d}e\u{e0041}";
        assert_eq!(
            printable(text),
            "a\\u{202e}txt.exe \\u{2067}b\\u{2069}\tc\nd\u{200d}e\\u{e0041}"
        );
        assert_eq!(
            printable_id("bidi\u{202e}gnp.md\t\u{200b}\u{feff}\u{2028}"),
            "bidi\\u{202e}gnp.md\\u{9}\\u{200b}\\u{feff}\\u{2028}"
        );
        assert_eq!(printable_section(&["A\u{202d}B".into()]), "A\\u{202d}B");
        // Plain text of any script is left as it is.
        for plain in ["人权 › 我们承诺", "Ümlaut", "عربي", "한국어"] {
            assert_eq!(printable(plain), plain);
            assert_eq!(printable_id(plain), plain);
        }
    }

    fn ev(start: usize, matched: &str) -> Evidence {
        Evidence {
            range: start..start + matched.len(),
            matched: matched.to_string(),
            rule: String::new(),
            text_range: None,
        }
    }

    #[test]
    fn locate_picks_the_occurrence_nearest_the_original_offset() {
        let text = "强迫劳动，以及强迫劳动。";
        // The passage starts at 100 in the original; the second occurrence is at 21 bytes.
        assert_eq!(locate(text, 100, &ev(121, "强迫劳动")), Some(21..33));
        assert_eq!(locate(text, 100, &ev(100, "强迫劳动")), Some(0..12));
        assert_eq!(locate(text, 100, &ev(100, "童工")), None);
        assert_eq!(locate(text, 100, &ev(100, "")), None);
    }

    #[test]
    fn snippet_marks_the_span_and_cuts_on_characters() {
        let text = "甲乙丙丁强迫劳动戊己庚辛";
        assert_eq!(snippet(text, Some(12..24), 2), "…丙丁[[强迫劳动]]戊己…");
        assert_eq!(
            snippet(text, Some(0..6), 30),
            "[[甲乙]]丙丁强迫劳动戊己庚辛"
        );
        assert_eq!(snippet(text, None, 2), "甲乙丙丁…");
        // A span off a character boundary falls back to the start of the text.
        assert_eq!(snippet(text, Some(1..4), 2), "甲乙丙丁…");
    }

    #[test]
    fn snippet_keeps_the_spaces_around_the_span() {
        let text = "no torture or degrading\n  treatment, ever";
        let start = text.find("degrading").unwrap();
        let end = text.find(',').unwrap();
        assert_eq!(
            snippet(text, Some(start..end), 30),
            "no torture or [[degrading treatment]], ever"
        );
        assert_eq!(snippet(text, Some(3..10), 3), "no [[torture]] or…");
    }

    #[test]
    fn snippet_cuts_between_graphemes() {
        // A decomposed é (e + U+0301) and a thumbs-up with a skin tone stay whole.
        let text = "cafe\u{301} x ab";
        let at = text.find('x').unwrap();
        assert_eq!(snippet(text, Some(at..at + 1), 2), "…e\u{301} [[x]] a…");
        let text = "ab 👍🏽 forced labour";
        let at = text.find("forced").unwrap();
        assert_eq!(
            snippet(text, Some(at..text.len()), 2),
            "…👍🏽 [[forced labour]]"
        );
    }

    proptest! {

        #![proptest_config(crate::test_support::regressions_beside_source())]
        #[test]
        fn snippet_never_panics(text in "\\PC{0,40}", a in 0usize..200, b in 0usize..200, w in 0usize..10) {
            let s = snippet(&text, Some(a.min(b)..a.max(b)), w);
            prop_assert!(s.chars().count() <= text.chars().count() + 6);
        }
    }
}
