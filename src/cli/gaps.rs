//! `hria gaps`.

use super::common::{EXIT_FINDINGS, EXIT_OK};
use super::coverage::{
    csv_bom, csv_line, csv_name, csv_text, display_name, fitted_name, org_label,
    organisation_groups, table, warn_mixed_organisations, Align, SourceArgs,
};
use hria::query::coverage::{Element, Resolved, ELEMENTS};
use hria::query::gaps::{self, Class, Finding, GapOptions, GapReport};
use hria::query::reader::{printable, printable_id};
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

/// Output format of `hria gaps`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapsFormat {
    /// A summary table, then the evidence of every finding.
    Table,
    /// One JSON object (see the README for the schema).
    Json,
    /// One row per finding with its first evidence, for a spreadsheet.
    Csv,
}

/// The fixed CSV header of `hria gaps --format csv`.
pub const CSV_HEADER: &str = "class,tag,name_en,name_zh,cited,cited_passages,addressing_passages,\
documents,strongest,due_diligence,evidence_role,evidence_passage,evidence_section,evidence_rule,evidence_snippet,\
found_not_counted,scope,doc,org,evidence_start,evidence_end,strongest_passage,strongest_rule,strongest_snippet,\
strongest_start,strongest_end";

/// What `hria gaps --help` says after the options: the classes and the table's columns.
pub const HELP: &str = "\
Classes (one per taxonomy entry, for the documents reported on):
  cited-only       an instrument named, but no passage addresses the rights, groups or themes it
                   protects
  not-mentioned    neither named nor addressed
  mentioned-only   addressed only where no commitment or due-diligence step is near
  commitment-only  addressed only beside commitments or aspirations, or beside steps only
                   planned, pledged or asked of suppliers
  addressed        addressed beside a due-diligence step reported as taken

Columns:
  CITED            whether a passage names the instrument (- for entries that are no instrument)
  ADDRESSING       passages addressing the entry, its citations aside
  STRONGEST        the strongest step beside them: remedy, grievance-mechanism, tracking, action,
                   impact-assessment
  DUE DILIGENCE    one letter per element: C commitment (or aspiration), I impact assessment,
                   A action, T tracking, G grievance mechanism, R remedy; a capital where it is beside the passages (same
                   passage or section), a small letter where it is only elsewhere in the same
                   documents, - where it is in neither

Under the table, each finding's evidence: the passages that address it, and the step beside them.
`hria explain PASSAGE_ID` shows why a passage got its tags.";

/// Arguments of `hria gaps`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only these instruments (e.g. `ICCPR`, `instrument/ICCPR` or a title; repeat or separate
    /// with commas; a title with a comma in it is taken whole).
    #[arg(long = "instrument", value_name = "ID")]
    pub instruments: Vec<String>,
    /// Only passages of these documents (ids as indexed; repeat or separate with commas; an id
    /// with a comma in it is taken whole; one starting with `-`, from a file name, is taken as
    /// written).
    #[arg(long = "doc", value_name = "ID", allow_hyphen_values = true)]
    pub docs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GapsFormat::Table)]
    pub format: GapsFormat,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// CSV: after the rows of the documents reported on as a whole, the rows of each document
    /// on its own (as with `--doc` naming it alone), when two or more are reported on.
    #[arg(long)]
    pub per_doc: bool,
    /// Compare organisations: each organisation's documents (as the manifest names them)
    /// reported on as if given alone with `--org`, side by side: a table of the class (and
    /// strongest step) of every entry per organisation, in CSV rows with scope `organisation`
    /// after the selection's, in JSON under `per_organisation`.
    #[arg(long)]
    pub per_org: bool,
    /// Only findings of this class (repeatable; default: all five).
    #[arg(long = "class", value_name = "CLASS", value_delimiter = ',',
          value_parser = ["cited-only", "not-mentioned", "mentioned-only", "commitment-only", "addressed"])]
    pub classes: Vec<String>,
    /// Exit with status 1 when a finding of this class exists (repeatable).
    #[arg(long, value_name = "CLASS", value_delimiter = ',',
          value_parser = ["cited-only", "not-mentioned", "mentioned-only", "commitment-only", "addressed"])]
    pub fail_on: Vec<String>,
    /// Index and taxonomy.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Runs `hria gaps`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let fail_on: Vec<Class> = args
        .fail_on
        .iter()
        .filter_map(|c| Class::parse(c))
        .collect();
    let bom = csv_bom(args.bom, args.format == GapsFormat::Csv);
    if args.per_doc && args.format != GapsFormat::Csv {
        anyhow::bail!("--per-doc applies to --format csv only");
    }
    let src = args.source.open(true)?;
    // The entries the classes are decided by (see `hria::query::coverage::Element`).
    let has = |ids: &[&str]| ids.iter().any(|id| src.taxonomy.get(id).is_some());
    if !has(&["stance/commitment", "hrdd/policy-commitment"]) {
        report!(
            "hria: warning: the taxonomy has neither `stance/commitment` nor `hrdd/policy-commitment`, so no finding can be commitment-only"
        );
    }
    if !has(&[
        "hrdd/impact-assessment",
        "hrdd/action",
        "hrdd/tracking",
        "hrdd/grievance-mechanism",
        "hrdd/remedy",
    ]) {
        report!(
            "hria: warning: the taxonomy has none of `hrdd/impact-assessment`, `hrdd/action`, `hrdd/tracking`, `hrdd/grievance-mechanism`, `hrdd/remedy`, so no finding can be addressed"
        );
    }
    let docs = src.doc_ids(&args.docs)?;
    let other_language = src.warn_other_language(&docs);
    let res = Resolved::new(&src.table, &src.taxonomy);
    // Titles have commas of their own ("International Covenant on Economic, Social and
    // Cultural Rights"): the pieces of a value are joined again until they name an instrument.
    let mut instruments = Vec::new();
    for v in &args.instruments {
        let mut held: Vec<&str> = Vec::new();
        for piece in v.split(',') {
            held.push(piece);
            let joined = held.join(",");
            if src.taxonomy.find_instrument(&joined).is_some() {
                instruments.push(joined);
                held.clear();
            }
        }
        // Pieces that never named one are reported one by one.
        instruments.extend(held.into_iter().map(str::to_string));
    }
    let opts = GapOptions { instruments, docs };
    let mut report = gaps::gaps(&src.index, &res, &opts)?;
    report.other_language = other_language;
    let orgs = if args.format == GapsFormat::Csv || report.documents.len() >= 2 || args.per_org {
        src.organisations()?
    } else {
        HashMap::new()
    };
    for d in &mut report.per_document {
        d.organisation = orgs.get(&d.doc).cloned();
    }
    if !args.per_org {
        warn_mixed_organisations(
            &report.documents,
            &orgs,
            "finding",
            "`--per-org` side by side, `--format csv --per-doc`",
        );
    }
    // `--per-org`: each organisation's own report, as `--org` would give it.
    let per_org: Vec<(String, GapReport)> = if args.per_org {
        use rayon::prelude::*;
        let groups = organisation_groups(&report.documents, &orgs);
        if groups.is_empty() {
            anyhow::bail!(
                "--per-org: no document reported on has an organisation in its manifest entry (see the README's Input section for `corpus/manifest.toml`)"
            );
        }
        let tagger = gaps::GapTagger::default();
        groups
            .into_par_iter()
            .map(|(org, docs)| {
                let one = GapOptions {
                    instruments: opts.instruments.clone(),
                    docs,
                };
                gaps::gaps_sharing(&src.index, &res, &one, &tagger).map(|mut r| {
                    for d in &mut r.per_document {
                        d.organisation = orgs.get(&d.doc).cloned();
                    }
                    (org, r)
                })
            })
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    // `--per-doc`: each document's own report, as if it were the only one given with `--doc`,
    // so that a benchmark gets a class per document and entry in one run.
    let mut per_doc: Vec<GapReport> = Vec::new();
    if args.format == GapsFormat::Csv && args.per_doc && report.documents.len() >= 2 {
        use rayon::prelude::*;
        let tagger = gaps::GapTagger::default();
        per_doc = report
            .documents
            .par_iter()
            .map(|d| {
                let one = GapOptions {
                    instruments: opts.instruments.clone(),
                    docs: vec![d.clone()],
                };
                gaps::gaps_sharing(&src.index, &res, &one, &tagger)
            })
            .collect::<Result<_, _>>()?;
    }
    // Decided on every finding, whatever `--class` shows.
    let failed = report.findings.iter().any(|f| fail_on.contains(&f.class));
    let counts: Vec<usize> = ORDER
        .iter()
        .map(|c| report.findings.iter().filter(|f| f.class == *c).count())
        .collect();
    let shown: Vec<Class> = args
        .classes
        .iter()
        .filter_map(|c| Class::parse(c))
        .collect();
    let mut per_org = per_org;
    // The side-by-side table keeps every entry's row, to filter by any organisation's class.
    let side_by_side = args.per_org && args.format == GapsFormat::Table;
    if !shown.is_empty() && !side_by_side {
        for r in std::iter::once(&mut report)
            .chain(&mut per_doc)
            .chain(per_org.iter_mut().map(|(_, r)| r))
        {
            r.findings.retain(|f| shown.contains(&f.class));
        }
    }
    let text = match args.format {
        GapsFormat::Json if args.per_org => {
            let mut v = serde_json::to_value(&report)?;
            v["per_organisation"] = serde_json::Value::Array(
                per_org
                    .iter()
                    .map(|(org, r)| {
                        let mut o = serde_json::to_value(r).unwrap_or_default();
                        o["organisation"] = serde_json::Value::String(org.clone());
                        o
                    })
                    .collect(),
            );
            format!("{}\n", serde_json::to_string_pretty(&v)?)
        }
        GapsFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        GapsFormat::Table if args.per_org => {
            render_per_org(&report, &per_org, src.zh_names, &shown)
        }
        GapsFormat::Table => render(&report, &counts, src.zh_names, shown.is_empty()),
        GapsFormat::Csv => {
            let mut text = render_csv(&report, &per_doc, &orgs);
            // Their organisation is the one all their documents are of.
            for (_, r) in &per_org {
                csv_rows(&mut text, r, "organisation", None, &orgs);
            }
            text
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(bom.as_bytes())?;
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}

/// The due-diligence elements found around a finding's passages, one letter each in the order
/// of [`ELEMENTS`], in small letters where the element is only elsewhere in the same documents,
/// and `-` where it is in neither: what is there and what is not, at a glance.
fn due_diligence(f: &Finding) -> String {
    if f.addressing_passages == 0 {
        return String::new();
    }
    ELEMENTS
        .iter()
        .zip(['C', 'I', 'A', 'T', 'G', 'R'])
        .map(|(e, c)| {
            // An aspiration is the commitment of `commitment-only` too: its C shows why.
            let commits = *e == Element::Commitment && f.aspiration;
            if f.elements.contains(e) || commits {
                c
            } else if f.in_documents_only.contains(e) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Report order: the gaps first, the strongest last.
const ORDER: [Class; 5] = [
    Class::NotMentioned,
    Class::CitedOnly,
    Class::MentionedOnly,
    Class::CommitmentOnly,
    Class::Addressed,
];

/// The findings as CSV, in the table's order: one row each, with its first piece of evidence (the
/// JSON has them all); scope `selection`. Then, when two or more documents are reported on, the
/// rows of each document's own report (`per_doc`, in document order), scope `document`.
fn render_csv(r: &GapReport, per_doc: &[GapReport], orgs: &HashMap<String, String>) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    // A selection of one document is that document: its rows say which.
    let one = match r.documents.as_slice() {
        [d] => Some(d.as_str()),
        _ => None,
    };
    csv_rows(&mut out, r, "selection", one, orgs);
    for d in per_doc {
        csv_rows(
            &mut out,
            d,
            "document",
            d.documents.first().map(String::as_str),
            orgs,
        );
    }
    out
}

/// The steps a report's documents take nowhere, named and joined, if any.
fn steps_nowhere(r: &GapReport) -> Option<String> {
    (!r.steps_nowhere.is_empty()).then(|| {
        let names: Vec<&str> = r.steps_nowhere.iter().map(|e| e.name()).collect();
        names.join(", ")
    })
}

/// `--per-org` as a table: each entry's class per organisation (with the strongest step where
/// addressed), side by side; `--class` keeps the rows where some organisation's class is one of
/// those given.
fn render_per_org(
    r: &GapReport,
    per_org: &[(String, GapReport)],
    zh: bool,
    shown: &[Class],
) -> String {
    let cell = |f: &Finding| match f.strongest {
        Some(s) => format!("{} ({})", f.class.name(), s.name()),
        None => f.class.name().to_string(),
    };
    let mut rows = Vec::new();
    for (k, f) in r.findings.iter().enumerate() {
        let theirs: Vec<&Finding> = per_org.iter().map(|(_, o)| &o.findings[k]).collect();
        if !shown.is_empty() && !theirs.iter().any(|t| shown.contains(&t.class)) {
            continue;
        }
        let mut row = vec![f.tag.clone(), fitted_name(zh, &f.name_en, &f.name_zh, 30)];
        row.extend(theirs.iter().map(|t| cell(t)));
        rows.push(row);
    }
    let names: Vec<String> = per_org
        .iter()
        .map(|(o, _)| fitted_name(false, &printable_id(o), "", 28))
        .collect();
    let mut header: Vec<&str> = vec!["TAG", "NAME"];
    header.extend(names.iter().map(String::as_str));
    let align = vec![Align::Left; header.len()];
    let mut out = if rows.is_empty() {
        "no finding of the classes chosen\n".to_string()
    } else {
        table(&header, &align, &rows)
    };
    out.push_str(&format!(
        "\n{} organisation(s), each reported on as with `--org NAME` alone (its documents: {}); a cell is the class of the entry for that organisation, with the strongest due-diligence step where addressed\n",
        per_org.len(),
        per_org
            .iter()
            .map(|(o, r)| format!("{} {}", printable_id(o), r.documents.len()))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    for (o, r) in per_org {
        if let Some(steps) = steps_nowhere(r) {
            out.push_str(&format!(
                "{}: due-diligence steps reported taken nowhere: {steps}\n",
                printable_id(o)
            ));
        }
    }
    out
}

/// The organisation every one of `documents` is of (see [`organisation_groups`]); none where one
/// has none or two differ.
fn common_organisation(documents: &[String], orgs: &HashMap<String, String>) -> Option<String> {
    match organisation_groups(documents, orgs).as_slice() {
        [(o, docs)] if docs.len() == documents.len() => Some(o.clone()),
        _ => None,
    }
}

/// The CSV rows of one report's findings, in the table's order, with its scope, document and
/// organisation.
fn csv_rows(
    out: &mut String,
    r: &GapReport,
    scope: &str,
    doc: Option<&str>,
    orgs: &HashMap<String, String>,
) {
    let mut findings: Vec<&Finding> = r.findings.iter().collect();
    findings.sort_by_key(|f| ORDER.iter().position(|c| *c == f.class));
    // The organisation of the document, or the one all the selection's documents are of (as after
    // `--org`), so that the CSVs of two companies stacked together can be told apart.
    let org = match doc {
        Some(d) => orgs.get(d).cloned(),
        None => common_organisation(&r.documents, orgs),
    };
    for f in findings {
        let ev = f.evidence.first();
        // The evidence of the strongest step, which the first item (often the citation) is not.
        let strong = f.strongest.and_then(|el| {
            f.evidence
                .iter()
                .find(|e| e.role == gaps::Role::DueDiligence && el.tags().contains(&e.tag.as_str()))
        });
        // Byte offsets into the document's decoded text, as `hria explain` and `search` give them.
        let at = |e: Option<&gaps::EvidenceItem>| {
            let r = e.and_then(|e| e.range.clone());
            [
                r.as_ref().map(|r| r.start.to_string()).unwrap_or_default(),
                r.map(|r| r.end.to_string()).unwrap_or_default(),
            ]
        };
        let [ev_start, ev_end] = at(ev);
        let [strong_start, strong_end] = at(strong);
        let role = ev.map(|e| match e.role {
            gaps::Role::Cited => "cited",
            gaps::Role::Addresses => "addresses",
            gaps::Role::DueDiligence => "due-diligence",
        });
        let cells = [
            f.class.name().to_string(),
            f.tag.clone(),
            csv_name(&f.name_en),
            csv_name(&f.name_zh),
            match f.cited {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            f.cited_passages.to_string(),
            f.addressing_passages.to_string(),
            f.documents.len().to_string(),
            f.strongest
                .map(|s| s.name())
                .unwrap_or_default()
                .to_string(),
            // `.` for a missing element: a cell starting with `-` is a formula to a spreadsheet.
            due_diligence(f).replace('-', "."),
            role.unwrap_or_default().to_string(),
            // Escaped as in the tables: CSV goes to a terminal as often as to a file.
            ev.map(|e| printable_id(&e.passage).into_owned())
                .unwrap_or_default(),
            ev.map(|e| hria::query::reader::printable_section(&e.section))
                .unwrap_or_default(),
            ev.map(|e| e.rule.clone()).unwrap_or_default(),
            ev.map(|e| csv_text(&e.snippet)).unwrap_or_default(),
            printable(
                &f.found_not_counted
                    .iter()
                    .map(|x| format!("{} ({})", x.item, x.describe()))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
            .into_owned(),
            scope.to_string(),
            doc.map(|d| printable_id(d).into_owned())
                .unwrap_or_default(),
            // As the names: one line per record.
            org.as_deref()
                .map(|o| printable_id(o).into_owned())
                .unwrap_or_default(),
            ev_start,
            ev_end,
            strong
                .map(|e| printable_id(&e.passage).into_owned())
                .unwrap_or_default(),
            strong.map(|e| e.rule.clone()).unwrap_or_default(),
            strong.map(|e| csv_text(&e.snippet)).unwrap_or_default(),
            strong_start,
            strong_end,
        ];
        csv_line(out, &cells);
    }
}

/// The report as tables; `counts` are the findings of each class in [`ORDER`], those `--class`
/// leaves out included. `every_class`: no `--class` chose some, so the instruments each document
/// lacks against the others, which are no class, are listed after the findings.
fn render(r: &GapReport, counts: &[usize], zh: bool, every_class: bool) -> String {
    let mut findings: Vec<&Finding> = r.findings.iter().collect();
    findings.sort_by_key(|f| ORDER.iter().position(|c| *c == f.class));
    let rows: Vec<Vec<String>> = findings
        .iter()
        .map(|f| {
            vec![
                f.class.name().to_string(),
                f.tag.clone(),
                fitted_name(zh, &f.name_en, &f.name_zh, 30),
                match f.cited {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => "-".into(),
                },
                f.addressing_passages.to_string(),
                f.strongest.map(|s| s.name()).unwrap_or("-").to_string(),
                due_diligence(f),
            ]
        })
        .collect();
    // A header over no row reads as a broken table.
    let mut out = if rows.is_empty() {
        "no finding of the classes chosen\n".to_string()
    } else {
        table(
            &[
                "CLASS",
                "TAG",
                "NAME",
                "CITED",
                // Not coverage's PASSAGES (those carrying the tag): citations are not counted, and
                // a named instrument's linked rights are.
                "ADDRESSING",
                "STRONGEST",
                "DUE DILIGENCE",
            ],
            &[
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Left,
                Align::Left,
            ],
            &rows,
        )
    };
    let counts: Vec<String> = ORDER
        .iter()
        .zip(counts)
        .map(|(c, n)| format!("{n} {}", c.name()))
        .collect();
    out.push_str(&format!(
        "\n{} ({} passages in {} document(s); ADDRESSING = passages addressing the entry, its citations aside; DUE DILIGENCE = \
         what their contexts hold: C commitment or aspiration, I impact assessment, A action, T tracking, \
         G grievance mechanism, R remedy; a small letter: only elsewhere in the same documents; \
         - none)\n",
        counts.join(", "),
        r.passages,
        r.documents.len()
    ));
    if let Some(steps) = steps_nowhere(r) {
        out.push_str(&format!(
            "Due-diligence steps these documents report taken nowhere, on any subject: {steps}\n"
        ));
    }
    for f in &findings {
        out.push_str(&format!(
            "\n{}  {}  [{}]\n",
            f.tag,
            display_name(zh, &f.name_en, &f.name_zh),
            f.class.name()
        ));
        for e in &f.evidence {
            let role = match e.role {
                gaps::Role::Cited => "cited",
                gaps::Role::Addresses => "addresses",
                gaps::Role::DueDiligence => "due diligence",
            };
            out.push_str(&format!(
                "  {role}: {}  {}\n    {}  ({} via {})\n",
                hria::query::reader::printable_id(&e.passage),
                hria::query::reader::printable_section(&e.section),
                hria::query::reader::printable(&e.snippet),
                e.tag,
                e.rule
            ));
        }
        if !f.looked_for.is_empty() {
            const SHOWN: usize = 12;
            // Keywords come from the taxonomy file, as names do.
            let mut lf = f
                .looked_for
                .iter()
                .take(SHOWN)
                .map(|x| printable_id(x))
                .collect::<Vec<_>>()
                .join(", ");
            if f.looked_for.len() > SHOWN {
                lf.push_str(&format!(
                    ", … ({} more; --format json lists all)",
                    f.looked_for.len() - SHOWN
                ));
            }
            out.push_str(&format!("  looked for, not found: {lf}\n"));
        }
        if !f.found_not_counted.is_empty() {
            // Each with the passage that shows it, for `hria explain`.
            const SHOWN: usize = 6;
            let mut fc = f
                .found_not_counted
                .iter()
                .take(SHOWN)
                .map(|x| {
                    format!(
                        "{} ({}; {})",
                        printable(&x.item),
                        printable(&x.describe()),
                        printable_id(&x.passage)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            if f.found_not_counted.len() > SHOWN {
                fc.push_str(&format!(
                    ", … ({} more; --format json lists all)",
                    f.found_not_counted.len() - SHOWN
                ));
            }
            out.push_str(&format!("  found, not counted: {fc}\n"));
        }
    }
    let missing: Vec<_> = r
        .per_document
        .iter()
        .filter(|d| !d.missing.is_empty())
        .collect();
    if every_class && !missing.is_empty() {
        out.push_str("\nInstruments other documents cover and these do not:\n");
        for d in missing {
            out.push_str(&format!(
                "\n{}{}\n",
                hria::query::reader::printable_id(&d.doc),
                org_label(d.organisation.as_deref())
            ));
            for m in &d.missing {
                let more = m.elsewhere_count.saturating_sub(m.elsewhere.len());
                out.push_str(&format!(
                    "  {}  {}  (in {}{})\n",
                    m.tag,
                    display_name(zh, &m.name_en, &m.name_zh),
                    m.elsewhere
                        .iter()
                        .map(|d| hria::query::reader::printable_id(d))
                        .collect::<Vec<_>>()
                        .join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ));
            }
        }
    }
    out
}
