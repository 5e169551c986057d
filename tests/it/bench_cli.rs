//! `hria bench` on a small corpus: every stage and building block is timed, does real work, and
//! the ratios and scaling are reported.

use crate::cli::{hria, json_of};

#[test]
fn bench_reports_every_stage_with_work_and_ratios() {
    let r = json_of(hria().args([
        "bench",
        "tests/fixtures/index/corpus",
        "--threads",
        "1,2",
        "--repeat",
        "1",
        "--format",
        "json",
        "--quiet",
    ]));
    assert_eq!(r["documents"], 3);
    let passages = r["passages"].as_u64().unwrap();
    assert!(passages > 80, "{passages}");
    let stages = r["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 16, "8 stages at 2 thread counts");
    for s in stages {
        assert!(s["work"].as_u64().unwrap() > 0, "{s}");
        assert!(s["mb_per_s"].as_f64().unwrap() > 0.0, "{s}");
        let t = &s["seconds"];
        assert!(
            t["min"].as_f64() <= t["median"].as_f64() && t["median"].as_f64() <= t["max"].as_f64()
        );
    }
    // The index stages write every passage, and writing takes CPU time (every stage reports it,
    // on Unix at least; elsewhere it is 0).
    for name in ["index", "pipeline"] {
        let s = stages.iter().find(|s| s["stage"] == name).unwrap();
        assert_eq!(s["work"].as_u64().unwrap(), passages, "{name}");
        #[cfg(unix)]
        assert!(s["cpu_seconds"].as_f64().unwrap() > 0.0, "{s}");
    }
    // The plain cut finds words.
    let cut = stages.iter().find(|s| s["stage"] == "jieba-cut").unwrap();
    assert!(cut["work"].as_u64().unwrap() > passages);
    // With one timed run, each ratio is the reference's time over hria's in that run.
    for x in r["ratios"].as_array().unwrap() {
        let median = |name: &serde_json::Value| {
            stages
                .iter()
                .find(|s| &s["stage"] == name && s["threads"] == x["threads"])
                .unwrap()["seconds"]["median"]
                .as_f64()
                .unwrap()
        };
        let want = median(&x["reference"]) / median(&x["hria"]);
        let got = x["ratio"].as_f64().unwrap();
        assert!((got - want).abs() <= 1e-3 * want.max(1e-9), "{x}: {want}");
    }
    let ratios: Vec<(String, String, u64)> = r["ratios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            assert!(x["ratio_per_cpu_s"].as_f64().is_some(), "{x}");
            (
                x["hria"].as_str().unwrap().to_string(),
                x["reference"].as_str().unwrap().to_string(),
                x["threads"].as_u64().unwrap(),
            )
        })
        .collect();
    for (h, reference) in [
        ("segment", "jieba-cut"),
        ("tag", "aho-corasick-scan"),
        ("pipeline", "tantivy-jieba-index"),
    ] {
        for t in [1, 2] {
            let key = (h.to_string(), reference.to_string(), t);
            assert!(ratios.contains(&key), "{h} ÷ {reference} at {t} threads");
        }
    }
}

#[test]
fn bench_without_documents_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    hria()
        .args(["bench", "--quiet"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no documents"));
}

#[test]
fn bench_reports_every_file_it_does_not_time() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::copy(
        "tests/fixtures/index/corpus/supplier-code.en.md",
        p.join("good.md"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/ingest/bad/invalid-utf8.md",
        p.join("damaged.md"),
    )
    .unwrap();
    std::fs::write(p.join("binary.md"), b"ab\0cd").unwrap();
    std::fs::write(p.join("empty.md"), b"").unwrap();
    std::fs::write(p.join("large.md"), "# Large\n\n".repeat(1000)).unwrap();
    std::fs::write(p.join("markup.md"), "<!-- nothing here").unwrap();
    let out = hria()
        .args([
            "bench",
            "--threads",
            "1",
            "--repeat",
            "1",
            "--format",
            "json",
            "--quiet",
        ])
        .args(["--max-file-size", "5000"])
        .arg(p)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The degraded document is timed (and reported); the others are skipped.
    assert_eq!(r["documents"], 2);
    let mut kinds: Vec<(String, String)> = r["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let path = std::path::Path::new(s["path"].as_str().unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, s["kind"].as_str().unwrap().to_string())
        })
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            ("binary.md".to_string(), "binary".to_string()),
            ("damaged.md".into(), "degraded".into()),
            ("empty.md".into(), "empty".into()),
            ("large.md".into(), "too-large".into()),
            ("markup.md".into(), "empty".into()),
        ]
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("file too large"));
}

#[test]
fn bench_refuses_zero_threads_and_unknown_encodings() {
    for extra in [["--threads", "0"], ["--encoding", "klingon-8"]] {
        hria()
            .args(["bench", "tests/fixtures/index/corpus", "--quiet"])
            .args(extra)
            .assert()
            .code(2)
            .stdout("");
    }
}

/// With `--pin`, a one-thread run keeps at most one core busy (tantivy's indexing thread shares
/// it), and more threads than usable CPUs is refused before any work.
#[cfg(target_os = "linux")]
#[test]
fn pinned_bench_runs_each_thread_count_on_as_many_cpus() {
    let r = json_of(hria().args([
        "bench",
        "tests/fixtures/index/corpus",
        "--threads",
        "1",
        "--repeat",
        "1",
        "--pin",
        "--format",
        "json",
        "--quiet",
    ]));
    assert_eq!(r["pinned"], true);
    // The stages that start indexing threads; CPU time over wall time can pass 1 a little only
    // by the clocks' granularity.
    for s in r["stages"].as_array().unwrap() {
        if ["index", "pipeline", "tantivy-jieba-index"].contains(&s["stage"].as_str().unwrap()) {
            assert!(s["cores"].as_f64().unwrap() < 1.1, "{s}");
        }
    }
    let cpus = hria::bench::allowed_cpus().unwrap().len();
    hria()
        .args(["bench", "tests/fixtures/index/corpus", "--quiet", "--pin"])
        .args(["--threads", &(cpus + 1).to_string()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("--pin"));
}
