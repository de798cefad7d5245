// Entry point of the packed command line, bundled to dist-cli/pat-fence.mjs (src/cli/vite.config.ts).
import { patFence } from './patFence';
import { runProcess } from './process';

runProcess('pat-fence', patFence, process.argv.slice(2));
