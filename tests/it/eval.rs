//! `hria eval` on a small gold file whose TP, FP and FN are known.

use crate::cli::hria;
use serde_json::Value;

const GOLD: &str = "tests/fixtures/tag/gold.jsonl";
const TAXONOMY: &str = "tests/fixtures/tag/eval-taxonomy.toml";

fn close(v: &Value, x: f64) -> bool {
    (v.as_f64().expect("number") - x).abs() < 1e-9
}

fn counts(v: &Value) -> (u64, u64, u64) {
    (
        v["tp"].as_u64().unwrap(),
        v["fp"].as_u64().unwrap(),
        v["fn"].as_u64().unwrap(),
    )
}

/// `hria eval GOLD --taxonomy TAXONOMY --format json`.
fn eval_json(gold: &std::path::Path) -> std::process::Output {
    hria()
        .arg("eval")
        .arg(gold)
        .args(["--taxonomy", TAXONOMY, "--format", "json"])
        .output()
        .unwrap()
}

#[test]
fn exact_numbers_on_a_known_gold_file() {
    let out = hria()
        .args(["eval", GOLD, "--taxonomy", TAXONOMY, "--format", "json"])
        .assert()
        .code(3) // one malformed line
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("gold.jsonl:4: invalid JSON"), "{stderr}");
    assert_eq!(stderr.matches("\"group/aliens\"").count(), 1, "{stderr}");
    // Where the unknown tag first appears.
    assert!(
        stderr.contains("gold.jsonl:5: judged tag \"group/aliens\""),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["files"][0];
    assert_eq!(f["lines"], 4);
    assert_eq!(f["skipped_lines"], 1);
    let tags = &f["tags"];
    assert_eq!(counts(&tags["right/labour/forced-labour"]), (1, 0, 0));
    assert_eq!(counts(&tags["right/labour/child-labour"]), (1, 0, 0));
    // g2 misses women; g4 finds them.
    assert_eq!(counts(&tags["group/women"]), (1, 0, 1));
    assert!(close(&tags["group/women"]["f1"], 2.0 / 3.0));
    // g3: forced labour predicted, the judged parent `right/labour` not expected.
    assert_eq!(counts(&tags["right/labour"]), (0, 1, 0));
    assert_eq!(counts(&tags["group/aliens"]), (0, 0, 0));
    // Macro over the four tags with support or predictions.
    assert!(close(&f["macro_avg"]["precision"], 0.75));
    assert!(close(&f["macro_avg"]["recall"], 0.625));
    assert!(close(&f["macro_avg"]["f1"], (2.0 + 2.0 / 3.0) / 4.0));
    assert_eq!(counts(&f["micro_avg"]), (3, 1, 1));
    assert!(close(&f["micro_avg"]["f1"], 0.75));
    assert_eq!(f["worst_fp"][0]["id"], "g3");
    assert_eq!(f["worst_fp"][0]["predicted"], "right/labour/forced-labour");
    assert_eq!(f["worst_fn"][0]["id"], "g2");
    assert_eq!(v["unknown_tags"], serde_json::json!(["group/aliens"]));
    assert!(v.get("combined").is_none());
}

#[test]
fn several_files_get_a_combined_summary() {
    let out = hria()
        .args([
            "eval",
            GOLD,
            GOLD,
            "--taxonomy",
            TAXONOMY,
            "--format",
            "json",
        ])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    assert_eq!(v["combined"]["lines"], 8);
    assert_eq!(counts(&v["combined"]["micro_avg"]), (6, 2, 2));
}

#[test]
fn table_output_and_worst_limit() {
    let out = hria()
        .args(["eval", GOLD, "--taxonomy", TAXONOMY, "--worst", "1"])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("4 lines scored, 1 skipped"), "{s}");
    assert!(
        s.contains("-- worst false positives\ng3 (line 3) right/labour"),
        "{s}"
    );
    let macro_line = s.lines().find(|l| l.starts_with("macro")).unwrap();
    assert!(macro_line.ends_with("0.750  0.625  0.667"), "{macro_line}");
}

#[test]
fn clean_gold_exits_zero_and_missing_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    std::fs::write(
        &good,
        "{\"id\": \"1\", \"text\": \"妇女\", \"expected\": [\"group/women\"], \"judged\": [\"group/women\"]}\n",
    )
    .unwrap();
    hria()
        .args(["eval", good.to_str().unwrap(), "--taxonomy", TAXONOMY])
        .assert()
        .code(0);
    let missing = dir.path().join("missing.jsonl");
    hria()
        .args(["eval", missing.to_str().unwrap(), "--taxonomy", TAXONOMY])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing.jsonl"));
    hria()
        .args([
            "eval",
            good.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--taxonomy",
            TAXONOMY,
        ])
        .assert()
        .code(3);
}

#[test]
fn a_line_of_bad_bytes_is_reported_and_the_others_are_scored() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let line = |id: &str| {
        format!("{{\"id\": {id}, \"text\": \"妇女\", \"expected\": [\"group/women\"], \"judged\": [\"group/women\"]}}\n")
    };
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(line("123456789012345678901234").as_bytes());
    bytes.extend(b"{\"id\": \"x\xff\"}\n");
    bytes.extend(line("\"3\"").as_bytes());
    std::fs::write(&gold, bytes).unwrap();
    let out = eval_json(&gold);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("gold.jsonl:2: not valid UTF-8 (at byte 10 of the line)"),
        "{stderr}"
    );
    assert!(!stderr.contains("gold.jsonl:1"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["skipped_lines"], 1, "{v}");
}

/// A tag listed twice on a line is judged once; a judged tag the taxonomy does not have is
/// scored, warned about with its file and line, and the exit code says so.
#[test]
fn repeated_and_unknown_judged_tags() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("g.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": \"1\", \"text\": \"妇女\", \"expected\": [\"group/women\", \"group/women\"], \"judged\": [\"group/women\", \"group/women\"]}\n",
    )
    .unwrap();
    let out = eval_json(&gold);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(counts(&v["files"][0]["tags"]["group/women"]), (1, 0, 0));
    std::fs::write(
        &gold,
        "\n{\"id\": \"1\", \"text\": \"妇女\", \"expected\": [], \"judged\": [\"group/nobody\"]}\n",
    )
    .unwrap();
    let out = hria()
        .args(["eval", gold.to_str().unwrap(), "--taxonomy", TAXONOMY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("g.jsonl:2: judged tag \"group/nobody\""),
        "{err}"
    );
}

/// The table escapes a gold line's control characters as it escapes ids (line breaks and tabs
/// too: an example is one line), so that a gold file cannot restyle or rewrite the terminal.
#[test]
fn the_table_escapes_control_characters_of_gold_text() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("esc.jsonl");
    std::fs::write(
        &gold,
        "{\"id\":\"x\\u001b[31mRED\",\"text\":\"We prohibit forced labour \\u001b]0;PWNED\\u0007 and\\nmore \\u001b[2J here.\",\"expected\":[],\"judged\":[\"right/labour\"]}\n",
    )
    .unwrap();
    let out = hria()
        .args(["eval", gold.to_str().unwrap(), "--taxonomy", TAXONOMY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains('\u{1b}') && !s.contains('\u{7}'), "{s:?}");
    assert!(
        s.contains(
            "    We prohibit forced labour \\u{1b}]0;PWNED\\u{7} and\\u{a}more \\u{1b}[2J here."
        ),
        "{s}"
    );
    assert!(s.contains("x\\u{1b}[31mRED (line 1) right/labour"), "{s}");
}

/// A line that is JSON but no object (an array read by position) is malformed; a gold file
/// with nothing to score is warned about; either makes the exit code 3.
#[test]
fn an_array_line_is_malformed_and_an_empty_file_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("arr.jsonl");
    std::fs::write(
        &gold,
        "[\"q\",\"We prohibit forced labour.\",\"en\",[\"right/labour\"],[\"right/labour\"]]\n",
    )
    .unwrap();
    let out = eval_json(&gold);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("arr.jsonl:1: not a JSON object"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: ")
            && stderr.contains("arr.jsonl: nothing to score: every line of it was skipped"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["lines"], 0);
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    let out = eval_json(&empty);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("empty.jsonl: nothing to score: it holds no line (an empty file?)"),
        "{stderr}"
    );
}

/// In the combined report of several files, each example names its file: its line number
/// alone would be ambiguous.
#[test]
fn combined_examples_name_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.jsonl");
    std::fs::write(
        &other,
        "{\"id\": \"o1\", \"text\": \"Forced labour is banned.\", \"expected\": [], \"judged\": [\"right/labour\"]}\n",
    )
    .unwrap();
    let out = hria()
        .args(["eval", GOLD])
        .arg(&other)
        .args(["--taxonomy", TAXONOMY, "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fps = v["combined"]["worst_fp"].as_array().unwrap();
    let named: Vec<(&str, &str)> = fps
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        named,
        [("g3", GOLD), ("o1", other.to_str().unwrap())],
        "{v}"
    );
    assert_eq!(
        v["files"][1]["worst_fp"][0]["file"],
        other.to_str().unwrap()
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_stream_without_end_is_refused_not_read_whole() {
    hria()
        .args(["eval", "/dev/zero", "--taxonomy", TAXONOMY])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "/dev/zero: larger than 256 MiB: a gold file is read whole",
        ));
}

/// The built-in taxonomy on the blind sets in the repository, pooled: a floor under the figures
/// the README reports (30 sets: macro F1 0.634, micro precision 0.812 and recall 0.644), so that a change
/// that breaks tagging broadly (a taxonomy file that stops matching, a rule that drops a family of
/// tags) fails here rather than in the next measurement. Each set on its own must stay useful too.
#[test]
fn blind_sets_in_the_repository_keep_their_quality() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval");
    let mut sets: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    sets.sort();
    assert!(sets.len() >= 24, "{sets:?}");
    let out = hria()
        .arg("eval")
        .args(&sets)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = |avg: &str, k: &str| v["combined"][avg][k].as_f64().unwrap();
    assert!(f("macro_avg", "f1") >= 0.60, "{}", v["combined"]);
    assert!(f("micro_avg", "precision") >= 0.78, "{}", v["combined"]);
    assert!(f("micro_avg", "recall") >= 0.62, "{}", v["combined"]);
    for file in v["files"].as_array().unwrap() {
        assert_eq!(file["skipped_lines"].as_u64(), Some(0), "{}", file["file"]);
        assert!(
            file["micro_avg"]["f1"].as_f64().unwrap() >= 0.55,
            "{} {}",
            file["file"],
            file["micro_avg"]
        );
    }
}

/// A gold line that contradicts itself, an id given twice and a file given twice are scored as
/// written, with a warning each.
#[test]
fn inconsistent_gold_is_scored_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let gold = d.path().join("g.jsonl");
    std::fs::write(
        &gold,
        concat!(
            r#"{"id":"a","text":"We prohibit forced labour.","expected":["right/labour/forced-labour"],"judged":["right/labour","right/labour/forced-labour"]}"#,
            "\n",
            r#"{"id":"a","text":"We prohibit child labour.","expected":["right/labour"],"judged":["right/labour"]}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = hria().arg("eval").arg(&gold).arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("g.jsonl:1: expects right/labour/forced-labour and judges right/labour without expecting it"),
        "{err}"
    );
    assert!(err.contains("g.jsonl:2: id a is also on line 1"), "{err}");
    assert!(err.contains("given twice"), "{err}");
}
