// An audit export that records the org policy being switched on knows the real date: it replaces
// the one the tenant was given (the lab's sandbox has a default), so R12 compares real dates.
import type { World } from '../../engine/types';
import { policyOnSince } from './auditEvents';
import type { LogInfo } from './logInfo';

export interface DatedWorld {
  world: World;
  enabledAt?: { at: string; from: 'audit-log' | 'input'; row?: number };
}

/** `keepInput`: an explicit date (the CLI's --validation-enabled-at) wins over the log's. */
export function worldFromLog(
  world: World,
  log: LogInfo | undefined,
  keepInput = false,
): DatedWorld {
  const fromLog = log?.audit ? policyOnSince(log.audit) : undefined;
  const input = world.org.enabledAt;
  if (fromLog && !(keepInput && input)) {
    const row = log!.audit!.policySwitches.find((s) => s.at === fromLog)?.row;
    const enabledAt =
      row === undefined
        ? { at: fromLog, from: 'audit-log' as const }
        : { at: fromLog, from: 'audit-log' as const, row };
    return { world: { ...world, org: { ...world.org, enabledAt: fromLog } }, enabledAt };
  }
  return input ? { world, enabledAt: { at: input, from: 'input' } } : { world };
}
