//! The territory reference data: complete, linked, positioned and searchable.

use mentorat_app::territories::{map_projection, territories};
use mentorat_domain::territory::{Country, EpciKind, Proximity, fold, proximity};

#[test]
fn the_data_covers_every_french_and_belgian_commune() {
    let t = territories();
    let fr = t
        .communes()
        .iter()
        .filter(|c| c.country == Country::Fr)
        .count();
    let be = t
        .communes()
        .iter()
        .filter(|c| c.country == Country::Be)
        .count();
    assert!((34_800..=35_100).contains(&fr), "{fr} French communes");
    assert!((560..=590).contains(&be), "{be} Belgian communes");
    let fr_epci = t.epcis().filter(|e| e.country == Country::Fr).count();
    assert!(
        (1_200..=1_300).contains(&fr_epci),
        "{fr_epci} French intercommunalities"
    );
    assert_eq!(
        t.departements()
            .filter(|d| d.country == Country::Fr)
            .count(),
        101
    );
    assert_eq!(t.regions().filter(|r| r.country == Country::Fr).count(), 18);
    assert_eq!(
        t.arrondissements().len(),
        45,
        "Paris 20, Lyon 9, Marseille 16"
    );
}

#[test]
fn compiegne_sits_in_its_agglomeration_in_oise_in_hauts_de_france() {
    let t = territories();
    let c = t.commune("60159").expect("Compiègne");
    assert_eq!(c.name, "Compiègne");
    assert!(c.postal_codes.contains(&"60200".to_owned()));
    let epci = t.epci_of(c).unwrap();
    assert_eq!(epci.code, "200067965");
    assert_eq!(
        epci.name,
        "CA de la Région de Compiègne et de la Basse Automne"
    );
    assert_eq!(epci.kind, EpciKind::Ca);
    let dep = t.departement_of(c).unwrap();
    assert_eq!((dep.code.as_str(), dep.name.as_str()), ("60", "Oise"));
    let region = t.region_of(c).unwrap();
    assert_eq!(
        (region.code.as_str(), region.name.as_str()),
        ("32", "Hauts-de-France")
    );
    let expected = mentorat_domain::territory::Position {
        lat: 49.418,
        lon: 2.826,
    };
    assert!(c.position.distance_km(expected) < 2.0, "{:?}", c.position);
    assert!(!c.approximate);
}

#[test]
fn ath_is_in_hainaut_in_wallonia() {
    let t = territories();
    let ath = t.commune("BE-51004").expect("Ath");
    assert_eq!(ath.name, "Ath");
    assert_eq!(ath.name_nl.as_deref(), Some("Aat"));
    assert_eq!(t.epci_of(ath).unwrap().kind, EpciKind::Arrondissement);
    assert_eq!(t.departement_of(ath).unwrap().name, "Hainaut");
    assert_eq!(t.region_of(ath).unwrap().name, "Région wallonne");
    assert!(
        t.commune("51004").is_none_or(|c| c.country == Country::Fr),
        "French and Belgian codes never mix"
    );
}

#[test]
fn every_commune_has_a_position_and_compiegne_is_72_km_from_paris() {
    let t = territories();
    for c in t.communes() {
        let p = c.position;
        assert!(
            p.lat.is_finite() && p.lon.is_finite() && p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0,
            "{}",
            c.key()
        );
        assert!(p.lat != 0.0 || p.lon != 0.0, "{} has no position", c.key());
        if c.country == Country::Be {
            assert!(
                (49.4..51.6).contains(&p.lat) && (2.5..6.5).contains(&p.lon),
                "{} outside Belgium",
                c.key()
            );
        }
    }
    let d = t
        .commune("60159")
        .unwrap()
        .position
        .distance_km(t.commune("75056").unwrap().position);
    assert!((d - 72.0).abs() <= 2.0, "Compiègne–Paris {d:.1} km");
}

#[test]
fn proximity_levels_follow_the_territories() {
    let t = territories();
    let c = |k: &str| t.commune(k).unwrap();
    assert_eq!(proximity(c("60159"), c("60159")), Proximity::SameCommune);
    assert_eq!(
        proximity(c("60159"), c("60382")),
        Proximity::SameIntercommunality
    );
    assert_eq!(
        proximity(c("60159"), c("60057")),
        Proximity::SameDepartement
    );
    assert_eq!(proximity(c("60159"), c("59350")), Proximity::SameRegion);
    assert_eq!(proximity(c("60159"), c("75056")), Proximity::SameCountry);
    assert_eq!(proximity(c("59350"), c("BE-51004")), Proximity::Other);
}

#[test]
fn searches_find_what_people_type() {
    let t = territories();
    let first = |q: &str| {
        t.search(q, 10)
            .first()
            .map(|h| (h.commune.key(), h.label().to_owned()))
    };
    for q in ["compi", "compiegne", "Compiègne", "COMPIÈGNE", "60200"] {
        assert_eq!(
            first(q),
            Some(("60159".to_owned(), "Compiègne".to_owned())),
            "{q}"
        );
    }
    assert_eq!(first("ath").unwrap().0, "BE-51004");
    assert_eq!(
        first("aat").unwrap().0,
        "BE-51004",
        "Dutch names are searchable"
    );
    assert_eq!(
        first("paris 15").unwrap(),
        ("75056".to_owned(), "Paris 15e Arrondissement".to_owned())
    );
    assert_eq!(
        first("69003").unwrap().0,
        "69123",
        "an arrondissement postal code maps to Lyon"
    );
    assert!(t.search("zzzz", 10).is_empty());
    assert!(t.search("   ", 10).is_empty());
    assert_eq!(t.search("sa", 7).len(), 7);
}

#[test]
fn saint_returns_the_largest_saint_first_in_population_order() {
    let t = territories();
    let hits = t.search("saint-", 10);
    assert_eq!(hits.len(), 10);
    let largest = t
        .communes()
        .iter()
        .filter(|c| fold(&c.name).starts_with("saint "))
        .max_by_key(|c| c.population)
        .unwrap();
    assert_eq!(hits[0].commune.key(), largest.key(), "{}", largest.name);
    for pair in hits.windows(2) {
        let pop = |h: &mentorat_domain::territory::Hit| {
            h.arrondissement
                .map_or(h.commune.population, |a| a.population)
        };
        assert!(pop(&pair[0]) >= pop(&pair[1]));
        assert!(fold(pair[1].label()).starts_with("saint "));
    }
}

#[test]
fn the_map_projection_places_cities_where_they_are() {
    let p = map_projection();
    let t = territories();
    let at = |k: &str| p.project(t.commune(k).unwrap().position);
    let (lille, paris, lyon, bordeaux, ath) = (
        at("59350"),
        at("75056"),
        at("69123"),
        at("33063"),
        at("BE-51004"),
    );
    assert!(
        lille.y < paris.y && paris.y < lyon.y && lyon.y < bordeaux.y + 100.0,
        "north is up"
    );
    assert!(bordeaux.x < paris.x && paris.x < lyon.x, "west is left");
    assert!(
        ath.x > lille.x && ath.y <= lille.y + 2.0,
        "Ath lies east of Lille, just across the border"
    );
    for point in [lille, paris, lyon, bordeaux, ath] {
        assert!(
            (0.0..613.0).contains(&point.x) && (0.0..585.0).contains(&point.y),
            "{point:?} inside the view box"
        );
    }
}
