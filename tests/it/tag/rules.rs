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
