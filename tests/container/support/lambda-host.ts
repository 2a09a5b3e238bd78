/**
 * A minimal stand-in for the Lambda runtime, run by Node 24 directly (type stripping) in a fresh
 * process: loads `<file>` and calls its `<export>` for each event the parent sends over IPC, one at
 * a time, in one warm process, as Lambda does. A failing import exits 1, like a failed init.
 *
 *   node lambda-host.ts /var/task/lambda.js handler
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Invoke {
  id: number;
  event: unknown;
}
type LambdaHandler = (event: unknown, context: Record<string, unknown>) => Promise<unknown>;

const [file, exportName = 'handler'] = process.argv.slice(2);
const started = performance.now();
let handler: LambdaHandler | undefined;
try {
  // import(), as the runtime interface client loads an ES module handler (lambda.js awaits at its top level).
  const mod = (await import(pathToFileURL(path.resolve(file!)).href)) as Record<string, LambdaHandler>;
  handler = mod[exportName];
} catch (err) {
  // As the runtime interface client reports a failed init: the error's type and message.
  const { name, message } = err as Error;
  console.error(`Runtime.InitError: ${name}: ${message}`);
  process.exit(1);
}
if (typeof handler !== 'function') {
  console.error(`${file} does not export a function "${exportName}"`);
  process.exit(1);
}
process.send?.({ ready: true, initMs: performance.now() - started });

let queue = Promise.resolve();
process.on('message', (message: Invoke) => {
  queue = queue.then(async () => {
    const deadline = Date.now() + 30_000;
    const context = {
      awsRequestId: randomUUID(),
      functionName: 'scalemap-test',
      getRemainingTimeInMillis: () => deadline - Date.now(),
    };
    try {
      process.send?.({ id: message.id, result: await handler!(message.event, context) });
    } catch (err) {
      process.send?.({ id: message.id, error: String((err as Error)?.stack ?? err) });
    }
  });
});
process.on('disconnect', () => process.exit(0));
