//! Coverage over a synthetic index of many passages, checked against a plain recount of the
//! passages that were written.
//!
//! By default 3,000 passages. `HRIA_SCALE_N=300000 HRIA_SCALE_DIR=some/dir cargo test --release
//! --test coverage_scale` writes (and keeps) a large index there, to time `hria coverage` and
//! `hria gaps` against it.

use crate::statement;

use hria::model::{Basis, Evidence, Lang, OffsetMap, Passage, PassageKind, Tag, TaggedPassage};
use hria::query::coverage::{self, is_under, Family, Resolved, ELEMENTS};
use hria::query::reader::{self, Table};
use hria::taxonomy::Taxonomy;
use std::collections::{HashMap, HashSet};

/// A small deterministic generator (xorshift), so that runs are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn synthetic(n: usize, tax: &Taxonomy) -> Vec<TaggedPassage> {
    let ids: Vec<&str> = tax.entries.iter().map(|e| e.id.as_str()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let text = "我们承诺尊重人权，并通过尽职调查识别和减轻不利影响。".to_string();
    (0..n)
        .map(|i| {
            let doc = format!("docs/report-{:04}.md", i / 1000);
            let ordinal = i % 1000;
            // Every tenth passage has no section (its own context).
            let section = if ordinal % 10 == 9 {
                Vec::new()
            } else {
                vec![format!("第{}章", ordinal / 50), "概述".to_string()]
            };
            let mut tags: Vec<Tag> = Vec::new();
            for _ in 0..rng.below(5) {
                let id = ids[rng.below(ids.len())];
                if tags.iter().any(|t| t.tag == id) {
                    continue;
                }
                let basis = if id.starts_with("instrument/") {
                    if rng.below(3) == 0 {
                        Basis::Covered
                    } else {
                        Basis::Cited
                    }
                } else {
                    Basis::Matched
                };
                tags.push(Tag {
                    tag: id.to_string(),
                    score: 0.8,
                    basis,
                    planned: false,
                    evidence: vec![Evidence {
                        range: 0..6,
                        matched: "我们".into(),
                        rule: "keyword:我们".into(),
                        text_range: None,
                    }],
                });
            }
            tags.sort_by(|a, b| a.tag.cmp(&b.tag));
            TaggedPassage {
                passage: Passage {
                    id: format!("{doc}#{ordinal}-{:08x}", i),
                    doc,
                    section,
                    kind: PassageKind::Paragraph,
                    lang: Lang::Zh,
                    range: 0..text.len(),
                    text: text.clone(),
                    map: OffsetMap::new(),
                    sentences: Vec::new(),
                    tokens: Vec::new(),
                    edges: Default::default(),
                },
                tags,
            }
        })
        .collect()
}

/// The coverage definitions applied directly to the passages.
fn recount(ps: &[TaggedPassage], id: &str) -> (u64, u64, u64, [u64; 6], [u64; 6]) {
    let mask = |p: &TaggedPassage| -> u8 {
        let mut m = 0;
        for el in ELEMENTS {
            if p.tags
                .iter()
                .any(|t| t.basis == Basis::Matched && el.tags().iter().any(|x| is_under(&t.tag, x)))
            {
                m |= el.bit();
            }
        }
        m
    };
    let mut sec: HashMap<(String, Vec<String>), u8> = HashMap::new();
    for p in ps {
        if !p.passage.section.is_empty() {
            *sec.entry((p.passage.doc.clone(), p.passage.section.clone()))
                .or_default() |= mask(p);
        }
    }
    let (mut n, mut cited, mut covered) = (0, 0, 0);
    let (mut same_p, mut same_s) = ([0u64; 6], [0u64; 6]);
    for p in ps {
        let c = p
            .tags
            .iter()
            .any(|t| t.basis == Basis::Cited && is_under(&t.tag, id));
        let v = p
            .tags
            .iter()
            .any(|t| t.basis == Basis::Covered && is_under(&t.tag, id));
        let m = !id.starts_with("instrument/")
            && p.tags
                .iter()
                .any(|t| t.basis == Basis::Matched && is_under(&t.tag, id));
        if !(c || v || m) {
            continue;
        }
        n += 1;
        cited += u64::from(c);
        covered += u64::from(v);
        let own = mask(p);
        let ctx = if p.passage.section.is_empty() {
            own
        } else {
            sec[&(p.passage.doc.clone(), p.passage.section.clone())]
        };
        for (j, el) in ELEMENTS.iter().enumerate() {
            same_p[j] += u64::from(own & el.bit() != 0);
            same_s[j] += u64::from(ctx & el.bit() != 0);
        }
    }
    (n, cited, covered, same_p, same_s)
}

#[test]
fn fast_field_coverage_matches_a_recount_of_the_passages() {
    let n: usize = std::env::var("HRIA_SCALE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let tax = statement::taxonomy();
    let ps = synthetic(n, &tax);
    let tmp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("HRIA_SCALE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    let docs: HashSet<String> = ps.iter().map(|p| p.passage.doc.clone()).collect();
    let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
    reader::write_index(&dir, statement::manifest(&docs, &tax), &ps).unwrap();

    let ix = reader::open(&dir).unwrap();
    let table = Table::scan(&ix).unwrap();
    assert_eq!(table.rows.len(), n);
    assert_eq!(table.docs.len(), docs.len());
    let res = Resolved::new(&table, &tax);
    for family in [
        Family::Instrument,
        Family::Right,
        Family::Group,
        Family::Hrdd,
    ] {
        let c = coverage::coverage(&res, family);
        for row in &c.rows {
            let (p, cited, covered, sp, ss) = recount(&ps, &row.tag);
            assert_eq!(row.passages, p, "{}", row.tag);
            assert_eq!(row.cited, cited, "{}", row.tag);
            assert_eq!(row.covered, covered, "{}", row.tag);
            assert_eq!(row.same_passage, sp, "{}", row.tag);
            assert_eq!(row.same_section, ss, "{}", row.tag);
        }
    }
    let m = coverage::per_doc(&res, Family::Instrument, coverage::ANY);
    let total: u64 = m.rows.iter().flat_map(|r| r.counts.iter()).sum();
    let c = coverage::coverage(&res, Family::Instrument);
    assert_eq!(total, c.rows.iter().map(|r| r.passages).sum::<u64>());
}
