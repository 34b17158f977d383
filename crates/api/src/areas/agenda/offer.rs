//! What the commune offers to book: its activities' units, found by code.

use domain::agenda::{AgendaUnit, Unit};

use crate::config::schooling::ActivitySettings;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};

/// One unit of one activity.
#[derive(Clone, Copy)]
pub struct Offer<'a> {
    pub activity: &'a ActivitySettings,
    pub unit: &'a Unit,
}

impl Offer<'_> {
    /// "Garderie (Garderie matin gratuite)", as the history names it.
    pub fn title(&self) -> String {
        format!("{} ({})", self.activity.name, self.unit.name)
    }

    pub fn public(&self) -> AgendaUnit {
        AgendaUnit {
            activity: self.activity.code.clone(),
            activity_name: self.activity.name.clone(),
            unit: self.unit.code.clone(),
            name: self.unit.name.clone(),
            label: self.unit.label(),
            exclusive: self.unit.exclusive.clone(),
            capacity: self.unit.capacity,
            booking: self.unit.booking,
            cancellation: self.unit.cancellation,
        }
    }
}

/// Every unit, in the order of the configuration.
pub fn all(settings: &Settings) -> Vec<Offer<'_>> {
    settings
        .commune
        .activities()
        .iter()
        .flat_map(|activity| {
            activity
                .units
                .iter()
                .map(move |unit| Offer { activity, unit })
        })
        .collect()
}

/// The unit `unit` of `activity`; 422 on the field that names nothing.
pub fn find<'a>(settings: &'a Settings, activity: &str, unit: &str) -> ApiResult<Offer<'a>> {
    let found = settings
        .commune
        .activities()
        .iter()
        .find(|a| a.code == activity)
        .ok_or_else(|| ApiError::field("activity", "unknown_activity"))?;
    let unit = found
        .units
        .iter()
        .find(|u| u.code == unit)
        .ok_or_else(|| ApiError::field("unit", "unknown_unit"))?;
    Ok(Offer {
        activity: found,
        unit,
    })
}
