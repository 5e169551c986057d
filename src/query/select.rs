//! Selecting documents by their manifest entry: organisation, kind and year. Shared by
//! `search`, `coverage` and `gaps`, so that an analyst compares one company's documents, or one
//! year's statements across companies, the same way in each.

use crate::index::schema::DocRecord;

/// Which documents to keep; every field given must match (names in any case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// The organisation, as the manifest names it.
    pub organisation: Option<String>,
    /// The kind of document (statement, report, policy, ...).
    pub kind: Option<String>,
    /// The year of publication.
    pub year: Option<i32>,
}

impl DocFilter {
    /// Whether no field is given (every document is kept).
    pub fn is_empty(&self) -> bool {
        self.organisation.is_none() && self.kind.is_none() && self.year.is_none()
    }

    /// Whether a document's record matches every field given.
    pub fn matches(&self, r: &DocRecord) -> bool {
        let same = |want: &Option<String>, have: &Option<String>| match want {
            None => true,
            Some(w) => have.as_deref().is_some_and(|h| name_key(h) == name_key(w)),
        };
        same(&self.organisation, &r.organisation)
            && same(&self.kind, &r.kind)
            && self.year.is_none_or(|y| r.year == Some(y))
    }

    /// The ids of the documents that match, in the records' order. None matching is an error
    /// that says what was asked for and lists the organisations, kinds and years there are.
    pub fn select(&self, records: &[(String, DocRecord)]) -> Result<Vec<String>, String> {
        let docs: Vec<String> = records
            .iter()
            .filter(|(_, r)| self.matches(r))
            .map(|(d, _)| d.clone())
            .collect();
        if !docs.is_empty() {
            return Ok(docs);
        }
        // Quoted (a name may hold a comma) with its own quotes and control chars escaped, so
        // that `"Acme, \"Holdings\" Ltd"` reads as one name; one spelling per name as the
        // filter compares them.
        let values = |get: fn(&DocRecord) -> Option<String>| {
            let mut v: Vec<(String, String)> = records
                .iter()
                .filter_map(|(_, r)| get(r))
                .map(|n| (name_key(&n), format!("{:?}", n.trim())))
                .collect();
            v.sort();
            v.dedup_by(|a, b| a.0 == b.0);
            if v.is_empty() {
                "none".to_string()
            } else {
                v.into_iter().map(|(_, n)| n).collect::<Vec<_>>().join(", ")
            }
        };
        let mut asked = Vec::new();
        if let Some(o) = &self.organisation {
            asked.push(format!("organisation `{o}`"));
        }
        if let Some(k) = &self.kind {
            asked.push(format!("kind `{k}`"));
        }
        if let Some(y) = self.year {
            asked.push(format!("year {y}"));
        }
        Err(format!(
            "no document of {} (organisations: {}; kinds: {}; years: {})",
            asked.join(", "),
            values(|r| r.organisation.clone()),
            values(|r| r.kind.clone()),
            values(|r| r.year.map(|y| y.to_string())),
        ))
    }
}

/// A name as the filter compares it: normalized as the index's text is (case, full-width forms,
/// Traditional and Simplified Chinese), with runs of white space made one space.
fn name_key(name: &str) -> String {
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
        let pick = |f: DocFilter| f.select(&records);
        let org = |o: &str| DocFilter {
            organisation: Some(o.into()),
            ..DocFilter::default()
        };
        assert_eq!(pick(org(" contoso ")), Ok(vec!["a".to_string()]));
        let year = DocFilter {
            year: Some(2022),
            ..DocFilter::default()
        };
        assert_eq!(pick(year.clone()), Ok(vec!["a".into(), "b".into()]));
        let both = DocFilter {
            kind: Some("REPORT".into()),
            ..year
        };
        assert_eq!(pick(both), Ok(vec!["b".to_string()]));
        assert!(DocFilter::default().is_empty());
        assert!(DocFilter::default().matches(&records[2].1));
        let err = pick(org("Acme")).unwrap_err();
        assert_eq!(
            err,
            "no document of organisation `Acme` (organisations: \"Contoso\", \"Fabrikam\"; kinds: \"policy\", \"report\"; years: \"2022\")"
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
        let org = |o: &str| DocFilter {
            organisation: Some(o.into()),
            ..DocFilter::default()
        };
        assert_eq!(
            org("华为  技术").select(&records),
            Ok(vec!["a".to_string()])
        );
        assert_eq!(
            org("ＦＡＢＲＩＫＡＭ, INC.").select(&records),
            Ok(vec!["b".to_string(), "c".to_string()])
        );
        // One spelling per name, quoted.
        let err = org("Acme").select(&records).unwrap_err();
        assert!(
            err.contains("organisations: \"Fabrikam, Inc.\", \"華為 技術\";"),
            "{err}"
        );
    }
}
