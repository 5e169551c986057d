//! `hria coverage`, plus the helpers the analysis commands share (opening the index with its
//! taxonomy, aligned tables, CSV).

use super::common::{DEFAULT_INDEX, EXIT_OK, EXIT_PARTIAL};
use hria::query::coverage::{self, Coverage, DocMatrix, Family, Resolved, ELEMENTS};
use hria::query::reader::{self, OpenIndex, Table};
use hria::taxonomy::Taxonomy;
use serde_json::json;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// Options shared by `coverage` and `gaps`: where the index is and which taxonomy to read it with.
#[derive(clap::Args, Debug, Clone)]
pub struct SourceArgs {
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Taxonomy file (TOML) to report against, instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Language of the names in tables (default: Chinese when most indexed documents are Chinese).
    #[arg(long, value_parser = ["en", "zh"])]
    pub names: Option<String>,
    /// Documents selected by their manifest entry: the report reads as if the index held them
    /// alone.
    #[command(flatten)]
    pub documents: super::common::DocFilterArgs,
}

/// An opened index, its scanned passages and the taxonomy to read them with.
pub(crate) struct Source {
    pub index: OpenIndex,
    pub table: Table,
    pub taxonomy: Cow<'static, Taxonomy>,
    pub zh_names: bool,
    /// Documents of the index that `--org`, `--doc-kind` or `--year` left out, sorted.
    pub left_out: Vec<String>,
    /// Documents reported on in a language the taxonomy has no keywords for, sorted.
    pub other_language: Vec<String>,
    /// The index was tagged with another taxonomy than the one reported with: its rows of
    /// zeros mean nothing.
    pub other_taxonomy: bool,
}

impl SourceArgs {
    /// Opens the index, loads the taxonomy (warning on stderr when the index was tagged with
    /// another one) and scans the passages.
    ///
    /// With `strict`, another taxonomy is an error: a report of what was not found (`hria gaps`)
    /// would count every entry the index was never tagged with as not found.
    pub(crate) fn open(&self, strict: bool) -> anyhow::Result<Source> {
        let index = reader::open(&self.index)?;
        let taxonomy: Cow<'static, Taxonomy> = super::taxonomy::load(self.taxonomy.as_deref())?;
        let other_taxonomy = reader::taxonomy_warning(&index, &taxonomy)?;
        if let Some(w) = &other_taxonomy {
            if strict {
                anyhow::bail!("{w}");
            }
            report!("hria: warning: {w}");
        } else if let Some(w) = reader::pipeline_warning(&index)? {
            report!("hria: warning: {w}");
        }
        let mut table = Table::scan(&index)?;
        let filter = self.documents.filter();
        let mut left_out = Vec::new();
        let mut selected_zh = None;
        if !filter.is_empty() {
            let records = hria::index::document_records(&index.searcher, &index.fields)
                .map_err(|e| hria::index::IndexError::tantivy(&index.dir, e))?;
            let keep: std::collections::HashSet<String> = filter
                .select(&records, &index.dir)
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .into_iter()
                .collect();
            table.retain_docs(|d| keep.contains(d));
            left_out = records
                .iter()
                .filter(|(d, _)| !keep.contains(d))
                .map(|(d, _)| d.clone())
                .collect();
            left_out.sort();
            let zh = records
                .iter()
                .filter(|(d, r)| keep.contains(d) && r.lang == "zh")
                .count();
            selected_zh = Some(zh * 2 > keep.len());
        }
        let zh_names = match (self.names.as_deref(), selected_zh) {
            (Some(n), _) => n == "zh",
            // The names of the documents reported on.
            (None, Some(zh)) => zh,
            (None, None) => {
                let zh = index.count_documents(Some("zh"))?;
                zh * 2 > index.count_documents(None)?
            }
        };
        let other_language = index
            .other_language_documents()?
            .into_iter()
            .filter(|d| table.docs.binary_search(d).is_ok())
            .collect();
        Ok(Source {
            index,
            table,
            left_out,
            other_language,
            taxonomy,
            zh_names,
            other_taxonomy: other_taxonomy.is_some(),
        })
    }
}

impl Source {
    /// The organisation of each document whose manifest entry names one.
    pub(crate) fn organisations(&self) -> anyhow::Result<HashMap<String, String>> {
        let records = hria::index::document_records(&self.index.searcher, &self.index.fields)
            .map_err(|e| hria::index::IndexError::tantivy(&self.index.dir, e))?;
        Ok(records
            .into_iter()
            .filter_map(|(d, r)| Some((d, r.organisation?)))
            .collect())
    }

    /// Warns of the documents reported on (`docs`, or all when empty) in a language the taxonomy
    /// has no keywords for, and returns them.
    pub(crate) fn warn_other_language(&self, docs: &[String]) -> Vec<String> {
        let found: Vec<String> = self
            .other_language
            .iter()
            .filter(|d| docs.is_empty() || docs.contains(d))
            .cloned()
            .collect();
        if !found.is_empty() {
            let mut list = found.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
            if found.len() > 5 {
                list.push_str(&format!(" and {} more", found.len() - 5));
            }
            report!(
                "hria: warning: {}",
                super::index::other_language_note(found.len() as u64, &list)
            );
        }
        found
    }

    /// The document ids given with `--doc`: each value split at its commas, unless the whole
    /// value is an id the index holds (a file name may have a comma in it). An id the manifest
    /// filters (`--org`, `--doc-kind`, `--year`) left out is an error; one the index does not hold
    /// is left for the caller to report, with the closest ids.
    pub(crate) fn doc_ids(&self, values: &[String]) -> anyhow::Result<Vec<String>> {
        let has = |ids: &[String], v: &str| ids.binary_search_by(|x| x.as_str().cmp(v)).is_ok();
        let left_out = |v: &str| has(&self.left_out, v);
        let ids = hria::query::select::doc_ids(values, |v| has(&self.table.docs, v) || left_out(v));
        if let Some(d) = ids.iter().find(|d| left_out(d)) {
            anyhow::bail!("document `{d}` is not among those --org, --doc-kind and --year select");
        }
        Ok(ids)
    }
}

/// Keeps only the passages of `docs` ([`Source::doc_ids`]); an id the index does not hold is an
/// error, with the closest ids.
fn select_docs(src: &mut Source, docs: &[String]) -> anyhow::Result<()> {
    for d in docs {
        if src.table.docs.binary_search(d).is_ok() {
            continue;
        }
        let mut hint =
            hria::query::search::document_hint(d, src.table.docs.iter().map(String::as_str));
        if hint.is_empty() {
            hint = "; see `hria coverage --per-doc` for the ids".into();
        }
        anyhow::bail!(
            "no document `{}` in the index{hint}",
            hria::query::reader::printable_id(d)
        );
    }
    src.table.retain_docs(|d| docs.iter().any(|x| x == d));
    Ok(())
}

/// The display name of an entry in the chosen language (falling back to the other one), escaped
/// as ids are: names come from a taxonomy file, which may hold control chars (an escape sequence
/// that rewrites the terminal).
pub(crate) fn display_name<'a>(zh: bool, name_en: &'a str, name_zh: &'a str) -> Cow<'a, str> {
    hria::query::reader::printable_id(chosen_name(zh, name_en, name_zh))
}

/// The display name of an entry escaped as [`display_name`] escapes it, cut to at most `max`
/// terminal columns ([`fit`]).
pub(crate) fn fitted_name(zh: bool, name_en: &str, name_zh: &str, max: usize) -> String {
    fit(chosen_name(zh, name_en, name_zh), max)
}

/// The name of an entry in the chosen language, or the other one where it has none, unescaped.
fn chosen_name<'a>(zh: bool, name_en: &'a str, name_zh: &'a str) -> &'a str {
    match (zh, name_en.is_empty(), name_zh.is_empty()) {
        (true, _, false) | (false, true, _) => name_zh,
        _ => name_en,
    }
}

/// A taxonomy name as a CSV cell shows it: escaped as in the tables, since CSV is read on a
/// terminal as often as in a spreadsheet.
pub(crate) fn csv_name(name: &str) -> String {
    hria::query::reader::printable_id(name).into_owned()
}

/// Column alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// `s` escaped as ids are ([`printable_id`](hria::query::reader::printable_id)) and cut to at
/// most `max` terminal columns, ending with `…` when cut. The escaped form is what is measured
/// and cut, a char or its whole escape at a time: a cut made before escaping let an escape widen
/// the cell past its column, and one made after could leave half an escape (`\u{20…`).
pub(crate) fn fit(s: &str, max: usize) -> String {
    use hria::query::reader::printable_id;
    let shown = printable_id(s);
    if shown.width() <= max {
        return shown.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let unit = printable_id(c.encode_utf8(&mut buf));
        let uw = unit.width();
        // Room is kept for the `…`.
        if w + uw + 1 > max {
            break;
        }
        out.push_str(&unit);
        w += uw;
    }
    out.push('…');
    out
}

/// Renders rows as columns aligned by display width (CJK characters count two columns).
pub(crate) fn table(headers: &[&str], align: &[Align], rows: &[Vec<String>]) -> String {
    // Cells may hold document ids, which come from file names.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| hria::query::reader::printable_id(c).into_owned())
                .collect()
        })
        .collect();
    let rows = &rows;
    let headers: Vec<String> = headers
        .iter()
        .map(|h| hria::query::reader::printable_id(h).into_owned())
        .collect();
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut l = String::new();
        for (i, c) in cells.enumerate().take(n) {
            let pad = widths[i].saturating_sub(c.width());
            let right = align.get(i) == Some(&Align::Right);
            if i > 0 {
                l.push_str("  ");
            }
            if right {
                l.push_str(&" ".repeat(pad));
            }
            l.push_str(c);
            if !right && i + 1 < n {
                l.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().map(String::as_str));
    for r in rows {
        line(&mut r.iter().map(String::as_str));
    }
    out
}

/// Quotes a CSV field when it needs it (RFC 4180). A field a spreadsheet would take for a formula
/// (starting with `=`, `+`, `-` or `@`: a document id from a file name, a snippet) starts with an
/// apostrophe, which spreadsheets read as "text follows".
pub(crate) fn csv_field(s: &str) -> Cow<'_, str> {
    let s: Cow<str> = if s.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    };
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        s
    }
}

/// What `--bom` puts before the output: a UTF-8 byte-order mark, for Excel, before CSV; nothing
/// before another format, with a warning that it does not apply.
pub(crate) fn csv_bom(requested: bool, csv: bool) -> &'static str {
    if requested && !csv {
        report!("hria: warning: --bom applies to --format csv only");
    }
    if requested && csv {
        "\u{feff}"
    } else {
        ""
    }
}

/// Free text as a CSV cell: escaped as in the tables, its line breaks made spaces, one line per
/// record, since a spreadsheet shows a break inside a cell poorly.
pub(crate) fn csv_text(s: &str) -> String {
    hria::query::reader::printable(&s.replace(['\r', '\n'], " ")).into_owned()
}

/// Appends one CSV record, CRLF-terminated.
pub(crate) fn csv_line<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let line: Vec<Cow<str>> = cells.iter().map(|c| csv_field(c.as_ref())).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Output format of `hria coverage`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object.
    Json,
    /// Comma-separated values with a fixed header.
    Csv,
}

/// What a cell of `hria coverage --per-doc` counts.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixCount {
    /// Passages carrying the entry, however.
    Passages,
    /// Passages naming the instrument.
    Cited,
    /// Passages addressing what the instrument protects without naming it.
    Covered,
}

/// What `hria coverage --help` says after the options: the table's columns.
pub const HELP: &str = "\
Columns (one row per taxonomy entry of the family, zero rows included):
  PASSAGES   passages carrying the entry (a child tag counts for its parent)
  CITED      instruments: passages naming the instrument
  COVERED    instruments: passages addressing what it protects without naming it (the passages
             `search --tag instrument/X` finds besides the citations); never both
  DOCS       documents, and SECTIONS sections, holding those passages
  COMMIT … REMEDY
             for each due-diligence element (commitment, impact assessment, action, tracking,
             grievance mechanism, remedy), how many of the entry's passages have it in the same
             passage / in the same section; a step only planned, pledged or asked of suppliers
             counts as a commitment, not as the step

`hria gaps` classes the same entries (cited-only, commitment-only, addressed, …) and reads more
widely: in a document that names an instrument, every passage on a right it protects addresses it.";

/// Arguments of `hria coverage`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Which family of tags to report.
    #[arg(long, value_name = "FAMILY", default_value = "instrument",
          value_parser = ["instrument", "right", "group", "theme", "hrdd", "sdg"])]
    pub by: String,
    /// A tag × document matrix of passage counts instead.
    #[arg(long)]
    pub per_doc: bool,
    /// What a cell of the `--per-doc` matrix counts: every passage carrying the entry, or (for
    /// instruments) only the passages naming it (`cited`) or only those addressing what it
    /// protects without naming it (`covered`).
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = MatrixCount::Passages)]
    pub count: MatrixCount,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CoverageFormat::Table)]
    pub format: CoverageFormat,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// Only passages of these documents (ids as indexed; repeat or separate with commas; an id
    /// with a comma in it is taken whole; one starting with `-`, from a file name, is taken as
    /// written).
    #[arg(long = "doc", value_name = "ID", allow_hyphen_values = true)]
    pub docs: Vec<String>,
    /// Index and taxonomy.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// The fixed CSV header of `hria coverage --format csv`.
pub const CSV_HEADER: &str = "tag,name_en,name_zh,passages,cited,covered,documents,sections,\
commitment_passage,commitment_section,impact_assessment_passage,impact_assessment_section,\
action_passage,action_section,tracking_passage,tracking_section,\
grievance_mechanism_passage,grievance_mechanism_section,remedy_passage,remedy_section";

const SHORT: [&str; 6] = ["COMMIT", "IMPACT", "ACTION", "TRACK", "GRIEV", "REMEDY"];

/// The documents of each organisation (by the manifest; one organisation however its documents
/// spell it, as `--org` matches it: Contoso, CONTOSO), named as its first document spells it, in
/// the order of the names; documents without one are left out.
pub fn organisation_groups(
    documents: &[String],
    orgs: &HashMap<String, String>,
) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, String, Vec<String>)> = Vec::new();
    for d in documents {
        let Some(o) = orgs.get(d) else { continue };
        let key = hria::query::select::name_key(o);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.2.push(d.clone()),
            None => groups.push((key, o.clone(), vec![d.clone()])),
        }
    }
    groups.sort();
    groups.into_iter().map(|(_, o, docs)| (o, docs)).collect()
}

/// Warns when the documents reported on are of two or more organisations (by their manifest
/// entries): each `what` (finding, row) is then theirs together, a citation of one company beside
/// another's due diligence, which a benchmark comparing them would not want.
pub fn warn_mixed_organisations(
    documents: &[String],
    orgs: &HashMap<String, String>,
    what: &str,
    per_doc: &str,
) {
    let groups = organisation_groups(documents, orgs);
    if groups.len() < 2 {
        return;
    }
    let mut list: Vec<String> = groups
        .iter()
        .take(5)
        .map(|(o, _)| reader::printable_id(o).into_owned())
        .collect();
    if groups.len() > 5 {
        list.push(format!("and {} more", groups.len() - 5));
    }
    report!(
        "hria: warning: the documents reported on are of {} organisations ({}): each {what} is theirs together; `--org NAME` reports on one, {per_doc} on each document",
        groups.len(),
        // Names hold commas ("Jellyfish, Inc."): semicolons part them.
        list.join("; ")
    );
}

/// Runs `hria coverage`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let family =
        Family::parse(&args.by).ok_or_else(|| anyhow::anyhow!("unknown family `{}`", args.by))?;
    let bom = csv_bom(args.bom, args.format == CoverageFormat::Csv);
    if args.count != MatrixCount::Passages {
        if family != Family::Instrument {
            anyhow::bail!(
                "--count {} needs --by instrument: only instruments are cited or covered",
                count_name(args.count)
            );
        }
        // An error, not a warning: a script would take the usual table for the count asked for.
        if !args.per_doc {
            anyhow::bail!(
                "--count {} applies to --per-doc only (the table has CITED and COVERED columns)",
                count_name(args.count)
            );
        }
    }
    let mut src = args.source.open(false)?;
    let docs = src.doc_ids(&args.docs)?;
    if !args.docs.is_empty() {
        select_docs(&mut src, &docs)?;
    }
    src.warn_other_language(&docs);
    let res = Resolved::new(&src.table, &src.taxonomy);
    let mut shown = vec![false; src.table.docs.len()];
    for r in &src.table.rows {
        shown[r.doc as usize] = true;
    }
    let reported: Vec<String> = (src.table.docs.iter().zip(shown))
        .filter(|(_, s)| *s)
        .map(|(d, _)| d.clone())
        .collect();
    let orgs = src.organisations()?;
    if !args.per_doc {
        warn_mixed_organisations(&reported, &orgs, "row", "`--per-doc`");
    }
    if coverage::family_entries(&src.taxonomy, family).is_empty() {
        report!(
            "hria: warning: the taxonomy has no `{}/...` entries",
            family.prefix()
        );
    }
    let text = if args.per_doc {
        let how = match args.count {
            MatrixCount::Passages => coverage::ANY,
            MatrixCount::Cited => coverage::CITED,
            MatrixCount::Covered => coverage::COVERED,
        };
        let m = coverage::per_doc(&res, family, how);
        render_matrix(
            &m,
            &orgs,
            &src.other_language,
            args.format,
            src.zh_names,
            args.count,
        )
    } else {
        let c = coverage::coverage(&res, family);
        render_coverage(&c, args.format, src.zh_names)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(bom.as_bytes())?;
    out.write_all(text.as_bytes())?;
    out.flush()?;
    // Reported, but with a taxonomy the index was not tagged with: a script must not read its
    // zeros as absences.
    Ok(ExitCode::from(if src.other_taxonomy {
        EXIT_PARTIAL
    } else {
        EXIT_OK
    }))
}

fn render_coverage(c: &Coverage, format: CoverageFormat, zh: bool) -> String {
    let instrument = c.family == Family::Instrument;
    match format {
        CoverageFormat::Json => {
            let rows: Vec<_> = c
                .rows
                .iter()
                .map(|r| {
                    let mut elements = serde_json::Map::new();
                    for (j, el) in ELEMENTS.iter().enumerate() {
                        elements.insert(
                            el.name().to_string(),
                            json!({"passage": r.same_passage[j], "section": r.same_section[j]}),
                        );
                    }
                    json!({
                        "tag": r.tag, "name_en": r.name_en, "name_zh": r.name_zh,
                        "passages": r.passages, "cited": r.cited, "covered": r.covered,
                        "elements": elements,
                        "documents": r.documents, "sections": r.sections,
                    })
                })
                .collect();
            let v = json!({
                "family": c.family, "passages": c.passages, "documents": c.documents,
                "rows": rows,
            });
            format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
        }
        CoverageFormat::Csv => {
            let mut out = String::from(CSV_HEADER);
            out.push_str("\r\n");
            for r in &c.rows {
                let mut cells = vec![
                    r.tag.clone(),
                    csv_name(&r.name_en),
                    csv_name(&r.name_zh),
                    r.passages.to_string(),
                    r.cited.to_string(),
                    r.covered.to_string(),
                    r.documents.len().to_string(),
                    r.sections.len().to_string(),
                ];
                for j in 0..ELEMENTS.len() {
                    cells.push(r.same_passage[j].to_string());
                    cells.push(r.same_section[j].to_string());
                }
                csv_line(&mut out, &cells);
            }
            out
        }
        CoverageFormat::Table => {
            let mut headers = vec!["TAG", "NAME", "PASSAGES"];
            if instrument {
                headers.extend(["CITED", "COVERED"]);
            }
            headers.extend(["DOCS", "SECTIONS"]);
            headers.extend(SHORT);
            let mut align = vec![Align::Left, Align::Left];
            align.resize(headers.len(), Align::Right);
            let rows: Vec<Vec<String>> = c
                .rows
                .iter()
                .map(|r| {
                    let mut cells = vec![
                        r.tag.clone(),
                        fitted_name(zh, &r.name_en, &r.name_zh, 30),
                        r.passages.to_string(),
                    ];
                    if instrument {
                        cells.push(r.cited.to_string());
                        cells.push(r.covered.to_string());
                    }
                    cells.push(r.documents.len().to_string());
                    cells.push(r.sections.len().to_string());
                    for j in 0..ELEMENTS.len() {
                        cells.push(format!("{}/{}", r.same_passage[j], r.same_section[j]));
                    }
                    cells
                })
                .collect();
            let mut out = table(&headers, &align, &rows);
            out.push_str(&format!(
                "\n{} passages in {} document(s). Due-diligence cells: passages with the element in the same passage / in the same section.\n",
                c.passages, c.documents
            ));
            if instrument {
                out.push_str("CITED: passages naming the instrument; COVERED: passages the tagger found addressing what it protects without naming it (search --tag finds the same passages). hria gaps counts more: in a document that names an instrument, every passage on a right it protects addresses it.\n");
            }
            out
        }
    }
}

/// The command-line name of a [`MatrixCount`].
fn count_name(count: MatrixCount) -> String {
    clap::ValueEnum::to_possible_value(&count)
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

/// `  [Contoso]`, to follow a document id where its manifest entry names its organisation:
/// escaped as names are, a line break too, since the label is one line of a table.
pub(crate) fn org_label(org: Option<&str>) -> String {
    org.map(|o| format!("  [{}]", hria::query::reader::printable_id(o)))
        .unwrap_or_default()
}

fn render_matrix(
    m: &DocMatrix,
    orgs: &HashMap<String, String>,
    other_language: &[String],
    format: CoverageFormat,
    zh: bool,
    count: MatrixCount,
) -> String {
    match format {
        CoverageFormat::Json => {
            let rows: Vec<_> = m
                .rows
                .iter()
                .map(|r| {
                    let counts: serde_json::Map<String, serde_json::Value> = m
                        .documents
                        .iter()
                        .zip(&r.counts)
                        .map(|(d, n)| (d.clone(), json!(n)))
                        .collect();
                    json!({"tag": r.tag, "name_en": r.name_en, "name_zh": r.name_zh, "counts": counts})
                })
                .collect();
            // Beside the ids, so that `documents` stays a list of ids.
            let organisations: serde_json::Map<String, serde_json::Value> = m
                .documents
                .iter()
                .map(|d| (d.clone(), json!(orgs.get(d))))
                .collect();
            let v = json!({
                "family": m.family, "count": count_name(count), "documents": m.documents,
                "organisations": organisations, "rows": rows,
            });
            format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
        }
        CoverageFormat::Csv => {
            let mut out = String::new();
            let mut header = vec!["tag".to_string(), "name_en".into(), "name_zh".into()];
            // Escaped as `gaps --format csv` escapes them in its `doc` column, so that the two
            // can be joined on a document's id.
            header.extend(
                m.documents
                    .iter()
                    .map(|d| hria::query::reader::printable_id(d).into_owned()),
            );
            csv_line(&mut out, &header);
            for r in &m.rows {
                let mut cells = vec![r.tag.clone(), csv_name(&r.name_en), csv_name(&r.name_zh)];
                cells.extend(r.counts.iter().map(u64::to_string));
                csv_line(&mut out, &cells);
            }
            out
        }
        CoverageFormat::Table => {
            // Document ids can be long paths: number the columns and list them below. A column
            // of a document the taxonomy cannot read is marked: its zeros say nothing.
            let unread = |d: &String| other_language.binary_search(d).is_ok();
            let cols: Vec<String> = m
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| format!("D{}{}", i + 1, if unread(d) { "*" } else { "" }))
                .collect();
            let mut headers = vec!["TAG", "NAME"];
            headers.extend(cols.iter().map(String::as_str));
            let mut align = vec![Align::Left, Align::Left];
            align.resize(headers.len(), Align::Right);
            let rows: Vec<Vec<String>> = m
                .rows
                .iter()
                .map(|r| {
                    let mut cells =
                        vec![r.tag.clone(), fitted_name(zh, &r.name_en, &r.name_zh, 30)];
                    cells.extend(r.counts.iter().map(u64::to_string));
                    cells
                })
                .collect();
            let mut out = table(&headers, &align, &rows);
            out.push('\n');
            match count {
                MatrixCount::Passages => {}
                MatrixCount::Cited => out.push_str("Cells: passages naming the instrument.\n"),
                MatrixCount::Covered => out.push_str(
                    "Cells: passages addressing what the instrument protects without naming it.\n",
                ),
            }
            for (c, d) in cols.iter().zip(&m.documents) {
                out.push_str(&format!(
                    "{c}  {}{}\n",
                    hria::query::reader::printable_id(d),
                    org_label(orgs.get(d).map(String::as_str))
                ));
            }
            if m.documents.iter().any(unread) {
                out.push_str(
                    "*  in a language other than Chinese and English, which the taxonomy has no keywords for: its zeros do not say the topic is absent\n",
                );
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_wide_characters_twice() {
        assert_eq!(fit("人权捍卫者", 10), "人权捍卫者");
        assert_eq!(fit("人权捍卫者", 9), "人权捍卫…");
        assert_eq!(fit("abc", 2), "a…");
    }

    #[test]
    fn fit_measures_and_cuts_the_escaped_form() {
        // `\u{202e}` is eight columns: whole or not at all.
        assert_eq!(fit("ab\u{202e}cd", 12), "ab\\u{202e}cd");
        assert_eq!(fit("ab\u{202e}cdefgh", 12), "ab\\u{202e}c…");
        assert_eq!(fit("ab\u{202e}cdefgh", 9), "ab…");
        assert_eq!(fit("人权\u{7}捍卫者", 8), "人权…");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("经济、社会"), "经济、社会");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-a,b"), "\"'-a,b\"");
    }

    #[test]
    fn table_pads_by_display_width() {
        let t = table(
            &["A", "N"],
            &[Align::Left, Align::Right],
            &[
                vec!["人权".into(), "1".into()],
                vec!["ab".into(), "22".into()],
            ],
        );
        assert_eq!(t, "A      N\n人权   1\nab    22\n");
    }
}
