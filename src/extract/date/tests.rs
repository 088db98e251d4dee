//! Unit tests of the date matcher and its resolution against the policy for news.

use super::*;
use crate::extract::lexer::tokenize;
use jiff::civil::{date, Date};

fn first_date(text: &str, reference: Date, future: bool) -> Option<(Date, Date)> {
    let rules = Rules::embedded().unwrap();
    let tokens = tokenize(text, 0, text.len());
    (0..tokens.len())
        .find_map(|i| match_date(&tokens, text, &rules, i))
        .and_then(|m| resolve(&m.expr, Some(reference), future))
        .map(|(a, b, _)| (a, b))
}

#[test]
fn absolute_dates_in_every_spelling() {
    let r = date(2025, 7, 13);
    let d = date(2025, 7, 12);
    for text in [
        "on July 12, 2025.",
        "on 12 July 2025",
        "on 2025-07-12",
        "on 7/12/2025",
        "on July 12th, 2025",
        "on Saturday, July 12, 2025",
    ] {
        assert_eq!(first_date(text, r, false), Some((d, d)), "{text}");
    }
}

#[test]
fn partial_dates_follow_the_policy() {
    let r = date(2025, 7, 13);
    assert_eq!(first_date("on July 2", r, false), Some((date(2025, 7, 2), date(2025, 7, 2))));
    assert_eq!(first_date("on December 2", r, false), Some((date(2024, 12, 2), date(2024, 12, 2))));
    assert_eq!(first_date("on December 2", r, true), Some((date(2025, 12, 2), date(2025, 12, 2))));
    assert_eq!(first_date("since October", r, false), Some((date(2024, 10, 1), date(2024, 10, 31))));
    assert_eq!(first_date("by late July", r, false), Some((date(2025, 7, 21), date(2025, 7, 31))));
    assert_eq!(first_date("the spring", r, false), Some((date(2025, 3, 1), date(2025, 5, 31))));
    assert_eq!(first_date("last winter", r, false), Some((date(2024, 12, 1), date(2025, 2, 28))));
    assert_eq!(first_date("on Saturday", r, false), Some((date(2025, 7, 12), date(2025, 7, 12))));
    assert_eq!(first_date("on Monday", r, true), Some((date(2025, 7, 14), date(2025, 7, 14))));
    assert_eq!(first_date("last year", r, false), Some((date(2024, 1, 1), date(2024, 12, 31))));
    assert_eq!(first_date("three days ago", r, false), Some((date(2025, 7, 10), date(2025, 7, 10))));
    assert_eq!(first_date("early 2024", r, false), Some((date(2024, 1, 1), date(2024, 4, 30))));
}

#[test]
fn years_need_a_context_that_reads_as_a_year() {
    let r = date(2025, 7, 13);
    assert!(first_date("the 2004 tsunami", r, false).is_some());
    assert!(first_date("2000 people", r, false).is_none());
    assert_eq!(first_date("from 2008-2011", r, false), Some((date(2008, 1, 1), date(2011, 12, 31))));
    assert!(first_date("It may rain", r, false).is_none());
}

#[test]
fn a_full_stop_after_a_full_month_name_ends_the_sentence() {
    let rules = Rules::embedded().unwrap();
    for (text, end) in [("by the end of July. Next", "July"), ("on Aug. 5, 2024", "2024")] {
        let tokens = tokenize(text, 0, text.len());
        let m = (0..tokens.len()).find_map(|i| match_date(&tokens, text, &rules, i)).unwrap();
        assert_eq!(&text[tokens[m.end - 1].start..tokens[m.end - 1].end], end, "{text}");
    }
}

#[test]
fn day_numbers_round_trip() {
    let d = date(2025, 7, 12);
    assert_eq!(from_day_number(day_number(d)), Some(d));
    assert_eq!(day_number(date(1970, 1, 2)), 1.0);
}
