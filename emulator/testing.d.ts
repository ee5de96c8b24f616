// Types of `authing-phone-manager/testing` (testing.js). Hand-written. playwright-core is an optional peer:
// only route() names its types.
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import type { EmulatorClient, OutboxMessage, UserInput } from './client.js';
import type { EmulatorOptions } from './index.js';

export type { EmulatorClient, OutboxMessage, UserInput } from './client.js';

/** The SMS of one number. */
export interface Phone {
  readonly phoneNumber: string;
  readonly phoneCountryCode: string;
  /** Every SMS this number received, oldest first. */
  messages(): Promise<OutboxMessage[]>;
  /**
   * Waits (default up to 10 s) for an SMS not read yet through this phone and resolves to the code in
   * its text. When several are unread, the newest counts and all of them become read.
   */
  readCode(options?: { timeout?: number }): Promise<string>;
  /**
   * Reads the next code (readCode()) and fills the widget's code field with it, waiting until the field is
   * editable: it stays read-only until the page has send-sms's answer, which can come after the SMS.
   * Resolves to the code typed. `target`: a page or frame with one widget, or a locator of the widget.
   */
  typeCode(target: Page | Frame | Locator, options?: { timeout?: number }): Promise<string>;
}

export interface AuthingTestEmulator {
  /** The emulator's base URL: the widget's `app-host`, for a page that can be pointed at it. */
  readonly url: string;
  /** The control client: seed, configure, faults, clock, request log, reset. */
  readonly client: EmulatorClient;
  /**
   * Resolves to an access token of a signed-in user: an existing user's id; or a user to add (a
   * userId is made up when missing, and a new user without an `email` key gets one); or, with
   * nothing, a new user with an email and no phone.
   */
  signIn(user?: string | Partial<UserInput>, options?: { scope?: string }): Promise<string>;
  /** The phone of a number (default country code `+86`); the same object for the same number. */
  phone(phoneNumber: string, options?: { phoneCountryCode?: string }): Phone;
  /**
   * Sends what the page or context requests from `appHost`'s `/api/*` to the emulator instead, so a
   * page that talks to its real Authing app host needs no change for the test.
   */
  route(target: Page | BrowserContext, appHost: string): Promise<void>;
  /** Stops the emulator startAuthingEmulator() started (connectAuthingEmulator(): does nothing). */
  close(): Promise<void>;
}

/** Starts an emulator of its own on a free port of 127.0.0.1. */
export declare function startAuthingEmulator(options?: EmulatorOptions): Promise<AuthingTestEmulator>;

/** The same helpers for an emulator that already runs at `url`. */
export declare function connectAuthingEmulator(url: string | URL): AuthingTestEmulator;
