//! Choosing an encoding for a file's bytes and decoding them, counting every replaced sequence.
//!
//! Order: a BOM wins; then an encoding given by the caller; then detection (valid UTF-8, UTF-16
//! recognised by its NUL pattern or, without NULs, read as Chinese, then, for HTML, the charset
//! its `<meta>` declares, then mostly-valid UTF-8, and finally chardetng, whose Korean or
//! Japanese guess for bytes that read as Chinese in GB18030 is checked). A file read as UTF-16
//! that holds a stretch of UTF-8 text, or ends with a short line of it, is a UTF-8 file and a
//! UTF-16 one joined, and not read.
//!
//! Every decoding is linear in the length of the file, however many invalid sequences it
//! holds, and a binary file (a NUL byte, or a NUL code unit in UTF-16) is found before any
//! decoding of the whole file.

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::ops::{ControlFlow, Range};

/// How the encoding of a document was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EncodingSource {
    /// A byte-order mark at the start of the file.
    Bom,
    /// The caller's explicit encoding (`--encoding`).
    Option,
    /// Detection from the bytes.
    Detected,
    /// The charset an HTML page declares in a `<meta>` element.
    Declared,
    /// Detection from little evidence that another encoding would have read as well: a
    /// Korean or Japanese encoding, for bytes that read as Chinese in GB18030 too. Reported.
    Guessed,
    /// The caller's explicit encoding, other than UTF-8, for a file that is valid UTF-8 with
    /// text beyond ASCII, which that encoding garbles. Reported.
    OptionOverUtf8,
}

impl EncodingSource {
    /// The name recorded in [`crate::model::Document::encoding_source`].
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EncodingSource::Bom => "bom",
            EncodingSource::Option => "option",
            EncodingSource::Detected => "detected",
            EncodingSource::Declared => "declared",
            EncodingSource::Guessed => "guessed",
            EncodingSource::OptionOverUtf8 => "option-over-utf-8",
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text: without a UTF-16 BOM, with a UTF-8 one (U+FEFF, the file's first three bytes).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub source: EncodingSource,
    /// Number of malformed sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// A NUL byte outside UTF-16, or a NUL character in UTF-16: the file is binary.
    Binary {
        /// Offset of the first NUL byte (in UTF-16, of the first NUL code unit).
        offset: usize,
        /// The UTF-16 encoding the whole file decodes in without error and without NUL
        /// characters, if one does: maybe text in UTF-16 without a BOM.
        utf16: Option<&'static Encoding>,
    },
    /// Read as UTF-16 (after a BOM, or detected), a stretch of the file reads as UTF-8 text
    /// instead (see [`utf8_stretch`] and [`utf8_ending`]): two files in two encodings joined,
    /// which no one encoding reads.
    Mixed {
        /// The stretch of UTF-8 text, as byte offsets into the file.
        utf8: Range<usize>,
        /// The UTF-16 encoding the rest reads as.
        utf16: &'static Encoding,
    },
    /// Decoded, the text is mostly control characters: binary data without a NUL byte.
    Controls {
        /// Control characters that are not line breaks, tabs, form feeds or escapes.
        controls: usize,
        /// Characters in all.
        chars: usize,
    },
}

/// Decodes `bytes`, with `forced` as the encoding to use when there is no BOM; `html` makes a
/// charset the page declares count before detection.
pub(crate) fn decode(
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
    html: bool,
) -> Result<Decoded, DecodeError> {
    let decoded = decode_text(bytes, forced, html)?;
    match controls(&decoded.text) {
        (controls, chars) if controls >= MIN_CONTROLS && controls * 20 > chars => {
            Err(DecodeError::Controls { controls, chars })
        }
        _ => Ok(decoded),
    }
}

/// Control characters (more than one in twenty, and at least this many) make a file binary:
/// random bytes without a NUL decode to about one in eight, text to almost none.
const MIN_CONTROLS: usize = 16;

/// How many of `text`'s chars are control characters other than line breaks, tabs, form feeds
/// (page breaks), escapes (colour codes in a log), bells (the end of a Word table cell) and
/// backspaces (nroff's bold overstrike), and how many chars it has, counted by byte:
/// C0 controls and DEL are one byte, C1 controls `C2 80`..`C2 9F`. A first pass without a
/// branch (which the compiler vectorizes) counts every such byte and every `C2` as one: text
/// settles there, and only a text it does not settle is counted exactly.
fn controls(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let c0 = |b: u8| {
        (b < 0x20)
            & (b != b'\t')
            & (b != b'\n')
            & (b != b'\r')
            & (b != 0x0C)
            & (b != 0x1B)
            & (b != 0x07)
            & (b != 0x08)
            | (b == 0x7F)
    };
    // Counted in chunks of u8 lanes, which the compiler vectorizes.
    let (mut at_most, mut chars) = (0usize, 0usize);
    for chunk in bytes.chunks(255) {
        let (mut n, mut c) = (0u8, 0u8);
        for &b in chunk {
            n += u8::from(c0(b) | (b == 0xC2));
            c += u8::from(b & 0xC0 != 0x80);
        }
        at_most += usize::from(n);
        chars += usize::from(c);
    }
    if at_most < MIN_CONTROLS || at_most * 20 <= chars {
        return (at_most, chars);
    }
    let c1 = bytes
        .windows(2)
        .filter(|w| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]))
        .count();
    (bytes.iter().filter(|&&b| c0(b)).count() + c1, chars)
}

/// [`decode`] before the check for control characters.
fn decode_text(
    mut bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
    html: bool,
) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding == UTF_8 {
            // The UTF-8 BOM stays in the text as U+FEFF, so that every byte range of the text is
            // a range of the file's own bytes; segmentation and titles look past it.
            check_no_nul(&bytes)?;
            return Ok(finish(bytes, encoding, EncodingSource::Bom));
        }
        // UTF-16: a NUL character makes a binary file that happens to start with `FF FE`.
        check_no_nul_unit(&bytes[bom_len..], bom_len)?;
        check_not_mixed(&bytes[bom_len..], bom_len, encoding)?;
        bytes.drain(..bom_len);
        return Ok(finish(bytes, encoding, EncodingSource::Bom));
    }
    if let Some(encoding) = forced {
        if is_utf16(encoding) {
            check_no_nul_unit(&bytes, 0)?;
        } else {
            check_no_nul(&bytes)?;
        }
        // ASCII reads the same in every encoding the option may name but UTF-16; valid UTF-8
        // beyond it is garbled by any other.
        let over_utf8 = encoding != UTF_8
            && !is_utf16(encoding)
            && !bytes.is_ascii()
            && simdutf8::basic::from_utf8(&bytes).is_ok();
        let source = if over_utf8 {
            EncodingSource::OptionOverUtf8
        } else {
            EncodingSource::Option
        };
        return Ok(finish(bytes, encoding, source));
    }
    if let Some(offset) = nul_offset(&bytes) {
        // Text in UTF-16 without a BOM is only recognisable by its NULs: ASCII-heavy text has
        // a zero in every other byte. A file that reads as UTF-16 only in part is no UTF-16
        // file: neither read as one nor suggested as one.
        return match sniff_utf16(&bytes) {
            Some(decoded) => {
                check_not_mixed(&bytes, 0, decoded.encoding)?;
                Ok(decoded)
            }
            None => {
                let utf16 = utf16_hint(&bytes);
                if let Some(encoding) = utf16 {
                    check_not_mixed(&bytes, 0, encoding)?;
                }
                Err(DecodeError::Binary { offset, utf16 })
            }
        };
    }
    // The common case, valid UTF-8, is validated once and moved into the string.
    let bytes = match utf8_string(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: UTF_8,
                source: EncodingSource::Detected,
                replaced: 0,
            })
        }
        Err(bytes) => bytes,
    };
    // Chinese in UTF-16 without a BOM and without a NUL byte (no ASCII char at all, not even a
    // line break): read as Chinese in one byte order, it is that.
    if let Some(encoding) = chinese_utf16(&bytes) {
        check_not_mixed(&bytes, 0, encoding)?;
        return Ok(finish(bytes, encoding, EncodingSource::Detected));
    }
    // A page's declared charset settles what detection guesses at: chardetng reads a mostly
    // ASCII GBK page as another encoding. Valid UTF-8 went before (an editor that re-saved a
    // page as UTF-8 keeps its old `<meta>`), and so does UTF-8 with a few damaged bytes. Only a
    // multi-byte charset (GBK, Big5, Shift_JIS…) that decodes the page without an error is
    // taken: a single-byte one (ISO-8859-1, Windows-1252) decodes any bytes, and declared on a
    // GBK page it garbled every char without a replacement.
    let (multibyte, long, invalid) = utf8_counts(&bytes);
    let damaged_utf8 = multibyte > 0 && multibyte >= 4 * invalid;
    if html && !damaged_utf8 {
        let declared = declared_charset(&bytes).filter(|&e| {
            e != UTF_8
                && !e.is_single_byte()
                && e.decode_without_bom_handling_and_without_replacement(&bytes)
                    .is_some()
        });
        if let Some(encoding) = declared {
            return Ok(finish(bytes, encoding, EncodingSource::Declared));
        }
    }
    if damaged_utf8 {
        return Ok(finish(bytes, UTF_8, EncodingSource::Detected));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // Not the last chunk: a file cut off mid-character would otherwise rule out every
    // multi-byte encoding, and the cut character is counted as replaced when decoding.
    detector.feed(&bytes, false);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Valid UTF-8 sequences at least as many as invalid ones: a single-byte encoding makes
    // those only by accident (smart quotes and one stray Latin-1 byte are damaged UTF-8, not
    // Windows-1252), while a short GBK or Big5 text can. Many of them among more invalid
    // bytes are a file that mixes UTF-8 with another encoding (two files joined): read as
    // Windows-1252 it would be garbled without one replacement, so without a word of
    // warning; read as UTF-8 the other part is replaced, and reported. Only sequences of
    // three bytes or more count there (CJK is written so): two-byte ones a single-byte
    // text makes by accident, a capital before a no-break space in Windows-1252 (`É `),
    // before і or є in Windows-1251.
    if multibyte > 0 && (multibyte >= invalid || long >= MIXED_UTF8) && guess.is_single_byte() {
        return Ok(finish(bytes, UTF_8, EncodingSource::Detected));
    }
    // A UTF-8 text joined with a GBK or Big5 one: a run of CJK chars in valid UTF-8 is no
    // accident of a multi-byte encoding, and read in the guessed one it is garbled without a
    // replacement; read as UTF-8, the other part is replaced and reported.
    if utf8_cjk_run(&bytes) {
        return Ok(finish(bytes, UTF_8, EncodingSource::Detected));
    }
    let (encoding, source) = chinese_or(&bytes, guess);
    Ok(finish(bytes, encoding, source))
}

/// Whether `bytes` hold [`UTF8_CJK_RUN`] chars of three bytes or more in valid UTF-8 with no
/// invalid byte between them. GBK or Big5 makes one such char by accident now and then (a lead
/// byte of E0 to EF and two bytes of 80 to BF), never sixteen in a row.
fn utf8_cjk_run(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| {
        chunk
            .valid()
            .chars()
            .filter(|c| c.len_utf8() >= 3)
            .nth(UTF8_CJK_RUN - 1)
            .is_some()
    })
}

/// See [`utf8_cjk_run`].
const UTF8_CJK_RUN: usize = 16;

/// Legacy CJK encodings that chardetng guesses for a short Chinese text in GBK: the Korean
/// and Japanese ones. (GBK and Big5 are Chinese themselves.)
fn is_other_cjk(encoding: &'static Encoding) -> bool {
    encoding == encoding_rs::EUC_KR
        || encoding == encoding_rs::SHIFT_JIS
        || encoding == encoding_rs::EUC_JP
}

/// Non-ASCII bytes below which a guess of a Korean or Japanese encoding that GB18030 reads as
/// well is reported as uncertain: some 30 CJK chars.
const LITTLE_EVIDENCE: usize = 64;

/// The encoding to decode `bytes` with when chardetng guesses `guess`, and how it was chosen.
/// A short Chinese text in GBK (a few Chinese words in English) is guessed as EUC-KR as
/// readily as GBK. Where chardetng guesses a Korean or Japanese encoding and the bytes decode
/// in GB18030 without an error into Chinese (its Han chars mostly among the most frequent
/// ones), they are GB18030 unless the guess reads as its language: kana (Japanese), frequent
/// Hangul syllables (Korean), or Han chars half as frequent as GB18030's at least (Japanese
/// written in kanji alone, `人権方針`, which GB18030 reads as Chinese chars too). Where the
/// guess stands without reading as its language and GB18030 reads the bytes as Han chars too,
/// from little evidence, the guess is marked [`EncodingSource::Guessed`] and reported: a
/// Korean word in English text reads as GB18030 without an error as well.
fn chinese_or(bytes: &[u8], guess: &'static Encoding) -> (&'static Encoding, EncodingSource) {
    if !is_other_cjk(guess) {
        return (guess, EncodingSource::Detected);
    }
    let Some(chinese) = Reading::of(bytes, encoding_rs::GB18030) else {
        return (guess, EncodingSource::Detected);
    };
    let own = Reading::of(bytes, guess).unwrap_or_default();
    if own.is_japanese_or_korean() {
        return (guess, EncodingSource::Detected);
    }
    // Han chars of the guess half as often among the frequent ones as GB18030's, or more.
    let own_han = own.frequent * 2 * chinese.han >= chinese.frequent * own.han && own.han > 0;
    if chinese.is_chinese() && !own_han {
        (encoding_rs::GB18030, EncodingSource::Detected)
    } else if chinese.is_mostly_han() && chinese.non_ascii_bytes < LITTLE_EVIDENCE {
        (guess, EncodingSource::Guessed)
    } else {
        (guess, EncodingSource::Detected)
    }
}

/// The UTF-16 byte order in which `bytes` (without a NUL byte) read as Chinese, if one does:
/// four Han chars at least, and nothing but Han chars and punctuation.
fn chinese_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    [UTF_16LE, UTF_16BE].into_iter().find(|&e| {
        Reading::of(bytes, e).is_some_and(|r| r.han >= 4 && r.other == 0 && r.is_chinese())
    })
}

/// How far into a page a browser looks for its `<meta>` charset.
const PRESCAN_BYTES: usize = 1024;

/// The encoding an HTML page declares in its first [`PRESCAN_BYTES`] bytes, found as browsers
/// find it (WHATWG "prescan a byte stream"): `<meta charset=…>`, or `<meta http-equiv=
/// "Content-Type" content="…; charset=…">`, skipping comments and other tags' attributes. A
/// declared UTF-16 is UTF-8 (the bytes the prescan read were ASCII); an unknown label, or one
/// that maps to the replacement encoding, declares nothing.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let b = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            // The comment's end may share the opening's dashes (`<!-->`).
            match memchr::memmem::find(&rest[2..], b"-->") {
                Some(at) => i += 2 + at + 3,
                None => return None,
            }
            continue;
        }
        if rest.len() > 5
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && (is_html_space(rest[5]) || rest[5] == b'/')
        {
            i += 5;
            if let Some(e) = meta_charset(b, &mut i) {
                return Some(e);
            }
            continue;
        }
        let letter_at = |k: usize| rest.get(k).is_some_and(u8::is_ascii_alphabetic);
        if rest[0] == b'<' && (letter_at(1) || rest.get(1) == Some(&b'/') && letter_at(2)) {
            // Another tag: its name, then its attributes, whose values may hold a `>`.
            i += 1;
            while i < b.len() && !is_html_space(b[i]) && b[i] != b'>' {
                i += 1;
            }
            while tag_attribute(b, &mut i).is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            match memchr::memchr(b'>', rest) {
                Some(at) => i += at,
                None => return None,
            }
        }
        i += 1;
    }
    None
}

/// Reads the attributes of a `<meta>` element from `*i` and returns the charset it declares.
fn meta_charset(b: &[u8], i: &mut usize) -> Option<&'static Encoding> {
    let (mut seen_equiv, mut seen_content, mut seen_charset) = (false, false, false);
    let (mut got_pragma, mut need_pragma, mut charset) = (false, None, None);
    while let Some((name, value)) = tag_attribute(b, i) {
        // An attribute given twice counts once, as the parser keeps the first.
        match name.as_slice() {
            b"http-equiv" if !seen_equiv => {
                seen_equiv = true;
                got_pragma = value.eq_ignore_ascii_case(b"content-type");
            }
            b"content" if !seen_content => {
                seen_content = true;
                if charset.is_none() {
                    if let Some(label) = charset_in_content(&value) {
                        charset = Encoding::for_label(label);
                        need_pragma = Some(true);
                    }
                }
            }
            b"charset" if !seen_charset => {
                seen_charset = true;
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
    }
    match (need_pragma, charset) {
        (Some(true), _) if !got_pragma => None,
        (Some(_), Some(e)) if e == encoding_rs::REPLACEMENT => None,
        (Some(_), Some(e)) if is_utf16(e) => Some(UTF_8),
        (Some(_), Some(e)) if e == encoding_rs::X_USER_DEFINED => Some(encoding_rs::WINDOWS_1252),
        (Some(_), e) => e,
        (None, _) => None,
    }
}

/// The label after `charset=` in a `content` attribute (`text/html; charset=gbk`).
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    loop {
        let found = content[at..]
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        let mut k = at + found + 7;
        while content.get(k).is_some_and(|&c| is_html_space(c)) {
            k += 1;
        }
        if content.get(k) != Some(&b'=') {
            at = k;
            continue;
        }
        k += 1;
        while content.get(k).is_some_and(|&c| is_html_space(c)) {
            k += 1;
        }
        let value = &content[k..];
        return match value.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let end = memchr::memchr(q, &value[1..])?;
                Some(&value[1..1 + end])
            }
            Some(_) => {
                let end = value
                    .iter()
                    .position(|&c| is_html_space(c) || c == b';')
                    .unwrap_or(value.len());
                Some(&value[..end])
            }
            None => None,
        };
    }
}

/// One attribute of a tag from `*i`, name lowercased, as the prescan reads it; `None` at the
/// tag's end (left at its `>`) or the input's.
fn tag_attribute(b: &[u8], i: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while *i < b.len() && (is_html_space(b[*i]) || b[*i] == b'/') {
        *i += 1;
    }
    if *i >= b.len() || b[*i] == b'>' {
        return None;
    }
    let mut name = Vec::new();
    loop {
        let c = *b.get(*i)?;
        if c == b'=' && !name.is_empty() {
            *i += 1;
            break;
        }
        if is_html_space(c) {
            while b.get(*i).is_some_and(|&c| is_html_space(c)) {
                *i += 1;
            }
            if b.get(*i) != Some(&b'=') {
                return Some((name, Vec::new()));
            }
            *i += 1;
            break;
        }
        if c == b'/' || c == b'>' {
            return Some((name, Vec::new()));
        }
        name.push(c.to_ascii_lowercase());
        *i += 1;
    }
    while b.get(*i).is_some_and(|&c| is_html_space(c)) {
        *i += 1;
    }
    let mut value = Vec::new();
    match *b.get(*i)? {
        q @ (b'"' | b'\'') => {
            *i += 1;
            loop {
                let c = *b.get(*i)?;
                *i += 1;
                if c == q {
                    return Some((name, value));
                }
                value.push(c.to_ascii_lowercase());
            }
        }
        b'>' => Some((name, value)),
        _ => {
            while let Some(&c) = b.get(*i) {
                if is_html_space(c) || c == b'>' {
                    break;
                }
                value.push(c.to_ascii_lowercase());
                *i += 1;
            }
            Some((name, value))
        }
    }
}

/// The whitespace bytes of HTML's prescan.
fn is_html_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

/// Valid UTF-8 sequences of three bytes or more that a single-byte encoding does not make by
/// accident: a file with this many is UTF-8, in part at least.
const MIXED_UTF8: usize = 8;

/// The bytes as a string if they are valid UTF-8, else the bytes back. simdutf8 checks Chinese
/// text several times faster than `String::from_utf8`, whose fast path is ASCII only.
fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just validated as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        Err(bytes)
    }
}

/// Offset of the first NUL byte (`contains` is memchr-fast; most files have none).
fn nul_offset(bytes: &[u8]) -> Option<usize> {
    if bytes.contains(&0) {
        bytes.iter().position(|&b| b == 0)
    } else {
        None
    }
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

fn check_no_nul(bytes: &[u8]) -> Result<(), DecodeError> {
    match nul_offset(bytes) {
        Some(offset) => Err(DecodeError::Binary {
            offset,
            utf16: None,
        }),
        None => Ok(()),
    }
}

/// UTF-16 (after a BOM of `bom_len` bytes) is binary if it holds a NUL character, as a binary
/// file that happens to start with `FF FE` does: found by its code units, before decoding.
fn check_no_nul_unit(units: &[u8], bom_len: usize) -> Result<(), DecodeError> {
    match nul_unit(units) {
        Some(at) => Err(DecodeError::Binary {
            offset: bom_len + at,
            utf16: None,
        }),
        None => Ok(()),
    }
}

/// Bytes of UTF-8 text in a row (see [`utf8_stretch`]) that a file read as UTF-16 cannot hold:
/// UTF-16 makes them only from 24 code units in a row each of whose bytes is printable ASCII,
/// a line break or part of a valid UTF-8 sequence. Latin, Cyrillic, Greek and Indic text has a
/// zero or a control byte in nearly every code unit; a Han char has both bytes printable one
/// time in four, a hiragana or kanji one time in three, so by that estimate Chinese text in
/// UTF-16 makes such a stretch once in 10^14 chars, Japanese once in 10^11 (zh-law's 40
/// million chars make none). A UTF-8 text of a line or two makes one.
const UTF8_STRETCH: usize = 48;

/// The first stretch of [`UTF8_STRETCH`] bytes or more of `bytes` that reads as UTF-8 text:
/// valid UTF-8 without a NUL or any other control byte but line breaks (a tab is left out too:
/// Devanagari in UTF-16LE has one in every code unit).
fn utf8_stretch(bytes: &[u8]) -> Option<Range<usize>> {
    let control = |b: u8| (b < 0x20 && b != b'\n' && b != b'\r') || b == 0x7F;
    let mut at = 0;
    for piece in bytes.split(|&b| control(b)) {
        if piece.len() >= UTF8_STRETCH {
            let mut start = at;
            for chunk in piece.utf8_chunks() {
                let valid = chunk.valid().len();
                if valid >= UTF8_STRETCH {
                    return Some(start..start + valid);
                }
                start += valid + chunk.invalid().len();
            }
        }
        at += piece.len() + 1;
    }
    None
}

/// `Err(Mixed)` if `bytes` (at `offset` of the file), to be read as UTF-16 in `encoding`, hold a
/// stretch of UTF-8 text: a UTF-8 file and a UTF-16 one joined. Read as UTF-16, the UTF-8 part
/// became CJK chars (`畏⁲畈慭…`) without a replacement to report.
fn check_not_mixed(
    bytes: &[u8],
    offset: usize,
    encoding: &'static Encoding,
) -> Result<(), DecodeError> {
    match utf8_stretch(bytes).or_else(|| utf8_ending(bytes, encoding)) {
        Some(r) => Err(DecodeError::Mixed {
            utf8: r.start + offset..r.end + offset,
            utf16: encoding,
        }),
        None => Ok(()),
    }
}

/// A UTF-8 text shorter than [`UTF8_STRETCH`] that `bytes`, to be read as UTF-16 in
/// `encoding`, end with, told by the line break it ends with: one byte, which UTF-16 cannot end
/// on. Joined at an even offset (the end of the UTF-16 part), the UTF-8 part leaves either a
/// lone byte at the end (an odd length), or a last code unit of the line break and the byte
/// before it (U+0Axx in little-endian, Gurmukhi or Gujarati). The UTF-8 part is the valid UTF-8
/// without control bytes that ends the file, from its first even offset; it is taken for UTF-8
/// when, read as UTF-16:
///
/// - of an odd length, a char of it is of a 128-char block of Unicode that the UTF-16 before it
///   never uses, or its Han chars are not mostly among the frequent ones (ASCII read as UTF-16
///   makes rare Han chars: `Hello` reads `效汬漠`), a Chinese text's are;
/// - of an even length, its last char is of such a block and neither Han, kana, Hangul nor CJK
///   punctuation (in big-endian, a letter before the line break makes a Han char `U+xx0A`, as a
///   genuine `上`, U+4E0A, does: that ending is not told apart, and the file is read as UTF-16).
///
/// A UTF-16 text ends on a zero byte in little-endian (a line break, a space, ASCII) or on a
/// whole char; one cut short by a byte (a damaged file) is the exception, and is read as
/// before unless its last whole chars read as that UTF-8 would. A file with nothing before that
/// text is left to [`utf8_stretch`]: there is no UTF-16 to compare it with.
fn utf8_ending(bytes: &[u8], encoding: &'static Encoding) -> Option<Range<usize>> {
    if bytes.last() != Some(&b'\n') {
        return None;
    }
    let control = |b: u8| (b < 0x20 && b != b'\n' && b != b'\r') || b == 0x7F;
    let after_control = bytes.iter().rposition(|&b| control(b)).map_or(0, |i| i + 1);
    // The last run of valid UTF-8: it ends at the line break.
    let (mut start, mut at) = (after_control, after_control);
    for chunk in bytes[after_control..].utf8_chunks() {
        at += chunk.valid().len() + chunk.invalid().len();
        if !chunk.invalid().is_empty() {
            start = at;
        }
    }
    let joined = start + start % 2;
    let part = &bytes[joined..];
    if joined == 0 || part.iter().all(|&b| b == b'\n' || b == b'\r') {
        return None;
    }
    // The 128-char blocks of Unicode the UTF-16 before it uses, outside ASCII.
    let mut blocks = vec![0u64; (0x11_0000 >> 7) / 64];
    let _ = decode_pieces(&bytes[..joined], encoding, |piece| {
        if let Piece::Text(t) = piece {
            for c in t.chars().filter(|c| !c.is_ascii()) {
                let b = c as usize >> 7;
                blocks[b / 64] |= 1 << (b % 64);
            }
        }
        ControlFlow::Continue(())
    });
    let foreign = |c: char| {
        let b = c as usize >> 7;
        c == '\u{FFFD}' || (!c.is_ascii() && blocks[b / 64] & (1 << (b % 64)) == 0)
    };
    let units = part.len() & !1;
    let (read, _) = encoding.decode_without_bom_handling(&part[..units]);
    let utf8 = if part.len() % 2 == 1 {
        let han = read.chars().filter(|&c| crate::lang::is_han(c)).count();
        let frequent = read.chars().filter(|c| frequent_han().contains(c)).count();
        read.chars().any(foreign) || (han > 0 && frequent * 5 < han * 3)
    } else if encoding == UTF_16BE {
        // Big-endian, an even tail's line break is the low byte of a char U+xx0A, as common
        // as ✊ (U+270A), ㄊ (U+310A) or a hair space (U+200A): nothing tells it apart.
        false
    } else {
        let cjk = |c: char| {
            crate::lang::is_han(c)
                || matches!(c, '\u{3000}'..='\u{30FF}' | '\u{AC00}'..='\u{D7A3}' | '\u{FF00}'..='\u{FFEF}')
        };
        read.chars().last().is_some_and(|c| foreign(c) && !cjk(c))
    };
    utf8.then_some(start..bytes.len())
}

/// Offset of the first NUL code unit of UTF-16 (two zero bytes at an even offset).
fn nul_unit(bytes: &[u8]) -> Option<usize> {
    bytes
        .chunks_exact(2)
        .position(|unit| unit == [0, 0])
        .map(|i| 2 * i)
}

/// Decodes with the chosen encoding; valid UTF-8 is moved into the string without a copy.
fn finish(bytes: Vec<u8>, encoding: &'static Encoding, source: EncodingSource) -> Decoded {
    let (text, replaced) = if encoding == UTF_8 {
        match utf8_string(bytes) {
            Ok(text) => (text, 0),
            Err(bytes) => decode_counting(&bytes, encoding),
        }
    } else {
        decode_counting(&bytes, encoding)
    };
    Decoded {
        text,
        encoding,
        source,
        replaced,
    }
}

/// The valid multi-byte characters and the invalid sequences of invalid UTF-8. Far more of the
/// first (four times) and it is best read as UTF-8 with a few damaged sequences: legacy CJK
/// encodings form valid UTF-8 sequences only by accident.
fn utf8_counts(bytes: &[u8]) -> (usize, usize, usize) {
    let (mut multibyte, mut long, mut invalid) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars().filter(|c| !c.is_ascii()) {
            multibyte += 1;
            long += usize::from(c.len_utf8() > 2);
        }
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (multibyte, long, invalid)
}

/// The UTF-16 byte order to suggest for a file that looks binary: one that decodes the whole file
/// without error and without NUL characters, the one reading more of it as text where both do
/// (in a short Chinese file the zeros alone do not tell: `第一章 总则` has one in each byte order).
/// Each order is read without keeping the text, and no further than its first error: a binary
/// file has one soon.
fn utf16_hint(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) || nul_unit(bytes).is_some() {
        return None;
    }
    // Han, ASCII and CJK punctuation and full-width forms: what a text is made of.
    let texty = |c: char| {
        crate::lang::is_han(c)
            || c.is_ascii_graphic()
            || c == ' '
            || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
    };
    let mut best: Option<(usize, &'static Encoding)> = None;
    for e in utf16_by_zeros(bytes) {
        let mut score = 0;
        let flow = decode_pieces(bytes, e, |piece| match piece {
            Piece::Text(t) => {
                score += t.chars().filter(|&c| texty(c)).count();
                ControlFlow::Continue(())
            }
            Piece::Malformed => ControlFlow::Break(()),
        });
        if flow.is_continue() && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, e));
        }
    }
    best.map(|(_, e)| e)
}

/// The UTF-16 byte orders, likelier first: ASCII and Latin text has a zero high byte in most
/// code units, the second byte of a unit in little-endian, the first in big-endian.
fn utf16_by_zeros(bytes: &[u8]) -> [&'static Encoding; 2] {
    let (mut zero_first, mut zero_second) = (0usize, 0usize);
    for unit in bytes.chunks_exact(2) {
        zero_first += usize::from(unit[0] == 0);
        zero_second += usize::from(unit[1] == 0);
    }
    if zero_first > zero_second {
        [UTF_16BE, UTF_16LE]
    } else {
        [UTF_16LE, UTF_16BE]
    }
}

/// Recognises BOM-less UTF-16: at least half the code units have a zero high byte and almost no
/// low byte is zero, and the whole file decodes without error and without NUL characters.
fn sniff_utf16(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut zero_first, mut zero_second) = (0usize, 0usize);
    for unit in bytes.chunks_exact(2) {
        zero_first += usize::from(unit[0] == 0);
        zero_second += usize::from(unit[1] == 0);
    }
    let units = bytes.len() / 2;
    let encoding = if zero_second * 2 >= units && zero_first * 20 <= zero_second {
        UTF_16LE
    } else if zero_first * 2 >= units && zero_second * 20 <= zero_first {
        UTF_16BE
    } else {
        return None;
    };
    // A NUL character, or an error, and it is no text: found before decoding, or at the first.
    if nul_unit(bytes).is_some() {
        return None;
    }
    let text = decode_strict(bytes, encoding)?;
    Some(Decoded {
        text,
        encoding,
        source: EncodingSource::Detected,
        replaced: 0,
    })
}

/// Bytes of decoded text written at a time (see [`decode_pieces`]).
const CHUNK: usize = 16 << 10;

/// A piece of a decoding: text, or one malformed sequence.
enum Piece<'a> {
    Text(&'a str),
    Malformed,
}

/// Decodes `bytes` (no BOM) with `encoding`, handing `f` the text piece by piece and each
/// malformed sequence, until `f` breaks. The decoder writes into a buffer of [`CHUNK`] bytes:
/// given the spare capacity of a growing string instead, it touched all of it on every call,
/// which made a file with many invalid sequences cost the square of its length (a 2.4 MB file
/// of UTF-8 joined to GBK took 20 s, a 16 MB binary file 19 s to be skipped).
fn decode_pieces(
    bytes: &[u8],
    encoding: &'static Encoding,
    mut f: impl FnMut(Piece<'_>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buf = [0u8; CHUNK];
    let Ok(buf) = std::str::from_utf8_mut(&mut buf) else {
        unreachable!("zero bytes are UTF-8")
    };
    let mut src = bytes;
    loop {
        let (result, read, written) = decoder.decode_to_str_without_replacement(src, buf, true);
        src = &src[read..];
        if written > 0 {
            f(Piece::Text(&buf[..written]))?;
        }
        match result {
            DecoderResult::InputEmpty => return ControlFlow::Continue(()),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => f(Piece::Malformed)?,
        }
    }
}

/// Decodes `bytes` (no BOM) with `encoding`, replacing each malformed sequence by U+FFFD and
/// counting them, in time linear in the length of `bytes`.
pub(crate) fn decode_counting(bytes: &[u8], encoding: &'static Encoding) -> (String, usize) {
    // Chinese in GBK or UTF-16 grows by half in UTF-8; ASCII does not grow.
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut replaced = 0;
    let _ = decode_pieces(bytes, encoding, |piece| {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Malformed => {
                out.push('\u{FFFD}');
                replaced += 1;
            }
        }
        ControlFlow::Continue(())
    });
    (out, replaced)
}

/// `bytes` decoded with `encoding` if they decode without error and without a NUL character;
/// stops at the first of either.
fn decode_strict(bytes: &[u8], encoding: &'static Encoding) -> Option<String> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let flow = decode_pieces(bytes, encoding, |piece| match piece {
        Piece::Text(t) if !t.contains('\0') => {
            out.push_str(t);
            ControlFlow::Continue(())
        }
        _ => ControlFlow::Break(()),
    });
    flow.is_continue().then_some(out)
}

/// Counts of the chars of a decoding, for telling whether it reads as Chinese.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Reading {
    /// Han chars.
    han: usize,
    /// Han chars among the [`FREQUENT_HAN`].
    frequent: usize,
    /// CJK and general punctuation and full-width forms, which Chinese text uses.
    punctuation: usize,
    /// Kana (hiragana and katakana, not their half-width forms).
    kana: usize,
    /// Hangul syllables.
    hangul: usize,
    /// Hangul syllables among the [`FREQUENT_HANGUL`].
    frequent_hangul: usize,
    /// Other chars that are not ASCII.
    other: usize,
    /// Bytes of the input that are not ASCII.
    non_ascii_bytes: usize,
}

impl Reading {
    /// The chars of `bytes` decoded with `encoding`, if they decode without error and without
    /// a NUL character (the scan stops at the first of either, and keeps no text).
    fn of(bytes: &[u8], encoding: &'static Encoding) -> Option<Reading> {
        let mut r = Reading {
            non_ascii_bytes: bytes.iter().filter(|b| !b.is_ascii()).count(),
            ..Reading::default()
        };
        let flow = decode_pieces(bytes, encoding, |piece| {
            let Piece::Text(t) = piece else {
                return ControlFlow::Break(());
            };
            for c in t.chars().filter(|c| !c.is_ascii()) {
                if crate::lang::is_han(c) {
                    r.han += 1;
                    r.frequent += usize::from(frequent_han().contains(&c));
                } else if matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFEF}')
                {
                    r.punctuation += 1;
                } else if matches!(c, '\u{3040}'..='\u{30FF}') {
                    r.kana += 1;
                } else if matches!(c, '\u{AC00}'..='\u{D7A3}') {
                    r.hangul += 1;
                    r.frequent_hangul += usize::from(FREQUENT_HANGUL.contains(c));
                    r.other += 1;
                } else {
                    r.other += 1;
                }
            }
            if t.contains('\0') {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        flow.is_continue().then_some(r)
    }

    /// Whether it reads as Chinese: Han chars (two at least), three in five of them among the
    /// [`FREQUENT_HAN`], and almost nothing but Han chars and punctuation outside ASCII.
    fn is_chinese(&self) -> bool {
        self.han >= 2 && self.frequent * 5 >= self.han * 3 && self.other * 10 <= self.han
    }

    /// Whether it is mostly Han chars outside ASCII, frequent ones or not: it may be Chinese.
    fn is_mostly_han(&self) -> bool {
        self.han > 0 && self.other * 10 <= self.han + self.punctuation
    }

    /// Whether it reads as Japanese or Korean: kana are a tenth of its chars outside ASCII at
    /// least (Chinese read as Shift_JIS or EUC-JP makes none), or a third of its Hangul
    /// syllables are among the most frequent ones (Chinese read as EUC-KR makes one in twelve).
    fn is_japanese_or_korean(&self) -> bool {
        let chars = self.han + self.punctuation + self.kana + self.other;
        let japanese = self.kana > 0 && self.kana * 10 >= chars;
        let korean = self.hangul > 0 && self.frequent_hangul * 3 >= self.hangul;
        japanese || korean
    }
}

/// The 1,000 Han chars most frequent in the word counts of jieba's dictionary (each word's
/// count given to each of its chars), in code point order. They make nine in ten of the Han
/// chars of Chinese text (zh-esg-dev 0.91, 300 law texts 0.93, the Microsoft statement 0.92);
/// Korean in EUC-KR read as GBK makes one in four, Japanese in Shift_JIS read as GBK or UTF-16
/// almost none.
const FREQUENT_HAN: &str = include_str!("../data/frequent_han.txt");

/// 139 frequent Hangul syllables (particles, endings and the commonest syllables of words): most
/// of a Korean sentence's syllables, one in twelve of those that Chinese in GBK makes when read
/// as EUC-KR (zh-esg-dev).
const FREQUENT_HANGUL: &str = "이다는의에하고을가로서지한기리대사수자도를시으어인정일니있들해나적게아주것성전보부구거라상소국우내제원화위장동면요만과여생경무했되관연신세스와비드발간문까마학미중물개방회실오치계민유법산업조행공금명안진단모통당용선결음운반영분작현후없력합차점호강저체말교임권책환근노약직활준처심";

/// [`FREQUENT_HAN`] as a set.
fn frequent_han() -> &'static std::collections::HashSet<char> {
    static SET: std::sync::LazyLock<std::collections::HashSet<char>> =
        std::sync::LazyLock::new(|| {
            FREQUENT_HAN
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        });
    &SET
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_malformed_sequence() {
        let (text, n) = decode_counting(b"a\xffb\xe4\xb8", UTF_8);
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(n, 2);
        // An unpaired surrogate in UTF-16.
        let (text, n) = decode_counting(&[0x61, 0x00, 0x00, 0xD8, 0x62, 0x00], UTF_16LE);
        assert_eq!(text, "a\u{FFFD}b");
        assert_eq!(n, 1);
    }

    /// Bytes that look random, the same on every run.
    fn noise(len: usize) -> Vec<u8> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn decoding_is_linear_in_the_invalid_sequences() {
        // UTF-8 joined to GBK: nearly a million invalid sequences. Each one cost a pass over the
        // rest of the output before (some 15 s for these 2.3 MB); a few hundredths of a second
        // now. The bound is far from both.
        let zh = "我们承诺尊重人权，禁止强迫劳动和童工。";
        let mut bytes = zh.repeat(200).into_bytes();
        let gbk = zh.repeat(40_000);
        bytes.extend_from_slice(&encoding_rs::GBK.encode(&gbk).0);
        let started = std::time::Instant::now();
        let d = decode(bytes, None, false).unwrap();
        assert!(
            started.elapsed().as_secs_f64() < 4.0,
            "{:?}",
            started.elapsed()
        );
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.starts_with(&zh.repeat(200)));
        assert_eq!(d.replaced, d.text.matches('\u{FFFD}').count());
        assert!(d.replaced > 500_000, "{}", d.replaced);
        // The same decoding, piece by piece, as the whole text at once.
        let (text, replaced) = decode_counting(b"a\xffb\xe4\xb8 \xe4\xb8\xad", UTF_8);
        assert_eq!((text.as_str(), replaced), ("a\u{FFFD}b\u{FFFD} 中", 2));
    }

    #[test]
    fn a_binary_file_is_found_before_it_is_decoded() {
        // 16 MB of noise with NUL bytes and an even length: decoded twice as UTF-16 to build the
        // hint before (19 s), found by its first NUL code unit now. Without a NUL byte, it is
        // decoded once, and skipped for its control characters.
        let mut bytes = noise(16 << 20);
        bytes[1000] = 0;
        let started = std::time::Instant::now();
        assert_eq!(
            decode(bytes.clone(), None, false).unwrap_err(),
            DecodeError::Binary {
                offset: nul_offset(&bytes).unwrap(),
                utf16: None
            }
        );
        let no_nul: Vec<u8> = noise(4 << 20).into_iter().map(|b| b.max(1)).collect();
        assert!(matches!(
            decode(no_nul, None, false).unwrap_err(),
            DecodeError::Controls { .. }
        ));
        // In a file read as UTF-16 (a BOM, or the option), a NUL code unit is found as well.
        let mut utf16 = b"\xff\xfe".to_vec();
        utf16.extend(
            noise(16 << 20)
                .chunks_exact(2)
                .flat_map(|u| [u[0] | 1, u[1]]),
        );
        utf16[3_000_001] = 0;
        utf16[3_000_000] = 0;
        assert_eq!(
            decode(utf16, None, false).unwrap_err(),
            DecodeError::Binary {
                offset: 3_000_000,
                utf16: None
            }
        );
        assert!(
            started.elapsed().as_secs_f64() < 6.0,
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn bom_beats_option_and_only_a_utf8_one_stays_in_the_text() {
        // U+FEFF is the UTF-8 file's first three bytes: the text's offsets are the file's.
        let d = decode(b"\xef\xbb\xbfhi".to_vec(), Some(encoding_rs::GBK), false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.source),
            ("\u{FEFF}hi", EncodingSource::Bom)
        );
        assert_eq!(d.encoding, UTF_8);
        let d = decode(b"\xff\xfeh\0i\0".to_vec(), Some(encoding_rs::GBK), false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", UTF_16LE));
    }

    #[test]
    fn nul_means_binary_unless_utf16() {
        let binary = |offset| DecodeError::Binary {
            offset,
            utf16: None,
        };
        assert_eq!(
            decode(b"ab\0cd".to_vec(), None, false).unwrap_err(),
            binary(2)
        );
        assert_eq!(
            decode(b"ab\0cd".to_vec(), Some(UTF_8), false).unwrap_err(),
            binary(2)
        );
        // A BOM does not make a binary file text: NUL characters after decoding still tell.
        let elf = b"\xff\xfe\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00".to_vec();
        assert_eq!(decode(elf, None, false).unwrap_err(), binary(10));
        assert_eq!(
            decode(b"\xff\xfe\0\0a\0".to_vec(), None, false).unwrap_err(),
            binary(2)
        );
        assert_eq!(
            decode(b"\xfe\xff\0a\0\0".to_vec(), None, false).unwrap_err(),
            binary(4)
        );
        // Chinese UTF-16 without a BOM has too few NULs to be recognised: it gets a hint.
        let zh: Vec<u8> = "人权 A 劳动"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(zh, None, false).unwrap_err(),
            DecodeError::Binary {
                offset: 5,
                utf16: Some(UTF_16LE)
            }
        );
        let d = decode(b"h\0i\0".to_vec(), Some(UTF_16LE), false).unwrap();
        assert_eq!(d.text, "hi");
        let d = decode(b"\0h\0i\0!".to_vec(), None, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi!", UTF_16BE));
    }

    #[test]
    fn valid_utf8_is_moved_and_invalid_is_given_back() {
        let text = "人权 rights ✓".as_bytes().to_vec();
        assert_eq!(utf8_string(text.clone()).unwrap().as_bytes(), text);
        for bad in [&b"a\xffb"[..], b"\xe4\xb8", b"\xed\xa0\x80", b"\xc0\xaf"] {
            assert_eq!(utf8_string(bad.to_vec()).unwrap_err(), bad);
        }
    }

    #[test]
    fn latin1_is_not_mistaken_for_damaged_utf8() {
        let d = decode(b"caf\xe9 cr\xe8me".to_vec(), None, false).unwrap();
        assert_eq!(d.text, "café crème");
        assert_eq!(d.replaced, 0);
    }

    #[test]
    fn utf8_with_one_stray_byte_stays_utf8() {
        // Three smart punctuation marks in UTF-8 and one Latin-1 byte: the marks are kept and
        // the stray byte is replaced and counted, not the whole text read as Windows-1252.
        let bytes =
            b"We don\xe2\x80\x99t tolerate it \xe2\x80\x93 our policy\xe2\x80\x99s aim. Caf\xe9\n";
        let d = decode(bytes.to_vec(), None, false).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(
            d.text,
            "We don’t tolerate it – our policy’s aim. Caf\u{FFFD}\n"
        );
        assert_eq!(d.replaced, 1);
    }

    #[test]
    fn short_gbk_with_a_few_accidental_utf8_sequences_stays_gbk() {
        let text = "Annual report 2023 / 劳动权 and 住房权 are respected.";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(bytes.into_owned(), None, false).unwrap();
        assert_eq!((d.text.as_str(), d.replaced), (text, 0));
    }

    #[test]
    fn a_binary_hint_names_the_likelier_utf16_byte_order() {
        // UTF-16 text with NULs that sniffing does not accept (too few zero high bytes: mostly
        // Chinese) is skipped as binary, with the byte order whose zeros fit as the hint, or,
        // where they do not tell, the one that reads as text.
        for text in ["人权尊重 ok 人权尊重", "第一章 总则"] {
            for (encoding, bytes) in [
                (
                    UTF_16BE,
                    text.encode_utf16()
                        .flat_map(u16::to_be_bytes)
                        .collect::<Vec<u8>>(),
                ),
                (
                    UTF_16LE,
                    text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
                ),
            ] {
                match decode(bytes, None, false) {
                    Err(DecodeError::Binary { utf16, .. }) => {
                        assert_eq!(utf16, Some(encoding), "{text}")
                    }
                    other => panic!("{other:?}"),
                }
            }
        }
    }

    #[test]
    fn utf8_joined_to_utf16_is_mixed_not_utf16() {
        // A UTF-8 file with UTF-16 appended, or the other way round (two files joined): its
        // zeros are the UTF-16 pattern for half its bytes and more, but read as UTF-16 as a
        // whole its UTF-8 part was fake Chinese (`畏⁲畈慭…`), with no replacement and no report.
        let utf8 = "Our Human Rights Policy\n\nWe prohibit forced labour and child labour.\n\n";
        let zh = "# 人权政策\n\n我们禁止强迫劳动和童工，尊重结社自由。\n\n\n";
        let appendix = "Appendix\n\nWorkers may raise grievances through our hotline.\n".repeat(4);
        let le: Vec<u8> = appendix.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = appendix.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let join = |a: &[u8], b: &[u8]| [a, b].concat();
        for (first, utf16, bom) in [
            (utf8, &le, &b"\xff\xfe"[..]),
            (utf8, &be, b"\xfe\xff"),
            (zh, &le, b"\xff\xfe"),
        ] {
            assert_eq!(first.len() % 2, 0);
            for (bytes, at) in [
                (join(first.as_bytes(), utf16), 0),
                (join(utf16, first.as_bytes()), utf16.len()),
                // After a BOM, the UTF-8 part is no more UTF-16 than without one.
                (
                    join(&join(bom, utf16), first.as_bytes()),
                    bom.len() + utf16.len(),
                ),
                // An odd number of bytes before the UTF-16 shifts its zeros to the other byte
                // (and one after evens the length).
                (join(&join(first.as_bytes(), b"x"), &join(utf16, b"\n")), 0),
            ] {
                match decode(bytes, None, false) {
                    Err(DecodeError::Mixed { utf8, .. }) => {
                        assert!(
                            utf8.start <= at && utf8.end >= at + first.len() - 1,
                            "{utf8:?}"
                        )
                    }
                    other => panic!("{first:?}: {other:?}"),
                }
            }
            // An odd length is no UTF-16: binary, as before.
            let odd = join(&join(first.as_bytes(), b"x"), utf16);
            assert!(matches!(
                decode(odd, None, false),
                Err(DecodeError::Binary { utf16: None, .. })
            ));
        }
        // UTF-16 with a long stretch of Chinese or Japanese (no zero byte for hundreds of
        // bytes) is still UTF-16, with or without a BOM.
        let zh_para = "我们承诺尊重人权，禁止强迫劳动和童工，并提供有效的补救。".repeat(12);
        let ja_para =
            "当社は、すべての事業活動において人権を尊重し、強制労働を禁止します。".repeat(12);
        for para in [&zh_para, &ja_para] {
            let text =
                format!("{appendix}{appendix}{appendix}{para}\n\n{appendix}{appendix}{appendix}");
            let units: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let d = decode(units.clone(), None, false).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), UTF_16LE));
            let d = decode(join(b"\xff\xfe", &units), None, false).unwrap();
            assert_eq!(d.text, text);
            let all: Vec<u8> = para.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let d = decode(join(b"\xfe\xff", &all), None, false).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (para.as_str(), UTF_16BE));
        }
    }

    #[test]
    fn a_short_utf8_ending_joined_to_utf16_is_mixed() {
        // UTF-8 too short for `utf8_stretch` (a signature line, a date) appended to a UTF-16
        // file was read as UTF-16: fake Chinese (`效汬`) with no replacement and no report.
        let le = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let be = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_be_bytes).collect() };
        let fixture = |name: &str| {
            let dir = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/ingest/encodings/"
            );
            std::fs::read(format!("{dir}{name}")).unwrap()
        };
        let zh = "# 人权政策\n\n我们禁止强迫劳动和童工，尊重结社自由。\n";
        let en = "Our Human Rights Policy\n\nWe prohibit forced labour.\n";
        let endings = [
            "END\n",
            "Signed: J. Smith, 2024.\n",
            "Contact hr@example.com\n",
            "签名\n",
            "日期：2024年3月\n",
            "x\r\n",
        ];
        let mut utf16: Vec<(Vec<u8>, bool)> = vec![
            ([&b"\xff\xfe"[..], &le(zh)].concat(), true),
            ([&b"\xff\xfe"[..], &le(en)].concat(), true),
            (fixture("utf16le-bom.txt"), true),
            (fixture("utf16le-nobom.txt"), true),
            // Without its final line break, the UTF-16 part ends on a Chinese char.
            ([&b"\xff\xfe"[..], &le(zh.trim_end())].concat(), true),
        ];
        // In big-endian, a line break after a letter reads as a Han char, as a genuine one
        // would, and after anything else as a char U+xx0A that genuine text ends on too (✊):
        // only an odd length tells.
        utf16.push(([&b"\xfe\xff"[..], &be(en)].concat(), false));
        utf16.push((fixture("utf16be-bom.txt"), false));
        for (first, little) in &utf16 {
            for ending in endings {
                assert!(ending.len() < UTF8_STRETCH);
                let caught = *little || ending.len() % 2 == 1;
                let bytes = [first, ending.as_bytes()].concat();
                match decode(bytes, None, false) {
                    Err(DecodeError::Mixed { utf8, .. }) => {
                        assert!(caught, "{ending:?}");
                        assert!(utf8.start <= first.len() + 1, "{ending:?}: {utf8:?}");
                        assert_eq!(utf8.end, first.len() + ending.len());
                    }
                    Ok(d) => {
                        assert!(!caught, "{ending:?} read as {:?}", d.encoding);
                    }
                    // Without a BOM, an odd length is no UTF-16 in the first place.
                    Err(DecodeError::Binary { .. })
                        if !first.starts_with(b"\xff\xfe") && ending.len() % 2 == 1 => {}
                    other => panic!("{ending:?}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn utf16_ending_in_bytes_that_read_as_utf8_is_still_utf16() {
        // Chinese and Japanese in UTF-16 make bytes that read as ASCII (`在中` is `(W-N` in
        // little-endian, kana `W0~0`), and a char ending on `0A` (`上`, U+4E0A, big-endian;
        // Gurmukhi in little-endian) makes a last byte that reads as a line break. Cut at every
        // char, with and without a BOM, none is taken for UTF-8 joined to UTF-16.
        let texts = [
            "我们在中国的工厂禁止强迫劳动。我们尊重工人的权利，并在供应链中实施尽责管理之上",
            "当社は、すべての事業活動において人権を尊重し、強制労働を禁止します。上",
            "ਅਸੀਂ ਮਨੁੱਖੀ ਅਧਿਕਾਰਾਂ ਦਾ ਸਤਿਕਾਰ ਕਰਦੇ ਹਾਂ ਅਤੇ ਜਬਰੀ ਮਜ਼ਦੂਰੀ ਦੀ ਮਨਾਹੀ ਕਰਦੇ ਹਾਂ",
            "우리는 모든 사업장과 공급망에서 인권을 존중하며 강제노동을 금지합니다",
            // Big-endian, a last char U+xx0A of a block the text has not used: a fist, a
            // Bopomofo letter, a floor sign, a hair space.
            "我们在中国的工厂禁止强迫劳动。欢迎反馈 ✊",
            "最後一個字是 ㄊ",
            "Policy floor ⌊",
            "Policy end\u{200A}",
        ];
        for text in texts {
            let chars: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
            for end in chars.into_iter().chain([text.len()]) {
                let t = format!("Policy\n{}", &text[..end]);
                for (bom, encoding) in [(&b"\xff\xfe"[..], UTF_16LE), (b"\xfe\xff", UTF_16BE)] {
                    let units: Vec<u8> = if encoding == UTF_16LE {
                        t.encode_utf16().flat_map(u16::to_le_bytes).collect()
                    } else {
                        t.encode_utf16().flat_map(u16::to_be_bytes).collect()
                    };
                    let d = decode([bom, &units].concat(), None, false)
                        .unwrap_or_else(|e| panic!("{t:?} in {encoding:?}: {e:?}"));
                    assert_eq!((d.text.as_str(), d.encoding), (t.as_str(), encoding));
                    // Without a BOM, as detected (the ASCII line gives the NUL pattern).
                    if let Ok(d) = decode(units, None, false) {
                        assert_eq!(d.text, t, "{encoding:?}");
                    }
                }
            }
        }
        for name in [
            "utf16le-bom.txt",
            "utf16be-bom.txt",
            "utf16le-nobom.txt",
            "utf16be-nobom.txt",
        ] {
            let dir = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/ingest/encodings/"
            );
            let bytes = std::fs::read(format!("{dir}{name}")).unwrap();
            assert!(decode(bytes, None, false).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_few_chinese_words_in_gbk_guessed_as_korean_are_read_as_chinese() {
        // chardetng guesses EUC-KR (`익묏홈적`) for four Chinese chars in English, in text as
        // in a page without a declared charset.
        for text in [
            "We respect workers' rights (劳工权利) in all our operations and with our suppliers.",
            "<p>Policy: 反腐败 applies to all suppliers.</p>",
        ] {
            let (bytes, _, _) = encoding_rs::GBK.encode(text);
            for html in [false, true] {
                let d = decode(bytes.to_vec(), None, html).unwrap();
                assert_eq!((d.text.as_str(), d.replaced), (text, 0));
                assert_eq!(
                    (d.encoding, d.source),
                    (encoding_rs::GB18030, EncodingSource::Detected)
                );
            }
        }
    }

    #[test]
    fn korean_and_japanese_stay_korean_and_japanese() {
        let korean =
            "우리는 모든 사업장과 공급망에서 인권을 존중하며 강제노동과 아동노동을 금지합니다.";
        let japanese = "当社は、すべての事業活動とサプライチェーンにおいて人権を尊重し、強制労働と児童労働を禁止します。";
        for (text, encoding) in [
            (korean, encoding_rs::EUC_KR),
            (
                "Our Korean subsidiary (우리는) respects human rights.",
                encoding_rs::EUC_KR,
            ),
            (japanese, encoding_rs::SHIFT_JIS),
            (japanese, encoding_rs::EUC_JP),
        ] {
            let (bytes, _, _) = encoding.encode(text);
            let d = decode(bytes.to_vec(), None, false).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (text, encoding));
            assert_eq!(d.source, EncodingSource::Detected, "{text}");
        }
        // Japanese in kanji alone reads as Chinese in GB18030 too: from four chars, the guess
        // stands, marked as a guess.
        let (bytes, _, _) = encoding_rs::EUC_JP.encode("人権方針");
        let d = decode(bytes.to_vec(), None, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.source),
            ("人権方針", encoding_rs::EUC_JP, EncodingSource::Guessed)
        );
    }

    #[test]
    fn chinese_utf16_without_a_nul_byte_is_recognised() {
        // No ASCII char, so no NUL byte to show the UTF-16 pattern: read as Chinese in one
        // byte order, it is that. Japanese in Shift_JIS reads as Han chars in UTF-16BE, rare
        // ones: it stays Shift_JIS.
        let zh = "我们承诺尊重人权，禁止强迫劳动和童工。";
        for (encoding, bytes) in [
            (
                UTF_16LE,
                zh.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            ),
            (
                UTF_16BE,
                zh.encode_utf16()
                    .flat_map(u16::to_be_bytes)
                    .collect::<Vec<u8>>(),
            ),
        ] {
            let d = decode(bytes, None, false).unwrap();
            assert_eq!((d.text.as_str(), d.encoding), (zh, encoding));
            assert_eq!((d.source, d.replaced), (EncodingSource::Detected, 0));
        }
        let japanese = "当社は、すべての事業活動において人権を尊重し、強制労働を禁止します。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
        assert_eq!(bytes.len() % 2, 0);
        let d = decode(bytes.to_vec(), None, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            (japanese, encoding_rs::SHIFT_JIS)
        );
    }

    #[test]
    fn a_page_declared_charset_is_found_as_browsers_find_it() {
        let found = |page: &str| declared_charset(page.as_bytes()).map(Encoding::name);
        assert_eq!(found(r#"<meta charset="gb2312">"#), Some("GBK"));
        assert_eq!(found("<META CHARSET=Big5>"), Some("Big5"));
        assert_eq!(
            found(r#"<meta http-equiv="Content-Type" content="text/html; charset=gbk">"#),
            Some("GBK")
        );
        assert_eq!(
            found("<meta http-equiv=Content-Type content='text/html;charset = \"big5\"'>"),
            Some("Big5")
        );
        // `content` counts only with the pragma, and a charset attribute over it.
        assert_eq!(found(r#"<meta content="text/html; charset=gbk">"#), None);
        assert_eq!(
            found(r#"<meta content="charset=gbk" charset="big5" http-equiv="content-type">"#),
            Some("Big5")
        );
        // Comments and other tags' attributes hide nothing; the first meta with one wins.
        assert_eq!(
            found(
                r#"<!-- <meta charset="big5"> --><p title='<meta charset=big5>'><meta name=x><meta charset=gbk>"#
            ),
            Some("GBK")
        );
        // UTF-16 is read as UTF-8 there; unknown labels and the replacement encoding, nothing.
        assert_eq!(found(r#"<meta charset="utf-16">"#), Some("UTF-8"));
        assert_eq!(found(r#"<meta charset="klingon">"#), None);
        assert_eq!(found(r#"<meta charset="iso-2022-kr">"#), None);
        // Only the first 1024 bytes, and no panic on a cut tag.
        assert_eq!(
            found(&format!("{}<meta charset=gbk>", " ".repeat(1024))),
            None
        );
        for cut in [
            r#"<meta charset="gb"#,
            "<meta",
            "<!--",
            "<p a='",
            "<meta http-equiv= ",
        ] {
            assert_eq!(found(cut), None, "{cut}");
        }
    }

    #[test]
    fn a_declared_charset_comes_before_detection_in_html_only() {
        let page = "<html><head><meta charset=\"gb2312\"></head><body><p>Key term (劳工) used in our Chinese policy.</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let d = decode(bytes.to_vec(), None, true).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.name()), (page, "GBK"));
        assert_eq!((d.source, d.replaced), (EncodingSource::Declared, 0));
        // Not in other formats, and an explicit encoding still wins.
        assert_eq!(
            decode(bytes.to_vec(), None, false).unwrap().source,
            EncodingSource::Detected
        );
        let d = decode(bytes.to_vec(), Some(encoding_rs::BIG5), true).unwrap();
        assert_eq!(d.source, EncodingSource::Option);
        // Valid UTF-8 stays UTF-8; a declared UTF-8 that does not validate is detected.
        let d = decode(page.as_bytes().to_vec(), None, true).unwrap();
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Detected));
        let utf8_declared = page.replace("gb2312", "utf-8");
        let (bytes, _, _) = encoding_rs::GBK.encode(&utf8_declared);
        let d = decode(bytes.to_vec(), None, true).unwrap();
        assert_eq!(d.source, EncodingSource::Detected);
        // A single-byte charset declared on a GBK page is not taken: it decodes any bytes.
        let page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>我们承诺尊重所有员工的人权，禁止强迫劳动和童工。</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let d = decode(bytes.to_vec(), None, true).unwrap();
        assert_eq!(
            (d.source, d.text.as_str()),
            (EncodingSource::Detected, page)
        );
        // Nor any charset on UTF-8 with a damaged byte: it is UTF-8 with one char replaced.
        let page = "<html><head><meta charset=\"gb2312\"></head><body><p>人权政策：我们承诺尊重所有员工的人权。</p></body></html>";
        let mut bytes = page.as_bytes().to_vec();
        bytes.insert(bytes.len() - 20, 0xE9);
        let d = decode(bytes, None, true).unwrap();
        assert_eq!((d.encoding, d.replaced), (UTF_8, 1));
    }
}
