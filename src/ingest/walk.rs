//! Finding candidate documents: walking roots in a deterministic order, without reading files.

use super::manifest::{Manifest, MANIFEST_FILE};
use super::{format_of, Candidate, IngestOptions, Skip, SkipKind};
use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

/// Candidates of one root, before ids are made unique across roots.
struct Found {
    candidates: Vec<Candidate>,
    /// A label for the root, used to prefix ids that collide with another root's.
    label: String,
}

pub(super) fn walk(paths: &[PathBuf], opts: &IngestOptions) -> (Vec<Candidate>, Vec<Skip>) {
    let mut skips = Vec::new();
    let mut manifests = HashMap::new();
    let mut out = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    // The same file reached through two roots (`corpus corpus/a.md`) is read once.
    let mut seen_files: HashSet<PathBuf> = HashSet::new();
    let dedupe = paths.len() > 1;
    for (i, root) in paths.iter().enumerate() {
        let found = walk_root(root, i, opts, &mut manifests, &mut skips);
        for mut c in found.candidates {
            if dedupe {
                let canonical = std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone());
                if !seen_files.insert(canonical) {
                    continue;
                }
            }
            if taken.contains(&c.id) {
                c.id = unique_id(&c.id, &found.label, &taken);
            }
            taken.insert(c.id.clone());
            out.push(c);
        }
    }
    (out, skips)
}

/// `label/id`, or `label~2/id`, `label~3/id`, ... : the first that is not taken.
fn unique_id(id: &str, label: &str, taken: &HashSet<String>) -> String {
    let mut n = 1usize;
    loop {
        let candidate = if n == 1 {
            format!("{label}/{id}")
        } else {
            format!("{label}~{n}/{id}")
        };
        if !taken.contains(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

fn walk_root(
    root: &Path,
    index: usize,
    opts: &IngestOptions,
    manifests: &mut HashMap<PathBuf, Option<Manifest>>,
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
    let label = root_label(if is_dir { Some(root) } else { root.parent() }, index);
    let manifest = manifest_dir.and_then(|dir| {
        manifests
            .entry(dir.clone())
            .or_insert_with(|| match Manifest::find_in(&dir) {
                Ok(m) => m,
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
        .filter_entry(|e| e.depth() == 0 || opts.hidden || !is_hidden(e.file_name()));
    let mut seen_ids = HashSet::new();
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
        if file_type.is_symlink() {
            // Only reached when links are not followed (a followed link has its target's type).
            skips.push(Skip::new(
                path.to_path_buf(),
                SkipKind::Symlink,
                "symbolic link not followed (use --follow to read it)".into(),
            ));
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
        if is_dir && entry.depth() == 1 && entry.file_name() == MANIFEST_FILE {
            continue;
        }
        let Some(format) = format_of(path) else {
            let reason = match path.extension() {
                Some(ext) => format!("unsupported extension .{}", ext.to_string_lossy()),
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
        seen_ids.insert(id.clone());
        let meta = manifest.as_ref().and_then(|m| m.get(&id)).cloned();
        candidates.push(Candidate {
            path: path.to_path_buf(),
            id,
            format,
            meta,
        });
    }
    if is_dir {
        if let Some(m) = &manifest {
            for (key, _) in m.entries() {
                if !seen_ids.contains(key) && !root.join(key).exists() {
                    skips.push(Skip::new(
                        m.path.clone(),
                        SkipKind::Manifest,
                        format!("manifest entry \"{key}\" matches no file"),
                    ));
                }
            }
        }
    }
    Found { candidates, label }
}

fn walk_error(e: &walkdir::Error, root: &Path, opts: &IngestOptions) -> Skip {
    let path = e.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = e.loop_ancestor() {
        return Skip::new(
            path,
            SkipKind::SymlinkLoop,
            format!(
                "symbolic link loop (points back to {}), not followed",
                ancestor.display()
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

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// `/`-separated id from a relative path.
fn relative_id(rel: &Path) -> String {
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The name of a root folder (resolving `.` and `..`), else `root{n}`.
fn root_label(dir: Option<&Path>, index: usize) -> String {
    let name = dir.and_then(|d| {
        let d = if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        };
        match d.file_name() {
            Some(n) => Some(n.to_string_lossy().into_owned()),
            None => std::fs::canonicalize(d)
                .ok()?
                .file_name()
                .map(|n| n.to_string_lossy().into_owned()),
        }
    });
    name.filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("root{}", index + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slash_separated() {
        assert_eq!(relative_id(Path::new("a/b/c.md")), "a/b/c.md");
    }

    #[test]
    fn unique_id_tries_suffixes() {
        let mut taken: HashSet<String> = ["a.md", "x/a.md"].iter().map(|s| s.to_string()).collect();
        assert_eq!(unique_id("a.md", "x", &taken), "x~2/a.md");
        taken.remove("x/a.md");
        assert_eq!(unique_id("a.md", "x", &taken), "x/a.md");
    }

    #[test]
    fn hidden_names() {
        assert!(is_hidden(OsStr::new(".git")));
        assert!(!is_hidden(OsStr::new("a.md")));
    }
}
