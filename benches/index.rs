//! End-to-end indexing (ingest + segment + tag + index) and the index stage alone, against a
//! minimal reference (`hria::bench::reference_index`: tantivy with a plain jieba tokenizer on the
//! same passages' text, no tagging, the same writer settings), with 1 and 2 threads, then search
//! latency on the bench index.
//!
//! Corpora, when present: `../shared/bench/zh-law` (a fixed subset: the first files by sorted
//! path up to ~10 MB, copied to a temporary folder) and `../shared/bench/en-statements` (all).
//! Absent corpora are skipped. With `HRIA_BENCH_SEARCH_INDEX=DIR`, only the search latency on the
//! index in `DIR` is measured.

use criterion::{BatchSize, Criterion, Throughput};
use hria::bench::reference_index;
use hria::index::writer::{build, write_passages, BuildOptions, DEFAULT_MEMORY_BUDGET};
use hria::index::{open_reader, segmenter};
use hria::ingest::IngestOptions;
use hria::model::{Document, TaggedPassage};
use hria::query::search::{search, SearchRequest};
use hria::tag::Tagger;
use hria::taxonomy::Taxonomy;
use std::path::{Path, PathBuf};
use std::sync::Arc;

// The allocator of the `hria` binary, so that the bench measures what the tool does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

const ZH_SUBSET_BYTES: u64 = 10 << 20;

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && hria::ingest::format_of(e.path()).is_some())
        .map(|e| e.into_path())
        .collect();
    v.sort();
    v
}

/// Copies the first files (by sorted path) up to `limit` bytes into `dest`; returns the bytes.
fn copy_subset(src: &Path, dest: &Path, limit: u64) -> u64 {
    let mut total = 0;
    for f in files_under(src) {
        let len = std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0);
        if total + len > limit {
            break;
        }
        let rel = f.strip_prefix(src).unwrap_or(&f);
        let to = dest.join(rel);
        if let Some(p) = to.parent() {
            std::fs::create_dir_all(p).unwrap();
        }
        std::fs::copy(&f, &to).unwrap();
        total += len;
    }
    total
}

/// The documents under `root` and their passages, segmented and tagged as `hria index` does.
fn tagged_passages(root: &Path, taxonomy: &Taxonomy) -> (Vec<Document>, Vec<TaggedPassage>) {
    let opts = IngestOptions::default();
    let tagger = Tagger::new(taxonomy);
    let (cands, _) = hria::ingest::walk(&[root.to_path_buf()], &opts);
    let mut docs = Vec::new();
    let mut passages = Vec::new();
    for c in cands {
        if let Ok(doc) = hria::ingest::load(&c, &opts) {
            passages.extend(hria::pipeline::process(&doc, segmenter(), &tagger));
            docs.push(doc);
        }
    }
    (docs, passages)
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
}

fn hria_index(roots: &[PathBuf], dir: &Path, threads: usize, taxonomy: &Taxonomy) -> u64 {
    // Each iteration segments the corpus as one `hria index` run does: with cold caches.
    segmenter().clear_caches();
    let opts = BuildOptions {
        dir: dir.to_path_buf(),
        roots: roots.to_vec(),
        ingest: IngestOptions::default(),
        threads,
        memory_budget_per_thread: DEFAULT_MEMORY_BUDGET,
        rebuild: true,
        taxonomy,
        hold_lock: None,
    };
    let s = build(&opts, &|_| {}).expect("bench index builds");
    assert!(s.passages > 0, "no passages indexed");
    s.passages
}

fn fresh_dir(parent: &Path, name: &str) -> PathBuf {
    let d = parent.join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn bench_corpus(c: &mut Criterion, name: &str, root: &Path, bytes: u64, work: &Path) {
    let taxonomy = Taxonomy::builtin();
    let (docs, passages) = tagged_passages(root, taxonomy);
    let texts: Vec<&str> = passages.iter().map(|p| p.passage.text.as_str()).collect();
    // A plain jieba, as a tantivy user without hria would load it.
    let jieba = Arc::new(jieba_rs::Jieba::new());
    let mut g = c.benchmark_group(format!("index/{name}"));
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(bytes));
    for threads in [1, 2] {
        let pool = pool(threads);
        // The whole pipeline: ingest, segment, tag, index.
        g.bench_function(format!("hria/{threads}t"), |b| {
            b.iter(|| {
                hria_index(
                    &[root.to_path_buf()],
                    &work.join("hria-idx"),
                    threads,
                    taxonomy,
                )
            })
        });
        // The index stage alone, on passages already segmented and tagged.
        g.bench_function(format!("hria-write/{threads}t"), |b| {
            b.iter_batched(
                || (fresh_dir(work, "write-idx"), passages.clone()),
                |(dir, passages)| {
                    pool.install(|| {
                        write_passages(&dir, taxonomy, &docs, passages, DEFAULT_MEMORY_BUDGET)
                    })
                    .expect("passages written")
                },
                BatchSize::PerIteration,
            )
        });
        g.bench_function(format!("reference-jieba/{threads}t"), |b| {
            b.iter(|| {
                let dir = fresh_dir(work, "ref-idx");
                pool.install(|| reference_index(jieba.clone(), &texts, &dir, DEFAULT_MEMORY_BUDGET))
                    .expect("reference index")
            })
        });
    }
    g.finish();
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Median and p95 latency of ~20 queries (each run 10 times) on an index.
fn search_latency(dir: &Path) {
    let h = open_reader(dir).expect("bench index opens");
    let queries = [
        "劳动",
        "人权",
        "劳动者 AND 权利",
        "\"劳动合同\"",
        "刑法",
        "工资 OR 报酬",
        "童工",
        "强迫劳动",
        "歧视",
        "隐私",
        "环境 NOT 污染",
        "结社自由",
        "human rights",
        "forced labour",
        "child",
        "\"modern slavery\"",
        "supply AND chain",
        "remedy",
        "grievance OR complaint",
        "audit",
    ];
    let mut times = Vec::new();
    let mut total_hits = 0;
    for q in queries {
        let req = SearchRequest {
            query: q.into(),
            limit: 10,
            ..Default::default()
        };
        for _ in 0..10 {
            let t = Instant::now();
            let found = search(&h, &req).expect("bench query runs");
            times.push(t.elapsed());
            total_hits += found.hits.len();
        }
    }
    assert!(total_hits > 0, "bench queries found nothing");
    times.sort();
    eprintln!(
        "search latency over {} queries x10 (limit 10, with snippets): median {:?}, p95 {:?}",
        queries.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
}

fn main() {
    hria::alloc::keep_freed_memory();
    // Latency on an index built beforehand (say, `hria index ../shared/bench/zh-law --index Z`),
    // without the indexing benches.
    if let Some(dir) = std::env::var_os("HRIA_BENCH_SEARCH_INDEX") {
        search_latency(Path::new(&dir));
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench");
    let work = tempfile::tempdir().expect("temp dir");
    let zh = shared.join("zh-law");
    let en = shared.join("en-statements");
    let mut search_roots = Vec::new();
    if zh.is_dir() {
        let subset = work.path().join("zh-subset");
        let bytes = copy_subset(&zh, &subset, ZH_SUBSET_BYTES);
        bench_corpus(&mut c, "zh-law-10MB", &subset, bytes, work.path());
        search_roots.push(subset);
    } else {
        eprintln!("skipping zh-law: {} not found", zh.display());
    }
    if en.is_dir() {
        let bytes = files_under(&en)
            .iter()
            .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
            .sum();
        bench_corpus(&mut c, "en-statements", &en, bytes, work.path());
        search_roots.push(en);
    } else {
        eprintln!("skipping en-statements: {} not found", en.display());
    }
    if !search_roots.is_empty() {
        let dir = work.path().join("search-idx");
        hria_index(&search_roots, &dir, 2, Taxonomy::builtin());
        search_latency(&dir);
    }
    c.final_summary();
}
