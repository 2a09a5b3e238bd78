import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * English validation messages. Classic zod installs them on import; zod/mini, which the server uses
 * (it loads faster), installs none, and every message would read "Invalid input". Imported for this
 * effect by the modules that validate (config.ts, platform/http/validate.ts) before any parse.
 * A named import of `en` only: the bundle leaves the other locales out.
 */
z.config(en());
