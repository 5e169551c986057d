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

/// Markup left open (a comment, a script, a navigation block) that hides the rest of a file is
/// reported with its line, the text before it still read; one closed, or one in Markdown code,
/// is not.
#[test]
fn markup_left_open_that_hides_text_is_reported() {
    let d = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = d.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_string_lossy().into_owned()
    };
    let md = write(
        "a.md",
        "# Policy\n\nWe respect human rights.\n\n<!-- TODO: check wording\n\n## Forced labour\n\nWe prohibit forced labour and provide remedy to affected workers.\n",
    );
    degraded_run(
        &["segment"],
        &md,
        "an unclosed `<!--` on line 5 hides the rest",
    );
    let nav = write(
        "b.html",
        "<html><body><p>We respect human rights.</p><nav><a href=\"/\">Home</a><p>We prohibit forced labour.</p><h2>Remedy</h2><p>We provide remedy to workers.</p></body></html>",
    );
    degraded_run(&["segment"], &nav, "an unclosed `<nav` on line 1");
    let script = write(
        "c.md",
        "# Policy\n\nWe respect human rights.\n\n<script>\nvar x = 1;\n\n## Forced labour\n\nWe prohibit forced labour and provide remedy to affected workers.\n",
    );
    degraded_run(&["segment"], &script, "an unclosed `<script` on line 5");
    for (name, text) in [
        ("ok.html", "<html><body><p>We respect human rights.</p><!-- footer --></body></html>"),
        ("ok.md", "# Code\n\nUse `<!--` to open a comment in HTML and write the rest of the explanation here for readers.\n"),
        // Markup inside a closed script or comment, or closing itself, opens nothing.
        ("script.html", "<html><head><script>var s = \"<!--\"; var n = '<nav>';</script></head><body><p>We prohibit forced labour and provide remedy to affected workers in our supply chain.</p></body></html>"),
        ("comment.html", "<html><body><!-- <nav> old menu --><p>We prohibit forced labour and provide remedy to affected workers in our supply chain.</p></body></html>"),
        ("svg.html", "<html><body><svg class=\"logo\"/><math /><p>We prohibit forced labour and provide remedy to affected workers in our supply chain.</p></body></html>"),
        // In Markdown, markup inside a paragraph is text, and an HTML block other than a
        // comment, script, style or textarea ends at a blank line.
        ("prose.md", "# Notes\n\nThe page opens with <nav> and we prohibit forced labour and provide remedy to affected workers.\n"),
        ("inline.md", "# Notes\n\nA stray <!-- marker here, and we prohibit forced labour and provide remedy to affected workers.\n"),
        // A tab makes indented code, not markup.
        ("tab.md", "# Notes\n\n\t<!-- begin\n\nWe prohibit forced labour and provide remedy to affected workers in our supply chain.\n"),
        ("block.md", "<nav>\n<a href=\"/\">Home</a>\n\n## Forced labour\n\nWe prohibit forced labour and provide remedy to affected workers in our supply chain.\n"),
    ] {
        let p = write(name, text);
        hria().args(["segment", &p]).assert().code(0);
    }
}

/// `--encoding` naming another encoding for a file that is valid UTF-8 garbles it: reported.
#[test]
fn an_encoding_option_over_valid_utf8_is_reported() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("utf8.md");
    std::fs::write(&p, "# 强迫劳动\n\n申诉机制\n").unwrap();
    degraded_run(
        &["segment", "--encoding", "gbk"],
        &p.to_string_lossy(),
        "read as GBK as --encoding asked, but the file is valid UTF-8",
    );
    hria()
        .args(["segment", "--encoding", "utf-8"])
        .arg(&p)
        .assert()
        .code(0);
}
