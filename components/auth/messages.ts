/** Shown when a suspended partner user tries to sign in (password or single sign-on). */
export const SUSPENDED_MESSAGE = "Your account is suspended. Ask your organisation's Admin to restore it.";
/** Shown when a portal admin has suspended the partner organisation a user belongs to. */
export const PARTNER_SUSPENDED_MESSAGE =
  "Your organisation's access to the partner pages is suspended. Contact the business that manages your partnership.";
