/**
 * `npm start`: the product on embedded stand-ins (container/local/), the client built if stale.
 * PORT picks the port (default 3000).
 */
import { loadConfig } from '../functions/api/config';
import { ensureClientBuilt } from './local/client-build';
import { startLocal } from './local/start';
import { busyPortMessage } from './starting';

export { type LocalOptions, type LocalServer, startLocal } from './local/start';

if (require.main === module) {
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
