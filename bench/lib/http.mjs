// A lean HTTP client for many concurrent requests (keep-alive sockets, no parsing beyond JSON).
import http from 'node:http';

export function client(baseUrl, { sockets = 200 } = {}) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const request = (method, path, { body, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method,
          agent,
          headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return {
    get: (path, headers) => request('GET', path, { headers }),
    /** Posts a GraphQL operation; returns the HTTP status and the parsed body. */
    async gql(query, variables, cookie) {
      const res = await request('POST', '/graphql', {
        body: JSON.stringify({ query, variables }),
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      });
      let json = null;
      try {
        json = JSON.parse(res.body);
      } catch {
        // not JSON: reported by its status
      }
      return { status: res.status, json };
    },
    close: () => agent.destroy(),
  };
}
