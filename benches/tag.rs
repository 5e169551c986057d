//! Tagging throughput with the built-in taxonomy, next to a bare Aho-Corasick scan of the same
//! patterns over the same text: [`BareScan`], which normalizes the text the same way and counts
//! overlapping matches with an automaton built with the tagger's settings (a DFA, standard match
//! semantics: the fastest bare scan). For the choice of automaton kind, the summary also shows
//! scans of pre-normalized text with the default automaton (a contiguous NFA) and with a DFA (not
//! part of the ratio).
//!
//! The bench runs with the allocator of the `hria` binary (mimalloc).
//!
//! Corpora: the Microsoft statement (in the repo's test fixtures); and, when `../shared/bench`
//! is present, the first 8 MB of `zh-law/**/*.md` by sorted path and all of `en-statements/`.
//! Both sides count what they find inside the loop, so a broken stage cannot look fast.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hria::tag::{BareScan, Tagger};
use hria::taxonomy::Taxonomy;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The allocator the `hria` binary ships with: the tagger's output (tag ids, evidence strings) is
// allocated per passage, and measuring it under another allocator would measure that allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const STATEMENT: &str = "tests/fixtures/index/corpus/microsoft-global-human-rights-statement.zh.md";
const ZH_LAW_BYTES: usize = 8 << 20;

/// Passages of a text: blank-line separated blocks, or lines for one-sentence-a-line files.
fn blocks(text: &str, by_line: bool) -> Vec<String> {
    let parts: Vec<&str> = if by_line {
        text.lines().collect()
    } else {
        text.split("\n\n").collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

fn corpora() -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    if let Ok(t) = std::fs::read_to_string(STATEMENT) {
        out.push(("statement-zh", blocks(&t, false)));
    }
    let shared = Path::new("../shared/bench");
    let law = shared.join("zh-law");
    if law.is_dir() {
        let mut passages = Vec::new();
        let mut size = 0;
        for p in files(&law, "md") {
            if size >= ZH_LAW_BYTES {
                break;
            }
            if let Ok(t) = std::fs::read_to_string(&p) {
                size += t.len();
                passages.extend(blocks(&t, false));
            }
        }
        out.push(("zh-law-8MB", passages));
    } else {
        eprintln!("bench tag: ../shared/bench/zh-law not found, skipped");
    }
    let en = shared.join("en-statements");
    if en.is_dir() {
        let mut passages = Vec::new();
        for p in files(&en, "txt") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                passages.extend(blocks(&t, true));
            }
        }
        out.push(("en-statements", passages));
    } else {
        eprintln!("bench tag: ../shared/bench/en-statements not found, skipped");
    }
    out
}

fn tag_all(tagger: &Tagger, passages: &[String]) -> usize {
    passages
        .iter()
        .map(|p| tagger.tag_text(black_box(p), None).len())
        .sum()
}

fn scan_all(bare: &BareScan, passages: &[String]) -> u64 {
    passages.iter().map(|p| bare.count(black_box(p))).sum()
}

/// A scan of pre-normalized text (not the reference; shown for the choice of automaton kind).
fn raw_scan_all(ac: &AhoCorasick, normalized: &[String]) -> usize {
    normalized
        .iter()
        .map(|p| ac.find_overlapping_iter(black_box(p.as_str())).count())
        .sum()
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::new(Taxonomy::builtin());
    let bare = tagger.bare_scanner();
    let default_ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(tagger.patterns())
        .expect("default automaton");
    let dfa = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(tagger.patterns())
        .expect("DFA automaton");
    let mut summary = Vec::new();
    for (name, passages) in corpora() {
        let bytes: usize = passages.iter().map(String::len).sum();
        let normalized: Vec<String> = passages
            .iter()
            .map(|p| hria::normalize::normalize_str(p))
            .collect();
        let tags = tag_all(&tagger, &passages);
        let matches = scan_all(&bare, &passages);
        assert_eq!(
            raw_scan_all(&dfa, &normalized) as u64,
            matches,
            "{name}: DFA differs"
        );
        assert!(tags > 0 && matches > 0, "{name}: nothing found");
        let mut g = c.benchmark_group(format!("tag/{name}"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if bytes > 1 << 20 { 12 } else { 4 }));
        g.bench_function("tagger", |b| {
            b.iter(|| assert_eq!(tag_all(&tagger, &passages), tags))
        });
        g.bench_function("bare-aho-corasick", |b| {
            b.iter(|| assert_eq!(scan_all(&bare, &passages), matches))
        });
        g.finish();
        // A direct ratio from plain timed runs, the two sides interleaved so that load from
        // other processes hits both alike; the best of each.
        let (mut tt, mut ts) = (Duration::MAX, Duration::MAX);
        let (mut tn, mut td) = (Duration::MAX, Duration::MAX);
        for _ in 0..5 {
            let t = Instant::now();
            black_box(tag_all(&tagger, &passages));
            tt = tt.min(t.elapsed());
            let t = Instant::now();
            black_box(scan_all(&bare, &passages));
            ts = ts.min(t.elapsed());
            let t = Instant::now();
            black_box(raw_scan_all(&default_ac, &normalized));
            tn = tn.min(t.elapsed());
            let t = Instant::now();
            black_box(raw_scan_all(&dfa, &normalized));
            td = td.min(t.elapsed());
        }
        let mbps = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9);
        summary.push(format!(
            "{name}: {:.1} MB, {} passages, {tags} tags, {matches} raw matches; tagger {:.1} MB/s, bare scan {:.1} MB/s, ratio {:.2}; pre-normalized scans: default {:.1} MB/s, DFA {:.1} MB/s",
            bytes as f64 / 1e6,
            passages.len(),
            mbps(tt),
            mbps(ts),
            ts.as_secs_f64() / tt.as_secs_f64().max(1e-12),
            mbps(tn),
            mbps(td),
        ));
    }
    for s in summary {
        eprintln!("bench tag: {s}");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
