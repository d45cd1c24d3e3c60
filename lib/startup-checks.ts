import { checkStrongSecret } from "./secret-strength";

/**
 * Configuration the app refuses to start with: a weak AUTH_SECRET (or its next-auth alias
 * NEXTAUTH_SECRET) would let anyone mint sessions and access tokens; a weak
 * INITIAL_API_CLIENT_SECRET, API access. Unset is fine: the secret is then generated.
 */
export function configurationProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  for (const name of ["AUTH_SECRET", "NEXTAUTH_SECRET", "INITIAL_API_CLIENT_SECRET"] as const) {
    const value = env[name];
    if (!value) continue;
    const problem = checkStrongSecret(name, value);
    if (problem) problems.push(problem);
  }
  return problems;
}
