//! Proper names and titles: a keyword inside an organisation's or a law's name, a company suffix,
//! a title in 《》 or in title case, names no topic.

use super::*;

/// Whether the text at a normalized range is written exactly like the abbreviation (case
/// included; full-width letters count as their ASCII forms) and is no code with a number joined
/// on ("CRC-32").
pub(super) fn abbr_as_written(clean: &str, norm: &NormText, r: Range<usize>, abbr: &str) -> bool {
    let r = norm.range_to_source(r);
    let src = clean.get(r.clone()).unwrap_or("");
    // With the number of a technical variant joined on it is a code (the checksums CRC-8 to
    // CRC-64, the cables CAT-5 to CAT-7), not the convention; other numbers are the instrument's
    // own (UNGP-31, SDG-8, CRC-1989).
    let coded = || {
        clean.get(r.end..).is_some_and(|rest| {
            let Some(n) = rest.strip_prefix(['-', '\u{2010}', '\u{2011}']) else {
                return false;
            };
            let digits = n.bytes().take_while(u8::is_ascii_digit).count();
            matches!(&n[..digits], "5" | "6" | "7" | "8" | "16" | "32" | "64")
                && !n[digits..].starts_with(|c: char| c.is_ascii_digit())
        })
    };
    src.chars().map(text::fold_width).eq(abbr.chars()) && !coded()
}

/// Whether an English match `start..end` of `clean` is part of the name of an organisation or a
/// place ("Wimmera Health Care Group", "Grampians Health", "Aspire Housing", "Fair Labor
/// Association"), which says nothing of what the passage is about: the match is written as a
/// name (each word capitalised but for small words such as "and", "of"), and so is the word
/// before it, which is no sentence opener ("Our", "This"). A name that goes on into a document
/// word ("Migrant Worker Policy", "Fighting Forced Labour … Act") names a policy or law about the
/// subject and counts. Not in title-case text (a heading, where every word is capitalised and a
/// capital says nothing): `title_case` caches that verdict for the passage.
pub(super) fn in_proper_name(
    clean: &str,
    start: usize,
    end: usize,
    title_case: &mut Option<bool>,
) -> bool {
    let Some(m) = clean.get(start..end) else {
        return false;
    };
    // Words in capitals are a heading run into the text ("STEPS TO PREVENT FORCED LABOUR").
    let shouted = |w: &str| w.len() >= 2 && !w.bytes().any(|b| b.is_ascii_lowercase());
    if !m
        .split(' ')
        .all(|w| capitalised(w) || SMALL_WORDS.contains(&w))
        || !capitalised(m)
        || shouted(m)
    {
        return false;
    }
    let before = clean[..start].trim_end_matches([' ', '\u{a0}']);
    // A company's name, in any text: "Vitality Health Limited". (A public body's name is about its
    // subject: a Ministry of Health or a National Council of Children is where the right is served.)
    if before_company_suffix(&clean[end..]) {
        return true;
    }
    // Only a space, not punctuation, between them.
    if before.len() == start {
        return false;
    }
    let prev = before
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\''))
        .next()
        .unwrap_or("");
    // A verb in -ing opens a clause ("Eliminating Forced Labour is a priority").
    if !capitalised(prev)
        || shouted(prev)
        || prev.ends_with("ing")
        || OPENERS.iter().any(|o| o.eq_ignore_ascii_case(prev))
    {
        return false;
    }
    // The name's other words, up to the first word outside it on either side: a document word
    // among them names a policy, a plan or a law ("Occupational Health and Safety policy",
    // "National Action Plan to Combat Human Trafficking").
    let is_document = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
        DOCUMENT_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w))
    };
    let in_name = |w: &&str| capitalised(w) || SMALL_WORDS.contains(w);
    let gap = |c: char| c.is_whitespace() || c == ',';
    // Neither side reaches past the end of a sentence or a bracket.
    let ends = |w: &str| w.ends_with(['.', ';', ':', '!', '?', ')']) || w.contains('(');
    let mut names_a_document = false;
    for w in clean[end..]
        .split(gap)
        .filter(|w| !w.is_empty())
        .take(NAME_WORDS)
    {
        names_a_document |= is_document(w);
        // The first word past the name still counts: "… Safety policy".
        if names_a_document || !in_name(&w) || ends(w) {
            break;
        }
    }
    names_a_document = names_a_document
        || clean[..start]
            .rsplit(gap)
            .filter(|w| !w.is_empty())
            .take(NAME_WORDS)
            .take_while(|w| in_name(w) && !ends(w))
            .any(is_document);
    !names_a_document && !*title_case.get_or_insert_with(|| is_title_case(clean))
}

/// Whether the text after a match (`end`, in `clean`) goes on, through words written as a name
/// ("and Child Labour in Supply Chains"), into the word "Act": the match is in a law's name.
pub(super) fn in_law_name(clean: &str, end: usize) -> bool {
    // An English match only, and a name's few words after it: a Chinese passage has no
    // spaces to stop a scan of the rest of it.
    if !clean
        .get(..end)
        .is_some_and(|s| s.ends_with(|c: char| c.is_ascii_alphabetic()))
    {
        return false;
    }
    let rest = &clean[end..clean.floor_char_boundary(end + 16 * NAME_WORDS)];
    // The rest of the match's last word ("Chain|s Act").
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    for w in rest
        .split([' ', '\u{a0}'])
        .filter(|w| !w.is_empty())
        .take(NAME_WORDS)
    {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        // Not "Housing ACT" (the Australian Capital Territory), nor the verb ("our policies on
        // child labour act as a minimum standard").
        if bare == "Act" || bare == "Acts" {
            return true;
        }
        if bare.len() != w.len() || w.contains('(') || !(capitalised(w) || SMALL_WORDS.contains(&w))
        {
            return false;
        }
    }
    false
}

/// Whether a sentence gives a law it names only as the statement's legal basis ("This report
/// is prepared pursuant to…", "statement as required under s54 of…", "… Act Report 2023"), and
/// holds no one to it, trains no one on it and assesses nothing against it.
pub(super) fn only_legal_basis(sentence: &str) -> bool {
    pub(super) const BASIS: &[&str] = &[
        "pursuant to",
        "in accordance with",
        "required under",
        "required by",
        "as required",
        "made under",
        "prepared under",
        "published under",
        "for the purposes of",
        "within the meaning of",
        "subject to",
        "remit of",
        "section",
        "subsection",
        "s54",
        "statement",
        "report",
        "reporting",
        "identifying information",
    ];
    pub(super) const ENGAGED: &[&str] = &[
        "comply",
        "complies",
        "complied",
        "complying",
        "compliance",
        "compliant",
        "supplier",
        "suppliers",
        "contractor",
        "contractors",
        "subcontractor",
        "subcontractors",
        "contract",
        "contracts",
        "subcontracts",
        "clause",
        "clauses",
        "vendor",
        "vendors",
        "third parties",
        "breach",
        "breaches",
        "adhere",
        "adheres",
        "abide",
        "observe",
        "observes",
        "training",
        "trained",
        "aware",
        "awareness",
        "assess",
        "assessed",
        "assesses",
        "assessing",
        "assessment",
        "identify",
        "identified",
        "risk",
        "risks",
        "prevent",
        "prevention",
        "guidance",
        "welcome",
        "welcomes",
        "pay",
        "paid",
        "pays",
        "wage",
        "wages",
        "incident",
        "incidents",
        "concern",
        "concerns",
        "hotline",
        "adjustments",
        "employ",
        "employed",
        "employment",
    ];
    // One pass for each list: this runs for every sentence that names a law.
    static BASES: WordScan = WordScan::new(|| word_scan(BASIS));
    static ENGAGEMENTS: WordScan = WordScan::new(|| word_scan(ENGAGED));
    let any = |scan: &WordScan| {
        scan.find_overlapping_iter(sentence)
            .any(|m| is_whole_word(sentence, m.start(), m.end()))
    };
    any(&BASES) && !any(&ENGAGEMENTS)
}

/// How many words a name may have: bounded, so that a long run of capitalised words stays
/// linear.
pub(super) const NAME_WORDS: usize = 12;

/// Whether a match is followed by a company's legal suffix, at once or after one more capitalised
/// word ("Health Limited", "Health Properties PLC"). Not further: a heading run into the text
/// ("… Supply Chain Red Hat Inc, founded in 1993") is followed by the company's whole name.
pub(super) fn before_company_suffix(after: &str) -> bool {
    for w in after
        .split([' ', '\u{a0}'])
        .filter(|w| !w.is_empty())
        .take(2)
    {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        if COMPANY_SUFFIXES.contains(&bare) {
            return true;
        }
        if !capitalised(bare) || bare.len() != w.len() {
            return false;
        }
    }
    false
}

/// Legal suffixes of company names.
pub(super) const COMPANY_SUFFIXES: &[&str] = &[
    "Ltd",
    "Limited",
    "PLC",
    "plc",
    "Pty",
    "Inc",
    "LLC",
    "LLP",
    "GmbH",
    "AG",
    "SA",
    "NV",
    "BV",
    "Corporation",
    "Corp",
    "Co",
];

/// Whether a word starts with a capital letter.
pub(super) fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Words a name may hold uncapitalised.
pub(super) const SMALL_WORDS: &[&str] = &["and", "of", "the", "for", "in", "on", "to", "&"];

/// Capitalised words that open a sentence rather than a name.
pub(super) const OPENERS: &[&str] = &[
    "A", "An", "The", "This", "These", "That", "Those", "Our", "Its", "Their", "We", "In", "At",
    "For", "To", "On", "By", "With", "As", "All", "Any", "Each", "Every", "No", "Further", "Such",
    // A national scheme is about its subject ("the National Living Wage").
    "National",
];

/// Words that make a name a document's: a policy, a code, a law, a plan.
pub(super) const DOCUMENT_WORDS: &[&str] = &[
    "Policy",
    "Policies",
    "Code",
    "Act",
    "Statement",
    "Standard",
    "Standards",
    "Plan",
    "Programme",
    "Program",
    "Strategy",
    "Framework",
    "Guidelines",
    "Principles",
    "Charter",
    "Procedure",
    "Register",
    "Law",
    "Regulation",
    "Regulations",
    "Index",
    "Declaration",
    "Convention",
    "Report",
    "Questionnaire",
    "Guidance",
    "Training",
];

/// Whether most longer English words of a text are capitalised, as in a heading.
pub(super) fn is_title_case(text: &str) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
    {
        words += 1;
        caps += usize::from(capitalised(w));
    }
    words > 0 && caps * 2 >= words
}

/// Whether a match is enclosed in brackets or quotes: `（ILO）`, `《UNGP》`, `"CRC"`.
pub(super) fn bracketed(t: &str, start: usize, end: usize) -> bool {
    let before = t[..start].trim_end().chars().next_back();
    let after = t[end..].trim_start().chars().next();
    matches!(before, Some('(' | '《' | '“' | '"' | '['))
        && matches!(after, Some(')' | '》' | '”' | '"' | ']'))
}

/// Whether a match is a title in 《》: `《CRC》`.
pub(super) fn title_marked(t: &str, start: usize, end: usize) -> bool {
    t[..start].trim_end().ends_with('《') && t[end..].trim_start().starts_with('》')
}

/// Whether `t[start..end]` lies inside a title in 《》 (《负责任采矿保证倡议》: the initiative's name,
/// not the company's pledge). Titles are short, so only a bounded stretch either side is read.
pub(super) fn in_title(t: &str, start: usize, end: usize) -> bool {
    pub(super) const SPAN: usize = 120;
    let mut from = start.saturating_sub(SPAN);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + SPAN).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let (before, after) = (&t[from..start], &t[end..to]);
    let opened = before
        .rfind('《')
        .is_some_and(|o| before[o..].find('》').is_none());
    opened
        && after
            .find(['》', '《', '\n'])
            .is_some_and(|c| after[c..].starts_with('》'))
}

/// Whether the title around a match ending at `end` is a regulation named only in a law's
/// history: the sentence puts a regulation into force (自…起施行; not 《…法》施行之前, a
/// transitional rule on what the law governs) or records a session adopting,
/// amending or revising one (…次会议《关于修改〈…文物保护法〉等十二部法律的决定》第三次修正), or
/// 废止 follows the title's close at once, after at most a document number in brackets
/// (《…的通知》（劳社部发[2000]8号）同时废止). A licence revoked for breaking a law
/// (违反《野生动物保护法》…狩猎证同时废止) is no repeal of the law.
pub(super) fn repealed_title(t: &str, end: usize, sentence: &str) -> bool {
    if sentence.contains("起施行")
        || (sentence.contains("次会议")
            && ["通过", "修正", "修订", "批准"]
                .iter()
                .any(|w| sentence.contains(w)))
    {
        return true;
    }
    let Some(close) = t[end..].find('》') else {
        return false;
    };
    let mut rest = &t[end + close + '》'.len_utf8()..];
    // `t` is normalized text, where （） are already (): one bracket pair to step over.
    if let Some(inner) = rest.strip_prefix('(') {
        rest = inner.find(')').map_or("", |c| &inner[c + 1..]);
    }
    let rest = ["同时", "即行", "予以"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    rest.starts_with("废止")
}

/// Whether a hit lies inside, and is shorter than, one of `titles` (spans by start).
pub(super) fn within_title(titles: &[Range<usize>], h: &Hit) -> bool {
    let upto = titles.partition_point(|r| r.start <= h.start);
    titles[..upto]
        .iter()
        .any(|r| h.end <= r.end && r.len() > h.end - h.start)
}
