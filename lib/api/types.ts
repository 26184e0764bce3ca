import type { ApiVersion } from "../checks/to-dict";

export type { ApiVersion };

export interface ApiContext {
  /** From the /api/v{N}/ prefix; changes status reporting, auto-slugs and URLs in responses. */
  version: ApiVersion;
  /** Path parameters captured by the router (code, uniqueKey, n). */
  params: Record<string, string>;
}

export type ApiHandler = (req: Request, ctx: ApiContext) => Promise<Response>;
