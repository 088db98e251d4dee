//! What alignment hands on: each group's claims and the grounds it was formed on beyond the
//! likeness of their sentences, so the report's one-line reason says what the aligner did rather
//! than guessing it again.

/// A ground, other than the likeness of their sentences, on which claims were grouped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ground {
    /// Every member is its source's only figure of this role (`sole`): such figures are one fact
    /// even when their sentences share few words.
    Sole(String),
    /// Source `source`'s only figure of `role`, left on its own, joined the figure that `others`
    /// other sources agree on (`sole::outlier_targets`).
    Outlier {
        /// The outlier's source.
        source: usize,
        /// The role it is the only figure of.
        role: String,
        /// How many other sources tell the figure it joined.
        others: usize,
    },
    /// Source `source`'s figure of `role`, left on its own, joined the figures that `others`
    /// other sources list where it lists it, beside one figure of a group (`lists`).
    Listed {
        /// The listing source.
        source: usize,
        /// The role of the figures listed.
        role: String,
        /// How many other sources tell the figure it joined.
        others: usize,
    },
    /// Another mention of a day that `sources` sources, the joined one included, tell alike
    /// (`days::day_targets`).
    Day {
        /// How many sources tell the day.
        sources: usize,
    },
    /// The times of day that `sources` sources each give as their only time of the story's day
    /// (`times::time_targets`).
    Time {
        /// How many sources give a time.
        sources: usize,
    },
    /// Source `source`'s only distance from `place`, left on its own, joined the distance from
    /// that place `others` other sources give as their only one (`places::place_targets`).
    Place {
        /// The joining source.
        source: usize,
        /// The place the distances are measured from.
        place: String,
        /// How many other sources tell the distance it joined.
        others: usize,
    },
    /// Source `source`'s exact span, left on its own, joined the group holding its own rounding
    /// of it ("thirty four years" beside "more than 30 years"), which `others` other sources tell
    /// (`restated::rounded_targets`).
    Rounded {
        /// The source telling the span twice.
        source: usize,
        /// How many other sources tell the group it joined.
        others: usize,
    },
    /// Source `source`'s headline figure, left on its own, joined the group holding its own
    /// body's figure of that fact, which `others` other sources tell (`headlines`).
    Headline {
        /// The source whose headline it is.
        source: usize,
        /// How many other sources tell the group it joined.
        others: usize,
    },
    /// Two camps of outlets, each giving its own value of this role, joined as one fact in
    /// dispute (`camps::merge_camps`).
    Camps(String),
}

/// One group: its claims, as indices in ascending order, and its grounds in the order they
/// were applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aligned {
    /// The claims, as indices into the claims aligned, ascending.
    pub members: Vec<usize>,
    /// The grounds beyond the likeness of sentences, in the order they were applied.
    pub grounds: Vec<Ground>,
}
