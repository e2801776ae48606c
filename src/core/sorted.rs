//! Sorted lists keyed by text, in place of `BTreeSet<String>` and `BTreeMap<String, V>`: the
//! widget's sets and maps hold a few dozen items, and each B-tree type brought 7–15 KB of its
//! own code to the bundle (issue 26), where a sorted `Vec` needs a binary search. Their JSON is
//! the B-tree's: a set is a list in order, a map an object in key order (read in
//! `json::read`).

use nanoserde::{SerJson, SerJsonState};

/// Texts in order, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SortedSet(Vec<String>);

impl SortedSet {
    fn find(&self, item: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|probe| probe.as_str().cmp(item))
    }

    pub fn contains(&self, item: &str) -> bool {
        self.find(item).is_ok()
    }

    /// Adds `item`; false if it was there already.
    pub fn insert(&mut self, item: String) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Takes `item` out; false if it was not there.
    pub fn remove(&mut self, item: &str) -> bool {
        match self.find(item) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// All at once, sorted once: inserting one by one would take time growing with the square of
/// their number (a crafted file can hold tens of thousands).
impl Extend<String> for SortedSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, items: I) {
        self.0.extend(items);
        self.0.sort_unstable();
        self.0.dedup();
    }
}

impl FromIterator<String> for SortedSet {
    fn from_iter<I: IntoIterator<Item = String>>(items: I) -> Self {
        let mut set = SortedSet::default();
        set.extend(items);
        set
    }
}

impl<const N: usize> From<[String; N]> for SortedSet {
    fn from(items: [String; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a SortedSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl SerJson for SortedSet {
    fn ser_json(&self, d: usize, s: &mut SerJsonState) {
        self.0.ser_json(d, s);
    }
}

/// Values under texts, in the texts' order, one per text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<V>(Vec<(String, V)>);

impl<V> Default for SortedMap<V> {
    fn default() -> Self {
        SortedMap::new()
    }
}

impl<V> SortedMap<V> {
    pub const fn new() -> Self {
        SortedMap(Vec::new())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0
            .binary_search_by(|(probe, _)| probe.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Puts `value` under `key`, in place of any value there.
    pub fn insert(&mut self, key: String, value: V) {
        match self.find(&key) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (key, value)),
        }
    }

    /// Takes out the value under `key`, if there is one.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    /// The keys and their values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(key, _)| key)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The value under `key`; panics if there is none, as a map's index does.
impl<V> std::ops::Index<&str> for SortedMap<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no value under this key")
    }
}

/// All at once, sorted once (as for the set); a key given again keeps its last value.
impl<V> Extend<(String, V)> for SortedMap<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, items: I) {
        // Newest first, so that the stable sort puts a key's last value ahead of its earlier
        // ones, and the dedup keeps it.
        let mut all: Vec<(String, V)> = items.into_iter().collect();
        all.reverse();
        all.append(&mut self.0);
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all.dedup_by(|earlier, kept| earlier.0 == kept.0);
        self.0 = all;
    }
}

impl<V> FromIterator<(String, V)> for SortedMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(items: I) -> Self {
        let mut map = SortedMap::default();
        map.extend(items);
        map
    }
}

impl<V, const N: usize> From<[(String, V); N]> for SortedMap<V> {
    fn from(items: [(String, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<V: SerJson> SerJson for SortedMap<V> {
    fn ser_json(&self, d: usize, s: &mut SerJsonState) {
        s.out.push('{');
        for (index, (key, value)) in self.0.iter().enumerate() {
            if index > 0 {
                s.conl();
            }
            s.indent(d + 1);
            key.ser_json(d + 1, s);
            s.out.push(':');
            value.ser_json(d + 1, s);
        }
        s.indent(d);
        s.out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::{to_string, tree, FromJson};
    use std::collections::{BTreeMap, BTreeSet};

    fn texts(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| (*item).to_owned()).collect()
    }

    #[test]
    fn a_set_keeps_each_text_once_in_order_and_writes_what_a_btree_set_writes() {
        let items = texts(&["pear", "apple", "fig", "apple", "", "Zed"]);
        let set: SortedSet = items.iter().cloned().collect();
        let btree: BTreeSet<String> = items.iter().cloned().collect();
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            btree.iter().collect::<Vec<_>>()
        );
        assert_eq!(to_string(&set), to_string(&btree));
        assert_eq!(
            SortedSet::from_json(&tree(&to_string(&btree)).unwrap()),
            Ok(set.clone())
        );

        let mut changed = set.clone();
        assert!(!changed.insert("fig".into()));
        assert!(changed.remove("fig"));
        assert!(!changed.remove("fig"));
        assert!(!changed.contains("fig") && changed.contains("pear"));
        assert_eq!(changed.len(), set.len() - 1);
    }

    #[test]
    fn a_map_keeps_one_value_a_key_in_order_and_writes_what_a_btree_map_writes() {
        let pairs = [("s2", "b"), ("s1", "a"), ("s3", "c"), ("s1", "later")];
        let map: SortedMap<String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let btree: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(
            map.iter().collect::<Vec<_>>(),
            btree.iter().collect::<Vec<_>>()
        );
        assert_eq!(map.get("s1").map(String::as_str), Some("later"));
        assert!(map.contains_key("s3") && !map.contains_key("s4"));
        assert_eq!(to_string(&map), to_string(&btree));
        assert_eq!(to_string(&SortedMap::<String>::default()), "{}");
        // An object naming a key twice keeps the last, as before.
        let read = SortedMap::<String>::from_json(&tree(r#"{"b":"1","a":"2","b":"3"}"#).unwrap());
        assert_eq!(
            read,
            Ok(SortedMap::from([
                ("a".into(), "2".into()),
                ("b".into(), "3".into())
            ]))
        );
        assert!(SortedMap::<String>::from_json(&tree(r#"{"a":1}"#).unwrap()).is_err());
        // Adding to a map: what is added replaces what was there, the last of it winning.
        let mut grown = SortedMap::from([("a".to_owned(), 1), ("c".to_owned(), 5)]);
        grown.extend([
            ("b".to_owned(), 2),
            ("a".to_owned(), 3),
            ("b".to_owned(), 4),
        ]);
        assert_eq!(
            grown
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect::<Vec<_>>(),
            [("a", 3), ("b", 4), ("c", 5)]
        );
        assert_eq!(grown.remove("b"), Some(4));
        assert_eq!(grown.remove("b"), None);
    }
}
