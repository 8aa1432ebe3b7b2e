// Data access for trusted documents (the gateway's own `access` schema): every gateway copy reads the same list.
import type { Database } from "@vnge/shared";

export interface TrustedDocumentRow {
  hash: string;
  normalizedHash: string;
  document: string;
  clientName: string;
}

export class TrustedDocumentStore {
  constructor(private readonly db: Database) {}

  /** Adds the documents not registered yet (by hash) and returns how many were new, in one transaction. */
  async register(rows: TrustedDocumentRow[]): Promise<number> {
    const { count } = await this.db.prisma.trustedDocument.createMany({ data: rows, skipDuplicates: true });
    return count;
  }

  async document(hash: string): Promise<string | undefined> {
    const row = await this.db.prisma.trustedDocument.findUnique({ where: { hash }, select: { document: true } });
    return row?.document;
  }

  async hasNormalized(normalizedHash: string): Promise<boolean> {
    return (await this.db.prisma.trustedDocument.count({ where: { normalizedHash } })) > 0;
  }

  async list(): Promise<{ clientName: string; count: number }[]> {
    const groups = await this.db.prisma.trustedDocument.groupBy({ by: ["clientName"], _count: { _all: true }, orderBy: { clientName: "asc" } });
    return groups.map((group) => ({ clientName: group.clientName, count: group._count._all }));
  }
}
