//! A finished source's subject lists in, the thread's next source's out: the lists a subject is
//! made in, kept from one claim to the next and handed from one source to the next of a thread.

use std::cell::RefCell;

use super::heaviest::Heaviest;
use super::neighbours::{Lent, MergeRoom};
use crate::claim;

/// The lists a subject is made in (see `Terms::subject`), kept from one claim to the next.
#[derive(Default)]
pub(super) struct Scratch {
    /// The claim's counted noun and the terms of its own sentence, put in a subject's order.
    pub(super) own: Heaviest,
    /// The terms the sentences beside the claim's lend.
    pub(super) lent: Lent,
    /// Room for `Lent::merge`.
    pub(super) room: MergeRoom,
    /// The subject's terms, heaviest first.
    pub(super) terms: Vec<(claim::Term, f32)>,
}

thread_local! {
    /// The lists the last source's subjects were made in, handed to the thread's next source: a
    /// source's own lists grew from nothing on its first claims, a dozen allocations a source.
    static SPARE: RefCell<Option<Scratch>> = const { RefCell::new(None) };
}

impl Scratch {
    /// The thread's spare lists, or new ones; lending to no sentence yet.
    pub(super) fn spare() -> Scratch {
        let mut scratch = SPARE.with_borrow_mut(Option::take).unwrap_or_default();
        // The terms lent are the last source's: none of this one's.
        scratch.lent.to = None;
        scratch
    }

    /// Hands the lists on as the thread's spare, for its next source.
    pub(super) fn keep(self) {
        // A thread being torn down has no spare to keep.
        let _ = SPARE.try_with(|spare| *spare.borrow_mut() = Some(self));
    }
}
