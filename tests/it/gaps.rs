//! `hria gaps` on a hand-built index of the Microsoft statement, and on the real pipeline.

use crate::statement;

use crate::cli::{field_strs, hria, index_of, json_of, jsonl_of};
use serde_json::Value;
use statement::{build_statement_index, dir, real_statement_index, taxonomy, DOC};
use std::path::Path;

/// `hria gaps` on `index` with the test taxonomy and `args`.
fn gaps_cmd(index: &Path, args: &[&str]) -> assert_cmd::Command {
    statement::with_test_taxonomy("gaps", index, args)
}

fn gaps_json(index: &Path, extra: &[&str]) -> Value {
    json_of(&mut gaps_cmd(
        index,
        &[&["--format", "json"], extra].concat(),
    ))
}

/// `hria gaps --format json` on `index` with the built-in taxonomy.
fn builtin_gaps_json(index: &Path) -> Value {
    json_of(
        hria()
            .arg("gaps")
            .arg("--index")
            .arg(index)
            .args(["--format", "json"]),
    )
}

fn finding<'a>(report: &'a Value, tag: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["tag"] == tag)
        .unwrap_or_else(|| panic!("no finding for {tag}"))
}

fn class(report: &Value, tag: &str) -> String {
    finding(report, tag)["class"].as_str().unwrap().to_string()
}

fn statement_index() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    build_statement_index(d.path());
    d
}

#[test]
fn statement_classes_match_an_analysts_reading() {
    let d = statement_index();
    let r = gaps_json(d.path(), &[]);
    // Listed, but nothing on armed conflict or international crimes.
    assert_eq!(class(&r, "instrument/GENEVA"), "cited-only");
    assert_eq!(class(&r, "instrument/ROME"), "cited-only");
    // Not listed at all.
    assert_eq!(class(&r, "instrument/CAT"), "not-mentioned");
    assert_eq!(class(&r, "instrument/CPED"), "not-mentioned");
    // Addressed with due diligence.
    assert_eq!(class(&r, "instrument/ILO-FPRW"), "addressed");
    assert_eq!(class(&r, "instrument/UNDHRD"), "addressed");
    assert_eq!(class(&r, "group/human-rights-defenders"), "addressed");
    // The UDHR links nothing here and is named only in the commitment list.
    assert_eq!(class(&r, "instrument/UDHR"), "commitment-only");
    // A parent is addressed through its descendants.
    assert_eq!(class(&r, "right/labour"), "addressed");
    assert_eq!(
        class(&r, "right/economic-social-cultural/health"),
        "not-mentioned"
    );
}

#[test]
fn every_instrument_right_group_and_theme_is_in_exactly_one_class() {
    let d = statement_index();
    let r = gaps_json(d.path(), &[]);
    let tax = taxonomy();
    let findings = r["findings"].as_array().unwrap();
    let wanted: Vec<&str> = tax
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| {
            ["instrument/", "right/", "group/", "theme/"]
                .iter()
                .any(|p| id.starts_with(p))
        })
        .collect();
    let got: Vec<&str> = findings
        .iter()
        .map(|f| f["tag"].as_str().unwrap())
        .collect();
    assert_eq!(got, wanted);
    for f in findings {
        let c = f["class"].as_str().unwrap();
        assert!(
            [
                "cited-only",
                "not-mentioned",
                "mentioned-only",
                "commitment-only",
                "addressed"
            ]
            .contains(&c),
            "{c}"
        );
        assert_eq!(f["strongest"].is_null(), c != "addressed", "{f}");
        if !f["tag"].as_str().unwrap().starts_with("instrument/") {
            assert_ne!(c, "cited-only");
        }
    }
}

#[test]
fn strongest_element_is_ranked_and_backed_by_a_passage() {
    let d = statement_index();
    let r = gaps_json(d.path(), &[]);
    let ilo = finding(&r, "instrument/ILO-FPRW");
    assert_eq!(ilo["strongest"], "remedy");
    let ev = ilo["evidence"].as_array().unwrap();
    assert!(ev.len() <= 3);
    assert!(ev
        .iter()
        .any(|e| e["role"] == "due-diligence" && e["tag"] == "hrdd/remedy"));
    assert!(ev.iter().any(|e| e["role"] == "cited"));
    // Defenders: impact assessment and action in their section, no remedy or tracking there.
    let hrd = finding(&r, "group/human-rights-defenders");
    assert_eq!(hrd["strongest"], "action");
    let lf: Vec<&str> = hrd["looked_for"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(lf.contains(&"same-section:hrdd/remedy"), "{lf:?}");
    assert!(!lf.contains(&"same-section:hrdd/action"), "{lf:?}");
    // ICCPR is addressed through privacy, next to a grievance mechanism.
    assert_eq!(
        finding(&r, "instrument/ICCPR")["strongest"],
        "grievance-mechanism"
    );
}

#[test]
fn cited_only_shows_where_it_is_named_and_what_was_looked_for() {
    let d = statement_index();
    let r = gaps_json(d.path(), &[]);
    let g = finding(&r, "instrument/GENEVA");
    assert_eq!(g["cited"], true);
    let ev = &g["evidence"][0];
    assert_eq!(ev["role"], "cited");
    assert_eq!(ev["doc"], DOC);
    assert_eq!(ev["section"][1], "定义人权");
    assert!(
        ev["snippet"].as_str().unwrap().contains("[[日内瓦公约]]"),
        "{ev}"
    );
    assert!(ev["passage"].as_str().unwrap().starts_with(DOC));
    let lf = g["looked_for"].to_string();
    assert!(lf.contains("link:theme/armed-conflict"), "{lf}");
    assert!(lf.contains("zh:武装冲突"), "{lf}");
    assert!(!lf.contains("zh:日内瓦公约"), "it was found: {lf}");
}

#[test]
fn not_mentioned_lists_the_keywords_and_links_searched() {
    let d = statement_index();
    let r = gaps_json(d.path(), &[]);
    let cat = finding(&r, "instrument/CAT");
    assert_eq!(cat["cited"], false);
    assert!(cat["evidence"].as_array().unwrap().is_empty());
    let lf = cat["looked_for"].to_string();
    for want in [
        "abbr:CAT",
        "zh:禁止酷刑公约",
        "link:right/civil-political/torture",
        "zh:酷刑",
        "covered:instrument/CAT",
    ] {
        assert!(lf.contains(want), "{want} missing from {lf}");
    }
}

#[test]
fn instrument_filter_and_fail_on() {
    let d = statement_index();
    let r = gaps_json(d.path(), &["--instrument", "GENEVA,instrument/CAT"]);
    let tags = field_strs(&r["findings"], "tag");
    assert_eq!(tags, ["instrument/GENEVA", "instrument/CAT"]);

    let run = |args: &[&str]| gaps_cmd(d.path(), args).output().unwrap();
    assert_eq!(run(&["--fail-on", "cited-only"]).status.code(), Some(1));
    assert_eq!(
        run(&[
            "--instrument",
            "ILO-FPRW",
            "--fail-on",
            "cited-only,not-mentioned"
        ])
        .status
        .code(),
        Some(0)
    );
    let bad = run(&["--instrument", "NOPE"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no instrument `NOPE`"));
    let bad = run(&["--doc", "nope.md"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no document `nope.md`"));
    // The start of an id, in another case, is matched, as `search --doc` does.
    let bad = run(&["--doc", "MICROSOFT"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("did you mean microsoft-"), "{err}");
}

#[test]
fn table_output_groups_classes_with_evidence() {
    let d = statement_index();
    let out = hria()
        .arg("gaps")
        .arg("--index")
        .arg(d.path())
        .arg("--taxonomy")
        .arg(dir().join("taxonomy.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let first = |needle: &str| s.find(needle).unwrap_or_else(|| panic!("{needle} in {s}"));
    assert!(first("not-mentioned") < first("cited-only"));
    assert!(first("cited-only") < first("commitment-only"));
    assert!(s.contains("looked for, not found: cited:instrument/CAT, abbr:CAT"));
    assert!(s.contains("[[日内瓦公约]]"));
}

/// The strings of a JSON array of strings.
fn strs(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

/// `--class` shows the findings of the classes asked for, while the summary still counts every
/// class and `--fail-on` still sees every finding; the DUE DILIGENCE column marks the elements
/// found, in small letters those only elsewhere in the documents, and those missing, as the
/// JSON's `elements` and `in_documents_only` list them.
#[test]
fn class_filter_and_the_due_diligence_column() {
    let d = statement_index();
    let run = |args: &[&str]| gaps_cmd(d.path(), args).output().unwrap();
    let all = gaps_json(d.path(), &[]);
    let some = gaps_json(d.path(), &["--class", "addressed"]);
    let classes = field_strs(&some["findings"], "class");
    assert!(!classes.is_empty() && classes.iter().all(|c| *c == "addressed"));
    let out = run(&["--class", "addressed", "--fail-on", "cited-only"]);
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        !s.contains("[not-mentioned]") && !s.contains("\ncited-only "),
        "{s}"
    );
    let count = |class: &str| {
        all["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["class"] == class)
            .count()
    };
    assert!(count("not-mentioned") > 0);
    assert!(
        s.contains(&format!("{} not-mentioned,", count("not-mentioned"))),
        "{s}"
    );
    // Each addressed row's marks are the letters of its elements.
    let mut small = 0;
    for f in some["findings"].as_array().unwrap() {
        let elements = strs(&f["elements"]);
        let elsewhere = strs(&f["in_documents_only"]);
        assert!(elements.iter().all(|e| !elsewhere.contains(e)), "{f}");
        small += elsewhere.len();
        let marks: String = [
            ("commitment", 'C'),
            ("impact-assessment", 'I'),
            ("action", 'A'),
            ("tracking", 'T'),
            ("grievance-mechanism", 'G'),
            ("remedy", 'R'),
        ]
        .iter()
        .map(|(e, c)| {
            if elements.contains(e) {
                *c
            } else if elsewhere.contains(e) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
        let tag = f["tag"].as_str().unwrap();
        let line = s
            .lines()
            .find(|l| l.starts_with("addressed") && l.contains(&format!(" {tag} ")))
            .unwrap_or_else(|| panic!("no row {tag} in {s}"));
        assert!(line.trim_end().ends_with(&marks), "{line} / {marks}");
    }
    assert!(
        small > 0,
        "no element only elsewhere in the statement: {some}"
    );
}

#[test]
fn per_document_gaps_compare_the_documents_reported_on() {
    let tax = taxonomy();
    let text = statement::statement();
    let mut passages = statement::statement_passages(&tax);
    // A second statement that only names and addresses forced labour (ILO-FPRW).
    passages.push(statement::passage(
        &text,
        "other.md",
        0,
        &["供应链"],
        "我们承诺在供应链中消除人口贩卖和强迫劳动",
        &[
            (
                "right/labour/forced-labour",
                hria::model::Basis::Matched,
                "强迫劳动",
            ),
            ("hrdd/action", hria::model::Basis::Matched, "消除"),
        ],
        &tax,
    ));
    let d = tempfile::tempdir().unwrap();
    hria::query::reader::write_index(
        d.path(),
        statement::manifest(&[DOC, "other.md"], &tax),
        &passages,
    )
    .unwrap();
    let r = gaps_json(d.path(), &["--doc", "other.md"]);
    assert_eq!(r["documents"], serde_json::json!(["other.md"]));
    assert_eq!(r["passages"], 1);
    // Only the other document's passages count.
    assert_eq!(class(&r, "instrument/ILO-FPRW"), "addressed");
    assert_eq!(class(&r, "instrument/GENEVA"), "not-mentioned");
    // One document reported on has no other to be compared with.
    assert_eq!(r["per_document"], serde_json::json!([]), "{r}");
    let both = gaps_json(d.path(), &["--doc", &format!("{DOC},other.md")]);
    let per = both["per_document"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["doc"] == "other.md")
        .unwrap();
    let missing = field_strs(&per["missing"], "tag");
    assert!(missing.contains(&"instrument/GENEVA"), "{missing:?}");
    assert!(!missing.contains(&"instrument/ILO-FPRW"), "{missing:?}");
    assert!(!missing.contains(&"instrument/CAT"), "{missing:?}");
    assert_eq!(per["missing"][0]["elsewhere"], serde_json::json!([DOC]));
    assert_eq!(
        both["per_document"],
        gaps_json(d.path(), &[])["per_document"]
    );
}

/// The documents of one organisation, chosen by the manifest (`--org`) or by id (`--doc`), give
/// the same report: per document, they are compared with each other, never with the documents
/// left out.
#[test]
fn org_and_doc_choosing_the_same_documents_give_the_same_report() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "We respect the Universal Declaration of Human Rights and prohibit forced labour in our supply chain.\n",
        ),
        (
            "b.txt",
            "We are committed to the International Covenant on Civil and Political Rights and protect the privacy of our staff.\n",
        ),
        (
            "c.txt",
            "We support the Convention on the Rights of the Child and the Convention on the Elimination of All Forms of Discrimination against Women.\n",
        ),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    std::fs::write(
        corpus.join("manifest.toml"),
        "[documents.\"a.txt\"]\norganisation = \"Jellyfish\"\n\n[documents.\"b.txt\"]\norganisation = \"Jellyfish\"\n\n[documents.\"c.txt\"]\norganisation = \"Other\"\n",
    )
    .unwrap();
    let index = tmp.path().join("index");
    crate::cli::index_corpus(&corpus, &index, &[]);
    let run = |args: &[&str]| {
        json_of(
            hria()
                .args(["gaps", "--format", "json", "--index"])
                .arg(&index)
                .args(args),
        )
    };
    let by_org = run(&["--org", "Jellyfish"]);
    let by_doc = run(&["--doc", "a.txt,b.txt"]);
    assert_eq!(by_org["documents"], serde_json::json!(["a.txt", "b.txt"]));
    let per = &by_doc["per_document"];
    assert_eq!(field_strs(per, "doc"), ["a.txt", "b.txt"], "{per}");
    let a_missing = field_strs(&per[0]["missing"], "tag");
    assert!(a_missing.contains(&"instrument/ICCPR"), "{per}");
    // CRC and CEDAW are named only in a document left out.
    for p in per.as_array().unwrap() {
        for m in p["missing"].as_array().unwrap() {
            assert_ne!(m["tag"], "instrument/CRC", "{per}");
            assert_ne!(m["tag"], "instrument/CEDAW", "{per}");
            assert!(
                m["elsewhere"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|d| d != "c.txt"),
                "{per}"
            );
        }
    }
    assert_eq!(by_org["per_document"], by_doc["per_document"]);
    assert_eq!(by_org, by_doc);
    // The CSV of one organisation's documents says whose they are on every row, so that two
    // companies' sheets stacked together can be told apart.
    let csv = crate::cli::stdout_of(
        hria()
            .args(["gaps", "--format", "csv", "--org", "Jellyfish", "--index"])
            .arg(&index),
    );
    let rows = crate::cli::csv_records(&csv);
    let org = rows[0].iter().position(|h| h == "org").unwrap();
    let orgs: Vec<&str> = rows[1..].iter().map(|r| r[org].as_str()).collect();
    assert!(
        !orgs.is_empty() && orgs.iter().all(|o| *o == "Jellyfish"),
        "{orgs:?}"
    );
    // Coverage of two organisations' documents together says so, as gaps does.
    let both = hria()
        .args(["coverage", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&both.stderr);
    assert!(
        err.contains("of 2 organisations (Jellyfish; Other)"),
        "{err}"
    );
    let one = hria()
        .args(["coverage", "--org", "Other", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    assert!(
        one.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    // `--per-org`: each organisation as `--org` gives it, side by side.
    let per_org = run(&["--per-org"]);
    let orgs = per_org["per_organisation"].as_array().unwrap();
    assert_eq!(
        field_strs(&per_org["per_organisation"], "organisation"),
        ["Jellyfish", "Other"]
    );
    let mut jelly = orgs[0].clone();
    jelly.as_object_mut().unwrap().remove("organisation");
    assert_eq!(jelly, by_org);
    let table = crate::cli::stdout_of(hria().args(["gaps", "--per-org", "--index"]).arg(&index));
    let header = table.lines().next().unwrap();
    assert!(
        header.contains("Jellyfish") && header.contains("Other"),
        "{table}"
    );
    let crc = table
        .lines()
        .find(|l| l.starts_with("instrument/CRC "))
        .unwrap();
    // Named by Other only.
    let cells: Vec<&str> = crc
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(cells[cells.len() - 2], "not-mentioned", "{crc}");
    assert_ne!(cells[cells.len() - 1], "not-mentioned", "{crc}");
    let csv = crate::cli::csv_records(&crate::cli::stdout_of(
        hria()
            .args(["gaps", "--per-org", "--format", "csv", "--index"])
            .arg(&index),
    ));
    let scope = csv[0].iter().position(|h| h == "scope").unwrap();
    let org = csv[0].iter().position(|h| h == "org").unwrap();
    let mut seen: Vec<&str> = csv[1..]
        .iter()
        .filter(|r| r[scope] == "organisation")
        .map(|r| r[org].as_str())
        .collect();
    seen.dedup();
    assert_eq!(seen, ["Jellyfish", "Other"]);
    // `--class` keeps its filter on every row and report.
    let addressed = crate::cli::csv_records(&crate::cli::stdout_of(
        hria()
            .args([
                "gaps",
                "--per-org",
                "--format",
                "csv",
                "--class",
                "addressed",
                "--index",
            ])
            .arg(&index),
    ));
    assert!(
        addressed[1..].iter().all(|r| r[0] == "addressed"),
        "{addressed:?}"
    );
    let json = run(&["--per-org", "--class", "addressed"]);
    for r in std::iter::once(&json).chain(json["per_organisation"].as_array().unwrap()) {
        assert!(
            r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["class"] == "addressed"),
            "{r}"
        );
    }
}

/// A heading names the step its section is about ("Grievance and remedy"), which is no report of
/// the step taken: the passages under it decide.
#[test]
fn a_heading_s_step_is_no_step_taken() {
    let (_d, index) = index_of(&[(
        "policy.md",
        "# Policy\n\n## Grievance and remedy\n\nWe are committed to respecting the rights of workers to be free from forced labour.\n",
    )]);
    let r = doc_gaps(&index, "policy.md");
    let f = finding(&r, "right/labour/forced-labour");
    assert_eq!(f["class"], "commitment-only", "{f}");
    // A heading that names the subject is shown after the passages that say something of it.
    let (_d, index) = index_of(&[(
        "people.md",
        "# Policy\n\n## Forced labour\n\nWe are committed to eliminating forced labour from our operations.\n",
    )]);
    let r = doc_gaps(&index, "people.md");
    let f = finding(&r, "right/labour/forced-labour");
    let first = &f["evidence"][0];
    assert_eq!(first["role"], "addresses", "{f}");
    assert_eq!(first["passage"], "people.md#0002-dfa26ff5", "{f}");
    assert_eq!(f["evidence"][1]["snippet"], "[[Forced labour]]", "{f}");
}

#[test]
fn missing_or_foreign_index_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let out = hria()
        .arg("gaps")
        .arg("--index")
        .arg(d.path().join("none"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no index at") && err.contains("hria index"),
        "{err}"
    );

    // An index whose manifest says another schema version.
    let index = tantivy::Index::create_in_dir(d.path(), hria::index::schema::schema()).unwrap();
    let mut w: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    let mut c = w.prepare_commit().unwrap();
    c.set_payload(
        r#"{"schema_version": 999, "taxonomy_version": "", "taxonomy_hash": "", "documents": {}}"#,
    );
    c.commit().unwrap();
    drop(w);
    let out = hria()
        .arg("gaps")
        .arg("--index")
        .arg(d.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("schema version") && err.contains("--rebuild"),
        "{err}"
    );
}

/// Without --taxonomy the built-in one is loaded, not the one the index was tagged with:
/// `coverage` warns and exits 3 (its rows of zeros mean nothing to a script), and `gaps`, which
/// reports what was not found, refuses (every entry the index was never tagged with would be
/// reported as not mentioned).
#[test]
fn another_taxonomy_than_the_indexed_one_is_warned_about_or_refused() {
    let d = statement_index();
    let run = |cmd: &str| {
        hria()
            .arg(cmd)
            .arg("--index")
            .arg(d.path())
            .output()
            .unwrap()
    };
    let out = run("coverage");
    assert_eq!(out.status.code(), Some(3));
    assert!(!out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning") && err.contains("test-1"), "{err}");
    let out = run("gaps");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("test-1") && err.contains("--taxonomy"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// The real pipeline on the statement: `hria index`, then `hria gaps` with the built-in taxonomy.
#[test]
fn real_pipeline_on_the_statement() {
    let (_d, index) = real_statement_index();
    let r = builtin_gaps_json(&index);
    assert_eq!(class(&r, "instrument/GENEVA"), "cited-only");
    assert_eq!(class(&r, "instrument/ROME"), "cited-only");
    assert_eq!(class(&r, "instrument/CAT"), "not-mentioned");
    assert_eq!(class(&r, "instrument/CPED"), "not-mentioned");
    assert_eq!(class(&r, "instrument/ILO-FPRW"), "addressed");
    // Its steps for defenders are pledged ("承诺…作为我们人权尽职调查的一部分"), not reported.
    assert_eq!(class(&r, "instrument/UNDHRD"), "commitment-only");
    assert_eq!(class(&r, "group/human-rights-defenders"), "commitment-only");
    // Religion is only a ground of discrimination there (活动 of 商业活动 confirms nothing).
    assert_eq!(class(&r, "right/civil-political/religion"), "not-mentioned");
    // What the README's worked example says of the statement: the classes' counts, the rights
    // addressed only by commitments, and the water-use rights tracked with the climate commitment.
    let mut counts = std::collections::BTreeMap::new();
    for f in r["findings"].as_array().unwrap() {
        *counts.entry(f["class"].as_str().unwrap()).or_insert(0) += 1;
    }
    let expected = [
        ("addressed", 49),
        ("cited-only", 2),
        ("commitment-only", 7),
        ("not-mentioned", 21),
    ];
    assert_eq!(counts, expected.into_iter().collect(), "{counts:?}");
    // The supplier section joins the Responsible Business Alliance in the passage that commits to
    // end forced labour: action there.
    let forced = finding(&r, "right/labour/forced-labour");
    assert_eq!(
        (forced["class"].as_str(), forced["strongest"].as_str()),
        (Some("addressed"), Some("action"))
    );
    let tag = "right/labour/child-labour";
    assert_eq!(class(&r, tag), "commitment-only", "{tag}");
    // The statement has a grievance mechanism and remedy, but not in this section.
    let f = finding(&r, tag);
    assert_eq!(f["elements"], serde_json::json!(["commitment"]), "{tag}");
    let elsewhere = strs(&f["in_documents_only"]);
    assert!(
        elsewhere.contains(&"grievance-mechanism") && elsewhere.contains(&"remedy"),
        "{tag}: {elsewhere:?}"
    );
    let water = finding(&r, "right/economic-social-cultural/water");
    assert_eq!(
        (water["class"].as_str(), water["strongest"].as_str()),
        (Some("addressed"), Some("tracking"))
    );
}

/// Each evidence item's `range` slices the statement's bytes to exactly its `matched` text, inside
/// its `passage_range`.
#[test]
fn evidence_ranges_slice_the_source_to_the_match() {
    let (_d, index) = real_statement_index();
    let r = builtin_gaps_json(&index);
    let source = std::fs::read(statement::statement_path()).unwrap();
    let at = |v: &Value, i: usize| v[["start", "end"][i]].as_u64().unwrap() as usize;
    let mut checked = 0;
    for f in r["findings"].as_array().unwrap() {
        for e in f["evidence"].as_array().unwrap() {
            let matched = e["matched"].as_str().unwrap();
            assert!(!matched.is_empty(), "{e}");
            let (range, passage) = (&e["range"], &e["passage_range"]);
            assert_eq!(
                &source[at(range, 0)..at(range, 1)],
                matched.as_bytes(),
                "{e}"
            );
            assert!(
                at(passage, 0) <= at(range, 0) && at(range, 1) <= at(passage, 1),
                "{e}"
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} evidence items");
}

/// An instrument is named by its id in any case, an abbreviation or a title; an unknown one gets
/// only the ids close to it, compared without the `instrument/` prefix.
#[test]
fn instruments_are_found_by_id_abbreviation_or_title_and_typos_get_near_ids() {
    let (_d, index) = real_statement_index();
    let run = |name: &str| {
        hria()
            .args(["gaps", "--format", "json", "--instrument", name, "--index"])
            .arg(&index)
            .output()
            .unwrap()
    };
    for (name, id) in [
        ("udhr", "instrument/UDHR"),
        ("ICC", "instrument/ROME"),
        ("C029", "instrument/ILO-FPRW"),
        ("世界人權宣言", "instrument/UDHR"),
        ("universal declaration of human rights", "instrument/UDHR"),
    ] {
        let out = run(name);
        assert!(out.status.success(), "{name}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v.to_string().contains(&format!("\"{id}\"")), "{name}: {v}");
    }
    for (name, hint) in [
        ("ICCRP", "did you mean instrument/ICCPR?"),
        ("xyz", "see `hria taxonomy list`"),
    ] {
        let out = run(name);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(&format!("no instrument `{name}`")), "{err}");
        assert!(err.contains(hint), "{err}");
    }
}

/// `hria gaps --format json --doc DOC` on `index`.
fn doc_gaps(index: &Path, doc: &str) -> Value {
    json_of(
        hria()
            .args(["gaps", "--format", "json", "--doc", doc, "--index"])
            .arg(index),
    )
}

/// A passage that only mentions a right is not a commitment: `mentioned-only`.
#[test]
fn a_mere_mention_is_mentioned_only_and_a_commitment_is_commitment_only() {
    let (_d, index) = index_of(&[
        (
            "risk.txt",
            "Forced labour risks exist in the electronics industry.\n",
        ),
        ("pledge.txt", "We commit to eliminate forced labour.\n"),
    ]);
    let gaps = |doc: &str| doc_gaps(&index, doc);
    let risk = gaps("risk.txt");
    let f = finding(&risk, "right/labour/forced-labour");
    assert_eq!(f["class"], "mentioned-only", "{f}");
    assert_eq!(f["elements"], serde_json::json!([]));
    assert_eq!(f["aspiration"], false);
    assert_eq!(f["evidence"][0]["role"], "addresses");
    let lf = f["looked_for"].to_string();
    assert!(lf.contains("same-section:stance/commitment"), "{lf}");
    assert!(lf.contains("same-section:hrdd/remedy"), "{lf}");

    let pledge = gaps("pledge.txt");
    let f = finding(&pledge, "right/labour/forced-labour");
    assert_eq!(f["class"], "commitment-only", "{f}");
    assert_eq!(f["elements"], serde_json::json!(["commitment"]));

    let out = hria()
        .args([
            "gaps",
            "--doc",
            "risk.txt",
            "--fail-on",
            "mentioned-only",
            "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("mentioned-only"), "{table}");
}

/// A step the company only plans is a commitment to it, not the step: "we will establish
/// remediation procedures" leaves forced labour `commitment-only`, where the same step reported
/// taken makes it `addressed`.
#[test]
fn a_planned_step_is_a_commitment_not_the_step() {
    let (_d, index) = index_of(&[
        (
            "plan.txt",
            "Where forced labour is found, we will establish the necessary remediation procedures.\n",
        ),
        (
            "done.txt",
            "Where forced labour was found, we provided remediation to the affected workers.\n",
        ),
    ]);
    let plan = doc_gaps(&index, "plan.txt");
    let f = finding(&plan, "right/labour/forced-labour");
    assert_eq!(f["class"], "commitment-only", "{f}");
    assert_eq!(f["elements"], serde_json::json!(["commitment"]), "{f}");
    let done = doc_gaps(&index, "done.txt");
    let f = finding(&done, "right/labour/forced-labour");
    assert_eq!(f["class"], "addressed", "{f}");
    assert_eq!(f["strongest"], "remedy", "{f}");
    // Search still finds the plan as a passage about remedy.
    let hits = jsonl_of(
        hria()
            .args([
                "search",
                "*",
                "--tag",
                "hrdd/remedy",
                "--format",
                "jsonl",
                "--index",
            ])
            .arg(&index),
    );
    assert_eq!(hits.len(), 2, "{hits:?}");
}

/// A general catalogue (the UDHR, the Covenants) is addressed by every right it protects only
/// where a document names it; unnamed, it counts only where the tagger found it covered, as
/// `search --tag` and `coverage` count it.
#[test]
fn a_catalogue_is_addressed_through_its_links_only_where_it_is_named() {
    let (_d, index) = index_of(&[
        (
            "slavery.txt",
            "We prohibit forced labour and child labour in our supply chain.\n",
        ),
        (
            "privacy.txt",
            "We respect the International Covenant on Civil and Political Rights.\n\nWe audit how we protect the privacy of our users.\n",
        ),
    ]);
    let gaps = |doc: &str| doc_gaps(&index, doc);
    let slavery = gaps("slavery.txt");
    for id in ["instrument/UDHR", "instrument/ICCPR", "instrument/UNGC"] {
        assert_eq!(class(&slavery, id), "not-mentioned", "{id}");
    }
    assert_eq!(class(&slavery, "instrument/ILO-FPRW"), "commitment-only");
    let privacy = gaps("privacy.txt");
    let f = finding(&privacy, "instrument/ICCPR");
    assert_eq!(f["class"], "addressed", "{f}");
    assert_eq!(f["addressing_passages"], 1, "{f}");
    // Over both documents, the ICCPR named in one is not addressed by the other's rights.
    let both = json_of(
        hria()
            .args(["gaps", "--format", "json", "--index"])
            .arg(&index),
    );
    let f = finding(&both, "instrument/ICCPR");
    assert_eq!(f["documents"], serde_json::json!(["privacy.txt"]), "{f}");
    let udhr = finding(&both, "instrument/UDHR");
    assert_eq!(udhr["class"], "not-mentioned", "{udhr}");
    let slavery_gaps = both["per_document"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["doc"] == "slavery.txt")
        .unwrap();
    assert!(slavery_gaps["missing"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["tag"] == "instrument/ICCPR"));
    // Coverage and search count the same passages.
    let coverage = json_of(
        hria()
            .args(["coverage", "--format", "json", "--index"])
            .arg(&index),
    );
    let mut counted = 0;
    for row in coverage["rows"].as_array().unwrap() {
        let tag = row["tag"].as_str().unwrap();
        let hits = hria()
            .args(["search", "*", "--tag", tag, "--format", "jsonl", "--index"])
            .arg(&index)
            .output()
            .unwrap();
        let found = String::from_utf8(hits.stdout).unwrap().lines().count() as u64;
        assert_eq!(row["passages"], found, "{tag}");
        counted += found;
    }
    assert!(counted > 3, "{counted}");
}

/// `--format csv` has a row per finding shown, in the table's order, with the JSON's class,
/// counts, strongest element, the table's letters and the first evidence item; `--bom` starts it
/// with a byte-order mark.
#[test]
fn csv_rows_follow_the_findings() {
    let d = statement_index();
    let json = gaps_json(d.path(), &["--class", "addressed,cited-only"]);
    let out = gaps_cmd(
        d.path(),
        &["--format", "csv", "--class", "addressed,cited-only"],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "class,tag,name_en,name_zh,cited,cited_passages,addressing_passages,documents,strongest,\
         due_diligence,evidence_role,evidence_passage,evidence_section,evidence_rule,evidence_snippet,\
         found_not_counted,scope,doc,org,evidence_start,evidence_end,strongest_passage,strongest_rule,\
         strongest_snippet,strongest_start,strongest_end"
    );
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(lines.len() - 1, findings.len());
    // Cited-only rows come before addressed ones, as in the table.
    let classes: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let first_addressed = classes.iter().position(|c| *c == "addressed").unwrap();
    assert!(classes[first_addressed..].iter().all(|c| *c == "addressed"));
    assert!(classes[..first_addressed]
        .iter()
        .all(|c| *c == "cited-only"));
    for f in findings {
        let tag = f["tag"].as_str().unwrap();
        let line = lines
            .iter()
            .find(|l| l.split(',').nth(1) == Some(tag))
            .unwrap_or_else(|| panic!("no row {tag}: {csv}"));
        assert!(
            line.contains(&format!(
                ",{},{},{},",
                f["cited_passages"],
                f["addressing_passages"],
                f["documents"].as_array().unwrap().len()
            )),
            "{line} / {f}"
        );
        let ev = &f["evidence"][0];
        assert!(line.contains(ev["passage"].as_str().unwrap()), "{line}");
        if f["class"] == "addressed" {
            assert!(line.contains(f["strongest"].as_str().unwrap()), "{line}");
        }
    }
    let bom = gaps_cmd(d.path(), &["--format", "csv", "--bom"])
        .output()
        .unwrap();
    assert!(bom.stdout.starts_with("\u{feff}class,tag,".as_bytes()));
}

/// An index made by another version of hria's segmentation and tagging, with the same taxonomy,
/// is warned about by `coverage`, `gaps` and `search` (its words and tags may not be this
/// version's), and answered still.
#[test]
fn an_index_of_another_pipeline_version_is_warned_about() {
    let tax = statement::taxonomy();
    let passages = statement::statement_passages(&tax);
    let d = tempfile::tempdir().unwrap();
    let mut manifest = statement::manifest(&[DOC], &tax);
    manifest.payload.pipeline_version = hria::pipeline::PIPELINE_VERSION - 1;
    hria::query::reader::write_index(d.path(), manifest, &passages).unwrap();
    for args in [&["coverage"][..], &["gaps"], &["search", "*"]] {
        let out = statement::with_test_taxonomy(args[0], d.path(), &args[1..])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            err.contains("warning") && err.contains("an older version of hria"),
            "{args:?}: {err}"
        );
    }
    // This version's index is not warned about.
    let fresh = statement_index();
    let out = gaps_cmd(fresh.path(), &[]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("version of hria"));
}

/// More document records than passages (an index holding documents without passages, as an
/// older hria made them) is no corrupt index: `search` answers, scored among the passages.
#[test]
fn more_records_than_passages_still_searches() {
    let tax = statement::taxonomy();
    let passages = statement::statement_passages(&tax);
    let names: Vec<String> = (0..passages.len() + 5)
        .map(|i| format!("empty{i}.md"))
        .collect();
    let mut docs: Vec<&str> = names.iter().map(String::as_str).collect();
    docs.push(DOC);
    let d = tempfile::tempdir().unwrap();
    hria::query::reader::write_index(d.path(), statement::manifest(&docs, &tax), &passages)
        .unwrap();
    for q in ["*", "强迫劳动"] {
        let out = statement::with_test_taxonomy("search", d.path(), &[q, "--limit", "0"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{q}: {err}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("matching passage"));
    }
}

/// A statement's title is no context: a remedy in a titled statement is no remedy for every right
/// under the title, as it is none in the same text without the title, whether the title is a
/// heading or a bold line; a short page under its topic's heading is one context. Two sections
/// with one heading path are two contexts.
#[test]
fn a_title_or_a_repeated_heading_makes_no_shared_context() {
    let filler = "Our offices recycle paper.\n\n".repeat(12);
    let body = format!("We prohibit forced labour in our supply chain.\n\n{filler}We provide remedy to customers affected by data breaches.\n");
    let twice = "# Policy\n\n## Privacy\n\nPrivacy risks exist in our products.\n\n## Security\n\nWe encrypt data.\n\n## Privacy\n\nWe provide remedy for privacy harms.\n";
    let (_d, index) = index_of(&[
        ("titled.md", &format!("# Modern Slavery Statement 2023\n\n{body}")),
        ("bold.md", &format!("**Modern Slavery Statement 2023**\n\n{body}")),
        (
            "named.md",
            &format!("Contoso Ltd\n\n# Modern Slavery Statement 2023\n\n{body}"),
        ),
        ("untitled.md", &body),
        (
            "topic.md",
            "# Forced labour\n\nWhere cases are found, we provide remedy to all affected workers.\n",
        ),
        ("twice.md", twice),
        // Twelve passages right under a title are still one context; thirteen are not.
        ("twelve.md", &format!("# Modern Slavery Statement 2023\n\nWe prohibit forced labour in our supply chain.\n\n{}We provide remedy to customers affected by data breaches.\n", "Our offices recycle paper.\n\n".repeat(10))),
        ("thirteen.md", &format!("# Modern Slavery Statement 2023\n\nWe prohibit forced labour in our supply chain.\n\n{}We provide remedy to customers affected by data breaches.\n", "Our offices recycle paper.\n\n".repeat(11))),
        ("twicebold.md", &twice.replace("## ", "").replace("Privacy\n", "**Privacy**\n").replace("Security\n", "**Security**\n")),
    ]);
    let r = json_of(
        hria()
            .args(["gaps", "--format", "json", "--doc", "topic.md", "--index"])
            .arg(&index),
    );
    assert_eq!(class(&r, "right/labour/forced-labour"), "addressed");
    let r = json_of(
        hria()
            .args(["gaps", "--format", "json", "--doc", "twelve.md", "--index"])
            .arg(&index),
    );
    assert_eq!(class(&r, "right/labour/forced-labour"), "addressed");
    for doc in [
        "titled.md",
        "bold.md",
        "named.md",
        "untitled.md",
        "thirteen.md",
    ] {
        let r = json_of(
            hria()
                .args(["gaps", "--format", "json", "--doc", doc, "--index"])
                .arg(&index),
        );
        assert_eq!(
            class(&r, "right/labour/forced-labour"),
            "commitment-only",
            "{doc}"
        );
    }
    for doc in ["twice.md", "twicebold.md"] {
        let v = json_of(
            hria()
                .args([
                    "coverage", "--by", "right", "--format", "json", "--doc", doc, "--index",
                ])
                .arg(&index),
        );
        let privacy = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["tag"] == "right/civil-political/privacy")
            .unwrap();
        // Both Privacy sections, apart: of the four privacy passages (the two headings among
        // them), only the second section's two have a remedy in their section.
        let sections = privacy["sections"].as_array().unwrap().len();
        assert_eq!(sections, 2, "{doc}: {privacy}");
        assert_eq!(privacy["passages"], 4, "{doc}: {privacy}");
        assert_eq!(
            privacy["elements"]["remedy"]["section"], 2,
            "{doc}: {privacy}"
        );
    }
}

/// `--instrument` takes a title whole, commas and all, and still splits a list of ids.
#[test]
fn instrument_titles_with_commas_are_taken_whole() {
    let d = statement_index();
    let r = gaps_json(
        d.path(),
        &[
            "--instrument",
            "International Covenant on Economic, Social and Cultural Rights",
        ],
    );
    let tags: Vec<&str> = field_strs(&r["findings"], "tag");
    assert_eq!(tags, ["instrument/ICESCR"]);
    let r = gaps_json(d.path(), &["--instrument", "ICCPR,ICESCR"]);
    assert_eq!(
        field_strs(&r["findings"], "tag"),
        ["instrument/ICCPR", "instrument/ICESCR"]
    );
    let r = gaps_json(
        d.path(),
        &[
            "--instrument",
            "International Covenant on Economic, Social and Cultural Rights,ICCPR",
        ],
    );
    assert_eq!(
        field_strs(&r["findings"], "tag"),
        ["instrument/ICESCR", "instrument/ICCPR"]
    );
}

/// Documents in a language the taxonomy has no keywords for are named, on stderr and in JSON,
/// whatever their findings say; a manifest may give their language's code.
#[test]
fn documents_in_other_languages_are_named() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("politique.md"),
        "# Politique relative aux droits humains\n\nNotre entreprise s'engage à respecter la Déclaration universelle des droits de l'homme et interdit le travail forcé dans toute sa chaîne d'approvisionnement.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("policy.md"), "We prohibit forced labour.\n").unwrap();
    // Detected from the whole text, not outvoted by short headings that read as English.
    std::fs::write(
        corpus.join("rapport.md"),
        "# Rapport annuel\n\n## Human Rights Policy\n\n## Supply Chain\n\n## Our Commitments\n\nNotre groupe publie chaque année un rapport détaillé sur ses engagements en matière de droits humains, de conditions de travail et de protection de l'environnement dans l'ensemble de ses filiales.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("manifest.toml"),
        "[documents.\"politique.md\"]\ntitle = \"Politique\"\nlanguage = \"fr\"\norganization = \"X\"\n",
    )
    .unwrap();
    let index = d.path().join("index");
    let out = hria()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .arg("--quiet")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("2 document(s) in a language other than Chinese and English"),
        "{stderr}"
    );
    let out = hria()
        .args(["gaps", "--format", "json", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(politique.md, rapport.md)"), "{stderr}");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        r["other_language"],
        serde_json::json!(["politique.md", "rapport.md"])
    );
    // The manifest entry was kept: the title is the manifest's.
    // Search folds diacritics, so "forcé" finds the English "forced" too.
    let hits = crate::cli::search_hits(&index, "forcé", &[]);
    let politique = hits.iter().find(|h| h["doc"] == "politique.md");
    assert_eq!(politique.unwrap()["title"], "Politique", "{hits:?}");
    // Reporting on the English document alone names none.
    let out = hria()
        .args(["gaps", "--format", "json", "--doc", "policy.md", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("other than Chinese"));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r.get("other_language").is_none(), "{r}");
}

/// The evidence of a step is a passage that reports it done, where one does, before one that
/// commits to it ("we are committed to managing the risk" is no deed).
#[test]
fn a_step_reported_done_is_shown_before_one_committed_to() {
    let (_d, index) = index_of(&[(
        "dd.txt",
        "We are committed to managing the risk of forced labour in our supply chain.\n\nIn 2023 we conducted supplier audits for forced labour at 40 sites.\n",
    )]);
    let r = builtin_gaps_json(&index);
    let f = finding(&r, "right/labour/forced-labour");
    assert_eq!(f["strongest"], "action", "{f}");
    let dd: Vec<&str> = f["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["role"] == "due-diligence")
        .map(|e| e["matched"].as_str().unwrap())
        .collect();
    assert_eq!(dd, ["supplier audits"], "{f}");
}

/// Words looked for that are in the documents but did not count (an exclude phrase vetoed them,
/// no cue confirmed a weak keyword, a link is tagged where the instrument is neither named nor
/// covered) are not "not found": they are listed apart, with why and where, in JSON, the table
/// and CSV.
#[test]
fn words_found_without_counting_are_not_reported_as_not_found() {
    let (_d, index) = index_of(&[
        (
            "shelter.md",
            "# 反家庭暴力\n\n县级人民政府可以设立临时庇护场所，为家庭暴力受害人提供临时生活帮助。\n",
        ),
        (
            "market.txt",
            "Our pet food business grew in 20 markets this year.\n",
        ),
        (
            "labour.txt",
            "We prohibit forced labour in our supply chain.\n",
        ),
    ]);
    let r = builtin_gaps_json(&index);
    let found = |f: &Value, item: &str| -> Value {
        f["found_not_counted"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["item"] == item)
            .unwrap_or_else(|| panic!("{item} not found, not counted: {f}"))
            .clone()
    };
    let looked = |f: &Value| -> Vec<String> {
        f["looked_for"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    let refugees = finding(&r, "group/refugees");
    assert_eq!(refugees["class"], "not-mentioned");
    let x = found(refugees, "zh:庇护");
    assert_eq!(x["reason"], "excluded", "{x}");
    assert!(
        ["临时庇护", "庇护场所"].contains(&x["detail"].as_str().unwrap()),
        "{x}"
    );
    assert!(
        x["passage"].as_str().unwrap().starts_with("shelter.md#"),
        "{x}"
    );
    let lf = looked(refugees);
    assert!(!lf.contains(&"zh:庇护".to_string()), "{lf:?}");
    assert!(lf.contains(&"zh:难民".to_string()), "{lf:?}");
    // The instrument that links the group says the same of the group's keyword.
    assert_eq!(
        found(finding(&r, "instrument/REFUGEE"), "zh:庇护")["reason"],
        "excluded"
    );

    let food = finding(&r, "right/economic-social-cultural/food");
    assert_eq!(food["class"], "not-mentioned");
    let x = found(food, "weak:food");
    assert_eq!(x["reason"], "no-cue", "{x}");
    assert_eq!(x["detail"], Value::Null, "{x}");
    assert!(
        x["passage"].as_str().unwrap().starts_with("market.txt#"),
        "{x}"
    );
    let lf = looked(food);
    assert!(!lf.contains(&"weak:food".to_string()), "{lf:?}");
    assert!(lf.contains(&"en:hunger".to_string()), "{lf:?}");

    // Forced labour is tagged, but the UDHR, not named, is not found covering it: the link is
    // there, and neither it nor its keywords are "not found".
    let udhr = finding(&r, "instrument/UDHR");
    assert_eq!(udhr["class"], "not-mentioned");
    let x = found(udhr, "link:right/labour/forced-labour");
    assert_eq!(x["reason"], "not-covered", "{x}");
    assert!(
        x["passage"].as_str().unwrap().starts_with("labour.txt#"),
        "{x}"
    );
    let lf = looked(udhr);
    for gone in [
        "link:right/labour/forced-labour",
        "tag:right/labour/forced-labour",
        "en:forced labour",
    ] {
        assert!(!lf.contains(&gone.to_string()), "{gone}: {lf:?}");
    }
    assert!(lf.contains(&"cited:instrument/UDHR".to_string()), "{lf:?}");

    // A document without the words has them as not found.
    let labour = doc_gaps(&index, "labour.txt");
    let f = finding(&labour, "group/refugees");
    assert!(looked(f).contains(&"zh:庇护".to_string()), "{f}");
    assert_eq!(f["found_not_counted"], serde_json::json!([]), "{f}");

    let table = crate::cli::stdout_of(
        hria()
            .args(["gaps", "--names", "en", "--index"])
            .arg(&index),
    );
    let block = table
        .split("\ngroup/refugees ")
        .nth(1)
        .and_then(|b| b.split("\n\n").next())
        .unwrap_or_else(|| panic!("{table}"));
    assert!(
        block.contains("found, not counted: zh:庇护 (excluded sense: "),
        "{block}"
    );
    assert!(!block.contains("not found: tag:group/refugees, zh:难民, zh:寻求庇护, zh:庇护,"));
    assert!(
        table.contains("weak:food (no confirming cue; market.txt#"),
        "{table}"
    );

    let csv = crate::cli::stdout_of(
        hria()
            .args(["gaps", "--format", "csv", "--index"])
            .arg(&index),
    );
    let row = csv
        .lines()
        .find(|l| l.contains(",group/refugees,"))
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(
        row.contains(",zh:庇护 (excluded sense: 临时庇护),selection,")
            || row.contains(",zh:庇护 (excluded sense: 庇护场所),selection,"),
        "{row}"
    );
}

/// Three statements, two of them with an organisation in the manifest.
fn three_statements() -> (tempfile::TempDir, std::path::PathBuf) {
    crate::cli::index_with_manifest(
        &[
            (
                "a.txt",
                "We respect the Universal Declaration of Human Rights.\n\nWe prohibit forced labour in our supply chain and audit our suppliers every year.\n",
            ),
            (
                "b.txt",
                "We are committed to the International Covenant on Civil and Political Rights.\n\nWe protect the privacy of our staff.\n",
            ),
            (
                "c.txt",
                "We are committed to eliminating child labour.\n\nWorkers may report concerns through our grievance mechanism.\n",
            ),
        ],
        "[documents.\"a.txt\"]\norganisation = \"Jellyfish, Inc.\"\n\n\
         [documents.\"b.txt\"]\norganisation = \"Otter Ltd\"\n",
    )
}

/// The per-document part of `gaps` names each document's organisation where the manifest gives
/// one: in the table, and in the JSON (`null` where it gives none).
#[test]
fn per_document_gaps_name_the_organisation() {
    let (_d, index) = three_statements();
    let table = crate::cli::stdout_of(hria().args(["gaps", "--index"]).arg(&index));
    let section = table
        .split("Instruments other documents cover and these do not:")
        .nth(1)
        .unwrap_or_else(|| panic!("{table}"));
    assert!(
        section.contains("\na.txt  [Jellyfish, Inc.]\n"),
        "{section}"
    );
    assert!(section.contains("\nc.txt\n"), "{section}");
    // Those lists are no class: `--class` leaves them out, and a class with no finding says
    // so instead of a header over no row.
    let cited = crate::cli::stdout_of(
        hria()
            .args(["gaps", "--class", "cited-only", "--index"])
            .arg(&index),
    );
    assert!(
        cited.starts_with("no finding of the classes chosen\n\n"),
        "{cited}"
    );
    assert!(!cited.contains("Instruments other documents"), "{cited}");
    let r = builtin_gaps_json(&index);
    let per = r["per_document"].as_array().unwrap();
    let org = |doc: &str| {
        per.iter()
            .find(|p| p["doc"] == doc)
            .unwrap_or_else(|| panic!("{doc}: {per:?}"))["organisation"]
            .clone()
    };
    assert_eq!(org("a.txt"), "Jellyfish, Inc.");
    assert_eq!(org("b.txt"), "Otter Ltd");
    assert_eq!(org("c.txt"), Value::Null);
}

/// Each CSV row gives the byte range of its first evidence, and the passage, rule, snippet and
/// byte range of the evidence for its strongest step, which the first evidence (often the
/// citation) is not; both ranges slice the document to the matched words.
#[test]
fn csv_rows_give_the_strongest_steps_evidence_and_byte_ranges() {
    let (d, index) = three_statements();
    let rows = crate::cli::csv_records(&crate::cli::stdout_of(
        hria()
            .args(["gaps", "--format", "csv", "--doc", "a.txt", "--index"])
            .arg(&index),
    ));
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let row = rows
        .iter()
        .find(|r| r[col("tag")] == "right/labour/forced-labour")
        .unwrap();
    assert_eq!(row[col("class")], "addressed", "{row:?}");
    let source = std::fs::read_to_string(d.path().join("corpus/a.txt")).unwrap();
    let slice = |start: &str, end: &str| {
        source[start.parse::<usize>().unwrap()..end.parse::<usize>().unwrap()].to_lowercase()
    };
    assert_eq!(
        slice(&row[col("evidence_start")], &row[col("evidence_end")]),
        "forced labour"
    );
    let strongest = &row[col("strongest")];
    assert!(!strongest.is_empty(), "{row:?}");
    assert!(
        row[col("strongest_passage")].starts_with("a.txt#"),
        "{row:?}"
    );
    assert!(row[col("strongest_snippet")].contains("[["), "{row:?}");
    let step = slice(&row[col("strongest_start")], &row[col("strongest_end")]);
    assert!(
        row[col("strongest_snippet")]
            .to_lowercase()
            .contains(&format!("[[{step}]]")),
        "{row:?}"
    );
    // A finding without a step has the columns empty.
    let none = rows
        .iter()
        .find(|r| r[col("class")] == "not-mentioned")
        .unwrap();
    assert!(none[col("strongest_passage")].is_empty() && none[col("evidence_start")].is_empty());
}

/// A report on the documents of two or more organisations warns that each finding is theirs
/// together, naming them; one organisation's documents, chosen with `--org`, do not.
#[test]
fn gaps_over_several_organisations_warn_that_findings_are_shared() {
    let (_d, index) = three_statements();
    let all = crate::cli::on_index(&index, &["gaps"]);
    assert!(all.status.success(), "{all:?}");
    let err = String::from_utf8_lossy(&all.stderr);
    assert!(
        err.contains("of 2 organisations (Jellyfish, Inc.; Otter Ltd)"),
        "{err}"
    );
    let one = crate::cli::on_index(&index, &["gaps", "--org", "Otter Ltd"]);
    assert!(one.status.success(), "{one:?}");
    assert!(
        !String::from_utf8_lossy(&one.stderr).contains("organisations"),
        "{one:?}"
    );
}

/// One organisation spelt two ways in the manifest, as `--org` matches it, is one: no warning.
#[test]
fn one_organisation_spelt_two_ways_is_no_mix() {
    let (_d, index) = crate::cli::index_with_manifest(
        &[
            ("a.txt", "We prohibit forced labour.\n"),
            ("b.txt", "We respect the privacy of our staff.\n"),
        ],
        "[documents.\"a.txt\"]\norganisation = \"Contoso\"\n\n[documents.\"b.txt\"]\norganisation = \"CONTOSO \"\n",
    );
    let out = crate::cli::on_index(&index, &["gaps"]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("organisations"),
        "{out:?}"
    );
}

/// Options that do not apply to the report asked for are errors, not warnings a script would
/// miss: `gaps --per-doc` without CSV, `coverage --count` without `--per-doc`.
#[test]
fn options_that_do_not_apply_are_errors() {
    let (_d, index) = three_statements();
    for args in [
        &["gaps", "--per-doc"][..],
        &["gaps", "--per-doc", "--format", "json"],
        &["coverage", "--count", "cited"],
    ] {
        let out = crate::cli::on_index(&index, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("applies to"), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: {out:?}");
    }
}

/// `gaps --format csv` keeps its columns and adds `scope`, `doc` and `org` at the end; with
/// `--per-doc`, each document's rows follow the selection's, the same as `gaps --doc` on that
/// document alone gives, so that one run gives a class and strongest step per document and entry.
#[test]
fn csv_rows_per_document_with_scope_doc_and_org() {
    let (_d, index) = three_statements();
    let csv = |args: &[&str]| {
        crate::cli::csv_records(&crate::cli::stdout_of(
            hria()
                .args(["gaps", "--format", "csv", "--index"])
                .arg(&index)
                .args(args),
        ))
    };
    let all = csv(&[]);
    assert_eq!(
        all[0].join(","),
        "class,tag,name_en,name_zh,cited,cited_passages,addressing_passages,documents,strongest,\
         due_diligence,evidence_role,evidence_passage,evidence_section,evidence_rule,evidence_snippet,\
         found_not_counted,scope,doc,org,evidence_start,evidence_end,strongest_passage,strongest_rule,\
         strongest_snippet,strongest_start,strongest_end"
    );
    let entries = all.len() - 1;
    assert!(entries > 20, "{all:?}");
    // Without --per-doc, the selection's rows alone, as before.
    assert!(all[1..]
        .iter()
        .all(|r| r[16..19] == ["selection".to_string(), String::new(), String::new()]));
    let per_doc = csv(&["--per-doc"]);
    assert_eq!(per_doc[..=entries], all[..]);
    let rows = &per_doc[entries + 1..];
    assert_eq!(rows.len(), 3 * entries);
    for (doc, org) in [
        ("a.txt", "Jellyfish, Inc."),
        ("b.txt", "Otter Ltd"),
        ("c.txt", ""),
    ] {
        let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[17] == doc).collect();
        assert_eq!(mine.len(), entries, "{doc}");
        assert!(
            mine.iter().all(|r| r[16] == "document" && r[18] == org),
            "{doc}: {mine:?}"
        );
        // The same rows as a report on that document alone, whose selection is that document.
        let alone = csv(&["--doc", doc]);
        assert_eq!(alone.len(), entries + 1, "{doc}");
        for (a, m) in alone[1..].iter().zip(&mine) {
            assert_eq!(a[..16], m[..16], "{doc}");
            assert_eq!(a[16..19], ["selection", doc, org], "{doc}");
            assert_eq!(a[19..], m[19..], "{doc}");
        }
    }
    // Per document, the classes differ from the selection's: a.txt alone does not address the
    // ICCPR that b.txt names.
    let class_of = |doc: &str, tag: &str| {
        rows.iter()
            .find(|r| r[17] == doc && r[1] == tag)
            .map(|r| r[0].clone())
            .unwrap_or_default()
    };
    assert_eq!(class_of("a.txt", "instrument/ICCPR"), "not-mentioned");
    assert_ne!(class_of("b.txt", "instrument/ICCPR"), "not-mentioned");
    // `--class` keeps the same classes in the rows per document.
    let addressed = csv(&["--per-doc", "--class", "addressed"]);
    assert!(addressed[1..].iter().all(|r| r[0] == "addressed"));
    assert!(addressed[1..].iter().any(|r| r[16] == "document"));
}

/// An organisation or a document kind from the manifest reaches every table escaped as a title
/// is, a line break too: `hria gaps`'s per-document list, `coverage --per-doc`'s document list,
/// `search`'s hit lines and the gap CSV's `org` column each printed a line break in one raw,
/// which broke the line (or the record) in two. JSON keeps the value, escaped its own way.
#[test]
fn organisation_and_kind_with_a_line_break_stay_on_their_line() {
    let (_d, index) = crate::cli::index_with_manifest(
        &[
            (
                "a.txt",
                "We respect the Universal Declaration of Human Rights.\n\nWe prohibit forced labour in our supply chain.\n",
            ),
            (
                "b.txt",
                "We are committed to the International Covenant on Civil and Political Rights.\n",
            ),
        ],
        "[documents.\"a.txt\"]\norganisation = \"Jelly\\nfish \\u202eInc\"\nkind = \"pol\\ticy\"\n",
    );
    let org = "Jelly\\u{a}fish \\u{202e}Inc";
    let run = |args: &[&str]| crate::cli::stdout_of(hria().args(args).arg("--index").arg(&index));
    let gaps = run(&["gaps"]);
    assert!(gaps.contains(&format!("\na.txt  [{org}]\n")), "{gaps}");
    let matrix = run(&["coverage", "--per-doc"]);
    assert!(matrix.contains(&format!("  a.txt  [{org}]\n")), "{matrix}");
    let hits = run(&["search", "forced labour"]);
    assert!(
        hits.contains(&format!(" [{org}, pol\\u{{9}}icy] (a.txt)")),
        "{hits}"
    );
    for out in [&gaps, &matrix, &hits] {
        assert!(!out.contains(['\u{202e}', '\t']), "{out}");
        assert!(!out.contains("Jelly\n"), "{out}");
    }
    let csv = crate::cli::csv_records(&run(&["gaps", "--format", "csv", "--per-doc"]));
    assert!(
        csv.iter().any(|r| r[17] == "a.txt" && r[18] == org),
        "{csv:?}"
    );
    let json = builtin_gaps_json(&index);
    let per = json["per_document"].as_array().unwrap();
    assert!(
        per.iter()
            .any(|p| p["doc"] == "a.txt" && p["organisation"] == "Jelly\nfish \u{202e}Inc"),
        "{per:?}"
    );
}

/// Two made-up companies, each with three documents in three encodings (a GB18030 report, a Big5
/// supplier code, an HTML policy; a Markdown statement, a UTF-16 grievance procedure, a Chinese
/// letter), compared side by side: the gaps planted in them are found, and what only a code
/// states or a heading names is no step taken.
#[test]
fn two_companies_compared_side_by_side() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/two-companies");
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    crate::cli::index_corpus(Path::new(corpus), &index, &[]);
    let r = json_of(
        hria()
            .args(["gaps", "--per-org", "--format", "json", "--index"])
            .arg(&index),
    );
    let orgs = r["per_organisation"].as_array().unwrap();
    let org = |name: &str| orgs.iter().find(|o| o["organisation"] == name).unwrap();
    let (huasheng, thornbury) = (org("Huasheng Electronics"), org("Thornbury & Vale plc"));
    // The manufacturer offers remedy nowhere; the retailer's one remedy, a supplier made to
    // return passports and repay fees, is a deed.
    assert_eq!(huasheng["steps_nowhere"], serde_json::json!(["remedy"]));
    assert_eq!(thornbury["steps_nowhere"], serde_json::json!([]));
    assert_eq!(
        finding(thornbury, "right/labour/forced-labour")["strongest"],
        "remedy"
    );
    // The retailer names the ILO conventions on association and on child labour, and its code
    // states them, but does nothing on them.
    for tag in [
        "right/labour/association-bargaining",
        "right/labour/child-labour",
    ] {
        assert_eq!(class(thornbury, tag), "commitment-only", "{tag}");
    }
    // The manufacturer never mentions migrant workers, and its firmware checksum (CRC-32) cites no
    // Convention on the Rights of the Child.
    assert_eq!(finding(huasheng, "instrument/CRC")["cited"], false);
    assert_eq!(class(huasheng, "group/migrants"), "not-mentioned");
}
