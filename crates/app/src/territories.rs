//! The territory reference data of `data/territories/`, embedded in the binary and
//! parsed once, and the use cases that read it: commune search and details, and the
//! circle that covers a commune.

use crate::{App, AppError};
use mentorat_domain::Circle;
use mentorat_domain::territory::{
    Commune, Departement, Epci, Hit, MapProjection, Region, Territories, TerritoryFiles,
    coverage_keys,
};
use std::sync::OnceLock;

const DATA: TerritoryFiles<'static> = TerritoryFiles {
    regions: include_str!("../../../data/territories/regions.tsv"),
    departements: include_str!("../../../data/territories/departements.tsv"),
    epci: include_str!("../../../data/territories/epci.tsv"),
    communes: include_str!("../../../data/territories/communes.tsv"),
    arrondissements: include_str!("../../../data/territories/arrondissements.tsv"),
};

/// The SVG paths of the départements of mainland France: `code<TAB>name<TAB>d` lines.
pub const MAP_DEPARTEMENTS: &str = include_str!("../../../data/territories/map-departements.tsv");
const MAP_PROJECTION: &str = include_str!("../../../data/territories/map-projection.tsv");
/// The licences and versions of the sources, shown where the data is credited.
pub const SOURCES: &str = include_str!("../../../data/territories/sources.tsv");

/// Every commune of France and Belgium. Parsed at first use (tens of milliseconds).
pub fn territories() -> &'static Territories {
    static TERRITORIES: OnceLock<Territories> = OnceLock::new();
    TERRITORIES
        .get_or_init(|| Territories::parse(&DATA).expect("the embedded territory data is valid"))
}

pub fn map_projection() -> MapProjection {
    MapProjection::parse(MAP_PROJECTION).expect("the embedded map projection is valid")
}

/// The commune a place picker designates: the key it sent (filled by the script, or
/// chosen among candidates), else what was typed when it names exactly one commune
/// (a unique match, or the only one whose name is typed in full).
pub fn resolve_picked(key: &str, typed: &str) -> Option<&'static Commune> {
    let t = territories();
    let folded = mentorat_domain::territory::fold(typed.trim());
    // The key stands unless the visible field now names another town (a form filled in
    // beforehand, then retyped without JavaScript to update the key).
    if let Some(c) = t.resolve(key.trim())
        && (folded.is_empty() || folded.contains(&mentorat_domain::territory::fold(&c.name)))
    {
        return Some(c);
    }
    let hits = t.search(typed, 5);
    let exact: Vec<_> = hits
        .iter()
        .filter(|h| mentorat_domain::territory::fold(h.label()) == folded)
        .collect();
    match (hits.len(), exact.len()) {
        (1, _) => Some(hits[0].commune),
        (_, 1) => Some(exact[0].commune),
        _ => None,
    }
}

/// A commune with everything around it, for its public description.
#[derive(Debug, Clone)]
pub struct CommuneDetail {
    pub commune: &'static Commune,
    pub epci: Option<&'static Epci>,
    pub departement: Option<&'static Departement>,
    pub region: Option<&'static Region>,
    pub circle: Option<Circle>,
}

/// Results never exceed this, whatever the client asks.
pub const MAX_RESULTS: usize = 20;

impl App {
    /// Communes matching what someone typed (name prefix or postal code).
    pub fn search_communes(&self, query: &str, limit: usize) -> Vec<Hit<'static>> {
        territories().search(query, limit.clamp(1, MAX_RESULTS))
    }

    /// The circle that covers a commune (the most specific one), if any.
    pub async fn circle_for_commune(&self, commune: &Commune) -> Result<Option<Circle>, AppError> {
        Ok(self.store.circle_covering(&coverage_keys(commune)).await?)
    }

    /// A commune by key (`60159`, `BE-51004`) or arrondissement code (`75115`).
    pub async fn commune_detail(&self, key: &str) -> Result<CommuneDetail, AppError> {
        let t = territories();
        let commune = t.resolve(key.trim()).ok_or(AppError::NotFound)?;
        Ok(CommuneDetail {
            commune,
            epci: t.epci_of(commune),
            departement: t.departement_of(commune),
            region: t.region_of(commune),
            circle: self.circle_for_commune(commune).await?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picked_key_stands_unless_the_visible_field_names_another_town() {
        let key = |c: Option<&Commune>| c.map(|c| c.key());
        // The picker's key, with what it wrote in the field (or nothing).
        assert_eq!(
            key(resolve_picked("60159", "Compiègne (60200)")).as_deref(),
            Some("60159")
        );
        assert_eq!(key(resolve_picked("60159", "")).as_deref(), Some("60159"));
        // A form filled in with Compiègne, the town then retyped without JavaScript.
        assert_eq!(
            key(resolve_picked("60159", "Creil")).as_deref(),
            Some("60175")
        );
        // No key: the typed name when it designates one town.
        assert_eq!(key(resolve_picked("", "Creil")).as_deref(), Some("60175"));
    }
}
