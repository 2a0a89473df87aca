//! Which kinds of box this build draws: each kind is a Cargo feature (`kind-bar`…), all of
//! them on in every build but the readers' engines of one kind (`make dist`: a page whose
//! boxes are all bars fetches `factbox_bg_bar.<hash>.wasm`, about 40% of the whole).
//!
//! A kind left out is not `cfg`'d out at every place that handles it: its model type holds
//! a token, `()` when the kind is built and the uninhabited [`Infallible`] when it is not.
//! A box of that kind can then never be made, and the compiler drops every path that reads,
//! checks, lays out or writes one, with no attribute at those places; the reader of the
//! document refuses the kind (`What::KindNotBuilt`) before reading it.

use std::convert::Infallible;

/// A kind's token: how a build that draws the kind makes one (and one that does not, none).
pub trait Token: Sized {
    /// The token, when this build draws the kind.
    fn get() -> Option<Self>;
}

impl Token for () {
    fn get() -> Option<()> {
        Some(())
    }
}

impl Token for Infallible {
    fn get() -> Option<Infallible> {
        None
    }
}

// The features are `kind-` and the kind's name in the document (tests/kinds.rs checks them
// against `spec::KINDS`, Cargo.toml and the Makefile).
macro_rules! tokens {
    ($($(#[$doc:meta])* $name:ident = $feature:literal;)*) => {
        $(
            $(#[$doc])*
            #[cfg(feature = $feature)]
            pub type $name = ();
            $(#[$doc])*
            #[cfg(not(feature = $feature))]
            pub type $name = Infallible;
        )*
    };
}

tokens! {
    /// Held by a box of key figures.
    Figures = "kind-figures";
    /// Held by a bar chart.
    Bar = "kind-bar";
    /// Held by a rank change.
    RankChange = "kind-rank-change";
    /// Held by a line chart.
    Line = "kind-line";
    /// Held by a share of a whole.
    Share = "kind-share";
    /// Held by progress against a target.
    Progress = "kind-progress";
    /// Held by a table.
    Table = "kind-table";
}
