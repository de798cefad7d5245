// The lab's tenant and actor: the sandbox form as typed, the last valid build of it (which keeps
// driving the decision while a field is invalid), imported Graph exports that replace the
// sandbox's locations or policies (kept for the session in labSession), the redaction switch, and
// the engine's decision for all that. The World keeps its identity while only the actor changes,
// so a big import is compiled once and each keystroke costs one evaluation.
import { evaluate } from '../../model/engine/evaluate';
import { crossCheck } from '../../model/graph/graphPolicies';
import type { SourceFile } from '../../model/graph/graphFiles';
import type { ExportKind } from '../../model/lab/labImport';
import { makeMask, maskDecision, type Mask } from '../../model/lab/labRedact';
import { visible } from '../../model/graph/visibleText';
import { buildSandbox, type SandboxBuild } from '../../model/lab/sandboxBuild';
import { defaultSandbox, type SandboxConfig } from '../../model/lab/sandboxTypes';
import type { AccessRequest, Decision, World } from '../../model/engine/types';
import { LabImports } from './labSession.svelte';

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
  readonly imports: LabImports;
  #good: { build: Valid; config: SandboxConfig };

  constructor(initial?: SandboxConfig, imports = new LabImports()) {
    this.imports = imports;
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
    return this.imports.locations;
  }
  get importedPolicies() {
    return this.imports.policies;
  }
  get importWarnings() {
    return this.imports.warnings;
  }
  get importError() {
    return this.imports.error;
  }
  get importBusy() {
    return this.imports.busy;
  }

  // Each part of the World is derived on its own: a derived value that comes out equal does not
  // wake what depends on it, so typing in the actor's fields leaves the World object as it was.
  readonly #locationsInUse = $derived.by(
    () => this.imports.locations?.value ?? this.good.build.world.locations,
  );
  readonly #policiesInUse = $derived.by(
    () => this.imports.policies?.value ?? this.good.build.world.policies,
  );
  readonly #orgOn = $derived(this.good.build.world.org.ipValidation);
  readonly #orgSince = $derived(this.good.build.world.org.enabledAt);
  readonly world = $derived.by<World>(() => {
    const org: World['org'] = { ipValidation: this.#orgOn };
    if (this.#orgSince !== undefined) org.enabledAt = this.#orgSince;
    return { locations: this.#locationsInUse, policies: this.#policiesInUse, org };
  });
  readonly request = $derived<AccessRequest>(this.good.build.request);
  readonly assumptions = $derived(this.good.config.assumptions);
  readonly crossWarnings = $derived(crossCheck(this.#locationsInUse, this.#policiesInUse));

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
  importText(kind: ExportKind, text: string, source: string): Promise<boolean> {
    return this.imports.importFiles(kind, [{ name: source, text }]);
  }

  /** Reads one or more files of one export (bytes in any encoding real exports use). */
  importFiles(kind: ExportKind, files: SourceFile[]): Promise<boolean> {
    return this.imports.importFiles(kind, files);
  }

  /** A file refused before reading (type, size): the previous data stays. */
  refuse(kind: ExportKind, message: string) {
    this.imports.refuse(kind, message);
  }

  clearImport(kind: ExportKind) {
    this.imports.clear(kind);
  }
}
