//! Which clients the list shows, and in what order: filtering and sorting over loaded rows, so the
//! table only reads through an index.

use super::{ClientKind, ClientRow};

/// A column the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientColumn {
    #[default]
    Name,
    Kind,
    Region,
    Industry,
    OpenFollowUps,
    LastContact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClientSort {
    pub column: ClientColumn,
    pub descending: bool,
}

impl ClientSort {
    /// Clicking a column header: the same column flips direction, another starts ascending.
    pub fn clicked(self, column: ClientColumn) -> Self {
        if self.column == column {
            Self {
                column,
                descending: !self.descending,
            }
        } else {
            Self {
                column,
                descending: false,
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientFilter {
    /// Part of the name, compared without case.
    pub name: String,
    pub kind: Option<ClientKind>,
    /// Province and city, as [`ClientRow::city_region`] gives them.
    pub region: Option<String>,
}

impl ClientFilter {
    fn accepts(&self, row: &ClientRow, needle: &str) -> bool {
        self.kind.is_none_or(|k| row.kind == k)
            && self.region.as_ref().is_none_or(|r| row.city_region() == *r)
            && (needle.is_empty() || row.name.to_lowercase().contains(needle))
    }
}

/// The positions in `rows` to show, filtered and sorted; ties keep id order so the list is
/// stable.
pub fn select(rows: &[ClientRow], filter: &ClientFilter, sort: ClientSort) -> Vec<usize> {
    let needle = filter.name.trim().to_lowercase();
    let mut view: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.accepts(&rows[i], &needle))
        .collect();
    view.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let order = match sort.column {
            ClientColumn::Name => ra.name.cmp(&rb.name),
            ClientColumn::Kind => ra.kind.cmp(&rb.kind),
            ClientColumn::Region => ra.region().cmp(&rb.region()),
            ClientColumn::Industry => ra.industry.cmp(&rb.industry),
            ClientColumn::OpenFollowUps => ra.open_follow_ups.cmp(&rb.open_follow_ups),
            ClientColumn::LastContact => ra.last_contact.cmp(&rb.last_contact),
        };
        let order = if sort.descending {
            order.reverse()
        } else {
            order
        };
        order.then(ra.id.cmp(&rb.id))
    });
    view
}

/// The distinct city-level regions of `rows`, sorted, for the region filter.
pub fn regions(rows: &[ClientRow]) -> Vec<String> {
    let mut out: Vec<String> = rows
        .iter()
        .map(ClientRow::city_region)
        .filter(|r| !r.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ClientId;
    use chrono::NaiveDate;

    fn row(id: i64, name: &str, kind: ClientKind, city: &str, open: u32) -> ClientRow {
        ClientRow {
            id: ClientId(id),
            name: name.into(),
            kind,
            province: "山东省".into(),
            city: city.into(),
            district: "".into(),
            industry: "".into(),
            open_follow_ups: open,
            last_contact: NaiveDate::from_ymd_opt(2026, 1, id as u32),
        }
    }

    fn rows() -> Vec<ClientRow> {
        vec![
            row(1, "山东大学", ClientKind::University, "济南市", 0),
            row(2, "Haier Group", ClientKind::Enterprise, "青岛市", 2),
            row(3, "济南某电机公司", ClientKind::Enterprise, "济南市", 1),
        ]
    }

    #[test]
    fn filters_by_name_kind_and_region() {
        let rows = rows();
        let by_name = ClientFilter {
            name: "haier".into(),
            ..ClientFilter::default()
        };
        assert_eq!(select(&rows, &by_name, ClientSort::default()), vec![1]);
        let by_kind = ClientFilter {
            kind: Some(ClientKind::Enterprise),
            region: Some("山东省 济南市".into()),
            ..ClientFilter::default()
        };
        assert_eq!(select(&rows, &by_kind, ClientSort::default()), vec![2]);
        let by_chinese = ClientFilter {
            name: "电机".into(),
            ..ClientFilter::default()
        };
        assert_eq!(select(&rows, &by_chinese, ClientSort::default()), vec![2]);
    }

    #[test]
    fn sorts_and_flips() {
        let rows = rows();
        let sort = ClientSort::default().clicked(ClientColumn::OpenFollowUps);
        assert_eq!(select(&rows, &ClientFilter::default(), sort), vec![0, 2, 1]);
        let sort = sort.clicked(ClientColumn::OpenFollowUps);
        assert!(sort.descending);
        assert_eq!(select(&rows, &ClientFilter::default(), sort), vec![1, 2, 0]);
    }

    #[test]
    fn regions_are_distinct_and_sorted() {
        assert_eq!(regions(&rows()), vec!["山东省 济南市", "山东省 青岛市"]);
    }
}
