// Stages in route order, with the short names the badges show and the longer ones the text uses.
import type { Stage } from '../model/engine/types';
import type { CheckState, NodeId } from './types';

export const STAGES: readonly Stage[] = ['client', 'token', 'entra', 'ado', 'scope', 'resource'];

export const STAGE_SHORT: Record<Stage, string> = {
  client: 'Client',
  token: 'Token',
  entra: 'Entra',
  ado: 'DevOps',
  scope: 'Scope',
  resource: 'Resource',
};

export const STAGE_LONG: Record<Stage, string> = {
  client: 'the client',
  token: 'the token check',
  entra: 'Microsoft Entra',
  ado: 'Azure DevOps',
  scope: "the token's scope",
  resource: 'the resource',
};

/** The word each badge shows under its stage name, so state never rests on colour alone. */
export const CHECK_WORD: Record<CheckState, string> = {
  pending: 'waiting',
  pass: 'passed',
  fail: 'failed',
  skip: 'skipped',
  challenge: 'asks for MFA',
};

/** The box that refused the request when it stopped at a stage. */
export const STOP_NODE: Record<Stage, NodeId> = {
  client: 'actor',
  token: 'ado',
  entra: 'entra',
  ado: 'ado',
  scope: 'ado',
  resource: 'resource',
};
