// Pages of long lists: `first` items after the cursor `after`, the key of the last item of the previous
// page (lists are ordered by that key). A list asked without `first` answers whole, as it did before pages.
import { BadUserInputError } from "./errors";

/** The largest page; the gateway's cost limit reads `first` as the list's length (decision 0073). */
export const MAX_PAGE_SIZE = 1_000;

export interface Page {
  first?: number | null;
  after?: string | null;
}

export const PAGE_FIRST_DESCRIPTION = `At most this many items (1-${MAX_PAGE_SIZE.toLocaleString("en")}); all of them when omitted.`;
export const PAGE_AFTER_DESCRIPTION = "Items after this cursor: the code of the last item of the previous page.";

export function checkPage(page: Page): void {
  const { first } = page;
  if (first !== undefined && first !== null && (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, { field: "first" });
  }
}

/** The page of a list already ordered by `keyOf`. */
export function pageOf<T>(items: readonly T[], page: Page, keyOf: (item: T) => string): T[] {
  checkPage(page);
  const after = page.after;
  const rest = after ? items.filter((item) => keyOf(item) > after) : items;
  return page.first ? rest.slice(0, page.first) : [...rest];
}

/**
 * The page of a list in any fixed order whose cursor is the id of the previous page's last item. An id not in
 * the list is refused: the item has left it (deleted, or moved out by a correction), and guessing would skip items.
 */
export function pageAfterId<T>(items: readonly T[], page: Page, idOf: (item: T) => string): T[] {
  checkPage(page);
  let start = 0;
  if (page.after) {
    const index = items.findIndex((item) => idOf(item) === page.after);
    if (index === -1) throw new BadUserInputError(`after "${page.after}" is not in this list; start again without it`, { field: "after" });
    start = index + 1;
  }
  return items.slice(start, page.first ? start + page.first : undefined);
}
