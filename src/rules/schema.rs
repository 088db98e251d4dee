//! The shape of a `rules/*.toml` file as written by people; checked with `deny_unknown_fields`.
//! The build script (`src/build.rs`) writes the shipped files out in this shape as JSON, without
//! their `examples` (`skip_serializing`): those are read from the TOML only when they are run.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One rules file. Every section is optional, so a project can put any of them in any file.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Number words, scale words and suffixes.
    pub numbers: Option<NumbersSection>,
    /// Words that qualify a number ("around", "more than").
    #[serde(default)]
    pub hedge: Vec<HedgeRule>,
    /// Quantities said without a number ("dozens", "high triple-digit").
    #[serde(default)]
    pub vague: Vec<VagueRule>,
    /// Units of measure and of time.
    #[serde(default)]
    pub unit: Vec<UnitRule>,
    /// Currencies, by symbol, code and name.
    #[serde(default)]
    pub currency: Vec<CurrencyRule>,
    /// Words that mean the same in a subject (troops ~ soldiers, DPRK ~ North Korea).
    #[serde(default)]
    pub alias: Vec<AliasRule>,
    /// Text whose numbers are not claims (page furniture such as "2 min read").
    #[serde(default)]
    pub ignore: Vec<IgnoreRule>,
    /// Month, weekday, season and part-of-period words.
    pub dates: Option<DatesSection>,
    /// Subject extraction: which words carry no meaning of their own.
    pub subject: Option<SubjectSection>,
    /// Alignment thresholds.
    pub align: Option<AlignSection>,
    /// How far apart two values may be before they conflict, per kind.
    #[serde(default)]
    pub tolerance: Vec<ToleranceRule>,
    /// Claims a project has reviewed and wants silenced (see `crate::suppress`).
    #[serde(default)]
    pub suppress: Vec<SuppressRule>,
}

/// A rule's own check: a text and what extracting it must give.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The sentence to extract from.
    pub text: String,
    /// The kind the claim must have.
    pub kind: Option<String>,
    /// The exact value the claim must have (a number, or an ISO date for dates).
    pub value: Option<ExampleValue>,
    /// The claim's lower bound (`"open"` for none).
    pub low: Option<ExampleValue>,
    /// The claim's upper bound (`"open"` for none).
    pub high: Option<ExampleValue>,
    /// The claim's canonical unit.
    pub unit: Option<String>,
    /// When true, the text must give no claim (of `kind`, when given).
    #[serde(default)]
    pub none: bool,
    /// Reference date for relative dates in the example.
    pub date: Option<String>,
    /// A word the claim's subject must be narrowed by ("another" for "a further 20,000").
    pub qualifier: Option<String>,
    /// The place the claim must be tied to ("aceh" for "24 killed in Aceh"); `""` for none.
    pub place: Option<String>,
    /// Whether the claim must date a statement ("the report released Nov. 10"), or must not.
    pub statement: Option<bool>,
    /// Whether the claim must count occurrences ("arrested four times"), or must not ("shot seven
    /// times" counts the bullets that hit).
    pub times: Option<bool>,
    /// Whether the claim must be told as one side of a dispute ("conflicting reports"), or must not.
    pub disputed: Option<bool>,
}

/// A number, or a string such as an ISO date or `"open"`.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ExampleValue {
    /// A plain number.
    Number(f64),
    /// An ISO date, or `"open"` for an unbounded side.
    Text(String),
}

/// Number words and scales.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NumbersSection {
    /// Words that are numbers by themselves ("one" = 1, "twenty" = 20, "dozen" = 12).
    #[serde(default)]
    pub words: BTreeMap<String, f64>,
    /// Words that multiply what precedes them ("hundred", "million").
    #[serde(default)]
    pub scales: BTreeMap<String, f64>,
    /// Scale suffixes written against digits ("3bn", "5m", "10k").
    #[serde(default)]
    pub suffixes: BTreeMap<String, f64>,
    /// Ordinal words ("first" = 1); they are not counts but can be days of a month.
    #[serde(default)]
    pub ordinals: BTreeMap<String, f64>,
    /// Denominator words of fractions ("third" = 3, "quarter" = 4), singular; "thirds" is read too.
    #[serde(default)]
    pub fractions: BTreeMap<String, f64>,
    /// Words that make the number after them negative ("minus", "negative").
    #[serde(default)]
    pub negatives: Vec<String>,
    /// Nouns after "a single" that it tells a kind of, not a number of ("a single mother", "a
    /// single room"): there "a single" is no count of one.
    #[serde(default)]
    pub single_kinds: Vec<String>,
    /// Words before "a single" that make it none ("not a single shell").
    #[serde(default)]
    pub single_negations: Vec<String>,
    /// Guns that a decimal written without its zero right before them gives the calibre of (".357
    /// revolver", ".22 rifle"), as if "caliber" stood between them.
    #[serde(default)]
    pub calibre_nouns: Vec<String>,
    /// Scale letters glued before a currency code ("M" of "MUSD", "MEUR", as business wires write
    /// millions), to their factor.
    #[serde(default)]
    pub code_scales: BTreeMap<String, f64>,
    /// Examples that must extract.
    #[serde(default, skip_serializing)]
    pub examples: Vec<Example>,
}

/// A word or phrase that qualifies a number.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeRule {
    /// Lower-case phrases, matched as whole words.
    pub phrases: Vec<String>,
    /// Where the phrase stands: before the number (default) or after it ("or more").
    #[serde(default)]
    pub position: HedgePosition,
    /// What the phrase does to the number.
    pub mode: HedgeMode,
    /// For `approx` and `nearly`: the relative width (0.05 widens 11,000 to 10,450..11,550).
    #[serde(default)]
    pub relative: Option<f64>,
    /// Examples that must extract.
    #[serde(default, skip_serializing)]
    pub examples: Vec<Example>,
}

/// Where a hedge stands relative to its number.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HedgePosition {
    /// "around 11,000".
    #[default]
    Before,
    /// "11,000 or more".
    After,
}

/// What a hedge does to its number.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeMode {
    /// Widens both sides by `relative`.
    Approx,
    /// Widens the lower side by `relative`: a little below, never above.
    Nearly,
    /// Strictly above: `x+1..` for whole counts.
    MoreThan,
    /// `x..`.
    AtLeast,
    /// `..x`.
    AtMost,
    /// Strictly below.
    LessThan,
    /// For dates: from then on ("since").
    Since,
    /// For dates: up to then ("by", "before").
    Until,
}

/// A quantity said without a number.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VagueRule {
    /// Lower-case phrases ("dozens", "tens of thousands").
    pub phrases: Vec<String>,
    /// The least it can mean.
    pub low: f64,
    /// The most it can mean (absent: no upper bound).
    pub high: Option<f64>,
    /// Examples that must extract.
    #[serde(default, skip_serializing)]
    pub examples: Vec<Example>,
}

/// A unit of measure (kind `quantity`), of time (`duration`) or of proportion (`percent`).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitRule {
    /// The canonical name shown in reports.
    pub name: String,
    /// `quantity`, `duration` or `percent`.
    pub kind: String,
    /// What is measured; values of one dimension are compared in its base unit.
    pub dimension: String,
    /// How many base units one of this unit is.
    #[serde(default = "one")]
    pub factor: f64,
    /// Added after scaling (temperatures).
    #[serde(default)]
    pub offset: f64,
    /// Spellings, lower-case unless case matters ("km", "kilometres", "°C").
    pub aliases: Vec<String>,
    /// When true, the unit may stand before the number ("magnitude 6.1").
    #[serde(default)]
    pub prefix: bool,
    /// When true, spellings are matched case-sensitively (for "m", "M", "K").
    #[serde(default)]
    pub case_sensitive: bool,
    /// Spellings read only as the smaller part of a measure in two parts ("2 in" of "5 ft 2 in"),
    /// where alone they would be common words.
    #[serde(default)]
    pub second_aliases: Vec<String>,
    /// Names of the larger units this one completes in a measure in two parts ("inch" completes
    /// "foot": "5 feet 2 inches"); metric measures are written as decimals instead.
    #[serde(default)]
    pub completes: Vec<String>,
    /// The unit this one is a sense of: that unit's spellings read as this one when a word of
    /// `cues` stands in the same sentence ("degrees" is an angle in "rotate 90 degrees").
    #[serde(default)]
    pub sense_of: Option<String>,
    /// The words that select this sense (see `sense_of`).
    #[serde(default)]
    pub cues: Vec<String>,
    /// Examples that must extract.
    #[serde(default, skip_serializing)]
    pub examples: Vec<Example>,
}

fn one() -> f64 {
    1.0
}

/// A currency.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyRule {
    /// ISO 4217 code, the canonical unit of money claims.
    pub code: String,
    /// Symbols written before the number ("$", "US$", "€").
    #[serde(default)]
    pub symbols: Vec<String>,
    /// Lower-case names written after the number ("dollars", "euros").
    #[serde(default)]
    pub words: Vec<String>,
    /// Names that are also units of measure ("pounds"): money only after a scale word
    /// ("361 million pounds"), otherwise left to the units.
    #[serde(default)]
    pub unit_words: Vec<String>,
    /// Smaller units, largest first ("cents" of the dollar, "mao" and "fen" of the yuan): an
    /// amount written in two parts ("3 dollars 50 cents") is read as one.
    #[serde(default)]
    pub minor: Vec<MinorUnit>,
    /// Examples that must extract.
    #[serde(default, skip_serializing)]
    pub examples: Vec<Example>,
}

/// A smaller unit of a currency.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MinorUnit {
    /// Lower-case names ("cent", "cents").
    pub words: Vec<String>,
    /// How many make one of the currency ("100").
    pub per: f64,
}

/// Words that mean the same thing in a subject.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AliasRule {
    /// The canonical term.
    pub canonical: String,
    /// Lower-case words or phrases that mean it.
    pub words: Vec<String>,
    /// When true, the term names what is counted, so it can be a count's unit ("soldier", "dead").
    #[serde(default)]
    pub countable: bool,
    /// Counted terms this one takes in ("casualty" takes in "dead" and "injured"): a count of
    /// none of it is a count of none of each.
    #[serde(default)]
    pub covers: Vec<String>,
    /// Pairs of phrases that must resolve to the same term.
    #[serde(default, skip_serializing)]
    pub examples: Vec<[String; 2]>,
}

/// Text whose numbers are not claims.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreRule {
    /// A short name.
    pub name: String,
    /// A regular expression; numbers inside a match are ignored.
    pub pattern: String,
    /// Why it is ignored.
    pub why: String,
    /// Texts in which the pattern must match and no claim may be found inside the match.
    #[serde(default, skip_serializing)]
    pub examples: Vec<String>,
}

/// A claim or a set of claims to silence: every given field must match.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SuppressRule {
    /// A source path: the display path itself, a folder holding it, or a path it ends with.
    pub path: Option<String>,
    /// Text the claim's quoted span contains, compared case-insensitively ("25,000").
    pub text: Option<String>,
    /// The 1-based line the claim starts on.
    pub line: Option<usize>,
    /// Why it is silenced, for the people who read the rules file.
    pub reason: Option<String>,
}

/// Calendar words.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatesSection {
    /// Month names and abbreviations to month numbers.
    #[serde(default)]
    pub months: BTreeMap<String, u8>,
    /// Weekday names and abbreviations to ISO weekday numbers (Monday = 1).
    #[serde(default)]
    pub weekdays: BTreeMap<String, u8>,
    /// Seasons to `[first month, last month]` (northern hemisphere, as news agencies write).
    #[serde(default)]
    pub seasons: BTreeMap<String, [u8; 2]>,
    /// Parts of a month to `[first day, last day]` ("start" = [1, 10]); 31 means the last day.
    #[serde(default)]
    pub parts: BTreeMap<String, [u8; 2]>,
    /// Words that put a sentence in the future tense, so partial dates resolve forwards.
    #[serde(default)]
    pub future_markers: Vec<String>,
    /// Vague counts of time units to `[low, high]` ("a couple of days" = [2, 2], "a few weeks").
    #[serde(default)]
    pub vague_counts: BTreeMap<String, [f64; 2]>,
    /// Words that make one whole unit of time of a bare unit ("all day", "a full year").
    #[serde(default)]
    pub whole: Vec<String>,
    /// Month words that are also names or words ("May", "April"): alone, a date only when introduced.
    #[serde(default)]
    pub ambiguous_months: Vec<String>,
    /// Month words that are also English verbs in lower case ("it may rain", "march on", "mar the
    /// vote"): such a word needs a capital, a digit day or an introducer to be a month.
    #[serde(default)]
    pub verb_months: Vec<String>,
    /// Words that open what "a day before" may count from (determiners, pronouns, relative
    /// dates): "the day before the vote" names its own anchor, "said the day before" does not.
    #[serde(default)]
    pub day_anchors: Vec<String>,
    /// Decades in words to their first year ("seventies" = 1970, "noughties" = 2000).
    #[serde(default)]
    pub decades: BTreeMap<String, u16>,
    /// Minutes a hedged time of day ("about 3 p.m.") is widened by on each side.
    pub time_hedge_minutes: Option<f64>,
    /// Words that make a time of day the page's own time stamp ("Updated 12:41 GMT").
    #[serde(default)]
    pub time_furniture: Vec<String>,
    /// Time zones written after a time of day ("ET", "GMT"), kept in the claim's span.
    #[serde(default)]
    pub time_zones: Vec<String>,
    /// Zones of universal time ("GMT", "UTC"): a time told in one is never set against a local one.
    #[serde(default)]
    pub universal_zones: Vec<String>,
    /// Examples that must extract.
    #[serde(default, skip_serializing)]
    pub examples: Vec<Example>,
}

/// Subject extraction settings.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectSection {
    /// Words that carry no meaning of their own.
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Nouns too general to name what is counted ("people"): the word after them is used instead.
    #[serde(default)]
    pub generic: Vec<String>,
    /// How many words either side of a number are read for its subject.
    pub window: Option<usize>,
    /// Words after which a number names something rather than counts it ("Route 66", "No. 5").
    #[serde(default)]
    pub identifiers: Vec<String>,
    /// Words that, written between a number and its noun, narrow what is counted to a part
    /// ("four hardest-hit villages", "two other buildings"); an entry starting with `-` is an
    /// ending ("-est" for superlatives).
    #[serde(default)]
    pub narrowing: Vec<String>,
    /// Words before a figure that make it an addition to figures told before ("another four",
    /// "a further 20,000"): one qualifier however worded, the first.
    #[serde(default)]
    pub added: Vec<String>,
    /// Words that after "of" make the figure beside them a part of one told just before ("five
    /// bombs were dropped, of which four exploded"; "23 pirates, 12 of them Somali").
    #[serde(default)]
    pub partitive: Vec<String>,
    /// Words that, beside a figure in its clause, make it a part by severity ("eight seriously
    /// injured"), not the whole toll; the words of `critical` and `mild` are such words too.
    #[serde(default)]
    pub severity: Vec<String>,
    /// Words of severity of the gravest degree ("critically injured", "in critical condition"): a figure so told counts the gravely hurt, a role of its own.
    #[serde(default)]
    pub critical: Vec<String>,
    /// Words of severity of the lightest degree ("slightly injured", "minor injuries"): a figure so told and one told gravely are two parts, never in dispute.
    #[serde(default)]
    pub mild: Vec<String>,
    /// Verbs of striking a person that, right before "N times", make the figure the blows of one
    /// attack ("shot seven times"), not occurrences.
    #[serde(default)]
    pub blows: Vec<String>,
    /// Verbs that, before a count in its clause, make it a role of their own whatever the noun
    /// ("fired 11 shots", "loaded with four bullets"): the role is the verb's alias.
    #[serde(default)]
    pub gun_verbs: Vec<String>,
    /// Verbs of estimating whose object names what the figure after their "at" counts ("police put
    /// the march at 30,000", "officials put the death toll at 24"), however far the two stand.
    #[serde(default)]
    pub estimates: Vec<String>,
    /// Words that, in a figure's sentence before it, make it the latest of a series ("Most
    /// recently, it raised $20 million"), a part of the series' total.
    #[serde(default)]
    pub instalment: Vec<String>,
    /// Words that, right before a figure, make it a part of the figure told before it ("842
    /// aftershocks, including 54 stronger than five").
    #[serde(default)]
    pub including: Vec<String>,
    /// Verbs of publishing that, right before a date ("released Nov. 10", "issued on Wednesday"),
    /// make it the date of a statement rather than of the event it tells of.
    #[serde(default)]
    pub statements: Vec<String>,
    /// Nouns of statements that, right after a date ("a November 9 press conference",
    /// "Wednesday's statement"), make it the date of that statement.
    #[serde(default)]
    pub statement_nouns: Vec<String>,
    /// Words by which a writer says the accounts of a figure disagree ("the conflicting reports",
    /// "contrary to initial estimates"): a figure in their sentence or the one before is told as
    /// one side of a dispute.
    #[serde(default)]
    pub disputes: Vec<String>,
    /// Words that join two clauses ("killing three people and injuring dozens"): a general noun's
    /// counted word is not sought past them, since it belongs to the next clause's figure.
    #[serde(default)]
    pub clause_joins: Vec<String>,
    /// Words that end the name of an institution ("Union", "Fund", "Survey"): such a name after
    /// "from" or "of" tells who lends or measures, not where a figure happened.
    #[serde(default)]
    pub institutions: Vec<String>,
    /// Examples that must extract.
    #[serde(default, skip_serializing)]
    pub examples: Vec<Example>,
}

/// Alignment settings.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AlignSection {
    /// Least subject similarity (0..1) for two claims of different sources to be grouped.
    pub threshold: Option<f32>,
    /// Least similarity when both claims state the very same value at the same precision: two
    /// sources giving "June 2024" about one treaty need less subject evidence to be grouped, and
    /// grouping them can only ever yield an agreement.
    pub threshold_same_value: Option<f32>,
    /// Least similarity when the two values overlap without being the same (a wrong grouping can
    /// then only yield a false "compatible").
    pub threshold_overlap: Option<f32>,
    /// Least similarity for the very same count told of two counted nouns ("three bank workers",
    /// "three dead") or of a counted noun and a bare figure ("captured 23").
    pub threshold_other_role: Option<f32>,
    /// Least similarity for a bare figure ("captured 23") and the very same figure of a counted
    /// noun ("23 pirates").
    pub threshold_bare: Option<f32>,
    /// Least similarity of the pooled words of two groups that tell the very same value for them
    /// to join: outlets word one fact in many ways, and a group's pooled words say more than one
    /// sentence.
    pub threshold_pooled: Option<f32>,
    /// Least similarity for the very same figure of the very same counted noun ("three dead",
    /// "3 dead"): in one story that is one fact unless the words around say otherwise.
    pub threshold_same_figure: Option<f32>,
    /// Least similarity for two outlets' only figures of one role ("seven bridges", "8 bridges"),
    /// told of the same circumstances and near each other: the same fact, told alike or not.
    pub threshold_sole: Option<f32>,
    /// Least similarity of the pooled words of two value camps of one role ("four bombs were
    /// dropped" told by three outlets, "five bombs" by another) for them to be one fact disputed.
    pub threshold_camps: Option<f32>,
    /// Dimensions of measures of which one thing has one value (a quake's magnitude): an outlet
    /// giving two values of such a measure reports a dispute between its sources, not two facts.
    pub one_value_dimensions: Option<Vec<String>>,
    /// Least similarity for the very same figure told once as an addition ("an additional four
    /// died in hospital") and once plainly ("four died in hospitals").
    pub threshold_added: Option<f32>,
    /// Largest ratio between two such only figures of a count ("two boats", "three boats").
    pub max_sole_ratio: Option<f64>,
    /// The same for a measure, whose outlets differ by less ("magnitude 7.6", "7.7").
    pub max_sole_measure_ratio: Option<f64>,
    /// Largest ratio between a bound ("at least five dead") and another outlet's figure it fits
    /// ("40") for the bound to be an early account of that figure.
    pub max_loose_ratio: Option<f64>,
    /// Largest ratio between two outlets' only distances from one named place ("1,500 km from
    /// Tehran", "1,150 km southeast of Tehran") to be one distance in dispute.
    pub max_place_ratio: Option<f64>,
    /// Least number of sources agreeing on a role's figure for another outlet's only figure of
    /// that role to join them as an outlier ("two boats" told by four, "three boats" by one).
    pub outlier_sources: Option<usize>,
    /// Least number of sources telling a day alike ("Sunday", "Nov. 27") for another mention of
    /// that very day, worded otherwise, to join them as the same day told again.
    pub day_sources: Option<usize>,
    /// Least similarity for two dates that do not overlap: a story dates many things (the
    /// event, statements, earlier events), so a false conflict among dates is easy to make.
    pub threshold_date_conflict: Option<f32>,
    /// Least similarity for two dates that are the same day, month or year: many things of one
    /// story happen on one day, so a shared date is weaker evidence than a shared count.
    pub threshold_same_date: Option<f32>,
    /// Largest ratio between two disjoint values that may still be a conflict about one fact;
    /// beyond it they are two facts ("3" and "200").
    pub max_conflict_ratio: Option<f64>,
    /// Largest ratio between two sums in different currencies that may be one sum converted
    /// (exchange rates move, so no rate is assumed: only the order of magnitude is checked).
    pub max_currency_ratio: Option<f64>,
    /// Least similarity for two terms to count as the same word (Jaro-Winkler, 0..1).
    pub fuzzy_term: Option<f32>,
}

/// How far two values of one kind may be apart and still not conflict.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ToleranceRule {
    /// The kind this applies to.
    pub kind: String,
    /// Two values within this share of their magnitude are compatible (0.0 = exact).
    #[serde(default)]
    pub relative: f64,
    /// Two values within this absolute distance are compatible.
    #[serde(default)]
    pub absolute: f64,
    /// A round number ("230,000") is compatible with a value within this share that rounds to it.
    #[serde(default)]
    pub rounding: f64,
}
