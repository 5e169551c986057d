//! Building blocks for measuring hria against the raw speed of the crates it is made of:
//! a minimal tantivy + jieba indexer with no tagging, and timing statistics. Used by
//! `hria bench` and the criterion benches, so that both measure the same reference.

use std::sync::Arc;
use std::time::Duration;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{doc, Index, IndexWriter};

/// A plain tantivy tokenizer that cuts text with jieba (default mode, no HMM), as someone
/// wiring jieba into tantivy without hria would write it: the reference indexing speed.
#[derive(Clone)]
pub struct JiebaTokenizer {
    jieba: Arc<jieba_rs::Jieba>,
}

impl JiebaTokenizer {
    /// Wraps a loaded Jieba.
    pub fn new(jieba: Arc<jieba_rs::Jieba>) -> Self {
        JiebaTokenizer { jieba }
    }
}

/// The token stream of [`JiebaTokenizer`].
pub struct JiebaTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream {
        let tokens = self
            .jieba
            .cut(text, false)
            .into_iter()
            .filter(|t| t.word.chars().any(char::is_alphanumeric))
            .enumerate()
            .map(|(position, t)| Token {
                offset_from: t.byte_start,
                offset_to: t.byte_end,
                position,
                text: t.word.to_lowercase(),
                position_length: 1,
            })
            .collect();
        JiebaTokenStream { tokens, index: 0 }
    }
}

impl TokenStream for JiebaTokenStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

/// Indexes `texts` (one tantivy document each) into a fresh index in `dir` with a plain
/// jieba tokenizer and no tagging, and returns the number of documents committed. The writer is
/// set up as hria's ([`crate::index::writer::writer_options`]: one indexing thread per worker of
/// the calling rayon pool, `memory_budget` bytes each; the same merge policy), and documents are added in parallel on
/// that pool, as [`crate::index::writer::write_passages`] adds passages.
pub fn reference_index(
    jieba: Arc<jieba_rs::Jieba>,
    texts: &[&str],
    dir: &std::path::Path,
    memory_budget: usize,
) -> tantivy::Result<u64> {
    use rayon::prelude::*;
    let mut schema = Schema::builder();
    let options = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("jieba")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let field = schema.add_text_field("text", options);
    let index = Index::create_in_dir(dir, schema.build())?;
    index
        .tokenizers()
        .register("jieba", JiebaTokenizer::new(jieba));
    let options = crate::index::writer::writer_options(rayon::current_num_threads(), memory_budget);
    let mut writer: IndexWriter = index.writer_with_options(options)?;
    writer.set_merge_policy(crate::index::writer::merge_policy());
    texts
        .par_iter()
        .try_for_each(|t| writer.add_document(doc!(field => *t)).map(|_| ()))?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    let reader = index.reader()?;
    Ok(reader.searcher().num_docs())
}

/// Median, minimum and maximum of repeated timings.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Timing {
    /// Median seconds.
    pub median: f64,
    /// Fastest run, seconds.
    pub min: f64,
    /// Slowest run, seconds.
    pub max: f64,
}

impl Timing {
    /// Statistics of a non-empty set of durations (an empty set gives zeros).
    pub fn of(runs: &[Duration]) -> Timing {
        Timing::of_values(runs.iter().map(Duration::as_secs_f64).collect())
    }

    /// Statistics of any set of values, seconds or not (an empty set gives zeros).
    pub fn of_values(mut s: Vec<f64>) -> Timing {
        s.sort_by(f64::total_cmp);
        let median = match s.len() {
            0 => 0.0,
            n if n % 2 == 1 => s[n / 2],
            n => (s[n / 2 - 1] + s[n / 2]) / 2.0,
        };
        Timing {
            median,
            min: s.first().copied().unwrap_or(0.0),
            max: s.last().copied().unwrap_or(0.0),
        }
    }
}

/// CPU time used so far by this process, all threads, user and system (`getrusage`), where the
/// platform reports it. A stage's CPU time over its wall time says how many cores it kept busy.
pub fn cpu_time() -> Option<Duration> {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: getrusage only writes the struct it is given, which is zeroed and ours.
        let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) };
        if rc != 0 {
            return None;
        }
        // SAFETY: getrusage returned 0, so it filled the struct.
        let u = unsafe { usage.assume_init() };
        let tv = |t: libc::timeval| {
            Duration::from_secs(t.tv_sec.max(0) as u64)
                + Duration::from_micros(t.tv_usec.max(0) as u64)
        };
        Some(tv(u.ru_utime) + tv(u.ru_stime))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The CPUs the calling thread may run on (Linux `sched_getaffinity`), in increasing order.
pub fn allowed_cpus() -> std::io::Result<Vec<usize>> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: a zeroed cpu_set_t is the empty set; sched_getaffinity writes only into it.
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        let size = std::mem::size_of::<libc::cpu_set_t>();
        // SAFETY: `set` is ours and `size` is its size.
        if unsafe { libc::sched_getaffinity(0, size, &mut set) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let cpus = libc::CPU_SETSIZE as usize;
        // SAFETY: every index is below CPU_SETSIZE, the set's capacity.
        Ok((0..cpus)
            .filter(|&c| unsafe { libc::CPU_ISSET(c, &set) })
            .collect())
    }
    #[cfg(not(target_os = "linux"))]
    {
        Err(unpinnable())
    }
}

/// Restricts the calling thread, and every thread it starts from now on, to `cpus` (Linux
/// `sched_setaffinity`). `hria bench --pin` runs each thread count on as many CPUs, so that a
/// one-thread run cannot borrow a second core for tantivy's indexing thread.
pub fn pin_to_cpus(cpus: &[usize]) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: a zeroed cpu_set_t is the empty set.
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        for &c in cpus {
            if c >= libc::CPU_SETSIZE as usize {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("CPU {c} is out of range"),
                ));
            }
            // SAFETY: `c` is below CPU_SETSIZE, checked above.
            unsafe { libc::CPU_SET(c, &mut set) };
        }
        let size = std::mem::size_of::<libc::cpu_set_t>();
        // SAFETY: `set` is ours and `size` is its size.
        if unsafe { libc::sched_setaffinity(0, size, &set) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = cpus;
        Err(unpinnable())
    }
}

#[cfg(not(target_os = "linux"))]
fn unpinnable() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "pinning threads to CPUs is supported on Linux only",
    )
}

/// Peak resident set size of this process in bytes (Linux `VmHWM`), if the platform reports it.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_median_and_spread() {
        let t = Timing::of(&[3, 1, 2].map(Duration::from_secs));
        assert_eq!((t.median, t.min, t.max), (2.0, 1.0, 3.0));
        let t = Timing::of(&[4, 1, 2, 3].map(Duration::from_secs));
        assert_eq!(t.median, 2.5);
    }

    /// Threads started after pinning inherit the set; the old set can be restored.
    #[cfg(target_os = "linux")]
    #[test]
    fn pinning_narrows_new_threads_and_restores() {
        let all = allowed_cpus().unwrap();
        assert!(!all.is_empty());
        let first = all[..1].to_vec();
        // On a thread of its own, so that the test harness's threads keep their set.
        let seen = std::thread::spawn(move || {
            pin_to_cpus(&first).unwrap();
            let child = std::thread::spawn(|| allowed_cpus().unwrap())
                .join()
                .unwrap();
            pin_to_cpus(&all).unwrap();
            (child, allowed_cpus().unwrap(), all)
        })
        .join()
        .unwrap();
        assert_eq!(seen.0, seen.2[..1]);
        assert_eq!(seen.1, seen.2);
        assert!(pin_to_cpus(&[usize::MAX]).is_err());
    }

    #[test]
    fn reference_index_counts_documents() {
        let dir = tempfile::tempdir().unwrap();
        let jieba = Arc::new(jieba_rs::Jieba::new());
        let n = reference_index(
            jieba,
            &["我们承诺消除强迫劳动", "forced labour"],
            dir.path(),
            15 << 20,
        )
        .unwrap();
        assert_eq!(n, 2);
    }
}
