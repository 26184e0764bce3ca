// The management API as the config-as-code commands use it: v3 paths, the X-Api-Key header,
// and errors a person at a terminal (or a CI log) can act on.
import { ConfigError } from "./model";

export interface ApiClientOptions {
  /** The Vigil site, e.g. https://vigil.example.org (a trailing /api/v3 is tolerated). */
  url: string;
  apiKey: string;
}

type Json = Record<string, unknown>;

export class ApiClient {
  readonly base: string;
  readonly #apiKey: string;

  constructor({ url, apiKey }: ApiClientOptions) {
    if (!url) throw new ConfigError("no server: pass --url or set VIGIL_URL (e.g. https://vigil.example.org)");
    if (!apiKey) throw new ConfigError("no API key: pass --api-key or set VIGIL_API_KEY (the project's read-write key, from its settings page)");
    this.base = url.replace(/\/+$/, "").replace(/\/api\/v\d$/, "");
    this.#apiKey = apiKey;
  }

  get<T = Json>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  post<T = Json>(path: string, body: unknown): Promise<T> {
    return this.request<T>("POST", path, body);
  }

  delete<T = Json>(path: string): Promise<T> {
    return this.request<T>("DELETE", path);
  }

  /** One call to /api/v3/<path>; the parsed JSON answer. Throws ConfigError saying what went wrong. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.base}/api/v3/${path}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: { "X-Api-Key": this.#apiKey, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
      throw new ConfigError(`cannot reach ${this.base}: ${cause}`);
    }
    const text = await res.text();
    if (res.ok) return (text ? JSON.parse(text) : {}) as T;
    let detail = text.trim();
    try {
      const parsed = JSON.parse(text) as { error?: unknown };
      if (typeof parsed.error === "string") detail = parsed.error;
    } catch {
      // Plain-text answers (409) are the detail as they are.
    }
    const what = `${method} /api/v3/${path}`;
    switch (res.status) {
      case 401:
        throw new ConfigError(
          `the server refused the API key (401${detail ? `: ${detail}` : ""}) for ${what}. plan, apply and export need the project's read-write API key; a read-only key cannot list channels or write.`,
          { status: 401 },
        );
      case 403:
        throw new ConfigError(`forbidden (403) for ${what}: the object belongs to another project than the API key's`, { status: 403 });
      case 404:
        throw new ConfigError(`not found (404) for ${what}${detail ? `: ${detail}` : ""}. Is ${this.base} a Vigil server with API v3?`, { status: 404 });
      default:
        throw new ConfigError(`${what} failed with ${res.status}${detail ? `: ${detail}` : ""}`, { status: res.status });
    }
  }
}
