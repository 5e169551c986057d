//! Property tests: whatever the input, segmentation does not panic, passages do not overlap,
//! every range lies on char boundaries, clean text maps back, and the output does not depend on
//! the number of threads or on the order documents are given in.

use crate::segment_support;

use hria::model::{Document, Format, Passage};
use hria::segment::Segmenter;
use proptest::prelude::*;
use rayon::prelude::*;
use segment_support::{check, doc};

const PIECES: &[&str] = &[
    "# ",
    "## ",
    "### ",
    "**",
    "*",
    "_",
    "[",
    "](#)",
    "](",
    ")",
    "`",
    "\n",
    "\n\n",
    "\n\n\n",
    "- ",
    "* ",
    "1. ",
    "• ",
    "&amp;",
    "&",
    "&#x4E2D;",
    "&lt;",
    "<p>",
    "</p>",
    "<h2>",
    "</h2>",
    "<li>",
    "</li>",
    "<ul>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<b>",
    "</b>",
    "<br>",
    "<div class=\"a'b\">",
    ">",
    "<",
    "性",
    "别",
    "人权",
    "捍卫者",
    "。",
    "：",
    ":",
    "；",
    ".",
    "Xbox",
    "Live",
    " ",
    "強迫勞動",
    "\r\n",
    "|",
    "---",
    "> ",
    "    ",
    "\t",
    "é",
    "🙂",
    "ＡＢＣ",
    "”",
    "（",
    "）",
    "\\",
    "\u{3000}",
    "\u{a0}",
    "&nbsp;",
    "&copy",
    "&amp",
    "&not",
    "=2",
    "&unknownentity;",
    "&#39",
    "```\n",
    "<table><tr><td>",
    "</td></tr></table>",
    // A BOM opening a line (two files joined) is read past, and the ranges moved around it.
    "\n\u{FEFF}",
    "\u{FEFF}",
];

fn markupish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        markupish(),
        // Longer than a passage may be, so that overlong blocks are cut.
        markupish().prop_map(|s| s.repeat(40)),
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..300)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Markdown),
        Just(Format::Text),
        Just(Format::Html)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn invariants_hold_for_any_input(text in any_text(), format in format()) {
        let d = doc("p", format, &text);
        let ps = Segmenter::shared().segment(&d);
        if let Err(e) = check(&d, &ps) {
            return Err(TestCaseError::fail(format!("{e}\ninput: {text:?}\npassages: {ps:#?}")));
        }
    }

    #[test]
    fn same_output_with_one_or_four_threads_and_in_any_order(
        texts in prop::collection::vec((markupish(), format()), 1..6),
        seed in any::<u64>(),
    ) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, (t, f))| doc(&format!("d{i}"), *f, t))
            .collect();
        let run = |threads: usize, docs: &[Document]| -> Vec<Vec<Passage>> {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| docs.par_iter().map(|d| Segmenter::shared().segment(d)).collect())
        };
        let one = run(1, &docs);
        prop_assert_eq!(&one, &run(4, &docs));
        // Shuffled input: each document still gets the same passages.
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let n = order.len();
        for i in 0..n {
            order.swap(i, (seed as usize).wrapping_add(i * 7) % n);
        }
        let shuffled: Vec<Document> = order.iter().map(|&i| docs[i].clone()).collect();
        let out = run(4, &shuffled);
        for (k, &i) in order.iter().enumerate() {
            prop_assert_eq!(&out[k], &one[i]);
        }
    }
}

/// Long mixed texts (entities, code spans over line breaks, inline HTML, zero-width and combining
/// chars, few or many sentence ends), so that overlong blocks are cut where runs map back only as
/// a whole; seeded, so that a failure repeats.
#[test]
fn invariants_hold_for_long_mixed_texts() {
    const PARTS: &[&str] = &[
        "word ",
        "word",
        "人权",
        "强迫劳动",
        "。",
        "，",
        ", ",
        ". ",
        "! ",
        "? ",
        "；",
        "：",
        ")",
        "）",
        "&amp;",
        "&lt;",
        "&#x4E2D;",
        "&nbsp;",
        "&ngE;",
        "\\.",
        "\\*",
        "`a. B`",
        "`x\ny. Z`",
        "**b**",
        "*i*",
        "\n",
        "\r\n",
        " ",
        "  ",
        "\u{200B}",
        "e\u{301}",
        "👩‍👩‍👧",
        "<br>",
        "<b>",
        "</b>",
        "[l](#)",
        "\u{a0}",
        "”",
        "\u{2028}",
    ];
    // xorshift64
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..200 {
        let len = 200 + (next() % 3000) as usize;
        let mut text = String::new();
        for _ in 0..len {
            let p = PARTS[(next() % PARTS.len() as u64) as usize];
            // A third of the texts have no sentence ends at all.
            if case % 3 == 0 && matches!(p, "。" | ". " | "! " | "? " | "；") {
                continue;
            }
            text.push_str(p);
        }
        for format in [Format::Markdown, Format::Html, Format::Text] {
            let d = doc("f", format, &text);
            let ps = Segmenter::shared().segment(&d);
            if let Err(e) = check(&d, &ps) {
                panic!("case {case} {format:?}: {e}\ninput: {text:?}");
            }
            for p in &ps {
                let n = p.text.chars().count();
                assert!(
                    n <= hria::segment::MAX_PASSAGE_CHARS + 20,
                    "case {case} {format:?}: {n} chars"
                );
            }
        }
    }
}
