// lib/inspector/index.ts — the inspector's public surface.

export { createInspector } from "./create-inspector.js";
export type { Inspector, InspectorOptions } from "./create-inspector.js";
export type { InspectorRouterOptions } from "./router.js";
export type { InspectorRecord, InspectorContent } from "./summary.js";
export type { PendingMessage } from "./pending-messages.js";
export type { OutcomeCounts } from "./record-store.js";
