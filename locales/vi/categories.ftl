# The 11 support categories (nội dung khuyến công), numbered as in the
# decree; ids from src/domain/support-categories.ts. `-short` is the
# label of its button (at most 26 characters, with its number 30).

## Support categories

category-training = Đào tạo nghề, truyền nghề, nâng cao tay nghề
category-training-description = Hỗ trợ mở lớp dạy nghề, truyền nghề cho người lao động tại cơ sở.
category-training-short = Đào tạo, truyền nghề
category-management = Nâng cao năng lực quản lý, khởi sự doanh nghiệp
category-management-description = Tập huấn, đào tạo quản lý và khởi sự doanh nghiệp cho chủ cơ sở.
category-management-short = Năng lực quản lý
category-demonstration-model = Xây dựng mô hình trình diễn kỹ thuật
category-demonstration-model-description = Hỗ trợ dựng mô hình sản xuất mới tại cơ sở để các cơ sở khác đến học tập.
category-demonstration-model-short = Mô hình trình diễn
category-machinery = Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ
category-machinery-description = Hỗ trợ một phần chi phí mua máy móc, thiết bị tiên tiến hoặc nhận chuyển giao công nghệ vào sản xuất.
category-machinery-short = Máy móc, công nghệ
category-typical-products = Phát triển sản phẩm công nghiệp nông thôn tiêu biểu
category-typical-products-description = Tham gia bình chọn sản phẩm công nghiệp nông thôn tiêu biểu và phát triển sản phẩm đạt giải.
category-typical-products-short = Sản phẩm tiêu biểu
category-fairs-showrooms = Hội chợ, triển lãm; phòng trưng bày
category-fairs-showrooms-description = Hỗ trợ gian hàng tại hội chợ, triển lãm hoặc xây dựng phòng trưng bày giới thiệu sản phẩm.
category-fairs-showrooms-short = Hội chợ, triển lãm
category-design-trademark = Thiết kế mẫu mã, bao bì; xây dựng, đăng ký nhãn hiệu
category-design-trademark-description = Hỗ trợ thiết kế mẫu mã, bao bì sản phẩm và đăng ký nhãn hiệu.
category-design-trademark-short = Mẫu mã, nhãn hiệu
category-consulting = Tư vấn
category-consulting-description = Tư vấn lập dự án đầu tư, quản lý sản xuất, xây dựng trang thương mại điện tử.
category-consulting-short = Tư vấn
category-cleaner-production = Sản xuất sạch hơn, tiết kiệm năng lượng
category-cleaner-production-description = Hỗ trợ áp dụng sản xuất sạch hơn, giảm ô nhiễm và tiết kiệm điện, nhiên liệu.
category-cleaner-production-short = Sản xuất sạch hơn
category-industrial-clusters = Cụm công nghiệp: quy hoạch, hạ tầng
category-industrial-clusters-description = Hỗ trợ lập quy hoạch và đầu tư hạ tầng cụm công nghiệp.
category-industrial-clusters-short = Cụm công nghiệp
category-information = Thông tin, tuyên truyền
category-information-description = Phổ biến thông tin, tuyên truyền về khuyến công và các cơ sở điển hình.
category-information-short = Thông tin, tuyên truyền
