# Messages for answers the bot could not accept. Each key is
# invalid-<error>, where <error> is a code returned by src/domain.
# Variables: the bot always passes $input (what the person typed, shortened
# to about 40 characters); other variables come from the error's `details`
# and are listed above the message that uses them.

## Money (src/domain/money.ts)

invalid-money-empty = Anh/Chị vui lòng nhập số tiền, ví dụ: 600 triệu hoặc 1.500.000.
invalid-money-not-a-number = “{ $input }” chưa phải là số tiền. Anh/Chị vui lòng nhập bằng số hoặc bằng chữ, ví dụ: 600 triệu, 1,5 tỷ hoặc sáu trăm triệu đồng.
invalid-money-ambiguous = Số tiền “{ $input }” chưa rõ. Anh/Chị vui lòng viết lại, ví dụ: 1.500.000 hoặc 1,5 triệu (dấu chấm ngăn cách hàng nghìn, dấu phẩy ghi phần thập phân).
invalid-money-too-small = Số tiền “{ $input }” quá nhỏ (dưới 1.000 đồng). Anh/Chị vui lòng kiểm tra lại.
# $suggestion: the same number with "triệu", e.g. "600 triệu".
invalid-money-missing-unit = Anh/Chị ghi “{ $input }”: có phải là { $suggestion } không? Anh/Chị vui lòng ghi rõ đơn vị, ví dụ: { $suggestion } hoặc 600.000.000.
invalid-money-too-large = Số tiền “{ $input }” lớn bất thường. Anh/Chị vui lòng kiểm tra lại số chữ số và đơn vị (triệu, tỷ).
invalid-money-negative = Số tiền không thể là số âm. Anh/Chị vui lòng nhập lại.
invalid-money-fraction-of-dong = Số tiền “{ $input }” có phần lẻ dưới 1 đồng. Anh/Chị vui lòng nhập số đồng chẵn, ví dụ: 1.500.000.
# $word: the first word not understood, as typed (e.g. "đô").
invalid-money-word-unknown = Chưa hiểu chữ “{ $word }” trong “{ $input }”. Anh/Chị vui lòng ghi số tiền bằng số hoặc bằng chữ, ví dụ: 600 triệu hoặc sáu trăm triệu đồng.
# $word: the word (or figure) that stands where it makes no sense, as typed.
invalid-money-word-order = Trong “{ $input }”, chữ “{ $word }” đứng chưa đúng chỗ. Anh/Chị vui lòng ghi từ đơn vị lớn đến nhỏ, ví dụ: một tỷ hai trăm triệu hoặc 1,2 tỷ.

## Phone (src/domain/phone.ts)

invalid-phone-empty = Anh/Chị vui lòng nhập số điện thoại, ví dụ: 0912 345 678.
invalid-phone-invalid = Số điện thoại “{ $input }” chưa đúng. Anh/Chị vui lòng kiểm tra lại: số di động có 10 chữ số, ví dụ 0912 345 678; số cố định có mã vùng, ví dụ 0205 3871 234.
invalid-phone-not-vietnamese = Số “{ $input }” không phải số điện thoại Việt Nam. Anh/Chị vui lòng nhập số trong nước, ví dụ: 0912 345 678.

## Tax code (src/domain/tax-code.ts)

invalid-tax-code-empty = Anh/Chị vui lòng nhập mã số thuế (10 số), mã chi nhánh (10 số - 3 số) hoặc số căn cước công dân (12 số).
invalid-tax-code-format = Mã “{ $input }” chưa đúng dạng. Mã số thuế có 10 chữ số (chi nhánh thêm “-” và 3 số); số căn cước công dân có 12 chữ số, bắt đầu bằng 0.
invalid-tax-code-checksum = Mã số thuế “{ $input }” không hợp lệ (có thể gõ nhầm một chữ số). Anh/Chị vui lòng đối chiếu với giấy đăng ký.

## Dates (src/domain/dates.ts)

invalid-date-empty = Anh/Chị vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ: 05/09/2026.
invalid-date-format = Ngày “{ $input }” chưa đúng dạng. Anh/Chị vui lòng nhập ngày/tháng/năm với năm đủ 4 chữ số, ví dụ: 05/09/2026.
invalid-date-invalid = Ngày “{ $input }” không có trên lịch. Anh/Chị vui lòng kiểm tra lại.
invalid-month-empty = Anh/Chị vui lòng nhập tháng theo dạng tháng/năm, ví dụ: 3/2027.
invalid-month-format = Tháng “{ $input }” chưa đúng dạng. Anh/Chị vui lòng nhập tháng/năm với năm đủ 4 chữ số, ví dụ: 3/2027.
invalid-month-invalid = Tháng “{ $input }” không hợp lệ (tháng từ 1 đến 12). Anh/Chị vui lòng kiểm tra lại.
