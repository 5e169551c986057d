//! `hria explain`.

use super::common::{DEFAULT_INDEX, EXIT_OK};
use hria::query::explain::{self, Explained};
use hria::query::reader;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `hria explain`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExplainFormat {
    /// The passage with highlighted evidence, then its tags.
    Table,
    /// One JSON object.
    Json,
}

/// What `hria explain --help` says after the options: where passage ids come from.
pub const HELP: &str = "\
A passage id is its document's id, `#`, its ordinal and a hash: `statement.md#0047-a2dab5ad`.
`hria search`, `hria gaps` and `hria segment` print them beside every passage they show.";

/// Arguments of `hria explain`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Passage id, as shown by `search`, `gaps` or `segment`. It may start with `-`, as ids of
    /// files named so do (`-risk.txt#0018-ebc8cdda`).
    #[arg(value_name = "PASSAGE_ID", allow_hyphen_values = true)]
    pub id: String,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExplainFormat::Table)]
    pub format: ExplainFormat,
}

/// Runs `hria explain`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ix = reader::open(&args.index)?;
    // An id copied from a table often brings a space or a line end with it; a file name may
    // also start with a space of its own, so the id as given is tried first.
    // An id pasted from a table has its line breaks and other hidden chars escaped (`\u{a}`).
    let e = match explain::explain(&ix, &args.id) {
        Err(_) if args.id.trim() != args.id => explain::explain(&ix, args.id.trim())?,
        Err(e) => match hria::escape::unescape_id(args.id.trim()) {
            Some(id) => explain::explain(&ix, &id).map_err(|_| e)?,
            None => return Err(e.into()),
        },
        found => found?,
    };
    let text = match args.format {
        ExplainFormat::Json => {
            let mut v = serde_json::to_value(&e)?;
            v["highlighted"] = serde_json::Value::String(e.highlighted_raw("[[", "]]"));
            format!("{}\n", serde_json::to_string_pretty(&v)?)
        }
        ExplainFormat::Table => render(&e, super::common::colour_stdout()),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::from(EXIT_OK))
}

fn render(e: &Explained, colour: bool) -> String {
    let (open, close) = if colour {
        ("\x1b[1;4;33m", "\x1b[0m")
    } else {
        ("[[", "]]")
    };
    let mut out = String::new();
    out.push_str(&format!(
        "passage   {}\n",
        hria::query::reader::printable_id(&e.id)
    ));
    out.push_str(&format!(
        "document  {}\n",
        hria::query::reader::printable_id(&e.doc)
    ));
    out.push_str(&format!(
        "section   {}\n",
        if e.section.is_empty() {
            "(no section)".to_string()
        } else {
            hria::query::reader::printable_section(&e.section)
        }
    ));
    out.push_str(&format!(
        "kind      {} ({}), ordinal {}\n",
        e.kind, e.lang, e.ordinal
    ));
    out.push_str(&format!("range     {}..{}\n\n", e.range.start, e.range.end));
    out.push_str(&e.highlighted(open, close));
    out.push_str("\n\n");
    if e.tags.is_empty() {
        out.push_str("no tags\n");
    } else {
        out.push_str(&format!("{} tag(s):\n", e.tags.len()));
    }
    for t in &e.tags {
        let basis = serde_json::to_value(t.basis)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        // A step only planned says so, as `search` does: it counts as a commitment in `gaps`.
        let planned = if t.planned { "  planned" } else { "" };
        out.push_str(&format!(
            "  {}  {}  {:.2}{planned}\n",
            t.tag, basis, t.score
        ));
        for ev in &t.evidence {
            let at = if ev.text_range.is_some() {
                ""
            } else {
                "  (not found in the passage text)"
            };
            out.push_str(&format!(
                "    {open}{}{close}  {}  @{}..{}{at}\n",
                hria::query::reader::printable(&ev.matched),
                ev.rule,
                ev.range.start,
                ev.range.end
            ));
        }
    }
    out
}
