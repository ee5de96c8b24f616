// Vue 3 with a template compiled in the browser. In an app built with @vitejs/plugin-vue, put the
// same `isCustomElement` under `vue({ template: { compilerOptions: { isCustomElement } } })`.
// vue/dist/vue.esm-browser.js is Vue with its compiler (the default 'vue' import has none); it needs
// no bundler defines, so the demo server serves it without configuration.
import { createApp, ref } from 'vue/dist/vue.esm-browser.js';
import '../../src/define.js';
import { startInbox, USERS } from './shared.js';

const appHost = await startInbox();

const app = createApp({
  setup() {
    const token = ref<string>(USERS[0].token);
    const events = ref<string[]>([]);
    const record = (event: CustomEvent) => events.value.unshift(`${event.type} ${JSON.stringify(event.detail)}`);
    return { appHost, users: USERS, token, events, record };
  },
  template: `
    <label>
      Signed-in user
      <select v-model="token">
        <option v-for="user in users" :key="user.token" :value="user.token">{{ user.label }}</option>
      </select>
    </label>
    <authing-phone-manager
      :app-host="appHost"
      app-id="demo-app"
      .accessToken="token"
      lang="en-US"
      @authing-profile-loaded="record"
      @authing-code-sent="record"
      @authing-phone-bound="record"
      @authing-phone-changed="record"
      @authing-phone-unbound="record"
      @authing-error="record"
    ></authing-phone-manager>
    <h2>Events, from Vue state</h2>
    <ol class="events">
      <li v-for="(line, i) in events" :key="events.length - i">{{ line }}</li>
    </ol>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'authing-phone-manager';
app.mount('#app');
