export function runPrisma(
  args: string[],
  options: { kind: "sqlite" | "postgres"; env?: NodeJS.ProcessEnv },
): { status: number; output: string };
export function databaseKind(env?: NodeJS.ProcessEnv): "sqlite" | "postgres";
