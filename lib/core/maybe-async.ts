// lib/core/maybe-async.ts — values that may or may not be promises, chained without a promise
// when they are not: the memory store and the HMAC providers answer synchronously, and each
// await would cost every request a trip through the microtask queue.

/** A value, or a promise of one. */
export type MaybePromise<T> = T | Promise<T>;

/** True for a promise (of any realm or library): anything with a `then` method. */
export function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

/** `next(value)` now, or once the promise resolves. */
export function then<T, U>(
  value: T | PromiseLike<T>,
  next: (value: T) => MaybePromise<U>,
): MaybePromise<U> {
  return isThenable(value) ? Promise.resolve(value).then(next) : next(value);
}
