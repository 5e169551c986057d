//! Segmentation of the statement and of small Markdown, HTML and plain-text samples.

use crate::segment_support;

use hria::model::{Format, Passage, PassageKind};
use hria::segment::{sentences, Segmenter};
use segment_support::{check, doc, in_order, statement};

fn seg() -> &'static Segmenter {
    Segmenter::shared()
}

/// The passages of a text, checked against every segmentation invariant.
fn checked(id: &str, format: Format, text: &str) -> Vec<Passage> {
    let d = doc(id, format, text);
    let ps = seg().segment(&d);
    check(&d, &ps).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    ps
}

/// The kind and clean text of every passage.
fn kinds_and_texts(ps: &[Passage]) -> Vec<(PassageKind, &str)> {
    ps.iter().map(|p| (p.kind, p.text.as_str())).collect()
}

/// The clean text of every passage.
fn texts(ps: &[Passage]) -> Vec<&str> {
    ps.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn statement_sections() {
    let d = statement();
    let ps = seg().segment(&d);
    check(&d, &ps).unwrap();
    let headings: Vec<_> = ps
        .iter()
        .filter(|p| p.kind == PassageKind::Heading)
        .map(|p| (p.text.as_str(), p.section.join(" › ")))
        .collect();
    assert_eq!(
        headings,
        vec![
            (
                "Microsoft 全球人权声明",
                "Microsoft 全球人权声明".to_string()
            ),
            ("简介", "Microsoft 全球人权声明 › 简介".to_string()),
            ("我们的责任", "我们的责任".to_string()),
            ("基本原则", "基本原则".to_string()),
            ("关键影响领域", "关键影响领域".to_string()),
            ("内部治理", "内部治理".to_string()),
        ]
    );
    // Bold lead-ins open sub-sections and keep their words (without the `**`).
    let remedy = ps
        .iter()
        .find(|p| p.text.starts_with("我们承诺实施补救："))
        .expect("remedy paragraph");
    assert_eq!(remedy.section, ["基本原则", "我们承诺实施补救"]);
    assert_eq!(remedy.kind, PassageKind::Paragraph);
    // The signature stays alone, in the introduction.
    let sig = ps
        .iter()
        .find(|p| p.text == "Brad Smith, 总裁")
        .expect("signature");
    assert_eq!(sig.section, ["Microsoft 全球人权声明", "简介"]);
    // The next heading closes the lead-in's sub-section.
    let customers = ps
        .iter()
        .find(|p| p.text.starts_with("我们的客户："))
        .unwrap();
    assert_eq!(customers.section, ["关键影响领域", "我们的客户"]);
    let gov = ps
        .iter()
        .find(|p| p.text.starts_with("Microsoft 董事会"))
        .unwrap();
    assert_eq!(gov.section, ["内部治理"]);
}

#[test]
fn statement_page_breaks_repaired() {
    let d = statement();
    let ps = seg().segment(&d);
    for (whole, before, after) in [
        ("性别、性取向", "性\n", "别、性取向"),
        ("以实现我们开发", "以实\n", "现我们开发"),
        ("采购计划中。我们承认", "采购计划\n", "中。我们承认"),
    ] {
        let p = ps
            .iter()
            .find(|p| p.text.contains(whole))
            .unwrap_or_else(|| panic!("{whole} not found whole"));
        let src = &d.text[p.range.clone()];
        assert!(
            src.contains(before) && src.contains(after),
            "{whole}: range does not span both parts"
        );
        // The second part is a run of its own, starting where the first part stops.
        let join = p.text.find(whole).unwrap() + before.trim_end().len();
        let run = p.map.runs().iter().find(|r| r.clean_start == join);
        let run = run.unwrap_or_else(|| panic!("{whole}: no run starts at the join"));
        assert!(d.text[run.orig_start..].starts_with(after), "{whole}");
        assert!(d.text[..run.orig_start]
            .trim_end()
            .ends_with(before.trim_end()));
        assert_eq!(p.kind, PassageKind::Paragraph);
    }
    assert!(!ps
        .iter()
        .any(|p| p.text == "别、性取向" || p.text.starts_with("中。")));
}

#[test]
fn statement_instruments_are_list_items() {
    let d = statement();
    let ps = seg().segment(&d);
    let instruments = [
        "《世界人权宣言》",
        "《公民权利和政治权利国际公约》",
        "《经济、社会及文化权利国际公约》",
        "《国际劳工组织关于工作中的基本原则和权利宣言》",
        "《消除一切妇女歧视公约》",
        "《儿童权利公约》",
        "《残疾人权利公约》",
        "《消除一切种族歧视国际公约》",
        "《保护所有移民工人及其家庭成员权利国际公约》",
        "《日内瓦公约》及其附加议定书",
        "《国际刑事法院罗马规约》",
        "《联合国原住民权利宣言》",
        "《联合国人权捍卫者宣言》",
    ];
    for name in instruments {
        let p = ps
            .iter()
            .find(|p| p.text == name)
            .unwrap_or_else(|| panic!("{name}: no passage"));
        assert_eq!(p.kind, PassageKind::ListItem, "{name}");
        assert_eq!(p.section, ["我们的责任", "定义人权"], "{name}");
        // The link's text is kept, its target is not.
        assert!(d.text[p.range.clone()].contains("](#)"));
    }
}

#[test]
fn statement_clean_text_in_order_within_range() {
    let d = statement();
    let ps = seg().segment(&d);
    assert!(ps.len() > 80, "only {} passages", ps.len());
    for p in &ps {
        assert!(in_order(&p.text, &d.text[p.range.clone()]), "{}", p.id);
        assert!(
            !p.text.contains("**") && !p.text.contains("](#)"),
            "{}: markup left",
            p.id
        );
        assert!(p.id.starts_with("microsoft.zh.md#"));
    }
    // Ids: ordinal and a short hash of the text, the same on every run.
    let again = seg().segment(&d);
    assert_eq!(ps, again);
    let id = &ps[12].id;
    let (ordinal, hash) = id["microsoft.zh.md#".len()..].split_once('-').unwrap();
    assert_eq!(ordinal, "0012");
    assert_eq!(
        hash,
        format!("{:08x}", crc32fast::hash(ps[12].text.as_bytes()))
    );
}

#[test]
fn markdown_links_lead_ins_and_lists() {
    let text = "# 标题\n\n见 [《儿童权利公约》](https://example.org/crc) 与 `code`。\n\n**定义：**正文第一段。\n\n下列各项：\n\n- 甲\n- [乙](#)\n\n**另一个：** 第二段。\n\n## 下一节\n\n段落。\n";
    let ps = checked("t.md", Format::Markdown, text);
    let got: Vec<_> = ps
        .iter()
        .map(|p| (p.kind, p.text.as_str(), p.section.join("/")))
        .collect();
    use PassageKind::*;
    assert_eq!(
        got,
        vec![
            (Heading, "标题", "标题".into()),
            (Paragraph, "见 《儿童权利公约》 与 code。", "标题".into()),
            (Paragraph, "定义：正文第一段。", "标题/定义".into()),
            (Paragraph, "下列各项：", "标题/定义".into()),
            (ListItem, "甲", "标题/定义".into()),
            (ListItem, "乙", "标题/定义".into()),
            (Paragraph, "另一个： 第二段。", "标题/另一个".into()),
            (Heading, "下一节", "标题/下一节".into()),
            (Paragraph, "段落。", "标题/下一节".into()),
        ]
    );
}

#[test]
fn markdown_entities_map_to_their_source() {
    let text = "Tom &amp; Jerry \\* ok\n";
    let ps = checked("e.md", Format::Markdown, text);
    assert_eq!(ps[0].text, "Tom & Jerry * ok");
    let amp = ps[0].text.find('&').unwrap();
    let r = ps[0].map.range_to_orig(amp..amp + 1);
    assert_eq!(&text[r], "&amp;");
}

#[test]
fn markdown_soft_breaks() {
    let ps = checked(
        "s.md",
        Format::Markdown,
        "中文换行\n继续。\nEnglish line\nwraps here.\n",
    );
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, "中文换行继续。\nEnglish line\nwraps here.");
}

#[test]
fn markdown_table_cells_br_and_html_blocks_keep_words_apart() {
    let text = "# 表\n\n| 权利 | 状态 |\n|---|---|\n| Forced labour | None |\n|强迫劳动|禁止|\n| Freedom of association and collective bargaining | Partly |\n| Child labour in the supply chain | None found |\n\nLine one<br>line two\n\n<div><p>Raw <b>HTML</b> on forced labour.</p>\n<p>童工&amp;强迫劳动</p></div>\n\nAfter.\n";
    let ps = checked("t.md", Format::Markdown, text);
    let got: Vec<(&str, String)> = ps
        .iter()
        .map(|p| (p.text.as_str(), p.section.join("/")))
        .collect();
    assert_eq!(
        got,
        vec![
            ("表", "表".to_string()),
            ("权利 状态", "表".into()),
            ("Forced labour None", "表".into()),
            ("强迫劳动 禁止", "表".into()),
            // Long rows without a full stop are still rows, not a paragraph cut by a page break.
            (
                "Freedom of association and collective bargaining Partly",
                "表".into()
            ),
            ("Child labour in the supply chain None found", "表".into()),
            ("Line one line two", "表".into()),
            ("Raw HTML on forced labour.", "表".into()),
            ("童工&强迫劳动", "表".into()),
            ("After.", "表".into()),
        ]
    );
    // Cells are separate words, so the tokens do not run across them.
    assert!(words(&ps[2]).contains(&"labour") && words(&ps[2]).contains(&"None"));
    assert!(words(&ps[3]).contains(&"禁止"));
    // Text from the HTML block maps back to its source characters.
    let p = &ps[8];
    let amp = p.text.find('&').unwrap();
    assert_eq!(&text[p.map.range_to_orig(amp..amp + 1)], "&amp;");
    let raw = &ps[7];
    let at = raw.text.find("forced").unwrap();
    assert_eq!(&text[raw.map.range_to_orig(at..at + 6)], "forced");
}

#[test]
fn html_line_breaks_separate_words() {
    let text = "<p>Line one<br>line two<br/>强迫劳动<br>童工</p>";
    let ps = checked("b.html", Format::Html, text);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, "Line one line two 强迫劳动 童工");
}

#[test]
fn html_structure_entities_and_dropped_elements() {
    let text = "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head>\n<body>\n<h1>人权声明</h1>\n<script>var x = '<p>not text</p>';</script>\n<p><strong>我们的承诺：</strong>尊重 A &amp; B&#x4E2D;文。</p>\n<ul><li>第一项</li>\n<li>Second &lt;item&gt;</li></ul>\n<h2>Next</h2><p>End.</p>\n</body></html>";
    let ps = checked("h.html", Format::Html, text);
    let got: Vec<_> = ps
        .iter()
        .map(|p| (p.kind, p.text.as_str(), p.section.join("/")))
        .collect();
    use PassageKind::*;
    assert_eq!(
        got,
        vec![
            (Heading, "人权声明", "人权声明".into()),
            (
                Paragraph,
                "我们的承诺：尊重 A & B中文。",
                "人权声明/我们的承诺".into()
            ),
            (ListItem, "第一项", "人权声明/我们的承诺".into()),
            (ListItem, "Second <item>", "人权声明/我们的承诺".into()),
            (Heading, "Next", "人权声明/Next".into()),
            (Paragraph, "End.", "人权声明/Next".into()),
        ]
    );
    let p = &ps[1];
    let amp = p.text.find('&').unwrap();
    assert_eq!(&text[p.map.range_to_orig(amp..amp + 1)], "&amp;");
    let zhong = p.text.find('中').unwrap();
    assert_eq!(&text[p.map.range_to_orig(zhong..zhong + 3)], "&#x4E2D;");
    assert!(!ps
        .iter()
        .any(|p| p.text.contains("not text") || p.text.contains("color")));
}

/// A site's navigation is no text of the document: its link words ("Privacy") would be tagged as
/// topics. What follows it keeps its offsets.
#[test]
fn html_navigation_is_dropped() {
    let text = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/privacy\">Privacy</a><ul><li><a href=\"/careers\">Careers</a></li></ul></nav>\n<h1>Human rights policy</h1>\n<p>We respect the rights of workers.</p></body></html>";
    let ps = checked("n.html", Format::Html, text);
    let got: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        got,
        ["Human rights policy", "We respect the rights of workers."]
    );
}

/// Whitespace the HTML parser drops (before the first text, between `<html>` and `<body>`, after
/// `<pre>`), Windows line ends and attribute values equal to a text never put the text out of
/// step with its source: each text is found where it stands, nothing is lost, nothing maps into
/// a tag.
#[test]
fn html_text_is_found_past_whitespace_the_parser_drops() {
    let cases: &[(&str, &[&str])] = &[
        (
            "<html>\n<body>\n<p>我们&nbsp;尊重人权。</p>\n<p>Tom &amp; Jerry.</p>\n</body>\n</html>",
            &["我们\u{a0}尊重人权。", "Tom & Jerry."],
        ),
        (
            "<html>\r\n<body>\r\n<p>We respect the rights\r\nof all workers.</p>\r\n</body>\r\n</html>\r\n",
            &["We respect the rights\nof all workers."],
        ),
        ("<p>Intro.</p><pre>\nTom &amp; Jerry</pre>", &["Intro.", "Tom & Jerry"]),
        ("  我们禁止&nbsp;强迫劳动。", &["我们禁止\u{a0}强迫劳动。"]),
        ("\n<p class=\"intro\">intro</p>", &["intro"]),
        ("<!-->\n<p>after an empty comment</p>", &["after an empty comment"]),
        // Elements left out whole never keep the text after them from being found.
        (
            "<html><body><nav><a href=\"/\"><svg><title>Home</title><path d=\"M0\"/></svg></a></nav><h1>Modern slavery statement</h1><p>We prohibit forced labour.</p></body></html>",
            &["Modern slavery statement", "We prohibit forced labour."],
        ),
        (
            "<p>A</p><svg viewBox=\"0 0 1 1\"/><p>B.</p><math><mi>x</mi><math><mi>y</mi></math></math><p>C.</p><template><p>hidden</p></template><p>D.</p><object>Download</object><p>E.</p>",
            &["A", "B.", "C.", "D.", "E."],
        ),
        // A text of nothing but invisible chars after a `<br>` leaves the space to the next.
        (
            "<p>Forced labour<br>\u{ad}<span>child labour</span></p>",
            &["Forced labour child labour"],
        ),
        // Text the parser moves before a table is left out, not claimed after the rows.
        (
            "<table><tr><td>We prohibit forced labour</td></tr>\n<tr><td>child</td></tr>备注</table>",
            &["We prohibit forced labour", "child"],
        ),
    ];
    for (text, want) in cases {
        let ps = html_passages(text, want);
        for p in &ps {
            let source = &text[p.range.clone()];
            assert!(!source.starts_with(['<', '"', '=']), "{text:?}: {source:?}");
            if !source.contains(['&', '\r', '<']) {
                assert_eq!(source, p.text, "{text:?}");
            }
        }
    }
}

/// The passages of an HTML text, checked against the invariants and expected to read `want`.
fn html_passages(text: &str, want: &[&str]) -> Vec<Passage> {
    let ps = checked("w.html", Format::Html, text);
    let got = texts(&ps);
    assert_eq!(got, want, "{text:?}");
    ps
}

/// A line break inside an HTML paragraph is a wrap of the source, as a soft break is in
/// Markdown: nothing between Chinese chars (one word, one sentence), one break elsewhere, no
/// indentation; preformatted text keeps its lines.
#[test]
fn html_line_wraps_read_as_soft_breaks() {
    let cases: &[(&str, &[&str])] = &[
        (
            "<p>我们禁止强迫\n      劳动和童工。We respect the\n      rights of people.</p>",
            &["我们禁止强迫劳动和童工。We respect the\nrights of people."],
        ),
        ("<p>我们禁止强迫\r\n劳动。</p>", &["我们禁止强迫劳动。"]),
        // The indent after a Windows line end goes with the wrap.
        (
            "<p>我们禁止强迫\r\n    劳动。We ban\r\n    forced labour.</p>",
            &["我们禁止强迫劳动。We ban\nforced labour."],
        ),
        ("<h2>Human rights\rpolicy</h2>", &["Human rights\npolicy"]),
        ("<p>强迫&#10;劳动</p>", &["强迫劳动"]),
        ("<p>强迫<b>\n劳动</b></p>", &["强迫劳动"]),
        ("<pre>强迫\n劳动</pre>", &["强迫\n劳动"]),
    ];
    for (text, want) in cases {
        html_passages(text, want);
    }
    let p = &html_passages(cases[0].0, cases[0].1)[0];
    assert!(
        p.tokens.iter().any(|t| t.term == "强迫劳动"),
        "{:?}",
        p.tokens
    );
    // One sentence for the Chinese, whose wrap is no break.
    assert_eq!(&p.text[p.sentences[0].clone()], "我们禁止强迫劳动和童工。");
}

/// HTML structure an analyst relies on: a term and its definition, a footer or a quotation are
/// never joined to the next block as if a page break had cut them; a list item's paragraph is a
/// list item; a `role="heading"` element is a heading; `&nbsp;` letter spacing is left out.
#[test]
fn html_blocks_keep_their_structure() {
    let cases: &[(&str, &[&str])] = &[
        (
            "<dl><dt>举报热线</dt><dd>400-800-1234（工作日 9:00-18:00）</dd><dt>电子邮箱</dt><dd>ethics@example.com</dd></dl>",
            &["举报热线", "400-800-1234（工作日 9:00-18:00）", "电子邮箱", "ethics@example.com"],
        ),
        (
            "<p>Signed for and on behalf of Harrow plc</p><footer><p>© 2023 Harrow plc</p></footer>",
            &["Signed for and on behalf of Harrow plc", "© 2023 Harrow plc"],
        ),
        (
            "<blockquote>We believe that every worker has</blockquote><p>the right to a fair wage.</p>",
            &["We believe that every worker has", "the right to a fair wage."],
        ),
        // Running text cut by a page break is still joined.
        (
            "<p>We believe that every worker has</p><p>the right to a fair wage.</p>",
            &["We believe that every worker has the right to a fair wage."],
        ),
    ];
    for (text, want) in cases {
        html_passages(text, want);
    }
    let ps = html_passages(
        "<ul><li><p>We ban forced labour.</p></li><li>Second item</li></ul>",
        &["We ban forced labour.", "Second item"],
    );
    assert!(ps.iter().all(|p| p.kind == PassageKind::ListItem), "{ps:?}");
    let ps = html_passages(
        "<h1>Code</h1><div role=\"heading\" aria-level=\"2\">Forced labour</div><p>We ban it.</p>",
        &["Code", "Forced labour", "We ban it."],
    );
    assert_eq!(ps[1].kind, PassageKind::Heading);
    assert_eq!(ps[2].section, ["Code", "Forced labour"]);
    let ps = html_passages(
        "<h2>人&nbsp;&nbsp;权&nbsp;&nbsp;政&nbsp;&nbsp;策</h2><p>人权&nbsp;政策</p>",
        &["人权政策", "人权\u{a0}政策"],
    );
    assert_eq!(ps[1].section, ["人权政策"]);
}

/// A heading wrapped in its source names its section on one line: the passage keeps its line
/// break (offsets), the section path does not; a Chinese heading wrapped between Han chars joins.
#[test]
fn wrapped_headings_name_their_section_on_one_line() {
    let ps = checked(
        "w.html",
        Format::Html,
        "<h2>Human\n  rights policy</h2><p>We ban forced labour.</p><h2>基本\n原则</h2><p>我们尊重人权。</p>",
    );
    assert_eq!(ps[1].section, ["Human rights policy"]);
    assert_eq!(ps[3].section, ["基本原则"]);
    let ps = checked(
        "s.md",
        Format::Markdown,
        "Human rights\npolicy of Acme\n============\n\n**Our commitment to\nremedy:** we provide remedy.\n",
    );
    let last = ps.last().unwrap();
    assert_eq!(
        last.section,
        ["Human rights policy of Acme", "Our commitment to remedy"]
    );
    // A heading of a control char alone names no section (an empty name would read back as no
    // section once indexed, unlike what segment showed).
    let ps = checked("c.md", Format::Markdown, "# A\n\n## \u{1f}\n\nText.\n");
    assert_eq!(ps.last().unwrap().section, ["A"]);
}

/// A page of text marked as a heading names its section by its first 200 chars: each passage
/// under it carries the name, which whole would cost memory and time per passage. The heading's
/// own passages keep its whole text.
#[test]
fn a_huge_heading_names_its_section_by_its_start() {
    let heading = "人权".repeat(5_000);
    let body: String = (0..50)
        .map(|i| format!("第{i}段 公司尊重人权。\n\n"))
        .collect();
    let ps = checked("h.md", Format::Markdown, &format!("# {heading}\n\n{body}"));
    let whole: String = ps
        .iter()
        .filter(|p| p.kind == PassageKind::Heading)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(whole, heading);
    let name = &ps.last().unwrap().section[0];
    assert_eq!(name.chars().count(), 201, "{name}");
    assert!(name.ends_with('…') && heading.starts_with(name.trim_end_matches('…')));
    // A name of 200 chars is whole.
    let heading = "权".repeat(200);
    let ps = checked(
        "h2.md",
        Format::Markdown,
        &format!("# {heading}\n\n公司尊重人权。\n"),
    );
    assert_eq!(ps.last().unwrap().section, [heading]);
}

/// Footnotes: an HTML footnote marker (`<sup>1</sup>`) is left out, so that it does not stick
/// to the word before it (`labour1`); a Markdown footnote's marker is left out and its text is a
/// passage of its own, which a definition without spaces (`[^1]: 本声明…`) used to lose.
#[test]
fn footnote_markers_are_left_out_and_footnotes_kept() {
    let ps = html_passages(
        "<p>We prohibit forced labour<sup>1</sup> in our supply chain and child labour<sup>[2]</sup>.</p><p>the 1<sup>st</sup> year, x<sup>a</sup></p><p>强迫劳动<sup>3</sup>风险</p>",
        &[
            "We prohibit forced labour in our supply chain and child labour.",
            "the 1st year, xa",
            "强迫劳动风险",
        ],
    );
    assert!(ps[2].tokens.iter().any(|t| t.term == "强迫劳动"));
    let text = "我们识别了强迫劳动风险[^1]。\n\n[^1]: 本声明所称现代奴役包括强迫劳动和债务劳役\n\nWe ban forced labour[^n] in our supply chain.\n\n[^n]: As defined by the ILO Forced Labour Convention, 1930\n    (No. 29).\n";
    let ps = checked("f.md", Format::Markdown, text);
    let got = texts(&ps);
    assert_eq!(
        got,
        [
            "我们识别了强迫劳动风险。",
            "本声明所称现代奴役包括强迫劳动和债务劳役",
            "We ban forced labour in our supply chain.",
            "As defined by the ILO Forced Labour Convention, 1930\n(No. 29).",
        ]
    );
}

/// A running header or footer beside a page number is page furniture: the sentence a page
/// break cut is joined across both, whichever comes first, and the header is not read into it.
#[test]
fn running_headers_beside_page_numbers_are_page_furniture() {
    let header = "Kestrel Mining | Human Rights Report 2023";
    let cut = "We recognise that there is more to do, particularly in relation to";
    let rest = "the resettlement of households at our Tamarind project.";
    let joined = format!("{cut}\n{rest}");
    for middle in [
        format!("Page 3 of 24\n\n{header}"),
        format!("{header}\n\nPage 3 of 24"),
    ] {
        let text = format!("# Report\n\n{header}\n\n{cut}\n\n{middle}\n\n{rest}\n");
        let ps = checked("r.md", Format::Markdown, &text);
        let got = texts(&ps);
        assert_eq!(got, ["Report", header, joined.as_str()], "{text}");
    }
    // A line of text beside a page number is no furniture, though it opens like another line:
    // nothing of it is left out.
    let text = "We are committed to respecting human rights.\n\nOur suppliers must follow the code and\n\nPage 3 of 24\n\nWe are committed to ensuring that workers\n\nare paid fairly.\n";
    let ps = checked("s.md", Format::Markdown, text);
    let got = texts(&ps);
    assert_eq!(
        got,
        [
            "We are committed to respecting human rights.",
            "Our suppliers must follow the code and",
            "Page 3 of 24",
            "We are committed to ensuring that workers\nare paid fairly.",
        ]
    );
    // In Markdown `- 5 -` is a page number, not the list item `5 -`; `- 3` stays a list item.
    let text = "We recognise that there is more to do, particularly in relation to\n\n- 5 -\n\nthe resettlement of households.\n\n- 3\n- item\n";
    let ps = checked("p.md", Format::Markdown, text);
    let got = kinds_and_texts(&ps);
    assert_eq!(
        got,
        [
            (
                PassageKind::Paragraph,
                "We recognise that there is more to do, particularly in relation to\nthe resettlement of households."
            ),
            (PassageKind::ListItem, "3"),
            (PassageKind::ListItem, "item"),
        ]
    );
    // In Traditional Chinese, with 頁.
    let text = "## 人權政策\n\n本公司定期進行人權風險評估，辨識營運過程中可能對員工、移工及在地社區造成之\n\n第 3 頁\n\n負面衝擊，據以訂定減緩及補救措施。\n";
    let ps = checked("t.md", Format::Markdown, text);
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert!(ps[1].text.contains("造成之負面衝擊"), "{:?}", ps[1].text);
}

/// Points numbered so (`（一）`, `(2)`, `(b)`, `a)`) are list items in plain text too, and as
/// paragraphs of their own in Markdown. A line opens one where it opens a block, follows the
/// point before it, comes after a line that ends its sentence or after a title, or is `①` or
/// `a)`; a wrap that puts `(1)` or `（一）项` first in a line stays text, and so do phone numbers
/// and years. Page-break repair joins a point's halves and never joins a point to the one
/// before it.
#[test]
fn numbered_points_are_list_items_in_every_format() {
    use PassageKind::{ListItem as L, Paragraph as P};
    type Case<'a> = (&'a str, Format, &'a [(PassageKind, &'a str)]);
    let cases: &[Case] = &[
        // Lines of a Markdown paragraph, each a point; a marker inside a line is text.
        (
            "员工违反规定的，公司将：\n① 立即停止其工作；\n② 通知其上级；\n\nWe will:\na) stop the work;\nb) inform the\nsupplier.\n\n（一）单独或者合谋的；\n（二）与他人串通的。\n\n第五条 条款（一）的内容\n不是列表。\n",
            Format::Markdown,
            &[
                (P, "员工违反规定的，公司将："),
                (L, "① 立即停止其工作；"),
                (L, "② 通知其上级；"),
                (P, "We will:"),
                (L, "a) stop the work;"),
                (L, "b) inform the\nsupplier."),
                (L, "（一）单独或者合谋的；"),
                (L, "（二）与他人串通的。"),
                (P, "第五条 条款（一）的内容不是列表。"),
            ],
        ),
        (
            "员工违反规定的，公司将：\n（一）立即停止其工作；\n（二）通知其上级\n（三）记录在案。\n\nWe ban forced labour, as set out in section 54\n(1) of the Act, and we will:\n(a) stop the work;\n(b) inform the supplier.\n\n(418) 624-4565 or\n(02) 9876 5432 is our hotline.\n",
            Format::Text,
            &[
                (P, "员工违反规定的，公司将："),
                (L, "（一）立即停止其工作；"),
                (L, "（二）通知其上级"),
                (L, "（三）记录在案。"),
                (P, "We ban forced labour, as set out in section 54\n(1) of the Act, and we will:"),
                (L, "(a) stop the work;"),
                (L, "(b) inform the supplier."),
                (P, "(418) 624-4565 or\n(02) 9876 5432 is our hotline."),
            ],
        ),
        // A line a paragraph, as PDF extraction gives: the wrapped point is joined again.
        (
            "Our Supplier Code requires that suppliers:\n(i) do not use forced, bonded or indentured labour, or\ninvoluntary prison labour; and\n(ii) pay at least the legal minimum wage.\nWe audit suppliers annually.\n",
            Format::Text,
            &[
                (P, "Our Supplier Code requires that suppliers:"),
                (L, "(i) do not use forced, bonded or indentured labour, or\ninvoluntary prison labour; and"),
                (L, "(ii) pay at least the legal minimum wage."),
                (P, "We audit suppliers annually."),
            ],
        ),
        // A wrap inside a point, a title, a page break inside a point.
        (
            "第十条　有下列情形之一的，处五万元以下罚款：\n（一）未按照规定签订劳动合同的；\n（二）有本条例第八条第\n（一）项情形之一，拒不改正的；\n（三）其他违法行为。\n\n主要措施\n（１）开展供应商审核；\n（２）建立申诉机制。\n\n第二条　有下列行为之一的，依法追究责任：\n① 以暴力、威胁或者非法限制人身自由的手段\n\n3\n\u{c}强迫他人劳动的；\n② 与他人串通的。\n",
            Format::Text,
            &[
                (P, "第十条　有下列情形之一的，处五万元以下罚款："),
                (L, "（一）未按照规定签订劳动合同的；"),
                (L, "（二）有本条例第八条第（一）项情形之一，拒不改正的；"),
                (L, "（三）其他违法行为。"),
                (P, "主要措施"),
                (L, "（１）开展供应商审核；"),
                (L, "（２）建立申诉机制。"),
                (P, "第二条　有下列行为之一的，依法追究责任："),
                (L, "① 以暴力、威胁或者非法限制人身自由的手段强迫他人劳动的；"),
                (L, "② 与他人串通的。"),
            ],
        ),
        (
            "员工违反规定的，公司将：\n\n（一）以暴力、威胁或者非法限制人身自由的手段强迫他人劳动的\n\n（二）与他人串通的。\n\n(2023) 年度报告\n\nThis statement is made pursuant to section 54\n(1) of the Modern Slavery Act 2015.\n",
            Format::Markdown,
            &[
                (P, "员工违反规定的，公司将："),
                (L, "（一）以暴力、威胁或者非法限制人身自由的手段强迫他人劳动的"),
                (L, "（二）与他人串通的。"),
                (P, "(2023) 年度报告"),
                (P, "This statement is made pursuant to section 54\n(1) of the Modern Slavery Act 2015."),
            ],
        ),
        // A citation a wrap or a page break put first in a line, a footnote mark, a new list
        // after an old one, a bullet that opens with a number.
        (
            "(a) the right to vote;\n(b) the right to stand.\n\nThe Minister may, under paragraph\n(c) of subsection 2, make regulations.\n\n第十三条　违反本条例第五条第\n（一）项规定的，责令改正。\n\n委员会在第35号一般性意见中指出了这一点\n①，各缔约国应当确保及时获得律师帮助。\n",
            Format::Text,
            &[
                (L, "(a) the right to vote;"),
                (L, "(b) the right to stand."),
                (P, "The Minister may, under paragraph\n(c) of subsection 2, make regulations."),
                (P, "第十三条　违反本条例第五条第（一）项规定的，责令改正。"),
                (P, "委员会在第35号一般性意见中指出了这一点\n①，各缔约国应当确保及时获得律师帮助。"),
            ],
        ),
        (
            "Article 9\n(1) Everyone has the right to liberty.\n(2) No one shall be arrested.\n(3) Anyone arrested shall be informed.\n",
            Format::Text,
            &[
                (P, "Article 9"),
                (L, "(1) Everyone has the right to liberty."),
                (L, "(2) No one shall be arrested."),
                (L, "(3) Anyone arrested shall be informed."),
            ],
        ),
        (
            "- （二）坚持依法治国全面推进人权法治保障的制度建设\n\n各级人民政府应当将人权保障纳入规划。\n\n(1) Everyone has the right to life.\nArticle 2\n(1) Each State undertakes to respect the rights.\n",
            Format::Markdown,
            &[
                (L, "（二）坚持依法治国全面推进人权法治保障的制度建设"),
                (P, "各级人民政府应当将人权保障纳入规划。"),
                (L, "(1) Everyone has the right to life.\nArticle 2"),
                (L, "(1) Each State undertakes to respect the rights."),
            ],
        ),
        // Markup after the number opens a point as text does.
        (
            "Suppliers must:\n(1) **not** use forced labour;\n(2) [pay](#wages) wages.\n",
            Format::Markdown,
            &[
                (P, "Suppliers must:"),
                (L, "(1) not use forced labour;"),
                (L, "(2) pay wages."),
            ],
        ),
        (
            "<p>The Committee refers to article 2</p><p>(3) of the Covenant, and recalls its comment.</p>",
            Format::Html,
            &[(P, "The Committee refers to article 2(3) of the Covenant, and recalls its comment.")],
        ),
    ];
    for (text, format, want) in cases {
        let ps = checked("points", *format, text);
        assert_eq!(kinds_and_texts(&ps), *want, "{text:?}");
    }
}

/// Chinese reports name their sections on a line of their own, numbered `一、` or `第二章`: each
/// is a heading whose section holds the lines after it, one level below the last heading, or
/// beside the last section numbered the same way. Numbered clauses, amendments and lists of
/// short lines are not titles.
#[test]
fn numbered_chinese_titles_are_sections() {
    use PassageKind::{Heading as H, ListItem as L, Paragraph as P};
    type Want<'a> = &'a [(PassageKind, &'a [&'a str], &'a str)];
    let cases: &[(&str, Format, Want)] = &[
        (
            "# 审核报告\n\n一、审核范围\n本次审核覆盖42家一级供应商。\n\n二、整改措施\n\n所有问题供应商已提交整改计划。\n",
            Format::Markdown,
            &[
                (H, &["审核报告"], "审核报告"),
                (H, &["审核报告", "一、审核范围"], "一、审核范围"),
                (P, &["审核报告", "一、审核范围"], "本次审核覆盖42家一级供应商。"),
                (H, &["审核报告", "二、整改措施"], "二、整改措施"),
                (P, &["审核报告", "二、整改措施"], "所有问题供应商已提交整改计划。"),
            ],
        ),
        (
            "供应商审核报告（摘要）\n\n一、审核范围\n本次审核覆盖42家供应商，重点关注强迫\n劳动。\n\n二、主要发现\n（一）3家供应商超时加班。\n（二）未发现童工。\n",
            Format::Text,
            &[
                (P, &[], "供应商审核报告（摘要）"),
                (H, &["一、审核范围"], "一、审核范围"),
                (P, &["一、审核范围"], "本次审核覆盖42家供应商，重点关注强迫劳动。"),
                (H, &["二、主要发现"], "二、主要发现"),
                (L, &["二、主要发现"], "（一）3家供应商超时加班。"),
                (L, &["二、主要发现"], "（二）未发现童工。"),
            ],
        ),
        // A chapter a Markdown heading, the next one a line: siblings.
        (
            "## 第四章 保障措施\n\n第四十三条 加强保障。\n\n第五章 法律责任\n\n第四十四条 依法处罚。\n",
            Format::Markdown,
            &[
                (H, &["第四章 保障措施"], "第四章 保障措施"),
                (P, &["第四章 保障措施"], "第四十三条 加强保障。"),
                (H, &["第五章 法律责任"], "第五章 法律责任"),
                (P, &["第五章 法律责任"], "第四十四条 依法处罚。"),
            ],
        ),
        // Beside the nearest section numbered the same way, below one numbered higher.
        (
            "# 劳动法\n\n## 第四章 工作时间\n\n### 第一节 一般规定\n\n第三十六条 每日工作。\n\n第五章 法律责任\n\n第九十条 给予警告。\n",
            Format::Markdown,
            &[
                (H, &["劳动法"], "劳动法"),
                (H, &["劳动法", "第四章 工作时间"], "第四章 工作时间"),
                (H, &["劳动法", "第四章 工作时间", "第一节 一般规定"], "第一节 一般规定"),
                (P, &["劳动法", "第四章 工作时间", "第一节 一般规定"], "第三十六条 每日工作。"),
                (H, &["劳动法", "第五章 法律责任"], "第五章 法律责任"),
                (P, &["劳动法", "第五章 法律责任"], "第九十条 给予警告。"),
            ],
        ),
        (
            "第一章 总则\n第一节 一般规定\n第一条 保护劳动者。\n\n第二节 适用范围\n第二条 适用于企业。\n\n第二章 劳动合同\n第十条 订立合同。\n",
            Format::Text,
            &[
                (H, &["第一章 总则"], "第一章 总则"),
                (H, &["第一章 总则", "第一节 一般规定"], "第一节 一般规定"),
                (P, &["第一章 总则", "第一节 一般规定"], "第一条 保护劳动者。"),
                (H, &["第一章 总则", "第二节 适用范围"], "第二节 适用范围"),
                (P, &["第一章 总则", "第二节 适用范围"], "第二条 适用于企业。"),
                (H, &["第二章 劳动合同"], "第二章 劳动合同"),
                (P, &["第二章 劳动合同"], "第十条 订立合同。"),
            ],
        ),
        // A wrapped line that counts (`一、二级`), and items of a list a line introduces.
        (
            "公司要求所有的\n一、二级供应商签署行为准则\n并接受审核。\n公司承诺如下：\n\n一、尊重员工人权\n\n二、禁止使用童工\n",
            Format::Text,
            &[
                (P, &[], "公司要求所有的一、二级供应商签署行为准则并接受审核。公司承诺如下："),
                (P, &[], "一、尊重员工人权"),
                (P, &[], "二、禁止使用童工"),
            ],
        ),
        // Clauses, an amendment and a list of short lines stay text.
        (
            "公司的原则：\n\n一、尊重人权；\n二、保护隐私。\n\n一、将第三条修改为：“禁止强迫劳动。”\n\n一、平等\n二、包容\n",
            Format::Text,
            &[
                (P, &[], "公司的原则："),
                (P, &[], "一、尊重人权；二、保护隐私。"),
                (P, &[], "一、将第三条修改为：“禁止强迫劳动。”"),
                (P, &[], "一、平等二、包容"),
            ],
        ),
    ];
    for (text, format, want) in cases {
        let ps = checked("titles", *format, text);
        let got: Vec<(PassageKind, Vec<&str>, &str)> = ps
            .iter()
            .map(|p| {
                (
                    p.kind,
                    p.section.iter().map(String::as_str).collect(),
                    p.text.as_str(),
                )
            })
            .collect();
        let want: Vec<(PassageKind, Vec<&str>, &str)> =
            want.iter().map(|(k, s, t)| (*k, s.to_vec(), *t)).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

/// The space that stands for a `<br>` or a cell boundary, and a wrap's break, never map into a
/// tag or comment: `<br><a href="x?a=1&b=2">` has a space inside its tag.
#[test]
fn separators_never_map_into_markup() {
    for text in [
        "<p>Forced labour<br><a href=\"x?a=1&b=2\">child labour</a></p>",
        "<p>Forced labour<br><!-- page 2 of 3 -->child labour</p>",
        "<table><tr><td>Forced labour</td><!-- a b --><td>child labour</td></tr></table>",
        "Forced labour<br><span class=\"x y\">child labour</span>\n",
    ] {
        let format = if text.starts_with("<p>") || text.starts_with("<table>") {
            Format::Html
        } else {
            Format::Markdown
        };
        let ps = checked("w", format, text);
        assert_eq!(ps.len(), 1, "{text:?}: {ps:?}");
        assert_eq!(ps[0].text, "Forced labour child labour", "{text:?}");
        let mut in_tag = vec![false; text.len()];
        let mut open = None;
        for (i, c) in text.char_indices() {
            match c {
                '<' => open = Some(i),
                '>' => {
                    if let Some(o) = open.take() {
                        in_tag[o..=i].iter_mut().for_each(|b| *b = true);
                    }
                }
                _ => {}
            }
        }
        for run in ps[0].map.runs() {
            let orig = run.orig_start..run.orig_start + run.orig_len;
            assert!(
                !in_tag[orig.clone()].iter().any(|&b| b),
                "{text:?}: {run:?} maps into markup: {:?}",
                &text[orig]
            );
        }
    }
}

/// A code span read across a line end, with letter-spaced Chinese in it: one run for the span
/// (the code reads differently from its source), never the same source claimed twice.
#[test]
fn a_code_span_across_a_line_keeps_its_map_in_order() {
    let text = "我们`Live 人 权\nLive 人 权`政策。\n";
    let ps = checked("w.md", Format::Markdown, text);
    assert_eq!(ps.len(), 1);
    assert!(ps[0].text.contains("人权"), "{:?}", ps[0].text);
}

/// References without `;` are read as the HTML parser reads them, unknown ones stay literal,
/// and in every case the text is kept and maps back to its source.
#[test]
fn html_legacy_and_unknown_references_keep_their_text() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ingest/html/entities.html"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let ps = checked("entities.html", Format::Html, &text);
    assert_eq!(
        texts(&ps),
        [
            "Copyright © 2023. We prohibit forced labour.",
            "See page?a=1¬=2 on forced labour.",
            "We prohibit forced labour & here.",
            "A \u{a0} &unknownentity; B.",
            "¬it 'quoted' 中&ersand &; & end",
        ]
    );
    // Each decoded character maps back to its reference, each literal `&` to itself.
    let source_of = |p: &hria::model::Passage, s: &str| {
        let at = p.text.find(s).unwrap();
        &text[p.map.range_to_orig(at..at + s.len())]
    };
    assert_eq!(source_of(&ps[0], "©"), "&copy");
    assert_eq!(source_of(&ps[1], "¬"), "&not");
    assert_eq!(source_of(&ps[2], "&"), "&amp");
    assert_eq!(source_of(&ps[3], "\u{a0}"), "&nbsp;");
    assert_eq!(source_of(&ps[3], "&unknownentity;"), "&unknownentity;");
    assert_eq!(source_of(&ps[4], "'quoted'"), "&#39quoted&#39");
    assert_eq!(source_of(&ps[4], "中&ersand"), "&#x4E2D;&ampersand");
    assert_eq!(source_of(&ps[4], "&; & end"), "&; & end");
}

/// Elements nested far deeper than any real document are read in linear time: the tags past
/// the limit are ignored, the text is kept, and what comes before and after is unchanged.
#[test]
fn deeply_nested_html_keeps_its_text() {
    let n = 200_000;
    let forced = "We prohibit forced labour.";
    for (open, close, kind) in [
        ("<div>", "</div>", PassageKind::Paragraph),
        ("<ul><li>", "</li></ul>", PassageKind::ListItem),
        ("<b>", "</b>", PassageKind::Paragraph),
    ] {
        let text = format!(
            "<h1>Deep</h1><p>Before.</p>{}{forced}{}<p>After.</p>",
            open.repeat(n),
            close.repeat(n)
        );
        let ps = checked("deep.html", Format::Html, &text);
        let got = kinds_and_texts(&ps);
        assert_eq!(
            got,
            [
                (PassageKind::Heading, "Deep"),
                (PassageKind::Paragraph, "Before."),
                (kind, forced),
                (PassageKind::Paragraph, "After."),
            ],
            "{open}"
        );
        let at = text.find(forced).unwrap();
        assert_eq!(ps[2].map.range_to_orig(0..2), at..at + 2);
    }
    // What the parser drops inside the limit is dropped past it too, nested or not; an element
    // ends where the parser ends it (its end tag, an outer element's end tag, an HTML tag that
    // breaks out of SVG), and comments, CDATA and attribute values hide no tags.
    let deep = |inner: &str| {
        let text = format!(
            "{}{forced}{inner}{}<p>After.</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let ps = checked("drop.html", Format::Html, &text);
        ps.iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for (inner, kept) in [
        (
            "<svg><text>Chart</text><svg><title>Inner</title></svg>label</svg><template><p>Hidden</p></template><math/>Shown.",
            "Shown.",
        ),
        ("<svg><text>Label</text>", ""),
        ("<svg><text>Label</text><p>Out.", "Out."),
        ("<svg><!-- </svg> --><text>Label</text></svg>Shown.", "Shown."),
        ("<svg><!-- <svg> --><text>Label</text></svg>Shown.", "Shown."),
        ("<svg><![CDATA[ </svg> ]]><text>Label</text></svg>Shown.", "Shown."),
        ("<svg><text data-x=\"</svg>\">Label</text></svg>Shown.", "Shown."),
        ("<svg:rect>Colon</svg:rect>", "Colon"),
    ] {
        assert_eq!(deep(inner), format!("{forced}{kept} | After."), "{inner}");
    }
    // Never closed, as a list cut off: the text is still read.
    let text = format!("{}{forced}", "<ul><li>".repeat(n / 2));
    let d = doc("cut.html", Format::Html, &text);
    let ps = seg().segment(&d);
    check(&d, &ps).unwrap();
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, forced);
    // Nesting within the limit is read as before.
    let text = format!(
        "{}<p>Inside.</p>{}",
        "<div>".repeat(1_500),
        "</div>".repeat(1_500)
    );
    let ps = seg().segment(&doc("d.html", Format::Html, &text));
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, "Inside.");
}

#[test]
fn plain_text_paragraphs_lists_and_page_breaks() {
    let text = "Our commitment\n\nWe respect human rights and\n\nthe rights of workers.\n\nWe prohibit:\n- forced labour\n* child labour\n1. discrimination\n• 强迫劳动\n\n我们承诺在供应链中消除人口贩卖和强迫劳动，这体现在我们的\n\n\n\n采购计划中。\n";
    let ps = checked("t.txt", Format::Text, text);
    let got = kinds_and_texts(&ps);
    use PassageKind::*;
    assert_eq!(
        got,
        vec![
            (Paragraph, "Our commitment"),
            (
                Paragraph,
                "We respect human rights and\nthe rights of workers."
            ),
            (Paragraph, "We prohibit:"),
            (ListItem, "forced labour"),
            (ListItem, "child labour"),
            (ListItem, "discrimination"),
            (ListItem, "强迫劳动"),
            (
                Paragraph,
                "我们承诺在供应链中消除人口贩卖和强迫劳动，这体现在我们的采购计划中。"
            ),
        ]
    );
}

#[test]
fn sentences_chinese_and_mixed() {
    let t = "我们承诺尊重人权。我们反对强迫劳动；我们支持“结社自由。”We respect rights. Microsoft agrees!";
    let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(
        got,
        vec![
            "我们承诺尊重人权。",
            "我们反对强迫劳动；",
            "我们支持“结社自由。”",
            "We respect rights.",
            "Microsoft agrees!",
        ]
    );
}

fn words(p: &hria::model::Passage) -> Vec<&str> {
    p.tokens.iter().map(|t| &p.text[t.range.clone()]).collect()
}

#[test]
fn tokens_keep_rights_terms_whole() {
    let s = seg();
    let toks = s.tokens("我们尊重人权捍卫者，反对强迫劳动，支持集体谈判和结社自由。");
    let terms: Vec<&str> = toks.iter().map(|t| t.term.as_str()).collect();
    for w in ["人权捍卫者", "强迫劳动", "集体谈判", "结社自由"] {
        assert!(terms.contains(&w), "{w} not whole in {terms:?}");
    }
    assert!(!terms
        .iter()
        .any(|t| t.chars().all(|c| !c.is_alphanumeric())));
}

#[test]
fn tokens_in_mixed_passage() {
    let d = statement();
    let ps = seg().segment(&d);
    let scoc = ps.iter().find(|p| p.text.contains("(SCoC)")).unwrap();
    assert!(words(scoc).contains(&"SCoC"));
    let hria = ps.iter().find(|p| p.text.contains("(HRIA)")).unwrap();
    assert!(words(hria).contains(&"HRIA"));
    assert!(hria.tokens.iter().any(|t| t.term == "hria"));
    let xbox = ps.iter().find(|p| p.text.contains("Xbox Live")).unwrap();
    let w = words(xbox);
    assert!(w.contains(&"Xbox") && w.contains(&"Live"), "{w:?}");
    assert!(xbox.tokens.iter().any(|t| t.term == "xbox"));
}

#[test]
fn tokens_traditional_and_stemming() {
    let s = seg();
    let toks = s.tokens("禁止強迫勞動");
    let t = toks
        .iter()
        .find(|t| t.term == "强迫劳动")
        .expect("强迫劳动 term");
    assert_eq!(&"禁止強迫勞動"[t.range.clone()], "強迫勞動");
    let en = s.tokens("We are respecting workers' rights");
    let terms: Vec<&str> = en.iter().map(|t| t.term.as_str()).collect();
    assert!(
        terms.contains(&"respect") && terms.contains(&"right"),
        "{terms:?}"
    );
    // Full-width Latin maps back to its original chars.
    let fw = "ＩＬＯ公约";
    let toks = s.tokens(fw);
    assert_eq!(toks[0].term, "ilo");
    assert_eq!(&fw[toks[0].range.clone()], "ＩＬＯ");
}

#[test]
fn shared_segmenter_shares_the_dictionary() {
    let a = Segmenter::new();
    let b = Segmenter::shared();
    assert!(std::ptr::eq(a.jieba(), b.jieba()));
}

#[test]
fn plain_text_without_blank_lines_has_a_paragraph_a_line() {
    let text = "Modern Slavery Statement 2021\nWe believe in acting with integrity and treating everyone with\ndignity and respect\nThese values apply across our operations\n- forced labour\nWe do not tolerate slavery\n";
    let ps = checked("l.txt", Format::Text, text);
    let got = kinds_and_texts(&ps);
    use PassageKind::*;
    assert_eq!(
        got,
        vec![
            (Paragraph, "Modern Slavery Statement 2021"),
            (
                Paragraph,
                "We believe in acting with integrity and treating everyone with\ndignity and respect"
            ),
            (Paragraph, "These values apply across our operations"),
            (ListItem, "forced labour"),
            (Paragraph, "We do not tolerate slavery"),
        ]
    );
}

/// Jieba's default cut, each word followed by its 2-char, then 3-char, … up to 8-char dictionary
/// words (the definition of sub-words), on a normalized text that is one Han run.
fn reference_tokens(jieba: &jieba_rs::Jieba, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for w in jieba.cut(text, false) {
        if !w.word.chars().any(char::is_alphanumeric) {
            continue;
        }
        out.push((w.word.to_string(), w.byte_start..w.byte_end));
        let bounds: Vec<usize> = w
            .word
            .char_indices()
            .map(|(i, _)| i)
            .chain([w.word.len()])
            .collect();
        let chars = bounds.len() - 1;
        for n in 2..=8 {
            for i in 0..(chars + 1).saturating_sub(n) {
                let gram = &w.word[bounds[i]..bounds[i + n]];
                if chars > n && jieba.has_word(gram) {
                    out.push((
                        gram.to_string(),
                        w.byte_start + bounds[i]..w.byte_start + bounds[i + n],
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn sub_words_follow_their_word_in_order() {
    let s = seg();
    let d = statement();
    let mut checked = 0;
    for p in s.segment(&d) {
        // Sentences without Latin letters or digits are one Han run; normalized first so that
        // token ranges and the reference's agree.
        for r in &p.sentences {
            let t = hria::normalize::normalize_str(&p.text[r.clone()]);
            if t.chars()
                .any(|c| c.is_alphanumeric() && !hria::lang::is_han(c))
            {
                continue;
            }
            let t = t.as_str();
            let got: Vec<(String, std::ops::Range<usize>)> = s
                .with_sub_words(t, s.tokens(t))
                .into_iter()
                .map(|t| (t.term.to_string(), t.range))
                .collect();
            assert_eq!(got, reference_tokens(s.jieba(), t), "{t}");
            checked += got.len();
        }
    }
    // Enough words, and long ones among them, for the comparison to mean something.
    assert!(checked > 500, "only {checked} tokens compared");
    let text = "我们反对强迫劳动和人口贩运，支持人权尽职调查";
    let words = s.tokens(text);
    assert!(words.iter().any(|t| t.term == "强迫劳动"), "{words:?}");
    assert!(!words.iter().any(|t| t.term == "劳动"), "{words:?}");
    let long = s.with_sub_words(text, words);
    assert!(long.iter().any(|t| t.term == "劳动"), "{long:?}");
    // Longer than jieba's search mode gives: 4-char words inside longer ones.
    for (text, whole, inner) in [
        ("公司开展人权影响评估", "人权影响评估", "影响评估"),
        ("依法向最高人民法院提起诉讼", "最高人民法院", "人民法院"),
        ("支持人权尽职调查", "人权尽职调查", "尽职调查"),
    ] {
        let words = s.with_sub_words(text, s.tokens(text));
        assert!(words.iter().any(|t| t.term == whole), "{words:?}");
        assert!(words.iter().any(|t| t.term == inner), "{words:?}");
    }
    // A sub-word's range is its source, Traditional and full-width chars included.
    let text = "反對強迫勞動（ＩＬＯ）與人權捍衛者";
    for t in s.with_sub_words(text, s.tokens(text)) {
        assert_eq!(
            hria::normalize::normalize_str(&text[t.range.clone()]),
            t.term.as_str()
        );
    }
    let subs = s.with_sub_words(text, s.tokens(text));
    let labour = subs.iter().find(|t| t.term == "劳动").expect("劳动");
    assert_eq!(&text[labour.range.clone()], "勞動");
}

#[test]
fn english_terms_are_snowball_stems_every_time() {
    // Words repeat, so that later ones come from the per-thread stem cache.
    let text = "Workers' rights: respecting workers, respected rights and the respect of working \
                people; Workers RIGHTS respecting.";
    let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    for _ in 0..2 {
        let toks = seg().tokens(text);
        assert_eq!(toks.len(), 15, "{toks:?}");
        for t in &toks {
            let word = hria::normalize::normalize_str(&text[t.range.clone()]);
            assert_eq!(t.term, snowball.stem(&word), "{word}");
        }
    }
}

#[test]
fn overlong_paragraphs_become_bounded_passages() {
    use hria::segment::MAX_PASSAGE_CHARS;
    let zh = "我们禁止强迫劳动和童工，尊重结社自由与集体谈判权利。".repeat(300);
    let en = "We prohibit forced labour &amp; child labour in our supply chain. ".repeat(150);
    let unbroken = "人权".repeat(3_000);
    for (id, format, text) in [
        ("a.txt", Format::Text, format!("Title\n\n{zh}\n\nEnd.\n")),
        (
            "b.md",
            Format::Markdown,
            format!("# 标题\n\n{zh}\n\n- {en}\n"),
        ),
        (
            "c.html",
            Format::Html,
            format!("<h2>T</h2><p>{en}</p><p>{unbroken}</p>"),
        ),
    ] {
        let ps = checked(id, format, &text);
        assert!(ps.len() >= 4, "{id}: {} passages", ps.len());
        for p in &ps {
            assert!(
                p.text.chars().count() <= MAX_PASSAGE_CHARS,
                "{id}: {}",
                p.id
            );
        }
        // Cut at sentence ends where there are any, every piece under its block's section.
        for (needle, first, last) in [("强迫劳动", "我们", '。'), ("forced", "We", '.')] {
            let pieces: Vec<_> = ps.iter().filter(|p| p.text.contains(needle)).collect();
            for p in &pieces {
                assert!(
                    p.text.starts_with(first) && p.text.ends_with(last),
                    "{id}: {}",
                    p.text
                );
                assert_eq!(p.section, pieces[0].section, "{id}: {}", p.id);
            }
        }
        let all: String = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            all.matches("强迫劳动").count(),
            if id == "c.html" { 0 } else { 300 }
        );
        assert_eq!(
            all.matches("forced").count(),
            if id == "a.txt" { 0 } else { 150 }
        );
    }
}

#[test]
fn zero_width_paragraphs_are_no_passages_and_do_not_block_page_break_repair() {
    let text = "第一条 我们在自己的所有业务和整个供应链中尊重\n\n\u{200B}\n\n人权。\n\n\u{200B}\u{200B}\n\n第二条 我们禁止强迫劳动。\n";
    let ps = checked("z.md", Format::Markdown, text);
    assert_eq!(
        texts(&ps),
        [
            "第一条 我们在自己的所有业务和整个供应链中尊重人权。",
            "第二条 我们禁止强迫劳动。"
        ]
    );
    // An invisible heading names no section.
    let ps = checked(
        "h.md",
        Format::Markdown,
        "# 原则\n\n## \u{200B}\n\n我们尊重人权。\n",
    );
    let last = ps.last().unwrap();
    assert_eq!(last.text, "我们尊重人权。");
    assert_eq!(last.section, ["原则"]);
}

#[test]
fn overlong_text_around_whole_mapped_runs_and_zero_width_stretches() {
    use hria::segment::MAX_PASSAGE_CHARS;
    // A code span over a line break maps back only as a whole, and holds a sentence end.
    for tail in ["x".repeat(30_000), "word ".repeat(10_000)] {
        let text = format!("Intro. `foo. Bar\nbaz` and then {tail}.\n");
        let ps = checked("w.md", Format::Markdown, &text);
        assert!(ps.len() >= 5, "{} passages", ps.len());
        for p in &ps {
            assert!(p.text.chars().count() <= MAX_PASSAGE_CHARS + 20, "{}", p.id);
        }
    }
    let text = "word ".repeat(100) + &"\u{200B}".repeat(4_000) + "\n";
    let ps = checked("z.md", Format::Markdown, &text);
    assert_eq!(ps.len(), 1);
}

#[test]
fn letter_spaced_chinese_reads_as_words() {
    // A PDF's spaced-out heading and a justified line, and words that are kept apart.
    let text = "# 人 权 政 策\n\n我 们 禁 止 强 迫 劳 动。\n\n人权 政策 与 目标\n\n## 目\u{3000}\u{3000}录\n\n为 ⼈ ⺠ 服 务。\n";
    let ps = checked("l.md", Format::Markdown, text);
    assert_eq!(
        texts(&ps),
        [
            "人权政策",
            "我们禁止强迫劳动。",
            "人权 政策 与 目标",
            "目录",
            "为⼈⺠服务。"
        ]
    );
    // Sections are named without the spacing.
    assert_eq!(ps[1].section, ["人权政策"]);
    assert_eq!(ps[4].section, ["人权政策", "目录"]);
    // A word read across the spaces maps to the source span that holds them.
    let p = &ps[1];
    let t = p
        .tokens
        .iter()
        .find(|t| t.term == "强迫劳动")
        .unwrap_or_else(|| panic!("{:?}", p.tokens));
    assert_eq!(&text[p.map.range_to_orig(t.range.clone())], "强 迫 劳 动");
    assert!(
        ps[4].tokens.iter().any(|t| t.term == "人民"),
        "{:?}",
        ps[4].tokens
    );
}

#[test]
fn invisible_chars_inside_words_read_as_nothing() {
    // A zero-width space and a BOM inside Chinese words, soft hyphens inside an English word and
    // at a line wrap, a direction mark in a lead-in.
    let text = "**人权\u{200E}承诺：** 我们禁止强迫\u{200B}劳动和童\u{FEFF}工。\n\nWe oppose for\u{AD}ced labour and recom\u{AD}\nmend due diligence.\n";
    let ps = checked("z.md", Format::Markdown, text);
    assert_eq!(
        texts(&ps),
        [
            "人权承诺： 我们禁止强迫劳动和童工。",
            "We oppose forced labour and recommend due diligence."
        ]
    );
    assert_eq!(ps[0].section, ["人权承诺"]);
    // A lead-in of nothing but invisible chars names no section; one with an invisible char
    // after its last word is named without the space before it.
    let named = checked(
        "n.md",
        Format::Markdown,
        "**\u{200B}：** 正文。\n\n**人权 \u{200B}：** 我们尊重人权。\n",
    );
    assert_eq!(named[0].section, Vec::<String>::new());
    assert_eq!(named[1].section, ["人权"]);
    // A soft hyphen at a Windows line wrap, and one at a page break (as an entity).
    let wrapped = checked(
        "w.md",
        Format::Markdown,
        "We oppose recom\u{AD}\r\nmend it.\r\n",
    );
    assert_eq!(texts(&wrapped), ["We oppose recommend it."]);
    let broken = checked(
        "b.html",
        Format::Html,
        "<p>We ask all of our suppliers to recom&shy;</p><p>mend it.</p>",
    );
    assert_eq!(
        texts(&broken),
        ["We ask all of our suppliers to recommend it."]
    );
    let terms = |p: &hria::model::Passage| -> Vec<String> {
        p.tokens.iter().map(|t| t.term.to_string()).collect()
    };
    assert!(
        terms(&ps[0]).contains(&"强迫劳动".to_string()),
        "{:?}",
        ps[0].tokens
    );
    assert!(
        terms(&ps[1]).contains(&"recommend".to_string()),
        "{:?}",
        ps[1].tokens
    );
    // A word read across a removed char maps to the source span that holds it.
    let t = ps[0].tokens.iter().find(|t| t.term == "强迫劳动").unwrap();
    assert_eq!(
        &text[ps[0].map.range_to_orig(t.range.clone())],
        "强迫\u{200B}劳动"
    );
    // A zero-width space between Latin words separates them, and joiners in an emoji sequence
    // stay; a soft hyphen in a table cell does not join the next cell.
    let text = "Read a\u{200B}b, 👩\u{200D}💻 team, c\u{200B}\u{200D}d and e\u{AD}\u{200B}f.\n\n| ab\u{AD} | cd |\n|---|---|\n| x | y |\n";
    let ps = checked("k.md", Format::Markdown, text);
    assert_eq!(
        ps[0].text,
        "Read a\u{200B}b, 👩\u{200D}💻 team, c\u{200B}\u{200D}d and e\u{200B}f."
    );
    assert_eq!(
        terms(&ps[0]),
        ["read", "a", "b", "team", "c", "d", "and", "e", "f"]
    );
    assert!(ps[1].text.starts_with("ab cd"), "{:?}", ps[1].text);
}

#[test]
fn a_page_break_between_html_tags_keeps_latin_words_apart() {
    // Minified HTML has no whitespace between a paragraph cut mid-sentence and its rest.
    let ps = checked(
        "m.html",
        Format::Html,
        "<p>We respect the human rights of the</p><p>people who work for us.</p><p>我们尊重并保护所有为我们工作以及受我们影响的人的人</p><p>权。</p>",
    );
    assert_eq!(
        texts(&ps),
        [
            "We respect the human rights of the people who work for us.",
            "我们尊重并保护所有为我们工作以及受我们影响的人的人权。"
        ]
    );
}

#[test]
fn an_html_table_row_is_one_passage_with_its_cells_apart() {
    // A GRI index as a web page: each row a topic, what is done about it, and where. Cells hold
    // paragraphs, and one row has a nested table.
    let html = "<h2>GRI 内容索引</h2><table><tr><th>Topic</th><th>Disclosure</th></tr>\
        <tr><td><p>Child labour</p></td><td><p>we audit all suppliers</p><p>every year</p></td></tr>\
        <tr><td>强迫</td><td>劳动</td></tr>\
        <tr><td>outer<table><tr><td>inner</td></tr></table></td></tr></table><p>After the table.</p>";
    let ps = checked("t.html", Format::Html, html);
    assert_eq!(
        texts(&ps),
        [
            "GRI 内容索引",
            "Topic Disclosure",
            "Child labour we audit all suppliers every year",
            "强迫 劳动",
            "outer",
            "inner",
            "After the table."
        ]
    );
    assert!(ps[1..4].iter().all(|p| p.section == ["GRI 内容索引"]));
    // Cells of one word each are not read as one word.
    let whole_word = |p: &hria::model::Passage| p.tokens.iter().any(|t| t.term == "强迫劳动");
    assert!(!whole_word(&ps[3]), "{:?}", ps[3].tokens);
    // Pretty-printed, with whitespace around every cell; the rest of a row after a nested table
    // is still a row, not joined to the paragraph after the table.
    let html = "<table>\n  <tr>\n    <td>强迫</td>\n    <td>劳动</td>\n  </tr>\n  <tr> <td>是</td> <td>否</td> </tr>\n  <tr>\n    <td>\n      ab\u{AD}\n    </td>\n    <td>cd</td>\n  </tr>\n  <tr><td>outer<table><tr><td>inner</td></tr></table>tail of the row</td><td>next cell</td></tr>\n</table>\n<p>more text here</p>";
    let ps = checked("p.html", Format::Html, html);
    assert_eq!(
        texts(&ps),
        [
            "强迫 劳动",
            "是 否",
            "ab cd",
            "outer",
            "inner",
            "tail of the row next cell",
            "more text here"
        ]
    );
    assert!(!whole_word(&ps[0]), "{:?}", ps[0].tokens);
    // A caption continues no paragraph before its table or figure.
    let ps = checked(
        "c.html",
        Format::Html,
        "<p>下表列出了我们对供应商开展审计的结果以及后续的整改</p><table><caption>供应商审计结果</caption><tr><td>审计</td><td>120</td></tr></table><p>the figure below shows our progress on remediation of</p><figure><figcaption>remediation progress in 2023</figcaption></figure>",
    );
    assert_eq!(
        texts(&ps),
        [
            "下表列出了我们对供应商开展审计的结果以及后续的整改",
            "供应商审计结果",
            "审计 120",
            "the figure below shows our progress on remediation of",
            "remediation progress in 2023"
        ]
    );
}

#[test]
fn windows_line_ends_and_form_feeds_stay_out_of_the_clean_text() {
    // `pdftotext` output saved on Windows: CRLF line ends, a form feed at each page break.
    let text = "人权政策\r\n\r\n我们将这一承诺纳入供应商行为准则和采购计划\r\n\u{C}中，确保供应链中没有强迫劳动。\r\n\r\nWe respect the rights of all workers in our supply\r\n\u{C}chain.\r\n";
    let ps = checked("p.txt", Format::Text, text);
    assert_eq!(
        texts(&ps),
        [
            "人权政策",
            "我们将这一承诺纳入供应商行为准则和采购计划中，确保供应链中没有强迫劳动。",
            "We respect the rights of all workers in our supply\nchain."
        ]
    );
}

#[test]
fn page_numbers_between_the_halves_of_a_cut_paragraph_are_left_out() {
    let cases: [(&str, &[&str]); 6] = [
        // `pdftotext` output: a page number at a form feed inside a sentence, in English and in
        // Chinese (`- 3 -` is no list item); one that cuts no sentence stays.
        (
            "Human Rights Statement\n\nWe respect the rights of all workers in our supply\n\n12\n\u{C}chain and we prohibit forced labour.\n\n13\n\n我们将这一承诺纳入供应商行为准则和采购计划\n\n- 3 -\n\u{C}中，确保供应链中没有强迫劳动。\n",
            &[
                "Human Rights Statement",
                "We respect the rights of all workers in our supply\nchain and we prohibit forced labour.",
                "13",
                "我们将这一承诺纳入供应商行为准则和采购计划中，确保供应链中没有强迫劳动。",
            ],
        ),
        // A sentence a line, as PDF extraction gives it: a marked page number is left out of the
        // join; a bare number with no form feed may be the text's own and stays.
        (
            "Documents such as passports, and\nPage 2 of 3\nsocial insurance cards are required.\nThe fee for each of the\n250\nworkers is paid by us.\n",
            &[
                "Documents such as passports, and\nsocial insurance cards are required.",
                "The fee for each of the\n250\nworkers is paid by us.",
            ],
        ),
        // Numbers inside a wrapped paragraph and numbered items are the text's own.
        (
            "依照第\n12\n条的规定，用人单位不得强迫劳动者加班。\n\nThe site employed\n300\nworkers, see\nPage 4\nfor details.\n\nQuantities:\n- 3\n- 40 bags\n\n1. Wages are paid in full and\n\u{C}on time.\n",
            &[
                "依照第\n12\n条的规定，用人单位不得强迫劳动者加班。",
                "The site employed\n300\nworkers, see\nPage 4\nfor details.",
                "Quantities:",
                "3",
                "40 bags",
                "Wages are paid in full and\non time.",
            ],
        ),
        // A bare number is a page number only where a form feed stands next to it; a marked
        // one starting a paragraph is its text; a form feed ends a paragraph.
        (
            "The fee charged to each of the workers was\n250\n12\n\u{C}paid back in full.\nMore lines here.\nAnd more.\n\nintro text without a period here and more\n\nPage 3\nof the report shows it.\n\nThe end of the first page is here.\n\u{C}Next Page Title\n",
            &[
                "The fee charged to each of the workers was\n250\npaid back in full.\nMore lines here.\nAnd more.",
                "intro text without a period here and more",
                "Page 3\nof the report shows it.",
                "The end of the first page is here.",
                "Next Page Title",
            ],
        ),
        // A running footer beside a page number (it opens other lines too) continues nothing:
        // it is page furniture, held with the number, and the sentence is joined across both.
        (
            "acme.com QAF 296 June 2022 Supplier Code\nPage 1 of 3\nacme.com QAF 296 June 2022 Statement\nWe review sourcing policies in terms of having\nPage 2 of 3\nacme.com QAF 296 June 2022\nclear rules.\n",
            &[
                "acme.com QAF 296 June 2022 Supplier Code",
                "Page 1 of 3",
                "acme.com QAF 296 June 2022 Statement",
                "We review sourcing policies in terms of having\nclear rules.",
            ],
        ),
        // Page numbers where no paragraph was cut stay passages of their own.
        (
            "a long sentence that has no end mark\n\n- 3 -\n\n- item one\n\nanother long sentence with no end mark\n\n第 3 页\n\nThe Next Paragraph.\n\nlast long sentence with no end mark\n\n12\n\u{C}",
            &[
                "a long sentence that has no end mark",
                "- 3 -",
                "item one",
                "another long sentence with no end mark",
                "第 3 页",
                "The Next Paragraph.",
                "last long sentence with no end mark",
                "12",
            ],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(texts(&checked("p.txt", Format::Text, text)), expected);
    }
}

#[test]
fn letter_spacing_is_read_in_lead_ins_and_radicals_but_not_across_cells() {
    let text = "**人 权 承 诺：** 我们尊重人权。\n\n# ⼯ ⼈\n\n| 项目 | 是 | 否 |\n|---|---|---|\n| 童工 | 有 | 无 |\n";
    let ps = checked("c.md", Format::Markdown, text);
    // A bold lead-in names its sub-section without the spacing.
    assert_eq!(ps[0].section, ["人权承诺"]);
    // Radicals a PDF wrote for ideographs are spaced out the same way.
    assert_eq!(ps[1].text, "⼯⼈");
    // Table cells of one ideograph each stay apart: 是 | 否 is not the word 是否.
    let cells = texts(&ps[2..]);
    assert!(
        cells
            .iter()
            .all(|t| !t.contains("是否") && !t.contains("有无")),
        "{cells:?}"
    );
    // Nor does an HTML line break join the single ideographs on either side.
    let ps = checked("b.html", Format::Html, "<p>甲<br>乙</p><p>丙 丁</p>");
    assert_eq!(texts(&ps), ["甲 乙", "丙丁"]);
}

/// An invisible char at a wrapped line's end or start is looked past: the wrap between two Han
/// chars still reads as nothing (强迫\u{200B}⏎劳动 is one word), and a Latin wrap as a space.
#[test]
fn invisible_chars_at_a_line_wrap_do_not_keep_han_words_apart() {
    for (format, name) in [(Format::Markdown, "w.md"), (Format::Text, "w.txt")] {
        for text in [
            "我们禁止强迫\u{200B}\n劳动和童工。\n",
            "我们禁止强迫\n\u{200E}劳动和童工。\n",
        ] {
            let ps = checked(name, format, text);
            assert_eq!(ps.len(), 1, "{text:?}");
            assert_eq!(ps[0].text, "我们禁止强迫劳动和童工。", "{text:?}");
            assert!(
                ps[0].tokens.iter().any(|t| t.term == "强迫劳动"),
                "{text:?}"
            );
        }
        let d = doc(name, format, "We ban forced\u{200B}\nlabour.\n");
        let ps = seg().segment(&d);
        assert_eq!(ps[0].text, "We ban forced\nlabour.");
    }
}

/// Lines ended by a lone `\r` (old Mac files, some PDF converters) are lines: paragraphs, list
/// A form feed a converter left inside a line is a page break: never kept in the text (a
/// terminal would jump), nothing between Chinese chars, a line break elsewhere.
#[test]
fn form_feeds_inside_a_line_are_breaks() {
    for (name, format, text, want) in [
        (
            "f.txt",
            Format::Text,
            "我们禁止强迫\u{C}劳动。\n\nWe ban forced\u{C}labour.\n\n- a\u{C}list item\n",
            &[
                "我们禁止强迫劳动。",
                "We ban forced\nlabour.",
                "a\nlist item",
            ][..],
        ),
        (
            "f.md",
            Format::Markdown,
            "我们禁止强迫\u{C}劳动。\n\nWe ban **forced**\u{C}labour.\n",
            &["我们禁止强迫劳动。", "We ban forced\nlabour."][..],
        ),
        (
            "f.html",
            Format::Html,
            "<p>我们禁止强迫\u{C}劳动。</p><p>We ban forced\u{C}labour.</p>",
            &["我们禁止强迫劳动。", "We ban forced\nlabour."][..],
        ),
    ] {
        let ps = checked(name, format, text);
        let got = texts(&ps);
        assert_eq!(got, want, "{name}");
    }
}

/// items and wraps are read as with `\n`, and a joined wrap is written `\n`.
#[test]
fn lone_carriage_returns_end_lines() {
    let text = "Title\r\rWe respect human rights and\rthe rights of workers.\r\r- forced labour\r- child labour\r";
    let ps = checked("mac.txt", Format::Text, text);
    let got = kinds_and_texts(&ps);
    use PassageKind::*;
    assert_eq!(
        got,
        [
            (Paragraph, "Title"),
            (
                Paragraph,
                "We respect human rights and\nthe rights of workers."
            ),
            (ListItem, "forced labour"),
            (ListItem, "child labour"),
        ]
    );
    // `\r\r\n` (a Windows file written again in text mode) ends one line.
    let ps = checked(
        "twice.txt",
        Format::Text,
        "Our first sentence ends.\r\r\nA second sentence of the same paragraph.\r\r\n",
    );
    assert_eq!(ps.len(), 1, "{ps:?}");
    let ps = checked(
        "mac.md",
        Format::Markdown,
        "# T\r\rWe respect human rights and\rthe rights of workers.\r",
    );
    assert_eq!(
        ps[1].text,
        "We respect human rights and\nthe rights of workers."
    );
}

/// Highlights, data points and adoption records without a full stop stay paragraphs of their
/// own; a page break's cut is still joined where the rest runs on (a small letter, the words
/// `of the` before a figure, the end of the sentence).
#[test]
fn data_points_and_records_are_not_taken_for_cut_paragraphs() {
    use PassageKind::Paragraph as P;
    type Case<'a> = (&'a str, Format, &'a [(PassageKind, &'a str)]);
    let cases: &[Case] = &[
        (
            "所有一级供应商均已签署《供应商行为准则》，签署率达到100%\n\n全年开展供应商现场审核56次，发现问题128项，已整改121项\n\n我们将在2024年把审核范围扩大到二级供应商。\n",
            Format::Text,
            &[
                (P, "所有一级供应商均已签署《供应商行为准则》，签署率达到100%"),
                (P, "全年开展供应商现场审核56次，发现问题128项，已整改121项"),
                (P, "我们将在2024年把审核范围扩大到二级供应商。"),
            ],
        ),
        (
            "2019年10月29日 烟台市第十七届人民代表大会常务委员会第二十二次会议通过\n\n2019年11月29日 山东省第十三届人民代表大会常务委员会第十五次会议批准\n\n第一条 为了保护和改善海岸带环境，制定本条例。\n",
            Format::Markdown,
            &[
                (P, "2019年10月29日 烟台市第十七届人民代表大会常务委员会第二十二次会议通过"),
                (P, "2019年11月29日 山东省第十三届人民代表大会常务委员会第十五次会议批准"),
                (P, "第一条 为了保护和改善海岸带环境，制定本条例。"),
            ],
        ),
        (
            "<p>公司坚持男女同工同酬，女性员工占比达到42%</p><p>建立员工申诉热线，全年受理申诉23件</p><p><b>冲突矿产管理</b></p><p>公司遵循经合组织尽职调查指南</p>",
            Format::Html,
            &[
                (P, "公司坚持男女同工同酬，女性员工占比达到42%"),
                (P, "建立员工申诉热线，全年受理申诉23件"),
                (P, "冲突矿产管理"),
                (P, "公司遵循经合组织尽职调查指南"),
            ],
        ),
        (
            "<p>87% of workers covered by collective bargaining agreements</p><p>“Zero tolerance” policy on child labour adopted</p>",
            Format::Html,
            &[
                (P, "87% of workers covered by collective bargaining agreements"),
                (P, "“Zero tolerance” policy on child labour adopted"),
            ],
        ),
        // A cut sentence is still joined.
        (
            "我们承诺在不歧视的基础上进行商业活动，如种族、肤色、族裔、性别、语言、宗教、政治或其他见解、性\n\n别、性取向、性别身份或表达。\n",
            Format::Markdown,
            &[(P, "我们承诺在不歧视的基础上进行商业活动，如种族、肤色、族裔、性别、语言、宗教、政治或其他见解、性别、性取向、性别身份或表达。")],
        ),
        (
            "In 2023 we engaged with 40 rightsholders,\n\nincluding workers and their families.\n",
            Format::Markdown,
            &[(P, "In 2023 we engaged with 40 rightsholders,\nincluding workers and their families.")],
        ),
    ];
    for (text, format, want) in cases {
        let ps = checked("kpi", *format, text);
        assert_eq!(kinds_and_texts(&ps), *want, "{text:?}");
    }
}

/// A line wrapped before a small letter does not end a sentence; a line after a colon, a point
/// marker or a capital does.
#[test]
fn sentences_run_on_across_wrapped_lines() {
    let t = "We respect the rights of\nworkers. This report\ncovers 2023.";
    let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(
        got,
        [
            "We respect the rights of\nworkers.",
            "This report\ncovers 2023."
        ]
    );
    let t = "Our process includes:\na template\na hotline\nTraining for managers";
    let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    let t = "by the end of 2023\nb) work through the rest";
    let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(got.len(), 2, "{got:?}");
}

/// In plain text, an English title on a line of its own, numbered (`1.`, `2.1`, `Article 3`) or
/// in capitals, names the section of the text after it; numbered lines of a list, a title said
/// again (a running header) and a numbered sentence cut by a wrap do not.
#[test]
fn numbered_and_capitalised_english_titles_are_sections() {
    let text = "1. Introduction\n\nAcme respects human rights.\n\n1.1 Scope\n\nThis report covers all sites.\n\n2. SALIENT ISSUES\n\nOur issues were identified in 2022.\n\nArticle 3 Non-discrimination\n\nSuppliers shall not discriminate.\n\nOUR GRIEVANCE MECHANISM\n\nWorkers may call the hotline.\n\nWe ask suppliers to:\n1. Pay wages\n2. Respect hours\n\nACME HUMAN RIGHTS REPORT\n\nMore text.\n\nACME HUMAN RIGHTS REPORT\n\n3. Wages are paid in full and\non time.\n";
    let ps = checked("titles.txt", Format::Text, text);
    let got: Vec<(PassageKind, &str, Vec<&str>)> = ps
        .iter()
        .map(|p| {
            let section = p.section.iter().map(String::as_str).collect();
            (p.kind, p.text.as_str(), section)
        })
        .collect();
    use PassageKind::{Heading as H, ListItem as L, Paragraph as P};
    let want: Vec<(PassageKind, &str, Vec<&str>)> = vec![
        (H, "1. Introduction", vec!["1. Introduction"]),
        (P, "Acme respects human rights.", vec!["1. Introduction"]),
        (H, "1.1 Scope", vec!["1. Introduction", "1.1 Scope"]),
        (
            P,
            "This report covers all sites.",
            vec!["1. Introduction", "1.1 Scope"],
        ),
        (H, "2. SALIENT ISSUES", vec!["2. SALIENT ISSUES"]),
        (
            P,
            "Our issues were identified in 2022.",
            vec!["2. SALIENT ISSUES"],
        ),
        (
            H,
            "Article 3 Non-discrimination",
            vec!["Article 3 Non-discrimination"],
        ),
        (
            P,
            "Suppliers shall not discriminate.",
            vec!["Article 3 Non-discrimination"],
        ),
        (
            H,
            "OUR GRIEVANCE MECHANISM",
            vec!["OUR GRIEVANCE MECHANISM"],
        ),
        (
            P,
            "Workers may call the hotline.",
            vec!["OUR GRIEVANCE MECHANISM"],
        ),
        (P, "We ask suppliers to:", vec!["OUR GRIEVANCE MECHANISM"]),
        (L, "Pay wages", vec!["OUR GRIEVANCE MECHANISM"]),
        (L, "Respect hours", vec!["OUR GRIEVANCE MECHANISM"]),
        (
            P,
            "ACME HUMAN RIGHTS REPORT",
            vec!["OUR GRIEVANCE MECHANISM"],
        ),
        (P, "More text.", vec!["OUR GRIEVANCE MECHANISM"]),
        (
            P,
            "ACME HUMAN RIGHTS REPORT",
            vec!["OUR GRIEVANCE MECHANISM"],
        ),
        (
            L,
            "Wages are paid in full and\non time.",
            vec!["OUR GRIEVANCE MECHANISM"],
        ),
    ];
    assert_eq!(got, want);
}

/// Taiwan's formal numerals (`壹、`, `貳、`), Arabic chapter numbers (`第1章`), a decimal number
/// before a Chinese name (`1.1 禁止强迫劳动`), and a first title right under the document's
/// title line all name sections in plain text.
#[test]
fn formal_numerals_arabic_chapters_and_a_first_title_under_the_document_title() {
    type Want<'a> = &'a [(&'a str, &'a [&'a str])];
    let cases: [(&str, Want); 3] = [
        (
            "壹、人權政策\n本公司遵循《世界人權宣言》，制定人權政策。\n\n貳、申訴機制\n員工得以匿名方式反映問題。\n",
            &[
                ("壹、人權政策", &["壹、人權政策"]),
                ("本公司遵循《世界人權宣言》，制定人權政策。", &["壹、人權政策"]),
                ("貳、申訴機制", &["貳、申訴機制"]),
                ("員工得以匿名方式反映問題。", &["貳、申訴機制"]),
            ],
        ),
        (
            "华远集团人权政策\n一、目的\n为尊重和保障人权，制定本政策。\n二、适用范围\n本政策适用于集团。\n",
            &[
                ("华远集团人权政策", &[]),
                ("一、目的", &["一、目的"]),
                ("为尊重和保障人权，制定本政策。", &["一、目的"]),
                ("二、适用范围", &["二、适用范围"]),
                ("本政策适用于集团。", &["二、适用范围"]),
            ],
        ),
        (
            "第1章 总则\n\n本准则适用于全体供应商。\n\n1.1 禁止强迫劳动\n\n供应商不得使用强迫劳动。\n",
            &[
                ("第1章 总则", &["第1章 总则"]),
                ("本准则适用于全体供应商。", &["第1章 总则"]),
                ("1.1 禁止强迫劳动", &["1.1 禁止强迫劳动"]),
                ("供应商不得使用强迫劳动。", &["1.1 禁止强迫劳动"]),
            ],
        ),
    ];
    for (text, want) in cases {
        let ps = checked("t.txt", Format::Text, text);
        let got: Vec<(&str, Vec<&str>)> = ps
            .iter()
            .map(|p| {
                (
                    p.text.as_str(),
                    p.section.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        let want: Vec<(&str, Vec<&str>)> = want.iter().map(|(t, s)| (*t, s.to_vec())).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

/// What a page never shows (`hidden`, `display: none`, `visibility: hidden`) is no passage, and
/// the text after it keeps its place in the source.
#[test]
fn hidden_html_is_not_read() {
    let text = "<p>Contact</p><p hidden>Draft: legal to review.</p><div style=\"display: none !important\">We use cookies.</div><span style=\"color:red; visibility:hidden\">x</span><p>We respect human rights.</p>";
    let ps = checked("h.html", Format::Html, text);
    let got: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(got, ["Contact", "We respect human rights."]);
    assert_eq!(&text[ps[1].range.clone()], "We respect human rights.");
}

/// What a review of this release's change found: dates and particles continue a Chinese
/// paragraph cut by a page break, an article reference is no new article, a compound hyphenated
/// at the break stays one word, a comma across markup keeps its space, and a text of a line a
/// paragraph gets no English titles here and there.
#[test]
fn dates_particles_references_and_compounds_at_page_breaks() {
    use PassageKind::Paragraph as P;
    type Case<'a> = (&'a str, Format, &'a [(PassageKind, &'a str)]);
    let cases: &[Case] = &[
        (
            "公司持续完善人权尽职调查体系，并于2022\n\u{c}\n年启动了供应商现场审核。\n",
            Format::Text,
            &[(P, "公司持续完善人权尽职调查体系，并于2022年启动了供应商现场审核。")],
        ),
        (
            "公司持续完善人权尽职调查体系，并于2022年\n\u{c}\n启动了供应商现场审核。\n",
            Format::Text,
            &[(P, "公司持续完善人权尽职调查体系，并于2022年启动了供应商现场审核。")],
        ),
        (
            "用人单位未按照劳动合同约定支付劳动报酬的，由劳动行政部门依照本法\n\n第三十六条的规定处理，并责令改正。\n",
            Format::Markdown,
            &[(P, "用人单位未按照劳动合同约定支付劳动报酬的，由劳动行政部门依照本法第三十六条的规定处理，并责令改正。")],
        ),
        (
            "We adopted our new anti-\n\u{c}\nslavery policy in 2023.\n",
            Format::Text,
            &[(P, "We adopted our new anti-slavery policy in 2023.")],
        ),
        (
            "<p>In 2023 we engaged with 40 rightsholders,</p><p>including workers and their families.</p>",
            Format::Html,
            &[(P, "In 2023 we engaged with 40 rightsholders, including workers and their families.")],
        ),
    ];
    for (text, format, want) in cases {
        let ps = checked("cut", *format, text);
        assert_eq!(kinds_and_texts(&ps), *want, "{text:?}");
    }
    // A line of labels and their dates is whole: no 日本 across two paragraphs.
    let dates = "<p>更新日期：2024年9月1日　生效日期：2024年9月15日</p><p>本协议由您（以下简称“骑手”）与闪达（上海）信息技术有限公司（以下简称“平台”）共同缔结。请您在注册前仔细阅读本协议。</p>";
    let ps = checked("d.html", Format::Html, dates);
    assert_eq!(ps.len(), 2, "{:?}", texts(&ps));
    // A date the break cut goes on.
    let cut = "为保障骑手权益，本规则经过多轮征求意见后修订，修订后的规则生效日期：2024年9月\n\u{c}\n1日起正式施行，原规则同时废止，平台将在规则中心公示全部条款。\n";
    let ps = checked("c.txt", Format::Text, cut);
    assert_eq!(ps.len(), 1, "{:?}", texts(&ps));
    let lines = "Acme Statement\nWe respect human rights\nOUR SUPPLY CHAINS\nWe buy steel\nOUR POLICIES\nWe have a code\n";
    let ps = checked("l.txt", Format::Text, lines);
    assert!(ps.iter().all(|p| p.section.is_empty()), "{ps:?}");
}

#[test]
fn a_page_break_does_not_go_on_from_english_to_chinese() {
    use PassageKind::Paragraph as P;
    type Case<'a> = (&'a str, Format, &'a [(PassageKind, &'a str)]);
    let cases: &[Case] = &[
        (
            "Workers may join trade unions and bargain collectively\n\n员工可自由加入工会，\n并进行集体谈判。\n",
            Format::Markdown,
            &[
                (P, "Workers may join trade unions and bargain collectively"),
                (P, "员工可自由加入工会，并进行集体谈判。"),
            ],
        ),
        (
            "Workers may join trade unions and bargain collectively\n\n员工可自由加入工会，\n并进行集体谈判。\n",
            Format::Text,
            &[
                (P, "Workers may join trade unions and bargain collectively"),
                (P, "员工可自由加入工会，并进行集体谈判。"),
            ],
        ),
        (
            "<p>Workers may join trade unions and bargain collectively</p><p>员工可自由加入工会，并进行集体谈判。</p>",
            Format::Html,
            &[
                (P, "Workers may join trade unions and bargain collectively"),
                (P, "员工可自由加入工会，并进行集体谈判。"),
            ],
        ),
        // Nor back from Chinese to English.
        (
            "员工可自由加入工会并在法律允许的范围内进行集体谈判和\n\nworkers may join trade unions and bargain collectively.\n",
            Format::Markdown,
            &[
                (P, "员工可自由加入工会并在法律允许的范围内进行集体谈判和"),
                (P, "workers may join trade unions and bargain collectively."),
            ],
        ),
        // Chinese that names an English code or product on either side is still joined.
        (
            "所有供应商必须遵守我们的供应商行为准则 SCoC 以及 Xbox Live\n\n的社区标准，并接受定期审核和评估。\n",
            Format::Markdown,
            &[(P, "所有供应商必须遵守我们的供应商行为准则 SCoC 以及 Xbox Live\n的社区标准，并接受定期审核和评估。")],
        ),
        (
            "<p>我们要求在中国和其他国家和地区使用我们的游戏平台 Xbox Live</p><p>服务的用户都遵守社区标准。</p>",
            Format::Html,
            &[(P, "我们要求在中国和其他国家和地区使用我们的游戏平台 Xbox Live服务的用户都遵守社区标准。")],
        ),
        // An English sentence cut before a Chinese company's name goes on in English.
        (
            "In 2023 we conducted an on-site human rights assessment of our largest supplier in Guangdong province,\n\n深圳市华强电子有限公司, together with two of its labour agencies.\n",
            Format::Markdown,
            &[(P, "In 2023 we conducted an on-site human rights assessment of our largest supplier in Guangdong province,\n深圳市华强电子有限公司, together with two of its labour agencies.")],
        ),
    ];
    for (text, format, want) in cases {
        let ps = checked("mixed", *format, text);
        assert_eq!(kinds_and_texts(&ps), *want, "{text:?}");
    }
}

#[test]
fn chinese_points_in_ascii_brackets_or_with_a_dot_are_list_items() {
    use PassageKind::{Heading as H, ListItem as L, Paragraph as P};
    type Case<'a> = (&'a str, Format, &'a [(PassageKind, &'a str)]);
    let cases: &[Case] = &[
        (
            "本政策適用對象如下：\n(一)員工：包括正職人員。\n(二)供應商：包括服務供應商。\n\n(1)員工\n(2)供應商\n",
            Format::Text,
            &[
                (P, "本政策適用對象如下："),
                (L, "(一)員工：包括正職人員。"),
                (L, "(二)供應商：包括服務供應商。"),
                (L, "(1)員工"),
                (L, "(2)供應商"),
            ],
        ),
        (
            "本政策適用對象如下：\n(一)員工：包括正職人員。\n(二)供應商：包括服務供應商。\n",
            Format::Markdown,
            &[
                (P, "本政策適用對象如下："),
                (L, "(一)員工：包括正職人員。"),
                (L, "(二)供應商：包括服務供應商。"),
            ],
        ),
        // A numbered point is never joined onto a paragraph that a page break seems to cut.
        (
            "本公司之利害關係人包括員工、\n供應商及社區居民等\n\n1.員工：包括正職人員。\n2.供應商：包括服務供應商。\n",
            Format::Markdown,
            &[
                (P, "本公司之利害關係人包括員工、供應商及社區居民等"),
                (L, "1.員工：包括正職人員。"),
                (L, "2.供應商：包括服務供應商。"),
            ],
        ),
        (
            "本公司之利害關係人包括員工、\n供應商及社區居民等\n\n1.員工：包括正職人員。\n2.供應商：包括服務供應商。\n",
            Format::Text,
            &[
                (P, "本公司之利害關係人包括員工、供應商及社區居民等"),
                (L, "1.員工：包括正職人員。"),
                (L, "2.供應商：包括服務供應商。"),
            ],
        ),
        (
            "本公司之利害關係人包括員工、\n供應商及社區居民等\n\n(1)員工：包括正職人員。\n(2)供應商：包括服務供應商。\n",
            Format::Text,
            &[
                (P, "本公司之利害關係人包括員工、供應商及社區居民等"),
                (L, "(1)員工：包括正職人員。"),
                (L, "(2)供應商：包括服務供應商。"),
            ],
        ),
        (
            "<p>本公司之利害關係人包括員工、供應商及社區居民等</p><p>1.員工：包括正職人員。</p><p>(二)供應商：包括服務供應商。</p>",
            Format::Html,
            &[
                (P, "本公司之利害關係人包括員工、供應商及社區居民等"),
                (L, "1.員工：包括正職人員。"),
                (L, "(二)供應商：包括服務供應商。"),
            ],
        ),
        // Still text: a figure, a citation, a bracket before a Latin letter.
        (
            "# 统计\n\n2.5%的员工参加了培训，比上年增加\n\n(1)项规定的情形，不适用本条。\n\n(1)x is text.\n",
            Format::Markdown,
            &[
                (H, "统计"),
                (P, "2.5%的员工参加了培训，比上年增加"),
                (P, "(1)项规定的情形，不适用本条。"),
                (P, "(1)x is text."),
            ],
        ),
    ];
    for (text, format, want) in cases {
        let ps = checked("points", *format, text);
        assert_eq!(kinds_and_texts(&ps), *want, "{text:?}");
    }
}

#[test]
fn common_bullets_and_word_bullets_open_list_items() {
    use PassageKind::{Heading as H, ListItem as L, Paragraph as P};
    type Case<'a> = (&'a str, Format, &'a [(PassageKind, &'a str)]);
    let zh = "我们的重点议题：\n● 强迫劳动：禁止任何形式的强迫劳动。\n● 童工：禁止雇佣未满16周岁的童工。\n●结社自由：尊重员工加入工会的权利。\n";
    let zh_want: &[(PassageKind, &str)] = &[
        (P, "我们的重点议题："),
        (L, "强迫劳动：禁止任何形式的强迫劳动。"),
        (L, "童工：禁止雇佣未满16周岁的童工。"),
        (L, "结社自由：尊重员工加入工会的权利。"),
    ];
    let cases: &[Case] = &[
        (zh, Format::Text, zh_want),
        (zh, Format::Markdown, zh_want),
        (
            "▪ Wages\n● Working hours\n■ Health and safety\n➢ Discrimination\n\u{F0B7}\tPrivacy\n\u{F0A7} Land rights\n※ 注：以上为重点议题。\n",
            Format::Text,
            &[
                (L, "Wages"),
                (L, "Working hours"),
                (L, "Health and safety"),
                (L, "Discrimination"),
                (L, "Privacy"),
                (L, "Land rights"),
                (L, "注：以上为重点议题。"),
            ],
        ),
        (
            "# Issues\n\nOur salient issues are:\n◆ Wages\n► Working hours\n✓ Health and safety\n",
            Format::Markdown,
            &[
                (H, "Issues"),
                (P, "Our salient issues are:"),
                (L, "Wages"),
                (L, "Working hours"),
                (L, "Health and safety"),
            ],
        ),
        (
            "<p>我们的重点议题：</p><p>● 强迫劳动</p><p>&#9632; 童工</p>",
            Format::Html,
            &[(P, "我们的重点议题："), (L, "强迫劳动"), (L, "童工")],
        ),
        // Dashes: items after a sentence's end or after another dash item; a dash that opens a
        // wrapped line of prose, or a block that goes on a cut sentence, stays text.
        (
            "Our salient issues are:\n– Water\n– Housing and land\n\nWe respect the rights of all workers\n— including migrants — in every site.\n\nWe respect the rights of all workers in our supply chain and\n\n— including migrants — in every site we audit.\n",
            Format::Text,
            &[
                (P, "Our salient issues are:"),
                (L, "Water"),
                (L, "Housing and land"),
                (P, "We respect the rights of all workers\n— including migrants — in every site."),
                (P, "We respect the rights of all workers in our supply chain and\n— including migrants — in every site we audit."),
            ],
        ),
        (
            "Our salient issues are:\n– Water\n– Housing and land\n\nWe respect the rights of all workers\n— including migrants — in every site.\n",
            Format::Markdown,
            &[
                (P, "Our salient issues are:"),
                (L, "Water"),
                (L, "Housing and land"),
                (P, "We respect the rights of all workers\n— including migrants — in every site."),
            ],
        ),
        // A placeholder name, a rule and a page number are no items.
        (
            "○○公司人权政策\n\n■■■■■■\n\n– 3 –\n",
            Format::Text,
            &[(P, "○○公司人权政策"), (P, "■■■■■■"), (P, "– 3 –")],
        ),
        // ○ is a zero in a Chinese date (二○二三年), and a bullet only with a space after it.
        (
            "本政策自二\n○二三年一月一日起施行。\n",
            Format::Markdown,
            &[(P, "本政策自二\n○二三年一月一日起施行。")],
        ),
    ];
    for (text, format, want) in cases {
        let ps = checked("bullets", *format, text);
        assert_eq!(kinds_and_texts(&ps), *want, "{text:?}");
    }
}

#[test]
fn markdown_inline_sup_footnote_markers_are_left_out() {
    let text = "We prohibit forced labour<sup>1</sup> and child labour<SUP class=\"fn\">[2]</SUP>.\n\n强迫劳动<sup>†</sup>是被禁止的。1<sup>st</sup> tier suppliers.\n";
    let ps = checked("sup.md", Format::Markdown, text);
    assert_eq!(
        texts(&ps),
        [
            "We prohibit forced labour and child labour.",
            "强迫劳动是被禁止的。1st tier suppliers.",
        ]
    );
    assert!(words(&ps[0]).contains(&"labour"), "{:?}", words(&ps[0]));
}

#[test]
fn markdown_yaml_front_matter_is_no_heading() {
    let text = "---\ntitle: Modern Slavery Statement\nauthor: Acme plc\ndate: 2023-06-30\n---\n\nAcme prohibits forced labour in its supply chain.\n\n## Due diligence\n\nWe audit suppliers annually.\n";
    let ps = checked("fm.md", Format::Markdown, text);
    let got: Vec<_> = ps
        .iter()
        .map(|p| (p.kind, p.text.as_str(), p.section.join(" › ")))
        .collect();
    assert_eq!(
        got,
        [
            (
                PassageKind::Paragraph,
                "Acme prohibits forced labour in its supply chain.",
                String::new()
            ),
            (
                PassageKind::Heading,
                "Due diligence",
                "Due diligence".to_string()
            ),
            (
                PassageKind::Paragraph,
                "We audit suppliers annually.",
                "Due diligence".to_string()
            ),
        ]
    );
    // A `---` rule before text is no front matter: its text is read.
    let text = "---\nWe prohibit forced labour.\n\nWe prohibit child labour in all our operations.\n\n## Remedy\n\nWe provide remedy.\n\n---\n\nEnd.\n";
    let ps = checked("hr.md", Format::Markdown, text);
    let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "We prohibit forced labour.",
            "We prohibit child labour in all our operations.",
            "Remedy",
            "We provide remedy.",
            "End."
        ]
    );
}

#[test]
fn a_page_laid_out_in_a_table_is_read_as_blocks() {
    use PassageKind::{Heading as H, ListItem as L, Paragraph as P};
    let html = "<html><body><table width=\"100%\"><tr><td width=\"200\"><a href=\"/\">首页</a><br><a href=\"/csr\">社会责任</a></td><td>\n<h1>人权政策</h1>\n<p>本公司尊重并支持国际公认的人权。</p>\n<h2>一、禁止强迫劳动</h2>\n<p>本公司禁止任何形式的强迫劳动。</p>\n<ul><li>供应商须核验年龄。</li><li>发现童工须立即补救。</li></ul>\n</td></tr></table>\
        <table><tr><td><p>Child labour</p></td><td><p>we audit all suppliers</p><p>every year</p></td></tr></table></body></html>";
    let ps = checked("layout.html", Format::Html, html);
    let got: Vec<_> = ps
        .iter()
        .map(|p| (p.kind, p.text.as_str(), p.section.join(" › ")))
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        got,
        [
            (P, "首页 社会责任", s("")),
            (H, "人权政策", s("人权政策")),
            (P, "本公司尊重并支持国际公认的人权。", s("人权政策")),
            (H, "一、禁止强迫劳动", s("人权政策 › 一、禁止强迫劳动")),
            (
                P,
                "本公司禁止任何形式的强迫劳动。",
                s("人权政策 › 一、禁止强迫劳动")
            ),
            (L, "供应商须核验年龄。", s("人权政策 › 一、禁止强迫劳动")),
            (L, "发现童工须立即补救。", s("人权政策 › 一、禁止强迫劳动")),
            // A data row whose cells hold two paragraphs is still a row.
            (
                P,
                "Child labour we audit all suppliers every year",
                s("人权政策 › 一、禁止强迫劳动")
            ),
        ]
    );
    // Data tables stay rows: cells of three paragraphs, wrapper `div`s, lists, a header cell's
    // heading.
    let data = "<table><thead><tr><th><h4>Issue</h4></th><th><h4>Actions</h4></th></tr></thead>\
        <tr><td><div><div><p>Forced labour</p></div></div></td><td><p>Operations at risk:</p><p>None identified.</p><p>See page 12.</p></td></tr>\
        <tr><td>Audits</td><td><ul><li>120 audits</li></ul><p>(3 unannounced)</p></td></tr></table>";
    let ps = checked("data.html", Format::Html, data);
    let rows: Vec<(PassageKind, &str)> = ps.iter().map(|p| (p.kind, p.text.as_str())).collect();
    assert_eq!(
        rows,
        [
            (P, "Issue Actions"),
            (
                P,
                "Forced labour Operations at risk: None identified. See page 12."
            ),
            (P, "Audits 120 audits (3 unannounced)"),
        ]
    );
}

/// Files saved with a UTF-8 BOM and joined (`cat p1.md p2.md`) put a U+FEFF at the start of a
/// line: it is looked past as the one at the start of the file is, in every format, so that
/// `\u{FEFF}# Grievance mechanism` is a heading (it was text joined onto the passage before, and
/// the passages after it were given the section before).
#[test]
fn a_bom_at_the_start_of_a_line_is_looked_past() {
    let cases = [
        (
            Format::Markdown,
            "\u{FEFF}# Part one\n\nWe prohibit forced labour.\n\u{FEFF}# Grievance mechanism\n\nWorkers may raise concerns through our hotline.\n",
        ),
        (
            Format::Markdown,
            "# A\r\n\r\nText a.\r\n\u{FEFF}\u{FEFF}## B\r\n\u{FEFF}- item one\r\n- item \u{FEFF}two\r\n\u{FEFF}\r\nLast.",
        ),
        (
            Format::Text,
            "\u{FEFF}Our policy\n\nWe prohibit forced labour.\n\u{FEFF}1. Introduction\n\nWorkers may raise concerns.\n\u{FEFF}- item one\n- item two\n",
        ),
        (
            Format::Html,
            "\u{FEFF}<h1>Part one</h1><p>We prohibit forced labour.</p>\n\u{FEFF}<h1>Grievance</h1>\n\u{FEFF}<p>Workers may raise concerns.</p>\n",
        ),
    ];
    for (format, text) in cases {
        let ps = checked("joined", format, text);
        let plain = text
            .replace("\n\u{FEFF}\u{FEFF}", "\n")
            .replace("\n\u{FEFF}", "\n");
        let plain = plain.strip_prefix('\u{FEFF}').unwrap_or(&plain);
        let want = checked("joined", format, plain);
        let view = |ps: &[Passage]| {
            ps.iter()
                .map(|p| (p.kind, p.text.clone(), p.section.join(" › ")))
                .collect::<Vec<_>>()
        };
        assert_eq!(view(&ps), view(&want), "{text:?}");
        assert!(ps.iter().all(|p| !p.text.contains('\u{FEFF}')), "{ps:?}");
        // Every range is the same text's, moved past the BOMs before it.
        for (p, w) in ps.iter().zip(&want) {
            let src = &text[p.range.clone()];
            assert_eq!(
                src.replace('\u{FEFF}', ""),
                plain[w.range.clone()].replace('\u{FEFF}', ""),
                "{text:?}"
            );
        }
    }
    let ps = checked("joined.md", Format::Markdown, cases[0].1);
    assert_eq!(
        ps.iter()
            .map(|p| (p.kind, p.text.as_str(), p.section.join(" › ")))
            .collect::<Vec<_>>(),
        [
            (PassageKind::Heading, "Part one", "Part one".to_string()),
            (
                PassageKind::Paragraph,
                "We prohibit forced labour.",
                "Part one".to_string()
            ),
            (
                PassageKind::Heading,
                "Grievance mechanism",
                "Grievance mechanism".to_string()
            ),
            (
                PassageKind::Paragraph,
                "Workers may raise concerns through our hotline.",
                "Grievance mechanism".to_string()
            ),
        ]
    );
    assert_eq!(&cases[0].1[ps[2].range.clone()], "# Grievance mechanism");
}

/// A `---` block whose only text is prose under a key that names no metadata (`Purpose: This
/// policy sets out our commitment to prohibit forced labour and child labour.`) is text, not YAML
/// front matter: read as front matter, the sentence was lost without a word. Real front matter,
/// with a metadata key or with no sentence in it, is still left out.
#[test]
fn a_sentence_between_rules_is_no_front_matter() {
    let purpose =
        "Purpose: This policy sets out our commitment to prohibit forced labour and child labour.";
    for text in [
        format!("---\n{purpose}\n---\n\nWe respect human rights.\n"),
        format!("---\n{purpose}\nScope: all suppliers.\n---\n\nWe respect human rights.\n"),
        "---\nPurpose: This policy sets out our commitment\n  to prohibit forced labour and child labour.\n---\n\nWe respect human rights.\n".into(),
        "---\n目的: 本政策阐明本公司禁止强迫劳动和童工的承诺。\n---\n\n我们尊重人权。\n".into(),
    ] {
        let ps = checked("fm.md", Format::Markdown, &text);
        assert!(
            ps.iter()
                .any(|p| p.text.contains("forced labour") || p.text.contains("强迫劳动")),
            "{text:?}: {:?}",
            texts(&ps)
        );
    }
    for text in [
        "---\ntitle: Modern Slavery Statement\n---\n\nWe respect human rights.\n".to_string(),
        format!("---\ntitle: Modern Slavery Statement\n{purpose}\n---\n\nWe respect human rights.\n"),
        "---\nDescription: This policy sets out our commitment to prohibit forced labour and child labour.\n---\n\nWe respect human rights.\n".into(),
        "---\nlayout: policy\npermalink: /policy/\n---\n\nWe respect human rights.\n".into(),
        "---\nowner: Compliance team\nreview: annual\n---\n\nWe respect human rights.\n".into(),
        "---\nintro: \"This policy sets out our commitment to prohibit forced labour.\"\n---\n\nWe respect human rights.\n".into(),
        "---\nintro: >\n  This policy sets out our commitment to prohibit forced labour.\n---\n\nWe respect human rights.\n".into(),
    ] {
        let ps = checked("fm.md", Format::Markdown, &text);
        assert_eq!(texts(&ps), ["We respect human rights."], "{text:?}");
    }
}

/// A heading without text (`##`, an image alone, `## ![logo](x.png)`, `<h2></h2>`) still closes
/// the sections at its level and deeper, as any heading does: the passages after it were put in
/// the section before. A heading the page never shows changes nothing.
#[test]
fn a_heading_without_text_closes_the_sections_at_its_level() {
    let md = "# A\n\n## B\n\ntext b\n\n##\n\ntext after empty\n\n## ![logo](x.png)\n\ntext after image heading\n\n### C\n\ntext c\n\n####\n\ntext after h4\n\n#\n\ntext after h1\n";
    let html = "<h1>A</h1><h2>B</h2><p>text b</p><h2></h2><p>text after empty</p>\
        <h2><img alt=\"logo\" src=\"x.png\"></h2><p>text after image heading</p><h3>C</h3><p>text c</p>\
        <div role=\"heading\" aria-level=\"4\"> </div><p>text after h4</p><h1></h1><p>text after h1</p>";
    for (format, text) in [(Format::Markdown, md), (Format::Html, html)] {
        let ps = checked("h", format, text);
        let got: Vec<_> = ps
            .iter()
            .map(|p| (p.text.as_str(), p.section.join(" › ")))
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                ("A", s("A")),
                ("B", s("A › B")),
                ("text b", s("A › B")),
                ("text after empty", s("A")),
                ("text after image heading", s("A")),
                ("C", s("A › C")),
                ("text c", s("A › C")),
                ("text after h4", s("A › C")),
                ("text after h1", s("")),
            ],
            "{text}"
        );
    }
    let hidden = "<h1>A</h1><h2>B</h2><p>text b</p><h2 hidden>Draft</h2><div style=\"display: none\"><h2>Old</h2></div><p>still b</p>";
    let ps = checked("hidden.html", Format::Html, hidden);
    assert_eq!(
        ps.last().map(|p| p.section.join(" › ")),
        Some("A › B".into())
    );
}
