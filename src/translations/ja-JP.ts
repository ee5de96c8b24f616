// `authing-phone-manager/translations/ja-JP`: registers ja-JP up front, so a widget shows it with no wait
// and no request for it. Without this import the widget loads it the first time a page asks for it.
import { jaJP } from '../i18n/ja-JP.js';
import { registerTranslation } from '../i18n/registry.js';

registerTranslation('ja-JP', jaJP);
