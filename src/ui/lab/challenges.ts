// The build-the-fence levels, bundled from scenarios/challenges/ and read once; a broken file is
// listed for the view to show, never thrown.
import { loadChallenges } from '../../model/lab/challengeRead';

const files = import.meta.glob('../../../scenarios/challenges/*.json', {
  eager: true,
  import: 'default',
});

export const levels = loadChallenges(files);
