//! Full-text search over the index with tag, citation, document and language filters, and
//! highlighted snippets.

use crate::index::{schema, HriaQueryTokenizer, HriaTokenizer, IndexError, IndexHandle};
use crate::model::{Lang, Tag};
use crate::query::reader::printable;
use crate::taxonomy::Taxonomy;
use serde::Serialize;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, QueryParser,
    TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, TantivyDocument};

/// Default length of a snippet, in chars.
pub const DEFAULT_SNIPPET_CHARS: usize = 160;

/// A search: a query in tantivy's syntax plus filters. All filters must hold.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text (`AND`, `OR`, `NOT`, `-word`, `"phrases"`, `field:value`); terms are ANDed by
    /// default. Empty or `*` matches every passage (then the filters select).
    pub query: String,
    /// Tag ids; a passage must carry each one or a tag under it (`right/labour` matches
    /// `right/labour/forced-labour`). An instrument tag (`instrument/ICCPR`, or `instrument`) also
    /// matches passages that cover the instrument without naming it.
    pub tags: Vec<String>,
    /// Instrument ids the passage must cite by name (`instrument/ICCPR`; `ICCPR` alone also works);
    /// a covered instrument does not count here.
    pub cited: Vec<String>,
    /// Restrict to these document ids (any of them; all documents when empty).
    pub docs: Vec<String>,
    /// Restrict to the documents whose manifest entry matches (organisation, kind, year).
    pub documents: crate::query::select::DocFilter,
    /// Restrict to one passage language.
    pub lang: Option<Lang>,
    /// Maximum number of hits (0: none; more than the index holds: all).
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
    /// The document's organisation, kind and year (from the manifest), where known.
    pub organisation: Option<String>,
    /// See `organisation`.
    pub doc_kind: Option<String>,
    /// See `organisation`.
    pub year: Option<i32>,
    /// Section path, outermost first.
    pub section: Vec<String>,
    /// Passage kind.
    pub kind: String,
    /// Passage language.
    pub lang: String,
    /// Byte range of the passage in the original document text.
    pub range: Range<usize>,
    /// Relevance score (BM25; 1.0 when the query is only filters), rounded to 3 decimals in
    /// JSON.
    #[serde(serialize_with = "rounded")]
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
    #[error("invalid query {}: {message}", shown(.query))]
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

/// A query as an error message shows it: quoted, and cut after 200 chars (a pasted document
/// would otherwise fill the terminal).
fn shown(query: &str) -> String {
    const MAX: usize = 200;
    match query.char_indices().nth(MAX) {
        Some((at, _)) => format!("{:?}… ({} chars)", &query[..at], query.chars().count()),
        None => format!("{query:?}"),
    }
}

/// Word prefixes (`slave*`) a query may have.
const MAX_QUERY_PREFIXES: usize = 256;

/// Nesting a query may have: parentheses and prefix operators (`NOT`, `-`, `+`) each add a level
/// that the query parser and the query builder recurse into, and thousands of them overflow the
/// stack. No hand-written query comes near this.
const MAX_QUERY_DEPTH: usize = 100;

/// The deepest nesting of parentheses and prefix operators outside quotes, counting a run of
/// prefix operators (`NOT NOT x`, `--x`) as one level each.
fn query_depth(q: &str) -> usize {
    let (mut depth, mut max, mut prefixes, mut quoted) = (0usize, 0usize, 0usize, false);
    for word in q.split_whitespace() {
        let mut rest = word;
        if !quoted && (rest == "NOT" || rest == "AND" || rest == "OR") {
            prefixes += usize::from(rest == "NOT");
            max = max.max(depth + prefixes);
            continue;
        }
        if !quoted {
            while let Some(r) = rest.strip_prefix(['(', '-', '+']) {
                if rest.starts_with('(') {
                    depth += 1;
                } else {
                    prefixes += 1;
                }
                rest = r;
            }
        }
        max = max.max(depth + prefixes);
        prefixes = 0;
        for c in rest.chars() {
            match c {
                '"' => quoted = !quoted,
                '(' if !quoted => depth += 1,
                ')' if !quoted => depth = depth.saturating_sub(1),
                _ => {}
            }
            max = max.max(depth);
        }
    }
    max
}

/// Escapes the apostrophes of `children's rights`, `workers' rights` and `ILO's`, which tantivy
/// reads as the start of a `'…'` phrase and then fails to parse. An apostrophe is a `'` after a
/// Latin letter or digit, outside `"…"`: outside a `'…'` phrase always (`O'Brien`, `workers'`),
/// inside one only before a contraction's ending (`'children's rights'`); other quotes open or
/// close a phrase, and one glued to a word gets a space (`'劳动合同'和'工资'`,
/// `'forced labour'OR'child labour'`), since Chinese and apostrophes do not meet.
fn escape_apostrophes(q: &str) -> Cow<'_, str> {
    if !q.contains('\'') {
        return Cow::Borrowed(q);
    }
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !crate::lang::is_han(c));
    let chars: Vec<char> = q.chars().collect();
    let mut out = String::with_capacity(q.len() + 8);
    let (mut double, mut single) = (false, false);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match c {
            '\\' => {
                // An escape the user wrote is kept with the char it escapes.
                out.push(c);
                if let Some(n) = next {
                    out.push(n);
                }
                i += 2;
                continue;
            }
            '"' if !single => double = !double,
            '\'' if !double => {
                // The word before the quote: an operator (`OR'…'`) is no word an apostrophe ends.
                let len = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .count();
                let operator = matches!(
                    chars[i - len..i],
                    ['O', 'R'] | ['A', 'N', 'D'] | ['N', 'O', 'T']
                );
                let ending: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                // Inside a phrase, a plural's apostrophe (`'workers' rights'`) is one when a
                // quote after a word and before no word lies further on to close the phrase.
                let closes_later = || {
                    chars[i + 1..]
                        .iter()
                        .position(|&c| c == '\'')
                        .is_some_and(|k| {
                            let at = i + 1 + k;
                            latin(Some(chars[at - 1]))
                                && !chars.get(at + 1).is_some_and(|c| c.is_alphanumeric())
                        })
                };
                let apostrophe = latin(prev)
                    && !operator
                    && (!single
                        || (latin(next)
                            && matches!(
                                ending.as_str(),
                                "s" | "t" | "d" | "ll" | "re" | "ve" | "m"
                            ))
                        || (prev == Some('s')
                            && next.is_some_and(char::is_whitespace)
                            && closes_later()));
                if apostrophe {
                    out.push_str("\\'");
                    i += 1;
                    continue;
                }
                let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if !single && glued(prev) {
                    out.push(' ');
                }
                out.push(c);
                if single && (glued(next) || next == Some('\'')) {
                    out.push(' ');
                }
                single = !single;
                i += 1;
                continue;
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    Cow::Owned(out)
}

/// Builds the query: the parsed text query (or all passages) and the filters, all required.
pub fn build_query(h: &IndexHandle, req: &SearchRequest) -> Result<Box<dyn Query>, SearchError> {
    build_query_with(h, req, &mut Vec::new())
}

/// [`build_query`], also giving the word prefixes (`slave*`) the query asks to see, each with
/// whether it is a prefix (or a whole term: `oper` for `operat*`).
fn build_query_with(
    h: &IndexHandle,
    req: &SearchRequest,
    prefixes: &mut Vec<(String, bool)>,
) -> Result<Box<dyn Query>, SearchError> {
    let f = &h.fields;
    let q = req.query.trim();
    let text_query: Box<dyn Query> = if q.is_empty() || q == "*" {
        // Scored 1.0 even beside filters, which tantivy would otherwise let stand alone.
        Box::new(ConstScoreQuery::new(Box::new(AllQuery), 1.0))
    } else {
        let mut parser = QueryParser::new(
            h.index.schema(),
            vec![f.text],
            crate::index::query_tokenizers(),
        );
        parser.set_conjunction_by_default();
        // Only for the prefixes the query's words ask for (see [`rewrite_leaves`]).
        parser.allow_regexes();
        let parsed = parse_text_query(&parser, q, prefixes).map_err(|e| SearchError::Query {
            query: req.query.clone(),
            message: query_message(&e),
        })?;
        if prefixes.is_empty() {
            parsed
        } else {
            // tantivy scores a prefix's matches all alike (1.0), which ranked `remed*` by document
            // id; the terms it matched, scored as words are, rank its passages as a search for
            // them would. Each term is weighed with the idf of the most frequent of them (as
            // Lucene's blended rewrite does), or a rare variant (`remediatory`) would outrank the
            // word itself. They only add to the score: what matches is the parsed query's.
            let tv = |e| SearchError::Index(IndexError::tantivy(&h.dir, e));
            let terms: Vec<(Term, u64)> = prefix_terms(&h.searcher, f.text, prefixes)
                .map_err(tv)?
                .iter()
                .map(|t| {
                    let term = Term::from_field_text(f.text, t);
                    h.searcher.doc_freq(&term).map(|df| (term, df))
                })
                .collect::<tantivy::Result<_>>()
                .map_err(tv)?;
            let n = h.searcher.num_docs() as f32;
            let idf = |df: u64| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
            let common = idf(terms.iter().map(|t| t.1).max().unwrap_or(0));
            let scored: Vec<(Occur, Box<dyn Query>)> = terms
                .into_iter()
                .filter(|(_, df)| *df > 0)
                .map(|(term, df)| {
                    let q: Box<dyn Query> = Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                        common / idf(df),
                    ));
                    (Occur::Should, q)
                })
                .collect();
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, parsed),
                (Occur::Should, Box::new(BooleanQuery::new(scored))),
            ]))
        }
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
    // Filters select and never score: a passage's score is its text query's alone, so that
    // filtering neither reorders the hits (each document id of `--org` has its own idf) nor
    // moves their scores.
    let term = |t: Term| -> Box<dyn Query> {
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
            0.0,
        ))
    };
    for tag in &req.tags {
        let facet = schema::tag_facet(tag);
        if facet.is_root() {
            return Err(SearchError::Filter(format!("empty tag {tag:?}")));
        }
        // Facets are indexed with all their ancestors, so the parent term matches its children.
        let tagged = term(Term::from_facet(f.tag, &facet));
        if is_instrument_facet(&facet) {
            // A passage addresses an instrument when it names it (in the tag field) or covers it
            // without naming it (covered instruments are only in their own field).
            let covered = term(Term::from_facet(f.covered, &facet));
            let either = BooleanQuery::new(vec![(Occur::Should, tagged), (Occur::Should, covered)]);
            clauses.push((Occur::Must, Box::new(either)));
        } else {
            clauses.push((Occur::Must, tagged));
        }
    }
    for inst in &req.cited {
        let id = instrument_id(inst);
        let facet = schema::tag_facet(&id);
        clauses.push((Occur::Must, term(Term::from_facet(f.cited, &facet))));
    }
    if !req.docs.is_empty() {
        let either = req
            .docs
            .iter()
            .map(|d| (Occur::Should, term(Term::from_field_text(f.doc_id, d))))
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(either))));
    }
    if let Some(docs) = meta_docs(h, req)? {
        let either = docs
            .iter()
            .map(|d| (Occur::Should, term(Term::from_field_text(f.doc_id, d))))
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(either))));
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

/// What is wrong with a query, in words that say what to write instead where tantivy's own name
/// the index's internals.
fn query_message(e: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    let fields = format!(
        "a query may name `{}:`, `{}:`, `{}:` and `{}:`; filter with --tag, --cited, --doc, --lang, --org, --doc-kind or --year",
        schema::TEXT,
        schema::DOC_ID,
        schema::KIND,
        schema::LANG
    );
    let tags = "tags are filters, not query terms: write `--tag right/labour` (or `--cited`)";
    match e {
        E::FieldDoesNotExist(f) => format!("there is no field `{f}`: {fields}"),
        E::FieldNotIndexed(f) if TAG_FIELDS.contains(&f.as_str()) => tags.into(),
        E::FacetFormatError(_) => tags.into(),
        E::FieldNotIndexed(f) => format!("the field `{f}` cannot be searched: {fields}"),
        E::SyntaxError(message) => message.clone(),
        E::PhrasePrefixRequiresAtLeastTwoTerms { phrase, .. } => format!(
            "`\"{phrase}\"*`: a phrase prefix needs two words or more; a word's prefix is written `word*`"
        ),
        E::AllButQueryForbidden => {
            "a query of exclusions alone matches nothing: write `* NOT word` for the passages without the word"
                .into()
        }
        other => other.to_string(),
    }
}

/// The facet fields of a passage's tags: searched with `--tag` and `--cited`, never by name.
const TAG_FIELDS: [&str; 4] = [schema::TAG, schema::CITED, schema::COVERED, schema::PLANNED];

/// The fields a query may name: the text (the default), a passage's document, kind and language.
const QUERY_FIELDS: [&str; 4] = [schema::TEXT, schema::DOC_ID, schema::KIND, schema::LANG];

/// Refuses a field a query may not name, whatever the form it is asked in (a term, a range, a
/// set, a comparison), as the query's fault, with what to use instead ([`query_message`]).
/// tantivy refused some forms and ran others: `ordinal:[1 TO 5]` and `ordinal:>3` on the
/// ordinal's fast column, `tag:/right` on the tags' facets, `record_lang:zh` on the records of
/// the documents, which no query matches (0 hits), and failed on `ordinal:IN [1 2]` as if the
/// index were damaged.
fn check_field(field: Option<&str>) -> Result<(), tantivy::query::QueryParserError> {
    use tantivy::query::QueryParserError as E;
    match field {
        None => Ok(()),
        Some(f) if QUERY_FIELDS.contains(&f) => Ok(()),
        Some(f) if schema::schema().get_field(f).is_ok() => Err(E::FieldNotIndexed(f.into())),
        Some(f) => Err(E::FieldDoesNotExist(f.into())),
    }
}

/// A `lang:` value as the index holds it (`EN` is `en`), or what the values are.
fn lang_value(value: &str) -> Result<String, tantivy::query::QueryParserError> {
    match Lang::parse(value) {
        Some(l) => Ok(l.code().to_string()),
        None => Err(tantivy::query::QueryParserError::SyntaxError(format!(
            "`{}:{value}`: a passage's language is zh, en or other",
            schema::LANG
        ))),
    }
}

/// A `kind:` value as the index holds it (`List item`, `headings` are `list-item`, `heading`),
/// or what the values are.
fn kind_value(value: &str) -> Result<String, tantivy::query::QueryParserError> {
    use crate::model::PassageKind as K;
    let norm = value.trim().to_lowercase().replace([' ', '_'], "-");
    let kinds = [K::Heading, K::Paragraph, K::ListItem].map(K::as_str);
    match kinds
        .iter()
        .find(|k| norm == **k || norm == format!("{k}s"))
    {
        Some(k) => Ok(k.to_string()),
        None => Err(tantivy::query::QueryParserError::SyntaxError(format!(
            "`{}:{value}`: a passage's kind is {}",
            schema::KIND,
            kinds.join(", ")
        ))),
    }
}

/// Parses the text part of a query. Unlike tantivy's own parsing, an unquoted term with Chinese
/// characters is cut into its words and every word is required, as if they had been written with
/// spaces between them (analysts do not put spaces between Chinese words; tantivy would make the
/// term an exact phrase). A quoted term stays a phrase.
fn parse_text_query(
    parser: &QueryParser,
    q: &str,
    prefixes: &mut Vec<(String, bool)>,
) -> Result<Box<dyn Query>, tantivy::query::QueryParserError> {
    let q = &*crate::segment::without_invisible(q);
    let q = &*escape_apostrophes(q);
    let depth = query_depth(q);
    if depth > MAX_QUERY_DEPTH {
        return Err(tantivy::query::QueryParserError::SyntaxError(format!(
            "nested {depth} levels deep (parentheses and NOT/-/+ operators); at most {MAX_QUERY_DEPTH} are allowed"
        )));
    }
    // Each word prefix is an automaton over the terms (about 170 KB): thousands of them ORed
    // took gigabytes. Stars are counted as written, inside quotes too, which is an upper bound.
    let stars = q.matches('*').count();
    if stars > MAX_QUERY_PREFIXES {
        return Err(tantivy::query::QueryParserError::SyntaxError(format!(
            "{stars} word prefixes (`word*`); at most {MAX_QUERY_PREFIXES} are allowed in one query"
        )));
    }
    let ast = tantivy::query_grammar::parse_query(q).map_err(|_| {
        tantivy::query::QueryParserError::SyntaxError(
            "it does not parse (check parentheses, quotes and AND/OR/NOT)".into(),
        )
    })?;
    if !boosts_bounded(&ast, 1.0) {
        return Err(tantivy::query::QueryParserError::SyntaxError(format!(
            "a boost (`word^N`) multiplies scores by at most {MAX_BOOST}, each boost on its own and nested boosts multiplied together"
        )));
    }
    if let Some(field) = exists_field(&ast) {
        // tantivy reads `field:*` as "has a value", which only its fast fields answer: asked of
        // the text or an unknown field, it failed later as if the index were at fault.
        return Err(tantivy::query::QueryParserError::SyntaxError(format!(
            "`{field}:*` is not supported: use `*` alone for every passage"
        )));
    }
    let ast = rewrite_leaves(ast, false, prefixes)?;
    let ast = match split_chinese_terms(ast) {
        // The top level keeps tantivy's rule: a query of exclusions only is an error.
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, a)| (occur, match_all_but(a)))
                .collect(),
        ),
        other => other,
    };
    parser.build_query_from_user_input_ast(ast)
}

/// The largest N of a phrase's `~N` (words at most N apart), and the most words such a phrase
/// may hold: beyond them tantivy's matching grows to gigabytes ([`rewrite_leaves`]).
const MAX_SLOP: u32 = 10;
/// See [`MAX_SLOP`].
const MAX_SLOP_WORDS: usize = 16;

/// The largest factor a query's boosts may scale a score by: beyond it scores overflow to
/// infinity (or, times a boost of 0, to NaN) and rank nothing.
const MAX_BOOST: f64 = 1e6;

/// Whether every boost of `ast`, times the boosts around it (`scale`), is at most [`MAX_BOOST`].
fn boosts_bounded(ast: &UserInputAst, scale: f64) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().all(|(_, a)| boosts_bounded(a, scale)),
        UserInputAst::Boost(a, boost) => {
            // Each boost on its own too: a zero outside would hide an inner one past f32's range
            // (`(x^99…9)^0`, 60 nines), which tantivy turns into an infinite score times zero.
            let alone = boost.0.is_finite() && (0.0..=MAX_BOOST).contains(&boost.0);
            let scale = scale * boost.0;
            alone && scale <= MAX_BOOST && boosts_bounded(a, scale)
        }
        UserInputAst::Leaf(_) => true,
    }
}

/// Rewrites the leaves tantivy would read otherwise than an analyst means them: a word ending in
/// `*` (`slave*`, `"chil"*`) is a prefix of the index's terms (tantivy searches the word without
/// its star, or refuses a one-word phrase prefix); `lang:` and `kind:` values are checked and
/// compared in any case (`lang:EN`), not matched to nothing; `word~N` is refused, since tantivy
/// would take the word alone; a field a query may not name is refused in every form
/// ([`check_field`]). Prefixes outside a NOT are added to `prefixes`.
fn rewrite_leaves(
    ast: UserInputAst,
    negated: bool,
    prefixes: &mut Vec<(String, bool)>,
) -> Result<UserInputAst, tantivy::query::QueryParserError> {
    use tantivy::query::QueryParserError as E;
    let leaf = match ast {
        UserInputAst::Clause(clauses) => {
            return Ok(UserInputAst::Clause(
                clauses
                    .into_iter()
                    .map(|(occur, a)| {
                        let not = negated || occur == Some(Occur::MustNot);
                        rewrite_leaves(a, not, prefixes).map(|a| (occur, a))
                    })
                    .collect::<Result<_, _>>()?,
            ))
        }
        UserInputAst::Boost(a, boost) => {
            return Ok(UserInputAst::Boost(
                Box::new(rewrite_leaves(*a, negated, prefixes)?),
                boost,
            ))
        }
        UserInputAst::Leaf(leaf) => leaf,
    };
    let leaf =
        match *leaf {
            UserInputLeaf::Regex { .. } => return Err(E::SyntaxError(
                "regular expressions (`/…/`) are not supported: a word's prefix is written `word*`"
                    .into(),
            )),
            // `lang:>en`, `kind:[a TO z]`: values of a list, in no order a range could follow.
            UserInputLeaf::Range { field, .. }
                if matches!(field.as_deref(), Some(schema::LANG | schema::KIND)) =>
            {
                let f = field.unwrap_or_default();
                return Err(E::SyntaxError(format!(
                    "`{f}:` takes a value, or several as `{f}:IN [… …]`, not a range"
                )));
            }
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => {
                check_field(field.as_deref())?;
                UserInputLeaf::Range {
                    field,
                    lower,
                    upper,
                }
            }
            // Checked and compared in any case, as one value is.
            UserInputLeaf::Set { field, elements } => {
                check_field(field.as_deref())?;
                let elements = match field.as_deref() {
                    Some(schema::LANG) => elements.iter().map(|e| lang_value(e)).collect(),
                    Some(schema::KIND) => elements.iter().map(|e| kind_value(e)).collect(),
                    _ => Ok(elements),
                }?;
                UserInputLeaf::Set { field, elements }
            }
            UserInputLeaf::Literal(lit) => {
                check_field(lit.field_name.as_deref())?;
                UserInputLeaf::Literal(lit)
            }
            other => other,
        };
    let UserInputLeaf::Literal(mut lit) = leaf else {
        return Ok(UserInputAst::Leaf(Box::new(leaf)));
    };
    let field = lit.field_name.clone();
    match field.as_deref() {
        None | Some(schema::TEXT) => {
            let quoted = lit.delimiter != Delimiter::None;
            let star = !quoted && lit.phrase.ends_with('*');
            if lit.prefix || star {
                return prefix_leaf(lit, negated, prefixes);
            }
            // A range of numbers (`3~5`, as laws write them) is searched as written, as a phrase.
            let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
            if !quoted && lit.slop > 0 && digits(&lit.phrase) {
                lit.phrase = format!("{}~{}", lit.phrase, lit.slop);
                lit.slop = 0;
                lit.delimiter = Delimiter::DoubleQuotes;
                return Ok(UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit))));
            }
            if quoted && lit.phrase.trim().is_empty() {
                return Err(E::SyntaxError(
                    "an empty phrase matches nothing: put words inside the quotes".into(),
                ));
            }
            // tantivy's matching of a phrase with slop grows with the slop and the words at
            // once: 20 words of a repeated sentence at slop 20 took 5 GB and more than 20 s on
            // one document. Bounded where every measured case stayed under a second.
            if quoted && lit.slop > 0 {
                // Words as the index cuts them: runs of letters and digits (a hyphen parts
                // them), and a word for every two Han chars, about what jieba makes.
                let han = lit
                    .phrase
                    .chars()
                    .filter(|&c| crate::lang::is_han(c))
                    .count();
                let latin = lit
                    .phrase
                    .split(|c: char| !c.is_alphanumeric() || crate::lang::is_han(c))
                    .filter(|w| !w.is_empty())
                    .count();
                let words = latin + han.div_ceil(2);
                if lit.slop > MAX_SLOP || words > MAX_SLOP_WORDS {
                    return Err(E::SyntaxError(format!(
                        "`\"…\"~{}` with {words} word(s) (two Han chars counted as one): a phrase with `~N` takes N up to {MAX_SLOP} and up to {MAX_SLOP_WORDS} words",
                        lit.slop
                    )));
                }
            }
            if !quoted {
                if let Some(op) = ["||", "&&"].into_iter().find(|op| lit.phrase.contains(op)) {
                    let word = if op == "||" { "OR" } else { "AND" };
                    return Err(E::SyntaxError(format!(
                        "`{op}` is not an operator here: write `{word}`"
                    )));
                }
                if lit.phrase.contains('*') {
                    return Err(E::SyntaxError(format!(
                        "`{}`: a `*` ends a word's prefix (`slave*`); it cannot begin a word or stand inside one",
                        lit.phrase
                    )));
                }
                if lit.phrase.ends_with('~') {
                    return Err(E::SyntaxError(format!(
                        "`{}`: fuzzy matching is not supported; `\"two words\"~N` finds words at most N apart",
                        lit.phrase
                    )));
                }
            }
            // `word~N` comes as a slop or, when the grammar keeps it, inside the word.
            let tilde = lit
                .phrase
                .rsplit_once('~')
                .is_some_and(|(w, n)| digits(n) && !w.is_empty() && !digits(w));
            if !quoted && (lit.slop > 0 || tilde) {
                let slop = if lit.slop > 0 {
                    format!("~{}", lit.slop)
                } else {
                    String::new()
                };
                return Err(E::SyntaxError(format!(
                    "`{}{slop}`: fuzzy matching is not supported; `\"two words\"~N` finds words at most N apart",
                    lit.phrase
                )));
            }
            if let Some(closed) = closed_compound(&lit.phrase).filter(|_| !quoted) {
                let mut one = lit.clone();
                one.phrase = closed;
                let leaf = |l| UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(l)));
                // The phrase of the parts only where the closed form is not: a hyphenated text
                // holds both, and would otherwise score twice and outrank the closed spelling.
                let parts = UserInputAst::Clause(vec![
                    (Some(Occur::Must), leaf(lit)),
                    (Some(Occur::MustNot), leaf(one.clone())),
                ]);
                // Halved: a phrase's score is about the sum of its two words', where the closed
                // spelling is one word.
                let parts = UserInputAst::Boost(Box::new(parts), 0.5.into());
                return Ok(UserInputAst::Clause(vec![
                    (Some(Occur::Should), leaf(one)),
                    (Some(Occur::Should), parts),
                ]));
            }
        }
        Some(schema::LANG) => lit.phrase = lang_value(&lit.phrase)?,
        Some(schema::KIND) => lit.phrase = kind_value(&lit.phrase)?,
        _ => {}
    }
    Ok(UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit))))
}

/// The closed form of an unquoted word of two Latin parts joined by a hyphen (`whistle-blower`
/// → `whistleblower`), which is searched beside it: the index holds both forms of a hyphenated
/// text, but a text writing the word closed has only the one. What makes a compound is the
/// index's own rule ([`crate::segment::Segmenter::compound`]), so that the two cannot drift
/// apart; punctuation pasted with the word and a possessive are read as the tokenizer reads them.
fn closed_compound(word: &str) -> Option<String> {
    let s = crate::index::segmenter();
    let tokens = s.tokens(word);
    let [a, b] = tokens.as_slice() else {
        return None;
    };
    s.compound(word, &tokens, 1)?;
    Some(format!(
        "{}{}",
        &word[a.range.clone()],
        &word[b.range.clone()]
    ))
}

/// The field of the first `field:*` in a query, if it has one.
fn exists_field(ast: &UserInputAst) -> Option<&str> {
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().find_map(|(_, a)| exists_field(a)),
        UserInputAst::Boost(a, _) => exists_field(a),
        UserInputAst::Leaf(leaf) => match &**leaf {
            UserInputLeaf::Exists { field } => Some(field),
            _ => None,
        },
    }
}

/// Gives a nested clause of exclusions only (`a AND NOT (b AND c)` parses as `+a +(-(+b +c))`)
/// every passage to exclude from; tantivy would match nothing there, and the whole query nothing.
fn match_all_but(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => {
            let mut clauses: Vec<_> = clauses
                .into_iter()
                .map(|(occur, a)| (occur, match_all_but(a)))
                .collect();
            if !clauses.is_empty() && clauses.iter().all(|(o, _)| *o == Some(Occur::MustNot)) {
                clauses.push((
                    Some(Occur::Should),
                    UserInputAst::Leaf(Box::new(UserInputLeaf::All)),
                ));
            }
            UserInputAst::Clause(clauses)
        }
        UserInputAst::Boost(a, boost) => UserInputAst::Boost(Box::new(match_all_but(*a)), boost),
        leaf => leaf,
    }
}

/// Rewrites every unquoted Chinese term of `ast` that holds several words into a clause requiring
/// each word.
fn split_chinese_terms(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, a)| (occur, split_chinese_terms(a)))
                .collect(),
        ),
        UserInputAst::Boost(a, boost) => {
            UserInputAst::Boost(Box::new(split_chinese_terms(*a)), boost)
        }
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(lit)
                if lit.delimiter == Delimiter::None
                    && lit.slop == 0
                    && !lit.prefix
                    && lit.field_name.as_deref().is_none_or(|f| f == schema::TEXT)
                    && lit.phrase.chars().any(crate::lang::is_han) =>
            {
                let words: Vec<&str> = query_words(&lit.phrase)
                    .into_iter()
                    .filter_map(|(r, _)| lit.phrase.get(r))
                    .collect();
                if words.len() < 2 {
                    return UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit)));
                }
                UserInputAst::Clause(
                    words
                        .into_iter()
                        .map(|w| {
                            let mut word = lit.clone();
                            word.phrase = w.to_string();
                            let leaf = UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(word)));
                            (Some(Occur::Must), leaf)
                        })
                        .collect(),
                )
            }
            other => UserInputAst::Leaf(Box::new(other)),
        },
    }
}

/// The leaf of a word prefix, `lit` (`slave*`, `"chil"*`, `保护劳动*`), an error if it is too short
/// or too long; its forms are added to `prefixes` unless `negated`.
fn prefix_leaf(
    lit: tantivy::query_grammar::UserInputLiteral,
    negated: bool,
    prefixes: &mut Vec<(String, bool)>,
) -> Result<UserInputAst, tantivy::query::QueryParserError> {
    use tantivy::query::QueryParserError as E;
    let quoted = lit.delimiter != Delimiter::None;
    let word = lit.phrase.trim_end_matches('*').trim();
    if quoted && word.split_whitespace().nth(1).is_some() {
        // A phrase prefix (`"child lab"*`), which tantivy does itself.
        return Ok(UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit))));
    }
    let norm = crate::normalize::normalize_str(word);
    if norm.contains('*') || norm.split_whitespace().nth(1).is_some() {
        return Err(E::SyntaxError(format!(
            "`{}`: a `*` ends one word (`slave*`) or a quoted phrase (`\"child lab\"*`)",
            lit.phrase
        )));
    }
    let han = norm.chars().any(crate::lang::is_han);
    // One Han char is a word's worth (劳*); one letter would match half the index, however it is
    // written (`a-*`, `A$*`).
    if norm.chars().filter(|c| c.is_alphanumeric()).count() < 2 && !han {
        return Err(E::SyntaxError(format!(
            "`{}`: a prefix needs at least two letters",
            lit.phrase
        )));
    }
    if norm.chars().count() > MAX_PREFIX_CHARS {
        return Err(E::SyntaxError(format!(
            "`{}…*`: a prefix has at most {MAX_PREFIX_CHARS} chars",
            lit.phrase.chars().take(20).collect::<String>()
        )));
    }
    // The index holds processed terms: stemmed and spelling-folded (`slavery` is
    // `slaveri`), cut at hyphens and into Chinese words. A word that is several
    // terms is a phrase whose last term is the prefix (`保护劳动*` in 保护|劳动者,
    // `non-discrimination*`), which tantivy does; Chinese is also matched as typed
    // inside one word (`强迫劳*` in 强迫劳动, whose sub-words share its position); one
    // term is matched as typed (`slave*`) or as processed (`slavery*`).
    let terms: Vec<String> = query_words(word).into_iter().map(|(_, t)| t).collect();
    let phrase = (terms.len() > 1).then(|| {
        let mut p = lit.clone();
        p.delimiter = Delimiter::DoubleQuotes;
        p.phrase = word.to_string();
        p.prefix = true;
        UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(p)))
    });
    if let (Some(phrase), false) = (&phrase, han) {
        return Ok(phrase.clone());
    }
    // The processed word is a prefix too where stemming changed its letters (`slavery*`:
    // `slaveri`); where it only cut them (`operation*`: `oper`, `wages*`: `wage`) it is a whole
    // term, or it would find other words with the stem's letters (`opera`, `wager`).
    let mut forms = vec![norm.clone()];
    let mut whole: Vec<String> = Vec::new();
    if let [term] = terms.as_slice() {
        if norm.starts_with(term.as_str()) {
            whole.push(term.clone());
        } else {
            forms.push(term.clone());
        }
    }
    forms.dedup();
    // A truncation longer than the stem (`operat*`, `monitori*`, `busin*`, `recognis*`: the index
    // holds `oper`, `monitor`, `busi`, `recogn`) finds the stems of the words it begins, shorter
    // than it: those of the prefix completed with an ending it stops inside (`monitori|ng`,
    // `busi|ness`, `operat|e`), where the stem keeps every letter before that ending, or with an
    // inflection after it (`employee|s`: `employe`), where the stem loses at most a last `e`.
    // Not the prefix less a few letters, which found other words (`slave*` found `SLA`,
    // `children*` every `child`), nor stems that cut into the prefix (`employee|r` stems to
    // `employ`, which found "employer").
    if !han && terms.len() == 1 {
        let lower = norm.as_str();
        let completions = INFLECTIONS
            .iter()
            .map(|e| (format!("{word}{e}"), lower.len().saturating_sub(1)))
            .chain(SUFFIXES.iter().flat_map(|x| {
                (1..x.len())
                    .filter(|&j| x.is_char_boundary(j) && lower.ends_with(&x[..j]))
                    .map(move |j| (format!("{word}{}", &x[j..]), lower.len() - j))
            }));
        for (w, keeps) in completions {
            if let [(_, t)] = query_words(&w).as_slice() {
                // A doubled consonant before the ending is undoubled (`committ|ed`: `commit`).
                let undoubled = t.len() + 1 == keeps
                    && lower
                        .as_bytes()
                        .get(keeps.wrapping_sub(2)..keeps)
                        .is_some_and(|d| {
                            d[0] == d[1] && d[0].is_ascii_alphabetic() && !b"aeiou".contains(&d[0])
                        });
                // A stem may also end in an `e` the prefix does not have (`durin|g`: `dure`,
                // `takin|g`: `take`), keeping the letters before the ending.
                let kept = norm.starts_with(t.as_str()) && (t.len() >= keeps || undoubled);
                let e_added = t.strip_suffix('e').is_some_and(|s| {
                    s.len() == keeps && norm.starts_with(s) && !norm.starts_with(t.as_str())
                });
                // Four letters at least: `offi|ng` stems to `of`, `in|ful` to `in`.
                if t.len() >= 4 && t.len() < norm.len() && (kept || e_added) && !whole.contains(t) {
                    whole.push(t.clone());
                }
            }
        }
    }
    let escape = |s: &str| {
        let mut out = String::with_capacity(s.len() + 4);
        for c in s.chars() {
            if "\\.+*?()|[]{}^$#&-~\"'<>@".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let mut pattern = format!(
        "({}).*",
        forms
            .iter()
            .map(|f| escape(f))
            .collect::<Vec<_>>()
            .join("|")
    );
    for w in &whole {
        pattern.push('|');
        pattern.push_str(&escape(w));
    }
    if !negated {
        prefixes.extend(forms.into_iter().map(|f| (f, true)));
        prefixes.extend(whole.into_iter().map(|w| (w, false)));
    }
    let regex = UserInputAst::Leaf(Box::new(UserInputLeaf::Regex {
        field: Some(schema::TEXT.to_string()),
        pattern,
    }));
    Ok(match phrase {
        Some(phrase) => UserInputAst::Clause(vec![
            (Some(Occur::Should), regex),
            (Some(Occur::Should), phrase),
        ]),
        None => regex,
    })
}

/// The terms of `field` that the word prefixes of a query match: those that start with a prefix
/// (at most 200 for each: the first in term order), and the whole terms given with it
/// (`(term, false)`).
fn prefix_terms(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    prefixes: &[(String, bool)],
) -> tantivy::Result<std::collections::BTreeSet<String>> {
    const MAX_EXPANSIONS: usize = 200;
    let mut out = std::collections::BTreeSet::new();
    for (p, is_prefix) in prefixes {
        if !is_prefix {
            out.insert(p.clone());
            continue;
        }
        // The first of each segment, then the first of their union: a cap shared across
        // segments would let the first segment's terms crowd out earlier ones of the others.
        let mut found = std::collections::BTreeSet::new();
        for seg in searcher.segment_readers() {
            let inverted = seg.inverted_index(field)?;
            let mut stream = inverted.terms().range().ge(p.as_bytes()).into_stream()?;
            let mut taken = 0;
            while taken < MAX_EXPANSIONS && stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if !term.starts_with(p.as_str()) {
                    break;
                }
                found.insert(term.to_string());
                taken += 1;
            }
        }
        out.extend(found.into_iter().take(MAX_EXPANSIONS));
    }
    Ok(out)
}

/// Endings a word prefix is completed with after its last letter (`operat|e`, `employee|s`) to
/// find the stems of the words it begins: inflections, and endings that make no new word of a
/// whole one.
const INFLECTIONS: &[&str] = &[
    "e", "es", "ed", "ing", "ion", "ions", "y", "ies", "s", "er", "ers", "al", "ise", "ised",
    "ize", "ized", "ive", "ly",
];

/// Endings a word prefix may stop inside (`monitori|ng`, `busi|ness`, `diligen|ce`), completed
/// from where it stops to find the stems of the words it begins.
const SUFFIXES: &[&str] = &[
    "ing", "ings", "ion", "ions", "tion", "tions", "ation", "ations", "ication", "ications",
    "isation", "ization", "ment", "ments", "ement", "ements", "ness", "nesses", "iveness",
    "fulness", "ousness", "ional", "ative", "ence", "ences", "ance", "ances", "ity", "ities",
    "ibility", "ability", "ible", "able", "ive", "ives", "ively", "al", "ally", "ise", "ised",
    "ises", "ize", "ized", "izes", "ied", "ies", "ed", "es", "er", "ers", "ly", "ful", "ous",
    "ship", "ist", "ists", "ism", "ate", "ated", "ates", "ating", "ator", "ators", "ory", "ary",
];

/// The longest word prefix a query may ask for (`word*`), in chars.
const MAX_PREFIX_CHARS: usize = 64;

/// The words of `text` as the query tokenizer cuts it: each one's byte range and the term it
/// becomes (stemmed, folded).
fn query_words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut tokenizer = HriaQueryTokenizer;
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.offset_from..t.offset_to, t.text.clone()));
    }
    out
}

/// Checks the tag, instrument and document filters of `req` against the taxonomy in use and the
/// index, so that a typo is an error rather than an empty result. A tag is known when it is a
/// taxonomy id or a parent of one, segment by segment (`right/labour`, not `right/lab`), or when
/// the index holds it (an index tagged with another taxonomy). An instrument named another way
/// ([`Taxonomy::find_instrument`]: `udhr`, `ICC`, `Rome Statute`) is replaced by its id.
pub fn check_filters(
    h: &IndexHandle,
    taxonomy: &Taxonomy,
    req: &mut SearchRequest,
) -> Result<(), SearchError> {
    let f = &h.fields;
    let in_index = |field, id: &str| -> Result<bool, SearchError> {
        let facet = schema::tag_facet(id);
        if facet.is_root() {
            return Ok(false);
        }
        let n = h
            .searcher
            .doc_freq(&Term::from_facet(field, &facet))
            .map_err(|e| SearchError::Index(IndexError::tantivy(&h.dir, e)))?;
        Ok(n > 0)
    };
    for tag in &req.tags {
        let id = tag.trim_matches('/');
        if id.is_empty() {
            return Err(SearchError::Filter(format!("empty tag {tag:?}")));
        }
        let known = taxonomy
            .entries
            .iter()
            .any(|e| crate::query::coverage::is_under(&e.id, id));
        if !known && !in_index(f.tag, id)? && !in_index(f.covered, id)? {
            return Err(SearchError::Filter(unknown_id(
                "tag",
                tag,
                id,
                taxonomy.entries.iter().map(|e| e.id.as_str()),
            )));
        }
    }
    for inst in &mut req.cited {
        // An empty value (an unset shell variable) would read as every instrument.
        if inst.trim().trim_matches('/').is_empty() {
            return Err(SearchError::Filter(format!("empty instrument {inst:?}")));
        }
        let id = instrument_id(inst);
        // An id the taxonomy or the index holds is taken as it is (an index tagged with another
        // taxonomy may hold ids this one names otherwise).
        if taxonomy.get(&id).is_some() || in_index(f.cited, &id)? {
            continue;
        }
        if let Some(e) = taxonomy.find_instrument(inst) {
            *inst = e.id.clone();
        } else {
            let instruments = taxonomy
                .entries
                .iter()
                .map(|e| e.id.as_str())
                .filter(|e| e.starts_with("instrument/"));
            return Err(SearchError::Filter(unknown_id(
                "instrument",
                inst,
                &id,
                instruments,
            )));
        }
    }
    for doc in &req.docs {
        let known = h.document(doc)?.is_some() || {
            let q = TermQuery::new(
                Term::from_field_text(f.doc_id, doc),
                IndexRecordOption::Basic,
            );
            h.searcher
                .search(&q, &Count)
                .map_err(|e| SearchError::Index(IndexError::tantivy(&h.dir, e)))?
                > 0
        };
        if !known {
            let records = h.documents()?;
            let hint = document_hint(doc, records.iter().map(|(d, _)| d.as_str()));
            return Err(SearchError::Filter(format!(
                "no document `{}` in the index at {}{hint}",
                crate::escape::printable_id(doc),
                crate::escape::printable_path(&h.dir)
            )));
        }
        if !req.documents.is_empty() && !h.document(doc)?.is_some_and(|r| req.documents.matches(&r))
        {
            return Err(SearchError::Filter(format!(
                "document `{doc}` is not among those --org, --doc-kind and --year select"
            )));
        }
    }
    Ok(())
}

/// The documents that [`SearchRequest::documents`] selects (`None` when it is empty).
fn meta_docs(h: &IndexHandle, req: &SearchRequest) -> Result<Option<Vec<String>>, SearchError> {
    if req.documents.is_empty() {
        return Ok(None);
    }
    req.documents
        .select(&h.documents()?, &h.dir)
        .map(Some)
        .map_err(SearchError::Filter)
}

/// Whether a tag filter's facet is `/instrument` or under it.
fn is_instrument_facet(facet: &tantivy::schema::Facet) -> bool {
    facet.to_path().first() == Some(&"instrument")
}

/// `ICCPR` → `instrument/ICCPR`; an id with the prefix (in any case) gets it in lower case.
fn instrument_id(inst: &str) -> String {
    format!("instrument/{}", crate::taxonomy::instrument_short(inst))
}

/// The message for an unknown tag or instrument id, with the ids closest to it.
fn unknown_id<'a>(
    what: &str,
    given: &str,
    id: &str,
    ids: impl Iterator<Item = &'a str> + Clone,
) -> String {
    // A string prefix that is not a whole segment (`right/lab`): suggest the whole segments it
    // starts (`right/labour`), and say why it does not match.
    let mut extends: Vec<&str> = ids
        .clone()
        .filter(|e| e.len() > id.len() && e.starts_with(id))
        .map(|e| match e[id.len()..].find('/') {
            Some(i) => &e[..id.len() + i],
            None => e,
        })
        .collect();
    extends.dedup();
    let mut msg = format!("unknown {what} `{given}`");
    fn last(s: &str) -> &str {
        s.rsplit('/').next().unwrap_or(s)
    }
    let near = if extends.is_empty() {
        // Instruments are usually given without their prefix: compare the last segments.
        if what == "instrument" {
            closest(last(id), ids.map(|e| (last(e), e)), 5)
        } else {
            // A tag given under the wrong parent (`right/child-labour`) is the one of that name
            // first (`right/labour/child-labour`).
            let mut near: Vec<&str> = ids
                .clone()
                .filter(|e| last(e).eq_ignore_ascii_case(last(id)))
                .collect();
            // A misspelt group (`right/labor`) is closest to the group, not to its tags.
            let groups = ids.flat_map(|e| {
                e.match_indices('/')
                    .map(move |(i, _)| &e[..i])
                    .chain(std::iter::once(e))
            });
            for e in closest(id, groups.map(|e| (e, e)), 5) {
                if !near.contains(&e) {
                    near.push(e);
                }
            }
            near.truncate(5);
            near
        }
    } else {
        // Instruments are named, not walked by path: the note is for tag filters.
        if what != "instrument" {
            msg.push_str(
                " (a tag filter matches whole path segments: `right/labour` matches \
                 `right/labour/forced-labour`, `right/lab` matches nothing)",
            );
        }
        extends.into_iter().take(8).collect()
    };
    if near.is_empty() {
        msg.push_str("; see `hria taxonomy list`");
    } else {
        msg.push_str(&format!("; did you mean {}?", near.join(", ")));
    }
    msg
}

/// `; did you mean A, B?` with the document ids closest to `given` (see [`closest`]), or nothing.
/// The ids are escaped as ids are everywhere ([`crate::escape::printable_id`]): a line break in
/// a file name must not split the message.
pub fn document_hint<'a>(given: &str, docs: impl Iterator<Item = &'a str>) -> String {
    let near: Vec<_> = closest(given, docs.map(|d| (d, d)), 5)
        .into_iter()
        .map(crate::escape::printable_id)
        .collect();
    if near.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", near.join(", "))
    }
}

/// Up to `n` candidates closest to `given`, compared case-insensitively: first keys equal to it,
/// then keys starting with it, then keys containing it (`AU_10129` → `AU_10129.md`), then keys
/// within an edit distance of a third of its length (at least 1), closest first. Candidates are
/// (key, id).
pub fn closest<'a>(
    given: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
    n: usize,
) -> Vec<&'a str> {
    let g = given.to_lowercase();
    let max = (g.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|(key, id)| {
            let k = key.to_lowercase();
            // Ranks 0 to 2 come before every edit distance (shifted by 3).
            let rank = if k == g {
                0
            } else if !g.is_empty() && k.starts_with(&g) {
                1
            } else if !g.is_empty() && k.contains(&g) {
                2
            } else {
                let d = edit_distance(&g, &k);
                if d > max {
                    return None;
                }
                d + 3
            };
            Some((rank, id))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// Edit distance in chars, counting a swap of two neighbours as one edit (`ICCRP` → `ICCPR`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
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

/// What a search found: the best hits, at most the request's limit, and how many passages match.
#[derive(Debug, Clone)]
pub struct Found {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Passages matching the query and filters, shown or not.
    pub total: u64,
}

/// Runs a search; hits are ordered by score, then document id and passage ordinal, so that equal
/// scores come out the same whatever the segment layout (and the number of indexing threads).
pub fn search(h: &IndexHandle, req: &SearchRequest) -> Result<Found, SearchError> {
    let mut prefixes = Vec::new();
    let query = build_query_with(h, req, &mut prefixes)?;
    let f = &h.fields;
    let tv = |e| SearchError::Index(IndexError::tantivy(&h.dir, e));
    // More hits than passages is all of them; the limit never sizes an allocation by itself.
    let limit = req
        .limit
        .min(usize::try_from(h.searcher.num_docs()).unwrap_or(usize::MAX));
    // Document records are not passages: kept out of the hits (a query for everything would
    // match them) and out of the BM25 statistics, so that scores are those of the passages alone.
    let passages_only = BooleanQuery::new(vec![
        (Occur::Must, query.box_clone()),
        (
            Occur::MustNot,
            Box::new(TermQuery::new(f.record_term(), IndexRecordOption::Basic)),
        ),
    ]);
    let stats = PassageStatistics {
        searcher: &h.searcher,
        records: h.searcher.doc_freq(&f.record_term()).map_err(tv)?,
        record_term: f.record_term(),
    };
    let (top, total) = h
        .searcher
        .search_with_statistics_provider(&passages_only, &Ranked { limit }, &stats)
        .map_err(tv)?;
    let chars = if req.snippet_chars == 0 {
        DEFAULT_SNIPPET_CHARS
    } else {
        req.snippet_chars
    };
    let mut wanted = Wanted::default();
    wanted.collect(&*query, h.fields.text, false);
    wanted
        .add_prefixes(&h.searcher, h.fields.text, &prefixes)
        .map_err(tv)?;
    let mut gen = snippet_generator(h, &wanted).map_err(tv)?;
    let mut hits = Vec::with_capacity(top.len());
    let mut records: std::collections::HashMap<String, Option<schema::DocRecord>> =
        std::collections::HashMap::new();
    for (score, addr) in top.into_iter().map(|r| (r.score, r.addr)) {
        let d: TantivyDocument = h.searcher.doc(addr).map_err(tv)?;
        let text = first_str(&d, f.stored_text);
        // tantivy measures its fragment in bytes: as many bytes as `chars` chars of this text
        // take, so that Chinese snippets are not a third as long as English ones.
        gen.set_max_num_chars(chars * text.len() / text.chars().count().max(1));
        let snip = gen.snippet(&text);
        // Every occurrence in the shown text, and only what the query asked for: tantivy marks
        // terms within its own, shorter fragment, a phrase's words wherever they stand, and the
        // words of a NOT.
        let spans = if snip.is_empty() && wanted.prefixes.is_empty() {
            Vec::new()
        } else {
            wanted.spans(&text)
        };
        let tags: Vec<Tag> = serde_json::from_str(&first_str(&d, f.tags_json)).unwrap_or_default();
        let (window, highlights) = if snip.is_empty() && spans.is_empty() {
            // No query word to show (`*` with `--tag` or `--cited`): the evidence of the tag
            // filtered by, so that the reason for the hit is in the snippet.
            match filter_evidence(req, &tags, &text) {
                Some(r) => {
                    let window = evidence_window(&text, r.clone(), chars);
                    let shown = r.start - window.start..r.end - window.start;
                    (window, vec![shown])
                }
                None => (
                    0..whole_word_end(&text, head(&text, chars).len()),
                    Vec::new(),
                ),
            }
        } else {
            // tantivy weighs the words it knows, of a prefix the first 200 of the index's: a
            // passage with another has no fragment of tantivy's, and its first match shows.
            let found = if snip.is_empty() {
                spans[0].clone()
            } else {
                snip.fragment_range()
            };
            let mut window = fragment_window(&text, found, chars);
            if !spans
                .iter()
                .any(|r| window.start <= r.start && r.end <= window.end)
            {
                // tantivy chose its fragment by the words alone, where a phrase's words stand
                // apart: the fragment shown starts at the first whole match instead.
                if let Some(first) = spans.first() {
                    window = fragment_window(&text, first.clone(), chars);
                }
            }
            let highlights = spans
                .iter()
                .filter(|r| window.start <= r.start && r.end <= window.end)
                .map(|r| r.start - window.start..r.end - window.start)
                .collect();
            (window, highlights)
        };
        let (snippet, highlights) = ellipsized(&text, window, highlights);
        let doc = first_str(&d, f.doc_id);
        let section = first_str(&d, f.section);
        let record = records
            .entry(doc.clone())
            .or_insert_with(|| h.document(&doc).ok().flatten());
        let meta = |f: fn(&schema::DocRecord) -> Option<String>| record.as_ref().and_then(f);
        hits.push(Hit {
            id: first_str(&d, f.passage_id),
            title: meta(|r| Some(r.title.clone())).unwrap_or_default(),
            organisation: meta(|r| r.organisation.clone()),
            doc_kind: meta(|r| r.kind.clone()),
            year: record.as_ref().and_then(|r| r.year),
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
    Ok(Found { hits, total })
}

/// The first evidence, as a byte range of the passage's clean `text`, of a tag that `req` filters
/// by (`--tag`, or a named instrument of `--cited`), if any lies inside `text` on char boundaries.
fn filter_evidence(req: &SearchRequest, tags: &[Tag], text: &str) -> Option<Range<usize>> {
    let under = crate::query::coverage::is_under;
    let cited = |t: &Tag, c: &str| {
        t.basis == crate::model::Basis::Cited
            && (t.tag == c || t.tag.strip_prefix("instrument/") == Some(c))
    };
    tags.iter()
        .filter(|t| {
            req.tags.iter().any(|f| under(&t.tag, f)) || req.cited.iter().any(|c| cited(t, c))
        })
        .flat_map(|t| &t.evidence)
        .filter_map(|e| e.text_range.clone())
        .find(|r| r.start < r.end && text.get(r.clone()).is_some())
}

/// The snippet of `text` shown for `window`, with "…" where it cuts the text (so that "完成率为9"
/// is not read as a figure), and its `highlights` (relative to the window) moved with it.
fn ellipsized(
    text: &str,
    window: Range<usize>,
    highlights: Vec<Range<usize>>,
) -> (String, Vec<Range<usize>>) {
    let lead = if window.start > 0 { "…" } else { "" };
    let tail = if window.end < text.len() { "…" } else { "" };
    let snippet = format!("{lead}{}{tail}", &text[window]);
    let shift = lead.len();
    let highlights = highlights
        .into_iter()
        .map(|r| r.start + shift..r.end + shift)
        .collect();
    (snippet, highlights)
}

/// Where a snippet cut at `end` of `text` ends instead so as not to cut a word or a figure of a
/// spaced script in two ("9" of "96.3%"): at the end of that word, if it ends within a few chars.
fn whole_word_end(text: &str, end: usize) -> usize {
    let part_of_word = |c: char| c.is_alphanumeric() && !crate::lang::is_han(c);
    let digit = |c: char| c.is_ascii_digit();
    // Also a cut right after the point or comma of a figure ("96." of "96.3%", "1," of "1,873").
    let in_figure = text[..end]
        .strip_suffix(['.', ','])
        .is_some_and(|b| b.ends_with(digit))
        && text[end..].starts_with(digit);
    let inside = in_figure
        || text[..end].ends_with(part_of_word)
            && text[end..].starts_with(|c: char| part_of_word(c) || ".,%".contains(c));
    if !inside {
        return end;
    }
    let mut last = end;
    let mut it = text[end..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        // A point or comma inside a figure (96.3, 1,873) goes on; one before a space ends it.
        let within = ".,".contains(c) && it.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
        if !(part_of_word(c) || c == '%' || within) || i > 24 {
            break;
        }
        last = end + i + c.len_utf8();
    }
    last
}

/// About `chars` chars of `text` around the evidence at `r` (a third of them before it), from the
/// start of a word, to the end of one.
fn evidence_window(text: &str, r: Range<usize>, chars: usize) -> Range<usize> {
    let start = text[..r.start]
        .char_indices()
        .rev()
        .nth(chars / 3)
        .map_or(0, |(i, _)| i);
    // Not inside a word of a spaced script: from the next one.
    let inside = text[..start].ends_with(char::is_alphanumeric)
        && text[start..].starts_with(|c: char| c.is_alphanumeric() && !crate::lang::is_han(c));
    let next_word = text[start..r.start]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map(|(i, c)| start + i + c.len_utf8());
    let start = match next_word {
        Some(s) if inside => s,
        _ => start,
    };
    let end = text[start..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| start + i);
    start..whole_word_end(text, end).max(r.end)
}

/// The byte range of `text` shown for tantivy's fragment `frag`. tantivy's fragment ends at its
/// last word, dropping what follows (the `》` of `《儿童权利公约》`): a text of at most `chars` chars is shown whole, and a longer one's fragment
/// runs on to the end of its clause, if that comes within a quarter of `chars` more chars (and
/// back over the opening brackets right before it).
fn fragment_window(text: &str, frag: Range<usize>, chars: usize) -> Range<usize> {
    let (start, end) = if text.chars().count() <= chars {
        (0, text.len())
    } else {
        let start = if text.is_char_boundary(frag.start) {
            frag.start.min(text.len())
        } else {
            0
        };
        // Nor does it start with the opening bracket or quote of its first word (`《`).
        let opening = |c: char| "《〈「『“‘（([【〔".contains(c);
        let start = text[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| opening(c))
            .last()
            .map_or(start, |(i, _)| i);
        (start, clause_end(text, frag.end, chars / 4))
    };
    start..end.max(start)
}

/// What a query asks to see highlighted in the text field: its words, and its phrases as
/// sequences of words, leaving out whatever is under a NOT.
#[derive(Debug, Default)]
struct Wanted {
    terms: std::collections::BTreeSet<String>,
    phrases: Vec<Vec<String>>,
    /// Word prefixes (`slave*`), as typed and as processed.
    prefixes: Vec<String>,
}

impl Wanted {
    /// Adds the words and phrases of `query` on `field` (none when `negated`).
    fn collect(&mut self, query: &dyn Query, field: tantivy::schema::Field, negated: bool) {
        if let Some(b) = query.downcast_ref::<BooleanQuery>() {
            for (occur, q) in b.clauses() {
                self.collect(&**q, field, negated || *occur == Occur::MustNot);
            }
            return;
        }
        if negated {
            return;
        }
        let text = |t: &Term| t.value().as_str().map(str::to_string);
        if let Some(p) = query.downcast_ref::<PhraseQuery>() {
            if p.field() == field {
                let words: Vec<String> = p.phrase_terms().iter().filter_map(text).collect();
                match words.len() {
                    0 => {}
                    1 => self.terms.extend(words),
                    _ => self.phrases.push(words),
                }
            }
            return;
        }
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                self.terms.extend(text(term));
            }
        });
    }

    /// Adds the terms of the index that [`prefix_terms`] gives for `prefixes`, as the words a
    /// prefix query matched.
    fn add_prefixes(
        &mut self,
        searcher: &tantivy::Searcher,
        field: tantivy::schema::Field,
        prefixes: &[(String, bool)],
    ) -> tantivy::Result<()> {
        self.terms.extend(prefix_terms(searcher, field, prefixes)?);
        self.prefixes
            .extend(prefixes.iter().filter(|p| p.1).map(|p| p.0.clone()));
        Ok(())
    }

    /// Every word wanted, phrases' words included (what makes a fragment worth showing).
    fn words(&self) -> impl Iterator<Item = &String> {
        self.terms.iter().chain(self.phrases.iter().flatten())
    }

    /// The byte ranges of every wanted word and whole phrase in `text`, in order and merged where
    /// a sub-word lies within a marked word, by the index's own tokens of `text` (words, and
    /// sub-words at their word's position). A phrase is a run of its words at consecutive
    /// positions.
    fn spans(&self, text: &str) -> Vec<Range<usize>> {
        let mut tokens = Vec::new();
        let mut stream = HriaTokenizer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            tokens.push((t.position, t.offset_from..t.offset_to, t.text.clone()));
        }
        let mut spans: Vec<Range<usize>> = tokens
            .iter()
            .filter(|(_, _, term)| {
                self.terms.contains(term)
                    || self.prefixes.iter().any(|p| term.starts_with(p.as_str()))
            })
            .map(|(_, r, _)| r.clone())
            .collect();
        for phrase in &self.phrases {
            for (i, (pos, first, term)) in tokens.iter().enumerate() {
                if *term != phrase[0] {
                    continue;
                }
                // The phrase's later words, each at the next position (sub-words share one).
                let mut end = first.end;
                let whole = phrase[1..].iter().enumerate().all(|(k, w)| {
                    let want = pos + k + 1;
                    tokens[i..]
                        .iter()
                        .take_while(|(p, _, _)| *p <= want)
                        .find(|(p, _, t)| *p == want && t == w)
                        .map(|(_, r, _)| end = end.max(r.end))
                        .is_some()
                });
                if whole {
                    spans.push(first.start..end);
                }
            }
        }
        spans.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
        for r in spans {
            match out.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => out.push(r),
            }
        }
        out
    }
}

/// Where the clause going on at byte `at` of `text` ends: after its closing punctuation (and the
/// quotes or brackets right after it), or at the end of the text, if either comes within `budget`
/// chars; otherwise after the closing brackets or quotes right at `at`, if any. Always a char
/// boundary at or after `at` (or the end of the text).
fn clause_end(text: &str, at: usize, budget: usize) -> usize {
    let at = (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let closing = |c: char| "》〉」』”’）)]】〕\"'".contains(c);
    let after_closing = |from: usize| {
        text[from..]
            .char_indices()
            .find(|&(_, c)| !closing(c))
            .map_or(text.len(), |(i, _)| from + i)
    };
    let rest = &text[at..];
    let mut chars = rest.char_indices().peekable();
    let mut seen = 0;
    while let Some((i, c)) = chars.next() {
        if seen == budget {
            return after_closing(at);
        }
        seen += 1;
        // ASCII stops end a clause only before a space or the end (not `2.5`, `1,000`).
        let ends = "。！？；，、：…".contains(c)
            || (".!?;,:".contains(c) && chars.peek().is_none_or(|&(_, n)| n.is_whitespace()))
            || c == '\n';
        if ends {
            return after_closing(at + i + c.len_utf8());
        }
    }
    text.len()
}

/// Serializes a score rounded to 3 decimals (an `f32` widened to JSON's `f64` would show float
/// noise such as `0.8999999761581421`).
pub fn rounded<S: serde::Serializer>(score: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round3(*score))
}

/// A score rounded to 3 decimals.
pub fn round3(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// One collected hit, with its tie-break keys.
#[derive(Debug, Clone)]
struct RankedHit {
    score: Score,
    doc: String,
    ordinal: u64,
    addr: DocAddress,
}

/// The best `limit` hits by score, then document id, then passage ordinal: a total order that does
/// not depend on how passages are spread over segments (tantivy's `TopDocs` breaks ties by
/// segment and doc address, which change with the number of indexing threads).
struct Ranked {
    limit: usize,
}

/// A hit within a segment: the document id is its term ordinal, which orders like the id.
#[derive(Debug, Clone, Copy)]
struct SegHit {
    score: Score,
    doc_ord: u64,
    ordinal: u64,
    doc: DocId,
}

impl SegHit {
    /// `Less` = better.
    fn rank(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.doc_ord.cmp(&other.doc_ord))
            .then(self.ordinal.cmp(&other.ordinal))
            .then(self.doc.cmp(&other.doc))
    }
}

impl PartialEq for SegHit {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for SegHit {}
impl PartialOrd for SegHit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for SegHit {
    /// Worse hits are greater, so that the heap's top is the one to drop.
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank(other)
    }
}

struct RankedSegment {
    segment: SegmentOrdinal,
    limit: usize,
    /// Every matching passage, kept or not.
    matched: u64,
    doc_col: Option<StrColumn>,
    ord_col: Option<Column<u64>>,
    heap: BinaryHeap<SegHit>,
}

impl Collector for Ranked {
    /// The best hits, and how many matched.
    type Fruit = (Vec<RankedHit>, u64);
    type Child = RankedSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RankedSegment> {
        let ff = reader.fast_fields();
        let limit = self.limit.min(reader.max_doc() as usize);
        Ok(RankedSegment {
            segment,
            limit,
            matched: 0,
            doc_col: ff.str(schema::DOC_ID)?,
            ord_col: ff.u64(schema::ORDINAL).ok(),
            heap: BinaryHeap::with_capacity(limit.saturating_add(1)),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(Vec<RankedHit>, u64)>,
    ) -> tantivy::Result<(Vec<RankedHit>, u64)> {
        let total = fruits.iter().map(|(_, n)| n).sum();
        let mut all: Vec<RankedHit> = fruits.into_iter().flat_map(|(hits, _)| hits).collect();
        all.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.doc.cmp(&b.doc))
                .then(a.ordinal.cmp(&b.ordinal))
                .then(a.addr.cmp(&b.addr))
        });
        all.truncate(self.limit);
        Ok((all, total))
    }
}

impl SegmentCollector for RankedSegment {
    type Fruit = (Vec<RankedHit>, u64);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.matched += 1;
        if self.limit == 0 {
            return;
        }
        // Cheap rejection before reading the columns: a lower score than the worst kept.
        if self.heap.len() >= self.limit && self.heap.peek().is_some_and(|w| score < w.score) {
            return;
        }
        let hit = SegHit {
            score,
            doc_ord: self
                .doc_col
                .as_ref()
                .and_then(|c| c.term_ords(doc).next())
                .unwrap_or(u64::MAX),
            ordinal: self
                .ord_col
                .as_ref()
                .and_then(|c| c.first(doc))
                .unwrap_or(0),
            doc,
        };
        if self.heap.len() < self.limit {
            self.heap.push(hit);
        } else if self.heap.peek().is_some_and(|w| hit < *w) {
            self.heap.pop();
            self.heap.push(hit);
        }
    }

    fn harvest(self) -> (Vec<RankedHit>, u64) {
        let mut name = String::new();
        let hits = self
            .heap
            .into_vec()
            .into_iter()
            .map(|h| {
                name.clear();
                if let Some(c) = &self.doc_col {
                    // An unreadable id sorts first; the hit is still shown with its stored id.
                    let _ = c.ord_to_str(h.doc_ord, &mut name);
                }
                RankedHit {
                    score: h.score,
                    doc: name.clone(),
                    ordinal: h.ordinal,
                    addr: DocAddress::new(self.segment, h.doc),
                }
            })
            .collect();
        (hits, self.matched)
    }
}

/// The searcher's BM25 statistics without the document records: tantivy counts every document
/// of a segment (deleted ones too) in the collection size, and records would lower every idf and
/// the average passage length.
struct PassageStatistics<'a> {
    searcher: &'a tantivy::Searcher,
    /// Records in the segments, deleted ones included, as tantivy counts documents.
    records: u64,
    /// The term every record has and no passage.
    record_term: Term,
}

impl tantivy::query::Bm25StatisticsProvider for PassageStatistics<'_> {
    fn total_num_tokens(&self, field: tantivy::schema::Field) -> tantivy::Result<u64> {
        tantivy::query::Bm25StatisticsProvider::total_num_tokens(self.searcher, field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        let all = tantivy::query::Bm25StatisticsProvider::total_num_docs(self.searcher)?;
        Ok(all.saturating_sub(self.records))
    }

    /// Among passages: the record term is in none (tantivy still weighs the clause that keeps
    /// records out, and more records than passages, from documents without text, made its idf
    /// fail), and no term is in more passages than there are (a document id is in its record too).
    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if *term == self.record_term {
            return Ok(0);
        }
        Ok(self.searcher.doc_freq(term)?.min(self.total_num_docs()?))
    }
}

/// A snippet generator for the words a query wants shown (not those under a NOT), as tantivy's
/// `SnippetGenerator::create` makes one (rarer terms weigh more), but cutting the stored text with [`HriaTokenizer`]: the index's
/// own tokenizer for the text field reads term lists, not text.
fn snippet_generator(h: &IndexHandle, wanted: &Wanted) -> tantivy::Result<SnippetGenerator> {
    let mut weights = std::collections::BTreeMap::new();
    for text in wanted.words() {
        let df = h
            .searcher
            .doc_freq(&Term::from_field_text(h.fields.text, text))?;
        if df > 0 {
            weights.insert(text.clone(), 1.0 / (1.0 + df as f32));
        }
    }
    Ok(SnippetGenerator::new(
        weights,
        tantivy::tokenizer::TextAnalyzer::from(HriaTokenizer),
        h.fields.stored_text,
        DEFAULT_SNIPPET_CHARS,
    ))
}

/// Renders a snippet with its highlights wrapped in `open`/`close` (e.g. ANSI colours or `[[`/`]]`),
/// control chars escaped ([`printable`]).
pub fn mark(snippet: &str, highlights: &[Range<usize>], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + highlights.len() * 8);
    let mut at = 0;
    for r in highlights {
        let (Some(before), Some(word)) = (snippet.get(at..r.start), snippet.get(r.clone())) else {
            continue;
        };
        out.push_str(&printable(before));
        out.push_str(open);
        out.push_str(&printable(word));
        out.push_str(close);
        at = r.end;
    }
    out.push_str(&printable(snippet.get(at..).unwrap_or("")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_at_the_end_of_a_figure_or_word() {
        let text = "完成率为96.3%，共1,873件 and assessments";
        for (cut_after, shown) in [
            ("完成率为9", "完成率为96.3%"),
            ("完成率为96.", "完成率为96.3%"),
            ("共1,", "共1,873"),
            ("and assess", "and assessments"),
            ("完成率", "完成率"),
        ] {
            let end = text.find(cut_after).unwrap() + cut_after.len();
            assert_eq!(
                &text[..whole_word_end(text, end)],
                &text[..text.find(shown).unwrap() + shown.len()]
            );
        }
    }

    #[test]
    fn suggested_document_ids_are_escaped() {
        // A line break or a tab in a file name must not split the message.
        let hint = document_hint("newline.txt", ["new\nline.txt", "a\tb.md"].into_iter());
        assert!(hint.contains("new\\u{a}line.txt"), "{hint}");
        assert!(!hint.contains('\n') && !hint.contains('\t'), "{hint}");
    }

    /// The snippet of `text` shown for the fragment `frag`, with `hl` in it marked `[[`/`]]`.
    fn widened(text: &str, frag: &str, hl: &str, chars: usize) -> String {
        let start = text.find(frag).unwrap();
        let at = start + frag.find(hl).unwrap();
        let window = fragment_window(text, start..start + frag.len(), chars);
        let highlight = at - window.start..at - window.start + hl.len();
        mark(&text[window], std::slice::from_ref(&highlight), "[[", "]]")
    }

    #[test]
    fn a_short_text_is_shown_whole_with_its_highlights() {
        let text = "我们尊重《儿童权利公约》。";
        assert_eq!(
            widened(text, "儿童权利公约", "公约", 160),
            "我们尊重《儿童权利[[公约]]》。"
        );
        let text = "Under the Modern Slavery Act 2018 (Cth) we report.";
        assert_eq!(
            widened(text, "Slavery Act 2018 (Cth", "Cth", 160),
            "Under the Modern Slavery Act 2018 ([[Cth]]) we report."
        );
    }

    #[test]
    fn a_long_text_runs_on_to_the_end_of_the_clause() {
        let tail = "后文".repeat(100);
        let zh = format!("我们遵循《儿童权利公约》的有关方面，{tail}");
        let en = format!("The Modern Slavery Act 2018 (Cth), and the 2.5 rule. {tail}");
        // No clause end within the budget: only the brackets right around the fragment.
        let unended = format!("《儿童权利公约》{tail}");
        let cases = [
            (
                &zh,
                "遵循《儿童权利公约",
                "公约",
                "遵循《儿童权利[[公约]]》的有关方面，",
            ),
            (
                &zh,
                "儿童权利公约",
                "公约",
                "《儿童权利[[公约]]》的有关方面，",
            ),
            (&en, "Act 2018 (Cth", "Act", "[[Act]] 2018 (Cth),"),
            (
                &en,
                "Act 2018 (Cth), and the 2",
                "Act",
                "[[Act]] 2018 (Cth), and the 2.5 rule.",
            ),
            (&unended, "儿童权利公约", "儿童", "《[[儿童]]权利公约》"),
        ];
        for (text, frag, hl, want) in cases {
            assert_eq!(widened(text, frag, hl, 40), want, "{frag}");
        }
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance("ICCRP", "ICCPR"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("人权", "人权"), 0);
    }

    #[test]
    fn unknown_ids_suggest_whole_segments_or_close_ids() {
        let ids = [
            "right/labour/forced-labour",
            "right/labour/child-labour",
            "instrument/ICCPR",
            "instrument/ICESCR",
        ];
        let m = unknown_id("tag", "right/lab", "right/lab", ids.iter().copied());
        assert!(m.contains("did you mean right/labour?"), "{m}");
        assert!(m.contains("whole path segments"), "{m}");
        let m = unknown_id(
            "instrument",
            "ICCRP",
            "instrument/ICCRP",
            ids.iter().copied(),
        );
        assert!(m.ends_with("did you mean instrument/ICCPR?"), "{m}");
        let m = unknown_id("tag", "right/labor", "right/labor", ids.iter().copied());
        assert!(m.ends_with("did you mean right/labour?"), "{m}");
        let m = unknown_id(
            "tag",
            "right/child-labour",
            "right/child-labour",
            ids.iter().copied(),
        );
        assert!(
            m.ends_with("did you mean right/labour/child-labour, right/labour?"),
            "{m}"
        );
        let m = unknown_id("tag", "nonsense/x", "nonsense/x", ids.iter().copied());
        assert!(m.ends_with("see `hria taxonomy list`"), "{m}");
    }

    #[test]
    fn closest_puts_case_insensitive_equals_then_prefixes_then_substrings_first() {
        let ids = [
            "AU_10192",
            "AU_10129.md",
            "x-AU_10129.txt",
            "instrument/UDHR",
        ];
        let pairs = || ids.iter().map(|i| (*i, *i));
        assert_eq!(
            closest("AU_10129", pairs(), 5),
            ["AU_10129.md", "x-AU_10129.txt", "AU_10192"]
        );
        assert_eq!(closest("instrument/udhr", pairs(), 5), ["instrument/UDHR"]);
        assert!(closest("nothing-like-it", pairs(), 5).is_empty());
    }

    #[test]
    fn unquoted_chinese_terms_become_required_words() {
        let ast = |q: &str| split_chinese_terms(tantivy::query_grammar::parse_query(q).unwrap());
        let words = |q: &str| format!("{:?}", ast(q));
        // Cut into words, each required.
        let split = words("供应链强迫劳动");
        assert!(
            split.contains("+供应链") && split.contains("+强迫劳动"),
            "{split}"
        );
        // A quoted phrase, an English word and a field other than text stay as they are.
        assert_eq!(words("\"供应链强迫劳动\""), "\"供应链强迫劳动\"");
        assert_eq!(words("forced"), "forced");
        assert_eq!(words("doc_id:供应链强迫劳动"), "\"doc_id\":供应链强迫劳动");
        // Inside boolean structure.
        let or = words("供应链强迫劳动 OR privacy");
        assert!(or.contains("+供应链") && or.contains("privacy"), "{or}");
    }
}
