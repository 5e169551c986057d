//! `hria coverage` on a hand-built index of the Microsoft statement.

use crate::statement;

use crate::cli::{field_strs, hria, json_of, on_index};
use assert_cmd::Command;
use serde_json::Value;
use statement::{build_statement_index, real_statement_index, DOC};
use std::path::Path;
use unicode_width::UnicodeWidthStr;

fn coverage_cmd(index: &Path, args: &[&str]) -> Command {
    statement::with_test_taxonomy("coverage", index, args)
}

fn coverage(index: &Path, args: &[&str]) -> std::process::Output {
    coverage_cmd(index, args).output().unwrap()
}

fn json(index: &Path, args: &[&str]) -> Value {
    json_of(&mut coverage_cmd(
        index,
        &[args, &["--format", "json"]].concat(),
    ))
}

fn row<'a>(v: &'a Value, tag: &str) -> &'a Value {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["tag"] == tag)
        .unwrap_or_else(|| panic!("no row {tag}"))
}

fn index() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    build_statement_index(d.path());
    d
}

#[test]
fn instrument_counts_and_due_diligence_co_occurrence() {
    let d = index();
    let v = json(d.path(), &[]);
    assert_eq!(v["family"], "instrument");
    assert_eq!(v["documents"], 1);
    // Named in the list, in the staff section and in the supplier codes; its rights addressed in
    // the staff section and twice in the supplier section, once where it is not named (the one
    // passage the tagger gives a covered tag: coverage counts what search finds).
    let ilo = row(&v, "instrument/ILO-FPRW");
    assert_eq!(ilo["passages"], 4);
    assert_eq!(ilo["cited"], 3);
    assert_eq!(ilo["covered"], 1);
    assert_eq!(ilo["elements"]["commitment"]["passage"], 2);
    assert_eq!(ilo["elements"]["commitment"]["section"], 4);
    assert_eq!(ilo["elements"]["action"]["passage"], 1);
    assert_eq!(ilo["elements"]["action"]["section"], 2);
    assert_eq!(ilo["elements"]["remedy"]["passage"], 0);
    assert_eq!(ilo["elements"]["remedy"]["section"], 2);
    assert_eq!(ilo["documents"], serde_json::json!([DOC]));
    assert_eq!(ilo["sections"].as_array().unwrap().len(), 3);
    assert_eq!(ilo["sections"][0]["section"][0], "关键影响领域");
}

#[test]
fn every_entry_of_the_family_has_a_row_zero_rows_included() {
    let d = index();
    let v = json(d.path(), &[]);
    let tax = statement::taxonomy();
    let want: Vec<&str> = tax
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| id.starts_with("instrument/"))
        .collect();
    let got = field_strs(&v["rows"], "tag");
    assert_eq!(got, want);
    let cat = row(&v, "instrument/CAT");
    assert_eq!(cat["passages"], 0);
    assert!(cat["documents"].as_array().unwrap().is_empty());
}

#[test]
fn other_families_count_descendant_tags() {
    let d = index();
    let v = json(d.path(), &["--by", "right"]);
    assert_eq!(v["family"], "right");
    // Staff passage, SCoC passage and the supplier commitment carry labour tags.
    assert_eq!(row(&v, "right/labour")["passages"], 3);
    assert_eq!(row(&v, "right/labour/forced-labour")["passages"], 3);
    assert_eq!(row(&v, "right/labour")["cited"], 0);
    let g = json(d.path(), &["--by", "group"]);
    assert_eq!(row(&g, "group/human-rights-defenders")["passages"], 2);
    assert_eq!(
        row(&g, "group/human-rights-defenders")["elements"]["impact-assessment"]["passage"],
        1
    );
    let h = json(d.path(), &["--by", "hrdd"]);
    assert_eq!(row(&h, "hrdd/remedy")["passages"], 2);
}

#[test]
fn csv_has_the_fixed_header_quotes_fields_and_bom_on_request() {
    let d = index();
    let out = coverage(d.path(), &["--format", "csv"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.starts_with('\u{feff}'));
    let mut lines = s.lines();
    assert_eq!(
        lines.next().unwrap(),
        "tag,name_en,name_zh,passages,cited,covered,documents,sections,\
commitment_passage,commitment_section,impact_assessment_passage,impact_assessment_section,\
action_passage,action_section,tracking_passage,tracking_section,\
grievance_mechanism_passage,grievance_mechanism_section,remedy_passage,remedy_section"
    );
    assert!(s.contains(
        "instrument/ICESCR,\"International Covenant on Economic, Social and Cultural Rights\",经济、社会及文化权利国际公约,1,1,0,1,1,"
    ));
    assert_eq!(s.lines().count(), 1 + 15);
    let out = coverage(d.path(), &["--format", "csv", "--bom"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("\u{feff}tag,name_en,"));
}

#[test]
fn table_columns_line_up_with_chinese_names() {
    let d = index();
    let out = coverage(d.path(), &["--names", "zh"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 15);
    assert!(s.contains("禁止酷刑公约"));
    // The last column is right-aligned, so aligned rows all have the same display width.
    let w = lines[0].width();
    for l in &lines {
        assert_eq!(l.width(), w, "{l}");
    }
    // And the PASSAGES column ends at the same display column in every row.
    let end = |l: &str, col: usize| {
        let cells: Vec<&str> = l.split("  ").filter(|c| !c.trim().is_empty()).collect();
        let cell = cells[col].trim();
        let at = l.find(cell).unwrap() + cell.len();
        l[..at].width()
    };
    let e = end(lines[0], 2);
    for l in &lines[1..] {
        assert_eq!(end(l, 2), e, "{l}");
    }
}

/// The statement's index with a second document, `b.md`, of one passage citing the Geneva
/// Conventions.
fn two_document_index() -> tempfile::TempDir {
    two_document_index_with("b.md")
}

/// The statement and a one-passage document `second` citing the Geneva Conventions.
fn two_document_index_with(second: &str) -> tempfile::TempDir {
    let tax = statement::taxonomy();
    let text = statement::statement();
    let mut passages = statement::statement_passages(&tax);
    passages.push(statement::passage(
        &text,
        second,
        0,
        &["x"],
        "- [《日内瓦公约》及其附加议定书](#)",
        &[("instrument/GENEVA", hria::model::Basis::Cited, "日内瓦公约")],
        &tax,
    ));
    let d = tempfile::tempdir().unwrap();
    hria::query::reader::write_index(
        d.path(),
        statement::manifest(&[DOC, second], &tax),
        &passages,
    )
    .unwrap();
    d
}

#[test]
fn per_doc_matrix_counts_passages_per_document() {
    let d = two_document_index();
    let v = json(d.path(), &["--per-doc"]);
    assert_eq!(v["documents"], serde_json::json!(["b.md", DOC]));
    assert_eq!(row(&v, "instrument/GENEVA")["counts"]["b.md"], 1);
    assert_eq!(row(&v, "instrument/GENEVA")["counts"][DOC], 1);
    assert_eq!(row(&v, "instrument/ILO-FPRW")["counts"]["b.md"], 0);
    assert_eq!(row(&v, "instrument/ILO-FPRW")["counts"][DOC], 4);

    let out = coverage(d.path(), &["--per-doc", "--format", "csv"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with(&format!("tag,name_en,name_zh,b.md,{DOC}\r\n")));
    let out = coverage(d.path(), &["--per-doc"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("D1  b.md") && s.contains(&format!("D2  {DOC}")),
        "{s}"
    );
}

/// `--count cited` and `--count covered` split an instrument's per-document cells the way the
/// summary's CITED and COVERED columns do: which companies name an instrument, which only
/// address what it protects.
#[test]
fn per_doc_count_keeps_cited_and_covered_apart() {
    let d = two_document_index();
    let cited = json(d.path(), &["--per-doc", "--count", "cited"]);
    let covered = json(d.path(), &["--per-doc", "--count", "covered"]);
    let all = json(d.path(), &["--per-doc"]);
    assert_eq!(cited["count"], "cited");
    assert_eq!(all["count"], "passages");
    let ilo = "instrument/ILO-FPRW";
    assert_eq!(row(&cited, ilo)["counts"][DOC], 3);
    assert_eq!(row(&covered, ilo)["counts"][DOC], 1);
    assert_eq!(row(&cited, "instrument/GENEVA")["counts"]["b.md"], 1);
    assert_eq!(row(&covered, "instrument/GENEVA")["counts"]["b.md"], 0);
    // Each cell of the whole matrix is its cited cell plus its covered cell.
    let rows = |v: &Value| v["rows"].as_array().unwrap().clone();
    for ((a, c), v) in rows(&all).iter().zip(rows(&cited)).zip(rows(&covered)) {
        for doc in ["b.md", DOC] {
            let n = |r: &Value| r["counts"][doc].as_u64().unwrap();
            assert_eq!(n(a), n(&c) + n(&v), "{} in {doc}", a["tag"]);
        }
    }
    let out = coverage(d.path(), &["--per-doc", "--count", "cited"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Cells: passages naming the instrument."), "{s}");

    // Only instruments are cited or covered.
    let out = coverage(
        d.path(),
        &["--per-doc", "--by", "right", "--count", "cited"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--count cited needs --by instrument"), "{err}");
}

/// `--doc` reports on the passages of the documents named, as if the index held them alone; an id
/// it does not hold is an error with the closest ids.
#[test]
fn doc_selects_the_documents_reported_on() {
    let d = two_document_index();
    let v = json(d.path(), &["--doc", "b.md"]);
    assert_eq!(row(&v, "instrument/GENEVA")["passages"], 1);
    assert_eq!(row(&v, "instrument/ILO-FPRW")["passages"], 0);
    let all = json(d.path(), &[]);
    assert_eq!(row(&all, "instrument/GENEVA")["passages"], 2);
    let out = coverage(d.path(), &["--doc", "b.m"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("no document `b.m`") && err.contains("did you mean b.md"),
        "{err}"
    );
}

/// `--doc` splits at commas, but an id with a comma in it (from a file name) is taken whole, in
/// coverage and in gaps.
#[test]
fn doc_ids_with_a_comma_are_taken_whole() {
    let d = two_document_index_with("b,c.md");
    let v = json(d.path(), &["--doc", "b,c.md"]);
    assert_eq!(row(&v, "instrument/GENEVA")["passages"], 1);
    assert_eq!(row(&v, "instrument/ILO-FPRW")["passages"], 0);
    let v = json(d.path(), &["--doc", "b,c.md", "--doc", DOC]);
    assert_eq!(row(&v, "instrument/GENEVA")["passages"], 2);
    let v = json(d.path(), &["--doc", &format!("{DOC},{DOC}")]);
    assert_eq!(row(&v, "instrument/GENEVA")["passages"], 1);
    let gaps = json_of(&mut statement::with_test_taxonomy(
        "gaps",
        d.path(),
        &["--doc", "b,c.md", "--format", "json"],
    ));
    let geneva = gaps["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["tag"] == "instrument/GENEVA")
        .unwrap()
        .clone();
    assert_eq!(geneva["class"], "cited-only", "{geneva}");
    let out = coverage(d.path(), &["--doc", "b"]);
    assert_eq!(out.status.code(), Some(2));
    // An empty value (`--doc "$IDS"` with nothing in it) is an error, not every document or none.
    for empty in ["", ","] {
        let out = coverage(d.path(), &["--doc", empty]);
        assert_eq!(out.status.code(), Some(2), "{empty:?}");
        let out = statement::with_test_taxonomy("gaps", d.path(), &["--doc", empty])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{empty:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no document ``"));
    }
}

#[test]
fn missing_index_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let out = coverage(&d.path().join("nope"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index at"));
}

/// The real pipeline on the statement: `hria index`, then `hria coverage` with the built-in taxonomy.
#[test]
fn real_pipeline_on_the_statement() {
    let (_d, index) = real_statement_index();
    let v = json_of(
        hria()
            .args(["coverage", "--format", "json", "--index"])
            .arg(&index),
    );
    assert!(row(&v, "instrument/ILO-FPRW")["cited"].as_u64().unwrap() >= 2);
    assert!(row(&v, "instrument/GENEVA")["cited"].as_u64().unwrap() >= 1);
    assert_eq!(row(&v, "instrument/GENEVA")["covered"], 0);
    assert_eq!(row(&v, "instrument/CAT")["passages"], 0);
}

/// Passages outside any heading count as one section of their document, with an empty path, so
/// that a document without headings is not left out of `sections`.
#[test]
fn passages_without_a_section_count_as_one_section_of_their_document() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let text = "We prohibit forced labour.\n\nForced labour audits are run yearly.\n";
    std::fs::write(corpus.join("plain.txt"), text).unwrap();
    std::fs::write(
        corpus.join("titled.md"),
        format!("Intro.\n\n# Labour\n\n{text}"),
    )
    .unwrap();
    let index = d.path().join("index");
    hria()
        .args(["index", "--quiet", "--index"])
        .arg(&index)
        .arg(&corpus)
        .assert()
        .success();
    let v = json_of(
        hria()
            .args(["coverage", "--by", "right", "--format", "json", "--index"])
            .arg(&index),
    );
    let r = row(&v, "right/labour/forced-labour");
    assert_eq!(r["passages"], 4);
    let sections: Vec<(String, usize)> = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let doc = s["doc"].as_str().unwrap().to_string();
            (doc, s["section"].as_array().unwrap().len())
        })
        .collect();
    assert_eq!(
        sections,
        [("plain.txt".to_string(), 0), ("titled.md".to_string(), 1)]
    );
}

/// `--org`, `--doc-kind` and `--year` report on the selected documents as if the index held
/// them alone, in `coverage` and in `gaps`.
#[test]
fn document_filters_report_on_the_selected_documents_alone() {
    let (_tmp, index) = crate::cli::indexed_with_manifest();
    let run = |cmd: &str, args: &[&str]| -> Value {
        json_of(
            hria()
                .arg(cmd)
                .arg("--index")
                .arg(&index)
                .args(["--format", "json"])
                .args(args),
        )
    };
    let all = run("coverage", &[]);
    assert_eq!(all["documents"], 2);
    let passages = |v: &Value| v["passages"].as_u64().unwrap();
    let contoso = run("coverage", &["--org", "CONTOSO"]);
    let fabrikam = run(
        "coverage",
        &["--doc-kind", "code of conduct", "--year", "2024"],
    );
    assert_eq!(contoso["documents"], 1);
    assert_eq!(fabrikam["documents"], 1);
    assert!(passages(&contoso) > 0 && passages(&fabrikam) > 0);
    assert_eq!(passages(&contoso) + passages(&fabrikam), passages(&all));
    for row in contoso["rows"].as_array().unwrap() {
        for d in row["documents"].as_array().unwrap() {
            assert_eq!(d, "labour-policy.zh-Hant.md", "{row}");
        }
    }
    let matrix = run(
        "coverage",
        &["--per-doc", "--by", "right", "--org", "contoso"],
    );
    assert_eq!(
        matrix["documents"],
        serde_json::json!(["labour-policy.zh-Hant.md"]),
        "{matrix}"
    );
    // A --doc the manifest filters leave out is an error in both reports (one check they share).
    for command in ["gaps", "coverage"] {
        let out = hria()
            .args([
                command,
                "--doc",
                "labour-policy.zh-Hant.md",
                "--org",
                "fabrikam ltd",
                "--index",
            ])
            .arg(&index)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is not among those --org"), "{command}: {err}");
    }
    // Names follow the documents reported on: the English one alone gets English names.
    let table = hria()
        .args(["coverage", "--org", "fabrikam ltd", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("Universal Declaration"));
    let gaps = run("gaps", &["--org", "Fabrikam Ltd"]);
    assert_eq!(
        gaps["documents"],
        serde_json::json!(["supplier-code.en.md"])
    );
    assert_eq!(gaps["passages"].as_u64().unwrap(), passages(&fabrikam));
    for cmd in ["coverage", "gaps"] {
        let out = hria()
            .arg(cmd)
            .arg("--index")
            .arg(&index)
            .args(["--year", "1999"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("no document of year 1999") && err.contains(r#"years: "2022", "2024""#),
            "{cmd}: {err}"
        );
    }
}

/// The organisations listed when none matches are quoted with their own quotes escaped, so that
/// a name holding quotes and a comma still reads as one name.
#[test]
fn organisations_with_quotes_are_listed_unambiguously() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "We prohibit forced labour.\n").unwrap();
    std::fs::write(corpus.join("b.txt"), "We respect privacy.\n").unwrap();
    std::fs::write(
        corpus.join("manifest.toml"),
        r#"
[documents."a.txt"]
organisation = 'Acme, "Holdings" Ltd'

[documents."b.txt"]
organisation = "Daws"
"#,
    )
    .unwrap();
    let index = tmp.path().join("index");
    crate::cli::index_corpus(&corpus, &index, &[]);
    for args in [
        &["coverage", "--org", "Nobody"][..],
        &["gaps", "--org", "Nobody"],
        &["search", "*", "--org", "Nobody"],
    ] {
        let out = on_index(&index, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(r#"(organisations: "Acme, \"Holdings\" Ltd", "Daws")"#),
            "{args:?}: {err}"
        );
    }
}

/// `coverage --per-doc` names each document's organisation where the manifest gives one: in
/// the table's legend, and in the JSON beside the ids (`null` where it gives none).
#[test]
fn per_doc_legend_and_json_name_the_organisation() {
    let (_d, index) = crate::cli::index_with_manifest(
        &[
            ("a.txt", "We prohibit forced labour in our supply chain.\n"),
            ("b.txt", "We respect the privacy of our customers.\n"),
        ],
        "[documents.\"a.txt\"]\norganisation = \"Jellyfish, Inc.\"\n",
    );
    let table = crate::cli::stdout_of(
        hria()
            .args(["coverage", "--per-doc", "--index"])
            .arg(&index),
    );
    assert!(
        table.contains("\nD1  a.txt  [Jellyfish, Inc.]\n"),
        "{table}"
    );
    assert!(table.ends_with("\nD2  b.txt\n"), "{table}");
    let v = json_of(
        hria()
            .args(["coverage", "--per-doc", "--format", "json", "--index"])
            .arg(&index),
    );
    assert_eq!(v["documents"], serde_json::json!(["a.txt", "b.txt"]));
    assert_eq!(
        v["organisations"],
        serde_json::json!({"a.txt": "Jellyfish, Inc.", "b.txt": null})
    );
}

/// `coverage --per-doc --format csv` names its documents as `gaps --format csv --per-doc` does,
/// control chars escaped, so that the two can be joined on the document id: the coverage header
/// held a file name's ESC and carriage return raw.
#[test]
fn per_doc_csv_ids_are_escaped_as_the_gap_report_escapes_them() {
    let (_tmp, index) = crate::cli::index_of(&[
        ("esc\u{1b}[31m.md", "We prohibit forced labour.\n"),
        ("cr\rname.md", "We respect the right to privacy.\n"),
        ("plain.md", "We respect freedom of association.\n"),
    ]);
    let stdout = |args: &[&str]| {
        let out = on_index(&index, args);
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let matrix = stdout(&["coverage", "--per-doc", "--format", "csv"]);
    assert!(!matrix.contains('\u{1b}'), "{matrix:?}");
    let header = crate::cli::csv_records(&matrix).remove(0);
    let ids: Vec<&str> = header[3..].iter().map(String::as_str).collect();
    assert_eq!(ids, ["cr\\u{d}name.md", "esc\\u{1b}[31m.md", "plain.md"]);
    let gaps = crate::cli::csv_records(&stdout(&["gaps", "--format", "csv", "--per-doc"]));
    let (scope, doc) = (
        gaps[0].iter().position(|c| c == "scope").unwrap(),
        gaps[0].iter().position(|c| c == "doc").unwrap(),
    );
    let mut gap_ids: Vec<&str> = gaps[1..]
        .iter()
        .filter(|r| r[scope] == "document")
        .map(|r| r[doc].as_str())
        .collect();
    gap_ids.dedup();
    assert_eq!(gap_ids, ids);
}

/// In the per-document matrix, a document the taxonomy cannot read (another language) has its
/// column marked and the mark explained: its zeros say nothing.
#[test]
fn per_document_columns_of_other_languages_are_marked() {
    let (_d, index) = crate::cli::index_of(&[
        (
            "a.es.txt",
            "El Banco no financia actividades que impliquen trabajo infantil o trabajo forzoso en ninguna de sus operaciones.\n",
        ),
        ("b.md", "We prohibit child labour in our operations.\n"),
    ]);
    let out = crate::cli::hria()
        .args(["coverage", "--per-doc", "--by", "right", "--index"])
        .arg(&index)
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("D1*  a.es.txt"), "{table}");
    assert!(table.contains("D2  b.md"), "{table}");
    assert!(
        table.contains("*  in a language other than Chinese and English"),
        "{table}"
    );
}
