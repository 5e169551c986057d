//! `hria segment` end to end.

use crate::cli::{degraded_run, hria};

const STATEMENT: &str = "tests/fixtures/index/corpus/microsoft-global-human-rights-statement.zh.md";

#[test]
fn jsonl_with_tokens() {
    let out = hria()
        .args(["segment", STATEMENT, "--format", "jsonl", "--tokens"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() > 80);
    let remedy = rows
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .starts_with("我们承诺实施补救：")
        })
        .unwrap();
    assert_eq!(
        remedy["section"],
        serde_json::json!(["基本原则", "我们承诺实施补救"])
    );
    assert_eq!(remedy["kind"], "paragraph");
    assert_eq!(remedy["lang"], "zh");
    assert!(remedy["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["term"] == "申诉机制"));
    assert!(rows[0]["id"].as_str().unwrap().contains("#0000-"));
    // Every range is `{"start", "end"}`: passages' into the file, sentences' and words' into the
    // clean text, where a Chinese word's range holds the word itself.
    let source = std::fs::read_to_string(STATEMENT).unwrap();
    let span = |v: &serde_json::Value| {
        let n = |k: &str| v[k].as_u64().unwrap() as usize;
        n("start")..n("end")
    };
    for r in &rows {
        assert!(source.get(span(&r["range"])).is_some(), "{r}");
        let text = r["text"].as_str().unwrap();
        for s in r["sentences"].as_array().unwrap() {
            assert!(text.get(span(s)).is_some(), "{s}");
        }
        for t in r["tokens"].as_array().unwrap() {
            let word = text.get(span(&t["range"])).unwrap();
            if word.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
                assert_eq!(word, t["term"], "{t}");
            }
        }
    }
}

#[test]
fn table_output_and_skips() {
    let out = hria()
        .args(["segment", STATEMENT, "tests/fixtures/segment/missing.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(" · heading · zh · bytes "));
    assert!(stdout.contains("基本原则 › 我们承诺实施补救"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md"));
}

const INVALID_UTF8: &str = "tests/fixtures/ingest/bad/invalid-utf8.md";

#[test]
fn degraded_documents_are_segmented_reported_and_exit_3() {
    degraded_run(
        &["segment", "--format", "jsonl"],
        INVALID_UTF8,
        "2 invalid byte sequences replaced with U+FFFD",
    );

    // A file decoded with the wrong encoding asked for is degraded too.
    let out = hria()
        .args([
            "segment",
            "tests/fixtures/ingest/encodings/gb18030.txt",
            "--encoding",
            "big5",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("gb18030.txt"), "{stderr}");
    assert!(stderr.contains("decoded as Big5, option"), "{stderr}");
}

#[test]
fn an_unknown_encoding_label_fails_before_reading() {
    let out = hria()
        .args(["segment", STATEMENT, "--encoding", "klingon-8"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown encoding label `klingon-8`"));
}

/// `(file text, id)` of every document in `hria segment` JSON Lines output, sorted.
fn ids_by_text(args: &[&std::path::Path]) -> Vec<(String, String)> {
    let out = hria()
        .arg("segment")
        .args(args)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut v: Vec<(String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                r["text"].as_str().unwrap().into(),
                r["doc"].as_str().unwrap().into(),
            )
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn files_of_the_same_name_get_ids_that_do_not_depend_on_the_order() {
    let tmp = tempfile::tempdir().unwrap();
    let (r, o) = (tmp.path().join("r/a.md"), tmp.path().join("o/a.md"));
    for (p, text) in [(&r, "from r"), (&o, "from o")] {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let forward = ids_by_text(&[&r, &o]);
    assert_eq!(
        forward,
        [
            ("from o".to_string(), "o/a.md".to_string()),
            ("from r".into(), "r/a.md".into())
        ]
    );
    assert_eq!(ids_by_text(&[&o, &r]), forward);
}
