// Message table of the emulator, in the two languages Authing's V3 API speaks (zh-CN, en-US).
//
// The strings come from Authing's docs, SDKs and messages observed from the live service: where a live
// Authing message is known it is used verbatim; where only a zh-CN string is known, the English one is our
// own wording. A few are the emulator's own choice (marked "ours").

/** @typedef {'zh-CN' | 'en-US'} Lang */

/**
 * @typedef {object} MessageEntry
 * @property {string | ((p: Record<string, unknown>) => string)} zh
 * @property {string | ((p: Record<string, unknown>) => string)} en
 */

/**
 * Duration in words, for the resend message and the SMS text ("1 分钟" / "a minute", "30 秒" / "30 seconds").
 * @param {number} seconds
 * @param {Lang} lang
 */
export function durationText(seconds, lang) {
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    if (lang === 'zh-CN') return `${minutes} 分钟`;
    return minutes === 1 ? 'a minute' : `${minutes} minutes`;
  }
  return lang === 'zh-CN' ? `${seconds} 秒` : `${seconds} seconds`;
}

/**
 * "minute", "2 minutes", "30 seconds": the period after "in the last".
 * @param {number} seconds
 */
const lastPeriod = (seconds) => (seconds === 60 ? 'minute' : durationText(seconds, 'en-US'));

/** @type {Record<string, MessageEntry>} */
export const MESSAGES = {
  success: { zh: '操作成功', en: 'Success' },
  notLoggedIn: { zh: '尚未登录，无权限访问此请求', en: 'Not logged in, no permission to access this request' },
  // ours
  notFound: { zh: '请求的接口不存在', en: 'The requested API does not exist' },
  methodNotAllowed: { zh: '不支持该请求方法', en: 'Method not allowed' },
  invalidJson: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  bodyNotObject: { zh: '请求体必须是 JSON 对象', en: 'The request body must be a JSON object' },
  payloadTooLarge: { zh: '请求体过大', en: 'The request body is too large' },
  missingParam: {
    zh: (p) => `参数 ${p.field} 不能为空`,
    en: (p) => `${p.field} should not be empty`,
  },
  paramNotString: {
    zh: (p) => `参数 ${p.field} 必须是字符串`,
    en: (p) => `${p.field} must be a string`,
  },
  paramNotObject: {
    zh: (p) => `参数 ${p.field} 必须是对象`,
    en: (p) => `${p.field} must be an object`,
  },
  invalidEnum: {
    zh: (p) => `参数 ${p.field} 必须是以下值之一：${p.values}`,
    en: (p) => `${p.field} must be one of the following values: ${p.values}`,
  },
  // Authing (V2 apiCode 2028's situation); wording from the brief
  invalidPhone: { zh: '请输入正确的手机号码', en: 'Please enter a valid phone number' },
  // apiCode 4004. zh: verbatim from a production integration's list of Authing codes (docs/authing-api.md
  // §13), with the interval in words; en: ours (worded so that only the apiCode, not the text, says "rate limit")
  resendTooSoon: {
    zh: (p) => `该手机号 ${durationText(/** @type {number} */ (p.seconds), 'zh-CN')}内已发送过验证码，请稍后再试`,
    en: (p) =>
      `A code was already sent to this phone number in the last ${lastPeriod(/** @type {number} */ (p.seconds))}. Please try again later.`,
  },
  // zh: a message seen from Authing by a production integration (docs/authing-api.md §13); en: ours
  dailyLimitReached: { zh: '手机号每天发送的验证次数超过上限', en: 'This phone number has reached its daily limit of verification codes' },
  // ours: Authing's wording for a request without an app or user pool id is not known
  missingAppOrPoolId: {
    zh: '请求头 x-authing-app-id 或 x-authing-userpool-id 不能为空',
    en: 'x-authing-app-id or x-authing-userpool-id should not be empty',
  },
  // zh: the SDKs' SendSMSDto field docs; en: ours. Authing's answer to such a send is not known.
  internationalSmsOff: {
    zh: 'Authing 短信服务暂不内置支持国际手机号，你需要在 Authing 控制台配置对应的国际短信服务',
    en: 'International SMS is not enabled for this user pool',
  },
  phoneAlreadyBound: { zh: '已经绑定了手机号', en: 'A phone number is already bound' },
  phoneTaken: { zh: '该手机号已被绑定', en: 'The phone has been bound to another account' },
  codeWrong: { zh: '验证码不正确', en: 'Wrong code. Try again.' },
  codeInvalid: { zh: '验证码已失效', en: 'Code invalid or expired' },
  noPhoneBound: { zh: '当前用户未绑定手机号', en: 'current user has no phone number bound' },
  samePhone: { zh: '新手机号和旧手机号一样', en: 'The new phone is the same as the old phone' },
  oldPhoneRequired: { zh: '修改手机号必须验证原来的手机号。', en: 'The original phone number must be verified to change it.' },
  oldPhoneMismatch: { zh: '旧手机号非用户账号绑定的手机号', en: 'The old phone is not the phone bound to the user' },
  updatePhoneTokenInvalid: { zh: 'updatePhoneToken 无效或已过期', en: 'updatePhoneToken is invalid or expired' },
  lastLoginMethod: { zh: '没有配置其他登录方式，不能解绑手机号', en: 'No other login account. Unable to unbind the phone' },
  internalError: { zh: '服务器内部错误', en: 'Internal server error' },
};

/**
 * The language of the answer: `x-authing-lang: en-US` (case-insensitive) gives English, anything else
 * (or no header) gives zh-CN.
 * @param {string | string[] | undefined} header
 * @returns {Lang}
 */
export function resolveLang(header) {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && value.trim().toLowerCase() === 'en-us' ? 'en-US' : 'zh-CN';
}

/**
 * @param {string} key one of the keys of MESSAGES
 * @param {Lang} lang
 * @param {Record<string, unknown>} [params]
 * @returns {string}
 */
export function message(key, lang, params = {}) {
  const entry = MESSAGES[key];
  if (!entry) throw new Error(`Unknown message key: ${key}`);
  const text = lang === 'en-US' ? entry.en : entry.zh;
  return typeof text === 'function' ? text(params) : text;
}

/**
 * Text of the SMS put in the outbox, like Authing's default template.
 * @param {string} code
 * @param {number} ttlSeconds
 */
export function smsText(code, ttlSeconds) {
  return `【Authing】您的验证码是 ${code}，${durationText(ttlSeconds, 'zh-CN')}内有效。`;
}
