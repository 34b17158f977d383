//! The Agenda: activities' units, the days they open (public holidays computed, school
//! holidays from the ministry's calendar), booking deadlines, and the API's shapes. The
//! server enforces these rules in the booking transaction; the SPA shows the same.

mod bulk;
mod deadline;
mod dto;
pub mod holidays;
mod roster;
mod unit;

pub use bulk::*;
pub use deadline::{Deadline, TimeOfDay};
pub use dto::*;
pub use roster::*;
pub use unit::{Calendar, Closure, Period, Unit, WeekDay};
