// GET|POST /dev/token (decision 0115): the web application's sign-in on the embedded default issues a token for a
// role and area, as `npm run token` does. It exists only outside production and only when the gateway has the
// local HS256 secret; nowhere else is it routed, so a production gateway answers it 404 like any unknown path.
import { BadUserInputError, ROLES, type Role, type RouteHandler, isRole, readBody, sendJson, signToken } from "@vnge/shared";

export const DEV_TOKEN_PATH = "/dev/token";

export interface TokenSigning {
  secret: Uint8Array;
  issuer: string;
  audience: string;
}

/** Eight hours, as `npm run token` gives by default. */
const EXPIRES_IN_SECONDS = 8 * 3600;
const AREA_CODE = /^(VN|\d{2,5})$/;

interface TokenRequest {
  roles: Role[];
  areaCodes: string[];
  agencyCode?: string;
  subject: string;
}

function tokenRequest(body: unknown): TokenRequest {
  if (typeof body !== "object" || body === null) throw new BadUserInputError("send a JSON object: { roles, areaCodes }");
  const { roles, areaCodes, agencyCode, subject } = body as Record<string, unknown>;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole))
    throw new BadUserInputError(`roles must be a non-empty list of ${ROLES.join(", ")}`, { field: "roles" });
  if (!Array.isArray(areaCodes) || areaCodes.length === 0 || !areaCodes.every((code) => typeof code === "string" && AREA_CODE.test(code)))
    throw new BadUserInputError('areaCodes must be GSO codes such as "VN", "38" or "14845"', { field: "areaCodes" });
  if (agencyCode !== undefined && (typeof agencyCode !== "string" || agencyCode === ""))
    throw new BadUserInputError("agencyCode must be an agency code", { field: "agencyCode" });
  if (subject !== undefined && (typeof subject !== "string" || !/^[\w.@-]{1,64}$/.test(subject)))
    throw new BadUserInputError("subject must be 1-64 letters, digits, '.', '@', '_' or '-'", { field: "subject" });
  return { roles, areaCodes: areaCodes as string[], agencyCode, subject: subject ?? `dev-${roles.join("-").toLowerCase()}` };
}

export function devTokenRoute(signing: TokenSigning): RouteHandler {
  return async (req, res) => {
    // GET tells the sign-in page that development tokens are offered here, and for which roles.
    if (req.method === "GET") return sendJson(res, 200, { roles: ROLES, expiresInSeconds: EXPIRES_IN_SECONDS });
    if (req.method !== "POST") return sendJson(res, 405, { errors: [{ message: "GET or POST /dev/token", extensions: { code: "METHOD_NOT_ALLOWED" } }] });
    let request: TokenRequest;
    try {
      const text = await readBody(req, 16 * 1024);
      request = tokenRequest(text === "" ? null : JSON.parse(text));
    } catch (error) {
      const message = error instanceof SyntaxError ? "request body is not valid JSON" : (error as Error).message;
      return sendJson(res, 400, { errors: [{ message, extensions: { code: "BAD_USER_INPUT" } }] });
    }
    const token = await signToken(request, { ...signing, expiresInSeconds: EXPIRES_IN_SECONDS });
    sendJson(res, 200, { token, expiresInSeconds: EXPIRES_IN_SECONDS });
  };
}
