//! Writing the index: ingest, segment and tag documents in parallel, one tantivy document per
//! passage and one record per document ([`schema::RECORD`]), one commit per run carrying the
//! [`CommitPayload`] (schema and taxonomy) as its payload. Nothing kept in memory grows with the
//! number of documents but the walk's list of candidates: the records are written to the index as
//! their documents are, and read back one at a time.
//!
//! Incremental by default: a document whose raw bytes, manifest entry and decoding options hash
//! the same as in its record is not even decoded; a changed one is replaced (delete by
//! [`schema::DOC_ID`], then add, in the same commit); one recorded under a root given to this run
//! but no longer found there is deleted. `rebuild` empties an index of the current layout and
//! fills it again in the same single commit (readers see the old commit until then); an index of
//! another layout, or a damaged one, is replaced by a fresh index built next to it and swapped in.

use super::schema::{self, CommitPayload, DocRecord};
use super::{
    open_index, register_tokenizer, Fields, IndexError, RecordCheck, RecordChecks, META_FILE,
};
use crate::ingest::{self, Candidate, IngestOptions, Skip, SkipKind};
use crate::model::{Document, TaggedPassage};
use crate::pipeline::PIPELINE_VERSION;
use crate::tag::Tagger;
use crate::taxonomy::Taxonomy;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tantivy::directory::{Directory, MmapDirectory, INDEX_WRITER_LOCK};
use tantivy::indexer::{IndexWriterOptions, LogMergePolicy, MergeCandidate, MergePolicy};
use tantivy::schema::Term;
use tantivy::{Index, IndexWriter, SegmentMeta};

/// The most passages a merge writes. tantivy's default merges whole levels of segments (all the
/// segments of a run, at its commit), and a merge's memory grows with what it reads, so peak
/// memory followed the corpus; capped, it is set by the writer's budget and this bound. A large
/// corpus ends with a few segments of this order.
pub const MAX_MERGED_PASSAGES: usize = 100_000;

/// Default writer memory budget per indexing thread.
pub const DEFAULT_MEMORY_BUDGET: usize = 50 << 20;

/// Options for [`build`].
#[derive(Debug, Clone)]
pub struct BuildOptions<'a> {
    /// The index directory.
    pub dir: PathBuf,
    /// Files or folders to index.
    pub roots: Vec<PathBuf>,
    /// Ingestion options.
    pub ingest: IngestOptions,
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Writer memory budget per indexing thread, in bytes (at least 15 MB).
    pub memory_budget_per_thread: usize,
    /// Re-read every document and replace the whole index content, instead of updating.
    pub rebuild: bool,
    /// Taxonomy to tag with.
    pub taxonomy: &'a Taxonomy,
    /// Test hook: hold the writer lock this long before working (makes the lock and kill tests
    /// deterministic); `None` in normal use.
    pub hold_lock: Option<Duration>,
}

/// Progress reported by [`build`].
#[derive(Debug, Clone, Copy)]
pub enum Event {
    /// The writer lock is held.
    LockAcquired,
    /// The walk is done: this many candidate documents, of this many bytes.
    Started {
        /// Candidate documents.
        documents: u64,
        /// Their total size in bytes.
        bytes: u64,
    },
    /// One candidate is done (indexed, unchanged or skipped).
    Document {
        /// Its size in bytes.
        bytes: u64,
        /// Passages indexed from it (0 when unchanged or skipped).
        passages: u64,
    },
    /// All documents are done; committing.
    Committing,
}

/// What a run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildSummary {
    /// The index directory.
    pub index: String,
    /// Whether the index was rebuilt from scratch.
    pub rebuilt: bool,
    /// Whether the taxonomy differed from the last run's. Which documents are re-tagged is
    /// decided by each one's record, which keeps what it was indexed with ([`record_inputs`]):
    /// after a change, every document indexed before it.
    pub taxonomy_changed: bool,
    /// Whether the last run was made by another version of segmentation and tagging
    /// ([`crate::pipeline::PIPELINE_VERSION`]); as for the taxonomy, the records decide what is
    /// read again.
    pub pipeline_changed: bool,
    /// Candidate documents found by the walk.
    pub found: u64,
    /// Documents (re)indexed.
    pub indexed: u64,
    /// Documents unchanged since the last run (not read further than their bytes).
    pub unchanged: u64,
    /// Documents removed from the index (gone from their root, or no longer readable).
    pub removed: u64,
    /// Paths given that no longer exist (roots the index holds, or folders or files inside one),
    /// with how many of the documents the index held from each were removed (they are counted in
    /// [`BuildSummary::removed`] too).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gone: Vec<GoneRoot>,
    /// Inputs skipped or degraded, with reasons.
    pub skipped: Vec<Skip>,
    /// Passages indexed in this run.
    pub passages: u64,
    /// Tags given in this run.
    pub tags: u64,
    /// Bytes of the documents indexed in this run.
    pub bytes: u64,
    /// Wall time in seconds.
    pub elapsed_s: f64,
    /// `bytes` per second, in MB (10^6).
    pub mb_per_s: f64,
    /// Whether a commit was made (false when nothing changed).
    pub committed: bool,
    /// Opstamp of the index's last commit.
    pub opstamp: u64,
    /// Documents in the index after the run.
    pub total_documents: u64,
    /// Passages in the index after the run.
    pub total_passages: u64,
    /// Documents in the index after the run most of whose passages are in a language other than
    /// Chinese and English, which the taxonomy has no keywords for.
    pub other_language_documents: u64,
    /// Records of the last commit the run read from the doc store rather than from their check
    /// columns (only those with a value too long for the columns). Not part of the report.
    #[serde(skip)]
    pub records_read_from_store: u64,
}

/// One candidate with the root it was found under.
struct Cand {
    c: Candidate,
    /// The root's key ([`root_key`]), shared by the root's candidates.
    root: Arc<str>,
    /// What the last commit recorded for its id, if it holds it.
    old: Option<Box<OldDoc>>,
}

/// What the incremental check needs of a document's record in the last commit.
struct OldDoc {
    hash: String,
    inputs: String,
    /// Recorded under the same root as the candidate's.
    same_root: bool,
    degraded: Option<String>,
}

enum Outcome {
    Unchanged {
        degraded: Option<String>,
    },
    Indexed {
        passages: u64,
        tags: u64,
        bytes: u64,
        // Boxed, like the error below: one outcome per candidate is held until the end.
        degraded: Option<Box<Skip>>,
    },
    Skipped {
        skip: Skip,
        /// The last commit held it: it is removed.
        removed: bool,
    },
}

/// The last commit of the index a run updates, read through a searcher so that its document
/// records are looked up one at a time rather than held in memory, from their check columns.
struct Old {
    payload: CommitPayload,
    searcher: Option<(tantivy::Searcher, Fields, RecordChecks)>,
}

impl Old {
    fn none() -> Old {
        Old {
            payload: CommitPayload::default(),
            searcher: None,
        }
    }

    fn open(dir: &Path, index: &Index, payload: CommitPayload) -> Result<Old, IndexError> {
        let fields = Fields::of(index, dir)?;
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| IndexError::tantivy(dir, e))?;
        let searcher = reader.searcher();
        let checks =
            RecordChecks::open(&searcher, &fields).map_err(|e| IndexError::tantivy(dir, e))?;
        Ok(Old {
            payload,
            searcher: Some((searcher, fields, checks)),
        })
    }

    fn get(&self, dir: &Path, id: &str) -> Result<Option<RecordCheck>, IndexError> {
        match &self.searcher {
            Some((_, _, c)) => c.get(id).map_err(|e| IndexError::tantivy(dir, e)),
            None => Ok(None),
        }
    }

    fn count(&self, dir: &Path) -> Result<u64, IndexError> {
        match &self.searcher {
            Some((s, f, _)) => {
                super::count_documents(s, f, None).map_err(|e| IndexError::tantivy(dir, e))
            }
            None => Ok(0),
        }
    }

    /// The distinct roots of the documents the last commit holds.
    fn roots(&self, dir: &Path) -> Result<BTreeSet<String>, IndexError> {
        match &self.searcher {
            Some((_, _, c)) => c.roots().map_err(|e| IndexError::tantivy(dir, e)),
            None => Ok(BTreeSet::new()),
        }
    }

    /// Whether the last commit holds a document from the path `key` (a root key): under a root
    /// recorded at or inside it, or with an id under it inside a folder root.
    fn holds_under(
        &self,
        dir: &Path,
        recorded: &BTreeSet<String>,
        key: &str,
    ) -> Result<bool, IndexError> {
        if recorded.iter().any(|r| Path::new(r).starts_with(key)) {
            return Ok(true);
        }
        let Some((outer, within)) = outer_root(recorded, key) else {
            return Ok(false);
        };
        let mut held = false;
        self.each_root(dir, |id, root| {
            held |= root == outer && Path::new(id).starts_with(&within);
        })?;
        Ok(held)
    }

    /// Calls `f` with the id and root of every document the last commit holds.
    fn each_root(&self, dir: &Path, f: impl FnMut(&str, &str)) -> Result<(), IndexError> {
        match &self.searcher {
            Some((_, _, c)) => c.each_root(f).map_err(|e| IndexError::tantivy(dir, e)),
            None => Ok(()),
        }
    }

    fn store_reads(&self) -> u64 {
        self.searcher
            .as_ref()
            .map_or(0, |(_, _, c)| c.store_reads())
    }
}

/// A path given to a run that no longer exists: a root the index holds, or a folder or file
/// inside one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoneRoot {
    /// The path as given.
    pub path: String,
    /// How many documents indexed from it were removed.
    pub removed: u64,
}

/// The key a root is recorded under: canonical when it exists, so `corpus` and `./corpus` agree.
/// One that no longer exists is keyed under its nearest folder that does, made canonical, as it
/// was recorded when it existed.
fn root_key(root: &Path) -> String {
    std::fs::canonicalize(root)
        .or_else(|_| {
            let abs = std::path::absolute(root)?;
            let base = abs
                .ancestors()
                .skip(1)
                .find_map(|a| Some((a, std::fs::canonicalize(a).ok()?)));
            Ok::<_, std::io::Error>(match base {
                Some((a, canonical)) => canonical.join(abs.strip_prefix(a).unwrap_or(&abs)),
                None => abs,
            })
        })
        .unwrap_or_else(|_| root.to_path_buf())
        .display()
        .to_string()
}

fn is_empty_dir(dir: &Path) -> Result<bool, IndexError> {
    // Hidden files (a `.gitignore` keeping the folder in a repository) do not make it a non-index.
    Ok(std::fs::read_dir(dir)
        .map_err(|e| IndexError::io(dir, e))?
        .filter_map(Result::ok)
        .all(|e| crate::ingest::is_hidden(&e.file_name())))
}

/// Carries the hidden files of the user's (`.gitignore` and the like, see
/// [`super::is_carried`]) from the old index folder into the new one, so that a rebuild leaves
/// the folder as the user set it up. A file that cannot be copied stops the rebuild before the
/// old folder is touched.
fn carry_hidden_files(from: &Path, to: &Path) -> Result<(), IndexError> {
    let entries = std::fs::read_dir(from).map_err(|e| IndexError::io(from, e))?;
    for e in entries.filter_map(Result::ok) {
        let is_file = e.file_type().is_ok_and(|t| t.is_file());
        let name = e.file_name();
        if super::is_carried(&name, is_file) && !to.join(&name).exists() {
            std::fs::copy(e.path(), to.join(&name))
                .map_err(|err| IndexError::io(&e.path(), err))?;
        }
    }
    Ok(())
}

/// A sibling path of `dir` named `<name><suffix>`.
fn sibling(dir: &Path, suffix: &str) -> Result<PathBuf, IndexError> {
    let abs = std::path::absolute(dir).map_err(|e| IndexError::io(dir, e))?;
    let name = abs.file_name().ok_or_else(|| IndexError::NotAnIndex {
        dir: dir.to_path_buf(),
    })?;
    let mut n = name.to_os_string();
    n.push(suffix);
    Ok(abs.with_file_name(n))
}

pub use super::doc::{
    derive_on_worker, passage_document, record_document, to_document, PassageDoc,
};

/// Appended to the report of a document whose indexed version a run keeps.
const KEPT: &str = " (previous version kept)";
/// Appended to the report of a document a run with a new taxonomy could not read again: its
/// indexed version is removed, since it holds tags the index no longer says it was tagged with.
const DROPPED: &str =
    " (previous version removed: it was tagged with another taxonomy; run again once it can be read)";

/// What a run does with a document it holds but could not read again.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unread {
    /// Keeps the indexed version (the taxonomy is the same).
    Kept,
    /// Removes it (the run re-tags with a new taxonomy, which it could not do for this one).
    Dropped,
}

impl Unread {
    fn of(taxonomy_changed: bool) -> Unread {
        if taxonomy_changed {
            Unread::Dropped
        } else {
            Unread::Kept
        }
    }

    /// The note on the report of the document itself.
    fn note(self) -> &'static str {
        match self {
            Unread::Kept => KEPT,
            Unread::Dropped => DROPPED,
        }
    }

    /// The note on the report of a folder that could not be listed, with `n` documents under it.
    fn folder_note(self, n: usize) -> String {
        let s = if n == 1 { "" } else { "s" };
        let what = match self {
            Unread::Kept => "kept",
            Unread::Dropped => {
                "removed: tagged with another taxonomy; run again once it can be read"
            }
        };
        format!(" ({n} previously indexed document{s} under it {what})")
    }
}

/// Whether `path` no longer exists, as opposed to existing but being unreadable: a missing
/// entry or a path through something that is no longer a folder.
fn is_gone(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(_) => false,
        Err(e) => matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
        ),
    }
}

/// How the paths given to a run relate to the roots the index already holds documents under.
#[derive(Debug, Default)]
struct Nested {
    /// A root given inside a folder root the index holds (`corpus/en` when it holds `corpus`):
    /// the outermost such root, and where the given one is inside it. Its documents are read as
    /// that root's, so that they are not indexed a second time under other ids. A path given that
    /// no longer exists inside such a root is here too: its documents are removed.
    outer: BTreeMap<String, (Arc<str>, PathBuf)>,
    /// The roots whose documents the run answers for (removes when gone, takes ids over from):
    /// the roots given, but for those read as part of an outer one, and every root the index
    /// holds inside a folder given (`corpus/en` when it holds it and `corpus` is given) or inside
    /// a root given that no longer exists.
    covered: BTreeSet<String>,
}

impl Nested {
    /// `walked` are the keys of the roots given that exist; `gone` has as keys those of the
    /// paths given that no longer do, which the run answers for as for a folder whose files were
    /// all deleted.
    fn of<T>(
        recorded: BTreeSet<String>,
        walked: &BTreeSet<String>,
        gone: &BTreeMap<String, T>,
    ) -> Nested {
        let mut nested = Nested::default();
        for w in walked {
            match outer_root(&recorded, w) {
                Some((r, within)) => {
                    nested.outer.insert(w.clone(), (Arc::from(r), within));
                }
                None => {
                    nested.covered.insert(w.clone());
                }
            }
        }
        // A deleted path inside a folder root: the documents recorded under it are the run's.
        for g in gone.keys() {
            if let Some((r, within)) = outer_root(&recorded, g) {
                nested.outer.insert(g.clone(), (Arc::from(r), within));
            }
        }
        // A recorded root inside a folder given is the run's too, where the walk reaches it.
        nested.covered.extend(recorded.into_iter().filter(|r| {
            walked
                .iter()
                .any(|w| Path::new(r).strip_prefix(w).is_ok_and(walk_reaches))
                || gone.keys().any(|g| Path::new(r).starts_with(g))
        }));
        nested
    }

    /// Whether a run answers for the document recorded under `root` with `id`: it is under a
    /// root the run covers, or under a root given inside the outer root it is recorded under.
    fn answers_for(&self, root: &str, id: &str) -> bool {
        self.covered.contains(root)
            || self
                .outer
                .values()
                .any(|(outer, within)| &**outer == root && Path::new(id).starts_with(within))
    }
}

/// The outermost folder root the index holds that `path` (a root key) lies inside, and where in
/// it; not where a walk of that folder would not go (a hidden folder given explicitly), since
/// that walk would remove what a run files under it. A root that no longer exists counts (a
/// deleted path inside it is then deleted too): what the index holds under it says whether it was
/// a folder.
fn outer_root<'a>(recorded: &'a BTreeSet<String>, path: &str) -> Option<(&'a str, PathBuf)> {
    recorded
        .iter()
        .filter(|r| *r != path && (Path::new(r.as_str()).is_dir() || is_gone(Path::new(r))))
        .filter_map(|r| Some((r.as_str(), Path::new(path).strip_prefix(r).ok()?)))
        .filter(|(_, within)| walk_reaches(within))
        .min_by_key(|(r, _)| r.len())
        .map(|(r, within)| (r, within.to_path_buf()))
}

/// Whether a walk of a folder reaches the path `within` it: not through a hidden folder, which
/// the walk leaves out.
fn walk_reaches(within: &Path) -> bool {
    !within
        .components()
        .any(|c| ingest::is_hidden(c.as_os_str()))
}

/// Where a document recorded under `root` (canonical) with `id` is on disk: the root itself for
/// a file given directly, else the id under the root folder.
fn recorded_path(root: &str, id: &str) -> PathBuf {
    let root = Path::new(root);
    if root.is_dir() {
        root.join(id)
    } else {
        root.to_path_buf()
    }
}

/// A skipped path spelled as recorded paths are: canonical folder, name as found (a reported
/// link is not resolved to its target).
fn as_recorded(skip: &Skip) -> Option<PathBuf> {
    // A bare relative name (`corpus`) has the empty path as its parent, which does not resolve.
    let parent = match skip.path.parent()? {
        p if p.as_os_str().is_empty() => Path::new("."),
        p => p,
    };
    let parent = std::fs::canonicalize(parent).ok()?;
    Some(parent.join(skip.path.file_name()?))
}

/// The paths (spelled as recorded) that the walk reported as unreadable: listing or opening
/// failed, or the entry is not a regular file.
fn unreadable_paths(skips: &[Skip]) -> HashSet<PathBuf> {
    skips
        .iter()
        .filter(|s| matches!(s.kind, SkipKind::Io | SkipKind::NotRegular))
        .filter_map(as_recorded)
        .collect()
}

/// Reports documents kept (or, with a new taxonomy, removed) although the walk did not find
/// them: counted on the report of the folder that could not be listed (or of the file itself),
/// else reported one by one.
fn report_unread(skips: &mut Vec<Skip>, unread: Vec<PathBuf>, what: Unread) {
    if unread.is_empty() {
        return;
    }
    let at: BTreeMap<PathBuf, usize> = skips
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((as_recorded(s)?, i)))
        .collect();
    let mut counts = vec![0usize; skips.len()];
    for path in unread {
        match path.ancestors().find_map(|a| at.get(a)) {
            Some(&i) => counts[i] += 1,
            None => skips.push(Skip::new(
                path,
                SkipKind::Io,
                format!("not found by this run's walk{}", what.note()),
            )),
        }
    }
    for (skip, n) in skips.iter_mut().zip(counts) {
        if n > 0 && skip.path.is_dir() {
            skip.reason.push_str(&what.folder_note(n));
        } else if n > 0 {
            skip.reason.push_str(what.note());
        }
    }
}

/// What a document's record keeps as its inputs: the hash of its manifest entry and decoding
/// options, with the taxonomy and the version of segmentation and tagging
/// ([`PIPELINE_VERSION`]) it was indexed with. A document indexed otherwise is read again in
/// whichever later run finds it, also one a run of a new version kept because it could not read
/// it (a run with a new taxonomy removes such a document instead, and is refused if it leaves
/// out a folder the index holds).
fn record_inputs(inputs_hash: &str, taxonomy_hash: &str, pipeline_version: u32) -> String {
    let key = format!("{inputs_hash}\n{taxonomy_hash}\n{pipeline_version}");
    blake3::hash(key.as_bytes()).to_hex().to_string()
}

/// Deletes a document: its passages and its record.
fn delete_document(writer: &IndexWriter<PassageDoc>, f: &Fields, id: &str) {
    writer.delete_term(Term::from_field_text(f.doc_id, id));
    writer.delete_term(Term::from_field_text(f.record_id, id));
}

struct Ctx<'a> {
    /// Hash of the taxonomy in use, part of every record's inputs ([`record_inputs`]).
    taxonomy_hash: &'a str,
    rebuild: bool,
    /// What becomes of a document the index holds that cannot be read this run.
    unread: Unread,
    ingest: &'a IngestOptions,
    tagger: &'a Tagger,
    writer: &'a IndexWriter<PassageDoc>,
    fields: Fields,
    derive_here: bool,
    progress: &'a (dyn Fn(Event) + Sync),
}

fn process_one(ctx: &Ctx, cand: &Cand) -> Result<Outcome, tantivy::TantivyError> {
    let c = &cand.c;
    let size = std::fs::metadata(&c.path).map(|m| m.len()).unwrap_or(0);
    let done = |passages| {
        (ctx.progress)(Event::Document {
            bytes: size,
            passages,
        })
    };
    // Read once, hash the raw bytes, then decode the same bytes: an unchanged document is not
    // decoded, segmented or tagged.
    let read = ingest::read(c, ctx.ingest).map(|bytes| {
        let hash = ingest::content_hash(&bytes);
        (bytes, hash)
    });
    let inputs = record_inputs(
        &c.inputs_hash(ctx.ingest),
        ctx.taxonomy_hash,
        PIPELINE_VERSION,
    );
    if let (Ok((_, h)), Some(old)) = (&read, &cand.old) {
        if *h == old.hash && old.inputs == inputs && old.same_root {
            done(0);
            return Ok(Outcome::Unchanged {
                degraded: old.degraded.clone(),
            });
        }
    }
    // Only a document the last commit holds has passages to delete. tantivy keeps every delete
    // until the commit, so deleting ids that were never indexed made memory grow with the corpus.
    let replaces = !ctx.rebuild && cand.old.is_some();
    let doc = match read.and_then(|(bytes, hash)| ingest::decode_hashed(c, bytes, hash, ctx.ingest))
    {
        Ok(d) => d,
        Err(mut skip) => {
            // A document that is still there but could not be read this run (permissions, a
            // file being rewritten) keeps what the index holds, unless the run re-tags with a
            // new taxonomy; one that is gone, or whose content is now empty, binary, too large
            // or undecodable, is removed: the index must not show text the document no longer has.
            let unread = replaces && skip.kind == SkipKind::Io && !is_gone(&c.path);
            let removed = replaces && (!unread || ctx.unread == Unread::Dropped);
            if removed {
                delete_document(ctx.writer, &ctx.fields, &c.id);
            }
            if unread {
                skip.reason.push_str(ctx.unread.note());
            }
            done(0);
            return Ok(Outcome::Skipped { skip, removed });
        }
    };
    if replaces {
        // Deleting ops apply to documents added before them, so the new passages survive.
        delete_document(ctx.writer, &ctx.fields, &c.id);
    }
    // Handed over as they are made, so that a large document's words are never all in memory.
    let passages = crate::pipeline::tagged(&doc, super::segmenter(), ctx.tagger);
    let (n, tags) = add_passages(ctx.writer, &ctx.fields, passages, ctx.derive_here)?;
    if n == 0 {
        // Nothing to search or report on: skipped like an empty file, the old version removed.
        done(0);
        return Ok(Outcome::Skipped {
            skip: ingest::Skip::no_text(c.path.clone()),
            removed: replaces,
        });
    }
    let mut rec = record(&doc, c.path.display().to_string(), n, cand.root.to_string());
    rec.inputs = inputs;
    ctx.writer
        .add_document(record_document(&ctx.fields, &c.id, &rec))?;
    done(n);
    Ok(Outcome::Indexed {
        passages: n,
        tags,
        bytes: size,
        degraded: ingest::degraded(&doc).map(Box::new),
    })
}

/// Adds a document's passages (in order: their ordinals) to the writer, handing them over, with
/// their values derived here or by the indexing thread ([`derive_on_worker`]); returns how many
/// passages and tags there were.
fn add_passages(
    writer: &IndexWriter<PassageDoc>,
    fields: &Fields,
    passages: impl IntoIterator<Item = TaggedPassage>,
    derive_here: bool,
) -> tantivy::Result<(u64, u64)> {
    let (mut n, mut tags) = (0u64, 0u64);
    for tp in passages {
        tags += tp.tags.len() as u64;
        writer.add_document(passage_document(fields, n, tp, derive_here))?;
        n += 1;
    }
    Ok((n, tags))
}

/// The manifest record of an indexed document.
fn record(doc: &Document, path: String, passages: u64, root: String) -> DocRecord {
    DocRecord {
        path,
        hash: doc.hash.clone(),
        inputs: String::new(),
        degraded: ingest::degraded_reason(doc),
        title: doc.meta.title.clone(),
        organisation: doc.meta.organisation.clone(),
        kind: doc.meta.kind.clone(),
        year: doc.meta.year,
        lang: doc.lang.code().to_string(),
        encoding: doc.encoding.clone(),
        passages,
        root,
    }
}

/// Commits everything added, atomically with `payload`; returns the opstamp.
fn commit_with(
    writer: &mut IndexWriter<PassageDoc>,
    payload: &CommitPayload,
) -> tantivy::Result<u64> {
    let payload = serde_json::to_string(payload)
        .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&payload);
    commit.commit()
}

/// Gives up a run that failed while writing (a full disk, a failing device): finds the cause
/// where tantivy only says that an indexing thread stopped, rolls the writer back to the last
/// commit and deletes the files the run wrote, so that the index and the disk are as they were
/// before it. `work` is where the run wrote; `undo` says what else goes.
fn abandon(
    mut writer: IndexWriter<PassageDoc>,
    dir: &Path,
    work: &Path,
    undo: &Undo,
    error: tantivy::TantivyError,
) -> IndexError {
    let error = match error {
        // Joining the indexing threads (which preparing a commit does) returns what stopped them.
        tantivy::TantivyError::ErrorInThread(_) => match writer.prepare_commit() {
            Err(cause) => cause,
            Ok(_) => error,
        },
        e => e,
    };
    roll_back(writer, work, undo);
    IndexError::tantivy(dir, error)
}

/// Takes back what a failed run wrote: the index goes back to its last commit, and what the run
/// created is removed.
fn roll_back(mut writer: IndexWriter<PassageDoc>, work: &Path, undo: &Undo) {
    if writer.rollback().is_ok() {
        let _ = writer.garbage_collect_files().wait();
    }
    let index = writer.index().clone();
    drop(writer);
    match undo {
        Undo::Folder(folder) => {
            let _ = std::fs::remove_dir_all(folder);
        }
        // Left, it would answer every search with no hits, as if the corpus had none.
        Undo::IndexFiles => {
            for e in std::fs::read_dir(work).into_iter().flatten().flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if super::is_index_file(&name) && e.file_type().is_ok_and(|t| t.is_file()) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        // A merge of the rolled-back writer may have gone on writing after the collection.
        Undo::Nothing => sweep_orphans(work, &index),
    }
}

/// What a run that fails removes besides the files it wrote.
#[derive(Debug)]
enum Undo {
    /// A folder it created: the index folder (or the outermost parent made for it), or a
    /// rebuild's temporary folder.
    Folder(PathBuf),
    /// The files of the fresh index it began in a folder that was empty.
    IndexFiles,
    /// Nothing: the index goes back to its last commit.
    Nothing,
}

/// Deletes the segment files in `dir` that its last commit does not name (see
/// [`remove_orphans`]), taking the writer lock for it; when another run holds the lock, leaves
/// them to that run.
fn sweep_orphans(dir: &Path, index: &Index) {
    let Ok(d) = MmapDirectory::open(dir) else {
        return;
    };
    if let Ok(_lock) = d.acquire_lock(&INDEX_WRITER_LOCK) {
        remove_orphans(dir, index);
    }
}

/// Deletes the segment files in `dir` that its last commit does not name: what a run that failed
/// or was killed left, and the output of a merge that failed for want of space after its run's
/// commit (tantivy only logs that). tantivy's own collection keeps files its writer still counts
/// as in use, and runs only when a run commits. Call with the writer lock held and no writer
/// writing.
fn remove_orphans(dir: &Path, index: &Index) {
    let Ok(metas) = index.load_metas() else {
        return;
    };
    let live: HashSet<String> = metas
        .segments
        .iter()
        .map(|s| s.id().uuid_string())
        .collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some((id, _)) = name.split_once('.') else {
            continue;
        };
        if super::is_index_file(&name)
            && id.len() == 32
            && !live.contains(id)
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The outermost folder of `dir` (itself or one of its parents) that does not exist yet: what
/// creating `dir` makes, and what goes again when its index cannot be written.
fn first_missing(dir: &Path) -> Option<PathBuf> {
    let mut top = None;
    for a in dir.ancestors() {
        if a.as_os_str().is_empty() || a.exists() {
            break;
        }
        top = Some(a.to_path_buf());
    }
    top
}

/// Where the run writes, and what it must do at the end.
struct Target {
    /// Directory the writer writes into (the index itself, or the temporary one on rebuild).
    work: PathBuf,
    /// Held on rebuild: the old index's writer lock, so no other run writes it meanwhile.
    old_lock: Option<tantivy::directory::DirectoryLock>,
    index: Index,
    old: Old,
    created: bool,
    /// What goes when the run fails.
    undo: Undo,
    /// Rebuilding in place: every document is deleted before the new ones are added, in the
    /// run's single commit.
    clear: bool,
}

fn create_index(dir: &Path) -> Result<Index, IndexError> {
    // A link to nowhere would fail below as "File exists", which says nothing of the link.
    if let (Ok(target), false) = (std::fs::read_link(dir), dir.exists()) {
        let reason = super::dangling_link(dir, &target);
        return Err(IndexError::io(dir, std::io::Error::other(reason)));
    }
    let made = first_missing(dir);
    let undo = || {
        if let Some(top) = &made {
            let _ = std::fs::remove_dir_all(top);
        }
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        undo();
        IndexError::from_io(dir, dir, "create", &e)
    })?;
    // A full disk fails here, after the folders were made: they go again.
    let index = Index::create_in_dir(dir, schema::schema()).map_err(|e| {
        undo();
        IndexError::tantivy(dir, e)
    })?;
    register_tokenizer(&index);
    Ok(index)
}

fn prepare(dir: &Path, rebuild: bool) -> Result<Target, IndexError> {
    finish_killed_swap(dir);
    let exists = dir.exists();
    if exists && !dir.is_dir() {
        return Err(IndexError::NotAFolder {
            dir: dir.to_path_buf(),
        });
    }
    let empty = exists && is_empty_dir(dir)?;
    let is_index = exists && dir.join(META_FILE).is_file();
    // An index that lost its meta.json: damaged, so only a rebuild may replace it.
    let damaged = exists && !empty && !is_index && super::has_index_files(dir);
    if damaged && !rebuild {
        return Err(super::meta_missing(dir));
    }
    if exists && !empty && !is_index && !damaged {
        // Never replace or write into a folder that is not ours (a mistyped --index).
        return Err(IndexError::NotAnIndex {
            dir: dir.to_path_buf(),
        });
    }
    if exists {
        super::check_lock_files(dir)?;
        if is_index || damaged {
            remove_killed_rebuilds(dir);
        }
    }
    if rebuild && (is_index || damaged) {
        let current = if is_index {
            Some(open_index(dir))
        } else {
            None
        };
        match current {
            None => {}
            // An index of the current layout is rebuilt in place: emptied and refilled, committed
            // once. Until that commit, readers (and a killed run) see the old content, so there
            // is no moment without an index.
            Some(Ok((index, _))) => {
                return Ok(Target {
                    work: dir.to_path_buf(),
                    old_lock: None,
                    index,
                    old: Old::none(),
                    created: true,
                    undo: Undo::Nothing,
                    clear: true,
                })
            }
            // Another layout, or damaged: nothing this hria can read is lost by replacing it,
            // so a fresh index is built next to it and swapped in.
            Some(Err(IndexError::SchemaMismatch { .. } | IndexError::Corrupt { .. })) => {}
            Some(Err(e)) => return Err(e),
        }
        // The swap replaces the whole folder: anything in it that no index wrote would be lost.
        let foreign = super::foreign_entries(dir)?;
        if !foreign.is_empty() {
            return Err(IndexError::ForeignFiles {
                dir: dir.to_path_buf(),
                names: foreign,
            });
        }
        let d = MmapDirectory::open(dir).map_err(|e| IndexError::tantivy(dir, e.into()))?;
        let old_lock = d
            .acquire_lock(&INDEX_WRITER_LOCK)
            .map_err(|e| IndexError::tantivy(dir, tantivy::TantivyError::LockFailure(e, None)))?;
        let work = sibling(dir, &format!(".tmp-{}", std::process::id()))?;
        if work.exists() {
            std::fs::remove_dir_all(&work).map_err(|e| IndexError::io(&work, e))?;
        }
        let index = create_index(&work)?;
        return Ok(Target {
            undo: Undo::Folder(work.clone()),
            work,
            old_lock: Some(old_lock),
            index,
            old: Old::none(),
            created: true,
            clear: false,
        });
    }
    if is_index {
        let (index, payload) = open_index(dir)?;
        let old = Old::open(dir, &index, payload)?;
        Ok(Target {
            work: dir.to_path_buf(),
            old_lock: None,
            index,
            old,
            created: false,
            undo: Undo::Nothing,
            clear: false,
        })
    } else {
        let undo = first_missing(dir).map_or(Undo::IndexFiles, Undo::Folder);
        Ok(Target {
            work: dir.to_path_buf(),
            old_lock: None,
            index: create_index(dir)?,
            old: Old::none(),
            created: true,
            undo,
            clear: false,
        })
    }
}

/// Gives tantivy's `meta.json` and `.managed.json`, which it writes through temporary files
/// created private to the user (mode 0600), the permissions of the index's other files (those of
/// its lock file, created with the user's umask), so that whoever can read the index can open it.
fn share_like_the_other_files(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(reference) = std::fs::metadata(dir.join(INDEX_WRITER_LOCK.filepath.as_path()))
        else {
            return;
        };
        let mode = reference.permissions().mode() & 0o666;
        for name in [META_FILE, super::MANAGED_FILE] {
            let path = dir.join(name);
            if let Ok(m) = std::fs::metadata(&path) {
                if m.permissions().mode() & 0o777 != mode {
                    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The folders of `own` (the index and the folder a rebuild writes) that lie inside one of
/// `roots`, spelled as the walk of that root spells its paths.
fn own_folders(roots: &[PathBuf], own: &[&Path]) -> Vec<PathBuf> {
    let own: Vec<PathBuf> = own
        .iter()
        .filter_map(|d| std::fs::canonicalize(d).ok())
        .collect();
    let mut out = Vec::new();
    for root in roots {
        let Ok(canonical) = std::fs::canonicalize(root) else {
            continue;
        };
        for d in &own {
            if let Ok(rel) = d.strip_prefix(&canonical) {
                if !rel.as_os_str().is_empty() {
                    out.push(root.join(rel));
                }
            }
        }
    }
    out
}

/// The `DIR<suffix><pid>` folders beside `dir` (`.tmp-` or `.old-`, which a rebuild makes) that
/// are indexes no run is writing: each holds `meta.json` and nothing an index does not write
/// ([`super::foreign_entries`]), its pid is written as a pid is, and its writer lock can be taken
/// (a rebuild holds the lock of both while it swaps them; a killed one holds none). The lock,
/// not the process table, decides: it works where `/proc` does not, and across two containers
/// sharing the folder. A folder of the user's that merely has such a name is never one, but an
/// empty one is taken too where `empty_too` (a rebuild killed right after making its folder).
fn leftovers(dir: &Path, suffix: &str, empty_too: bool) -> Vec<(PathBuf, String)> {
    let Ok(abs) = std::path::absolute(dir) else {
        return Vec::new();
    };
    let (Some(parent), Some(name)) = (abs.parent(), abs.file_name()) else {
        return Vec::new();
    };
    let name = name.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, String)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let entry = e.file_name().to_string_lossy().into_owned();
            let pid = super::rebuild_folder_pid(&entry, &name, suffix)?.to_string();
            Some((e.path(), pid))
        })
        .filter(|(p, _)| {
            (empty_too && is_empty_dir(p).unwrap_or(false))
                || (p.join(META_FILE).is_file()
                    && super::foreign_entries(p).is_ok_and(|f| f.is_empty())
                    && super::check_lock_files(p).is_ok()
                    && MmapDirectory::open(p)
                        .is_ok_and(|d| d.acquire_lock(&INDEX_WRITER_LOCK).is_ok()))
        })
        .collect();
    out.sort();
    out
}

/// Where `dir` is: its target when it is a symbolic link (relative to the link's folder), as a
/// rebuild works on the target and leaves its folders beside it.
pub(crate) fn link_target(dir: &Path) -> PathBuf {
    match std::fs::read_link(dir) {
        Ok(target) if target.is_absolute() => target,
        Ok(target) => dir.parent().unwrap_or(Path::new("")).join(target),
        Err(_) => dir.to_path_buf(),
    }
}

/// Finishes a rebuild killed between the two renames of [`swap_in`], when `dir` (or the folder
/// its link names) is missing: the finished index at `DIR.tmp-<pid>` goes into place and the old
/// one at `DIR.old-<pid>` away, or, without a finished one, the old index goes back.
fn finish_killed_swap(dir: &Path) {
    let dir = link_target(dir);
    if std::fs::symlink_metadata(&dir).is_ok() {
        return;
    }
    let finished = leftovers(&dir, ".tmp-", false);
    for (old, pid) in leftovers(&dir, ".old-", false) {
        let tmp = finished.iter().find(|(_, p)| *p == pid).map(|(t, _)| t);
        if tmp.is_some_and(|tmp| std::fs::rename(tmp, &dir).is_ok()) {
            let _ = std::fs::remove_dir_all(&old);
            return;
        }
        if std::fs::rename(&old, &dir).is_ok() {
            return;
        }
    }
}

/// Removes what killed rebuilds left beside the index `dir`: half-built `DIR.tmp-<pid>` indexes
/// and old ones, `DIR.old-<pid>`, whose swap was done. Called once `dir` is known to be an index.
fn remove_killed_rebuilds(dir: &Path) {
    let dir = link_target(dir);
    // A rebuild holds the index's writer lock from start to swap, while its new index's own lock
    // may already be released: with the index locked, nothing beside it is touched.
    let Ok(d) = MmapDirectory::open(&dir) else {
        return;
    };
    let Ok(_lock) = d.acquire_lock(&INDEX_WRITER_LOCK) else {
        return;
    };
    for (path, _) in leftovers(&dir, ".tmp-", true)
        .into_iter()
        .chain(leftovers(&dir, ".old-", true))
    {
        let _ = std::fs::remove_dir_all(path);
    }
}

/// Swaps the freshly built index at `tmp` in for `dir`: only for an index this hria cannot read
/// (another layout, or damaged), as an index of the current layout is rebuilt in place. Directory
/// renames cannot be exchanged atomically through std, so there is a window of two renames
/// during which `dir` does not exist; it costs nothing usable, since the old index was not.
fn swap_in(
    tmp: &Path,
    dir: &Path,
    old_lock: Option<tantivy::directory::DirectoryLock>,
) -> Result<(), IndexError> {
    if dir.exists() {
        carry_hidden_files(dir, tmp)?;
    }
    let old = if dir.exists() {
        let old = sibling(dir, &format!(".old-{}", std::process::id()))?;
        std::fs::rename(dir, &old).map_err(|e| IndexError::io(dir, e))?;
        Some(old)
    } else {
        None
    };
    if let Err(e) = std::fs::rename(tmp, dir) {
        if let Some(old) = &old {
            let _ = std::fs::rename(old, dir);
        }
        // The index folder, not `tmp`, which the caller removes.
        return Err(IndexError::io(dir, e));
    }
    drop(old_lock);
    if let Some(old) = old {
        std::fs::remove_dir_all(&old).map_err(|e| IndexError::io(&old, e))?;
    }
    Ok(())
}

/// Indexes `opts.roots` into `opts.dir`. Fails at once with [`IndexError::Locked`] when another
/// process writes the index. A run either commits once, atomically with its manifest, or leaves
/// the last commit as it was.
pub fn build(
    opts: &BuildOptions,
    progress: &(dyn Fn(Event) + Sync),
) -> Result<BuildSummary, IndexError> {
    let start = Instant::now();
    let tagger = Tagger::try_new(opts.taxonomy).map_err(|error| IndexError::Tagger {
        version: opts.taxonomy.version.clone(),
        error,
    })?;
    // An index reached through a symbolic link is its target's: a rebuild puts the new index
    // there, and the link stays (renaming the new one into place replaced the link itself, and
    // left the old index, damaged or not, where the link had pointed).
    let resolved = match std::fs::symlink_metadata(&opts.dir) {
        Ok(m) if opts.rebuild && m.file_type().is_symlink() => {
            std::fs::canonicalize(&opts.dir).ok()
        }
        _ => None,
    };
    let dir = resolved.as_deref().unwrap_or(opts.dir.as_path());
    let target = prepare(dir, opts.rebuild)?;
    let index = &target.index;
    let fields = Fields::of(index, dir)?;
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        opts.threads
    };
    let mut writer = open_writer(index, dir, threads, opts.memory_budget_per_thread)?;
    remove_orphans(&target.work, index);
    if target.clear {
        writer
            .delete_all_documents()
            .map_err(|e| IndexError::tantivy(dir, e))?;
    }
    progress(Event::LockAcquired);
    if let Some(d) = opts.hold_lock {
        std::thread::sleep(d);
    }

    let old = &target.old;
    let has_documents = old.count(dir)? > 0;
    let taxonomy_changed = has_documents && old.payload.taxonomy_hash != opts.taxonomy.hash;
    let pipeline_changed = has_documents && old.payload.pipeline_version != PIPELINE_VERSION;
    let mut summary = BuildSummary {
        index: dir.display().to_string(),
        rebuilt: opts.rebuild,
        taxonomy_changed,
        pipeline_changed,
        ..Default::default()
    };

    // A path given that no longer exists: the documents the index holds from it (a root, or a
    // folder or file inside one) are removed, as those of a file deleted from a folder are. One
    // it holds nothing from is an error: a misspelt path would index nothing (and create an
    // empty index). Only a path not found counts, and only where its key names nothing either:
    // `a.md/` is no deleted `a.md`.
    let recorded = old.roots(dir)?;
    let mut present = Vec::with_capacity(opts.roots.len());
    let mut gone: BTreeMap<String, usize> = BTreeMap::new();
    for r in &opts.roots {
        match std::fs::metadata(r) {
            Ok(_) => present.push(r.clone()),
            Err(error) => {
                let key = root_key(r);
                let missing = error.kind() == std::io::ErrorKind::NotFound
                    && std::fs::symlink_metadata(&key).is_err();
                let held = missing && !opts.rebuild && old.holds_under(dir, &recorded, &key)?;
                if !held {
                    roll_back(writer, &target.work, &target.undo);
                    return Err(IndexError::RootNotFound {
                        path: r.clone(),
                        error,
                    });
                }
                if gone.contains_key(&key) {
                    continue;
                }
                gone.insert(key, summary.gone.len());
                summary.gone.push(GoneRoot {
                    path: r.display().to_string(),
                    removed: 0,
                });
            }
        }
    }

    // One walk over all roots: ids are unique within the run whatever the order of the roots.
    let (mut found, mut skips) = ingest::walk(&present, &opts.ingest);
    // A root holding the index (`hria index . --index idx`) would give its files as documents,
    // each reported as unsupported on every run: the index's folders are no corpus.
    let own = own_folders(&present, &[dir, target.work.as_path()]);
    if !own.is_empty() {
        let inside = |p: &Path| own.iter().any(|o| p.starts_with(o));
        found.retain(|c| !inside(&c.path));
        skips.retain(|s| !inside(&s.path));
    }
    summary.skipped.extend(skips);
    let walked_roots: BTreeSet<String> = present.iter().map(|r| root_key(r)).collect();
    let nested = Nested::of(recorded, &walked_roots, &gone);
    // A new taxonomy re-tags every document of this run; those of other folders would keep the
    // old tags in an index that says it was tagged with the new one.
    if taxonomy_changed && !opts.rebuild {
        let (mut documents, mut roots) = (0u64, BTreeSet::new());
        old.each_root(dir, |id, root| {
            if !nested.answers_for(root, id) {
                documents += 1;
                roots.insert(root.to_string());
            }
        })?;
        if documents > 0 {
            roll_back(writer, &target.work, &target.undo);
            return Err(IndexError::TaxonomyNotForAll {
                dir: dir.to_path_buf(),
                documents,
                roots: roots.into_iter().collect(),
            });
        }
    }
    let mut outer_manifests: BTreeMap<Arc<str>, Option<ingest::Manifest>> = BTreeMap::new();
    let run_ids: BTreeSet<String> = found.iter().map(|c| c.id.clone()).collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    // Where this run's documents are, as recorded paths are rebuilt from the canonical root.
    let mut found_paths: BTreeSet<PathBuf> = BTreeSet::new();
    let mut cands = Vec::with_capacity(found.len());
    // Resolved once per root: a canonicalization per candidate was a path walk each, and a copy.
    let mut keys: BTreeMap<PathBuf, Arc<str>> = BTreeMap::new();
    for mut c in found {
        let mut root = match keys.get(&*c.root) {
            Some(k) => Arc::clone(k),
            None => {
                let k: Arc<str> = root_key(&c.root).into();
                keys.insert(c.root.to_path_buf(), Arc::clone(&k));
                k
            }
        };
        let mut rel = c
            .path
            .strip_prefix(&*c.root)
            .unwrap_or(&c.path)
            .to_path_buf();
        // A path given inside a root the index holds: its files keep the ids and the metadata a
        // run over that root gives them, unless another path of this run took that id.
        if let Some((outer, within)) = nested.outer.get(&*root) {
            let outer_rel = within.join(&rel);
            let id = ingest::relative_id(&outer_rel);
            if !run_ids.contains(&id) && !seen.contains(&id) {
                let manifest = outer_manifests.entry(Arc::clone(outer)).or_insert_with(|| {
                    ingest::Manifest::find_in(Path::new(&**outer))
                        .ok()
                        .flatten()
                });
                c.meta = manifest.as_ref().and_then(|m| m.get(&id)).cloned();
                c.id = id;
                rel = outer_rel;
                root = Arc::clone(outer);
            }
        }
        let root_str: &str = &root;
        // The id is held in the index by a document of a root this run does not answer for:
        // this document gets its root's name in front rather than replacing that one.
        let held_elsewhere = |rec: &Option<RecordCheck>| {
            rec.as_ref()
                .is_some_and(|r| r.root != root_str && !nested.covered.contains(&r.root))
        };
        let mut rec = old.get(dir, &c.id)?;
        if held_elsewhere(&rec) {
            let mut qualified = None;
            for k in 1..=16 {
                let id = ingest::qualify_id(&c.root, k, &c.id);
                if run_ids.contains(&id) || seen.contains(&id) {
                    continue;
                }
                let r = old.get(dir, &id)?;
                if !held_elsewhere(&r) {
                    qualified = Some((id, r));
                    break;
                }
            }
            let (id, r) = qualified.unwrap_or_else(|| {
                let id = format!("{}~{}", ingest::qualify_id(&c.root, 1, &c.id), root_str);
                (id, None)
            });
            c.id = id;
            rec = r;
        }
        seen.insert(c.id.clone());
        found_paths.insert(Path::new(root_str).join(&rel));
        let old_doc = rec.map(|r| {
            Box::new(OldDoc {
                same_root: r.root == root_str,
                hash: r.hash,
                inputs: r.inputs,
                degraded: r.degraded,
            })
        });
        cands.push(Cand {
            c,
            root,
            old: old_doc,
        });
    }
    drop(run_ids);
    let total_bytes = cands
        .iter()
        .map(|c| std::fs::metadata(&c.c.path).map(|m| m.len()).unwrap_or(0))
        .sum();
    progress(Event::Started {
        documents: cands.len() as u64,
        bytes: total_bytes,
    });
    summary.found = cands.len() as u64;

    // Documents recorded under a root of this run that the walk no longer finds are removed,
    // unless they are still there behind something the walk could not read (a folder that could
    // not be listed, a path that is no longer a regular file); one the walk now leaves out by
    // choice (a hidden file, a link not followed) is removed.
    // With a new taxonomy they are removed too, and reported: kept, they would hold tags of a
    // taxonomy the index no longer says it was tagged with.
    let unreadable = unreadable_paths(&summary.skipped);
    let unread = Unread::of(taxonomy_changed);
    let mut behind = Vec::new();
    // Documents of a root this run does not read stay; where that root no longer exists (a
    // corpus folder renamed), they would be counted beside their new copies without a word.
    let mut vanished: BTreeMap<String, u64> = BTreeMap::new();
    old.each_root(dir, |id, root| {
        if !opts.rebuild && !nested.answers_for(root, id) {
            *vanished.entry(root.to_string()).or_default() += 1;
        }
        if nested.answers_for(root, id) && !seen.contains(id) {
            let path = recorded_path(root, id);
            let behind_unreadable = path.ancestors().any(|a| unreadable.contains(a));
            let still_there = !opts.rebuild
                && !found_paths.contains(&path)
                && behind_unreadable
                && !is_gone(&path);
            if !still_there || unread == Unread::Dropped {
                delete_document(&writer, &fields, id);
                summary.removed += 1;
                // The innermost deleted path given that holds it, when one lies inside another.
                // Root and id, not the recorded path: a deleted folder root is no folder on disk.
                let full = Path::new(root).join(id);
                let from = gone
                    .iter()
                    .filter(|(g, _)| full.starts_with(g))
                    .max_by_key(|(g, _)| g.len());
                if let Some((_, &i)) = from {
                    summary.gone[i].removed += 1;
                }
            }
            if still_there {
                behind.push(path);
            }
        }
    })?;
    drop((seen, found_paths));
    for (root, documents) in vanished {
        if is_gone(Path::new(&root)) {
            summary.skipped.push(Skip::new(
                PathBuf::from(root),
                SkipKind::Io,
                format!(
                    "no longer exists, and the index still holds {documents} document(s) from it; give this path to `hria index` to remove them, or start afresh with --rebuild"
                ),
            ));
        }
    }
    report_unread(&mut summary.skipped, behind, unread);
    summary.records_read_from_store = old.store_reads();

    let ctx = Ctx {
        taxonomy_hash: &opts.taxonomy.hash,
        rebuild: opts.rebuild,
        unread,
        ingest: &opts.ingest,
        tagger: &tagger,
        writer: &writer,
        fields,
        derive_here: derive_on_worker(threads),
        progress,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| IndexError::Io {
            path: dir.to_path_buf(),
            error: std::io::Error::other(e),
        })?;
    // One parallel pass over all candidates: no per-chunk barrier, so a large document does not
    // leave the other workers idle. What each worker holds is one document's passages (freed as
    // soon as they are handed to the writer); what is collected is one small outcome a document.
    let outcomes: Vec<_> = pool.install(|| {
        cands
            .par_iter()
            .map(|c| process_one(&ctx, c).map_err(Box::new))
            .collect::<Vec<_>>()
    });
    let mut failure = None;
    for (cand, outcome) in cands.iter().zip(outcomes) {
        let outcome = match outcome {
            Ok(o) => o,
            Err(e) => {
                failure = Some(*e);
                break;
            }
        };
        match outcome {
            Outcome::Unchanged { degraded } => {
                summary.unchanged += 1;
                // Still degraded: reported on every run, not only the one that read it.
                if let Some(reason) = degraded {
                    summary.skipped.push(Skip::new(
                        cand.c.path.clone(),
                        SkipKind::Degraded,
                        reason,
                    ));
                }
            }
            Outcome::Indexed {
                passages,
                tags,
                bytes,
                degraded,
            } => {
                summary.skipped.extend(degraded.map(|d| *d));
                summary.indexed += 1;
                summary.passages += passages;
                summary.tags += tags;
                summary.bytes += bytes;
            }
            Outcome::Skipped { skip, removed } => {
                if removed {
                    summary.removed += 1;
                }
                summary.skipped.push(skip);
            }
        }
    }
    drop(cands);
    if let Some(e) = failure {
        return Err(abandon(writer, dir, &target.work, &target.undo, e));
    }

    progress(Event::Committing);
    let changed = target.created
        || summary.indexed > 0
        || summary.removed > 0
        || taxonomy_changed
        || pipeline_changed;
    let payload = CommitPayload {
        schema_version: schema::SCHEMA_VERSION,
        taxonomy_version: opts.taxonomy.version.clone(),
        taxonomy_hash: opts.taxonomy.hash.clone(),
        pipeline_version: PIPELINE_VERSION,
    };
    // The old commit's searcher is no longer needed; dropped so that its files can go.
    let Target {
        work,
        old_lock,
        index,
        undo,
        ..
    } = target;
    if changed {
        summary.opstamp = match commit_with(&mut writer, &payload) {
            Ok(opstamp) => opstamp,
            Err(e) => return Err(abandon(writer, dir, &work, &undo, e)),
        };
        summary.committed = true;
        writer
            .wait_merging_threads()
            .map_err(|e| IndexError::tantivy(dir, e))?;
        sweep_orphans(&work, &index);
    } else {
        summary.opstamp = writer.commit_opstamp();
        drop(writer);
    }
    // Totals of what the index now holds: every live document is a passage or a record.
    {
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| IndexError::tantivy(dir, e))?;
        let searcher = reader.searcher();
        summary.total_documents = super::count_documents(&searcher, &fields, None)
            .map_err(|e| IndexError::tantivy(dir, e))?;
        summary.total_passages = searcher.num_docs().saturating_sub(summary.total_documents);
        // Counted from the records' language term, without reading them.
        summary.other_language_documents =
            super::count_documents(&searcher, &fields, Some(crate::model::Lang::Other.code()))
                .map_err(|e| IndexError::tantivy(dir, e))?;
    }
    drop(index);
    if work != dir {
        // The old index stays as it was; the new one, which could not take its place, goes.
        swap_in(&work, dir, old_lock).inspect_err(|_| {
            let _ = std::fs::remove_dir_all(&work);
        })?;
    }
    share_like_the_other_files(dir);
    summary.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    summary.elapsed_s = start.elapsed().as_secs_f64();
    summary.mb_per_s = if summary.elapsed_s > 0.0 {
        summary.bytes as f64 / 1e6 / summary.elapsed_s
    } else {
        0.0
    };
    Ok(summary)
}

/// The writer settings of every hria index run (and of the reference indexer in
/// [`crate::bench`], so that both measure the same thing): `threads` indexing threads (1 to 8),
/// each buffering up to `memory_budget_per_thread` bytes (at least 15 MB) before it writes a segment.
pub fn writer_options(threads: usize, memory_budget_per_thread: usize) -> IndexWriterOptions {
    IndexWriterOptions::builder()
        .num_worker_threads(threads.clamp(1, 8))
        .memory_budget_per_thread(memory_budget_per_thread.max(15 << 20))
        .build()
}

/// The merge policy of every hria index run: tantivy's log-merge policy, with each merge cut into
/// merges of at most [`MAX_MERGED_PASSAGES`] passages.
pub fn merge_policy() -> Box<dyn MergePolicy> {
    Box::new(CappedMerges {
        inner: LogMergePolicy::default(),
        max_docs: MAX_MERGED_PASSAGES,
    })
}

/// A merge policy whose merges write at most `max_docs` documents. tantivy's log-merge policy
/// merges a whole level at once, and the segments written before the commit all land in one level,
/// so a large run ended with one merge of the whole corpus.
#[derive(Debug)]
struct CappedMerges {
    inner: LogMergePolicy,
    max_docs: usize,
}

impl MergePolicy for CappedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs: std::collections::HashMap<_, _> = segments
            .iter()
            .map(|s| (s.id(), s.num_docs() as usize))
            .collect();
        let mut out = Vec::new();
        for MergeCandidate(ids) in self.inner.compute_merge_candidates(segments) {
            let mut group = Vec::new();
            let mut size = 0;
            for id in ids {
                let n = docs.get(&id).copied().unwrap_or(0);
                if size + n > self.max_docs && !group.is_empty() {
                    if group.len() > 1 {
                        out.push(MergeCandidate(std::mem::take(&mut group)));
                    }
                    group.clear();
                    size = 0;
                }
                group.push(id);
                size += n;
            }
            if group.len() > 1 {
                out.push(MergeCandidate(group));
            }
        }
        out
    }
}

/// A fresh index in `dir` (which must not hold one) and its writer, set up as [`build`] sets up
/// its own, with as many indexing threads as the calling rayon pool has workers.
fn fresh_writer(
    dir: &Path,
    memory_budget: usize,
) -> Result<(IndexWriter<PassageDoc>, Fields), IndexError> {
    let index = create_index(dir)?;
    let fields = Fields::of(&index, dir)?;
    let writer = open_writer(&index, dir, rayon::current_num_threads(), memory_budget)?;
    Ok((writer, fields))
}

/// The writer of every hria index run: [`writer_options`] and [`merge_policy`]. Fails at once
/// when another process holds the lock.
fn open_writer(
    index: &Index,
    dir: &Path,
    threads: usize,
    memory_budget: usize,
) -> Result<IndexWriter<PassageDoc>, IndexError> {
    let writer = index
        .writer_with_options(writer_options(threads, memory_budget))
        .map_err(|e| IndexError::tantivy(dir, e))?;
    writer.set_merge_policy(merge_policy());
    Ok(writer)
}

/// Adds the records of `docs` (with their passage counts), commits what `writer` holds and waits
/// for the merges, as the end of [`build`] does.
fn finish(
    mut writer: IndexWriter<PassageDoc>,
    fields: &Fields,
    dir: &Path,
    taxonomy: &Taxonomy,
    docs: &[Document],
    counts: &BTreeMap<&str, u64>,
) -> Result<(), IndexError> {
    for d in docs {
        let n = counts.get(d.id.as_str()).copied().unwrap_or(0);
        let rec = record(d, d.path.display().to_string(), n, String::new());
        writer
            .add_document(record_document(fields, &d.id, &rec))
            .map_err(|e| IndexError::tantivy(dir, e))?;
    }
    let payload = CommitPayload {
        schema_version: schema::SCHEMA_VERSION,
        taxonomy_version: taxonomy.version.clone(),
        taxonomy_hash: taxonomy.hash.clone(),
        pipeline_version: PIPELINE_VERSION,
    };
    commit_with(&mut writer, &payload).map_err(|e| IndexError::tantivy(dir, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| IndexError::tantivy(dir, e))
}

/// The index stage alone, for timing: creates a fresh index in `dir` (which must not hold one),
/// adds `passages` (already segmented and tagged, in document order) with the same documents as
/// [`build`], and commits them with a manifest recording `docs` and `taxonomy`. Parallel on the
/// calling rayon pool, with as many indexing threads as the pool has workers (at most 8), each
/// with `memory_budget` bytes. Returns the number of passages written.
pub fn write_passages(
    dir: &Path,
    taxonomy: &Taxonomy,
    docs: &[Document],
    passages: Vec<TaggedPassage>,
    memory_budget: usize,
) -> Result<u64, IndexError> {
    let (writer, fields) = fresh_writer(dir, memory_budget)?;
    // Ordinals count passages within their document, as `build` numbers them.
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let ordinals: Vec<u64> = passages
        .iter()
        .map(|tp| match counts.get_mut(tp.passage.doc.as_str()) {
            Some(n) => {
                *n += 1;
                *n - 1
            }
            None => {
                counts.insert(tp.passage.doc.clone(), 1);
                0
            }
        })
        .collect();
    let n = passages.len() as u64;
    // The workers here only hand passages over, so they derive the values themselves: left to the
    // indexing thread, all the work of a one-thread run fell on that one thread.
    passages
        .into_par_iter()
        .zip(ordinals)
        .try_for_each(|(tp, ordinal)| {
            writer
                .add_document(passage_document(&fields, ordinal, tp, true))
                .map(|_| ())
        })
        .map_err(|e| IndexError::tantivy(dir, e))?;
    let counts: BTreeMap<&str, u64> = counts.iter().map(|(d, n)| (d.as_str(), *n)).collect();
    finish(writer, &fields, dir, taxonomy, docs, &counts)?;
    Ok(n)
}

/// The whole pipeline on documents already in memory, for timing: each document is segmented and
/// tagged on the calling rayon pool and its passages handed to the indexing threads as soon as
/// they are ready, as [`build`] does, so that segmenting and tagging overlap indexing. Creates a
/// fresh index in `dir` as [`write_passages`] does. Returns the number of passages written.
pub fn write_documents(
    dir: &Path,
    taxonomy: &Taxonomy,
    tagger: &Tagger,
    docs: &[Document],
    memory_budget: usize,
) -> Result<u64, IndexError> {
    let (writer, fields) = fresh_writer(dir, memory_budget)?;
    let derive_here = derive_on_worker(rayon::current_num_threads());
    let counts: Vec<u64> = docs
        .par_iter()
        .map(|d| -> tantivy::Result<u64> {
            let passages = crate::pipeline::tagged(d, super::segmenter(), tagger);
            Ok(add_passages(&writer, &fields, passages, derive_here)?.0)
        })
        .collect::<tantivy::Result<_>>()
        .map_err(|e| IndexError::tantivy(dir, e))?;
    let by_doc: BTreeMap<&str, u64> = docs.iter().map(|d| d.id.as_str()).zip(counts).collect();
    finish(writer, &fields, dir, taxonomy, docs, &by_doc)?;
    Ok(by_doc.values().sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;

    /// A record's inputs change with the taxonomy and with the version of segmentation and
    /// tagging, so that a document indexed with others is read again.
    #[test]
    fn record_inputs_carry_the_taxonomy_and_the_pipeline_version() {
        let base = record_inputs("in", "tax", PIPELINE_VERSION);
        assert_eq!(base, record_inputs("in", "tax", PIPELINE_VERSION));
        for other in [
            record_inputs("in", "tax", PIPELINE_VERSION + 1),
            record_inputs("in", "tax2", PIPELINE_VERSION),
            record_inputs("in2", "tax", PIPELINE_VERSION),
        ] {
            assert_ne!(base, other);
        }
    }

    fn run(dir: &Path, root: &Path) -> BuildSummary {
        let opts = BuildOptions {
            dir: dir.to_path_buf(),
            roots: vec![root.to_path_buf()],
            ingest: IngestOptions::default(),
            threads: 1,
            memory_budget_per_thread: DEFAULT_MEMORY_BUDGET,
            rebuild: false,
            taxonomy: Taxonomy::builtin(),
            hold_lock: None,
        };
        build(&opts, &|_| {}).unwrap()
    }

    #[test]
    fn an_unchanged_run_checks_the_records_from_their_columns() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        for (name, text) in [
            ("a.md", "# 政策\n\n我们禁止强迫劳动。"),
            ("b.md", "# Policy\n\nWe respect the rights of workers."),
            ("c.md", "# 承诺\n\n尊重人权捍卫者。"),
        ] {
            std::fs::write(corpus.join(name), text).unwrap();
        }
        // Invalid UTF-8: the record carries a degraded reason, reported again when unchanged.
        let damaged = [
            "# 损坏\n\n强迫劳动".as_bytes(),
            b"\xff",
            "供应链。\n".as_bytes(),
        ]
        .concat();
        std::fs::write(corpus.join("d.md"), damaged).unwrap();
        let index = tmp.path().join("index");
        let first = run(&index, &corpus);
        assert_eq!((first.indexed, first.unchanged), (4, 0));
        let again = run(&index, &corpus);
        assert_eq!((again.indexed, again.unchanged, again.removed), (0, 4, 0));
        assert!(!again.committed);
        assert_eq!(again.records_read_from_store, 0);
        assert_eq!(again.skipped.len(), first.skipped.len());
        assert!(again.skipped.iter().any(|s| s.kind == SkipKind::Degraded));
        // What the columns hold is what the JSON records.
        let h = super::super::open_reader(&index).unwrap();
        let checks = RecordChecks::open(&h.searcher, &h.fields).unwrap();
        let records = h.documents().unwrap();
        assert_eq!(records.len(), 4);
        for (id, r) in records {
            assert_eq!(checks.get(&id).unwrap(), Some(r.into()), "{id}");
        }
        assert_eq!(checks.store_reads(), 0);
        drop((checks, h));
        std::fs::remove_file(corpus.join("b.md")).unwrap();
        let removed = run(&index, &corpus);
        assert_eq!((removed.unchanged, removed.removed), (3, 1));
        assert_eq!(removed.records_read_from_store, 0);
    }

    #[test]
    fn merges_are_cut_at_the_cap() {
        let index = Index::create_in_ram(schema::schema());
        // Twenty segments of one level, as a large run leaves them at its commit.
        let segments: Vec<SegmentMeta> = (0..20)
            .map(|_| index.new_segment_meta(SegmentId::generate_random(), 30_000))
            .collect();
        let uncapped = LogMergePolicy::default().compute_merge_candidates(&segments);
        assert_eq!(uncapped.iter().map(|c| c.0.len()).max(), Some(20));
        let capped = merge_policy().compute_merge_candidates(&segments);
        // 3 × 30 000 fits under 100 000: six merges of three, the last two segments merged too.
        let sizes: Vec<usize> = capped.iter().map(|c| c.0.len()).collect();
        assert_eq!(sizes, [3, 3, 3, 3, 3, 3, 2]);
    }
}
