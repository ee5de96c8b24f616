// Types of `authing-phone-manager/emulator` (index.js): the host API that starts the Authing emulator,
// mounts it as middleware and stops it. Hand-written: the emulator is plain JavaScript. Node only.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type {
  ClockInfo,
  EmulatorConfig,
  Fault,
  FaultInput,
  OutboxFilter,
  OutboxMessage,
  RequestLogEntry,
  User,
  UserInput,
} from './client.js';

export * from './client.js';

/** Options of createEmulator() and startEmulator(): config, the seed users, two observers. */
export interface EmulatorOptions extends Partial<EmulatorConfig> {
  /** The users (default: the five seed users); also what reset() restores. */
  users?: UserInput[];
  /** Called with each SMS put in the outbox (the CLI prints them). */
  onSms?: (sms: OutboxMessage) => void;
  /** Called with each request-log entry. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface StartOptions extends EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default `127.0.0.1` (a loopback host also listens on [::1], same port, when there is IPv6). */
  host?: string;
  /** Default true: a port that is taken is an error. false: a free port instead (compare `port`). */
  strictPort?: boolean;
}

/** An emulator: state and a request handler. Nothing listens until `handle` is mounted. */
export interface Emulator {
  /**
   * A node:http request handler, and a connect/Express-style middleware: it answers `/api/v3/*` and
   * `/__emulator/*`; other paths go to `next()` when given (else 404).
   */
  handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  reset(config?: Partial<EmulatorConfig> & { users?: UserInput[] }): void;
  getConfig(): EmulatorConfig;
  setConfig(patch: Partial<EmulatorConfig> & { users?: UserInput[] }): EmulatorConfig;
  listUsers(): User[];
  upsertUsers(users: UserInput[]): User[];
  issueToken(request: { userId: string; token?: string; scope?: string }): { userId: string; token: string; scope: string | null };
  outbox(filter?: OutboxFilter): OutboxMessage[];
  clearOutbox(): void;
  /** The code of the newest SMS matching, or undefined. */
  latestCode(filter?: OutboxFilter): string | undefined;
  addFault(fault: FaultInput): Fault;
  listFaults(): Fault[];
  clearFaults(): void;
  advanceClock(seconds: number): ClockInfo;
  /** Emulator time in ms. */
  now(): number;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  isOriginAllowed(origin: string | undefined): boolean;
  /** Ends pending `delay` faults at once (close() calls it). */
  dispose(): void;
  /** The live state: an escape hatch for in-process tests, not a stable API. */
  readonly state: unknown;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  /** The same server spelled with `localhost` (what authing-node-sdk's appHost wants). */
  localhostUrl: string;
  port: number;
  emulator: Emulator;
  servers: Server[];
  /** Stops listening, drops open connections and ends pending delays. */
  close(): Promise<void>;
}

/** An emulator to mount in a server of yours (`app.use(emulator.handle)`). */
export declare function createEmulator(options?: EmulatorOptions): Emulator;

/** Starts an emulator on a server of its own. */
export declare function startEmulator(options?: StartOptions): Promise<RunningEmulator>;

/** The CORS decision for `origin` under `config`. */
export declare function isOriginAllowed(config: EmulatorConfig, origin: string | undefined): boolean;

export declare const DEFAULT_CONFIG: Readonly<EmulatorConfig>;
/** The scope of a token seeded without one: `openid profile email phone`. */
export declare const DEFAULT_SCOPE: string;
/** The request headers a CORS preflight may ask for (the emulator answers this list, whatever is asked). */
export declare const ALLOWED_REQUEST_HEADERS: ReadonlyArray<string>;
export declare const SEED_USERS: ReadonlyArray<Readonly<UserInput>>;
export declare const CHANNELS: ReadonlyArray<string>;

/** A business error of an endpoint (answered with Authing's envelope). */
export declare class ApiError extends Error {
  constructor(
    statusCode: number,
    apiCode: number | undefined,
    key: string,
    params?: Record<string, unknown>,
    headers?: Record<string, string>,
  );
  statusCode: number;
  apiCode: number | undefined;
}

/** Invalid control input (the control API answers HTTP 400). */
export declare class ControlError extends Error {}

/** The seven `/api/v3` endpoints, by path. */
export declare const ENDPOINTS: Readonly<Record<string, { method: 'GET' | 'POST'; auth: boolean }>>;
/** The V2 endpoints (the application's public config), matched by `pattern`. */
export declare const V2_ENDPOINTS: ReadonlyArray<{ pattern: RegExp; method: 'GET' | 'POST'; auth: boolean }>;

/** The in-memory state (users, codes, outbox, clock, log, faults). Not a stable API. */
export declare class EmulatorState {
  constructor(defaults?: { config?: Partial<EmulatorConfig>; users?: UserInput[] });
}
