// Angular: a standalone component with CUSTOM_ELEMENTS_SCHEMA, compiled in the browser (JIT:
// @angular/compiler first), bootstrapped without zone.js. An Angular CLI app writes the same
// component and drops the compiler import (its build compiles ahead of time).
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import '../../src/define.js';
import { startInbox, USERS } from './shared.js';

const appHost = await startInbox();

@Component({
  selector: 'phone-settings',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <label>
      Signed-in user
      <select [value]="token()" (change)="token.set($any($event.target).value)">
        @for (user of users; track user.token) {
          <option [value]="user.token">{{ user.label }}</option>
        }
      </select>
    </label>
    <authing-phone-manager
      [attr.app-host]="appHost"
      app-id="demo-app"
      [accessToken]="token()"
      lang="en-US"
      (authing-profile-loaded)="record($event)"
      (authing-code-sent)="record($event)"
      (authing-phone-bound)="record($event)"
      (authing-phone-changed)="record($event)"
      (authing-phone-unbound)="record($event)"
      (authing-error)="record($event)"
    ></authing-phone-manager>
    <h2>Events, from an Angular signal</h2>
    <ol class="events">
      @for (line of events(); track $index) {
        <li>{{ line }}</li>
      }
    </ol>
  `,
})
class PhoneSettingsComponent {
  readonly appHost = appHost;
  readonly users = USERS;
  readonly token = signal<string>(USERS[0].token);
  readonly events = signal<string[]>([]);

  record(event: Event): void {
    const { type, detail } = event as CustomEvent;
    this.events.update((list) => [`${type} ${JSON.stringify(detail)}`, ...list]);
  }
}

document.getElementById('app')!.append(document.createElement('phone-settings'));
await bootstrapApplication(PhoneSettingsComponent, { providers: [provideZonelessChangeDetection()] });
