## Officers' review: the card of an application (to each officer and the officers' group)
## $code, $status; $name, $commune; $category, $program; $title; $total, $requested, $counterpart; $amount; $who

card-title = 📥 Hồ sơ <b>{ $code }</b> — { $status }
card-establishment = 🏭 { $name } · { $commune }
card-category = 📌 { $category } · { $program }
card-project = “{ $title }”
card-amounts = 💰 Tổng kinh phí { $total } · đề nghị hỗ trợ { $requested } · vốn đối ứng { $counterpart }
card-approved = ✅ Được duyệt: { $amount }
card-last-action = 🕘 { $status } — { $who }
card-button-view = 🔎 Xem chi tiết
card-button-receive = 📬 Tiếp nhận
card-button-review = 🗂 Xem xét
card-button-need-info = 📝 Yêu cầu bổ sung
card-button-reject = ✖️ Không chấp thuận
card-button-approve = ✅ Phê duyệt
card-button-forward = 📤 Gửi Bộ Công Thương
card-button-not-selected = Bộ không chọn
card-button-implement = 🛠 Bắt đầu thực hiện
card-button-accept = 📋 Nghiệm thu
card-button-disburse = 💰 Giải ngân
card-button-reply = 💬 Trả lời

## Officers' actions

officer-only = Mục này chỉ dành cho cán bộ.
admin-only = Mục này chỉ dành cho quản trị viên.
officer-action-done = Đã ghi: { $status }.
officer-action-refused = Không thực hiện được bước này với trạng thái hiện tại của hồ sơ.
officer-already-changed-toast = Hồ sơ đã được xử lý trước đó.
officer-already-changed = Hồ sơ { $code } đã được { $by } chuyển sang “{ $status }” ngày { $date }. Thẻ hồ sơ đã được cập nhật theo trạng thái mới.
officer-continue-privately = Mời Anh/Chị tiếp tục trong tin nhắn riêng với bot.
officer-open-private-chat = Anh/Chị vui lòng mở tin nhắn riêng với bot (bấm vào tên bot, chọn “Bắt đầu”) rồi bấm lại.
officer-open-details = Chi tiết hồ sơ { $code }:
officer-open-decision = Mời Anh/Chị tiếp tục xử lý hồ sơ { $code }:
officer-open-reply = Mời Anh/Chị trả lời chủ hồ sơ { $code }:
supplement-pick = Hồ sơ { $code }: Anh/Chị chọn các mục cần chủ cơ sở sửa lại (bấm để chọn hoặc bỏ chọn), rồi bấm “Xong”.
supplement-pick-done = ✅ Xong, ghi chú tiếp
supplement-pick-none = Anh/Chị chọn ít nhất một mục.

## An officer's decision (a short form)

decision-q-amount =
    { $step ->
        [accepted] Giá trị nghiệm thu của hồ sơ { $code } là bao nhiêu?
        [disbursed] Số tiền đã giải ngân cho hồ sơ { $code } là bao nhiêu?
       *[other] Số tiền được phê duyệt hỗ trợ cho hồ sơ { $code } là bao nhiêu?
    } Anh/Chị gõ số tiền, ví dụ: 250 triệu, hoặc bấm nút bên dưới.
decision-q-amount-help = Gõ số tiền như thường viết: 250 triệu, 1,2 tỷ, 250.000.000, hoặc bằng chữ.
decision-amount-same = ✅ { $amount }
decision-amount-keep = Vẫn ghi { $amount }
decision-amount-over-approved = Số tiền này lớn hơn kinh phí đề nghị hỗ trợ ({ $max }). Anh/Chị gõ lại, hoặc bấm nút để vẫn ghi.
decision-amount-over-accepted = Số tiền này lớn hơn số được phê duyệt ({ $max }). Anh/Chị gõ lại, hoặc bấm nút để vẫn ghi.
decision-amount-over-disbursed = Số tiền này lớn hơn giá trị nghiệm thu ({ $max }). Anh/Chị gõ lại, hoặc bấm nút để vẫn ghi.
decision-amount-over-cap = Số tiền này vượt mức hỗ trợ tối đa của nội dung này ({ $max }).
decision-q-note =
    { $step ->
        [rejected] Lý do không chấp thuận hồ sơ { $code }? Chủ cơ sở sẽ đọc lý do này.
        [needs_info] Anh/Chị ghi chú cho chủ cơ sở: cần sửa, bổ sung những gì?
        [not_selected] Ghi chú cho chủ cơ sở về kết quả của Bộ (nếu có)?
       *[other] Ghi chú cho chủ cơ sở (nếu có)?
    }
decision-q-note-help = Chủ cơ sở sẽ đọc nguyên văn ghi chú này, kèm thông báo.
decision-note-skip = Không ghi chú
decision-label-amount = Số tiền
decision-label-note = Ghi chú
decision-summary-approved = Phê duyệt hồ sơ { $code } “{ $title }”
decision-summary-rejected = Không chấp thuận hồ sơ { $code } “{ $title }”
decision-summary-needs_info = Yêu cầu bổ sung hồ sơ { $code } “{ $title }”
decision-summary-not_selected = Ghi nhận Bộ không chọn hồ sơ { $code } “{ $title }”
decision-summary-accepted = Nghiệm thu hồ sơ { $code } “{ $title }”
decision-summary-disbursed = Giải ngân hồ sơ { $code } “{ $title }”
decision-summary-footer = Anh/Chị kiểm tra lại rồi bấm “Xác nhận”. Chủ cơ sở sẽ được báo ngay.
decision-flagged-title = Các mục cần sửa lại:
decision-confirm = ✅ Xác nhận
decision-done-approved = Đã phê duyệt hồ sơ { $code }. Chủ cơ sở đã được báo.
decision-done-rejected = Đã ghi không chấp thuận hồ sơ { $code }. Chủ cơ sở đã được báo kèm lý do.
decision-done-needs_info = Đã gửi yêu cầu bổ sung hồ sơ { $code } cho chủ cơ sở.
decision-done-not_selected = Đã ghi Bộ không chọn hồ sơ { $code }. Chủ cơ sở có thể chuyển sang khuyến công địa phương.
decision-done-accepted = Đã ghi nghiệm thu hồ sơ { $code }.
decision-done-disbursed = Đã ghi giải ngân hồ sơ { $code }.
decision-changed = Không ghi được: hồ sơ { $code } đã được { $by } chuyển sang “{ $status }”. Anh/Chị xem lại hồ sơ rồi quyết định.
decision-not-allowed = Bước này không còn phù hợp với hồ sơ { $code }.
decision-unavailable = Không mở được hồ sơ này.

## What the owner is told (through the outbox), in plain words and with what to do next

owner-notice-received = 📬 Hồ sơ <b>{ $code }</b> (“{ $title }”) đã được { $agency } tiếp nhận. Cán bộ sẽ xem xét và báo Anh/Chị qua đây.
owner-notice-reviewing = 🗂 Hồ sơ <b>{ $code }</b> (“{ $title }”) đang được cán bộ xem xét.
owner-notice-needs_info = 📝 Hồ sơ <b>{ $code }</b> (“{ $title }”) cần bổ sung thông tin. Anh/Chị bấm “Bổ sung hồ sơ” để trả lời lại đúng các mục cán bộ yêu cầu.
owner-notice-forwarded = 📤 Hồ sơ <b>{ $code }</b> (“{ $title }”) đã được gửi Bộ Công Thương xét chọn vào kế hoạch khuyến công quốc gia. Khi có kết quả, chúng tôi sẽ báo Anh/Chị qua đây.
owner-notice-approved = ✅ Hồ sơ <b>{ $code }</b> (“{ $title }”) đã được phê duyệt. Mức hỗ trợ: <b>{ $amount }</b> ({ $words }). Cán bộ sẽ liên hệ hướng dẫn các bước thực hiện.
owner-notice-rejected = Hồ sơ <b>{ $code }</b> (“{ $title }”) không được chấp thuận. Anh/Chị có thể bấm “Hỏi cán bộ” để được giải thích, hoặc lập hồ sơ mới cho kế hoạch năm sau.
owner-notice-not_selected = Hồ sơ <b>{ $code }</b> (“{ $title }”) không được Bộ Công Thương chọn vào kế hoạch khuyến công quốc gia. Anh/Chị có thể chuyển hồ sơ sang khuyến công địa phương: bấm “Chuyển sang địa phương”.
owner-notice-implementing = 🛠 Hồ sơ <b>{ $code }</b> (“{ $title }”) chuyển sang giai đoạn thực hiện. Khi hoàn thành, cán bộ sẽ hẹn lịch nghiệm thu.
owner-notice-accepted = 📋 Hồ sơ <b>{ $code }</b> (“{ $title }”) đã được nghiệm thu. Giá trị nghiệm thu: <b>{ $amount }</b>. Bước tiếp theo là giải ngân.
owner-notice-disbursed = 💰 Hồ sơ <b>{ $code }</b> (“{ $title }”) đã được giải ngân: <b>{ $amount }</b> ({ $words }). Cảm ơn Anh/Chị đã tham gia chương trình khuyến công.
owner-button-supplement = 📝 Bổ sung hồ sơ
owner-button-transfer = ↪️ Chuyển sang địa phương
owner-button-ask = 💬 Hỏi cán bộ
owner-button-ask-again = 💬 Hỏi tiếp
owner-button-view = 📄 Xem hồ sơ

## What the officers are told when the owner acts

officer-owner-supplemented = 📝 Chủ cơ sở đã bổ sung hồ sơ <b>{ $code }</b> (“{ $title }”): { $changes } mục thay đổi. Hồ sơ trở lại “Đang xem xét”.
officer-owner-transferred = ↪️ Hồ sơ <b>{ $code }</b> (“{ $title }”) được chủ cơ sở chuyển sang khuyến công địa phương và nộp lại.
officer-question = 💬 Câu hỏi về hồ sơ <b>{ $code }</b> (“{ $title }”):
    { $text }
    Anh/Chị bấm “Trả lời”, hoặc trả lời thẳng vào tin nhắn này.
owner-reply = 💬 Cán bộ trả lời về hồ sơ <b>{ $code }</b> (“{ $title }”):
    { $text }

## Bổ sung, seen by the owner

supplement-intro =
    Cán bộ đề nghị bổ sung hồ sơ { $code }:
    { $note }
    Mời Anh/Chị trả lời lại các mục dưới đây; các mục khác giữ nguyên.
supplement-intro-without-note = Cán bộ đề nghị bổ sung hồ sơ { $code }. Mời Anh/Chị trả lời lại các mục dưới đây; các mục khác giữ nguyên.
supplement-intro-transfer = Chuyển hồ sơ { $code } sang khuyến công địa phương. Anh/Chị trả lời các câu dưới đây (nếu có), rồi xác nhận.
supplement-summary-title = Bổ sung hồ sơ { $code }
supplement-summary-transfer = Chuyển hồ sơ { $code } sang khuyến công địa phương
supplement-summary-footer = Dấu ← chỉ câu trả lời cũ. Bấm “Sửa mục N” nếu cần, rồi bấm nút gửi.
supplement-submit = 📨 Gửi bổ sung
supplement-submit-transfer = 📨 Chuyển và nộp lại
supplement-sent = Đã gửi bổ sung hồ sơ { $code } ({ $changes } mục thay đổi). Cán bộ sẽ xem xét tiếp và báo Anh/Chị qua đây.
supplement-transferred = Đã chuyển hồ sơ { $code } sang khuyến công địa phương và nộp lại. Cán bộ sẽ xem xét và báo Anh/Chị qua đây.
supplement-not-open = Hồ sơ này hiện không cần bổ sung.
transfer-explain = Chuyển hồ sơ { $code } sang khuyến công địa phương: hồ sơ được nộp lại để UBND tỉnh phê duyệt, giữ nguyên mã hồ sơ và các câu trả lời.
transfer-over-cap = Lưu ý: kinh phí đề nghị hỗ trợ { $requested } vượt mức tối đa { $max } của khuyến công địa phương cho nội dung này. Anh/Chị sẽ được hỏi lại kinh phí đề nghị hỗ trợ.
transfer-yes = ↪️ Chuyển sang địa phương
transfer-no = Để sau
transfer-not-possible = Hồ sơ này không thể chuyển.

## Questions, replies, withdrawal (one-question forms)

message-q-owner-question = Anh/Chị gõ câu hỏi về hồ sơ { $code }. Cán bộ phụ trách sẽ trả lời qua đây.
message-q-owner-question-help = Gõ câu hỏi như nhắn tin thường, tối đa 1.500 ký tự.
message-q-officer-reply = Anh/Chị gõ câu trả lời cho chủ hồ sơ { $code }.
message-q-officer-reply-help = Chủ cơ sở sẽ đọc nguyên văn câu trả lời này.
message-q-withdrawal-reason = Anh/Chị cho biết lý do rút hồ sơ { $code } (không bắt buộc).
message-q-withdrawal-reason-help = Lý do giúp cán bộ hỗ trợ Anh/Chị tốt hơn lần sau. Không muốn ghi, Anh/Chị bấm “Không ghi lý do”.
message-skip = Không ghi lý do
message-send = 📨 Gửi
message-question-sent = Đã gửi câu hỏi về hồ sơ { $code }. Cán bộ sẽ trả lời Anh/Chị qua đây.
message-reply-sent = Đã gửi trả lời cho chủ hồ sơ { $code }.
message-not-possible = Không gửi được: hồ sơ này không còn phù hợp.

## The officers' inbox and search

inbox-title = Hồ sơ chờ xử lý: { $total }
inbox-page = trang { $page }/{ $pages }
inbox-filter = Lọc: { $filter }
inbox-filter-none = tất cả
inbox-empty = Không có hồ sơ nào chờ xử lý.
inbox-days =
    { $days ->
        [0] hôm nay
       *[other] { $days } ngày
    }
inbox-by-status = Trạng thái
inbox-by-program = Nguồn kinh phí
inbox-by-category = Nội dung
inbox-by-commune = Xã, phường
inbox-any = Tất cả
inbox-back = ◀️ Quay lại
inbox-pick-status = Lọc theo trạng thái:
inbox-pick-program = Lọc theo nguồn kinh phí:
inbox-pick-category = Lọc theo nội dung hỗ trợ:
inbox-pick-commune = Lọc theo xã, phường (chỉ nơi có hồ sơ chờ):
inbox-pick-commune-none = Không có xã, phường nào có hồ sơ chờ với bộ lọc này.
find-usage = Anh/Chị gõ /find và mã hồ sơ, mã số thuế hoặc tên cơ sở, ví dụ: /find { $example }
find-none = Không tìm thấy hồ sơ nào khớp với “{ $query }”.
find-title = Tìm thấy { $count } hồ sơ

## Officers (admins)

officers-title = Cán bộ ({ $count })
role-officer = cán bộ
role-admin = quản trị viên
officers-invite = ➕ Mời cán bộ
officers-remove = ✖️ Bỏ quyền { $name }
officers-remove-confirm = Anh/Chị chắc chắn bỏ quyền cán bộ của người này? Họ sẽ không xem, không xử lý hồ sơ được nữa.
officers-remove-yes = Bỏ quyền cán bộ
officers-remove-no = Không
officers-removed = Đã bỏ quyền cán bộ.
officers-not-removed = Không bỏ được quyền (người này không phải cán bộ, hoặc là quản trị viên).
officers-invite-created =
    Mã mời cán bộ (dùng một lần, hết hạn lúc { $expires }):
    { $link }
    Hoặc gõ trong bot: /join { $code }
officers-join-usage = Anh/Chị gõ /join và mã mời, ví dụ: /join ABCD2345EFGH
officers-redeem-officer = Anh/Chị đã được cấp quyền cán bộ. Gõ /inbox để xem hồ sơ chờ xử lý.
officers-redeem-already = Anh/Chị đã có quyền cán bộ.
officers-redeem-invalid = Mã mời không đúng, đã dùng hoặc đã hết hạn. Anh/Chị xin quản trị viên mã mới.
officers-redeem-consent-first = Anh/Chị bấm “Đồng ý” bên dưới trước, rồi bấm lại đường dẫn mời.

## Details: the road and the history

details-road = Các bước
details-former = cũ
road-submitted = Nộp hồ sơ
road-received = Tiếp nhận
road-reviewing = Xem xét
road-forwarded = Gửi Bộ Công Thương
road-decided = Quyết định
road-implementing = Thực hiện
road-accepted = Nghiệm thu
road-disbursed = Giải ngân
history-supplement = Chủ cơ sở bổ sung { $count } mục
history-question = Chủ cơ sở hỏi
history-reply = Cán bộ trả lời
