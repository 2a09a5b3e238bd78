import { type Rehearsal, startRehearsal } from '../../../container/rehearse/rehearsal';
import type { Target } from '../../../container/rehearse/template';

/** Starts a rehearsal of a target from the assembly the global setup synthesized; its output is kept, not printed. */
export async function rehearse(target: Target): Promise<{ rehearsal: Rehearsal; output: string[] }> {
  const assemblyDir = process.env[`SCALEMAP_ASSEMBLY_${target.toUpperCase()}`];
  if (!assemblyDir)
    throw new Error('run through the image project: its global setup builds the image and synthesizes');
  const output: string[] = [];
  const rehearsal = await startRehearsal({ target, port: 0, assemblyDir, log: (line) => output.push(line) });
  return { rehearsal, output };
}

/** A trimmed API Gateway v2 event for one GET, for direct invocations. */
export function getEvent(path: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'rehearsal', 'user-agent': 'image-suite' },
    requestContext: {
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'image-suite' },
      requestId: `image-suite-${Date.now()}`,
      routeKey: '$default',
      stage: '$default',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}
