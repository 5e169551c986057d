//! Finding candidate documents: walking roots in a deterministic order, without reading files.

use super::manifest::{Manifest, MANIFEST_FILE};
use super::{format_of, Candidate, IngestOptions, Skip, SkipKind};
use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

/// Candidates of one root.
struct Found {
    candidates: Vec<Candidate>,
}

pub(super) fn walk(paths: &[PathBuf], opts: &IngestOptions) -> (Vec<Candidate>, Vec<Skip>) {
    let mut skips = Vec::new();
    let mut manifests = Manifests::default();
    let mut out: Vec<Candidate> = Vec::new();
    for root in paths {
        out.extend(walk_root(root, opts, &mut manifests, &mut skips).candidates);
    }
    // The same file reached twice (through two roots, `corpus corpus/a.md`, or through a
    // followed link inside one root) is read once.
    if paths.len() > 1 || opts.follow {
        out = read_once(out);
    }
    qualify_colliding_ids(&mut out);
    (out, skips)
}

/// Keeps one candidate per file (by canonical path), in walk order. Which one does not depend on
/// the order of the roots: the file reached by its own path rather than through a link, then
/// from a folder rather than named directly, then from the outermost folder.
fn read_once(cands: Vec<Candidate>) -> Vec<Candidate> {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let keys: Vec<(PathBuf, (bool, bool, usize))> = cands
        .iter()
        .map(|c| {
            let file = canonical(&c.path);
            let root = canonical(&c.root);
            let root_is_file = root == file;
            let direct = root_is_file || root.join(&c.id) == file;
            (file, (!direct, root_is_file, root.components().count()))
        })
        .collect();
    let mut best: HashMap<&PathBuf, usize> = HashMap::new();
    for (i, (file, rank)) in keys.iter().enumerate() {
        let slot = best.entry(file).or_insert(i);
        if *rank < keys[*slot].1 {
            *slot = i;
        }
    }
    let keep: HashSet<usize> = best.into_values().collect();
    cands
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, c)| c)
        .collect()
}

/// Makes ids unique whatever the order of the roots: when roots yield the same id, every one of
/// those documents gets its root's folder name in front (`one/a.md`, `two/a.md`), with as many
/// trailing folders of the root's path as it takes to tell them apart. Ids that no other root
/// yields stay as they are, so a single root's ids never change.
fn qualify_colliding_ids(cands: &mut [Candidate]) {
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        by_id.entry(c.id.clone()).or_default().push(i);
    }
    let mut taken: HashSet<String> = by_id.keys().cloned().collect();
    let mut groups: Vec<(String, Vec<usize>)> = by_id
        .into_iter()
        .filter(|(_, members)| members.len() > 1)
        .collect();
    // Sorted, so that the ids taken first do not depend on hash order.
    groups.sort();
    for (id, members) in groups {
        taken.remove(&id);
        let roots: Vec<PathBuf> = members
            .iter()
            .map(|&i| cands[i].root.to_path_buf())
            .collect();
        let ids = distinct_qualified(&id, &roots, &taken);
        for (&i, new) in members.iter().zip(ids) {
            taken.insert(new.clone());
            cands[i].id = new;
        }
    }
}

/// `id` qualified by each root: the fewest trailing folders of the roots' paths that make the
/// ids distinct (and not `taken`), else numbered in the order of the roots' paths.
fn distinct_qualified(id: &str, roots: &[PathBuf], taken: &HashSet<String>) -> Vec<String> {
    let folders: Vec<Vec<String>> = roots.iter().map(|r| root_folders(r)).collect();
    let deepest = folders.iter().map(Vec::len).max().unwrap_or(0);
    for k in 1..=deepest.max(1) {
        let ids: Vec<String> = folders.iter().map(|f| qualified_id(f, k, id)).collect();
        let distinct: HashSet<&String> = ids.iter().collect();
        if distinct.len() == ids.len() && ids.iter().all(|i| !taken.contains(i)) {
            return ids;
        }
    }
    // The same folder path twice (it cannot be the same file: those were merged). Number them in
    // the order of their full paths, which does not depend on the order they were given in.
    let mut order: Vec<usize> = (0..roots.len()).collect();
    order.sort_by(|&a, &b| roots[a].cmp(&roots[b]));
    let mut out = vec![String::new(); roots.len()];
    let mut used = taken.clone();
    for (n, &i) in order.iter().enumerate() {
        let label = folders[i].last().map_or("root", String::as_str);
        let mut m = n + 1;
        let mut candidate = format!("{label}~{m}/{id}");
        while used.contains(&candidate) {
            m += 1;
            candidate = format!("{label}~{m}/{id}");
        }
        used.insert(candidate.clone());
        out[i] = candidate;
    }
    out
}

/// `id` with the last `k` of `folders` in front, `/`-separated.
fn qualified_id(folders: &[String], k: usize, id: &str) -> String {
    let start = folders.len().saturating_sub(k);
    let mut parts: Vec<&str> = folders[start..].iter().map(String::as_str).collect();
    if parts.is_empty() {
        parts.push("root");
    }
    parts.push(id);
    parts.join("/")
}

/// The folders of a root's absolute path (resolving `.` and `..`), outermost first; for a file
/// given directly, those of the folder holding it.
fn root_folders(root: &Path) -> Vec<String> {
    let root = if root.is_file() {
        match root.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        }
    } else {
        root
    };
    let abs = std::fs::canonicalize(root)
        .or_else(|_| std::path::absolute(root))
        .unwrap_or_else(|_| root.to_path_buf());
    abs.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Qualifies `id` of a document found under `root` with the root's last `k` folder names
/// (`corpus2/a.md` for `k` = 1): how a document gets a unique id when its plain id is already
/// taken by a document of another root.
pub(super) fn qualify(root: &Path, k: usize, id: &str) -> String {
    qualified_id(&root_folders(root), k, id)
}

/// The manifests read in one walk, by the canonical path of their folder, so that a folder
/// reached by two spellings (`./c` and `c`, or `c` and a file in it) has its manifest's problems
/// and unused entries reported once.
#[derive(Default)]
struct Manifests {
    read: HashMap<PathBuf, Option<Manifest>>,
    /// The folders whose unused entries were reported.
    checked: HashSet<PathBuf>,
}

/// A tantivy index (an hria index kept inside the corpus, `hria index . --index idx`): its
/// segment files are no documents, and each would be reported as unsupported on every run. Told
/// by tantivy's list of managed files, or, for an index copied without that hidden file
/// (`cp idx/* backup/`), by its `meta.json` being tantivy's (its segments and its schema).
fn is_index_folder(e: &walkdir::DirEntry) -> bool {
    if !e.file_type().is_dir() {
        return false;
    }
    let meta = e.path().join("meta.json");
    meta.is_file()
        && (e.path().join(".managed.json").exists() || {
            // Bounded: a file of that name in a corpus may be anything.
            std::fs::metadata(&meta).is_ok_and(|m| m.len() <= 16 << 20)
                && std::fs::read(&meta).is_ok_and(|b| {
                    let has = |w: &[u8]| b.windows(w.len()).any(|x| x == w);
                    has(b"\"segments\"") && has(b"\"schema\"") && has(b"\"opstamp\"")
                })
        })
}

fn walk_root(
    root: &Path,
    opts: &IngestOptions,
    manifests: &mut Manifests,
    skips: &mut Vec<Skip>,
) -> Found {
    let mut candidates = Vec::new();
    let is_dir = root.is_dir();
    // A directory root has its manifest inside; a file given directly uses the one beside it.
    let manifest_dir = if is_dir {
        Some(root.to_path_buf())
    } else {
        root.parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .map(Path::to_path_buf)
    };
    let manifest_key = manifest_dir
        .as_deref()
        .map(|dir| std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()));
    let manifest = manifest_dir
        .zip(manifest_key.clone())
        .and_then(|(dir, key)| {
            manifests
                .read
                .entry(key)
                .or_insert_with(|| match Manifest::find_in(&dir) {
                    Ok(m) => {
                        for p in m.iter().flat_map(|m| &m.problems) {
                            skips.push(Skip::new(
                                p.path.clone(),
                                SkipKind::Manifest,
                                format!(
                                    "{}; that document gets no manifest metadata",
                                    p.describe()
                                ),
                            ));
                        }
                        m
                    }
                    Err(e) => {
                        skips.push(Skip::new(
                            e.path.clone(),
                            SkipKind::Manifest,
                            format!("{}; documents get no manifest metadata", e.describe()),
                        ));
                        None
                    }
                })
                .clone()
        });

    let walker = WalkDir::new(root)
        .follow_links(opts.follow)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || ((opts.hidden || !is_hidden(e.file_name())) && !is_index_folder(e))
        });
    let mut seen_ids = HashSet::new();
    let shared_root: std::sync::Arc<Path> = std::sync::Arc::from(root);
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                skips.push(walk_error(&e, root, opts));
                continue;
            }
        };
        let path = entry.path();
        let mut file_type = entry.file_type();
        if file_type.is_symlink() && entry.depth() == 0 {
            // A path given directly is followed even without --follow.
            match std::fs::metadata(path) {
                Ok(m) => file_type = m.file_type(),
                Err(e) => {
                    skips.push(Skip::new(
                        path.to_path_buf(),
                        SkipKind::Io,
                        format!("broken symbolic link: {e}"),
                    ));
                    continue;
                }
            }
        }
        if file_type.is_dir() {
            continue;
        }
        // The manifest is read above (a link to one too, as a path given is): no document.
        if is_dir && entry.depth() == 1 && entry.file_name() == MANIFEST_FILE {
            continue;
        }
        if file_type.is_symlink() {
            // Only reached when links are not followed (a followed link has its target's type).
            // Following a link whose target is missing would not help: it is said to be broken.
            let broken =
                std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
            skips.push(if broken {
                Skip::new(
                    path.to_path_buf(),
                    SkipKind::Io,
                    "broken symbolic link (target does not exist)".into(),
                )
            } else {
                Skip::new(
                    path.to_path_buf(),
                    SkipKind::Symlink,
                    "symbolic link not followed (use --follow to read it)".into(),
                )
            });
            continue;
        }
        if !file_type.is_file() {
            skips.push(Skip::new(
                path.to_path_buf(),
                SkipKind::NotRegular,
                "not a regular file".into(),
            ));
            continue;
        }
        let Some(format) = format_of(path) else {
            let reason = match path.extension() {
                Some(ext) => format!(
                    "unsupported extension .{}",
                    crate::escape::printable_path(Path::new(ext))
                ),
                None => "unsupported file type (no extension)".to_string(),
            };
            skips.push(Skip::new(path.to_path_buf(), SkipKind::Unsupported, reason));
            continue;
        };
        let id = if entry.depth() == 0 {
            entry.file_name().to_string_lossy().into_owned()
        } else {
            relative_id(path.strip_prefix(root).unwrap_or(path))
        };
        // The key that named it, which may be spelt in another Unicode form than its id.
        if let Some(m) = &manifest {
            seen_ids.insert(m.key_for(&id).unwrap_or(&id).to_string());
        }
        let meta = manifest.as_ref().and_then(|m| m.get(&id)).cloned();
        candidates.push(Candidate {
            path: path.to_path_buf(),
            id,
            format,
            meta,
            root: std::sync::Arc::clone(&shared_root),
        });
    }
    let first_check = manifest_key.is_some_and(|key| manifests.checked.insert(key));
    if let (true, true, Some(m)) = (is_dir, first_check, &manifest) {
        for (key, _) in m.entries() {
            if !seen_ids.contains(key) {
                skips.push(Skip::new(
                    m.path.clone(),
                    SkipKind::Manifest,
                    format!(
                        "manifest entry \"{}\" {}",
                        crate::escape::printable_id(key),
                        unused_reason(root, key, opts)
                    ),
                ));
            }
        }
    }
    Found { candidates }
}

/// Why the manifest entry `key` of the folder `root` gave its metadata to no document.
fn unused_reason(root: &Path, key: &str, opts: &IngestOptions) -> &'static str {
    let rel = Path::new(key);
    if rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return "is outside the folder: it matches no document (keys are paths inside the folder, such as \"reports/2023.md\")";
    }
    let path = root.join(rel);
    let Ok(meta) = path.symlink_metadata() else {
        return "matches no file";
    };
    let hidden = rel
        .components()
        .any(|c| matches!(c, Component::Normal(name) if is_hidden(name)));
    if meta.is_dir() || (opts.follow && path.is_dir()) {
        "names a folder, not a document: it is not used (name each file, \"sub/a.md\")"
    } else if hidden && !opts.hidden {
        "names a hidden file, which is not read: it is not used"
    } else if meta.is_symlink() && !opts.follow {
        "names a symbolic link, which is not followed: it is not used"
    } else if format_of(&path).is_none() {
        "names a file that is not read (not Markdown, text or HTML): it is not used"
    } else {
        "matches no document: it is not used"
    }
}

fn walk_error(e: &walkdir::Error, root: &Path, opts: &IngestOptions) -> Skip {
    let path = e.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = e.loop_ancestor() {
        return Skip::new(
            path,
            SkipKind::SymlinkLoop,
            format!(
                "symbolic link loop (points back to {}), not followed",
                crate::escape::printable_path(ancestor)
            ),
        );
    }
    let io = e.io_error();
    let broken_link = opts.follow
        && io.is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
        && path.symlink_metadata().is_ok_and(|m| m.is_symlink());
    if broken_link {
        return Skip::new(
            path,
            SkipKind::Io,
            "broken symbolic link (target does not exist)".into(),
        );
    }
    let reason = match io {
        Some(io) => format!("cannot read: {io}"),
        None => format!("cannot read: {e}"),
    };
    Skip::new(path, SkipKind::Io, reason)
}

/// Whether a file name is hidden (starts with a dot), whatever its encoding.
pub(crate) fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// `/`-separated id from a relative path.
pub(super) fn relative_id(rel: &Path) -> String {
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slash_separated() {
        assert_eq!(relative_id(Path::new("a/b/c.md")), "a/b/c.md");
    }

    #[test]
    fn colliding_ids_are_qualified_whatever_the_order() {
        let c = |root: &str| {
            let mut c = Candidate::new(
                PathBuf::from(root).join("a.md"),
                "a.md".into(),
                crate::model::Format::Markdown,
            );
            c.root = Path::new(root).into();
            c
        };
        let mut one = vec![c("/x/one/docs"), c("/x/two/docs"), c("/x/three")];
        qualify_colliding_ids(&mut one);
        let mut other = vec![c("/x/three"), c("/x/two/docs"), c("/x/one/docs")];
        qualify_colliding_ids(&mut other);
        let ids = |v: &[Candidate]| {
            let mut v: Vec<(PathBuf, String)> = v
                .iter()
                .map(|c| (c.root.to_path_buf(), c.id.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(ids(&one), ids(&other));
        assert_eq!(
            ids(&one).into_iter().map(|x| x.1).collect::<Vec<_>>(),
            ["one/docs/a.md", "x/three/a.md", "two/docs/a.md"]
        );
        // The same folder named twice: numbered.
        let taken = HashSet::new();
        let twice = distinct_qualified("a.md", &[PathBuf::from("/d"), PathBuf::from("/d")], &taken);
        assert_eq!(twice, ["d~1/a.md", "d~2/a.md"]);
    }

    #[test]
    fn hidden_names() {
        assert!(is_hidden(OsStr::new(".git")));
        assert!(!is_hidden(OsStr::new("a.md")));
    }
}
