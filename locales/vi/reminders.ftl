## Reminders (deadline-reminders, draft-reminders, fair-reminders, result-reminders jobs)
## $title, $location, $lines are HTML-escaped; dates are dd/mm/yyyy; $time is HH:MM;
## $days counts whole days from the day the reminder is read (0 = today).
## Every reminder ends with one line saying why the person gets it (reminder-why-*)
## and a button that turns its kind off (reminder-off-*).

reminder-days-left =
    { $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày
    }

reminder-deadline =
    ⏰ <b>Nhắc hạn đăng ký khuyến công năm { $year }</b>
    { $title }
    Hạn cuối: <b>{ $time } ngày { $date }</b> ({ reminder-days-left }).
    Anh/Chị chưa nộp hồ sơ cho năm này. Bấm nút dưới đây để bắt đầu.

reminder-deadline-draft =
    ⏰ <b>Nhắc hạn đăng ký khuyến công năm { $year }</b>
    { $title }
    Hạn cuối: <b>{ $time } ngày { $date }</b> ({ reminder-days-left }).
    Hồ sơ của Anh/Chị còn { $left }/{ $total } câu, bấm để làm tiếp.

reminder-draft =
    📝 <b>Hồ sơ khuyến công năm { $year } đang làm dở</b>
    Hồ sơ của Anh/Chị còn { $left }/{ $total } câu, bấm để làm tiếp.
    Hạn nộp: ngày { $date }.

reminder-fair-registration =
    🎪 <b>Nhắc hạn đăng ký tham gia hội chợ</b>
    { $title }
    Hạn đăng ký: <b>{ $time } ngày { $date }</b> ({ reminder-days-left }).
    Hội chợ khai mạc ngày { $startDate }.

reminder-fair-start =
    🎪 <b>Hội chợ khai mạc { reminder-days-left }</b>
    { $title }
    Thời gian: từ ngày { $startDate } đến ngày { $endDate }.
    Địa điểm: { $location }
    Kính mời Anh/Chị sắp xếp thời gian tham dự.

reminder-result =
    📣 <b>Sắp công bố kết quả khuyến công năm { $year }</b>
    { $title }
    Dự kiến công bố: <b>ngày { $date }</b> ({ reminder-days-left }).
    Hồ sơ { $codes } của Anh/Chị đang chờ quyết định. Kết quả sẽ được báo ngay tại đây.

reminder-result-officer =
    📣 <b>{ $title }: công bố ngày { $date }</b>
    { $count } hồ sơ chờ quyết định quá { $waitingDays } ngày (ngày nộp):
    { $lines }

reminder-result-officer-more = và { $more } hồ sơ khác.

reminder-why-deadline = Anh/Chị nhận tin này vì chưa nộp hồ sơ khuyến công năm { $year }.
reminder-why-deadline-any = Anh/Chị nhận tin này vì hạn này liên quan đến cơ sở của Anh/Chị.
reminder-why-draft = Anh/Chị nhận tin này vì hồ sơ chưa được sửa trong { $days } ngày.
reminder-why-fair-registration = Anh/Chị nhận tin này vì hội chợ dành cho cơ sở như của Anh/Chị và Anh/Chị chưa đăng ký.
reminder-why-fair-registered = Anh/Chị nhận tin này vì đã đăng ký tham gia hội chợ.
reminder-why-result = Anh/Chị nhận tin này vì có hồ sơ năm { $year } đang chờ quyết định.
reminder-why-result-officer = Anh/Chị nhận tin này vì là cán bộ xét duyệt hồ sơ.

reminder-button-apply = 📝 Làm hồ sơ
reminder-button-continue = 📝 Làm tiếp hồ sơ
reminder-button-register = ✍️ Đăng ký tham gia
reminder-button-calendar = 📅 Thêm vào lịch

reminder-off-deadlines = 🔕 Tắt nhắc hạn nộp hồ sơ
reminder-off-drafts = 🔕 Tắt nhắc hồ sơ làm dở
reminder-off-fairs = 🔕 Tắt nhắc hội chợ
reminder-off-results = 🔕 Tắt nhắc kết quả
reminder-off-daily-digest = 🔕 Tắt bản tin hằng ngày
reminder-off-weekly-digest = 🔕 Tắt bản tin hằng tuần

reminder-turned-off = Đã tắt: { $what }. Anh/Chị có thể bật lại trong /settings.
reminder-no-draft = Hồ sơ này không còn là bản nháp. Anh/Chị xem hồ sơ trong /applications.
