//! `hria explain` on a hand-built index of the Microsoft statement.

use crate::statement;

use crate::cli::{hria, index_of, search_hits};
use serde_json::Value;
use statement::{real_statement_index, statement_path, DOC};

fn explain(index: &std::path::Path, args: &[&str]) -> std::process::Output {
    hria()
        .arg("explain")
        .arg("--index")
        .arg(index)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// The index and the id of the staff passage.
fn setup() -> (tempfile::TempDir, String) {
    let tax = statement::taxonomy();
    let passages = statement::statement_passages(&tax);
    let staff = passages
        .iter()
        .find(|p| p.passage.text.starts_with("我们的员工"))
        .unwrap()
        .passage
        .id
        .clone();
    let d = tempfile::tempdir().unwrap();
    hria::query::reader::write_index(d.path(), statement::manifest(&[DOC], &tax), &passages)
        .unwrap();
    (d, staff)
}

#[test]
fn json_locates_every_evidence_span_in_the_text() {
    let (d, id) = setup();
    let out = explain(d.path(), &[&id, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], id.as_str());
    assert_eq!(v["doc"], DOC);
    assert_eq!(
        v["section"],
        serde_json::json!(["关键影响领域", "我们的员工"])
    );
    let text = v["text"].as_str().unwrap();
    let original = std::fs::read_to_string(statement_path()).unwrap();
    let tags = v["tags"].as_array().unwrap();
    assert!(tags
        .iter()
        .any(|t| t["tag"] == "right/labour/forced-labour"));
    for t in tags {
        for e in t["evidence"].as_array().unwrap() {
            let m = e["matched"].as_str().unwrap();
            // The original range slices back to the match, and so does the located text range.
            let (a, b) = (
                e["range"]["start"].as_u64().unwrap(),
                e["range"]["end"].as_u64().unwrap(),
            );
            assert_eq!(&original[a as usize..b as usize], m);
            let (a, b) = (
                e["text_range"]["start"].as_u64().unwrap(),
                e["text_range"]["end"].as_u64().unwrap(),
            );
            assert_eq!(&text[a as usize..b as usize], m);
        }
    }
    let h = v["highlighted"].as_str().unwrap();
    assert!(h.contains("不受[[强迫劳动]]权利"), "{h}");
    assert!(
        h.contains("《ILO [[关于工作中的基本原则和权利宣言]]》"),
        "{h}"
    );
}

#[test]
fn table_marks_evidence_without_colour_when_not_a_terminal() {
    let (d, id) = setup();
    let out = explain(d.path(), &[&id]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains('\x1b'));
    assert!(s.contains("section   关键影响领域 › 我们的员工"));
    assert!(s.contains("反[[童工]]权利"));
    assert!(s.contains("right/labour/child-labour  matched"));
    assert!(s.contains("keyword:童工"));
    // An id pasted with the space or line end around it.
    let padded = format!(" {id}\n");
    let again = explain(d.path(), &[&padded]);
    assert!(again.status.success(), "{again:?}");
    assert_eq!(String::from_utf8(again.stdout).unwrap(), s);
}

#[test]
fn every_passage_is_found_by_its_id() {
    // Ids are not indexed: a passage is found through its document and ordinal.
    let tax = statement::taxonomy();
    let passages = statement::statement_passages(&tax);
    let (d, _) = setup();
    let ix = hria::query::reader::open(d.path()).unwrap();
    assert!(passages.len() > 10);
    for p in &passages {
        let found = ix.find(&p.passage.id).unwrap();
        assert_eq!(found.id, p.passage.id);
        assert_eq!(found.text, p.passage.text);
    }
    // Its hash typed in capitals names the same passage, not one that moved.
    let id = passages
        .iter()
        .map(|p| &p.passage.id)
        .find(|id| {
            id.rsplit_once('-')
                .unwrap()
                .1
                .contains(|c: char| c.is_ascii_alphabetic())
        })
        .unwrap();
    let (head, hash) = id.rsplit_once('-').unwrap();
    let shouted = format!("{head}-{}", hash.to_uppercase());
    assert_eq!(&ix.find(&shouted).unwrap().id, id);
}

#[test]
fn unknown_passage_id_exits_2_with_a_clear_message() {
    let (d, staff) = setup();
    let out = explain(d.path(), &["no-such-doc.md#1-deadbeef"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no passage with id `no-such-doc.md#1-deadbeef`"),
        "{err}"
    );
    // The right document and ordinal with another hash is not that passage.
    let (doc_and_ordinal, _) = staff.rsplit_once('-').unwrap();
    let wrong = format!("{doc_and_ordinal}-00000000");
    let out = explain(d.path(), &[&wrong]);
    assert_eq!(out.status.code(), Some(2), "{wrong}");
    // The message names the id now at that place, so an analyst with an old id can go on.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("is now `{staff}`")), "{err}");
    let out = explain(&d.path().join("missing"), &["x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index at"));
}

#[test]
fn overlapping_evidence_is_marked_once() {
    use hria::model::{Basis, Evidence, Tag};
    let tax = statement::taxonomy();
    let mut passages = statement::statement_passages(&tax);
    let p = passages
        .iter_mut()
        .find(|p| p.passage.text.starts_with("我们的员工"))
        .unwrap();
    // A second tag whose evidence overlaps 强迫劳动, and one match that is not in the text.
    let at = p
        .tags
        .iter()
        .find(|t| t.tag == "right/labour/forced-labour")
        .unwrap()
        .evidence[0]
        .range
        .start;
    p.tags.push(Tag {
        tag: "theme/test".into(),
        score: 0.5,
        basis: Basis::Matched,
        planned: false,
        evidence: vec![
            Evidence {
                range: at..at + 6,
                matched: "强迫".into(),
                rule: "keyword:强迫".into(),
                text_range: None,
            },
            Evidence {
                range: at..at + 12,
                matched: "奴隶制".into(),
                rule: "keyword:奴隶制".into(),
                text_range: None,
            },
        ],
    });
    let id = p.passage.id.clone();
    let d = tempfile::tempdir().unwrap();
    hria::query::reader::write_index(d.path(), statement::manifest(&[DOC], &tax), &passages)
        .unwrap();
    let out = explain(d.path(), &[&id, "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let h = v["highlighted"].as_str().unwrap();
    assert!(h.contains("不受[[强迫劳动]]权利"), "{h}");
    let t = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tag"] == "theme/test")
        .unwrap();
    assert!(t["evidence"][1]["text_range"].is_null());
}

/// No tag lists the same evidence (range and rule) twice, on any passage of the statement.
#[test]
fn real_pipeline_evidence_is_listed_once() {
    let (_d, index) = real_statement_index();
    let hits = crate::cli::search_hits(&index, "*", &[]);
    let mut evidence = 0;
    for h in &hits {
        let out = explain(&index, &[h["id"].as_str().unwrap(), "--format", "json"]);
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        for t in v["tags"].as_array().unwrap() {
            let ev = t["evidence"].as_array().unwrap();
            for (i, e) in ev.iter().enumerate() {
                let same = |d: &&Value| d["range"] == e["range"] && d["rule"] == e["rule"];
                assert!(!ev[..i].iter().any(|d| same(&d)), "{t}");
                evidence += 1;
            }
        }
    }
    assert!(evidence > 50, "{evidence}");
}

/// The real pipeline: every evidence passage `gaps` shows can be explained.
#[test]
fn real_pipeline_evidence_passages_can_be_explained() {
    let (_d, index) = real_statement_index();
    let out = hria()
        .args([
            "gaps",
            "--format",
            "json",
            "--instrument",
            "UNDHRD",
            "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ev = r["findings"][0]["evidence"].as_array().unwrap();
    assert!(!ev.is_empty());
    for e in ev {
        let out = explain(
            &index,
            &[e["passage"].as_str().unwrap(), "--format", "json"],
        );
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["highlighted"].as_str().unwrap().contains("[["));
        assert!(v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["tag"] == e["tag"]));
    }
}

/// Every `"score":` number in JSON text, as written.
pub(crate) fn score_literals(json: &str) -> Vec<String> {
    json.split("\"score\":")
        .skip(1)
        .map(|rest| {
            rest.trim_start()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-' || *c == 'e')
                .collect()
        })
        .collect()
}

#[test]
fn json_scores_have_no_float_noise() {
    let (d, id) = setup();
    let out = explain(d.path(), &[&id, "--format", "json"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let scores = score_literals(&text);
    assert!(!scores.is_empty(), "{text}");
    for s in &scores {
        let decimals = s.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals <= 3, "score {s} in {text}");
    }
}

/// Markup the clean text drops (a long link target) moves source offsets far from clean-text
/// offsets: evidence is still shown where the tagger found it, not at another occurrence of the
/// same chars (员工|会议 holds 工会 too, which the tagger rejected).
#[test]
fn evidence_is_shown_where_it_was_found_past_dropped_markup() {
    let url = format!("https://example.com/{}", "a".repeat(120));
    let text = format!(
        "# 测试\n\n详见[报告]({url})。我们支持员工加入工会。另外，每月召开一次员工会议。\n"
    );
    let (_d, index) = crate::cli::index_of(&[("a.md", &text)]);
    let found = hria()
        .args(["search", "工会", "--format", "jsonl", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    let hit: Value =
        serde_json::from_slice(found.stdout.split(|&b| b == b'\n').next().unwrap()).expect("a hit");
    let out = explain(&index, &[hit["id"].as_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = v["text"].as_str().unwrap();
    let union = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tag"] == "right/labour/association-bargaining")
        .expect("the union is tagged");
    let r = &union["evidence"][0]["text_range"];
    let (s, e) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "工会");
    assert_eq!(s, text.find("加入工会").unwrap() + "加入".len());
}

/// A file named `-risk.txt` gives ids starting with `-`: `explain`, and `--doc` of `search`,
/// `coverage` and `gaps`, take them as written, and the flags after them still parse.
#[test]
fn ids_starting_with_a_hyphen_are_taken_as_written() {
    let (_d, index) = crate::cli::index_of(&[
        (
            "-risk.txt",
            "We prohibit forced labour in our supply chain.\n",
        ),
        ("b.txt", "We respect the privacy of our customers.\n"),
    ]);
    let hits = crate::cli::search_hits(&index, "forced", &[]);
    let id = hits[0]["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("-risk.txt#"), "{id}");
    let e = crate::cli::json_of(
        hria()
            .args(["explain", &id, "--format", "json", "--index"])
            .arg(&index),
    );
    assert_eq!(e["doc"], "-risk.txt", "{e}");
    let hits = crate::cli::search_hits(&index, "*", &["--doc", "-risk.txt"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["doc"] == "-risk.txt"), "{hits:?}");
    let cov = crate::cli::json_of(
        hria()
            .args([
                "coverage",
                "--doc",
                "-risk.txt",
                "--format",
                "json",
                "--index",
            ])
            .arg(&index),
    );
    assert_eq!(cov["documents"], 1, "{cov}");
    let gaps = crate::cli::json_of(
        hria()
            .args([
                "gaps",
                "--doc",
                "-risk.txt,b.txt",
                "--format",
                "json",
                "--index",
            ])
            .arg(&index),
    );
    assert_eq!(
        gaps["documents"],
        serde_json::json!(["-risk.txt", "b.txt"]),
        "{gaps}"
    );
}

/// An id shown before its document was edited: where a line was inserted above its passage,
/// the passage of the same text (the id's hash) is named as moved, not the passage that now
/// stands at the id's ordinal; where its own text changed, the passage at the same place is
/// named, as such.
#[test]
fn an_old_id_names_where_its_passage_moved_before_the_same_place() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let index = d.path().join("index");
    let paragraphs = [
        "Modern slavery statement 2023.",
        "We prohibit forced labour in our supply chain.",
        "We respect the privacy of our customers.",
        "We pay a living wage to our staff.",
    ];
    let write = |ps: &[&str]| std::fs::write(corpus.join("a.txt"), ps.join("\n\n") + "\n").unwrap();
    write(&paragraphs);
    crate::cli::index_corpus(&corpus, &index, &[]);
    let id_of = |word: &str| {
        let hits = crate::cli::search_hits(&index, word, &[]);
        assert_eq!(hits.len(), 1, "{word}: {hits:?}");
        hits[0]["id"].as_str().unwrap().to_string()
    };
    let old = id_of("forced");
    let hash = |id: &str| id.rsplit_once('-').unwrap().1.to_string();
    // A line inserted near the top moves every passage after it by one.
    let mut edited = paragraphs.to_vec();
    edited.insert(1, "Inserted: this statement covers the financial year.");
    write(&edited);
    crate::cli::index_corpus(&corpus, &index, &[]);
    let moved = id_of("forced");
    assert_ne!(moved, old);
    assert_eq!(hash(&moved), hash(&old));
    let out = explain(&index, &[&old]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("no passage with id `{old}`")),
        "{err}"
    );
    assert!(
        err.contains(&format!("the same text is now passage `{moved}`")),
        "{err}"
    );
    assert!(err.contains("it moved"), "{err}");
    // Not the passage that took its place (the privacy one).
    assert!(!err.contains(&id_of("privacy")), "{err}");
    // Its own text changed: no passage has its hash, and the one at its place is named so.
    let before = id_of("wage");
    let mut changed = edited.clone();
    let last = changed.len() - 1;
    changed[last] = "We pay a fair living wage to all our staff.";
    write(&changed);
    crate::cli::index_corpus(&corpus, &index, &[]);
    let now = id_of("wage");
    let out = explain(&index, &[&before]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "no passage of that document has that text now; its passage at the same place is now `{now}`"
        )),
        "{err}"
    );
}

/// An id copied from a table, where a line break in its file name is shown escaped, finds the
/// passage with `explain` and the document with `--doc`.
#[cfg(unix)]
#[test]
fn an_escaped_id_pasted_from_a_table_is_found() {
    let (_tmp, index) = index_of(&[("new\nline.txt", "We prohibit forced labour.\n")]);
    let hits = search_hits(&index, "labour", &[]);
    let id = hits[0]["id"].as_str().unwrap();
    assert!(id.starts_with("new\nline.txt#"), "{id}");
    let shown = id.replace('\n', "\\u{a}");
    let out = explain(&index, &[&shown]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let hits = search_hits(&index, "labour", &["--doc", "new\\u{a}line.txt"]);
    assert_eq!(hits.len(), 1);
}

/// A document's id given for a passage's is told apart, with the form a passage id takes.
#[test]
fn a_document_id_names_its_first_passage() {
    let (d, _) = setup();
    let out = explain(d.path(), &[DOC]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let first = search_hits(d.path(), "*", &["--doc", DOC])
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .min()
        .unwrap();
    assert!(first.starts_with(&format!("{DOC}#0000-")), "{first}");
    assert!(
        err.contains("that is a document's id") && err.contains(&format!("`{first}`")),
        "{err}"
    );
    // An id that is neither says no more than that.
    let out = explain(d.path(), &["no-such-doc.md"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("document's id"), "{err}");
}

/// A step only planned says so in `explain` (table and JSON) and in the `tag` table, as in
/// `search`: `gaps` counts it as a commitment, not as the step taken.
#[test]
fn a_planned_step_says_so() {
    let text = "# Policy\n\nWe will conduct a human rights impact assessment in 2025.\n\nWe conducted a human rights impact assessment in 2023.\n";
    let (d, index) = index_of(&[("policy.md", text)]);
    let hits = search_hits(&index, "assessment", &[]);
    let id_of = |year: &str| {
        hits.iter()
            .find(|h| h["text"].as_str().is_some_and(|t| t.contains(year)))
            .and_then(|h| h["id"].as_str())
            .unwrap()
            .to_string()
    };
    let ia = "hrdd/impact-assessment";
    for (year, planned) in [("2025", true), ("2023", false)] {
        let id = id_of(year);
        let table = String::from_utf8(explain(&index, &[&id]).stdout).unwrap();
        let line = table
            .lines()
            .find(|l| l.trim_start().starts_with(ia))
            .unwrap();
        assert_eq!(line.ends_with("planned"), planned, "{table}");
        let out = explain(&index, &[&id, "--format", "json"]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let tag = v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tag"] == ia)
            .unwrap();
        assert_eq!(tag["planned"].as_bool().unwrap_or(false), planned, "{tag}");
    }
    let out = hria()
        .arg("tag")
        .arg(d.path().join("corpus/policy.md"))
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let marked: Vec<bool> = table
        .lines()
        .filter(|l| l.contains(ia))
        .map(|l| {
            let at = l.find(ia).unwrap();
            let mark = &l[at..at + l[at..].find(')').unwrap()];
            mark.ends_with(", planned")
        })
        .collect();
    assert_eq!(marked, [true, false], "{table}");
}
