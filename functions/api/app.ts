import path from 'node:path';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { helmetOptions } from './contract/security-headers';
import type { AppDeps } from './deps';
import { accountRoutes } from './features/account/routes';
import { accountService } from './features/account/service';
import { resultsService } from './features/assessments/results';
import { assessmentRoutes } from './features/assessments/routes';
import { assessmentService } from './features/assessments/service';
import { authenticate, originCheck } from './features/auth/middleware';
import { authRoutes } from './features/auth/routes';
import { authService, passwordService } from './features/auth/service';
import { documentRoutes } from './features/documents/routes';
import { documentService } from './features/documents/service';
import { healthRoutes } from './features/health/routes';
import { questionnaireRoutes } from './features/questionnaire/routes';
import { openApiRoute } from './openapi-route';
import { accessLog } from './platform/http/access-log';
import { correlation } from './platform/http/correlation';
import { malformedUrl } from './platform/http/malformed-url';
import { operationRouter } from './platform/http/operation-router';
import { errorHandler, notFoundHandler } from './platform/http/problem';

/** Where browsers upload to: S3's origin must be allowed by the SPA's CSP. */
function storageOrigin(deps: AppDeps): string {
  const { s3, region } = deps.config;
  const endpoint = s3.publicEndpoint ?? s3.endpoint;
  return endpoint ? new URL(endpoint).origin : `https://${s3.bucket}.s3.${region}.amazonaws.com`;
}

/** The one Express app. It never listens: the Lambda, server and local entries wrap it. */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  app.use(correlation(deps));
  if (deps.tracing) app.use(deps.tracing.middleware);
  app.use(accessLog(logger, deps.metrics));
  app.use(malformedUrl);
  app.use(
    helmet(
      // Locally the S3 stand-in is plain http; upgrading would break uploads.
      helmetOptions({ storageOrigin: storageOrigin(deps), upgradeInsecureRequests: config.mode !== 'local' }),
    ),
  );

  const auth = authService(deps);
  const api = express.Router();
  api.use(
    cors({ origin: config.allowedOrigins, credentials: true, exposedHeaders: ['x-correlation-id', 'ETag'] }),
  );
  api.use(express.json({ limit: '100kb' }));
  api.use(originCheck(config));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Every operation is mounted from its contract declaration (functions/api/contract/operations).
  const ops = operationRouter(authenticate(auth));
  authRoutes(config.rateLimit, auth, passwordService(deps), ops);
  questionnaireRoutes(ops.mount);
  healthRoutes(deps, ops.mount);
  openApiRoute(config.version, ops.mount);
  documentRoutes(documentService(deps), ops.mount);
  assessmentRoutes(assessmentService(deps), resultsService(deps), ops.mount);
  accountRoutes(accountService(deps), ops.mount);
  api.use(ops.router);
  api.use(notFoundHandler);
  app.use('/api', api);

  if (config.staticDir) {
    const root = path.resolve(config.staticDir);
    // Hashed assets cache for a year; index.html never, so a deploy shows at once.
    app.use(express.static(root, { index: false, maxAge: '1y', immutable: true }));
    app.get('/{*splat}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(root, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
