// A small generated reform, so the tests across hierarchy versions run without the real unit lists:
// before it (2025-03) Hà Giang (02), Tuyên Quang (08) and Lào Cai (10), each with one district; after it
// (2025-07, from 1 July 2025) the new Tuyên Quang (08) holds the old 02 and 08 directly above its communes,
// and Lào Cai (10) is unchanged in extent. Old commune 00709 is split between new 00691 and 00712; new
// 02200 keeps the code of one of the old communes merged into it.
import { createDataValueService, importAreas, importHierarchyVersion, type MappingEdge, NATION_ROW, type ParsedReform, seedCatalogue } from "@vnge/indicators";
import { AreaDirectory, type AreaRow, AreaScope, type Database, NATION_CODE } from "@vnge/shared";
import { startTestSystem, type TestSystem } from "../testkit";

const row = (code: string, level: AreaRow["level"], name: string, parentCode: string, provinceCode: string | null, districtCode: string | null): AreaRow => ({
  code,
  level,
  name,
  nameEn: name,
  fullName: name,
  fullNameEn: name,
  parentCode,
  provinceCode,
  districtCode,
});

export const REFORM_VERSION = { code: "2025-07", name: "After the 2025 reform: province > commune", validFrom: "2025-07-01", previous: "2025-03" };

/** The old tree: province > district > commune. */
export const OLD_AREAS: AreaRow[] = [
  NATION_ROW,
  row("02", "PROVINCE", "Hà Giang", "VN", null, null),
  row("024", "DISTRICT", "Hà Giang City", "02", "02", null),
  row("00703", "COMMUNE", "Old commune 00703", "024", "02", "024"),
  row("00706", "COMMUNE", "Old commune 00706", "024", "02", "024"),
  row("00709", "COMMUNE", "Old commune 00709", "024", "02", "024"),
  row("08", "PROVINCE", "Tuyên Quang", "VN", null, null),
  row("070", "DISTRICT", "Tuyên Quang City", "08", "08", null),
  row("02200", "COMMUNE", "Old commune 02200", "070", "08", "070"),
  row("02203", "COMMUNE", "Old commune 02203", "070", "08", "070"),
  row("10", "PROVINCE", "Lào Cai", "VN", null, null),
  row("080", "DISTRICT", "Lào Cai City", "10", "10", null),
  row("02800", "COMMUNE", "Old commune 02800", "080", "10", "080"),
  row("02803", "COMMUNE", "Old commune 02803", "080", "10", "080"),
];

const edge = (fromCode: string, toCode: string, kind: MappingEdge["kind"] = "FULL"): MappingEdge => ({ fromCode, toCode, kind });

/** The new tree and the mapping from the old one. */
export const REFORM: ParsedReform = {
  areas: [
    NATION_ROW,
    row("08", "PROVINCE", "Tuyên Quang", "VN", null, null),
    row("00691", "COMMUNE", "New commune 00691", "08", "08", null),
    row("00712", "COMMUNE", "New commune 00712", "08", "08", null),
    row("02200", "COMMUNE", "New commune 02200", "08", "08", null),
    row("10", "PROVINCE", "Lào Cai", "VN", null, null),
    row("02800", "COMMUNE", "New commune 02800", "10", "10", null),
  ],
  provinceEdges: [edge("02", "08"), edge("08", "08"), edge("10", "10")],
  leafEdges: [
    edge("00703", "00691"),
    edge("00706", "00691"),
    edge("00709", "00691", "PARTIAL"),
    edge("00709", "00712", "PARTIAL"),
    edge("02200", "02200"),
    edge("02203", "02200"),
    edge("02800", "02800"),
    edge("02803", "02800"),
  ],
};

/** A test system without the demo data, holding both versions of this fixture and the catalogue. */
export async function startReformSystem(): Promise<TestSystem> {
  const system = await startTestSystem({ seedDemo: false });
  await importAreas(system.db, OLD_AREAS);
  await seedCatalogue(system.db);
  await importHierarchyVersion(system.db, REFORM_VERSION, REFORM);
  return system;
}

/** The old communes' live births of 2024 by sex, submitted as a national administrator; returns the conflicts. */
export async function submitLiveBirths(db: Database, births: (code: string, sex: "MALE" | "FEMALE") => number) {
  const values = OLD_AREAS.filter((area) => area.level === "COMMUNE").flatMap((area) =>
    (["MALE", "FEMALE"] as const).map((sex) => ({ dataElementCode: "LIVE_BIRTHS", areaCode: area.code, period: "2024", sex, value: births(area.code, sex) })),
  );
  const written = await createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE])).submit(values, { submittedBy: "test" });
  return written.conflicts;
}
