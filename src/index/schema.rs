//! The index layout: field names, the tantivy schema, and the commit payload that records what
//! the index holds. Readers and writers both go through this module, so the layout lives in one place.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tantivy::schema::{
    Facet, FacetOptions, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

/// Bumped whenever the layout changes; an index of another version must be rebuilt.
/// 3: document records are tantivy documents of their own ([`RECORD`]), not the commit payload.
/// 4: passage ids are stored, not indexed ([`PASSAGE_ID`]).
/// 5: records keep what the unchanged check reads in fast columns ([`RECORD_CHECK`] and after).
/// 6: overlong blocks are cut into passages and invisible ones dropped, so older passages differ.
/// 7: due-diligence steps stated only as planned are facets of [`PLANNED`] too.
/// 8: section paths are joined with a control char ([`SECTION_SEP`]), not ` › `.
/// 9: Latin words are indexed without their diacritics (reparación as reparacion); passages
///    of a document in another language that are too short to judge take its language.
pub const SCHEMA_VERSION: u32 = 9;

/// Name of the tokenizer of [`TEXT`]. The writer hands tantivy the segmenter's terms as one term
/// list ([`crate::index::encode_terms`]), which the tokenizer registered under this name on every
/// index ([`crate::index::TermListTokenizer`]) reads back; query parsing maps the name to
/// [`crate::index::HriaQueryTokenizer`] instead ([`crate::index::query_tokenizers`]).
pub const TOKENIZER: &str = "hria-terms";

/// Passage id (stable across runs). STORED only: a term of its own for every passage cost a
/// tenth of the indexing thread's time, and a passage is found by its document and ordinal,
/// which the id holds ([`crate::query::reader::OpenIndex::find`]).
pub const PASSAGE_ID: &str = "passage_id";
/// Document id. STRING | STORED | FAST.
pub const DOC_ID: &str = "doc_id";
/// Passage ordinal within its document (document order). u64 STORED | FAST.
pub const ORDINAL: &str = "ordinal";
/// Section path joined with [`SECTION_SEP`]. STORED | FAST (co-occurrence per section); not a
/// search term.
pub const SECTION: &str = "section";
/// Passage kind: heading, paragraph, list-item. STRING | STORED.
pub const KIND: &str = "kind";
/// Passage language: zh, en, other. STRING | STORED.
pub const LANG: &str = "lang";
/// Byte range of the passage in the original document text. u64 STORED.
pub const START: &str = "start";
/// End of that byte range (exclusive). u64 STORED.
pub const END: &str = "end";
/// The clean passage text, indexed from the segmenter's terms (with positions, for phrases); the
/// field queries search. Not stored: [`STORED_TEXT`] holds the text itself.
pub const TEXT: &str = "text";
/// The clean passage text, STORED only, for display and snippets.
pub const STORED_TEXT: &str = "stored_text";
/// Matched and cited tags as facets (`/instrument/ICCPR`, `/right/labour/forced-labour`,
/// `/hrdd/remedy`, `/stance/commitment`). Covered instruments are NOT here.
pub const TAG: &str = "tag";
/// Instruments cited (named) in the passage, as facets (`/instrument/ICCPR`).
pub const CITED: &str = "cited";
/// Instruments covered (addressed without being named), as facets (`/instrument/ILO-FPRW`).
pub const COVERED: &str = "covered";
/// Due-diligence steps the passage states only as planned, intended, required or possible
/// ([`crate::model::Tag::planned`]), as facets (`/hrdd/remedy`); each is in [`TAG`] too, so that
/// search finds them, and gap reports count them as commitments.
pub const PLANNED: &str = "planned";
/// The full tags with scores, basis and evidence, as JSON (`Vec<model::Tag>`). STORED only.
pub const TAGS_JSON: &str = "tags_json";
/// The highest tag score in the passage, f64 STORED.
pub const MAX_SCORE: &str = "max_score";

/// Marks a document record: one tantivy document per indexed document (not per passage), with
/// the value [`RECORD_VALUE`]. STRING. Records have no passage field (no text, doc id, ordinal or
/// facet), so that passage queries and scans never see them, except a query for every document
/// (`*`), which [`crate::query::search`] excludes them from.
pub const RECORD: &str = "record";
/// The value of [`RECORD`] on every record.
pub const RECORD_VALUE: &str = "document";
/// The document id of a record. STRING | STORED. Deleting a document deletes this term and its
/// passages' [`DOC_ID`] term.
pub const RECORD_ID: &str = "record_id";
/// The document's language on its record (zh, en, other), to count documents by language. STRING.
pub const RECORD_LANG: &str = "record_lang";
/// The [`DocRecord`] as JSON. STORED only.
pub const RECORD_JSON: &str = "record_json";

/// Which of a record's check values its fast columns hold, as bits ([`CHECK_IN_COLUMNS`],
/// [`CHECK_DEGRADED`]). u64 FAST. An incremental run reads what it compares (id, hashes, root,
/// degraded reason) from these columns rather than from [`RECORD_JSON`]: records sit in the doc
/// store among their passages, so reading them all touched nearly every block of the store.
pub const RECORD_CHECK: &str = "record_check";
/// The document id, FAST only (the [`RECORD_ID`] term finds a record; this column lists them).
pub const RECORD_DOC: &str = "record_doc";
/// [`DocRecord::hash`]. FAST only.
pub const RECORD_HASH: &str = "record_hash";
/// [`DocRecord::inputs`]. FAST only.
pub const RECORD_INPUTS: &str = "record_inputs";
/// [`DocRecord::root`]. FAST only.
pub const RECORD_ROOT: &str = "record_root";
/// [`DocRecord::degraded`], when there is one. FAST only.
pub const RECORD_DEGRADED: &str = "record_degraded";

/// Set in [`RECORD_CHECK`] when the check columns hold the record's values; when not, the check
/// reads [`RECORD_JSON`].
pub const CHECK_IN_COLUMNS: u64 = 1;
/// Set in [`RECORD_CHECK`] when the document is degraded ([`RECORD_DEGRADED`] holds why).
pub const CHECK_DEGRADED: u64 = 2;
/// The longest value put in a check column. tantivy cuts fast-field strings at 64 KiB without a
/// word, so a record with a longer value (only a path could be) keeps its values out of the
/// columns, and is checked from [`RECORD_JSON`].
pub const MAX_CHECK_VALUE: usize = 16 << 10;

/// Separator between section path elements in [`SECTION`]: a control char, which no section
/// name holds (segmentation makes each name one line of text), where a printed separator such
/// as ` › ` may be part of a heading (a web page's breadcrumb, `Home › About`).
pub const SECTION_SEP: &str = "\u{1f}";

/// Builds the schema.
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // FAST only where coverage aggregates (document, section, ordinal; facets always are), and
    // indexed only what is searched or filtered on: each costs indexing time, a unique-string
    // fast column (passage ids) the most.
    b.add_text_field(PASSAGE_ID, STORED);
    b.add_text_field(DOC_ID, STRING | STORED | FAST);
    b.add_u64_field(ORDINAL, STORED | FAST);
    b.add_text_field(SECTION, STORED | FAST);
    b.add_text_field(KIND, STRING | STORED);
    b.add_text_field(LANG, STRING | STORED);
    b.add_u64_field(START, STORED);
    b.add_u64_field(END, STORED);
    b.add_text_field(TEXT, text);
    b.add_text_field(STORED_TEXT, STORED);
    b.add_facet_field(TAG, FacetOptions::default());
    b.add_facet_field(CITED, FacetOptions::default());
    b.add_facet_field(COVERED, FacetOptions::default());
    b.add_facet_field(PLANNED, FacetOptions::default());
    b.add_text_field(TAGS_JSON, STORED);
    b.add_f64_field(MAX_SCORE, STORED);
    b.add_text_field(RECORD, STRING);
    b.add_text_field(RECORD_ID, STRING | STORED);
    b.add_text_field(RECORD_LANG, STRING);
    b.add_text_field(RECORD_JSON, STORED);
    b.add_u64_field(RECORD_CHECK, FAST);
    for name in [
        RECORD_DOC,
        RECORD_HASH,
        RECORD_INPUTS,
        RECORD_ROOT,
        RECORD_DEGRADED,
    ] {
        b.add_text_field(name, FAST);
    }
    b.build()
}

/// The facet for a tag id (`right/labour` → `/right/labour`).
pub fn tag_facet(tag: &str) -> Facet {
    Facet::from_path(tag.split('/').filter(|s| !s.is_empty()))
}

/// The tag id of a facet (`/right/labour` → `right/labour`).
pub fn facet_tag(facet: &Facet) -> String {
    facet.to_path().join("/")
}

/// One indexed document, as recorded in its record ([`RECORD`]), committed with its passages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Path as given when indexed.
    pub path: String,
    /// BLAKE3 hash of the raw bytes (incremental indexing compares it).
    pub hash: String,
    /// Hash of what else decides the document: its manifest entry and the encoding option
    /// ([`crate::ingest::Candidate::inputs_hash`]); incremental indexing compares it too.
    #[serde(default)]
    pub inputs: String,
    /// Why the document is degraded (invalid byte sequences replaced), if it is: reported again
    /// by the runs that find it unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degraded: Option<String>,
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// Kind (statement, report, ...).
    pub kind: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Document language (zh, en, other).
    pub lang: String,
    /// Encoding it was decoded from.
    pub encoding: String,
    /// Number of passages indexed for it.
    pub passages: u64,
    /// The root path (as given, made absolute) it was found under; a later run over the same root
    /// that no longer finds the document removes it.
    #[serde(default)]
    pub root: String,
}

/// What a commit records besides the segments (stored as tantivy's commit payload, so that it is
/// committed atomically with the passages it describes). Its size does not depend on the corpus:
/// the documents are records in the index itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitPayload {
    /// [`SCHEMA_VERSION`] of the writer.
    pub schema_version: u32,
    /// Version string of the taxonomy the passages were tagged with.
    pub taxonomy_version: String,
    /// Hash of that taxonomy.
    pub taxonomy_hash: String,
    /// [`crate::pipeline::PIPELINE_VERSION`] of the writer (0 in indexes written before it
    /// was recorded).
    #[serde(default)]
    pub pipeline_version: u32,
}

/// A whole index's description: its payload and its documents, as the small writers for tests
/// and benchmarks ([`crate::query::reader::write_index`]) take it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexManifest {
    /// The commit payload (its schema version is set by the writer).
    pub payload: CommitPayload,
    /// The indexed documents, by document id.
    pub documents: BTreeMap<String, DocRecord>,
}
