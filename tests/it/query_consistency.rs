//! The query commands answer from the documents the index holds now, and the same way however
//! the index was built: after a document is removed, and with one or several indexing threads.

use crate::cli::{hria, index_corpus, json_of, stdout_of};
use serde_json::{json, Value};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/index/corpus");

fn index(corpus: &Path, index: &Path, threads: &str) {
    index_corpus(corpus, index, &["--threads", threads]);
}

fn run(index: &Path, args: &[&str]) -> String {
    stdout_of(hria().args(args).arg("--index").arg(index))
}

fn json(index: &Path, args: &[&str]) -> Value {
    json_of(hria().args(args).arg("--index").arg(index))
}

#[test]
fn a_removed_document_leaves_coverage_gaps_and_filters() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in [
        (
            "a.md",
            "# A\n\nWe commit to eliminate forced labour in our supply chain.\n",
        ),
        (
            "b.md",
            "# B\n\nChild labour is prohibited. We conduct impact assessments.\n",
        ),
        (
            "c.md",
            "# C\n\nForced labour risks exist in the electronics industry.\n",
        ),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let idx = d.path().join("index");
    index(&corpus, &idx, "1");
    assert_eq!(
        json(&idx, &["coverage", "--format", "json"])["documents"],
        3
    );
    std::fs::remove_file(corpus.join("b.md")).unwrap();
    index(&corpus, &idx, "1");

    let cov = json(&idx, &["coverage", "--format", "json"]);
    assert_eq!(cov["documents"], 2);
    let per_doc = json(&idx, &["coverage", "--per-doc", "--format", "json"]);
    assert_eq!(per_doc["documents"], json!(["a.md", "c.md"]));
    let csv = run(&idx, &["coverage", "--per-doc", "--format", "csv"]);
    assert!(
        csv.starts_with("tag,name_en,name_zh,a.md,c.md\r\n"),
        "{csv}"
    );
    let gaps = json(&idx, &["gaps", "--format", "json"]);
    assert_eq!(gaps["documents"], json!(["a.md", "c.md"]));
    let per: Vec<&Value> = gaps["per_document"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["doc"])
        .collect();
    assert_eq!(per, [&json!("a.md"), &json!("c.md")]);
    assert!(!gaps.to_string().contains("b.md"));
    // Child labour was only in the removed document.
    let child = gaps["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["tag"] == "right/labour/child-labour")
        .unwrap();
    assert_eq!(child["class"], "not-mentioned");

    for cmd in [
        &["gaps", "--doc", "b.md"][..],
        &["search", "*", "--doc", "b.md"],
    ] {
        let out = hria().args(cmd).arg("--index").arg(&idx).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no document `b.md`"),
            "{cmd:?}"
        );
    }
}

/// Segments in an index (tantivy's meta.json lists them).
fn segments(index: &Path) -> usize {
    let meta: Value =
        serde_json::from_str(&std::fs::read_to_string(index.join("meta.json")).unwrap()).unwrap();
    meta["segments"].as_array().unwrap().len()
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in std::fs::read_dir(FIXTURES).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), corpus.join(f.file_name())).unwrap();
    }
    // Many passages with the same tags, so that scores tie and documents name instruments that
    // others do not.
    for i in 0..12 {
        let extra = if i % 3 == 0 {
            "We support the Universal Declaration of Human Rights."
        } else {
            "We respect the ILO Declaration on Fundamental Principles and Rights at Work."
        };
        std::fs::write(
            corpus.join(format!("supplier-{i:02}.md")),
            format!(
                "# Supplier {i}\n\nWe prohibit child labour in our supply chain.\n\n{extra}\n\n\
                 Workers may raise grievances through our hotline.\n"
            ),
        )
        .unwrap();
    }
    let one = d.path().join("one");
    let two = d.path().join("two");
    index(&corpus, &one, "1");
    index(&corpus, &two, "2");
    // The comparison means something only when the passages are spread differently.
    assert!(segments(&two) > 1, "two threads wrote one segment");

    let commands: &[&[&str]] = &[
        &[
            "search",
            "*",
            "--tag",
            "right/labour/child-labour",
            "--limit",
            "3",
        ],
        &[
            "search",
            "*",
            "--tag",
            "right/labour",
            "--limit",
            "7",
            "--format",
            "jsonl",
        ],
        &[
            "search",
            "child labour",
            "--limit",
            "5",
            "--format",
            "jsonl",
        ],
        &[
            "search",
            "强迫劳动 OR child",
            "--limit",
            "4",
            "--format",
            "jsonl",
        ],
        &["coverage", "--format", "json"],
        &["coverage", "--by", "right", "--format", "json"],
        &["coverage", "--per-doc", "--format", "csv"],
        &["gaps", "--format", "json"],
        &["gaps"],
    ];
    for cmd in commands {
        assert_eq!(run(&one, cmd), run(&two, cmd), "{cmd:?}");
    }
    // The per-document "elsewhere" lists are in document order.
    let gaps = json(&two, &["gaps", "--format", "json"]);
    for p in gaps["per_document"].as_array().unwrap() {
        for m in p["missing"].as_array().unwrap() {
            let docs: Vec<&str> = m["elsewhere"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap())
                .collect();
            let mut sorted = docs.clone();
            sorted.sort();
            assert_eq!(docs, sorted);
        }
    }
}
