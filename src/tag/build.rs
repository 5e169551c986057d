//! Compiling a taxonomy into the tagger: entry tables, the automaton (shared with the bare scan the
//! benches compare against), spellings without a lost ligature, list heads and title words.

use super::*;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The keyword an evidence's rule names: `X` of `keyword:X`, `weak:X+cue:Y`, `abbr:X`, and of a
/// cue's `cue:Y (confirms weak:X)`.
pub(super) fn keyword_of_rule(rule: &str) -> &str {
    if let Some(i) = rule.find("(confirms ") {
        let confirmed = rule[i + "(confirms ".len()..].trim_end_matches(')');
        return keyword_of_rule(confirmed);
    }
    let name = rule.split_once(':').map_or(rule, |(_, k)| k);
    name.split_once("+cue:")
        .or_else(|| name.split_once("+section-cue:"))
        .map_or(name, |(k, _)| k)
}

/// The automaton of the tagger and of [`BareScan`]: both must be built alike for the throughput
/// comparison to be fair.
///
/// A DFA: one table lookup per byte instead of the NFA's failure-link walks, 1.4× (English) to
/// 1.8× (Chinese) the scan speed of the default contiguous NFA, for about 13 MB and 30 ms of
/// build time with the built-in taxonomy (the NFA: 0.5 MB, 4 ms). A DFA grows with the patterns'
/// total length times the distinct bytes they use, so a much larger custom taxonomy gets the NFA,
/// as does one whose DFA fails to build.
pub(super) fn automaton(
    patterns: &[String],
    dfa: bool,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    // About twice the built-in taxonomy's patterns (103 KB, a DFA of 52 MB): at most about
    // 100 MB. A larger taxonomy gets the contiguous NFA, which scans at about half the speed.
    pub(super) const DFA_MAX_PATTERN_BYTES: usize = 200_000;
    let mut builder = AhoCorasick::builder();
    builder.match_kind(MatchKind::Standard);
    if !dfa {
        return builder
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns);
    }
    if patterns.iter().map(String::len).sum::<usize>() <= DFA_MAX_PATTERN_BYTES {
        if let Ok(ac) = builder.kind(Some(AhoCorasickKind::DFA)).build(patterns) {
            return Ok(ac);
        }
    }
    builder.kind(None).build(patterns)
}

/// A bare Aho-Corasick scan of a tagger's patterns: the same normalization and the same
/// automaton as [`Tagger`], counting overlapping matches and applying no rules. It is what
/// tagging throughput is measured against (`hria bench`, `cargo bench --bench tag`).
#[derive(Clone)]
pub struct BareScan {
    pub(super) ac: AhoCorasick,
}

impl BareScan {
    /// Normalizes `text` as the tagger does and counts the overlapping pattern matches in it.
    pub fn count(&self, text: &str) -> u64 {
        thread_local! {
            static NORM: std::cell::RefCell<NormText> = std::cell::RefCell::default();
        }
        let scan = |norm: &mut NormText| {
            norm.fill(text);
            self.ac.find_overlapping_iter(norm.text.as_str()).count() as u64
        };
        NORM.with(|cell| match cell.try_borrow_mut() {
            Ok(mut norm) => scan(&mut norm),
            Err(_) => scan(&mut NormText::default()),
        })
    }
}

/// Rank of each entry's id in sorted order; equal ids get equal ranks.
pub(super) fn id_ranks(entries: &[EntryInfo]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].id.cmp(&entries[b].id));
    let mut rank = vec![0u32; entries.len()];
    let mut r = 0u32;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && entries[order[k - 1]].id != entries[i].id {
            r += 1;
        }
        rank[i] = r;
    }
    rank
}

/// Ordering key of a basis, to keep output deterministic.
pub(super) fn basis_rank(b: Basis) -> u8 {
    match b {
        Basis::Cited => 0,
        Basis::Covered => 1,
        Basis::Matched => 2,
    }
}

/// `keyword` (lower-cased) in each of its other English spellings: every combination of the
/// spellings of its words that are spelled two ways ("forced labor" for "forced labour";
/// "international labor organization", "international labour organisation" and "international
/// labor organisation" for "international labour organization"), none when it has no such word.
/// The tagger matches them all; a match of one records it as its name.
pub(crate) fn other_spellings_of(keyword: &str) -> Vec<String> {
    if !keyword.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let lower = keyword.trim().to_lowercase();
    let words: Vec<(&str, Option<String>)> = lower
        .split(' ')
        .map(|w| (w, crate::segment::other_spelling(w)))
        .collect();
    let varying = words.iter().filter(|(_, o)| o.is_some()).count();
    if varying == 0 {
        return Vec::new();
    }
    // The first forms in the order of the spellings (each word's own first, the earlier words
    // varying slowest), each built once: a bound for long phrases, whose forms would otherwise be
    // rebuilt word by word (keywords hold a word or two spelled two ways).
    const MAX_FORMS: usize = 16;
    let combos = if varying >= 4 {
        MAX_FORMS
    } else {
        1 << varying
    };
    let mut forms: Vec<String> = (0..combos)
        .map(|c| {
            let mut form = String::with_capacity(lower.len() + 8);
            let mut j = 0;
            for (i, (w, other)) in words.iter().enumerate() {
                if i > 0 {
                    form.push(' ');
                }
                match other {
                    Some(o) => {
                        // Bit of the j-th varying word, the last varying fastest.
                        let shift = varying - 1 - j;
                        j += 1;
                        let pick_other = shift < 4 && (c >> shift) & 1 == 1;
                        form.push_str(if pick_other { o } else { w });
                    }
                    None => form.push_str(w),
                }
            }
            form
        })
        .collect();
    forms.retain(|f| *f != lower);
    forms
}

/// An English keyword as text extracted from a PDF writes it when the font's `fi`, `fl` or `ff`
/// ligature was lost: "identied" for "identified", "conict" for "conflict", "eective" for
/// "effective". Only a ligature inside a word, whose word keeps five letters or more, so that no
/// short word comes of it ("sta" of "staff"); not `ffi` or `ffl`, whose loss can make another
/// word ("tracking" of "trafficking").
pub(super) fn ligatures_lost(keyword: &str) -> Vec<String> {
    let lower = keyword.trim().to_lowercase();
    if !lower.is_ascii() {
        return Vec::new();
    }
    let mut forms = Vec::new();
    for lig in ["fi", "fl", "ff"] {
        let mut changed = false;
        let words: Vec<String> = lower
            .split(' ')
            .map(|w| {
                let b = w.as_bytes();
                let inside = |i: usize| {
                    i > 0
                        && b[i - 1].is_ascii_alphabetic()
                        && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic)
                        && !w[i - 1..].starts_with("ff")
                        && !w[i..].starts_with("ffi")
                        && !w[i..].starts_with("ffl")
                };
                match w.match_indices(lig).find(|&(i, _)| inside(i)) {
                    Some((i, _)) if w.len() - 2 >= 5 => {
                        changed = true;
                        format!("{}{}", &w[..i], &w[i + 2..])
                    }
                    _ => w.to_string(),
                }
            })
            .collect();
        if changed {
            forms.push(words.join(" "));
        }
    }
    forms
}

/// Words of mainland Chinese keywords and how Taiwan and Hong Kong write them (normalized):
/// the tagger matches both.
pub(super) const REGIONAL_WORDS: [(&str, &str); 3] =
    [("计划", "计画"), ("信息", "资讯"), ("网络", "网路")];

/// Collects the automaton's patterns, deduplicated, with their uses.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) patterns: Vec<String>,
    pub(super) refs: Vec<Vec<PatRef>>,
    pub(super) names: Vec<String>,
    pub(super) rules: Vec<String>,
    pub(super) index: HashMap<String, usize>,
    /// Cue groups handed out so far (weak rules with their own cues).
    pub(super) groups: u32,
}

impl Builder {
    /// Adds a pattern, and its other English spelling ("forced labor" for "forced labour",
    /// "organization" for "organisation"), so that a taxonomy need not list both.
    pub(super) fn add(
        &mut self,
        keyword: &str,
        entry: u32,
        role: Role,
        plural_ok: bool,
        group: u32,
    ) {
        self.add_one(keyword, entry, role, plural_ok, group, Doer::Any);
        if role == Role::Abbr {
            return;
        }
        for other in other_spellings_of(keyword)
            .into_iter()
            .chain(ligatures_lost(keyword))
        {
            self.add_one(&other, entry, role, plural_ok, group, Doer::Any);
        }
        // Taiwan and Hong Kong write some words of mainland text otherwise, beyond the chars that
        // normalization folds: 計畫 (计画) for 计划, 資訊 for 信息, 網路 for 网络.
        for (mainland, regional) in REGIONAL_WORDS {
            if keyword.contains(mainland) {
                self.add_one(
                    &keyword.replace(mainland, regional),
                    entry,
                    role,
                    plural_ok,
                    group,
                    Doer::Any,
                );
            }
        }
    }

    /// Adds the forms of a keyword said with "we" that other doers take: its verb after "we"
    /// and an adverb ([`after_adverb`]), and in the third person after a company subject
    /// ([`third_person`]).
    pub(super) fn add_doer_forms(&mut self, keyword: &str, entry: u32) {
        let forms = [
            (after_adverb(keyword), Doer::WeAdverb),
            (third_person(keyword), Doer::Company),
            (past_opening(keyword), Doer::Opening),
        ];
        for (form, doer) in forms {
            let Some(form) = form else { continue };
            for f in std::iter::once(form.clone()).chain(other_spellings_of(&form)) {
                self.add_one(&f, entry, Role::Keyword, true, 0, doer);
            }
        }
    }

    pub(super) fn add_one(
        &mut self,
        keyword: &str,
        entry: u32,
        role: Role,
        plural_ok: bool,
        group: u32,
        doer: Doer,
    ) {
        let norm = text::normalize_pattern(keyword.trim());
        if norm.is_empty() {
            return;
        }
        let id = *self.index.entry(norm.clone()).or_insert_with(|| {
            self.patterns.push(norm.clone());
            self.refs.push(Vec::new());
            self.patterns.len() - 1
        });
        // Given twice (or both spellings listed): one use is enough.
        if self.refs[id].iter().any(|r| {
            r.entry == entry
                && r.role == role
                && r.group == group
                && (r.doer == Doer::Any || r.doer == doer)
        }) {
            return;
        }
        let first = norm.chars().next().is_some_and(is_word_char);
        let last_char = norm.chars().next_back();
        let last = last_char.is_some_and(is_word_char);
        self.names.push(keyword.trim().to_string());
        self.rules.push(match (role, doer) {
            (Role::Abbr, _) => format!("abbr:{}", keyword.trim()),
            (_, Doer::Perfect) => format!("perfect:{}", keyword.trim()),
            _ => format!("keyword:{}", keyword.trim()),
        });
        let name = (self.names.len() - 1) as u32;
        self.refs[id].push(PatRef {
            entry,
            role,
            name,
            // `n't` attaches to the word before it.
            word_left: first && norm != "n't",
            word_right: last,
            plural: plural_ok && last_char.is_some_and(|c| c.is_ascii_alphabetic()),
            group,
            // Set once the entries are known ([`Tagger::try_new`]).
            numbered: false,
            doer,
        });
    }
}

/// A treaty or declaration with at most this many links is about those rights (the ILO core
/// conventions: five); one with more is a general catalogue (the UDHR, the two Covenants).
pub(super) const FOCUSED_MAX_LINKS: usize = 6;

/// The labour rights: an instrument most of whose links are among them is of the world of work.
pub(super) const LABOUR: &str = "right/labour/";

/// Besides the labour rights, what makes a passage about work (decent work, SDG 8, as hiring
/// and employment decisions are).
pub(super) const WORK: &[&str] = &[
    "right/economic-social-cultural/work",
    "group/workers",
    "sdg/8",
];

/// What makes a passage about a product's users or its content, outside the world of work.
pub(super) const PRODUCT: &[&str] = &["group/users", "theme/online-safety", "theme/responsible-ai"];

/// Entry facts the rules need, with the instruments each right, group or theme covers.
pub(super) fn entry_infos(taxonomy: &Taxonomy) -> Vec<EntryInfo> {
    // By id alone, as `taxonomy check`, the index's facets and search read it: an
    // `instrument_kind` elsewhere makes no instrument.
    let is_instrument = |e: &crate::taxonomy::Entry| e.id.starts_with("instrument/");
    // Looked up by id, so that a taxonomy of many entries builds in linear time, not by a scan
    // of every entry for each.
    let mut linking: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, inst) in taxonomy.entries.iter().enumerate() {
        if is_instrument(inst) {
            for l in &inst.links {
                let at = linking.entry(l.as_str()).or_default();
                if at.last() != Some(&j) {
                    at.push(j);
                }
            }
        }
    }
    let implied: HashSet<&str> = taxonomy
        .entries
        .iter()
        .flat_map(|e| e.implies.iter().map(String::as_str))
        .collect();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (j, e) in taxonomy.entries.iter().enumerate() {
        position.entry(e.id.as_str()).or_insert(j);
    }
    // The instruments linking an id or one of its ancestors (a link to `right/labour` covers
    // `right/labour/forced-labour`), in taxonomy order.
    let linked_from = |id: &str| {
        let mut found = BTreeSet::new();
        let mut at = Some(id);
        while let Some(p) = at {
            found.extend(linking.get(p).into_iter().flatten().copied());
            at = p.rfind('/').map(|i| &p[..i]);
        }
        found
    };
    taxonomy
        .entries
        .iter()
        .map(|e| {
            let mut coverers = Vec::new();
            // Only specific evidence covers: a right, a group or a theme, never a stance or an
            // hrdd element (which every instrument would "link").
            let specific_kind = ["right/", "group/", "theme/"]
                .iter()
                .any(|p| e.id.starts_with(p));
            if specific_kind && !is_instrument(e) {
                // An instrument of the world of work (most of its links are labour rights) is
                // not covered by a link outside labour (non-discrimination) in a passage about a
                // product's users or content: a platform's hate-speech rules take up no ILO
                // convention.
                let labour = |id: &str| id.starts_with(LABOUR);
                let needs_work = |inst: &crate::taxonomy::Entry| {
                    !labour(&e.id)
                        && 2 * inst.links.iter().filter(|l| labour(l)).count() > inst.links.len()
                };
                let candidates: Vec<(u32, usize, bool, bool)> = linked_from(&e.id)
                    .into_iter()
                    .map(|j| (j, &taxonomy.entries[j]))
                    .map(|(j, inst)| {
                        let framework = inst.instrument_kind == Some(InstrumentKind::Framework);
                        (j as u32, inst.links.len(), framework, needs_work(inst))
                    })
                    .collect();
                // The treaties and declarations about a few rights (the ILO core conventions and
                // the trafficking protocol for forced labour); failing those, the treaties and
                // declarations with the fewest links (ICESCR rather than the UDHR for health).
                // A framework (the Global Compact, the Women's Empowerment Principles) is one a
                // company joins, not one it follows by addressing a topic: it is covered only as
                // a broad instrument, so that anti-corruption alone does not make a statement
                // take up the Global Compact.
                let focused = |&(_, n, framework, _): &(u32, usize, bool, bool)| {
                    !framework && n <= FOCUSED_MAX_LINKS
                };
                let any_focused = candidates.iter().any(focused);
                let min = candidates
                    .iter()
                    .filter(|c| !c.2)
                    .map(|c| c.1)
                    .min()
                    .unwrap_or(0);
                coverers = candidates
                    .iter()
                    .map(|c| {
                        let narrow = if any_focused {
                            focused(c)
                        } else {
                            !c.2 && c.1 == min
                        };
                        (c.0, narrow, c.3)
                    })
                    .collect();
            }
            let in_name = taxonomy.named_in_title(e);
            let unimplied = if implied.contains(e.id.as_str()) {
                e.exclude
                    .iter()
                    .map(|x| crate::normalize::normalize_str(x))
                    .collect()
            } else {
                Vec::new()
            };
            let implies = e
                .implies
                .iter()
                .filter(|id| **id != e.id && !id.starts_with("instrument/"))
                .filter_map(|id| position.get(id.as_str()).copied())
                .map(|j| j as u32)
                .fold(Vec::new(), |mut ids, j| {
                    if !ids.contains(&j) {
                        ids.push(j);
                    }
                    ids
                });
            EntryInfo {
                id: e.id.clone(),
                instrument: is_instrument(e),
                negatable: e.negatable,
                step: e.negatable && e.id.starts_with("hrdd/"),
                stance: e.id.starts_with("stance/"),
                reported: e.id == ACTION_STANCE,
                pledge: e.id == "stance/commitment" || e.id == "stance/aspiration",
                company_only: e.id == ACTION_STANCE
                    || [
                        "hrdd/embedding",
                        "hrdd/impact-assessment",
                        "hrdd/action",
                        "hrdd/tracking",
                        "hrdd/communication",
                    ]
                    .contains(&e.id.as_str()),
                channel: e.id == "hrdd/grievance-mechanism",
                coverers,
                implies,
                unimplied,
                title_words: if in_name.is_empty() {
                    Vec::new()
                } else {
                    title_words(e)
                },
                in_name,
                rights_language: is_instrument(e) || e.id.starts_with("right/"),
                subject: ["right/", "group/", "theme/", "sdg/"]
                    .iter()
                    .any(|p| e.id.starts_with(p)),
                numbers: e.abbr.iter().filter_map(|a| convention_number(a)).collect(),
                list_heads: list_heads(e),
            }
        })
        .collect()
}

/// The distinctive words of an instrument's English title (four letters or more, not the words
/// every title has: convention, international, rights, …) and the two-char runs of its Chinese
/// title other than such words' (公约, 国际, 权利, …); none for other entries.
pub(super) fn title_words(e: &crate::taxonomy::Entry) -> Vec<String> {
    pub(super) const GENERIC: &str =
        "convention conventions international protocol protocols optional \
        covenant declaration rights united nations against other forms standards principles \
        business conduct people persons treatment punishment tackling their members families \
        status relating aiming with from that which especially supplementing elimination \
        discrimination";
    pub(super) const GENERIC_ZH: &[&str] = &[
        "公约", "国际", "联合", "合国", "议定", "定书", "权利", "宣言", "任择", "择议", "一切",
        "形式", "歧视", "消除",
    ];
    if !e.id.starts_with("instrument/") {
        return Vec::new();
    }
    let mut out: Vec<String> = crate::normalize::normalize_str(&e.name_en)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !listed(GENERIC, w))
        .map(str::to_string)
        .collect();
    let zh: Vec<char> = crate::normalize::normalize_str(&e.name_zh)
        .chars()
        .collect();
    for pair in zh.windows(2) {
        let p: String = pair.iter().collect();
        if pair.iter().all(|&c| crate::lang::is_han(c)) && !GENERIC_ZH.contains(&p.as_str()) {
            out.push(p);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The `(keyword, head)` pairs of an entry's Chinese exclude phrases that are one of its keywords
/// followed by more Chinese: 医疗 and 保险 of the exclude 医疗保险 of the right to health.
pub(super) fn list_heads(e: &crate::taxonomy::Entry) -> Vec<(String, String)> {
    let han = |s: &str| !s.is_empty() && s.chars().all(crate::lang::is_han);
    let keywords: Vec<String> =
        e.zh.iter()
            .map(|k| crate::normalize::normalize_str(k))
            .filter(|k| han(k))
            .collect();
    let mut out = Vec::new();
    for x in e.exclude.iter().map(|x| crate::normalize::normalize_str(x)) {
        for k in &keywords {
            if let Some(head) = x.strip_prefix(k.as_str()).filter(|h| han(h)) {
                out.push((k.clone(), head.to_string()));
            }
        }
    }
    out
}

/// Whether `rest`, the text after a keyword, goes on as a list whose last item ends in `head`, so
/// that the head is the keyword's too: 、失业、工伤和生育保险 after 医疗, with the head 保险. Items
/// are short runs of Chinese between list separators (、和及与或以及, not a comma, which also
/// joins clauses); the list ends at the first item no separator follows, and only that item's
/// head counts (医疗、社会保险、住房等方面 has another).
pub(super) fn ends_list_with(rest: &str, head: &str) -> bool {
    pub(super) const SEPARATORS: &[&str] = &["、", "以及", "和", "及", "与", "或"];
    pub(super) const MAX_ITEMS: usize = 8;
    pub(super) const MAX_ITEM_CHARS: usize = 8;
    pub(super) fn separator(s: &str) -> Option<&str> {
        SEPARATORS.iter().find_map(|p| s.strip_prefix(p))
    }
    let mut s = rest;
    for _ in 0..MAX_ITEMS {
        let Some(after) = separator(s) else {
            return false;
        };
        let after = after.trim_start();
        let mut end = 0;
        for (n, (i, c)) in after.char_indices().enumerate() {
            if !crate::lang::is_han(c) || separator(&after[i..]).is_some() {
                break;
            }
            if n == MAX_ITEM_CHARS {
                return false;
            }
            end = i + c.len_utf8();
        }
        let item = &after[..end];
        if item.is_empty() {
            return false;
        }
        s = &after[end..];
        if separator(s).is_none() {
            return item.len() > head.len() && item.ends_with(head);
        }
    }
    false
}
