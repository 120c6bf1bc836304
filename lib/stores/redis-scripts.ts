// lib/stores/redis-scripts.ts — the Lua that makes each RedisStore operation atomic.

import { RedisScript } from "./redis-script.js";

// A dedupe key holds a claim's token while in flight, or "done:<ms since the epoch>" once handled
// (plain "done" as written before handled times were kept).

/** KEYS[1] key; ARGV[1] token, ARGV[2] lease ms → "claimed" | "in-flight" | "done[:<ms>]". */
export const claimScript = new RedisScript(`
local current = redis.call('GET', KEYS[1])
if current and string.sub(current, 1, 4) == 'done' then return current end
if current then return 'in-flight' end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 'claimed'
`);

/** KEYS[1] key; ARGV[1] token, ARGV[2] ttl ms. Marks done unless a newer claim holds the key. */
export const commitScript = new RedisScript(`
local current = redis.call('GET', KEYS[1])
if current == false or current == ARGV[1] then
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  redis.call('SET', KEYS[1], 'done:' .. now, 'PX', ARGV[2])
end
return 1
`);

/** KEYS[1] key; ARGV[1] token. Frees the key only for the claim that holds it. */
export const releaseScript = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

// A part group is a hash: field "p<n>" per part, "total", and "assembled" = the number of the
// part whose add completed it (adding that part again hands out the message again). KEYS[2] is a sorted set of group names by deadline, swept for groups
// that expired incomplete. Both keys share a hash tag, so a cluster keeps them in one slot.

/**
 * KEYS[1] group hash, KEYS[2] deadline index; ARGV[1] group name, ARGV[2] part number,
 * ARGV[3] total, ARGV[4] value, ARGV[5] ttl ms, ARGV[6] group hash prefix.
 * → { complete (0|1), number of expired groups, each expired group as JSON, then the parts in
 * order when complete }.
 */
export const addPartScript = new RedisScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[5])

local expired = {}
for _, name in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 20)) do
  local key = ARGV[6] .. name
  if redis.call('HEXISTS', key, 'total') == 1 and redis.call('HEXISTS', key, 'assembled') == 0 then
    local received = {}
    for _, field in ipairs(redis.call('HKEYS', key)) do
      if string.sub(field, 1, 1) == 'p' then table.insert(received, tonumber(string.sub(field, 2))) end
    end
    table.sort(received)
    local groupTotal = tonumber(redis.call('HGET', key, 'total') or 0)
    table.insert(expired, cjson.encode({ group = name, total = groupTotal, received = received }))
  end
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[2], name)
end

redis.call('HSETNX', KEYS[1], 'p' .. ARGV[2], ARGV[4])
redis.call('HSET', KEYS[1], 'total', ARGV[3])
-- The hash outlives its deadline by an hour, so the sweep can still say which parts arrived.
redis.call('PEXPIRE', KEYS[1], ttl + 3600000)
redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])

local reply = { 0, #expired }
for _, group in ipairs(expired) do table.insert(reply, group) end
local completedBy = redis.call('HGET', KEYS[1], 'assembled')
if completedBy and completedBy ~= ARGV[2] then return reply end
local total = tonumber(ARGV[3])
local fields = {}
for n = 1, total do fields[n] = 'p' .. n end
local parts = redis.call('HMGET', KEYS[1], unpack(fields))
for n = 1, total do
  if parts[n] == false then return reply end
end
redis.call('HSET', KEYS[1], 'assembled', ARGV[2])
reply[1] = 1
for n = 1, total do table.insert(reply, parts[n]) end
return reply
`);

/** KEYS[1] group hash, KEYS[2] deadline index; ARGV[1] group name. */
export const deleteGroupScript = new RedisScript(`
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`);

/**
 * KEYS[1] nonce key; ARGV[1] fingerprint, ARGV[2] ttl ms → 1 when the nonce is (now) bound to
 * this fingerprint, 0 when it was bound to another first.
 */
export const bindNonceScript = new RedisScript(`
local bound = redis.call('GET', KEYS[1])
if bound == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if bound == ARGV[1] then return 1 end
return 0
`);
