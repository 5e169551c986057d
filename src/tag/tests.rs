use super::*;
use crate::model::{OffsetMap, PassageKind};
use crate::taxonomy::{Entry, InstrumentKind};

fn entry(id: &str) -> Entry {
    Entry {
        id: id.to_string(),
        name_en: id.to_string(),
        name_zh: id.to_string(),
        ..Entry::default()
    }
}

fn instrument(id: &str, abbr: &[&str], zh: &[&str], en: &[&str], links: &[&str]) -> Entry {
    Entry {
        instrument_kind: Some(InstrumentKind::Treaty),
        abbr: strs(abbr),
        zh: strs(zh),
        en: strs(en),
        links: strs(links),
        ..entry(id)
    }
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A small taxonomy exercising every rule.
fn taxonomy() -> Taxonomy {
    Taxonomy {
        version: "test".into(),
        hash: String::new(),
        entries: vec![
            instrument(
                "instrument/UDHR",
                &["UDHR"],
                &["世界人权宣言"],
                &["universal declaration of human rights"],
                // A general catalogue: more links than a focused instrument has.
                &[
                    "right/labour",
                    "group/children",
                    "group/women",
                    "right/civil-political/privacy",
                    "right/civil-political/life",
                    "right/civil-political/expression",
                    "right/economic-social-cultural/health",
                ],
            ),
            instrument(
                "instrument/CRC",
                &["CRC"],
                &["儿童权利公约"],
                &["convention on the rights of the child"],
                &["group/children"],
            ),
            instrument(
                "instrument/ILO-C029",
                &[],
                &["强迫劳动公约"],
                &["forced labour convention"],
                &["right/labour/forced-labour"],
            ),
            Entry {
                abbr: strs(&["ILO"]),
                zh: strs(&["国际劳工组织"]),
                en: strs(&["international labour organization"]),
                ..instrument("instrument/ILO", &[], &[], &[], &[])
            },
            Entry {
                zh: strs(&["强迫劳动", "强制劳动"]),
                en: strs(&["forced labour", "forced labor"]),
                exclude: strs(&["forced labour market"]),
                ..entry("right/labour/forced-labour")
            },
            Entry {
                zh: strs(&["儿童", "未成年人"]),
                en: strs(&["child", "children"]),
                ..entry("group/children")
            },
            Entry {
                en: strs(&["indigenous peoples"]),
                weak: strs(&["community", "社区"]),
                cues: strs(&["affected", "consult", "原住民"]),
                ..entry("group/indigenous-peoples")
            },
            Entry {
                zh: strs(&["人权影响评估"]),
                en: strs(&["impact assessment"]),
                negatable: true,
                ..entry("hrdd/impact-assessment")
            },
            Entry {
                zh: strs(&["申诉渠道", "申诉机制"]),
                negatable: true,
                ..entry("hrdd/grievance-mechanism")
            },
            Entry {
                zh: strs(&["隐私"]),
                en: strs(&["privacy"]),
                ..entry("right/civil-political/privacy")
            },
            Entry {
                abbr: strs(&["UN"]),
                zh: strs(&["联合国"]),
                ..entry("theme/un")
            },
        ],
    }
}

fn tagger() -> Tagger {
    Tagger::new(&taxonomy())
}

fn ids(tags: &[Tag]) -> Vec<&str> {
    tags.iter().map(|t| t.tag.as_str()).collect()
}

fn get<'a>(tags: &'a [Tag], id: &str) -> Option<&'a Tag> {
    tags.iter().find(|t| t.tag == id)
}

#[test]
fn tagger_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Tagger>();
}

#[test]
fn abbreviations_need_word_boundaries_and_case() {
    let t = tagger();
    assert!(get(
        &t.tag_text("Guided by the CRC and the UDHR.", None),
        "instrument/CRC"
    )
    .is_some());
    assert!(get(
        &t.tag_text("All CRCs were checked.", None),
        "instrument/CRC"
    )
    .is_none());
    assert!(get(&t.tag_text("A PILOT project.", None), "instrument/ILO").is_none());
    assert!(get(&t.tag_text("the ilo rules", None), "instrument/ILO").is_none());
    // Han text around an abbreviation is a boundary.
    let tags = t.tag_text("我们遵守ILO公约。", None);
    assert_eq!(
        get(&tags, "instrument/ILO").map(|t| t.basis),
        Some(Basis::Cited)
    );
    // Full-width letters are the same abbreviation.
    assert!(get(&t.tag_text("遵守ＩＬＯ公约", None), "instrument/ILO").is_some());
}

#[test]
fn short_abbreviations_score_lower_alone() {
    let t = tagger();
    // Alone in a passage with rights language, a three-letter abbreviation scores lower.
    let alone = t.tag_text("We support the ILO standards.", None);
    let s = get(&alone, "instrument/ILO").expect("ILO").score;
    assert!((s - SCORE_SHORT_ABBR).abs() < 1e-6, "{s}");
    // Without any, it is probably something else.
    assert!(get(&t.tag_text("We support the ILO.", None), "instrument/ILO").is_none());
    // After the instrument's name, or in a title mark, it is the instrument.
    let bracketed = t.tag_text("国际劳工组织（ILO）", None);
    assert!(get(&bracketed, "instrument/ILO").expect("ILO").score > 0.95);
    let title = t.tag_text("遵守《ILO》", None);
    assert!((get(&title, "instrument/ILO").expect("ILO").score - SCORE_ABBR).abs() < 1e-6);
    // A two-letter abbreviation alone stays below the default threshold, even in rights
    // language; bracketed there, it counts.
    assert!(get(&t.tag_text("UN agencies", None), "theme/un").is_none());
    assert!(get(&t.tag_text("UN agencies on human rights", None), "theme/un").is_none());
    assert!(get(&t.tag_text("the (UN) agencies", None), "theme/un").is_none());
    assert!(get(
        &t.tag_text("the (UN) agencies on human rights", None),
        "theme/un"
    )
    .is_some());
}

#[test]
fn english_keywords_take_plurals_and_word_boundaries() {
    let t = tagger();
    assert!(get(
        &t.tag_text("impact assessments were done", None),
        "hrdd/impact-assessment"
    )
    .is_some());
    assert!(get(&t.tag_text("childhood memories", None), "group/children").is_none());
}

#[test]
fn weak_keywords_need_a_cue_in_the_same_sentence() {
    let t = tagger();
    let id = "group/indigenous-peoples";
    assert!(get(&t.tag_text("We work with the community.", None), id).is_none());
    let tags = t.tag_text("We consult the community on land use.", None);
    let tag = get(&tags, id).expect("weak + cue");
    assert!((tag.score - SCORE_WEAK).abs() < 1e-6);
    assert_eq!(tag.evidence[0].rule, "weak:community+cue:consult");
    assert_eq!(tag.evidence[0].matched, "community");
    // The cue is in another sentence.
    assert!(get(
        &t.tag_text("We consult widely. The community is large.", None),
        id
    )
    .is_none());
    assert!(get(&t.tag_text("与原住民社区协商", None), id).is_some());
}

#[test]
fn exclude_phrases_veto_overlapping_keywords() {
    let t = tagger();
    let id = "right/labour/forced-labour";
    assert!(get(&t.tag_text("The forced labour market reform.", None), id).is_none());
    let tags = t.tag_text("The forced labour market reform; no forced labour.", None);
    let tag = get(&tags, id).expect("the second mention counts");
    assert_eq!(tag.evidence.len(), 1);
    assert_eq!(tag.evidence[0].range.start, 36);
}

#[test]
fn negation_applies_only_to_negatable_entries() {
    let t = tagger();
    let hrdd = "hrdd/impact-assessment";
    assert!(get(
        &t.tag_text("We have not conducted an impact assessment.", None),
        hrdd
    )
    .is_none());
    assert!(get(&t.tag_text("我们尚未开展人权影响评估。", None), hrdd).is_none());
    for text in [
        "We were unable to undertake an impact assessment this year.",
        "The lack of an impact assessment is a gap.",
    ] {
        assert!(get(&t.tag_text(text, None), hrdd).is_none(), "{text}");
    }
    // What a negated word counts does not negate the step: the assessments exist.
    assert!(get(
        &t.tag_text("None of our impact assessments found forced labour.", None),
        hrdd
    )
    .is_some());
    assert!(get(&t.tag_text("我们未进行人权影响评估", None), hrdd).is_none());
    assert!(get(
        &t.tag_text("We conducted an impact assessment.", None),
        hrdd
    )
    .is_some());
    // Beyond the clause or the window, negation does not reach.
    assert!(get(&t.tag_text("没有例外，我们进行人权影响评估", None), hrdd).is_some());
    assert!(get(
        &t.tag_text("We never stop: impact assessment is routine.", None),
        hrdd
    )
    .is_some());
    assert!(get(
        &t.tag_text(
            "Not one of us would ever want to skip the impact assessment.",
            None
        ),
        hrdd
    )
    .is_some());
    // Phrases that only look negative.
    assert!(get(&t.tag_text("未来将开展人权影响评估", None), hrdd).is_some());
    assert!(get(
        &t.tag_text("不断完善申诉机制", None),
        "hrdd/grievance-mechanism"
    )
    .is_some());
    assert!(get(
        &t.tag_text("我们承诺不阻挠申诉渠道", None),
        "hrdd/grievance-mechanism"
    )
    .is_some());
    // Rights are about the topic even when prohibited.
    let fl = "right/labour/forced-labour";
    assert!(get(&t.tag_text("禁止强迫劳动", None), fl).is_some());
    assert!(get(&t.tag_text("不容忍强迫劳动", None), fl).is_some());
    assert!(get(&t.tag_text("We do not tolerate forced labour.", None), fl).is_some());
    assert!(get(&t.tag_text("There is no forced labour.", None), fl).is_some());
}

#[test]
fn cited_and_covered_are_kept_apart() {
    let t = tagger();
    // Forced labour covers its focused instrument (C029), not the general UDHR.
    let tags = t.tag_text("我们禁止强迫劳动。", None);
    let c029 = get(&tags, "instrument/ILO-C029").expect("covered");
    assert_eq!(c029.basis, Basis::Covered);
    assert!((c029.score - SCORE_COVERED).abs() < 1e-6);
    assert_eq!(c029.evidence[0].rule, "covers:right/labour/forced-labour");
    assert_eq!(c029.evidence[0].matched, "强迫劳动");
    assert!(get(&tags, "instrument/UDHR").is_none());
    // With a low threshold, the broad cover shows too.
    let low = Tagger::new(&taxonomy()).with_threshold(0.3);
    let tags = low.tag_text("我们禁止强迫劳动。", None);
    let udhr = get(&tags, "instrument/UDHR").expect("broad cover");
    assert_eq!(udhr.basis, Basis::Covered);
    assert!((udhr.score - SCORE_COVERED_BROAD).abs() < 1e-6);
    // Naming the instrument cites it, and then it is not also covered.
    let tags = t.tag_text("依照《儿童权利公约》保护儿童。", None);
    let crc = get(&tags, "instrument/CRC").expect("cited");
    assert_eq!(crc.basis, Basis::Cited);
    assert_eq!(tags.iter().filter(|t| t.tag == "instrument/CRC").count(), 1);
    assert!(get(&tags, "group/children").is_some());
    // Citing the forced labour convention also matches forced labour; C029 stays cited.
    let tags = t.tag_text("批准《强迫劳动公约》", None);
    assert_eq!(
        get(&tags, "instrument/ILO-C029").map(|t| t.basis),
        Some(Basis::Cited)
    );
    assert!(get(&tags, "right/labour/forced-labour").is_some());
}

#[test]
fn nested_keywords_count_once() {
    let t = tagger();
    let tags = t.tag_text("联合国世界人权宣言", None);
    let udhr = get(&tags, "instrument/UDHR").expect("cited");
    assert_eq!(udhr.evidence.len(), 1);
    // 强迫劳动 inside 强迫劳动公约 is another entry: both are kept.
    assert!(get(&tags, "theme/un").is_some());
}

#[test]
fn more_distinct_evidence_scores_higher() {
    let t = tagger();
    let one = t.tag_text("强迫劳动", None);
    let two = t.tag_text("强迫劳动和强制劳动", None);
    let same_twice = t.tag_text("强迫劳动和强迫劳动", None);
    let s1 = get(&one, "right/labour/forced-labour").unwrap().score;
    let s2 = get(&two, "right/labour/forced-labour").unwrap().score;
    let s3 = get(&same_twice, "right/labour/forced-labour").unwrap();
    assert!(s2 > s1 && s2 <= 1.0);
    assert!((s3.score - s1).abs() < 1e-6);
    assert_eq!(s3.evidence.len(), 2);
}

#[test]
fn evidence_slices_back_to_traditional_source() {
    let t = tagger();
    let text = "我們禁止強迫勞動，保護兒童的隱私。";
    let tags = t.tag_text(text, Some(Lang::Zh));
    let fl = get(&tags, "right/labour/forced-labour").expect("traditional matches");
    assert_eq!(fl.evidence[0].matched, "強迫勞動");
    assert_eq!(&text[fl.evidence[0].range.clone()], "強迫勞動");
    assert_eq!(fl.evidence[0].rule, "keyword:强迫劳动");
    for tag in &tags {
        for ev in &tag.evidence {
            assert_eq!(&text[ev.range.clone()], ev.matched);
        }
    }
    // Full-width Latin maps back across changing byte widths.
    let text = "Ｆｏｒｃｅｄ ｌａｂｏｕｒ and privacy";
    let tags = t.tag_text(text, None);
    for tag in &tags {
        for ev in &tag.evidence {
            assert_eq!(&text[ev.range.clone()], ev.matched);
        }
    }
    assert_eq!(
        get(&tags, "right/civil-political/privacy")
            .unwrap()
            .evidence[0]
            .matched,
        "privacy"
    );
}

#[test]
fn passage_evidence_points_into_the_document() {
    let t = tagger();
    let doc = "# 标题\n\n**员工：**我们禁止強迫勞動。";
    let clean = "员工：我们禁止強迫勞動。";
    let start = doc.find("员工").unwrap();
    let mut map = OffsetMap::new();
    // "员工：" sits after the `**`, the rest after the closing `**`.
    let head = "员工：".len();
    map.push(0, head, start, head);
    let rest = doc.find("我们").unwrap();
    map.push(head, clean.len() - head, rest, clean.len() - head);
    let passage = Passage {
        id: "d#1".into(),
        doc: "d".into(),
        section: vec![],
        kind: PassageKind::Paragraph,
        lang: Lang::Zh,
        range: start - 2..doc.len(),
        text: clean.into(),
        map,
        sentences: std::iter::once(0..clean.len()).collect(),
        tokens: vec![],
        edges: Default::default(),
    };
    let tags = t.tag(&passage);
    let fl = get(&tags, "right/labour/forced-labour").unwrap();
    assert_eq!(&doc[fl.evidence[0].range.clone()], "強迫勞動");
    assert_eq!(fl.evidence[0].matched, "強迫勞動");
}

#[test]
fn empty_and_plain_texts_tag_nothing() {
    let t = tagger();
    assert!(t.tag_text("", None).is_empty());
    assert!(t.tag_text("   \n", Some(Lang::En)).is_empty());
    assert!(t.tag_text("Nothing relevant here.", None).is_empty());
    assert!(Tagger::new(&Taxonomy::default())
        .tag_text("强迫劳动", None)
        .is_empty());
}

#[test]
fn output_is_sorted_and_deterministic() {
    let t = tagger();
    let text = "Privacy, children, forced labour and the UDHR; 儿童权利公约 and impact assessment.";
    let a = t.tag_text(text, None);
    let b = tagger().tag_text(text, None);
    assert_eq!(a, b);
    let mut sorted = ids(&a);
    sorted.sort();
    assert_eq!(ids(&a), sorted);
    assert!(a.len() >= 5, "{:?}", ids(&a));
}

#[test]
fn threshold_drops_weak_tags() {
    let strict = Tagger::new(&taxonomy()).with_threshold(0.8);
    assert_eq!(strict.threshold(), 0.8);
    let tags = strict.tag_text("We consult the community.", None);
    assert!(get(&tags, "group/indigenous-peoples").is_none());
}

/// A one-sentence Chinese list item `text` under `section`, its text its own original.
fn passage_under(text: &str, section: Vec<String>) -> Passage {
    Passage {
        id: "d#1".into(),
        doc: "d".into(),
        section,
        kind: PassageKind::ListItem,
        lang: Lang::Zh,
        range: 0..text.len(),
        text: text.into(),
        map: {
            let mut m = OffsetMap::new();
            m.push(0, text.len(), 0, text.len());
            m
        },
        sentences: std::iter::once(0..text.len()).collect(),
        tokens: Default::default(),
        edges: Default::default(),
    }
}

#[test]
fn section_path_cues_confirm_weak_keywords() {
    let t = tagger();
    let text = "支持社区活动";
    let passage = |section: Vec<String>| passage_under(text, section);
    let id = "group/indigenous-peoples";
    assert!(get(&t.tag(&passage(vec!["简介".into()])), id).is_none());
    let tags = t.tag(&passage(vec!["简介".into(), "尊重原住民".into()]));
    let tag = get(&tags, id).expect("confirmed by the section");
    assert_eq!(tag.evidence[0].rule, "weak:社区+section-cue:原住民");
    assert_eq!(tag.evidence[0].matched, "社区");
}

/// A document's title (a statement or a report, with a year at most) is what all of it is
/// about: its words confirm nothing in one passage, where a section's heading does.
#[test]
fn a_documents_title_confirms_no_weak_keyword() {
    let t = tagger();
    let passage = |section: Vec<String>| passage_under("支持社区活动", section);
    let id = "group/indigenous-peoples";
    for title in [
        "原住民权利声明",
        "2023年度原住民报告",
        "Indigenous Rights Statement 2023",
    ] {
        let tags = t.tag(&passage(vec![title.into(), "简介".into()]));
        assert!(get(&tags, id).is_none(), "{title}: {tags:?}");
    }
    // Under the title, a section of its own still confirms; so does a first heading that is no
    // document's title.
    let tags = t.tag(&passage(vec!["原住民权利声明".into(), "尊重原住民".into()]));
    assert!(get(&tags, id).is_some(), "{tags:?}");
    let tags = t.tag(&passage(vec!["尊重原住民".into()]));
    assert!(get(&tags, id).is_some(), "{tags:?}");
    assert!(is_document_title("Modern Slavery Statement FY2023/24"));
    assert!(is_document_title("社會責任報告"));
    assert!(!is_document_title("Reporting channels"));
    assert!(!is_document_title("报告期内"));
}

#[test]
fn bare_scan_counts_every_overlapping_pattern_occurrence_after_normalization() {
    let t = tagger();
    let bare = t.bare_scanner();
    // Independent count: every pattern at every char boundary of the normalized text.
    let naive = |text: &str| -> u64 {
        let n = crate::normalize::normalize_str(text);
        let n = n.as_str();
        n.char_indices()
            .map(|(i, _)| {
                t.patterns()
                    .iter()
                    .filter(|p| n[i..].starts_with(p.as_str()))
                    .count() as u64
            })
            .sum()
    };
    for text in [
        "",
        "天气晴朗",
        "強迫勞動公約",
        "We ban FORCED LABOUR and forced labor; see the Forced Labour Convention.",
        "ＵＤＨＲ 与《世界人權宣言》",
    ] {
        assert_eq!(bare.count(text), naive(text), "{text}");
    }
    assert_eq!(bare.count("天气晴朗"), 0);
    // Traditional text and its Simplified form are the same to the scan.
    assert_eq!(bare.count("強迫勞動公約"), bare.count("强迫劳动公约"));
    assert!(bare.count("强迫劳动公约") >= 2);
}

/// An entry with a shared-cue weak keyword and two weak rules with their own cues.
fn rule_tagger() -> Tagger {
    Tagger::new(&Taxonomy {
        version: "test".into(),
        hash: String::new(),
        entries: vec![Entry {
            zh: strs(&["清洁能源"]),
            weak: strs(&[
                "能源",
                "风电 | 装机, 发电量",
                "wind | installed capacity, generated",
                "储能 |",
            ]),
            cues: strs(&["节约"]),
            ..entry("sdg/7")
        }],
    })
}

#[test]
fn weak_rules_count_only_with_their_own_cues() {
    let t = rule_tagger();
    let id = "sdg/7";
    // The rule's own cue confirms it; the entry's shared cue does not.
    assert!(get(&t.tag_text("新增风电装机200兆瓦", None), id).is_some());
    assert!(get(&t.tag_text("风电业务节约成本", None), id).is_none());
    assert!(get(&t.tag_text("上海电气风电集团", None), id).is_none());
    // A rule's cue does not confirm the shared weak keyword, nor another rule.
    assert!(get(&t.tag_text("能源装机", None), id).is_none());
    assert!(get(&t.tag_text("节约能源", None), id).is_some());
    assert!(get(&t.tag_text("wind generated power", None), id).is_some());
    assert!(get(&t.tag_text("风电 generated", None), id).is_none());
    // The cue must be in the same sentence.
    assert!(get(&t.tag_text("风电业务增长。新增装机200兆瓦。", None), id).is_none());
    // A malformed rule is skipped (the taxonomy check reports it), not matched literally.
    assert!(get(&t.tag_text("储能 | 储能", None), id).is_none());
}

#[test]
fn weak_rule_evidence_is_the_keyword_and_its_cue() {
    let t = rule_tagger();
    let text = "今年新增風電裝機200兆瓦";
    let tags = t.tag_text(text, None);
    let tag = get(&tags, "sdg/7").expect("confirmed through normalization");
    assert!((tag.score - SCORE_WEAK).abs() < 1e-6);
    let ev: Vec<(&str, &str)> = tag
        .evidence
        .iter()
        .map(|e| (e.rule.as_str(), &text[e.range.clone()]))
        .collect();
    assert_eq!(
        ev,
        [
            ("weak:风电+cue:装机", "風電"),
            ("cue:装机 (confirms weak:风电)", "裝機")
        ]
    );
    for e in &tag.evidence {
        assert_eq!(e.matched, &text[e.range.clone()]);
    }
}

#[test]
fn weak_rules_take_cues_from_the_section_path() {
    let t = rule_tagger();
    let text = "海上风电项目";
    let passage = |section: Vec<String>| passage_under(text, section);
    assert!(get(&t.tag(&passage(vec!["节约资源".into()])), "sdg/7").is_none());
    let tags = t.tag(&passage(vec!["新增装机".into()]));
    let tag = get(&tags, "sdg/7").expect("rule cue in the section path");
    assert_eq!(tag.evidence.len(), 1);
    assert_eq!(tag.evidence[0].rule, "weak:风电+section-cue:装机");
}

#[test]
fn section_cues_kept_from_the_passage_before_are_this_sections_and_this_taggers() {
    // The cues of the last section are kept per thread: a passage under another section,
    // or tagged by a tagger with other cues, must not see them.
    let t = rule_tagger();
    let other = Tagger::new(&Taxonomy {
        version: "test".into(),
        hash: String::new(),
        entries: vec![Entry {
            weak: strs(&["风电 | 并网"]),
            ..entry("sdg/7")
        }],
    });
    let text = "海上风电项目";
    let under = |s: &str| passage_under(text, vec![s.into()]);
    for _ in 0..2 {
        assert!(get(&t.tag(&under("新增装机")), "sdg/7").is_some());
        assert!(get(&t.tag(&under("新增装机")), "sdg/7").is_some());
        assert!(get(&other.tag(&under("新增装机")), "sdg/7").is_none());
        assert!(get(&t.tag(&under("节约资源")), "sdg/7").is_none());
        assert!(get(&other.tag(&under("并网发电")), "sdg/7").is_some());
        assert!(get(&t.tag(&under("并网发电")), "sdg/7").is_none());
        assert!(get(&t.tag(&passage_under(text, vec![])), "sdg/7").is_none());
    }
}

#[test]
fn automaton_is_a_dfa_unless_the_patterns_are_too_long() {
    let small: Vec<String> = vec!["强迫劳动".into(), "forced labour".into()];
    assert_eq!(
        automaton(&small, true).unwrap().kind(),
        AhoCorasickKind::DFA
    );
    // A light tagger's is an NFA, quick to build.
    assert_eq!(
        automaton(&small, false).unwrap().kind(),
        AhoCorasickKind::ContiguousNFA
    );
    let many: Vec<String> = (0..20_000).map(|i| format!("keyword number {i}")).collect();
    let ac = automaton(&many, true).unwrap();
    assert_eq!(ac.kind(), AhoCorasickKind::ContiguousNFA);
    // The fallback finds every overlapping match: 1, 19, 199, 1999 and 19999.
    assert_eq!(
        ac.find_overlapping_iter("a keyword number 19999 b").count(),
        5
    );
}

/// Every piece of evidence is the exact source text of its range.
fn assert_evidence_in(text: &str, tags: &[Tag]) {
    for tag in tags {
        for ev in &tag.evidence {
            assert_eq!(
                text.get(ev.range.clone()),
                Some(ev.matched.as_str()),
                "{ev:?}"
            );
        }
    }
}

#[test]
fn keywords_match_across_wraps_and_space_runs() {
    let t = tagger();
    let fl = "right/labour/forced-labour";
    for (text, matched) in [
        ("We prohibit forced\nlabour.", "forced\nlabour"),
        ("We prohibit forced\r\n   labour.", "forced\r\n   labour"),
        ("We prohibit forced\u{a0}labour.", "forced\u{a0}labour"),
        ("We prohibit forced  labour.", "forced  labour"),
        ("We prohibit Forced\t\tLabour.", "Forced\t\tLabour"),
        ("我们禁止强迫\n劳动。", "强迫\n劳动"),
        ("我們禁止強迫\r\n勞動。", "強迫\r\n勞動"),
        ("禁止\n强迫劳动", "强迫劳动"),
        // Invisible chars inside a keyword or next to its space are not there for matching.
        (
            "We prohibit forced \u{FEFF}labour.",
            "forced \u{FEFF}labour",
        ),
        ("We prohibit forced\u{200B}labour.", "forced\u{200B}labour"),
        ("We prohibit forced la\u{AD}bour.", "forced la\u{AD}bour"),
        ("我们禁止强迫\u{200B}劳动。", "强迫\u{200B}劳动"),
        ("我们禁止强迫\u{200D}\n劳动。", "强迫\u{200D}\n劳动"),
    ] {
        let tags = t.tag_text(text, None);
        let tag = get(&tags, fl).unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(tag.evidence[0].matched, matched, "{text:?}");
        assert_evidence_in(text, &tags);
    }
    // A passage: ranges are into the document, through the passage's own offset map.
    let clean = "We prohibit forced\nlabour and\u{a0}forced  labour.";
    let tags = t.tag(&passage_under(clean, vec![]));
    let tag = get(&tags, fl).unwrap();
    assert_eq!(tag.evidence.len(), 2);
    assert_evidence_in(clean, &tags);
}

#[test]
fn line_breaks_end_sentences_only_at_blank_lines_and_list_items() {
    let t = tagger();
    let id = "group/indigenous-peoples";
    // A wrapped line is the same sentence: the cue reaches the weak keyword.
    assert!(get(
        &t.tag_text("We consult the\ncommunity on land use.", None),
        id
    )
    .is_some());
    // A blank line or a list item starts a new sentence.
    assert!(get(&t.tag_text("We consult widely\n\nThe community", None), id).is_none());
    assert!(get(&t.tag_text("We consult:\n- the community", None), id).is_none());
    assert!(get(&t.tag_text("We consult\n- community", None), id).is_none());
    // Negation reaches across a wrap, not across a blank line or into a list item.
    let hrdd = "hrdd/impact-assessment";
    assert!(get(
        &t.tag_text("We have not\nconducted an impact assessment.", None),
        hrdd
    )
    .is_none());
    assert!(get(&t.tag_text("我们尚未\n开展人权影响评估。", None), hrdd).is_none());
    assert!(get(
        &t.tag_text("No exceptions\n\nWe run an impact assessment.", None),
        hrdd
    )
    .is_some());
    assert!(get(
        &t.tag_text("No exceptions\n- impact assessment", None),
        hrdd
    )
    .is_some());
}

/// A tagger whose one entry has the keyword 工会 (trade union), which text often holds across
/// two words (员工|会议).
fn union_tagger() -> Tagger {
    Tagger::new(&Taxonomy {
        version: "test".into(),
        hash: String::new(),
        entries: vec![Entry {
            zh: strs(&["工会"]),
            ..entry("right/labour/association-bargaining")
        }],
    })
}

/// Gives `p` the tokens `words`, each found at or after the previous one's start (so that
/// sub-words listed after their word, as `Segmenter::with_sub_words` gives them, are found
/// inside it), and their edges.
fn set_words(p: &mut Passage, words: &[&str]) {
    let mut at = 0;
    p.tokens.clear();
    for w in words {
        let start = at + p.text[at..].find(w).unwrap();
        p.tokens.push(crate::model::Token {
            term: (*w).into(),
            range: start..start + w.len(),
        });
        at = start;
    }
    p.edges = crate::model::WordEdges::of(&p.tokens);
}

#[test]
fn han_matches_straddling_two_words_do_not_count() {
    let t = union_tagger();
    let id = "right/labour/association-bargaining";
    let text = "员工会议";
    let mut p = passage_under(text, vec![]);
    // Cut as 员工|会议, 工会 takes a char of each.
    set_words(&mut p, &["员工", "会议"]);
    assert!(get(&t.tag(&p), id).is_none());
    // One word 员工会议 (its sub-words after it): 工会 lies inside it.
    set_words(&mut p, &["员工会议", "员工", "会议"]);
    assert!(get(&t.tag(&p), id).is_some());
    // Without words, the text is cut around the match, as jieba cuts it: 员工|会议.
    set_words(&mut p, &[]);
    assert!(get(&t.tag(&p), id).is_none());
    assert!(get(&t.tag_text(text, None), id).is_none());
    // Where the text ends or the script changes, the match ends a word.
    assert!(get(&t.tag_text("员工会", None), id).is_some());
    assert!(get(&t.tag_text("staff工会ok", None), id).is_some());
    assert!(get(&t.tag_text("支持工会。", None), id).is_some());
}

#[test]
fn each_match_and_each_passage_is_judged_by_its_own_words() {
    let t = union_tagger();
    let id = "right/labour/association-bargaining";
    // The first 工会 takes a char of 员工 and of 会议; the second, further on, starts the word
    // 工会活动.
    let text = "员工会议后工会活动";
    let mut p = passage_under(text, vec![]);
    set_words(&mut p, &["员工", "会议", "后", "工会活动", "工会", "活动"]);
    let tags = t.tag(&p);
    let ev = &get(&tags, id).expect("the second 工会 counts").evidence;
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].range.start, text.rfind("工会").unwrap());
    // Words read for one passage are not those of the next.
    let text = "员工会议";
    let mut whole = passage_under(text, vec![]);
    set_words(&mut whole, &["员工会议", "员工", "会议"]);
    let mut cut = passage_under(text, vec![]);
    set_words(&mut cut, &["员工", "会议"]);
    assert!(get(&t.tag(&whole), id).is_some());
    assert!(get(&t.tag(&cut), id).is_none());
    assert!(get(&t.tag(&whole), id).is_some());
}

#[test]
fn words_read_for_a_later_match_answer_an_earlier_one() {
    // The first entry's match lies after the second's, so the words read for it must also
    // judge the earlier match of the second entry.
    let t = Tagger::new(&Taxonomy {
        version: "test".into(),
        hash: String::new(),
        entries: vec![
            Entry {
                zh: strs(&["工会"]),
                ..entry("right/labour/association-bargaining")
            },
            Entry {
                zh: strs(&["童工"]),
                ..entry("right/labour/child-labour")
            },
        ],
    });
    let text = "儿童工作站员工会议";
    let mut p = passage_under(text, vec![]);
    // 童工 takes a char of 儿童 and of 工作站; 工会 lies inside 员工会议.
    set_words(
        &mut p,
        &["儿童", "工作站", "工作", "员工会议", "员工", "会议"],
    );
    let tags = t.tag(&p);
    assert!(get(&tags, "right/labour/association-bargaining").is_some());
    assert!(get(&tags, "right/labour/child-labour").is_none());
    // Cut the other way round, each verdict flips.
    set_words(&mut p, &["儿童工作站", "儿童", "工作站", "员工", "会议"]);
    let tags = t.tag(&p);
    assert!(get(&tags, "right/labour/association-bargaining").is_none());
    assert!(get(&tags, "right/labour/child-labour").is_some());
}

#[test]
fn convention_numbers_in_chinese_numerals() {
    for (text, n) in [
        ("第一百九十号公约", Some(190)),
        ("第一三八号公约", Some(138)),
        ("第二十九号公约", Some(29)),
        ("第一百零五号公约", Some(105)),
        ("第十号建议书", Some(10)),
        ("第一九〇号公约", Some(190)),
        ("第190号公约", Some(190)),
        ("第 一百九十 号公约", Some(190)),
        // Not a convention number: no 号, a clause, a malformed numeral, or no convention after.
        ("第一条", None),
        ("第三十六条的规定", None),
        ("第一百一百号公约", None),
        ("第十百号公约", None),
        ("第二号人物", None),
        ("第一号报告", None),
        ("'s no. 1 priority", None),
        (" #1 goal", None),
        (" number 2 official", None),
        (" c 2 site", None),
        (" convention no. 1", Some(1)),
        ("'s no. 10 priority", None),
        (" #12 ranking", None),
        (" convention no. 0", None),
        ("第二十〇号公约", None),
        (" c190 on violence", Some(190)),
        (" no. 87 and 98", Some(87)),
    ] {
        assert_eq!(number_after(text).map(|c| c.number), n, "{text}");
    }
}

/// Pieces of text the rules look at around a match: clause breaks of every width, labels and
/// answers, negations, plans, titles and the built-in taxonomy's own words.
const PIECES: &[&str] = &[
    "补救措施",
    "：",
    ":",
    "，",
    "。",
    "》",
    "《",
    "中华人民共和国慈善法",
    "未",
    "尚未",
    "采取",
    "申诉机制",
    "无",
    "否",
    "但",
    "计划于",
    "明年",
    "强迫劳动",
    "Remediation measures",
    "No.",
    " no ",
    " not ",
    "have",
    " but ",
    " will ",
    "plan to",
    "in 2025",
    "we ",
    "grievance mechanism",
    "forced labour",
    "’",
    "—",
    "、",
    "İ",
    "e\u{301}",
    "👍🏽",
    " ",
    "\n",
    "a",
    "1",
];

proptest::proptest! {
    #![proptest_config(crate::test_support::regressions_beside_source())]

    /// Any text made of the pieces the rules slice around is tagged without a panic, every
    /// piece of evidence on char boundaries of the text.
    #[test]
    fn built_in_rules_never_panic(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
        static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        let tagger = TAGGER.get_or_init(|| Tagger::new(Taxonomy::builtin()));
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        for tag in tagger.tag_text(&text, None) {
            for ev in &tag.evidence {
                proptest::prop_assert_eq!(text.get(ev.range.clone()), Some(ev.matched.as_str()));
            }
        }
    }
}

#[test]
fn every_mix_of_english_spellings_is_another_spelling() {
    let mut got = other_spellings_of("International Labour Organization");
    got.sort();
    assert_eq!(
        got,
        [
            "international labor organisation",
            "international labor organization",
            "international labour organisation",
        ]
    );
    assert_eq!(other_spellings_of("forced labour"), ["forced labor"]);
    assert!(other_spellings_of("强迫劳动").is_empty());
    assert!(other_spellings_of("human rights").is_empty());
    // A long phrase gets its first 15 forms, the last words varying fastest, each built once.
    let long = "labour organization ".repeat(3) + "labour";
    let got = other_spellings_of(&long);
    assert_eq!(got.len(), 15, "{got:?}");
    assert_eq!(
        got[0],
        "labour organization labour organization labour organization labor"
    );
    assert!(got
        .iter()
        .all(|f| f.starts_with("labour organization labour ")));
    // A phrase of a million words, none spelled two ways, has none.
    assert!(other_spellings_of(&"ab cd ".repeat(1_000_000)).is_empty());
}

/// One cue shared by three uses: the shared cues of an entry with an abbreviation (CRC), those
/// of an entry with a plain weak keyword (pupils), a weak rule's own cues (school); and a keyword
/// of a fourth entry.
fn shared_cue_tagger() -> Tagger {
    Tagger::new(&Taxonomy {
        version: "test".into(),
        hash: String::new(),
        entries: vec![
            Entry {
                cues: strs(&["children"]),
                ..instrument(
                    "instrument/CRC",
                    &["CRC"],
                    &[],
                    &["rights of the child"],
                    &[],
                )
            },
            Entry {
                weak: strs(&["pupils", "school | children"]),
                cues: strs(&["children"]),
                ..entry("group/pupils")
            },
            Entry {
                en: strs(&["children"]),
                ..entry("theme/kids")
            },
        ],
    })
}

#[test]
fn a_shared_cue_confirms_each_of_its_uses_before_or_after_them() {
    let t = shared_cue_tagger();
    let rules = |text: &str, id: &str| -> Vec<String> {
        get(&t.tag_text(text, None), id)
            .map(|tag| tag.evidence.iter().map(|e| e.rule.clone()).collect())
            .unwrap_or_default()
    };
    // A short abbreviation with no keyword of its entry: anchored by a shared cue of it.
    for text in [
        "The CRC protects children.",
        "Children: the CRC applies.",
        "The CRC protects pupils and children.",
    ] {
        let tags = t.tag_text(text, None);
        let crc = get(&tags, "instrument/CRC").expect(text);
        assert!(
            (crc.score - SCORE_ABBR).abs() < 1e-6,
            "{text}: {}",
            crc.score
        );
        assert!(get(&tags, "theme/kids").is_some(), "{text}");
    }
    assert!(get(&t.tag_text("The CRC applies.", None), "instrument/CRC").is_none());
    assert!(get(
        &t.tag_text("The CRC sells childrenswear.", None),
        "instrument/CRC"
    )
    .is_none());
    // A plain weak keyword's shared cue, before or after it (and the same match anchoring CRC).
    for text in [
        "Children and pupils.",
        "Pupils and children.",
        "The CRC protects pupils and children.",
    ] {
        assert_eq!(
            rules(text, "group/pupils"),
            [
                "weak:pupils+cue:children",
                "cue:children (confirms weak:pupils)"
            ],
            "{text}"
        );
    }
    // A weak rule's own cue, before or after it.
    for text in ["School children.", "Children at school."] {
        assert_eq!(
            rules(text, "group/pupils"),
            [
                "weak:school+cue:children",
                "cue:children (confirms weak:school)"
            ],
            "{text}"
        );
    }
    // Another sentence, or no word boundary: no cue.
    for text in [
        "Pupils. Children.",
        "The school. Children.",
        "Pupils wear childrenswear.",
    ] {
        assert!(
            get(&t.tag_text(text, None), "group/pupils").is_none(),
            "{text}"
        );
    }
}

#[test]
fn cues_of_numbered_names_and_of_numbered_parts_count_as_in_the_scan() {
    let t = Tagger::new(&Taxonomy {
        version: "test".into(),
        hash: String::new(),
        entries: vec![
            Entry {
                cues: strs(&["convention"]),
                weak: strs(&["labour standards"]),
                ..instrument("instrument/ILO-FPRW", &["ILO", "C029"], &[], &[], &[])
            },
            instrument(UNLISTED_INSTRUMENT, &[], &[], &["another convention"], &[]),
            instrument(
                "instrument/SDG",
                &["SDG", "SDGs"],
                &[],
                &[],
                &["sdg/5", "sdg/8"],
            ),
            Entry {
                en: strs(&["gender equality"]),
                ..entry("sdg/5")
            },
            Entry {
                en: strs(&["decent work"]),
                weak: strs(&["growth | sdg 8"]),
                ..entry("sdg/8")
            },
        ],
    });
    // A cue of an entry with numbered abbreviations, followed by another number, names that
    // convention; followed by its own, it is a cue still.
    assert_eq!(
        ids(&t.tag_text("We follow Convention No. 190.", None)),
        [UNLISTED_INSTRUMENT]
    );
    let tags = t.tag_text("We follow Convention No. 29 and labour standards.", None);
    assert_eq!(
        get(&tags, "instrument/ILO-FPRW")
            .expect("weak + numbered cue")
            .evidence[0]
            .rule,
        "weak:labour standards+cue:convention"
    );
    // A numbered part is not added where a match of its own holds the number, its cue's too.
    assert!(get(&t.tag_text("We support SDG 8.", None), "sdg/8").is_none());
    assert!(get(&t.tag_text("We support SDGs 5 and 8.", None), "sdg/8").is_some());
}
