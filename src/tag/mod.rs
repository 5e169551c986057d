//! The tagger: one Aho-Corasick pass over each passage's normalized text, then rules.
//!
//! All of a taxonomy's patterns (keywords, abbreviations, weak keywords, cues, exclude phrases)
//! plus the negation cues go into one automaton, searched with overlapping matches so that an
//! exclude phrase can veto a keyword inside it and nested keywords are all seen. The rules then
//! run on the matches only:
//!
//! - Latin patterns must sit on word boundaries (`CRC` not in `CRCs`, `ILO` not in `PILOT`);
//!   English keywords (not abbreviations) may take a plural `s`/`es`. Han text needs no boundary.
//! - Abbreviations are matched case-insensitively by the automaton, then checked against the
//!   text as written: `ILO` matches, `ilo` does not.
//! - A weak keyword counts only with a cue in the same sentence (or in the passage's section
//!   path): one of the entry's `cues`, or for a rule `"keyword | cue, cue"` one of the rule's own
//!   cues. Rule cues are patterns of the same automaton, so rules cost no second pass; the
//!   confirming cue is evidence too.
//! - An exclude phrase vetoes every keyword match of its entry that it overlaps.
//! - For entries marked `negatable` (stances, due-diligence steps), a match preceded in the same
//!   clause by a negation cue (within 12 chars of Chinese, 4 after 不, or 5 English words with
//!   no clause opener such as "that" between) does not count. Phrases that contain a negation
//!   cue without negating (未来, 不断, not only, do not tolerate) are exempt.
//! - A due-diligence step is also not taken where the clause goes on to say so: "a training
//!   programme has not been established", "a grievance mechanism is not yet in place",
//!   申诉机制尚未建立 (see [`undone_after`]); "the hotline has not received any reports" still
//!   names a hotline.
//! - Overlapping matches of one entry count once (the longest).
//! - Instruments named in a passage are [`Basis::Cited`]; an instrument whose linked rights,
//!   groups or themes the passage addresses without naming it is [`Basis::Covered`].
//!
//! See [`Tagger`] for scores.

mod build;
mod doer;
mod names;
mod negation;
mod numbers;
mod plans;
mod statute;
mod text;
pub(crate) use build::other_spellings_of;
pub use build::BareScan;
use build::*;
use doer::*;
use names::*;
use negation::*;
use numbers::*;
use plans::*;
use statute::*;
pub(crate) use text::fold_width;

use crate::lang::is_word_char;
use crate::model::{Basis, Evidence, Lang, Passage, Tag, WordEdges};
use crate::taxonomy::{parse_weak, InstrumentKind, Taxonomy};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::ops::Range;
use text::{
    is_clause_break, sentence_around, sentence_breaks_into, sentence_end, sentence_of,
    sentence_start, NormText,
};

/// The stance of what was done, which the present perfect of a deed says ([`Doer::Perfect`]) and which a plan is not ([`planned`]).
const ACTION_STANCE: &str = "stance/action";

/// Default score threshold: tags scoring below it are not emitted.
pub const DEFAULT_THRESHOLD: f32 = 0.5;
/// Score of a keyword (Chinese or English) match.
pub const SCORE_KEYWORD: f32 = 0.9;
/// Score of an abbreviation of four or more letters.
pub const SCORE_ABBR: f32 = 0.9;
/// Score of a three-letter abbreviation standing alone (no brackets, no other evidence or cue).
pub const SCORE_SHORT_ABBR: f32 = 0.6;
/// Score of a one- or two-letter abbreviation standing alone: below the default threshold.
pub const SCORE_TINY_ABBR: f32 = 0.4;
/// Score of a weak keyword confirmed by a cue.
pub const SCORE_WEAK: f32 = 0.7;
/// Score of an instrument covered through a link for which it is the most specific instrument.
pub const SCORE_COVERED: f32 = 0.6;
/// Score of an instrument covered through a link that more specific instruments also cover:
/// below the default threshold, so broad instruments (UDHR) show only when asked for.
pub const SCORE_COVERED_BROAD: f32 = 0.35;
/// At most this many evidence spans are kept per tag (the first ones in text order).
pub const MAX_EVIDENCE: usize = 10;

/// A free text longer than this is tagged in pieces of about [`TEXT_PIECE`] bytes.
const LONG_TEXT: usize = 1 << 20;
const TEXT_PIECE: usize = 256 << 10;

/// Negation cues (normalized). `n't` attaches to the word before it.
const NEGATIONS: &[&str] = &[
    "不",
    "未",
    "没有",
    "无",
    "并非",
    "从未",
    "尚未",
    "绝不",
    "难以",
    "not",
    "no",
    "never",
    "without",
    "n't",
    "neither",
    "nor",
    "cannot",
    "yet to",
    "unable to",
    "lack of",
];

/// Phrases that contain a negation cue but do not negate what follows (adverbs such as 不断
/// "continually", words such as 未来 "future", and verbs of opposition such as 不容忍
/// "do not tolerate", after which the topic is still affirmed).
const NEGATION_EXCEPTIONS: &[&str] = &[
    "不断",
    "不仅",
    "不但",
    "不论",
    "不管",
    "不同",
    "不少",
    "不久",
    "不可或缺",
    "不可分割",
    "不懈",
    "不遗余力",
    "不阻挠",
    "不妨碍",
    "不容忍",
    "不允许",
    "不接受",
    "不得",
    "不应",
    "毫不动摇",
    "未来",
    "未成年",
    "无论",
    "无疑",
    "无数",
    "无偿",
    "无障碍",
    "not only",
    "not limited to",
    "not tolerate",
    "not be tolerated",
    "not accept",
    "not allow",
    "not permit",
    "whether or not",
    "no later than",
    "no.",
    "without delay",
    "without limitation",
    "no tolerance",
];

/// Rights and treaty language (normalized): a short abbreviation standing alone counts only in a
/// passage with some of it (or with a right or an instrument named by keyword), so that "CRC
/// checksum", "GNI per capita" and "NYSE: CAT" cite nothing.
const RIGHTS_LANGUAGE: &[&str] = &[
    "human rights",
    "human right",
    "rights",
    "right to",
    "convention",
    "covenant",
    "declaration",
    "treaty",
    "treaties",
    "protocol",
    "principles",
    "initiative",
    "guidelines",
    "standards",
    "ratify",
    "ratified",
    "ratification",
    "accede",
    "acceding",
    "accession",
    "party to",
    "parties to",
    "provisions of",
    "obligations under",
    "special rapporteur",
    "treaty body",
    "united nations",
    "人权",
    "权利",
    "权益",
    "公约",
    "宣言",
    "条约",
    "议定书",
    "原则",
    "倡议",
    "准则",
    "标准",
    "批准",
    "缔约",
    "履约",
    "联合国",
];

/// What a pattern is to the entry it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Keyword,
    Abbr,
    Weak,
    Cue,
    Exclude,
    Negation,
    NegException,
    /// Rights or treaty language (see [`RIGHTS_LANGUAGE`]).
    Context,
}

impl Role {
    /// Sort class within an entry: what may count, then cues, then excludes.
    fn class(self) -> u8 {
        match self {
            Role::Keyword | Role::Abbr | Role::Weak => 0,
            Role::Cue => 1,
            _ => 2,
        }
    }
}

/// One use of an automaton pattern.
#[derive(Debug, Clone, Copy)]
struct PatRef {
    /// Entry index (unused for negation roles).
    entry: u32,
    role: Role,
    /// Index into `Tagger::names`: the keyword as written in the taxonomy.
    name: u32,
    /// The pattern starts with a word char, so the char before the match must not be one.
    word_left: bool,
    /// The pattern ends with a word char, so the char after the match must not be one.
    word_right: bool,
    /// An English plural (`s`, `es`) may follow the match.
    plural: bool,
    /// Cue group: a weak keyword is confirmed only by cues of its group. 0 is the entry's
    /// shared `cues`; a weak rule's keyword and its own cues share a group of their own.
    group: u32,
    /// A name without a number of an entry with numbered abbreviations (`ILO` of ILO-FPRW): a
    /// convention number after the match may name another convention (see [`number_after`]).
    numbered: bool,
    /// Made from a keyword said with "we", it counts only after the doer it names, which the
    /// match then takes in.
    doer: Doer,
}

impl PatRef {
    /// A cue whose match needs no more than its word boundaries: read after the scan, and
    /// only where a weak keyword or an abbreviation it may confirm matched. Not a cue of a
    /// numbered part, which [`numbered_parts`] reads in the scan (`numbered_part`).
    fn deferred(&self, numbered_part: bool) -> bool {
        self.role == Role::Cue && !self.numbered && self.doer == Doer::Any && !numbered_part
    }
}

/// The doer a pattern made from a keyword said with "we" needs before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doer {
    /// A keyword as written: nothing is needed.
    Any,
    /// "we" and an adverb ("we also require", "we carefully review"): the keyword's verb in
    /// its own form, after [`we_and_adverb`].
    WeAdverb,
    /// A company subject at the head of its clause ("The Company assesses", "the Group
    /// will"): the keyword's verb in the third person, after [`company_subject`].
    Company,
    /// No subject: a past tense opening the passage, as a report's list of what was done
    /// does ("Conducted a risk assessment of our suppliers"), after [`opens_passage`].
    Opening,
    /// `has` or `have` before a past participle, after a subject with a determiner, which the
    /// company subject need not be: "the Group has reviewed", "our sites have improved"
    /// ([`perfect_after`]).
    /// The match takes in the participle.
    Perfect,
}

/// What the tagger keeps of an entry.
#[derive(Debug, Clone)]
struct EntryInfo {
    id: String,
    instrument: bool,
    negatable: bool,
    /// A due-diligence step: negated also by what follows it in its clause ([`undone_after`]).
    step: bool,
    /// A stance: the company's own voice, which the words of a title in 《》 are not.
    stance: bool,
    /// The stance of something done, which a plan is not ([`planned`]).
    reported: bool,
    /// The stance of a pledge or an aim, which a statute's duty is not ([`statute_voice`]).
    pledge: bool,
    /// A step of a company's own due diligence (embedding, assessing, acting, tracking,
    /// reporting) or the stance of something done: a statute's duty on anyone is neither.
    /// Not the mechanisms a law may set up itself (complaints, remedy, consultation).
    company_only: bool,
    /// A channel for complaints, which "no complaints received" does not deny
    /// ([`nothing_received`]).
    channel: bool,
    /// Instruments that this entry's matches cover, whether each is a most specific one, and
    /// whether a passage about a product's users and not about work leaves it uncovered (see
    /// [`LABOUR`]).
    coverers: Vec<(u32, bool, bool)>,
    /// The entries a match of it implies ([`crate::taxonomy::Entry::implies`]), less itself,
    /// instruments and unknown ids, which `taxonomy check` reports.
    implies: Vec<u32>,
    /// An entry another implies: its exclude phrases (normalized), the keywords of the implying
    /// entry that do not imply it (`harassment`, which is non-discrimination but no SDG 10).
    unimplied: Vec<String>,
    /// An instrument: the rights, groups and themes it links that its own name names (group/women
    /// of the Convention on the Elimination of All Forms of Discrimination against Women), which a
    /// passage naming it by an abbreviation (CEDAW) addresses ([`Taxonomy::named_in_title`]).
    in_name: Vec<u32>,
    /// An instrument with [`EntryInfo::in_name`]: the distinctive words of its English title and
    /// the two-char runs of its Chinese one, which a name of it that is no abbreviation shares
    /// ("Palermo Protocol"), and a wider instrument's name does not ("the Convention against
    /// Transnational Organized Crime" the protocol supplements).
    title_words: Vec<String>,
    /// A keyword of it is rights language (an instrument or a right).
    rights_language: bool,
    /// What a passage is about (a right, a group, a theme, an SDG), not a step, a stance or an
    /// instrument: a capitalised match of it inside a longer proper name does not count.
    subject: bool,
    /// The convention numbers of its numbered abbreviations (29 of `C029`): a name of it followed
    /// by another number names that other convention (`ILO Convention No. 190`).
    numbers: Vec<u32>,
    /// `(keyword, head)` of each Chinese exclude phrase that is a keyword and a head (医疗 and 保险
    /// of 医疗保险): the exclude holds also for the keyword in a list the head ends
    /// (养老、医疗、失业和工伤保险), see [`ends_list_with`].
    list_heads: Vec<(String, String)>,
}

/// The word boundaries of one automaton match, shared by its pattern's uses: each is read
/// once, when a use first needs it (a word char before; the end without and with a plural).
#[derive(Default)]
struct MatchEdges {
    word_before: Option<bool>,
    ends: [Option<Option<usize>>; 2],
}

impl MatchEdges {
    /// Where the use `r` of the match `start..end` of `t` ends (with its plural, if any), or
    /// `None` where a word char before or after it rules it out.
    // Called for every use of every match, in the scan's loop.
    #[inline(always)]
    fn end(&mut self, t: &str, r: &PatRef, start: usize, end: usize) -> Option<usize> {
        if r.word_left
            && *self
                .word_before
                .get_or_insert_with(|| t[..start].chars().next_back().is_some_and(is_word_char))
        {
            return None;
        }
        if r.word_right {
            *self.ends[usize::from(r.plural)]
                .get_or_insert_with(|| right_boundary(t, end, r.plural))
        } else {
            Some(end)
        }
    }
}

/// A pattern occurrence that passed the boundary checks (normalized byte offsets).
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    entry: u32,
    role: Role,
    name: u32,
    /// Cue group (see [`PatRef::group`]).
    group: u32,
}

/// The rule behind a piece of evidence; its text is built only for the output.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// A keyword or abbreviation: `Tagger::rules[name]`.
    Name(u32),
    /// A weak keyword confirmed by a cue (`cue` name, found in the section path).
    Weak {
        name: u32,
        cue: u32,
        in_section: bool,
    },
    /// The cue that confirmed the weak keyword `name`, in the same sentence.
    Cue { name: u32, cue: u32 },
}

/// Per-passage state shared by the rules, with lazily computed parts.
struct Ctx<'a> {
    clean: &'a str,
    norm: &'a NormText,
    /// Negation cues that negate, in end order.
    negs: &'a [Range<usize>],
    /// Sentence breaks of the normalized text, computed on first use.
    breaks: LazyBreaks<'a>,
    section: &'a [String],
    /// Cues in the section path, found on first use or kept from the passage before.
    section_cues: &'a mut SectionMemo,
    /// Buffer: an entry's counted hits, with the cue that confirmed a weak keyword.
    kept: &'a mut Vec<(Hit, Option<Confirm>)>,
    /// Buffer: an entry's distinct `(role, keyword)` with their best score.
    parts: &'a mut Vec<(Role, u32, f32)>,
    /// Maps clean-text ranges to output ranges.
    map: &'a dyn Fn(Range<usize>) -> Range<usize>,
    /// Word boundaries, for Han matches that may straddle two words.
    words: WordBounds<'a>,
    /// The passage has rights or treaty language, or names a right or an instrument by keyword.
    rights_language: bool,
    /// Whether the text is title case (see [`in_proper_name`]), computed on first use.
    title_case: Option<bool>,
    /// Where a form's label ends, if the passage opens with one, found on first use.
    label: Option<LabelEnds>,
    /// Whether the passage speaks as a statute ([`statute_voice`]), computed on first use.
    statute: Option<bool>,
    /// Whether the passage holds "Act" at all ([`in_law_name`]), found on first use.
    acts: Option<bool>,
    /// Per sentence, whether it gives a law only as the legal basis ([`only_legal_basis`]),
    /// read once: a long sentence of many laws' names would be read again for each match.
    legal_basis: Vec<Option<bool>>,
    /// Whether the passage may record a law's history (a title beside 废止, 施行 or 次会议),
    /// found on first use.
    history: Option<bool>,
    /// Whether the passage holds any word of a plan ([`planned`]), found on first use.
    plans: Option<bool>,
    /// Whether the passage may reserve a right ([`reserved`]), found on first use.
    reserves: Option<bool>,
    /// Spans of the instruments named by title (keyword), by start: a title may hold a right or
    /// a group ("… Rights of All Migrant Workers"), which is then what the passage is about, or a
    /// step, which is then the title's.
    titles: &'a [Range<usize>],
    /// Where the rejected matches go, when [`Tagger::uncounted`] asks for them.
    misses: Option<&'a mut Vec<Miss>>,
}

/// Han text longer than this many chars on a side of a match is cut in a window of this size
/// around it rather than whole (a page of Chinese without punctuation, say).
const CUT_REACH: usize = 24;

/// Word boundaries of a passage, to reject a Han match that starts inside one word and ends
/// inside another, taking a single char from either (工会 in 员工|会议, 童工 in 儿童|工作站,
/// 工人 in 员工|人数). A match made of two whole words that jieba joined otherwise with their
/// neighbours still counts (再生利用 in 可再生|利用率, 信息保护 in 个人信息|保护法), as does a
/// keyword inside a longer word (强迫劳动 in 反强迫劳动). A passage's own words are used when it
/// has them; a free text's Han runs are cut with jieba around the matches that need it, each run
/// once, so that both agree wherever the passage's words came from the same cut.
struct WordBounds<'a> {
    /// Edges of the passage's whole words. Empty for free text.
    edges: &'a WordEdges,
    /// Whether a free text's Han runs may be cut with jieba; when not, no match is taken to
    /// straddle two words (see [`Tagger::uncounted`]).
    cut: bool,
    /// Han runs cut so far: `(start, end, bounds from, bounds to)`, sorted by start.
    runs: &'a mut Vec<(usize, usize, usize, usize)>,
    /// Word boundaries (normalized offsets) of the cut runs, each run's in order.
    bounds: &'a mut Vec<usize>,
    /// Whether a dictionary word crosses each offset looked up so far ([`crossed`]): matches of
    /// several entries share their ends. At most [`CROSSINGS_KEPT`], so that a lookup stays short.
    crossings: &'a mut Vec<(usize, bool)>,
}

/// How many offsets [`WordBounds::crossings`] keeps.
const CROSSINGS_KEPT: usize = 64;

impl WordBounds<'_> {
    /// Whether the match `s..e` of the normalized text `t` (of source `clean`) starts strictly
    /// inside one word and ends strictly inside another, with one char in either. Only a match
    /// with Han chars at both ends and on both sides can: elsewhere a script change or
    /// punctuation is a word boundary.
    fn straddles(&mut self, clean: &str, t: &str, norm: &NormText, s: usize, e: usize) -> bool {
        let han = |c: Option<char>| c.is_some_and(crate::lang::is_han);
        let m = &t[s..e];
        if !(han(t[..s].chars().next_back())
            && han(t[e..].chars().next())
            && han(m.chars().next())
            && han(m.chars().next_back())
            && m.chars().nth(1).is_some())
        {
            return false;
        }
        if !self.edges.is_empty() {
            let (s, e) = (norm.to_source(s), norm.to_source_end(e));
            return self
                .straddles_words(s, e)
                .is_some_and(|(a, b)| one_char(clean.get(s..a)) || one_char(clean.get(b..e)));
        }
        if !self.cut {
            return false;
        }
        // Only where a dictionary word crosses both ends can the cut put them inside words: a
        // few lookups spare most cuts.
        let jieba = crate::segment::Segmenter::shared().jieba();
        if !self.crossed_at(jieba, t, s) || !self.crossed_at(jieba, t, e) {
            return false;
        }
        let (from, to) = self.cut_around(jieba, t, s, e);
        let b = &self.bounds[from..to];
        if b.binary_search(&s).is_ok() || b.binary_search(&e).is_ok() {
            return false;
        }
        // The first boundary after the start and the last before the end.
        let i = b.partition_point(|&x| x <= s);
        let j = b.partition_point(|&x| x < e);
        match (b.get(i), j.checked_sub(1).and_then(|j| b.get(j))) {
            (Some(&first), Some(&last)) if first < e => {
                one_char(t.get(s..first)) || one_char(t.get(last..e))
            }
            _ => false,
        }
    }

    /// [`crossed`], looked up in [`WordBounds::crossings`] first.
    fn crossed_at(&mut self, jieba: &jieba_rs::Jieba, t: &str, at: usize) -> bool {
        if let Some(&(_, c)) = self.crossings.iter().find(|x| x.0 == at) {
            return c;
        }
        let c = crossed(jieba, t, at);
        if self.crossings.len() < CROSSINGS_KEPT {
            self.crossings.push((at, c));
        }
        c
    }

    /// With the passage's words, on source offsets: where the word holding `s` ends and the
    /// word holding `e` starts, when they are two words and neither `s` nor `e` is a boundary.
    fn straddles_words(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let a = self.edges.word_holding(s)?;
        let b = self.edges.word_holding(e)?;
        (a != b).then_some((a.end, b.start))
    }

    /// The word boundaries around `s..e` (a range of `self.bounds`): the Han run holding the
    /// match, cut once and kept, or a window of it when the run is very long.
    fn cut_around(
        &mut self,
        jieba: &jieba_rs::Jieba,
        t: &str,
        s: usize,
        e: usize,
    ) -> (usize, usize) {
        let i = self.runs.partition_point(|r| r.0 <= s);
        if let Some(&(rs, re, from, to)) = i.checked_sub(1).map(|i| &self.runs[i]) {
            if rs <= s && e <= re {
                return (from, to);
            }
        }
        let mut start = s;
        for c in t[..s].chars().rev().take(CUT_REACH) {
            if !crate::lang::is_han(c) {
                break;
            }
            start -= c.len_utf8();
        }
        let mut end = e;
        for c in t[e..].chars().take(CUT_REACH) {
            if !crate::lang::is_han(c) {
                break;
            }
            end += c.len_utf8();
        }
        let from = self.bounds.len();
        self.bounds.push(start);
        for w in jieba.cut(&t[start..end], false) {
            self.bounds.push(start + w.byte_end);
        }
        let to = self.bounds.len();
        // A window of a longer run is not kept: another match in the run gets its own window.
        let han_before = t[..start]
            .chars()
            .next_back()
            .is_some_and(crate::lang::is_han);
        let han_after = t[end..].chars().next().is_some_and(crate::lang::is_han);
        if !han_before && !han_after {
            self.runs.insert(i, (start, end, from, to));
        }
        (from, to)
    }
}

/// The cue that confirmed a weak keyword: its name, and its range in the sentence (`None` when
/// it was found in the section path).
#[derive(Debug, Clone, Copy)]
struct Confirm {
    name: u32,
    at: Option<(usize, usize)>,
}

/// A cue found in a section path.
#[derive(Debug, Clone, Copy)]
struct SectionCue {
    entry: u32,
    group: u32,
    name: u32,
}

/// Whether a heading is a document's title: it names the document's kind, a statement or a
/// report, with a year or a period after it at most ("Human Rights Statement 2023", "Modern
/// Slavery Statement FY2023/24", 2023年社会责任报告, 全球人权声明).
fn is_document_title(heading: &str) -> bool {
    const KINDS: &[&str] = &["statement", "report", "声明", "报告", "報告", "聲明"];
    let h = heading.to_lowercase();
    let h = h.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || "-–/().:fy年度".contains(c)
    });
    KINDS.iter().any(|k| {
        h.strip_suffix(k).is_some_and(|rest| {
            !rest
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic())
        })
    })
}

/// The cues of the last section path a thread's tagger looked in. A document's passages share
/// their section path, one after another, so most passages reuse it.
#[derive(Default)]
struct SectionMemo {
    /// [`Tagger::id`] of the tagger that found the cues (0: none yet).
    tagger: u64,
    section: Vec<String>,
    cues: Vec<SectionCue>,
}

/// A new [`Tagger::id`], never 0.
fn next_tagger_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// [`Scratch::needs`]: the passage has a keyword, abbreviation or weak keyword of the entry.
const NEEDS_WORDS: u8 = 1;
/// [`Scratch::needs`]: the entry's shared cues (group 0) may confirm a match of it.
const NEEDS_SHARED_CUES: u8 = 2;

/// Buffers reused from passage to passage (one set per thread).
#[derive(Default)]
struct Scratch {
    norm: NormText,
    hits: Vec<Hit>,
    negs: Vec<Range<usize>>,
    exceptions: Vec<Range<usize>>,
    kept: Vec<(Hit, Option<Confirm>)>,
    parts: Vec<(Role, u32, f32)>,
    breaks: Vec<usize>,
    /// The tags found so far, with their entry.
    found: Vec<(u32, Tag)>,
    /// Instruments covered by the found tags, with their score.
    covered: Vec<(u32, f32)>,
    /// See [`WordBounds`].
    runs: Vec<(usize, usize, usize, usize)>,
    bounds: Vec<usize>,
    /// See [`WordBounds::crossings`]; cleared for each passage.
    crossings: Vec<(usize, bool)>,
    /// By entry: [`NEEDS_WORDS`] and [`NEEDS_SHARED_CUES`] (all 0 between passages).
    needs: Vec<u8>,
    /// By cue group: whether a weak keyword of it matched (all false between passages).
    cue_groups: Vec<bool>,
    /// `(pattern, start, end)` of the matches with deferred uses ([`PatRef::deferred`]).
    deferred: Vec<(u32, usize, usize)>,
    section_memo: SectionMemo,
    /// Spans of the instruments named by title, by start.
    titles: Vec<Range<usize>>,
    /// Entries of `found` whose every kept match lies inside such a title.
    title_only: Vec<u32>,
}

/// Sentence breaks of a passage, computed on first use into a reused buffer.
struct LazyBreaks<'a> {
    buf: &'a mut Vec<usize>,
    ready: bool,
}

impl LazyBreaks<'_> {
    fn get(&mut self, t: &str) -> &[usize] {
        if !self.ready {
            sentence_breaks_into(t, self.buf);
            self.ready = true;
        }
        self.buf
    }
}

/// Error building a tagger.
#[derive(Debug, thiserror::Error)]
pub enum TagError {
    /// The automaton could not be built (far too many or too long patterns).
    #[error("cannot build the keyword automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// Tags passages against a taxonomy. Build once, share across threads (`Send + Sync`).
///
/// Scores: a keyword match is worth [`SCORE_KEYWORD`], an abbreviation [`SCORE_ABBR`] (short
/// ones less, see [`SCORE_SHORT_ABBR`] and [`SCORE_TINY_ABBR`], unless bracketed as in `（ILO）`
/// or backed by another keyword or cue of the entry), a weak keyword with its cue [`SCORE_WEAK`].
/// Distinct pieces of evidence combine as independent signals, `1 - Π(1 - sᵢ)`, so more
/// evidence means a higher score (at most 1). Covered instruments score [`SCORE_COVERED`] or
/// [`SCORE_COVERED_BROAD`]. Tags below the threshold are dropped.
pub struct Tagger {
    ac: AhoCorasick,
    /// Normalized pattern strings, by automaton pattern id.
    patterns: Vec<String>,
    /// Uses of all automaton patterns, grouped by pattern: pattern `p` has
    /// `refs[ref_start[p]..ref_start[p + 1]]` (one flat table, no per-match pointer chase).
    refs: Vec<PatRef>,
    ref_start: Vec<u32>,
    /// Where pattern `p`'s deferred uses start (at most `ref_start[p + 1]`): the cues that
    /// confirm only a weak keyword of their group or an abbreviation or plain weak keyword of
    /// their entry, read after the scan and only where one matched (see [`PatRef::deferred`]).
    deferred_from: Vec<u32>,
    /// Keywords as written in the taxonomy (for rule names and abbreviation case checks).
    names: Vec<String>,
    /// Evidence rule text of each name (`keyword:…` or `abbr:…`), built once.
    rules: Vec<String>,
    /// `covers:<id>` of each entry, built once.
    covers: Vec<String>,
    entries: Vec<EntryInfo>,
    /// Rank of each entry's id in sorted order (equal ids, equal ranks): output order.
    rank: Vec<u32>,
    threshold: f32,
    /// Tells this tagger's section cues apart from another's in the per-thread memo.
    id: u64,
    /// Frameworks whose parts are numbered (the SDGs and their goals).
    numbered: Vec<Numbered>,
    /// Cue groups, 0 (each entry's shared cues) included: one past the highest.
    cue_groups: usize,
    /// `(number, entry)` of every convention number an entry has (29 for ILO-FPRW, 169 for
    /// ILO-C169), sorted.
    conventions: Vec<(u32, u32)>,
    /// The entry of instruments the taxonomy does not list ([`UNLISTED_INSTRUMENT`]), if it has it.
    unlisted: Option<u32>,
}

/// The id of the entry that an instrument the taxonomy does not list is tagged as, when named
/// by number (`ILO Convention No. 190`).
pub const UNLISTED_INSTRUMENT: &str = "instrument/OTHER";

/// Which of an entry's lists a matched name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A Chinese or English keyword (`zh`, `en`).
    Keyword,
    /// An abbreviation (`abbr`).
    Abbr,
    /// A weak keyword (`weak`): the keyword of the rule, without its own cues.
    Weak,
}

/// Why a match of an entry's name made no tag (see [`Tagger::uncounted`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCounted {
    /// One of the entry's `exclude` phrases (as written) overlaps it: the word in another sense.
    Excluded(String),
    /// A weak keyword with no cue in its sentence or section path.
    NoCue,
    /// Negated in its clause, or said after it not to be done.
    Negated,
    /// A plan, where the entry is a deed reported.
    Planned,
    /// Inside a title: a stance in 《》, a step named in an instrument's title, or a right, group,
    /// theme or SDG in the name of a law given as the legal basis ("… Child Labour in Supply
    /// Chains Act").
    InTitle,
    /// Inside a longer proper name ("Hilton Foods").
    ProperName,
    /// What a standard, a checklist or a template contains ("the standard contains requirements
    /// on … grievance processes"), not the company's step.
    Contents,
    /// One item of a list of employment decisions a rule governs ("no discrimination in hiring,
    /// compensation, … termination"), not a step.
    Decisions,
    /// A label that what follows it denies ("Remediation measures: none").
    Denied,
    /// A statute's duty or prohibition (应当确保, 禁止填埋), not the company's pledge or step.
    Duty,
    /// The company obeying the law ("we comply with applicable laws"), no due-diligence step.
    Law,
    /// Matched, but the entry's score stayed below the threshold: a short abbreviation without
    /// its instrument's name, a cue or rights language near it.
    BelowThreshold,
}

/// A match of an entry's name in a passage that made no tag of the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncounted {
    /// Index of the entry in the taxonomy the tagger was built from.
    pub entry: usize,
    /// The name as written in the taxonomy (a weak rule's keyword without its cues; an English
    /// keyword ending in a consonant and `y` may show its `ies` plural).
    pub name: String,
    /// Which list of the entry the name is in.
    pub kind: NameKind,
    /// Why it did not count.
    pub reason: NotCounted,
    /// Its byte range in the text given.
    pub range: Range<usize>,
}

/// A rejected match, as the rules see it; [`Uncounted`] once its names are looked up.
#[derive(Debug, Clone)]
struct Miss {
    hit: Hit,
    why: Why,
    /// The match's range in the clean text.
    range: Range<usize>,
}

/// [`NotCounted`] with the exclude phrase as a name index.
#[derive(Debug, Clone, Copy)]
enum Why {
    Excluded(u32),
    /// The keyword in a list whose head makes one of the entry's excludes (`list_heads[i]`).
    ListHead(usize),
    NoCue,
    Negated,
    Planned,
    InTitle,
    ProperName,
    Contents,
    Decisions,
    Denied,
    Duty,
    Law,
    BelowThreshold,
}

/// Records why `h` (of the normalized text of `norm`) did not count, when the rejections are
/// being collected.
fn note(misses: &mut Option<&mut Vec<Miss>>, norm: &NormText, h: &Hit, why: Why) {
    if let Some(m) = misses {
        m.push(Miss {
            hit: *h,
            why,
            range: norm.range_to_source(h.start..h.end),
        });
    }
}

/// A framework whose linked entries are numbered by the last part of their ids (`sdg/5`), so
/// that a list of numbers after its name or after "goal" names them ("SDGs 3, 4 and 5").
#[derive(Debug, Clone)]
struct Numbered {
    framework: u32,
    /// The rule shown as evidence for the framework (`number:SDG`).
    name: u32,
    /// `(number, entry, name)`, the name being the rule shown as evidence.
    parts: Vec<(u32, u32, u32)>,
}

impl Tagger {
    /// Compiles the taxonomy's keywords into one automaton. Never fails: should the automaton
    /// not build (see [`Tagger::try_new`]), the tagger tags nothing.
    pub fn new(taxonomy: &Taxonomy) -> Self {
        Self::try_new(taxonomy).unwrap_or_else(|_| Tagger {
            ac: AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton builds"),
            patterns: Vec::new(),
            refs: Vec::new(),
            ref_start: vec![0],
            deferred_from: Vec::new(),
            names: Vec::new(),
            rules: Vec::new(),
            covers: Vec::new(),
            entries: Vec::new(),
            rank: Vec::new(),
            threshold: DEFAULT_THRESHOLD,
            id: next_tagger_id(),
            numbered: Vec::new(),
            cue_groups: 1,
            conventions: Vec::new(),
            unlisted: None,
        })
    }

    /// Compiles the taxonomy's keywords into one automaton.
    pub fn try_new(taxonomy: &Taxonomy) -> Result<Self, TagError> {
        Self::build(taxonomy, true)
    }

    /// A tagger whose automaton (an NFA) is quick to build but slower to run: about 10 ms for
    /// the built-in taxonomy instead of some 50 for its DFA (and its 30 MB), for a caller that
    /// tags a few passages, such as `gaps` saying why words found did not count. Tags as
    /// [`Tagger::new`].
    pub fn try_new_light(taxonomy: &Taxonomy) -> Result<Self, TagError> {
        Self::build(taxonomy, false)
    }

    fn build(taxonomy: &Taxonomy, dfa: bool) -> Result<Self, TagError> {
        text::warm_up();
        let mut b = Builder::default();
        for (i, e) in taxonomy.entries.iter().enumerate() {
            let i = i as u32;
            // Names are numbered in this order, by role (the hit sort in `find_in` relies on it).
            for k in &e.zh {
                b.add(k, i, Role::Keyword, false, 0);
            }
            for k in &e.en {
                b.add(k, i, Role::Keyword, true, 0);
                b.add_doer_forms(k, i);
                // The plural of a noun in -y ("lost time injuries"), which the `s` a match may
                // end with does not give.
                let last_word = k.rsplit(' ').next().unwrap_or(k);
                if let Some(stem) = k.strip_suffix('y').filter(|s| {
                    last_word.len() >= 5
                        && s.chars()
                            .next_back()
                            .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c))
                }) {
                    b.add(&format!("{stem}ies"), i, Role::Keyword, false, 0);
                }
            }
            if e.id == ACTION_STANCE {
                for aux in ["has", "have"] {
                    b.add_one(aux, i, Role::Keyword, false, 0, Doer::Perfect);
                }
            }
            for k in &e.abbr {
                b.add(k, i, Role::Abbr, false, 0);
            }
            // Weak rules of an entry with the same cues share one cue group: each cue match
            // makes one hit per group, and 公司 or "we" confirms some fifty practice verbs.
            let mut groups: HashMap<Vec<&str>, u32> = HashMap::new();
            for k in &e.weak {
                // A malformed rule is reported by the taxonomy check; the tagger skips it.
                let Ok(rule) = parse_weak(k) else { continue };
                match rule.cues {
                    None => b.add(rule.keyword, i, Role::Weak, true, 0),
                    Some(cues) => {
                        let next = b.groups + 1;
                        let group = *groups.entry(cues.clone()).or_insert(next);
                        b.add(rule.keyword, i, Role::Weak, true, group);
                        if group == next {
                            b.groups = next;
                            for c in cues {
                                b.add(c, i, Role::Cue, true, group);
                            }
                        }
                    }
                }
            }
            for k in &e.cues {
                b.add(k, i, Role::Cue, true, 0);
            }
            for k in &e.exclude {
                b.add(k, i, Role::Exclude, true, 0);
            }
        }
        for k in NEGATIONS {
            b.add(k, u32::MAX, Role::Negation, false, 0);
        }
        for k in NEGATION_EXCEPTIONS {
            b.add(k, u32::MAX, Role::NegException, false, 0);
        }
        for k in RIGHTS_LANGUAGE {
            b.add(k, u32::MAX, Role::Context, true, 0);
        }
        let numbered = numbered_frameworks(taxonomy, &mut b);
        let ac = automaton(&b.patterns, dfa)?;
        let entries = entry_infos(taxonomy);
        // A numbered part's cues are read in the scan: a part given by number is not added
        // where a match of its entry holds the number ([`numbered_parts`]).
        let mut part = vec![false; entries.len()];
        for &(_, e, _) in numbered.iter().flat_map(|g| g.parts.iter()) {
            if let Some(p) = part.get_mut(e as usize) {
                *p = true;
            }
        }
        let mut refs = Vec::new();
        let mut ref_start = vec![0u32];
        let mut deferred_from = Vec::with_capacity(b.refs.len());
        for mut rs in b.refs {
            for r in &mut rs {
                r.numbered = entries
                    .get(r.entry as usize)
                    .is_some_and(|e| !e.numbers.is_empty())
                    && !is_convention_number(&b.names[r.name as usize]);
            }
            // Deferred uses last. Their order changes no output: a name has one role and one
            // group, so the sort of the hits orders them fully, and a pattern has at most one
            // cue use per entry and group, which is what `section_cues` looks up.
            let later = |r: &PatRef| r.deferred(part.get(r.entry as usize) == Some(&true));
            rs.sort_by_key(later);
            let n = rs.partition_point(|r| !later(r));
            deferred_from.push((refs.len() + n) as u32);
            refs.extend(rs);
            ref_start.push(refs.len() as u32);
        }
        let mut conventions: Vec<(u32, u32)> = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.numbers.iter().map(move |&n| (n, i as u32)))
            .collect();
        conventions.sort_unstable();
        let unlisted = entries
            .iter()
            .position(|e| e.id == UNLISTED_INSTRUMENT)
            .map(|i| i as u32);
        Ok(Tagger {
            ac,
            patterns: b.patterns,
            refs,
            ref_start,
            deferred_from,
            names: b.names,
            rules: b.rules,
            covers: entries.iter().map(|e| format!("covers:{}", e.id)).collect(),
            rank: id_ranks(&entries),
            entries,
            threshold: DEFAULT_THRESHOLD,
            id: next_tagger_id(),
            numbered,
            cue_groups: b.groups as usize + 1,
            conventions,
            unlisted,
        })
    }

    /// The entry a convention number belongs to, if any.
    fn convention_entry(&self, number: u32) -> Option<u32> {
        let i = self.conventions.partition_point(|&(n, _)| n < number);
        self.conventions
            .get(i)
            .filter(|&&(n, _)| n == number)
            .map(|&(_, e)| e)
    }

    /// Sets the score threshold (default [`DEFAULT_THRESHOLD`]); tags scoring below it are dropped.
    pub fn with_threshold(mut self, threshold: f32) -> Self {
        self.threshold = threshold;
        self
    }

    /// The score threshold.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The normalized patterns of the automaton (for benchmarks comparing against a bare scan).
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// A bare scan with this tagger's automaton: the reference that tagging throughput is
    /// measured against (see [`BareScan`]).
    pub fn bare_scanner(&self) -> BareScan {
        BareScan {
            ac: self.ac.clone(),
        }
    }

    /// Uses of automaton pattern `p`.
    #[inline]
    fn refs_of(&self, p: usize) -> &[PatRef] {
        &self.refs[self.ref_start[p] as usize..self.ref_start[p + 1] as usize]
    }

    /// Uses of automaton pattern `p` read in the scan, and those read after it.
    // Called once per match: left out of line, the call cost more than its lookups.
    #[inline(always)]
    fn refs_split(&self, p: usize) -> (&[PatRef], &[PatRef]) {
        let (a, d, b) = (
            self.ref_start[p] as usize,
            self.deferred_from[p] as usize,
            self.ref_start[p + 1] as usize,
        );
        (&self.refs[a..d], &self.refs[d..b])
    }

    /// Tags a passage; evidence ranges are byte ranges into the original document text, and
    /// `matched` is the passage text they were found in.
    ///
    /// A passage's section path (its headings and bold lead-ins) may confirm weak keywords: a
    /// list item `拨打廉政热线` under the lead-in `我们承诺实施补救` has its cue there.
    pub fn tag(&self, passage: &Passage) -> Vec<Tag> {
        self.finish(&passage.text, &passage.section, &passage.edges, None, |r| {
            passage.map.range_to_orig(r)
        })
    }

    /// Tags a free text; evidence ranges are byte ranges into `text`. The language is not needed
    /// (Chinese and English patterns are all matched) and is accepted for symmetry. Letter-spaced
    /// Chinese (`强 迫 劳 动`) is read without its spaces, as segmentation reads it in documents;
    /// `matched` is then the text read.
    pub fn tag_text(&self, text: &str, lang: Option<Lang>) -> Vec<Tag> {
        if text.len() > LONG_TEXT {
            return self.tag_long_text(text, lang);
        }
        let _ = lang;
        let mut tags = match crate::segment::unspace_free_text(text) {
            None => self.finish(text, &[], &WordEdges::default(), None, |r| r),
            Some((clean, map)) => self.finish(&clean, &[], &WordEdges::default(), None, |r| {
                map.range_to_orig(r)
            }),
        };
        // `range` is already in the text; the text read without its letter spacing is not shown.
        for e in tags.iter_mut().flat_map(|t| t.evidence.iter_mut()) {
            e.text_range = None;
        }
        tags
    }

    /// [`Tagger::tag_text`] of a text too long to be one passage (a whole document pasted in one
    /// JSON line): tagged in pieces cut at a sentence or line end, each tag once with its best
    /// score and the first pieces' evidence, so that memory, which grows with the matches held at
    /// once, is that of one piece (a 10.8 MB line took 2.6 GB whole).
    fn tag_long_text(&self, text: &str, lang: Option<Lang>) -> Vec<Tag> {
        let mut tags: Vec<Tag> = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let mut end = text.floor_char_boundary((start + TEXT_PIECE).min(text.len()));
            if end < text.len() {
                // The last sentence end or line break in the piece's last quarter, if any.
                let from = text.floor_char_boundary(start + TEXT_PIECE * 3 / 4);
                if let Some(i) =
                    text[from..end].rfind(['\n', '。', '！', '？', '；', '.', '!', '?', ';'])
                {
                    let c = text[from + i..].chars().next().map_or(1, char::len_utf8);
                    end = from + i + c;
                }
            }
            for mut t in self.tag_text(&text[start..end], lang) {
                for e in &mut t.evidence {
                    e.range = e.range.start + start..e.range.end + start;
                }
                match tags
                    .iter_mut()
                    .find(|m| m.tag == t.tag && m.basis == t.basis)
                {
                    Some(m) => {
                        m.score = m.score.max(t.score);
                        let room = MAX_EVIDENCE.saturating_sub(m.evidence.len());
                        m.evidence.extend(t.evidence.into_iter().take(room));
                    }
                    None => tags.push(t),
                }
            }
            start = end;
        }
        // As in one passage: an instrument named somewhere is cited, not also covered.
        let cited: Vec<String> = tags
            .iter()
            .filter(|t| t.basis == Basis::Cited)
            .map(|t| t.tag.clone())
            .collect();
        tags.retain(|t| t.basis != Basis::Covered || !cited.contains(&t.tag));
        tags.sort_by(|a, b| (&a.tag, basis_rank(a.basis)).cmp(&(&b.tag, basis_rank(b.basis))));
        tags
    }

    /// The matches of an entry's keywords, abbreviations or weak keywords in `text` (a passage's
    /// clean text, under the section path `section`) that made no tag of that entry, each with
    /// why: an exclude phrase, no cue, a negation, a title, a proper name, a denial, too low a
    /// score. An entry the text is tagged with has none, whatever else of it did not count; a
    /// match nested in a longer one of its entry is not listed apart. The text is not cut into
    /// words (that would load jieba's dictionary): a Han match is never taken to straddle two
    /// words, so one rejected only for that counts here and is not listed.
    pub fn uncounted(&self, text: &str, section: &[String]) -> Vec<Uncounted> {
        let mut misses = Vec::new();
        self.finish(
            text,
            section,
            &WordEdges::default(),
            Some(&mut misses),
            |r| r,
        );
        misses
            .into_iter()
            .map(|m| Uncounted {
                entry: m.hit.entry as usize,
                name: self.names[m.hit.name as usize].clone(),
                kind: match m.hit.role {
                    Role::Abbr => NameKind::Abbr,
                    Role::Weak => NameKind::Weak,
                    _ => NameKind::Keyword,
                },
                reason: match m.why {
                    Why::Excluded(x) => NotCounted::Excluded(self.names[x as usize].clone()),
                    Why::ListHead(i) => {
                        let (k, head) = &self.entries[m.hit.entry as usize].list_heads[i];
                        NotCounted::Excluded(format!("{k}{head}"))
                    }
                    Why::NoCue => NotCounted::NoCue,
                    Why::Negated => NotCounted::Negated,
                    Why::Planned => NotCounted::Planned,
                    Why::InTitle => NotCounted::InTitle,
                    Why::ProperName => NotCounted::ProperName,
                    Why::Contents => NotCounted::Contents,
                    Why::Decisions => NotCounted::Decisions,
                    Why::Denied => NotCounted::Denied,
                    Why::Duty => NotCounted::Duty,
                    Why::Law => NotCounted::Law,
                    Why::BelowThreshold => NotCounted::BelowThreshold,
                },
                range: m.range,
            })
            .collect()
    }

    /// Runs the engine on a clean text and maps evidence ranges through `map`; with `misses`,
    /// also collects the rejected matches (and cuts no word, see [`Tagger::uncounted`]).
    fn finish(
        &self,
        clean: &str,
        section: &[String],
        edges: &WordEdges,
        misses: Option<&mut Vec<Miss>>,
        map: impl Fn(Range<usize>) -> Range<usize>,
    ) -> Vec<Tag> {
        if clean.is_empty() || self.patterns.is_empty() {
            return Vec::new();
        }
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.find_in(clean, section, edges, &map, &mut scratch, misses),
            Err(_) => self.find_in(clean, section, edges, &map, &mut Scratch::default(), misses),
        })
    }

    /// The output text of a rule.
    fn rule_text(&self, rule: Rule) -> String {
        match rule {
            Rule::Name(n) => self.rules[n as usize].clone(),
            Rule::Weak {
                name,
                cue,
                in_section,
            } => {
                let kind = if in_section { "+section-cue:" } else { "+cue:" };
                // One allocation: `format!` went through the formatting machinery for every weak
                // keyword's evidence.
                [
                    "weak:",
                    &self.names[name as usize],
                    kind,
                    &self.names[cue as usize],
                ]
                .concat()
            }
            Rule::Cue { name, cue } => [
                "cue:",
                &self.names[cue as usize],
                " (confirms weak:",
                &self.names[name as usize],
                ")",
            ]
            .concat(),
        }
    }

    /// The engine: matches, rules, scores, and the tags with their evidence (ranges into `clean`
    /// mapped through `map`), sorted by tag. Uses the buffers of `scratch`.
    fn find_in(
        &self,
        clean: &str,
        section: &[String],
        edges: &WordEdges,
        map: &dyn Fn(Range<usize>) -> Range<usize>,
        scratch: &mut Scratch,
        misses: Option<&mut Vec<Miss>>,
    ) -> Vec<Tag> {
        let Scratch {
            norm,
            hits,
            negs,
            exceptions,
            kept,
            parts,
            breaks,
            found,
            covered,
            runs,
            bounds,
            crossings,
            needs,
            cue_groups,
            deferred,
            section_memo,
            titles,
            title_only,
        } = scratch;
        norm.fill(clean);
        let norm = &*norm;
        let t = norm.text.as_str();
        hits.clear();
        negs.clear();
        exceptions.clear();
        deferred.clear();
        let mut rights_language = false;
        for m in self.ac.find_overlapping_iter(t) {
            let (now, later) = self.refs_split(m.pattern().as_usize());
            if !later.is_empty() {
                deferred.push((m.pattern().as_u32(), m.start(), m.end()));
            }
            let mut edges = MatchEdges::default();
            for r in now {
                let start = m.start();
                let Some(end) = edges.end(t, r, start, m.end()) else {
                    continue;
                };
                let (start, end) = match r.doer {
                    Doer::Any => (start, end),
                    Doer::WeAdverb => match we_and_adverb(t, start) {
                        Some(s) => (s, end),
                        None => continue,
                    },
                    Doer::Company => match company_doer(clean, norm, t, start) {
                        Some(s) if !has_as_possession(&t[start..end], &t[end..]) => (s, end),
                        _ => continue,
                    },
                    Doer::Opening if opens_passage(clean, norm, t, start, end) => (start, end),
                    Doer::Opening => continue,
                    Doer::Perfect => match perfect_after(t, start, end) {
                        Some(e) => (start, e),
                        None => continue,
                    },
                };
                match r.role {
                    Role::Negation => negs.push(start..end),
                    Role::NegException => exceptions.push(start..end),
                    Role::Context => rights_language = true,
                    mut role => {
                        if role == Role::Abbr
                            && !abbr_as_written(
                                clean,
                                norm,
                                start..end,
                                &self.names[r.name as usize],
                            )
                        {
                            continue;
                        }
                        let (mut entry, mut end) = (r.entry, end);
                        // Only the few uses that may name another convention look up their entry:
                        // `ILO Convention No. 190` names convention 190, which is the entry of that
                        // number if the taxonomy has one, else an instrument it does not list.
                        if let Some(c) = r.numbered.then(|| number_after(&t[end..])).flatten() {
                            if !self.entries[entry as usize].numbers.contains(&c.number) {
                                let other = self.unlisted.filter(|_| c.marked);
                                match self.convention_entry(c.number).or(other) {
                                    Some(e) => (entry, end, role) = (e, end + c.len, Role::Keyword),
                                    None => continue,
                                }
                            }
                        }
                        // A right or an instrument named by keyword (or a long abbreviation:
                        // CEDAW, not a convention number) is rights language too.
                        if !rights_language
                            && (role == Role::Keyword
                                || (role == Role::Abbr
                                    && end - start >= 4
                                    && !is_convention_number(&t[start..end])))
                        {
                            rights_language = self.entries[entry as usize].rights_language;
                        }
                        hits.push(Hit {
                            start,
                            end,
                            entry,
                            role,
                            name: r.name,
                            group: r.group,
                        });
                    }
                }
            }
        }
        for g in &self.numbered {
            if hits
                .iter()
                .any(|h| h.entry == g.framework && h.role.class() == 0)
            {
                numbered_parts(t, g, hits);
            }
        }
        // Cues and excludes of an entry with no keyword match cannot make a tag, and a cue
        // confirms only a weak keyword of its group or (the entry's shared cues) an
        // abbreviation or a plain weak keyword: the rest, nine cues in ten, are never made
        // into hits (the deferred ones) or are dropped before the sort, which was a good part
        // of the rules' cost where short cue words abound.
        needs.resize(self.entries.len(), 0);
        cue_groups.resize(self.cue_groups, false);
        for h in hits.iter() {
            let e = h.entry as usize;
            match h.role {
                Role::Keyword => needs[e] |= NEEDS_WORDS,
                Role::Weak if h.group != 0 => {
                    needs[e] |= NEEDS_WORDS;
                    cue_groups[h.group as usize] = true;
                }
                Role::Abbr | Role::Weak => needs[e] |= NEEDS_WORDS | NEEDS_SHARED_CUES,
                _ => {}
            }
        }
        // The deferred cues, read now for the cue groups that may use them only.
        for &(p, start, end) in deferred.iter() {
            let mut edges = MatchEdges::default();
            for r in self.refs_split(p as usize).1 {
                let wanted = if r.group != 0 {
                    cue_groups[r.group as usize]
                } else {
                    needs[r.entry as usize] & NEEDS_SHARED_CUES != 0
                };
                if !wanted {
                    continue;
                }
                if let Some(end) = edges.end(t, r, start, end) {
                    hits.push(Hit {
                        start,
                        end,
                        entry: r.entry,
                        role: Role::Cue,
                        name: r.name,
                        group: r.group,
                    });
                }
            }
        }
        hits.retain(|h| match h.role {
            Role::Cue if h.group != 0 => cue_groups[h.group as usize],
            Role::Cue => needs[h.entry as usize] & NEEDS_SHARED_CUES != 0,
            _ => needs[h.entry as usize] & NEEDS_WORDS != 0,
        });
        // Every flag set above belongs to a hit kept.
        for h in hits.iter() {
            needs[h.entry as usize] = 0;
            cue_groups[h.group as usize] = false;
        }
        if hits.is_empty() {
            return Vec::new();
        }
        // Exceptions are short: only those ending near a cue can hold it.
        exceptions.sort_by_key(|x| (x.end, x.start));
        let max_exception = exceptions.iter().map(|x| x.len()).max().unwrap_or(0);
        negs.retain(|n| {
            let from = exceptions.partition_point(|x| x.end < n.end);
            !exceptions[from..]
                .iter()
                .take_while(|x| x.end <= n.start + max_exception)
                .any(|x| x.start <= n.start && n.end <= x.end)
        });
        // Overlapping matches come in order of their end; the negation lookup needs that order.
        negs.sort_by_key(|n| (n.end, n.start));
        // Per entry: keywords, then cues (by cue group), then excludes, each in start order
        // (longest first). Entry, class and cue group are packed into one integer. Ties go by
        // name, which also orders roles: an entry's names are numbered keywords, abbreviations,
        // weak keywords in that order, and a name has one role and one group.
        hits.sort_unstable_by_key(|h| {
            let cue_group = if h.role == Role::Cue { h.group } else { 0 };
            (
                (h.entry as u128) << 64 | (h.role.class() as u128) << 32 | cue_group as u128,
                h.start,
                std::cmp::Reverse(h.end),
                h.name,
            )
        });

        titles.clear();
        titles.extend(
            hits.iter()
                .filter(|h| h.role == Role::Keyword && self.entries[h.entry as usize].instrument)
                .map(|h| h.start..h.end),
        );
        titles.sort_unstable_by_key(|r| r.start);
        let mut ctx = Ctx {
            clean,
            norm,
            negs,
            kept,
            parts,
            breaks: LazyBreaks {
                buf: breaks,
                ready: false,
            },
            section,
            section_cues: section_memo,
            map,
            rights_language,
            title_case: None,
            label: None,
            statute: None,
            acts: None,
            legal_basis: Vec::new(),
            history: None,
            plans: None,
            reserves: None,
            titles,
            words: WordBounds {
                edges,
                cut: misses.is_none(),
                runs,
                bounds,
                crossings,
            },
            misses,
        };
        ctx.words.runs.clear();
        ctx.words.bounds.clear();
        ctx.words.crossings.clear();
        found.clear();
        title_only.clear();
        let mut i = 0;
        while i < hits.len() {
            let entry = hits[i].entry;
            let n = hits[i..].partition_point(|h| h.entry == entry);
            let group = &hits[i..i + n];
            i += n;
            if let Some(tag) = self.judge_entry(entry, group, &mut ctx) {
                if !ctx.titles.is_empty()
                    && ctx.kept.iter().all(|(h, _)| within_title(ctx.titles, h))
                {
                    title_only.push(entry);
                }
                found.push((entry, tag));
            }
        }
        self.add_named(found, title_only);
        self.add_covered(found, covered, title_only);
        self.add_implied(found, title_only);
        // Entry ranks follow tag ids, so this is the order of `tag` then basis, without
        // comparing strings.
        found.sort_by_key(|(e, t)| (self.rank[*e as usize], basis_rank(t.basis)));
        found.drain(..).map(|(_, t)| t).collect()
    }

    /// Applies the rules to one entry's hits; `None` when nothing counts.
    fn judge_entry(&self, entry: u32, group: &[Hit], ctx: &mut Ctx<'_>) -> Option<Tag> {
        let info = &self.entries[entry as usize];
        // The policy commitment is what a pledge or an expectation of suppliers states, and may
        // be what a document contains: those rules leave it alone.
        let policy = info.id == "hrdd/policy-commitment";
        let (clean, norm, negs) = (ctx.clean, ctx.norm, ctx.negs);
        let t = norm.text.as_str();
        let breaks = &mut ctx.breaks;
        // The group is sorted by class, then start: keywords, cues and excludes are three runs in
        // start order (cues in one run per cue group), and the lookups below are binary searches,
        // so a huge passage with many matches stays linear.
        let n_words = group.partition_point(|h| h.role.class() == 0);
        let n_cues = group[n_words..].partition_point(|h| h.role.class() == 1);
        let (words, rest) = group.split_at(n_words);
        let (cues, excludes) = rest.split_at(n_cues);
        let max_exclude = excludes.iter().map(|x| x.end - x.start).max().unwrap_or(0);
        let kept = &mut *ctx.kept;
        kept.clear();
        // Misses of this entry start here: dropped again if the entry is tagged after all.
        let first_miss = ctx.misses.as_ref().map_or(0, |m| m.len());
        let mut max_end = 0;
        // The end of the last negated hit: a hit nested in it is negated with it.
        let mut negated_end = 0;
        // Where the first denied hit starts.
        let mut first_denied = None;
        for h in words {
            // Sorted by start, longest first: a hit starting within an earlier kept one is nested
            // in it or overlaps it ("inhuman or degrading" and "degrading treatment"), and the
            // same words count once. The other checks only reject, so this cheapest one goes
            // first.
            if h.start < max_end {
                if h.start < negated_end {
                    note(&mut ctx.misses, norm, h, Why::Negated);
                }
                continue;
            }
            let before = excludes.partition_point(|x| x.start < h.end);
            if let Some(x) = excludes[..before]
                .iter()
                .rev()
                .take_while(|x| x.start + max_exclude > h.start)
                .find(|x| x.end > h.start)
            {
                note(&mut ctx.misses, norm, h, Why::Excluded(x.name));
                continue;
            }
            if let Some(i) = info.list_heads.iter().position(|(k, head)| {
                t.get(h.start..h.end) == Some(k.as_str()) && ends_list_with(&t[h.end..], head)
            }) {
                note(&mut ctx.misses, norm, h, Why::ListHead(i));
                continue;
            }
            let mut cue = None;
            if h.role == Role::Weak {
                // A deed's doer is the subject of its clause: the 公司 of 公司为员工提供, not
                // of 证券公司、期货公司的从业人员提供虚假信息, nor of 实施前款行为，致使公司….
                // A cue after the match counts where the match heads its clause (2023年，公司开展)
                // and the cue follows at once (累计开展, 本年度共开展; not the object of
                // 设立保险公司) or heads its own clause.
                let zh = info.reported && t[h.start..].starts_with(crate::lang::is_han);
                let doer = |c: &Hit| {
                    !zh || !t[c.start..].starts_with(crate::lang::is_han)
                        || if c.start >= h.end {
                            heads_clause(t, h)
                                && (follows_at_once(t, h.end, c.start) || heads_clause(t, c))
                        } else {
                            heads_clause(t, c)
                        }
                };
                let near = zh.then_some(120);
                cue =
                    cue_in_sentence(cue_group(cues, h.group), h, t, breaks, near, doer).map(|c| {
                        Confirm {
                            name: c.name,
                            at: Some((c.start, c.end)),
                        }
                    });
                // A section's title is no doer of a deed.
                if cue.is_none() && !ctx.section.is_empty() && !info.reported {
                    self.section_cues(ctx.section, ctx.section_cues);
                    cue = ctx
                        .section_cues
                        .cues
                        .iter()
                        .find(|c| c.entry == entry && c.group == h.group)
                        .map(|c| Confirm {
                            name: c.name,
                            at: None,
                        });
                }
                if cue.is_none() {
                    note(&mut ctx.misses, norm, h, Why::NoCue);
                    continue;
                }
            }
            // What a negation denies, it denies of the words inside too: "not carried out a
            // human rights impact assessment" is no impact assessment, though "not" lies too
            // far before the inner "impact assessment" to reach it alone.
            // A time anchor's deed is what follows it; where every clause after it denies its
            // verb (2023年，公司未发生重大数据泄露事件; "In 2023 we did not receive any
            // complaints"), nothing was done.
            let anchor_denied = info.reported
                && cue.is_some_and(|c| c.at.is_some_and(|(start, _)| start >= h.end))
                && {
                    let b = breaks.get(t);
                    let to = sentence_end(b, h.start, t.len());
                    deeds_denied(&t[h.end..to.max(h.end)])
                };
            if anchor_denied
                || (info.negatable
                    && negated(t, h.start, negs)
                    && !(info.channel && nothing_received(t, h.start, h.end)))
                || (info.step && undone_after(&t[..h.start], &t[h.end..]))
            {
                first_denied.get_or_insert(h.start);
                max_end = max_end.max(h.end);
                negated_end = negated_end.max(h.end);
                note(&mut ctx.misses, norm, h, Why::Negated);
                continue;
            }
            let mut from = || sentence_start(breaks.get(t), h.start);
            if info.step && !policy && obeys_law(t, h.start, h.end, &mut from) {
                note(&mut ctx.misses, norm, h, Why::Law);
                continue;
            }
            if info.reported
                && (planned(t, h.start, h.end, &mut ctx.plans)
                    || rule_stated(t, h.start, h.end)
                    || zh_not_done(t, h.start, h.end, &mut from)
                    || conditional_practice(t, h.start, h.end, &mut from)
                    || relative_practice(clean, norm, h.start, h.end))
            {
                note(&mut ctx.misses, norm, h, Why::Planned);
                continue;
            }
            // 我们将X纳入Y: 将 marks an object, no promise.
            if info.stance && t[h.start..h.end].ends_with('将') && zh_object_marker(&t[h.end..]) {
                continue;
            }
            if info.stance && in_title(t, h.start, h.end) {
                note(&mut ctx.misses, norm, h, Why::InTitle);
                continue;
            }
            // A statute's duty, prohibition or aim (应当确保, 禁止填埋, 应当努力) is the law's, not
            // a company's pledge, policy, aspiration or step; nor is the state's own policy
            // (国家坚持, 国家禁止), which no company's due diligence states.
            if (info.pledge || policy || info.company_only)
                && t[h.start..].starts_with(crate::lang::is_han)
                && *ctx
                    .statute
                    .get_or_insert_with(|| statute_voice(t, ctx.section))
            {
                note(&mut ctx.misses, norm, h, Why::Duty);
                continue;
            }
            // A step named as what a standard, a checklist or a template contains ("the
            // standard contains requirements on … grievance processes", "audits screen for …
            // grievance mechanisms", "audit and investigation provisions") is not the company's.
            if info.step && !policy && named_as_contents(t, &mut from, h.start, h.end) {
                note(&mut ctx.misses, norm, h, Why::Contents);
                continue;
            }
            if info.step && !policy && in_decision_list(t, &mut from, h.start, h.end) {
                note(&mut ctx.misses, norm, h, Why::Decisions);
                continue;
            }
            // A step named inside an instrument's title is the title's: the 商业行为准则 of
            // 《联合国反LGBTI歧视商业行为准则》 is no code of conduct of the company's.
            if info.step && within_title(ctx.titles, h) {
                note(&mut ctx.misses, norm, h, Why::InTitle);
                continue;
            }
            // A named policy or mechanism ("Supplier Code of Conduct", "Speak Up line") is
            // evidence of the step it names; only subjects are mistaken for names.
            if info.subject
                && matches!(h.role, Role::Keyword | Role::Weak)
                && in_proper_name(
                    clean,
                    norm.to_source(h.start),
                    norm.to_source_end(h.end),
                    &mut ctx.title_case,
                )
                && !within_title(ctx.titles, h)
            {
                note(&mut ctx.misses, norm, h, Why::ProperName);
                continue;
            }
            // A subject in the name of a law given as the statement's legal basis ("prepared
            // pursuant to the … Forced Labour and Child Labour in Supply Chains Act", "made under
            // s54 of the Modern Slavery Act 2015") is not what the passage addresses; a law that
            // suppliers are held to, staff trained on or risks assessed against is.
            if info.subject
                && matches!(h.role, Role::Keyword | Role::Weak)
                && *ctx.acts.get_or_insert_with(|| clean.contains("Act"))
                && in_law_name(clean, norm.to_source_end(h.end))
                && {
                    let b = breaks.get(t);
                    let k = sentence_of(b, h.start);
                    if ctx.legal_basis.len() <= k {
                        ctx.legal_basis.resize(b.len() + 1, None);
                    }
                    *ctx.legal_basis[k]
                        .get_or_insert_with(|| only_legal_basis(sentence_around(t, b, h.start)))
                }
            {
                note(&mut ctx.misses, norm, h, Why::InTitle);
                continue;
            }
            // A regulation repealed by name (本条例自…起施行，《…城市供水管理规定》同时废止) or named
            // in a law's history is not what the passage addresses: only its title holds the
            // subject.
            if info.subject
                && matches!(h.role, Role::Keyword | Role::Weak)
                && *ctx.history.get_or_insert_with(|| {
                    t.contains('《') && ["废止", "施行", "次会议"].iter().any(|w| t.contains(w))
                })
                && in_title(t, h.start, h.end)
                && repealed_title(t, h.end, sentence_around(t, breaks.get(t), h.start))
            {
                note(&mut ctx.misses, norm, h, Why::InTitle);
                continue;
            }
            // Not noted: `uncounted` cuts no words, and never sees a straddling match.
            if ctx.words.straddles(clean, t, norm, h.start, h.end) {
                continue;
            }
            max_end = h.end;
            kept.push((*h, cue));
        }
        // A form's question or a heading ("Remediation measures: … no remediation measures have
        // been taken", 补救措施：…未采取任何补救措施) is answered by what follows it: where the
        // answer denies the step, the label is no evidence of it.
        if info.step && !kept.is_empty() {
            // A heading run into its answer ("Remediation During the Reporting Period, MEG did
            // not have to take any measures to remediate…") names the step the answer denies.
            // Only the passage's first word or two, in English, where such headings are found,
            // run into a capitalized word ("Remediation During…", "Remedial Action Taken…"); not
            // "Supplier audits in Asia were carried out and corrective actions were not needed".
            let at_head = |h: &Hit| {
                h.start <= 4
                    && t[h.start..].starts_with(|c: char| c.is_ascii_alphabetic())
                    && clean
                        .get(norm.to_source_end(h.end)..)
                        .and_then(|r| r.strip_prefix(' '))
                        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
            };
            let glued = first_denied.filter(|_| kept.first().is_some_and(|(h, _)| at_head(h)));
            let denied_sentence = glued.map(|d| sentence_of(breaks.get(t), d));
            // The sentences are read only where a heading may have been denied.
            let b = if denied_sentence.is_some() {
                breaks.get(t)
            } else {
                &[]
            };
            let label = *ctx.label.get_or_insert_with(|| LabelEnds::of(t));
            let misses = &mut ctx.misses;
            kept.retain(|(h, _)| {
                let heading = denied_sentence.is_some_and(|s| {
                    at_head(h) && Some(h.start) < glued && sentence_of(b, h.start) == s
                });
                let keep = !heading && label.answer(t, h.end).is_none_or(|a| !answer_denies(a));
                if !keep {
                    note(misses, norm, h, Why::Denied);
                }
                keep
            });
        }
        if kept.is_empty() {
            return None;
        }
        let has_keyword = kept.iter().any(|(h, _)| h.role != Role::Abbr);
        // Distinct (role, keyword) → best score.
        let parts = &mut *ctx.parts;
        parts.clear();
        for (h, _) in kept.iter() {
            let s = match h.role {
                Role::Keyword => SCORE_KEYWORD,
                Role::Weak => SCORE_WEAK,
                _ => {
                    // A short abbreviation is often something else (CRC checksums, GNI per
                    // capita, the CAT ticker): it needs the instrument's name or a cue, a title
                    // mark (《CRC》), or at least rights language in the passage.
                    let name = &self.names[h.name as usize];
                    let letters = if is_convention_number(name) {
                        name.chars().count().min(3)
                    } else {
                        name.chars().count()
                    };
                    let mut anchored = || {
                        has_keyword
                            || title_marked(t, h.start, h.end)
                            || cue_in_sentence(cue_group(cues, 0), h, t, breaks, None, |_| true)
                                .is_some()
                    };
                    if letters >= 4 || anchored() {
                        SCORE_ABBR
                    } else if !ctx.rights_language {
                        SCORE_TINY_ABBR
                    } else if bracketed(t, h.start, h.end) {
                        SCORE_ABBR
                    } else if letters == 3 {
                        SCORE_SHORT_ABBR
                    } else {
                        SCORE_TINY_ABBR
                    }
                }
            };
            match parts
                .iter_mut()
                .find(|(r, n, _)| *r == h.role && *n == h.name)
            {
                Some(p) => p.2 = p.2.max(s),
                None => parts.push((h.role, h.name, s)),
            }
        }
        let miss: f32 = parts.iter().map(|p| 1.0 - p.2).product();
        // Rounded so that output is short and stable (0.99, not 0.98999995).
        let score = ((1.0 - miss) * 1000.0).round().clamp(0.0, 1000.0) / 1000.0;
        // Below the threshold the tag is dropped: no evidence to build (nor to cover with).
        if score < self.threshold {
            for (h, _) in kept.iter() {
                note(&mut ctx.misses, norm, h, Why::BelowThreshold);
            }
            return None;
        }
        // Tagged: what else of it did not count is no miss of the passage.
        if let Some(m) = &mut ctx.misses {
            m.truncate(first_miss);
        }
        let source = |start: usize, end: usize| {
            let r = norm.range_to_source(start..end);
            debug_assert!(clean.is_char_boundary(r.start) && clean.is_char_boundary(r.end));
            r
        };
        let map = ctx.map;
        let evidence_of = |r: Range<usize>, rule: Rule| Evidence {
            matched: clean.get(r.clone()).unwrap_or("").to_string(),
            range: map(r.clone()),
            rule: self.rule_text(rule),
            text_range: Some(r),
        };
        // A step counts as taken where one of its matches is not only planned.
        // A pledged step, or one expected of suppliers, is a commitment to it, except the policy
        // commitment itself (which such an expectation is).
        let pledgeable = !policy;
        let planned = info.step && {
            let deed = kept.iter().position(|(h, _)| {
                !(step_planned(t, h.start, h.end, &mut ctx.plans)
                    || (pledgeable && rule_stated(t, h.start, h.end))
                    || (pledgeable
                        && names_code_only(t, h.start, h.end, || {
                            let b = breaks.get(t);
                            (sentence_start(b, h.start), sentence_end(b, h.end, t.len()))
                        }))
                    || (*ctx
                        .reserves
                        .get_or_insert_with(|| t.contains("reserv") || t.contains("保留"))
                        && reserved(t, h.start, h.end))
                    || (pledgeable
                        && (pledged(t, h.start, || sentence_start(breaks.get(t), h.start))
                            || expected_of_partners(t, h.start)
                            || asks_of_partners(t, h.start, h.end))))
            });
            // The deed's evidence first, where `gaps` and `search` show a step: "我们承诺实施补救"
            // before "我们将补救指南翻译成多种语言" would show the pledge as the step taken.
            if let Some(i) = deed {
                kept[..=i].rotate_right(1);
            }
            deed.is_none()
        };
        // A weak keyword's confirming cue follows it as evidence of its own.
        let confirms = kept
            .iter()
            .filter(|(_, c)| c.is_some_and(|c| c.at.is_some()))
            .count();
        let mut evidence = Vec::with_capacity((kept.len() + confirms).min(MAX_EVIDENCE));
        for (h, cue) in kept.iter() {
            if evidence.len() >= MAX_EVIDENCE {
                break;
            }
            match (h.role, cue) {
                (Role::Weak, Some(c)) => {
                    let rule = Rule::Weak {
                        name: h.name,
                        cue: c.name,
                        in_section: c.at.is_none(),
                    };
                    evidence.push(evidence_of(source(h.start, h.end), rule));
                    if let Some((s, e)) = c.at {
                        if evidence.len() < MAX_EVIDENCE {
                            let rule = Rule::Cue {
                                name: h.name,
                                cue: c.name,
                            };
                            evidence.push(evidence_of(source(s, e), rule));
                        }
                    }
                }
                _ => evidence.push(evidence_of(source(h.start, h.end), Rule::Name(h.name))),
            }
        }
        Some(Tag {
            tag: info.id.clone(),
            score,
            basis: if info.instrument {
                Basis::Cited
            } else {
                Basis::Matched
            },
            planned,
            evidence,
        })
    }

    /// Puts the cues found in a section path in `memo`, unless it holds them already.
    fn section_cues(&self, section: &[String], memo: &mut SectionMemo) {
        if memo.tagger == self.id && memo.section == section {
            return;
        }
        memo.tagger = self.id;
        memo.section.clear();
        memo.section.extend_from_slice(section);
        let out = &mut memo.cues;
        out.clear();
        // A document's own title says what all of it is about, not what one passage does:
        // under "Human Rights Statement 2023", "we adopted the Equator Principles" is no step
        // on human rights.
        let titled = section.first().is_some_and(|s| is_document_title(s));
        for name in &section[usize::from(titled)..] {
            let t = text::normalize_pattern(name);
            for m in self.ac.find_overlapping_iter(t.as_str()) {
                for r in self.refs_of(m.pattern().as_usize()) {
                    if r.role != Role::Cue
                        || (r.word_left
                            && t[..m.start()].chars().next_back().is_some_and(is_word_char))
                        || (r.word_right && right_boundary(&t, m.end(), r.plural).is_none())
                    {
                        continue;
                    }
                    out.push(SectionCue {
                        entry: r.entry,
                        group: r.group,
                        name: r.name,
                    });
                }
            }
        }
    }

    /// Adds the rights, groups and themes the name of each instrument cited by an abbreviation or
    /// a number names ([`Taxonomy::named_in_title`]), with the instrument's evidence: a passage
    /// that names CEDAW addresses women. Like a group
    /// found inside an instrument's title, they cover no other instrument (`title_only`).
    fn add_named(&self, found: &mut Vec<(u32, Tag)>, title_only: &mut Vec<u32>) {
        let n = found.len();
        for k in 0..n {
            let (inst, ref tag) = found[k];
            let named = &self.entries[inst as usize].in_name;
            // Where it is named by an abbreviation, a number (ILO Convention 169) or a name sharing
            // a distinctive word of its title ("Palermo Protocol", "Second Optional Protocol"),
            // not by a wider instrument's name (the organised-crime convention the Palermo
            // Protocol supplements).
            let words = &self.entries[inst as usize].title_words;
            let coded = |e: &Evidence| {
                e.rule.starts_with("abbr:")
                    || e.matched.bytes().any(|b| b.is_ascii_digit())
                    || e.rule.strip_prefix("keyword:").is_some_and(|k| {
                        words.iter().any(|w| {
                            k.split(|c: char| !c.is_alphanumeric()).any(|x| x == w)
                                || (!w.is_ascii() && k.contains(w.as_str()))
                        })
                    })
            };
            if tag.basis != Basis::Cited || named.is_empty() || !tag.evidence.iter().any(coded) {
                continue;
            }
            for &g in named {
                if found.iter().any(|f| f.0 == g) {
                    continue;
                }
                let tag = &found[k].1;
                let rule = format!("names:{}", tag.tag);
                let derived = Tag {
                    tag: self.entries[g as usize].id.clone(),
                    score: tag.score,
                    basis: Basis::Matched,
                    planned: false,
                    evidence: tag
                        .evidence
                        .iter()
                        .map(|ev| Evidence {
                            rule: rule.clone(),
                            ..ev.clone()
                        })
                        .collect(),
                };
                found.push((g, derived));
                title_only.push(g);
            }
        }
    }

    /// Adds the entries that the matched ones imply ([`crate::taxonomy::Entry::implies`]: the
    /// goal of a right) and that the passage does not have from its own words: with the best
    /// score of the tags implying each, and their evidence under the rule `implied-by:ID`. A
    /// keyword that is one of the implied entry's exclude phrases implies nothing (harassment is
    /// non-discrimination, not SDG 10). After the instruments are covered, so that an implied
    /// tag covers none; not from a tag found only inside an instrument's title or named by it
    /// (`title_only`), which is the instrument's subject, not the passage's.
    fn add_implied(&self, found: &mut Vec<(u32, Tag)>, title_only: &[u32]) {
        let n = found.len();
        for k in 0..n {
            let (entry, ref tag) = found[k];
            if tag.basis != Basis::Matched
                || self.entries[entry as usize].implies.is_empty()
                || title_only.contains(&entry)
            {
                continue;
            }
            let (score, rule) = (tag.score, format!("implied-by:{}", tag.tag));
            for &g in &self.entries[entry as usize].implies {
                if found[..n].iter().any(|f| f.0 == g) {
                    continue;
                }
                let unimplied = &self.entries[g as usize].unimplied;
                let evidence: Vec<Evidence> = found[k]
                    .1
                    .evidence
                    .iter()
                    .filter(|ev| {
                        let k = crate::normalize::normalize_str(keyword_of_rule(&ev.rule));
                        !unimplied.iter().any(|x| x.eq_ignore_ascii_case(&k))
                    })
                    .map(|ev| Evidence {
                        rule: rule.clone(),
                        ..ev.clone()
                    })
                    .collect();
                if evidence.is_empty() {
                    continue;
                }
                match found[n..].iter_mut().find(|f| f.0 == g) {
                    Some((_, t)) => {
                        t.score = t.score.max(score);
                        let room = MAX_EVIDENCE.saturating_sub(t.evidence.len());
                        t.evidence.extend(evidence.into_iter().take(room));
                    }
                    None => found.push((
                        g,
                        Tag {
                            tag: self.entries[g as usize].id.clone(),
                            score,
                            basis: Basis::Matched,
                            planned: false,
                            evidence: evidence.into_iter().take(MAX_EVIDENCE).collect(),
                        },
                    )),
                }
            }
        }
    }

    /// Adds the instruments covered by the matched rights, groups and themes (cited ones
    /// excluded). An instrument's evidence is that of the tags covering it, in entry order.
    ///
    /// A right or group found only inside an instrument's title (the 原住民 of
    /// 《联合国原住民权利宣言》) is what that instrument is about, not the passage's own subject:
    /// it covers no other instrument (`title_only`).
    fn add_covered(
        &self,
        found: &mut Vec<(u32, Tag)>,
        covered: &mut Vec<(u32, f32)>,
        title_only: &[u32],
    ) {
        covered.clear();
        let n = found.len();
        let about = |ids: &dyn Fn(&str) -> bool| {
            found.iter().any(|(entry, tag)| {
                tag.basis == Basis::Matched && ids(&self.entries[*entry as usize].id)
            })
        };
        // Most passages on equality are about a workplace, named or not; only one about a
        // product's users or its content, and not about work, is outside the world of work.
        let outside_work = about(&|id| PRODUCT.contains(&id))
            && !about(&|id| id.starts_with(LABOUR) || WORK.contains(&id));
        for (entry, tag) in found.iter() {
            if tag.basis != Basis::Matched || title_only.contains(entry) {
                continue;
            }
            for &(inst, specific, needs_work) in &self.entries[*entry as usize].coverers {
                if found.iter().any(|g| g.0 == inst) {
                    continue; // cited wins
                }
                if needs_work && outside_work {
                    continue;
                }
                let score = if specific {
                    SCORE_COVERED
                } else {
                    SCORE_COVERED_BROAD
                };
                match covered.iter_mut().find(|c| c.0 == inst) {
                    Some(c) => c.1 = c.1.max(score),
                    None => covered.push((inst, score)),
                }
            }
        }
        // Evidence is built only for the instruments that pass the threshold.
        for &(inst, score) in covered.iter() {
            if score < self.threshold {
                continue;
            }
            let covering = |(entry, tag): &&(u32, Tag)| {
                tag.basis == Basis::Matched
                    && !title_only.contains(entry)
                    && self.entries[*entry as usize]
                        .coverers
                        .iter()
                        .any(|c| c.0 == inst)
            };
            // Sized up front: growing it push by push reallocated it up to three times.
            let size: usize = found[..n]
                .iter()
                .filter(covering)
                .map(|(_, tag)| tag.evidence.len())
                .sum();
            let mut evidence = Vec::with_capacity(size.min(MAX_EVIDENCE));
            for (entry, tag) in found[..n].iter().filter(covering) {
                let rule = &self.covers[*entry as usize];
                for ev in &tag.evidence {
                    if evidence.len() >= MAX_EVIDENCE {
                        break;
                    }
                    evidence.push(Evidence {
                        range: ev.range.clone(),
                        matched: ev.matched.clone(),
                        rule: rule.clone(),
                        text_range: ev.text_range.clone(),
                    });
                }
            }
            found.push((
                inst,
                Tag {
                    tag: self.entries[inst as usize].id.clone(),
                    score,
                    basis: Basis::Covered,
                    planned: false,
                    evidence,
                },
            ));
        }
    }
}

/// The cues of one cue group (cues are sorted by group, then start).
fn cue_group(cues: &[Hit], group: u32) -> &[Hit] {
    let lo = cues.partition_point(|c| c.group < group);
    let hi = lo + cues[lo..].partition_point(|c| c.group == group);
    &cues[lo..hi]
}

/// A cue (from `cues`, one cue group in start order) in the same sentence as `h` and not
/// overlapping it.
fn cue_in_sentence(
    cues: &[Hit],
    h: &Hit,
    t: &str,
    breaks: &mut LazyBreaks<'_>,
    near: Option<usize>,
    ok: impl Fn(&Hit) -> bool,
) -> Option<Hit> {
    if cues.is_empty() {
        return None;
    }
    let b = breaks.get(t);
    let mut from = sentence_start(b, h.start);
    let mut to = sentence_end(b, h.start, t.len());
    // A cue that may be rejected is looked for near the hit only, so that a long sentence of
    // rejected cues stays linear.
    if let Some(r) = near {
        from = from.max(h.start.saturating_sub(r));
        to = to.min(h.end + r);
    }
    let lo = cues.partition_point(|c| c.start < from);
    let hi = cues.partition_point(|c| c.start < to);
    // Only cues overlapping the hit are skipped, so this stops almost at once.
    cues[lo..hi]
        .iter()
        .find(|c| (c.end <= h.start || c.start >= h.end) && ok(c))
        .copied()
}

/// Whether what starts at `at` of normalized text `t` follows `end` at once or after an adverb
/// only (累计开展, 本年度共开展, 2023年均已完成).
fn follows_at_once(t: &str, end: usize, at: usize) -> bool {
    t.get(end..at).is_some_and(|gap| {
        gap.chars().count() <= 2 && gap.chars().all(|c| "共均已再又还都".contains(c))
    })
}

/// Whether the Chinese cue `c` of normalized text `t` heads its clause, as a subject does: after
/// the start, a clause break, a space or a time (2023年公司, 报告期内公司), not inside a noun
/// (证券公司) nor at the head of a list of them (公司、企业). Latin words are not judged.
fn heads_clause(t: &str, c: &Hit) -> bool {
    if !t[c.start..].starts_with(crate::lang::is_han) {
        return true;
    }
    t[..c.start].chars().next_back().is_none_or(|p| {
        is_clause_break(p) || p.is_whitespace() || "年月日内期间度时后“\"「『（(".contains(p)
    }) && !t[c.end..].starts_with('、')
}

/// Whether a dictionary word of at most [`CROSS_MAX`] Han chars spans offset `at` of `t` (starts
/// before it and ends after it): a jieba cut without the HMM can only put `at` inside such a
/// word.
fn crossed(jieba: &jieba_rs::Jieba, t: &str, at: usize) -> bool {
    let mut starts = [0usize; CROSS_MAX - 1];
    let mut ends = [0usize; CROSS_MAX - 1];
    let fill = |out: &mut [usize], chars: &mut dyn Iterator<Item = (usize, char)>| {
        let mut n = 0;
        for (i, c) in chars.take(out.len()) {
            if !crate::lang::is_han(c) {
                break;
            }
            out[n] = i;
            n += 1;
        }
        n
    };
    let before = fill(&mut starts, &mut t[..at].char_indices().rev());
    let after = fill(
        &mut ends,
        &mut t[at..]
            .char_indices()
            .map(|(i, c)| (at + i + c.len_utf8(), c)),
    );
    (1..=before).any(|i| {
        (1..=after.min(CROSS_MAX - i)).any(|j| jieba.has_word(&t[starts[i - 1]..ends[j - 1]]))
    })
}

/// The longest dictionary word [`crossed`] looks for (jieba's words are almost all shorter).
const CROSS_MAX: usize = 4;

/// Whether a text is a single char (`None`, a range off char boundaries, is not).
fn one_char(s: Option<&str>) -> bool {
    let mut cs = s.unwrap_or("").chars();
    cs.next().is_some() && cs.next().is_none()
}

/// Whether `w` occurs in `s` as a whole word; a Chinese `w` anywhere.
fn has_word(s: &str, w: &str) -> bool {
    s.match_indices(w)
        .any(|(at, _)| is_whole_word(s, at, at + w.len()))
}

/// Whether `s[start..end]` stands as a whole word: Chinese anywhere, other words between
/// non-alphanumeric chars.
fn is_whole_word(s: &str, start: usize, end: usize) -> bool {
    s[start..].starts_with(crate::lang::is_han)
        || (s[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && s[end..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Whether `w` is one of the words of `list`, a list of words written as text, one per space
/// (kept as text so that rustfmt does not give each its own line).
fn listed(list: &str, w: &str) -> bool {
    // The lists are ASCII: each place the word's first byte is found is checked for the word
    // with a space or an end on either side, rather than splitting the list (this runs for
    // every word of some clauses).
    if !list.is_ascii() {
        return list.split_whitespace().any(|x| x == w);
    }
    let (l, w) = (list.as_bytes(), w.as_bytes());
    let space = |b: u8| b.is_ascii_whitespace() || b == 0x0b;
    let Some(&first) = w.first() else {
        return false;
    };
    if w.iter().any(|&b| space(b)) {
        return false;
    }
    memchr::memchr_iter(first, l).any(|i| {
        l[i..].starts_with(w)
            && (i == 0 || space(l[i - 1]))
            && l.get(i + w.len()).is_none_or(|&b| space(b))
    })
}

/// An automaton over a rule's own short list of words, built on first use: one pass over a
/// clause instead of one substring search per word, for checks that run on every match.
type WordScan = std::sync::LazyLock<AhoCorasick>;

/// Builds a [`WordScan`]'s automaton (standard matching, so overlapping scans report every
/// word).
fn word_scan<I, P>(words: I) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(words)
        .expect("a rule's word list builds an automaton")
}

/// Builds an automaton over a rule's own short list of words for [`AhoCorasick::is_match`]
/// only: whether a text holds any of them, which leftmost-first matching answers as standard
/// matching does, with a vectorized search for the words' first bytes where it can.
fn word_find<I, P>(words: I) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    // Built as an NFA, quicker to build: it only confirms what the search for first bytes finds.
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(words)
        .expect("a rule's word list builds an automaton")
}

#[cfg(test)]
mod tests;
