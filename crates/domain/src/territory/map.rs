//! The projection of the SVG map of mainland France: WGS 84 positions to map units.
//! The map is a Mercator projection; its coefficients were fitted by the data script
//! (`data/territories/map-projection.tsv`).

use super::Position;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// `x = a·lon + b·M + c`, `y = d·lon + e·M + f`, with `M` the Mercator ordinate in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapProjection {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub e: f64,
    pub f: f64,
}

impl MapProjection {
    /// Reads the `key<TAB>value` lines of `map-projection.tsv`.
    pub fn parse(tsv: &str) -> Result<MapProjection, String> {
        let get = |key: &str| -> Result<f64, String> {
            tsv.lines()
                .filter_map(|l| l.split_once('\t'))
                .find(|(k, _)| *k == key)
                .ok_or_else(|| format!("map-projection.tsv: no {key}"))?
                .1
                .parse()
                .map_err(|_| format!("map-projection.tsv: invalid {key}"))
        };
        Ok(MapProjection {
            a: get("a")?,
            b: get("b")?,
            c: get("c")?,
            d: get("d")?,
            e: get("e")?,
            f: get("f")?,
        })
    }

    pub fn project(&self, p: Position) -> Point {
        let m = (std::f64::consts::FRAC_PI_4 + p.lat.to_radians() / 2.0)
            .tan()
            .ln()
            .to_degrees();
        Point {
            x: self.a * p.lon + self.b * m + self.c,
            y: self.d * p.lon + self.e * m + self.f,
        }
    }
}
