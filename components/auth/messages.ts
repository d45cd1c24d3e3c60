/** Shown when a suspended partner user tries to sign in (password or single sign-on). */
export const SUSPENDED_MESSAGE = "Your account is suspended. Ask your organisation's Admin to restore it.";
/** Shown when a portal admin has suspended the partner organisation a user belongs to. */
export const PARTNER_SUSPENDED_MESSAGE =
  "Your organisation's access to the partner pages is suspended. Contact the business that manages your partnership.";
/** Shown when a partner that requires single sign-on has a user try their password (only its break-glass Admin may). */
export const SSO_REQUIRED_MESSAGE =
  "Your partner requires single sign-on: sign in through your identity provider, not with a password. Select Use another email, enter your work email address and select Continue. If that does not take you to your identity provider, ask your partner Admin.";
