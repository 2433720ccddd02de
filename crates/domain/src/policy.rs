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

    fn member_of(&self, partner: Option<Uuid>) -> bool {
        partner.is_some()
            && self
                .roles
                .iter()
                .any(|g| g.role == Role::Partner && g.partner_id == partner)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Public pages: circles, events, communes, the map.
    ViewPublic,
    /// One's own account page, e-mail, password, deletion request.
    ManageOwnAccount,
    /// The audit log.
    ReadAuditLog,
    /// The e-mail outbox (messages waiting or sent).
    ReadOutbox,
    /// Granting or removing roles.
    ManageRoles,
    /// A porteur de projet's record (audited).
    ViewMenteeRecord,
    /// A circle's back office: vetting, projects, editions.
    ManageCircle,
    /// An event's registrations, check-in and export.
    ManageEventRegistrations,
    /// A partner association's profile.
    ManagePartner,
    /// The national team's work: circles, conference requests, the contact inbox, the
    /// dashboard and its targets.
    ManageNetwork,
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
    Mentee {
        user_id: Uuid,
        circle_id: Option<Uuid>,
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
    if viewer.has(Role::NationalTeam) {
        return Decision::Allow;
    }
    let allowed = match (action, resource) {
        (Action::ManageOwnAccount, Resource::Account(id)) => *id == viewer.user_id,
        (
            Action::ReadAuditLog | Action::ReadOutbox | Action::ManageRoles | Action::ManageNetwork,
            _,
        ) => false,
        (Action::ViewMenteeRecord, Resource::Mentee { user_id, circle_id }) => {
            *user_id == viewer.user_id || viewer.coordinates(*circle_id)
        }
        (Action::ManageCircle, Resource::Circle(id)) => viewer.coordinates(Some(*id)),
        (
            Action::ManageEventRegistrations,
            Resource::Event {
                circle_id,
                partner_id,
            },
        ) => viewer.coordinates(*circle_id) || viewer.member_of(*partner_id),
        (Action::ManagePartner, Resource::Partner(id)) => viewer.member_of(Some(*id)),
        _ => false,
    };
    if allowed {
        Decision::Allow
    } else {
        Decision::Deny
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn anonymous_visitors_see_public_pages_and_are_asked_to_sign_in_for_the_rest() {
        assert_eq!(
            authorize(None, Action::ViewPublic, &Resource::Platform),
            Decision::Allow
        );
        assert_eq!(
            authorize(None, Action::ManageOwnAccount, &Resource::Account(id(1))),
            Decision::SignIn
        );
        assert_eq!(
            authorize(None, Action::ReadAuditLog, &Resource::Platform),
            Decision::SignIn
        );
    }

    #[test]
    fn the_national_team_may_do_everything() {
        let roles = [RoleGrant::national_team()];
        let admin = Viewer {
            user_id: id(1),
            roles: &roles,
        };
        for action in [
            Action::ReadAuditLog,
            Action::ReadOutbox,
            Action::ManageRoles,
            Action::ManageCircle,
        ] {
            assert_eq!(
                authorize(Some(&admin), action, &Resource::Circle(id(9))),
                Decision::Allow
            );
        }
    }

    #[test]
    fn a_coordinator_acts_only_on_their_circles() {
        let (compiegne, paris) = (id(10), id(20));
        let roles = [RoleGrant::coordinator(compiegne)];
        let coordinator = Viewer {
            user_id: id(1),
            roles: &roles,
        };
        assert_eq!(
            authorize(
                Some(&coordinator),
                Action::ManageCircle,
                &Resource::Circle(compiegne)
            ),
            Decision::Allow
        );
        assert_eq!(
            authorize(
                Some(&coordinator),
                Action::ManageCircle,
                &Resource::Circle(paris)
            ),
            Decision::Deny
        );
        let mentee = |circle| Resource::Mentee {
            user_id: id(5),
            circle_id: Some(circle),
        };
        assert_eq!(
            authorize(
                Some(&coordinator),
                Action::ViewMenteeRecord,
                &mentee(compiegne)
            ),
            Decision::Allow
        );
        assert_eq!(
            authorize(Some(&coordinator), Action::ViewMenteeRecord, &mentee(paris)),
            Decision::Deny
        );
        assert_eq!(
            authorize(
                Some(&coordinator),
                Action::ReadAuditLog,
                &Resource::Platform
            ),
            Decision::Deny
        );
    }

    #[test]
    fn a_partner_sees_only_its_own_events() {
        let (ours, theirs) = (id(30), id(31));
        let roles = [RoleGrant::partner(ours)];
        let partner = Viewer {
            user_id: id(1),
            roles: &roles,
        };
        let event = |p| Resource::Event {
            circle_id: Some(id(10)),
            partner_id: Some(p),
        };
        assert_eq!(
            authorize(
                Some(&partner),
                Action::ManageEventRegistrations,
                &event(ours)
            ),
            Decision::Allow
        );
        assert_eq!(
            authorize(
                Some(&partner),
                Action::ManageEventRegistrations,
                &event(theirs)
            ),
            Decision::Deny
        );
        assert_eq!(
            authorize(
                Some(&partner),
                Action::ManageEventRegistrations,
                &Resource::Event {
                    circle_id: None,
                    partner_id: None
                }
            ),
            Decision::Deny
        );
    }

    #[test]
    fn everyone_manages_only_their_own_account() {
        let roles = [RoleGrant::plain(Role::Mentor)];
        let mentor = Viewer {
            user_id: id(1),
            roles: &roles,
        };
        assert_eq!(
            authorize(
                Some(&mentor),
                Action::ManageOwnAccount,
                &Resource::Account(id(1))
            ),
            Decision::Allow
        );
        assert_eq!(
            authorize(
                Some(&mentor),
                Action::ManageOwnAccount,
                &Resource::Account(id(2))
            ),
            Decision::Deny
        );
        let porteur_roles = [RoleGrant::plain(Role::Mentee)];
        let porteur = Viewer {
            user_id: id(7),
            roles: &porteur_roles,
        };
        let own = Resource::Mentee {
            user_id: id(7),
            circle_id: None,
        };
        assert_eq!(
            authorize(Some(&porteur), Action::ViewMenteeRecord, &own),
            Decision::Allow
        );
        let other = Resource::Mentee {
            user_id: id(8),
            circle_id: None,
        };
        assert_eq!(
            authorize(Some(&porteur), Action::ViewMenteeRecord, &other),
            Decision::Deny
        );
    }
}
