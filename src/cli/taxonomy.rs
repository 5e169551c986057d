//! `hria taxonomy`: list, show and check taxonomies.

use super::common::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use anyhow::Context;
use hria::query::reader::{printable, printable_id as shown};
use hria::taxonomy::{Entry, Taxonomy, TaxonomyError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `hria taxonomy` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Cmd {
    /// List the entries: id, names, number of keywords.
    List(ListArgs),
    /// Show everything about one entry, with links both ways.
    Show(ShowArgs),
    /// Validate a taxonomy file (or the built-in taxonomy): exit 0 when valid, 1 with the
    /// problems listed, 2 when the file cannot be read.
    Check(CheckArgs),
}

/// Output format of `taxonomy list`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned columns.
    Table,
    /// One JSON array of entries.
    Json,
}

/// Output format of `taxonomy show`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowFormat {
    /// Human-readable.
    Text,
    /// The entry as JSON, with `linked_from`.
    Json,
}

/// `hria taxonomy list`.
#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Only ids starting with this prefix (e.g. `instrument/`, `right/labour`).
    #[arg(long)]
    pub prefix: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Use this taxonomy file instead of the built-in one (see `taxonomy check`).
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
}

/// `hria taxonomy show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// The entry id, e.g. `instrument/ICCPR`.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
    /// Use this taxonomy file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
}

/// `hria taxonomy check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The taxonomy file to check (default: the built-in taxonomy).
    pub file: Option<PathBuf>,
}

/// Runs `hria taxonomy`.
pub fn run(cmd: Cmd) -> anyhow::Result<ExitCode> {
    match cmd {
        Cmd::List(a) => list(a),
        Cmd::Show(a) => show(a),
        Cmd::Check(a) => check(a),
    }
}

/// The taxonomy to use: `--taxonomy FILE` or the built-in one.
pub fn load(path: Option<&Path>) -> anyhow::Result<std::borrow::Cow<'static, Taxonomy>> {
    match path {
        None => Ok(std::borrow::Cow::Borrowed(Taxonomy::builtin())),
        // Every taxonomy error already names the file.
        Some(p) => Ok(std::borrow::Cow::Owned(Taxonomy::from_file(p)?)),
    }
}

fn keyword_count(e: &Entry) -> usize {
    e.abbr.len() + e.zh.len() + e.en.len() + e.weak.len()
}

fn list(a: ListArgs) -> anyhow::Result<ExitCode> {
    let t = load(a.taxonomy.as_deref())?;
    let prefix = a.prefix.as_deref().unwrap_or("");
    let entries: Vec<&Entry> = t
        .entries
        .iter()
        .filter(|e| e.id.starts_with(prefix))
        .collect();
    let mut out = std::io::stdout().lock();
    match a.format {
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = entries
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "id": e.id,
                        "name_en": e.name_en,
                        "name_zh": e.name_zh,
                        "keywords": keyword_count(e),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            // What a taxonomy file holds is escaped as ids are (a name may hold an escape
            // sequence that rewrites the terminal); JSON escapes it its own way.
            let ids: Vec<_> = entries.iter().map(|e| shown(&e.id)).collect();
            // Padded by display width: an id may hold CJK chars, two columns each.
            use unicode_width::UnicodeWidthStr;
            let w = ids.iter().map(|id| id.width()).max().unwrap_or(2).max(2);
            let padded = |s: &str| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
            writeln!(out, "{}  {:>8}  NAME", padded("ID"), "KEYWORDS")?;
            for (e, id) in entries.iter().zip(&ids) {
                writeln!(
                    out,
                    "{}  {:>8}  {} / {}",
                    padded(id),
                    keyword_count(e),
                    shown(&e.name_en),
                    shown(&e.name_zh)
                )?;
            }
        }
    }
    Ok(ExitCode::from(EXIT_OK))
}

fn show(a: ShowArgs) -> anyhow::Result<ExitCode> {
    let t = load(a.taxonomy.as_deref())?;
    // An instrument may also be named by its abbreviation or title (`ICCPR`, `Rome Statute`).
    let Some(e) = t.get(&a.id).or_else(|| t.find_instrument(&a.id)) else {
        let ids = t.entries.iter().map(|e| (e.id.as_str(), e.id.as_str()));
        let near = hria::query::search::closest(&a.id, ids, 10);
        let hint = if near.is_empty() {
            "see `hria taxonomy list`".to_string()
        } else {
            format!("did you mean: {}", near.join(", "))
        };
        anyhow::bail!("no entry `{}` in the taxonomy ({hint})", shown(&a.id));
    };
    let linked: Vec<&str> = t.linked_from(&e.id).map(|l| l.id.as_str()).collect();
    let children: Vec<&str> = t.children(&e.id).map(|c| c.id.as_str()).collect();
    let implied_by: Vec<&str> = t.implied_by(&e.id).map(|x| x.id.as_str()).collect();
    let mut out = std::io::stdout().lock();
    if a.format == ShowFormat::Json {
        let mut v = serde_json::to_value(e)?;
        v["linked_from"] = serde_json::json!(linked);
        // Serialized entries leave an empty `implies` out (for the taxonomy's hash); `show` lists it.
        v["implies"] = serde_json::json!(e.implies);
        v["implied_by"] = serde_json::json!(implied_by);
        v["children"] = serde_json::json!(children);
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    // Every field on one line, escaped as in `list`.
    writeln!(out, "{}", shown(&e.id))?;
    writeln!(out, "  name (en):   {}", shown(&e.name_en))?;
    writeln!(out, "  name (zh):   {}", shown(&e.name_zh))?;
    if let Some(k) = e.instrument_kind {
        writeln!(out, "  kind:        {}", format!("{k:?}").to_lowercase())?;
    }
    if !e.description.is_empty() {
        writeln!(out, "  description: {}", shown(&e.description))?;
    }
    let lists: [(&str, &[String]); 8] = [
        ("abbr", &e.abbr),
        ("zh", &e.zh),
        ("en", &e.en),
        ("weak", &e.weak),
        ("cues", &e.cues),
        ("exclude", &e.exclude),
        ("links", &e.links),
        ("implies", &e.implies),
    ];
    for (name, list) in lists {
        if !list.is_empty() {
            // Weak rules contain `|` themselves ("风电 | 装机, 发电量"), so they are quoted.
            let words = if name == "weak" {
                list.iter()
                    .map(|w| format!("\"{}\"", shown(w)))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                list.iter()
                    .map(|w| shown(w))
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            writeln!(out, "  {name:<12} {words}")?;
        }
    }
    writeln!(out, "  negatable:   {}", e.negatable)?;
    let ids = |ids: &[&str]| {
        ids.iter()
            .map(|id| shown(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !linked.is_empty() {
        writeln!(out, "  linked from: {}", ids(&linked))?;
    }
    if !children.is_empty() {
        writeln!(out, "  children:    {}", ids(&children))?;
    }
    if !implied_by.is_empty() {
        writeln!(out, "  implied by:  {}", ids(&implied_by))?;
    }
    Ok(ExitCode::from(EXIT_OK))
}

fn check(a: CheckArgs) -> anyhow::Result<ExitCode> {
    let (name, loaded) = match &a.file {
        None => (
            "built-in taxonomy".to_string(),
            hria::taxonomy::load_builtin(),
        ),
        Some(p) => (super::common::shown_path(p), hria::taxonomy::load_file(p)),
    };
    let mut out = std::io::stdout().lock();
    let loaded = match loaded {
        Ok(l) => l,
        Err(e @ TaxonomyError::Read { .. }) => {
            report!("hria: {}", printable(&e.to_string()));
            return Ok(ExitCode::from(EXIT_ERROR));
        }
        Err(e) => {
            // A syntax error may show the lines around it, so its line breaks stay.
            writeln!(out, "{}", printable(&e.to_string()))?;
            writeln!(out, "{}: invalid (1 error)", shown(&name))?;
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
    };
    // A problem names the entry's id and the keyword as written, which may hold control chars
    // (an id is checked for them, so it is shown as the file has it): one line each.
    for d in &loaded.diagnostics {
        writeln!(out, "{}", shown(&d.to_string()))?;
    }
    let errors = loaded.errors().count();
    let warnings = loaded.diagnostics.len() - errors;
    let t = &loaded.taxonomy;
    let mut families: Vec<(&str, usize)> = Vec::new();
    for e in &t.entries {
        // An invalid id (reported above) has no family to count it under.
        let fam = match hria::taxonomy::id_problem(&e.id) {
            Some(_) => "invalid id",
            None => e.id.split('/').next().unwrap_or(""),
        };
        match families.iter_mut().find(|(f, _)| *f == fam) {
            Some((_, n)) => *n += 1,
            None => families.push((fam, 1)),
        }
    }
    let keywords: usize = t.entries.iter().map(keyword_count).sum();
    let fams = families
        .iter()
        .map(|(f, n)| format!("{f} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let verdict = if errors == 0 { "valid" } else { "invalid" };
    writeln!(
        out,
        "{}: {verdict}: version {}, {} entries ({fams}), {keywords} keywords, {errors} error(s), {warnings} warning(s), hash {}",
        shown(&name),
        shown(&t.version),
        t.entries.len(),
        t.hash.get(..16).unwrap_or(&t.hash)
    )
    .context("writing the summary")?;
    Ok(ExitCode::from(if errors == 0 {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }))
}
