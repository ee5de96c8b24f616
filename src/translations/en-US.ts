// `authing-phone-manager/translations/en-US`: registers en-US up front, so a widget shows it with no wait
// and no request for it. Without this import the widget loads it the first time a page asks for it.
import { enUS } from '../i18n/en-US.js';
import { registerTranslation } from '../i18n/registry.js';

registerTranslation('en-US', enUS);
