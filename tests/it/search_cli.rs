//! `hria search`: Chinese, Traditional and English queries, tag filters, highlighting, output
//! formats and query errors, on the fixture corpus.

use crate::cli::{
    hit_ids, hria, index_corpus, index_of, indexed_with_manifest, on_index, search_hits,
};
use predicates::prelude::PredicateBooleanExt;
use serde_json::Value;
use std::path::PathBuf;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/index/corpus");

/// Indexes the fixture corpus into a temporary index.
fn indexed() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    index_corpus(std::path::Path::new(FIXTURES), &index, &[]);
    (tmp, index)
}

/// The documents of the hits of `query`, sorted.
fn hit_docs(index: &std::path::Path, query: &str) -> Vec<String> {
    let mut d: Vec<String> = search_hits(index, query, &[])
        .iter()
        .map(|h| h["doc"].as_str().unwrap().to_string())
        .collect();
    d.sort();
    d
}

/// The highlighted words of a hit, normalized (so `勞動` reads `劳动`).
fn highlighted(h: &Value) -> Vec<String> {
    let snippet = h["snippet"].as_str().unwrap();
    h["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            // Panics (fails) if a highlight is off a char boundary.
            hria::normalize::normalize_str(&snippet[s..e])
        })
        .collect()
}

#[test]
fn chinese_query_finds_and_highlights_the_passage() {
    let (_tmp, index) = indexed();
    let hs = search_hits(&index, "强迫劳动", &[]);
    assert!(hs.len() >= 2, "{hs:?}");
    for h in &hs {
        let text = hria::normalize::normalize_str(h["text"].as_str().unwrap());
        assert!(text.contains("强迫劳动"), "{text}");
        let words = highlighted(h).concat();
        assert!(words.contains("强迫") && words.contains("劳动"), "{words}");
        let r = &h["range"];
        assert!(r["start"].as_u64() < r["end"].as_u64());
    }
    assert!(hs
        .iter()
        .any(|h| h["doc"] == "microsoft-global-human-rights-statement.zh.md"));
}

#[test]
fn traditional_query_finds_simplified_text_and_back() {
    let (_tmp, index) = indexed();
    let simplified = hit_ids(&search_hits(&index, "强迫劳动", &[]));
    let traditional = hit_ids(&search_hits(&index, "強迫勞動", &[]));
    assert_eq!(simplified, traditional);
    // The Traditional fixture is found by the Simplified query.
    assert!(simplified
        .iter()
        .any(|id| id.starts_with("labour-policy.zh-Hant.md")));
    // Full-width Latin folds too.
    assert_eq!(
        hit_ids(&search_hits(&index, "ＳＣｏＣ", &[])),
        hit_ids(&search_hits(&index, "scoc", &[]))
    );
}

/// Needs the stemming segmenter ("violations" and "violation" share a stem).
#[test]
fn english_query_is_stemmed() {
    let (_tmp, index) = indexed();
    let hs = search_hits(&index, "violations", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert!(hs[0]["text"]
        .as_str()
        .unwrap()
        .contains("violation of this code"));
    assert_eq!(
        hit_ids(&search_hits(&index, "Remedies", &[])),
        hit_ids(&search_hits(&index, "remedy", &[]))
    );
    // Full-width letters fold to ASCII and are stemmed like them.
    assert_eq!(
        hit_ids(&search_hits(&index, "ｖｉｏｌａｔｉｏｎｓ", &[])),
        hit_ids(&hs)
    );
}

/// American and British spellings find each other, with their highlights on the text's own
/// spelling.
#[test]
fn either_spelling_finds_the_other() {
    let (_tmp, index) = index_of(&[
        (
            "uk.md",
            "We prohibit child labour and support the organisation of workers.\n",
        ),
        (
            "us.md",
            "Our suppliers must not use child labor in any form.\n",
        ),
    ]);
    let docs = |q: &str| hit_docs(&index, q);
    assert_eq!(docs("\"child labor\""), ["uk.md", "us.md"]);
    assert_eq!(docs("\"child labour\""), ["uk.md", "us.md"]);
    assert_eq!(docs("organization"), ["uk.md"]);
    let hs = search_hits(&index, "labor", &[]);
    let uk = hs.iter().find(|h| h["doc"] == "uk.md").unwrap();
    let snippet = uk["snippet"].as_str().unwrap();
    let r = &uk["highlights"][0];
    let (a, b) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&snippet[a..b], "labour", "{uk}");
}

/// A hyphenated compound and its closed spelling find each other, and a year inside a fiscal
/// year's code is found by the year; three-part compounds and ranges of years are read as
/// before.
#[test]
fn hyphenated_and_closed_compounds_find_each_other() {
    let (_tmp, index) = index_of(&[
        (
            "hyphen.md",
            "Concerns go to our whistle-blower hotline or by e-mail; see the FY2023 report.\n",
        ),
        (
            "closed.md",
            "Our whistleblowers can write an email to the ethics team.\n",
        ),
        (
            "spaced.md",
            "A whistle blower is protected; state-of-the-art audits ran in 2022-23.\n",
        ),
    ]);
    let docs = |q: &str| hit_docs(&index, q);
    assert_eq!(docs("whistleblower"), ["closed.md", "hyphen.md"]);
    assert_eq!(
        docs("whistle-blower"),
        ["closed.md", "hyphen.md", "spaced.md"]
    );
    assert_eq!(docs("\"whistle blower\""), ["hyphen.md", "spaced.md"]);
    assert_eq!(docs("email"), ["closed.md", "hyphen.md"]);
    assert_eq!(docs("e-mail"), ["closed.md", "hyphen.md"]);
    assert_eq!(docs("+whistle-blower +ethics"), ["closed.md"]);
    assert_eq!(
        docs("whistle-blower's"),
        ["closed.md", "hyphen.md", "spaced.md"]
    );
    assert_eq!(
        docs("whistle-blowers,"),
        ["closed.md", "hyphen.md", "spaced.md"]
    );
    // A hyphenated text holds both forms but is not scored for both: the closed spelling is
    // not ranked below it for that.
    let hs = search_hits(&index, "whistle-blower", &[]);
    let score = |doc: &str| hs.iter().find(|h| h["doc"] == doc).unwrap()["score"].as_f64();
    assert!(score("closed.md") >= score("hyphen.md"), "{hs:?}");
    assert_eq!(docs("2023"), ["hyphen.md"]);
    assert_eq!(docs("fy2023"), ["hyphen.md"]);
    assert_eq!(docs("\"state of the art\""), ["spaced.md"]);
    assert!(docs("stateof").is_empty());
    assert!(docs("202223").is_empty());
    // The closed form is highlighted over the whole hyphenated word.
    let hs = search_hits(&index, "whistleblower", &[]);
    let h = hs.iter().find(|h| h["doc"] == "hyphen.md").unwrap();
    assert_eq!(highlighted(h), ["whistle-blower"], "{h}");
    let hs = search_hits(&index, "2023", &[]);
    assert_eq!(highlighted(&hs[0]), ["2023"], "{}", hs[0]);
}

/// A query cannot know the language of the passages it is to find: words of a passage in
/// another language, or of an English one that names accented places, are found as typed.
#[test]
fn words_are_found_whatever_the_passage_language() {
    let (_tmp, index) = index_of(&[
        (
            "vigilance.fr.md",
            "Le groupe interdit le travail des enfants chez ses fournisseurs et ses sous-traitants.",
        ),
        (
            "cocoa.md",
            "Suppliers in São Paulo, Curaçao and Türkiye: audits, corrective actions, grievances.",
        ),
    ]);
    for (query, doc) in [
        ("enfants", "vigilance.fr.md"),
        ("fournisseurs", "vigilance.fr.md"),
        ("\"travail des enfants\"", "vigilance.fr.md"),
        ("audits", "cocoa.md"),
        ("grievance", "cocoa.md"),
    ] {
        let hs = search_hits(&index, query, &[]);
        assert_eq!(hs.len(), 1, "{query}: {hs:?}");
        assert_eq!(hs[0]["doc"], doc, "{query}");
    }
}

#[test]
fn boolean_operators_and_phrases() {
    let (_tmp, index) = indexed();
    let both = search_hits(&index, "forced AND child", &[]);
    let either = search_hits(&index, "privacy OR forced", &[]);
    let without = search_hits(&index, "labour NOT forced", &[]);
    assert_eq!(both.len(), 1);
    let mut union = hit_ids(&search_hits(&index, "privacy", &[]));
    union.extend(hit_ids(&search_hits(&index, "forced", &[])));
    union.sort();
    union.dedup();
    assert!(union.len() >= 2);
    assert_eq!(hit_ids(&either), union);
    assert!(without
        .iter()
        .all(|h| !h["text"].as_str().unwrap().contains("forced")));
    assert_eq!(search_hits(&index, "\"forced labour\"", &[]).len(), 1);
    assert!(search_hits(&index, "\"labour forced\"", &[]).is_empty());
}

#[test]
fn doc_filter_restricts_to_one_document() {
    let (_tmp, index) = indexed();
    let hs = search_hits(&index, "强迫劳动", &["--doc", "labour-policy.zh-Hant.md"]);
    assert_eq!(hs.len(), 1);
    assert_eq!(hs[0]["doc"], "labour-policy.zh-Hant.md");
}

/// Needs the tagger: the passages naming 强迫劳动 are tagged right/labour/forced-labour.
#[test]
fn tag_filter_matches_the_tag_and_its_children() {
    let (_tmp, index) = indexed();
    let exact = search_hits(&index, "*", &["--tag", "right/labour/forced-labour"]);
    let parent = search_hits(&index, "*", &["--tag", "right/labour"]);
    assert!(!exact.is_empty());
    let parent_ids = hit_ids(&parent);
    assert!(hit_ids(&exact).iter().all(|id| parent_ids.contains(id)));
    assert!(exact
        .iter()
        .any(|h| hria::normalize::normalize_str(h["text"].as_str().unwrap()).contains("强迫劳动")));
    for h in &exact {
        assert!(h["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["tag"] == "right/labour/forced-labour"));
    }
}

/// `--format csv` has a fixed header and one row per hit, in rank order, with the JSON's
/// document, passage, byte range, tags and text; the matched words marked in the snippet; and
/// `--bom` starts it with a byte-order mark.
#[test]
fn csv_has_a_row_per_hit_with_the_hit_s_fields() {
    let (_tmp, index) = indexed();
    let json = search_hits(&index, "强迫劳动", &[]);
    let out = on_index(
        &index,
        &["search", "强迫劳动", "--format", "csv", "--limit", "20000"],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("\r\n"), "{text}");
    let rows = crate::cli::csv_records(&text);
    assert_eq!(
        rows[0].join(","),
        "rank,score,doc,title,org,doc_kind,year,passage,section,kind,lang,start,end,tags,covers,\
         snippet,text"
    );
    assert_eq!(rows.len() - 1, json.len());
    assert!(json.len() >= 2, "{json:?}");
    for (i, (row, hit)) in rows[1..].iter().zip(&json).enumerate() {
        assert_eq!(row.len(), 17, "{row:?}");
        assert_eq!(row[0], (i + 1).to_string());
        assert_eq!(row[2], hit["doc"].as_str().unwrap());
        assert_eq!(row[7], hit["id"].as_str().unwrap());
        assert_eq!(row[11], hit["range"]["start"].to_string());
        assert_eq!(row[12], hit["range"]["end"].to_string());
        let tags: Vec<&str> = row[13]
            .split("; ")
            .chain(row[14].split("; "))
            .map(|t| t.trim_end_matches(" (planned)"))
            .collect();
        for t in hit["tags"].as_array().unwrap() {
            assert!(tags.contains(&t["tag"].as_str().unwrap()), "{row:?}");
        }
        assert!(row[15].contains("[[") && row[15].contains("]]"), "{row:?}");
        let clean = hit["text"].as_str().unwrap().replace(['\r', '\n'], " ");
        assert_eq!(row[16], clean);
    }
    let bom = on_index(&index, &["search", "强迫劳动", "--format", "csv", "--bom"]);
    assert!(bom.stdout.starts_with("\u{feff}rank,score,".as_bytes()));
}

/// `--bom` outside CSV writes no byte-order mark and says so, in `search`, `coverage` and `gaps`
/// alike; with CSV it is written once, before the header.
#[test]
fn bom_outside_csv_is_warned_about_and_left_out() {
    let (_tmp, index) = indexed();
    for args in [
        &["search", "强迫劳动", "--bom"][..],
        &["coverage", "--bom"],
        &["gaps", "--bom", "--format", "json"],
    ] {
        let out = on_index(&index, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--bom applies to --format csv only"),
            "{args:?}: {err}"
        );
        assert!(!out.stdout.starts_with("\u{feff}".as_bytes()), "{args:?}");
    }
    for args in [
        &["search", "强迫劳动", "--format", "csv", "--bom"][..],
        &["coverage", "--format", "csv", "--bom"],
        &["gaps", "--format", "csv", "--bom"],
    ] {
        let out = on_index(&index, args);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with('\u{feff}'), "{args:?}");
        assert_eq!(text.matches('\u{feff}').count(), 1, "{args:?}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("--bom"),
            "{args:?}"
        );
    }
}

/// A document id a spreadsheet would take for a formula is written as text, and a cut list is
/// said on stderr, not in the rows.
#[test]
fn csv_keeps_formulas_out_and_the_count_on_stderr() {
    let (_tmp, index) = index_of(&[
        ("=cmd.md", "We prohibit forced labour.\n"),
        ("b.md", "Forced labour has no place in our supply chain.\n"),
    ]);
    let out = on_index(
        &index,
        &["search", "forced", "--format", "csv", "--limit", "1"],
    );
    assert_eq!(out.status.code(), Some(0));
    let rows = crate::cli::csv_records(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.len(), 2, "{rows:?}");
    let all = crate::cli::csv_records(
        &String::from_utf8(on_index(&index, &["search", "forced", "--format", "csv"]).stdout)
            .unwrap(),
    );
    assert!(all.iter().any(|r| r[2] == "'=cmd.md"), "{all:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 of 2 matching passages shown"), "{err}");
}

#[test]
fn table_output_marks_highlights_plainly_off_a_terminal() {
    let (_tmp, index) = indexed();
    let out = on_index(&index, &["search", "privacy"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[[privacy]]"), "{text}");
    assert!(text.contains("supplier-code.en.md"), "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn limit_caps_the_hits() {
    let (_tmp, index) = indexed();
    let out = hria()
        .args([
            "search", "我们", "--format", "jsonl", "--limit", "3", "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn malformed_queries_exit_2_with_a_message() {
    let (_tmp, index) = indexed();
    for q in [
        "\"unclosed",
        "(人权 AND",
        "nosuchfield:x",
        "text:[a TO",
        "text:*",
        "nosuch:*",
        "人权 AND lang:*",
    ] {
        hria()
            .args(["search", q, "--index"])
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("invalid query"))
            .stdout("");
    }
    // Messages say what to write instead.
    for (q, says) in [
        (
            "section:grievance",
            "a query may name `text:`, `doc_id:`, `kind:` and `lang:`",
        ),
        ("nosuchfield:x", "there is no field `nosuchfield`"),
        ("tag:right/labour", "write `--tag right/labour`"),
        ("NOT forced", "write `* NOT word`"),
        ("forced~1", "fuzzy matching is not supported"),
        ("lang:fr", "language is zh, en or other"),
        ("kind:chapter", "kind is heading, paragraph, list-item"),
        ("a*", "at least two letters"),
        ("for*ced*", "a `*` ends one word"),
        ("forc*d", "cannot begin a word or stand inside one"),
        ("*ced", "cannot begin a word or stand inside one"),
        ("forced~", "fuzzy matching is not supported"),
        ("forced || labour", "write `OR`"),
        ("forced && labour", "write `AND`"),
        ("\"\"", "an empty phrase"),
        ("人权 \" \"", "an empty phrase"),
        ("text:/sla.*/", "regular expressions"),
    ] {
        hria()
            .args(["search", q, "--index"])
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
    // Each word prefix is an automaton over the terms: thousands of them took gigabytes.
    let many: Vec<String> = (0..300).map(|i| format!("ab{i}*")).collect();
    hria()
        .args(["search", &many.join(" OR "), "--index"])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "300 word prefixes (`word*`); at most 256",
        ));
    // A query opening with an exclusion is read as an option: the message says what to write,
    // where clap's own tip names the wrong token; a query of exclusions only is not told to
    // write another; two words not quoted together have no option to blame; a mistyped option
    // keeps clap's suggestion.
    let refusals: [(&[&str], &str); 7] = [
        (&["-forced"], "write `'* NOT forced'`"),
        (&["-labour -child"], "write `'* NOT labour NOT child'`"),
        // Phrases and groups are moved whole, and an operator left at the front goes.
        (
            &["-\"forced labour\" audit"],
            "(`'audit -\"forced labour\"'`)",
        ),
        (&["-labour OR child"], "(`'child -labour'`)"),
        (
            &["-\"forced labour\" -child"],
            "write `'* NOT \"forced labour\" NOT child'`",
        ),
        (
            &["forced", "labour"],
            "`labour` is one word too many: quote the whole query (`'forced labour'`)",
        ),
        (&["--limt", "5", "forced"], "--limit"),
    ];
    for (args, says) in refusals {
        hria()
            .arg("search")
            .args(args)
            .arg("--index")
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
    // An empty query (an unset shell variable) asks for nothing; `*` asks for everything. So
    // does one of chars that read as nothing.
    for q in ["", "  ", "\u{200b}", "\u{feff} "] {
        hria()
            .args(["search", q, "--index"])
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("empty query"))
            .stdout("");
    }
}

#[test]
fn deeply_nested_queries_are_refused_and_long_ones_cut_in_the_message() {
    let (_tmp, index) = indexed();
    let deep = [
        format!("{}强迫劳动{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}x", "NOT ".repeat(20_000)),
        format!("{}x{}", "a AND NOT (".repeat(3_000), ")".repeat(3_000)),
    ];
    for q in &deep {
        let out = hria()
            .args(["search", q, "--index"])
            .arg(&index)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("levels deep") && err.len() < 1_000, "{err}");
    }
    // Nesting a person would write still works.
    hria()
        .args(["search", "((强迫劳动 OR 童工) AND NOT (工会))", "--index"])
        .arg(&index)
        .assert()
        .code(0);
}

#[test]
fn bad_filters_exit_2() {
    let (_tmp, index) = indexed();
    hria()
        .args(["search", "*", "--tag", "/", "--index"])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("empty tag"));
    hria()
        .args(["search", "*", "--cited", "", "--index"])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("empty instrument"));
    // An unknown instrument gets suggestions, and no note on tag paths, which it has none of.
    hria()
        .args(["search", "*", "--cited", "C", "--index"])
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean instrument/CEDAW"))
        .stderr(predicates::str::contains("path segments").not());
    hria()
        .args(["search", "*", "--lang", "klingon", "--index"])
        .arg(&index)
        .assert()
        .code(2);
}

#[test]
fn another_taxonomy_gives_a_warning() {
    let (tmp, index) = indexed();
    let tax = tmp.path().join("tax.toml");
    std::fs::write(
        &tax,
        "version = \"test-1\"\n\n[[entry]]\nid = \"right/privacy\"\nname_en = \"Privacy\"\nname_zh = \"隐私\"\nen = [\"privacy\"]\n",
    )
    .unwrap();
    hria()
        .args(["search", "privacy", "--index"])
        .arg(&index)
        .arg("--taxonomy")
        .arg(&tax)
        .assert()
        .success()
        .stderr(predicates::str::contains("warning"))
        .stderr(predicates::str::contains("test-1"));
    hria()
        .args(["search", "privacy", "--index"])
        .arg(&index)
        .assert()
        .success()
        .stderr(predicates::str::contains("warning").count(0));
}

/// The statement says 我们承诺在供应链中消除人口贩卖和强迫劳动: both words, not side by side.
#[test]
fn unquoted_chinese_query_requires_each_word_and_quotes_keep_the_phrase() {
    let (_tmp, index) = indexed();
    let doc = ["--doc", "microsoft-global-human-rights-statement.zh.md"];
    let joined = search_hits(&index, "供应链强迫劳动", &doc);
    let spaced = search_hits(&index, "供应链 强迫劳动", &doc);
    assert!(!joined.is_empty());
    assert_eq!(hit_ids(&joined), hit_ids(&spaced));
    for h in &joined {
        let text = h["text"].as_str().unwrap();
        assert!(
            text.contains("供应链") && text.contains("强迫劳动"),
            "{text}"
        );
    }
    // Quoted, it is the exact phrase, which the statement does not contain.
    assert!(search_hits(&index, "\"供应链强迫劳动\"", &doc).is_empty());
    // With a field and inside boolean operators too.
    assert_eq!(
        hit_ids(&search_hits(&index, "text:供应链强迫劳动", &doc)),
        hit_ids(&joined)
    );
    let or = hit_ids(&search_hits(&index, "供应链强迫劳动 OR privacy", &[]));
    assert!(hit_ids(&joined).iter().all(|id| or.contains(id)));
    let all = hit_ids(&search_hits(&index, "强迫劳动", &doc));
    for q in ["强迫劳动 AND NOT 供应链消除", "强迫劳动 -供应链消除"] {
        let not = hit_ids(&search_hits(&index, q, &doc));
        assert!(hit_ids(&joined).iter().all(|id| !not.contains(id)), "{q}");
        assert_eq!(not.len() + joined.len(), all.len(), "{q}");
    }
}

/// A phrase typed with spaces between Chinese words asks for them as Chinese is written:
/// `"强迫 劳动"` finds 强迫劳动 and marks it whole.
#[test]
fn spaces_between_chinese_words_of_a_phrase_are_not_asked_of_the_text() {
    let (_tmp, index) = indexed();
    let joined = hit_ids(&search_hits(&index, "\"强迫劳动\"", &[]));
    assert!(!joined.is_empty());
    for q in ["\"强迫 劳动\"", "\"强迫\u{3000}劳动\"", "\"强迫  勞動\""] {
        let hits = search_hits(&index, q, &[]);
        assert_eq!(hit_ids(&hits), joined, "{q}");
        for h in &hits {
            assert!(highlighted(h).iter().any(|w| w == "强迫劳动"), "{q}: {h}");
        }
    }
}

fn search_fails(index: &std::path::Path, args: &[&str]) -> String {
    let out = hria()
        .arg("search")
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn unknown_tags_instruments_and_documents_are_errors() {
    let (_tmp, index) = indexed();
    let err = search_fails(&index, &["*", "--tag", "nonsense/x"]);
    assert!(err.contains("unknown tag `nonsense/x`"), "{err}");
    // A string prefix that is not a whole segment: the whole segment is suggested.
    let err = search_fails(&index, &["*", "--tag", "right/lab"]);
    assert!(err.contains("unknown tag `right/lab`"), "{err}");
    assert!(err.contains("did you mean right/labour?"), "{err}");
    let err = search_fails(&index, &["*", "--cited", "NOPE"]);
    assert!(err.contains("unknown instrument `NOPE`"), "{err}");
    let err = search_fails(&index, &["*", "--cited", "ICCRP"]);
    assert!(err.contains("did you mean instrument/ICCPR?"), "{err}");
    let err = search_fails(&index, &["*", "--cited", "xyz"]);
    assert!(err.ends_with("see `hria taxonomy list`\n"), "{err}");
    let err = search_fails(&index, &["*", "--doc", "nope.md"]);
    assert!(err.contains("no document `nope.md`"), "{err}");
    // An id without its extension, in another case, is matched by the start of the id.
    let err = search_fails(&index, &["*", "--doc", "SUPPLIER-CODE"]);
    assert!(err.contains("did you mean supplier-code.en.md?"), "{err}");
    // Known ids and parents still work.
    for ok in [
        ["--tag", "right/labour"],
        ["--tag", "right"],
        ["--cited", "ICCPR"],
        ["--doc", "supplier-code.en.md"],
    ] {
        hria()
            .args(["search", "*"])
            .args(ok)
            .arg("--index")
            .arg(&index)
            .assert()
            .success();
    }
}

#[test]
fn huge_limits_return_every_passage_and_zero_returns_none() {
    let (_tmp, index) = indexed();
    let all = search_hits(&index, "*", &[]).len();
    assert!(all > 10);
    for limit in ["18446744073709551615", "4294967295"] {
        let out = hria()
            .args([
                "search", "*", "--format", "jsonl", "--limit", limit, "--index",
            ])
            .arg(&index)
            .output()
            .unwrap();
        assert!(out.status.success(), "{limit}");
        assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), all);
    }
    let out = hria()
        .args([
            "search", "*", "--format", "jsonl", "--limit", "0", "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn equal_scores_are_ordered_by_document_then_passage() {
    let (_tmp, index) = indexed();
    let hits = search_hits(&index, "*", &["--tag", "right/labour"]);
    assert!(hits.len() >= 3);
    let keys: Vec<(String, String)> = hits
        .iter()
        .map(|h| {
            assert_eq!(h["score"], hits[0]["score"]);
            (
                h["doc"].as_str().unwrap().to_string(),
                h["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // A limit keeps the first of that order.
    let top = crate::cli::jsonl_of(
        hria()
            .args(["search", "*", "--tag", "right/labour", "--limit", "2"])
            .args(["--format", "jsonl", "--index"])
            .arg(&index),
    );
    assert_eq!(hit_ids(&top), hit_ids(&hits[..2]));
    let text = String::from_utf8(
        hria()
            .args(["search", "强迫劳动", "--format", "jsonl", "--index"])
            .arg(&index)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for s in crate::explain::score_literals(&text) {
        let decimals = s.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals <= 3, "score {s}");
    }
}

#[test]
fn and_not_a_group_excludes_only_the_group() {
    let (_tmp, index) = indexed();
    let labour = hit_ids(&search_hits(&index, "labour", &[]));
    let both = hit_ids(&search_hits(&index, "forced AND child", &[]));
    let rest = hit_ids(&search_hits(
        &index,
        "labour AND NOT (forced AND child)",
        &[],
    ));
    assert!(!both.is_empty() && !rest.is_empty());
    let mut union = rest.clone();
    union.extend(both.iter().filter(|id| labour.contains(id)).cloned());
    union.sort();
    assert_eq!(union, labour);
}

/// The bases (`cited`, `covered`, ...) with which a hit carries `tag`.
fn bases<'a>(h: &'a Value, tag: &str) -> Vec<&'a str> {
    h["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tag"] == tag)
        .map(|t| t["basis"].as_str().unwrap())
        .collect()
}

/// Needs the tagger: the statement addresses trafficking (PALERMO) without naming the protocol.
#[test]
fn instrument_tag_matches_covered_passages_and_cited_only_named_ones() {
    let (_d, index) = crate::statement::real_statement_index();
    let all = search_hits(&index, "*", &[]);
    let tag = "instrument/PALERMO";
    let carrying: Vec<Value> = all
        .iter()
        .filter(|h| !bases(h, tag).is_empty())
        .cloned()
        .collect();
    let covered: Vec<&Value> = carrying
        .iter()
        .filter(|h| bases(h, tag).contains(&"covered"))
        .collect();
    assert!(!covered.is_empty(), "the statement covers {tag}");
    // --tag finds every passage with the instrument, covered ones included.
    let tagged = search_hits(&index, "*", &["--tag", tag]);
    assert_eq!(hit_ids(&tagged), hit_ids(&carrying));
    // --cited finds only the passages naming it.
    let cited = hit_ids(&search_hits(&index, "*", &["--cited", "PALERMO"]));
    // Named another way, it is the same filter.
    let udhr = hit_ids(&search_hits(&index, "*", &["--cited", "UDHR"]));
    assert!(!udhr.is_empty());
    for name in ["udhr", "instrument/udhr", "世界人權宣言"] {
        let again = hit_ids(&search_hits(&index, "*", &["--cited", name]));
        assert_eq!(again, udhr, "{name}");
    }
    // A name other than the id is said to stand for it; the id in another case is not.
    for (name, said) in [("世界人權宣言", true), ("udhr", false)] {
        let out = hria()
            .args(["search", "*", "--cited", name, "--index"])
            .arg(&index)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.contains("is instrument/UDHR"), said, "{name}: {err}");
    }
    for h in &covered {
        assert!(!cited.contains(&h["id"].as_str().unwrap().to_string()));
    }
    assert!(cited.len() < tagged.len());
    // The family and any instrument prefix match covered passages too.
    let family = hit_ids(&search_hits(&index, "*", &["--tag", "instrument"]));
    for h in &covered {
        assert!(family.contains(&h["id"].as_str().unwrap().to_string()));
    }
}

/// The snippet keeps what follows the last match: a short passage whole, a long one to the end of
/// the clause (`《儿童权利公约》`, not `《儿童权利公约`).
#[test]
fn snippets_keep_the_text_after_the_last_match() {
    let (_tmp, index) = indexed();
    let hs = search_hits(&index, "公约", &[]);
    let mut seen = 0;
    for h in &hs {
        let (text, snippet) = (h["text"].as_str().unwrap(), h["snippet"].as_str().unwrap());
        // A cut is marked `…`.
        let cut = snippet.ends_with('…');
        let snippet = snippet.trim_start_matches('…').trim_end_matches('…');
        assert!(text.contains(snippet), "{snippet}");
        assert_eq!(cut, !text.ends_with(snippet), "{snippet}");
        assert!(highlighted(h).iter().all(|w| w == "公约"), "{h}");
        if text.chars().count() <= 160 {
            assert_eq!(snippet, text);
        }
        if text.contains("《儿童权利公约》") && snippet.contains("儿童权利公约") {
            assert!(snippet.contains("《儿童权利公约》"), "{snippet}");
            seen += 1;
        }
    }
    assert!(seen >= 2, "{hs:?}");
}

#[test]
fn organisation_kind_and_year_select_documents_and_are_shown() {
    let (_tmp, index) = indexed_with_manifest();
    let docs = |extra: &[&str]| -> Vec<String> {
        let mut d: Vec<String> = search_hits(&index, "*", extra)
            .iter()
            .map(|h| h["doc"].as_str().unwrap().to_string())
            .collect();
        d.dedup();
        d
    };
    assert_eq!(
        docs(&[]),
        ["labour-policy.zh-Hant.md", "supplier-code.en.md"]
    );
    // Any case, surrounding spaces ignored.
    assert_eq!(docs(&["--org", " fabrikam ltd"]), ["supplier-code.en.md"]);
    assert_eq!(
        docs(&["--doc-kind", "POLICY"]),
        ["labour-policy.zh-Hant.md"]
    );
    assert_eq!(docs(&["--year", "2024"]), ["supplier-code.en.md"]);
    assert_eq!(
        docs(&["--org", "Contoso", "--year", "2022"]),
        ["labour-policy.zh-Hant.md"]
    );
    // A text query and a document filter together.
    let hits = search_hits(&index, "强迫劳动", &["--org", "contoso"]);
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(h["organisation"], "Contoso");
        assert_eq!(h["doc_kind"], "policy");
        assert_eq!(h["year"], 2022);
    }
    let table = on_index(&index, &["search", "forced"]);
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("[Fabrikam Ltd, code of conduct, 2024] (supplier-code.en.md)"),
        "{table}"
    );
}

#[test]
fn a_document_filter_that_selects_nothing_lists_what_the_index_holds() {
    let (_tmp, index) = indexed_with_manifest();
    // Each value selects documents, but none together: what the other values' documents hold.
    let err = search_fails(&index, &["*", "--org", "Contoso", "--year", "2024"]);
    assert!(
        err.contains("no document of organisation `Contoso`, year 2024")
            && err.contains(r#"of year 2024: organisations: "Fabrikam Ltd""#)
            && err.contains(r#"of organisation `Contoso`: years: "2022""#),
        "{err}"
    );
    // A value no document has: the values there are (few here).
    let err = search_fails(&index, &["*", "--doc-kind", "report"]);
    assert!(
        err.contains("no document of kind `report`")
            && err.contains(r#"(kinds: "code of conduct", "policy")"#),
        "{err}"
    );
    // A document the other filters leave out is named as such.
    let err = search_fails(
        &index,
        &[
            "*",
            "--doc",
            "labour-policy.zh-Hant.md",
            "--org",
            "fabrikam ltd",
        ],
    );
    assert!(err.contains("is not among those --org"), "{err}");
}

/// Filters select and never score: a hit's score is its text query's, filtered or not, and a
/// query of filters alone scores 1.0.
#[test]
fn filters_do_not_change_scores() {
    let (_tmp, index) = indexed_with_manifest();
    let scores = |query: &str, extra: &[&str]| -> Vec<(String, f64)> {
        search_hits(&index, query, extra)
            .iter()
            .map(|h| {
                (
                    h["id"].as_str().unwrap().to_string(),
                    h["score"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    let all = scores("劳动 OR workers OR 工人", &[]);
    assert!(all.len() > 3);
    for extra in [
        &["--org", "contoso"][..],
        &["--doc", "supplier-code.en.md"],
        &["--tag", "right/labour"],
        &["--lang", "en"],
        &["--year", "2024"],
    ] {
        let filtered = scores("劳动 OR workers OR 工人", extra);
        assert!(!filtered.is_empty(), "{extra:?}");
        // The same passages in the same order, with the same scores.
        let kept: Vec<_> = all
            .iter()
            .filter(|(id, _)| filtered.iter().any(|(f, _)| f == id))
            .cloned()
            .collect();
        assert_eq!(filtered, kept, "{extra:?}");
    }
    for (_, s) in scores("*", &["--tag", "right/labour"]) {
        assert_eq!(s, 1.0);
    }
}

/// The table ends with how many passages match; jsonl says so on stderr when the list is cut.
#[test]
fn the_number_of_matching_passages_is_told() {
    let (_tmp, index) = indexed();
    let all = search_hits(&index, "*", &[]).len();
    assert!(all > 2, "{all}");
    let run = |args: &[&str]| {
        let out = hria()
            .arg("search")
            .args(args)
            .arg("--index")
            .arg(&index)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (table, _) = run(&["*", "--limit", "2"]);
    assert!(
        table.ends_with(&format!(
            "\n2 of {all} matching passages shown; --limit N shows more\n"
        )),
        "{table}"
    );
    let (table, _) = run(&["*", "--limit", "1000"]);
    assert!(
        table.ends_with(&format!("\n{all} matching passage(s)\n")),
        "{table}"
    );
    let (count, _) = run(&["*", "--limit", "0"]);
    assert_eq!(
        count,
        format!("{all} matching passage(s), none shown (--limit 0)\n")
    );
    // No match reads the same way: a count on stdout, not a silence.
    let (none, note) = run(&["zzzqqq"]);
    assert_eq!(
        (none.as_str(), note.as_str()),
        ("0 matching passage(s)\n", "")
    );
    let (lines, note) = run(&["*", "--limit", "2", "--format", "jsonl"]);
    assert_eq!(lines.lines().count(), 2);
    assert!(
        note.contains(&format!("2 of {all} matching passages shown")),
        "{note}"
    );
}

#[test]
fn a_query_in_unified_ideographs_finds_text_written_with_radicals() {
    // PDF text extraction wrote 工, 人 and 民 as the radicals ⼯, ⼈ and ⺠.
    let (_tmp, index) = index_of(&[(
        "report.md",
        "# 报告\n\n我们尊重⼯⼈的结社⾃由。\n\n其他内容。\n\n为⼈⺠服务。\n",
    )]);
    let hs = search_hits(&index, "工人", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["工人"]);
    let snippet = hs[0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("⼯⼈"), "{snippet}");
    // The radicals in a query fold too.
    assert_eq!(hit_ids(&search_hits(&index, "⼯⼈", &[])), hit_ids(&hs));
    assert_eq!(
        hit_ids(&search_hits(&index, "工人", &["--tag", "group/workers"])),
        hit_ids(&hs)
    );
    let hs = search_hits(&index, "人民", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert!(
        hs[0]["snippet"].as_str().unwrap().contains("⼈⺠"),
        "{hs:?}"
    );
}

#[test]
fn invisible_chars_inside_words_do_not_split_them_for_search() {
    // Text exported from a PDF with a zero-width space and a soft hyphen inside words.
    let (_tmp, index) = index_of(&[(
        "report.md",
        "# 报告\n\n我们禁止强迫\u{200B}劳动。\n\nWe prohibit for\u{AD}ced labour.\n\n其他内容。\n",
    )]);
    let hs = search_hits(&index, "\"强迫劳动\"", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["强迫劳动"]);
    let hs = search_hits(&index, "forced", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["forced"]);
    // A query pasted from such a text reads the same way.
    for q in ["\"强迫\u{200B}劳动\"", "for\u{AD}ced"] {
        assert_eq!(search_hits(&index, q, &[]).len(), 1, "{q}");
    }
}

#[test]
fn highlights_mark_every_occurrence_shown_and_only_what_the_query_asks_for() {
    let (_tmp, index) = index_of(&[(
        "report.md",
        "# 报告\n\n我们承诺在供应链中消除人口贩卖和强迫劳动，包括我们的临时劳动力。我们了解到，外国移民工人特别容易遭受强迫劳动的风险。\n\n\
         Our report on fighting forced labour and child labour in supply chains, and on child safety.\n\n\
         We respect labour rights.\n",
    )]);
    // Both occurrences in the shown text, not only those in tantivy's shorter fragment.
    let hs = search_hits(&index, "强迫劳动", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["强迫劳动", "强迫劳动"]);
    // A phrase is marked where its words stand together, not word by word.
    let hs = search_hits(&index, "\"forced labour\"", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["forced labour"]);
    // The words of a NOT are never marked.
    let hs = search_hits(&index, "labour AND NOT safety", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["labour"]);
    let hs = search_hits(&index, "labour AND NOT (child AND safety)", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert!(highlighted(&hs[0]).iter().all(|w| w == "labour"), "{hs:?}");
    // Where a phrase's words first stand apart, the snippet shows the phrase itself.
    let filler =
        "The audit covered every site and every supplier we work with in the year. ".repeat(4);
    let text = format!(
        "# Report\n\nForced overtime is never required, and labour inspections are welcome. {filler}We prohibit forced labour in our supply chain.\n"
    );
    let (_tmp, index) = index_of(&[("apart.md", &text)]);
    let hs = search_hits(&index, "\"forced labour\"", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["forced labour"], "{hs:?}");
}

#[test]
fn control_chars_of_a_document_reach_the_terminal_escaped() {
    let (_tmp, index) = index_of(&[(
        "a.txt",
        "We ban forced labour \u{1b}[31mRED\u{1b}[0m \u{7} in our supply chain.\n",
    )]);
    let out = on_index(&index, &["search", "forced"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains(['\u{1b}', '\u{7}']), "{stdout:?}");
    assert!(stdout.contains("\\u{1b}[31mRED"), "{stdout}");
    // JSON keeps the text as it is (escaped by JSON itself).
    let hs = search_hits(&index, "forced", &[]);
    assert!(hs[0]["text"].as_str().unwrap().contains('\u{1b}'));
    // So do the gap report's table, CSV and JSON, and `explain`'s table.
    let run = |args: &[&str]| {
        let out = on_index(&index, args);
        String::from_utf8(out.stdout).unwrap()
    };
    let id = hs[0]["id"].as_str().unwrap();
    for args in [
        &["gaps", "--format", "table"][..],
        &["gaps", "--format", "csv"],
        &["explain", id, "--format", "table"],
    ] {
        let out = run(args);
        assert!(
            !out.contains('\u{1b}') && out.contains("\\u{1b}[31mRED"),
            "{args:?}: {out}"
        );
    }
    assert!(run(&["gaps", "--format", "json"]).contains("\\u001b[31mRED"));
    // `explain`'s JSON keeps them, in `highlighted` as in `text`, so that removing the marks
    // gives the text back.
    let v: Value = serde_json::from_str(&run(&["explain", id, "--format", "json"])).unwrap();
    let h = v["highlighted"].as_str().unwrap();
    assert_eq!(
        h.replace("[[", "").replace("]]", ""),
        v["text"].as_str().unwrap()
    );
    assert!(h.contains('\u{1b}'), "{h}");
}

/// A word ending in `*` finds the words it begins, highlighted; `lang:` and `kind:` take any
/// case; a Chinese snippet is as many chars long as an English one; a dotted capital İ is found
/// as i.
#[test]
fn prefixes_field_values_snippet_length_and_special_capitals() {
    let long_zh = "我们".repeat(60) + "禁止强迫劳动" + &"我们".repeat(60);
    let long_en = "we ".repeat(60) + "prohibit forced labour " + &"we ".repeat(60);
    let typeset = "we ".repeat(60) + "prohibit typeset labour’s abuse " + &"we ".repeat(60);
    let (_d, index) = index_of(&[
        (
            "c.md",
            "Non-discrimination applies to 3~5 year contracts.\n",
        ),
        ("d.md", "我们依法保护劳动者的权益。\n"),
        ("typeset.md", &format!("{typeset}\n")),
        (
            "a.md",
            "Modern slavery and slave labour are banned.\n\nWe offer remedies.\n",
        ),
        ("b.md", "Workers in İstanbul are paid a living wage.\n"),
        ("zh.md", &format!("# 标题\n\n{long_zh}\n")),
        ("en.md", &format!("{long_en}\n")),
    ]);
    let hs = search_hits(&index, "slave*", &[]);
    assert_eq!(hit_ids(&hs).len(), 1, "{hs:?}");
    assert_eq!(highlighted(&hs[0]), ["slavery", "slave"]);
    // A whole word is a prefix of itself, though the index holds it stemmed (`slaveri`), and a
    // word of several terms is a phrase ending in a prefix.
    for (q, doc) in [
        ("slavery*", "a.md"),
        // Longer than the stem the index holds (`remedi`).
        ("remediat*", "a.md"),
        ("Slavery*", "a.md"),
        ("non-discrimination*", "c.md"),
        ("强迫劳*", "zh.md"),
        ("保护劳动*", "d.md"),
        ("3~5", "c.md"),
    ] {
        let hs = search_hits(&index, q, &[]);
        assert_eq!(hs.len(), 1, "{q}: {hs:?}");
        assert_eq!(hs[0]["doc"], doc, "{q}");
    }
    assert_eq!(search_hits(&index, "remed*", &[]).len(), 1);
    assert_eq!(search_hits(&index, "\"remed\"*", &[]).len(), 1);
    // Under a NOT, a prefix excludes.
    assert!(search_hits(&index, "slavery NOT remed*", &[]).len() == 1);
    assert_eq!(
        search_hits(&index, "* NOT slave*", &["--doc", "a.md"]).len(),
        1
    );
    assert_eq!(
        search_hits(&index, "lang:EN AND kind:Paragraph AND slavery", &[]).len(),
        1
    );
    assert_eq!(search_hits(&index, "kind:headings", &[]).len(), 1);
    let hs = search_hits(&index, "istanbul", &[]);
    assert_eq!(highlighted(&hs[0]), ["istanbul"]);
    let chars = |q: &str| {
        let hs = search_hits(&index, q, &[]);
        hs[0]["snippet"].as_str().unwrap().chars().count()
    };
    let (zh, en) = (chars("强迫劳动"), chars("forced"));
    assert!(zh * 10 >= en * 8 && en * 10 >= zh * 8, "zh {zh} en {en}");
    // One non-ASCII char does not double an English snippet.
    let typeset = chars("typeset");
    assert!(typeset * 10 <= en * 12, "typeset {typeset} en {en}");
}

/// Analysts type the ASCII apostrophe: `children's rights`, `workers' rights` and `ILO's` are
/// words, found in text written with either apostrophe, while `'…'` still quotes a phrase.
#[test]
fn apostrophes_in_words_are_searched_as_typed() {
    let (_tmp, index) = index_of(&[
        (
            "a.md",
            "We respect children's rights and workers' rights in our operations.\n",
        ),
        (
            "b.md",
            "The ILO’s core conventions guide our supplier code on children’s rights.\n",
        ),
        (
            "c.md",
            "Rights of children and workers are set out in law.\n",
        ),
        ("d.md", "劳动合同和工资条款应当写明。\n"),
    ]);
    let docs = |q: &str| hit_docs(&index, q);
    assert_eq!(docs("\"children's rights\""), ["a.md", "b.md"]);
    assert_eq!(docs("children's rights"), ["a.md", "b.md", "c.md"]);
    assert_eq!(docs("workers' rights"), ["a.md", "c.md"]);
    assert_eq!(docs("ILO's"), ["b.md"]);
    assert_eq!(docs("'core conventions' ILO's"), ["b.md"]);
    assert_eq!(docs("'in law'"), ["c.md"]);
    assert_eq!(docs("'children's rights'"), ["a.md", "b.md"]);
    // Quotes glued to words or to each other still quote phrases.
    assert_eq!(docs("'core conventions'AND'supplier code'"), ["b.md"]);
    assert_eq!(docs("'in law''are set'"), ["c.md"]);
    assert_eq!(docs("'workers'OR'conventions'"), ["a.md", "b.md", "c.md"]);
    assert_eq!(docs("'劳动合同'和'工资'"), ["d.md"]);
    // A plural's apostrophe inside a quoted phrase: the phrase goes on to the last quote.
    assert_eq!(docs("'workers' rights in our'"), ["a.md"]);
    assert_eq!(docs("'children's rights' 'workers' rights'"), ["a.md"]);
    // Stemmed, `children's` is `children`, as in text.
    let hs = search_hits(&index, "children's", &[]);
    assert_eq!(hs.len(), 3, "{hs:?}");
    for h in &hs {
        assert!(!highlighted(h).is_empty(), "{h}");
    }
}

/// A prefix finds the words it begins, in either spelling, and not other words that share its
/// first letters with a stem: `children*` is no `child`, `slave*` no `SLA`, `wages*` no
/// `wagering`, `operation*` no `opera`.
#[test]
fn prefixes_find_the_words_they_begin_and_no_others() {
    let (_d, index) = index_of(&[
        ("a.md", "Children and their families are protected.\n"),
        ("b.md", "No child shall be employed.\n"),
        ("c.md", "The SLA was signed with Slavic partners.\n"),
        ("d.md", "We ban slavery and slaves.\n"),
        ("e.md", "Fair wages are paid.\n"),
        ("f.md", "Entain's wagering brands.\n"),
        ("g.md", "The opera house opened.\n"),
        ("h.md", "Our operations are audited.\n"),
        ("i.md", "We recognise the right to organise.\n"),
        ("j.md", "We recognize the right to organize.\n"),
        (
            "k.md",
            "Business monitoring and management of procurement.\n",
        ),
        ("l.md", "The employer offers employment.\n"),
        ("m.md", "Our employees are committed.\n"),
    ]);
    let docs = |q: &str| hit_docs(&index, q);
    assert_eq!(docs("children*"), ["a.md"]);
    assert_eq!(docs("slave*"), ["d.md"]);
    assert_eq!(docs("wages*"), ["e.md"]);
    assert_eq!(docs("operation*"), ["h.md"]);
    assert_eq!(docs("operat*"), ["h.md"]);
    assert_eq!(docs("recognis*"), ["i.md", "j.md"]);
    assert_eq!(docs("organiz*"), ["i.md", "j.md"]);
    // A prefix that stops inside an ending finds the stem before it.
    for q in ["busin*", "monitori*", "managem*", "manageme*", "procurem*"] {
        assert_eq!(docs(q), ["k.md"], "{q}");
    }
    assert_eq!(docs("committe*"), ["m.md"]);
    assert_eq!(docs("employee*"), ["m.md"]);
    let hs = search_hits(&index, "recognis*", &[]);
    for h in &hs {
        assert_eq!(highlighted(h).len(), 1, "{h}");
    }
}

/// A prefix's passages are ranked as a search for the words it matched would rank them, not all
/// scored alike (and so ordered by document id).
#[test]
fn prefix_hits_are_ranked_by_the_words_they_hold() {
    let filler = "Our offices recycle paper and our staff travel by train to meetings. ".repeat(6);
    let (_d, index) = index_of(&[
        (
            "a.md",
            &format!("{filler}We offer remediation where needed.\n"),
        ),
        (
            "b.md",
            "Remediation: we remediate harm and provide remedies, and track remediation.\n",
        ),
    ]);
    let hs = search_hits(&index, "remed*", &[]);
    assert_eq!(hit_ids(&hs).len(), 2, "{hs:?}");
    assert_eq!(hs[0]["doc"], "b.md", "{hs:?}");
    assert!(hs[0]["score"].as_f64() > hs[1]["score"].as_f64(), "{hs:?}");
}

/// A heading holding ` › ` (a web page's breadcrumb) is one section once indexed, as segmented:
/// the index joins a path with a char no name holds.
#[test]
fn a_breadcrumb_heading_stays_one_section() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.md"),
        "# Home › About\n\n## Policy\n\nWe prohibit forced labour.\n",
    )
    .unwrap();
    let index = tmp.path().join("i");
    index_corpus(&corpus, &index, &[]);
    let hs = search_hits(&index, "forced", &[]);
    assert_eq!(hs.len(), 1, "{hs:?}");
    assert_eq!(
        hs[0]["section"],
        serde_json::json!(["Home › About", "Policy"])
    );
}

/// A bidirectional override in a file name (`bidi\u{202e}gnp.md` shows as `bididm.png`) reaches
/// the terminal escaped in `search`, `coverage --per-doc` and `gaps`, as control chars do (the
/// clean text has none: it leaves invisible chars out); a path in a skip report is escaped in the same style as the ids of the tables
/// (`\u{9}` for a tab, where it was `\t`).
#[test]
fn bidirectional_overrides_reach_the_terminal_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in [
        ("bidi\u{202e}gnp.md", "# Policy\n\nWe ban forced labour.\n"),
        (
            "tab\tname.md",
            "We ban forced labour \u{2067}in\u{2069} our \u{202e}supply chain.\n",
        ),
        ("tab\tname.pdf", "%PDF-1.4"),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let index = tmp.path().join("index");
    let out = hria()
        .args(["index", "--quiet", "--index"])
        .arg(&index)
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let report = String::from_utf8(out.stderr).unwrap();
    assert!(
        report.contains("tab\\u{9}name.pdf: unsupported"),
        "{report}"
    );
    let overrides = ['\u{202e}', '\u{2067}', '\u{2069}'];
    for args in [
        &["search", "forced"][..],
        &["coverage", "--per-doc", "--by", "right"],
        &["gaps"],
    ] {
        let out = on_index(&index, args);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.contains(overrides), "{args:?}: {stdout:?}");
        assert!(stdout.contains("bidi\\u{202e}gnp.md"), "{args:?}: {stdout}");
        assert!(stdout.contains("tab\\u{9}name.md"), "{args:?}: {stdout}");
    }
    // A document without a title is named by its file name, escaped as its id is.
    let found = on_index(&index, &["search", "supply"]);
    let found = String::from_utf8(found.stdout).unwrap();
    assert!(
        found.contains("1. tab\\u{9}name (tab\\u{9}name.md)"),
        "{found}"
    );
    // JSON keeps them, escaped as JSON escapes them.
    let hits = search_hits(&index, "forced", &[]);
    assert!(hits.iter().any(|h| h["doc"] == "bidi\u{202e}gnp.md"));
}

/// A field a query may not name is refused in every form it can be asked in (a term, a range,
/// a comparison, a set), as the query's fault and with what to use instead: `ordinal:5` was
/// refused while `ordinal:[1 TO 5]` and `ordinal:>3` ran, `tag:/right` ran as a query,
/// `record_lang:zh` found nothing, and `ordinal:IN [1 2]` failed as if the index were damaged.
/// `kind:` and `lang:` values in a set are checked and read in any case, as one value is.
#[test]
fn fields_a_query_may_not_name_are_refused_in_every_form() {
    let (_tmp, index) = indexed();
    let not_searched = "cannot be searched: a query may name `text:`, `doc_id:`, `kind:` and `lang:`; filter with --tag";
    let tags = "tags are filters, not query terms: write `--tag right/labour`";
    for (q, says) in [
        ("ordinal:5", not_searched),
        ("ordinal:[1 TO 5]", not_searched),
        ("ordinal:>3", not_searched),
        ("ordinal:IN [1 2]", not_searched),
        ("强迫劳动 -ordinal:[1 TO 3]", not_searched),
        ("record_lang:zh", not_searched),
        ("record:document", not_searched),
        ("record_id:[a TO z]", not_searched),
        ("record_doc:x", not_searched),
        ("tag:/right", tags),
        ("tag:right/labour", tags),
        ("cited:/instrument", tags),
        ("covered:IN [/instrument]", tags),
        ("planned:/hrdd", tags),
        ("nosuch:IN [a b]", "there is no field `nosuch`"),
        ("nosuch:>3", "there is no field `nosuch`"),
        (
            "kind:IN [heading chapter]",
            "kind is heading, paragraph, list-item",
        ),
        ("lang:IN [zh fr]", "language is zh, en or other"),
        (
            "lang:>a",
            "`lang:` takes a value, or several as `lang:IN [… …]`, not a range",
        ),
        ("kind:[a TO z]", "`kind:` takes a value"),
    ] {
        let out = hria()
            .args(["search", q, "--index"])
            .arg(&index)
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{q}: {stderr}");
        assert!(out.stdout.is_empty(), "{q}");
        assert!(
            stderr.contains(&format!("invalid query {q:?}: ")) && stderr.contains(says),
            "{q}: {stderr}"
        );
    }
    // A set of kinds or languages, in any case, finds what its values find one by one.
    let count = |q: &str| search_hits(&index, q, &[]).len();
    assert_eq!(
        count("kind:IN [Headings list_item]"),
        count("kind:heading OR kind:list-item")
    );
    assert!(count("kind:IN [Headings list_item]") > 0);
    assert_eq!(count("lang:IN [ZH En]"), count("lang:zh OR lang:en"));
}

/// A query of filters alone shows, in its snippet, the evidence of the tag filtered by, even
/// far into a long passage, rather than the passage's first words.
#[test]
fn a_filter_only_search_shows_the_evidence_of_its_tag() {
    let long = format!(
        "{} We respect the Universal Declaration of Human Rights and prohibit forced labour in our supply chain.\n",
        "Our business spans many markets and product lines across the world. ".repeat(8)
    );
    let (_d, index) = crate::cli::index_with_manifest(&[("a.txt", long.as_str())], "");
    for (args, word) in [
        (
            &["--tag", "right/labour/forced-labour"][..],
            "forced labour",
        ),
        (&["--tag", "right/labour"], "forced labour"),
        (
            &["--cited", "UDHR"],
            "universal declaration of human rights",
        ),
    ] {
        let hits = search_hits(&index, "*", args);
        assert_eq!(hits.len(), 1, "{args:?}");
        assert_eq!(highlighted(&hits[0]), [word], "{args:?}: {}", hits[0]);
        // From the start of a word.
        let (text, snippet) = (
            hits[0]["text"].as_str().unwrap(),
            hits[0]["snippet"].as_str().unwrap(),
        );
        let snippet = snippet.trim_start_matches('…').trim_end_matches('…');
        let at = text.find(snippet).unwrap();
        assert!(
            at == 0 || text[..at].ends_with(' '),
            "{args:?}: {snippet:?}"
        );
    }
    // Without a tag filter, the passage's first words.
    let hits = search_hits(&index, "*", &[]);
    assert!(highlighted(&hits[0]).is_empty());
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .starts_with("Our business spans"));
}

#[test]
fn a_query_matching_no_word_names_the_topics_it_tags_in_other_languages() {
    let (_tmp, index) = indexed();
    let run = |args: &[&str]| {
        let out = on_index(&index, &[&["search"], args].concat());
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    // The English words are in no passage, but the Chinese statement's 人权捍卫者 passages
    // carry the entry they name.
    let (table, err) = run(&["human rights defenders"]);
    assert_eq!(table, "0 matching passage(s)\n");
    let tagged = search_hits(&index, "*", &["--tag", "group/human-rights-defenders"]).len();
    assert!(tagged > 0);
    assert!(
        err.contains(&format!(
            "group/human-rights-defenders: {tagged} passage(s): `hria search '*' --tag group/human-rights-defenders`"
        )),
        "{err}"
    );
    // Counted with the other options: no English passage carries it, so nothing is offered.
    let (_, err) = run(&["human rights defenders", "--lang", "en"]);
    assert!(!err.contains("group/human-rights-defenders"), "{err}");
    // Words that name no entry, and a query that matched, get no hint.
    let (_, err) = run(&["zzzqqq"]);
    assert!(!err.contains("topics"), "{err}");
    let (_, err) = run(&["强迫劳动"]);
    assert!(!err.contains("topics"), "{err}");
}

/// A search typed without accents finds words written with them, and one with accents finds
/// them too; the highlight covers the word as written.
#[test]
fn accents_fold_in_latin_words() {
    let (_d, index) = index_of(&[(
        "politica.es.txt",
        "Política de derechos humanos\n\nEl Banco proporcionará mecanismos de reparación a los pueblos indígenas afectados por los proyectos que financia, de conformidad con el Convenio 169.\n",
    )]);
    for q in ["reparacion", "reparación", "indigenas", "INDÍGENAS"] {
        let hits = search_hits(&index, q, &[]);
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        let words = highlighted(&hits[0]);
        assert!(
            words.iter().any(|w| w == "reparación" || w == "indígenas"),
            "{q}: {words:?}"
        );
    }
    // Every passage of the Spanish document is read as it: its short heading too.
    let hits = search_hits(&index, "derechos", &["--lang", "other"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(search_hits(&index, "derechos", &["--lang", "en"]).is_empty());
}

/// A boost that would scale scores past any meaning (to infinity, or NaN beside a boost of 0)
/// is refused as an invalid query; an ordinary one ranks.
#[test]
fn overflowing_boosts_are_refused() {
    let (_d, index) = index_of(&[("a.md", "We prohibit forced labour.\n")]);
    let nines = "9".repeat(60);
    for q in [
        format!("labour^{nines}"),
        format!("(labour^0)^{nines}"),
        // A zero outside hides nothing inside.
        format!("(labour^{nines})^0"),
    ] {
        hria()
            .args(["search", &q, "--index"])
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("a boost (`word^N`)"));
    }
    assert_eq!(search_hits(&index, "labour^2", &[]).len(), 1);
}

/// A phrase with slop is bounded in its slop and its words, whose matching otherwise grows to
/// gigabytes on a repeated sentence; one within the bounds searches.
#[test]
fn loose_phrases_are_bounded() {
    let text = format!(
        "# Report\n\n{}\n",
        "Forced labour and child labour in the supply chain. ".repeat(35)
    );
    let (_d, index) = index_of(&[("rep.md", text.as_str())]);
    let many = format!("\"{}\"~10", vec!["labour"; 20].join(" "));
    // A hyphen parts words as the index does.
    let hyphened = format!("\"{}\"~10", vec!["labour"; 20].join("-"));
    for q in ["\"forced labour\"~100", many.as_str(), hyphened.as_str()] {
        hria()
            .args(["search", q, "--index"])
            .arg(&index)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "a phrase with `~N` takes N up to 10",
            ));
    }
    assert_eq!(search_hits(&index, "\"forced child\"~3", &[]).len(), 1);
    // An ordinary Chinese sentence is within the bound.
    hria()
        .args([
            "search",
            "\"公司要求所有供应商建立有效的申诉机制\"~2",
            "--index",
        ])
        .arg(&index)
        .assert()
        .success();
}

/// An argument that is not UTF-8 is clap's usage error, not a panic.
#[test]
fn an_argument_not_in_utf8_is_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let gbk = std::ffi::OsStr::from_bytes(b"\xc7\xbf\xc6\xc8\xc0\xcd\xb6\xaf");
    hria()
        .arg("search")
        .arg(gbk)
        .args(["--index", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("panicked").not());
    hria()
        .args(["gaps", "--org"])
        .arg(std::ffi::OsStr::from_bytes(b"Soci\xe9t\xe9"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("UTF-8"));
}

/// A tag filter that leaves out passages in a language the taxonomy has no keywords for says so.
#[test]
fn a_tag_filter_names_the_passages_of_other_languages_it_cannot_reach() {
    let (_d, index) = index_of(&[
        (
            "politica.es.txt",
            "El Banco no financia actividades que impliquen trabajo infantil o trabajo forzoso en ninguna de sus operaciones.\n",
        ),
        ("policy.md", "We prohibit child labour in our operations.\n"),
    ]);
    let out = hria()
        .args([
            "search",
            "\"trabajo infantil\"",
            "--tag",
            "right/labour/child-labour",
            "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 passage(s) in languages other than Chinese and English match the query"),
        "{err}"
    );
    // English hits in full: no note.
    let out = hria()
        .args([
            "search",
            "child",
            "--tag",
            "right/labour/child-labour",
            "--index",
        ])
        .arg(&index)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("other than Chinese"));
}
