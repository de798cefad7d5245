// What the lab keeps for the rest of the session: the imported Graph exports (with their warnings
// and errors), the impact analysis and its report, and the evidence being replayed. It lives in
// this module, in memory only: leaving the lab for Scenarios and coming Back, or switching tabs,
// finds everything as it was; a reload or a closed tab forgets it. Nothing here is ever written to
// storage or to a link (an export or a log may hold names and tokens).
import type { SourceFile } from '../../model/graph/graphFiles';
import { describeSources, type ExportKind, type Imported } from '../../model/lab/labImport';
import type { NamedLocation, Policy } from '../../model/engine/types';
import { ImportClient } from '../../worker/importClient';
import { EvidenceState } from './evidenceState.svelte';
import { ImpactRun } from './impactRun.svelte';

/** The admin's imported exports; reading and validating them happens in a worker. */
export class LabImports {
  locations = $state.raw<Imported<NamedLocation[]>>();
  policies = $state.raw<Imported<Policy[]>>();
  warnings = $state.raw<Record<ExportKind, string[]>>({ locations: [], policies: [] });
  error = $state.raw<Record<ExportKind, string | undefined>>({
    locations: undefined,
    policies: undefined,
  });
  /** An import being read, by kind (the status line says so). */
  busy = $state.raw<Record<ExportKind, boolean>>({ locations: false, policies: false });
  readonly #client: ImportClient;
  /** The newest import of each kind wins, whichever finishes first. */
  readonly #latest: Record<ExportKind, number> = { locations: 0, policies: 0 };

  constructor(client = new ImportClient()) {
    this.#client = client;
  }

  /** Reads one or more files of one export; on any error the previous data stays. */
  async importFiles(kind: ExportKind, files: SourceFile[]): Promise<boolean> {
    const ticket = ++this.#latest[kind];
    const source = describeSources([...files].sort((a, b) => (a.name < b.name ? -1 : 1)));
    this.busy = { ...this.busy, [kind]: true };
    const r = await this.#client.import(kind, files);
    if (ticket !== this.#latest[kind]) return false;
    this.busy = { ...this.busy, [kind]: false };
    this.warnings = { ...this.warnings, [kind]: r.warnings };
    if (!r.ok) {
      this.error = { ...this.error, [kind]: r.error };
      return false;
    }
    if (kind === 'locations') this.locations = { value: r.value as NamedLocation[], source };
    else this.policies = { value: r.value as Policy[], source };
    this.error = { ...this.error, [kind]: undefined };
    return true;
  }

  /** A file refused before reading (type, size): the previous data stays. */
  refuse(kind: ExportKind, message: string) {
    this.error = { ...this.error, [kind]: message };
  }

  clear(kind: ExportKind) {
    ++this.#latest[kind];
    this.busy = { ...this.busy, [kind]: false };
    if (kind === 'locations') this.locations = undefined;
    else this.policies = undefined;
    this.error = { ...this.error, [kind]: undefined };
    this.warnings = { ...this.warnings, [kind]: [] };
  }
}

export interface LabSession {
  imports: LabImports;
  impact: ImpactRun;
  evidence: EvidenceState;
}

let session: LabSession | undefined;

/** The one session of this page, made on first use. */
export function labSession(): LabSession {
  session ??= { imports: new LabImports(), impact: new ImpactRun(), evidence: new EvidenceState() };
  return session;
}
