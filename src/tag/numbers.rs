//! Numbered parts: convention numbers (C182, 第182号公约) and goal lists (SDG 3, 5 and 8).

use super::*;

/// The instruments whose links are numbered entries (`instrument/SDG` → `sdg/1` … `sdg/17`),
/// with a rule name for each part (`number:SDG 5`).
pub(super) fn numbered_frameworks(taxonomy: &Taxonomy, b: &mut Builder) -> Vec<Numbered> {
    let index: HashMap<&str, u32> = taxonomy
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i as u32))
        .collect();
    let mut out = Vec::new();
    for (i, e) in taxonomy.entries.iter().enumerate() {
        let label = e.abbr.first().unwrap_or(&e.id);
        let mut parts = Vec::new();
        for link in &e.links {
            let number = link.rsplit('/').next().and_then(|n| n.parse::<u32>().ok());
            if let (Some(n), Some(&entry)) = (number, index.get(link.as_str())) {
                b.names.push(format!("{label} {n}"));
                b.rules.push(format!("number:{label} {n}"));
                parts.push((n, entry, (b.names.len() - 1) as u32));
            }
        }
        if !parts.is_empty() {
            b.names.push(label.clone());
            b.rules.push(format!("number:{label}"));
            out.push(Numbered {
                framework: i as u32,
                name: (b.names.len() - 1) as u32,
                parts,
            });
        }
    }
    out
}

/// Adds a hit for each numbered part of `g` that a list of numbers names (`SDGs 3, 4 and 5`,
/// `Goals 8 and 10`, `SDG #5`, `目标3、目标4和目标8`): a list right after a name of the
/// framework, or after "goal" or 目标 in a passage that names the framework. A part already
/// matched by a keyword there (`SDG 8`) is not added again.
pub(super) fn numbered_parts(t: &str, g: &Numbered, hits: &mut Vec<Hit>) {
    let mut after: Vec<usize> = hits
        .iter()
        .filter(|h| h.entry == g.framework && h.role.class() == 0)
        .map(|h| h.end)
        .collect();
    for (i, w) in t.match_indices("goal") {
        if !t[..i].chars().next_back().is_some_and(is_word_char) {
            let end = i + w.len();
            after.push(end + usize::from(t[end..].starts_with('s')));
        }
    }
    after.extend(t.match_indices("目标").map(|(i, w)| i + w.len()));
    after.sort_unstable();
    after.dedup();
    let mut found = Vec::new();
    // A list already read is not read again from a "goal" inside it, and a passage names at most
    // a few lists: a text of endless "goal 1, goal 2, …" stays linear.
    let mut read_to = 0;
    for at in after {
        if at < read_to || found.len() >= MAX_NUMBERS {
            continue;
        }
        let from = found.len();
        read_to = number_list(t, at, &mut found);
        // A list names the framework too: "SDG #5" needs no other support.
        let list = &found[from..];
        if list.iter().any(|(n, _)| g.parts.iter().any(|p| p.0 == *n)) {
            hits.push(Hit {
                start: list[0].1.start,
                end: list.iter().map(|f| f.1.end).max().unwrap_or(list[0].1.end),
                entry: g.framework,
                role: Role::Keyword,
                name: g.name,
                group: 0,
            });
        }
    }
    for (n, r) in found {
        let Some(&(_, entry, name)) = g.parts.iter().find(|p| p.0 == n) else {
            continue;
        };
        if hits
            .iter()
            .any(|h| h.entry == entry && h.start <= r.start && r.end <= h.end)
        {
            continue;
        }
        hits.push(Hit {
            start: r.start,
            end: r.end,
            entry,
            role: Role::Keyword,
            name,
            group: 0,
        });
    }
}

/// Numbers read from one passage at most (the SDGs have 17 goals).
pub(super) const MAX_NUMBERS: usize = 64;

/// Reads a list of numbers starting at `at` in `t`: `5`, ` #5`, ` 3, 4 and 5`, `3、4和5`,
/// ` 8.7` (a target of goal 8), ` 1-3`, each with its digits' range. Stops at the first thing
/// that is no part of such a list, or at [`MAX_NUMBERS`]; returns where it stopped.
pub(super) fn number_list(t: &str, at: usize, out: &mut Vec<(u32, Range<usize>)>) -> usize {
    // After a separator, the list may repeat its noun: "Goal 5 and Goal 8", 目标3、目标4.
    pub(super) const NOUNS: &[&str] = &["goals", "goal", "sdgs", "sdg", "目标"];
    pub(super) const SEPARATORS: &[&str] =
        &[",", "、", "/", "&", "and", "or", "以及", "和", "及", "与"];
    pub(super) const RANGES: &[&str] = &["-", "–", "to", "至"];
    pub(super) const UNITS: &[&str] = &[
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "days",
        "hours",
        "percent",
        "per",
        "million",
        "billion",
        "times",
        "people",
        "employees",
        "sites",
        "countries",
    ];
    let skip_spaces = |i: usize| i + (t.len() - i - t[i..].trim_start().len());
    let number_at = |mut i: usize| -> Option<(u32, Range<usize>, usize)> {
        i = skip_spaces(i);
        let mut ordinal = false;
        for mark in ["targets", "target", "#", "no.", "第"] {
            if t[i..].starts_with(mark) {
                i = skip_spaces(i + mark.len());
                ordinal |= mark == "第";
            }
        }
        let len = t[i..].bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 || len > 2 {
            return None;
        }
        let n = t[i..i + len].parse().ok()?;
        let mut end = i + len;
        // A target (8.7, 8.a) is of its goal.
        if let Some(rest) = t[end..].strip_prefix('.') {
            let sub = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
            if (1..=2).contains(&sub) {
                end += 1 + sub;
            }
        }
        // `第8项`; without 第, `10项` counts ten items.
        if let Some(c) = t[end..].chars().next().filter(|&c| c == '项' || c == '号') {
            if !ordinal {
                return None;
            }
            end += c.len_utf8();
        }
        if t[end..].chars().next().is_some_and(is_word_char) {
            return None;
        }
        // A count or a share is no goal: "a goal 5 years ago", 目标3个.
        let next = &t[skip_spaces(end)..];
        let word = next
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if next.starts_with([
            '%', '个', '万', '亿', '家', '名', '人', '次', '倍', '年', '岁',
        ]) || UNITS.contains(&word)
        {
            return None;
        }
        Some((n, i..i + len, end))
    };
    let Some((first, r, mut end)) = number_at(at) else {
        return at;
    };
    out.push((first, r));
    let mut last = first;
    while out.len() < MAX_NUMBERS {
        let i = skip_spaces(end);
        let rest = &t[i..];
        let range = RANGES.iter().find(|s| rest.starts_with(**s));
        let Some(sep) = range.or_else(|| SEPARATORS.iter().find(|s| rest.starts_with(**s))) else {
            return end;
        };
        let mut j = skip_spaces(i + sep.len());
        if let Some(noun) = NOUNS.iter().find(|n| t[j..].starts_with(**n)) {
            j += noun.len();
        }
        let Some((n, r, e)) = number_at(j) else {
            return end;
        };
        // The goals a range spans are evidenced by the range (`3 - 17`).
        if range.is_some() && last < n && n - last <= 17 {
            let span = out.last().map_or(r.start, |p| p.1.start)..r.end;
            out.extend((last + 1..n).map(|k| (k, span.clone())));
        }
        out.push((n, r));
        last = n;
        end = e;
    }
    end
}

/// The number of a numbered abbreviation: 29 of `C029`, 189 of `C189`.
pub(super) fn convention_number(abbr: &str) -> Option<u32> {
    let digits = abbr.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A convention number read after an instrument's name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ConventionRef {
    pub(super) number: u32,
    /// Bytes of the text after the name up to the end of the number (its `号` included).
    pub(super) len: usize,
    /// Whether a word or mark said it is a number (`convention`, `no.`, `第…号`), not a bare
    /// three-digit figure.
    pub(super) marked: bool,
}

/// The convention number that `rest` (normalized text right after a name) opens with, if any:
/// `convention no. 190`, `conventions 29, 105`, `recommendation 200`, `c190`, a bare three-digit
/// `190`, `第190号`, `第一百九十号`. A bare number of fewer digits is a count ("the ILO 8 core
/// conventions").
pub(super) fn number_after(rest: &str) -> Option<ConventionRef> {
    let mut r = rest;
    for possessive in ["'s", "’s"] {
        r = r.strip_prefix(possessive).unwrap_or(r);
    }
    r = r.trim_start();
    // A short parenthesis between: 国际劳工组织(ilo)第190号公约.
    if let Some(inner) = r.strip_prefix('(') {
        if let Some(close) = inner.find(')').filter(|&k| k <= 12) {
            r = inner[close + 1..].trim_start();
        }
    }
    // A word says it is a convention; a mark alone (`no.`, `#`, `c`) is one only before a number
    // of two or three digits ("the ILO's no. 1 priority" names none).
    let mut named = false;
    for word in [
        "conventions",
        "convention",
        "recommendations",
        "recommendation",
    ] {
        if let Some(after) = r.strip_prefix(word) {
            r = after.trim_start();
            named = true;
            break;
        }
    }
    let mut marked = named;
    let mut chinese = false;
    for mark in ["nos.", "no.", "nos", "no", "number", "n°", "#", "c", "第"] {
        if let Some(after) = r.strip_prefix(mark) {
            let after_di = mark == "第"
                && after
                    .trim_start()
                    .starts_with(|c| chinese_digit(c).is_some() || c == '十');
            if after.starts_with(|c: char| c.is_ascii_digit() || c == ' ') || after_di {
                r = after.trim_start();
                marked = true;
                chinese = mark == "第";
                break;
            }
        }
    }
    let at = |r: &str, n: usize| rest.len() - r.len() + n;
    // After 第…号, a convention (公约) or a recommendation (建议书), not 第二号人物 nor 第一号报告.
    let convention_after = |r: &str| {
        let r = r.trim_start();
        ["公约", "建议书", "《"].iter().any(|w| r.starts_with(w))
    };
    // Chinese numerals after 第: 第一百九十号, 第一三八号, 第二十九号.
    if chinese && !r.starts_with(|c: char| c.is_ascii_digit()) {
        let n = r
            .char_indices()
            .find(|&(_, c)| chinese_digit(c).is_none() && !"十百".contains(c))
            .map_or(r.len(), |(i, _)| i);
        let space = r[n..].len() - r[n..].trim_start().len();
        let after = r[n + space..].strip_prefix('号')?;
        if !named && !convention_after(after) {
            return None;
        }
        return chinese_convention_number(&r[..n]).map(|number| ConventionRef {
            number,
            len: at(r, n + space + '号'.len_utf8()),
            marked,
        });
    }
    let len = r.bytes().take_while(u8::is_ascii_digit).count();
    let next = r[len..].chars().next();
    if len == 0 || len > 3 || next.is_some_and(|c| c.is_alphanumeric() && c != '号') {
        return None;
    }
    let unit = if next == Some('号') {
        '号'.len_utf8()
    } else {
        0
    };
    if unit > 0 && !named && !convention_after(&r[len + unit..]) {
        return None;
    }
    if (!named && len < 2 && unit == 0) || (!marked && len < 3 && unit == 0) {
        return None;
    }
    // Without a convention word, what follows the number is a list or a subject ("no. 29 and
    // 105", "c190 on violence"), not a noun of its own ("the ILO's no. 10 priority").
    let word_after = r[len + unit..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let listed = word_after.is_empty()
        || !word_after.starts_with(|c: char| c.is_ascii_alphabetic())
        || matches!(
            word_after,
            "and" | "or" | "on" | "of" | "concerning" | "regarding" | "to" | "in" | "convention"
        );
    if !named && unit == 0 && !listed {
        return None;
    }
    Some(ConventionRef {
        number: r[..len].parse().ok().filter(|&n| n > 0)?,
        len: at(r, len + unit),
        marked: marked || unit > 0,
    })
}

/// The value of a Chinese digit (as section numbers read them), 〇 and 零 included.
pub(super) fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        c => crate::segment::digit_value(c),
    }
}

/// The value of a convention number in Chinese numerals: read as a number with its units
/// (`一百九十`, `二十九`, `一百零五`) or digit by digit (`一三八`, `一九〇`); `None` for what is
/// no such number (`一百一百`, `十百`) or above 999.
pub(super) fn chinese_convention_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || chars.len() > 5 {
        return None;
    }
    if !s.contains(['十', '百']) {
        if chars.len() > 3 {
            return None;
        }
        let n = chars
            .iter()
            .try_fold(0, |n, &c| Some(n * 10 + chinese_digit(c)?))?;
        return (n > 0).then_some(n);
    }
    // Units in falling order, each at most once, a digit before each (十 alone is ten), and 零
    // only where a unit is skipped (一百零五).
    let (mut total, mut digit, mut last_unit) = (0, None, 1000);
    for c in chars {
        match c {
            '百' | '十' => {
                let unit = if c == '百' { 100 } else { 10 };
                let d = digit.take().unwrap_or(1);
                if unit >= last_unit || d == 0 {
                    return None;
                }
                total += d * unit;
                last_unit = unit;
            }
            c => {
                let d = chinese_digit(c)?;
                match digit {
                    None => digit = Some(d),
                    Some(0) if d != 0 => digit = Some(d),
                    Some(_) => return None,
                }
            }
        }
    }
    // A 零 at the end stands for no skipped unit (二十〇).
    if digit == Some(0) {
        return None;
    }
    Some(total + digit.unwrap_or(0)).filter(|&n| (1..1000).contains(&n))
}

/// Whether an abbreviation has a digit (C029, C189): a convention number, which names a form or
/// a part as often, so it is taken alone no more readily than a three-letter abbreviation.
pub(super) fn is_convention_number(abbr: &str) -> bool {
    abbr.bytes().any(|b| b.is_ascii_digit())
}

/// End of a match that must end on a word boundary, allowing an English plural when asked;
/// `None` when the boundary is not there.
pub(super) fn right_boundary(t: &str, end: usize, plural: bool) -> Option<usize> {
    let rest = &t[end..];
    let boundary_at = |i: usize| !rest[i..].chars().next().is_some_and(is_word_char);
    if boundary_at(0) {
        return Some(end);
    }
    if plural {
        // "-es" only where English writes it (boxes, churches, heroes): "tribal" is not found
        // in the Spanish "tribales".
        let es = ["s", "x", "z", "ch", "sh", "o"]
            .iter()
            .any(|e| t[..end].ends_with(e));
        for suffix in ["s", "es"] {
            if (suffix == "s" || es) && rest.starts_with(suffix) && boundary_at(suffix.len()) {
                return Some(end + suffix.len());
            }
        }
    }
    None
}
