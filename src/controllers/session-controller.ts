import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { PhoneApi } from '../core/api/types.js';
import type { FlowState } from '../core/flow/phone-flow.js';
import { COOLDOWN_STORAGE_KEY, cooldownStoreFor } from '../core/cooldown-store.js';
import { createPhoneSession, type Connection, type CooldownStorage, type Notification, type PhoneSession } from '../core/session.js';

/** The element's settings the session reads (the element is one): what reaches Authing and what shapes the flow. */
export interface SessionSettings {
  appHost: string;
  accessToken: string;
  appId: string;
  userPoolId: string;
  timeout: number;
  client?: PhoneApi;
  skipOldPhoneVerification?: boolean;
  codeLength?: number;
  defaultCountry: string;
  countries: string[];
}

/** Settings that reach Authing: the profile task's arguments, in this order; a change means a new connection. */
const CONNECTION_KEYS = ['appHost', 'accessToken', 'appId', 'userPoolId', 'timeout', 'client'] as const;
/** Of those, the ones that may mean another user. */
const IDENTITY = (['appHost', 'accessToken', 'client'] as const).map((key) => CONNECTION_KEYS.indexOf(key));
/** Settings of the flow: a change configures the session, the connection stays. */
const FLOW_KEYS = ['skipOldPhoneVerification', 'codeLength', 'defaultCountry', 'countries'] as const;

/** The page's sessionStorage, where it may be used (a sandboxed frame throws on access). */
function pageSessionStorage(): CooldownStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export interface SessionControllerOptions {
  settings: SessionSettings;
  /** The UI language, sent with each request so that Authing's messages match it. */
  lang: () => string;
  onNotification: (notification: Notification) => void;
}

/**
 * Connects an element to a headless phone session: the host's settings make its connection and its
 * flow options, every change of state is an update, every notification goes to `onNotification`.
 * Leaving the page aborts what is in flight; the state stays, so an element moved in the DOM carries
 * on once it reconnects, with a fresh profile.
 */
export class SessionController implements ReactiveController {
  readonly session: PhoneSession;
  private readonly host: ReactiveElement;
  private readonly settings: SessionSettings;
  private readonly lang: () => string;
  /**
   * The profile load of the current connection, run again whenever a setting that reaches Authing
   * changes, and by {@link reload}. While it is pending the widget is busy; what shows meanwhile (the
   * skeleton, or the same user's flow kept on screen) and after a failure is the session's step.
   */
  private readonly profile: Task<readonly unknown[], void>;
  /** The settings of the last connection, to tell a new user from the same one with a new token. */
  private connectedWith?: readonly unknown[];
  /** The flow settings last configured. */
  private configuredWith?: readonly unknown[];
  /** The state before the changes the next update renders, when one of them followed the user. */
  private userChangedFrom?: FlowState;
  /** Another document sharing the storage (a frame of this tab: sessionStorage is per tab) wrote the cooldowns: the page's sessions hear of it. */
  private readonly onStorage: (event: StorageEvent) => void;

  constructor(host: ReactiveElement, options: SessionControllerOptions) {
    this.host = host;
    this.settings = options.settings;
    this.lang = options.lang;
    const storage = pageSessionStorage();
    this.session = createPhoneSession({ storage });
    this.onStorage = (event) => {
      if (event.key === COOLDOWN_STORAGE_KEY && event.storageArea === storage) cooldownStoreFor(storage).refresh(Date.now());
    };
    let previous = this.session.state;
    this.session.subscribe((state, { byUser }) => {
      if (byUser) this.userChangedFrom ??= previous;
      previous = state;
      host.requestUpdate();
    });
    this.session.notify(options.onNotification);
    // Added before the task, so an update configures the flow before the task connects with it.
    host.addController(this);
    this.profile = new Task(host, {
      args: () => CONNECTION_KEYS.map((key) => this.settings[key]),
      task: (args) => this.connect(args),
    });
  }

  get state(): FlowState {
    return this.session.state;
  }

  /** The profile is loading. */
  get loading(): boolean {
    return this.profile.status === TaskStatus.PENDING;
  }

  /** Loads the profile again with the same settings. */
  reload(): void {
    void this.profile.run();
  }

  hostUpdate(): void {
    const flow = FLOW_KEYS.map((key) => this.settings[key]);
    const configured = this.configuredWith;
    if (configured && flow.every((value, i) => Object.is(value, configured[i]))) return;
    this.configuredWith = flow;
    const { skipOldPhoneVerification, codeLength, countries, defaultCountry } = this.settings;
    // Unset settings follow the pool's public config, then Authing's fallbacks: never the UI language,
    // which says nothing about where the user's number is (see docs/authing-api.md, "Defaults").
    this.session.configure({
      verifyCurrent: skipOldPhoneVerification === undefined ? undefined : !skipOldPhoneVerification,
      codeLength,
      allowedCountries: countries,
      defaultCountry: defaultCountry || undefined,
    });
  }

  /** The state before the changes the last update rendered, when one of them followed the user (focus follows it); read once. */
  takeUserChange(): FlowState | undefined {
    const from = this.userChangedFrom;
    this.userChangedFrom = undefined;
    return from;
  }

  hostConnected(): void {
    window.addEventListener('storage', this.onStorage);
    // Reconnected after a move in the DOM: what ran was aborted, so load afresh.
    if (this.host.hasUpdated) this.reload();
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this.onStorage);
    this.session.abort();
  }

  /** Aborts what was made with the old settings and loads the profile with the new ones. */
  private connect(args: readonly unknown[]): Promise<void> {
    if (!this.host.isConnected) return Promise.resolve();
    const previous = this.connectedWith;
    this.connectedWith = args;
    const sameIdentity = !!previous && IDENTITY.every((i) => previous[i] === args[i]);
    const { client, appHost, accessToken, appId, userPoolId, timeout } = this.settings;
    const connection: Connection | undefined = client
      ? { client }
      : accessToken
        ? { appHost, accessToken, appId: appId || undefined, userPoolId: userPoolId || undefined, lang: this.lang, timeoutMs: timeout }
        : undefined; // hosts often get the token asynchronously: wait for it quietly
    return this.session.connect(connection, { sameIdentity });
  }
}
