// The lab's tenant and actor: the sandbox form as typed, the last valid build of it (which keeps
// driving the decision while a field is invalid), imported Graph exports that replace the
// sandbox's locations or policies, the redaction switch, and the engine's decision for all that.
import { evaluate } from '../../model/engine/evaluate';
import { crossCheck } from '../../model/graph/graphPolicies';
import type { SourceFile } from '../../model/graph/graphFiles';
import {
  describeSources,
  importFiles,
  type ExportKind,
  type Imported,
} from '../../model/lab/labImport';
import { makeMask, maskDecision, type Mask } from '../../model/lab/labRedact';
import { visible } from '../../model/graph/visibleText';
import { buildSandbox, type SandboxBuild } from '../../model/lab/sandboxBuild';
import { defaultSandbox, type SandboxConfig } from '../../model/lab/sandboxTypes';
import type {
  AccessRequest,
  Decision,
  NamedLocation,
  Policy,
  World,
} from '../../model/engine/types';

type Valid = SandboxBuild & Required<Pick<SandboxBuild, 'world' | 'request'>>;
/** Every text from files shown in the lab goes through the mask: control characters made visible. */
const identity: Mask = (t) => visible(t, true);
const shown =
  (mask: Mask): Mask =>
  (t) =>
    visible(mask(t), true);

export class LabState {
  config = $state<SandboxConfig>(defaultSandbox());
  redact = $state(false);
  #locations = $state.raw<Imported<NamedLocation[]>>();
  #policies = $state.raw<Imported<Policy[]>>();
  #importWarnings = $state.raw<Record<ExportKind, string[]>>({ locations: [], policies: [] });
  #importError = $state.raw<Record<ExportKind, string | undefined>>({
    locations: undefined,
    policies: undefined,
  });
  #good: { build: Valid; config: SandboxConfig };

  constructor(initial?: SandboxConfig) {
    const fallback = defaultSandbox();
    this.#good = { build: buildSandbox(fallback) as Valid, config: fallback };
    if (initial) this.config = initial;
  }

  readonly build = $derived(buildSandbox($state.snapshot(this.config) as SandboxConfig));
  readonly invalid = $derived(Object.keys(this.build.errors).length > 0);

  /** The last build without errors (and the config it came from, for links). */
  readonly good = $derived.by(() => {
    const b = this.build;
    if (b.world && b.request)
      this.#good = { build: b as Valid, config: $state.snapshot(this.config) as SandboxConfig };
    return this.#good;
  });

  get importedLocations() {
    return this.#locations;
  }
  get importedPolicies() {
    return this.#policies;
  }
  get importWarnings() {
    return this.#importWarnings;
  }
  get importError() {
    return this.#importError;
  }

  readonly world = $derived.by<World>(() => {
    const w = this.good.build.world;
    return {
      locations: this.#locations?.value ?? w.locations,
      policies: this.#policies?.value ?? w.policies,
      org: w.org,
    };
  });
  readonly request = $derived<AccessRequest>(this.good.build.request);
  readonly assumptions = $derived(this.good.config.assumptions);
  readonly crossWarnings = $derived(crossCheck(this.world.locations, this.world.policies));

  readonly result = $derived(evaluate(this.world, this.request, this.assumptions));
  /** The redaction switch's aliases, shared by the screen and the exports so both say the same. */
  readonly #aliases = $derived<Mask | undefined>(
    this.redact ? makeMask(this.world, [this.config.actor.user]) : undefined,
  );
  readonly mask = $derived<Mask>(this.#aliases ? shown(this.#aliases) : identity);
  /** For files written from the lab: the same aliases, with no display escaping; undefined when off. */
  get exportMask(): Mask | undefined {
    return this.#aliases;
  }
  readonly decision = $derived<Decision | undefined>(
    this.result.ok ? maskDecision(this.result.value, this.mask) : undefined,
  );

  /** Reads an export; on any error the previous data stays and the error is kept for display. */
  importText(kind: ExportKind, text: string, source: string): boolean {
    return this.importFiles(kind, [{ name: source, text }]);
  }

  /** Reads one or more files of one export (bytes in any encoding real exports use). */
  importFiles(kind: ExportKind, files: SourceFile[]): boolean {
    const r = importFiles(kind, files);
    if (!r.ok) {
      this.#importError = { ...this.#importError, [kind]: r.error };
      this.#importWarnings = { ...this.#importWarnings, [kind]: r.warnings };
      return false;
    }
    const source = describeSources([...files].sort((a, b) => (a.name < b.name ? -1 : 1)));
    if (kind === 'locations') this.#locations = { value: r.value as NamedLocation[], source };
    else this.#policies = { value: r.value as Policy[], source };
    this.#importError = { ...this.#importError, [kind]: undefined };
    this.#importWarnings = { ...this.#importWarnings, [kind]: r.warnings };
    return true;
  }

  /** A file refused before reading (type, size): the previous data stays. */
  refuse(kind: ExportKind, message: string) {
    this.#importError = { ...this.#importError, [kind]: message };
  }

  clearImport(kind: ExportKind) {
    if (kind === 'locations') this.#locations = undefined;
    else this.#policies = undefined;
    this.#importError = { ...this.#importError, [kind]: undefined };
    this.#importWarnings = { ...this.#importWarnings, [kind]: [] };
  }
}
