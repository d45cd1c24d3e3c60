import assert from "node:assert/strict";
import { test } from "node:test";
import { isPrivateAddress, publicOnlyLookup } from "@/lib/net/private-address";

test("loopback, private, link-local, metadata, CGNAT, unspecified, multicast and mapped addresses are private; public ones are not", () => {
  const priv = [
    "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "100.100.100.200", "0.0.0.0", "255.255.255.255", "224.0.0.1", "192.0.2.1", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254",
    "::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::7f00:1", "2002:7f00:1::", "[::1]", "fe80::1%eth0", "not-an-ip", "",
  ];
  for (const a of priv) assert.equal(isPrivateAddress(a), true, a);
  for (const a of ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "172.32.0.1", "100.128.0.1"]) {
    assert.equal(isPrivateAddress(a), false, a);
  }
});

test("the connect-time lookup refuses a name that resolves to loopback, in both of node's calling styles", async () => {
  const viaAll = await new Promise<Error | null>((resolve) => publicOnlyLookup("localhost", { all: true }, (err) => resolve(err)));
  assert.match(viaAll?.message ?? "", /private address/);
  const single = await new Promise<Error | null>((resolve) => publicOnlyLookup("localhost", {}, (err) => resolve(err)));
  assert.match(single?.message ?? "", /private address/);
});
