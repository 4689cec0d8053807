## Reminders of calendar events (deadlines, trade fairs), queued by the calendar-reminders job
## $title and $location are HTML-escaped; $date and $startDate are dd/mm/yyyy; $time is HH:MM;
## $days counts whole days from the day the reminder is read (0 = today).

reminder-days-left =
    { $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày
    }

reminder-deadline =
    ⏰ <b>Nhắc hạn nộp hồ sơ khuyến công</b>
    { $title }
    Hạn cuối: <b>{ $time } ngày { $date }</b> ({ reminder-days-left }).
    Kính mời Anh/Chị hoàn thiện và nộp hồ sơ trước thời hạn. Nếu cần hỗ trợ, Anh/Chị cứ nhắn cho chúng tôi ngay tại đây.

reminder-fair-registration =
    🎪 <b>Nhắc hạn đăng ký tham gia hội chợ</b>
    { $title }
    Hạn đăng ký: <b>{ $time } ngày { $date }</b> ({ reminder-days-left }).
    Hội chợ khai mạc ngày { $startDate }.
    Nếu cơ sở của Anh/Chị muốn tham gia, kính mời Anh/Chị đăng ký trước thời hạn.

reminder-fair-start =
    🎪 <b>Hội chợ sắp khai mạc</b>
    { $title }
    Khai mạc: <b>ngày { $date }</b> ({ reminder-days-left }).
    Kính mời Anh/Chị sắp xếp thời gian tham dự.

reminder-event-deadline =
    ⏰ <b>Nhắc hạn</b>
    { $title }
    Hạn cuối: <b>{ $time } ngày { $date }</b> ({ reminder-days-left }).

reminder-location = Địa điểm: { $location }
