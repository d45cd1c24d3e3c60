import "server-only";
import { config } from "@/lib/config";
import { invalid } from "@/lib/errors";
import { isPrivateHost } from "@/lib/net/private-host";

/**
 * The one rule for the address of a partner's identity provider (an OpenID issuer, a SAML IdP's
 * single sign-on URL): absolute https, no credentials in it, on a public host, so that neither the
 * server (discovery, tokens) nor people's browsers are sent into the internal network. With
 * SSO_ALLOW_PRIVATE_ADDRESSES=true (development, the tests' providers on loopback) http and private
 * hosts are accepted too. `name` is the field's label in messages, `field` where the form shows them.
 */
export function providerUrl(value: string, name: string, field?: string): URL {
  const refuse = (message: string) => invalid(message, field ? { [field]: [message] } : {});
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse(`${name} is not a valid URL.`);
  }
  const allowPrivate = config.ssoAllowPrivateAddresses();
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) throw refuse(`${name} must be an https:// URL.`);
  if (url.username || url.password) throw refuse(`${name} must not contain a user name or password.`);
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    throw refuse(`${name} must be on a public host, not a loopback, private, link-local or metadata address.`);
  }
  return url;
}
