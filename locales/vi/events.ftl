## /events: the calendar (deadlines, trade fairs, result announcements), fair registrations,
## officers' event form. $title, $location, $description are HTML-escaped; dates dd/mm/yyyy.

events-title = 📅 <b>Lịch sắp tới</b>
events-none = Hiện chưa có hạn nộp, hội chợ hay ngày công bố kết quả nào sắp tới.
events-line = { $icon } <b>{ $title }</b>: ngày { $date } ({ reminder-days-left })
events-pick = Bấm vào một sự kiện để xem chi tiết.
events-my-registrations = <b>Đăng ký hội chợ của Anh/Chị</b>
events-registration-line = • { $title }: { $state }
events-add-button = ➕ Thêm sự kiện

event-kind-deadline = Hạn nộp hồ sơ
event-kind-fair = Hội chợ
event-kind-result = Công bố kết quả
event-kind-other = Sự kiện
event-seeded-deadline-title = Đăng ký kế hoạch khuyến công năm { $year }

event-card =
    { $icon } <b>{ $title }</b>
    Loại: { $kind }
    Thời gian: { $dates }
event-card-location = Địa điểm: { $location }
event-card-deadline = Hạn đăng ký: { $time } ngày { $date } ({ reminder-days-left })
event-card-plan-year = Kế hoạch năm: { $year }
event-card-description = { $description }
event-card-registered = Anh/Chị đã đăng ký: { $state }.
event-card-cancelled = Sự kiện này đã bị hủy.
event-dates-one = ngày { $start }
event-dates-range = từ ngày { $start } đến ngày { $end }

event-button-register = ✍️ Đăng ký tham gia
event-button-ics = 📅 Thêm vào lịch
event-button-registrations = 📋 Danh sách đăng ký
event-button-export = 📊 Xuất Excel
event-button-edit = ✏️ Sửa
event-button-cancel = 🗑 Hủy sự kiện
event-button-cancel-yes = 🗑 Có, hủy sự kiện
event-cancel-confirm = Anh/Chị chắc chắn muốn hủy “{ $title }”? Những người đã đăng ký hoặc đã được nhắc sẽ được báo.
event-cancelled-done = Đã hủy “{ $title }”. Đã báo cho { $count } người.
event-not-found = Sự kiện này không còn nữa.
event-ics-caption = Mở tệp này để thêm “{ $title }” vào lịch trên điện thoại.

registration-state-registered = đang chờ duyệt
registration-state-approved = đã được duyệt
registration-state-declined = không được duyệt
registration-state-cancelled = đã hủy
registration-state-event-cancelled = hội chợ đã bị hủy
registration-state-draft = chưa gửi

registrations-title = 📋 <b>Đăng ký tham gia: { $title }</b>
registrations-none = Chưa có cơ sở nào đăng ký.
registrations-line = { $number }. { $name } ({ $booths } gian): { $products }. { $state }
registrations-approve = ✅ Duyệt số { $number }
registrations-decline = ❌ Từ chối số { $number }
registration-decided-approved = Đã duyệt đăng ký của { $name }. Cơ sở đã được báo.
registration-decided-declined = Đã từ chối đăng ký của { $name }. Cơ sở đã được báo.
registration-already-decided = Đăng ký này đã được xử lý.
registration-owner-approved =
    ✅ <b>Đăng ký hội chợ đã được duyệt</b>
    { $title }
    Thời gian: { $dates }. Địa điểm: { $location }.
registration-owner-declined =
    <b>Đăng ký hội chợ chưa được duyệt</b>
    { $title }
    Rất tiếc, lần này cơ sở của Anh/Chị chưa được chọn. Anh/Chị có thể đăng ký hội chợ khác trong /events.
registrations-export-caption = Danh sách đăng ký “{ $title }”: { $count } cơ sở.
registrations-sheet = Đăng ký
registrations-column-number = STT
registrations-column-name = Tên cơ sở
registrations-column-phone = Điện thoại
registrations-column-products = Sản phẩm
registrations-column-booths = Số gian hàng
registrations-column-note = Ghi chú
registrations-column-state = Trạng thái
registrations-column-registeredAt = Ngày đăng ký

## The fair registration form
form-name-fair-registration = đăng ký hội chợ
fair-registration-intro = Đăng ký tham gia “{ $title }” (hạn { $date }).
fair-q-products = Cơ sở của Anh/Chị sẽ mang sản phẩm nào đến hội chợ?
fair-q-products-help = Ghi tên các sản phẩm, ví dụ: “chè Bắc Sơn, hồi khô”.
fair-q-booths = Anh/Chị cần mấy gian hàng?
fair-q-booths-help = Bấm một số, hoặc gõ số gian (từ 1 đến 5).
fair-q-note = Anh/Chị có ghi chú gì cho cán bộ không?
fair-q-note-help = Ví dụ: cần điện, cần bàn ghế. Không có thì bấm “Không có ghi chú”.
fair-note-skip = Không có ghi chú
fair-booths-invalid = Anh/Chị gõ một số từ 1 đến 5.
summary-label-fair-registration-products = Sản phẩm
summary-label-fair-registration-booths = Số gian hàng
summary-label-fair-registration-note = Ghi chú
fair-registration-summary-title = Đăng ký tham gia: { $title }
fair-registration-summary-footer = Anh/Chị kiểm tra lại rồi bấm “Gửi đăng ký”.
fair-registration-submit = 📨 Gửi đăng ký
fair-registration-done = ✅ Đã gửi đăng ký tham gia “{ $title }”. Cán bộ sẽ xem và báo lại cho Anh/Chị tại đây.
fair-registration-closed = Hội chợ này đã hết hạn đăng ký hoặc không còn nữa.
fair-registration-exists-registered = Anh/Chị đã đăng ký hội chợ này, đang chờ duyệt.
fair-registration-exists-approved = Anh/Chị đã đăng ký hội chợ này và đã được duyệt.
fair-registration-exists-declined = Đăng ký hội chợ này của Anh/Chị chưa được duyệt.
profile-intro-before-fair-registration = Trước khi đăng ký hội chợ, Anh/Chị cho biết thông tin về cơ sở. Việc này chỉ làm một lần, mỗi câu trả lời được lưu ngay.

## The officers' event form
form-name-event = sự kiện
event-form-intro-new = Thêm sự kiện vào lịch.
event-form-intro-edit = Sửa “{ $title }”.
event-q-kind = Sự kiện thuộc loại nào?
event-q-kind-help = Bấm một trong các nút.
event-q-title = Tên sự kiện là gì?
event-q-title-help = Ví dụ: “Hội chợ hàng công nghiệp nông thôn tiêu biểu tỉnh Lạng Sơn 2027”.
event-q-starts = Sự kiện diễn ra ngày nào?
event-q-starts-help = Gõ ngày như “15/3”, “15-3-2027” hoặc “thứ 6 tuần sau”.
event-q-ends = Ngày kết thúc là ngày nào?
event-q-ends-help = Gõ ngày như “19/3”. Chỉ một ngày thì bấm “Chỉ một ngày”.
event-ends-same = Chỉ một ngày
event-q-location = Địa điểm tổ chức ở đâu?
event-q-location-help = Ví dụ: “Quảng trường 17/10, TP Lạng Sơn”.
event-q-deadline = Hạn đăng ký là ngày nào?
event-q-deadline-help = Gõ ngày như “5/3”. Hạn tính đến 17:00 ngày đó.
event-q-plan-year = Sự kiện thuộc kế hoạch năm nào?
event-q-plan-year-help = Gõ năm, ví dụ 2027.
event-q-description = Anh/Chị ghi thêm mô tả ngắn.
event-q-description-help = Không cần thì bấm “Bỏ qua”.
event-description-skip = Bỏ qua
event-date-invalid = Anh/Chị gõ ngày như “15/3”, “15-3-2027” hoặc “thứ 6 tuần sau”.
event-date-past = Ngày này đã qua. Anh/Chị gõ một ngày sắp tới.
event-ends-before = Ngày kết thúc phải từ ngày bắt đầu trở đi.
event-deadline-after-start = Hạn đăng ký phải trước ngày diễn ra.
event-year-invalid = Anh/Chị gõ năm bằng 4 chữ số, ví dụ 2027.
event-q-audience = Sự kiện dành cho ai?
event-q-audience-help = Bấm một trong các nút. Tin nhắc chỉ gửi cho những người này.
event-audience-all = Tất cả chủ cơ sở
event-audience-submitted = Chủ cơ sở đã nộp hồ sơ
event-audience-sectors = Theo ngành nghề
event-q-sectors = Những ngành nghề nào? Anh/Chị gõ, cách nhau bằng dấu phẩy.
event-q-sectors-help = Ví dụ: “chè, mây tre”. Cơ sở có ngành nghề hoặc sản phẩm chứa một trong các từ này sẽ nhận tin.
event-sectors-invalid = Anh/Chị gõ ít nhất một ngành nghề, ví dụ “chè”.
summary-label-event-audience = Dành cho
summary-label-event-sectors = Ngành nghề
summary-label-event-kind = Loại
summary-label-event-title = Tên
summary-label-event-starts = Ngày diễn ra
summary-label-event-ends = Ngày kết thúc
summary-label-event-location = Địa điểm
summary-label-event-deadline = Hạn đăng ký
summary-label-event-plan-year = Kế hoạch năm
summary-label-event-description = Mô tả
event-summary-title = Sự kiện: { $title }
event-summary-footer = Anh/Chị kiểm tra lại rồi bấm “Lưu sự kiện”.
event-submit = 💾 Lưu sự kiện
event-saved-new = ✅ Đã thêm “{ $title }” vào lịch.
event-saved-edit = ✅ Đã lưu “{ $title }”. Đã báo cho { $count } người về thay đổi.
event-not-editable = Sự kiện này không sửa được nữa.

## Notices when an event moves or is cancelled
event-moved-notice =
    📅 <b>Lịch thay đổi</b>
    { $title }
    Thời gian mới: từ ngày { $startDate } đến ngày { $endDate }.{ $hasDeadline ->
        [yes] {" "}Hạn đăng ký: ngày { $deadline }.
       *[no] {""}
    }
event-cancelled-notice =
    📅 <b>Sự kiện đã bị hủy</b>
    { $title }
    Rất tiếc, sự kiện này không diễn ra nữa. Anh/Chị xem lịch mới trong /events.
