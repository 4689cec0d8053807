## Reports: the officers' daily digest, weekly summary and /stats

report-daily-title = 📊 Morning summary of industrial-promotion applications, { $date }
report-stats-title = 📊 Applications of the { $year } plan year (as of { $date })
report-new = New applications since the last summary: { $count }
report-stats-new = New applications in the last 24 hours: { $count }
report-waiting = Waiting: { $count } { $count ->
        [one] application
       *[other] applications
    }
report-waiting-line = • { $status }: { $count }
report-oldest = Waiting longest: { $code } ({ $status }), { $days } { $days ->
        [one] day
       *[other] days
    }.
report-requested-by-stream = <b>Support requested by the applications waiting</b>, by funding stream:
report-requested-by-category = By kind of support:
report-amount-line = • { $name }: { $amount } ({ $count } { $count ->
        [one] application
       *[other] applications
    })
report-unknown = Not given
report-and-more = and { $count } more
report-supplement-overdue = ⏰ Waiting for the owner's additions (bổ sung) for more than { $days } { $days ->
        [one] day
       *[other] days
    }: { $count } { $count ->
        [one] application
       *[other] applications
    } ({ $codes }).
report-decision-overdue = ⏰ Waiting for a decision for more than { $days } { $days ->
        [one] day
       *[other] days
    }: { $count } { $count ->
        [one] application
       *[other] applications
    } ({ $codes }).
report-weekly-title = 📈 Summary of the week { $from } – { $to }
report-weekly-new = New applications this week: { $count }
report-weekly-decisions = Decisions this week: { $approved } approved, { $rejected } not approved, { $notSelected } not selected by the Ministry of Industry and Trade.
report-weekly-approved-amount = Total support approved this week: { $amount }
report-chart-title = Support requested and approved by kind, week { $from } – { $to }
report-chart-requested = Requested
report-chart-approved = Approved
report-chart-axis = million dong
report-chart-empty = No decisions this week
report-chart-caption = Chart of support requested and approved by kind of support, week { $from } – { $to }.

## /stats

stats-pick-year = Which plan year would you like to see the figures of?
stats-none = No application has been submitted yet, so there are no figures.
report-year-button = { $year }

## /export: the list of applications as a spreadsheet

export-pick-year = Which plan year's applications would you like to export?
export-pick-program = Which funding stream?
export-pick-status = Applications in which status?
export-pick-format = Please choose the file format:
export-all-years = All years
export-all-programs = Both streams
export-all-statuses = All statuses
export-format-xlsx = Excel (.xlsx)
export-format-csv = CSV (UTF-8)
export-choice = Year: { $year } · Stream: { $program } · Status: { $status }
export-working = ⏳ Making the file, please wait a moment…
export-progress = ⏳ Making the file: { $count } applications written…
export-done = ✅ Done: { $count } { $count ->
        [one] application
       *[other] applications
    }. The file follows below.
export-empty = No application matches this choice. You can type /export to choose again.
export-busy = A file is already being made for you. Please wait until it is done.
export-failed = ❌ The file could not be made because of a system error. Please try again in a few minutes.
export-caption = List of industrial-promotion applications: { $count } { $count ->
        [one] application
       *[other] applications
    }. { $choice }
export-file-name = applications
export-sheet-list = Applications
export-sheet-by-category = By kind of support
export-sheet-by-commune = By commune
export-totals = Total
export-column-number = No.
export-column-code = Code
export-column-establishment = Establishment
export-column-legalForm = Legal form
export-column-taxCode = Tax code
export-column-commune = Commune, ward
export-column-formerDistrict = Former district
export-column-address = Address
export-column-representative = Representative
export-column-phone = Phone
export-column-category = Kind of support
export-column-program = Funding stream
export-column-title = Project title
export-column-totalCost = Total cost (dong)
export-column-requested = Support requested (dong)
export-column-counterpart = Counterpart funds (dong)
export-column-approved = Approved (dong)
export-column-accepted = Accepted at nghiệm thu (dong)
export-column-disbursed = Disbursed (dong)
export-column-status = Status
export-column-submittedOn = Submitted on
export-column-decidedOn = Decided on
export-column-count = Applications

## The officers' commands (OFFICER_COMMANDS in src/bot/commands.ts)

command-inbox = Applications waiting
command-find = Find an application by code, tax code or name
command-export = Export the list of applications to Excel
command-stats = Figures by plan year

## /help: what officers read below the owners' help

help-officer =
    <b>For officers</b>
    • /inbox: applications waiting, filtered by status, funding stream, kind of support, commune.
    • /find: find an application by code, tax code or establishment name.
    • /export: export the list of applications to an Excel or CSV file.
    • /stats: figures by plan year.
    A summary is sent every morning, and a weekly summary on Monday mornings.

command-officers = Manage officers
