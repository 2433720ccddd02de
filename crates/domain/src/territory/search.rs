//! Commune search: prefix of a name (accents, case and hyphens ignored) or of a postal
//! code, most populous first. Sorted arrays and binary search: no allocation per entry,
//! well under a millisecond over the whole of France and Belgium (docs/BENCHMARKS.md).

use super::{Arrondissement, Commune, Territories, fold};

/// One search result: a commune, possibly found through one of its arrondissements.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub commune: &'a Commune,
    pub arrondissement: Option<&'a Arrondissement>,
}

impl Hit<'_> {
    /// What to show: the arrondissement's name when it was the match.
    pub fn label(&self) -> &str {
        self.arrondissement.map_or(&self.commune.name, |a| &a.name)
    }

    pub fn postal_codes(&self) -> &[String] {
        self.arrondissement
            .map_or(&self.commune.postal_codes, |a| &a.postal_codes)
    }
}

#[derive(Clone, Copy)]
enum Place {
    Commune(u32),
    Arrondissement(u32),
}

/// The search structures, built once from the reference data.
pub(super) struct Index {
    places: Vec<(Place, u32)>,
    /// Folded full names (French and Dutch), sorted.
    names: Vec<(Box<str>, u32)>,
    /// Folded names from their second word on (« denis » for Saint-Denis), sorted.
    words: Vec<(Box<str>, u32)>,
    /// Postal codes and official codes, sorted.
    codes: Vec<(Box<str>, u32)>,
}

impl Index {
    pub(super) fn build(communes: &[Commune], arrondissements: &[Arrondissement]) -> Index {
        let mut index = Index {
            places: Vec::new(),
            names: Vec::new(),
            words: Vec::new(),
            codes: Vec::new(),
        };
        for (i, c) in communes.iter().enumerate() {
            let id = index.places.len() as u32;
            index.places.push((Place::Commune(i as u32), c.population));
            index.add_name(&c.name, id);
            if let Some(nl) = c.name_nl.as_deref().filter(|nl| *nl != c.name) {
                index.add_name(nl, id);
            }
            for code in c.postal_codes.iter().chain([&c.code]) {
                index.codes.push((code.to_lowercase().into(), id));
            }
        }
        for (i, a) in arrondissements.iter().enumerate() {
            let id = index.places.len() as u32;
            index
                .places
                .push((Place::Arrondissement(i as u32), a.population));
            index.add_name(&a.name, id);
            for code in a.postal_codes.iter().chain([&a.code]) {
                index.codes.push((code.to_lowercase().into(), id));
            }
        }
        index.names.sort_unstable();
        index.words.sort_unstable();
        index.codes.sort_unstable();
        index
    }

    fn add_name(&mut self, name: &str, id: u32) {
        let folded = fold(name);
        for (at, _) in folded.match_indices(' ') {
            let rest = &folded[at + 1..];
            if !rest.is_empty() {
                self.words.push((rest.into(), id));
            }
        }
        self.names.push((folded.into(), id));
    }

    /// Ids of the entries of `sorted` that start with `prefix`.
    fn prefixed<'s>(
        sorted: &'s [(Box<str>, u32)],
        prefix: &'s str,
    ) -> impl Iterator<Item = u32> + 's {
        let start = sorted.partition_point(|(k, _)| &**k < prefix);
        sorted[start..]
            .iter()
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|&(_, id)| id)
    }

    /// Ids of the entries of `sorted` equal to `key`.
    fn exactly<'s>(sorted: &'s [(Box<str>, u32)], key: &'s str) -> impl Iterator<Item = u32> + 's {
        let start = sorted.partition_point(|(k, _)| &**k < key);
        sorted[start..]
            .iter()
            .take_while(move |(k, _)| &**k == key)
            .map(|&(_, id)| id)
    }

    pub(super) fn search<'t>(
        &self,
        territories: &'t Territories,
        query: &str,
        limit: usize,
    ) -> Vec<Hit<'t>> {
        let q = fold(query.trim());
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut ranked: Vec<u32> = Vec::new();
        if q.starts_with(|c: char| c.is_ascii_digit()) {
            self.take_best(Self::prefixed(&self.codes, &q), limit, &mut ranked);
        } else {
            // A name typed in full comes first (« ath » is Ath before Athis-Mons), then
            // names that start with the query, then names with a later word that does.
            let exact = Self::exactly(&self.names, &q);
            self.take_best(exact, limit, &mut ranked);
            for sorted in [&self.names, &self.words] {
                if ranked.len() >= limit {
                    break;
                }
                let seen = ranked.clone();
                let more = Self::prefixed(sorted, &q).filter(|id| !seen.contains(id));
                self.take_best(more, limit - seen.len(), &mut ranked);
            }
        }
        ranked
            .into_iter()
            .map(|id| match self.places[id as usize].0 {
                Place::Commune(i) => Hit {
                    commune: &territories.communes[i as usize],
                    arrondissement: None,
                },
                Place::Arrondissement(i) => {
                    let a = &territories.arrondissements[i as usize];
                    Hit {
                        commune: territories.commune(&a.commune).expect("checked at load"),
                        arrondissement: Some(a),
                    }
                }
            })
            .collect()
    }

    /// Appends to `out` the `limit` most populous distinct places among `ids`.
    fn take_best(&self, ids: impl Iterator<Item = u32>, limit: usize, out: &mut Vec<u32>) {
        let mut candidates: Vec<(u32, u32)> =
            ids.map(|id| (self.places[id as usize].1, id)).collect();
        candidates.sort_unstable_by_key(|&(_, id)| id);
        candidates.dedup_by_key(|&mut (_, id)| id);
        // Most populous first; equal populations keep a stable order (by id).
        let by_rank = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if candidates.len() > limit {
            candidates.select_nth_unstable_by(limit, by_rank);
            candidates.truncate(limit);
        }
        candidates.sort_unstable_by(by_rank);
        out.extend(candidates.into_iter().map(|(_, id)| id));
    }
}
