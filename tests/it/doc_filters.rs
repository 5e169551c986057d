//! Choosing documents in `search`, `coverage` and `gaps` alike: `--doc`, `--org`, `--doc-kind`
//! and `--year` with several values, and what a filter that selects nothing says.

use crate::cli::{hria, index_with_manifest, indexed_with_manifest, json_of, search_hits};
use std::path::Path;

/// The documents `command` reports on with `args`: the hits' documents for `search`, the
/// documents of `coverage --per-doc` and of `gaps`.
fn documents(index: &Path, command: &str, args: &[&str]) -> Vec<String> {
    let strs = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap_or_else(|| panic!("{v}"))
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .collect()
    };
    match command {
        "search" => {
            let mut d: Vec<String> = search_hits(index, "*", args)
                .iter()
                .map(|h| h["doc"].as_str().unwrap().to_string())
                .collect();
            d.dedup();
            d
        }
        "coverage" => strs(
            &json_of(
                hria()
                    .args(["coverage", "--per-doc", "--format", "json", "--index"])
                    .arg(index)
                    .args(args),
            )["documents"],
        ),
        _ => strs(
            &json_of(
                hria()
                    .args(["gaps", "--format", "json", "--index"])
                    .arg(index)
                    .args(args),
            )["documents"],
        ),
    }
}

/// Runs `command` with `args`, expecting exit 2; returns stderr.
fn fails(index: &Path, command: &str, args: &[&str]) -> String {
    let mut cmd = hria();
    cmd.arg(command);
    if command == "search" {
        cmd.arg("*");
    }
    let out = cmd.args(args).arg("--index").arg(index).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{command} {args:?}: {err}");
    assert!(out.stdout.is_empty(), "{command} {args:?}");
    err
}

/// Each filter may be repeated (a document of any of its values), in every command; `--doc`
/// also takes a comma list, in `search` as in `coverage` and `gaps`, and so does `--year`.
#[test]
fn filters_take_several_values_in_every_command() {
    let (_tmp, index) = indexed_with_manifest();
    let both = ["labour-policy.zh-Hant.md", "supplier-code.en.md"];
    let runs: [&[&str]; 7] = [
        &["--doc", "labour-policy.zh-Hant.md,supplier-code.en.md"],
        &[
            "--doc",
            "labour-policy.zh-Hant.md",
            "--doc",
            "supplier-code.en.md",
        ],
        &["--org", "Contoso", "--org", "fabrikam ltd"],
        &["--doc-kind", "policy", "--doc-kind", "Code of Conduct"],
        &["--year", "2022", "--year", "2024"],
        &["--year", "2022,2024"],
        // Fields together: one of each field's values.
        &[
            "--org",
            "Contoso",
            "--org",
            "Fabrikam Ltd",
            "--year",
            "2024",
        ],
    ];
    for command in ["search", "coverage", "gaps"] {
        for (i, args) in runs.iter().enumerate() {
            let want: &[&str] = if i == 6 { &both[1..] } else { &both };
            assert_eq!(documents(&index, command, args), want, "{command} {args:?}");
        }
        // One value of each still selects one document.
        assert_eq!(
            documents(&index, command, &["--doc", "supplier-code.en.md"]),
            &both[1..]
        );
        // An unknown id in a list is an error, with the closest ids.
        let err = fails(
            &index,
            command,
            &["--doc", "labour-policy.zh-Hant.md,supplier-code"],
        );
        assert!(
            err.contains("no document `supplier-code`")
                && err.contains("did you mean supplier-code.en.md?"),
            "{command}: {err}"
        );
        // So is a value that selects nothing beside one that selects documents.
        let err = fails(
            &index,
            command,
            &["--org", "Contoso", "--org", "Fabrikan Ltd"],
        );
        assert!(
            err.contains("no document of organisation `Fabrikan Ltd`"),
            "{command}: {err}"
        );
    }
}

/// An id with a comma in it (from a file name) is taken whole by `--doc` of every command, and
/// an organisation with a comma in its name by `--org`, which splits at no comma.
#[test]
fn commas_inside_ids_and_names_are_kept() {
    let (_tmp, index) = index_with_manifest(
        &[
            (
                "x,y.txt",
                "We prohibit forced labour in our supply chain.\n",
            ),
            ("z.txt", "We respect the privacy of our customers.\n"),
        ],
        "[documents.\"x,y.txt\"]\norganisation = \"Fabrikam, Inc.\"\n\n\
         [documents.\"z.txt\"]\norganisation = \"Contoso\"\n",
    );
    for command in ["search", "coverage", "gaps"] {
        assert_eq!(
            documents(&index, command, &["--doc", "x,y.txt"]),
            ["x,y.txt"],
            "{command}"
        );
        assert_eq!(
            documents(&index, command, &["--doc", "x,y.txt", "--doc", "z.txt"]),
            ["x,y.txt", "z.txt"],
            "{command}"
        );
        assert_eq!(
            documents(&index, command, &["--org", "fabrikam, inc."]),
            ["x,y.txt"],
            "{command}"
        );
        assert_eq!(
            documents(
                &index,
                command,
                &["--org", "Fabrikam, Inc.", "--org", "Contoso"]
            ),
            ["x,y.txt", "z.txt"],
            "{command}"
        );
    }
}

/// An organisation that matches nothing, in an index of many, names the few closest and how
/// many there are, not every name.
#[test]
fn an_unknown_organisation_names_the_closest_few_and_the_count() {
    let names = [
        "Alpine Outfitters Pty Ltd",
        "Baltic Freight Group",
        "Cobalt Mining Corporation",
        "Delta Apparel Holdings",
        "Evergreen Foods, Inc.",
        "Fjord Seafood AS",
        "Granite Construction Ltd",
        "Harbour Logistics Limited",
        "Indigo Textiles Pvt Ltd",
        "Juniper Electronics Co.",
        "Kestrel Airlines plc",
        "Lotus Cosmetics GmbH",
    ];
    let files: Vec<(String, String)> = (0..names.len())
        .map(|i| {
            (
                format!("d{i:02}.txt"),
                "We prohibit forced labour in our supply chain.\n".to_string(),
            )
        })
        .collect();
    let manifest: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("[documents.\"d{i:02}.txt\"]\norganisation = \"{n}\"\n\n"))
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let (_tmp, index) = index_with_manifest(&files, &manifest);
    for command in ["search", "coverage", "gaps"] {
        let err = fails(&index, command, &["--org", "Evergren Foods, Inc."]);
        assert!(
            err.contains("no document of organisation `Evergren Foods, Inc.` in the index at")
                && err.contains("(12 organisations; the closest: \"Evergreen Foods, Inc.\")"),
            "{command}: {err}"
        );
        assert!(!err.contains("Lotus"), "{command}: {err}");
        // A name starting like one (its first word) finds it.
        let err = fails(&index, command, &["--org", "Kestrel Air"]);
        assert!(
            err.contains("the closest: \"Kestrel Airlines plc\""),
            "{command}: {err}"
        );
        // Nothing close: the count, and where to see them all.
        let err = fails(&index, command, &["--org", "Zebra"]);
        assert!(
            err.contains("(12 organisations, none close to it; `hria coverage --per-doc`"),
            "{command}: {err}"
        );
        assert!(!err.contains("Alpine"), "{command}: {err}");
    }
}
