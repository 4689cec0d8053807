## Form: shared

raw = { $text }
form-progress = Bước { $step }/{ $total }
form-chosen = Đã chọn: { $value }
form-skip = Bỏ qua
form-skipped = (không có)
form-skipped-ack = Đã bỏ qua
form-editing = Đang sửa mục { $item } — hiện tại: { $value }
form-keep-answer = ↩️ Giữ nguyên
form-kept-answer = Giữ nguyên: { $value }
form-confirm-unlikely = Anh/Chị ghi “{ $input }”: { $shape ->
        [phone] trông giống một số điện thoại
        [email] trông giống một địa chỉ email
        [tax-code] trông giống một mã số thuế
        [money] trông giống một số tiền
        [count] trông giống một số lượng (người, lao động…)
        [date] trông giống một ngày tháng
       *[number] chỉ là một con số
    }, không giống câu trả lời cho câu hỏi này. Anh/Chị có chắc không?
form-confirm-yes = ✅ Đúng, giữ nguyên
form-confirm-retype = ✏️ Gõ lại
form-confirmed = Đã xác nhận.
form-confirm-expired = Xin lỗi, câu trả lời chờ xác nhận không còn. Anh/Chị vui lòng trả lời lại câu hỏi dưới đây.
form-help-lead = ℹ️ <b>Giải thích</b>
form-name-default = biểu mẫu
form-name-profile = thông tin cơ sở
form-name-application = hồ sơ đề nghị hỗ trợ
form-old-button = Nút này thuộc câu hỏi trước. Mời Anh/Chị trả lời câu hỏi hiện tại.
form-closed-button = Nút này không còn dùng được.
form-closed-summary = Bản tóm tắt này đã được gửi hoặc đã đóng. Anh/Chị xem hồ sơ trong “{ menu-applications }”, thông tin cơ sở trong “{ menu-profile }”.
form-expected-text = Anh/Chị vui lòng gõ câu trả lời.
form-expected-text-got-photo = Đã nhận ảnh, nhưng câu hỏi này cần Anh/Chị gõ câu trả lời. Ảnh và giấy tờ gửi ở bước đính kèm cuối hồ sơ.
form-expected-text-got-document = Đã nhận tệp, nhưng câu hỏi này cần Anh/Chị gõ câu trả lời. Giấy tờ gửi ở bước đính kèm cuối hồ sơ.
form-expected-text-got-contact = Câu hỏi này cần Anh/Chị gõ câu trả lời, không phải gửi số điện thoại.
form-expected-text-got-sticker = Cảm ơn Anh/Chị. Câu hỏi này cần Anh/Chị gõ câu trả lời.
form-expected-text-got-voice = Xin lỗi, chúng tôi chưa nghe được tin nhắn thoại. Anh/Chị vui lòng gõ câu trả lời.
form-expected-text-got-video = Câu hỏi này cần Anh/Chị gõ câu trả lời, không phải gửi video.
form-expected-text-got-location = Câu hỏi này cần Anh/Chị gõ câu trả lời. Anh/Chị vui lòng gõ địa chỉ thay vì gửi vị trí.
form-expected-text-got-other = Câu hỏi này cần Anh/Chị gõ câu trả lời.
form-empty-answer = Anh/Chị chưa nhập gì. Anh/Chị vui lòng trả lời câu hỏi.
form-command-as-answer = Câu trả lời không bắt đầu bằng dấu “/”. Anh/Chị vui lòng gõ lại.
form-no-letters = Câu trả lời cần có chữ hoặc số. Anh/Chị vui lòng gõ lại.
form-too-long = Câu trả lời dài { $length } ký tự, quá giới hạn { $max } ký tự. Anh/Chị vui lòng rút gọn.
form-use-buttons = Anh/Chị vui lòng bấm một nút bên dưới câu hỏi.
form-cancel-question = Anh/Chị muốn dừng điền { $form }? Anh/Chị có thể điền tiếp ngay, giữ lại để điền sau, hoặc xoá bản nháp.
form-cancel-keep = 💾 Giữ lại, điền sau
form-cancel-delete = 🗑 Xoá bản nháp
form-kept = Đã giữ { $form } Anh/Chị đang điền. Khi tiện, Anh/Chị bấm “{ $resume }” để điền tiếp.
form-deleted = Đã xoá bản nháp { $form }.
form-delete-confirm = Anh/Chị chắc chắn muốn xoá bản nháp { $form }{ $named ->
        [yes] {" "}“{ $name }”
       *[no] {""}
    }? { $answered } câu trả lời đã điền sẽ mất và không khôi phục được.
form-delete-yes = 🗑 Xoá hẳn bản nháp
form-delete-no = ↩️ Không xoá, điền tiếp
form-open-question = Anh/Chị đang điền dở { $form }. Anh/Chị muốn điền tiếp hay để sau?
form-open-toast = Anh/Chị đang điền dở. Mời Anh/Chị chọn điền tiếp hoặc để sau.
form-continue = ▶️ Điền tiếp
form-leave = ⏸ Để sau (giữ bản nháp)
form-resumed = Mời Anh/Chị điền tiếp { $form }.
resume-nothing = Anh/Chị không có gì đang điền dở.
summary-help = Đây là bản tóm tắt. Anh/Chị bấm “Sửa mục N” để sửa một câu trả lời. Khi mọi mục đã đúng, Anh/Chị bấm nút xác nhận (hoặc nộp) bên dưới.
summary-not-answered = chưa trả lời
summary-edit-button = Sửa mục { $number }
summary-incomplete = Còn câu hỏi chưa trả lời. Mời Anh/Chị trả lời tiếp.
summary-fix-hint = Bấm “Sửa mục { $item }” nếu cần sửa.

## Establishment profile

profile-intro = Mời Anh/Chị cho biết thông tin về cơ sở. Mỗi câu trả lời được lưu ngay.
profile-intro-before-application = Trước khi lập hồ sơ, Anh/Chị cho biết thông tin về cơ sở. Việc này chỉ làm một lần, mỗi câu trả lời được lưu ngay.
profile-saved = Đã lưu thông tin cơ sở. Cảm ơn Anh/Chị. Để lập hồ sơ đề nghị hỗ trợ, Anh/Chị bấm “{ menu-apply }”.
profile-saved-continue = ✅ Đã lưu thông tin cơ sở.

profile-q-name = Tên cơ sở của Anh/Chị là gì?
profile-q-name-help = Ghi tên như trên giấy đăng ký kinh doanh, ví dụ: Hợp tác xã Chè Bắc Sơn, Hộ kinh doanh Nguyễn Văn A.
profile-q-legal-form = Cơ sở thuộc loại hình nào?
profile-q-legal-form-help = Chọn theo giấy đăng ký: doanh nghiệp, hợp tác xã, tổ hợp tác hoặc hộ kinh doanh.
profile-q-tax-code = Mã số thuế của cơ sở là gì?
profile-q-tax-code-help = Mã số thuế có 10 chữ số (chi nhánh: 10 số, gạch ngang, 3 số). Hộ kinh doanh có thể ghi số căn cước 12 chữ số.
profile-q-tax-issued-on = Mã số thuế (hoặc giấy đăng ký) được cấp ngày nào? Ví dụ: 15/3/2019.{ $household ->
        [yes] {" "}Hộ kinh doanh chưa có giấy tờ thì bấm “{ tax-issued-none }”.
       *[no] {""}
    }
profile-q-tax-issued-on-help = Ngày cấp ghi trên giấy chứng nhận đăng ký (doanh nghiệp, hợp tác xã, hộ kinh doanh) hoặc trên căn cước, theo dạng ngày/tháng/năm.
profile-q-tax-issued-by = Nơi cấp là cơ quan nào? Ví dụ: Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn, Phòng Tài chính - Kế hoạch huyện…
profile-q-tax-issued-by-help = Ghi đúng như trên giấy chứng nhận đăng ký, hoặc trên căn cước (Cục Cảnh sát quản lý hành chính về trật tự xã hội).
tax-issued-none = Chưa có giấy tờ
tax-issued-in-future = Ngày { $date } chưa đến. Anh/Chị vui lòng kiểm tra lại ngày cấp.
tax-issued-too-early = Ngày { $date } quá sớm cho một giấy đăng ký. Anh/Chị vui lòng kiểm tra lại năm cấp.
profile-q-commune = Cơ sở ở xã, phường nào của tỉnh { $province }? Anh/Chị gõ tên xã (ví dụ: Na Sầm), hoặc bấm nút để chọn từ danh sách.
profile-q-commune-help = Từ 1/7/2025 không còn cấp huyện. Anh/Chị gõ tên xã, phường; có thể gõ không dấu. Nếu chỉ nhớ tên huyện cũ, gõ “huyện …” để xem các xã thuộc huyện đó.
profile-q-address = Địa chỉ cụ thể của cơ sở (số nhà, thôn, bản)?
profile-q-address-help = Ví dụ: Thôn Nà Pàn, hoặc Số 12 đường Bà Triệu.
profile-q-representative = Họ và tên người đại diện của cơ sở?
profile-q-representative-help = Người đứng tên trên giấy đăng ký, hoặc người được cơ sở cử làm việc với Sở Công Thương.
profile-q-position = Chức vụ của người đại diện?
profile-q-position-help = Ví dụ: Giám đốc, Chủ nhiệm hợp tác xã, Chủ hộ kinh doanh.
profile-q-phone = Số điện thoại liên hệ? Anh/Chị bấm nút “Gửi số điện thoại” bên dưới, hoặc gõ số.
profile-q-phone-help = Cán bộ sẽ gọi số này khi cần. Có thể gõ 0912 345 678 hoặc +84 912 345 678, số bàn 0205 …
profile-q-email = Địa chỉ email của cơ sở (nếu có)?
profile-q-email-help = Không bắt buộc. Nếu không có, Anh/Chị bấm “Bỏ qua”.
profile-q-sector = Cơ sở sản xuất trong ngành nghề nào?
profile-q-sector-help = Ví dụ: chế biến chè, mộc dân dụng, cơ khí, dệt thổ cẩm.
profile-q-products = Sản phẩm chính của cơ sở là gì?
profile-q-products-help = Ví dụ: chè Ô Long, tinh dầu hồi, bún ngô.
profile-q-workers = Cơ sở có bao nhiêu lao động?
profile-q-workers-help = Gõ một con số, tính cả lao động thời vụ thường xuyên. Ví dụ: 12.

legal-form-enterprise = Doanh nghiệp
legal-form-cooperative = Hợp tác xã
legal-form-cooperative-group = Tổ hợp tác
legal-form-household-business = Hộ kinh doanh

commune-browse = 📋 Chọn từ danh sách
commune-chosen = Đã chọn { $commune }.
commune-several = Có nhiều xã, phường khớp với “{ $input }”. Anh/Chị chọn đúng nơi đặt cơ sở:
commune-former-district = Địa bàn { $district } cũ nay gồm các xã, phường dưới đây. Anh/Chị chọn nơi đặt cơ sở:
commune-not-found = Không tìm thấy xã, phường “{ $input }” ở tỉnh { $province }. Anh/Chị gõ lại tên xã, hoặc bấm “📋 Chọn từ danh sách”.
commune-previous = ◀️ Trang trước
commune-next = Trang sau ▶️
commune-page = Danh sách xã, phường, trang { $page }/{ $pages }:
phone-share-button = 📱 Gửi số điện thoại
phone-saved = Đã lưu số điện thoại { $phone }.
invalid-email = Email “{ $input }” chưa đúng. Anh/Chị gõ lại, ví dụ: coso@gmail.com, hoặc bấm “Bỏ qua”.
invalid-workers = Anh/Chị vui lòng gõ số lao động bằng chữ số, ví dụ: 12.
invalid-workers-range = Số lao động cần từ 1 trở lên. Anh/Chị vui lòng gõ lại.

summary-profile-title = Thông tin cơ sở
summary-profile-footer = Anh/Chị kiểm tra lại. Bấm “Sửa mục N” nếu cần sửa.
summary-profile-confirm = ✅ Thông tin đã đúng
summary-profile-close = ✔️ Xong
summary-label-profile-name = Tên cơ sở
summary-label-profile-legal-form = Loại hình
summary-label-profile-tax-code = Mã số thuế
summary-label-profile-tax-issued-on = Ngày cấp
summary-label-profile-tax-issued-by = Nơi cấp
summary-label-profile-commune = Xã, phường
summary-label-profile-address = Địa chỉ
summary-label-profile-representative = Người đại diện
summary-label-profile-position = Chức vụ
summary-label-profile-phone = Điện thoại
summary-label-profile-email = Email
summary-label-profile-sector = Ngành nghề
summary-label-profile-products = Sản phẩm chính
summary-label-profile-workers = Số lao động

## Application

application-intro = Mời Anh/Chị lập hồ sơ đề nghị hỗ trợ khuyến công cho <b>{ $establishment }</b>.
application-plan-year = Hồ sơ đăng ký cho kế hoạch năm { $year }; hạn đăng ký là { $deadline }.
application-plan-year-after-deadline = Đăng ký cho kế hoạch năm { $closedYear } đã kết thúc ngày { $closedDeadline }, nên hồ sơ này đăng ký cho kế hoạch năm { $year } (hạn { $deadline }).
application-intro-how = Mỗi câu trả lời được lưu ngay. Gõ /help để được giải thích câu hỏi, /cancel để dừng.
application-resume-draft = Anh/Chị đang có một hồ sơ đề nghị hỗ trợ điền dở. Mời Anh/Chị điền tiếp.
application-already-submitted = Hồ sơ này đã được nộp rồi. Anh/Chị xem ở “{ menu-applications }”.
application-receipt =
    ✅ Đã nộp hồ sơ. Mã hồ sơ của Anh/Chị: <b>{ $code }</b>
    “{ $title }”, ngày nộp { $date }.
    { $agency } sẽ xem xét và báo kết quả qua đây. Anh/Chị xem tình trạng hồ sơ ở “{ menu-applications }”, hoặc gõ /status { $code }.

answer-yes = Có
answer-no = Không
eligibility-q-industrial = Cơ sở có sản xuất hàng công nghiệp, tiểu thủ công nghiệp không (chế biến, cơ khí, thủ công mỹ nghệ…)?
eligibility-q-industrial-help = Khuyến công hỗ trợ cơ sở sản xuất, chế biến công nghiệp và tiểu thủ công nghiệp. Buôn bán, dịch vụ thuần tuý không thuộc diện hỗ trợ.
eligibility-q-capital = Cơ sở có { $workers } lao động, nhiều hơn { $maxWorkers } người. Tổng nguồn vốn của cơ sở có từ { $maxCapital } trở xuống không?
eligibility-q-capital-help = Khuyến công dành cho doanh nghiệp nhỏ và vừa: có đến { $maxWorkers } lao động, hoặc tổng nguồn vốn đến { $maxCapital }.
eligibility-warning-industrial = ⚠️ Khuyến công chủ yếu hỗ trợ sản xuất công nghiệp, tiểu thủ công nghiệp. Anh/Chị vẫn có thể điền tiếp; cán bộ sẽ xem xét và liên hệ nếu cần.
eligibility-warning-size = ⚠️ Cơ sở lớn hơn doanh nghiệp nhỏ và vừa (đến { $maxWorkers } lao động, hoặc vốn đến { $maxCapital }) có thể không thuộc diện hỗ trợ. Anh/Chị vẫn có thể điền tiếp; cán bộ sẽ xem xét.
eligibility-concern-not-rural = ⚠️ Cơ sở đặt tại phường. Hỗ trợ khuyến công dành cho cơ sở ở nông thôn; cán bộ sẽ xem xét. Nếu xã, phường chưa đúng, Anh/Chị sửa ở “{ menu-profile }”.
eligibility-concern-legal-form = ⚠️ Loại hình { $legalForm ->
        [enterprise] doanh nghiệp
        [cooperative] hợp tác xã
        [cooperative-group] tổ hợp tác
        [household-business] hộ kinh doanh
       *[other] của cơ sở
    } có thể không thuộc đối tượng hỗ trợ; cán bộ sẽ xem xét.

application-q-program = Anh/Chị đăng ký nguồn kinh phí nào?
    • Khuyến công địa phương: UBND tỉnh phê duyệt, quy mô vừa và nhỏ.
    • Khuyến công quốc gia: tỉnh lập đề án gửi Bộ Công Thương phê duyệt, thường quy mô lớn hơn.
application-q-program-help = Nếu chưa rõ, Anh/Chị chọn “Khuyến công địa phương”; cán bộ sẽ tư vấn thêm.
program-local = Khuyến công địa phương
program-national = Khuyến công quốc gia
application-q-category =
    Anh/Chị đề nghị hỗ trợ nội dung nào?
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
application-q-category-help = Phổ biến nhất là mục 4: ứng dụng máy móc thiết bị tiên tiến. Gõ /help ở từng câu để được giải thích.
application-q-title = Tên nội dung đề nghị hỗ trợ? Ví dụ: Hỗ trợ ứng dụng máy sấy chè.
application-q-title-help = Một câu ngắn nói rõ cần hỗ trợ gì, tối đa 200 ký tự.
application-q-description = Anh/Chị mô tả việc cần hỗ trợ: máy móc gì, công suất bao nhiêu, dùng để làm gì?
application-q-description-help = Ví dụ: Mua 01 máy sấy chè công suất 500 kg/mẻ để thay sấy thủ công, tăng năng suất. Tối đa 2.000 ký tự.
application-q-total-cost = Tổng kinh phí thực hiện là bao nhiêu? Ví dụ: 600 triệu, 1,5 tỷ, 850.000.000.
application-q-total-cost-help = Tổng số tiền cần để thực hiện (mua máy, lắp đặt…), gồm cả phần nhà nước hỗ trợ và phần cơ sở tự bỏ ra.
application-q-requested = Kinh phí Anh/Chị đề nghị hỗ trợ là bao nhiêu? (Tổng kinh phí: { $total })
application-q-requested-help = Kinh phí đề nghị hỗ trợ không vượt tổng kinh phí. Mức hỗ trợ tối đa tuỳ nội dung hỗ trợ và nguồn kinh phí; nếu số Anh/Chị ghi vượt mức, chúng tôi sẽ báo để Anh/Chị cân nhắc.
application-q-counterpart = Vốn đối ứng của cơ sở (phần cơ sở tự bỏ ra) là { $amount }. Đúng không? Nếu khác, Anh/Chị gõ số tiền.
application-q-counterpart-help = Vốn đối ứng thường bằng tổng kinh phí trừ phần đề nghị hỗ trợ.
counterpart-accept = ✅ Đúng, { $amount }
application-q-period-start = Dự kiến bắt đầu tháng nào? Anh/Chị bấm chọn tháng, hoặc gõ, ví dụ: 3/{ $year }.
application-q-period-start-help = Gõ tháng/năm, trong năm kế hoạch { $year }.
application-q-period-end = Dự kiến hoàn thành tháng nào? (bắt đầu { $start }) Anh/Chị bấm chọn tháng, hoặc gõ, ví dụ: 10/{ $year }.
application-q-period-end-help = Gõ tháng/năm, không sớm hơn tháng bắt đầu, trong năm { $year }.
application-q-results = Kết quả dự kiến: tạo thêm bao nhiêu việc làm, sản lượng tăng bao nhiêu?
application-q-results-help = Ví dụ: Giữ 15 lao động, tạo thêm 5 việc làm; sản lượng tăng từ 20 lên 35 tấn chè/năm. Tối đa 1.000 ký tự.
application-q-attachments = { $count ->
        [0] Anh/Chị gửi ảnh nhà xưởng, báo giá, giấy phép (nếu có), tối đa { $max } tệp. Không có thì bấm “{ attachments-skip }”.
       *[other] Đã nhận { $count } tệp. Anh/Chị gửi thêm (tối đa { $max } tệp), hoặc bấm “Xong”.
    }
application-q-attachments-help = Gửi ảnh hoặc tệp PDF, Word như gửi tin nhắn thường. Không có thì bấm “Bỏ qua”; nếu cán bộ cần thêm giấy tờ, Anh/Chị sẽ được báo để bổ sung.
attachments-done = ✅ Xong
attachments-skip = Bỏ qua
attachments-expected-file = Ở bước này Anh/Chị gửi ảnh hoặc tệp, hoặc bấm “Xong”.
attachments-full = Đã đủ { $max } tệp. Anh/Chị bấm “Xong” để tiếp tục.
attachments-count = { $count } tệp

amount-saved = Đã ghi: <b>{ $amount }</b> ({ $words }).
amount-read-back = Anh/Chị ghi “{ $input }”. Chúng tôi hiểu là: <b>{ $amount }</b> ({ $words }). Đúng không?
amount-confirm = ✅ Đúng, { $amount }
requested-cleared = Tổng kinh phí mới nhỏ hơn kinh phí đề nghị hỗ trợ đã ghi. Anh/Chị vui lòng ghi lại kinh phí đề nghị hỗ trợ.
requested-over-total = Kinh phí đề nghị hỗ trợ { $requested } lớn hơn tổng kinh phí { $total }. Anh/Chị vui lòng gõ lại.
counterpart-over-total = Vốn đối ứng không thể lớn hơn tổng kinh phí { $total }. Anh/Chị vui lòng gõ lại.
counterpart-mismatch = ⚠️ Hỗ trợ cộng vốn đối ứng là { $sum }, khác tổng kinh phí { $total }.
# The cap, as the province file states it, referenced by cap-over and cap-rule-note (a reference
# sees their variables): $shape is both, percent or amount; $line is yes when a complete
# technology line may receive more; $basis says whose cap it is.
cap-rule-text = { $shape ->
        [percent] { $percent }% tổng kinh phí
        [amount] không quá { $amount } mỗi cơ sở
       *[both] { $percent }% tổng kinh phí, không quá { $amount } mỗi cơ sở
    }{ $line ->
        [yes] , dây chuyền công nghệ hoàn chỉnh đến { $lineAmount }
       *[no] {""}
    }
cap-basis-text = { $basis ->
        [local] theo mức khuyến công địa phương của tỉnh
        [local-by-national] theo mức khuyến công quốc gia, mức riêng của tỉnh có thể khác
       *[national] theo mức khuyến công quốc gia
    }
cap-over = ⚠️ Kinh phí đề nghị hỗ trợ vượt mức tối đa của hồ sơ này là { $limit } ({ cap-rule-text }; { cap-basis-text }). Anh/Chị vẫn có thể giữ số đã ghi; cán bộ sẽ xem xét.
cap-rule-note = <i>Mức tối đa: { cap-rule-text }; { cap-basis-text }. Với hồ sơ này: { $limit }.</i>
period-outside-plan-year = Thời gian thực hiện phải trong năm kế hoạch { $year } (Anh/Chị ghi { $input }). Anh/Chị vui lòng gõ lại.
period-end-before-start = Tháng hoàn thành không thể trước tháng bắt đầu ({ $start }). Anh/Chị vui lòng gõ lại.

summary-application-title = Tóm tắt hồ sơ đề nghị hỗ trợ năm { $year }
summary-application-footer = Anh/Chị kiểm tra lại. Bấm “Sửa mục N” để sửa, hoặc “Nộp hồ sơ” để gửi.
summary-eligibility-profile = Theo thông tin cơ sở: { $legalForm ->
        [enterprise] doanh nghiệp
        [cooperative] hợp tác xã
        [cooperative-group] tổ hợp tác
        [household-business] hộ kinh doanh
       *[other] chưa rõ loại hình
    }, { $commune }, { $workers } lao động.
summary-eligibility-ok = ✅ Cơ sở thuộc đối tượng hỗ trợ khuyến công.
summary-eligibility-check = Có { $count } điểm cán bộ sẽ xem thêm (các dòng ⚠️).
summary-submit = 📨 Nộp hồ sơ
summary-later = ⏸ Để sau
summary-label-application-eligibility-industrial = Sản xuất công nghiệp, tiểu thủ công nghiệp
summary-label-application-eligibility-capital = Vốn trong mức doanh nghiệp nhỏ và vừa
summary-label-application-program = Nguồn kinh phí
summary-label-application-category = Nội dung hỗ trợ
summary-label-application-title = Tên nội dung
summary-label-application-description = Mô tả
summary-label-application-total-cost = Tổng kinh phí
summary-label-application-requested = Đề nghị hỗ trợ
summary-label-application-counterpart = Vốn đối ứng
summary-label-application-period-start = Bắt đầu
summary-label-application-period-end = Hoàn thành
summary-label-application-results = Kết quả dự kiến
summary-label-application-attachments = Tệp đính kèm

## My applications

applications-title = Hồ sơ của Anh/Chị
applications-none = Anh/Chị chưa có hồ sơ nào. Bấm “{ menu-apply }” để lập hồ sơ.
applications-draft-hint = Hồ sơ chưa có mã là bản nháp. Bấm “{ menu-resume }” để điền tiếp.
application-no-code = (bản nháp)
application-untitled = (chưa đặt tên)
status-draft = Đang điền
status-submitted = Đã nộp, chờ tiếp nhận
status-received = Đã tiếp nhận
status-reviewing = Đang xem xét
status-needs_info = Cần bổ sung thông tin
status-forwarded = Đã gửi Bộ Công Thương
status-approved = Được phê duyệt
status-rejected = Không được chấp thuận
status-withdrawn = Đã rút
status-not_selected = Bộ Công Thương không chọn
status-implementing = Đang thực hiện
status-accepted = Đã nghiệm thu
status-disbursed = Đã giải ngân
status-usage = Anh/Chị gõ /status và mã hồ sơ, ví dụ: /status { $example }
status-not-found = Không tìm thấy hồ sơ { $code } của Anh/Chị. Anh/Chị kiểm tra lại mã hồ sơ.
details-establishment = Cơ sở
details-plan-year = Năm kế hoạch
details-period = Thời gian thực hiện
details-approved-amount = Số tiền được duyệt
details-decision-note = Ghi chú của cán bộ
details-history = Quá trình xử lý
details-show-files = 📎 Xem tệp đính kèm
withdraw-button = Rút hồ sơ
withdraw-confirm = Anh/Chị chắc chắn muốn rút hồ sơ { $code }? Hồ sơ đã rút không thể nộp lại, Anh/Chị sẽ phải lập hồ sơ mới.
withdraw-yes = Có, rút hồ sơ
withdraw-no = Không, giữ hồ sơ
withdraw-done = Đã rút hồ sơ { $code }. Cán bộ phụ trách đã được báo.
withdraw-not-possible = Hồ sơ này không thể rút nữa (đã có quyết định, hoặc đã rút).
attachments-received = Đã nhận { $count }/{ $max } tệp. Anh/Chị gửi tiếp, hoặc bấm “Xong”.

## Notices to officers

officer-new-application = 📥 Hồ sơ mới <b>{ $code }</b>: { $title } — { $establishment }. Gõ /status { $code } để xem.
form-edited-message = Tin nhắn đã sửa không được tính là câu trả lời. Anh/Chị vui lòng gửi câu trả lời mới.
form-sent-before-question = Tin nhắn vừa rồi được gửi trước khi câu hỏi này hiện ra, nên chưa được ghi vào mục này.
list-previous = ◀️ Trang trước
list-next = Trang sau ▶️
form-edit-stopped = Đã dừng sửa. Những thay đổi Anh/Chị đã làm vẫn được lưu.
form-not-allowed = Mục này không dành cho Anh/Chị.
form-answer-saved = Đã ghi nhận.

## Notices of status changes (queued in the outbox by the review service)

owner-status-changed = 🔔 Hồ sơ <b>{ $code }</b> ({ $title }): { $status }.
notice-note = Ghi chú: { $note }
officer-owner-withdrawn = ↩️ Chủ cơ sở đã rút hồ sơ <b>{ $code }</b> ({ $title }).
commune-former-confirm = { $former } (cũ, { $district }) nay thuộc <b>{ $commune }</b>. Đúng không? Nếu đúng, Anh/Chị bấm nút bên dưới; nếu không, Anh/Chị gõ lại tên xã, phường.
commune-former-confirm-part = Một phần { $former } (cũ, { $district }) nay thuộc <b>{ $commune }</b>. Cơ sở của Anh/Chị có ở phần đó không? Nếu đúng, Anh/Chị bấm nút bên dưới; nếu không, Anh/Chị chọn từ danh sách.
commune-yes = ✅ Đúng, { $commune }
commune-choice = “{ $input }” có ở nhiều nơi. Anh/Chị chọn nơi đặt cơ sở:
commune-candidate-current = { $number }. { $commune } (hiện nay)
commune-candidate-former = { $number }. { $former } cũ, { $district }, nay thuộc { $commune }
commune-candidate-former-part = { $number }. Một phần { $former } cũ, { $district }, nay thuộc { $commune }
tax-code-registered-elsewhere = Mã số thuế này đã được đăng ký cho một cơ sở khác. Mỗi cơ sở chỉ đăng ký một lần. Nếu gõ nhầm, Anh/Chị gõ lại. Nếu đây đúng là mã của cơ sở mình, Anh/Chị vui lòng liên hệ trực tiếp với chúng tôi (gọi điện hoặc đến trụ sở) để được hỗ trợ.
