//! `hria index`: summaries, incremental runs, atomicity, locking, thread-count independence and
//! the errors for indexes it cannot read.

use crate::cli::{field_strs, hit_ids, hria, index_corpus, json_of, on_index, search_hits};
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

/// A folder `name` beside the corpus holding one file `file` with `text`.
fn folder_with(tmp: &tempfile::TempDir, name: &str, file: &str, text: &str) -> PathBuf {
    let dir = tmp.path().join(name);
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(file), text).unwrap();
    dir
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

/// Runs `hria index ROOTS… --index INDEX --format json --quiet EXTRA…`, whatever its exit code.
fn index_output(roots: &[&Path], index: &Path, extra: &[&str]) -> std::process::Output {
    hria()
        .arg("index")
        .args(roots)
        .arg("--index")
        .arg(index)
        .args(["--format", "json", "--quiet"])
        .args(extra)
        .output()
        .unwrap()
}

/// The JSON summary and the stderr of an index run that exits with `code` (3: some inputs
/// skipped).
fn index_json_code(corpus: &Path, index: &Path, code: i32) -> (Value, String) {
    index_roots_code(&[corpus], index, &[], code)
}

/// [`index_json_code`] for several roots, with more arguments.
fn index_roots_code(roots: &[&Path], index: &Path, extra: &[&str], code: i32) -> (Value, String) {
    let out = index_output(roots, index, extra);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
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
    let other = folder_with(
        &tmp,
        "other",
        "extra.md",
        "# Extra\n\nWe respect freedom of expression.\n",
    );
    index_json(&corpus, &index, &[]);
    let s = index_json(&other, &index, &[]);
    assert_eq!(s["indexed"], 1);
    assert_eq!(s["removed"], 0);
    assert_eq!(s["total_documents"], 4);
}

#[test]
fn rebuild_leaves_nothing_behind() {
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

/// Starts an index run on `corpus` that holds `index`'s lock until killed, once it says so.
fn hold_lock(corpus: &std::path::Path, index: &std::path::Path) -> std::process::Child {
    let mut holder = std::process::Command::new(assert_cmd::cargo::cargo_bin("hria"))
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .args(["--quiet", "--hold-lock-ms", "600000"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let marker = BufReader::new(holder.stderr.take().unwrap())
        .lines()
        .next()
        .unwrap()
        .unwrap();
    assert!(marker.contains("holding the index lock"), "{marker}");
    holder
}

#[test]
fn a_second_writer_fails_at_once_with_a_lock_message_and_readers_keep_working() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let mut holder = hold_lock(&corpus, &index);

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

/// Both a reader (`search`) and a writer (`index`) on `index` fail with exit 2 and every one of
/// `needles` in their message.
fn both_refuse(corpus: &Path, index: &Path, needles: &[&str]) {
    for args in [
        vec!["search", "人权"],
        vec!["index", corpus.to_str().unwrap()],
    ] {
        let mut assert = hria()
            .args(&args)
            .arg("--index")
            .arg(index)
            .assert()
            .code(2);
        for needle in needles {
            assert = assert.stderr(predicates::str::contains(*needle));
        }
    }
}

#[test]
fn index_of_another_schema_version_asks_for_a_rebuild() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    set_payload(&index, "schema_version", Some(999.into()));
    both_refuse(
        &corpus,
        &index,
        &["schema version 999", "hria index --rebuild"],
    );
    let s = index_json(&corpus, &index, &["--rebuild"]);
    assert_eq!(s["indexed"], 3);
    assert!(!search_ids(&index, "强迫劳动", &[]).is_empty());
}

/// A run with a new taxonomy must re-tag every document: one that leaves out a folder the index
/// holds documents of is refused (exit 2, naming the folder), and the index is left as it was,
/// so that no index says it was tagged with one taxonomy while holding tags of another. A run
/// over all the folders then re-tags them all, once.
#[test]
fn a_taxonomy_change_that_leaves_out_a_folder_is_refused() {
    let (tmp, _corpus, index) = setup();
    let text = "# Statement\n\nWe prohibit forced labour and test convention breaches.\n";
    let r1 = folder_with(&tmp, "r1", "x.md", text);
    let r2 = folder_with(&tmp, "r2", "y.md", text);
    let t = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/taxonomy/valid.toml"
    );
    let run = |roots: &[&Path], extra: &[&str]| index_output(roots, &index, extra);
    let json = |out: std::process::Output| -> Value {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    json(run(&[&r1, &r2], &[]));
    let before = search_ids(&index, "forced", &[]);
    assert_eq!(before.len(), 2, "{before:?}");
    let out = run(&[&r1], &["--taxonomy", t]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("another taxonomy") && err.contains("r2") && err.contains("1 document"),
        "{err}"
    );
    // The index is the one before: both documents, tagged with the built-in taxonomy.
    assert_eq!(search_ids(&index, "forced", &[]), before);
    let s = json(run(&[&r1, &r2], &[]));
    assert_eq!(s["unchanged"], 2);
    let s = json(run(&[&r1, &r2], &["--taxonomy", t]));
    assert_eq!(
        (s["indexed"].as_u64(), s["taxonomy_changed"].as_bool()),
        (Some(2), Some(true))
    );
    let s = json(run(&[&r1, &r2], &["--taxonomy", t]));
    assert_eq!(s["unchanged"], 2);
    // A rebuild starts afresh: the folders left out are not in it.
    let s = json(run(&[&r1], &["--rebuild"]));
    assert_eq!(s["total_documents"], 1);
}

/// Sets a field of the commit payload in `index`'s meta.json (`None` removes it).
fn set_payload(index: &Path, key: &str, value: Option<Value>) {
    let meta_path = index.join("meta.json");
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    let mut payload: Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    match value {
        Some(v) => payload[key] = v,
        None => {
            payload.as_object_mut().unwrap().remove(key);
        }
    }
    meta["payload"] = payload.to_string().into();
    std::fs::write(&meta_path, meta.to_string()).unwrap();
}

/// A taxonomy change has every document re-tagged, once. The commit's record of the last run
/// (taxonomy, version of segmentation and tagging) only reports a change: what is read again is
/// decided by each document's record, so an index whose commit alone says another version
/// (faked here; a real one has records made by that version too) reads nothing again.
#[test]
fn a_taxonomy_change_rereads_every_document_and_the_commit_only_reports_one() {
    let (_tmp, corpus, index) = setup();
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["pipeline_changed"], false);
    for old in [None, Some(Value::from(0))] {
        set_payload(&index, "pipeline_version", old);
        let s = index_json(&corpus, &index, &[]);
        assert_eq!(
            (s["indexed"].as_u64(), s["unchanged"].as_u64()),
            (Some(0), Some(3))
        );
        assert_eq!(s["pipeline_changed"], true);
        assert_eq!(s["taxonomy_changed"], false);
        let s = index_json(&corpus, &index, &[]);
        assert_eq!(s["pipeline_changed"], false);
    }
    let t = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/taxonomy/valid.toml"
    );
    let s = index_json(&corpus, &index, &["--taxonomy", t]);
    assert_eq!(
        (s["indexed"].as_u64(), s["taxonomy_changed"].as_bool()),
        (Some(3), Some(true))
    );
    let s = index_json(&corpus, &index, &["--taxonomy", t]);
    assert_eq!(
        (s["indexed"].as_u64(), s["taxonomy_changed"].as_bool()),
        (Some(0), Some(false))
    );
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

/// Each damaged or mistaken index path is named for what it is, and a rebuild recreates an
/// index that lost its meta.json.
#[test]
fn damaged_or_mistaken_index_paths_are_named_for_what_they_are() {
    let (tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    // tantivy's list of its files only tells a writer what it may delete: emptied or garbled,
    // it is read as none, by a search and by the next run, which writes it again.
    let managed = index.join(".managed.json");
    let hits = search_ids(&index, "人权", &[]);
    for garbled in [&b"not json {"[..], b"", b"{}"] {
        std::fs::write(&managed, garbled).unwrap();
        assert_eq!(search_ids(&index, "人权", &[]), hits);
        std::fs::write(corpus.join("new.md"), format!("Annex {}\n", garbled.len())).unwrap();
        index_json(&corpus, &index, &[]);
        let list: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&managed).unwrap()).unwrap();
        assert!(list.as_array().is_some_and(|l| !l.is_empty()), "{list}");
    }
    std::fs::remove_file(corpus.join("new.md")).unwrap();
    index_json(&corpus, &index, &[]);

    std::fs::remove_file(index.join("meta.json")).unwrap();
    both_refuse(
        &corpus,
        &index,
        &["meta.json is missing", "hria index --rebuild"],
    );
    let s = index_json(&corpus, &index, &["--rebuild"]);
    assert_eq!(
        (s["indexed"].as_u64(), s["committed"].as_bool()),
        (Some(3), Some(true))
    );
    assert!(!search_ids(&index, "人权", &[]).is_empty());

    let file = tmp.path().join("index.txt");
    std::fs::write(&file, "not an index").unwrap();
    both_refuse(&corpus, &file, &["is a file, not a folder"]);

    #[cfg(unix)]
    {
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(tmp.path().join("nowhere"), &link).unwrap();
        hria()
            .args(["index"])
            .arg(&corpus)
            .arg("--index")
            .arg(&link)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("a symbolic link to"))
            .stderr(predicates::str::contains("which does not exist"));
        // Readers say so too, not that there is no index.
        for cmd in [&["search", "x"][..], &["coverage"], &["gaps"]] {
            hria()
                .args(cmd)
                .arg("--index")
                .arg(&link)
                .assert()
                .code(2)
                .stderr(predicates::str::contains("a symbolic link to"));
        }
    }
}

/// A rebuild replaces a damaged index's folder whole, so it refuses while the folder holds
/// anything an index does not write; files merely named like index files do not make a folder
/// an index.
#[test]
fn a_rebuild_never_deletes_files_that_are_not_the_index() {
    let (tmp, corpus, index) = setup();
    // Not an index at all: a `.idx` file of the user's, and a meta.json of someone else's.
    let movies = folder_with(&tmp, "movies", "thesis.md", "keep me");
    std::fs::write(movies.join("movie.idx"), "x").unwrap();
    let other = folder_with(&tmp, "other", "notes.txt", "keep me");
    std::fs::write(other.join("meta.json"), r#"{"name": "x"}"#).unwrap();
    // A damaged index (meta.json gone) with the user's notes and a folder in it.
    index_json(&corpus, &index, &[]);
    std::fs::remove_file(index.join("meta.json")).unwrap();
    std::fs::write(index.join("notes.txt"), "keep me").unwrap();
    std::fs::create_dir(index.join("drafts")).unwrap();
    for (dir, needle) in [
        (&movies, "not an hria index"),
        (&other, r#"also holds "notes.txt", which no index writes"#),
        (
            &index,
            r#"also holds "drafts", "notes.txt", which no index writes"#,
        ),
    ] {
        hria()
            .arg("index")
            .arg(&corpus)
            .arg("--index")
            .arg(dir)
            .arg("--rebuild")
            .assert()
            .code(2)
            .stderr(predicates::str::contains(needle));
    }
    assert_eq!(
        std::fs::read_to_string(movies.join("thesis.md")).unwrap(),
        "keep me"
    );
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(
        std::fs::read_to_string(index.join("notes.txt")).unwrap(),
        "keep me"
    );
    // Moved out, the rebuild goes ahead; hidden files are carried over.
    std::fs::remove_file(index.join("notes.txt")).unwrap();
    std::fs::remove_dir(index.join("drafts")).unwrap();
    std::fs::write(index.join(".gitignore"), "*\n").unwrap();
    std::fs::write(index.join(".managed-notes"), "mine").unwrap();
    let s = index_json(&corpus, &index, &["--rebuild"]);
    assert_eq!(s["indexed"], 3);
    assert!(index.join(".gitignore").is_file());
    assert!(index.join(".managed-notes").is_file());
}

#[test]
fn refuses_to_write_into_a_folder_that_is_not_an_index() {
    let (tmp, corpus, _) = setup();
    let notes = folder_with(&tmp, "notes", "todo.txt", "keep me");
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
    let (_tmp, corpus, index) = setup();
    std::fs::write(corpus.join("scan.md"), b"PK\x03\x04\x00\x00binary").unwrap();
    hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(3)
        .stderr(predicates::str::contains("scan.md: binary file"));
}

/// A folder (or file) given to an earlier run that no longer exists has its documents removed,
/// as a file deleted from a folder does, and the run says so; so has a deleted folder inside a
/// folder the index holds. A path the index holds nothing from is still an error, and so is a
/// deleted root in a rebuild, a path through a file (`y.md/`) and a missing default `corpus/`.
#[test]
fn a_deleted_root_has_its_documents_removed() {
    let (tmp, corpus, index) = setup();
    let text = "# Statement\n\nWe prohibit forced labour.\n";
    let gone = folder_with(&tmp, "gone", "x.md", text);
    let file = folder_with(&tmp, "single", "y.md", text).join("y.md");
    let sub = corpus.join("sub");
    let deep = sub.join("deep");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(sub.join("s.md"), text).unwrap();
    std::fs::write(deep.join("d.md"), text).unwrap();
    let run = |roots: &[&Path], extra: &[&str]| index_output(roots, &index, extra);
    // What the index holds, from a run that names only the corpus (which keeps other roots).
    let total = || -> u64 {
        let s: Value = serde_json::from_slice(&run(&[&corpus], &[]).stdout).unwrap();
        s["total_documents"].as_u64().unwrap()
    };
    let first: Value = serde_json::from_slice(&run(&[&corpus, &gone, &file], &[]).stdout).unwrap();
    assert_eq!(first["total_documents"], 7, "{first}");
    // A file given with a slash after it is no deleted file.
    let slashed = PathBuf::from(format!("{}/", file.display()));
    let out = run(&[&corpus, &slashed], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(total(), 7);
    std::fs::remove_dir_all(&gone).unwrap();
    std::fs::remove_file(&file).unwrap();
    std::fs::remove_dir_all(&sub).unwrap();
    // A misspelt path: an error, and nothing changes; a rebuild cannot remove what it never reads.
    let typo = tmp.path().join("gonne");
    let out = run(&[&corpus, &gone, &typo], &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot index") && err.contains("gonne"),
        "{err}"
    );
    let out = run(&[&gone], &["--rebuild"]);
    assert_eq!(out.status.code(), Some(2));
    // Given twice, in two spellings, it is one deleted root; a deleted path inside another one
    // given is credited with its own documents.
    let gone_again = tmp.path().join(".").join("gone");
    let (s, err) = index_roots_code(&[&gone, &gone_again, &file, &sub, &deep], &index, &[], 0);
    assert_eq!(
        (s["removed"].as_u64(), s["total_documents"].as_u64()),
        (Some(4), Some(3)),
        "{s}"
    );
    let removed: Vec<u64> = s["gone"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["removed"].as_u64().unwrap())
        .collect();
    assert_eq!(removed, [1, 1, 1, 1], "{s}");
    assert!(
        err.contains("no longer exists: the 1 document indexed from it removed"),
        "{err}"
    );
    assert!(search_ids(&index, "forced", &[])
        .iter()
        .all(|id| !id.starts_with("x.md") && !id.starts_with("sub/")));
    // Removed, it is a path the index holds nothing from.
    let out = run(&[&corpus, &gone], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(total(), 3);
    // The default folder missing is no deletion.
    let out = hria()
        .current_dir(tmp.path())
        .args(["index", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    std::fs::rename(&corpus, tmp.path().join("corpus-2024")).unwrap();
    hria()
        .current_dir(tmp.path())
        .args(["index", "--index"])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot index corpus"));
    std::fs::rename(tmp.path().join("corpus-2024"), &corpus).unwrap();
    assert_eq!(total(), 3);
    // A path inside a root that was itself deleted: its documents alone go.
    let outer = folder_with(&tmp, "outer", "o.md", text);
    std::fs::create_dir(outer.join("inner")).unwrap();
    std::fs::write(outer.join("inner").join("i.md"), text).unwrap();
    assert_eq!(run(&[&outer], &[]).status.code(), Some(0));
    assert_eq!(total(), 5);
    std::fs::remove_dir_all(&outer).unwrap();
    let s: Value = serde_json::from_slice(&run(&[&outer.join("inner")], &[]).stdout).unwrap();
    assert_eq!(
        (s["removed"].as_u64(), s["gone"][0]["removed"].as_u64()),
        (Some(1), Some(1)),
        "{s}"
    );
    assert_eq!(total(), 4);
}

#[test]
fn a_missing_root_is_an_error_and_creates_nothing() {
    let (tmp, corpus, index) = setup();
    hria()
        .arg("index")
        .arg(&corpus)
        .arg(tmp.path().join("missing-folder"))
        .arg("--index")
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot index"))
        .stderr(predicates::str::contains("missing-folder"));
    assert!(!index.exists());
    // The default root too.
    hria()
        .current_dir(tmp.path().join("corpus"))
        .arg("index")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot index corpus"));
    assert!(!corpus.join("index").exists());
}

#[test]
fn out_of_range_threads_and_memory_budget_are_refused() {
    let (_tmp, corpus, index) = setup();
    for extra in [
        ["--threads", "0"],
        ["--threads", "1000"],
        ["--memory-budget", "1"],
        ["--memory-budget", "5000"],
    ] {
        hria()
            .arg("index")
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(extra[0]));
    }
    hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .args(["--encoding", "klingon-8"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown encoding label"));
    assert!(!index.exists());
}

#[test]
fn degraded_documents_are_indexed_and_reported_on_every_run() {
    let (_tmp, corpus, index) = setup();
    let damaged = [
        "# 损坏的文件\n\n我们禁止强迫劳动，".as_bytes(),
        b"\xff",
        "并在供应链中尊重人权。\n".as_bytes(),
    ]
    .concat();
    std::fs::write(corpus.join("damaged.md"), damaged).unwrap();
    for run in 0..2 {
        let (s, stderr) = index_json_code(&corpus, &index, 3);
        let skipped = s["skipped"].as_array().unwrap();
        assert_eq!(skipped.len(), 1, "run {run}: {skipped:?}");
        assert_eq!(skipped[0]["kind"], "degraded");
        assert!(skipped[0]["path"].as_str().unwrap().ends_with("damaged.md"));
        assert_eq!(s["total_documents"], 4);
        assert!(stderr.contains("damaged.md: 1 invalid byte"));
    }
    assert!(!search_ids(&index, "强迫劳动", &["--doc", "damaged.md"]).is_empty());
    // The summary line does not count an indexed document as skipped.
    hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(3)
        .stderr(predicates::str::contains("0 skipped, 1 degraded"));
}

#[test]
fn a_changed_manifest_entry_or_encoding_option_replaces_the_document() {
    let (_tmp, corpus, index) = setup();
    let manifest = |title: &str| {
        std::fs::write(
            corpus.join("manifest.toml"),
            format!("[documents.\"supplier-code.en.md\"]\ntitle = \"{title}\"\n"),
        )
        .unwrap()
    };
    manifest("Old title");
    index_json(&corpus, &index, &[]);
    let title = |index: &Path| {
        let hits = search_hits(index, "*", &["--doc", "supplier-code.en.md"]);
        hits[0]["title"].as_str().unwrap().to_string()
    };
    assert_eq!(title(&index), "Old title");
    manifest("New title");
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["indexed"], 1);
    assert_eq!(s["unchanged"], 2);
    assert_eq!(title(&index), "New title");
    // The same again: nothing to do.
    assert_eq!(index_json(&corpus, &index, &[])["unchanged"], 3);
    // Another encoding asked for: every document is read again.
    let s = index_json(&corpus, &index, &["--encoding", "utf-8"]);
    assert_eq!(s["indexed"], 3);
    assert_eq!(
        index_json(&corpus, &index, &["--encoding", "UTF8"])["unchanged"],
        3
    );
}

#[test]
fn the_same_relative_path_under_two_roots_gives_two_documents() {
    let (tmp, corpus, index) = setup();
    let corpus2 = folder_with(
        &tmp,
        "corpus2",
        "labour-policy.zh-Hant.md",
        "# 第二份政策\n\n我們保障工人的結社自由。\n",
    );
    index_json(&corpus, &index, &[]);
    let s = index_json(&corpus2, &index, &[]);
    assert_eq!(s["indexed"], 1);
    assert_eq!(s["removed"], 0);
    assert_eq!(s["total_documents"], 4);
    let first = search_ids(&index, "*", &["--doc", "labour-policy.zh-Hant.md"]);
    let second = search_ids(&index, "*", &["--doc", "corpus2/labour-policy.zh-Hant.md"]);
    assert!(!first.is_empty() && !second.is_empty());
    // Run again: the second root's document keeps its qualified id.
    let s = index_json(&corpus2, &index, &[]);
    assert_eq!(
        (s["unchanged"].as_u64(), s["removed"].as_u64()),
        (Some(1), Some(0))
    );
    // Both roots in one run, in either order: the same two ids.
    for (n, roots) in [[&corpus, &corpus2], [&corpus2, &corpus]]
        .iter()
        .enumerate()
    {
        let fresh = tmp.path().join(format!("both-{n}"));
        let s = json_of(
            hria()
                .arg("index")
                .args(*roots)
                .arg("--index")
                .arg(&fresh)
                .args(["--format", "json", "--quiet"]),
        );
        assert_eq!(s["total_documents"], 4);
        for doc in [
            "corpus/labour-policy.zh-Hant.md",
            "corpus2/labour-policy.zh-Hant.md",
        ] {
            assert!(
                !search_ids(&fresh, "*", &["--doc", doc]).is_empty(),
                "{doc}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn rebuild_happens_in_place_and_a_killed_rebuild_leaves_the_old_index() {
    use std::os::unix::fs::MetadataExt;
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let before = search_ids(&index, "强迫劳动", &[]);
    let inode = std::fs::metadata(&index).unwrap().ino();
    let s = index_json(&corpus, &index, &["--rebuild"]);
    assert_eq!(
        (s["rebuilt"].as_bool(), s["indexed"].as_u64()),
        (Some(true), Some(3))
    );
    assert_eq!(
        std::fs::metadata(&index).unwrap().ino(),
        inode,
        "swapped, not rebuilt in place"
    );
    assert_eq!(search_ids(&index, "强迫劳动", &[]), before);

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
        .args([
            "--rebuild",
            "--quiet",
            "--threads",
            "1",
            "--hold-lock-ms",
            "0",
        ])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let marker = lines.next().unwrap().unwrap();
    assert!(marker.contains("holding the index lock"), "{marker}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    // The old commit, or the new one if it got that far: the old hits either way.
    let after = search_ids(&index, "强迫劳动", &[]);
    assert!(before.iter().all(|id| after.contains(id)));
}

/// A copy of a fresh index of the fixture corpus, with its largest file of extension `ext`
/// changed by `damage`.
fn damaged_index(ext: &str, damage: impl Fn(&Path)) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let file = std::fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap();
    damage(&file);
    (tmp, corpus, index)
}

/// Every command that reads `index` fails with exit 2 and a message naming the damage and asking
/// for a rebuild, once, without a panic.
fn assert_reported_as_damaged(corpus: &Path, index: &Path, what: &str) {
    let corpus = corpus.to_str().unwrap();
    for args in [
        vec!["search", "人权"],
        vec!["coverage"],
        vec!["gaps"],
        vec!["explain", "x"],
        vec!["index", corpus],
    ] {
        let out = on_index(index, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains(what), "{args:?}: {stderr}");
        assert_eq!(
            stderr.matches("hria index --rebuild").count(),
            1,
            "{args:?}: {stderr}"
        );
        assert_eq!(
            stderr.matches(what).count(),
            1,
            "said more than once: {stderr}"
        );
    }
}

/// A file of another index copied over one of this index's (restored from the wrong backup)
/// passes tantivy's checksums and then fails one of its checks: damage, reported as such, not a
/// panic; a rebuild recovers.
#[test]
fn a_file_of_another_index_copied_over_is_damage_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let statement = tmp.path().join("statement");
    std::fs::create_dir(&statement).unwrap();
    let name = "microsoft-global-human-rights-statement.zh.md";
    std::fs::copy(Path::new(FIXTURES).join(name), statement.join(name)).unwrap();
    // Another index with a larger term dictionary: 3 × 300 sentences of made-up words.
    let words = tmp.path().join("words");
    std::fs::create_dir(&words).unwrap();
    let mut n = 1u64;
    for d in 0..3 {
        let mut text = String::new();
        for _ in 0..300 {
            for _ in 0..12 {
                n = n
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text += &format!("word{}x{d} ", (n >> 33) % 20000);
            }
            text += ".\n\n";
        }
        std::fs::write(words.join(format!("o{d}.md")), text).unwrap();
    }
    let (good, other) = (tmp.path().join("good"), tmp.path().join("other"));
    index_json(&statement, &good, &["--threads", "1"]);
    index_json(&words, &other, &["--threads", "1"]);
    let only = |dir: &Path, ext: &str| {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    };
    for (ext, args) in [
        ("term", &["coverage"][..]),
        ("idx", &["coverage"][..]),
        ("idx", &["search", "强迫劳动"][..]),
        // Positions fail in the crates tantivy reads them with.
        ("pos", &["search", "\"我们 承诺\""][..]),
        ("pos", &["gaps"][..]),
    ] {
        let index = tmp.path().join(format!("damaged-{ext}-{}", args[0]));
        std::fs::create_dir(&index).unwrap();
        for e in std::fs::read_dir(&good).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), index.join(e.file_name())).unwrap();
        }
        std::fs::copy(only(&other, ext), only(&index, ext)).unwrap();
        let out = on_index(&index, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{ext} {args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{ext} {args:?}: {stderr}");
        assert!(stderr.contains("is corrupt"), "{ext} {args:?}: {stderr}");
        assert!(stderr.contains("hria index --rebuild"), "{stderr}");
        let s = index_json(&statement, &index, &["--rebuild"]);
        assert_eq!(s["indexed"], 1);
        assert!(!search_ids(&index, "强迫劳动", &[]).is_empty());
    }
}

#[test]
fn a_garbled_doc_store_is_reported_without_a_panic_and_rebuilt() {
    for half in [false, true] {
        let (_tmp, corpus, index) = damaged_index("store", |p| {
            let mut bytes = std::fs::read(p).unwrap();
            let n = if half { bytes.len() / 2 } else { bytes.len() };
            bytes[..n].iter_mut().for_each(|b| *b ^= 0x5a);
            std::fs::write(p, bytes).unwrap();
        });
        assert_reported_as_damaged(&corpus, &index, ".store is damaged");
        let s = index_json(&corpus, &index, &["--rebuild"]);
        assert_eq!(s["indexed"], 3);
        assert!(!search_ids(&index, "强迫劳动", &[]).is_empty());
    }
}

#[test]
fn damage_inside_any_index_file_is_reported_without_a_panic() {
    // Damage tantivy would otherwise panic on (fast columns, field norms) or misread.
    for ext in ["fast", "fieldnorm", "idx", "term", "pos"] {
        let (_tmp, corpus, index) = damaged_index(ext, |p| {
            let mut bytes = std::fs::read(p).unwrap();
            let n = bytes.len() / 2;
            bytes[..n].iter_mut().for_each(|b| *b ^= 0x5a);
            std::fs::write(p, bytes).unwrap();
        });
        assert_reported_as_damaged(&corpus, &index, &format!(".{ext} is damaged"));
    }
}

#[test]
fn a_truncated_or_missing_file_is_named_once_with_the_rebuild_hint() {
    let (_tmp, corpus, index) = damaged_index("idx", |p| {
        let f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
        f.set_len(100).unwrap();
    });
    assert_reported_as_damaged(
        &corpus,
        &index,
        ".idx is damaged (truncated or overwritten)",
    );
    let (_tmp, corpus, index) = damaged_index("fast", |p| std::fs::remove_file(p).unwrap());
    assert_reported_as_damaged(&corpus, &index, ".fast is missing");
    // Shorter than a footer's length and magic number, which tantivy reads unchecked.
    for len in [5, 7] {
        let (_tmp, corpus, index) = damaged_index("store", |p| {
            let f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
            f.set_len(len).unwrap();
        });
        assert_reported_as_damaged(
            &corpus,
            &index,
            &format!(".store is damaged (truncated to {len} bytes)"),
        );
    }
}

/// A meta.json that parses but miscounts a segment's documents (which tantivy trusts, and
/// panics on) is damage; a copy of an index file beside it is not.
#[test]
fn a_miscounted_segment_is_damage_and_a_stray_copy_is_not() {
    for count in [1, 999_999] {
        let (_tmp, corpus, index) = damaged_index("store", |_| {});
        let path = index.join("meta.json");
        let mut meta: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        meta["segments"][0]["max_doc"] = count.into();
        std::fs::write(&path, meta.to_string()).unwrap();
        assert_reported_as_damaged(&corpus, &index, &format!("counts {count} documents"));
    }
    // A segment listed twice would be searched twice, every count doubled.
    let (_tmp, corpus, index) = damaged_index("store", |_| {});
    let path = index.join("meta.json");
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let first = meta["segments"][0].clone();
    meta["segments"].as_array_mut().unwrap().push(first);
    std::fs::write(&path, meta.to_string()).unwrap();
    assert_reported_as_damaged(&corpus, &index, "lists segment");
    // A damaged copy: the index's own files are intact, and only they are checked.
    let (_tmp, _corpus, index) = damaged_index("store", |p| {
        std::fs::write(p.with_extension("store.bak"), b"garbage").unwrap();
    });
    assert!(!search_ids(&index, "强迫劳动", &[]).is_empty());
}

#[cfg(unix)]
#[test]
fn index_metadata_files_are_as_readable_as_the_other_files() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let mode = |name: &str| {
        std::fs::metadata(index.join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    let reference = mode(".tantivy-writer.lock");
    assert_eq!(mode("meta.json"), reference);
    assert_eq!(mode(".managed.json"), reference);
}

/// Runs `hria` as the unprivileged user `nobody` when the tests run as root (root reads and
/// writes anything, so permission errors need another user); as the current user otherwise.
#[cfg(unix)]
fn as_unprivileged(args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    as_unprivileged_in(Path::new("."), args)
}

/// [`as_unprivileged`] in the working directory `cwd`.
#[cfg(unix)]
fn as_unprivileged_in(cwd: &Path, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    let bin = assert_cmd::cargo::cargo_bin("hria");
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd.current_dir(cwd).args(args).output().ok()?;
    // Without setpriv (or when nobody cannot run the binary) there is nothing to check.
    if root && out.status.code() == Some(127) {
        return None;
    }
    Some(out)
}

#[cfg(unix)]
#[test]
fn permission_problems_are_reported_as_such() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let open = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(tmp.path(), open.clone()).unwrap();
    for dir in [&corpus, &index] {
        std::fs::set_permissions(dir, open.clone()).unwrap();
        for e in std::fs::read_dir(dir).unwrap() {
            std::fs::set_permissions(e.unwrap().path(), std::fs::Permissions::from_mode(0o644))
                .unwrap();
        }
    }
    let os = |s: &str| std::ffi::OsString::from(s);
    let search = [
        os("search"),
        os("人权"),
        os("--index"),
        index.clone().into(),
    ];
    let search: Vec<&std::ffi::OsStr> = search.iter().map(|s| s.as_os_str()).collect();
    // Another user who may read the index can search it.
    if unsafe { libc::geteuid() } == 0 {
        let Some(out) = as_unprivileged(&search) else {
            return;
        };
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // ...but not write it: that is not a lock held by another process.
        let write = [
            os("index"),
            corpus.clone().into(),
            os("--index"),
            index.clone().into(),
        ];
        let write: Vec<&std::ffi::OsStr> = write.iter().map(|s| s.as_os_str()).collect();
        let out = as_unprivileged(&write).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("permission denied"), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
        // Nor create a new index in a folder it may not write: said as such, not as an OS error.
        let fresh = [
            os("index"),
            corpus.clone().into(),
            os("--index"),
            index.with_file_name("fresh-index").into(),
        ];
        let fresh: Vec<&std::ffi::OsStr> = fresh.iter().map(|s| s.as_os_str()).collect();
        let out = as_unprivileged(&fresh).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("cannot create"), "{stderr}");
        assert!(stderr.contains("permission denied"), "{stderr}");
    } else {
        // The owner may write a file of mode 0644 whatever the folder's mode: the lock file too.
        let lock = index.join(".tantivy-writer.lock");
        std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o444)).unwrap();
        std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = hria()
            .arg("index")
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .arg("--rebuild")
            .output()
            .unwrap();
        std::fs::set_permissions(&index, open.clone()).unwrap();
        std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o644)).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("permission denied"), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    // A metadata file that cannot be read is not a corrupt index (private to its owner when
    // another user reads it; unreadable to all when the owner does). The managed list, which
    // tantivy writes private to its user during a run and leaves so when the run is killed, is
    // not needed to search: the last commit stays searchable for all who could search it.
    let private = if unsafe { libc::geteuid() } == 0 {
        0o600
    } else {
        0o000
    };
    for name in [".managed.json", "meta.json"] {
        std::fs::set_permissions(index.join(name), std::fs::Permissions::from_mode(private))
            .unwrap();
        let out = as_unprivileged(&search).unwrap();
        std::fs::set_permissions(index.join(name), std::fs::Permissions::from_mode(0o644)).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if name == ".managed.json" {
            assert_eq!(out.status.code(), Some(0), "{stderr}");
            assert!(!out.stdout.is_empty(), "{stderr}");
            continue;
        }
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("cannot read {}", index.join(name).display())),
            "{stderr}"
        );
        assert!(stderr.contains("permission denied"), "{stderr}");
        assert!(!stderr.contains("corrupt"), "{stderr}");
    }
}

/// Makes a FIFO at `path`: a file that is found but blocks whoever reads it.
#[cfg(unix)]
fn make_fifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

/// A document that is still there but cannot be read keeps its indexed version; one that is gone
/// is removed.
#[cfg(unix)]
#[test]
fn an_unreadable_document_keeps_its_previous_version() {
    let (_tmp, corpus, index) = setup();
    let first = index_json(&corpus, &index, &[]);
    let fifo = corpus.join("labour-policy.zh-Hant.md");
    let before = search_ids(&index, "*", &["--doc", "labour-policy.zh-Hant.md"]);
    assert!(!before.is_empty());
    // A FIFO in its place: found, not readable as a document (as a file being rewritten).
    std::fs::remove_file(&fifo).unwrap();
    make_fifo(&fifo);
    let (s, stderr) = index_json_code(&corpus, &index, 3);
    assert!(stderr.contains("(previous version kept)"), "{stderr}");
    assert_eq!(
        (s["removed"].as_u64(), s["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(s["total_documents"], first["total_documents"]);
    let skipped = &s["skipped"][0];
    assert_eq!(skipped["kind"], "not-regular");
    assert_eq!(
        skipped["reason"],
        "not a regular file (previous version kept)"
    );
    assert_eq!(
        search_ids(&index, "*", &["--doc", "labour-policy.zh-Hant.md"]),
        before
    );
    // Once it is gone, it is removed.
    std::fs::remove_file(&fifo).unwrap();
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["removed"], 1);
}

/// A run with a new taxonomy must re-tag every document: one it finds but cannot read is removed
/// (and said to be), not kept with the old taxonomy's tags in an index that claims the new one.
#[cfg(unix)]
#[test]
fn an_unreadable_document_is_removed_when_the_taxonomy_changes() {
    let (_tmp, corpus, index) = setup();
    let first = index_json(&corpus, &index, &[]);
    let fifo = corpus.join("labour-policy.zh-Hant.md");
    std::fs::remove_file(&fifo).unwrap();
    make_fifo(&fifo);
    let t = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/taxonomy/valid.toml"
    );
    let (s, _) = index_roots_code(&[&corpus], &index, &["--taxonomy", t], 3);
    assert_eq!(
        (s["removed"].as_u64(), s["indexed"].as_u64()),
        (Some(1), Some(2)),
        "{s}"
    );
    assert_eq!(
        s["total_documents"].as_u64().unwrap() + 1,
        first["total_documents"].as_u64().unwrap()
    );
    let reason = s["skipped"][0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(
            "not a regular file (previous version removed: it was tagged with another taxonomy"
        ),
        "{reason}"
    );
    let hits = search_hits(&index, "*", &["--taxonomy", t]);
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| h["doc"] != "labour-policy.zh-Hant.md"),
        "{hits:?}"
    );
    // Every document left was tagged with the new taxonomy: gaps with it is not refused.
    let gaps = hria()
        .args(["gaps", "--index"])
        .arg(&index)
        .args(["--taxonomy", t, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        gaps.status.success(),
        "{}",
        String::from_utf8_lossy(&gaps.stderr)
    );
    // Readable again, it is indexed again.
    std::fs::remove_file(&fifo).unwrap();
    std::fs::copy(Path::new(FIXTURES).join("labour-policy.zh-Hant.md"), &fifo).unwrap();
    let (s, _) = index_roots_code(&[&corpus], &index, &["--taxonomy", t], 0);
    assert_eq!(
        (s["indexed"].as_u64(), s["unchanged"].as_u64()),
        (Some(1), Some(2)),
        "{s}"
    );
}

/// A document whose file is still there but now empty or binary is removed, not kept: the index
/// must not show text the document no longer has. Only what could not be read is kept.
#[test]
fn an_emptied_or_binary_document_is_removed() {
    let (_tmp, corpus, index) = setup();
    let first = index_json(&corpus, &index, &[]);
    std::fs::write(corpus.join("labour-policy.zh-Hant.md"), "").unwrap();
    std::fs::write(corpus.join("supplier-code.en.md"), b"x\0y").unwrap();
    let (s, stderr) = index_json_code(&corpus, &index, 3);
    assert!(!stderr.contains("previous version kept"), "{stderr}");
    assert_eq!(s["removed"], 2, "{s}");
    let total = |s: &serde_json::Value| s["total_documents"].as_u64().unwrap();
    assert_eq!(total(&s) + 2, total(&first));
}

/// Files and folders another user may not read (as `nobody` when the tests run as root): their
/// documents stay indexed, the folders' reports say how many, and nothing is removed; but a run
/// with a new taxonomy removes them, and says so.
#[cfg(unix)]
#[test]
fn unreadable_files_folders_and_roots_keep_their_documents() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    let (tmp, corpus, index) = setup();
    let sub = corpus.join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("s.md"), "# Sub\n\nWe prohibit forced labour.\n").unwrap();
    mode(tmp.path(), 0o777).unwrap();
    let taxonomy = tmp.path().join("t.toml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/taxonomy/valid.toml"
        ),
        &taxonomy,
    )
    .unwrap();
    let run = |extra: &[&Path]| {
        let mut args = ["index".as_ref(), corpus.as_os_str(), "--index".as_ref()].to_vec();
        args.extend([index.as_os_str(), "--format".as_ref(), "json".as_ref()]);
        args.extend(extra.iter().map(|p| p.as_os_str()));
        as_unprivileged(&args)
    };
    // The statement and `sub` unreadable; the reports of both end with `notes`.
    let run_unreadable = |extra: &[&Path], notes: [&str; 2]| {
        mode(&corpus.join(STATEMENT), 0o000).unwrap();
        mode(&sub, 0o000).unwrap();
        let out = run(extra).unwrap();
        mode(&sub, 0o755).unwrap();
        let s: Value = serde_json::from_slice(&out.stdout).unwrap();
        let reasons = field_strs(&s["skipped"], "reason");
        if reasons.is_empty() {
            // Whoever runs this may read mode-000 files: nothing to observe.
            return None;
        }
        assert_eq!(out.status.code(), Some(3));
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        for (start, note) in [
            "cannot open: Permission denied",
            "cannot read: Permission denied",
        ]
        .iter()
        .zip(notes)
        {
            assert!(
                reasons
                    .iter()
                    .any(|r| r.starts_with(start) && r.ends_with(note)),
                "{reasons:?}"
            );
        }
        Some((s["removed"].as_u64(), s["total_documents"].as_u64()))
    };
    let Some(out) = run(&[]) else {
        return;
    };
    let first: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(first["total_documents"], 4, "{first}");
    let notes = [
        "(previous version kept)",
        "(1 previously indexed document under it kept)",
    ];
    let Some(counts) = run_unreadable(&[], notes) else {
        return;
    };
    assert_eq!(counts, (Some(0), Some(4)));
    // A root that cannot be listed removes nothing either, also given as a bare relative name
    // (`corpus`, the default), whose parent is the empty path.
    mode(&corpus, 0o000).unwrap();
    let out = run(&[]).unwrap();
    let relative =
        ["index", "corpus", "--index", "index", "--format", "json"].map(std::ffi::OsStr::new);
    let out_relative = as_unprivileged_in(tmp.path(), &relative).unwrap();
    mode(&corpus, 0o755).unwrap();
    for out in [out, out_relative] {
        let s: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            (s["removed"].as_u64(), s["total_documents"].as_u64()),
            (Some(0), Some(4)),
            "{s}"
        );
    }
    // A run with a new taxonomy cannot keep them: their tags would be the old taxonomy's.
    let notes = [
        "(previous version removed: it was tagged with another taxonomy; run again once it can be read)",
        "(1 previously indexed document under it removed: tagged with another taxonomy; run again once it can be read)",
    ];
    let counts = run_unreadable(&[Path::new("--taxonomy"), &taxonomy], notes);
    assert_eq!(counts, Some((Some(2), Some(2))));
}

/// Segment files that the last commit does not name (what a run that ran out of space or was
/// killed left, or a merge that failed after its run's commit) are deleted by the next run, also
/// one that changes nothing; the commit's own files and the user's stay.
#[test]
fn the_next_run_deletes_segment_files_no_commit_names() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let before = snapshot(&index);
    let hits = search_ids(&index, "强迫劳动", &[]);
    let store = before
        .iter()
        .map(|(name, _)| name)
        .find(|n| n.ends_with(".store"))
        .expect("a segment")
        .clone();
    let orphan = "0123456789abcdef0123456789abcdef";
    for ext in ["store", "idx", "7.del"] {
        std::fs::copy(index.join(&store), index.join(format!("{orphan}.{ext}"))).unwrap();
    }
    std::fs::write(index.join(".notes"), "mine").unwrap();
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(
        (s["indexed"].as_u64(), s["unchanged"].as_u64()),
        (Some(0), Some(3))
    );
    let mut after = snapshot(&index);
    after.retain(|(name, _)| name != ".notes");
    assert_eq!(after, before);
    assert!(index.join(".notes").exists());
    assert_eq!(search_ids(&index, "强迫劳动", &[]), hits);
}

/// Runs `script` with `args` by `sh` in a private mount namespace and returns what it printed,
/// or `None` where no namespace may be made or the script says `cannot-mount`. Root may make a
/// mount namespace; others need a user namespace of their own as well.
fn in_mount_namespace(script: &str, args: &[&Path]) -> Option<String> {
    ["-m", "-rm"].into_iter().find_map(|flags| {
        let o = std::process::Command::new("unshare")
            .args([flags, "sh", "-c", script, "sh"])
            .args(args)
            .output()
            .ok()?;
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        (o.status.success() && !out.contains("cannot-mount") && !out.is_empty()).then_some(out)
    })
}

/// The steps of [`a_full_disk_fails_cleanly_and_keeps_the_last_commit`], run by `sh` inside a
/// private mount namespace: each prints `step=exit code` and what it left.
const FULL_DISK_SCRIPT: &str = r#"
disk=$1; hria=$2; corpus=$3; big=$4; log=$5
mount -t tmpfs -o size=1m tmpfs "$disk" 2>/dev/null || { echo cannot-mount; exit 0; }
"$hria" index "$corpus" --index "$disk/index" --quiet >/dev/null 2>>"$log"; echo "first=$?"
echo "files=$(ls -A "$disk/index" | sort | tr '\n' ' ') used=$(du -sk "$disk/index" | cut -f1)"
echo "hits=$("$hria" search 强迫劳动 --index "$disk/index" --format jsonl 2>>"$log" | wc -l)"
"$hria" index "$corpus" "$big" --index "$disk/index" --quiet >/dev/null 2>>"$log"; echo "second=$?"
echo "files=$(ls -A "$disk/index" | sort | tr '\n' ' ') used=$(du -sk "$disk/index" | cut -f1)"
echo "hits=$("$hria" search 强迫劳动 --index "$disk/index" --format jsonl 2>>"$log" | wc -l)"
"$hria" index "$big" --index "$disk/new/index" --quiet >/dev/null 2>>"$log"; echo "third=$?"
if [ -e "$disk/new" ]; then echo "new=left"; else echo "new=gone"; fi
mkdir "$disk/empty"
"$hria" index "$big" --index "$disk/empty" --quiet >/dev/null 2>>"$log"; echo "fourth=$?"
echo "empty=$(ls -A "$disk/empty" | wc -l)"
"#;

/// A full disk: the run that cannot write fails with a message that says so (exit 2), rolls
/// back to the last commit and deletes what it wrote, so that the index answers as before and the
/// disk holds what it held; a new index that cannot be written leaves no folder behind, nor the
/// folders made for it, and in an empty folder leaves it empty (not an index without documents,
/// which would answer every search with no hits). It needs
/// a small file system, mounted in a private mount namespace (`unshare`); where no such
/// namespace may be made, it says so and checks nothing.
#[test]
fn a_full_disk_fails_cleanly_and_keeps_the_last_commit() {
    let (tmp, corpus, _) = setup();
    // 3 MB of words that neither the store nor the postings compress to under a megabyte.
    let mut seed = 12345u64;
    let mut text = String::from("# Supplier report\n\n");
    while text.len() < 3 << 20 {
        for _ in 0..12 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = 3 + (seed >> 60) as usize;
            text.extend((0..len).map(|i| (b'a' + ((seed >> (8 + 5 * i)) % 26) as u8) as char));
            text.push(' ');
        }
        text.push_str("labour.\n\n");
    }
    let big = folder_with(&tmp, "big", "big.md", &text);
    let disk = tmp.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let log = tmp.path().join("log");
    let bin = assert_cmd::cargo::cargo_bin("hria");
    let Some(out) = in_mount_namespace(FULL_DISK_SCRIPT, &[&disk, &bin, &corpus, &big, &log])
    else {
        eprintln!("not checked: no mount namespace with a small file system can be made here");
        return;
    };
    let log = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "first=0", "{out}\n{log}");
    assert_ne!(lines[2], "hits=0", "{out}\n{log}");
    assert_eq!(lines[3], "second=2", "{out}\n{log}");
    assert!(
        log.contains("no space left on the device; free some space and run again"),
        "{log}"
    );
    assert!(!log.contains("panicked"), "{log}");
    // The same files, the same size, the same answers: what the failed run wrote is gone.
    assert_eq!(lines[4..6], lines[1..3], "{out}");
    assert_eq!(
        lines[6..],
        ["third=2", "new=gone", "fourth=2", "empty=0"],
        "{out}\n{log}"
    );
}

/// The steps of [`an_index_on_a_read_only_file_system_is_read`], run by `sh` inside a private
/// mount namespace where the index's folder is bound read-only.
const READ_ONLY_SCRIPT: &str = r#"
dir=$1; hria=$2; corpus=$3; log=$4
mount --bind "$dir" "$dir" 2>/dev/null && mount -o remount,bind,ro "$dir" 2>/dev/null || { echo cannot-mount; exit 0; }
touch "$dir/probe" 2>/dev/null && { echo cannot-mount; exit 0; }
echo "hits=$("$hria" search 强迫劳动 --index "$dir/index" --format jsonl 2>>"$log" | wc -l)"
"$hria" coverage --index "$dir/index" >/dev/null 2>>"$log"; echo "coverage=$?"
"$hria" gaps --index "$dir/index" >/dev/null 2>>"$log"; echo "gaps=$?"
"$hria" index "$corpus" --index "$dir/index" --quiet >/dev/null 2>>"$log"; echo "index=$?"
"#;

/// An index shipped on read-only media, or mounted read-only, is searched, counted and
/// gap-checked as any other; a run that would write it says the file system is read-only. It
/// needs a private mount namespace (`unshare`); where none may be made, it says so and checks
/// nothing.
#[test]
fn an_index_on_a_read_only_file_system_is_read() {
    let (tmp, corpus, _) = setup();
    let dir = tmp.path().join("media");
    std::fs::create_dir(&dir).unwrap();
    let index = dir.join("index");
    index_corpus(&corpus, &index, &[]);
    let before = search_hits(&index, "强迫劳动", &[]).len();
    assert!(before > 0);
    let log = tmp.path().join("log");
    let bin = assert_cmd::cargo::cargo_bin("hria");
    let Some(out) = in_mount_namespace(READ_ONLY_SCRIPT, &[&dir, &bin, &corpus, &log]) else {
        eprintln!("not checked: no mount namespace with a read-only folder can be made here");
        return;
    };
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            format!("hits={before}").as_str(),
            "coverage=0",
            "gaps=0",
            "index=2"
        ],
        "{log}"
    );
    assert!(log.contains("the file system is read-only"), "{log}");
    assert!(!log.contains("panicked"), "{log}");
}

/// A `manifest.toml` that is a FIFO is reported, not read (a read would wait for a writer that
/// never comes), and the documents beside it are indexed without its metadata.
#[cfg(unix)]
#[test]
fn a_manifest_that_is_no_file_is_reported_and_the_documents_read() {
    let (_tmp, corpus, index) = setup();
    let manifest = corpus.join("manifest.toml");
    let _ = std::fs::remove_file(&manifest);
    make_fifo(&manifest);
    let out = hria()
        .args(["index", "--quiet", "--format", "json", "--index"])
        .arg(&index)
        .arg(&corpus)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("manifest.toml: cannot read manifest: not a regular file"),
        "{stderr}"
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(s["indexed"].as_u64().unwrap() >= 2, "{s}");
    assert!(!search_hits(&index, "强迫劳动", &[]).is_empty());
}

/// A folder or file given inside a folder the index holds is read as part of it: its files keep
/// their ids and manifest metadata, a change is replaced, a file gone is removed, and nothing is
/// indexed twice. The other way round, a folder given around a root the index holds takes its
/// documents over under its own ids.
#[test]
fn a_path_inside_an_indexed_folder_keeps_its_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(corpus.join("en")).unwrap();
    std::fs::write(
        corpus.join("manifest.toml"),
        "[documents.\"en/code.md\"]\ntitle = \"Supplier Code\"\n",
    )
    .unwrap();
    let code = corpus.join("en/code.md");
    std::fs::write(&code, "# Code\n\nSuppliers must not use forced labour.\n").unwrap();
    std::fs::write(corpus.join("zh.md"), "# 政策\n\n我们禁止强迫劳动。\n").unwrap();
    let index = tmp.path().join("ix");
    let counts = |s: &Value| {
        ["indexed", "unchanged", "removed", "total_documents"].map(|k| s[k].as_u64().unwrap())
    };
    let docs = |index: &Path| {
        let mut d: Vec<String> = search_hits(index, "*", &[])
            .iter()
            .map(|h| format!("{} {}", h["doc"].as_str().unwrap(), h["title"]))
            .collect();
        d.dedup();
        d
    };
    assert_eq!(counts(&index_json(&corpus, &index, &[])), [2, 0, 0, 2]);
    let want = ["en/code.md \"Supplier Code\"", "zh.md \"政策\""];
    assert_eq!(docs(&index), want);
    assert_eq!(
        counts(&index_json(&corpus.join("en"), &index, &[])),
        [0, 1, 0, 2]
    );
    assert_eq!(counts(&index_json(&code, &index, &[])), [0, 1, 0, 2]);
    assert_eq!(docs(&index), want);
    std::fs::write(&code, "# Code\n\nSuppliers must not use child labour.\n").unwrap();
    assert_eq!(
        counts(&index_json(&corpus.join("en"), &index, &[])),
        [1, 0, 0, 2]
    );
    assert_eq!(docs(&index), want);
    std::fs::remove_file(&code).unwrap();
    assert_eq!(
        counts(&index_json(&corpus.join("en"), &index, &[])),
        [0, 0, 1, 1]
    );
    assert_eq!(docs(&index), ["zh.md \"政策\""]);

    // An inner folder indexed first, then the folder around it.
    let index = tmp.path().join("ix2");
    std::fs::write(&code, "# Code\n\nSuppliers must not use forced labour.\n").unwrap();
    assert_eq!(
        counts(&index_json(&corpus.join("en"), &index, &[])),
        [1, 0, 0, 1]
    );
    assert_eq!(counts(&index_json(&corpus, &index, &[])), [2, 0, 1, 2]);
    assert_eq!(docs(&index), want);

    // A hidden folder given explicitly is no part of the folder around it, whose walk leaves it
    // out: neither run removes the other's documents.
    let drafts = corpus.join(".drafts");
    std::fs::create_dir(&drafts).unwrap();
    std::fs::write(drafts.join("d.md"), "# Draft\n\nWe will assess risks.\n").unwrap();
    assert_eq!(counts(&index_json(&drafts, &index, &[])), [1, 0, 0, 3]);
    assert_eq!(counts(&index_json(&corpus, &index, &[])), [0, 2, 0, 3]);
    assert_eq!(counts(&index_json(&drafts, &index, &[])), [0, 1, 0, 3]);
}

/// A document whose whole text is markup (a comment never closed, a page of scripts) has no
/// passage: it is skipped with its reason, its earlier version removed, and no record is kept of
/// it, so that search goes on as before (such records once outnumbered the passages, which made
/// every search fail as if the index were corrupt: see
/// `gaps::more_records_than_passages_still_searches` for an index that has them).
#[test]
fn a_document_without_text_is_skipped_and_search_still_works() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    for i in 1..=2 {
        std::fs::write(
            corpus.join(format!("s{i}.md")),
            format!("We prohibit forced labour at site {i}.\n"),
        )
        .unwrap();
    }
    let policy = corpus.join("policy.md");
    std::fs::write(&policy, "# Policy\n\nWe prohibit child labour.\n").unwrap();
    let index = tmp.path().join("idx");
    let (v, _) = index_json_code(&corpus, &index, 0);
    assert_eq!(v["indexed"], 3);
    let markup = [
        "<!-- draft: do not publish\n\n# Policy\n\nWe prohibit child labour.\n",
        "<script>var a = 1;</script>\n<script>var b = 2;</script>\n",
    ];
    for (k, text) in markup.iter().enumerate() {
        std::fs::write(&policy, text).unwrap();
        std::fs::write(corpus.join(format!("empty{k}.md")), text).unwrap();
        let (v, err) = index_json_code(&corpus, &index, 3);
        let skipped = v["skipped"].as_array().unwrap();
        assert!(
            skipped
                .iter()
                .any(|s| s["path"].as_str().unwrap().ends_with("policy.md")
                    && s["reason"].as_str().unwrap().starts_with("no text")),
            "{v}"
        );
        assert!(err.contains("no text"), "{err}");
        assert_eq!(v["total_documents"], 2, "{v}");
        assert_eq!(v["removed"], u64::from(k == 0), "{v}");
        let hits = search_ids(&index, "forced", &[]);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert!(search_ids(&index, "child", &[]).is_empty());
    }
    // `segment` and `tag` report it too.
    for cmd in ["segment", "tag"] {
        let out = hria().arg(cmd).arg(&policy).output().unwrap();
        assert_eq!(out.status.code(), Some(3), "{cmd}");
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no text"),
            "{cmd}"
        );
    }
}

/// A root that holds the index (`hria index . --index idx`) does not read the index's own files
/// as documents (each was reported unsupported, exit 3, on every run), also on a rebuild; a
/// manifest that is a symbolic link is read, and not reported as a link not followed.
#[cfg(unix)]
#[test]
fn the_index_inside_its_corpus_and_a_linked_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.md"), "We prohibit forced labour.\n").unwrap();
    std::fs::write(
        tmp.path().join("real.toml"),
        "[documents.\"a.md\"]\ntitle = \"Linked title\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("../real.toml", corpus.join("manifest.toml")).unwrap();
    let index = corpus.join("idx");
    for extra in [&[][..], &[], &["--rebuild"]] {
        let (v, err) = index_roots_code(&[&corpus], &index, extra, 0);
        assert_eq!(v["skipped"], serde_json::json!([]), "{err}");
        assert_eq!(v["total_documents"], 1, "{v}");
    }
    let hits = search_hits(&index, "forced", &[]);
    assert_eq!(hits[0]["title"], "Linked title");
}

/// `--rebuild` of an index reached through a symbolic link rebuilds the link's target, damaged
/// or not, and leaves the link a link.
#[cfg(unix)]
#[test]
fn a_rebuild_through_a_link_rebuilds_its_target() {
    let (tmp, corpus, _) = setup();
    let real = tmp.path().join("real");
    let link = tmp.path().join("link");
    index_json(&corpus, &real, &[]);
    std::os::unix::fs::symlink(&real, &link).unwrap();
    for damage in [false, true] {
        if damage {
            std::fs::remove_file(real.join("meta.json")).unwrap();
        }
        let s = index_json(&corpus, &link, &["--rebuild"]);
        assert_eq!(s["indexed"], 3, "{s}");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(!search_ids(&real, "人权", &[]).is_empty());
        assert_eq!(
            search_ids(&link, "人权", &[]),
            search_ids(&real, "人权", &[])
        );
    }
}

/// A lock file that is no file is named in the message, not the index folder.
#[test]
fn a_lock_file_that_is_a_folder_is_named() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let lock = index.join(".tantivy-meta.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();
    let out = on_index(&index, &["search", "人权"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".tantivy-meta.lock"), "{err}");
}

/// A writer lock that is a FIFO (opening it to write would wait forever) or a dangling link is
/// refused at once, by name; a managed list that is a folder is read as none.
#[cfg(unix)]
#[test]
fn a_lock_that_is_a_fifo_or_a_link_is_refused_by_name_and_a_managed_folder_is_none() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let lock = index.join(".tantivy-writer.lock");
    std::fs::remove_file(&lock).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&lock).status();
    if made.is_ok_and(|s| s.success()) {
        let out = on_index(&index, &["index", corpus.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(".tantivy-writer.lock") && err.contains("not a regular file"),
            "{err}"
        );
        std::fs::remove_file(&lock).unwrap();
    }
    std::os::unix::fs::symlink(index.join("nowhere"), &lock).unwrap();
    let out = on_index(&index, &["index", corpus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".tantivy-writer.lock"), "{err}");
    std::fs::remove_file(&lock).unwrap();
    let managed = index.join(".managed.json");
    std::fs::remove_file(&managed).unwrap();
    std::fs::create_dir(&managed).unwrap();
    let out = on_index(&index, &["search", "人权"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An index no `hria index` run has finished on (the first run killed before its commit, or
/// still running), or one every input of which was skipped, holds no documents: every reader
/// refuses it (exit 2), where it answered "0 hits" and `gaps --fail-on not-mentioned` exited 1
/// as if the company had every gap. `hria index` still fills it.
#[test]
fn readers_refuse_an_index_without_documents_and_a_run_fills_it() {
    let (tmp, corpus, _) = setup();
    let readers: [&[&str]; 5] = [
        &["search", "劳动"],
        &["coverage"],
        &["gaps"],
        &["gaps", "--fail-on", "not-mentioned"],
        &["explain", "a.md#0000-00000000"],
    ];
    let refused = |index: &Path, says: &str| {
        for args in readers {
            hria()
                .args(args)
                .arg("--index")
                .arg(index)
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicates::str::contains(format!(
                    "index {} holds no documents: {says}",
                    index.display()
                )));
        }
    };
    // What a first run leaves before its commit: an index created, its meta.json naming no
    // segment and holding no commit payload.
    let first = tmp.path().join("first");
    std::fs::create_dir(&first).unwrap();
    tantivy::Index::create_in_dir(&first, hria::index::schema::schema()).unwrap();
    refused(&first, "no `hria index` run has finished on it");
    // The readers left it as it was, and a run fills it.
    index_corpus(&corpus, &first, &[]);
    assert!(!search_ids(&first, "强迫劳动", &[]).is_empty());
    // Every input skipped: committed, but empty.
    let skipped = folder_with(&tmp, "skipped", "report.pdf", "%PDF-1.4");
    let empty = tmp.path().join("empty");
    hria()
        .args(["index", "--quiet", "--index"])
        .arg(&empty)
        .arg(&skipped)
        .assert()
        .code(3);
    refused(
        &empty,
        "its `hria index` runs found no document to index (none was given, every input was skipped",
    );
    // A run with documents makes it an index to read.
    index_corpus(&corpus, &empty, &[]);
    assert!(!search_ids(&empty, "强迫劳动", &[]).is_empty());
    // A folder with no document at all: said at once, not only by the readers.
    let nothing = tmp.path().join("nothing");
    std::fs::create_dir(&nothing).unwrap();
    let bare = tmp.path().join("bare");
    hria()
        .args(["index", "--quiet", "--index"])
        .arg(&bare)
        .arg(&nothing)
        .assert()
        .code(0)
        .stderr(predicates::str::contains("no document was found in"));
    refused(
        &bare,
        "its `hria index` runs found no document to index (none was given",
    );
}

/// A path holding a line break or an escape sequence (a folder named so by a third party's
/// archive) reaches stderr escaped as `shown_path` escapes it, in every message that names it:
/// a symbolic link loop's target, an unsupported extension, the index summary, a missing or
/// locked index, a taxonomy file that cannot be read or parsed, a gold file of `hria eval`, the
/// index a document filter looked in. Raw, the line break started a line of its own and the
/// escape sequence restyled the terminal.
#[cfg(unix)]
#[test]
fn a_path_with_a_line_break_or_an_escape_is_printed_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let weird = "we\nird\u{1b}[31m";
    let shown = "we\\u{a}ird\\u{1b}[31m";
    let base = tmp.path().join(weird);
    let at = |rest: &str| format!("{}/{shown}/{rest}", tmp.path().display());
    let corpus = base.join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    std::fs::write(corpus.join("a.md"), "We prohibit forced labour.\n").unwrap();
    std::fs::write(corpus.join(format!("notes.t{weird}")), "x").unwrap();
    std::os::unix::fs::symlink(&corpus, corpus.join("sub/loop")).unwrap();
    let index = base.join("index");
    let mut outputs: Vec<String> = Vec::new();
    // Every message looked for that is not there, to be listed at once.
    let mut missing: Vec<String> = Vec::new();
    let mut expect = |out: &str, want: String| {
        if !out.contains(&want) {
            missing.push(format!("{want:?} in {out:?}"));
        }
    };
    let mut run = |cmd: &mut assert_cmd::Command| -> String {
        let out = cmd.output().unwrap();
        let all = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        outputs.push(all.clone());
        all
    };
    let index_cmd = || {
        let mut c = hria();
        c.arg("index").arg(&corpus).arg("--index").arg(&index);
        c
    };
    let s = run(index_cmd().arg("--follow"));
    expect(&s, format!("points back to {}", at("corpus")));
    expect(&s, format!("unsupported extension .t{shown}"));
    expect(&s, format!("hria: index {}: ", at("index")));
    // A second writer while the first holds the lock.
    let mut holder = hold_lock(&corpus, &index);
    let s = run(&mut index_cmd());
    holder.kill().unwrap();
    holder.wait().unwrap();
    expect(&s, format!("index {} is locked", at("index")));
    // Taxonomy files: missing, and not TOML.
    let s = run(index_cmd().arg("--taxonomy").arg(base.join("none.toml")));
    expect(&s, format!("{}: cannot read taxonomy", at("none.toml")));
    std::fs::write(base.join("bad.toml"), "[[entry]\n").unwrap();
    let s = run(index_cmd().arg("--taxonomy").arg(base.join("bad.toml")));
    expect(&s, format!("{}:1:", at("bad.toml")));
    let s = run(hria()
        .args(["taxonomy", "check"])
        .arg(base.join("bad.toml")));
    expect(&s, at("bad.toml"));
    // Gold files of `hria eval`: missing, with a bad line, empty.
    std::fs::write(base.join("bad.jsonl"), "not json\n").unwrap();
    let s = run(hria()
        .arg("eval")
        .arg(base.join("none.jsonl"))
        .arg(base.join("bad.jsonl")));
    expect(&s, format!("hria: {}: ", at("none.jsonl")));
    expect(&s, format!("hria: {}:1: ", at("bad.jsonl")));
    expect(
        &s,
        format!("warning: {}: nothing to score", at("bad.jsonl")),
    );
    // Readers: an index that is not there, and one a filter finds nothing in.
    let s = run(hria().args(["coverage", "--index"]).arg(base.join("none")));
    expect(&s, format!("no index at {}", at("none")));
    let s = run(hria()
        .args(["search", "labour", "--org", "Nobody", "--index"])
        .arg(&index));
    expect(&s, format!("in the index at {}", at("index")));
    assert!(missing.is_empty(), "{missing:#?}");
    for s in &outputs {
        assert!(!s.contains('\u{1b}') && !s.contains("we\nird"), "{s:?}");
    }
}

/// tantivy deletes what the index's managed list names once no commit uses it: a list naming files
/// outside the index (a damaged or crafted index) must not make a run delete them, nor a file of
/// the user's inside the folder that no index wrote.
#[test]
fn the_managed_list_never_deletes_files_that_are_not_the_index_s() {
    let (tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let beside = tmp.path().join("victim.txt");
    let absolute = tmp.path().join("absolute-victim.txt");
    let inside = index.join("notes.md");
    for f in [&beside, &absolute, &inside] {
        std::fs::write(f, "keep me").unwrap();
    }
    let managed = index.join(".managed.json");
    let mut list: Vec<String> = serde_json::from_slice(&std::fs::read(&managed).unwrap()).unwrap();
    list.push("../victim.txt".into());
    list.push(absolute.to_string_lossy().into_owned());
    list.push("notes.md".into());
    // Nor the lock files a run holds, which tantivy deletes as it deletes any listed file.
    list.push(".tantivy-writer.lock".into());
    list.push(".tantivy-meta.lock".into());
    std::fs::write(&managed, serde_json::to_vec(&list).unwrap()).unwrap();
    // A run that commits, so that tantivy collects what it no longer uses.
    std::fs::write(corpus.join("new.md"), "We prohibit child labour.\n").unwrap();
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(s["indexed"], 1);
    for f in [&beside, &absolute, &inside] {
        assert_eq!(
            std::fs::read_to_string(f).unwrap(),
            "keep me",
            "{}",
            f.display()
        );
    }
    for lock in [".tantivy-writer.lock", ".tantivy-meta.lock"] {
        assert!(index.join(lock).is_file(), "{lock}");
    }
    assert!(!search_ids(&index, "child", &[]).is_empty());
}

/// A managed list that is a FIFO or a device is read as none, and a lock file that is a FIFO is
/// refused by name: readers never wait on them, nor read without end.
#[cfg(unix)]
#[test]
fn control_files_that_are_no_regular_files_neither_block_nor_flood() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    // Each command may not wait for ever: a minute is ample for this index.
    let run = |args: &[&str]| {
        hria()
            .args(args)
            .arg("--index")
            .arg(&index)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
    };
    let managed = index.join(".managed.json");
    std::fs::remove_file(&managed).unwrap();
    make_fifo(&managed);
    run(&["search", "劳动"]).code(0);
    std::fs::remove_file(&managed).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &managed).unwrap();
    run(&["coverage"]).code(0);
    std::fs::remove_file(&managed).unwrap();
    let lock = index.join(".tantivy-meta.lock");
    let _ = std::fs::remove_file(&lock);
    make_fifo(&lock);
    run(&["search", "劳动"])
        .code(2)
        .stderr(predicates::str::contains(
            ".tantivy-meta.lock: a lock file that is not a regular file",
        ));
    std::fs::remove_file(&lock).unwrap();
    // meta.json itself: named, never waited on.
    let meta = index.join("meta.json");
    std::fs::remove_file(&meta).unwrap();
    make_fifo(&meta);
    run(&["search", "劳动"])
        .code(2)
        .stderr(predicates::str::contains("meta.json is not a regular file"));
}

/// What a killed rebuild leaves is cleared by the next run: a half-built `DIR.tmp-<pid>` beside
/// the index is removed; killed between its two renames (no `DIR`, the old index at
/// `DIR.old-<pid>`, the new one at `DIR.tmp-<pid>`), readers say so and the next run finishes the
/// swap. The pid is one no process can have (above Linux's largest).
#[cfg(target_os = "linux")]
#[test]
fn what_a_killed_rebuild_leaves_is_cleared_by_the_next_run() {
    let (_tmp, corpus, index) = setup();
    index_json(&corpus, &index, &[]);
    let with_suffix = |s: &str| {
        let mut n = index.file_name().unwrap().to_os_string();
        n.push(s);
        index.with_file_name(n)
    };
    let half_built = with_suffix(".tmp-9999999");
    copy_dir(&index, &half_built);
    // A folder of the user's that merely has such a name is no index, and is left alone; so is
    // one whose number is not written as a pid is.
    let theirs = with_suffix(".old-2024");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("notes.txt"), "keep me").unwrap();
    let odd = with_suffix(".tmp-007");
    copy_dir(&index, &odd);
    index_json(&corpus, &index, &[]);
    assert!(!half_built.exists());
    assert!(theirs.join("notes.txt").is_file() && odd.join("meta.json").is_file());
    std::fs::remove_dir_all(&odd).unwrap();
    // Killed between the renames.
    let (old, new) = (with_suffix(".old-9999999"), with_suffix(".tmp-9999999"));
    copy_dir(&index, &new);
    std::fs::rename(&index, &old).unwrap();
    let out = on_index(&index, &["search", "劳动"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a rebuild's index is beside it"), "{err}");
    let s = index_json(&corpus, &index, &[]);
    assert_eq!(
        s["unchanged"].as_u64(),
        s["total_documents"].as_u64(),
        "{s}"
    );
    assert!(index.join("meta.json").is_file() && !old.exists() && !new.exists());
    assert!(!search_ids(&index, "劳动", &[]).is_empty());
    assert!(theirs.join("notes.txt").is_file());
    // Through a link: the rebuild's folders lie beside the link's target, which is missing.
    let link = index.with_file_name("link");
    std::os::unix::fs::symlink(&index, &link).unwrap();
    copy_dir(&index, &new);
    std::fs::rename(&index, &old).unwrap();
    let out = on_index(&link, &["search", "劳动"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a rebuild's index is beside it"), "{err}");
    index_json(&corpus, &link, &[]);
    assert!(index.join("meta.json").is_file() && !old.exists() && !new.exists());
}

/// Copies the files of folder `from` (no subfolders) into a new folder `to`.
#[cfg(target_os = "linux")]
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// A store file of another index copied over this one's passes the checksums; a document record
/// it makes unreadable is reported as a corrupt index to rebuild, not as an internal error.
#[test]
fn a_record_that_does_not_parse_is_a_corrupt_index() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    std::fs::write(a.join("x.md"), "We prohibit forced labour.\n").unwrap();
    std::fs::write(
        b.join("y.md"),
        "Child labour.\n\nMore text here about wages.\n",
    )
    .unwrap();
    let (ia, ib) = (tmp.path().join("ia"), tmp.path().join("ib"));
    index_corpus(&a, &ia, &[]);
    index_corpus(&b, &ib, &[]);
    let store_of = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "store"))
            .collect();
        v.sort();
        v
    };
    let other = store_of(&ib)[0].clone();
    for f in store_of(&ia) {
        std::fs::copy(&other, f).unwrap();
    }
    let out = on_index(&ia, &["coverage", "--org", "x"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is corrupt") && err.contains("--rebuild"),
        "{err}"
    );
    assert!(!err.contains("Internal error"), "{err}");
}

/// An `--index` link that leads back to itself is told from one to a missing target.
#[cfg(unix)]
#[test]
fn an_index_link_that_loops_is_called_so() {
    let (tmp, corpus, _index) = setup();
    let link = tmp.path().join("loop");
    std::os::unix::fs::symlink("loop", &link).unwrap();
    let out = hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot be followed") && !err.contains("does not exist"),
        "{err}"
    );
}

/// A corpus folder renamed: its documents stay under the old name beside their new copies, and
/// every run that does not read the old name says so (exit 3) until it is given or the index
/// rebuilt.
#[test]
fn a_renamed_root_is_reported_until_its_documents_are_removed() {
    let (tmp, _corpus, index) = setup();
    let old = folder_with(&tmp, "reports", "a.md", "We prohibit forced labour.\n");
    assert_eq!(index_output(&[&old], &index, &[]).status.code(), Some(0));
    let new = tmp.path().join("reports-2024");
    std::fs::rename(&old, &new).unwrap();
    let out = index_output(&[&new], &index, &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("reports: no longer exists, and the index still holds 1 document(s) from it"),
        "{err}"
    );
    // Given, the old name's documents go; the warning with them.
    assert_eq!(index_output(&[&old], &index, &[]).status.code(), Some(0));
    let out = index_output(&[&new], &index, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
