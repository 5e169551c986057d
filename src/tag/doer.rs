//! Who does a step: the company (by "we", its name, its board, a subject with a determiner) or
//! another party (suppliers, a government), and practices reported in the present.

use super::*;

/// Whether `w` is a head noun of a company or one of its bodies as the subject of a practice
/// said in the third person: "The Company assesses", "our procurement team conducts", "the
/// Board reviews". (`matches!`, not a word list: it runs on every "will" and "has".)
pub(super) fn is_company_head(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "group"
            | "business"
            | "organisation"
            | "organization"
            | "firm"
            | "bank"
            | "board"
            | "directors"
            | "committee"
            | "team"
            | "teams"
            | "function"
            | "department"
            | "management"
            | "entity"
            | "subsidiary"
            | "subsidiaries"
            | "partnership"
    )
}

/// Whether `w` is an adverb that may stand between a doer and its practice: "the Group also
/// requires", "we carefully review every request".
pub(super) fn is_doer_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "additionally"
            | "actively"
            | "already"
            | "always"
            | "annually"
            | "carefully"
            | "closely"
            | "consistently"
            | "continually"
            | "continuously"
            | "currently"
            | "directly"
            | "formally"
            | "further"
            | "generally"
            | "independently"
            | "jointly"
            | "now"
            | "often"
            | "periodically"
            | "proactively"
            | "regularly"
            | "rigorously"
            | "routinely"
            | "still"
            | "systematically"
            | "then"
            | "thoroughly"
            | "typically"
            | "usually"
    )
}

/// The verb of a keyword said with "we", for a match after "we" and an adverb: "we require"
/// as "require". `None` for a keyword that does not open with "we", or whose verb is an
/// auxiliary or a modal ("we have", "we will"), far too common alone.
pub(super) fn after_adverb(keyword: &str) -> Option<String> {
    pub(super) const AUXILIARIES: &str =
        "have has are were was is do does will shall can must may should \
        would could be";
    let rest = keyword.trim().to_lowercase();
    let rest = rest.strip_prefix("we ")?;
    let verb = rest.split(' ').next()?;
    (!listed(AUXILIARIES, verb) && !is_doer_adverb(verb)).then(|| rest.to_string())
}

/// Where "we" starts when it and one adverb ([`is_doer_adverb`]) stand right before `start`
/// of normalized text `t`.
pub(super) fn we_and_adverb(t: &str, start: usize) -> Option<usize> {
    let head = t[t.floor_char_boundary(start.saturating_sub(24))..start].strip_suffix(' ')?;
    let (rest, adverb) = head.rsplit_once(' ')?;
    let we = rest.strip_suffix("we")?;
    if we.chars().next_back().is_some_and(is_word_char) || !is_doer_adverb(adverb) {
        return None;
    }
    Some(start - adverb.len() - 4)
}

/// A keyword said with "we" in the third person singular, for a company subject: "we conduct"
/// as "conducts", "we have conducted" as "has conducted", "we also plan to" as "also plans to",
/// "we will" as "will"; a past tense stays as it is ("we reviewed" as "reviewed"). `None` for a
/// keyword that does not open with "we".
pub(super) fn third_person(keyword: &str) -> Option<String> {
    pub(super) const MODALS: &str = "will shall can must may should would could";
    let rest = keyword.trim().to_lowercase();
    let rest = rest.strip_prefix("we ")?;
    let mut words: Vec<String> = rest.split(' ').map(str::to_string).collect();
    let i = words.iter().position(|w| !is_doer_adverb(w))?;
    let v = words[i].as_str();
    let form = match v {
        "have" => "has".to_string(),
        "are" => "is".to_string(),
        "were" => "was".to_string(),
        "do" => "does".to_string(),
        _ if listed(MODALS, v) || listed(PAST, v) || v.ends_with("ed") => v.to_string(),
        _ if ["s", "sh", "ch", "x", "z", "o"]
            .iter()
            .any(|e| v.ends_with(e)) =>
        {
            format!("{v}es")
        }
        _ if v.len() > 2
            && v.ends_with('y')
            && !v[..v.len() - 1].ends_with(|c| "aeiou".contains(c)) =>
        {
            format!("{}ies", &v[..v.len() - 1])
        }
        _ => format!("{v}s"),
    };
    words[i] = form;
    Some(words.join(" "))
}

/// Past tenses the -ed test does not see.
pub(super) const PAST: &str =
    "held undertook took made gave began built sent sought paid met found brought \
    kept spent won ran led wrote chose bought became saw grew rose fell";

/// A keyword said with "we" in the past tense, without "we", for a passage opening with it:
/// "we conducted" as "conducted", "we carried out" as "carried out". `None` for any other
/// keyword, and for verbs that open a signature or a noun phrase ("Signed: …", "Required
/// documents").
pub(super) fn past_opening(keyword: &str) -> Option<String> {
    let rest = keyword.trim().to_lowercase();
    let rest = rest.strip_prefix("we ")?;
    let verb = rest.split(' ').next()?;
    ((listed(PAST, verb) || verb.ends_with("ed")) && !listed("signed required provided", verb))
        .then(|| rest.to_string())
}

/// Whether a match `start..end` of normalized text `t` (of `clean`) is a verb opening the
/// passage, after a bullet or an item's number at most ("(a) Conducted…"), and goes on as a
/// deed: into its object, opened by a determiner or a number ("Conducted a…", "Mapped our…",
/// "Trained 120…", "Ensured that…"), or into a second verb ("Developed and implemented…",
/// "Engaged with…"), or into a common noun in a clause with no verb of its own ("Supported
/// employees through…"). A participle before its noun ("Increased demand can lead to…",
/// "Reported revenue rose…", "Identified risks") is no deed, nor a date ("Published 28 July
/// 2023", "Updated 01/07/2024"), a label ("Monitored: …"), a marking in capitals
/// ("RESTRICTED") or a name ("Builts").
pub(super) fn opens_passage(
    clean: &str,
    norm: &NormText,
    t: &str,
    start: usize,
    end: usize,
) -> bool {
    // Most matches are far from the opening: settled by the bytes before them.
    if start > 12 {
        return false;
    }
    let head = t[..start].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '•' | '·' | '*' | '–' | '▪' | '(')
    });
    let mark = head.trim_end();
    let number = mark.trim_end_matches(['.', ')']);
    let numbered = number.len() < mark.len()
        && !number.is_empty()
        && number.len() <= 4
        && (number.bytes().all(|b| b.is_ascii_digit())
            || number.bytes().all(|b| b"ivx".contains(&b))
            || (number.len() == 1 && number.bytes().all(|b| b.is_ascii_lowercase())));
    if !(head.is_empty() || numbered) {
        return false;
    }
    let written = clean.get(norm.range_to_source(start..end)).unwrap_or("");
    if !written.bytes().any(|b| b.is_ascii_lowercase())
        || t[..end].ends_with('s')
        || t[end..].starts_with([',', ':', ';'])
    {
        return false;
    }
    pub(super) const MONTHS: &str = "january february march april may june july august september \
        october november december jan feb mar apr jun jul aug sep sept oct nov dec";
    pub(super) const OBJECT_OPENERS: &str =
        "a an the our its their his her all each every any some \
        several both this these those that new more additional further two three four five six \
        seven eight nine ten with and out up";
    let mut next = t[end..].split_whitespace();
    let first = next.next().unwrap_or("");
    let second = next.next().unwrap_or("");
    let number = first.starts_with(|c: char| c.is_ascii_digit());
    let bare = first.trim_end_matches(['.', ',', ';']);
    let year_or_date = bare.len() == 4
        || first.contains(['/', '-'])
        || listed(MONTHS, second.trim_end_matches([',', '.']));
    if number || listed(OBJECT_OPENERS, first) {
        return !(number && year_or_date);
    }
    // The verbs of a noun phrase's clause: "Increased demand … can lead", "Identified risks
    // include", "Reported revenue rose".
    pub(super) const CLAUSE_VERBS: &str =
        "is are was were be been has have had can may will must should \
        could would shall remain remains remained include includes apply applies lead leads \
        account accounts rose grew fell show shows showed vest vests put puts require requires \
        meant means receive receives reported increased decreased declined reached exceeded \
        totalled totaled";
    // Any other object is a common noun ("Supported employees through…"), not a name or a
    // heading's next word ("Identified Risks", "Completed actions"), in a clause with no verb
    // of its own.
    let after = clean
        .get(norm.to_source_end(end)..)
        .unwrap_or("")
        .trim_start();
    let clause = t[end..]
        .split([',', ';', ':', '.', '(', ')'])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = clause
        .split_whitespace()
        .take_while(|w| !listed("who which that to", w))
        .collect();
    after.starts_with(|c: char| c.is_lowercase())
        && words.len() >= 3
        && !listed("by in on at as from under for", first)
        && !first.ends_with("ing")
        && !first.ends_with("ed")
        && !words.iter().any(|w| listed(CLAUSE_VERBS, w))
}

/// Whether `matched`, a company's "has", owns or denies rather than reports: "The Company has
/// one wholly owned branch", "the Group has interests in…", "the Company has not identified…",
/// not "the Group has adopted", "the Company has taken steps" (a participle follows, perhaps
/// after an adverb).
pub(super) fn has_as_possession(matched: &str, rest: &str) -> bool {
    if matched != "has" {
        return false;
    }
    let mut words = rest.split_whitespace();
    let mut next = words.next().unwrap_or("");
    // A deed denied is none either: "the Company has not identified".
    if matches!(next, "not" | "never" | "yet") {
        return true;
    }
    if is_doer_adverb(next) {
        next = words.next().unwrap_or("");
    }
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    if next == "owned" {
        return true;
    }
    if listed(ADJECTIVES_IN_ED, next) {
        let after = words.next().unwrap_or("");
        return !listed(DETERMINERS_OF_OBJECT, after);
    }
    !(next.ends_with("ed") || listed(PARTICIPLES, next))
}

/// Irregular past participles a present perfect of a deed takes.
pub(super) const PARTICIPLES: &str =
    "been taken undertaken made begun done given held built sent sought \
    paid met found brought kept spent won run led written chosen set put become grown seen \
    shown drawn known";

/// Adjectives in -ed, which describe what one has ("has limited visibility", "has dedicated
/// staff") unless what follows is the object of a deed ("has limited the use of agency labour").
pub(super) const ADJECTIVES_IN_ED: &str =
    "limited dedicated advanced detailed skilled registered listed \
    varied qualified specialised specialized diversified integrated talented experienced";

/// Words that open the object of a deed after a verb.
pub(super) const DETERMINERS_OF_OBJECT: &str = "the a an its our their this these those all";

/// The end of a present perfect of a deed whose auxiliary (`has`, `have`) is `start..end` of
/// normalized text `t`: the past participle after it, and at most one adverb between ("the Group
/// has reviewed", "our sites have also improved"). None for possession ("has a policy", "have
/// dedicated teams"), a denial ("has not"), a pledge or a plan ("has committed to", "have
/// decided to"), and an auxiliary after a modal, a relative pronoun or a condition ("will have
/// completed", "suppliers who have signed", "if the supplier has breached"): what was done is
/// then not reported.
pub(super) fn perfect_after(t: &str, start: usize, end: usize) -> Option<usize> {
    // Words that make a perfect no report of a deed: pledges and plans, and -ed words that are
    // no participles.
    // "has caused or contributed to" attributes an impact.
    pub(super) const NOT_DEEDS: &str =
        "committed pledged aimed decided planned proposed intended hoped \
        agreed wanted needed expected tried attempted promised vowed caused contributed need \
        speed embed bed red shed hundred";
    // Right before the auxiliary: a modal or an infinitive.
    pub(super) const MODALS: &str = "to will would shall should may might could must can cannot";
    // Anywhere in the clause before it: a condition, a relative clause, or another party, whose
    // deeds are not the company's ("Amnesty International has reported abuses").
    pub(super) const CLAUSE: &str =
        "who that which whom whose if when where whether once until unless \
        amnesty international ngo ngos un nations government governments authorities \
        regulator regulators media journalists research researchers index study studies \
        estimates";
    // Right after the participle: no object, as in a relative clause ("the steps the Company has
    // taken to prevent") or a change undergone ("our supply chain has increased in volume").
    pub(super) const NO_OBJECT: &str =
        "to in on at for from with by during since over under into within \
        about across through throughout as so because while than until";
    let before = t[..start].trim_end_matches(' ');
    let prev = before
        .rsplit([' ', ',', ';', ':', '('])
        .next()
        .unwrap_or("");
    // A subject with a determiner ("the Group", "our sites", "this process"): a bare name may
    // be another party's ("Oxfam has reported abuses"); the company's own name is read by
    // [`company_doer`].
    pub(super) const DETERMINERS: &str = "the our its this these each every all their";
    let from = clause_start(t, t.floor_char_boundary(start.saturating_sub(160)), start);
    let mut clause = t[from..start].split(|c: char| !c.is_ascii_alphanumeric());
    if listed(MODALS, prev) || !clause.clone().any(|w| listed(DETERMINERS, w)) {
        return None;
    }
    if clause.any(|w| listed(CLAUSE, w)) {
        return None;
    }
    let rest = &t[end..];
    let mut at = end;
    let mut words = rest.split(' ');
    // The auxiliary is followed by a space: "has." or "have," ends its clause.
    if words.next() != Some("") {
        return None;
    }
    at += 1;
    let mut next = words.next()?;
    if is_doer_adverb(next) {
        at += next.len() + 1;
        next = words.next()?;
    }
    let word = next.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    if word.len() < 4
        || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        || listed(NOT_DEEDS, word)
    {
        return None;
    }
    let after = words.next().unwrap_or("");
    let deed = if listed(ADJECTIVES_IN_ED, word) {
        listed(DETERMINERS_OF_OBJECT, after)
    } else {
        (word.ends_with("ed") || listed(PARTICIPLES, word))
            && word.len() == next.len()
            && !after.is_empty()
            && !listed(NO_OBJECT, after)
    };
    deed.then_some(at + word.len())
}

/// Where the company doing what a practice in the third person at `start` of normalized text
/// `t` says starts: a company subject ([`company_subject`]) or the company's acronym
/// ([`name_subject`]) at the head of the clause. Most matches ("will", "has", "provides")
/// follow neither, which the word before them (or before its adverb) settles at once.
pub(super) fn company_doer(clean: &str, norm: &NormText, t: &str, start: usize) -> Option<usize> {
    let near = &t[t.floor_char_boundary(start.saturating_sub(40))..start];
    let mut last = near.strip_suffix(' ')?.rsplit(' ');
    let mut word = last.next()?;
    let mut at = start - 1 - word.len();
    if is_doer_adverb(word) {
        word = last.next()?;
        at = at.checked_sub(word.len() + 1)?;
    }
    let named = || clean[norm.to_source(at)..].starts_with(|c: char| c.is_ascii_uppercase());
    if is_company_head(word) {
        // "Nomad Foods Group has adopted": a name ending in a head noun, without a determiner.
        company_subject(t, start)
            .or_else(|| named().then(|| name_subject(clean, norm, t, start))?)
    } else if named() {
        name_subject(clean, norm, t, start)
    } else {
        None
    }
}

/// The words, with their offsets, of the clause of normalized text `t` before `start` (looking
/// back at most `reach` bytes), without an adverb right before `start`.
pub(super) fn subject_words(t: &str, reach: usize, start: usize) -> Vec<(usize, &str)> {
    let lo = clause_start(t, t.floor_char_boundary(start.saturating_sub(reach)), start);
    let mut words = Vec::new();
    let mut at = lo;
    for w in t[lo..start].split(' ') {
        if !w.is_empty() {
            words.push((at, w));
        }
        at += w.len() + 1;
    }
    if words.last().is_some_and(|(_, w)| is_doer_adverb(w)) {
        words.pop();
    }
    words
}

/// Where the company subject of a verb at `start` of normalized text `t` starts, if the verb has
/// one at the head of its clause: "The Company assesses", "Our Board of Directors reviews", "In
/// 2023, the Group also conducted", "and the modern slavery working group meets". A determiner
/// (the, our, each, every, its), at most four words, then a head noun ([`is_company_head`]) and
/// at most one adverb; before the determiner nothing in the clause, a joining word or a short
/// fronted adverbial. Not a relative clause ("the services the company provides") nor a subject that
/// is not the company's ("the Act requires", "the supplier conducts").
pub(super) fn company_subject(t: &str, start: usize) -> Option<usize> {
    pub(super) const DETERMINERS: &str = "the our each every its";
    pub(super) const JOINING: &str = "and but also then while whilst so";
    // Not "since", which as often gives a reason ("Since the Group provides only…").
    pub(super) const OPENERS: &str =
        "in through at for during under with across by on within throughout \
        after following from via beyond besides alongside";
    // "Each year", "this quarter": a time, not "every supplier to the Group".
    pub(super) const TIME_OPENERS: &str = "each every this last";
    pub(super) const TIMES: &str = "year quarter month week day time period season";
    pub(super) const RELATIVES: &str =
        "that which whom whose how what why those where when whether who";
    pub(super) const PREPOSITIONS: &str = "to of for by with within from at on in under";
    // Public bodies and other parties, which a company head names as well: "the World Bank",
    // "the central bank", "the State Department", "the rebel group".
    pub(super) const OTHERS: &str =
        "world central reserve development investment state federal national \
        international un united nations government ministry labour labor home affairs border \
        police rebel armed terrorist militant client customer mining external independent \
        third-party consulting consultancy accounting law";
    let words = subject_words(t, 160, start);
    let n = words.len();
    if n < 2 || !is_company_head(words[n - 1].1) {
        return None;
    }
    // The determiner: the nearest before the head, no more than four words before it.
    let d = (n.saturating_sub(6)..n - 1)
        .rev()
        .find(|&i| listed(DETERMINERS, words[i].1))?;
    let modifiers = &words[d + 1..n - 1];
    // Another party's body is not the company's ("the supplier's management team"), unless the
    // owner is the company ("the company's board").
    let possessed = |w: &str| {
        let owner = w.strip_suffix("'s").or_else(|| w.strip_suffix("s'"));
        owner.is_some_and(|o| !is_company_head(o) && !is_company_head(&format!("{o}s")))
    };
    if modifiers.iter().any(|(_, w)| {
        listed(RELATIVES, w)
            || listed(DETERMINERS, w)
            || listed(OTHERS, w)
            || possessed(w)
            || !w
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '&'))
    }) {
        return None;
    }
    // A fronted adverbial is short ("In 2023", "During the reporting period", "Each year"); a
    // longer run before the subject is a clause of its own, which the subject's verb is then
    // a relative clause of: "This statement sets out the steps the Company has taken".
    let before = &words[..d];
    let opens = match before {
        [(_, first), (_, second), ..] if listed(TIME_OPENERS, first) => listed(TIMES, second),
        [(_, first), ..] => listed(OPENERS, first),
        [] => false,
    };
    let fronted = before.len() <= 4
        && opens
        && !before.iter().any(|(_, w)| listed(RELATIVES, w))
        && before.last().is_some_and(|(_, w)| !listed(PREPOSITIONS, w));
    let ok = match before.last() {
        None => true,
        Some((_, w)) => listed(JOINING, w) || fronted,
    };
    ok.then_some(words[d].0)
}

/// Where the company's name before a verb at `start` of normalized text `t` starts, when it
/// heads its clause, perhaps with one adverb after it: "SUEZ WTS has implemented", "HSV will
/// undertake", "MEG also intends to", "Kimberly-Clark assesses", "Sanofi will undertake", "Nomad
/// Foods has adopted". One to three words as written in `clean`: in capitals, three letters or
/// more, not a body or a standard others run (ILO, OECD, SMETA) nor a heading word run into the
/// text (INTRODUCTION, TRAINING); or capitalised, not opening with a word that opens sentences
/// as a pronoun, conjunction or title ([`is_common_opener`]: "This", "Once", "Prime") nor naming
/// another party ("World Bank", "Amnesty International"). A lone capitalised word is no name
/// where it is a common noun ([`is_common_noun`]: "Training"), a plural or an adjective
/// ("Suppliers", "Regular"), an abstract noun ("Legislation") or a country ("Australia"). The
/// verb is not itself in capitals, as in a heading.
pub(super) fn name_subject(clean: &str, norm: &NormText, t: &str, start: usize) -> Option<usize> {
    // In lower case, as normalized text has them; a set, as it is looked up on every match.
    pub(super) const OTHERS: &str = "ilo un ungp ungps oecd smeta bsci rba eti iso ngo ngos eu uk us usa ceo \
        cfo coo hr esg ai it gri sasb tcfd sdg sdgs ungc fla sedex csr ehs whs ohs msa abn acn fy \
        ltd pty inc plc and the our we this unicef unhcr iom who wto imf dol cbp uflpa note page \
        appendix introduction overview summary conclusion approval statement policy policies \
        training risk risks governance suppliers supply chain operations structure due diligence \
        remediation effectiveness consultation actions people employees workers business modern \
        slavery section part restricted confidential public internal official how what why when who \
        where all any not are has have will for";
    static OTHER_SET: WordSet = WordSet::new(|| OTHERS.split_whitespace().collect());
    // A heading in capitals ("HOW ASG ASSESSES EFFECTIVENESS") is no sentence.
    let verb_from = norm.to_source(start);
    if clean[verb_from..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let words = subject_words(t, 60, start);
    if words.is_empty() || words.len() > 3 {
        return None;
    }
    let written = |(at, w): &(usize, &str)| {
        let from = norm.to_source(*at);
        clean.get(from..from + w.len()).unwrap_or("")
    };
    let acronym = |w: &str, lower: &str| {
        w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase()) && !OTHER_SET.contains(lower)
    };
    let capitalised = |w: &str| {
        let mut b = w.bytes();
        b.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.bytes().any(|c| c.is_ascii_lowercase())
            && w.bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'&' | b'.'))
    };
    let mut names = 0;
    for (i, word) in words.iter().enumerate() {
        let w = written(word);
        if acronym(w, word.1) {
            continue;
        }
        // The first word opens the sentence, where a common noun is capitalised too.
        let common = i == 0 && (is_common_opener(word.1) || OTHER_SET.contains(word.1));
        if !capitalised(w) || common {
            return None;
        }
        names += 1;
    }
    if names > 0
        && words
            .iter()
            .any(|(_, w)| is_other_party(w, words.len() == 1))
    {
        return None;
    }
    // A lone capitalised word is more often a plural ("Suppliers will") or an adjective before
    // a plural noun the verb form is also ("Regular audits", "Preventative measures",
    // "Interactive tests") than a name.
    pub(super) const ADJECTIVE_ENDINGS: &[&str] = &[
        "s", "ic", "al", "ar", "ive", "ory", "ary", "ous", "ful", "ble", "ent", "ant", "ed", "ing",
        "party",
    ];
    // Nor an abstract noun ("Legislation will", "Experience has shown") or a word with a digit
    // ("Covid-19 has increased").
    pub(super) const NOUN_ENDINGS: &[&str] =
        &["tion", "sion", "ment", "ness", "ism", "ship", "ogy"];
    let lone = &words[0].1;
    if names == 1
        && words.len() == 1
        && (ADJECTIVE_ENDINGS.iter().any(|e| lone.ends_with(e))
            || NOUN_ENDINGS.iter().any(|e| lone.ends_with(e))
            || is_common_noun(lone)
            || lone.bytes().any(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // A plural noun that is also a verb form ("Random audits will be introduced", "Site visits
    // are planned"): a modal or auxiliary follows it. A customer ("Tesco requires us"). A
    // signature ("Stephen Johnston signed Director May 31, 2024").
    pub(super) const AUXILIARIES: &str =
        "will would shall should are were is was have has had may might \
        must can could do does did";
    let mut after = t[start..].split(' ');
    let verb = after.next().unwrap_or("");
    let object = after.next().unwrap_or("");
    if verb.ends_with('s') && listed(AUXILIARIES, object) {
        return None;
    }
    // A name that acts on the company is another's: "Tesco requires us to complete a
    // questionnaire" (not "US suppliers").
    if object == "us" && written(&(start + verb.len() + 1, object)) == "us" {
        return None;
    }
    // A signature line names a role or a date after "signed".
    pub(super) const SIGNATURES: &str =
        "director chair chairman chairperson chief ceo cfo coo president \
        secretary managing officer founder partner january february march april may june july \
        august september october november december";
    if verb == "signed" && listed(SIGNATURES, object) {
        return None;
    }
    if words.iter().any(|(_, w)| w.ends_with("ly")) {
        return None;
    }
    Some(words[0].0)
}

/// Whether `w` (lower case), the first word of a capitalised subject, opens a sentence as a
/// pronoun, determiner, quantifier, conjunction or title rather than a name: "This", "Everyone",
/// "Once launched", "Prime Minister …".
pub(super) fn is_common_opener(w: &str) -> bool {
    pub(super) const COMMON: &str =
        "this that these those it he she they there here each every everyone \
        everybody anyone anybody someone somebody nobody no none all any both either neither one \
        which who what where when how why such our we you your their his her its my us them some \
        many most few several another other others if while although though because since as so \
        then also and but or nor yet however therefore thus further furthermore moreover \
        additionally finally first second third lastly today currently now below above following \
        mr ms mrs dr been being weve once unless until whenever wherever whether upon before \
        after whereas should likewise prime president minister chair chairman chairperson \
        secretary sir lord senator governor mayor commissioner ombudsman case";
    static SET: WordSet = WordSet::new(|| COMMON.split_whitespace().collect());
    SET.contains(w)
}

/// Whether `w` (lower case), a capitalised subject of one word, is a noun that opens a sentence
/// as often as a company's name does: "Training will", "Suppliers", "Legislation", "Research has
/// shown". Only alone: "Equity Trustees" and "Community Health Systems" are names.
pub(super) fn is_common_noun(w: &str) -> bool {
    pub(super) const NOUNS: &str =
        "policy policies code statement act law regulation regulations procedure \
        process programme program training management team board committee staff employee \
        employees worker workers supplier suppliers contractor contractors vendor vendors partner \
        partners customer customers client clients government governments ministry department \
        authority authorities council court state country countries people person everything \
        nothing something compliance remediation action progress work risk audit audits \
        assessment framework system group company business organisation organization entity \
        report section part appendix note page table figure chart year time period provide ensure \
        conduct review develop implement continue maintain establish monitor undertake require \
        engage support feedback research experience evidence history data information guidance \
        technology automation competition corruption legislation regulator globalisation \
        globalization inflation demand growth climate covid brexit industry study collaboration \
        sustainability security community diversity equality equity responsibility \
        accountability integrity quality priority activity majority minority humanity \
        transparency visibility capacity opportunity governance assurance performance insurance \
        conference reference confidence existence structure culture future exposure disclosure \
        procedure legislature";
    static SET: WordSet = WordSet::new(|| NOUNS.split_whitespace().collect());
    SET.contains(w)
}

/// Whether `w` (lower case) names a body or party other than the reporting company in a name
/// written in capitals: "World Bank", "Amnesty International", "Walk Free", "Global Compact";
/// `lone`, a subject of one word, also a country or region ("Australia has", not "Texas
/// Instruments", "Japan Tobacco").
pub(super) fn is_other_party(w: &str, lone: bool) -> bool {
    pub(super) const OTHERS: &str =
        "world united nations international global compact amnesty watch free \
        foundation trust charity government ministry department council commission agency office \
        authority parliament court police university institute association federation union \
        alliance initiative forum network coalition bank fund monetary labour labor organisation \
        organization commissioner ombudsman minister regulator force police army military \
        oxfam greenpeace verite fairtrade bonsucro unseen maplecroft sedex ecovadis amfori \
        rainforest taliban wagner";
    // Countries and regions, whose governments act in statements as companies do ("Australia
    // has introduced the Act", "China will").
    pub(super) const PLACES: &str =
        "australia china india russia ukraine britain england scotland wales \
        ireland france germany italy spain portugal netherlands belgium switzerland sweden norway \
        denmark finland poland japan korea taiwan singapore brazil mexico canada america \
        indonesia malaysia thailand vietnam bangladesh pakistan turkey myanmar cambodia \
        philippines africa europe asia xinjiang israel iran iraq syria afghanistan nigeria kenya \
        egypt argentina chile peru colombia zealand qatar arabia emirates hong kong uzbekistan \
        turkmenistan kazakhstan tajikistan kyrgyzstan lanka ghana california texas ethiopia \
        uganda tanzania congo sudan somalia yemen libya morocco algeria tunisia senegal \
        ivory mali niger cameroon angola mozambique zimbabwe zambia malawi rwanda burundi \
        madagascar nepal bhutan laos mongolia brunei fiji guatemala honduras nicaragua \
        salvador venezuela ecuador bolivia paraguay uruguay cuba haiti jamaica belarus \
        georgia armenia azerbaijan lebanon jordan kuwait bahrain oman greece hungary romania \
        bulgaria serbia croatia austria czechia slovakia lithuania latvia estonia";
    static SET: WordSet = WordSet::new(|| OTHERS.split_whitespace().collect());
    static SET_PLACES: WordSet = WordSet::new(|| PLACES.split_whitespace().collect());
    SET.contains(w) || (lone && SET_PLACES.contains(w))
}

/// A word list looked up once per match of a word as common as "will" or "has", as a set
/// rather than a scan of a few hundred words.
type WordSet = std::sync::LazyLock<foldhash::HashSet<&'static str>>;

/// Whether an English practice in the present at `start..end` of normalized text `t` is what the
/// company does only on a condition the sentence opens with: "Where we have caused or
/// contributed to harm, we provide remedy", "If a supplier breaches the code, we review…". That
/// is a standing policy, not a report; a deed in the past ("where cases were found, we
/// reimbursed the fees") is one.
pub(super) fn conditional_practice(
    t: &str,
    start: usize,
    end: usize,
    sentence_start: impl FnOnce() -> usize,
) -> bool {
    pub(super) const OPENERS: &[&str] = &[
        "where ",
        "if ",
        "when ",
        "whenever ",
        "should ",
        "unless ",
        "in the event ",
        "in case ",
    ];
    let matched = &t[start..end];
    // A company subject ([`company_subject`]) opens with its determiner.
    let doer = matched.starts_with("we ")
        || matched
            .split(' ')
            .next()
            .is_some_and(|w| listed("the our each every its", w));
    if !doer || matched.ends_with("ed") || matched.contains(" ha") {
        return false;
    }
    let from = sentence_start().max(t.floor_char_boundary(start.saturating_sub(400)));
    let head = t[from..start].trim_start();
    OPENERS.iter().any(|o| head.starts_with(o)) && head.contains(',')
}

/// Whether a practice in the present matched at `start..end` of normalized text `norm` ("we
/// provide", "we work with") is a relative or subordinate clause, which names a thing by what
/// the company does rather than reporting a deed: "the services we provide to clients", "those
/// we work with", "guide how we engage", "approved before we work with them". Not where the
/// clause opens with an adverbial ("In certain circumstances we require", "Through the
/// programme we provide", "Each year we publish"), a joining word or adverb stands before "we"
/// ("and we require", "while we require", "also we"), or "We" is capitalised mid-sentence, as a
/// heading run into its text is ("Training for staff We conduct training").
pub(super) fn relative_practice(clean: &str, norm: &NormText, start: usize, end: usize) -> bool {
    // Word lists as text, one word per space: rustfmt would give each its own line.
    pub(super) const PAST: &str = "carried undertook held met built began sent sought paid";
    pub(super) const RELATIVES: &str = "that which whom whose how what why those before";
    pub(super) const JOINING: &str =
        "and but so or also then now today currently therefore thus hence \
        additionally furthermore moreover further here still already always often regularly \
        routinely annually typically generally usually actively continually continuously \
        proactively systematically jointly together similarly likewise finally first second \
        third lastly while whilst although though because since as where if when once";
    pub(super) const OPENERS: &str = "in through at for as during under with across by on within \
        throughout since after following from via each every this last to beyond besides \
        alongside where when whenever if once";
    // "that" after these opens what is said or ensured, not a relative clause: "we make sure
    // that we provide training" (but "it is important that we conduct" states a value).
    pub(super) const SAYING: &str =
        "ensure ensures ensuring ensured sure means mean clear confirm confirms \
        believe believes committed";
    let t = norm.text.as_str();
    let matched = &t[start..end];
    let Some(verb) = matched.strip_prefix("we ") else {
        return false;
    };
    let verb = verb.split(' ').next().unwrap_or(verb);
    if verb.ends_with("ed") || verb.starts_with("ha") || listed(PAST, verb) {
        return false;
    }
    if clean[norm.to_source(start)..].starts_with('W') {
        return false;
    }
    let from = clause_start(t, t.floor_char_boundary(start.saturating_sub(200)), start);
    let words: Vec<&str> = t[from..start].split_whitespace().collect();
    let Some(&prev) = words.last() else {
        return false;
    };
    if !prev.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if prev == "that" && words.len() >= 2 && listed(SAYING, words[words.len() - 2]) {
        return false;
    }
    if listed(RELATIVES, prev) {
        return true;
    }
    // An adverbial opening the clause, however long, unless a relative word stands in it ("with
    // the aim of incorporating the expectation that people we work with").
    let fronted = listed(OPENERS, words[0])
        && (words.len() <= 8 || !words.iter().any(|w| listed("that which whom those", w)));
    !listed(JOINING, prev) && !fronted
}

/// Whether a step matched at `start` of normalized text `t` is what the company expects of its
/// suppliers or partners, earlier in the sentence: "we expect suppliers to provide remedy",
/// "we require our contractors to conduct audits", "suppliers must give workers access to a
/// grievance mechanism", 要求供应商建立申诉机制, 供应商须开展审核. It is the company's policy (UNGP 16
/// asks a policy to state what it expects of business partners), not its step; a doer of its own
/// after the expectation ("…, and we audit them") takes the step back.
pub(super) fn expected_of_partners(t: &str, start: usize) -> bool {
    pub(super) const ASK: &str =
        "expect expects expected require requires required ask asks encourage \
        encourages";
    // A bank's or an investor's clients, borrowers and investees are asked as suppliers are:
    // "clients are required to establish a project-level grievance mechanism" is theirs.
    pub(super) const PARTNERS: &str =
        "supplier suppliers contractor contractors subcontractors vendor \
        vendors partners client clients borrower borrowers investee investees";
    pub(super) const MODALS: &str = "must shall should";
    pub(super) const OWN: &str =
        "employees staff personnel colleagues workers buyers managers teams team procurement";
    pub(super) const DOERS: &[&str] = &["we", "我们", "公司", "本公司"];
    // What suppliers accept, allow, sign, answer, complete or undergo is the company's own step
    // on them: "required to accept audits", "must answer a self-audit questionnaire", "must
    // participate in a pre-qualification process", "are evaluated and may be audited",
    // 要求供应商…接受审核.
    pub(super) const UNDERGO: &[&str] = &[
        "accept",
        "submit to",
        "allow",
        "permit",
        "cooperate",
        "sign",
        "answer",
        "respond to",
        "acknowledge",
        "undergo",
        "participate in",
        "take part in",
        "complete",
        "confirm",
        "be audited",
        "be assessed",
        "be evaluated",
        "be visited",
        "be screened",
        "are audited",
        "are assessed",
        "are evaluated",
        "接受",
        "配合",
    ];
    let from = t.floor_char_boundary(start.saturating_sub(240));
    // Most steps have no supplier before them: one pass decides, as this runs for every step.
    static NAMED: WordScan = WordScan::new(|| {
        word_find([
            "supplier",
            "contractor",
            "vendor",
            "partners",
            "client",
            "borrower",
            "investee",
            "供应商",
            "承包商",
            "合作伙伴",
            "供货商",
            "客户",
            "借款人",
            "被投资企业",
        ])
    });
    if !NAMED.is_match(&t[from..start]) {
        return false;
    }
    // The last sentence end before the match, by a vectorized search for each kind of char.
    let b = &t.as_bytes()[from..start];
    let from = [
        memchr::memrchr3(b'.', b';', b'\n', b),
        memchr::memrchr2(b'!', b'?', b),
        t[from..start].rfind('。'),
    ]
    .into_iter()
    .flatten()
    .max()
    .map_or(from, |i| {
        from + i + t[from + i..].chars().next().map_or(1, char::len_utf8)
    });
    let before = &t[from..start];
    // An undergo verb counts in the step's own clause only: "to sign our Code and to provide
    // remediation" asks both of suppliers.
    let own_clause = |rest: &'_ str| -> usize {
        [",", ";", "，", " and "]
            .iter()
            .filter_map(|c| rest.rfind(c).map(|i| i + c.len()))
            .max()
            .unwrap_or(0)
    };
    // A channel of the company's that partners use is the company's: "clients must have access to
    // our complaints mechanism", "we encourage clients to report concerns through our hotline",
    // "clients should be able to raise concerns through the grievance mechanism". Not one they
    // are to give ("suppliers must enable workers to raise concerns through the mechanism"), nor
    // "our" elsewhere in the clause ("suppliers who manufacture our products to carry out…").
    let uses_channel = |clause: &str| {
        const USE: &[&str] = &[
            "raise", "report", "lodge", "voice", "submit", "contact", "access", "complain",
        ];
        // Between the partners and their use of the channel, only their modal.
        const BRIDGE: &[&str] = &[
            "must", "shall", "should", "can", "may", "be", "able", "to", "have", "are", "is",
            "also", "always", "all", "the", "their",
        ];
        const LINKS: &[&str] = &[
            "to", "for", "of", "that", "who", "which", "and", "or", "in", "on", "with", "upon",
        ];
        let words: Vec<&str> = clause.split_whitespace().collect();
        // "our" as the channel's own determiner, a word or two before the match.
        let ours = words.iter().rposition(|&w| w == "our").is_some_and(|i| {
            let tail = &words[i + 1..];
            tail.len() <= 2 && !tail.iter().any(|w| LINKS.contains(w))
        });
        let used = || {
            let Some(u) = words.iter().position(|w| USE.contains(w)) else {
                return false;
            };
            let tail = &words[u + 1..];
            let tail = match tail.last() {
                Some(&("the" | "a" | "an")) => &tail[..tail.len() - 1],
                _ => tail,
            };
            words[..u]
                .iter()
                .all(|w| BRIDGE.contains(w) || listed(PARTNERS, w))
                && tail.len() <= 3
                && tail
                    .last()
                    .is_some_and(|w| ["through", "via", "to", "using", "with"].contains(w))
        };
        ours || used()
    };
    let taken_back = |rest: &str| {
        let from = own_clause(rest);
        let clause = &rest[from..];
        // "to complete and return a questionnaire": the verb before "and" shares the object.
        // Only a second verb of the same undergoing with the step its object, a few words on
        // ("complete and return a supplier questionnaire"), not "acknowledge and promptly address
        // all grievances".
        let shared = clause.split_whitespace().count() <= 3
            && clause.split_whitespace().next().is_some_and(|v| {
                ["return", "submit", "sign", "send", "complete", "answer"].contains(&v)
            })
            && rest[..from].strip_suffix(" and ").is_some_and(|p| {
                UNDERGO
                    .iter()
                    .any(|u| p.strip_suffix(u).is_some_and(|b| b.ends_with(' ')))
            });
        DOERS.iter().any(|d| has_word(rest, d))
            || shared
            || UNDERGO.iter().any(|u| has_word(clause, u))
            || uses_channel(clause)
    };
    if let Some(at) = zh_asking_end(before) {
        // Chinese chains its clauses with commas, often without a subject: a clause after a comma
        // that opens with a year or holds a deed done is the company's next deed
        // (要求供应商签署承诺书，2023年完成供应商审核50家; …，并设立了供应商投诉热线), where
        // one without them lists what suppliers are asked (要求供应商遵守准则，建立申诉机制).
        let rest = &before[at..];
        let next_deed = rest.split([',', '，']).skip(1).any(|c| {
            c.contains(['了', '已'])
                || c.trim_start_matches(['并', '且', '同', '时', '还'])
                    .starts_with(|ch: char| ch.is_ascii_digit())
        });
        return !taken_back(rest) && !next_deed;
    }
    let words: Vec<(usize, &str)> = before
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w))
        .collect();
    words.iter().enumerate().any(|(i, &(at, w))| {
        // Up to four words to the partners: "we expect our labour service partners to".
        let next = &words[i + 1..(i + 5).min(words.len())];
        // "All employees and contractors are required to complete training", "we encourage
        // employees and suppliers to report": the company's own people are asked or bound too,
        // so the step is the company's.
        let own = |ws: &[(usize, &str)]| ws.iter().any(|&(_, p)| listed(OWN, p));
        // Joined to the suppliers by "and": "employees and contractors", not "workers employed
        // by our suppliers".
        let own_joined = || {
            words[i.saturating_sub(3)..i]
                .windows(2)
                .any(|p| p[1].1 == "and" && listed(OWN, p[0].1))
        };
        // One supplier made to do something, in the past, is the company's deed: "we required the
        // supplier to return all passports" (as remediation), not an expectation of suppliers.
        let one_made_to = matches!(w, "required" | "asked")
            && next
                .first()
                .is_some_and(|&(_, n)| matches!(n, "the" | "this" | "one"))
            && next.get(1).is_some_and(|&(_, n)| {
                matches!(
                    n,
                    "supplier" | "vendor" | "contractor" | "subcontractor" | "factory" | "agency"
                )
            })
            && !words[..i]
                .last()
                .is_some_and(|&(_, b)| matches!(b, "are" | "is" | "be" | "been" | "were" | "was"));
        let asks = listed(ASK, w)
            && !one_made_to
            && next.iter().any(|&(_, n)| listed(PARTNERS, n))
            && !own(next)
            && words[i + 1..].iter().any(|&(_, n)| n == "to");
        // A modal right after the suppliers, in the active: "suppliers must provide", not
        // "a supplier should be engaged"; after a phrase of up to seven words too ("clients of
        // category A and B projects are required to", "suppliers found in breach … must").
        let verb_at = if next
            .first()
            .is_some_and(|&(_, n)| matches!(n, "companies" | "company" | "firms" | "entities"))
        {
            // "investee companies are expected to", "client companies must".
            Some(i + 2).filter(|&k| k < words.len())
        } else if next.first().is_some_and(|&(_, n)| {
            // "suppliers found in breach of this code must", "clients that operate in
            // high-risk sectors should".
            matches!(
                n,
                "of" | "found" | "identified" | "that" | "who" | "which" | "in" | "with"
            )
        }) {
            // Within the phrase: not past a comma or another subject ("for suppliers in
            // high-risk countries our sourcing team must approve…").
            words[i + 1..(i + 9).min(words.len())]
                .iter()
                .take_while(|&&(_, n)| {
                    !n.ends_with(',') && !matches!(n, "our" | "we" | "they" | "its")
                })
                .position(|&(_, n)| listed(MODALS, n) || n == "are" || n == "is")
                .map(|k| i + 1 + k)
        } else {
            Some(i + 1)
        };
        let verb = verb_at.map_or(&[][..], |k| &words[k..(k + 3).min(words.len())]);
        // A passive is "be" with a participle ("should be engaged"), not "must be able to".
        let passive = verb.get(1).is_some_and(|&(_, b)| b == "be")
            && verb.get(2).is_some_and(|&(_, p)| p.ends_with("ed"));
        let bound = listed(PARTNERS, w)
            && !own_joined()
            && verb.first().is_some_and(|&(_, n)| {
                (listed(MODALS, n) && !passive)
                    || ((n == "are" || n == "is")
                        && verb
                            .get(1)
                            .is_some_and(|&(_, r)| r == "required" || r == "expected"))
            });
        (asks || bound) && !taken_back(&before[at + w.len()..])
    })
}

/// Whether a step matched at `start..end` of normalized text `t` is itself the asking of it of
/// suppliers or partners: the keyword is the expectation ("Suppliers shall not discriminate",
/// "suppliers must", "we require all suppliers to respect…", 要求供应商遵守准则), which the
/// company's policy states (UNGP 16), as [`expected_of_partners`] reads an expectation before a
/// step. What suppliers are asked to accept or undergo ("we require suppliers to accept audits")
/// is taken back there.
pub(super) fn asks_of_partners(t: &str, start: usize, end: usize) -> bool {
    pub(super) const ASKING: &str = "must shall should require requires required requiring \
        expect expects expected";
    // The partners named in a match inside the asking are read with it too: "all suppliers" of
    // "we require all suppliers to respect…" is no step of its own.
    pub(super) const NAMED: &str = "supplier suppliers contractor contractors subcontractors \
        vendor vendors partners client clients borrower borrowers investee investees";
    let m = &t[start..end];
    let asking = |s: &str| s.contains("要求") || s.split_whitespace().any(|w| listed(ASKING, w));
    // A Chinese partner's modal is read with a char or two around the match: 一家供应商须 (one
    // supplier made to act), 供应商不得不 ("had to").
    let wide = &t[t.floor_char_boundary(start.saturating_sub(6))
        ..t.floor_char_boundary((end + 3).min(t.len()))];
    // A partner word counts with an asking just before or after it only ("we require all
    // suppliers to", "new suppliers must"): most are none ("we audited all suppliers"), and this
    // runs for every step matched.
    let named = || {
        (m.contains("供应商")
            || m.match_indices("客户")
                .any(|(at, p)| zh_partner(&m[at + p.len()..], p))
            || m.split_whitespace().any(|w| listed(NAMED, w)))
            && (asking(&t[t.floor_char_boundary(start.saturating_sub(24))..start])
                || asking(&t[end..t.floor_char_boundary((end + 24).min(t.len()))]))
    };
    if !asking(m) && zh_asking_end(wide).is_none() && !named() {
        return false;
    }
    // Up to the "to" that the asking takes, a few words on in the same clause ("we require all
    // our suppliers to"), so that the partners it names after the match are read with it.
    let hi = t.floor_char_boundary((end + 60).min(t.len()));
    let rest = &t[end..hi];
    let clause = rest.find(is_clause_break).map_or(rest, |i| &rest[..i]);
    let to = clause.find(" to ").map_or(end, |i| end + i + " to".len());
    expected_of_partners(t, to)
}

/// Where in Chinese text `s` the last asking of partners ends: an asking word before the partner
/// (要求供应商, 要求所有供应商, 督促承包商, 禁止供应商) or a modal after it (供应商不得, 承包商须, 供应商应), as a
/// supplier code writes it. Not one partner made to act (该供应商须整改, 一家供应商须…), which is the
/// company's deed, nor a modal in another word (供应商应付, 供应商不得不停产).
fn zh_asking_end(s: &str) -> Option<usize> {
    const PARTNERS: &[&str] = &[
        "供应商",
        "承包商",
        "供货商",
        "合作伙伴",
        "客户",
        "借款人",
        "被投资企业",
    ];
    const ASKING: &[&str] = &[
        "要求",
        "要求所有",
        "要求全体",
        "督促",
        "鼓励",
        "禁止",
        "严禁",
    ];
    const MODALS: &[&str] = &["不得", "必须", "须", "应", "严禁"];
    // Most matches are English: one pass over the bytes settles them.
    if s.is_ascii() {
        return None;
    }
    PARTNERS
        .iter()
        .flat_map(|p| s.match_indices(p))
        .filter_map(|(at, p)| {
            let (before, end) = (&s[..at], at + p.len());
            if ONE_PARTNER.iter().any(|o| before.ends_with(o)) || !zh_partner(&s[end..], p) {
                return None;
            }
            if ASKING.iter().any(|a| before.ends_with(a)) {
                return Some(end);
            }
            MODALS.iter().find_map(|m| {
                let r = s[end..].strip_prefix(m)?;
                (!modal_in_another_sense(m, r)).then_some(end + m.len())
            })
        })
        .max()
}

/// Whether a partner word followed by `rest` names partners: 客户 not in 客户经理 (the bank's
/// own staff), 客户信息 or 客户隐私 (what the company keeps about its clients).
fn zh_partner(rest: &str, p: &str) -> bool {
    const NOT_CLIENTS: &[&str] = &[
        "经理", "信息", "隐私", "数据", "资料", "服务", "投诉", "满意", "经办", "权益",
    ];
    p != "客户" || !NOT_CLIENTS.iter().any(|n| rest.starts_with(n))
}

/// Whether a modal after a partner (`m`, followed by `rest`) is part of another word: 供应商应付
/// (payables), 应急 (emergencies), 应答 (answers), 不得不 ("had to"), 须知 (a notice).
fn modal_in_another_sense(m: &str, rest: &str) -> bool {
    match m {
        "应" => rest.starts_with(['收', '付', '急', '答', '用', '对']),
        "不得" => rest.starts_with('不'),
        "须" => rest.starts_with('知'),
        _ => false,
    }
}

/// The words before a partner that make it one partner (该供应商, 一家供应商), whose being made to act
/// is the company's deed, not an expectation of partners.
const ONE_PARTNER: &[&str] = &["该", "此", "这家", "一家", "某"];
