/**
 * Resend cooldowns as data: one deadline (ms since the epoch) per number and SMS channel, since
 * Authing sends one code per number and channel per minute. Time comes in as `now`.
 */
import type { PhoneNumber } from '../phone.js';
import { channelOf } from './steps.js';
import { targetOf } from './draft.js';
import type { CodePurpose, FlowState } from './types.js';

/** Seconds before another code may go to the same number: Authing's limit is one per minute. */
export const RESEND_SECONDS = 60;

/**
 * Key of the server's resend limit: one SMS per number and channel per minute. A hash, so the
 * number itself is never written to storage.
 */
export function resendKey(purpose: CodePurpose, phone: PhoneNumber): string {
  return `c${hash(`${channelOf(purpose)}:${phone.phoneCountryCode}${phone.phoneNumber}`)}`;
}

/** cyrb53: a fast 53-bit string hash (not for secrets; it only keeps numbers out of plain sight). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The cooldowns with a new one for `key`, starting `now`. */
export const coolDown = (state: FlowState, key: string, now: number): Record<string, number> => ({
  ...state.cooldowns,
  [key]: now + RESEND_SECONDS * 1000,
});

/** Whole seconds until a code for `purpose` may go again to its number; 0 when it may now. */
export function cooldownOf(state: FlowState, purpose: CodePurpose, now: number): number {
  const target = targetOf(state, purpose);
  const until = target ? state.cooldowns[resendKey(purpose, target)] : undefined;
  // Never more than one interval from now, whatever the clock did since the deadline was set.
  return until === undefined ? 0 : Math.min(RESEND_SECONDS, Math.max(0, Math.ceil((until - now) / 1000)));
}

/**
 * Cooldowns still running at `now`: the ones that ran out are dropped. The same object while none
 * ran out, so a state change that starts or ends no cooldown does not count as a change of cooldowns
 * (the session stores them only when they change).
 */
export function running(cooldowns: Readonly<Record<string, number>>, now: number): Readonly<Record<string, number>> {
  const deadlines = Object.values(cooldowns);
  return deadlines.every((until) => until > now)
    ? cooldowns
    : Object.fromEntries(Object.entries(cooldowns).filter(([, until]) => until > now));
}

/** `mine` with the later of each deadline in `theirs`; the same object when nothing is new. */
export function mergedCooldowns(mine: Readonly<Record<string, number>>, theirs: Readonly<Record<string, number>>, now: number) {
  const newer = Object.entries(theirs).filter(([key, until]) => until > now && until > (mine[key] ?? 0));
  return newer.length ? { ...mine, ...Object.fromEntries(newer) } : mine;
}
