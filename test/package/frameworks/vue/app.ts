// A Vue 3 app with a string template, compiled at run time (the test server bundles `vue` as
// vue/dist/vue.esm-bundler.js, the build with the compiler). `isCustomElement` tells the compiler
// that <authing-phone-manager> is not a Vue component. `:app-host` binds the attribute;
// `.accessToken` binds the property, so the token never becomes an attribute; `@authing-phone-bound`
// listens to the DOM event.
//
// The widget's code is loaded lazily, after the app rendered, so the template is compiled while the
// tag is still unknown to the browser. Vue's run-time compiler would otherwise recognise a tag that
// is already registered by itself (it falls back to customElements.get); an SFC compiled at build
// time never can. Either way it is `isCustomElement` that keeps Vue from resolving it as a component.
import { createApp, reactive } from 'vue';
import type { AuthingPhoneBoundEvent } from '../../../../src/events.js';

export interface AppProps {
  appHost: string;
  accessToken: string;
}

export async function mount(
  container: Element,
  props: AppProps,
): Promise<{ unmount(): void; warnings: string[]; registeredBeforeMount: boolean }> {
  const registeredBeforeMount = customElements.get('authing-phone-manager') !== undefined;
  const warnings: string[] = [];
  const app = createApp({
    setup() {
      const seen = reactive({ events: [] as string[], bound: null as AuthingPhoneBoundEvent['detail'] | null });
      return {
        ...props,
        seen,
        record: (event: Event) => seen.events.push(event.type),
        onBound: (event: AuthingPhoneBoundEvent) => {
          seen.events.push(event.type);
          seen.bound = { ...event.detail };
        },
      };
    },
    template: `
      <authing-phone-manager
        :app-host="appHost"
        app-id="test-app"
        .accessToken="accessToken"
        lang="en-US"
        @authing-profile-loaded="record"
        @authing-code-sent="record"
        @authing-phone-bound="onBound"
      ></authing-phone-manager>
      <output data-state>{{ JSON.stringify(seen) }}</output>`,
  });
  app.config.compilerOptions.isCustomElement = (tag) => tag === 'authing-phone-manager';
  // Vue's warnings ("Failed to resolve component" when the tag is not recognised…) go to the test.
  app.config.warnHandler = (message) => void warnings.push(message);
  app.mount(container);
  // The widget arrives after the first render; the element upgrades in place and keeps the bindings.
  await import('../../../../src/define.js');
  return { unmount: () => app.unmount(), warnings, registeredBeforeMount };
}
