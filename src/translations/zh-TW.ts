// `authing-phone-manager/translations/zh-TW`: registers zh-TW up front, so a widget shows it with no wait
// and no request for it. Without this import the widget loads it the first time a page asks for it.
import { zhTW } from '../i18n/zh-TW.js';
import { registerTranslation } from '../i18n/registry.js';

registerTranslation('zh-TW', zhTW);
