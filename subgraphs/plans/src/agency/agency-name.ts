// How documents write agencies: one cell of a plan's appendix names the lead and, after a semicolon, the agencies that
// support it ("Sở Văn hóa – Thể thao và Du lịch; Sở Thông tin và Truyền thông"); names are matched whatever their
// case, spacing or dash ("–" and "-" both appear in one appendix).
import type { AgencyKind } from "./agency.enums";

/** The form names are compared in. */
export function agencyNameKey(name: string): string {
  return name
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s*-\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The lead agency and the supporting ones named in one cell. */
export function splitResponsibility(cell: string): { lead: string; supporting: string[] } | null {
  const names = cell
    .split(/[;\n]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) return null;
  return { lead: names[0], supporting: [...new Set(names.slice(1))].filter((name) => agencyNameKey(name) !== agencyNameKey(names[0])) };
}

const KINDS: [RegExp, AgencyKind][] = [
  [/^(cục|chi cục) thống kê/, "STATISTICS_OFFICE"],
  [/^(sở|phòng) /, "DEPARTMENT"],
  [/^ban /, "BOARD"],
  [/^(hội|liên đoàn|đoàn|tỉnh đoàn|huyện đoàn|ủy ban mặt trận|ủy ban mttq)/, "MASS_ORGANISATION"],
  [/^(ủy ban nhân dân|ubnd)/, "PEOPLES_COMMITTEE"],
];

/** The kind a name says, for agencies defined from a document (OTHER when it says none). */
export function kindFromName(nameVi: string): AgencyKind {
  const key = agencyNameKey(nameVi);
  return KINDS.find(([pattern]) => pattern.test(key))?.[1] ?? "OTHER";
}

/** A code for an agency defined from a document: the area's code and the initials of its name, e.g. "62-SYT". */
export function agencyCodeFor(areaCode: string, nameVi: string, taken: ReadonlySet<string>): string {
  const initials = nameVi
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "D")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0].toUpperCase())
    .join("")
    .slice(0, 12);
  const base = `${areaCode}-${initials || "AGENCY"}`;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}${n}`;
  return code;
}
