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
    let ratios: Vec<(String, u64)> = r["ratios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            assert!(x["ratio_per_cpu_s"].as_f64().is_some(), "{x}");
            (
                x["hria"].as_str().unwrap().to_string(),
                x["threads"].as_u64().unwrap(),
            )
        })
        .collect();
    for h in ["segment", "tag", "pipeline"] {
        for t in [1, 2] {
            assert!(ratios.contains(&(h.to_string(), t)), "{h} at {t} threads");
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
