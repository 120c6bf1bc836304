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

/** Which secrets may have signed a token. */
export interface SecretLookup {
  /** True when the secret depends on the token's `api_key` claim (a map or a resolver). */
  readonly byApiKey: boolean;
  /** The secrets for `apiKey`; throws `secret_unknown` for a key nobody configured. */
  secretsFor(apiKey: string | undefined): Promise<readonly string[]>;
}

/** Builds the lookup from api_key to the secrets that may have signed its tokens. */
export function secretLookup(secret: VonageMessagesSecret): SecretLookup {
  if (typeof secret === "string" || Array.isArray(secret)) {
    const secrets = secretList(secret as SecretInput);
    return { byApiKey: false, secretsFor: () => Promise.resolve(secrets) };
  }
  if (typeof secret !== "function") {
    const map = secret as Readonly<Record<string, SecretInput>>;
    return {
      byApiKey: true,
      // A promise like a resolver's answer: a key nobody configured rejects.
      secretsFor: (apiKey) =>
        Promise.resolve().then(() =>
          resolved(
            apiKey === undefined || !Object.hasOwn(map, apiKey) ? undefined : map[apiKey],
            apiKey,
          ),
        ),
    };
  }
  const resolve = secret;
  return {
    byApiKey: true,
    async secretsFor(apiKey) {
      if (apiKey === undefined) return resolved(undefined, apiKey);
      let found: Awaited<ReturnType<SecretResolver>>;
      try {
        found = await resolve(apiKey);
      } catch (error) {
        throw resolverFailed(error);
      }
      return resolved(found, apiKey);
    },
  };
}

// What a map or resolver gave for the token's api_key, as a list of secrets.
function resolved(found: unknown, apiKey: string | undefined): readonly string[] {
  if (apiKey === undefined) {
    throw new WebhookError("secret_unknown", "The token has no api_key claim to pick a secret by.");
  }
  if (found === undefined) {
    throw new WebhookError(
      "secret_unknown",
      "No signature secret is configured for this token's api_key.",
    );
  }
  const parsed = secretSchema.safeParse(found);
  if (!parsed.success) {
    throw new WebhookError(
      "internal_error",
      "The secret resolver returned something that is not a secret.",
    );
  }
  return secretList(parsed.data);
}

function resolverFailed(error: unknown): WebhookError {
  if (error instanceof WebhookError) return error;
  return new WebhookError("internal_error", "The secret resolver failed.", { cause: error });
}
