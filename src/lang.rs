//! Language detection for documents and passages: Han script share first (Chinese text is
//! recognised by its script even when it carries English acronyms), then whatlang for Latin text.

use crate::model::Lang;

/// Detects the language of a text: `zh` when Han characters make up a fair share of its letters,
/// `en` when whatlang says English (or the text is short ASCII prose), `other` otherwise.
///
/// ```
/// use hria::model::Lang;
/// assert_eq!(hria::lang::detect("我们承诺尊重 ICT 供应链中的人权"), Lang::Zh);
/// assert_eq!(hria::lang::detect("We respect the rights of workers."), Lang::En);
/// ```
pub fn detect(text: &str) -> Lang {
    detect_in(text, Lang::En)
}

/// [`detect`] for a passage of a document in language `doc`: a passage of plain ASCII words
/// none of which is English, too short for whatlang to be sure of (a heading such as "Marco de
/// referencia", "b) no financiar actividades que impliquen trabajo infantil"), is taken in the
/// document's language where that is neither English nor Chinese, and as English otherwise.
pub fn detect_in(text: &str, doc: Lang) -> Lang {
    let unsure = if doc == Lang::Other {
        Lang::Other
    } else {
        Lang::En
    };
    // A Han char carries about as much as a Latin word, so a low share already means Chinese.
    let Some((han, letters, kana)) = han_and_letters(text) else {
        return Lang::Zh;
    };
    if letters == 0 {
        return Lang::Other;
    }
    // Japanese writes its particles and endings in kana, which Chinese never uses.
    if kana >= 2 && kana * 4 >= han {
        return Lang::Other;
    }
    // Four Latin letters to a Han char: `我们遵守 UNGPs、OECD Guidelines 和 ILO Core Conventions
    // 等国际标准。` is Chinese.
    if han * 4 >= letters - han {
        return Lang::Zh;
    }
    // English function words settle most English passages without whatlang's trigram model,
    // which costs tens of microseconds a call and dominated segmenting English corpora.
    let (words, english, distinct) = english_words(text);
    if english >= 2 && english * 5 >= words {
        return Lang::En;
    }
    // Full-width Latin letters (ｆｏｒｃｅｄ) are ASCII letters once normalized, as they are
    // for matching and indexing.
    let ascii_letters = || {
        text.chars()
            .filter(|&c| is_alphabetic(c))
            .all(|c| c.is_ascii() || matches!(c, '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}'))
    };
    // Diacritics only in names (Côte d'Ivoire, São Paulo, Nestlé) are names in English prose, not
    // another language's words.
    // A distinctly English word must stand among them: title-case headings of other languages
    // (`Política de Derechos Humanos`) capitalize their own words.
    let english_letters = || ascii_letters() || (distinct >= 1 && accents_only_in_names(text));
    // Fewer function words (lists, names, terse prose) still settle it when they are ones other
    // Latin-script languages do not use and no word but a name has a diacritic: whatlang said
    // English for every such passage of the English statements, and took half their segmenting
    // time.
    if distinct >= 2 && distinct * 12 >= words && english_letters() {
        return Lang::En;
    }
    // A few words (a heading, a name, a table cell) are too few for whatlang to be reliable,
    // and its unreliable answers fall back to English for ASCII letters below: answered here,
    // as whatlang took most of the time of English segmentation on such passages.
    if words < SHORT_WORDS && english_letters() {
        // Unless the words are another language's (`Le groupe interdit le travail des enfants`).
        if english == 0 && foreign_words(text) >= 2 {
            return Lang::Other;
        }
        return if english == 0 && distinct == 0 && !english_heading_word(text) {
            unsure
        } else {
            Lang::En
        };
    }
    match whatlang::detect(&text[..text.floor_char_boundary(WHATLANG_SAMPLE)]) {
        Some(info) if info.lang() == whatlang::Lang::Eng => Lang::En,
        // The names' letters can sway whatlang; one distinctly English word among words whose
        // only diacritics are in names tips it back.
        Some(_) if distinct >= 1 && accents_only_in_names(text) => Lang::En,
        Some(info) if info.is_reliable() => Lang::Other,
        // Too short to be reliable: plain ASCII letters are most likely English here, unless
        // none is an English word.
        _ if english_letters() => {
            if english == 0 && distinct == 0 {
                unsure
            } else {
                Lang::En
            }
        }
        _ => Lang::Other,
    }
}

/// Whether the text has letters with diacritics only in capitalized words, and those are at most
/// a third of its words: names in English prose. `false` for a text with no such letter.
fn accents_only_in_names(text: &str) -> bool {
    let (mut words, mut names) = (0usize, 0usize);
    for w in text
        .split(|c: char| !is_alphabetic(c))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let accented = w.chars().any(|c| {
            !c.is_ascii() && !matches!(c, '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
        });
        if accented {
            if !w.starts_with(|c: char| c.is_uppercase()) {
                return false;
            }
            names += 1;
        }
    }
    names > 0 && names * 3 <= words
}

/// How many Han chars, letters (Han chars included) and kana `text` has; `None` as soon as the
/// Han chars are at least a quarter of its other letters whatever the rest of it holds (at most
/// one letter a byte) and no kana was seen, which settles a Chinese text after about half of it
/// (a Japanese text has kana from its first sentence on).
fn han_and_letters(text: &str) -> Option<(usize, usize, usize)> {
    /// Bytes between two checks of whether the rest can still change the answer.
    const STRIDE: usize = 96;
    let bytes = text.as_bytes();
    let (mut han, mut letters, mut kana) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let stop = bytes.len().min(i + STRIDE);
        while let Some(&b) = bytes.get(i).filter(|_| i < stop) {
            match b {
                0..0x80 => {
                    letters += usize::from(b.is_ascii_alphabetic());
                    i += 1;
                }
                0xE4..=0xE9 if han_at(bytes, i) => {
                    han += 1;
                    letters += 1;
                    i += 3;
                }
                // Neither Han nor a letter: nothing to count.
                0xE2 | 0xE3 if punctuation_at(bytes, i) => i += 3,
                _ => {
                    let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                        return Some((han, letters, kana));
                    };
                    if is_han(c) {
                        han += 1;
                        letters += 1;
                    } else if is_alphabetic(c) {
                        letters += 1;
                        // Hiragana: the particles and endings of Japanese prose (a katakana
                        // name inside Chinese is no Japanese).
                        kana += usize::from(matches!(c, '\u{3041}'..='\u{309F}'));
                    }
                    i += c.len_utf8();
                }
            }
        }
        if han > 0 && kana == 0 && han * 5 >= letters + bytes.len().saturating_sub(i) {
            return None;
        }
    }
    Some((han, letters, kana))
}

/// How much text whatlang sees: its answer does not change past a few hundred bytes of prose.
const WHATLANG_SAMPLE: usize = 1024;

/// Whether a lowercase word is frequent in English prose and rare as a word in other
/// Latin-script languages (a `match`, which compiles to a switch on length and a few
/// comparisons: a list compared word by word dominated the check).
fn is_english_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"and"
            | b"of"
            | b"to"
            | b"we"
            | b"our"
            | b"is"
            | b"are"
            | b"for"
            | b"with"
            | b"that"
            | b"this"
            | b"will"
            | b"have"
            | b"has"
            | b"which"
            | b"from"
            | b"by"
            | b"be"
            | b"on"
            | b"all"
            | b"it"
            | b"its"
            | b"their"
            | b"they"
            | b"not"
    )
}

/// Whether a lowercase word is English and not a word of other Latin-script languages (unlike
/// `we`, `is`, `on` or `of`, say): two of them among unaccented letters settle English (see
/// [`detect`]).
fn is_distinctly_english(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"and"
            | b"that"
            | b"with"
            | b"which"
            | b"their"
            | b"they"
            | b"this"
            | b"from"
            | b"our"
            | b"are"
            | b"have"
            | b"has"
            | b"been"
            | b"were"
            | b"these"
            | b"those"
            | b"such"
            | b"including"
    )
}

/// How many different function words of French, Spanish, Portuguese, Italian, German or Dutch that
/// English prose does not use as words are among the first [`SHORT_WORDS`] words of `text`, written
/// in small letters: capitalized, they are names in English (`Van Der Linde`, `Los Angeles`,
/// `Des Moines`), and one said twice is a name too (`Banco do Brasil, Vale do Rio Doce`).
fn foreign_words(text: &str) -> usize {
    let mut found: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SHORT_WORDS)
        .filter(|w| {
            matches!(
                *w,
                "le" | "les"
                    | "des"
                    | "du"
                    | "une"
                    | "est"
                    | "dans"
                    | "pour"
                    | "sur"
                    | "el"
                    | "los"
                    | "las"
                    | "del"
                    | "y"
                    | "con"
                    | "por"
                    | "para"
                    | "da"
                    | "do"
                    | "dos"
                    | "das"
                    | "der"
                    | "die"
                    | "und"
                    | "ist"
                    | "mit"
                    | "il"
                    | "di"
                    | "che"
                    | "het"
                    | "een"
                    | "van"
            )
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found.len()
}

/// Whether `text` holds a word of the English headings of human-rights reporting that the other
/// Latin-script languages of such reports do not borrow: "Modern Slavery Statement" or "Child
/// Labour" in a Spanish report is English, where "Marco de referencia" takes the report's
/// language. Not loanwords such as governance, policy, report, training or risk ("Policy sui
/// Diritti Umani", "Governance und Compliance"), nor Spanish's own "labor".
fn english_heading_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "statement",
        "rights",
        "human",
        "slavery",
        "labour",
        "child",
        "forced",
        "supply",
        "chain",
        "suppliers",
        "employees",
        "workers",
        "assessment",
        "diligence",
        "grievance",
        "remedy",
        "overview",
        "approach",
        "commitment",
        "commitments",
        "health",
        "safety",
        "women",
        "children",
        "freedom",
        "our",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 11)
        .any(|w| WORDS.iter().any(|e| e.eq_ignore_ascii_case(w)))
}

/// The longest word of [`is_english_word`] and [`is_distinctly_english`].
const LONGEST_ENGLISH_WORD: usize = 9;

/// Fewer ASCII words than this never go to whatlang (see [`detect`]).
const SHORT_WORDS: usize = 8;

/// Among the first 60 ASCII words, how many there are, how many are English function words
/// (English when at least a fifth of them, and at least two, are), and how many are
/// [`is_distinctly_english`].
fn english_words(text: &str) -> (usize, usize, usize) {
    let (mut words, mut english, mut distinct) = (0usize, 0usize, 0usize);
    let mut lower = [0u8; LONGEST_ENGLISH_WORD];
    for w in text
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(60)
    {
        words += 1;
        let Some(lower) = lower.get_mut(..w.len()) else {
            continue;
        };
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        english += usize::from(is_english_word(lower));
        distinct += usize::from(is_distinctly_english(lower));
    }
    (words, english, distinct)
}

/// [`char::is_alphabetic`], answered without a table lookup for ASCII, the main Han blocks and
/// the punctuation of Chinese text (the lookup is slow outside ASCII).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF => true,
        0x2000..=0x206F | 0x3000..=0x3004 | 0x3008..=0x3020 | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 => {
            false
        }
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`] with the fast paths of [`is_alphabetic`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF => true,
        0x2000..=0x206F | 0x3000..=0x3004 | 0x3008..=0x3020 | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 => {
            false
        }
        _ => c.is_alphanumeric(),
    }
}

/// Whether `c` is part of a word of a script written with spaces between words: a letter or
/// digit that is not Han (Chinese has no spaces, so `ILO公约` still has `ILO` on a word
/// boundary, and a break between two such chars must keep them apart).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// Whether the char at byte `i` of `bytes` (valid UTF-8, `i` on a char boundary) is a Han char
/// of U+4000..U+9FFF, told from its first two bytes: the lead bytes 0xE5..0xE9 (U+5000..U+9FFF)
/// are all Han, and 0xE4 (U+4000..U+4FFF) is but for U+4DC0..U+4DFF (the Yijing hexagrams,
/// second byte 0xB7). Nearly every char of a Chinese text is one.
#[inline(always)]
pub(crate) fn han_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(0xE5..=0xE9) => true,
        Some(0xE4) => bytes.get(i + 1) != Some(&0xB7),
        _ => false,
    }
}

/// Whether the char at byte `i` of `bytes` (valid UTF-8, `i` on a char boundary) is general
/// punctuation (U+2000..U+203F: “” and the spaces) or CJK punctuation that is no letter
/// (U+3000..U+3004, U+3008..U+3020: 、。《》「」), told from its bytes: neither Han nor
/// alphanumeric.
#[inline(always)]
pub(crate) fn punctuation_at(bytes: &[u8], i: usize) -> bool {
    match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
        (Some(0xE2), Some(0x80), _) => true,
        (Some(0xE3), Some(0x80), Some(&b)) => matches!(b, 0x80..=0x84 | 0x88..=0xA0),
        _ => false,
    }
}

/// Whether `c` is a Han (CJK ideograph) character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_latin_is_english_as_its_ascii_form_is() {
        for (full, ascii) in [
            ("ｆｏｒｃｅｄ", "forced"),
            ("ＦＯＲＣＥＤ　ＬＡＢＯＵＲ", "FORCED LABOUR"),
        ] {
            assert_eq!(detect(full), detect(ascii), "{full}");
            assert_eq!(detect(full), Lang::En, "{full}");
        }
    }

    #[test]
    fn fast_char_classes_agree_with_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn byte_classes_agree_with_char_classes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = format!("{c}a");
            let bytes = text.as_bytes();
            if han_at(bytes, 0) {
                assert!(is_han(c), "U+{:04X}", c as u32);
            }
            if punctuation_at(bytes, 0) {
                assert!(!is_han(c) && !is_alphanumeric(c), "U+{:04X}", c as u32);
            }
            if matches!(c as u32, 0x4000..=0x9FFF) {
                assert_eq!(han_at(bytes, 0), is_han(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn short_passages_of_a_document_in_another_language_take_its_language() {
        for text in [
            "Marco de referencia",
            "5. Clientes corporativos",
            "b) no financiar actividades que impliquen trabajo forzoso, trabajo infantil o trata de personas;",
        ] {
            assert_eq!(detect_in(text, Lang::Other), Lang::Other, "{text}");
            // Alone, or in an English or a Chinese document, such ASCII text stays English.
            assert_eq!(detect_in(text, Lang::En), Lang::En, "{text}");
            assert_eq!(detect(text), Lang::En, "{text}");
        }
        // English words settle it whatever the document: a heading's too.
        for text in [
            "Modern Slavery Statement",
            "Child Labour",
            "Our commitments",
            "We prohibit forced labour in our supply chain.",
        ] {
            assert_eq!(detect_in(text, Lang::Other), Lang::En, "{text}");
        }
        // Loanwords and Spanish's "labor" are no English heading.
        for text in [
            "Governance",
            "Policy sui Diritti Umani",
            "Governance und Compliance",
            "Nuestra labor social",
        ] {
            assert_eq!(detect_in(text, Lang::Other), Lang::Other, "{text}");
        }
    }

    #[test]
    fn detects_zh_en_other() {
        assert_eq!(
            detect("我们承诺尊重人权，包括 ICT 供应商和 Xbox Live 用户。"),
            Lang::Zh
        );
        assert_eq!(
            detect("We do not tolerate any form of slavery or forced labour."),
            Lang::En
        );
        assert_eq!(
            detect("Nous respectons les droits de l'homme dans toutes nos activités."),
            Lang::Other
        );
        assert_eq!(detect("12345 —"), Lang::Other);
        // Latin names and terms do not outweigh Chinese grammar; kana make Japanese.
        assert_eq!(
            detect("我们遵守 UNGPs、OECD Guidelines 和 ILO Core Conventions 等国际标准。"),
            Lang::Zh
        );
        assert_eq!(
            detect("当社は「ビジネスと人権に関する指導原則」を支持します。"),
            Lang::Other
        );
        assert_eq!(
            detect("我们的供应商包括アイリスオーヤマ株式会社和其他公司，均签署了行为准则。"),
            Lang::Zh
        );
        // Headings and names of a few ASCII words are English without whatlang, unless their
        // words are another language's.
        assert_eq!(detect("Chemical suppliers"), Lang::En);
        assert_eq!(
            detect("Le groupe interdit le travail des enfants"),
            Lang::Other
        );
        assert_eq!(detect("Los derechos humanos y el trabajo"), Lang::Other);
        assert_eq!(detect("Des Moines distribution centre"), Lang::En);
        for name in [
            "Van Der Linde forced labour audit",
            "Las Vegas, Los Angeles child labour audits",
            "Forced labour risk: Da Nang, Do Son",
            "Banco do Brasil, Vale do Rio Doce",
            "Smith et al. 2020; Le et al. 2021",
        ] {
            assert_eq!(detect(name), Lang::En, "{name}");
        }
        assert_eq!(detect("Do not use child labour"), Lang::En);
        assert_eq!(detect("Australia Modern Slavery Act 2018"), Lang::En);
        // A few words with non-ASCII Latin letters still go to whatlang.
        assert_eq!(detect("Société générale des transports"), Lang::Other);
        // Two distinctly English words among unaccented letters settle English; accents do not.
        let list = "Supplier policy: the Modern Slavery Act and the Ethical Trading Initiative \
                    Base Code, Recruitment Standard, Employee Handbook, Whistleblower Policy, \
                    Grievance Procedure, Supplier Onboarding, Risk Matrix";
        assert_eq!(english_words(list).2, 3);
        assert_eq!(detect(list), Lang::En);
        let accented = "La société respecte the Modern Slavery Act and la déclaration des droits \
                        de l'homme";
        assert_eq!(english_words(accented), (16, 2, 2));
        assert_eq!(detect(accented), Lang::Other);
        assert_eq!(detect("強迫勞動"), Lang::Zh);
    }

    #[test]
    fn english_naming_accented_places_and_brands_is_english() {
        for t in [
            "Côte d'Ivoire and Ghana: child labour monitoring, remediation systems, 12,000 households.",
            "Suppliers in São Paulo, Curaçao and Türkiye: audits, corrective actions, grievances.",
            "We audited 40 farms in Côte d'Ivoire during the year.",
        ] {
            assert_eq!(detect(t), Lang::En, "{t}");
        }
        for t in [
            "Le groupe interdit le travail des enfants chez ses fournisseurs.",
            "Das Unternehmen verbietet Kinderarbeit und Zwangsarbeit bei seinen Lieferanten.",
            "La empresa prohíbe el trabajo infantil en São Paulo y en toda su cadena de suministro.",
            "Société générale des transports",
            "Política de Derechos Humanos",
            "Código de Conducta para Proveedores",
            "Maßnahmen gegen Kinderarbeit in der Lieferkette",
            "Der Konzern will seine Lieferanten in Äthiopien auditieren lassen.",
        ] {
            assert_eq!(detect(t), Lang::Other, "{t}");
        }
    }

    #[test]
    fn english_words_ignore_case_and_length_limits() {
        assert_eq!(english_words("The AND tHeIr Including of"), (5, 4, 4));
        // Longer than any listed word, apostrophes, prefixes and suffixes of listed words.
        assert_eq!(
            english_words("includings they're th there ofthe théir"),
            (7, 0, 0)
        );
    }

    /// The counts as first written, char by char.
    fn counts(text: &str) -> (usize, usize, usize) {
        let (mut han, mut letters, mut kana) = (0, 0, 0);
        for c in text.chars() {
            han += usize::from(is_han(c));
            letters += usize::from(is_han(c) || is_alphabetic(c));
            kana += usize::from(matches!(c, '\u{3041}'..='\u{309F}'));
        }
        (han, letters, kana)
    }

    proptest::proptest! {

        #![proptest_config(crate::test_support::regressions_beside_source())]
        #[test]
        fn early_answer_agrees_with_the_full_count(
            t in "([我们人权劳動]{1,12}|[a-zA-Z0-9éß ，。、（）\n㐀𠀀のア]{1,4}){0,80}"
        ) {
            let (han, letters, kana) = counts(&t);
            match han_and_letters(&t) {
                // Settled early: the whole text is Chinese (kana past that point are not read).
                None => proptest::prop_assert!(han > 0 && han * 5 >= letters && kana <= letters),
                Some(got) => proptest::prop_assert_eq!(got, (han, letters, kana)),
            }
        }
    }

    #[test]
    fn chinese_is_settled_early_and_only_when_the_rest_cannot_change_it() {
        assert_eq!(han_and_letters(&"我们".repeat(200)), None);
        let mixed = "我".repeat(100) + &"a".repeat(401);
        assert_eq!(han_and_letters(&mixed), Some((100, 501, 0)));
        assert_eq!(han_and_letters(""), Some((0, 0, 0)));
        assert_eq!(han_and_letters(&"，".repeat(100)), Some((0, 0, 0)));
    }
}
