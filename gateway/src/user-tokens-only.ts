// Routes that write data accept only a user's own token. A partner's API key is exchanged at the
// gateway for a read-only identity and never forwarded, so such a request is answered here: an unknown
// or revoked key as any other (401), a valid one with 403 and the reason.
import { AppError, type RouteHandler, bearerToken, httpStatusOf, publicExtensions, sendJson } from "@vnge/shared";
import type { Credential } from "./authenticate";
import type { GatewayContext } from "./context";

export function userTokensOnly(
  handler: RouteHandler,
  authenticateCaller: (headers: GatewayContext["headers"]) => Promise<Credential>,
  reason: string,
): RouteHandler {
  return async (req, res, request, url) => {
    const apiKey = req.headers["x-api-key"];
    if (bearerToken(req.headers.authorization) || typeof apiKey !== "string" || apiKey === "") return handler(req, res, request, url);
    req.resume();
    try {
      await authenticateCaller(req.headers);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return sendJson(res, httpStatusOf(error), { errors: [{ message: error.message, extensions: publicExtensions(error) }] });
    }
    request.logger.info({ path: url.pathname }, "API key refused on a write route");
    sendJson(res, 403, { errors: [{ message: reason, extensions: { code: "FORBIDDEN" } }] });
  };
}
