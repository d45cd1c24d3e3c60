import dns2 from "dns2";

const { Packet } = dns2;

/**
 * A real DNS server (dns2, UDP) on loopback publishing the TXT records the test sets: what a
 * partner's DNS provider would answer. An unknown name is NXDOMAIN. Used by the unit tests (port 0)
 * and the e2e spec (a fixed port the app's DNS_SERVERS names).
 */
export async function startTxtServer(port = 0): Promise<{
  address: string;
  publish: (name: string, ...values: string[]) => void;
  unpublish: (name: string) => void;
  close: () => Promise<void>;
}> {
  const records = new Map<string, string[]>();
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = question?.name.toLowerCase().replace(/\.$/, "") ?? "";
      const values = records.get(name);
      if (!values) response.header.rcode = Packet.RCODE.NXDOMAIN;
      else if (question?.type === Packet.TYPE.TXT) {
        for (const data of values) response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data } as never);
      }
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port, address: "127.0.0.1", type: "udp4" } as never });
  const bound = (addresses as { udp?: { port: number } }).udp?.port ?? port;
  return {
    address: `127.0.0.1:${bound}`,
    publish: (name, ...values) => records.set(name.toLowerCase(), values),
    unpublish: (name) => records.delete(name.toLowerCase()),
    close: () => server.close(),
  };
}
