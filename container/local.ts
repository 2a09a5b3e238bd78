/**
 * `npm start`: the product on embedded stand-ins. The profiles and `startLocal` live in
 * container/local/; this file only runs them.
 */
import { main } from './local/main';

export { type LocalOptions, type LocalServer, startLocal } from './local/start';

if (require.main === module) main();
