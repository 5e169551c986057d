//! The taxonomy: built-in data, loading and validation of analysts' files, and the
//! `hria taxonomy` subcommands.

use crate::cli::hria;
use hria::normalize::normalize_str;
use hria::taxonomy::{load_builtin, ProblemKind, Taxonomy, TaxonomyError};
use predicates::prelude::*;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/taxonomy")
        .join(name)
}

const FIXED_IDS: &[&str] = &[
    "instrument/UDHR",
    "instrument/ICCPR",
    "instrument/ICESCR",
    "instrument/ILO-FPRW",
    "instrument/CEDAW",
    "instrument/CRC",
    "instrument/CRPD",
    "instrument/ICERD",
    "instrument/ICMW",
    "instrument/GENEVA",
    "instrument/ROME",
    "instrument/UNDRIP",
    "instrument/UNDHRD",
    "instrument/CRBP",
    "instrument/GNI",
    "instrument/SDG",
    "instrument/UNGC",
    "instrument/UN-LGBTI",
    "instrument/WEP",
    "instrument/UNGP",
    "instrument/OECD-MNE",
    "instrument/CAT",
    "instrument/CPED",
    "right/civil-political/life",
    "right/civil-political/torture",
    "right/civil-political/liberty",
    "right/civil-political/fair-trial",
    "right/civil-political/privacy",
    "right/civil-political/expression",
    "right/civil-political/religion",
    "right/civil-political/assembly-association",
    "right/civil-political/movement",
    "right/civil-political/participation",
    "right/labour/association-bargaining",
    "right/labour/forced-labour",
    "right/labour/child-labour",
    "right/labour/working-conditions",
    "right/labour/occupational-safety-health",
    "right/economic-social-cultural/work",
    "right/economic-social-cultural/social-security",
    "right/economic-social-cultural/food",
    "right/economic-social-cultural/housing",
    "right/economic-social-cultural/water",
    "right/economic-social-cultural/health",
    "right/economic-social-cultural/education",
    "right/economic-social-cultural/culture-science",
    "right/economic-social-cultural/land",
    "right/non-discrimination",
    "group/women",
    "group/children",
    "group/persons-with-disabilities",
    "group/migrants",
    "group/indigenous-peoples",
    "group/lgbti",
    "group/human-rights-defenders",
    "group/minorities",
    "group/refugees",
    "group/workers",
    "group/communities",
    "group/users",
    "theme/armed-conflict",
    "theme/environment",
    "theme/anti-corruption",
    "theme/democracy-rule-of-law",
    "theme/government-requests",
    "theme/responsible-ai",
    "theme/online-safety",
    "theme/responsible-sourcing",
    "hrdd/policy-commitment",
    "hrdd/embedding",
    "hrdd/impact-assessment",
    "hrdd/action",
    "hrdd/tracking",
    "hrdd/communication",
    "hrdd/stakeholder-engagement",
    "hrdd/grievance-mechanism",
    "hrdd/remedy",
    "hrdd/non-retaliation",
    "stance/commitment",
    "stance/aspiration",
    "stance/action",
];

#[test]
fn builtin_has_every_fixed_id() {
    let t = Taxonomy::builtin();
    for id in FIXED_IDS {
        assert!(t.get(id).is_some(), "built-in taxonomy lacks {id}");
    }
    for n in 1..=17 {
        assert!(t.get(&format!("sdg/{n}")).is_some(), "lacks sdg/{n}");
    }
    assert!(!t.version.is_empty());
    assert_eq!(t.hash.len(), 64);
}

#[test]
fn builtin_check_is_clean_without_warnings() {
    let loaded = load_builtin().expect("built-in data parses");
    let msgs: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        msgs.is_empty(),
        "built-in taxonomy problems:\n{}",
        msgs.join("\n")
    );
}

#[test]
fn every_builtin_entry_has_chinese_and_english_keywords() {
    for e in &Taxonomy::builtin().entries {
        let han = |k: &String| k.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(
            !e.zh.is_empty() || e.weak.iter().any(han),
            "{} has no Chinese keyword",
            e.id
        );
        assert!(
            !e.en.is_empty() || !e.abbr.is_empty() || e.weak.iter().any(|k| !han(k)),
            "{} has no English keyword",
            e.id
        );
        assert!(!e.name_en.is_empty() && !e.name_zh.is_empty(), "{}", e.id);
    }
}

#[test]
fn builtin_keywords_are_normalized() {
    for e in &Taxonomy::builtin().entries {
        for k in
            e.zh.iter()
                .chain(&e.en)
                .chain(&e.weak)
                .chain(&e.cues)
                .chain(&e.exclude)
        {
            assert_eq!(
                &normalize_str(k),
                k,
                "{}: keyword {k:?} is not normalized",
                e.id
            );
        }
        for a in &e.abbr {
            assert!(
                !a.trim().is_empty() && !a.contains(' '),
                "{}: abbr {a:?}",
                e.id
            );
        }
    }
}

#[test]
fn builtin_instruments_have_a_kind_and_others_do_not() {
    for e in &Taxonomy::builtin().entries {
        assert_eq!(
            e.id.starts_with("instrument/"),
            e.instrument_kind.is_some(),
            "{}",
            e.id
        );
    }
}

#[test]
fn builtin_links_follow_the_instruments() {
    let t = Taxonomy::builtin();
    let links = |id: &str| t.get(id).expect(id).links.clone();
    let ilo = links("instrument/ILO-FPRW");
    for l in [
        "right/labour/association-bargaining",
        "right/labour/forced-labour",
        "right/labour/child-labour",
        "right/labour/occupational-safety-health",
        "right/non-discrimination",
    ] {
        assert!(ilo.iter().any(|x| x == l), "ILO-FPRW should link {l}");
    }
    // Workers in general are no instrument's topic: 员工 alone covers nothing.
    assert_eq!(t.linked_from("group/workers").count(), 0);
    assert_eq!(links("instrument/ICMW"), vec!["group/migrants".to_string()]);
    assert!(links("instrument/CEDAW").contains(&"group/women".to_string()));
    assert!(links("instrument/CAT").contains(&"right/civil-political/torture".to_string()));
    assert!(links("instrument/GNI").contains(&"theme/government-requests".to_string()));
    assert_eq!(links("instrument/SDG").len(), 17);
    // Due-diligence frameworks protect no right by themselves.
    assert!(links("instrument/UNGP").is_empty());
    assert!(links("instrument/OECD-MNE").is_empty());
    // Only instruments link.
    for e in &t.entries {
        if !e.id.starts_with("instrument/") {
            assert!(e.links.is_empty(), "{} has links", e.id);
        }
    }
}

#[test]
fn accessors_children_prefix_and_linked_from() {
    let t = Taxonomy::builtin();
    let labour: Vec<&str> = t.children("right/labour").map(|e| e.id.as_str()).collect();
    assert_eq!(labour.len(), 5, "{labour:?}");
    assert!(labour.contains(&"right/labour/child-labour"));
    assert_eq!(t.children("right/labour/").count(), 5);
    // `children` needs a whole segment: `right/lab` is not a parent of anything.
    assert_eq!(t.children("right/lab").count(), 0);
    let instruments: Vec<&str> = t.ids_with_prefix("instrument/").collect();
    assert!(instruments.len() >= 23);
    assert!(instruments.iter().all(|id| id.starts_with("instrument/")));
    let coverers: Vec<&str> = t
        .linked_from("right/labour/forced-labour")
        .map(|e| e.id.as_str())
        .collect();
    assert!(coverers.contains(&"instrument/ILO-FPRW"), "{coverers:?}");
    assert!(coverers.contains(&"instrument/UDHR"), "{coverers:?}");
    assert!(!coverers.contains(&"instrument/CEDAW"), "{coverers:?}");
}

#[test]
fn linked_from_matches_ancestor_links() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.toml");
    std::fs::write(
        &p,
        r#"version = "1"
[[entry]]
id = "instrument/X"
name_en = "X"
name_zh = "X公约"
zh = ["x公约"]
en = ["x convention"]
links = ["right/a"]
[[entry]]
id = "right/a"
name_en = "A"
name_zh = "甲"
zh = ["甲权"]
en = ["right a"]
[[entry]]
id = "right/a/b"
name_en = "B"
name_zh = "乙"
zh = ["乙权"]
en = ["right b"]
[[entry]]
id = "right/ab"
name_en = "AB"
name_zh = "甲乙"
zh = ["甲乙权"]
en = ["right ab"]
"#,
    )
    .unwrap();
    let t = Taxonomy::from_file(&p).unwrap();
    assert_eq!(t.linked_from("right/a/b").count(), 1);
    assert_eq!(t.linked_from("right/ab").count(), 0);
}

#[test]
fn valid_file_replaces_the_builtin_taxonomy() {
    let t = Taxonomy::from_file(&fixture("valid.toml")).unwrap();
    assert_eq!(t.version, "test-1");
    assert_eq!(t.entries.len(), 2);
    assert!(t.get("instrument/UDHR").is_none());
    assert_eq!(t.hash.len(), 64);
    assert_ne!(t.hash, Taxonomy::builtin().hash);
}

#[test]
fn extends_builtin_replaces_same_ids_and_adds_new_ones() {
    let t = Taxonomy::from_file(&fixture("extends.toml")).unwrap();
    let b = Taxonomy::builtin();
    assert_eq!(t.version, "custom-1");
    assert_eq!(t.entries.len(), b.entries.len() + 1);
    let fl = t.get("right/labour/forced-labour").unwrap();
    assert_eq!(fl.name_en, "Forced labour (narrow)");
    // Replaced in place, so the built-in order is kept.
    let pos = |t: &Taxonomy, id: &str| t.entries.iter().position(|e| e.id == id);
    assert_eq!(
        pos(&t, "right/labour/forced-labour"),
        pos(b, "right/labour/forced-labour")
    );
    assert_eq!(t.entries.last().unwrap().id, "theme/test-new");
    assert!(t.get("instrument/ICCPR").is_some());
    assert_ne!(t.hash, b.hash);
}

fn error_text(name: &str) -> String {
    match Taxonomy::from_file(&fixture(name)) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let err = Taxonomy::from_file(&fixture("syntax.toml")).unwrap_err();
    match &err {
        TaxonomyError::Syntax { file, line, .. } => {
            assert!(file.ends_with("syntax.toml"), "{file}");
            assert!(*line == 8 || *line == 9, "line {line}");
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("syntax.toml:"), "{msg}");
    assert!(msg.contains("syntax error"), "{msg}");
}

#[test]
fn duplicate_id_names_both_lines() {
    let msg = error_text("duplicate.toml");
    assert!(
        msg.contains("duplicate.toml:11: entry `right/test`"),
        "{msg}"
    );
    assert!(
        msg.contains("duplicate id (first defined at line 4)"),
        "{msg}"
    );
}

#[test]
fn unknown_link_names_the_line_of_the_link() {
    let msg = error_text("unknown_link.toml");
    assert!(
        msg.contains("unknown_link.toml:11: entry `instrument/TEST`: unknown id `right/missing`"),
        "{msg}"
    );
}

#[test]
fn empty_keyword_names_the_line_of_the_keyword() {
    let msg = error_text("empty_keyword.toml");
    assert!(
        msg.contains("empty_keyword.toml:10: entry `right/test`: empty keyword in `en`"),
        "{msg}"
    );
}

#[test]
fn malformed_weak_rules_name_file_line_and_entry() {
    let msg = error_text("bad_rule.toml");
    for (line, what) in [
        (11, "has no cue after `|`"),
        (12, "has no keyword before `|`"),
        (13, "has more than one `|`"),
        (14, "has an empty cue"),
    ] {
        let prefix = format!("bad_rule.toml:{line}: entry `sdg/7`: weak rule");
        assert!(
            msg.lines().any(|l| l.contains(&prefix) && l.contains(what)),
            "line {line} ({what}) not reported:\n{msg}"
        );
    }
    // The well-formed rule on line 10 is not reported.
    assert!(!msg.contains("bad_rule.toml:10:"), "{msg}");
}

#[test]
fn weak_rules_bring_their_own_cues_and_tag() {
    let t = Taxonomy::from_file(&fixture("rules.toml")).expect("rules load without shared cues");
    let tagger = hria::tag::Tagger::new(&t);
    let tags = tagger.tag_text("新增风电装机200兆瓦", None);
    let tag = tags
        .iter()
        .find(|t| t.tag == "sdg/7")
        .expect("rule confirmed");
    let rules: Vec<&str> = tag.evidence.iter().map(|e| e.rule.as_str()).collect();
    assert_eq!(
        rules,
        ["weak:风电+cue:装机", "cue:装机 (confirms weak:风电)"]
    );
    assert!(tagger.tag_text("上海电气风电集团", None).is_empty());
    assert!(!tagger
        .tag_text("We added 40 MW of wind installed capacity.", None)
        .is_empty());
}

#[test]
fn bad_ids_are_each_reported() {
    let msg = error_text("bad_id.toml");
    assert!(
        msg.contains("bad_id.toml:4: entry `rights/test`: bad id: unknown family `rights`"),
        "{msg}"
    );
    assert!(
        msg.contains("bad_id.toml:11: entry `right//test`: bad id"),
        "{msg}"
    );
    assert!(msg.contains("empty segment"), "{msg}");
    assert!(
        msg.contains("bad_id.toml:18: entry `right/bad id`: bad id"),
        "{msg}"
    );
    assert!(msg.contains("whitespace"), "{msg}");
}

#[test]
fn traditional_and_capitalized_keywords_get_a_suggestion() {
    let msg = error_text("not_normalized.toml");
    assert!(
        msg.contains("not_normalized.toml:7: entry `right/labour/forced-labour`: keyword \"強迫勞動\" in `zh` is not in normalized form; write \"强迫劳动\""),
        "{msg}"
    );
    assert!(
        msg.contains("not_normalized.toml:8: entry `right/labour/forced-labour`: English keyword \"Forced Labour\" in `en` is not lowercase; write \"forced labour\""),
        "{msg}"
    );
}

#[test]
fn entry_without_keywords_is_an_error() {
    let msg = error_text("no_keyword.toml");
    assert!(
        msg.contains("no_keyword.toml:4: entry `right/test`: no keyword at all"),
        "{msg}"
    );
}

#[test]
fn missing_language_is_only_a_warning() {
    let loaded = hria::taxonomy::load_file(&fixture("one_language.toml")).unwrap();
    assert_eq!(loaded.errors().count(), 0);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(
        loaded.diagnostics[0].kind,
        ProblemKind::MissingLanguage("Chinese")
    );
    assert!(Taxonomy::from_file(&fixture("one_language.toml")).is_ok());
}

#[test]
fn only_builtin_can_be_extended() {
    let msg = error_text("bad_extends.toml");
    assert!(
        msg.contains("bad_extends.toml:1: extends = \"other\""),
        "{msg}"
    );
}

#[test]
fn unreadable_file_is_a_read_error() {
    let err = Taxonomy::from_file(&fixture("does-not-exist.toml")).unwrap_err();
    assert!(matches!(err, TaxonomyError::Read { .. }), "{err}");
    assert!(err.to_string().contains("does-not-exist.toml"));
}

/// A file without entries would strip every tag: an error naming the file, unless it extends
/// the built-in taxonomy.
#[test]
fn a_file_without_entries_is_an_error() {
    for name in ["empty.toml", "no_entries.toml"] {
        let err = Taxonomy::from_file(&fixture(name)).unwrap_err();
        assert!(matches!(err, TaxonomyError::NoEntries { .. }), "{err}");
        let msg = err.to_string();
        assert!(msg.contains(&format!("{name}: no entries")), "{msg}");
        hria()
            .args(["taxonomy", "check"])
            .arg(fixture(name))
            .assert()
            .code(1)
            .stdout(predicate::str::contains(format!("{name}: no entries")))
            .stdout(predicate::str::contains("invalid"));
    }
    let t = hria::taxonomy::load_str("only-extends.toml", "extends = \"builtin\"\n").unwrap();
    assert_eq!(t.taxonomy.entries.len(), Taxonomy::builtin().entries.len());
}

#[test]
fn a_read_error_names_the_os_error_once() {
    let dir = tempfile::tempdir().unwrap();
    let err = Taxonomy::from_file(&dir.path().join("missing.toml")).unwrap_err();
    assert!(matches!(err, TaxonomyError::Read { .. }), "{err}");
    let chain = format!("{:#}", anyhow::Error::new(err));
    assert_eq!(chain.matches("os error").count(), 1, "{chain}");
    // A folder is said to be one.
    let err = Taxonomy::from_file(dir.path()).unwrap_err();
    assert!(
        err.to_string().ends_with("cannot read taxonomy: a folder"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.toml");
    std::fs::write(&p, b"version = \"1\"\n# caf\xe9\n").unwrap();
    let err = Taxonomy::from_file(&p).unwrap_err();
    assert!(
        matches!(err, TaxonomyError::Syntax { line: 2, .. }),
        "{err}"
    );
}

#[test]
fn statement_wordings_reach_the_right_instruments() {
    // The statement's own wording differs from the official titles; both must match.
    let t = Taxonomy::builtin();
    let tagger = hria::tag::Tagger::new(t);
    let cases = [
        ("我们尊重《消除一切妇女歧视公约》。", "instrument/CEDAW"),
        ("《消除对妇女一切形式歧视公约》", "instrument/CEDAW"),
        (
            "《保护所有移民工人及其家庭成员权利国际公约》",
            "instrument/ICMW",
        ),
        ("《联合国原住民权利宣言》", "instrument/UNDRIP"),
        ("《ILO 核心公约》", "instrument/ILO-FPRW"),
        (
            "《ILO 关于工作中的基本原则和权利宣言》",
            "instrument/ILO-FPRW",
        ),
        ("《联合国商业及人权指导原则》", "instrument/UNGP"),
        ("《OECD 跨国企业准则》", "instrument/OECD-MNE"),
        ("《联合国反 LGBTI 歧视商业行为准则》", "instrument/UN-LGBTI"),
        ("《日內瓦公約》", "instrument/GENEVA"),
        ("the Convention against Torture (CAT)", "instrument/CAT"),
        (
            "the OECD Guidelines for Multinational Enterprises",
            "instrument/OECD-MNE",
        ),
        ("禁止使用童工", "right/labour/child-labour"),
        ("forced or compulsory labour", "right/labour/forced-labour"),
        (
            "人人有权享有和平集会和结社的自由",
            "right/civil-political/assembly-association",
        ),
        ("我们设立了申诉机制", "hrdd/grievance-mechanism"),
        ("禁止对举报人进行打击报复", "hrdd/non-retaliation"),
    ];
    for (text, want) in cases {
        let tags = tagger.tag_text(text, None);
        assert!(
            tags.iter().any(|g| g.tag == want),
            "{text:?} should give {want}, got {:?}",
            tags.iter().map(|g| &g.tag).collect::<Vec<_>>()
        );
    }
    // A cat is not a convention.
    let tags = tagger.tag_text("The cat sat on the mat.", None);
    assert!(!tags.iter().any(|g| g.tag == "instrument/CAT"));
}

#[test]
fn cli_list_filters_by_prefix_as_json() {
    let out = hria()
        .args([
            "taxonomy",
            "list",
            "--prefix",
            "instrument/",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    assert!(rows.len() >= 23);
    assert!(rows
        .iter()
        .all(|r| r["id"].as_str().unwrap().starts_with("instrument/")));
    let iccpr = rows.iter().find(|r| r["id"] == "instrument/ICCPR").unwrap();
    assert_eq!(iccpr["name_zh"], "公民权利和政治权利国际公约");
    assert!(iccpr["keywords"].as_u64().unwrap() >= 3);
}

#[test]
fn cli_list_table_and_custom_taxonomy() {
    hria()
        .args(["taxonomy", "list", "--taxonomy"])
        .arg(fixture("valid.toml"))
        .assert()
        .success()
        .stdout(predicate::str::contains("instrument/TEST"))
        .stdout(predicate::str::contains("right/test"))
        .stdout(predicate::str::contains("instrument/UDHR").not());
}

#[test]
fn cli_show_gives_links_both_ways() {
    hria()
        .args(["taxonomy", "show", "right/labour/forced-labour"])
        .assert()
        .success()
        .stdout(predicate::str::contains("linked from:"))
        .stdout(predicate::str::contains("instrument/ILO-FPRW"))
        .stdout(predicate::str::contains("强迫劳动"));
    hria()
        .args(["taxonomy", "show", "instrument/CEDAW", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"group/women\""))
        .stdout(predicate::str::contains("\"instrument_kind\": \"treaty\""));
}

#[test]
fn cli_show_unknown_id_fails_with_a_hint() {
    hria()
        .args(["taxonomy", "show", "right/labour/forced"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no entry `right/labour/forced`"))
        .stderr(predicate::str::contains("right/labour/forced-labour"));
    hria()
        .args(["taxonomy", "show", "instrument/UDHRR"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean: instrument/UDHR"));
    // An instrument is also found by its id in another case, abbreviation or title.
    for name in [
        "ICCPR",
        "instrument/udhr",
        "ICC",
        "Rome Statute",
        "罗马规约",
    ] {
        let out = hria().args(["taxonomy", "show", name]).output().unwrap();
        assert!(out.status.success(), "{name}");
        let first = String::from_utf8_lossy(&out.stdout);
        let first = first.lines().next().unwrap_or("").to_string();
        assert!(first.contains("instrument/"), "{name}: {first}");
    }
}

#[test]
fn cli_check_exit_codes() {
    hria()
        .args(["taxonomy", "check"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("built-in taxonomy: valid"));
    hria()
        .args(["taxonomy", "check"])
        .arg(fixture("extends.toml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("valid: version custom-1"));
    hria()
        .args(["taxonomy", "check"])
        .arg(fixture("one_language.toml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 warning(s)"));
    hria()
        .args(["taxonomy", "check"])
        .arg(fixture("duplicate.toml"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "duplicate.toml:11: entry `right/test`",
        ))
        .stdout(predicate::str::contains("invalid"));
    // Entries with invalid ids are counted apart, not as a family of their own.
    hria()
        .args(["taxonomy", "check"])
        .arg(fixture("bad_id.toml"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("3 entries (invalid id 3)"));
    hria()
        .args(["taxonomy", "check"])
        .arg(fixture("syntax.toml"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("syntax error"));
    hria()
        .args(["taxonomy", "check"])
        .arg(fixture("does-not-exist.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does-not-exist.toml"));
}

#[test]
fn cli_list_rejects_an_invalid_custom_taxonomy() {
    hria()
        .args(["taxonomy", "list", "--taxonomy"])
        .arg(fixture("unknown_link.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown id `right/missing`"));
}

/// An abbreviation two instruments share names neither; a title still finds one of them.
#[test]
fn find_instrument_passes_over_a_name_two_instruments_share() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.toml");
    std::fs::write(
        &p,
        r#"
version = "t"
[[entry]]
id = "instrument/ONE"
name_en = "First Covenant"
name_zh = "第一公约"
instrument_kind = "treaty"
abbr = ["FC"]
zh = ["第一公约"]
en = ["first covenant"]
[[entry]]
id = "instrument/TWO"
name_en = "Second Covenant"
name_zh = "第二公约"
instrument_kind = "treaty"
abbr = ["FC", "SC"]
zh = ["第二公约"]
en = ["second covenant"]
"#,
    )
    .unwrap();
    let t = Taxonomy::from_file(&p).unwrap();
    let found = |name: &str| t.find_instrument(name).map(|e| e.id.as_str());
    assert_eq!(found("fc"), None);
    assert_eq!(found("sc"), Some("instrument/TWO"));
    assert_eq!(found("one"), Some("instrument/ONE"));
    assert_eq!(found("SECOND COVENANT"), Some("instrument/TWO"));
    assert_eq!(found("第一公約"), Some("instrument/ONE"));
    assert_eq!(found("《第一公約》"), Some("instrument/ONE"));
    for name in [
        "Instrument/ONE",
        "INSTRUMENT/one",
        "ｉｎｓｔｒｕｍｅｎｔ／ＯＮＥ",
        "ＳＣ",
        "instrument/",
    ] {
        let want = match name {
            "ＳＣ" => Some("instrument/TWO"),
            "instrument/" => None,
            _ => Some("instrument/ONE"),
        };
        assert_eq!(found(name), want, "{name}");
    }
    assert_eq!(found("third covenant"), None);
}

/// The ILO conventions on indigenous peoples and on domestic workers, and the slavery
/// conventions, are instruments of their own: named, they are cited; the indigenous peoples
/// convention is not UNDRIP (a declaration), and the domestic workers convention, which no
/// group or right of the taxonomy stands for alone, is never merely covered.
#[test]
fn ilo_and_slavery_conventions_are_instruments_of_their_own() {
    let t = Taxonomy::builtin();
    let tagger = hria::tag::Tagger::new(t);
    let instruments = |text: &str| -> Vec<(String, hria::model::Basis)> {
        tagger
            .tag_text(text, None)
            .into_iter()
            .filter(|g| g.tag.starts_with("instrument/"))
            .map(|g| (g.tag, g.basis))
            .collect()
    };
    let cited = |text: &str, id: &str| {
        let got = instruments(text);
        assert!(
            got.contains(&(id.to_string(), hria::model::Basis::Cited)),
            "{text:?} should cite {id}: {got:?}"
        );
        got
    };
    for text in [
        "We support ILO Convention No. 169 on the rights of indigenous peoples.",
        "尊重《1989年土著和部落人民公约》",
        "《土著及部落人民公約》",
    ] {
        let got = cited(text, "instrument/ILO-C169");
        assert!(
            !got.iter()
                .any(|(id, b)| id == "instrument/UNDRIP" && *b == hria::model::Basis::Cited),
            "{text:?}: {got:?}"
        );
    }
    cited("《联合国原住民权利宣言》", "instrument/UNDRIP");
    cited(
        "Ratify ILO Convention 189 on decent work for domestic workers.",
        "instrument/ILO-C189",
    );
    cited("我们遵守《家庭工人体面劳动公约》", "instrument/ILO-C189");
    cited("the 1926 Slavery Convention", "instrument/SLAVERY");
    cited("《禁奴公约》", "instrument/SLAVERY");
    // Addressed without being named: covered, where a link allows.
    let got = instruments("原住民社区的土地权和自由、事先和知情同意");
    assert!(got.contains(&(
        "instrument/ILO-C169".to_string(),
        hria::model::Basis::Covered
    )));
    assert!(!instruments("家政工人的工作时间和工资")
        .iter()
        .any(|(id, _)| id == "instrument/ILO-C189"));
    assert_eq!(
        t.find_instrument("C169").map(|e| e.id.as_str()),
        Some("instrument/ILO-C169")
    );
    // A convention number alone is a form or part number as often; beside rights language
    // it is the convention.
    for text in [
        "Our C189 form was filed with the regulator.",
        "Form C169 must be submitted.",
    ] {
        assert_eq!(instruments(text), [], "{text:?}");
    }
    cited(
        "We respect ILO C189 on decent work for domestic workers and the rights of migrant workers.",
        "instrument/ILO-C189",
    );
}

#[test]
fn an_entry_of_the_wrong_shape_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.toml");
    std::fs::write(
        &path,
        "[[entry]]\nid = \"right/a\"\nname_en = \"A\"\nname_zh = \"甲\"\nen = [\"aaa\"]\nzh = [\"甲甲\"]\n\n[[entry]]\nid = \"right/b\"\nname_en = \"B\"\nen = [\"bbb\"]\n",
    )
    .unwrap();
    let msg = Taxonomy::from_file(&path).unwrap_err().to_string();
    assert!(
        msg.contains("missing.toml:8:1: syntax error: entry `right/b`: missing field `name_zh`"),
        "{msg}"
    );
}

/// Keywords of punctuation alone and ids that differ only in case are errors naming the entry;
/// a one-char keyword, a keyword given twice, a cue of a mark alone and links where the tagger
/// makes nothing of them are warnings (a cue `%` may be meant; 乾 and 干 are different ids).
#[test]
fn punctuation_keywords_look_alike_ids_and_misplaced_links_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.toml");
    let entry = |id: &str, extra: &str| {
        let zh = if extra.contains("zh =") {
            ""
        } else {
            "zh = [\"名称\"]\n"
        };
        let en = if extra.contains("en =") {
            ""
        } else {
            "en = [\"name\"]\n"
        };
        format!("[[entry]]\nid = \"{id}\"\nname_en = \"N\"\nname_zh = \"名\"\n{zh}{en}{extra}\n")
    };
    let body = [
        "version = \"1\"\n".to_string(),
        entry(
            "group/seafarers",
            "en = [\"...\", \"seafarer\"]\nzh = [\"海员\", \"、\"]",
        ),
        entry("group/Seafarers", ""),
    ]
    .concat();
    std::fs::write(&p, body).unwrap();
    let msg = match Taxonomy::from_file(&p) {
        Ok(_) => panic!("should not load"),
        Err(e) => e.to_string(),
    };
    for expected in [
        "entry `group/seafarers`: keyword \"...\" in `en` has no letter or digit",
        "keyword \"、\" in `zh` has no letter or digit",
        "entry `group/Seafarers`: id differs from `group/seafarers` only in case",
    ] {
        assert!(msg.contains(expected), "{expected}\n{msg}");
    }
    std::fs::write(
        &p,
        [
            "version = \"1\"\n".to_string(),
            entry("theme/t", "zh = [\"的\", \"主题\", \"主題\"]"),
            entry("group/x", "links = [\"right/a\"]"),
            entry("theme/charter", "instrument_kind = \"declaration\""),
            entry(
                "instrument/A",
                "instrument_kind = \"treaty\"\nlinks = [\"hrdd/remedy\", \"right/a\"]",
            ),
            entry("right/a", "weak = [\"工资 | %, 工人\"]"),
            entry("hrdd/remedy", ""),
            entry("group/乾", ""),
            entry("group/干", ""),
        ]
        .concat(),
    )
    .unwrap();
    check_warns(
        &p,
        &[
            "entry `theme/t`: warning: keyword \"的\" in `zh` is one character",
            "keyword \"主題\" in `zh` is given twice",
            "entry `group/x`: warning: `links` belong to instruments",
            "entry `instrument/A`: warning: link `hrdd/remedy`: an instrument links to the rights",
            "entry `right/a`: warning: \"%\" in `weak` has no letter or digit",
            "entry `theme/charter`: warning: `instrument_kind` belongs to instruments",
            "6 warning(s)",
        ],
        &["link `right/a`", "乾`"],
    );
}

/// A taxonomy saved as UTF-16 (with its byte-order mark) reads as the same taxonomy; one in
/// another encoding gets a message that says to save it as UTF-8.
#[test]
fn a_utf16_taxonomy_is_read_and_another_encoding_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = "version = \"1\"\n[[entry]]\nid = \"group/seafarers\"\nname_en = \"Seafarers\"\nname_zh = \"海员\"\nzh = [\"海员\"]\nen = [\"seafarer\"]\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let p16 = dir.path().join("u16.toml");
    std::fs::write(&p16, utf16).unwrap();
    let p8 = dir.path().join("u8.toml");
    std::fs::write(&p8, text).unwrap();
    assert_eq!(
        Taxonomy::from_file(&p16).unwrap().hash,
        Taxonomy::from_file(&p8).unwrap().hash
    );
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let pg = dir.path().join("gbk.toml");
    std::fs::write(&pg, &*gbk).unwrap();
    let msg = Taxonomy::from_file(&pg).unwrap_err().to_string();
    assert!(
        msg.contains("gbk.toml:5:") && msg.contains("save the file as UTF-8"),
        "{msg}"
    );
    // UTF-16 without its byte-order mark: a NUL in every other byte, named as such.
    let bare16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let pb = dir.path().join("bare16.toml");
    std::fs::write(&pb, bare16).unwrap();
    let msg = Taxonomy::from_file(&pb).unwrap_err().to_string();
    assert!(
        msg.contains("bare16.toml:1:") && msg.contains("UTF-16 without a byte-order mark"),
        "{msg}"
    );
}

/// A taxonomy given as a pipe is read as a file is, a named pipe nobody writes to as empty; one
/// that is a folder, or a device without end (its read stops at 64 MiB), is an error.
#[cfg(unix)]
#[test]
fn a_taxonomy_from_a_pipe_a_folder_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("extends.toml")).unwrap();
    hria()
        .args(["taxonomy", "check", "/dev/stdin"])
        .write_stdin(text)
        .assert()
        .code(0);
    // A named pipe nobody writes to reads as empty at once, not as a wait without end.
    let fifo = dir.path().join("t.toml");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    hria()
        .args(["taxonomy", "check"])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no entries"));
    for (path, says) in [
        (dir.path(), "a folder"),
        (std::path::Path::new("/dev/zero"), "too large"),
    ] {
        hria()
            .args(["taxonomy", "check"])
            .arg(path)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot read taxonomy"))
            .stderr(predicate::str::contains(says));
    }
    // `tag --stdin` takes JSON Lines in UTF-8: options for reading files are refused with it.
    hria()
        .args(["tag", "--stdin", "--encoding", "gbk"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--encoding"));
}

/// An unknown id in `links` is an error on any entry, not only on an instrument: a typo in a
/// custom file is not a warning that links belong to instruments.
#[test]
fn an_unknown_link_is_an_error_on_any_entry() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.toml");
    std::fs::write(
        &p,
        "version = \"1\"\n[[entry]]\nid = \"theme/zz\"\nname_en = \"Z\"\nname_zh = \"乙\"\nzh = [\"乙题\"]\nen = [\"zz theme\"]\nlinks = [\"right/nothing\"]\n",
    )
    .unwrap();
    check_fails(&p, "entry `theme/zz`: unknown id `right/nothing` in links");
}

/// Writes `taxonomy` to a file in `dir` and indexes with it a corpus of one statement naming an
/// "evil thing" and forced labour; returns the taxonomy file and the index.
fn index_with_taxonomy(
    dir: &std::path::Path,
    taxonomy: &str,
) -> (std::path::PathBuf, std::path::PathBuf) {
    let tax = dir.join("taxonomy.toml");
    std::fs::write(&tax, taxonomy).unwrap();
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "We reject every evil thing and forced labour.\n",
    )
    .unwrap();
    let index = dir.join("index");
    crate::cli::index_corpus(&corpus, &index, &["--taxonomy", tax.to_str().unwrap()]);
    (tax, index)
}

/// Names, descriptions, keywords and ids from a taxonomy file reach the terminal escaped, in
/// every human-facing output that shows them (`taxonomy list`, `show`, `check`, the gap report's
/// table and CSV, coverage's CSV), as the coverage table always escaped them: a name holding an
/// escape sequence set the terminal's title or cleared the screen. JSON keeps them, escaped by
/// JSON itself.
#[test]
fn control_chars_of_a_taxonomy_file_reach_the_terminal_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let (tax, index) = index_with_taxonomy(
        tmp.path(),
        "extends = \"builtin\"\n[[entry]]\nid = \"theme/evil\"\n\
         name_en = \"Evil\\u001b]0;PWNED\\u0007 Name\"\nname_zh = \"邪\\u001b[31m恶\"\n\
         description = \"d\\u001b[2J\"\nen = [\"evil thing\"]\nzh = [\"邪恶\"]\n",
    );
    let raw = ['\u{1b}', '\u{7}'];
    let run = |args: &[&str]| {
        let out = hria().args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
    };
    let t = tax.to_str().unwrap();
    let i = index.to_str().unwrap();
    for args in [
        &["taxonomy", "list", "--taxonomy", t][..],
        &["taxonomy", "show", "theme/evil", "--taxonomy", t],
        &["gaps", "--index", i, "--taxonomy", t],
        &["gaps", "--index", i, "--taxonomy", t, "--names", "zh"],
        &["gaps", "--index", i, "--taxonomy", t, "--format", "csv"],
        &["coverage", "--by", "theme", "--index", i, "--taxonomy", t],
        &[
            "coverage",
            "--by",
            "theme",
            "--index",
            i,
            "--taxonomy",
            t,
            "--format",
            "csv",
        ],
        &[
            "coverage",
            "--by",
            "theme",
            "--per-doc",
            "--index",
            i,
            "--taxonomy",
            t,
            "--format",
            "csv",
        ],
    ] {
        let out = run(args);
        assert!(!out.contains(raw), "{args:?}: {out:?}");
        assert!(
            out.contains("Evil\\u{1b}]0;PWNED\\u{7} Name") || out.contains("邪\\u{1b}[31m恶"),
            "{args:?}: {out}"
        );
    }
    let show = run(&["taxonomy", "show", "theme/evil", "--taxonomy", t]);
    assert!(show.contains("description: d\\u{1b}[2J"), "{show}");
    // The gap report's heading of the finding, and JSON as JSON escapes it.
    let gaps = run(&["gaps", "--index", i, "--taxonomy", t]);
    assert!(
        gaps.contains("theme/evil  Evil\\u{1b}]0;PWNED\\u{7} Name  ["),
        "{gaps}"
    );
    let json = run(&["gaps", "--index", i, "--taxonomy", t, "--format", "json"]);
    assert!(json.contains("Evil\\u001b]0;PWNED\\u0007 Name"), "{json}");
    // `taxonomy check` echoes a bad id, and an id asked for that is not there, escaped.
    let bad = tmp.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[entry]]\nid = \"theme/a\\u001b]0;X\\u0007\"\nname_en = \"L\"\nname_zh = \"L\"\nen = [\"lll\"]\n",
    )
    .unwrap();
    let check = run(&["taxonomy", "check", bad.to_str().unwrap()]);
    assert!(!check.contains(raw), "{check:?}");
    assert!(check.contains("theme/a\\u{1b}]0;X\\u{7}"), "{check}");
    let unknown = run(&["taxonomy", "show", "theme/ev\u{1b}[2Jil"]);
    assert!(!unknown.contains(raw), "{unknown:?}");
    assert!(
        unknown.contains("no entry `theme/ev\\u{1b}[2Jil`"),
        "{unknown}"
    );
}

/// A name cut to its column in the coverage and gap tables is cut in its escaped form, a whole
/// escape at a time: the cut once fell inside `\u{202e}`, leaving `\u{2…`, which reads as
/// neither the char nor its escape.
#[test]
fn a_name_cut_to_its_column_keeps_its_escapes_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let long = format!("{}\\u202e{}", "A".repeat(25), "B".repeat(10));
    let short = "Short\\u0007name";
    let (tax, index) = index_with_taxonomy(
        tmp.path(),
        &format!(
            "extends = \"builtin\"\n\
             [[entry]]\nid = \"theme/long\"\nname_en = \"{long}\"\nname_zh = \"长\"\nen = [\"evil thing\"]\n\
             [[entry]]\nid = \"theme/short\"\nname_en = \"{short}\"\nname_zh = \"短\"\nen = [\"nothing here\"]\n"
        ),
    );
    let t = tax.to_str().unwrap();
    let i = index.to_str().unwrap();
    let cut = format!("{}…", "A".repeat(25));
    for args in [
        &["coverage", "--by", "theme", "--index", i, "--taxonomy", t][..],
        &[
            "coverage",
            "--by",
            "theme",
            "--per-doc",
            "--index",
            i,
            "--taxonomy",
            t,
        ],
        &["gaps", "--index", i, "--taxonomy", t, "--names", "en"],
    ] {
        let out = hria().args(args).output().unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        // The cell after the id's, in table rows (the gap report's headings name the finding
        // in full).
        let cells = |id: &str| -> Vec<String> {
            out.lines()
                .filter(|l| !l.ends_with(']'))
                .filter_map(|l| {
                    let mut cells = l.split("  ").map(str::trim).filter(|c| !c.is_empty());
                    cells.find(|c| *c == id)?;
                    cells.next().map(str::to_string)
                })
                .collect()
        };
        let long_cells = cells("theme/long");
        assert!(!long_cells.is_empty(), "{args:?}: {out}");
        for cell in long_cells {
            assert_eq!(cell, cut, "{args:?}: {out}");
        }
        // A name whose escape fits is shown whole.
        for cell in cells("theme/short") {
            assert_eq!(cell, "Short\\u{7}name", "{args:?}: {out}");
        }
    }
}

/// `taxonomy list` pads its id column by display width: an id of CJK chars (two columns each,
/// three bytes) was padded by its bytes, and pushed its row's columns out of line.
#[test]
fn taxonomy_list_aligns_wide_ids() {
    use unicode_width::UnicodeWidthStr;
    let tmp = tempfile::tempdir().unwrap();
    let tax = tmp.path().join("wide.toml");
    std::fs::write(
        &tax,
        "[[entry]]\nid = \"theme/强迫劳动问题\"\nname_en = \"Forced\"\nname_zh = \"强迫\"\nen = [\"forced labour\"]\n\
         [[entry]]\nid = \"theme/a\"\nname_en = \"A\"\nname_zh = \"甲\"\nen = [\"aaa\"]\n",
    )
    .unwrap();
    let out = hria()
        .args(["taxonomy", "list", "--taxonomy", tax.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    // The keyword counts end where the header's KEYWORDS does.
    let end = |l: &str, what: &str| l[..l.find(what).unwrap() + what.len()].width();
    let at = end(lines[0], "KEYWORDS");
    assert_eq!(end(lines[1], "  1  "), at + 2, "{out}");
    assert_eq!(end(lines[2], "  1  "), at + 2, "{out}");
}

/// An unknown id in `implies` is an error naming the entry, the line and the id; an entry that
/// implies itself or an instrument, and an instrument that implies anything, get a warning, and
/// the tagger ignores them.
#[test]
fn implied_ids_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let entry = |id: &str, implies: &str| {
        format!(
            "[[entry]]\nid = \"{id}\"\nname_en = \"Z\"\nname_zh = \"乙\"\nzh = [\"{id}题\"]\nen = [\"{id} theme\"]\nimplies = [{implies}]\n"
        )
    };
    let p = dir.path().join("unknown.toml");
    std::fs::write(
        &p,
        format!("version = \"1\"\n{}", entry("theme/zz", "\"sdg/99\"")),
    )
    .unwrap();
    check_fails(
        &p,
        "unknown.toml:8: entry `theme/zz`: unknown id `sdg/99` in implies",
    );
    let p = dir.path().join("odd.toml");
    std::fs::write(
        &p,
        format!(
            "version = \"1\"\n{}{}{}",
            entry("theme/zz", "\"theme/zz\", \"theme/yy\""),
            entry("theme/yy", "\"instrument/A\""),
            "[[entry]]\nid = \"instrument/A\"\nname_en = \"A\"\nname_zh = \"甲\"\nzh = [\"甲约\"]\nen = [\"a treaty\"]\nimplies = [\"theme/yy\"]\n",
        ),
    )
    .unwrap();
    check_warns(
        &p,
        &[
            "entry `theme/zz`: warning: implied `theme/zz`",
            "entry `theme/yy`: warning: implied `instrument/A`",
            "entry `instrument/A`: warning: implied `theme/yy`: an instrument implies nothing",
            "3 warning(s)",
        ],
        &["entry `theme/zz`: warning: implied `theme/yy`"],
    );
}

/// Runs `taxonomy check` on `path`, which must fail (exit 1) with `problem` among its lines.
fn check_fails(path: &std::path::Path, problem: &str) {
    crate::cli::hria()
        .args(["taxonomy", "check"])
        .arg(path)
        .assert()
        .code(1)
        .stdout(predicates::str::contains(problem));
}

/// Runs `taxonomy check` on `path`, which must pass with warnings: its output holds each of
/// `expected` and none of `absent`.
fn check_warns(path: &std::path::Path, expected: &[&str], absent: &[&str]) {
    let out = crate::cli::hria()
        .args(["taxonomy", "check"])
        .arg(path)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    for e in expected {
        assert!(text.contains(e), "{e}\n{text}");
    }
    for a in absent {
        assert!(!text.contains(a), "{a}\n{text}");
    }
}

/// An entry without `implies` hashes as it did before the field existed, so that an index tagged
/// with a custom taxonomy is not taken as tagged with another one.
#[test]
fn a_taxonomy_without_implies_keeps_its_hash() {
    crate::cli::hria()
        .args(["taxonomy", "check", "tests/fixtures/tag/small.toml"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("hash b1a67dea0fefa793"));
}
