//! `hria bench`: time each stage on the analyst's own corpus, against the raw building blocks.

use super::common::{InputArgs, EXIT_OK, EXIT_PARTIAL};
use anyhow::Context;
use hria::bench::{allowed_cpus, cpu_time, peak_rss, pin_to_cpus, reference_index, Timing};
use hria::index::writer::{write_documents, write_passages};
use hria::ingest::{self, Candidate};
use hria::model::{Document, Passage, TaggedPassage};
use hria::segment::Segmenter;
use hria::tag::Tagger;
use rayon::prelude::*;
use serde::Serialize;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `hria bench`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Thread counts to measure, comma-separated (each 1 to 256).
    #[arg(long, value_delimiter = ',', default_value = "1,2",
          value_parser = clap::value_parser!(u16).range(1..=super::common::MAX_THREADS as i64))]
    threads: Vec<u16>,
    /// Timed rounds, each running every stage once after a warm-up round (medians are reported).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    repeat: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Taxonomy file to tag with (default: the built-in taxonomy).
    #[arg(long, value_name = "FILE")]
    taxonomy: Option<std::path::PathBuf>,
    /// Run each thread count on only that many CPUs (Linux): a one-thread run then cannot
    /// borrow a second core for tantivy's indexing thread, so scaling is per core.
    #[arg(long)]
    pin: bool,
    /// No progress on stderr.
    #[arg(long, short)]
    quiet: bool,
}

/// Output formats of `hria bench`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Table,
    Json,
}

/// One stage at one thread count.
#[derive(Debug, Serialize)]
struct StageResult {
    stage: &'static str,
    threads: usize,
    /// Megabytes (10^6) of decoded text per second, at the median time.
    mb_per_s: f64,
    /// Passages per second at the median time (0 for stages that do not see passages).
    passages_per_s: f64,
    seconds: Timing,
    /// Median CPU seconds of the process (all threads) during the stage.
    cpu_seconds: f64,
    /// CPU seconds over wall seconds: how many cores the stage kept busy.
    cores: f64,
    /// MB/s at this thread count ÷ MB/s of the same stage at the first thread count measured.
    scaling: f64,
    /// Work done (passages, tokens or matches), so a broken stage cannot look fast.
    work: u64,
    /// The timed runs, for ratios taken round by round.
    #[serde(skip)]
    runs: StageRuns,
}

/// The timed runs of one stage at one thread count, in round order.
#[derive(Debug, Default)]
struct StageRuns {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
    work: u64,
}

/// A ratio of an hria stage to the building block it is made of.
#[derive(Debug, Serialize)]
struct Ratio {
    threads: usize,
    hria: &'static str,
    reference: &'static str,
    /// hria MB/s ÷ reference MB/s (1.0 = as fast as the bare building block): the median over
    /// rounds of the ratio within each round.
    ratio: f64,
    /// The same per CPU second (MB ÷ CPU seconds of all threads): the ratio of the work each does,
    /// whatever number of cores each kept busy.
    ratio_per_cpu_s: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    documents: usize,
    bytes: u64,
    passages: usize,
    repeat: u32,
    /// Whether each thread count ran on only that many CPUs (`--pin`).
    pinned: bool,
    stages: Vec<StageResult>,
    ratios: Vec<Ratio>,
    peak_rss_bytes: Option<u64>,
    skipped: Vec<ingest::Skip>,
}

/// Writer memory budget for both hria's index stage and the reference, so that they compare.
const BUDGET: usize = 100_000_000;

/// The stages timed, hria's own first, then the building blocks.
const STAGES: [&str; 8] = [
    "decode",
    "segment",
    "tag",
    "index",
    "pipeline",
    "jieba-cut",
    "aho-corasick-scan",
    "tantivy-jieba-index",
];

/// The ratios reported: (hria stage, building block).
const RATIOS: [(&str, &str); 3] = [
    ("segment", "jieba-cut"),
    ("tag", "aho-corasick-scan"),
    ("pipeline", "tantivy-jieba-index"),
];

/// The median over rounds of `reference[i] ÷ hria[i]`: both did the same work in round `i`, so
/// this is hria's speed over the reference's, measured minutes apart at most.
fn round_ratio(reference: &[Duration], hria: &[Duration]) -> f64 {
    let ratios = reference
        .iter()
        .zip(hria)
        .filter(|(_, h)| !h.is_zero())
        .map(|(r, h)| r.as_secs_f64() / h.as_secs_f64())
        .collect();
    Timing::of_values(ratios).median
}

/// Runs `hria bench`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = args.input.options();
    opts.validate()?;
    let thread_counts: Vec<usize> = args.threads.iter().map(|&t| usize::from(t)).collect();
    // Checked before any work, so that an impossible --pin fails at once.
    let cpus = if args.pin {
        let cpus = allowed_cpus().context("--pin: reading the CPUs this process may use")?;
        if let Some(&t) = thread_counts.iter().find(|&&t| t > cpus.len()) {
            anyhow::bail!(
                "--pin: {t} threads need {t} CPUs, but this process may use {}",
                cpus.len()
            );
        }
        Some(cpus)
    } else {
        None
    };
    let (candidates, mut skipped) = ingest::walk(&args.input.paths(), &opts);
    // Load the corpus into memory once: the stages are timed on bytes already read. A file that
    // cannot be read, is over --max-file-size, or does not decode to text is skipped and
    // reported, as every command that reads files does.
    let mut raw: Vec<(Candidate, Vec<u8>)> = Vec::new();
    // Decoded once here, untimed: the text size and the passages the stages work on.
    let mut docs: Vec<Document> = Vec::new();
    for c in candidates {
        let bytes = match ingest::read(&c, &opts) {
            Ok(bytes) => bytes,
            Err(skip) => {
                skipped.push(skip);
                continue;
            }
        };
        match ingest::decode_bytes(&c, bytes.clone(), &opts) {
            Ok(doc) => {
                docs.push(doc);
                raw.push((c, bytes));
            }
            Err(skip) => skipped.push(skip),
        }
    }
    let segmenter = Segmenter::shared();
    // A document of no text (markup alone) makes no passage: reported and left out, as
    // `hria index` does, so that it counts in no stage's documents.
    let segmented: Vec<Vec<Passage>> = docs.par_iter().map(|d| segmenter.segment(d)).collect();
    let mut passages: Vec<Passage> = Vec::new();
    let mut kept = Vec::with_capacity(docs.len());
    for (doc, ps) in docs.iter().zip(segmented) {
        kept.push(!ps.is_empty());
        // Reported once, as the other commands do: no text, or else degraded.
        if ps.is_empty() {
            skipped.push(ingest::Skip::no_text(doc.path.clone()));
        } else {
            skipped.extend(ingest::degraded(doc));
        }
        passages.extend(ps);
    }
    // In walk order, as the other commands list them.
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let mut keep = kept.iter().copied();
    docs.retain(|_| keep.next().unwrap_or(false));
    let mut keep = kept.iter().copied();
    raw.retain(|_| keep.next().unwrap_or(false));
    if raw.is_empty() {
        super::common::report_skips(&skipped);
        anyhow::bail!("no documents to benchmark");
    }
    let taxonomy = super::taxonomy::load(args.taxonomy.as_deref())?;
    let tagger = Tagger::new(&taxonomy);
    let scan = tagger.bare_scanner();
    // The building blocks use jieba as it comes (its own dictionary), loaded once, untimed.
    let plain = std::sync::Arc::new(jieba_rs::Jieba::new());
    let tmp = tempfile::tempdir().context("creating a temporary folder for the bench indexes")?;

    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let mb = bytes as f64 / 1e6;
    let texts: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
    let doc_texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let n_passages = passages.len();
    if !args.quiet {
        report!(
            "hria bench: {} documents, {:.1} MB, {} passages; {} repeat(s) per stage",
            docs.len(),
            mb,
            n_passages,
            args.repeat
        );
    }

    let mut stages: Vec<StageResult> = Vec::new();
    let mut run_no = 0usize;
    for &threads in &thread_counts {
        // The pool's threads, and the indexing threads they start, inherit this thread's CPUs.
        if let Some(cpus) = &cpus {
            pin_to_cpus(&cpus[..threads]).context("--pin: restricting the CPUs")?;
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .context("building the thread pool")?;
        // Rounds: every stage once per round, so that a slow minute of this machine slows a
        // stage and its building block alike and their ratio (taken round by round) holds. The
        // first round is an untimed warm-up (lazy initialisation, page cache, allocator), so
        // that small corpora measure the stage and not its first call.
        let mut runs: Vec<StageRuns> = STAGES.iter().map(|_| StageRuns::default()).collect();
        for i in 0..=args.repeat {
            for (stage, r) in STAGES.into_iter().zip(runs.iter_mut()) {
                if !args.quiet {
                    if i == 0 {
                        report!("  {stage} on {threads} thread(s), warm-up...");
                    } else {
                        report!(
                            "  {stage} on {threads} thread(s), run {i} of {}...",
                            args.repeat
                        );
                    }
                }
                run_no += 1;
                // Every run segments as one `hria index` run does: with cold caches.
                segmenter.clear_caches();
                let dir = tmp.path().join(format!("run-{run_no}"));
                let (elapsed, cpu, w) =
                    pool.install(|| -> anyhow::Result<(Duration, Duration, u64)> {
                        let cpu = || cpu_time().unwrap_or_default();
                        let start = Instant::now();
                        let cpu_start = cpu();
                        let w: u64 = match stage {
                            "decode" => raw
                                .par_iter()
                                .filter_map(|(c, b)| ingest::decode_bytes(c, b.clone(), &opts).ok())
                                .map(|d| d.text.len() as u64)
                                .sum(),
                            "segment" => docs
                                .par_iter()
                                .map(|d| segmenter.segment(d).len() as u64)
                                .sum(),
                            "tag" => passages
                                .par_iter()
                                .map(|p| tagger.tag(p).len() as u64)
                                .sum(),
                            "index" => {
                                let tagged: Vec<TaggedPassage> = passages
                                    .par_iter()
                                    .map(|p| TaggedPassage {
                                        passage: p.clone(),
                                        tags: tagger.tag(p),
                                    })
                                    .collect();
                                let start = Instant::now();
                                let cpu_start = cpu();
                                let n = write_passages(&dir, &taxonomy, &docs, tagged, BUDGET)?;
                                return Ok((start.elapsed(), cpu().saturating_sub(cpu_start), n));
                            }
                            "pipeline" => write_documents(&dir, &taxonomy, &tagger, &docs, BUDGET)?,
                            "jieba-cut" => doc_texts
                                .par_iter()
                                .map(|t| plain.cut(t, false).len() as u64)
                                .sum(),
                            "aho-corasick-scan" => texts.par_iter().map(|t| scan.count(t)).sum(),
                            "tantivy-jieba-index" => {
                                std::fs::create_dir_all(&dir)?;
                                reference_index(plain.clone(), &texts, &dir, BUDGET)?
                            }
                            _ => unreachable!("every stage is listed in STAGES"),
                        };
                        Ok((start.elapsed(), cpu().saturating_sub(cpu_start), w))
                    })?;
                let _ = std::fs::remove_dir_all(&dir);
                if i > 0 {
                    r.wall.push(elapsed);
                    r.cpu.push(cpu);
                }
                r.work = w;
            }
        }
        for (stage, r) in STAGES.into_iter().zip(runs) {
            let seconds = Timing::of(&r.wall);
            let cpu_seconds = Timing::of(&r.cpu).median;
            let mb_per_s = if seconds.median > 0.0 {
                mb / seconds.median
            } else {
                0.0
            };
            let sees_passages = !matches!(stage, "decode" | "jieba-cut");
            let base = stages
                .iter()
                .find(|s| s.stage == stage && s.threads == thread_counts[0])
                .map(|s| s.mb_per_s);
            stages.push(StageResult {
                stage,
                threads,
                mb_per_s,
                passages_per_s: if sees_passages && seconds.median > 0.0 {
                    n_passages as f64 / seconds.median
                } else {
                    0.0
                },
                seconds,
                cores: if seconds.median > 0.0 {
                    cpu_seconds / seconds.median
                } else {
                    0.0
                },
                cpu_seconds,
                scaling: base
                    .map(|b| if b > 0.0 { mb_per_s / b } else { 0.0 })
                    .unwrap_or(1.0),
                work: r.work,
                runs: r,
            });
        }
    }
    if let Some(cpus) = &cpus {
        pin_to_cpus(cpus).context("--pin: restoring the CPUs")?;
    }
    let ratios = thread_counts
        .iter()
        .flat_map(|&t| {
            let stages = &stages;
            RATIOS.iter().filter_map(move |&(h, r)| {
                let stage = |name: &str| stages.iter().find(|s| s.stage == name && s.threads == t);
                let (hs, rs) = (stage(h)?, stage(r)?);
                Some(Ratio {
                    threads: t,
                    hria: h,
                    reference: r,
                    ratio: round_ratio(&rs.runs.wall, &hs.runs.wall),
                    ratio_per_cpu_s: round_ratio(&rs.runs.cpu, &hs.runs.cpu),
                })
            })
        })
        .collect();
    let report = Report {
        documents: docs.len(),
        bytes,
        passages: n_passages,
        repeat: args.repeat,
        pinned: args.pin,
        stages,
        ratios,
        peak_rss_bytes: peak_rss(),
        skipped,
    };
    print_report(&report, args.format)?;
    super::common::report_skips(&report.skipped);
    Ok(ExitCode::from(if report.skipped.is_empty() {
        EXIT_OK
    } else {
        EXIT_PARTIAL
    }))
}

fn print_report(r: &Report, format: Format) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut out, r)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} documents, {:.1} MB, {} passages, median of {} run(s){}",
        r.documents,
        r.bytes as f64 / 1e6,
        r.passages,
        r.repeat,
        if r.pinned {
            "; each thread count on as many CPUs"
        } else {
            ""
        }
    )?;
    writeln!(
        out,
        "{:<20} {:>7} {:>9} {:>12} {:>9} {:>17} {:>6} {:>8}",
        "stage", "threads", "MB/s", "passages/s", "median s", "min-max s", "cores", "scaling"
    )?;
    for s in &r.stages {
        writeln!(
            out,
            "{:<20} {:>7} {:>9.2} {:>12.0} {:>9.3} {:>8.3}-{:<8.3} {:>6.2} {:>8.2}",
            s.stage,
            s.threads,
            s.mb_per_s,
            s.passages_per_s,
            s.seconds.median,
            s.seconds.min,
            s.seconds.max,
            s.cores,
            s.scaling
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<10} {:<36} {:>7} {:>10}",
        "threads", "hria ÷ building block", "ratio", "per CPU s"
    )?;
    for x in &r.ratios {
        writeln!(
            out,
            "{:<10} {:<36} {:>7.2} {:>10.2}",
            x.threads,
            format!("{} ÷ {}", x.hria, x.reference),
            x.ratio,
            x.ratio_per_cpu_s
        )?;
    }
    if let Some(rss) = r.peak_rss_bytes {
        writeln!(out, "\npeak RSS: {:.0} MB", rss as f64 / 1e6)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_pair_the_runs_of_one_round() {
        let secs = |v: &[f64]| -> Vec<Duration> {
            v.iter().copied().map(Duration::from_secs_f64).collect()
        };
        // Round by round hria ran 2, 4 and 1 times as fast: the median is 2. The medians of
        // the two stages (4 s ÷ 1 s) would say 4, taking a slow round of one against a fast
        // round of the other.
        let reference = secs(&[2.0, 4.0, 6.0]);
        let hria = secs(&[1.0, 1.0, 6.0]);
        assert_eq!(round_ratio(&reference, &hria), 2.0);
        // A run too short to time is left out rather than dividing by zero.
        assert_eq!(round_ratio(&secs(&[1.0, 3.0]), &secs(&[0.0, 1.0])), 3.0);
        assert_eq!(round_ratio(&[], &[]), 0.0);
    }
}
