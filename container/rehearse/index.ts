/**
 * `npm run rehearse -- --target lambda|fargate [--no-build]`: builds the image (layer-cached), then
 * serves the product from it on PORT (default 3000) as the target runs it. Ctrl+C stops everything.
 */
import { parseArgs } from 'node:util';
import { buildImage } from './image';
import { startRehearsal } from './rehearsal';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'lambda' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const target = values.target;
  if (target !== 'lambda' && target !== 'fargate')
    throw new Error(`--target must be lambda or fargate, not "${target}"`);
  const port = Number(process.env.PORT ?? 3000);
  if (!values['no-build']) await buildImage();
  const rehearsal = await startRehearsal({
    target,
    port,
    adminUrl: process.env.DATABASE_URL,
    log: (line) => console.log(line),
  });
  console.log(`\nScaleMap rehearsal (${target}, from the built image): ${rehearsal.url}`);
  console.log('Sign-ups are confirmed at once (the Cognito stand-in sends no e-mail). Ctrl+C stops.\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    await rehearsal.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`rehearse: ${err.message}`);
  process.exit(1);
});
