import { createServer, type Server } from "node:net";

/**
 * A minimal SMTP server that accepts every mail and keeps it, so SMTP_URL mode can be run.
 * `greetingDelayMs` makes it a slow one: it answers a connection only after that long.
 */
export function fakeSmtp(port: number, opts: { greetingDelayMs?: number } = {}): { server: Server; mails: string[] } {
  const mails: string[] = [];
  const server = createServer((socket) => {
    let data = false;
    let buf = "";
    const greet = setTimeout(() => socket.write("220 fake ESMTP\r\n"), opts.greetingDelayMs ?? 0);
    socket.on("close", () => clearTimeout(greet));
    socket.on("data", (chunk) => {
      buf += chunk.toString("latin1");
      for (;;) {
        if (data) {
          const end = buf.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mails.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          data = false;
          socket.write("250 queued\r\n");
          continue;
        }
        const nl = buf.indexOf("\r\n");
        if (nl < 0) return;
        const line = buf.slice(0, nl).toUpperCase();
        buf = buf.slice(nl + 2);
        if (line.startsWith("EHLO")) socket.write("250-fake\r\n250 OK\r\n");
        else if (line.startsWith("DATA")) {
          data = true;
          socket.write("354 go\r\n");
        } else if (line.startsWith("QUIT")) socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
  server.listen(port, "127.0.0.1");
  return { server, mails };
}
