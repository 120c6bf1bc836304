// lib/providers/vonage-messages/secrets.ts — which signature secret(s) sign a token: by its api_key claim.

import { z } from "zod";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { WebhookError } from "../../core/webhook-error.js";

/** Looks up the signature secret(s) of an API key (a sub-account); `undefined` when unknown. */
export type SecretResolver = (
  apiKey: string,
) => SecretInput | undefined | Promise<SecretInput | undefined>;

/**
 * The `secret` option: one secret (or a rotation list) for every token, a map from `api_key` to
 * secret(s), or a resolver.
 */
export type VonageMessagesSecret =
  SecretInput | Readonly<Record<string, SecretInput>> | SecretResolver;

/** The zod schema of {@link VonageMessagesSecret}. */
export const messagesSecretSchema = z.union(
  [
    secretSchema,
    z.record(z.string(), secretSchema),
    z.custom<SecretResolver>((value) => typeof value === "function"),
  ],
  {
    message:
      "must be a secret (or list of them), a map from api_key to secret(s), or a function (apiKey) => secret(s)",
  },
);

/** Builds the lookup from api_key to the secrets that may have signed its tokens. */
export function secretLookup(
  secret: VonageMessagesSecret,
): (apiKey: string | undefined) => Promise<readonly string[]> {
  if (typeof secret === "string" || Array.isArray(secret)) {
    const secrets = secretList(secret as SecretInput);
    return () => Promise.resolve(secrets);
  }
  const resolve: SecretResolver =
    typeof secret === "function"
      ? secret
      : (apiKey) =>
          Object.hasOwn(secret, apiKey)
            ? (secret as Record<string, SecretInput>)[apiKey]
            : undefined;
  return async (apiKey) => {
    if (apiKey === undefined) {
      throw new WebhookError(
        "secret_unknown",
        "The token has no api_key claim to pick a secret by.",
      );
    }
    let found: SecretInput | undefined;
    try {
      found = await resolve(apiKey);
    } catch (error) {
      throw new WebhookError("internal_error", "The secret resolver failed.", { cause: error });
    }
    const parsed = found === undefined ? undefined : secretSchema.safeParse(found);
    if (parsed === undefined) {
      throw new WebhookError(
        "secret_unknown",
        "No signature secret is configured for this token's api_key.",
      );
    }
    if (!parsed.success) {
      throw new WebhookError(
        "internal_error",
        "The secret resolver returned something that is not a secret.",
      );
    }
    return secretList(parsed.data);
  };
}
