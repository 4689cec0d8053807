## Reminders of calendar events (deadlines, trade fairs), queued by the calendar-reminders job
## $title and $location are HTML-escaped; $date and $startDate are dd/mm/yyyy; $time is HH:MM;
## $days counts whole days from the day the reminder is read (0 = today).

reminder-days-left =
    { $days ->
        [0] today
        [1] tomorrow
       *[other] { $days } days left
    }

reminder-deadline =
    ⏰ <b>Reminder: khuyến công application deadline</b>
    { $title }
    Deadline: <b>{ $time } on { $date }</b> ({ reminder-days-left }).
    Please complete and submit your application before the deadline. If you need help, just write to us here.

reminder-fair-registration =
    🎪 <b>Reminder: trade fair registration deadline</b>
    { $title }
    Register by: <b>{ $time } on { $date }</b> ({ reminder-days-left }).
    The fair opens on { $startDate }.
    If your establishment would like to take part, please register before the deadline.

reminder-fair-start =
    🎪 <b>A trade fair opens soon</b>
    { $title }
    Opens: <b>{ $date }</b> ({ reminder-days-left }).
    We hope to see you there.

reminder-event-deadline =
    ⏰ <b>Deadline reminder</b>
    { $title }
    Deadline: <b>{ $time } on { $date }</b> ({ reminder-days-left }).

reminder-location = Venue: { $location }
