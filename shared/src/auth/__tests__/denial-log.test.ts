import { GraphQLError } from "graphql";
import { denialLogPlugin } from "../denial-log";
import { Role } from "../roles";

describe("denialLogPlugin", () => {
  it("logs each FORBIDDEN error with the subject, operation and reason, and nothing else", async () => {
    const warn = jest.fn();
    const contextValue = { identity: { subject: "alice", roles: new Set([Role.ANALYST]), areaCodes: ["38"], via: "token" as const }, logger: { warn } };
    const listener = await denialLogPlugin().requestDidStart!({ contextValue } as never);
    await listener!.didEncounterErrors!({
      contextValue,
      operationName: "Dashboard",
      errors: [
        new GraphQLError("You may not read values for area 62", { path: ["rollup"], extensions: { code: "FORBIDDEN" } }),
        new GraphQLError("bad period", { extensions: { code: "BAD_USER_INPUT" } }),
      ],
    } as never);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      { subject: "alice", operation: "Dashboard", path: "rollup", reason: "You may not read values for area 62" },
      "access denied",
    );
  });
});
