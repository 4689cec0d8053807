## Form: shared

raw = { $text }
form-progress = Step { $step }/{ $total }
form-chosen = Chosen: { $value }
form-skip = Skip
form-skipped = (none)
form-skipped-ack = Skipped
form-editing = Editing item { $item } — now: { $value }
form-keep-answer = ↩️ Keep as it is
form-kept-answer = Kept as it is: { $value }
form-confirm-unlikely = You wrote “{ $input }”: { $shape ->
        [phone] that looks like a phone number
        [email] that looks like an email address
        [tax-code] that looks like a tax code
        [money] that looks like an amount of money
        [count] that looks like a number of people
        [date] that looks like a date
       *[number] that is only a number
    }, not an answer to this question. Are you sure?
form-confirm-yes = ✅ Yes, keep it
form-confirm-retype = ✏️ Type it again
form-confirmed = Confirmed.
form-confirm-expired = Sorry, the answer waiting for your confirmation is no longer here. Please answer the question below again.
form-help-lead = ℹ️ <b>What this means</b>
form-name-default = the form
form-name-profile = the establishment's details
form-name-application = the application for support
form-old-button = This button belongs to an earlier question. Please answer the current one.
form-closed-button = This button can no longer be used.
form-closed-summary = This summary was already sent or closed. Your applications are under “{ menu-applications }”, your establishment under “{ menu-profile }”.
form-expected-text = Please type your answer.
form-expected-text-got-photo = Photo received, but this question needs a typed answer. Photos and papers are sent at the attachments step at the end.
form-expected-text-got-document = File received, but this question needs a typed answer. Papers are sent at the attachments step at the end.
form-expected-text-got-contact = This question needs a typed answer, not a shared phone number.
form-expected-text-got-sticker = Thank you. This question needs a typed answer.
form-expected-text-got-voice = Sorry, we cannot listen to voice messages. Please type your answer.
form-expected-text-got-video = This question needs a typed answer, not a video.
form-expected-text-got-location = This question needs a typed answer. Please type the address instead of sending a location.
form-expected-text-got-other = This question needs a typed answer.
form-empty-answer = You have not typed anything. Please answer the question.
form-command-as-answer = An answer does not start with “/”. Please type it again.
form-no-letters = The answer needs letters or digits. Please type it again.
form-too-long = Your answer is { $length } characters long, over the limit of { $max }. Please shorten it.
form-use-buttons = Please tap one of the buttons under the question.
form-cancel-question = Do you want to stop filling in { $form }? You can go on now, keep it to continue later, or delete the draft.
form-cancel-keep = 💾 Keep it for later
form-cancel-delete = 🗑 Delete the draft
form-kept = Your progress on { $form } is kept. Tap “{ $resume }” whenever you want to continue.
form-deleted = The draft of { $form } is deleted.
form-delete-confirm = Are you sure you want to delete the draft of { $form }{ $named ->
        [yes] {" "}“{ $name }”
       *[no] {""}
    }? { $answered } answer(s) will be lost for good.
form-delete-yes = 🗑 Delete the draft
form-delete-no = ↩️ Don't delete, go on
form-open-question = You are filling in { $form }. Continue it now, or later?
form-open-toast = You have something in progress: continue it, or leave it for later.
form-continue = ▶️ Continue
form-leave = ⏸ Later (keep the draft)
form-resumed = Let us go on with { $form }.
resume-nothing = You have nothing in progress.
summary-help = This is the summary. Tap “Edit N” to change one answer. When everything is right, tap the confirm (or submit) button below.
summary-not-answered = not answered
summary-edit-button = Edit { $number }
summary-incomplete = Some questions are not answered yet. Please continue.
summary-fix-hint = Tap “Edit { $item }” to change it.

## Establishment profile

profile-intro = Please tell us about your establishment. Every answer is saved at once.
profile-intro-before-application = Before the application, please tell us about your establishment. This is done once; every answer is saved at once.
profile-saved = Your establishment's details are saved. Thank you. To apply for support, tap “{ menu-apply }”.
profile-saved-continue = ✅ Your establishment's details are saved.

profile-q-name = What is the name of your establishment?
profile-q-name-help = As on the business registration, e.g. Hợp tác xã Chè Bắc Sơn, Hộ kinh doanh Nguyễn Văn A.
profile-q-legal-form = What kind of establishment is it?
profile-q-legal-form-help = As registered: enterprise, cooperative, cooperative group or household business.
profile-q-tax-code = What is the establishment's tax code (mã số thuế)?
profile-q-tax-code-help = A tax code has 10 digits (a branch: 10 digits, a dash, 3 digits). A household business may give the 12-digit citizen ID.
profile-q-tax-issued-on = On what date was the tax code (or the registration) issued? E.g. 15/3/2019.{ $household ->
        [yes] {" "}A household business without papers taps “{ tax-issued-none }”.
       *[no] {""}
    }
profile-q-tax-issued-on-help = The date of issue on the registration certificate (enterprise, cooperative, household business) or on the citizen ID, as day/month/year.
profile-q-tax-issued-by = Which office issued it? E.g. Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn, Phòng Tài chính - Kế hoạch huyện…
profile-q-tax-issued-by-help = As written on the registration certificate, or on the citizen ID (Cục Cảnh sát quản lý hành chính về trật tự xã hội).
tax-issued-none = No papers yet
tax-issued-in-future = { $date } has not come yet. Please check the date of issue.
tax-issued-too-early = { $date } is too early for a registration. Please check the year.
profile-q-commune = In which commune or ward of { $province } is it? Type the name (e.g. Na Sầm), or tap the button to pick from the list.
profile-q-commune-help = Since 1/7/2025 there are no districts. Type the commune or ward; accents are optional. If you only remember the old district, type “huyện …” to see its communes.
profile-q-address = The exact address (house number, village)?
profile-q-address-help = E.g. Thôn Nà Pàn, or 12 Bà Triệu street.
profile-q-representative = Full name of the establishment's representative?
profile-q-representative-help = The person named on the registration, or the person who deals with the Department.
profile-q-position = The representative's position?
profile-q-position-help = E.g. Director, Head of the cooperative, Owner of the household business.
profile-q-phone = Contact phone number? Tap “Send my phone number” below, or type the number.
profile-q-phone-help = Officers will call this number when needed. You may type 0912 345 678 or +84 912 345 678, a landline 0205 …
profile-q-email = The establishment's email (if any)?
profile-q-email-help = Optional. If there is none, tap “Skip”.
profile-q-sector = In which trade does the establishment produce?
profile-q-sector-help = E.g. tea processing, furniture, metalwork, brocade weaving.
profile-q-products = What are its main products?
profile-q-products-help = E.g. Oolong tea, star anise oil, corn noodles.
profile-q-workers = How many workers does it have?
profile-q-workers-help = Type a number, including regular seasonal workers. E.g. 12.

legal-form-enterprise = Enterprise
legal-form-cooperative = Cooperative
legal-form-cooperative-group = Cooperative group
legal-form-household-business = Household business

commune-browse = 📋 Pick from the list
commune-chosen = Chosen: { $commune }.
commune-several = Several places match “{ $input }”. Please pick the right one:
commune-former-district = The former { $district } now has the communes below. Please pick where the establishment is:
commune-not-found = No commune or ward “{ $input }” found in { $province }. Type the name again, or tap “📋 Pick from the list”.
commune-previous = ◀️ Previous
commune-next = Next ▶️
commune-page = Communes and wards, page { $page }/{ $pages }:
phone-share-button = 📱 Send my phone number
phone-saved = Phone number { $phone } saved.
invalid-email = The email “{ $input }” does not look right. Type it again, e.g. shop@gmail.com, or tap “Skip”.
invalid-workers = Please type the number of workers in digits, e.g. 12.
invalid-workers-range = The number of workers must be 1 or more. Please type it again.

summary-profile-title = Your establishment
summary-profile-footer = Please check. Tap “Edit N” to change something.
summary-profile-confirm = ✅ This is correct
summary-profile-close = ✔️ Done
summary-label-profile-name = Name
summary-label-profile-legal-form = Kind
summary-label-profile-tax-code = Tax code
summary-label-profile-tax-issued-on = Issued on
summary-label-profile-tax-issued-by = Issued by
summary-label-profile-commune = Commune/ward
summary-label-profile-address = Address
summary-label-profile-representative = Representative
summary-label-profile-position = Position
summary-label-profile-phone = Phone
summary-label-profile-email = Email
summary-label-profile-sector = Trade
summary-label-profile-products = Main products
summary-label-profile-workers = Workers

## Application

application-intro = Let us prepare an application for khuyến công support for <b>{ $establishment }</b>.
application-plan-year = It registers for the { $year } plan; registration closes on { $deadline }.
application-plan-year-after-deadline = Registration for the { $closedYear } plan closed on { $closedDeadline }, so this application registers for the { $year } plan (closing on { $deadline }).
application-intro-how = Every answer is saved at once. Type /help to have a question explained, /cancel to stop.
application-resume-draft = You have an application for support in progress. Let us continue it.
application-already-submitted = This application was already submitted. See it under “{ menu-applications }”.
application-receipt =
    ✅ Application submitted. Your application code: <b>{ $code }</b>
    “{ $title }”, submitted on { $date }.
    { $agency } will review it and tell you the result here. See where it stands under “{ menu-applications }”, or type /status { $code }.

answer-yes = Yes
answer-no = No
eligibility-q-industrial = Does the establishment produce industrial or handicraft goods (processing, metalwork, crafts…)?
eligibility-q-industrial-help = Khuyến công supports industrial and handicraft production. Pure trade or services are not supported.
eligibility-q-capital = The establishment has { $workers } workers, more than { $maxWorkers }. Is its total capital { $maxCapital } or less?
eligibility-q-capital-help = Khuyến công is for small and medium enterprises: up to { $maxWorkers } workers, or total capital up to { $maxCapital }.
eligibility-warning-industrial = ⚠️ Khuyến công mainly supports industrial and handicraft production. You may continue; an officer will look at it and contact you if needed.
eligibility-warning-size = ⚠️ An establishment larger than a small or medium enterprise (up to { $maxWorkers } workers, or capital up to { $maxCapital }) may not be eligible. You may continue; an officer will look at it.
eligibility-concern-not-rural = ⚠️ The establishment is in a ward (phường). Khuyến công supports rural establishments; an officer will look at it. If the commune is wrong, change it under “{ menu-profile }”.
eligibility-concern-legal-form = ⚠️ { $legalForm ->
        [enterprise] An enterprise
        [cooperative] A cooperative
        [cooperative-group] A cooperative group
        [household-business] A household business
       *[other] This kind of establishment
    } may not be eligible; an officer will look at it.

application-q-program = Which funding stream do you apply to?
    • Local khuyến công (khuyến công địa phương): approved by the Provincial People's Committee, small and medium projects.
    • National khuyến công (khuyến công quốc gia): the province proposes a scheme (đề án) to the Ministry of Industry and Trade, usually larger.
application-q-program-help = If unsure, choose “Local khuyến công”; an officer will advise.
program-local = Local khuyến công
program-national = National khuyến công
application-q-category =
    What kind of support do you ask for?
    1. { category-training }
    2. { category-management }
    3. { category-demonstration-model }
    4. { category-machinery }
    5. { category-typical-products }
    6. { category-fairs-showrooms }
    7. { category-design-trademark }
    8. { category-consulting }
    9. { category-cleaner-production }
    10. { category-industrial-clusters }
    11. { category-information }
application-q-category-help = The most common is item 4: advanced machinery and equipment. Type /help at any question for an explanation.
application-q-title = A short title for what you ask support for? E.g. Support for a tea dryer.
application-q-title-help = One short sentence saying what is needed, at most 200 characters.
application-q-description = Please describe what is to be supported: which machines, what capacity, for what use?
application-q-description-help = E.g. Buy 1 tea dryer of 500 kg per batch to replace hand drying and raise output. At most 2,000 characters.
application-q-total-cost = What is the total cost? E.g. 600 triệu, 1,5 tỷ, 850.000.000.
application-q-total-cost-help = The whole amount needed (machines, installation…), both the state's support and the establishment's own part.
application-q-requested = How much support do you request? (Total cost: { $total })
application-q-requested-help = The support requested cannot exceed the total cost. The maximum depends on the kind of support and the funding stream; if your figure is above it, we will tell you so you can reconsider.
application-q-counterpart = The establishment's counterpart funds (vốn đối ứng, its own part) are { $amount }. Is that right? If not, type the amount.
application-q-counterpart-help = Counterpart funds are usually the total cost minus the support requested.
counterpart-accept = ✅ Yes, { $amount }
application-q-period-start = In which month do you plan to start? Tap a month, or type it, e.g. 3/{ $year }.
application-q-period-start-help = Type month/year, within the plan year { $year }.
application-q-period-end = In which month do you plan to finish? (start { $start }) Tap a month, or type it, e.g. 10/{ $year }.
application-q-period-end-help = Type month/year, not before the start, within { $year }.
application-q-results = Expected results: how many jobs kept or created, how much more output?
application-q-results-help = E.g. Keep 15 workers, create 5 jobs; output from 20 to 35 tonnes of tea a year. At most 1,000 characters.
application-q-attachments = { $count ->
        [0] Please send photos of the workshop, quotations, licences (if any), up to { $max } files. If you have none, tap “{ attachments-skip }”.
       *[other] { $count } file(s) received. Send more (up to { $max } files), or tap “Done”.
    }
application-q-attachments-help = Send photos or PDF/Word files as ordinary messages. If you have none, tap “Skip”; if an officer needs more papers, you will be told so you can add them.
attachments-done = ✅ Done
attachments-skip = Skip
attachments-expected-file = At this step please send a photo or a file, or tap “Done”.
attachments-full = { $max } files received, the most allowed. Tap “Done” to go on.
attachments-count = { $count } file(s)

amount-saved = Noted: <b>{ $amount }</b> ({ $words }).
amount-read-back = You wrote “{ $input }”. We read it as <b>{ $amount }</b> ({ $words }). Is that right?
amount-confirm = ✅ Yes, { $amount }
requested-cleared = The new total cost is below the support requested. Please give the support requested again.
requested-over-total = The support requested, { $requested }, is more than the total cost { $total }. Please type it again.
counterpart-over-total = Counterpart funds cannot exceed the total cost { $total }. Please type it again.
counterpart-mismatch = ⚠️ Support plus counterpart funds make { $sum }, not the total cost { $total }.
# The cap, as the province file states it, referenced by cap-over and cap-rule-note (a reference
# sees their variables): $shape is both, percent or amount; $line is yes when a complete
# technology line may receive more; $basis says whose cap it is.
cap-rule-text = { $shape ->
        [percent] { $percent }% of the total cost
        [amount] at most { $amount } per establishment
       *[both] { $percent }% of the total cost, at most { $amount } per establishment
    }{ $line ->
        [yes] , a complete technology line up to { $lineAmount }
       *[no] {""}
    }
cap-basis-text = { $basis ->
        [local] at the province's local khuyến công rate
        [local-by-national] at the national khuyến công rate, the province's own rate may differ
       *[national] at the national khuyến công rate
    }
cap-over = ⚠️ The support requested is above this application's maximum of { $limit } ({ cap-rule-text }; { cap-basis-text }). You may keep your figure; an officer will review it.
cap-rule-note = <i>Maximum: { cap-rule-text }; { cap-basis-text }. For this application: { $limit }.</i>
period-outside-plan-year = The work must fall within the plan year { $year } (you typed { $input }). Please type it again.
period-end-before-start = The finishing month cannot be before the start ({ $start }). Please type it again.

summary-application-title = Summary of your { $year } support application
summary-application-footer = Please check. Tap “Edit N” to change an answer, or “Submit” to send.
summary-eligibility-profile = From the establishment's details: { $legalForm ->
        [enterprise] enterprise
        [cooperative] cooperative
        [cooperative-group] cooperative group
        [household-business] household business
       *[other] kind not given
    }, { $commune }, { $workers } workers.
summary-eligibility-ok = ✅ The establishment is eligible for khuyến công support.
summary-eligibility-check = { $count } point(s) for an officer to look at (the ⚠️ lines).
summary-submit = 📨 Submit
summary-later = ⏸ Later
summary-label-application-eligibility-industrial = Industrial or handicraft production
summary-label-application-eligibility-capital = Capital within the SME limit
summary-label-application-program = Funding stream
summary-label-application-category = Kind of support
summary-label-application-title = Title
summary-label-application-description = Description
summary-label-application-total-cost = Total cost
summary-label-application-requested = Support requested
summary-label-application-counterpart = Counterpart funds
summary-label-application-period-start = Start
summary-label-application-period-end = Finish
summary-label-application-results = Expected results
summary-label-application-attachments = Attachments

## My applications

applications-title = Your applications
applications-none = You have no applications yet. Tap “{ menu-apply }” to start one.
applications-draft-hint = An application without a code is a draft. Tap “{ menu-resume }” to continue it.
application-no-code = (draft)
application-untitled = (no title yet)
status-draft = Being filled in
status-submitted = Submitted, awaiting receipt
status-received = Received
status-reviewing = Under review
status-needs_info = More information needed
status-forwarded = Sent to the Ministry
status-approved = Approved
status-rejected = Declined
status-withdrawn = Withdrawn
status-not_selected = Not selected by the Ministry
status-implementing = Being carried out
status-accepted = Accepted (nghiệm thu)
status-disbursed = Paid out
status-usage = Type /status and the application code, e.g. /status { $example }
status-not-found = No application { $code } of yours was found. Please check the code.
details-establishment = Establishment
details-plan-year = Plan year
details-period = Period
details-approved-amount = Amount approved
details-decision-note = Officer's note
details-history = History
details-show-files = 📎 Show attachments
withdraw-button = Withdraw
withdraw-confirm = Are you sure you want to withdraw application { $code }? A withdrawn application cannot be submitted again; you would start a new one.
withdraw-yes = Yes, withdraw it
withdraw-no = No, keep it
withdraw-done = Application { $code } was withdrawn. The officers have been told.
withdraw-not-possible = This application can no longer be withdrawn (decided, or already withdrawn).
attachments-received = { $count }/{ $max } files received. Send more, or tap “Done”.

## Notices to officers

officer-new-application = 📥 New application <b>{ $code }</b>: { $title } — { $establishment }. Type /status { $code } to see it.
form-edited-message = An edited message does not count as an answer. Please send the answer as a new message.
form-sent-before-question = That message was sent before this question appeared, so it was not saved here.
list-previous = ◀️ Previous
list-next = Next ▶️
form-edit-stopped = Editing stopped. The changes you made are kept.
form-not-allowed = This is not available to you.
form-answer-saved = Noted.

## Notices of status changes (queued in the outbox by the review service)

owner-status-changed = 🔔 Application <b>{ $code }</b> ({ $title }): { $status }.
notice-note = Note: { $note }
officer-owner-withdrawn = ↩️ The owner withdrew application <b>{ $code }</b> ({ $title }).
commune-former-confirm = { $former } (former, { $district }) is now part of <b>{ $commune }</b>. Is that right? If so, tap the button below; if not, type the commune or ward again.
commune-former-confirm-part = Part of { $former } (former, { $district }) is now in <b>{ $commune }</b>. Is your establishment in that part? If so, tap the button below; if not, choose from the list.
commune-yes = ✅ Yes, { $commune }
commune-choice = “{ $input }” is found in several places. Please choose where your establishment is:
commune-candidate-current = { $number }. { $commune } (today)
commune-candidate-former = { $number }. { $former } (former), { $district }, now part of { $commune }
commune-candidate-former-part = { $number }. Part of { $former } (former), { $district }, now in { $commune }
tax-code-registered-elsewhere = This tax code is already registered for another establishment. Each establishment registers once. If you mistyped, type it again. If this really is your establishment's code, please contact us directly (by phone or at our office) for help.
