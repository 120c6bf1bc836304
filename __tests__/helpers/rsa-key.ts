// __tests__/helpers/rsa-key.ts — one real RSA key, for tokens signed with RS256 that the library
// must refuse (only HS256 is accepted).

import crypto from "node:crypto";

// A throwaway key made for these tests and used nowhere else. Checked in rather than generated:
// generating a 2048-bit key takes 0.1 to 0.5 s of CPU, in every file that needs one.
const pem =
  "-----BEGIN PRIVATE KEY-----\n" +
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDYOztSj40Pas7t\n" +
  "+bxOigKacSYa9doQ+XdV3s8Wm+++1njwqzsNLLCdpzZShXacOU8+gweFTi5dXXy8\n" +
  "fdft4uhQ3ShI3CPNTOZwgCaU6BnBpG7FD0OnupMYV/3XJVYOblBlvzsN2PJIENgK\n" +
  "qEy/bv2GbtDXG2e59ZSfHMINlYAzD7jzAEmCoPhHADs5n6miqhkf0Yhg8Ze6Ijhc\n" +
  "OcBqbXunPj8RzK+a32UGZTj19yLzeD6k0B9Ti6hydstdQblbvwBqk8BldMqhWEsW\n" +
  "3aiiHzxfTUaAzJts/MXKy5zYaeMxKm+ppfmPkl+G9KNvqLyajEIgITxpc5+aumuu\n" +
  "He7l4MBRAgMBAAECggEAAR4Joy/tnAYJBJoWnHavNA8zUdtx3kZJVQbPxDxKvs5B\n" +
  "NaGPSBtL3IpKToUoIcwHaj/ULt61zVLOZXOM0iRq32bl9NegXrv2PkZ6cvWh4Aoi\n" +
  "h8wM2GXI9n/9f/P0yYiaS6azXl5/3mcp4QcE6IG63fI3vyWbp/Tj9cOFoPs9osxN\n" +
  "HV/mX6e1Rty+GEk68Zlatygj62poY6jcL1Hoao7FvbnILliCzlJnMa9lYiABZQVl\n" +
  "WOh1RzTt3xbgk4WEiuJF0+7CGlRJ8SlfpcFK5BWYsfxNhZgjXN7sYcmnBrmzk+Ku\n" +
  "wQ7i4O3pHRFXircDnPaZ+8kY0oa9Rf7rVWKy2dz7EQKBgQD5bNZCtOaiY8hbgSmZ\n" +
  "XBFJtPI4Mo3LmjI4onXv7DhcuaCKlmuhTCJ8tvnme+MW08Yp3DSKLCX7qgo0NvZG\n" +
  "YA4qNkeVQ+2ZlAc2z+60sNLtoJmXUJ5fDtQ+JOScHLhJ8p80uStmNy5/Uct8wlay\n" +
  "T40ZGZHhVtmE/rlte3Y0wdd5CQKBgQDd7mXJAGPLMcirWZJGh8K3XrwuAhIm3M9s\n" +
  "B46RljedxttFfRYG/OZ45KZY7Jy0+zqD1CG8L+VewW7FVq35xDsW/AczHZp9ZuJT\n" +
  "pCYQa9iM5aJnyqZjN20+Myl6Otwxk54PoX11SObFzcgLARy5nPe3dH0hrdNxQG1M\n" +
  "IcX5l9xHCQKBgEV29kUltIXNXGN/mWJIrdflOQBFtA/cJdh4BniHRTstx3RRaDBH\n" +
  "z+MD4p06K4iT+kB2P3urx/hK5wSbugLnhYpkC5Oak3WOMGQnjMdt55CehagKn9DB\n" +
  "hIK6K6D+rqSJmaVJXLje7WgwE4fvZ83JMfanlGU5luLfPi0rkUQoKCZhAoGBAKWa\n" +
  "Sdt17gFmsa2i1fLJRTPdfh/6rZ7QL/sVnH3okLGr/Fza3P/z4Oqe+73pOXoW6XAL\n" +
  "b+zj9I0DW+vnJUT1933MLHcpBOnERuhQ2ZJxVxK0G77FSelJJ7w9IxsxJrPbyhsx\n" +
  "ztMgxgsd5cLIXq3mgjYjt2fVNK0SfTxNC1SWy+k5AoGAc0so3gl0qw9Vzo4ck6u4\n" +
  "jH//5j4Y6QKLJrLGzWI+mbWmOrFVFEzFtTngmKrSs4AGx38ZMwtXOxuFS97ID+sG\n" +
  "IS/XQ7KvwS+4vl5rBm0vaI9NIGFuDj1KA64p943rvS2nWAPQQSYode/YmzgmVja8\n" +
  "SC++1l5EmCN887762sRiSbs=\n" +
  "-----END PRIVATE KEY-----\n";

let key: crypto.KeyObject | undefined;

/** A 2048-bit RSA private key. */
export function rsaPrivateKey(): crypto.KeyObject {
  key ??= crypto.createPrivateKey(pem);
  return key;
}
