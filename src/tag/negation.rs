//! Steps denied: a negation before a match, a form's answer of no, and a step undone later in its
//! clause ("has not been established", 尚未建立).

use super::*;

/// Whether a negation cue precedes `start` in the same clause, close enough: at most 12 chars
/// between them when the gap has Han text (4 after 不 and 难以, which negate the verb right after
/// them: 不开展, 不会提供, 难以获得补救, not 不敢腐的震慑力度畅通信访举报渠道), else at most 5 words and no word that opens
/// another clause ("that", "which", "if": "activities that do not …" is not about what follows)
/// and no word of means (see [`MEANS`]). 尚未 and 从未 ("not yet", "never") reach 32 chars, a
/// Latin word among Chinese counting as one, and "not yet", "never" and "yet to" 12 words.
pub(super) fn negated(t: &str, start: usize, negs: &[Range<usize>]) -> bool {
    // No Chinese gap of 32 chars (尚未) is longer than this, Latin words inside Chinese included,
    // nor but the rarest English gap of 12 words.
    pub(super) const REACH: usize = 160;
    let from = negs.partition_point(|n| n.end + REACH < start);
    negs[from..].iter().take_while(|n| n.end <= start).any(|n| {
        let Some(gap) = t.get(n.end..start) else {
            return false;
        };
        if !gap.starts_with(crate::lang::is_han) && denies_measures(gap) {
            return true;
        }
        if gap.chars().any(is_clause_break) {
            return false;
        }
        // "No-fee audits", "no fewer than 20 audits", "no matter where": no denial.
        if t.get(n.clone()) == Some("no")
            && (gap.starts_with('-')
                || gap
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| NO_QUANTITY.contains(&w)))
        {
            return false;
        }
        if gap.chars().any(crate::lang::is_han) {
            // Right after the negation, 通过 is the verb (尚未通过人权政策: not adopted; 未通过审核:
            // failed the audit), not the means.
            let gap_rest = gap.trim_start();
            if MEANS_ZH
                .iter()
                .any(|m| gap.contains(m) && !gap_rest.starts_with(m))
            {
                return false;
            }
            let reach = match t.get(n.clone()) {
                Some("不" | "难以") => 4,
                // "Not yet", "never": they deny the whole clause's deed, however long its object
                // (尚未对其海外项目和主要供应商开展人权影响评估).
                Some("尚未" | "从未") => 32,
                _ => 12,
            };
            // A Latin word inside Chinese counts as one char, as it reads.
            let mut units = 0;
            let mut in_word = false;
            for c in gap.chars() {
                let latin = c.is_ascii_alphanumeric();
                if !(c.is_whitespace() || (latin && in_word)) {
                    units += 1;
                }
                in_word = latin;
            }
            units <= reach
        } else if t.get(n.clone()) == Some("no")
            && gap.starts_with(' ')
            && !gap
                .split_whitespace()
                .next()
                .is_some_and(|w| NO_QUANTITY.contains(&w))
            && t[..n.start]
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(is_clause_break)
            && verb_of_subject(gap, &t[start..])
        {
            true
        } else {
            // "Not yet", "never", "yet to" before a verb of putting in place deny the clause's
            // deed, however long its object ("we have not yet implemented a system to assess the
            // effectiveness of…"), as 尚未 does; before another verb ("not yet received any
            // reports from workers on our grievance mechanism") they deny only what is near.
            let mut gap_words = gap.split_whitespace();
            let verb = match t.get(n.clone()) {
                Some("never" | "yet to") => gap_words.next(),
                _ => gap_words
                    .next()
                    .filter(|w| *w == "yet")
                    .and(gap_words.next()),
            };
            let whole_clause = verb.is_some_and(puts_in_place);
            let reach = if whole_clause { 12 } else { 5 };
            let mut words = 0;
            for w in gap.split_whitespace() {
                words += 1;
                // The long reach ends where "and" joins another clause ("we have never conducted
                // business with them and we audit all suppliers").
                let joins = whole_clause && matches!(w, "and" | "or" | "but");
                if words > reach || joins || CLAUSE_OPENERS.contains(&w) || MEANS.contains(&w) {
                    return false;
                }
            }
            true
        }
    })
}

/// Whether a step matched at `start..end` of normalized text `t` is one item of a list of
/// employment decisions that a rule governs: "no discrimination in hiring, compensation, access
/// to training, promotion, termination or retirement", "decisions on pay, training and dismissal
/// are based on merit". The compensation, the training and the termination there are what the
/// rule governs, no remedy or action taken; redress listed with its parts ("received
/// compensation, back pay and the benefits they were owed") is no such list.
pub(super) fn in_decision_list(
    t: &str,
    sentence_from: impl FnOnce() -> usize,
    start: usize,
    end: usize,
) -> bool {
    pub(super) const DECISIONS: &[&str] = &[
        "hiring",
        "recruitment",
        "recruiting",
        "selection",
        "compensation",
        "remuneration",
        "pay",
        "training",
        "promotion",
        "promotions",
        "advancement",
        "termination",
        "dismissal",
        "retirement",
        "discipline",
        "assignment",
        "assignments",
        "transfer",
        "transfers",
        "layoffs",
        "retrenchment",
    ];
    // What makes the list one of decisions a rule governs.
    pub(super) const GOVERNED: &[&str] = &[
        "discriminat",
        "decisions",
        "based on merit",
        "regardless of",
        "equal opportunit",
        "equal treatment",
        "in matters of",
        "without regard",
    ];
    let item = |w: &str| DECISIONS.contains(&w);
    let matched = &t[start..end];
    if !matched.split_whitespace().any(item) {
        return false;
    }
    let lo = t.floor_char_boundary(start.saturating_sub(100));
    let hi = t.floor_char_boundary((end + 100).min(t.len()));
    let before = &t[lo..start];
    let before = before
        .rfind(['.', ';', ':'])
        .map_or(before, |i| &before[i + 1..]);
    let after = &t[end..hi];
    let after = after.find(['.', ';', ':']).map_or(after, |i| &after[..i]);
    let joined = |s: &str| s.ends_with(", ") || s.ends_with(" or ") || s.ends_with(" and ");
    let joins = |s: &str| s.starts_with(", ") || s.starts_with(" or ") || s.starts_with(" and ");
    if !joined(before) && !joins(after) {
        return false;
    }
    // The other members of the list: before the match, members ending with a decision ("no
    // discrimination in hiring", "access to training"); after it, members opening with one
    // ("dismissal are based on merit"). Not a word of a longer item ("back pay").
    fn members(s: &str) -> impl Iterator<Item = &str> {
        s.split([',', ';'])
            .flat_map(|p| p.split(" or "))
            .flat_map(|q| q.split(" and "))
    }
    let ending = members(before)
        .filter(|m| {
            let mut ws = m.split_whitespace().rev();
            ws.next().is_some_and(item) && ws.next() != Some("back")
        })
        .count();
    let opening = members(after)
        .filter(|m| m.split_whitespace().next().is_some_and(item))
        .count();
    if ending + opening < 2 {
        return false;
    }
    let from = sentence_from().clamp(t.floor_char_boundary(start.saturating_sub(300)), start);
    let sentence = &t[from..hi];
    GOVERNED.iter().any(|g| sentence.contains(g))
}

/// Whether a step matched at `start..end` of normalized text `t` is named as what a document
/// contains or checks: after "contains", "requirements on", "indicators such as", "screen for",
/// "covers" (not "covers the costs of"), 审核内容, 内容包括 earlier in its sentence (from
/// `sentence_from`), through a list but with no doer or joined verb of its own between ("… and
/// we provide a grievance mechanism", "… and provide oversight"); or before "provisions",
/// "clauses", 条款.
pub(super) fn named_as_contents(
    t: &str,
    sentence_from: impl FnOnce() -> usize,
    start: usize,
    end: usize,
) -> bool {
    pub(super) const BEFORE: &[&str] = &[
        "include requirements",
        "includes requirements",
        "including requirements",
        "requirements on",
        "requirements regarding",
        "indicators such as",
        "criteria such as",
        "topics such as",
        "screen for",
        "screens for",
        "screened for",
        "check for",
        "checks for",
        "内容包括",
        "内容涵盖",
        "内容涉及",
        "审核内容",
        "检查内容",
        "审核项目",
        "检查项目",
        "指标包括",
    ];
    // Said of a document only ("the audit covers", "a standard containing"), not "steps to
    // contain the incident", "our Code contains a whistleblowing procedure" (the company's own).
    pub(super) const COVERS: &[&str] = &["contains", "contain", "containing", "covers", "covering"];
    pub(super) const DOCUMENTS: &str =
        "standard standards checklist checklists template templates \
        questionnaire questionnaires training seminar seminars course courses module modules \
        agreement agreements contract contracts criteria certification scheme guidance law laws \
        act regulation regulations audit audits assessment assessments";
    pub(super) const COSTS: &[&str] = &["the cost", "costs", "the fee", "fees", "the expense"];
    // A doer, or a verb joined by "and", between the marker and the match starts a clause of
    // its own: "… and we provide a grievance hotline", "… and provide oversight".
    pub(super) const DOERS: &[&str] = &["we", "our", "they", "我们", "公司", "本公司", "集团"];
    pub(super) const JOINED: &[&str] = &[
        "and provide",
        "and provided",
        "and provides",
        "and conduct",
        "and conducted",
        "and conducts",
        "and hold",
        "and held",
        "and holds",
        "and ensure",
        "and ensured",
        "and ensures",
        "and take",
        "and took",
        "and takes",
        "and carry",
        "and carried",
        "and carries",
        "and raise",
        "and raised",
        "and raises",
        "and monitor",
        "and monitored",
        "and monitors",
        "and review",
        "and reviewed",
        "and reviews",
        "and train",
        "and trained",
        "and trains",
        "and support",
        "and supported",
        "and supports",
        "and work",
        "and worked",
        "and works",
    ];
    // A verb of being after the marker starts the sentence's predicate: "requirements covering
    // responsible recruitment … are further detailed in its Supplier Code".
    pub(super) const PREDICATE: &[&str] = &["is", "are", "was", "were"];
    pub(super) const AFTER: &[&str] = &[" provisions", " clauses", "条款"];
    if AFTER.iter().any(|w| t[end..].starts_with(w)) {
        return true;
    }
    // One pass for the markers: this runs for every step matched. Most steps have none in the
    // 300 bytes before them, which a search for any tells at once, before their sentence is
    // looked for.
    static MARKERS: WordScan = WordScan::new(|| word_scan(BEFORE.iter().chain(COVERS)));
    static ANY_MARKER: WordScan = WordScan::new(|| word_find(BEFORE.iter().chain(COVERS)));
    let lo = t.floor_char_boundary(start.saturating_sub(300));
    if !ANY_MARKER.is_match(&t[lo..start]) {
        return false;
    }
    let from = sentence_from().max(lo);
    let before = &t[from..start];
    MARKERS.find_overlapping_iter(before).any(|m| {
        let (at, w) = (m.start(), &before[m.start()..m.end()]);
        let rest = &before[m.end()..];
        let object = rest.trim_start();
        // A document noun in the four words before, not the company's own ("our Code", "our
        // modern slavery training"; but "the audit of our suppliers" is a document's).
        let of_document = || {
            let head: Vec<&str> = before[..at]
                .split_whitespace()
                .rev()
                .take(4)
                .map(|h| h.trim_matches(|c: char| !c.is_alphanumeric()))
                .collect();
            head.iter().enumerate().any(|(k, h)| {
                listed(DOCUMENTS, h) && !head[k + 1..(k + 3).min(head.len())].contains(&"our")
            })
        };
        // A coverage figure ("covering 85% of our spend") is tracking, not contents.
        let figure_text = t[from + m.end()..].trim_start();
        let figure = figure_text.starts_with(|c: char| c.is_ascii_digit())
            && figure_text
                .split_whitespace()
                .take(2)
                .any(|w| w.contains('%') || w.starts_with("per"));
        is_whole_word(before, at, m.end())
            && !DOERS
                .iter()
                .chain(JOINED)
                .chain(PREDICATE)
                .any(|d| has_word(rest, d))
            && (!COVERS.contains(&w)
                || (of_document() && !COSTS.iter().any(|c| object.starts_with(c)) && !figure))
    })
}

/// Whether the negation before a channel matched at `start..end` of normalized text `t` denies
/// that something came through it, not the channel: "we did not receive any Speak Up
/// complaints", "no reports were logged through the hotline", 未收到举报热线的来电. A channel no one
/// used is still there; a complaint not received (未收到相关投诉, "did not receive any complaints as
/// no grievance mechanism exists") names none.
pub(super) fn nothing_received(t: &str, start: usize, end: usize) -> bool {
    pub(super) const RECEIVED: &str =
        "receive received receiving record recorded log logged register \
        registered";
    pub(super) const ZH: &[&str] = &[
        "未收到",
        "没有收到",
        "没收到",
        "未曾收到",
        "未接到",
        "未接获",
    ];
    pub(super) const ZH_CHANNELS: &[&str] = &[
        "热线", "渠道", "通道", "入口", "机制", "邮箱", "信箱", "平台", "窗口", "电话", "信访",
    ];
    let from = clause_start(t, t.floor_char_boundary(start.saturating_sub(120)), start);
    let clause = &t[from..start];
    if ZH.iter().any(|w| clause.contains(w)) {
        return ZH_CHANNELS.iter().any(|c| t[start..end].contains(c));
    }
    let words: Vec<&str> = clause.split_whitespace().collect();
    let received = |w: &str| listed(RECEIVED, w);
    // The verb near the match, a negation just before it: "not (yet) received any".
    words.iter().enumerate().rev().take(4).any(|(i, w)| {
        received(w)
            && words[..i]
                .iter()
                .rev()
                .take(2)
                .any(|n| matches!(*n, "not" | "never" | "yet") || n.ends_with("n't"))
    }) || {
        // "No reports were logged through": the "no" before the verb, both near the match.
        let near = &words[words.len().saturating_sub(6)..];
        near.iter()
            .position(|w| *w == "no")
            .is_some_and(|n| near[n..].iter().any(|w| received(w)))
    }
}

/// Words after a "no" that make it no denial of a deed: "no fewer than 20 audits were conducted",
/// "no matter the size … assessments were conducted", "no later than".
pub(super) const NO_QUANTITY: &[&str] = &[
    "fewer", "less", "more", "matter", "later", "earlier", "longer", "sooner", "doubt",
];

/// Whether a match at the start of `rest` is the verb of the clause whose subject, after a "no"
/// that opens the clause, is `gap`: the subject ends at the clause's first auxiliary, and the
/// match is that auxiliary or the verb of doing or putting in place after it ("No formal
/// assessment of the risk of forced labour in our supply chain was conducted", "no remediation
/// has been carried out"). A subject with a pronoun, an opener or a means ("no issues were found
/// through the audits we conducted") is another clause's.
pub(super) fn verb_of_subject(gap: &str, rest: &str) -> bool {
    let subject = gap.split_whitespace().count();
    if subject > 20 {
        return false;
    }
    let words: Vec<&str> = gap
        .split_whitespace()
        .chain(rest.split_whitespace().take(3))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let Some(aux) = words.iter().position(|w| is_aux(w)) else {
        return false;
    };
    let verb = match words.get(aux + 1) {
        Some(&"been") if matches!(words[aux], "has" | "have" | "had") => aux + 2,
        _ => aux + 1,
    };
    matches!(
        words[aux],
        "is" | "are" | "was" | "were" | "has" | "have" | "had"
    ) && subject >= aux
        && subject <= verb
        && words
            .get(verb)
            .is_some_and(|v| PUT_IN_PLACE.contains(v) || DONE.contains(v))
        && !words[..aux].iter().any(|w| {
            PRONOUNS.contains(w)
                || CLAUSE_OPENERS.contains(w)
                || MEANS.contains(w)
                || matches!(*w, "and" | "or")
        })
        && !has_verb(&words[..=aux])
}

/// Whether `words` hold a verb in the past with its object or place after it ("completed a
/// review", "audited 40 factories", "occurred in 2023"), not an `-ed` word of a noun ("forced
/// labour"): a clause of its own before the auxiliary.
pub(super) fn has_verb(words: &[&str]) -> bool {
    words.windows(2).any(|w| {
        w[0].len() > 4
            && w[0].ends_with("ed")
            && (w[1].starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w[1],
                    "the"
                        | "a"
                        | "an"
                        | "our"
                        | "their"
                        | "its"
                        | "all"
                        | "in"
                        | "at"
                        | "on"
                        | "by"
                        | "to"
                        | "for"
                        | "with"
                        | "during"
                        | "three"
                        | "two"
                        | "several"
                ))
    })
}

/// Whether the words between an English negation and a step deny every measure of it: "did not
/// have to take any measures to remediate", "has not undertaken any measures to: (i) remediate",
/// "did not need to take any remedial action to". What follows a list's colon is the step itself.
pub(super) fn denies_measures(gap: &str) -> bool {
    pub(super) const MEASURES: &[&str] = &["measures", "measure", "steps", "action", "actions"];
    let gap = match gap.split_once(':') {
        // Only a list marker may follow the colon: "(i)", "a)", "1.", "-".
        Some((head, marker)) => {
            let m = marker.trim();
            if m.len() > 4 || m.chars().any(|c| c.is_whitespace()) {
                return false;
            }
            head
        }
        None => gap,
    };
    if gap.contains(is_clause_break) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    let denies = |head: &[&str]| {
        head.last() == Some(&"to")
            && head.len() <= 10
            && head.contains(&"any")
            && head.iter().any(|w| MEASURES.contains(w))
            && !head.iter().any(|w| CLAUSE_OPENERS.contains(w))
    };
    if denies(&words) {
        return true;
    }
    // A second verb joined to the first by "or" denies as much: "did not have to take any
    // measures to remediate any forced labour or remediate any loss of income" (not "… and
    // remediated wage underpayments", a deed).
    let Some(k) = words
        .windows(2)
        .position(|w| MEASURES.contains(&w[0]) && w[1] == "to")
    else {
        return false;
    };
    let tail = &words[k + 2..];
    denies(&words[..k + 2]) && tail.len() <= 12 && matches!(tail.last(), Some(&("or" | "nor")))
}

/// Where a form's label at the head of a passage ends: a question ("Has the entity taken any
/// measures to remediate …? Not applicable") or a short label before a colon (补救措施：无).
/// Found once per passage, since every step matched asks.
#[derive(Clone, Copy)]
pub(super) struct LabelEnds {
    /// The question mark ending a question of one sentence.
    pub(super) question: Option<usize>,
    /// The colon ending a short label.
    pub(super) colon: Option<usize>,
}

impl LabelEnds {
    pub(super) fn of(t: &str) -> Self {
        // A label is short: its colon is near the start, which a bounded search finds, so that
        // a passage of one long clause is not searched again for every match.
        const LABEL_REACH: usize = 256;
        let head = &t[..t.floor_char_boundary(LABEL_REACH)];
        // Two searches by memchr, quicker than one for either char.
        let question = [head.find('?'), head.find('？')]
            .into_iter()
            .flatten()
            .min()
            .filter(|&q| {
                !head[..q].contains(['.', '!', ';', '。', '；'])
                    && head[..q].split_whitespace().count() <= 40
            });
        let colon = head.find(is_clause_break).filter(|&c| {
            let label = &t[..c];
            t[c..].starts_with(':')
                && if label.chars().any(crate::lang::is_han) {
                    label.chars().filter(|c| !c.is_whitespace()).count() <= 12
                } else {
                    label.split_whitespace().count() <= 6
                }
        });
        LabelEnds { question, colon }
    }

    /// The answer after the label, where a match ending at `end` lies within the label.
    pub(super) fn answer(self, t: &str, end: usize) -> Option<&str> {
        if let Some(q) = self.question.filter(|&q| q >= end) {
            let q_len = t[q..].chars().next().map_or(1, char::len_utf8);
            return Some(t[q + q_len..].trim_start());
        }
        self.colon
            .filter(|&c| c >= end)
            .map(|c| t[c + 1..].trim_start())
    }
}

/// Whether the answer to a label says the company has no such step, in its first sentence: a bare
/// "No." (not "No. 4", "No. of workers", "no-cost"), "not yet", "not in place", 无, 否, 没有,
/// 暂无, 不适用; or a step denied by a verb of doing or having it ("has not taken any measures",
/// "no remediation has been undertaken", "we do not currently operate a hotline", 未设立举报热线),
/// before any clause about others ("suppliers that do not have…") and without "but" or "however"
/// (but not "we do not have any grievances", "no grievance was lodged", 未收到任何举报: events,
/// not the step).
pub(super) fn answer_denies(answer: &str) -> bool {
    let sentence = answer
        .split(['.', ';', '。', '；', '!', '?'])
        .next()
        .unwrap_or("");
    if let Some(rest) = answer.strip_prefix("no") {
        let mut after = rest.chars();
        match after.next() {
            None => return true,
            Some('.' | ',' | ';' | '!') => {
                let next = after.as_str().trim_start();
                return !(next == "of"
                    || next.starts_with("of ")
                    || next.starts_with(|c: char| c.is_ascii_digit()));
            }
            _ => {}
        }
    }
    // "Not applicable" and "n/a" are read for any step before a colon ([`undone_after`]), and
    // here for a question's answer.
    if answers_only(
        answer,
        &[
            "not applicable",
            "n/a",
            "not yet",
            "not in place",
            "不适用",
            "暂无",
            "没有",
            "无",
            "否",
        ],
    ) {
        return true;
    }
    if sentence.chars().any(crate::lang::is_han) {
        if ["但", "不过", "然而"].iter().any(|w| sentence.contains(w)) {
            return false;
        }
        return NOT_ZH.iter().any(|n| {
            sentence
                .match_indices(n)
                .any(|(at, _)| deed_follows(&sentence[at + n.len()..]))
        });
    }
    pub(super) const HAVE: &[&str] = &[
        "have",
        "has",
        "operate",
        "operates",
        "maintain",
        "maintains",
        "offer",
        "offers",
        "run",
        "runs",
        "exist",
        "exists",
        "take",
        "undertake",
        "establish",
        "implement",
    ];
    // What "not have" and "no … was" deny when it is an event, not the step.
    pub(super) const EVENTS: &[&str] = &[
        "grievance",
        "grievances",
        "complaint",
        "complaints",
        "case",
        "cases",
        "report",
        "reports",
        "incident",
        "incidents",
        "instance",
        "instances",
        "finding",
        "findings",
        "issue",
        "issues",
        "concern",
        "concerns",
        "allegation",
        "allegations",
        "breach",
        "breaches",
        "claim",
        "claims",
    ];
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        // A relative clause is about others: "suppliers that do not have their own".
        .take_while(|w| !matches!(*w, "that" | "which" | "who" | "whom" | "whose"))
        .take(40)
        .collect();
    if words
        .iter()
        .any(|w| matches!(*w, "but" | "however" | "except" | "although" | "though"))
    {
        return false;
    }
    // An event word, not one naming the step ("grievance mechanism", "complaints procedure").
    let event_within = |from: usize, n: usize| {
        (from..words.len()).take(n).any(|i| {
            EVENTS.contains(&words[i])
                && !words.get(i + 1).is_some_and(|next| {
                    matches!(
                        *next,
                        "mechanism"
                            | "mechanisms"
                            | "procedure"
                            | "procedures"
                            | "channel"
                            | "channels"
                            | "process"
                            | "processes"
                            | "hotline"
                            | "line"
                            | "system"
                            | "policy"
                            | "platform"
                    )
                })
        })
    };
    words.iter().enumerate().any(|(k, w)| {
        let from = match *w {
            // "Not yet established" answers alone.
            "not" if k == 0 || AUX.contains(&words[k - 1]) => k + 1,
            _ if w.ends_with("n't") && is_aux(w) => k + 1,
            // "No remediation measures have been taken."
            "no" => {
                return (k + 1..words.len().min(k + 6))
                    .any(|j| DONE.contains(&words[j]) || PUT_IN_PLACE.contains(&words[j]))
                    && !event_within(k + 1, 2);
            }
            _ => return false,
        };
        // "not currently operate", "not yet been established", "not had to take".
        let j = (from..words.len())
            .find(|&j| {
                !matches!(
                    words[j],
                    "currently" | "yet" | "presently" | "been" | "be" | "to" | "had"
                )
            })
            .unwrap_or(words.len());
        let verb = words.get(j).copied().unwrap_or("");
        // "Not applicable to tier 2 suppliers" limits the step; the bare answer is read above.
        let done = (DONE.contains(&verb) && !matches!(verb, "applicable" | "need"))
            || PUT_IN_PLACE.contains(&verb)
            || HAVE.contains(&verb);
        done && !event_within(j + 1, 4)
    })
}

/// Whether `answer` is one of `words` and nothing more but punctuation ("Not applicable.", 无。),
/// not the start of a longer answer ("not applicable to tier 2 suppliers", 无报复).
pub(super) fn answers_only(answer: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        answer.strip_prefix(w).is_some_and(|rest| {
            rest.trim_start()
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether a verb of a step being done ([`DONE_ZH`]) starts within the first 3 chars of `rest`, the
/// text right after a Chinese negation (未采取, 尚未正式建立).
pub(super) fn deed_follows(rest: &str) -> bool {
    let after: String = rest.chars().take(5).collect();
    DONE_ZH.iter().any(|d| {
        after
            .find(d)
            .is_some_and(|k| after[..k].chars().count() <= 3)
    })
}

/// Chinese negations of a deed.
pub(super) const NOT_ZH: &[&str] = &["尚未", "暂未", "并未", "从未", "未能", "没有", "未"];
/// Verbs of a step being done, not of events (从未发生报复事件 says the step works).
pub(super) const DONE_ZH: &[&str] = &[
    "建立", "设立", "开展", "实施", "制定", "进行", "完成", "落实", "推行", "启动", "采取", "提供",
    "覆盖", "设置", "形成",
];
/// Auxiliaries a "not" follows.
pub(super) const AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "do", "does",
];

/// Whether a word is an auxiliary ([`AUX`]), or one contracted with "not" (`hasn't`).
pub(super) fn is_aux(w: &str) -> bool {
    AUX.contains(&w)
        || w.strip_suffix("n't")
            .is_some_and(|a| AUX.contains(&a) || a == "wo")
}

/// Pronouns that open a clause of their own: a subject with one is not the step's.
pub(super) const PRONOUNS: &[&str] = &["we", "they", "it", "he", "she", "i", "you"];
/// Words of a step being done or in place, besides the participles of putting in place
/// ([`PUT_IN_PLACE`]).
pub(super) const DONE: &[&str] = &[
    "put",
    "set",
    "taken",
    "provided",
    "required",
    "needed",
    "necessary",
    "available",
    "rolled",
    "performed",
    "applied",
    "done",
    "made",
    // Judged unneeded: "remediation measures did not need to be taken", "audits are not
    // warranted", "not applicable".
    "need",
    "warranted",
    "feasible",
    "applicable",
];

/// Past participles of the verbs of putting a step in place: "has not been established" says the
/// step is not taken.
pub(super) const PUT_IN_PLACE: &[&str] = &[
    "established",
    "implemented",
    "introduced",
    "conducted",
    "carried",
    "undertaken",
    "developed",
    "adopted",
    "completed",
    "launched",
    "created",
    "formalised",
    "formalized",
];

/// Whether an English word is a verb of putting a step in place, in any form (`implemented`,
/// `establish`, `carry`), as a whole word: not `settled`, `started` or `career`.
pub(super) fn puts_in_place(w: &str) -> bool {
    pub(super) const OTHER_FORMS: &[&str] = &[
        "implement",
        "establish",
        "introduce",
        "conduct",
        "carry",
        "undertake",
        "undertook",
        "develop",
        "adopt",
        "complete",
        "launch",
        "create",
        "formalise",
        "formalize",
        "appoint",
        "appointed",
    ];
    PUT_IN_PLACE.contains(&w) || OTHER_FORMS.contains(&w)
}

/// Whether the rest of a due-diligence step's clause, `rest` (normalized text after the match),
/// says the step was not taken: within the next 9 English words (and before a clause opener such
/// as "who" or "that"; further only the clause's first auxiliary, after a subject the match
/// opens), an auxiliary with "not" or
/// "never" and then, within three words, a verb of doing or being in place ("has not been
/// established", "is not yet in place", "were not required"), or "yet to"; in Chinese, within 4
/// chars, 尚未/未/没有/并未/从未/未能 and then, within 3 chars, such a verb (尚未建立, 未开展). A
/// clause that ends in a colon answered "not applicable" or "n/a" says so too.
/// Other verbs keep the step: "the hotline has not received any reports", 申诉机制未收到投诉.
pub(super) fn undone_after(before: &str, rest: &str) -> bool {
    // Only the next 192 bytes matter (20 English words, 10 Chinese chars), so the scan for the
    // clause's end is bounded too: a passage of one repeated keyword stays linear.
    let mut cap = rest.len().min(192);
    while !rest.is_char_boundary(cap) {
        cap -= 1;
    }
    let rest = &rest[..cap];
    let clause = match rest.find(is_clause_break) {
        Some(end) => {
            // A heading or a form's question answered "not applicable" ("Measures taken to
            // remediate forced labour: Not applicable, …").
            if let Some(answer) = rest[end..].strip_prefix([':', '—']) {
                let answer = answer.trim_start();
                // Not "none", which answers a count as often ("grievances received: none"), nor
                // "not applicable to tier 2 suppliers", which limits the step.
                if answers_only(answer, &["not applicable", "n/a"]) {
                    return true;
                }
            }
            &rest[..end]
        }
        None => rest,
    };
    if clause.trim_start().starts_with(crate::lang::is_han) {
        // A clause without the first char of any negation is settled without substring searches.
        if !clause.contains(|c: char| NOT_ZH.iter().any(|n| n.starts_with(c))) {
            return false;
        }
        return zh_head_negates(clause, 10, |before, after| {
            before.chars().count() <= 4 && deed_follows(after)
        });
    }
    // Only "not", "never", a contracted "n't" or "yet" denies a step below: a clause with none of
    // them is settled without reading its words (this runs for every step matched).
    if !["not", "never", "n't", "yet"]
        .iter()
        .any(|n| clause.contains(n))
    {
        return false;
    }
    let all_words: Vec<&str> = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take(20)
        .collect();
    // "Not … but …": the step is done, elsewhere or otherwise.
    if all_words.contains(&"but") {
        return false;
    }
    // A relative clause ("suppliers who were not yet accredited") says nothing of the step.
    let opener = all_words.iter().position(|w| CLAUSE_OPENERS.contains(w));
    let clause_words = &all_words[..opener.unwrap_or(all_words.len())];
    let near = clause_words.len().min(9);
    // Beyond the next 9 words, only the clause's own verb: its first auxiliary, after a subject
    // with no pronoun and no "and" that opens another clause ("Employee training on the issues
    // surrounding forced labour and child labour in the supply chain has not been established",
    // not "… in the reporting period and the results have not yet been published").
    // The match must open its clause (its subject), and what lies between it and the auxiliary
    // hold no verb of its own (`-ed`) and no "and" but one joining two of a kind ("forced labour
    // and child labour").
    let first_aux = clause_words.iter().position(|w| is_aux(w));
    let (words, only) = match first_aux {
        Some(k)
            if k >= near
                && opens_clause(before)
                && !clause_words[..k].iter().any(|w| PRONOUNS.contains(w))
                && !has_verb(&clause_words[..=k])
                && clause_words[..k].iter().enumerate().all(|(i, w)| {
                    !matches!(*w, "and" | "or" | "so")
                        || (i > 0 && clause_words.get(i + 2) == Some(&clause_words[i - 1]))
                }) =>
        {
            (clause_words, Some(k))
        }
        _ => (&clause_words[..near], None),
    };
    let done = |k: usize| {
        let v = words[k];
        let next = words.get(k + 1).copied();
        match v {
            // "Did not need to be taken", not "does not need registration" nor "does not need
            // to be used anonymously" or "made in writing".
            "need" => {
                next == Some("to")
                    && words.get(k + 2) == Some(&"be")
                    && words
                        .get(k + 3)
                        .is_some_and(|w| *w == "taken" || PUT_IN_PLACE.contains(w))
            }
            // "Audits are not applicable", said of the step as a whole: the clause ends there,
            // not "not applicable to employees", "beyond tier 1", "where local law…".
            "applicable" => all_words.get(k + 1).is_none(),
            "in" => next == Some("place"),
            _ => v == "yet" || DONE.contains(&v) || PUT_IN_PLACE.contains(&v),
        }
    };
    let denied_at = |k: usize| {
        let Some(w) = words.get(k..k + 2) else {
            return false;
        };
        // "Has not been established", or "hasn't been established" (one word).
        let (negated, from) = match w {
            [aux, "not" | "never"] => (
                AUX.contains(aux)
                    && !matches!(words.get(k + 2), Some(&("only" | "just" | "merely"))),
                k + 2,
            ),
            [contracted, _] if is_aux(contracted) && contracted.ends_with("n't") => (true, k + 1),
            ["yet", "to"] => (k == 0 || words[k - 1] != "not", k),
            _ => (false, k),
        };
        negated && (w[0] == "yet" || (from..words.len()).take(3).any(done))
    };
    match only {
        // No auxiliary lies nearer (only "yet to" may).
        Some(k) => (0..near).chain([k]).any(denied_at),
        None => (0..words.len()).any(denied_at),
    }
}

/// Whether a negation (of [`NOT_ZH`], not one of the [`NEGATION_EXCEPTIONS`]) lies within the
/// first `chars` non-space chars of a Chinese clause where `denies(before, after)` holds of the
/// head's text before and after it.
pub(super) fn zh_head_negates(
    clause: &str,
    chars: usize,
    denies: impl Fn(&str, &str) -> bool,
) -> bool {
    let head: String = clause
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(chars)
        .collect();
    NOT_ZH.iter().any(|n| {
        head.match_indices(n).any(|(at, _)| {
            !NEGATION_EXCEPTIONS
                .iter()
                .any(|x| head[at..].starts_with(x))
                && denies(&head[..at], &head[at + n.len()..])
        })
    })
}

/// Whether every clause of `rest` (the rest of a sentence after a time anchor, normalized) denies
/// its verb near its start: a negation (未, 没有, 并未, "did not", "no", ...) within its first
/// four words or six Chinese chars. One clause that does not ("公司开展培训100次", "and we
/// continued to audit suppliers") is a deed.
pub(super) fn deeds_denied(rest: &str) -> bool {
    // Three clauses of a sentence are enough to tell; the bound keeps a long one linear.
    let mut cap = rest.len().min(384);
    while !rest.is_char_boundary(cap) {
        cap -= 1;
    }
    let mut clauses = rest[..cap]
        .split(is_clause_break)
        .map(str::trim)
        .filter(|c| c.chars().any(char::is_alphanumeric))
        .peekable();
    if clauses.peek().is_none() {
        return false;
    }
    clauses.all(|clause| {
        if clause.starts_with(crate::lang::is_han) {
            // After 且 or 并 the negation is a second verb's (已经结案且未启动…).
            zh_head_negates(clause, 6, |before, _| !before.contains(['且', '并']))
        } else {
            clause
                .split_whitespace()
                .take(4)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
                .any(|w| {
                    matches!(w, "not" | "never" | "no" | "none" | "nor")
                        || (w.ends_with("n't") && w != "can't")
                })
        }
    })
}

/// Whether a match after `before` (normalized text) opens its clause: at most two words, neither
/// a pronoun, stand between it and the clause's start ("Employee training …", "Our grievance
/// mechanism …"), so that it is the clause's subject, not the object of a verb ("we completed an
/// assessment").
pub(super) fn opens_clause(before: &str) -> bool {
    // Three words and their spaces fit in 64 bytes, but for the longest words.
    let mut from = before.len().saturating_sub(64);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let near = &before[from..];
    let from = near
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words: Vec<&str> = near[from..].split_whitespace().rev().take(3).collect();
    words.len() <= 2 && !words.iter().any(|w| PRONOUNS.contains(w) || is_aux(w))
}

/// Words of means: what comes after them is the channel or the tool, which a negation of the
/// verb before leaves standing ("no grievances were received through our hotline": the hotline
/// exists; "we found no forced labour through our audits": the audits took place).
pub(super) const MEANS: &[&str] = &["through", "via", "using", "thru"];
pub(super) const MEANS_ZH: &[&str] = &["通过", "经由", "借助"];

/// Words that open a new clause, out of a preceding negation's reach.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "whether", "if", "because",
    "although", "though", "unless", "until", "but", "so",
];
