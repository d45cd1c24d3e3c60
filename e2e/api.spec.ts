import { expect, test, unique } from "./fixtures";

const CLIENT = { id: "e2e-client", secret: "e2e-client-secret-0123456789-abcdef" };

test("the REST API against the built server: token, create org and user, list, delete", async ({ request }) => {
  const unauthenticated = await request.get("/api/partner-management/partner-organisations");
  expect(unauthenticated.status()).toBe(401);
  expect(unauthenticated.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(await unauthenticated.json()).toEqual({ message: expect.any(String) });

  const wrong = await request.post("/api/oauth/token", { form: { grant_type: "client_credentials", client_id: CLIENT.id, client_secret: "wrong-secret" } });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error).toBe("invalid_client");

  const basic = Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString("base64");
  const tokenRes = await request.post("/api/oauth/token", { headers: { authorization: `Basic ${basic}` }, form: { grant_type: "client_credentials" } });
  expect(tokenRes.status()).toBe(200);
  expect(tokenRes.headers()["cache-control"]).toBe("no-store");
  const { access_token, token_type } = await tokenRes.json();
  expect(token_type).toBe("Bearer");
  const headers = { authorization: `Bearer ${access_token}` };

  const name = unique("API Org");
  const created = await request.post("/api/partner-management/partner-organisation", {
    headers,
    data: { name, zuoraAccountId: "A-E2E-1", isZuoraInvoiceOwner: true, logo: "https://example.com/logo.png" },
  });
  expect(created.status()).toBe(200);
  const org = await created.json();
  expect(org).toMatchObject({ name, record_type: "partner_org", data: { zuoraAccountId: "A-E2E-1", isZuoraInvoiceOwner: true } });

  const email = `${unique("api").replace(/\W+/g, "-").toLowerCase()}@example.com`;
  const user = await request.post(`/api/partner-management/partner-organisation/${org.id}`, { headers, data: { email } });
  expect(user.status()).toBe(200);
  const userBody = await user.json();
  expect(userBody).toMatchObject({ name: email, data: { email }, partner_org: org.id, record_type: "partner_user" });
  const duplicate = await request.post(`/api/partner-management/partner-organisation/${org.id}`, { headers, data: { email: email.toUpperCase() } });
  expect(duplicate.status()).toBe(409);

  const bad = await request.post("/api/partner-management/partner-organisation", { headers, data: "{not json", failOnStatusCode: false });
  expect(bad.status()).toBe(400);

  // Walk the organisations a page at a time until ours appears.
  let found = false;
  let cursor: string | undefined;
  do {
    const page = await request.get("/api/partner-management/partner-organisations", { headers, params: { limit: 2, ...(cursor ? { queryMore: cursor } : {}) } });
    expect(page.status()).toBe(200);
    const body = await page.json();
    expect(body.items.length).toBeLessThanOrEqual(2);
    found ||= body.items.some((o: { id: string }) => o.id === org.id);
    cursor = body.queryMore;
  } while (cursor && !found);
  expect(found).toBe(true);

  const users = await request.get(`/api/partner-management/partner-organisation/${org.id}/users`, { headers });
  expect((await users.json()).items.map((u: { id: string }) => u.id)).toEqual([userBody.id]);

  const updated = await request.put(`/api/partner-management/partner-organisation/${org.id}`, { headers, data: { isZuoraInvoiceOwner: false } });
  expect((await updated.json()).data).toEqual({ zuoraAccountId: "A-E2E-1", isZuoraInvoiceOwner: false, logo: "https://example.com/logo.png" });

  const delUser = await request.delete(`/api/partner-management/partner-organisation/${org.id}/${userBody.id}`, { headers });
  expect(await delUser.json()).toEqual({ success: true });
  const delOrg = await request.delete(`/api/partner-management/partner-organisation/${org.id}`, { headers });
  expect(await delOrg.json()).toEqual({ success: true });
  const gone = await request.get(`/api/partner-management/partner-organisation/${org.id}/users`, { headers });
  expect(gone.status()).toBe(404);

  const doc = await request.get("/api/openapi.json");
  expect(doc.status()).toBe(200);
  expect(Object.keys((await doc.json()).paths)).toContain("/partner-management/partner-organisation/{partnerOrganisationId}/{partnerUserId}");
});
