//! The policy's decisions, role by role.

use super::*;

fn viewer(user: u128, roles: &[RoleGrant]) -> Viewer<'_> {
    Viewer {
        user_id: id(user),
        roles,
    }
}

#[test]
fn messages_are_the_pairs_reports_reach_the_circle_and_minors_threads_its_coordinators() {
    let (compiegne, paris) = (id(10), id(20));
    let thread = |minor| Resource::Thread {
        mentor_id: id(1),
        mentee_id: id(2),
        circle_id: Some(compiegne),
        minor,
    };
    let pair = Resource::Mentorship {
        mentor_id: id(1),
        mentee_id: id(2),
        circle_id: Some(compiegne),
    };
    let national = [RoleGrant::national_team()];
    let ours = [RoleGrant::coordinator(compiegne)];
    let theirs = [RoleGrant::coordinator(paris)];
    use Decision::{Allow, Deny};
    // who, roles: adult's thread, minor's thread, reports, review
    for (who, roles, adult, minor, reports, review) in [
        (1, &[][..], Allow, Allow, Allow, Deny),
        (2, &[][..], Allow, Allow, Allow, Deny),
        (3, &ours[..], Deny, Allow, Allow, Allow),
        (4, &theirs[..], Deny, Deny, Deny, Deny),
        (5, &national[..], Deny, Deny, Deny, Allow),
        (6, &[][..], Deny, Deny, Deny, Deny),
    ] {
        let v = viewer(who, roles);
        let ask = |action, resource: &Resource| authorize(Some(&v), action, resource);
        assert_eq!(ask(Action::ReadMessages, &thread(false)), adult, "{who}");
        assert_eq!(ask(Action::ReadMessages, &thread(true)), minor, "{who}");
        assert_eq!(ask(Action::ReadReports, &pair), reports, "{who}");
        assert_eq!(ask(Action::ReviewRelationship, &pair), review, "{who}");
    }
}

#[test]
fn only_the_pair_acts_in_a_relationship_and_its_coordinators_read_it() {
    let (compiegne, paris) = (id(10), id(20));
    let pair = Resource::Mentorship {
        mentor_id: id(1),
        mentee_id: id(2),
        circle_id: Some(compiegne),
    };
    let national = [RoleGrant::national_team()];
    let ours = [RoleGrant::coordinator(compiegne)];
    let theirs = [RoleGrant::coordinator(paris)];
    for (who, roles, view, act) in [
        (1, &[][..], Decision::Allow, Decision::Allow),
        (2, &[][..], Decision::Allow, Decision::Allow),
        (3, &ours[..], Decision::Allow, Decision::Deny),
        (4, &theirs[..], Decision::Deny, Decision::Deny),
        (5, &national[..], Decision::Allow, Decision::Deny),
        (6, &[][..], Decision::Deny, Decision::Deny),
    ] {
        let v = viewer(who, roles);
        assert_eq!(
            authorize(Some(&v), Action::ViewMentorship, &pair),
            view,
            "{who}"
        );
        assert_eq!(
            authorize(Some(&v), Action::TakePartInMentorship, &pair),
            act,
            "{who}"
        );
    }
    assert_eq!(
        authorize(None, Action::ViewMentorship, &pair),
        Decision::SignIn
    );
}

#[test]
fn a_request_is_answered_by_its_mentor_and_withdrawn_by_its_porteur() {
    let request = Resource::Request {
        mentor_id: id(1),
        mentee_id: id(2),
    };
    let national = [RoleGrant::national_team()];
    let (mentor, porteur, admin) = (viewer(1, &[]), viewer(2, &[]), viewer(3, &national));
    let decide = |v: &Viewer<'_>, a| authorize(Some(v), a, &request);
    assert_eq!(decide(&mentor, Action::AnswerRequest), Decision::Allow);
    assert_eq!(decide(&porteur, Action::AnswerRequest), Decision::Deny);
    assert_eq!(decide(&porteur, Action::WithdrawRequest), Decision::Allow);
    assert_eq!(decide(&mentor, Action::WithdrawRequest), Decision::Deny);
    assert_eq!(decide(&admin, Action::AnswerRequest), Decision::Deny);
    let project = Resource::Project {
        mentee_id: id(2),
        circle_id: None,
    };
    assert_eq!(
        authorize(Some(&porteur), Action::UseOwnProject, &project),
        Decision::Allow
    );
    assert_eq!(
        authorize(Some(&admin), Action::UseOwnProject, &project),
        Decision::Deny
    );
    // A project without a circle is reviewed by the national team; nobody reviews
    // their own, whatever their roles.
    assert_eq!(
        authorize(Some(&admin), Action::ReviewProject, &project),
        Decision::Allow
    );
    let own = Resource::Project {
        mentee_id: id(3),
        circle_id: None,
    };
    assert_eq!(
        authorize(Some(&admin), Action::ReviewProject, &own),
        Decision::Deny
    );
    let compiegne = [RoleGrant::coordinator(id(10))];
    let in_circle = Resource::Project {
        mentee_id: id(2),
        circle_id: Some(id(10)),
    };
    assert_eq!(
        authorize(
            Some(&viewer(4, &compiegne)),
            Action::ReviewProject,
            &in_circle
        ),
        Decision::Allow
    );
    assert_eq!(
        authorize(
            Some(&viewer(4, &compiegne)),
            Action::ReviewProject,
            &project
        ),
        Decision::Deny
    );
}

#[test]
fn coordination_is_for_coordinators_over_their_circles_and_the_national_team() {
    let (compiegne, paris) = (id(10), id(20));
    let both = [
        RoleGrant::coordinator(compiegne),
        RoleGrant::coordinator(paris),
    ];
    let national = [RoleGrant::national_team()];
    let coordinator = viewer(1, &both);
    assert_eq!(
        authorize(Some(&coordinator), Action::Coordinate, &Resource::Platform),
        Decision::Allow
    );
    assert_eq!(
        coordinator.coordination_scope(),
        Scope::Circles(vec![compiegne, paris])
    );
    assert_eq!(viewer(2, &national).coordination_scope(), Scope::Network);
    let mentor = viewer(3, &[]);
    assert_eq!(
        authorize(Some(&mentor), Action::Coordinate, &Resource::Platform),
        Decision::Deny
    );
}

#[test]
fn the_events_scope_holds_exactly_the_events_authorize_lets_one_manage() {
    let (c1, c2, p1, p2) = (id(11), id(12), id(21), id(22));
    let roles = [
        vec![RoleGrant::national_team()],
        vec![RoleGrant::coordinator(c1)],
        vec![RoleGrant::partner(p1)],
        vec![RoleGrant::coordinator(c1), RoleGrant::partner(p2)],
        vec![RoleGrant::plain(Role::Mentor)],
        vec![],
    ];
    let places = [None, Some(c1), Some(c2)];
    let hosts = [None, Some(p1), Some(p2)];
    for grants in &roles {
        let who = viewer(1, grants);
        let scope = who.events_scope();
        for circle_id in places {
            for partner_id in hosts {
                let allowed = authorize(
                    Some(&who),
                    Action::ManageEventRegistrations,
                    &Resource::Event {
                        circle_id,
                        partner_id,
                    },
                ) == Decision::Allow;
                assert_eq!(
                    scope.holds(circle_id, partner_id),
                    allowed,
                    "{grants:?} {circle_id:?} {partner_id:?}"
                );
            }
        }
    }
}

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
        Action::ManagePersonalData,
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
    let project = |circle| Resource::Project {
        mentee_id: id(5),
        circle_id: Some(circle),
    };
    assert_eq!(
        authorize(
            Some(&coordinator),
            Action::ReviewProject,
            &project(compiegne)
        ),
        Decision::Allow
    );
    assert_eq!(
        authorize(Some(&coordinator), Action::ReviewProject, &project(paris)),
        Decision::Deny
    );
    for action in [Action::ReadAuditLog, Action::ManagePersonalData] {
        assert_eq!(
            authorize(Some(&coordinator), action, &Resource::Platform),
            Decision::Deny
        );
    }
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
    let own = Resource::Project {
        mentee_id: id(7),
        circle_id: None,
    };
    assert_eq!(
        authorize(Some(&porteur), Action::UseOwnProject, &own),
        Decision::Allow
    );
    let other = Resource::Project {
        mentee_id: id(8),
        circle_id: None,
    };
    assert_eq!(
        authorize(Some(&porteur), Action::UseOwnProject, &other),
        Decision::Deny
    );
}
