//! How many of each record a data set of a given scale holds: a pure function of the
//! scale, so that tests can state the network's figures and compare a run to its plan.

/// The counts of a generated data set. They come *in addition to* the demo's own
/// records (its 10 circles, two dozen mentors…), which a scale set never touches.
#[derive(Debug, Clone, PartialEq)]
pub struct ScalePlan {
    /// The scale: 1 is the network's target (`national`), 10 is `10x`.
    pub scale: f64,
    /// Circles, each with one coordinator account and its territory.
    pub circles: usize,
    /// Partner associations, each with one member account.
    pub partners: usize,
    /// Approved mentors (the figure set against the 10,000 target).
    pub approved_mentors: usize,
    /// Mentor applications in the other vetting states (submitted, interview planned,
    /// declined, paused).
    pub applicants: usize,
    /// Porteurs de projet, one project each.
    pub porteurs: usize,
    pub active_mentorships: usize,
    pub closed_mentorships: usize,
    pub submitted_projects: usize,
    pub needs_details_projects: usize,
    /// Requests waiting for the mentor's answer (never to a mentor who is full).
    pub open_requests: usize,
    pub declined_requests: usize,
    pub expired_requests: usize,
    pub withdrawn_requests: usize,
    /// Requests closed because the porteur's other request was accepted.
    pub closed_requests: usize,
    pub events: usize,
    pub registrations: usize,
}

/// The network's figures (docs: DESIGN.md, « Scale »).
const NATIONAL: ScalePlan = ScalePlan {
    scale: 1.0,
    circles: 300,
    partners: 150,
    approved_mentors: 10_000,
    applicants: 600,
    porteurs: 30_000,
    active_mentorships: 3_000,
    closed_mentorships: 1_000,
    submitted_projects: 2_000,
    needs_details_projects: 500,
    open_requests: 3_000,
    declined_requests: 2_000,
    expired_requests: 1_000,
    withdrawn_requests: 500,
    closed_requests: 1_000,
    events: 1_000,
    registrations: 47_000,
};

impl ScalePlan {
    /// The largest scale accepted: ten times the network (3,000 circles use every
    /// French intercommunality and then single communes).
    pub const MAX_SCALE: f64 = 10.0;

    /// The plan for `scale` times the network's figures (rounded; at least one circle).
    pub fn for_scale(scale: f64) -> Result<ScalePlan, String> {
        if !(scale > 0.0 && scale <= Self::MAX_SCALE) {
            return Err(format!(
                "the scale must be above 0 and at most {}",
                Self::MAX_SCALE
            ));
        }
        let n = |base: usize| (base as f64 * scale).round() as usize;
        let mut plan = ScalePlan {
            scale,
            circles: n(NATIONAL.circles).max(1),
            partners: n(NATIONAL.partners).max(1),
            approved_mentors: n(NATIONAL.approved_mentors).max(1),
            applicants: n(NATIONAL.applicants),
            porteurs: n(NATIONAL.porteurs),
            active_mentorships: n(NATIONAL.active_mentorships),
            closed_mentorships: n(NATIONAL.closed_mentorships),
            submitted_projects: n(NATIONAL.submitted_projects),
            needs_details_projects: n(NATIONAL.needs_details_projects),
            open_requests: n(NATIONAL.open_requests),
            declined_requests: n(NATIONAL.declined_requests),
            expired_requests: n(NATIONAL.expired_requests),
            withdrawn_requests: n(NATIONAL.withdrawn_requests),
            closed_requests: n(NATIONAL.closed_requests),
            events: n(NATIONAL.events),
            registrations: n(NATIONAL.registrations),
        };
        // Rounding must never ask for more porteurs in a status than there are.
        plan.partners = plan.partners.min(plan.circles);
        plan.closed_requests = plan.closed_requests.min(plan.active_mentorships);
        Ok(plan)
    }

    /// `national`, `10x`, or a fraction or multiple of the network (`0.02`).
    pub fn parse(raw: &str) -> Result<ScalePlan, String> {
        match raw.trim() {
            "national" => Self::for_scale(1.0),
            "10x" => Self::for_scale(10.0),
            other => other
                .parse::<f64>()
                .map_err(|_| format!("unknown scale {other:?}: national, 10x or a number"))
                .and_then(Self::for_scale),
        }
    }

    /// Projects waiting for a mentor (validated): every porteur not in another status.
    pub fn validated_projects(&self) -> usize {
        self.porteurs.saturating_sub(
            self.active_mentorships
                + self.closed_mentorships
                + self.submitted_projects
                + self.needs_details_projects,
        )
    }

    pub fn mentors(&self) -> usize {
        self.approved_mentors + self.applicants
    }

    pub fn mentorships(&self) -> usize {
        self.active_mentorships + self.closed_mentorships
    }

    /// Every request: one accepted per mentorship, and the others.
    pub fn requests(&self) -> usize {
        self.mentorships()
            + self.open_requests
            + self.declined_requests
            + self.expired_requests
            + self.withdrawn_requests
            + self.closed_requests
    }

    /// Accounts: coordinators, partner members, mentors and porteurs.
    pub fn users(&self) -> usize {
        self.circles + self.partners + self.mentors() + self.porteurs
    }

    /// Meetings of the `i`-th active mentorship (0 to 4: the newest pairs have not met
    /// yet); every closed mentorship had three.
    pub fn meetings_of_active(i: usize) -> usize {
        i % 5
    }
    pub const MEETINGS_OF_CLOSED: usize = 3;

    /// Goals of the `i`-th active mentorship (1 to 3); two for a closed one.
    pub fn goals_of_active(i: usize) -> usize {
        1 + i % 3
    }
    pub const GOALS_OF_CLOSED: usize = 2;

    pub fn meetings(&self) -> usize {
        (0..self.active_mentorships)
            .map(Self::meetings_of_active)
            .sum::<usize>()
            + self.closed_mentorships * Self::MEETINGS_OF_CLOSED
    }

    pub fn goals(&self) -> usize {
        (0..self.active_mentorships)
            .map(Self::goals_of_active)
            .sum::<usize>()
            + self.closed_mentorships * Self::GOALS_OF_CLOSED
    }

    /// Both sides of every closed mentorship gave feedback.
    pub fn feedback(&self) -> usize {
        self.closed_mentorships * 2
    }
}

#[cfg(test)]
mod tests {
    use super::ScalePlan;

    #[test]
    fn the_national_plan_is_the_networks_figures() {
        let plan = ScalePlan::parse("national").unwrap();
        assert_eq!(plan.circles, 300);
        assert_eq!(plan.approved_mentors, 10_000);
        assert_eq!(plan.porteurs, 30_000);
        assert_eq!(plan.active_mentorships, 3_000);
        assert_eq!(plan.events, 1_000);
        assert_eq!(plan.registrations, 47_000);
        assert_eq!(plan.meetings(), 9_000);
        assert!(
            plan.validated_projects() > plan.porteurs / 2,
            "mostly validated"
        );
    }

    #[test]
    fn ten_times_is_ten_times_the_national_plan() {
        let national = ScalePlan::parse("national").unwrap();
        let tenfold = ScalePlan::parse("10x").unwrap();
        assert_eq!(tenfold.circles, 3_000);
        assert_eq!(tenfold.approved_mentors, 100_000);
        assert_eq!(tenfold.porteurs, 300_000);
        assert_eq!(tenfold.users(), 10 * national.users());
        assert_eq!(tenfold.requests(), 10 * national.requests());
        assert_eq!(tenfold.meetings(), 10 * national.meetings());
        assert_eq!(tenfold.goals(), 10 * national.goals());
        assert_eq!(tenfold.registrations, 10 * national.registrations);
    }

    #[test]
    fn a_fraction_keeps_at_least_one_circle_and_refuses_nonsense() {
        let tiny = ScalePlan::parse("0.001").unwrap();
        assert_eq!(tiny.circles, 1);
        assert_eq!(tiny.approved_mentors, 10);
        let two_percent = ScalePlan::parse("0.02").unwrap();
        assert_eq!(two_percent.circles, 6);
        assert_eq!(two_percent.porteurs, 600);
        for bad in ["0", "-1", "11", "abc", "NaN"] {
            assert!(ScalePlan::parse(bad).is_err(), "{bad}");
        }
    }
}
