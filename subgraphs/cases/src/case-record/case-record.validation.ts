// Rules a case must meet before anything is written; pure, so every rule is tested without a database. The
// input's shape (real dates, the note's length) is checked at the boundary (case-record.input.ts).
import { type AreaLevelName, BadUserInputError } from "@vnge/shared";
import type { CaseRecordInput } from "./case-record.input";
import type { AgeGroup, CaseSex, CaseStatus, SupportService, ViolenceForm, ViolenceSetting } from "./case-record.enums";

const EARLIEST_DATE = "1900-01-01";

export interface ValidCase {
  areaCode: string;
  detectedOn: string;
  form: ViolenceForm;
  setting: ViolenceSetting;
  victimSex: CaseSex;
  victimAgeGroup: AgeGroup;
  victimEthnicMinority: boolean;
  perpetratorSex: CaseSex | null;
  perpetratorProsecuted: boolean;
  perpetratorCounselled: boolean;
  referredToPolice: boolean;
  status: CaseStatus;
  services: { service: SupportService; providedOn: string }[];
  note: string | null;
}

export interface CaseProblem {
  field: string;
  message: string;
}

/** Today's date in Vietnam (UTC+7), where cases are recorded. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Checks a case against the rules; `areaLevel` is the level of input.areaCode (undefined: no such area).
 * Throws BAD_USER_INPUT listing every problem (in `extensions.problems`).
 */
export function validateCase(input: CaseRecordInput, areaLevel: AreaLevelName | undefined, today: string): ValidCase {
  const problems: CaseProblem[] = [];
  const refuse = (field: string, message: string) => problems.push({ field, message });

  if (areaLevel === undefined) refuse("areaCode", `unknown commune "${input.areaCode}"`);
  else if (areaLevel !== "COMMUNE")
    refuse("areaCode", `area ${input.areaCode} is a ${areaLevel.toLowerCase()}: record a case at the commune where it was detected`);

  const detectedOn = dateProblem(input.detectedOn, "detectedOn", today, refuse);
  const services = input.services ?? [];
  const seen = new Set<string>();
  services.forEach((provided, index) => {
    const field = `services[${index}].providedOn`;
    const date = dateProblem(provided.providedOn, field, today, refuse);
    if (date && detectedOn && date < detectedOn) refuse(field, `service date ${date} is before the case was detected (${detectedOn})`);
    const key = `${provided.service}/${provided.providedOn}`;
    if (seen.has(key)) refuse(`services[${index}]`, `${provided.service} on ${provided.providedOn} is listed twice`);
    seen.add(key);
  });

  const perpetratorSex = input.perpetratorSex ?? null;
  if (perpetratorSex === null && (input.perpetratorCounselled || input.perpetratorProsecuted)) {
    refuse("perpetratorSex", "a perpetrator counselled or prosecuted must be known: give the perpetrator's sex");
  }
  const note = input.note?.trim() || null;

  if (problems.length > 0) {
    throw new BadUserInputError(`The case was not recorded: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`, { problems });
  }
  return {
    areaCode: input.areaCode,
    detectedOn: detectedOn!,
    form: input.form,
    setting: input.setting,
    victimSex: input.victimSex,
    victimAgeGroup: input.victimAgeGroup,
    victimEthnicMinority: input.victimEthnicMinority,
    perpetratorSex,
    perpetratorProsecuted: input.perpetratorProsecuted ?? false,
    perpetratorCounselled: input.perpetratorCounselled ?? false,
    referredToPolice: input.referredToPolice ?? false,
    status: input.status ?? "OPEN",
    services: services.map((s) => ({ service: s.service, providedOn: s.providedOn })),
    note,
  };
}

/** `value` is a real day (the boundary checked it): the case may not be dated in the future or before 1900. */
function dateProblem(date: string, field: string, today: string, refuse: (field: string, message: string) => void): string | null {
  if (date > today) {
    refuse(field, `${date} is in the future (today is ${today})`);
    return null;
  }
  if (date < EARLIEST_DATE) {
    refuse(field, `${date} is before ${EARLIEST_DATE}`);
    return null;
  }
  return date;
}
