//! Selecting documents by their manifest entry: organisation, kind and year. Shared by
//! `search`, `coverage` and `gaps`, so that an analyst compares one company's documents, or one
//! year's statements across companies, the same way in each.

use crate::index::schema::DocRecord;
use std::path::Path;

/// Which documents to keep: a document must match one of the values given for each field
/// (names in any case); a field without values keeps every document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// The organisations, as the manifest names them.
    pub organisations: Vec<String>,
    /// The kinds of document (statement, report, policy, ...).
    pub kinds: Vec<String>,
    /// The years of publication.
    pub years: Vec<i32>,
}

/// A field of a document's manifest entry that a [`DocFilter`] selects by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Organisation,
    Kind,
    Year,
}

impl Field {
    const ALL: [Field; 3] = [Field::Organisation, Field::Kind, Field::Year];

    fn plural(self) -> &'static str {
        match self {
            Field::Organisation => "organisations",
            Field::Kind => "kinds",
            Field::Year => "years",
        }
    }

    /// A record's value of the field.
    fn of(self, r: &DocRecord) -> Option<String> {
        match self {
            Field::Organisation => r.organisation.clone(),
            Field::Kind => r.kind.clone(),
            Field::Year => r.year.map(|y| y.to_string()),
        }
    }

    /// The values a filter asks for, as given.
    fn asked(self, f: &DocFilter) -> Vec<String> {
        match self {
            Field::Organisation => f.organisations.clone(),
            Field::Kind => f.kinds.clone(),
            Field::Year => f.years.iter().map(i32::to_string).collect(),
        }
    }

    /// The filter without this field.
    fn cleared(self, f: &DocFilter) -> DocFilter {
        let mut f = f.clone();
        match self {
            Field::Organisation => f.organisations.clear(),
            Field::Kind => f.kinds.clear(),
            Field::Year => f.years.clear(),
        }
        f
    }

    /// What a filter asks of this field, in words (`organisation `A` or `B``, `year 2022`).
    fn describe(self, values: &[String]) -> String {
        let values: Vec<String> = match self {
            Field::Year => values.to_vec(),
            _ => values.iter().map(|v| format!("`{v}`")).collect(),
        };
        let name = match self {
            Field::Organisation => "organisation",
            Field::Kind => "kind",
            Field::Year => "year",
        };
        format!("{name} {}", values.join(" or "))
    }
}

impl DocFilter {
    /// Whether no field is given (every document is kept).
    pub fn is_empty(&self) -> bool {
        self.organisations.is_empty() && self.kinds.is_empty() && self.years.is_empty()
    }

    /// Whether a document's record matches one of the values of every field given.
    pub fn matches(&self, r: &DocRecord) -> bool {
        let any = |want: &[String], have: &Option<String>| {
            want.is_empty()
                || have.as_deref().is_some_and(|h| {
                    let h = name_key(h);
                    want.iter().any(|w| name_key(w) == h)
                })
        };
        any(&self.organisations, &r.organisation)
            && any(&self.kinds, &r.kind)
            && (self.years.is_empty() || r.year.is_some_and(|y| self.years.contains(&y)))
    }

    /// What this filter asks, in words (`organisation `A` or `B`, year 2022`).
    fn describe(&self) -> String {
        Field::ALL
            .iter()
            .map(|f| (f, f.asked(self)))
            .filter(|(_, v)| !v.is_empty())
            .map(|(f, v)| f.describe(&v))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The ids of the documents that match, in the records' order. A value that no document of
    /// the index has is an error that names the closest values there are and how many (an index
    /// of 150 organisations lists the few a misspelt name is close to, not all of them); values
    /// that each select documents but none together are an error that says what the documents
    /// of the other values hold. `index` is the index folder, for the messages.
    pub fn select(
        &self,
        records: &[(String, DocRecord)],
        index: &Path,
    ) -> Result<Vec<String>, String> {
        let at = format!("in the index at {}", crate::escape::printable_path(index));
        let mut unknown = Vec::new();
        for field in Field::ALL {
            for v in field.asked(self) {
                let key = name_key(&v);
                if !records
                    .iter()
                    .any(|(_, r)| field.of(r).is_some_and(|h| name_key(&h) == key))
                {
                    let hint = values(field, records.iter().map(|(_, r)| r), Some(&v));
                    let said = format!("no document of {} {at} ({hint})", field.describe(&[v]));
                    // A value given twice (`--year 2023 --year 2023`) is said once.
                    if !unknown.contains(&said) {
                        unknown.push(said);
                    }
                }
            }
        }
        if !unknown.is_empty() {
            return Err(unknown.join("; "));
        }
        let docs: Vec<String> = records
            .iter()
            .filter(|(_, r)| self.matches(r))
            .map(|(d, _)| d.clone())
            .collect();
        if !docs.is_empty() {
            return Ok(docs);
        }
        // Every value selects documents, but no document matches them all: what the documents
        // the other fields select hold in each field.
        let held: Vec<String> = Field::ALL
            .into_iter()
            .filter(|f| !f.asked(self).is_empty())
            .map(|f| {
                let others = f.cleared(self);
                let of = records.iter().map(|(_, r)| r).filter(|r| others.matches(r));
                format!("of {}: {}", others.describe(), values(f, of, None))
            })
            .collect();
        Err(format!(
            "no document of {} {at}: each selects documents, but none all of them ({})",
            self.describe(),
            held.join("; ")
        ))
    }
}

/// Up to this many values of a field are listed in full.
const LISTED: usize = 6;

/// The values of `field` in `records`, for a message: all of them when they are few; else the
/// few closest to `near` (a value given that no document has) and how many there are.
/// Quoted (a name may hold a comma) with its own quotes and control chars escaped, so that
/// `"Acme, \"Holdings\" Ltd"` reads as one name; one spelling per name as the filter compares
/// them.
fn values<'a>(
    field: Field,
    records: impl Iterator<Item = &'a DocRecord>,
    near: Option<&str>,
) -> String {
    let mut v: Vec<(String, String)> = records
        .filter_map(|r| field.of(r))
        .map(|n| (name_key(&n), format!("{:?}", n.trim())))
        .collect();
    v.sort();
    v.dedup_by(|a, b| a.0 == b.0);
    let plural = field.plural();
    if v.is_empty() {
        return format!("{plural}: none");
    }
    if v.len() <= LISTED {
        let all: Vec<&str> = v.iter().map(|(_, n)| n.as_str()).collect();
        return format!("{plural}: {}", all.join(", "));
    }
    let n = v.len();
    let Some(near) = near else {
        let first: Vec<&str> = v.iter().take(LISTED - 1).map(|(_, n)| n.as_str()).collect();
        return format!("{n} {plural}: {}, …", first.join(", "));
    };
    let close = crate::query::search::closest(
        &name_key(near),
        v.iter().map(|(k, n)| (k.as_str(), n.as_str())),
        LISTED - 1,
    );
    if close.is_empty() {
        let see = match field {
            Field::Organisation => {
                "; `hria coverage --per-doc` lists the documents with their organisations"
            }
            _ => "",
        };
        format!("{n} {plural}, none close to it{see}")
    } else {
        format!("{n} {plural}; the closest: {}", close.join(", "))
    }
}

/// The document ids that `--doc` values give (`search`, `coverage`, `gaps`): a value is split at
/// its commas (`--doc a.md,b.md`), unless the whole value is an id the index holds (`held`), as a
/// file name may have a comma in it. An empty piece stays, for the caller to report: `--doc
/// "$IDS"` with nothing in it must not select every document, or none, without a word.
///
/// An id pasted from a table, where its hidden chars are escaped (`new\u{a}line.md`), is read
/// as the id it shows when the index holds that one.
pub fn doc_ids(values: &[String], held: impl Fn(&str) -> bool) -> Vec<String> {
    let as_held = |v: &str| -> Option<String> {
        if held(v) {
            return Some(v.to_string());
        }
        crate::escape::unescape_id(v).filter(|u| held(u))
    };
    values
        .iter()
        .flat_map(|v| match as_held(v) {
            Some(id) => vec![id],
            None => v
                .split(',')
                .map(|p| as_held(p).unwrap_or_else(|| p.to_string()))
                .collect(),
        })
        .collect()
}

/// A name as the filter compares it: normalized as the index's text is (case, full-width forms,
/// Traditional and Simplified Chinese), with runs of white space made one space.
pub fn name_key(name: &str) -> String {
    crate::normalize::normalize_str(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(org: Option<&str>, kind: Option<&str>, year: Option<i32>) -> DocRecord {
        DocRecord {
            organisation: org.map(str::to_string),
            kind: kind.map(str::to_string),
            year,
            ..DocRecord::default()
        }
    }

    fn org(names: &[&str]) -> DocFilter {
        DocFilter {
            organisations: names.iter().map(|n| n.to_string()).collect(),
            ..DocFilter::default()
        }
    }

    const AT: &str = "idx";

    #[test]
    fn every_given_field_must_match_and_names_ignore_case() {
        let records = vec![
            (
                "a".to_string(),
                record(Some("Contoso"), Some("policy"), Some(2022)),
            ),
            (
                "b".to_string(),
                record(Some("Fabrikam"), Some("report"), Some(2022)),
            ),
            ("c".to_string(), record(None, None, None)),
        ];
        let pick = |f: DocFilter| f.select(&records, Path::new(AT));
        assert_eq!(pick(org(&[" contoso "])), Ok(vec!["a".to_string()]));
        let year = DocFilter {
            years: vec![2022],
            ..DocFilter::default()
        };
        assert_eq!(pick(year.clone()), Ok(vec!["a".into(), "b".into()]));
        let both = DocFilter {
            kinds: vec!["REPORT".into()],
            ..year
        };
        assert_eq!(pick(both), Ok(vec!["b".to_string()]));
        assert!(DocFilter::default().is_empty());
        assert!(DocFilter::default().matches(&records[2].1));
        let err = pick(org(&["Acme"])).unwrap_err();
        assert_eq!(
            err,
            "no document of organisation `Acme` in the index at idx (organisations: \"Contoso\", \"Fabrikam\")"
        );
        // Given twice, said once.
        assert_eq!(pick(org(&["Acme", "Acme"])).unwrap_err(), err);
    }

    #[test]
    fn the_values_of_a_field_are_a_union() {
        let records = vec![
            ("a".to_string(), record(Some("Contoso"), None, Some(2021))),
            ("b".to_string(), record(Some("Fabrikam"), None, Some(2022))),
            ("c".to_string(), record(Some("Northwind"), None, Some(2023))),
        ];
        let pick = |f: DocFilter| f.select(&records, Path::new(AT));
        assert_eq!(
            pick(org(&["northwind", "Contoso"])),
            Ok(vec!["a".to_string(), "c".to_string()])
        );
        let years = DocFilter {
            years: vec![2023, 2022],
            ..org(&["Fabrikam", "Contoso"])
        };
        assert_eq!(pick(years), Ok(vec!["b".to_string()]));
        // A value that selects nothing is an error, even beside one that selects documents: a
        // misspelt name would drop a company from the comparison without a word.
        let err = pick(org(&["Contoso", "Fabrikan"])).unwrap_err();
        assert!(
            err.starts_with("no document of organisation `Fabrikan` in the index at idx"),
            "{err}"
        );
        // Values that each select documents, but none together: what the others select holds.
        let err = pick(DocFilter {
            years: vec![2022],
            ..org(&["Contoso"])
        })
        .unwrap_err();
        assert_eq!(
            err,
            "no document of organisation `Contoso`, year 2022 in the index at idx: each selects \
             documents, but none all of them (of year 2022: organisations: \"Fabrikam\"; of \
             organisation `Contoso`: years: \"2021\")"
        );
    }

    #[test]
    fn many_names_are_not_all_listed() {
        let names: Vec<String> = (0..150).map(|i| format!("Company {i:03} Ltd")).collect();
        let records: Vec<(String, DocRecord)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("d{i}"), record(Some(n), None, None)))
            .collect();
        let err = org(&["company 042 ltf"])
            .select(&records, Path::new(AT))
            .unwrap_err();
        assert!(err.contains("(150 organisations; the closest: "), "{err}");
        assert!(err.contains("\"Company 042 Ltd\""), "{err}");
        assert!(err.len() < 300, "{} bytes: {err}", err.len());
        let err = org(&["Zzyzx Holdings"])
            .select(&records, Path::new(AT))
            .unwrap_err();
        assert!(
            err.contains("(150 organisations, none close to it; `hria coverage --per-doc` lists"),
            "{err}"
        );
    }

    #[test]
    fn names_match_across_case_width_spacing_and_script() {
        let records = vec![
            ("a".to_string(), record(Some("華為 技術"), None, None)),
            ("b".to_string(), record(Some("Fabrikam, Inc."), None, None)),
            (
                "c".to_string(),
                record(Some("fabrikam,  inc. "), None, None),
            ),
        ];
        let pick = |f: DocFilter| f.select(&records, Path::new(AT));
        assert_eq!(pick(org(&["华为  技术"])), Ok(vec!["a".to_string()]));
        assert_eq!(
            pick(org(&["ＦＡＢＲＩＫＡＭ, INC."])),
            Ok(vec!["b".to_string(), "c".to_string()])
        );
        // One spelling per name, quoted.
        let err = pick(org(&["Acme"])).unwrap_err();
        assert!(
            err.contains("organisations: \"Fabrikam, Inc.\", \"華為 技術\")"),
            "{err}"
        );
    }

    #[test]
    fn doc_values_split_at_commas_unless_the_index_holds_them_whole() {
        let held = |d: &str| ["a,b.md", "c.md"].contains(&d);
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            doc_ids(&v(&["a,b.md", "c.md,d.md", "e.md,"]), held),
            v(&["a,b.md", "c.md", "d.md", "e.md", ""])
        );
    }
}
