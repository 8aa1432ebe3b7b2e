// A national-sized list of administrative units made up by the tests, in the JSON shape of the GSO list
// (provinces with `District`, districts with `Ward`), and a reform of it in the shapes of the published
// reform files. With it the area import and the crosswalk are tested at the country's size in a checkout
// that lacks the real lists. Sizes vary with the seed; codes have the official lengths.
import { withoutDiacritics } from "../area-import/reform";

interface UnitRecord {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  FullNameEn: string;
  CodeName: string;
}
export interface CommuneRecord extends UnitRecord {
  DistrictCode: string;
}
export interface DistrictRecord extends UnitRecord {
  ProvinceCode: string;
  /** null for the island districts, which have no communes (as in the GSO list). */
  Ward: CommuneRecord[] | null;
}
export interface ProvinceRecord extends UnitRecord {
  District: DistrictRecord[];
}

export interface MergeRecord {
  old_id: string;
  name: string;
  type: "full" | "partial";
}
export interface NewCommuneRecord {
  level2_id: string;
  name: string;
  merges: MergeRecord[];
}
export interface NewProvinceRecord {
  level1_id: string;
  name: string;
  merges: MergeRecord[];
  level2s: NewCommuneRecord[];
}
interface SplitRecord {
  new_id: string;
  name: string;
}
interface OldUnitSplits {
  name: string;
  splits: SplitRecord[];
}
export interface OldProvinceSplits {
  level1_id: string;
  name: string;
  splits: SplitRecord[];
  /** Old districts without communes, which the reform maps like communes. */
  level2s: (OldUnitSplits & { level2_id: string })[];
  level3s: (OldUnitSplits & { level3_id: string })[];
}

export interface GeneratedReform {
  provincesCsv: string;
  merges: { data: NewProvinceRecord[] };
  splits: { data: OldProvinceSplits[] };
}

/** Deterministic numbers in [0, 1) (xorshift32). */
function sequence(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const SYLLABLES = ["An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Đông", "Lộc", "Sơn", "Hải", "Long", "Mỹ", "Quảng", "Thủy", "Trà", "Vĩnh"];
const pad = (n: number, digits: number) => String(n).padStart(digits, "0");

function names(random: () => number, prefix: string, english: string): Omit<UnitRecord, "Code"> {
  const pick = () => SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  const name = `${pick()} ${pick()}`;
  const nameEn = withoutDiacritics(name);
  return { Name: name, NameEn: nameEn, FullName: `${prefix} ${name}`, FullNameEn: `${nameEn} ${english}`, CodeName: nameEn.toLowerCase().replace(/ /g, "_") };
}

export interface UnitListOptions {
  seed?: number;
  provinces?: number;
  /** Districts without communes, spread over the list. */
  islandDistricts?: number;
}

/** 63 provinces, about 700 districts and 10,600 communes by default. */
export function generateUnitList(options: UnitListOptions = {}): ProvinceRecord[] {
  const random = sequence(options.seed ?? 2025);
  const provinceCount = options.provinces ?? 63;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  let district = 0;
  let commune = 0;
  const provinces: ProvinceRecord[] = [];
  for (let p = 0; p < provinceCount; p++) {
    // Province codes with gaps, as in the official list (01, 02, 04, ...).
    const code = pad(1 + Math.floor((p * 3) / 2), 2);
    const districts: DistrictRecord[] = [];
    for (let d = between(6, 16); d > 0; d--) {
      const districtCode = pad(++district, 3);
      const wards: CommuneRecord[] = [];
      for (let c = between(5, 26); c > 0; c--) {
        commune += between(1, 3);
        wards.push({ Code: pad(commune, 5), ...names(random, random() < 0.3 ? "Phường" : "Xã", "Commune"), DistrictCode: districtCode });
      }
      districts.push({ Code: districtCode, ...names(random, "Huyện", "District"), ProvinceCode: code, Ward: wards });
    }
    provinces.push({ Code: code, ...names(random, p < 5 ? "Thành phố" : "Tỉnh", p < 5 ? "City" : "Province"), District: districts });
  }
  // Island districts: the last district of evenly spaced provinces, emptied of its communes.
  const islands = options.islandDistricts ?? 5;
  for (let i = 0; i < islands; i++) {
    const province = provinces[Math.floor(((i + 0.5) * provinces.length) / islands)];
    province.District[province.District.length - 1].Ward = null;
  }
  return provinces;
}

export interface ReformOptions {
  seed?: number;
  /** Codes the mapping names that the list does not hold (units gone before it), as the published files do. */
  unknownCodes?: string[];
}

interface Leaf {
  code: string;
  name: string;
  oldProvince: string;
  /** True for a district without communes. */
  district: boolean;
}

/**
 * Merges the provinces in groups of 3, 2 and 1 (34 from 63), abolishes the districts and merges each new
 * province's communes in runs of 1 to 5; some communes are split between neighbouring new communes,
 * a few across a new province's border. New units reuse an old code, as the reform did.
 */
export function generateReform(units: readonly ProvinceRecord[], options: ReformOptions = {}): GeneratedReform {
  const random = sequence(options.seed ?? 7);
  // Group sizes in a seeded order: 5 x 3 + 19 x 2 + 10 x 1 = 63 old provinces in 34 new ones.
  const sizes = [3, 3, 3, 3, 3, ...Array<number>(19).fill(2), ...Array<number>(10).fill(1)].sort(() => random() - 0.5);
  const groups: ProvinceRecord[][] = [];
  for (let at = 0, g = 0; at < units.length; g++) {
    const size = sizes[g % sizes.length] ?? 1;
    groups.push(units.slice(at, at + size));
    at += size;
  }

  const merges: NewProvinceRecord[] = [];
  const splits = new Map<string, OldProvinceSplits>(units.map((p) => [p.Code, { level1_id: p.Code, name: p.FullName, splits: [], level2s: [], level3s: [] }]));
  const leafSplits = new Map<string, OldUnitSplits & { leaf: Leaf }>();
  const addEdge = (leaf: Leaf, target: NewCommuneRecord, type: "full" | "partial") => {
    target.merges.push({ old_id: leaf.code, name: leaf.name, type });
    const entry = leafSplits.get(leaf.code) ?? { name: leaf.name, splits: [], leaf };
    entry.splits.push({ new_id: target.level2_id, name: target.name });
    leafSplits.set(leaf.code, entry);
  };

  let previousLast: { leaf: Leaf; commune: NewCommuneRecord } | undefined;
  groups.forEach((group, g) => {
    const province: NewProvinceRecord = {
      level1_id: group[0].Code,
      name: group[0].FullName.startsWith("Thành phố") ? group[0].FullName : `Tỉnh ${group[0].Name}`,
      merges: group.map((old) => ({ old_id: old.Code, name: old.FullName, type: "full" as const })),
      level2s: [],
    };
    for (const old of group) splits.get(old.Code)!.splits.push({ new_id: province.level1_id, name: province.name });
    const leaves: Leaf[] = group.flatMap((old) =>
      old.District.flatMap((d): Leaf[] =>
        d.Ward === null
          ? [{ code: d.Code, name: d.FullName, oldProvince: old.Code, district: true }]
          : d.Ward.map((w) => ({ code: w.Code, name: w.FullName, oldProvince: old.Code, district: false })),
      ),
    );
    /** The new communes made of old communes (not the special zones), in order. */
    const runs: NewCommuneRecord[] = [];
    let pendingSplit: Leaf | undefined;
    for (let at = 0; at < leaves.length; ) {
      const first = leaves[at];
      if (first.district) {
        // An island district becomes a special zone on its own, under a new 5-digit code.
        const zone: NewCommuneRecord = { level2_id: pad(90_000 + Number(first.code), 5), name: `Đặc khu ${first.name.replace(/^Huyện /, "")}`, merges: [] };
        addEdge(first, zone, "full");
        province.level2s.push(zone);
        at++;
        continue;
      }
      // A run of 1 to 5 communes, ending before an island district.
      const run = [first];
      for (let size = 1 + Math.floor(random() * 5); run.length < size && at + run.length < leaves.length && !leaves[at + run.length].district; )
        run.push(leaves[at + run.length]);
      const commune: NewCommuneRecord = { level2_id: first.code, name: `${random() < 0.3 ? "Phường" : "Xã"} ${first.name.replace(/^\S+ /, "")}`, merges: [] };
      if (pendingSplit) addEdge(pendingSplit, commune, "partial");
      pendingSplit = undefined;
      const last = run[run.length - 1];
      for (const leaf of run) {
        // The run's last commune is sometimes split with the next new commune.
        const split = leaf === last && at + run.length < leaves.length && !leaves[at + run.length].district && random() < 0.15;
        addEdge(leaf, commune, split ? "partial" : "full");
        if (split) pendingSplit = leaf;
      }
      province.level2s.push(commune);
      runs.push(commune);
      at += run.length;
    }
    // Every fourth new province takes part of the last commune of the one before it.
    const firstCommune = runs[0];
    if (previousLast && g % 4 === 0 && firstCommune) {
      const { leaf, commune } = previousLast;
      const merge = commune.merges.find((m) => m.old_id === leaf.code)!;
      if (merge.type === "full") {
        merge.type = "partial";
        addEdge(leaf, firstCommune, "partial");
      }
    }
    const lastCommune = runs.at(-1);
    const lastLeaf = lastCommune?.merges.at(-1);
    previousLast = lastCommune && lastLeaf ? { leaf: leaves.find((l) => l.code === lastLeaf.old_id)!, commune: lastCommune } : undefined;
    merges.push(province);
  });

  // Codes the list does not hold: whole in one new commune each.
  (options.unknownCodes ?? ["99991", "99994"]).forEach((code, i) => {
    const province = merges[(i * 7) % merges.length];
    const leaf: Leaf = { code, name: `Xã ${code}`, oldProvince: province.merges[0].old_id, district: false };
    addEdge(leaf, province.level2s[0], "full");
  });

  for (const { leaf, name, splits: to } of leafSplits.values()) {
    const old = splits.get(leaf.oldProvince)!;
    if (leaf.district) old.level2s.push({ level2_id: leaf.code, name, splits: to });
    else old.level3s.push({ level3_id: leaf.code, name, splits: to });
  }
  const provincesCsv = `${["Stt,Mã số,Tên", ...merges.map((p, i) => `${i + 1},${p.level1_id},${p.name}`)].join("\n")}\n`;
  return { provincesCsv, merges: { data: merges }, splits: { data: [...splits.values()] } };
}
