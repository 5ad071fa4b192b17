// Types for scripts/launch-electron.mjs, for the tests.
export const projectRoot: string;
export function launchElectron(binary: string, args?: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<number>;
export function runNpm(args: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<number>;
export function buildAndLaunch(binary: string, args?: string[]): Promise<number>;
export function startPreview(args?: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<number>;
