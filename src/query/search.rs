//! Full-text search over the index with tag, citation, document and language filters, and
//! highlighted snippets.

use crate::index::{schema, HriaTokenizer, IndexError, IndexHandle};
use crate::model::{Lang, Tag};
use serde::Serialize;
use std::ops::Range;
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::TantivyDocument;

/// Default length of a snippet, in chars.
pub const DEFAULT_SNIPPET_CHARS: usize = 160;

/// A search: a query in tantivy's syntax plus filters. All filters must hold.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text (`AND`, `OR`, `NOT`, `-word`, `"phrases"`, `field:value`); terms are ANDed by
    /// default. Empty or `*` matches every passage (then the filters select).
    pub query: String,
    /// Tag ids; a passage must carry each one or a tag under it (`right/labour` matches
    /// `right/labour/forced-labour`).
    pub tags: Vec<String>,
    /// Instrument ids the passage must cite by name (`instrument/ICCPR`; `ICCPR` alone also works).
    pub cited: Vec<String>,
    /// Restrict to one document id.
    pub doc: Option<String>,
    /// Restrict to one passage language.
    pub lang: Option<Lang>,
    /// Maximum number of hits.
    pub limit: usize,
    /// Snippet length in chars ([`DEFAULT_SNIPPET_CHARS`] when 0).
    pub snippet_chars: usize,
}

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Passage id.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Document title (from the manifest).
    pub title: String,
    /// Section path, outermost first.
    pub section: Vec<String>,
    /// Passage kind.
    pub kind: String,
    /// Passage language.
    pub lang: String,
    /// Byte range of the passage in the original document text.
    pub range: Range<usize>,
    /// Relevance score (BM25; 1.0 when the query is only filters).
    pub score: f32,
    /// The passage's tags with their evidence.
    pub tags: Vec<Tag>,
    /// The clean passage text.
    pub text: String,
    /// The best fragment of the text for the query.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    pub highlights: Vec<Range<usize>>,
}

/// What can go wrong in a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query could not be parsed.
    #[error("invalid query {query:?}: {message}")]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        message: String,
    },
    /// A filter value is not usable.
    #[error("invalid filter: {0}")]
    Filter(String),
    /// The index could not be read.
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// Builds the query: the parsed text query (or all passages) and the filters, all required.
pub fn build_query(h: &IndexHandle, req: &SearchRequest) -> Result<Box<dyn Query>, SearchError> {
    let f = &h.fields;
    let q = req.query.trim();
    let text_query: Box<dyn Query> = if q.is_empty() || q == "*" {
        Box::new(AllQuery)
    } else {
        let mut parser = QueryParser::new(
            h.index.schema(),
            vec![f.text],
            crate::index::query_tokenizers(),
        );
        parser.set_conjunction_by_default();
        parser.parse_query(q).map_err(|e| SearchError::Query {
            query: req.query.clone(),
            message: e.to_string(),
        })?
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
    let term =
        |t: Term| -> Box<dyn Query> { Box::new(TermQuery::new(t, IndexRecordOption::Basic)) };
    for tag in &req.tags {
        let facet = schema::tag_facet(tag);
        if facet.is_root() {
            return Err(SearchError::Filter(format!("empty tag {tag:?}")));
        }
        // Facets are indexed with all their ancestors, so the parent term matches its children.
        clauses.push((Occur::Must, term(Term::from_facet(f.tag, &facet))));
    }
    for inst in &req.cited {
        let id = if inst.trim_start_matches('/').starts_with("instrument/") {
            inst.clone()
        } else {
            format!("instrument/{inst}")
        };
        let facet = schema::tag_facet(&id);
        clauses.push((Occur::Must, term(Term::from_facet(f.cited, &facet))));
    }
    if let Some(doc) = &req.doc {
        clauses.push((Occur::Must, term(Term::from_field_text(f.doc_id, doc))));
    }
    if let Some(lang) = req.lang {
        clauses.push((
            Occur::Must,
            term(Term::from_field_text(f.lang, lang.code())),
        ));
    }
    if clauses.len() == 1 {
        return Ok(clauses
            .pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(AllQuery)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn first_str(d: &TantivyDocument, f: tantivy::schema::Field) -> String {
    d.get_first(f)
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string()
}

fn first_u64(d: &TantivyDocument, f: tantivy::schema::Field) -> usize {
    d.get_first(f).and_then(|v| v.as_u64()).unwrap_or(0) as usize
}

/// The first `n` chars of `text`.
fn head(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// Runs a search; hits are ordered by score, then passage id (so equal scores come out the same
/// whatever the segment layout).
pub fn search(h: &IndexHandle, req: &SearchRequest) -> Result<Vec<Hit>, SearchError> {
    let query = build_query(h, req)?;
    let f = &h.fields;
    let tv = |e| SearchError::Index(IndexError::tantivy(&h.dir, e));
    let top = h
        .searcher
        .search(
            &query,
            &TopDocs::with_limit(req.limit.max(1)).order_by_score(),
        )
        .map_err(tv)?;
    let chars = if req.snippet_chars == 0 {
        DEFAULT_SNIPPET_CHARS
    } else {
        req.snippet_chars
    };
    let mut gen = snippet_generator(h, &*query).map_err(tv)?;
    gen.set_max_num_chars(chars);
    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let d: TantivyDocument = h.searcher.doc(addr).map_err(tv)?;
        let text = first_str(&d, f.stored_text);
        let snip = gen.snippet(&text);
        let (snippet, highlights) = if snip.is_empty() {
            (head(&text, chars).to_string(), Vec::new())
        } else {
            let frag = snip.fragment().to_string();
            let hl = snip
                .highlighted()
                .iter()
                .filter(|r| {
                    r.start < r.end
                        && r.end <= frag.len()
                        && frag.is_char_boundary(r.start)
                        && frag.is_char_boundary(r.end)
                })
                .cloned()
                .collect();
            (frag, hl)
        };
        let doc = first_str(&d, f.doc_id);
        let section = first_str(&d, f.section);
        let tags: Vec<Tag> = serde_json::from_str(&first_str(&d, f.tags_json)).unwrap_or_default();
        hits.push(Hit {
            id: first_str(&d, f.passage_id),
            title: h.title(&doc).to_string(),
            doc,
            section: if section.is_empty() {
                Vec::new()
            } else {
                section
                    .split(schema::SECTION_SEP)
                    .map(str::to_string)
                    .collect()
            },
            kind: first_str(&d, f.kind),
            lang: first_str(&d, f.lang),
            range: first_u64(&d, f.start)..first_u64(&d, f.end),
            score,
            tags,
            text,
            snippet,
            highlights,
        });
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    Ok(hits)
}

/// A snippet generator for the query's text terms, as tantivy's `SnippetGenerator::create` makes
/// one (rarer terms weigh more), but cutting the stored text with [`HriaTokenizer`]: the index's
/// own tokenizer for the text field reads term lists, not text.
fn snippet_generator(h: &IndexHandle, query: &dyn Query) -> tantivy::Result<SnippetGenerator> {
    let mut terms = std::collections::BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == h.fields.text {
            terms.insert(term.clone());
        }
    });
    let mut weights = std::collections::BTreeMap::new();
    for term in terms {
        let value = term.value();
        let Some(text) = value.as_str() else {
            continue;
        };
        let df = h.searcher.doc_freq(&term)?;
        if df > 0 {
            weights.insert(text.to_string(), 1.0 / (1.0 + df as f32));
        }
    }
    Ok(SnippetGenerator::new(
        weights,
        tantivy::tokenizer::TextAnalyzer::from(HriaTokenizer),
        h.fields.stored_text,
        DEFAULT_SNIPPET_CHARS,
    ))
}

/// Renders a snippet with its highlights wrapped in `open`/`close` (e.g. ANSI colours or `[[`/`]]`).
pub fn mark(snippet: &str, highlights: &[Range<usize>], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + highlights.len() * 8);
    let mut at = 0;
    for r in highlights {
        let (Some(before), Some(word)) = (snippet.get(at..r.start), snippet.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        at = r.end;
    }
    out.push_str(snippet.get(at..).unwrap_or(""));
    out
}
