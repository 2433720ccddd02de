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

## Form error messages
error-empty = This field is required.
error-too-long = This text is too long.
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
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
