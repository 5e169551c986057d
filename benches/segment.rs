//! Segmentation speed against raw jieba on the same texts: the statement from `corpus/`, and the
//! first 10 MB (by sorted path) of `../shared/bench/zh-law` when it exists.
//!
//! For each corpus, in one run: `raw-jieba` (`Jieba::cut(text, false)` over every whole text, the
//! mode segmentation uses for Chinese words), `segment-1t` (`Segmenter::segment` over the
//! documents on a one-thread rayon pool) and `segment-2t` (the same on two threads). Run with
//! `cargo bench --bench segment`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hria::model::{Document, Format, Lang};
use hria::segment::Segmenter;
use rayon::prelude::*;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

// The allocator the `hria` binary ships with: segmentation allocates per passage and per token,
// and measuring it under another allocator would measure that allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How much of the law corpus to read, so that a bench run stays within a few minutes.
const LAW_LIMIT: usize = 10 << 20;

fn document(path: &Path, text: String) -> Document {
    Document {
        id: path.display().to_string(),
        path: path.to_path_buf(),
        format: Format::Markdown,
        text,
        encoding: "UTF-8".into(),
        encoding_source: "detected".into(),
        replaced: 0,
        hash: String::new(),
        lang: Lang::Zh,
        meta: Default::default(),
    }
}

fn statement() -> Vec<Document> {
    let path = PathBuf::from("corpus/microsoft-global-human-rights-statement.zh.md");
    match std::fs::read_to_string(&path) {
        Ok(text) => vec![document(&path, text)],
        Err(e) => {
            eprintln!("skipping the statement: {}: {e}", path.display());
            Vec::new()
        }
    }
}

fn zh_law() -> Vec<Document> {
    let root = Path::new("../shared/bench/zh-law");
    if !root.is_dir() {
        eprintln!("skipping zh-law: {} not found", root.display());
        return Vec::new();
    }
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    let mut total = 0;
    for p in paths {
        if total >= LAW_LIMIT {
            break;
        }
        if let Ok(text) = std::fs::read_to_string(&p) {
            total += text.len();
            docs.push(document(&p, text));
        }
    }
    docs
}

/// Segments every document, starting with cold caches as one `hria index` run does (criterion
/// runs this many times over the same documents).
fn segment_all(seg: &Segmenter, docs: &[Document], pool: &rayon::ThreadPool) -> (usize, usize) {
    seg.clear_caches();
    pool.install(|| {
        docs.par_iter()
            .map(|d| {
                let ps = seg.segment(d);
                (ps.len(), ps.iter().map(|p| p.tokens.len()).sum::<usize>())
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    })
}

fn bench_corpus(c: &mut Criterion, name: &str, docs: &[Document]) {
    if docs.is_empty() {
        return;
    }
    let seg = Segmenter::shared();
    let jieba = seg.jieba();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pools: Vec<_> = [1, 2]
        .iter()
        .map(|&n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .unwrap()
        })
        .collect();
    // The work is checked once up front, so that a broken stage cannot look fast.
    let raw_words: usize = docs.iter().map(|d| jieba.cut(&d.text, false).len()).sum();
    let (passages, tokens) = segment_all(seg, docs, &pools[0]);
    assert!(
        raw_words > bytes / 20,
        "raw jieba found only {raw_words} words"
    );
    assert!(
        passages > docs.len() && tokens > bytes / 30,
        "segment: {passages} passages, {tokens} tokens"
    );
    eprintln!(
        "{name}: {} docs, {bytes} bytes, {passages} passages, {tokens} tokens (raw jieba {raw_words} words)",
        docs.len()
    );

    let mut g = c.benchmark_group(format!("segment/{name}"));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(if bytes > 1 << 20 { 20 } else { 5 }));
    g.bench_function("raw-jieba", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| jieba.cut(black_box(&d.text), false).len())
                .sum();
            assert_eq!(n, raw_words);
        })
    });
    for (pool, label) in pools.iter().zip(["segment-1t", "segment-2t"]) {
        g.bench_function(label, |b| {
            b.iter(|| assert_eq!(segment_all(seg, black_box(docs), pool), (passages, tokens)))
        });
    }
    g.finish();
}

fn benches(c: &mut Criterion) {
    bench_corpus(c, "statement", &statement());
    bench_corpus(c, "zh-law-10MB", &zh_law());
}

criterion_group!(segment, benches);
criterion_main!(segment);
