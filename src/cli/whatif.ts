// Entry point of `npm run whatif` (through tsx, in a checkout): the what-if command on its own.
import { main } from './main';
import { runProcess } from './process';

runProcess('pat-fence whatif', main, process.argv.slice(2));
