## Reminders (deadline-reminders, draft-reminders, fair-reminders, result-reminders jobs)
## $title, $location, $lines are HTML-escaped; dates are dd/mm/yyyy; $time is HH:MM;
## $days counts whole days from the day the reminder is read (0 = today).
## Every reminder ends with one line saying why the person gets it (reminder-why-*)
## and a button that turns its kind off (reminder-off-*).

reminder-days-left =
    { $days ->
        [0] today
        [1] tomorrow
       *[other] { $days } days left
    }

reminder-deadline =
    ⏰ <b>Reminder: khuyến công registration for { $year }</b>
    { $title }
    Deadline: <b>{ $time } on { $date }</b> ({ reminder-days-left }).
    You have not submitted an application for this year. Tap the button below to start.

reminder-deadline-draft =
    ⏰ <b>Reminder: khuyến công registration for { $year }</b>
    { $title }
    Deadline: <b>{ $time } on { $date }</b> ({ reminder-days-left }).
    Your application has { $left }/{ $total } questions left, tap to continue.

reminder-draft =
    📝 <b>Your { $year } khuyến công application is unfinished</b>
    Your application has { $left }/{ $total } questions left, tap to continue.
    Deadline: { $date }.

reminder-fair-registration =
    🎪 <b>Reminder: trade fair registration deadline</b>
    { $title }
    Register by: <b>{ $time } on { $date }</b> ({ reminder-days-left }).
    The fair opens on { $startDate }.

reminder-fair-start =
    🎪 <b>The trade fair opens { reminder-days-left }</b>
    { $title }
    Dates: { $startDate } to { $endDate }.
    Venue: { $location }
    We look forward to seeing you there.

reminder-result =
    📣 <b>Khuyến công results for { $year } are coming</b>
    { $title }
    Expected on: <b>{ $date }</b> ({ reminder-days-left }).
    Your application { $codes } is awaiting a decision. You will be told here as soon as it is made.

reminder-result-officer =
    📣 <b>{ $title }: announced on { $date }</b>
    { $count } applications have waited more than { $waitingDays } days for a decision (submission date):
    { $lines }

reminder-result-officer-more = and { $more } more.

reminder-why-deadline = You get this because you have not submitted a khuyến công application for { $year }.
reminder-why-deadline-any = You get this because this deadline concerns your establishment.
reminder-why-draft = You get this because your application has not been changed for { $days } days.
reminder-why-fair-registration = You get this because the fair is open to establishments like yours and you have not registered.
reminder-why-fair-registered = You get this because you registered for the fair.
reminder-why-result = You get this because you have a { $year } application awaiting a decision.
reminder-why-result-officer = You get this because you review applications.

reminder-button-apply = 📝 Start an application
reminder-button-continue = 📝 Continue my application
reminder-button-register = ✍️ Register
reminder-button-calendar = 📅 Add to calendar

reminder-off-deadlines = 🔕 Stop deadline reminders
reminder-off-drafts = 🔕 Stop draft reminders
reminder-off-fairs = 🔕 Stop fair reminders
reminder-off-results = 🔕 Stop result reminders
reminder-off-daily-digest = 🔕 Stop the daily digest
reminder-off-weekly-digest = 🔕 Stop the weekly digest

reminder-turned-off = Turned off: { $what }. You can turn it back on in /settings.
reminder-no-draft = This application is no longer a draft. See it in /applications.
