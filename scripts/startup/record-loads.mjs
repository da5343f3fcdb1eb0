// Loaded with `node --import` before kds: records the modules kds loads (load-hooks.mjs) into the
// file named by KDS_LOAD_LOG. For counting, never timing.
import { register } from 'node:module';

register(new URL('./load-hooks.mjs', import.meta.url));
