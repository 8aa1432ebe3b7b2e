// The answer to a DHIS2 import in the shape of DHIS2's ImportSummary, so DHIS2 clients and scripts read
// it as they read their own server's: status, importCount and one conflict per refused value.

export const IMPORT_STRATEGIES = ["CREATE_AND_UPDATE", "CREATE", "UPDATE"] as const;
export type ImportStrategy = (typeof IMPORT_STRATEGIES)[number];

/** This system's reasons (DHIS2's own E-codes are not reproduced: the rules differ). */
export type Dhis2ErrorCode =
  | "UNKNOWN_DATA_ELEMENT"
  | "UNKNOWN_ORG_UNIT"
  | "UNKNOWN_CATEGORY_OPTION_COMBO"
  | "UNKNOWN_ATTRIBUTE_OPTION_COMBO"
  | "UNSUPPORTED_PERIOD"
  | "HIERARCHY_MISMATCH"
  | "INVALID_DATA_VALUE"
  | "INVALID_DATA_ELEMENT"
  | "INVALID_ORG_UNIT"
  | "INVALID_PERIOD"
  | "INVALID_SEX"
  | "INVALID_VALUE"
  | "INVALID_COMMENT"
  | "DUPLICATE"
  | "OUT_OF_SCOPE"
  | "LOCKED"
  | "CHANGED_DURING_IMPORT";

export interface Dhis2Conflict {
  /** The identifier at fault as the payload sent it (the orgUnit of an unknown orgUnit, the value of a bad value). */
  object: string;
  /** The value's identifiers as sent. */
  objects: { dataElement: string; orgUnit: string; period: string; categoryOptionCombo: string };
  /** The value's field at fault, null when it is the value as a whole (a duplicate, a locked value). */
  property: string | null;
  /** The reason, in words (DHIS2 puts the message here). */
  value: string;
  errorCode: Dhis2ErrorCode;
  /** Position of the value among the payload's values, from 0. */
  indexes: number[];
  /** CSV: the line of the value. */
  line?: number;
}

export interface Dhis2ImportSummary {
  responseType: "ImportSummary";
  /** SUCCESS: written (or, in a dry run, would be). ERROR: nothing written. WARNING is not used: nothing is ever written in part. */
  status: "SUCCESS" | "WARNING" | "ERROR";
  description: string;
  importOptions: { dryRun: boolean; importStrategy: ImportStrategy; atomicMode: "ALL" };
  /** ignored: values left as they are (equal to the stored ones, or skipped by the strategy, or all of them when refused). */
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  /** At most MAX_LISTED_CONFLICTS; `rejected` counts every refused value. */
  conflicts: Dhis2Conflict[];
  rejected: number;
}

export const MAX_LISTED_CONFLICTS = 1_000;
