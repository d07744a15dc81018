"""Chinese (zh), simplified characters."""

SENTENCE_GAP = ""

TOPICS = {
    "rice": "水稻栽培",
    "aquaculture": "淡水养殖",
    "solar": "光伏发电系统安装",
    "ev": "新能源汽车维修",
    "elderly-care": "老年护理",
    "tourism": "社区旅游",
    "hotel": "酒店前厅服务",
    "ecommerce": "跨境电子商务",
    "python": "Python程序设计",
    "networks": "计算机网络管理",
    "chinese": "国际中文教学",
    "maths": "分数与小数",
    "climate": "气候变化与洪涝风险",
    "food-safety": "食品安全与卫生",
    "robotics": "工业机器人技术",
    "braille": "盲文读写",
    "heritage": "文化遗产保护",
    "dengue": "社区登革热防控",
}

LEVELS = {
    "primary": "小学生",
    "secondary": "高中生",
    "vocational": "职业院校学生",
    "higher": "本科生",
    "lifelong": "成人学习者",
    "special": "有特殊教育需要的学生",
    "teachers": "师范生",
}

MATERIAL_TITLES = {
    "lesson-plan": "{topic}教学设计（面向{level}）",
    "presentation": "{topic}入门（{level}教学课件）",
    "textbook": "{topic}（{level}适用教材）",
    "worksheet": "{topic}练习册（{level}）",
    "open-course": "{topic}在线开放课程",
    "case-study": "{topic}案例集",
    "experiment": "{topic}实训指导书（{level}）",
    "video": "{topic}实操视频课（{level}）",
    "syllabus": "《{topic}》课程教学大纲",
}

ACHIEVEMENT_TITLES = {
    "paper": "{topic}的教与学：一项混合方法研究",
    "report": "{topic}人才培养年度报告",
    "patent": "一种用于{topic}实训教学的装置及方法",
    "software": "{topic}移动学习应用",
    "dataset": "中国—东盟{topic}调查数据集",
    "award": "{topic}课程教学成果奖",
    "competition-result": "{topic}赛项金奖",
    "cooperation-agreement": "{topic}人才联合培养合作协议",
    "standard": "{topic}专业教学标准",
    "textbook": "{topic}（第二版）",
}

MATERIAL_ABSTRACTS = (
    "本资源帮助教师向{level}讲授{topic}。内容包括简明讲解、典型例题和来自当地企业的实践任务，"
    "教师可根据45分钟或90分钟的课时灵活调整。",
    "本资料面向{level}，循序渐进地介绍{topic}的核心内容。每部分结尾设有检测题和简短的实践任务。",
    "这套{topic}教学资料经过两个学期的{level}教学实践检验，包含教师指导、课时安排建议和评价方案。",
)

ACHIEVEMENT_OPENERS = {
    "paper": "本文报告了一项为期两年的研究，结合课堂观察、测试和访谈，"
    "考察{level}学习{topic}的过程。",
    "report": "本报告回顾了我校{topic}方向的人才培养情况，包括招生、结业和毕业生就业。",
    "patent": "本发明是一种低成本教学装置，可帮助{level}练习{topic}的关键技能。",
    "software": "该应用为{level}提供{topic}微课、测验和离线练习，可在低价手机上运行。",
    "dataset": "该数据集收集了教师和{level}关于{topic}的匿名问卷数据，并附有编码手册。",
    "award": "该奖项表彰教学团队面向{level}开设的{topic}课程，其实践项目广受好评。",
    "competition-result": "我校{level}代表队凭借{topic}项目获得金奖，"
    "评审涵盖技能、安全和团队合作。",
    "cooperation-agreement": "该协议明确了中国与东盟合作院校在{topic}领域的"
    "联合培养、师资交流和资源共享。",
    "standard": "该标准规定了{level}在{topic}方面应掌握的知识、技能及考核方法。",
    "textbook": "本教材共十二个单元，系统讲解{topic}，"
    "每单元配有例题、练习和术语表，适用于{level}。",
}

ACHIEVEMENT_CLOSERS = (
    "成果已公开共享，供合作院校借鉴使用。",
    "该成果由我校与区域内的企业和合作学校共同完成。",
)

MATERIAL_SECTIONS = (
    ("学习目标", "完成本单元后，{level}能够说明{topic}的基本概念，并将其应用于简单的实际任务。"),
    ("教学活动", "学生先讨论一个简短案例，再分组完成实践任务，最后向全班汇报成果。"),
    ("学习评价", "评价由简短的书面测验和实践任务观察两部分组成，评分表见文末。"),
)

ACHIEVEMENT_SECTIONS = (
    ("研究背景", "中国和东南亚对{topic}技能的需求快速增长，但教学资源和共同标准仍然不足。"),
    ("研究方法", "团队与教师、企业和{level}合作，收集数据、测试原型，并经过多轮修改。"),
    ("主要成果", "成果已在多所合作院校推广使用，师生反馈良好。"),
)

LABELS = {"abstract": "摘要", "keywords": "关键词", "creators": "作者"}

AWARDS = ("国家级教学成果奖", "省级教学成果奖")
COMPETITIONS = ("全国职业院校技能大赛", "中国—东盟职业技能大赛")

CREATORS = ("王晓明", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵丽华", "黄志强")
CREATORS_LATIN = (
    "Wang Xiaoming",
    "Li Na",
    "Zhang Wei",
    "Liu Yang",
    "Chen Jing",
    "Yang Fan",
    "Zhao Lihua",
    "Huang Zhiqiang",
)
