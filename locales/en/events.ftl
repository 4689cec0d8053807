## /events: the calendar (deadlines, trade fairs, result announcements), fair registrations,
## officers' event form. $title, $location, $description are HTML-escaped; dates dd/mm/yyyy.

events-title = 📅 <b>Coming up</b>
events-none = There are no deadlines, trade fairs or result announcements coming up.
events-line = { $icon } <b>{ $title }</b>: { $date } ({ reminder-days-left })
events-pick = Tap an event to see its details.
events-my-registrations = <b>Your trade fair registrations</b>
events-registration-line = • { $title }: { $state }
events-add-button = ➕ Add an event

event-kind-deadline = Application deadline
event-kind-fair = Trade fair
event-kind-result = Results announced
event-kind-other = Event
event-seeded-deadline-title = Registration for the { $year } khuyến công plan

event-card =
    { $icon } <b>{ $title }</b>
    Kind: { $kind }
    When: { $dates }
event-card-location = Venue: { $location }
event-card-deadline = Register by: { $time } on { $date } ({ reminder-days-left })
event-card-plan-year = Plan year: { $year }
event-card-description = { $description }
event-card-registered = You have registered: { $state }.
event-card-cancelled = This event has been cancelled.
event-dates-one = { $start }
event-dates-range = { $start } to { $end }

event-button-register = ✍️ Register
event-button-ics = 📅 Add to calendar
event-button-registrations = 📋 Registrations
event-button-export = 📊 Export to Excel
event-button-edit = ✏️ Edit
event-button-cancel = 🗑 Cancel the event
event-button-cancel-yes = 🗑 Yes, cancel it
event-cancel-confirm = Are you sure you want to cancel “{ $title }”? Everyone who registered or was reminded will be told.
event-cancelled-done = “{ $title }” is cancelled. { $count } people were told.
event-not-found = This event no longer exists.
event-ics-caption = Open this file to add “{ $title }” to your phone's calendar.

registration-state-registered = awaiting approval
registration-state-approved = approved
registration-state-declined = not approved
registration-state-cancelled = cancelled
registration-state-event-cancelled = the fair was cancelled
registration-state-draft = not sent

registrations-title = 📋 <b>Registrations: { $title }</b>
registrations-none = No establishment has registered yet.
registrations-line = { $number }. { $name } ({ $booths } booths): { $products }. { $state }
registrations-approve = ✅ Approve no. { $number }
registrations-decline = ❌ Decline no. { $number }
registration-decided-approved = { $name }'s registration is approved. They have been told.
registration-decided-declined = { $name }'s registration is declined. They have been told.
registration-already-decided = This registration has already been decided.
registration-owner-approved =
    ✅ <b>Your trade fair registration is approved</b>
    { $title }
    When: { $dates }. Venue: { $location }.
registration-owner-declined =
    <b>Your trade fair registration was not approved</b>
    { $title }
    We are sorry: your establishment was not selected this time. You can register for another fair in /events.
registrations-export-caption = Registrations for “{ $title }”: { $count } establishments.
registrations-sheet = Registrations
registrations-column-number = No.
registrations-column-name = Establishment
registrations-column-phone = Phone
registrations-column-products = Products
registrations-column-booths = Booths
registrations-column-note = Note
registrations-column-state = Status
registrations-column-registeredAt = Registered on

## The fair registration form
form-name-fair-registration = trade fair registration
fair-registration-intro = Registering for “{ $title }” (deadline { $date }).
fair-q-products = Which products will your establishment bring to the fair?
fair-q-products-help = Name the products, e.g. “Bắc Sơn tea, dried star anise”.
fair-q-booths = How many booths do you need?
fair-q-booths-help = Tap a number, or type the number of booths (1 to 5).
fair-q-note = Any note for the officers?
fair-q-note-help = For example: power needed, tables needed. If none, tap “No note”.
fair-note-skip = No note
fair-booths-invalid = Please type a number from 1 to 5.
summary-label-fair-registration-products = Products
summary-label-fair-registration-booths = Booths
summary-label-fair-registration-note = Note
fair-registration-summary-title = Registration: { $title }
fair-registration-summary-footer = Please check, then tap “Send registration”.
fair-registration-submit = 📨 Send registration
fair-registration-done = ✅ Your registration for “{ $title }” is sent. An officer will review it and tell you here.
fair-registration-closed = Registration for this fair has closed, or the fair no longer exists.
fair-registration-exists-registered = You have already registered for this fair; it awaits approval.
fair-registration-exists-approved = You have already registered for this fair, and it is approved.
fair-registration-exists-declined = Your registration for this fair was not approved.
profile-intro-before-fair-registration = Before registering for the fair, please tell us about your establishment. You do this once; each answer is saved as you give it.

## The officers' event form
form-name-event = event
event-form-intro-new = Adding an event to the calendar.
event-form-intro-edit = Editing “{ $title }”.
event-q-kind = What kind of event is it?
event-q-kind-help = Tap one of the buttons.
event-q-title = What is the event called?
event-q-title-help = For example: “Lạng Sơn rural industry trade fair 2027”.
event-q-starts = On what day does it take place?
event-q-starts-help = Type a date such as “15/3”, “15-3-2027” or “thứ 6 tuần sau”.
event-q-ends = On what day does it end?
event-q-ends-help = Type a date such as “19/3”. For a single day tap “Single day”.
event-ends-same = Single day
event-q-location = Where does it take place?
event-q-location-help = For example: “17/10 Square, Lạng Sơn city”.
event-q-deadline = What is the registration deadline?
event-q-deadline-help = Type a date such as “5/3”. The deadline is 17:00 on that day.
event-q-plan-year = Which plan year does it concern?
event-q-plan-year-help = Type the year, e.g. 2027.
event-q-description = Please add a short description.
event-q-description-help = If none is needed, tap “Skip”.
event-description-skip = Skip
event-date-invalid = Please type a date such as “15/3”, “15-3-2027” or “thứ 6 tuần sau”.
event-date-past = That day has passed. Please type a coming day.
event-ends-before = The end must be on or after the first day.
event-deadline-after-start = The registration deadline must be before the event.
event-year-invalid = Please type a four-digit year, e.g. 2027.
event-q-audience = Who is the event for?
event-q-audience-help = Tap one of the buttons. Reminders go to these people only.
event-audience-all = All owners
event-audience-submitted = Owners who applied
event-audience-sectors = By sector
event-q-sectors = Which sectors? Type them, separated by commas.
event-q-sectors-help = For example: “chè, mây tre”. Establishments whose sector or products contain one of these words get the reminders.
event-sectors-invalid = Please type at least one sector, e.g. “chè”.
summary-label-event-audience = For
summary-label-event-sectors = Sectors
summary-label-event-kind = Kind
summary-label-event-title = Title
summary-label-event-starts = Date
summary-label-event-ends = Ends
summary-label-event-location = Venue
summary-label-event-deadline = Registration deadline
summary-label-event-plan-year = Plan year
summary-label-event-description = Description
event-summary-title = Event: { $title }
event-summary-footer = Please check, then tap “Save the event”.
event-submit = 💾 Save the event
event-saved-new = ✅ “{ $title }” is added to the calendar.
event-saved-edit = ✅ “{ $title }” is saved. { $count } people were told of the change.
event-not-editable = This event can no longer be edited.

## Notices when an event moves or is cancelled
event-moved-notice =
    📅 <b>A date has changed</b>
    { $title }
    New dates: { $startDate } to { $endDate }.{ $hasDeadline ->
        [yes] {" "}Register by: { $deadline }.
       *[no] {""}
    }
event-cancelled-notice =
    📅 <b>An event is cancelled</b>
    { $title }
    We are sorry: this event will not take place. See the new calendar in /events.
