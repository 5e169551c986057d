//! Library-level index tests on hand-built tagged passages: facets (a parent tag matches its
//! children), cited/covered kept apart, stored tags, and the reader API.

use hria::index::schema::{self, CommitPayload, DocRecord, IndexManifest};
use hria::index::{open_reader, register_tokenizer, segmenter, writer, Fields};
use hria::model::{
    Basis, DocMeta, Document, Evidence, Format, Lang, OffsetMap, Passage, PassageKind, Tag,
    TaggedPassage,
};
use hria::query::search::{search, SearchRequest};
use hria::taxonomy::Taxonomy;
use std::path::Path;
use tantivy::collector::TopDocs;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

fn tag(id: &str, basis: Basis, score: f32) -> Tag {
    Tag {
        tag: id.into(),
        score,
        basis,
        planned: false,
        evidence: vec![Evidence {
            range: 0..3,
            matched: "abc".into(),
            rule: format!("test:{id}"),
            text_range: None,
        }],
    }
}

fn passage(doc: &str, n: usize, text: &str, tags: Vec<Tag>) -> TaggedPassage {
    let mut map = OffsetMap::new();
    map.push(0, text.len(), 100, text.len());
    TaggedPassage {
        passage: Passage {
            id: format!("{doc}#{n}"),
            doc: doc.into(),
            section: vec!["劳工".into(), "供应链".into()],
            kind: PassageKind::Paragraph,
            lang: Lang::Zh,
            range: 100..100 + text.len(),
            text: text.into(),
            map,
            sentences: std::iter::once(0..text.len()).collect(),
            tokens: segmenter().tokens(text),
            edges: Default::default(),
        },
        tags,
    }
}

/// Writes passages and a manifest the way `hria index` does, in one commit.
fn write(dir: &Path, passages: &[TaggedPassage]) {
    write_with(dir, passages, true);
}

/// [`write`], with the document records or without them.
fn write_with(dir: &Path, passages: &[TaggedPassage], records: bool) {
    let index = tantivy::Index::create_in_dir(dir, schema::schema()).unwrap();
    register_tokenizer(&index);
    let fields = Fields::resolve(&index.schema()).unwrap();
    let mut w: tantivy::IndexWriter<writer::PassageDoc> = index.writer(15 << 20).unwrap();
    let mut manifest = IndexManifest {
        payload: CommitPayload {
            schema_version: schema::SCHEMA_VERSION,
            taxonomy_version: "t".into(),
            taxonomy_hash: "h".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    for (i, p) in passages.iter().enumerate() {
        w.add_document(writer::to_document(&fields, i as u64, p))
            .unwrap();
        manifest.documents.insert(
            p.passage.doc.clone(),
            DocRecord {
                title: format!("Title of {}", p.passage.doc),
                passages: 1,
                ..Default::default()
            },
        );
    }
    for (id, record) in manifest.documents.iter().filter(|_| records) {
        w.add_document(writer::record_document(&fields, id, record))
            .unwrap();
    }
    let mut c = w.prepare_commit().unwrap();
    c.set_payload(&serde_json::to_string(&manifest.payload).unwrap());
    c.commit().unwrap();
}

fn fixture() -> (tempfile::TempDir, Vec<TaggedPassage>) {
    let tmp = tempfile::tempdir().unwrap();
    let ps = vec![
        passage(
            "a",
            0,
            "我们禁止强迫劳动。",
            vec![
                tag("instrument/ILO-FPRW", Basis::Covered, 0.7),
                tag("right/labour/forced-labour", Basis::Matched, 0.9),
            ],
        ),
        passage(
            "a",
            1,
            "我们尊重《公民权利和政治权利国际公约》规定的结社自由。",
            vec![
                tag("instrument/ICCPR", Basis::Cited, 1.0),
                tag("right/labour/association", Basis::Matched, 0.8),
            ],
        ),
        passage(
            "b",
            0,
            "我们保护隐私。",
            vec![tag("right/privacy", Basis::Matched, 0.6)],
        ),
        passage("b", 1, "我们的供应商。", vec![]),
    ];
    write(tmp.path(), &ps);
    (tmp, ps)
}

fn ids(dir: &Path, req: SearchRequest) -> Vec<String> {
    let h = open_reader(dir).unwrap();
    let mut v: Vec<String> = search(&h, &SearchRequest { limit: 100, ..req })
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    v.sort();
    v
}

fn tags(t: &[&str]) -> SearchRequest {
    SearchRequest {
        tags: t.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn a_parent_tag_matches_its_children() {
    let (tmp, _) = fixture();
    assert_eq!(ids(tmp.path(), tags(&["right/labour"])), ["a#0", "a#1"]);
    assert_eq!(
        ids(tmp.path(), tags(&["right/labour/forced-labour"])),
        ["a#0"]
    );
    assert_eq!(ids(tmp.path(), tags(&["/right"])), ["a#0", "a#1", "b#0"]);
    // `instrument` also matches a#0, which covers ILO-FPRW without naming it.
    assert_eq!(
        ids(tmp.path(), tags(&["right/labour", "instrument"])),
        ["a#0", "a#1"]
    );
    assert!(ids(tmp.path(), tags(&["right/labour/child-labour"])).is_empty());
}

#[test]
fn an_instrument_tag_matches_covered_passages_and_cited_only_named_ones() {
    let (tmp, _) = fixture();
    assert_eq!(ids(tmp.path(), tags(&["instrument/ILO-FPRW"])), ["a#0"]);
    assert_eq!(ids(tmp.path(), tags(&["instrument/ICCPR"])), ["a#1"]);
    let cited = |c: &str| SearchRequest {
        cited: vec![c.into()],
        ..Default::default()
    };
    assert_eq!(ids(tmp.path(), cited("ICCPR")), ["a#1"]);
    assert_eq!(ids(tmp.path(), cited("instrument/ICCPR")), ["a#1"]);
    assert!(ids(tmp.path(), cited("ILO-FPRW")).is_empty());

    // The covered facet is there for coverage queries.
    let h = open_reader(tmp.path()).unwrap();
    let q = tantivy::query::TermQuery::new(
        tantivy::Term::from_facet(h.fields.covered, &schema::tag_facet("instrument/ILO-FPRW")),
        tantivy::schema::IndexRecordOption::Basic,
    );
    assert_eq!(
        h.searcher.search(&q, &tantivy::collector::Count).unwrap(),
        1
    );
}

#[test]
fn facet_counts_aggregate_children() {
    let (tmp, _) = fixture();
    let h = open_reader(tmp.path()).unwrap();
    let mut fc = tantivy::collector::FacetCollector::for_field(schema::TAG);
    fc.add_facet("/right");
    let counts = h.searcher.search(&tantivy::query::AllQuery, &fc).unwrap();
    let got: Vec<(String, u64)> = counts
        .get("/right")
        .map(|(f, n)| (schema::facet_tag(f), n))
        .collect();
    assert_eq!(
        got,
        [
            ("right/labour".to_string(), 2),
            ("right/privacy".to_string(), 1)
        ]
    );
}

#[test]
fn hits_carry_stored_fields_and_tags() {
    let (tmp, ps) = fixture();
    let h = open_reader(tmp.path()).unwrap();
    assert_eq!(h.documents().unwrap().len(), 2);
    let found = search(
        &h,
        &SearchRequest {
            query: "强迫劳动".into(),
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1);
    let hits = found.hits;
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.id, "a#0");
    assert_eq!(hit.title, "Title of a");
    assert_eq!(hit.section, ["劳工", "供应链"]);
    assert_eq!(hit.kind, "paragraph");
    assert_eq!(hit.lang, "zh");
    assert_eq!(hit.range, ps[0].passage.range);
    assert_eq!(hit.tags, ps[0].tags);
    assert_eq!(hit.text, ps[0].passage.text);
    assert!(!hit.highlights.is_empty());
    for r in &hit.highlights {
        assert!(hit.snippet.is_char_boundary(r.start) && hit.snippet.is_char_boundary(r.end));
    }
}

#[test]
fn query_and_filters_combine() {
    let (tmp, _) = fixture();
    let req = |q: &str, t: &[&str]| SearchRequest {
        query: q.into(),
        ..tags(t)
    };
    assert_eq!(
        ids(tmp.path(), req("我们", &["right/labour"])),
        ["a#0", "a#1"]
    );
    assert_eq!(
        ids(tmp.path(), req("隐私", &["right/labour"])),
        Vec::<String>::new()
    );
    let doc = SearchRequest {
        query: "我们".into(),
        docs: vec!["b".into()],
        ..Default::default()
    };
    assert_eq!(ids(tmp.path(), doc), ["b#0", "b#1"]);
    let lang = SearchRequest {
        lang: Some(Lang::En),
        ..Default::default()
    };
    assert!(ids(tmp.path(), lang).is_empty());
}

/// The terms and positions `tok` gives for `text`, checking that offsets lie on char boundaries.
fn token_terms(mut tok: impl tantivy::tokenizer::Tokenizer, text: &str) -> Vec<(String, usize)> {
    use tantivy::tokenizer::TokenStream;
    let mut st = tok.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = st.next() {
        assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
        out.push((t.text.clone(), t.position));
    }
    out
}

#[test]
fn the_query_tokenizer_matches_the_indexed_terms() {
    let text = "強迫勞動 ＩＬＯ";
    let s = segmenter();
    // What the index holds: the passage's words and their sub-words, read back from the
    // term list by the field's own tokenizer.
    let mut list = String::new();
    hria::index::encode_terms(text, &s.tokens(text), &mut list);
    let indexed = token_terms(hria::index::TermListTokenizer, &list);
    // Independently of hria's sub-word lookup: jieba's search mode on the normalized text
    // gives the same set of terms.
    let mut expected: Vec<String> = s
        .jieba()
        .cut_for_search("强迫劳动 ILO", false)
        .into_iter()
        .filter(|w| !w.word.trim().is_empty())
        .map(|w| w.word.to_lowercase())
        .collect();
    let mut got: Vec<String> = indexed.iter().map(|(t, _)| t.clone()).collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    // Sub-words share their word's position; the next word comes after.
    let pos = |w: &str| indexed.iter().find(|(t, _)| t == w).unwrap().1;
    assert_eq!(pos("强迫"), pos("强迫劳动"));
    assert_eq!(pos("劳动"), pos("强迫劳动"));
    assert_eq!(pos("ilo"), pos("强迫劳动") + 1);
    // The snippet tokenizer cuts the stored text into the same terms at the same positions,
    // with offsets on char boundaries of the original.
    let snippet = token_terms(hria::index::HriaTokenizer, text);
    assert_eq!(snippet, indexed);
    // The query side asks for the whole words only: a query for 強迫勞動 must not also match
    // every passage with 劳动.
    let query: Vec<String> = token_terms(hria::index::HriaQueryTokenizer, text)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(query, ["强迫劳动", "ilo"]);
    // Spaces between Chinese chars are not asked for (Chinese has none); elsewhere they part
    // words. Offsets stay in the text given: 强迫劳动 spans `强迫 勞動`.
    let mut tok = hria::index::HriaQueryTokenizer;
    let mut st = tantivy::tokenizer::Tokenizer::token_stream(&mut tok, "强迫 勞動 ILO 行业");
    let mut got = Vec::new();
    while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut st) {
        got.push((t.text.clone(), t.offset_from..t.offset_to, t.position));
    }
    assert_eq!(
        got,
        [
            ("强迫劳动".to_string(), 0..13, 0),
            ("ilo".to_string(), 14..17, 1),
            ("行业".to_string(), 18..24, 2)
        ]
    );
}

#[test]
fn a_query_for_a_sub_word_finds_and_highlights_it_inside_a_longer_word() {
    let (tmp, _) = fixture();
    let h = open_reader(tmp.path()).unwrap();
    let found = search(
        &h,
        &SearchRequest {
            query: "劳动".into(),
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    // Only a#0 holds 劳动, and only inside 强迫劳动.
    let ids: Vec<&str> = found.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a#0"]);
    let hit = &found.hits[0];
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|r| &hit.snippet[r.clone()])
        .collect();
    assert_eq!(marked, ["劳动"], "{}", hit.snippet);
}

fn document(id: &str, title: &str) -> Document {
    Document {
        id: id.into(),
        path: format!("corpus/{id}.md").into(),
        format: Format::Markdown,
        text: String::new(),
        encoding: "UTF-8".into(),
        encoding_source: "bom".into(),
        replaced: 0,
        hash: format!("hash-{id}"),
        lang: Lang::Zh,
        meta: DocMeta {
            title: title.into(),
            ..Default::default()
        },
    }
}

#[test]
fn write_passages_indexes_what_build_would() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let (_, ps) = fixture();
    let docs = [document("a", "Doc A"), document("b", "Doc B")];
    let taxonomy = Taxonomy::builtin();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let n = pool
        .install(|| writer::write_passages(&dir, taxonomy, &docs, ps.clone(), 15 << 20))
        .unwrap();
    assert_eq!(n, 4);

    let h = open_reader(&dir).unwrap();
    assert_eq!(h.manifest.taxonomy_hash, taxonomy.hash);
    let record = |id: &str| h.document(id).unwrap().unwrap();
    assert_eq!(record("a").passages, 2);
    assert_eq!(record("b").title, "Doc B");
    assert_eq!(record("b").hash, "hash-b");
    // The commit payload names no document: its size does not grow with the corpus.
    let meta = std::fs::read_to_string(dir.join("meta.json")).unwrap();
    assert!(meta.contains(&taxonomy.hash));
    assert!(
        !meta.contains("hash-b") && !meta.contains("Doc B"),
        "{meta}"
    );
    // Four passages and two document records.
    assert_eq!(h.searcher.num_docs(), 6);

    // Ordinals count within each document; the stored text is the passage text, not its tokens.
    let top = h
        .searcher
        .search(&AllQuery, &TopDocs::with_limit(10).order_by_score())
        .unwrap();
    let mut seen: Vec<(String, u64, String)> = top
        .into_iter()
        .map(|(_, addr)| h.searcher.doc::<TantivyDocument>(addr).unwrap())
        .filter(|d| d.get_first(h.fields.passage_id).is_some())
        .map(|d| {
            let s = |f| d.get_first(f).and_then(|v| v.as_str()).unwrap().to_string();
            let ordinal = d
                .get_first(h.fields.ordinal)
                .and_then(|v| v.as_u64())
                .unwrap();
            (s(h.fields.passage_id), ordinal, s(h.fields.stored_text))
        })
        .collect();
    seen.sort();
    let expected: Vec<(String, u64, String)> = ps
        .iter()
        .zip([0, 1, 0, 1])
        .map(|(p, o)| (p.passage.id.clone(), o, p.passage.text.clone()))
        .collect();
    assert_eq!(seen, expected);

    // Pre-tokenized terms and facets are searchable as with `build`.
    assert_eq!(
        ids(
            &dir,
            SearchRequest {
                query: "结社自由".into(),
                ..Default::default()
            }
        ),
        ["a#1"]
    );
    assert_eq!(ids(&dir, tags(&["right/labour"])), ["a#0", "a#1"]);
}

#[test]
fn write_passages_refuses_an_existing_index() {
    let (tmp, ps) = fixture();
    let docs = [document("a", "A"), document("b", "B")];
    let err = writer::write_passages(tmp.path(), Taxonomy::builtin(), &docs, ps, 15 << 20);
    assert!(err.is_err());
}

#[test]
fn write_documents_segments_tags_and_indexes_as_build_does() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    let text = |t: &str| Document {
        text: t.into(),
        ..document("x", "X")
    };
    let docs = [
        Document {
            id: "a".into(),
            ..text("# 劳工\n\n我们禁止强迫劳动和童工。\n\n我们尊重结社自由。\n")
        },
        Document {
            id: "b".into(),
            ..text("# 隐私\n\n我们保护用户的隐私。\n")
        },
    ];
    let taxonomy = Taxonomy::builtin();
    let tagger = hria::tag::Tagger::new(taxonomy);
    let expected: Vec<_> = docs
        .iter()
        .flat_map(|d| hria::pipeline::process(d, segmenter(), &tagger))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let n = pool
        .install(|| writer::write_documents(&dir, taxonomy, &tagger, &docs, 15 << 20))
        .unwrap();
    assert_eq!(n, expected.len() as u64);
    let h = open_reader(&dir).unwrap();
    assert_eq!(h.searcher.num_docs(), n + 2);
    let per_doc = |id: &str| expected.iter().filter(|p| p.passage.doc == id).count() as u64;
    assert_eq!(h.document("a").unwrap().unwrap().passages, per_doc("a"));
    assert_eq!(h.document("b").unwrap().unwrap().passages, per_doc("b"));
    // The passage that names forced labour is found by its words and by its tag.
    let forced: Vec<String> = expected
        .iter()
        .filter(|p| p.passage.text.contains("强迫劳动"))
        .map(|p| p.passage.id.clone())
        .collect();
    assert_eq!(forced.len(), 1);
    let q = |s: &str| SearchRequest {
        query: s.into(),
        ..Default::default()
    };
    assert_eq!(ids(&dir, q("强迫劳动")), forced);
    assert_eq!(ids(&dir, tags(&["right/labour/forced-labour"])), forced);
}

#[test]
fn document_records_are_neither_hits_nor_counted_in_scores() {
    let (with, ps) = fixture();
    let without = tempfile::tempdir().unwrap();
    write_with(without.path(), &ps, false);
    let all = |dir: &Path| {
        ids(
            dir,
            SearchRequest {
                query: "*".into(),
                ..Default::default()
            },
        )
    };
    assert_eq!(all(with.path()).len(), ps.len());
    assert_eq!(all(with.path()), all(without.path()));
    // Two records beside four passages would change every idf and the average length.
    let scores = |dir: &Path, q: &str| -> Vec<(String, f32)> {
        let h = open_reader(dir).unwrap();
        let req = SearchRequest {
            query: q.into(),
            limit: 100,
            ..Default::default()
        };
        search(&h, &req)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| (h.id, h.score))
            .collect()
    };
    for q in ["强迫劳动", "我们", "隐私 OR 供应商", "我们 -隐私"] {
        let a = scores(with.path(), q);
        assert!(!a.is_empty(), "{q}");
        assert_eq!(a, scores(without.path(), q), "{q}");
    }
    // A document is known by its record; a title comes from it.
    let h = open_reader(with.path()).unwrap();
    assert_eq!(h.title("a"), "Title of a");
    assert!(h.document("c").unwrap().is_none());
}

/// A hit whose tags are all covered instruments shows them under `covers (not named):` alone,
/// with no empty `tags:` line above.
#[test]
fn a_hit_covering_instruments_alone_has_no_empty_tags_line() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        &[passage(
            "a",
            0,
            "我们禁止强迫劳动。",
            vec![tag("instrument/ILO-FPRW", Basis::Covered, 0.7)],
        )],
    );
    let out = crate::cli::hria()
        .args(["search", "强迫劳动", "--index"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("   covers (not named): instrument/ILO-FPRW\n"),
        "{table}"
    );
    assert!(!table.contains("tags:"), "{table}");
}
