import type { ReactiveController, ReactiveElement } from 'lit';
import type { PhoneSession } from '../core/session.js';
import { countryOption, countryOptions, searchCountries, type CountryOption } from '../i18n/countries.js';
import type { Messages } from '../i18n/messages.js';

/** Options rendered past the active one in the frame a list opens or a search changes it. */
const FIRST = 40;

/**
 * The open/closed state, search text and active option of the country combobox (ARIA 1.2: a search
 * input with a listbox popup, opened from the `+86 ▾` prefix of the number field). The options are
 * only rendered while it is open, and in two goes: up to a screenful past the active one in the frame
 * it opens, the rest in the frame after, so opening never waits on two hundred rows. The countries
 * are the session's (the pool's allowed ones), named in the locale's language; picking one is an edit
 * of the session's draft.
 */
export class CountryPickerController implements ReactiveController {
  open = false;
  query = '';
  /** Index of the active option among {@link matches}. */
  active = 0;
  private readonly host: ReactiveElement;
  private readonly locale: { readonly lang: string; readonly messages?: Messages };
  private readonly session: Pick<PhoneSession, 'state' | 'send'>;
  private scrollActive = false;
  /** How many of the matches are rendered. */
  private limit = 0;
  private growing = false;

  constructor(
    host: ReactiveElement,
    locale: { readonly lang: string; readonly messages?: Messages },
    session: Pick<PhoneSession, 'state' | 'send'>,
  ) {
    this.host = host;
    this.locale = locale;
    this.session = session;
    host.addController(this);
  }

  /** The picked country, as an option (its name and calling code). */
  get country(): CountryOption | undefined {
    return countryOption(this.locale.lang, this.locale.messages?.regions ?? {}, this.session.state.draft.country);
  }

  private options(): CountryOption[] {
    return countryOptions(this.locale.lang, this.locale.messages?.regions ?? {}, this.session.state.options.allowedCountries);
  }

  get matches(): CountryOption[] {
    return this.open ? searchCountries(this.options(), this.query) : [];
  }

  /** The matches rendered so far: always up to the active one. */
  get rendered(): CountryOption[] {
    return this.matches.slice(0, Math.max(this.limit, this.active + 1));
  }

  /** Opens the list on the selected country, or with `query` typed on the closed prefix. */
  show(query = ''): void {
    this.open = true;
    this.query = query;
    const index = query ? 0 : this.matches.findIndex((c) => c.iso === this.session.state.draft.country);
    this.active = Math.max(0, index);
    this.limit = this.active + FIRST;
    this.scrollActive = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.find<HTMLInputElement>('[part~="country-search"]')?.focus());
  }

  /** Closes the list; `focus` returns focus to the prefix (Escape) or the number (after a pick). */
  hide(focus?: 'prefix' | 'number'): void {
    if (!this.open) return;
    this.open = false;
    this.query = '';
    this.host.requestUpdate();
    if (focus) {
      const selector = focus === 'prefix' ? '[part~="country-select"]' : '[part~="phone-input"]';
      void this.host.updateComplete.then(() => this.find<HTMLElement>(selector)?.focus());
    }
  }

  pick(iso: string): void {
    this.session.send({ type: 'edit', field: 'country', value: iso });
    this.hide('number');
  }

  search(query: string): void {
    this.query = query;
    this.active = 0;
    this.limit = FIRST;
    this.scrollActive = true;
    this.host.requestUpdate();
  }

  /** Keys of the search input: arrows, Home/End, Enter picks, Escape closes, Tab leaves. */
  key(event: KeyboardEvent): void {
    const count = this.matches.length;
    const move = (index: number) => {
      event.preventDefault();
      this.active = count ? (index + count) % count : 0;
      this.scrollActive = true;
      this.host.requestUpdate();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(this.active + 1);
      case 'ArrowUp':
        return move(this.active - 1);
      case 'Home':
        return event.ctrlKey ? move(0) : undefined;
      case 'End':
        return event.ctrlKey ? move(count - 1) : undefined;
      case 'PageDown':
        return move(Math.min(count - 1, this.active + 8));
      case 'PageUp':
        return move(Math.max(0, this.active - 8));
      case 'Enter': {
        event.preventDefault(); // never the form's submit
        const option = this.matches[this.active];
        if (option) this.pick(option.iso);
        return;
      }
      case 'Escape':
        event.preventDefault();
        event.stopPropagation(); // a dialog around the widget stays open
        return this.hide('prefix');
      case 'Tab':
        return this.hide();
    }
  }

  /** Keys of the closed prefix: arrows open it, a printable character opens it searching for it. */
  prefixKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.show();
    } else if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.show(event.key);
    }
  }

  /** Focus left the combobox (a click elsewhere, Shift+Tab): close without picking. */
  leave(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    const picker = this.find('[part~="country-panel"]');
    if (to && picker?.contains(to)) return;
    this.hide();
  }

  hostUpdated(): void {
    if (this.open && !this.growing && this.limit < Infinity) {
      this.growing = true;
      requestAnimationFrame(() => {
        this.growing = false;
        this.limit = Infinity;
        this.host.requestUpdate();
      });
    }
    if (!this.open || !this.scrollActive) return;
    this.scrollActive = false;
    // The list scrolls, never the page (scrollIntoView would move the page too). Reading offsetTop lays
    // the list out, but the options off screen skip their layout (content-visibility in the styles).
    const list = this.find<HTMLElement>('[role="listbox"]');
    const option = this.find<HTMLElement>('[role="option"][data-active]');
    if (!list || !option) return;
    if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop;
    else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight;
    }
  }

  private find<T extends Element = Element>(selector: string): T | null {
    return this.host.shadowRoot?.querySelector<T>(selector) ?? null;
  }
}
