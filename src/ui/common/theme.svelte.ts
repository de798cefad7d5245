// Light/dark theme: follows the system unless the user picks one; the choice is kept locally.
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'pat-fence.theme';

function readStored(): ThemeChoice {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export class Theme {
  #choice = $state<ThemeChoice>(readStored());

  get choice(): ThemeChoice {
    return this.#choice;
  }

  set(choice: ThemeChoice) {
    this.#choice = choice;
    try {
      if (choice === 'system') globalThis.localStorage?.removeItem(KEY);
      else globalThis.localStorage?.setItem(KEY, choice);
    } catch {
      /* storage may be unavailable (private mode, sandboxed iframe): the choice still applies */
    }
    this.apply();
  }

  apply() {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    if (this.#choice === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', this.#choice);
  }
}
