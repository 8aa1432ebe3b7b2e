// The default catalogue: the National Strategy on Gender Equality 2021-2030 (Resolution 28/NQ-CP)
// indicators and those the provincial plans report on, as data elements (what areas report) and
// indicators (numerator / denominator x factor over those elements). Loaded into every database by
// seedCatalogue; the codes are stable identifiers that clients may store.
import type { AreaLevel, BetterDirection, IndicatorUnit, Sex, ValueType } from "../generated/prisma/enums";

export interface DataElementDefinition {
  code: string;
  name: string;
  nameVi: string;
  description?: string;
  valueType: ValueType;
  disaggregatedBySex: boolean;
  collectionLevel: AreaLevel;
  /** Derived from case records: the disclosure rule suppresses its small figures (docs/decisions/0080). */
  confidential?: boolean;
  /** The largest value accepted (1 for a yes/no answer). */
  maxValue?: number;
  /** VN (the default) for a national definition; otherwise the area owning a local one (docs/decisions/0084). */
  owner?: string;
}

export interface IndicatorTermDefinition {
  element: string;
  sex?: Sex;
}

export interface IndicatorDefinition {
  code: string;
  name: string;
  nameVi: string;
  description?: string;
  numerator: IndicatorTermDefinition;
  /** Absent for a plain sum of the numerator. */
  denominator?: IndicatorTermDefinition;
  factor: number;
  unit: IndicatorUnit;
  decimals: number;
  betterDirection: BetterDirection;
  owner?: string;
}

const count = (
  code: string,
  name: string,
  nameVi: string,
  disaggregatedBySex: boolean,
  collectionLevel: AreaLevel = "COMMUNE",
): DataElementDefinition => ({ code, name, nameVi, valueType: "COUNT", disaggregatedBySex, collectionLevel });

/** A count fed by the cases subgraph from case records. */
const caseCount = (...args: Parameters<typeof count>): DataElementDefinition => ({ ...count(...args), confidential: true });

export const DATA_ELEMENTS: readonly DataElementDefinition[] = [
  // Health (objective 4)
  count("LIVE_BIRTHS", "Live births", "Số trẻ sinh ra sống", true),
  count("MATERNAL_DEATHS", "Maternal deaths", "Số ca tử vong mẹ", false),
  // Family and gender-based violence (objective 3)
  caseCount("GBV_VICTIMS_DETECTED", "Detected victims of domestic or gender-based violence", "Số nạn nhân bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện", true),
  caseCount("GBV_VICTIMS_SUPPORTED", "Detected victims receiving at least one basic support service", "Số nạn nhân được tiếp cận ít nhất một dịch vụ hỗ trợ cơ bản", true),
  caseCount("GBV_PERPETRATORS_DETECTED", "Detected perpetrators not criminally prosecuted", "Số người gây bạo lực được phát hiện (không bị truy cứu trách nhiệm hình sự)", true),
  caseCount("GBV_PERPETRATORS_COUNSELLED", "Detected perpetrators receiving counselling", "Số người gây bạo lực được tư vấn", true),
  caseCount("TRAFFICKING_VICTIMS_IN_NEED", "Returned trafficking victims in need of support", "Số nạn nhân bị mua bán trở về có nhu cầu hỗ trợ", true, "PROVINCE"),
  caseCount("TRAFFICKING_VICTIMS_SUPPORTED", "Returned trafficking victims receiving support services", "Số nạn nhân bị mua bán trở về được hưởng dịch vụ hỗ trợ", true, "PROVINCE"),
  count("SOCIAL_ASSISTANCE_FACILITIES", "Public social-assistance facilities", "Số cơ sở trợ giúp xã hội công lập", false, "PROVINCE"),
  count("FACILITIES_WITH_GBV_SERVICES", "Public social-assistance facilities running GBV support and prevention", "Số cơ sở trợ giúp xã hội công lập có hoạt động hỗ trợ, phòng ngừa bạo lực trên cơ sở giới", false, "PROVINCE"),
  // Economy and labour (objective 2); labour figures come from the provincial labour force survey
  count("EMPLOYED_PERSONS", "Employed persons", "Số người có việc làm", true, "PROVINCE"),
  count("WAGE_WORKERS", "Employed persons working for wages", "Số lao động làm công hưởng lương", true, "PROVINCE"),
  count("AGRICULTURE_WORKERS", "Employed persons working in agriculture", "Số lao động làm việc trong khu vực nông nghiệp", true, "PROVINCE"),
  count("ENTERPRISES", "Enterprises and cooperatives", "Số doanh nghiệp, hợp tác xã", false, "PROVINCE"),
  count("ENTERPRISES_WOMAN_LED", "Enterprises and cooperatives with a woman director or owner", "Số doanh nghiệp, hợp tác xã có giám đốc hoặc chủ sở hữu là nữ", false, "PROVINCE"),
  count("RURAL_WORKERS", "Rural workers", "Số lao động nông thôn", true),
  count("RURAL_WORKERS_TRAINED", "Rural workers with vocational training", "Số lao động nông thôn được đào tạo nghề", true),
  // Politics (objective 1)
  count("AGENCIES", "State agencies and local governments", "Số cơ quan quản lý nhà nước, chính quyền địa phương", false, "PROVINCE"),
  count("AGENCIES_WITH_WOMAN_KEY_LEADER", "State agencies and local governments with a woman among their key leaders", "Số cơ quan quản lý nhà nước, chính quyền địa phương có lãnh đạo chủ chốt là nữ", false, "PROVINCE"),
  // Education (objective 5)
  count("ETHNIC_MINORITY_PRIMARY_COHORT", "Ethnic-minority children in the primary-school cohort", "Số trẻ em người dân tộc thiểu số trong độ tuổi tiểu học", true, "DISTRICT"),
  count("ETHNIC_MINORITY_PRIMARY_COMPLETED", "Ethnic-minority children completing primary school", "Số trẻ em người dân tộc thiểu số hoàn thành chương trình tiểu học", true, "DISTRICT"),
  // Communication (Decision 1790/QĐ-TTg)
  count("COMMUNITY_CONVENTIONS", "Community conventions (village rules)", "Số hương ước, quy ước", false),
  count("COMMUNITY_CONVENTIONS_NON_DISCRIMINATORY", "Community conventions free of gender discrimination", "Số hương ước, quy ước không có nội dung phân biệt đối xử về giới", false),
  // Communication activities: fed by the communications subgraph from its activity records (docs/decisions/0041)
  count("COMM_BROADCASTS", "Gender-equality programmes broadcast on the commune loudspeaker system", "Số chương trình về bình đẳng giới phát trên hệ thống loa truyền thanh cấp xã", false),
  count("COMM_PEOPLE_REACHED", "People reached by gender-equality communication activities", "Số lượt người được tiếp cận qua các hoạt động truyền thông về bình đẳng giới", true, "PROVINCE"),
  count("COMM_OFFICIALS_TRAINED", "Officials trained in gender equality", "Số lượt cán bộ được tập huấn về bình đẳng giới", true, "PROVINCE"),
  count("GENDER_EQUALITY_OFFICIALS", "Officials working on gender equality", "Số cán bộ làm công tác bình đẳng giới", true, "PROVINCE"),
  // persons among GENDER_EQUALITY_OFFICIALS (not attendances of any official), so the trained share stays within 100%
  count("GENDER_EQUALITY_OFFICIALS_TRAINED", "Officials working on gender equality trained in the period", "Số cán bộ làm công tác bình đẳng giới được tập huấn trong kỳ", true, "PROVINCE"),
  count("MEDIA_AGENCIES", "Press and media agencies", "Số cơ quan báo chí, truyền thông", false, "PROVINCE"),
  count("MEDIA_AGENCIES_APPLYING_GENDER_INDICATORS", "Press and media agencies applying the gender-in-media indicators", "Số cơ quan báo chí, truyền thông áp dụng bộ chỉ số về giới trong truyền thông", false, "PROVINCE"),
  // Time use (objective 3): average weekly hours per person from the national survey, so collected for the nation only
  {
    code: "UNPAID_CARE_HOURS",
    name: "Average weekly hours of unpaid domestic and care work",
    nameVi: "Số giờ trung bình làm công việc nội trợ và chăm sóc không được trả công mỗi tuần",
    description: "Average per person aged 15 and over, by sex, from the national time-use survey.",
    valueType: "NUMBER",
    disaggregatedBySex: true,
    collectionLevel: "NATION",
  },
  // Education (objective 5): 1 when the province's school and teacher-training curricula integrate gender equality
  {
    code: "GE_CURRICULUM_CONTENT",
    name: "Gender-equality content integrated in school and teacher-training curricula (1 yes, 0 no)",
    nameVi: "Nội dung bình đẳng giới được lồng ghép trong chương trình giáo dục phổ thông và đào tạo giáo viên (1 có, 0 không)",
    valueType: "COUNT",
    disaggregatedBySex: false,
    collectionLevel: "PROVINCE",
    maxValue: 1,
  },
];

const share = (
  code: string,
  name: string,
  nameVi: string,
  numerator: IndicatorTermDefinition,
  denominator: IndicatorTermDefinition,
  betterDirection: BetterDirection = "HIGHER",
): IndicatorDefinition => ({ code, name, nameVi, numerator, denominator, factor: 100, unit: "PERCENT", decimals: 1, betterDirection });

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: "SEX_RATIO_AT_BIRTH",
    name: "Sex ratio at birth",
    nameVi: "Tỷ số giới tính khi sinh",
    description: "Male live births per 100 female live births.",
    numerator: { element: "LIVE_BIRTHS", sex: "MALE" },
    denominator: { element: "LIVE_BIRTHS", sex: "FEMALE" },
    factor: 100,
    unit: "BOYS_PER_100_GIRLS",
    decimals: 1,
    betterDirection: "LOWER",
  },
  {
    code: "MATERNAL_MORTALITY_RATIO",
    name: "Maternal mortality ratio",
    nameVi: "Tỷ số tử vong mẹ",
    description: "Maternal deaths per 100,000 live births.",
    numerator: { element: "MATERNAL_DEATHS" },
    denominator: { element: "LIVE_BIRTHS" },
    factor: 100_000,
    unit: "PER_100000",
    decimals: 1,
    betterDirection: "LOWER",
  },
  {
    code: "LIVE_BIRTHS",
    name: "Live births",
    nameVi: "Số trẻ sinh ra sống",
    numerator: { element: "LIVE_BIRTHS" },
    factor: 1,
    unit: "COUNT",
    decimals: 0,
    betterDirection: "HIGHER",
  },
  {
    code: "GBV_VICTIMS_DETECTED",
    name: "Detected victims of domestic or gender-based violence",
    nameVi: "Số nạn nhân bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện",
    numerator: { element: "GBV_VICTIMS_DETECTED" },
    factor: 1,
    unit: "COUNT",
    decimals: 0,
    betterDirection: "LOWER",
  },
  share(
    "GBV_VICTIMS_SUPPORTED_SHARE",
    "Detected victims of domestic or gender-based violence receiving at least one basic support service",
    "Tỷ lệ nạn nhân bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện được tiếp cận ít nhất một dịch vụ hỗ trợ cơ bản",
    { element: "GBV_VICTIMS_SUPPORTED" },
    { element: "GBV_VICTIMS_DETECTED" },
  ),
  share(
    "GBV_PERPETRATORS_COUNSELLED_SHARE",
    "Detected perpetrators (not criminally prosecuted) receiving counselling",
    "Tỷ lệ người gây bạo lực được phát hiện được tư vấn tại cơ sở tư vấn",
    { element: "GBV_PERPETRATORS_COUNSELLED" },
    { element: "GBV_PERPETRATORS_DETECTED" },
  ),
  share(
    "TRAFFICKING_VICTIMS_SUPPORTED_SHARE",
    "Returned trafficking victims in need receiving support services",
    "Tỷ lệ nạn nhân bị mua bán trở về có nhu cầu được hưởng dịch vụ hỗ trợ",
    { element: "TRAFFICKING_VICTIMS_SUPPORTED" },
    { element: "TRAFFICKING_VICTIMS_IN_NEED" },
  ),
  share(
    "FACILITIES_WITH_GBV_SERVICES_SHARE",
    "Public social-assistance facilities running GBV support and prevention activities",
    "Tỷ lệ cơ sở trợ giúp xã hội công lập tổ chức hoạt động hỗ trợ, phòng ngừa bạo lực trên cơ sở giới",
    { element: "FACILITIES_WITH_GBV_SERVICES" },
    { element: "SOCIAL_ASSISTANCE_FACILITIES" },
  ),
  share(
    "WOMEN_WAGE_WORKERS_SHARE",
    "Employed women who are wage workers",
    "Tỷ lệ lao động nữ có việc làm hưởng lương",
    { element: "WAGE_WORKERS", sex: "FEMALE" },
    { element: "EMPLOYED_PERSONS", sex: "FEMALE" },
  ),
  share(
    "WOMEN_AGRICULTURE_SHARE",
    "Employed women working in agriculture",
    "Tỷ lệ lao động nữ làm việc trong khu vực nông nghiệp",
    { element: "AGRICULTURE_WORKERS", sex: "FEMALE" },
    { element: "EMPLOYED_PERSONS", sex: "FEMALE" },
    "LOWER",
  ),
  share(
    "ENTERPRISES_WOMAN_LED_SHARE",
    "Enterprises and cooperatives with a woman director or owner",
    "Tỷ lệ doanh nghiệp, hợp tác xã có giám đốc hoặc chủ sở hữu là nữ",
    { element: "ENTERPRISES_WOMAN_LED" },
    { element: "ENTERPRISES" },
  ),
  share(
    "AGENCIES_WITH_WOMAN_KEY_LEADER_SHARE",
    "State agencies and local governments with a woman among their key leaders",
    "Tỷ lệ cơ quan quản lý nhà nước, chính quyền địa phương các cấp có lãnh đạo chủ chốt là nữ",
    { element: "AGENCIES_WITH_WOMAN_KEY_LEADER" },
    { element: "AGENCIES" },
  ),
  share(
    "RURAL_WOMEN_TRAINED_SHARE",
    "Rural women workers with vocational training",
    "Tỷ lệ lao động nữ ở nông thôn được đào tạo nghề",
    { element: "RURAL_WORKERS_TRAINED", sex: "FEMALE" },
    { element: "RURAL_WORKERS", sex: "FEMALE" },
  ),
  share(
    "ETHNIC_MINORITY_PRIMARY_COMPLETION",
    "Primary-school completion of ethnic-minority children",
    "Tỷ lệ trẻ em người dân tộc thiểu số hoàn thành chương trình tiểu học",
    { element: "ETHNIC_MINORITY_PRIMARY_COMPLETED" },
    { element: "ETHNIC_MINORITY_PRIMARY_COHORT" },
  ),
  share(
    "COMMUNITY_CONVENTIONS_NON_DISCRIMINATORY_SHARE",
    "Community conventions free of gender discrimination",
    "Tỷ lệ hương ước, quy ước không có nội dung phân biệt đối xử về giới",
    { element: "COMMUNITY_CONVENTIONS_NON_DISCRIMINATORY" },
    { element: "COMMUNITY_CONVENTIONS" },
  ),
  {
    code: "COMM_BROADCASTS",
    name: "Gender-equality programmes broadcast on commune loudspeaker systems",
    nameVi: "Số chương trình về bình đẳng giới phát trên hệ thống loa truyền thanh cấp xã",
    description: "Broadcasts in the period; the monthly value of one commune is compared with the target of 2 a month.",
    numerator: { element: "COMM_BROADCASTS" },
    factor: 1,
    unit: "TIMES",
    decimals: 0,
    betterDirection: "HIGHER",
  },
  {
    code: "COMM_PEOPLE_REACHED",
    name: "People reached by gender-equality communication",
    nameVi: "Số lượt người được tiếp cận thông tin về bình đẳng giới",
    numerator: { element: "COMM_PEOPLE_REACHED" },
    factor: 1,
    unit: "COUNT",
    decimals: 0,
    betterDirection: "HIGHER",
  },
  share(
    "GENDER_EQUALITY_OFFICIALS_TRAINED_SHARE",
    "Gender-equality officials trained",
    "Tỷ lệ cán bộ làm công tác bình đẳng giới được tập huấn",
    { element: "GENDER_EQUALITY_OFFICIALS_TRAINED" },
    { element: "GENDER_EQUALITY_OFFICIALS" },
  ),
  {
    code: "COMM_OFFICIALS_TRAINED",
    name: "Training attendances of officials in gender equality",
    nameVi: "Số lượt cán bộ được tập huấn về bình đẳng giới",
    description: "Attendances recorded by the communication activities; one official trained twice counts twice.",
    numerator: { element: "COMM_OFFICIALS_TRAINED" },
    factor: 1,
    unit: "COUNT",
    decimals: 0,
    betterDirection: "HIGHER",
  },
  {
    code: "UNPAID_CARE_WORK_RATIO",
    name: "Women's average hours of unpaid domestic and care work relative to men's",
    nameVi: "Số giờ trung bình làm công việc nội trợ và chăm sóc không được trả công của phụ nữ so với nam giới",
    description: "Women's average weekly hours over men's (the Strategy: 1.7 times by 2025, 1.4 by 2030).",
    numerator: { element: "UNPAID_CARE_HOURS", sex: "FEMALE" },
    denominator: { element: "UNPAID_CARE_HOURS", sex: "MALE" },
    factor: 1,
    unit: "TIMES",
    decimals: 2,
    betterDirection: "LOWER",
  },
  {
    code: "GE_CURRICULUM_CONTENT",
    name: "Gender-equality content in school and teacher-training curricula",
    nameVi: "Nội dung bình đẳng giới trong chương trình giáo dục phổ thông và đào tạo giáo viên",
    description: "Yes (1) or no (0) at a province; above it, the number of provinces answering yes.",
    numerator: { element: "GE_CURRICULUM_CONTENT" },
    factor: 1,
    unit: "YES_NO",
    decimals: 0,
    betterDirection: "HIGHER",
  },
  share(
    "MEDIA_AGENCIES_APPLYING_GENDER_INDICATORS_SHARE",
    "Press and media agencies applying the gender-in-media indicators",
    "Tỷ lệ cơ quan báo chí, truyền thông áp dụng bộ chỉ số về giới trong truyền thông",
    { element: "MEDIA_AGENCIES_APPLYING_GENDER_INDICATORS" },
    { element: "MEDIA_AGENCIES" },
  ),
];

export interface Catalogue {
  dataElements: readonly DataElementDefinition[];
  indicators: readonly IndicatorDefinition[];
}

/**
 * The catalogue every database is loaded with. It is shared reference data: the indicators
 * subgraph loads it, and other subgraphs check codes against it without reading its tables.
 */
export const DEFAULT_CATALOGUE: Catalogue = { dataElements: DATA_ELEMENTS, indicators: INDICATORS };
