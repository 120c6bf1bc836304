// examples/readme/store-contract.ts — the README's "Dedupe": a store of your own, checked.

import { runDedupeStoreContract } from "sms-webhooks/testing";
runDedupeStoreContract("MyStore", () => new MyStore()); // inside Jest, Vitest or Mocha
