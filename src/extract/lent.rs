//! The extractions of one corpus in, the same out with each undated source re-read against the
//! reference date the sources checked with it agree on (a date *lent* by the others).
//!
//! DESIGN §3 takes a source's reference date from its front matter, `--date` or the latest full date
//! in its text. A source with none of these leaves its weekdays, times and partial dates unresolved,
//! although the sources checked with it were written about the same event. The fallback here lends
//! it their date, conservatively, because a weekday resolved against the wrong week makes a false
//! conflict:
//!
//! - only dates from front matter or `--date` are lent; a date read from a text may be an earlier
//!   event's ("the 2002 quake") and is never passed on;
//! - the lending dates must lie within [`LEND_SPAN_DAYS`] of each other, else nothing is lent;
//! - the undated source is read against the earliest and the latest of them, and only the claims
//!   that come out the same both times are kept. Resolution moves forward with its reference, so a
//!   claim equal at both ends is equal for every day between: "Sunday" survives when no Sunday
//!   falls inside the window, "yesterday" only when the lenders agree on the day; a weekday or a
//!   time dropped so stays the claim it is without a date (see `extract::unanchored`);
//! - the report gives the latest lending date with `date_from` "others" (text: "from others").
//!
//! The risk left: an undated article written a week after the others (a follow-up) reads "Sunday"
//! as the Sunday before their date. Give it a `date:` in its front matter to avoid that.

use jiff::civil::Date;

use super::{extract, Extraction};
use crate::rules::Rules;
use crate::source::{Corpus, DateOrigin, Source};

/// Most days between the earliest and the latest date lent to an undated source.
pub const LEND_SPAN_DAYS: i32 = 3;

/// The earliest and latest reference dates the dated sources of `extractions` give, when they come
/// from front matter or `--date` and lie within [`LEND_SPAN_DAYS`] of each other.
pub fn lendable(extractions: &[Extraction]) -> Option<(Date, Date)> {
    let dates = extractions
        .iter()
        .filter(|e| matches!(e.date_from, DateOrigin::Header | DateOrigin::Flag))
        .filter_map(|e| e.date);
    let (first, last) = dates.fold(None, |acc: Option<(Date, Date)>, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    })?;
    let span = (last - first).get_days();
    (span <= LEND_SPAN_DAYS).then_some((first, last))
}

/// Re-reads every source of `corpus` that has no reference date of its own against the dates the
/// others lend (see the module docs); the rest of `extractions` is left as it is.
pub fn lend(corpus: &Corpus, extractions: &mut [Extraction], rules: &Rules) {
    let Some((first, last)) = lendable(extractions) else { return };
    for (index, (source, extraction)) in corpus.sources.iter().zip(extractions.iter_mut()).enumerate() {
        if extraction.date_from == DateOrigin::None {
            let undated = std::mem::replace(extraction, read_with(source, index, rules, first, last));
            // A weekday dropped for falling in two weeks stays the weekday it was without a date.
            let unanchored = undated.claims.into_iter().filter(|c| c.rule == super::unanchored::RULE);
            let dropped: Vec<_> = unanchored.filter(|u| !extraction.claims.iter().any(|c| c.span == u.span)).collect();
            if !dropped.is_empty() {
                extraction.claims.extend(dropped);
                extraction.claims.sort_by_key(|c| (c.span.start(), c.span.end()));
            }
        }
    }
}

/// The extraction of `source` against a reference date anywhere from `first` to `last`: the claims
/// that resolve the same against both.
fn read_with(source: &Source, index: usize, rules: &Rules, first: Date, last: Date) -> Extraction {
    let dated = |date: Date| {
        let mut lent = source.clone();
        lent.date = Some(date);
        lent.date_from = DateOrigin::Others;
        extract(&lent, index, rules)
    };
    let mut late = dated(last);
    if first != last {
        let early = dated(first);
        late.claims.retain(|c| early.claims.iter().any(|e| e == c));
    }
    late
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Kind;
    use crate::extract::date::from_day_number;
    use jiff::civil::date;

    fn corpus(texts: &[&str]) -> Corpus {
        let mut warnings = Vec::new();
        let sources = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source::new(format!("{i}.md"), (*t).to_string(), &mut warnings))
            .collect();
        Corpus { sources, warnings }
    }

    fn days(e: &Extraction) -> Vec<Option<Date>> {
        let dates = e.claims.iter().filter(|c| c.kind == Kind::Date);
        dates.map(|c| c.value.low().and_then(from_day_number)).collect()
    }

    fn lent(texts: &[&str]) -> Vec<Extraction> {
        let rules = Rules::embedded().unwrap();
        let corpus = corpus(texts);
        let mut extractions: Vec<Extraction> =
            corpus.sources.iter().enumerate().map(|(i, s)| extract(s, i, &rules)).collect();
        lend(&corpus, &mut extractions, &rules);
        extractions
    }

    #[test]
    fn an_undated_source_borrows_the_date_the_others_agree_on() {
        let e = lent(&[
            "---\ndate: 2025-07-13\n---\nThe quake struck on Saturday.\n",
            "---\ndate: 2025-07-14\n---\nIt struck on Saturday.\n",
            "The quake struck Saturday, killing two.\n",
        ]);
        assert_eq!((e[2].date, e[2].date_from), (Some(date(2025, 7, 14)), DateOrigin::Others));
        assert_eq!(days(&e[2])[0], Some(date(2025, 7, 12)));
    }

    #[test]
    fn a_claim_that_depends_on_where_in_the_window_is_dropped() {
        // Between the 12th (a Saturday) and the 14th a Sunday falls: "Sunday" could be either week.
        let e = lent(&[
            "---\ndate: 2025-07-12\n---\nx 1\n",
            "---\ndate: 2025-07-14\n---\nx 2\n",
            "It began on Sunday and ended on Thursday; 5 people were hurt.\n",
        ]);
        assert_eq!(e[2].date_from, DateOrigin::Others);
        assert_eq!(days(&e[2]), [None, Some(date(2025, 7, 10))]);
        assert_eq!(e[2].claims[0].unit, "weekday:sunday");
        assert!(e[2].claims.iter().any(|c| c.kind == Kind::Count), "claims that need no date stay");
    }

    #[test]
    fn nothing_is_lent_from_dates_far_apart_or_read_from_a_text() {
        let far = lent(&["---\ndate: 2025-07-01\n---\nx\n", "---\ndate: 2025-07-13\n---\ny\n", "on Saturday\n"]);
        assert_eq!((far[2].date, far[2].date_from), (None, DateOrigin::None));
        let text = lent(&["Written on July 13, 2025.\n", "on Saturday\n"]);
        assert_eq!(text[0].date_from, DateOrigin::Text);
        assert_eq!((text[1].date, text[1].date_from), (None, DateOrigin::None));
    }
}
