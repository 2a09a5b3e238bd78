/**
 * The baseline: a bare Express 5 hello-world, in its own process on the same Node, bound to
 * 127.0.0.1. Run by the bench driver through `node --import tsx`.
 */

import http from 'node:http';
import express from 'express';
import { listenOnLoopback } from './listen';
import { serveChild } from './protocol';

serveChild(async () => {
  const app = express();
  // Any method and path: P1 uses GET /, the P5 baseline replays the journey's request pattern.
  app.use((_req, res) => {
    res.send('Hello World!');
  });
  return listenOnLoopback(http.createServer(app));
});
