//! Territories: every French commune and intercommunality, every Belgian commune and
//! arrondissement, with their départements (provinces), régions and positions. Parsed
//! from the reference data in `data/territories/` (the app embeds it); pure.
//!
//! Keys: a French commune is its INSEE code (`60159`), an EPCI its SIREN, a département
//! its code (`60`); Belgian codes are prefixed with `BE-` (`BE-51004` for Ath, `BE-51000`
//! for its arrondissement, `BE-50000` for Hainaut), because the code lists overlap.

mod map;
mod search;

pub use map::{MapProjection, Point};
pub use search::Hit;

use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Country {
    #[serde(rename = "FR")]
    Fr,
    #[serde(rename = "BE")]
    Be,
}

impl Country {
    pub fn code(self) -> &'static str {
        match self {
            Country::Fr => "FR",
            Country::Be => "BE",
        }
    }

    fn parse(raw: &str) -> Option<Country> {
        match raw {
            "FR" => Some(Country::Fr),
            "BE" => Some(Country::Be),
            _ => None,
        }
    }

    /// The key under which the platform stores a commune, an intercommunality or a
    /// département of this country: French codes as they are, Belgian ones prefixed.
    pub fn key(self, code: &str) -> String {
        match self {
            Country::Fr => code.to_owned(),
            Country::Be => format!("BE-{code}"),
        }
    }
}

/// A position in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
}

impl Position {
    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    pub fn distance_km(self, other: Position) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0088;
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum EpciKind {
    /// Communauté de communes.
    #[serde(rename = "CC")]
    Cc,
    /// Communauté d'agglomération.
    #[serde(rename = "CA")]
    Ca,
    /// Communauté urbaine.
    #[serde(rename = "CU")]
    Cu,
    /// Métropole.
    #[serde(rename = "METRO")]
    Metro,
    /// Belgian administrative arrondissement (the intercommunal level there).
    #[serde(rename = "ARR")]
    Arrondissement,
}

impl EpciKind {
    fn parse(raw: &str) -> Option<EpciKind> {
        match raw {
            "CC" => Some(EpciKind::Cc),
            "CA" => Some(EpciKind::Ca),
            "CU" => Some(EpciKind::Cu),
            "METRO" => Some(EpciKind::Metro),
            "ARR" => Some(EpciKind::Arrondissement),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub country: Country,
    pub code: String,
    pub name: String,
}

/// A French département or a Belgian province.
#[derive(Debug, Clone, PartialEq)]
pub struct Departement {
    pub country: Country,
    pub code: String,
    pub name: String,
    pub region: String,
}

/// A French EPCI (CC, CA, CU, métropole) or a Belgian arrondissement.
#[derive(Debug, Clone, PartialEq)]
pub struct Epci {
    pub country: Country,
    pub code: String,
    pub name: String,
    pub kind: EpciKind,
    pub departement: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    pub country: Country,
    /// INSEE or NIS code, without prefix.
    pub code: String,
    pub name: String,
    /// Dutch name of a Belgian commune.
    pub name_nl: Option<String>,
    pub postal_codes: Vec<String>,
    pub population: u32,
    pub epci: Option<String>,
    pub departement: String,
    pub region: String,
    pub position: Position,
    /// The position is derived from neighbours, not measured.
    pub approximate: bool,
}

impl Commune {
    /// The key under which the platform stores this commune (see the module doc).
    pub fn key(&self) -> String {
        self.country.key(&self.code)
    }
}

/// A municipal arrondissement of Paris, Lyon or Marseille: searchable, but a place
/// always resolves to its commune.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrondissement {
    pub code: String,
    pub name: String,
    pub postal_codes: Vec<String>,
    pub population: u32,
    pub commune: String,
    pub position: Position,
}

/// The levels at which a circle's territory is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoverageLevel {
    Commune,
    Epci,
    Departement,
}

impl CoverageLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageLevel::Commune => "commune",
            CoverageLevel::Epci => "epci",
            CoverageLevel::Departement => "departement",
        }
    }

    pub fn parse(raw: &str) -> Option<CoverageLevel> {
        match raw {
            "commune" => Some(CoverageLevel::Commune),
            "epci" => Some(CoverageLevel::Epci),
            "departement" => Some(CoverageLevel::Departement),
            _ => None,
        }
    }
}

/// The keys under which a commune can be covered, most specific first.
pub fn coverage_keys(commune: &Commune) -> [(CoverageLevel, Option<String>); 3] {
    [
        (CoverageLevel::Commune, Some(commune.key())),
        (
            CoverageLevel::Epci,
            commune.epci.as_ref().map(|e| commune.country.key(e)),
        ),
        (
            CoverageLevel::Departement,
            Some(commune.country.key(&commune.departement)),
        ),
    ]
}

/// How close two communes are, from closest to farthest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Proximity {
    SameCommune,
    SameIntercommunality,
    SameDepartement,
    SameRegion,
    SameCountry,
    Other,
}

/// The reference data, loaded once.
pub struct Territories {
    regions: HashMap<(Country, String), Region>,
    departements: HashMap<(Country, String), Departement>,
    epcis: HashMap<(Country, String), Epci>,
    communes: Vec<Commune>,
    arrondissements: Vec<Arrondissement>,
    by_key: HashMap<String, usize>,
    epci_members: HashMap<(Country, String), Vec<usize>>,
    index: search::Index,
}

impl fmt::Debug for Territories {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Territories({} communes)", self.communes.len())
    }
}

/// The TSV files of `data/territories/`, as text.
pub struct TerritoryFiles<'a> {
    pub regions: &'a str,
    pub departements: &'a str,
    pub epci: &'a str,
    pub communes: &'a str,
    pub arrondissements: &'a str,
}

/// Rows of a TSV file after its header, each checked for its column count.
fn rows<'a>(
    file: &'static str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<Vec<&'a str>, String>> {
    text.lines()
        .skip(1)
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(move |(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() == columns {
                Ok(fields)
            } else {
                Err(format!(
                    "{file} line {}: expected {columns} columns, found {}",
                    i + 2,
                    fields.len()
                ))
            }
        })
}

fn number<T: std::str::FromStr>(file: &str, what: &str, raw: &str) -> Result<T, String> {
    raw.parse()
        .map_err(|_| format!("{file}: invalid {what} {raw:?}"))
}

fn country(file: &str, raw: &str) -> Result<Country, String> {
    Country::parse(raw).ok_or_else(|| format!("{file}: unknown country {raw:?}"))
}

fn non_empty(raw: &str) -> Option<String> {
    (!raw.is_empty()).then(|| raw.to_owned())
}

fn postal_codes(raw: &str) -> Vec<String> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Territories {
    pub fn parse(files: &TerritoryFiles<'_>) -> Result<Territories, String> {
        let mut regions = HashMap::new();
        for row in rows("regions.tsv", files.regions, 4) {
            let r = row?;
            let c = country("regions.tsv", r[0])?;
            regions.insert(
                (c, r[1].to_owned()),
                Region {
                    country: c,
                    code: r[1].into(),
                    name: r[2].into(),
                },
            );
        }
        let mut departements = HashMap::new();
        for row in rows("departements.tsv", files.departements, 5) {
            let r = row?;
            let c = country("departements.tsv", r[0])?;
            departements.insert(
                (c, r[1].to_owned()),
                Departement {
                    country: c,
                    code: r[1].into(),
                    name: r[2].into(),
                    region: r[4].into(),
                },
            );
        }
        let mut epcis = HashMap::new();
        for row in rows("epci.tsv", files.epci, 6) {
            let r = row?;
            let c = country("epci.tsv", r[0])?;
            let kind = EpciKind::parse(r[4])
                .ok_or_else(|| format!("epci.tsv: unknown kind {:?}", r[4]))?;
            epcis.insert(
                (c, r[1].to_owned()),
                Epci {
                    country: c,
                    code: r[1].into(),
                    name: r[2].into(),
                    kind,
                    departement: r[5].into(),
                },
            );
        }
        let mut communes = Vec::new();
        for row in rows("communes.tsv", files.communes, 12) {
            let r = row?;
            let file = "communes.tsv";
            communes.push(Commune {
                country: country(file, r[0])?,
                code: r[1].into(),
                name: r[2].into(),
                name_nl: non_empty(r[3]),
                postal_codes: postal_codes(r[4]),
                population: number(file, "population", r[5])?,
                epci: non_empty(r[6]),
                departement: r[7].into(),
                region: r[8].into(),
                position: Position {
                    lat: number(file, "latitude", r[9])?,
                    lon: number(file, "longitude", r[10])?,
                },
                approximate: r[11] == "1",
            });
        }
        let mut arrondissements = Vec::new();
        for row in rows("arrondissements.tsv", files.arrondissements, 11) {
            let r = row?;
            let file = "arrondissements.tsv";
            arrondissements.push(Arrondissement {
                code: r[1].into(),
                name: r[2].into(),
                postal_codes: postal_codes(r[3]),
                population: number(file, "population", r[4])?,
                commune: r[5].into(),
                position: Position {
                    lat: number(file, "latitude", r[8])?,
                    lon: number(file, "longitude", r[9])?,
                },
            });
        }
        let by_key: HashMap<String, usize> = communes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key(), i))
            .collect();
        for c in &communes {
            if !departements.contains_key(&(c.country, c.departement.clone())) {
                return Err(format!(
                    "commune {} has an unknown département {}",
                    c.key(),
                    c.departement
                ));
            }
            if let Some(epci) = &c.epci
                && !epcis.contains_key(&(c.country, epci.clone()))
            {
                return Err(format!(
                    "commune {} has an unknown intercommunality {epci}",
                    c.key()
                ));
            }
        }
        for a in &arrondissements {
            if !by_key.contains_key(&a.commune) {
                return Err(format!(
                    "arrondissement {} maps to an unknown commune {}",
                    a.code, a.commune
                ));
            }
        }
        let mut epci_members: HashMap<(Country, String), Vec<usize>> = HashMap::new();
        for (i, c) in communes.iter().enumerate() {
            if let Some(epci) = &c.epci {
                epci_members
                    .entry((c.country, epci.clone()))
                    .or_default()
                    .push(i);
            }
        }
        let index = search::Index::build(&communes, &arrondissements);
        Ok(Territories {
            regions,
            departements,
            epcis,
            communes,
            arrondissements,
            by_key,
            epci_members,
            index,
        })
    }

    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    pub fn commune(&self, key: &str) -> Option<&Commune> {
        self.by_key.get(key).map(|&i| &self.communes[i])
    }

    /// A commune by key, or the commune of a municipal arrondissement code (`75115`).
    pub fn resolve(&self, key: &str) -> Option<&Commune> {
        self.commune(key).or_else(|| {
            self.arrondissements
                .iter()
                .find(|a| a.code == key)
                .and_then(|a| self.commune(&a.commune))
        })
    }

    pub fn epci_of(&self, commune: &Commune) -> Option<&Epci> {
        commune
            .epci
            .as_ref()
            .and_then(|code| self.epcis.get(&(commune.country, code.clone())))
    }

    pub fn epci(&self, country: Country, code: &str) -> Option<&Epci> {
        self.epcis.get(&(country, code.to_owned()))
    }

    pub fn epcis(&self) -> impl Iterator<Item = &Epci> {
        self.epcis.values()
    }

    /// The communes of an intercommunality.
    pub fn members(&self, country: Country, epci: &str) -> impl Iterator<Item = &Commune> {
        self.epci_members
            .get(&(country, epci.to_owned()))
            .into_iter()
            .flatten()
            .map(|&i| &self.communes[i])
    }

    pub fn departement_of(&self, commune: &Commune) -> Option<&Departement> {
        self.departements
            .get(&(commune.country, commune.departement.clone()))
    }

    pub fn departement(&self, country: Country, code: &str) -> Option<&Departement> {
        self.departements.get(&(country, code.to_owned()))
    }

    /// The communes a circle covers when it is given as a commune, an intercommunality
    /// or a département (each by its key).
    pub fn covered(&self, level: CoverageLevel, key: &str) -> Vec<&Commune> {
        match level {
            CoverageLevel::Commune => self.commune(key).into_iter().collect(),
            CoverageLevel::Epci => self
                .communes
                .iter()
                .filter(|c| c.epci.as_ref().is_some_and(|e| c.country.key(e) == key))
                .collect(),
            CoverageLevel::Departement => self
                .communes
                .iter()
                .filter(|c| c.country.key(&c.departement) == key)
                .collect(),
        }
    }

    pub fn departements(&self) -> impl Iterator<Item = &Departement> {
        self.departements.values()
    }

    pub fn region_of(&self, commune: &Commune) -> Option<&Region> {
        self.regions.get(&(commune.country, commune.region.clone()))
    }

    pub fn regions(&self) -> impl Iterator<Item = &Region> {
        self.regions.values()
    }

    pub fn arrondissements(&self) -> &[Arrondissement] {
        &self.arrondissements
    }

    /// Communes by name prefix (accents and case ignored) or postal code, most
    /// populous first; see [`search`](self::search).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit<'_>> {
        self.index.search(self, query, limit)
    }
}

/// How close two communes are.
pub fn proximity(a: &Commune, b: &Commune) -> Proximity {
    if a.country != b.country {
        Proximity::Other
    } else if a.code == b.code {
        Proximity::SameCommune
    } else if a.epci.is_some() && a.epci == b.epci {
        Proximity::SameIntercommunality
    } else if a.departement == b.departement {
        Proximity::SameDepartement
    } else if a.region == b.region {
        Proximity::SameRegion
    } else {
        Proximity::SameCountry
    }
}

/// Lower-case, accents removed, hyphens and apostrophes as spaces, spaces collapsed:
/// « Saint-Étienne-du-Rouvray » → « saint etienne du rouvray ».
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(crate::slug::fold_char) {
        let c = if c.is_alphanumeric() { c } else { ' ' };
        if c == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("Compiègne"), "compiegne");
        assert_eq!(fold("Saint-Étienne-du-Rouvray"), "saint etienne du rouvray");
        assert_eq!(fold("L'Haÿ-les-Roses"), "l hay les roses");
        assert_eq!(fold("saint-"), "saint ");
        assert_eq!(fold("  Œuvre  "), "oeuvre ");
    }

    #[test]
    fn great_circle_distance_is_right_on_a_known_pair() {
        let paris = Position {
            lat: 48.8566,
            lon: 2.3522,
        };
        let lyon = Position {
            lat: 45.7640,
            lon: 4.8357,
        };
        let d = paris.distance_km(lyon);
        assert!((d - 391.5).abs() < 2.0, "{d}");
        assert_eq!(paris.distance_km(paris), 0.0);
    }
}
