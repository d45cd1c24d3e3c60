/**
 * Mail services anyone can sign up to: a partner cannot claim one of these as its own domain, or
 * it would sign in (and, with just-in-time members, admit) every user of that service.
 * `*` ends a family of country variants ("hotmail.*" is hotmail.com, hotmail.co.uk, hotmail.fr...).
 */
const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  "gmail.com",
  "googlemail.com",
  "outlook.*",
  "hotmail.*",
  "live.*",
  "msn.com",
  "passport.com",
  "windowslive.com",
  "yahoo.*",
  "ymail.com",
  "rocketmail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.*",
  "aim.com",
  "proton.me",
  "protonmail.*",
  "pm.me",
  "tutanota.*",
  "tuta.io",
  "gmx.*",
  "web.de",
  "mail.com",
  "email.com",
  "yandex.*",
  "ya.ru",
  "mail.ru",
  "zoho.com",
  "zohomail.*",
  "qq.com",
  "163.com",
  "126.com",
  "sina.com",
  "naver.com",
  "hanmail.net",
  "daum.net",
  "rediffmail.com",
  "fastmail.*",
  "hey.com",
  "btinternet.com",
  "sky.com",
  "virginmedia.com",
  "talktalk.net",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "libero.it",
  "t-online.de",
  "comcast.net",
  "verizon.net",
  "att.net",
  "mailinator.com",
];

/** True when `domain` (normalised: lower case, ASCII) is, or is under, a public mail service. */
export function isPublicMailDomain(domain: string): boolean {
  const labels = domain.split(".");
  return PUBLIC_MAIL_DOMAINS.some((entry) => {
    if (!entry.endsWith(".*")) return domain === entry || domain.endsWith(`.${entry}`);
    // "hotmail.*": hotmail.<ending>, or a name under it, where the ending is a top-level domain
    // (hotmail.fr) or a country's second level (hotmail.co.uk, yahoo.com.au).
    const name = entry.slice(0, -2);
    return labels.some((label, i) => label === name && isMailEnding(labels.slice(i + 1)));
  });
}

const SECOND_LEVEL = new Set(["co", "com", "net", "org", "ne", "or"]);
const isMailEnding = (rest: string[]) =>
  rest.length === 1 || (rest.length === 2 && SECOND_LEVEL.has(rest[0]!) && rest[1]!.length === 2);
