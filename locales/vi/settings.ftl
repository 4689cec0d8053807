## /settings: language and which reminders (officers: digests) a person receives

settings-title = ⚙️ <b>Cài đặt</b>
settings-language = Ngôn ngữ: { $language }. Bấm nút ở hàng cuối để đổi.
settings-explain = Bấm vào một dòng để bật hoặc tắt. ✅ là đang bật, 🔕 là đang tắt.
settings-turned-on = Đã bật: { $what }
settings-turned-off = Đã tắt: { $what }

setting-name-deadlines = Nhắc hạn nộp hồ sơ
setting-name-drafts = Nhắc hồ sơ làm dở
setting-name-fairs = Nhắc hội chợ
setting-name-results = Nhắc kết quả
setting-name-daily-digest = Bản tin hằng ngày
setting-name-weekly-digest = Bản tin hằng tuần
