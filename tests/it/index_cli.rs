//! `hria index`: summaries, incremental runs, atomicity, locking, thread-count independence and
//! the errors for indexes it cannot read.

use crate::cli::{hit_ids, hria, json_of, search_hits};
use predicates::prelude::PredicateBooleanExt;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/index/corpus");
const STATEMENT: &str = "microsoft-global-human-rights-statement.zh.md";

/// A temporary folder with a copy of the fixture corpus in `corpus/`.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for e in std::fs::read_dir(FIXTURES).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), corpus.join(e.file_name())).unwrap();
    }
    let index = tmp.path().join("index");
    (tmp, corpus, index)
}

fn index_json(corpus: &Path, index: &Path, extra: &[&str]) -> Value {
    json_of(
        hria()
            .arg("index")
            .arg(corpus)
            .arg("--index")
            .arg(index)
            .args(["--format", "json", "--quiet"])
            .args(extra),
    )
}

fn search_ids(index: &Path, query: &str, extra: &[&str]) -> Vec<String> {
    hit_ids(&search_hits(index, query, extra))
}

/// The index's files (lock files aside) with their contents' hashes.
fn snapshot(index: &Path) -> Vec<(String, String)> {
    let mut v: Vec<_> = std::fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".lock"))
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                blake3::hash(&bytes).to_hex().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn indexes_the_corpus_and_reports_a_summary() {
    let (_tmp, corpus, index) = setup();
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["found"], 3);
    assert_eq!(s["indexed"], 3);
    assert_eq!(s["unchanged"], 0);
    assert_eq!(s["committed"], true);
    assert!(s["passages"].as_u64().unwrap() >= 10);
    assert_eq!(s["passages"], s["total_passages"]);
    assert_eq!(s["total_documents"], 3);
    assert!(!search_ids(&index, "强迫劳动", &["--doc", STATEMENT]).is_empty());
}

#[test]
fn table_summary_goes_to_stderr_and_stdout_stays_empty() {
    let (_tmp, corpus, index) = setup();
    hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("3 indexed"));
}

#[test]
fn second_run_on_unchanged_corpus_rewrites_nothing() {
    let (_tmp, corpus, index) = setup();
    let first = index_json(&corpus, &index, &[]);
    let before = snapshot(&index);
    let second = index_json(&corpus, &index, &[]);
    assert_eq!(second["unchanged"], 3);
    assert_eq!(second["indexed"], 0);
    assert_eq!(second["passages"], 0);
    assert_eq!(second["committed"], false);
    assert_eq!(second["opstamp"], first["opstamp"]);
    assert_eq!(snapshot(&index), before, "index files changed");
}

#[test]
fn a_changed_file_alone_is_replaced() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    assert!(!search_ids(&index, "privacy", &[]).is_empty());
    std::fs::write(
        corpus.join("supplier-code.en.md"),
        "# Supplier Code\n\nSuppliers pay a living wage to every worker.\n",
    )
    .unwrap();
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["indexed"], 1);
    assert_eq!(s["unchanged"], 2);
    assert_eq!(s["removed"], 0);
    assert!(search_ids(&index, "privacy", &[]).is_empty());
    assert_eq!(search_ids(&index, "wage", &[]).len(), 1);
    // Passages of the other documents are still there, once each.
    let all = search_ids(&index, "*", &[]);
    let mut dedup = all.clone();
    dedup.dedup();
    assert_eq!(all, dedup);
    assert_eq!(all.len() as u64, s["total_passages"].as_u64().unwrap());
}

#[test]
fn a_deleted_file_is_removed() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let before = search_ids(&index, "*", &[]).len();
    let gone = search_ids(&index, "*", &["--doc", "labour-policy.zh-Hant.md"]);
    assert!(!gone.is_empty());
    std::fs::remove_file(corpus.join("labour-policy.zh-Hant.md")).unwrap();
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["removed"], 1);
    assert_eq!(s["unchanged"], 2);
    assert_eq!(s["total_documents"], 2);
    // The index no longer knows the document: asking for it is an error.
    hria()
        .args([
            "search",
            "*",
            "--doc",
            "labour-policy.zh-Hant.md",
            "--index",
        ])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no document `labour-policy.zh-Hant.md`",
        ));
    assert_eq!(search_ids(&index, "*", &[]).len(), before - gone.len());
}

#[test]
fn documents_of_other_roots_are_kept() {
    let (tmp, corpus, index) = setup();
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(
        other.join("extra.md"),
        "# Extra\n\nWe respect freedom of expression.\n",
    )
    .unwrap();
    index_json(&corpus, &index, &[]);
    let s = index_json(&other, &index, &[]);
    assert_eq!(s["indexed"], 1);
    assert_eq!(s["removed"], 0);
    assert_eq!(s["total_documents"], 4);
}

#[test]
fn rebuild_swaps_in_a_fresh_index_and_leaves_nothing_behind() {
    let (tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    // Left by a killed rebuild whose process is gone (pids are below 2^22 on Linux).
    if cfg!(target_os = "linux") {
        std::fs::create_dir(tmp.path().join("index.tmp-4294967295")).unwrap();
    }
    let s = index_json(&corpus, &index, &["--rebuild"]);
    assert_eq!(s["rebuilt"], true);
    assert_eq!(s["indexed"], 3);
    assert!(!search_ids(&index, "强迫劳动", &[]).is_empty());
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains(".tmp-") && !n.contains(".old-")),
        "{names:?}"
    );
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let (tmp, corpus, _) = setup();
    let one = tmp.path().join("one");
    let four = tmp.path().join("four");
    index_json(&corpus, &one, &["--threads", "1"]);
    index_json(&corpus, &four, &["--threads", "4"]);
    let lines = |index: &Path, q: &str| -> Vec<String> {
        let out = hria()
            .args([
                "search", q, "--format", "jsonl", "--limit", "1000", "--index",
            ])
            .arg(index)
            .output()
            .unwrap();
        assert!(out.status.success());
        let mut v: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                let h: Value = serde_json::from_str(l).unwrap();
                format!(
                    "{} {:.4} {} {}",
                    h["id"],
                    h["score"].as_f64().unwrap(),
                    h["tags"],
                    h["snippet"]
                )
            })
            .collect();
        v.sort();
        v
    };
    for q in ["*", "劳动", "人权 AND 承诺", "workers"] {
        let a = lines(&one, q);
        assert!(!a.is_empty(), "{q}");
        assert_eq!(a, lines(&four, q), "{q}");
    }
}

#[test]
fn a_second_writer_fails_at_once_with_a_lock_message_and_readers_keep_working() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let mut holder = std::process::Command::new(assert_cmd::cargo::cargo_bin("hria"))
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .args(["--quiet", "--hold-lock-ms", "600000"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(holder.stderr.take().unwrap()).lines();
    let marker = lines.next().unwrap().unwrap();
    assert!(marker.contains("holding the index lock"), "{marker}");

    hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is locked by another process"));
    hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .arg("--rebuild")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is locked by another process"));
    assert!(!search_ids(&index, "强迫劳动", &[]).is_empty());

    holder.kill().unwrap();
    holder.wait().unwrap();
    // The lock dies with its process.
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["unchanged"], 3);
}

#[test]
fn a_killed_run_leaves_the_last_commit_usable() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let before = search_ids(&index, "强迫劳动", &[]);
    let para = "我们尊重人权，承诺在供应链中消除强迫劳动与童工，并为受影响的工人提供补救。\n\n";
    for i in 0..200 {
        let text = format!("# 文件 {i}\n\n{}", para.repeat(40));
        std::fs::write(corpus.join(format!("gen-{i:03}.md")), text).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hria"))
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .args(["--quiet", "--threads", "1", "--hold-lock-ms", "0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let marker = lines.next().unwrap().unwrap();
    assert!(marker.contains("holding the index lock"), "{marker}");
    // Let it get into the documents, then kill it wherever it is.
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();

    // Either the old commit or the new one: both hold the old hits.
    let after = search_ids(&index, "强迫劳动", &[]);
    assert!(before.iter().all(|id| after.contains(id)));
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["total_documents"], 203);
    assert_eq!(
        search_ids(&index, "*", &[]).len() as u64,
        s["total_passages"].as_u64().unwrap()
    );
}

#[test]
fn missing_index_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    hria()
        .args(["search", "人权", "--index"])
        .arg(tmp.path().join("nowhere"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no index at"))
        .stderr(predicates::str::contains("run `hria index` first"));
}

#[test]
fn index_of_another_schema_version_asks_for_a_rebuild() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let meta_path = index.join("meta.json");
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    let mut payload: Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    payload["schema_version"] = 999.into();
    meta["payload"] = payload.to_string().into();
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    for args in [
        vec!["search", "人权"],
        vec!["index", corpus.to_str().unwrap()],
    ] {
        hria()
            .args(&args)
            .arg("--index")
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("schema version 999"))
            .stderr(predicates::str::contains("hria index --rebuild"));
    }
    let s = index_json(&corpus, &index, &["--rebuild"]);
    assert_eq!(s["indexed"], 3);
    assert!(!search_ids(&index, "强迫劳动", &[]).is_empty());
}

#[test]
fn corrupt_meta_is_reported_without_a_panic() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    std::fs::write(index.join("meta.json"), b"\x00garbage{{{").unwrap();
    for args in [
        vec!["search", "人权"],
        vec!["index", corpus.to_str().unwrap()],
    ] {
        hria()
            .args(&args)
            .arg("--index")
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("corrupt"))
            .stderr(predicates::str::contains("hria index --rebuild"))
            .stderr(predicates::str::contains("panicked").not());
    }
    let s = index_json(&corpus, &index, &["--rebuild"]);
    assert_eq!(s["indexed"], 3);
}

#[test]
fn refuses_to_write_into_a_folder_that_is_not_an_index() {
    let (tmp, corpus, _) = setup();
    let notes = tmp.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("todo.txt"), "keep me").unwrap();
    for extra in [&[][..], &["--rebuild"][..]] {
        hria()
            .arg("index")
            .arg(&corpus)
            .arg("--index")
            .arg(&notes)
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("not an hria index"));
    }
    assert_eq!(
        std::fs::read_to_string(notes.join("todo.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn skipped_inputs_give_exit_code_3() {
    let (tmp, corpus, index) = setup();
    hria()
        .arg("index")
        .arg(&corpus)
        .arg(tmp.path().join("missing-folder"))
        .arg("--index")
        .arg(&index)
        .assert()
        .code(3)
        .stderr(predicates::str::contains("missing-folder"));
}
