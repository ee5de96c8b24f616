/**
 * The resend cooldowns of a page, shared by every session that keeps them in the same storage: two
 * widgets on one page see each other's countdowns, and a remount or a reload of the page resumes them.
 * Keys are hashes ({@link resendKey}), never a phone number; values are deadlines in ms since the epoch.
 */
import { RESEND_SECONDS } from './flow/phone-flow.js';

/** Where cooldowns survive a reload of the page: `sessionStorage` in a browser. */
export interface CooldownStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The storage key: only deadlines by hashed number and channel, never a code or a token. */
export const COOLDOWN_STORAGE_KEY = 'authing-phone-manager:cooldowns';

export type Cooldowns = Readonly<Record<string, number>>;

export interface CooldownStore {
  /** The deadlines still running at `now`, none further than a minute ahead (a clock set back). */
  read(now: number): Cooldowns;
  /** Adds or moves deadlines; the others' stay. Tells every other subscriber of these. */
  write(cooldowns: Cooldowns, now: number, from?: object): void;
  /** Called with the page's deadlines when another session (or, via {@link refresh}, another document sharing the storage) wrote. */
  subscribe(listener: (cooldowns: Cooldowns) => void, owner: object): () => void;
  /** The storage changed from outside (a `storage` event): tell every subscriber. */
  refresh(now: number): void;
}

const stores = new WeakMap<CooldownStorage, CooldownStore>();

/** Memory of one session's own: a session given no storage shares its cooldowns with no one. */
const ownMemory = (): CooldownStorage => {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
};

/** The one store of `storage`: every session given the same storage shares it (none: a store of its own). */
export function cooldownStoreFor(storage: CooldownStorage = ownMemory()): CooldownStore {
  let store = stores.get(storage);
  if (!store) stores.set(storage, (store = createStore(storage)));
  return store;
}

/** A deadline never lies further ahead than one resend interval: a clock set back must not freeze resend. */
export const capped = (until: number, now: number): number => Math.min(until, now + RESEND_SECONDS * 1000);

function createStore(storage: CooldownStorage): CooldownStore {
  const listeners = new Map<object, (cooldowns: Cooldowns) => void>();
  const read = (now: number): Cooldowns => {
    try {
      const stored: unknown = JSON.parse(storage.getItem(COOLDOWN_STORAGE_KEY) ?? '{}');
      if (!stored || typeof stored !== 'object') return {};
      return Object.fromEntries(
        Object.entries(stored)
          .filter(([, until]) => typeof until === 'number' && until > now)
          .map(([key, until]) => [key, capped(until as number, now)]),
      );
    } catch {
      return {};
    }
  };
  let telling = false;
  const tell = (cooldowns: Cooldowns, except?: object) => {
    // A session that takes in the page's deadlines writes them back: that write tells no one again.
    if (telling) return;
    telling = true;
    try {
      for (const [owner, listener] of listeners) if (owner !== except) listener(cooldowns);
    } finally {
      telling = false;
    }
  };
  return {
    read,
    write(cooldowns, now, from) {
      const merged = { ...read(now) };
      for (const [key, until] of Object.entries(cooldowns)) if (until > now) merged[key] = Math.max(merged[key] ?? 0, until);
      try {
        storage.setItem(COOLDOWN_STORAGE_KEY, JSON.stringify(merged));
      } catch {
        // full, or refused (private mode): the other sessions of this page still hear of it
      }
      tell(cooldowns, from);
    },
    subscribe(listener, owner) {
      listeners.set(owner, listener);
      return () => listeners.delete(owner);
    },
    refresh(now) {
      tell(read(now));
    },
  };
}
