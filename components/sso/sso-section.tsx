import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { getSsoConnection, ssoBreakGlassCandidates } from "@/lib/sso/connections";
import { oidcRedirectUri } from "@/lib/sso/oidc";
import { ssoStartPath } from "@/lib/sso/requests";
import { spAcsUrl, spEntityId } from "@/lib/sso/saml";
import { formatDate } from "@/lib/utils";
import { SsoConnectionForm } from "./sso-connection-form";
import { SsoSignInSettingsForm } from "./sso-sign-in-settings-form";
import { TestConnectionButton } from "./test-connection-button";
import type { SsoActions, SsoServiceProvider } from "./types";

/**
 * "Single sign-on": the partner's own identity provider (OpenID Connect or SAML 2.0), a test of it,
 * and how its users sign in (Require SSO, just-in-time members). Partner Admins set it up
 * themselves; portal admins from the partner's page. Placed by a page with its own actions;
 * `returnTo` is that page, where a test comes back to.
 */
export async function SsoSection({ actor, orgId, returnTo, actions }: { actor: Actor; orgId: string; returnTo: string; actions: SsoActions }) {
  if (!can(actor, "sso:read", orgId)) return null;
  const db = await getDb();
  const [connection, admins] = await Promise.all([getSsoConnection(db, actor, orgId), ssoBreakGlassCandidates(db, actor, orgId)]);
  const manage = can(actor, "sso:manage", orgId);
  const sp: SsoServiceProvider = {
    redirectUri: oidcRedirectUri(orgId),
    samlEntityId: spEntityId(orgId),
    samlAcsUrl: spAcsUrl(orgId),
    samlMetadataUrl: `/api/sso/${encodeURIComponent(orgId)}/saml/metadata`,
  };
  const test = connection?.lastTestResult ?? null;
  return (
    <section aria-labelledby="sso-heading" className="space-y-4">
      <h2 id="sso-heading" className="text-lg font-semibold">
        Single sign-on
      </h2>
      <p className="text-sm text-muted-foreground">
        Let your people sign in with your own identity provider (OpenID Connect or SAML 2.0). Only email addresses of your verified domains are accepted.
      </p>
      <SsoConnectionForm
        orgId={orgId}
        manage={manage}
        sp={sp}
        hasClientSecret={connection?.hasClientSecret ?? false}
        save={actions.saveConnection}
        initial={{
          protocol: connection?.protocol ?? "oidc",
          issuer: connection?.oidcIssuer ?? "",
          clientId: connection?.oidcClientId ?? "",
          metadataXml: connection?.samlIdpMetadata ?? "",
        }}
      />
      {connection ? (
        <>
          <div className="space-y-2 rounded-md border p-4" aria-labelledby="sso-last-test-heading" role="group">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id="sso-last-test-heading" className="font-medium">
                Last test
              </h3>
              {manage ? <TestConnectionButton href={ssoStartPath(orgId, { test: true, returnTo })} /> : null}
            </div>
            {test ? (
              <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4" data-testid="sso-last-test">
                <dt className="font-medium text-muted-foreground">Result</dt>
                <dd className={test.ok ? "text-success-foreground" : "text-destructive"}>{test.ok ? "Succeeded" : "Failed"}</dd>
                <dt className="font-medium text-muted-foreground">When</dt>
                <dd>{formatDate(new Date(test.at))}</dd>
                {test.ok ? (
                  <>
                    <dt className="font-medium text-muted-foreground">Subject</dt>
                    <dd className="break-all font-mono text-xs">{test.subject}</dd>
                    <dt className="font-medium text-muted-foreground">Email</dt>
                    <dd className="break-all">
                      {test.email ?? "None sent"}
                      {test.email ? (test.emailVerified ? " (verified)" : " (not verified)") : null}
                    </dd>
                    {test.signIn ? (
                      <>
                        <dt className="font-medium text-muted-foreground">Sign-in</dt>
                        <dd>{test.signIn}</dd>
                      </>
                    ) : null}
                    <dt className="font-medium text-muted-foreground">Attributes</dt>
                    <dd>
                      <dl className="grid gap-x-3 font-mono text-xs sm:grid-cols-[max-content_1fr]">
                        {Object.entries(test.attributes ?? {}).map(([k, v]) => (
                          <div key={k} className="contents">
                            <dt className="text-muted-foreground">{k}</dt>
                            <dd className="break-all">{v}</dd>
                          </div>
                        ))}
                      </dl>
                    </dd>
                  </>
                ) : (
                  <>
                    <dt className="font-medium text-muted-foreground">Error</dt>
                    <dd className="break-words">{test.error}</dd>
                  </>
                )}
              </dl>
            ) : (
              <p className="text-sm text-muted-foreground">Not tested yet.{manage ? " Test connection signs in once at your provider and shows what came back." : ""}</p>
            )}
          </div>
          <SsoSignInSettingsForm
            manage={manage}
            admins={admins}
            save={actions.saveSettings}
            initial={{
              orgId,
              enabled: connection.enabled,
              requireSso: connection.requireSso,
              breakGlassUserId: connection.breakGlassUserId ?? "",
              jitEnabled: connection.jitEnabled,
              jitRole: connection.jitRole,
            }}
          />
          {manage ? (
            <ConfirmDialog
              trigger={
                <Button variant="outline" size="sm">
                  Remove single sign-on
                </Button>
              }
              title="Remove single sign-on?"
              description="Your users sign in with their email and password again. The connection's settings are deleted."
              confirmLabel="Remove"
              action={actions.remove}
              input={{ orgId }}
              success="Single sign-on removed."
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
