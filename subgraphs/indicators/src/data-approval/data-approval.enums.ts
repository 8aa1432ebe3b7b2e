import { registerEnumType } from "type-graphql";

/** Mirrors the database enum "ApprovalState". */
export enum ApprovalState {
  OPEN = "OPEN",
  SUBMITTED = "SUBMITTED",
  APPROVED = "APPROVED",
  ACCEPTED = "ACCEPTED",
}

/** Mirrors the database enum "ApprovalAction". */
export enum ApprovalAction {
  SUBMIT = "SUBMIT",
  APPROVE = "APPROVE",
  ACCEPT = "ACCEPT",
  RETURN = "RETURN",
}

registerEnumType(ApprovalState, {
  name: "ApprovalState",
  description: "OPEN (being entered), SUBMITTED by the reporting area, APPROVED at a district or province, ACCEPTED by the nation.",
});

registerEnumType(ApprovalAction, { name: "ApprovalAction", description: "A step of the approval workflow; RETURN reopens for correction, with a reason." });

/** States that lock the values beneath the area that holds them. */
export const LOCKING_STATES: readonly ApprovalState[] = [ApprovalState.APPROVED, ApprovalState.ACCEPTED];
