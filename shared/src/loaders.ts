// DataLoader factories for the two shapes every subgraph needs: one row per key, and rows grouped by key.
import DataLoader from "dataloader";

/** Loads at most one row per key (e.g. an entity by its id); missing keys load as null. */
export function rowByKeyLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => {
    const found = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** Loads every row belonging to each key (e.g. an area's children), keeping the fetch order. */
export function rowsByKeyLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Ids are UUIDs; anything else cannot match a row, and PostgreSQL would reject it in a uuid comparison. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
