# English messages of mentorat. French (fr.ftl) is the default and the fallback.
# Every message also exists in fr.ftl (a test checks it).

## Shared layout
site-name = Cercles des Mentors
site-description = The societal mentoring network between inhabitants of the same territory, in France and Belgium.
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-circles = Circles
switch-language = Français
footer-about = Cercles des Mentors — a societal mentoring network in France and Belgium. Every mentoring relationship is one of a kind: neither charity nor patronage.
back-home = Back to the home page

## Home
home-title = Mentoring between people of the same territory
home-lead = Do you carry a project close to your heart? A mentor with experience in that field who lives near you can help you ask the right questions and take better decisions.
home-relation = Mentoring is a one-to-one relationship: it helps each person dare to become the entrepreneur of their own life.
cta-mentor = Become a mentor
cta-mentee = Find a mentor for my project
cta-circle = Create a circle in my town
home-conference-title = The conference “In search of lost mentoring”
home-conference-intro = Every Cercle des Mentors is born from a two-hour public conference hosted by a local association. It answers three questions:
question-1 = What is mentoring?
question-2 = Can one become a mentor, or are we mentors without knowing it?
question-3 = How can one do their part and contribute?
home-conference-buffet = The evening ends with a friendly buffet.
home-events-title = Upcoming events
home-events-empty = No event is announced yet. Come back soon, or discover the circle nearest to you.
home-circles-title = The Cercles des Mentors
home-figures = Committed mentors: { $mentors }.
home-target-mentors = Our target: { $target } mentors.
home-figures-circles = Active circles: { $circles }.
home-target-circles = Our target: { $target } circles.
home-all-circles = See all circles

## Circles
circles-title = The Cercles des Mentors
circles-lead = Mentors meet in town circles. Each circle is born from a conference, then meets in successive editions.
circles-empty = No circle is open yet. The first one will be born from a conference: write to us to organise one in your town.
circle-title = Cercle des Mentors of { $name }
circle-status-planned = Planned
circle-status-launching = Launching
circle-status-active = Active
circle-status-paused = Paused
circle-active-mentors = { $count ->
    [one] { $count } active mentor
   *[other] { $count } active mentors
}
circle-inaugurated = — inaugurated on { $date }
circle-figures-title = The circle in figures
circle-figure-mentors = { $count ->
    [one] active mentor
   *[other] active mentors
}
circle-figure-projects = { $count ->
    [one] project supported
   *[other] projects supported
}
circle-figure-editions = { $count ->
    [one] edition
   *[other] editions
}
circle-events-title = The circle's upcoming events
circle-events-empty = No event is announced for this circle yet.
circle-editions-title = The circle's editions
edition-ordinal = { $number ->
    [1] 1st edition
    [2] 2nd edition
    [3] 3rd edition
   *[other] { $number }th edition
}
edition-new-mentors = { $count ->
    [one] { $count } new mentor
   *[other] { $count } new mentors
}
circle-join-title = Join the circle
circle-join-text = Come to the next conference or the circle's next edition: that is where people become mentors, and where project holders find a mentor.

## Communes and map
nav-communes = My town
communes-title = Find my town
communes-lead = Search for your town by name or postal code to find the Cercle des Mentors near you.
commune-field = Town
commune-hint = The start of the name or the postal code, for example “Compiègne” or “60200”.
commune-search = Search
commune-suggestions = { $count ->
    [0] No town found.
    [one] One town found. Use the arrow keys to choose it.
   *[other] { $count } towns found. Use the arrow keys to choose.
}
communes-results = Towns for “{ $query }”
communes-none = No town matches “{ $query }”. Check the spelling, or try the postal code.
commune-covered-by = Covered by the Cercle des Mentors of { $name }
commune-no-circle = No circle here yet. A circle is born from a conference: what if the next one took place in your town?
country-fr = France
country-be = Belgium
circles-list-title = The list of circles
circles-find-mine = Which circle is near me?
map-title = Map of the Cercles des Mentors
map-alt = Map of France showing the Cercles des Mentors. Each circle carries the number it has in the list next to the map.
map-caption = The numbers on the map refer to the list of circles.
map-credit = Base map: svg-maps (CC BY 4.0). Towns: Etalab (Licence Ouverte 2.0), Statbel and GeoNames (CC BY 4.0).

## Events
event-kind-conference = Conference
event-kind-edition = Circle edition
event-kind-other = Event
event-circle = Cercle des Mentors of { $name }

## Account
password-set-title = Choose your password
password-set-lead = This link works only once. Choose a password you use nowhere else.
password-new = New password
password-rules = At least 12 characters. A sentence of several words is ideal.
password-confirm = Confirm the password
password-save = Save the password
password-set-done-title = Password saved
password-set-done-text = Your password is saved. You will be able to sign in with your e-mail address.
password-link-expired-title = This link is no longer valid
password-link-expired-text = The link has already been used or has expired. Ask the national team for a new one.

## Accounts
nav-sign-in = Sign in
nav-sign-up = Create an account
nav-account = My account
nav-sign-out = Sign out
sign-up-title = Create an account
sign-up-lead = An account lets you offer your help as a mentor or present your project. We will send you an e-mail to confirm your address.
first-name = First name
last-name = Last name
last-name-hint = Optional. Other members only see the initial of your last name.
email-field = E-mail address
email-hint = For example: first.last@example.org
password-field = Password
current-password = Current password
sign-up-submit = Create my account
sign-up-sent-title = Check your inbox
sign-up-sent-text = If the address is valid, an e-mail has just been sent to it. Open the link it contains to confirm your address, then sign in. Remember to look in your spam folder.
already-account = Already have an account?
no-account = No account yet?
sign-in-title = Sign in
sign-in-submit = Sign in
forgot-password-link = Forgotten password?
signed-in-notice = You are signed in.
signed-out-notice = You are signed out. See you soon!
verified-title = Address confirmed
verified-text = Thank you, your e-mail address is confirmed. You can now sign in.
verify-link-invalid-title = This link is no longer valid
verify-link-invalid-text = The link has already been used or has expired. Sign in with your address: if it is not confirmed yet, we will send you a new link.
forgot-title = Forgotten password
forgot-lead = Enter the address of your account: we will send you a link to choose a new password. The link is valid for one hour.
forgot-submit = Send me the link
forgot-sent-title = Check your inbox
forgot-sent-text = If an account exists with this address, an e-mail has just been sent to it with a link valid for one hour.
reset-title = Choose a new password
reset-done-title = Password changed
reset-done-text = Your new password is saved and all your sessions have been closed. Sign in with your new password.
account-title = My account
account-lead = Your address, your password and your data.
account-identity = You are signed in as { $name } ({ $email }).
account-roles = Your roles
role-national_team = National team
role-coordinator = Circle coordination
role-partner = Partner association
role-mentor = Mentor
role-mentee = Project holder
account-no-role = No role yet. You will be able to offer your help as a mentor or present a project.
change-password-title = Change password
change-password-submit = Change the password
change-password-done = Your password is changed. For your security, all your sessions have been closed: sign in with the new password.
change-email-title = Change e-mail address
new-email = New e-mail address
change-email-submit = Change address
change-email-sent = We have sent a link to the new address. Your address will change when you open it.
email-confirmed-title = New address confirmed
email-confirmed-text = Your new e-mail address is saved.
delete-title = Delete my account
delete-lead = You can ask for your account and your data to be deleted. The national team does it within a month, as the GDPR requires. You will be signed out.
delete-submit = Ask for deletion
delete-confirm = Do you really want to ask for your account to be deleted?
delete-done-title = Request recorded
delete-done-text = Your deletion request is recorded and you are signed out. You will receive a confirmation by e-mail.
sign-in-required = Sign in to reach this page.
too-many-title = Too many attempts
too-many-text = For security, this action is blocked for a moment. Wait a minute before trying again.
error-sign-in = Wrong e-mail address or password.
error-not-verified = Your address is not confirmed yet. We have just sent you a new link by e-mail.
error-current-password = The current password is not right.
error-password-too-long = The password is too long (1,024 characters at most).
error-password-common = This password is too easy to guess. Choose a sentence of a few unrelated words instead.
error-password-email = The password must not contain your e-mail address.

## Administration
admin-audit-title = Audit log
admin-audit-lead = Who did what, and when: sign-ins, failed sign-ins, role changes, exports and views of project holders' records.
admin-outbox-title = E-mails
admin-outbox-lead = E-mails sent or waiting. Without an SMTP server configured, they stay here and are not sent.
audit-action = Action
audit-any = All
audit-since = From
audit-until = Until
audit-filter = Filter
audit-at = Date
audit-actor = By
audit-subject = Record
audit-detail = Detail
audit-empty = No entry matches these filters.
audit-export-hint = The newest 50,000 lines the filters select; narrow the dates for the others.
audit-count-more = More than { $count } entries: narrow the filters (dates, action, person) to go through them.
audit-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
action-sign_in = Sign-in
action-sign_in_failed = Failed sign-in
action-sign_up = Account created
action-email_verified = Address confirmed
action-password_reset = Password reset
action-password_changed = Password changed
action-email_changed = Address changed
action-deletion_requested = Deletion requested
action-role_granted = Role granted
action-role_revoked = Role removed
action-export = Export
action-mentee_viewed = Record viewed
outbox-to = To
outbox-subject = Subject
outbox-status = Status
outbox-created = Created
outbox-sent = Sent
outbox-waiting = Waiting
outbox-failed = Failed
outbox-empty = No e-mail yet.
outbox-smtp-off = No SMTP server is configured (MENTORAT_SMTP_URL): e-mails stay here.
pagination-label = Pagination
pagination-previous = Previous page
pagination-next = Next page
pagination-status = Page { $page } of { $pages }
nav-admin-audit = Audit log
nav-admin-outbox = E-mails

## E-mails
email-greeting = Hello,
email-greeting-name = Hello { $name },
email-signature = The Cercles des Mentors team
email-footer = You receive this message after an action on { $site }. If you did not do it, ignore it.
email-link-hint = If the button does not work, copy this address into your browser:
email-verify-subject = Confirm your e-mail address
email-verify-p1 = Welcome to the Cercles des Mentors network! To activate your account, confirm your e-mail address.
email-verify-p2 = This link is valid for three days.
email-verify-action = Confirm my address
email-exists-subject = A sign-up with your address
email-exists-p1 = Someone, maybe you, tried to create an account with this address. But an account already exists.
email-exists-p2 = If you have forgotten your password, you can choose a new one. Otherwise, ignore this message.
email-exists-action = Choose a new password
email-reset-subject = Your link to choose a new password
email-reset-p1 = You asked to change your password. This link is valid for one hour and works only once.
email-reset-p2 = If you did not ask for anything, ignore this message: your password stays the same.
email-reset-action = Choose a new password
email-password-changed-subject = Your password was changed
email-password-changed-p1 = The password of your account has just been changed and all your sessions have been closed. If it was not you, use “Forgotten password” at once and tell the national team.
email-confirm-email-subject = Confirm your new e-mail address
email-confirm-email-p1 = To make this address the one of your account, open the link below. It is valid for three days.
email-confirm-email-action = Confirm this address
email-email-changed-subject = The address of your account has changed
email-email-changed-p1 = The e-mail address of your account has just been replaced by a new one. If it was not you, tell the national team at once.
email-deletion-subject = Your account deletion request
email-deletion-p1 = We have received your deletion request. Your account and your data will be erased on { $date }. Until then you can change your mind: sign in, then open « My account ».

info-steps = How it works
become-mentor-title = Become a mentor
become-mentor-p1 = You have recognised experience in a field — a trade, starting a business, community work, a course of study — and wish to share it with someone from your area?
become-mentor-p2 = Mentoring is neither charity nor patronage: it is a one-to-one relationship where you help someone ask the right questions. We are often mentors without knowing it.
become-mentor-step1 = Come to an “In search of lost mentoring” conference or to an edition of the nearest circle.
become-mentor-step2 = Apply: your fields of experience, your town, your availability.
become-mentor-step3 = Your circle's coordinators meet you, then introduce you to project holders.
find-mentor-title = Find a mentor for my project
find-mentor-p1 = Do you carry a project close to your heart: starting a business, changing jobs, going back to study, launching an association?
find-mentor-p2 = A mentor with experience in that field who lives near you can help you see clearly and dare.
find-mentor-step1 = Find the circle of your area and come to its next event.
find-mentor-step2 = Present your project: what you want to do and the help you are looking for.
find-mentor-step3 = The circle's coordinators suggest mentors; you choose together.

## Events and registrations
event-title-page = { $title }
event-when = When
event-where = Where
event-duration = { $minutes } minutes
event-capacity = { $count ->
    [one] { $count } seat
   *[other] { $count } seats
}
event-places-left = { $count ->
    [0] Full: join the waiting list, you will be told if a seat frees up.
    [one] Only one seat left.
   *[other] { $count } seats left.
}
event-cancelled-notice = This event is cancelled.
event-past-notice = This event has taken place.
event-agenda = Programme
event-host = Hosted by { $name }
event-add-calendar = Add to my calendar (.ics)
event-register-title = Register
event-register-lead = No account needed. You will receive a confirmation by e-mail, with a link to cancel.
phone-field = Phone
phone-hint = Optional, to warn you if something changes.
heard-from-field = How did you hear about this event?
heard-from-none = I prefer not to say
heard-association = Through an association
heard-friend = Through someone I know
heard-press = In the press
heard-social = On social media
heard-poster = On a poster
heard-other = Another way
consent-field = I agree to be contacted about mentoring after the event.
register-submit = Register
register-waitlist-submit = Join the waiting list
registered-title = Registration confirmed
registered-text = Your seat is booked. A confirmation e-mail has just been sent, with the file for your calendar and a link to cancel.
waitlisted-title = You are on the waiting list
waitlisted-text = The event is full. We will write to you if a seat frees up: seats go in order of registration.
already-registered-title = You are already registered
already-registered-text = This address is already registered to this event. Find the confirmation e-mail to cancel if needed.
cancel-title = Cancel my registration
cancel-lead = You are registered to “{ $title }”, { $when }. Freeing your seat lets someone from the waiting list come.
cancel-submit = Cancel my registration
cancel-done-title = Registration cancelled
cancel-done-text = Your registration is cancelled. Thank you for freeing your seat.
cancel-invalid-title = This link is no longer valid
cancel-invalid-text = This registration is already cancelled, or the link is incomplete.
error-phone = This phone number is not valid. Example: +33 6 12 34 56 78
error-event-closed = Registrations to this event are closed.
back-to-event = Back to the event
registrations-title = Registrations: { $title }
registrations-summary = { $confirmed ->
    [one] { $confirmed } person registered
   *[other] { $confirmed } people registered
}, { $waitlisted } on the waiting list, { $attended ->
    [one] { $attended } person present
   *[other] { $attended } people present
}.
registrations-empty = Nobody has registered yet. Share the event page to bring people in.
registration-name = Name
registration-contact = Contact
registration-status = Status
registration-presence = Attendance
status-confirmed = Registered
status-waitlisted = Waiting list
status-cancelled = Cancelled
mark-present = Present
mark-absent = Remove attendance
present = Present
export-csv = Export as CSV (spreadsheet)
print-sheet = Printable sign-in sheet
sheet-title = Sign-in sheet
sheet-signature = Signature
invite-title = After the event
invite-lead = Invite the attendees who agreed to be contacted to apply as mentors.
invite-submit = Send the invitations
invite-done = { $count ->
    [0] No new invitation: nobody present and willing is still waiting for theirs.
    [one] One invitation sent.
   *[other] { $count } invitations sent.
}
csv-first-name = First name
csv-last-name = Last name
csv-email = E-mail
csv-phone = Phone
csv-status = Status
csv-attended = Present
csv-consent = Agrees to be contacted
csv-heard-from = Heard through
csv-registered-at = Registered on
yes = yes
no = no
organise-title = My events
organise-lead = The events whose registrations you manage.
organise-empty = No event to manage yet.
nav-organise = My events
calendar-feed = Subscribe to the calendar (.ics)

## Hosting a conference, contact
nav-host = Create a circle
nav-contact = Contact
host-title = Create a circle in my town
host-lead = It all starts with a conference, “In search of lost mentoring”, organised with an association of your town. Tell us who you are: the national team will answer by e-mail.
association-field = Association
contact-name-field = Your name
audience-field = Expected number of people
audience-hint = An estimate is enough, for example 60.
dates-field = Dates that would suit you
dates-hint = For example: a Thursday evening in March.
message-field = Message
host-submit = Send the request
host-sent-title = Request sent
host-sent-text = Thank you! The national team is looking at your request and will answer by e-mail.
error-audience = Give a number of people between 1 and 10,000.
error-commune = Choose your town in the list (type its name or postal code).
contact-title = Write to us
contact-lead = A question, a wish to join the network, a press request? Write to us.
category-field = Subject
category-join = Join the network
category-circle = Create a circle
category-press = Press
category-support = Support the association
category-other = Something else
contact-submit = Send the message
contact-sent-title = Message sent
contact-sent-text = Thank you for your message. An acknowledgement has just been sent by e-mail; the national team will answer you.
website-field = Leave this field empty
admin-requests-title = Conference requests
admin-requests-empty = No request yet.
request-status-new = New
request-status-answered = Answered
request-status-scheduled = Conference scheduled
request-status-declined = Declined
schedule-title = Schedule the conference
schedule-lead = The conference is pre-filled: the title “In search of lost mentoring”, two hours including questions, the three-part programme and the buffet. Everything stays editable afterwards.
date-field = Date
time-field = Start time
venue-field = Venue
address-field = Address
capacity-field = Number of seats
circle-field = Circle
schedule-submit = Schedule the conference
scheduled-notice = Conference scheduled.
error-date = Choose a future date in the expected format.
error-capacity = Give a number of seats between 1 and 5,000.
mark-answered = Mark as answered
admin-messages-title = Messages received
admin-messages-empty = No message.
message-status-new = New
message-status-in_progress = In progress
message-status-done = Done
set-status = Change status
nav-admin-requests = Requests
nav-admin-messages = Messages
nav-admin-dashboard = Dashboard

## Mentoring
nav-space = My space
nav-coordination = Coordination
sign-in-to-continue = Sign in or create an account to continue: it is free and quick.
apply-title = My mentor application
apply-lead = Tell us in which fields you have experience, where you live and how many project holders you can accompany.
domain-field = Field of experience { $n }
domain-none = — None —
years-field = Years of experience in this field
bio-field = A few words about you
bio-hint = Your path, what you like to pass on. Project holders will read it.
travel-field = How far can you travel (km)?
remote-field = I can also mentor remotely.
languages-field = Languages
language-fr = French
language-en = English
language-nl = Dutch
language-ar = Arabic
language-es = Spanish
language-pt = Portuguese
language-de = German
language-it = Italian
language-tr = Turkish
language-wo = Wolof
capacity-mentor-field = How many project holders at once (1 to 5)?
availability-field = Your availability
availability-hint = For example: Tuesday evenings, every other Saturday.
charter-field = I have read and accept the mentor charter: listening, kindness, confidentiality, neither payment nor patronage.
apply-submit = Send my application
applied-title = Application sent
applied-text = Thank you! Your circle's coordinators will study your application and offer you an interview. You will receive an e-mail at each step.
application-status = Status of your application: { $status }
vetting-submitted = Sent
vetting-interview_planned = Interview planned
vetting-approved = Accepted
vetting-declined = Not retained
vetting-paused = Paused
project-title = Present my project
project-lead = Describe your project and the help you are looking for. Your circle's coordinators will validate it, then you can choose a mentor.
project-title-field = Project title
project-description-field = Your project
project-domains-field = Field of the project
stage-field = Where does the project stand?
stage-idea = It is an idea
stage-preparing = I am preparing it
stage-launching = I am launching it
stage-running = It already exists
help-field = The help you are looking for
project-remote-accepted = The project holder accepts remote mentoring.
project-remote-field = I am happy to be mentored remotely (phone, video) by a mentor who lives further away.
birth-year-field = Year of birth
birth-year-hint = Under 15, a parent's consent is needed.
parent-name-field = Name of a parent (if you are under 15)
parent-email-field = E-mail address of this parent
project-submit = Send my project
project-sent-title = Project sent
project-sent-text = Thank you! Your circle's coordinators will read it. If you are under 15, your parent has received an e-mail to give their consent.
consent-title = A parent's consent
consent-notice = { $child } presented the project « { $project } » on the Cercles des Mentors platform ({ $circle }). We will offer them a volunteer mentor, checked by the circle's coordinators. Only their mentor and the circle's coordinators see their contact details; the mentors they ask see their first name, the initial of their last name and their project. The messages and notes of an ended relationship are erased { $months } months after it ends, and an account unused for { $inactive } months is deleted. Your consent (its date and the version of this text) is recorded and can be withdrawn at any time with the same link; your child gives their own too, and can withdraw it from their space. We never pass any data on.
consent-submit = I give my consent
consent-withdraw = Withdraw my consent
consent-withdraw-confirm = Withdraw your consent? No more introductions will be possible for this project.
consent-given-title = Thank you for your consent
consent-given-text = Your consent is recorded. You can withdraw it at any time with the same link.
consent-withdrawn-title = Consent withdrawn
consent-withdrawn-text = Your consent is withdrawn: no mentor can be involved in this project any more.
space-title = My space
space-projects = My projects
space-no-project = You have not presented a project yet.
space-requests-out = My requests to mentors
space-requests-in = Requests made to me
space-mentorships = My mentoring relationships
space-empty = Nothing for now.
project-status-submitted = Waiting for validation
project-status-needs_details = Details asked
project-status-validated = Validated
project-status-matched = Accompanied
project-status-closed = Finished
consent-waiting = Waiting for a parent's consent.
browse-directory = Find a mentor in the directory
mreq-status-open = Waiting for an answer
mreq-status-accepted = Accepted
mreq-status-declined = Declined
mreq-status-withdrawn = Withdrawn
mreq-status-expired = Expired
mreq-status-closed = Closed
decline-reason-no_time = Not available at the moment
decline-reason-not_my_field = Not my field
decline-reason-too_far = Too far
decline-reason-other = Another reason
accept-submit = Accept
decline-submit = Decline
decline-reason-field = Reason
decline-text-field = A word for the project holder (optional)
withdraw-submit = Withdraw my request
withdraw-confirm = Withdraw this request? The mentor will no longer be able to answer it; you can send another one.
directory-title = The mentor directory
directory-lead = Mentors available near you. Their contact details will be passed on if they accept your request.
directory-filter-domain = Field
directory-filter-level = Distance
directory-any = All
level-any = Anywhere
level-same_commune = My town
level-same_intercommunality = My intercommunality
level-same_departement = My département
directory-filter = Filter
directory-filter-language = Language spoken
directory-any-language = Any
directory-languages = Speaks:
directory-empty = No mentor available with these criteria. Widen the distance or the field.
reason-same-field = Same field: { $field }
reason-synonym-field = Related field: { $field }
reason-same-commune = Same town
reason-same-epci = Same intercommunality: { $name }
reason-same-dep = Same département: { $name }
reason-years = { $years } years in { $field }
reason-words = Words in common: { $words }
reason-remote = Remote mentoring possible
directory-years = { $years } years
directory-score = Match: { $score } out of 100
record-suggestions-title = Suggested mentors
record-suggestions-lead = The ten available mentors who best match this project, as the project holder sees them in the directory. To propose pairs, run the circle's matching from the Coordination page.
record-suggestions-empty = No available mentor matches this project for now (field, distance or language).
request-message-field = Your message to the mentor
request-submit = Ask { $name } to accompany me
request-sent = Your request is sent. The mentor will answer you by e-mail.
mentorship-title = Mentoring relationship
mentorship-project = Project: { $title }
mentorship-pair = { $mentor } accompanies { $mentee }
mentorship-contact = To write to each other: { $email }
mentorship-meetings = Meetings
mentorship-no-meeting = No meeting recorded.
meeting-date-field = Date of the meeting
meeting-minutes-field = Duration (minutes)
meeting-remote-field = Remote
meeting-topics-field = Topics
meeting-notes-field = Private notes (visible only to the two of you)
meeting-submit = Record the meeting
meeting-line = { $date } — { $minutes } min
meeting-remote = remote
meeting-in-person = in person
close-title = Close the relationship
close-reason-field = Why close it?
close-submit = Close the relationship
close-confirm = Close this mentoring relationship? It will move to the history: no more meetings can be logged, and the mentor's place is freed.
feedback-title = Your view
satisfaction-field = Your satisfaction (1 to 5)
changes-field = What the relationship changed for the project
comment-field = A comment
feedback-submit = Send my view
feedback-thanks = Thank you for your view.
mentorship-closed = This relationship is closed.
coordination-title = Coordination
coordination-lead = What is waiting in your circle: applications to study, projects to validate, project holders waiting for a mentor, relationships to follow.
coordination-applications = Mentor applications to study
coordination-projects = Projects to validate
coordination-waiting = Project holders waiting for a mentor
coordination-waiting-days = { $days ->
    [0] since today
    [one] for { $days } day
   *[other] for { $days } days
}
coordination-mentors = Mentors of the circle
coordination-empty = Nothing waiting.
coordination-first = The { $shown } oldest of { $total }.
coordination-circles = The circles
coordination-col-circle = Circle
coordination-col-status = Status
coordination-col-mentors = Mentors
coordination-col-weights = Weights
vetting-title = Application of { $name }
vetting-domains = Fields
vetting-record = What is recorded
vetting-fact-languages = Languages
vetting-fact-places = Places
vetting-places = { $taken } taken of { $places }
vetting-fact-availability = Availability
vetting-fact-travel = Travel
vetting-travel = { $remote ->
    [1] up to { $km } km, and remotely
   *[0] up to { $km } km
}
vetting-fact-interview = Interview
vetting-fact-background = Background check
vetting-fact-charter = Charter accepted
vetting-not-yet = not yet
vetting-next = Next step
interview-field = Date of the interview
background-field = Background check done (no document is kept)
vetting-submit = Record the step
record-title = Project of { $name }
decision-field = Decision
decision-validate = Validate the project
decision-details = Ask for details
note-field = Message to the project holder
decision-submit = Record the decision
error-years = Give your years of experience (0 to 70).
error-domains = Choose at least one field.
error-capacity-mentor = Choose between 1 and 5 project holders.
error-languages = Choose at least one language.
error-charter = Accept the charter to become a mentor.
error-already-applied = You have already sent an application.
error-status-transition-mentor = This step is not possible: an application goes through an interview before it is accepted.
error-interview-date = Give the date of the interview.
error-background-check = Record the background check before accepting.
error-birth-year = Give your year of birth, for example 1990.
error-status-transition-project = This project has already been handled.
error-project-not-ready = This project is not ready for a match yet (validation or a parent's consent pending).
error-same-person = You cannot be your own mentor.
error-mentor-full = This mentor has no free place for now.
error-you-are-full = You have no place left: all your mentoring places are taken. A place is freed when a relationship is closed.
space-full = { $count ->
    [one] You already mentor { $count } person, as many as your places: you can accept a request once a relationship is closed. You may decline those waiting.
   *[other] You already mentor { $count } people, as many as your places: you can accept a request once a relationship is closed. You may decline those waiting.
}
error-three-requests = You already have three requests waiting: wait for an answer or withdraw one.
error-already-asked = You have already asked this mentor.
error-request-closed = This request is no longer waiting.
error-mentorship-closed = This relationship is closed.
error-date-future = The date cannot be in the future.
error-interview-when = Choose an interview date between a year ago and a year from now.
error-meeting-before-start = The meeting cannot have taken place before the relationship began.
error-edition-date = Choose a date between 1 January 2000 and five years from today.
error-event-too-far = Choose a date within the next three years.
error-minutes = Give a duration between 5 and 600 minutes.
error-satisfaction = Choose a mark from 1 to 5.
action-mentor_vetted = Mentor application
action-project_reviewed = Project reviewed
action-parental_consent = Parental consent

goals-title = Goals
goals-empty = No goal yet: set a first milestone together.
goal-new = New goal
goal-add = Add
goal-status-open = To do
goal-status-in_progress = In progress
goal-status-reached = Reached
goal-status-dropped = Dropped
domains-title = Fields of experience
domains-lead = The labels and synonyms of the fields, in French and English. Synonyms help search and matching.
domain-label-fr = Label in French
domain-label-en = Label in English
domain-synonyms-fr = Synonyms in French (comma-separated)
domain-synonyms-en = Synonyms in English (comma-separated)
domain-save = Save
nav-admin-domains = Fields
coordination-feedback = Feedback received on closed relationships: { $count } — average satisfaction { $average } out of 5.
coordination-events = Upcoming events
action-domain_edited = Field edited

proposal-title = Circle matching
proposal-lead = Compute the best assignment of the waiting project holders to the available mentors. You will review each pair before publishing: each mentor will then receive a request.
proposal-run = Propose pairs for { $name }
proposal-matches-first = As many pairs as possible first, then the best score
proposal-rule-matches-first = Rule followed: as many pairs as possible first, then the best total score.
proposal-rule-best-score = Rule followed: the best total score. A project holder may be left without a mentor when that gives a better total; tick “As many pairs as possible first” to avoid it.
proposal-network = the whole network
proposal-together-legend = Match several circles together
proposal-together-hint = Tick at least two circles: their project holders share out the mentors' places in one proposal.
proposal-together-select-hint = To choose several, hold Ctrl (or Cmd on a Mac) while clicking; on a phone, tap each circle.
proposal-together-page-hint = The circles offered are those on this page of the circles' table; go to another page to choose others.
proposal-together-run = Propose pairs for the circles ticked
proposal-together = Circles matched together: { $names }.
error-proposal-circles = Tick at least two circles to match together.
proposal-summary = { $matched } pairs proposed, { $unmatched } project holders without an available mentor, total score { $score }, blocking pairs: { $blocking }.
proposal-empty = No pair possible for now: no validated project holder waiting, or no mentor available.
proposal-score = score { $score }
proposal-removed = removed
proposal-remove = Remove this pair
proposal-unmatched-title = Project holders without a mentor in this proposal
proposal-unmatched-no_candidate = no available mentor matches them (field, distance or language); they stay visible in the directory.
proposal-unmatched-candidates_full = the mentors who match them have their places taken by other pairs.
proposal-publish = Publish: send the requests to the mentors
proposal-publish-confirm = Send a request to each mentor of the pairs kept?
proposal-published = { $count ->
    [0] Published: no request to send.
    [one] Published: one request sent.
   *[other] Published: { $count } requests sent.
}
proposal-skipped = { $count ->
    [one] One pair was no longer possible: the project found a mentor or was closed since, the mentor has no place left, or the project holder already has three open requests or already asked this mentor.
   *[other] { $count } pairs were no longer possible: the project found a mentor or was closed since, the mentor has no place left, or the project holder already has three open requests or already asked this mentor.
}
error-proposal-published = This proposal is already published.
error-proposal-replaced = This proposal was recomputed: only the new one can be changed or published.
proposal-recompute-title = Recompute after your review
proposal-recompute-lead = The pairs you keep stay as they are. The pairs you removed will not be proposed again. The project holders they freed get the best proposal possible with the mentors left.
proposal-recompute = Recompute without the removed pairs
proposal-recompute-confirm = Recompute? A new proposal will replace this one.
proposal-publish-title = Publish
proposal-replaced = This proposal was recomputed: it can no longer be changed or published.
proposal-replaced-link = See the new proposal
proposal-excluded = { $count ->
    [one] One pair removed in an earlier review will not be proposed again.
   *[other] { $count } pairs removed in earlier reviews will not be proposed again.
}
action-matching_proposed = Matching proposed
action-matching_recomputed = Matching recomputed
action-matching_published = Matching published
action-matching_weights_set = Matching weights set
action-matching_weights_reset = Matching weights reset to the defaults

## Matching weights (per circle)
weights-link = Tune the weights of { $name }
weights-title = Matching weights: { $name }
weights-lead = A mentor's score for a project holder adds up six criteria. Give each a weight from 0 to 100: the larger it is, the more the criterion counts in this circle's suggestions and proposed pairs. Only the proportions matter.
weights-defaults = This circle uses the default weights.
weights-custom = This circle has its own weights.
weights-part-field = Field in common
weights-help-field = The mentor has the project's field (or a synonym the project holder used).
weights-part-text = Words in common
weights-help-text = The project's words appear in the mentor's presentation.
weights-part-proximity = Proximity
weights-help-proximity = Same commune, same intercommunality, same département…
weights-part-years = Years of experience
weights-help-years = The mentor's years in the project's field.
weights-part-load = Mentor's free time
weights-help-load = Mentors who still support few project holders come first.
weights-part-availability = Matching schedules
weights-help-availability = The times when each is available overlap.
weights-save = Save the weights
weights-saved = Weights saved: the next suggestions take them into account.
weights-reset = Back to the default weights
weights-reset-confirm = Replace this circle's weights with the defaults?
weights-reset-done = This circle uses the default weights again.
error-weight-range = Enter a whole number from 0 to 100.
error-weights-all-zero = Give at least one criterion a weight of 1 or more.

## Circles (management)
nav-admin-circles = Circles
admin-circles-title = Manage circles
circle-create-title = Create a circle
circle-create-lead = The circle starts as planned, in the chosen town; at first it covers the town's intercommunality. You can then extend its territory and name its coordinators.
circle-name-field = Name of the circle
circle-name-hint = The name of the town, for example “Amiens”.
description-fr-field = Presentation in French
description-en-field = Presentation in English
circle-create-submit = Create the circle
circle-public-page = See the public page
circle-status-title = Change the circle's status
circle-status-field = New status
circle-status-submit = Change status
territory-current = Territory covered
territory-empty = No territory: the circle does not receive anyone yet.
territory-title = Extend the territory
territory-lead = Choose a town, then what the circle must cover: the town alone, its intercommunality or its département.
territory-level-field = Cover
level-commune = The town
level-epci = Its intercommunality
level-departement = Its département
territory-submit = Add to the territory
edition-title = Record an edition
new-mentors-field = New mentors welcomed
edition-submit = Record the edition
coordinators-current = Coordination
coordinators-empty = Nobody coordinates this circle yet.
coordinator-title = Name a coordinator
coordinator-hint = The address of their account on the platform.
coordinator-submit = Name
coordinator-revoke = Remove
coordinator-revoke-confirm = Remove this person from the circle's coordination?
member-title = Add a member of the association
members-current = Members of the association
members-empty = No member has an account linked to this association yet.
partner-page = See the partner association
event-create-title = Schedule an event
event-create-submit = Schedule the event
event-title-field = Title
event-kind-field = Kind of event
duration-field = Duration (minutes)
event-cancel-submit = Cancel the event
event-cancel-confirm = Cancel this event? The people registered will be told by e-mail.
action-circle_created = Circle created
action-circle_status = Circle status
action-event_cancelled = Event cancelled
action-invitations_sent = Invitations sent

## Dashboard
dashboard-title = Network dashboard
dashboard-mentors = Approved mentors: { $count } out of a target of { $target }
dashboard-circles = Active circles: { $count } out of a target of { $target }
dashboard-progress = { $percent }% of the target
dashboard-by-status = Circles by status
dashboard-cities = Towns covered: { $count }
dashboard-growth = New approved mentors per month
dashboard-growth-desc = Bar chart of the last twelve months; the same figures are in the table that follows.
dashboard-month = Month
dashboard-new-mentors = New mentors
dashboard-total = Total at the end of the month
dashboard-funnel = From conference to mentoring, by circle
dashboard-attendees = Conference attendees
dashboard-applications = Mentor applications
dashboard-approved = Approved mentors
targets-title = Targets
targets-year = Year
targets-mentors = Mentors
targets-circles = Circles
targets-submit = Save the targets
targets-saved = Targets saved.
error-targets = Give a year and positive targets.

## Event e-mails
email-registered-subject = Registration confirmed: { $title }
email-registered-p1 = Your seat is booked for “{ $title }”, { $when }, { $venue }.
email-registered-p2 = The attached file adds the event to your calendar. If you can no longer come, free your seat for someone on the waiting list.
email-registered-action = Cancel my registration
email-waitlisted-subject = Waiting list: { $title }
email-waitlisted-p1 = “{ $title }” ({ $when }) is full. You are on the waiting list: if a seat frees up, it will be given in order of registration and we will tell you.
email-waitlisted-p2 = If you no longer wish to come, you can leave the waiting list.
email-waitlisted-action = Leave the waiting list
email-promoted-subject = A seat has freed up: { $title }
email-promoted-p1 = Good news: a seat has freed up for “{ $title }”, { $when }, { $venue }. It is yours.
email-promoted-p2 = The attached file adds the event to your calendar. If you cannot come, free the seat for someone else.
email-promoted-action = Cancel my registration
email-reminder-subject = Reminder: { $title } { $soon ->
    [today] today
    [tomorrow] tomorrow
   *[later] in { $days } days
}
email-reminder-p1 = We look forward to seeing you at “{ $title }”, { $when }, { $venue }.
email-reminder-p2 = Something came up? Free your seat for someone on the waiting list.
email-reminder-action = Cancel my registration
email-cancelled-subject = Registration cancelled: { $title }
email-cancelled-p1 = Your registration to “{ $title }” ({ $when }) is cancelled. Thank you for telling us.
email-event-cancelled-subject = Event cancelled: { $title }
email-event-cancelled-p1 = We are sorry: “{ $title }”, planned { $when }, is cancelled. We will tell you about the next event.
error-circle-exists = A circle already has this name.
error-status-transition = This change of status is not possible: a circle goes from Planned to Launching, then Active, and can be paused.
error-no-epci = This town belongs to no intercommunality: choose the town or the département.
error-no-account = No account exists with this address: the person must first create their account.
error-number = Give a whole number.
email-vetting-received-subject = Your mentor application is received
email-vetting-received-p1 = Thank you! Your circle's coordinators will study it and offer you an interview.
email-vetting-interview-subject = An interview for your mentor application
email-vetting-interview-p1 = Your circle's coordinators offer you an interview; they will contact you to arrange it.
email-vetting-approved-subject = Welcome among the mentors!
email-vetting-approved-p1 = Your application is accepted. Project holders of your area can now see you.
email-vetting-declined-subject = Your mentor application
email-vetting-declined-p1 = After study, your circle's coordinators are not taking your application further for now. Thank you for your offer.
email-vetting-paused-subject = Your participation is paused
email-vetting-paused-p1 = Your mentor profile is paused: project holders no longer see it until it resumes.
email-consent-subject = Your consent for { $child }'s project
email-consent-p1 = { $child } presented a project on the Cercles des Mentors platform. As { $child } is under 15, your consent is needed before any mentor is involved.
email-consent-p2 = The link below shows the information notice and lets you give your consent, or withdraw it later.
email-consent-action = Read and give my consent
email-project-validated-subject = Your project is validated
email-project-validated-p1 = Your circle's coordinators validated your project: you can now browse the mentor directory and make a request.
email-project-details-subject = Your project: a few details
email-project-details-p1 = Your circle's coordinators need some details: { $note }
email-request-subject = A mentoring request
email-request-p1 = A project holder would like you to mentor them. Read their request and answer: accept, or decline giving a reason.
email-request-action = See the request
email-accepted-subject = Your request is accepted
email-accepted-p1 = Good news: the mentor agrees to accompany you. Their contact details are now visible in your space.
email-accepted-action = Open the mentoring relationship
email-declined-subject = Answer to your mentoring request
email-declined-p1 = The mentor cannot take your request further; their reason is shown in your space. Other mentors are waiting in the directory.
email-declined-action = See my requests
email-request-closed-subject = A request closed
email-request-closed-p1 = The project holder who asked you has found a mentor: their request is closed. Thank you for being available.
email-feedback-subject = Your view on the mentoring relationship
email-feedback-p1 = The mentoring relationship is closed. Tell us what it changed: your view helps the network grow.
email-feedback-action = Give my view
email-request-expired-subject = Your mentoring request expired
email-request-expired-p1 = The mentor has not answered your request for two weeks: it is closed. Other mentors are waiting in the directory.
email-request-expired-action = See my space
email-quiet-subject = News of your mentoring relationship?
email-quiet-p1 = No meeting has been recorded for a month. Get news of each other, and note your next meeting.
email-quiet-action = Open the relationship
coordination-attention = Relationships to follow (no meeting for 60 days)
email-invite-subject = Becoming a mentor after “{ $title }”
email-invite-p1 = Thank you for coming to “{ $title }”. You agreed that we contact you about mentoring.
email-invite-p2 = If you feel like sharing your experience, apply as a mentor: the form is already pre-filled.
email-invite-action = Apply as a mentor
email-hosting-subject = Your conference request is received
email-hosting-p1 = Thank you! The national team is looking at your request to host an “In search of lost mentoring” conference and will answer by e-mail.
email-contact-subject = Your message is received
email-contact-p1 = Thank you for your message. The national team will answer by e-mail.
email-inbox-subject = New on the platform: { $what }
email-inbox-p1 = A new item is waiting in the platform's inbox: { $what }.
email-inbox-action = Open
inbox-what-hosting = conference request
inbox-what-contact = contact message
inbox-what-mentor-application = mentor application
inbox-what-project = project to review

## Form error messages
confirm-title = Confirm
confirm-yes = Yes, confirm
confirm-no = No, go back
error-empty = This field is required.
error-too-long = This text is too long.
error-control-character = A field holds an invisible character (a control character) that is not accepted. Remove it, then send the form again.
error-line-break = A one-line field holds a line break. Write it on one line, then send the form again.
error-direction-override = A name or title holds an invisible character that reverses the reading direction. Remove it, then send the form again.
error-invalid-email = This e-mail address is not valid. Example: first.last@example.org
error-unknown-choice = Choose one of the options offered.
error-invalid-characters = This text contains characters that are not allowed.
error-account-exists = An account already exists with this address.
error-password-too-short = The password must be at least 12 characters long.
error-password-mismatch = The two passwords are not the same.

## Error pages
error-400-title = Incomplete form
error-400-text = The information sent is incomplete or malformed. Go back, check the form and try again.
error-404-title = Page not found
error-404-text = This page does not exist or has moved. Check the address, or start again from the home page.
error-403-title = Access denied
error-403-text = You do not have access to this page, or the form has expired. Reload the page and try again.
error-413-title = Too much data sent
error-413-text = The information sent is too large. Shorten it and try again.
error-500-title = Something went wrong
error-500-text = We could not show this page. The team has been told; please try again in a moment.

## Dates
date-long = { $day } { $month } { $year }
date-time = { $weekday } { $date } at { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
dashboard-bar-title = { $month }: { $count }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## The menu, the footer, the association's details, the legal notice and the privacy page
nav-menu = Menu
nav-menu-label = All pages
nav-admin-association = The association's details
legal-title = Legal notice
legal-lead = Who publishes this site and who hosts it.
privacy-title = Personal data
privacy-lead = { $name } is responsible for the personal data this site collects.
privacy-what-title = What we collect and why
privacy-what = What you entrust us with (name, e-mail address, town, your project or your experience as a mentor, your event registrations), for one reason only: to pair mentors and project holders in your area and to support them.
privacy-who-title = Who sees it
privacy-who = A project holder's contact details are shown only to their mentor and to their circle's coordinators. We never sell or lend any data.
privacy-rights-title = Your rights
privacy-rights = You can see, correct, download (portability) or erase your data, object to its use and withdraw a consent you gave. From « My account » you download all your data and ask for your account to be erased.
privacy-write-to = For any question about your data, write to
privacy-use-contact = For any question about your data, write to us through the page
privacy-cnil = If you think your rights are not respected, you can lodge a complaint with the CNIL:
privacy-cnil-link = lodge a complaint with the CNIL
association-title = The association's details
association-lead = These details appear in the legal notice and on the personal data page.
association-save = Save the details
association-saved = The association's details are saved.
association-not-given = Not given
association-name = Name of the association
association-name-hint = For example: Cercles des Mentors.
association-address = Registered office
association-address-hint = On several lines if needed.
association-registration = RNA or SIREN number
association-registration-hint = For example: W601234567.
association-publisher = Publication director
association-publisher-hint = First name and last name.
association-host = Host of the site
association-host-hint = The host's name, address and telephone number.
association-privacy-contact = Contact for personal data
association-privacy-contact-hint = An e-mail address, for example: data@example.org.
association-membership-url = Membership page
association-membership-url-hint = A web address starting with https://.
association-donation-url = Donation page
association-donation-url-hint = A web address starting with https://.
error-association-url = Give a complete web address, starting with https://.
action-association_edited = The association's details edited
request-from-coordination = Suggested by the circle's coordinators.
event-agenda-hint = For a conference, leave it empty: the usual programme is shown, in each reader's language.
conference-agenda-1 = 1. What is mentoring?
conference-agenda-2 = 2. Can one become a mentor, or are we mentors without knowing it?
conference-agenda-3 = 3. How can each of us contribute?
conference-agenda-4 = The evening ends with a friendly buffet.
commune-choose = — Choose your town from the list —
directory-empty-all-asked = You have already written to every mentor who matches your project. Their answers arrive in “My space”; if one of them declines, other mentors may appear here.
directory-empty-nobody = No available mentor matches your project yet. Your circle's coordinators know it and will suggest a mentor as soon as a place opens up.
outbox-attachment = Attachment: { $name }
organise-upcoming = Upcoming
organise-past = Past
organise-past-empty = No past event among those you manage.
organise-upcoming-count = { $count ->
    [0] No upcoming event
    [one] One upcoming event
   *[other] { $count } upcoming events
}
organise-past-count = { $count ->
    [0] No past event
    [one] One past event
   *[other] { $count } past events
}
calendar-subscribe = Subscribe to the calendar
calendar-subscribe-hint = (your calendar will show every new event)
calendar-subscribe-network = Subscribe to the calendar of every circle
support-title = Support the association
support-why = The Cercles des Mentors network lives on the commitment of volunteers and the support of those who believe in it. Every membership, every donation and every hour given lets a circle be born or last, and a project holder find their mentor. Your trust commits us.
support-money-title = Join or give
support-money-none = To join or to give, write to us through the page
support-join = Join the association
support-give = Make a donation
support-outside = (on our payment partner's site)
support-time-title = Give some time
support-mentor = Become a mentor in your circle
support-host = Host the conference « À la recherche du mentorat perdu » in your town
support-relay = Relay a conference to your association or your network
support-thanks = Thank you for your support.
home-support-text = Join, give, become a mentor, host or relay a conference: everyone can help the network grow.
home-support-link = The ways to support the association
association-support-text = Why support the association
association-support-text-hint = The text of the page « Support the association ». Leave it empty for the usual text, in each reader's language.
circle-mentors-title = The mentors of the circle of { $name }
circle-projects-title = The projects of the circle of { $name }
circle-mentors-link = Every mentor of the circle
circle-projects-link = Every project of the circle
circle-mentors-count = { $count ->
    [one] One mentor, applications included
   *[other] { $count } mentors, applications included
}
circle-projects-count = { $count ->
    [one] One project
   *[other] { $count } projects
}
circle-mentors-empty = No mentor in this circle yet. Applications come after the conference « À la recherche du mentorat perdu ».
circle-projects-empty = No project in this circle yet.
back-office-back = Back to the circle
event-title-edition = Cercle des Mentors meeting
email-host-scheduled-subject = Your conference is scheduled: « { $title } », { $when }
email-host-scheduled-p1 = Good news: the conference « { $title } » that your association hosts is scheduled { $when }, { $venue }. Its page is online: share it around you to bring people.
email-host-scheduled-p2 = A week before, we will tell you how many people registered; after the conference, how many came and how many offer to become mentors.
email-host-scheduled-action = See the conference's page
email-host-week-subject = In a week: « { $title } »
email-host-week-p1 = The conference « { $title } » takes place { $when }, { $venue }. { $registered_kind ->
    [none] Nobody has registered yet: now is the time to pass the invitation on.
    [one] One person has registered so far.
   *[other] { $registered } people have registered so far.
}
email-host-week-p2 = Please get the room and the welcome ready; the circle's coordinators bring the sign-in sheet.
email-host-week-action = See the conference's page
email-host-after-subject = Thank you for hosting « { $title } »
email-host-after-p1 = Thank you for your welcome. { $attended_kind ->
    [none] No attendance was recorded at the conference.
    [one] One person came to the conference.
   *[other] { $attended } people came to the conference.
}
email-host-after-p2 = { $applied_kind ->
    [none] Nobody has offered to become a mentor yet; the invitations are out, and applications often come in the following weeks.
    [one] One person has already offered to become a mentor.
   *[other] { $applied } people have already offered to become mentors.
} Your trust commits us.
email-host-after-action = See the conference's page
share-title = Associations and share links
share-empty = No association hosts or relays this event yet.
share-who = { $name } ({ $role })
share-role-host = host
share-role-relay = relay
share-figures = { $registered ->
    [0] No registration through this link yet
    [one] One registration through this link
   *[other] { $registered } registrations through this link
}{ $attended ->
    [0] .
    [one] , one of whom came.
   *[other] , { $attended } of whom came.
}{ $applied ->
    [0] {""}
    [one] {" "}One mentor application came from it.
   *[other] {" "}{ $applied } mentor applications came from it.
}
relay-title = Add a relay association
relay-lead = An association of the circle that spreads the word gets its own link: the registrations it brings are counted for it. It sees its figures, never the names of the people registered.
relay-partner = Association
relay-submit = Add as a relay
share-yours-title = Your association's share links
share-yours-lead = Share your link: every registration that comes through it is counted for your association.
action-relay_added = Relay association added
desk-title = The conferences of { $name }
desk-ask = Ask for a conference
desk-empty = Your association has not asked for a conference yet. The conference « À la recherche du mentorat perdu » lasts two hours and starts your town's circle.
desk-asked-on = Asked on { $date }
desk-see-event = see the conference
invite-link-invalid-title = This invitation link was already used
invite-link-invalid-text = An invitation works once. If you have not applied as a mentor yet, you can from the page “Become a mentor”.
invite-sign-up-lead = Thank you for coming to the conference! Create your account: we filled in what you told us. Once your address is confirmed, come back through your invitation's link: your application will be filled in.
dashboard-map-alt = Map of the circles, coloured by status; the same figures are in the table that follows.
dashboard-status = Status
dashboard-circles-count = Circles
launch-title = The circle's launch
launch-not-yet = not yet
launch-step-host = Host association found
launch-step-conference = Conference scheduled
launch-step-registered = First registrations
launch-step-attended = Attendance recorded
launch-step-invited = Invitations sent
launch-step-applied = First mentor applications
launch-step-approved = First mentors approved
launch-step-coordinator = Coordinators named
launch-step-edition = First edition held
launches-title = Circles being launched
launches-lead = Each step is ticked from what the platform recorded, with its first date.
launches-empty = No circle is planned or being launched yet.
launches-count = { $count ->
    [one] One circle being launched
   *[other] { $count } circles planned or being launched
}
nav-admin-launches = Launches
funnel-title = From registration to mentoring
funnel-registered = registrations
funnel-attended = came
funnel-invited = invitations to become a mentor
funnel-applied = applications from the invitation
funnel-approved = mentors approved
funnel-mentoring = mentors already supporting a project
funnel-share = { $percent } % of the step before

## The relationship: requests with their facts, messages, reports, check-ins, volunteers
request-fact-project = Project: { $value }
request-fact-porteur = Project holder: { $value }
request-fact-fields = Fields: { $value }
request-fact-stage = Stage: { $value }
request-fact-help = Help wanted: { $value }
request-fact-commune = Town: { $value }
request-fact-languages = Languages: { $value }
request-fact-reasons = Why you: { $value }
request-page-title = Request from { $name }
request-facts-title = The project
request-message-title = Their message
request-no-contact = Their contact details are given to you if you accept.
request-see-project = See the project and answer
error-mentor-not-suitable = This mentor does not match your project (field, distance, language or places): choose among the mentors the directory suggests.
thread-title = Messages
thread-link = { $count ->
    [0] Messages
    [one] Messages (1 unread)
   *[other] Messages ({ $count } unread)
}
thread-unread = { $count ->
    [one] 1 unread message
   *[other] { $count } unread messages
}
thread-minor = The project holder is a minor: the circle's coordinators can read these messages. Every reading is noted below.
thread-reading = Read by { $name } (coordination) on { $when }
thread-reported-only = You only see the reported messages.
thread-empty = No message yet. Write the first one!
thread-none-reported = No reported message.
message-write = Write a message
message-body-field = Your message
message-body-hint = The other person is told by e-mail that a message is waiting (not what it says).
message-send = Send
message-reported = Reported
report-message = Report this message
report-reason-field = Why?
report-submit = Report to the coordinators
safety-title = A problem?
block-field = End contact now (the relationship is suspended until the coordinators review it)
report-relationship-submit = Tell the coordinators
block-confirm = The relationship will be suspended at once: no more messages or meetings until the coordinators review it, and this person will never be suggested to you again.
reports-title = Reports
report-kind-block = Contact ended
report-kind-message = Message reported
report-kind-relationship = Relationship reported
report-line = { $kind } by { $who }, on { $when }: { $reason }
mentorship-suspended = This relationship is suspended: one of the two people ended contact. The circle's coordinators will review it.
review-title = Review the relationship
review-lead = A report is waiting. After talking to both people, let the relationship go on or close it.
review-resume = The relationship may go on
review-close = Close the relationship
review-close-confirm = Close this relationship? Both people will be free to start another one.
error-nothing-to-review = Nothing waits for review in this relationship.
checkin-title = Check-in
checkin-open = Answer the check-in
checkin-lead = How is your relationship with { $name } going?
checkin-mood-field = How is it going?
checkin-mood-5 = Very well
checkin-mood-4 = Well
checkin-mood-3 = So-so
checkin-mood-2 = With difficulty
checkin-mood-1 = Badly
checkin-met-field = Have you met since the last check-in?
checkin-note-field = Anything the coordinators should know?
checkin-note-hint = Optional. Only the circle's coordinators read it.
checkin-submit = Send my answer
checkin-none = No check-in is open yet: the first one comes a month after the relationship starts.
checkin-thanks = Thank you, your answer is recorded.
checkin-trend = Check-ins
checkin-line = Check-in { $round } — { $who }: { $mood }, met: { $met }
checkin-flag-line = { $mood }, on { $when }
error-no-checkin = No check-in is open yet.
error-checkin-mood = Choose how it is going.
error-checkin-answered = You already answered this check-in.
follow-title = Relationships to follow: reports and check-ins
follow-national-lead = The check-ins of the last 90 days across the network (the answers themselves are read only by each circle's coordinators).
follow-answers = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
follow-mood = Average mood: { $mood } out of 5
follow-met = { $count ->
    [one] 1 answer says they met
   *[other] { $count } answers say they met
}
follow-flagged = { $count ->
    [one] 1 answer to look at
   *[other] { $count } answers to look at
}
follow-reports = { $count ->
    [0] no report waiting
    [one] 1 report waiting
   *[other] { $count } reports waiting
}
follow-no-report = No report waiting.
follow-flagged-title = Answers to look at (last 90 days)
follow-no-flag = No answer to look at: all is well.
space-volunteer = My volunteering
profile-title = My mentor profile
profile-form-title = What I offer
profile-submit = Save my profile
pause-title = Take a break
pause-lead = You are no longer suggested in the directory or in proposals until the date chosen; your current relationships go on.
pause-until-field = Until
pause-submit = Take a break
pause-until = On a break until { $date }.
pause-expired = On a break: several requests went unanswered. Come back when you are available.
pause-coordination = On a break at the coordinators' request: contact them to come back.
resume-submit = I am available again
error-pause-date = Choose a date to come, less than a year away.
error-not-available = You are not available at the moment: nothing to pause.
error-not-paused = You are not on a break.
error-capacity-below-mentees = You already mentor more people than this number.
certificate-title = Volunteering certificate
certificate-association = The association { $name } certifies that:
certificate-body = { $name } gave { $hours } hours of volunteer time to mentoring, over { $meetings } meetings, supporting { $porteurs } project holder(s).
certificate-year = Period: the year { $year }.
certificate-period = Period: from { $from } to { $to }.
certificate-no-meeting = No meeting is recorded yet.
certificate-purpose = Certificate issued for whatever purpose it may serve.
certificate-issued = Issued on { $date }
certificate-pdf = Download as PDF
certificate-years = Choose a year
certificate-all-years = All years
error-year = Unknown year.
hours-title = Volunteer hours
hours-lead = The mentors' meeting hours, by circle and month, valued at the hourly rate chosen (valued volunteer time), for a spreadsheet.
hours-year-field = Year
hours-rate-field = Hourly rate (€)
hours-rate-hint = For instance the gross minimum hourly wage.
hours-submit = Download the table (CSV)
hours-no-circle = No circle
hours-total = Total
hours-csv-circle = Circle
hours-csv-month = Month
hours-csv-mentors = Mentors
hours-csv-meetings = Meetings
hours-csv-hours = Hours
hours-csv-value = Value (€)
email-message-subject = A message is waiting for you
email-message-p1 = You received a message in your mentoring relationship. To read it and answer, open the platform.
email-message-action = Read the message
email-reported-subject = A report in a relationship of your circle
email-reported-p1 = One of the two people of a mentoring relationship reported a message or the relationship. Read it and contact them.
email-reported-action = See the relationship
email-blocked-subject = A relationship suspended in your circle
email-blocked-p1 = One of the two people of a mentoring relationship ended contact: the relationship is suspended until you review it.
email-blocked-action = See the relationship
email-checkin-subject = How is your mentoring going?
email-checkin-p1 = Time for a check-in. Choose an answer below: the page opens with your choice, you only have to confirm.
email-request-lapsed-subject = A request went unanswered
email-request-lapsed-p1 = A mentoring request expired without an answer from you. If you are not available, take a break from your space: you will receive no requests until you come back.
email-request-lapsed-action = Open my space
email-mentor-silent-subject = A mentor no longer answers requests
email-mentor-silent-p1 = A mentor of your circle let several requests expire unanswered. Get news of them.
email-mentor-silent-action = See their record
email-mentor-paused-subject = Your mentor profile is on a break
email-mentor-paused-p1 = Several requests went unanswered: your profile is on a break and no longer appears in the directory. To come back, open your space, then « My mentor profile » and « I am available again ».
email-mentor-paused-action = Open my space
request-see = See the request
mentor-last-active = last active on { $date }
mentor-never-active = no activity yet
vetting-fact-last-active = Last activity
vetting-fact-expired = Requests expired unanswered (since their last answer)
error-reference = Reference to give if you write to us: { $id }

## Privacy duties: retention periods, export, erasure, access log, consents, register
error-period = Enter a whole number within the limits shown.
error-minor-consent = If you are under 15, read the text « For you, if you are under 15 » and tick the box to say you agree.
association-retention-registrations-months = Registrations to past events (months)
association-retention-registrations-months-hint = How long the registrations of people without an account are kept after the event. From 1 to 120 months; 12 by default.
association-retention-requests-months = Contact messages and hosting requests (months)
association-retention-requests-months-hint = How long they are kept once closed. From 1 to 120 months; 12 by default.
association-retention-relationship-months = Messages and notes of a closed relationship (months)
association-retention-relationship-months-hint = Messages, check-in comments and private notes, after the relationship ends. From 1 to 120 months; 12 by default.
association-retention-mail-days = Content of sent e-mails (days)
association-retention-mail-days-hint = From 1 to 3,650 days; 30 by default.
association-retention-audit-months = Access and action log (months)
association-retention-audit-months-hint = From 1 to 120 months; 12 by default.
association-retention-inactive-months = Unused accounts (months)
association-retention-inactive-months-hint = After this long without signing in, the person is warned by e-mail, then their account is erased 30 days later. From 12 to 120 months; 36 by default.
association-erasure-grace-days = Delay before a requested erasure (days)
association-erasure-grace-days-hint = The person can cancel their request during this delay. From 0 to 90 days; 30 by default.
association-backup-days = How long backups are kept (days)
association-backup-days-hint = What the personal data page announces; set your backups accordingly. From 1 to 3,650 days; 30 by default.
email-deletion-action = Open my account
email-partner-left-subject = Your mentoring relationship has ended
email-partner-left-p1 = The person you were in a mentoring relationship with deleted their account: the relationship is closed. Thank you for the time you gave; your meetings still count in your space.
email-partner-left-action = Open my space
email-inactive-subject = Your account will be deleted as it is unused
email-inactive-p1 = You have not signed in for a long time. To protect your data, your account and your data will be deleted on { $date }. To keep your account, just sign in before then.
email-inactive-action = Sign in
delete-cancelled = Your deletion request is cancelled: your account is kept.
erasure-done = The erasure is done.
erasure-pending-title = Deletion planned
erasure-pending = Your account and your data will be deleted on { $date }. You can still change your mind.
erasure-cancel = Keep my account
export-title = My data
export-account-lead = Download everything the platform keeps about you: a file to read (a web page) and a file to pass on to another service (JSON), in one ZIP archive.
export-download = Download my data
export-lead = All the data the platform keeps about you, as of { $date }.
export-empty = No data.
export-section-account = Account
export-section-roles = Roles
export-section-mentor-application = Mentor application and checks
export-section-mentor-fields = Fields of experience
export-section-projects = Projects and consents
export-section-project-fields = Fields of the projects
export-section-requests = Mentoring requests
export-section-mentorships = Mentoring relationships
export-section-meetings = Meetings
export-section-goals = Goals
export-section-messages = Messages
export-section-checkins = Check-ins
export-section-feedback = Feedback given
export-section-feedback-outcomes = What changed (boxes ticked with your feedback)
export-section-api-tokens = API tokens (their name, rights and dates; never the secret)
export-section-reports = Reports made
export-section-registrations = Event registrations
export-section-contact-messages = Contact messages
export-section-hosting-requests = Requests to host a conference
export-section-emails-received = E-mails received
export-section-access-log = Who viewed your data
action-deletion_cancelled = Deletion cancelled
action-account_erased = Account erased
action-data_exported = Data downloaded
action-mentor_viewed = Application viewed
action-mentorship_viewed = Relationship viewed
action-request_viewed = Request viewed
action-thread_read = A minor's messages read
action-hours_exported = Volunteer hours exported
action-parental_consent_withdrawn = Parental consent withdrawn
action-minor_consent = Minor project holder's consent
action-minor_consent_withdrawn = Minor project holder's consent withdrawn
action-api_token_created = API token created
action-api_token_revoked = API token revoked
action-impact_report_exported = Impact report exported
action-import_done = File import finished
action-list_exported = List exported
action-qpv_imported = Priority neighbourhoods imported
action-registrations_viewed = Registrations viewed
audit-person = Who viewed the data of
audit-person-hint = The person's e-mail address.
audit-viewer = What was viewed by
audit-viewer-hint = The e-mail address of the person who viewed.
audit-unknown-person = No account has this e-mail address.
erasures-title = Account erasures
erasures-lead = { $days ->
    [one] An account whose deletion is requested is erased { $days } day after the request, unless the person cancels.
   *[other] An account whose deletion is requested is erased { $days } days after the request, unless the person cancels.
}
erasures-count = { $count ->
    [one] { $count } erasure waiting
   *[other] { $count } erasures waiting
}
erasures-empty = No erasure waiting.
erasures-who = Person
erasures-asked = Asked on
erasures-due = Due on
erasures-action = Action
erasure-now = Erase now
erasure-now-confirm = Erase this account now? Its personal data will be deleted for good.
erasure-letter-title = A request received by letter
erasure-letter-lead = Once you have checked the person's identity, erase their account at once.
erasure-letter-submit = Erase this account
erasure-unknown = No account has this e-mail address.
erasure-address-confirm = Erase the account of { $email } now? Its personal data will be deleted for good.
register-title = Register of processing activities
register-lead = The register of processing activities (GDPR article 30), filled from the association's settings.
register-download = Download the register
register-activities = Processing activities
register-controller = Data controller
register-facet-purpose = Purpose
register-facet-basis = Legal basis
register-facet-people = People concerned
register-facet-data = Data
register-facet-recipients = Recipients
register-facet-retention = Retention
register-events = Conferences and registrations
register-events-purpose = Organise the public conferences and the circles' editions, inform those registered, count those present.
register-events-basis = The association's legitimate interest; consent to be contacted again.
register-events-people = People registered to an event.
register-events-data = Name, e-mail address, telephone (optional), how the person heard of the event, attendance.
register-events-recipients = National team, the circle's coordinators, the association hosting the event.
register-events-retention = { $n } months after the event for people without an account (the numbers registered and present are kept).
register-mentors = Mentor applications and profiles
register-mentors-purpose = Check and present volunteer mentors, certify their hours.
register-mentors-basis = Volunteer commitment (pre-contractual steps and contract).
register-mentors-people = Mentors and applicants.
register-mentors-data = Identity, contact details, town, fields and years of experience, presentation, availability, languages, interview date, check date, charter accepted.
register-mentors-recipients = National team, the circle's coordinators; project holders see the first name, initial, fields and presentation.
register-mentors-retention = As long as the account exists; an account unused for { $inactive } months is erased after a warning.
register-projects = Projects and introductions
register-projects-purpose = Collect projects, suggest mentors, form pairs.
register-projects-basis = The person's consent (and, under 15, theirs and a parent's).
register-projects-people = Project holders, parents of those under 15.
register-projects-data = Identity, contact details, birth year, town, project, languages, a parent's name and address under 15, consents given.
register-projects-recipients = The circle's coordinators, national team; mentors asked see the first name, initial and project; the mentor sees the contact details.
register-projects-retention = As long as the account exists; an account unused for { $inactive } months is erased after a warning.
register-relationships = Mentoring relationships
register-relationships-purpose = Follow the relationship: meetings, goals, messages, check-ins, feedback, reports.
register-relationships-basis = Legitimate interest and the commitment of both people.
register-relationships-people = Mentors and project holders in a relationship.
register-relationships-data = Meetings (date, length, topics, notes), goals, messages, check-in answers, closing feedback, reports.
register-relationships-recipients = The two people; the circle's coordinators for reports, flagged check-ins and a minor's messages.
register-relationships-retention = Messages, comments and private notes: { $n } months after the relationship ends; meeting dates and lengths kept for certificates and figures.
register-requests = Contact and hosting requests
register-requests-purpose = Answer messages and associations wishing to host a conference.
register-requests-basis = Legitimate interest.
register-requests-people = People who write to the association.
register-requests-data = Name, e-mail address, telephone, message, association.
register-requests-recipients = National team.
register-requests-retention = { $n } months after they are closed.
register-mails = E-mails sent
register-mails-purpose = Send the platform's e-mails and know whether they left.
register-mails-basis = Legitimate interest.
register-mails-people = Anyone who receives an e-mail from the platform.
register-mails-data = Address, subject, content of the message.
register-mails-recipients = National team, the e-mail delivery provider.
register-mails-retention = Content erased { $n } days after sending.
register-security = Security and access log
register-security-purpose = Protect accounts, know who viewed whose data.
register-security-basis = Security obligation (GDPR article 32).
register-security-people = Everyone with an account.
register-security-data = Sign-ins, views of records, actions on accounts, sessions.
register-security-recipients = National team; each person finds the views of their data in their export.
register-security-retention = Log: { $n } months; sessions and links: until they expire.
privacy-erasure-title = Erasing your account
privacy-erasure = { $days ->
    [one] When you ask for your account to be deleted, it happens { $days } day later; until then you can cancel from « My account ». Your personal data is then deleted, including in e-mails sent to other people that name you.
   *[other] When you ask for your account to be deleted, it happens { $days } days later; until then you can cancel from « My account ». Your personal data is then deleted, including in e-mails sent to other people that name you.
}
privacy-kept-lead = The association keeps, with nothing that names or reaches you (under an anonymous identifier):
privacy-kept-1 = the fact that an application, a project, a request or a mentoring relationship existed, with its dates, fields and town;
privacy-kept-2 = the dates and lengths of meetings (the other person's volunteer hours depend on them) and satisfaction marks;
privacy-kept-3 = event registrations and attendance, for the events' figures;
privacy-kept-4 = the access log (who viewed what and when), until the end of its retention period.
privacy-backups = { $days ->
    [one] Backups are kept { $days } day: an erased person may still be in them during that time; if a backup is restored, the erasures made since are applied again.
   *[other] Backups are kept { $days } days: an erased person may still be in them during that time; if a backup is restored, the erasures made since are applied again.
}
privacy-minors-title = Under 15
privacy-minors = Under 15, a project is offered to no mentor without two consents: the person's own, after a text written for them, and a parent's, through a link sent by e-mail. Either can withdraw their consent at any time; introductions then stop.
privacy-rights-how = To download your data or delete your account:
privacy-cnil-address = CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.
consent-notice-no-circle = a circle near you will be chosen
consent-notice-unknown = This link is no longer valid.
minor-notice-title = For you, if you are under 15
minor-notice = You give us your first name, last name, e-mail address, town and project. We use them to offer you a volunteer mentor near you, checked by your circle's team. Only your mentor and your circle's team see your address; the mentors you contact see your first name, the initial of your last name and your project. One of your parents must agree too: we send them an e-mail. You can change your mind whenever you like, from your space: nobody will be suggested to you any more. We erase your messages and notes some time after a relationship ends, and your account if you stop using it for a long time: the exact lengths are on the « Personal data » page.
minor-consent-field = I have read this text and I agree.
minor-consent-withdraw = Withdraw my consent
minor-consent-withdraw-confirm = Withdraw your consent? No mentor will be suggested for this project any more.
consent-withdrawn-space = A consent was withdrawn: no mentor is suggested for this project.

## Priority neighbourhoods (QPV) and files imported
error-file-empty = The file is empty or unreadable: choose a CSV file saved from a spreadsheet.
error-file-unreadable = The file could not be read. Try again with a CSV file.
error-qpv-columns = Columns not found: the file needs a code_qp column, a nom_qp column and a column of the communes' INSEE codes (insee_com).
error-qpv-code = Invalid neighbourhood code (expected: QN then letters and digits, e.g. QN07501M).
error-import-missing = Required field left empty.
error-import-commune-unknown = Unknown commune: give its INSEE code, its postal code or its exact name.
error-qpv-choice = Choose one of the neighbourhoods offered, “No” or “I don't know”.
qpv-admin-title = Priority neighbourhoods
qpv-admin-lead = The official list of the priority neighbourhoods of urban policy (QPV) is published by the ANCT as open data. Load it here: every porteur and mentor can then say whether they live in one of their commune's neighbourhoods.
qpv-admin-count = { $count ->
    [0] No neighbourhood loaded yet.
    [one] { $count } neighbourhood loaded.
   *[other] { $count } neighbourhoods loaded.
}
qpv-admin-upload = Load a file
qpv-admin-columns = CSV file with the columns code_qp (the neighbourhood's code), nom_qp (its name) and insee_com (the commune's INSEE code; several codes separated by commas, or one line per commune). Loading the same file twice changes nothing.
qpv-admin-submit = Load the list
qpv-imported = { $created } neighbourhoods added, { $updated } updated, { $refused } lines left out.
import-file-field = CSV file
import-refused-title = Lines left out
import-line = Line
import-column = Column
import-reason = Reason
qpv-choice-title = My neighbourhood
qpv-account-lead = Tell us whether you live in a priority neighbourhood: these figures, always anonymous, help the network obtain its funding.
qpv-choice-link = Give my neighbourhood
qpv-choice-lead = This answer is optional. It only serves to count, anonymously, the people from priority neighbourhoods the network supports.
qpv-choice-question = Do you live in one of the priority neighbourhoods of { $commune }?
qpv-choice-none-here = No priority neighbourhood of { $commune } is known to the platform.
qpv-choice-no-commune = We do not know your commune yet. It is asked when you propose a project or become a mentor.
qpv-choice-go-space = Go to my space
qpv-choice-saved = Your answer is saved.
qpv-answer-no = No
qpv-answer-unknown = I don't know
save = Save

## Outcomes ticked with the closing feedback
outcomes-field = What changed for you? (tick all that apply)
outcome-launched = My project started
outcome-job_or_training = I found a job or a training course
outcome-business_created = I created a business
outcome-association_created = I created an association
outcome-project_changed = My project changed direction
outcome-stopped = I stopped my project

## The API's documentation and personal tokens
api-docs-title = API: documentation
api-docs-lead = Our partners' tools can read the network's data through a JSON API, with the same rights as on the website. This page is made from the OpenAPI document below.
api-docs-document = The OpenAPI 3.1 document (JSON)
api-docs-operations = Operations
api-docs-token = Needs a personal token (or the website's session).
api-docs-public = Open to everyone.
api-docs-parameters = Parameters
api-docs-in = In
api-docs-description = Description
api-docs-body = Request body:
api-docs-schemas = Objects
api-docs-field = Field
api-docs-type = Type
api-tokens-title = My API tokens
api-tokens-lead = A token lets a tool (a spreadsheet, your association's software) read your network data with your rights. It is shown only once: copy it at once. Revoke it as soon as it is no longer used.
api-tokens-empty = You have no token. Create one below if a tool must read your data.
api-tokens-label = Token name (to recognise it)
api-tokens-scope = Rights
api-tokens-scope-read = Read only
api-tokens-scope-read_write = Read and write
api-tokens-days = Valid for
api-tokens-days-option = { $days } days
api-tokens-create = Create the token
api-tokens-created = Here is your token. Copy it now: it will never be shown again.
api-tokens-used = Last used
api-tokens-never-used = Never
api-tokens-expires = Expires on
api-tokens-created-on = Created on
api-tokens-state = State
api-tokens-live = Active
api-tokens-revoked = Revoked
api-tokens-expired = Expired
api-tokens-revoke = Revoke
api-tokens-revoke-confirm = Revoke this token? The tools using it will lose access.
api-tokens-revoked-done = The token is revoked.
api-tokens-docs = API documentation
error-too-many-tokens = You already have ten active tokens: revoke one before creating another.

## The impact report
impact-title = Impact report
impact-lead = The mentoring figures over a period and a territory, for funders and partners. Counts of fewer than five people are never shown. The figures are computed again every five minutes.
impact-from = From
impact-to = To (included)
impact-scope = Territory
impact-show = Show the report
impact-scope-network = The whole network
impact-scope-region = Région { $name }
impact-scope-departement = Département { $name } ({ $code })
impact-scope-circle = Cercle des Mentors of { $name }
impact-heading = { $scope }, from { $from } to { $to }
impact-suppression-note = “< 5”: fewer than five people (figure hidden to keep them anonymous; another figure may be hidden too, so that the total does not reveal it).
impact-csv = Download (CSV)
impact-print = Printable version
impact-csv-section = Section
impact-csv-indicator = Indicator
impact-csv-value = Value
impact-hidden = < 5
impact-too-few = fewer than 5 answers
impact-average = { $avg } out of 5 ({ $n } answers)
impact-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
impact-porteurs = Porteurs
impact-porteurs-total = Porteurs who submitted a project
impact-porteurs-qpv = of whom living in a priority neighbourhood (QPV)
impact-porteurs-qpv-share = Share of porteurs from a QPV
impact-projects = Projects
impact-projects-total = Projects submitted
impact-projects-by-field = Projects by field
impact-projects-by-stage = Projects by stage
impact-mentoring = Requests and mentoring relationships
impact-requests-made = Requests made to a mentor
impact-requests-accepted = Requests accepted
impact-mentorships-started = Relationships started
impact-mentorships-closed = Relationships closed
impact-median-days = Median time from the project's submission to the mentoring's start
impact-meetings = Meetings
impact-meetings-count = Meetings held
impact-volunteer-hours = Mentors' volunteer hours
impact-satisfaction = Satisfaction
impact-checkin-satisfaction = Satisfaction at check-ins
impact-closing-satisfaction = Satisfaction at closing
impact-outcomes = What changed for porteurs (boxes ticked at closing)
impact-outcomes-answers = Porteurs who gave their closing feedback
impact-mentors = Mentors
impact-mentors-total = Approved mentors (new in the period)
impact-mentors-value = { $total } ({ $new } new)
impact-mentors-by-circle = Mentors by circle (new in the period)
error-impact-dates = Invalid dates: give two dates (dd/mm/yyyy), the first before the second.
error-impact-scope = Unknown territory: choose one in the list.

## Accounts made from an imported spreadsheet (GDPR art. 14)
email-imported-subject = Your account on the Cercles des Mentors platform
email-imported-p1 = { $controller } recorded your details on the Cercles des Mentors platform, from a file sent by your circle or your partner association. Choose your password to access it (the link is valid for 7 days).
email-imported-p2 = Why: to organise the network's mentoring (matching mentors and porteurs of your territory, following the relationships, the network's anonymous figures). Only your circle's coordinators and the national team see your details.
email-imported-p3 = How long: as long as you use your account; an account unused for { $months } months is erased, after a warning.
email-imported-p4 = You may object at any time: reply to this message, or ask for your account's erasure in “My account”. Your rights and how to use them are described at { $site }/confidentialite.
email-imported-action = Choose my password

## Importing people from a spreadsheet
import-title = Import a file
import-lead = Add at once the people your association already follows in a spreadsheet. Nothing is saved before you have seen and confirmed the preview; importing the same file twice changes nothing.
import-mentors-title = Mentors already vetted
import-mentors-lead = Mentors met and checked by your association: first name, last name, e-mail address, commune (INSEE code, postal code or name), fields, interview date (dd/mm/yyyy), background checked (oui/non). Each one gets an invitation to choose a password and accepts the charter at first sign-in. A CSV file saved from a spreadsheet (semicolon or comma, UTF-8 or Windows-1252).
import-template = Download the template (CSV)
import-preview = See the preview
import-past = My last imports
import-status-previewed = Preview: nothing is saved yet. Check, then confirm.
import-status-running = Import running…
import-status-done = Import finished.
import-status-failed = The import stopped on an error; the batches already written are kept. Try again: the people already imported will be left as they are.
import-progress = { $done } lines done out of { $total }
import-refresh = Refresh
import-count-created = { $count ->
    [0] Nobody to create
    [one] { $count } person created
   *[other] { $count } people created
}
import-count-updated = { $count ->
    [0] No account to complete
    [one] { $count } existing account completed
   *[other] { $count } existing accounts completed
}
import-count-unchanged = { $count ->
    [0] Nobody already there
    [one] { $count } person already there (left as is)
   *[other] { $count } people already there (left as is)
}
import-count-refused = { $count ->
    [0] No line left out
    [one] { $count } line left out
   *[other] { $count } lines left out
}
import-count-created-partners = { $count ->
    [0] No association to add
    [one] { $count } association added
   *[other] { $count } associations added
}
import-count-unchanged-partners = { $count ->
    [0] No association already known
    [one] { $count } association already known (left as it is)
   *[other] { $count } associations already known (left as they are)
}
import-count-created-registrations = { $count ->
    [0] Nobody to register
    [one] { $count } person registered
   *[other] { $count } people registered
}
import-count-unchanged-registrations = { $count ->
    [0] No address already registered
    [one] { $count } address already registered (left as it is)
   *[other] { $count } addresses already registered (left as they are)
}
import-who-partners = Association
import-who-registrations = Person
import-who = Person
import-what = What will be done
import-accepted-title = Lines kept
import-will-create = Account created, invitation sent
import-will-update = Existing account: mentor profile added
import-unchanged = Already there: nothing changes
import-more = Only the first 500 lines of each table are shown; the numbers above count the whole file.
import-confirm = Confirm the import
import-confirm-question = Import these lines and send the invitations?
import-cancel = Cancel
import-again = Import another file
error-import-columns = Columns not found: start from this kind of file's template (its required columns must be there).
error-import-too-long = The file has too many lines (60,000 at most): split it.
error-import-duplicate-email = This address is already higher up in the file (line { $detail }).
import-associations-title = Partner associations
import-associations-lead = The associations that host the conferences or spread the word: name, commune (INSEE code, postal code or name), contact e-mail address, circle (its short address, such as compiegne, or its town's name; else their commune's circle), language (fr/en), description. An association already known by that name is left as it is. No message is sent.
import-registrations-title = Import registrations
import-registrations-lead = People registered elsewhere (on paper, in another tool): first name, last name, e-mail address, phone, agreement to be contacted after the conference (oui/non), language (fr/en). The seats left are given in the file's order, then the waiting list. Each one receives their confirmation with the link to cancel, and learns where their details come from. An address already registered, even one that cancelled since, is left as it is.
import-registrations-link = Import registrations (CSV)
import-porteurs-title = Porteurs de projet and their project
import-porteurs-lead = The porteurs your association already supports: first name, last name, e-mail address, commune, year of birth, the project's title and description, fields, stage (idée, préparation, lancement, en activité), help wanted, language. Each project arrives “submitted” and the circle's team reviews it as any other. Under 15: a parent's name and e-mail address are required; the parent receives the link to consent, and the porteur gives their own consent at first sign-in. An address that already has an account is left as it is.
import-will-create-porteurs = Account and project created, invitation sent
import-confirm-question-porteurs = Import these porteurs and their projects, and send the invitations?
import-who-porteurs = Person
import-count-created-porteurs = { $count ->
    [0] No porteur to create
    [one] { $count } porteur created with their project
   *[other] { $count } porteurs created with their project
}
import-count-unchanged-porteurs = { $count ->
    [0] No address already known
    [one] { $count } address that already has an account (left as it is)
   *[other] { $count } addresses that already have an account (left as they are)
}
error-import-stage = Unknown stage: idée, préparation, lancement or en activité.
error-import-parent = Under 15: give a parent's name and e-mail address.
error-import-parent-same = The parent's address must differ from the porteur's.
minor-first-lead = Your association registered you on the platform to help you find a mentor. Before you start, read this text: it is up to you to say whether you agree.
minor-consent-give = I agree
back-to-registrations = Back to the registrations
import-registrations-where = A conference's registrations are imported from its registrations page: “Import registrations (CSV)”.
import-will-create-partners = Association added
import-will-create-registrations = Registered, confirmation sent
import-confirm-question-partners = Add these associations?
import-confirm-question-registrations = Register these people and send them their confirmation?
error-import-duplicate-name = This association is already higher up in the file (line { $detail }).
error-import-not-your-circle = This commune is in none of the circles you coordinate: the national team or that circle can import this line.
error-import-circle = Unknown circle: give the circle's short address (such as compiegne) or its town's name.
email-registration-imported-subject = Your registration: { $title }
email-registration-imported-p1 = { $controller } registered you for “{ $title }”, { $when }, { $venue }, from the list sent by the association organising it. Your seat is booked; the attached file adds the event to your calendar.
email-registration-imported-p2 = Why: to welcome you at the conference and, if you agreed, to contact you about mentoring. Only the event's organisers see your details.
email-registration-imported-p3 = How long: { $months } months after the event, then they are erased. You may object at any time: cancel your registration with the link below, or reply to this message. Your rights are described at { $site }/confidentialite.
email-registration-imported-action = Cancel my registration
email-registration-imported-waitlisted-subject = Waiting list: { $title }
email-registration-imported-waitlisted-p1 = { $controller } put you on the waiting list for “{ $title }” ({ $when }, { $venue }), from the list sent by the association organising it. If a seat frees up, it will be given in order and we will tell you.
email-registration-imported-waitlisted-p2 = Why: to welcome you at the conference and, if you agreed, to contact you about mentoring. Only the event's organisers see your details.
email-registration-imported-waitlisted-p3 = How long: { $months } months after the event, then they are erased. You may object at any time: leave the waiting list with the link below, or reply to this message. Your rights are described at { $site }/confidentialite.
email-registration-imported-waitlisted-action = Leave the waiting list
error-import-commune-ambiguous = Several communes have this name: give the INSEE code. Possible: { $detail }.
error-import-domain = Unknown field: use the codes or names of the list of fields.
error-import-capacity = Porteurs followed at once: from 1 to 5.
error-import-date = Invalid date: dd/mm/yyyy, and not in the future.
error-import-yes-no = Answer oui or non.
error-import-language = Language: fr or en.
error-import-formula = Cell refused: it starts like a spreadsheet formula (=, +, - or @).
charter-title = The mentor's charter
charter-lead = Your association registered you as a mentor. Before you start, read and accept the charter every mentor of the network commits to.
charter-accept = I accept the charter
list-csv = Download the list (CSV)
circle-mentors-csv-name = Mentor
circle-projects-csv-name = Project
csv-circle = Circle
csv-commune-code = Commune code
csv-active-mentors = Active mentors
csv-projects-supported = Projects supported
csv-editions = Editions
csv-contact-name = Contact name
csv-proposal-project = Project — porteur
csv-mentor = Mentor
csv-score = Score
csv-reasons = Reasons
proposal-csv-proposed = Proposed
proposal-csv-removed = Removed
proposal-csv-unmatched = No mentor
csv-project = Project
csv-submitted = Submitted on
csv-last-active = Last active
csv-link = Link
