//! Who may do what: one pure function, [`authorize`], of (who, action, resource).
//! Handlers never decide by themselves; they describe the resource from the database
//! (never from what the client sent) and ask.

use crate::{Role, RoleGrant};
use uuid::Uuid;

/// A signed-in person and the roles the database says they hold.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    pub user_id: Uuid,
    pub roles: &'a [RoleGrant],
}

impl Viewer<'_> {
    pub fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|g| g.role == role)
    }

    fn coordinates(&self, circle: Option<Uuid>) -> bool {
        circle.is_some()
            && self
                .roles
                .iter()
                .any(|g| g.role == Role::Coordinator && g.circle_id == circle)
    }

    /// The circles whose coordination pages this viewer reads: the whole network for
    /// the national team, else the circles they coordinate (none for anyone else).
    pub fn coordination_scope(&self) -> Scope {
        if self.has(Role::NationalTeam) {
            Scope::Network
        } else {
            Scope::Circles(
                self.roles
                    .iter()
                    .filter(|g| g.role == Role::Coordinator)
                    .filter_map(|g| g.circle_id)
                    .collect(),
            )
        }
    }

    /// The events whose registrations this viewer manages, as [`authorize`] decides for
    /// each (a test holds them together): every event for the national team, else those
    /// of the circles they coordinate and of the associations they belong to.
    pub fn events_scope(&self) -> EventScope {
        if self.has(Role::NationalTeam) {
            return EventScope::Network;
        }
        let of = |role: Role, id: fn(&RoleGrant) -> Option<Uuid>| {
            self.roles
                .iter()
                .filter(|g| g.role == role)
                .filter_map(id)
                .collect()
        };
        EventScope::Some {
            circles: of(Role::Coordinator, |g| g.circle_id),
            partners: of(Role::Partner, |g| g.partner_id),
        }
    }

    fn member_of(&self, partner: Option<Uuid>) -> bool {
        partner.is_some()
            && self
                .roles
                .iter()
                .any(|g| g.role == Role::Partner && g.partner_id == partner)
    }
}

/// The events a viewer organises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventScope {
    Network,
    Some {
        circles: Vec<Uuid>,
        partners: Vec<Uuid>,
    },
}

impl EventScope {
    /// Whether an event of `circle_id` and `partner_id` is in the scope.
    pub fn holds(&self, circle_id: Option<Uuid>, partner_id: Option<Uuid>) -> bool {
        match self {
            EventScope::Network => true,
            EventScope::Some { circles, partners } => {
                circle_id.is_some_and(|c| circles.contains(&c))
                    || partner_id.is_some_and(|p| partners.contains(&p))
            }
        }
    }
}

/// What a viewer's coordination pages cover.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    Network,
    Circles(Vec<Uuid>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Public pages: circles, events, communes, the map.
    ViewPublic,
    /// One's own account page, e-mail, password, deletion request.
    ManageOwnAccount,
    /// The audit log.
    ReadAuditLog,
    /// The duties of the data controller: erasures waiting and at once, the register
    /// of processing activities.
    ManagePersonalData,
    /// The e-mail outbox (messages waiting or sent).
    ReadOutbox,
    /// Granting or removing roles.
    ManageRoles,
    /// A circle's back office: vetting, projects, editions.
    ManageCircle,
    /// An event's registrations, check-in and export.
    ManageEventRegistrations,
    /// A partner association's profile.
    ManagePartner,
    /// The national team's work: circles, conference requests, the contact inbox, the
    /// dashboard and its targets.
    ManageNetwork,
    /// The coordination pages (work queues, proposals): coordinators and the national
    /// team.
    Coordinate,
    /// A relationship's page: the pair, the circle's coordinators, the national team.
    ViewMentorship,
    /// Acting in a relationship (meetings, goals, closing, feedback): the pair only;
    /// nobody acts in their name, not even the national team.
    TakePartInMentorship,
    /// Answering a request: the mentor asked, only.
    AnswerRequest,
    /// Withdrawing a request: the porteur who made it, only.
    WithdrawRequest,
    /// Reading the directory for a project and asking its mentors: its porteur, only.
    UseOwnProject,
    /// Reviewing a project (its record, its validation): its circle's coordinators and
    /// the national team, never its own porteur.
    ReviewProject,
    /// Reading a request with its project and reasons: the mentor asked and the
    /// porteur who asked, only.
    ViewRequest,
    /// Reading the pair's messages: the pair; when the porteur is a minor, the circle's
    /// coordinators too (each reading logged). Never the national team.
    ReadMessages,
    /// Reading the messages one of the pair reported, and the reports: the pair and the
    /// circle's coordinators. Never the national team.
    ReadReports,
    /// Reviewing a reported or suspended relationship (letting it go on or closing
    /// it): the circle's coordinators and the national team.
    ReviewRelationship,
}

/// What the action applies to, as the database describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// The platform as a whole (public pages, national tools).
    Platform,
    /// An account, by id.
    Account(Uuid),
    Circle(Uuid),
    Partner(Uuid),
    Event {
        circle_id: Option<Uuid>,
        partner_id: Option<Uuid>,
    },
    /// A relationship, with its project's circle.
    Mentorship {
        mentor_id: Uuid,
        mentee_id: Uuid,
        circle_id: Option<Uuid>,
    },
    /// A porteur's request to a mentor.
    Request {
        mentor_id: Uuid,
        mentee_id: Uuid,
    },
    /// A porteur's project.
    Project {
        mentee_id: Uuid,
        circle_id: Option<Uuid>,
    },
    /// The messages of a relationship; `minor`: its porteur is under 18.
    Thread {
        mentor_id: Uuid,
        mentee_id: Uuid,
        circle_id: Option<Uuid>,
        minor: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Anonymous: sign in first.
    SignIn,
    /// Signed in, but not allowed.
    Deny,
}

pub fn authorize(who: Option<&Viewer<'_>>, action: Action, resource: &Resource) -> Decision {
    if action == Action::ViewPublic {
        return Decision::Allow;
    }
    let Some(viewer) = who else {
        return Decision::SignIn;
    };
    let me = viewer.user_id;
    // What only the people concerned do: decided before the national team's rights.
    let own = match (action, resource) {
        (
            Action::TakePartInMentorship,
            Resource::Mentorship {
                mentor_id,
                mentee_id,
                ..
            },
        ) => Some(me == *mentor_id || me == *mentee_id),
        (Action::AnswerRequest, Resource::Request { mentor_id, .. }) => Some(me == *mentor_id),
        (Action::WithdrawRequest, Resource::Request { mentee_id, .. }) => Some(me == *mentee_id),
        (
            Action::ViewRequest,
            Resource::Request {
                mentor_id,
                mentee_id,
            },
        ) => Some(me == *mentor_id || me == *mentee_id),
        (
            Action::ReadMessages,
            Resource::Thread {
                mentor_id,
                mentee_id,
                circle_id,
                minor,
            },
        ) => {
            Some(me == *mentor_id || me == *mentee_id || (*minor && viewer.coordinates(*circle_id)))
        }
        (
            Action::ReadReports,
            Resource::Mentorship {
                mentor_id,
                mentee_id,
                circle_id,
            },
        ) => Some(me == *mentor_id || me == *mentee_id || viewer.coordinates(*circle_id)),
        (Action::UseOwnProject, Resource::Project { mentee_id, .. }) => Some(me == *mentee_id),
        (Action::ReviewProject, Resource::Project { mentee_id, .. }) if me == *mentee_id => {
            Some(false)
        }
        (
            Action::TakePartInMentorship
            | Action::AnswerRequest
            | Action::WithdrawRequest
            | Action::UseOwnProject
            | Action::ViewRequest
            | Action::ReadMessages
            | Action::ReadReports,
            _,
        ) => Some(false),
        _ => None,
    };
    if let Some(allowed) = own {
        return if allowed {
            Decision::Allow
        } else {
            Decision::Deny
        };
    }
    if viewer.has(Role::NationalTeam) {
        return Decision::Allow;
    }
    let allowed = match (action, resource) {
        (Action::ManageOwnAccount, Resource::Account(id)) => *id == viewer.user_id,
        (
            Action::ReadAuditLog
            | Action::ReadOutbox
            | Action::ManageRoles
            | Action::ManageNetwork
            | Action::ManagePersonalData,
            _,
        ) => false,
        (Action::ManageCircle, Resource::Circle(id)) => viewer.coordinates(Some(*id)),
        (
            Action::ManageEventRegistrations,
            Resource::Event {
                circle_id,
                partner_id,
            },
        ) => viewer.coordinates(*circle_id) || viewer.member_of(*partner_id),
        (Action::ManagePartner, Resource::Partner(id)) => viewer.member_of(Some(*id)),
        (Action::Coordinate, _) => viewer.has(Role::Coordinator),
        (Action::ReviewProject, Resource::Project { circle_id, .. }) => {
            viewer.coordinates(*circle_id)
        }
        (
            Action::ViewMentorship,
            Resource::Mentorship {
                mentor_id,
                mentee_id,
                circle_id,
            },
        ) => me == *mentor_id || me == *mentee_id || viewer.coordinates(*circle_id),
        (Action::ReviewRelationship, Resource::Mentorship { circle_id, .. }) => {
            viewer.coordinates(*circle_id)
        }
        _ => false,
    };
    if allowed {
        Decision::Allow
    } else {
        Decision::Deny
    }
}

#[cfg(test)]
mod tests;
