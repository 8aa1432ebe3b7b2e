// npm run token -- --role DATA_ENTRY --area 38 [--role ANALYST] [--area 62] [--agency 62-SKHDT] [--sub name] [--hours 8]
// Prints a bearer token signed with the configured HS256 secret (the embedded default's, unless
// AUTH_JWT_SECRET is set), so every role can be tried locally.
import { ROLES, type Role, isRole, loadAuthConfig, signToken } from "@vnge/shared";
import { flagValue, runCli } from "./run";

function allValues(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag && args[i + 1] !== undefined ? [args[i + 1]] : []));
}

runCli(async (args) => {
  const roles = allValues(args, "--role").map((role) => role.toUpperCase());
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(
      `usage: npm run token -- --role <${ROLES.join("|")}> [--area <code>]... [--agency <code>] [--sub <name>] [--hours <n>]${unknown.length ? `\nunknown role: ${unknown.join(", ")}` : ""}`,
    );
  }
  const hours = Number(flagValue(args, "--hours") ?? "8");
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error("--hours must be between 0 and 720");
  const config = loadAuthConfig();
  if (!config.secret) throw new Error("Tokens are issued by your identity provider here (RS256): no local secret to sign with");
  const token = await signToken(
    {
      subject: flagValue(args, "--sub") ?? `dev-${roles.join("-").toLowerCase()}`,
      roles: roles as Role[],
      areaCodes: allValues(args, "--area"),
      agencyCode: flagValue(args, "--agency"),
    },
    { secret: config.secret, issuer: config.issuer, audience: config.audience, expiresInSeconds: Math.round(hours * 3600) },
  );
  process.stdout.write(`${token}\n`);
});
