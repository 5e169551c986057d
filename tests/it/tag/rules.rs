//! The built-in taxonomy's rules on short texts: negated due-diligence steps, words that only
//! look like keywords, bare abbreviations, and what a passage covers.

use hria::model::{Basis, Tag};
use hria::tag::Tagger;
use hria::taxonomy::Taxonomy;
use std::sync::OnceLock;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(Taxonomy::builtin()))
}

fn tags(text: &str) -> Vec<Tag> {
    let tags = tagger().tag_text(text, None);
    for t in &tags {
        for ev in &t.evidence {
            assert_eq!(
                text.get(ev.range.clone()),
                Some(ev.matched.as_str()),
                "{ev:?}"
            );
        }
    }
    tags
}

/// The tag `id` of `text`, with the basis it was given.
fn find(text: &str, id: &str) -> Option<(f32, Basis)> {
    tags(text)
        .into_iter()
        .find(|t| t.tag == id)
        .map(|t| (t.score, t.basis))
}

fn has(text: &str, id: &str) -> bool {
    find(text, id).is_some()
}

/// For each `(text, present, absent)`: the tags of `text` include every `present` id and no
/// `absent` one.
fn expect_tags(cases: &[(&str, &[&str], &[&str])]) {
    for (text, present, absent) in cases {
        let got = tags(text);
        for id in *present {
            assert!(got.iter().any(|t| t.tag == *id), "{text}: no {id}: {got:?}");
        }
        for id in *absent {
            assert!(!got.iter().any(|t| t.tag == *id), "{text}: {id}: {got:?}");
        }
    }
}

#[test]
fn negated_due_diligence_steps_and_actions_do_not_count() {
    let ia = "hrdd/impact-assessment";
    let gm = "hrdd/grievance-mechanism";
    let action = "stance/action";
    for text in [
        "We have not conducted a human rights impact assessment.",
        "We have yet to conduct a human rights impact assessment.",
        "公司没有开展人权影响评估。",
        "公司尚未开展人权影响评估。",
    ] {
        assert!(!has(text, ia), "{text}: {:?}", tags(text));
        assert!(!has(text, action), "{text}: {:?}", tags(text));
    }
    for text in [
        "我们尚未建立申诉机制。",
        "There is no grievance mechanism.",
        "We have never had a whistleblowing hotline.",
    ] {
        assert!(!has(text, gm), "{text}: {:?}", tags(text));
    }
    // The same steps, taken.
    assert!(has(
        "We have conducted a human rights impact assessment.",
        ia
    ));
    assert!(has(
        "We have conducted a human rights impact assessment.",
        action
    ));
    assert!(has("公司开展了人权影响评估。", ia));
    assert!(has("公司开展了人权影响评估。", action));
    assert!(has("我们已建立申诉机制。", gm));
    assert!(has("There is a grievance mechanism.", gm));
    // Phrases that only look negative.
    assert!(has(
        "We not only conducted a human rights impact assessment.",
        ia
    ));
    assert!(has("我们不仅开展了人权影响评估，还建立了申诉机制。", ia));
    assert!(has("我们不仅开展了人权影响评估，还建立了申诉机制。", gm));
    assert!(has("不断完善申诉机制", gm));
    // The negation is about something else.
    assert!(has("强化不敢腐的震慑力度畅通信访举报渠道", gm));
    assert!(has(
        "We do not doubt that our whistleblowing hotline works.",
        gm
    ));
    // Non-retaliation is about "no retaliation".
    assert!(has(
        "There will be no retaliation against whistleblowers.",
        "hrdd/non-retaliation"
    ));
    // A negated commitment is still a commitment.
    assert!(has(
        "We will not tolerate forced labour.",
        "stance/commitment"
    ));
}

/// The tags of `text` both ways: as a free text, and as the passages of a Markdown document
/// (with the words of its segmentation).
fn both_ways(text: &str) -> [Vec<String>; 2] {
    let free = tags(text).into_iter().map(|t| t.tag).collect();
    let doc = crate::segment_support::doc("d.md", hria::model::Format::Markdown, text);
    let mut in_doc = Vec::new();
    for p in hria::segment::Segmenter::shared().segment(&doc) {
        assert!(!p.tokens.is_empty());
        for t in tagger().tag(&p) {
            for ev in &t.evidence {
                assert_eq!(doc.text.get(ev.range.clone()), Some(ev.matched.as_str()));
            }
            in_doc.push(t.tag);
        }
    }
    [free, in_doc]
}

#[test]
fn han_keywords_do_not_straddle_word_boundaries() {
    let ab = "right/labour/association-bargaining";
    let cl = "right/labour/child-labour";
    for (text, id) in [
        // 工会 across 员工|会议, 童工 across 儿童|工作站, 确保 across 明确|保税.
        ("公司召开员工会议。", ab),
        ("社区设有儿童工作站。", cl),
        ("公司明确保税维修流程。", "stance/commitment"),
        ("依法治污，改善环境。", "theme/democracy-rule-of-law"),
    ] {
        for (way, tags) in both_ways(text).iter().enumerate() {
            assert!(!tags.iter().any(|t| t == id), "{text} ({way}): {tags:?}");
        }
    }
    for (text, id) in [
        // A keyword that is a word, or inside a longer word, or two whole words.
        ("公司支持员工加入工会。", ab),
        ("我们禁止使用童工。", cl),
        ("我们坚持反强迫劳动。", "right/labour/forced-labour"),
        ("报告期内工人人数为658人。", "group/workers"),
        ("遵守《个人信息保护法》。", "right/civil-political/privacy"),
    ] {
        for (way, tags) in both_ways(text).iter().enumerate() {
            assert!(tags.iter().any(|t| t == id), "{text} ({way}): {tags:?}");
        }
    }
}

#[test]
fn bare_short_abbreviations_need_rights_language() {
    for (text, id) in [
        ("GNI per capita rose by 3%.", "instrument/GNI"),
        ("Caterpillar (NYSE: CAT) shares fell.", "instrument/CAT"),
        ("Caterpillar Inc. (CAT) shares fell.", "instrument/CAT"),
        ("The CRC checksum failed.", "instrument/CRC"),
        ("Enable WEP wireless encryption.", "instrument/WEP"),
        ("我们遵守CRC校验规则。", "instrument/CRC"),
    ] {
        assert!(!has(text, id), "{text}: {:?}", tags(text));
    }
    for (text, id) in [
        ("We respect the CRC and the CEDAW.", "instrument/CRC"),
        (
            "We support the CRC and children's rights.",
            "instrument/CRC",
        ),
        ("我们遵守CRC，保护儿童权利。", "instrument/CRC"),
        ("我们遵守《CRC》。", "instrument/CRC"),
        (
            "We are a member of the GNI and protect users' rights.",
            "instrument/GNI",
        ),
        ("We signed the WEP principles.", "instrument/WEP"),
        (
            "The Global Network Initiative (GNI) sets principles.",
            "instrument/GNI",
        ),
        ("States should ratify the CAT.", "instrument/CAT"),
    ] {
        assert!(
            find(text, id).is_some_and(|(_, b)| b == Basis::Cited),
            "{text}: {:?}",
            tags(text)
        );
    }
}

#[test]
fn covered_instruments_follow_their_scope() {
    // The issue's own example: forced labour in the supply chain covers the ILO core
    // conventions (and the trafficking protocol), not the broad declarations.
    let text = "We prohibit forced labour in our supply chain.";
    let covered = |text: &str, id: &str| find(text, id).is_some_and(|(_, b)| b == Basis::Covered);
    assert!(covered(text, "instrument/ILO-FPRW"), "{:?}", tags(text));
    assert!(covered(text, "instrument/PALERMO"), "{:?}", tags(text));
    assert!(!has(text, "instrument/UDHR") && !has(text, "instrument/ICCPR"));
    for (text, ids) in [
        (
            "我们禁止使用童工。",
            &["instrument/ILO-FPRW", "instrument/CRC"][..],
        ),
        (
            "We respect freedom of association and collective bargaining.",
            &["instrument/ILO-FPRW"],
        ),
        ("我们保障员工的职业健康与安全。", &["instrument/ILO-FPRW"]),
        ("我们关注外籍劳工和移民工人的权益。", &["instrument/ICMW"]),
        ("We support women in leadership.", &["instrument/CEDAW"]),
    ] {
        for id in ids {
            assert!(covered(text, id), "{text} {id}: {:?}", tags(text));
        }
    }
    // A group or right too general for the instrument does not cover it.
    for (text, id) in [
        ("我们的员工遍布全球。", "instrument/ICMW"),
        ("Our workers are our strength.", "instrument/ICMW"),
        ("Our workers are our strength.", "instrument/ILO-FPRW"),
        ("We prohibit discrimination.", "instrument/CEDAW"),
        ("We prohibit discrimination.", "instrument/CRPD"),
        ("We protect customer privacy.", "instrument/GNI"),
        ("We invest in education.", "instrument/CRC"),
    ] {
        assert!(!has(text, id), "{text} {id}: {:?}", tags(text));
    }
}

/// Everyday words that are rights keywords only in some senses, each with a text where it is the
/// right and texts where it is a company name, an industry, a check or a plan's execution.
#[test]
fn everyday_words_count_only_in_their_rights_sense() {
    let cases: &[(&str, &str, bool)] = &[
        (
            "right/economic-social-cultural/food",
            "Hilton Foods Australia supplies the pet food market.",
            false,
        ),
        (
            "right/economic-social-cultural/food",
            "食品安全是我们产品质量管理的核心。",
            false,
        ),
        (
            "right/economic-social-cultural/food",
            "Address the shortage of food in rural areas.",
            true,
        ),
        (
            "right/economic-social-cultural/food",
            "Ensure access to food for the poor.",
            true,
        ),
        (
            "right/economic-social-cultural/housing",
            "The kiosks include bill validators, bill accumulators and housings.",
            false,
        ),
        (
            "right/economic-social-cultural/housing",
            "Improve housing conditions for migrant workers.",
            true,
        ),
        (
            "right/civil-political/expression",
            "We run adverse media screening of new suppliers.",
            false,
        ),
        (
            "right/civil-political/expression",
            "Southern Cross Media Group publishes this statement.",
            false,
        ),
        (
            "right/civil-political/expression",
            "Ensure that the media can operate freely and independently.",
            true,
        ),
        (
            "right/civil-political/expression",
            "Amend its Law on the Media.",
            true,
        ),
        (
            "right/economic-social-cultural/health",
            "Health & Safety inspections of project sites.",
            false,
        ),
        (
            "right/labour/occupational-safety-health",
            "Health & Safety inspections of project sites.",
            true,
        ),
        (
            "right/economic-social-cultural/work",
            "We carry out Right to Work checks on every new starter.",
            false,
        ),
        (
            "right/economic-social-cultural/work",
            "Staff must have the legal right to work in the UK.",
            false,
        ),
        (
            "right/economic-social-cultural/work",
            "Everyone has the right to work and to free choice of employment.",
            true,
        ),
        (
            "right/civil-political/liberty",
            "Suppliers must not use forced labour (including prison labor).",
            false,
        ),
        (
            "right/labour/forced-labour",
            "Suppliers must not use forced labour (including prison labor).",
            true,
        ),
        (
            "right/civil-political/fair-trial",
            "Tier 1 suppliers were vetted by our external legal counsel.",
            false,
        ),
        (
            "right/civil-political/fair-trial",
            "Guarantee detainees access to legal counsel.",
            true,
        ),
        (
            "right/civil-political/life",
            "This supports effective execution of compliance activities.",
            false,
        ),
        (
            "right/civil-political/life",
            "Halt the execution of juvenile offenders.",
            true,
        ),
        (
            "group/human-rights-defenders",
            "Our policy gives protection for whistleblowers.",
            false,
        ),
        (
            "group/human-rights-defenders",
            "Whistleblowers are protected against reprisals.",
            false,
        ),
        (
            "right/civil-political/expression",
            "For media and press enquiries please contact us.",
            false,
        ),
        (
            "right/civil-political/expression",
            "We celebrate diversity across our social media channels.",
            false,
        ),
        (
            "right/economic-social-cultural/food",
            "Sysco is a leading food distribution company.",
            false,
        ),
        (
            "right/civil-political/fair-trial",
            "Our legal counsel reviews contracts so that our rights are protected.",
            false,
        ),
        (
            "right/civil-political/fair-trial",
            "Employees have access to legal counsel.",
            false,
        ),
        (
            "right/civil-political/life",
            "Successful execution requires public support.",
            false,
        ),
        (
            "group/human-rights-defenders",
            "Protect journalists and whistleblowers from reprisals.",
            true,
        ),
        (
            "theme/armed-conflict",
            "Our Conflict Minerals Policy Statement covers tin and tungsten.",
            false,
        ),
        (
            "theme/responsible-sourcing",
            "Our Conflict Minerals Policy Statement covers tin and tungsten.",
            true,
        ),
    ];
    for &(id, text, want) in cases {
        assert_eq!(has(text, id), want, "{id} in {text}: {:?}", tags(text));
    }
}

/// "Forced and child labour" names both rights though the noun comes once.
#[test]
fn coordinated_labour_rights_tag_both() {
    for text in [
        "We focus on the most severe risks of forced and child labour.",
        "Suppliers must not use child or forced labor.",
        "There is no evidence of forced, child or bonded labour.",
        "Forced/Child Labour",
    ] {
        assert!(
            has(text, "right/labour/forced-labour"),
            "{text}: {:?}",
            tags(text)
        );
        assert!(
            has(text, "right/labour/child-labour"),
            "{text}: {:?}",
            tags(text)
        );
    }
}

/// A union is a trade union where workers join, form or bargain through it, never the European
/// Union; an age limit is about child labour where the sentence is about hiring or work.
#[test]
fn unions_and_age_limits_in_their_labour_sense() {
    let union = "right/labour/association-bargaining";
    let child = "right/labour/child-labour";
    for (text, id, want) in [
        (
            "Workers are free to join a union of their choice.",
            union,
            true,
        ),
        (
            "Employees may form a union and bargain collectively.",
            union,
            true,
        ),
        (
            "We meet the union representing our warehouse staff every quarter.",
            union,
            true,
        ),
        (
            "Workers in the European Union are protected by its law.",
            union,
            false,
        ),
        (
            "Member states of the Union must transpose the directive for workers.",
            union,
            false,
        ),
        (
            "Our credit union offers members low-cost loans.",
            union,
            false,
        ),
        ("We do not hire anyone under the age of 18.", child, true),
        ("禁止招用未满十六周岁的未成年人。", child, true),
        (
            "We do not collect data from children under the age of 13.",
            child,
            false,
        ),
    ] {
        assert_eq!(has(text, id), want, "{text}: {:?}", tags(text));
    }
}

/// Stance: possession is not action, a prohibition is a commitment, a title in 《》 pledges
/// nothing, and 希望 is the company's own hope only with its subject.
#[test]
fn stance_reads_possession_prohibition_and_hope() {
    let action = "stance/action";
    for text in [
        "We have a zero-tolerance approach to modern slavery.",
        "We have an Internal Audit committee.",
        "UNGP 呼吁企业补救已经造成的伤害。",
        "这些风险已知且常见。",
    ] {
        assert!(!has(text, action), "{text}: {:?}", tags(text));
    }
    for text in [
        "We have conducted supplier audits.",
        "报告期内，公司开展了人权培训。",
        "我们已开展人权影响评估。",
        "我們已建立申訴機制。",
    ] {
        assert!(has(text, action), "{text}: {:?}", tags(text));
    }
    for text in [
        "We prohibit forced labour.",
        "我們禁止強迫勞動。",
        "我们保证遵守《供应商行为准则》。",
    ] {
        assert!(has(text, "stance/commitment"), "{text}: {:?}", tags(text));
    }
    // A title's words are its name, not the company's pledge.
    let title = "我们参加了《负责任采矿保证倡议》。";
    assert!(!has(title, "stance/commitment"), "{:?}", tags(title));
    let aspiration = "stance/aspiration";
    assert!(!has(
        "与人民和政府进行负责任的接洽往往更有希望提升人权。",
        aspiration
    ));
    assert!(!has("这些过程应满足个人和社区的需求和期望。", aspiration));
    assert!(has(
        "我们希望所有供应商都遵守《供应商行为准则》。",
        aspiration
    ));
}

/// Chinese wording of rights the statement uses: access to education, water-use rights,
/// accessibility, freedoms listed with 、, and a remedy that is hard to obtain (not provided).
#[test]
fn chinese_rights_wording_and_hard_to_obtain_remedy() {
    let cases: &[(&str, &str, bool)] = &[
        (
            "right/economic-social-cultural/education",
            "为他们提供培训，赋予其获得教育和经济机会的能力。",
            true,
        ),
        (
            "right/economic-social-cultural/water",
            "我们尊重土地使用权和水资源使用权。",
            true,
        ),
        (
            "group/persons-with-disabilities",
            "辅助功能 Answer Desk 为有疑问的人员提供技术支持。",
            true,
        ),
        (
            "right/civil-political/expression",
            "包括行使言论、结社及和平集会自由权利的人。",
            true,
        ),
        ("hrdd/remedy", "弱势群体包括在实践中难以获得补救者。", false),
        ("hrdd/remedy", "我们为受影响者提供补救。", true),
    ];
    for &(id, text, want) in cases {
        assert_eq!(has(text, id), want, "{id} in {text}: {:?}", tags(text));
    }
}

/// A step the rest of its clause says was not taken is not tagged; one that merely did not
/// receive anything still is.
#[test]
fn steps_undone_later_in_the_clause_do_not_count() {
    for (text, id) in [
        (
            "A formal training programme has not been established.",
            "hrdd/embedding",
        ),
        (
            "A grievance mechanism is not yet in place.",
            "hrdd/grievance-mechanism",
        ),
        (
            "A human rights impact assessment has yet to be conducted.",
            "hrdd/impact-assessment",
        ),
        (
            "Remediation was not required as no cases were found.",
            "hrdd/remedy",
        ),
        ("申诉机制尚未建立。", "hrdd/grievance-mechanism"),
        (
            "A grievance mechanism yet to be established.",
            "hrdd/grievance-mechanism",
        ),
        (
            "The grievance mechanism hasn't been established.",
            "hrdd/grievance-mechanism",
        ),
    ] {
        assert!(!has(text, id), "{text}: {:?}", tags(text));
    }
    for (text, id) in [
        (
            "Our whistleblowing hotline has not received any reports.",
            "hrdd/grievance-mechanism",
        ),
        ("申诉机制未收到投诉。", "hrdd/grievance-mechanism"),
        (
            "We engaged suppliers on training, which is not yet complete for all.",
            "hrdd/embedding",
        ),
        ("申诉机制建立以来从未发生报复事件。", "hrdd/grievance-mechanism"),
        ("人权影响评估未来需要覆盖全部供应商。", "hrdd/impact-assessment"),
        ("Human rights impact assessments are not conducted only for new sites but for all sites.", "hrdd/impact-assessment"),
        ("Risk assessments were not only carried out at onboarding.", "hrdd/impact-assessment"),
        ("Our grievance mechanism is not in itself sufficient.", "hrdd/grievance-mechanism"),
    ] {
        assert!(has(text, id), "{text}: {:?}", tags(text));
    }
}

/// Consulting outside stakeholders, unions or communities is engagement; engaging suppliers or
/// consulting the company's own teams is not.
#[test]
fn consultation_is_engagement_with_outside_stakeholders() {
    let se = "hrdd/stakeholder-engagement";
    for text in [
        "The assessment was done in consultation with relevant stakeholders, including civil society.",
        "The company regularly engages with the Transport Workers Union.",
        "公司与工会协商制定薪酬方案。",
    ] {
        assert!(has(text, se), "{text}: {:?}", tags(text));
    }
    for text in [
        "We engaged with our suppliers to complete the questionnaire.",
        "The statement was prepared in consultation with relevant internal stakeholders.",
        "To meet our commitments to customers and stakeholders, we engage with a reputable supply chain.",
    ] {
        assert!(!has(text, se), "{text}: {:?}", tags(text));
    }
}

/// Words with an ordinary, legal or business sense count only in their rights sense, and a company
/// name or an instrument's title is no subject or step of the passage.
#[test]
fn legal_business_and_name_senses_do_not_count() {
    let cases: &[(&str, &str, bool)] = &[
        (
            "group/workers",
            "本市国家机关工作人员不得在行业协会中担任职务。",
            false,
        ),
        (
            "group/workers",
            "公司为一线工作人员签订劳动合同并按时支付工资。",
            true,
        ),
        (
            "group/workers",
            "我们遵循《国际劳工组织关于工作中的基本原则和权利宣言》。",
            false,
        ),
        (
            "stance/commitment",
            "出租人可以与承租人约定收取房屋租赁保证金。",
            false,
        ),
        ("stance/commitment", "我们保证员工的休息权利。", true),
        (
            "stance/action",
            "用人单位已经不存在的，由其出资人承担责任。",
            false,
        ),
        ("stance/action", "公司已经开展了供应商人权尽职调查。", true),
        (
            "stance/action",
            "Our business is conducted in accordance with local laws.",
            false,
        ),
        (
            "stance/action",
            "A new Procurement Policy was developed and implemented.",
            true,
        ),
        (
            "right/civil-political/participation",
            "理事长由理事会选举产生。",
            false,
        ),
        (
            "right/civil-political/participation",
            "保障公民的选举权和被选举权，依法组织选民投票。",
            true,
        ),
        (
            "right/economic-social-cultural/land",
            "无形资产中的土地使用权按50年摊销。",
            false,
        ),
        (
            "right/economic-social-cultural/land",
            "征收农民集体所有土地使用权应当给予公平补偿。",
            true,
        ),
        (
            "right/economic-social-cultural/water",
            "保持厂区环境卫生整洁。",
            false,
        ),
        (
            "right/economic-social-cultural/housing",
            "公司为员工缴纳住房公积金。",
            false,
        ),
        (
            "right/economic-social-cultural/health",
            "市卫生健康部门负责本办法的组织实施。",
            false,
        ),
        ("theme/online-safety", "北京市未成年人保护条例", false),
        (
            "theme/online-safety",
            "网络服务提供者应当履行未成年人网络保护义务。",
            true,
        ),
        ("sdg/16", "保护言论自由、结社自由、和平集会自由。", false),
        (
            "sdg/7",
            "Our commodity trading teams sell our electricity to utilities.",
            false,
        ),
        (
            "sdg/7",
            "We cut our electricity consumption by 12% this year.",
            true,
        ),
        (
            "sdg/4",
            "Training and awareness: modern slavery awareness and education.",
            false,
        ),
        (
            "sdg/17",
            "We build long term partnerships with our key suppliers.",
            false,
        ),
        (
            "hrdd/policy-commitment",
            "The Board has zero tolerance to fraud and misconduct.",
            false,
        ),
        (
            "hrdd/policy-commitment",
            "We have zero tolerance for modern slavery.",
            true,
        ),
        (
            "hrdd/communication",
            "All disclosures made will be treated confidentially.",
            false,
        ),
        (
            "hrdd/remedy",
            "We will investigate whether supply chains were restructured.",
            false,
        ),
        (
            "hrdd/remedy",
            "We will promptly investigate any allegation of forced labour.",
            true,
        ),
        ("hrdd/remedy", "侵犯专利权的赔偿数额纠纷。", false),
        ("hrdd/remedy", "对受伤害的员工依法给予赔偿。", true),
        (
            "hrdd/action",
            "乡镇人民政府应当采取措施，促进农业技术的推广。",
            false,
        ),
        ("hrdd/action", "我们采取措施防范供应链中的强迫劳动。", true),
        (
            "right/economic-social-cultural/health",
            "Vitality Health Limited provides insurance.",
            false,
        ),
        (
            "right/economic-social-cultural/health",
            "Primary Health Properties PLC owns surgeries.",
            false,
        ),
        (
            "right/economic-social-cultural/health",
            "Strengthen the Ministry of Health.",
            true,
        ),
        (
            "hrdd/policy-commitment",
            "我们支持《联合国反LGBTI歧视商业行为准则》。",
            false,
        ),
        (
            "hrdd/policy-commitment",
            "我们的商业行为准则禁止歧视。",
            true,
        ),
    ];
    let wrong: Vec<_> = cases
        .iter()
        .filter(|(id, text, want)| has(text, id) != *want)
        .map(|(id, text, want)| format!("{id} expected {want} on {text}: {:?}", tags(text)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Goals named by their number, country names that hold "democratic", ILO inside the name of a
/// convention outside the core ones, regional Chinese words, and time phrases without a doer.
#[test]
fn goal_numbers_country_names_conventions_and_regional_words() {
    expect_tags(&[
        (
            "This report covers our progress towards SDG 3, SDG 8 and SDG 13.",
            &["sdg/3", "sdg/8", "sdg/13", "instrument/SDG"][..],
            &["sdg/1"][..],
        ),
        (
            "本项目助力实现可持续发展目标10和SDG4。",
            &["sdg/10", "sdg/4", "instrument/SDG"],
            &["sdg/1"],
        ),
        (
            "We contribute to SDG-8; 我们助力可持续发展目标 10。",
            &["sdg/8", "sdg/10", "instrument/SDG"],
            &["sdg/1"],
        ),
        (
            "We audited cobalt suppliers in the Democratic Republic of the Congo.",
            &["hrdd/action"],
            &["theme/democracy-rule-of-law"],
        ),
        (
            "我们在刚果民主共和国和老挝人民民主共和国采购矿产。",
            &[],
            &["theme/democracy-rule-of-law"],
        ),
        (
            "We support democracy and the rule of law.",
            &["theme/democracy-rule-of-law"],
            &[],
        ),
        (
            "We respect the rights of indigenous peoples as set out in ILO Convention 169.",
            &["instrument/ILO-C169", "group/indigenous-peoples"],
            &["instrument/ILO-FPRW"],
        ),
        (
            "本公司聘用的外籍家庭傭工及移工均享有合理待遇，我們定期與持份者溝通。",
            &["group/migrants", "hrdd/stakeholder-engagement"],
            &[],
        ),
        (
            "供應商不得使用強制勞工。",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "Our wholly owned child company operates the plant.",
            &[],
            &["group/children"],
        ),
        (
            "公司大健康产业收入增长20%。",
            &[],
            &["right/economic-social-cultural/health"],
        ),
        (
            "Labour costs rose by 4% this year.",
            &[],
            &["stance/action"],
        ),
        ("报告期内，公司营业收入增长12%。", &[], &["stance/action"]),
        (
            "This year our suppliers were audited twice.",
            &["stance/action"],
            &[],
        ),
        ("报告期内，我们开展了供应商审核。", &["stance/action"], &[]),
    ]);
}

/// Lists of goal numbers, conventions outside the core ones by number, negations that do not
/// reach a channel named after "through", negations of a phrase that hold for the words inside
/// it, and words in a business sense.
#[test]
fn goal_lists_convention_numbers_channels_and_business_senses() {
    expect_tags(&[
        (
            "Our programmes contribute to SDG #5 and Goals 8 and 10.",
            &["sdg/5", "sdg/8", "sdg/10", "instrument/SDG"][..],
            &["sdg/1"][..],
        ),
        (
            "We support the SDGs, in particular SDGs 3, 4 and 6.",
            &["sdg/3", "sdg/4", "sdg/6"],
            &["sdg/5"],
        ),
        (
            "公司积极响应联合国可持续发展目标，重点关注目标3、目标4和目标8。",
            &["sdg/3", "sdg/4", "sdg/8"],
            &["sdg/5"],
        ),
        (
            "我们的工作与可持续发展目标第8项和第10项相一致。",
            &["sdg/8", "sdg/10"],
            &[],
        ),
        (
            "This supports SDG target 8.7 and Sustainable Development Goals 1-3.",
            &["sdg/8", "sdg/1", "sdg/2", "sdg/3"],
            &["sdg/7"],
        ),
        // A count after "goal" names no goal.
        (
            "We set that goal 5 years ago; see our SDG report.",
            &[],
            &["sdg/5"],
        ),
        // A convention the taxonomy does not list is an instrument all the same; one it lists by
        // number is that one.
        (
            "We comply with ILO Convention No. 190 and ILO C131.",
            &["instrument/OTHER"],
            &["instrument/ILO-FPRW"],
        ),
        (
            "我们遵守国际劳工组织第190号公约。",
            &["instrument/OTHER"],
            &["instrument/ILO-FPRW"],
        ),
        (
            "We respect ILO Convention 169.",
            &["instrument/ILO-C169"],
            &["instrument/ILO-FPRW", "instrument/OTHER"],
        ),
        // A bare figure after the name is no convention.
        ("ILO 200 staff attended.", &[], &["instrument/OTHER"]),
        // Convention numbers in Chinese numerals, with units or digit by digit.
        (
            "我们遵守国际劳工组织第一百九十号公约。",
            &["instrument/OTHER"],
            &["instrument/ILO-FPRW"],
        ),
        (
            "本公司遵守國際勞工組織第一三八號公約。",
            &["instrument/ILO-FPRW"],
            &[],
        ),
        (
            "我们遵守国际劳工组织第一百零五号公约。",
            &["instrument/ILO-FPRW"],
            &[],
        ),
        (
            "We respect ILO Conventions 29, 105, 138 and 182.",
            &["instrument/ILO-FPRW"],
            &[],
        ),
        (
            "We follow the ILO 8 fundamental conventions.",
            &["instrument/ILO-FPRW"],
            &[],
        ),
        (
            "No grievances were received through our hotline this year.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "We did not receive any complaints via our whistleblowing channel.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "We have not yet carried out a human rights impact assessment.",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "公司尚未对其海外项目和主要供应商开展人权影响评估。",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "我们没有进行任何human rights impact assessment。",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "Goods are kept in bonded warehouses; we report drug trafficking to the police.",
            &[],
            &["right/labour/forced-labour"],
        ),
        (
            "The financial health of the group is strong after the data migration.",
            &[],
            &["right/economic-social-cultural/health", "group/migrants"],
        ),
        (
            "本公司定期召开民主生活会。",
            &[],
            &["theme/democracy-rule-of-law"],
        ),
        (
            "We recorded two lost time injuries.",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
        (
            "Passports were retained by the recruitment agent.",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "我们支持《联合国工商企业与人权指导原则》。",
            &["instrument/UNGP", "stance/commitment"],
            &[],
        ),
        ("公司要求供应商签署承诺书。", &[], &["stance/commitment"]),
        (
            "Where we have caused or contributed to harm, we provide remedy.",
            &["hrdd/remedy"],
            &["stance/action"],
        ),
        (
            "Our net zero plan cuts carbon emissions.",
            &["theme/environment"],
            &[],
        ),
        (
            "In 2023 we voted at 40 shareholder meetings.",
            &["stance/action"],
            &[],
        ),
        ("In 2023 revenue grew by 4%.", &[], &["stance/action"]),
        (
            "Suppliers must not use child labour.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "董事会下设ESG委员会，负责统筹人权工作。",
            &["hrdd/embedding"],
            &[],
        ),
    ]);
}

/// A goal named by a number in a list is evidenced by that number, and the list names the
/// framework.
#[test]
fn a_goal_in_a_list_is_evidenced_by_its_number() {
    let text = "We support SDGs 3, 4 and 5.";
    let got = tags(text);
    let four = got.iter().find(|t| t.tag == "sdg/4").expect("sdg/4");
    assert_eq!(four.evidence[0].matched, "4");
    assert_eq!(four.evidence[0].rule, "number:SDG 4");
    let sdg = got.iter().find(|t| t.tag == "instrument/SDG").expect("SDG");
    assert!(
        sdg.evidence.iter().any(|e| e.matched == "3, 4 and 5"),
        "{sdg:?}"
    );
}

/// 通过 right after a negation is the verb (adopt, pass), not the means; a count after 目标 is
/// no goal; 尚未 reaches across a long object with Latin words in it.
#[test]
fn adopted_policies_counted_targets_and_long_negated_objects() {
    expect_tags(&[
        (
            "公司董事会尚未通过人权政策。",
            &[],
            &["hrdd/policy-commitment"],
        ),
        (
            "我们支持可持续发展目标，今年完成目标10项。",
            &["instrument/SDG"],
            &["sdg/10"],
        ),
        (
            "我们尚未对其 international suppliers and contractors 开展人权影响评估。",
            &[],
            &["hrdd/impact-assessment"],
        ),
    ]);
}

/// What statements and statutes say in their own words: a step judged unneeded or answered "not
/// applicable" is not taken, "not yet" denies a long clause, a statement naming itself or an
/// attestation of having read it is no reporting or tracking; commitments and risk assessments
/// in the phrasings statements use; statutory words for wages, safety and labour disputes.
#[test]
fn steps_judged_unneeded_self_references_and_the_words_of_statements_and_statutes() {
    expect_tags(&[
        (
            "In 2023, remediation measures did not need to be taken.",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "Primary audits of the supply chain are not warranted nor feasible.",
            &[],
            &["hrdd/action"],
        ),
        (
            "Measures taken to remediate any forced labour: Not applicable, no cases were found.",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "We have not yet implemented a system to assess the effectiveness of these measures.",
            &[],
            &["hrdd/tracking"],
        ),
        (
            "We will review the effectiveness of these measures every year.",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "We are yet to establish a process to measure the effectiveness of our training.",
            &[],
            &["hrdd/tracking"],
        ),
        // What is denied is another deed: the step stands.
        (
            "We have not yet received any reports from workers on our grievance mechanism.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "We have never had a single case of forced labour reported on our whistleblowing hotline.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Suppliers that have not yet signed the code are subject to enhanced due diligence and audits.",
            &["hrdd/action"],
            &[],
        ),
        (
            "Our grievance mechanism does not need to be used anonymously.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Our whistleblowing hotline does not need registration and is available 24/7.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Our supplier code of conduct is not applicable to employees of the parent company.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        ("Grievances received: none.", &["hrdd/grievance-mechanism"], &[]),
        (
            "We have never settled a claim out of court and we conduct human rights risk assessments.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "We have never conducted business with them and we audit all suppliers annually.",
            &["hrdd/action"],
            &[],
        ),
        (
            "Complaints to our grievance mechanism do not need to be made in writing.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Our code of conduct is not applicable beyond tier 1 suppliers.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "Human rights impact assessment: not applicable to tier 2 suppliers; all tier 1 suppliers assessed.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        // A form's label answered by the step's denial is no evidence of the step; answered
        // otherwise, it stands. A null result (nothing found, so no remedy was needed) still
        // reports on remedy, as the assessment datasets label it; a process denied does not.
        (
            "Remediation measures: MCC BC has not identified any forced labour in its supply chains and therefore no remediation measures have been taken.",
            &["right/labour/forced-labour", "hrdd/remedy"],
            &[],
        ),
        (
            "Remediation: No instances of forced labour were identified, so no remediation was undertaken.",
            &["hrdd/remedy"],
            &[],
        ),
        ("补救措施：报告期内未发现强迫劳动，因此未采取任何补救措施。", &["hrdd/remedy"], &[]),
        ("Grievance mechanism: we do not currently operate one.", &[], &["hrdd/grievance-mechanism"]),
        ("Grievance mechanism: No.", &[], &["hrdd/grievance-mechanism"]),
        (
            "Remediation measures: where we find forced labour we provide remediation to the workers affected.",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "Remediation: we provide remediation to affected workers, though no remediation was needed this year.",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "Grievance mechanism: No retaliation is tolerated against workers who use our hotline.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Grievance mechanism: we have not received any complaints through our hotline.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        ("申诉机制：无。", &[], &["hrdd/grievance-mechanism"]),
        (
            "Grievance mechanism: we do not currently have a formal grievance mechanism.",
            &[],
            &["hrdd/grievance-mechanism"],
        ),
        // Only a label's own answer denies it, and only of the step, whole.
        (
            "We operate a grievance mechanism for all employees: we do not have one for suppliers yet.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "We have conducted human rights due diligence across our operations: we do not have any findings of forced labour.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "Grievance mechanism: no-cost, confidential channel open to all workers.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        ("Remediation: No. of workers repaid: 12", &["hrdd/remedy"], &[]),
        (
            "Grievance mechanism: we don't have any grievances to report this year.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Grievance mechanism: we do not have one at tier 2 suppliers, but operate one for all direct staff.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Remediation: we compensated 12 workers; no other remediation was required.",
            &["hrdd/remedy"],
            &[],
        ),
        ("申诉机制：无报复，员工可匿名举报。", &["hrdd/grievance-mechanism"], &[]),
        // Answers in the forms' own wording, denied by a verb of doing or having the step.
        (
            "Remediation of loss of income: The Company has not taken any measures to remediate the loss of income.",
            &[],
            &["hrdd/remedy"],
        ),
        // Not having had to take a step, with no finding given as its reason, is no remedy.
        (
            "Remediation measures: The Company has not had to take any remedial action.",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "Remediation measures: There were no measures taken to remediate any forced labour.",
            &[],
            &["hrdd/remedy"],
        ),
        ("Remedy: No remediation has been undertaken.", &[], &["hrdd/remedy"]),
        (
            "Grievance mechanism: We do not currently operate a whistleblowing hotline.",
            &[],
            &["hrdd/grievance-mechanism"],
        ),
        ("投诉机制：未设立举报热线。", &[], &["hrdd/grievance-mechanism"]),
        ("Grievance mechanism: Not yet established.", &[], &["hrdd/grievance-mechanism"]),
        ("申诉机制：尚未建立。", &[], &["hrdd/grievance-mechanism"]),
        // Denials of part of it, of events or of others' steps leave it standing.
        (
            "Grievance mechanism: No grievance mechanism exists at tier 2, but one operates at all our own sites.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Grievance mechanism: We do not have a grievance mechanism for contractors, however one is available to all employees.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Grievance mechanism: During the reporting period, no grievance was lodged.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        ("举报渠道：报告期内未收到任何举报。", &["hrdd/grievance-mechanism"], &[]),
        (
            "Grievance mechanism: Suppliers that do not have their own grievance mechanism must give their workers access to ours.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Grievance mechanism: No. 4 of our Supplier Code sets out the channel.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        // The Australian Act's reporting criterion, quoted as a heading, is none of the
        // company's steps.
        (
            "Describe the actions taken by the reporting entity to assess and address those risks, including due diligence and remediation processes",
            &[],
            &["hrdd/remedy"],
        ),
        // Risk words need a human-rights or supply-chain subject.
        ("Our risk profile for credit is moderate.", &[], &["hrdd/impact-assessment"]),
        (
            "The heat map of our stores shows customer footfall.",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "We assess the risk profile of each supplier for modern slavery.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "I attest that I have reviewed the information contained in this report.",
            &[],
            &["hrdd/tracking"],
        ),
        // A statement's approval is its sign-off, embedding, not its communication.
        (
            "This statement has been approved by the Board of Directors.",
            &["hrdd/embedding", "stance/action"],
            &["hrdd/communication"],
        ),
        (
            "This statement is published on our website.",
            &["hrdd/communication"],
            &[],
        ),
        (
            "We work with law enforcement agencies to combat financial crime.",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "HSBC exchanges correspondence with NGOs.",
            &[],
            &["right/civil-political/privacy"],
        ),
        (
            "We are committed to preventing all forms of modern slavery in our business.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "We are committed to reducing our emissions.",
            &[],
            &["hrdd/policy-commitment"],
        ),
        (
            "Kimberly-Clark stands against slavery and human trafficking.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "New suppliers are assessed for human rights risks during onboarding.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "We respect the human rights of our employees and the communities in which we operate.",
            &["hrdd/policy-commitment", "group/communities"],
            &[],
        ),
        (
            "We support the International Bill of Human Rights.",
            &["instrument/UDHR", "instrument/ICCPR", "instrument/ICESCR"],
            &[],
        ),
        (
            "用人单位应当按时足额支付劳动报酬，提供劳动安全卫生条件。",
            &[
                "right/labour/working-conditions",
                "right/labour/occupational-safety-health",
            ],
            &[],
        ),
        (
            "劳动争议当事人可以向本企业劳动争议调解委员会申请调解。",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "公路交通安全设施应当保持完好。",
            &[],
            &["right/labour/occupational-safety-health"],
        ),
        (
            "对违反校规的学生进行批评教育。",
            &[],
            &["right/economic-social-cultural/education"],
        ),
        // An administrative approval or review is no tracking of due diligence.
        (
            "申请人对决定不服的，可以向原机关申请复核。",
            &[],
            &["hrdd/tracking"],
        ),
        (
            "公司对供应商开展社会责任审核，并跟踪整改。",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "We finance projects under the Equator Principles and are a signatory of the PRI.",
            &["instrument/OTHER"],
            &[],
        ),
        (
            "We prohibit child, forced, bonded or involuntary labour in our supply chain.",
            &["right/labour/child-labour", "right/labour/forced-labour"],
            &[],
        ),
        (
            "We reject any discrimination based on gender, ethnic origin or age.",
            &["group/women", "right/non-discrimination"],
            &[],
        ),
        (
            "Prohibit discrimination on the grounds of sexual orientation or gender identity.",
            &["group/lgbti"],
            &["group/women"],
        ),
        (
            "We conduct our trading relationships with the highest integrity.",
            &["theme/anti-corruption"],
            &[],
        ),
        (
            "Indicators include the confiscation of identification documents.",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "Concerns can be raised under our Public Interest Disclosure policy.",
            &["hrdd/grievance-mechanism"],
            &["hrdd/communication"],
        ),
    ]);
}

/// A framework a company joins (the Global Compact) is not taken up by addressing one of its
/// topics: anti-corruption alone covers no instrument, while forced labour still covers the ILO
/// Declaration.
#[test]
fn a_framework_is_not_covered_by_one_of_its_topics() {
    expect_tags(&[
        (
            "We prohibit bribery and corruption in all our dealings.",
            &["theme/anti-corruption"],
            &["instrument/UNGC"],
        ),
        (
            "We prohibit forced labour in our supply chain.",
            &["instrument/ILO-FPRW"],
            &["instrument/UNGC"],
        ),
        (
            "As a signatory of the UN Global Compact, we prohibit bribery.",
            &["instrument/UNGC"],
            &[],
        ),
    ]);
}

/// Text a blind labelling of Chinese ESG sentences, Chinese laws and English statements showed
/// the tagger missing or misreading: environmental words in Chinese are the environment theme;
/// checks and audits are tracking only next to a subject of due diligence; corruption is SDG 16;
/// employers and labour disputes concern workers; cybersecurity drills protect data; supplier
/// expectations and policies "relating to" a right are commitments; ongoing monitoring tracks.
#[test]
fn environment_words_subjects_of_checks_and_the_phrasings_of_commitments() {
    expect_tags(&[
        (
            "公司严格控制废水、废气排放，推进生活垃圾分类。",
            &["theme/environment", "sdg/12"],
            &[],
        ),
        ("本集团持续推进双碳工作。", &["theme/environment"], &[]),
        (
            "董事会审计委员会审议了年度财务报告。",
            &[],
            &["hrdd/tracking"],
        ),
        (
            "生态环境主管部门对重点区域开展遥感监测。",
            &["theme/environment"],
            &["hrdd/tracking"],
        ),
        (
            "公司对供应商用工情况开展年度审计。",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "坚持党风廉政建设，严禁行贿受贿。",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
        (
            "劳动争议仲裁委员会依法处理用人单位与劳动者之间的争议。",
            &["group/workers"],
            &[],
        ),
        ("公司研发优势明显，市场份额领先。", &[], &["sdg/9"]),
        ("公司研发成果转化率持续提升。", &["sdg/9"], &[]),
        (
            "我们定期组织全员钓鱼邮件演练和攻防演练。",
            &["right/civil-political/privacy"],
            &[],
        ),
        (
            "积极推动残疾人就业和信息无障碍建设。",
            &["sdg/10", "group/persons-with-disabilities"],
            &[],
        ),
        ("做好大学生就业服务工作。", &[], &["sdg/4"]),
        (
            "医疗废物应当集中处置。",
            &[],
            &["right/economic-social-cultural/health"],
        ),
        (
            "We expect all of our suppliers to respect human rights.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "Our policies relating to forced labour apply to every subsidiary.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "Our policies on travel expenses apply to every subsidiary.",
            &[],
            &["hrdd/policy-commitment"],
        ),
        (
            "Ongoing monitoring of high-risk suppliers continues through the year.",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "We work to protect the environment and the communities around our sites.",
            &["theme/environment"],
            &[],
        ),
        (
            "Our strategy reflects the environment in which we operate.",
            &[],
            &["theme/environment"],
        ),
    ]);
}

/// Words an analyst read in another sense, and steps and rights they found missed: an
/// instrument's own wording ("respect, protect and remedy") is no remedy of the company's, a
/// statement's website no complaints channel, a domestic-violence shelter no asylum, a business
/// line no right; a named policy on a right is a commitment, impact assessment in the PRC's legal
/// term (影响评价) is one.
#[test]
fn instrument_wording_business_senses_and_steps_an_analyst_missed() {
    expect_tags(&[
        (
            "These principles provide a framework for the corporation to respect, protect, and remedy human rights impacts.",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "We will remedy any harm we cause to workers.",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "我们通过全球人权声明网站向利益相关者传达我们的承诺。",
            &[],
            &["hrdd/grievance-mechanism"],
        ),
        (
            "员工可通过诚信网站匿名举报违规行为。",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "对遭受家庭暴力的妇女依法提供临时庇护。",
            &["group/women"],
            &["group/refugees"],
        ),
        ("为寻求庇护者提供法律援助。", &["group/refugees"], &[]),
        (
            "We use rail lines and trucking companies to transport our products to their end users.",
            &[],
            &["group/users"],
        ),
        (
            "We protect the privacy of our users.",
            &["group/users"],
            &[],
        ),
        (
            "Our supply chain consists of suppliers and wholesalers in the healthcare industry.",
            &[],
            &["right/economic-social-cultural/health"],
        ),
        (
            "我们尊重《经济、社会及文化权利国际公约》。",
            &["instrument/ICESCR"],
            &["right/economic-social-cultural/culture-science"],
        ),
        (
            "We respect the International Covenant on Economic, Social and Cultural Rights.",
            &["instrument/ICESCR"],
            &["right/economic-social-cultural/culture-science"],
        ),
        (
            "公司连续开展科普进校园活动，保护当地文物。",
            &["right/economic-social-cultural/culture-science"],
            &[],
        ),
        (
            "Suppliers could source minerals from conflict regions.",
            &["theme/armed-conflict"],
            &[],
        ),
        (
            "Everyone is entitled to a safe working environment.",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
        (
            "开展安全隐患排查整治专项行动。",
            &[
                "right/labour/occupational-safety-health",
                "hrdd/impact-assessment",
            ],
            &[],
        ),
        (
            "建设项目应当依法进行环境影响评价。",
            &["hrdd/impact-assessment", "theme/environment"],
            &[],
        ),
        (
            "Our policies relevant to slavery and human trafficking are listed below.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "The Abuse Prevention Policy outlines steps for reporting instances of child abuse.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "Our travel policy applies to every employee.",
            &[],
            &["hrdd/policy-commitment"],
        ),
        // A business risk is no assessment of human-rights impacts, nor a policy named near a
        // right a policy on it.
        (
            "We are exposed to foreign exchange risk and higher interest rate risk.",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "There is a potential risk of fire in the warehouse.",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "Our cookie policy is on our website, next to our statement on modern slavery.",
            &[],
            &["hrdd/policy-commitment"],
        ),
        (
            "We respect civil, political, economic, social, and cultural rights.",
            &[],
            &["right/economic-social-cultural/culture-science"],
        ),
    ]);
}

/// A group named inside an instrument's title is what that instrument protects: it makes the
/// passage about the group, but covers no other instrument; named in the passage's own words, it
/// does.
#[test]
fn a_group_inside_a_title_covers_no_other_instrument() {
    let title = "我们支持《联合国原住民权利宣言》。";
    assert!(has(title, "group/indigenous-peoples"));
    assert_eq!(
        find(title, "instrument/UNDRIP").map(|t| t.1),
        Some(Basis::Cited)
    );
    assert_eq!(find(title, "instrument/ILO-C169"), None);
    let own = "我们尊重原住民的土地权利。";
    assert_eq!(
        find(own, "instrument/ILO-C169").map(|t| t.1),
        Some(Basis::Covered)
    );
}

/// A free text too long to be one passage is tagged in pieces: tags from its start and its end,
/// evidence ranges into the whole text, an instrument named anywhere cited and not also covered.
#[test]
fn a_text_too_long_for_one_passage_is_tagged_in_pieces() {
    let mut text = String::from("我们禁止强迫劳动。");
    while text.len() < 3 << 20 {
        text.push_str("Filler sentence about the weather. ");
    }
    text.push_str("We respect the Universal Declaration of Human Rights and the right to life.");
    let got = tags(&text);
    let find = |id: &str| got.iter().filter(|t| t.tag == id).collect::<Vec<_>>();
    assert_eq!(find("right/labour/forced-labour").len(), 1);
    let udhr = find("instrument/UDHR");
    assert_eq!(udhr.len(), 1, "{udhr:?}");
    assert_eq!(udhr[0].basis, Basis::Cited);
    assert!(udhr[0].evidence[0].range.start > 3 << 20);
    let life = find("right/civil-political/life");
    assert!(!life.is_empty());
    // In tag order, as a passage's tags are.
    let ids: Vec<&str> = got.iter().map(|t| t.tag.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

/// Chinese as Hong Kong and Taiwan write it: Hong Kong's variant chars fold like Traditional
/// ones (人權捍衞者), and the terms of their own the rights language uses are keywords (強迫勞工,
/// 網路安全, 人工智慧, 全球網路倡議).
#[test]
fn hong_kong_and_taiwan_wording() {
    expect_tags(&[
        ("禁止童工及强迫劳工。", &["right/labour/forced-labour"], &[]),
        ("禁止童工及強迫勞工。", &["right/labour/forced-labour"], &[]),
        (
            "我們保護人權捍衞者。",
            &["group/human-rights-defenders"],
            &[],
        ),
        (
            "我們加強網路安全，防範網路霸凌。",
            &["theme/online-safety"],
            &[],
        ),
        ("負責任地發展人工智慧。", &["theme/responsible-ai"], &[]),
        (
            "微軟是《全球網路倡議》的創始成員。",
            &["instrument/GNI"],
            &[],
        ),
    ]);
}

/// A plan is no deed: the action stance is for what was done, not what a clause plans.
#[test]
fn plans_are_not_actions() {
    let action = "stance/action";
    for text in [
        "We plan to conduct a human rights impact assessment in 2025.",
        "In 2024 we intend to roll out training to all procurement staff.",
        "We will conduct a human rights impact assessment in 2025.",
        "公司计划于明年开展人权影响评估。",
        // A joined noun opens no predicate of its own.
        "Training and audits of suppliers are to be conducted next year.",
        // A modal's deed is not done; a plan stated far back still holds.
        "By 2026 all staff should have been trained and we aim to extend training to suppliers next year.",
        "We plan to ensure that by the end of the 2025 financial year every one of our tier one and tier two suppliers in Bangladesh and Vietnam and Cambodia and Indonesia and India and Pakistan and Sri Lanka and Myanmar and Turkey and Morocco and Tunisia and Egypt and Ethiopia and Kenya and Madagascar has been audited by an independent third party.",
    ] {
        assert!(!has(text, action), "{text}: {:?}", tags(text));
    }
    // A clause that begins after a wide break (》) is read on char boundaries.
    let _ = tags("鼓励《中华人民共和国慈善法》公布前已经设立的基金会申请认定。");
    for text in [
        "We have conducted a human rights impact assessment and will continue to do so.",
        "In 2023 we conducted audits of 40 suppliers.",
        "2023年，公司开展了人权培训，明年将扩大范围。",
        // A plan joined after the deed is the next predicate's.
        "In 2023 we conducted 40 supplier audits and we expect to do more next year.",
        "We trained 500 employees in 2023 and aim to train all staff by 2025.",
        "去年公司开展了人权尽职调查并计划明年扩展至供应商。",
    ] {
        assert!(has(text, action), "{text}: {:?}", tags(text));
    }
}

/// What an analyst's reading of statements found: a denial after a long subject, a subject that
/// "no" opens, an abuse named as a warning sign, goods held at a border, and wordings of codes of
/// conduct.
#[test]
fn long_subjects_denied_warning_signs_and_code_wordings() {
    let action = "stance/action";
    expect_tags(&[
        (
            "Employee Training on the issues surrounding Forced Labour and Child Labour in the supply chain has not been established at Dumur Industries.",
            &["right/labour/forced-labour"],
            &["hrdd/action", "hrdd/embedding"],
        ),
        (
            "No formal assessment of the risk of forced labour in our supply chain was conducted.",
            &["right/labour/forced-labour"],
            &[action, "hrdd/impact-assessment"],
        ),
        (
            "No remediation of the cases of forced labour in our supply chain in Malaysia has been carried out.",
            &[],
            &["hrdd/remedy", action],
        ),
        // Another clause's verb, or a subject with its own pronoun, keeps the step or the deed.
        (
            "No child labour was found and audits were conducted at 40 supplier sites.",
            &[action],
            &[],
        ),
        (
            "We conducted a risk assessment of all our tier one suppliers in the reporting period and the results have not yet been published.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "Supplier audits in the apparel and footwear sectors across Asia and Europe were carried out and corrective actions were not needed.",
            &["hrdd/action"],
            &[],
        ),
        (
            "Since we have no compliance program addressing forced labour, we have currently no remediation process in place.",
            &[],
            &["hrdd/remedy", action],
        ),
        (
            "No fewer than 20 remediation plans have been implemented.",
            &[action, "hrdd/remedy"],
            &[],
        ),
        // Another clause before the auxiliary keeps the step.
        (
            "We completed a human rights impact assessment of our operations in Brazil and India during the year and recommendations have not yet been implemented.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "No major incidents occurred in 2023 and supplier audits were conducted at all of our sites.",
            &[action],
            &[],
        ),
        (
            "No-fee recruitment audits across all our labour hire providers in Australia were conducted.",
            &[action],
            &[],
        ),
        (
            "Workers who raise concerns are protected against unfair dismissal, and any worker dismissed in breach of this policy is reinstated with back pay.",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "Training on forced labour for all of our procurement staff in the UK and Asia was completed in 2023.",
            &["hrdd/embedding", action],
            &[],
        ),
        (
            "Training for all buyers who work with suppliers in the UK and Asia on the signs of forced labour was delivered, though audits have not been conducted.",
            &["hrdd/embedding"],
            &[],
        ),
        (
            "Obligation (or under threat of dismissal) to work excessive hours",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "Workers found responsible for harassment face disciplinary action up to and including dismissal.",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "In the event that a shipment is detained, Arkema will conduct a review.",
            &[],
            &["right/civil-political/liberty"],
        ),
        (
            "Human rights defenders have been arbitrarily detained.",
            &["right/civil-political/liberty"],
            &[],
        ),
        (
            "Update of the Whistle-blower policy and the introduction of new mechanisms for internal and external parties to report issues.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "No extreme or inhumane treatment is allowed or tolerated.",
            &["right/civil-political/torture"],
            &[],
        ),
    ]);
}

/// Kinds of social insurance are social security, not the rights their names start with, also
/// in a list that names the insurance once at its end.
#[test]
fn social_insurance_is_social_security() {
    let security = "right/economic-social-cultural/social-security";
    let others: &[&str] = &[
        "right/economic-social-cultural/health",
        "right/economic-social-cultural/work",
        "right/labour/occupational-safety-health",
        "sdg/3",
    ];
    for text in [
        "公司为员工缴纳基本养老保险、基本医疗保险、失业保险、工伤保险和生育保险。",
        "用人单位应当依法为劳动者缴纳养老、医疗、失业、工伤和生育保险。",
        "及时为员工建立养老、医疗、失业、工伤、生育等社会保险。",
    ] {
        assert!(has(text, security), "{text}: {:?}", tags(text));
        for id in others {
            assert!(!has(text, id), "{text}: {id} in {:?}", tags(text));
        }
    }
    // A list with another head keeps its items' own sense.
    expect_tags(&[
        (
            "医院为患者提供医疗、康复和护理服务。",
            &["right/economic-social-cultural/health"],
            &[],
        ),
        (
            "我们坚持健康、稳定发展。",
            &[],
            &["right/economic-social-cultural/health"],
        ),
        // Only a list's last item gives the head, and a comma ends the list.
        (
            "为保护劳动者健康及其相关权益，促进经济社会发展，制定本法。",
            &["right/economic-social-cultural/health"],
            &[],
        ),
        (
            "为保护职工健康，消除粉尘危害，促进生产发展，制定本条例。",
            &["right/economic-social-cultural/health"],
            &[],
        ),
        (
            "在医疗、社会保险、住房、子女入学等方面提供便利。",
            &["right/economic-social-cultural/health", "sdg/3"],
            &[],
        ),
        (
            "公司加强工伤预防和安全培训。",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
    ]);
}

/// A keyword listed in one English spelling finds the other.
#[test]
fn keywords_find_either_english_spelling() {
    expect_tags(&[
        ("We recognise that forced labor could occur.", &["sdg/8"], &[]),
        (
            "Suppliers must respect freedom of association and collective bargaining, and the right to organize.",
            &["right/labour/association-bargaining"],
            &[],
        ),
    ]);
    // "laboratory" is no labour.
    assert!(!has("Our laboratory tests products.", "group/workers"));
}

/// Overlapping matches of one entry are one piece of evidence: the same words do not count twice.
#[test]
fn overlapping_matches_count_once() {
    let text = "No one shall be subjected to inhuman or degrading treatment.";
    let t = tags(text)
        .into_iter()
        .find(|t| t.tag == "right/civil-political/torture")
        .unwrap();
    for (i, a) in t.evidence.iter().enumerate() {
        for b in &t.evidence[i + 1..] {
            assert!(
                a.range.end <= b.range.start || b.range.end <= a.range.start,
                "{:?}",
                t.evidence
            );
        }
    }
}

#[test]
fn asking_suppliers_is_the_policy_what_they_undergo_is_a_step_and_obeying_the_law_is_none() {
    for (text, id, want) in [
        // The keyword is the asking itself: what a supplier code states, not a step taken.
        ("Suppliers must comply with this Code.", "hrdd/action", true),
        (
            "Avis Budget Group requires suppliers to use certified labour hire companies only.",
            "hrdd/action",
            true,
        ),
        (
            "Suppliers are required to report to us any risks of forced labour that cannot be mitigated.",
            "hrdd/action",
            true,
        ),
        ("我们要求供应商遵守行为准则，禁止强迫劳动。", "hrdd/action", true),
        // A keyword inside the asking ("all suppliers", "new suppliers") is part of it.
        (
            "New suppliers are required to declare that they do not use forced labour.",
            "hrdd/action",
            true,
        ),
        (
            "We require all suppliers to respect human rights and prohibit forced labour.",
            "hrdd/action",
            true,
        ),
        // What suppliers complete, take part in or accept is the company's step on them.
        (
            "We require selected suppliers to complete ESG self-assessment questionnaires that cover working conditions and human rights.",
            "hrdd/action",
            false,
        ),
        (
            "Subcontractors and suppliers must participate in a pre-qualification, evaluation and assessment process prior to any formal engagement.",
            "hrdd/action",
            false,
        ),
        // The company's own people are bound: its step.
        (
            "All employees who work with supply chain partners are required to participate in mandatory training on modern slavery.",
            "hrdd/embedding",
            false,
        ),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
    // Complying with the law is no due-diligence step; complying with a code or a standard
    // asked of suppliers is.
    assert!(!has(
        "We respect the privacy of our customers and comply with applicable data protection laws.",
        "hrdd/action"
    ));
    assert!(has(
        "Our suppliers comply with our Supplier Code and its labour standards.",
        "hrdd/action"
    ));
}

/// A step both pledged and taken in one passage shows the deed first, where `gaps` and `search`
/// show a step's evidence: not the pledge, which would read as the step taken.
#[test]
fn a_step_taken_shows_the_deed_before_the_pledge() {
    let text = "我们承诺实施补救。我们将补救指南翻译成多种语言。";
    let remedy = tags(text)
        .into_iter()
        .find(|t| t.tag == "hrdd/remedy")
        .expect("remedy");
    assert!(!remedy.planned);
    let deed = text.find("将补救").unwrap() + "将".len();
    assert_eq!(remedy.evidence[0].range.start, deed, "{remedy:?}");
    // Every match kept as evidence, the pledge after the deed.
    assert_eq!(remedy.evidence.len(), 2, "{remedy:?}");
}

/// Whether `text` tags `id` as a step it only plans.
fn planned(text: &str, id: &str) -> Option<bool> {
    tags(text)
        .into_iter()
        .find(|t| t.tag == id)
        .map(|t| t.planned)
}

#[test]
fn steps_only_planned_intended_or_required_are_marked_so() {
    for (text, id, want) in [
        // Planned, intended, possible: the company commits to the step, it has not taken it.
        (
            "Where forced labour is found, we will establish the necessary remediation procedures.",
            "hrdd/remedy",
            true,
        ),
        (
            "CSC will be looking to investigate other areas in its supply processes for any suspected activity of modern slavery.",
            "hrdd/remedy",
            true,
        ),
        (
            "We plan to conduct human rights impact assessments of our key suppliers.",
            "hrdd/impact-assessment",
            true,
        ),
        ("公司计划明年开展人权影响评估。", "hrdd/impact-assessment", true),
        // A time clause belongs to the plan before it.
        (
            "Dumur will also release a Forced Labour and Child Labour policy and provide targeted training to employees during 2024, once the new policies and procedures have been introduced.",
            "hrdd/action",
            true,
        ),
        // Kept up or done: steps taken.
        (
            "We will continue to audit our suppliers for forced labour and investigate all reports.",
            "hrdd/remedy",
            false,
        ),
        (
            "We will continue to review our policies and procedures to ensure that anti-slavery is at the forefront of our operations.",
            "hrdd/tracking",
            false,
        ),
        (
            "We audited 40 suppliers for forced labour and investigated all reports received through our hotline.",
            "hrdd/remedy",
            false,
        ),
        ("公司已建立申诉机制，并开展了人权尽职调查。", "hrdd/grievance-mechanism", false),
        // Chinese plans stated by a verb, without a date.
        ("我们将建立供应商申诉机制。", "hrdd/grievance-mechanism", true),
        ("我们计划开展人权影响评估。", "hrdd/impact-assessment", true),
        ("我们打算对供应商进行审核。", "hrdd/tracking", true),
        ("公司拟对供应商开展社会责任审核。", "hrdd/tracking", true),
        // 将 marking an object, and a plan followed, state deeds.
        ("我们将补救指南翻译成多种语言。", "hrdd/remedy", false),
        ("按计划开展供应商审核。", "hrdd/tracking", false),
        // Pledged: a commitment to the step.
        ("我们承诺实施补救。", "hrdd/remedy", true),
        ("我们承诺采取行动，确保弱势群体更好地行使其权利。", "hrdd/action", true),
        (
            "We are committed to providing access to effective grievance mechanisms and remedy.",
            "hrdd/remedy",
            true,
        ),
        (
            "Lion Electric is committed to providing remediation for any confirmed instances of forced labour.",
            "hrdd/remedy",
            true,
        ),
        // A deed after the pledge, a pledge only as a noun, a signed letter of commitment: steps.
        (
            "We are committed to respecting human rights and have conducted human rights impact assessments at 10 sites.",
            "hrdd/impact-assessment",
            false,
        ),
        ("我们承诺尊重人权，并开展了人权影响评估。", "hrdd/impact-assessment", false),
        ("我们承诺尊重人权，2023年开展人权影响评估，覆盖10个工厂。", "hrdd/impact-assessment", false),
        (
            "In keeping with our commitment to act with integrity, we conduct human rights impact assessments of new sites.",
            "hrdd/impact-assessment",
            false,
        ),
        ("要求供应商签署承诺书并接受审核。", "hrdd/tracking", false),
        ("为践行人权承诺，我们开展人权影响评估。", "hrdd/impact-assessment", false),
        // A pledge does not reach into the next sentence, nor past a clause of the company's
        // own; an allocation, a target's year and 为了 are no pledge or deed.
        (
            "We are committed to respecting human rights. We provide remedy to affected workers through our grievance mechanism.",
            "hrdd/remedy",
            false,
        ),
        (
            "As committed to in our policy, we audited 40 suppliers for forced labour.",
            "hrdd/action",
            false,
        ),
        ("Funds committed to remediation were paid to 40 workers.", "hrdd/remedy", false),
        ("我们承诺到2030年实现供应商审核全覆盖。", "hrdd/tracking", true),
        ("为了落实承诺，我们开展了人权影响评估。", "hrdd/impact-assessment", false),
        // 计划 after a noun is a noun, and a deed done in the clause is no plan.
        ("2023年，我们按照年度审核计划开展了120次供应商审核。", "hrdd/tracking", false),
        ("依据年度培训计划开展了员工人权培训。", "hrdd/embedding", false),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
    // The policy commitment is not a pledge to itself.
    assert_eq!(
        planned(
            "We commit to respect human rights as set out in the UDHR.",
            "hrdd/policy-commitment"
        ),
        Some(false)
    );
    // Only steps are marked: a planned passage's other tags are not.
    let t = tags("We plan to conduct human rights impact assessments of our key suppliers.");
    assert!(t
        .iter()
        .filter(|t| !t.tag.starts_with("hrdd/"))
        .all(|t| !t.planned));
    // The time clause makes the deed a plan, so no action stance either.
    assert!(!has(
        "Dumur will also release a Forced Labour and Child Labour policy and provide targeted training to employees during 2024, once the new policies and procedures have been introduced.",
        "stance/action"
    ));
    assert!(has(
        "Once the new policy had been introduced, we trained 300 employees in 2023.",
        "stance/action"
    ));
    // A time clause after a break char of several bytes is read without slicing inside it.
    for text in [
        "员工培训、once the policy has been introduced, we trained staff",
        "《Policy》once it has been introduced, training will follow",
    ] {
        tags(text);
    }
}

#[test]
fn the_ilo_named_as_an_organisation_cites_none_of_its_standards() {
    let cites = |text: &str| matches!(find(text, "instrument/ILO-FPRW"), Some((_, Basis::Cited)));
    for (text, want) in [
        // A source of figures, indicators or reports, or a partner.
        ("We acknowledge the International Labour Organisation, almost 25 million people are estimated to be trapped in forced labour.", false),
        ("We understand the 2022 ILO report suggests that agriculture is a sector of high risk.", false),
        ("We are collaborating with the International Labour Organization (ILO) and the Fair Labor Association.", false),
        ("我们与国际劳工组织合作开展项目。", false),
        // Its standards, in either spelling.
        ("Our contractors adhere to the fundamental principles of the International Labour Organisation.", true),
        ("Our policy follows the International Labor Organization's core conventions.", true),
        // Every mix of the two words spelled two ways, from one listed spelling.
        ("Our policy follows the International Labor Organisation's core conventions.", true),
        ("Our policy follows the International Labour Organisation's core conventions.", true),
        ("We respect ILO standards in all our factories.", true),
        ("我们遵守国际劳工组织核心公约。", true),
        // "No." before a number ends no sentence: the convention is the cue.
        ("We ratify Convention No. 111 of the International Labour Organization.", true),
    ] {
        assert_eq!(cites(text), want, "{text}");
    }
}

#[test]
fn reporting_wording_of_policies_is_a_channel_and_its_protection() {
    expect_tags(&[
        (
            "Employees are required to report any concerns regarding modern slavery in our supply chains.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "The Company will support anyone who raises genuine concerns in good faith, and ensures nobody suffers any detrimental treatment as a result of reporting.",
            &["hrdd/grievance-mechanism", "hrdd/non-retaliation"],
            &[],
        ),
    ]);
}

#[test]
fn taiwan_and_hong_kong_report_wording() {
    expect_tags(&[
        // Dates of the Minguo calendar with a verb of doing; not a year's revenue.
        (
            "本公司112年度完成供應商人權盡職調查。",
            &["stance/action"],
            &[],
        ),
        (
            "本公司112年度合併營收為新台幣50億元。",
            &[],
            &["stance/action"],
        ),
        // 同仁 are staff; 一視同仁 treats everyone alike.
        (
            "本公司提供同仁完善的教育訓練。",
            &["group/workers", "hrdd/embedding"],
            &[],
        ),
        ("本公司對所有應徵者一視同仁。", &[], &["group/workers"]),
        // Occupational safety and health, and product safety that is not.
        (
            "本公司落實職業安全衛生管理，112年職災件數為零。",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
        (
            "因安全及健康理由而須回收的已售或已運送產品總數的百分比。",
            &[],
            &[
                "right/labour/occupational-safety-health",
                "right/economic-social-cultural/health",
            ],
        ),
        // Religion as a ground of discrimination is no freedom of religion.
        (
            "本公司不因種族、宗教、性別而有差別待遇。",
            &["right/non-discrimination"],
            &["right/civil-political/religion"],
        ),
        (
            "尊重員工的宗教信仰自由。",
            &["right/civil-political/religion"],
            &[],
        ),
        // Climate change, anti-corruption, training and plans in Taiwan's words.
        (
            "本公司依循TCFD架構鑑別氣候變遷風險。",
            &["sdg/13", "theme/environment"],
            &[],
        ),
        (
            "本公司訂定誠信經營守則，並設置檢舉管道。",
            &["theme/anti-corruption", "hrdd/grievance-mechanism"],
            &[],
        ),
        ("供應商應提出整改計畫。", &["hrdd/remedy"], &[]),
        // Bodily safety of staff is no deprivation of liberty; detention is.
        (
            "確保員工人身安全。",
            &[],
            &["right/civil-political/liberty"],
        ),
        (
            "不得非法拘禁，危害他人人身安全。",
            &["right/civil-political/liberty"],
            &[],
        ),
        // The Education Supervision of a people's congress committee is no board's oversight.
        (
            "市人民政府應當向本級人民代表大會常務委員會報告教育督導工作中發現的重大問題。",
            &[],
            &["hrdd/embedding"],
        ),
    ]);
}

/// The technology sector's wording: demands for data and shutdowns, encryption and spyware,
/// trust-and-safety harms, appeals, moderators' wellbeing; and words of the sector that carry no
/// right: 网络安全 (cybersecurity in PRC usage), "AI" as a tool, ESG committee names.
#[test]
fn technology_sector_wording() {
    expect_tags(&[
        (
            "In 2023 we received 1,200 legal requests for customer data from law enforcement agencies.",
            &["theme/government-requests", "group/users"],
            &[],
        ),
        (
            "Network shutdowns ordered by the authorities cut off access to information for millions.",
            &["theme/government-requests", "right/civil-political/expression"],
            &[],
        ),
        (
            "End-to-end encryption protects journalists from spyware.",
            &["right/civil-political/privacy", "right/civil-political/expression"],
            &[],
        ),
        (
            "Our policy strictly prohibits hate speech, online grooming and child sexual abuse material.",
            &["theme/online-safety", "stance/commitment"],
            &[],
        ),
        (
            "Users whose posts are removed can appeal the decision, and restored content is reinstated within 24 hours.",
            &["group/users", "hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Content moderators have access to counselling and wellness breaks.",
            &["group/workers", "right/labour/occupational-safety-health"],
            &[],
        ),
        (
            "平台上线了青少年模式，并依法清理网络谣言和不良信息。",
            &["theme/online-safety", "group/children", "stance/action"],
            &[],
        ),
        ("（一）维护网络安全，遵守网络秩序；", &[], &["theme/online-safety"]),
        (
            "公司运用AI技术识别虚假账号。",
            &[],
            &["theme/responsible-ai"],
        ),
        (
            "The Environmental, Social and Governance Committee meets quarterly.",
            &[],
            &["theme/environment"],
        ),
        (
            "我们对客户满意度进行调查。",
            &[],
            &["hrdd/tracking"],
        ),
        // The sector's words in their everyday senses.
        ("We reimburse employees for tuition fees.", &[], &["hrdd/remedy"]),
        (
            "We have lodged an appeal against the decision of the tax authority.",
            &[],
            &["hrdd/grievance-mechanism"],
        ),
        ("Revenue fell 3% reflecting a decline in sales volumes.", &[], &["hrdd/action"]),
        (
            "Sales in our Grooming segment rose, and we invest in grooming future leaders.",
            &[],
            &["theme/online-safety", "sdg/16"],
        ),
        ("The EBITDA margin improved to the mid-teens.", &[], &["group/children"]),
        (
            "Workers have unfettered access to drinking water; a network disruption caused by a storm was fixed.",
            &[],
            &["theme/government-requests"],
        ),
        (
            "The Chief Financial Officer oversees treasury, tax and investor relations.",
            &[],
            &["hrdd/embedding"],
        ),
        ("员工可以随时调取系统中的历史数据。", &[], &["theme/government-requests"]),
        ("作为不良信息记入加害人信用档案。", &[], &["theme/online-safety"]),
        ("审核人员应当在审核报告上签字。", &[], &["group/workers"]),
    ]);
}

/// A time anchor whose every following clause denies its verb reports that nothing happened, not a
/// deed; one clause that does not deny is a deed.
#[test]
fn a_year_of_nothing_happening_is_no_deed() {
    let action = "stance/action";
    expect_tags(&[
        ("2023年，公司未发生重大数据泄露事件。", &[], &[action]),
        (
            "报告期内，公司未收到任何侵犯用户隐私的投诉。",
            &[],
            &[action],
        ),
        ("In 2023 we did not receive any complaints.", &[], &[action]),
        (
            "During 2022/23 there are no reported concerns via our whistleblowing channel.",
            &[],
            &[action],
        ),
        (
            "2023年，公司开展培训100次，未发生安全事故。",
            &[action],
            &[],
        ),
        (
            "In 2023, we conducted 40 audits and no issues were found.",
            &[action],
            &[],
        ),
        (
            "In 2023 no child labour was found, and we continued to audit suppliers.",
            &[action],
            &[],
        ),
    ]);
}

#[test]
fn a_word_of_a_compound_counts_in_the_compound_sense() {
    expect_tags(&[
        // 活动 of 商业活动 is no cue for 宗教 in a list of discrimination grounds.
        (
            "我们承诺在不歧视的基础上进行商业活动，如种族、肤色、族裔、性别、语言、宗教、政治或其他见解。",
            &["right/non-discrimination"],
            &["right/civil-political/religion"],
        ),
        ("当地政府保障宗教活动场所的正常运行。", &["right/civil-political/religion"], &[]),
        // A company's own environmental targets are not the UN goals.
        (
            "我们在实现 2030 年环境可持续发展目标方面取得的进展。",
            &[],
            &["instrument/SDG"],
        ),
        ("我们支持联合国可持续发展目标。", &["instrument/SDG"], &[]),
    ]);
}

#[test]
fn a_chinese_object_marker_is_no_promise() {
    expect_tags(&[
        // 将 marks the object of a verb of disposal: what the company makes part of what.
        (
            "我们将生物多样性保护纳入公司战略。",
            &[],
            &["stance/commitment"],
        ),
        (
            "公司将ESG理念融入经营管理全过程。",
            &[],
            &["stance/commitment"],
        ),
        // The future: a verb, an adverb or a preposition after 将.
        ("我们将建立申诉机制。", &["stance/commitment"], &[]),
        (
            "我们将继续将人权纳入供应商管理。",
            &["stance/commitment"],
            &[],
        ),
        (
            "未来我们将以更高的站位积极担当主动作为。",
            &["stance/commitment"],
            &[],
        ),
        // A noun that is a verb too (评估结果) starts an object as well.
        ("我们将评估结果纳入采购决策。", &[], &["stance/commitment"]),
    ]);
}

#[test]
fn practice_in_the_present_is_a_deed_unless_planned_required_or_conditional() {
    let deed = "stance/action";
    expect_tags(&[
        ("We publish monthly groundwater levels.", &[deed], &[]),
        (
            "We pay a living wage premium to tea estate workers.",
            &[deed],
            &[],
        ),
        ("We will publish our report next year.", &[], &[deed]),
        ("We do not publish supplier names.", &[], &[deed]),
        (
            "Where we have caused harm, we provide remedy.",
            &[],
            &[deed],
        ),
        (
            "Where cases were found, we reimbursed the fees.",
            &[deed],
            &[],
        ),
        (
            "We undertake to look deeper into our supply chain.",
            &[],
            &[deed],
        ),
        ("公司为季节工提供免费宿舍和工伤保险。", &[deed], &[]),
        ("本公司聘用身心障碍者48人。", &[deed], &[]),
        ("2023年，公司开展了供应商审核。", &[deed], &[]),
        // A duty, a pledge, a prohibition or a plan is no deed.
        ("公司应当为员工提供劳动保护。", &[], &[deed]),
        ("我们承诺为员工提供培训。", &[], &[deed]),
        ("我们将为员工提供培训。", &[], &[deed]),
        ("本公司禁止强迫劳动、人口贩运及雇用童工。", &[], &[deed]),
        (
            "我们将持续透过问卷鉴别风险，并协助供应商提升能力。",
            &[],
            &[deed],
        ),
        // The company must be the doer: not a kind of company in a statute, nor an object.
        ("证券公司提供虚假信息的，依法处罚。", &[], &[deed]),
        ("设立饭店管理公司，须经批准。", &[], &[deed]),
        (
            "其他公司、企业的工作人员实施前款行为的，依照前款处罚。",
            &[],
            &[deed],
        ),
    ]);
}

#[test]
fn remediation_answered_none_is_no_remedy() {
    let remedy = "hrdd/remedy";
    expect_tags(&[
        (
            "Remediation During the Reporting Period, MEG did not have to take any measures to remediate any forced labour.",
            &[],
            &[remedy],
        ),
        (
            "Has the entity taken any measures to remediate any forced labour in its supply chains? Not applicable, we have not identified any.",
            &[],
            &[remedy],
        ),
        (
            "The company has not undertaken any measures to: (i) remediate forced labour or child labour.",
            &[],
            &[remedy],
        ),
        (
            "Has the entity taken any measures to remediate forced labour? Yes, we reimbursed recruitment fees to 40 workers.",
            &[remedy],
            &[],
        ),
        ("We provide remediation to affected workers.", &[remedy], &[]),
        // Pay, not redress.
        (
            "Oversight is provided by the Talent Oversight and Compensation Committee.",
            &[],
            &[remedy],
        ),
        (
            "Payroll & Compensation Audits verify that employee pay meets the standards.",
            &[],
            &[remedy],
        ),
    ]);
}

#[test]
fn statute_rules_and_objects_are_no_deeds() {
    let deed = "stance/action";
    expect_tags(&[
        ("公司提供担保，应当经股东会决议。", &[], &[deed]),
        ("公司为他人提供担保的，依照公司章程的规定。", &[], &[deed]),
        ("设立保险公司，须经批准。", &[], &[deed]),
        ("本年度共开展审核30次。", &[deed], &[]),
    ]);
}

/// Its speed is measured, not tested: `hria tag --stdin` on a 1 MB line of these took 41 s when
/// every 提供 looked at every 公司 of the sentence, 0.5 s since it looks near.
#[test]
fn a_long_line_of_companies_inside_words_is_no_deed() {
    let text = "x公司提供".repeat(20_000);
    let tags = tagger().tag_text(&text, None);
    assert!(!tags.iter().any(|t| t.tag == "stance/action"));
}

#[test]
fn a_practice_in_a_relative_clause_names_a_thing_and_reports_no_deed() {
    let deed = "stance/action";
    expect_tags(&[
        // What the company does names the services, suppliers or steps; it reports nothing done.
        (
            "These are separate from the services we provide directly to our clients.",
            &[],
            &[deed],
        ),
        (
            "Highwood expects all suppliers that we work with to adhere to the principles.",
            &[],
            &[deed],
        ),
        (
            "Our values guide how we engage with each other.",
            &[],
            &[deed],
        ),
        (
            "Suppliers are subject to approval before we work with them.",
            &[],
            &[deed],
        ),
        (
            "This report sets out the steps we undertake to prevent modern slavery.",
            &[],
            &[deed],
        ),
        // A fronted adverbial, a joining word or a heading run into its text leaves the deed.
        (
            "In certain circumstances we require suppliers to undergo enhanced checks.",
            &[deed],
            &[],
        ),
        (
            "Through the programme we provide subcontractors with training.",
            &[deed],
            &[],
        ),
        ("Each year we publish our supplier list.", &[deed], &[]),
        // "That" after what is said or ensured, and a long adverbial opening the clause.
        (
            "We make sure that we provide training to all procurement staff.",
            &[deed],
            &[],
        ),
        (
            "As part of our onboarding process for new suppliers in high risk categories we conduct site audits.",
            &[deed],
            &[],
        ),
        (
            "We comply with all laws, and we require our suppliers to do the same.",
            &[deed],
            &[],
        ),
        (
            "While we require our suppliers to pay a living wage, some do not.",
            &[deed],
            &[],
        ),
        (
            "Training for staff We conduct training for our purchasing team.",
            &[deed],
            &[],
        ),
        // A deed in the past stays one in a relative clause: the audits were carried out.
        (
            "The audits we conducted found two cases of retained passports.",
            &[deed],
            &[],
        ),
    ]);
}

#[test]
fn a_channel_no_complaint_came_through_is_still_a_channel() {
    let channel = "hrdd/grievance-mechanism";
    expect_tags(&[
        (
            "During the year we did not receive any Speak Up complaints relating to modern slavery.",
            &[channel],
            &[],
        ),
        (
            "No reports were logged through the whistleblowing hotline.",
            &[channel],
            &[],
        ),
        ("报告期内未收到举报热线来电。", &[channel], &[]),
        ("报告期内，公司未收到申诉通道的投诉。", &[channel], &[]),
        // The channel itself denied is none, nor a complaint not received where no channel is
        // named.
        ("报告期内，公司未收到相关投诉，公司尚未建立申诉机制。", &[], &[channel]),
        (
            "We did not receive any complaints as no grievance mechanism exists.",
            &[],
            &[channel],
        ),
        (
            "We do not have a grievance mechanism for workers.",
            &[],
            &[channel],
        ),
        (
            "We have not yet established a whistleblowing hotline.",
            &[],
            &[channel],
        ),
    ]);
}

#[test]
fn a_step_named_as_what_a_standard_or_checklist_contains_is_not_the_companys() {
    let channel = "hrdd/grievance-mechanism";
    let remedy = "hrdd/remedy";
    expect_tags(&[
        (
            "The standard contains requirements on child labour, voluntary labour, as well as a right to collective bargaining and grievance processes.",
            &[],
            &[channel],
        ),
        (
            "Supplier audits screen for modern slavery, including indicators such as overtime, grievance mechanisms and freedom of association.",
            &[],
            &[channel],
        ),
        (
            "The service agreement templates include robust audit and investigation provisions.",
            &[],
            &[remedy],
        ),
        ("审核内容包括童工、强迫劳动和申诉机制。", &[], &[channel]),
        // The company's own step in a clause of its own, or a cost it covers, stays.
        (
            "Our code contains our values, and we provide a grievance hotline to all workers.",
            &[channel],
            &[],
        ),
        (
            "We cover the costs of remediation for affected workers.",
            &[remedy],
            &[],
        ),
        // "Contain" and "cover" of a document only, and not a coverage figure.
        (
            "We took immediate steps to contain the incident and provided remedy to the affected workers.",
            &[remedy],
            &[],
        ),
        (
            "We conducted audits covering 85% of our spend.",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "Our Code contains a whistleblowing procedure that all employees can use.",
            &[channel],
            &[],
        ),
        (
            "The audit checklist covers wages, working hours and grievance mechanisms.",
            &[],
            &[channel],
        ),
        (
            "The audit of our suppliers covers child labour, forced labour and remediation.",
            &[],
            &[remedy],
        ),
        (
            "The audit checklist covers 12 areas, including access to grievance mechanisms.",
            &[],
            &[channel],
        ),
    ]);
}

#[test]
fn a_step_expected_of_suppliers_is_a_commitment_not_the_companys_step() {
    assert_eq!(
        planned(
            "We expect suppliers to provide remedy to affected workers.",
            "hrdd/remedy"
        ),
        Some(true)
    );
    assert_eq!(
        planned(
            "Suppliers must give workers access to a grievance mechanism.",
            "hrdd/grievance-mechanism"
        ),
        Some(true)
    );
    assert_eq!(
        planned("公司要求供应商建立申诉机制。", "hrdd/grievance-mechanism"),
        Some(true)
    );
    // The company's own step after the expectation, or its own people bound, stays a step.
    assert_eq!(
        planned(
            "We require our contractors to comply with our code, and we conduct audits of their sites.",
            "hrdd/action"
        ),
        Some(false)
    );
    assert_eq!(
        planned(
            "All employees and contractors are required to complete refresher training every two years.",
            "hrdd/embedding"
        ),
        Some(false)
    );
    // A comma in Chinese, or the company's own people asked too, ends the expectation.
    assert_eq!(
        planned(
            "公司要求供应商签署承诺书，2023年完成供应商审核50家。",
            "hrdd/tracking"
        ),
        Some(false)
    );
    assert_eq!(
        planned(
            "We encourage employees and suppliers to report any concerns through our whistleblowing hotline.",
            "hrdd/grievance-mechanism"
        ),
        Some(false)
    );
    // A list of duties in Chinese, a step after "and to" or an undergo verb inside another word,
    // and workers of suppliers stay the suppliers'.
    for (text, id) in [
        (
            "我们要求供应商遵守行为准则，建立有效的申诉机制。",
            "hrdd/grievance-mechanism",
        ),
        (
            "We require suppliers to designate a responsible person and to provide remediation to affected workers.",
            "hrdd/remedy",
        ),
        (
            "We require suppliers to sign our Supplier Code and to provide remediation where needed.",
            "hrdd/remedy",
        ),
        (
            "Workers employed by our suppliers must have access to an effective grievance mechanism.",
            "hrdd/grievance-mechanism",
        ),
        (
            "Suppliers must be able to demonstrate an effective grievance mechanism.",
            "hrdd/grievance-mechanism",
        ),
    ] {
        assert_eq!(planned(text, id), Some(true), "{id} in {text}");
    }
    // The expectation is itself the policy commitment.
    assert_eq!(
        planned(
            "HSBC expects suppliers to respect human rights and to comply with all relevant legislation.",
            "hrdd/policy-commitment"
        ),
        Some(false)
    );
}

#[test]
fn identity_documents_held_or_not_held_are_about_forced_labour() {
    let forced = "right/labour/forced-labour";
    expect_tags(&[
        // A control against withholding is about forced labour whatever its negation.
        (
            "We do not hold any original copies of our employees identification documents.",
            &[forced],
            &[],
        ),
        (
            "Employees keep their passports; the originals are not retained by MPI.",
            &[forced],
            &[],
        ),
        (
            "Please bring your identity documents to the registration desk.",
            &[],
            &[forced],
        ),
        (
            "All new employees must provide identification documents to verify their right to work in the UK.",
            &[],
            &[forced],
        ),
    ]);
}

#[test]
fn investigating_for_slavery_is_detection_and_investigating_a_report_is_remedy() {
    let remedy = "hrdd/remedy";
    expect_tags(&[
        (
            "Our analytics highlight unusual activity, which could indicate instances of modern slavery and human trafficking for further investigation.",
            &[],
            &[remedy],
        ),
        (
            "Apple and Samsung have both conducted investigations as to whether tin produced using child labor entered their supply chains.",
            &[],
            &[remedy],
        ),
        (
            "Every allegation of forced labour reported through the hotline is investigated and remediated.",
            &[remedy],
            &[],
        ),
        // A deed joined by "and" after a denied remedy stays one.
        (
            "We did not have to take any measures to remediate forced labour and remediated wage underpayments at two suppliers.",
            &[remedy],
            &[],
        ),
        // The Canadian Act's question heading an answer is no remedy; the answer may be.
        (
            "Measures Taken to Remediate any Forced Labour or Child Labour Tiffany & Co",
            &[],
            &[remedy],
        ),
        (
            "Measures taken to remediate any forced labour or child labour: we repaid recruitment fees to 12 workers.",
            &[remedy],
            &[],
        ),
    ]);
}

#[test]
fn workers_vulnerable_to_exploitation_are_about_forced_labour() {
    let forced = "right/labour/forced-labour";
    expect_tags(&[
        (
            "Magna learned that workers ineligible to be in Canada, and potentially vulnerable to exploitation, were presented for temporary placements.",
            &[forced],
            &[],
        ),
        (
            "The most common forms of exploitation reported were labour exploitation for adults.",
            &[forced],
            &[],
        ),
        (
            "Mineral exploitation licences were granted for the northern block.",
            &[],
            &[forced],
        ),
    ]);
}

#[test]
fn a_practice_said_of_the_company_in_the_third_person_is_its_own() {
    let (deed, pledge, hope) = ("stance/action", "stance/commitment", "stance/aspiration");
    expect_tags(&[
        // The company, one of its bodies or the board as the doer, as "we" would be.
        (
            "The Company assesses risks in its operations and supply chain annually.",
            &[deed],
            &[],
        ),
        (
            "Our procurement team also conducts supplier audits in high-risk countries.",
            &[deed],
            &[],
        ),
        (
            "In 2023, the Group has adopted a risk-based approach to due diligence.",
            &[deed],
            &[],
        ),
        (
            "The Group will establish a grievance mechanism for contractors in 2025.",
            &[pledge],
            &[deed],
        ),
        ("The Company strives to source responsibly.", &[hope], &[]),
        // A relative clause, a long clause before the subject, another doer, a possession or a
        // denial reports nothing done.
        (
            "The services the company provides to clients are listed below.",
            &[],
            &[deed],
        ),
        (
            "The table below lists the steps the Company has taken to prevent modern slavery.",
            &[],
            &[deed],
        ),
        (
            "The Modern Slavery Act requires the company to publish a statement.",
            &[],
            &[deed],
        ),
        (
            "The Company has one wholly owned branch in New Zealand.",
            &[],
            &[deed],
        ),
        (
            "To date, the Company has not identified any forced labour.",
            &[],
            &[deed],
        ),
        (
            "If a supplier breaches the code, the Company reviews the relationship.",
            &[],
            &[deed],
        ),
    ]);
}

#[test]
fn board_approval_supplier_duties_and_other_words_of_statements() {
    expect_tags(&[
        // A statement approved by the board: a deed, and senior oversight of it.
        (
            "This statement was approved by the Board of Directors on 12 June 2023.",
            &["stance/action", "hrdd/embedding"],
            &[],
        ),
        (
            "The financial statements were approved by the board in March.",
            &["stance/action"],
            &["hrdd/embedding"],
        ),
        (
            "本报告经董事会审议通过。",
            &["hrdd/embedding"],
            &[],
        ),
        // What suppliers shall or must do is a supplier requirement, as "suppliers must" was.
        (
            "Suppliers shall not use forced, bonded or indentured labour.",
            &["hrdd/action", "right/labour/forced-labour"],
            &[],
        ),
        ("供应商不得使用任何形式的强迫劳动。", &["hrdd/action"], &[]),
        // Information security training is no occupational safety.
        (
            "公司定期组织信息安全培训和网络安全培训。",
            &[],
            &["right/labour/occupational-safety-health"],
        ),
        (
            "公司为一线员工开展安全培训和应急演练。",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
        // Moving systems, holding shares and a pension fund's name are no migrants, vote or
        // schooling; good governance of a company is no democracy.
        (
            "During the year the company began the migration to a new platform for payroll.",
            &[],
            &["group/migrants"],
        ),
        (
            "The fund holds a controlling voting interest in the company.",
            &[],
            &["right/civil-political/participation"],
        ),
        (
            "Ontario Teachers Pension Plan is our third investor.",
            &[],
            &["sdg/4"],
        ),
        (
            "We maintain good governance standards across the group.",
            &[],
            &["theme/democracy-rule-of-law"],
        ),
        (
            "Strengthen good governance and the rule of law in public institutions.",
            &["theme/democracy-rule-of-law"],
            &[],
        ),
        // Other words for pay, migrant status, a regional treaty and a pledge.
        (
            "We ensure that all employees are paid at the correct rate of pay.",
            &["right/labour/working-conditions"],
            &[],
        ),
        (
            "Some employees have only a temporary right to remain in Australia.",
            &["group/migrants"],
            &[],
        ),
        (
            "Suppliers must respect human rights as established by the European Convention on Human Rights.",
            &["instrument/OTHER"],
            &[],
        ),
        (
            "We are a signatory to the UN Global Compact.",
            &["stance/commitment"],
            &[],
        ),
        (
            "We review hiring, promotion, attrition and compensation across our workforce.",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "We do not discriminate on the basis of gender or age.",
            &["group/women"],
            &[],
        ),
    ]);
}

#[test]
fn practices_after_an_adverb_or_in_the_passive_with_a_frequency_are_deeds() {
    let (deed, pledge) = ("stance/action", "stance/commitment");
    expect_tags(&[
        // "We" and an adverb before the verb, as "we" alone.
        (
            "We also require our suppliers to complete a self-assessment questionnaire.",
            &[pledge, "hrdd/action"],
            &[],
        ),
        (
            "We carefully review every request to ensure it is legally valid.",
            &[deed],
            &[],
        ),
        (
            "The tools we also provide to clients are listed below.",
            &[],
            &[deed],
        ),
        // A passive with how often it is done is a practice; one that should or will be done
        // is not.
        (
            "Our Human Rights Policy is reviewed every two years by the Sustainability Committee.",
            &[deed],
            &[],
        ),
        (
            "High-risk suppliers are re-assessed on an annual basis.",
            &[deed],
            &[],
        ),
        ("Policies should be reviewed regularly.", &[], &[deed]),
        ("The policy will be updated annually.", &[], &[deed]),
        // Results against the year before, and what an assessment found.
        (
            "The assessment found that most of our suppliers fall into low risk categories.",
            &[deed],
            &[],
        ),
        ("公司百万工时损工事故率同比下降18%。", &[deed], &[]),
        ("本公司已限制其中12件内容于当地显示。", &[deed], &[]),
        // What suppliers must do, and what the company will do at a date, are pledges.
        (
            "Suppliers must certify that no forced labour was used.",
            &[pledge],
            &[],
        ),
        ("供应商不得使用童工。", &[pledge], &[]),
        ("本行将于2025年完成全部供应商的现场审核。", &[pledge], &[]),
        // An employer keeping workers' identity cards is forced labour; the police seizing one
        // by law is not.
        (
            "用人单位不得扣押劳动者的居民身份证。",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "公安机关依法扣押居民身份证。",
            &[],
            &["right/labour/forced-labour"],
        ),
    ]);
}

#[test]
fn other_parties_statistics_statutes_and_other_senses_are_no_deeds_or_steps() {
    let (deed, pledge) = ("stance/action", "stance/commitment");
    expect_tags(&[
        // A public body, another party or a time-less opener is not the company.
        (
            "The World Bank provides loans to developing countries.",
            &[],
            &[deed],
        ),
        (
            "Every supplier to the Group conducts its own risk assessment.",
            &[],
            &[deed],
        ),
        (
            "The supplier's management team conducts its own audits.",
            &[],
            &[deed],
        ),
        (
            "Since the Group provides only professional services, the risk is low.",
            &[],
            &[deed],
        ),
        // What the company has is no deed; what it has limited is.
        (
            "The Company has limited visibility over its tier-two suppliers.",
            &[],
            &[deed],
        ),
        (
            "The Company has limited the use of labour hire agencies.",
            &[deed],
            &[],
        ),
        // A frequency needs the passive of the company's practice, and figures need the
        // company's own measures.
        (
            "The Corruption Perceptions Index, published annually by Transparency International, ranks countries.",
            &[],
            &[deed],
        ),
        (
            "The number of people in forced labour worldwide rose from 25 million to 28 million.",
            &[],
            &[deed],
        ),
        ("Our injury rate fell from 2.1 to 1.4.", &[deed], &[]),
        // Board approval of any policy is a deed, but senior oversight only of the company's
        // human-rights documents.
        (
            "The dividend policy was approved by the board in March.",
            &[deed],
            &["hrdd/embedding"],
        ),
        (
            "This statement is to be approved by the board at its next meeting.",
            &[],
            &[deed],
        ),
        // Supplier words inside other words, and a statute's date.
        ("供应商应收账款融资业务稳步增长。", &[], &["hrdd/action", pledge]),
        ("请仔细阅读投标供应商须知。", &[], &["hrdd/action", pledge]),
        ("本条例将于2025年1月1日起施行。", &[], &[pledge]),
        ("个人信息处理目的已实现的，应当删除。", &[], &[deed]),
        // Wages withheld are no travel documents; tax is no pay; a card is no visa.
        (
            "不得扣押、拖欠家政服务人员工资。",
            &[],
            &["right/civil-political/movement"],
        ),
        (
            "We identified an underpayment of GST in the prior year.",
            &[],
            &["right/labour/working-conditions"],
        ),
        (
            "Credit card visa holders can earn rewards points.",
            &[],
            &["group/migrants"],
        ),
        // A state's good governance is the rule of law; other states signing a treaty pledge
        // nothing for the reader; evading an inspection is no recusal.
        ("Further promote good governance.", &["theme/democracy-rule-of-law"], &[]),
        (
            "Continue its efforts, together with other signatories to the Convention.",
            &[],
            &[pledge],
        ),
        (
            "不得拒绝、阻碍或者回避监督检查。",
            &[],
            &["right/civil-political/fair-trial"],
        ),
        ("人民法院开庭审理案件，被告人有权获得辩护。", &["right/civil-political/fair-trial"], &[]),
    ]);
}

#[test]
fn a_list_after_a_planned_lead_in_is_planned_and_the_acts_criteria_are_no_steps() {
    let text = "We intend to take the following further steps: review our supplier contracts and make a decision on remediation action where required.";
    assert_eq!(planned(text, "hrdd/remedy"), Some(true));
    assert!(has(text, "stance/commitment"));
    let done =
        "In 2023 we completed the following: 40 supplier audits and remediation of two cases.";
    assert_eq!(planned(done, "hrdd/remedy"), Some(false));
    // The Australian Act's criterion, which statements copy as a heading, is no tracking.
    assert!(!has(
        "Describe how the reporting entity assesses the effectiveness of these actions",
        "hrdd/tracking"
    ));
    assert!(has(
        "We assess the effectiveness of these actions through quarterly KPI reviews.",
        "hrdd/tracking"
    ));
}

#[test]
fn staff_as_the_audience_of_training_or_a_policy_are_no_rights_holders() {
    expect_tags(&[
        (
            "We provide training for all staff on modern slavery.",
            &[],
            &["group/workers"],
        ),
        // A benefit or a right available to them is theirs.
        (
            "Paid parental leave is available to all staff.",
            &["group/workers"],
            &[],
        ),
        (
            "All new employees are required to complete an online induction course.",
            &[],
            &["group/workers"],
        ),
        (
            "Employees are encouraged to report concerns to their supervisor.",
            &[],
            &["group/workers"],
        ),
        (
            "All employees are paid at least the living wage.",
            &["group/workers"],
            &[],
        ),
    ]);
}

#[test]
fn the_acts_name_a_statutes_duty_and_administrative_recusal_name_no_topic() {
    expect_tags(&[
        // The law a statement is made under, and the statement's title, are no forced labour.
        (
            "This statement is made pursuant to section 54(1) of the Modern Slavery Act 2015.",
            &[],
            &["right/labour/forced-labour", "sdg/8"],
        ),
        (
            "Modern Slavery Statement FY22 Page 8 of 8",
            &[],
            &["right/labour/forced-labour"],
        ),
        (
            "We assess modern slavery risks in our supply chain.",
            &["right/labour/forced-labour"],
            &[],
        ),
        // A duty a statute lays down is no pledge of the reader's.
        (
            "用人单位应当坚持按劳分配原则。",
            &[],
            &["stance/commitment"],
        ),
        ("公司坚持按劳分配原则。", &["stance/commitment"], &[]),
    ]);
}

#[test]
fn a_colon_plans_only_a_list_without_its_own_doer_and_the_act_stays_a_measure() {
    assert_eq!(
        planned(
            "As we will explain below: during the year we carried out 25 supplier audits.",
            "hrdd/action"
        ),
        Some(false)
    );
    assert_eq!(
        planned(
            "We will continue to take the following steps: supplier audits and remediation where needed.",
            "hrdd/remedy"
        ),
        Some(false)
    );
    assert_eq!(
        planned(
            "This statement will set out: our supplier audits and remediation of two cases.",
            "hrdd/remedy"
        ),
        Some(false)
    );
    // Suppliers held to the Act, or a state asked to adopt one, is forced labour still.
    assert!(has(
        "All suppliers must comply with the Modern Slavery Act 2015.",
        "right/labour/forced-labour"
    ));
    // A supplier's pledge under 必须确保 stays one.
    assert!(has("供应商必须确保不使用童工。", "stance/commitment"));
}

#[test]
fn a_company_named_by_its_acronym_is_the_company() {
    let (deed, pledge) = ("stance/action", "stance/commitment");
    expect_tags(&[
        (
            "SUEZ WTS has implemented an onboarding policy for suppliers.",
            &[deed],
            &[],
        ),
        ("In 2024, ENMAX will establish a committee.", &[pledge], &[]),
        ("MEG also intends to provide training.", &[pledge], &[]),
        // Bodies others run, headings in capitals and classification marks are not.
        ("ILO provides guidance on forced labour.", &[], &[deed]),
        ("HOW ASG ASSESSES EFFECTIVENESS OF ACTIONS", &[], &[deed]),
        ("RESTRICTED RESTRICTED financial system", &[], &[deed]),
    ]);
}

#[test]
fn a_company_named_by_its_name_is_the_company() {
    let (deed, pledge, hope) = ("stance/action", "stance/commitment", "stance/aspiration");
    expect_tags(&[
        ("Sanofi will undertake appropriate action.", &[pledge], &[]),
        (
            "Kimberly-Clark assesses new suppliers for human rights risks.",
            &[deed, "hrdd/impact-assessment"],
            &[],
        ),
        (
            "Nomad Foods Group has adopted a human rights policy.",
            &[deed],
            &[],
        ),
        (
            "Red Hat strives to operate to the highest standards.",
            &[hope],
            &[],
        ),
        // Plurals, adjectives before a plural noun, pronouns, other parties and countries are not.
        ("Suppliers will be asked to sign the code.", &[], &[pledge]),
        (
            "Regular audits of temporary workers take place.",
            &[],
            &[deed],
        ),
        ("Preventative measures taken by the business.", &[], &[deed]),
        ("This will be reviewed next year.", &[], &[pledge]),
        ("Amnesty International has reported abuses.", &[], &[deed]),
        (
            "Walk Free estimates that 50 million people are enslaved.",
            &[],
            &[deed],
        ),
        (
            "Australia will require large companies to report.",
            &[],
            &[pledge],
        ),
        (
            "Originally established in 1950, the firm makes doors.",
            &[],
            &[deed],
        ),
        (
            "Once launched, the code will apply to all sites.",
            &[],
            &[deed],
        ),
        (
            "Research has shown that migrant workers pay fees.",
            &[],
            &[deed],
        ),
        (
            "Legislation will require companies to report.",
            &[],
            &[pledge],
        ),
        ("Random audits will be introduced in 2025.", &[], &[deed]),
        ("Oxfam has reported abuses on plantations.", &[], &[deed]),
        (
            "Uzbekistan has ended forced labour in cotton.",
            &[],
            &[deed],
        ),
        (
            "Stephen Johnston signed Director May 31, 2024",
            &[],
            &[deed],
        ),
        (
            "Tesco requires us to complete a questionnaire.",
            &[],
            &[pledge],
        ),
    ]);
}

#[test]
fn risks_assessed_in_other_words_are_impact_assessment() {
    let ia = "hrdd/impact-assessment";
    expect_tags(&[
        (
            "The Group conducted an internal assessment of risks in its supply chains.",
            &[ia],
            &[],
        ),
        (
            "In 2022, we performed a human rights risk analysis.",
            &[ia],
            &[],
        ),
        (
            "New suppliers are evaluated for risk of modern slavery before onboarding.",
            &[ia],
            &[],
        ),
        // Other risks are not human rights'.
        (
            "Products are assessed for risk of contamination.",
            &[],
            &[ia],
        ),
        (
            "Credit risk analysis of suppliers is performed by treasury.",
            &[],
            &[ia],
        ),
        // The Act's heading names due diligence, not an assessment the company made.
        (
            "Due diligence processes for slavery and human trafficking",
            &[],
            &[ia],
        ),
        ("A risk analysis of the share price.", &[], &[ia]),
    ]);
}

#[test]
fn an_instrument_for_one_group_or_right_names_it_in_any_form() {
    expect_tags(&[
        (
            "Sign the Optional Protocol to CEDAW and the Optional Protocols to CRC",
            &["group/women", "group/children"],
            &["right/labour/child-labour"],
        ),
        (
            "Ratify the CRPD and the ICMW.",
            &["group/persons-with-disabilities", "group/migrants"],
            &[],
        ),
        ("Accede to OPCAT.", &["right/civil-political/torture"], &[]),
        // Racial discrimination is not a minority's alone, and a catalogue of rights is about
        // none of them more than the others.
        ("Ratify ICERD.", &[], &["group/minorities"]),
        // A wider instrument named by a keyword of the protocol's: not the protocol's subject.
        (
            "Ratify the UN Convention against Transnational Organized Crime.",
            &[],
            &["right/labour/forced-labour"],
        ),
        (
            "We respect the International Covenant on Economic, Social and Cultural Rights.",
            &[],
            &["right/economic-social-cultural/culture-science"],
        ),
    ]);
    // The group so named covers no other instrument: the Women's Empowerment Principles stay
    // unmentioned.
    let t = tags("Ratify CEDAW.");
    assert!(!t.iter().any(|t| t.tag == "instrument/WEP"), "{t:?}");
    let women = t.iter().find(|t| t.tag == "group/women").unwrap();
    assert_eq!(women.evidence[0].rule, "names:instrument/CEDAW");
}

#[test]
fn recommendations_name_groups_and_rights_in_their_own_words() {
    let children = "group/children";
    expect_tags(&[
        (
            "Raise the minimum age of criminal responsibility to 14.",
            &[children],
            &["right/labour/child-labour"],
        ),
        (
            "Improve the registration of births in rural areas.",
            &[children],
            &[],
        ),
        (
            "Ensure access by Roma to education, housing and health care.",
            &[
                "right/economic-social-cultural/education",
                "group/minorities",
            ],
            &[],
        ),
        (
            "Enact legislation prohibiting FGM.",
            &["right/civil-political/torture"],
            &[],
        ),
        (
            "End the discrimination against persons of African descent.",
            &["group/minorities"],
            &[],
        ),
        (
            "Continue demining programmes.",
            &["theme/armed-conflict"],
            &[],
        ),
        (
            "Eliminate imprisonment for press offences.",
            &["right/civil-political/expression"],
            &[],
        ),
        // An industry a company sells to names no right.
        (
            "Our branches serve the construction, education and financial services sectors.",
            &[],
            &["right/economic-social-cultural/education"],
        ),
    ]);
}

#[test]
fn names_that_look_like_common_words_and_words_in_other_senses() {
    let (deed, pledge) = ("stance/action", "stance/commitment");
    expect_tags(&[
        // Names of companies that hold a place, a nationality or a common noun.
        ("Texas Instruments audits its suppliers.", &[deed], &[]),
        (
            "British American Tobacco assesses its suppliers.",
            &[deed],
            &[],
        ),
        (
            "Equity Trustees has adopted a human rights policy.",
            &[deed],
            &[],
        ),
        ("Accenture assesses its suppliers.", &[deed], &[]),
        (
            "Walmart requires US suppliers to complete a questionnaire.",
            &[pledge],
            &[],
        ),
        (
            "Telstra signed 12 new suppliers to the Supplier Code.",
            &[deed],
            &[],
        ),
        // Words of the rules in their other senses.
        (
            "Our Afro hair care range was relaunched.",
            &[],
            &["group/minorities"],
        ),
        (
            "Workers must provide a birth certificate or passport to prove their right to work.",
            &[],
            &["group/children"],
        ),
        (
            "We delivered health and safety education to site workers.",
            &[],
            &["right/economic-social-cultural/education"],
        ),
        (
            "Respect freedom of thought, conscience and religion.",
            &["right/civil-political/religion"],
            &["right/civil-political/expression"],
        ),
        (
            "We prohibit discrimination on the basis of race, sex or political opinion.",
            &[],
            &["right/civil-political/expression"],
        ),
        (
            "Ratify the Palermo Protocol.",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "Accede to the Second Optional Protocol to the ICCPR.",
            &["right/civil-political/life/death-penalty"],
            &[],
        ),
    ]);
}

#[test]
fn chinese_statutes_name_what_they_regulate() {
    expect_tags(&[
        ("湿地保护应当坚持保护优先。", &["theme/environment"], &[]),
        (
            "禁止引进外来入侵物种。",
            &["theme/environment", "sdg/15"],
            &[],
        ),
        (
            "保护历史文化名城的传统格局。",
            &["right/economic-social-cultural/culture-science"],
            &[],
        ),
        (
            "女职工享受哺乳假。",
            &["right/labour/working-conditions"],
            &[],
        ),
        (
            "精神障碍患者的合法权益受法律保护。",
            &["group/persons-with-disabilities"],
            &[],
        ),
        ("经营者应当承担惩罚性赔偿责任。", &["hrdd/remedy"], &[]),
        // Every penalty clause names the supervisory organs: no anti-corruption there.
        (
            "由其所在单位或者上级主管机关、监察机关依法给予处分。",
            &[],
            &["theme/anti-corruption"],
        ),
    ]);
}

#[test]
fn a_practice_in_the_present_or_the_passive_is_action() {
    expect_tags(&[
        (
            "We take steps to ensure that there is no modern slavery in our supply chains.",
            &["stance/action"],
            &[],
        ),
        (
            "We keep track of, and analyze, our due diligence data.",
            &["stance/action"],
            &[],
        ),
        (
            "All staff are provided with modern slavery training.",
            &["stance/action"],
            &[],
        ),
        (
            "The supplier code video is used to communicate our expectations to suppliers.",
            &["stance/action"],
            &[],
        ),
        (
            "The Company encourages employees to report any breach of the Code.",
            &["stance/action"],
            &[],
        ),
        // A plan, a definition or a business description reports nothing done.
        ("Employees will receive training next year.", &[], &["stance/action"]),
        (
            "Modern slavery describes situations where coercion or deception are used to exploit victims.",
            &[],
            &["stance/action"],
        ),
        (
            "The business offers cleaning and facilities services.",
            &[],
            &["stance/action"],
        ),
    ]);
}

#[test]
fn employees_as_the_audience_of_training_are_no_rights_holders() {
    expect_tags(&[
        (
            "Our employees receive regular training on our policies.",
            &["stance/action"],
            &["group/workers"],
        ),
        (
            "All new employees are assigned a mandatory onboarding training package.",
            &[],
            &["group/workers"],
        ),
        // Their pay and conditions make them the rights-holders.
        (
            "Employees are paid the living wage.",
            &["group/workers"],
            &[],
        ),
    ]);
}

#[test]
fn chinese_statutes_on_legislatures_courts_and_benefits() {
    expect_tags(&[
        (
            "提出议案的代表可以列席人民代表大会专门委员会审议议案的会议，发表意见。",
            &[
                "right/civil-political/participation",
                "theme/democracy-rule-of-law",
                "sdg/16",
            ],
            &[],
        ),
        (
            "审计机关依法对海关的财政收支进行审计监督。",
            &["theme/democracy-rule-of-law", "sdg/16"],
            &[],
        ),
        (
            "当事人及其诉讼代理人对证人的询问与待证事实无关的，审判人员应当及时制止。",
            &["right/civil-political/fair-trial", "sdg/16"],
            &[],
        ),
        (
            "发生纠纷的，当事人可以请求村民委员会调解。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        // A guarantor and a notary are no witnesses.
        (
            "重新交纳保证金、提出保证人。",
            &[],
            &["right/civil-political/fair-trial"],
        ),
        (
            "用人单位应当保障女职工生育津贴的落实。",
            &["right/economic-social-cultural/social-security"],
            &[],
        ),
        (
            "林地由县级人民政府登记造册，发放林权证书。",
            &["right/economic-social-cultural/land", "sdg/15"],
            &[],
        ),
        (
            "卫生检疫机关必须实施除鼠。",
            &["right/economic-social-cultural/health", "sdg/3"],
            &[],
        ),
        (
            "公民变更民族成份，由民族事务部门办理。",
            &["group/minorities"],
            &[],
        ),
        (
            "严禁砍伐或者擅自移植古树名木。",
            &["theme/environment", "sdg/15"],
            &[],
        ),
        (
            "法制机构可以将送审稿向社会公布，征求意见。",
            &["right/civil-political/participation"],
            &[],
        ),
    ]);
}

#[test]
fn hyphenated_pledges_legal_bases_and_tracking_in_pairs() {
    expect_tags(&[
        (
            "We have a zero-tolerance approach to modern slavery.",
            &["hrdd/policy-commitment", "stance/commitment"],
            &[],
        ),
        (
            "This statement is made pursuant to section 54(1) of the Modern Slavery Act 2015.",
            &["hrdd/communication"],
            &["right/labour/forced-labour"],
        ),
        (
            "ARN reviews and tracks contract procurement processes.",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "We have engaged EcoVadis to assess and monitor key suppliers.",
            &["hrdd/tracking"],
            &[],
        ),
    ]);
}

#[test]
fn a_statute_s_duty_is_no_pledge() {
    expect_tags(&[
        (
            "第五十三条 海上试油时，应当确保油气充分燃烧。",
            &[],
            &["stance/commitment"],
        ),
        (
            "县级以上人民政府应当保证公共卫生经费的投入。",
            &[],
            &["stance/commitment"],
        ),
        (
            "第四十条 禁止取消现状道路，禁止改变道路线型。",
            &[],
            &["stance/commitment"],
        ),
        // Nor is the state's own policy a company's; a company's code written in articles is.
        (
            "第三条 国家坚持男女平等的基本国策。",
            &["group/women"],
            &["stance/commitment"],
        ),
        ("第五条 公司禁止使用童工。", &["stance/commitment"], &[]),
        // A law regulating companies still speaks as a law where it names a court or itself.
        (
            "第四条 股东提起解散公司诉讼，原告坚持不予变更的，人民法院应当驳回原告对其他股东的起诉。",
            &["right/civil-political/fair-trial"],
            &["stance/commitment"],
        ),
    ]);
}

#[test]
fn a_statute_s_duty_is_no_company_s_step() {
    // A duty the law lays on anyone is no company's assessment, action, report or deed; a
    // mechanism the law sets up (a complaints channel, compensation) still counts.
    expect_tags(&[
        (
            "第六十条 土壤污染责任人应当按照规定进行土壤污染风险评估，并将风险评估报告报生态环境主管部门。",
            &["theme/environment"],
            &["hrdd/impact-assessment", "stance/action"],
        ),
        (
            "第一百零八条 保险公司应当依照本法规定，建立对关联交易的管理和信息披露制度。",
            &[],
            &["hrdd/communication"],
        ),
        (
            "第二十九条 环境影响跟踪评价报告应当明确对规划已实施部分造成的生态环境问题提出的解决方案。",
            &[],
            &["stance/action", "hrdd/impact-assessment"],
        ),
        (
            "第十二条 用人单位应当设立投诉举报电话，及时处理职工投诉。",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        // A company's own rules, even in articles, are its steps: naming the company, its staff
        // or departments, or the state's organs it answers to.
        (
            "第八条 本公司每年开展人权风险评估。",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "第八条 公司根据国务院国资委的要求，每年开展人权风险评估。",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "第十二条 人力资源部负责组织员工人权培训，每年至少一次。",
            &["hrdd/embedding"],
            &[],
        ),
    ]);
}

#[test]
fn institutions_words_in_a_company_s_report_are_its_governance() {
    expect_tags(&[
        (
            "单独或合计持有公司3%以上股份的股东可以提出议案。",
            &[],
            &[
                "right/civil-political/participation",
                "theme/democracy-rule-of-law",
            ],
        ),
        (
            "公司持续完善内部审计监督机制。",
            &[],
            &["theme/democracy-rule-of-law", "sdg/16"],
        ),
        (
            "报告期内，公司涉及行政诉讼3起，均已结案。",
            &[],
            &[
                "right/civil-political/fair-trial",
                "theme/democracy-rule-of-law",
            ],
        ),
        (
            "实行第一审批人负责制。",
            &[],
            &["right/civil-political/fair-trial"],
        ),
        (
            "公司设立举报人和证人保护制度。",
            &[],
            &["right/civil-political/fair-trial"],
        ),
        (
            "我行创新推出土地承包经营权抵押贷款、林权抵押贷款产品。",
            &[],
            &["right/economic-social-cultural/land", "sdg/15"],
        ),
    ]);
}

#[test]
fn a_requirement_a_definition_or_a_risk_is_no_practice_reported() {
    expect_tags(&[
        (
            "Suppliers must ensure that workers are provided with written contracts.",
            &[],
            &["stance/action"],
        ),
        (
            "Debt bondage is used to keep workers in servitude.",
            &[],
            &["stance/action"],
        ),
        (
            "Migrant workers are given false promises by recruiters.",
            &[],
            &["stance/action"],
        ),
        (
            "Employees receive no training on modern slavery.",
            &[],
            &["stance/action"],
        ),
        (
            "Loans are provided to small businesses.",
            &[],
            &["stance/action"],
        ),
        (
            "All of our suppliers are asked to confirm their adherence to the following standards.",
            &["stance/action"],
            &[],
        ),
        (
            "Employees can report concerns to their managers or human resources.",
            &["stance/action"],
            &[],
        ),
        // A bare passive is as often a rule, a condition or a finding.
        (
            "Where a supplier is assessed as high risk, an audit may follow.",
            &[],
            &["stance/action"],
        ),
        (
            "Payment terms are included in contracts.",
            &[],
            &["stance/action"],
        ),
        // What employees receive as rights-holders keeps them one.
        (
            "New employees receive a written contract in a language they understand.",
            &["group/workers", "stance/action"],
            &[],
        ),
    ]);
}

#[test]
fn who_speaks_a_chinese_pledge() {
    expect_tags(&[
        // The company beside the state's organs, without a duty of its own.
        (
            "华为坚持尊重和保护人权，并配合各级人民政府做好疫情防控。",
            &["stance/commitment"],
            &[],
        ),
        (
            "本银行承诺确保残障客户平等获得金融服务，响应监管机关的要求。",
            &["stance/commitment"],
            &[],
        ),
        (
            "第四条 供应商应确保工人工资不低于当地人民政府规定的最低工资标准。",
            &["stance/commitment"],
            &[],
        ),
        // A statute's item or article, and officials' duties.
        (
            "（三）用人单位应当保证劳动者每周至少休息一日；",
            &[],
            &["stance/commitment"],
        ),
        (
            "第九条 国家工作人员必须保证廉洁奉公。",
            &[],
            &["stance/commitment"],
        ),
        (
            "第十一条 严禁使用童工，严禁强迫劳动。",
            &[],
            &["stance/commitment", "hrdd/policy-commitment"],
        ),
        (
            "第五条 县级以上人民政府应当负责本行政区域内的工作，确保养老金按时发放。",
            &[],
            &["stance/commitment"],
        ),
        // Nor is a statute's aim an aspiration of anyone's.
        (
            "第六条 县级以上人民政府应当努力发展职业康复事业。",
            &[],
            &["stance/aspiration"],
        ),
        // The state's policy is no company's pledge, over the whole sentence too.
        (
            "第三条 国家保障妇女的合法权益，禁止歧视妇女。",
            &["group/women"],
            &["stance/commitment"],
        ),
    ]);
}

#[test]
fn concerns_voiced_prohibitions_contracted_and_violations_not_knowingly_tolerated() {
    expect_tags(&[
        (
            "All employees may voice concerns through local and central reporting mechanisms.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "As part of our contracting processes, we include specific prohibitions against forced labour.",
            &["hrdd/action"],
            &[],
        ),
        (
            "We will not knowingly tolerate violations of basic human rights.",
            &["hrdd/policy-commitment", "stance/commitment"],
            &[],
        ),
    ]);
}

#[test]
fn a_law_named_as_the_legal_basis_is_not_its_subject() {
    expect_tags(&[
        (
            "This Report constitutes the first report prepared by the Corporation pursuant to the Fighting Against Forced Labour and Child Labour in Supply Chains Act (the Act).",
            &["hrdd/communication"],
            &[
                "right/labour/forced-labour",
                "right/labour/child-labour",
                "group/children",
                "theme/responsible-sourcing",
                "sdg/8",
            ],
        ),
        (
            "Slavery and human trafficking statement as required under s54, Part 6, of the UK Modern Slavery Act 2015 for the financial year ended 30 September 2023",
            &["hrdd/communication"],
            &["right/labour/forced-labour", "sdg/8"],
        ),
        ("Our Statement on Slavery and Human Trafficking", &[], &["right/labour/forced-labour"]),
        // Held to the law, or the subject named outside the law's name, it counts.
        (
            "We require all suppliers to comply with the Modern Slavery Act 2015.",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "Business ethics clauses, which refer to the Modern Slavery Act, must be included in our contracts.",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "Under the Modern Slavery Act 2015 we assessed our suppliers for forced labour.",
            &["right/labour/forced-labour"],
            &[],
        ),
        // The law named with its jurisdiction after it.
        (
            "This statement is made under the Modern Slavery Act 2018 (Cth).",
            &["hrdd/communication"],
            &["right/labour/forced-labour"],
        ),
    ]);
}

#[test]
fn risks_assessed_and_checks_carried_out() {
    expect_tags(&[
        (
            "The Company assesses whether particular activities or countries are high risk in relation to modern slavery.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "We conduct risk-based due diligence on all new vendors.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "Our procurement team identifies high-risk suppliers each year.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        // The category named, not assessed.
        (
            "We monitor the performance of our high-risk suppliers.",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "Right to work checks are carried out for all new starters.",
            &["stance/action"],
            &[],
        ),
        (
            "Right to work checks must be carried out for all new starters.",
            &[],
            &["stance/action"],
        ),
    ]);
}

#[test]
fn chinese_law_s_courts_heritage_and_urban_environment() {
    expect_tags(&[
        (
            "第十四条 合议庭一般应当在作出评议结论后的五个工作日内制作出裁判文书。",
            &["right/civil-political/fair-trial", "sdg/16"],
            &[],
        ),
        (
            "人民法院决定受理企业破产案件后，应当及时通知债权人。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        // Review of a document is no retrial.
        (
            "提交的材料经再审核后予以登记。",
            &[],
            &["right/civil-political/fair-trial", "sdg/16"],
        ),
        (
            "基金管理机构根据申请，经审查作出是否回避的决定。",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
        (
            "超过大气污染物排放标准排放大气污染物的，责令改正。",
            &["theme/environment", "sdg/11"],
            &[],
        ),
        (
            "风景名胜区管理机构应当每年报送风景名胜区规划实施情况。",
            &["theme/environment", "sdg/11"],
            &[],
        ),
        (
            "历史建筑的所有权人应当负责历史建筑的维护和修缮。",
            &["right/economic-social-cultural/culture-science", "sdg/11"],
            &[],
        ),
        (
            "民族自治地方的财政预算支出，按照国家规定，设机动资金。",
            &["group/minorities"],
            &[],
        ),
        (
            "国家建立多渠道筹措校车经费的机制，支持使用校车接送学生的服务。",
            &[
                "group/children",
                "right/economic-social-cultural/education",
                "sdg/4",
            ],
            &[],
        ),
    ]);
}

#[test]
fn a_list_of_deeds_opens_with_the_past_tense() {
    expect_tags(&[
        (
            "Conducted a management-led assessment of modern slavery risks in our supply chain",
            &["stance/action"],
            &[],
        ),
        (
            "(b) Trained 120 farmers on children's rights",
            &["stance/action"],
            &[],
        ),
        (
            "Ensured that executives are aware of the Act's obligations",
            &["stance/action"],
            &[],
        ),
        // A signature, a date, a label, a marking, a name or an adjective opens no deed.
        ("Signed: Jane Smith, Director", &[], &["stance/action"]),
        ("Published 28 July 2023", &[], &["stance/action"]),
        (
            "Monitored: suppliers that are not strategic",
            &[],
            &["stance/action"],
        ),
        ("RESTRICTED About the Group", &[], &["stance/action"]),
        (
            "Trained staff are available at every site",
            &[],
            &["stance/action"],
        ),
        (
            "Built subscribed to a screening platform",
            &[],
            &["stance/action"],
        ),
        // Not at the opening: a clause without its doer is no deed.
        (
            "The supplier code, updated annually, applies to all vendors",
            &[],
            &["stance/action"],
        ),
    ]);
}

#[test]
fn violations_reported_awareness_of_staff_and_officials_disciplined() {
    expect_tags(&[
        (
            "We require employees to report potential violations of law or company policy.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "We commit to reviewing and addressing any concerns or complaints that are identified.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        // Staff as the audience of awareness raising are no rights-holders.
        (
            "We will continue our employee awareness programmes on modern slavery.",
            &[],
            &["group/workers"],
        ),
        (
            "（一）砍伐或者擅自迁移名木和一级保护古树的，每株处十万元以上三十万元以下的罚款；",
            &["theme/environment", "sdg/15"],
            &[],
        ),
        (
            "有关国家机关工作人员不履行职责的，对直接负责的主管人员依法给予行政处分。",
            &["theme/democracy-rule-of-law", "sdg/16"],
            &[],
        ),
        // Animals migrate: no freedom of movement.
        (
            "野生动物迁徙洄游期间，严格限制其他妨碍野生动物生息繁衍的活动。",
            &["theme/environment"],
            &["right/civil-political/movement"],
        ),
    ]);
}

#[test]
fn an_undertaking_pledges_and_what_there_has_been_was_not_done() {
    expect_tags(&[
        (
            "In 2014, Arkema undertook to respect the Ten Principles of the UN Global Compact.",
            &["stance/commitment"],
            &["stance/action"],
        ),
        (
            "The Group undertakes due diligence before taking on new suppliers.",
            &["stance/action"],
            &["stance/commitment"],
        ),
        (
            "There have been no reports of modern slavery in our supply chain.",
            &[],
            &["stance/action"],
        ),
        (
            "The trust has been in operation since 2015.",
            &[],
            &["stance/action"],
        ),
    ]);
}

#[test]
fn legal_basis_titles_and_openings_read_narrowly() {
    expect_tags(&[
        // A law staff are trained on, or a territory called ACT, is no legal basis.
        (
            "All senior managers received training on the legal framework of the Modern Slavery Act.",
            &["right/labour/forced-labour"],
            &[],
        ),
        (
            "We partnered with Housing ACT to provide transitional homes.",
            &["right/economic-social-cultural/housing"],
            &[],
        ),
        ("Forced Labour Act Identifying Information", &[], &["right/labour/forced-labour"]),
        // Reports other than the statement, and other companies' statements.
        (
            "The consolidated financial statements have been prepared in accordance with IFRS.",
            &[],
            &["hrdd/communication"],
        ),
        (
            "Suppliers are asked to provide a copy of their modern slavery statement.",
            &[],
            &["hrdd/communication"],
        ),
        (
            "This Modern Slavery Statement has been prepared in accordance with the Modern Slavery Act 2018.",
            &["hrdd/communication"],
            &["right/labour/forced-labour"],
        ),
        // A running header or footer with a year is no communication.
        ("Modern Slavery Statement FY22 Page 4 of 8", &[], &["hrdd/communication"]),
        // Risks of another kind.
        (
            "Employees working in high-risk areas such as confined spaces are identified by orange helmets.",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "We identified conflict-affected and high-risk areas in our tin supply chain.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        // A participle before its noun's verb, a heading, a condition.
        (
            "Increased demand during peak season can lead to excessive overtime.",
            &[],
            &["stance/action"],
        ),
        ("Identified Risks", &[], &["stance/action"]),
        (
            "Provided that the supplier remediates the breach, the contract stands.",
            &[],
            &["stance/action"],
        ),
        ("Supported employees through our Employee Assistance Programme.", &["stance/action"], &[]),
        // Chinese words in another sense.
        ("对整改情况进行再审计，确保问题整改到位。", &[], &["right/civil-political/fair-trial"]),
        ("公司古树茶产品销量增长，带动茶农增收。", &[], &["theme/environment", "sdg/15"]),
        ("公司全年完成三维地震采集2,000平方公里。", &[], &["sdg/11"]),
        ("动物诊疗机构应当有与动物诊疗活动相适应的执业兽医师。", &[], &["right/economic-social-cultural/health"]),
        ("以不正当手段取得的商业秘密不受保护。", &[], &["theme/anti-corruption"]),
        (
            "以不正当手段取得医师资格证书的，由卫生健康主管部门予以撤销。",
            &["theme/anti-corruption"],
            &[],
        ),
        ("2018年1月5日 最高人民法院审判委员会第1730次会议通过", &[], &["right/civil-political/fair-trial"]),
    ]);
}

#[test]
fn a_second_review_s_cases() {
    expect_tags(&[
        // Wages paid or incidents reported under a law are its subject; "act" as a verb names none.
        (
            "All staff are paid in accordance with the National Minimum Wage Act 1998.",
            &["right/labour/working-conditions"],
            &[],
        ),
        (
            "Our policies on child labour act as a minimum standard across the group.",
            &["right/labour/child-labour"],
            &[],
        ),
        // Financial text and dates opening a passage report no deed.
        (
            "Reported revenue rose 5% to £1.2bn.",
            &[],
            &["stance/action"],
        ),
        ("Published 28/07/2023", &[], &["stance/action"]),
        ("Identified risks", &[], &["stance/action"]),
        (
            "Implemented awareness training for all employees",
            &["stance/action"],
            &[],
        ),
        // Chinese words in a company's or an engineer's sense.
        (
            "输电线路选址应当回避自然保护区和居民集中区。",
            &[],
            &["theme/anti-corruption"],
        ),
        (
            "员工违反公司规章制度的，视情节给予行政处分或者解除劳动合同。",
            &[],
            &["theme/democracy-rule-of-law"],
        ),
        (
            "公司建设的校车生产线年产能达到5000辆。",
            &[],
            &["group/children"],
        ),
        (
            "公司古树普洱茶系列产品实现销售收入2.3亿元。",
            &[],
            &["theme/environment"],
        ),
        (
            "公司董事会将再审慎研究该议案。",
            &[],
            &["right/civil-political/fair-trial"],
        ),
        (
            "人民法院应当开庭审理。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
    ]);
}

#[test]
fn a_statement_s_making_and_the_wrongs_of_chinese_officials() {
    let (deed, report) = ("stance/action", "hrdd/communication");
    expect_tags(&[
        // A statement or report made under the Act, covering or setting out its scope is reported,
        // and its making a deed; its approval is sign-off, not reporting; a future approval is no
        // deed.
        (
            "This statement was approved by the full Board of Directors of SYKES on 17 April 2020.",
            &[deed, "hrdd/embedding"],
            &[report],
        ),
        (
            "This Report was approved pursuant to paragraph 11(4)(a) of the Act by the Board of Directors.",
            &[report, deed],
            &[],
        ),
        (
            "This statement covers the activities of our UK subsidiaries.",
            &[report, deed],
            &[],
        ),
        (
            "This Modern Day Slavery statement was approved by the board on 31st March 2023.",
            &[report],
            &[],
        ),
        (
            "This statement is to be approved by the board at its next meeting.",
            &[],
            &[report, deed],
        ),
        ("This report contains forward-looking statements.", &[], &[report]),
        // Risks of modern slavery identified are assessed; a minimum age of work is child labour.
        (
            "During this reporting period, we analysed our supply chains to identify modern slavery related risks.",
            &["hrdd/impact-assessment", deed],
            &[],
        ),
        (
            "Our workers cannot be younger than 16 years old.",
            &["right/labour/child-labour", "group/children", "sdg/8"],
            &[],
        ),
        (
            "Customers younger than 16 need a parent's consent.",
            &[],
            &["right/labour/child-labour"],
        ),
        (
            "The company does not employ minors.",
            &["right/labour/child-labour", "sdg/8"],
            &[],
        ),
        (
            "We remind our people to report any concerns.",
            &["group/workers"],
            &[],
        ),
        (
            "Our Protected Disclosures Policy protects those who speak up.",
            &["hrdd/grievance-mechanism", "hrdd/non-retaliation"],
            &[],
        ),
        // Aspiration in the third person is the company's only: the doer check for "we strive"
        // applies, not a keyword of its own that any subject would take.
        (
            "The Group strives to improve its governance processes.",
            &["stance/aspiration"],
            &[],
        ),
        (
            "The Act seeks to increase transparency in supply chains.",
            &[],
            &["stance/aspiration"],
        ),
        // Officials' abuse of power and dereliction of duty are corruption; killing wildlife
        // takes no human life; a regulator's name is no topic.
        (
            "国家机关工作人员滥用职权或者玩忽职守的，依法给予处分。",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
        (
            "以欺骗手段取得资质证书的，吊销资质证书。",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
        (
            "非法猎捕、杀害珍贵、濒危野生动物的，依法追究刑事责任。",
            &["sdg/15"],
            &["right/civil-political/life"],
        ),
        (
            "经省级药品监督管理部门现场核查并符合要求的，颁发化妆品生产许可证。",
            &[],
            &["sdg/3"],
        ),
        (
            "行政机关应当推进政府信息公开，及时公开财政预算。",
            &["right/civil-political/expression", "sdg/16"],
            &[],
        ),
        (
            "国家鼓励社会力量兴办托育机构。",
            &["group/children"],
            &[],
        ),
        (
            "在草原上修建工程设施，应当依法办理审批手续。",
            &["theme/environment", "sdg/15"],
            &[],
        ),
        (
            "当选的村民委员会成员人数少于应选名额时，应当另行选举。",
            &["right/civil-political/participation"],
            &[],
        ),
        // One item of a list of places is no topic of its own.
        (
            "禁止吸烟的公共场所包括影剧院、博物馆、展览馆、体育场馆等。",
            &[],
            &["right/economic-social-cultural/culture-science"],
        ),
        ("应急避难场所应当设置应急厕所和供水设施。", &[], &["sdg/6"]),
        (
            "公共厕所应当按时清掏、保洁，定期消毒。",
            &["right/economic-social-cultural/water", "sdg/6"],
            &[],
        ),
        (
            "Our People & Culture team runs the annual engagement survey.",
            &[],
            &["group/workers"],
        ),
        (
            "Unless this statement is made by the board, it is not compliant.",
            &[],
            &[deed],
        ),
    ]);
}

#[test]
fn chinese_institutions_schools_and_a_company_s_vendors() {
    let (rol, sdg16) = ("theme/democracy-rule-of-law", "sdg/16");
    let (edu, sdg4) = ("right/economic-social-cultural/education", "sdg/4");
    expect_tags(&[
        // The people's congress at work, prosecutors, judges and lay assessors are the
        // administration of justice and democratic institutions; a law's adoption formula is not.
        (
            "第三条 县、乡两级人民代表大会代表名额，按照人口数确定。",
            &["right/civil-political/participation", rol, sdg16],
            &[],
        ),
        (
            "市人民代表大会审议决定问题，应当充分发扬民主。",
            &[rol, sdg16],
            &[],
        ),
        (
            "检察官应当具有法学专业知识和法律职业经历。",
            &[rol, sdg16],
            &[],
        ),
        (
            "本办法自1999年12月1日起施行。1986年6月17日河南省第六届人民代表大会常务委员会第二十一次会议通过的《河南省殡葬管理暂行办法》同时废止。",
            &[],
            &[rol, sdg16],
        ),
        // Schools, literacy and early education are the right to education and SDG 4;
        // a school run's times for lorries are not.
        (
            "各级人民政府应当开展扫除文盲的教育工作。",
            &[edu, sdg4],
            &[],
        ),
        (
            "新建住宅区应当配套建设中小学校和幼儿园。",
            &[edu, sdg4, "group/children"],
            &[],
        ),
        (
            "学生在上学途中发生交通事故的，学校应当及时通知其监护人。",
            &[edu, "group/children"],
            &[],
        ),
        (
            "建筑垃圾运输车辆应当避开上学、放学时段。",
            &[],
            &[edu],
        ),
        // Fraud for benefits is corruption; petitions to the state are no company's channel,
        // a company's own petition channel for staff is.
        (
            "以欺诈、伪造证明材料等手段骗取社会保险待遇的，责令退回。",
            &["theme/anti-corruption", sdg16],
            &[],
        ),
        (
            "信访工作机构对前来走访的传染病患者，应当通知卫生部门处理。",
            &[],
            &["hrdd/grievance-mechanism"],
        ),
        (
            "公司设立员工信访渠道，及时回应员工诉求。",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        // Restoring a lake or investigating a pollution accident remedies no person's harm.
        (
            "侵占湖泊水面的，责令限期恢复原状，处一万元以上五万元以下的罚款。",
            &["theme/environment", "sdg/6"],
            &["hrdd/remedy"],
        ),
        (
            "海事管理机构负责船舶污染事故的调查处理。",
            &["theme/environment"],
            &["hrdd/remedy"],
        ),
        (
            "用人单位对员工的歧视投诉应当及时调查处理。",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "内河通航水域，是指可供船舶航行的江、河、湖泊、水库等水域。",
            &[],
            &["theme/environment", "sdg/6"],
        ),
        (
            "城市公共供水企业应当保证供水水质符合国家标准。",
            &["right/economic-social-cultural/water", "sdg/6"],
            &[],
        ),
        (
            "家政服务机构应当与家政服务人员订立书面合同。",
            &["group/workers"],
            &[],
        ),
        // English: a vendor, procurement and those who provide goods or services are the
        // supply chain; a definition's "shall" commits to nothing.
        (
            "If we become aware of a breach of our policies by a vendor, the relationship would be discontinued.",
            &["theme/responsible-sourcing"],
            &[],
        ),
        (
            "These Standards apply to all third parties that provide goods or services to our organisation.",
            &["theme/responsible-sourcing"],
            &[],
        ),
        (
            "Any reference to Reporting Entities in this report shall be taken to be a reference to each of them.",
            &[],
            &["stance/commitment"],
        ),
        (
            "Suppliers shall comply with all applicable labour laws.",
            &["stance/commitment"],
            &[],
        ),
        (
            "We have supply chains and supply chain partners on our sites.",
            &["theme/responsible-sourcing"],
            &["stance/action"],
        ),
        (
            "If a signatory reports potential wrongdoing, the company will ensure that no retaliation occurs.",
            &["hrdd/grievance-mechanism", "hrdd/non-retaliation"],
            &[],
        ),
        (
            "We reserve the right to audit our suppliers' facilities.",
            &["hrdd/action"],
            &[],
        ),
        (
            "This joint report has been prepared in collaboration with each Reporting Entity.",
            &["hrdd/communication"],
            &[],
        ),
        (
            "This disclosure was approved by all of the Directors in January 2024.",
            &["hrdd/embedding"],
            &["hrdd/communication"],
        ),
        (
            "We will release a Forced Labour and Child Labour Policy in 2024.",
            &["hrdd/policy-commitment"],
            &[],
        ),
    ]);
}

#[test]
fn repealed_regulations_hearings_courts_and_opposing_slavery() {
    let (rol, sdg16, fair) = (
        "theme/democracy-rule-of-law",
        "sdg/16",
        "right/civil-political/fair-trial",
    );
    expect_tags(&[
        // A regulation repealed by name holds its subject only in its title; a law cited as the
        // basis for a new one still names what the new one is about.
        (
            "第五十八条 本条例自1999年11月1日起施行，1993年7月25日杭州市人民政府颁布的《杭州市城市供水管理规定》同时废止。",
            &[],
            &["right/economic-social-cultural/water", "sdg/6"],
        ),
        (
            "根据《中华人民共和国大气污染防治法》，结合本市实际，制定本条例。",
            &["theme/environment"],
            &[],
        ),
        // Deputies' inspections, the chairpersons' council and motions are the congress at work;
        // a hearing of the parties' statements and defence is a fair hearing.
        (
            "第二十二条 代表视察时，可以向被视察单位提出建议、批评和意见。",
            &["right/civil-political/participation", rol, sdg16],
            &[],
        ),
        (
            "第十七条 主任会议可以依法向常务委员会提出议案，由常务委员会会议审议。",
            &[rol, sdg16],
            &[],
        ),
        (
            "行政执法机关应当告知当事人享有陈述和申辩的权利。",
            &[fair, rol, sdg16],
            &[],
        ),
        // A court hearing a case is the administration of justice; the organs of justice listed as
        // handling cases are not a hearing.
        (
            "第二十七条 权利人应当明确所主张的商业秘密具体内容。人民法院对该明确的部分进行审理。",
            &[fair, sdg16],
            &[],
        ),
        (
            "公安机关、人民检察院、人民法院在办理案件过程中发现监护人不依法履行监护职责的，应当予以训诫。",
            &[],
            &[fair],
        ),
        (
            "吸毒成瘾严重的人员，公安机关可以直接作出强制隔离戒毒的决定。",
            &[
                "right/civil-political/liberty",
                "right/economic-social-cultural/health",
                sdg16,
                "sdg/3",
            ],
            &[],
        ),
        (
            "评标委员会成员不得透露对投标文件的评审和比较情况。",
            &["theme/responsible-sourcing"],
            &[],
        ),
        (
            "村民委员会、居民委员会应当协助做好妇女权益保障工作。",
            &["group/women"],
            &["group/communities"],
        ),
        (
            "通过信息网络实施侮辱、诽谤行为的，被害人可以向人民法院告诉。",
            &["theme/online-safety"],
            &[],
        ),
        // A court named by a substantive rule, or by the title of the interpretation it sits
        // under, holds no hearing.
        (
            "被侵权人请求侵权人承担生态环境修复费用的，人民法院应予支持。",
            &[],
            &[fair, sdg16],
        ),
        (
            "人民法院应当在开庭七日前从人民陪审员名单中随机抽取确定人民陪审员。",
            &[fair, sdg16],
            &[],
        ),
        // A law's history names other laws by title: their subjects are not the passage's.
        (
            "根据2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议《关于修改〈中华人民共和国文物保护法〉等十二部法律的决定》第三次修正",
            &[],
            &["sdg/11", "right/economic-social-cultural/culture-science", rol],
        ),
        (
            "2000年3月17日劳动保障部发布的《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发[2000]8号）同时废止。",
            &[],
            &["group/workers", "right/labour/working-conditions"],
        ),
        (
            "违反《野生动物保护法》规定猎捕野生动物的，其狩猎证同时废止。",
            &["theme/environment"],
            &[],
        ),
        (
            "对于《中华人民共和国行政诉讼法》施行之前形成的该类合同，按照当时的法律规定处理。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        // Judges, prosecutors and hearings of other bodies are no administration of justice.
        ("他曾任法官，现为一家律师事务所合伙人。", &[], &[rol, sdg16]),
        (
            "公司人力资源部在作出处分决定前，听取员工的陈述和申辩。",
            &[],
            &[fair, rol],
        ),
        ("系主任会议每学期召开一次。", &[], &[rol, sdg16]),
        // Schools and kindergartens in a list of crowded places are no education.
        (
            "学校、幼儿园、商场、医疗机构等人员密集的单位不得出租房屋用于危险物品储存。",
            &[],
            &["sdg/4", "group/children"],
        ),
        (
            "对我国公众健康、国家安全和社会公共利益没有危害。",
            &[],
            &["sdg/3"],
        ),
        // English: opposing slavery and being dedicated to ending it are pledges; a report
        // made in good faith is a grievance raised; the Australian Act's criteria are reporting.
        (
            "We strongly oppose any use of slavery or human trafficking in the provision of our services.",
            &["hrdd/policy-commitment", "stance/commitment"],
            &[],
        ),
        (
            "The company is dedicated to preventing modern slavery in its business and supply chains.",
            &["hrdd/policy-commitment", "stance/commitment"],
            &[],
        ),
        (
            "No one suffers any detrimental treatment as a result of reporting in good faith their suspicion of modern slavery.",
            &["hrdd/grievance-mechanism", "hrdd/non-retaliation"],
            &[],
        ),
        (
            "Mandatory Criteria 1 & 2: Identify the reporting entity and describe its structure, operations and supply chains.",
            &["hrdd/communication"],
            &[],
        ),
        (
            "Used vehicles are sourced from individual owners and dealer auctions.",
            &["theme/responsible-sourcing"],
            &[],
        ),
        // A software vendor, a trafficker's victims or another party's opposition are not the
        // company's supply chain or pledge.
        (
            "The app was built by an external software vendor.",
            &[],
            &["theme/responsible-sourcing"],
        ),
        (
            "Victims were procured for sexual exploitation by organised criminal networks.",
            &[],
            &["theme/responsible-sourcing"],
        ),
        (
            "The union strongly opposes the exploitation of casual workers at the port.",
            &[],
            &["stance/commitment"],
        ),
        (
            "The parties shall negotiate in good faith to resolve any concern.",
            &[],
            &["hrdd/grievance-mechanism"],
        ),
    ]);
}

#[test]
fn war_s_words_movement_and_settlements_in_recommendations() {
    let war = "theme/armed-conflict";
    expect_tags(&[
        (
            "Encourage it to sign and ratify ICERD and OP-CRC-AC.",
            &[war],
            &[],
        ),
        (
            "Respect the human rights of prisoners of war.",
            &[war],
            &[],
        ),
        (
            "Expedite the demobilization of paramilitary chiefs and combatants.",
            &[war],
            &[],
        ),
        (
            "Ensure immediate protection for civilians at risk from attacks by the armed opposition.",
            &[war],
            &[],
        ),
        ("Civilians may apply for the programme online.", &[], &[war]),
        (
            "Reopen points of passage to and from the Gaza Strip.",
            &["right/civil-political/movement"],
            &[],
        ),
        (
            "Our suppliers operate checkpoints for quality control.",
            &[],
            &["right/civil-political/movement"],
        ),
        (
            "End all settlement activities in the occupied territories.",
            &["right/economic-social-cultural/land"],
            &[],
        ),
        // Female genital mutilation is done to girls: a harmful practice against children.
        (
            "Adopt legislation prohibiting female genital mutilation and prosecute offenders.",
            &["group/children", "group/women"],
            &[],
        ),
        (
            "Repeal the insult laws and guarantee a free press.",
            &["right/civil-political/expression"],
            &[],
        ),
    ]);
}

#[test]
fn food_safety_heritage_forgery_and_risks_not_found() {
    let ia = "hrdd/impact-assessment";
    let food = "right/economic-social-cultural/food";
    let health = "right/economic-social-cultural/health";
    let culture = "right/economic-social-cultural/culture-science";
    let corruption = "theme/anti-corruption";
    let rol = "theme/democracy-rule-of-law";
    expect_tags(&[
        // A search that found nothing is the result of identifying risks, not a measure of
        // effectiveness.
        (
            "To date, we have not identified any forced labour or child labour in our supply chain.",
            &[ia],
            &["hrdd/tracking"],
        ),
        (
            "Radial has not yet identified parts of its activities that carry a risk of forced labour.",
            &[ia],
            &[],
        ),
        // The Canadian form's question on lost income is answered, not a risk searched for.
        (
            "We have not identified any loss of income to vulnerable families resulting from measures \
             taken to eliminate forced labour.",
            &["sdg/1"],
            &[ia],
        ),
        ("Our revenue fell, a loss of income for the group.", &[], &["sdg/1"]),
        (
            "The Company was forced to close stores, resulting in a loss of income.",
            &[],
            &["sdg/1"],
        ),
        (
            "The second statement of principle in our Code requires fair treatment.",
            &[],
            &["hrdd/communication"],
        ),
        // Harassment is non-discrimination's, not a goal of reducing inequality.
        (
            "We prohibit discrimination on the basis of race, gender or disability.",
            &["right/non-discrimination", "sdg/10"],
            &[],
        ),
        (
            "We have zero tolerance for bullying and harassment in the workplace.",
            &["right/non-discrimination"],
            &["sdg/10"],
        ),
        (
            "Staff may raise concerns under our Whistleblowing Policy.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "Concerns can be raised under our Public Interest Disclosure policy.",
            &["hrdd/non-retaliation"],
            &[],
        ),
        (
            "The Board of Directors approved this statement on 21 April 2022.",
            &["stance/action"],
            &[],
        ),
        (
            "This is our third statement under the Modern Slavery Act.",
            &["hrdd/communication"],
            &[],
        ),
        (
            "There were no reports of modern slavery made to EthicsPoint in 2022.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "New employees must read and sign the Employee Handbook.",
            &["hrdd/embedding"],
            &[],
        ),
        // Chinese law: food safety is the right to food; health, heritage, forests.
        (
            "因食品安全违法行为受到刑事处罚的人员，终身不得从事食品检验工作。",
            &[food, "sdg/2"],
            &[],
        ),
        // A company's own product quality is no right to food.
        (
            "公司严格执行国家食品安全标准，未发生食品安全事故。",
            &[],
            &[food, "sdg/2"],
        ),
        ("公司主营母婴保健品的研发与销售。", &[], &[health]),
        (
            "居民委员会应当依照法律的规定开展精神卫生工作。",
            &[health, "sdg/3"],
            &[],
        ),
        (
            "婚检单位必须执行婚前医学检查的规定。",
            &[health, "sdg/3"],
            &[],
        ),
        (
            "本市城市总体规划确定的历史文化名镇的保护，参照历史文化风貌区保护的规定执行。",
            &[culture, "sdg/11"],
            &[],
        ),
        (
            "汉魏故城保护范围内禁止取土。",
            &[culture, "sdg/11"],
            &[],
        ),
        (
            "未经批准不得临时占用绿地。",
            &["sdg/11"],
            &[],
        ),
        (
            "个人所有的林木和使用的林地，由县人民政府登记造册，确认所有权或者使用权。",
            &["right/economic-social-cultural/land", "sdg/15"],
            &[],
        ),
        (
            "林地的养护由林业部门负责。",
            &["sdg/15"],
            &["right/economic-social-cultural/land"],
        ),
        (
            "人民武装警察应当尊重公民的宗教信仰和民族风俗习惯。",
            &["group/minorities"],
            &[],
        ),
        ("当地的风俗习惯应当受到尊重。", &[], &["group/minorities"]),
        // The congress's presidium and Hong Kong's legislature are the state's institutions.
        (
            "预备会议选举本次会议的主席团和秘书长。",
            &[rol, "sdg/16"],
            &[],
        ),
        ("学生会主席团由全体学生推选。", &[], &[rol]),
        ("本次股东大会由董事会主席团主持，审议通过多项议案。", &[], &[rol]),
        (
            "香港特别行政区立法会议员每届60人。",
            &["right/civil-political/participation", rol],
            &[],
        ),
        // Forged licences and false expert reports are fraud on the state; a false rumour is not.
        (
            "伪造营业执照的，责令停业，没收违法所得。",
            &[corruption, "sdg/16"],
            &[],
        ),
        ("禁止伪造他人签名发布广告。", &[], &[corruption]),
        ("公司防伪技术可有效识别伪造票据。", &[], &[corruption]),
        (
            "广告不得含有虚假内容，产品的检验报告须真实。",
            &[],
            &[corruption],
        ),
        (
            "司法鉴定人故意作虚假鉴定，构成犯罪的，依法追究刑事责任。",
            &[corruption],
            &[],
        ),
        ("编造虚假的险情在网络上传播的，依法处罚。", &[], &[corruption]),
        (
            "统筹利用农村公益性岗位，聘用村民参与管护。",
            &["right/economic-social-cultural/work", "sdg/8"],
            &[],
        ),
        // Training is the embedding step where it teaches the commitment, not any course.
        (
            "公司开展人权与反歧视专题培训42场。",
            &["hrdd/embedding"],
            &[],
        ),
        (
            "机场管理机构应当组织应急救援的演练和人员培训。",
            &[],
            &["hrdd/embedding"],
        ),
        // 工时 is working time, not 施工 or 职工 before 时 ("when").
        (
            "建设工程恢复施工时，建设单位应当向发证机关报告。",
            &[],
            &["right/labour/working-conditions"],
        ),
        (
            "企业事业单位录用职工时，不得以生活习俗等理由拒绝录用少数民族公民。",
            &[],
            &["right/labour/working-conditions"],
        ),
        (
            "在相互尊重国家主权和平等互利的基础上提供司法协助。",
            &[],
            &["sdg/16"],
        ),
    ]);
}

#[test]
fn risk_levels_effectiveness_voter_rolls_and_departments() {
    let ia = "hrdd/impact-assessment";
    let rol = "theme/democracy-rule-of-law";
    expect_tags(&[
        // A sector, country or category called high risk is a finding of risk assessment.
        (
            "The construction industry is inherently higher risk for modern slavery.",
            &[ia],
            &[],
        ),
        (
            "However, potential risk areas in the extended supply chain include cleaning and security.",
            &[ia],
            &[],
        ),
        (
            "Business partners are screened against sanctions lists and adverse media.",
            &[ia],
            &["hrdd/action"],
        ),
        // A bank's customers, a medical test and a supplier the company only monitors are not.
        ("Our lending to high-risk customers is reviewed.", &[], &[ia]),
        ("Staff are offered health screening each year.", &[], &[ia]),
        (
            "Pre-employment screening of new employees checks their right to work.",
            &["hrdd/action"],
            &[ia],
        ),
        // The Acts ask how effectiveness is assessed; a policy in force from a date is not that.
        (
            "Effectiveness in combating slavery and human trafficking",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "This policy is effective immediately, whether staff are permanent or temporary.",
            &[],
            &["hrdd/tracking"],
        ),
        (
            "Our environmental, social and governance (ESG) report describes our programs.",
            &[],
            &["hrdd/embedding"],
        ),
        (
            "The minor procurement items are bought from many small suppliers.",
            &[],
            &["group/children"],
        ),
        (
            "Managers receive training on Right to Work procedures.",
            &[],
            &["right/economic-social-cultural/work"],
        ),
        // Chinese law: a department's name is no right, and citizens' reports are oversight.
        (
            "市人力资源社会保障行政部门负责本条例的组织实施。",
            &[],
            &["right/economic-social-cultural/social-security"],
        ),
        (
            "各级人民政府应当加强对人口与计划生育工作的领导。",
            &[],
            &["group/women"],
        ),
        (
            "任何单位和个人有权对违反本条例规定的行为，向有关部门检举。",
            &[rol, "sdg/16"],
            &["hrdd/grievance-mechanism"],
        ),
        (
            "公司设立检举热线和邮箱，保护检举人。",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "市、区中医药主管部门负责本行政区域内中医药管理工作。",
            &["right/economic-social-cultural/health", "sdg/3"],
            &[],
        ),
        (
            "保护中医药文化及其文化生态。",
            &[],
            &["right/economic-social-cultural/health"],
        ),
        // Voter rolls: participation always, the rule of law beside the people's congress.
        (
            "乡、镇的人民代表大会代表选举，应当进行选民登记，审查选民资格。",
            &["right/civil-political/participation", rol],
            &[],
        ),
        (
            "村民选举委员会应当公布选民名单。",
            &["right/civil-political/participation"],
            &[rol],
        ),
        ("下列人员由省人大常委会任免：", &[rol, "sdg/16"], &[]),
        (
            "本条例经省人大常委会批准后公布施行。",
            &[],
            &[rol],
        ),
        // A patent clause is no innovation policy.
        (
            "专利申请人应当提交请求书和说明书。",
            &[],
            &["sdg/9"],
        ),
        (
            "鼓励企业加强专利创造和运用，促进科技成果转化。",
            &["sdg/9"],
            &[],
        ),
        (
            "森林高火险期内，严禁在林区野外用火。",
            &["theme/environment", "sdg/15"],
            &[],
        ),
        (
            "林区县人民政府应当维护林农利益，减轻林农负担。",
            &[],
            &["theme/environment"],
        ),
        (
            "县级人民政府应当对列入保护名录的革命遗址设置保护标识。",
            &["right/economic-social-cultural/culture-science", "sdg/11"],
            &[],
        ),
        (
            "不得扰乱医院、学校的正常教学秩序。",
            &[],
            &["right/economic-social-cultural/education"],
        ),
        (
            "适用简易程序审理的民商事案件，证据交换与开庭一并进行。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        (
            "家庭暴力受害人可以向人民法院申请人身安全保护令。",
            &["sdg/5"],
            &[],
        ),
    ]);
}

#[test]
fn shared_cues_anchor_short_abbreviations_and_numbered_cues_name_conventions() {
    // SAQ (hrdd/action) alone, anchored by its entry's shared cue `suppliers`.
    assert!(has("We sent an SAQ to suppliers.", "hrdd/action"));
    // ILO-FPRW's cue `convention` before a number it does not hold names that convention.
    expect_tags(&[(
        "We follow Convention No. 190 on harassment.",
        &["instrument/OTHER"],
        &[],
    )]);
}

#[test]
fn risks_found_complaints_received_minorities_and_chinese_complaint_procedures() {
    let ia = "hrdd/impact-assessment";
    let gm = "hrdd/grievance-mechanism";
    expect_tags(&[
        // A risk reported as identified is a finding of assessment; a conditional one is not.
        (
            "The potential for risk has also been identified in the transport industry.",
            &[ia],
            &[],
        ),
        (
            "We will engage suppliers where risks are identified.",
            &[],
            &[ia],
        ),
        // Complaints received, or none, show a channel in use.
        (
            "To date, the company has not received any complaints relating to forced labour.",
            &[gm],
            &[],
        ),
        (
            "Our policies aim at ensuring the safety of our employees.",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
        (
            "The company is opposed to any form of human exploitation in our supply chain.",
            &[
                "stance/commitment",
                "hrdd/policy-commitment",
                "right/labour/forced-labour",
            ],
            &[],
        ),
        (
            "Jellyfish recognizes that it has a responsibility to prevent any form of modern slavery.",
            &["stance/commitment", "hrdd/policy-commitment"],
            &[],
        ),
        // Ethnic minorities serve SDG 10.2; access to justice SDG 16.3 and the rule of law.
        (
            "国家采取措施，为少数民族学生为主的学校实施双语教育提供条件。",
            &["group/minorities", "sdg/10"],
            &[],
        ),
        (
            "当事人可以依法提起上诉。",
            &[
                "right/civil-political/fair-trial",
                "sdg/16",
                "theme/democracy-rule-of-law",
            ],
            &[],
        ),
        // A law's complaint procedure is a grievance mechanism; a firm's complaint ratio is not.
        (
            "行政监督部门应当自收到投诉之日起3个工作日内决定是否受理投诉，投诉人可以申请复议。",
            &[gm],
            &[],
        ),
        ("报告期内，客户投诉处理满意度为100%。", &[], &[gm]),
        // Damage done, then compensation, is the remedy a law gives.
        (
            "给消费者造成损害的，经营者应当依法承担赔偿责任。",
            &["hrdd/remedy"],
            &[],
        ),
        // The mass organisations named together are no union and no women's topic.
        (
            "工会、共产主义青年团、妇女联合会等团体，应当做好文明行为促进工作。",
            &[],
            &[
                "right/labour/association-bargaining",
                "group/women",
                "sdg/5",
            ],
        ),
        ("委员长会议拟订常务委员会会议议程草案。", &["theme/democracy-rule-of-law", "sdg/16"], &[]),
        (
            "县级以上人民政府林业主管部门应当制定除治森林病虫害的实施计划。",
            &["theme/environment", "sdg/15"],
            &[],
        ),
        (
            "国家对农作物种质资源实行原生境保存和非原生境保存相结合的制度。",
            &["theme/environment", "sdg/2"],
            &[],
        ),
        (
            "非法采集我国人类遗传资源的，依法追究责任。",
            &[],
            &["theme/environment", "sdg/15"],
        ),
    ]);
}

#[test]
fn road_safety_rectification_orders_contractors_and_unsafe_work() {
    let action = "hrdd/action";
    expect_tags(&[
        // SDG 11.2 names road safety, as 3.6 names road deaths.
        (
            "驾驶车辆应当安全驾驶、文明驾驶。",
            &["sdg/11", "sdg/3"],
            &[],
        ),
        // A lighter penalty and a rectification ordered by an authority are not a company's steps.
        (
            "在提起公诉前积极退赃退赔的，可以从轻或者减轻处罚。",
            &[],
            &[action],
        ),
        ("发现问题的，由主管部门责令限期整改。", &[], &[action]),
        ("公司对审核发现的问题督促供应商限期整改。", &[action], &[]),
        ("我们采取措施减轻对社区的负面影响。", &[action], &[]),
        // Contracting firms are no rights-holders; contractors' pay is.
        (
            "We engaged approximately 830 contractors and service providers in the period.",
            &[],
            &["group/workers"],
        ),
        (
            "We check that contractors are paid the minimum wage.",
            &["group/workers"],
            &[],
        ),
        (
            "港口经营人指使、强令违章作业的，责令停止违法行为。",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
        // A review's counter-examples to this release's rules.
        (
            "Where risks have been identified, suppliers must complete a corrective action plan.",
            &[],
            &["hrdd/impact-assessment"],
        ),
        (
            "Customer complaints received fell by 12% this year.",
            &[],
            &["hrdd/grievance-mechanism"],
        ),
        (
            "We screen suppliers against the UFLPA entity list for Uyghur forced labour.",
            &["right/labour/forced-labour"],
            &["sdg/10"],
        ),
        ("国家建立水产种质资源保护区。", &[], &["sdg/2"]),
        (
            "工会、共青团、妇联等组织应当协助做好宣传工作。",
            &[],
            &["right/labour/association-bargaining"],
        ),
        (
            "司法鉴定人应当依法独立出具鉴定意见。",
            &["theme/democracy-rule-of-law", "sdg/16"],
            &[],
        ),
    ]);
}

#[test]
fn null_findings_adverse_treatment_substantive_rulings_and_wetlands() {
    expect_tags(&[
        (
            "During the period, the company did not identify any instances of forced labour.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "Adverse treatment includes dismissal connected with raising a concern in good faith.",
            &["hrdd/non-retaliation"],
            &[],
        ),
        (
            "At Genuity, our vision is a world with dependable energy for all.",
            &["stance/aspiration"],
            &[],
        ),
        // A court named only as the one that decides a substantive claim is no trial.
        (
            "当事人主张保函性质为独立保函的，人民法院应予支持。",
            &[],
            &[
                "right/civil-political/fair-trial",
                "theme/democracy-rule-of-law",
            ],
        ),
        (
            "当事人不服一审判决的，可以向上一级人民法院提起上诉。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        // Wetlands are water-related ecosystems (SDG 6.6); a foundation's name is no mangrove.
        ("市人民政府应当划定湿地生态红线。", &["sdg/6"], &[]),
        ("禁止采伐红树林。", &["sdg/14", "theme/environment"], &[]),
        ("公司与红树林基金会合作开展公益活动。", &[], &["sdg/14"]),
        ("长江防护林体系建设应按照总体规划实施。", &["sdg/15"], &[]),
        (
            "定点医药机构涉嫌骗取医保基金支出的，可以暂停结算。",
            &["right/economic-social-cultural/social-security", "sdg/1"],
            &[],
        ),
    ]);
}

#[test]
fn null_remedies_financial_crime_contracts_and_chinese_courts_deputies_and_hazards() {
    expect_tags(&[
        // A remedy not needed because nothing was found still reports on remedy; a remedy
        // process denied, or none taken with no finding given, does not.
        (
            "We have not had to take any remediation measures during the year, as no cases were found.",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "No cases were found, so no remedial action was required in the reporting period.",
            &["hrdd/remedy"],
            &[],
        ),
        ("No remedial action was required in the reporting period.", &[], &["hrdd/remedy"]),
        ("There is no remediation process yet.", &[], &["hrdd/remedy"]),
        ("公司未采取补救措施，受到监管处罚。", &[], &["hrdd/remedy"]),
        (
            "报告期内未发现强迫劳动，因此未采取补救措施。",
            &["hrdd/remedy"],
            &[],
        ),
        (
            "The company has not discovered any instances of forced labour in its supply chain.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "We follow a risk-based approach to supplier due diligence.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        // The Modern Slavery Act's stock phrase about integrity is no anti-corruption topic.
        (
            "We are committed to acting ethically and with integrity in all our business relationships.",
            &[],
            &["theme/anti-corruption"],
        ),
        (
            "Our financial crime policies cover money laundering and bribery.",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
        ("Modern slavery has no place in our business.", &["hrdd/policy-commitment"], &[]),
        (
            "This statement sets out the steps taken in the financial year.",
            &["hrdd/communication"],
            &[],
        ),
        (
            "Bullying and a hostile work environment are not tolerated.",
            &["right/labour/working-conditions"],
            &[],
        ),
        ("We appointed ESG ambassadors in every region.", &["hrdd/embedding"], &[]),
        // Contracts are a due-diligence step only with terms about them.
        ("The company has contracts with cleaning firms.", &[], &["hrdd/action"]),
        ("Supplier contracts include a modern slavery clause.", &["hrdd/action"], &[]),
        (
            "Training was carried out for all procurement staff in 2023.",
            &["stance/action"],
            &[],
        ),
        (
            "All staff are required to complete the training every year.",
            &["stance/action"],
            &[],
        ),
        (
            "司法工作人员徇私枉法、枉法裁判的，依法追究刑事责任。",
            &["right/civil-political/fair-trial", "theme/anti-corruption"],
            &[],
        ),
        (
            "代表提出的建议、批评和意见，由有关机关研究办理。",
            &["theme/democracy-rule-of-law", "sdg/16"],
            &[],
        ),
        ("国家工作人员就职时应当进行宪法宣誓。", &["theme/democracy-rule-of-law"], &[]),
        (
            "赔偿请求人可以依法申请国家赔偿。",
            &["hrdd/remedy", "theme/democracy-rule-of-law"],
            &[],
        ),
        ("当事人可以申请查阅判决书。", &["right/civil-political/fair-trial"], &[]),
        ("网络司法拍卖应当公开进行。", &["right/civil-political/fair-trial"], &[]),
        ("禁止利用内幕交易牟利。", &["theme/anti-corruption", "sdg/16"], &[]),
        (
            "推动全民阅读，建设书香社会。",
            &["right/economic-social-cultural/culture-science", "sdg/4"],
            &[],
        ),
        ("鼓励专业技术人员参加继续教育。", &["sdg/4"], &[]),
        (
            "加强狂犬病防治工作。",
            &["right/economic-social-cultural/health", "sdg/3"],
            &[],
        ),
        ("严格控制陆源污染物排入海域。", &["sdg/14", "theme/environment"], &[]),
        ("加强气象灾害监测和预警。", &["sdg/13"], &[]),
        ("合理布局城市公园和公共空间。", &["sdg/11"], &[]),
        ("加强农业科技推广。", &["sdg/2"], &[]),
        ("全国社会保障基金的投资运营应当安全。", &["sdg/1"], &[]),
        ("打破身份、性别等歧视。", &["group/women", "sdg/5"], &[]),
        // Departments named in a list of those responsible are no topic.
        (
            "公安、安全生产监督、质量技术监督等部门按照职责分工负责。",
            &[],
            &["right/labour/occupational-safety-health"],
        ),
        (
            "工商、质量技术监督、食品药品监督、园林等部门应当在各自职责范围内做好相关工作。",
            &[],
            &["sdg/3"],
        ),
    ]);
}

#[test]
fn employees_as_rights_holders_practices_adopted_and_chinese_laundering_iodine_and_maritime_courts()
{
    expect_tags(&[
        // A company's employees are the rights-holders beside their pay, not as a code's scope.
        (
            "The policy applies to all employees, suppliers and contractors.",
            &[],
            &["group/workers"],
        ),
        (
            "Employees are paid at least the living wage.",
            &["group/workers"],
            &[],
        ),
        (
            "We performed a supplier risk review in 2023.",
            &["stance/action"],
            &[],
        ),
        // A practice in the present passive is reported; a duty or a plan is not.
        (
            "All reports are investigated by the compliance team.",
            &["stance/action"],
            &[],
        ),
        (
            "Suppliers must be assessed before onboarding.",
            &[],
            &["stance/action"],
        ),
        (
            "New suppliers will be screened from next year.",
            &[],
            &["stance/action"],
        ),
        (
            "The board has adopted a whistleblowing policy.",
            &["stance/action"],
            &[],
        ),
        (
            "We recognise the importance of remedy for affected workers.",
            &["stance/commitment"],
            &[],
        ),
        (
            "Staff who work at night receive a transport allowance.",
            &["right/labour/working-conditions"],
            &[],
        ),
        (
            "We follow WorkSafe guidance on every site.",
            &["right/labour/occupational-safety-health"],
            &[],
        ),
        (
            "Our annual Sustainability Report describes our progress.",
            &["sdg/12"],
            &[],
        ),
        (
            "明知是犯罪所得而予以掩饰、隐瞒犯罪所得的，依法追究刑事责任。",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
        (
            "食盐加碘应当符合国家标准。",
            &["right/economic-social-cultural/health", "sdg/3"],
            &[],
        ),
        (
            "人民检察院可以依法提起公益诉讼。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        (
            "当事人可以向海事法院提起诉讼。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        ("鼓励企业加大研究开发投入。", &["sdg/9"], &[]),
        ("加强渔业资源保护。", &["theme/environment"], &[]),
        (
            "公安部门、安全生产监督管理部门、工商行政管理部门按照职责分工查处违法行为。",
            &[],
            &["right/labour/occupational-safety-health"],
        ),
    ]);
}

#[test]
fn sign_off_young_workers_reporting_tools_and_chinese_disasters_notaries_and_smoking() {
    expect_tags(&[
        // A board's approval or a director's attestation is sign-off, not communication.
        (
            "This statement was approved by the Board of Directors on 1 March 2024.",
            &["hrdd/embedding"],
            &["hrdd/communication"],
        ),
        (
            "I attest that the information in this report is true, accurate and complete.",
            &["hrdd/embedding"],
            &["hrdd/communication"],
        ),
        (
            "Respect for human rights is embedded in our policies and procedures.",
            &["hrdd/embedding"],
            &[],
        ),
        (
            "The risk is embedded in the supply chain.",
            &[],
            &["hrdd/embedding"],
        ),
        // Young workers are employed lawfully: children, not child labour.
        (
            "We ensure that young workers do not work at night.",
            &["group/children"],
            &["right/labour/child-labour"],
        ),
        (
            "Employees can raise concerns through our online reporting tool.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "Our clients include education providers and government agencies.",
            &[],
            &["right/economic-social-cultural/education", "sdg/4"],
        ),
        // A natural disaster is SDG 11 (and 13 when the weather's), not the environment.
        (
            "为了防御和减轻地震灾害，制定本条例。",
            &["sdg/11"],
            &["theme/environment"],
        ),
        (
            "公证员应当依法办理公证事项。",
            &["theme/democracy-rule-of-law"],
            &[],
        ),
        (
            "公共场所禁止吸烟。",
            &["right/economic-social-cultural/health", "sdg/3"],
            &[],
        ),
        (
            "水产养殖用药应当建立记录。",
            &[],
            &["right/economic-social-cultural/health", "sdg/3"],
        ),
        // Ending a contract is remedy only as a sanction on a supplier.
        ("消费者可以依法解除合同。", &[], &["hrdd/remedy"]),
        (
            "市教育督导机构负责教育督导工作。",
            &["right/economic-social-cultural/education", "sdg/4"],
            &[],
        ),
        (
            "公安、住房保障、车辆管理等部门应当受理。",
            &[],
            &["right/economic-social-cultural/housing"],
        ),
    ]);
}

#[test]
fn attestations_eradication_embedding_and_chinese_effectiveness_in_statutes() {
    expect_tags(&[
        // Employees as the audience of slavery resources are not rights-holders there.
        (
            "We have made the anti-slavery resources available to our employees on the intranet.",
            &[],
            &["group/workers"],
        ),
        (
            "The company supports the eradication of forced labour in all its forms.",
            &["hrdd/policy-commitment", "stance/commitment"],
            &[],
        ),
        (
            "I attest that I have reviewed the information contained in the report.",
            &["hrdd/embedding", "stance/action"],
            &[],
        ),
        (
            "We embed human rights practices throughout our operations.",
            &["hrdd/embedding", "stance/action"],
            &[],
        ),
        (
            "This statement summarises the actions carried out during the year.",
            &["hrdd/communication"],
            &[],
        ),
        // A statute's effectiveness or follow-up of its own work is no tracking of due diligence.
        (
            "第五条 提高水资源节约利用工作的科学性和有效性。",
            &[],
            &["hrdd/tracking"],
        ),
        ("公司持续跟踪供应商整改进展。", &["hrdd/tracking"], &[]),
    ]);
}

#[test]
fn research_institutes_officials_wrongs_and_departments_named_after_a_topic() {
    expect_tags(&[
        // A research institute in a list of places is no research.
        (
            "禁止在学校、医院、科研机构周边燃放烟花爆竹。",
            &[],
            &["sdg/9"],
        ),
        ("支持科研机构开展基础研究和科技成果转化。", &["sdg/9"], &[]),
        // An official bending the law is corruption; a fair trial only where it is a court's.
        (
            "渔政检查人员徇私枉法的，依法给予处分。",
            &["theme/anti-corruption"],
            &["right/civil-political/fair-trial"],
        ),
        (
            "司法工作人员徇私枉法的，依法追究刑事责任。",
            &["right/civil-political/fair-trial", "theme/anti-corruption"],
            &[],
        ),
        (
            "区住房保障和房地产管理部门负责本区的实施工作。",
            &[],
            &["right/economic-social-cultural/housing"],
        ),
        (
            "The Remuneration Committee sets directors' pay.",
            &[],
            &["right/labour/working-conditions"],
        ),
    ]);
}

#[test]
fn sign_off_by_the_undersigned_and_chinese_hearings_arbitration_and_sea_areas() {
    expect_tags(&[
        (
            "This disclosure was approved by all of the Directors in January 2024.",
            &["hrdd/embedding"],
            &["hrdd/communication"],
        ),
        (
            "I, the undersigned, attest that I have reviewed the information contained in this report.",
            &["hrdd/embedding", "stance/action"],
            &["hrdd/communication"],
        ),
        // Hearings and expert panels that gather the public's views are participation.
        (
            "城乡规划报送审批前，应当采取论证会、听证会等方式征求专家和公众的意见。",
            &["right/civil-political/participation"],
            &[],
        ),
        (
            "当事人可以向仲裁委员会申请仲裁，仲裁裁决是终局的。",
            &["right/civil-political/fair-trial"],
            &[],
        ),
        ("监察官应当清正廉洁。", &["theme/democracy-rule-of-law"], &[]),
        (
            "本条例所称海域，是指海岸线向海一侧的内水和领海。",
            &["sdg/14"],
            &[],
        ),
        (
            "不得歧视、侮辱精神疾病患者。",
            &["group/persons-with-disabilities"],
            &[],
        ),
        (
            "房屋出租人向暂住人口出租房屋，应当申报备案。",
            &["group/migrants"],
            &[],
        ),
    ]);
}

#[test]
fn an_act_named_integrity_as_a_value_and_chinese_courts_consent_restoration_and_bribes() {
    expect_tags(&[
        (
            "We are committed to acting ethically and with integrity and transparency in all business dealings.",
            &[],
            &["theme/anti-corruption"],
        ),
        (
            "当事人主张依据其约定排除国际条约适用的，人民法院予以支持。",
            &[],
            &["right/civil-political/fair-trial"],
        ),
        // A statute's order to restore is no remedy for harm to people.
        ("责令限期恢复原状或者采取其他补救措施。", &[], &["hrdd/remedy"]),
        (
            "第四条 预算法所称各部门，是指与本级政府财政部门直接发生预算缴拨款关系的单位。",
            &[],
            &["theme/responsible-ai"],
        ),
        (
            "禁止在饲料和动物饮用水中使用违禁药品。",
            &[],
            &["right/economic-social-cultural/water", "sdg/6"],
        ),
        ("检疫人员必须忠于职守，秉公执法。", &["theme/democracy-rule-of-law"], &[]),
        (
            "殡仪服务人员利用工作之便索要或者收受财物的，给予行政处分。",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
    ]);
}

#[test]
fn a_present_perfect_of_a_deed_after_a_subject_with_a_determiner_is_the_action_stance() {
    expect_tags(&[
        // Subjects the company-subject rule does not see: after an opening clause, a plural
        // body, a process.
        (
            "To achieve this the Group has reviewed its activities, policies and procedures.",
            &["stance/action"],
            &[],
        ),
        (
            "This consultation process has supported our approach to human rights.",
            &["stance/action"],
            &[],
        ),
        (
            "Our sites have also improved the verification processes of all workers entering them.",
            &["stance/action"],
            &[],
        ),
        // Possession, a denial, a pledge, an impact attributed, a plan, a relative clause and a
        // condition report no deed.
        (
            "Our suppliers have dedicated teams for compliance.",
            &[],
            &["stance/action"],
        ),
        (
            "The supplier has not reviewed its own suppliers.",
            &[],
            &["stance/action"],
        ),
        (
            "Suppliers have pledged to uphold these standards.",
            &[],
            &["stance/action"],
        ),
        (
            "It is not aware of any cases that it has caused or contributed to.",
            &[],
            &["stance/action"],
        ),
        (
            "By 2025 suppliers will have completed the questionnaire.",
            &[],
            &["stance/action"],
        ),
        (
            "Suppliers who have signed the code are listed on the portal.",
            &[],
            &["stance/action"],
        ),
        (
            "If a supplier has breached the code, the contract may end.",
            &[],
            &["stance/action"],
        ),
        // Steps the company has taken, named as what a report lists, and a change undergone.
        (
            "This report describes the steps the Company has taken to prevent forced labour.",
            &[],
            &["stance/action"],
        ),
        (
            "Our supply chain has increased in volume since the last period.",
            &[],
            &["stance/action"],
        ),
    ]);
}

#[test]
fn sign_off_by_a_governing_body_visa_workers_and_chinese_state_compensation_and_enforcement() {
    expect_tags(&[
        (
            "This statement was approved by the principal governing body of the company on 14 February 2023.",
            &["stance/action", "hrdd/embedding"],
            &[],
        ),
        (
            "This Statement was approved by the Executive Leadership Team, January 2024.",
            &["stance/action", "hrdd/embedding"],
            &[],
        ),
        (
            "The Code of Practice was rolled out across the supplier base in early 2021.",
            &["stance/action"],
            &[],
        ),
        (
            "We are an employer of visa-dependent workers.",
            &["group/migrants"],
            &[],
        ),
        (
            "We are committed to nation building and protecting our planet.",
            &["theme/environment"],
            &[],
        ),
        (
            "The Reporting Policy sets out the reporting procedure for employees who have concerns.",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "赔偿委员会可以组织赔偿请求人、赔偿义务机关在质证前交换证据。",
            &["hrdd/remedy", "theme/democracy-rule-of-law"],
            &[],
        ),
        (
            "县级以上人民政府及其有关部门应当严格规范公正文明执法。",
            &["theme/democracy-rule-of-law", "sdg/16"],
            &[],
        ),
        (
            "不在规定期限内进行调查或者泄露检举人情况的，给予行政处分。",
            &["hrdd/non-retaliation"],
            &[],
        ),
        (
            "自然人社会信用信息的归集以居民身份证号码作为关联匹配的标识。",
            &["right/civil-political/privacy"],
            &[],
        ),
        // A number asked for on a form is no topic.
        ("申请人应当填写姓名和身份证号码。", &[], &["right/civil-political/privacy"]),
        (
            "社会组织可以依法提起环境民事公益诉讼。",
            &["theme/environment"],
            &[],
        ),
        (
            "任何组织和个人不得截留、挪用科普经费。",
            &["theme/anti-corruption", "sdg/16"],
            &[],
        ),
        ("营造尊重知识产权的社会环境，激励自主创新。", &["sdg/9"], &[]),
        (
            "组织编制机关应当充分考虑专家和社会公众的意见，并附具意见采纳情况及理由。",
            &["right/civil-political/participation"],
            &[],
        ),
        // Agencies consulting one another are no public participation.
        (
            "规划报请审批前应当征求水行政主管部门的意见，并附具意见采纳情况。",
            &[],
            &["right/civil-political/participation"],
        ),
        (
            "对市政设施进行维修时，应当设置警示标志。",
            &["sdg/11"],
            &[],
        ),
    ]);
}

#[test]
fn words_whose_pdf_ligature_was_lost_and_risks_that_can_occur() {
    expect_tags(&[
        // A PDF's lost `fi`, `fl` and `ff` ligatures.
        (
            "MCC BC has not identied any signicant risks of modern slavery.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "The tracking of reported instances provides a measure to assess its eectiveness in ensuring that forced labour is not used.",
            &["hrdd/tracking"],
            &[],
        ),
        (
            "We recognise that modern slavery risk can occur in operations and supply chains.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "We believe there is minimal risk of modern slavery within our own operations.",
            &["hrdd/impact-assessment"],
            &[],
        ),
        // Not every word without a ligature is a keyword's: "tracking" is no lost "trafficking".
        (
            "We use a tracking system for parcels.",
            &[],
            &["right/labour/forced-labour"],
        ),
    ]);
}

#[test]
fn chinese_power_supply_intangible_culture_science_firms_returned_overseas_chinese_and_roads() {
    expect_tags(&[
        (
            "用户对供电质量有特殊要求的，供电企业应当提供相应的电力。",
            &["sdg/7"],
            &[],
        ),
        // A list of utilities a building site needs is no energy policy.
        (
            "满足供水、供电、污水排放、通信等方面的要求。",
            &[],
            &["sdg/7"],
        ),
        (
            "开展大运河沿岸戏曲、节庆、民俗等非物质文化及其相关资料的普查。",
            &["right/economic-social-cultural/culture-science", "sdg/11"],
            &[],
        ),
        (
            "各级人民政府对做出突出贡献的民营科技企业应当给予表彰。",
            &["sdg/9"],
            &[],
        ),
        (
            "研发机构未提交科技成果转化情况年度报告的，责令改正。",
            &["sdg/9", "right/economic-social-cultural/culture-science"],
            &[],
        ),
        (
            "侵犯归侨、侨眷合法权益的，归侨、侨眷有权要求侨务主管部门依法处理。",
            &["group/migrants"],
            &[],
        ),
        ("已建成的城市道路，不得擅自废弃。", &["sdg/11"], &[]),
        (
            "保持历史城区建筑群整体色调。",
            &["sdg/11", "right/economic-social-cultural/culture-science"],
            &[],
        ),
    ]);
}

#[test]
fn a_company_policy_or_code_named_is_its_policy_commitment() {
    expect_tags(&[
        (
            "Red Hat policies also prohibit retaliation against those that raise concerns.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "Sustainability Policy: The Company's Sustainability Policy outlines its ESG related values.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "The Code promotes and expects ethical behaviour in all aspects of our business.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "The Employee Handbook deals with issues in the workplace such as harassment.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        (
            "We will not do business with companies that use forced labour.",
            &["hrdd/policy-commitment"],
            &[],
        ),
        // A state's or an insurer's policy is no company's commitment.
        (
            "Rising interest rates reflect a tighter monetary policy.",
            &[],
            &["hrdd/policy-commitment"],
        ),
        (
            "Our compliance team meets the Senior Vice President of Policy every two weeks.",
            &[],
            &["hrdd/policy-commitment"],
        ),
    ]);
}

#[test]
fn chinese_officials_misconduct_sanctions_normative_documents_and_interpretations_are_rule_of_law()
{
    expect_tags(&[
        (
            "主管部门工作人员滥用职权、玩忽职守、徇私舞弊的，依法给予处分。",
            &["theme/democracy-rule-of-law", "sdg/16"],
            &[],
        ),
        (
            "对直接负责的主管人员依法给予行政处分。",
            &["theme/democracy-rule-of-law"],
            &[],
        ),
        (
            "对管委会制定的规范性文件有异议的，可以提请审查。",
            &["theme/democracy-rule-of-law"],
            &[],
        ),
        (
            "本院以前作出的司法解释与本规定有抵触的，以本规定为准。",
            &["theme/democracy-rule-of-law"],
            &[],
        ),
    ]);
}

#[test]
fn chinese_law_s_cities_courts_rivers_farming_and_science_name_their_goals() {
    expect_tags(&[
        (
            "城乡规划主管部门核发的规划许可证件，应当注明许可有效期。",
            &["sdg/11"],
            &[],
        ),
        (
            "市、区人民政府应当加快城市轨道交通和公共停车场建设。",
            &["sdg/11"],
            &[],
        ),
        (
            "对被害人为未成年人的性侵害案件，检察机关、审判机关应当采取措施保护未成年人。",
            &["sdg/16"],
            &[],
        ),
        (
            "用人单位拖欠工资的，由劳动保障监察机构责令限期支付。",
            &["sdg/8"],
            &[],
        ),
        (
            "禁止在河道管理范围内弃置、堆放阻碍行洪的物体。",
            &["sdg/6"],
            &[],
        ),
        (
            "种子生产经营者应当建立和保存生产经营档案。",
            &["sdg/2"],
            &[],
        ),
        ("县级以上人民政府应当加强科普场馆建设。", &["sdg/9"], &[]),
        // A statute's closing boilerplate names a crime in no sense the goal is about.
        (
            "违反本条例规定，构成犯罪的，依法追究刑事责任。",
            &[],
            &["sdg/16"],
        ),
        (
            "非法买卖未经灭活的毒品原植物种子的，依法处理。",
            &[],
            &["sdg/2"],
        ),
        // The housing department in a list of agencies, and force majeure, are no city or disaster.
        (
            "可以向工商行政、住房保障、车辆管理等部门申请查询另一方的财产状况。",
            &[],
            &["sdg/11"],
        ),
        (
            "对于因自然灾害等不可抗力导致无法办理的，可以延期。",
            &[],
            &["sdg/11"],
        ),
    ]);
}

/// Saving energy in an office and auditing a building's energy are energy efficiency (SDG target
/// 7.3), in an ESG report as in a statute.
#[test]
fn energy_saving_habits_and_energy_audits_are_sdg_7() {
    for text in [
        "号召全员下班随手关灯关电脑关电源。",
        "倡导夏季空调温度设置为26度。",
        "建筑物所有权人或者使用权人应当开展能源审计，采取措施降低能耗。",
    ] {
        assert!(has(text, "sdg/7"), "{text}");
    }
}

/// What a supplier code states is a commitment, in Chinese as in English; a code named is the
/// policy it states until something is done with it; a sanction threatened, a right reserved
/// and a heading's step are no step taken; one supplier made to remediate is.
#[test]
fn codes_sanctions_and_reserved_rights_are_commitments_and_one_supplier_made_to_act_is_a_deed() {
    let (action, remedy, tracking) = ("hrdd/action", "hrdd/remedy", "hrdd/tracking");
    for (text, id, want) in [
        // A supplier code's modals, Simplified and Traditional.
        ("供应商不得使用任何形式的强迫劳动。", action, true),
        ("供應商不得使用任何形式的強迫勞動。", action, true),
        ("承包商不得使用童工。", action, true),
        // A sanction a code threatens.
        ("屡次严重违规者，本公司将终止合作关系。", remedy, true),
        // A right reserved.
        ("公司保留对供应商进行社会责任审核的权利。", tracking, true),
        ("We reserve the right to audit suppliers against this Code.", action, true),
        // A code named, and a code done something with.
        ("Our Supplier Code of Conduct is based on the ETI Base Code.", action, true),
        (
            "In 2023 we rolled out our Supplier Code of Conduct to 300 suppliers.",
            action,
            false,
        ),
        (
            "All suppliers must sign our Supplier Code of Conduct before onboarding.",
            action,
            false,
        ),
        // One supplier made to remediate, in the past: the company's deed.
        (
            "We required the supplier to return all passports within 48 hours, and the supplier reimbursed £23,400 in recruitment fees to the affected workers.",
            remedy,
            false,
        ),
        // What suppliers are required to do in general stays their commitment.
        (
            "We require suppliers to provide remediation to affected workers.",
            remedy,
            true,
        ),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
    // 供应商应付 (payables) binds no supplier to anything, nor does 不得不 ("had to").
    assert!(!has("供应商应付账款周期缩短至60天。", action));
    assert!(!has(
        "受疫情影响，部分供应商不得不停产，经现场审核后恢复供货。",
        action
    ));
    let gm = "hrdd/grievance-mechanism";
    for (text, id, want) in [
        // Every partner with every asking word: 督促承包商 as 要求供应商 was.
        ("我们督促承包商建立申诉机制。", "hrdd/grievance-mechanism", true),
        ("要求该供应商在30天内完成整改。", action, false),
        // One supplier made to act; 将 marking the object, not the future.
        ("我们发现一家供应商须整改，并于2023年完成了审核。", action, false),
        // 此 of 以此 is no one supplier: the asking stays the policy.
        (
            "我们将社会责任表现纳入供应商评级体系，以此要求供应商合规运营、清洁生产。",
            action,
            true,
        ),
        ("公司将终止合作的3家供应商列入黑名单。", remedy, false),
        ("公司将依法设立的工会作为员工申诉渠道。", gm, false),
        // A deed joined after a right reserved, a deed before it, and workers' own right.
        (
            "We reserve the right to audit suppliers, and we conducted 40 audits in 2023.",
            action,
            false,
        ),
        (
            "We provided remediation to 35 workers and reserve the right to end relationships with suppliers that refuse to cooperate.",
            remedy,
            false,
        ),
        (
            "Workers reserve the right to raise grievances through our hotline, which received 40 reports in 2023.",
            gm,
            false,
        ),
        ("员工通过举报热线反映问题时保留匿名举报的权利。", gm, false),
        // A code agreed to, with a share and a year: a deed.
        (
            "In 2023, 100% of our tier-one suppliers agreed to our Supplier Code of Conduct.",
            action,
            false,
        ),
        // Suppliers in general made to act stay an expectation.
        (
            "We required the suppliers in high-risk countries to establish grievance mechanisms for their workers.",
            gm,
            true,
        ),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
}

/// Names with a parenthesised abbreviation inside them, a code with a number after an
/// abbreviation, discipline as a means, and employees' own channels.
#[test]
fn named_codes_numbered_codes_discipline_and_employee_channels() {
    expect_tags(&[
        (
            "Our Supplier Code of Conduct is based on the Ethical Trading Initiative (ETI) Base Code.",
            &["instrument/OTHER"],
            &[],
        ),
        (
            "公司参照《负责任商业联盟（RBA）行为准则》制定了政策。",
            &["instrument/OTHER"],
            &["hrdd/action"],
        ),
        (
            "Every firmware release is verified with CRC-32 checks; customer privacy rights are respected.",
            &[],
            &["instrument/CRC"],
        ),
        (
            "We support the CRC and the rights of children.",
            &["instrument/CRC"],
            &[],
        ),
        // Other numbers are the instrument's own.
        (
            "Our code is aligned with the CRC-1989 and the ICCPR.",
            &["instrument/CRC"],
            &[],
        ),
        (
            "UNGP-31 effectiveness criteria guide our grievance mechanism.",
            &["instrument/UNGP"],
            &[],
        ),
        (
            "供应商不得以扣减工资作为纪律处分手段。",
            &["right/labour/working-conditions"],
            &["hrdd/remedy"],
        ),
        (
            "Suppliers must not use wage deductions as a disciplinary measure.",
            &[],
            &["hrdd/remedy"],
        ),
        (
            "我们设立了员工意见箱和24小时员工热线。",
            &["hrdd/grievance-mechanism"],
            &[],
        ),
        (
            "公司参照《关于来自受冲突影响和高风险区域的矿石的负责任供应链尽职调查指南》开展尽职调查。",
            &["instrument/OTHER"],
            &["instrument/OECD-MNE"],
        ),
    ]);
}

#[test]
fn obeying_the_law_is_no_step() {
    let action = "hrdd/action";
    for text in [
        "We comply with applicable laws, including the Mining Code of the DRC, Chile's Indigenous Law and the UK Modern Slavery Act.",
        "We comply with all applicable data protection laws.",
        "Working hours We comply with all applicable local laws regarding working hours including overtime.",
        "The Group adheres to all relevant legislation.",
    ] {
        assert!(!has(text, action), "{text}: {:?}", tags(text));
    }
    // Someone's compliance checked is tracking.
    let text = "We monitor compliance with labour laws at all supplier sites.";
    assert!(has(text, "hrdd/tracking"), "{text}: {:?}", tags(text));
    // Asked of partners, a purpose of a deed, a law's practice listed, or a code joined to the
    // law: a step still.
    for text in [
        "We adhere to the Modern Slavery Act and our supplier code of conduct.",
        "Our suppliers are required to comply with all applicable laws, including those on forced labour.",
        "Employee hours are monitored in order to comply with working hour regulations.",
        "In terms of recruitment, we comply with all relevant laws and regulations including without limitation ensuring that all employees are legally permitted to work.",
        "We require our contractors to comply with our Supplier Code of Conduct.",
    ] {
        assert!(has(text, action), "{text}: {:?}", tags(text));
    }
}

#[test]
fn a_platform_s_and_a_miner_s_words() {
    expect_tags(&[
        // A sanction on users is no remedy; a way to appeal is there, not planned.
        (
            "Users who violate our Community Guidelines may have their accounts suspended.",
            &[],
            &["hrdd/remedy"],
        ),
        // The OECD's minerals guidance is not the Guidelines for Multinational Enterprises.
        (
            "我们依据《经合组织受冲突影响和高风险区域矿石负责任供应链尽职调查指南》开展尽职调查。",
            &["instrument/OTHER"],
            &["instrument/OECD-MNE"],
        ),
        (
            "We follow the OECD Due Diligence Guidance for Responsible Supply Chains of Minerals from Conflict-Affected and High-Risk Areas.",
            &["instrument/OTHER"],
            &["instrument/OECD-MNE"],
        ),
        // Informed consent in FPIC is no health matter.
        (
            "我们尊重原住民社区自由、事先和知情同意的权利。",
            &["group/indigenous-peoples"],
            &["right/economic-social-cultural/health"],
        ),
        // Remedy in Chinese: wages paid back, workers compensated.
        (
            "已要求其全部归还证件，并对受影响的47名工人补发了工资。",
            &["hrdd/remedy"],
            &[],
        ),
        ("我们对受影响的47名工人进行了补偿。", &["hrdd/remedy"], &[]),
        // Taiwan's words for children and users; a government's request for user data.
        (
            "我們移除了兒少性剝削內容共1,245則。",
            &["group/children"],
            &[],
        ),
        (
            "我們從未向任何政府提供未經法律程序的使用者資料。",
            &["group/users", "theme/government-requests"],
            &[],
        ),
        (
            "Governments may demand that we disclose user data.",
            &["theme/government-requests"],
            &[],
        ),
        ("矿区周边存在非国家武装团体活动。", &["theme/armed-conflict"], &[]),
        // A report's title is no deed.
        ("华跃钴锂集团2024年可持续发展报告", &[], &["stance/action"]),
        // Hiring decisions are work, on a platform too; hate speech on it takes up no ILO convention.
        (
            "We use artificial intelligence in hiring and audit it for bias and discrimination in employment decisions.",
            &["instrument/ILO-FPRW"],
            &[],
        ),
        (
            "Hateful conduct: we removed 412,000 items of hate speech reported by users.",
            &["right/non-discrimination"],
            &["instrument/ILO-FPRW"],
        ),
    ]);
    // The company's own "may" is a plan.
    let text = "We may use our leverage to press suppliers on forced labour.";
    let action = tags(text).into_iter().find(|t| t.tag == "hrdd/action");
    assert!(
        action.as_ref().is_some_and(|t| t.planned),
        "{text}: {action:?}"
    );
    let text = "Users may appeal a removal. We received 301,000 appeals in 2024.";
    let gm = tags(text)
        .into_iter()
        .find(|t| t.tag == "hrdd/grievance-mechanism");
    assert!(gm.as_ref().is_some_and(|t| !t.planned), "{text}: {gm:?}");
}

#[test]
fn collaborating_with_outside_stakeholders_is_engagement() {
    let se = "hrdd/stakeholder-engagement";
    for text in [
        "We engage and collaborate with our internal and external partners and stakeholders to address our gaps.",
        "In evaluating our approach, we solicit feedback from relevant internal and external stakeholders.",
        "Participation in a number of industry associations allows us to benchmark best practices against forced labour.",
        "We are collaborating with local communities and NGOs on a grievance pilot.",
    ] {
        assert!(has(text, se), "{text}: {:?}", tags(text));
    }
    // Suppliers and the company's own teams are no outside stakeholders; unions joined are a right.
    for text in [
        "We collaborate with our suppliers to develop corrective action plans.",
        "We partner with suppliers to improve working conditions in their communities.",
        "Our employees partner with experts in our legal team.",
        "The Company assesses risks through consultations with relevant internal stakeholders.",
        "Workers are free to participate in trade unions.",
    ] {
        assert!(!has(text, se), "{text}: {:?}", tags(text));
    }
}

/// A bank's clients, borrowers and investees are asked as suppliers are: what they are required
/// to set up is the bank's expectation, not its own mechanism.
#[test]
fn what_clients_borrowers_and_investees_are_asked_is_expected_of_them() {
    let (gm, remedy, ia) = (
        "hrdd/grievance-mechanism",
        "hrdd/remedy",
        "hrdd/impact-assessment",
    );
    for (text, id, want) in [
        (
            "Clients of Category A and B projects are required to establish a project-level grievance mechanism.",
            gm,
            true,
        ),
        ("We require clients to provide remedy to affected communities.", remedy, true),
        ("Investee companies are expected to conduct human rights impact assessments.", ia, true),
        ("我们要求客户建立申诉机制。", gm, true),
        ("Borrowers must establish a grievance mechanism for affected communities.", gm, true),
        // The bank's own channel, open to clients, is the bank's.
        ("In 2023 we set up a grievance mechanism for clients and communities.", gm, false),
        ("Clients must have access to our complaints mechanism.", gm, false),
        ("We encourage clients to report concerns through our whistleblowing hotline.", gm, false),
        ("Clients should be able to raise concerns through the grievance mechanism.", gm, false),
        ("Clients should be able to raise concerns through a grievance mechanism.", gm, false),
        // One they are to give stays theirs, and so do their own steps beside "our" words.
        ("Suppliers must enable workers to raise concerns through the grievance mechanism.", gm, true),
        (
            "Borrowers must demonstrate that affected communities can voice concerns via the grievance mechanism.",
            gm,
            true,
        ),
        (
            "We require suppliers who manufacture our products to carry out human rights due diligence.",
            "hrdd/impact-assessment",
            true,
        ),
        (
            "We expect suppliers to use their leverage to remediate adverse impacts on workers.",
            "hrdd/remedy",
            true,
        ),
        // A bank's client managers are its staff, and its clients' data its own.
        ("严禁客户经理泄露客户信息，并对供应商开展审核。", "hrdd/tracking", false),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
}

/// "Shall" states a rule wherever it stands in its clause, unless it carries a practice on;
/// 研究 before 设立 weighs a plan, and 保留…的权利 reserves a right however many steps it names.
#[test]
fn rules_stated_plans_weighed_and_rights_reserved_are_no_steps_taken() {
    let (action, gm, tracking) = ("hrdd/action", "hrdd/grievance-mechanism", "hrdd/tracking");
    for (text, id, want) in [
        (
            "Workers shall be free to resign with reasonable notice and shall retain control of their identity documents.",
            action,
            true,
        ),
        ("MPI shall continue to conduct regular audits of its labour agencies.", action, false),
        // A predicate of its own after the rule reports a deed.
        ("We shall not tolerate forced labour and we audited 50 suppliers in 2023.", action, false),
        // A noun or a time joined inside the rule is the rule's.
        (
            "The Company shall comply with all applicable laws and our Human Rights Policy and conduct human rights due diligence across its operations.",
            "hrdd/impact-assessment",
            true,
        ),
        (
            "We shall respect the rights of our employees and our suppliers' workers and provide access to effective remedy.",
            "hrdd/remedy",
            true,
        ),
        (
            "Each business unit shall assess its risks and in 2025 conduct a human rights impact assessment.",
            "hrdd/impact-assessment",
            true,
        ),
        // 保留 with steps and a sanction before 权利, or 权利 right after the step.
        ("公司保留对供应商进行审核以及终止合作的权利。", tracking, true),
        ("公司保留对供应商进行现场审核并视情况予以处罚的权利。", tracking, true),
        ("公司保留随时对供应商进行现场审核权利。", tracking, true),
        // 保留 "keeps" records; 充分考虑 weighs nothing.
        ("公司保留完整的人权尽职调查记录以保障员工合法权利。", "hrdd/impact-assessment", false),
        ("我们在采购决策中充分考虑开展供应商人权尽职调查。", "hrdd/impact-assessment", false),
        ("研究設立面向社區的申訴渠道。", gm, true),
        ("华禾保留对供应商进行现场审核或委托第三方审核的权利。", tracking, true),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
    // A rule reports no deed.
    assert!(!has(
        "Workers shall retain control of their identity documents.",
        "stance/action"
    ));
    // 研究 as the work itself plans nothing: a deed stays one.
    let deed =
        "总结分析满意度调查结果研究制定2023年基层网点员工关爱工程要点以持续提升基层网点员工满意度";
    assert!(has(deed, "stance/action"), "{:?}", tags(deed));
}

/// From an analyst's review of a platform's and a retailer's documents: a list of employment
/// decisions names no remedy or action; partners four words after the asking, or after a phrase,
/// are asked; a list of predicates shares its "will"; a platform's refunds, withdrawn penalties
/// and restored accounts are remedy, and "no adverse treatment" is non-retaliation.
#[test]
fn decision_lists_partner_phrases_shared_plans_and_platform_remedies() {
    let (action, remedy) = ("hrdd/action", "hrdd/remedy");
    let grounds = "7.1 There is no discrimination in hiring, compensation, access to training, promotion, termination or retirement based on race, caste, national origin, religion, age, disability, gender, marital status, sexual orientation, union membership or political affiliation.";
    assert!(!has(grounds, remedy), "{:?}", tags(grounds));
    assert!(!has(grounds, action), "{:?}", tags(grounds));
    // Redress listed with pay stays redress.
    assert!(has(
        "We provided compensation, back pay and reinstatement to the affected workers.",
        remedy
    ));
    for (text, id, want) in [
        (
            "We expect our labour service partners to conduct their own due diligence, to identify risks of excessive working hours and unpaid wages, and to remediate any adverse impacts they cause.",
            remedy,
            true,
        ),
        (
            "Suppliers found in breach of this Code must agree and implement a corrective action plan.",
            remedy,
            true,
        ),
        // What suppliers complete is the company's questionnaire.
        (
            "Since June 2021, Organon has required all new direct suppliers to complete and return a Supplier Self-Assessment Questionnaire prior to entering into a contract.",
            action,
            false,
        ),
        (
            "In 2024/25 we will map our Tier 3 cotton and yarn suppliers, extend unannounced audits to 75% of Tier 1 sites and publish our first list of Tier 2 mills.",
            action,
            true,
        ),
        (
            "In 2023 we mapped our Tier 2 suppliers, extended unannounced audits to 60% of Tier 1 sites and published our supplier list.",
            action,
            false,
        ),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
    // What a review of those rules found too broad: a "will" carrying a practice on or in a
    // relative clause plans no list; redress with back pay is no list of decisions; a partner's
    // phrase ends at another subject; the company's buyers asked beside suppliers are its own.
    for (text, id, want) in [
        (
            "We will continue to map our supply chain, conduct audits of high-risk suppliers and train our buyers on forced labour.",
            action,
            false,
        ),
        (
            "We will keep working with suppliers, conduct unannounced audits and remediate any violations found.",
            remedy,
            false,
        ),
        (
            "Last year we launched a Supplier Code that all suppliers will sign, set up a grievance hotline for workers and trained 200 buyers.",
            "hrdd/grievance-mechanism",
            false,
        ),
        (
            "Each year we appoint an independent firm that will visit our factories, conduct unannounced audits and report the findings to our board.",
            action,
            false,
        ),
        (
            "Suppliers must acknowledge and promptly address all grievances raised by their workers through an effective grievance mechanism.",
            "hrdd/grievance-mechanism",
            true,
        ),
        (
            "Suppliers shall cooperate and provide timely remediation to all workers affected by violations of this Code.",
            action,
            true,
        ),
        (
            "For suppliers in high-risk countries our sourcing team must approve each new order and in 2023 carried out 40 unannounced social audits.",
            action,
            false,
        ),
        (
            "We require our buyers and suppliers to attend training on forced labour indicators.",
            action,
            false,
        ),
    ] {
        assert_eq!(planned(text, id), Some(want), "{id} in {text}");
    }
    for text in [
        "Following the investigation, the 35 affected workers received compensation, back pay and the benefits they were owed.",
        "Affected workers were paid compensation, wages and benefits for the period of the suspension.",
    ] {
        let t = tags(text);
        let r = t.iter().find(|t| t.tag == remedy);
        assert!(
            r.is_some_and(|r| r.evidence.iter().any(|e| e.matched == "compensation")),
            "{t:?}"
        );
    }
    expect_tags(&[
        // Unequal treatment, a licence revoked, an account reopened, a deposit returned: no
        // reprisal and no redress.
        (
            "公司坚持平等雇佣，员工不因性别、民族而在招聘、晋升和薪酬方面受到不利对待。",
            &[],
            &["hrdd/non-retaliation"],
        ),
        ("有下列情形之一的，由发证机关撤销许可证，并依法给予行政处罚。", &[], &[remedy]),
        (
            "客户账户长期未发生交易的，可凭有效身份证件到营业网点申请恢复账户。",
            &[],
            &[remedy],
        ),
        ("骑手离职后，平台在30日内退还骑手装备押金。", &[], &[remedy]),
        ("2024年，13,105件申诉成立，相关处罚已全部撤销，扣款已全额退还。", &[remedy], &[]),
        (
            "第十七条 经核实申诉成立的，平台应撤销相关处罚，退还已扣减的服务费，并恢复账号状态。",
            &[remedy],
            &[],
        ),
        (
            "第十八条 骑手不因提出申诉而受到任何形式的不利对待。",
            &["hrdd/non-retaliation"],
            &[],
        ),
        // A law revoking a licence and fining is no refund or withdrawn penalty.
        (
            "第五十三条 违反本条例规定，由海洋发展部门责令退还非法占用的海域，恢复原状，没收违法所得，并处罚款。",
            &[],
            &[remedy],
        ),
    ]);
}

/// Hong Kong's term for due diligence, and workers keeping their own passports.
#[test]
fn hong_kong_due_diligence_and_passports_kept() {
    expect_tags(&[
        (
            "本行於年內完成對186家企業客戶的人權盡職審查。",
            &["hrdd/impact-assessment"],
            &[],
        ),
        (
            "外籍工人的护照由本人自行保管。",
            &["right/labour/forced-labour"],
            &[],
        ),
        // A passport office is no forced labour.
        (
            "员工可在护照办理期间申请事假。",
            &[],
            &["right/labour/forced-labour"],
        ),
    ]);
}

/// An English plural is "-es" only where English writes it: the Spanish "tribales" is no
/// "tribal".
#[test]
fn an_english_plural_takes_es_only_after_a_hissing_sound() {
    expect_tags(&[
        (
            "Pueblos Indígenas y Tribales en Países Independientes.",
            &[],
            &["group/indigenous-peoples"],
        ),
        (
            "We respect the rights of tribal peoples.",
            &["group/indigenous-peoples"],
            &[],
        ),
    ]);
}
