//! The one reload-on-change cache the screens share: data read from the store, read again
//! when its key changes (the store's revision, with whatever else the data depends on: the
//! day, a filter, a record's id).

use crate::store::StoreError;

pub struct Reloaded<K, T> {
    key: Option<K>,
    value: Option<T>,
    error: Option<String>,
}

impl<K, T> Default for Reloaded<K, T> {
    fn default() -> Self {
        Self {
            key: None,
            value: None,
            error: None,
        }
    }
}

impl<K: PartialEq, T> Reloaded<K, T> {
    /// Reads with `load` when `key` differs from the key last read for. A failed read keeps
    /// the last value shown and says why through [`Reloaded::error`]; it is tried again when
    /// the key next changes.
    pub fn refresh(&mut self, key: K, load: impl FnOnce() -> Result<T, StoreError>) -> bool {
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        self.key = Some(key);
        match load() {
            Ok(value) => {
                self.value = Some(value);
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        true
    }

    /// The last value read, if any read succeeded.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }

    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.value.as_mut()
    }

    /// Why the last read failed, while it stands.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Reads again at the next refresh, whatever the key.
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}

impl<K, E> Reloaded<K, Vec<E>> {
    /// The rows last read; none before the first read succeeds.
    pub fn items(&self) -> &[E] {
        self.value.as_deref().unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_once_per_key_and_keeps_the_value_through_a_failure() {
        let mut cache: Reloaded<u64, Vec<i32>> = Reloaded::default();
        let mut reads = 0;
        for _ in 0..3 {
            cache.refresh(1, || {
                reads += 1;
                Ok(vec![1])
            });
        }
        assert_eq!(reads, 1);
        assert!(cache.refresh(2, || Err(StoreError::NotFound)));
        assert_eq!(cache.get(), Some(&vec![1]));
        assert!(cache.error().is_some());
        cache.refresh(3, || Ok(vec![3]));
        assert_eq!((cache.get(), cache.error()), (Some(&vec![3]), None));
        cache.invalidate();
        assert!(cache.refresh(3, || Ok(vec![4])));
        assert_eq!(cache.get(), Some(&vec![4]));
    }
}
