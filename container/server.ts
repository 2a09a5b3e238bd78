/**
 * The Fargate (and plain-HTTP) entry: `node server.js` in the image. The fargate profile builds
 * config and deps; serveHttp listens on PORT and drains on SIGTERM (functions/api/runtime/).
 */
import { ConfigError } from '../functions/api/config';
import { fargateRuntime } from '../functions/api/runtime/profiles';
import { serveHttp } from '../functions/api/runtime/serve';

fargateRuntime()
  .then(serveHttp)
  .catch((err: unknown) => {
    // Before the logger exists: one plain line naming every bad variable.
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
