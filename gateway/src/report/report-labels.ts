// The words of the yearly report in its two languages: data the renderers read, never written into them.
export type ReportLanguage = "vi" | "en";

export interface ReportLabels {
  motto: [string, string];
  numberLine: string;
  placeDate: (place: string, year: number) => string;
  peoplesCommittee: (fullName: string) => string;
  nation: string;
  /** Sheet names of the workbook (at most 31 characters). */
  sheets: Record<"heading" | "targets" | "indicators" | "communication" | "violence" | "dataQuality" | "review", string>;
  sections: {
    plans: string;
    targets: string;
    indicators: string;
    communication: string;
    violence: string;
    dataQuality: string;
    review: string;
  };
  columns: Record<
    | "indicator"
    | "unit"
    | "sex"
    | "baseline"
    | "target"
    | "actual"
    | "male"
    | "female"
    | "total"
    | "status"
    | "gap"
    | "agency"
    | "plan"
    | "previous"
    | "current"
    | "count"
    | "kind"
    | "activities"
    | "reached"
    | "dataSet"
    | "level"
    | "expected"
    | "received"
    | "onTime"
    | "late"
    | "missing"
    | "deadline"
    | "note"
    | "documentNumber"
    | "years"
    | "type"
    | "campaign"
    | "dates",
    string
  >;
  status: Record<string, string>;
  units: Record<string, string>;
  sex: Record<string, string>;
  comparison: Record<string, string>;
  activityKinds: Record<string, string>;
  violenceForms: Record<string, string>;
  services: Record<string, string>;
  ageGroups: Record<string, string>;
  levels: Record<string, string>;
  planTypes: Record<string, string>;
  marks: { withheld: string; suppressed: string; approximate: string; none: string };
  notes: {
    suppressed: (threshold: number) => string;
    withheld: string;
    approximate: string;
    noTargets: string;
    noCases: string;
    communicationTotals: (activities: number) => string;
    campaigns: string;
    byKind: string;
    byForm: string;
    bySex: string;
    byService: string;
    byAgeGroup: string;
    approximateFigures: string;
    withheldFigures: string;
    signature: string;
    recipients: string;
  };
}

const vi: ReportLabels = {
  motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
  numberLine: "Số: ......../BC-UBND",
  placeDate: (place, year) => `${place}, ngày ...... tháng ...... năm ${year}`,
  peoplesCommittee: (fullName) => `ỦY BAN NHÂN DÂN ${fullName.toLocaleUpperCase("vi")}`,
  nation: "Toàn quốc",
  sheets: {
    heading: "Báo cáo",
    targets: "Chỉ tiêu",
    indicators: "Thống kê giới",
    communication: "Truyền thông",
    violence: "Bạo lực giới",
    dataQuality: "Chất lượng số liệu",
    review: "Sơ kết, tổng kết",
  },
  sections: {
    plans: "Kế hoạch đang thực hiện",
    targets: "I. Kết quả thực hiện các chỉ tiêu",
    indicators: "II. Các chỉ tiêu thống kê giới khác",
    communication: "III. Công tác thông tin, truyền thông",
    violence: "IV. Phòng, chống bạo lực trên cơ sở giới",
    dataQuality: "V. Chất lượng số liệu",
    review: "VI. Tiến độ thực hiện kế hoạch 5 năm theo từng năm",
  },
  columns: {
    indicator: "Chỉ tiêu",
    unit: "Đơn vị tính",
    sex: "Giới tính",
    baseline: "Cơ sở",
    target: "Mục tiêu",
    actual: "Thực hiện",
    male: "Nam",
    female: "Nữ",
    total: "Tổng số",
    status: "Đánh giá",
    gap: "Chênh lệch",
    agency: "Cơ quan chủ trì",
    plan: "Kế hoạch",
    previous: "Năm trước",
    current: "Năm báo cáo",
    count: "Số vụ/người",
    kind: "Hình thức",
    activities: "Số hoạt động",
    reached: "Lượt người",
    dataSet: "Bộ số liệu",
    level: "Cấp báo cáo",
    expected: "Phải báo cáo",
    received: "Đã báo cáo",
    onTime: "Đúng hạn",
    late: "Chậm",
    missing: "Chưa báo cáo",
    deadline: "Hạn",
    note: "Ghi chú",
    documentNumber: "Số văn bản",
    years: "Giai đoạn",
    type: "Loại",
    campaign: "Chiến dịch",
    dates: "Thời gian",
  },
  status: {
    ACHIEVED: "Đạt",
    ON_TRACK: "Đúng tiến độ",
    AT_RISK: "Có nguy cơ không đạt",
    OFF_TRACK: "Không đạt",
    NO_DATA: "Chưa có số liệu",
    NOT_COMPARABLE: "Không so sánh được",
  },
  units: {
    PERCENT: "%",
    PER_100000: "/100.000",
    BOYS_PER_100_GIRLS: "bé trai/100 bé gái",
    TIMES: "lần",
    COUNT: "số lượng",
    YES_NO: "có/không",
  },
  sex: { MALE: "Nam", FEMALE: "Nữ" },
  comparison: { AT_LEAST: "≥", AT_MOST: "≤", MAINTAIN: "duy trì", EXACT: "=" },
  activityKinds: {
    BROADCAST: "Phát thanh, truyền hình",
    EVENT: "Sự kiện",
    TRAINING_COURSE: "Lớp tập huấn",
    TALK: "Nói chuyện chuyên đề",
    CONTEST: "Hội thi",
    PRINTED_MATERIAL: "Tài liệu in",
    ONLINE_POST: "Bài đăng trực tuyến",
    OTHER: "Khác",
  },
  violenceForms: { PHYSICAL: "Thân thể", PSYCHOLOGICAL: "Tinh thần", SEXUAL: "Tình dục", ECONOMIC: "Kinh tế", TRAFFICKING: "Mua bán người" },
  services: {
    HEALTH_CARE: "Chăm sóc y tế",
    PSYCHOLOGICAL_COUNSELLING: "Tư vấn tâm lý",
    LEGAL_AID: "Trợ giúp pháp lý",
    SHELTER: "Nơi tạm lánh",
    SOCIAL_ASSISTANCE: "Trợ giúp xã hội",
  },
  ageGroups: { UNDER_16: "Dưới 16", AGE_16_17: "16-17", AGE_18_29: "18-29", AGE_30_59: "30-59", AGE_60_PLUS: "Từ 60" },
  levels: { NATION: "Toàn quốc", PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" },
  planTypes: { YEARLY: "Hằng năm", FIVE_YEAR: "5 năm", STRATEGY: "Chiến lược" },
  marks: { withheld: "chưa phê duyệt", suppressed: "ẩn", approximate: "≈", none: "-" },
  notes: {
    suppressed: (threshold) => `Số liệu dưới ${threshold} (và số suy ra được từ đó) được ẩn để bảo vệ nạn nhân.`,
    withheld: "Số liệu chưa được phê duyệt không được công bố.",
    approximate: "≈: số liệu ước tính qua sắp xếp đơn vị hành chính năm 2025.",
    noTargets: "Không có chỉ tiêu nào trong các kế hoạch đang thực hiện.",
    noCases: "Không có số liệu.",
    communicationTotals: (activities) => `Tổng số ${activities} hoạt động truyền thông.`,
    campaigns: "Chiến dịch truyền thông",
    byKind: "Theo hình thức",
    byForm: "Theo hình thức bạo lực",
    bySex: "Theo giới tính nạn nhân",
    byService: "Theo dịch vụ hỗ trợ",
    byAgeGroup: "Theo nhóm tuổi",
    approximateFigures: "Số liệu ước tính qua sắp xếp đơn vị hành chính",
    withheldFigures: "Số liệu chưa phê duyệt",
    signature: "TM. ỦY BAN NHÂN DÂN",
    recipients: "Nơi nhận:",
  },
};

const en: ReportLabels = {
  motto: ["SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness"],
  numberLine: "No.: ......../BC-UBND",
  placeDate: (place, year) => `${place}, ...... ...... ${year}`,
  peoplesCommittee: (fullName) => `PEOPLE'S COMMITTEE OF ${fullName.toUpperCase()}`,
  nation: "Viet Nam",
  sheets: {
    heading: "Report",
    targets: "Targets",
    indicators: "Indicators",
    communication: "Communication",
    violence: "Violence",
    dataQuality: "Data quality",
    review: "Review",
  },
  sections: {
    plans: "Plans in force",
    targets: "I. Targets and results",
    indicators: "II. Other gender statistics",
    communication: "III. Information and communication",
    violence: "IV. Gender-based violence",
    dataQuality: "V. Data quality",
    review: "VI. Progress of the 5-year plan, year by year",
  },
  columns: {
    indicator: "Indicator",
    unit: "Unit",
    sex: "Sex",
    baseline: "Baseline",
    target: "Target",
    actual: "Actual",
    male: "Male",
    female: "Female",
    total: "Total",
    status: "Status",
    gap: "Gap",
    agency: "Lead agency",
    plan: "Plan",
    previous: "Previous year",
    current: "Report year",
    count: "Count",
    kind: "Kind",
    activities: "Activities",
    reached: "People reached",
    dataSet: "Data set",
    level: "Reporting level",
    expected: "Expected",
    received: "Received",
    onTime: "On time",
    late: "Late",
    missing: "Missing",
    deadline: "Deadline",
    note: "Note",
    documentNumber: "Document",
    years: "Years",
    type: "Type",
    campaign: "Campaign",
    dates: "Dates",
  },
  status: {
    ACHIEVED: "Achieved",
    ON_TRACK: "On track",
    AT_RISK: "At risk",
    OFF_TRACK: "Off track",
    NO_DATA: "No data",
    NOT_COMPARABLE: "Not comparable",
  },
  units: { PERCENT: "%", PER_100000: "per 100,000", BOYS_PER_100_GIRLS: "boys per 100 girls", TIMES: "times", COUNT: "count", YES_NO: "yes/no" },
  sex: { MALE: "Male", FEMALE: "Female" },
  comparison: { AT_LEAST: "≥", AT_MOST: "≤", MAINTAIN: "maintain", EXACT: "=" },
  activityKinds: {
    BROADCAST: "Broadcasts",
    EVENT: "Events",
    TRAINING_COURSE: "Training courses",
    TALK: "Talks",
    CONTEST: "Contests",
    PRINTED_MATERIAL: "Printed material",
    ONLINE_POST: "Online posts",
    OTHER: "Other",
  },
  violenceForms: { PHYSICAL: "Physical", PSYCHOLOGICAL: "Psychological", SEXUAL: "Sexual", ECONOMIC: "Economic", TRAFFICKING: "Trafficking" },
  services: {
    HEALTH_CARE: "Health care",
    PSYCHOLOGICAL_COUNSELLING: "Counselling",
    LEGAL_AID: "Legal aid",
    SHELTER: "Shelter",
    SOCIAL_ASSISTANCE: "Social assistance",
  },
  ageGroups: { UNDER_16: "Under 16", AGE_16_17: "16-17", AGE_18_29: "18-29", AGE_30_59: "30-59", AGE_60_PLUS: "60 and over" },
  levels: { NATION: "Nation", PROVINCE: "Province", DISTRICT: "District", COMMUNE: "Commune" },
  planTypes: { YEARLY: "Yearly", FIVE_YEAR: "5-year", STRATEGY: "Strategy" },
  marks: { withheld: "not approved", suppressed: "suppressed", approximate: "≈", none: "-" },
  notes: {
    suppressed: (threshold) => `Counts below ${threshold} (and counts that would give them away) are suppressed to protect victims.`,
    withheld: "Figures not yet approved are not published.",
    approximate: "≈: estimated across the 2025 reorganisation of administrative units.",
    noTargets: "No targets in the plans in force.",
    noCases: "No data.",
    communicationTotals: (activities) => `${activities} communication activities in all.`,
    campaigns: "Campaigns",
    byKind: "By kind",
    byForm: "By form of violence",
    bySex: "By victim's sex",
    byService: "By support service",
    byAgeGroup: "By age group",
    approximateFigures: "Figures estimated across the reorganisation",
    withheldFigures: "Figures not yet approved",
    signature: "ON BEHALF OF THE PEOPLE'S COMMITTEE",
    recipients: "To:",
  },
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = { vi, en };
