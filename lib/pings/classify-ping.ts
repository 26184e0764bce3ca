import type { PingAction } from "./types";

export interface KeywordFilter {
  startKw: string;
  successKw: string;
  failureKw: string;
  filterDefaultFail: boolean;
}

function matches(text: string, keywords: string): boolean {
  for (const raw of keywords.split(",")) {
    const kw = raw.trim();
    if (kw && text.includes(kw)) return true;
  }
  return false;
}

/**
 * Keyword classification shared by HTTP bodies and emails, in Healthchecks' order: failure
 * keywords win over success, success over start; nothing matched → fail or ignored per
 * filter_default_fail. Matching is a case-sensitive substring test per comma-separated keyword.
 */
export function classifyPing(text: string, filter: KeywordFilter): PingAction {
  if (matches(text, filter.failureKw)) return "fail";
  if (matches(text, filter.successKw)) return "success";
  if (matches(text, filter.startKw)) return "start";
  return filter.filterDefaultFail ? "fail" : "ign";
}
