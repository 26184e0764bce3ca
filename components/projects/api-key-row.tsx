"use client";

import { ActionForm, type FormAction } from "./action-form";

interface ApiKeyRowProps {
  title: string;
  /** The key's name inside button labels, e.g. "read-only key". */
  noun: string;
  description: string;
  /** The stored key's clear first characters, or null when there is no key. */
  prefix: string | null;
  createAction: FormAction;
  revokeAction: FormAction;
  /** For the read-only key: SITE_ROOT/projects/<uuid>/metrics/, completed with a new key. */
  metricsUrlBase?: string;
}

/** One API key: its state, create/regenerate (the clear key is shown once) and revoke. */
export function ApiKeyRow({ title, noun, description, prefix, createAction, revokeAction, metricsUrlBase }: ApiKeyRowProps) {
  return (
    <div className="space-y-2 py-3">
      <div>
        <h3 className="text-sm font-semibold">{title}</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
        <p className="mt-1 text-sm">
          {prefix ? (
            <>
              Current key starts with <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{prefix}</code>
            </>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">No key yet.</span>
          )}
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-x-2 gap-y-3">
        <ActionForm
          action={createAction}
          submitLabel={prefix ? `Regenerate ${noun}` : `Create ${noun}`}
          pendingLabel="Creating…"
          variant="secondary"
          confirm={prefix ? "The current key stops working." : undefined}
          secretLabel={`Your new ${noun} (copy it now: it is not shown again)`}
          className="min-w-0 max-w-full"
          renderSecretExtra={
            metricsUrlBase
              ? (key) => (
                  <p className="break-all text-sm">
                    Prometheus endpoint: <code className="font-mono">{metricsUrlBase + key}</code>
                  </p>
                )
              : undefined
          }
        />
        {prefix && (
          <ActionForm
            action={revokeAction}
            submitLabel={`Revoke ${noun}`}
            pendingLabel="Revoking…"
            variant="ghost"
            confirm="Clients using it will be refused."
          />
        )}
      </div>
    </div>
  );
}
