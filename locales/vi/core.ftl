## Start and consent

start-greeting =
    Xin chào Anh/Chị! Đây là trợ lý khuyến công của { $agency }.
    Qua đây, cơ sở công nghiệp nông thôn đăng ký hỗ trợ khuyến công, theo dõi hồ sơ và nhận nhắc hạn, tin hội chợ, kết quả xét duyệt.
consent-question =
    Để nhận hồ sơ, chúng tôi cần lưu một số thông tin cá nhân của Anh/Chị (họ tên, số điện thoại, mã số thuế, địa chỉ cơ sở).
    Thông tin chỉ dùng để xét hỗ trợ khuyến công, chỉ Anh/Chị và cán bộ phụ trách được xem, theo Nghị định 13/2023/NĐ-CP. Anh/Chị có thể xem và xoá dữ liệu bất cứ lúc nào.
    Anh/Chị có đồng ý không?
consent-accept = ✅ Đồng ý
consent-decline = Không đồng ý
consent-accepted = Cảm ơn Anh/Chị đã đồng ý. Mời Anh/Chị chọn việc cần làm ở các mục bên dưới.
consent-declined =
    Chúng tôi tôn trọng lựa chọn của Anh/Chị và không lưu thông tin nào.
    Khi cần, Anh/Chị gõ /start để bắt đầu lại.
consent-declined-already-agreed = Anh/Chị đã đồng ý từ trước, nên thông tin cơ sở và hồ sơ của Anh/Chị vẫn được lưu để xét hỗ trợ. Nếu muốn rút lại đồng ý và xoá toàn bộ dữ liệu, Anh/Chị gõ /deletedata.
consent-required = Anh/Chị vui lòng bấm “Đồng ý” để tiếp tục. Chúng tôi chưa lưu thông tin nào của Anh/Chị.
consent-choice-recorded = Đã ghi nhận.
welcome-back = Chào mừng Anh/Chị quay lại. Mời Anh/Chị chọn việc cần làm ở các mục bên dưới.
welcome-back-open-form = Anh/Chị đang điền dở { $form }. Bấm “{ $resume }” để điền tiếp.

## Main menu (reply keyboard)

menu-apply = 📝 Đăng ký hỗ trợ
menu-applications = 📂 Hồ sơ của tôi
menu-profile = 🏭 Thông tin cơ sở
menu-resume = ▶️ Điền tiếp hồ sơ
menu-resume-profile = ▶️ Điền tiếp thông tin cơ sở
menu-resume-default = ▶️ Điền tiếp
menu-help = ❓ Hướng dẫn
menu-language = 🌐 Ngôn ngữ
menu-placeholder = Chọn việc cần làm…
menu-shown = Mời Anh/Chị chọn việc cần làm ở các mục bên dưới.

## Help

help-text =
    <b>Hướng dẫn sử dụng</b>
    • { menu-apply }: lập hồ sơ đề nghị hỗ trợ khuyến công cho cơ sở.
    • { menu-applications }: xem hồ sơ đã nộp và tình trạng xét duyệt.
    • { menu-profile }: xem, sửa thông tin cơ sở.
    • /cancel: dừng việc đang làm (phần đang điền vẫn được giữ).
    • /language: đổi ngôn ngữ.
    • /mydata, /deletedata: xem, xoá dữ liệu cá nhân.
    Mỗi câu trả lời được lưu ngay. Anh/Chị có thể dừng và điền tiếp lúc khác.
help-before-consent = Anh/Chị gõ /start để bắt đầu. Chúng tôi cần Anh/Chị đồng ý cho lưu thông tin trước khi nhận hồ sơ.

## Language

language-question = Anh/Chị chọn ngôn ngữ:
language-vietnamese = 🇻🇳 Tiếng Việt
language-english = 🇬🇧 English
language-changed = Đã chuyển sang tiếng Việt.

## Cancel

cancel-nothing = Hiện không có việc gì đang làm dở. Mời Anh/Chị chọn ở các mục bên dưới.

## Catch-all

unhandled-text = Xin lỗi, chúng tôi chưa hiểu ý Anh/Chị. Anh/Chị vui lòng chọn một mục bên dưới, hoặc gõ /help để xem hướng dẫn.
unhandled-callback = Nút này không còn dùng được. Anh/Chị vui lòng chọn lại ở menu.
error-apology = Xin lỗi Anh/Chị, hệ thống vừa gặp trục trặc. Những gì Anh/Chị đã nhập vẫn được lưu. Anh/Chị vui lòng thử lại sau ít phút.

## Command menu descriptions (setMyCommands)

command-start = Bắt đầu
command-apply = Đăng ký hỗ trợ khuyến công
command-applications = Hồ sơ của tôi
command-profile = Thông tin cơ sở
command-status = Tra cứu hồ sơ theo mã
command-help = Hướng dẫn
command-language = Đổi ngôn ngữ
command-cancel = Dừng việc đang làm

## Personal data (Nghị định 13/2023/NĐ-CP)

personal-data-summary =
    Dữ liệu chúng tôi đang lưu về Anh/Chị:
    • Tên Telegram: { $name }
    • Ngày Anh/Chị đồng ý: { $consent }
    • Cơ sở: { $establishments }
    • Hồ sơ: { $applications }{ $drafts ->
        [0] {""}
       *[other] {" "}(trong đó { $drafts } bản nháp)
    }
    Xem chi tiết ở “{ menu-profile }” và “{ menu-applications }”. Gõ /deletedata để xoá toàn bộ.
personal-data-establishment = “{ $name }”
personal-data-establishment-draft = “{ $name }” (đang điền dở)
personal-data-unnamed = chưa đặt tên
personal-data-none = chưa có
personal-data-delete-confirm = Anh/Chị chắc chắn muốn xoá toàn bộ dữ liệu của mình? Thông tin cơ sở và mọi hồ sơ, kể cả hồ sơ đã nộp, sẽ bị xoá và không khôi phục được.
personal-data-delete-yes = 🗑 Xoá toàn bộ
personal-data-delete-no = Không xoá
personal-data-deleted = Đã xoá toàn bộ dữ liệu của Anh/Chị. Khi cần, Anh/Chị gõ /start để bắt đầu lại.
personal-data-kept = Không xoá gì. Dữ liệu của Anh/Chị vẫn được giữ.
command-mydata = Xem dữ liệu cá nhân đang lưu
command-deletedata = Xoá dữ liệu cá nhân
error-apology-form = Xin lỗi Anh/Chị, hệ thống vừa gặp trục trặc. Các câu trả lời đã lưu vẫn còn nguyên. Mời Anh/Chị trả lời câu hỏi dưới đây.

## Calendar and settings (/help lines and command menu, added with the calendar)

help-calendar =
    • /events: xem hạn nộp hồ sơ, hội chợ, ngày công bố kết quả; đăng ký tham gia hội chợ.
    • /settings: bật, tắt từng loại tin nhắc; đổi ngôn ngữ.
command-events = Lịch hạn nộp, hội chợ
command-settings = Cài đặt tin nhắc
