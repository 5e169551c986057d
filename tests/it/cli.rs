//! Running the `hria` binary from the tests.

use assert_cmd::Command;
use serde_json::Value;

/// The `hria` binary.
pub fn hria() -> Command {
    Command::cargo_bin("hria").expect("the hria binary builds")
}

/// Runs `hria ARGS --index INDEX` and returns its output, whatever its exit code.
pub fn on_index(index: &std::path::Path, args: &[&str]) -> std::process::Output {
    hria()
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .unwrap()
}

/// Indexes `corpus` into `index` without progress output (plus `extra` flags), failing the test
/// unless it succeeds.
pub fn index_corpus(corpus: &std::path::Path, index: &std::path::Path, extra: &[&str]) {
    hria()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .arg("--quiet")
        .args(extra)
        .assert()
        .success();
}

/// An index of a corpus of `(file name, text)`, in a temporary folder kept by the first value.
pub fn index_of(files: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let index = d.path().join("index");
    index_corpus(&corpus, &index, &[]);
    (d, index)
}

/// An index of a corpus of `(file name, text)` described by `manifest` (the text of its
/// `manifest.toml`), in a temporary folder kept by the first value.
pub fn index_with_manifest(
    files: &[(&str, &str)],
    manifest: &str,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    std::fs::write(corpus.join("manifest.toml"), manifest).unwrap();
    let index = d.path().join("index");
    index_corpus(&corpus, &index, &[]);
    (d, index)
}

/// Runs hria with `args` on a file that decodes with replacements: it must still print its output,
/// name the file and what was replaced on stderr, and exit 3. Returns stderr.
pub fn degraded_run(args: &[&str], file: &str, problem: &str) -> String {
    let out = hria().args(args).arg(file).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        !out.stdout.is_empty(),
        "{args:?}: the document is still processed"
    );
    let name = std::path::Path::new(file)
        .file_name()
        .unwrap()
        .to_string_lossy();
    assert!(stderr.contains(&*name), "{stderr}");
    assert!(stderr.contains(problem), "{stderr}");
    stderr
}

/// Runs `cmd` and returns its stdout, failing the test with its stderr unless it succeeds.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("hria runs");
    assert!(
        out.status.success(),
        "hria failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs `cmd` and parses its stdout as one JSON value.
pub fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).expect("stdout is JSON")
}

/// Runs `cmd` and parses its stdout as JSON Lines.
pub fn jsonl_of(cmd: &mut Command) -> Vec<Value> {
    stdout_of(cmd)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The hits of `hria search QUERY --format jsonl` on `index`, with `extra` arguments.
pub fn search_hits(index: &std::path::Path, query: &str, extra: &[&str]) -> Vec<Value> {
    jsonl_of(
        hria()
            .args([
                "search", query, "--format", "jsonl", "--limit", "20000", "--index",
            ])
            .arg(index)
            .args(extra),
    )
}

/// Two documents of different organisations, kinds and years, described by a manifest.
pub fn indexed_with_manifest() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in ["labour-policy.zh-Hant.md", "supplier-code.en.md"] {
        std::fs::copy(
            std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/index/corpus"
            ))
            .join(f),
            corpus.join(f),
        )
        .unwrap();
    }
    std::fs::write(
        corpus.join("manifest.toml"),
        r#"
[documents."labour-policy.zh-Hant.md"]
organisation = "Contoso"
kind = "policy"
year = 2022

[documents."supplier-code.en.md"]
organisation = "Fabrikam Ltd"
kind = "code of conduct"
year = 2024
"#,
    )
    .unwrap();
    let index = tmp.path().join("index");
    index_corpus(&corpus, &index, &[]);
    (tmp, index)
}

/// The passage ids of `hits`, sorted.
/// The string `key` of each object in the array `list` (`field_strs(&report["findings"], "tag")`).
pub fn field_strs<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|o| o[key].as_str().expect("a string"))
        .collect()
}

pub fn hit_ids(hits: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = hits
        .iter()
        .map(|h| h["id"].as_str().expect("a hit has an id").to_string())
        .collect();
    v.sort();
    v
}

/// A reader that closes the pipe after the first line (`| head -1`) ends hria quietly: exit 0 and
/// nothing on stderr, also where the JSON writer wraps the I/O error. The output is larger than a
/// pipe's buffer, so hria is still writing when the pipe closes.
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/index/corpus");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("hria"))
        .args(["tag", corpus, "--format", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    lines.read_line(&mut first).unwrap();
    assert!(first.starts_with('{'), "hria printed a JSON line: {first}");
    drop(lines);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// A file name is a third party's text: the ids made from it are shown with their control chars
/// escaped in every table, so that an escape sequence in a name cannot restyle or rewrite the
/// terminal.
#[test]
fn control_chars_in_file_names_never_reach_the_terminal() {
    let name = "t\u{1b}]0;pwned\u{7}\u{1b}[2J.md";
    // The second document lacks the instrument the first names, so gaps lists the first among
    // the documents that cover it.
    let (d, index) = index_of(&[
        (
            name,
            "# Policy\n\nWe prohibit forced labour in our supply chain.\n\nWe respect the Convention on the Rights of the Child.\n",
        ),
        ("b.md", "# Policy\n\nWe audit our suppliers for forced labour.\n"),
    ]);
    let corpus = d.path().join("corpus");
    let id = search_hits(&index, "forced", &[])
        .iter()
        .filter_map(|h| h["id"].as_str())
        .find(|id| id.contains("pwned"))
        .unwrap()
        .to_string();
    let runs: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["segment".into(), corpus.clone().into()],
        vec!["tag".into(), corpus.into()],
        vec!["search".into(), "forced".into()],
        vec!["coverage".into(), "--per-doc".into()],
        vec!["gaps".into()],
        vec!["explain".into(), id.into()],
    ];
    for args in runs {
        let mut cmd = hria();
        cmd.args(&args);
        if !matches!(args[0].to_str(), Some("segment" | "tag")) {
            cmd.arg("--index").arg(&index);
        }
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(stdout.contains("pwned"), "{args:?}: {stdout}");
        assert!(
            !stdout.contains(['\u{1b}', '\u{7}']),
            "{args:?}: {stdout:?}"
        );
    }
    // An id that is not there is named in the error the same way.
    let out = hria()
        .args([
            "explain",
            "t\u{1b}]0;pwned\u{7}.md#0001-00000000",
            "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("pwned") && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
}

/// The records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks).
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => record.push(std::mem::take(&mut field)),
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' if !quoted => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    records
}
