/**
 * The headless phone session: it drives the flow machine. It loads the profile, runs each effect
 * through the API client (verify → update-phone included), aborts what is in flight when the
 * credentials change or it is disposed, and hands out its state and outcomes to whoever subscribes:
 * the element, or a host's own UI. No DOM, no timers: cooldowns are deadlines in the state.
 */
import { createAuthingClient } from './api/client.js';
import type { AuthingProfile, PhoneApi, PoolSettings } from './api/types.js';
import { isAborted, PhoneManagerError } from './errors.js';
import { policyOf } from './error-policy.js';
import {
  ACTION_OF,
  accountOf,
  canUnbind,
  cooldownOf as cooldownSeconds,
  initialState,
  reduce,
  type Account,
  type Action,
  type CodePurpose,
  type Effect,
  type FlowEvent,
  type FlowOptions,
  type FlowState,
  type Intent,
  type Outcome,
  type Transition,
} from './flow/phone-flow.js';
import type { PhoneNumber } from './phone.js';
import { countryChoice } from './default-country.js';
import { namesAnotherUser, redacted, withAppOrPoolId, type Connection } from './connection.js';
import { cooldownStoreFor, type CooldownStorage } from './cooldown-store.js';

/** What a session tells its subscribers besides its state: each becomes one of the element's DOM events. */
export type Notification =
  | Outcome
  | { type: 'profile-loaded'; phone?: PhoneNumber; canUnbind: boolean }
  | { type: 'error'; action: Action; error: PhoneManagerError };

export interface StateChange {
  /**
   * The change follows something the user did other than typing (a click, Enter, a complete code)
   * or the answer to it: a UI may move focus. Typing and background loads never do.
   */
  byUser: boolean;
}

export { COOLDOWN_STORAGE_KEY, type CooldownStorage } from './cooldown-store.js';
export type { Connection } from './connection.js';

export interface PhoneSessionOptions {
  /**
   * Connects right away (on the next microtask, so listeners added just after creation hear the
   * profile load and any error); without it the session waits for {@link PhoneSession.connect}.
   */
  connection?: Connection;
  /** The flow's settings: old-phone step, code length, countries. */
  flow?: Partial<FlowOptions>;
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
  /**
   * Keeps the resend cooldowns (number and channel → deadline), so a reload or a remount within the
   * minute still counts down instead of earning a rate-limit error.
   */
  storage?: CooldownStorage;
}

export interface PhoneSession {
  /** The current state; a new object after each change. */
  readonly state: FlowState;
  /** Called after every change of state. Returns the unsubscribe function. */
  subscribe(listener: (state: FlowState, change: StateChange) => void): () => void;
  /** Called for every outcome, loaded profile and error. Returns the unsubscribe function. */
  notify(listener: (notification: Notification) => void): () => void;
  /** A user's intent: start, edit, send-code, submit, back, cancel. */
  send(intent: Intent): void;
  /**
   * Loads the profile again, e.g. after the user changed it elsewhere. Settles with the load: resolves
   * once the profile is shown (or the load was abandoned for a newer one), rejects with its error.
   */
  reload(): Promise<void>;
  /**
   * New settings of the flow. A setting left undefined follows the pool's public config when the
   * client reads it (`verifyCurrent`, `codeLength`), else the default.
   */
  configure(options: Partial<FlowOptions>): void;
  /**
   * New credentials or a new client: aborts what runs and loads the profile with them. Without a
   * connection the session waits quietly (the host has no token yet). `sameIdentity` (a new app id
   * or timeout, say) keeps the account trusted; otherwise only the same user's flow may carry on.
   */
  connect(connection: Connection | undefined, options?: { sameIdentity?: boolean }): Promise<void>;
  /** Seconds until a code for `purpose` may go again; 0 when it may now. */
  cooldownOf(purpose: CodePurpose): number;
  /** Aborts what is in flight and keeps the state (a UI that leaves the page and may come back). */
  abort(): void;
  /** Aborts everything and stops notifying. */
  dispose(): void;
}

export function createPhoneSession(options: PhoneSessionOptions = {}): PhoneSession {
  const now = options.now ?? (() => Date.now());
  const listeners = new Set<(state: FlowState, change: StateChange) => void>();
  const notifiers = new Set<(notification: Notification) => void>();
  /** The page's cooldowns, shared with every other session that keeps them in the same storage. */
  const cooldowns = cooldownStoreFor(options.storage);
  const owner = {};
  let host: Partial<FlowOptions> = options.flow ?? {};
  let pool: PoolSettings = {};
  // Without a connection nothing loads until `connect`: a UI shows the signed-out step meanwhile.
  let state: FlowState = {
    ...initialState(settings()),
    step: options.connection ? 'loading' : 'signed-out',
    cooldowns: cooldowns.read(now()),
  };
  let api: PhoneApi | undefined;
  /** The access token of the built-in client: never repeated by an error, should a server echo it. */
  let secret: string | undefined;
  /** The pool's settings, read once per connection alongside the first profile. */
  let poolRead: Promise<void> | undefined;
  /** Aborted when the connection changes or the session is disposed. */
  let run = new AbortController();
  /** The request running now, if any: aborting it leaves its outcome to be found out. */
  let inFlight: Effect | undefined;
  let disposed = false;

  /**
   * The flow's settings: the host's where it set them, else the pool's, else Authing's own fallbacks
   * (docs/authing-api.md §15). The countries are decided in default-country.ts.
   */
  function settings(): Partial<FlowOptions> {
    return {
      verifyCurrent: host.verifyCurrent ?? pool.verifyOldPhone ?? true,
      codeLength: host.codeLength && host.codeLength > 0 ? host.codeLength : pool.codeLength,
      ...countryChoice(host, pool),
      phonePattern: host.phonePattern ?? pool.phonePattern,
    };
  }

  const set = (next: FlowState, byUser: boolean) => {
    // The machine returns a new object even when nothing changed: subscribers hear only of changes.
    if (sameState(next, state)) return;
    if (next.cooldowns !== state.cooldowns) {
      // Only deadlines this change set or moved: the page hears of a new one once, never again of old ones.
      const fresh = Object.entries(next.cooldowns).filter(([key, until]) => until > (state.cooldowns[key] ?? 0));
      if (fresh.length) cooldowns.write(Object.fromEntries(fresh), now(), owner);
    }
    state = next;
    for (const listener of listeners) listener(state, { byUser });
  };
  const tell = (notification: Notification) => {
    // A setup only the developer can fix: the user sees neutral words, the console says why.
    if (notification.type === 'error' && policyOf(notification.error.code).hostMustFix) {
      console.error(`authing-phone-manager: ${notification.error.code}: ${notification.error.message}`);
    }
    for (const notifier of notifiers) notifier(notification);
  };
  const dispatch = (event: FlowEvent, byUser: boolean) => apply(reduce(state, { ...event, now: now() }), byUser);

  /** Applies a transition: new state, its outcome, a reload it asks for, and the request it needs. */
  function apply(transition: Transition, byUser: boolean): void {
    set(transition.state, byUser);
    if (transition.outcome) tell(transition.outcome);
    if (transition.failure) tell({ type: 'error', action: ACTION_OF[transition.failure.effect.type], error: transition.failure.error });
    if (transition.reload) void quietly(load({ keepError: true }));
    if (transition.effect) void perform(transition.effect);
  }

  async function perform(effect: Effect): Promise<void> {
    const client = api;
    const { signal } = run;
    if (!client) return;
    inFlight = effect;
    let result: FlowEvent;
    try {
      const data = await call(client, effect, signal);
      if (signal.aborted) return;
      result = { type: 'succeeded', effect, data: data ?? undefined };
    } catch (error) {
      if (signal.aborted || isAborted(error)) return;
      const cause = redacted(asError(error), secret);
      result = { type: 'failed', effect, error: cause };
      const transition = reduce(state, { ...result, now: now() });
      // A bind, change or unbind that may have landed is announced once the profile says how it ended.
      if (transition.state.unsettled?.effect !== effect) tell({ type: 'error', action: ACTION_OF[effect.type], error: cause });
    } finally {
      if (inFlight === effect) inFlight = undefined;
    }
    dispatch(result, true);
  }

  /**
   * Loads the profile; a reload keeps the flow on screen (see the machine's `loading`). Rejects with the
   * error the state now shows; an abandoned load resolves.
   */
  async function load({ keepError }: { keepError: boolean }): Promise<void> {
    const client = api;
    const { signal } = run;
    if (!client) return;
    dispatch({ type: 'loading', keepError }, false);
    poolRead ??= readPool(client, signal);
    try {
      const [profile] = await Promise.all([client.getProfile({ signal }), poolRead]);
      if (signal.aborted) return;
      const account = await accountWithScopes(client, profile, signal);
      if (signal.aborted) return;
      dispatch({ type: 'profile-loaded', account }, false);
      tell({ type: 'profile-loaded', phone: state.account.phone, canUnbind: canUnbind(state) });
    } catch (error) {
      if (signal.aborted || isAborted(error)) return;
      throw fail('load-profile', redacted(asError(error), secret));
    }
  }

  /** The pool's public config, when the client reads it; any failure leaves the defaults, silently. */
  async function readPool(client: PhoneApi, signal: AbortSignal): Promise<void> {
    if (!client.getPublicConfig) return;
    try {
      const read = await client.getPublicConfig({ signal });
      if (signal.aborted) {
        poolRead = undefined; // read again with the next load
        return;
      }
      pool = read;
      dispatch({ type: 'configure', options: settings() }, false);
    } catch {
      // not readable (no app id, CORS, an old pool): the widget's defaults and adaptive retry apply
    }
  }

  function fail(action: Action, error: PhoneManagerError, fresh = false): PhoneManagerError {
    dispatch({ type: 'load-failed', error, fresh }, false);
    tell({ type: 'error', action, error });
    return error;
  }

  /** Aborts what runs. A request in flight may still be carried out: the next profile tells (see the machine's `reconcile`). */
  function restart(): void {
    run.abort();
    run = new AbortController();
    const effect = inFlight;
    inFlight = undefined;
    if (effect && !disposed) dispatch({ type: 'interrupted', effect }, false);
  }

  const session: PhoneSession = {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify(listener) {
      notifiers.add(listener);
      return () => notifiers.delete(listener);
    },
    send(intent) {
      if (disposed) return;
      const before = state;
      const transition = reduce(before, { ...intent, now: now() });
      // Typing moves nothing, unless it completed a code that submitted itself.
      apply(transition, intent.type !== 'edit' || !!transition.effect || transition.state.step !== before.step);
    },
    reload() {
      if (disposed) return Promise.resolve();
      restart();
      return quietly(load({ keepError: false }));
    },
    configure(flow) {
      host = flow;
      dispatch({ type: 'configure', options: settings() }, false);
    },
    connect(connection, { sameIdentity = false } = {}) {
      if (disposed) return Promise.resolve();
      restart();
      if (!sameIdentity) dispatch({ type: 'credentials-changed', otherUser: namesAnotherUser(connection, state.account.userId) }, false);
      api = undefined;
      secret = connection && 'accessToken' in connection ? connection.accessToken : undefined;
      pool = {};
      poolRead = undefined;
      if (!connection) {
        dispatch({ type: 'signed-out' }, false);
        return Promise.resolve();
      }
      try {
        api = 'client' in connection ? connection.client : createAuthingClient(withAppOrPoolId(connection));
      } catch (error) {
        return quietly(Promise.reject(fail('load-profile', asError(error), true)));
      }
      return quietly(load({ keepError: false }));
    },
    cooldownOf(purpose) {
      return cooldownSeconds(state, purpose, now());
    },
    abort: restart,
    dispose() {
      disposed = true;
      forgetCooldowns();
      run.abort();
      listeners.clear();
      notifiers.clear();
    },
  };
  const forgetCooldowns = cooldowns.subscribe((page) => {
    if (!disposed) dispatch({ type: 'cooldowns', cooldowns: page }, false);
  }, owner);
  const { connection } = options;
  if (connection) queueMicrotask(() => void session.connect(connection));
  return session;
}

/**
 * The account a profile shows. A token's scope decides which fields the profile has: without the
 * `phone` or `email` field (absent, not null) the security info says what is bound.
 */
async function accountWithScopes(client: PhoneApi, profile: AuthingProfile, signal: AbortSignal): Promise<Account> {
  const account = accountOf(profile);
  const phoneHidden = !('phone' in profile);
  const emailHidden = !('email' in profile);
  if ((!phoneHidden && !emailHidden) || !client.getSecurityInfo) return account;
  const info = await client.getSecurityInfo({ signal });
  if (phoneHidden && info.phoneBinded) {
    throw new PhoneManagerError(
      'PHONE_SCOPE_MISSING',
      'A phone is bound, but the access token has no `phone` scope: get-profile leaves it out',
    );
  }
  return { ...account, hasOtherLoginMethod: account.hasOtherLoginMethod || (emailHidden && info.emailBinded) };
}

function call(api: PhoneApi, effect: Effect, signal: AbortSignal): Promise<{ updatePhoneToken?: string } | void> {
  switch (effect.type) {
    case 'send-code':
      return api.sendSms(effect.input, { signal });
    case 'bind':
      return api.bindPhone(effect.input, { signal });
    case 'verify-change':
      return api.verifyUpdatePhoneRequest(effect.input, { signal });
    case 'update-phone':
      return api.updatePhone(effect.updatePhoneToken, { signal });
    case 'unbind':
      return api.unbindPhone(effect.passCode, { signal });
  }
}

/**
 * The same promise, marked as handled: a caller that ignores it (the error is in the state and was
 * notified already) causes no unhandled rejection, and one that awaits it still sees the rejection.
 */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Whether two states hold the same values, property by property (each change makes new objects of what it changes). */
function sameState(a: FlowState, b: FlowState): boolean {
  return (Object.keys({ ...a, ...b }) as Array<keyof FlowState>).every((key) => a[key] === b[key]);
}

/** Anything a custom client throws becomes a PhoneManagerError, so subscribers see one error type. */
const asError = (error: unknown): PhoneManagerError =>
  error instanceof PhoneManagerError
    ? error
    : new PhoneManagerError('SERVER', error instanceof Error ? error.message : String(error), { cause: error });
