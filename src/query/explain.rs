//! Explain: one passage with every tag, where its evidence lies in the passage text, and the rule
//! that fired.

use super::reader::{self, OpenIndex, ReadError, StoredPassage};
use serde::Serialize;
use std::ops::Range;

/// One piece of evidence, located in the passage text.
#[derive(Debug, Clone, Serialize)]
pub struct LocatedEvidence {
    /// Byte range in the original document text.
    pub range: Range<usize>,
    /// The text that matched.
    pub matched: String,
    /// The keyword or rule that fired.
    pub rule: String,
    /// Byte range in the stored (clean) passage text, when the match was found there; absent
    /// from the JSON otherwise, as in `tag` and `search`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_range: Option<Range<usize>>,
}

/// One tag of the passage.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainedTag {
    /// Tag id.
    pub tag: String,
    /// cited, covered or matched.
    pub basis: crate::model::Basis,
    /// Confidence, rounded to 3 decimals in JSON.
    #[serde(serialize_with = "super::search::rounded")]
    pub score: f32,
    /// A step only planned, pledged or expected of suppliers, which gap reports count as a
    /// commitment, not as the step taken ([`crate::model::Tag::planned`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// Its evidence.
    pub evidence: Vec<LocatedEvidence>,
}

/// A passage explained.
#[derive(Debug, Clone, Serialize)]
pub struct Explained {
    /// Passage id.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Section path.
    pub section: Vec<String>,
    /// Kind (heading, paragraph, list-item).
    pub kind: String,
    /// Language.
    pub lang: String,
    /// Ordinal within the document.
    pub ordinal: u64,
    /// Byte range in the original document text.
    pub range: Range<usize>,
    /// The passage text.
    pub text: String,
    /// Every tag with its evidence.
    pub tags: Vec<ExplainedTag>,
}

impl Explained {
    /// Builds the explanation of a stored passage.
    pub fn new(p: StoredPassage) -> Explained {
        let tags = p
            .tags
            .iter()
            .map(|t| ExplainedTag {
                tag: t.tag.clone(),
                basis: t.basis,
                score: t.score,
                planned: t.planned,
                evidence: t
                    .evidence
                    .iter()
                    .enumerate()
                    // A covered instrument can carry the same span for the same rule twice (from
                    // two of its linked tags): it is shown once.
                    .filter(|&(i, e)| {
                        !t.evidence[..i]
                            .iter()
                            .any(|d| d.range == e.range && d.rule == e.rule)
                    })
                    .map(|(_, e)| LocatedEvidence {
                        range: e.range.clone(),
                        matched: e.matched.clone(),
                        rule: e.rule.clone(),
                        text_range: reader::locate(&p.text, p.range.start, e),
                    })
                    .collect(),
            })
            .collect();
        Explained {
            id: p.id,
            doc: p.doc,
            section: p.section,
            kind: p.kind,
            lang: p.lang,
            ordinal: p.ordinal,
            range: p.range.clone(),
            text: p.text,
            tags,
        }
    }

    /// The located evidence spans, merged where they overlap, in text order.
    pub fn spans(&self) -> Vec<Range<usize>> {
        let mut spans: Vec<Range<usize>> = self
            .tags
            .iter()
            .flat_map(|t| t.evidence.iter())
            .filter_map(|e| e.text_range.clone())
            .filter(|r| {
                r.start < r.end
                    && self.text.is_char_boundary(r.start)
                    && self.text.is_char_boundary(r.end)
            })
            .collect();
        spans.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in spans {
            match merged.last_mut() {
                // Spans that only touch stay apart: they are two pieces of evidence (禁止 and 供应链).
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }

    /// The text with every evidence span wrapped in `open` and `close`, control characters
    /// shown as escapes (for a terminal).
    pub fn highlighted(&self, open: &str, close: &str) -> String {
        self.marked(open, close, |t| super::reader::printable(t).into_owned())
    }

    /// The text with every evidence span wrapped in `open` and `close`, every character kept:
    /// removing the marks gives [`Explained::text`] back (for JSON, which escapes what it must).
    pub fn highlighted_raw(&self, open: &str, close: &str) -> String {
        self.marked(open, close, str::to_owned)
    }

    fn marked(&self, open: &str, close: &str, show: impl Fn(&str) -> String) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for r in self.spans() {
            out.push_str(&show(&self.text[at..r.start]));
            out.push_str(open);
            out.push_str(&show(&self.text[r.clone()]));
            out.push_str(close);
            at = r.end;
        }
        out.push_str(&show(&self.text[at..]));
        out
    }
}

/// Finds passage `id` in the index and explains it.
pub fn explain(ix: &OpenIndex, id: &str) -> Result<Explained, ReadError> {
    Ok(Explained::new(ix.find(id)?))
}

#[cfg(test)]
mod tests {
    use super::LocatedEvidence;

    /// Evidence not found in the passage text has no `text_range` key, as `tag` and `search`
    /// write it, rather than `"text_range": null`.
    #[test]
    fn a_text_range_not_found_is_left_out_of_the_json() {
        let mut ev = LocatedEvidence {
            range: 3..9,
            matched: "强迫劳动".into(),
            rule: "keyword:强迫劳动".into(),
            text_range: None,
        };
        let v = serde_json::to_value(&ev).unwrap();
        assert!(v.get("text_range").is_none(), "{v}");
        ev.text_range = Some(0..12);
        let v = serde_json::to_value(&ev).unwrap();
        assert_eq!(v["text_range"], serde_json::json!({"start": 0, "end": 12}));
    }
}
