// Data access for API keys and their rate-limit windows (the gateway's own `access` schema).
import type { Database } from "@vnge/shared";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  areaCodes: string[];
  rateLimitPerMinute: number;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  trustedDocumentsOnly: boolean;
}

const columns = {
  id: true,
  name: true,
  prefix: true,
  areaCodes: true,
  rateLimitPerMinute: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
  trustedDocumentsOnly: true,
} as const;

export class ApiKeyStore {
  constructor(private readonly db: Database) {}

  create(
    row: Omit<ApiKeyRow, "id" | "revokedAt" | "createdAt" | "trustedDocumentsOnly"> & { hash: string; trustedDocumentsOnly?: boolean },
  ): Promise<ApiKeyRow> {
    return this.db.prisma.apiKey.create({ data: row, select: columns });
  }

  findByHash(hash: string): Promise<ApiKeyRow | null> {
    return this.db.prisma.apiKey.findUnique({ where: { hash }, select: columns });
  }

  list(): Promise<ApiKeyRow[]> {
    return this.db.prisma.apiKey.findMany({ select: columns, orderBy: { createdAt: "asc" } });
  }

  async revoke(prefix: string, at: Date): Promise<boolean> {
    const { count } = await this.db.prisma.apiKey.updateMany({ where: { prefix, revokedAt: null }, data: { revokedAt: at } });
    return count === 1;
  }

  /** Counts one request in the key's current window and returns the window's count (one statement). */
  async countRequest(apiKeyId: string, windowStart: Date): Promise<number> {
    const rows = await this.db.query<{ count: number }>(
      `INSERT INTO access.rate_limit_window (api_key_id, window_start, count) VALUES ($1::uuid, $2, 1)
       ON CONFLICT (api_key_id, window_start) DO UPDATE SET count = rate_limit_window.count + 1
       RETURNING count`,
      [apiKeyId, windowStart],
    );
    return Number(rows[0].count);
  }

  async forgetWindowsBefore(apiKeyId: string, before: Date): Promise<void> {
    await this.db.prisma.rateLimitWindow.deleteMany({ where: { apiKeyId, windowStart: { lt: before } } });
  }
}
