//! Ingestion: one test per encoding and per kind of bad input, on committed fixtures
//! (`tests/fixtures/ingest/`) and on trees built in a temporary folder.

use hria::ingest::{
    degraded, degraded_reason, load, load_all, walk, Candidate, IngestOptions, Skip, SkipKind,
};
use hria::model::{Document, Format, Lang};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(rel)
}

fn opts() -> IngestOptions {
    IngestOptions::default()
}

/// Walks one file given directly and loads it.
fn load_path(path: &Path, opts: &IngestOptions) -> Result<Document, Skip> {
    let (cands, skips) = walk(&[path.to_path_buf()], opts);
    assert!(skips.is_empty(), "walk skipped {skips:?}");
    assert_eq!(cands.len(), 1, "{cands:?}");
    load(&cands[0], opts)
}

fn load_fixture(rel: &str) -> Document {
    load_path(&fixture(rel), &opts()).unwrap_or_else(|s| panic!("{rel}: skipped: {s}"))
}

fn skip_fixture(rel: &str, o: &IngestOptions) -> Skip {
    match load_path(&fixture(rel), o) {
        Ok(doc) => panic!("{rel}: expected a skip, loaded {} bytes", doc.text.len()),
        Err(s) => s,
    }
}

fn ids(cands: &[Candidate]) -> Vec<&str> {
    cands.iter().map(|c| c.id.as_str()).collect()
}

/// The text every encoding fixture of the statement decodes to.
fn statement_text() -> String {
    fs::read_to_string(fixture("encodings/utf8.md")).unwrap()
}

#[test]
fn utf8() {
    let doc = load_fixture("encodings/utf8.md");
    let bytes = fs::read(fixture("encodings/utf8.md")).unwrap();
    assert_eq!(doc.text, statement_text());
    assert_eq!(
        (doc.encoding.as_str(), doc.encoding_source.as_str()),
        ("UTF-8", "detected")
    );
    assert_eq!(doc.replaced, 0);
    assert_eq!(doc.hash, blake3::hash(&bytes).to_hex().to_string());
    assert_eq!(doc.id, "utf8.md");
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.lang, Lang::Zh);
    assert_eq!(doc.meta.title, "Microsoft 全球人权声明");
    assert_eq!(degraded_reason(&doc), None);
}

#[test]
fn utf8_bom_stays_in_the_text_so_that_ranges_are_the_files_bytes() {
    let doc = load_fixture("encodings/utf8-bom.md");
    let bytes = fs::read(fixture("encodings/utf8-bom.md")).unwrap();
    // The text is the file's bytes, the BOM (U+FEFF) included.
    assert_eq!(doc.text.as_bytes(), &bytes[..]);
    assert_eq!(doc.text, format!("\u{FEFF}{}", statement_text()));
    assert_eq!(
        (doc.encoding.as_str(), doc.encoding_source.as_str()),
        ("UTF-8", "bom")
    );
    assert_eq!(doc.meta.title, "Microsoft 全球人权声明");
    assert_eq!(doc.lang, Lang::Zh);
    // The hash is of the raw bytes, BOM included.
    let plain = load_fixture("encodings/utf8.md");
    assert_ne!(doc.hash, plain.hash);
    // Read as the same text without the BOM, every range three bytes further: passages,
    // offset maps and the tags' evidence.
    let tagger = hria::tag::Tagger::new(hria::taxonomy::Taxonomy::builtin());
    let segmenter = hria::segment::Segmenter::shared();
    let with = hria::pipeline::process(&doc, segmenter, &tagger);
    let without = hria::pipeline::process(&plain, segmenter, &tagger);
    assert_eq!(with.len(), without.len());
    assert!(with.iter().any(|p| !p.tags.is_empty()));
    for (a, b) in with.iter().zip(&without) {
        let (pa, pb) = (&a.passage, &b.passage);
        assert_eq!(
            (&pa.text, &pa.section, pa.kind),
            (&pb.text, &pb.section, pb.kind)
        );
        assert_eq!(pa.range, pb.range.start + 3..pb.range.end + 3);
        assert_eq!(
            &bytes[pa.range.clone()],
            plain.text[pb.range.clone()].as_bytes()
        );
        for at in [0, pa.text.len()] {
            assert_eq!(pa.map.to_orig(at), pb.map.to_orig(at) + 3);
        }
        assert_eq!(a.tags.len(), b.tags.len());
        for (ta, tb) in a.tags.iter().zip(&b.tags) {
            for (ea, eb) in ta.evidence.iter().zip(&tb.evidence) {
                assert_eq!(
                    ea.range,
                    eb.range.start + 3..eb.range.end + 3,
                    "{}",
                    ea.rule
                );
            }
        }
    }
    // The first passage is the heading, as without the BOM.
    assert_eq!(with[0].passage.text, "Microsoft 全球人权声明");
}

#[test]
fn an_encoding_guessed_from_little_evidence_is_reported() {
    // Four kanji in EUC-JP read as Chinese in GB18030 too: the guess stands, reported. Four
    // Chinese words in English, in GBK, which chardetng guessed as EUC-KR, are read as GB18030,
    // without a report.
    let dir = tempfile::tempdir().unwrap();
    let (kanji, _, _) = encoding_rs::EUC_JP.encode("人権方針");
    fs::write(dir.path().join("kanji.txt"), &kanji).unwrap();
    let english =
        "We respect workers' rights (劳工权利) in all our operations and with our suppliers.";
    let (gbk, _, _) = encoding_rs::GBK.encode(english);
    fs::write(dir.path().join("english.txt"), &gbk).unwrap();
    let (docs, skips) = load_all(&[dir.path().to_path_buf()], &opts());
    let texts: Vec<(&str, &str, &str)> = docs
        .iter()
        .map(|d| {
            (
                d.text.as_str(),
                d.encoding.as_str(),
                d.encoding_source.as_str(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        [
            (english, "gb18030", "detected"),
            ("人権方針", "EUC-JP", "guessed")
        ]
    );
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(skips[0].kind, SkipKind::Degraded);
    assert!(skips[0].path.ends_with("kanji.txt"));
    assert_eq!(
        skips[0].reason,
        "encoding guessed from little evidence: read as EUC-JP, but its bytes read as Chinese in GB18030 as well (if it is Chinese, use --encoding gb18030)"
    );
}

#[test]
fn utf16le_bom() {
    let doc = load_fixture("encodings/utf16le-bom.txt");
    assert_eq!(doc.text, statement_text());
    assert_eq!(
        (doc.encoding.as_str(), doc.encoding_source.as_str()),
        ("UTF-16LE", "bom")
    );
    assert_eq!(doc.replaced, 0);
}

#[test]
fn utf16be_bom() {
    let doc = load_fixture("encodings/utf16be-bom.txt");
    assert_eq!(doc.text, statement_text());
    assert_eq!(
        (doc.encoding.as_str(), doc.encoding_source.as_str()),
        ("UTF-16BE", "bom")
    );
}

#[test]
fn utf16_without_bom_is_recognised_by_its_nul_pattern() {
    for (file, enc) in [
        ("encodings/utf16le-nobom.txt", "UTF-16LE"),
        ("encodings/utf16be-nobom.txt", "UTF-16BE"),
    ] {
        let doc = load_fixture(file);
        assert!(doc.text.starts_with("# Human rights statement\n"), "{file}");
        assert_eq!(
            (doc.encoding.as_str(), doc.encoding_source.as_str()),
            (enc, "detected")
        );
        assert_eq!(doc.lang, Lang::En);
    }
}

#[test]
fn gb18030() {
    let doc = load_fixture("encodings/gb18030.txt");
    assert!(
        ["GBK", "gb18030"].contains(&doc.encoding.as_str()),
        "{}",
        doc.encoding
    );
    assert_eq!(doc.encoding_source, "detected");
    assert_eq!(doc.replaced, 0);
    assert!(
        doc.text.starts_with("计算、数字技术创新和连接性"),
        "{}",
        doc.text
    );
    // U+3400 is a four-byte GB18030 sequence.
    assert!(doc.text.ends_with("罕用字：㐀。\n"));
    assert_eq!(doc.lang, Lang::Zh);
}

#[test]
fn big5() {
    let doc = load_fixture("encodings/big5.txt");
    assert_eq!(
        (doc.encoding.as_str(), doc.encoding_source.as_str()),
        ("Big5", "detected")
    );
    assert_eq!(doc.replaced, 0);
    assert!(
        doc.text.starts_with("世界人權宣言\n\n序言\n\n鑑於"),
        "{}",
        doc.text
    );
    assert_eq!(doc.lang, Lang::Zh);
}

/// A legacy CJK file cut off in its last character is still read in its encoding, with the cut
/// character replaced and reported, rather than as windows-1252 mojibake.
#[test]
fn legacy_cjk_cut_mid_character_is_detected_and_degraded() {
    for (rel, whole, encodings, start) in [
        (
            "cut/gb18030.txt",
            "encodings/gb18030.txt",
            &["GBK", "gb18030"][..],
            "计算、数字技术创新和连接性",
        ),
        (
            "cut/big5.txt",
            "encodings/big5.txt",
            &["Big5"][..],
            "世界人權宣言",
        ),
    ] {
        let doc = load_fixture(rel);
        assert!(
            encodings.contains(&doc.encoding.as_str()),
            "{rel}: {}",
            doc.encoding
        );
        assert_eq!(doc.replaced, 1, "{rel}");
        assert!(doc.text.starts_with(start), "{rel}: {}", doc.text);
        assert_eq!(doc.text, load_fixture(whole).text + "\u{FFFD}", "{rel}");
        let reason = degraded_reason(&doc).unwrap();
        assert!(
            reason.starts_with("1 invalid byte sequence replaced with U+FFFD (decoded as"),
            "{rel}: {reason}"
        );
    }
}

#[test]
fn an_html_page_is_read_in_the_charset_it_declares() {
    // Mostly ASCII, so chardetng guessed a single-byte encoding and 劳工 came out as Thai letters.
    for (file, encoding, text) in [
        (
            "html/declared-gbk.html",
            "GBK",
            "(劳工) labour and (强迫劳动) forced",
        ),
        (
            "html/declared-big5.html",
            "Big5",
            "(勞工) labour rights and prohibit (強迫勞動)",
        ),
    ] {
        let doc = load_fixture(file);
        assert_eq!(
            (
                doc.encoding.as_str(),
                doc.encoding_source.as_str(),
                doc.replaced
            ),
            (encoding, "declared", 0),
            "{file}"
        );
        assert!(doc.text.contains(text), "{file}: {}", doc.text);
    }
    // `--encoding` still comes first.
    let big5 = IngestOptions {
        encoding: Some("big5".into()),
        ..opts()
    };
    let doc = load_path(&fixture("html/declared-gbk.html"), &big5).unwrap();
    assert_eq!(doc.encoding_source, "option");
}

#[test]
fn single_byte_legacy_text() {
    let doc = load_fixture("encodings/latin1.txt");
    assert_eq!(doc.encoding, "windows-1252");
    assert!(doc.text.starts_with("Café society"), "{}", doc.text);
    assert!(doc.text.contains("œuvre"));
}

#[test]
fn invalid_utf8_is_loaded_degraded_with_exact_count() {
    let doc = load_fixture("bad/invalid-utf8.md");
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.replaced, 2);
    assert!(
        doc.text
            .contains("尊重人权\u{FFFD}是核心价值观。\u{FFFD}\n"),
        "{}",
        doc.text
    );
    let reason = degraded_reason(&doc).unwrap();
    assert!(
        reason.starts_with("2 invalid byte sequences replaced"),
        "{reason}"
    );
    let skip = degraded(&doc).unwrap();
    assert_eq!(skip.kind, SkipKind::Degraded);
    assert_eq!(skip.path, doc.path);
}

#[test]
fn binary_file_with_nul_is_skipped() {
    let s = skip_fixture("bad/binary.md", &opts());
    assert_eq!(s.kind, SkipKind::Binary);
    assert_eq!(s.reason, "binary file (NUL byte at offset 8)");
    assert!(s.path.ends_with("bad/binary.md"));
    // An explicit non-UTF-16 encoding does not make NULs text.
    let o = IngestOptions {
        encoding: Some("gbk".into()),
        ..opts()
    };
    assert_eq!(skip_fixture("bad/binary.md", &o).kind, SkipKind::Binary);
}

/// Binary data without a NUL byte decodes, as a single-byte encoding, to text of which about one
/// char in eight is a control char: a binary file all the same. A few control chars (a bell,
/// colour codes) leave text text.
#[test]
fn binary_file_without_nul_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut seed = 7u64;
    let random: Vec<u8> = (0..20_000)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 56) as u8).max(1)
        })
        .collect();
    let controls: Vec<u8> = (1u8..0x20).cycle().take(2_000).collect();
    for (name, bytes) in [("random.txt", random), ("controls.txt", controls)] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let s = load_path(&path, &opts()).map(|d| d.text).unwrap_err();
        assert_eq!(s.kind, SkipKind::Binary, "{name}: {s:?}");
        assert!(
            s.reason.contains("are control characters"),
            "{name}: {}",
            s.reason
        );
    }
    // Word ends a table cell with a bell; nroff makes bold with backspaces.
    let path = dir.path().join("table.txt");
    let text = "Forced labour\u{7}Audited\u{7}2023\u{7}\u{7}\n".repeat(40);
    fs::write(&path, &text).unwrap();
    assert_eq!(load_path(&path, &opts()).unwrap().text, text);
    let path = dir.path().join("log.txt");
    let text =
        "Alert\u{7}: \u{1b}[31mforced labour\u{1b}[0m found at a supplier.\u{c}\n".repeat(20);
    fs::write(&path, &text).unwrap();
    assert_eq!(load_path(&path, &opts()).unwrap().text, text);
}

/// A file that is part UTF-8 and part GBK (two files joined) is read as UTF-8 and reported as
/// degraded, not read as Windows-1252, which garbles both parts without one replacement.
#[test]
fn a_file_mixing_utf8_and_gbk_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.md");
    let gbk_text = "我们禁止强迫劳动和童工，尊重结社自由。".repeat(6);
    let (gbk, _, _) = encoding_rs::GBK.encode(&gbk_text);
    let mut bytes = "我们承诺尊重人权。\n\n".as_bytes().to_vec();
    bytes.extend_from_slice(&gbk);
    fs::write(&path, &bytes).unwrap();
    let doc = load_path(&path, &opts()).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert!(doc.text.starts_with("我们承诺尊重人权。"), "{}", doc.text);
    assert!(doc.replaced > 0);
    assert!(degraded_reason(&doc).is_some());
    // A longer UTF-8 part, which chardetng took for GBK or Shift_JIS with the rest, garbling
    // it without a replacement; and GBK alone stays GBK.
    let utf8_text = "我们承诺尊重国际公认的人权，禁止强迫劳动和童工。".repeat(3);
    let mut bytes = utf8_text.as_bytes().to_vec();
    bytes.extend_from_slice(&gbk);
    fs::write(&path, &bytes).unwrap();
    let doc = load_path(&path, &opts()).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert!(doc.text.starts_with(&utf8_text), "{}", doc.text);
    assert!(doc.replaced > 0 && degraded_reason(&doc).is_some());
    fs::write(&path, &gbk).unwrap();
    let doc = load_path(&path, &opts()).unwrap();
    assert_eq!((doc.text.as_str(), doc.replaced), (gbk_text.as_str(), 0));
    // Single-byte texts make two-byte UTF-8 sequences by accident (a capital before і or є in
    // Windows-1251, `É` before a no-break space in Windows-1252): they stay single-byte text.
    for (name, encoding, text) in [
        (
            "uk.txt",
            encoding_rs::WINDOWS_1251,
            "ПОЛІТИКА ЩОДО ПРАВ ЛЮДИНИ: Їх повага, Європа і «Україна». ".repeat(12),
        ),
        (
            "fr.txt",
            encoding_rs::WINDOWS_1252,
            "SÉCURITÉ\u{a0}: les fournisseurs ÉVALUÉS\u{a0}; droits de l'homme. ".repeat(12),
        ),
    ] {
        let path = dir.path().join(name);
        let (bytes, _, _) = encoding.encode(&text);
        fs::write(&path, &bytes).unwrap();
        let doc = load_path(&path, &opts()).unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.replaced),
            (text.as_str(), 0),
            "{name}"
        );
    }
}

/// A UTF-8 file with UTF-16 appended without a BOM (two files joined) is skipped, its reason
/// naming both parts: read as UTF-16 as a whole, its UTF-8 part was fake Chinese, exit 0.
#[test]
fn a_file_joining_utf8_and_utf16_is_skipped_as_mixed() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = "Our Human Rights Policy\n\nWe prohibit forced labour and child labour in our supply chain.\n\n";
    assert_eq!(utf8.len(), 90);
    for (name, repeat, encoding) in [("e1.txt", 2, "UTF-16LE"), ("a.txt", 1, "UTF-16LE")] {
        let appendix =
            "Appendix\n\nWorkers may raise grievances through our hotline.\n".repeat(repeat);
        let mut bytes = utf8.as_bytes().to_vec();
        bytes.extend(appendix.encode_utf16().flat_map(u16::to_le_bytes));
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let s = load_path(&path, &opts()).unwrap_err();
        assert_eq!(s.kind, SkipKind::Binary, "{name}");
        assert_eq!(s.path, path);
        assert_eq!(
            s.reason,
            format!(
                "mixed encodings (bytes 0..91 read as UTF-8 text, the rest as {encoding}: a file \
                 of two encodings joined is not read)"
            ),
            "{name}"
        );
    }
}

#[test]
fn empty_and_whitespace_files_are_skipped() {
    let s = skip_fixture("bad/empty.md", &opts());
    assert_eq!(
        (s.kind, s.reason.as_str()),
        (SkipKind::Empty, "empty file (0 bytes)")
    );
    // Includes U+3000, the ideographic space.
    let s = skip_fixture("bad/whitespace.txt", &opts());
    assert_eq!(
        (s.kind, s.reason.as_str()),
        (SkipKind::Empty, "empty file (only whitespace)")
    );
    // Zero-width spaces and a BOM mid-file make no text either.
    let dir = tempfile::tempdir().unwrap();
    let invisible = dir.path().join("invisible.md");
    fs::write(&invisible, "\u{200B}\n\u{200B} \u{FEFF}\n").unwrap();
    let s = load_path(&invisible, &opts()).unwrap_err();
    assert_eq!(
        (s.kind, s.reason.as_str()),
        (
            SkipKind::Empty,
            "empty file (only whitespace and invisible characters)"
        )
    );
}

#[test]
fn oversized_file_is_skipped_with_size_and_limit() {
    let o = IngestOptions {
        max_file_size: 100,
        ..opts()
    };
    let size = fs::metadata(fixture("encodings/utf8.md")).unwrap().len();
    let s = skip_fixture("encodings/utf8.md", &o);
    assert_eq!(s.kind, SkipKind::TooLarge);
    assert_eq!(
        s.reason,
        format!("file too large ({size} bytes, limit 100 bytes)")
    );
    // At the limit exactly, it is read.
    let o = IngestOptions {
        max_file_size: size,
        ..opts()
    };
    assert!(load_path(&fixture("encodings/utf8.md"), &o).is_ok());
}

#[test]
fn nonexistent_path_is_a_skip_with_the_os_error() {
    let missing = fixture("no/such/file.md");
    let (cands, skips) = walk(std::slice::from_ref(&missing), &opts());
    assert!(cands.is_empty());
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!((skips[0].kind, &skips[0].path), (SkipKind::Io, &missing));
    let os_text = fs::read(&missing).unwrap_err().to_string();
    assert!(skips[0].reason.contains(&os_text), "{}", skips[0].reason);

    // A candidate that vanished between walk and load.
    let c = Candidate::new(missing.clone(), "file.md".into(), Format::Markdown);
    let s = load(&c, &opts()).unwrap_err();
    assert_eq!(s.kind, SkipKind::Io);
    assert!(s.reason.contains(&os_text), "{}", s.reason);
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_folder_are_skips() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("locked.md");
    fs::write(&file, "# Locked\n").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    let sub = dir.path().join("locked-dir");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("inside.md"), "# Inside\n").unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o000)).unwrap();

    // Privileged users (root in CI containers) can read mode-000 files: then there is nothing
    // to observe, and the assertions would be about the environment, not the code.
    let privileged = fs::read(&file).is_ok();
    let (cands, skips) = walk(&[dir.path().to_path_buf()], &opts());
    let results: Vec<_> = cands.iter().map(|c| load(c, &opts())).collect();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    if privileged {
        eprintln!("running with privileges: mode-000 files are readable, skipping assertions");
        assert!(results.iter().all(|r| r.is_ok()));
        return;
    }
    assert_eq!(ids(&cands), ["locked.md"]);
    let s = results[0].as_ref().unwrap_err();
    assert_eq!(s.kind, SkipKind::Io);
    assert!(s.reason.contains("Permission denied"), "{}", s.reason);
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(
        (skips[0].kind, skips[0].path.as_path()),
        (SkipKind::Io, sub.as_path())
    );
    assert!(
        skips[0].reason.contains("Permission denied"),
        "{}",
        skips[0].reason
    );
}

#[test]
fn hidden_files_and_folders_are_left_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("visible.md"), "# V\n").unwrap();
    fs::write(dir.path().join(".hidden.md"), "# H\n").unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join(".git/notes.md"), "# N\n").unwrap();
    let root = vec![dir.path().to_path_buf()];

    let (cands, skips) = walk(&root, &opts());
    assert_eq!(ids(&cands), ["visible.md"]);
    assert!(skips.is_empty(), "hidden files are not noise: {skips:?}");

    let o = IngestOptions {
        hidden: true,
        ..opts()
    };
    let (cands, _) = walk(&root, &o);
    assert_eq!(ids(&cands), [".git/notes.md", ".hidden.md", "visible.md"]);

    // A hidden file named directly is read.
    let (cands, _) = walk(&[dir.path().join(".hidden.md")], &opts());
    assert_eq!(ids(&cands), [".hidden.md"]);
}

#[cfg(unix)]
#[test]
fn symlinks_are_reported_unless_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("real.md"), "# Real\n").unwrap();
    symlink(d.join("real.md"), d.join("link.md")).unwrap();
    fs::create_dir(d.join("target")).unwrap();
    fs::write(d.join("target/t.md"), "# T\n").unwrap();
    symlink(d.join("target"), d.join("linked-dir")).unwrap();
    symlink(d.join("nowhere.md"), d.join("broken.md")).unwrap();
    let root = vec![d.to_path_buf()];

    let (cands, skips) = walk(&root, &opts());
    assert_eq!(ids(&cands), ["real.md", "target/t.md"]);
    let reported: Vec<_> = skips
        .iter()
        .map(|s| {
            (
                s.path.file_name().unwrap().to_str().unwrap(),
                s.kind,
                s.reason.as_str(),
            )
        })
        .collect();
    // A broken link is said to be broken: following it would not help.
    let not_followed = "symbolic link not followed (use --follow to read it)";
    assert_eq!(
        reported,
        [
            (
                "broken.md",
                SkipKind::Io,
                "broken symbolic link (target does not exist)"
            ),
            ("link.md", SkipKind::Symlink, not_followed),
            ("linked-dir", SkipKind::Symlink, not_followed)
        ]
    );

    let o = IngestOptions {
        follow: true,
        ..opts()
    };
    let (cands, skips) = walk(&root, &o);
    // Each file once, by its own path rather than through the link.
    assert_eq!(ids(&cands), ["real.md", "target/t.md"]);
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(skips[0].kind, SkipKind::Io);
    assert_eq!(
        skips[0].reason,
        "broken symbolic link (target does not exist)"
    );
    let doc = load(&cands[0], &o).unwrap();
    assert_eq!(doc.text, "# Real\n");

    // A symlink named directly is read.
    let (cands, skips) = walk(&[d.join("link.md")], &opts());
    assert_eq!((ids(&cands), skips.len()), (vec!["link.md"], 0));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("sub")).unwrap();
    fs::write(d.join("a.md"), "# A\n").unwrap();
    symlink(d, d.join("sub/loop")).unwrap();
    let o = IngestOptions {
        follow: true,
        ..opts()
    };
    let (cands, skips) = walk(&[d.to_path_buf()], &o);
    assert_eq!(ids(&cands), ["a.md"]);
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(skips[0].kind, SkipKind::SymlinkLoop);
    assert_eq!(skips[0].path, d.join("sub/loop"));
    assert!(
        skips[0].reason.starts_with("symbolic link loop"),
        "{}",
        skips[0].reason
    );
}

#[test]
fn chinese_file_and_folder_names() {
    let root = fixture("中文目录");
    let (cands, skips) = walk(std::slice::from_ref(&root), &opts());
    assert!(skips.is_empty(), "{skips:?}");
    assert_eq!(ids(&cands), ["人权声明.md", "子目录/供应商守则.md"]);
    let doc = load(&cands[1], &opts()).unwrap();
    assert_eq!(doc.id, "子目录/供应商守则.md");
    assert_eq!(doc.meta.title, "供应商行为准则");
    assert_eq!(doc.path, root.join("子目录").join("供应商守则.md"));
}

#[test]
fn order_is_by_name_not_creation() {
    let names = [
        "b.md", "a/z.md", "c.txt", "a/b/y.md", "A.md", "中.md", "0.html",
    ];
    let mut listings = Vec::new();
    for order in [names.to_vec(), names.iter().rev().copied().collect()] {
        let dir = tempfile::tempdir().unwrap();
        for n in order {
            let p = dir.path().join(n);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let (cands, _) = walk(&[dir.path().to_path_buf()], &opts());
        listings.push(
            ids(&cands)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(
        listings[0],
        ["0.html", "A.md", "a/b/y.md", "a/z.md", "b.md", "c.txt", "中.md"]
    );
    assert_eq!(listings[0], listings[1]);
}

#[test]
fn unsupported_extensions_are_reported() {
    let (cands, skips) = walk(&[fixture("bad")], &opts());
    assert_eq!(
        ids(&cands),
        ["binary.md", "empty.md", "invalid-utf8.md", "whitespace.txt"]
    );
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(skips[0].kind, SkipKind::Unsupported);
    assert_eq!(skips[0].reason, "unsupported extension .pdf");
    assert!(skips[0].path.ends_with("report.pdf"));

    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("README"), "x").unwrap();
    fs::write(dir.path().join("page.HTM"), "<h1>x</h1>").unwrap();
    let (cands, skips) = walk(&[dir.path().to_path_buf()], &opts());
    assert_eq!(cands[0].format, Format::Html);
    assert_eq!(skips[0].reason, "unsupported file type (no extension)");
}

/// Every manifest entry that gives its metadata to no document is reported, with why: a folder,
/// a hidden file, a path outside the folder, a file of a kind not read; entries naming the same
/// document twice are reported and not used; and a folder reached by two spellings has its
/// manifest's problems reported once.
#[test]
fn unused_and_duplicate_manifest_entries_are_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("c");
    fs::create_dir_all(d.join("sub")).unwrap();
    fs::write(d.join("a.md"), "# A\n").unwrap();
    fs::write(d.join("b.md"), "# B\n").unwrap();
    fs::write(d.join(".h.md"), "# H\n").unwrap();
    fs::write(d.join("sub/x.md"), "# X\n").unwrap();
    fs::write(d.join("r.pdf"), "%PDF").unwrap();
    fs::write(dir.path().join("out.md"), "# Out\n").unwrap();
    let manifest = [
        ("a.md", "A"),
        ("./b.md", "B1"),
        ("b.md", "B2"),
        ("sub", "S"),
        ("sub/", "S/"),
        (".h.md", "H"),
        ("../out.md", "O"),
        ("r.pdf", "P"),
        ("gone.md", "G"),
        // Spelt with `.`, `..` and a doubled slash, it still names its file.
        ("./sub/.././sub//x.md", "X"),
    ]
    .iter()
    .map(|(k, t)| format!("[documents.\"{k}\"]\ntitle = \"{t}\"\n"))
    .collect::<String>();
    fs::write(d.join("manifest.toml"), manifest).unwrap();
    // The folder itself, and through `sub/..`, and a file in it: one manifest.
    let roots = [d.clone(), d.join("sub/.."), d.join("a.md")];
    let (cands, skips) = walk(&roots, &opts());
    let titles: Vec<(&str, Option<&str>)> = cands
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.meta.as_ref().and_then(|m| m.title.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [("a.md", Some("A")), ("b.md", None), ("sub/x.md", Some("X"))]
    );
    let reasons: Vec<&str> = skips
        .iter()
        .filter(|s| s.kind == SkipKind::Manifest)
        .map(|s| s.reason.as_str())
        .collect();
    let mut expected = vec![
        "line 5, column 12: duplicate manifest entries \"./b.md\" and \"b.md\" name the same document \"b.md\"; none of them is used; that document gets no manifest metadata",
        "manifest entry \".h.md\" names a hidden file, which is not read: it is not used",
        "manifest entry \"../out.md\" is outside the folder: it matches no document (keys are paths inside the folder, such as \"reports/2023.md\")",
        "manifest entry \"gone.md\" matches no file",
        "manifest entry \"r.pdf\" names a file that is not read (not Markdown, text or HTML): it is not used",
        "manifest entry \"sub\" names a folder, not a document: it is not used (name each file, \"sub/a.md\")",
        "manifest entry \"sub/\" names a folder, not a document: it is not used (name each file, \"sub/a.md\")",
    ];
    let mut got = reasons.clone();
    got.sort_unstable();
    expected.sort_unstable();
    assert_eq!(got, expected, "{skips:#?}");
}

#[test]
fn manifest_metadata_is_applied() {
    let (cands, skips) = walk(&[fixture("manifest")], &opts());
    assert_eq!(
        ids(&cands),
        ["statement.md", "sub/annex.txt", "unlisted.md"]
    );
    // manifest.toml itself is not reported; the stale entry is.
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(skips[0].kind, SkipKind::Manifest);
    assert!(skips[0].path.ends_with("manifest/manifest.toml"));
    assert_eq!(
        skips[0].reason,
        "manifest entry \"gone.md\" matches no file"
    );

    let docs: Vec<Document> = cands.iter().map(|c| load(c, &opts()).unwrap()).collect();
    let m = &docs[0].meta;
    assert_eq!(m.title, "示例公司人权政策");
    assert_eq!(m.organisation.as_deref(), Some("Example Co."));
    assert_eq!(m.kind.as_deref(), Some("policy"));
    assert_eq!(m.year, Some(2023));
    assert_eq!(
        m.source.as_deref(),
        Some("https://example.com/human-rights-policy")
    );
    // The manifest's language wins over detection (the text is English).
    assert_eq!(docs[0].lang, Lang::Zh);
    assert_eq!(
        (docs[1].meta.title.as_str(), docs[1].lang),
        ("Annex", Lang::En)
    );
    // No entry: title from the heading, language from the text, nothing else.
    assert_eq!(docs[2].meta.title, "未登记的文件");
    assert_eq!(docs[2].lang, Lang::Zh);
    assert_eq!(docs[2].meta.organisation, None);

    // A file given directly uses the manifest beside it.
    let (cands, skips) = walk(&[fixture("manifest/statement.md")], &opts());
    assert!(skips.is_empty(), "{skips:?}");
    let doc = load(&cands[0], &opts()).unwrap();
    assert_eq!(doc.meta.title, "示例公司人权政策");
}

#[test]
fn broken_manifest_is_reported_and_documents_still_load() {
    let (cands, skips) = walk(&[fixture("broken-manifest")], &opts());
    assert_eq!(ids(&cands), ["doc.md"]);
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(skips[0].kind, SkipKind::Manifest);
    assert!(skips[0].path.ends_with("broken-manifest/manifest.toml"));
    assert!(
        skips[0]
            .reason
            .starts_with("line 3, column 8: invalid manifest entry \"doc.md\": "),
        "{}",
        skips[0].reason
    );
    let doc = load(&cands[0], &opts()).unwrap();
    assert_eq!(doc.meta.title, "标题");

    let (_, skips) = walk(&[fixture("bad-language")], &opts());
    assert!(
        skips[0].reason.starts_with("line 3, ")
            && skips[0].reason.contains("unknown language `klingon`"),
        "{}",
        skips[0].reason
    );
}

#[test]
fn corpus_manifest_describes_the_statement() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (cands, skips) = walk(&[corpus], &opts());
    assert!(skips.is_empty(), "{skips:?}");
    let c = cands
        .iter()
        .find(|c| c.id == "microsoft-global-human-rights-statement.zh.md")
        .unwrap();
    let doc = load(c, &opts()).unwrap();
    assert_eq!(doc.meta.title, "Microsoft 全球人权声明");
    assert_eq!(doc.meta.organisation.as_deref(), Some("Microsoft"));
    assert_eq!(doc.meta.kind.as_deref(), Some("statement"));
    assert_eq!(doc.meta.year, None);
    assert_eq!(doc.lang, Lang::Zh);
    assert_eq!(
        doc.meta.source.as_deref(),
        Some("https://www.microsoft.com/zh-cn/corporate-responsibility/human-rights-statement")
    );
}

#[test]
fn title_from_first_heading_without_manifest() {
    let title = |rel: &str| load_fixture(rel).meta.title;
    // A `#` line inside a code block is not a heading.
    assert_eq!(title("titles/heading.md"), "第一 标题");
    assert_eq!(title("titles/page.html"), "人权 政策");
    assert_eq!(title("titles/h1-only.htm"), "Supplier Code of Conduct");
    assert_eq!(title("titles/no-heading.txt"), "no-heading");
}

#[test]
fn title_from_markdown_front_matter_without_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("statement.md");
    fs::write(
        &path,
        "---\ntitle: Modern Slavery Statement\nauthor: Acme plc\n---\n\n# Introduction\n\nAcme prohibits forced labour.\n",
    )
    .unwrap();
    let doc = load_path(&path, &opts()).unwrap();
    assert_eq!(doc.meta.title, "Modern Slavery Statement");
}

#[test]
fn encoding_option_overrides_detection_but_not_a_bom() {
    let gbk = IngestOptions {
        encoding: Some("GBK".into()),
        ..opts()
    };
    let doc = load_path(&fixture("override/short-gbk.txt"), &gbk).unwrap();
    assert_eq!(doc.text, "人权");
    assert_eq!(
        (doc.encoding.as_str(), doc.encoding_source.as_str()),
        ("GBK", "option")
    );
    let doc = load_path(&fixture("encodings/utf8-bom.md"), &gbk).unwrap();
    assert_eq!(doc.encoding_source, "bom");

    // The Big5 file read as GB18030: wrong, but it is what was asked for.
    let gb = IngestOptions {
        encoding: Some("gb18030".into()),
        ..opts()
    };
    let doc = load_path(&fixture("encodings/big5.txt"), &gb).unwrap();
    assert_eq!(
        (doc.encoding.as_str(), doc.encoding_source.as_str()),
        ("gb18030", "option")
    );
    assert!(!doc.text.contains("世界人權宣言"));

    let utf16 = IngestOptions {
        encoding: Some("utf-16le".into()),
        ..opts()
    };
    let doc = load_path(&fixture("encodings/utf16le-nobom.txt"), &utf16).unwrap();
    assert_eq!(doc.encoding_source, "option");
}

#[test]
fn unknown_encoding_label_is_an_error_naming_it() {
    let o = IngestOptions {
        encoding: Some("klingon-8".into()),
        ..opts()
    };
    let e = o.validate().unwrap_err();
    assert!(e.to_string().contains("`klingon-8`"), "{e}");
    let s = skip_fixture("encodings/utf8.md", &o);
    assert_eq!(s.kind, SkipKind::Encoding);
    assert!(s.reason.contains("`klingon-8`"), "{}", s.reason);
    assert!(opts().validate().is_ok());
}

#[test]
fn colliding_ids_from_two_roots_are_qualified_whatever_their_order() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["one/docs", "two/docs", "three"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("x.md"), sub).unwrap();
    }
    fs::write(dir.path().join("three/only.md"), "only").unwrap();
    let roots: Vec<PathBuf> = ["one/docs", "two/docs", "three", "one/docs/x.md"]
        .iter()
        .map(|s| dir.path().join(s))
        .collect();
    let (cands, skips) = walk(&roots, &opts());
    assert!(skips.is_empty(), "{skips:?}");
    // The last root is the first file again: read once. Every colliding id is qualified (the
    // two `docs` folders by one more folder), an id no other root yields is left alone.
    let got = ids(&cands);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(&got[..2], ["one/docs/x.md", "two/docs/x.md"]);
    let base = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(got[2], "only.md");
    assert_eq!(got[3], format!("{base}/three/x.md"));
    let texts: Vec<String> = cands
        .iter()
        .map(|c| load(c, &opts()).unwrap().text)
        .collect();
    assert_eq!(texts, ["one/docs", "two/docs", "only", "three"]);

    // In another order, each file keeps its id.
    let reversed: Vec<PathBuf> = roots[..3].iter().rev().cloned().collect();
    let (again, _) = walk(&reversed, &opts());
    let by_path = |cs: &[Candidate]| {
        let mut v: Vec<(PathBuf, String)> =
            cs.iter().map(|c| (c.path.clone(), c.id.clone())).collect();
        v.sort();
        v
    };
    assert_eq!(by_path(&again), by_path(&cands));
}

#[cfg(unix)]
#[test]
fn a_file_reached_twice_through_a_followed_link_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "# A\n\ntext\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("a.md"), dir.path().join("b.md")).unwrap();
    let follow = IngestOptions {
        follow: true,
        ..opts()
    };
    let (cands, skips) = walk(&[dir.path().to_path_buf()], &follow);
    assert!(skips.is_empty(), "{skips:?}");
    assert_eq!(ids(&cands), ["a.md"]);
}

#[test]
fn load_all_keeps_walk_order_and_collects_every_problem() {
    let roots = vec![fixture("bad"), fixture("encodings")];
    let (docs, skips) = load_all(&roots, &opts());
    let (cands, _) = walk(&roots, &opts());
    let loaded: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<&str> = ids(&cands)
        .into_iter()
        .filter(|id| !["binary.md", "empty.md", "whitespace.txt"].contains(id))
        .collect();
    assert_eq!(loaded, expected);
    let kinds: Vec<(String, SkipKind)> = skips
        .iter()
        .map(|s| (s.path.file_name().unwrap().to_string_lossy().into(), s.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("binary.md".to_string(), SkipKind::Binary),
            ("empty.md".to_string(), SkipKind::Empty),
            ("invalid-utf8.md".to_string(), SkipKind::Degraded),
            ("report.pdf".to_string(), SkipKind::Unsupported),
            ("whitespace.txt".to_string(), SkipKind::Empty),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        label in prop::option::of(prop::sample::select(vec!["utf-8", "gbk", "big5", "utf-16le", "utf-16be", "shift_jis"])),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        fs::write(&path, &bytes).unwrap();
        let o = IngestOptions { encoding: label.map(String::from), ..opts() };
        match load(&Candidate::new(path.clone(), "f.txt".into(), Format::Text), &o) {
            Ok(doc) => {
                prop_assert!(!doc.text.trim().is_empty());
                prop_assert_eq!(&doc.hash, &blake3::hash(&bytes).to_hex().to_string());
                // Degraded: bytes replaced, or an encoding guessed that GB18030 would read too.
                let guessed = doc.encoding_source == "guessed";
                prop_assert_eq!(doc.replaced == 0 && !guessed, degraded_reason(&doc).is_none());
                // Every replacement left a U+FFFD (the input may hold real ones too).
                let marks = doc.text.matches(char::REPLACEMENT_CHARACTER).count();
                prop_assert!(doc.replaced <= marks, "{} > {}", doc.replaced, marks);
            }
            Err(s) => {
                prop_assert!(matches!(s.kind, SkipKind::Binary | SkipKind::Empty), "{:?}", s);
                prop_assert_eq!(s.path, path);
            }
        }
    }

    #[test]
    fn utf8_text_round_trips(text in "[^\u{0}\u{FEFF}]{1,200}") {
        // Text of only whitespace and invisible chars is an empty file (another test).
        prop_assume!(text
            .chars()
            .any(|c| !c.is_whitespace() && !hria::normalize::is_invisible(c)));
        // Text of more than one control char in twenty is binary (another test).
        let controls = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{C}' | '\u{1B}'))
            .count();
        prop_assume!(controls < 16 || controls * 20 <= text.chars().count());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.md");
        fs::write(&path, &text).unwrap();
        let doc = load(&Candidate::new(path, "f.md".into(), Format::Markdown), &opts()).unwrap();
        prop_assert_eq!(doc.text, text);
        prop_assert_eq!(doc.encoding, "UTF-8");
        prop_assert_eq!(doc.replaced, 0);
    }
}

/// A file the walk found in a folder and a link put in its place before it is read: the link
/// is not followed without --follow (the outside file's text would enter the index), and is
/// with it; a path given itself is followed as given.
#[test]
fn a_link_swapped_in_after_the_walk_is_not_followed() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let outside = d.path().join("outside.md");
    fs::write(&outside, "SECRETWORD outside the corpus.\n").unwrap();
    let inside = corpus.join("a.md");
    fs::write(&inside, "We respect human rights.\n").unwrap();
    let (cands, skips) = walk(std::slice::from_ref(&corpus), &IngestOptions::default());
    assert!(skips.is_empty(), "{skips:?}");
    assert_eq!(cands.len(), 1);
    fs::remove_file(&inside).unwrap();
    std::os::unix::fs::symlink(&outside, &inside).unwrap();
    match load(&cands[0], &IngestOptions::default()) {
        Err(skip) => assert_eq!(skip.kind, SkipKind::Symlink, "{skip}"),
        Ok(doc) => panic!("read through the link: {:?}", doc.text),
    }
    let follow = IngestOptions {
        follow: true,
        ..IngestOptions::default()
    };
    assert!(load(&cands[0], &follow)
        .unwrap()
        .text
        .contains("SECRETWORD"));
    // Given itself, a link is read.
    let (given, _) = walk(std::slice::from_ref(&inside), &IngestOptions::default());
    assert!(load(&given[0], &IngestOptions::default())
        .unwrap()
        .text
        .contains("SECRETWORD"));
}
