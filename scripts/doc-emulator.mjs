// kinesalite for the documented live sessions (scripts/doc-examples.mjs): an in-process Kinesis
// emulator on a free port of 127.0.0.1, as `npx kinesalite --port 4567 --createStreamMs 0` runs it
// for a reader. Prints the port on standard output, then serves until it is killed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kinesalite = require('kinesalite');

const server = kinesalite({ createStreamMs: 0, updateStreamMs: 0, deleteStreamMs: 0 });
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
