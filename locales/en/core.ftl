## Start and consent

start-greeting =
    Hello! This is the industrial promotion (khuyến công) assistant of { $agency }.
    Rural industrial establishments use it to apply for khuyến công support, follow their applications, and get reminders of deadlines, trade fairs and results.
consent-question =
    To accept an application we need to store some of your personal data (name, phone number, tax code, the establishment's address).
    It is used only to assess khuyến công support and is seen only by you and the officers in charge, under Decree 13/2023/NĐ-CP. You can see and delete your data at any time.
    Do you agree?
consent-accept = ✅ I agree
consent-decline = I do not agree
consent-accepted = Thank you for agreeing. Please choose what you would like to do from the menu below.
consent-declined =
    We respect your choice and store nothing about you.
    Type /start whenever you want to begin again.
consent-declined-already-agreed = You agreed before, so your establishment's details and applications are still kept, for the review of your support. To withdraw your agreement and delete all your data, type /deletedata.
consent-required = Please tap “I agree” to continue. We have not stored anything about you yet.
consent-choice-recorded = Noted.
welcome-back = Welcome back. Please choose what you would like to do from the menu below.
welcome-back-open-form = You are filling in { $form }. Tap “{ $resume }” to continue.

## Main menu (reply keyboard)

menu-apply = 📝 Apply for support
menu-applications = 📂 My applications
menu-profile = 🏭 My establishment
menu-resume = ▶️ Continue my application
menu-resume-profile = ▶️ Continue my details
menu-resume-default = ▶️ Continue
menu-help = ❓ Help
menu-language = 🌐 Language
menu-placeholder = Choose what to do…
menu-shown = Please choose what you would like to do from the menu below.

## Help

help-text =
    <b>How to use this bot</b>
    • { menu-apply }: prepare an application for khuyến công support for your establishment.
    • { menu-applications }: see the applications you submitted and where they stand.
    • { menu-profile }: see and edit your establishment's details.
    • /cancel: stop what you are doing (what you are filling in is kept).
    • /language: change the language.
    • /mydata, /deletedata: see or delete your personal data.
    Every answer is saved at once. You can stop and continue later.
help-before-consent = Type /start to begin. We need your agreement to store your data before we can accept an application.

## Language

language-question = Choose your language:
language-vietnamese = 🇻🇳 Tiếng Việt
language-english = 🇬🇧 English
language-changed = Switched to English.

## Cancel

cancel-nothing = Nothing is in progress. Please choose from the menu below.

## Catch-all

unhandled-text = Sorry, we did not understand. Please choose an item from the menu below, or type /help for help.
unhandled-callback = This button can no longer be used. Please choose again from the menu.
error-apology = Sorry, something went wrong on our side. What you typed is saved. Please try again in a few minutes.

## Command menu descriptions (setMyCommands)

command-start = Start
command-apply = Apply for khuyến công support
command-applications = My applications
command-profile = My establishment
command-status = Look up an application by code
command-help = Help
command-language = Change language
command-cancel = Stop what you are doing

## Personal data (Decree 13/2023/NĐ-CP)

personal-data-summary =
    The data we keep about you:
    • Telegram name: { $name }
    • The day you agreed: { $consent }
    • Establishment: { $establishments }
    • Applications: { $applications }{ $drafts ->
        [0] {""}
        [one] {" "}(one of them a draft)
       *[other] {" "}({ $drafts } of them drafts)
    }
    See the details under “{ menu-profile }” and “{ menu-applications }”. Type /deletedata to delete it all.
personal-data-establishment = “{ $name }”
personal-data-establishment-draft = “{ $name }” (in progress)
personal-data-unnamed = no name yet
personal-data-none = none yet
personal-data-delete-confirm = Are you sure you want to delete all your data? Your establishment's details and every application, submitted ones too, will be deleted for good.
personal-data-delete-yes = 🗑 Delete everything
personal-data-delete-no = Don't delete
personal-data-deleted = All your data is deleted. Type /start whenever you want to begin again.
personal-data-kept = Nothing was deleted. Your data is kept.
command-mydata = See the personal data kept about you
command-deletedata = Delete your personal data
error-apology-form = Sorry, something went wrong on our side. The answers already saved are safe. Please answer the question below.

## Calendar and settings (/help lines and command menu, added with the calendar)

help-calendar =
    • /events: see deadlines, trade fairs and result days; register for a fair.
    • /settings: turn each kind of reminder on or off; change the language.
command-events = Deadlines and trade fairs
command-settings = Reminder settings
