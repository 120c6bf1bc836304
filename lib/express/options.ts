// lib/express/options.ts — the Express layer's options: the pipeline's plus body limit and handler.

import { z } from "zod";
import type { Request } from "express";
import { pipelineOptionsShape, type PipelineOptions } from "../core/options.js";

const limitMessage = 'must be a number of bytes or a size such as "64kb"';
/** The zod schema of a body limit: bytes, or a size string body-parser understands. */
export const limitSchema = z
  .union(
    [
      z.number().int(limitMessage).positive(limitMessage),
      z.string().regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, limitMessage),
    ],
    { message: limitMessage },
  )
  .optional();

/** Options for `smsWebhook`. */
export interface SmsWebhookOptions extends PipelineOptions<Request> {
  /** The largest body accepted, in bytes or as `"64kb"`; larger gets 413. Default `"64kb"`. */
  limit?: number | string;
}

/** The zod shape of {@link SmsWebhookOptions}. */
export const smsWebhookOptionsShape = { ...pipelineOptionsShape, limit: limitSchema };
