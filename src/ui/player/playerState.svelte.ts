// What the player shows: the chosen scenario, play and variant, the switches the learner flipped,
// and the engine's Decision for all that. The engine decides; this class only assembles inputs.
import { evaluate } from '../../model/engine/evaluate';
import { makesSense, SWITCH_FLOWS } from '../../model/content/switchSense';
import {
  buildRequest,
  buildWorld,
  playAssumptions,
  variantsOf,
  type Actor,
  type Expectation,
  type Play,
  type Scenario,
  type Variant,
} from '../../model/content/scenario';
import { liveWords, type LiveWords } from '../../model/content/liveWords';
import type { AccessRequest, Decision, Flow, World } from '../../model/engine/types';

export interface Overrides {
  org?: boolean;
  actor?: string;
  flow?: Flow;
}

export interface Selection {
  scenario: string;
  play: string;
  variant?: string;
  overrides: Overrides;
}

/** The same request by another route: web sign-in, PAT over git/REST, or an SSH key. */
export function withFlow(req: AccessRequest, flow: Flow): AccessRequest {
  if (flow === req.flow) return req;
  const token = req.token;
  if (flow === 'web' || flow === 'oauth') {
    const { token: _t, action: _a, ...rest } = req;
    return { ...rest, flow, client: flow === 'web' ? 'browser' : 'az-cli' };
  }
  const kind = flow === 'ssh' ? 'ssh-key' : 'pat';
  const base = token && token.kind !== 'system-access-token' ? token : {};
  return {
    ...req,
    flow,
    client: flow === 'ssh' ? 'ssh' : req.client === 'pipeline-agent' ? 'pipeline-agent' : 'git',
    token: { ...base, kind, ...(flow === 'ssh' ? { scopes: undefined } : {}) },
  };
}

export function withActor(req: AccessRequest, actor: Actor): AccessRequest {
  const { signinIp: _s, country: _c, ...rest } = req;
  return {
    ...rest,
    ip: actor.ip,
    ...(actor.signinIp ? { signinIp: actor.signinIp } : {}),
    ...(actor.country ? { country: actor.country } : {}),
  };
}

export class PlayerState {
  #scenarios: Scenario[] | (() => Scenario[]);
  #sel = $state.raw<Selection>({ scenario: '', play: '', overrides: {} });

  /** `scenarios` may be a function, read each time: the player's scenarios load one by one
   * (src/ui/scenarioShelf.svelte.ts), and one picked after the start must be found. */
  constructor(scenarios: Scenario[] | (() => Scenario[]), initial?: Partial<Selection>) {
    this.#scenarios = scenarios;
    const first = this.scenarios[0];
    this.#sel = this.#normalise({
      scenario: initial?.scenario ?? first?.id ?? '',
      play: initial?.play ?? '',
      variant: initial?.variant,
      overrides: initial?.overrides ?? {},
    });
  }

  get scenarios(): Scenario[] {
    return typeof this.#scenarios === 'function' ? this.#scenarios() : this.#scenarios;
  }

  #normalise(sel: Selection): Selection {
    const s = this.scenarios.find((x) => x.id === sel.scenario) ?? this.scenarios[0];
    if (!s) return { scenario: '', play: '', overrides: {} };
    const play = s.plays.find((p) => p.id === sel.play) ?? s.plays[0]!;
    const variant = variantsOf(s, play).find((v) => v.id === sel.variant);
    const o = sel.overrides;
    const overrides: Overrides = {};
    if (typeof o.org === 'boolean') overrides.org = o.org;
    if (o.actor && s.actors.some((a) => a.id === o.actor) && o.actor !== play.actor)
      overrides.actor = o.actor;
    if (o.flow && SWITCH_FLOWS.includes(o.flow) && o.flow !== play.request.flow)
      overrides.flow = o.flow;
    // A combination that could not happen (a pipeline in a browser) is never shown, even from a link.
    const kind = (id: string) => s.actors.find((a) => a.id === id)?.kind ?? 'external';
    if (
      overrides.flow &&
      !makesSense(kind(overrides.actor ?? play.actor), play.request, overrides.flow)
    ) {
      if (overrides.actor && makesSense(kind(play.actor), play.request, overrides.flow))
        delete overrides.actor;
      else delete overrides.flow;
    }
    const base = buildWorld(s, variant).org.ipValidation;
    if (overrides.org === base) delete overrides.org;
    return {
      scenario: s.id,
      play: play.id,
      ...(variant ? { variant: variant.id } : {}),
      overrides,
    };
  }

  get selection(): Selection {
    return this.#sel;
  }
  select(next: Partial<Selection>) {
    this.#sel = this.#normalise({ ...this.#sel, ...next });
  }

  /** Flipping the org policy prefers a variant the author wrote for it (it has a narration). */
  setOrg(on: boolean) {
    const s = this.scenario;
    const play = this.play;
    if (!s || !play) return;
    const { org: _o, ...rest } = this.#sel.overrides;
    if (s.world.org.ipValidation === on)
      return this.select({ variant: undefined, overrides: rest });
    const v = this.variants.find(
      (x) => x.org?.ipValidation === on && !x.assumptions && !x.addIpRanges,
    );
    if (v) return this.select({ variant: v.id, overrides: rest });
    this.select({ variant: undefined, overrides: { ...rest, org: on } });
  }

  readonly scenario = $derived(this.scenarios.find((s) => s.id === this.#sel.scenario));
  readonly play = $derived<Play | undefined>(
    this.scenario?.plays.find((p) => p.id === this.#sel.play),
  );
  readonly variants = $derived<Variant[]>(
    this.scenario && this.play ? variantsOf(this.scenario, this.play) : [],
  );
  readonly variant = $derived(this.variants.find((v) => v.id === this.#sel.variant));
  readonly modified = $derived(Object.keys(this.#sel.overrides).length > 0);

  readonly world = $derived.by<World | undefined>(() => {
    if (!this.scenario) return undefined;
    const w = buildWorld(this.scenario, this.variant);
    const org = this.#sel.overrides.org;
    return org === undefined ? w : { ...w, org: { ...w.org, ipValidation: org } };
  });

  readonly actor = $derived.by<Actor | undefined>(() => {
    const id = this.#sel.overrides.actor ?? this.play?.actor;
    return this.scenario?.actors.find((a) => a.id === id);
  });

  /** The flows this actor could use for the play's request; the play's own flow always. */
  readonly flows = $derived<Flow[]>(
    this.play && this.actor
      ? SWITCH_FLOWS.filter((f) => makesSense(this.actor!.kind, this.play!.request, f))
      : [],
  );

  /** The actors who could make the play's request by the flow now chosen. */
  readonly actors = $derived<Actor[]>(
    (this.scenario?.actors ?? []).filter(
      (a) =>
        this.play &&
        makesSense(a.kind, this.play.request, this.#sel.overrides.flow ?? this.play.request.flow),
    ),
  );

  readonly request = $derived.by<AccessRequest | undefined>(() => {
    if (!this.scenario || !this.play || !this.actor) return undefined;
    let req = buildRequest(this.scenario, this.play);
    if (this.#sel.overrides.actor) req = withActor(req, this.actor);
    if (this.#sel.overrides.flow) req = withFlow(req, this.#sel.overrides.flow);
    return req;
  });

  readonly result = $derived.by(() => {
    if (!this.world || !this.request || !this.play) return undefined;
    return evaluate(this.world, this.request, playAssumptions(this.play, this.variant));
  });

  readonly decision = $derived<Decision | undefined>(
    this.result?.ok ? this.result.value : undefined,
  );

  /** The scenario's own words when nothing was changed by hand; otherwise the engine's. */
  readonly narration = $derived.by<string[]>(() => {
    const d = this.decision;
    if (!d) return [];
    const story = this.modified ? undefined : (this.variant?.narration ?? this.play?.narration);
    return story && story.length === d.trace.length ? story : d.trace.map((s) => s.detail);
  });

  /** Title, goal and picker labels that follow the switches (see liveWords). */
  readonly words = $derived.by<LiveWords | undefined>(() => {
    const { scenario, play, variant, world, request, actor, modified } = this;
    if (!scenario || !play || !world || !request || !actor) return undefined;
    return liveWords({
      scenario,
      play,
      world,
      request,
      actor,
      modified,
      ...(variant ? { variant } : {}),
    });
  });

  readonly expected = $derived<Expectation | undefined>(
    this.modified ? undefined : (this.variant?.expect ?? this.play?.expect),
  );

  readonly takeaway = $derived(
    this.modified ? undefined : (this.variant?.takeaway ?? this.play?.takeaway),
  );
}
