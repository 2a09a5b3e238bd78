import { spawn } from 'node:child_process';

/**
 * Runs a probe script on Node 24 and returns what it wrote to file descriptor 3 (its result), so
 * nothing the code under test prints on stdout or stderr can garble it.
 */
export function runProbe(
  node: string,
  args: string[],
  options: { cwd?: string; env: Record<string, string> },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { ...options, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let result = '';
    let stderr = '';
    child.stdio[3]!.on('data', (d) => {
      result += d;
    });
    child.stderr!.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on('exit', (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}
