// The diagram's geometry vocabulary: what the layout is given and what it returns. Pure data;
// the Svelte components only read these.
import type { Flow, Stage } from '../model/engine/types';

export type ActorKind = 'onprem' | 'vpn' | 'external' | 'pipeline';
export type ResourceKind = 'repo' | 'pipeline' | 'boards';
export type NodeId = 'actor' | 'entra' | 'ado' | 'resource';
export type CheckState = 'pending' | 'pass' | 'fail' | 'skip' | 'challenge';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramInput {
  /** Width of the space the diagram gets, in CSS pixels; it becomes the viewBox width. */
  width: number;
  actor: ActorKind;
  flow: Flow;
  orgPolicyOn: boolean;
  trustedRanges: string[];
  /** The page lists every trusted range under the diagram (the lab): an abbreviated caption says so. */
  rangesListed?: boolean;
  /** Where the request stops; undefined or 'resource' when it gets through. */
  stoppedAt?: Stage;
  resource?: ResourceKind;
  /** The IP that reaches Azure DevOps; drawn in the actor's box and the boxes that see it. */
  ip?: string;
  /** The IP Entra sees at sign-in, when it differs (split tunnel, R10). */
  signinIp?: string;
}

export interface NodeBox extends Rect {
  id: NodeId;
  label: string;
  sublabel: string;
  /** A third line drawn as a pill (the org policy switch, the credential). */
  pill?: string;
}

export interface Boundary extends Rect {
  title: string;
  /** The trusted ranges, fitted to the rectangle's width. */
  lines: string[];
  /** How many ranges the caption leaves out ("and N more"). */
  hidden?: number;
  containsActor: boolean;
}

/** A point along the route where one Stage is checked. */
export interface Checkpoint extends Point {
  stage: Stage;
  /** Fraction 0–1 of the route's length. */
  t: number;
  /** Where the token waits while this stage is checked, or rests when refused here: just before the badge. */
  holdBefore: number;
  /** Room reserved for the two-line label (stage name, state word). */
  labelBox: Rect;
  labelAnchor: 'start' | 'end';
  /** A thin line from the badge to its label. */
  leader: { x1: number; y1: number; x2: number; y2: number };
}

export interface PathSample extends Point {
  /** Fraction 0–1 of the route's length at this sample. */
  t: number;
}

export interface PolicyLink {
  d: string;
  label: (Point & { text: string }) | null;
}

export interface DiagramLayout {
  orientation: 'wide' | 'narrow';
  width: number;
  height: number;
  fontSize: number;
  badgeRadius: number;
  nodes: NodeBox[];
  boundary: Boundary;
  /** The route the token travels, as an SVG path. */
  path: string;
  samples: PathSample[];
  /** One per Stage, in Stage order, with increasing t. */
  checkpoints: Checkpoint[];
  /** True when the route passes through Microsoft Entra (web and OAuth sign-ins). */
  viaEntra: boolean;
  /** Dashed Azure DevOps ↔ Entra link, present when the org policy is on. */
  policyLink: PolicyLink | null;
  /** Where the outcome badge goes. */
  outcome: Rect;
  /** Where the token comes to rest at the end (1, or the checkpoint it stopped at). */
  endT: number;
  /** Radius of the travelling token. */
  tokenRadius: number;
  pointAt: (t: number) => Point;
}

/** What the orientation-specific layouts hand to computeLayout. */
export interface Skeleton {
  orientation: 'wide' | 'narrow';
  width: number;
  height: number;
  fontSize: number;
  badgeRadius: number;
  nodes: NodeBox[];
  boundary: Boundary;
  /** Anchor points of the route; the curve goes through them. */
  route: Point[];
  /** Position of each Stage's gate along the main axis (x when wide, y when narrow). */
  gates: number[];
  link: { points: Point[]; label: (Point & { text: string }) | null };
  outcome: Rect;
  /** Places a label next to a gate once its point on the route is known. */
  placeLabel: (index: number, at: Point) => Pick<Checkpoint, 'labelBox' | 'labelAnchor' | 'leader'>;
}
