namespace KeySell.Application.Generation;

/// <summary>
/// Word lists for made-up but believable customers: every name is Chinese then English, as the
/// team writes them, so search, sorting and both languages are exercised at scale.
/// </summary>
internal static class MadeUpNames
{
    /// <summary>Chinese and pinyin pairs for surnames and given names; combined they give thousands of people.</summary>
    public static readonly (string Zh, string En)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"),
        ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
        ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
        ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"),
        ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("袁", "Yuan"), ("潘", "Pan"), ("于", "Yu"), ("蒋", "Jiang"), ("蔡", "Cai"),
    ];

    public static readonly (string Zh, string En)[] GivenNames =
    [
        ("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"), ("强", "Qiang"), ("磊", "Lei"),
        ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("娟", "Juan"), ("涛", "Tao"), ("明", "Ming"),
        ("超", "Chao"), ("秀英", "Xiuying"), ("霞", "Xia"), ("平", "Ping"), ("刚", "Gang"), ("桂英", "Guiying"), ("建华", "Jianhua"),
        ("晓东", "Xiaodong"), ("海燕", "Haiyan"), ("志强", "Zhiqiang"), ("文博", "Wenbo"), ("雪梅", "Xuemei"), ("国平", "Guoping"),
        ("红", "Hong"), ("欣怡", "Xinyi"), ("子涵", "Zihan"), ("浩然", "Haoran"), ("佳琪", "Jiaqi"), ("俊杰", "Junjie"), ("慧", "Hui"),
    ];

    /// <summary>Some customers are foreign-owned: their people carry English names only.</summary>
    public static readonly string[] EnglishFirstNames =
        ["James", "Mary", "Robert", "Linda", "Michael", "Sarah", "David", "Emma", "Thomas", "Anna", "Peter", "Julia", "Mark", "Laura", "Daniel", "Sophie"];

    public static readonly string[] EnglishLastNames =
        ["Smith", "Müller", "Johnson", "Schmidt", "Brown", "Martin", "Wilson", "Dubois", "Taylor", "Rossi", "Anderson", "Weber", "Clark", "Fischer"];

    public static readonly (string Zh, string En)[] CityPrefixes =
    [
        ("华东", "East China"), ("华南", "South China"), ("中原", "Central Plains"), ("江南", "Jiangnan"), ("北方", "Northern"), ("西部", "Western"),
        ("东海", "East Sea"), ("长江", "Yangtze"), ("珠江", "Pearl River"), ("渤海", "Bohai"), ("天山", "Tianshan"), ("泰山", "Taishan"),
        ("金陵", "Jinling"), ("蓝天", "Blue Sky"), ("宏达", "Hongda"), ("远航", "Yuanhang"), ("恒信", "Hengxin"), ("瑞丰", "Ruifeng"),
        ("新世纪", "New Century"), ("中联", "Zhonglian"), ("国泰", "Guotai"), ("鼎盛", "Dingsheng"), ("华信", "Huaxin"), ("永安", "Yong'an"),
        ("嘉禾", "Jiahe"), ("盛世", "Shengshi"), ("海通", "Haitong"), ("光明", "Guangming"), ("振华", "Zhenhua"), ("安泰", "Antai"),
    ];

    /// <summary>Industry (as stored on the account) and the word its companies carry in their names.</summary>
    public static readonly (string Industry, string NameZh, string NameEn)[] Industries =
    [
        ("钢铁 Steel", "钢铁", "Steel"), ("汽车 Automotive", "汽车", "Auto"), ("化工 Chemicals", "化工", "Chemical"),
        ("电子 Electronics", "电子", "Electronics"), ("物流 Logistics", "物流", "Logistics"), ("医药 Pharmaceuticals", "医药", "Pharma"),
        ("能源 Energy", "能源", "Energy"), ("零售 Retail", "商贸", "Retail"), ("银行 Banking", "银行", "Bank"),
        ("保险 Insurance", "保险", "Insurance"), ("电信 Telecom", "通信", "Telecom"), ("建筑 Construction", "建设", "Construction"),
        ("食品 Food", "食品", "Foods"), ("机械 Machinery", "机械", "Machinery"), ("IT 服务 IT services", "数据科技", "Data Technology"),
    ];

    public static readonly string[] Regions =
    [
        "上海 Shanghai", "北京 Beijing", "广东深圳 Shenzhen, Guangdong", "广东广州 Guangzhou, Guangdong", "江苏苏州 Suzhou, Jiangsu",
        "江苏无锡 Wuxi, Jiangsu", "浙江杭州 Hangzhou, Zhejiang", "浙江宁波 Ningbo, Zhejiang", "四川成都 Chengdu, Sichuan",
        "湖北武汉 Wuhan, Hubei", "天津 Tianjin", "重庆 Chongqing", "山东青岛 Qingdao, Shandong", "辽宁大连 Dalian, Liaoning",
        "陕西西安 Xi'an, Shaanxi", "福建厦门 Xiamen, Fujian", "香港 Hong Kong", "新加坡 Singapore", "德国慕尼黑 Munich, Germany",
    ];

    public static readonly (string Zh, string En)[] CompanyForms =
    [
        ("有限公司", "Co., Ltd."), ("股份有限公司", "Corporation"), ("科技有限公司", "Technology Co."), ("实业有限公司", "Industrial Co."),
    ];

    public static readonly (string Zh, string En)[] SubsidiaryPlaces =
    [
        ("上海", "Shanghai"), ("苏州", "Suzhou"), ("武汉", "Wuhan"), ("成都", "Chengdu"), ("天津", "Tianjin"), ("广州", "Guangzhou"), ("西安", "Xi'an"),
    ];

    public static readonly string[] Departments =
    [
        "总裁办 Executive Office", "财务部 Finance", "信息技术部 Information Technology", "采购部 Procurement", "生产运营部 Production Operations",
        "质量部 Quality", "供应链管理部 Supply Chain Management", "人力资源部 Human Resources", "法务部 Legal", "市场部 Marketing",
        "销售部 Sales", "研发中心 R&D Center", "设备部 Equipment", "安全环保部 Safety & Environment", "战略发展部 Strategy & Development",
        "招标办 Tender Office", "客户服务部 Customer Service", "数字化转型办公室 Digital Transformation Office",
    ];

    /// <summary>Sub-units of a big account's departments.</summary>
    public static readonly string[] Units =
        ["一处 Section 1", "二处 Section 2", "三处 Section 3", "华东区 East Region", "华南区 South Region", "华北区 North Region", "项目组 Project Team", "运维组 Operations Team"];

    public const string TopTitle = "总经理 General Manager";

    public static readonly string[] HeadTitles = ["总监 Director", "部长 Head of Department", "副总经理 Deputy General Manager", "首席信息官 CIO", "财务总监 CFO"];

    public static readonly string[] StaffTitles =
    [
        "经理 Manager", "高级工程师 Senior Engineer", "采购经理 Purchasing Manager", "项目经理 Project Manager", "主管 Supervisor",
        "架构师 Architect", "分析师 Analyst", "专员 Specialist", "工程师 Engineer", "助理 Assistant", "主任 Office Head",
    ];

    /// <summary>What is being sold; deal names and objectives are built from these ("ERP" and "MES" are what sellers search for).</summary>
    public static readonly (string Zh, string En)[] Products =
    [
        ("ERP 升级", "ERP Upgrade"), ("MES 扩容", "MES Expansion"), ("数据平台", "Data Platform"), ("云迁移", "Cloud Migration"),
        ("仓储管理系统", "Warehouse Management System"), ("供应链协同平台", "Supply Chain Collaboration"), ("质量追溯系统", "Quality Traceability"),
        ("设备预测性维护", "Predictive Maintenance"), ("客户关系管理", "CRM Rollout"), ("财务共享中心", "Finance Shared Services"),
        ("网络安全加固", "Cybersecurity Hardening"), ("智能工厂试点", "Smart Factory Pilot"), ("电子招投标平台", "e-Tendering Platform"),
        ("人力资源系统", "HR System"), ("能耗监测", "Energy Monitoring"),
    ];

    public static readonly string[] Currencies = ["CNY", "CNY", "CNY", "CNY", "CNY", "CNY", "CNY", "USD", "USD", "EUR", "HKD"];

    public static readonly string[] Wins =
    [
        "晋升 Promotion", "得到董事会认可 Recognition from the board", "减少加班 Fewer late nights", "部门预算增加 A bigger budget for the department",
        "在行业会议上分享成功案例 Present the success at an industry conference", "降低个人风险 Less personal risk",
    ];

    public static readonly string[] Results =
    [
        "库存周转提高 20% Inventory turns up 20%", "月结缩短 3 天 Month-end close 3 days faster", "停机时间减少 15% Downtime down 15%",
        "采购成本降低 5% Purchasing costs down 5%", "交付准时率 98% 98% on-time delivery", "审计一次通过 Audit passed first time",
    ];
}
