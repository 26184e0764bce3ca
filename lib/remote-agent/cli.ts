// STUB on this branch: `vigil agent --server URL --token T --region R` (running a remote probe
// agent) is built by another engineer in lib/remote-agent/; their branch replaces this file.
// scripts/vigil.ts hands it every `vigil agent ...` that is not add, list or revoke.

/** Runs the agent process; resolves with the exit code. */
export async function runAgentCommand(argv: string[]): Promise<number> {
  void argv;
  process.stderr.write("vigil agent: running an agent is not built yet\n");
  return 1;
}
