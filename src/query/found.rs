//! Where a word looked for occurs though it did not count: the index finds the passages of the
//! documents analysed that hold a keyword, and the tagger, run again on a few of them, says why
//! its match there made no tag (an exclude phrase, no cue, ...). `gaps` lists such words apart
//! from those not found, so that "not found" stays true.
//!
//! A word is found where `hria search` would find it: as an index term, or as a phrase of terms.
//! The keyword is not cut with jieba (loading its dictionary would cost more than the rest of
//! `gaps`): its Han text is tiled with terms the index holds instead, which also finds a keyword
//! the text's own cut split (强迫|劳动者 for 强迫劳动).

use super::reader::{OpenIndex, ReadError, Table};
use crate::tag::{NameKind, NotCounted, Tagger};
use crate::taxonomy::Taxonomy;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tantivy::query::{BooleanQuery, EnableScoring, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{DocSet, InvertedIndexReader, TERMINATED};

/// At most this many term sequences are asked for per keyword (tilings of its Han text).
const MAX_SEQUENCES: usize = 8;

/// The longest index term looked for in a keyword's Han text, in chars: longer than any
/// dictionary word in keywords, short enough that a long title costs few lookups.
const MAX_PART_CHARS: usize = 16;

/// At most this many passages holding a keyword are tagged again: the entry counted in none of
/// them, so the first one whose match the tagger finds settles it; the others are passages
/// where the index matched another form of the word (a stem, a phrase across punctuation).
const MAX_TAGGED: usize = 16;

/// A keyword found in a passage analysed without counting there.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    /// Why it did not count.
    pub reason: NotCounted,
    /// The passage's id.
    pub passage: String,
}

/// The rejected matches of one passage, tagged again.
struct Tagged {
    id: String,
    misses: Vec<crate::tag::Uncounted>,
}

/// The tagger that tells why a match did not count, built on first use and shared by the
/// reports of one run (`gaps --per-doc` makes one per document; building it is most of the cost
/// of a small document's report). `None` inside when it cannot be built.
pub type SharedTagger = std::sync::OnceLock<Option<Tagger>>;

/// Finds keywords in the passages analysed; built once per report, and lazy: nothing is read
/// or built before the first question.
pub(crate) struct Finder<'a> {
    ix: &'a OpenIndex,
    table: &'a Table,
    taxonomy: &'a Taxonomy,
    /// Per table document: analysed.
    on: &'a [bool],
    /// Built on first use, perhaps by another report.
    tagger: &'a SharedTagger,
    /// Per segment, per doc: the row of an analysed passage plus one, or 0.
    rows: Option<Vec<Vec<u32>>>,
    /// Per segment: the text field's terms.
    inverted: Option<Vec<Arc<InvertedIndexReader>>>,
    /// Whether a term is in the index.
    terms: HashMap<String, bool>,
    /// Passages tagged again, by row.
    tagged: HashMap<u32, Tagged>,
    /// Ids of other passages looked up, by row.
    ids: HashMap<u32, String>,
    /// Answers, by (entry, kind, name).
    answers: HashMap<(usize, NameKind, String), Option<Occurrence>>,
}

impl<'a> Finder<'a> {
    /// A finder over the rows of `table` whose document is `on`; `tagger` must be (or become) one
    /// of `taxonomy`.
    pub fn new(
        ix: &'a OpenIndex,
        table: &'a Table,
        taxonomy: &'a Taxonomy,
        on: &'a [bool],
        tagger: &'a SharedTagger,
    ) -> Self {
        Finder {
            ix,
            table,
            taxonomy,
            on,
            tagger,
            rows: None,
            inverted: None,
            terms: HashMap::new(),
            tagged: HashMap::new(),
            ids: HashMap::new(),
            answers: HashMap::new(),
        }
    }

    fn corrupt(&self, e: impl std::fmt::Display) -> ReadError {
        ReadError::Corrupt {
            dir: self.ix.dir.clone(),
            reason: e.to_string(),
        }
    }

    /// Where `name`, a name of kind `kind` of the taxonomy entry `entry`, occurs in a passage
    /// analysed and did not count: the first such passage in document and passage order, or
    /// `None` when the index finds it in none (or the tagger counted it wherever it looked,
    /// which the index's tags say cannot be).
    pub fn find(
        &mut self,
        entry: usize,
        kind: NameKind,
        name: &str,
    ) -> Result<Option<Occurrence>, ReadError> {
        let key = (entry, kind, name.to_string());
        if let Some(a) = self.answers.get(&key) {
            return Ok(a.clone());
        }
        let answer = self.look(entry, kind, name)?;
        self.answers.insert(key, answer.clone());
        Ok(answer)
    }

    fn look(
        &mut self,
        entry: usize,
        kind: NameKind,
        name: &str,
    ) -> Result<Option<Occurrence>, ReadError> {
        let sequences = self.sequences(name)?;
        if sequences.is_empty() {
            return Ok(None);
        }
        let rows = self.candidates(&sequences)?;
        if rows.is_empty() {
            return Ok(None);
        }
        // An English keyword in -y is matched as its -ies plural too, under that name.
        let plural = name
            .strip_suffix('y')
            .map(|stem| format!("{stem}ies"))
            .filter(|_| kind == NameKind::Keyword);
        // The tagger also matches the other English spellings, under their names.
        let others = crate::tag::other_spellings_of(name);
        for r in rows.into_iter().take(MAX_TAGGED) {
            let t = self.tag_again(r)?;
            let hit = t.misses.iter().find(|m| {
                m.entry == entry
                    && m.kind == kind
                    && (m.name == name
                        || plural.as_deref() == Some(m.name.as_str())
                        || others.contains(&m.name))
            });
            if let Some(m) = hit {
                return Ok(Some(Occurrence {
                    reason: m.reason.clone(),
                    passage: t.id.clone(),
                }));
            }
        }
        Ok(None)
    }

    /// The id of the passage of row `r`.
    pub fn passage_id(&mut self, r: u32) -> Result<String, ReadError> {
        if let Some(t) = self.tagged.get(&r) {
            return Ok(t.id.clone());
        }
        if let Some(id) = self.ids.get(&r) {
            return Ok(id.clone());
        }
        let id = self.ix.load(self.table.rows[r as usize].addr)?.id;
        self.ids.insert(r, id.clone());
        Ok(id)
    }

    /// The rejected matches of row `r`, tagging its stored text again on first use.
    fn tag_again(&mut self, r: u32) -> Result<&Tagged, ReadError> {
        if !self.tagged.contains_key(&r) {
            let p = self.ix.load(self.table.rows[r as usize].addr)?;
            let taxonomy = self.taxonomy;
            let tagger = self
                .tagger
                .get_or_init(|| Tagger::try_new_light(taxonomy).ok());
            let misses = match tagger {
                Some(t) => t.uncounted(&p.text, &p.section),
                None => Vec::new(),
            };
            self.tagged.insert(r, Tagged { id: p.id, misses });
        }
        Ok(&self.tagged[&r])
    }

    /// The term sequences a keyword may stand as in the index: its Latin words as terms, each
    /// stretch of Han text as each of its tilings by index terms (longest terms first). Empty
    /// when some Han text cannot be tiled: the index holds it nowhere.
    fn sequences(&mut self, name: &str) -> Result<Vec<Vec<String>>, ReadError> {
        let mut sequences: Vec<Vec<String>> = vec![Vec::new()];
        for t in crate::segment::uncut_tokens(name) {
            let term = t.term.to_string();
            let options = if term.chars().any(crate::lang::is_han) {
                self.tilings(&term)?
            } else if self.has_term(&term)? {
                vec![vec![term]]
            } else {
                // A word no passage has: the keyword is nowhere, and no query need say so.
                Vec::new()
            };
            let mut next = Vec::new();
            for s in &sequences {
                for o in &options {
                    if next.len() < MAX_SEQUENCES {
                        next.push([s.as_slice(), o.as_slice()].concat());
                    }
                }
            }
            sequences = next;
        }
        sequences.retain(|s| !s.is_empty());
        Ok(sequences)
    }

    /// Up to [`MAX_SEQUENCES`] ways to cut `han` into terms the index holds.
    fn tilings(&mut self, han: &str) -> Result<Vec<Vec<String>>, ReadError> {
        let bounds: Vec<usize> = han
            .char_indices()
            .map(|(i, _)| i)
            .chain([han.len()])
            .collect();
        let mut out = Vec::new();
        let mut dead = HashSet::new();
        self.tile(han, &bounds, 0, &mut Vec::new(), &mut dead, &mut out)?;
        // Jieba leaves a char alone only where no dictionary word takes it: a tiling with more
        // single chars than another is a cut the text seldom has, and a phrase of common single
        // chars (性|倾|向) costs more to find than all the rest.
        let singles = |t: &Vec<String>| t.iter().filter(|p| p.chars().nth(1).is_none()).count();
        let fewest = out.iter().map(singles).min().unwrap_or(0);
        out.retain(|t| singles(t) == fewest);
        Ok(out)
    }

    /// Tilings of `han` from char `at` on, appended to `out`; whether any was found. Positions
    /// from which none ends are kept in `dead`, so that the search stays polynomial.
    fn tile(
        &mut self,
        han: &str,
        bounds: &[usize],
        at: usize,
        parts: &mut Vec<String>,
        dead: &mut HashSet<usize>,
        out: &mut Vec<Vec<String>>,
    ) -> Result<bool, ReadError> {
        if at + 1 == bounds.len() {
            out.push(parts.clone());
            return Ok(true);
        }
        if dead.contains(&at) {
            return Ok(false);
        }
        let mut any = false;
        for end in (at + 1..bounds.len().min(at + MAX_PART_CHARS + 1)).rev() {
            if out.len() >= MAX_SEQUENCES {
                return Ok(true);
            }
            let part = &han[bounds[at]..bounds[end]];
            if self.has_term(part)? {
                parts.push(part.to_string());
                any |= self.tile(han, bounds, end, parts, dead, out)?;
                parts.pop();
            }
        }
        if !any {
            dead.insert(at);
        }
        Ok(any)
    }

    /// Whether any segment's text field holds `term`.
    fn has_term(&mut self, term: &str) -> Result<bool, ReadError> {
        if let Some(&b) = self.terms.get(term) {
            return Ok(b);
        }
        if self.inverted.is_none() {
            let field = self.ix.fields.text;
            let readers = self
                .ix
                .searcher
                .segment_readers()
                .iter()
                .map(|s| s.inverted_index(field))
                .collect::<tantivy::Result<Vec<_>>>()
                .map_err(|e| self.corrupt(e))?;
            self.inverted = Some(readers);
        }
        let t = Term::from_field_text(self.ix.fields.text, term);
        let mut found = false;
        for inv in self.inverted.iter().flatten() {
            if inv
                .get_term_info(&t)
                .map_err(|e| self.corrupt(e))?
                .is_some()
            {
                found = true;
                break;
            }
        }
        self.terms.insert(term.to_string(), found);
        Ok(found)
    }

    /// The rows of the passages analysed that hold one of `sequences` (each a term or a phrase),
    /// in document and passage order.
    fn candidates(&mut self, sequences: &[Vec<String>]) -> Result<Vec<u32>, ReadError> {
        let field = self.ix.fields.text;
        let queries: Vec<Box<dyn Query>> = sequences
            .iter()
            .map(|s| -> Box<dyn Query> {
                let terms: Vec<Term> = s.iter().map(|t| Term::from_field_text(field, t)).collect();
                match terms.as_slice() {
                    [one] => Box::new(TermQuery::new(one.clone(), IndexRecordOption::Basic)),
                    _ => Box::new(PhraseQuery::new(terms)),
                }
            })
            .collect();
        let query = BooleanQuery::union(queries);
        let weight = query
            .weight(EnableScoring::disabled_from_searcher(&self.ix.searcher))
            .map_err(|e| self.corrupt(e))?;
        if self.rows.is_none() {
            let mut rows: Vec<Vec<u32>> = self
                .ix
                .searcher
                .segment_readers()
                .iter()
                .map(|s| vec![0; s.max_doc() as usize])
                .collect();
            for (r, row) in self.table.rows.iter().enumerate() {
                if self.on[row.doc as usize] {
                    let a = row.addr;
                    if let Some(slot) = rows
                        .get_mut(a.segment_ord as usize)
                        .and_then(|s| s.get_mut(a.doc_id as usize))
                    {
                        *slot = r as u32 + 1;
                    }
                }
            }
            self.rows = Some(rows);
        }
        let rows = self.rows.as_deref().unwrap_or_default();
        let mut found = Vec::new();
        for (seg, reader) in self.ix.searcher.segment_readers().iter().enumerate() {
            let mut scorer = weight.scorer(reader, 1.0).map_err(|e| self.corrupt(e))?;
            let Some(map) = rows.get(seg) else { continue };
            let mut d = scorer.doc();
            while d != TERMINATED {
                // Only live passages of the documents analysed have a row.
                if let Some(&r) = map.get(d as usize).filter(|&&r| r != 0) {
                    found.push(r - 1);
                }
                d = scorer.advance();
            }
        }
        found.sort_unstable();
        found.dedup();
        Ok(found)
    }
}
