//! Scoring the tagger against labelled passages (the gold JSON Lines format).
//!
//! One JSON object a line: `{"id", "text", "lang"?, "expected": [...], "judged": [...]}`. Only
//! the tags in `judged` are scored on a line; `expected` are the judged tags that truly apply. A
//! predicted tag `p` matches a judged tag `e` when `p == e` or `p` starts with `e + "/"`.
//!
//! Per judged tag: TP (expected and predicted), FP (predicted, not expected), FN (expected, not
//! predicted). Precision is `TP / (TP + FP)` and recall `TP / (TP + FN)`, each 0 when its
//! denominator is 0; F1 is their harmonic mean (0 when both are 0). The **macro** average is
//! the plain mean of precision, recall and F1 over the tags that have support or predictions
//! (`TP + FP + FN > 0`); tags never expected nor predicted are left out. The **micro** average
//! pools TP, FP and FN over those tags first.
//!
//! This module is pure: parse, then [`score`] with predictions made by the caller.

use crate::model::{Basis, Lang, Tag};
use crate::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One labelled passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldLine {
    /// Passage id.
    pub id: String,
    /// Passage text.
    pub text: String,
    /// Language, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Judged tags that apply.
    #[serde(default)]
    pub expected: Vec<String>,
    /// Tags judged on this line (present or absent).
    #[serde(default)]
    pub judged: Vec<String>,
}

/// A line of a gold file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadLine {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// A parsed gold file: its usable lines (with their line numbers) and the malformed ones.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// `(1-based line number, line)` of every usable line, in file order.
    pub lines: Vec<(usize, GoldLine)>,
    /// Lines that were skipped, with the reason.
    pub bad: Vec<BadLine>,
}

/// Raw shape used to tell "missing field" from "wrong type" without failing the whole line.
#[derive(Deserialize)]
struct RawLine<'a> {
    /// As written: a number id keeps its digits.
    #[serde(borrow)]
    id: Option<&'a serde_json::value::RawValue>,
    text: Option<String>,
    lang: Option<String>,
    expected: Option<Vec<String>>,
    judged: Option<Vec<String>>,
}

/// Parses a gold file. Blank lines are skipped silently; malformed lines (bad JSON, JSON that is
/// not an object, no `text`, no `judged` or `expected`, an `expected` tag that is not judged) are reported in
/// [`Gold::bad`].
/// A line that is not valid UTF-8 is reported as such and the others are read; a UTF-8 byte
/// order mark at the start is skipped.
pub fn parse_gold(src: &[u8]) -> Gold {
    let mut gold = Gold::default();
    let src = src.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(src);
    for (i, line) in src.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        let bad = |reason: String| BadLine { line: n, reason };
        let line = match std::str::from_utf8(line) {
            Ok(line) => line.trim(),
            Err(e) => {
                gold.bad.push(bad(format!(
                    "not valid UTF-8 (at byte {} of the line)",
                    e.valid_up_to() + 1
                )));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        // A line of JSON that is no object (an array read by position, a string) is malformed
        // as bad JSON is: read field by field, an array was scored as a gold line.
        if !line.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(line).is_ok() {
            gold.bad.push(bad(
                "not a JSON object (one object a line: {\"id\", \"text\", \"judged\", ...})".into(),
            ));
            continue;
        }
        let raw: RawLine = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                gold.bad.push(bad(format!("invalid JSON: {e}")));
                continue;
            }
        };
        let Some(text) = raw.text else {
            gold.bad.push(bad("missing \"text\"".into()));
            continue;
        };
        let Some(judged) = raw.judged else {
            gold.bad.push(bad("missing \"judged\"".into()));
            continue;
        };
        // Not taken as empty: a misspelt key (`expectd`) would score every tag of the line as a
        // false positive without a word.
        let Some(expected) = raw.expected else {
            gold.bad.push(bad(
                "missing \"expected\" (an empty list where no judged tag applies)".into(),
            ));
            continue;
        };
        // A tag listed twice on a line is one judgement (it would be counted twice).
        let (expected, judged) = (distinct(expected), distinct(judged));
        if let Some(e) = expected.iter().find(|e| !judged.contains(e)) {
            gold.bad
                .push(bad(format!("expected tag {e:?} is not in \"judged\"")));
            continue;
        }
        let id = match raw.id.map(|v| v.get()) {
            Some(v) if v.starts_with('"') => serde_json::from_str(v).unwrap_or_default(),
            Some(v) if v.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => v.to_string(),
            _ => format!("line-{n}"),
        };
        gold.lines.push((
            n,
            GoldLine {
                id,
                text,
                lang: raw.lang.as_deref().and_then(Lang::parse),
                expected,
                judged,
            },
        ));
    }
    gold
}

/// `tags` with every repeat after the first left out, in order.
fn distinct(tags: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    tags.into_iter()
        .filter(|t| seen.insert(t.clone()))
        .collect()
}

/// Whether predicted tag `pred` satisfies judged tag `judged` (`pred == judged` or a descendant).
pub fn tag_matches(pred: &str, judged: &str) -> bool {
    pred == judged
        || (pred.len() > judged.len()
            && pred.starts_with(judged)
            && pred.as_bytes()[judged.len()] == b'/')
}

/// Judged tags (over all lines) that no taxonomy entry matches, sorted, each once.
pub fn unknown_tags<'a>(
    lines: impl IntoIterator<Item = &'a GoldLine>,
    tax: &Taxonomy,
) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    for l in lines {
        for t in l.judged.iter().chain(&l.expected) {
            seen.insert(t.as_str());
        }
    }
    seen.into_iter()
        .filter(|t| !tax.entries.iter().any(|e| tag_matches(&e.id, t)))
        .map(str::to_string)
        .collect()
}

/// Which predicted tags count: by default cited and matched ones; covered instruments are an
/// inference about the passage, not something it says, so they count only when asked for.
pub fn counted(tags: &[Tag], include_covered: bool) -> Vec<&Tag> {
    tags.iter()
        .filter(|t| include_covered || t.basis != Basis::Covered)
        .collect()
}

/// Counts and derived measures for one judged tag (or an average).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Scores {
    /// Scores from counts (0 where a denominator is 0).
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        Scores {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// A false positive or false negative shown to the analyst.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    /// The gold file the line is in, when the caller names it (see [`score_files`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Passage id.
    pub id: String,
    /// 1-based line number in the gold file.
    pub line: usize,
    /// The judged tag that was wrong.
    pub tag: String,
    /// For a false positive: the predicted tag that matched it, its score and what fired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicted: Option<String>,
    /// Score of the predicted tag (false positives).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// Rules and matched text that fired (false positives).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Passage text.
    pub text: String,
}

/// The evaluation of one gold set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Lines scored.
    pub lines: usize,
    /// Per judged tag, sorted by tag.
    pub tags: BTreeMap<String, Scores>,
    /// Macro average (see the module docs for which tags count).
    pub macro_avg: Scores,
    /// Micro average.
    pub micro_avg: Scores,
    /// The worst false positives (spread over tags, then highest scores first).
    pub worst_fp: Vec<Example>,
    /// The worst false negatives (tags with the most misses first, spread over tags).
    pub worst_fn: Vec<Example>,
}

/// Scores predictions against gold lines. `predictions[i]` are the tags predicted for
/// `lines[i]` (already filtered, see [`counted`]); `worst` examples of each kind are kept.
pub fn score(lines: &[(usize, GoldLine)], predictions: &[Vec<&Tag>], worst: usize) -> Report {
    score_in(lines, |_| None, predictions, worst)
}

/// [`score`] for lines from one or more files: `files[i]` is the file of `lines[i]`, which
/// every example names (a line number alone is ambiguous in a combined report).
pub fn score_files(
    lines: &[(usize, GoldLine)],
    files: &[&str],
    predictions: &[Vec<&Tag>],
    worst: usize,
) -> Report {
    score_in(
        lines,
        |i| files.get(i).map(|f| f.to_string()),
        predictions,
        worst,
    )
}

fn score_in(
    lines: &[(usize, GoldLine)],
    file_of: impl Fn(usize) -> Option<String>,
    predictions: &[Vec<&Tag>],
    worst: usize,
) -> Report {
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut fps: BTreeMap<String, Vec<Example>> = BTreeMap::new();
    let mut fns: BTreeMap<String, Vec<Example>> = BTreeMap::new();
    for (i, ((n, line), preds)) in lines.iter().zip(predictions).enumerate() {
        for j in &line.judged {
            let c = counts.entry(j.clone()).or_default();
            // The most confident of the predictions that match (the first of equals), which is
            // what a false positive is shown and ranked by.
            let hit = preds
                .iter()
                .filter(|p| tag_matches(&p.tag, j))
                .min_by(|a, b| b.score.total_cmp(&a.score));
            let expected = line.expected.contains(j);
            match (expected, hit) {
                (true, Some(_)) => c.0 += 1,
                (false, Some(p)) => {
                    c.1 += 1;
                    fps.entry(j.clone()).or_default().push(Example {
                        file: file_of(i),
                        id: line.id.clone(),
                        line: *n,
                        tag: j.clone(),
                        predicted: Some(p.tag.clone()),
                        score: Some(p.score),
                        evidence: p
                            .evidence
                            .iter()
                            .map(|e| format!("{} \"{}\"", e.rule, e.matched))
                            .collect(),
                        text: line.text.clone(),
                    });
                }
                (true, None) => {
                    c.2 += 1;
                    fns.entry(j.clone()).or_default().push(Example {
                        file: file_of(i),
                        id: line.id.clone(),
                        line: *n,
                        tag: j.clone(),
                        predicted: None,
                        score: None,
                        evidence: Vec::new(),
                        text: line.text.clone(),
                    });
                }
                (false, None) => {}
            }
        }
    }
    let tags: BTreeMap<String, Scores> = counts
        .into_iter()
        .map(|(t, (tp, fp, fn_))| (t, Scores::from_counts(tp, fp, fn_)))
        .collect();
    let active: Vec<&Scores> = tags.values().filter(|s| s.tp + s.fp + s.fn_ > 0).collect();
    let (tp, fp, fn_) = active
        .iter()
        .fold((0, 0, 0), |a, s| (a.0 + s.tp, a.1 + s.fp, a.2 + s.fn_));
    let mean = |f: fn(&Scores) -> f64| {
        if active.is_empty() {
            0.0
        } else {
            active.iter().map(|s| f(s)).sum::<f64>() / active.len() as f64
        }
    };
    let macro_avg = Scores {
        tp,
        fp,
        fn_,
        precision: mean(|s| s.precision),
        recall: mean(|s| s.recall),
        f1: mean(|s| s.f1),
    };
    for v in fps.values_mut() {
        // Most confident mistakes first; the sort is stable, so file order breaks ties.
        v.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
    }
    // One per tag in turn, so that one noisy tag does not hide the others; then shown most
    // confident first, across tags too.
    let mut worst_fp = round_robin(fps, worst);
    worst_fp.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
    Report {
        lines: lines.len(),
        macro_avg,
        micro_avg: Scores::from_counts(tp, fp, fn_),
        worst_fp,
        worst_fn: round_robin(fns, worst),
        tags,
    }
}

/// Picks up to `n` examples, one per tag in turn, tags with the most examples first, so that
/// one noisy tag does not hide the others.
fn round_robin(by_tag: BTreeMap<String, Vec<Example>>, n: usize) -> Vec<Example> {
    let mut groups: Vec<Vec<Example>> = by_tag.into_values().collect();
    // Stable sort: equal counts stay in tag order.
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let mut iters: Vec<std::vec::IntoIter<Example>> =
        groups.into_iter().map(Vec::into_iter).collect();
    let mut out = Vec::new();
    while out.len() < n {
        let mut any = false;
        for it in iters.iter_mut() {
            if out.len() == n {
                break;
            }
            if let Some(e) = it.next() {
                out.push(e);
                any = true;
            }
        }
        if !any {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    fn tag(id: &str, score: f32, basis: Basis) -> Tag {
        Tag {
            tag: id.into(),
            score,
            basis,
            planned: false,
            evidence: vec![Evidence {
                range: 0..1,
                matched: "x".into(),
                rule: "keyword:x".into(),
                text_range: None,
            }],
        }
    }

    fn line(id: &str, expected: &[&str], judged: &[&str]) -> GoldLine {
        GoldLine {
            id: id.into(),
            text: format!("text of {id}"),
            lang: None,
            expected: expected.iter().map(|s| s.to_string()).collect(),
            judged: judged.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn prefix_matching() {
        assert!(tag_matches("right/labour/forced-labour", "right/labour"));
        assert!(tag_matches("instrument/ICCPR", "instrument"));
        assert!(tag_matches("sdg/8", "sdg/8"));
        assert!(!tag_matches("sdg/10", "sdg/1"));
        assert!(!tag_matches("right/labour", "right/labour/forced-labour"));
        assert!(!tag_matches("instrumental", "instrument"));
    }

    #[test]
    fn hand_computed_scores() {
        let judged = ["a", "b", "c"];
        let lines: Vec<(usize, GoldLine)> = vec![
            (1, line("1", &["a"], &judged)),      // a: TP
            (2, line("2", &["a", "b"], &judged)), // a: FN, b: TP
            (3, line("3", &[], &judged)),         // a: FP (via a/x), b: FP
            (4, line("4", &["b"], &["b"])),       // b: TP; the c prediction is not judged
        ];
        let preds = [
            vec![tag("a", 0.9, Basis::Matched)],
            vec![tag("b", 0.9, Basis::Matched)],
            vec![
                tag("a/x", 0.7, Basis::Matched),
                tag("b", 0.95, Basis::Matched),
            ],
            vec![tag("b", 0.9, Basis::Matched), tag("c", 0.9, Basis::Matched)],
        ];
        let refs: Vec<Vec<&Tag>> = preds.iter().map(|p| counted(p, false)).collect();
        let r = score(&lines, &refs, 5);
        assert_eq!(r.lines, 4);
        let a = r.tags["a"];
        assert_eq!((a.tp, a.fp, a.fn_), (1, 1, 1));
        assert!((a.precision - 0.5).abs() < 1e-12 && (a.recall - 0.5).abs() < 1e-12);
        let b = r.tags["b"];
        assert_eq!((b.tp, b.fp, b.fn_), (2, 1, 0));
        assert!((b.precision - 2.0 / 3.0).abs() < 1e-12 && (b.recall - 1.0).abs() < 1e-12);
        assert!((b.f1 - 0.8).abs() < 1e-12);
        // c was judged but never expected nor predicted: listed, not averaged.
        assert_eq!(r.tags["c"], Scores::from_counts(0, 0, 0));
        assert!((r.macro_avg.precision - (0.5 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        assert!((r.macro_avg.recall - 0.75).abs() < 1e-12);
        assert!((r.macro_avg.f1 - 0.65).abs() < 1e-12);
        // Micro: TP 3, FP 2, FN 1.
        assert_eq!((r.micro_avg.tp, r.micro_avg.fp, r.micro_avg.fn_), (3, 2, 1));
        assert!((r.micro_avg.precision - 0.6).abs() < 1e-12);
        assert!((r.micro_avg.recall - 0.75).abs() < 1e-12);
        assert!((r.micro_avg.f1 - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-12);
        // Worst: one per tag in turn, the most confident first.
        assert_eq!(r.worst_fp.len(), 2);
        assert_eq!(r.worst_fp[0].score, Some(0.95));
        assert_eq!(r.worst_fp[1].tag, "a");
        assert_eq!(r.worst_fp[1].predicted.as_deref(), Some("a/x"));
        assert_eq!(r.worst_fn.len(), 1);
        assert_eq!((r.worst_fn[0].id.as_str(), r.worst_fn[0].line), ("2", 2));
        let r1 = score(&lines, &refs, 1);
        assert_eq!(r1.worst_fp.len(), 1);
    }

    #[test]
    fn a_false_positive_shows_its_most_confident_prediction_and_its_file() {
        // Two predictions match the judged parent: the example is the 0.9 one, whatever their
        // order, and it ranks above a 0.8 mistake of another tag of which there are more.
        let lines = vec![
            (1, line("one", &[], &["instrument"])),
            (2, line("two", &[], &["group"])),
            (3, line("three", &[], &["group"])),
        ];
        let preds = [
            vec![
                tag("instrument/CRC", 0.6, Basis::Cited),
                tag("instrument/UNGC", 0.9, Basis::Cited),
            ],
            vec![tag("group/women", 0.8, Basis::Matched)],
            vec![tag("group/women", 0.7, Basis::Matched)],
        ];
        let refs: Vec<Vec<&Tag>> = preds.iter().map(|p| counted(p, false)).collect();
        let r = score(&lines, &refs, 5);
        let shown: Vec<(&str, Option<&str>, Option<f32>)> = r
            .worst_fp
            .iter()
            .map(|e| (e.id.as_str(), e.predicted.as_deref(), e.score))
            .collect();
        assert_eq!(
            shown,
            [
                ("one", Some("instrument/UNGC"), Some(0.9)),
                ("two", Some("group/women"), Some(0.8)),
                ("three", Some("group/women"), Some(0.7)),
            ]
        );
        assert!(r.worst_fp.iter().all(|e| e.file.is_none()));
        // Lines of several files: each example names its own.
        let r = score_files(&lines, &["a.jsonl", "b.jsonl", "b.jsonl"], &refs, 5);
        let files: Vec<(&str, Option<&str>)> = r
            .worst_fp
            .iter()
            .map(|e| (e.id.as_str(), e.file.as_deref()))
            .collect();
        assert_eq!(
            files,
            [
                ("one", Some("a.jsonl")),
                ("two", Some("b.jsonl")),
                ("three", Some("b.jsonl"))
            ]
        );
        let json = serde_json::to_value(&r.worst_fp[0]).unwrap();
        assert_eq!(json["file"], "a.jsonl");
    }

    #[test]
    fn a_json_line_that_is_no_object_is_malformed() {
        let src = concat!(
            "[\"q\",\"We prohibit forced labour.\",\"en\",[\"right/labour\"],[\"right/labour\"]]\n",
            "\"text\"\n",
            "{\"id\": \"a\", \"text\": \"t\", \"expected\": [], \"judged\": []}\n",
        );
        let g = parse_gold(src.as_bytes());
        assert_eq!(g.lines.len(), 1);
        let bad: Vec<(usize, &str)> = g.bad.iter().map(|b| (b.line, b.reason.as_str())).collect();
        assert_eq!(bad.len(), 2);
        assert!(
            bad.iter().all(|(_, r)| r.starts_with("not a JSON object")),
            "{bad:?}"
        );
    }

    #[test]
    fn covered_tags_count_only_when_asked() {
        let lines = vec![(1, line("1", &[], &["instrument"]))];
        let preds = [vec![tag("instrument/CRC", 0.6, Basis::Covered)]];
        let without: Vec<Vec<&Tag>> = preds.iter().map(|p| counted(p, false)).collect();
        assert_eq!(score(&lines, &without, 5).tags["instrument"].fp, 0);
        let with: Vec<Vec<&Tag>> = preds.iter().map(|p| counted(p, true)).collect();
        assert_eq!(score(&lines, &with, 5).tags["instrument"].fp, 1);
    }

    #[test]
    fn empty_gold_scores_zero() {
        let r = score(&[], &[], 5);
        assert_eq!(r.lines, 0);
        assert_eq!(r.macro_avg, Scores::default());
        assert!(r.worst_fp.is_empty() && r.worst_fn.is_empty());
    }

    #[test]
    fn parse_reports_bad_lines_and_keeps_good_ones() {
        let src = concat!(
            "{\"id\": \"a\", \"text\": \"t\", \"lang\": \"en\", \"expected\": [\"x\"], \"judged\": [\"x\", \"y\"]}\n",
            "\n",
            "not json\n",
            "{\"id\": \"b\", \"judged\": []}\n",
            "{\"id\": \"c\", \"text\": \"t\"}\n",
            "{\"id\": \"d\", \"text\": \"t\", \"expected\": [\"z\"], \"judged\": [\"x\"]}\n",
            "{\"id\": 7, \"text\": \"t\", \"expected\": [], \"judged\": [\"x\"]}\n",
            "{\"id\": \"e\", \"text\": \"t\", \"expectd\": [\"x\"], \"judged\": [\"x\"]}\n",
        );
        let g = parse_gold(src.as_bytes());
        let ids: Vec<(usize, &str)> = g.lines.iter().map(|(n, l)| (*n, l.id.as_str())).collect();
        assert_eq!(ids, vec![(1, "a"), (7, "7")]);
        assert_eq!(g.lines[0].1.lang, Some(Lang::En));
        let bad: Vec<usize> = g.bad.iter().map(|b| b.line).collect();
        assert_eq!(bad, vec![3, 4, 5, 6, 8]);
        assert!(g.bad[0].reason.starts_with("invalid JSON"));
        assert!(g.bad[1].reason.contains("text"));
        assert!(g.bad[2].reason.contains("judged"));
        // A misspelt `expected` is no empty one.
        assert!(g.bad[4].reason.contains("missing \"expected\""));
    }

    #[test]
    fn unknown_tags_listed_once() {
        let tax = Taxonomy {
            entries: vec![crate::taxonomy::Entry {
                id: "right/labour/forced-labour".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let lines = [
            line("1", &[], &["right/labour", "group/aliens"]),
            line("2", &["group/aliens"], &["group/aliens", "right"]),
        ];
        assert_eq!(unknown_tags(&lines, &tax), vec!["group/aliens".to_string()]);
    }
}
