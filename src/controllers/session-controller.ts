import type { ReactiveController, ReactiveElement } from 'lit';
import type { FlowState } from '../core/flow/phone-flow.js';
import { COOLDOWN_STORAGE_KEY, cooldownStoreFor } from '../core/cooldown-store.js';
import {
  createPhoneSession,
  type CooldownStorage,
  type Notification,
  type PhoneSession,
  type PhoneSessionOptions,
} from '../core/session.js';

/** The page's sessionStorage, where it may be used (a sandboxed frame throws on access). */
export function pageSessionStorage(): CooldownStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Subscribes an element to a headless phone session: every change of state is an update, every
 * notification goes to `onNotification`. Leaving the page aborts what is in flight; the state stays,
 * so an element moved in the DOM carries on once it reconnects.
 */
export class SessionController implements ReactiveController {
  readonly session: PhoneSession;
  /** The state before the changes the next update renders, when one of them followed the user. */
  private userChangedFrom?: FlowState;
  private readonly onUserChange: (previous: FlowState) => void;
  /** Another document sharing the storage (a frame of this tab: sessionStorage is per tab) wrote the cooldowns: the page's sessions hear of it. */
  private readonly onStorage: (event: StorageEvent) => void;

  constructor(
    host: ReactiveElement,
    options: PhoneSessionOptions & { onNotification: (notification: Notification) => void; onUserChange: (previous: FlowState) => void },
  ) {
    this.session = createPhoneSession(options);
    this.onUserChange = options.onUserChange;
    const { storage } = options;
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
    host.addController(this);
  }

  get state(): FlowState {
    return this.session.state;
  }

  hostUpdated(): void {
    const from = this.userChangedFrom;
    this.userChangedFrom = undefined;
    if (from) this.onUserChange(from);
  }

  hostConnected(): void {
    window.addEventListener('storage', this.onStorage);
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this.onStorage);
    this.session.abort();
  }
}
