//! `hria tag` end to end: degraded documents, and the input checks of `--stdin`.

use crate::cli::{degraded_run, hria, index_corpus};

#[test]
fn degraded_documents_are_tagged_reported_and_exit_3() {
    degraded_run(
        &["tag", "--format", "jsonl"],
        "tests/fixtures/ingest/bad/invalid-utf8.md",
        "invalid byte sequences replaced",
    );
}

#[test]
fn an_unknown_encoding_label_fails_before_reading() {
    hria()
        .args(["tag", "no-such-folder", "--encoding", "klingon-8"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("unknown encoding label"));
}

#[test]
fn stdin_accepts_a_byte_order_mark_and_names_a_line_that_is_not_an_object() {
    let input = "\u{FEFF}{\"id\": 1, \"text\": \"We prohibit forced labour.\"}\n[1,2]\n";
    let (stdout, stderr) = tag_stdin(input, 3);
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], 1);
    assert!(first["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["tag"] == "right/labour/forced-labour"));
    assert!(!stderr.contains("line 1"), "{stderr}");
    assert!(
        stderr.contains("stdin line 2: each line must be a JSON object"),
        "{stderr}"
    );
}

#[test]
fn stdin_ids_come_back_as_written() {
    let input = concat!(
        "{\"id\": 123456789012345678901234, \"text\": \"forced labour\"}\n",
        "{\"id\": 1e2, \"text\": \"forced labour\"}\n",
        "{\"id\": \"a\\\"b\", \"text\": \"forced labour\"}\n",
        "{\"id\": true, \"text\": \"forced labour\"}\n",
        "{\"id\": 1, \"text\": \"forced labour\"\n",
    );
    let (stdout, stderr) = tag_stdin(input, 3);
    let ids: Vec<&str> = stdout
        .lines()
        .map(|l| &l[l.find(':').unwrap() + 1..l.find(",\"tags\"").unwrap()])
        .collect();
    assert_eq!(ids, ["123456789012345678901234", "1e2", "\"a\\\"b\""]);
    assert!(
        stderr.contains("stdin line 4: \"id\" must be a string or a number"),
        "{stderr}"
    );
    assert!(stderr.contains("stdin line 5: invalid JSON"), "{stderr}");
}

#[test]
fn a_line_longer_than_the_cap_is_skipped_and_the_next_is_tagged() {
    // A stream without line breaks is read through, not held: the line after it is tagged.
    let mut input = "x".repeat(65 << 20);
    input.push_str("\n{\"id\": 2, \"text\": \"forced labour\"}\n");
    let (stdout, stderr) = tag_stdin(&input, 3);
    assert!(
        stderr.contains("stdin line 1: longer than 64 MiB"),
        "{stderr}"
    );
    assert!(
        stdout.starts_with("{\"id\":2,") && stdout.contains("right/labour/forced-labour"),
        "{stdout}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_report_to_a_full_stderr_keeps_the_exit_code() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hria"))
        .args(["tag", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(full)
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"not json\n").unwrap();
    // 3: a line skipped; a panic on the failed write would give 101.
    assert_eq!(child.wait().unwrap().code(), Some(3));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_named_as_the_output() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hria"))
        .args(["taxonomy", "list"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write the output (stdout)"),
        "{stderr}"
    );
}

/// Help and the version, written to a full disk, fail as every other output does.
#[cfg(target_os = "linux")]
#[test]
fn help_to_a_full_stdout_is_an_error() {
    for args in [&["--help"][..], &["index", "--help"], &["--version"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hria"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot write the output"), "{stderr}");
    }
}

/// A closed pipe (`hria tag DIR | head -1`) ends the output quietly, but the files skipped are
/// still reported and the exit code still says so.
#[cfg(unix)]
#[test]
fn a_closed_pipe_keeps_the_skip_report_and_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("d{i:02}.md")),
            "We prohibit forced labour and child labour in our supply chain.\n".repeat(50),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("report.pdf"), "%PDF-1.4").unwrap();
    for args in [
        &["tag", "--format", "jsonl"][..],
        &["segment", "--format", "jsonl"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hria"))
            .args(args)
            .arg(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Read nothing: every write finds the pipe closed.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(stderr.contains("report.pdf"), "{args:?}: {stderr}");
    }
}

/// A byte-order mark on any line (files joined with `cat`) is no part of its JSON; an id that is
/// no valid string (a lone surrogate) is not echoed into output a reader could not parse.
#[test]
fn stdin_marks_on_later_lines_and_ids_that_are_no_valid_strings() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"forced labour\"}\n",
        "\u{FEFF}{\"id\": 2, \"text\": \"forced labour\"}\n",
        "{\"id\": \"a\\ud800\", \"text\": \"forced labour\"}\n",
    );
    let (stdout, stderr) = tag_stdin(input, 3);
    let ids: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, [serde_json::json!(1), serde_json::json!(2)]);
    assert!(
        stderr.contains("stdin line 3: \"id\" is not a valid string"),
        "{stderr}"
    );
}

/// `hria tag --stdin` on `input`: its stdout and stderr, after checking the exit code.
fn tag_stdin(input: &str, code: i32) -> (String, String) {
    let out = hria()
        .args(["tag", "--stdin"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(code));
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_index_kept_inside_the_corpus_is_no_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "We prohibit forced labour.\n").unwrap();
    index_corpus(dir.path(), &dir.path().join("idx"), &[]);
    // Its segment files were each reported as an unsupported extension (exit 3).
    let out = hria()
        .arg("tag")
        .arg(dir.path())
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("idx"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("right/labour/forced-labour"));
    // Copied without its hidden list of files (`cp idx/* backup/`), it is still an index.
    let backup = dir.path().join("backup");
    std::fs::create_dir(&backup).unwrap();
    for e in std::fs::read_dir(dir.path().join("idx")).unwrap() {
        let e = e.unwrap();
        if !e.file_name().to_string_lossy().starts_with('.') {
            std::fs::copy(e.path(), backup.join(e.file_name())).unwrap();
        }
    }
    std::fs::remove_dir_all(dir.path().join("idx")).unwrap();
    let out = hria().arg("tag").arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("backup"), "{stderr}");
}

/// A section's title gives its cues to every passage under it, so the compliance verbs take no
/// cue a title commonly holds: "comply with applicable data protection laws" under a human-rights
/// policy's title is no due-diligence step, while complying with a supplier code is.
#[test]
fn complying_with_the_law_under_a_policy_title_is_no_action() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("policy.md");
    std::fs::write(
        &file,
        "# Acme Human Rights Policy\n\n## Privacy\n\nWe respect the privacy of our customers and \
         comply with applicable data protection laws.\n\n## Suppliers\n\nOur suppliers comply \
         with our Supplier Code and its labour standards.\n",
    )
    .unwrap();
    let out = hria()
        .args(["tag", "--format", "jsonl"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let action = |needle: &str| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|p| p["kind"] == "paragraph" && p["section"].to_string().contains(needle))
            .unwrap_or_else(|| panic!("no passage under {needle}"))["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["tag"] == "hrdd/action")
    };
    assert!(!action("Privacy"));
    assert!(action("Suppliers"));
}
