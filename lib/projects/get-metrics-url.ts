import { getEnv } from "../env";

/**
 * The project's Prometheus endpoint, SITE_ROOT/projects/<uuid>/metrics/<read-only key> (§8.2).
 * Keys are stored hashed, so without the clear key the URL carries a placeholder.
 */
export function getMetricsUrl(projectCode: string, readOnlyKey?: string): string {
  return `${getEnv().siteRoot}/projects/${projectCode}/metrics/${readOnlyKey ?? "<read-only API key>"}`;
}
