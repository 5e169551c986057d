//! The tagger on the Microsoft statement with the built-in taxonomy, and `hria tag` on bad input.

use crate::cli::hria;
use hria::model::{Basis, Document, Tag, TaggedPassage};
use hria::segment::Segmenter;
use hria::tag::Tagger;
use hria::taxonomy::Taxonomy;
use std::path::PathBuf;

const STATEMENT: &str = "tests/fixtures/index/corpus/microsoft-global-human-rights-statement.zh.md";

fn statement() -> (Document, Vec<TaggedPassage>) {
    let path = PathBuf::from(STATEMENT);
    let opts = hria::ingest::IngestOptions::default();
    let (candidates, skips) = hria::ingest::walk(std::slice::from_ref(&path), &opts);
    assert!(skips.is_empty(), "{skips:?}");
    let doc = hria::ingest::load(&candidates[0], &opts).expect("statement loads");
    let tagger = Tagger::new(Taxonomy::builtin());
    let passages = hria::pipeline::process(&doc, &Segmenter::new(), &tagger);
    (doc, passages)
}

/// The passage whose source range holds byte `at` of the document.
fn passage_at(passages: &[TaggedPassage], at: usize) -> &TaggedPassage {
    passages
        .iter()
        .find(|p| p.passage.range.contains(&at))
        .unwrap_or_else(|| panic!("no passage at byte {at}"))
}

/// Whether `orig` is `matched`, possibly with markup between its chars.
fn same_text_or_markup(orig: &str, matched: &str) -> bool {
    if orig == matched {
        return true;
    }
    let mut rest = orig.chars();
    orig.chars().next() == matched.chars().next()
        && orig.chars().next_back() == matched.chars().next_back()
        && matched.chars().all(|m| rest.any(|o| o == m))
}

fn has(tags: &[Tag], id: &str) -> bool {
    tags.iter().any(|t| t.tag == id)
}

/// (list item text, instrument it names)
const LISTED: &[(&str, &str)] = &[
    ("- [《世界人权宣言》](#)", "instrument/UDHR"),
    ("- [《公民权利和政治权利国际公约》](#)", "instrument/ICCPR"),
    (
        "- [《经济、社会及文化权利国际公约》](#)",
        "instrument/ICESCR",
    ),
    (
        "- [《国际劳工组织关于工作中的基本原则和权利宣言》](#)",
        "instrument/ILO-FPRW",
    ),
    ("- [《消除一切妇女歧视公约》](#)", "instrument/CEDAW"),
    ("- [《儿童权利公约》](#)", "instrument/CRC"),
    ("- [《残疾人权利公约》](#)", "instrument/CRPD"),
    ("- [《消除一切种族歧视国际公约》](#)", "instrument/ICERD"),
    (
        "- [《保护所有移民工人及其家庭成员权利国际公约》](#)",
        "instrument/ICMW",
    ),
    ("- [《日内瓦公约》及其附加议定书](#)", "instrument/GENEVA"),
    ("- [《国际刑事法院罗马规约》](#)", "instrument/ROME"),
    ("- [《联合国原住民权利宣言》](#)", "instrument/UNDRIP"),
    ("- [《联合国人权捍卫者宣言》](#)", "instrument/UNDHRD"),
    ("- [《儿童权利和商业原则》](#)", "instrument/CRBP"),
    ("- [《全球网络倡议》](#)", "instrument/GNI"),
    ("- [《可持续发展目标》](#)", "instrument/SDG"),
    ("- [《联合国全球契约》](#)", "instrument/UNGC"),
    (
        "- [《联合国反 LGBTI 歧视商业行为准则》](#)",
        "instrument/UN-LGBTI",
    ),
    ("- [《妇女赋权原则》](#)", "instrument/WEP"),
];

#[test]
fn every_listed_instrument_is_cited_where_it_is_listed() {
    let (doc, passages) = statement();
    assert_eq!(LISTED.len(), 19);
    for (item, id) in LISTED {
        let line = format!("\n{item}\n");
        let start = doc
            .text
            .find(&line)
            .unwrap_or_else(|| panic!("{item} not in the statement"))
            + 1;
        let end = start + item.len();
        let p = passage_at(&passages, start + 2);
        let tag = p
            .tags
            .iter()
            .find(|t| t.tag == *id)
            .unwrap_or_else(|| panic!("{id} not tagged on {item}: {:?}", p.tags));
        assert_eq!(tag.basis, Basis::Cited, "{id}");
        assert!(
            tag.evidence
                .iter()
                .any(|e| e.range.start >= start && e.range.end <= end),
            "{id}: no evidence inside {item}: {:?}",
            tag.evidence
        );
    }
}

#[test]
fn evidence_slices_back_to_the_document() {
    let (doc, passages) = statement();
    let mut n = 0;
    for p in &passages {
        for t in &p.tags {
            assert!(t.score > 0.0 && t.score <= 1.0, "{t:?}");
            for e in &t.evidence {
                let orig = doc
                    .text
                    .get(e.range.clone())
                    .expect("range on char boundaries");
                // The original span is the match itself, or the match with markup inside it
                // (`[可持续发展](#)报告` for `可持续发展报告`): same ends, matched chars in order.
                assert!(same_text_or_markup(orig, &e.matched), "{e:?} vs {orig:?}");
                n += 1;
            }
        }
        let ids: Vec<&str> = p.tags.iter().map(|t| t.tag.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }
    assert!(n > 50, "only {n} evidence spans");
}

#[test]
fn employees_passage_tags_labour_rights() {
    let (doc, passages) = statement();
    let at = doc.text.find("**我们的员工：**").expect("marker");
    let p = passage_at(&passages, at + 2);
    for id in [
        "right/labour/association-bargaining",
        "right/labour/forced-labour",
        "right/labour/child-labour",
        "right/non-discrimination",
    ] {
        assert!(has(&p.tags, id), "{id} missing: {:?}", p.tags);
    }
}

#[test]
fn migrant_workers_passage_tags_migrants_and_forced_labour() {
    let (doc, passages) = statement();
    let at = doc.text.find("外国移民工人 (FMW)").expect("marker");
    let p = passage_at(&passages, at);
    assert!(has(&p.tags, "group/migrants"), "{:?}", p.tags);
    assert!(has(&p.tags, "right/labour/forced-labour"), "{:?}", p.tags);
}

#[test]
fn defenders_passage_tags_defenders() {
    let (doc, passages) = statement();
    let at = doc.text.find("**我们承诺尊重人权捍卫者").expect("marker");
    let p = passage_at(&passages, at + 2);
    assert!(has(&p.tags, "group/human-rights-defenders"), "{:?}", p.tags);
}

#[test]
fn remedy_channels_tag_grievance_mechanism() {
    let (doc, passages) = statement();
    for marker in ["廉政网站", "商业行为电子邮件地址", "廉政热线"] {
        let at = doc.text.find(marker).expect("marker");
        let p = passage_at(&passages, at);
        // Each channel is its own list item; the passage it is in must be tagged.
        assert!(
            has(&p.tags, "hrdd/grievance-mechanism"),
            "{marker}: {:?}",
            p.tags
        );
    }
}

#[test]
fn tagging_is_deterministic_across_runs() {
    let (_, a) = statement();
    let (_, b) = statement();
    let tags = |v: &[TaggedPassage]| v.iter().map(|p| p.tags.clone()).collect::<Vec<_>>();
    assert_eq!(tags(&a), tags(&b));
}

#[test]
fn stdin_tags_each_line_in_order_and_reports_bad_ones() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"我们禁止强迫劳动。\", \"lang\": \"zh\"}\n",
        "not json\n",
        "\n",
        "{\"id\": \"b\"}\n",
        "{\"id\": 3, \"text\": \"\"}\n",
        "{\"id\": \"c\", \"text\": \"We respect the Universal Declaration of Human Rights.\"}\n",
    );
    let out = hria()
        .args(["tag", "--stdin"])
        .write_stdin(input)
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON output"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 3);
    assert_eq!(lines[1]["tags"], serde_json::json!([]));
    assert_eq!(lines[2]["id"], "c");
    let tags0 = lines[0]["tags"].as_array().unwrap();
    let fl = tags0
        .iter()
        .find(|t| t["tag"] == "right/labour/forced-labour")
        .expect("forced labour");
    assert_eq!(fl["basis"], "matched");
    assert_eq!(fl["evidence"][0]["matched"], "强迫劳动");
    assert_eq!(fl["evidence"][0]["range"]["start"], "我们禁止".len());
    assert!(lines[2]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["tag"] == "instrument/UDHR" && t["basis"] == "cited"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2: invalid JSON"), "{stderr}");
    assert!(stderr.contains("line 3: empty line"), "{stderr}");
    assert!(stderr.contains("line 4: missing \"text\""), "{stderr}");
}

#[test]
fn stdin_all_good_exits_zero() {
    hria()
        .args(["tag", "--stdin"])
        .write_stdin("{\"id\": \"x\", \"text\": \"nothing here\"}\n")
        .assert()
        .code(0)
        .stdout("{\"id\":\"x\",\"tags\":[]}\n");
}

#[test]
fn stdin_handles_a_ten_megabyte_line() {
    let unit = "我们承诺消除强迫劳动 and respect privacy, 保护儿童。";
    let text = unit.repeat((10 << 20) / unit.len() + 1);
    let line = serde_json::json!({"id": "big", "text": text}).to_string();
    assert!(line.len() > 10 << 20);
    let out = hria()
        .args(["tag", "--stdin"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .code(0)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    let tags = v["tags"].as_array().unwrap();
    let fl = tags
        .iter()
        .find(|t| t["tag"] == "right/labour/forced-labour")
        .expect("forced labour");
    assert_eq!(
        fl["evidence"].as_array().unwrap().len(),
        hria::tag::MAX_EVIDENCE
    );
}

#[test]
fn unknown_taxonomy_file_is_an_error() {
    hria()
        .args([
            "tag",
            "--stdin",
            "--taxonomy",
            "tests/fixtures/tag/no-such-file.toml",
        ])
        .write_stdin("{\"id\": \"x\", \"text\": \"t\"}\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-file.toml"));
}

#[test]
fn bad_threshold_is_an_error() {
    hria()
        .args(["tag", "--stdin", "--threshold", "1.5"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("threshold"));
}

#[test]
fn custom_taxonomy_file_is_used() {
    hria()
        .args([
            "tag",
            "--stdin",
            "--taxonomy",
            "tests/fixtures/tag/small.toml",
        ])
        .write_stdin("{\"id\": \"x\", \"text\": \"widgets and 小部件\"}\n")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("\"tag\":\"theme/widgets\""));
}

#[test]
fn files_are_tagged_as_jsonl_and_table() {
    let out = hria()
        .args(["tag", "--format", "jsonl", STATEMENT])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut cited = 0;
    for l in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
        assert!(v["id"].is_string());
        cited += v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["basis"] == "cited")
            .count();
    }
    assert!(cited >= 19, "{cited}");
    hria()
        .args(["tag", STATEMENT])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("instrument/UNGP (cited"));
}

mod rules;

/// Narrow treaties are covered only by their own subject: the right to life, detention or
/// conflict-affected areas cover the Covenant or the Geneva Conventions, not the death-penalty
/// protocol, the disappearance convention or the Rome Statute.
#[test]
fn narrow_treaties_are_covered_only_by_their_subject() {
    let tagger = Tagger::new(Taxonomy::builtin());
    let covered = |text: &str| -> Vec<String> {
        tagger
            .tag_text(text, None)
            .into_iter()
            .filter(|t| t.basis == Basis::Covered)
            .map(|t| t.tag)
            .collect()
    };
    let cases: [(&str, &[&str], &[&str]); 6] = [
        (
            "我们尊重人身自由，反对任意拘留。",
            &["instrument/ICCPR"],
            &["instrument/CPED"],
        ),
        (
            "We oppose enforced disappearances and secret detention.",
            &["instrument/CPED"],
            &[],
        ),
        (
            "We protect the right to life of every worker.",
            &["instrument/ICCPR"],
            &["instrument/ICCPR-OP2"],
        ),
        ("我们支持废除死刑。", &["instrument/ICCPR-OP2"], &[]),
        (
            "We conduct enhanced due diligence in conflict-affected areas.",
            &["instrument/GENEVA"],
            &["instrument/ROME", "instrument/GENOCIDE"],
        ),
        (
            "我们绝不容忍战争罪和危害人类罪。",
            &[
                "instrument/ROME",
                "instrument/GENOCIDE",
                "instrument/GENEVA",
            ],
            &[],
        ),
    ];
    for (text, yes, no) in cases {
        let got = covered(text);
        for id in yes {
            assert!(
                got.iter().any(|t| t == id),
                "{text}: {id} not covered: {got:?}"
            );
        }
        for id in no {
            assert!(
                !got.iter().any(|t| t == id),
                "{text}: {id} covered: {got:?}"
            );
        }
    }
}

/// A capitalised match inside the name of an organisation or a place says nothing of what a
/// passage is about; a policy, plan or law named after its subject does, and so do headings
/// and text that merely starts a sentence with a capital.
#[test]
fn names_of_organisations_do_not_tag_their_words() {
    let tagger = Tagger::new(Taxonomy::builtin());
    let tags = |text: &str| tagger.tag_text(text, None);
    let health = "right/economic-social-cultural/health";
    for text in [
        "Due to the significant impact of Covid-19, Wimmera Health Care Group has been unable to undertake a formal risk assessment of its operations and supply chains.",
        "Our partners include Grampians Health and the local council.",
    ] {
        assert!(!has(&tags(text), health), "{text}");
    }
    // The name ends with its sentence: the next one's "Code of Conduct" is not part of it.
    assert!(!has(
        &tags("Our partner in this work is the Wimmera Health Care Group. Our Code of Conduct applies to every supplier we work with."),
        health
    ));
    assert!(!has(
        &tags("Of the companies below the turnover threshold, Aspire Housing is considering requesting these contractors complete a questionnaire."),
        "right/economic-social-cultural/housing"
    ));
    for (text, id) in [
        ("Health care must be accessible to all workers.", health),
        ("We improve access to health care in rural areas.", health),
        ("We have a Foreign Migrant Worker Policy for suppliers.", "group/migrants"),
        (
            "We follow the US National Action Plan to Combat Human Trafficking.",
            "right/labour/forced-labour",
        ),
        ("All staff are paid the National Living Wage.", "right/labour/working-conditions"),
        ("Our Approach To Preventing Forced Labour", "right/labour/forced-labour"),
        (
            "Eliminating Forced Labour is a priority across our business and our supply chains.",
            "right/labour/forced-labour",
        ),
        ("STEPS TO PREVENT FORCED LABOUR in our supply chain", "right/labour/forced-labour"),
        // A treaty's title names its subject.
        (
            "Ratify the International Convention on the Protection of the Rights of All Migrant Workers.",
            "group/migrants",
        ),
    ] {
        assert!(has(&tags(text), id), "{text}: {id}");
    }
}

#[test]
fn radicals_of_pdf_text_tag_as_their_ideographs() {
    // PDF text extraction often writes 止, 用, 工, 人 and 自 with the Kangxi radicals ⽌ ⽤ ⼯ ⼈ ⾃.
    let text = "公司禁⽌使⽤童⼯，尊重⼯⼈的结社⾃由。";
    let tagger = Tagger::new(Taxonomy::builtin());
    let tags = tagger.tag_text(text, None);
    for (id, source) in [
        ("right/labour/child-labour", "使⽤童⼯"),
        ("right/labour/association-bargaining", "结社⾃由"),
        ("group/workers", "⼯⼈"),
    ] {
        let tag = tags
            .iter()
            .find(|t| t.tag == id)
            .unwrap_or_else(|| panic!("{id} in {tags:?}"));
        // The evidence is the source's own chars, radicals and all.
        assert!(
            tag.evidence
                .iter()
                .any(|e| &text[e.range.clone()] == source && e.matched == source),
            "{id}: {:?}",
            tag.evidence
        );
    }
    // The same text in unified ideographs tags the same.
    let unified: Vec<String> = tagger
        .tag_text("公司禁止使用童工，尊重工人的结社自由。", None)
        .into_iter()
        .map(|t| t.tag)
        .collect();
    let ids: Vec<String> = tags.into_iter().map(|t| t.tag).collect();
    assert_eq!(ids, unified);
    // Words are cut as in the unified text, with ranges on the radicals.
    let seg = Segmenter::new();
    let words: Vec<(String, &str)> = seg
        .tokens(text)
        .into_iter()
        .map(|t| (t.term.to_string(), &text[t.range]))
        .collect();
    assert!(words.contains(&("童工".to_string(), "童⼯")), "{words:?}");
    assert!(words.contains(&("工人".to_string(), "⼯⼈")), "{words:?}");
}

#[test]
fn letter_spaced_chinese_tags_with_evidence_on_its_source() {
    let tagger = Tagger::new(Taxonomy::builtin());
    let text = "我 们 禁 止 强 迫 劳 动";
    let tags = tagger.tag_text(text, None);
    let forced = tags
        .iter()
        .find(|t| t.tag == "right/labour/forced-labour")
        .unwrap_or_else(|| panic!("{tags:?}"));
    let e = &forced.evidence[0];
    assert_eq!(e.matched, "强迫劳动");
    assert_eq!(&text[e.range.clone()], "强 迫 劳 动");
}

/// `uncounted` says why a keyword found made no tag, for the entries the text is not tagged
/// with only, and the light tagger tags as the full one.
#[test]
fn uncounted_matches_say_why_they_made_no_tag() {
    use hria::tag::{NameKind, NotCounted};
    let tax = Taxonomy::builtin();
    let full = Tagger::new(tax);
    let light = Tagger::try_new_light(tax).unwrap();
    let shelter = "县级人民政府可以设立临时庇护场所，为家庭暴力受害人提供临时生活帮助。";
    let pet = "Our pet food business grew in 20 markets this year.";
    for text in [
        shelter,
        pet,
        "We prohibit forced labour in our supply chain.",
    ] {
        assert_eq!(
            light.tag_text(text, None),
            full.tag_text(text, None),
            "{text}"
        );
    }
    let u = light.uncounted(shelter, &[]);
    let m = u
        .iter()
        .find(|m| m.entry == entry_index("group/refugees"))
        .unwrap_or_else(|| panic!("{u:?}"));
    assert_eq!((m.name.as_str(), m.kind), ("庇护", NameKind::Keyword));
    assert!(
        matches!(&m.reason, NotCounted::Excluded(x) if x == "临时庇护" || x == "庇护场所"),
        "{m:?}"
    );
    assert_eq!(&shelter[m.range.clone()], "庇护");
    let u = light.uncounted(pet, &[]);
    let m = u
        .iter()
        .find(|m| m.entry == entry_index("right/economic-social-cultural/food"))
        .unwrap_or_else(|| panic!("{u:?}"));
    assert_eq!(
        (m.name.as_str(), m.kind, &m.reason),
        ("food", NameKind::Weak, &NotCounted::NoCue)
    );
    // A cue in the sentence confirms it: tagged, so nothing of it is uncounted.
    let hungry = "We donate food to families facing hunger.";
    assert!(light
        .uncounted(hungry, &[])
        .iter()
        .all(|m| m.entry != entry_index("right/economic-social-cultural/food")));
    // So does a cue in the section path.
    let u = light.uncounted(pet, &["Hunger relief".to_string()]);
    assert!(u
        .iter()
        .all(|m| m.entry != entry_index("right/economic-social-cultural/food")));
}

/// A document large enough that its output waits in a temporary file comes out whole and in walk
/// order between small ones, in both commands that render documents.
#[test]
fn large_documents_come_out_whole_and_in_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "We prohibit child labour.\n").unwrap();
    let big = "We prohibit forced labour in our supply chain.\n\n".repeat(30_000);
    assert!(big.len() > 1 << 20);
    std::fs::write(dir.path().join("b.md"), &big).unwrap();
    std::fs::write(dir.path().join("c.md"), "We provide remedy.\n").unwrap();
    for cmd in ["tag", "segment"] {
        let out = hria()
            .args([cmd, "--format", "jsonl"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        let docs: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["doc"].as_str().unwrap().to_string()
            })
            .collect();
        let n = |d: &str| docs.iter().filter(|x| *x == d).count();
        assert_eq!((n("a.md"), n("b.md"), n("c.md")), (1, 30_000, 1), "{cmd}");
        assert_eq!(docs.first().map(String::as_str), Some("a.md"));
        assert_eq!(docs.last().map(String::as_str), Some("c.md"));
    }
}

/// Under a statute's title every passage speaks as the statute: its duties and prohibitions are
/// no pledge, and the reason is given; a company's own rules, named by the company, pledge.
#[test]
fn a_statute_s_title_makes_its_duties_no_pledge() {
    use hria::tag::NotCounted;
    let tax = Taxonomy::builtin();
    let light = Tagger::try_new_light(tax).unwrap();
    let commitment = entry_index("stance/commitment");
    let duty = "禁止用人单位招用未满十六周岁的未成年人。";
    for title in [
        "中华人民共和国劳动法",
        "工伤保险条例",
        "劳动保障监察办法（试行）",
    ] {
        let u = light.uncounted(duty, &[title.to_string()]);
        assert!(
            u.iter()
                .any(|m| m.entry == commitment && m.reason == NotCounted::Duty),
            "{title}: {u:?}"
        );
    }
    // A law's title with a note after it, a code, and a regulation naming the companies it
    // regulates.
    for title in [
        "中华人民共和国劳动法（2018年修正）",
        "证券公司风险处置条例",
        "民法典",
    ] {
        let u = light.uncounted(duty, &[title.to_string()]);
        assert!(u.iter().any(|m| m.entry == commitment), "{title}: {u:?}");
    }
    // A company's rules, a method, a virtue and a report are no statutes.
    for title in [
        "某集团反腐败管理办法",
        "我们的做法",
        "诚信守法",
        "合规之法",
        "2023年社会责任报告",
    ] {
        let u = light.uncounted(duty, &[title.to_string()]);
        assert!(u.iter().all(|m| m.entry != commitment), "{title}: {u:?}");
    }
    // A company speaking for itself keeps its pledges under any title.
    let pledge = "本公司承诺尊重和保护员工的人权，坚决禁止使用童工。";
    for title in ["员工人权保护管理规定", "供应商社会责任管理办法（试行）"]
    {
        let u = light.uncounted(pledge, &[title.to_string()]);
        assert!(u.iter().all(|m| m.entry != commitment), "{title}: {u:?}");
    }
    // Read from files, the law's first heading is its title.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("law.md"),
        "# 中华人民共和国劳动法\n\n用人单位应当保证劳动者每周至少休息一日。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("code.md"),
        "# 供应商行为准则\n\n我们确保劳动者每周至少休息一日。\n",
    )
    .unwrap();
    let out = hria()
        .args(["tag", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let pledged = |doc: &str| {
        stdout.lines().any(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["doc"] == doc
                && v["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t["tag"] == "stance/commitment")
        })
    };
    assert!(!pledged("law.md"), "{stdout}");
    assert!(pledged("code.md"), "{stdout}");
}

/// A subject inside a law's name is not counted, and `uncounted` says it was inside a title.
#[test]
fn a_law_s_name_is_reported_as_a_title() {
    use hria::tag::NotCounted;
    let tax = Taxonomy::builtin();
    let light = Tagger::try_new_light(tax).unwrap();
    let forced = entry_index("right/labour/forced-labour");
    let text = "This report is prepared pursuant to the Fighting Against Forced Labour and Child Labour in Supply Chains Act.";
    let u = light.uncounted(text, &[]);
    let m = u
        .iter()
        .find(|m| m.entry == forced)
        .unwrap_or_else(|| panic!("{u:?}"));
    assert_eq!(m.reason, NotCounted::InTitle);
    assert_eq!(&text[m.range.clone()], "Forced Labour");
}

/// Where an entry is in the built-in taxonomy, as `uncounted` reports it.
fn entry_index(id: &str) -> usize {
    Taxonomy::builtin()
        .entries
        .iter()
        .position(|e| e.id == id)
        .unwrap_or_else(|| panic!("no entry {id}"))
}

/// A tag implies the entries its entry names in `implies`, with its score and its evidence under
/// `implied-by:`; an entry found from its own words keeps its own evidence, an implied tag implies
/// nothing further, and an entry implying itself or an instrument implies nothing by it.
#[test]
fn implied_tags_carry_the_evidence_that_implies_them() {
    let loaded = hria::taxonomy::load_str(
        "implies.toml",
        "version = \"1\"\n\
         [[entry]]\nid = \"right/a\"\nname_en = \"A\"\nname_zh = \"甲\"\nzh = [\"甲权\"]\nen = [\"alpha right\"]\nimplies = [\"sdg/1\", \"right/a\", \"instrument/T\", \"sdg/1\"]\n\
         [[entry]]\nid = \"sdg/1\"\nname_en = \"G\"\nname_zh = \"目标\"\nzh = [\"目标一\"]\nen = [\"goal one\"]\nimplies = [\"sdg/2\"]\n\
         [[entry]]\nid = \"sdg/2\"\nname_en = \"G2\"\nname_zh = \"目标二\"\nzh = [\"目标二\"]\nen = [\"goal two\"]\n\
         [[entry]]\nid = \"instrument/T\"\nname_en = \"T\"\nname_zh = \"约\"\nzh = [\"甲约\"]\nen = [\"the alpha right convention\"]\ninstrument_kind = \"treaty\"\n",
    )
    .unwrap();
    let tagger = Tagger::new(&loaded.taxonomy);
    let text = "We respect the alpha right.";
    let tags = tagger.tag_text(text, None);
    let ids: Vec<&str> = tags.iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(ids, ["right/a", "sdg/1"], "{tags:?}");
    let (right, goal) = (&tags[0], &tags[1]);
    assert_eq!(goal.score, right.score);
    assert_eq!(goal.basis, Basis::Matched);
    assert_eq!(goal.evidence.len(), 1);
    assert_eq!(goal.evidence[0].rule, "implied-by:right/a");
    assert_eq!(goal.evidence[0].range, right.evidence[0].range);
    assert_eq!(&text[goal.evidence[0].range.clone()], "alpha right");
    // Found from its own words too: its own evidence, which implies goal two in turn.
    let tags = tagger.tag_text("The alpha right serves goal one.", None);
    let goal = tags.iter().find(|t| t.tag == "sdg/1").unwrap();
    assert_eq!(goal.evidence[0].rule, "keyword:goal one", "{tags:?}");
    let two = tags.iter().find(|t| t.tag == "sdg/2").unwrap();
    assert_eq!(two.evidence[0].rule, "implied-by:sdg/1", "{tags:?}");
    // Inside an instrument's title, the right is the instrument's subject: it implies nothing.
    let tags = tagger.tag_text("We ratified the Alpha Right Convention.", None);
    assert!(!tags.iter().any(|t| t.tag == "sdg/1"), "{tags:?}");
    // The built-in taxonomy: discrimination is SDG 10's, through the right.
    let builtin = Tagger::new(Taxonomy::builtin());
    let tags = builtin.tag_text("我们反对一切形式的歧视。", None);
    let goal = tags.iter().find(|t| t.tag == "sdg/10").unwrap();
    assert_eq!(
        goal.evidence[0].rule, "implied-by:right/non-discrimination",
        "{tags:?}"
    );
}
