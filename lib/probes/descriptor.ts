// The shape every probe type fills in once, in its own module (http.ts, tcp.ts, dns.ts, tls.ts),
// and that registry.ts lists: its config schema, the web form, a one-line summary and one
// attempt against the target. runProbe (run-probe.ts) repeats the attempt and judges the run, so
// a type only knows how to talk to its kind of server.
import type { z } from "zod";
import type { FormField } from "../integrations/descriptor";
import type { AttemptRecorder } from "./attempt";
import type { ProbeConfig, ProbeType } from "./types";

/** What one run gets from its caller. */
export interface ProbeContext {
  /** Aborts the run (shutdown); each attempt also has its own timeout. */
  signal?: AbortSignal;
  /** Stored on the result; default "local". */
  region?: string;
  /** Whether non-global addresses may be reached; default PROBE_ALLOW_PRIVATE. Cloud metadata never may. */
  allowPrivate?: boolean;
  /**
   * Certificate authorities to trust instead of the system's: Checkup's tls_ca_file and
   * trusted_roots in `vigil check`, and tests that make their own CA. The API and the web app
   * never set it.
   */
  ca?: string | Buffer | (string | Buffer)[];
  /** The clock the certificate's remaining days are counted from; default the real one. */
  now?: () => Date;
}

/** One attempt's view of the run: the context with its own deadline already applied to `signal`. */
export interface AttemptContext {
  signal: AbortSignal;
  allowPrivate: boolean;
  ca?: ProbeContext["ca"];
  /** Milliseconds the attempt may take, for clients with their own timeout (the DNS resolver). */
  timeoutMs: number;
}

/**
 * How the web app sets up a probe type: its own fields in display order (after
 * COMMON_PROBE_FIELDS of form.ts) and values of a new probe. probeFromForm / probeToForm in
 * form.ts convert between the submitted strings and the probe.
 */
export interface ProbeForm {
  fields: readonly FormField[];
  defaults: Readonly<Record<string, string>>;
}

export interface ProbeTypeDescriptor<Config extends ProbeConfig = ProbeConfig> {
  type: ProbeType;
  /** How the UI names it ("HTTP(S)"). */
  label: string;
  /** One sentence for the "what to watch" choice. */
  description: string;
  /** Validates the probe and fills in defaults; its output is what is stored and shown. */
  configSchema: z.ZodType<Config>;
  /** The fields specific to this type; the common ones (interval, timeout…) are the form's own. */
  form: ProbeForm;
  /** One line for lists: "GET https://example.org 200-299". */
  summarize(config: Config): string;
  /**
   * One attempt. Resolves when the target answered as expected; throws an Error whose message is
   * the attempt's error otherwise. Records timings, the address, status, certificate and evidence
   * on `rec` as they happen, so a failed attempt keeps what it measured.
   */
  attempt(config: Config, ctx: AttemptContext, rec: AttemptRecorder): Promise<void>;
}

/**
 * A descriptor whose Config the caller does not know (the registry's list, runProbe). `any` is
 * the existential here: runProbe hands each type only configs of that type.
 */
export type AnyProbeTypeDescriptor = ProbeTypeDescriptor<any>;
