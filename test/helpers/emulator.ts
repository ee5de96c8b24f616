// Talks to the Authing emulator's control endpoints, over real HTTP from the test page's origin.
import { executeServerCommand } from '@web/test-runner-commands';

let base: string | undefined;

export async function emulatorUrl(): Promise<string> {
  base ??= (await executeServerCommand<{ url: string }, void>('emulator-url')).url;
  return base;
}

async function control<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${await emulatorUrl()}/__emulator/${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

export interface SmsMessage {
  phoneCountryCode: string;
  phoneNumber: string;
  channel: string;
  code: string;
  text: string;
}

export interface EmulatorUser {
  userId: string;
  tokens: string[];
  email?: string | null;
  phone?: string | null;
  phoneCountryCode?: string | null;
  identities?: unknown[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  statusCode: number;
  apiCode?: number;
  lang?: string;
  appId?: string;
  authorized: boolean;
}

export interface EmulatorConfig {
  verifyOldPhone?: boolean;
  codeLength?: number;
  codeTtlSeconds?: number;
  resendIntervalSeconds?: number;
  updatePhoneTokenTtlSeconds?: number;
  maxCodeAttempts?: number;
}

export type FaultKind = 'http500' | 'envelope' | 'malformed' | 'html' | 'drop' | 'delay';

export const emulator = {
  reset: (config?: EmulatorConfig) => control('reset', { body: config ? { config } : {} }),
  configure: (config: EmulatorConfig) => control('config', { body: config }),
  outbox: async (phoneNumber?: string, channel?: string) => {
    const query = new URLSearchParams();
    if (phoneNumber) query.set('phoneNumber', phoneNumber);
    if (channel) query.set('channel', channel);
    return (await control<{ messages: SmsMessage[] }>(`outbox?${query}`)).messages;
  },
  /** The code of the latest SMS to this number on this channel. */
  async codeFor(phoneNumber: string, channel: 'CHANNEL_BIND_PHONE' | 'CHANNEL_UNBIND_PHONE'): Promise<string> {
    const messages = await this.outbox(phoneNumber, channel);
    if (!messages.length) throw new Error(`no SMS to ${phoneNumber} on ${channel}`);
    return messages[messages.length - 1].code;
  },
  users: async () => (await control<{ users: EmulatorUser[] }>('users')).users,
  async user(userId: string): Promise<EmulatorUser> {
    const user = (await this.users()).find((u) => u.userId === userId);
    if (!user) throw new Error(`no user ${userId}`);
    return user;
  },
  /** Changes users behind the widget's back; fields not given are kept. */
  async seed(changes: Array<Partial<EmulatorUser> & { userId: string }>) {
    const current = await this.users();
    const users = changes.map((change) => ({ ...current.find((u) => u.userId === change.userId), ...change }));
    return control('users', { body: { users } });
  },
  fault: (fault: { path: string; kind: FaultKind; times?: number; delayMs?: number; statusCode?: number; apiCode?: number; message?: string }) =>
    control('faults', { body: fault }),
  /** The faults armed and not used up yet: one leaves this list when the emulator has taken its last use. */
  faults: async () => (await control<{ faults: Array<{ path: string; kind: FaultKind; remaining: number }> }>('faults')).faults,
  requests: async () => (await control<{ requests: LoggedRequest[] }>('requests')).requests,
  advanceClock: (advanceSeconds: number) => control('clock', { body: { advanceSeconds } }),
};

/** Seeded users (see emulator/README.md). */
export const USERS = {
  noPhone: { id: 'u-no-phone', token: 'demo-token-no-phone' },
  phoneAndEmail: { id: 'u-phone-email', token: 'demo-token-phone-email', phone: '13800138000' },
  phoneOnly: { id: 'u-phone-only', token: 'demo-token-phone-only', phone: '13900139000' },
  phoneAndSocial: { id: 'u-phone-social', token: 'demo-token-phone-social', phone: '13600136000' },
  other: { id: 'u-other', token: 'demo-token-other', phone: '13700137000' },
} as const;
