export interface UsageExample {
  id: string;
  label: string;
  code: string;
  note?: string;
}

/** The usage examples for a check's ping URL and email address (pure, for server and client). */
export function getUsageExamples(url: string, email: string): UsageExample[] {
  return [
    {
      id: "crontab",
      label: "Crontab",
      code: `# m h dom mon dow command\n8 6 * * * /usr/local/bin/backup.sh && curl -fsS -m 10 --retry 5 -o /dev/null ${url}`,
      note: "The ping is sent only when the job succeeds; -m 10 and --retry 5 keep a slow network from hanging cron.",
    },
    {
      id: "bash",
      label: "Bash",
      code: [
        "#!/bin/bash",
        `URL="${url}"`,
        "",
        "# Signal the start, so the run time is measured",
        'curl -fsS -m 10 --retry 5 -o /dev/null "$URL/start"',
        "",
        "/usr/local/bin/backup.sh",
        "",
        "# Report the exit status: 0 is success, anything else a failure",
        'curl -fsS -m 10 --retry 5 -o /dev/null "$URL/$?"',
        "",
        "# Or signal a failure explicitly:",
        '# /usr/local/bin/backup.sh || curl -fsS -m 10 --retry 5 -o /dev/null "$URL/fail"',
      ].join("\n"),
    },
    {
      id: "python",
      label: "Python",
      code: ["import urllib.request", "", `urllib.request.urlopen("${url}", timeout=10)`].join("\n"),
    },
    {
      id: "node",
      label: "Node.js",
      code: `await fetch("${url}", { signal: AbortSignal.timeout(10_000) });`,
    },
    {
      id: "powershell",
      label: "PowerShell",
      code: `Invoke-RestMethod ${url}`,
      note: "In a scheduled task: powershell.exe -Command \"& {Invoke-RestMethod ...}\"",
    },
    {
      id: "email",
      label: "Email",
      code: email,
      note: "Any email sent to this address counts as a ping. Subject and body filters can classify it as a success, start or failure.",
    },
  ];
}

