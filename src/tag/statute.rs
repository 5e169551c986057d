//! A statute's voice: articles, items and organs of state, whose duties are no company's stance
//! or step.

use super::*;

/// Whether normalized text `t` speaks as a statute rather than a company: it opens as an article
/// (第三十条), or as an item ((三)) or names the state's organs or the law itself (人民政府,
/// 主管部门, 本条例) and lays down a duty (应当, 必须, 不得), and it names no company or supplier
/// (公司, 供应商) nor a company's own rules' words for its staff and departments (员工, 各部门,
/// 本制度), whose code of conduct may be written in articles too, unless it is an article that
/// calls itself a law (本法, 本条例) or lays a duty on a court (人民法院应当); or it stands under a
/// statute's title ([`statute_title`]), where the companies the statute regulates are named too
/// (公司法's 公司将…). Never where a company speaks for itself (我们, 本公司, 本银行), whatever
/// its document is called. A pledge beside an organ without a duty (华为坚持…, 配合监管机关检查，
/// 确保…) stays the company's.
pub(super) fn statute_voice(t: &str, section: &[String]) -> bool {
    // Words only a law speaks: a company's code in articles calls itself no 本法 and lays no
    // duty on a court, so an article with them is the law's even where it regulates companies.
    pub(super) const LAW_ONLY: &[&str] = &[
        "本法",
        "本条例",
        "本细则",
        "人民法院应",
        "人民法院可以",
        "人民法院不予",
    ];
    // The state's organs, which a company's rules may name too (配合主管部门检查, 根据国务院国资委的
    // 要求).
    pub(super) const ORGANS: &[&str] = &[
        "人民政府",
        "主管部门",
        "行政部门",
        "国务院",
        "县级以上",
        "人民法院",
        "人民检察院",
        "公安机关",
        "行政机关",
        "监察机关",
        "任何单位和个人",
        "任何组织和个人",
    ];
    pub(super) const DUTIES: &[&str] = &["应当", "必须", "不得"];
    // A company speaking for itself, whatever its document is called (a company's 员工管理规定
    // says 本公司承诺).
    pub(super) const FIRST_PERSON: &[&str] = &[
        "我们",
        "本公司",
        "我公司",
        "本集团",
        "我行",
        "我司",
        "本企业",
        "本银行",
    ];
    // A company, or its own rules' words for its staff, departments and the rules themselves:
    // a company's internal rules, written in articles, need not name it (第十二条 人力资源部负责组织
    // 员工培训).
    pub(super) const COMPANY: &[&str] = &[
        "公司",
        "集团",
        "供应商",
        "承包商",
        "员工",
        "各部门",
        "人力资源部",
        "本制度",
        "本准则",
        "本守则",
    ];
    let t = t.trim_start();
    let names = |words: &[&str]| words.iter().any(|w| t.contains(w));
    // 本行 is a bank's own name for itself, not the 本行 of 本行政区域 or 本行业.
    let bank = t
        .match_indices("本行")
        .any(|(i, w)| !t[i + w.len()..].starts_with(['政', '业']));
    if bank || names(FIRST_PERSON) {
        return false;
    }
    if section.first().is_some_and(|title| statute_title(title)) {
        return true;
    }
    let duty = || names(DUTIES);
    let article = article_number(t).is_some();
    let statute = article || ((item_number(t) || names(LAW_ONLY) || names(ORGANS)) && duty());
    statute && (!names(COMPANY) || (article && names(LAW_ONLY)))
}

/// Whether a document's title names a statute: a law, a regulation or a code, even one naming the
/// companies it regulates (中华人民共和国劳动法, 公司法, 证券公司风险处置条例), or rules, measures or
/// an interpretation naming no company unless the state issued them (…管理办法（试行）, 最高人民法院
/// 关于适用《公司法》若干问题的规定（二）; not 某集团反腐败管理办法), with any note in brackets after
/// the name; not a method, an approach or a virtue (管理方法, 诚信守法).
pub(super) fn statute_title(title: &str) -> bool {
    pub(super) const KINDS: &[&str] = &[
        "办法", "规定", "细则", "决定", "决议", "解释", "规则", "批复",
    ];
    pub(super) const ISSUERS: &[&str] =
        &["中华人民共和国", "国务院", "最高人民法院", "最高人民检察院"];
    pub(super) const COMPANY: &[&str] = &["公司", "集团", "银行"];
    // Not a method, an approach or a virtue (管理方法, 我们的做法, 合规之法, 诚信守法), nor 办法,
    // which is one of the kinds.
    pub(super) const NOT_LAWS: &[&str] = &[
        "办法", "方法", "做法", "看法", "想法", "手法", "算法", "说法", "之法", "守法", "工法",
    ];
    let mut title = title.trim();
    // Notes in brackets after the name: （试行）, （2018年修正）, （征求意见稿）, （二）.
    while let Some(open) = title
        .strip_suffix(['）', ')'])
        .and_then(|rest| rest.rfind(['（', '(']))
    {
        title = title[..open].trim_end();
    }
    let issued = ISSUERS.iter().any(|w| title.starts_with(w));
    (title.ends_with('法') && !NOT_LAWS.iter().any(|w| title.ends_with(w)))
        || ["条例", "修正案", "法典"]
            .iter()
            .any(|k| title.ends_with(k))
        || (KINDS.iter().any(|k| title.ends_with(k))
            && (issued || !COMPANY.iter().any(|w| title.contains(w))))
}

/// Whether `t` opens as a numbered item: (三), （十二）, (3).
pub(super) fn item_number(t: &str) -> bool {
    t.strip_prefix('(').is_some_and(|rest| {
        let n = crate::segment::numeral_len(rest);
        n > 0 && rest[n..].starts_with(')')
    })
}

/// Where the Chinese clause of normalized text `t` in which `start` lies starts, looking back
/// at most 120 bytes. A list (禁止强迫劳动、人口贩运及雇用童工) is one clause here.
pub(super) fn zh_clause_start(t: &str, start: usize) -> usize {
    let lo = t.floor_char_boundary(start.saturating_sub(120));
    t[lo..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c != '、' && is_clause_break(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8())
}

/// What follows an article's number (第三十条) opening `t`, if it opens with one.
pub(super) fn article_number(t: &str) -> Option<&str> {
    crate::segment::after_article_number(t.trim_start())
}

/// Whether Chinese text before `start` of normalized text `t` makes what follows a duty, a
/// prohibition, a pledge, a wish or a plan rather than a deed: 公司应当建立 (a statute's duty),
/// 供应商须提供, 可以提供, 禁止雇用童工, 我们承诺为员工提供, 致力于开展; and a plan stated at the
/// head of the sentence reaches every clause after it (我们将持续透过问卷…，并协助供应商).
/// 应 alone is also the 应 of 供应商 and 相应, so it counts only just before the match.
pub(super) fn zh_not_done(
    t: &str,
    start: usize,
    end: usize,
    sentence_start: impl FnOnce() -> usize,
) -> bool {
    pub(super) const DUTIES: &[&str] = &["应当", "应该", "必须", "须", "需要", "可以", "不得"];
    pub(super) const BEFORE: &[&str] = &[
        "承诺", "致力", "努力", "力争", "争取", "希望", "旨在", "鼓励", "倡导", "禁止", "严禁",
        "杜绝", "防止", "避免", "反对",
    ];
    pub(super) const AHEAD: &[&str] = &[
        "将持续",
        "将继续",
        "将不断",
        "将进一步",
        "将积极",
        "将立即",
        "将会",
        "未来将",
        "将为",
        "将通过",
    ];
    if !t[start..].starts_with(crate::lang::is_han) {
        return false;
    }
    let before = &t[zh_clause_start(t, start)..start];
    if DUTIES.iter().chain(BEFORE).any(|w| before.contains(w))
        || (before.ends_with(['应', '可', '需', '得'])
            && !before.ends_with("供应")
            && !before.ends_with("相应")
            && !before.ends_with("获得")
            && !before.ends_with("取得"))
    {
        return true;
    }
    // A condition (公司提供担保的，…) or a duty in the next clause (公司提供担保，应当经股东会
    // 决议) makes it a rule, not a deed.
    let hi = t.floor_char_boundary((end + 120).min(t.len()));
    let after = &t[end..hi];
    if let Some(i) = after.find(is_clause_break) {
        let next = after[i..].trim_start_matches(|c: char| is_clause_break(c) || c.is_whitespace());
        if after[..i].ends_with('的')
            || next.starts_with('应')
            || DUTIES.iter().any(|m| next.starts_with(m))
        {
            return true;
        }
    }
    // Bounded, so that a long sentence of deeds stays linear.
    let from = sentence_start().max(t.floor_char_boundary(start.saturating_sub(300)));
    let head = &t[from.min(start)..start];
    zh_plans(head) || AHEAD.iter().any(|w| head.contains(w))
}
