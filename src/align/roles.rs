//! Claims and the `Rules` in, each claim's role out: what it is a figure of (the dead, bridges, a
//! magnitude), and the key of the block it is compared in.

use std::collections::BTreeMap;

use crate::claim::{Claim, Kind, Term};
use crate::extract::unanchored::CLOCK;
use crate::rules::Rules;

/// What a claim is a figure of: its kind and the thing, interned (a pile's claims are hundreds of
/// thousands, of a few hundred roles).
pub(super) type Role = (Kind, Term);

/// What a claim is a figure of: its kind and the thing it measures or counts, where a count's
/// unit is what it counts. A count of a general noun ("at least five people", "the 23") takes the
/// countable word its clause is about ("killing at least five people" counts the dead), so
/// "five dead" and "killing five people" share a role while the dead and the injured never do. A
/// figure with decimals counts nothing: when its own clause names a unit of measure ("a
/// preliminary magnitude of 4.6" read as a bare 4.6) it joins that measure. Money is money in any
/// currency: one sum is often given in two ("2m euros ($2.6m)"). Units are folded to their
/// canonical singular, so "12 Somalis" and "12 Somali" count one thing.
pub(super) fn role_of(claim: &Claim, rules: &Rules) -> Role {
    if claim.kind == Kind::Money {
        return (claim.kind, Term::none());
    }
    if claim.kind != Kind::Count {
        return (claim.kind, claim.unit);
    }
    if claim.subject.times {
        // "Arrested four times" counts occurrences, not the arrested.
        return (claim.kind, Term::new("times"));
    }
    if claim.subject.critical {
        // "15 critically", "10 of whom remain critical": the critically injured, whatever noun.
        return (claim.kind, Term::new("critical"));
    }
    let unit = crate::extract::subject::canonical_word(&claim.unit, rules).unwrap_or_default();
    let whole =
        claim.nominal.low().is_none_or(|x| x.fract() == 0.0) && claim.nominal.high().is_none_or(|x| x.fract() == 0.0);
    if !whole {
        let measure = claim
            .subject
            .terms
            .iter()
            .filter(|(_, w)| *w >= ROLE_WEIGHT)
            .filter_map(|(t, _)| rules.unit(t))
            .find(|u| u.kind == Kind::Quantity && u.factor == 1.0 && u.offset == 0.0);
        if let Some(u) = measure {
            return (Kind::Quantity, Term::new(rules.base_unit(&u.dimension)));
        }
        // "4.6 quake rattles Sonoma", "a 2.9 aftershock": a figure with decimals counts no
        // rattles and no aftershocks; it names nothing it measures, so `roles_of` may give it the
        // measure the corpus gives its value.
        return (claim.kind, Term::none());
    }
    if !unit.is_empty() && unit != "people" && !rules.generic.contains(unit.as_str()) {
        return (claim.kind, Term::new(&unit));
    }
    let role = claim
        .subject
        .terms
        .iter()
        .filter(|(t, w)| *w >= ROLE_WEIGHT && t != "people" && rules.countable.contains(t.as_str()))
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or("", |(t, _)| t.as_str());
    (claim.kind, Term::new(role))
}

/// Every claim's role (`role_of`), where a figure with decimals that names nothing it measures
/// ("two quakes measuring 7.6 and 7.4", "it was 6.1") takes the measure another claim of the
/// corpus gives that very value in ("a 7.6-magnitude quake", or "a magnitude of 2.2" read as a
/// decimal beside the word), when only one measure does: a bare
/// decimal is no count, and outlets name the measure once and repeat the figure alone. One pass
/// over the claims, so the cost follows their number.
pub(super) fn roles_of(claims: &[Claim], rules: &Rules) -> Vec<Role> {
    let mut roles: Vec<Role> = claims.iter().map(|c| role_of(c, rules)).collect();
    let decimal = |c: &Claim| c.nominal.is_exact() && c.nominal.low().is_some_and(|x| x.fract() != 0.0);
    // Per decimal value as written, the one measure it is given in, or `None` when several are.
    let mut measures: BTreeMap<u64, Option<Term>> = BTreeMap::new();
    for (c, role) in claims.iter().zip(&roles) {
        if role.0 == Kind::Quantity && decimal(c) {
            let key = c.nominal.low().unwrap_or_default().to_bits();
            let entry = measures.entry(key).or_insert(Some(role.1));
            if *entry != Some(role.1) {
                *entry = None;
            }
        }
    }
    let adopted: Vec<Option<Term>> = claims
        .iter()
        .zip(&roles)
        .map(|(c, role)| {
            let bare = c.kind == Kind::Count && role.0 == Kind::Count && role.1.is_empty();
            if !bare || !decimal(c) {
                return None;
            }
            measures.get(&c.nominal.low().unwrap_or_default().to_bits()).copied().flatten()
        })
        .collect();
    for (role, measure) in roles.iter_mut().zip(adopted) {
        if let Some(m) = measure {
            *role = (Kind::Quantity, m);
        }
    }
    adopt_listed(claims, &mut roles);
    roles
}

/// A bare decimal listed right beside a decimal of a measure ("two quakes, measuring 7.6 and
/// 7.4") takes that measure: a list holds figures of one thing, and the writer names the measure
/// once. Reads the measured decimals once and each bare decimal's neighbours among them, so the
/// cost follows the number of decimals.
fn adopt_listed(claims: &[Claim], roles: &mut [Role]) {
    let decimal = |c: &Claim| c.nominal.is_exact() && c.nominal.low().is_some_and(|x| x.fract() != 0.0);
    // Per source, the measured decimals by where they start and end.
    let mut measured: BTreeMap<(u32, usize), (usize, usize)> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if roles[i].0 == Kind::Quantity && decimal(c) {
            measured.insert((c.source, c.span.start()), (c.span.end(), i));
        }
    }
    let mut adopted = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if !(c.kind == Kind::Count
            && roles[i].0 == Kind::Count
            && roles[i].1.is_empty()
            && c.unit.is_empty()
            && decimal(c))
        {
            continue;
        }
        // The measured decimal ending just before this one, or starting just after it.
        let before = measured
            .range((c.source, c.span.start().saturating_sub(64))..(c.source, c.span.start()))
            .rev()
            .find(|(_, &(end, _))| end <= c.span.start() && c.span.start() - end <= super::lists::LIST_GAP);
        let after = measured.range((c.source, c.span.end())..=(c.source, c.span.end() + super::lists::LIST_GAP)).next();
        if let Some((_, &(_, m))) = before.or(after) {
            adopted.push((i, roles[m]));
        }
    }
    for (i, role) in adopted {
        roles[i] = role;
    }
}

/// The key that claims must share to be compared at all. Counts of every role meet, since
/// outlets name one count by different nouns ("three bank workers", "three dead", "23 pirates",
/// "captured 23"); which roles may be grouped, and how, is judged pair by pair (`align_block`).
/// Ages meet the counts too: an age is written "a 46-year-old" as often as a bare figure after a
/// name ("Scott Russell, 46", "both 51"). Every other kind meets only its own unit or measure.
pub(super) fn block_key<'a>(role: &'a Role, rules: &Rules) -> (Kind, &'a str) {
    match role.0 {
        Kind::Count => (Kind::Count, ""),
        Kind::Quantity if is_age(role, rules) => (Kind::Count, ""),
        // Times of day without a calendar day ("3.45pm", "about 3pm") meet each other, as dated
        // times do: `compare` sets them on one day.
        Kind::Date if role.1.starts_with(CLOCK) => (Kind::Date, CLOCK),
        kind => (kind, role.1.as_str()),
    }
}

/// Whether a role is an age ("a 95-year-old").
fn is_age(role: &Role, rules: &Rules) -> bool {
    role.0 == Kind::Quantity && rules.units.iter().any(|u| u.name == *role.1 && u.dimension == "age")
}

/// Least subject weight of a countable word to say what a general count counts: a word of the
/// claim's own clause, not one borrowed from further off.
pub(super) const ROLE_WEIGHT: f32 = 0.5;
