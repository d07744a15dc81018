"""Vietnamese (vi)."""

SENTENCE_GAP = " "

TOPICS = {
    "rice": "trồng lúa",
    "aquaculture": "nuôi trồng thủy sản nước ngọt",
    "solar": "lắp đặt hệ thống điện mặt trời",
    "ev": "bảo dưỡng ô tô điện",
    "elderly-care": "chăm sóc người cao tuổi",
    "tourism": "du lịch cộng đồng",
    "hotel": "nghiệp vụ lễ tân khách sạn",
    "ecommerce": "thương mại điện tử xuyên biên giới",
    "python": "lập trình Python",
    "networks": "quản trị mạng máy tính",
    "chinese": "tiếng Trung như một ngoại ngữ",
    "maths": "phân số và số thập phân",
    "climate": "biến đổi khí hậu và rủi ro lũ lụt",
    "food-safety": "an toàn vệ sinh thực phẩm",
    "robotics": "robot công nghiệp",
    "braille": "đọc và viết chữ nổi Braille",
    "heritage": "bảo tồn di sản văn hóa",
    "dengue": "phòng chống sốt xuất huyết tại cộng đồng",
}

LEVELS = {
    "primary": "học sinh tiểu học",
    "secondary": "học sinh trung học phổ thông",
    "vocational": "sinh viên cao đẳng nghề",
    "higher": "sinh viên đại học",
    "lifelong": "người học trưởng thành",
    "special": "học sinh có nhu cầu giáo dục đặc biệt",
    "teachers": "sinh viên sư phạm",
}

MATERIAL_TITLES = {
    "lesson-plan": "Giáo án {topic} dành cho {level}",
    "presentation": "Nhập môn {topic} (bài giảng trình chiếu cho {level})",
    "textbook": "Giáo trình {topic} dành cho {level}",
    "worksheet": "Bài tập thực hành {topic} dành cho {level}",
    "open-course": "Khóa học trực tuyến mở: {topic}",
    "case-study": "Tình huống điển hình về {topic}",
    "experiment": "Hướng dẫn thực hành {topic} dành cho {level}",
    "video": "Video bài giảng thực hành {topic} dành cho {level}",
    "syllabus": "Đề cương học phần {topic}",
}

ACHIEVEMENT_TITLES = {
    "paper": "Dạy và học {topic}: một nghiên cứu theo phương pháp hỗn hợp",
    "report": "Báo cáo thường niên về đào tạo {topic}",
    "patent": "Thiết bị và phương pháp hỗ trợ dạy thực hành {topic}",
    "software": "Ứng dụng di động học {topic}",
    "dataset": "Bộ dữ liệu khảo sát về {topic} tại Trung Quốc và ASEAN",
    "award": "Giải thưởng giảng dạy xuất sắc cho học phần {topic}",
    "competition-result": "Huy chương vàng hội thi tay nghề nội dung {topic}",
    "cooperation-agreement": "Thỏa thuận hợp tác đào tạo chung về {topic}",
    "standard": "Chuẩn đào tạo {topic}",
    "textbook": "Giáo trình {topic} (tái bản lần thứ nhất)",
}

MATERIAL_ABSTRACTS = (
    "Tài liệu giúp giáo viên giới thiệu {topic} cho {level}. Nội dung gồm phần giải thích "
    "ngắn gọn, ví dụ minh họa và nhiệm vụ thực hành lấy từ doanh nghiệp địa phương. "
    "Giáo viên có thể điều chỉnh cho tiết học 45 hoặc 90 phút.",
    "Bộ tài liệu dành cho {level}, trình bày các nội dung cốt lõi của {topic} theo từng bước. "
    "Cuối mỗi phần có câu hỏi kiểm tra và một nhiệm vụ thực hành ngắn.",
    "Bộ học liệu về {topic} đã được xây dựng và thử nghiệm với {level} trong hai học kỳ, "
    "kèm hướng dẫn cho giáo viên, phân bổ thời gian và gợi ý đánh giá.",
)

ACHIEVEMENT_OPENERS = {
    "paper": "Bài báo trình bày kết quả nghiên cứu trong hai năm về cách {level} học {topic}, "
    "kết hợp quan sát lớp học, bài kiểm tra và phỏng vấn.",
    "report": "Báo cáo tổng kết các chương trình đào tạo {topic} của nhà trường, bao gồm "
    "tuyển sinh, tốt nghiệp và việc làm của người học.",
    "patent": "Sáng chế là một thiết bị dạy học chi phí thấp giúp {level} rèn luyện các kỹ "
    "năng cốt lõi về {topic}.",
    "software": "Ứng dụng cung cấp bài học ngắn, câu hỏi kiểm tra và bài tập ngoại tuyến về "
    "{topic} cho {level}, chạy được trên điện thoại giá rẻ.",
    "dataset": "Bộ dữ liệu gồm các phiếu khảo sát ẩn danh của giáo viên và {level} về {topic}, "
    "kèm theo sổ tay mã hóa.",
    "award": "Giải thưởng ghi nhận học phần {topic} dành cho {level} của nhóm giảng viên, "
    "nổi bật với các dự án thực hành.",
    "competition-result": "Đội {level} của trường giành huy chương vàng với dự án về {topic}, "
    "được chấm theo kỹ năng, an toàn và tinh thần đồng đội.",
    "cooperation-agreement": "Thỏa thuận quy định việc đào tạo chung, trao đổi giảng viên và "
    "chia sẻ học liệu về {topic} giữa các cơ sở đối tác ở Trung Quốc và ASEAN.",
    "standard": "Chuẩn mô tả kiến thức, kỹ năng và phương pháp đánh giá về {topic} mà {level} "
    "cần đạt được.",
    "textbook": "Giáo trình gồm mười hai bài về {topic}, mỗi bài có ví dụ, bài tập và bảng "
    "thuật ngữ, biên soạn cho {level}.",
}

ACHIEVEMENT_CLOSERS = (
    "Kết quả được chia sẻ mở để các cơ sở đối tác có thể sử dụng lại.",
    "Sản phẩm được xây dựng cùng doanh nghiệp và các trường đối tác trong khu vực.",
)

MATERIAL_SECTIONS = (
    (
        "Mục tiêu bài học",
        "Sau bài học, {level} có thể giải thích các khái niệm cơ bản về {topic} và vận dụng "
        "vào những nhiệm vụ thực tế đơn giản.",
    ),
    (
        "Hoạt động",
        "Người học thảo luận một tình huống ngắn, sau đó làm việc nhóm để thực hiện nhiệm vụ "
        "thực hành và trình bày kết quả trước lớp.",
    ),
    (
        "Đánh giá",
        "Việc đánh giá kết hợp bài kiểm tra viết ngắn và quan sát quá trình thực hành theo "
        "bảng kiểm ở cuối tài liệu.",
    ),
)

ACHIEVEMENT_SECTIONS = (
    (
        "Bối cảnh",
        "Nhu cầu về kỹ năng {topic} đang tăng nhanh ở Trung Quốc và Đông Nam Á, nhưng học "
        "liệu và chuẩn chung vẫn còn thiếu.",
    ),
    (
        "Phương pháp",
        "Nhóm đã phối hợp với giáo viên, doanh nghiệp và {level} để thu thập dữ liệu, thử "
        "nghiệm mẫu và chỉnh sửa qua nhiều vòng.",
    ),
    (
        "Kết quả",
        "Sản phẩm đã được nhiều cơ sở đối tác sử dụng và nhận được phản hồi tích cực từ giáo "
        "viên và người học.",
    ),
)

LABELS = {"abstract": "Tóm tắt", "keywords": "Từ khóa", "creators": "Tác giả"}

AWARDS = ("Giải thưởng Nhà giáo tiêu biểu", "Giải thưởng Đổi mới sáng tạo trong giảng dạy")
COMPETITIONS = ("Hội thi Kỹ năng nghề quốc gia", "Hội thi Tay nghề ASEAN")

CREATORS = (
    "Nguyễn Văn An",
    "Trần Thị Bích Ngọc",
    "Lê Minh Tuấn",
    "Phạm Thu Hà",
    "Hoàng Đức Thắng",
    "Vũ Thị Lan",
    "Đặng Quốc Huy",
    "Bùi Thanh Hương",
)
