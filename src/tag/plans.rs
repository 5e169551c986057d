//! Steps pledged or planned, not yet taken: "will", "plan to", 将, 计划, 拟.

use super::*;

/// Whether the clause of normalized text `t` holding `start..end` states a plan, not a deed: "we
/// plan to conduct an assessment in 2025", "in 2024 we intend to roll out training", 公司计划于明年
/// 开展评估, or "will" before the match ("we will conduct it in 2025"; not "we have conducted it and
/// will continue"), or a modal or "ensure" among the three words before it ("all staff should have
/// been trained", "suppliers must have been audited", "ensure that workers are provided with").
///
/// `plans` keeps, for the passage `t`, whether it holds any word read below at all: where it
/// holds none (most passages), no match in it is planned and no clause is read.
pub(super) fn planned(t: &str, start: usize, end: usize, plans: &mut Option<bool>) -> bool {
    pub(super) const PLAN_REACH: usize = 600;
    pub(super) const MODALS: &[&str] =
        &["should", "shall", "would", "must", "may", "might", "could"];
    pub(super) const PLAN: &[&str] = &[
        "plan to",
        "plans to",
        "planning to",
        "intend to",
        "intends to",
        "intending to",
        "aim to",
        "aims to",
        "expect to",
        "expects to",
        "going to",
        "next year",
        "in the coming",
        "计划于",
        "计划在",
        "计划将",
        "计划明年",
        "拟于",
        "拟在",
        "拟将",
        "预计将",
        "预计于",
        "将于",
        "明年",
        "下一年度",
    ];
    // Every word the checks at the end look for, [`zh_plans`]' included.
    static ANY: WordScan = WordScan::new(|| {
        word_find(
            PLAN.iter()
                .chain(MODALS)
                .chain(&[PLAN_WILL, ZH_PLAN_INTENT])
                .chain(PLAN_ENSURE)
                .chain(ZH_PLAN_MARKERS),
        )
    });
    if !*plans.get_or_insert_with(|| ANY.is_match(t)) {
        return false;
    }
    // A plan is stated near its deed: bounded, so that a passage of one long clause of deeds
    // stays linear.
    let lo = t.floor_char_boundary(start.saturating_sub(PLAN_REACH));
    let hi = t.ceil_char_boundary((end + PLAN_REACH).min(t.len()));
    let mut from = clause_start(t, lo, start);
    // A clause of time ("once the policies have been introduced", "when training is
    // complete") is the next clause's: "we will provide training during 2024, once the new
    // policies have been introduced" plans both.
    if from > lo && opens_time_clause(&t[from..start]) {
        // Before the break char, which may take more than one byte (、, 》).
        from = clause_start(t, lo, t.floor_char_boundary(from - 1));
    }
    // A list after a colon is planned by its lead-in: "We intend to take the following further
    // steps: review our contracts and decide on remediation". Not a clause with a doer or a year
    // of its own ("As we will explain below: during the year we carried out 25 audits"), a
    // lead-in that carries on ("We will continue to take the following steps:") or a colon
    // inside a name ("SA8000:2014").
    if from > lo && t[..from].ends_with(':') && t[from..].starts_with(' ') {
        let lead_from = clause_start(t, lo, from - 1);
        let lead = &t[lead_from..from - 1];
        let list = &t[from..start];
        let own = has_word(list, "we")
            || list.split_whitespace().any(|w| {
                w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit())
            });
        // A lead-in that carries on or points the reader on ("which will evolve", "This
        // statement will set out:") plans nothing of what follows.
        const NOT_PLANS: &[&str] = &[
            "continue",
            "which will",
            "set out",
            "explain",
            "describe",
            "outline",
            "below",
        ];
        let carries_on = NOT_PLANS.iter().any(|w| lead.contains(w));
        let plans =
            has_word(lead, PLAN_WILL) || PLAN.iter().any(|p| p.is_ascii() && lead.contains(p));
        if !own && !carries_on && plans {
            from = lead_from;
        }
    }
    // A list of predicates shares its subject and its modal: "we will map our tier 3 suppliers,
    // extend unannounced audits to 75% of sites and publish…" plans the audits too. Only a
    // clause after a comma that opens with a verb's plain form reaches back, and only to a
    // clause whose own predicate is the plan ([`shared_plan`]).
    let mut lead = from;
    for _ in 0..4 {
        if lead <= lo || !t[..lead].ends_with(',') {
            break;
        }
        let clause = t[lead..start].trim_start();
        let clause = clause.strip_prefix("and ").unwrap_or(clause);
        let first = clause.split_whitespace().next().unwrap_or("");
        if !LISTED_VERBS.contains(&first) {
            break;
        }
        lead = clause_start(t, lo, lead - 1);
        if shared_plan(&t[lead..from]) {
            from = lead;
            break;
        }
    }
    let to = t[end..hi].find(is_clause_break).map_or(hi, |i| end + i);
    // A plan joined after the deed is the next predicate's: "we conducted 40 audits and we
    // expect to do more next year", 开展了尽职调查并计划明年扩展.
    let to = end + joined_plan(&t[end..to]).unwrap_or(to - end);
    let clause = &t[from..to];
    // One pass for all the plan words: this runs for every step matched.
    static PLANS: WordScan = WordScan::new(|| word_scan(PLAN));
    PLANS
        .find_overlapping_iter(clause)
        .any(|m| is_whole_word(clause, m.start(), m.end()))
        || zh_plans(clause)
        || has_word(&t[from..start], PLAN_WILL)
        || t[from..start]
            .split_whitespace()
            .rev()
            .take(3)
            // "Suppliers must ensure that workers are provided with contracts": what is to be
            // ensured is not reported done.
            .any(|w| {
                (MODALS.contains(&w)
                    && !(w == "may" && permitted_use(&t[from..start], &t[start..end])))
                    || PLAN_ENSURE.contains(&w)
            })
}

/// Verbs in their plain form that open a predicate of a list sharing its subject and modal
/// ([`planned`]); not "set", "put" or "read", the same in the past.
const LISTED_VERBS: &[&str] = &[
    "map",
    "extend",
    "publish",
    "conduct",
    "train",
    "launch",
    "establish",
    "introduce",
    "develop",
    "review",
    "expand",
    "implement",
    "assess",
    "audit",
    "engage",
    "update",
    "complete",
    "strengthen",
    "roll",
    "provide",
    "deliver",
    "create",
    "carry",
    "undertake",
    "improve",
    "increase",
    "require",
    "monitor",
    "integrate",
    "embed",
    "enhance",
    "pilot",
    "begin",
    "start",
    "adopt",
    "investigate",
    "remediate",
    "report",
    "share",
    "disclose",
    "consult",
    "invest",
];

/// Whether the lead clause of a list of predicates (from its start to the list's second
/// member) plans them all: its own subject's "will", "plan to", "intend to" or "aim to" ("in
/// 2024/25 we will map…"), not one in a relative clause ("a code that all suppliers will sign",
/// "a firm that will visit"), nor one that carries a practice on ("we will continue to map…"),
/// nor a lead with a deed in the past ("last year we launched…").
fn shared_plan(lead: &str) -> bool {
    const PLANS: &[&str] = &[
        "will",
        "plan to",
        "plans to",
        "intend to",
        "intends to",
        "aim to",
        "aims to",
    ];
    const RELATIVE: &[&str] = &["that", "which", "who", "whom", "where", "whose"];
    const ONGOING: &[&str] = &["continu", "keep", "remain", "maintain"];
    let Some(at) = PLANS
        .iter()
        .filter_map(|p| {
            lead.match_indices(p)
                .find(|&(i, _)| is_whole_word(lead, i, i + p.len()))
                .map(|(i, _)| i)
        })
        .min()
    else {
        return false;
    };
    let (head, tail) = lead.split_at(at);
    !words(head).any(|w| RELATIVE.contains(&w) || past_form(w))
        && !words(tail)
            .take(4)
            .any(|w| ONGOING.iter().any(|o| w.starts_with(o)))
}

/// The words of `s`: its runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether an English word is a verb's past form (a regular one in -ed, or a common irregular
/// one): what a deed joined to a rule or a plan is told in ("… and in 2023 the company trained").
fn past_form(w: &str) -> bool {
    const PAST: &[&str] = &[
        "has", "have", "had", "was", "were", "did", "made", "took", "held", "began", "ran", "set",
        "met", "led", "built",
    ];
    PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed"))
}

/// Whether "shall" stands before a match in its clause: the clause states a rule, wherever the
/// modal stands in it ("workers shall be free to resign and shall retain control of their
/// identity documents"), and reports nothing done, unless it carries a practice on ("shall
/// continue to"). A policy's own commitment is stated so.
pub(super) fn rule_stated(t: &str, start: usize, end: usize) -> bool {
    let lo = t.floor_char_boundary(start.saturating_sub(600));
    if !t[lo..start].contains("shall") {
        return false;
    }
    let from = clause_start(t, lo, start);
    let head = &t[from..start];
    let Some(at) = head
        .match_indices("shall")
        .map(|(at, _)| at)
        .filter(|&at| is_whole_word(head, at, at + "shall".len()))
        .last()
    else {
        return false;
    };
    // "MPI shall continue to conduct regular audits" carries a practice on; the match may say
    // so itself ("continue to review"). A subject or a time joined after the rule opens a
    // predicate of its own: "we shall not tolerate forced labour and we audited 50 suppliers".
    !has_word(&t[from + at..end], "continue") && !opens_predicate(&head[at..])
}

/// Whether a joining word in `rest` opens a predicate of its own: " and we audited", " but
/// they", or a subject or a time followed by a verb in the past (", and in 2023 the company
/// trained"). Not a noun joined inside the rule ("… and our Human Rights Policy") nor a time of
/// what the rule asks ("… and in 2025 conduct an assessment").
fn opens_predicate(rest: &str) -> bool {
    const JOINERS: &[&str] = &[" and ", " but ", " while ", "; "];
    const PRONOUNS: &[&str] = &["we ", "they ", "it "];
    const OPENERS: &[&str] = &[
        "the company ",
        "the group ",
        "in 19",
        "in 20",
        "last year",
        "this year",
    ];
    let past_follows = |after: &str| words(after).skip(1).take(5).any(past_form);
    JOINERS.iter().any(|j| {
        rest.match_indices(j).any(|(at, _)| {
            let after = rest[at + j.len()..].trim_start();
            PRONOUNS.iter().any(|o| after.starts_with(o))
                || (OPENERS.iter().any(|o| after.starts_with(o)) && past_follows(after))
        })
    })
}

/// Whether a match is a way to raise a concern, which "may" before it permits rather than
/// plans: "users may appeal a removal", "employees may report concerns to the hotline" say the
/// channel is there. Not the company's own "may" ("we may report publicly"), which is a plan.
/// `head` is the clause up to the match.
fn permitted_use(head: &str, matched: &str) -> bool {
    pub(super) const USES: &[&str] = &[
        "appeal", "report", "raise", "contact", "submit", "lodge", "file", "complain", "call",
        "email", "e-mail", "escalate", "speak",
    ];
    let before_may = head
        .rsplit_once(" may ")
        .or_else(|| head.strip_prefix("may ").map(|r| ("", r)))
        .map_or("", |(b, _)| b);
    let company = before_may
        .split_whitespace()
        .last()
        .is_some_and(|w| ["we", "company", "group", "i"].contains(&w));
    !company
        && USES.iter().any(|w| {
            matched
                .strip_prefix(w)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        })
}

/// Verbs and prepositions after which 将 means "will" (我们将建立, 将对供应商开展), not the
/// object marker of 我们将补救指南翻译成多种语言.
pub(super) const ZH_PLAN_VERBS: &[&str] = &[
    "建立",
    "设立",
    "开展",
    "实施",
    "推出",
    "制定",
    "进行",
    "启动",
    "引入",
    "推动",
    "加强",
    "完善",
    "提供",
    "采取",
    "组织",
    "举办",
    "发布",
    "成立",
    "搭建",
    "推进",
    "落实",
    "开发",
    "部署",
    "扩大",
    "扩展",
    "覆盖",
    "定期",
    "逐步",
    "进一步",
    "全面",
    "陆续",
    "加快",
    "探索",
    "研究",
    "评估",
    "审核",
    "培训",
    "上线",
    // Sanctions a code threatens: 违规者，本公司将终止合作关系.
    "终止",
    "暂停",
    "停止",
    "取消",
    "解除",
    "追究",
    "依法",
    "立即",
    "要求",
    "对",
    "在",
    "与",
    "向",
    "会",
    "于",
];

/// Whether the 将 just before `rest` (the text after it) marks the object of a verb of
/// disposal, not the future: 我们将生物多样性保护纳入公司战略, 将 ESG 理念融入经营管理 ("we
/// make biodiversity part of our strategy"), which commits to nothing. A verb or an adverb after
/// it (我们将建立, 将继续将…纳入) is the future.
pub(super) fn zh_object_marker(rest: &str) -> bool {
    pub(super) const DISPOSALS: &[&str] = &[
        "纳入",
        "融入",
        "作为",
        "视为",
        "列为",
        "列入",
        "转化为",
        "翻译",
        "打造成",
        "打造为",
        "建设成",
        "建设为",
        "提升为",
        "贯穿",
        "落实到",
        "融合到",
        "融合进",
    ];
    pub(super) const ADVERBS: &[&str] =
        &["继续", "持续", "不断", "始终", "努力", "积极", "会", "以"];
    // Verbs that are nouns too (评估结果, 审核发现, 培训课程) do not settle it.
    // Nor do the verbs of a sanction or an adverb that may open a phrase on the object
    // (将终止合作的3家供应商列入黑名单, 将依法设立的工会作为申诉渠道).
    pub(super) const NOUNS_TOO: &[&str] = &[
        "评估", "审核", "培训", "研究", "覆盖", "要求", "终止", "暂停", "停止", "取消", "解除",
        "追究", "依法", "立即",
    ];
    let rest = rest.trim_start();
    if ZH_PLAN_VERBS
        .iter()
        .chain(ADVERBS)
        .any(|v| rest.starts_with(v) && !NOUNS_TOO.contains(v))
    {
        return false;
    }
    // Within the clause, and near: a disposal far away is another predicate's.
    let near = &rest[..rest.floor_char_boundary(rest.len().min(90))];
    let clause = near.find(is_clause_break).map_or(near, |e| &near[..e]);
    DISPOSALS.iter().any(|d| clause.contains(d))
}

/// The future before a deed that [`planned`] reads as a plan; its gate looks for it too.
pub(super) const PLAN_WILL: &str = "will";
/// What is to be ensured is not reported done ([`planned`]); its gate looks for these too.
pub(super) const PLAN_ENSURE: &[&str] = &["ensure", "ensuring"];

/// The word that states a plan in [`zh_plans`] on its own (打算, "intend").
pub(super) const ZH_PLAN_INTENT: &str = "打算";
/// The words before a verb that [`zh_plans`] reads a plan from (将 only before a verb); 考虑
/// before one, and 研究 before 设立 or 建立, are a plan weighed (研究设立申诉渠道, "will study
/// setting up a channel").
pub(super) const ZH_PLAN_MARKERS: &[&str] = &["将", "计划", "拟", "准备", "研究", "考虑"];

/// Whether a Chinese clause states a plan with a verb: 我们将建立申诉机制, 公司计划开展评估, 拟引入,
/// 打算, 准备推出. 将 before a noun marks the object (我们将补救指南翻译成多种语言: "we translate
/// the remedy guide"), so only 将 before a verb or a preposition counts; 按计划开展 is a plan
/// followed, not made.
pub(super) fn zh_plans(clause: &str) -> bool {
    if clause.is_ascii() {
        return false;
    }
    // A deed done in the clause (开展了, 已完成) is no plan, whatever noun it follows.
    if clause.contains('了') || clause.contains('已') {
        return false;
    }
    if clause.contains(ZH_PLAN_INTENT) {
        return true;
    }
    ZH_PLAN_MARKERS.iter().any(|m| {
        clause.match_indices(m).any(|(at, _)| {
            let before = &clause[..at];
            let after = &clause[at + m.len()..];
            let noun = match *m {
                // 计划 after a noun is one (年度审核计划, 整改计划); after its subject, a
                // time or an adverb, a verb (我们计划, 明年计划, 并计划).
                "计划" => before.chars().next_back().is_some_and(|c| {
                    crate::lang::is_han(c) && !"们司团行并还也年将拟正现亦均后来今".contains(c)
                }),
                // 模拟, 虚拟: no plan.
                "拟" => before.ends_with(['模', '虚']),
                "将" => zh_object_marker(after),
                // 研究 is as often the work itself (支持研究, 研究制定了要点).
                "研究" => !after.starts_with("设立") && !after.starts_with("建立"),
                // 充分考虑 "takes full account of" as a principle, weighing nothing.
                "考虑" => ["充分", "综合", "统筹", "全面", "兼顾"]
                    .iter()
                    .any(|a| before.ends_with(a)),
                _ => false,
            };
            !noun && ZH_PLAN_VERBS.iter().any(|v| after.starts_with(v))
        })
    })
}

/// Whether a due-diligence step matched at `start` of normalized text `t` is only pledged: "we
/// are committed to providing remedy", "we pledge to conduct impact assessments", 我们承诺实施
/// 补救. A pledge to a step is a commitment to it, not the step; the noun ("in line with our
/// commitment to X, we audited") pledges nothing. A deed stated between the pledge and the
/// match is the step: "we are committed to respecting human rights and have conducted impact
/// assessments", 承诺尊重人权，2023年开展了人权影响评估.
pub(super) fn pledged(t: &str, start: usize, sentence_start: impl FnOnce() -> usize) -> bool {
    pub(super) const PLEDGES: &[&str] = &[
        "commit to",
        "commits to",
        "committed to",
        "pledge to",
        "pledges to",
        "pledged to",
        "承诺",
    ];
    pub(super) const DEEDS: &[&str] = &[
        "have",
        "has",
        "had",
        "was",
        "were",
        "did",
        "during",
        // A new clause of the company's own: "…committed to X, and we provide remedy".
        "we",
        "了",
        "已",
        "曾",
        "报告期内",
        "本年度",
        "累计",
        "截至",
    ];
    // The sentence before the match, bounded so that a long one stays linear.
    let lo = t.floor_char_boundary(start.saturating_sub(300));
    // Most step matches have no pledge near them: three searches settle it.
    let near = &t[lo..start];
    if !(near.contains("commit") || near.contains("pledge") || near.contains("承诺")) {
        return false;
    }
    // The tagger's own sentence bounds, asked for only now: most step matches stop above.
    let from = sentence_start().clamp(lo, start);
    let before = &t[from..start];
    let Some(after_pledge) = PLEDGES
        .iter()
        .filter_map(|p| {
            before
                .match_indices(p)
                .map(|(at, _)| (&before[..at], &before[at + p.len()..]))
                .filter(|(pre, rest)| {
                    // 承诺 as a noun pledges nothing: 人权承诺, 履行承诺, 承诺制; a letter of
                    // commitment (承诺书) is a document, signing it a deed.
                    if p.starts_with(crate::lang::is_han) {
                        return !pre.ends_with(['的', '权', '行', '现', '用'])
                            && !rest.starts_with(['书', '函', '制', '付', '的', ',', '。']);
                    }
                    // Funds committed to remediation are allocated, not pledged.
                    const ALLOCATED: &[&str] =
                        &["funds ", "resources ", "capital ", "money ", "budget "];
                    !pre.ends_with(char::is_alphanumeric)
                        && !rest.starts_with(char::is_alphanumeric)
                        && !ALLOCATED.iter().any(|a| pre.ends_with(a))
                })
                .map(|(_, rest)| before.len() - rest.len())
                .last()
        })
        .max()
    else {
        return false;
    };
    // 为了 and 除了 ("in order to", "besides") are no 了 of a deed.
    let between = before[after_pledge..]
        .replace("为了", "")
        .replace("除了", "");
    // A year ("in 2023", 2023年) dates a deed; a target's year (到2030年, "by 2030") does not.
    let b = between.as_bytes();
    let dated = (0..b.len().saturating_sub(3)).any(|i| {
        b[i..i + 4].iter().all(u8::is_ascii_digit)
            && matches!(b[i..i + 2], [b'1', b'9'] | [b'2', b'0'])
            && !["到", "至", "by ", "until ", "before "]
                .iter()
                .any(|p| between[..i].trim_end_matches(' ').ends_with(p.trim_end()))
    });
    !dated && !DEEDS.iter().any(|d| has_word(&between, d))
}

/// Where the clause holding `at` starts in `t`, looking back no further than `lo`.
pub(super) fn clause_start(t: &str, lo: usize, at: usize) -> usize {
    t[lo..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8())
}

/// Whether a clause opens with a conjunction of time (once, when, after, until, as soon as).
pub(super) fn opens_time_clause(clause: &str) -> bool {
    pub(super) const OPENERS: &[&str] = &["once ", "when ", "after ", "until ", "as soon as "];
    let c = clause.trim_start();
    OPENERS.iter().any(|o| c.starts_with(o))
}

/// Whether a due-diligence step matched at `start..end` of normalized text `t` is only planned,
/// intended, required or possible ([`planned`]: "we will establish remediation procedures",
/// "we plan to conduct audits", "suppliers must have a grievance mechanism"), not one the
/// company keeps up: "we will continue to audit our suppliers" states audits done.
pub(super) fn step_planned(t: &str, start: usize, end: usize, plans: &mut Option<bool>) -> bool {
    pub(super) const ONGOING: &[&str] = &[
        "continue",
        "continues",
        "continuing",
        "keep",
        "remain",
        "继续",
        "持续",
    ];
    if !planned(t, start, end, plans) {
        return false;
    }
    let from = clause_start(t, t.floor_char_boundary(start.saturating_sub(120)), start);
    // The match itself may say so ("continue to review").
    !ONGOING.iter().any(|w| has_word(&t[from..end], w))
}

/// Where in `rest`, the text of a clause after a deed, a joining word opens a predicate of its
/// own that states a plan: " and (we) expect to", " and aim to", " but will", 并计划, 同时将. A
/// joined noun ("training and audits next year") opens none.
pub(super) fn joined_plan(rest: &str) -> Option<usize> {
    pub(super) const JOINERS: &[&str] = &[" and ", " but ", " while ", "并", "但", "同时", "且"];
    pub(super) const SUBJECTS: &[&str] = &[
        "we ",
        "they ",
        "it ",
        "the company ",
        "我们",
        "公司",
        "本公司",
    ];
    pub(super) const PLANS: &[&str] = &[
        "will ",
        "plan",
        "intend",
        "aim",
        "expect",
        "hope",
        "are going to",
        "is going to",
        "计划",
        "拟",
        "将",
        "预计",
        "力争",
        "希望",
    ];
    // One pass for the joiners, none of which holds another, each occurrence taken once as a
    // search for each would (" and and plan" joins once): the first followed by a plan is the
    // leftmost.
    static JOINED: WordScan = WordScan::new(|| word_scan(JOINERS));
    // Each joiner's own occurrences do not overlap, as a search for it found them; another's may
    // (" and while ").
    let mut ends = [0usize; JOINERS.len()];
    JOINED.find_overlapping_iter(rest).find_map(|m| {
        let last = &mut ends[m.pattern().as_usize()];
        if m.start() < *last {
            return None;
        }
        *last = m.end();
        let after = rest[m.end()..].trim_start();
        let after = SUBJECTS
            .iter()
            .find_map(|s| after.strip_prefix(s))
            .unwrap_or(after);
        let after = after.strip_prefix("also ").unwrap_or(after);
        PLANS
            .iter()
            .any(|p| after.starts_with(p))
            .then_some(m.start())
    })
}

/// Whether a step matched at `start..end` of normalized text `t` only names a code ("our Supplier
/// Code of Conduct is based on the ETI Base Code", 参照《供应商行为准则》): a code is the policy
/// it states, a commitment, and the step taken only where its sentence reports something done with
/// it ("we rolled out our Supplier Code of Conduct to 300 suppliers", 签署了《供应商行为准则》).
pub(super) fn names_code_only(
    t: &str,
    start: usize,
    end: usize,
    sentence: impl FnOnce() -> (usize, usize),
) -> bool {
    pub(super) const CODES: &[&str] =
        &["code of conduct", "base code", "supplier code", "行为准则"];
    // Done with a code, or what suppliers are bound to do with it ("must sign"), which the
    // company's step on them is.
    pub(super) const DONE: &[&str] = &[
        "sign",
        "signed",
        "rolled out",
        "introduced",
        "launched",
        "implemented",
        "distributed",
        "communicated",
        "issued",
        "updated",
        "revised",
        "adopted",
        "published",
        "trained",
        "training",
        "acknowledge",
        "acknowledged",
        "accept",
        "accepted",
        "audited",
        "audits",
        "enforced",
        "sent",
        "we provide",
        "provided",
        "agreed",
        "translated",
        "assessed",
        "terminated",
        "violating",
        "violated",
        "violation",
        "violations",
        "breached",
        "shared",
        "breach",
        "breaches",
        "签署",
        "签订",
        "发布",
        "修订",
        "更新",
        "培训",
        "宣贯",
        "审核",
        "违反",
        "了",
        "已",
    ];
    let m = &t[start..end];
    if !CODES.iter().any(|c| m.ends_with(c)) {
        return false;
    }
    // The sentence, as the tagger bounds it, up to 200 bytes each side so that a long one stays
    // linear.
    let (from, to) = sentence();
    let from = t.floor_char_boundary(from.max(start.saturating_sub(200)));
    let to = t.floor_char_boundary(to.min(end + 200).min(t.len()));
    let sentence = &t[from..to];
    // A share or a year of the report is a figure of what was done ("in 2023, 100% of our
    // suppliers…", 2023年…).
    let dated = || {
        sentence.contains('%')
            || ["in 20", "during 20", "since 20", "fy20"].iter().any(|p| {
                sentence
                    .match_indices(p)
                    .any(|(i, _)| sentence[i + p.len()..].starts_with(|c: char| c.is_ascii_digit()))
            })
            || sentence.match_indices('年').any(|(i, _)| {
                let b = &sentence.as_bytes()[..i];
                b.len() >= 4 && b[b.len() - 4..].iter().all(u8::is_ascii_digit)
            })
    };
    !(dated()
        || DONE.iter().any(|d| {
            if d.is_ascii() {
                has_word(sentence, d)
            } else {
                sentence.contains(d)
            }
        }))
}

/// Whether a step matched at `start..end` of normalized text `t` is one the company reserves the
/// right to take ("we reserve the right to audit suppliers", 公司保留对供应商进行审核的权利): a right
/// reserved is no step taken. Only a step after the reservation in its clause, with no new
/// predicate between ("…, and we conducted 40 audits"), and not a right of workers or reporters
/// ("Workers reserve the right to raise grievances", 员工…保留匿名举报的权利).
pub(super) fn reserved(t: &str, start: usize, end: usize) -> bool {
    pub(super) const RESERVE: &[&str] = &[
        "reserve the right to",
        "reserves the right to",
        "reserved the right to",
        "reserving the right to",
    ];
    pub(super) const HOLDERS: &[&str] = &[
        "employees",
        "employee",
        "workers",
        "worker",
        "staff",
        "colleagues",
        "individuals",
        "reporters",
        "whistleblowers",
        "you",
        "员工",
        "职工",
        "工人",
        "劳动者",
        "举报人",
        "投诉人",
    ];
    let lo = t.floor_char_boundary(start.saturating_sub(200));
    let near = &t[lo..start];
    // The reservation may hold the match's first words ("reserve the right to audit", whose
    // "right to audit" is a step's keyword).
    let upto = &t[lo..end];
    if let Some((at, r)) = RESERVE
        .iter()
        .filter_map(|r| upto.rfind(r).map(|at| (at, r)))
        .filter(|&(at, _)| at < near.len())
        .max()
    {
        let between = near.get(at + r.len()..).unwrap_or("");
        let holder = near[..at]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| HOLDERS.contains(&w));
        return !holder && !between.contains(';') && !opens_predicate(between);
    }
    // 保留 before the step, 权利 after it, in one clause.
    let Some(at) = near.rfind("保留") else {
        return false;
    };
    let before = &near[..at];
    let clause_from = before.rfind([',', '，', '。', ';', '；']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let holder = HOLDERS.iter().any(|h| before[clause_from..].contains(h));
    let between = &near[at..];
    // Twenty chars on: a second step may come first (现场审核或委托第三方审核的权利).
    let hi = t.floor_char_boundary((end + 60).min(t.len()));
    let after = &t[end..hi];
    let after = after
        .find(['，', ',', '。', ';', '；'])
        .map_or(after, |i| &after[..i]);
    // The right the steps are objects of (…审核的权利, 审核权利), not one a purpose protects
    // (保留完整的尽职调查记录以保障员工合法权利: 保留 "keeps" records).
    const PURPOSES: &[&str] = &[
        "以保障",
        "以维护",
        "以确保",
        "以保护",
        "以便",
        "用以",
        "旨在",
        "从而",
        "为了",
    ];
    let object = after.find("权利").is_some_and(|i| {
        let head = &after[..i];
        (head.is_empty() || head.ends_with(['的', '等']))
            && !PURPOSES.iter().any(|p| head.contains(p))
    });
    !holder && !between.contains(['，', ',', '。', ';', '；']) && object
}

/// Whether the match `start..end` of normalized text `t` is the company obeying the law: a verb
/// of compliance whose object is the law ("we comply with applicable laws, including the Mining
/// Code and the Modern Slavery Act", "adheres to all relevant data protection legislation",
/// "ensure compliance with local laws and regulations"). Obeying the law is no due-diligence
/// step, whatever laws the sentence goes on to list. Not where the sentence so far asks it of
/// someone ("suppliers are required to comply with all applicable laws", "contractual
/// obligations on suppliers to comply with legal requirements"): that is an expectation.
pub(super) fn obeys_law(
    t: &str,
    start: usize,
    end: usize,
    sentence_start: impl FnOnce() -> usize,
) -> bool {
    // Before the verb, what makes it not the company's own obeying: a partner's compliance
    // ("certification by suppliers that materials comply with the laws"), someone asked to
    // ("are required to", "contractual obligations on suppliers to", "staff must"), a purpose of
    // a deed ("designed to help", "to ensure that they comply"), a failure named as a risk.
    pub(super) const NOT_OWN: &[&str] = &[
        "supplier",
        "vendor",
        "contractor",
        "partner",
        "franchisee",
        "agenc",
        "require",
        "expect",
        "oblig",
        "must",
        "shall",
        "should",
        "ensur",
        "fail",
        "intend",
        "design",
        "help",
    ];
    pub(super) const BEFORE: &[&str] = &[
        "all",
        "the",
        "any",
        "our",
        "applicable",
        "relevant",
        "local",
        "national",
        "international",
        "prevailing",
        "existing",
        "domestic",
        "such",
        "those",
        "these",
        "appropriate",
        "governing",
    ];
    // Where the object ends: a list or a qualifier of it begins.
    pub(super) const PHRASE_END: &[&str] = &[
        "and",
        "or",
        "including",
        "in",
        "of",
        "as",
        "to",
        "which",
        "that",
        "where",
        "when",
        "on",
        "for",
        "with",
        "at",
        "across",
        "relating",
        "regarding",
    ];
    // What a step holds a company or its partners to, beside the law.
    pub(super) const JOINED: &[&str] = &[
        "code",
        "standard",
        "polic",
        "principle",
        "contract",
        "supplier",
        "requirement",
    ];
    pub(super) const LAW: &[&str] = &[
        "law",
        "laws",
        "legislation",
        "legislations",
        "regulation",
        "regulations",
        "act",
        "acts",
    ];
    let Some(verb) = t.get(start..end) else {
        return false;
    };
    // The verb opens the match: "monitor compliance with labour laws" or "found to be compliant
    // with local laws" checks someone's compliance, a step.
    if !["compl", "adher", "abid", "ensure compl"]
        .iter()
        .any(|v| verb.starts_with(v))
    {
        return false;
    }
    let head = &t[sentence_start().min(start)..start];
    // "in order to comply with" is a deed's purpose too.
    if NOT_OWN.iter().any(|w| head.contains(w)) || head.trim_end().ends_with(" to") {
        return false;
    }
    // The keyword may stop short of its preposition ("ensure compliance").
    let rest = t[end..].trim_start();
    let rest = ["with ", "to ", "by "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    // The object runs to a list, a qualifier or punctuation: "applicable laws" of "applicable
    // laws, including the Mining Code".
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let mut object = Vec::new();
    let mut after = "";
    let mut at = 0;
    while let Some(from) = rest[at..].find(is_word).map(|i| at + i) {
        // Punctuation between words ends the object; a space does not.
        if rest[at..from].contains(|c: char| !c.is_whitespace()) || object.len() == 6 {
            break;
        }
        let to = rest[from..]
            .find(|c: char| !is_word(c))
            .map_or(rest.len(), |i| from + i);
        let w = &rest[from..to];
        if PHRASE_END.contains(&w) {
            after = &rest[from..];
            break;
        }
        object.push(w);
        at = to;
    }
    let first = object.iter().find(|w| !BEFORE.contains(w));
    let law = first.is_some_and(|w| ["legal", "statutory", "legislative"].contains(w))
        || object.last().is_some_and(|w| LAW.contains(w));
    // "…laws and regulations including without limitation ensuring that all employees are
    // legally permitted to work": the practice it lists is a step.
    let after = after.split(['.', ';']).next().unwrap_or("");
    let practice = after
        .find("including ")
        .map(|i| {
            after[i + 10..]
                .trim_start_matches("without limitation")
                .trim_start()
        })
        .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
        .is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
    // "…legal requirements and our supplier code of conduct": the code joined to the law is
    // one the company holds itself or others to.
    let joined = ["and ", "as well as "]
        .iter()
        .find_map(|j| after.strip_prefix(j))
        .is_some_and(|r| {
            r.split_whitespace()
                .take(6)
                .any(|w| JOINED.iter().any(|j| w.starts_with(j)))
        });
    law && !practice && !joined
}
