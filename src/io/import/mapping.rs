//! Which column fills which field, and mappings saved for files of the same layout.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::fields::{ImportKind, Target, auto_map, is_row_number, normalize_header};
use crate::domain::maturation::CarrierKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub kind: ImportKind,
    pub headers: Vec<String>,
    /// One entry per header: the field it fills, or None when the column is ignored.
    pub columns: Vec<Option<Target>>,
    /// The one carrier kind the sheet's title names ("…概念验证中心拟备案名单"), set when the
    /// table is read: the kind of a row that has no kind cell, before what its name suggests.
    pub sheet_carrier_kind: Option<CarrierKind>,
}

impl Mapping {
    /// The mapping guessed from the headers.
    pub fn auto(kind: ImportKind, headers: Vec<String>) -> Mapping {
        let columns = auto_map(kind, &headers);
        Mapping {
            kind,
            headers,
            columns,
            sheet_carrier_kind: None,
        }
    }

    pub fn column_of(&self, target: Target) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(target))
    }

    /// Maps column `col` to `target`, taking the target away from any other column.
    pub fn set(&mut self, col: usize, target: Option<Target>) {
        if let Some(t) = target {
            for c in self.columns.iter_mut() {
                if *c == Some(t) {
                    *c = None;
                }
            }
        }
        if let Some(slot) = self.columns.get_mut(col) {
            *slot = target;
        }
    }

    /// Required fields no column fills: the import cannot start without them. Of fields of
    /// which one is enough (an achievement's TRL or stage), the first is named.
    pub fn missing_required(&self) -> Vec<Target> {
        let mut missing: Vec<Target> = self
            .kind
            .required()
            .iter()
            .copied()
            .filter(|t| self.column_of(*t).is_none())
            .collect();
        for group in self.kind.required_any() {
            if group.iter().all(|t| self.column_of(*t).is_none()) {
                missing.extend(group.first());
            }
        }
        missing
    }

    /// Fields the forms ask for that no column fills: imported left empty (see
    /// [`ImportKind::expected`]).
    pub fn missing_expected(&self) -> Vec<Target> {
        self.kind
            .expected()
            .iter()
            .copied()
            .filter(|t| self.column_of(*t).is_none())
            .collect()
    }

    /// The columns that fill no field, by their names in the file, so the user sees what is
    /// left out: a survey's 提交答卷时间 and 来自IP, a column no name was recognised in. The
    /// row numbers (序号) and unnamed columns are not listed.
    pub fn unmapped_headers(&self) -> Vec<String> {
        self.headers
            .iter()
            .zip(&self.columns)
            .filter(|(h, t)| {
                let n = normalize_header(h);
                t.is_none() && !n.is_empty() && !is_row_number(&n)
            })
            .map(|(h, _)| h.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// What identifies files "of the same layout": the kind and the normalised headers.
    pub fn layout_key(kind: ImportKind, headers: &[String]) -> String {
        let names: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        format!("{}|{}", kind.code(), names.join("|"))
    }

    pub fn to_file(&self) -> MappingFile {
        MappingFile {
            kind: self.kind.code().to_string(),
            columns: self
                .headers
                .iter()
                .zip(&self.columns)
                .filter_map(|(h, t)| t.map(|t| (h.clone(), t.key().to_string())))
                .collect(),
        }
    }

    /// A saved mapping applied to `headers`: headers it does not name are ignored.
    pub fn from_file(
        kind: ImportKind,
        headers: Vec<String>,
        file: &MappingFile,
    ) -> Result<Mapping, MappingError> {
        if file.kind != kind.code() {
            return Err(MappingError::OtherKind(file.kind.clone()));
        }
        let mut mapping = Mapping {
            kind,
            columns: vec![None; headers.len()],
            headers,
            sheet_carrier_kind: None,
        };
        for (header, key) in &file.columns {
            let target = Target::from_key(kind, key)
                .ok_or_else(|| MappingError::UnknownField(key.clone()))?;
            let norm = normalize_header(header);
            if let Some(col) = mapping
                .headers
                .iter()
                .position(|h| h == header || normalize_header(h) == norm)
            {
                mapping.set(col, Some(target));
            }
        }
        Ok(mapping)
    }
}

/// A mapping as saved: header → field key, for one kind of record. Also the format of the
/// command line's `--mapping FILE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingFile {
    pub kind: String,
    pub columns: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("the mapping is for {0}")]
    OtherKind(String),
    #[error("unknown field {0}")]
    UnknownField(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn setting_a_column_moves_the_field() {
        let mut m = Mapping::auto(
            ImportKind::Achievements,
            headers(&["名称", "完成单位", "领域", "备注"]),
        );
        assert_eq!(m.missing_required(), vec![Target::Trl]);
        assert!(m.missing_expected().is_empty());
        assert_eq!(m.unmapped_headers(), vec!["备注".to_string()]);
        m.set(3, Some(Target::Title));
        assert_eq!(m.columns[0], None);
        assert_eq!(m.column_of(Target::Title), Some(3));
        assert_eq!(m.unmapped_headers(), vec!["名称".to_string()]);
        m.set(3, None);
        m.set(2, None);
        assert_eq!(m.missing_required(), vec![Target::Title, Target::Trl]);
        assert_eq!(m.missing_expected(), vec![Target::Field]);
    }

    #[test]
    fn row_numbers_are_not_listed_as_left_out() {
        let m = Mapping::auto(
            ImportKind::Achievements,
            headers(&[
                "No.", "#", "序号", "S/N", "Title", "Holder", "TRL", "Remarks",
            ]),
        );
        assert_eq!(m.unmapped_headers(), vec!["Remarks".to_string()]);
    }

    #[test]
    fn a_saved_mapping_round_trips_and_refuses_other_kinds() {
        let h = headers(&["A列", "B列", "C列"]);
        let mut m = Mapping::auto(ImportKind::Needs, h.clone());
        m.set(0, Some(Target::Title));
        m.set(2, Some(Target::Budget));
        let json = serde_json::to_string(&m.to_file()).unwrap();
        let file: MappingFile = serde_json::from_str(&json).unwrap();
        assert_eq!(
            Mapping::from_file(ImportKind::Needs, h.clone(), &file).unwrap(),
            m
        );
        assert_eq!(
            Mapping::from_file(ImportKind::Clients, h, &file),
            Err(MappingError::OtherKind("needs".into()))
        );
        assert_eq!(
            Mapping::layout_key(ImportKind::Needs, &headers(&[" A列 ", "b"])),
            "needs|a列|b"
        );
    }
}
