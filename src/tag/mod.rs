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

mod text;
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
    /// A channel for complaints, which "no complaints received" does not deny
    /// ([`nothing_received`]).
    channel: bool,
    /// Instruments that this entry's matches cover, and whether each is a most specific one.
    coverers: Vec<(u32, bool)>,
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
    /// Whether the passage may record a law's history (a title beside 废止, 施行 or 次会议),
    /// found on first use.
    history: Option<bool>,
    /// Whether the passage holds any word of a plan ([`planned`]), found on first use.
    plans: Option<bool>,
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
    /// A label that what follows it denies ("Remediation measures: none").
    Denied,
    /// A statute's duty or prohibition (应当确保, 禁止填埋), not the company's pledge.
    Duty,
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
    Denied,
    Duty,
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
                    Why::Denied => NotCounted::Denied,
                    Why::Duty => NotCounted::Duty,
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
            history: None,
            plans: None,
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
            if info.reported
                && (planned(t, h.start, h.end, &mut ctx.plans)
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
            // a pledge, a policy or an aspiration; the state's own policy (国家坚持, 国家禁止) is one.
            if (info.pledge || policy)
                && t[h.start..].starts_with(crate::lang::is_han)
                && *ctx
                    .statute
                    .get_or_insert_with(|| statute_voice(t, ctx.section))
                && !state_subject(t, h.start, from())
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
                && only_legal_basis(sentence_around(t, breaks.get(t), h.start))
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
        // A step counts as taken where one of its matches is not only planned.
        // A pledged step, or one expected of suppliers, is a commitment to it, except the policy
        // commitment itself (which such an expectation is).
        let pledgeable = !policy;
        let planned = info.step
            && kept.iter().all(|(h, _)| {
                step_planned(t, h.start, h.end, &mut ctx.plans)
                    || (pledgeable
                        && (pledged(t, h.start, || sentence_start(breaks.get(t), h.start))
                            || expected_of_partners(t, h.start)))
            });
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
        for name in section {
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
        for (entry, tag) in found.iter() {
            if tag.basis != Basis::Matched || title_only.contains(entry) {
                continue;
            }
            for &(inst, specific) in &self.entries[*entry as usize].coverers {
                if found.iter().any(|g| g.0 == inst) {
                    continue; // cited wins
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

/// The keyword an evidence's rule names: `X` of `keyword:X`, `weak:X+cue:Y`, `abbr:X`, and of a
/// cue's `cue:Y (confirms weak:X)`.
fn keyword_of_rule(rule: &str) -> &str {
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
fn automaton(patterns: &[String], dfa: bool) -> Result<AhoCorasick, aho_corasick::BuildError> {
    // About twice the built-in taxonomy's patterns (103 KB, a DFA of 52 MB): at most about
    // 100 MB. A larger taxonomy gets the contiguous NFA, which scans at about half the speed.
    const DFA_MAX_PATTERN_BYTES: usize = 200_000;
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
    ac: AhoCorasick,
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
fn id_ranks(entries: &[EntryInfo]) -> Vec<u32> {
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
fn basis_rank(b: Basis) -> u8 {
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
    let mut forms = vec![String::new()];
    for w in lower.split(' ') {
        let other = crate::segment::other_spelling(w);
        forms = forms
            .iter()
            .flat_map(|f| {
                std::iter::once(w)
                    .chain(other.as_deref())
                    .map(move |x| (f, x))
            })
            .map(|(f, x)| {
                if f.is_empty() {
                    x.to_string()
                } else {
                    format!("{f} {x}")
                }
            })
            // A bound for long phrases; keywords hold a word or two spelled two ways.
            .take(16)
            .collect();
    }
    forms.retain(|f| *f != lower);
    forms
}

/// An English keyword as text extracted from a PDF writes it when the font's `fi`, `fl` or `ff`
/// ligature was lost: "identied" for "identified", "conict" for "conflict", "eective" for
/// "effective". Only a ligature inside a word, whose word keeps five letters or more, so that no
/// short word comes of it ("sta" of "staff"); not `ffi` or `ffl`, whose loss can make another
/// word ("tracking" of "trafficking").
fn ligatures_lost(keyword: &str) -> Vec<String> {
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
const REGIONAL_WORDS: [(&str, &str); 3] = [("计划", "计画"), ("信息", "资讯"), ("网络", "网路")];

/// Collects the automaton's patterns, deduplicated, with their uses.
#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    refs: Vec<Vec<PatRef>>,
    names: Vec<String>,
    rules: Vec<String>,
    index: HashMap<String, usize>,
    /// Cue groups handed out so far (weak rules with their own cues).
    groups: u32,
}

impl Builder {
    /// Adds a pattern, and its other English spelling ("forced labor" for "forced labour",
    /// "organization" for "organisation"), so that a taxonomy need not list both.
    fn add(&mut self, keyword: &str, entry: u32, role: Role, plural_ok: bool, group: u32) {
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
    fn add_doer_forms(&mut self, keyword: &str, entry: u32) {
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

    fn add_one(
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
const FOCUSED_MAX_LINKS: usize = 6;

/// Entry facts the rules need, with the instruments each right, group or theme covers.
fn entry_infos(taxonomy: &Taxonomy) -> Vec<EntryInfo> {
    // By id alone, as `taxonomy check`, the index's facets and search read it: an
    // `instrument_kind` elsewhere makes no instrument.
    let is_instrument = |e: &crate::taxonomy::Entry| e.id.starts_with("instrument/");
    let links_to = |link: &str, id: &str| {
        id == link || (id.starts_with(link) && id[link.len()..].starts_with('/'))
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
                let candidates: Vec<(u32, usize, bool)> = taxonomy
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(_, inst)| {
                        is_instrument(inst) && inst.links.iter().any(|l| links_to(l, &e.id))
                    })
                    .map(|(j, inst)| {
                        let framework = inst.instrument_kind == Some(InstrumentKind::Framework);
                        (j as u32, inst.links.len(), framework)
                    })
                    .collect();
                // The treaties and declarations about a few rights (the ILO core conventions and
                // the trafficking protocol for forced labour); failing those, the treaties and
                // declarations with the fewest links (ICESCR rather than the UDHR for health).
                // A framework (the Global Compact, the Women's Empowerment Principles) is one a
                // company joins, not one it follows by addressing a topic: it is covered only as
                // a broad instrument, so that anti-corruption alone does not make a statement
                // take up the Global Compact.
                let focused =
                    |&(_, n, framework): &(u32, usize, bool)| !framework && n <= FOCUSED_MAX_LINKS;
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
                        (c.0, narrow)
                    })
                    .collect();
            }
            let in_name = taxonomy.named_in_title(e);
            let unimplied = if taxonomy.implied_by(&e.id).next().is_some() {
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
                .filter_map(|id| taxonomy.entries.iter().position(|x| x.id == *id))
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
fn title_words(e: &crate::taxonomy::Entry) -> Vec<String> {
    const GENERIC: &str = "convention conventions international protocol protocols optional \
        covenant declaration rights united nations against other forms standards principles \
        business conduct people persons treatment punishment tackling their members families \
        status relating aiming with from that which especially supplementing elimination \
        discrimination";
    const GENERIC_ZH: &[&str] = &[
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
fn list_heads(e: &crate::taxonomy::Entry) -> Vec<(String, String)> {
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
fn ends_list_with(rest: &str, head: &str) -> bool {
    const SEPARATORS: &[&str] = &["、", "以及", "和", "及", "与", "或"];
    const MAX_ITEMS: usize = 8;
    const MAX_ITEM_CHARS: usize = 8;
    fn separator(s: &str) -> Option<&str> {
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

/// The instruments whose links are numbered entries (`instrument/SDG` → `sdg/1` … `sdg/17`),
/// with a rule name for each part (`number:SDG 5`).
fn numbered_frameworks(taxonomy: &Taxonomy, b: &mut Builder) -> Vec<Numbered> {
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
fn numbered_parts(t: &str, g: &Numbered, hits: &mut Vec<Hit>) {
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
const MAX_NUMBERS: usize = 64;

/// Reads a list of numbers starting at `at` in `t`: `5`, ` #5`, ` 3, 4 and 5`, `3、4和5`,
/// ` 8.7` (a target of goal 8), ` 1-3`, each with its digits' range. Stops at the first thing
/// that is no part of such a list, or at [`MAX_NUMBERS`]; returns where it stopped.
fn number_list(t: &str, at: usize, out: &mut Vec<(u32, Range<usize>)>) -> usize {
    // After a separator, the list may repeat its noun: "Goal 5 and Goal 8", 目标3、目标4.
    const NOUNS: &[&str] = &["goals", "goal", "sdgs", "sdg", "目标"];
    const SEPARATORS: &[&str] = &[",", "、", "/", "&", "and", "or", "以及", "和", "及", "与"];
    const RANGES: &[&str] = &["-", "–", "to", "至"];
    const UNITS: &[&str] = &[
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
fn convention_number(abbr: &str) -> Option<u32> {
    let digits = abbr.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A convention number read after an instrument's name.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ConventionRef {
    number: u32,
    /// Bytes of the text after the name up to the end of the number (its `号` included).
    len: usize,
    /// Whether a word or mark said it is a number (`convention`, `no.`, `第…号`), not a bare
    /// three-digit figure.
    marked: bool,
}

/// The convention number that `rest` (normalized text right after a name) opens with, if any:
/// `convention no. 190`, `conventions 29, 105`, `recommendation 200`, `c190`, a bare three-digit
/// `190`, `第190号`, `第一百九十号`. A bare number of fewer digits is a count ("the ILO 8 core
/// conventions").
fn number_after(rest: &str) -> Option<ConventionRef> {
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
fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        c => crate::segment::digit_value(c),
    }
}

/// The value of a convention number in Chinese numerals: read as a number with its units
/// (`一百九十`, `二十九`, `一百零五`) or digit by digit (`一三八`, `一九〇`); `None` for what is
/// no such number (`一百一百`, `十百`) or above 999.
fn chinese_convention_number(s: &str) -> Option<u32> {
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
fn is_convention_number(abbr: &str) -> bool {
    abbr.bytes().any(|b| b.is_ascii_digit())
}

/// End of a match that must end on a word boundary, allowing an English plural when asked;
/// `None` when the boundary is not there.
fn right_boundary(t: &str, end: usize, plural: bool) -> Option<usize> {
    let rest = &t[end..];
    let boundary_at = |i: usize| !rest[i..].chars().next().is_some_and(is_word_char);
    if boundary_at(0) {
        return Some(end);
    }
    if plural {
        for suffix in ["s", "es"] {
            if rest.starts_with(suffix) && boundary_at(suffix.len()) {
                return Some(end + suffix.len());
            }
        }
    }
    None
}

/// Whether the text at a normalized range is written exactly like the abbreviation (case
/// included; full-width letters count as their ASCII forms).
fn abbr_as_written(clean: &str, norm: &NormText, r: Range<usize>, abbr: &str) -> bool {
    let src = clean.get(norm.range_to_source(r)).unwrap_or("");
    src.chars().map(text::fold_width).eq(abbr.chars())
}

/// Whether an English match `start..end` of `clean` is part of the name of an organisation or a
/// place ("Wimmera Health Care Group", "Grampians Health", "Aspire Housing", "Fair Labor
/// Association"), which says nothing of what the passage is about: the match is written as a
/// name (each word capitalised but for small words such as "and", "of"), and so is the word
/// before it, which is no sentence opener ("Our", "This"). A name that goes on into a document
/// word ("Migrant Worker Policy", "Fighting Forced Labour … Act") names a policy or law about the
/// subject and counts. Not in title-case text (a heading, where every word is capitalised and a
/// capital says nothing): `title_case` caches that verdict for the passage.
fn in_proper_name(clean: &str, start: usize, end: usize, title_case: &mut Option<bool>) -> bool {
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
fn in_law_name(clean: &str, end: usize) -> bool {
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
fn only_legal_basis(sentence: &str) -> bool {
    const BASIS: &[&str] = &[
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
    const ENGAGED: &[&str] = &[
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
const NAME_WORDS: usize = 12;

/// Whether a match is followed by a company's legal suffix, at once or after one more capitalised
/// word ("Health Limited", "Health Properties PLC"). Not further: a heading run into the text
/// ("… Supply Chain Red Hat Inc, founded in 1993") is followed by the company's whole name.
fn before_company_suffix(after: &str) -> bool {
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
const COMPANY_SUFFIXES: &[&str] = &[
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
fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Words a name may hold uncapitalised.
const SMALL_WORDS: &[&str] = &["and", "of", "the", "for", "in", "on", "to", "&"];

/// Capitalised words that open a sentence rather than a name.
const OPENERS: &[&str] = &[
    "A", "An", "The", "This", "These", "That", "Those", "Our", "Its", "Their", "We", "In", "At",
    "For", "To", "On", "By", "With", "As", "All", "Any", "Each", "Every", "No", "Further", "Such",
    // A national scheme is about its subject ("the National Living Wage").
    "National",
];

/// Words that make a name a document's: a policy, a code, a law, a plan.
const DOCUMENT_WORDS: &[&str] = &[
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
fn is_title_case(text: &str) -> bool {
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
fn bracketed(t: &str, start: usize, end: usize) -> bool {
    let before = t[..start].trim_end().chars().next_back();
    let after = t[end..].trim_start().chars().next();
    matches!(before, Some('(' | '《' | '“' | '"' | '['))
        && matches!(after, Some(')' | '》' | '”' | '"' | ']'))
}

/// Whether a match is a title in 《》: `《CRC》`.
fn title_marked(t: &str, start: usize, end: usize) -> bool {
    t[..start].trim_end().ends_with('《') && t[end..].trim_start().starts_with('》')
}

/// Whether `t[start..end]` lies inside a title in 《》 (《负责任采矿保证倡议》: the initiative's name,
/// not the company's pledge). Titles are short, so only a bounded stretch either side is read.
fn in_title(t: &str, start: usize, end: usize) -> bool {
    const SPAN: usize = 120;
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
fn repealed_title(t: &str, end: usize, sentence: &str) -> bool {
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
fn within_title(titles: &[Range<usize>], h: &Hit) -> bool {
    let upto = titles.partition_point(|r| r.start <= h.start);
    titles[..upto]
        .iter()
        .any(|r| h.end <= r.end && r.len() > h.end - h.start)
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

/// Whether a negation cue precedes `start` in the same clause, close enough: at most 12 chars
/// between them when the gap has Han text (4 after 不 and 难以, which negate the verb right after
/// them: 不开展, 不会提供, 难以获得补救, not 不敢腐的震慑力度畅通信访举报渠道), else at most 5 words and no word that opens
/// another clause ("that", "which", "if": "activities that do not …" is not about what follows)
/// and no word of means (see [`MEANS`]). 尚未 and 从未 ("not yet", "never") reach 32 chars, a
/// Latin word among Chinese counting as one, and "not yet", "never" and "yet to" 12 words.
fn negated(t: &str, start: usize, negs: &[Range<usize>]) -> bool {
    // No Chinese gap of 32 chars (尚未) is longer than this, Latin words inside Chinese included,
    // nor but the rarest English gap of 12 words.
    const REACH: usize = 160;
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

/// Whether a step matched at `start..end` of normalized text `t` is named as what a document
/// contains or checks: after "contains", "requirements on", "indicators such as", "screen for",
/// "covers" (not "covers the costs of"), 审核内容, 内容包括 earlier in its sentence (from
/// `sentence_from`), through a list but with no doer or joined verb of its own between ("… and
/// we provide a grievance mechanism", "… and provide oversight"); or before "provisions",
/// "clauses", 条款.
fn named_as_contents(
    t: &str,
    sentence_from: impl FnOnce() -> usize,
    start: usize,
    end: usize,
) -> bool {
    const BEFORE: &[&str] = &[
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
    const COVERS: &[&str] = &["contains", "contain", "containing", "covers", "covering"];
    const DOCUMENTS: &str = "standard standards checklist checklists template templates \
        questionnaire questionnaires training seminar seminars course courses module modules \
        agreement agreements contract contracts criteria certification scheme guidance law laws \
        act regulation regulations audit audits assessment assessments";
    const COSTS: &[&str] = &["the cost", "costs", "the fee", "fees", "the expense"];
    // A doer, or a verb joined by "and", between the marker and the match starts a clause of
    // its own: "… and we provide a grievance hotline", "… and provide oversight".
    const DOERS: &[&str] = &["we", "our", "they", "我们", "公司", "本公司", "集团"];
    const JOINED: &[&str] = &[
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
    const PREDICATE: &[&str] = &["is", "are", "was", "were"];
    const AFTER: &[&str] = &[" provisions", " clauses", "条款"];
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
fn nothing_received(t: &str, start: usize, end: usize) -> bool {
    const RECEIVED: &str = "receive received receiving record recorded log logged register \
        registered";
    const ZH: &[&str] = &[
        "未收到",
        "没有收到",
        "没收到",
        "未曾收到",
        "未接到",
        "未接获",
    ];
    const ZH_CHANNELS: &[&str] = &[
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
const NO_QUANTITY: &[&str] = &[
    "fewer", "less", "more", "matter", "later", "earlier", "longer", "sooner", "doubt",
];

/// Whether a match at the start of `rest` is the verb of the clause whose subject, after a "no"
/// that opens the clause, is `gap`: the subject ends at the clause's first auxiliary, and the
/// match is that auxiliary or the verb of doing or putting in place after it ("No formal
/// assessment of the risk of forced labour in our supply chain was conducted", "no remediation
/// has been carried out"). A subject with a pronoun, an opener or a means ("no issues were found
/// through the audits we conducted") is another clause's.
fn verb_of_subject(gap: &str, rest: &str) -> bool {
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
fn has_verb(words: &[&str]) -> bool {
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
fn denies_measures(gap: &str) -> bool {
    const MEASURES: &[&str] = &["measures", "measure", "steps", "action", "actions"];
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
struct LabelEnds {
    /// The question mark ending a question of one sentence.
    question: Option<usize>,
    /// The colon ending a short label.
    colon: Option<usize>,
}

impl LabelEnds {
    fn of(t: &str) -> Self {
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
    fn answer(self, t: &str, end: usize) -> Option<&str> {
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
fn answer_denies(answer: &str) -> bool {
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
    const HAVE: &[&str] = &[
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
    const EVENTS: &[&str] = &[
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

/// Whether the clause of normalized text `t` holding `start..end` states a plan, not a deed: "we
/// plan to conduct an assessment in 2025", "in 2024 we intend to roll out training", 公司计划于明年
/// 开展评估, or "will" before the match ("we will conduct it in 2025"; not "we have conducted it and
/// will continue"), or a modal or "ensure" among the three words before it ("all staff should have
/// been trained", "suppliers must have been audited", "ensure that workers are provided with").
///
/// `plans` keeps, for the passage `t`, whether it holds any word read below at all: where it
/// holds none (most passages), no match in it is planned and no clause is read.
fn planned(t: &str, start: usize, end: usize, plans: &mut Option<bool>) -> bool {
    const PLAN_REACH: usize = 600;
    const MODALS: &[&str] = &["should", "shall", "would", "must", "may", "might", "could"];
    const PLAN: &[&str] = &[
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
            .any(|w| MODALS.contains(&w) || PLAN_ENSURE.contains(&w))
}

/// Whether normalized text `t` speaks as a statute rather than a company: it opens as an article
/// (第三十条), or as an item ((三)) or names the state's organs or the law itself (人民政府,
/// 主管部门, 本条例) and lays down a duty (应当, 必须, 不得), and it names no company or supplier
/// (公司, 供应商), whose code of conduct may be written in articles too; or it stands under a
/// statute's title ([`statute_title`]), where the companies the statute regulates are named too
/// (公司法's 公司将…). Never where a company speaks for itself (我们, 本公司, 本银行), whatever
/// its document is called. A pledge beside an organ without a duty (华为坚持…, 配合监管机关检查，
/// 确保…) stays the company's.
fn statute_voice(t: &str, section: &[String]) -> bool {
    const STATE: &[&str] = &[
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
        "本法",
        "本条例",
        "本细则",
        "任何单位和个人",
        "任何组织和个人",
    ];
    const DUTIES: &[&str] = &["应当", "必须", "不得"];
    // A company speaking for itself, whatever its document is called (a company's 员工管理规定
    // says 本公司承诺).
    const FIRST_PERSON: &[&str] = &[
        "我们",
        "本公司",
        "我公司",
        "本集团",
        "我行",
        "我司",
        "本企业",
        "本银行",
    ];
    const COMPANY: &[&str] = &["公司", "集团", "供应商", "承包商"];
    let t = t.trim_start();
    // 本行 is a bank's own name for itself, not the 本行 of 本行政区域 or 本行业.
    let bank = t
        .match_indices("本行")
        .any(|(i, w)| !t[i + w.len()..].starts_with(['政', '业']));
    if bank || FIRST_PERSON.iter().any(|w| t.contains(w)) {
        return false;
    }
    if section.first().is_some_and(|title| statute_title(title)) {
        return true;
    }
    let duty = || DUTIES.iter().any(|w| t.contains(w));
    let statute = article_number(t).is_some()
        || ((item_number(t) || STATE.iter().any(|w| t.contains(w))) && duty());
    statute && !COMPANY.iter().any(|w| t.contains(w))
}

/// Whether a document's title names a statute: a law, a regulation or a code, even one naming the
/// companies it regulates (中华人民共和国劳动法, 公司法, 证券公司风险处置条例), or rules, measures or
/// an interpretation naming no company unless the state issued them (…管理办法（试行）, 最高人民法院
/// 关于适用《公司法》若干问题的规定（二）; not 某集团反腐败管理办法), with any note in brackets after
/// the name; not a method, an approach or a virtue (管理方法, 诚信守法).
fn statute_title(title: &str) -> bool {
    const KINDS: &[&str] = &[
        "办法", "规定", "细则", "决定", "决议", "解释", "规则", "批复",
    ];
    const ISSUERS: &[&str] = &["中华人民共和国", "国务院", "最高人民法院", "最高人民检察院"];
    const COMPANY: &[&str] = &["公司", "集团", "银行"];
    // Not a method, an approach or a virtue (管理方法, 我们的做法, 合规之法, 诚信守法), nor 办法,
    // which is one of the kinds.
    const NOT_LAWS: &[&str] = &[
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
fn item_number(t: &str) -> bool {
    t.strip_prefix('(').is_some_and(|rest| {
        let n = crate::segment::numeral_len(rest);
        n > 0 && rest[n..].starts_with(')')
    })
}

/// Where the Chinese clause of normalized text `t` in which `start` lies starts, looking back
/// at most 120 bytes. A list (禁止强迫劳动、人口贩运及雇用童工) is one clause here.
fn zh_clause_start(t: &str, start: usize) -> usize {
    let lo = t.floor_char_boundary(start.saturating_sub(120));
    t[lo..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c != '、' && is_clause_break(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8())
}

/// Whether the state is the subject of the sentence of normalized text `t` in which `start` lies
/// and the sentence up to `start` lays down no duty: 国家坚持, 国家鼓励并保证, 国家依法保护煤炭资源，
/// 禁止…, 本市坚持, 我国坚持; not 国家工作人员必须保证, 国家规定禁止的物品, nor 国家…，企业应当确保.
fn state_subject(t: &str, start: usize, sentence_start: usize) -> bool {
    const NOT_STATE: &[&str] = &["国家机关", "国家工作人员", "国家规定", "国家有关"];
    let from = sentence_start.max(t.floor_char_boundary(start.saturating_sub(300)));
    let head = t[from.min(start)..start].trim_start();
    let head = article_number(head).map_or(head, |rest| rest.trim_start());
    ["国家", "我国", "中华人民共和国", "本省", "本市", "本自治区"]
        .iter()
        .any(|w| head.starts_with(w))
        && !NOT_STATE.iter().any(|w| head.starts_with(w))
        && !["应", "必须", "不得", "须"]
            .iter()
            .any(|w| head.contains(w))
}

/// What follows an article's number (第三十条) opening `t`, if it opens with one.
fn article_number(t: &str) -> Option<&str> {
    crate::segment::after_article_number(t.trim_start())
}

/// Whether Chinese text before `start` of normalized text `t` makes what follows a duty, a
/// prohibition, a pledge, a wish or a plan rather than a deed: 公司应当建立 (a statute's duty),
/// 供应商须提供, 可以提供, 禁止雇用童工, 我们承诺为员工提供, 致力于开展; and a plan stated at the
/// head of the sentence reaches every clause after it (我们将持续透过问卷…，并协助供应商).
/// 应 alone is also the 应 of 供应商 and 相应, so it counts only just before the match.
fn zh_not_done(t: &str, start: usize, end: usize, sentence_start: impl FnOnce() -> usize) -> bool {
    const DUTIES: &[&str] = &["应当", "应该", "必须", "须", "需要", "可以", "不得"];
    const BEFORE: &[&str] = &[
        "承诺", "致力", "努力", "力争", "争取", "希望", "旨在", "鼓励", "倡导", "禁止", "严禁",
        "杜绝", "防止", "避免", "反对",
    ];
    const AHEAD: &[&str] = &[
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

/// Whether `w` is a head noun of a company or one of its bodies as the subject of a practice
/// said in the third person: "The Company assesses", "our procurement team conducts", "the
/// Board reviews". (`matches!`, not a word list: it runs on every "will" and "has".)
fn is_company_head(w: &str) -> bool {
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
fn is_doer_adverb(w: &str) -> bool {
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
fn after_adverb(keyword: &str) -> Option<String> {
    const AUXILIARIES: &str = "have has are were was is do does will shall can must may should \
        would could be";
    let rest = keyword.trim().to_lowercase();
    let rest = rest.strip_prefix("we ")?;
    let verb = rest.split(' ').next()?;
    (!listed(AUXILIARIES, verb) && !is_doer_adverb(verb)).then(|| rest.to_string())
}

/// Where "we" starts when it and one adverb ([`is_doer_adverb`]) stand right before `start`
/// of normalized text `t`.
fn we_and_adverb(t: &str, start: usize) -> Option<usize> {
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
fn third_person(keyword: &str) -> Option<String> {
    const MODALS: &str = "will shall can must may should would could";
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
const PAST: &str = "held undertook took made gave began built sent sought paid met found brought \
    kept spent won ran led wrote chose bought became saw grew rose fell";

/// A keyword said with "we" in the past tense, without "we", for a passage opening with it:
/// "we conducted" as "conducted", "we carried out" as "carried out". `None` for any other
/// keyword, and for verbs that open a signature or a noun phrase ("Signed: …", "Required
/// documents").
fn past_opening(keyword: &str) -> Option<String> {
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
fn opens_passage(clean: &str, norm: &NormText, t: &str, start: usize, end: usize) -> bool {
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
    const MONTHS: &str = "january february march april may june july august september \
        october november december jan feb mar apr jun jul aug sep sept oct nov dec";
    const OBJECT_OPENERS: &str = "a an the our its their his her all each every any some \
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
    const CLAUSE_VERBS: &str = "is are was were be been has have had can may will must should \
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
fn has_as_possession(matched: &str, rest: &str) -> bool {
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
const PARTICIPLES: &str = "been taken undertaken made begun done given held built sent sought \
    paid met found brought kept spent won run led written chosen set put become grown seen \
    shown drawn known";

/// Adjectives in -ed, which describe what one has ("has limited visibility", "has dedicated
/// staff") unless what follows is the object of a deed ("has limited the use of agency labour").
const ADJECTIVES_IN_ED: &str = "limited dedicated advanced detailed skilled registered listed \
    varied qualified specialised specialized diversified integrated talented experienced";

/// Words that open the object of a deed after a verb.
const DETERMINERS_OF_OBJECT: &str = "the a an its our their this these those all";

/// The end of a present perfect of a deed whose auxiliary (`has`, `have`) is `start..end` of
/// normalized text `t`: the past participle after it, and at most one adverb between ("the Group
/// has reviewed", "our sites have also improved"). None for possession ("has a policy", "have
/// dedicated teams"), a denial ("has not"), a pledge or a plan ("has committed to", "have
/// decided to"), and an auxiliary after a modal, a relative pronoun or a condition ("will have
/// completed", "suppliers who have signed", "if the supplier has breached"): what was done is
/// then not reported.
fn perfect_after(t: &str, start: usize, end: usize) -> Option<usize> {
    // Words that make a perfect no report of a deed: pledges and plans, and -ed words that are
    // no participles.
    // "has caused or contributed to" attributes an impact.
    const NOT_DEEDS: &str = "committed pledged aimed decided planned proposed intended hoped \
        agreed wanted needed expected tried attempted promised vowed caused contributed need \
        speed embed bed red shed hundred";
    // Right before the auxiliary: a modal or an infinitive.
    const MODALS: &str = "to will would shall should may might could must can cannot";
    // Anywhere in the clause before it: a condition, a relative clause, or another party, whose
    // deeds are not the company's ("Amnesty International has reported abuses").
    const CLAUSE: &str = "who that which whom whose if when where whether once until unless \
        amnesty international ngo ngos un nations government governments authorities \
        regulator regulators media journalists research researchers index study studies \
        estimates";
    // Right after the participle: no object, as in a relative clause ("the steps the Company has
    // taken to prevent") or a change undergone ("our supply chain has increased in volume").
    const NO_OBJECT: &str = "to in on at for from with by during since over under into within \
        about across through throughout as so because while than until";
    let before = t[..start].trim_end_matches(' ');
    let prev = before
        .rsplit([' ', ',', ';', ':', '('])
        .next()
        .unwrap_or("");
    // A subject with a determiner ("the Group", "our sites", "this process"): a bare name may
    // be another party's ("Oxfam has reported abuses"); the company's own name is read by
    // [`company_doer`].
    const DETERMINERS: &str = "the our its this these each every all their";
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
fn company_doer(clean: &str, norm: &NormText, t: &str, start: usize) -> Option<usize> {
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
fn subject_words(t: &str, reach: usize, start: usize) -> Vec<(usize, &str)> {
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
fn company_subject(t: &str, start: usize) -> Option<usize> {
    const DETERMINERS: &str = "the our each every its";
    const JOINING: &str = "and but also then while whilst so";
    // Not "since", which as often gives a reason ("Since the Group provides only…").
    const OPENERS: &str = "in through at for during under with across by on within throughout \
        after following from via beyond besides alongside";
    // "Each year", "this quarter": a time, not "every supplier to the Group".
    const TIME_OPENERS: &str = "each every this last";
    const TIMES: &str = "year quarter month week day time period season";
    const RELATIVES: &str = "that which whom whose how what why those where when whether who";
    const PREPOSITIONS: &str = "to of for by with within from at on in under";
    // Public bodies and other parties, which a company head names as well: "the World Bank",
    // "the central bank", "the State Department", "the rebel group".
    const OTHERS: &str = "world central reserve development investment state federal national \
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
fn name_subject(clean: &str, norm: &NormText, t: &str, start: usize) -> Option<usize> {
    // In lower case, as normalized text has them; a set, as it is looked up on every match.
    const OTHERS: &str = "ilo un ungp ungps oecd smeta bsci rba eti iso ngo ngos eu uk us usa ceo \
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
    const ADJECTIVE_ENDINGS: &[&str] = &[
        "s", "ic", "al", "ar", "ive", "ory", "ary", "ous", "ful", "ble", "ent", "ant", "ed", "ing",
        "party",
    ];
    // Nor an abstract noun ("Legislation will", "Experience has shown") or a word with a digit
    // ("Covid-19 has increased").
    const NOUN_ENDINGS: &[&str] = &["tion", "sion", "ment", "ness", "ism", "ship", "ogy"];
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
    const AUXILIARIES: &str = "will would shall should are were is was have has had may might \
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
    const SIGNATURES: &str = "director chair chairman chairperson chief ceo cfo coo president \
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
fn is_common_opener(w: &str) -> bool {
    const COMMON: &str = "this that these those it he she they there here each every everyone \
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
fn is_common_noun(w: &str) -> bool {
    const NOUNS: &str = "policy policies code statement act law regulation regulations procedure \
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
fn is_other_party(w: &str, lone: bool) -> bool {
    const OTHERS: &str = "world united nations international global compact amnesty watch free \
        foundation trust charity government ministry department council commission agency office \
        authority parliament court police university institute association federation union \
        alliance initiative forum network coalition bank fund monetary labour labor organisation \
        organization commissioner ombudsman minister regulator force police army military \
        oxfam greenpeace verite fairtrade bonsucro unseen maplecroft sedex ecovadis amfori \
        rainforest taliban wagner";
    // Countries and regions, whose governments act in statements as companies do ("Australia
    // has introduced the Act", "China will").
    const PLACES: &str = "australia china india russia ukraine britain england scotland wales \
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
fn conditional_practice(
    t: &str,
    start: usize,
    end: usize,
    sentence_start: impl FnOnce() -> usize,
) -> bool {
    const OPENERS: &[&str] = &[
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
fn relative_practice(clean: &str, norm: &NormText, start: usize, end: usize) -> bool {
    // Word lists as text, one word per space: rustfmt would give each its own line.
    const PAST: &str = "carried undertook held met built began sent sought paid";
    const RELATIVES: &str = "that which whom whose how what why those before";
    const JOINING: &str = "and but so or also then now today currently therefore thus hence \
        additionally furthermore moreover further here still already always often regularly \
        routinely annually typically generally usually actively continually continuously \
        proactively systematically jointly together similarly likewise finally first second \
        third lastly while whilst although though because since as where if when once";
    const OPENERS: &str = "in through at for as during under with across by on within \
        throughout since after following from via each every this last to beyond besides \
        alongside where when whenever if once";
    // "that" after these opens what is said or ensured, not a relative clause: "we make sure
    // that we provide training" (but "it is important that we conduct" states a value).
    const SAYING: &str = "ensure ensures ensuring ensured sure means mean clear confirm confirms \
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

/// Verbs and prepositions after which 将 means "will" (我们将建立, 将对供应商开展), not the
/// object marker of 我们将补救指南翻译成多种语言.
const ZH_PLAN_VERBS: &[&str] = &[
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
fn zh_object_marker(rest: &str) -> bool {
    const DISPOSALS: &[&str] = &[
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
    const ADVERBS: &[&str] = &["继续", "持续", "不断", "始终", "努力", "积极", "会", "以"];
    // Verbs that are nouns too (评估结果, 审核发现, 培训课程) do not settle it.
    const NOUNS_TOO: &[&str] = &["评估", "审核", "培训", "研究", "覆盖"];
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
const PLAN_WILL: &str = "will";
/// What is to be ensured is not reported done ([`planned`]); its gate looks for these too.
const PLAN_ENSURE: &[&str] = &["ensure", "ensuring"];

/// The word that states a plan in [`zh_plans`] on its own (打算, "intend").
const ZH_PLAN_INTENT: &str = "打算";
/// The words before a verb that [`zh_plans`] reads a plan from (将 only before a verb).
const ZH_PLAN_MARKERS: &[&str] = &["将", "计划", "拟", "准备"];

/// Whether a Chinese clause states a plan with a verb: 我们将建立申诉机制, 公司计划开展评估, 拟引入,
/// 打算, 准备推出. 将 before a noun marks the object (我们将补救指南翻译成多种语言: "we translate
/// the remedy guide"), so only 将 before a verb or a preposition counts; 按计划开展 is a plan
/// followed, not made.
fn zh_plans(clause: &str) -> bool {
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
fn pledged(t: &str, start: usize, sentence_start: impl FnOnce() -> usize) -> bool {
    const PLEDGES: &[&str] = &[
        "commit to",
        "commits to",
        "committed to",
        "pledge to",
        "pledges to",
        "pledged to",
        "承诺",
    ];
    const DEEDS: &[&str] = &[
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
fn clause_start(t: &str, lo: usize, at: usize) -> usize {
    t[lo..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8())
}

/// Whether a clause opens with a conjunction of time (once, when, after, until, as soon as).
fn opens_time_clause(clause: &str) -> bool {
    const OPENERS: &[&str] = &["once ", "when ", "after ", "until ", "as soon as "];
    let c = clause.trim_start();
    OPENERS.iter().any(|o| c.starts_with(o))
}

/// Whether a due-diligence step matched at `start..end` of normalized text `t` is only planned,
/// intended, required or possible ([`planned`]: "we will establish remediation procedures",
/// "we plan to conduct audits", "suppliers must have a grievance mechanism"), not one the
/// company keeps up: "we will continue to audit our suppliers" states audits done.
fn step_planned(t: &str, start: usize, end: usize, plans: &mut Option<bool>) -> bool {
    const ONGOING: &[&str] = &[
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

/// Whether a step matched at `start` of normalized text `t` is what the company expects of its
/// suppliers or partners, earlier in the sentence: "we expect suppliers to provide remedy",
/// "we require our contractors to conduct audits", "suppliers must give workers access to a
/// grievance mechanism", 要求供应商建立申诉机制, 供应商须开展审核. It is the company's policy (UNGP 16
/// asks a policy to state what it expects of business partners), not its step; a doer of its own
/// after the expectation ("…, and we audit them") takes the step back.
fn expected_of_partners(t: &str, start: usize) -> bool {
    const ASK: &str = "expect expects expected require requires required ask asks encourage \
        encourages";
    const PARTNERS: &str = "supplier suppliers contractor contractors subcontractors vendor \
        vendors partners";
    const MODALS: &str = "must shall should";
    const OWN: &str = "employees staff personnel colleagues workers";
    const ZH: &[&str] = &[
        "要求供应商",
        "要求所有供应商",
        "要求承包商",
        "要求合作伙伴",
        "要求供货商",
        "督促供应商",
        "鼓励供应商",
        "供应商须",
        "供应商应",
        "供应商必须",
        "承包商须",
        "承包商应",
    ];
    const DOERS: &[&str] = &["we", "我们", "公司", "本公司"];
    // What suppliers accept, allow, sign, answer or undergo is the company's own step on them:
    // "required to accept audits", "must answer a self-audit questionnaire", "are evaluated and
    // may be audited", 要求供应商…接受审核.
    const UNDERGO: &[&str] = &[
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
            "供应商",
            "承包商",
            "合作伙伴",
            "供货商",
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
    let taken_back = |rest: &str| {
        let clause = &rest[own_clause(rest)..];
        DOERS.iter().any(|d| has_word(rest, d)) || UNDERGO.iter().any(|u| has_word(clause, u))
    };
    if let Some(at) = ZH
        .iter()
        .filter_map(|w| before.rfind(w).map(|i| i + w.len()))
        .max()
    {
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
        let next = &words[i + 1..(i + 4).min(words.len())];
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
        let asks = listed(ASK, w)
            && next.iter().any(|&(_, n)| listed(PARTNERS, n))
            && !own(next)
            && words[i + 1..].iter().any(|&(_, n)| n == "to");
        // A modal right after the suppliers, in the active: "suppliers must provide", not
        // "a supplier should be engaged".
        // A passive is "be" with a participle ("should be engaged"), not "must be able to".
        let passive = next.get(1).is_some_and(|&(_, b)| b == "be")
            && next.get(2).is_some_and(|&(_, p)| p.ends_with("ed"));
        let bound = listed(PARTNERS, w)
            && !own_joined()
            && next.first().is_some_and(|&(_, n)| {
                (listed(MODALS, n) && !passive)
                    || ((n == "are" || n == "is")
                        && next
                            .get(1)
                            .is_some_and(|&(_, r)| r == "required" || r == "expected"))
            });
        (asks || bound) && !taken_back(&before[at + w.len()..])
    })
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

/// Where in `rest`, the text of a clause after a deed, a joining word opens a predicate of its
/// own that states a plan: " and (we) expect to", " and aim to", " but will", 并计划, 同时将. A
/// joined noun ("training and audits next year") opens none.
fn joined_plan(rest: &str) -> Option<usize> {
    const JOINERS: &[&str] = &[" and ", " but ", " while ", "并", "但", "同时", "且"];
    const SUBJECTS: &[&str] = &[
        "we ",
        "they ",
        "it ",
        "the company ",
        "我们",
        "公司",
        "本公司",
    ];
    const PLANS: &[&str] = &[
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

/// Whether `answer` is one of `words` and nothing more but punctuation ("Not applicable.", 无。),
/// not the start of a longer answer ("not applicable to tier 2 suppliers", 无报复).
fn answers_only(answer: &str, words: &[&str]) -> bool {
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
fn deed_follows(rest: &str) -> bool {
    let after: String = rest.chars().take(5).collect();
    DONE_ZH.iter().any(|d| {
        after
            .find(d)
            .is_some_and(|k| after[..k].chars().count() <= 3)
    })
}

/// Chinese negations of a deed.
const NOT_ZH: &[&str] = &["尚未", "暂未", "并未", "从未", "未能", "没有", "未"];
/// Verbs of a step being done, not of events (从未发生报复事件 says the step works).
const DONE_ZH: &[&str] = &[
    "建立", "设立", "开展", "实施", "制定", "进行", "完成", "落实", "推行", "启动", "采取", "提供",
    "覆盖", "设置", "形成",
];
/// Auxiliaries a "not" follows.
const AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "do", "does",
];

/// Whether a word is an auxiliary ([`AUX`]), or one contracted with "not" (`hasn't`).
fn is_aux(w: &str) -> bool {
    AUX.contains(&w)
        || w.strip_suffix("n't")
            .is_some_and(|a| AUX.contains(&a) || a == "wo")
}

/// Pronouns that open a clause of their own: a subject with one is not the step's.
const PRONOUNS: &[&str] = &["we", "they", "it", "he", "she", "i", "you"];
/// Words of a step being done or in place, besides the participles of putting in place
/// ([`PUT_IN_PLACE`]).
const DONE: &[&str] = &[
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
const PUT_IN_PLACE: &[&str] = &[
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
fn puts_in_place(w: &str) -> bool {
    const OTHER_FORMS: &[&str] = &[
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
fn undone_after(before: &str, rest: &str) -> bool {
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
fn zh_head_negates(clause: &str, chars: usize, denies: impl Fn(&str, &str) -> bool) -> bool {
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
fn deeds_denied(rest: &str) -> bool {
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
fn opens_clause(before: &str) -> bool {
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
const MEANS: &[&str] = &["through", "via", "using", "thru"];
const MEANS_ZH: &[&str] = &["通过", "经由", "借助"];

/// Words that open a new clause, out of a preceding negation's reach.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "whether", "if", "because",
    "although", "though", "unless", "until", "but", "so",
];

#[cfg(test)]
mod tests;
