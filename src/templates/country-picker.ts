/**
 * The country of a new number: a compact `+86 ▾` prefix of the number field that opens a search
 * input (role combobox) over a listbox of countries, rendered only while open. State and keys:
 * CountryPickerController.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { COMMON_REGIONS, type CountryOption } from '../i18n/countries.js';
import type { View } from './view.js';

/** A labelled group of options in the list. */
const group = (id: string, label: string, options: TemplateResult[]): TemplateResult =>
  html`<div role="group" aria-labelledby=${id}>
    <div id=${id} class="apm__group">${label}</div>
    ${options}
  </div>`;

/** The closed control: the region's code and the calling code ("JP +81"), read as "Country or region, Japan JP +81" (what is seen is in what is heard). */
export function countryPicker(view: View): TemplateResult {
  const { t, state, picker } = view;
  const { country } = picker;
  const code = country ? `+${country.callingCode}` : '';
  // One country to pick from (a pool without international SMS sends codes to mainland numbers only):
  // the prefix is said, not offered as a list of one.
  if (state.options.allowedCountries?.length === 1) {
    return html`<span part="country-select" class="apm__country" data-fixed
      ><span class="apm__sr-only">${country?.name ?? ''} </span><span>${code}</span></span
    >`;
  }
  return html`<span id="country-label" hidden>${t.country}</span>
    <span id="country-value" hidden>${country ? `${country.name} ${country.iso} ${code}` : ''}</span>
    <button
      type="button"
      part="country-select"
      class="apm__country"
      aria-haspopup="listbox"
      aria-expanded=${String(picker.open)}
      aria-controls=${picker.open ? 'countries' : nothing}
      aria-labelledby="country-label country-value"
      ?disabled=${!!state.pending}
      @click=${() => (picker.open ? picker.hide('prefix') : picker.show())}
      @keydown=${(event: KeyboardEvent) => picker.prefixKey(event)}
    >
      <span class="apm__country-iso">${country?.iso ?? ''}</span> <span>${code}</span><span class="apm__caret" aria-hidden="true"></span>
    </button>`;
}

/** The open list: a search field and the countries that match it, the active one highlighted. */
export function countryPanel(view: View): TemplateResult {
  const { t, state, picker } = view;
  const matches = picker.rendered;
  const active = matches[picker.active];
  // Unsearched, the common regions come first under their own heading.
  const pinned = picker.query.trim() ? [] : matches.filter((c) => COMMON_REGIONS.includes(c.iso));
  const rest = matches.slice(pinned.length);
  const option = (c: CountryOption) =>
    html`<div
      role="option"
      id="country-${c.iso}"
      class="apm__option"
      aria-selected=${String(c.iso === state.draft.country)}
      ?data-active=${c === active}
    >
      <span>${c.name}</span><span class="apm__muted">+${c.callingCode}</span>
    </div>`;
  return html`<div part="country-panel" class="apm__panel" @focusout=${(event: FocusEvent) => picker.leave(event)}>
    <input
      part="country-search"
      type="text"
      role="combobox"
      aria-expanded="true"
      aria-controls="countries"
      aria-autocomplete="list"
      aria-activedescendant=${active ? `country-${active.iso}` : nothing}
      aria-label=${t.countrySearch}
      placeholder=${t.countrySearch}
      autocomplete="off"
      spellcheck="false"
      .value=${picker.query}
      @input=${(event: Event) => picker.search((event.target as HTMLInputElement).value)}
      @keydown=${(event: KeyboardEvent) => picker.key(event)}
    />
    <div
      id="countries"
      role="listbox"
      aria-label=${t.country}
      class="apm__options"
      tabindex="-1"
      @mousedown=${(event: MouseEvent) => event.preventDefault()}
      @click=${(event: MouseEvent) => {
        // One listener for all the options: a click picks the one it landed in.
        const iso = (event.target as Element).closest('[role="option"]')?.id.slice('country-'.length);
        if (iso) picker.pick(iso);
      }}
    >
      ${
        pinned.length
          ? html`${group('countries-common', t.commonRegions, pinned.map(option))} ${group('countries-all', t.allRegions, rest.map(option))}`
          : matches.map(option)
      }
    </div>
    ${matches.length ? nothing : html`<p class="apm__hint" role="status">${t.noCountryMatch}</p>`}
  </div>`;
}
