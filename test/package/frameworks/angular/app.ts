// An Angular app: a standalone component with CUSTOM_ELEMENTS_SCHEMA, compiled just in time in the
// browser (@angular/compiler loaded first), bootstrapped without zone.js. `[attr.app-host]` binds the
// attribute, `[accessToken]` the property (the token never becomes an attribute), and
// `(authing-phone-bound)` listens to the DOM event. The test server bundles this file with esbuild
// (experimentalDecorators from tsconfig.json handle @Component).
//
// The widget's code is loaded lazily, after the first render, so Angular meets the tag before the
// browser knows it. At run time Angular accepts an already registered custom element by itself (it
// checks customElements.get and `name in element`); the ahead-of-time compiler never can. Either way
// it is CUSTOM_ELEMENTS_SCHEMA that makes the tag and `[accessToken]` legal.
import '@angular/compiler';
import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  InjectionToken,
  computed,
  inject,
  provideZonelessChangeDetection,
  signal,
  type ApplicationRef,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { AuthingPhoneBoundEvent } from '../../../../src/events.js';

export interface AppProps {
  appHost: string;
  accessToken: string;
}

const SETTINGS = new InjectionToken<AppProps>('authing settings');

@Component({
  selector: 'phone-settings',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <authing-phone-manager
      [attr.app-host]="settings.appHost"
      app-id="test-app"
      [accessToken]="settings.accessToken"
      lang="en-US"
      (authing-profile-loaded)="record($event)"
      (authing-code-sent)="record($event)"
      (authing-phone-bound)="onBound($event)"
    ></authing-phone-manager>
    <output data-state>{{ state() }}</output>
  `,
})
class PhoneSettingsComponent {
  readonly settings = inject(SETTINGS);
  private readonly seen = signal<{ events: string[]; bound: AuthingPhoneBoundEvent['detail'] | null }>({ events: [], bound: null });
  readonly state = computed(() => JSON.stringify(this.seen()));

  record(event: Event): void {
    this.seen.update((s) => ({ ...s, events: [...s.events, event.type] }));
  }

  onBound(event: AuthingPhoneBoundEvent): void {
    const { phoneNumber, phoneCountryCode } = event.detail;
    this.seen.update((s) => ({ events: [...s.events, event.type], bound: { phoneNumber, phoneCountryCode } }));
  }
}

/** Bootstraps the app into `container`; `errors` has what Angular logged with console.error meanwhile (NG0304 unknown element…). */
export async function mount(
  container: Element,
  props: AppProps,
): Promise<{ unmount(): void; errors: string[]; registeredBeforeMount: boolean }> {
  const registeredBeforeMount = customElements.get('authing-phone-manager') !== undefined;
  const errors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    consoleError.apply(console, args);
  };
  container.append(document.createElement('phone-settings'));
  let app: ApplicationRef;
  try {
    app = await bootstrapApplication(PhoneSettingsComponent, {
      providers: [provideZonelessChangeDetection(), { provide: SETTINGS, useValue: props }],
    });
    await app.whenStable();
  } finally {
    console.error = consoleError;
  }
  // The widget arrives after the first render; the element upgrades in place and keeps the bindings.
  await import('../../../../src/define.js');
  return { unmount: () => app.destroy(), errors, registeredBeforeMount };
}
