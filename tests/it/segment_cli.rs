//! `hria segment` end to end.

use crate::cli::hria;

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
