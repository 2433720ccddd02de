//! Figures the process keeps about its own work, for `/metrics`: when each periodic
//! sweep last ran and how long it took, the mentors' index's size and build time.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct Stats {
    sweeps: Mutex<BTreeMap<&'static str, (DateTime<Utc>, f64)>>,
    index: Mutex<Option<(usize, f64)>>,
}

impl Stats {
    /// The sweep `name` finished at `at` after `seconds`.
    pub fn sweep_done(&self, name: &'static str, at: DateTime<Utc>, seconds: f64) {
        self.sweeps
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(name, (at, seconds));
    }

    /// Each sweep run so far: (name, last end, its duration in seconds).
    pub fn sweeps(&self) -> Vec<(&'static str, DateTime<Utc>, f64)> {
        self.sweeps
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|(name, (at, s))| (*name, *at, *s))
            .collect()
    }

    /// The mentors' index was built over `mentors` in `seconds`.
    pub fn index_built(&self, mentors: usize, seconds: f64) {
        *self.index.lock().unwrap_or_else(|p| p.into_inner()) = Some((mentors, seconds));
    }

    /// The last index built: (mentors, seconds).
    pub fn index(&self) -> Option<(usize, f64)> {
        *self.index.lock().unwrap_or_else(|p| p.into_inner())
    }
}
