/**
 * The Lambda API entry (`lambda.handler`). It turns on the compile cache the image ships (ADR 0011)
 * before the rest of the bundle is read, so only this file and its cache code are compiled cold.
 */
import { fileURLToPath } from 'node:url';
import { enableShippedCompileCache } from './runtime/compile-cache';

const compileCache = enableShippedCompileCache(fileURLToPath(new URL('.', import.meta.url)));
const { createLambdaHandler } = await import('./lambda-handler');

export const handler = createLambdaHandler(compileCache);
