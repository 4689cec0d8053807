## Officers' review: the card of an application (to each officer and the officers' group)
## $code, $status; $name, $commune; $category, $program; $title; $total, $requested, $counterpart; $amount; $who

card-title = 📥 Application <b>{ $code }</b> — { $status }
card-establishment = 🏭 { $name } · { $commune }
card-category = 📌 { $category } · { $program }
card-project = “{ $title }”
card-amounts = 💰 Total cost { $total } · support requested { $requested } · counterpart funds { $counterpart }
card-approved = ✅ Approved: { $amount }
card-last-action = 🕘 { $status } — { $who }
card-button-view = 🔎 Details
card-button-receive = 📬 Receive
card-button-review = 🗂 Review
card-button-need-info = 📝 Ask for more
card-button-reject = ✖️ Decline
card-button-approve = ✅ Approve
card-button-forward = 📤 Send to the Ministry
card-button-not-selected = Ministry: not selected
card-button-implement = 🛠 Start carrying out
card-button-accept = 📋 Acceptance
card-button-disburse = 💰 Payment
card-button-reply = 💬 Reply

## Officers' actions

officer-only = This is for officers only.
admin-only = This is for administrators only.
officer-action-done = Recorded: { $status }.
officer-action-refused = This step is not possible at the application's current status.
officer-already-changed-toast = This application was already handled.
officer-already-changed = Application { $code } was moved to “{ $status }” by { $by } on { $date }. The card now shows its current state.
officer-continue-privately = Please continue in your private chat with the bot.
officer-open-private-chat = Please open a private chat with the bot (tap its name, then “Start”), then press again.
officer-open-details = Details of application { $code }:
officer-open-decision = Please continue with application { $code }:
officer-open-reply = Please reply to the owner of application { $code }:
supplement-pick = Application { $code }: choose the answers the owner must fix (tap to select or unselect), then tap “Done”.
supplement-pick-done = ✅ Done, add a note
supplement-pick-none = Please choose at least one answer.

## An officer's decision (a short form)

decision-q-amount =
    { $step ->
        [accepted] What is the accepted value of application { $code }?
        [disbursed] How much was paid out for application { $code }?
       *[other] How much support is approved for application { $code }?
    } Type the amount, e.g. 250 triệu, or tap the button below.
decision-q-amount-help = Type the amount as usual: 250 triệu, 1,2 tỷ, 250.000.000, or in words.
decision-amount-same = ✅ { $amount }
decision-amount-keep = Keep { $amount }
decision-amount-over-approved = This is more than the support requested ({ $max }). Type it again, or tap the button to keep it.
decision-amount-over-accepted = This is more than the amount approved ({ $max }). Type it again, or tap the button to keep it.
decision-amount-over-disbursed = This is more than the accepted value ({ $max }). Type it again, or tap the button to keep it.
decision-amount-over-cap = This is above the maximum support for this category ({ $max }).
decision-q-note =
    { $step ->
        [rejected] Why is application { $code } declined? The owner will read this reason.
        [needs_info] Your note to the owner: what must be fixed or added?
        [not_selected] A note to the owner about the Ministry's result (if any)?
       *[other] A note to the owner (if any)?
    }
decision-q-note-help = The owner reads this note word for word, with the notice.
decision-note-skip = No note
decision-label-amount = Amount
decision-label-note = Note
decision-summary-approved = Approve application { $code } “{ $title }”
decision-summary-rejected = Decline application { $code } “{ $title }”
decision-summary-needs_info = Ask for more on application { $code } “{ $title }”
decision-summary-not_selected = Record that the Ministry did not select application { $code } “{ $title }”
decision-summary-accepted = Acceptance of application { $code } “{ $title }”
decision-summary-disbursed = Payment of application { $code } “{ $title }”
decision-summary-footer = Please check, then tap “Confirm”. The owner is told at once.
decision-flagged-title = Answers to fix:
decision-confirm = ✅ Confirm
decision-done-approved = Application { $code } approved. The owner has been told.
decision-done-rejected = Application { $code } declined. The owner has been told, with the reason.
decision-done-needs_info = The request for more was sent to the owner of application { $code }.
decision-done-not_selected = Recorded that the Ministry did not select application { $code }. The owner can move it to the local programme.
decision-done-accepted = Acceptance of application { $code } recorded.
decision-done-disbursed = Payment of application { $code } recorded.
decision-changed = Not recorded: application { $code } was moved to “{ $status }” by { $by }. Please look at it again before deciding.
decision-not-allowed = This step no longer fits application { $code }.
decision-unavailable = This application cannot be opened.

## What the owner is told (through the outbox), in plain words and with what to do next

owner-notice-received = 📬 Application <b>{ $code }</b> (“{ $title }”) has been received by { $agency }. An officer will review it and tell you here.
owner-notice-reviewing = 🗂 Application <b>{ $code }</b> (“{ $title }”) is being reviewed by an officer.
owner-notice-needs_info = 📝 Application <b>{ $code }</b> (“{ $title }”) needs more information. Tap “Add information” to answer again exactly what the officer asks.
owner-notice-forwarded = 📤 Application <b>{ $code }</b> (“{ $title }”) has been sent to the Ministry of Industry and Trade for the national programme. When there is a result, we will tell you here.
owner-notice-approved = ✅ Application <b>{ $code }</b> (“{ $title }”) is approved. Support: <b>{ $amount }</b> ({ $words }). An officer will contact you about the next steps.
owner-notice-rejected = Application <b>{ $code }</b> (“{ $title }”) was declined. You can tap “Ask an officer” for an explanation, or apply again for next year's plan.
owner-notice-not_selected = Application <b>{ $code }</b> (“{ $title }”) was not selected by the Ministry for the national programme. You can move it to the local programme: tap “Move to local”.
owner-notice-implementing = 🛠 Application <b>{ $code }</b> (“{ $title }”) is now being carried out. When it is finished, an officer will arrange the acceptance visit.
owner-notice-accepted = 📋 Application <b>{ $code }</b> (“{ $title }”) passed acceptance. Accepted value: <b>{ $amount }</b>. Payment comes next.
owner-notice-disbursed = 💰 Application <b>{ $code }</b> (“{ $title }”) has been paid out: <b>{ $amount }</b> ({ $words }). Thank you for taking part in the khuyến công programme.
owner-button-supplement = 📝 Add information
owner-button-transfer = ↪️ Move to local
owner-button-ask = 💬 Ask an officer
owner-button-ask-again = 💬 Ask again
owner-button-view = 📄 View application

## What the officers are told when the owner acts

officer-owner-supplemented = 📝 The owner updated application <b>{ $code }</b> (“{ $title }”): { $changes } answers changed. It is back to “Under review”.
officer-owner-transferred = ↪️ Application <b>{ $code }</b> (“{ $title }”) was moved by its owner to the local programme and submitted again.
officer-question = 💬 A question about application <b>{ $code }</b> (“{ $title }”):
    { $text }
    Tap “Reply”, or reply to this message directly.
owner-reply = 💬 An officer answers about application <b>{ $code }</b> (“{ $title }”):
    { $text }

## Bổ sung, seen by the owner

supplement-intro =
    The officer asks for more on application { $code }:
    { $note }
    Please answer the questions below again; everything else stays as it is.
supplement-intro-without-note = The officer asks for more on application { $code }. Please answer the questions below again; everything else stays as it is.
supplement-intro-transfer = Moving application { $code } to the local programme. Please answer the questions below (if any), then confirm.
supplement-summary-title = More information for application { $code }
supplement-summary-transfer = Moving application { $code } to the local programme
supplement-summary-footer = ← shows the earlier answer. Tap “Edit N” if needed, then tap the send button.
supplement-submit = 📨 Send
supplement-submit-transfer = 📨 Move and submit
supplement-sent = Sent the new answers for application { $code } ({ $changes } changed). An officer will continue the review and tell you here.
supplement-transferred = Application { $code } was moved to the local programme and submitted again. An officer will review it and tell you here.
supplement-not-open = This application does not need more information now.
transfer-explain = Moving application { $code } to the local programme: it is submitted again for the Provincial People's Committee to approve, with the same code and answers.
transfer-over-cap = Note: the support requested, { $requested }, is above the local programme's maximum of { $max } for this category. You will be asked for the support requested again.
transfer-yes = ↪️ Move to local
transfer-no = Later
transfer-not-possible = This application cannot be moved.

## Questions, replies, withdrawal (one-question forms)

message-q-owner-question = Please type your question about application { $code }. The officer in charge will answer here.
message-q-owner-question-help = Type it as an ordinary message, up to 1,500 characters.
message-q-officer-reply = Please type your answer to the owner of application { $code }.
message-q-officer-reply-help = The owner reads this answer word for word.
message-q-withdrawal-reason = Why are you withdrawing application { $code }? (optional)
message-q-withdrawal-reason-help = A reason helps the officers help you next time. If you prefer not to say, tap “No reason”.
message-skip = No reason
message-send = 📨 Send
message-question-sent = Your question about application { $code } was sent. An officer will answer you here.
message-reply-sent = Your answer was sent to the owner of application { $code }.
message-not-possible = Not sent: this application no longer allows it.

## The officers' inbox and search

inbox-title = Applications waiting: { $total }
inbox-page = page { $page }/{ $pages }
inbox-filter = Filter: { $filter }
inbox-filter-none = all
inbox-empty = No application is waiting.
inbox-days =
    { $days ->
        [0] today
        [one] 1 day
       *[other] { $days } days
    }
inbox-by-status = Status
inbox-by-program = Programme
inbox-by-category = Category
inbox-by-commune = Commune
inbox-any = All
inbox-back = ◀️ Back
inbox-pick-status = Filter by status:
inbox-pick-program = Filter by programme:
inbox-pick-category = Filter by support category:
inbox-pick-commune = Filter by commune (only those with applications waiting):
inbox-pick-commune-none = No commune has applications waiting with this filter.
find-usage = Type /find and an application code, a tax code or an establishment's name, e.g. /find { $example }
find-none = No application matches “{ $query }”.
find-title = { $count } applications found

## Officers (admins)

officers-title = Officers ({ $count })
role-officer = officer
role-admin = administrator
officers-invite = ➕ Invite an officer
officers-remove = ✖️ Remove { $name }
officers-remove-confirm = Remove this person's officer role? They will no longer see or handle applications.
officers-remove-yes = Remove the role
officers-remove-no = No
officers-removed = The officer role was removed.
officers-not-removed = Nothing removed (this person is not an officer, or is an administrator).
officers-invite-created =
    Officer invite (one use, expires at { $expires }):
    { $link }
    Or type in the bot: /join { $code }
officers-join-usage = Type /join and the invite code, e.g. /join ABCD2345EFGH
officers-redeem-officer = You are now an officer. Type /inbox to see the applications waiting.
officers-redeem-already = You are already an officer.
officers-redeem-invalid = This invite code is wrong, used or expired. Please ask an administrator for a new one.
officers-redeem-consent-first = Please tap “I agree” below first, then open the invite link again.

## Details: the road and the history

details-road = Steps
details-former = former
road-submitted = Submitted
road-received = Received
road-reviewing = Review
road-forwarded = Sent to the Ministry
road-decided = Decision
road-implementing = Carrying out
road-accepted = Acceptance
road-disbursed = Payment
history-supplement = The owner updated { $count } answers
history-question = The owner asked
history-reply = An officer answered
