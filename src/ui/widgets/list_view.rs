//! The rows a catalogue list shows, recomputed only when the data, the sort, the filter or the
//! query change, never per frame.

use crate::catalog::{Catalog, Record, select};

pub struct ListView<S, F> {
    order: Vec<u32>,
    order_key: Option<(u64, S)>,
    view: Vec<u32>,
    view_key: Option<(u64, S, F, String)>,
}

impl<S, F> Default for ListView<S, F> {
    fn default() -> Self {
        Self {
            order: Vec::new(),
            order_key: None,
            view: Vec::new(),
            view_key: None,
        }
    }
}

impl<S: Copy + PartialEq, F: Clone + PartialEq> ListView<S, F> {
    pub fn refresh<R: Record>(
        &mut self,
        catalog: &Catalog<R>,
        sort: S,
        order: impl Fn(&Catalog<R>) -> Vec<u32>,
        filter: &F,
        accepts: impl Fn(&F, &R) -> bool,
        query: &str,
    ) {
        let rev = catalog.revision();
        if self.order_key != Some((rev, sort)) {
            self.order = order(catalog);
            self.order_key = Some((rev, sort));
            self.view_key = None;
        }
        let key = (rev, sort, filter.clone(), query.to_string());
        if self.view_key.as_ref() != Some(&key) {
            self.view = select(catalog, &self.order, query, |r| accepts(filter, r));
            self.view_key = Some(key);
        }
    }

    /// Positions of the rows to show, in order.
    pub fn view(&self) -> &[u32] {
        &self.view
    }

    /// The rows shown, in order, for exports; none while the catalogue loads.
    pub fn shown<'a, R: Record>(&self, catalog: Option<&'a Catalog<R>>) -> Vec<&'a R> {
        catalog
            .map(|c| {
                self.view
                    .iter()
                    .filter_map(|&p| c.rows().get(p as usize))
                    .collect()
            })
            .unwrap_or_default()
    }
}
