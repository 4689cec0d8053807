## Reports: the officers' daily digest, weekly summary and /stats

report-daily-title = 📊 Tin tổng hợp hồ sơ khuyến công sáng { $date }
report-stats-title = 📊 Số liệu hồ sơ kế hoạch năm { $year } (đến { $date })
report-new = Hồ sơ mới nộp từ bản tin trước: { $count }
report-stats-new = Hồ sơ mới nộp trong 24 giờ qua: { $count }
report-waiting = Đang chờ xử lý: { $count } hồ sơ
report-waiting-line = • { $status }: { $count }
report-oldest = Chờ lâu nhất: { $code } ({ $status }), { $days } ngày.
report-requested-by-stream = <b>Kinh phí đề nghị hỗ trợ của hồ sơ đang chờ</b>, theo nguồn kinh phí:
report-requested-by-category = Theo nội dung hỗ trợ:
report-amount-line = • { $name }: { $amount } ({ $count } hồ sơ)
report-unknown = Chưa xác định
report-and-more = và { $count } hồ sơ khác
report-supplement-overdue = ⏰ Chờ chủ cơ sở bổ sung quá { $days } ngày: { $count } hồ sơ ({ $codes }).
report-decision-overdue = ⏰ Chờ quyết định quá { $days } ngày: { $count } hồ sơ ({ $codes }).
report-weekly-title = 📈 Tổng kết tuần { $from } – { $to }
report-weekly-new = Hồ sơ mới nộp trong tuần: { $count }
report-weekly-decisions = Quyết định trong tuần: { $approved } phê duyệt, { $rejected } không phê duyệt, { $notSelected } Bộ Công Thương không chọn.
report-weekly-approved-amount = Tổng kinh phí được phê duyệt trong tuần: { $amount }
report-chart-title = Kinh phí đề nghị và được duyệt theo nội dung, tuần { $from } – { $to }
report-chart-requested = Đề nghị hỗ trợ
report-chart-approved = Được phê duyệt
report-chart-axis = triệu đồng
report-chart-empty = Trong tuần chưa có quyết định nào
report-chart-caption = Biểu đồ kinh phí đề nghị và được phê duyệt theo nội dung hỗ trợ, tuần { $from } – { $to }.

## /stats

stats-pick-year = Anh/Chị muốn xem số liệu của kế hoạch năm nào?
stats-none = Chưa có hồ sơ nào được nộp, nên chưa có số liệu.
report-year-button = Năm { $year }

## /export: the list of applications as a spreadsheet

export-pick-year = Anh/Chị muốn xuất danh sách hồ sơ của kế hoạch năm nào?
export-pick-program = Nguồn kinh phí nào?
export-pick-status = Hồ sơ ở trạng thái nào?
export-pick-format = Anh/Chị chọn định dạng tệp:
export-all-years = Tất cả các năm
export-all-programs = Cả hai nguồn
export-all-statuses = Tất cả trạng thái
export-format-xlsx = Excel (.xlsx)
export-format-csv = CSV (UTF-8)
export-choice = Năm: { $year } · Nguồn: { $program } · Trạng thái: { $status }
export-working = ⏳ Đang tạo tệp, Anh/Chị vui lòng chờ trong giây lát…
export-progress = ⏳ Đang tạo tệp: đã ghi { $count } hồ sơ…
export-done = ✅ Đã xong: { $count } hồ sơ. Tệp được gửi ngay dưới đây.
export-empty = Không có hồ sơ nào khớp với lựa chọn này. Anh/Chị có thể gõ /export để chọn lại.
export-busy = Anh/Chị đang có một tệp đang được tạo. Vui lòng chờ tệp đó xong rồi chọn tiếp.
export-failed = ❌ Chưa tạo được tệp do lỗi hệ thống. Anh/Chị vui lòng thử lại sau ít phút.
export-caption = Danh sách hồ sơ khuyến công: { $count } hồ sơ. { $choice }
export-file-name = danh-sach-ho-so
export-sheet-list = Danh sách hồ sơ
export-sheet-by-category = Theo nội dung
export-sheet-by-commune = Theo xã
export-totals = Tổng cộng
export-column-number = STT
export-column-code = Mã hồ sơ
export-column-establishment = Tên cơ sở
export-column-legalForm = Loại hình
export-column-taxCode = Mã số thuế
export-column-commune = Xã, phường
export-column-formerDistrict = Huyện, thành phố cũ
export-column-address = Địa chỉ
export-column-representative = Người đại diện
export-column-phone = Điện thoại
export-column-category = Nội dung hỗ trợ
export-column-program = Nguồn kinh phí
export-column-title = Tên đề án
export-column-totalCost = Tổng kinh phí (đồng)
export-column-requested = Đề nghị hỗ trợ (đồng)
export-column-counterpart = Vốn đối ứng (đồng)
export-column-approved = Được phê duyệt (đồng)
export-column-accepted = Nghiệm thu (đồng)
export-column-disbursed = Đã giải ngân (đồng)
export-column-status = Trạng thái
export-column-submittedOn = Ngày nộp
export-column-decidedOn = Ngày quyết định
export-column-count = Số hồ sơ

## The officers' commands (OFFICER_COMMANDS in src/bot/commands.ts)

command-inbox = Hồ sơ chờ xử lý
command-find = Tìm hồ sơ theo mã, mã số thuế hoặc tên
command-export = Xuất danh sách hồ sơ ra tệp Excel
command-stats = Số liệu theo kế hoạch năm

## /help: what officers read below the owners' help

help-officer =
    <b>Dành cho cán bộ</b>
    • /inbox: hồ sơ chờ xử lý, lọc theo trạng thái, nguồn kinh phí, nội dung, xã.
    • /find: tìm hồ sơ theo mã, mã số thuế hoặc tên cơ sở.
    • /export: xuất danh sách hồ sơ ra tệp Excel hoặc CSV.
    • /stats: số liệu hồ sơ theo kế hoạch năm.
    Bản tin tổng hợp được gửi mỗi sáng; bản tổng kết tuần được gửi sáng thứ Hai.

command-officers = Quản lý cán bộ
