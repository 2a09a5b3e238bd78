import { loadConfig } from '../../functions/api/config';
import { busyPortMessage } from '../starting';
import { ensureClientBuilt } from './client-build';
import { startLocal } from './start';

/** `npm start`: the client built if stale, the app on PORT (default 3000), stopped by Ctrl+C. */
export function main(): void {
  startLocal({ port: loadConfig('local').port, staticDir: ensureClientBuilt() }).then(
    (local) => {
      console.log(`\nScaleMap is running at ${local.url}  (data in .data/, Ctrl+C to stop)\n`);
      const stop = () => local.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err) => {
      const busy = busyPortMessage(err);
      if (busy) console.error(busy);
      else console.error('ScaleMap failed to start:', err);
      process.exit(1);
    },
  );
}
