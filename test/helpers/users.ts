/** The emulator's seeded users (see emulator/README.md): the same in every test, browser or Node. */
export const USERS = {
  noPhone: { id: 'u-no-phone', token: 'demo-token-no-phone' },
  phoneAndEmail: { id: 'u-phone-email', token: 'demo-token-phone-email', phone: '13800138000' },
  phoneOnly: { id: 'u-phone-only', token: 'demo-token-phone-only', phone: '13900139000' },
  phoneAndSocial: { id: 'u-phone-social', token: 'demo-token-phone-social', phone: '13600136000' },
  other: { id: 'u-other', token: 'demo-token-other', phone: '13700137000' },
} as const;
