/** Shown when a suspended partner user tries to sign in (password or single sign-on). */
export const SUSPENDED_MESSAGE = "Your account is suspended. Ask your organisation's Admin to restore it.";
