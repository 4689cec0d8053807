## /settings: language and which reminders (officers: digests) a person receives

settings-title = ⚙️ <b>Settings</b>
settings-language = Language: { $language }. Use the last row to change it.
settings-explain = Tap a line to turn it on or off. ✅ means on, 🔕 means off.
settings-turned-on = Turned on: { $what }
settings-turned-off = Turned off: { $what }

setting-name-deadlines = Deadline reminders
setting-name-drafts = Draft reminders
setting-name-fairs = Trade fair reminders
setting-name-results = Result reminders
setting-name-daily-digest = Daily digest
setting-name-weekly-digest = Weekly digest
